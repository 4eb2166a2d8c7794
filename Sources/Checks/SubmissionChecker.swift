import Catalog
import IntakeCore

/// Runs every check on one submission and says what was found.
public struct SubmissionChecker: Sendable {
    public var context: CheckContext

    public init(today: CalendarDate) { context = CheckContext(today: today) }

    /// Everything result.json and the notice need from the checks.
    public struct Report: Sendable, Hashable {
        public var fields: [SubmissionResult.Field]
        public var materials: [SubmissionResult.MaterialStatus]
        public var attachments: [SubmissionResult.Attachment]
        /// Field problems in form order, then agent problems, then missing materials.
        public var problems: [Problem]
        public var status: SubmissionResult.Status { problems.isEmpty ? .accepted : .incomplete }
    }

    /// `sourceName` is recorded as the file that provided the application form itself.
    public func check(_ submission: Submission, form: FormDefinition, item: ServiceItem, sourceName: String) -> Report {
        var fields: [SubmissionResult.Field] = []
        var problems: [Problem] = []
        var normalized: [String: String] = [:]
        for field in form.fields {
            let value = submission.values[field.key]
            let line = submission.lines[field.key]
            var outcome = FieldOutcome()
            if let value, !value.isBlank {
                if let check = FieldChecks.check(for: field.type) {
                    outcome = check.check(value, field: field, context: context)
                }
                if let max = field.maxLength, value.display.count > max {
                    outcome.problems.append(field.problem(.tooLong, "内容超过\(max)个字，请精简后填写。"))
                }
            } else if field.required || requiredAsDetail(field, form: form, submission: submission) {
                let ticks = field.type == .choice || field.type == .multiChoice
                let message = ticks ? "此项为必选项，未勾选。"
                    : requiredAsDetail(field, form: form, submission: submission) ? "勾选“其他”的，须注明具体内容。"
                    : "此项为必填项，未填写。"
                outcome.problems.append(field.problem(.missingRequired, message))
            }
            if let n = outcome.normalized, outcome.problems.isEmpty { normalized[field.key] = n }
            problems += outcome.problems.map { var p = $0; p.line = p.line ?? line; return p }
            fields.append(.init(key: field.key, label: field.label, group: field.group, value: value,
                                normalized: outcome.problems.isEmpty && field.type != .text ? outcome.normalized : nil,
                                line: line))
        }
        problems += CrossFieldCheck.check(form.rules, form: form, normalized: normalized, context: context)
            .map { var p = $0; p.line = p.line ?? p.field.flatMap { submission.lines[$0] }; return p }
        problems += AgentCheck.check(submission, context: context)
        let materials = MaterialCheck.check(submission, item: item, sourceName: sourceName)
        problems += materials.problems
        return Report(fields: fields, materials: materials.materials, attachments: materials.attachments, problems: problems)
    }

    /// A detail field ("其他（…）") is required once its option is ticked.
    func requiredAsDetail(_ field: FieldDefinition, form: FormDefinition, submission: Submission) -> Bool {
        guard let owner = form.fields.first(where: { $0.detail?.field == field.key }), let detail = owner.detail,
              let ticked = submission.values[owner.key]?.options else { return false }
        return ticked.contains { ChoiceCheck.match($0, in: [detail.option]) != nil }
    }
}
