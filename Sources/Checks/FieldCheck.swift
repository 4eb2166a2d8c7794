import Catalog
import IntakeCore

/// What checking one field's value found: its canonical form when valid, and its problems.
public struct FieldOutcome: Sendable, Hashable {
    public var normalized: String?
    public var problems: [Problem]

    public init(normalized: String? = nil, problems: [Problem] = []) {
        self.normalized = normalized
        self.problems = problems
    }
}

/// Checks the value of one field of one type. Each field type has its own file.
protocol FieldCheck {
    /// `value` is never blank here: blank values are the required check's business.
    func check(_ value: FieldValue, field: FieldDefinition, context: CheckContext) -> FieldOutcome
}

/// What a check may need besides the value.
public struct CheckContext: Sendable {
    /// The day dates are judged against: no date may lie after it.
    public var today: CalendarDate
    public init(today: CalendarDate) { self.today = today }

    /// The context for one submission: its dates are judged against the day it was handed in
    /// (`submittedOn`) when that is a real date not after the day of processing, else against the
    /// day of processing. A date after the day of 受理 is wrong whatever day intake reads it, so a
    /// re-validation next year finds the same problems.
    func judging(_ submission: Submission) -> CheckContext {
        guard let text = submission.submittedOn, case .date(let received) = CalendarDate.parse(text),
              received < today else { return self }
        return CheckContext(today: received)
    }
}

extension FieldDefinition {
    /// The label with its group, as a clerk reads it on the notice ("法定代表人·身份证号码").
    public var qualifiedLabel: String {
        guard let group, !group.isEmpty, group != label else { return label }
        return "\(group)·\(label)"
    }

    func problem(_ code: ProblemCode, _ message: String, line: Int? = nil) -> Problem {
        Problem(field: key, label: qualifiedLabel, code: code, message: message, line: line)
    }
}

enum FieldChecks {
    /// The check for each type; text has none beyond length.
    static func check(for type: FieldType) -> FieldCheck? {
        switch type {
        case .uscc: return USCCCheck()
        case .idNumber: return CitizenIDCheck()
        case .phone: return PhoneCheck(mobileOnly: false)
        case .mobile: return PhoneCheck(mobileOnly: true)
        case .date: return DateCheck()
        case .choice, .multiChoice: return ChoiceCheck()
        case .gender: return GenderCheck()
        case .amount: return NumberCheck(kind: .amount)
        case .integer: return NumberCheck(kind: .integer)
        case .bankCard: return BankCardCheck()
        case .text, .table: return nil
        }
    }
}
