import PangoCairo

/// Something stacked down the page: a title, a paragraph, a band of grid rows.
///
/// Items are measured before anything is drawn, so the page count is known when page numbers
/// are printed.
protocol FlowItem: AnyObject {
    var height: Double { get }
    /// Blank space above the item, dropped at the top of a page.
    var spaceBefore: Double { get }
    /// Offsets (0 < y < height, ascending) where the item may be cut across pages without
    /// cutting a line of text in half.
    var breakPoints: [Double] { get }
    /// Move to a new page rather than cut, as long as the item fits on a page.
    var keepTogether: Bool { get }
    /// Never end a page with this item (a heading).
    var keepWithNext: Bool { get }
    /// Items drawn again atop a page this item starts or continues on (the header rows of a
    /// table), when they already appeared on an earlier page.
    var runningHeader: [any FlowItem] { get }
    /// Draws the part `slice` of the item with the item's top at `top` on the page. Text outside
    /// the slice must not be drawn (it would show up twice in the text layer).
    func draw(_ context: Context, top: Double, slice: Range<Double>)
}

extension FlowItem {
    var spaceBefore: Double { 0 }
    var breakPoints: [Double] { [] }
    var keepTogether: Bool { false }
    var keepWithNext: Bool { false }
    var runningHeader: [any FlowItem] { [] }
}

/// One piece of an item on one page.
struct Placement {
    let item: any FlowItem
    let slice: Range<Double>
    /// Page y of the slice's top.
    let y: Double
}

/// Spreads items over pages: whole when they fit, cut at a break point when they do not.
enum Paginator {
    static func paginate(_ items: [any FlowItem], top: Double = Page.contentTop,
                         bottom: Double = Page.contentBottom) -> [[Placement]] {
        var pages: [[Placement]] = [[]]
        var y = top
        let pageHeight = bottom - top
        // Nothing on the page yet but repeated headers.
        var fresh = true
        func newPage(for item: any FlowItem) {
            pages.append([])
            y = top
            fresh = true
            // A header taller than half a page would leave too little room to repeat it.
            let header = item.runningHeader
            guard header.reduce(0, { $0 + $1.height }) <= pageHeight / 2 else { return }
            for h in header {
                pages[pages.count - 1].append(Placement(item: h, slice: 0..<h.height, y: y))
                y += h.height
            }
        }
        func place(_ item: any FlowItem, _ slice: Range<Double>) {
            pages[pages.count - 1].append(Placement(item: item, slice: slice, y: y))
            fresh = false
        }
        for (index, item) in items.enumerated() {
            if !fresh { y += item.spaceBefore }
            // A heading goes to the next page with what follows it if that would not fit.
            if item.keepWithNext, index + 1 < items.count, !fresh {
                let next = items[index + 1]
                let nextFirst = next.keepTogether ? next.height : (next.breakPoints.first ?? next.height)
                if y + item.height + next.spaceBefore + nextFirst > bottom { newPage(for: item) }
            }
            var offset = 0.0
            while offset < item.height {
                let remaining = item.height - offset
                let room = bottom - y
                if remaining <= room + 0.01 {
                    place(item, offset..<item.height)
                    y += remaining
                    break
                }
                let atTop = fresh
                // When the page holds only a title or headings, moving on would leave them alone
                // on it: cut the item here instead.
                let onlyHeadings = pages[pages.count - 1].allSatisfy { $0.item.keepWithNext }
                if !atTop && !onlyHeadings && offset == 0 && item.keepTogether && item.height <= pageHeight {
                    newPage(for: item)
                    continue
                }
                // Cut at the deepest break point that fits; a page with nothing else on it takes
                // a hard cut (clipped) rather than looping forever.
                var cut = item.breakPoints.last { $0 > offset + 0.01 && $0 - offset <= room }
                if cut == nil {
                    if !atTop { newPage(for: item); continue }
                    cut = offset + room
                }
                place(item, offset..<cut!)
                offset = cut!
                newPage(for: item)
            }
        }
        if pages.count > 1 && pages[pages.count - 1].isEmpty { pages.removeLast() }
        return pages
    }
}

/// Draws a layout with its top-left corner at (x, y) on the page, only the lines whose middle
/// lies in `slice` (page coordinates): a line is never drawn on two pages.
func drawLayout(_ layout: TextLayout, x: Double, y: Double, slice: Range<Double>) {
    let size = layout.size
    if y >= slice.lowerBound - 0.01 && y + size.height <= slice.upperBound + 0.01 {
        layout.draw(x: x, y: y)
        return
    }
    let lines = layout.lines
    let visible = lines.indices.filter {
        let mid = y + (lines[$0].top + lines[$0].bottom) / 2
        return slice.contains(mid)
    }
    if let first = visible.first, let last = visible.last {
        layout.drawLines(first...last, x: x, y: y)
    }
}
