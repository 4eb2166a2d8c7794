import IntakeCore

/// The Chinese words of the HTML report: statuses, changes and problem codes as a section chief
/// (科长) reads them. The codes themselves are README.md's ("Problem codes"), worded in IntakeCore.
enum Wording {
    static let statuses = ["accepted", "incomplete", "rejected", "needs-review", "failed"]

    static func status(_ code: String?) -> String {
        switch code {
        case "accepted": return "材料齐全"
        case "incomplete": return "需补正"
        case "rejected": return "不予受理"
        case "needs-review": return "待人工核对"
        case "failed": return "无法读取"
        case nil: return "—"
        case let other?: return other
        }
    }

    static let changes = ["newly-incomplete", "newly-complete", "problems-added", "problems-resolved", "status-changed",
                          "unchanged", "new", "failed"]

    static func change(_ code: String) -> String {
        switch code {
        case "unchanged": return "无变化"
        case "newly-incomplete": return "新变为需补正"
        case "newly-complete": return "新变为材料齐全"
        case "problems-added": return "新增问题"
        case "problems-resolved": return "问题减少"
        case "status-changed": return "结论改变"
        case "new": return "首次校验"
        case "failed": return "无法读取"
        default: return code
        }
    }

    /// The kind of problem, short, for tables (IntakeCore's one table of code wordings).
    static func problem(_ code: String) -> String { ProblemCode(rawValue: code).wording ?? code }

    /// Failure codes of files that are not submissions at all (README, "Error codes").
    static func failure(_ code: String) -> String { IntakeError.Code(rawValue: code).wording ?? code }
}
