import Foundation
import IntakeCore
import IntakeTestSupport
import Testing

/// The codes in the first column of the table under README.md's `heading`, in order.
private func documentedCodes(under heading: String) throws -> [String] {
    let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
    let section = try #require(readme.components(separatedBy: heading).dropFirst().first)
        .components(separatedBy: "\n## ").first ?? ""
    return section.split(separator: "\n").compactMap { line -> String? in
        guard line.hasPrefix("| `") else { return nil }
        return line.split(separator: "`").dropFirst().first.map(String.init)
    }
}

@Test("The README's problem-code table lists exactly the codes intake emits, in order")
func problemCodeTable() throws {
    #expect(try documentedCodes(under: "## Problem codes") == ProblemCode.all.map(\.rawValue))
}

@Test("The README's error-code table lists exactly the codes intake throws, in order")
func errorCodeTable() throws {
    #expect(try documentedCodes(under: "## Error codes") == IntakeError.Code.all.map(\.rawValue))
}
