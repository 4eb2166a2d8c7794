import Foundation

/// What `intake console` keeps in the ledger beside the inbox's rows: clerks, the audit trail,
/// 办件编号, revisions, decisions, verification times, the queue's index and the 预审号s.
///
/// Every method is one transaction (but on PostgreSQL a large `upsert` and `verifyAudit` go in
/// batches, each within the URL's timeout). Implementations: `SQLiteConsoleStore` (the file `watch`
/// writes), `PostgresConsoleStore` (the database `watch --ledger postgres://…` writes); open
/// either with `openConsoleStore(ledger:state:)`.
public protocol ConsoleStore: AnyObject, Sendable {
    // MARK: Clerks

    /// Adds an account; false when the login is taken.
    func addClerk(_ clerk: Clerk, passwordHash: String, at now: Date) throws -> Bool
    /// The account and its password hash.
    func clerk(login: String) throws -> (clerk: Clerk, passwordHash: String)?
    /// Every account, by login.
    func clerks() throws -> [Clerk]
    /// A new password; unlocks the account. False when there is no such login.
    func setPassword(login: String, hash: String, at now: Date) throws -> Bool
    /// False when there is no such login.
    func setDisabled(login: String, _ disabled: Bool) throws -> Bool
    /// Counts a failed login; the `limit`-th in a row locks the account until `now + lockFor`.
    /// Returns whether the account is locked now.
    func recordFailedLogin(login: String, at now: Date, limit: Int, lockFor: TimeInterval) throws -> Bool
    func recordGoodLogin(login: String) throws

    // MARK: 办件编号

    /// The submission's 办件编号, `<office>-<YYYYMMDD>-<seq>`, given once: the office's next
    /// number of `day` the first time, the same one after.
    func caseNumber(submission: String, office: String, day: String) throws -> String
    /// The 办件编号 already given to a submission.
    func existingCaseNumber(submission: String) throws -> String?

    // MARK: Decisions and verification times

    func recordDecision(submission: String, outcome: String, reason: String?, clerk: String, at now: Date) throws
    func decision(submission: String) throws -> Decision?
    func recordVerifyTimes(submission: String, clerk: String, times: [(field: String, milliseconds: Double)], at now: Date) throws
    /// Verification times per field, sorted, of what was verified at or after `since`.
    func verifyTimes(since: Date) throws -> [Double]
    /// Who decided what, of what was decided at or after `since`: (clerk, outcome) → count.
    func decisionCounts(since: Date) throws -> [(clerk: String, outcome: String, count: Int)]

    // MARK: Audit trail and revisions

    /// Appends rows, all or none, each linked to the one before by its hash (`AuditChain`).
    func audit(_ entries: [AuditEntry]) throws
    /// Claims revision `revision` of a submission and records its audit rows, in one
    /// transaction: false (and nothing recorded) when another clerk claimed it first.
    func claimRevision(submission: String, revision: Int, clerk: String, at now: Date, audit entries: [AuditEntry]) throws -> Bool
    /// Gives a claimed revision back when writing it failed (the audit rows stay).
    func releaseRevision(submission: String, revision: Int) throws
    /// The highest revision claimed of each submission, with the clerk who claimed it and when.
    func claimedRevisions() throws -> [(submission: String, revision: Int, clerk: String, at: Date)]
    /// Gives back a claim whose revision never reached the disk (the process died between the
    /// claim and the folder's rename), recording why in the same transaction.
    func abandonRevision(submission: String, revision: Int, audit entry: AuditEntry) throws
    /// Walks the chain from its first row: every row's hash is that of its content and the row before.
    func verifyAudit() throws -> AuditVerification
    /// The rows of one submission and/or clerk (or all), newest first, up to `limit`.
    func auditRows(submission: String?, clerk: String?, limit: Int) throws -> [AuditRow]
    /// How many rows of `actions` a submission has (of `field`, when given).
    func auditCount(submission: String, field: String?, actions: [String]) throws -> Int

    // MARK: Queue index

    /// Inserts or replaces entries by submission.
    func upsert(_ entries: [QueueEntry]) throws
    /// The ids already indexed for `day`, with the revision indexed.
    func indexed(day: String) throws -> [String: Int]
    func queueEntry(submission: String) throws -> QueueEntry?
    /// A day's submissions: needs-review first, then incomplete, accepted, rejected; oldest first within.
    func queue(day: String, limit: Int) throws -> [QueueEntry]
    /// Submissions matching `text` (see `QueueSearch`), newest first.
    func search(_ text: String, limit: Int) throws -> [QueueEntry]
    /// Counts of a day's submissions by status, item, district, for the 科长.
    func counts(day: String, by column: QueueColumn) throws -> [(key: String, count: Int)]

    // MARK: 网上预审

    /// Records a 预审号 for the submission it was handed in as; false when the number is taken.
    func recordPrecheckReference(_ reference: String, submission: String, at now: Date) throws -> Bool
    func precheckReferenceTaken(_ reference: String) throws -> Bool
}

/// The defaults the console's callers rely on (protocol requirements cannot carry them).
extension ConsoleStore {
    public func audit(_ entry: AuditEntry) throws { try audit([entry]) }

    public func auditRows(submission: String? = nil, clerk: String? = nil) throws -> [AuditRow] {
        try auditRows(submission: submission, clerk: clerk, limit: 500)
    }

    public func auditCount(submission: String, actions: [String]) throws -> Int {
        try auditCount(submission: submission, field: nil, actions: actions)
    }

    public func queue(day: String) throws -> [QueueEntry] { try queue(day: day, limit: 5000) }

    public func search(_ text: String) throws -> [QueueEntry] { try search(text, limit: 200) }
}

/// Opens the console's store in the ledger `watch` uses: `ledger` as `--ledger` takes it
/// (`postgres://…`, `sqlite:///path`), or nil for `<state>/ledger.sqlite`.
public func openConsoleStore(ledger: String?, state: URL) throws -> any ConsoleStore {
    guard let ledger else {
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        return try SQLiteConsoleStore(path: state.appendingPathComponent("ledger.sqlite").path)
    }
    if ledger.hasPrefix("sqlite://") { return try SQLiteConsoleStore(path: String(ledger.dropFirst("sqlite://".count))) }
    let lowered = ledger.lowercased()
    if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
        return try PostgresConsoleStore(url: ledger)
    }
    throw PostgresLedgerError("the ledger \"\(PostgresURL.redact(ledger))\" is neither sqlite:///path nor postgres://")
}

public enum ClerkRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// 窗口: verifies, decides and prints for its offices.
    case clerk
    /// 科长: everything a clerk does for every office, plus the statistics and the audit trail.
    case chief
    /// Accounts and settings; no submission work.
    case admin
}

public struct Clerk: Sendable, Hashable {
    public var login: String
    public var name: String
    public var role: ClerkRole
    /// Region codes of the offices the clerk serves (371502 …); empty: every office.
    public var offices: [String]
    public var disabled: Bool = false
    public var lockedUntil: Date? = nil
    public var passwordSetAt: Date? = nil

    public init(login: String, name: String, role: ClerkRole, offices: [String]) {
        self.login = login
        self.name = name
        self.role = role
        self.offices = offices
    }

    /// Whether the clerk works on submissions of `office` (a region code).
    public func serves(office: String?) -> Bool {
        guard role == .clerk, !offices.isEmpty else { return role != .admin }
        return office.map { offices.contains($0) } ?? false
    }

    /// The columns both stores read, in the order of `stored`.
    static let columns = "login, name, role, offices, disabled, locked_until, password_set_at, password_hash"

    /// An account from its columns as stored.
    static func stored(login: String, name: String, role: String, offices: String, disabled: Bool, lockedUntil: Double?,
                       passwordSetAt: Double?) -> Clerk {
        var clerk = Clerk(login: login, name: name, role: ClerkRole(rawValue: role) ?? .clerk,
                          offices: offices.split(separator: ",").map(String.init))
        clerk.disabled = disabled
        clerk.lockedUntil = lockedUntil.map(Date.init(timeIntervalSince1970:))
        clerk.passwordSetAt = passwordSetAt.map(Date.init(timeIntervalSince1970:))
        return clerk
    }
}

public struct Decision: Sendable, Hashable {
    public var outcome: String
    public var reason: String?
    public var clerk: String
    public var at: Date
}

/// 办件编号 as printed.
enum CaseNumber {
    static func format(office: String, day: String, seq: Int) -> String {
        let number = String(seq)
        return "\(office)-\(day.replacingOccurrences(of: "-", with: ""))-\(String(repeating: "0", count: max(0, 4 - number.count)))\(number)"
    }
}
