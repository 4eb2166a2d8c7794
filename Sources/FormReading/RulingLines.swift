import IntakeCore

/// The table grid of a page, found from its ruling lines in a raster: every typed form and
/// every scan of one draws its cells, whatever program laid it out.
struct RulingGrid {
    struct Horizontal { var y: Double; var x0: Double; var x1: Double }
    struct Vertical { var x: Double; var y0: Double; var y1: Double }
    var horizontals: [Horizontal]
    var verticals: [Vertical]

    static let empty = RulingGrid(horizontals: [], verticals: [])
    var isEmpty: Bool { horizontals.isEmpty || verticals.isEmpty }

    /// Dark pixels along one pixel row or column; `dashed` when it bridges several gaps wider than
    /// a speck (one such gap is a solid rule's dropout in a scan).
    private struct Run {
        var pos: Int, lo: Int, hi: Int
        var dashed: Bool
        init(_ pos: Int, _ lo: Int, _ hi: Int, _ gaps: Int) { self.pos = pos; self.lo = lo; self.hi = hi; dashed = gaps >= 2 }
    }

    /// Finds lines in `raster` and returns them in page units (`scale` raster pixels per unit).
    /// `unitsPerMM` converts the minimum lengths; `text` holds the boxes of the page's glyphs
    /// (page units), whose own strokes are not rules; `widgets` those of a fillable form's
    /// widgets, whose frames are not either. `dashes`: dashed rules are looked for (a rendered
    /// PDF; on a scan, or among a fillable form's widgets, bridged gaps cost more rules than
    /// they found).
    static func detect(in raster: GreyRaster, scale: Double, unitsPerMM: Double, text: [Rect] = [], widgets: [Rect] = [],
                       dashes: Bool = true) -> RulingGrid {
        let pxPerMM = unitsPerMM * scale
        let w = raster.width, h = raster.height
        guard w > 8, h > 8 else { return .empty }
        let threshold: UInt8 = 225
        // Breaks a line may have: a scan's speckle or a faint rule's anti-aliasing (2 px), and
        // the gaps of a dashed rule (up to 0.8 mm). A run bridging wider gaps than 2 px counts
        // as a line only when at least half of it is ink: text of a row bridged across its gaps
        // is mostly paper.
        let speck = 2
        let gap = dashes ? max(speck, Int(0.8 * pxPerMM)) : speck
        let rowMin = Int(8 * pxPerMM), columnMin = Int(4.5 * pxPerMM)
        // A shaded cell (grey 217 behind a label) is no ink: a light pixel whose neighbours a few
        // pixels off are the same grey lies inside a fill. Left as ink, the fill
        // merged with the rules along it into one band too wide to be a line, and both were lost.
        let fillFloor: UInt8 = 180
        let reach = max(3, Int(0.6 * pxPerMM))
        func isFill(_ x: Int, _ y: Int, _ grey: UInt8) -> Bool {
            guard x >= reach, y >= reach, x + reach < w, y + reach < h else { return false }
            func same(_ i: Int) -> Int { abs(Int(raster.pixels[i]) - Int(grey)) <= 8 ? 1 : 0 }
            let i = y * w + x
            // Three sides of four: a fill's pixels along its edge are fill too; a grey rule's
            // have the same grey along it only. (Counted without an array: this runs per pixel.)
            return same(i - reach) + same(i + reach) + same(i - reach * w) + same(i + reach * w) >= 3
        }

        // Runs of dark pixels along rows (horizontal) and columns (vertical), tolerating breaks
        // of up to `gap` pixels, then merged across neighbouring rows/columns (a line 2–4 px
        // thick is one line). Both are found in one pass over the rows, columns keeping their
        // own open run, as a raster is stored row by row.
        var rowRuns: [Run] = []
        var colRuns: [Run] = []
        var colStart = [Int](repeating: -1, count: w), colLast = [Int](repeating: -10, count: w)
        var colInk = [Int](repeating: 0, count: w), colGaps = [Int](repeating: 0, count: w)
        func isLine(_ start: Int, _ last: Int, ink: Int, gaps: Int, minimum: Int) -> Bool {
            last - start + 1 >= minimum && (gaps == 0 || 2 * ink >= last - start + 1)
        }
        raster.pixels.withUnsafeBufferPointer { pixels in
            colStart.withUnsafeMutableBufferPointer { colStart in
                colLast.withUnsafeMutableBufferPointer { colLast in
                    colInk.withUnsafeMutableBufferPointer { colInk in
                        let base = UnsafeRawPointer(pixels.baseAddress!)
                        for y in 0..<h {
                            let row = y * w
                            var start = -1, lastDark = -10, ink = 0, gaps = 0
                            var x = 0
                            while x < w {
                                // Most of a page is white: skip eight white pixels at a time.
                                if x + 8 <= w, base.loadUnaligned(fromByteOffset: row + x, as: UInt64.self) == .max {
                                    x += 8
                                    continue
                                }
                                let grey = pixels[row + x]
                                if grey < threshold, grey < fillFloor || !isFill(x, y, grey) {
                                    if start < 0 || x - lastDark > gap + 1 {
                                        if start >= 0, isLine(start, lastDark, ink: ink, gaps: gaps, minimum: rowMin) { rowRuns.append(Run(y, start, lastDark, gaps)) }
                                        start = x
                                        ink = 0
                                        gaps = 0
                                    } else if x - lastDark > speck + 1 {
                                        gaps += 1
                                    }
                                    lastDark = x
                                    ink += 1
                                    if colStart[x] < 0 || y - colLast[x] > gap + 1 {
                                        if colStart[x] >= 0, isLine(colStart[x], colLast[x], ink: colInk[x], gaps: colGaps[x], minimum: columnMin) {
                                            colRuns.append(Run(x, colStart[x], colLast[x], colGaps[x]))
                                        }
                                        colStart[x] = y
                                        colInk[x] = 0
                                        colGaps[x] = 0
                                    } else if y - colLast[x] > speck + 1 {
                                        colGaps[x] += 1
                                    }
                                    colLast[x] = y
                                    colInk[x] += 1
                                }
                                x += 1
                            }
                            if start >= 0, isLine(start, lastDark, ink: ink, gaps: gaps, minimum: rowMin) { rowRuns.append(Run(y, start, lastDark, gaps)) }
                        }
                        for x in 0..<w where colStart[x] >= 0 && isLine(colStart[x], colLast[x], ink: colInk[x], gaps: colGaps[x], minimum: columnMin) {
                            colRuns.append(Run(x, colStart[x], colLast[x], colGaps[x]))
                        }
                    }
                }
            }
        }
        // Column by column, top to bottom, as merging expects.
        colRuns.sort { ($0.pos, $0.lo) < ($1.pos, $1.lo) }
        let widest = Int(1.2 * pxPerMM) + 2
        func merge(_ raw: [Run]) -> [(pos: Double, lo: Int, hi: Int, dashed: Bool)] {
            var groups: [(last: Int, lo: Int, hi: Int, runs: [Run])] = []
            for r in raw {
                if let i = groups.lastIndex(where: { r.pos - $0.last <= 2 && r.lo <= $0.hi && r.hi >= $0.lo }) {
                    groups[i].last = r.pos
                    groups[i].lo = min(groups[i].lo, r.lo)
                    groups[i].hi = max(groups[i].hi, r.hi)
                    groups[i].runs.append(r)
                } else {
                    groups.append((r.pos, r.lo, r.hi, [r]))
                }
            }
            return groups.compactMap { group in
                var runs = group.runs
                // A rule touched by a seal's ring or a character's stroke: the rule is the
                // runs of about its length; the shorter ones beside it are the other marks.
                // A ring's own side is runs of gradually changing length, none standing out: it
                // stays too wide and is dropped.
                if runs.last!.pos - runs[0].pos > widest {
                    let longest = runs.map { $0.hi - $0.lo }.max()!
                    let others = runs.filter { $0.hi - $0.lo < longest / 2 }.map { $0.hi - $0.lo }.max() ?? 0
                    guard longest >= 3 * others else { return nil }
                    runs = runs.filter { $0.hi - $0.lo >= longest / 2 }
                }
                guard let first = runs.map(\.pos).min(), let last = runs.map(\.pos).max(), last - first <= widest else { return nil }
                return (Double(first + last) / 2, runs.map(\.lo).min()!, runs.map(\.hi).max()!, runs.contains(where: \.dashed))
            }
        }
        // A run bridged across gaps that passes through text is strokes of characters, not a
        // dashed rule: a rule keeps out of the words. (A recogniser's character boxes are rough
        // at the sides: a vertical must pass well inside them.)
        func throughText(_ lo: Double, _ hi: Double, across: (Rect) -> Bool, along: (Rect) -> (Double, Double)) -> Bool {
            let covered = text.filter(across).reduce(0.0) { sum, g in
                let (a, b) = along(g)
                return sum + max(0, min(b, hi) - max(a, lo))
            }
            return covered >= 0.3 * (hi - lo)
        }
        var hs = merge(rowRuns).compactMap { run -> Horizontal? in
            let line = Horizontal(y: run.pos / scale, x0: Double(run.lo) / scale, x1: Double(run.hi) / scale)
            if run.dashed, throughText(line.x0, line.x1, across: { $0.y0 <= line.y && line.y <= $0.y1 }, along: { ($0.x0, $0.x1) }) { return nil }
            return line
        }
        var vs = merge(colRuns).compactMap { run -> Vertical? in
            let line = Vertical(x: run.pos / scale, y0: Double(run.lo) / scale, y1: Double(run.hi) / scale)
            if run.dashed, throughText(line.y0, line.y1, across: { $0.x0 + 0.15 * $0.width <= line.x && line.x <= $0.x1 - 0.15 * $0.width }, along: { ($0.y0, $0.y1) }) { return nil }
            return line
        }
        // A stroke of a tall character (称, 1) that touches a rule above it is no column rule, nor
        // are strokes of characters set one above the other (a wrapped number's digits) that join
        // across the lines' gap: text covers the whole of it.
        vs.removeAll { v in
            let spans = text.filter { g in g.x0 < v.x && v.x < g.x1 && g.y1 + 0.3 * g.height > v.y0 && g.y0 - 0.3 * g.height < v.y1 }
                .map { (lo: $0.y0 - 0.3 * $0.height, hi: $0.y1 + 0.3 * $0.height) }.sorted { $0.lo < $1.lo }
            var reached = v.y0
            for span in spans where span.lo <= reached { reached = max(reached, span.hi) }
            return reached >= v.y1
        }
        // Strokes of small characters set tight (营活动事 at 9.5 pt) join into a run as long as a
        // rule: a horizontal that runs through the middle of the glyphs along most of it is text.
        hs.removeAll { hl in
            let through = text.filter { g in g.y0 + 0.15 * g.height < hl.y && hl.y < g.y1 - 0.15 * g.height && g.x1 > hl.x0 && g.x0 < hl.x1 }
            let covered = through.reduce(0.0) { $0 + min($1.x1, hl.x1) - max($1.x0, hl.x0) }
            return covered >= 0.5 * (hl.x1 - hl.x0)
        }
        // A widget's frame: a line along its edge and no longer than it (a table rule the widget
        // sits on runs on past it). Form exports draw the frame a few points outside the box.
        // A widget that fills its cell has its edge on the column rule: a rule whose ends meet
        // lines running on past it on both sides is the table's, not the frame's.
        let slack = 1.5 * unitsPerMM
        func crossed(_ v: Vertical, at y: Double) -> Bool {
            hs.contains { abs($0.y - y) <= slack && $0.x0 < v.x - 2 * slack && $0.x1 > v.x + 2 * slack }
        }
        vs.removeAll { v in
            widgets.contains { f in
                (abs(v.x - f.x0) <= slack || abs(v.x - f.x1) <= slack) && v.y0 >= f.y0 - slack && v.y1 <= f.y1 + slack
            } && !(crossed(v, at: v.y0) && crossed(v, at: v.y1))
        }
        // A frame's top or bottom may run on to the column rule just beside the widget (a text
        // area filling its cell): an end on a rule within twice the slack is still the frame's.
        func endsOnRule(_ end: Double, near edge: Double, y: Double) -> Bool {
            abs(end - edge) <= 2 * slack && vs.contains { abs($0.x - end) <= slack / 2 && $0.y0 - slack <= y && y <= $0.y1 + slack }
        }
        hs.removeAll { hl in
            widgets.contains { f in
                (abs(hl.y - f.y0) <= slack || abs(hl.y - f.y1) <= slack)
                    && (hl.x0 >= f.x0 - slack || endsOnRule(hl.x0, near: f.x0, y: hl.y))
                    && (hl.x1 <= f.x1 + slack || endsOnRule(hl.x1, near: f.x1, y: hl.y))
            }
        }
        // A table ruled across only (no column rules at all, as booktabs sets it): its long
        // horizontals with common ends bound rows; its sides are taken where they end.
        let long = hs.filter { $0.x1 - $0.x0 >= 0.5 * Double(w) / scale }
        if long.count >= 3, !vs.contains(where: { $0.y1 - $0.y0 >= 15 * unitsPerMM }),
           let left = long.map(\.x0).min(), let right = long.map(\.x1).max(),
           long.allSatisfy({ abs($0.x0 - left) <= 2 * slack && abs($0.x1 - right) <= 2 * slack }),
           let top = long.map(\.y).min(), let bottom = long.map(\.y).max() {
            vs = [Vertical(x: left, y0: top, y1: bottom), Vertical(x: right, y0: top, y1: bottom)]
        }
        // Keep only lines that meet another line: text strokes and fill-in underlines do not.
        vs = vs.filter { v in
            hs.contains { hl in hl.x0 - slack <= v.x && v.x <= hl.x1 + slack && (abs(hl.y - v.y0) <= slack || abs(hl.y - v.y1) <= slack) }
        }
        hs = hs.filter { hl in vs.contains { v in v.y0 - slack <= hl.y && hl.y <= v.y1 + slack && v.x >= hl.x0 - slack && v.x <= hl.x1 + slack } }
        return withoutNestedFrames(RulingGrid(horizontals: hs, verticals: vs), slack: slack)
    }

    /// Drops a frame drawn inside a cell and touching none of its rules (a word processor's field
    /// frame round a value, 其他（[公务员医疗补助]）): the cell is the table's, and a frame taken for
    /// cell walls cut the value off from its label's cell.
    private static func withoutNestedFrames(_ grid: RulingGrid, slack: Double) -> RulingGrid {
        let hs = grid.horizontals, vs = grid.verticals
        // Lines that meet are one drawing: horizontals are 0..<hs.count, verticals after them.
        var parent = Array(0..<(hs.count + vs.count))
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        for (i, hl) in hs.enumerated() {
            for (j, v) in vs.enumerated()
            where hl.x0 - slack <= v.x && v.x <= hl.x1 + slack && v.y0 - slack <= hl.y && hl.y <= v.y1 + slack {
                parent[root(i)] = root(hs.count + j)
            }
        }
        var members: [Int: [Int]] = [:]
        for i in parent.indices { members[root(i), default: []].append(i) }
        guard members.count > 1 else { return grid }
        var dropped = Set<Int>()
        for group in members.values {
            let own = Set(group)
            let x0 = group.map { $0 < hs.count ? hs[$0].x0 : vs[$0 - hs.count].x }.min()!
            let x1 = group.map { $0 < hs.count ? hs[$0].x1 : vs[$0 - hs.count].x }.max()!
            let y0 = group.map { $0 < hs.count ? hs[$0].y : vs[$0 - hs.count].y0 }.min()!
            let y1 = group.map { $0 < hs.count ? hs[$0].y : vs[$0 - hs.count].y1 }.max()!
            func other(_ i: Int) -> Bool { !own.contains(i) && !dropped.contains(i) }
            let above = hs.indices.contains { other($0) && hs[$0].y < y0 - slack && hs[$0].x0 <= x0 && hs[$0].x1 >= x1 }
            let below = hs.indices.contains { other($0) && hs[$0].y > y1 + slack && hs[$0].x0 <= x0 && hs[$0].x1 >= x1 }
            let left = vs.indices.contains { other($0 + hs.count) && vs[$0].x < x0 - slack && vs[$0].y0 <= y0 && vs[$0].y1 >= y1 }
            let right = vs.indices.contains { other($0 + hs.count) && vs[$0].x > x1 + slack && vs[$0].y0 <= y0 && vs[$0].y1 >= y1 }
            if above && below && left && right { dropped.formUnion(group) }
        }
        guard !dropped.isEmpty else { return grid }
        return RulingGrid(horizontals: hs.indices.filter { !dropped.contains($0) }.map { hs[$0] },
                          verticals: vs.indices.filter { !dropped.contains($0 + hs.count) }.map { vs[$0] })
    }

    /// The vertical ends on a horizontal line at both ends, as a table's column rule does (a
    /// seal ring's side, however straight, does not).
    func isClosed(_ v: Vertical, slack: Double) -> Bool {
        func meets(_ y: Double) -> Bool { horizontals.contains { abs($0.y - y) <= slack && $0.x0 - slack <= v.x && v.x <= $0.x1 + slack } }
        return meets(v.y0) && meets(v.y1)
    }

    /// The cell holding the point, bounded by the nearest lines on all four sides; verticals
    /// shorter than `minimumHeight` do not count.
    func cell(atX x: Double, y: Double, slack: Double = 1.5, minimumHeight: Double = 0) -> Rect? {
        guard !isEmpty else { return nil }
        var left = -Double.infinity, right = Double.infinity, top = -Double.infinity, bottom = Double.infinity
        for v in verticals where v.y0 - slack <= y && y <= v.y1 + slack && v.y1 - v.y0 >= minimumHeight {
            if v.x < x { left = max(left, v.x) } else if v.x > x { right = min(right, v.x) }
        }
        for h in horizontals where h.x0 - slack <= x && x <= h.x1 + slack {
            if h.y < y { top = max(top, h.y) } else if h.y > y { bottom = min(bottom, h.y) }
        }
        guard left.isFinite, right.isFinite, top.isFinite, bottom.isFinite else { return nil }
        return Rect(x0: left, y0: top, x1: right, y1: bottom)
    }
}
