import Foundation
import GRDB

/// The default ledger: one SQLite file in WAL mode, shared safely by several processes on one
/// machine (SQLite's own locking, a busy timeout for the writers that wait).
public final class SQLiteLedger: Ledger {
    private let pool: DatabasePool

    /// Opens (creating if needed) the ledger at `path`.
    public init(path: String) throws {
        pool = try LedgerSchema.open(path: path, busyTimeout: 10)
    }

    public func begin(_ claim: ClaimRecord) throws -> ClaimDecision {
        try pool.write { db in
            let row = try Row.fetchOne(db, sql: "SELECT token, state FROM submission WHERE sha256 = ?", arguments: [claim.sha256])
            guard let row else {
                try db.execute(sql: """
                    INSERT INTO submission (sha256, name, token, state, worker, dropped_at, claimed_at)
                    VALUES (?, ?, ?, 'claimed', ?, ?, ?)
                    """, arguments: [claim.sha256, claim.name, claim.token, claim.worker,
                                     claim.droppedAt.timeIntervalSince1970, claim.claimedAt.timeIntervalSince1970])
                try event(db, claim.sha256, claim.token, "claimed", claim.name)
                return .process
            }
            let token: String = row["token"]
            let state: String = row["state"]
            if token == claim.token {
                guard state == "claimed" else { return .alreadyFinished }
                try db.execute(sql: "UPDATE submission SET attempts = attempts + 1, worker = ? WHERE sha256 = ?",
                               arguments: [claim.worker, claim.sha256])
                try event(db, claim.sha256, claim.token, "resumed", claim.worker)
                return .process
            }
            try db.execute(sql: "INSERT OR IGNORE INTO duplicate (token, sha256, name, at) VALUES (?, ?, ?, ?)",
                           arguments: [claim.token, claim.sha256, claim.name, claim.claimedAt.timeIntervalSince1970])
            try event(db, claim.sha256, claim.token, "duplicate", token)
            return .duplicate(ofToken: token)
        }
    }

    public func finish(sha256: String, token: String, _ completion: Completion) throws {
        try pool.write { db in
            try db.execute(sql: """
                UPDATE submission SET state = ?, result_status = ?, result_directory = ?, reason = ?, finished_at = ?
                WHERE sha256 = ? AND token = ?
                """, arguments: [completion.state.rawValue, completion.resultStatus, completion.resultDirectory,
                                 completion.reason, completion.finishedAt.timeIntervalSince1970, sha256, token])
            try event(db, sha256, token, completion.state.rawValue, completion.resultStatus ?? completion.reason)
        }
    }

    public func recordRetry(sha256: String, token: String, reason: String) throws {
        try pool.write { db in try event(db, sha256, token, "retry", reason) }
    }

    public func summary(since: Date) throws -> LedgerSummary {
        try pool.read { db in
            let t = since.timeIntervalSince1970
            let done = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM submission WHERE state = 'done' AND finished_at >= ?", arguments: [t]) ?? 0
            let quarantined = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM submission WHERE state = 'quarantined' AND finished_at >= ?", arguments: [t]) ?? 0
            let duplicates = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM duplicate WHERE at >= ?", arguments: [t]) ?? 0
            let inProgress = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM submission WHERE state = 'claimed'") ?? 0
            let retries = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE kind = 'retry' AND at >= ?", arguments: [t]) ?? 0
            let latencies = try Double.fetchAll(db, sql: """
                SELECT (finished_at - dropped_at) * 1000 FROM submission WHERE state = 'done' AND finished_at >= ?
                ORDER BY 1
                """, arguments: [t])
            var byStatus: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT result_status, COUNT(*) AS n FROM submission WHERE state = 'done' AND finished_at >= ? GROUP BY result_status
                """, arguments: [t]) {
                byStatus[row["result_status"] ?? "-"] = row["n"]
            }
            return LedgerSummary(done: done, quarantined: quarantined, duplicates: duplicates, inProgress: inProgress,
                                 retries: retries, latencyP50: Self.percentile(latencies, 0.50),
                                 latencyP99: Self.percentile(latencies, 0.99), byResultStatus: byStatus)
        }
    }

    public func entry(sha256: String) throws -> LedgerEntry? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM submission WHERE sha256 = ?", arguments: [sha256]).map(Self.entry)
        }
    }

    public func entries() throws -> [LedgerEntry] {
        try pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM submission ORDER BY claimed_at").map(Self.entry) }
    }

    public func duplicateCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM duplicate") ?? 0 }
    }

    static func entry(_ row: Row) -> LedgerEntry {
        LedgerEntry(sha256: row["sha256"], name: row["name"], token: row["token"], state: row["state"],
                    resultStatus: row["result_status"], resultDirectory: row["result_directory"], reason: row["reason"],
                    attempts: row["attempts"], droppedAt: Date(timeIntervalSince1970: row["dropped_at"]),
                    finishedAt: (row["finished_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }

    private func event(_ db: Database, _ sha256: String, _ token: String, _ kind: String, _ detail: String?) throws {
        try db.execute(sql: "INSERT INTO event (sha256, token, kind, at, detail) VALUES (?, ?, ?, ?, ?)",
                       arguments: [sha256, token, kind, Date().timeIntervalSince1970, detail])
    }

    /// Nearest-rank percentile of sorted values.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[max(0, min(sorted.count - 1, rank - 1))]
    }
}
