import Foundation
import IntakeTestSupport
import Ledger
import Testing

/// Drops submissions into an inbox the way stations do, for the crash test.
struct Dropper {
    let inbox: URL
    let base = try! String(contentsOfFile: Repository.sample("lc-complete.xml"), encoding: .utf8)

    /// A distinct valid submission (the comment makes the bytes unique).
    func content(_ i: Int) -> Data {
        Data(base.replacingOccurrences(of: "</submission>", with: "<!-- drop \(i) --></submission>").utf8)
    }

    /// Written as name.tmp, then renamed: the convention for finished files.
    func byRename(_ data: Data, _ name: String) throws {
        let temp = inbox.appendingPathComponent(name + ".tmp")
        try data.write(to: temp)
        #expect(rename(temp.path, inbox.appendingPathComponent(name).path) == 0)
    }

    /// Written slowly in three chunks, as a scanner over a share does (pauses well under the
    /// watcher's settle time: a writer that pauses longer must write *.tmp and rename).
    func inChunks(_ data: Data, _ name: String) throws {
        let url = inbox.appendingPathComponent(name)
        // Not FileManager.createFile: it writes through a temporary name and renames, which by
        // the inbox's convention announces a finished file.
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        #expect(fd >= 0)
        close(fd)
        let third = data.count / 3
        for chunk in [data.prefix(third), data.dropFirst(third).prefix(third), data.dropFirst(2 * third)] {
            let handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
            try handle.write(contentsOf: chunk)
            try handle.close()
            usleep(40_000)
        }
    }
}

@Test("Killed with SIGKILL at random moments, the watcher still ends with every submission done exactly once")
func crashTest() throws {
    let temp = try TemporaryDirectory("crash")
    let inbox = temp.url.appendingPathComponent("inbox")
    let output = temp.url.appendingPathComponent("output")
    let archive = temp.url.appendingPathComponent("archive")
    let state = temp.url.appendingPathComponent("state")
    try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
    let arguments = ["watch", "--inbox", inbox.path, "--output", output.path, "--archive", archive.path, "--state", state.path,
                     "--settle", "0.5", "--poll", "0.05", "--no-render", "--workers", "2"]
    let dropper = Dropper(inbox: inbox)
    // The short version runs in the tests; the full one by hand, e.g.
    // INTAKE_CRASH_FILES=420 INTAKE_CRASH_KILLS=220 INTAKE_CRASH_PAUSE_MS=600 swift test --filter crashTest
    let environment = ProcessInfo.processInfo.environment
    let valid = Int(environment["INTAKE_CRASH_FILES"] ?? "") ?? 30
    let killCount = Int(environment["INTAKE_CRASH_KILLS"] ?? "") ?? 6
    let pause = UInt32(environment["INTAKE_CRASH_PAUSE_MS"] ?? "") ?? 70
    let duplicates = valid / 4, corrupt = max(1, valid / 6)

    // The stations keep dropping while the watcher is killed and restarted.
    let writer = Thread {
        for i in 0..<valid {
            let data = dropper.content(i)
            if i % 3 == 0 { try? dropper.inChunks(data, "s\(i).xml") } else { try? dropper.byRename(data, "s\(i).xml") }
            if i < duplicates { try? dropper.byRename(data, "dup\(i).xml") }
            if i < corrupt { try? dropper.byRename(Data("<submission form=\"lc-unit-enrollment\" \(i)".utf8), "bad\(i).xml") }
            usleep(UInt32.random(in: (pause * 300)...(pause * 1_700)))
        }
    }
    writer.start()
    var kills = 0
    let began = Date()
    while kills < killCount || !writer.isFinished {
        let process = Process()
        process.executableURL = Repository.intakeExecutable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(UInt32.random(in: 300_000...2_500_000))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        kills += 1
    }
    while !writer.isFinished { usleep(50_000) }
    let last = try runCommand(Repository.intakeExecutable.path, arguments + ["--exit-when-idle"])
    #expect(last.status == 0, "\(last.stderr)")
    print("crash test: \(valid) distinct + \(duplicates) duplicate + \(corrupt) corrupt drops, \(kills) SIGKILLs, "
          + String(format: "%.0f s", Date().timeIntervalSince(began)))

    // Every distinct valid submission has exactly one complete result.
    let fm = FileManager.default
    let dates = try fm.contentsOfDirectory(atPath: output.path).filter { !$0.hasPrefix(".") }
    let results = try dates.flatMap { date in
        try fm.contentsOfDirectory(atPath: output.appendingPathComponent(date).path).map { output.appendingPathComponent(date).appendingPathComponent($0) }
    }
    #expect(results.count == valid)
    for folder in results {
        #expect(fm.fileExists(atPath: folder.appendingPathComponent("result.json").path),
                "\(folder.lastPathComponent) holds \((try? fm.contentsOfDirectory(atPath: folder.path)) ?? [])")
    }
    // Nothing partial: no staging folder left behind.
    #expect(((try? fm.contentsOfDirectory(atPath: output.appendingPathComponent(".tmp").path)) ?? []).isEmpty)
    // Every original archived unchanged: the name is the SHA-256 of the bytes.
    let archived = fm.enumerator(atPath: archive.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".xml") }
    #expect(archived.count == valid)
    for file in archived {
        let data = try Data(contentsOf: archive.appendingPathComponent(file))
        #expect((file as NSString).lastPathComponent.hasPrefix(sha256Hex(data)))
    }
    // The ledger: each content once, each duplicate drop once, the corrupt ones quarantined.
    let ledger = try SQLiteLedger(path: state.appendingPathComponent("ledger.sqlite").path)
    let entries = try ledger.entries()
    #expect(entries.filter { $0.state == "done" }.count == valid)
    #expect(entries.filter { $0.state == "quarantined" }.count == corrupt)
    #expect(try ledger.duplicateCount() == duplicates)
    let quarantine = state.appendingPathComponent("quarantine")
    #expect(try fm.contentsOfDirectory(atPath: quarantine.path).filter { $0.hasSuffix(".reason.txt") }.count == corrupt)
    // The inbox and every claim folder are empty.
    #expect(try fm.contentsOfDirectory(atPath: inbox.path).filter { !$0.hasPrefix(".") }.isEmpty)
    let claims = inbox.appendingPathComponent(".intake-claims")
    for folder in try fm.contentsOfDirectory(atPath: claims.path) where !folder.hasSuffix(".lock") {
        #expect(try fm.contentsOfDirectory(atPath: claims.appendingPathComponent(folder).path).isEmpty)
    }
}

@Test("status reports today's counts and the queue from the state folder")
func statusCommand() throws {
    let temp = try TemporaryDirectory("status")
    let inbox = try temp.folder("inbox", samples: ["a.xml": "lc-complete.xml", "b.xml": "lc-bad-uscc.xml"])
    let state = temp.path("state")
    let watch = try runCommand(Repository.intakeExecutable.path, [
        "watch", "--inbox", inbox.path, "--output", temp.path("out"), "--archive", temp.path("archive"), "--state", state,
        "--settle", "0.1", "--exit-when-idle", "--no-render"])
    #expect(watch.status == 0)
    let status = try runCommand(Repository.intakeExecutable.path, ["status", "--state", state, "--json"])
    #expect(status.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
    let today = try #require(object["today"] as? [String: Any])
    #expect(today["done"] as? Int == 2)
    #expect((today["byResultStatus"] as? [String: Int])?["incomplete"] == 1)
    #expect(object["queued"] as? Int == 0)
    #expect(today["latencyP99"] as? Double != nil)
}

func sha256Hex(_ data: Data) -> String {
    let result = try! runCommand("/usr/bin/sha256sum", ["-"], stdin: data)
    return String(result.stdout.prefix(64))
}

@Test("watch takes its settings from --config, and polls when told to")
func watchFromConfigFile() throws {
    let temp = try TemporaryDirectory("config")
    let inbox = temp.url.appendingPathComponent("inbox")
    try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: Repository.sample("ly-complete.xml"), toPath: inbox.appendingPathComponent("a.xml").path)
    let config = temp.path("watch.yaml")
    try """
    inbox: \(inbox.path)
    output: \(temp.path("out"))
    archive: \(temp.path("archive"))
    state: \(temp.path("state"))
    settle: 0.1
    poll: 0.05
    mode: poll
    """.write(toFile: config, atomically: true, encoding: .utf8)
    let watch = try runCommand(Repository.intakeExecutable.path, ["watch", "--config", config, "--exit-when-idle", "--no-render"])
    #expect(watch.status == 0, "\(watch.stderr)")
    #expect(watch.stderr.contains("mode=poll"))
    #expect(watch.stderr.contains("accepted"))
    let status = try runCommand(Repository.intakeExecutable.path, ["status", "--state", temp.path("state")])
    #expect(status.stdout.contains("1 done"))
    let bad = try runCommand(Repository.intakeExecutable.path, ["watch", "--config", config, "--mode", "sometimes"])
    #expect(bad.status != 0)
    #expect(bad.stderr.contains("--mode"))
}
