import Foundation
import FormReading
import IntakeCore
import IntakeTestSupport
import Poppler
@testable import Readers
import Testing

/// A fillable form's widget values laid out where they stand, without the text poppler draws for
/// them (`/NeedAppearances`) running out of a narrow box into the next cell.
struct AcroFormTextTests {
    /// Glyphs of `text` from `x`, one every `advance` points, on the line at `y`.
    func drawn(_ text: String, x: Double, y: Double = 100, advance: Double = 4.5) -> [Glyph] {
        text.enumerated().map { i, c in
            Glyph(c, Rect(x0: x + Double(i) * advance, y0: y, x1: x + Double(i) * advance + advance * 0.95, y1: y + 7.4))
        }
    }

    @Test("a value too long for its box loses the part drawn past the box, not the next cell's own text")
    func spillRemoved() {
        let box = Rect(x0: 280, y0: 95, x1: 312, y1: 112)
        // R37203625932 drawn from 280: "932" falls past 312; the next widget drew "2" at 315.6.
        let glyphs = drawn("R37203625932", x: 280.5) + [Glyph("2", Rect(x0: 315.6, y0: 100, x1: 320, y1: 107.4))]
            + drawn("备注", x: 400)
        let kept = AcroFormText.withoutSpill(of: "R37203625932", from: box, in: glyphs)
        let outside = kept.filter { $0.box.midX > box.x1 }.map(\.character)
        #expect(String(outside) == "2备注")
    }

    @Test("the next widget's own text drawn over the run is not taken for the run's continuation")
    func overdrawnNeighbour() {
        // R37068935272 in a box ending at 301; the 胎次 widget (317.4–322.8) drew its own 2 at 319.4.
        let box = Rect(x0: 279.7, y0: 224, x1: 301, y1: 241)
        let run = drawn("R37068935272", x: 281.7, y: 229.9, advance: 4.448)
        let own = Glyph("2", Rect(x0: 319.4, y0: 229.9, x1: 323.8, y1: 237.3))
        let kept = AcroFormText.withoutSpill(of: "R37068935272", from: box, in: run + [own])
        #expect(kept.filter { $0.box.midX > box.x1 } == [own])
    }

    @Test("characters poppler could not draw (CJK without a font) are skipped, printed text after a gap stays")
    func undrawableAndGap() {
        let box = Rect(x0: 100, y0: 95, x1: 130, y1: 112)
        // 2026年6月21日 drawn without its CJK: 2026 6 21, then a printed 元 far to the right.
        let glyphs = drawn("2026", x: 101) + drawn("6", x: 124) + drawn("21", x: 131) + drawn("元", x: 170)
        let kept = AcroFormText.withoutSpill(of: "2026年6月21日", from: box, in: glyphs)
        #expect(String(kept.filter { $0.box.midX > box.x1 }.map(\.character)) == "元")
    }

    @Test("glyphs on another line are not the widget's")
    func otherLine() {
        let box = Rect(x0: 100, y0: 95, x1: 120, y1: 112)
        let glyphs = drawn("123456", x: 101) + drawn("56", x: 125, y: 140)
        let kept = AcroFormText.withoutSpill(of: "123456", from: box, in: glyphs)
        #expect(kept.count == 6, "the 5 and 6 past the box go")
        #expect(kept.filter { $0.box.y0 == 140 }.count == 2, "the line below keeps its 56")
    }
}

/// Fillable forms whose widgets wear visible borders (LibreOffice's form export, tuning probes of
/// `Tests/Fixtures/layouts/make_probes.py`), with their truth files.
private func probe(_ name: String) throws -> (result: SubmissionResult, truth: [String: String]) {
    let probes = Repository.fixtures.appendingPathComponent("layouts/probes")
    let result = try #require(try processed(probes.appendingPathComponent(name + ".pdf").path))
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: probes.appendingPathComponent(name + ".json"))) as? [String: Any]
    let values = try #require(json?["values"] as? [String: Any])
    return (result, values.compactMapValues { $0 as? String })
}

/// A form of the layouts corpus (`Tests/Fixtures/layouts/pdf`) read, with its truth's values.
func layoutCase(_ name: String) throws -> (result: SubmissionResult, values: [String: Any]) {
    let layouts = Repository.fixtures.appendingPathComponent("layouts")
    let result = try #require(try processed(layouts.appendingPathComponent("pdf/\(name).pdf").path))
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: layouts.appendingPathComponent("truth/\(name).json"))) as? [String: Any]
    return (result, try #require(json?["values"] as? [String: Any]))
}

@Test("a framed widget is read where it stands: its frame is no cell of the form's table (the date under 单位（盖章） came back blank)")
func framedWidgetRead() throws {
    let (result, truth) = try probe("lc-unit-enrollment.ff-f.fillable.01")
    let date = try #require(result.fields.first { $0.key == "declarationDate" })
    #expect(date.normalized == truth["declarationDate"], "\(String(describing: date.value))")
    #expect(date.source?.needsReview == false)
}

@Test("a text area filling its cell under its label is read: its frame's top, run on to the column rule, is no row of the table")
func framedTextAreaUnderItsLabel() throws {
    // 住所（地址） of the 变更登记表 as LibreOffice exports it with visible borders (family ff-c).
    let (result, truth) = try layoutCase("lc-unit-change.ff-c.fillable.01")
    for key in ["addressOld", "addressNew"] {
        let field = try #require(result.fields.first { $0.key == key })
        #expect(field.value == .text(try #require(truth[key] as? String)), "\(key): \(String(describing: field.value))")
        #expect(field.source?.needsReview == false)
    }
}

@Test("the ? a form filler draws for each character it cannot encode, past a narrow widget's clip, is no part of any value")
func questionMarksOfAnUnencodableValue() throws {
    // pypdf fills a LibreOffice form's table with Helvetica appearances: 费县人民医院 is drawn
    // ??????, and the ? beyond the widget's box had joined this value and the next cell's.
    let (result, values) = try layoutCase("ly-maternity-allowance.ff-o.fillable.01")
    let truth = try #require(values["employees"] as? [[String: String]])
    let table = try #require(result.fields.first { $0.key == "employees" })
    guard case .rows(let rows) = table.value else { Issue.record("no rows: \(String(describing: table.value))"); return }
    #expect(rows.count == truth.count)
    for (row, want) in zip(rows, truth) {
        for column in ["hospitalName", "eventMethod", "paymentMethod", "bankCardNumber"] {
            #expect(row[column]?.display == want[column], "\(column): \(String(describing: row[column]))")
        }
    }
}

@Test("a widget named after its label, #-escaped as LibreOffice writes it, is read by its name")
func widgetNamedAfterItsLabel() throws {
    #expect(AcroFormNames.unescaped("#E5#8D#95#E4#BD#8D#E7#94#B3#E6#98#8E#E5#B9#B4#E6#9C#88#E6#97#A5") == "单位申明年月日")
    #expect(AcroFormNames.unescaped("Text1") == nil)
    #expect(AcroFormNames.unescaped("#FF#FE") == nil, "no UTF-8: not a label")
    let (result, truth) = try probe("lc-unit-enrollment.ff-g.fillable.01")
    let date = try #require(result.fields.first { $0.key == "declarationDate" })
    #expect(date.normalized == truth["declarationDate"], "\(String(describing: date.value))")
    #expect(date.source?.needsReview == false)
}

@Test("poppler is not asked to draw a fillable form's widgets afresh: the key is renamed in place, no offset moves")
func needAppearancesHidden() throws {
    let path = Repository.fixtures.appendingPathComponent("layouts/probes/lc-unit-enrollment.ff-j.fillable.01.pdf")
    let bytes = [UInt8](try Data(contentsOf: path))
    #expect(String(decoding: bytes, as: UTF8.self).contains("/NeedAppearances true"))
    let hidden = StaleAppearances.hidden(bytes)
    #expect(hidden.count == bytes.count)
    #expect(!String(decoding: hidden, as: UTF8.self).contains("/NeedAppearances"))
    #expect(zip(bytes, hidden).filter { $0 != $1 }.count == 1, "one byte: the key's last letter")
    let document = try PDFDocument(bytes: hidden)
    #expect(document.page(at: 0)?.formFields().isEmpty == false, "the widgets and their values are still there")
}

@Test("an option ticked where its words wrap to the next line is read: the strokes of tight small type are no rule between the lines")
func tickedOptionAcrossLines() throws {
    let (result, truth) = try probe("lc-unit-enrollment.ff-j.fillable.01")
    let unitType = try #require(result.fields.first { $0.key == "unitType" })
    #expect(unitType.value == .text(try #require(truth["unitType"])), "\(String(describing: unitType.value))")
    #expect(!result.problems.contains { $0.field == "unitType" })
}

@Test("a filled widget no value was read from leaves the fields read blank flagged, not silently empty")
func unplacedWidgetFlagsBlanks() throws {
    // The date's widget, renamed Text99 and moved into the page's bottom margin, has no printed
    // label near it and stands in no cell of the form.
    let (result, _) = try probe("lc-unit-enrollment.ff-g.unnamed-date")
    let date = try #require(result.fields.first { $0.key == "declarationDate" })
    #expect(date.value == nil || date.value?.isBlank == true, "read as \(String(describing: date.value)): if it is read now, find another unplaced widget for this test")
    #expect(date.source?.needsReview == true)
    #expect(result.status == .needsReview)
    // Fields read from their widgets stay vouched for.
    let uscc = try #require(result.fields.first { $0.key == "uscc" })
    #expect(uscc.source?.needsReview == false && uscc.normalized != nil)
}

@Test("a landscape 审核表 stored as a portrait page with /Rotate 90 is read: its widgets stand beside their labels")
func fillableFormOnARotatedPage() throws {
    let (result, values) = try layoutCase("ly-maternity-allowance.ff-s.fillable.01")
    #expect(result.formID == "ly-maternity-allowance")
    let unit = try #require(result.fields.first { $0.key == "unitName" })
    #expect(unit.value == .text(try #require(values["unitName"] as? String)))
    let truth = try #require(values["employees"] as? [[String: String]])
    let table = try #require(result.fields.first { $0.key == "employees" })
    guard case .rows(let rows) = table.value else { Issue.record("no rows: \(String(describing: table.value))"); return }
    #expect(rows.count == truth.count)
    for (row, want) in zip(rows, truth) {
        for column in ["name", "idNumber", "birthCertificateNumber", "hospitalName"] {
            #expect(row[column]?.display == want[column], "\(column): \(String(describing: row[column]))")
        }
    }
}

@Test("the first row under a table's repeated header is read, though the header's words run on into it")
func firstRowUnderAShallowRepeatedHeader() throws {
    // Page 2 of this 审核表 repeats the header shallower: 出生医学证明编号 and 胎儿数 run on past
    // their cells into the first row, which had been skipped as printed words.
    let (result, values) = try layoutCase("ly-maternity-allowance.ff-r.fillable.01")
    let truth = try #require(values["employees"] as? [[String: String]])
    let table = try #require(result.fields.first { $0.key == "employees" })
    guard case .rows(let rows) = table.value else { Issue.record("no rows: \(String(describing: table.value))"); return }
    #expect(rows.map { $0["name"]?.display } == truth.map { $0["name"] })
}
