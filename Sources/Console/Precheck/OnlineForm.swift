import Catalog
import Foundation
import Generate
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

    /// The XML submission of what was typed, written by the generator's writer (the one the
    /// sample corpus uses): fields in the definition's order, blanks left out, table rows with any
    /// cell filled.
    static func xml(_ parts: [Multipart.Part], form: FormDefinition, region: Region, district: String?, handling: String?,
                    conditions: [String]) -> [UInt8] {
        func values(_ name: String) -> [String] {
            parts.filter { $0.name == name && $0.filename == nil }.map { $0.text.trimmingWhitespace() }.filter { !$0.isEmpty }
        }
        let chosen = region.districts.first { $0.name == district }
        var fields: [Draft.Cell] = []
        for field in form.fields {
            switch field.type {
            case .table:
                let rows = (0..<max(field.blankRows ?? 0, tableRows)).map { i in
                    field.columns.compactMap { column in
                        values("t.\(field.key).\(i).\(column.key)").first.map { Draft.Cell(key: column.key, value: .text($0)) }
                    }
                }.filter { !$0.isEmpty }
                if !rows.isEmpty { fields.append(Draft.Cell(key: field.key, value: .rows(rows))) }
            case .multiChoice:
                let ticked = values("f.\(field.key)")
                if !ticked.isEmpty { fields.append(Draft.Cell(key: field.key, value: .options(ticked, tagged: true))) }
            default:
                if let value = values("f.\(field.key)").first { fields.append(Draft.Cell(key: field.key, value: .text(value))) }
            }
        }
        let draft = Draft(formID: form.id, formVersion: form.version, city: region.code, regionCode: chosen?.codes.first ?? region.code,
                          office: chosen.flatMap { $0.codes.isEmpty ? $0.name : nil }, district: chosen?.name ?? "",
                          handling: handling == Submission.handlingEntrusted ? Submission.handlingEntrusted : Submission.handlingInPerson,
                          submittedOn: nil, agent: nil, conditions: conditions, fields: fields, materials: [], faults: [])
        return draft.xml
    }

    /// The envelope of an item without a form (`<submission item="…">`), from the page's
    /// applicant: a 居民身份证号码 makes a person, anything else is taken as a unit's USCC.
    static func itemXML(item: String, name: String, code: String, phone: String?, region: Region, district: String?,
                        handling: String?, conditions: [String]) -> [UInt8] {
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        let chosen = region.districts.first { $0.name == district }
        let folded = code.uppercased().filter { !$0.isWhitespace }
        let person = folded.count == 18 && folded.dropLast().allSatisfy(\.isNumber) && (folded.last!.isNumber || folded.last == "X")
        let phoneXML = phone.map { $0.isEmpty ? "" : "<phone>\(escaped($0))</phone>" } ?? ""
        let applicant = person
            ? "<person><name>\(escaped(name))</name><idNumber>\(escaped(folded))</idNumber>\(phoneXML)</person>"
            : "<unit><name>\(escaped(name))</name><uscc>\(escaped(folded))</uscc>\(phoneXML)</unit>"
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<submission item=\"\(escaped(item))\" version=\"1\">\n"
        xml += "  <region>\(chosen?.codes.first ?? region.code)</region>\n"
        if let chosen, chosen.codes.isEmpty { xml += "  <office>\(escaped(chosen.name))</office>\n" }
        xml += "  <handling>\(handling == Submission.handlingEntrusted ? Submission.handlingEntrusted : Submission.handlingInPerson)</handling>\n"
        if !conditions.isEmpty {
            xml += "  <conditions>" + conditions.map { "<condition>\(escaped($0))</condition>" }.joined() + "</conditions>\n"
        }
        xml += "  <applicant>\(applicant)</applicant>\n</submission>\n"
        return Array(xml.utf8)
    }
}
