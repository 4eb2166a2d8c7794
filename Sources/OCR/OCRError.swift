import Foundation

/// Why a page could not be recognised.
public enum OCRError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The OCR engine cannot run here (no Python, no models, the worker does not start); the
    /// reason says what is missing and how to get it (`make ocr-env`).
    case unavailable(String)
    /// The image cannot be read or is not a page (not an image, empty, too small or too large).
    case badImage(String)
    /// The page took longer than the time limit; the worker was killed and will be restarted.
    case timeout(seconds: Double)
    /// The page needed more memory than the worker's limit (`Configuration.memoryLimit`); the
    /// worker will be restarted.
    case outOfMemory(String)
    /// The worker died or failed on this page (a crash, a signal, an unexpected error); it will
    /// be restarted.
    case workerCrashed(String)
    /// The worker answered something that is not the protocol (a bug; the worker was restarted).
    case protocolError(String)

    public var description: String {
        switch self {
        case .unavailable(let reason): return "OCR unavailable: \(reason)"
        case .badImage(let reason): return "image not readable: \(reason)"
        case .timeout(let seconds): return String(format: "OCR took longer than %.1f s on this page; worker restarted", seconds)
        case .outOfMemory(let reason): return "OCR worker ran out of memory on this page (limit too low?): \(reason)"
        case .workerCrashed(let reason): return "OCR worker died on this page: \(reason)"
        case .protocolError(let reason): return "OCR worker protocol error: \(reason)"
        }
    }
}
