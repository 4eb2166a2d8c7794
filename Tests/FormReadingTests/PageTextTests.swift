import Catalog
import IntakeCore
import Testing
@testable import FormReading

/// The page-level helpers around reading: lines, glyph boxes, dates, form recognition.
@Suite struct PageTextTests {
    @Test("glyphs are grouped into lines, each left to right, and white space is dropped")
    func lines() {
        var page = SyntheticPage()
        page.write("名称", x: 100, y: 100)
        page.write("单位", x: 50, y: 102)  // a little lower: still the same line
        page.write("A B", x: 50, y: 120, spaceGlyphs: true)
        let lines = LineBuilder.lines(page.glyphs)
        #expect(lines.map { String($0.glyphs.map(\.character)) } == ["单位名称", "AB"])
        #expect(lines[0].box == Rect(x0: 50, y0: 100, x1: 120, y1: 112))
    }

    @Test("boxes as tall as the whole font box are cut down to one em around their centre")
    func tallBoxesNormalized() {
        let glyphs = [
            Glyph("单", Rect(x0: 0, y0: 0, x1: 10, y1: 30)),
            Glyph("位", Rect(x0: 10, y0: 0, x1: 20, y1: 30)),
            Glyph("A", Rect(x0: 20, y0: 0, x1: 25, y1: 30)),
            Glyph("名", Rect(x0: 0, y0: 40, x1: 10, y1: 50)),  // an ordinary box stays as it is
        ]
        #expect(GlyphBoxes.normalized(glyphs).map(\.box) == [
            Rect(x0: 0, y0: 9.5, x1: 10, y1: 20.5),
            Rect(x0: 10, y0: 9.5, x1: 20, y1: 20.5),
            Rect(x0: 20, y0: 9.5, x1: 25, y1: 20.5),
            Rect(x0: 0, y0: 40, x1: 10, y1: 50),
        ])
    }

    @Test("ideographs given as Kangxi radicals or compatibility ideographs, and spaces as control characters, are put right")
    func textLayerCharactersNormalized() {
        let text: [Character] = ["⼭", "东", "\u{1}", "⽉", "\u{F91F}", "A"]
        let glyphs = text.enumerated().map { Glyph($0.element, Rect(x0: Double($0.offset) * 10, y0: 0, x1: Double($0.offset) * 10 + 10, y1: 10)) }
        // U+F91F is a compatibility ideograph of 蘭.
        #expect(String(GlyphBoxes.normalized(glyphs).map(\.character)) == "山东 月蘭A")
    }

    @Test("a watermark turned across the page (仅供医保经办使用, large) is no text of the form; a larger title and a large character are")
    func watermarkDropped() {
        // A line of body text, 8 high; the title, 13 high; one large character, 25 high.
        var glyphs = "单位名称：聊城市鑫源精密机械有限公司住所地址山东省".enumerated().map {
            Glyph($0.element, Rect(x0: 50 + Double($0.offset) * 8, y0: 170, x1: 58 + Double($0.offset) * 8, y1: 178))
        }
        glyphs.append(Glyph("印", Rect(x0: 400, y0: 600, x1: 425, y1: 625)))
        glyphs += "变更登记表".enumerated().map { Glyph($0.element, Rect(x0: 150 + Double($0.offset) * 13, y0: 60, x1: 163 + Double($0.offset) * 13, y1: 73)) }
        // Each character of the watermark up and to the right of the one before.
        glyphs += "仅供医保经办使用".enumerated().map { i, c in
            Glyph(c, Rect(x0: 148 + Double(i) * 40, y0: 503 - Double(i) * 25, x1: 185 + Double(i) * 40, y1: 536 - Double(i) * 25))
        }
        let kept = String(GlyphBoxes.normalized(glyphs).map(\.character))
        #expect(kept == "单位名称：聊城市鑫源精密机械有限公司住所地址山东省印变更登记表")
    }

    @Test("lines shaped like a date, real or not, are told from other lines",
          arguments: ["2026年11月16日", "2026 年 1 月 6 日", "2026-11-16", "2026.11.16", "2026/1/16", "20261116", "2024年13月5日", "二〇二六年十一月十六日"])
    func dateShapedLines(text: String) {
        #expect(Interpret.looksLikeDate(text))
    }

    @Test("text that is not a whole date is not shaped like one", arguments: ["2026年11月", "11/16/2026", "2026111", "0635-8211234"])
    func notDates(text: String) {
        #expect(!Interpret.looksLikeDate(text))
    }

    @Test("a form's score is half for its title and half the share of its labels found")
    func signatureScore() throws {
        let form = try makeForm(title: "参保登记表", fields: [textField("unitName", "单位名称"), textField("phone", "联系电话")],
                                columns: [1, 3],
                                rows: [row(label("单位名称"), field("unitName")), row(label("联系电话"), field("phone"))])
        let signature = LayoutReader.Signature(form: form)
        func score(_ text: String) -> Double {
            signature.score(LayoutReader.RecognitionText(Array(String(text.compactMap(LabelFolding.fold)).utf8)))
        }
        #expect(score("参保登记表 单位名称：聊城光明") == 0.75)
        #expect(score("参 保 登 记 表 单位名称 联系电话") == 1)
        #expect(score("联系电话") == 0.25)
        #expect(score("另一张表") == 0)
    }
}
