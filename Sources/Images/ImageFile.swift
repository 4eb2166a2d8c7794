internal import CImageCodecs

/// A scanner's or a phone's image file (PNG, JPEG, TIFF): its pages measured from the headers,
/// then decoded one at a time within a pixel budget, so a bomb is refused before it costs memory.
public struct ImageFile: Sendable {
    public enum Format: String, Sendable { case png = "PNG", jpeg = "JPEG", tiff = "TIFF" }

    public struct Limits: Sendable {
        /// Pixels a page may declare: 50 M is a 600 dpi A4 page (35 M) with room.
        public var maxPixels = 50_000_000
        /// Pages a file may hold: an application with its materials, not an archive.
        public var maxPages = 20
        /// Shorter side below which nothing on the image can be read.
        public var minSide = 32
        public init() {}
    }

    public let format: Format
    /// Each page's size as declared, upright (EXIF quarter turns applied).
    public let pages: [(width: Int, height: Int)]
    let bytes: [UInt8]
    let orientation: Int
    let limits: Limits

    /// The format by the file's first bytes, nil for anything else.
    public static func format(of bytes: some Collection<UInt8>) -> Format? {
        let head = Array(bytes.prefix(8))
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x49, 0x49, 0x2A, 0x00]) || head.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        return nil
    }

    /// Reads the headers only: format, page count and sizes, each checked against `limits`.
    public init(bytes: [UInt8], limits: Limits = Limits()) throws(ImageError) {
        guard let format = Self.format(of: bytes) else { throw .unknownFormat }
        self.format = format
        self.bytes = bytes
        self.limits = limits
        var orientation = 1
        var sizes: [(Int, Int)]
        switch format {
        case .png: sizes = [try Self.pngSize(bytes)]
        case .jpeg:
            sizes = [try Self.jpegSize(bytes)]
            orientation = bytes.withUnsafeBufferPointer { Int(cimg_exif_orientation($0.baseAddress, UInt32($0.count))) }
        case .tiff: sizes = try Self.tiffSizes(bytes, limits: limits)
        }
        if orientation >= 5 { sizes = sizes.map { ($0.1, $0.0) } }
        for (w, h) in sizes {
            if w <= 0 || h <= 0 { throw .damaged("\(format.rawValue): the header gives no size (cut off?)") }
            let (pixels, overflow) = w.multipliedReportingOverflow(by: h)
            if overflow || pixels > limits.maxPixels { throw .tooLarge(width: w, height: h, limit: limits.maxPixels) }
            if min(w, h) < limits.minSide { throw .tooSmall(width: w, height: h) }
        }
        self.orientation = orientation
        self.pages = sizes
    }

    /// Page `index` (0-based) decoded, upright.
    public func decode(page index: Int) throws(ImageError) -> RasterImage {
        precondition(pages.indices.contains(index), "page out of range")
        switch format {
        case .png: return try decodePNG()
        case .jpeg: return try decodeJPEG().oriented(orientation)
        case .tiff: return try decodeTIFF(page: index)
        }
    }

    // MARK: PNG

    private static func pngSize(_ bytes: [UInt8]) throws(ImageError) -> (Int, Int) {
        var image = cimg_png_image()
        defer { png_image_free(&image) }
        let ok = bytes.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
        guard ok != 0 else { throw .damaged("PNG: \(RasterImage.message(&image))") }
        return (Int(image.width), Int(image.height))
    }

    private func decodePNG() throws(ImageError) -> RasterImage {
        var image = cimg_png_image()
        defer { png_image_free(&image) }
        let begun = bytes.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
        guard begun != 0 else { throw .damaged("PNG: \(RasterImage.message(&image))") }
        let w = Int(image.width), h = Int(image.height)
        var rgb = [UInt8](repeating: 0, count: w * h * 3)
        let done = rgb.withUnsafeMutableBytes { cimg_png_finish_rgb_on_white(&image, $0.baseAddress) }
        guard done != 0 else { throw .damaged("PNG: \(RasterImage.message(&image))") }
        return RasterImage(width: w, height: h, rgb: rgb, dpi: Self.pngDPI(bytes))
    }

    /// The pHYs chunk's resolution when it is in metres, nil otherwise.
    private static func pngDPI(_ bytes: [UInt8]) -> Double? {
        var at = 8
        while at + 8 <= bytes.count {
            let length = Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
            let type = String(decoding: bytes[(at + 4)..<(at + 8)], as: UTF8.self)
            if type == "IDAT" || type == "IEND" || length < 0 { return nil }
            if type == "pHYs", length == 9, at + 17 <= bytes.count, bytes[at + 16] == 1 {
                let perMetre = Int(bytes[at + 8]) << 24 | Int(bytes[at + 9]) << 16 | Int(bytes[at + 10]) << 8 | Int(bytes[at + 11])
                return perMetre > 0 ? Double(perMetre) * 0.0254 : nil
            }
            at += 12 + length
        }
        return nil
    }

    // MARK: JPEG

    /// The header's size, read with a decompressor the caller owns.
    private static func jpegHeader(_ handle: tjhandle, _ bytes: [UInt8]) throws(ImageError) -> (width: Int32, height: Int32, cmyk: Bool) {
        var w: Int32 = 0, h: Int32 = 0, subsampling: Int32 = 0, colourspace: Int32 = 0
        let status = bytes.withUnsafeBufferPointer {
            tjDecompressHeader3(handle, $0.baseAddress, UInt($0.count), &w, &h, &subsampling, &colourspace)
        }
        guard status == 0 else { throw .damaged("JPEG: \(String(cString: tjGetErrorStr2(handle)))") }
        return (w, h, colourspace == Int32(TJCS_CMYK.rawValue) || colourspace == Int32(TJCS_YCCK.rawValue))
    }

    private static func jpegSize(_ bytes: [UInt8]) throws(ImageError) -> (Int, Int) {
        guard let handle = tjInitDecompress() else { throw .damaged("JPEG decoder unavailable") }
        defer { tjDestroy(handle) }
        let (w, h, _) = try jpegHeader(handle, bytes)
        return (Int(w), Int(h))
    }

    private func decodeJPEG() throws(ImageError) -> RasterImage {
        guard let handle = tjInitDecompress() else { throw .damaged("JPEG decoder unavailable") }
        defer { tjDestroy(handle) }
        let (w, h, cmyk) = try Self.jpegHeader(handle, bytes)
        // A print shop's or a copier's CMYK file decodes as CMYK only, then becomes RGB here.
        let channels = cmyk ? 4 : 3
        var out = [UInt8](repeating: 0, count: Int(w) * Int(h) * channels)
        // A warning (a truncated file: "Premature end of JPEG file") stops the decoding: the
        // rest of the page would be grey, and a half page must not pass for a whole one.
        let status = out.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer {
                tjDecompress2(handle, $0.baseAddress, UInt($0.count), out.baseAddress, w, 0, h,
                              Int32((cmyk ? TJPF_CMYK : TJPF_RGB).rawValue), TJFLAG_STOPONWARNING)
            }
        }
        guard status == 0 else { throw .damaged("JPEG: \(String(cString: tjGetErrorStr2(handle)))") }
        let rgb = cmyk ? Self.rgb(fromCMYK: out, inverted: Self.hasAdobeMarker(bytes)) : out
        return RasterImage(width: Int(w), height: Int(h), rgb: rgb, dpi: Self.jfifDPI(bytes))
    }

    /// Naive CMYK to RGB (no colour profile: enough to read a page). Adobe's files store the
    /// inks inverted.
    static func rgb(fromCMYK cmyk: [UInt8], inverted: Bool) -> [UInt8] {
        var rgb = [UInt8](repeating: 0, count: cmyk.count / 4 * 3)
        for p in 0..<(cmyk.count / 4) {
            let k = Int(inverted ? cmyk[4 * p + 3] : 255 - cmyk[4 * p + 3])
            for c in 0..<3 {
                let ink = Int(inverted ? cmyk[4 * p + c] : 255 - cmyk[4 * p + c])
                rgb[3 * p + c] = UInt8(ink * k / 255)
            }
        }
        return rgb
    }

    /// Whether the JPEG carries Adobe's APP14 segment before its image data.
    static func hasAdobeMarker(_ bytes: [UInt8]) -> Bool {
        var at = 2
        while at + 9 < bytes.count, bytes[at] == 0xFF {
            let marker = bytes[at + 1]
            if marker == 0xDA { return false }
            let length = Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
            if marker == 0xEE, Array(bytes[(at + 4)..<(at + 9)]) == Array("Adobe".utf8) { return true }
            at += 2 + length
        }
        return false
    }

    /// JFIF's density when given in dots per inch or centimetre.
    private static func jfifDPI(_ bytes: [UInt8]) -> Double? {
        guard bytes.count > 18, bytes[2] == 0xFF, bytes[3] == 0xE0,
              bytes[6...10].elementsEqual([0x4A, 0x46, 0x49, 0x46, 0x00]) else { return nil }
        let unit = bytes[13], x = Int(bytes[14]) << 8 | Int(bytes[15])
        guard x > 1 else { return nil }
        return unit == 1 ? Double(x) : unit == 2 ? Double(x) * 2.54 : nil
    }

    // MARK: TIFF

    /// Bytes libtiff may allocate at once: a strip or tile of a page within budget.
    private static func tiffAllocationLimit(_ limits: Limits) -> Int { limits.maxPixels * 4 }

    private static func withTIFF<T>(_ bytes: [UInt8], limits: Limits,
                                    _ body: (OpaquePointer, UnsafeMutablePointer<cimg_tiff_source>) throws(ImageError) -> T) throws(ImageError) -> T {
        try bytes.withUnsafeBufferPointer { (buffer) throws(ImageError) -> T in
            let source = UnsafeMutablePointer<cimg_tiff_source>.allocate(capacity: 1)
            defer { source.deallocate() }
            source.initialize(to: cimg_tiff_source())
            source.pointee.data = buffer.baseAddress
            source.pointee.size = UInt64(buffer.count)
            guard let tif = cimg_tiff_open(source, tmsize_t(tiffAllocationLimit(limits))) else {
                throw .damaged("TIFF: \(message(source))")
            }
            defer { TIFFClose(tif) }
            return try body(tif, source)
        }
    }

    private static func message(_ source: UnsafeMutablePointer<cimg_tiff_source>) -> String {
        let text = withUnsafeBytes(of: &source.pointee.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return text.isEmpty ? "cannot be read" : text
    }

    private static func tiffSizes(_ bytes: [UInt8], limits: Limits) throws(ImageError) -> [(Int, Int)] {
        try withTIFF(bytes, limits: limits) { (tif, source) throws(ImageError) -> [(Int, Int)] in
            var sizes: [(Int, Int)] = []
            repeat {
                guard sizes.count < limits.maxPages else { throw .tooManyPages(limit: limits.maxPages) }
                var w: UInt32 = 0, h: UInt32 = 0
                guard cimg_tiff_dimensions(tif, &w, &h) != 0 else { throw .damaged("TIFF page \(sizes.count + 1) has no size") }
                sizes.append((Int(w), Int(h)))
            } while TIFFReadDirectory(tif) == 1
            // The last directory and a broken one both end the chain; only the broken one says why.
            if source.pointee.message.0 != 0 { throw .damaged("TIFF after page \(sizes.count): \(message(source))") }
            return sizes
        }
    }

    private func decodeTIFF(page index: Int) throws(ImageError) -> RasterImage {
        try Self.withTIFF(bytes, limits: limits) { (tif, source) throws(ImageError) -> RasterImage in
            guard TIFFSetDirectory(tif, UInt32(index)) == 1 else { throw .damaged("TIFF: no page \(index + 1)") }
            var w: UInt32 = 0, h: UInt32 = 0
            guard cimg_tiff_dimensions(tif, &w, &h) != 0 else { throw .damaged("TIFF page \(index + 1) has no size") }
            let count = Int(w) * Int(h)
            guard count <= limits.maxPixels else { throw .tooLarge(width: Int(w), height: Int(h), limit: limits.maxPixels) }
            var abgr = [UInt32](repeating: 0, count: count)
            let ok = abgr.withUnsafeMutableBufferPointer { cimg_tiff_read_rgba(tif, w, h, $0.baseAddress) }
            guard ok == 1, source.pointee.message.0 == 0 else { throw .damaged("TIFF page \(index + 1): \(Self.message(source))") }
            let dpi = cimg_tiff_dpi(tif)
            let rgb = [UInt8](unsafeUninitializedCapacity: count * 3) { out, n in
                for i in 0..<count {
                    // Packed as A B G R from the high byte: red in the lowest.
                    let p = abgr[i], a = Int(p >> 24)
                    // Transparent pixels shown on white paper.
                    out[i * 3] = UInt8((Int(p & 0xFF) * a + 255 * (255 - a)) / 255)
                    out[i * 3 + 1] = UInt8((Int((p >> 8) & 0xFF) * a + 255 * (255 - a)) / 255)
                    out[i * 3 + 2] = UInt8((Int((p >> 16) & 0xFF) * a + 255 * (255 - a)) / 255)
                }
                n = count * 3
            }
            return RasterImage(width: Int(w), height: Int(h), rgb: rgb, dpi: dpi > 0 ? dpi : nil)
        }
    }
}
