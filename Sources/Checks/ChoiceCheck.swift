import Catalog
import IntakeCore

/// A checkbox group: every ticked option must be one printed on the form; a single-choice
/// group takes one tick.
struct ChoiceCheck: FieldCheck {
    func check(_ value: FieldValue, field: FieldDefinition, context: CheckContext) -> FieldOutcome {
        let ticked = value.options
        var problems: [Problem] = []
        var matched: [String] = []
        for option in ticked {
            if let printed = Self.match(option, in: field.options) {
                matched.append(printed)
            } else {
                problems.append(field.problem(.invalidOption, "所填“\(option)”不是表格所列选项，请在所列选项中勾选。"))
            }
        }
        if field.type == .choice && ticked.count > 1 {
            problems.append(field.problem(.tooManyOptions, "此项只能勾选一项。"))
        }
        guard problems.isEmpty else { return FieldOutcome(problems: problems) }
        return FieldOutcome(normalized: matched.joined(separator: "、"))
    }

    /// The printed option an applicant's text stands for: equal after folding spaces and
    /// full-width parentheses.
    static func match(_ text: String, in options: [String]) -> String? {
        let key = fold(text)
        return options.first { fold($0) == key }
    }

    static func fold(_ s: String) -> String {
        String(s.unicodeScalars.filter { !$0.isSpace && !"□☑■√✓（）()".unicodeScalars.contains($0) }
            .map(Character.init))
    }
}
