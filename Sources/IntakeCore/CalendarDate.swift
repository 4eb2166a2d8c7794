/// A calendar date without time or zone, as forms write them.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil unless the date exists in the proleptic Gregorian calendar (no 2月30日, no month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= CalendarDate.days(inMonth: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        func pad(_ n: Int, _ w: Int) -> String { String(repeating: "0", count: max(0, w - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public enum ParseResult: Sendable, Hashable {
        case date(CalendarDate)
        /// Shaped like a date, but no such day exists (2025-02-30, month 13).
        case notARealDate
        /// Not shaped like any accepted way of writing a date.
        case unreadable
    }

    /// Reads `2024-03-05`, `2024-3-5`, `2024/3/5`, `2024.3.5`, `2024年3月5日`, `20240305`
    /// (full-width digits folded, spaces between the parts ignored: `2024 年 3 月 5 日`), and a
    /// date written in Chinese numerals, as official papers date themselves (二〇二四年三月五日).
    public static func parse(_ text: String) -> ParseResult {
        let folded = Self.arabic(CodeText.fold(text))
        var parts: [String] = []
        var current = ""
        for ch in folded {
            if ch.isWhitespace { continue }
            if ch.isASCII && ch.isNumber {
                current.append(ch)
            } else if ["-", "/", ".", "年", "月", "日"].contains(ch) {
                if !current.isEmpty { parts.append(current); current = "" } else if ch != "日" { return .unreadable }
            } else {
                return .unreadable
            }
        }
        if !current.isEmpty { parts.append(current) }
        if parts.count == 1, parts[0].count == 8 {
            let s = parts[0]
            parts = [String(s.prefix(4)), String(s.dropFirst(4).prefix(2)), String(s.suffix(2))]
        }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return .unreadable }
        guard let date = CalendarDate(year: y, month: m, day: d) else { return .notARealDate }
        return .date(date)
    }

    /// `二〇二四年三月五日` as `2024年3月5日`: the year digit by digit, month and day as numbers
    /// (十一, 二十, 三十一). Text with no such numeral, or numerals that make no number, is
    /// returned as it is.
    private static let chineseDigits: [Character: Int] = ["〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                                                           "七": 7, "八": 8, "九": 9]

    private static func arabic(_ text: String) -> String {
        let digits = chineseDigits
        guard text.contains(where: { digits[$0] != nil || $0 == "十" }) else { return text }
        var out = ""
        var run: [Character] = []
        func flush() -> Bool {
            defer { run = [] }
            guard !run.isEmpty else { return true }
            if let ten = run.firstIndex(of: "十") {
                // 十, 十一, 二十, 二十一: at most one digit either side of 十.
                let tens = run[..<ten], units = run[(ten + 1)...]
                guard tens.count <= 1, units.count <= 1, !units.contains("十"),
                      let t = tens.first.map({ digits[$0] }) ?? 1, let u = units.first.map({ digits[$0] }) ?? 0 else { return false }
                out += String(t * 10 + u)
            } else {
                out += run.map { String(digits[$0]!) }.joined()
            }
            return true
        }
        for ch in text {
            if digits[ch] != nil || ch == "十" { run.append(ch); continue }
            guard flush() else { return text }
            out.append(ch)
        }
        return flush() ? out : text
    }

    /// The date `days` days after 1970-01-01 (Howard Hinnant's civil-from-days).
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.year = y
        self.month = m
        self.day = d
    }
}

/// China Standard Time (UTC+8, no daylight saving): the zone of every date intake writes or judges,
/// whatever zone the machine is set to.
public enum ChinaStandardTime {
    public static let offsetSeconds = 8 * 3600

    /// The day in China (UTC+8, no daylight saving) at a moment given as seconds since 1970 (a
    /// `Date`'s `timeIntervalSince1970`: this module does without Foundation), and the seconds
    /// since that day's midnight.
    public static func day(at secondsSince1970: Double) -> (day: CalendarDate, seconds: Int) {
        let seconds = Int(secondsSince1970.rounded(.down)) + offsetSeconds
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        return (CalendarDate(daysSinceEpoch: days), seconds - days * 86_400)
    }
}
