import Foundation

/// A rectangle in pixels of a page image, origin top-left, `x1`/`y1` exclusive.
public struct PixelBox: Sendable, Hashable, Codable, CustomStringConvertible {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    public var midX: Double { (x0 + x1) / 2 }
    public var midY: Double { (y0 + y1) / 2 }

    /// The box scaled about its centre: `scaled(by: 0.5)` is the middle half of a check box.
    public func scaled(by factor: Double) -> PixelBox {
        let dx = width * factor / 2, dy = height * factor / 2
        return PixelBox(x0: midX - dx, y0: midY - dy, x1: midX + dx, y1: midY + dy)
    }

    public var description: String {
        String(format: "[%.1f, %.1f, %.1f, %.1f]", x0, y0, x1, y1)
    }
}

/// One recognised character: its text (one grapheme, usually one CJK character or digit), the
/// recogniser's probability for it in (0, 1], and its box: the x-range estimated from the CTC time
/// steps, the y-range of its line.
public struct OCRChar: Sendable, Hashable {
    public var character: String
    public var probability: Double
    public var box: PixelBox

    public init(character: String, probability: Double, box: PixelBox) {
        self.character = character
        self.probability = probability
        self.box = box
    }
}

/// One detected and recognised text line (a box of PP-OCRv4 detection, usually one table cell's
/// text or part of it), in reading order on the page.
public struct OCRLine: Sendable, Hashable {
    public var text: String
    public var box: PixelBox
    public var chars: [OCRChar]

    public init(text: String, box: PixelBox, chars: [OCRChar]) {
        self.text = text
        self.box = box
        self.chars = chars
    }

    /// The lowest character probability of the line (1 for an empty line): per-character
    /// probabilities below about 0.9 are the useful sign of a misreading (ocr/README.md).
    public var minimumProbability: Double { chars.map(\.probability).min() ?? 1 }
}

/// One page as the OCR engine saw it, in the pixel coordinates of the **deskewed** image.
public struct OCRPage: Sendable {
    /// Size of the page image (the deskewed image has the size of the input).
    public var width: Int
    public var height: Int
    /// The skew found in the input, degrees, positive when text lines descend to the right (the
    /// content turned clockwise as seen, as `convert -rotate 0.8` does); undone in `image`,
    /// `lines` and `seals`. At most ±5°; 0 when none was found.
    public var angle: Double
    /// Text lines, top to bottom, left to right within a row.
    public var lines: [OCRLine]
    /// Boxes of red seals (stamps) found on a colour page; empty for grey pages.
    public var seals: [PixelBox]
    /// The deskewed grey image recognition read: for a colour page its red channel (red seal ink
    /// near-white), for a grey page the grey itself. Judge check boxes on it with `darkShare`.
    public var image: GreyImage
    /// Seconds the worker spent on the page.
    public var seconds: Double

    public init(width: Int, height: Int, angle: Double, lines: [OCRLine], seals: [PixelBox], image: GreyImage,
                seconds: Double = 0) {
        self.width = width
        self.height = height
        self.angle = angle
        self.lines = lines
        self.seals = seals
        self.image = image
        self.seconds = seconds
    }

    /// The whole text, one line per `OCRLine`.
    public var text: String { lines.map(\.text).joined(separator: "\n") }
}

/// An 8-bit grey image, row-major, 0 black … 255 white.
public struct GreyImage: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width >= 0 && height >= 0 && pixels.count == width * height, "pixel count must be width × height")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    public subscript(x: Int, y: Int) -> UInt8 { pixels[y * width + x] }

    /// The share (0…1) of pixels darker than `threshold` among the pixels whose centres lie in
    /// `box` (clipped to the image); 0 for a box outside the image. A ticked check box has
    /// 0.35–0.42 in the middle half of its square, an empty one ≤ 0.02 (ocr/README.md).
    public func darkShare(in box: PixelBox, threshold: UInt8 = 128) -> Double {
        let xa = max(0, Int((box.x0 - 0.5).rounded(.up))), xb = min(width, Int((box.x1 - 0.5).rounded(.up)))
        let ya = max(0, Int((box.y0 - 0.5).rounded(.up))), yb = min(height, Int((box.y1 - 0.5).rounded(.up)))
        guard xa < xb, ya < yb else { return 0 }
        var dark = 0
        pixels.withUnsafeBufferPointer { p in
            for y in ya..<yb {
                let row = y * width
                for x in xa..<xb where p[row + x] < threshold { dark += 1 }
            }
        }
        return Double(dark) / Double((xb - xa) * (yb - ya))
    }

    /// Reads a binary PGM (`P5`, maxval ≤ 65535; 16-bit samples are scaled to 8 bits).
    public init(pgm data: Data) throws {
        let bytes = [UInt8](data)
        var i = 0
        func skipSpaceAndComments() {
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "#") {
                    while i < bytes.count, bytes[i] != 0x0A { i += 1 }
                } else if bytes[i] == 0x20 || (0x09...0x0D).contains(bytes[i]) {
                    i += 1
                } else {
                    return
                }
            }
        }
        func number() throws -> Int {
            skipSpaceAndComments()
            var value = 0, digits = 0
            while i < bytes.count, (0x30...0x39).contains(bytes[i]), digits < 9 {
                value = value * 10 + Int(bytes[i] - 0x30)
                i += 1
                digits += 1
            }
            guard digits > 0 else { throw OCRError.badImage("PGM header is not valid") }
            return value
        }
        guard bytes.count > 2, bytes[0] == UInt8(ascii: "P"), bytes[1] == UInt8(ascii: "5") else {
            throw OCRError.badImage("not a binary PGM (P5) image")
        }
        i = 2
        let width = try number(), height = try number(), maxval = try number()
        guard i < bytes.count, width > 0, height > 0, (1...65535).contains(maxval) else {
            throw OCRError.badImage("PGM header is not valid")
        }
        i += 1  // the single whitespace after maxval
        let count = width * height
        let sampleBytes = maxval < 256 ? 1 : 2
        guard bytes.count - i >= count * sampleBytes else {
            throw OCRError.badImage("PGM data is truncated (\(bytes.count - i) of \(count * sampleBytes) bytes)")
        }
        var pixels: [UInt8]
        if sampleBytes == 1 {
            pixels = Array(bytes[i..<(i + count)])
            if maxval != 255 { pixels = pixels.map { UInt8(min(255, Int($0) * 255 / maxval)) } }
        } else {
            pixels = (0..<count).map { k in
                let v = Int(bytes[i + 2 * k]) << 8 | Int(bytes[i + 2 * k + 1])
                return UInt8(min(255, v * 255 / maxval))
            }
        }
        self.init(width: width, height: height, pixels: pixels)
    }

    /// Reads a binary PGM file.
    public init(pgmAt url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw OCRError.badImage("cannot read \(url.path): \(error.localizedDescription)")
        }
        try self.init(pgm: data)
    }

    /// The image as binary PGM bytes.
    public var pgmData: Data {
        var data = Data("P5\n\(width) \(height)\n255\n".utf8)
        data.append(contentsOf: pixels)
        return data
    }
}

/// Reads the text of one page image.
public protocol TextRecognizer: Sendable {
    /// Recognises the page image at `pngAt` (PNG, or any format OpenCV reads: JPEG, TIFF, PGM …).
    func recognize(pngAt: URL) async throws -> OCRPage
}
