internal import CImageCodecs

/// A decoded page: 8-bit RGB, rows top to bottom, upright as the photographer or scanner meant it.
public struct RasterImage: Sendable {
    public let width: Int, height: Int
    /// width × height × 3 bytes.
    public let rgb: [UInt8]
    /// Resolution the file declares (TIFF, JPEG's JFIF), nil when it does not.
    public let dpi: Double?

    public init(width: Int, height: Int, rgb: [UInt8], dpi: Double?) {
        precondition(rgb.count == width * height * 3, "RGB byte count must be width × height × 3")
        self.width = width; self.height = height; self.rgb = rgb; self.dpi = dpi
    }

    /// The image as PNG (what the OCR worker and the clerk's browser read).
    public func png() throws(ImageError) -> [UInt8] {
        var image = cimg_png_image()
        image.width = UInt32(width)
        image.height = UInt32(height)
        image.format = cimg_png_format_rgb()
        var size: png_alloc_size_t = 0
        let sized = rgb.withUnsafeBytes { cimg_png_write(&image, nil, &size, $0.baseAddress) }
        guard sized != 0, size > 0 else { throw .damaged("PNG encoder: \(Self.message(&image))") }
        var out = [UInt8](repeating: 0, count: Int(size))
        let written = out.withUnsafeMutableBytes { memory in
            rgb.withUnsafeBytes { cimg_png_write(&image, memory.baseAddress, &size, $0.baseAddress) }
        }
        guard written != 0 else { throw .damaged("PNG encoder: \(Self.message(&image))") }
        return Array(out.prefix(Int(size)))
    }

    /// Shrunk by a whole factor so that neither side exceeds `longSide` (box average); self when it fits.
    public func shrunk(toFit longSide: Int) -> RasterImage {
        let factor = (max(width, height) + longSide - 1) / max(longSide, 1)
        guard factor > 1 else { return self }
        let w = width / factor, h = height / factor
        guard w > 0, h > 0 else { return self }
        let area = factor * factor
        let pixels = [UInt8](unsafeUninitializedCapacity: w * h * 3) { out, count in
            for y in 0..<h {
                for x in 0..<w {
                    var sum = (0, 0, 0)
                    for dy in 0..<factor {
                        var at = ((y * factor + dy) * width + x * factor) * 3
                        for _ in 0..<factor {
                            sum.0 += Int(rgb[at]); sum.1 += Int(rgb[at + 1]); sum.2 += Int(rgb[at + 2])
                            at += 3
                        }
                    }
                    let o = (y * w + x) * 3
                    out[o] = UInt8(sum.0 / area); out[o + 1] = UInt8(sum.1 / area); out[o + 2] = UInt8(sum.2 / area)
                }
            }
            count = w * h * 3
        }
        return RasterImage(width: w, height: h, rgb: pixels, dpi: dpi.map { $0 / Double(factor) })
    }

    /// Turned upright by an EXIF orientation (1–8): mirrors and quarter turns.
    func oriented(_ orientation: Int) -> RasterImage {
        guard (2...8).contains(orientation) else { return self }
        let swaps = orientation >= 5
        let w = swaps ? height : width, h = swaps ? width : height
        let pixels = [UInt8](unsafeUninitializedCapacity: w * h * 3) { out, count in
            for y in 0..<h {
                for x in 0..<w {
                    // (sx, sy): the stored pixel shown at (x, y).
                    let (sx, sy): (Int, Int)
                    switch orientation {
                    case 2: (sx, sy) = (width - 1 - x, y)
                    case 3: (sx, sy) = (width - 1 - x, height - 1 - y)
                    case 4: (sx, sy) = (x, height - 1 - y)
                    case 5: (sx, sy) = (y, x)
                    case 6: (sx, sy) = (y, height - 1 - x)
                    case 7: (sx, sy) = (width - 1 - y, height - 1 - x)
                    default: (sx, sy) = (width - 1 - y, x)
                    }
                    let s = (sy * width + sx) * 3, o = (y * w + x) * 3
                    out[o] = rgb[s]; out[o + 1] = rgb[s + 1]; out[o + 2] = rgb[s + 2]
                }
            }
            count = w * h * 3
        }
        return RasterImage(width: w, height: h, rgb: pixels, dpi: dpi)
    }

    static func message(_ image: inout png_image) -> String {
        withUnsafeBytes(of: &image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
