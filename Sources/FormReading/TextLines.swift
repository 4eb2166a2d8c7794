import Foundation

/// Characters grouped into visual lines (same height band), each line left to right, lines top
/// to bottom. A table row whose cells sit side by side is one line; cell boundaries are found
/// later from ruling lines or gaps.
struct TextLine {
    var glyphs: [Glyph]
    var box: Box

    /// Typical character height: the median of the glyph heights.
    var charHeight: Double {
        let heights = glyphs.map(\.box.height).sorted()
        return heights.isEmpty ? 0 : heights[heights.count / 2]
    }
}

enum LineBuilder {
    /// Groups `glyphs` (white space dropped) into lines: a glyph joins a line when its centre lies
    /// within a third of a character height of the line's mean centre.
    static func lines(_ glyphs: [Glyph]) -> [TextLine] {
        let visible = glyphs.filter { !$0.character.isWhitespace && $0.box.height > 0 }
            .sorted { $0.box.midY < $1.box.midY }
        var lines: [TextLine] = []
        var centre: [Double] = [], height: [Double] = []
        for glyph in visible {
            let h = glyph.box.height
            // Only recent lines can still take a glyph: glyphs come in order of their centre.
            var joined = false
            for i in stride(from: lines.count - 1, through: max(0, lines.count - 4), by: -1) {
                if abs(glyph.box.midY - centre[i]) < 0.35 * min(h, height[i]) {
                    let n = Double(lines[i].glyphs.count)
                    lines[i].glyphs.append(glyph)
                    lines[i].box = lines[i].box.union(glyph.box)
                    centre[i] = (centre[i] * n + glyph.box.midY) / (n + 1)
                    height[i] = (height[i] * n + h) / (n + 1)
                    joined = true
                    break
                }
            }
            if !joined {
                lines.append(TextLine(glyphs: [glyph], box: glyph.box))
                centre.append(glyph.box.midY)
                height.append(h)
            }
        }
        for i in lines.indices { lines[i].glyphs.sort { $0.box.x0 < $1.box.x0 } }
        return lines.sorted { $0.box.midY < $1.box.midY }
    }
}

/// Some programs (Chromium's Type 3 fonts) report every glyph as tall as the whole font box, so
/// the lines of a wrapped cell overlap. Such boxes are cut down to one em around their centre,
/// the em being the width of the CJK characters of the same box height.
public enum GlyphBoxes {
    public static func normalized(_ glyphs: [Glyph]) -> [Glyph] {
        func isCJK(_ c: Character) -> Bool { c.unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) } ?? false }
        var ems: [Int: [Double]] = [:]
        for g in glyphs where isCJK(g.character) { ems[Int(g.box.height.rounded()), default: []].append(g.box.width) }
        let em = ems.mapValues { widths in widths.sorted()[widths.count / 2] }
        return glyphs.map { g in
            guard let e = em[Int(g.box.height.rounded())], e > 0, g.box.height > 1.6 * e else { return g }
            var out = g
            out.box = Box(x0: g.box.x0, y0: g.box.midY - 0.55 * e, x1: g.box.x1, y1: g.box.midY + 0.55 * e)
            return out
        }
    }
}

/// Folding for matching printed labels: drops white space, maps full-width ASCII and punctuation
/// to one form, and compatibility ideographs (Kangxi radicals some programs emit) to the
/// ordinary ones.
enum MatchText {
    static func fold(_ c: Character) -> Character? {
        if c.isWhitespace { return nil }
        guard let scalar = c.unicodeScalars.first else { return c }
        let v = scalar.value
        switch v {
        case 0xFF01...0xFF5E: return Character(Unicode.Scalar(v - 0xFEE0)!)
        case 0x2E80...0x2FDF, 0xF900...0xFAFF:
            return String(c).precomposedStringWithCompatibilityMapping.first ?? c
        case 0x3000: return nil
        default: break
        }
        switch c {
        case "：": return ":"
        case "（": return "("
        case "）": return ")"
        case "，": return ","
        case "；": return ";"
        case "—", "–", "－": return "-"
        case "帐": return "账"
        default: return c
        }
    }

    static func fold(_ s: String) -> [Character] { s.compactMap { fold($0) } }

    /// A label as matched on the page: folded, without a trailing colon.
    static func label(_ s: String) -> [Character] {
        var chars = fold(s)
        while let last = chars.last, last == ":" { chars.removeLast() }
        return chars
    }
}

/// Label folding for other modules (form recognition reads the same folded text).
public enum LabelFolding {
    public static func fold(_ c: Character) -> Character? { MatchText.fold(c) }
}
