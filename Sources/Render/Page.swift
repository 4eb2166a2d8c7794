/// A4 portrait geometry in points (1/72 inch).
enum Page {
    static let width = 595.276
    static let height = 841.89
    static let marginLeft = mm(20)
    static let marginRight = mm(20)
    static let marginTop = mm(18)
    static let marginBottom = mm(18)
    /// Baseline area of "第 N 页 共 M 页", inside the bottom margin.
    static let pageNumberTop = height - mm(13)

    static var contentWidth: Double { width - marginLeft - marginRight }
    static var contentTop: Double { marginTop }
    static var contentBottom: Double { height - marginBottom }
}

/// Millimetres to points.
func mm(_ millimetres: Double) -> Double { millimetres * 72 / 25.4 }
