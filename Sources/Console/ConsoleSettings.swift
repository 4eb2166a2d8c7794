import Foundation
import IntakeCore

/// Where the console finds what `watch` writes, and how it listens.
public struct ConsoleSettings: Sendable {
    /// result folders (`<output>/<YYYY-MM-DD>/<id>/`).
    public var output: URL
    /// The state folder: the page-image cache, and the ledger (`ledger.sqlite`) unless `ledger` names another.
    public var state: URL
    /// The ledger `watch --ledger` writes: `postgres://…`, `sqlite:///path`; nil: `<state>/ledger.sqlite`.
    public var ledger: String?
    /// Where `watch` archives originals by SHA-256 (page images are drawn from them).
    public var archive: URL?
    /// Where counter uploads go: the inbox `watch` reads.
    public var inbox: URL?
    public var host = "127.0.0.1"
    public var port = 8460
    /// PEM files: the console serves HTTPS with them.
    public var tlsCertificate: String?
    public var tlsKey: String?
    /// A CUPS queue for `lp -d`; nil: print through the browser only.
    public var printer: String?
    /// The day the queue shows and decisions are dated (`--today`); nil: the day in China.
    public var today: CalendarDate?
    /// Seconds between scans of the output folder for new and revised results.
    public var indexInterval: TimeInterval = 2
    /// Largest counter upload.
    public var maxUpload = 32 << 20

    public init(output: URL, state: URL) {
        self.output = output
        self.state = state
    }

    var secure: Bool { tlsCertificate != nil }
}
