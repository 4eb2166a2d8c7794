import IntakeCore

/// A glyph's place: page, line, position in the line.
struct GlyphRef: Hashable {
    var page: Int
    var line: Int
    var index: Int
}

/// A stopper found on a page.
struct Occurrence {
    var page: Int
    var refs: [GlyphRef]
    var box: Rect
    var line: Int

    func precedes(_ other: Occurrence) -> Bool {
        (page, line, box.x0) < (other.page, other.line, other.box.x0)
    }
}

/// The pages as lines, grids and the glyphs already taken by printed words.
final class PageModels {
    let pages: [PageText]
    let lines: [[TextLine]]
    /// Each line's glyphs folded for matching (`MatchText.code`), index for index: lines hold no
    /// white space, so no glyph folds away.
    let codes: [[[UInt32]]]
    let grids: [RulingGrid]
    /// Page units per millimetre (points: 2.835; a 200 dpi scan: 7.87).
    let unitsPerMM: [Double]
    var claimed: ClaimedGlyphs

    init(_ pages: [PageText]) {
        self.pages = pages
        lines = pages.map { LineBuilder.lines($0.glyphs) }
        codes = lines.map { page in page.map { line in line.glyphs.map { MatchText.code($0.character) ?? MatchText.noCode } } }
        claimed = ClaimedGlyphs(lines)
        unitsPerMM = pages.map { max($0.width, $0.height) / 297 }
        grids = pages.enumerated().map { i, page in
            guard let raster = page.raster else { return .empty }
            return RulingGrid.detect(in: raster, scale: page.rasterScale, unitsPerMM: max(page.width, page.height) / 297,
                                     text: page.glyphs.map(\.box), widgets: page.widgets, dashes: !page.judgeTicksFromPixels && page.widgets.isEmpty)
        }
    }

    func glyph(_ ref: GlyphRef) -> Glyph { lines[ref.page][ref.line].glyphs[ref.index] }

    /// The glyph's folded match code.
    func code(_ ref: GlyphRef) -> UInt32 { codes[ref.page][ref.line][ref.index] }

    /// Unclaimed glyphs whose centre lies in `box` on `page`, in reading order.
    func glyphs(in box: Rect, page: Int, includeClaimed: Bool = false) -> [GlyphRef] {
        var refs: [GlyphRef] = []
        for (l, line) in lines[page].enumerated() where line.box.y1 >= box.y0 && line.box.y0 <= box.y1 {
            for (i, g) in line.glyphs.enumerated() where box.contains(x: g.box.midX, y: g.box.midY) {
                let ref = GlyphRef(page: page, line: l, index: i)
                if includeClaimed || !claimed.contains(ref) { refs.append(ref) }
            }
        }
        return refs
    }

    /// Typical character height on a page.
    func charHeight(page: Int) -> Double {
        let heights = lines[page].map(\.charHeight).sorted()
        return heights.isEmpty ? 10 : heights[heights.count / 2]
    }
}

/// The set of glyphs taken by printed words: one flag per glyph of the pages' lines, which is
/// asked far more often than a hashed set of refs would answer cheaply.
struct ClaimedGlyphs {
    /// Where each line's flags start, per page.
    private let start: [[Int]]
    private var flags: [Bool]

    init(_ lines: [[TextLine]]) {
        var start: [[Int]] = []
        var total = 0
        for page in lines {
            start.append(page.map { line in defer { total += line.glyphs.count }; return total })
        }
        self.start = start
        flags = [Bool](repeating: false, count: total)
    }

    func contains(_ ref: GlyphRef) -> Bool { flags[start[ref.page][ref.line] + ref.index] }

    mutating func insert(_ ref: GlyphRef) { flags[start[ref.page][ref.line] + ref.index] = true }
}
