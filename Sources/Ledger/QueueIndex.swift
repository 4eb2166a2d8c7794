import Foundation
import GRDB

/// One submission as the console's queue lists it: what a clerk searches by, kept in the ledger
/// so that neither the queue nor a search reads a result.json.
public struct QueueEntry: Sendable, Hashable, Codable {
    public var submission: String
    /// The date folder, YYYY-MM-DD.
    public var day: String
    /// The output folder.
    public var folder: String
    /// accepted, incomplete, rejected, needs-review.
    public var status: String
    /// The form's title, or the item's name.
    public var form: String
    public var item: String?
    /// The region code of the office (the submitted region).
    public var office: String?
    public var district: String?
    /// 单位名称 or 姓名 as read.
    public var applicant: String?
    public var uscc: String?
    /// The last 4 characters of the ID numbers in the submission, space-separated.
    public var idLast4: String?
    /// Fields a clerk must still read.
    public var flagged: Int
    public var revision: Int
    public var processedAt: String

    public init(submission: String, day: String, folder: String, status: String, form: String, item: String?, office: String?,
                district: String?, applicant: String?, uscc: String?, idLast4: String?, flagged: Int, revision: Int,
                processedAt: String) {
        self.submission = submission
        self.day = day
        self.folder = folder
        self.status = status
        self.form = form
        self.item = item
        self.office = office
        self.district = district
        self.applicant = applicant
        self.uscc = uscc
        self.idLast4 = idLast4
        self.flagged = flagged
        self.revision = revision
        self.processedAt = processedAt
    }
}

extension ConsoleStore {
    public func upsert(_ entries: [QueueEntry]) throws {
        guard !entries.isEmpty else { return }
        try pool.write { db in
            for e in entries {
                try db.execute(sql: """
                    INSERT INTO queue_entry (submission, day, folder, status, form, item, office, district, applicant, uscc,
                                             id_last4, flagged, revision, processed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (submission) DO UPDATE SET day = excluded.day, folder = excluded.folder,
                        status = excluded.status, form = excluded.form, item = excluded.item, office = excluded.office,
                        district = excluded.district, applicant = excluded.applicant, uscc = excluded.uscc,
                        id_last4 = excluded.id_last4, flagged = excluded.flagged, revision = excluded.revision,
                        processed_at = excluded.processed_at
                    """, arguments: [e.submission, e.day, e.folder, e.status, e.form, e.item, e.office, e.district,
                                     e.applicant, e.uscc, e.idLast4, e.flagged, e.revision, e.processedAt])
            }
        }
    }

    /// The ids already indexed for `day`, with the revision indexed.
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

    /// A day's submissions: needs-review first, then incomplete, accepted, rejected; oldest first within.
    public func queue(day: String, limit: Int = 5000) throws -> [QueueEntry] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM queue_entry WHERE day = ?
                ORDER BY CASE status WHEN 'needs-review' THEN 0 WHEN 'incomplete' THEN 1 WHEN 'accepted' THEN 2 ELSE 3 END,
                         processed_at
                LIMIT \(limit)
                """, arguments: [day]).map(Self.entry)
        }
    }

    /// Submissions matching `text`: a submission id (prefix), a 办件编号, a 预审号, a name, a USCC,
    /// the last 4 characters of an ID number, or a date (YYYY-MM-DD). Newest first.
    public func search(_ text: String, limit: Int = 200) throws -> [QueueEntry] {
        let query = text.trimmingCharacters(in: .whitespaces)
        guard !query.isEmpty else { return [] }
        return try pool.read { db in
            let like = "%" + query.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            return try Row.fetchAll(db, sql: """
                SELECT q.* FROM queue_entry q LEFT JOIN case_number c ON c.submission = q.submission
                WHERE q.submission LIKE ? OR q.day = ? OR q.applicant LIKE ? OR q.uscc = ? OR q.id_last4 LIKE ?
                   OR (c.office || '-' || c.day || '-' || substr('0000' || c.seq, -4, 4)) = ?
                   OR q.submission IN (SELECT submission FROM precheck_reference WHERE reference = ?)
                ORDER BY q.processed_at DESC LIMIT \(limit)
                """, arguments: [query.lowercased() + "%", query, like, query.uppercased(),
                                 query.count == 4 ? "%" + query.uppercased() + "%" : "-", query, query.uppercased()]).map(Self.entry)
        }
    }

    /// Counts of a day's submissions by status, item, district, for the 科长.
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
}

public enum QueueColumn: String, Sendable {
    case status, item, district
}

extension ConsoleStore {
    /// Records a 预审号 for the submission it was handed in as; false when the number is taken.
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
}

extension ConsoleStore {
    public func precheckReferenceTaken(_ reference: String) throws -> Bool {
        try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT 1 FROM precheck_reference WHERE reference = ?", arguments: [reference]) != nil
        }
    }
}
