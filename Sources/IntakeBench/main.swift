import Catalog
import Foundation
import Inbox
import Ledger
import Pipeline

// intake-bench: the inbox service's figures, printed.
//   swift run -c release intake-bench [files=200] [rate=10]
// 1. drop-to-result latency p50/p99 with files dropped (by rename) at `rate` per second;
// 2. throughput with 1 and 2 workers, all files dropped at once.
// Real catalog, real rendering (form.pdf and notice.pdf), SQLite ledger, temporary folders.
//
//   swift run -c release intake-bench corpus [--quick] [--xml N] [--pdf N] [--render N] [--revalidate 10000,100000]
// intake against xmllint and pdftotext on the same generated submissions, forms rendered/s,
// 1 vs 2 workers, and peak RSS and time of `intake revalidate` (CorpusBench.swift).
//
//   swift build -c release && .build/release/intake-bench console [--queue 2000] [--rows 100000] [--finish 40]
// `intake console`'s start-up, idle RSS, queue page, search and finish figures (ConsoleBench.swift).
//
//   .build/release/intake-bench precheck [--applicants 20] [--seconds 60] [--file PDF]
// 网上预审 under load, the clerks' queue page timed meanwhile (PrecheckBench.swift).
//
//   .build/release/intake-bench materials [--split tune|heldout|heldout2|heldout3|heldout4|heldout5|heldout6|heldout7|all] [--threshold 0.5] [--bundle] [--show FILE]
// Supporting materials classified and their facts read, against Tests/Fixtures/materials' truth (MaterialsBench.swift).

if CommandLine.arguments.dropFirst().first == "console" {
    guard let formsURL = CatalogLocator.locate(explicit: nil) else { fatalError("forms/ not found") }
    try ConsoleBench(arguments: Array(CommandLine.arguments.dropFirst(2)), catalog: try Catalog.load(from: formsURL),
                     forms: formsURL).run()
    exit(0)
}

if CommandLine.arguments.dropFirst().first == "precheck" {
    guard let formsURL = CatalogLocator.locate(explicit: nil) else { fatalError("forms/ not found") }
    try PrecheckBench(arguments: Array(CommandLine.arguments.dropFirst(2)), repository: formsURL.deletingLastPathComponent()).run()
    exit(0)
}

if CommandLine.arguments.dropFirst().first == "materials" {
    guard let formsURL = CatalogLocator.locate(explicit: nil) else { fatalError("forms/ not found") }
    do {
        try MaterialsBench(arguments: Array(CommandLine.arguments.dropFirst(2)), catalog: try Catalog.load(from: formsURL),
                           repository: formsURL.deletingLastPathComponent()).run()
    } catch {
        FileHandle.standardError.write(Data("intake-bench materials: \(error.localizedDescription)\n".utf8))
        exit(1)
    }
    exit(0)
}

let corpusMode = CommandLine.arguments.dropFirst().first == "corpus"
if corpusMode {
    guard let formsURL = CatalogLocator.locate(explicit: nil) else { fatalError("forms/ not found") }
    var bench = CorpusBench(arguments: Array(CommandLine.arguments.dropFirst(2)), catalog: try Catalog.load(from: formsURL),
                            forms: formsURL)
    try bench.run()
    exit(0)
}

let arguments = CommandLine.arguments.dropFirst().compactMap(Double.init)
let count = Int(arguments.first ?? 200)
let rate = arguments.dropFirst().first ?? 10
guard let formsURL = CatalogLocator.locate(explicit: nil) else { fatalError("forms/ not found") }
let catalog = try Catalog.load(from: formsURL)
let sample = try String(contentsOf: formsURL.deletingLastPathComponent().appendingPathComponent("samples/lc-complete.xml"),
                        encoding: .utf8)

func submission(_ i: Int, run: String) -> Data {
    Data(sample.replacingOccurrences(of: "</submission>", with: "<!-- \(run) \(i) --></submission>").utf8)
}

struct Run {
    let root: URL
    let settings: InboxSettings
    let service: InboxService
    let ledger: SQLiteLedger

    init(workers: Int) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("intake-bench-\(UUID().uuidString)")
        var s = InboxSettings(inbox: root.appendingPathComponent("inbox"), output: root.appendingPathComponent("output"),
                              archive: root.appendingPathComponent("archive"), state: root.appendingPathComponent("state"))
        s.workers = workers
        s.poll = 0.05
        s.settle = 0.5
        settings = s
        try FileManager.default.createDirectory(at: s.state, withIntermediateDirectories: true)
        ledger = try SQLiteLedger(path: s.ledgerPath)
        let pipeline = Pipeline(catalog: catalog, options: .init(outputRoot: s.output, render: true, reprocess: true))
        service = try InboxService(settings: s, pipeline: pipeline, ledger: ledger)
    }

    func drop(_ data: Data, _ name: String) throws {
        let temp = settings.inbox.appendingPathComponent(name + ".tmp")
        try data.write(to: temp)
        rename(temp.path, settings.inbox.appendingPathComponent(name).path)
    }

    func waitFor(_ n: Int) throws {
        while try ledger.summary(since: Date(timeIntervalSince1970: 0)).done < n { usleep(10_000) }
    }

    func start() -> Thread {
        let thread = Thread { service.run() }
        thread.start()
        usleep(300_000)
        return thread
    }

    func stop(_ thread: Thread) {
        service.stop()
        while !thread.isFinished { usleep(10_000) }
        try? FileManager.default.removeItem(at: root)
    }
}

func ms(_ v: Double?) -> String { v.map { String(format: "%.0f ms", $0) } ?? "-" }

// 1. Latency at a sustained rate.
for workers in [1, 2] {
    let run = try Run(workers: workers)
    let thread = run.start()
    let interval = 1 / rate
    let begin = Date()
    for i in 0..<count {
        try run.drop(submission(i, run: "latency\(workers)"), "f\(i).xml")
        let next = begin.addingTimeInterval(Double(i + 1) * interval)
        let wait = next.timeIntervalSinceNow
        if wait > 0 { usleep(UInt32(wait * 1_000_000)) }
    }
    try run.waitFor(count)
    let summary = try run.ledger.summary(since: Date(timeIntervalSince1970: 0))
    print("latency  \(count) XML submissions at \(rate)/s, \(workers) worker(s), with PDFs: p50 \(ms(summary.latencyP50)), p99 \(ms(summary.latencyP99))")
    run.stop(thread)
}

// 2. Throughput, everything dropped at once.
var rates: [Int: Double] = [:]
for workers in [1, 2] {
    let run = try Run(workers: workers)
    try FileManager.default.createDirectory(at: run.settings.inbox, withIntermediateDirectories: true)
    for i in 0..<count { try run.drop(submission(i, run: "throughput\(workers)"), "f\(i).xml") }
    let begin = Date()
    let thread = run.start()
    try run.waitFor(count)
    let seconds = Date().timeIntervalSince(begin) - 0.3
    rates[workers] = Double(count) / seconds
    print(String(format: "throughput  %d XML submissions with PDFs, %d worker(s): %.1f submissions/s", count, workers, rates[workers]!))
    run.stop(thread)
}
if let one = rates[1], let two = rates[2] { print(String(format: "speed-up 2 workers / 1 worker: %.2f×", two / one)) }
