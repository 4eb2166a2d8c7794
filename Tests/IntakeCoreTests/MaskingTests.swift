import Testing
@testable import IntakeCore

@Test("ID numbers are masked to first 3 and last 4")
func masksID() {
    #expect(Masking.mask("11010519491231002X") == "110***********002X")
}

@Test("Long digit runs inside messages are masked, short numbers kept")
func masksRuns() {
    let text = "value 11010519491231002X at line 12, phone 0635-2189313"
    let masked = Masking.maskDigitRuns(in: text)
    #expect(!masked.contains("11010519491231002X"))
    #expect(masked.contains("line 12"))
    #expect(masked.contains("0635-2189313"))
}
