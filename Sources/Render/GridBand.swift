import Catalog
import PangoCairo

/// The measured grid of a form, ready to be cut into bands of rows for pagination.
struct GridGeometry {
    /// Rule width in points.
    static let rule = 0.6
    /// Inner padding of a cell.
    static let paddingX = mm(1.8)
    static let paddingY = mm(1.5)
    /// Row height when the definition gives none.
    static let defaultRowHeight = mm(8)

    struct MeasuredCell {
        let placement: GridOccupancy.Placement
        let stack: PieceStack
        let valign: VerticalAlignment
    }

    let columnX: [Double]
    let rowHeights: [Double]
    let cells: [MeasuredCell]
    let bands: [Range<Int>]

    init(layout: FormLayout, pieces: BlockPieces, left: Double, width: Double) throws(RenderError) {
        let weights = layout.columns.map { max(0, $0) }
        let total = weights.reduce(0, +)
        guard !weights.isEmpty, total > 0 else {
            throw RenderError(reason: "layout: columns must be positive relative widths")
        }
        var x = [left]
        for w in weights { x.append(x[x.count - 1] + width * w / total) }
        columnX = x

        let grid = try GridOccupancy(rows: layout.rows, columnCount: weights.count)
        var cells: [MeasuredCell] = []
        var needs: [Double] = []
        for p in grid.placements {
            let cellWidth = x[p.column + p.span] - x[p.column] - 2 * Self.paddingX
            let blocks = p.cell?.blocks ?? []
            let stack = PieceStack(
                pieces: blocks.map { pieces.piece(for: $0, width: max(1, cellWidth), cellAlign: p.cell?.align) },
                gap: pieces.size * 0.25)
            cells.append(MeasuredCell(placement: p, stack: stack, valign: p.cell?.valign ?? .middle))
            needs.append(stack.height + 2 * Self.paddingY)
        }
        let minimums = layout.rows.map { $0.minHeight.map(mm) ?? Self.defaultRowHeight }
        rowHeights = grid.rowHeights(minimums: minimums, contentHeights: needs)
        self.cells = cells
        bands = grid.bands
    }

    /// One flow item per band; `spaceBefore` goes above the first.
    func items(spaceBefore: Double) -> [any FlowItem] {
        bands.enumerated().map { GridBand(grid: self, rows: $0.element, spaceBefore: $0.offset == 0 ? spaceBefore : 0) }
    }
}

/// Rows of the grid tied together by rowspans: kept on one page unless taller than a page.
final class GridBand: FlowItem {
    let grid: GridGeometry
    let rows: Range<Int>
    /// Top of each row in the band, relative to the band's top.
    let rowTops: [Double]
    let height: Double
    let breakPoints: [Double]
    let spaceBefore: Double
    var keepTogether: Bool { true }

    init(grid: GridGeometry, rows: Range<Int>, spaceBefore: Double) {
        self.spaceBefore = spaceBefore
        self.grid = grid
        self.rows = rows
        var tops: [Double] = []
        var y = 0.0
        for r in rows {
            tops.append(y)
            y += grid.rowHeights[r]
        }
        rowTops = tops
        height = y
        // Cut between rows or between text lines, never through a line of any cell.
        var candidates = Set(tops.dropFirst())
        var spans: [Range<Double>] = []
        for cell in grid.cells where rows.contains(cell.placement.row) {
            let top = Self.contentTop(cell, rowTops: tops, rows: rows, grid: grid)
            for span in cell.stack.lineSpans {
                let absolute = (span.lowerBound + top)..<(span.upperBound + top)
                spans.append(absolute)
                candidates.insert(absolute.upperBound)
            }
        }
        let total = y
        breakPoints = candidates
            .filter { y in y > 0 && y < total && !spans.contains { $0.lowerBound + 0.01 < y && y < $0.upperBound - 0.01 } }
            .sorted()
    }

    private static func frame(_ cell: GridGeometry.MeasuredCell, rowTops: [Double], rows: Range<Int>,
                              grid: GridGeometry) -> (x: Double, y: Double, width: Double, height: Double) {
        let p = cell.placement
        let top = rowTops[p.row - rows.lowerBound]
        let height = (p.row..<(p.row + p.rowspan)).reduce(0) { $0 + grid.rowHeights[$1] }
        return (grid.columnX[p.column], top, grid.columnX[p.column + p.span] - grid.columnX[p.column], height)
    }

    private static func contentTop(_ cell: GridGeometry.MeasuredCell, rowTops: [Double], rows: Range<Int>,
                                   grid: GridGeometry) -> Double {
        let f = frame(cell, rowTops: rowTops, rows: rows, grid: grid)
        let slack = max(0, f.height - 2 * GridGeometry.paddingY - cell.stack.height)
        let shift: Double = switch cell.valign {
        case .top: 0
        case .middle: slack / 2
        case .bottom: slack
        }
        return f.y + GridGeometry.paddingY + shift
    }

    func draw(_ context: Context, top: Double, slice: Range<Double>) {
        let cells = grid.cells.filter { rows.contains($0.placement.row) }
        let shifted = (slice.lowerBound + top)..<(slice.upperBound + top)
        for cell in cells {
            let f = Self.frame(cell, rowTops: rowTops, rows: rows, grid: grid)
            let y = Self.contentTop(cell, rowTops: rowTops, rows: rows, grid: grid)
            cell.stack.draw(context, x: f.x + GridGeometry.paddingX, y: top + y, slice: shifted)
        }
        context.setLineWidth(GridGeometry.rule)
        context.setLineCap(.square)
        for cell in cells {
            let f = Self.frame(cell, rowTops: rowTops, rows: rows, grid: grid)
            context.rectangle(x: f.x, y: top + f.y, width: f.width, height: f.height)
            context.stroke()
        }
        // Close the table where a band taller than a page is cut.
        let left = grid.columnX[0]
        let right = grid.columnX[grid.columnX.count - 1]
        if slice.lowerBound > 0 { context.line(from: (left, top + slice.lowerBound), to: (right, top + slice.lowerBound)) }
        if slice.upperBound < height { context.line(from: (left, top + slice.upperBound), to: (right, top + slice.upperBound)) }
    }
}
