import Catalog
import Foundation
import IntakeCore

/// 在线填写: the item's application form as a web form made from its definition, and what the
/// applicant typed as the XML submission an office would send — read, checked and answered by
/// the same pipeline as an upload, so the online form cannot judge differently.
enum OnlineForm {
    struct Option { let value: String; let input: String; let field: String }
    struct Cell { let name: String; let label: String; let type: String }
    struct Row { let cells: [Cell] }
    struct Field {
        let key: String
        let name: String
        let label: String
        let type: String
        let required: Bool
        let isText: Bool
        let isChoice: Bool
        let isTable: Bool
        let inputType: String
        let options: [Option]
        let columns: [String]
        let rows: [Row]
    }
    struct View {
        let title: String
        let itemName: String
        let action: String
        let back: String
        let districts: [PrecheckRoutes.Choice]
        let conditions: [PrecheckRoutes.ConditionLine]
        let hasConditions: Bool
        let fields: [Field]
        let maxMB: Int
    }

    /// Table rows offered on the page; empty ones are not sent.
    static let tableRows = 5

    static func view(_ form: FormDefinition, region: Region, item: ServiceItem, district: String?, catalog: Catalog, maxMB: Int) -> View {
        let fields = form.fields.map { f -> Field in
            let choice = [.choice, .multiChoice, .gender].contains(f.type)
            let options = (f.type == .gender ? ["男", "女"] : f.options).map {
                Option(value: $0, input: f.type == .multiChoice ? "checkbox" : "radio", field: "f.\(f.key)")
            }
            let rows = f.type == .table ? (0..<max(f.blankRows ?? 0, tableRows)).map { i in
                Row(cells: f.columns.map { Cell(name: "t.\(f.key).\(i).\($0.key)", label: $0.label, type: $0.type.rawValue) })
            } : []
            return Field(key: f.key, name: "f.\(f.key)", label: [f.group, f.label].compactMap { $0 }.joined(separator: "·"),
                         type: f.type.rawValue, required: f.required, isText: !choice && f.type != .table, isChoice: choice,
                         isTable: f.type == .table, inputType: [.phone, .mobile].contains(f.type) ? "tel" : "text",
                         options: options, columns: f.columns.map(\.label), rows: rows)
        }
        let conditions = item.conditions.filter { $0.test.declared == true }
            .map { PrecheckRoutes.ConditionLine(id: $0.id, text: $0.text, basis: catalog.citation($0.source)) }
        return View(title: form.title, itemName: item.name, action: "/precheck/item/\(region.code)/\(item.id)/check",
                    back: "/precheck/item/\(region.code)/\(item.id)" + (district.map { "?district=" + PrecheckRoutes.escape($0) } ?? ""),
                    districts: region.districts.map { PrecheckRoutes.Choice(value: $0.name, label: $0.name, selected: $0.name == district) },
                    conditions: conditions, hasConditions: !conditions.isEmpty, fields: fields, maxMB: maxMB)
    }

    /// The XML submission of what was typed: fields in the definition's order, blanks left out,
    /// table rows with any cell filled, every value escaped.
    static func xml(_ parts: [Multipart.Part], form: FormDefinition, region: Region, district: String?, handling: String?,
                    conditions: [String]) -> String {
        func values(_ name: String) -> [String] {
            parts.filter { $0.name == name && $0.filename == nil }.map { $0.text.trimmingWhitespace() }.filter { !$0.isEmpty }
        }
        let chosen = region.districts.first { $0.name == district }
        var out = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<submission form=\"\(escape(form.id))\" version=\"\(escape(form.version))\">"]
        out.append("  <region>\(escape(chosen?.codes.first ?? region.code))</region>")
        if let chosen, chosen.codes.isEmpty { out.append("  <office>\(escape(chosen.name))</office>") }
        out.append("  <handling>\(handling == Submission.handlingEntrusted ? Submission.handlingEntrusted : Submission.handlingInPerson)</handling>")
        if !conditions.isEmpty {
            out.append("  <conditions>" + conditions.map { "<condition>\(escape($0))</condition>" }.joined() + "</conditions>")
        }
        out.append("  <fields>")
        for field in form.fields {
            switch field.type {
            case .table:
                var rows: [String] = []
                for i in 0..<max(field.blankRows ?? 0, tableRows) {
                    let cells = field.columns.compactMap { column -> String? in
                        values("t.\(field.key).\(i).\(column.key)").first.map { "<\(column.key)>\(escape($0))</\(column.key)>" }
                    }
                    if !cells.isEmpty { rows.append("      <row>" + cells.joined() + "</row>") }
                }
                if !rows.isEmpty { out += ["    <\(field.key)>"] + rows + ["    </\(field.key)>"] }
            case .multiChoice:
                let ticked = values("f.\(field.key)")
                if !ticked.isEmpty {
                    out.append("    <\(field.key)>" + ticked.map { "<option>\(escape($0))</option>" }.joined() + "</\(field.key)>")
                }
            default:
                if let value = values("f.\(field.key)").first { out.append("    <\(field.key)>\(escape(value))</\(field.key)>") }
            }
        }
        out += ["  </fields>", "</submission>", ""]
        return out.joined(separator: "\n")
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // Characters XML 1.0 cannot hold are dropped, not passed on to fail the schema.
            case _ where c.value < 0x20 && c != "\t" && c != "\n" && c != "\r": continue
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
