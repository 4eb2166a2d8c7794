import IntakeCore
import Testing

@Suite("White space")
struct WhitespaceTests {
    @Test("isSpace is Unicode's White_Space for every code point")
    func everyScalar() {
        var differing: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isSpace != scalar.properties.isWhitespace { differing.append(value) }
        }
        #expect(differing.isEmpty, "differs at \(differing.map { String($0, radix: 16) })")
    }

    @Test("Trimming cuts ASCII, full-width and other white space at both ends only")
    func trimming() {
        #expect("\u{3000} 聊城 市\t\n".trimmingWhitespace() == "聊城 市")
        #expect("聊城".trimmingWhitespace() == "聊城")
        #expect("\u{A0}\u{2003}".trimmingWhitespace() == "")
        #expect("".trimmingWhitespace() == "")
        #expect(" a "[...].trimmingWhitespace() == "a")
        #expect("\u{3000}\n ".isBlankText && "".isBlankText && !" x ".isBlankText)
        #expect(FieldValue.choices(["", "\u{3000}"]).isBlank && !FieldValue.text(" 甲").isBlank)
    }
}
