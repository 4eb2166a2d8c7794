import FormReading
import Poppler

/// Fillable-form widgets turned into positioned characters, so the layout reader finds their
/// values beside the printed labels exactly as it finds typed ones: a field named `Text1`
/// with no tooltip is read from where it stands.
enum AcroFormText {
    static func merge(_ fields: [PDFFormField], into glyphs: [Glyph]) -> [Glyph] {
        let boxes = fields.map { Box(x0: $0.x0, y0: $0.y0, x1: $0.x1, y1: $0.y1) }
        // Appearance text poppler may also report inside a widget would be read twice.
        var result = glyphs.filter { g in !boxes.contains { $0.x0 <= g.box.midX && g.box.midX <= $0.x1 && $0.y0 <= g.box.midY && g.box.midY <= $0.y1 } }
        for (field, box) in zip(fields, boxes) {
            switch field.kind {
            case .text(let value, _):
                result += layout(value, in: box)
            case .checkbox(let on), .radio(let on):
                let side = min(box.width, box.height)
                let square = Box(x0: box.x0, y0: box.midY - side / 2, x1: box.x0 + side, y1: box.midY + side / 2)
                result.append(Glyph(on ? "☑" : "□", square))
            case .choice(_, let selected):
                result += layout(selected.joined(separator: "、"), in: box)
            case .pushButton, .signature, .unknown:
                break
            }
        }
        return result
    }

    /// Characters of `value` set in the widget's box, line by line (multi-line fields).
    private static func layout(_ value: String, in box: Box) -> [Glyph] {
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
                glyphs.append(Glyph(c, Box(x0: x0, y0: y0, x1: x0 + advance * 0.95, y1: y0 + lineHeight * 0.9)))
            }
        }
        return glyphs
    }
}
