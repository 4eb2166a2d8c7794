/// 统一社会信用代码 (unified social credit code), GB 32100-2015.
///
/// 18 characters from the 31-character set below (no I, O, Z, S, V): registration authority (1),
/// organisation type (1), 行政区划代码 (6), organisation code (9, its own GB 11714 check character
/// last), and a check character over the first 17 with weights 3^(i-1) mod 31.
public enum USCC {
    /// The characters GB 32100 allows, in the order of their values 0–30.
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    public enum Verdict: Sendable, Hashable {
        /// Canonical form: upper case, full-width folded, spaces removed.
        case valid(String)
        /// Not 18 characters of the allowed set; the reason in English.
        case invalidFormat(String)
        /// Well-formed, but the 18th character should be `expected`.
        case invalidCheckCharacter(expected: Character)
    }

    /// Checks a code as an applicant wrote it.
    public static func check(_ text: String) -> Verdict {
        let code = CodeText.fold(text).uppercased()
        guard code.count == 18 else { return .invalidFormat("has \(code.count) characters, expected 18") }
        var values: [Int] = []
        for ch in code {
            guard let v = alphabet.firstIndex(of: ch) else { return .invalidFormat("character \"\(ch)\" is not allowed") }
            values.append(v)
        }
        let expected = checkCharacter(values.prefix(17))
        return code.last == expected ? .valid(code) : .invalidCheckCharacter(expected: expected)
    }

    /// The check character for 17 code values.
    static func checkCharacter<S: Sequence>(_ values: S) -> Character where S.Element == Int {
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// The check character for the first 17 characters of `prefix`, nil if they are not all allowed.
    public static func checkCharacter(forPrefix prefix: String) -> Character? {
        let chars = Array(CodeText.fold(prefix).uppercased().prefix(17))
        guard chars.count == 17 else { return nil }
        let values = chars.compactMap { alphabet.firstIndex(of: $0) }
        guard values.count == 17 else { return nil }
        return checkCharacter(values)
    }
}
