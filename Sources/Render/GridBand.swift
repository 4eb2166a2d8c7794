import Catalog
import PangoCairo

/// The measured grid of a form, ready to be cut into bands of rows for pagination.
struct GridGeometry {
    /// Rule width in points.
    static let rule = 0.6
    /// Inner padding of a cell at the default body size; smaller type gets proportionally less,
    /// so a dense table in small print keeps its columns for the text.
    static let paddingX = mm(1.8)
    static let paddingY = mm(1.5)
    static let paddingSize = 10.5
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
    let headerRows: [Bool]
    let paddingX: Double
    let paddingY: Double

    init(layout: FormLayout, pieces: BlockPieces, left: Double, width: Double) throws(RenderError) {
        let weights = layout.columns.map { max(0, $0) }
        let total = weights.reduce(0, +)
        guard !weights.isEmpty, total > 0 else {
            throw RenderError(reason: "layout: columns must be positive relative widths")
        }
        let scale = min(1, pieces.size / Self.paddingSize)
        paddingX = Self.paddingX * scale
        paddingY = Self.paddingY * scale
        var x = [left]
        for w in weights { x.append(x[x.count - 1] + width * w / total) }
        columnX = x

        // Check the definition's own rows first, so errors name the rows as written.
        _ = try GridOccupancy(rows: layout.rows, columnCount: weights.count)
        let printed = try PrintedRows(layout: layout, pieces: pieces)
        let grid = try GridOccupancy(rows: printed.rows, columnCount: weights.count)
        var cells: [MeasuredCell] = []
        var needs: [Double] = []
        for p in grid.placements {
            let cellWidth = x[p.column + p.span] - x[p.column] - 2 * paddingX
            let blocks = p.cell?.blocks ?? []
            let filler = printed.pieces[p.row]
            let stack = PieceStack(
                pieces: blocks.map { filler.piece(for: $0, width: max(1, cellWidth), cellAlign: p.cell?.align) },
                gap: filler.size * 0.25)
            cells.append(MeasuredCell(placement: p, stack: stack, valign: p.cell?.valign ?? .middle))
            needs.append(stack.height + 2 * paddingY)
        }
        let minimums = printed.rows.map { $0.minHeight.map(mm) ?? Self.defaultRowHeight }
        rowHeights = grid.rowHeights(minimums: minimums, contentHeights: needs)
        self.cells = cells
        bands = grid.bands
        headerRows = grid.headerRows
    }

    /// One flow item per band; `spaceBefore` goes above the first. A band of header rows stays
    /// with the band after it and is repeated atop every later page, until the next header band.
    func items(spaceBefore: Double) -> [any FlowItem] {
        var header: GridBand?
        var items: [any FlowItem] = []
        // Cells by their top row, so a long table is not scanned once per band.
        var byRow = Array(repeating: [MeasuredCell](), count: rowHeights.count)
        for cell in cells { byRow[cell.placement.row].append(cell) }
        for (i, rows) in bands.enumerated() {
            let isHeader = rows.allSatisfy { headerRows[$0] }
            let band = GridBand(grid: self, rows: rows, cells: rows.flatMap { byRow[$0] },
                                spaceBefore: i == 0 ? spaceBefore : 0,
                                keepWithNext: isHeader, runningHeader: isHeader ? [] : header.map { [$0] } ?? [])
            if isHeader { header = band }
            items.append(band)
        }
        return items
    }
}

/// Rows of the grid tied together by rowspans (or all header rows): kept on one page unless
/// taller than a page.
final class GridBand: FlowItem {
    let grid: GridGeometry
    let rows: Range<Int>
    /// Top of each row in the band, relative to the band's top.
    let rowTops: [Double]
    let height: Double
    let breakPoints: [Double]
    let spaceBefore: Double
    let keepWithNext: Bool
    let runningHeader: [any FlowItem]
    /// The cells whose top row is in the band.
    let cells: [GridGeometry.MeasuredCell]
    var keepTogether: Bool { true }

    init(grid: GridGeometry, rows: Range<Int>, cells: [GridGeometry.MeasuredCell], spaceBefore: Double,
         keepWithNext: Bool, runningHeader: [any FlowItem]) {
        self.spaceBefore = spaceBefore
        self.keepWithNext = keepWithNext
        self.runningHeader = runningHeader
        self.grid = grid
        self.rows = rows
        self.cells = cells
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
        for cell in cells {
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
        let slack = max(0, f.height - 2 * grid.paddingY - cell.stack.height)
        let shift: Double = switch cell.valign {
        case .top: 0
        case .middle: slack / 2
        case .bottom: slack
        }
        return f.y + grid.paddingY + shift
    }

    func draw(_ context: Context, top: Double, slice: Range<Double>) {
        let shifted = (slice.lowerBound + top)..<(slice.upperBound + top)
        for cell in cells {
            let f = Self.frame(cell, rowTops: rowTops, rows: rows, grid: grid)
            let y = Self.contentTop(cell, rowTops: rowTops, rows: rows, grid: grid)
            cell.stack.draw(context, x: f.x + grid.paddingX, y: top + y, slice: shifted)
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
