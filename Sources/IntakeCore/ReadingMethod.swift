/// How a submission or a value was read; in result.json as `source.method` and per field.
public struct ReadingMethod: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// An XML submission.
    public static let xml = ReadingMethod(rawValue: "xml")
    /// The XML a portal export carries inside its PDF.
    public static let embeddedXML = ReadingMethod(rawValue: "embedded-xml")
    /// The widgets of a fillable PDF.
    public static let acroform = ReadingMethod(rawValue: "acroform")
    /// The text layer of a typed PDF, read by layout.
    public static let pdfText = ReadingMethod(rawValue: "pdf-text")
    /// A scanned page, read by OCR.
    public static let ocr = ReadingMethod(rawValue: "ocr")
}
