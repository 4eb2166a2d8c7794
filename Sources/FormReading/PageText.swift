import IntakeCore

/// One character read from a page: from the PDF's text (confidence 1) or from OCR.
public struct Glyph: Sendable, Hashable {
    public var character: Character
    public var box: Rect
    /// The recogniser's probability for this character; 1 for text a program wrote.
    public var confidence: Double
    public init(_ character: Character, _ box: Rect, confidence: Double = 1) {
        self.character = character
        self.box = box
        self.confidence = confidence
    }

    /// A CJK unified ideograph (汉字), the em a line's type is measured by.
    public var isIdeograph: Bool { character.unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) } ?? false }
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
    public var seals: [Rect]
    /// Boxes of a fillable form's widgets, in page units: the frames a form export draws round
    /// them are no ruling lines of the form's table.
    public var widgets: [Rect]

    public init(number: Int, width: Double, height: Double, glyphs: [Glyph], raster: GreyRaster? = nil,
                rasterScale: Double = 1, judgeTicksFromPixels: Bool = false, seals: [Rect] = [], widgets: [Rect] = []) {
        self.number = number
        self.width = width
        self.height = height
        self.glyphs = glyphs
        self.raster = raster
        self.rasterScale = rasterScale
        self.judgeTicksFromPixels = judgeTicksFromPixels
        self.seals = seals
        self.widgets = widgets
    }
}
