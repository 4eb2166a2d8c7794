import Foundation

/// The record of every submission the inbox service took: claimed, done, quarantined,
/// duplicate. It is what makes "never lost, never done twice" checkable after a crash.
///
/// One protocol; SQLite (GRDB, WAL) is the default store. Every method is one transaction.
public protocol Ledger: Sendable {
    /// Records a claim and says what to do with the file.
    func begin(_ claim: ClaimRecord) throws -> ClaimDecision
    /// Records how a claimed submission ended.
    func finish(sha256: String, token: String, _ completion: Completion) throws
    /// Records a transient failure that will be retried.
    func recordRetry(sha256: String, token: String, reason: String) throws
    /// Counts and latencies of what finished at or after `since`.
    func summary(since: Date) throws -> LedgerSummary
    /// The row of one submission, if any.
    func entry(sha256: String) throws -> LedgerEntry?
    /// Every row, for checks and reports.
    func entries() throws -> [LedgerEntry]
    /// Tokens recorded as duplicates, for checks.
    func duplicateCount() throws -> Int
}

/// A file just claimed from the inbox.
public struct ClaimRecord: Sendable, Hashable {
    public var sha256: String
    /// The file name as dropped.
    public var name: String
    /// Unique per drop: a second drop of the same bytes has another token, a recovered claim the same.
    public var token: String
    /// When the file appeared in the inbox (its modification time).
    public var droppedAt: Date
    public var claimedAt: Date
    public var worker: String

    public init(sha256: String, name: String, token: String, droppedAt: Date, claimedAt: Date, worker: String) {
        self.sha256 = sha256
        self.name = name
        self.token = token
        self.droppedAt = droppedAt
        self.claimedAt = claimedAt
        self.worker = worker
    }
}

public enum ClaimDecision: Sendable, Hashable {
    /// New content, or a claim of ours interrupted before it finished: process it.
    case process
    /// The same bytes were taken before under another token: record, do not process.
    case duplicate(ofToken: String)
    /// This very claim already finished (a crash came after the ledger, before the cleanup).
    case alreadyFinished
}

public struct Completion: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, Codable { case done, quarantined }
    public var state: State
    /// accepted / incomplete / rejected / needs-review, for done submissions.
    public var resultStatus: String?
    public var resultDirectory: String?
    public var reason: String?
    public var finishedAt: Date

    public init(state: State, resultStatus: String?, resultDirectory: String?, reason: String?, finishedAt: Date) {
        self.state = state
        self.resultStatus = resultStatus
        self.resultDirectory = resultDirectory
        self.reason = reason
        self.finishedAt = finishedAt
    }
}

public struct LedgerEntry: Sendable, Hashable {
    public var sha256: String
    public var name: String
    public var token: String
    /// claimed, done or quarantined.
    public var state: String
    public var resultStatus: String?
    public var resultDirectory: String?
    public var reason: String?
    public var attempts: Int
    public var droppedAt: Date
    public var finishedAt: Date?
}

public struct LedgerSummary: Sendable, Hashable, Codable {
    public var done: Int
    public var quarantined: Int
    public var duplicates: Int
    /// Claimed and not finished (being processed, or waiting for a retry).
    public var inProgress: Int
    public var retries: Int
    /// Drop-to-result latency of the done submissions, milliseconds.
    public var latencyP50: Double?
    public var latencyP99: Double?
    public var byResultStatus: [String: Int]
}
