import FormReading
import Foundation
import Images
import IntakeCore
import Poppler

/// A supporting document's text, line by line with how surely each character was read: a PDF's
/// text layer where it has one, else the OCR of its first pages (a scanned PDF or an image).
public struct MaterialText: Sendable {
    public struct Line: Sendable, Hashable {
        public var text: String
        /// Per character, 1 for a text layer.
        public var confidences: [Double]
        public init(text: String, confidences: [Double]) { self.text = text; self.confidences = confidences }
    }

    public var lines: [Line]
    public var method: ReadingMethod
    /// Why nothing could be read from the pages (too dark, blank), nil when they look readable.
    public var unreadable: String?

    /// The whole text without white space, for finding printed words.
    public var folded: String { lines.map { $0.text.filter { !$0.isWhitespace } }.joined(separator: "\n") }

    /// `folded` without running text: a word in a sentence (考生须凭准考证和有效居民身份证参加考试；)
    /// names what the document speaks of, not what it is.
    public var headings: String {
        lines.map { $0.text.filter { !$0.isWhitespace } }.filter { line in
            line.count < 12 || !line.contains(where: { "，。；".contains($0) })
        }.joined(separator: "\n")
    }

    /// Pages read at most: an ID card's two sides, a certificate's first page.
    static let maxPages = 2

    /// Reads `bytes`; nil for a kind of file that is neither PDF nor image (a Word file, XML).
    /// `recognizer` nil: only a text layer can be read.
    public static func read(_ bytes: [UInt8], recognizer: PageRecognizer?) -> MaterialText? {
        if FileKind.isPDF(bytes) { return pdf(bytes, recognizer: recognizer) }
        if ScanImage.isImage(bytes) { return image(bytes, recognizer: recognizer) }
        return nil
    }

    static func pdf(_ bytes: [UInt8], recognizer: PageRecognizer?) -> MaterialText? {
        guard ImageSizes.largestPixelCount(in: bytes) <= PDFSubmissionReader.Limits().maxImagePixels,
              let document = try? PDFDocument(bytes: bytes) else { return nil }
        var lines: [Line] = []
        var method = ReadingMethod.pdfText
        for index in 0..<min(document.pageCount, maxPages) {
            guard let page = document.page(at: index) else { continue }
            let glyphs = page.glyphs().map { Glyph($0.character, $0.box) }
            if glyphs.filter({ !$0.character.isWhitespace }).count >= 8 {
                lines += Self.lines(GlyphBoxes.normalized(glyphs))
            } else if page.imageCount > 0, let recognizer, let png = try? page.renderPNG(dpi: 200),
                      let recognized = try? recognizer.recognize(png: png, photo: true) {
                // A scanned page: its images hold the text, read like a photo (a card on a
                // scanned sheet is found and read alone). A page without images has none.
                lines += Self.lines(recognized)
                method = .ocr
            }
        }
        return MaterialText(lines: lines, method: method, unreadable: nil)
    }

    static func image(_ bytes: [UInt8], recognizer: PageRecognizer?) -> MaterialText? {
        guard let file = try? ImageFile(bytes: bytes) else { return nil }
        var lines: [Line] = []
        var unreadable: String?
        for index in file.pages.indices.prefix(maxPages) {
            guard let raster = try? file.decode(page: index).shrunk(toFit: ScanImage.readingLongSide) else { return nil }
            if let reason = Self.unreadable(raster) {
                unreadable = reason
                continue
            }
            guard let recognizer, let png = try? raster.png(), let page = try? recognizer.recognize(png: png, photo: true) else { continue }
            lines += Self.lines(page)
        }
        return MaterialText(lines: lines, method: .ocr, unreadable: lines.isEmpty ? unreadable : nil)
    }

    /// A page nothing can be read from, judged by its pixels: nearly black, or one flat tone.
    static func unreadable(_ raster: RasterImage) -> String? {
        let small = raster.shrunk(toFit: 256)
        var sum = 0.0, squares = 0.0
        let count = small.width * small.height
        for i in 0..<count {
            let grey = (Double(small.rgb[i * 3]) * 299 + Double(small.rgb[i * 3 + 1]) * 587 + Double(small.rgb[i * 3 + 2]) * 114) / 1000
            sum += grey
            squares += grey * grey
        }
        let mean = sum / Double(max(count, 1))
        let deviation = (squares / Double(max(count, 1)) - mean * mean).squareRoot()
        if mean < 40 { return "太暗" }
        if deviation < 4 { return "空白" }
        return nil
    }

    /// The engine's characters in reading order: lines top to bottom, a table's cells side by side.
    static func lines(_ page: RecognizedPage) -> [Line] {
        lines(page.characters.map { Glyph($0.text, $0.box, confidence: $0.probability) })
    }

    static func lines(_ glyphs: [Glyph]) -> [Line] {
        LineBuilder.readingOrder(glyphs).map { Line(text: $0.text, confidences: $0.confidences) } + [column(glyphs)].compactMap { $0 }
    }

    /// A title set down the page's edge (山/东/省/居/住/证) reads as one character a line, each
    /// between the lines beside it: those characters, standing alone one above the other, as the
    /// one word they are.
    static func column(_ glyphs: [Glyph]) -> Line? {
        let cjk = glyphs.filter(\.isIdeograph)
        guard cjk.count >= 3 else { return nil }
        let em = cjk.map(\.box.width).sorted()[cjk.count / 2]
        let alone = cjk.filter { g in
            !glyphs.contains { o in
                o.box != g.box && !o.character.isWhitespace
                    && min(o.box.y1, g.box.y1) - max(o.box.y0, g.box.y0) > 0.5 * min(o.box.height, g.box.height)
                    && max(o.box.x0 - g.box.x1, g.box.x0 - o.box.x1) < 1.2 * em
            }
        }
        // The largest set standing on one vertical line.
        var best: [Glyph] = []
        for g in alone {
            let stack = alone.filter { abs($0.box.midX - g.box.midX) < 0.7 * em }
            if stack.count > best.count { best = stack }
        }
        guard best.count >= 3 else { return nil }
        let sorted = best.sorted { $0.box.midY < $1.box.midY }
        return Line(text: String(sorted.map(\.character)), confidences: sorted.map(\.confidence))
    }
}
