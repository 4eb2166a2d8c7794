import Testing
@testable import IntakeCore

@Test("Dates are read in the ways forms write them",
      arguments: ["2024-03-05", "2024-3-5", "2024/3/5", "2024.03.05", "2024年3月5日", "2024年03月05日", "20240305", "２０２４年３月５日",
                 "2024 年 3 月 5 日", " 2024　年　03　月　05　日 ", "二〇二四年三月五日", "二○二四年三月五日"])
func readsDate(text: String) {
    #expect(CalendarDate.parse(text) == .date(CalendarDate(year: 2024, month: 3, day: 5)!))
}

@Test("Days that do not exist are not dates", arguments: ["2025-02-30", "2025-13-01", "2023-02-29", "2024-04-31", "2024-00-10", "2024年13月5日", "2026.02.30", "2026/11/31", "二〇二五年二月三十日"])
func notARealDate(text: String) {
    #expect(CalendarDate.parse(text) == .notARealDate)
}

@Test("Leap days exist only in leap years")
func leapDays() {
    #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
    #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
    #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
}

@Test("Text that is not a date is unreadable", arguments: ["", "明天", "2024-3", "24-3-5", "2024-03-05x", "二〇二四年三月", "二〇二四年十十月五日", "二〇二四年一二三月五日", "二〇二四年三月五日下午"])
func unreadable(text: String) {
    #expect(CalendarDate.parse(text) == .unreadable)
}

@Test("Days since the epoch convert to the civil date")
func civilFromDays() {
    #expect(CalendarDate(daysSinceEpoch: 0).iso == "1970-01-01")
    #expect(CalendarDate(daysSinceEpoch: 19_782).iso == "2024-02-29")
    #expect(CalendarDate(daysSinceEpoch: 20_415).iso == "2025-11-23")
}

@Test("Months and days in Chinese numerals count in tens")
func chineseNumeralTens() {
    #expect(CalendarDate.parse("二〇二六年十一月四日") == .date(CalendarDate(year: 2026, month: 11, day: 4)!))
    #expect(CalendarDate.parse("二〇二六年十月二十日") == .date(CalendarDate(year: 2026, month: 10, day: 20)!))
    #expect(CalendarDate.parse("二〇二六年十二月三十一日") == .date(CalendarDate(year: 2026, month: 12, day: 31)!))
}
