import Catalog

/// The printed words of a form's layout (labels, texts, title) in layout order: what a reader
/// looks for on the page to know where each value stands.
struct Stopper {
    enum Place: Hashable {
        case title
        case header(Int)
        case cell(row: Int, cell: Int, block: Int)
        case footer(Int)
    }
    var text: [Character]
    var place: Place
    /// Printed in a table's header rows, which a long table repeats on later pages.
    var inHeaderRow: Bool
}

/// A cell of the layout with its grid column, as an HTML table would place it.
struct PlacedCell {
    var row: Int
    var index: Int
    var column: Int
    var span: Int
    var cell: Cell
}

enum LayoutPlan {
    /// Grid columns of every cell, honouring `span` and `rowspan`.
    static func place(_ layout: FormLayout) -> [[PlacedCell]] {
        var occupied: [Int: Set<Int>] = [:]
        var placed: [[PlacedCell]] = []
        for (r, row) in layout.rows.enumerated() {
            var column = 0
            var cells: [PlacedCell] = []
            for (i, cell) in row.cells.enumerated() {
                while occupied[r, default: []].contains(column) { column += 1 }
                cells.append(PlacedCell(row: r, index: i, column: column, span: cell.span, cell: cell))
                for dr in 0..<max(1, cell.rowspan) {
                    for dc in 0..<max(1, cell.span) { occupied[r + dr, default: []].insert(column + dc) }
                }
                column += max(1, cell.span)
            }
            placed.append(cells)
        }
        return placed
    }

    /// Printed text that can serve as an anchor: at least two characters once folded, and not
    /// the blank date 年 月 日.
    static func anchorText(_ block: Block) -> [Character]? {
        let raw: String
        switch block.kind {
        case .label(let s), .text(let s): raw = s
        default: return nil
        }
        let folded = MatchText.label(raw)
        // Row numbers (10, 11) would be found inside values: not anchors.
        guard folded.count >= 2, folded != Array("年月日"), !folded.allSatisfy({ $0.isNumber || $0 == "." }) else { return nil }
        return folded
    }

    static func stoppers(_ form: FormDefinition) -> [Stopper] {
        let layout = form.layout
        var list: [Stopper] = [Stopper(text: MatchText.label(form.title), place: .title, inHeaderRow: false)]
        for (i, block) in layout.header.enumerated() {
            if let t = anchorText(block) { list.append(Stopper(text: t, place: .header(i), inHeaderRow: false)) }
        }
        for (r, row) in layout.rows.enumerated() {
            for (c, cell) in row.cells.enumerated() {
                for (b, block) in cell.blocks.enumerated() {
                    if let t = anchorText(block) {
                        list.append(Stopper(text: t, place: .cell(row: r, cell: c, block: b), inHeaderRow: row.header))
                    }
                }
            }
        }
        for (i, block) in layout.footer.enumerated() {
            if let t = anchorText(block) { list.append(Stopper(text: t, place: .footer(i), inHeaderRow: false)) }
        }
        return list
    }
}
