import Testing
@testable import IntakeCore

@Test("Landlines and mobiles are accepted and normalised", arguments: [
    ("0635-2189313", "0635-2189313"), ("0635 2189313", "0635-2189313"), ("06352189313", "0635-2189313"),
    ("(0635)2189313", "0635-2189313"), ("0539-8137018-802", "0539-8137018-802"), ("8137018", "8137018"),
    ("13805351234", "13805351234"), ("+86 138 0535 1234", "13805351234"), ("０６３５－２１８９３１３", "0635-2189313"),
])
func validPhone(text: String, expected: String) {
    #expect(PhoneNumber.check(text) == .valid(expected))
}

@Test("Malformed phone numbers are refused", arguments: ["", "12345", "0635-21893", "2189313x", "1380535123", "12805351234", "0635-2189313-1234567"])
func invalidPhone(text: String) {
    #expect(PhoneNumber.check(text) == .invalid)
}

@Test("手机号码 accepts only mobile numbers")
func mobileOnly() {
    #expect(PhoneNumber.checkMobile("13805351234") == .valid("13805351234"))
    #expect(PhoneNumber.checkMobile("0635-2189313") == .invalid)
}
