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
        let today = ChinaStandardTime.day(at: now).day
        try fillIndex(ConsoleStore(path: state.appendingPathComponent("ledger.sqlite").path), now: now)
        try addClerk(binary, state: state)

        let console = try Console(binary: binary, arguments: ["console", "--output", output.path, "--state", state.path,
                                                               "--listen", "127.0.0.1:0"])
        defer { console.stop() }
        Thread.sleep(forTimeInterval: 3)
        let idleRSS = console.rss()
        let client = Client(base: console.address)
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
    func fillIndex(_ store: ConsoleStore, now: Date) throws {
        let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"), given = Array("建国秀英明华丽娟志强伟芳敏静磊洋勇艳杰涛")
        let statuses = ["needs-review", "incomplete", "accepted", "rejected"]
        var generator = SystemRandomNumberGenerator()
        var batch: [QueueEntry] = []
        for i in 0..<rows {
            let day = ChinaStandardTime.day(at: now - (i < queueSize ? 0 : Double(1 + i % 365) * 86_400)).day.iso
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

    func addClerk(_ binary: String, state: URL) throws {
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

/// The console binary running, its address read from its first line.
private final class Console {
    let process = Process()
    let address: String
    let startup: Double

    init(binary: String, arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { fatalError("intake console ended before listening") }
            text += String(decoding: chunk, as: UTF8.self)
        }
        startup = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard let match = text.firstMatch(of: /listening on (http:\/\/[0-9.:]+)/) else { fatalError("no address in: \(text)") }
        address = String(match.output.1)
    }

    /// Resident set size now, in bytes.
    func rss() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kB = Double(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") else { return 0 }
        return kB * 1024
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}

/// A browser's share of HTTP: the session cookie, the CSRF token and the Origin on POSTs.
private final class Client: @unchecked Sendable {
    let base: String
    let session: URLSession
    var csrf = ""

    init(base: String) {
        self.base = base
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieAcceptPolicy = .always
        session = URLSession(configuration: configuration)
    }

    func login(_ login: String, password: String) throws {
        _ = try send("POST", "/login", body: Data("login=\(login)&password=\(password)".utf8),
                     type: "application/x-www-form-urlencoded")
        let page = try send("GET", "/")
        guard let token = String(decoding: page, as: UTF8.self).firstMatch(of: /data-csrf="([0-9a-f]+)"/) else {
            fatalError("login failed: no CSRF token on the queue page")
        }
        csrf = String(token.output.1)
    }

    /// Milliseconds from sending to the whole answer.
    func timed(_ method: String, _ path: String, json: String? = nil) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try send(method, path, body: json.map { Data($0.utf8) }, type: json == nil ? nil : "application/json")
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    func send(_ method: String, _ path: String, body: Data? = nil, type: String? = nil) throws -> Data {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        request.httpBody = body
        if let type { request.setValue(type, forHTTPHeaderField: "Content-Type") }
        if method == "POST" {
            request.setValue(base, forHTTPHeaderField: "Origin")
            if !csrf.isEmpty { request.setValue(csrf, forHTTPHeaderField: "X-CSRF-Token") }
        }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var answer: (Data?, URLResponse?, Error?)
        session.dataTask(with: request) { data, response, error in
            answer = (data, response, error)
            done.signal()
        }.resume()
        done.wait()
        if let error = answer.2 { throw error }
        let status = (answer.1 as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<400).contains(status) else {
            fatalError("\(method) \(path): HTTP \(status) \(String(decoding: answer.0 ?? Data(), as: UTF8.self).prefix(200))")
        }
        return answer.0 ?? Data()
    }
}
