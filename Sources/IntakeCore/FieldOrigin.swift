/// Where a field's value was read, and how sure the reader is: shown per field in result.json
/// so a clerk can find the value on the page.
public struct FieldOrigin: Sendable, Hashable, Codable {
    public var method: ReadingMethod
    /// 1-based page of a PDF.
    public var page: Int?
    /// The value's box on the page, [x0, y0, x1, y1] in points from the page's top left.
    public var box: [Double]?
    /// Line in the XML (or the attachment's XML).
    public var line: Int?
    /// 0…1: the lowest per-character probability (OCR), 1 for text a program wrote; lowered
    /// when the value fails its own check or lies under a seal.
    public var confidence: Double
    /// True when the reader would not vouch for the value: a clerk must read it.
    public var needsReview: Bool
    /// The clerk who confirmed or corrected the value in the console; absent when no one did.
    public var verifiedBy: String?

    public init(method: ReadingMethod, page: Int? = nil, box: [Double]? = nil, line: Int? = nil, confidence: Double = 1,
                needsReview: Bool = false) {
        self.method = method
        self.page = page
        self.box = box
        self.line = line
        self.confidence = confidence
        self.needsReview = needsReview
    }
}
