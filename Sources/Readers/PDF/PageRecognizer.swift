/// Reads the text of a scanned page: the seam between PDF intake and an OCR engine.
///
/// Synchronous on purpose: the pipeline runs on its own threads, and a blocking call cannot
/// starve Swift's cooperative pool.
public protocol PageRecognizer: Sendable {
    /// Recognises a page image (PNG bytes).
    func recognize(png: [UInt8]) throws -> RecognizedPage
}

/// A recognised page in pixel coordinates of the (deskewed) image the engine read.
public struct RecognizedPage: Sendable {
    public struct Character: Sendable {
        public var text: Swift.Character
        public var probability: Double
        public var x0: Double, y0: Double, x1: Double, y1: Double
        public init(text: Swift.Character, probability: Double, x0: Double, y0: Double, x1: Double, y1: Double) {
            self.text = text; self.probability = probability
            self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1
        }
    }
    public var width: Int, height: Int
    /// Degrees the engine rotated the page to straighten it.
    public var angle: Double
    public var characters: [Character]
    /// Seal boxes (red round stamps), pixel coordinates.
    public var seals: [(x0: Double, y0: Double, x1: Double, y1: Double)]
    /// The deskewed page as grey pixels (0 black … 255 white), width × height.
    public var grey: [UInt8]
    public init(width: Int, height: Int, angle: Double, characters: [Character],
                seals: [(x0: Double, y0: Double, x1: Double, y1: Double)], grey: [UInt8]) {
        self.width = width; self.height = height; self.angle = angle
        self.characters = characters; self.seals = seals; self.grey = grey
    }
}
