import Catalog
import IntakeCore

/// The rows of the grid as printed: a `repeat` row written out once per submitted row of its
/// table (or `blankRows` times empty), each row with the values its cells are filled from.
struct PrintedRows {
    /// Empty rows of a table whose definition gives no `blankRows`.
    static let defaultBlankRows = 5

    let rows: [FormLayout.Row]
    /// The pieces each row is filled by, parallel to `rows`.
    let pieces: [BlockPieces]

    /// Throws for a repeat row that is not printable: one naming no table field, one marked
    /// header, or one a rowspan enters or leaves, since its number of copies is only known per
    /// submission.
    init(layout: FormLayout, pieces: BlockPieces) throws(RenderError) {
        var rows: [FormLayout.Row] = []
        var filled: [BlockPieces] = []
        for (r, row) in layout.rows.enumerated() {
            guard let key = row.repeat else {
                rows.append(row)
                filled.append(pieces)
                continue
            }
            guard let table = pieces.form.field(key), table.type == .table else {
                throw RenderError(reason: "layout row \(r + 1): repeats \(key), which is not a table field")
            }
            if row.header {
                throw RenderError(reason: "layout row \(r + 1): a repeat row cannot be a header row")
            }
            if row.cells.contains(where: { $0.rowspan > 1 }) {
                throw RenderError(reason: "layout row \(r + 1): a repeat row cannot hold a cell with rowspan")
            }
            var submitted: [[String: FieldValue]] = []
            if case .rows(let list) = pieces.values[key] { submitted = list }
            if submitted.isEmpty {
                submitted = Array(repeating: [:], count: max(0, table.blankRows ?? Self.defaultBlankRows))
            }
            for values in submitted {
                rows.append(row)
                filled.append(pieces.row(of: table, values: values))
            }
        }
        for (r, row) in layout.rows.enumerated() {
            for cell in row.cells where cell.rowspan > 1 {
                let covered = layout.rows[(r + 1)..<min(layout.rows.count, r + cell.rowspan)]
                if covered.contains(where: { $0.repeat != nil }) {
                    throw RenderError(reason: "layout row \(r + 1): a rowspan reaches into a repeat row")
                }
            }
        }
        self.rows = rows
        self.pieces = filled
    }
}
