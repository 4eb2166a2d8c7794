internal import CPoppler
import IntakeCore

/// One page of a `PDFDocument`. Coordinates are in points with the origin at the top left.
public final class PDFPage {
    private let handle: OpaquePointer
    /// 0-based page number.
    public let index: Int

    init(handle: OpaquePointer, index: Int) {
        self.handle = handle
        self.index = index
    }

    deinit { cpop_unref(UnsafeMutableRawPointer(handle)) }

    private var typed: OpaquePointer { handle }

    /// Width and height in points.
    public var size: (width: Double, height: Double) {
        var width = 0.0, height = 0.0
        poppler_page_get_size(typed, &width, &height)
        return (width, height)
    }

    /// The page's text in poppler's reading order. Adjacent table cells may run together: read
    /// by position (`glyphs()`) where that matters.
    public var text: String {
        guard let raw = poppler_page_get_text(typed) else { return "" }
        defer { cpop_free(raw) }
        return String(cString: raw)
    }

    /// Every character of `text` with its box. Line breaks poppler inserted are left out.
    public func glyphs() -> [PDFGlyph] {
        guard let raw = poppler_page_get_text(typed) else { return [] }
        defer { cpop_free(raw) }
        let text = String(cString: raw)
        var rects: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(typed, &rects, &count) != 0, let rects else { return [] }
        defer { cpop_free(rects) }
        var glyphs: [PDFGlyph] = []
        glyphs.reserveCapacity(Int(count))
        // poppler gives one rectangle per Unicode character of the text.
        for (i, scalar) in text.unicodeScalars.enumerated() where i < Int(count) {
            if scalar == "\n" || scalar == "\r" { continue }
            let r = rects[i]
            glyphs.append(PDFGlyph(character: Character(scalar), box: Rect(x0: r.x1, y0: r.y1, x1: r.x2, y1: r.y2)))
        }
        return glyphs
    }

    /// Number of images drawn on the page (a scanned page has one and no text).
    public var imageCount: Int {
        guard let list = poppler_page_get_image_mapping(typed) else { return 0 }
        defer { poppler_page_free_image_mapping(list) }
        return Int(g_list_length(list))
    }

    /// The interactive form fields (AcroForm widgets) on this page.
    public func formFields() -> [PDFFormField] {
        guard let list = poppler_page_get_form_field_mapping(typed) else { return [] }
        defer { poppler_page_free_form_field_mapping(list) }
        var fields: [PDFFormField] = []
        let rotation = self.rotation
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            defer { node = current.pointee.next }
            guard let raw = current.pointee.data else { continue }
            let mapping = raw.assumingMemoryBound(to: PopplerFormFieldMapping.self).pointee
            guard let field = mapping.field else { continue }
            fields.append(PDFFormField(field, area: displayed(mapping.area, rotation: rotation), page: index))
        }
        return fields
    }

    /// A widget area as poppler gives it (PDF space, origin bottom left, the page's `/Rotate` not
    /// applied, unlike the text's boxes) in the page's displayed space from the top left.
    private func displayed(_ area: PopplerRectangle, rotation: Int) -> PopplerRectangle {
        let (width, height) = size  // displayed, i.e. rotated
        var out = PopplerRectangle()
        switch rotation {
        case 90:
            (out.x1, out.x2) = (area.y1, area.y2)
            (out.y1, out.y2) = (area.x1, area.x2)
        case 180:
            (out.x1, out.x2) = (width - area.x2, width - area.x1)
            (out.y1, out.y2) = (area.y1, area.y2)
        case 270:
            (out.x1, out.x2) = (width - area.y2, width - area.y1)
            (out.y1, out.y2) = (height - area.x2, height - area.x1)
        default:
            (out.x1, out.x2) = (area.x1, area.x2)
            (out.y1, out.y2) = (height - area.y2, height - area.y1)
        }
        return out
    }

    /// The page's `/Rotate` (0, 90, 180 or 270), which poppler-glib does not expose: read off an
    /// annotation, whose mapped area poppler rotates while its rectangle stays in PDF space.
    /// 0 when the page has no annotation that rotates with it (then it has no widgets to place).
    private var rotation: Int {
        guard let list = poppler_page_get_annot_mapping(typed) else { return 0 }
        defer { poppler_page_free_annot_mapping(list) }
        let (width, height) = size
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            defer { node = current.pointee.next }
            guard let raw = current.pointee.data else { continue }
            let mapping = raw.assumingMemoryBound(to: PopplerAnnotMapping.self).pointee
            guard let annot = mapping.annot,
                  poppler_annot_get_flags(annot).rawValue & POPPLER_ANNOT_FLAG_NO_ROTATE.rawValue == 0 else { continue }
            var r = PopplerRectangle()
            poppler_annot_get_rectangle(annot, &r)
            let a = mapping.area, w = r.x2 - r.x1, h = r.y2 - r.y1
            // poppler's annotation mapping: the area rotated, origin bottom left.
            let candidates: [(Int, Double, Double, Double, Double)] = [
                (0, r.x1, r.y1, w, h), (90, r.y1, height - r.x2, h, w),
                (180, width - r.x2, height - r.y2, w, h), (270, width - r.y2, r.x1, h, w),
            ]
            for (degrees, x, y, cw, ch) in candidates
            where abs(a.x1 - x) < 0.5 && abs(a.y1 - y) < 0.5 && abs(a.x2 - a.x1 - cw) < 0.5 && abs(a.y2 - a.y1 - ch) < 0.5 {
                return degrees
            }
        }
        return 0
    }

    /// Renders the page at `dpi` on white and returns it as PNG bytes (for OCR). Drawn as for
    /// printing: poppler's on-screen drawing smooths scaled-down images, which OCR reads worse.
    public func renderPNG(dpi: Double) throws(PDFError) -> [UInt8] {
        let surface = try render(dpi: dpi, printing: true)
        defer { cairo_surface_destroy(surface) }
        let sink = PNGSink()
        let status = cairo_surface_write_to_png_stream(surface, { closure, data, length in
            guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<PNGSink>.fromOpaque(closure).takeUnretainedValue()
            if let data, length > 0 { sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length))) }
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .failed(operation: "render page", message: String(cString: cairo_status_to_string(status)))
        }
        return sink.bytes
    }

    /// The page drawn at `dpi` on white into an RGB image surface the caller destroys. Drawn for
    /// the screen (`printing` false), poppler also collects the page's text as it goes, and
    /// `glyphs()` reuses it instead of reading the page again.
    func render(dpi: Double, printing: Bool) throws(PDFError) -> OpaquePointer {
        let (w, h) = size
        let scale = dpi / 72
        let width = Int32((w * scale).rounded()), height = Int32((h * scale).rounded())
        guard width > 0, height > 0, width <= 20_000, height <= 20_000 else {
            throw .failed(operation: "render page", message: "page size \(w)×\(h) pt out of range")
        }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height) else {
            throw .failed(operation: "render page", message: "no memory")
        }
        guard let cr = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw .failed(operation: "render page", message: "no memory")
        }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        if printing { poppler_page_render_for_printing(typed, cr) } else { poppler_page_render(typed, cr) }
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        return surface
    }
}

private final class PNGSink { var bytes: [UInt8] = [] }

/// One character on a page and its box, in points from the top left.
public struct PDFGlyph: Sendable, Hashable {
    public var character: Character
    public var box: Rect
}

/// The pixels cairo draws into.
public enum CairoPixel {
    /// The grey of an RGB24 pixel (B, G, R, unused on little-endian machines): the BT.601 luma
    /// in 8-bit fixed point, (77 R + 150 G + 29 B) / 256, white staying 255. The sum fits 16
    /// bits, so a loop over a row vectorises with 16-bit multiplies, which every x86-64 has.
    @inline(__always)
    public static func grey(_ word: UInt32) -> UInt8 {
        let r = UInt16(truncatingIfNeeded: word >> 16) & 0xFF
        let g = UInt16(truncatingIfNeeded: word >> 8) & 0xFF
        let b = UInt16(truncatingIfNeeded: word) & 0xFF
        return UInt8(truncatingIfNeeded: (r &* 77 &+ g &* 150 &+ b &* 29) >> 8)
    }
}

extension PDFPage {
    /// Renders the page at `dpi` on white as grey pixels (for ruling lines and ticks); drawn
    /// before `glyphs()`, it saves that a second pass over the page.
    public func renderGrey(dpi: Double) throws(PDFError) -> GreyRaster {
        let surface = try render(dpi: dpi, printing: false)
        defer { cairo_surface_destroy(surface) }
        let width = cairo_image_surface_get_width(surface), height = cairo_image_surface_get_height(surface)
        guard let data = cairo_image_surface_get_data(surface) else {
            throw .failed(operation: "render page", message: "no pixel data")
        }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let w = Int(width), h = Int(height)
        let pixels = [UInt8](unsafeUninitializedCapacity: w * h) { out, count in
            for y in 0..<h {
                // RGB24 rows are 32-bit words (B, G, R, unused on little-endian machines), aligned.
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                let grey = out.baseAddress! + y * w
                for x in 0..<w { grey[x] = CairoPixel.grey(row[x]) }
            }
            count = w * h
        }
        return GreyRaster(width: Int(width), height: Int(height), pixels: pixels)
    }
}
