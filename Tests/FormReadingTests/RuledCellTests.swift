import Catalog
import IntakeCore
import Testing
@testable import FormReading

/// Values in the cells the ruling lines draw: beside or below their label, bounded by the rules.
@Suite struct RuledCellTests {
    /// A row of the 变更登记表: `<key>Old` under 原登记事项, `<key>New` under 变更事项, each after
    /// its printed label in its own cell.
    private func changeForm(_ key: String, label: String) throws -> FormDefinition {
        try makeForm(fields: [textField(key + "Old", label), textField(key + "New", label)], columns: [1, 1],
                     rows: [row(Cell(blocks: [Block(.text(label + "：")), Block(.field(key + "Old"))]),
                                Cell(blocks: [Block(.text(label + "：")), Block(.field(key + "New"))]))])
    }

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

    @Test("a blank 变更事项 takes nothing across the column rule, also where a line under the 原登记事项 label closes its cell (a widget's frame met the rules)")
    func blankChangeColumnAcrossTheRule() throws {
        let form = try changeForm("address", label: "住所（地址）")
        var page = SyntheticPage()
        page.draw {
            $0.grid(xs: [50, 300, 545], ys: [100, 160])
            $0.horizontal(y: 120, from: 50, to: 300)
        }
        page.write([("住所（地址）：", 54, 104), ("住所（地址）：", 304, 104), ("山东省聊城市东昌府区花园北路334号", 54, 130)])
        let result = read(form, [page])
        #expect(result.value("addressNew") == .text(""), "the old address's tail, right of the old label, is not the new one")
    }

    /// A 变更登记表 whose thin grey rules a black-and-white scan lost: only the outer border is
    /// left, one box round every cell.
    private func changeFormWithoutInnerRules() throws -> (FormDefinition, SyntheticPage) {
        let form = try makeForm(fields: [textField("nameOld", "单位名称"), textField("nameNew", "单位名称"),
                                         textField("addressOld", "住所（地址）"), textField("addressNew", "住所（地址）"),
                                         textField("supervisorOld", "主管部门"), textField("supervisorNew", "主管部门"),
                                         textField("changeDate", "变更时间", type: .date),
                                         textField("phone", "联系方式", type: .phone), textField("remarks", "备注")],
                                columns: [1, 1, 1],
                                rows: [row(Cell(span: 2, blocks: [Block(.text("单位名称：")), Block(.field("nameOld"))]),
                                           Cell(blocks: [Block(.text("单位名称：")), Block(.field("nameNew"))])),
                                       row(Cell(span: 2, blocks: [Block(.text("住所（地址）：")), Block(.field("addressOld"))]),
                                           Cell(blocks: [Block(.text("住所（地址）：")), Block(.field("addressNew"))])),
                                       row(Cell(span: 2, blocks: [Block(.text("主管部门：")), Block(.field("supervisorOld"))]),
                                           Cell(blocks: [Block(.text("主管部门：")), Block(.field("supervisorNew"))])),
                                       row(label("变更时间"), field("changeDate"), Cell(blocks: [Block(.text("联系方式：")), Block(.field("phone"))])),
                                       row(label("备注"), field("remarks", span: 2))])
        var page = SyntheticPage()
        page.draw { $0.grid(xs: [50, 545], ys: [100, 330]) }
        page.write([
            ("单位名称：", 54, 106), ("聊城市金诺电子科技有限公司", 104, 106), ("单位名称：", 304, 106),
            ("住所（地址）：", 54, 146), ("山东省聊城市冠县利民东路1号", 124, 146),
            ("住所（地址）：", 304, 146), ("山东省聊城市冠县振兴路8号", 374, 146),
            ("主管部门：", 54, 186), ("山东鲁西集团有限公司", 104, 186), ("主管部门：", 304, 186),
            ("变更时间", 54, 226), ("2026年09月30日", 104, 226), ("联系方式：", 304, 226),
            ("单位类型、主管部门变更", 420, 262), ("备注", 54, 276),
        ])
        return (form, page)
    }

    @Test("without inner rules a box holding other cells' labels is no cell: each value is read after its own label")
    func boxHoldingOtherLabelsIsNoCell() throws {
        let (form, page) = try changeFormWithoutInnerRules()
        let result = read(form, [page])
        #expect(result.value("nameOld") == .text("聊城市金诺电子科技有限公司"))
        #expect(result.value("addressOld") == .text("山东省聊城市冠县利民东路1号"))
        #expect(result.value("addressNew") == .text("山东省聊城市冠县振兴路8号"))
        #expect(result.value("supervisorOld") == .text("山东鲁西集团有限公司"))
        #expect(result.value("changeDate") == .text("2026年09月30日"))
    }

    @Test("without a cell, a blank takes neither the column beside's value below it nor a lower row's, and is not vouched for")
    func blankWithoutCellIsNotVouched() throws {
        let (form, page) = try changeFormWithoutInnerRules()
        let result = read(form, [page])
        #expect(result.value("nameNew") == .text(""))
        #expect(result.value("supervisorNew") == .text(""), "the 变更时间 date below, left of the label, is not its value")
        #expect(result.value("phone") == .text(""), "备注's value, nearer 备注 than 联系方式, is not the phone")
        for key in ["nameNew", "supervisorNew", "phone"] { #expect(result[key]?.placeGuessed == true, "\(key)") }
        #expect(result["nameOld"]?.placeGuessed == false)
    }

    @Test("a date in a frame of its own under 单位（盖章） is the row's: the row reaches as low as its label's cell")
    func dateInAFrameUnderTheSeal() throws {
        let form = try makeForm(fields: [textField("declarationDate", "年月日", type: .date), textField("remarks", "备注")], columns: [1, 5],
                                rows: [row(label("单位申明"), Cell(blocks: [Block(.text("本单位承诺填报信息真实。")), Block(.text("单位（盖章）")),
                                                                      Block(.date("declarationDate"))])),
                                       row(label("备注"), field("remarks"))])
        var page = SyntheticPage()
        page.draw {
            $0.grid(xs: [50, 150, 545], ys: [100, 200, 240])
            // The date's frame, run to the cell's right rule (a form exported without its fields).
            $0.grid(xs: [160, 545], ys: [160, 180])
        }
        page.write([("单位申明", 54, 168), ("本单位承诺填报信息真实。", 154, 110), ("单位（盖章）", 480, 140),
                    ("2026年10月1日", 164, 165), ("另附说明", 154, 215)])
        let result = read(form, [page])
        #expect(result.value("declarationDate") == .text("2026年10月1日"))
        #expect(result.value("remarks") == .text("另附说明"))
    }

    @Test("in a table ruled across only, a value stands right of its label in the row, up to the next label")
    func valueRightOfLabelWithoutColumnRules() throws {
        let form = try makeForm(fields: [textField("uscc", "统一社会信用代码", type: .uscc), textField("name", "姓名"),
                                         textField("phone", "联系电话", type: .phone)],
                                columns: [1, 2, 1, 2],
                                rows: [row(label("统一社会信用代码"), field("uscc", span: 3)),
                                       row(label("姓名"), field("name"), label("联系电话"), field("phone"))])
        var page = SyntheticPage()
        page.draw { for y in [100, 140, 170] { $0.horizontal(y: y, from: 50, to: 545) } }
        // The label on two lines, its value on the line between them.
        page.write([("统一社会", 54, 106), ("信用代码：", 54, 122), ("91371502MANLB36X4X", 160, 114),
                    ("姓名：", 54, 150), ("沈健建", 160, 150), ("联系电话：", 300, 150), ("0635-5149774", 400, 150)])
        let result = read(form, [page])
        #expect(result.value("uscc") == .text("91371502MANLB36X4X"))
        #expect(result.value("name") == .text("沈健建"))
        #expect(result.value("phone") == .text("0635-5149774"))
    }

    @Test("a value wrapping one character on to the next line is read whole; one stray speck is not taken")
    func oneCharacterWrapped() throws {
        let form = try makeForm(fields: [textField("address", "通讯地址"), textField("phone", "联系电话", type: .phone)], columns: [1],
                                rows: [row(Cell(blocks: [Block(.text("通讯地址：")), Block(.field("address"))])),
                                       row(Cell(blocks: [Block(.text("联系电话：")), Block(.field("phone"))]))])
        var page = SyntheticPage()
        page.write([("通讯地址：", 54, 100), ("山东省聊城市高唐县建设路369", 104, 100), ("号", 104, 112), ("联系电话：", 54, 140)])
        #expect(read(form, [page]).value("address") == .text("山东省聊城市高唐县建设路369号"))
        var speck = SyntheticPage()
        speck.write([("通讯地址：", 54, 100), ("山东省聊城市高唐县建设路369号", 104, 100), ("联系电话：", 54, 140)])
        speck.put("·", Rect(x0: 106, y0: 112, x1: 110, y1: 116))
        #expect(read(form, [speck]).value("address") == .text("山东省聊城市高唐县建设路369号"))
    }

    @Test("a value whose label was not found on the page is marked: blank or not, its cell is a guess (OCR lost 名 of 姓名)")
    func valueWithoutItsLabelIsMarked() throws {
        let form = try makeForm(fields: [textField("legalName", "姓名"), textField("contactName", "姓名"), textField("contactDept", "所在部门")],
                                columns: [1, 1, 2, 1, 2],
                                rows: [row(label("法定代表人"), label("姓名"), field("legalName"), label("所在部门"), field("contactDept")),
                                       row(label("经办人员"), label("姓名"), field("contactName"), label("所在部门"), field("contactDept"))])
        var page = SyntheticPage()
        page.draw { $0.grid(xs: [50, 130, 200, 330, 410, 545], ys: [100, 130, 160]) }
        page.write("法定代表人", inCellFrom: 50, top: 100, bottom: 130)
        page.write("姓名", inCellFrom: 130, top: 100, bottom: 130)
        page.write("薛健浩", inCellFrom: 200, top: 100, bottom: 130)
        page.write("经办人员", inCellFrom: 50, top: 130, bottom: 160)
        page.write("姓", inCellFrom: 130, top: 130, bottom: 160)
        page.write("所在部门", inCellFrom: 330, top: 130, bottom: 160)
        page.write("人事科", inCellFrom: 410, top: 130, bottom: 160)
        let result = read(form, [page])
        #expect(result.value("legalName") == .text("薛健浩"))
        #expect(result["legalName"]?.placeGuessed == false)
        #expect(result["contactName"]?.placeGuessed == true, "\(String(describing: result["contactName"]))")
        #expect(result["contactDept"]?.placeGuessed == false)
    }

    @Test("a blank 变更事项 beside a filled 原登记事项 stays blank: text in a cell with its own label is that cell's")
    func blankChangeColumn() throws {
        let form = try changeForm("name", label: "单位名称")
        var page = SyntheticPage()
        page.draw { $0.grid(xs: [50, 300, 545], ys: [100, 150]) }
        page.write([("单位名称：", 54, 104), ("单位名称：", 304, 104), ("聊城市鲁西建材有限责任公司", 80, 125)])
        let result = read(form, [page])
        #expect(result.value("nameOld") == .text("聊城市鲁西建材有限责任公司"))
        #expect(result.value("nameNew") == .text(""))
    }

    @Test("a label's colon left in its cell is no value: the value in the widget frame beside it is read")
    func colonOnlyCellReadsFramedValue() throws {
        let form = try makeForm(fields: [textField("unitCode", "单位编号"), textField("phone", "联系电话", type: .phone)], columns: [1],
                                rows: [row(Cell(blocks: [Block(.text("单位编号")), Block(.field("unitCode"))])),
                                       row(Cell(blocks: [Block(.text("联系电话")), Block(.field("phone"))]))])
        var page = SyntheticPage()
        // The table's rules, and a fillable widget's frame drawn in the first row.
        page.draw {
            $0.grid(xs: [50, 545], ys: [100, 130, 160])
            $0.grid(xs: [110, 300], ys: [104, 126])
        }
        page.write([("单位编号", 54, 110), (":", 94, 110), ("152391667", 114, 110), ("联系电话", 54, 140)])
        let result = read(form, [page])
        #expect(result.value("unitCode") == .text("152391667"))
        #expect(result.value("phone") == .text(""), "the blank row below takes nothing from above")
    }

    @Test("a blank cell takes nothing from the row below, also where a grid cell cannot be found round its label")
    func blankCellOpenGrid() throws {
        let form = try makeForm(fields: [textField("contactName", "经办人"), textField("department", "所在部门"), textField("remarks", "备注")],
                                columns: [1, 3],
                                rows: [row(Cell(blocks: [Block(.text("经办人：")), Block(.field("contactName"))]),
                                           Cell(blocks: [Block(.text("所在部门：")), Block(.field("department"))])),
                                       row(label("备注"), field("remarks"))])
        var page = SyntheticPage()
        // No rules round the first row: its labels stand in no cell.
        page.draw { $0.grid(xs: [50, 150, 545], ys: [130, 170]) }
        page.write([("经办人：", 54, 110), ("朱凤", 100, 110), ("所在部门：", 300, 110), ("备注", 54, 140),
                    ("主管部门、名称变更，营业执照已换发", 154, 140)])
        let result = read(form, [page])
        #expect(result.value("contactName") == .text("朱凤"))
        #expect(result.value("department") == .text(""))
        #expect(result.value("remarks") == .text("主管部门、名称变更，营业执照已换发"))
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

    /// A 填报日期 cell holding `written`, read.
    func readDate(_ written: String) throws -> ReadValue? {
        let form = try makeForm(fields: [textField("signed", "填报日期", type: .date)], columns: [1, 3],
                                rows: [row(label("填报日期"), field("signed"))])
        var page = SyntheticPage()
        page.draw { $0.grid(xs: [50, 150, 545], ys: [100, 130]) }
        page.write("填报日期", inCellFrom: 50, top: 100, bottom: 130)
        page.write(written, inCellFrom: 150, top: 100, bottom: 130)
        return read(form, [page])["signed"]
    }

    @Test("stray characters before a date's year (a seal's debris on a scan) are cut off, and the date is flagged", arguments: [
        ("市12026年12月14日", "2026年12月14日"), ("02026-10-27", "2026-10-27"),
    ])
    func debrisBeforeTheYear(written: String, date: String) throws {
        let signed = try readDate(written)
        #expect(signed?.value == .text(date))
        #expect((signed?.confidence ?? 1) < 0.9)
    }

    @Test("a date that starts with its year, or is written without separators, is left as read")
    func datesWithoutDebris() throws {
        for written in ["2026年12月14日", "20261214", "：2026-12-14"] {
            let signed = try readDate(written)
            #expect(signed?.value == .text(written.trimmingCharacters(in: ["："])))
            #expect(signed?.confidence == 1)
        }
    }
}
