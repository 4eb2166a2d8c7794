import Foundation
import IntakeCore
import IntakeTestSupport
import Pipeline
import Readers
import Testing

@Suite("Bundles: an application with its materials, as a folder or a zip")
struct BundleTests {
    let bundles = pdfFixtures.appendingPathComponent("bundles")

    /// With OCR: a bundle's scanned files are recognised by what they show. `elapsed` is the
    /// pipeline's own time, on its thread (not the wait for the test to be resumed).
    func run(_ path: String, render: Bool = false) async throws -> (Pipeline.Outcome, TemporaryDirectory, elapsed: Duration) {
        let output = try TemporaryDirectory("bundle-out")
        let pipeline = Pipeline(catalog: Repository.catalog, options: .init(outputRoot: output.url, render: render,
                                                                            recognizer: Self.recognizer, today: Repository.processingDay))
        let (outcome, elapsed) = try await offThePool {
            let started = ContinuousClock.now
            let outcome = pipeline.process(path: path)
            return (outcome, ContinuousClock.now - started)
        }
        return (outcome, output, elapsed)
    }

    static let recognizer = EngineRecognizer()

    @Test("A complete bundle folder: every material provided, each by the file that proved it")
    func complete() async throws {
        let (outcome, _, _) = try await run(bundles.appendingPathComponent("lc-unit-enrollment-complete").path)
        guard case .processed(let r) = outcome else { Issue.record("\(outcome)"); return }
        #expect(r.formID == "lc-unit-enrollment")
        #expect(r.status == .accepted)
        let approval = try #require(r.materials.first { $0.id == "approval-document" })
        #expect(approval.status == .provided)
        // Both the PDF and the scanned copy are that material; one of them proves it.
        #expect(["单位批准成立文件.pdf", "scans/单位批准成立文件复印件.jpg"].contains(approval.file ?? ""))
        // Each recognised by what it shows, whatever its name: the sealed page as the application form.
        let attachment = try #require(r.attachments.first { $0.material == "approval-document" })
        #expect(attachment.evidence == "content")
        #expect(r.attachments.first { $0.file == "scans/参保信息登记表-盖章页.jpg" }?.kind == "application-form")
        #expect(r.attachments.first { $0.file == "营业执照.pdf" }?.kind == "business-license")
        // The application itself is the typed PDF, read by layout.
        #expect(r.source.method == .pdfText)
    }

    @Test("A bundle missing one material: the notice names exactly that material")
    func missingOne() async throws {
        // The output folder lives as long as the test: the notice is read from it.
        let (outcome, output, _) = try await run(bundles.appendingPathComponent("lc-unit-enrollment-missing-one").path, render: true)
        guard case .processed(let r) = outcome else { Issue.record("\(outcome)"); return }
        #expect(r.status == .incomplete)
        let missing = r.problems.filter { $0.code == .missingMaterial }
        #expect(missing.map(\.field) == ["approval-document"])
        #expect(r.problems.count == 1, "\(r.problems)")
        // 营业执照 is not this item's material (the guide names 单位批准成立文件): not taken as it.
        #expect(r.attachments.first { $0.file == "营业执照.pdf" }?.material == nil)
        let notice = try pdfText(URL(fileURLWithPath: r.outputs.directory).appendingPathComponent("notice.pdf").path)
        #expect(squeezed(notice).contains("单位批准成立文件复印件"))
        withExtendedLifetime(output) {}
    }

    @Test("A zipped bundle is read in memory like a folder")
    func zip() async throws {
        let (outcome, _, _) = try await run(bundles.appendingPathComponent("zips/good.zip").path)
        guard case .processed(let r) = outcome else { Issue.record("\(outcome)"); return }
        #expect(r.formID == "lc-unit-enrollment")
        #expect(r.materials.first { $0.id == "approval-document" }?.status == .provided)
    }

    @Test("Hostile zips are refused with a reason, and nothing is written anywhere", arguments: [
        "traversal.zip", "absolute.zip", "symlink.zip", "bomb.zip", "bomb-deflate.zip", "issue17-central-directory.zip",
    ])
    func hostile(name: String) async throws {
        let marker = URL(fileURLWithPath: "/tmp/evil.txt")
        let existed = FileManager.default.fileExists(atPath: marker.path)
        let (outcome, output, elapsed) = try await run(bundles.appendingPathComponent("zips/\(name)").path)
        guard case .failed(let error) = outcome else { Issue.record("\(name) was not refused: \(outcome)"); return }
        #expect(error.code == .badZip, "\(name): \(error)")
        #expect(elapsed < .seconds(10))
        let written = (try? FileManager.default.subpathsOfDirectory(atPath: output.url.path)) ?? []
        #expect(written.filter { !$0.hasPrefix(".tmp") }.isEmpty)
        if !existed { #expect(!FileManager.default.fileExists(atPath: marker.path)) }
    }
}
