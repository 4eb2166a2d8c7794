import Catalog
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import IntakeCore
import Ledger
import Pipeline

/// `intake-bench console [--queue 2000] [--rows 100000] [--finish 40]`: the console's figures
/// against the bars of its issue, measured from outside as a browser meets them — the real
/// `intake console` binary (beside this one) on loopback, answered over HTTP.
///
/// - start-up: spawn to the "listening on" line; idle RSS three seconds later (VmRSS);
/// - the queue page with `--queue` submissions of the day in the index;
/// - search over `--rows` rows of the index (names, last 4 of an ID, USCC, ids, dates);
/// - finish: a correction saved, answered once revision 2 with form.pdf and notice.pdf is on disk.
/// The index rows beyond the processed submissions are written straight into the ledger: the
/// queue and search read only the index, never a result folder.
struct ConsoleBench {
    var queueSize = 2000
    var rows = 100_000
    var finishes = 40
    let catalog: Catalog
    let forms: URL

    init(arguments: [String], catalog: Catalog, forms: URL) {
        self.catalog = catalog
        self.forms = forms
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            let value = rest.popFirst().flatMap { Int($0) }
            switch flag {
            case "--queue": queueSize = value ?? queueSize
            case "--rows": rows = value ?? rows
            case "--finish": finishes = value ?? finishes
            default: fatalError("unknown option \(flag)")
            }
        }
    }

    func run() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("intake").path
        guard FileManager.default.isExecutableFile(atPath: binary) else { fatalError("\(binary) not built") }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("intake-console-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("output"), state = root.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)

        // Real submissions to correct: the sample with a wrong ID check digit, made distinct.
        let sample = try String(contentsOf: forms.deletingLastPathComponent().appendingPathComponent("samples/lc-bad-id-check.xml"),
                                encoding: .utf8)
        let pipeline = Pipeline(catalog: catalog, options: .init(outputRoot: output, reprocess: true))
        var ids: [String] = []
        let now = Date()
        for i in 0..<finishes {
            let xml = sample.replacingOccurrences(of: "</submission>", with: "<!-- bench \(i) --></submission>")
            let path = root.appendingPathComponent("s\(i).xml")
            try xml.write(to: path, atomically: true, encoding: .utf8)
            guard case .processed(let result) = pipeline.process(path: path.path, now: now) else { fatalError("sample not processed") }
            ids.append(result.id)
        }
        let today = ChinaStandardTime.day(at: now.timeIntervalSince1970).day
        try fillIndex(SQLiteConsoleStore(path: state.appendingPathComponent("ledger.sqlite").path), now: now)
        try Self.addClerk(binary, state: state)

        let console = try ConsoleProcess(binary: binary, arguments: ["console", "--output", output.path, "--state", state.path,
                                                               "--listen", "127.0.0.1:0"])
        defer { console.stop() }
        Thread.sleep(forTimeInterval: 3)
        let idleRSS = console.rss()
        let client = HTTPClient(base: console.address)
        try client.login("bench", password: "bench-password-1")

        let queue = try (0..<30).map { _ in try client.timed("GET", "/") }
        let terms = ["张", "李建国", "0738", "91371502", today.iso, "2026-03-1", String(ids[0].prefix(8)), "不存在的名字"]
        let search = try (0..<48).map { try client.timed("GET", "/api/v1/queue?q=" + terms[$0 % terms.count].addingPercentEncoding(
            withAllowedCharacters: .alphanumerics)!) }
        var finish: [Double] = []
        for (i, id) in ids.enumerated() {
            finish.append(try client.timed("POST", "/api/v1/submissions/\(id)/finish",
                                           json: #"{"base":1,"values":{"unitName":"聊城市基准测试单位\#(i)"}}"#))
            let folder = output.appendingPathComponent(today.iso).appendingPathComponent(id)
            let result = try Pipeline.result(in: folder)
            guard result.revision == 2, FileManager.default.fileExists(atPath: folder.appendingPathComponent("form.pdf").path),
                  FileManager.default.fileExists(atPath: folder.appendingPathComponent("notice.pdf").path) else {
                fatalError("finish did not leave revision 2 with both PDFs in \(folder.path)")
            }
        }
        let loadedRSS = console.rss()

        func line(_ what: String, _ values: [Double], bar: Double) {
            let (p50, p95) = (percentile(values, 0.5), percentile(values, 0.95))
            print(String(format: "%@: p50 %.1f ms, p95 %.1f ms (n=%d; bar p95 ≤ %.0f ms: %@)", what, p50, p95, values.count, bar,
                         p95 <= bar ? "met" : "MISSED"))
        }
        print(String(format: "start-up (spawn → listening): %.0f ms (bar ≤ 1000 ms: %@)", console.startup * 1000,
                     console.startup <= 1 ? "met" : "MISSED"))
        print(String(format: "idle RSS 3 s after start-up: %.1f MB (bar ≤ 80 MB: %@); after the runs below: %.1f MB",
                     idleRSS / 1e6, idleRSS <= 80e6 ? "met" : "MISSED", loadedRSS / 1e6))
        line("queue page, \(queueSize + finishes) submissions of the day", queue, bar: 300)
        line("search over \(rows + finishes) index rows", search, bar: 200)
        line("finish → revision 2 with form.pdf and notice.pdf on disk", finish, bar: 500)
    }

    /// `queueSize` entries for today, the rest spread over the year before.
    func fillIndex(_ store: any ConsoleStore, now: Date) throws {
        let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"), given = Array("建国秀英明华丽娟志强伟芳敏静磊洋勇艳杰涛")
        let statuses = ["needs-review", "incomplete", "accepted", "rejected"]
        var generator = SystemRandomNumberGenerator()
        var batch: [QueueEntry] = []
        for i in 0..<rows {
            let day = ChinaStandardTime.day(at: now.timeIntervalSince1970 - (i < queueSize ? 0 : Double(1 + i % 365) * 86_400)).day.iso
            let name = String([surnames.randomElement(using: &generator)!, given.randomElement(using: &generator)!,
                               given.randomElement(using: &generator)!])
            let id = String(format: "%016llx", UInt64.random(in: 0...UInt64.max, using: &generator))
            batch.append(QueueEntry(
                submission: id, day: day, folder: "/nonexistent/\(id)", status: statuses[i % 4], form: "单位基本医疗保险参保信息登记表",
                item: "单位基本医疗保险参保登记", office: "371502", district: "东昌府区", applicant: name + "（个体）",
                uscc: "91371502" + String(format: "%010d", i), idLast4: String(format: "%04d", i % 10_000), flagged: i % 3,
                revision: 1, processedAt: "\(day)T09:\(String(format: "%02d", i % 60)):00+08:00"))
            if batch.count == 5000 { try store.upsert(batch); batch.removeAll() }
        }
        try store.upsert(batch)
    }

    static func addClerk(_ binary: String, state: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["clerk", "add", "bench", "--name", "基准科长", "--role", "chief", "--state", state.path]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("bench-password-1\n".utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { fatalError("intake clerk add failed") }
    }

    func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }
}
