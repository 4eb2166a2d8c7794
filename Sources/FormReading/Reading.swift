import Catalog
import IntakeCore

/// What was found for one field before it is interpreted by type.
struct RawRead {
    /// The value's glyphs, in reading order.
    var refs: [GlyphRef]
    var page: Int?
    /// For checkbox groups: each option found and whether it is ticked.
    var ticks: [Ticks.Found] = []
    /// For tables: one dictionary of column key → glyphs per row.
    var rows: [[String: [GlyphRef]]]? = nil
    /// See `ReadValue.placeGuessed`.
    var placeGuessed = false
}

/// One pass of reading a form over a set of pages.
struct Reading {
    let model: PageModels
    let form: FormDefinition
    /// The occurrence assigned to each stopper of the layout.
    var assigned: [Stopper.Place: Occurrence] = [:]
    /// Every occurrence of header-row words, per text (match codes; a long table repeats them
    /// on each page).
    var headerOccurrences: [[UInt32]: [Occurrence]] = [:]
    private var repeatCandidates: [[UInt32]: [Occurrence]] = [:]
    /// Physical cells found for layout cells.
    var located: [Int: [Int: (page: Int, box: Rect)]] = [:]

    init(model: PageModels, form: FormDefinition) {
        self.model = model
        self.form = form
    }

    // MARK: Finding the printed words

    mutating func findStoppers(_ groups: [StopperGroup]) {
        for group in groups {
            let text = group.codes
            let instances = group.instances
            var found = occurrences(of: text)
            if found.count < instances.count { found += splitOccurrences(of: text) }
            found.sort { $0.precedes($1) }
            for (instance, occurrence) in zip(instances, found) {
                assigned[instance.place] = occurrence
                occurrence.refs.forEach { model.claimed.insert($0) }
                // The star a form sets before a required field's label (*单位名称) is the label's,
                // not the end of the value before it.
                if let first = occurrence.refs.first, first.index > 0,
                   case let star = GlyphRef(page: first.page, line: first.line, index: first.index - 1),
                   "*＊".contains(model.glyph(star).character) {
                    model.claimed.insert(star)
                }
            }
            if group.inHeaderRow {
                headerOccurrences[text] = Array(found.prefix(instances.count))
                repeatCandidates[text] = Array(found.dropFirst(instances.count))
            }
        }
        settleRepeats()
    }

    /// A header word found again counts as a repeated header (claimed, a column of the table)
    /// only beside another header word on its line; elsewhere it is part of a value.
    private mutating func settleRepeats() {
        let all = headerOccurrences.values.flatMap { $0 } + repeatCandidates.values.flatMap { $0 }
        for (text, candidates) in repeatCandidates {
            for o in candidates where all.contains(where: { $0.page == o.page && $0.line == o.line && $0.box.x0 != o.box.x0 }) {
                headerOccurrences[text, default: []].append(o)
                o.refs.forEach { model.claimed.insert($0) }
            }
        }
    }

    /// True when `codes[at...]` starts with `text[from..<to]`.
    private func matches(_ codes: [UInt32], at p: Int, _ text: [UInt32], from: Int = 0, to: Int) -> Bool {
        guard p + (to - from) <= codes.count else { return false }
        var k = from
        while k < to {
            if codes[p + k - from] != text[k] { return false }
            k += 1
        }
        return true
    }

    /// The box of glyphs `refs`, starting from `box`.
    private func union(_ refs: [GlyphRef], with box: Rect) -> Rect {
        refs.reduce(box) { $0.union(model.glyph($1).box) }
    }

    private func occurrences(of text: [UInt32]) -> [Occurrence] {
        var result: [Occurrence] = []
        guard let first = text.first else { return result }
        for page in model.lines.indices {
            for (l, codes) in model.codes[page].enumerated() where codes.count >= text.count {
                var p = 0
                while p + text.count <= codes.count {
                    if codes[p] == first, matches(codes, at: p, text, to: text.count) {
                        let refs = (p..<(p + text.count)).map { GlyphRef(page: page, line: l, index: $0) }
                        if !refs.contains(where: model.claimed.contains) {
                            result.append(Occurrence(page: page, refs: refs, box: union(refs, with: model.glyph(refs[0]).box), line: l))
                            p += text.count
                            continue
                        }
                    }
                    p += 1
                }
            }
        }
        return result
    }

    /// A label wrapped inside its cell: a prefix ending a run on one line, the rest starting runs
    /// on the lines just below it (a narrow column sets 胎/儿/数 one character per line).
    private func splitOccurrences(of text: [UInt32]) -> [Occurrence] {
        guard text.count >= 2 else { return [] }
        var result: [Occurrence] = []
        for page in model.lines.indices {
            let lines = model.lines[page]
            let folds = model.codes[page]
            for l in lines.indices {
                let chars = folds[l]
                let line = lines[l]
                let h = max(line.charHeight, 1)
                for k in stride(from: text.count - 1, through: 1, by: -1) where chars.count >= k {
                    for p in 0...(chars.count - k) where chars[p] == text[0] && matches(chars, at: p, text, to: k) {
                        guard isRun(line, from: p, to: p + k, h: h) else { continue }
                        var refs = (p..<(p + k)).map { GlyphRef(page: page, line: l, index: $0) }
                        var done = k
                        var lastY = line.box.midY
                        var box = union(refs, with: line.glyphs[p].box)
                        var l2 = l + 1
                        while done < text.count, l2 < lines.count, lines[l2].box.midY - lastY <= 2.2 * h {
                            let c2 = folds[l2]
                            var matched = false
                            for q in c2.indices {
                                let start = lines[l2].glyphs[q]
                                guard start.box.x0 >= box.x0 - 1.5 * h, start.box.x0 <= box.x1 + 0.5 * h else { continue }
                                var n = 0
                                while done + n < text.count, q + n < c2.count, c2[q + n] == text[done + n] { n += 1 }
                                guard n > 0, isRun(lines[l2], from: q, to: q + n, h: h, needEnd: done + n < text.count || n == 1) else { continue }
                                let more = (q..<(q + n)).map { GlyphRef(page: page, line: l2, index: $0) }
                                refs += more
                                box = union(more, with: box)
                                done += n
                                lastY = lines[l2].box.midY
                                matched = true
                                break
                            }
                            if !matched && lines[l2].box.midY - lastY > 0.9 * h { break }
                            l2 += 1
                        }
                        guard done == text.count, !refs.contains(where: model.claimed.contains) else { continue }
                        result.append(Occurrence(page: page, refs: refs, box: box, line: l))
                    }
                }
            }
        }
        return result
    }

    /// Glyphs `from..<to` of a line stand apart from their neighbours (a cell's own text).
    private func isRun(_ line: TextLine, from: Int, to: Int, h: Double, needEnd: Bool = true) -> Bool {
        let glyphs = line.glyphs
        if needEnd, to < glyphs.count, glyphs[to].box.x0 - glyphs[to - 1].box.x1 < 0.45 * h { return false }
        if from > 0, glyphs[from].box.x0 - glyphs[from - 1].box.x1 < 0.45 * h { return false }
        return true
    }
    // MARK: Values in cells

    mutating func cellValues(_ cell: PlacedCell, placed: [[PlacedCell]]) -> [String: RawRead] {
        let blocks = cell.cell.blocks
        var own: [(block: Int, occurrence: Occurrence)] = []
        for b in blocks.indices {
            if let o = assigned[.cell(row: cell.row, cell: cell.index, block: b)] { own.append((b, o)) }
        }
        var result: [String: RawRead] = [:]
        if let first = own.first {
            let page = first.occurrence.page
            let ownRefs = own.map { Set($0.occurrence.refs) }
            // A ruled box holding another cell's printed words is not this cell: rules are missing
            // (thin grey rules lost in a black-and-white scan). Read as without a grid, or the
            // value runs on through every cell of the box.
            if let box = model.grids[page].cell(atX: first.occurrence.box.midX, y: first.occurrence.box.midY),
               case let all = model.glyphs(in: box, page: page, includeClaimed: true),
               !all.contains(where: { ref in model.claimed.contains(ref) && !ownRefs.contains { $0.contains(ref) } }) {
                located[cell.row, default: [:]][cell.index] = (page, box)
                // The cell's glyphs in reading order, cut at its own printed words.
                var segments: [[GlyphRef]] = [[]]
                var segmentOfBlock: [Int: Int] = [:]
                var seen = Set<Int>()
                for ref in all {
                    if let k = ownRefs.firstIndex(where: { $0.contains(ref) }) {
                        if !seen.contains(k) { seen.insert(k); segments.append([]); segmentOfBlock[own[k].block] = segments.count - 1 }
                        continue
                    }
                    if model.claimed.contains(ref) { continue }
                    segments[segments.count - 1].append(ref)
                }
                // Blocks between two of the cell's printed words share that stretch of text.
                var groups: [Int: [Block]] = [:]
                var current = 0
                for (b, block) in blocks.enumerated() {
                    if let s = segmentOfBlock[b] { current = s; continue }
                    groups[current, default: []].append(block)
                }
                for (s, group) in groups {
                    let pieces = Segments.pieces(group)
                    for (key, refs) in Segments.split(segments[s], pieces: pieces, model: model) {
                        guard let block = group.first(where: { $0.fieldKey == key }) else { continue }
                        result[key] = raw(refs, page: page, block: block)
                    }
                }
                // A cell that closes right after its label (a form drawing its own boxes, a
                // fillable widget's frame): the value stands beside or below, as without a grid.
                // Text in a cell with printed words of its own, or in another row, is not this
                // one's (a blank 变更事项 beside a filled 原登记事项, a blank 所在部门 above 备注).
                var anchor: Occurrence? = nil
                for (b, block) in blocks.enumerated() {
                    if let o = own.first(where: { $0.block == b }) { anchor = o.occurrence; continue }
                    // The label's own colon left in the cell is no value.
                    guard let key = block.fieldKey, let anchor,
                          result[key]?.refs.allSatisfy({ ":：".contains(model.glyph($0).character) }) ?? true else { continue }
                    let refs = freeRegion(after: anchor, options: options(key)).filter { !inOtherCell($0, than: anchor, row: cell.row) }
                    if !refs.isEmpty { result[key] = raw(refs, page: anchor.page, block: block) }
                }
                return result
            }
            // No grid: each field takes the text after the printed words before it. Nothing
            // found there is no proof of a blank (a value set high in a tall cell, beside the
            // row above): not vouched for.
            var anchor: Occurrence? = nil
            for (b, block) in blocks.enumerated() {
                if let o = own.first(where: { $0.block == b }) { anchor = o.occurrence; continue }
                guard let key = block.fieldKey else { continue }
                if let anchor {
                    result[key] = raw(freeRegion(after: anchor, options: options(key)).filter { !inOtherCell($0, than: anchor, row: cell.row) },
                                      page: anchor.page, block: block)
                } else if let prev = previousAnchor(cell) {
                    result[key] = raw(freeRegion(after: prev, above: first.occurrence.box.y0).filter { !inOtherCell($0, than: prev, row: cell.row) },
                                      page: prev.page, block: block)
                }
                if result[key]?.refs.isEmpty == true { result[key]?.placeGuessed = true }
            }
            return result
        }
        // A cell of values only: the cell right of the previous one in its row, or below the one above.
        guard let key = blocks.compactMap(\.fieldKey).first, let block = blocks.first(where: { $0.fieldKey != nil }) else { return [:] }
        if let (page, box) = neighbourCell(cell, placed: placed), !model.glyphs(in: box, page: page).isEmpty || previousAnchor(cell) == nil {
            located[cell.row, default: [:]][cell.index] = (page, box)
            for (k, refs) in Segments.split(model.glyphs(in: box, page: page), pieces: Segments.pieces(blocks), model: model) {
                guard let b = blocks.first(where: { $0.fieldKey == k }) else { continue }
                result[k] = raw(refs, page: page, block: b)
            }
        } else if let prev = previousAnchor(cell) {
            result[key] = raw(freeRegion(after: prev, options: options(key)).filter { !inOtherCell($0, than: prev, row: cell.row) },
                              page: prev.page, block: block)
            if result[key]?.refs.isEmpty == true { result[key]?.placeGuessed = true }
        }
        // Its label, the printed words just before it, was not found: the cell taken for it is a
        // guess (a blank read there may be the wrong cell's).
        let row = form.layout.rows[cell.row]
        if cell.index > 0, row.cells[cell.index - 1].blocks.contains(where: { LayoutPlan.anchorText($0) != nil }),
           !row.cells[cell.index - 1].blocks.indices.contains(where: { assigned[.cell(row: cell.row, cell: cell.index - 1, block: $0)] != nil }) {
            for k in result.keys { result[k]?.placeGuessed = true }
            if result[key] == nil { result[key] = RawRead(refs: [], page: nil, placeGuessed: true) }
        }
        return result
    }

    /// Whether `ref` stands in a ruled cell that cannot hold the value of the label `anchor`: not
    /// the label's own cell, and one that holds printed words of its own or lies in another row
    /// (a blank cell's value is not the next row's). The row reaches as far as the cells of
    /// layout row `row` found so far (a frame drawn round a date under 单位（盖章） is in the row
    /// of 单位申明).
    private func inOtherCell(_ ref: GlyphRef, than anchor: Occurrence, row: Int) -> Bool {
        let g = model.glyph(ref).box
        guard let cell = model.grids[ref.page].cell(atX: g.midX, y: g.midY),
              !cell.contains(x: anchor.box.midX, y: anchor.box.midY) else { return false }
        let own = model.grids[ref.page].cell(atX: anchor.box.midX, y: anchor.box.midY) ?? anchor.box
        let slack = model.unitsPerMM[ref.page]
        // Cells spanning several rows (a group label) say nothing of this row's height.
        let band = (located[row] ?? [:]).filter { $0.value.page == ref.page && form.layout.rows[row].cells[$0.key].rowspan == 1 }.map(\.value.box)
        let top = band.map(\.y0).min().map { min($0, own.y0) } ?? own.y0
        let bottom = band.map(\.y1).max().map { max($0, own.y1) } ?? own.y1
        if cell.y0 >= bottom - slack || cell.y1 <= top + slack { return true }
        return model.glyphs(in: cell, page: ref.page, includeClaimed: true).contains(where: model.claimed.contains)
    }

    /// The printed word nearest before `cell` in its row.
    private func previousAnchor(_ cell: PlacedCell) -> Occurrence? {
        let row = form.layout.rows[cell.row]
        for i in stride(from: cell.index - 1, through: 0, by: -1) {
            for b in row.cells[i].blocks.indices.reversed() {
                if let o = assigned[.cell(row: cell.row, cell: i, block: b)] { return o }
            }
        }
        return nil
    }

    func neighbourCell(_ cell: PlacedCell, placed: [[PlacedCell]]) -> (Int, Rect)? {
        let row = form.layout.rows[cell.row]
        for i in stride(from: cell.index - 1, through: 0, by: -1) {
            guard let (page, prev) = located[cell.row]?[i] else { continue }
            // A label's own text stands within its row even when the cell spans several rows.
            var y = prev.midY
            if row.cells[i].rowspan > 1 { return nil }
            if let o = row.cells[i].blocks.indices.compactMap({ assigned[.cell(row: cell.row, cell: i, block: $0)] }).first { y = o.box.midY }
            let slack = 1.2 * model.unitsPerMM[page]
            // The label's box, a row high, holds text right of it (no column rule between label
            // and value, a table ruled across only): the value is there, up to the next printed word.
            if let o = row.cells[i].blocks.indices.compactMap({ assigned[.cell(row: cell.row, cell: i, block: $0)] }).last,
               case let h = model.glyph(o.refs[0]).box.height, prev.height <= 6 * h {
                // Past the label's own colon.
                let colon = model.glyphs(in: Rect(x0: o.box.x1 - h, y0: o.box.y0, x1: o.box.x1 + h, y1: o.box.y1), page: page)
                    .filter { ":：".contains(model.glyph($0).character) }.map { model.glyph($0).box.x1 }.max()
                let band = Rect(x0: max(o.box.x1, colon ?? 0), y0: prev.y0, x1: prev.x1, y1: prev.y1)
                let stop = model.glyphs(in: band, page: page, includeClaimed: true).filter(model.claimed.contains)
                    .map { model.glyph($0).box.x0 }.min() ?? band.x1
                let rest = Rect(x0: band.x0, y0: band.y0, x1: stop, y1: band.y1)
                if model.glyphs(in: rest, page: page).contains(where: { !":：*＊".contains(model.glyph($0).character) }) { return (page, rest) }
            }
            guard let box = model.grids[page].cell(atX: prev.x1 + slack, y: y), box.x0 >= prev.x1 - slack else { return nil }
            return (page, box)
        }
        // First in its row: under the cell above.
        for r in stride(from: cell.row - 1, through: 0, by: -1) {
            for above in placed[r] where above.column <= cell.column && cell.column < above.column + above.span {
                guard let (page, box) = located[r]?[above.index] else { continue }
                let slack = 1.2 * model.unitsPerMM[page]
                let x = above.column == cell.column ? box.x0 + 2 * slack : box.midX
                if let below = model.grids[page].cell(atX: x, y: box.y1 + slack) { return (page, below) }
            }
        }
        return nil
    }

    /// The printed options of a check-box field, none for other fields.
    private func options(_ key: String) -> [String] {
        guard let field = form.fields.first(where: { $0.key == key }), field.type == .choice || field.type == .multiChoice else { return [] }
        return field.options
    }

    /// Text after `anchor` on its line up to the next printed word; when there is none, the
    /// lines below it in its column, up to the next printed word or a wide gap. `options`: a
    /// check-box field's, whose lines may also stand above the label's.
    func freeRegion(after anchor: Occurrence, above limit: Double? = nil, options: [String] = []) -> [GlyphRef] {
        let page = anchor.page
        let lines = model.lines[page]
        let line = lines[anchor.line]
        let h = max(line.charHeight, 1)
        let last = anchor.refs.filter { $0.line == anchor.line }.map(\.index).max() ?? 0
        var sameLine: [GlyphRef] = []
        var right = model.pages[page].width
        for i in (last + 1)..<line.glyphs.count {
            let ref = GlyphRef(page: page, line: anchor.line, index: i)
            if model.claimed.contains(ref) { right = line.glyphs[i].box.x0; break }
            sameLine.append(ref)
        }
        let meaningful = sameLine.filter { !":：".contains(model.glyph($0).character) }
        if let start = meaningful.first.map({ model.glyph($0).box.x0 }) {
            // A value that fills its line to the next label (or to the text's right margin)
            // wraps to the cell's left edge, under its label: 建设路369 / 号.
            let end = meaningful.last.map { model.glyph($0).box.x1 } ?? start
            let margin = right < model.pages[page].width ? right : lines.map(\.box.x1).max() ?? right
            let full = end >= margin - 3 * h
            return above(anchor.line, page: page, from: start, to: right, h: h, options: options) + sameLine
                + wrapped(below: anchor.line, page: page, from: start, to: right, h: h, under: full ? anchor.box.x0 : nil)
        }
        var taken: [GlyphRef] = []
        var lastY = anchor.box.y1
        // The row's own label (单位申明, set lower in its tall cell) is no other row's.
        let anchorRow = assigned.first { $0.value.refs == anchor.refs }.flatMap { Self.layoutRow($0.key) }
        // The column reaches left to the printed word before the anchor on its line (a date
        // printed right-aligned under its label is wider than the label), never across the
        // column rule left of the label (the 原登记事项 value is not the 变更事项 one). A column
        // rule is long and closed by horizontals at both ends: a box drawn round a value is
        // short, a seal ring's side is not closed. (A value may stand right of its label
        // across a rule: label and value cells.)
        let first = anchor.refs.filter { $0.line == anchor.line }.map(\.index).min() ?? 0
        let grid = model.grids[page]
        let leftRule = grid.verticals.filter {
            $0.x <= anchor.box.x0 && $0.y0 <= anchor.box.midY && anchor.box.midY <= $0.y1
                && $0.y1 - $0.y0 >= Self.columnRuleMM * model.unitsPerMM[page] && grid.isClosed($0, slack: 1.5 * model.unitsPerMM[page])
        }.map(\.x).max() ?? 0
        let x0 = max(leftRule, (0..<first).reversed().first { model.claimed.contains(GlyphRef(page: page, line: anchor.line, index: $0)) }
            .map { line.glyphs[$0].box.x1 } ?? 0)
        // Lines below the label's middle: a value in a box drawn beside the label sits a little
        // lower, on a line of its own (a word processor's form exported without its fields).
        for l in lines.indices where l != anchor.line && lines[l].box.midY > anchor.box.midY && lines[l].box.y0 > anchor.box.y0 {
            if let limit, lines[l].box.y0 >= limit { break }
            if lines[l].box.y0 - lastY > 3 * h { break }
            var got: [GlyphRef] = []
            var stop = false
            // A line beside the label (a little lower) starts where the label does: the text
            // under the printed word before it is that word's value (单位负责人 侯洋勇 填表人 蔡波).
            let start = lines[l].box.y0 < anchor.box.y1 ? max(x0, anchor.box.x0) : x0
            for (i, g) in lines[l].glyphs.enumerated() where g.box.midX >= start && g.box.midX < right {
                let ref = GlyphRef(page: page, line: l, index: i)
                if model.claimed.contains(ref) { stop = true; break }
                got.append(ref)
            }
            if stop { break }
            // A line nearer a lower printed word to its left than the label is that word's value
            // (备注's below a blank 联系方式; 变更时间's date under a blank 主管部门 when the rules
            // between are lost).
            if let first = got.first, case let row = got.reduce(model.glyph(first).box, { $0.union(model.glyph($1).box) }),
               assigned.contains(where: { place, o in
                o.page == page && o.box.y0 > anchor.box.y1 && o.box.x1 <= row.x0 + h
                    && max(0, o.box.y0 - row.y1) < row.y0 - anchor.box.y1 && Self.layoutRow(place) != anchorRow
            }) { break }
            if !got.isEmpty { taken += got; lastY = lines[l].box.y1 }
        }
        return taken
    }

    private static func layoutRow(_ place: Stopper.Place) -> Int? {
        if case .cell(let row, _, _) = place { row } else { nil }
    }

    /// Lines of the value set above its label's line (options over three lines, the label
    /// centred beside the middle one): where the row's top rule closes them above, or (rules
    /// lost on a scan) each prints two of the field's options; never across a rule.
    private func above(_ labelLine: Int, page: Int, from x0: Double, to x1: Double, h: Double, options: [String]) -> [GlyphRef] {
        guard !options.isEmpty else { return [] }
        let words = options.map { MatchText.label(FieldDefinition.optionWithoutEmptyBrackets($0)) }.filter { $0.count >= 2 }
        let lines = model.lines[page]
        let rules = model.grids[page].horizontals
        var taken: [([GlyphRef], Bool)] = []
        var top = lines[labelLine].box
        for l in lines.indices.filter({ lines[$0].box.midY < top.midY - 0.5 * h }).sorted(by: { lines[$0].box.midY > lines[$1].box.midY }) {
            let line = lines[l].box
            guard top.y0 - line.y1 <= 0.8 * h, line.midY < top.midY - 0.5 * h,
                  !rules.contains(where: { $0.y > line.midY && $0.y < top.midY && $0.x0 <= x0 && $0.x1 >= x0 }),
                  lines[l].glyphs.allSatisfy({ $0.box.x0 >= x0 - 2 * h && $0.box.x1 <= x1 + 0.5 * h }),
                  let lead = lines[l].glyphs.first, lead.box.x0 <= x0 + 2 * h
            else { break }
            let refs = lines[l].glyphs.indices.map { GlyphRef(page: page, line: l, index: $0) }
            guard !refs.contains(where: model.claimed.contains) else { break }
            let text = MatchText.label(String(lines[l].glyphs.map(\.character)))
            taken.insert((refs, words.filter(text.contains).count >= 2), at: 0)
            top = line
        }
        // The row's top rule right above the topmost line taken; else the lines may be the row above's.
        let closed = rules.contains { $0.y <= top.y0 + 0.2 * h && $0.y >= top.y0 - 1.5 * h && $0.x0 <= x0 && $0.x1 >= x0 }
        guard closed || taken.allSatisfy(\.1) else { return [] }
        return taken.flatMap(\.0)
    }

    /// The lines a value beside its label wraps on to (填报日期： 2026年 / 11月18日): just below,
    /// holding nothing but text under the value, none of it printed words. Without it the date
    /// was read 2026年 and reported as malformed. `under`: where a wrapped line may start
    /// instead, left of the value (the label's x).
    private func wrapped(below first: Int, page: Int, from x0: Double, to x1: Double, h: Double, under: Double? = nil) -> [GlyphRef] {
        let lines = model.lines[page]
        var taken: [GlyphRef] = []
        var bottom = lines[first].box.y1
        for l in lines.indices where lines[l].box.midY > bottom {
            // Under the label only within the row: no rule between, and right below.
            let left = under.flatMap { label in
                let ruled = model.grids[page].horizontals.contains { $0.y > bottom && $0.y < lines[l].box.y0 && $0.x0 <= label && $0.x1 >= label }
                return ruled || lines[l].box.y0 - bottom > 0.5 * h ? nil : min(x0, label)
            } ?? x0
            // One stray glyph (a scan's speck below a name, debris read m) is no line of text; a
            // character or digit read surely is (号 of an address wrapped alone).
            let glyphs = lines[l].glyphs
            guard lines[l].box.y0 - bottom <= 0.8 * h,
                  glyphs.count >= 2 || glyphs.allSatisfy({ g in
                      g.confidence >= 0.9 && (g.character.isNumber || g.character.unicodeScalars.first.map { (0x3400...0x9FFF).contains($0.value) } == true)
                  }),
                  lines[l].glyphs.allSatisfy({ $0.box.x0 >= left - h && $0.box.x1 <= x1 + 0.5 * h }),
                  let lead = lines[l].glyphs.first, lead.box.x0 <= x0 + 2 * h
            else { break }
            let refs = lines[l].glyphs.indices.map { GlyphRef(page: page, line: l, index: $0) }
            guard !refs.contains(where: model.claimed.contains) else { break }
            // Nor is a line beside printed words (OCR gives a label and its value as two lines):
            // that is the next row's value.
            let line = lines[l].box
            let beside = lines.indices.contains { k in
                let other = lines[k].box
                return k != l && other.x1 <= line.x0 + h && min(other.y1, line.y1) - max(other.y0, line.y0) > 0.5 * min(other.height, line.height)
                    && lines[k].glyphs.indices.contains { model.claimed.contains(GlyphRef(page: page, line: k, index: $0)) }
            }
            if beside { break }
            taken += refs
            bottom = lines[l].box.y1
            if taken.count > 200 { break }
        }
        return taken
    }

    /// Values from the header or footer lines: after the printed words before them.
    func freeValues(_ blocks: [Block], after place: Stopper.Place) -> [String: RawRead] {
        guard let anchor = assigned[place] else { return [:] }
        var result: [String: RawRead] = [:]
        for (key, refs) in Segments.split(freeRegion(after: anchor), pieces: Segments.pieces(blocks), model: model) {
            guard let block = blocks.first(where: { $0.fieldKey == key }) else { continue }
            result[key] = raw(refs, page: anchor.page, block: block)
        }
        return result
    }

    private func raw(_ refs: [GlyphRef], page: Int, block: Block) -> RawRead {
        var read = RawRead(refs: refs, page: page)
        if case .choices(let key) = block.kind, let field = form.field(key) {
            read.ticks = Ticks.judge(refs, options: field.options, model: model, page: page)
        }
        return read
    }
}
