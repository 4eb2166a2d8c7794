import Catalog
import IntakeCore

/// 居民身份证号码 against GB 11643-1999: shape, birth date, then check digit.
struct CitizenIDCheck: FieldCheck {
    func check(_ value: FieldValue, field: FieldDefinition, context: CheckContext) -> FieldOutcome {
        switch CitizenID.check(value.display, today: context.today) {
        case .valid(let info):
            return FieldOutcome(normalized: info.canonical)
        case .invalidFormat:
            return FieldOutcome(problems: [field.problem(.invalidFormat,
                "居民身份证号码应为18位，前17位为数字，末位为数字或X，请核对。")])
        case .invalidBirthDate:
            return FieldOutcome(problems: [field.problem(.invalidBirthDate,
                "居民身份证号码中的出生日期不是有效日期，请核对。")])
        case .invalidCheckCharacter:
            return FieldOutcome(problems: [field.problem(.invalidCheckDigit,
                "居民身份证号码校验码不正确，请按居民身份证核对后重新填写。")])
        }
    }
}
