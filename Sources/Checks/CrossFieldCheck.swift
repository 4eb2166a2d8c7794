import Catalog
import IntakeCore

/// Rules between fields: dates in order, 性别 against the ID number. Run only on values that
/// passed their own checks, so one fault is reported once.
enum CrossFieldCheck {
    static func check(_ rules: [CrossFieldRule], form: FormDefinition, normalized: [String: String],
                      context: CheckContext) -> [Problem] {
        var problems: [Problem] = []
        for rule in rules {
            switch rule.kind {
            case .dateOrder:
                guard let earlierKey = rule.earlier, let laterKey = rule.later,
                      let earlier = date(earlierKey, normalized, context), let later = date(laterKey, normalized, context),
                      earlier > later else { continue }
                // Blame the field that can be corrected: the one that is not "today".
                let blamed = form.field(laterKey == CrossFieldRule.today ? earlierKey : laterKey)
                guard let field = blamed else { continue }
                let message = laterKey == CrossFieldRule.today
                    ? "所填日期晚于受理当日，请核对。"
                    : "“\(form.field(earlierKey)?.qualifiedLabel ?? earlierKey)”不能晚于“\(form.field(laterKey)?.qualifiedLabel ?? laterKey)”，请核对。"
                problems.append(field.problem(.dateOrder, message))
            case .idGender:
                guard let idKey = rule.id, let genderKey = rule.gender,
                      let id = normalized[idKey], let gender = normalized[genderKey],
                      case .valid(let info) = CitizenID.check(id, today: context.today),
                      info.gender.rawValue != gender, let field = form.field(genderKey) else { continue }
                problems.append(field.problem(.idGenderMismatch,
                    "性别与居民身份证号码不一致（身份证号码第17位表示性别），请核对。"))
            }
        }
        return problems
    }

    static func date(_ key: String, _ normalized: [String: String], _ context: CheckContext) -> CalendarDate? {
        if key == CrossFieldRule.today { return context.today }
        guard let iso = normalized[key], case .date(let d) = CalendarDate.parse(iso) else { return nil }
        return d
    }
}
