import PangoCairo

/// Makes text layouts in the document's fonts, so every piece of text shares one idea of
/// "body", "bold" and line spacing.
final class Typesetter {
    let context: Context
    let options: RenderOptions
    private var lineHeights: [String: Double] = [:]

    init(context: Context, options: RenderOptions) {
        self.context = context
        self.options = options
    }

    /// Text styles the renderers use.
    enum Face { case body, bold }

    func font(_ face: Face, size: Double) -> FontDescription {
        switch face {
        case .body: FontDescription(family: options.bodyFont, size: size)
        case .bold: FontDescription(family: options.titleFont, size: size, weight: .bold)
        }
    }

    /// A layout of `runs` wrapped at `width` (nil: no wrapping), lines `pitch` × size apart.
    func layout(_ runs: [TextRun], face: Face = .body, size: Double, width: Double?,
                align: TextAlignment = .left, pitch: Double = 1.35, indent: Double = 0) -> TextLayout {
        let layout = TextLayout(context: context)
        layout.setFont(font(face, size: size))
        layout.width = width
        layout.setAlignment(align)
        if indent != 0 { layout.setIndent(indent) }
        // Pango's own line height differs per font (≈1.07 em for UMing, ≈1.45 em for Noto):
        // add spacing up to the wanted pitch so documents look alike whatever the font.
        let natural = lineHeight(face: face, size: size)
        layout.setSpacing(max(0, pitch * size - natural))
        layout.setRuns(runs)
        return layout
    }

    func layout(_ text: String, face: Face = .body, size: Double, width: Double?,
                align: TextAlignment = .left, pitch: Double = 1.35, indent: Double = 0) -> TextLayout {
        layout([TextRun(text)], face: face, size: size, width: width, align: align, pitch: pitch, indent: indent)
    }

    /// Height of one line of text in the face and size.
    func lineHeight(face: Face, size: Double) -> Double {
        let key = "\(face)/\(size)"
        if let known = lineHeights[key] { return known }
        let probe = TextLayout(context: context)
        probe.setFont(font(face, size: size))
        probe.setText("国")
        let height = probe.size.height
        lineHeights[key] = height
        return height
    }
}
