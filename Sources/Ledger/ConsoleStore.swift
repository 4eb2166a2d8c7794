import Foundation
import GRDB

/// What `intake console` keeps in the ledger beside the inbox's rows: clerks, the audit trail,
/// 办件编号, revisions, decisions, verification times and the queue's index. SQLite only for now.
public final class ConsoleStore: Sendable {
    let pool: DatabasePool

    /// Opens (creating if needed) the ledger file at `path`, the same file `watch` writes.
    public init(path: String) throws {
        pool = try LedgerSchema.open(path: path, busyTimeout: 10)
    }

    // MARK: Clerks

    /// Adds an account; false when the login is taken.
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

    /// The account and its password hash.
    public func clerk(login: String) throws -> (clerk: Clerk, passwordHash: String)? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM clerk WHERE login = ?", arguments: [login]).map { ($0.clerk, $0["password_hash"]) }
        }
    }

    public func clerks() throws -> [Clerk] {
        try pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM clerk ORDER BY login").map(\.clerk) }
    }

    /// A new password; unlocks the account. False when there is no such login.
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

    /// Counts a failed login; the `limit`-th in a row locks the account until `now + lockFor`.
    /// Returns whether the account is locked now.
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

    // MARK: 办件编号

    /// The submission's 办件编号, `<office>-<YYYYMMDD>-<seq>`, given once: the office's next
    /// number of `day` the first time, the same one after.
    public func caseNumber(submission: String, office: String, day: String) throws -> String {
        try pool.write { db in
            if let row = try Row.fetchOne(db, sql: "SELECT office, day, seq FROM case_number WHERE submission = ?",
                                          arguments: [submission]) {
                return Self.caseNumber(office: row["office"], day: row["day"], seq: row["seq"])
            }
            let next = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM case_number WHERE office = ? AND day = ?",
                                         arguments: [office, day]) ?? 0) + 1
            try db.execute(sql: "INSERT INTO case_number (office, day, seq, submission) VALUES (?, ?, ?, ?)",
                           arguments: [office, day, next, submission])
            return Self.caseNumber(office: office, day: day, seq: next)
        }
    }

    /// The 办件编号 already given to a submission.
    public func existingCaseNumber(submission: String) throws -> String? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT office, day, seq FROM case_number WHERE submission = ?", arguments: [submission])
                .map { Self.caseNumber(office: $0["office"], day: $0["day"], seq: $0["seq"]) }
        }
    }

    static func caseNumber(office: String, day: String, seq: Int) -> String {
        let number = String(seq)
        return "\(office)-\(day.replacingOccurrences(of: "-", with: ""))-\(String(repeating: "0", count: max(0, 4 - number.count)))\(number)"
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

    /// Verification times per field, sorted, of what was verified at or after `since`.
    public func verifyTimes(since: Date) throws -> [Double] {
        try pool.read { db in
            try Double.fetchAll(db, sql: "SELECT milliseconds FROM verify_time WHERE at >= ? ORDER BY milliseconds",
                                arguments: [since.timeIntervalSince1970])
        }
    }

    /// Who decided what, of what was decided at or after `since`: (clerk, outcome) → count.
    public func decisionCounts(since: Date) throws -> [(clerk: String, outcome: String, count: Int)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT clerk, outcome, COUNT(*) AS n FROM decision WHERE at >= ? GROUP BY clerk, outcome ORDER BY clerk, outcome
                """, arguments: [since.timeIntervalSince1970]).map { ($0["clerk"], $0["outcome"], $0["n"]) }
        }
    }
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
}

public struct Decision: Sendable, Hashable {
    public var outcome: String
    public var reason: String?
    public var clerk: String
    public var at: Date
}

extension Row {
    fileprivate var clerk: Clerk {
        var clerk = Clerk(login: self["login"], name: self["name"], role: ClerkRole(rawValue: self["role"]) ?? .clerk,
                          offices: (self["offices"] as String).split(separator: ",").map(String.init))
        clerk.disabled = self["disabled"]
        clerk.lockedUntil = (self["locked_until"] as Double?).map(Date.init(timeIntervalSince1970:))
        clerk.passwordSetAt = (self["password_set_at"] as Double?).map(Date.init(timeIntervalSince1970:))
        return clerk
    }
}
