internal import CPangoCairo

/// A Pango font description: family, weight and an absolute size in points.
///
/// The size is absolute (device units, which are points on a PDF surface) so that 10.5 means
/// 10.5 pt whatever resolution Pango assumes.
public final class FontDescription {
    let handle: OpaquePointer

    public init(family: String, size: Double, weight: FontWeight = .normal) {
        handle = pango_font_description_new()
        pango_font_description_set_family(handle, family)
        pango_font_description_set_absolute_size(handle, size * Double(PANGO_SCALE))
        pango_font_description_set_weight(handle, weight.pangoValue)
    }

    deinit { pango_font_description_free(handle) }

    /// The description as Pango writes it, e.g. "AR PL UMing CN 10.5px".
    public var description: String {
        guard let text = pango_font_description_to_string(handle) else { return "" }
        defer { g_free(text) }
        return String(cString: text)
    }
}

public enum FontWeight: Sendable, Hashable {
    case normal, bold

    var pangoValue: PangoWeight {
        switch self {
        case .normal: PANGO_WEIGHT_NORMAL
        case .bold: PANGO_WEIGHT_BOLD
        }
    }
}
