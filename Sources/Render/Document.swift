import PangoCairo

/// One PDF being made: the surface, its context and the fonts, and the final drawing pass over
/// paginated items.
final class Document {
    let surface: PDFSurface
    let context: Context
    let typesetter: Typesetter

    init(title: String, options: RenderOptions) throws(RenderError) {
        do {
            surface = try PDFSurface(width: Page.width, height: Page.height)
            context = try Context(surface: surface)
        } catch {
            throw RenderError(error)
        }
        surface.setMetadata(.title, title)
        surface.setMetadata(.creator, "intake")
        // cairo stamps the current time by default; leaving the date out keeps the bytes the
        // same for the same input.
        surface.omitCreationDate()
        typesetter = Typesetter(context: context, options: options)
    }

    /// Paginates `items`, draws every page (numbered "第 N 页 共 M 页" when there are several)
    /// and returns the PDF.
    func render(_ items: [any FlowItem]) throws(RenderError) -> [UInt8] {
        let pages = Paginator.paginate(items)
        context.setColor(red: 0, green: 0, blue: 0)
        for (number, page) in pages.enumerated() {
            for placement in page {
                let item = placement.item
                let whole = placement.slice.lowerBound <= 0 && placement.slice.upperBound >= item.height
                let top = placement.y - placement.slice.lowerBound
                context.save()
                if !whole {
                    // Keep rules and strokes of the cut part off this page.
                    let bleed = 2.0
                    let from = placement.slice.lowerBound <= 0 ? -bleed : 0
                    let to = placement.slice.upperBound >= item.height ? bleed : 0
                    context.rectangle(x: 0, y: placement.y + from, width: Page.width,
                                      height: placement.slice.upperBound - placement.slice.lowerBound - from + to)
                    context.clip()
                }
                item.draw(context, top: top, slice: placement.slice)
                context.restore()
            }
            if pages.count > 1 { drawPageNumber(number + 1, of: pages.count) }
            context.showPage()
        }
        do {
            try context.check("draw pages")
            return try surface.finish()
        } catch {
            throw RenderError(error)
        }
    }

    private func drawPageNumber(_ number: Int, of count: Int) {
        let layout = typesetter.layout("第 \(number) 页 共 \(count) 页", size: 9, width: Page.contentWidth, align: .center)
        layout.draw(x: Page.marginLeft, y: Page.pageNumberTop)
    }
}
