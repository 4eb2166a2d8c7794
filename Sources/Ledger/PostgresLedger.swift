import Foundation
import PostgresNIO

/// The ledger for several machines sharing one inbox: one PostgreSQL database.
///
/// Same tables, columns and semantics as `SQLiteLedger` (column names are folded to lower case
/// by PostgreSQL; unquoted SQL reads them the same). Times are seconds since 1970, as there.
/// `begin` serialises concurrent claims of the same content on any machine with a row lock:
/// `INSERT … ON CONFLICT (sha256) DO NOTHING`, and if the row existed `SELECT … FOR UPDATE`,
/// decide, update, commit.
///
/// The protocol is synchronous and called from worker threads: each call borrows a connection
/// from `PostgresPool` (PostgresNIO's EventLoopFuture API, the caller's thread waiting) and fails
/// after the URL's `timeout` (default 10 s) instead of hanging on a dead server. `close()` (or
/// deinit) closes the connections.
public final class PostgresLedger: Ledger, Sendable {
    let database: PostgresLedgerDatabase
    public var url: PostgresURL { database.url }

    /// Opens the ledger at `url` (`postgres://user:password@host:port/database`), creating its
    /// tables if missing. Fails within the URL's timeout if the server cannot be reached.
    public convenience init(url: String) throws {
        try self.init(url: try PostgresURL(url))
    }

    public init(url: PostgresURL) throws {
        database = try PostgresLedgerDatabase(url, label: "intake.ledger.postgres")
    }

    /// Closes the connections. Calls made afterwards fail; calling it again does nothing.
    public func close() { database.close() }

    // MARK: Ledger

    public func begin(_ claim: ClaimRecord) throws -> ClaimDecision {
        try call("begin") { session in
            try session.transaction {
                let now = Date().timeIntervalSince1970
                let inserted = try session.query("""
                    WITH inserted AS (
                        INSERT INTO submission (sha256, name, token, state, attempts, worker, dropped_at, claimed_at)
                        VALUES (\(claim.sha256), \(claim.name), \(claim.token), 'claimed', 1, \(claim.worker),
                                \(claim.droppedAt.timeIntervalSince1970), \(claim.claimedAt.timeIntervalSince1970))
                        ON CONFLICT (sha256) DO NOTHING
                        RETURNING sha256, token)
                    INSERT INTO event (sha256, token, kind, at, detail)
                    SELECT sha256, token, 'claimed', \(now), \(claim.name) FROM inserted
                    RETURNING id
                    """)
                if !inserted.isEmpty { return .process }

                // The content is known: wait for any other claim of it to commit, then decide.
                let rows = try session.query("SELECT token, state FROM submission WHERE sha256 = \(claim.sha256) FOR UPDATE")
                guard let row = rows.first else { throw PostgresLedgerError("the row of \(claim.sha256) vanished") }
                let (token, state) = try row.decode((String, String).self)
                if token == claim.token {
                    guard state == "claimed" else { return .alreadyFinished }
                    try session.query("""
                        WITH resumed AS (
                            UPDATE submission SET attempts = attempts + 1, worker = \(claim.worker)
                            WHERE sha256 = \(claim.sha256))
                        INSERT INTO event (sha256, token, kind, at, detail)
                        VALUES (\(claim.sha256), \(claim.token), 'resumed', \(now), \(claim.worker))
                        """)
                    return .process
                }
                try session.query("""
                    WITH recorded AS (
                        INSERT INTO duplicate (token, sha256, name, at)
                        VALUES (\(claim.token), \(claim.sha256), \(claim.name), \(claim.claimedAt.timeIntervalSince1970))
                        ON CONFLICT (token) DO NOTHING)
                    INSERT INTO event (sha256, token, kind, at, detail)
                    VALUES (\(claim.sha256), \(claim.token), 'duplicate', \(now), \(token))
                    """)
                return .duplicate(ofToken: token)
            }
        }
    }

    public func finish(sha256: String, token: String, _ completion: Completion) throws {
        try call("finish") { session in
            // One statement, so one transaction: the row and its event.
            try session.query("""
                WITH finished AS (
                    UPDATE submission SET state = \(completion.state.rawValue), result_status = \(completion.resultStatus),
                        result_directory = \(completion.resultDirectory), reason = \(completion.reason),
                        finished_at = \(completion.finishedAt.timeIntervalSince1970)
                    WHERE sha256 = \(sha256) AND token = \(token))
                INSERT INTO event (sha256, token, kind, at, detail)
                VALUES (\(sha256), \(token), \(completion.state.rawValue), \(Date().timeIntervalSince1970),
                        \(completion.resultStatus ?? completion.reason))
                """)
        }
    }

    public func recordRetry(sha256: String, token: String, reason: String) throws {
        try call("recordRetry") { session in
            try session.query("""
                INSERT INTO event (sha256, token, kind, at, detail)
                VALUES (\(sha256), \(token), 'retry', \(Date().timeIntervalSince1970), \(reason))
                """)
        }
    }

    public func summary(since: Date) throws -> LedgerSummary {
        try call("summary") { session in
            // One statement, so one snapshot. percentile_disc is the nearest-rank percentile,
            // as SQLiteLedger.percentile computes it.
            var binds = PostgresBindings()
            binds.append(since.timeIntervalSince1970)
            let rows = try session.query(PostgresQuery(unsafeSQL: """
                WITH done AS (
                    SELECT result_status, (finished_at - dropped_at) * 1000 AS latency FROM submission
                    WHERE state = 'done' AND finished_at >= $1),
                by_status AS (SELECT coalesce(result_status, '-') AS status, count(*) AS n FROM done GROUP BY 1)
                SELECT (SELECT count(*) FROM done),
                       (SELECT count(*) FROM submission WHERE state = 'quarantined' AND finished_at >= $1),
                       (SELECT count(*) FROM duplicate WHERE at >= $1),
                       (SELECT count(*) FROM submission WHERE state = 'claimed'),
                       (SELECT count(*) FROM event WHERE kind = 'retry' AND at >= $1),
                       (SELECT percentile_disc(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY latency) FROM done),
                       (SELECT array_agg(status ORDER BY status) FROM by_status),
                       (SELECT array_agg(n ORDER BY status) FROM by_status)
                """, binds: binds))
            guard let row = rows.first else { throw PostgresLedgerError("the summary query returned no row") }
            let (done, quarantined, duplicates, inProgress, retries, latencies, statuses, counts) =
                try row.decode((Int, Int, Int, Int, Int, [Double]?, [String]?, [Int]?).self)
            var byStatus: [String: Int] = [:]
            for (status, n) in zip(statuses ?? [], counts ?? []) { byStatus[status] = n }
            return LedgerSummary(done: done, quarantined: quarantined, duplicates: duplicates, inProgress: inProgress,
                                 retries: retries, latencyP50: latencies?.first, latencyP99: latencies?.last,
                                 byResultStatus: byStatus)
        }
    }

    public func entry(sha256: String) throws -> LedgerEntry? {
        try call("entry") { session in
            try session.query("SELECT \(unescaped: Self.entryColumns) FROM submission WHERE sha256 = \(sha256)")
                .first.map(Self.entry)
        }
    }

    public func entries() throws -> [LedgerEntry] {
        try call("entries") { session in
            try session.query("SELECT \(unescaped: Self.entryColumns) FROM submission ORDER BY claimed_at").map(Self.entry)
        }
    }

    public func duplicateCount() throws -> Int {
        try call("duplicateCount") { session in
            try session.query("SELECT count(*) FROM duplicate").first?.decode(Int.self) ?? 0
        }
    }

    // MARK: Batch claims

    /// Takes up to `limit` unfinished submissions whose claim is older than `staleAfter` seconds
    /// (a worker that died or stalls) for `worker`, for a batch job that spreads such work over
    /// several machines.
    ///
    /// Rows another claimer holds are skipped (`FOR UPDATE SKIP LOCKED`), so concurrent claimers
    /// neither wait for each other nor get the same row. Taking a row renews its claim: `worker`
    /// and `claimedAt` (= `now`) are set, `attempts` goes up by one and a `batch-claimed` event is
    /// recorded, so nobody else takes it until it is stale again. The caller then processes each
    /// row and `finish`es it under the row's token. Oldest claims first.
    public func claimBatch(limit: Int, worker: String, staleAfter: TimeInterval = 600,
                           now: Date = Date()) throws -> [LedgerEntry] {
        guard limit > 0 else { return [] }
        let cutoff = now.timeIntervalSince1970 - staleAfter
        let at = now.timeIntervalSince1970
        return try call("claimBatch") { session in
            try session.query("""
                WITH picked AS (
                    SELECT sha256 FROM submission
                    WHERE state = 'claimed' AND claimed_at < \(cutoff)
                    ORDER BY claimed_at
                    LIMIT \(limit)
                    FOR UPDATE SKIP LOCKED),
                taken AS (
                    UPDATE submission s SET worker = \(worker), claimed_at = \(at), attempts = s.attempts + 1
                    FROM picked WHERE s.sha256 = picked.sha256
                    RETURNING s.*),
                logged AS (
                    INSERT INTO event (sha256, token, kind, at, detail)
                    SELECT sha256, token, 'batch-claimed', \(at), \(worker) FROM taken)
                SELECT \(unescaped: Self.entryColumns) FROM taken ORDER BY dropped_at, sha256
                """).map(Self.entry)
        }
    }

    // MARK: Plumbing

    /// Runs one ledger call on a pooled connection within the URL's timeout; errors name the
    /// ledger (password masked) and the call.
    @discardableResult
    private func call<T>(_ what: String, _ body: (PostgresSession) throws -> T) throws -> T {
        try database.call(what, body)
    }

    static let entryColumns =
        "sha256, name, token, state, result_status, result_directory, reason, attempts, dropped_at, finished_at"

    static func entry(_ row: PostgresRow) throws -> LedgerEntry {
        let (sha256, name, token, state, resultStatus, resultDirectory, reason, attempts, droppedAt, finishedAt) =
            try row.decode((String, String, String, String, String?, String?, String?, Int, Double, Double?).self)
        return LedgerEntry(sha256: sha256, name: name, token: token, state: state, resultStatus: resultStatus,
                           resultDirectory: resultDirectory, reason: reason, attempts: attempts,
                           droppedAt: Date(timeIntervalSince1970: droppedAt),
                           finishedAt: finishedAt.map(Date.init(timeIntervalSince1970:)))
    }

    /// Server-side limits matching the client's: a statement stuck on a lock is cancelled by the
    /// server (the connection stays usable), and a transaction abandoned by a timed-out call does
    /// not hold its locks for long.
    static func sessionSettings(timeout: Double) -> [(String, String)] {
        let ms = max(100, Int(timeout * 1000))
        return [("application_name", "intake"),
                ("statement_timeout", String(max(50, ms * 8 / 10))),
                ("idle_in_transaction_session_timeout", String(ms * 2))]
    }

    static func tls(_ mode: PostgresURL.SSLMode) throws -> PostgresConnection.Configuration.TLS {
        var unverified = TLSConfiguration.makeClientConfiguration()
        unverified.certificateVerification = .none
        switch mode {
        case .disable: return .disable
        case .prefer: return .prefer(try NIOSSLContext(configuration: unverified))
        case .require: return .require(try NIOSSLContext(configuration: unverified))
        case .verifyFull: return .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
    }

    /// A pool for `url` with the session settings (timeouts) every store of this database uses.
    static func pool(_ url: PostgresURL, label: String) throws -> PostgresPool {
        var logger = Logger(label: label)
        // PostgresNIO logs queries at debug level; the stores report their own errors.
        logger.logLevel = .critical
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
            tls: try tls(url.sslMode))
        configuration.options.additionalStartupParameters = sessionSettings(timeout: url.timeout)
        return PostgresPool(configuration: configuration, maximum: url.pool, logger: logger)
    }
}

/// The connections to one PostgreSQL ledger, whose schema is brought up to date on opening
/// (`LedgerSchema`), shared by the inbox store and the revalidation store. Closed on deinit.
final class PostgresLedgerDatabase: @unchecked Sendable {
    // @unchecked: immutable apart from the pool, which locks its own state.
    let url: PostgresURL
    private let pool: PostgresPool

    init(_ url: PostgresURL, label: String) throws {
        self.url = url
        pool = try PostgresLedger.pool(url, label: label)
        do {
            try call("opening") { session in try LedgerSchema.migrate(session) }
        } catch {
            pool.close()
            throw error
        }
    }

    deinit { pool.close() }

    func close() { pool.close() }

    /// Runs `body` on a connection within the URL's timeout; errors name the ledger and `what`.
    func call<T>(_ what: String, _ body: (PostgresSession) throws -> T) throws -> T {
        do {
            return try pool.withSession(timeout: url.timeout, body)
        } catch {
            throw PostgresLedgerError("PostgreSQL ledger \(url): \(what)", error)
        }
    }
}
