internal import CLibXML2

/// One-time, process-wide libxml2 setup, run by Swift's thread-safe lazy global initialiser.
///
/// - `xmlInitParser()` must run once before libxml2 is used from several threads.
/// - The external entity loader is replaced by one that refuses everything. `XML_PARSE_NONET`
///   alone does not stop `file://` URLs, and the loader is also what `xs:include`, `xs:import`
///   and `xs:redefine` go through, so no XML or XSD handled here can make libxml2 open a file
///   or a socket. The loader is a process-wide (not per-thread) setting in libxml2 2.9.
let libxmlSetup: Void = {
    xmlInitParser()
    xmlSetExternalEntityLoader(refuseExternalEntity)
}()

/// The external entity loader: loads nothing. When the request comes from one of our own
/// parser contexts (its `_private` holds a `DiagnosticCollector`), the refusal is recorded.
private func refuseExternalEntity(
    _ url: UnsafePointer<CChar>?,
    _ id: UnsafePointer<CChar>?,
    _ ctxt: xmlParserCtxtPtr?
) -> xmlParserInputPtr? {
    if let ctxt, let collector = DiagnosticCollector.from(parserContext: ctxt) {
        let target = url.map { String(cString: $0) } ?? id.map { String(cString: $0) } ?? "(unnamed)"
        collector.append(XMLDiagnostic(
            line: Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer(ctxt))),
            column: 0,
            code: Int(XML_IO_LOAD_ERROR.rawValue),
            domain: Int(XML_FROM_IO.rawValue),
            level: .fatal,
            message: "refused to load external resource \"\(target)\""))
    }
    return nil
}

/// Parser options for every document: no network, large line numbers kept.
/// Deliberately absent: `XML_PARSE_NOENT` (which turns entity substitution ON), `DTDLOAD`,
/// `DTDATTR`, `DTDVALID`, `XINCLUDE` and `HUGE` (which lifts the depth and size limits).
let safeParseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)
