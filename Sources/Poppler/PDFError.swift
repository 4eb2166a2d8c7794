internal import CPoppler

/// Why poppler could not open or read a PDF.
public enum PDFError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The document needs a password to be opened; intake never asks for one.
    case encrypted
    /// Not a PDF, or a PDF too damaged to read (poppler's message).
    case damaged(String)
    /// Any other poppler failure, with the operation and poppler's message.
    case failed(operation: String, message: String)

    public var description: String {
        switch self {
        case .encrypted: "encrypted: the PDF needs a password to be opened"
        case .damaged(let message): "damaged: \(message)"
        case .failed(let operation, let message): "\(operation) failed: \(message)"
        }
    }

    /// Takes ownership of `error` and frees it.
    static func consume(_ error: UnsafeMutablePointer<GError>?, operation: String) -> PDFError {
        guard let error else { return .failed(operation: operation, message: "unknown error") }
        defer { g_error_free(error) }
        let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        if error.pointee.domain == cpop_error_quark() {
            switch Int(error.pointee.code) {
            case Int(POPPLER_ERROR_ENCRYPTED.rawValue): return .encrypted
            case Int(POPPLER_ERROR_DAMAGED.rawValue), Int(POPPLER_ERROR_INVALID.rawValue): return .damaged(message)
            default: break
            }
        }
        return .failed(operation: operation, message: message)
    }
}
