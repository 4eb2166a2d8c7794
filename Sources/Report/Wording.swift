/// The Chinese words of the HTML report: statuses, changes and problem codes as a section chief
/// (科长) reads them. The codes themselves are README.md's ("Problem codes").
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

    /// The kind of problem, short, for tables.
    static func problem(_ code: String) -> String {
        switch code {
        case "missing-required": return "必填项未填"
        case "invalid-check-digit": return "校验码错误"
        case "invalid-format": return "格式不符"
        case "date-format": return "日期无效"
        case "date-order": return "日期先后矛盾"
        case "id-gender-mismatch": return "性别与身份证号不符"
        case "invalid-birth-date": return "身份证号出生日期无效"
        case "invalid-option": return "勾选了表上没有的选项"
        case "too-many-options": return "单选项勾选了多个"
        case "too-long": return "超出栏目字数"
        case "missing-material": return "缺少申办材料"
        case "schema-violation": return "不符合表单结构（XSD）"
        case "unknown-region": return "地区不在受理范围"
        default: return code
        }
    }

    /// Failure codes of files that are not submissions at all (README, after "Problem codes").
    static func failure(_ code: String) -> String {
        switch code {
        case "unreadable": return "无法打开"
        case "too-large": return "文件过大"
        case "not-xml": return "不是 XML"
        case "refused": return "含 DOCTYPE/实体，拒收"
        case "wrong-root": return "根元素不是 submission"
        case "unknown-form": return "未知表单"
        case "unsupported-version": return "表单版本不受支持"
        case "bundle": return "材料文件夹不完整"
        case "output": return "无法写入结果"
        case "render": return "无法生成 PDF"
        default: return code
        }
    }
}
