import Catalog
import Foundation
import IntakeCore
import Render
import Testing

@Suite struct FormRendererTests {
    let tools: PDFTools
    init() throws { tools = try PDFTools() }

    /// Every text line of every label block of the grid.
    static func labelLines(_ form: FormDefinition) -> [String] {
        form.layout.rows.flatMap(\.cells).flatMap(\.blocks).flatMap { block -> [String] in
            if case .label(let text) = block.kind { return text.split(separator: "\n").map(String.init) }
            return []
        }
    }

    @Test func filledFormShowsEveryLabelAndValue() throws {
        let form = try Fixtures.form()
        let pdf = try tools.write(try FormRenderer().render(form, values: Fixtures.filledValues), name: "filled")
        let text = try tools.text(pdf)
        let squeezed = try tools.squeezedText(pdf)
        #expect(text.contains("单位基本医疗保险参保信息登记表"))
        for line in Self.labelLines(form) {
            #expect(text.contains(line), "label \(line)")
        }
        for (key, value) in Fixtures.filledValues where key != "unitNature" && key != "insurance" && key != "declarationDate" {
            #expect(squeezed.contains(value.display.squeezed), "value of \(key)")
        }
        #expect(text.contains("2024 年 3 月 5 日"))
        #expect(text.contains("本单位依法申请基本医疗保险登记"))
        #expect(text.contains("单位（盖章）"))
        #expect(text.contains("经办人："))
        #expect(text.contains("审核人："))
    }

    @Test func tickedOptionsAreMarkedAndOthersAreNot() throws {
        let form = try Fixtures.form()
        let pdf = try tools.write(try FormRenderer().render(form, values: Fixtures.filledValues), name: "ticks")
        let squeezed = try tools.text(pdf).squeezed
        #expect(squeezed.contains("☑企业"))
        #expect(squeezed.contains("☑医疗保险"))
        #expect(squeezed.contains("☑生育保险"))
        #expect(squeezed.contains("☑其他（大额医疗费用补助）"))
        for option in ["机关单位", "参公事业单位", "公益一类事业单位", "公益二类事业单位", "监督管理类事业单位",
                       "生产经营活动事业单位", "参公社会团体", "非参公社会团体", "补充医疗保险", "长期护理保险"] {
            #expect(squeezed.contains("□" + option), "unticked \(option)")
        }
        #expect(squeezed.components(separatedBy: "☑").count - 1 == 4)
    }

    @Test func blankFormHasEveryOptionUntickedAndBlankDate() throws {
        let form = try Fixtures.form()
        let pdf = try tools.write(try FormRenderer().render(form, values: [:]), name: "blank")
        let text = try tools.text(pdf)
        for line in Self.labelLines(form) { #expect(text.contains(line)) }
        #expect(!text.contains("☑"))
        #expect(text.squeezed.contains("□其他（）"))
        #expect(text.squeezed.contains("单位（盖章）年月日"))
        #expect(try tools.info(pdf)["Pages"] == "1")
    }

    @Test func isA4WithEmbeddedFonts() throws {
        let pdf = try tools.write(try FormRenderer().render(try Fixtures.form(), values: Fixtures.filledValues), name: "fonts")
        let info = try tools.info(pdf)
        #expect(info["Page size"]?.hasPrefix("595.276 x 841.89 pts (A4)") == true, "\(info["Page size"] ?? "")")
        let fonts = try tools.fonts(pdf)
        #expect(!fonts.isEmpty)
        for font in fonts { #expect(font.embedded, "\(font.name) not embedded") }
        #expect(fonts.contains { $0.name.contains("UMingCN") }, "the body font")
        #expect(fonts.contains { $0.name.contains("NotoSansCJKsc-Bold") }, "the title font")
        #expect(fonts.contains { $0.name.contains("DejaVuSans-Bold") }, "the ticked box")
    }

    @Test func bodyFontIsAnOption() throws {
        let renderer = FormRenderer(options: RenderOptions(bodyFont: FontFamily.notoSerif))
        let pdf = try tools.write(try renderer.render(try Fixtures.form(), values: Fixtures.filledValues), name: "uming")
        let fonts = try tools.fonts(pdf)
        #expect(fonts.contains { $0.name.contains("NotoSerifCJKsc-Regular") })
        #expect(!fonts.contains { $0.name.contains("UMing") })
        for font in fonts { #expect(font.embedded) }
    }

    @Test func longAddressWrapsWhole() throws {
        let form = try Fixtures.form()
        var values = Fixtures.filledValues
        let address = String(repeating: Fixtures.longAddress, count: 3)
        values["address"] = .text(address)
        let pdf = try tools.write(try FormRenderer().render(form, values: values), name: "long-address")
        #expect(try tools.squeezedText(pdf).contains(address.squeezed))
        #expect(try tools.info(pdf)["Pages"] == "1")
    }

    @Test func datesInEverySpellingPrintAlike() throws {
        let form = try Fixtures.form()
        for written in ["2024-03-05", "2024年3月5日", "2024/3/5", "20240305"] {
            var values = Fixtures.filledValues
            values["declarationDate"] = .text(written)
            let pdf = try tools.write(try FormRenderer().render(form, values: values), name: "date")
            #expect(try tools.text(pdf).contains("2024 年 3 月 5 日"), "\(written)")
        }
        var values = Fixtures.filledValues
        values["declarationDate"] = .text("三月五号")
        let pdf = try tools.write(try FormRenderer().render(form, values: values), name: "date-raw")
        #expect(try tools.text(pdf).contains("三月五号"))
    }

    @Test func sixtyRowsPaginateAndKeepEveryRow() throws {
        let (form, values) = try Fixtures.sixtyRows()
        let pdf = try tools.write(try FormRenderer().render(form, values: values), name: "sixty")
        let pages = Int(try tools.info(pdf)["Pages"] ?? "") ?? 0
        #expect(pages > 1)
        let text = try tools.text(pdf)
        for n in 1...60 {
            #expect(text.contains("第\(n)行 ") || text.contains("第\(n)行\n"), "row \(n)")
            #expect(text.contains("值\(n)号"), "value \(n)")
            #expect(text.contains("说明\(n)"))
        }
        #expect(text.squeezed.contains("第1页共\(pages)页"))
        #expect(text.squeezed.contains("第\(pages)页共\(pages)页"))
        #expect(text.contains("填表说明：本表一式两份。"))
        // Header lines stand between the title and the grid, once.
        let header = try #require(text.range(of: "填报单位（盖章）："))
        #expect(text.range(of: "长表")!.lowerBound < header.lowerBound)
        #expect(header.upperBound < text.range(of: "第1行")!.lowerBound)
        #expect(text.components(separatedBy: "2024 年 12 月 31 日").count == 2)
    }

    @Test func rowTallerThanAPageIsCutBetweenLines() throws {
        let (form, paragraph) = try Fixtures.tallCell()
        let pdf = try tools.write(try FormRenderer().render(form, values: ["note": .text(paragraph)]), name: "tall")
        #expect(Int(try tools.info(pdf)["Pages"] ?? "") ?? 0 > 1)
        // Every sentence once: no line is drawn twice or lost at the cut.
        let squeezed = try tools.squeezedText(pdf)
        for n in [1, 137, 250, 400] {
            #expect(squeezed.components(separatedBy: "第\(n)句。").count - 1 == 1, "sentence \(n)")
        }
    }

    @Test func sameInputSameBytes() throws {
        let form = try Fixtures.form()
        let a = try FormRenderer().render(form, values: Fixtures.filledValues)
        let b = try FormRenderer().render(form, values: Fixtures.filledValues)
        #expect(a == b)
        #expect(try tools.info(try tools.write(a, name: "same"))["CreationDate"] == nil, "no clock in the output")
    }

    @Test func rastersToPNG() throws {
        let pdf = try tools.write(try FormRenderer().render(try Fixtures.form(), values: Fixtures.filledValues), name: "png")
        let pngs = try tools.png(pdf, dpi: 60)
        #expect(pngs.count == 1)
        for png in pngs {
            let size = try FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int ?? 0
            #expect(size > 1000)
        }
    }

    @Test func rowWithTooManyCellsIsAnError() throws {
        let form = try Fixtures.form(json: """
            {"id": "bad", "version": "1", "title": "坏表", "source": "x.txt:1", "schema": "x.xsd", "fields": [],
             "layout": {"columns": [1, 1], "rows": [{"cells": [{"label": "甲"}, {"label": "乙"}, {"label": "丙"}]}]}}
            """)
        #expect(throws: RenderError.self) { try FormRenderer().render(form, values: [:]) }
    }
}
