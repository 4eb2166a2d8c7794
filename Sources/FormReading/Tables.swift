import Catalog
import IntakeCore

extension Reading {
    /// How far (mm) from the line of a table's headers its other header words may stand: a
    /// two-level header spans two rows of about 8 mm; the 说明 under a table is further.
    static let headerBandMM = 25.0
    /// The shortest rule (mm) that bounds a column: a header of 8 mm and one row of 7 mm.
    static let columnRuleMM = 15.0

    /// Records where a cell of printed words stands, so value cells can be found beside it.
    mutating func locate(_ cell: PlacedCell, placed: [[PlacedCell]]) {
        for b in cell.cell.blocks.indices {
            guard let o = assigned[.cell(row: cell.row, cell: cell.index, block: b)] else { continue }
            if let box = model.grids[o.page].cell(atX: o.box.midX, y: o.box.midY) {
                located[cell.row, default: [:]][cell.index] = (o.page, box)
            }
            return
        }
        // Words too short to search for (元, 人次 found elsewhere): placed beside their neighbour.
        if let (page, box) = neighbourCell(cell, placed: placed) { located[cell.row, default: [:]][cell.index] = (page, box) }
    }

    /// A multi-row table: the columns from the header words above the template row (on every
    /// page that repeats them), the rows from the ruling lines below (or one per text line).
    mutating func table(key: String, templateRow: Int, placed: [[PlacedCell]]) -> RawRead {
        let template = placed[templateRow]
        // For each column of the template row, the deepest header cell above it.
        var columns: [(key: String, header: PlacedCell)] = []
        for cell in template {
            guard let columnKey = cell.cell.blocks.compactMap(\.fieldKey).first else { continue }
            var header: PlacedCell?
            for r in stride(from: templateRow - 1, through: 0, by: -1) where header == nil {
                header = placed[r].first { h in
                    h.column <= cell.column && cell.column + cell.span <= h.column + h.span
                        && h.cell.blocks.contains { LayoutPlan.anchorText($0) != nil }
                }
            }
            if let header { columns.append((columnKey, header)) }
        }
        // Header rows below the deepest one with words (column numbers 1 2 3 …) are skipped.
        let deepest = columns.map(\.header.row).max() ?? templateRow
        let skip = ((deepest + 1)..<templateRow).filter { form.layout.rows[$0].header }.count
        var rows: [[String: [GlyphRef]]] = []
        var previous: [(key: String, x0: Double, x1: Double)]? = nil
        var firstPage: Int?
        var firstRegion: Rect?
        for page in model.lines.indices {
            var xs: [(key: String, x0: Double, x1: Double)] = []
            var headerBottom = -Double.infinity
            var wordsBottom = -Double.infinity
            var words: [(key: String, x0: Double, x1: Double)] = []
            var headerGlyphs: Set<GlyphRef> = []
            // Each column's header words on this page, the k-th with its text in the header row
            // being the k-th on the page, left to right.
            var found: [(key: String, occurrences: [Occurrence], rank: Int)] = []
            for (columnKey, header) in columns {
                guard let text = header.cell.blocks.compactMap(LayoutPlan.anchorText).first,
                      let all = headerOccurrences[MatchText.codes(text)] ?? assigned[.cell(row: header.row, cell: header.index, block: 0)].map({ [$0] })
                else { continue }
                let rank = placed[header.row].filter { $0.index < header.index && $0.cell.blocks.compactMap(LayoutPlan.anchorText).first == text }.count
                found.append((columnKey, all.filter { $0.page == page }.sorted { $0.box.x0 < $1.box.x0 }, rank))
            }
            // The same words printed elsewhere (发放方式 in the 说明 below the table) are not the
            // header: only occurrences near the other headers' line count.
            let lines = found.compactMap { $0.rank < $0.occurrences.count ? $0.occurrences[$0.rank].box.midY : nil }.sorted()
            let headerLine = lines.isEmpty ? 0 : lines[lines.count / 2]
            let reach = Self.headerBandMM * model.unitsPerMM[page]
            for (columnKey, occurrences, rank) in found {
                let near = occurrences.filter { abs($0.box.midY - headerLine) <= reach }
                guard rank < near.count else { continue }
                let o = near[rank]
                // A column's rules run down the header and the rows; shorter strokes (a seal's
                // ring over the header on a scan) do not bound it.
                let box = model.grids[page].cell(atX: o.box.midX, y: o.box.midY,
                                                 minimumHeight: Self.columnRuleMM * model.unitsPerMM[page]) ?? o.box
                xs.append((columnKey, box.x0, box.x1))
                words.append((columnKey, o.box.x0, o.box.x1))
                headerGlyphs.formUnion(o.refs)
                headerBottom = max(headerBottom, box.y1)
                wordsBottom = max(wordsBottom, o.box.y1)
            }
            // Cells shared by several headers (a table ruled across only): the columns are the
            // headers' words, reaching half way to their neighbours.
            let byX = xs.sorted { $0.x0 < $1.x0 }
            if let left = byX.first?.x0, let right = byX.map(\.x1).max(),
               !model.grids[page].verticals.contains(where: { $0.x > left + model.unitsPerMM[page] && $0.x < right - model.unitsPerMM[page] }),
               zip(byX, byX.dropFirst()).contains(where: { $1.x0 < $0.x1 - model.unitsPerMM[page] }) {
                xs = widened(words, within: model.grids[page].verticals.map(\.x).min().map { ($0, model.grids[page].verticals.map(\.x).max()!) })
            }
            if xs.count < max(1, columns.count / 2) {
                // A page that continues the table without repeating its header.
                guard let previous, firstPage != nil else { continue }
                xs = previous
                headerBottom = -Double.infinity
            } else if xs.count < columns.count {
                // Columns whose header was not found: the gap between their neighbours.
                xs = fillMissing(xs, columns: columns.map(\.key), page: page, below: headerBottom)
            }
            if firstPage == nil, let left = xs.map(\.x0).min(), let right = xs.map(\.x1).max() {
                firstPage = page
                // Below the header's words: its cell may reach the table's foot when rules are lost.
                let top = wordsBottom.isFinite ? wordsBottom : 0
                firstRegion = Rect(x0: left, y0: top, x1: right, y1: top + Self.headerBandMM * model.unitsPerMM[page])
            }
            // Without a grid, a column reaches half way to its neighbours.
            if model.grids[page].isEmpty { xs = widened(xs) }
            previous = xs
            rows += tableRows(page: page, columns: xs, below: headerBottom, skip: headerBottom.isFinite ? skip : 0,
                              header: headerGlyphs)
        }
        // Cells holding several values (自 … 至 …) are divided like any other cell.
        let multi = template.filter { $0.cell.blocks.compactMap(\.fieldKey).count > 1 }
        if !multi.isEmpty {
            rows = rows.map { row in
                var row = row
                for cell in multi {
                    guard let first = cell.cell.blocks.compactMap(\.fieldKey).first, let refs = row[first] else { continue }
                    for (k, v) in Segments.split(refs, pieces: Segments.pieces(cell.cell.blocks), model: model) { row[k] = v }
                }
                return row
            }
        }
        var read = RawRead(refs: [], page: firstPage, rows: rows)
        // No row found, yet text stands in the columns just below the header: the rows' rules
        // were not seen (dashed, or none at all). Not vouched for as an empty table.
        if rows.isEmpty, let page = firstPage, let region = firstRegion,
           model.glyphs(in: region, page: page).count >= 4 {
            read.placeGuessed = true
        }
        return read
    }

    /// Columns whose header was not found lie between found neighbours: split that gap at the
    /// ruling lines inside it when they are as many as the columns need, else evenly.
    private func fillMissing(_ xs: [(key: String, x0: Double, x1: Double)], columns: [String], page: Int,
                             below top: Double) -> [(key: String, x0: Double, x1: Double)] {
        var result: [(key: String, x0: Double, x1: Double)] = []
        var i = 0
        while i < columns.count {
            if let x = xs.first(where: { $0.key == columns[i] }) { result.append(x); i += 1; continue }
            // A run of missing columns i..<j.
            var j = i
            while j < columns.count, !xs.contains(where: { $0.key == columns[j] }) { j += 1 }
            let left = result.last?.x1 ?? (xs.map(\.x0).min() ?? 0)
            let right = j < columns.count ? xs.first { $0.key == columns[j] }!.x0 : (xs.map(\.x1).max() ?? left)
            let count = j - i
            guard right > left else { i = j; continue }
            let slack = 1.5 * model.unitsPerMM[page]
            let rules = model.grids[page].verticals
                .filter { $0.x > left + slack && $0.x < right - slack && $0.y1 > top + slack }
                .map(\.x).sorted()
            var cuts: [Double] = []
            for x in rules where cuts.last.map({ x - $0 > slack }) ?? true { cuts.append(x) }
            let edges = cuts.count == count - 1
                ? [left] + cuts + [right]
                : (0...count).map { left + (right - left) * Double($0) / Double(count) }
            for k in 0..<count { result.append((columns[i + k], edges[k], edges[k + 1])) }
            i = j
        }
        return result
    }

    /// Columns reaching half way to their neighbours; the outer ones to the table's sides when
    /// known (`within`), else a little past their words.
    private func widened(_ xs: [(key: String, x0: Double, x1: Double)], within sides: (Double, Double)? = nil) -> [(key: String, x0: Double, x1: Double)] {
        let sorted = xs.sorted { $0.x0 < $1.x0 }
        return sorted.enumerated().map { i, c in
            let lo = i == 0 ? sides?.0 ?? c.x0 - 20 : (sorted[i - 1].x1 + c.x0) / 2
            let hi = i == sorted.count - 1 ? sides?.1 ?? c.x1 + 20 : (c.x1 + sorted[i + 1].x0) / 2
            return (c.key, min(lo, c.x0), max(hi, c.x1))
        }
    }

    /// The rows below `top`. A header's words that run on past their cell (出生医学证明编号 clipped
    /// in a shallow header on a continuation page) are neither in a row nor the end of the table.
    private func tableRows(page: Int, columns: [(key: String, x0: Double, x1: Double)], below top: Double, skip: Int,
                           header: Set<GlyphRef>) -> [[String: [GlyphRef]]] {
        guard let left = columns.map(\.x0).min(), let right = columns.map(\.x1).max() else { return [] }
        let grid = model.grids[page]
        let slack = 1.5 * model.unitsPerMM[page]
        var bands: [(Double, Double)] = []
        if !grid.isEmpty {
            let ys = grid.horizontals
                .filter { $0.y > top - slack / 2 || top == -.infinity }
                .filter { $0.x0 <= left + (right - left) * 0.25 && $0.x1 >= right - (right - left) * 0.25 }
                .map(\.y).sorted()
            for (a, b) in zip(ys, ys.dropFirst()) where b - a > slack { bands.append((a, b)) }
        } else {
            for line in model.lines[page] where line.box.y0 > top {
                bands.append((line.box.y0 - 0.1, line.box.y1 + 0.1))
            }
        }
        var rows: [[String: [GlyphRef]]] = []
        for (y0, y1) in bands.dropFirst(skip) {
            var row: [String: [GlyphRef]] = [:]
            var claimedInside = false
            for column in columns {
                let box = Rect(x0: column.x0, y0: y0, x1: column.x1, y1: y1)
                let all = model.glyphs(in: box, page: page, includeClaimed: true)
                if all.contains(where: { model.claimed.contains($0) && !header.contains($0) }) { claimedInside = true }
                row[column.key] = all.filter { !model.claimed.contains($0) }
            }
            // Printed words below the table (说明, 单位负责人) end it.
            if claimedInside { if rows.isEmpty { continue } else { break } }
            row = keepingWordsWhole(row, columns: columns, page: page, y0: y0, y1: y1)
            if row.values.contains(where: { !$0.isEmpty }) { rows.append(row) }
        }
        return rows
    }

    /// A word running over a column edge no rule draws (a 19-digit card number wider than its
    /// header's reach) goes whole to the column holding its middle, not cut in two. Typed text
    /// only: OCR sets neighbouring cells' text as close as a word's characters.
    private func keepingWordsWhole(_ row: [String: [GlyphRef]], columns: [(key: String, x0: Double, x1: Double)], page: Int,
                                   y0: Double, y1: Double) -> [String: [GlyphRef]] {
        guard !model.pages[page].judgeTicksFromPixels else { return row }
        let sorted = columns.sorted { $0.x0 < $1.x0 }
        let grid = model.grids[page]
        let slack = model.unitsPerMM[page]
        func ruled(_ x: Double) -> Bool { grid.verticals.contains { abs($0.x - x) <= slack && $0.y0 <= y0 + slack && $0.y1 >= y1 - slack } }
        var open = zip(sorted, sorted.dropFirst()).filter { !ruled($0.0.x1) }.map { ($0.0.x1 + $0.1.x0) / 2 }
        // The table's outer sides too: a last column without its right rule (a table run off
        // the page) is bounded by its header's words, narrower than the number below them.
        let left = sorted[0].x0, right = sorted.map(\.x1).max()!
        let reach = (ruled(left) ? left : 0, ruled(right) ? right : model.pages[page].width)
        if !ruled(left) { open.append(left) }
        if !ruled(right) { open.append(right) }
        guard !open.isEmpty else { return row }
        // Every glyph of the row across the table, also in gaps between columns.
        let all = model.glyphs(in: Rect(x0: reach.0, y0: y0, x1: reach.1, y1: y1), page: page)
        // Runs of glyphs set close together on one line.
        var runs: [[GlyphRef]] = []
        for ref in all.sorted(by: { ($0.line, model.glyph($0).box.x0) < ($1.line, model.glyph($1).box.x0) }) {
            let g = model.glyph(ref).box
            if let last = runs.last?.last, last.line == ref.line, g.x0 - model.glyph(last).box.x1 <= 0.3 * g.height {
                runs[runs.count - 1].append(ref)
            } else {
                runs.append([ref])
            }
        }
        guard runs.contains(where: { run in
            let x0 = model.glyph(run[0]).box.x0, x1 = model.glyph(run[run.count - 1]).box.x1
            return open.contains { x0 < $0 && $0 < x1 }
        }) else { return row }
        var result = row.mapValues { _ in [GlyphRef]() }
        for run in runs {
            // Words wholly outside the table are not its.
            guard model.glyph(run[run.count - 1]).box.x1 > left, model.glyph(run[0]).box.x0 < right else { continue }
            let mid = (model.glyph(run[0]).box.x0 + model.glyph(run[run.count - 1]).box.x1) / 2
            guard let column = sorted.first(where: { $0.x0 <= mid && mid < $0.x1 }) ?? sorted.min(by: {
                min(abs($0.x0 - mid), abs($0.x1 - mid)) < min(abs($1.x0 - mid), abs($1.x1 - mid))
            }) else { continue }
            result[column.key, default: []] += run
        }
        // Reading order within each column, as the cells gave it.
        return result.mapValues { refs in refs.sorted { ($0.line, model.glyph($0).box.x0) < ($1.line, model.glyph($1).box.x0) } }
    }
}
