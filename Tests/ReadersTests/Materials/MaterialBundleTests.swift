import Foundation
import IntakeCore
import IntakeTestSupport
import Pipeline
import Readers
import Testing

/// The tuning corpus's bundles (Tests/Fixtures/materials/truth/tune/bundles.json), each handed in
/// as a bundle folder with an item submission carrying the applicant and agent the truth gives:
/// every planted mismatch is found on its file, and no other file is accused.
@Suite("Materials compared with the application")
struct MaterialBundleTests {
    struct Corpus: Decodable {
        struct Bundle: Decodable {
            struct File: Decodable { var file: String }
            struct Mismatch: Decodable { var file: String; var fact: String; var in_submission: String }
            var id: String
            var files: [File]
            var applicant: [String: String]
            var mismatch: Mismatch?
        }
        var bundles: [Bundle]
    }

    static let root = Repository.fixtures.appendingPathComponent("materials")

    /// The envelope for the bundle's applicant: a unit, or a person (the principal when an agent acts).
    static func submission(_ bundle: Corpus.Bundle) -> String {
        let a = bundle.applicant
        let applicant: String
        if let unit = a["unit_name"] {
            applicant = "<unit><name>\(unit)</name><uscc>\(a["uscc"] ?? "")</uscc></unit>"
        } else {
            applicant = "<person><name>\(a["principal_name"] ?? a["name"] ?? "")</name>"
                + "<idNumber>\(a["principal_id_number"] ?? a["id_number"] ?? "")</idNumber></person>"
        }
        let agent = a["agent_id_number"].map { "<agent><name>\(a["agent_name"] ?? "")</name><idNumber>\($0)</idNumber></agent>" } ?? ""
        let item = a["unit_name"] == nil ? "employee-remote-filing" : "unit-payment-query"
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <submission item="\(item)" version="1"><region>371502</region><handling>\(agent.isEmpty ? "本人" : "委托")</handling>
            <submittedOn>2026-11-20</submittedOn>\(agent)<applicant>\(applicant)</applicant></submission>
            """
    }

    @Test("Every planted mismatch is found, and nothing else is called one")
    func plantedMismatches() async throws {
        let corpus = try JSONDecoder().decode(Corpus.self, from: Data(contentsOf: Self.root.appendingPathComponent("truth/tune/bundles.json")))
        let output = try TemporaryDirectory("material-bundles")
        let pipeline = Pipeline(catalog: Repository.catalog, options: .init(outputRoot: output.url, render: false,
                                                                            recognizer: EngineRecognizer(), today: Repository.processingDay))
        #expect(corpus.bundles.contains { $0.mismatch != nil })
        for bundle in corpus.bundles {
            let folder = output.url.appendingPathComponent("in/\(bundle.id)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Self.submission(bundle).write(to: folder.appendingPathComponent("submission.xml"), atomically: true, encoding: .utf8)
            for file in bundle.files {
                try FileManager.default.copyItem(at: Self.root.appendingPathComponent("tune/\(file.file)"), to: folder.appendingPathComponent(file.file))
            }
            let path = folder.path
            let outcome = try await offThePool { pipeline.process(path: path) }
            guard case .processed(let result) = outcome else { Issue.record("\(bundle.id): \(outcome)"); continue }
            let mismatches = result.problems.filter { $0.code == .materialMismatch }
            let accused = Set(mismatches.compactMap(\.field))
            if let mismatch = bundle.mismatch {
                #expect(accused.contains(mismatch.file), "\(bundle.id): \(result.problems.map(\.message))")
                // Another file may disagree with the same wrong value (the 授权委托书 beside the ID
                // card), never about anything else.
                #expect(mismatches.allSatisfy { $0.message.contains("“\(mismatch.in_submission)”") }, "\(bundle.id): \(mismatches.map(\.message))")
            } else {
                #expect(accused.isEmpty, "\(bundle.id): \(result.problems.map(\.message))")
            }
        }
    }
}
