import PangoCairo

/// Laid-out content of known width and height: a paragraph, a checkbox group, blank space.
protocol Piece: AnyObject {
    var height: Double { get }
    /// Each text line's vertical extent relative to the piece's top, to cut only between lines.
    var lineSpans: [Range<Double>] { get }
    /// Draws with the top-left corner at (x, y) on the page; only lines inside `slice` (page
    /// coordinates).
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

/// One option of a checkbox group: the box and the option text as separate layouts, since the
/// ticked box comes from another font and Pango 1.50 shifts mixed-font runs off a common baseline.
struct ChoiceUnit {
    let box: TextLayout
    let text: TextLayout

    var boxWidth: Double { box.size.width }
    var width: Double { boxWidth + text.size.width }
    var ascent: Double { max(box.lines.first?.baseline ?? 0, text.lines.first?.baseline ?? 0) }
    var descent: Double {
        max(box.size.height - (box.lines.first?.baseline ?? 0), text.size.height - (text.lines.first?.baseline ?? 0))
    }

    /// Draws with the first baseline at `baseline`.
    func draw(x: Double, baseline: Double) {
        box.draw(x: x, y: baseline - (box.lines.first?.baseline ?? 0))
        text.draw(x: x + boxWidth, y: baseline - (text.lines.first?.baseline ?? 0))
    }
}

/// Options of a checkbox group, each "□option" kept whole and flowed left to right, wrapping
/// inside the width like words.
final class ChoicePiece: Piece {
    private struct Line {
        var units: [(unit: ChoiceUnit, x: Double)] = []
        var top = 0.0
        var baseline = 0.0
        var height = 0.0
    }

    private let lines: [Line]
    let height: Double

    /// `units` come unwrapped; the text of one wider than `width` is wrapped beside its box.
    init(units: [ChoiceUnit], width: Double, gap: Double, lineGap: Double, align: TextAlignment) {
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
            if unit.width > width { unit.text.width = max(1, width - unit.boxWidth) }
            let w = min(unit.width, width)
            if !current.units.isEmpty && used + gap + w > width { close() }
            let x = current.units.isEmpty ? 0 : used + gap
            current.units.append((unit, x))
            used = x + w
        }
        close()
        // Units of one line share a baseline (the ticked box is set larger than the text).
        var y = 0.0
        for i in lines.indices {
            let ascent = lines[i].units.map(\.unit.ascent).max() ?? 0
            let descent = lines[i].units.map(\.unit.descent).max() ?? 0
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
        for line in lines where slice.contains(y + line.top + line.height / 2) {
            for (unit, ux) in line.units { unit.draw(x: x + ux, baseline: y + line.top + line.baseline) }
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
