import PangoCairo

/// A stack of blocks across the text width (title, header and footer lines, notice paragraphs).
final class StackItem: FlowItem {
    let stack: PieceStack
    let x: Double
    let spaceBefore: Double
    let keepWithNext: Bool
    let keepTogether: Bool
    let height: Double
    let breakPoints: [Double]

    init(_ pieces: [Piece], x: Double = Page.marginLeft, gap: Double = 0, spaceBefore: Double = 0,
         keepWithNext: Bool = false, keepTogether: Bool = false) {
        stack = PieceStack(pieces: pieces, gap: gap)
        self.x = x
        self.spaceBefore = spaceBefore
        self.keepWithNext = keepWithNext
        self.keepTogether = keepTogether
        let total = stack.height
        height = total
        breakPoints = stack.lineSpans.map(\.upperBound).filter { $0 > 0 && $0 < total - 0.01 }
    }

    func draw(_ context: Context, top: Double, slice: Range<Double>) {
        stack.draw(context, x: x, y: top, slice: (slice.lowerBound + top)..<(slice.upperBound + top))
    }
}
