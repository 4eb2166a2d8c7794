import Catalog
import IntakeCore

/// 性别: 男 or 女 (男性/女性 accepted).
struct GenderCheck: FieldCheck {
    func check(_ value: FieldValue, field: FieldDefinition, context: CheckContext) -> FieldOutcome {
        switch value.display.trimmingWhitespace() {
        case "男", "男性": return FieldOutcome(normalized: "男")
        case "女", "女性": return FieldOutcome(normalized: "女")
        default: return FieldOutcome(problems: [field.problem(.invalidFormat, "性别应填写“男”或“女”。")])
        }
    }
}
