import Catalog
import IntakeCore

/// Turns the glyphs found for a field into its value, by the field's type.
enum Interpret {
    static func value(_ raw: RawRead, field: FieldDefinition, form: FormDefinition, model: PageModels) -> [String: ReadValue] {
        var result: [String: ReadValue] = [:]
        let page = raw.page
        if field.type == .table, let rows = raw.rows {
            var all: [GlyphRef] = []
            let values: [[String: FieldValue]] = rows.map { row in
                var out: [String: FieldValue] = [:]
                for (key, refs) in row where !refs.isEmpty {
                    all += refs
                    let column = field.column(key)
                    out[key] = .text(normalize(text(refs, model: model), type: column?.type ?? .text))
                }
                return out
            }
            result[field.key] = finish(.rows(values), refs: all, page: page, model: model)
            return result
        }
        if !raw.ticks.isEmpty {
            let ticked = raw.ticks.filter(\.ticked)
            let options = ticked.map(\.option)
            let value: FieldValue = field.type == .multiChoice || options.count > 1 ? .choices(options) : .text(options.first ?? "")
            var read = finish(value, refs: raw.refs, page: page, model: model)
            // A square neither blank nor ticked (or no mark to judge by) leaves the choice
            // uncertain; on a scan, so does an option whose words were not found.
            read.confidence = min(read.confidence, raw.ticks.map(\.certainty).min() ?? 1)
            if let p = page, model.pages[p].judgeTicksFromPixels {
                let unseen = Set(field.options.map { FieldDefinition.optionWithoutEmptyBrackets($0) }).subtracting(raw.ticks.map { FieldDefinition.optionWithoutEmptyBrackets($0.option) })
                read.confidence = min(read.confidence, unseen.isEmpty ? 1 : 0.7)
            }
            result[field.key] = read
            if let detail = field.detail, let chosen = ticked.first(where: { FieldDefinition.optionWithoutEmptyBrackets($0.option) == FieldDefinition.optionWithoutEmptyBrackets(detail.option) }) {
                var written = text(chosen.after, model: model)
                written = written.trimmingCharacters(in: ["（", "）", "(", ")", ":", "：", "_", " ", "\u{3000}"])
                result[detail.field] = finish(.text(written), refs: chosen.after, page: page, model: model)
            }
            return result
        }
        var refs = raw.refs
        var debris = false
        if field.type == .date {
            (refs, debris) = withoutDebrisBeforeYear(refs, model: model)
        }
        let written = normalize(text(refs, model: model), type: field.type)
        var read = finish(field.type == .multiChoice && !written.isEmpty ? .choices([written]) : .text(written),
                          refs: refs, page: page, model: model)
        if debris { read.confidence = min(read.confidence, 0.6) }
        result[field.key] = read
        return result
    }

    /// A date's glyphs without up to three stray ones before its year (市12026年12月14日,
    /// 02026-10-27: a seal's or the label's debris on a scan). What was cut off leaves the date
    /// flagged for the clerk.
    static func withoutDebrisBeforeYear(_ refs: [GlyphRef], model: PageModels) -> ([GlyphRef], Bool) {
        // The label's colon is no debris (`text` drops it).
        let refs = Array(refs.drop { ":：".contains(model.glyph($0).character) })
        let chars = refs.map { model.glyph($0).character }
        func yearAt(_ i: Int) -> Bool {
            guard i + 4 < chars.count else { return false }
            let four = chars[i..<(i + 4)]
            return four.allSatisfy { $0.isASCII && $0.isNumber } && (four.starts(with: ["1", "9"]) || four.starts(with: ["2", "0"]))
                && !(chars[i + 4].isASCII && chars[i + 4].isNumber)
        }
        guard !yearAt(0), let start = (1...3).first(where: yearAt) else { return (refs, false) }
        return (Array(refs.dropFirst(start)), true)
    }

    private static func finish(_ value: FieldValue, refs: [GlyphRef], page: Int?, model: PageModels) -> ReadValue {
        let glyphs = refs.map(model.glyph)
        let box = glyphs.dropFirst().reduce(glyphs.first?.box) { $0?.union($1.box) }
        let confidence = glyphs.map(\.confidence).min() ?? 1
        var underSeal = false
        if let first = refs.first {
            let seals = model.pages[first.page].seals
            underSeal = glyphs.contains { g in seals.contains { $0.contains(x: g.box.midX, y: g.box.midY) } }
        }
        return ReadValue(value: value, page: page.map { model.pages[$0].number }, box: box, confidence: confidence, underSeal: underSeal)
    }

    /// The glyphs as text: lines joined directly (Chinese wraps without a space), a space kept
    /// where a visible gap separates letters or digits from what stands beside them.
    static func text(_ refs: [GlyphRef], model: PageModels) -> String {
        var out = ""
        var previous: (GlyphRef, Glyph)?
        for ref in refs {
            let g = model.glyph(ref)
            if let (pref, pg) = previous, pref.line == ref.line, pref.page == ref.page {
                let h = max(min(pg.box.height, g.box.height), 1)
                // Between letters or digits only: programs widen the gap between Chinese and
                // Latin text themselves (autospacing), which is no space the applicant typed.
                let bothASCII = pg.character.isASCII && (pg.character.isLetter || pg.character.isNumber)
                    && g.character.isASCII && (g.character.isLetter || g.character.isNumber)
                let gap = g.box.x0 - pg.box.x1
                // Autospacing adds about a quarter em; a typed space on top of it is wider.
                if bothASCII && gap > 0.2 * h || !bothASCII && (pg.character.isASCII != g.character.isASCII) && gap > 0.42 * h {
                    out.append(" ")
                }
            }
            out.append(g.character)
            previous = (ref, g)
        }
        var trimmed = out.trimmingWhitespace()
        while let first = trimmed.first, first == ":" || first == "：" { trimmed = String(trimmed.dropFirst()).trimmingWhitespace() }
        return trimmed
    }

    static func normalize(_ text: String, type: FieldType) -> String {
        switch type {
        case .uscc, .idNumber:
            return String(text.filter { !$0.isWhitespace }).uppercased()
        case .phone, .mobile, .integer, .amount:
            return String(text.filter { !$0.isWhitespace })
        default:
            return text
        }
    }

    /// Whether a line is shaped like a date (2026年11月16日, 2026 年 11 月 16 日, 2026-11-16,
    /// 2026.11.16, 2026/11/16, 20261116, 二〇二六年十一月十六日), real or not: it tells a date
    /// line from others in a cell that holds two fields.
    static func looksLikeDate(_ text: String) -> Bool {
        if CalendarDate.parse(text) != .unreadable { return true }
        var numbers: [Int] = []
        var current = 0
        for c in text {
            if c.isASCII && c.isNumber { current += 1 } else if current > 0 { numbers.append(current); current = 0 }
        }
        if current > 0 { numbers.append(current) }
        return numbers == [8] || (numbers.count == 3 && numbers[0] == 4 && (1...2).contains(numbers[1]) && (1...2).contains(numbers[2]))
    }
}
