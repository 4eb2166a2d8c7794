import Foundation
import IntakeCore
import IntakeTestSupport
import Pipeline
import Testing

@Suite("Bad PDFs")
struct BadPDFTests {
    func outcome(_ name: String) throws -> (Pipeline.Outcome, Duration, written: [String]) {
        let output = try TemporaryDirectory("bad-pdf")
        let path = pdfFixtures.appendingPathComponent("bad/\(name)").path
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let pipeline = Pipeline(catalog: Repository.catalog, options: .init(outputRoot: output.url, render: false, today: Repository.processingDay))
        var result: Pipeline.Outcome!
        let elapsed = ContinuousClock().measure { result = pipeline.process(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the original must not change")
        let written = (try? FileManager.default.subpathsOfDirectory(atPath: output.url.path)) ?? []
        return (result, elapsed, written.filter { !$0.hasPrefix(".tmp") })
    }

    func code(_ outcome: Pipeline.Outcome) -> String? {
        if case .failed(let error) = outcome { return error.code.rawValue }
        return nil
    }

    @Test("Encrypted: a clear error, no password asked, nothing written")
    func encrypted() throws {
        let (o, _, written) = try outcome("encrypted.pdf")
        #expect(code(o) == "encrypted")
        if case .failed(let e) = o { #expect(e.message.contains("encrypted")) }
        #expect(written.isEmpty)
    }

    @Test("A PDF with only an owner password (copy restricted) is read")
    func ownerOnly() throws {
        let (o, _, _) = try outcome("owner-only.pdf")
        guard case .processed(let r) = o else { Issue.record("not processed: \(o)"); return }
        #expect(r.source.method == .pdfText)
    }

    @Test("Truncated, zero pages, a photo renamed .pdf (read as the image it is), an unrelated document, an attachment claiming size -1: each a clear error",
          arguments: [
        ("truncated.pdf", ["damaged-pdf", "unknown-form"]), ("zero-pages.pdf", ["empty-pdf", "damaged-pdf"]),
        ("jpeg-renamed.pdf", ["ocr-unavailable", "unknown-form"]), ("not-a-form.pdf", ["unknown-form"]),
        ("issue17-attachment-size.pdf", ["unknown-form"]),
    ])
    func failures(name: String, codes: [String]) throws {
        let (o, _, written) = try outcome(name)
        let c = code(o)
        #expect(c.map(codes.contains) == true, "\(name): \(o)")
        #expect(written.isEmpty)
    }

    @Test("2,000 pages: only the first pages are looked at, so it ends quickly")
    func manyPages() throws {
        let (o, elapsed, _) = try outcome("many-pages.pdf")
        #expect(code(o) == "unknown-form")
        #expect(elapsed < .seconds(20))
    }
}
