/// Folding of what applicants type into codes: full-width digits and letters (０-９, Ａ-Ｚ),
/// full-width hyphen, and stray spaces, so that "９１３７ １５００…" is read as "91371500…".
public enum CodeText {
    /// Maps full-width ASCII (U+FF01–U+FF5E) to ASCII and removes all white space.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isSpace { continue }
            if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                out.append(ascii)
            } else if scalar == "－" || scalar == "—" || scalar == "–" {
                out.append("-")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
