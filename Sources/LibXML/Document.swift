internal import CLibXML2

/// Owns one libxml2 parser context for the length of one parse.
private final class ParserContext {
    let pointer: xmlParserCtxtPtr

    init?() {
        guard let pointer = xmlNewParserCtxt() else { return nil }
        self.pointer = pointer
    }

    deinit { xmlFreeParserCtxt(pointer) }
}

/// A parsed document (owns the `xmlDocPtr`; frees it in deinit). Not Sendable: libxml2 trees
/// must not be touched from two threads; send `root` (plain Swift values) instead.
public final class Document {
    let pointer: xmlDocPtr

    /// The root element, copied into Swift values once (no C pointers escape).
    public let root: Element

    /// The encoding the document declared (e.g. "GB18030"), nil if none. Text in `root` is
    /// always UTF-8 whatever this says.
    public let declaredEncoding: String?

    /// Warnings libxml2 reported while parsing an otherwise acceptable document.
    public let warnings: [XMLDiagnostic]

    /// The name given at parse time (used in messages only).
    public let name: String

    /// Parses untrusted bytes safely (no network, no external entities, no DOCTYPE, size limit).
    /// `name` is used only in messages (the file path).
    ///
    /// Any DOCTYPE is refused as soon as the parser reaches it, before any entity or DTD is
    /// read, which defeats XXE, billion laughs and external-DTD fetches. Namespace errors
    /// count as not well-formed.
    ///
    /// The corresponding C function is `xmlCtxtReadMemory`.
    public init(bytes: [UInt8], name: String, limits: ParseLimits = ParseLimits()) throws(XMLParseError) {
        _ = libxmlSetup
        try limits.check(byteCount: bytes.count)
        if bytes.isEmpty { throw XMLParseError(kind: .empty) }
        guard let context = ParserContext() else {
            throw XMLParseError(kind: .notWellFormed, diagnostics: [
                XMLDiagnostic(line: 0, code: Int(XML_ERR_NO_MEMORY.rawValue),
                              domain: Int(XML_FROM_PARSER.rawValue), level: .fatal,
                              message: "cannot create a parser context"),
            ])
        }
        let collector = DiagnosticCollector()
        let ctxt = context.pointer
        ctxt.pointee._private = collector.opaque
        if let sax = ctxt.pointee.sax {
            sax.pointee.serror = collectIntoParserContext
            sax.pointee.internalSubset = refuseDoctype
            sax.pointee.externalSubset = refuseDoctype
        }
        let parsed: xmlDocPtr? = collector.asThreadHandler {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlCtxtReadMemory(ctxt, $0, Int32(buffer.count), name, nil, safeParseOptions)
                }
            }
        }
        let nsWellFormed = ctxt.pointee.nsWellFormed != 0
        ctxt.pointee._private = nil
        let diagnostics = collector.diagnostics
        let firstErrorLine = diagnostics.first(where: { $0.isError && $0.line > 0 })?.line

        if let line = collector.doctypeLine {
            if let parsed { xmlFreeDoc(parsed) }
            let refusal = XMLDiagnostic(
                line: line, code: Int(XML_ERR_USER_STOP.rawValue),
                domain: Int(XML_FROM_PARSER.rawValue), level: .fatal,
                message: "DOCTYPE not allowed", file: name)
            throw XMLParseError(kind: .doctypeRefused, line: line, diagnostics: [refusal] + diagnostics)
        }
        let unacceptable = parsed == nil || !nsWellFormed || diagnostics.contains(where: \.isError)
        guard let parsed, !unacceptable, let rootNode = xmlDocGetRootElement(parsed) else {
            if let parsed { xmlFreeDoc(parsed) }
            let codes = Set(diagnostics.filter(\.isError).map(\.code))
            let kind: XMLParseError.Kind
            if codes.contains(Int(XML_ERR_UNSUPPORTED_ENCODING.rawValue)) {
                kind = .unsupportedEncoding
            } else if diagnostics.first(where: \.isError)?.code == Int(XML_ERR_DOCUMENT_EMPTY.rawValue),
                      Self.isBlank(bytes) {
                // libxml2 says "Document is empty" for any input without a '<', plain text
                // included; only whitespace really is empty.
                kind = .empty
            } else {
                kind = .notWellFormed
            }
            throw XMLParseError(kind: kind, line: firstErrorLine, diagnostics: diagnostics)
        }
        self.pointer = parsed
        self.name = name
        self.warnings = diagnostics
        self.declaredEncoding = parsed.pointee.encoding.map { String(cString: $0) }
        self.root = Element(copying: rootNode)
    }

    deinit { xmlFreeDoc(pointer) }

    /// True when `bytes` hold only XML whitespace, after an optional UTF-8 byte order mark.
    private static func isBlank(_ bytes: [UInt8]) -> Bool {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        return body.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// Validates against a compiled schema; returns every diagnostic (empty = valid).
    /// Safe to call from many tasks at once with the same `schema` (each call has its own
    /// validation context and error handler).
    ///
    /// The corresponding C function is `xmlSchemaValidateDoc`.
    public func validate(against schema: Schema) -> [XMLDiagnostic] {
        schema.validate(pointer, name: name)
    }
}

@available(*, unavailable, message: "libxml2 trees are not thread-safe; send Element values instead")
extension Document: Sendable {}

/// SAX hook for `<!DOCTYPE`: called after the name and external ID are read, before the
/// internal subset or any external DTD is looked at. It stops the parser, so nothing declared
/// in the DOCTYPE is ever parsed, expanded or fetched.
private func refuseDoctype(
    _ ctx: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?,
    _ externalID: UnsafePointer<xmlChar>?, _ systemID: UnsafePointer<xmlChar>?
) {
    guard let ctx else { return }
    let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
    if let collector = DiagnosticCollector.from(parserContext: ctxt), collector.doctypeLine == nil {
        collector.doctypeLine = max(1, Int(xmlSAX2GetLineNumber(ctx)))
    }
    xmlStopParser(ctxt)
}
