import Catalog
import IntakeCore

/// Which options of a checkbox group are ticked: from the mark printed before each option
/// (☑ ■ √ ✓, or an X over □) in typed text, from the pixels of its square on scans.
enum Ticks {
    static let marks: Set<Character> = ["☑", "✓", "✔", "√", "■", "◼", "☒", "⊠", "▣", "●", "◉", "◆", "✗", "✘", "×", "X", "x", "Ｘ", "🗹", "☐̸"]
    static let crosses: Set<Character> = ["✗", "✘", "×", "X", "x", "Ｘ", "╳"]
    static let squares: Set<Character> = ["□", "☐", "◻", "○", "◯", "◇", "口", "▢"]
    /// Brackets a mark is written in: （√）, [√], 【√】.
    static let opening: Set<Character> = ["(", "（", "[", "［", "【"]
    static let closing: Set<Character> = [")", "）", "]", "］", "】"]
    /// What OCR makes of a ticked or empty square: box-like characters.
    static let squareReadings: Set<Character> = ["回", "团", "囚", "図", "日", "目", "田", "国", "因", "四", "加", "区", "凶", "图", "☑", "■"]

    struct Found {
        var option: String
        var ticked: Bool
        var box: Rect
        /// Glyphs written after the option up to the next option (the detail of 其他).
        var after: [GlyphRef]
        /// 1 when the mark is plain; lower when a scan's square is neither clearly blank nor
        /// clearly ticked.
        var certainty: Double = 1
    }

    static func judge(_ refs: [GlyphRef], options: [String], model: PageModels, page: Int) -> [Found] {
        let glyphs = refs.map(model.glyph)
        // Lines hold no white space: every glyph has its code.
        let chars = refs.map(model.code)
        // Longest options first, so 参公社会团体 is not found inside 非参公社会团体.
        var taken = [Bool](repeating: false, count: chars.count)
        var spans: [(option: String, start: Int, end: Int)] = []
        for option in options.sorted(by: { MatchText.label($0).count > MatchText.label($1).count }) {
            let text = MatchText.codes(MatchText.label(FieldDefinition.optionWithoutEmptyBrackets(option)))
            guard !text.isEmpty, chars.count >= text.count else { continue }
            for p in 0...(chars.count - text.count) where chars[p..<(p + text.count)].elementsEqual(text) && !taken[p..<(p + text.count)].contains(true) {
                for k in p..<(p + text.count) { taken[k] = true }
                spans.append((option, p, p + text.count - 1))
                break
            }
        }
        spans.sort { $0.start < $1.start }
        let pageText = model.pages[page]
        // On a scan where the recogniser read a tick (√) before one option, it tells marks from
        // squares in this group: a square it read surely (口 at 0.9 or more) is empty, whatever
        // the pixels under its estimated box (which can take in the next character's strokes).
        let recognisesMarks = pageText.judgeTicksFromPixels && spans.contains { span in
            span.start > 0 && marks.contains(glyphs[span.start - 1].character) && !squares.contains(glyphs[span.start - 1].character)
        }
        // Typed marks before every option (□A □B, （√）A（ ）B, a mark at a line's end for the
        // option starting the next line): each option's is the last mark or square before it.
        let leading: [Bool?] = spans.indices.map { n in
            pageText.judgeTicksFromPixels ? nil : markBefore(spans[n].start, after: n > 0 ? spans[n - 1].end : -1, glyphs: glyphs, model: model, page: page)
        }
        // Squares after every option instead (企业☑ 机关☐), the first option having none before it.
        let trailing: [Bool?] = spans.indices.map { n in
            pageText.judgeTicksFromPixels ? nil : squareAfter(spans[n].end, before: n + 1 < spans.count ? spans[n + 1].start : glyphs.count,
                                                              glyphs: glyphs, model: model, page: page)
        }
        let markedAfter = spans.count > 1 && leading.first! == nil && trailing.allSatisfy { $0 != nil }
        let markedBefore = !markedAfter && !spans.isEmpty && leading.allSatisfy { $0 != nil }
        var found: [Found] = []
        var anyMark = false
        // A character's width: OCR's boxes are as tall as their line's box, wider than the type.
        let widths = glyphs.filter(\.isIdeograph).map(\.box.width).sorted()
        let em = widths.isEmpty ? .infinity : widths[widths.count / 2]
        for (n, span) in spans.enumerated() {
            let first = glyphs[span.start]
            let h = max(first.box.height, 1)
            let box = (span.start...span.end).map { glyphs[$0].box }.reduce(first.box) { $0.union($1) }
            var ticked = false
            var marked = false
            var certainty = 1.0
            let before = span.start > 0 ? glyphs[span.start - 1] : nil
            var adjacentBefore = before.map { abs($0.box.midY - first.box.midY) < 0.6 * h && first.box.x0 - $0.box.x1 < 2.0 * h } ?? false
            // A mark between two options belongs to the nearer one (连锁门店 ◉ 单体: the first).
            if adjacentBefore, let before, n > 0, spans[n - 1].end == span.start - 2 || spans[n - 1].end == span.start - 1 {
                let previousEnd = glyphs[spans[n - 1].end].box
                if abs(previousEnd.midY - before.box.midY) < 0.6 * h && before.box.x0 - previousEnd.x1 < first.box.x0 - before.box.x1 {
                    adjacentBefore = false
                }
            }
            // A mark just before the next option is that option's, not a mark after this one.
            let nextTakesMark = n + 1 < spans.count && leading[n + 1] == true && marks.contains(glyphs[spans[n + 1].start - 1].character)
            if markedAfter, let mark = trailing[n] {
                ticked = mark; marked = true
            } else if markedBefore, let mark = leading[n] {
                ticked = mark; marked = true
            } else if pageText.judgeTicksFromPixels, let before, adjacentBefore, marks.contains(before.character),
               !squares.contains(before.character) {
                // The recogniser itself read a tick (√) before the option.
                ticked = true; marked = true
            } else if pageText.judgeTicksFromPixels, let raster = pageText.raster {
                // The square stands just left of the option; OCR reads it as 口 or drops it. A
                // dropped one widens the option's first character box, which then holds it.
                var square = Rect(x0: first.box.x0 - 1.2 * h, y0: first.box.y0, x1: first.box.x0 - 0.1 * h, y1: first.box.y1)
                if first.box.width > 1.6 * em {
                    square = Rect(x0: first.box.x1 - 2.1 * em, y0: first.box.midY - 0.5 * em, x1: first.box.x1 - 1.05 * em, y1: first.box.midY + 0.5 * em)
                }
                if let before, adjacentBefore, squares.contains(before.character) || marks.contains(before.character)
                    || squareReadings.contains(before.character) { square = before.box }
                let share = raster.darkShare(in: square.scaledAboutCentre(0.5).scaled(pageText.rasterScale))
                ticked = share > 0.15
                certainty = share <= 0.05 || share >= 0.25 ? 1 : 0.6
                let ownSquare = before.map { adjacentBefore && (squares.contains($0.character) || squareReadings.contains($0.character)) } ?? false
                // No square read and hardly any ink where one was guessed: the guess may have
                // missed it (a dropped ☑ left of the first option), so blank is not vouched for.
                if !ticked, !ownSquare, share > 0.01 { certainty = min(certainty, 0.6) }
                if recognisesMarks, ownSquare, let before, squares.contains(before.character), before.confidence >= 0.9 {
                    // Read empty; where the pixels say otherwise, the clerk looks.
                    ticked = false
                    certainty = share > 0.15 ? 0.6 : 1
                }
                // A mark written after the option (剖宫产（√）) has no square before it; after one
                // that has, it is the next option's.
                if !ticked, !ownSquare,
                   markAfter(span.end, before: n + 1 < spans.count ? spans[n + 1].start : glyphs.count, glyphs: glyphs, h: h) == true {
                    ticked = true
                }
                marked = true
            } else if let before, adjacentBefore, marks.contains(before.character) {
                ticked = true; marked = true
            } else if let before, adjacentBefore, squares.contains(before.character) {
                marked = true
                // An X typed over the square.
                ticked = crossTyped(over: before.box, model: model, page: page)
            } else if !nextTakesMark, let mark = markAfter(span.end, before: n + 1 < spans.count ? spans[n + 1].start : glyphs.count, glyphs: glyphs, h: h) {
                // A mark written after the option, often in the template's brackets: 剖宫产（√）.
                ticked = mark; marked = true
            }
            anyMark = anyMark || marked
            let nextStart = n + 1 < spans.count ? spans[n + 1].start : glyphs.count
            var after = Array(refs[min(span.end + 1, nextStart)..<nextStart])
            // The next option's square belongs to the next option.
            while let tail = after.last, squares.contains(model.glyph(tail).character) || marks.contains(model.glyph(tail).character) {
                after.removeLast()
            }
            found.append(Found(option: span.option, ticked: ticked, box: box, after: after, certainty: certainty))
        }
        let anySquare = glyphs.contains { squares.contains($0.character) || marks.contains($0.character) }
        // On a scan whose options have their squares after them (医疗保险☑ 生育保险□ … 其他（ ）□),
        // the square before an option is the previous option's: pixels judged there are not vouched for.
        if pageText.judgeTicksFromPixels, let first = spans.first, let last = spans.last,
           !(0..<first.start).contains(where: { squares.contains(glyphs[$0].character) || marks.contains(glyphs[$0].character) }),
           glyphs[(last.end + 1)...].contains(where: { squares.contains($0.character) || squareReadings.contains($0.character) }) {
            for i in found.indices { found[i].certainty = min(found[i].certainty, 0.6) }
        }
        // Squares drawn as lines, not typed, beside an empty pair of brackets (其他（　）): the
        // brackets said "not ticked" for their option only.
        if anyMark, !anySquare, !pageText.judgeTicksFromPixels, found.count > 1, !found.contains(where: \.ticked),
           let drawn = drawnSquares(found, page: pageText) {
            for i in found.indices { (found[i].ticked, found[i].certainty) = drawn[i] }
        }
        if !anyMark && !anySquare && !pageText.judgeTicksFromPixels && !found.isEmpty {
            if found.count > 1, let drawn = drawnSquares(found, page: pageText) {
                // Squares drawn as lines, not typed (a word processor's check boxes printed).
                for i in found.indices { (found[i].ticked, found[i].certainty) = drawn[i] }
            } else if found.count > 1 {
                // Options printed and nothing to tell the ticked one by: not "none ticked".
                for i in found.indices { found[i].certainty = 0.6 }
            } else {
                // Options written as plain words, with no squares at all: the words are the choice.
                for i in found.indices { found[i].ticked = true }
            }
        }
        return found
    }

    /// Each option's square where the page draws one as lines just left of every option: ticked
    /// when ink fills its middle (an X, a tick) well beyond what an empty square of the group
    /// shows there. Nil when some option has no such square.
    static func drawnSquares(_ found: [Found], page: PageText) -> [(ticked: Bool, certainty: Double)]? {
        guard let raster = page.raster else { return nil }
        var shares: [Double] = []
        // Options whose "square" holds a printed character: the option before, set close.
        var printed = 0
        for option in found {
            let h = max(option.box.height, 1)
            let square = Rect(x0: option.box.x0 - 1.3 * h, y0: option.box.y0, x1: option.box.x0 - 0.05 * h, y1: option.box.y1)
            // Thin strokes drawn at 100 dpi come out grey: count anything darker than light grey.
            guard raster.darkShare(in: square.scaled(page.rasterScale), threshold: 200) >= 0.06 else { return nil }
            if page.glyphs.contains(where: { !$0.character.isWhitespace && square.contains(x: $0.box.midX, y: $0.box.midY) }) {
                printed += 1
            }
            shares.append(raster.darkShare(in: square.scaledAboutCentre(0.5).scaled(page.rasterScale), threshold: 200))
        }
        guard 2 * printed <= found.count else { return nil }
        // What an empty square shows: the lower quartile's (several may be ticked, 参保险种; one
        // square may stand apart, its option wrapped). When all look alike and inked, all are
        // shaded and empty or all ticked: which, the clerk sees.
        let empty = shares.sorted()[shares.count / 4]
        guard shares.max()! - empty >= 0.15 || shares.max()! < 0.15 else { return shares.map { _ in (false, 0.6) } }
        return shares.map { share in
            (share > max(0.2, empty + 0.15), share < empty + 0.08 || share > empty + 0.25 ? 1 : 0.6)
        }
    }

    /// Whether an X is typed over the square at `box`.
    static func crossTyped(over box: Rect, model: PageModels, page: Int) -> Bool {
        model.lines[page].contains { line in
            line.glyphs.contains { crosses.contains($0.character) && box.contains(x: $0.box.midX, y: $0.box.midY) }
        }
    }

    /// The mark in the glyphs between the previous option (ending at `previous`) and the one
    /// starting at `start`, nearest the latter: true for a mark or a bracket holding one (（√）),
    /// false for an empty square or brackets, a square with an X typed over it being ticked;
    /// nil when there is none.
    static func markBefore(_ start: Int, after previous: Int, glyphs: [Glyph], model: PageModels, page: Int) -> Bool? {
        var i = start - 1
        while i > previous, glyphs[i].character.isWhitespace { i -= 1 }
        guard i > previous else { return nil }
        let c = glyphs[i].character
        if squares.contains(c) { return crossTyped(over: glyphs[i].box, model: model, page: page) }
        if marks.contains(c) { return true }
        guard closing.contains(c) else { return nil }
        var j = i - 1
        while j > previous {
            let inside = glyphs[j].character
            if opening.contains(inside) { return (j + 1..<i).contains { marks.contains(glyphs[$0].character) } }
            guard inside.isWhitespace || marks.contains(inside) || inside == "_" else { return nil }
            j -= 1
        }
        return nil
    }

    /// The square or mark standing right after the option ending at `end`: true for a mark or a
    /// square with an X over it, false for an empty square; nil when there is none. (A mark in
    /// brackets, 机关[√], is `markAfter`'s.)
    static func squareAfter(_ end: Int, before limit: Int, glyphs: [Glyph], model: PageModels, page: Int) -> Bool? {
        var i = end + 1
        // Past blanks, and past an empty pair of brackets for a detail (其他（　）☐).
        while i < limit, i < glyphs.count, glyphs[i].character.isWhitespace || opening.contains(glyphs[i].character)
                || closing.contains(glyphs[i].character) { i += 1 }
        guard i < limit, i < glyphs.count else { return nil }
        let c = glyphs[i].character
        if squares.contains(c) { return crossTyped(over: glyphs[i].box, model: model, page: page) }
        return marks.contains(c) ? true : nil
    }

    /// Looks past brackets and blanks after an option for a mark (true) or an empty pair of
    /// brackets (false: the option was offered and left blank). Brackets set wide apart hold a
    /// detail to be written (其他（　　　）), perhaps in a box of its own line: no mark either way.
    static func markAfter(_ end: Int, before limit: Int, glyphs: [Glyph], h: Double) -> Bool? {
        var i = end + 1
        var open: Glyph?
        while i < limit, i < glyphs.count {
            let c = glyphs[i].character
            if marks.contains(c) { return true }
            if opening.contains(c) { open = glyphs[i]; i += 1; continue }
            if closing.contains(c) {
                guard let open else { return nil }
                return glyphs[i].box.x0 - open.box.x1 > 2.5 * h ? nil : false
            }
            if c.isWhitespace || c == "_" { i += 1; continue }
            return nil
        }
        return nil
    }
}
