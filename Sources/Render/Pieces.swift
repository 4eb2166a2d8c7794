import PangoCairo

/// Laid-out content of known width and height: a paragraph, a checkbox group, blank space.
protocol Piece: AnyObject {
    var height: Double { get }
    /// Each text line's vertical extent relative to the piece's top, to cut only between lines.
    var lineSpans: [Range<Double>] { get }
    /// Draws with the top-left corner at (x, y) in item coordinates; only lines inside `slice`.
    func draw(_ context: Context, x: Double, y: Double, slice: Range<Double>)
}

/// A paragraph of text set in a fixed width.
final class TextPiece: Piece {
    let layout: TextLayout
    let height: Double
    /// Horizontal offset of the layout (list bodies hang right of their numbers).
    let inset: Double

    init(_ layout: TextLayout, inset: Double = 0) {
        self.layout = layout
        self.height = layout.size.height
        self.inset = inset
    }

    var lineSpans: [Range<Double>] { layout.lines.map { $0.top..<$0.bottom } }

    func draw(_ context: Context, x: Double, y: Double, slice: Range<Double>) {
        drawLayout(layout, x: x + inset, y: y, slice: slice)
    }
}

/// Vertical blank space (for a seal, a signature).
final class SpacePiece: Piece {
    let height: Double
    init(height: Double) { self.height = height }
    var lineSpans: [Range<Double>] { [] }
    func draw(_ context: Context, x: Double, y: Double, slice: Range<Double>) {}
}

/// Options of a checkbox group, each "□option" kept whole and flowed left to right, wrapping
/// inside the width like words.
final class ChoicePiece: Piece {
    private struct Line {
        var units: [(layout: TextLayout, x: Double)] = []
        var top = 0.0
        var baseline = 0.0
        var height = 0.0
    }

    private let lines: [Line]
    let height: Double

    /// `units` are laid out without a width; one wider than `width` is wrapped to it.
    init(units: [TextLayout], width: Double, gap: Double, lineGap: Double, align: TextAlignment) {
        var lines: [Line] = []
        var current = Line()
        var used = 0.0
        func close() {
            guard !current.units.isEmpty else { return }
            let shift: Double = switch align {
            case .left: 0
            case .center: max(0, (width - used) / 2)
            case .right: max(0, width - used)
            }
            for i in current.units.indices { current.units[i].x += shift }
            lines.append(current)
            current = Line()
            used = 0
        }
        for unit in units {
            var w = unit.size.width
            if w > width {
                unit.width = width
                w = width
            }
            if !current.units.isEmpty && used + gap + w > width { close() }
            let x = current.units.isEmpty ? 0 : used + gap
            current.units.append((unit, x))
            used = x + w
        }
        close()
        // Units of one line share a baseline (the ticked box is set larger than the text).
        var y = 0.0
        for i in lines.indices {
            var ascent = 0.0
            var descent = 0.0
            for unit in lines[i].units {
                let first = unit.layout.lines.first
                let baseline = first?.baseline ?? 0
                ascent = max(ascent, baseline)
                descent = max(descent, unit.layout.size.height - baseline)
            }
            if i > 0 { y += lineGap }
            lines[i].top = y
            lines[i].baseline = ascent
            lines[i].height = ascent + descent
            y += ascent + descent
        }
        self.lines = lines
        self.height = y
    }

    var lineSpans: [Range<Double>] { lines.map { $0.top..<($0.top + $0.height) } }

    func draw(_ context: Context, x: Double, y: Double, slice: Range<Double>) {
        for line in lines {
            let mid = y + line.top + line.height / 2
            guard slice.contains(mid) else { continue }
            for unit in line.units {
                let baseline = unit.layout.lines.first?.baseline ?? 0
                unit.layout.draw(x: x + unit.x, y: y + line.top + line.baseline - baseline)
            }
        }
    }
}

/// Blocks stacked top to bottom in one width.
struct PieceStack {
    let pieces: [Piece]
    let gap: Double

    var height: Double {
        pieces.reduce(0) { $0 + $1.height } + gap * Double(max(0, pieces.count - 1))
    }

    /// Each piece with its top relative to the stack's top.
    var placed: [(piece: Piece, top: Double)] {
        var y = 0.0
        return pieces.map { piece in
            defer { y += piece.height + gap }
            return (piece, y)
        }
    }

    var lineSpans: [Range<Double>] {
        placed.flatMap { p in p.piece.lineSpans.map { ($0.lowerBound + p.top)..<($0.upperBound + p.top) } }
    }

    func draw(_ context: Context, x: Double, y: Double, slice: Range<Double>) {
        for p in placed { p.piece.draw(context, x: x, y: y + p.top, slice: slice) }
    }
}
