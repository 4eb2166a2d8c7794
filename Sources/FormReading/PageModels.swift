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
    var box: Box
    var line: Int

    func precedes(_ other: Occurrence) -> Bool {
        (page, line, box.x0) < (other.page, other.line, other.box.x0)
    }
}

/// The pages as lines, grids and the glyphs already taken by printed words.
final class PageModels {
    let pages: [PageText]
    let lines: [[TextLine]]
    let grids: [RulingGrid]
    /// Page units per millimetre (points: 2.835; a 200 dpi scan: 7.87).
    let unitsPerMM: [Double]
    var claimed: Set<GlyphRef> = []

    init(_ pages: [PageText]) {
        self.pages = pages
        lines = pages.map { LineBuilder.lines($0.glyphs) }
        unitsPerMM = pages.map { max($0.width, $0.height) / 297 }
        grids = pages.enumerated().map { i, page in
            guard let raster = page.raster else { return .empty }
            return RulingGrid.detect(in: raster, scale: page.rasterScale, unitsPerMM: max(page.width, page.height) / 297)
        }
    }

    func glyph(_ ref: GlyphRef) -> Glyph { lines[ref.page][ref.line].glyphs[ref.index] }

    /// Unclaimed glyphs whose centre lies in `box` on `page`, in reading order.
    func glyphs(in box: Box, page: Int, includeClaimed: Bool = false) -> [GlyphRef] {
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
