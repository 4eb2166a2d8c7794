import Catalog
import Foundation
import IntakeTestSupport
import Testing

/// Copies forms/ to a temporary folder, lets the test break one file, and loads it.
func loadBroken(_ file: String, _ edit: (String) -> String) throws -> CatalogError? {
    let temp = try TemporaryDirectory("catalog")
    let copy = temp.url.appendingPathComponent("forms")
    try FileManager.default.copyItem(at: Repository.forms, to: copy)
    let url = copy.appendingPathComponent(file)
    let text = try String(contentsOf: url, encoding: .utf8)
    let edited = edit(text)
    #expect(edited != text, "the edit must change the file")
    try edited.write(to: url, atomically: true, encoding: .utf8)
    do {
        _ = try Catalog.load(from: copy)
        return nil
    } catch {
        return error
    }
}

@Test("A missing key is reported with the file and its key path")
func missingKey() throws {
    let error = try #require(try loadBroken("items/371500-unit-enrollment.yaml") {
        $0.replacingOccurrences(of: "timeLimit:", with: "timeLimits:")
    })
    #expect(error.file == "items/371500-unit-enrollment.yaml")
    #expect(error.keyPath == "timeLimit")
}

@Test("A malformed source reference is reported where it stands")
func badSource() throws {
    let error = try #require(try loadBroken("items/371500-unit-enrollment.yaml") {
        $0.replacingOccurrences(of: "000_aae2795ad81a31b3.txt:17\"", with: "line seventeen\"")
    })
    #expect(error.keyPath.hasPrefix("materials["))
    #expect(error.keyPath.hasSuffix("].source"))
}

@Test("A material naming an unknown condition is refused")
func unknownCondition() throws {
    let error = try #require(try loadBroken("items/371300-unit-enrollment.yaml") {
        $0.replacingOccurrences(of: "requiredWhen: [entrusted]", with: "requiredWhen: [entrustd]")
    })
    #expect(error.description.contains("entrustd"))
}

@Test("A layout row wider than the grid is refused")
func layoutTooWide() throws {
    let error = try #require(try loadBroken("definitions/lc-unit-enrollment.yaml") {
        $0.replacingOccurrences(of: "{field: unitName, span: 5}", with: "{field: unitName, span: 6}")
    })
    #expect(error.file == "definitions/lc-unit-enrollment.yaml")
    #expect(error.keyPath.hasPrefix("layout.rows[0]"))
}

@Test("A field missing from the layout is refused")
func fieldNotDrawn() throws {
    let error = try #require(try loadBroken("definitions/lc-unit-enrollment.yaml") {
        $0.replacingOccurrences(of: "{field: uscc, span: 5}", with: "{label: 空, span: 5}")
    })
    #expect(error.reason.contains("uscc"))
}

@Test("Text that is not YAML is reported as such")
func notYAML() throws {
    let error = try #require(try loadBroken("regions.yaml") { _ in "regions: [\n  - {code: " })
    #expect(error.file == "regions.yaml")
}
