import Catalog
import IntakeCore
import IntakeTestSupport
import Testing
@testable import FormReading

/// Which options of a checkbox group are ticked: marks in typed text (before the option, over
/// its square, in brackets after it) and, on scans, the pixels of the square.
@Suite struct TickTests {
    private func unitTypeForm(_ options: [String], type: FieldType = .choice) throws -> FormDefinition {
        try makeForm(fields: [FieldDefinition(key: "unitType", label: "单位类型", type: type, options: options)], columns: [1, 4],
                     rows: [row(label("单位类型"), choices("unitType"))])
    }

    /// A 9-point square drawn as lines from x, on the line at y = 100.
    private func square(at x: Int, on canvas: inout Canvas) {
        canvas.horizontal(y: 101, from: x, to: x + 9)
        canvas.horizontal(y: 109, from: x, to: x + 9)
        canvas.vertical(x: x, from: 101, to: 109)
        canvas.vertical(x: x + 9, from: 101, to: 109)
    }

    /// The label at the left of the line, the options from x = 150.
    private func page(_ options: String) -> SyntheticPage {
        var page = SyntheticPage()
        page.write("单位类型", x: 50, y: 100)
        page.write(options, x: 150, y: 100)
        return page
    }

    @Test("a mark typed before an option ticks it", arguments: ["☑", "■", "√", "✓"])
    func markBeforeOption(mark: String) throws {
        let form = try unitTypeForm(["企业", "机关", "事业单位", "社会团体"])
        let result = read(form, [page("□企业 \(mark)机关 □事业单位 □社会团体")])
        #expect(result.value("unitType") == .text("机关"))
    }

    @Test("filled and hollow shapes: ◆ ticks beside ◇, ◼ beside ◻", arguments: [("◆", "◇"), ("◼", "◻")])
    func shapes(pair: (String, String)) throws {
        let form = try unitTypeForm(["企业", "机关", "事业单位", "社会团体"])
        let (on, off) = pair
        let result = read(form, [page("\(off)企业 \(on)机关 \(off)事业单位 \(off)社会团体")])
        #expect(result.value("unitType") == .text("机关"))
    }

    @Test("brackets set wide apart hold a detail, not a mark: empty ones say nothing; close ones say 'not ticked'")
    func wideBracketsHoldADetail() {
        func glyphs(_ spec: [(Character, Double)]) -> [Glyph] { spec.map { Glyph($0.0, Rect(x0: $0.1, y0: 100, x1: $0.1 + 10, y1: 110)) } }
        // 其他（ then the detail's box (its text on a line of its own, after ）in reading order) and ）.
        let wide = glyphs([("其", 0), ("他", 10), ("（", 20), ("）", 80)])
        #expect(Ticks.markAfter(1, before: wide.count, glyphs: wide, h: 10) == nil)
        let close = glyphs([("其", 0), ("他", 10), ("（", 20), ("）", 32)])
        #expect(Ticks.markAfter(1, before: close.count, glyphs: close, h: 10) == false)
        let marked = glyphs([("其", 0), ("他", 10), ("（", 20), ("√", 30), ("）", 40)])
        #expect(Ticks.markAfter(1, before: marked.count, glyphs: marked, h: 10) == true)
    }

    @Test("squares after every option (企业☑ 机关☐): each option's is the one after it, also where one wraps to the next line")
    func squaresAfterOptions() throws {
        let form = try unitTypeForm(["机关单位", "参公事业单位", "企业", "其他"])
        var page = SyntheticPage()
        page.write("单位类型", x: 50, y: 100)
        page.write("机关单位☐ 参公事业单位", x: 150, y: 100)
        page.write("☐ 企业☑ 其他（　　）☐", x: 150, y: 112)
        #expect(read(form, [page]).value("unitType") == .text("企业"))
    }

    @Test("marks in square brackets: [√] ticks, [　] does not", arguments: ["before", "after"])
    func squareBrackets(side: String) throws {
        let form = try unitTypeForm(["企业", "机关", "事业单位"])
        let text = side == "before" ? "[　]企业 [√]机关 [　]事业单位" : "企业[　] 机关[√] 事业单位[　]"
        #expect(read(form, [page(text)]).value("unitType") == .text("机关"))
    }

    @Test("an X typed over the square ticks the option")
    func crossOverSquare() throws {
        let form = try unitTypeForm(["企业", "机关", "事业单位"])
        var page = page("□企业")
        // 企业 ends at x = 180; then □机关 with an X drawn over the square (starting a point to its left).
        page.put("□", Rect(x0: 185, y0: 100, x1: 195, y1: 110))
        page.put("X", Rect(x0: 184, y0: 101, x1: 194, y1: 109))
        page.write("机关 □事业单位", x: 195, y: 100)
        #expect(read(form, [page]).value("unitType") == .text("机关"))
    }

    @Test("squares with no mark tick nothing")
    func nothingTicked() throws {
        let form = try unitTypeForm(["企业", "机关", "事业单位", "社会团体"])
        let result = read(form, [page("□企业 □机关 □事业单位 □社会团体")])
        #expect(result.value("unitType") == .text(""))
    }

    @Test("options written as plain words, with no squares at all, are the choice")
    func plainWords() throws {
        let form = try unitTypeForm(["企业", "机关", "事业单位", "社会团体"])
        #expect(read(form, [page("机关")]).value("unitType") == .text("机关"))
    }

    @Test("options printed with no mark and no square at all leave the choice unread, not none ticked")
    func printedOptionsWithoutMarks() throws {
        let form = try unitTypeForm(["企业", "机关", "事业单位", "社会团体"])
        let result = read(form, [page("企业 机关 事业单位 社会团体")])
        #expect(result.value("unitType") == .text(""))
        #expect((result["unitType"]?.confidence ?? 1) < 0.9, "a blank read here is not vouched for")
    }

    @Test("the ink of the option before, set close, is no drawn square: with no mark the choice stays unread")
    func previousOptionIsNoSquare() throws {
        let form = try unitTypeForm(["企业", "机关", "事业单位"])
        var page = SyntheticPage()
        page.write("单位类型", x: 50, y: 100)
        let boxes = page.write("其 企业 机关 事业单位", x: 140, y: 100)
        // Every character inked where it stands: 业 before 机关 heavily (a circle round the chosen
        // option adds ink too), the others along their foot only.
        page.draw { canvas in
            for (i, b) in boxes.enumerated() {
                canvas.fill(x0: Int(b.x0) + 1, y0: i == 2 ? Int(b.y0) + 1 : Int(b.y1) - 2, x1: Int(b.x1) - 2, y1: Int(b.y1) - 1)
            }
        }
        let result = read(form, [page])
        #expect((result["unitType"]?.confidence ?? 1) < 0.9, "\(String(describing: result["unitType"]))")
    }

    @Test("squares drawn as lines before typed options: the one with ink in its middle is ticked")
    func drawnSquares() throws {
        let form = try unitTypeForm(["企业", "机关", "事业单位"])
        var page = SyntheticPage()
        page.write("单位类型", x: 50, y: 100)
        page.write("企业", x: 165, y: 100)
        page.write("机关", x: 225, y: 100)
        page.write("事业单位", x: 285, y: 100)
        page.draw { canvas in
            for x in [153, 213, 273] { square(at: x, on: &canvas) }  // 9-point squares a point left of each option
            canvas.fill(x0: 216, y0: 104, x1: 219, y1: 106)  // the cross at the middle of 机关's square
        }
        #expect(read(form, [page]).value("unitType") == .text("机关"))
    }

    /// 医疗保险, 生育保险 and `third`, each after a square drawn as lines; the first `ticked` marked.
    private func insurancePage(third: String, ticked: Int) -> SyntheticPage {
        var page = SyntheticPage()
        page.write("单位类型", x: 50, y: 100)
        page.write("医疗保险", x: 165, y: 100)
        page.write("生育保险", x: 245, y: 100)
        page.write(third, x: 325, y: 100)
        page.draw { canvas in
            for (n, x) in [153, 233, 313].enumerated() {
                square(at: x, on: &canvas)
                if n < ticked { canvas.fill(x0: x + 3, y0: 104, x1: x + 6, y1: 106) }
            }
        }
        return page
    }

    @Test("squares drawn as lines, most of them ticked (参保险种): each is judged against an empty one; all alike and inked is not vouched for",
          arguments: [1, 2, 3])
    func drawnSquaresMostTicked(ticked: Int) throws {
        let form = try unitTypeForm(["医疗保险", "生育保险", "补充医疗保险"], type: .multiChoice)
        let result = read(form, [insurancePage(third: "补充医疗保险", ticked: ticked)])
        if ticked < 3 {
            #expect(result.value("unitType") == .choices(Array(["医疗保险", "生育保险", "补充医疗保险"].prefix(ticked))))
        } else {
            // All ticked, or all shaded and empty: the clerk looks.
            #expect((result["unitType"]?.confidence ?? 1) < 0.9)
        }
    }

    @Test("squares drawn as lines with an empty pair of brackets after 其他: the brackets speak for 其他 only")
    func drawnSquaresBesideBrackets() throws {
        let form = try unitTypeForm(["医疗保险", "生育保险", "其他"], type: .multiChoice)
        var page = insurancePage(third: "其他（　　）", ticked: 0)
        page.draw { canvas in canvas.fill(x0: 236, y0: 104, x1: 239, y1: 106) }  // 生育保险 ticked
        #expect(read(form, [page]).value("unitType") == .choices(["生育保险"]))
    }

    @Test("a multi-choice field keeps every ticked option in printed order")
    func multiChoice() throws {
        let form = try unitTypeForm(["门诊", "住院", "购药"], type: .multiChoice)
        #expect(read(form, [page("☑门诊 □住院 ☑购药")]).value("unitType") == .choices(["门诊", "购药"]))
    }

    @Test("a shorter option is not found inside a longer one (参公社会团体 inside 非参公社会团体)")
    func longerOptionFirst() throws {
        let form = try unitTypeForm(["参公社会团体", "非参公社会团体"])
        #expect(read(form, [page("☑非参公社会团体 □参公社会团体")]).value("unitType") == .text("非参公社会团体"))
    }

    @Test("a mark in the brackets after an option ticks it: 剖宫产（√）, on the real 生育津贴领取审核表")
    func markInBracketsAfterOption() throws {
        let form = try #require(Repository.catalog.forms.first { $0.id == "lc-maternity-allowance" })
        var page = SyntheticPage()
        page.write("生育方式", x: 50, y: 100)
        page.write("顺产（　）剖宫产（√）计划生育（　）", x: 150, y: 100)
        #expect(read(form, [page]).value("deliveryMode") == .text("剖宫产"))
    }

    @Test("a mark in the brackets before an option ticks that option, not the one before the brackets: （ ）参公社会团体（√）非参公社会团体")
    func markInBracketsBeforeOption() throws {
        let form = try unitTypeForm(["机关单位", "参公社会团体", "非参公社会团体", "企业"])
        let result = read(form, [page("（ ）机关单位（ ）参公社会团体（√）非参公社会团体（ ）企业")])
        #expect(result.value("unitType") == .text("非参公社会团体"))
    }

    @Test("a mark just before an option is not also a mark after the option before it (生育保险 ✓ 补充医疗保险)")
    func markOnlyBeforeItsOption() throws {
        let form = try unitTypeForm(["医疗保险", "生育保险", "补充医疗保险", "其他"], type: .multiChoice)
        let result = read(form, [page("✓医疗保险 生育保险 ✓补充医疗保险 其他（ ）")])
        #expect(result.value("unitType") == .choices(["医疗保险", "补充医疗保险"]))
    }

    @Test("where every option has its square before it, a mark ending a line is the option's starting the next")
    func markAtLineEndBelongsToTheNextLine() throws {
        let form = try unitTypeForm(["企业", "机关", "事业单位", "社会团体"])
        /// The options on two lines of one ruled cell.
        func cell(_ first: String, _ second: String) -> SyntheticPage {
            var page = SyntheticPage()
            page.write("单位类型", x: 50, y: 100)
            page.write(first, x: 150, y: 100)
            page.write(second, x: 150, y: 115)
            page.draw { $0.grid(xs: [40, 140, 400], ys: [95, 130]) }
            return page
        }
        #expect(read(form, [cell("□企业 □机关 ▣", "事业单位 □社会团体")]).value("unitType") == .text("事业单位"))
        #expect(read(form, [cell("□企业 □机关 □", "事业单位 ☑社会团体")]).value("unitType") == .text("社会团体"))
    }

    // MARK: Scans: the square's pixels

    /// 单位类型 企业 机关 as OCR reads a scan (the squares dropped), with the square before each
    /// option drawn in the raster: 企业 at x = 170, 机关 at x = 230, squares 12 to 2 points left.
    private func scan(withEnterprise: Bool = true, marking fill: (inout Canvas) -> Void) -> SyntheticPage {
        var page = SyntheticPage()
        page.judgeTicksFromPixels = true
        page.write("单位类型", x: 50, y: 100)
        if withEnterprise { page.write("企业", x: 170, y: 100) }
        page.write("机关", x: 230, y: 100)
        page.draw { canvas in
            for x in [158, 218] {  // empty squares
                canvas.horizontal(y: 100, from: x, to: x + 10)
                canvas.horizontal(y: 110, from: x, to: x + 10)
                canvas.vertical(x: x, from: 100, to: 110)
                canvas.vertical(x: x + 10, from: 100, to: 110)
            }
            fill(&canvas)
        }
        return page
    }

    @Test("on a scan, a filled square ticks its option and a blank one does not")
    func scanFilledSquare() throws {
        let form = try unitTypeForm(["企业", "机关"])
        let result = read(form, [scan(marking: { $0.fill(x0: 218, y0: 100, x1: 228, y1: 110) })])
        #expect(result.value("unitType") == .text("机关"))
        #expect(result["unitType"]?.confidence == 1)
    }

    @Test("on a scan, a faint mark in the square ticks its option with confidence 0.6")
    func scanFaintMark() throws {
        let form = try unitTypeForm(["企业", "机关"])
        // The middle of 机关's square (x 221–225, y 103–107) is judged: one row of it is 20 % dark.
        let result = read(form, [scan(marking: { $0.horizontal(y: 105, from: 221, to: 225) })])
        #expect(result.value("unitType") == .text("机关"))
        #expect(result["unitType"]?.confidence == 0.6)
    }

    @Test("on a scan, an option whose words were not found leaves the choice at confidence 0.7")
    func scanUnseenOption() throws {
        let form = try unitTypeForm(["企业", "机关"])
        let result = read(form, [scan(withEnterprise: false, marking: { $0.fill(x0: 218, y0: 100, x1: 228, y1: 110) })])
        #expect(result.value("unitType") == .text("机关"))
        #expect(result["unitType"]?.confidence == 0.7)
    }

    /// 单位类型 □机关 √企业 □其他 as OCR reads a scan whose recogniser tells √ from 口: glyphs
    /// 10 points wide from x = 150 (口 150, 机关 160–180, √ 180, 企业 190–210, 口 210, 其他 220).
    private func recognisedScan(darkUnder: ClosedRange<Int>? = nil) -> SyntheticPage {
        var page = SyntheticPage()
        page.judgeTicksFromPixels = true
        page.write("单位类型", x: 50, y: 100)
        page.write("口机关√企业口其他", x: 150, y: 100)
        page.draw { canvas in
            canvas.horizontal(y: 100, from: 0, to: 1)  // a raster, mostly white
            if let xs = darkUnder { canvas.fill(x0: xs.lowerBound, y0: 100, x1: xs.upperBound, y1: 110) }
        }
        return page
    }

    @Test("on a scan whose recogniser reads √ for ticks, a square it read surely as 口 is empty; dark pixels under its box only raise a doubt")
    func scanRecognisedSquare() throws {
        let form = try unitTypeForm(["机关", "企业", "其他"])
        let clean = read(form, [recognisedScan()])
        #expect(clean.value("unitType") == .text("企业"))
        #expect(clean["unitType"]?.confidence == 1)
        // The next character's strokes under 口's estimated box.
        let smudged = read(form, [recognisedScan(darkUnder: 150...159)])
        #expect(smudged.value("unitType") == .text("企业"), "not 机关 and 企业")
        #expect(smudged["unitType"]?.confidence == 0.6)
    }

    @Test("on a scan, a √ between two options with squares is the next option's, not a mark after the first (口参公√公益)")
    func scanMarkBetweenSquaredOptions() throws {
        let form = try unitTypeForm(["机关", "企业", "其他"])
        let result = read(form, [recognisedScan()])
        #expect(result.value("unitType") == .text("企业"), "机关 has its own square: the √ after it is 企业's")
    }

    /// A scan's page: 单位类型 on the line at `y`, the options as `write` sets OCR's glyphs, and a
    /// white raster where the square from x = `ticked` is filled.
    private func scanned(labelAt y: Double = 100, ticked: Int, tickTop: Int = 101, _ write: (inout SyntheticPage) -> Void) -> SyntheticPage {
        var page = SyntheticPage()
        page.judgeTicksFromPixels = true
        page.write("单位类型", x: 50, y: y)
        write(&page)
        page.draw { canvas in
            canvas.horizontal(y: 300, from: 0, to: 1)
            canvas.fill(x0: ticked, y0: tickTop, x1: ticked + 8, y1: tickTop + 8)
        }
        return page
    }

    @Test("on a scan whose recogniser dropped a ticked square, the option's first character box holds it: that option is ticked")
    func scanDroppedSquare() throws {
        let form = try unitTypeForm(["机关", "企业", "其他"])
        // 口机关 企业 口其他 as OCR gives it: the ☑ before 企业 dropped, 企's box stretched over it.
        let page = scanned(ticked: 190) { page in
            page.write("口机关", x: 150, y: 100)
            page.put("企", Rect(x0: 180, y0: 100, x1: 210, y1: 110))
            page.write("业口其他", x: 210, y: 100)
        }
        #expect(read(form, [page]).value("unitType") == .text("企业"))
    }

    @Test("on a scan without rules, a line of options above the label's line is the field's; a line of other words is not")
    func scanOptionsAboveTheLabel() throws {
        let form = try unitTypeForm(["机关", "企业", "事业单位", "其他"])
        // The square before 企业 ticked.
        func page(_ first: String) -> SyntheticPage {
            scanned(labelAt: 110, ticked: 181, tickTop: 96) { page in
                page.write(first, x: 150, y: 95)
                page.write("口事业单位口其他", x: 150, y: 110)
            }
        }
        #expect(read(form, [page("口机关口企业")]).value("unitType") == .text("企业"))
        #expect(read(form, [page("聊城市企业")]).value("unitType") != .text("企业"))
    }

    @Test("on a scan whose squares stand after their options (机关□ 企业☑ 其他□), the square before an option is not vouched for as its own")
    func scanSquaresAfterOptions() throws {
        let form = try unitTypeForm(["机关", "企业", "其他"])
        // 机关口企业 其他口: the ticked square after 企业 (x 200–210) dropped by the recogniser.
        let page = scanned(ticked: 201) { page in
            page.write("机关口企业", x: 150, y: 100)
            page.write("其他口", x: 210, y: 100)
        }
        let result = read(form, [page])
        #expect((result["unitType"]?.confidence ?? 1) < 0.9, "\(String(describing: result["unitType"]))")
    }
}
