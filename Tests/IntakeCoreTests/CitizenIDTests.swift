import Testing
@testable import IntakeCore

let today = CalendarDate(year: 2026, month: 11, day: 23)!

/// The two examples printed in GB 11643-1999.
let publishedIDs = ["11010519491231002X", "440524188001010014"]

@Test("GB 11643-1999 examples are valid", arguments: publishedIDs)
func publishedIDIsValid(id: String) {
    guard case .valid(let info) = CitizenID.check(id, today: today) else {
        Issue.record("\(id) should be valid")
        return
    }
    #expect(info.canonical == id)
}

@Test("Birth date and gender are read from the number")
func birthDateAndGender() {
    guard case .valid(let a) = CitizenID.check("11010519491231002X", today: today),
          case .valid(let b) = CitizenID.check("440524188001010014", today: today) else {
        Issue.record("examples should be valid")
        return
    }
    #expect(a.birthDate == CalendarDate(year: 1949, month: 12, day: 31))
    #expect(a.gender == .female)  // 17th digit 2
    #expect(b.gender == .male)  // 17th digit 1
}

@Test("Every wrong check character is caught", arguments: publishedIDs)
func wrongCheckDigit(id: String) {
    for wrong in "0123456789X" where wrong != id.last! {
        let corrupted = String(id.dropLast()) + String(wrong)
        #expect(CitizenID.check(corrupted, today: today) == .invalidCheckCharacter(expected: id.last!))
    }
}

@Test("A lower-case x and full-width digits are accepted")
func foldedID() {
    guard case .valid(let info) = CitizenID.check("11010519491231002x", today: today) else {
        Issue.record("lower-case x should be accepted")
        return
    }
    #expect(info.canonical == "11010519491231002X")
}

@Test("Impossible birth dates are reported as such, whatever the check digit",
      arguments: ["110105194902300021", "110105194913010021", "110105203001010021"])
func impossibleBirthDate(id: String) {
    guard case .invalidBirthDate = CitizenID.check(id, today: today) else {
        Issue.record("\(id): birth date should be refused")
        return
    }
}

@Test("Malformed numbers are format errors", arguments: ["", "11010519491231002", "1101051949123100XX", "A1010519491231002X"])
func malformedID(id: String) {
    guard case .invalidFormat = CitizenID.check(id, today: today) else {
        Issue.record("\(id) should be a format error")
        return
    }
}
