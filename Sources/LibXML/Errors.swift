/// Limits applied before and during parsing. libxml2's own limits also stay on (nesting depth
/// 256, 10 MB per text node) because `XML_PARSE_HUGE` is never used.
public struct ParseLimits: Sendable {
    /// Largest accepted document in bytes; default 8 MiB.
    public var maxBytes: Int

    public init(maxBytes: Int = 8 << 20) {
        self.maxBytes = maxBytes
    }

    /// Refuses a document of `byteCount` bytes that is over the limit. Lets callers refuse a
    /// file from its size alone, before reading it.
    public func check(byteCount: Int) throws(XMLParseError) {
        // libxml2 takes the length as a C int, so nothing above Int32.max can be parsed anyway.
        if byteCount > maxBytes || byteCount > Int(Int32.max) {
            throw XMLParseError(kind: .tooLarge, byteCount: byteCount, maxBytes: maxBytes)
        }
    }
}

/// Why a document could not be parsed.
public struct XMLParseError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case empty, tooLarge, doctypeRefused, notWellFormed, unsupportedEncoding
    }

    public var kind: Kind
    /// First error line when known.
    public var line: Int?
    /// What libxml2 reported (for `.doctypeRefused`, one synthetic diagnostic first).
    public var diagnostics: [XMLDiagnostic]
    /// For `.tooLarge`: the size of the refused document.
    public var byteCount: Int?
    /// For `.tooLarge`: the limit it exceeded.
    public var maxBytes: Int?

    public init(
        kind: Kind, line: Int? = nil, diagnostics: [XMLDiagnostic] = [],
        byteCount: Int? = nil, maxBytes: Int? = nil
    ) {
        self.kind = kind
        self.line = line
        self.diagnostics = diagnostics
        self.byteCount = byteCount
        self.maxBytes = maxBytes
    }

    /// One line in English, e.g. `not well-formed XML at line 7: Opening and ending tag
    /// mismatch: a line 3 and b (libxml2 error 76)`.
    public var description: String {
        let at = line.map { " at line \($0)" } ?? ""
        let first = diagnostics.first(where: \.isError) ?? diagnostics.first
        let detail = first.map { ": \($0.message) (libxml2 error \($0.code))" } ?? ""
        switch kind {
        case .empty:
            return "document is empty\(at)"
        case .tooLarge:
            let size = byteCount.map(Self.documentSize) ?? "too large"
            let limit = maxBytes.map { ", over the \(Self.limitSize($0)) limit" } ?? ""
            return "document is \(size)\(limit)"
        case .doctypeRefused:
            return "DOCTYPE declarations are not accepted (entity attacks are refused)"
        case .notWellFormed:
            return "not well-formed XML\(at)\(detail)"
        case .unsupportedEncoding:
            return "unsupported character encoding\(at)\(detail)"
        }
    }

    private static let mebibyte = 1 << 20

    /// Megabytes to one decimal, rounded up, so a document just over a whole-MB limit never
    /// reads as equal to it.
    private static func documentSize(_ bytes: Int) -> String {
        guard bytes >= mebibyte else { return "\(bytes) bytes" }
        let tenths = bytes / mebibyte * 10 + ((bytes % mebibyte) * 10 + mebibyte - 1) / mebibyte
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }

    private static func limitSize(_ bytes: Int) -> String {
        bytes >= mebibyte && bytes % mebibyte == 0 ? "\(bytes / mebibyte) MB" : "\(bytes) byte"
    }
}

/// Why an XSD could not be compiled.
public struct XMLSchemaError: Error, Sendable, CustomStringConvertible {
    /// The schema's name (its file path when compiled from a file).
    public var name: String
    public var diagnostics: [XMLDiagnostic]

    public init(name: String, diagnostics: [XMLDiagnostic]) {
        self.name = name
        self.diagnostics = diagnostics
    }

    /// E.g. `schema a.xsd is invalid: line 3: ... (libxml2 error 1824)`.
    public var description: String {
        let shown = diagnostics.filter(\.isError)
        let list = (shown.isEmpty ? diagnostics : shown).prefix(3).map(\.description)
        let more = (shown.isEmpty ? diagnostics : shown).count > 3 ? "; …" : ""
        return "schema \(name) is invalid: " + (list.isEmpty ? "unknown error" : list.joined(separator: "; ")) + more
    }
}
