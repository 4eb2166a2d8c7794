import Catalog
import IntakeCore

/// Fields required by what else was filled in: `required-when` (出生医学证明编号 for a 顺产 row)
/// and `any-of` (a change form changes at least one item). Both decide whether a blank is a
/// fault, so they run with the required-field check, not with the rules between values.
enum RequiredRules {
    /// The rule that makes `key` required given `values` (`key` is `table.column` inside a row,
    /// whose `values` are keyed by column), or nil.
    static func requiring(_ key: String, rules: [CrossFieldRule], values: [String: FieldValue]) -> CrossFieldRule? {
        rules.first { rule in
            guard rule.kind == .requiredWhen, rule.field == key, let when = rule.when, let options = rule.in else { return false }
            let whenKey = when.split(separator: ".").last.map(String.init) ?? when
            return values[whenKey]?.options.contains { ticked in options.contains { ChoiceCheck.match(ticked, in: [$0]) != nil } } ?? false
        }
    }

    /// What the applicant reads when a `required-when` field is blank.
    static func message(for rule: CrossFieldRule, form: FormDefinition) -> String {
        let when = rule.when.flatMap { CrossFieldCheck.field(form, $0) }?.qualifiedLabel ?? rule.when ?? ""
        return "“\(when)”为\((rule.in ?? []).joined(separator: "或"))的，此项为必填项，未填写。"
    }

    /// A problem for every `any-of` rule none of whose fields was filled in, on its first field.
    static func anyOf(_ form: FormDefinition, values: [String: FieldValue]) -> [Problem] {
        form.rules.compactMap { rule in
            guard rule.kind == .anyOf, let keys = rule.fields,
                  keys.allSatisfy({ values[$0]?.isBlank ?? true }), let first = keys.first.flatMap(form.field) else { return nil }
            let groups = keys.compactMap { form.field($0)?.group }
            let group = groups.count == keys.count && Set(groups).count == 1 ? groups[0] : nil
            let labels = keys.compactMap { form.field($0)?.label }.joined(separator: "、")
            var problem = first.problem(.missingRequired, group.map { _ in "此栏均未填写，请至少填写一项（\(labels)）。" }
                ?? "\(labels)至少应填写一项。")
            // The notice names the column (变更事项), not its first field.
            if let group { problem.label = group }
            return problem
        }
    }
}
