import IntakeCore
import Poppler

/// A page of a PDF as the clerk sees it beside the values read from it.
public enum PageImage {
    /// Page `page` (1-based) of the PDF `bytes` as PNG at `dpi`; its size in points with it, to
    /// place the fields' boxes.
    public static func png(pdf bytes: [UInt8], page: Int, dpi: Double, path: String) throws(IntakeError) -> (png: [UInt8], width: Double, height: Double) {
        do {
            let document = try PDFDocument(bytes: bytes)
            guard page >= 1, let p = document.page(at: page - 1) else {
                throw IntakeError(code: .unreadable, message: "no page \(page)", path: path)
            }
            let size = p.size
            return (try p.renderPNG(dpi: dpi), size.width, size.height)
        } catch let error as IntakeError {
            throw error
        } catch {
            throw IntakeError(code: .damagedPDF, message: "cannot draw page \(page): \(error)", path: path)
        }
    }
}
