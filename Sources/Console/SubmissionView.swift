import Catalog
import Foundation
import IntakeCore
import Ledger

/// The verify page's model: fields in form order with what the checks said, where on which
/// page each value was read, the materials and the decision.
struct SubmissionView {
    /// Page images are drawn at this resolution; boxes (points) scale by dpi / 72.
    static let dpi = 100.0

    struct FieldView {
        let key: String
        let label: String
        let group: String?
        let type: String
        let value: String
        let isChoice: Bool
        let isTable: Bool
        let multiple: Bool
        let options: [Option]
        let columns: [Column]
        let rows: [[Cell]]
        let problems: [String]
        let flagged: Bool
        let failed: Bool
        let verifiedBy: String?
        let confidence: String?
        let method: String
        let page: Int
        let box: String
    }

    struct Option { let name: String; let checked: Bool }
    /// A situation the applicant declares (“一网通办”注册, 承诺备案制 …), as the guide words it.
    struct ConditionView { let id: String; let text: String; let basis: String; let checked: Bool }
    struct Column { let key: String; let label: String; let type: String }
    struct Cell { let column: String; let type: String; let value: String }

    struct MaterialView {
        let id: String
        let name: String
        let status: String
        let statusLabel: String
        let basis: String
        let reason: String?
        let file: String?
        let missing: Bool
    }

    let id: String
    let formTitle: String
    let itemName: String
    let region: String
    let status: String
    let statusLabel: String
    let revision: Int
    let handling: String
    /// 本人 / 委托: the clerk sets it from what is handed over; the materials follow.
    let handlingOptions: [Option]
    let conditions: [ConditionView]
    let hasConditions: Bool
    let fields: [FieldView]
    let flaggedCount: Int
    let materials: [MaterialView]
    let problems: [String]
    let pages: [Int]
    let dpi: Double
    let hasNotice: Bool
    let decision: String?
    let caseNumber: String?
    let corrections: [String]
    let canAccept: Bool
    let canNotify: Bool
    let hasProblems: Bool
    let hasCorrections: Bool

    /// `declared`: the conditions declared in the submission as checked (submission.json).
    init(result: SubmissionResult, catalog: Catalog, declared: [String], decision: Decision?, caseNumber: String?) {
        let form = catalog.form(result.formID)
        let definitions = Dictionary((form?.fields ?? []).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var problemsByField: [String: [Problem]] = [:]
        for problem in result.problems {
            if let field = problem.field { problemsByField[FieldPath(parsing: field).field, default: []].append(problem) }
        }
        fields = result.fields.map { field in
            let definition = definitions[field.key]
            let type = definition?.type ?? .text
            let problems = problemsByField[field.key] ?? []
            let ticked = Set(field.value?.options ?? [])
            var rows: [[Cell]] = []
            if case .rows(let values) = field.value {
                rows = values.map { row in
                    (definition?.columns ?? []).map { Cell(column: $0.key, type: $0.type.rawValue, value: row[$0.key]?.display ?? "") }
                }
            }
            let source = field.source
            return FieldView(
                key: field.key, label: field.label, group: field.group, type: type.rawValue,
                value: field.value.map { type == .table ? "" : $0.display } ?? "",
                isChoice: type == .choice || type == .multiChoice || type == .gender,
                isTable: type == .table, multiple: type == .multiChoice,
                options: (type == .gender ? ["男", "女"] : definition?.options ?? []).map { Option(name: $0, checked: ticked.contains($0)) },
                columns: (definition?.columns ?? []).map { Column(key: $0.key, label: $0.label, type: $0.type.rawValue) },
                rows: rows,
                problems: problems.map(\.message),
                flagged: source?.needsReview == true,
                failed: problems.contains { $0.code != .lowConfidence },
                verifiedBy: source?.verifiedBy,
                confidence: source.map { "\(Int(($0.confidence * 100).rounded()))%" },
                method: source?.method.rawValue ?? "",
                page: source?.page ?? 0,
                box: source?.box.map { $0.map { String(format: "%.1f", $0) }.joined(separator: ",") } ?? "")
        }
        flaggedCount = fields.filter(\.flagged).count
        materials = result.materials.map { m in
            MaterialView(id: m.id, name: m.name, status: m.status.rawValue, statusLabel: Self.materialLabel(m.status),
                         basis: Self.basis(m.basis, catalog: catalog), reason: m.reason, file: m.file, missing: m.status == .missing)
        }
        problems = result.problems.filter { $0.field == nil }.map(\.message)
        id = result.id
        formTitle = (result.form?.title ?? result.item?.name ?? "")
        itemName = result.item?.name ?? ""
        region = [result.item?.regionName, result.item?.district].compactMap { $0 }.joined(separator: " ")
        status = result.status.rawValue
        statusLabel = Labels.status(result.status.rawValue)
        revision = result.revision ?? 1
        handling = result.handling ?? ""
        handlingOptions = [Submission.handlingInPerson, Submission.handlingEntrusted].map { Option(name: $0, checked: $0 == result.handling) }
        let item = result.item.flatMap { catalog.item($0.id, region: $0.region) }
        conditions = (item?.conditions ?? []).filter { $0.test.declared == true }.map {
            ConditionView(id: $0.id, text: $0.text, basis: catalog.citation($0.source), checked: declared.contains($0.id))
        }
        hasConditions = !conditions.isEmpty
        let usesPages = [ReadingMethod.ocr, .pdfText, .acroform].contains(result.source.method ?? .xml)
        let lastPage = result.fields.compactMap { $0.source?.page }.max() ?? 1
        pages = usesPages ? Array(1...max(1, lastPage)) : []
        dpi = Self.dpi
        hasNotice = result.outputs.notice != nil
        self.decision = decision.map { Labels.decision($0.outcome) + "（\($0.clerk)）" }
        self.caseNumber = caseNumber
        corrections = (result.corrections ?? []).map { c in
            "第\(c.revision)版 \(c.field)：\(PersonalData.masked(c.before) ?? "（空）") → \(PersonalData.masked(c.after) ?? "（空）")（\(c.clerk)）"
        }
        hasProblems = !problems.isEmpty
        hasCorrections = !corrections.isEmpty
        canAccept = result.status == .accepted
        canNotify = result.status == .incomplete
    }

    static func materialLabel(_ status: SubmissionResult.MaterialStatus.State) -> String {
        switch status {
        case .provided: "已提供"
        case .missing: "缺"
        case .exempt: "免提交"
        case .notRequired: "无需提交"
        }
    }

    /// "000_aae….txt:17" as the clerk reads it: the guide by its public name and the line.
    static func basis(_ basis: String, catalog: Catalog) -> String {
        SourceRef(parsing: basis).map(catalog.citation) ?? basis
    }
}
