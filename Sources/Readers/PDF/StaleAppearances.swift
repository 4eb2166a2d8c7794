/// A fillable PDF that asks its reader to draw its widgets afresh (`/NeedAppearances true`, as
/// a PDF library that only sets the values writes it) costs poppler about 2 s on opening: it
/// lays out every value, searching the system's fonts for each CJK character its form font
/// lacks. intake reads the values from the widgets themselves and sets them on the page on its
/// own (`AcroFormText`), so the flag is hidden from poppler in the bytes it is given, the
/// key renamed in place so that no offset moves. The file itself is never touched.
enum StaleAppearances {
    private static let key = Array("/NeedAppearances".utf8)
    private static let renamed = Array("/NeedAppearancez".utf8)

    static func hidden(_ bytes: [UInt8]) -> [UInt8] {
        guard let first = key.first, bytes.count >= key.count else { return bytes }
        var result = bytes
        var i = 0
        while i <= bytes.count - key.count {
            if bytes[i] == first, bytes[i..<(i + key.count)].elementsEqual(key) {
                result.replaceSubrange(i..<(i + key.count), with: renamed)
                i += key.count
            } else {
                i += 1
            }
        }
        return result
    }
}
