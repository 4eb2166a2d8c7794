import Foundation
import IntakeCore

/// One recognised character: its text (one grapheme, usually one CJK character or digit), the
/// recogniser's probability for it in (0, 1], and its box: the x-range estimated from the CTC time
/// steps, the y-range of its line.
public struct OCRChar: Sendable, Hashable {
    public var character: String
    public var probability: Double
    public var box: Rect
}

/// One detected and recognised text line (a box of PP-OCRv4 detection, usually one table cell's
/// text or part of it), in reading order on the page.
public struct OCRLine: Sendable, Hashable {
    public var text: String
    public var box: Rect
    public var chars: [OCRChar]

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
    public var seals: [Rect]
    /// Whether the page was in colour: on a grey one a seal cannot be told by its red.
    public var colour: Bool
    /// The deskewed grey image recognition read: for a colour page its red channel (red seal ink
    /// near-white), for a grey page the grey itself; a scan's grey paper made white. Judge check
    /// boxes on it with `darkShare`.
    public var image: GreyRaster
    /// Seconds the worker spent on the page.
    public var seconds: Double

    /// The whole text, one line per `OCRLine`.
    public var text: String { lines.map(\.text).joined(separator: "\n") }
}

/// Binary PGM, the format the OCR worker writes its deskewed page in.
extension GreyRaster {
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
