internal import CPangoCairo

/// A failure reported by cairo, keeping its status so a caller can tell "out of memory" from
/// "write error" from a bug in the drawing code.
public struct CairoError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The raw `cairo_status_t` value.
    public var status: Int
    /// cairo's own wording of the status.
    public var message: String
    /// What this module was doing when the status turned bad.
    public var operation: String

    public init(status: Int, message: String, operation: String) {
        self.status = status
        self.message = message
        self.operation = operation
    }

    init(_ status: cairo_status_t, operation: String) {
        self.status = Int(status.rawValue)
        self.message = String(cString: cairo_status_to_string(status))
        self.operation = operation
    }

    public var description: String { "cairo: \(operation): \(message) (status \(status))" }

    /// Throws when `status` is not success.
    static func check(_ status: cairo_status_t, _ operation: String) throws(CairoError) {
        guard status == CAIRO_STATUS_SUCCESS else { throw CairoError(status, operation: operation) }
    }
}
