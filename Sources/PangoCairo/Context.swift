internal import CPangoCairo

/// A cairo drawing context on a PDF surface. Coordinates are points from the top-left corner.
public final class Context {
    let handle: OpaquePointer
    /// Kept alive as long as anything draws on it.
    public let surface: PDFSurface

    public init(surface: PDFSurface) throws(CairoError) {
        guard let cr = cairo_create(surface.handle) else {
            throw CairoError(CAIRO_STATUS_NO_MEMORY, operation: "create context")
        }
        let status = cairo_status(cr)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_destroy(cr)
            throw CairoError(status, operation: "create context")
        }
        self.handle = cr
        self.surface = surface
    }

    deinit { cairo_destroy(handle) }

    /// Throws the first error cairo recorded on this context (cairo errors are sticky).
    public func check(_ operation: String) throws(CairoError) {
        try CairoError.check(cairo_status(handle), operation)
    }

    public func save() { cairo_save(handle) }
    public func restore() { cairo_restore(handle) }

    public func translate(x: Double, y: Double) { cairo_translate(handle, x, y) }

    /// Gray level or colour, 0...1.
    public func setColor(red: Double, green: Double, blue: Double) {
        cairo_set_source_rgb(handle, red, green, blue)
    }

    public func setLineWidth(_ width: Double) { cairo_set_line_width(handle, width) }

    /// Square caps close the corners where a horizontal and a vertical rule meet.
    public func setLineCap(_ cap: LineCap) {
        switch cap {
        case .butt: cairo_set_line_cap(handle, CAIRO_LINE_CAP_BUTT)
        case .round: cairo_set_line_cap(handle, CAIRO_LINE_CAP_ROUND)
        case .square: cairo_set_line_cap(handle, CAIRO_LINE_CAP_SQUARE)
        }
    }

    /// Dash lengths in points; empty for a solid line.
    public func setDash(_ lengths: [Double]) {
        lengths.withUnsafeBufferPointer { cairo_set_dash(handle, $0.baseAddress, Int32($0.count), 0) }
    }

    public func moveTo(x: Double, y: Double) { cairo_move_to(handle, x, y) }
    public func lineTo(x: Double, y: Double) { cairo_line_to(handle, x, y) }
    public func rectangle(x: Double, y: Double, width: Double, height: Double) {
        cairo_rectangle(handle, x, y, width, height)
    }

    public func stroke() { cairo_stroke(handle) }
    public func fill() { cairo_fill(handle) }
    /// Restricts drawing to the current path (until `restore`).
    public func clip() { cairo_clip(handle) }

    /// A straight rule from one point to another.
    public func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double)) {
        cairo_move_to(handle, start.x, start.y)
        cairo_line_to(handle, end.x, end.y)
        cairo_stroke(handle)
    }

    /// Ends the current page; drawing continues on a new one.
    public func showPage() { cairo_show_page(handle) }
}

public enum LineCap: Sendable { case butt, round, square }
