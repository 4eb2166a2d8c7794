/// A rectangle on a page, origin at the top left; points for PDF text, pixels for scans.
public struct Box: Sendable, Hashable {
    public var x0: Double, y0: Double, x1: Double, y1: Double
    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1
    }
    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    public var midX: Double { (x0 + x1) / 2 }
    public var midY: Double { (y0 + y1) / 2 }
    public func union(_ other: Box) -> Box {
        Box(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }
    func contains(x: Double, y: Double) -> Bool { x >= x0 && x <= x1 && y >= y0 && y <= y1 }
}

/// One character read from a page: from the PDF's text (confidence 1) or from OCR.
public struct Glyph: Sendable, Hashable {
    public var character: Character
    public var box: Box
    /// The recogniser's probability for this character; 1 for text a program wrote.
    public var confidence: Double
    public init(_ character: Character, _ box: Box, confidence: Double = 1) {
        self.character = character
        self.box = box
        self.confidence = confidence
    }
}

/// A grey raster of a page (0 black … 255 white), for ruling lines and, on scans, check marks.
public struct GreyRaster: Sendable {
    public var width: Int, height: Int
    public var pixels: [UInt8]
    public init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width; self.height = height; self.pixels = pixels
    }

    /// Share of pixels darker than `threshold` in `box` (raster coordinates), 0 for an empty box.
    public func darkShare(in box: Box, threshold: UInt8 = 128) -> Double {
        let x0 = max(0, Int(box.x0.rounded())), x1 = min(width, Int(box.x1.rounded()))
        let y0 = max(0, Int(box.y0.rounded())), y1 = min(height, Int(box.y1.rounded()))
        guard x1 > x0, y1 > y0 else { return 0 }
        var dark = 0
        for y in y0..<y1 {
            let row = y * width
            for x in x0..<x1 where pixels[row + x] < threshold { dark += 1 }
        }
        return Double(dark) / Double((x1 - x0) * (y1 - y0))
    }
}

/// What a reader knows of one page: its size, its characters with boxes, and optionally a raster
/// (same coordinates after `rasterScale`) for ruling lines and ticks.
public struct PageText: Sendable {
    /// 1-based page number in the document.
    public var number: Int
    public var width: Double, height: Double
    public var glyphs: [Glyph]
    public var raster: GreyRaster?
    /// Raster pixels per page unit (e.g. 100 dpi raster of a PDF in points: 100/72).
    public var rasterScale: Double
    /// True when check marks must be judged from pixels (scans: OCR cannot read ☑).
    public var judgeTicksFromPixels: Bool
    /// Boxes of seals found on the page (scans), in page units.
    public var seals: [Box]

    public init(number: Int, width: Double, height: Double, glyphs: [Glyph], raster: GreyRaster? = nil,
                rasterScale: Double = 1, judgeTicksFromPixels: Bool = false, seals: [Box] = []) {
        self.number = number
        self.width = width
        self.height = height
        self.glyphs = glyphs
        self.raster = raster
        self.rasterScale = rasterScale
        self.judgeTicksFromPixels = judgeTicksFromPixels
        self.seals = seals
    }
}
