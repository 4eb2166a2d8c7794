import Catalog
import Foundation
import IntakeCore
import Render
import Testing

/// Table fields: repeat rows filled per submitted row, header rows repeated on every page.
@Suite struct TableRenderTests {
    let tools: PDFTools
    init() throws { tools = try PDFTools() }

    func render(_ values: [String: FieldValue], form: FormDefinition? = nil, name: String) throws -> URL {
        try tools.write(try FormRenderer().render(form ?? Fixtures.birthForm(), values: values), name: name)
    }

    func pages(_ pdf: URL) throws -> Int { Int(try tools.info(pdf)["Pages"] ?? "") ?? 0 }

    /// Full-width rules of the birth table: top, below the two header rows, below each row, below 说明.
    static func rules(rows: Int) -> Int { rows + 3 }

    @Test func threeRowsFitOnePageWithEveryValue() throws {
        let pdf = try render(Fixtures.births(3), name: "three")
        #expect(try pages(pdf) == 1)
        let squeezed = try tools.squeezedText(pdf)
        for label in Fixtures.birthHeaderLabels { #expect(squeezed.contains(label), "header \(label)") }
        for n in 1...3 {
            for (key, value) in Fixtures.birthRow(n) {
                #expect(squeezed.contains(value.display.squeezed), "row \(n) \(key)")
            }
        }
        #expect(squeezed.contains("2024年12月31日"))
        #expect(squeezed.contains("说明：1、生育方式包括顺产、剖宫产"))
        #expect(try tools.horizontalRules(pdf, page: 1) == Self.rules(rows: 3))
    }

    @Test func sixtyRowsRepeatTheHeaderOnEveryPage() throws {
        let pdf = try render(Fixtures.births(60), name: "sixty-births")
        let count = try pages(pdf)
        #expect(count >= 2)
        var perPage: [String] = []
        for page in 1...count {
            let squeezed = try tools.text(pdf, page: page).squeezed
            perPage.append(squeezed)
            for label in Fixtures.birthHeaderLabels { #expect(squeezed.contains(label), "page \(page): \(label)") }
            #expect(squeezed.contains("第\(page)页共\(count)页"))
        }
        let whole = perPage.joined()
        for n in 1...60 {
            let id = Fixtures.birthID(n)
            #expect(whole.components(separatedBy: id).count - 1 == 1, "row \(n) printed once")
            // A row is never split: its first and last cells are on the same page.
            let page = perPage.firstIndex { $0.contains(id) }
            #expect(page != nil && perPage[page!].contains(Fixtures.birthCard(n)), "row \(n) whole on one page")
        }
        // Rows keep their order across pages.
        let positions = (1...60).compactMap { whole.range(of: Fixtures.birthID($0))?.lowerBound }
        #expect(positions == positions.sorted())
        // Lines above the grid and notes below it are printed once.
        #expect(whole.components(separatedBy: "填报单位（章）").count - 1 == 1)
        #expect(whole.components(separatedBy: "说明：1、").count - 1 == 1)
        #expect(perPage.last!.contains("单位负责人："))
        // Borders: every page is a closed grid of header and whole rows.
        let rows = (1...60).map { n in perPage.firstIndex { $0.contains(Fixtures.birthID(n)) } ?? -1 }
        for page in 1...count {
            let onPage = rows.filter { $0 == page - 1 }.count
            let expected = onPage + 2 + (page == count ? 1 : 0)
            #expect(try tools.horizontalRules(pdf, page: page) == expected, "rules on page \(page)")
        }
    }

    @Test func blankFormPrintsBlankRowsUnderTheHeader() throws {
        let pdf = try render([:], name: "blank-births")
        #expect(try pages(pdf) == 1)
        let text = try tools.squeezedText(pdf)
        for label in Fixtures.birthHeaderLabels { #expect(text.contains(label), "header \(label)") }
        #expect(try tools.horizontalRules(pdf, page: 1) == Self.rules(rows: 8), "blankRows: 8")
    }

    @Test func filledFormWithNoRowsPrintsBlankRows() throws {
        let pdf = try render(Fixtures.births(0), name: "no-births")
        #expect(try tools.horizontalRules(pdf, page: 1) == Self.rules(rows: 8))
        #expect(try tools.text(pdf).squeezed.contains("2024年12月31日"))
    }

    @Test func longValueWrapsInItsCellAndStaysWhole() throws {
        let long = String(String(repeating: "临沂市兰山区金雀山路八十三号妇幼保健院产科病区", count: 4).prefix(80))
        var values = Fixtures.births(3)
        var rows = (1...3).map(Fixtures.birthRow)
        rows[1]["hospital"] = .text(long)
        values["births"] = .rows(rows)
        let pdf = try render(values, name: "long-cell")
        #expect(try pages(pdf) == 1)
        let squeezed = try tools.squeezedText(pdf)
        #expect(squeezed.components(separatedBy: long).count - 1 == 1, "whole, once")
        let lines = try tools.text(pdf).split(separator: "\n")
        #expect(!lines.contains { $0.contains(long.prefix(10)) && $0.contains(long.suffix(10)) }, "wrapped")
        // The row grew instead of spilling: the grid keeps its rules and the next row its values.
        #expect(try tools.horizontalRules(pdf, page: 1) == Self.rules(rows: 3))
        #expect(squeezed.contains(Fixtures.birthID(3)))
    }

    @Test func tableOutsideARepeatRowDrawsNothing() throws {
        let form = try Fixtures.form(json: """
            {"id": "t", "version": "1", "title": "表外", "source": "x.txt:1", "schema": "x.xsd",
             "fields": [{"key": "people", "label": "人员", "type": "table", "columns": [{"key": "name", "label": "姓名", "type": "text"}]}],
             "layout": {"columns": [1, 3], "header": [{"field": "people"}, {"date": "people"}],
                        "rows": [{"cells": [{"label": "人员"}, {"field": "people"}]},
                                 {"cells": [{"label": "勾选"}, {"choices": "people"}]},
                                 {"repeat": "people", "cells": [{"label": "姓名"}, {"field": "name"}]}]}}
            """)
        // A row value where a column expects text (a nested table) prints nothing as well.
        let values: [String: FieldValue] = ["people": .rows([["name": .text("张三")], ["name": .rows([["x": .text("y")]])]])]
        let text = try tools.text(try render(values, form: form, name: "outside"))
        #expect(!text.contains("行"), "no row count printed")
        #expect(text.components(separatedBy: "张三").count - 1 == 1)
        #expect(text.contains("人员"))
    }

    /// An ordinary row above the header and a choices/date column in the repeat row.
    static let peopleForm = """
        {"id": "p", "version": "1", "title": "人员表", "source": "x.txt:1", "schema": "x.xsd",
         "fields": [{"key": "unit", "label": "单位名称", "type": "text"},
                    {"key": "people", "label": "人员", "type": "table", "blankRows": 3, "columns": [
                      {"key": "name", "label": "姓名", "type": "text"},
                      {"key": "gender", "label": "性别", "type": "choice", "options": ["男", "女"]},
                      {"key": "since", "label": "参保日期", "type": "date"}]}],
         "layout": {"columns": [1, 1, 2], "rows": [
           {"cells": [{"label": "单位名称"}, {"field": "unit", "span": 2}]},
           {"header": true, "cells": [{"label": "姓名"}, {"label": "性别"}, {"label": "参保日期"}]},
           {"repeat": "people", "cells": [{"field": "name"}, {"choices": "gender"}, {"date": "since"}]},
           {"cells": [{"label": "备注"}, {"field": "name", "span": 2}]}]}}
        """

    @Test func choicesAndDatesInRepeatRowsUseTheColumns() throws {
        let form = try Fixtures.form(json: Self.peopleForm)
        let values: [String: FieldValue] = [
            "unit": .text("临沂市某某有限公司"),
            "name": .text("表外同名字段"),
            "people": .rows([["name": .text("张三"), "gender": .text("男"), "since": .text("2024-03-05")],
                             ["name": .text("李四"), "gender": .choices(["女"])]]),
        ]
        let pdf = try render(values, form: form, name: "people")
        let squeezed = try tools.text(pdf).squeezed
        #expect(squeezed.contains("张三☑男□女2024年3月5日"))
        #expect(squeezed.contains("李四□男☑女年月日"))
        #expect(squeezed.contains("单位名称临沂市某某有限公司"))
        #expect(squeezed.contains("备注表外同名字段"), "rows outside the table read the form's values")
        let blank = try tools.text(try render([:], form: form, name: "people-blank")).squeezed
        #expect(blank.components(separatedBy: "□男□女年月日").count - 1 == 3)
    }

    @Test func longTableRepeatsOnlyItsHeaderRows() throws {
        let form = try Fixtures.form(json: Self.peopleForm)
        let rows: [[String: FieldValue]] = (1...120).map { ["name": .text("人员\($0)号"), "gender": .text("男")] }
        let pdf = try render(["unit": .text("某公司"), "people": .rows(rows)], form: form, name: "people-long")
        let count = try pages(pdf)
        #expect(count >= 3)
        for page in 1...count {
            let text = try tools.text(pdf, page: page).squeezed
            #expect(text.contains("姓名性别参保日期"), "page \(page)")
            #expect(text.contains("单位名称某公司") == (page == 1), "page \(page)")
        }
    }

    @Test func rowTallerThanAPageIsCutUnderTheRepeatedHeader() throws {
        let form = try Fixtures.form(json: Self.peopleForm)
        let (_, paragraph) = try Fixtures.tallCell()
        let rows: [[String: FieldValue]] = [["name": .text("甲")], ["name": .text(paragraph)], ["name": .text("乙")]]
        let pdf = try render(["people": .rows(rows)], form: form, name: "people-tall")
        let count = try pages(pdf)
        #expect(count >= 2)
        for page in 1...count {
            #expect(try tools.text(pdf, page: page, mode: "-layout").squeezed.contains("姓名性别参保日期"), "page \(page)")
        }
        let squeezed = try tools.squeezedText(pdf)
        for n in [1, 137, 250, 400] {
            #expect(squeezed.components(separatedBy: "第\(n)句。").count - 1 == 1, "sentence \(n)")
        }
    }

    @Test func unprintableRepeatRowsAreErrors() throws {
        let base = #""fields": [{"key": "t", "label": "表", "type": "table", "columns": [{"key": "a", "label": "甲", "type": "text"}]},"#
            + #"{"key": "x", "label": "文", "type": "text"}], "#
        for rows in [
            #"[{"repeat": "t", "cells": [{"field": "a", "rowspan": 2}, {"label": "乙"}]}, {"cells": [{"label": "丙"}]}]"#,
            #"[{"cells": [{"label": "甲", "rowspan": 2}, {"label": "乙"}]}, {"repeat": "t", "cells": [{"field": "a"}]}]"#,
            #"[{"repeat": "x", "cells": [{"field": "a"}, {"label": "乙"}]}]"#,
            #"[{"repeat": "t", "header": true, "cells": [{"field": "a"}, {"label": "乙"}]}]"#,
        ] {
            let form = try Fixtures.form(json: #"{"id": "e", "version": "1", "title": "错", "source": "x.txt:1", "schema": "x.xsd", "#
                + base + #""layout": {"columns": [1, 1], "rows": \#(rows)}}"#)
            #expect(throws: RenderError.self, "\(rows)") { try FormRenderer().render(form, values: [:]) }
        }
    }
}
