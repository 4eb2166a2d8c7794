import Foundation

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

public enum QueueColumn: String, Sendable {
    case status, item, district
}

extension QueueEntry {
    /// The columns both stores read and write, in the order of the initializer.
    static let columns = "submission, day, folder, status, form, item, office, district, applicant, uscc, id_last4, flagged, "
        + "revision, processed_at"

    /// `columns`, each qualified by `table`.
    static func columns(of table: String) -> String {
        columns.split(separator: ",").map { "\(table).\($0.trimmingCharacters(in: .whitespaces))" }.joined(separator: ", ")
    }

    /// The upsert's SET clause: every column but the key, from the row that conflicted.
    static let replaceOnConflict = columns.split(separator: ",").dropFirst()
        .map { $0.trimmingCharacters(in: .whitespaces) }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
}

/// What a queue search compares, the same for both stores: a submission id (prefix), a date
/// (YYYY-MM-DD), a name (part), a USCC, the last 4 characters of an ID number, a 办件编号, a 预审号.
struct QueueSearch {
    var idPrefix: String
    var day: String
    var name: String
    var uscc: String
    /// A pattern no id_last4 matches unless the text is 4 characters long.
    var last4: String
    var caseNumber: String
    var reference: String

    /// Nil for blank text.
    init?(_ text: String) {
        let query = text.trimmingCharacters(in: .whitespaces)
        guard !query.isEmpty else { return nil }
        idPrefix = query.lowercased() + "%"
        day = query
        name = "%" + query.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
        uscc = query.uppercased()
        last4 = query.count == 4 ? "%" + query.uppercased() + "%" : "-"
        caseNumber = query
        reference = query.uppercased()
    }
}
