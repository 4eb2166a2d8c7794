import Catalog

/// Where each cell of a form grid sits, worked out like an HTML table: a cell takes the first
/// column of its row not held by a rowspan from above.
struct GridOccupancy {
    struct Placement {
        var row: Int
        var column: Int
        var span: Int
        var rowspan: Int
        /// nil for a slot the definition left empty (drawn as a blank cell so every border shows).
        var cell: Cell?
    }

    let rowCount: Int
    let columnCount: Int
    let placements: [Placement]
    /// Rows marked `header`, repeated atop each page the grid continues on.
    let headerRows: [Bool]

    /// Throws when a row holds more cells than the columns allow: printing that grid would be a
    /// lie about the official form, so the definition must be fixed.
    init(rows: [FormLayout.Row], columnCount: Int) throws(RenderError) {
        self.rowCount = rows.count
        self.columnCount = columnCount
        self.headerRows = rows.map(\.header)
        var taken = Array(repeating: Array(repeating: false, count: columnCount), count: rows.count)
        var placements: [Placement] = []
        for (r, row) in rows.enumerated() {
            var c = 0
            for (i, cell) in row.cells.enumerated() {
                while c < columnCount && taken[r][c] { c += 1 }
                guard c < columnCount else {
                    throw RenderError(reason: "layout row \(r + 1): cell \(i + 1) has no column left (\(columnCount) columns)")
                }
                let span = max(1, cell.span)
                guard c + span <= columnCount else {
                    throw RenderError(reason: "layout row \(r + 1): cell \(i + 1) spans \(span) columns from column \(c + 1) of \(columnCount)")
                }
                // As in HTML, a rowspan past the last row stops at the last row.
                let rowspan = min(max(1, cell.rowspan), rows.count - r)
                for rr in r..<(r + rowspan) {
                    for cc in c..<(c + span) {
                        guard !taken[rr][cc] else {
                            throw RenderError(reason: "layout row \(r + 1): cell \(i + 1) overlaps a cell spanning from above at row \(rr + 1), column \(cc + 1)")
                        }
                        taken[rr][cc] = true
                    }
                }
                placements.append(Placement(row: r, column: c, span: span, rowspan: rowspan, cell: cell))
                c += span
            }
        }
        for r in 0..<rows.count {
            for c in 0..<columnCount where !taken[r][c] {
                placements.append(Placement(row: r, column: c, span: 1, rowspan: 1, cell: nil))
            }
        }
        self.placements = placements
    }

    /// Row heights: each row at least its minimum and tall enough for its one-row cells; a
    /// rowspan cell that needs more than its rows give shares the excess evenly among them.
    func rowHeights(minimums: [Double], contentHeights: [Double]) -> [Double] {
        precondition(minimums.count == rowCount && contentHeights.count == placements.count)
        var heights = minimums
        for (p, need) in zip(placements, contentHeights) where p.rowspan == 1 {
            heights[p.row] = max(heights[p.row], need)
        }
        let spanning = zip(placements, contentHeights).filter { $0.0.rowspan > 1 }.sorted { $0.0.rowspan < $1.0.rowspan }
        for (p, need) in spanning {
            let rows = p.row..<(p.row + p.rowspan)
            let have = rows.reduce(0) { $0 + heights[$1] }
            if need > have {
                let extra = (need - have) / Double(p.rowspan)
                for r in rows { heights[r] += extra }
            }
        }
        return heights
    }

    /// Groups of consecutive rows that must stay on one page because a rowspan ties them, or
    /// because they are header rows, which repeat as one block.
    var bands: [Range<Int>] {
        guard rowCount > 0 else { return [] }
        // tiedToNext[r]: some cell covers both row r and row r + 1.
        var tiedToNext = (0..<rowCount).map { $0 + 1 < rowCount && headerRows[$0] && headerRows[$0 + 1] }
        for p in placements where p.rowspan > 1 {
            for r in p.row..<(p.row + p.rowspan - 1) { tiedToNext[r] = true }
        }
        var bands: [Range<Int>] = []
        var start = 0
        for r in 0..<rowCount where !tiedToNext[r] {
            bands.append(start..<(r + 1))
            start = r + 1
        }
        return bands
    }
}
