/// The pixel sizes a PDF's image XObjects declare, read from the file's bytes before poppler
/// decodes anything: drawing a page decodes its images whole, so one 20,000 × 20,000 image costs
/// gigabytes and tens of seconds before any budget could stop it.
///
/// An image XObject is a stream, and streams are never stored inside object streams, so its
/// dictionary (`N 0 obj << /Subtype /Image /Width … /Height … >> stream`) always stands in the
/// file as plain bytes, even in an encrypted PDF (only strings and stream data are encrypted).
enum ImageSizes {
    /// The largest pixel count (width × height) any image declares; 0 when there is none.
    static func largestPixelCount(in bytes: [UInt8]) -> Int {
        let subtype = Array("/Subtype".utf8), image = Array("/Image".utf8)
        var largest = 0
        var at = 0
        while let found = find(subtype, in: bytes, from: at) {
            at = found + subtype.count
            var next = at
            while next < bytes.count, isSpace(bytes[next]) { next += 1 }
            guard starts(image, in: bytes, at: next) else { continue }
            // The dictionary runs from the object's start to its stream.
            let start = lastIndex(of: Array("obj".utf8), in: bytes, before: found) ?? max(0, found - 4096)
            let end = find(Array("stream".utf8), in: bytes, from: next) ?? min(bytes.count, next + 4096)
            let width = integer(after: "/Width", in: bytes, start ..< min(end, start + 8192))
            let height = integer(after: "/Height", in: bytes, start ..< min(end, start + 8192))
            if let width, let height {
                let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
                largest = max(largest, overflow ? Int.max : pixels)
            }
        }
        return largest
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0 }

    private static func starts(_ needle: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        index + needle.count <= bytes.count && bytes[index ..< index + needle.count].elementsEqual(needle)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, from < bytes.count else { return nil }
        var index = from
        while let hit = bytes[index...].firstIndex(of: first) {
            if starts(needle, in: bytes, at: hit) { return hit }
            index = hit + 1
        }
        return nil
    }

    private static func lastIndex(of needle: [UInt8], in bytes: [UInt8], before end: Int) -> Int? {
        var index = end - needle.count
        let floor = max(0, end - 8192)
        while index >= floor {
            if starts(needle, in: bytes, at: index) { return index }
            index -= 1
        }
        return nil
    }

    /// The integer after `key` (not an indirect reference), within `range`.
    private static func integer(after key: String, in bytes: [UInt8], _ range: Range<Int>) -> Int? {
        let needle = Array(key.utf8)
        guard let hit = find(needle, in: Array(bytes[range]), from: 0) else { return nil }
        var index = range.lowerBound + hit + needle.count
        while index < range.upperBound, isSpace(bytes[index]) { index += 1 }
        var value = 0, digits = 0
        while index < range.upperBound, (0x30...0x39).contains(bytes[index]), digits < 12 {
            value = value * 10 + Int(bytes[index] - 0x30)
            digits += 1
            index += 1
        }
        return digits > 0 ? value : nil
    }
}
