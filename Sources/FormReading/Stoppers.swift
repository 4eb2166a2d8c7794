import Catalog

/// The printed words of a form's layout (labels, texts, title) in layout order: what a reader
/// looks for on the page to know where each value stands.
struct Stopper: Sendable {
    enum Place: Hashable, Sendable {
        case title
        case header(Int)
        case cell(row: Int, cell: Int, block: Int)
        case footer(Int)
    }
    var text: [Character]
    /// `text` as match codes (`MatchText.code`).
    var codes: [UInt32]
    var place: Place
    /// Printed in a table's header rows, which a long table repeats on later pages.
    var inHeaderRow: Bool
}

/// A cell of the layout with its grid column, as an HTML table would place it.
struct PlacedCell: Sendable {
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
        func stopper(_ text: [Character], _ place: Stopper.Place, inHeaderRow: Bool = false) -> Stopper {
            Stopper(text: text, codes: MatchText.codes(text), place: place, inHeaderRow: inHeaderRow)
        }
        var list: [Stopper] = [stopper(MatchText.label(form.title), .title)]
        for (i, block) in layout.header.enumerated() {
            if let t = anchorText(block) { list.append(stopper(t, .header(i))) }
        }
        for (r, row) in layout.rows.enumerated() {
            for (c, cell) in row.cells.enumerated() {
                for (b, block) in cell.blocks.enumerated() {
                    if let t = anchorText(block) { list.append(stopper(t, .cell(row: r, cell: c, block: b), inHeaderRow: row.header)) }
                }
            }
        }
        for (i, block) in layout.footer.enumerated() {
            if let t = anchorText(block) { list.append(stopper(t, .footer(i))) }
        }
        return list
    }
}

/// The stoppers of one text, searched for together: the k-th occurrence in reading order is the
/// k-th instance.
struct StopperGroup: Sendable {
    var codes: [UInt32]
    var instances: [Stopper]
    var inHeaderRow: Bool
}

/// What reading a form needs from its layout, prepared once per form rather than per file.
struct FormPlan: Sendable {
    let placed: [[PlacedCell]]
    let stoppers: [Stopper]
    /// Longest text first (a short label is not taken out of a longer one), then in layout order.
    let groups: [StopperGroup]

    init(_ form: FormDefinition) {
        placed = LayoutPlan.place(form.layout)
        stoppers = LayoutPlan.stoppers(form)
        var groups: [StopperGroup] = []
        var groupOf: [[UInt32]: Int] = [:]
        for stopper in stoppers {
            if let g = groupOf[stopper.codes] {
                groups[g].instances.append(stopper)
                groups[g].inHeaderRow = groups[g].inHeaderRow || stopper.inHeaderRow
            } else {
                groupOf[stopper.codes] = groups.count
                groups.append(StopperGroup(codes: stopper.codes, instances: [stopper], inHeaderRow: stopper.inHeaderRow))
            }
        }
        self.groups = groups.enumerated()
            .sorted { ($0.element.codes.count, $1.offset) > ($1.element.codes.count, $0.offset) }
            .map(\.element)
    }
}
