import PangoCairo

/// Why a PDF could not be made: a drawing failure reported by cairo (with its status), or a
/// form layout that cannot be printed as defined.
public struct RenderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// cairo's `cairo_status_t` value when cairo failed; nil for a layout problem.
    public var cairoStatus: Int?
    public var reason: String

    public init(cairoStatus: Int? = nil, reason: String) {
        self.cairoStatus = cairoStatus
        self.reason = reason
    }

    init(_ error: CairoError) {
        self.init(cairoStatus: error.status, reason: error.description)
    }

    public var description: String {
        if let cairoStatus { return "render: \(reason) [cairo status \(cairoStatus)]" }
        return "render: \(reason)"
    }
}
