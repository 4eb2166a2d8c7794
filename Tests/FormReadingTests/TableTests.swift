import Catalog
import IntakeCore
import Testing
@testable import FormReading

/// Multi-row tables: columns from the header words, rows from the ruling lines (or text lines),
/// continued on a second page with or without the header printed again.
@Suite struct TableTests {
    /// 序号 | 姓名 | 身份证号码 over a repeated row, and 填表人 below the grid.
    private func employeesForm() throws -> FormDefinition {
        let employees = FieldDefinition(key: "employees", label: "人员名单", type: .table, columns: [
            textField("no", "序号"), textField("name", "姓名"), textField("idNumber", "身份证号码", type: .idNumber),
        ])
        return try makeForm(fields: [employees, textField("filler", "填表人")], columns: [1, 2, 7],
                            rows: [row(label("序号"), label("姓名"), label("身份证号码"), header: true),
                                   row(field("no"), field("name"), field("idNumber"), repeat: "employees")],
                            footer: [Block(.label("填表人")), Block(.field("filler"))])
    }

    private static let people = [
        ("1", "张三", "370102199001011234"), ("2", "李四", "37010219851215002x"), ("3", "王五", "370102197703033456"),
    ]

    private static func expected(_ people: ArraySlice<(String, String, String)>) -> FieldValue {
        .rows(people.map { ["no": .text($0.0), "name": .text($0.1), "idNumber": .text($0.2.uppercased())] })
    }

    private static let xs = [50, 100, 200, 545]

    /// Writes the header words in the ruled row between `y0` and `y1`.
    private func header(_ page: inout SyntheticPage, y0: Double, y1: Double) {
        page.write("序号", inCellFrom: 50, top: y0, bottom: y1)
        page.write("姓名", inCellFrom: 100, top: y0, bottom: y1)
        page.write("身份证号码", inCellFrom: 200, top: y0, bottom: y1)
    }

    /// Writes `people` in ruled rows 25 points high from `top`.
    private func rows(_ page: inout SyntheticPage, _ people: ArraySlice<(String, String, String)>, top: Double) {
        for (i, person) in people.enumerated() {
            let y0 = top + 25 * Double(i)
            page.write(person.0, inCellFrom: 50, top: y0, bottom: y0 + 25)
            page.write(person.1, inCellFrom: 100, top: y0, bottom: y0 + 25)
            page.write(person.2, inCellFrom: 200, top: y0, bottom: y0 + 25)
        }
    }

    @Test("each ruled row under the header is one row of the table, and a blank row is left out")
    func ruledRows() throws {
        var page = SyntheticPage()
        page.draw { $0.grid(xs: Self.xs, ys: [100, 125, 150, 175, 200, 225]) }
        header(&page, y0: 100, y1: 125)
        rows(&page, Self.people[...], top: 125)
        let result = read(try employeesForm(), [page])
        #expect(result.value("employees") == Self.expected(Self.people[...]))
        #expect(result["employees"]?.page == 1)
        #expect(result["employees"]?.placeGuessed == false)
    }

    @Test("a table ruled across only: the columns are the header words' reaches, the rows the rules'")
    func ruledAcrossOnly() throws {
        var page = SyntheticPage()
        page.draw { for y in [100, 125, 150, 175, 200] { $0.horizontal(y: y, from: 50, to: 545) } }
        header(&page, y0: 100, y1: 125)
        rows(&page, Self.people[...], top: 125)
        let result = read(try employeesForm(), [page])
        #expect(result.value("employees") == Self.expected(Self.people[...]))
    }

    @Test("rows whose rules were not seen (only the table's border is) are no empty table: it is not vouched for")
    func rowsUnseenAreNotAnEmptyTable() throws {
        var page = SyntheticPage()
        page.draw { $0.grid(xs: [50, 545], ys: [100, 225]) }
        header(&page, y0: 100, y1: 125)
        rows(&page, Self.people[...], top: 125)
        let result = read(try employeesForm(), [page])
        #expect(result.value("employees") == .rows([]))
        #expect(result["employees"]?.placeGuessed == true)
    }

    @Test("a table continued on a second page under its header printed again goes on there")
    func continuedWithHeader() throws {
        var first = SyntheticPage(number: 1)
        first.draw { $0.grid(xs: Self.xs, ys: [100, 125, 150, 175]) }
        header(&first, y0: 100, y1: 125)
        rows(&first, Self.people[0..<2], top: 125)
        var second = SyntheticPage(number: 2)
        second.draw { $0.grid(xs: Self.xs, ys: [60, 85, 110]) }
        header(&second, y0: 60, y1: 85)
        rows(&second, Self.people[2...], top: 85)
        second.write("填表人", x: 50, y: 130)
        second.write("赵六", x: 90, y: 130)
        let result = read(try employeesForm(), [first, second])
        #expect(result.value("employees") == Self.expected(Self.people[...]))
        #expect(result["employees"]?.page == 1)
        #expect(result.value("filler") == .text("赵六"))
    }

    @Test("a table continued on a second page without its header keeps the first page's columns")
    func continuedWithoutHeader() throws {
        var first = SyntheticPage(number: 1)
        first.draw { $0.grid(xs: Self.xs, ys: [100, 125, 150]) }
        header(&first, y0: 100, y1: 125)
        rows(&first, Self.people[0..<1], top: 125)
        var second = SyntheticPage(number: 2)
        second.draw { $0.grid(xs: Self.xs, ys: [60, 85, 110]) }
        rows(&second, Self.people[1...], top: 60)
        second.write("填表人", x: 50, y: 130)
        second.write("赵六", x: 90, y: 130)
        let result = read(try employeesForm(), [first, second])
        #expect(result.value("employees") == Self.expected(Self.people[...]))
        #expect(result.value("filler") == .text("赵六"))
    }

    @Test("without ruling lines each text line under the header is a row, and printed words below end the table")
    func unruledRows() throws {
        var page = SyntheticPage()
        page.write([
            ("序号", 50, 100),
            ("姓名", 100, 100),
            ("身份证号码", 200, 100),
        ])
        // Values centred under their header words.
        for (i, person) in Self.people.enumerated() {
            let y = 120 + 20 * Double(i)
            page.write(person.0, x: 57.5, y: y)
            page.write(person.1, x: 100, y: y)
            page.write(person.2, x: 180, y: y)
        }
        page.write("填表人：赵六", x: 50, y: 190)
        let result = read(try employeesForm(), [page])
        #expect(result.value("employees") == Self.expected(Self.people[...]))
        #expect(result.value("filler") == .text("赵六"))
    }

    @Test("without a rule between two columns, a word running past half way to the next header stays whole in its own column")
    func wordOverAnUnruledColumnEdge() throws {
        var page = SyntheticPage()
        page.write([("序号", 50, 100), ("姓名", 100, 100), ("身份证号码", 200, 100)])
        // 欧阳娜娜娜娜娜 runs from 95 to 165, past 160, half way from 姓名 (ending 120) to 身份证号码.
        page.write([("1", 57.5, 120), ("欧阳娜娜娜娜娜", 95, 120), ("370102199001011234", 180, 120)])
        page.write("填表人：赵六", x: 50, y: 150)
        let result = read(try employeesForm(), [page])
        #expect(result.value("employees") == .rows([["no": .text("1"), "name": .text("欧阳娜娜娜娜娜"), "idNumber": .text("370102199001011234")]]))
    }
}
