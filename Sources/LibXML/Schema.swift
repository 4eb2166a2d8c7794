internal import CLibXML2
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Owns one schema parser context for the length of one compilation.
private final class SchemaParserContext {
    let pointer: xmlSchemaParserCtxtPtr

    init?(document: xmlDocPtr) {
        guard let pointer = xmlSchemaNewDocParserCtxt(document) else { return nil }
        self.pointer = pointer
    }

    deinit { xmlSchemaFreeParserCtxt(pointer) }
}

/// Owns one validation context for the length of one validation.
private final class ValidationContext {
    let pointer: xmlSchemaValidCtxtPtr

    init?(schema: xmlSchemaPtr) {
        guard let pointer = xmlSchemaNewValidCtxt(schema) else { return nil }
        self.pointer = pointer
    }

    deinit { xmlSchemaFreeValidCtxt(pointer) }
}

/// A compiled XSD, shareable across tasks.
///
/// `@unchecked Sendable` because libxml2 never writes to a compiled `xmlSchema` after
/// `xmlSchemaParse` returns: every validation gets its own `xmlSchemaValidCtxt` holding all
/// mutable state, and that context never leaves the call. The XSD's own tree, kept alive for
/// the schema (its components may point into it), is never touched after compilation.
///
/// The XSD is read with the same safe parser as submissions (no DOCTYPE, no network), and
/// `xs:include`, `xs:import` and `xs:redefine` cannot load anything: a schema must be
/// self-contained, and one that tries to load another document fails to compile.
public final class Schema: @unchecked Sendable {
    private let pointer: xmlSchemaPtr
    private let source: Document

    /// The name given at compile time (file path when compiled from a file).
    public let name: String

    /// Compiles the XSD at `path`. Throws `XMLSchemaError` with diagnostics (file, line) when
    /// the XSD itself is bad or cannot be read.
    ///
    /// The corresponding C function is `xmlSchemaParse`.
    public convenience init(contentsOf path: String) throws(XMLSchemaError) {
        let bytes: [UInt8]
        switch readFile(path) {
        case .success(let read): bytes = read
        case .failure(let reason):
            throw XMLSchemaError(name: path, diagnostics: [
                XMLDiagnostic(line: 0, code: Int(XML_IO_LOAD_ERROR.rawValue),
                              domain: Int(XML_FROM_IO.rawValue), level: .fatal,
                              message: "cannot read \(path): \(reason.message)", file: path),
            ])
        }
        try self.init(bytes: bytes, name: path)
    }

    /// Compiles an XSD held in memory; `name` is used in messages.
    ///
    /// The corresponding C function is `xmlSchemaParse`.
    public init(bytes: [UInt8], name: String) throws(XMLSchemaError) {
        _ = libxmlSetup
        let source: Document
        do {
            source = try Document(bytes: bytes, name: name, limits: ParseLimits(maxBytes: max(bytes.count, 1)))
        } catch {
            var diagnostics = error.diagnostics
            if diagnostics.isEmpty {
                diagnostics = [XMLDiagnostic(line: error.line ?? 0, code: 0, domain: Int(XML_FROM_PARSER.rawValue),
                                             level: .fatal, message: error.description, file: name)]
            }
            throw XMLSchemaError(name: name, diagnostics: diagnostics)
        }
        guard let context = SchemaParserContext(document: source.pointer) else {
            throw XMLSchemaError(name: name, diagnostics: [
                XMLDiagnostic(line: 0, code: Int(XML_ERR_NO_MEMORY.rawValue),
                              domain: Int(XML_FROM_SCHEMASP.rawValue), level: .fatal,
                              message: "cannot create a schema parser context", file: name),
            ])
        }
        let collector = DiagnosticCollector()
        xmlSchemaSetParserStructuredErrors(context.pointer, collectIntoContext, collector.opaque)
        // The per-thread handler catches what the schema parser's inner XML parser reports.
        let compiled = collector.asThreadHandler { xmlSchemaParse(context.pointer) }
        let refusedLoads: Set<Int> = [
            Int(XML_SCHEMAP_WARN_UNLOCATED_SCHEMA.rawValue), Int(XML_SCHEMAP_WARN_SKIP_SCHEMA.rawValue),
        ]
        let diagnostics = collector.diagnostics
        let failed = diagnostics.contains { $0.isError || refusedLoads.contains($0.code) }
        guard let compiled, !failed else {
            if let compiled { xmlSchemaFree(compiled) }
            throw XMLSchemaError(name: name, diagnostics: diagnostics.isEmpty ? [
                XMLDiagnostic(line: 0, code: 0, domain: Int(XML_FROM_SCHEMASP.rawValue), level: .fatal,
                              message: "the schema could not be compiled", file: name),
            ] : diagnostics)
        }
        self.pointer = compiled
        self.source = source
        self.name = name
    }

    deinit { xmlSchemaFree(pointer) }

    /// Validates one document tree; see `Document.validate(against:)`.
    func validate(_ document: xmlDocPtr, name documentName: String) -> [XMLDiagnostic] {
        guard let context = ValidationContext(schema: pointer) else {
            return [XMLDiagnostic(line: 0, code: Int(XML_ERR_NO_MEMORY.rawValue),
                                  domain: Int(XML_FROM_SCHEMASV.rawValue), level: .fatal,
                                  message: "cannot create a schema validation context", file: documentName)]
        }
        let collector = DiagnosticCollector()
        xmlSchemaSetValidStructuredErrors(context.pointer, collectIntoContext, collector.opaque)
        let result = collector.asThreadHandler { xmlSchemaValidateDoc(context.pointer, document) }
        var diagnostics = collector.diagnostics
        if result != 0 && !diagnostics.contains(where: \.isError) {
            diagnostics.append(XMLDiagnostic(
                line: 0, code: Int(result), domain: Int(XML_FROM_SCHEMASV.rawValue), level: .fatal,
                message: "schema validation failed without a diagnostic (libxml2 returned \(result))",
                file: documentName))
        }
        return diagnostics
    }
}

private struct ReadFailure: Error {
    var message: String
}

/// Reads a whole file with plain POSIX calls (no Foundation needed in this module).
private func readFile(_ path: String) -> Result<[UInt8], ReadFailure> {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return .failure(ReadFailure(message: String(cString: strerror(errno)))) }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 {
            if errno == EINTR { continue }
            return .failure(ReadFailure(message: String(cString: strerror(errno))))
        }
        if count == 0 { return .success(bytes) }
        bytes.append(contentsOf: chunk[0..<count])
    }
}
