import Catalog
import IntakeCore
import Testing
@testable import FormReading

/// Finding the printed labels of a layout on a page: exact, letter-spaced, wrapped in a narrow
/// cell, folded (full-width forms, Kangxi radicals), and the value that follows each.
@Suite struct LabelMatchingTests {
    /// 单位名称 | value, no ruling lines: the value is the text after the label on its line.
    private func unitNameForm() throws -> FormDefinition {
        try makeForm(fields: [textField("unitName", "单位名称")], columns: [1, 3],
                     rows: [row(label("单位名称"), field("unitName"))])
    }

    @Test("a label printed as in the layout is found and the text after it on its line is the value")
    func exactLabel() throws {
        var page = SyntheticPage()
        page.write("单位名称", x: 50, y: 100)
        page.write("聊城市光明化工有限公司", x: 150, y: 100)
        let result = read(try unitNameForm(), [page])
        #expect(result.value("unitName") == .text("聊城市光明化工有限公司"))
        let read = try #require(result["unitName"])
        #expect(read.page == 1)
        #expect(read.box == Rect(x0: 150, y0: 100, x1: 260, y1: 110))
        #expect(read.confidence == 1)
        #expect(read.underSeal == false)
    }

    @Test("a letter-spaced label 单 位 名 称 is found")
    func letterSpacedLabel() throws {
        var page = SyntheticPage()
        page.write("单　位　名　称", x: 50, y: 100, spaceGlyphs: true)
        page.write("聊城光明", x: 160, y: 100)
        #expect(read(try unitNameForm(), [page]).value("unitName") == .text("聊城光明"))
    }

    @Test("a colon printed after the label is not part of the value")
    func colonAfterLabel() throws {
        var page = SyntheticPage()
        page.write("单位名称：聊城光明", x: 50, y: 100)
        #expect(read(try unitNameForm(), [page]).value("unitName") == .text("聊城光明"))
    }

    @Test("a label printed with Kangxi radicals (出⽣⽇期) matches the ordinary characters")
    func kangxiRadicals() throws {
        let form = try makeForm(fields: [textField("birthDate", "出生日期", type: .date)], columns: [1, 3],
                                rows: [row(label("出生日期"), field("birthDate"))])
        var page = SyntheticPage()
        page.write("出\u{2F63}\u{2F47}期", x: 50, y: 100)
        page.write("1990年5月3日", x: 150, y: 100)
        #expect(read(form, [page]).value("birthDate") == .text("1990年5月3日"))
    }

    @Test("folding gives the printed and the typed form of a character one code",
          arguments: [
              ("\u{2F63}", "生", 0x751F), ("\u{2F47}", "日", 0x65E5),  // Kangxi radicals
              ("\u{F900}", "\u{8C48}", 0x8C48),  // a CJK compatibility ideograph
              ("Ａ", "A", 0x41), ("１", "1", 0x31), ("：", ":", 0x3A), ("（", "(", 0x28),
              ("—", "-", 0x2D), ("–", "-", 0x2D), ("帐", "账", 0x8D26),
              ("e\u{301}", "é", 0xE9),  // decomposed and precomposed
          ] as [(Character, Character, UInt32)])
    func folding(page: Character, printed: Character, code: UInt32) {
        #expect(MatchText.code(page) == code)
        #expect(MatchText.code(printed) == code)
    }

    @Test("white space folds away and a label loses its trailing colons")
    func whiteSpaceAndColons() {
        #expect(MatchText.code(" ") == nil)
        #expect(MatchText.code("\u{3000}") == nil)
        #expect(MatchText.code("\t") == nil)
        #expect(MatchText.label("单位 名称：:") == Array("单位名称"))
        #expect(LabelFolding.fold("Ｂ") == "B")
    }

    @Test("a label wrapped over two lines of its cell is found and the value is read from the cell to its right")
    func wrappedLabel() throws {
        let form = try makeForm(fields: [textField("supervisor", "主管部门或总机构")], columns: [1, 3],
                                rows: [row(label("主管部门或总机构"), field("supervisor"))])
        var page = SyntheticPage()
        page.draw { $0.grid(xs: [50, 150, 545], ys: [100, 134]) }
        page.write([
            ("主管部门", 54, 105),
            ("或总机构", 54, 119),
            ("市卫生健康委员会", 154, 112),
        ])
        #expect(read(form, [page]).value("supervisor") == .text("市卫生健康委员会"))
    }

    @Test("a label set one character per line in a narrow cell (胎/儿/数) is found")
    func oneCharacterPerLine() throws {
        let form = try makeForm(fields: [textField("fetusCount", "胎儿数", type: .integer)], columns: [1, 8],
                                rows: [row(label("胎儿数"), field("fetusCount"))])
        var page = SyntheticPage()
        page.draw { $0.grid(xs: [50, 80, 545], ys: [100, 140]) }
        page.write([
            ("胎", 54, 103),
            ("儿", 54, 115),
            ("数", 54, 127),
        ])
        page.write("2", inCellFrom: 80, top: 100, bottom: 140)
        #expect(read(form, [page]).value("fetusCount") == .text("2"))
    }

    @Test("a short label is not taken out of a longer one (联系电话 inside 单位联系电话)")
    func longerLabelFirst() throws {
        let form = try makeForm(fields: [textField("phone", "联系电话", type: .phone), textField("unitPhone", "单位联系电话", type: .phone),
                                         textField("agentPhone", "联系电话", type: .phone)],
                                columns: [1, 3],
                                rows: [row(label("联系电话"), field("phone")), row(label("单位联系电话"), field("unitPhone")),
                                       row(label("联系电话"), field("agentPhone"))])
        var page = SyntheticPage()
        page.write([
            ("联系电话", 50, 100),
            ("13800000000", 150, 100),
            ("单位联系电话", 50, 130),
            ("0635-8888888", 150, 130),
            ("联系电话", 50, 160),
            ("13900000000", 150, 160),
        ])
        let result = read(form, [page])
        #expect(result.value("phone") == .text("13800000000"))
        #expect(result.value("unitPhone") == .text("0635-8888888"))
        #expect(result.value("agentPhone") == .text("13900000000"))
    }

    @Test("the k-th occurrence of a label printed twice belongs to its k-th place in the layout")
    func repeatedLabel() throws {
        let form = try makeForm(fields: [textField("legalName", "姓名"), textField("agentName", "姓名")], columns: [1, 1, 2],
                                rows: [row(label("法定代表人"), label("姓名"), field("legalName")),
                                       row(label("经办人"), label("姓名"), field("agentName"))])
        var page = SyntheticPage()
        page.write([
            ("法定代表人", 50, 100),
            ("姓名", 120, 100),
            ("张三", 160, 100),
            ("经办人", 50, 130),
            ("姓名", 120, 130),
            ("李四", 160, 130),
        ])
        let result = read(form, [page])
        #expect(result.value("legalName") == .text("张三"))
        #expect(result.value("agentName") == .text("李四"))
    }

    /// 单位名称（章） and 填表日期 in the lines above a grid of one row, 备注.
    private func headerForm() throws -> FormDefinition {
        try makeForm(fields: [textField("unitName", "单位名称"), textField("fillDate", "填表日期", type: .date), textField("remark", "备注")],
                     columns: [1, 3],
                     header: [Block(.label("单位名称（章）")), Block(.field("unitName")), Block(.label("填表日期")), Block(.date("fillDate"))],
                     rows: [row(label("备注"), field("remark"))])
    }

    @Test("values in the lines above the grid run from their label to the next printed word")
    func headerValues() throws {
        let form = try headerForm()
        var page = SyntheticPage()
        page.write("单位名称（章）：聊城光明", x: 50, y: 60)
        page.write("填表日期：2026年11月16日", x: 300, y: 60)
        let result = read(form, [page])
        #expect(result.value("unitName") == .text("聊城光明"))
        #expect(result.value("fillDate") == .text("2026年11月16日"))
    }

    @Test("a value above the grid that wraps on to the line below is read whole; a speck or a printed word below is not taken")
    func headerValueWrapped() throws {
        let form = try headerForm()
        var page = SyntheticPage()
        page.write("单位名称（章）：聊城光明", x: 50, y: 60)
        page.write("填表日期：2026年", x: 300, y: 60)
        page.write("11月16日", x: 350, y: 71)
        page.write("备注", x: 50, y: 120)
        #expect(read(form, [page]).value("fillDate") == .text("2026年11月16日"))
        var speck = SyntheticPage()
        speck.write("单位名称（章）：聊城光明", x: 50, y: 60)
        speck.write("m", x: 130, y: 71)
        speck.write("备注", x: 50, y: 120)
        #expect(read(form, [speck]).value("unitName") == .text("聊城光明"))
    }

    @Test("a value in a box drawn beside its label, a little lower than the label, is the label's value")
    func valueInADrawnBoxBesideTheLabel() throws {
        let form = try makeForm(fields: [textField("unitName", "单位名称")], columns: [1, 3],
                                rows: [row(label("单位名称"), field("unitName"))])
        var page = SyntheticPage()
        // A word processor's form printed without its fields: the label at the cell's top left,
        // the field's box beside it, its text 5 points lower in smaller type.
        page.write("单位名称：", x: 45, y: 98)
        page.write("聊城光明", x: 100, y: 104, size: 8)
        page.draw { canvas in
            canvas.grid(xs: [40, 400], ys: [95, 125])
            canvas.grid(xs: [96, 390], ys: [101, 116])
        }
        #expect(read(form, [page]).value("unitName") == .text("聊城光明"))
    }

    @Test("values in boxes a little lower than their labels, on one line: each is its own label's")
    func valuesInBoxesBesideLabelsOnOneLine() throws {
        let form = try makeForm(fields: [textField("unitName", "单位名称"), textField("head", "单位负责人"), textField("preparer", "填表人")],
                                columns: [1, 3],
                                header: [Block(.label("单位负责人")), Block(.field("head")), Block(.label("填表人")), Block(.field("preparer"))],
                                rows: [row(label("单位名称"), field("unitName"))])
        var page = SyntheticPage()
        page.write("单位负责人：", x: 50, y: 60)
        page.write("填表人：", x: 200, y: 60)
        page.write("侯洋勇", x: 112, y: 65, size: 8)
        page.write("蔡波", x: 242, y: 65, size: 8)
        page.write("单位名称", x: 50, y: 120)
        let result = read(form, [page])
        #expect(result.value("head") == .text("侯洋勇"))
        #expect(result.value("preparer") == .text("蔡波"))
    }

    @Test("a space typed between Latin words is kept; Chinese beside Latin text joins without one")
    func spacesInValues() throws {
        let form = try makeForm(fields: [textField("unitName", "单位名称"), textField("address", "详细地址")], columns: [1, 3],
                                rows: [row(label("单位名称"), field("unitName")), row(label("详细地址"), field("address"))])
        var page = SyntheticPage()
        page.write("单位名称", x: 50, y: 100)
        // A quarter em between Chinese and Latin text, as layout programs add by themselves.
        page.write([
            ("聊城", 150, 100),
            ("XYZ", 172.5, 100),
            ("公司", 190, 100),
            ("详细地址", 50, 130),
            ("Room 301", 150, 130),
        ])
        let result = read(form, [page])
        #expect(result.value("unitName") == .text("聊城XYZ公司"))
        #expect(result.value("address") == .text("Room 301"))
    }
}
