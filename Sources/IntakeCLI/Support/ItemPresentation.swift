import Catalog

/// An item for `catalog --json`: one object per item and region.
struct ItemJSON: Encodable {
    struct MaterialJSON: Encodable {
        var id, name, wording, source: String
        var count: Int?
        var form, seal, formRef: String?
        var applicationForm: Bool
        var requiredWhen, exemptWhen: [String]
    }
    struct ConditionJSON: Encodable { var id, text, source: String }
    var id, name, category, region, regionName, source: String
    var aliases: [String]
    var form: String?
    var follows: String?
    var serviceObject, timeLimit: String
    var modes: [String]
    var steps: [String]
    var conditions: [ConditionJSON]
    var materials: [MaterialJSON]
    var offices: [Office]

    init(_ item: ServiceItem, catalog: Catalog) {
        id = item.id
        name = item.name
        category = item.category
        region = item.region
        regionName = catalog.region(item.region)?.name ?? ""
        source = item.source.description
        aliases = item.aliases
        form = item.form
        follows = item.follows
        serviceObject = item.serviceObject.value
        timeLimit = item.timeLimit.value
        modes = item.modes.map(\.mode)
        steps = item.steps.map(\.value)
        conditions = item.conditions.map { .init(id: $0.id, text: $0.text, source: $0.source.description) }
        materials = item.materials.map {
            .init(id: $0.id, name: $0.name, wording: $0.wording, source: $0.source.description, count: $0.count, form: $0.form,
                  seal: $0.seal, formRef: $0.formRef, applicationForm: $0.isApplicationForm,
                  requiredWhen: $0.requiredWhen, exemptWhen: $0.exemptWhen)
        }
        offices = item.offices
    }
}

/// An item as a clerk reads it: materials with their conditions and the guide lines, each guide
/// by the name the public knows. The catalog's notes and differences are English, written for
/// the developers who keep forms/: only with `notes`.
enum ItemText {
    static func render(_ item: ServiceItem, catalog: Catalog, notes: Bool = false) -> String {
        func cite(_ ref: SourceRef) -> String { catalog.citation(ref) }
        let region = catalog.region(item.region)?.name ?? item.region
        var out = ["\(item.name) — \(region)（\(item.region)）", "依据：\(cite(item.source))"]
        if !item.aliases.isEmpty { out.append("又称：\(item.aliases.joined(separator: "、"))") }
        if let follows = item.follows { out.append("沿用：\(follows)") }
        out.append("服务对象：\(item.serviceObject.value)（\(cite(item.serviceObject.source))）")
        out.append("办理时限：\(item.timeLimit.value)（\(cite(item.timeLimit.source))）")
        if let form = item.form, let definition = catalog.form(form) { out.append("申请表格：《\(definition.title)》（\(form)）") }
        out.append("申办材料：")
        if item.materials.isEmpty { out.append("  无") }
        for (i, m) in item.materials.enumerated() {
            out.append("  \(i + 1). \(m.wording)（\(cite(m.source))）")
            let required = m.requiredWhen.compactMap { item.condition($0) }
            if !required.isEmpty {
                out.append("     仅在以下情形提供：" + required.map { "\($0.text)（\(cite($0.source))）" }.joined(separator: "；"))
            }
            for c in m.exemptWhen.compactMap({ item.condition($0) }) {
                out.append("     免于提供：\(c.text)（\(cite(c.source))）")
            }
        }
        if !item.offices.isEmpty {
            out.append("办理地点及电话：")
            for o in item.offices {
                var parts = ["  \(o.district)"]
                if let a = o.address { parts.append("地址 \(a.value)") }
                if let p = o.servicePhones, !p.value.isEmpty { parts.append("服务电话 \(p.value.joined(separator: "、"))") }
                if let p = o.supervisionPhones, !p.value.isEmpty { parts.append("监督电话 \(p.value.joined(separator: "、"))") }
                out.append(parts.joined(separator: "；"))
            }
        }
        if notes {
            out.append("Developer notes (forms/, English):")
            for d in item.differences { out.append("  difference from the province list: \(d.value) (\(d.source))") }
            for note in item.notes { out.append("  note: \(note)") }
        }
        return out.joined(separator: "\n")
    }
}
