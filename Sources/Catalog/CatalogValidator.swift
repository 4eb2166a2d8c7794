import Foundation

/// Checks a decoded catalog as a whole: ids, cross references, layouts and sources.
struct CatalogValidator {
    let catalog: Catalog
    let files: [String: String]

    func validate() throws(CatalogError) {
        try validateRegions()
        var kindIDs = Set<String>()
        for kind in catalog.materialKinds {
            guard kindIDs.insert(kind.id).inserted else {
                throw CatalogError(file: "materials.yaml", keyPath: "kinds[id=\(kind.id)]", reason: "kind \"\(kind.id)\" is defined twice")
            }
            guard kind.evidence.values.contains(where: { $0 >= 4 }), !kind.materials.isEmpty else {
                throw CatalogError(file: "materials.yaml", keyPath: "kinds[id=\(kind.id)]",
                                   reason: "a kind needs a title among its evidence (weight 4 or more) and the material words it provides")
            }
        }
        var formIDs = Set<String>()
        for form in catalog.forms {
            let file = files["form:\(form.id)"] ?? "definitions/\(form.id).yaml"
            guard formIDs.insert(form.id).inserted else { throw CatalogError(file: file, keyPath: "id", reason: "form id \"\(form.id)\" is defined twice") }
            try validate(form, file: file)
        }
        var namedIDs = Set<String>()
        for form in catalog.namedForms {
            let file = files["named:\(form.id)"] ?? "named/"
            guard namedIDs.insert(form.id).inserted, !formIDs.contains(form.id) else {
                throw CatalogError(file: file, keyPath: "forms[id=\(form.id)]", reason: "form id \"\(form.id)\" is defined twice")
            }
            guard catalog.region(form.region) != nil else {
                throw CatalogError(file: file, keyPath: "forms[id=\(form.id)].region", reason: "region \(form.region) is not in regions.yaml")
            }
            guard Self.isSeedFile(form.source.file) else {
                throw CatalogError(file: file, keyPath: "forms[id=\(form.id)].source", reason: "\"\(form.source.file)\" is not a seed guide file name")
            }
        }
        var itemKeys = Set<String>()
        for item in catalog.items {
            let file = files["item:\(item.region)/\(item.id)"] ?? "items/\(item.region)-\(item.id).yaml"
            guard itemKeys.insert("\(item.region)/\(item.id)").inserted else {
                throw CatalogError(file: file, keyPath: "id", reason: "item \"\(item.id)\" is defined twice for region \(item.region)")
            }
            try validate(item, file: file)
        }
    }

    static func isRegionCode(_ s: String) -> Bool { s.count == 6 && s.allSatisfy { $0.isASCII && $0.isNumber } }

    static func isKey(_ s: String) -> Bool {
        guard let first = s.first, first.isASCII, first.isLetter else { return false }
        return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// Seed files are named like `000_aae2795ad81a31b3.txt`.
    static func isSeedFile(_ s: String) -> Bool {
        let parts = s.split(separator: "_")
        return parts.count == 2 && parts[0].count == 3 && parts[0].allSatisfy(\.isNumber) && parts[1].hasSuffix(".txt")
    }

    func validateRegions() throws(CatalogError) {
        for (i, guide) in catalog.guides.enumerated() {
            let path = "guides[\(i)]"
            guard Self.isSeedFile(guide.file) else { throw CatalogError(file: "regions.yaml", keyPath: "\(path).file", reason: "\"\(guide.file)\" is not a seed guide file name") }
            guard guide.parts.first?.from == 1, zip(guide.parts, guide.parts.dropFirst()).allSatisfy({ $0.from < $1.from }),
                  guide.parts.allSatisfy({ !$0.name.isEmpty }) else {
                throw CatalogError(file: "regions.yaml", keyPath: "\(path).parts", reason: "parts must be named and start at line 1, in order")
            }
        }
        var codes = Set<String>()
        for (i, region) in catalog.regions.enumerated() {
            let path = "regions[\(i)]"
            guard Self.isRegionCode(region.code) else { throw CatalogError(file: "regions.yaml", keyPath: "\(path).code", reason: "\"\(region.code)\" is not a 6-digit 行政区划代码") }
            guard codes.insert(region.code).inserted else { throw CatalogError(file: "regions.yaml", keyPath: "\(path).code", reason: "region \(region.code) is listed twice") }
            guard Self.isSeedFile(region.guide) else { throw CatalogError(file: "regions.yaml", keyPath: "\(path).guide", reason: "\"\(region.guide)\" is not a seed guide file name") }
            var names = Set<String>()
            for (j, district) in region.districts.enumerated() {
                guard names.insert(district.name).inserted else {
                    throw CatalogError(file: "regions.yaml", keyPath: "\(path).districts[\(j)].name", reason: "district \"\(district.name)\" is listed twice")
                }
                for (k, code) in district.codes.enumerated() where !Self.isRegionCode(code) {
                    throw CatalogError(file: "regions.yaml", keyPath: "\(path).districts[\(j)].codes[\(k)]", reason: "\"\(code)\" is not a 6-digit code")
                }
            }
        }
    }

    func validate(_ form: FormDefinition, file: String) throws(CatalogError) {
        func fail(_ keyPath: String, _ reason: String) -> CatalogError { CatalogError(file: file, keyPath: keyPath, reason: reason) }
        guard Self.isSeedFile(form.source.file) else { throw fail("source", "\"\(form.source.file)\" is not a seed guide file name") }
        guard FileManager.default.fileExists(atPath: catalog.directory.appendingPathComponent(form.schema).path) else {
            throw fail("schema", "the XSD \"\(form.schema)\" does not exist")
        }
        var keys = Set<String>()
        for (i, field) in form.fields.enumerated() {
            guard Self.isKey(field.key) else { throw fail("fields[\(i)].key", "\"\(field.key)\" is not a key (letters and digits, starting with a letter)") }
            guard keys.insert(field.key).inserted else { throw fail("fields[\(i)].key", "key \"\(field.key)\" is used twice") }
            guard !field.label.isEmpty, !field.label.contains("\n") else { throw fail("fields[\(i)].label", "a label must be the printed text without line breaks") }
            let isChoice = field.type == .choice || field.type == .multiChoice
            if isChoice && field.options.isEmpty { throw fail("fields[\(i)].options", "a \(field.type.rawValue) field needs its printed options") }
            if !isChoice && !field.options.isEmpty { throw fail("fields[\(i)].options", "only choice fields have options") }
            if Set(field.options).count != field.options.count { throw fail("fields[\(i)].options", "an option is listed twice") }
        }
        for (i, field) in form.fields.enumerated() {
            guard let detail = field.detail else { continue }
            guard field.options.contains(detail.option) else { throw fail("fields[\(i)].detail.option", "\"\(detail.option)\" is not one of the field's options") }
            guard form.field(detail.field)?.type == .text else { throw fail("fields[\(i)].detail.field", "\"\(detail.field)\" must be a text field of this form") }
        }
        for (i, id) in form.usedBy.enumerated() where !catalog.items.contains(where: { $0.id == id }) {
            throw fail("usedBy[\(i)]", "no item has the id \"\(id)\"")
        }
        if let applicant = form.applicantField, form.field(applicant)?.type != .text {
            throw fail("applicantField", "\"\(applicant)\" is not a text field of this form")
        }
        for (i, rule) in form.rules.enumerated() {
            try validate(rule, form: form) { keyPath, reason throws(CatalogError) in throw fail("rules[\(i)]\(keyPath)", reason) }
        }
        try validateLayout(form, fail: fail)
    }

    func validate(_ rule: CrossFieldRule, form: FormDefinition,
                  fail: (String, String) throws(CatalogError) -> Void) throws(CatalogError) {
        /// A field, or a table's column named `table.column` (rules on columns apply per row).
        func field(_ key: String) -> FieldDefinition? {
            let parts = key.split(separator: ".").map(String.init)
            guard parts.count == 2 else { return form.field(key) }
            return form.field(parts[0])?.column(parts[1])
        }
        switch rule.kind {
        case .dateOrder:
            for (name, key) in [("earlier", rule.earlier), ("later", rule.later)] {
                guard let key else { try fail(".\(name)", "a date-order rule needs \(name)"); return }
                if key != CrossFieldRule.today && field(key)?.type != .date {
                    try fail(".\(name)", "\"\(key)\" is not a date field of this form (or \"today\")")
                }
            }
        case .idGender:
            guard let id = rule.id, field(id)?.type == .idNumber else { try fail(".id", "an id-gender rule needs an id-number field"); return }
            guard let gender = rule.gender, field(gender)?.type == .gender else { try fail(".gender", "an id-gender rule needs a gender field"); return }
        case .requiredWhen:
            guard let key = rule.field, field(key) != nil else { try fail(".field", "a required-when rule needs a field of this form"); return }
            guard let when = rule.when, let choice = field(when), choice.type == .choice || choice.type == .multiChoice else {
                try fail(".when", "a required-when rule needs a choice field in when"); return
            }
            guard let options = rule.in, !options.isEmpty else { try fail(".in", "a required-when rule needs the options in in"); return }
            for option in options where !choice.options.contains(option) {
                try fail(".in", "\"\(option)\" is not an option of \(when)")
            }
            if key.split(separator: ".").first != when.split(separator: ".").first, key.contains(".") || when.contains(".") {
                try fail(".when", "field and when must be columns of the same table, or both fields")
            }
        case .anyOf:
            guard let keys = rule.fields, keys.count >= 2 else { try fail(".fields", "an any-of rule needs two fields or more"); return }
            for key in keys where form.field(key) == nil { try fail(".fields", "\"\(key)\" is not a field of this form") }
        }
    }

    func validateLayout(_ form: FormDefinition, fail: (String, String) -> CatalogError) throws(CatalogError) {
        let layout = form.layout
        guard !layout.columns.isEmpty, layout.columns.allSatisfy({ $0 > 0 }) else { throw fail("layout.columns", "columns need positive widths") }
        var shown = Set<String>()
        func check(_ block: Block, at path: String, table: FieldDefinition? = nil) throws(CatalogError) {
            guard let key = block.fieldKey else { return }
            let found = table.map { $0.column(key) } ?? form.field(key)
            guard let field = found else {
                throw fail(path, table.map { "\"\(key)\" is not a column of table \"\($0.key)\"" } ?? "\"\(key)\" is not a field of this form")
            }
            switch block.kind {
            case .choices where field.type != .choice && field.type != .multiChoice:
                throw fail(path, "choices needs a choice field, \"\(key)\" is \(field.type.rawValue)")
            case .date where field.type != .date:
                throw fail(path, "date needs a date field, \"\(key)\" is \(field.type.rawValue)")
            default:
                break
            }
            if let table { shown.insert("\(table.key).\(key)") } else { shown.insert(key) }
            if case .choices = block.kind, let detail = field.detail { shown.insert(detail.field) }
        }
        for (i, block) in layout.header.enumerated() { try check(block, at: "layout.header[\(i)]") }
        for (i, block) in layout.footer.enumerated() { try check(block, at: "layout.footer[\(i)]") }
        // Occupancy, as an HTML table: rowspans carried into the rows below must leave room.
        var carried = [Int](repeating: 0, count: layout.columns.count)
        for (r, row) in layout.rows.enumerated() {
            var table: FieldDefinition?
            if let key = row.repeat {
                guard let field = form.field(key), field.type == .table else {
                    throw fail("layout.rows[\(r)].repeat", "\"\(key)\" is not a table field of this form")
                }
                table = field
                shown.insert(key)
            }
            var column = 0
            for (c, cell) in row.cells.enumerated() {
                let path = "layout.rows[\(r)].cells[\(c)]"
                guard cell.span >= 1, cell.rowspan >= 1 else { throw fail(path, "span and rowspan must be at least 1") }
                while column < carried.count && carried[column] > 0 { column += 1 }
                guard column + cell.span <= carried.count else {
                    throw fail(path, "the row is wider than the \(carried.count) columns of the layout")
                }
                guard r + cell.rowspan <= layout.rows.count else { throw fail(path, "rowspan runs past the last row") }
                for k in column..<(column + cell.span) {
                    guard carried[k] == 0 else { throw fail(path, "the cell overlaps a cell spanning from a row above") }
                    carried[k] = cell.rowspan
                }
                column += cell.span
                for (b, block) in cell.blocks.enumerated() { try check(block, at: "\(path).blocks[\(b)]", table: table) }
            }
            guard carried.allSatisfy({ $0 > 0 }) else {
                throw fail("layout.rows[\(r)]", "the row leaves \(carried.filter { $0 == 0 }.count) of \(carried.count) columns empty")
            }
            carried = carried.map { $0 - 1 }
        }
        for (i, field) in form.fields.enumerated() where !shown.contains(field.key) {
            throw fail("fields[\(i)]", "field \"\(field.key)\" is not drawn anywhere in the layout")
        }
        for (i, field) in form.fields.enumerated() where field.type == .table {
            guard !field.columns.isEmpty else { throw fail("fields[\(i)].columns", "a table needs its columns") }
            for (j, column) in field.columns.enumerated() where !shown.contains("\(field.key).\(column.key)") {
                throw fail("fields[\(i)].columns[\(j)]", "column \"\(column.key)\" is not drawn in the table's repeat row")
            }
        }
    }

    func validate(_ item: ServiceItem, file: String) throws(CatalogError) {
        func fail(_ keyPath: String, _ reason: String) -> CatalogError { CatalogError(file: file, keyPath: keyPath, reason: reason) }
        guard let region = catalog.region(item.region) else { throw fail("region", "region \(item.region) is not in regions.yaml") }
        if let form = item.form, catalog.form(form) == nil {
            throw fail("form", "form \"\(form)\" is not defined in definitions/")
        }
        if let follows = item.follows {
            let parts = follows.split(separator: "/").map(String.init)
            guard parts.count == 2, catalog.item(parts[1], region: parts[0]) != nil else {
                throw fail("follows", "\"\(follows)\" is not \"<region>/<item id>\" of an item in the catalog")
            }
        }
        let sources: [(String, SourceRef)] = [("source", item.source), ("serviceObject.source", item.serviceObject.source),
                                              ("timeLimit.source", item.timeLimit.source)]
            + item.conditions.enumerated().map { ("conditions[\($0.offset)].source", $0.element.source) }
            + item.materials.enumerated().map { ("materials[\($0.offset)].source", $0.element.source) }
            + item.modes.enumerated().map { ("modes[\($0.offset)].source", $0.element.source) }
            + item.steps.enumerated().map { ("steps[\($0.offset)].source", $0.element.source) }
            + item.differences.enumerated().map { ("differences[\($0.offset)].source", $0.element.source) }
        for (path, source) in sources where !Self.isSeedFile(source.file) {
            throw fail(path, "\"\(source.file)\" is not a seed guide file name")
        }
        var conditionIDs = Set<String>()
        for (i, condition) in item.conditions.enumerated() {
            guard conditionIDs.insert(condition.id).inserted else { throw fail("conditions[\(i)].id", "condition \"\(condition.id)\" is defined twice") }
            let tests = [condition.test.handling != nil, condition.test.declared == true].filter { $0 }.count
            guard tests == 1 else { throw fail("conditions[\(i)].test", "give exactly one of handling or declared: true") }
        }
        var materialIDs = Set<String>()
        for (i, material) in item.materials.enumerated() {
            guard materialIDs.insert(material.id).inserted else { throw fail("materials[\(i)].id", "material \"\(material.id)\" is listed twice") }
            for (j, id) in material.requiredWhen.enumerated() where !conditionIDs.contains(id) {
                throw fail("materials[\(i)].requiredWhen[\(j)]", "\"\(id)\" is not a condition of this item")
            }
            for (j, id) in material.exemptWhen.enumerated() where !conditionIDs.contains(id) {
                throw fail("materials[\(i)].exemptWhen[\(j)]", "\"\(id)\" is not a condition of this item")
            }
            if let ref = material.formRef, catalog.form(ref) == nil, catalog.namedForm(ref) == nil {
                throw fail("materials[\(i)].formRef", "\"\(ref)\" is neither a form in definitions/ nor a named form in named/")
            }
        }
        let districts = Set(region.districts.map(\.name))
        var seen = Set<String>()
        for (i, office) in item.offices.enumerated() {
            guard districts.contains(office.district) else { throw fail("offices[\(i)].district", "\"\(office.district)\" is not a district of \(region.name) in regions.yaml") }
            guard seen.insert(office.district).inserted else { throw fail("offices[\(i)].district", "\"\(office.district)\" is listed twice") }
        }
    }
}
