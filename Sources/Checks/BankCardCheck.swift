import Catalog
import IntakeCore

/// A 银行卡号: 12 to 19 digits (spaces between groups allowed). Most UnionPay cards end in a
/// Luhn check digit, but some old ones do not, so a failed check is not the applicant's fault to
/// be told of: the number is listed for the clerk to compare with the card (`low-confidence`).
struct BankCardCheck: FieldCheck {
    func check(_ value: FieldValue, field: FieldDefinition, context: CheckContext) -> FieldOutcome {
        let digits = NumberCheck.fold(value.display).filter { !$0.isWhitespace }
        guard (12...19).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return FieldOutcome(problems: [field.problem(.invalidFormat, "银行卡号应为12至19位数字，请核对。")])
        }
        guard Self.passesLuhn(digits) else {
            return FieldOutcome(normalized: digits, problems: [field.problem(.lowConfidence,
                "银行卡号未通过校验位检验（少数老卡无校验位），请工作人员与银行卡核对。")])
        }
        return FieldOutcome(normalized: digits)
    }

    /// The Luhn (mod 10) check over all the digits, the last being the check digit.
    static func passesLuhn(_ digits: String) -> Bool {
        var sum = 0
        for (i, c) in digits.reversed().enumerated() {
            guard let d = c.wholeNumberValue else { return false }
            sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d
        }
        return sum % 10 == 0
    }
}
