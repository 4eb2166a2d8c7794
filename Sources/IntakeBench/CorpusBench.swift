import Catalog
import Dispatch
import Foundation
import Generate
import IntakeCore
import Logging
import Pipeline
import Poppler
import Readers
import Render

/// `intake-bench corpus [--quick] [--xml N] [--pdf N] [--revalidate 10000,100000] [--keep DIR]`:
/// intake against xmllint and pdftotext on the same generated files, forms rendered per second,
/// 1 against 2 workers, the peak memory and time of `intake revalidate` on large corpora, and the
/// floors under intake's figures: writing the output folders alone, and poppler drawing the pages alone.
struct CorpusBench {
    var xmlCount = 2000
    var pdfCount = 300
    var renderCount = 300
    var revalidateCounts = [10_000, 100_000]
    var root: URL
    /// Keep the corpus (given with --keep DIR, which is reused on the next run).
    var keep = false
    let catalog: Catalog
    let forms: URL

    init(arguments: [String], catalog: Catalog, forms: URL) {
        self.catalog = catalog
        self.forms = forms
        root = FileManager.default.temporaryDirectory.appendingPathComponent("intake-bench-corpus-\(getpid())")
        var args = arguments[...]
        while let arg = args.popFirst() {
            switch arg {
            case "--quick":
                xmlCount = 300; pdfCount = 60; renderCount = 60; revalidateCounts = [1_000, 10_000]
            case "--xml": xmlCount = Int(args.popFirst() ?? "") ?? xmlCount
            case "--pdf": pdfCount = Int(args.popFirst() ?? "") ?? pdfCount
            case "--render": renderCount = Int(args.popFirst() ?? "") ?? renderCount
            case "--revalidate":
                revalidateCounts = (args.popFirst() ?? "").split(separator: ",").compactMap { Int($0) }
            case "--keep": root = URL(fileURLWithPath: args.popFirst() ?? root.path); keep = true
            default: fatalError("unknown argument \(arg); see the comment at the top of CorpusBench.swift")
            }
        }
    }

    struct Row { var what: String; var value: String }
    var rows: [Row] = []

    mutating func add(_ what: String, _ value: String) {
        rows.append(Row(what: what, value: value))
        print("  " + what + String(repeating: " ", count: max(1, 66 - what.count)) + value)
        fflush(nil)
    }

    /// Per-file log lines would measure the terminal: warnings and errors only.
    static let quiet: Logger = {
        var logger = Logger(label: "intake.bench")
        logger.logLevel = .warning
        return logger
    }()

    /// Writes out what earlier steps left in the page cache (thousands of deleted output folders)
    /// so that the disk's catching up is not timed as part of the next figure.
    static func settle() { sync() }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    static func rate(_ n: Int, _ seconds: Double) -> String { String(format: "%.0f /s", Double(n) / seconds) }

    /// The corpus `<root>/<name>` of `count` submissions of `kinds` (seed 1, 30 % faulty), made
    /// once and kept for the other figures; returns its manifest rows (path, form).
    func corpus(_ name: String, count: Int, kinds: [CorpusWriter.Kind]) throws -> [(path: String, form: String, kind: String)] {
        let dir = root.appendingPathComponent(name)
        let manifest = dir.appendingPathComponent("manifest.csv")
        if !FileManager.default.fileExists(atPath: manifest.path) {
            try CorpusWriter(catalog: catalog, options: .init(count: count, kinds: kinds, faultRate: 0.3, seed: 1)).write(to: dir)
        }
        let text = try String(contentsOf: manifest, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return (dir.appendingPathComponent(String(f[0])).path, String(f[2]), String(f[1]))
        }
    }

    /// Submissions/s through the intake path (`process --no-render`: parse, XSD, checks,
    /// result.json written atomically), the catalog loaded once, `workers` threads.
    func intakeRate(_ paths: [String], workers: Int) throws -> (rate: Double, results: [Pipeline.Outcome?]) {
        let out = root.appendingPathComponent("out-\(workers)-\(UUID().uuidString.prefix(6))")
        // No fsync, as `intake process` runs (OutputStore.durable).
        var options = Pipeline.Options(outputRoot: out, render: false, reprocess: true)
        options.durable = false
        let pipeline = Pipeline(catalog: catalog, options: options, logger: Self.quiet)
        // Warm up: compile the XSDs, touch the code paths.
        _ = pipeline.process(path: paths[0])
        Self.settle()
        let outcomes = OutcomeBox(count: paths.count)
        let seconds = Self.time(count: paths.count, threads: workers) { outcomes.set($0, pipeline.process(path: paths[$0])) }
        try? FileManager.default.removeItem(at: out)
        return (Double(paths.count) / seconds, outcomes.all)
    }

    /// Seconds for `threads` threads to run `body` on 0..<count, each taking the next index.
    static func time(count: Int, threads: Int, _ body: @escaping @Sendable (Int) -> Void) -> Double {
        let next = Counter()
        let start = now()
        let workers = (0..<threads).map { _ in
            Thread {
                while true {
                    let i = next.increment()
                    guard i < count else { return }
                    body(i)
                }
            }
        }
        for worker in workers { worker.start() }
        while workers.contains(where: { !$0.isFinished }) { usleep(2000) }
        return now() - start
    }

    /// Folders/s written by `OutputStore` (no fsync, as `intake process` writes) with `threads`
    /// threads, each folder holding `bytes` as its result.json.
    func outputFolderRates(_ base: URL, count: Int, bytes: [UInt8], threads: [Int]) -> [(threads: Int, rate: Double)] {
        threads.map { n in
            let out = base.appendingPathComponent("folders-\(n)")
            Self.settle()
            let store = OutputStore(root: out, durable: false)
            let seconds = Self.time(count: count, threads: n) { i in
                try? store.write([("result.json", bytes)], date: "2026-01-01", id: String(format: "%016x", i), path: "bench")
            }
            let rate = Double(count) / seconds
            try? FileManager.default.removeItem(at: out)
            return (n, rate)
        }
    }

    /// `intake process --no-render DIR` as a child process, as a clerk or a script runs it
    /// (start-up included, the catalog cache warm), with 1 worker and with one per core.
    mutating func processRates(_ dir: String, count: Int, cores: Int, outputRoot: URL? = nil) -> (one: Double?, all: Double?) {
        guard FileManager.default.isExecutableFile(atPath: intake) else {
            add("intake process --no-render", "n/a (no intake executable beside intake-bench)")
            return (nil, nil)
        }
        let kind = (dir.hasSuffix("/pdf") ? "typed PDF" : "XML") + (outputRoot == nil ? "" : ", outputs on \(outputRoot!.path)")
        _ = ChildRun.run([intake, "catalog", "--forms", forms.path])  // writes the catalog cache
        // Start-up (catalog from its cache, nothing to do): the best of three runs on an empty folder.
        let empty = root.appendingPathComponent("empty-\(getpid())")
        try? FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let startup = (0..<3).compactMap { _ in
            ChildRun.run([intake, "process", "--no-render", "--forms", forms.path, "--output", empty.appendingPathComponent("out").path,
                          empty.path])?.seconds
        }.min()
        try? FileManager.default.removeItem(at: empty)
        var rates: [Int: Double] = [:]
        var seconds: [Int: Double] = [:]
        for workers in Set([1, cores]).sorted() {
            let out = (outputRoot ?? root).appendingPathComponent("cli-out-\(workers)")
            try? FileManager.default.removeItem(at: out)
            Self.settle()
            guard let run = ChildRun.run([intake, "process", "--no-render", "--forms", forms.path, "--workers", "\(workers)",
                                          "--output", out.path, dir]), run.status <= 1 else {
                add("\(kind) through intake process --no-render, \(workers) worker(s)", "n/a (failed)")
                continue
            }
            rates[workers] = Double(count) / run.seconds
            seconds[workers] = run.seconds
            add("\(kind) through intake process --no-render (CLI), \(workers) worker(s)",
                String(format: "%.0f /s (%.2f s for %d, start-up included)", rates[workers]!, run.seconds, count))
            try? FileManager.default.removeItem(at: out)
        }
        if let a = rates[1], let b = rates[cores], cores > 1 {
            add("speed-up intake process \(cores) workers / 1 worker (\(kind))", String(format: "%.2f×", b / a))
            if let startup, let one = seconds[1], let all = seconds[cores], all > startup {
                add("  the same without the start-up of \(String(format: "%.2f s", startup)) (an empty folder)",
                    String(format: "%.2f×", (one - startup) / (all - startup)))
            }
        }
        return (rates[1], rates[cores])
    }

    /// The `intake` executable built beside this one.
    var intake: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("intake").path
    }

    mutating func run() throws {
        defer { if !keep { try? FileManager.default.removeItem(at: root) } }
        print("intake-bench corpus: \(ProcessInfo.processInfo.activeProcessorCount) core(s), corpus under \(root.path)")
        var t = Self.now()
        let xml = try corpus("xml-\(xmlCount)", count: xmlCount, kinds: [.xml])
        let genSeconds = Self.now() - t
        add("generate \(xmlCount) XML (intake generate, in process)", Self.rate(xmlCount, genSeconds))

        // 1. XML: intake vs xmllint, on one core and on all of them.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let paths = xml.map(\.path)
        let (one, outcomes) = try intakeRate(paths, workers: 1)
        let rejected = outcomes.filter { if case .processed(let r)? = $0 { return r.status == .rejected } else { return true } }.count
        add("XML through intake in process (parse+XSD+checks+result.json), 1 thread", String(format: "%.0f /s", one)
            + (rejected > 0 ? " (\(rejected) not accepted/incomplete!)" : ""))
        let (two, _) = try intakeRate(paths, workers: 2)
        add("XML through intake in process, 2 threads", String(format: "%.0f /s (%.2f× of 1 thread)", two, two / one))
        let xmlDir = root.appendingPathComponent("xml-\(xmlCount)/xml").path
        let cli = processRates(xmlDir, count: paths.count, cores: cores)
        // The same with the outputs in memory: how much of the above is the file system's
        // directory work (a folder per submission), which does not get faster with more threads.
        let shm = URL(fileURLWithPath: "/dev/shm")
        if FileManager.default.isWritableFile(atPath: shm.path) {
            _ = processRates(xmlDir, count: paths.count, cores: cores, outputRoot: shm.appendingPathComponent("intake-bench-\(getpid())"))
            try? FileManager.default.removeItem(at: shm.appendingPathComponent("intake-bench-\(getpid())"))
        }
        var lint: (serial: Double, parallel: Double)?
        if ChildRun.exists("xmllint") {
            var byForm: [String: [String]] = [:]
            for row in xml { byForm[row.form, default: []].append(row.path) }
            var commands: [[String]] = []
            for (form, files) in byForm.sorted(by: { $0.key < $1.key }) {
                let xsd = forms.appendingPathComponent("schemas/\(form).xsd").path
                for chunk in stride(from: 0, to: files.count, by: 2000) {
                    commands.append(["xmllint", "--noout", "--schema", xsd] + files[chunk..<min(files.count, chunk + 2000)])
                }
            }
            let serial = ChildRun.runAll(commands, width: 1)
            let parallel = ChildRun.runAll(commands, width: cores)
            lint = (Double(xml.count) / serial.seconds, Double(xml.count) / parallel.seconds)
            add("XML through xmllint --noout --schema, one process per form, serially", String(format: "%.0f /s", lint!.serial)
                + (serial.failures > 0 ? " (\(serial.failures) run(s) reported invalid files)" : ""))
            add("XML through xmllint, one process per form, \(cores) at a time", String(format: "%.0f /s", lint!.parallel))
        } else {
            add("XML through xmllint", "n/a (xmllint not installed)")
        }
        // The floor under any intake figure: a folder per submission holding its result.json,
        // written as OutputStore writes it (mkdir, write, rename), with nothing read or checked.
        // A result.json of the median size among the first hundred.
        let sizes = outcomes.prefix(100).compactMap { outcome -> [UInt8]? in
            if case .processed(let result)? = outcome { return ResultJSON.encode(result) }
            return nil
        }.sorted { $0.count < $1.count }
        let sample = sizes.isEmpty ? Array(repeating: 0x20, count: 3000) : sizes[sizes.count / 2]
        for (place, base) in [("", root), (", on /dev/shm", shm.appendingPathComponent("intake-bench-\(getpid())"))]
        where place.isEmpty || FileManager.default.isWritableFile(atPath: shm.path) {
            for (threads, rate) in outputFolderRates(base, count: paths.count, bytes: sample, threads: Set([1, cores]).sorted()) {
                add("output folders alone (mkdir+write+rename, \(sample.count) B result.json\(place)), \(threads) thread(s)",
                    String(format: "%.0f /s", rate) + (lint.map { String(format: " (%.2f× xmllint serially)", rate / $0.serial) } ?? ""))
            }
            if !place.isEmpty { try? FileManager.default.removeItem(at: base) }
        }
        if let lint {
            add("ratio intake in process, 1 thread / xmllint serially (per core)", String(format: "%.2f×", one / lint.serial))
            if let all = cli.all {
                add("ratio intake process (\(cores) workers) / xmllint \(cores) at a time", String(format: "%.2f×", all / lint.parallel))
                add("ratio intake process (\(cores) workers) / xmllint serially", String(format: "%.2f×", all / lint.serial))
            }
        }

        // 2. Typed PDFs: intake vs pdftotext.
        let pdf = try corpus("pdf-\(pdfCount)", count: pdfCount, kinds: [.pdf]).map(\.path)
        let probe = Pipeline(catalog: catalog, options: .init(outputRoot: root.appendingPathComponent("probe"), render: false,
                                                             reprocess: true), logger: Self.quiet).process(path: pdf[0])
        var pdfRate: Double?
        var pdfCLI: (one: Double?, all: Double?) = (nil, nil)
        if case .failed(let error) = probe {
            add("typed PDF through intake", "n/a (PDF intake not available: \(error.code))")
        } else {
            let (rate, results) = try intakeRate(pdf, workers: 1)
            pdfRate = rate
            let read = results.filter { if case .processed? = $0 { return true } else { return false } }.count
            add("typed PDF through intake in process (read+checks+result.json), 1 thread", String(format: "%.0f /s (%d/%d read)", rate, read, pdf.count))
            pdfCLI = processRates(root.appendingPathComponent("pdf-\(pdfCount)/pdf").path, count: pdf.count, cores: cores)
        }
        // The floor under intake's typed-PDF figure: poppler opening each file and drawing its
        // pages at the ruling-line resolution, nothing read from them.
        let gridDPI = PDFSubmissionReader.Limits().gridDPI
        t = Self.now()
        for path in pdf {
            guard let bytes = FileManager.default.contents(atPath: path), let document = try? PDFDocument(bytes: [UInt8](bytes)) else { continue }
            for index in 0..<document.pageCount { _ = try? document.page(at: index)?.renderGrey(dpi: gridDPI) }
        }
        let rasterRate = Double(pdf.count) / (Self.now() - t)
        add("poppler open + page raster at \(Int(gridDPI)) dpi alone, 1 thread", String(format: "%.0f /s", rasterRate))
        if ChildRun.exists("pdftotext") {
            let commands = pdf.map { ["pdftotext", "-layout", $0, "-"] }
            let serial = Double(pdf.count) / ChildRun.runAll(commands, width: 1).seconds
            let parallel = Double(pdf.count) / ChildRun.runAll(commands, width: cores).seconds
            add("typed PDF through pdftotext -layout, one process per file, serially", String(format: "%.0f /s", serial))
            add("typed PDF through pdftotext -layout, \(cores) at a time", String(format: "%.0f /s", parallel))
            add("ratio intake in process, 1 thread / pdftotext serially (per core)", pdfRate.map { String(format: "%.2f×", $0 / serial) } ?? "n/a")
            add("ratio poppler open + raster alone / pdftotext serially", String(format: "%.2f×", rasterRate / serial))
            add("ratio intake process (\(cores) workers) / pdftotext \(cores) at a time",
                pdfCLI.all.map { String(format: "%.2f×", $0 / parallel) } ?? "n/a")
        } else {
            add("typed PDF through pdftotext", "n/a (pdftotext not installed)")
        }

        // 3. Forms rendered per second (FormRenderer, one thread, drafts made beforehand).
        let factory = SubmissionFactory(catalog: catalog, seed: 1, faultRate: 0)
        let drafts = (0..<renderCount).map { factory.draft($0) }
        let byID = Dictionary(uniqueKeysWithValues: catalog.forms.map { ($0.id, $0) })
        _ = try FormRenderer().render(byID[drafts[0].formID]!, values: drafts[0].fieldValues)
        t = Self.now()
        for d in drafts { _ = try FormRenderer().render(byID[d.formID]!, values: d.fieldValues) }
        add("forms rendered (form.pdf, FormRenderer, 1 thread)", Self.rate(renderCount, Self.now() - t))

        // 4. intake revalidate: peak RSS and time, as a child process.
        var times: [Int: Double] = [:]
        for n in revalidateCounts {
            guard FileManager.default.isExecutableFile(atPath: intake),
                  ChildRun.run([intake, "revalidate", "--help"])?.status == 0 else {
                add("intake revalidate of \(n) XML", "n/a (intake revalidate not available)")
                continue
            }
            _ = try corpus("xml-\(n)", count: n, kinds: [.xml])
            let state = root.appendingPathComponent("reval-state-\(n)")
            try? FileManager.default.removeItem(at: state)
            guard let run = ChildRun.run([intake, "revalidate", "--state", state.path, "--output", state.appendingPathComponent("out").path,
                                          "--forms", forms.path, root.appendingPathComponent("xml-\(n)/xml").path], measureMemory: true) else {
                add("intake revalidate of \(n) XML", "n/a (could not start)")
                continue
            }
            times[n] = run.seconds
            add("intake revalidate of \(n) XML: time, peak RSS",
                String(format: "%.1f s (%.0f /s), %.0f MB%@", run.seconds, Double(n) / run.seconds, Double(run.peakRSS) / 1e6,
                       run.status == 0 ? "" : " (exit \(run.status))"))
        }
        if revalidateCounts.count == 2, let a = times[revalidateCounts[0]], let b = times[revalidateCounts[1]] {
            add("revalidate time \(revalidateCounts[1]) / \(revalidateCounts[0])",
                String(format: "%.1f× (linear: %.0f×)", b / a, Double(revalidateCounts[1]) / Double(revalidateCounts[0])))
        }
    }
}

final class Counter: @unchecked Sendable {
    private var value = -1
    private let lock = NSLock()
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}

final class OutcomeBox: @unchecked Sendable {
    private var values: [Pipeline.Outcome?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ o: Pipeline.Outcome) { lock.lock(); values[i] = o; lock.unlock() }
    var all: [Pipeline.Outcome?] { lock.lock(); defer { lock.unlock() }; return values }
}
