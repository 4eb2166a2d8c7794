import Crypto
import Foundation
import GRDB

/// One action a person took in the console, as the audit trail keeps it. Values are kept masked
/// for reading and as the SHA-256 of the full value, so a row proves what was there without
/// showing it.
public struct AuditEntry: Sendable, Hashable {
    public var at: Date
    public var clerk: String
    /// The client's address.
    public var address: String
    /// login, login-failed, logout, open, confirm, correct, decide, print, reprint, upload, …
    public var action: String
    public var submission: String?
    public var field: String?
    /// Full values: only their hashes and the masked forms reach the table.
    public var before: String?
    public var after: String?
    public var beforeMasked: String?
    public var afterMasked: String?
    public var reason: String?

    public init(at: Date, clerk: String, address: String, action: String, submission: String? = nil, field: String? = nil,
                before: String? = nil, after: String? = nil, beforeMasked: String? = nil, afterMasked: String? = nil,
                reason: String? = nil) {
        self.at = at
        self.clerk = clerk
        self.address = address
        self.action = action
        self.submission = submission
        self.field = field
        self.before = before
        self.after = after
        self.beforeMasked = beforeMasked
        self.afterMasked = afterMasked
        self.reason = reason
    }
}

/// A row as stored.
public struct AuditRow: Sendable, Hashable {
    public var seq: Int64
    public var at: Date
    public var clerk: String
    public var address: String
    public var action: String
    public var submission: String?
    public var field: String?
    public var beforeMasked: String?
    public var afterMasked: String?
    public var reason: String?
}

/// The outcome of walking the chain.
public struct AuditVerification: Sendable, Hashable {
    public var rows: Int
    /// The first row whose hash or link is wrong.
    public var brokenAt: Int64?
    public var ok: Bool { brokenAt == nil }
}

extension ConsoleStore {
    /// The hash the first row links to.
    static let chainStart = String(repeating: "0", count: 64)

    /// Appends rows, all or none, each linked to the one before by its hash.
    public func audit(_ entries: [AuditEntry]) throws {
        try pool.write { db in try Self.append(entries, db) }
    }

    /// Claims revision `revision` of a submission and records its audit rows, in one
    /// transaction: false (and nothing recorded) when another clerk claimed it first.
    public func claimRevision(submission: String, revision: Int, clerk: String, at now: Date, audit entries: [AuditEntry]) throws -> Bool {
        try pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM revision WHERE submission = ? AND revision = ?",
                                   arguments: [submission, revision]) == nil else { return false }
            try db.execute(sql: "INSERT INTO revision (submission, revision, clerk, at) VALUES (?, ?, ?, ?)",
                           arguments: [submission, revision, clerk, now.timeIntervalSince1970])
            try Self.append(entries, db)
            return true
        }
    }

    /// Gives a claimed revision back when writing it failed (the audit rows stay).
    public func releaseRevision(submission: String, revision: Int) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM revision WHERE submission = ? AND revision = ?", arguments: [submission, revision])
        }
    }

    /// The highest revision claimed of each submission, with the clerk who claimed it.
    public func claimedRevisions() throws -> [(submission: String, revision: Int, clerk: String)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT submission, revision, clerk FROM revision r
                WHERE revision = (SELECT MAX(revision) FROM revision WHERE submission = r.submission)
                """).map { ($0["submission"], $0["revision"], $0["clerk"]) }
        }
    }

    /// Gives back a claim whose revision never reached the disk (the process died between the
    /// claim and the folder's rename), recording why in the same transaction.
    public func abandonRevision(submission: String, revision: Int, audit entry: AuditEntry) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM revision WHERE submission = ? AND revision = ?", arguments: [submission, revision])
            try Self.append([entry], db)
        }
    }

    static func append(_ entries: [AuditEntry], _ db: Database) throws {
        var previous = try String.fetchOne(db, sql: "SELECT hash FROM audit ORDER BY seq DESC LIMIT 1") ?? Self.chainStart
        for entry in entries {
            let fields: [String?] = [
                String(entry.at.timeIntervalSince1970), entry.clerk, entry.address, entry.action, entry.submission,
                entry.field, entry.beforeMasked, entry.before.map(Self.sha256), entry.afterMasked,
                entry.after.map(Self.sha256), entry.reason,
            ]
            let hash = Self.link(previous, fields)
            try db.execute(sql: """
                INSERT INTO audit (at, clerk, address, action, submission, field, before_masked, before_sha256,
                                   after_masked, after_sha256, reason, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: StatementArguments([entry.at.timeIntervalSince1970] + fields.dropFirst().map { $0 as (any DatabaseValueConvertible)? }
                                                   + [previous, hash]))
            previous = hash
        }
    }

    public func audit(_ entry: AuditEntry) throws { try audit([entry]) }

    /// Walks the chain from its first row: every row's hash is that of its content and the row before.
    public func verifyAudit() throws -> AuditVerification {
        try pool.read { db in
            var previous = Self.chainStart
            var count = 0
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit ORDER BY seq")
            while let row = try cursor.next() {
                count += 1
                let at: Double = row["at"]
                let fields: [String?] = [
                    String(at), row["clerk"], row["address"], row["action"], row["submission"], row["field"],
                    row["before_masked"], row["before_sha256"], row["after_masked"], row["after_sha256"], row["reason"],
                ]
                let stored: String = row["hash"]
                guard row["previous_hash"] == previous, Self.link(previous, fields) == stored else {
                    return AuditVerification(rows: count, brokenAt: row["seq"])
                }
                previous = stored
            }
            return AuditVerification(rows: count, brokenAt: nil)
        }
    }

    /// The rows of one submission (or all, newest first, up to `limit`).
    public func auditRows(submission: String? = nil, clerk: String? = nil, limit: Int = 500) throws -> [AuditRow] {
        try pool.read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let submission { conditions.append("submission = ?"); arguments.append(submission) }
            if let clerk { conditions.append("clerk = ?"); arguments.append(clerk) }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(db, sql: "SELECT * FROM audit \(filter) ORDER BY seq DESC LIMIT \(limit)",
                                    arguments: StatementArguments(arguments)).map {
                AuditRow(seq: $0["seq"], at: Date(timeIntervalSince1970: $0["at"]), clerk: $0["clerk"], address: $0["address"],
                         action: $0["action"], submission: $0["submission"], field: $0["field"],
                         beforeMasked: $0["before_masked"], afterMasked: $0["after_masked"], reason: $0["reason"])
            }
        }
    }

    /// How many rows of `action` a submission has.
    public func auditCount(submission: String, field: String? = nil, actions: [String]) throws -> Int {
        try pool.read { db in
            let marks = actions.map { _ in "?" }.joined(separator: ",")
            let fieldFilter = field == nil ? "" : " AND field = ?"
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit WHERE submission = ? AND action IN (\(marks))\(fieldFilter)",
                                    arguments: StatementArguments([submission] + actions + (field.map { [$0] } ?? []))) ?? 0
        }
    }

    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Each field length-prefixed, so no two different rows hash the same text.
    static func link(_ previous: String, _ fields: [String?]) -> String {
        var text = previous
        for field in fields {
            if let field { text += "|\(field.utf8.count):\(field)" } else { text += "|-" }
        }
        return sha256(text)
    }
}
