/// A rectangle on a page, origin at the top left, `x1`/`y1` exclusive. The one rectangle of the
/// package: points for PDF text, widgets and result.json's `box`, pixels for a page image; the
/// holder says which, and `scaled(_:)` converts between the two.
public struct Rect: Sendable, Hashable, Codable {
    public var x0: Double, y0: Double, x1: Double, y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1
    }

    /// The rectangle spanned by two corners given in any order (C libraries do not promise one).
    public init(corner a: (x: Double, y: Double), _ b: (x: Double, y: Double)) {
        self.init(x0: min(a.x, b.x), y0: min(a.y, b.y), x1: max(a.x, b.x), y1: max(a.y, b.y))
    }

    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    public var midX: Double { (x0 + x1) / 2 }
    public var midY: Double { (y0 + y1) / 2 }

    public func union(_ other: Rect) -> Rect {
        Rect(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }

    public func contains(x: Double, y: Double) -> Bool { x >= x0 && x <= x1 && y >= y0 && y <= y1 }

    /// Every coordinate times `factor`: points to raster pixels and back.
    public func scaled(_ factor: Double) -> Rect {
        Rect(x0: x0 * factor, y0: y0 * factor, x1: x1 * factor, y1: y1 * factor)
    }

    /// The rectangle scaled about its centre: `scaledAboutCentre(0.5)` is the middle half of a
    /// check box, where a tick's ink lies and the box's own border does not.
    public func scaledAboutCentre(_ factor: Double) -> Rect {
        let dx = width * factor / 2, dy = height * factor / 2
        return Rect(x0: midX - dx, y0: midY - dy, x1: midX + dx, y1: midY + dy)
    }
}

/// An 8-bit grey image, row-major, 0 black … 255 white: a PDF page drawn by poppler or a scan as
/// the OCR worker deskewed it. The one raster of the package; ruling lines, ticks and seals are
/// judged on it.
public struct GreyRaster: Sendable, Hashable {
    public var width: Int, height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width >= 0 && height >= 0 && pixels.count == width * height, "pixel count must be width × height")
        self.width = width; self.height = height; self.pixels = pixels
    }

    public subscript(x: Int, y: Int) -> UInt8 { pixels[y * width + x] }

    /// The share (0…1) of pixels darker than `threshold` among those whose centres lie in `box`
    /// (raster pixels, clipped to the image); 0 for a box outside it. A ticked check box has
    /// 0.35–0.42 in the middle half of its square, an empty one ≤ 0.02 (ocr/README.md).
    public func darkShare(in box: Rect, threshold: UInt8 = 128) -> Double {
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
}
