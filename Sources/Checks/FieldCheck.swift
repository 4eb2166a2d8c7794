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
    /// The day of processing, bounding dates that cannot lie in the future.
    public var today: CalendarDate
    public init(today: CalendarDate) { self.today = today }
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
        case .text, .table: return nil
        }
    }
}
