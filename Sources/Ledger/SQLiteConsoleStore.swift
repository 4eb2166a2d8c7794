import Foundation
import GRDB

/// The console's tables in the SQLite ledger file (`<state>/ledger.sqlite`), beside the inbox
/// service's tables. SQLite serialises writers, so every check-then-write below is safe as it
/// stands in its `pool.write`.
public final class SQLiteConsoleStore: ConsoleStore {
    let pool: DatabasePool

    /// Opens (creating if needed) the ledger file at `path`, the same file `watch` writes.
    public init(path: String) throws {
        pool = try LedgerSchema.open(path: path, busyTimeout: 10)
    }

    // MARK: Clerks

    public func addClerk(_ clerk: Clerk, passwordHash: String, at now: Date) throws -> Bool {
        try pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM clerk WHERE login = ?", arguments: [clerk.login]) == nil else {
                return false
            }
            try db.execute(sql: """
                INSERT INTO clerk (login, name, role, offices, password_hash, password_set_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [clerk.login, clerk.name, clerk.role.rawValue, clerk.offices.joined(separator: ","),
                                 passwordHash, now.timeIntervalSince1970, now.timeIntervalSince1970])
            return true
        }
    }

    public func clerk(login: String) throws -> (clerk: Clerk, passwordHash: String)? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Clerk.columns) FROM clerk WHERE login = ?", arguments: [login])
                .map { (Self.clerk($0), $0["password_hash"]) }
        }
    }

    public func clerks() throws -> [Clerk] {
        try pool.read { db in try Row.fetchAll(db, sql: "SELECT \(Clerk.columns) FROM clerk ORDER BY login").map(Self.clerk) }
    }

    public func setPassword(login: String, hash: String, at now: Date) throws -> Bool {
        try pool.write { db in
            try db.execute(sql: """
                UPDATE clerk SET password_hash = ?, password_set_at = ?, failed_logins = 0, locked_until = NULL WHERE login = ?
                """, arguments: [hash, now.timeIntervalSince1970, login])
            return db.changesCount == 1
        }
    }

    public func setDisabled(login: String, _ disabled: Bool) throws -> Bool {
        try pool.write { db in
            try db.execute(sql: "UPDATE clerk SET disabled = ? WHERE login = ?", arguments: [disabled, login])
            return db.changesCount == 1
        }
    }

    public func recordFailedLogin(login: String, at now: Date, limit: Int, lockFor: TimeInterval) throws -> Bool {
        try pool.write { db in
            try db.execute(sql: "UPDATE clerk SET failed_logins = failed_logins + 1 WHERE login = ?", arguments: [login])
            guard let failed = try Int.fetchOne(db, sql: "SELECT failed_logins FROM clerk WHERE login = ?", arguments: [login]),
                  failed >= limit else { return false }
            try db.execute(sql: "UPDATE clerk SET locked_until = ?, failed_logins = 0 WHERE login = ?",
                           arguments: [now.timeIntervalSince1970 + lockFor, login])
            return true
        }
    }

    public func recordGoodLogin(login: String) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE clerk SET failed_logins = 0, locked_until = NULL WHERE login = ?", arguments: [login])
        }
    }

    static func clerk(_ row: Row) -> Clerk {
        Clerk.stored(login: row["login"], name: row["name"], role: row["role"], offices: row["offices"], disabled: row["disabled"],
                     lockedUntil: row["locked_until"], passwordSetAt: row["password_set_at"])
    }

    // MARK: 办件编号

    public func caseNumber(submission: String, office: String, day: String) throws -> String {
        try pool.write { db in
            if let row = try Row.fetchOne(db, sql: "SELECT office, day, seq FROM case_number WHERE submission = ?",
                                          arguments: [submission]) {
                return CaseNumber.format(office: row["office"], day: row["day"], seq: row["seq"])
            }
            let next = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM case_number WHERE office = ? AND day = ?",
                                         arguments: [office, day]) ?? 0) + 1
            try db.execute(sql: "INSERT INTO case_number (office, day, seq, submission) VALUES (?, ?, ?, ?)",
                           arguments: [office, day, next, submission])
            return CaseNumber.format(office: office, day: day, seq: next)
        }
    }

    public func existingCaseNumber(submission: String) throws -> String? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT office, day, seq FROM case_number WHERE submission = ?", arguments: [submission])
                .map { CaseNumber.format(office: $0["office"], day: $0["day"], seq: $0["seq"]) }
        }
    }

    // MARK: Decisions and verification times

    public func recordDecision(submission: String, outcome: String, reason: String?, clerk: String, at now: Date) throws {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO decision (submission, outcome, reason, clerk, at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (submission) DO UPDATE SET outcome = excluded.outcome, reason = excluded.reason,
                    clerk = excluded.clerk, at = excluded.at
                """, arguments: [submission, outcome, reason, clerk, now.timeIntervalSince1970])
        }
    }

    public func decision(submission: String) throws -> Decision? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM decision WHERE submission = ?", arguments: [submission]).map {
                Decision(outcome: $0["outcome"], reason: $0["reason"], clerk: $0["clerk"], at: Date(timeIntervalSince1970: $0["at"]))
            }
        }
    }

    public func recordVerifyTimes(submission: String, clerk: String, times: [(field: String, milliseconds: Double)], at now: Date) throws {
        try pool.write { db in
            for time in times {
                try db.execute(sql: "INSERT INTO verify_time (submission, field, clerk, milliseconds, at) VALUES (?, ?, ?, ?, ?)",
                               arguments: [submission, time.field, clerk, time.milliseconds, now.timeIntervalSince1970])
            }
        }
    }

    public func verifyTimes(since: Date) throws -> [Double] {
        try pool.read { db in
            try Double.fetchAll(db, sql: "SELECT milliseconds FROM verify_time WHERE at >= ? ORDER BY milliseconds",
                                arguments: [since.timeIntervalSince1970])
        }
    }

    public func decisionCounts(since: Date) throws -> [(clerk: String, outcome: String, count: Int)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT clerk, outcome, COUNT(*) AS n FROM decision WHERE at >= ? GROUP BY clerk, outcome ORDER BY clerk, outcome
                """, arguments: [since.timeIntervalSince1970]).map { ($0["clerk"], $0["outcome"], $0["n"]) }
        }
    }

    // MARK: Audit trail and revisions

    public func audit(_ entries: [AuditEntry]) throws {
        try pool.write { db in try Self.append(entries, db) }
    }

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

    public func releaseRevision(submission: String, revision: Int) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM revision WHERE submission = ? AND revision = ?", arguments: [submission, revision])
        }
    }

    public func claimedRevisions() throws -> [(submission: String, revision: Int, clerk: String, at: Date)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT submission, revision, clerk, at FROM revision r
                WHERE revision = (SELECT MAX(revision) FROM revision WHERE submission = r.submission)
                """).map { ($0["submission"], $0["revision"], $0["clerk"], Date(timeIntervalSince1970: $0["at"])) }
        }
    }

    public func abandonRevision(submission: String, revision: Int, audit entry: AuditEntry) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM revision WHERE submission = ? AND revision = ?", arguments: [submission, revision])
            try Self.append([entry], db)
        }
    }

    /// Within the caller's write transaction, which SQLite makes the only writer.
    static func append(_ entries: [AuditEntry], _ db: Database) throws {
        let last = try String.fetchOne(db, sql: "SELECT hash FROM audit ORDER BY seq DESC LIMIT 1") ?? AuditChain.start
        for link in AuditChain.links(after: last, entries) {
            let values: [(any DatabaseValueConvertible)?] = [link.at] + link.values.map { $0 as (any DatabaseValueConvertible)? }
                + [link.previous, link.hash]
            try db.execute(sql: "INSERT INTO audit (\(AuditChain.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: StatementArguments(values))
        }
    }

    public func verifyAudit() throws -> AuditVerification {
        try pool.read { db in
            var walk = AuditChain.Walk()
            let cursor = try Row.fetchCursor(db, sql: "SELECT seq, \(AuditChain.columns) FROM audit ORDER BY seq")
            while let row = try cursor.next(), walk.next(Self.stored(row)) {}
            return walk.verification
        }
    }

    public func auditRows(submission: String?, clerk: String?, limit: Int) throws -> [AuditRow] {
        try pool.read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let submission { conditions.append("submission = ?"); arguments.append(submission) }
            if let clerk { conditions.append("clerk = ?"); arguments.append(clerk) }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(db, sql: "SELECT seq, \(AuditChain.columns) FROM audit \(filter) ORDER BY seq DESC LIMIT \(limit)",
                                    arguments: StatementArguments(arguments)).map { Self.stored($0).row }
        }
    }

    public func auditCount(submission: String, field: String?, actions: [String]) throws -> Int {
        try pool.read { db in
            let marks = actions.map { _ in "?" }.joined(separator: ",")
            let fieldFilter = field == nil ? "" : " AND field = ?"
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit WHERE submission = ? AND action IN (\(marks))\(fieldFilter)",
                                    arguments: StatementArguments([submission] + actions + (field.map { [$0] } ?? []))) ?? 0
        }
    }

    static func stored(_ row: Row) -> AuditChain.Stored {
        AuditChain.Stored(seq: row["seq"], at: row["at"],
                          values: ["clerk", "address", "action", "submission", "field", "before_masked", "before_sha256",
                                   "after_masked", "after_sha256", "reason"].map { row[$0] },
                          previous: row["previous_hash"], hash: row["hash"])
    }

    // MARK: Queue index

    public func upsert(_ entries: [QueueEntry]) throws {
        guard !entries.isEmpty else { return }
        try pool.write { db in
            for e in entries {
                try db.execute(sql: """
                    INSERT INTO queue_entry (\(QueueEntry.columns))
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (submission) DO UPDATE SET \(QueueEntry.replaceOnConflict)
                    """, arguments: [e.submission, e.day, e.folder, e.status, e.form, e.item, e.office, e.district,
                                     e.applicant, e.uscc, e.idLast4, e.flagged, e.revision, e.processedAt])
            }
        }
    }

    public func indexed(day: String) throws -> [String: Int] {
        try pool.read { db in
            var found: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT submission, revision FROM queue_entry WHERE day = ?", arguments: [day]) {
                found[row["submission"]] = row["revision"]
            }
            return found
        }
    }

    public func queueEntry(submission: String) throws -> QueueEntry? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM queue_entry WHERE submission = ?", arguments: [submission]).map(Self.entry)
        }
    }

    public func queue(day: String, limit: Int) throws -> [QueueEntry] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM queue_entry WHERE day = ?
                ORDER BY CASE status WHEN 'needs-review' THEN 0 WHEN 'incomplete' THEN 1 WHEN 'accepted' THEN 2 ELSE 3 END,
                         processed_at
                LIMIT \(limit)
                """, arguments: [day]).map(Self.entry)
        }
    }

    public func search(_ text: String, limit: Int) throws -> [QueueEntry] {
        guard let s = QueueSearch(text) else { return [] }
        return try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT q.* FROM queue_entry q LEFT JOIN case_number c ON c.submission = q.submission
                WHERE q.submission LIKE ? OR q.day = ? OR q.applicant LIKE ? OR q.uscc = ? OR q.id_last4 LIKE ?
                   OR (c.office || '-' || replace(c.day, '-', '') || '-' || substr('0000' || c.seq, -4, 4)) = ?
                   OR q.submission IN (SELECT submission FROM precheck_reference WHERE reference = ?)
                ORDER BY q.processed_at DESC LIMIT \(limit)
                """, arguments: [s.idPrefix, s.day, s.name, s.uscc, s.last4, s.caseNumber, s.reference]).map(Self.entry)
        }
    }

    public func counts(day: String, by column: QueueColumn) throws -> [(key: String, count: Int)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT COALESCE(\(column.rawValue), '-') AS k, COUNT(*) AS n FROM queue_entry WHERE day = ? GROUP BY k ORDER BY n DESC, k
                """, arguments: [day]).map { ($0["k"], $0["n"]) }
        }
    }

    static func entry(_ row: Row) -> QueueEntry {
        QueueEntry(submission: row["submission"], day: row["day"], folder: row["folder"], status: row["status"],
                   form: row["form"], item: row["item"], office: row["office"], district: row["district"],
                   applicant: row["applicant"], uscc: row["uscc"], idLast4: row["id_last4"], flagged: row["flagged"],
                   revision: row["revision"], processedAt: row["processed_at"])
    }

    // MARK: 网上预审

    public func recordPrecheckReference(_ reference: String, submission: String, at now: Date) throws -> Bool {
        try pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM precheck_reference WHERE reference = ?", arguments: [reference]) == nil else {
                return false
            }
            try db.execute(sql: "INSERT INTO precheck_reference (reference, submission, at) VALUES (?, ?, ?)",
                           arguments: [reference, submission, now.timeIntervalSince1970])
            return true
        }
    }

    public func precheckReferenceTaken(_ reference: String) throws -> Bool {
        try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT 1 FROM precheck_reference WHERE reference = ?", arguments: [reference]) != nil
        }
    }
}
