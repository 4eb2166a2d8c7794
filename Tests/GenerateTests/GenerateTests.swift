import Catalog
import Foundation
import Generate
import IntakeCore
import IntakeTestSupport
import Pipeline
import Testing

/// One line of manifest.csv.
struct ManifestRow {
    var file: String, kind: String, form: String, region: String, district: String, handling: String
    var faults: [String], codes: Set<String>, status: String
}

func writeCorpus(_ count: Int, seed: UInt64, faults: Double, kinds: [CorpusWriter.Kind] = [.xml],
                 into dir: URL) throws -> [ManifestRow] {
    let writer = CorpusWriter(catalog: Repository.catalog,
                              options: .init(count: count, kinds: kinds, faultRate: faults, seed: seed))
    try writer.write(to: dir)
    let text = try String(contentsOf: dir.appendingPathComponent("manifest.csv"), encoding: .utf8)
    var lines = text.split(separator: "\n").map(String.init)
    #expect(lines.removeFirst() == CorpusWriter.manifestHeader)
    return lines.map { line in
        let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return ManifestRow(file: f[0], kind: f[1], form: f[2], region: f[3], district: f[4], handling: f[5],
                           faults: f[6].isEmpty ? [] : f[6].split(separator: ";").map(String.init),
                           codes: Set(f[7].split(separator: ";").map(String.init)), status: f[8])
    }
}

/// Every file under `dir`, relative path → bytes.
func tree(_ dir: URL) throws -> [String: Data] {
    var out: [String: Data] = [:]
    let base = dir.path + "/"
    for case let url as URL in FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)! {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
            out[String(url.path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
    }
    return out
}

func process(_ rows: [ManifestRow], in dir: URL) throws -> [(ManifestRow, SubmissionResult)] {
    let output = try TemporaryDirectory("generate-out")
    let pipeline = Pipeline(catalog: Repository.catalog, options: .init(outputRoot: output.url, render: false, reprocess: true, today: Repository.processingDay))
    return try rows.map { row in
        let outcome = pipeline.process(path: dir.appendingPathComponent(row.file).path)
        guard case .processed(let result) = outcome else {
            Issue.record("\(row.file): \(outcome)")
            throw CancellationError()
        }
        return (row, result)
    }
}

@Test("The same seed writes byte-identical files; another seed writes other files")
func determinism() throws {
    let a = try TemporaryDirectory("gen-a"), b = try TemporaryDirectory("gen-b"), c = try TemporaryDirectory("gen-c")
    _ = try writeCorpus(40, seed: 7, faults: 0.5, into: a.url)
    _ = try writeCorpus(40, seed: 7, faults: 0.5, into: b.url)
    _ = try writeCorpus(40, seed: 8, faults: 0.5, into: c.url)
    let ta = try tree(a.url), tb = try tree(b.url), tc = try tree(c.url)
    #expect(ta.count == 41)
    #expect(ta == tb)
    let common = Set(ta.keys).intersection(tc.keys).filter { $0.hasSuffix(".xml") }
    #expect(common.allSatisfy { ta[$0] != tc[$0] } && ta["manifest.csv"] != tc["manifest.csv"])
}

@Test("Fault-free submissions of all 15 forms, every district kind and both handlings are accepted by intake")
func faultFreeAccepted() throws {
    let dir = try TemporaryDirectory("gen-clean")
    let rows = try writeCorpus(240, seed: 42, faults: 0, into: dir.url)
    let results = try process(rows, in: dir.url)
    #expect(Set(rows.map(\.form)) == Set(Repository.catalog.forms.map(\.id)))
    #expect(Set(rows.map(\.form)).count == 15)
    #expect(Set(rows.map(\.handling)) == ["本人", "委托"])
    #expect(Set(rows.map(\.district)).count > 20)
    for (row, result) in results {
        #expect(row.status == "accepted" && row.faults.isEmpty)
        #expect(result.status == .accepted, "\(row.file): \(result.problems.map { "\($0.code) \($0.field ?? "") \($0.message)" })")
        #expect(result.formID == row.form)
        #expect(result.item?.district == row.district, "\(row.file)")
        #expect(result.item?.submittedRegion == row.region)
        #expect(result.materials.allSatisfy { $0.status != .missing })
    }
}

@Test("Every injected fault gives exactly the problem codes the manifest claims")
func faultsProduceTheirCodes() throws {
    let dir = try TemporaryDirectory("gen-faults")
    let rows = try writeCorpus(300, seed: 3, faults: 1, into: dir.url)
    var kinds: Set<String> = []
    for (row, result) in try process(rows, in: dir.url) {
        #expect(!row.faults.isEmpty && row.status == "incomplete")
        kinds.formUnion(row.faults.map { String($0.split(separator: ":")[0]) })
        #expect(result.status == .incomplete)
        #expect(Set(result.problems.map(\.code.rawValue)) == row.codes,
                "\(row.file) \(row.faults): \(result.problems.map { "\($0.code) \($0.field ?? "")" })")
    }
    #expect(kinds == Set(Fault.Kind.allCases.map(\.rawValue)))
}

@Test("Generated codes are valid and agree with the person: USCC, ID number against 性别, dates before today")
func realisticValues() throws {
    let factory = SubmissionFactory(catalog: Repository.catalog, seed: 11, faultRate: 0)
    // The generator makes its dates in 2024–2025 (`Applicant.day`): any later day will do.
    let today = CalendarDate(year: 2026, month: 1, day: 1)!
    var ids = 0
    for i in 0..<60 {
        let draft = factory.draft(i)
        let values = draft.fieldValues
        if case .text(let code)? = values["uscc"] { #expect({ if case .valid = USCC.check(code) { true } else { false } }()) }
        if case .text(let id)? = values["idNumber"], case .valid(let info) = CitizenID.check(id, today: today) {
            ids += 1
            if case .text(let g)? = values["gender"] { #expect(g.hasPrefix(info.gender.rawValue)) }
            if draft.formID.contains("maternity") { #expect(info.gender == .female) }
        }
        if let agent = draft.agent { #expect({ if case .valid = CitizenID.check(agent.idNumber, today: today) { true } else { false } }()) }
        #expect(draft.regionCode.hasPrefix(String(draft.city.prefix(4))))
    }
    #expect(ids > 5)
}

@Test("Typed PDFs are intake's own form.pdf: pdftotext shows the values")
func typedPDFs() throws {
    let dir = try TemporaryDirectory("gen-pdf")
    let rows = try writeCorpus(4, seed: 5, faults: 0, kinds: [.xml, .pdf], into: dir.url)
    #expect(rows.map(\.kind) == ["xml", "pdf", "xml", "pdf", "xml", "pdf", "xml", "pdf"])
    let factory = SubmissionFactory(catalog: Repository.catalog, seed: 5, faultRate: 0)
    for (i, row) in rows.filter({ $0.kind == "pdf" }).enumerated() {
        let path = dir.url.appendingPathComponent(row.file).path
        #expect(FileManager.default.contents(atPath: path)?.starts(with: Array("%PDF-".utf8)) == true)
        let text = squeezed(try pdfText(path))
        let draft = factory.draft(i)
        let form = try #require(Repository.catalog.form(draft.formID))
        #expect(text.contains(squeezed(form.title)))
        // The names, codes, ID numbers and phones the applicant wrote are printed on the form (dates
        // are printed the form's way, 年月日, and long text wraps inside its cell).
        let shown = draft.fields.compactMap { cell -> String? in
            guard case .text(let s) = cell.value, let field = form.field(cell.key) else { return nil }
            switch field.type {
            case .idNumber, .uscc: return s
            case .text, .phone, .mobile: return (2...12).contains(s.count) && !cell.key.contains("Words") ? s : nil
            default: return nil
            }
        }
        #expect(!shown.isEmpty)
        for value in shown { #expect(text.contains(squeezed(value)), "\(row.file): \(value)") }
    }
}

@Test("Streaming: files are spread over numbered folders and the manifest lists each once")
func folders() throws {
    let dir = try TemporaryDirectory("gen-folders")
    let writer = CorpusWriter(catalog: Repository.catalog, options: .init(count: 25, faultRate: 0.3, seed: 1, filesPerFolder: 10))
    let summary = try writer.write(to: dir.url)
    #expect(summary.files == 25)
    let folders = try FileManager.default.contentsOfDirectory(atPath: dir.path("xml")).sorted()
    #expect(folders == ["0000", "0001", "0002"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path("xml/0002")).count == 5)
}
