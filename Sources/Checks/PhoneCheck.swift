import Catalog
import IntakeCore

/// 联系电话 (landline or mobile) and 手机号码 (mobile only).
struct PhoneCheck: FieldCheck {
    let mobileOnly: Bool

    func check(_ value: FieldValue, field: FieldDefinition, context: CheckContext) -> FieldOutcome {
        let verdict = mobileOnly ? PhoneNumber.checkMobile(value.display) : PhoneNumber.check(value.display)
        if case .valid(let number) = verdict { return FieldOutcome(normalized: number) }
        let message = mobileOnly
            ? "手机号码应为11位数字，请核对。"
            : "联系电话格式不正确，应为“区号-电话号码”或11位手机号码，请核对。"
        return FieldOutcome(problems: [field.problem(.invalidFormat, message)])
    }
}
