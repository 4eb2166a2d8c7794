import IntakeCore
import Testing

@Test("Every problem code and every error code has its Chinese words, each its own")
func everyCodeIsWorded() {
    let problems = ProblemCode.all.map(\.wording)
    #expect(!problems.contains(nil), "\(ProblemCode.all.filter { $0.wording == nil })")
    #expect(Set(problems).count == problems.count)
    let errors = IntakeError.Code.all.map(\.wording)
    #expect(!errors.contains(nil), "\(IntakeError.Code.all.filter { $0.wording == nil })")
    #expect(Set(errors).count == errors.count)
    #expect(ProblemCode(rawValue: "no-such-code").wording == nil)
}
