import Catalog
import IntakeCore
import LibXML

/// Reads an XML submission (format in README.md, "Submission XML") into a `Submission`.
///
/// The document is parsed safely (no network, no DOCTYPE, size limit), its root names the form,
/// and it is validated against that form's XSD before any value is read.
public final class XMLSubmissionReader: @unchecked Sendable {
    // @unchecked: the schema cache is guarded by `lock`; compiled schemas are read-only.
    private let catalog: Catalog
    private let limits: ParseLimits
    private var schemas: [String: Schema] = [:]
    private let lock = Lock()

    /// `maxBytes` bounds the document size (8 MiB by default).
    public init(catalog: Catalog, maxBytes: Int = 8 << 20) {
        self.catalog = catalog
        self.limits = ParseLimits(maxBytes: maxBytes)
    }

    public var maxBytes: Int { limits.maxBytes }

    /// What reading a document gave: a submission to check, or a document that names a known form
    /// but breaks its XSD (rejected with every schema error, rather than failed).
    public enum Outcome: Sendable {
        case submission(Submission, FormDefinition)
        case schemaViolation(FormDefinition, [IntakeError.Detail], encoding: String?)
    }

    /// Parses, identifies and validates `bytes` read from `path`; throws when the file is not a
    /// submission at all (not XML, refused, unknown form).
    public func read(_ bytes: [UInt8], path: String) throws(IntakeError) -> Outcome {
        let document: Document
        do {
            document = try Document(bytes: bytes, name: path, limits: limits)
        } catch {
            throw Self.convert(error, path: path)
        }
        let root = document.root
        guard root.name == "submission" else {
            throw IntakeError(code: .wrongRoot, message: "root element is <\(root.name)>, expected <submission form=\"…\" version=\"…\">",
                              path: path, line: root.line)
        }
        if root.attributes["form"] == nil, let itemID = root.attributes["item"] {
            return try itemApplication(document, itemID: itemID, path: path)
        }
        guard let formID = root.attributes["form"], !formID.isEmpty else {
            throw IntakeError(code: .unknownForm, message: "<submission> names neither a form (form=\"…\") nor an item (item=\"…\")",
                              path: path, line: root.line)
        }
        guard let form = catalog.form(formID) else {
            let known = catalog.forms.map(\.id).sorted().joined(separator: ", ")
            throw IntakeError(code: .unknownForm, message: "unknown form \"\(formID)\" (known: \(known))", path: path, line: root.line)
        }
        let version = root.attributes["version"] ?? ""
        guard version == form.version else {
            throw IntakeError(code: .unsupportedVersion,
                              message: "form \(formID) version \"\(version)\" is not supported (this catalog has version \(form.version))",
                              path: path, line: root.line)
        }
        let diagnostics = document.validate(against: try schema(for: form, path: path))
        let errors = diagnostics.filter { $0.level != .warning }
        guard errors.isEmpty else {
            return .schemaViolation(form, errors.map { .init(line: $0.line > 0 ? $0.line : nil, message: $0.message) },
                                    encoding: document.declaredEncoding)
        }
        return .submission(Self.submission(from: root, form: form, encoding: document.declaredEncoding), form)
    }

    /// A submission naming an item instead of a form: the envelope's XSD, then the applicant as
    /// the values of `FormDefinition.itemApplication`.
    private func itemApplication(_ document: Document, itemID: String, path: String) throws(IntakeError) -> Outcome {
        let root = document.root, form = FormDefinition.itemApplication
        guard catalog.items.contains(where: { $0.id == itemID }) else {
            throw IntakeError(code: .unknownItem, message: "unknown item \"\(itemID)\" (`intake catalog` lists the items)", path: path,
                              line: root.line)
        }
        let version = root.attributes["version"] ?? ""
        guard version == form.version else {
            throw IntakeError(code: .unsupportedVersion,
                              message: "item submission version \"\(version)\" is not supported (this intake reads version \(form.version))",
                              path: path, line: root.line)
        }
        let errors = document.validate(against: try schema(for: form, path: path)).filter { $0.level != .warning }
        guard errors.isEmpty else {
            return .schemaViolation(form, errors.map { .init(line: $0.line > 0 ? $0.line : nil, message: $0.message) },
                                    encoding: document.declaredEncoding)
        }
        var submission = Self.submission(from: root, form: form, encoding: document.declaredEncoding)
        submission.itemID = itemID
        let applicant = root.child("applicant")
        let keys: [(element: String, child: String, key: String)] = [
            ("person", "name", "applicantName"), ("person", "idNumber", "applicantIdNumber"), ("person", "phone", "phone"),
            ("unit", "name", "unitName"), ("unit", "uscc", "uscc"), ("unit", "phone", "phone"),
        ]
        for (element, child, key) in keys {
            guard let value = applicant?.child(element)?.child(child) else { continue }
            submission.values[key] = .text(value.text.trimmingWhitespace())
            submission.lines[key] = value.line
        }
        return .submission(submission, form)
    }

    /// Compiles every form's XSD; returns the ones that fail, with why.
    public func compileAllSchemas() -> [(form: String, error: String)] {
        (catalog.forms + [.itemApplication]).compactMap { form -> (form: String, error: String)? in
            do {
                _ = try schema(for: form, path: form.schema)
                return nil
            } catch {
                return (form.id, "\(error)")
            }
        }
    }

    /// The compiled XSD of a form, compiled once and shared.
    func schema(for form: FormDefinition, path: String) throws(IntakeError) -> Schema {
        if let cached = lock.withLock({ schemas[form.id] }) { return cached }
        let url = catalog.schemaURL(for: form)
        do {
            let schema = try Schema(contentsOf: url.path)
            lock.withLock { schemas[form.id] = schema }
            return schema
        } catch {
            throw IntakeError(code: .catalog, message: "the catalog's schema \(form.schema) cannot be compiled: \(error)", path: path)
        }
    }

    static func convert(_ error: XMLParseError, path: String) -> IntakeError {
        let code: IntakeError.Code
        switch error.kind {
        case .empty, .notWellFormed, .unsupportedEncoding: code = .notXML
        case .tooLarge: code = .tooLarge
        case .doctypeRefused: code = .refused
        }
        return IntakeError(code: code, message: error.description, path: path, line: error.line,
                           details: error.diagnostics.map { .init(line: $0.line > 0 ? $0.line : nil, message: $0.message) })
    }

    /// A field's value: text, or the ticked options of a checkbox group (as `<option>`s or text).
    static func value(of element: Element, as field: FieldDefinition) -> FieldValue {
        let options = element.children(named: "option").map { $0.text.trimmingWhitespace() }.filter { !$0.isEmpty }
        let text = element.text.trimmingWhitespace()
        if !options.isEmpty {
            return field.type == .choice && options.count == 1 ? .text(options[0]) : .choices(options)
        }
        if field.type == .multiChoice {
            // Options written as text: "医疗保险、生育保险".
            return .choices(text.split(whereSeparator: { "、,，;；".contains($0) })
                .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty })
        }
        return .text(text)
    }

    /// Copies the validated tree into a `Submission`. The XSD has fixed the structure already.
    static func submission(from root: Element, form: FormDefinition, encoding: String?) -> Submission {
        func text(_ name: String) -> String? {
            guard let element = root.child(name) else { return nil }
            return element.text.trimmingWhitespace()
        }
        var values: [String: FieldValue] = [:]
        var lines: [String: Int] = [:]
        for element in root.child("fields")?.children ?? [] {
            guard let field = form.field(element.name) else { continue }
            lines[field.key] = element.line
            guard field.type == .table else {
                values[field.key] = value(of: element, as: field)
                continue
            }
            var rows: [[String: FieldValue]] = []
            for (index, row) in element.children(named: "row").enumerated() {
                var cells: [String: FieldValue] = [:]
                for cell in row.children {
                    guard let column = field.column(cell.name) else { continue }
                    cells[column.key] = value(of: cell, as: column)
                    lines["\(field.key)[\(index)].\(column.key)"] = cell.line
                }
                rows.append(cells)
            }
            values[field.key] = .rows(rows)
        }
        let agent = root.child("agent").map { a in
            Submission.Agent(name: a.child("name")?.text.trimmingWhitespace(),
                             idNumber: a.child("idNumber")?.text.trimmingWhitespace(),
                             phone: a.child("phone")?.text.trimmingWhitespace(), line: a.line)
        }
        let conditions = (root.child("conditions")?.children(named: "condition") ?? [])
            .map { $0.text.trimmingWhitespace() }.filter { !$0.isEmpty }
        let attachments = (root.child("materials")?.children(named: "material") ?? []).map { m in
            Submission.Attachment(id: m.attributes["id"], name: (m.attributes["name"] ?? "").trimmingWhitespace(),
                                  file: m.attributes["file"], line: m.line)
        }
        return Submission(formID: form.id, formVersion: form.version, regionCode: text("region") ?? "",
                          office: text("office").flatMap { $0.isEmpty ? nil : $0 },
                          handling: text("handling") ?? Submission.handlingInPerson,
                          submittedOn: text("submittedOn"), agent: agent, declaredConditions: conditions,
                          values: values, lines: lines, attachments: attachments, encoding: encoding)
    }
}
