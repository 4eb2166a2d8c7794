internal import CLibXML2

/// One diagnostic from libxml2 (parser or schema validator), with the C facts kept so callers
/// can report precisely and tests can match on codes rather than on wording.
public struct XMLDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Source line, 0 when unknown.
    public var line: Int
    /// Source column, 0 when unknown (libxml2 only knows it for parser errors).
    public var column: Int
    /// libxml2 error code (`xmlParserErrors`).
    public var code: Int
    /// libxml2 error domain (`xmlErrorDomain`).
    public var domain: Int
    /// How bad it is.
    public var level: Level
    /// libxml2's message, trailing newline trimmed.
    public var message: String
    /// The document or schema name libxml2 attributed the diagnostic to, when it knows one.
    public var file: String?

    /// Severity as libxml2 reports it.
    public enum Level: Sendable, Hashable {
        case warning, error, fatal
    }

    public init(
        line: Int, column: Int = 0, code: Int, domain: Int, level: Level, message: String,
        file: String? = nil
    ) {
        self.line = line
        self.column = column
        self.code = code
        self.domain = domain
        self.level = level
        self.message = message
        self.file = file
    }

    /// E.g. `line 7: Opening and ending tag mismatch: a line 3 and b (libxml2 error 76)`.
    public var description: String {
        let location = line > 0 ? "line \(line): " : ""
        return "\(location)\(message) (libxml2 error \(code))"
    }

    /// True for `.error` and `.fatal`.
    public var isError: Bool { level != .warning }
}

extension XMLDiagnostic {
    /// Copies a C `xmlError` into Swift values.
    init(_ error: UnsafePointer<xmlError>) {
        let e = error.pointee
        var message = e.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        while let last = message.last, last.isNewline || last == " " { message.removeLast() }
        let level: Level
        switch e.level {
        case XML_ERR_FATAL: level = .fatal
        case XML_ERR_ERROR: level = .error
        default: level = .warning
        }
        // int2 carries the column only for errors raised by the parser itself.
        let parserDomains: Set<Int32> = [
            Int32(XML_FROM_PARSER.rawValue), Int32(XML_FROM_NAMESPACE.rawValue),
        ]
        self.init(
            line: Int(e.line),
            column: parserDomains.contains(e.domain) ? Int(e.int2) : 0,
            code: Int(e.code),
            domain: Int(e.domain),
            level: level,
            message: message,
            file: e.file.map { String(cString: $0) })
    }
}

/// Collects diagnostics for one synchronous libxml2 call. Passed to C callbacks as an
/// unretained pointer; the caller keeps it alive for the duration of the call.
final class DiagnosticCollector {
    private(set) var diagnostics: [XMLDiagnostic] = []
    /// Set by the DOCTYPE hook: the line of the refused declaration.
    var doctypeLine: Int?

    func append(_ diagnostic: XMLDiagnostic) {
        // Bounded, so a document with millions of errors cannot make us hoard memory.
        if diagnostics.count < 1000 { diagnostics.append(diagnostic) }
    }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(opaque: UnsafeMutableRawPointer) -> DiagnosticCollector {
        Unmanaged<DiagnosticCollector>.fromOpaque(opaque).takeUnretainedValue()
    }

    /// The collector stored in one of our parser contexts' `_private`, if any.
    static func from(parserContext ctxt: xmlParserCtxtPtr) -> DiagnosticCollector? {
        ctxt.pointee._private.map(from(opaque:))
    }

    /// Runs `body` with this collector as the calling thread's structured error handler
    /// (libxml2 2.9 keeps it per thread), then restores the previous handler. `body` must be
    /// synchronous: no `await` may separate setting and resetting the handler.
    func asThreadHandler<R>(_ body: () -> R) -> R {
        let previousFunc = cxml_thread_structured_error_func()
        let previousContext = cxml_thread_structured_error_context()
        xmlSetStructuredErrorFunc(opaque, collectIntoContext)
        defer { xmlSetStructuredErrorFunc(previousContext, previousFunc) }
        return withExtendedLifetime(self) { body() }
    }
}

/// Structured error callback whose user data is a `DiagnosticCollector`.
func collectIntoContext(_ userData: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let userData, let error else { return }
    DiagnosticCollector.from(opaque: userData).append(XMLDiagnostic(error))
}

/// Structured error callback installed as a parser context's `sax->serror`: libxml2 passes
/// the context's `userData`, which is the parser context itself; the collector is in `_private`.
func collectIntoParserContext(_ userData: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let userData, let error else { return }
    let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
    DiagnosticCollector.from(parserContext: ctxt)?.append(XMLDiagnostic(error))
}
