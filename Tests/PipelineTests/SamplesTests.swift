import Catalog
import Foundation
import IntakeCore
import IntakeTestSupport
import Pipeline
import Testing

/// What each bundled sample must come to (samples/README.md says why).
let expectedSamples: [(file: String, status: SubmissionResult.Status, codes: [ProblemCode])] = [
    ("lc-bad-id-check.xml", .incomplete, [.invalidCheckDigit]),
    ("lc-bad-uscc.xml", .incomplete, [.invalidCheckDigit]),
    ("lc-chiping-old-code.xml", .accepted, []),
    ("lc-complete.xml", .accepted, []),
    ("lc-entrusted-complete.xml", .accepted, []),
    ("lc-entrusted-missing-poa.xml", .incomplete, [.missingMaterial]),
    ("lc-gb18030.xml", .accepted, []),
    ("lc-institution-hospital-complete.xml", .accepted, []),
    ("lc-institution-hospital-missing-license.xml", .incomplete, [.missingRequired]),
    ("lc-institution-pharmacy-bad-phone.xml", .incomplete, [.invalidFormat]),
    ("lc-institution-pharmacy-complete.xml", .accepted, []),
    ("lc-kaifaqu-missing-fields.xml", .incomplete, [.dateFormat, .missingMaterial, .missingRequired]),
    ("lc-maternity-allowance-bad-id-check.xml", .incomplete, [.invalidCheckDigit]),
    ("lc-maternity-allowance-complete.xml", .accepted, []),
    ("lc-maternity-allowance-gender-mismatch.xml", .incomplete, [.idGenderMismatch]),
    ("lc-settlement-claim-complete.xml", .accepted, []),
    ("lc-settlement-claim-period-reversed.xml", .incomplete, [.dateOrder]),
    ("lc-unit-cancellation-complete.xml", .accepted, []),
    ("lc-unit-cancellation-date-order.xml", .incomplete, [.dateOrder]),
    ("lc-unit-change-complete.xml", .accepted, []),
    ("lc-unit-change-missing-fields.xml", .incomplete, [.dateFormat, .missingRequired]),
    ("lc-unit-change-nothing-changed.xml", .incomplete, [.missingRequired]),
    ("ly-complete.xml", .accepted, []),
    ("ly-institution-hospital-bad-values.xml", .incomplete, [.dateOrder, .invalidFormat, .missingRequired]),
    ("ly-institution-hospital-complete.xml", .accepted, []),
    ("ly-institution-pharmacy-complete.xml", .accepted, []),
    ("ly-institution-pharmacy-two-types.xml", .incomplete, [.invalidBirthDate, .tooManyOptions]),
    ("ly-insurance-certificate-complete.xml", .accepted, []),
    ("ly-insurance-certificate-future-date.xml", .incomplete, [.dateOrder, .invalidFormat]),
    ("ly-maternity-allowance-bad-rows.xml", .incomplete, [.dateFormat, .invalidCheckDigit]),
    ("ly-maternity-allowance-complete.xml", .accepted, []),
    ("ly-maternity-allowance-row-gender.xml", .incomplete, [.idGenderMismatch]),
    ("ly-one-net.xml", .accepted, []),
    ("ly-settlement-claim-bad-numbers.xml", .incomplete, [.invalidFormat, .missingRequired]),
    ("ly-settlement-claim-complete.xml", .accepted, []),
    ("ly-transfer-contact-letter-complete.xml", .accepted, []),
    ("ly-transfer-contact-letter-other-unexplained.xml", .incomplete, [.missingRequired, .tooManyOptions]),
    ("ly-transfer-type-change-complete.xml", .accepted, []),
    ("ly-transfer-type-change-gender-mismatch.xml", .incomplete, [.idGenderMismatch, .invalidOption]),
    // Items without a form, named by id (`<submission item="…">`).
    ("lc-item-remote-filing-complete.xml", .accepted, []),
    ("lc-item-inpatient-reimbursement-missing.xml", .incomplete, [.missingMaterial]),
    ("lc-item-not-offered.xml", .rejected, [.unknownRegion]),
    ("ly-item-account-lump-sum-entrusted.xml", .incomplete, [.invalidCheckDigit, .missingMaterial]),
    ("zb-item-unit-payment-query-complete.xml", .accepted, []),
    ("cl-item-remote-filing-bad-id.xml", .incomplete, [.invalidCheckDigit]),
]

/// The samples on an official form (item submissions have none to print).
let formSamples = expectedSamples.map(\.file).filter { !$0.contains("-item-") }

func process(_ path: String, into output: URL, reprocess: Bool = false) -> Pipeline.Outcome {
    Pipeline(catalog: Repository.catalog, options: .init(outputRoot: output, reprocess: reprocess, today: Repository.processingDay)).process(path: path)
}

func processed(_ outcome: Pipeline.Outcome) throws -> SubmissionResult {
    guard case .processed(let result) = outcome else {
        Issue.record("expected a processed result, got \(outcome)")
        throw CancellationError()
    }
    return result
}

@Test("Every sample in samples/ has an expectation here and a line in samples/README.md")
func everySampleIsExpected() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Repository.samples.path).filter { $0.hasSuffix(".xml") }
    let readme = try String(contentsOf: Repository.samples.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(Set(files) == Set(expectedSamples.map(\.file)))
    for file in files { #expect(readme.contains(file), "samples/README.md does not describe \(file)") }
}

@Test("Every sample reaches its expected status and problems", arguments: expectedSamples.map(\.file))
func sampleStatus(file: String) throws {
    let expected = try #require(expectedSamples.first { $0.file == file })
    let temp = try TemporaryDirectory()
    let result = try processed(process(Repository.sample(file), into: temp.url))
    #expect(result.status == expected.status, "\(result.problems)")
    #expect(Set(result.problems.map(\.code)) == Set(expected.codes))
    let folder = URL(fileURLWithPath: result.outputs.directory)
    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) }
    let itemOnly = file.contains("-item-")
    #expect((result.form == nil) == itemOnly)
    #expect(exists("form.pdf") == !itemOnly)
    #expect(exists("notice.pdf") == (expected.status == .incomplete))
    // A complete item submission without a form gets its 受理回执 at once.
    #expect(exists("receipt.pdf") == (itemOnly && expected.status == .accepted))
}

@Test("form.pdf holds every printed label of the template and every submitted value, fonts embedded",
      arguments: formSamples)
func formText(file: String) throws {
    let temp = try TemporaryDirectory()
    let result = try processed(process(Repository.sample(file), into: temp.url))
    let pdf = URL(fileURLWithPath: result.outputs.directory).appendingPathComponent("form.pdf").path
    let text = squeezed(try pdfText(pdf))
    let raw = squeezed(try pdfRawText(pdf))
    let form = try #require(Repository.catalog.form(result.formID))
    #expect(text.contains(form.title))
    for row in form.layout.rows {
        for cell in row.cells {
            for block in cell.blocks {
                // A label printed on two lines ("统一社会\n信用代码") is extracted line by line.
                guard case .label(let label) = block.kind else { continue }
                for part in label.split(separator: "\n") { #expect(text.containsWrapped(squeezed(String(part))), "label \(label)") }
            }
        }
    }
    for option in form.fields.flatMap(\.options) { #expect(text.contains(option), "option \(option)") }
    for field in result.fields {
        guard let value = field.value else { continue }
        switch value {
        case .text(let s) where !s.isEmpty:
            // A valid date is printed the official way, "2026年11月9日".
            if field.normalized != nil, case .date(let d) = CalendarDate.parse(s) {
                #expect(text.contains("\(d.year)年\(d.month)月\(d.day)日"), "date \(field.key)")
            } else {
                #expect(text.containsWrapped(squeezed(s)) || raw.contains(squeezed(s)), "value of \(field.key)")
            }
        case .choices(let list):
            for option in list { #expect(text.contains("☑" + option) || text.contains("■" + option), "tick \(option)") }
        default:
            break
        }
    }
    let fonts = try runCommand("/usr/bin/pdffonts", [pdf]).stdout.split(separator: "\n").dropFirst(2)
    #expect(!fonts.isEmpty)
    for line in fonts {
        let columns = line.split(separator: " ", omittingEmptySubsequences: true)
        #expect(columns.count >= 5 && columns[columns.count - 5] == "yes", "font not embedded: \(line)")
    }
    let info = try runCommand("/usr/bin/pdfinfo", [pdf]).stdout
    #expect(info.contains("595.276 x 841.89 pts (A4)"))
}

@Test("notice.pdf names every missing material and faulty field, with the office's contacts")
func noticeText() throws {
    let temp = try TemporaryDirectory()
    let result = try processed(process(Repository.sample("lc-kaifaqu-missing-fields.xml"), into: temp.url))
    let text = squeezed(try pdfText(URL(fileURLWithPath: result.outputs.directory).appendingPathComponent("notice.pdf").path))
    #expect(text.contains("一次性告知书"))
    #expect(text.contains("单位基本医疗保险参保登记"))
    #expect(text.contains("单位批准成立文件复印件1份"))
    #expect(text.contains("手机号码"))
    #expect(text.contains("2026-02-30"))
    // The 开发区 office of this item (000:9, 000:10, 000:22).
    #expect(text.contains("聊城市东昌东路国际会展中心二楼医保业务区"))
    #expect(text.contains("0635-8513983"))
    #expect(text.contains("0635-8518286"))
    #expect(text.contains(result.id))
}

@Test("result.json follows intake.result/1")
func resultJSON() throws {
    let temp = try TemporaryDirectory()
    let result = try processed(process(Repository.sample("lc-bad-id-check.xml"), into: temp.url))
    let url = URL(fileURLWithPath: result.outputs.directory).appendingPathComponent("result.json")
    let data = try Data(contentsOf: url)
    let decoded = try JSONDecoder().decode(SubmissionResult.self, from: data)
    #expect(decoded == result)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    for key in ["schema", "source", "form", "item", "fields", "materials", "problems", "status", "outputs"] {
        #expect(object[key] != nil, "missing key \(key)")
    }
    #expect(decoded.schema == "intake.result/1")
    #expect(decoded.source.sha256.count == 64)
    #expect(decoded.id == String(decoded.source.sha256.prefix(16)))
    #expect(decoded.item?.region == "371500")
    #expect(decoded.form?.title == "单位基本医疗保险参保信息登记表")
    let id = try #require(decoded.fields.first { $0.key == "legalRepIdNumber" })
    #expect(id.label == "身份证号码")
    #expect(id.group == "法定代表人")
    #expect(id.normalized == nil)
    let problem = try #require(decoded.problems.first)
    #expect(problem.code == .invalidCheckDigit)
    #expect(problem.field == "legalRepIdNumber")
    #expect(problem.line != nil)
    let insurance = try #require(decoded.fields.first { $0.key == "insuranceTypes" })
    guard case .choices = insurance.value else {
        Issue.record("a multi-choice value is a list")
        return
    }
    #expect(decoded.materials.allSatisfy { $0.basis.contains(".txt:") })
}

@Test("GB18030 text arrives as UTF-8")
func gb18030() throws {
    let temp = try TemporaryDirectory()
    let result = try processed(process(Repository.sample("lc-gb18030.xml"), into: temp.url))
    #expect(result.source.encoding?.uppercased() == "GB18030")
    #expect(result.item?.district == "临清")
    let name = try #require(result.fields.first { $0.key == "unitName" }?.value?.display)
    #expect(name.hasPrefix("临清"))
}

@Test("The same file twice is recognised; --reprocess replaces its outputs in place")
func duplicates() throws {
    let temp = try TemporaryDirectory()
    let first = try processed(process(Repository.sample("lc-complete.xml"), into: temp.url))
    guard case .duplicate(let id, let previous) = process(Repository.sample("lc-complete.xml"), into: temp.url) else {
        Issue.record("second run must be a duplicate")
        return
    }
    #expect(id == first.id)
    #expect(previous == first.outputs.directory)
    let again = try processed(process(Repository.sample("lc-complete.xml"), into: temp.url, reprocess: true))
    #expect(again.outputs.directory == first.outputs.directory)
    let dates = try FileManager.default.contentsOfDirectory(atPath: temp.url.path).filter { !$0.hasPrefix(".") }
    #expect(dates.count == 1)
    #expect(try FileManager.default.contentsOfDirectory(atPath: temp.url.appendingPathComponent(dates[0]).path) == [first.id])
}

extension String {
    /// True when `needle` stands in the text, or its characters stand in order close together:
    /// a label wrapped inside a narrow cell ("序/号") is extracted interleaved with its neighbours.
    func containsWrapped(_ needle: String) -> Bool {
        if contains(needle) { return true }
        let chars = Array(self)
        let wanted = Array(needle)
        guard let first = wanted.first else { return true }
        for start in chars.indices where chars[start] == first {
            var index = 1
            var position = start + 1
            while index < wanted.count, position < min(chars.count, start + 60) {
                if chars[position] == wanted[index] { index += 1 }
                position += 1
            }
            if index == wanted.count { return true }
        }
        return false
    }
}
