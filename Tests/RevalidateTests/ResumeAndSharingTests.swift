import Foundation
import IntakeTestSupport
import Ledger
import Testing

/// Starts `intake revalidate` as a child process, its standard output and error into files.
private func startRevalidate(_ arguments: [String], logs: URL, name: String) throws -> Process {
    let process = Process()
    process.executableURL = Repository.intakeExecutable
    process.arguments = ["revalidate"] + arguments
    FileManager.default.createFile(atPath: logs.appendingPathComponent("\(name).out").path, contents: nil)
    FileManager.default.createFile(atPath: logs.appendingPathComponent("\(name).err").path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: logs.appendingPathComponent("\(name).out"))
    process.standardError = try FileHandle(forWritingTo: logs.appendingPathComponent("\(name).err"))
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return process
}

private func waitForExit(_ process: Process, within seconds: Double) -> Bool {
    let deadline = Date(timeIntervalSinceNow: seconds)
    while process.isRunning, Date() < deadline { usleep(50_000) }
    if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return false
    }
    return true
}

@Test("SIGINT stops a run cleanly (exit 130); running again resumes it, and every file is done exactly once")
func resumeAfterSIGINT() throws {
    let temp = try TemporaryDirectory("revalidate")
    let count = 600
    let paths = try makeCorpus(count, in: temp.url.appendingPathComponent("corpus"))
    let arguments = [temp.path("corpus"), "--state", temp.path("state"), "--output", temp.path("out"),
                     "--workers", "2", "--batch", "20", "--json"]
    try FileManager.default.createDirectory(at: temp.url.appendingPathComponent("state"), withIntermediateDirectories: true)
    let store = try SQLiteRevalidationStore(path: temp.path("state/ledger.sqlite"))

    let first = try startRevalidate(arguments, logs: temp.url, name: "first")
    // Wait until a good part, but not all, is done.
    let deadline = Date(timeIntervalSinceNow: 120)
    var runName: String?
    while Date() < deadline, first.isRunning {
        if runName == nil, let line = try? String(contentsOf: temp.url.appendingPathComponent("first.err"), encoding: .utf8),
           let range = line.range(of: "run ") {
            runName = line[range.upperBound...].split(separator: ":").first.map(String.init)
        }
        if let runName, let progress = try? store.progress(run: runName), progress.done >= 60 { break }
        usleep(20_000)
    }
    let name = try #require(runName, "the run's name on standard error")
    kill(first.processIdentifier, SIGINT)
    #expect(waitForExit(first, within: 60), "stops after the files in hand")
    #expect(first.terminationStatus == 130)
    let stopped = try store.progress(run: name)
    #expect(stopped.done > 0 && stopped.done < count, "stopped part-way: \(stopped.done) of \(count)")
    #expect(stopped.claimed == 0, "unstarted claims were put back")
    let firstOut = try String(contentsOf: temp.url.appendingPathComponent("first.out"), encoding: .utf8)
    #expect(firstOut.contains("\"state\":\"stopped\""))

    // The same command again resumes the same run.
    let second = try intake(["revalidate"] + arguments)
    #expect(second.status == 0, "\(second.stderr)")
    let s = try summary(second)
    #expect(s["run"] as? String == name)
    #expect(s["total"] as? Int == count)
    #expect(second.stderr.contains("joining"))

    let decisions = try store.decisions(run: name, after: 0, limit: 10_000)
    #expect(decisions.count == count)
    #expect(Set(decisions.map(\.path)) == Set(paths), "every file exactly once")
    #expect(Set(decisions.map(\.worker)).count >= 2)
    let csv = try readCSV(URL(fileURLWithPath: try #require((s["report"] as? [String: String])?["csv"])))
    #expect(csv.count == count + 1)
}

@Test("Two processes share one run on PostgreSQL: each file processed once, one combined report")
func twoProcessesOnPostgres() throws {
    let server = try PostgresServer.shared()
    let url = try server.makeDatabase("revalidate")
    let temp = try TemporaryDirectory("revalidate")
    let count = 400
    let paths = try makeCorpus(count, in: temp.url.appendingPathComponent("corpus"))
    func arguments(_ machine: String) -> [String] {
        [temp.path("corpus"), "--ledger", url, "--run", "shared-run", "--output", temp.path("out-\(machine)"),
         "--workers", "2", "--batch", "10", "--json"]
    }
    let a = try startRevalidate(arguments("a"), logs: temp.url, name: "a")
    let b = try startRevalidate(arguments("b"), logs: temp.url, name: "b")
    #expect(waitForExit(a, within: 300) && waitForExit(b, within: 300))
    let errors = ["a", "b"].map { (try? String(contentsOf: temp.url.appendingPathComponent("\($0).err"), encoding: .utf8)) ?? "" }
    #expect(a.terminationStatus == 0, "\(errors[0])")
    #expect(b.terminationStatus == 0, "\(errors[1])")

    let summaries = try ["a", "b"].map { name -> [String: Any] in
        let text = try String(contentsOf: temp.url.appendingPathComponent("\(name).out"), encoding: .utf8)
        let line = try #require(text.split(separator: "\n").last)
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
    let reported = summaries.filter { $0["report"] != nil }
    #expect(reported.count == 1, "exactly one process writes the report: \(summaries)")
    #expect(reported.first?["total"] as? Int == count)

    let store = try PostgresRevalidationStore(url: url)
    defer { store.close() }
    let decisions = try store.decisions(run: "shared-run", after: 0, limit: 10_000)
    #expect(decisions.count == count)
    #expect(Set(decisions.map(\.path)) == Set(paths), "each file processed once")
    let processes = Set(decisions.map { $0.worker.split(separator: "/").first.map(String.init) ?? "" })
    #expect(processes.count == 2, "both processes took batches: \(processes)")
    let progress = try store.progress(run: "shared-run")
    #expect(progress.total == count && progress.done == count && progress.pending == 0 && progress.claimed == 0)
    #expect(try store.run(named: "shared-run")?.finishedAt != nil)

    let report = try #require(reported.first?["report"] as? [String: String])
    let csv = try readCSV(URL(fileURLWithPath: try #require(report["csv"])))
    #expect(csv.count == count + 1, "one combined report")
    let json = try readJSON(URL(fileURLWithPath: try #require(report["json"])))
    #expect(sum(json["byStatus"]) == count)

    // A third process joining the finished run writes the report again, without redoing anything.
    let again = try intake(["revalidate"] + arguments("c"))
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stderr.contains("already finished"))
    #expect(try store.decisions(run: "shared-run", after: 0, limit: 10_000).count == count)
}
