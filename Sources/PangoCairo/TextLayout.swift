internal import CPangoCairo

/// A paragraph (or several, split by "\n") laid out by Pango for one context.
///
/// Measure first (`size`, `lines`), then draw at a position; all lengths are points.
public final class TextLayout {
    let handle: OpaquePointer
    /// The layout measures with this context's font options; keep it alive.
    public let context: Context

    public init(context: Context) {
        self.context = context
        handle = pango_cairo_create_layout(context.handle)
        pango_layout_set_wrap(handle, PANGO_WRAP_WORD_CHAR)
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    /// The base font; runs may override parts of it.
    public func setFont(_ font: FontDescription) {
        pango_layout_set_font_description(handle, font.handle)
    }

    /// Plain text, no attributes.
    public func setText(_ text: String) {
        pango_layout_set_attributes(handle, nil)
        pango_layout_set_text(handle, text, -1)
    }

    /// Text made of styled runs, e.g. a grey, smaller citation after a sentence.
    public func setRuns(_ runs: [TextRun]) {
        let text = runs.map(\.text).joined()
        pango_layout_set_text(handle, text, -1)
        let list = pango_attr_list_new()
        var start: UInt32 = 0
        for run in runs {
            let end = start + UInt32(run.text.utf8.count)
            for attribute in run.style.attributes() {
                attribute.pointee.start_index = start
                attribute.pointee.end_index = end
                pango_attr_list_insert(list, attribute)  // the list owns it now
            }
            start = end
        }
        pango_layout_set_attributes(handle, list)
        pango_attr_list_unref(list)
    }

    /// Wrapping width; nil lays the text out on as few lines as its "\n" allow.
    public var width: Double? {
        get {
            let w = pango_layout_get_width(handle)
            return w < 0 ? nil : Double(w) / Double(PANGO_SCALE)
        }
        set {
            pango_layout_set_width(handle, newValue.map { Int32(($0 * Double(PANGO_SCALE)).rounded(.down)) } ?? -1)
        }
    }

    /// Alignment of each line inside `width`.
    public func setAlignment(_ alignment: TextAlignment) {
        switch alignment {
        case .left: pango_layout_set_alignment(handle, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(handle, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(handle, PANGO_ALIGN_RIGHT)
        }
    }

    /// First-line indent in points; negative gives a hanging indent.
    public func setIndent(_ indent: Double) {
        pango_layout_set_indent(handle, Int32(indent * Double(PANGO_SCALE)))
    }

    /// Line height as a multiple of the font's (1 is the font's own spacing).
    public func setLineSpacing(_ factor: Double) {
        pango_layout_set_line_spacing(handle, Float(factor))
    }

    /// Extra space between lines in points.
    public func setSpacing(_ spacing: Double) {
        pango_layout_set_spacing(handle, Int32(spacing * Double(PANGO_SCALE)))
    }

    /// Logical size of the laid-out text: what a cell must hold.
    public var size: (width: Double, height: Double) {
        var w: Int32 = 0
        var h: Int32 = 0
        pango_layout_get_size(handle, &w, &h)
        return (Double(w) / Double(PANGO_SCALE), Double(h) / Double(PANGO_SCALE))
    }

    public var lineCount: Int { Int(pango_layout_get_line_count(handle)) }

    /// Each line's box relative to the layout's top-left corner, top to bottom.
    public var lines: [LineBox] {
        guard let iter = pango_layout_get_iter(handle) else { return [] }
        defer { pango_layout_iter_free(iter) }
        var boxes: [LineBox] = []
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            let scale = Double(PANGO_SCALE)
            boxes.append(LineBox(
                x: Double(logical.x) / scale, top: Double(logical.y) / scale,
                width: Double(logical.width) / scale, height: Double(logical.height) / scale,
                baseline: Double(pango_layout_iter_get_baseline(iter)) / scale))
        } while pango_layout_iter_next_line(iter) != 0
        return boxes
    }

    /// Draws the whole layout with its top-left corner at (x, y).
    public func draw(x: Double, y: Double) {
        cairo_move_to(context.handle, x, y)
        pango_cairo_show_layout(context.handle, handle)
    }

    /// Draws only the lines `range` (indices into `lines`) as if the layout's top-left corner
    /// were at (x, y): what shows of a paragraph cut across pages.
    public func drawLines(_ range: ClosedRange<Int>, x: Double, y: Double) {
        let boxes = lines
        for index in range where boxes.indices.contains(index) {
            guard let line = pango_layout_get_line_readonly(handle, Int32(index)) else { continue }
            cairo_move_to(context.handle, x + boxes[index].x, y + boxes[index].baseline)
            pango_cairo_show_layout_line(context.handle, line)
        }
    }
}

public enum TextAlignment: Sendable, Hashable { case left, center, right }

/// One line's logical box inside its layout, in points.
public struct LineBox: Sendable, Hashable {
    public var x: Double
    public var top: Double
    public var width: Double
    public var height: Double
    /// Distance from the layout's top to this line's baseline.
    public var baseline: Double
    public var bottom: Double { top + height }
}

/// A stretch of text with its own style.
public struct TextRun: Sendable, Hashable {
    public var text: String
    public var style: TextStyle
    public init(_ text: String, style: TextStyle = TextStyle()) {
        self.text = text
        self.style = style
    }
}

/// Overrides of the layout's base font for one run; nil keeps the base.
public struct TextStyle: Sendable, Hashable {
    public var family: String?
    /// Absolute size in points.
    public var size: Double?
    public var weight: FontWeight?
    /// Gray level 0 (black) ... 1 (white).
    public var gray: Double?
    /// Baseline shift in points, positive upwards.
    public var rise: Double?

    public init(family: String? = nil, size: Double? = nil, weight: FontWeight? = nil,
                gray: Double? = nil, rise: Double? = nil) {
        self.family = family
        self.size = size
        self.weight = weight
        self.gray = gray
        self.rise = rise
    }

    /// New attributes with unset ranges; the caller sets the range and hands them to a list.
    func attributes() -> [UnsafeMutablePointer<PangoAttribute>] {
        var list: [UnsafeMutablePointer<PangoAttribute>] = []
        if let family { list.append(pango_attr_family_new(family)) }
        if let size { list.append(pango_attr_size_new_absolute(Int32(size * Double(PANGO_SCALE)))) }
        if let weight { list.append(pango_attr_weight_new(weight.pangoValue)) }
        if let gray {
            let level = UInt16((min(max(gray, 0), 1) * 65535).rounded())
            list.append(pango_attr_foreground_new(level, level, level))
        }
        if let rise { list.append(pango_attr_rise_new(Int32(rise * Double(PANGO_SCALE)))) }
        return list
    }
}
