import Foundation
import IntakeCore
import IntakeTestSupport
import Pipeline
import Readers
import Testing

/// One fixture's truth file (Tests/Fixtures/pdf/truth, written by make_fixtures.py).
struct Truth: Decodable {
    var form: String
    var file: String
    var program: String
    var kind: String
    var values: [String: FieldValue]
}

let pdfFixtures = Repository.fixtures.appendingPathComponent("pdf")

func truths(kinds: Set<String>) throws -> [Truth] {
    let folder = pdfFixtures.appendingPathComponent("truth")
    return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().filter { $0.hasSuffix(".json") }
        .map { try JSONDecoder().decode(Truth.self, from: Data(contentsOf: folder.appendingPathComponent($0))) }
        .filter { kinds.contains($0.kind) }
}

func processed(_ path: String, recognizer: PageRecognizer? = nil) throws -> SubmissionResult? {
    let output = try TemporaryDirectory("pdf-out")
    let pipeline = Pipeline(catalog: Repository.catalog, options: .init(outputRoot: output.url, render: false, recognizer: recognizer, today: Repository.processingDay))
    switch pipeline.process(path: path) {
    case .processed(let result): return result
    case .duplicate: return nil
    case .failed(let error):
        Issue.record("\(path): \(error)")
        return nil
    }
}

/// Field-by-field comparison; table cells count one by one. Dates compare in ISO form.
struct Score {
    var exact = 0
    var total = 0
    var misses: [String] = []
    /// Misses that differ only by white space (a space lost where a line wrapped at it).
    var spacingOnly: Set<String> = []

    mutating func compare(_ truth: Truth, with result: SubmissionResult) {
        let got = Dictionary(uniqueKeysWithValues: result.fields.map { ($0.key, $0) })
        for (key, want) in truth.values.sorted(by: { $0.key < $1.key }) where !want.isBlank {
            if case .rows(let rows) = want {
                let gotRows: [[String: FieldValue]]
                if case .rows(let r)? = got[key]?.value { gotRows = r } else { gotRows = [] }
                for (i, row) in rows.enumerated() {
                    for (column, value) in row.sorted(by: { $0.key < $1.key }) where !value.isBlank {
                        total += 1
                        let g = i < gotRows.count ? gotRows[i][column] : nil
                        if g.map({ same($0, value) }) == true { exact += 1 } else { misses.append("\(truth.file) \(key)[\(i)].\(column): want \(value.display) got \(g?.display ?? "-")") }
                    }
                }
                continue
            }
            total += 1
            let field = got[key]
            if let v = field?.value, same(v, want) || field?.normalized == want.display { exact += 1 } else {
                let miss = "\(truth.file) \(key): want \(want.display) got \(field?.value?.display ?? "-")"
                misses.append(miss)
                if let v = field?.value, v.display.filter({ !$0.isWhitespace }) == want.display.filter({ !$0.isWhitespace }) {
                    spacingOnly.insert(miss)
                }
            }
        }
    }

    func same(_ a: FieldValue, _ b: FieldValue) -> Bool {
        a.options == b.options || a.display == b.display
    }

    var share: Double { total == 0 ? 0 : Double(exact) / Double(total) }
}

@Suite("Typed PDFs from other programs")
struct TypedPDFTests {
    @Test("LibreOffice and Chromium PDFs of every mission form are read field by field")
    func typedAccuracy() throws {
        var byProgram: [String: Score] = [:]
        for truth in try truths(kinds: ["typed"]) {
            guard let result = try processed(pdfFixtures.appendingPathComponent(truth.file).path) else { continue }
            #expect(result.formID == truth.form, "\(truth.file) recognised as \(result.formID)")
            #expect(result.source.method == .pdfText)
            byProgram[truth.program, default: Score()].compare(truth, with: result)
        }
        var all = Score()
        for (program, score) in byProgram.sorted(by: { $0.key < $1.key }) {
            print("typed PDF field accuracy, \(program): \(score.exact)/\(score.total) = \(String(format: "%.1f", score.share * 100)) %")
            all.exact += score.exact; all.total += score.total; all.misses += score.misses
        }
        print("typed PDF field accuracy, all: \(all.exact)/\(all.total) = \(String(format: "%.1f", all.share * 100)) %")
        all.misses.prefix(20).forEach { print("  miss: \($0)") }
        #expect(byProgram.count >= 2, "at least two layout programs")
        #expect(all.total > 900)
        #expect(all.share >= 0.99)
    }

    @Test("Each field says where on which page it was read")
    func provenance() throws {
        let file = pdfFixtures.appendingPathComponent("typed/lc-unit-enrollment.lo.pdf").path
        let result = try #require(try processed(file))
        let name = try #require(result.fields.first { $0.key == "unitName" })
        let source = try #require(name.source)
        #expect(source.method == .pdfText)
        #expect(source.page == 1)
        #expect(source.confidence == 1)
        let box = try #require(source.box)
        #expect(box.count == 4 && box[0] < box[2] && box[1] < box[3] && box[3] < 842)
    }

    @Test("A fillable (AcroForm) PDF is read from its widgets, placed beside the printed labels")
    func acroform() throws {
        var score = Score()
        for truth in try truths(kinds: ["acroform"]) {
            guard let result = try processed(pdfFixtures.appendingPathComponent(truth.file).path) else { continue }
            #expect(result.formID == truth.form)
            #expect(result.source.method == .acroform)
            score.compare(truth, with: result)
        }
        print("AcroForm field accuracy: \(score.exact)/\(score.total) = \(String(format: "%.1f", score.share * 100)) %")
        score.misses.prefix(10).forEach { print("  miss: \($0)") }
        #expect(score.share >= 0.9)
    }
}

@Suite("intake's own form.pdf read back")
struct RoundTripTests {
    @Test("The rendered form of each mission sample gives back its fields", arguments: [
        "lc-complete.xml", "ly-complete.xml", "lc-unit-change-complete.xml", "lc-unit-cancellation-complete.xml",
        "lc-maternity-allowance-complete.xml", "ly-maternity-allowance-complete.xml",
        "lc-institution-hospital-complete.xml", "ly-institution-hospital-complete.xml",
        "lc-institution-pharmacy-complete.xml", "ly-institution-pharmacy-complete.xml",
    ])
    func roundTrip(sample: String) throws {
        let output = try TemporaryDirectory("rt")
        let pipeline = Pipeline(catalog: Repository.catalog, options: .init(outputRoot: output.url, today: Repository.processingDay))
        guard case .processed(let original) = pipeline.process(path: Repository.sample(sample)) else {
            Issue.record("sample not processed"); return
        }
        let pdf = URL(fileURLWithPath: original.outputs.directory).appendingPathComponent("form.pdf").path
        let read = try #require(try processed(pdf))
        #expect(read.formID == original.formID)
        var exact = 0, total = 0
        for field in original.fields {
            guard let want = field.value, !want.isBlank else { continue }
            total += 1
            let got = read.fields.first { $0.key == field.key }
            let wantText = field.normalized ?? want.display, gotText = got?.normalized ?? got?.value?.display
            // A space typed between words and a number is lost where the line wrapped at it.
            if got?.value == want || gotText == wantText
                || gotText.map({ $0.filter { !$0.isWhitespace } }) == wantText.filter({ !$0.isWhitespace }) {
                exact += 1
            } else {
                Issue.record("\(sample) \(field.key): wrote \(wantText), read \(gotText ?? "-")")
            }
        }
        #expect(total > 5)
        #expect(exact == total)
    }
}
