import Foundation
import PostgresNIO

/// The revalidation tables in the PostgreSQL ledger, for a run shared out over several machines.
///
/// The tables and semantics are `SQLiteRevalidationStore`'s. Claims take rows with
/// `FOR UPDATE SKIP LOCKED`, so concurrent claimers neither wait for each other nor get the same
/// row; the run is finished by an `UPDATE … WHERE finished_at IS NULL AND NOT EXISTS (unfinished
/// items)`, which exactly one process wins. Calls borrow connections from a `PostgresPool`, each
/// within the URL's timeout, as `PostgresLedger` does.
public final class PostgresRevalidationStore: RevalidationStore, Sendable {
    let database: PostgresLedgerDatabase
    public var url: PostgresURL { database.url }

    public convenience init(url: String) throws {
        try self.init(url: try PostgresURL(url))
    }

    /// Opens the store, creating the inbox tables and the revalidation tables if missing.
    public init(url: PostgresURL) throws {
        database = try PostgresLedgerDatabase(url, label: "intake.revalidation.postgres")
    }

    public func close() { database.close() }

    // MARK: Runs

    static let runColumns = "name, key, paths, catalog, created_at, enumerated_at, total, finished_at, reporter"

    static func run(_ row: PostgresRow) throws -> RevalidationRun {
        let (name, key, paths, catalog, created, enumerated, total, finished, reporter) =
            try row.decode((String, String, String, String, Double, Double?, Int?, Double?, String?).self)
        return RevalidationRun(name: name, key: key, paths: RevalidationRun.decodePaths(paths), catalog: catalog,
                               createdAt: Date(timeIntervalSince1970: created),
                               enumeratedAt: enumerated.map(Date.init(timeIntervalSince1970:)), total: total,
                               finishedAt: finished.map(Date.init(timeIntervalSince1970:)), reporter: reporter)
    }

    public func startRun(_ run: RevalidationRun) throws -> RevalidationRun {
        try call("startRun") { session in
            try session.query("""
                INSERT INTO revalidation_runs (name, key, paths, catalog, created_at)
                VALUES (\(run.name), \(run.key), \(RevalidationRun.encodePaths(run.paths)), \(run.catalog),
                        \(run.createdAt.timeIntervalSince1970))
                ON CONFLICT (name) DO NOTHING
                """)
            guard let row = try session.query("SELECT \(unescaped: Self.runColumns) FROM revalidation_runs WHERE name = \(run.name)").first
            else { throw RevalidationStoreError(message: "the run \(run.name) vanished") }
            return try Self.run(row)
        }
    }

    public func run(named name: String) throws -> RevalidationRun? {
        try call("run") { session in
            try session.query("SELECT \(unescaped: Self.runColumns) FROM revalidation_runs WHERE name = \(name)").first.map(Self.run)
        }
    }

    public func latestUnfinishedRun(key: String) throws -> RevalidationRun? {
        try call("latestUnfinishedRun") { session in
            try session.query("""
                SELECT \(unescaped: Self.runColumns) FROM revalidation_runs WHERE key = \(key) AND finished_at IS NULL
                ORDER BY created_at DESC LIMIT 1
                """).first.map(Self.run)
        }
    }

    // MARK: Enumeration

    public func takeEnumeration(run: String, worker: String, staleAfter: TimeInterval) throws -> Bool {
        let now = Date().timeIntervalSince1970
        return try call("takeEnumeration") { session in
            !(try session.query("""
                UPDATE revalidation_runs SET enumerator = \(worker), enumerator_seen = \(now)
                WHERE name = \(run) AND enumerated_at IS NULL
                  AND (enumerator IS NULL OR enumerator = \(worker) OR enumerator_seen < \(now - staleAfter))
                RETURNING name
                """)).isEmpty
        }
    }

    public func addItems(run: String, paths: [String], worker: String) throws {
        guard !paths.isEmpty else { return }
        try call("addItems") { session in
            try session.transaction {
                try session.query("""
                    INSERT INTO revalidation_items (run, path)
                    SELECT \(run), p FROM unnest(\(paths)::text[]) WITH ORDINALITY AS t(p, n) ORDER BY n
                    ON CONFLICT DO NOTHING
                    """)
                try session.query("""
                    UPDATE revalidation_runs SET enumerator_seen = \(Date().timeIntervalSince1970)
                    WHERE name = \(run) AND enumerator = \(worker)
                    """)
            }
        }
    }

    public func finishEnumeration(run: String, worker: String) throws -> Int {
        try call("finishEnumeration") { session in
            try session.transaction {
                let total = try session.query("SELECT count(*) FROM revalidation_items WHERE run = \(run)").first?.decode(Int.self) ?? 0
                try session.query("""
                    UPDATE revalidation_runs SET enumerated_at = \(Date().timeIntervalSince1970), total = \(total),
                        enumerator = \(worker)
                    WHERE name = \(run) AND enumerated_at IS NULL
                    """)
                return total
            }
        }
    }

    public func releaseEnumeration(run: String, worker: String) throws {
        try call("releaseEnumeration") { session in
            try session.query("""
                UPDATE revalidation_runs SET enumerator = NULL, enumerator_seen = NULL
                WHERE name = \(run) AND enumerator = \(worker) AND enumerated_at IS NULL
                """)
        }
    }

    // MARK: Claims

    public func claimItems(run: String, worker: String, limit: Int, staleAfter: TimeInterval) throws -> [RevalidationWorkItem] {
        guard limit > 0 else { return [] }
        let now = Date().timeIntervalSince1970
        return try call("claimItems") { session in
            try session.query("""
                WITH picked AS (
                    SELECT seq FROM revalidation_items
                    WHERE run = \(run) AND (state = 'pending' OR (state = 'claimed' AND claimed_at < \(now - staleAfter)))
                    ORDER BY seq
                    LIMIT \(limit)
                    FOR UPDATE SKIP LOCKED)
                UPDATE revalidation_items i SET state = 'claimed', worker = \(worker), claimed_at = \(now),
                    attempts = i.attempts + 1
                FROM picked WHERE i.seq = picked.seq
                RETURNING i.seq, i.path
                """).map { row in
                let (seq, path) = try row.decode((Int64, String).self)
                return RevalidationWorkItem(seq: seq, path: path)
            }.sorted { $0.seq < $1.seq }
        }
    }

    public func releaseItems(run: String, worker: String, seqs: [Int64]) throws {
        guard !seqs.isEmpty else { return }
        try call("releaseItems") { session in
            try session.query("""
                UPDATE revalidation_items SET state = 'pending', worker = NULL, claimed_at = NULL
                WHERE run = \(run) AND seq = ANY(\(seqs)::bigint[]) AND state = 'claimed' AND worker = \(worker)
                """)
        }
    }

    public func claimHolders(run: String) throws -> [String: Int] {
        try call("claimHolders") { session in
            var holders: [String: Int] = [:]
            for row in try session.query("""
                SELECT coalesce(worker, '-'), count(*) FROM revalidation_items WHERE run = \(run) AND state = 'claimed'
                GROUP BY 1
                """) {
                let (worker, n) = try row.decode((String, Int).self)
                holders[worker] = n
            }
            return holders
        }
    }

    public func releaseClaims(run: String, worker: String) throws -> Int {
        try call("releaseClaims") { session in
            try session.query("""
                UPDATE revalidation_items SET state = 'pending', worker = NULL, claimed_at = NULL
                WHERE run = \(run) AND state = 'claimed' AND worker = \(worker)
                RETURNING seq
                """).count
        }
    }

    // MARK: Decisions

    public func previousDecisions(sha256s: [String], excludingRun: String) throws -> [String: PreviousDecision] {
        let unique = Array(Set(sha256s))
        guard !unique.isEmpty else { return [:] }
        return try call("previousDecisions") { session in
            var found: [String: PreviousDecision] = [:]
            for row in try session.query("""
                SELECT DISTINCT ON (sha256) sha256, status, problems, run, coalesce(output, previous_output), at
                FROM revalidations WHERE sha256 = ANY(\(unique)::text[]) AND run <> \(excludingRun)
                ORDER BY sha256, at DESC
                """) {
                let (sha, status, problems, run, output, at) = try row.decode((String, String, String, String, String?, Double).self)
                found[sha] = PreviousDecision(status: status, problems: problems, source: "revalidation \(run)", output: output,
                                              at: Date(timeIntervalSince1970: at))
            }
            let missing = unique.filter { found[$0] == nil }
            guard !missing.isEmpty else { return found }
            for row in try session.query("""
                SELECT sha256, state, result_status, result_directory, finished_at FROM submission
                WHERE sha256 = ANY(\(missing)::text[]) AND state IN ('done', 'quarantined')
                """) {
                let (sha, state, status, directory, finished) = try row.decode((String, String, String?, String?, Double?).self)
                found[sha] = PreviousDecision(status: state == "done" ? (status ?? "accepted") : "failed", problems: nil,
                                              source: "watch", output: directory,
                                              at: Date(timeIntervalSince1970: finished ?? 0))
            }
            return found
        }
    }

    public func record(run: String, worker: String, _ decisions: [RevalidationDecision]) throws {
        guard !decisions.isEmpty else { return }
        let columns = RevalidationDecision.columns
        var binds = PostgresBindings()
        var tuples: [String] = []
        var n = 0
        func next() -> String {
            n += 1
            return "$\(n)"
        }
        for d in decisions {
            binds.append(run)
            binds.append(d.seq)
            binds.append(d.path)
            binds.append(d.sha256)
            binds.append(d.form)
            binds.append(d.serviceItem)
            binds.append(d.serviceItemName)
            binds.append(d.region)
            binds.append(d.regionName)
            binds.append(d.status)
            binds.append(d.problems)
            binds.append(d.error)
            binds.append(d.previousStatus)
            binds.append(d.previousProblems)
            binds.append(d.previousSource)
            binds.append(d.previousOutput)
            binds.append(d.change)
            binds.append(d.changed)
            binds.append(d.problemsAdded)
            binds.append(d.problemsResolved)
            binds.append(d.output)
            binds.append(d.worker)
            binds.append(d.at.timeIntervalSince1970)
            tuples.append("(" + (0...columns.count).map { _ in next() }.joined(separator: ", ") + ")")
        }
        let insert = PostgresQuery(unsafeSQL: """
            INSERT INTO revalidations (run, \(columns.joined(separator: ", ")))
            VALUES \(tuples.joined(separator: ",\n"))
            ON CONFLICT (run, seq) DO NOTHING
            """, binds: binds)
        let seqs = decisions.map(\.seq)
        try call("record") { session in
            try session.transaction {
                try session.query(insert)
                try session.query("""
                    UPDATE revalidation_items SET state = 'done', worker = \(worker)
                    WHERE run = \(run) AND seq = ANY(\(seqs)::bigint[])
                    """)
            }
        }
    }

    public func progress(run: String) throws -> RevalidationProgress {
        try call("progress") { session in
            guard let row = try session.query("""
                SELECT (SELECT total FROM revalidation_runs WHERE name = \(run)),
                       count(*), count(*) FILTER (WHERE state = 'done'), count(*) FILTER (WHERE state = 'claimed'),
                       count(*) FILTER (WHERE state = 'pending'),
                       (SELECT count(*) FROM revalidations WHERE run = \(run) AND status = 'failed')
                FROM revalidation_items WHERE run = \(run)
                """).first else { throw RevalidationStoreError(message: "the progress query returned no row") }
            let (total, listed, done, claimed, pending, failed) = try row.decode((Int?, Int, Int, Int, Int, Int).self)
            return RevalidationProgress(total: total, listed: listed, done: done, failed: failed, claimed: claimed, pending: pending)
        }
    }

    public func finishRun(run: String, worker: String) throws -> Bool {
        try call("finishRun") { session in
            !(try session.query("""
                UPDATE revalidation_runs SET finished_at = \(Date().timeIntervalSince1970), reporter = \(worker)
                WHERE name = \(run) AND finished_at IS NULL AND enumerated_at IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM revalidation_items WHERE run = \(run) AND state <> 'done')
                RETURNING name
                """)).isEmpty
        }
    }

    public func decisions(run: String, after seq: Int64, limit: Int) throws -> [RevalidationDecision] {
        try call("decisions") { session in
            try session.query("""
                SELECT \(unescaped: RevalidationDecision.columns.joined(separator: ", ")) FROM revalidations
                WHERE run = \(run) AND seq > \(seq) ORDER BY seq LIMIT \(limit)
                """).map { row in
                let c = row.makeRandomAccess()
                func text(_ column: String) throws -> String? { try c[column].decode(String?.self) }
                return RevalidationDecision(
                    seq: try c["seq"].decode(Int64.self), path: try c["path"].decode(String.self), sha256: try text("sha256"),
                    form: try text("form"), serviceItem: try text("service_item"), serviceItemName: try text("service_item_name"),
                    region: try text("region"), regionName: try text("region_name"), status: try c["status"].decode(String.self),
                    problems: try c["problems"].decode(String.self), error: try text("error"),
                    previousStatus: try text("previous_status"), previousProblems: try text("previous_problems"),
                    previousSource: try text("previous_source"), previousOutput: try text("previous_output"),
                    change: try c["change_kind"].decode(String.self), changed: try c["changed"].decode(Bool.self),
                    problemsAdded: try c["problems_added"].decode(String.self),
                    problemsResolved: try c["problems_resolved"].decode(String.self),
                    output: try text("output"), worker: try c["worker"].decode(String.self),
                    at: Date(timeIntervalSince1970: try c["at"].decode(Double.self)))
            }
        }
    }

    // MARK: Plumbing

    @discardableResult
    private func call<T>(_ what: String, _ body: (PostgresSession) throws -> T) throws -> T {
        try database.call("revalidation \(what)", body)
    }
}
