import PangoCairo

/// A numbered (or labelled) paragraph: the marker in a column of its own, the body wrapped
/// beside it so continuation lines align under the text, not under the number.
final class HangingPiece: Piece {
    let marker: TextLayout
    let body: TextLayout
    let bodyOffset: Double
    let height: Double

    init(marker: TextLayout, body: TextLayout, bodyOffset: Double) {
        self.marker = marker
        self.body = body
        self.bodyOffset = bodyOffset
        height = max(marker.size.height, body.size.height)
    }

    var lineSpans: [Range<Double>] { body.lines.map { $0.top..<$0.bottom } }

    func draw(_ context: Context, x: Double, y: Double, slice: Range<Double>) {
        drawLayout(marker, x: x, y: y, slice: slice)
        drawLayout(body, x: x + bodyOffset, y: y, slice: slice)
    }
}

/// The sign-off line: labels each followed by a rule to sign on, then a blank date.
final class SignaturePiece: Piece {
    private let parts: [(layout: TextLayout, x: Double, rule: Double)]
    let height: Double

    /// `fields`: label and length of the rule after it, in points.
    init(fields: [(label: String, rule: Double)], typesetter: Typesetter, size: Double, gap: Double) {
        var x = 0.0
        var parts: [(TextLayout, Double, Double)] = []
        for field in fields {
            let layout = typesetter.layout(field.label, size: size, width: nil)
            parts.append((layout, x, field.rule))
            x += layout.size.width + field.rule + gap
        }
        self.parts = parts
        height = parts.map { $0.0.size.height }.max() ?? 0
    }

    var lineSpans: [Range<Double>] { [0..<height] }

    func draw(_ context: Context, x: Double, y: Double, slice: Range<Double>) {
        guard slice.contains(y + height / 2) else { return }
        context.setLineWidth(0.5)
        context.setLineCap(.butt)
        for part in parts {
            part.layout.draw(x: x + part.x, y: y)
            guard part.rule > 0 else { continue }
            let start = x + part.x + part.layout.size.width
            let baseline = y + (part.layout.lines.first?.baseline ?? height) + 2
            context.line(from: (start, baseline), to: (start + part.rule, baseline))
        }
    }
}

/// A horizontal rule across the text width.
final class RulePiece: Piece {
    let width: Double
    let height = 1.0
    let dash: [Double]
    init(width: Double, dash: [Double] = []) {
        self.width = width
        self.dash = dash
    }
    var lineSpans: [Range<Double>] { [] }
    func draw(_ context: Context, x: Double, y: Double, slice: Range<Double>) {
        guard slice.contains(y) else { return }
        context.save()
        context.setLineWidth(0.5)
        context.setDash(dash)
        context.line(from: (x, y + 0.5), to: (x + width, y + 0.5))
        context.restore()
    }
}
