import Catalog
import IntakeCore

/// The item's 申办材料 list against what the submission provides, with the guide's conditions
/// (委托办理 → 授权委托书) and exemptions ("一网通办" registered enterprises).
enum MaterialCheck {
    struct Outcome {
        var materials: [SubmissionResult.MaterialStatus]
        var attachments: [SubmissionResult.Attachment]
        var problems: [Problem]
    }

    static func check(_ submission: Submission, item: ServiceItem, sourceName: String) -> Outcome {
        // Applying on one of the item's forms says which situation the applicant is in: the
        // conditions that form's material requires (the 注销 form → cancellation).
        let implied = Set(item.materials.filter { isSubmittedForm($0, submission, item) }.flatMap(\.requiredWhen))
        let holding = Set(item.conditions.filter { holds($0, submission) || implied.contains($0.id) }.map(\.id))
        var claimed = [Int: String]()  // attachment index → material id
        var statuses: [SubmissionResult.MaterialStatus] = []
        var problems: [Problem] = []
        for material in item.materials {
            let basis = material.source.description
            if let exemption = material.exemptWhen.first(where: holding.contains) {
                statuses.append(.init(id: material.id, name: material.name, status: .exempt, basis: basis,
                                      reason: item.condition(exemption)?.text, file: nil))
                continue
            }
            if !material.requiredWhen.allSatisfy(holding.contains) {
                let reason = material.requiredWhen.compactMap { item.condition($0)?.text }.joined(separator: "；")
                statuses.append(.init(id: material.id, name: material.name, status: .notRequired, basis: basis,
                                      reason: reason.isEmpty ? nil : "仅\(reason)时需要", file: nil))
                continue
            }
            if isSubmittedForm(material, submission, item) {
                statuses.append(.init(id: material.id, name: material.name, status: .provided, basis: basis,
                                      reason: nil, file: sourceName))
                continue
            }
            if let index = match(material, in: submission.attachments, excluding: claimed) {
                claimed[index] = material.id
                let attachment = submission.attachments[index]
                statuses.append(.init(id: material.id, name: material.name, status: .provided, basis: basis,
                                      reason: nil, file: attachment.file ?? attachment.name))
            } else {
                statuses.append(.init(id: material.id, name: material.name, status: .missing, basis: basis,
                                      reason: nil, file: nil))
                problems.append(Problem(field: material.id, label: material.name, code: .missingMaterial,
                                        message: "未提供申办材料：\(material.wording)。"))
            }
        }
        // A second file of a material already provided (an ID card's other side) provides it too.
        let provided = Set(statuses.filter { $0.status == .provided }.map(\.id))
        for (index, a) in submission.attachments.enumerated() where claimed[index] == nil {
            if let id = a.id, a.classified != nil, provided.contains(id) { claimed[index] = id }
        }
        let attachments = submission.attachments.enumerated().map { index, a in
            var result = SubmissionResult.Attachment(name: a.name, file: a.file, material: claimed[index],
                                                     evidence: claimed[index] == nil ? nil : a.evidence)
            if let classified = a.classified {
                result.kind = classified.kind
                result.confidence = classified.confidence
                result.facts = classified.facts
                result.unreadable = classified.unreadable
            }
            return result
        }
        return Outcome(materials: statuses, attachments: attachments, problems: problems)
    }

    /// The material is the form this submission was made on.
    static func isSubmittedForm(_ material: Material, _ submission: Submission, _ item: ServiceItem) -> Bool {
        if let ref = material.formRef { return ref == submission.formID }
        return material.isApplicationForm && item.form == submission.formID
    }

    static func holds(_ condition: Condition, _ submission: Submission) -> Bool {
        if let handling = condition.test.handling { return submission.handling == handling }
        if condition.test.declared == true { return submission.declaredConditions.contains(condition.id) }
        return false
    }

    /// The attachment that provides `material`: by id, then by name or alias, then by one name
    /// containing the other (at least four characters), skipping attachments already taken.
    static func match(_ material: Material, in attachments: [Submission.Attachment], excluding claimed: [Int: String]) -> Int? {
        let free = attachments.indices.filter { claimed[$0] == nil }
        if let i = free.first(where: { attachments[$0].id == material.id }) { return i }
        let names = ([material.name] + material.aliases).map(fold)
        if let i = free.first(where: { names.contains(fold(attachments[$0].name)) }) { return i }
        return free.first { i in
            let given = fold(attachments[i].name)
            return names.contains { name in
                let shorter = min(name.count, given.count)
                return shorter >= 4 && (given.contains(name) || name.contains(given))
            }
        }
    }

    /// Drops brackets, quotes, white space and a trailing count ("1份"), so that
    /// "《单位批准成立文件复印件》1份" matches "单位批准成立文件复印件".
    static func fold(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars where !scalar.isSpace && !dropped.contains(scalar) { scalars.append(scalar) }
        var s = String(scalars)
        for suffix in ["1份", "一份"] where s.hasSuffix(suffix) { s.removeLast(suffix.count) }
        return s
    }

    private static let dropped = Set("《》<>“”\"'‘’（）()【】[]".unicodeScalars)
}
