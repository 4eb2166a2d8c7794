import Crypto
import Foundation

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

/// The audit table's hash chain, one definition for every store: each row's hash covers its
/// content and the hash of the row before, so a changed, removed or inserted row shows.
enum AuditChain {
    /// The hash the first row links to.
    static let start = String(repeating: "0", count: 64)

    /// The columns after `seq`, in the order of `Link.values` then `previous_hash`, `hash`.
    static let columns = "at, clerk, address, action, submission, field, before_masked, before_sha256, after_masked, "
        + "after_sha256, reason, previous_hash, hash"

    /// A row about to be appended: the columns after `seq`.
    struct Link {
        var at: Double
        /// clerk, address, action, submission, field, before_masked, before_sha256, after_masked,
        /// after_sha256, reason.
        var values: [String?]
        var previous: String
        var hash: String
    }

    /// The rows for `entries` after the row whose hash is `previous`.
    static func links(after previous: String, _ entries: [AuditEntry]) -> [Link] {
        var previous = previous
        return entries.map { entry in
            let values: [String?] = [
                entry.clerk, entry.address, entry.action, entry.submission, entry.field, entry.beforeMasked,
                entry.before.map(sha256), entry.afterMasked, entry.after.map(sha256), entry.reason,
            ]
            let at = entry.at.timeIntervalSince1970
            let hash = link(previous, [String(at)] + values)
            defer { previous = hash }
            return Link(at: at, values: values, previous: previous, hash: hash)
        }
    }

    /// A stored row as read back: `values` as in `Link`.
    struct Stored {
        var seq: Int64
        var at: Double
        var values: [String?]
        var previous: String
        var hash: String

        var row: AuditRow {
            AuditRow(seq: seq, at: Date(timeIntervalSince1970: at), clerk: values[0] ?? "", address: values[1] ?? "",
                     action: values[2] ?? "", submission: values[3], field: values[4], beforeMasked: values[5],
                     afterMasked: values[7], reason: values[9])
        }
    }

    /// Walks stored rows in `seq` order, one at a time (the table may not fit in memory).
    struct Walk {
        private(set) var previous = AuditChain.start
        private(set) var rows = 0
        private(set) var brokenAt: Int64?

        /// False once a row's hash or link is wrong (the walk stops there).
        mutating func next(_ row: Stored) -> Bool {
            rows += 1
            guard row.previous == previous, AuditChain.link(previous, [String(row.at)] + row.values) == row.hash else {
                brokenAt = row.seq
                return false
            }
            previous = row.hash
            return true
        }

        var verification: AuditVerification { AuditVerification(rows: rows, brokenAt: brokenAt) }
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
