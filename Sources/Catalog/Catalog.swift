import Foundation
import Yams

/// Everything intake knows about the guides: regions, forms and service items, loaded from `forms/`.
///
/// Loaded once at start and validated as a whole (cross references, layouts, sources), so a bad
/// data file stops intake with its name and key path instead of producing wrong notices later.
public struct Catalog: Sendable {
    /// The folder it was loaded from.
    public let directory: URL
    public let regions: [Region]
    public let forms: [FormDefinition]
    public let items: [ServiceItem]
    /// Forms the guides name without a layout.
    public let namedForms: [NamedForm]
    /// How the public knows each guide (regions.yaml `guides`).
    public let guides: [Guide]
    /// Kinds of supporting document, recognised by their content (materials.yaml).
    public let materialKinds: [MaterialKind]

    /// Builds and validates a catalog; `files` names the file each form and item came from
    /// (keyed `form:<id>` and `item:<region>/<id>`), for error messages.
    public init(directory: URL, regions: [Region], forms: [FormDefinition], items: [ServiceItem],
                namedForms: [NamedForm] = [], guides: [Guide] = [], materialKinds: [MaterialKind] = [],
                files: [String: String] = [:]) throws(CatalogError) {
        self.directory = directory
        self.regions = regions
        self.forms = forms
        self.items = items
        self.namedForms = namedForms
        self.guides = guides
        self.materialKinds = materialKinds
        try CatalogValidator(catalog: self, files: files).validate()
    }

    /// A catalog validated when it was stored (`CatalogCache`).
    init(validated directory: URL, regions: [Region], forms: [FormDefinition], items: [ServiceItem], namedForms: [NamedForm],
         guides: [Guide], materialKinds: [MaterialKind]) {
        self.directory = directory
        self.regions = regions
        self.forms = forms
        self.items = items
        self.namedForms = namedForms
        self.guides = guides
        self.materialKinds = materialKinds
    }

    /// Loads `regions.yaml`, `definitions/*.yaml`, `items/*.yaml`, `named/*.yaml` and `materials.yaml` from `directory`.
    public static func load(from directory: URL) throws(CatalogError) -> Catalog {
        let regionsFile = directory.appendingPathComponent("regions.yaml")
        let regionsAndGuides = try decode(RegionsFile.self, from: regionsFile, relativeTo: directory)
        let regions = regionsAndGuides.regions
        var files: [String: String] = [:]
        var forms: [FormDefinition] = []
        for file in try yamlFiles(in: directory.appendingPathComponent("definitions"), relativeTo: directory) {
            let form = try decode(FormDefinition.self, from: file, relativeTo: directory)
            files["form:\(form.id)"] = relative(file, to: directory)
            forms.append(form)
        }
        var items: [ServiceItem] = []
        for file in try yamlFiles(in: directory.appendingPathComponent("items"), relativeTo: directory) {
            let item = try decode(ServiceItem.self, from: file, relativeTo: directory)
            files["item:\(item.region)/\(item.id)"] = relative(file, to: directory)
            items.append(item)
        }
        var namedForms: [NamedForm] = []
        let namedFolder = directory.appendingPathComponent("named")
        if FileManager.default.fileExists(atPath: namedFolder.path) {
            for file in try yamlFiles(in: namedFolder, relativeTo: directory) {
                let list = try decode(NamedFormsFile.self, from: file, relativeTo: directory).forms
                for form in list { files["named:\(form.id)"] = relative(file, to: directory) }
                namedForms += list
            }
        }
        var kinds: [MaterialKind] = []
        let kindsFile = directory.appendingPathComponent("materials.yaml")
        if FileManager.default.fileExists(atPath: kindsFile.path) {
            kinds = try decode(MaterialKindsFile.self, from: kindsFile, relativeTo: directory).kinds
        }
        return try Catalog(directory: directory, regions: regions, forms: forms, items: items, namedForms: namedForms,
                           guides: regionsAndGuides.guides ?? [], materialKinds: kinds, files: files)
    }

    // Lookups go by index: iterating an array of these large structs copies each one it passes,
    // and they run for every submission.

    /// The form `id`, or the envelope of item submissions (`FormDefinition.itemApplication`).
    public func form(_ id: String) -> FormDefinition? {
        if id == FormDefinition.itemApplicationID { return .itemApplication }
        return forms.indices.first { forms[$0].id == id }.map { forms[$0] }
    }

    public func region(_ code: String) -> Region? { regions.indices.first { regions[$0].code == code }.map { regions[$0] } }

    /// Whether any item belongs to the region `code` (a county with its own guide is a region).
    public func hasItems(region code: String) -> Bool { items.indices.contains { items[$0].region == code } }

    /// The items of a region that are applied for on `formID`: their own form first, then the
    /// items that list it as one of their materials (a 注销 form of the 变更（注销） item).
    public func items(region: String, form formID: String) -> [ServiceItem] {
        let mine = items.indices.filter { items[$0].region == region }
        let own = mine.filter { items[$0].form == formID }
        let listing = mine.filter { i in items[i].form != formID && items[i].materials.contains { $0.formRef == formID } }
        let declared = form(formID)?.usedBy ?? []
        let using = mine.filter { declared.contains(items[$0].id) && !own.contains($0) && !listing.contains($0) }
        return (own + listing + using).map { items[$0] }
    }

    /// The XSD file of a form.
    public func schemaURL(for form: FormDefinition) -> URL {
        directory.appendingPathComponent(form.schema)
    }

    struct RegionsFile: Decodable { var regions: [Region]; var guides: [Guide]? }
    struct NamedFormsFile: Decodable { var forms: [NamedForm] }
    struct MaterialKindsFile: Decodable { var kinds: [MaterialKind] }

    /// A guide line as the public reads it — 《临沂市统一医疗保障经办服务办事指南（试行）》第21行,
    /// 聊城市医疗保障经办服务指南第17行 — not the catalog's file name; the file name where the
    /// guide is not listed.
    public func citation(_ ref: SourceRef) -> String {
        let lines = ref.endLine.map { $0 != ref.line ? "第\(ref.line)–\($0)行" : nil } ?? nil
        return (guideName(ref) ?? "\(ref.file) ") + (lines ?? "第\(ref.line)行")
    }

    /// A material as an applicant finds it in the guide: the guide, the item, the entry of its
    /// 申办材料 — 聊城市医疗保障经办服务指南“单位基本医疗保险参保登记”申办材料第2项. A material the
    /// catalog took from another guide (the province's 委托 materials) is cited by its line there.
    public func citation(_ material: Material, of item: ServiceItem) -> String {
        guard let index = item.materials.firstIndex(where: { $0.id == material.id }),
              material.source.file == item.source.file, let guide = guideName(material.source) else { return citation(material.source) }
        return "\(guide)“\(item.name)”申办材料第\(index + 1)项"
    }

    /// The guide of `ref` as the public knows it (《title》 or the city's guide); nil when unlisted.
    func guideName(_ ref: SourceRef) -> String? {
        guard let part = guides.first(where: { $0.file == ref.file })?.parts.last(where: { $0.from <= ref.line }) else { return nil }
        return part.title ? "《\(part.name)》" : part.name
    }

    public func namedForm(_ id: String) -> NamedForm? { namedForms.first { $0.id == id } }

    public func item(_ id: String, region: String) -> ServiceItem? {
        items.first { $0.id == id && $0.region == region }
    }

    static func relative(_ url: URL, to directory: URL) -> String {
        let base = directory.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }

    static func yamlFiles(in folder: URL, relativeTo directory: URL) throws(CatalogError) -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw CatalogError(file: relative(folder, to: directory), reason: "cannot list the folder: \(error.localizedDescription)")
        }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    static func decode<T: Decodable>(_ type: T.Type, from url: URL, relativeTo directory: URL) throws(CatalogError) -> T {
        let name = relative(url, to: directory)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw CatalogError(file: name, reason: "cannot read it as UTF-8 text: \(error.localizedDescription)")
        }
        do {
            return try YAMLDecoder().decode(T.self, from: text)
        } catch let error as DecodingError {
            throw CatalogError(file: name, decoding: error)
        } catch {
            throw CatalogError(file: name, reason: "not valid YAML: \(error)")
        }
    }
}
