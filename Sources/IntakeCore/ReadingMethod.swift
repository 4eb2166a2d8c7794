/// How a submission or a value was read; in result.json as `source.method` and per field:
/// `xml` an XML submission; `embedded-xml` the XML a portal export carries inside its PDF;
/// `acroform` the widgets of a fillable PDF; `pdf-text` the text layer of a typed PDF, read by
/// layout; `ocr` a scanned page.
public struct ReadingMethod: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let xml = Self(rawValue: "xml"), embeddedXML = Self(rawValue: "embedded-xml"),
                      acroform = Self(rawValue: "acroform"), pdfText = Self(rawValue: "pdf-text"), ocr = Self(rawValue: "ocr")
}
