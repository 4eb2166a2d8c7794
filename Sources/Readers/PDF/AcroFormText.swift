import Catalog
import IntakeCore
import FormReading
import Poppler

/// Fillable-form widgets turned into positioned characters, so the layout reader finds their
/// values beside the printed labels exactly as it finds typed ones: a field named `Text1`
/// with no tooltip is read from where it stands.
enum AcroFormText {
    static func merge(_ fields: [PDFFormField], into glyphs: [Glyph]) -> [Glyph] {
        let boxes = fields.map(\.box)
        // Appearance text poppler may also report inside a widget would be read twice.
        var result = glyphs
        for field in fields {
            if case .text(let value, _) = field.kind { result = withoutSpill(of: value, from: field.box, in: result) }
        }
        result = result.filter { g in !boxes.contains { drawnIn($0, g.box) } }
        // A writer that cannot encode a value's characters draws a ? for each (pypdf with
        // Helvetica), and poppler reports those past the widget's clip too; no form prints an
        // ASCII ? beside a widget.
        result = result.filter { g in
            !(g.character == "?" && boxes.contains { b in
                overlapsLine(b, g.box) && g.box.x0 < b.x1 + 3 * b.height && g.box.x1 > b.x0 - 3 * b.height
            })
        }
        for (field, box) in zip(fields, boxes) {
            switch field.kind {
            case .text(let value, _):
                result += layout(value, in: box)
            case .checkbox(let on), .radio(let on):
                let side = min(box.width, box.height)
                var square = Rect(x0: box.x0, y0: box.midY - side / 2, x1: box.x0 + side, y1: box.midY + side / 2)
                // Set on the line of the printed option beside it, as a typed ☑ would stand.
                if let neighbour = glyphs.filter({ g in
                    g.box.y1 > box.y0 && g.box.y0 < box.y1 && min(abs(g.box.x0 - box.x1), abs(box.x0 - g.box.x1)) < 3 * side
                }).min(by: { min(abs($0.box.x0 - box.x1), abs(box.x0 - $0.box.x1)) < min(abs($1.box.x0 - box.x1), abs(box.x0 - $1.box.x1)) }) {
                    square.y0 = neighbour.box.y0
                    square.y1 = neighbour.box.y1
                }
                result.append(Glyph(on ? "☑" : "□", square))
            case .choice(_, let selected):
                result += layout(selected.joined(separator: "、"), in: box)
            case .pushButton, .signature, .unknown:
                break
            }
        }
        return result
    }

    /// Without the glyphs of a widget's appearance that run out of its box: poppler draws a
    /// value too long for the box (`/NeedAppearances`) past its right edge, where the text would
    /// join the next cell's. Only characters that continue the value, in order, go.
    static func withoutSpill(of value: String, from box: Rect, in glyphs: [Glyph]) -> [Glyph] {
        let characters = Array(value.filter { !$0.isWhitespace })
        guard !characters.isEmpty else { return glyphs }
        let inBand = glyphs.indices.filter { i in
            let g = glyphs[i].box
            return overlapsLine(box, g) && g.midX > box.x0
        }.sorted { glyphs[$0].box.x0 < glyphs[$1].box.x0 }
        var next = 0, previousX1 = box.x0
        var spilled: Set<Int> = []
        for i in inBand where next < characters.count {
            let g = glyphs[i]
            let outside = g.box.midX > box.x1
            if outside && g.box.x0 - previousX1 > max(g.box.height, 1) { break }
            // Drawn over the run (the next widget's own text), not after it.
            if outside && g.box.x0 < previousX1 - 0.25 * g.box.height { continue }
            // The next character drawn, skipping only those poppler could not draw (CJK without a
            // font); anything else is another widget's text lying across this one's.
            guard let found = characters[next...].firstIndex(where: { $0 == g.character || $0.isASCII }),
                  characters[found] == g.character else { continue }
            if outside { spilled.insert(i) }
            next = found + 1
            previousX1 = g.box.x1
        }
        return spilled.isEmpty ? glyphs : glyphs.indices.filter { !spilled.contains($0) }.map { glyphs[$0] }
    }

    /// Half the glyph's height or more lies within the widget's rows: poppler sets the text of a
    /// box too low for the font on a baseline that leaves it partly outside.
    static func overlapsLine(_ box: Rect, _ glyph: Rect) -> Bool {
        min(box.y1, glyph.y1) - max(box.y0, glyph.y0) >= 0.5 * glyph.height
    }

    /// The glyph is part of what poppler drew for the widget.
    static func drawnIn(_ box: Rect, _ glyph: Rect) -> Bool {
        box.x0 <= glyph.midX && glyph.midX <= box.x1 && overlapsLine(box, glyph)
    }

    /// Characters of `value` set in the widget's box, line by line (multi-line fields).
    private static func layout(_ value: String, in box: Rect) -> [Glyph] {
        let lines = value.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" })
        guard !lines.isEmpty, box.width > 0, box.height > 0 else { return [] }
        let lineHeight = min(box.height / Double(lines.count), 14)
        var glyphs: [Glyph] = []
        for (n, line) in lines.enumerated() {
            let count = max(line.count, 1)
            let advance = min(lineHeight * 0.9, max(box.width - 2, 1) / Double(count))
            let y0 = box.y0 + Double(n) * lineHeight + (lines.count == 1 ? (box.height - lineHeight) / 2 : 0)
            for (i, c) in line.enumerated() where !c.isWhitespace {
                let x0 = box.x0 + 1 + Double(i) * advance
                glyphs.append(Glyph(c, Rect(x0: x0, y0: y0, x1: x0 + advance * 0.95, y1: y0 + lineHeight * 0.9)))
            }
        }
        return glyphs
    }
}

/// Widgets that say themselves which field they are: a name that is the field's key (a portal's
/// own fillable template), or a tooltip that is the field's printed label (with its group). These
/// win over reading by position.
enum AcroFormNames {
    static func values(_ fields: [PDFFormField], form: FormDefinition) -> [String: FieldValue] {
        func fold(_ s: String) -> String { String(s.compactMap { LabelFolding.fold($0) }.filter { $0 != ":" }) }
        var byLabel: [String: [FieldDefinition]] = [:]
        for field in form.fields {
            byLabel[fold(field.label), default: []].append(field)
            if let group = field.group { byLabel[fold(group + field.label), default: []].append(field) }
        }
        var values: [String: FieldValue] = [:]
        var ticked: [String: [String]] = [:]
        for widget in fields {
            let name = widget.name.split(separator: ".").last.map(String.init) ?? widget.name
            var field = form.field(name)
            var option: String? = nil
            // The tooltip, else the name when a word processor named the widget after its label
            // (LibreOffice writes it #-escaped: #E5#8D#95… is 单).
            for tip in [widget.tooltip, unescaped(name)].compactMap({ $0 }) where field == nil {
                let folded = fold(tip)
                // A check box is an option of a group, never a text field of the same words
                // (参保险种：其他 is the box, 参保险种 其他 the detail beside it).
                let isBox: Bool
                switch widget.kind { case .checkbox, .radio: isBox = true; default: isBox = false }
                if !isBox, let found = byLabel[folded], found.count == 1 { field = found[0] }
                // "参保险种：医疗保险": a checkbox named by its group's label and its option.
                if field == nil {
                    for candidate in form.fields where !candidate.options.isEmpty && folded.hasPrefix(fold(candidate.label)) {
                        // The longest option that ends the tooltip: 补充医疗保险, not 医疗保险 in it.
                        let ending = candidate.options.filter { folded.hasSuffix(fold(FieldDefinition.optionWithoutEmptyBrackets($0))) }
                        if let o = ending.max(by: { fold($0).count < fold($1).count }) { field = candidate; option = o }
                    }
                }
            }
            // designationTypes_2: the second option of designationTypes.
            if field == nil, let underscore = name.lastIndex(of: "_"), let n = Int(name[name.index(after: underscore)...]),
               let group = form.field(String(name[..<underscore])), n >= 1, n <= group.options.count {
                field = group; option = group.options[n - 1]
            }
            guard let field, field.type != .table else { continue }
            switch widget.kind {
            case .text(let value, _):
                let text = value.trimmingWhitespace()
                if !text.isEmpty { values[field.key] = .text(text) }
            case .checkbox(let on):
                if on, let option { ticked[field.key, default: []].append(option) }
            case .choice(_, let selected):
                if !selected.isEmpty { values[field.key] = field.type == .multiChoice ? .choices(selected) : .text(selected[0]) }
            default:
                break
            }
        }
        for (key, unordered) in ticked {
            let field = form.field(key)
            let options = field.map { f in f.options.filter(unordered.contains) } ?? unordered
            values[key] = field?.type == .multiChoice || options.count > 1 ? .choices(options) : .text(options[0])
        }
        return values
    }

    /// A name with #XX escapes as UTF-8 text; nil when it has none or they are no UTF-8.
    static func unescaped(_ name: String) -> String? {
        guard name.contains("#") else { return nil }
        var bytes: [UInt8] = []
        var utf8 = Array(name.utf8)[...]
        while let c = utf8.first {
            utf8 = utf8.dropFirst()
            if c == UInt8(ascii: "#"), utf8.count >= 2, let b = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(b)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(c)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
