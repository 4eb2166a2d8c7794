import Catalog
import IntakeCore
import PangoCairo

/// Prints an official form from its definition: title, header lines, the grid, footer lines.
public struct FormRenderer: Sendable {
    public var options: RenderOptions

    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    /// A4 PDF of the form filled with `values` (empty values = the blank form for the counter).
    public func render(_ form: FormDefinition, values: [String: FieldValue]) throws(RenderError) -> [UInt8] {
        let document = try Document(title: form.title, options: options)
        let typesetter = document.typesetter
        let layout = form.layout
        let size = layout.fontSize ?? 10.5
        let pieces = BlockPieces(form: form, values: values, typesetter: typesetter, size: size)
        let width = Page.contentWidth

        var items: [any FlowItem] = []
        let title = typesetter.layout(form.title, face: .bold, size: layout.titleSize ?? 18, width: width, align: .center)
        items.append(StackItem([TextPiece(title)], keepWithNext: true))

        for (i, block) in layout.header.enumerated() {
            let piece = pieces.piece(for: block, width: width, cellAlign: nil)
            items.append(StackItem([piece], spaceBefore: i == 0 ? mm(4) : mm(1), keepWithNext: true))
        }

        let grid = try GridGeometry(layout: layout, pieces: pieces, left: Page.marginLeft, width: width)
        items += grid.items(spaceBefore: layout.header.isEmpty ? mm(6) : mm(2))

        for (i, block) in layout.footer.enumerated() {
            let piece = pieces.piece(for: block, width: width, cellAlign: nil)
            items.append(StackItem([piece], spaceBefore: i == 0 ? mm(2) : mm(0.5)))
        }
        return try document.render(items)
    }
}
