import Catalog
import Foundation
import IntakeCore
import Pipeline
import Readers

/// `intake-bench materials [--split tune|heldout|heldout2|heldout3|heldout4|heldout5|heldout6|heldout7|all] [--threshold 0.5]`: every file of
/// Tests/Fixtures/materials read and classified as the pipeline does (text layer, else OCR of
/// the first pages), against its truth file: files classified right, files taken for another
/// kind with a confidence at or above the threshold, facts read exactly, seconds per file.
/// `--bundle`: a form photo and five material images through the whole pipeline.
struct MaterialsBench {
    static let allSplits = ["tune", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7"]
    var splits = allSplits
    var threshold = MaterialClassifier.trustedConfidence
    /// `--show FILE`: the lines read from one file, and what was made of them.
    var show: String?
    /// `--bundle`: only the end-to-end bundle figure.
    var bundleOnly = false
    let catalog: Catalog
    let root: URL

    init(arguments: [String], catalog: Catalog, repository: URL) {
        self.catalog = catalog
        root = repository.appendingPathComponent("Tests/Fixtures/materials")
        var args = arguments[...]
        while let arg = args.popFirst() {
            switch arg {
            case "--split":
                let split = args.popFirst() ?? "all"
                splits = split == "all" ? Self.allSplits : [split]
            case "--threshold": threshold = Double(args.popFirst() ?? "") ?? threshold
            case "--show": show = args.popFirst()
            case "--bundle": bundleOnly = true
            default: break
            }
        }
    }

    struct Truth: Decodable {
        var file: String
        var kind: String
        var facts: [String: String]?
        var page_kinds: [String]?
        var also_shows: [String]?
        var degradation: String?
    }

    /// The truth files' fact names, as the fact reader names them.
    static let factKeys = ["id_number": "idNumber", "uscc": "uscc", "birth_certificate_number": "birthCertificateNumber",
                           "principal_id_number": "principalIdNumber", "agent_id_number": "agentIdNumber",
                           "valid_until": "validUntil", "card_number": "cardNumber", "mother_id_number": "motherIdNumber",
                           "name": "name", "unit_name": "unitName", "principal_name": "principalName", "agent_name": "agentName"]
    /// Names are vouched for from a higher confidence than numbers (MaterialFactsCheck).
    static func vouched(_ fact: MaterialFact) -> Bool {
        fact.confidence >= (["name", "unitName", "principalName", "agentName"].contains(fact.key) ? 0.97 : 0.9)
    }

    /// A bundle as a scanning station writes it: a phone photo of the application form and five
    /// material images, end to end through the pipeline (reading, classifying, checking, rendering).
    func bundle(recognizer: EngineRecognizer) throws {
        let repository = root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let materials = ["doc10002.jpg", "IMG_20261104_032121.jpg", "mmexport1793803346000.jpg", "微信图片_20261103144344.jpg",
                         "CamScanner 11-04-2026 02.33.jpg"]
        var seconds: [Double] = []
        for run in 0..<3 {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-bench-bundle-\(getpid())-\(run)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let bundle = folder.appendingPathComponent("in/b")
            try FileManager.default.createDirectory(at: bundle, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: repository.appendingPathComponent("samples/scans/lc-unit-change-photo.jpg"),
                                             to: bundle.appendingPathComponent("申请表.jpg"))
            for name in materials {
                try FileManager.default.copyItem(at: root.appendingPathComponent("tune/\(name)"), to: bundle.appendingPathComponent(name))
            }
            let pipeline = Pipeline(catalog: catalog, options: .init(outputRoot: folder.appendingPathComponent("out"), recognizer: recognizer))
            let start = Date()
            let outcome = pipeline.process(path: bundle.path)
            seconds.append(Date().timeIntervalSince(start))
            if case .failed(let error) = outcome { print("  bundle failed: \(error)") }
        }
        print(String(format: "bundle of a form photo and 5 material images, end to end: median %.2f s (runs %@)",
                     seconds.sorted()[1], seconds.map { String(format: "%.2f", $0) }.joined(separator: ", ")))
    }

    func run() throws {
        let recognizer = EngineRecognizer()
        if bundleOnly { try bundle(recognizer: recognizer); return }
        if let show {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: show)))
            for line in MaterialText.read(bytes, recognizer: recognizer)?.lines ?? [] {
                print(String(format: "%.2f  ", line.confidences.min() ?? 0) + line.text)
            }
            let finding = MaterialClassifier(item: nil, catalog: catalog, recognizer: recognizer, today: CalendarDate(year: 2026, month: 12, day: 1)!)
                .classify([(name: show, contents: Data(bytes))])[0]
            print("kind \(finding.kind ?? "-") \(finding.confidence ?? 0); facts \(finding.facts.map { "\($0.key)=\($0.value) (\($0.confidence))" })")
            return
        }
        let classifier = MaterialClassifier(item: nil, catalog: catalog, recognizer: recognizer,
                                            today: CalendarDate(year: 2026, month: 12, day: 1)!)
        // The OCR worker's start-up is not a file's time.
        _ = classifier.classify([(name: "warm-up.png", contents: try Data(contentsOf: root.appendingPathComponent("tune").appendingPathComponent(
            try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("tune").path).sorted().first { !$0.hasSuffix(".pdf") } ?? "")))])
        for split in splits {
            let truthFolder = root.appendingPathComponent("truth/\(split)")
            let truths = try FileManager.default.contentsOfDirectory(atPath: truthFolder.path).sorted()
                .filter { $0.hasSuffix(".json") && $0 != "bundles.json" }
                .map { try JSONDecoder().decode(Truth.self, from: Data(contentsOf: truthFolder.appendingPathComponent($0))) }
            var right = 0, wrongSure = 0, unsure = 0, factsRight = 0, factsTotal = 0, factsWrongSure = 0
            var scanRight = 0, scanTotal = 0
            var seconds: [Double] = []
            var misses: [String] = []
            for truth in truths {
                let data = try Data(contentsOf: root.appendingPathComponent("\(split)/\(truth.file)"))
                let start = Date()
                let finding = classifier.classify([(name: truth.file, contents: data)])[0]
                seconds.append(Date().timeIntervalSince(start))
                let accepted = Set([truth.kind] + (truth.page_kinds ?? []) + (truth.also_shows ?? []))
                let sure = (finding.confidence ?? 0) >= threshold
                let kind = sure ? finding.kind : nil
                if truth.kind == "other" ? kind == nil : kind.map(accepted.contains) == true {
                    right += 1
                } else if let kind, !accepted.contains(kind) {
                    wrongSure += 1
                    misses.append("\(truth.file): \(truth.kind) taken for \(kind) (\(finding.confidence ?? 0))")
                } else {
                    unsure += 1
                    misses.append("\(truth.file): \(truth.kind) not recognised (best \(finding.kind ?? "-") \(finding.confidence ?? 0))")
                }
                for (key, value) in truth.facts ?? [:] {
                    guard let mine = Self.factKeys[key], truth.kind != "other" else { continue }
                    let kind = catalog.materialKinds.first { $0.id == truth.kind }
                    guard kind?.facts.contains(Self.readerFact(mine)) == true else { continue }
                    factsTotal += 1
                    if truth.degradation == "scan" { scanTotal += 1 }
                    let read = finding.facts.first { $0.key == mine }
                    if read?.value == value {
                        factsRight += 1
                        if truth.degradation == "scan" { scanRight += 1 }
                    } else {
                        if let read, Self.vouched(read) { factsWrongSure += 1 }
                        misses.append("\(truth.file): \(mine) want \(value) got \(read.map { "\($0.value) (\($0.confidence))" } ?? "-")")
                    }
                }
            }
            let sorted = seconds.sorted()
            func pct(_ a: Int, _ b: Int) -> String { String(format: "%.1f %%", b == 0 ? 0 : Double(a) * 100 / Double(b)) }
            print("materials \(split): \(truths.count) files; classified right \(right) (\(pct(right, truths.count))), "
                  + "taken for another kind at confidence ≥ \(threshold): \(wrongSure) (\(pct(wrongSure, truths.count))), not recognised \(unsure)")
            print("  facts read exactly \(factsRight)/\(factsTotal) (\(pct(factsRight, factsTotal))), on scans \(scanRight)/\(scanTotal) "
                  + "(\(pct(scanRight, scanTotal))); wrong and vouched for: \(factsWrongSure)")
            print(String(format: "  seconds per file: median %.2f, p90 %.2f, max %.2f", sorted[sorted.count / 2],
                         sorted[min(sorted.count - 1, sorted.count * 9 / 10)], sorted.last ?? 0))
            for miss in misses { print("  miss: \(miss)") }
        }
    }

    static func readerFact(_ key: String) -> MaterialKind.Fact {
        switch key {
        case "idNumber", "motherIdNumber": key == "idNumber" ? .idNumber : .motherIDNumber
        case "uscc": .uscc
        case "birthCertificateNumber": .birthCertificateNumber
        case "principalIdNumber", "principalName": .principal
        case "agentIdNumber", "agentName": .agent
        case "name": .name
        case "unitName": .unitName
        case "validUntil": .validPeriod
        default: .cardNumber
        }
    }
}
