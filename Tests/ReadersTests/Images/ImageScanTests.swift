import Foundation
import IntakeCore
import IntakeTestSupport
import Pipeline
import Readers
import Testing

/// Forms as a scanner or a phone writes them (Tests/Fixtures/images/scans: PNG, JPEG-in-TIFF,
/// G4 TIFF at 300 dpi, a phone photo on a desk stored turned with EXIF orientation 6), read like
/// scanned PDFs and held to the truth of the PDFs they were drawn from.
@Suite("Scanned images")
struct ImageScanTests {
    static let folder = Repository.fixtures.appendingPathComponent("images/scans")

    @Test("Every image is read as its form; nothing wrong passes unflagged")
    func images() async throws {
        let sources = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: Self.folder.appendingPathComponent("sources.json")))
        let truthFolder = pdfFixtures.appendingPathComponent("truth")
        let recognizer = EngineRecognizer()
        var score = Score()
        var silent: [String] = []
        for (image, truthFile) in sources.sorted(by: { $0.key < $1.key }) {
            let truth = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: truthFolder.appendingPathComponent(truthFile)))
            let path = Self.folder.appendingPathComponent(image).path
            let result = try #require(try await offThePool { try processed(path, recognizer: recognizer) })
            #expect(result.formID == truth.form, "\(image) recognised as \(result.formID)")
            #expect(result.source.method == .ocr)
            let before = score.misses.count
            score.compare(truth, with: result)
            for miss in score.misses[before...] where !score.spacingOnly.contains(miss) {
                let key = String(miss.split(separator: " ")[1].split(separator: ":")[0].split(separator: "[")[0])
                let field = result.fields.first { $0.key == key }
                if !(field?.source?.needsReview == true || field?.value?.isBlank ?? true) { silent.append("\(image): \(miss)") }
            }
            // Boxes are in points on the page, inside an A4-sized page whatever the pixels.
            for field in result.fields {
                guard let box = field.source?.box else { continue }
                #expect(box.allSatisfy { $0 >= -1 && $0 <= 900 }, "\(image) \(field.key) box \(box)")
            }
        }
        print("image scans: \(score.exact)/\(score.total) = \(String(format: "%.1f", score.share * 100)) %; wrong and not flagged: \(silent.count)")
        score.misses.prefix(20).forEach { print("  miss: \($0)") }
        #expect(score.total > 80)
        #expect(score.share >= 0.85)
        #expect(silent.isEmpty, "\(silent)")
    }

    /// The clerk's page view draws an image submission's page like a PDF's.
    @Test func pageImageForTheConsole() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent("lc-unit-change-photo.jpg")))
        let page = try #require(try Pipeline.pageImage(bytes, page: 1, dpi: 100, path: "photo.jpg"))
        #expect(page.png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // Stored turned (EXIF 6): shown upright, taller than wide.
        #expect(page.height > page.width)
        #expect(throws: IntakeError.self) { try Pipeline.pageImage(bytes, page: 2, dpi: 100, path: "photo.jpg") }
    }
}
