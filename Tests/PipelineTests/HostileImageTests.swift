import Foundation
import IntakeCore
import IntakeTestSupport
import Pipeline
import Testing

/// Hostile image files (Tests/Fixtures/hostile/images, made by its script): each is refused with
/// an error naming the file, quickly, writing nothing and leaving the original as it was.
@Suite("Hostile images")
struct HostileImageTests {
    @Test(arguments: [
        ("truncated.jpg", IntakeError.Code.damagedImage, "Premature end"),
        ("truncated.png", .damagedImage, "PNG"),
        ("truncated.tif", .damagedImage, "TIFF"),
        ("pages-10000.tif", .tooLarge, "more than 20 pages"),
        ("bomb.png", .tooLarge, "100000 × 100000"),
        ("one-pixel.png", .damagedImage, "1 × 1 pixels"),
        ("one-pixel.jpg", .damagedImage, "1 × 1 pixels"),
        ("zero-size.tif", .damagedImage, "TIFF"),
        // A PNG named .jpg is read as the PNG it is: a page, and here no OCR to read it with.
        ("wrong-extension.jpg", .ocrUnavailable, "no OCR engine"),
        ("images-over-limit.zip", .tooLarge, "million pixels"),
    ] as [(String, IntakeError.Code, String)])
    func refused(name: String, code: IntakeError.Code, said: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Repository.fixtures.appendingPathComponent("hostile/images/\(name)")))
        let (outcome, elapsed) = try processBad(bytes, name: name)
        let error = try #require(failure(outcome))
        #expect(error.code == code, "\(name): \(error)")
        #expect(error.message.contains(said), "\(name): \(error.message)")
        #expect(error.description.contains(name))
        #expect(elapsed < .seconds(5), "\(name) took \(elapsed)")
    }
}
