import Foundation
import IntakeCore

/// Characters grouped into visual lines (same height band), each line left to right, lines top
/// to bottom. A table row whose cells sit side by side is one line; cell boundaries are found
/// later from ruling lines or gaps.
struct TextLine {
    let glyphs: [Glyph]
    let box: Rect
    /// Typical character height: the median of the glyph heights.
    let charHeight: Double

    init(glyphs: [Glyph], box: Rect) {
        self.glyphs = glyphs
        self.box = box
        let heights = glyphs.map(\.box.height).sorted()
        charHeight = heights.isEmpty ? 0 : heights[heights.count / 2]
    }
}

public enum LineBuilder {
    /// The text of `glyphs` line by line in reading order, with each character's confidence: a
    /// space where the gap is a word's, a tab where it is a cell's (over 1.5 character heights),
    /// so a table's label and value read as one line and numbers in two cells never run together.
    public static func readingOrder(_ glyphs: [Glyph]) -> [(text: String, confidences: [Double])] {
        lines(glyphs).map { line in
            var text = "", confidences: [Double] = []
            var previous: Glyph?
            for glyph in line.glyphs {
                if let previous {
                    let gap = glyph.box.x0 - previous.box.x1
                    if gap > 1.5 * line.charHeight {
                        text.append("\t"); confidences.append(1)
                    } else if gap > 0.25 * line.charHeight {
                        text.append(" "); confidences.append(1)
                    }
                }
                text.append(glyph.character)
                confidences.append(glyph.confidence)
                previous = glyph
            }
            return (text, confidences)
        }
    }

    /// Groups `glyphs` (white space dropped) into lines: a glyph joins a line when its centre lies
    /// within a third of a character height of the line's mean centre.
    static func lines(_ glyphs: [Glyph]) -> [TextLine] {
        let visible = glyphs.filter { !MatchText.isWhitespace($0.character) && $0.box.height > 0 }
            .sorted { $0.box.midY < $1.box.midY }
        var lines: [(glyphs: [Glyph], box: Rect)] = []
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
                lines.append(([glyph], glyph.box))
                centre.append(glyph.box.midY)
                height.append(h)
            }
        }
        return lines.map { TextLine(glyphs: $0.glyphs.sorted { $0.box.x0 < $1.box.x0 }, box: $0.box) }
            .sorted { $0.box.midY < $1.box.midY }
    }
}

/// A PDF text layer as the programs that made it left it, put right.
/// - Some programs (Chromium's Type 3 fonts) report every glyph as tall as the whole font box, so
///   the lines of a wrapped cell overlap. Such boxes are cut down to one em around their centre,
///   the em being the width of the CJK characters of the same box height.
/// - A watermark across the page (仅供医保经办使用, set large and turned) is text too, and its
///   characters fall between a form's values: glyphs far taller than the page's type that step
///   across the page as a turned line does, or huge ones, are dropped.
/// - Some map ideographs to the Kangxi radicals or compatibility ideographs of the same shape
///   (wkhtmltopdf: ⼭ for 山, ⽉ for 月), and spaces to control characters (U+0001): a value
///   read from them would look right and compare wrong. They become the ordinary characters.
public enum GlyphBoxes {
    public static func normalized(_ glyphs: [Glyph]) -> [Glyph] {
        let glyphs = withoutWatermark(glyphs).map { g in
            guard let v = g.character.unicodeScalars.first?.value else { return g }
            var out = g
            switch v {
            case 0x00...0x1F, 0x7F: out.character = " "
            case 0x2E80...0x2FDF, 0xF900...0xFAFF:
                out.character = String(g.character).precomposedStringWithCompatibilityMapping.first ?? g.character
            default: return g
            }
            return out
        }
        var ems: [Int: [Double]] = [:]
        for g in glyphs where g.isIdeograph { ems[Int(g.box.height.rounded()), default: []].append(g.box.width) }
        let em = ems.mapValues { widths in widths.sorted()[widths.count / 2] }
        return glyphs.map { g in
            guard let e = em[Int(g.box.height.rounded())], e > 0, g.box.height > 1.6 * e else { return g }
            var out = g
            out.box = Rect(x0: g.box.x0, y0: g.box.midY - 0.55 * e, x1: g.box.x1, y1: g.box.midY + 0.55 * e)
            return out
        }
    }

    static func withoutWatermark(_ glyphs: [Glyph]) -> [Glyph] {
        let heights = glyphs.filter { !$0.character.isWhitespace }.map(\.box.height).sorted()
        guard heights.count >= 20 else { return glyphs }
        let type = heights[heights.count / 2]
        let large = glyphs.map { !$0.character.isWhitespace && $0.box.height >= 2.5 * type }
        var drop = [Bool](repeating: false, count: glyphs.count)
        var i = 0
        while i < glyphs.count {
            guard large[i] else { i += 1; continue }
            var j = i
            while j + 1 < glyphs.count, large[j + 1] || glyphs[j + 1].character.isWhitespace { j += 1 }
            let run = (i...j).filter { large[$0] }
            // A turned line: each character lower or higher than the one before by a good part of its size.
            let turned = run.count >= 3 && zip(run, run.dropFirst()).allSatisfy { a, b in
                abs(glyphs[b].box.midY - glyphs[a].box.midY) > 0.3 * glyphs[a].box.height
            }
            let huge = run.allSatisfy { glyphs[$0].box.height >= 4 * type }
            if turned || huge { for k in run { drop[k] = true } }
            i = j + 1
        }
        return glyphs.indices.filter { !drop[$0] }.map { glyphs[$0] }
    }
}

/// Folding for matching printed labels: drops white space, maps full-width ASCII and punctuation
/// to one form, and compatibility ideographs (Kangxi radicals some programs emit) to the
/// ordinary ones.
///
/// Matching works on `UInt32` codes, not `Character`s: a character that is one scalar already in
/// canonical form (nearly every glyph) is its scalar value; any other is numbered above Unicode's
/// range by its canonical form. Two folded characters are equal exactly when their codes are.
enum MatchText {
    static func fold(_ c: Character) -> Character? {
        switch scalarFold(c) {
        case .dropped: return nil
        case .code(let v): return Character(Unicode.Scalar(v)!)
        case .unusual: return characterFold(c)
        }
    }

    /// The folded code of `c`, nil when folding drops it (white space).
    static func code(_ c: Character) -> UInt32? {
        switch scalarFold(c) {
        case .dropped: return nil
        case .code(let v): return v
        case .unusual: return characterFold(c).map(canonicalCode)
        }
    }

    /// Stands for a glyph folding drops, which lines never hold: matches no label.
    static let noCode = UInt32.max

    static func fold(_ s: String) -> [Character] { s.compactMap { fold($0) } }

    /// A label as matched on the page: folded, without a trailing colon.
    static func label(_ s: String) -> [Character] {
        var chars = fold(s)
        while let last = chars.last, last == ":" { chars.removeLast() }
        return chars
    }

    /// The codes of characters already folded.
    static func codes(_ folded: [Character]) -> [UInt32] { folded.map(canonicalCode) }

    /// `Character.isWhitespace` (the first scalar's White_Space) without a property lookup.
    static func isWhitespace(_ c: Character) -> Bool {
        c.unicodeScalars.first?.isSpace ?? false
    }

    private enum ScalarFold { case dropped, code(UInt32), unusual }

    /// The rules of `characterFold` for a character of one scalar in canonical form; `unusual`
    /// for any other character and for compatibility ideographs.
    private static func scalarFold(_ c: Character) -> ScalarFold {
        let scalars = c.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else {
            return .unusual
        }
        let v = first.value
        if first.isSpace { return .dropped }
        switch v {
        case 0xFF01...0xFF5E: return .code(v - 0xFEE0)
        case 0x2E80...0x2FDF, 0xF900...0xFAFF: return .unusual
        case 0x2013, 0x2014: return .code(0x2D)  // – — → -
        case 0x5E10: return .code(0x8D26)  // 帐 → 账
        // Below the first composition exclusion, and CJK through the Hangul syllables: every
        // scalar is its own canonical form.
        case 0..<0x340, 0x3000..<0xF900: return .code(v)
        default: return first.properties.isFullCompositionExclusion ? .unusual : .code(v)
        }
    }

    /// The folding rules on whole characters.
    private static func characterFold(_ c: Character) -> Character? {
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

    /// The code of a folded character: its scalar when it is one in canonical form, else a
    /// number for its canonical form.
    private static func canonicalCode(_ c: Character) -> UInt32 {
        let scalars = c.unicodeScalars
        if let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex,
           first.value < 0x340 || (0x3000..<0xF900).contains(first.value) || !first.properties.isFullCompositionExclusion {
            return first.value
        }
        let canonical = String(c).precomposedStringWithCanonicalMapping
        let s = canonical.unicodeScalars
        if let first = s.first, s.index(after: s.startIndex) == s.endIndex { return first.value }
        return RareCharacters.shared.code(canonical)
    }
}

/// Codes for folded characters that are not one scalar, numbered above Unicode's range. Shared
/// by every thread (readers run on several), so guarded by a lock; rarely used.
private final class RareCharacters: @unchecked Sendable {
    static let shared = RareCharacters()
    private let lock = NSLock()
    private var codes: [String: UInt32] = [:]

    func code(_ canonical: String) -> UInt32 {
        lock.withLock {
            if let code = codes[canonical] { return code }
            let code = 0x110000 + UInt32(codes.count)
            codes[canonical] = code
            return code
        }
    }
}

/// Label folding for other modules (form recognition reads the same folded text).
public enum LabelFolding {
    public static func fold(_ c: Character) -> Character? { MatchText.fold(c) }
}
