/// 公民身份号码 on the 居民身份证, GB 11643-1999.
///
/// 18 characters: address code (6), birth date YYYYMMDD (8), order code (3, odd for men, even
/// for women), check character over the first 17 (ISO 7064 MOD 11-2, "X" for 10).
public enum CitizenID {
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters: [Character] = Array("10X98765432")

    public enum Gender: String, Sendable, Hashable, Codable {
        case male = "男"
        case female = "女"
    }

    public struct Info: Sendable, Hashable {
        /// Canonical form: upper-case X, full-width folded, spaces removed.
        public var canonical: String
        public var birthDate: CalendarDate
        public var gender: Gender
    }

    public enum Verdict: Sendable, Hashable {
        case valid(Info)
        /// Not 17 digits plus a digit or X; the reason in English.
        case invalidFormat(String)
        /// Digits 7–14 are not a real date, or it lies after `today`.
        case invalidBirthDate(String)
        /// Well-formed with a real birth date, but the check character should be `expected`.
        case invalidCheckCharacter(expected: Character)
    }

    /// Checks a number as written; `today` bounds the birth date.
    public static func check(_ text: String, today: CalendarDate) -> Verdict {
        let id = CodeText.fold(text).uppercased()
        let chars = Array(id)
        guard chars.count == 18 else { return .invalidFormat("has \(chars.count) characters, expected 18") }
        let digits = chars.prefix(17).compactMap { $0.wholeNumberValue }
        guard digits.count == 17, chars.prefix(17).allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return .invalidFormat("the first 17 characters must be digits")
        }
        guard chars[17].isASCII, chars[17].isNumber || chars[17] == "X" else {
            return .invalidFormat("the last character must be a digit or X")
        }
        let birth = String(chars[6..<14])
        guard let y = Int(birth.prefix(4)), let m = Int(birth.dropFirst(4).prefix(2)), let d = Int(birth.suffix(2)),
              let date = CalendarDate(year: y, month: m, day: d), y >= 1800 else {
            return .invalidBirthDate("\(birth) is not a real date")
        }
        guard date <= today else { return .invalidBirthDate("\(date.iso) lies in the future") }
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let expected = checkCharacters[sum % 11]
        guard chars[17] == expected else { return .invalidCheckCharacter(expected: expected) }
        return .valid(Info(canonical: id, birthDate: date, gender: digits[16] % 2 == 1 ? .male : .female))
    }

    /// The check character for the first 17 digits of `prefix`; nil when they are not 17 digits.
    public static func checkCharacter(forPrefix prefix: String) -> Character? {
        let digits = CodeText.fold(prefix).prefix(17).compactMap { $0.wholeNumberValue }
        guard digits.count == 17 else { return nil }
        return checkCharacters[zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11]
    }
}
