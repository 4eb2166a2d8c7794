/// Masks personal data for logs: an ID number or bank account is never printed in full.
public enum Masking {
    /// Keeps the first 3 and last 4 characters of a long code ("371************123X");
    /// shorter values are masked whole.
    public static func mask(_ value: String) -> String {
        let chars = Array(value)
        guard chars.count >= 10 else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(3)) + String(repeating: "*", count: chars.count - 7) + String(chars.suffix(4))
    }

    /// Masks every run of 15 or more digits/X (ID numbers, bank accounts, USCCs) inside free text.
    public static func maskDigitRuns(in text: String) -> String {
        var out = ""
        var run = ""
        func flush() {
            out += run.count >= 15 ? mask(run) : run
            run = ""
        }
        for ch in text {
            if (ch.isASCII && (ch.isNumber || ch.isLetter)) {
                run.append(ch)
            } else {
                flush()
                out.append(ch)
            }
        }
        flush()
        return out
    }
}
