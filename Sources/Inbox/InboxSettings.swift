import Foundation

/// How the inbox service runs: the folders and the timing.
public struct InboxSettings: Sendable {
    /// Where scanning stations drop files.
    public var inbox: URL
    /// Where `<YYYY-MM-DD>/<id>/` result folders go.
    public var output: URL
    /// Where originals are kept, read-only, content-addressed by SHA-256.
    public var archive: URL
    /// The service's own state: the SQLite ledger and `watch.json`.
    public var state: URL
    /// Where files that cannot be processed go, each with a `.reason.txt`.
    public var quarantine: URL
    /// How often the inbox is scanned (seconds); with inotify, the longest wait between scans.
    public var poll: Double = 0.2
    /// How long a file's size and time must stay unchanged before it is taken (seconds).
    public var settle: Double = 0.8
    /// Files processed at once.
    public var workers: Int = 1
    public var mode: WatchMode = .auto
    /// Stop once the inbox is empty and nothing is claimed (for batch runs and tests).
    public var exitWhenIdle = false

    public enum WatchMode: String, Sendable, CaseIterable {
        /// inotify unless the inbox is on a network file system.
        case auto
        case inotify
        case poll
    }

    public init(inbox: URL, output: URL, archive: URL, state: URL, quarantine: URL? = nil) {
        self.inbox = inbox
        self.output = output
        self.archive = archive
        self.state = state
        self.quarantine = quarantine ?? state.appendingPathComponent("quarantine")
    }

    /// The claim area lives inside the inbox so that a claim is a rename on the same file system.
    var claims: URL { inbox.appendingPathComponent(".intake-claims") }
    public var ledgerPath: String { state.appendingPathComponent("ledger.sqlite").path }
}
