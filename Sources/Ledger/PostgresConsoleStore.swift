import Foundation
import PostgresNIO

/// The console's tables in the PostgreSQL ledger, for a console beside `watch --ledger postgres://…`.
///
/// The tables and semantics are `SQLiteConsoleStore`'s. SQLite has one writer at a time, so its
/// check-then-write transactions are safe as written; here concurrent writers are real (several
/// consoles, or one console's parallel requests), so each such write either decides in one
/// statement (`INSERT … ON CONFLICT DO NOTHING RETURNING`, `UPDATE … RETURNING`) or first takes
/// the lock that serialises it (the audit chain, 办件编号). Calls borrow connections from a
/// `PostgresPool`, each within the URL's timeout, as `PostgresLedger` does.
public final class PostgresConsoleStore: ConsoleStore, Sendable {
    let database: PostgresLedgerDatabase
    public var url: PostgresURL { database.url }

    public convenience init(url: String) throws {
        try self.init(url: try PostgresURL(url))
    }

    /// Opens the store, bringing the ledger's tables (the inbox's, the console's) up to date.
    public init(url: PostgresURL) throws {
        database = try PostgresLedgerDatabase(url, label: "intake.console.postgres")
    }

    public func close() { database.close() }

    @discardableResult
    private func call<T>(_ what: String, _ body: (PostgresSession) throws -> T) throws -> T {
        try database.call("console \(what)", body)
    }

    // MARK: Clerks

    public func addClerk(_ clerk: Clerk, passwordHash: String, at now: Date) throws -> Bool {
        try call("addClerk") { session in
            !(try session.query("""
                INSERT INTO clerk (login, name, role, offices, password_hash, password_set_at, created_at)
                VALUES (\(clerk.login), \(clerk.name), \(clerk.role.rawValue), \(clerk.offices.joined(separator: ",")),
                        \(passwordHash), \(now.timeIntervalSince1970), \(now.timeIntervalSince1970))
                ON CONFLICT (login) DO NOTHING
                RETURNING login
                """)).isEmpty
        }
    }

    public func clerk(login: String) throws -> (clerk: Clerk, passwordHash: String)? {
        try call("clerk") { session in
            try session.query("SELECT \(unescaped: Clerk.columns) FROM clerk WHERE login = \(login)").first.map(Self.clerk)
        }
    }

    public func clerks() throws -> [Clerk] {
        try call("clerks") { session in
            try session.query("SELECT \(unescaped: Clerk.columns) FROM clerk ORDER BY login COLLATE \"C\"").map { try Self.clerk($0).clerk }
        }
    }

    public func setPassword(login: String, hash: String, at now: Date) throws -> Bool {
        try call("setPassword") { session in
            !(try session.query("""
                UPDATE clerk SET password_hash = \(hash), password_set_at = \(now.timeIntervalSince1970), failed_logins = 0,
                    locked_until = NULL
                WHERE login = \(login) RETURNING login
                """)).isEmpty
        }
    }

    public func setDisabled(login: String, _ disabled: Bool) throws -> Bool {
        try call("setDisabled") { session in
            !(try session.query("UPDATE clerk SET disabled = \(disabled) WHERE login = \(login) RETURNING login")).isEmpty
        }
    }

    public func recordFailedLogin(login: String, at now: Date, limit: Int, lockFor: TimeInterval) throws -> Bool {
        try call("recordFailedLogin") { session in
            try session.transaction {
                // The UPDATE locks the row: concurrent failures count one after the other.
                guard let failed = try session.query("""
                    UPDATE clerk SET failed_logins = failed_logins + 1 WHERE login = \(login) RETURNING failed_logins
                    """).first?.decode(Int.self), failed >= limit else { return false }
                try session.query("""
                    UPDATE clerk SET locked_until = \(now.timeIntervalSince1970 + lockFor), failed_logins = 0 WHERE login = \(login)
                    """)
                return true
            }
        }
    }

    public func recordGoodLogin(login: String) throws {
        try call("recordGoodLogin") { session in
            try session.query("UPDATE clerk SET failed_logins = 0, locked_until = NULL WHERE login = \(login)")
        }
    }

    static func clerk(_ row: PostgresRow) throws -> (clerk: Clerk, passwordHash: String) {
        let (login, name, role, offices, disabled, lockedUntil, passwordSetAt, hash) =
            try row.decode((String, String, String, String, Bool, Double?, Double?, String).self)
        return (Clerk.stored(login: login, name: name, role: role, offices: offices, disabled: disabled, lockedUntil: lockedUntil,
                             passwordSetAt: passwordSetAt), hash)
    }

    // MARK: 办件编号

    public func caseNumber(submission: String, office: String, day: String) throws -> String {
        try call("caseNumber") { session in
            try session.transaction {
                // MAX(seq) + 1 is only safe with one writer at a time, as in SQLite. Numbers are
                // given a few times a minute, so one table lock is cheap; plain reads still run.
                try session.query("LOCK TABLE case_number IN EXCLUSIVE MODE")
                if let row = try session.query("SELECT office, day, seq FROM case_number WHERE submission = \(submission)").first {
                    let (office, day, seq) = try row.decode((String, String, Int).self)
                    return CaseNumber.format(office: office, day: day, seq: seq)
                }
                let next = (try session.query("""
                    SELECT MAX(seq) FROM case_number WHERE office = \(office) AND day = \(day)
                    """).first?.decode(Int?.self) ?? 0) + 1
                try session.query("""
                    INSERT INTO case_number (office, day, seq, submission) VALUES (\(office), \(day), \(next), \(submission))
                    """)
                return CaseNumber.format(office: office, day: day, seq: next)
            }
        }
    }

    public func existingCaseNumber(submission: String) throws -> String? {
        try call("existingCaseNumber") { session in
            try session.query("SELECT office, day, seq FROM case_number WHERE submission = \(submission)").first.map {
                let (office, day, seq) = try $0.decode((String, String, Int).self)
                return CaseNumber.format(office: office, day: day, seq: seq)
            }
        }
    }

    // MARK: Decisions and verification times

    public func recordDecision(submission: String, outcome: String, reason: String?, clerk: String, at now: Date) throws {
        try call("recordDecision") { session in
            try session.query("""
                INSERT INTO decision (submission, outcome, reason, clerk, at)
                VALUES (\(submission), \(outcome), \(reason), \(clerk), \(now.timeIntervalSince1970))
                ON CONFLICT (submission) DO UPDATE SET outcome = excluded.outcome, reason = excluded.reason,
                    clerk = excluded.clerk, at = excluded.at
                """)
        }
    }

    public func decision(submission: String) throws -> Decision? {
        try call("decision") { session in
            try session.query("SELECT outcome, reason, clerk, at FROM decision WHERE submission = \(submission)").first.map {
                let (outcome, reason, clerk, at) = try $0.decode((String, String?, String, Double).self)
                return Decision(outcome: outcome, reason: reason, clerk: clerk, at: Date(timeIntervalSince1970: at))
            }
        }
    }

    public func recordVerifyTimes(submission: String, clerk: String, times: [(field: String, milliseconds: Double)], at now: Date) throws {
        guard !times.isEmpty else { return }
        try call("recordVerifyTimes") { session in
            try session.query("""
                INSERT INTO verify_time (submission, field, clerk, milliseconds, at)
                SELECT \(submission), f, \(clerk), ms, \(now.timeIntervalSince1970)
                FROM unnest(\(times.map { $0.field })::text[], \(times.map { $0.milliseconds })::float8[]) AS t(f, ms)
                """)
        }
    }

    public func verifyTimes(since: Date) throws -> [Double] {
        try call("verifyTimes") { session in
            try session.query("""
                SELECT milliseconds FROM verify_time WHERE at >= \(since.timeIntervalSince1970) ORDER BY milliseconds
                """).map { try $0.decode(Double.self) }
        }
    }

    public func decisionCounts(since: Date) throws -> [(clerk: String, outcome: String, count: Int)] {
        try call("decisionCounts") { session in
            try session.query("""
                SELECT clerk, outcome, COUNT(*) FROM decision WHERE at >= \(since.timeIntervalSince1970)
                GROUP BY clerk, outcome ORDER BY clerk COLLATE "C", outcome COLLATE "C"
                """).map { try $0.decode((String, String, Int).self) }
        }
    }

    // MARK: Audit trail and revisions

    public func audit(_ entries: [AuditEntry]) throws {
        guard !entries.isEmpty else { return }
        try call("audit") { session in try session.transaction { try Self.append(entries, session) } }
    }

    public func claimRevision(submission: String, revision: Int, clerk: String, at now: Date, audit entries: [AuditEntry]) throws -> Bool {
        try call("claimRevision") { session in
            try session.transaction {
                // A concurrent claim of the same revision waits here for ours, then inserts nothing.
                let claimed = try session.query("""
                    INSERT INTO revision (submission, revision, clerk, at)
                    VALUES (\(submission), \(revision), \(clerk), \(now.timeIntervalSince1970))
                    ON CONFLICT (submission, revision) DO NOTHING
                    RETURNING revision
                    """)
                guard !claimed.isEmpty else { return false }
                try Self.append(entries, session)
                return true
            }
        }
    }

    public func releaseRevision(submission: String, revision: Int) throws {
        try call("releaseRevision") { session in
            try session.query("DELETE FROM revision WHERE submission = \(submission) AND revision = \(revision)")
        }
    }

    public func claimedRevisions() throws -> [(submission: String, revision: Int, clerk: String, at: Date)] {
        try call("claimedRevisions") { session in
            try session.query("""
                SELECT submission, revision, clerk, at FROM revision r
                WHERE revision = (SELECT MAX(revision) FROM revision WHERE submission = r.submission)
                """).map { row in
                    let (submission, revision, clerk, at) = try row.decode((String, Int, String, Double).self)
                    return (submission, revision, clerk, Date(timeIntervalSince1970: at))
                }
        }
    }

    public func abandonRevision(submission: String, revision: Int, audit entry: AuditEntry) throws {
        try call("abandonRevision") { session in
            try session.transaction {
                try session.query("DELETE FROM revision WHERE submission = \(submission) AND revision = \(revision)")
                try Self.append([entry], session)
            }
        }
    }

    /// Appends to the chain within the caller's transaction.
    ///
    /// Reading the last hash and inserting after it must not interleave with another writer, or
    /// two rows would link to the same predecessor (a forked chain) and seq order could differ
    /// from link order. `LOCK TABLE … IN EXCLUSIVE MODE` makes appenders take turns until commit
    /// while plain SELECTs (the audit page, `verifyAudit`) go on; it also works on an empty table,
    /// where a `SELECT … FOR UPDATE` of the last row would lock nothing. Taken last in every
    /// transaction that holds it, after any row locks, so it cannot join a deadlock.
    static func append(_ entries: [AuditEntry], _ session: PostgresSession) throws {
        guard !entries.isEmpty else { return }
        try session.query("LOCK TABLE audit IN EXCLUSIVE MODE")
        let last = try session.query("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1").first?.decode(String.self) ?? AuditChain.start
        for link in AuditChain.links(after: last, entries) {
            let v = link.values
            try session.query("""
                INSERT INTO audit (\(unescaped: AuditChain.columns))
                VALUES (\(link.at), \(v[0]), \(v[1]), \(v[2]), \(v[3]), \(v[4]), \(v[5]), \(v[6]), \(v[7]), \(v[8]), \(v[9]),
                        \(link.previous), \(link.hash))
                """)
        }
    }

    /// Rows read per call while verifying: each page within the URL's timeout, however long the trail.
    static let verifyPage = 5000

    public func verifyAudit() throws -> AuditVerification {
        var walk = AuditChain.Walk()
        var after: Int64 = 0
        while true {
            // Rows are only ever appended, so pages read one after the other see one chain.
            let page = try call("verifyAudit") { session in
                try session.query("""
                    SELECT seq, \(unescaped: AuditChain.columns) FROM audit WHERE seq > \(after) ORDER BY seq LIMIT \(Self.verifyPage)
                    """).map(Self.stored)
            }
            for row in page where !walk.next(row) { return walk.verification }
            guard page.count == Self.verifyPage, let last = page.last else { return walk.verification }
            after = last.seq
        }
    }

    public func auditRows(submission: String?, clerk: String?, limit: Int) throws -> [AuditRow] {
        var binds = PostgresBindings()
        var conditions: [String] = []
        if let submission { binds.append(submission); conditions.append("submission = $\(binds.count)") }
        if let clerk { binds.append(clerk); conditions.append("clerk = $\(binds.count)") }
        binds.append(limit)
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let query = PostgresQuery(unsafeSQL: """
            SELECT seq, \(AuditChain.columns) FROM audit \(filter) ORDER BY seq DESC LIMIT $\(binds.count)
            """, binds: binds)
        return try call("auditRows") { session in try session.query(query).map { try Self.stored($0).row } }
    }

    public func auditCount(submission: String, field: String?, actions: [String]) throws -> Int {
        try call("auditCount") { session in
            let rows = if let field {
                try session.query("""
                    SELECT COUNT(*) FROM audit WHERE submission = \(submission) AND action = ANY(\(actions)::text[]) AND field = \(field)
                    """)
            } else {
                try session.query("SELECT COUNT(*) FROM audit WHERE submission = \(submission) AND action = ANY(\(actions)::text[])")
            }
            return try rows.first?.decode(Int.self) ?? 0
        }
    }

    static func stored(_ row: PostgresRow) throws -> AuditChain.Stored {
        let (seq, at, clerk, address, action, submission, field, beforeMasked, beforeSHA, afterMasked, afterSHA, reason,
             previous, hash) = try row.decode((Int64, Double, String, String, String, String?, String?, String?, String?,
                                               String?, String?, String?, String, String).self)
        return AuditChain.Stored(seq: seq, at: at, values: [clerk, address, action, submission, field, beforeMasked, beforeSHA,
                                                            afterMasked, afterSHA, reason],
                                 previous: previous, hash: hash)
    }

    // MARK: Queue index

    /// Rows per INSERT: each statement well within the URL's timeout and PostgreSQL's bind limit.
    static let upsertBatch = 500

    /// One statement per batch: a large first index is not one transaction (nor is it needed:
    /// rows are replaced whole, and the indexer writes them again if it fails half way).
    public func upsert(_ entries: [QueueEntry]) throws {
        // One statement cannot update the same row twice: the last entry of a submission wins, as
        // it does in SQLite.
        var last: [String: Int] = [:]
        for (index, entry) in entries.enumerated() { last[entry.submission] = index }
        let unique = entries.enumerated().filter { last[$0.element.submission] == $0.offset }.map(\.element)
        for start in stride(from: 0, to: unique.count, by: Self.upsertBatch) {
            var binds = PostgresBindings()
            var rows: [String] = []
            for e in unique[start..<min(start + Self.upsertBatch, unique.count)] {
                let first = binds.count + 1
                for value in [e.submission, e.day, e.folder, e.status, e.form, e.item, e.office, e.district, e.applicant, e.uscc, e.idLast4] {
                    binds.append(value)
                }
                binds.append(e.flagged)
                binds.append(e.revision)
                binds.append(e.processedAt)
                rows.append("(" + (first...binds.count).map { "$\($0)" }.joined(separator: ", ") + ")")
            }
            let query = PostgresQuery(unsafeSQL: """
                INSERT INTO queue_entry (\(QueueEntry.columns)) VALUES \(rows.joined(separator: ", "))
                ON CONFLICT (submission) DO UPDATE SET \(QueueEntry.replaceOnConflict)
                """, binds: binds)
            try call("upsert") { session in try session.query(query) }
        }
    }

    public func indexed(day: String) throws -> [String: Int] {
        try call("indexed") { session in
            var found: [String: Int] = [:]
            for row in try session.query("SELECT submission, revision FROM queue_entry WHERE day = \(day)") {
                let (submission, revision) = try row.decode((String, Int).self)
                found[submission] = revision
            }
            return found
        }
    }

    public func queueEntry(submission: String) throws -> QueueEntry? {
        try call("queueEntry") { session in
            try session.query("SELECT \(unescaped: QueueEntry.columns) FROM queue_entry WHERE submission = \(submission)")
                .first.map(Self.entry)
        }
    }

    public func queue(day: String, limit: Int) throws -> [QueueEntry] {
        try call("queue") { session in
            // COLLATE "C": the byte order SQLite sorts text in, whatever the database's locale.
            try session.query("""
                SELECT \(unescaped: QueueEntry.columns) FROM queue_entry WHERE day = \(day)
                ORDER BY CASE status WHEN 'needs-review' THEN 0 WHEN 'incomplete' THEN 1 WHEN 'accepted' THEN 2 ELSE 3 END,
                         processed_at COLLATE "C"
                LIMIT \(limit)
                """).map(Self.entry)
        }
    }

    public func search(_ text: String, limit: Int) throws -> [QueueEntry] {
        guard let s = QueueSearch(text) else { return [] }
        return try call("search") { session in
            // ILIKE: SQLite's LIKE ignores the case of ASCII letters.
            try session.query("""
                SELECT \(unescaped: QueueEntry.columns(of: "q")) FROM queue_entry q LEFT JOIN case_number c ON c.submission = q.submission
                WHERE q.submission ILIKE \(s.idPrefix) OR q.day = \(s.day) OR q.applicant ILIKE \(s.name) OR q.uscc = \(s.uscc)
                   OR q.id_last4 ILIKE \(s.last4)
                   OR (c.office || '-' || replace(c.day, '-', '') || '-' || right('0000' || c.seq, 4)) = \(s.caseNumber)
                   OR q.submission IN (SELECT submission FROM precheck_reference WHERE reference = \(s.reference))
                ORDER BY q.processed_at COLLATE "C" DESC LIMIT \(limit)
                """).map(Self.entry)
        }
    }

    public func counts(day: String, by column: QueueColumn) throws -> [(key: String, count: Int)] {
        try call("counts") { session in
            try session.query("""
                SELECT COALESCE(\(unescaped: column.rawValue), '-') COLLATE "C" AS k, COUNT(*) AS n FROM queue_entry
                WHERE day = \(day) GROUP BY k ORDER BY n DESC, k
                """).map { try $0.decode((String, Int).self) }
        }
    }

    static func entry(_ row: PostgresRow) throws -> QueueEntry {
        let (submission, day, folder, status, form, item, office, district, applicant, uscc, idLast4, flagged, revision,
             processedAt) = try row.decode((String, String, String, String, String, String?, String?, String?, String?, String?,
                                            String?, Int, Int, String).self)
        return QueueEntry(submission: submission, day: day, folder: folder, status: status, form: form, item: item, office: office,
                          district: district, applicant: applicant, uscc: uscc, idLast4: idLast4, flagged: flagged,
                          revision: revision, processedAt: processedAt)
    }

    // MARK: 网上预审

    public func recordPrecheckReference(_ reference: String, submission: String, at now: Date) throws -> Bool {
        try call("recordPrecheckReference") { session in
            !(try session.query("""
                INSERT INTO precheck_reference (reference, submission, at) VALUES (\(reference), \(submission), \(now.timeIntervalSince1970))
                ON CONFLICT (reference) DO NOTHING
                RETURNING reference
                """)).isEmpty
        }
    }

    public func precheckReferenceTaken(_ reference: String) throws -> Bool {
        try call("precheckReferenceTaken") { session in
            !(try session.query("SELECT 1 FROM precheck_reference WHERE reference = \(reference)")).isEmpty
        }
    }
}
