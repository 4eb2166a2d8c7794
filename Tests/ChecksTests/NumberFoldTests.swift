import Catalog
import Checks
import Foundation
import IntakeCore
import IntakeTestSupport
import Testing

@Test("Amounts and whole numbers: full-width digits and point, thousands separators and 元 are folded",
      arguments: [("１２，３４５．５元", "amount", "12345.50"), ("1,234,567.89", "amount", "1234567.89"), ("３０", "integer", "30"),
                  ("1，200", "integer", "1200"), ("298928.215", "amount", nil), ("3O", "integer", nil), ("１２．３", "integer", nil)])
func numberFolding(written: String, type: String, normalized: String?) throws {
    let json = """
    {"id":"t","version":"1","title":"测试表","source":"004_f9d482a114d9d6da.txt:1691","schema":"x.xsd",
     "fields":[{"key":"n","label":"数","type":"\(type)","required":true}],
     "layout":{"columns":[1],"rows":[{"cells":[{"field":"n"}]}]}}
    """
    let form = try JSONDecoder().decode(FormDefinition.self, from: Data(json.utf8))
    var s = completeSubmission()
    s.values = ["n": .text(written)]
    let report = SubmissionChecker(today: checkDay).check(s, form: form, item: try #require(Repository.catalog.items.first),
                                                          sourceName: "t")
    #expect(report.fields.first?.normalized == normalized)
    #expect(report.problems.contains { $0.code == .invalidFormat } == (normalized == nil))
}
