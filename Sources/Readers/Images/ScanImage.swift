import Images
import IntakeCore

/// A scanner's or phone's image file as pages to read: decoded within the budget of `Images`,
/// shrunk to the resolution scans are read at, and sized in points like a PDF page.
public enum ScanImage {
    /// The longest side a page is read at: an A4 page at 200 dpi is 2,339 pixels; a phone's
    /// 4,000-pixel photo is halved (the reader's figures were measured at 200 dpi).
    static let readingLongSide = 2_400

    /// Whether the bytes are an image intake reads (PNG, JPEG, TIFF).
    public static func isImage(_ bytes: some Collection<UInt8>) -> Bool { ImageFile.format(of: bytes) != nil }

    /// The file's headers, checked; errors name the file.
    static func open(_ bytes: [UInt8], path: String) throws(IntakeError) -> ImageFile {
        do {
            return try ImageFile(bytes: bytes)
        } catch {
            throw intakeError(error, path: path)
        }
    }

    /// Page `index` (0-based) decoded and shrunk for reading.
    static func page(_ file: ImageFile, index: Int, path: String) throws(IntakeError) -> RasterImage {
        do {
            return try file.decode(page: index).shrunk(toFit: readingLongSide)
        } catch {
            throw intakeError(error, path: file.pages.count > 1 ? "\(path) page \(index + 1)" : path)
        }
    }

    /// A page's size in points: by its declared resolution, else as wide as A4 (a photo has no
    /// resolution; boxes only need a consistent scale).
    public static func pointSize(width: Int, height: Int, dpi: Double?) -> (width: Double, height: Double) {
        if let dpi, dpi >= 50, dpi <= 1200 { return (Double(width) * 72 / dpi, Double(height) * 72 / dpi) }
        let a4Width = 595.276
        return (a4Width, Double(height) * a4Width / Double(max(width, 1)))
    }

    /// Page `page` (1-based) of an image file as PNG for the console, with its size in points.
    public static func png(_ bytes: [UInt8], page: Int, path: String) throws(IntakeError) -> (png: [UInt8], width: Double, height: Double) {
        let file = try open(bytes, path: path)
        guard file.pages.indices.contains(page - 1) else { throw IntakeError(code: .unreadable, message: "no page \(page)", path: path) }
        let raster = try Self.page(file, index: page - 1, path: path)
        let size = pointSize(width: raster.width, height: raster.height, dpi: raster.dpi)
        do {
            return (try raster.png(), size.width, size.height)
        } catch {
            throw intakeError(error, path: path)
        }
    }

    static func intakeError(_ error: ImageError, path: String) -> IntakeError {
        switch error {
        case .tooLarge, .tooManyPages: IntakeError(code: .tooLarge, message: "\(error)", path: path)
        case .unknownFormat, .tooSmall, .damaged: IntakeError(code: .damagedImage, message: "\(error)", path: path)
        }
    }
}
