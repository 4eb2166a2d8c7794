import Catalog
import FormReading
import Images
import IntakeCore

/// Reads an application form from a scanner's or phone's image (PNG, JPEG, multi-page TIFF):
/// every page through the OCR engine, then the same form recognition as a scanned PDF.
struct ImageSubmissionReader: Sendable {
    let pdf: PDFSubmissionReader

    func read(_ bytes: [UInt8], path: String) throws(IntakeError) -> (Submission, FormDefinition) {
        let file = try ScanImage.open(bytes, path: path)
        var pages: [PageText] = []
        var sizes: [Int: (width: Double, height: Double)] = [:]
        var sealPages: [Int] = []
        var greyScan = false
        for index in file.pages.indices.prefix(pdf.limits.maxScannedPages) {
            let raster = try ScanImage.page(file, index: index, path: path)
            let png: [UInt8]
            do {
                png = try raster.png()
            } catch {
                throw ScanImage.intakeError(error, path: path)
            }
            let (page, colour) = try pdf.scanned(png: png, number: index + 1, photo: true, path: path)
            if !colour { greyScan = true }
            // The engine's pixels: the image's, or the paper it found in a photo (then A4-wide).
            let cropped = Int(page.width) != raster.width || Int(page.height) != raster.height
            sizes[index + 1] = ScanImage.pointSize(width: Int(page.width), height: Int(page.height), dpi: cropped ? nil : raster.dpi)
            if !page.seals.isEmpty { sealPages.append(index + 1) }
            pages.append(page)
        }
        return try pdf.form(from: pages, widgets: [], method: .ocr, sealPages: greyScan && sealPages.isEmpty ? nil : sealPages, pointSizes: sizes, path: path)
    }
}
