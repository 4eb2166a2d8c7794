import Catalog
import IntakeCore

/// A date field: a real calendar date, written in one of the accepted ways.
struct DateCheck: FieldCheck {
    func check(_ value: FieldValue, field: FieldDefinition, context: CheckContext) -> FieldOutcome {
        switch CalendarDate.parse(value.display) {
        case .date(let date):
            return FieldOutcome(normalized: date.iso)
        case .notARealDate:
            return FieldOutcome(problems: [field.problem(.dateFormat, "所填日期不存在（如2月30日、13月），请填写真实日期。")])
        case .unreadable:
            return FieldOutcome(problems: [field.problem(.dateFormat, "日期格式不正确，请按“××××年××月××日”填写。")])
        }
    }
}
