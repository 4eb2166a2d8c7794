import Foundation
import IntakeTestSupport
import Testing

@Test("catalog check passes on the real catalog: sources in the guides, references, XSDs")
func catalogCheck() throws {
    let seeds = Repository.root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    let result = try intake(["catalog", "check", "--seeds", seeds.path])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("0 errors"))
}

@Test("catalog check finds a source line past the end of its guide")
func catalogCheckFindsBadLine() throws {
    let temp = try TemporaryDirectory("lint")
    let copy = temp.url.appendingPathComponent("forms")
    try FileManager.default.copyItem(at: Repository.forms, to: copy)
    let file = copy.appendingPathComponent("items/371500-unit-enrollment.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
        .replacingOccurrences(of: "000_aae2795ad81a31b3.txt:17\"", with: "000_aae2795ad81a31b3.txt:99999\"")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let seeds = Repository.root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    let result = try intake(["catalog", "check", "--forms", copy.path, "--seeds", seeds.path])
    #expect(result.status == 1)
    #expect(result.stdout.contains("past the end"))
}

@Test("catalog --json gives one object per item and region with materials and sources")
func catalogJSON() throws {
    let result = try intake(["catalog", "--json"])
    #expect(result.status == 0)
    let items = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(items.count >= 2)
    for item in items {
        for key in ["id", "name", "region", "materials", "source"] { #expect(item[key] != nil, "missing \(key)") }
        #expect((item["region"] as? String)?.count == 6)
    }
    #expect(items.contains { $0["id"] as? String == "unit-enrollment" && $0["region"] as? String == "371300" })
}

@Test("catalog show prints the material list with conditions and guide lines")
func catalogShow() throws {
    let result = try intake(["catalog", "show", "unit-enrollment", "--region", "371500"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("单位批准成立文件复印件1份（聊城市医疗保障经办服务指南第17行）"))
    #expect(result.stdout.contains("委托人授权委托书（《山东省医疗保障经办政务服务事项清单（2023版）》第58行）"))
    // The notes in forms/ are English, for developers: a clerk reads none of them, nor a file name.
    #expect(!result.stdout.contains("注：") && !result.stdout.contains(".txt") && !result.stdout.contains("Doubt"))
    #expect(try intake(["catalog", "show", "unit-enrollment", "--region", "371500", "--notes"]).stdout.contains("Doubt"))
    let linyi = try intake(["catalog", "show", "unit-enrollment", "--region", "371300"])
    #expect(linyi.stdout.contains("《临沂市统一医疗保障经办服务办事指南（试行）》第"))
    #expect(result.stdout.contains("仅在以下情形提供：委托办理"))
    #expect(result.stdout.contains("监督电话 0635-2189177"))
    #expect(try intake(["catalog", "show", "no-such-item"]).status != 0)
}
