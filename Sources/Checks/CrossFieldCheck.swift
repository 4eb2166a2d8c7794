import Catalog
import IntakeCore

/// Rules between fields: dates in order, 性别 against the ID number. Run only on values that
/// passed their own checks, so one fault is reported once.
enum CrossFieldCheck {
    /// Rules whose keys are `table.column` apply to every row of that table.
    static func check(_ rules: [CrossFieldRule], form: FormDefinition, normalized: [String: String],
                      tables: [String: [[String: String]]] = [:], context: CheckContext,
                      withinRow: Bool = false) -> [Problem] {
        var problems: [Problem] = []
        for rule in rules {
            guard rule.kind == .dateOrder || rule.kind == .idGender else { continue }
            let keys = [rule.earlier, rule.later, rule.id, rule.gender].compactMap { $0 }
            if !withinRow, let table = keys.lazy.compactMap({ $0.split(separator: ".").count == 2 ? String($0.split(separator: ".")[0]) : nil }).first,
               let tableField = form.field(table) {
                for (index, row) in (tables[table] ?? []).enumerated() {
                    var scoped = normalized
                    for (key, value) in row { scoped["\(table).\(key)"] = value }
                    problems += check([rule], form: form, normalized: scoped, context: context, withinRow: true).map { problem in
                        var p = problem
                        if let column = p.field?.split(separator: ".").last.map(String.init) {
                            p.field = FieldPath(table: table, row: index, column: column).description
                            p.label = "\(tableField.label)第\(index + 1)行·\(tableField.column(column)?.label ?? column)"
                        }
                        return p
                    }
                }
                continue
            }
            switch rule.kind {
            case .dateOrder:
                guard let earlierKey = rule.earlier, let laterKey = rule.later,
                      let earlier = date(earlierKey, normalized, context), let later = date(laterKey, normalized, context),
                      earlier > later else { continue }
                // Blame the field that can be corrected: the one that is not "today".
                let blamed = field(form, laterKey == CrossFieldRule.today ? earlierKey : laterKey)
                guard let target = blamed else { continue }
                let message = laterKey == CrossFieldRule.today
                    ? "所填日期晚于受理当日，请核对。"
                    : "“\(field(form, earlierKey)?.qualifiedLabel ?? earlierKey)”不能晚于“\(field(form, laterKey)?.qualifiedLabel ?? laterKey)”，请核对。"
                problems.append(target.problem(.dateOrder, message))
            case .idGender:
                guard let idKey = rule.id, let genderKey = rule.gender,
                      let id = normalized[idKey], let gender = normalized[genderKey],
                      case .valid(let info) = CitizenID.check(id, today: context.today),
                      info.gender.rawValue != gender, let blamed = field(form, genderKey) else { continue }
                problems.append(blamed.problem(.idGenderMismatch,
                    "性别与居民身份证号码不一致（身份证号码第17位表示性别），请核对。"))
            case .requiredWhen, .anyOf:
                continue  // whether a blank is a fault: RequiredRules, with the required fields
            }
        }
        return problems
    }

    /// A field, or a table's column for a `table.column` key (its key then reads `table.column`).
    static func field(_ form: FormDefinition, _ key: String) -> FieldDefinition? {
        let parts = key.split(separator: ".").map(String.init)
        guard parts.count == 2 else { return form.field(key) }
        guard var column = form.field(parts[0])?.column(parts[1]) else { return nil }
        column.key = key
        return column
    }

    static func date(_ key: String, _ normalized: [String: String], _ context: CheckContext) -> CalendarDate? {
        if key == CrossFieldRule.today { return context.today }
        guard let iso = normalized[key], case .date(let d) = CalendarDate.parse(iso) else { return nil }
        return d
    }
}
