import IntakeCore

/// Dates as printed on forms: "2024 年 3 月 5 日", or a blank "年 月 日" for the applicant's pen.
enum DateText {
    /// The blank date line with room to write by hand.
    static let blank = "\u{3000}\u{3000}\u{3000}年\u{3000}\u{3000}月\u{3000}\u{3000}日"

    /// The printed form of a value: blank when empty, "YYYY 年 M 月 D 日" when it reads as a date
    /// in one of the accepted spellings, otherwise the value exactly as written.
    static func printed(_ value: String?) -> String {
        guard let value, !value.trimmingWhitespace().isEmpty else { return blank }
        guard let date = parse(value) else { return value }
        return "\(date.year) 年 \(date.month) 月 \(date.day) 日"
    }

    /// Reads 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日 (日 optional) and 20240305; nil for
    /// anything else or for a day that does not exist.
    static func parse(_ raw: String) -> (year: Int, month: Int, day: Int)? {
        let text = raw.trimmingWhitespace()
        var parts: [Int]
        if text.count == 8, text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            let digits = Array(text)
            parts = [Int(String(digits[0..<4]))!, Int(String(digits[4..<6]))!, Int(String(digits[6..<8]))!]
        } else {
            var body = Substring(text)
            if body.hasSuffix("日") { body = body.dropLast() }
            let separators: Set<Character> = ["-", "/", ".", "年", "月"]
            let pieces = body.split(omittingEmptySubsequences: false) { separators.contains($0) }
            guard pieces.count == 3 else { return nil }
            // One style of separator: 2024年3月5 or 2024-3-5, not 2024-3月5.
            let seps = body.filter { separators.contains($0) }
            guard seps == "年月" || (Set(seps).count == 1 && seps.count == 2 && !seps.contains("年")) else { return nil }
            var ints: [Int] = []
            for piece in pieces {
                let p = piece.trimmingWhitespace()
                guard !p.isEmpty, p.count <= 4, p.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(p) else { return nil }
                ints.append(n)
            }
            guard String(pieces[0]).trimmingWhitespace().count == 4 else { return nil }
            parts = ints
        }
        let (y, m, d) = (parts[0], parts[1], parts[2])
        guard (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y) else { return nil }
        return (y, m, d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
