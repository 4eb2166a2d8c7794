import IntakeCore

/// Reads the text of a scanned page: the seam between PDF intake and an OCR engine.
///
/// Synchronous on purpose: the pipeline runs on its own threads, and a blocking call cannot
/// starve Swift's cooperative pool.
public protocol PageRecognizer: Sendable {
    /// Recognises a page image (PNG bytes). `photo`: the paper in it is found and flattened
    /// first (a phone's picture of a page or card); a scan is read as it is.
    func recognize(png: [UInt8], photo: Bool) throws -> RecognizedPage
}

extension PageRecognizer {
    /// A scanned page, read as it is.
    public func recognize(png: [UInt8]) throws -> RecognizedPage { try recognize(png: png, photo: false) }
}

/// A recognised page in pixel coordinates of the (deskewed) image the engine read.
public struct RecognizedPage: Sendable {
    public struct Character: Sendable {
        public var text: Swift.Character
        public var probability: Double
        public var box: Rect
        public init(text: Swift.Character, probability: Double, box: Rect) {
            self.text = text; self.probability = probability; self.box = box
        }
    }
    public var width: Int, height: Int
    /// Degrees the engine rotated the page to straighten it.
    public var angle: Double
    public var characters: [Character]
    /// Seal boxes (red round stamps), pixel coordinates.
    public var seals: [Rect]
    /// Whether the page was in colour: on a grey one `seals` is empty whatever was stamped.
    public var colour: Bool
    /// The deskewed page the engine read.
    public var grey: GreyRaster
    public init(width: Int, height: Int, angle: Double, characters: [Character],
                seals: [Rect], colour: Bool = true, grey: GreyRaster) {
        self.width = width; self.height = height; self.angle = angle
        self.characters = characters; self.seals = seals; self.colour = colour; self.grey = grey
    }
}
