import Foundation
import GRDB

/// The revalidation tables in the SQLite ledger file (`<state>/ledger.sqlite`), beside the inbox
/// service's tables. Several processes on one machine may share a run: SQLite serialises the
/// writers (IMMEDIATE transactions, a busy timeout), so a claim is never handed out twice.
public final class SQLiteRevalidationStore: RevalidationStore {
    private let pool: DatabasePool

    /// Opens the ledger at `path`, bringing its tables (the inbox's and the revalidation's) up
    /// to date.
    public init(path: String) throws {
        pool = try LedgerSchema.open(path: path, busyTimeout: 30)
    }

    // MARK: Runs

    public func startRun(_ run: RevalidationRun) throws -> RevalidationRun {
        try write { db in
            try db.execute(sql: """
                INSERT INTO revalidation_runs (name, key, paths, catalog, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (name) DO NOTHING
                """, arguments: [run.name, run.key, RevalidationRun.encodePaths(run.paths), run.catalog,
                                 run.createdAt.timeIntervalSince1970])
            guard let stored = try Self.fetchRun(db, name: run.name) else {
                throw RevalidationStoreError(message: "the run \(run.name) vanished")
            }
            return stored
        }
    }

    public func run(named name: String) throws -> RevalidationRun? {
        try pool.read { db in try Self.fetchRun(db, name: name) }
    }

    public func latestUnfinishedRun(key: String) throws -> RevalidationRun? {
        try pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT * FROM revalidation_runs WHERE key = ? AND finished_at IS NULL ORDER BY created_at DESC LIMIT 1
                """, arguments: [key]).map(Self.run)
        }
    }

    static func fetchRun(_ db: Database, name: String) throws -> RevalidationRun? {
        try Row.fetchOne(db, sql: "SELECT * FROM revalidation_runs WHERE name = ?", arguments: [name]).map(run)
    }

    static func run(_ row: Row) -> RevalidationRun {
        RevalidationRun(name: row["name"], key: row["key"], paths: RevalidationRun.decodePaths(row["paths"]),
                        catalog: row["catalog"], createdAt: Date(timeIntervalSince1970: row["created_at"]),
                        enumeratedAt: (row["enumerated_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
                        total: row["total"], finishedAt: (row["finished_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
                        reporter: row["reporter"])
    }

    // MARK: Enumeration

    public func takeEnumeration(run: String, worker: String, staleAfter: TimeInterval) throws -> Bool {
        let now = Date().timeIntervalSince1970
        return try write { db in
            try db.execute(sql: """
                UPDATE revalidation_runs SET enumerator = ?, enumerator_seen = ?
                WHERE name = ? AND enumerated_at IS NULL
                  AND (enumerator IS NULL OR enumerator = ? OR enumerator_seen < ?)
                """, arguments: [worker, now, run, worker, now - staleAfter])
            return db.changesCount == 1
        }
    }

    public func addItems(run: String, paths: [String], worker: String) throws {
        try write { db in
            let insert = try db.cachedStatement(sql: "INSERT INTO revalidation_items (run, path) VALUES (?, ?) ON CONFLICT DO NOTHING")
            for path in paths { try insert.execute(arguments: [run, path]) }
            try db.execute(sql: "UPDATE revalidation_runs SET enumerator_seen = ? WHERE name = ? AND enumerator = ?",
                           arguments: [Date().timeIntervalSince1970, run, worker])
        }
    }

    public func finishEnumeration(run: String, worker: String) throws -> Int {
        try write { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM revalidation_items WHERE run = ?", arguments: [run]) ?? 0
            try db.execute(sql: """
                UPDATE revalidation_runs SET enumerated_at = ?, total = ?, enumerator = ?
                WHERE name = ? AND enumerated_at IS NULL
                """, arguments: [Date().timeIntervalSince1970, total, worker, run])
            return total
        }
    }

    public func releaseEnumeration(run: String, worker: String) throws {
        try write { db in
            try db.execute(sql: """
                UPDATE revalidation_runs SET enumerator = NULL, enumerator_seen = NULL
                WHERE name = ? AND enumerator = ? AND enumerated_at IS NULL
                """, arguments: [run, worker])
        }
    }

    // MARK: Claims

    public func claimItems(run: String, worker: String, limit: Int, staleAfter: TimeInterval) throws -> [RevalidationWorkItem] {
        guard limit > 0 else { return [] }
        let now = Date().timeIntervalSince1970
        return try write { db in
            var items = try Row.fetchAll(db, sql: """
                SELECT seq, path FROM revalidation_items WHERE run = ? AND state = 'pending' ORDER BY seq LIMIT ?
                """, arguments: [run, limit]).map { RevalidationWorkItem(seq: $0["seq"], path: $0["path"]) }
            if items.count < limit {
                items += try Row.fetchAll(db, sql: """
                    SELECT seq, path FROM revalidation_items WHERE run = ? AND state = 'claimed' AND claimed_at < ?
                    ORDER BY seq LIMIT ?
                    """, arguments: [run, now - staleAfter, limit - items.count])
                    .map { RevalidationWorkItem(seq: $0["seq"], path: $0["path"]) }
            }
            let update = try db.cachedStatement(sql: """
                UPDATE revalidation_items SET state = 'claimed', worker = ?, claimed_at = ?, attempts = attempts + 1
                WHERE seq = ?
                """)
            for item in items { try update.execute(arguments: [worker, now, item.seq]) }
            return items
        }
    }

    public func releaseItems(run: String, worker: String, seqs: [Int64]) throws {
        guard !seqs.isEmpty else { return }
        try write { db in
            let update = try db.cachedStatement(sql: """
                UPDATE revalidation_items SET state = 'pending', worker = NULL, claimed_at = NULL
                WHERE seq = ? AND run = ? AND state = 'claimed' AND worker = ?
                """)
            for seq in seqs { try update.execute(arguments: [seq, run, worker]) }
        }
    }

    public func claimHolders(run: String) throws -> [String: Int] {
        try pool.read { db in
            var holders: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT worker, count(*) AS n FROM revalidation_items WHERE run = ? AND state = 'claimed' GROUP BY worker
                """, arguments: [run]) {
                holders[row["worker"] ?? "-"] = row["n"]
            }
            return holders
        }
    }

    public func releaseClaims(run: String, worker: String) throws -> Int {
        try write { db in
            try db.execute(sql: """
                UPDATE revalidation_items SET state = 'pending', worker = NULL, claimed_at = NULL
                WHERE run = ? AND state = 'claimed' AND worker = ?
                """, arguments: [run, worker])
            return db.changesCount
        }
    }

    // MARK: Decisions

    public func previousDecisions(sha256s: [String], excludingRun: String) throws -> [String: PreviousDecision] {
        let unique = Array(Set(sha256s))
        guard !unique.isEmpty else { return [:] }
        return try pool.read { db in
            var found: [String: PreviousDecision] = [:]
            for chunk in stride(from: 0, to: unique.count, by: 500).map({ Array(unique[$0..<min($0 + 500, unique.count)]) }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let rows = try Row.fetchAll(db, sql: """
                    SELECT sha256, status, problems, run, output, previous_output, at FROM revalidations
                    WHERE sha256 IN (\(marks)) AND run <> ? ORDER BY at
                    """, arguments: StatementArguments(chunk + [excludingRun]))
                for row in rows {
                    let output: String? = row["output"] ?? row["previous_output"]
                    found[row["sha256"]] = PreviousDecision(status: row["status"], problems: row["problems"],
                                                            source: "revalidation \(row["run"] as String)", output: output,
                                                            at: Date(timeIntervalSince1970: row["at"]))
                }
                let missing = chunk.filter { found[$0] == nil }
                guard !missing.isEmpty else { continue }
                let watchMarks = Array(repeating: "?", count: missing.count).joined(separator: ",")
                for row in try Row.fetchAll(db, sql: """
                    SELECT sha256, state, result_status, result_directory, finished_at FROM submission
                    WHERE sha256 IN (\(watchMarks)) AND state IN ('done', 'quarantined')
                    """, arguments: StatementArguments(missing)) {
                    let state: String = row["state"]
                    found[row["sha256"]] = PreviousDecision(
                        status: state == "done" ? (row["result_status"] ?? "accepted") : "failed", problems: nil,
                        source: "watch", output: row["result_directory"],
                        at: Date(timeIntervalSince1970: row["finished_at"] ?? 0))
                }
            }
            return found
        }
    }

    public func record(run: String, worker: String, _ decisions: [RevalidationDecision]) throws {
        guard !decisions.isEmpty else { return }
        try write { db in
            let columns = RevalidationDecision.columns
            let insert = try db.cachedStatement(sql: """
                INSERT INTO revalidations (run, \(columns.joined(separator: ", ")))
                VALUES (?, \(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
                ON CONFLICT (run, seq) DO NOTHING
                """)
            let done = try db.cachedStatement(sql: "UPDATE revalidation_items SET state = 'done', worker = ? WHERE seq = ? AND run = ?")
            for d in decisions {
                try insert.execute(arguments: [
                    run, d.seq, d.path, d.sha256, d.form, d.serviceItem, d.serviceItemName, d.region, d.regionName,
                    d.status, d.problems, d.error, d.previousStatus, d.previousProblems, d.previousSource, d.previousOutput,
                    d.change, d.changed, d.problemsAdded, d.problemsResolved, d.output, d.worker,
                    d.at.timeIntervalSince1970,
                ])
                try done.execute(arguments: [worker, d.seq, run])
            }
        }
    }

    public func progress(run: String) throws -> RevalidationProgress {
        try pool.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, count(*) AS n FROM revalidation_items WHERE run = ? GROUP BY state",
                                        arguments: [run]) {
                counts[row["state"]] = row["n"]
            }
            let failed = try Int.fetchOne(db, sql: "SELECT count(*) FROM revalidations WHERE run = ? AND status = 'failed'",
                                          arguments: [run]) ?? 0
            let total = try Int.fetchOne(db, sql: "SELECT total FROM revalidation_runs WHERE name = ?", arguments: [run])
            return RevalidationProgress(total: total, listed: counts.values.reduce(0, +), done: counts["done", default: 0],
                                        failed: failed, claimed: counts["claimed", default: 0],
                                        pending: counts["pending", default: 0])
        }
    }

    public func finishRun(run: String, worker: String) throws -> Bool {
        try write { db in
            try db.execute(sql: """
                UPDATE revalidation_runs SET finished_at = ?, reporter = ?
                WHERE name = ? AND finished_at IS NULL AND enumerated_at IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM revalidation_items WHERE run = ? AND state <> 'done')
                """, arguments: [Date().timeIntervalSince1970, worker, run, run])
            return db.changesCount == 1
        }
    }

    public func decisions(run: String, after seq: Int64, limit: Int) throws -> [RevalidationDecision] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(RevalidationDecision.columns.joined(separator: ", ")) FROM revalidations
                WHERE run = ? AND seq > ? ORDER BY seq LIMIT ?
                """, arguments: [run, seq, limit]).map { row in
                RevalidationDecision(
                    seq: row["seq"], path: row["path"], sha256: row["sha256"], form: row["form"],
                    serviceItem: row["service_item"], serviceItemName: row["service_item_name"], region: row["region"],
                    regionName: row["region_name"], status: row["status"], problems: row["problems"], error: row["error"],
                    previousStatus: row["previous_status"], previousProblems: row["previous_problems"],
                    previousSource: row["previous_source"], previousOutput: row["previous_output"],
                    change: row["change_kind"], changed: row["changed"], problemsAdded: row["problems_added"],
                    problemsResolved: row["problems_resolved"], output: row["output"], worker: row["worker"],
                    at: Date(timeIntervalSince1970: row["at"]))
            }
        }
    }

    /// One IMMEDIATE transaction: the write lock is taken before the first read, so a
    /// read-then-write never fails on a snapshot another process has moved on from.
    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            var value: T?
            try db.inTransaction(.immediate) {
                value = try body(db)
                return .commit
            }
            return value!
        }
    }
}
