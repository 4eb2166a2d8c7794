/// Why an image could not be taken: said before anything is decoded where the header tells.
public enum ImageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a PNG, JPEG or TIFF.
    case unknownFormat
    /// A page declares more pixels than the budget: refused before decoding (a decompression bomb).
    case tooLarge(width: Int, height: Int, limit: Int)
    /// Smaller than any readable page (a 1 × 1 image, a zero-width TIFF).
    case tooSmall(width: Int, height: Int)
    /// More pages than a submission file may have (a 10,000-page TIFF).
    case tooManyPages(limit: Int)
    /// Truncated or corrupt, with the codec's words.
    case damaged(String)

    public var description: String {
        switch self {
        case .unknownFormat: "not a PNG, JPEG or TIFF image"
        case .tooLarge(let w, let h, let limit):
            "the image declares \(w) × \(h) pixels, over the budget of \(limit / 1_000_000) million pixels a page; not decoded"
        case .tooSmall(let w, let h): "the image is \(w) × \(h) pixels, too small to hold a page"
        case .tooManyPages(let limit): "the image has more than \(limit) pages"
        case .damaged(let message): "truncated or corrupt: \(message)"
        }
    }
}
