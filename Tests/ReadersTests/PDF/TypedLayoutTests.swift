import Foundation
import IntakeCore
import IntakeTestSupport
import Pipeline
import Testing

/// Typed forms of the layouts corpus whose text runs where no rule bounds it.
@Suite struct TypedLayoutTests {
    @Test("a value filling its line wraps under its label (建设路369 / 号, a table ruled across only): the wrapped line is the value's")
    func valueWrappedUnderItsLabel() throws {
        let (result, values) = try layoutCase("lc-unit-change.rl-g.typed.01")
        let field = try #require(result.fields.first { $0.key == "addressOld" })
        #expect(field.value == .text(try #require(values["addressOld"] as? String)), "\(String(describing: field.value))")
        // The 单位性质 options wrapped over three lines, the tick on the last, are still read.
        let (enrollment, truth) = try layoutCase("lc-unit-enrollment.rl-g.typed.01")
        let unitType = try #require(enrollment.fields.first { $0.key == "unitType" })
        #expect(unitType.value == .text(try #require(truth["unitType"] as? String)), "\(String(describing: unitType.value))")
    }

    @Test("a table run off the page's right side: the last column's number is read whole, not cut to its header's width")
    func lastColumnWithoutItsRule() throws {
        let (result, values) = try layoutCase("ly-maternity-allowance.ch-g.typed.01")
        let truth = try #require(values["employees"] as? [[String: String]])
        let table = try #require(result.fields.first { $0.key == "employees" })
        guard case .rows(let rows) = table.value else { Issue.record("no rows: \(String(describing: table.value))"); return }
        #expect(rows.count == truth.count)
        for (row, want) in zip(rows, truth) {
            #expect(row["bankCardNumber"]?.display ?? "" == want["bankCardNumber"] ?? "", "\(String(describing: row["bankCardNumber"]))")
        }
    }
}
