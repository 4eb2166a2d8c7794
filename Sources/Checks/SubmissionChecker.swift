import Catalog
import IntakeCore

/// Runs every check on one submission and says what was found.
public struct SubmissionChecker: Sendable {
    public var context: CheckContext

    /// `today`: the day of processing (China Standard Time).
    public init(today: CalendarDate) { context = CheckContext(today: today) }

    /// Everything result.json and the notice need from the checks.
    public struct Report: Sendable, Hashable {
        public var fields: [SubmissionResult.Field]
        public var materials: [SubmissionResult.MaterialStatus]
        public var attachments: [SubmissionResult.Attachment]
        /// Field problems in form order, then agent problems, then missing materials.
        public var problems: [Problem]
        public var status: SubmissionResult.Status {
            if problems.contains(where: { $0.code.isForClerk }) { return .needsReview }
            return problems.isEmpty ? .accepted : .incomplete
        }
    }

    /// `sourceName` is recorded as the file that provided the application form itself.
    public func check(_ submission: Submission, form: FormDefinition, item: ServiceItem, sourceName: String) -> Report {
        let judged = SubmissionChecker(context: context.judging(submission))
        return judged.checkJudged(submission, form: form, item: item, sourceName: sourceName)
    }

    init(context: CheckContext) { self.context = context }

    private func checkJudged(_ submission: Submission, form: FormDefinition, item: ServiceItem, sourceName: String) -> Report {
        var fields: [SubmissionResult.Field] = []
        var problems: [Problem] = []
        var normalized: [String: String] = [:]
        var tables: [String: [[String: String]]] = [:]
        for field in form.fields {
            let value = submission.values[field.key]
            let line = submission.lines[field.key]
            var outcome: FieldOutcome
            if field.type == .table {
                let (rowOutcome, rowsNormalized) = checkTable(field, form: form, value: value, submission: submission)
                outcome = rowOutcome
                tables[field.key] = rowsNormalized
            } else {
                let asDetail = requiredAsDetail(field, form: form, values: submission.values)
                let byRule = RequiredRules.requiring(field.key, rules: form.rules, values: submission.values)
                outcome = checkValue(value, field: field, required: field.required || asDetail || byRule != nil, asDetail: asDetail,
                                     requiredBecause: byRule.map { RequiredRules.message(for: $0, form: form) })
            }
            if let n = outcome.normalized, outcome.problems.isEmpty { normalized[field.key] = n }
            problems += outcome.problems.map { var p = $0; p.line = p.line ?? line; return p }
            let shown = outcome.problems.isEmpty && field.type != .text && field.type != .table ? outcome.normalized : nil
            fields.append(.init(key: field.key, label: field.label, group: field.group, value: value,
                                normalized: shown, line: line, source: submission.origins[field.key]))
            if let origin = submission.origins[field.key], origin.needsReview {
                let percent = Int((origin.confidence * 100).rounded())
                problems.append(field.problem(.lowConfidence, origin.method == .ocr
                    ? "此项由扫描件识别，无法确认（置信度\(percent)%），请工作人员核对原件。"
                    : "此项按表格版面读取，无法确认是否为本栏内容，请工作人员核对原件。"))
            }
        }
        problems += RequiredRules.anyOf(form, values: submission.values)
        problems += CrossFieldCheck.check(form.rules, form: form, normalized: normalized, tables: tables, context: context)
            .map { var p = $0; p.line = p.line ?? p.field.flatMap { submission.lines[$0] }; return p }
        problems += AgentCheck.check(submission, context: context)
        if let sealPages = submission.sealPages, sealPages.isEmpty, form.requiresSeal {
            problems.append(Problem(field: nil, label: "单位公章", code: .missingSeal, message: "表格未加盖单位公章。", line: nil))
        } else if submission.sealPages == nil, submission.readingMethod == .ocr, form.requiresSeal {
            // A grey scan shows no seal's red: the clerk looks at the original.
            problems.append(Problem(field: nil, label: "单位公章", code: .lowConfidence,
                                    message: "黑白扫描件无法确认是否加盖单位公章，请工作人员核对原件。", line: nil))
        }
        let materials = MaterialCheck.check(submission, item: item, sourceName: sourceName)
        problems += materials.problems
        problems += MaterialFactsCheck.check(submission, form: form, item: item, context: context)
        return Report(fields: fields, materials: materials.materials, attachments: materials.attachments, problems: problems)
    }

    /// One value against its field: blank and required, else the type's check and the length.
    /// `asDetail`: required only because its option ("其他") is ticked.
    /// `requiredBecause`: the message when a rule (`required-when`) is what makes it required.
    func checkValue(_ value: FieldValue?, field: FieldDefinition, required: Bool, asDetail: Bool = false,
                    requiredBecause: String? = nil) -> FieldOutcome {
        guard let value, !value.isBlank else {
            guard required else { return FieldOutcome() }
            let ticks = field.type == .choice || field.type == .multiChoice
            let message = field.type == .table ? "此表至少应填写一行。"
                : ticks ? "此项为必选项，未勾选。"
                : asDetail ? "勾选“其他”的，须注明具体内容。"
                : requiredBecause ?? "此项为必填项，未填写。"
            return FieldOutcome(problems: [field.problem(.missingRequired, message)])
        }
        var outcome = FieldChecks.check(for: field.type)?.check(value, field: field, context: context) ?? FieldOutcome()
        if let max = field.maxLength, value.display.count > max {
            outcome.problems.append(field.problem(.tooLong, "内容超过\(max)个字，请精简后填写。"))
        }
        return outcome
    }

    /// Every row of a table, each column checked as a field of its own; a problem names the
    /// row ("employees[1].idNumber", "生育职工第2行·身份证号").
    func checkTable(_ table: FieldDefinition, form: FormDefinition, value: FieldValue?, submission: Submission)
        -> (FieldOutcome, [[String: String]]) {
        guard case .rows(let rows)? = value, rows.contains(where: { !$0.values.allSatisfy(\.isBlank) }) else {
            return (checkValue(nil, field: table, required: table.required), [])
        }
        var problems: [Problem] = []
        var normalizedRows: [[String: String]] = []
        for (index, row) in rows.enumerated() {
            var normalizedRow: [String: String] = [:]
            // A blank row keeps its place, so rules between columns name the row as numbered.
            defer { normalizedRows.append(normalizedRow) }
            guard !row.values.allSatisfy(\.isBlank) else { continue }
            for column in table.columns {
                let path = FieldPath(table: table.key, row: index, column: column.key).description
                let asDetail = requiredAsDetail(column, form: nil, values: row, in: table)
                let byRule = RequiredRules.requiring("\(table.key).\(column.key)", rules: form.rules, values: row)
                let outcome = checkValue(row[column.key], field: column, required: column.required || asDetail || byRule != nil,
                                         asDetail: asDetail, requiredBecause: byRule.map { RequiredRules.message(for: $0, form: form) })
                if let n = outcome.normalized, outcome.problems.isEmpty { normalizedRow[column.key] = n }
                problems += outcome.problems.map {
                    var p = $0
                    p.field = path
                    p.label = "\(table.label)第\(index + 1)行·\(column.label)"
                    p.line = submission.lines[path]
                    return p
                }
            }
        }
        return (FieldOutcome(problems: problems), normalizedRows)
    }

    /// A detail field ("其他（…）") is required once its option is ticked.
    func requiredAsDetail(_ field: FieldDefinition, form: FormDefinition?, values: [String: FieldValue],
                          in table: FieldDefinition? = nil) -> Bool {
        let siblings = form?.fields ?? table?.columns ?? []
        // By index: iterating copies each (large) definition, for every field of every submission.
        guard let owner = siblings.indices.first(where: { siblings[$0].detail?.field == field.key }),
              let detail = siblings[owner].detail, let ticked = values[siblings[owner].key]?.options else { return false }
        return ticked.contains { ChoiceCheck.match($0, in: [detail.option]) != nil }
    }
}
