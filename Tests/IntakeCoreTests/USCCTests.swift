import Testing
@testable import IntakeCore

/// Codes published by the issuing authorities (national enterprise credit register) and the
/// example of GB 32100-2015 itself.
let publishedUSCCs = [
    "91350100M000100Y43",  // GB 32100-2015 example
    "914403001922038216",
    "91440300708461136T",
    "91330100799655058B",
]

@Test("Published 统一社会信用代码 pass GB 32100", arguments: publishedUSCCs)
func publishedUSCCIsValid(code: String) {
    #expect(USCC.check(code) == .valid(code))
}

@Test("Changing the check character of a published code is caught", arguments: publishedUSCCs)
func corruptedCheckCharacterIsCaught(code: String) {
    let right = code.last!
    for wrong in USCC.alphabet where wrong != right {
        let corrupted = String(code.dropLast()) + String(wrong)
        #expect(USCC.check(corrupted) == .invalidCheckCharacter(expected: right))
    }
}

@Test("Changing one body character of a published code is caught", arguments: publishedUSCCs)
func corruptedBodyIsCaught(code: String) {
    var chars = Array(code)
    chars[9] = chars[9] == "1" ? "2" : "1"
    guard case .invalidCheckCharacter = USCC.check(String(chars)) else {
        Issue.record("a changed body character must break the check character")
        return
    }
}

@Test("Full-width characters, lower case and spaces are folded before checking")
func foldedForms() {
    #expect(USCC.check("９１３５０１００Ｍ０００１００Ｙ４３") == .valid("91350100M000100Y43"))
    #expect(USCC.check("91350100m000100y43") == .valid("91350100M000100Y43"))
    #expect(USCC.check(" 9135 0100 M000 100Y 43 ") == .valid("91350100M000100Y43"))
}

@Test("Wrong length and forbidden letters are format errors, not check-digit errors",
      arguments: ["", "9135010", "91350100M000100Y4", "91350100M000100Y433", "91350100I000100Y43", "91350100O000100Y43"])
func malformedUSCC(code: String) {
    guard case .invalidFormat = USCC.check(code) else {
        Issue.record("\(code) should be a format error")
        return
    }
}

@Test("The check character computed from a prefix completes a valid code")
func checkCharacterForPrefix() {
    #expect(USCC.checkCharacter(forPrefix: "91350100M000100Y4") == "3")
    #expect(USCC.checkCharacter(forPrefix: "short") == nil)
}
