import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `intake-bench precheck [--applicants 20] [--seconds 60] [--file PDF]`: 网上预审 under load on
/// loopback — `applicants` clients, each uploading a typed PDF, waiting for the answer page and
/// starting again, for `seconds`; meanwhile a clerk opens the console's queue page twice a
/// second. Prints the answer time (p50, p95, p99), the errors, and the clerk's page times.
/// The real `intake console --precheck-listen` beside this binary; every applicant comes from
/// 127.0.0.1, so the per-address limit is lifted for the run.
struct PrecheckBench {
    var applicants = 20
    var seconds = 60.0
    var file: String

    init(arguments: [String], repository: URL) {
        file = repository.appendingPathComponent("Tests/Fixtures/pdf/typed/lc-unit-enrollment.lo.pdf").path
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            let value = rest.popFirst()
            switch flag {
            case "--applicants": applicants = value.flatMap { Int($0) } ?? applicants
            case "--seconds": seconds = value.flatMap { Double($0) } ?? seconds
            case "--file": file = value ?? file
            default: fatalError("unknown option \(flag)")
            }
        }
    }

    func run() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("intake").path
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("intake-precheck-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let state = root.appendingPathComponent("state"), inbox = root.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let pdf = try Data(contentsOf: URL(fileURLWithPath: file))
        try ConsoleBench.addClerk(binary, state: state)
        let console = try ConsoleProcess(binary: binary, arguments: [
            "console", "--output", root.appendingPathComponent("output").path, "--state", state.path, "--inbox", inbox.path,
            "--listen", "127.0.0.1:0", "--precheck-listen", "127.0.0.1:0", "--precheck-rate", "1000000"])
        defer { console.stop() }
        guard let precheck = console.precheck else { fatalError("the console did not start 网上预审") }

        final class Tally: @unchecked Sendable {
            let lock = NSLock()
            var answers: [Double] = []
            var errors: [String] = []
            var verdicts: [String: Int] = [:]
            var clerk: [Double] = []
        }
        let tally = Tally()
        let deadline = Date().addingTimeInterval(seconds)
        let boundary = "----intake-bench"
        var body = Data()
        for (name, value) in [("district", "东昌府区"), ("handling", "本人")] {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"application\"; filename=\"申请表.pdf\"\r\n".utf8)
        body += Data("Content-Type: application/pdf\r\n\r\n".utf8) + pdf + Data("\r\n--\(boundary)--\r\n".utf8)
        let upload = [UInt8](body)

        var threads: [Thread] = []
        for _ in 0..<applicants {
            let thread = Thread {
                let port = Int(precheck.split(separator: ":").last ?? "") ?? 0
                while Date() < deadline {
                    let start = DispatchTime.now().uptimeNanoseconds
                    do {
                        var answer = try LoopbackHTTP.request(port: port, "POST", "/precheck/item/371500/unit-enrollment/check", headers: [
                            "Content-Type": "multipart/form-data; boundary=\(boundary)", "Origin": precheck], body: upload)
                        // To the answer page; while a scan is read it refreshes itself, and so does the applicant.
                        var address = ""
                        while true {
                            if let location = answer.headers["location"] {
                                address = location
                            } else if answer.headers["refresh"] != nil {
                                Thread.sleep(forTimeInterval: 0.25)
                            } else {
                                break
                            }
                            answer = try LoopbackHTTP.request(port: port, "GET", address)
                        }
                        let page = String(decoding: answer.body, as: UTF8.self)
                        let verdict = page.firstMatch(of: /class="verdict [a-z]+">([^<]+)/).map { String($0.output.1) }
                        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                        tally.lock.withLock {
                            if answer.status == 200, let verdict {
                                tally.answers.append(ms)
                                tally.verdicts[verdict, default: 0] += 1
                            } else {
                                tally.errors.append("HTTP \(answer.status)")
                            }
                        }
                    } catch {
                        tally.lock.withLock { tally.errors.append("\(error)") }
                    }
                }
            }
            thread.start()
            threads.append(thread)
        }
        let clerk = HTTPClient(base: console.address)
        try clerk.login("bench", password: "bench-password-1")
        while Date() < deadline {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try clerk.send("GET", "/")
            tally.lock.withLock { tally.clerk.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6) }
            Thread.sleep(forTimeInterval: 0.5)
        }
        while threads.contains(where: { !$0.isFinished }) { Thread.sleep(forTimeInterval: 0.05) }

        func p(_ values: [Double], _ q: Double) -> Double {
            guard !values.isEmpty else { return .nan }
            let sorted = values.sorted()
            return sorted[min(sorted.count - 1, max(0, Int((Double(sorted.count) * q).rounded(.up)) - 1))]
        }
        let answers = tally.answers
        print(String(format: "网上预审 under load: %d applicants uploading %@ for %.0f s on loopback", applicants,
                     (file as NSString).lastPathComponent, seconds))
        print(String(format: "  answers: %d (%.1f/s); answer time p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms",
                     answers.count, Double(answers.count) / seconds, p(answers, 0.5), p(answers, 0.95), p(answers, 0.99),
                     answers.max() ?? .nan))
        print("  errors: \(tally.errors.count)" + (tally.errors.isEmpty ? "" : " (\(Set(tally.errors).sorted().prefix(3).joined(separator: "; ")))"))
        print("  verdicts: " + tally.verdicts.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))
        print(String(format: "  clerk's queue page meanwhile: p50 %.0f ms, p95 %.0f ms, max %.0f ms (n=%d)",
                     p(tally.clerk, 0.5), p(tally.clerk, 0.95), tally.clerk.max() ?? .nan, tally.clerk.count))
    }
}
