import IntakeCore

/// The Chinese words of the HTML report: statuses, changes and problem codes as a section chief
/// (科长) reads them. The codes themselves are README.md's ("Problem codes"), worded in IntakeCore.
enum Wording {
    static let statuses = DecisionStatus.all

    static func status(_ code: String?) -> String {
        switch code {
        case "accepted": return "材料齐全"
        case "incomplete": return "需补正"
        case "rejected": return "不予受理"
        case "needs-review": return "待人工核对"
        case DecisionStatus.failed: return "无法读取"
        case nil: return "—"
        case let other?: return other
        }
    }

    static let changes = Change.allCases.map(\.rawValue)

    static func change(_ code: String) -> String { Change(rawValue: code)?.wording ?? code }

    /// The kind of problem, short, for tables (IntakeCore's one table of code wordings).
    static func problem(_ code: String) -> String { ProblemCode(rawValue: code).wording ?? code }

    /// Failure codes of files that are not submissions at all (README, "Error codes").
    static func failure(_ code: String) -> String { IntakeError.Code(rawValue: code).wording ?? code }
}
