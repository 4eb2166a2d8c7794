import Catalog
import IntakeCore

/// 统一社会信用代码 against GB 32100-2015: shape, then check character.
struct USCCCheck: FieldCheck {
    func check(_ value: FieldValue, field: FieldDefinition, context: CheckContext) -> FieldOutcome {
        switch USCC.check(value.display) {
        case .valid(let code):
            return FieldOutcome(normalized: code)
        case .invalidFormat:
            return FieldOutcome(problems: [field.problem(.invalidFormat,
                "统一社会信用代码应为18位，由数字和大写英文字母组成（不使用I、O、Z、S、V），请核对。")])
        case .invalidCheckCharacter:
            return FieldOutcome(problems: [field.problem(.invalidCheckDigit,
                "统一社会信用代码校验位不正确，请按营业执照或登记证书核对后重新填写。")])
        }
    }
}
