@testable import FormReading
import IntakeCore
import Testing

/// `RulingGrid.detect` on rasters with known lines, and the cells it bounds.
@Suite struct RulingLinesTests {
    /// A4 in points, as the reader sets it: 842 / 297 units per millimetre.
    private static let unitsPerMM = 842.0 / 297

    private func detect(_ canvas: Canvas, scale: Double = 1) -> (h: [[Double]], v: [[Double]]) {
        let grid = RulingGrid.detect(in: canvas.raster, scale: scale, unitsPerMM: Self.unitsPerMM)
        return (grid.horizontals.map { [$0.y, $0.x0, $0.x1] }, grid.verticals.map { [$0.x, $0.y0, $0.y1] })
    }

    private func a4() -> Canvas { Canvas(width: 595, height: 842) }

    /// The ruling lines found on `canvas` are exactly `h` ([y, x0, x1]) and `v` ([x, y0, y1]).
    private func expectLines(_ canvas: Canvas, h: [[Double]], v: [[Double]], sourceLocation: SourceLocation = #_sourceLocation) {
        let found = detect(canvas)
        #expect(found.h == h, sourceLocation: sourceLocation)
        #expect(found.v == v, sourceLocation: sourceLocation)
    }

    @Test("the lines of a grid are found at their exact positions, top to bottom and left to right")
    func gridPositions() {
        var canvas = a4()
        canvas.grid(xs: [50, 200, 545], ys: [100, 140, 180])
        expectLines(canvas, h: [[100, 50, 545], [140, 50, 545], [180, 50, 545]], v: [[50, 100, 180], [200, 100, 180], [545, 100, 180]])
    }

    @Test("dashed rules are rules in a rendered PDF; on a scan, where bridged gaps in text would cost more than they find, they are not looked for")
    func dashedRules() {
        var canvas = Canvas(width: 827, height: 1170)  // A4 at 100 dpi, as PDFs are rendered for their grid
        let xs = [70, 280, 760], ys = [140, 200, 260]
        // Dashes of 4 px with gaps of 3.
        for y in ys { for x in stride(from: xs[0], to: xs.last!, by: 7) { canvas.fill(x0: x, y0: y, x1: min(x + 3, xs.last!), y1: y + 1) } }
        for x in xs { for y in stride(from: ys[0], to: ys.last!, by: 7) { canvas.fill(x0: x, y0: y, x1: x + 1, y1: min(y + 3, ys.last!)) } }
        let scale = 100.0 / 72
        let dashed = RulingGrid.detect(in: canvas.raster, scale: scale, unitsPerMM: Self.unitsPerMM)
        #expect(dashed.horizontals.count == 3 && dashed.verticals.count == 3, "\(dashed)")
        #expect(RulingGrid.detect(in: canvas.raster, scale: scale, unitsPerMM: Self.unitsPerMM, dashes: false).isEmpty)
    }

    @Test("a row of text bridged across its gaps is no dashed rule: it passes through the words")
    func textIsNoDashedRule() {
        var canvas = Canvas(width: 827, height: 1170)
        canvas.grid(xs: [70, 760], ys: [140, 260])
        // Bottom strokes of small characters along y = 200 from the left rule on, 5 px each with gaps of 3.
        for x in stride(from: 73, to: 400, by: 8) { canvas.fill(x0: x, y0: 200, x1: x + 4, y1: 200) }
        let scale = 100.0 / 72
        let glyphs = stride(from: 73, to: 400, by: 8).map { x in Rect(x0: Double(x) / scale, y0: 190 / scale, x1: Double(x + 7) / scale, y1: 201 / scale) }
        let grid = RulingGrid.detect(in: canvas.raster, scale: scale, unitsPerMM: Self.unitsPerMM, text: glyphs)
        #expect(grid.horizontals.count == 2, "\(grid.horizontals)")
    }

    @Test("a frame drawn inside a cell, touching none of its rules, is no cell wall; one joined to the rules is")
    func nestedFrameIsNoWall() {
        var canvas = a4()
        canvas.grid(xs: [50, 150, 545], ys: [100, 160, 220])
        // A word processor's field frame round 其他's detail, clear of every rule.
        canvas.grid(xs: [380, 460], ys: [120, 140])
        // A date's frame that runs to the cell's right rule: part of the table's drawing.
        canvas.grid(xs: [160, 545], ys: [185, 205])
        let found = detect(canvas)
        #expect(found.v.map { $0[0] } == [50, 150, 160, 545], "\(found.v)")
        #expect(found.h.map { $0[0] } == [100, 160, 185, 205, 220], "\(found.h)")
        let grid = RulingGrid.detect(in: canvas.raster, scale: 1, unitsPerMM: Self.unitsPerMM)
        #expect(grid.cell(atX: 420, y: 130) == Rect(x0: 150, y0: 100, x1: 545, y1: 160))
    }

    @Test("a table ruled across only (no column rules) has rows: its sides are taken where the rules end")
    func ruledAcrossOnly() {
        var canvas = a4()
        for y in [100, 130, 160, 190] { canvas.horizontal(y: y, from: 50, to: 545) }
        let grid = RulingGrid.detect(in: canvas.raster, scale: 1, unitsPerMM: Self.unitsPerMM)
        #expect(grid.verticals.map { [$0.x, $0.y0, $0.y1] } == [[50, 100, 190], [545, 100, 190]])
        #expect(grid.cell(atX: 300, y: 145) == Rect(x0: 50, y0: 130, x1: 545, y1: 160))
        // Two underlines are no table.
        var lines = a4()
        for y in [100, 130] { lines.horizontal(y: y, from: 50, to: 545) }
        #expect(RulingGrid.detect(in: lines.raster, scale: 1, unitsPerMM: Self.unitsPerMM).isEmpty)
    }

    @Test("a tall character's stroke touching the rule above it is no column rule; a rule is")
    func characterStrokeIsNoRule() {
        var canvas = a4()
        canvas.grid(xs: [50, 545], ys: [100, 160])
        // The stem of 称 (16 px) hanging from the rule at 100, inside a glyph's box, and a real
        // divider of the same length beside it.
        canvas.vertical(x: 105, from: 100, to: 116)
        canvas.vertical(x: 300, from: 100, to: 160)
        let text = [Rect(x0: 95, y0: 101, x1: 111, y1: 115)]
        let grid = RulingGrid.detect(in: canvas.raster, scale: 1, unitsPerMM: Self.unitsPerMM, text: text)
        #expect(grid.verticals.map(\.x) == [50, 300, 545])
        let bare = RulingGrid.detect(in: canvas.raster, scale: 1, unitsPerMM: Self.unitsPerMM)
        #expect(bare.verticals.map(\.x) == [50, 105, 300, 545], "without the text the stroke is a line")
    }

    @Test("a rule touched by a seal's ring is still a rule: the ring's short arcs beside it are not part of it")
    func ruleTouchedByARing() {
        var canvas = a4()
        canvas.grid(xs: [50, 200, 545], ys: [100, 140, 300])
        // The ring's left side: arcs a few points long in each column, stepping towards the rule
        // at 200 and overlapping its top (as on a scan, 万倩艳 | 女 lost its divider).
        for (i, x) in (188...199).enumerated() { canvas.vertical(x: x, from: 80 + 2 * i, to: 112 + i) }
        let grid = RulingGrid.detect(in: canvas.raster, scale: 1, unitsPerMM: Self.unitsPerMM)
        #expect(grid.verticals.map(\.x) == [50, 200, 545], "\(grid.verticals)")
        #expect(grid.verticals.first { $0.x == 200 }.map { [$0.y0, $0.y1] } == [100, 300])
    }

    @Test("the frame a form export draws round a fillable widget is no ruling line; the table rule it sits beside is")
    func widgetFramesAreNoRules() {
        var canvas = a4()
        canvas.grid(xs: [50, 200, 545], ys: [100, 140, 180])
        // A widget [420, 445] × [110, 126] in the second cell, its frame drawn 2 points outside.
        canvas.grid(xs: [418, 447], ys: [108, 128])
        let widget = Rect(x0: 420, y0: 110, x1: 445, y1: 126)
        let grid = RulingGrid.detect(in: canvas.raster, scale: 1, unitsPerMM: Self.unitsPerMM, widgets: [widget])
        #expect(grid.verticals.map(\.x) == [50, 200, 545])
        #expect(grid.horizontals.map(\.y) == [100, 140, 180])
        let bare = RulingGrid.detect(in: canvas.raster, scale: 1, unitsPerMM: Self.unitsPerMM)
        #expect(bare.verticals.map(\.x) == [50, 200, 545], "without the widget, a frame clear of the rules is no wall either")
    }

    @Test("a widget that fills its cell keeps the column rule on its edge: the row's rules run on past it both ways")
    func widgetFillingItsCell() {
        var canvas = a4()
        // 姓名 | [widget] | 联系电话 | [widget]: the first widget is exactly the cell [120, 300] × [100, 140].
        canvas.grid(xs: [50, 120, 300, 360, 545], ys: [100, 140, 180])
        let widgets = [Rect(x0: 120, y0: 100, x1: 300, y1: 140), Rect(x0: 360, y0: 100, x1: 545, y1: 140)]
        let grid = RulingGrid.detect(in: canvas.raster, scale: 1, unitsPerMM: Self.unitsPerMM, widgets: widgets)
        #expect(grid.verticals.map(\.x) == [50, 120, 300, 360, 545], "\(grid.verticals)")
    }

    @Test("a shaded label cell is no ink: the rules along it are found, as on a form without shading")
    func shadedCellsKeepTheirRules() {
        var canvas = a4()
        canvas.grid(xs: [50, 150, 545], ys: [100, 140, 180])
        // The label column shaded grey 217 inside its rules, as a word processor prints it.
        canvas.fill(x0: 51, y0: 101, x1: 149, y1: 139, grey: 217)
        canvas.fill(x0: 51, y0: 141, x1: 149, y1: 179, grey: 217)
        expectLines(canvas, h: [[100, 50, 545], [140, 50, 545], [180, 50, 545]], v: [[50, 100, 180], [150, 100, 180], [545, 100, 180]])
    }

    @Test("strokes of small characters set tight that join into a long run are text, not a rule")
    func textStrokesAreNoRule() {
        var canvas = a4()
        canvas.grid(xs: [50, 300, 545], ys: [100, 160])
        // 营活动事 at 9.5 pt: their middle strokes touch the rule at 300 and run 40 points along y = 130.
        canvas.horizontal(y: 130, from: 301, to: 341)
        let text = (0..<4).map { Rect(x0: 301 + Double($0) * 10, y0: 125, x1: 311 + Double($0) * 10, y1: 135) }
        let grid = RulingGrid.detect(in: canvas.raster, scale: 1, unitsPerMM: Self.unitsPerMM, text: text)
        #expect(grid.horizontals.map(\.y) == [100, 160])
        let bare = RulingGrid.detect(in: canvas.raster, scale: 1, unitsPerMM: Self.unitsPerMM)
        #expect(bare.horizontals.map(\.y) == [100, 130, 160], "without the text the run is a rule")
    }

    @Test("a line several pixels thick is one line through its middle")
    func thickLines() {
        var canvas = a4()
        canvas.fill(x0: 50, y0: 100, x1: 300, y1: 101)  // two pixels thick
        canvas.fill(x0: 50, y0: 200, x1: 300, y1: 200)
        canvas.fill(x0: 50, y0: 100, x1: 52, y1: 200)  // three pixels thick
        canvas.fill(x0: 300, y0: 100, x1: 300, y1: 200)
        expectLines(canvas, h: [[100.5, 50, 300], [200, 50, 300]], v: [[51, 100, 200], [300, 100, 200]])
    }

    @Test("a fill-in underline and a stroke that meet no other line are not ruling lines")
    func strayLinesDropped() {
        var canvas = a4()
        canvas.grid(xs: [50, 545], ys: [100, 140])
        canvas.horizontal(y: 300, from: 200, to: 400)  // an underline to write on
        canvas.vertical(x: 100, from: 400, to: 430)  // a long stroke of a character
        expectLines(canvas, h: [[100, 50, 545], [140, 50, 545]], v: [[50, 100, 140], [545, 100, 140]])
    }

    @Test("a break of two pixels does not split a line; a break of three does")
    func breaks() {
        var canvas = a4()
        canvas.grid(xs: [50, 300], ys: [100, 200])
        canvas.fill(x0: 150, y0: 100, x1: 151, y1: 100, grey: 255)
        canvas.fill(x0: 150, y0: 200, x1: 152, y1: 200, grey: 255)
        expectLines(canvas, h: [[100, 50, 300], [200, 50, 149], [200, 153, 300]], v: [[50, 100, 200], [300, 100, 200]])
    }

    @Test("grey darker than 225 is ink; 225 and lighter is paper")
    func greyThreshold() {
        var canvas = a4()
        canvas.grid(xs: [50, 300], ys: [100, 200], grey: 224)
        canvas.grid(xs: [50, 300], ys: [400, 500], grey: 225)
        expectLines(canvas, h: [[100, 50, 300], [200, 50, 300]], v: [[50, 100, 200], [300, 100, 200]])
    }

    @Test("positions are given in page units when the raster has two pixels per unit")
    func rasterScale() {
        var canvas = Canvas(width: 1190, height: 1684)
        canvas.grid(xs: [100, 400, 1090], ys: [200, 280, 360])
        let found = detect(canvas, scale: 2)
        #expect(found.h == [[100, 50, 545], [140, 50, 545], [180, 50, 545]])
        #expect(found.v == [[50, 100, 180], [200, 100, 180], [545, 100, 180]])
    }

    @Test("rules in one direction only make no grid, which bounds no cell")
    func oneDirectionOnly() {
        let grid = RulingGrid(horizontals: [.init(y: 100, x0: 50, x1: 545), .init(y: 140, x0: 50, x1: 545)], verticals: [])
        #expect(grid.isEmpty)
        #expect(grid.cell(atX: 100, y: 120) == nil)
    }

    @Test("the cell holding a point is bounded by the nearest rule on each side")
    func cellAtPoint() {
        var canvas = a4()
        canvas.grid(xs: [50, 200, 545], ys: [100, 140, 180])
        let grid = RulingGrid.detect(in: canvas.raster, scale: 1, unitsPerMM: Self.unitsPerMM)
        #expect(grid.cell(atX: 120, y: 120) == Rect(x0: 50, y0: 100, x1: 200, y1: 140))
        #expect(grid.cell(atX: 300, y: 160) == Rect(x0: 200, y0: 140, x1: 545, y1: 180))
        #expect(grid.cell(atX: 20, y: 120) == nil)  // left of the grid
        #expect(grid.cell(atX: 120, y: 190) == nil)  // below it
    }
}
