import Foundation
import IntakeCore
import IntakeTestSupport
import Testing

@Test("The README's problem-code table lists exactly the codes intake emits, in order")
func problemCodeTable() throws {
    let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
    let section = try #require(readme.components(separatedBy: "## Problem codes").dropFirst().first)
        .components(separatedBy: "\n## ").first ?? ""
    let documented = section.split(separator: "\n").compactMap { line -> String? in
        guard line.hasPrefix("| `") else { return nil }
        return line.split(separator: "`").dropFirst().first.map(String.init)
    }
    #expect(documented == ProblemCode.all.map(\.rawValue))
}

@Test("The README's error-code table lists exactly the codes intake throws, in order")
func errorCodeTable() throws {
    let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
    let section = try #require(readme.components(separatedBy: "## Error codes").dropFirst().first)
        .components(separatedBy: "\n## ").first ?? ""
    let documented = section.split(separator: "\n").compactMap { line -> String? in
        guard line.hasPrefix("| `") else { return nil }
        return line.split(separator: "`").dropFirst().first.map(String.init)
    }
    #expect(documented == IntakeError.Code.all.map(\.rawValue))
}
