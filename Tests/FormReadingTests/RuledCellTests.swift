import Catalog
import IntakeCore
import Testing
@testable import FormReading

/// Values in the cells the ruling lines draw: beside or below their label, bounded by the rules.
@Suite struct RuledCellTests {
    @Test("a value stops at the vertical rule that closes its cell")
    func valueStopsAtVerticalRule() throws {
        let form = try makeForm(fields: [textField("unitName", "单位名称"), textField("unitCode", "单位编号")], columns: [1, 2, 2],
                                rows: [row(label("单位名称"), field("unitName"), field("unitCode"))])
        var page = SyntheticPage()
        page.draw { $0.grid(xs: [50, 150, 350, 545], ys: [100, 130]) }
        page.write("单位名称", inCellFrom: 50, top: 100, bottom: 130)
        page.write("聊城市光明化工有限公司", inCellFrom: 150, top: 100, bottom: 130)
        page.write("LC2026001", inCellFrom: 350, top: 100, bottom: 130)
        let result = read(form, [page])
        #expect(result.value("unitName") == .text("聊城市光明化工有限公司"))
        #expect(result.value("unitCode") == .text("LC2026001"))
        #expect(result["unitName"]?.box == Rect(x0: 154, y0: 110, x1: 264, y1: 120))
    }

    @Test("a value below its label in the same cell stops at the cell's bottom rule")
    func valueBelowLabelStopsAtRule() throws {
        let form = try makeForm(fields: [textField("reason", "申请理由"), textField("remark", "备注")], columns: [1],
                                rows: [row(Cell(blocks: [Block(.label("申请理由")), Block(.field("reason"))])),
                                       row(field("remark"))])
        var page = SyntheticPage()
        page.draw { $0.grid(xs: [50, 545], ys: [100, 160, 200]) }
        page.write([
            ("申请理由", 54, 104),
            ("因单位搬迁申请变更登记", 54, 120),
            ("另附说明", 54, 175),
        ])
        let result = read(form, [page])
        #expect(result.value("reason") == .text("因单位搬迁申请变更登记"))
        #expect(result.value("remark") == .text("另附说明"))
    }

    @Test("a blank value cell stays blank and does not take the next row's value")
    func blankCellStaysBlank() throws {
        let form = try makeForm(fields: [textField("unitName", "单位名称"), textField("phone", "联系电话", type: .phone)],
                                columns: [1, 3],
                                rows: [row(label("单位名称"), field("unitName")), row(label("联系电话"), field("phone"))])
        var page = SyntheticPage()
        page.draw { $0.grid(xs: [50, 150, 545], ys: [100, 130, 160]) }
        page.write("单位名称", inCellFrom: 50, top: 100, bottom: 130)
        page.write("联系电话", inCellFrom: 50, top: 130, bottom: 160)
        page.write("13800000000", inCellFrom: 150, top: 130, bottom: 160)
        let result = read(form, [page])
        #expect(result.value("unitName") == .text(""))
        #expect(result["unitName"]?.box == nil)
        #expect(result.value("phone") == .text("13800000000"))
    }

    @Test("a single printed character divides a cell between its fields (… 至 …)")
    func cellDividedByPrintedCharacter() throws {
        let form = try makeForm(fields: [textField("startDate", "起始日期", type: .date), textField("endDate", "终止日期", type: .date)],
                                columns: [1, 3],
                                rows: [row(label("参保期间"),
                                           Cell(blocks: [Block(.date("startDate")), Block(.label("至")), Block(.date("endDate"))]))])
        var page = SyntheticPage()
        page.draw { $0.grid(xs: [50, 150, 545], ys: [100, 130]) }
        page.write("参保期间", inCellFrom: 50, top: 100, bottom: 130)
        page.write("2026年1月1日至2026年12月31日", inCellFrom: 150, top: 100, bottom: 130)
        let result = read(form, [page])
        #expect(result.value("startDate") == .text("2026年1月1日"))
        #expect(result.value("endDate") == .text("2026年12月31日"))
    }
}
