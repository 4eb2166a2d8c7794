import Catalog

/// Dividing the text of one cell between the fields printed in it: single printed characters
/// (自 … 至 …, … 名, … 元) separate values, and a date set on its own line is the date's.
enum Segments {
    enum Piece {
        case weak([UInt32])
        case field(String, isDate: Bool)
    }

    static func pieces(_ blocks: [Block]) -> [Piece] {
        blocks.compactMap { block in
            switch block.kind {
            case .label(let s), .text(let s):
                let folded = MatchText.label(s)
                return folded.isEmpty || LayoutPlan.anchorText(block) != nil ? nil : .weak(MatchText.codes(folded))
            case .field(let k), .choices(let k): return .field(k, isDate: false)
            case .date(let k): return .field(k, isDate: true)
            case .space: return nil
            }
        }
    }

    static func split(_ refs: [GlyphRef], pieces: [Piece], model: PageModels) -> [String: [GlyphRef]] {
        let chars = refs.map(model.code)
        var result: [String: [GlyphRef]] = [:]
        var pending: [(String, Bool)] = []
        var pos = 0
        func flush(upTo end: Int) {
            guard !pending.isEmpty else { return }
            let part = Array(refs[min(pos, end)..<end])
            for (key, value) in byLines(part, fields: pending, model: model) { result[key] = value }
            pending = []
        }
        for (i, piece) in pieces.enumerated() {
            switch piece {
            case .field(let key, let isDate):
                pending.append((key, isDate))
            case .weak(let text):
                let isFirst = i == 0, isLast = i == pieces.count - 1
                var found: Int? = nil
                if isLast {
                    if chars.count - text.count >= pos, chars[(chars.count - text.count)...].elementsEqual(text) { found = chars.count - text.count }
                } else if isFirst {
                    if chars.count >= text.count, chars[0..<text.count].elementsEqual(text) { found = 0 }
                } else if pos + text.count <= chars.count {
                    found = (pos...(chars.count - text.count)).first { chars[$0..<($0 + text.count)].elementsEqual(text) }
                }
                if let j = found {
                    flush(upTo: j)
                    pos = j + text.count
                }
            }
        }
        flush(upTo: refs.count)
        return result
    }

    /// Several fields with nothing printed between them: a date takes a line that reads as a
    /// date, the others the remaining lines in order.
    private static func byLines(_ refs: [GlyphRef], fields: [(String, Bool)], model: PageModels) -> [String: [GlyphRef]] {
        guard fields.count > 1 else { return fields.first.map { [$0.0: refs] } ?? [:] }
        var lines: [[GlyphRef]] = []
        for ref in refs {
            if let last = lines.last?.last, last.page == ref.page, last.line == ref.line { lines[lines.count - 1].append(ref) } else { lines.append([ref]) }
        }
        var result: [String: [GlyphRef]] = [:]
        var others: [String] = []
        for (key, isDate) in fields {
            guard isDate else { others.append(key); continue }
            if let i = lines.lastIndex(where: { Interpret.looksLikeDate(Interpret.text($0, model: model)) }) {
                result[key] = lines.remove(at: i)
            }
        }
        for (n, key) in others.enumerated() {
            if n == others.count - 1 { result[key] = lines.flatMap { $0 }; lines = [] } else if !lines.isEmpty { result[key] = lines.removeFirst() }
        }
        return result
    }
}
