import Foundation
@testable import Images
import IntakeTestSupport
import Testing

/// Decoding scanner and phone images (Tests/Fixtures/images, made with Pillow): upright, in page
/// order, within budget; hostile files refused before they are decoded.
@Suite struct ImagesTests {
    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Repository.fixtures.appendingPathComponent("images/\(name)")))
    }

    /// The marker square is in the top-left corner and the red bar at the top right of an upright page.
    static func isUpright(_ image: RasterImage) -> Bool {
        func pixel(_ x: Int, _ y: Int) -> (Int, Int, Int) {
            let i = (y * image.width + x) * 3
            return (Int(image.rgb[i]), Int(image.rgb[i + 1]), Int(image.rgb[i + 2]))
        }
        let marker = pixel(35, 35), opposite = pixel(image.width - 35, image.height - 35 - 60), red = pixel(190, 30)
        return image.width == 240 && image.height == 320 && marker.0 < 60 && opposite.0 > 200
            && red.0 > 160 && red.1 < 90 && red.2 < 90
    }

    /// Bars along the bottom: page n of a TIFF has n.
    static func bars(_ image: RasterImage) -> Int {
        (0..<4).filter { i in image.rgb[(295 * image.width + 30 + i * 30) * 3] < 100 }.count
    }

    @Test(arguments: ["upright.png", "upright.jpg", "upright-cmyk.jpg", "exif-6.jpg", "exif-8.jpg", "exif-3.jpg", "transparent.png"])
    func decodesUpright(_ name: String) throws {
        let file = try ImageFile(bytes: Self.bytes(name))
        #expect(file.pages.count == 1)
        #expect(file.pages[0] == (240, 320) || (file.pages[0].width == 240 && file.pages[0].height == 320))
        let image = try file.decode(page: 0)
        if name == "transparent.png" {
            // Black marks on a transparent background, shown on white paper.
            #expect(image.rgb[(35 * 240 + 35) * 3] < 60 && image.rgb[(150 * 240 + 120) * 3] > 240)
        } else {
            #expect(Self.isUpright(image), "\(name) not upright")
        }
    }

    @Test func declaredResolution() throws {
        #expect(try ImageFile(bytes: Self.bytes("upright.png")).decode(page: 0).dpi.map { abs($0 - 200) < 1 } == true)
        #expect(try ImageFile(bytes: Self.bytes("upright.jpg")).decode(page: 0).dpi == 300)
        #expect(try ImageFile(bytes: Self.bytes("three-pages-lzw.tif")).decode(page: 1).dpi == 300)
    }

    @Test(arguments: ["three-pages-g4.tif", "three-pages-lzw.tif", "two-pages-jpeg.tif"])
    func multiPageTIFF(_ name: String) throws {
        let file = try ImageFile(bytes: Self.bytes(name))
        #expect(file.pages.count == (name.hasPrefix("two") ? 2 : 3))
        for index in file.pages.indices {
            let image = try file.decode(page: index)
            #expect(Self.isUpright(image) || name.contains("g4"), "\(name) page \(index + 1)")
            #expect(Self.bars(image) == index + 1, "\(name) page \(index + 1) bars")
        }
    }

    @Test func pngRoundTrip() throws {
        let image = try ImageFile(bytes: Self.bytes("exif-6.jpg")).decode(page: 0)
        let again = try ImageFile(bytes: image.png()).decode(page: 0)
        #expect(again.rgb == image.rgb && again.width == image.width)
        let small = image.shrunk(toFit: 100)
        #expect(small.width == 240 / 4 && small.height == 320 / 4)
    }

    @Test func refusesWhatIsNotAnImage() {
        #expect(throws: ImageError.unknownFormat) { try ImageFile(bytes: Array("%PDF-1.7".utf8)) }
    }

    /// A truncated file of each format is an error, never half a page.
    @Test(arguments: ["upright.png", "upright.jpg", "three-pages-lzw.tif", "two-pages-jpeg.tif"])
    func truncated(_ name: String) throws {
        let whole = try Self.bytes(name)
        let cut = Array(whole.prefix(whole.count * 2 / 3))
        #expect(throws: ImageError.self) {
            let file = try ImageFile(bytes: cut)
            for page in file.pages.indices { _ = try file.decode(page: page) }
        }
    }

    /// A header claiming 100,000 × 100,000 pixels is refused from the header, at once.
    @Test func bombRefusedBeforeDecoding() throws {
        var png = try Self.bytes("upright.png")
        // IHDR width and height (big-endian) at bytes 16–23; the CRC is left wrong on purpose
        // in a second copy, which must fail as damaged, not decode.
        func put(_ value: UInt32, at offset: Int) { for i in 0..<4 { png[offset + i] = UInt8(value >> (24 - 8 * UInt32(i)) & 0xFF) } }
        put(100_000, at: 16); put(100_000, at: 20)
        let crc = Self.crc32(png[12..<29])
        put(crc, at: 29)
        let start = ContinuousClock.now
        #expect(throws: ImageError.tooLarge(width: 100_000, height: 100_000, limit: ImageFile.Limits().maxPixels)) {
            try ImageFile(bytes: png)
        }
        #expect(ContinuousClock.now - start < .seconds(1))
    }

    @Test func tooManyPagesAndTooSmall() throws {
        var limits = ImageFile.Limits()
        limits.maxPages = 2
        #expect(throws: ImageError.tooManyPages(limit: 2)) { try ImageFile(bytes: Self.bytes("three-pages-g4.tif"), limits: limits) }
        limits = ImageFile.Limits()
        limits.minSide = 300
        #expect(throws: ImageError.tooSmall(width: 240, height: 320)) { try ImageFile(bytes: Self.bytes("upright.png"), limits: limits) }
    }

    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
