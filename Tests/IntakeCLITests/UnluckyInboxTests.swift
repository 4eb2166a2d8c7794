import Foundation
import IntakeTestSupport
import Testing

/// `intake ARGS` under timeout(1): a hang fails the test (status 124) instead of stalling the run.
private func bounded(_ arguments: [String], seconds: Int = 60) throws -> CommandResult {
    try runCommand("/usr/bin/timeout", ["\(seconds)", Repository.intakeExecutable.path] + arguments)
}

private func fifo(_ path: String) throws {
    #expect(mkfifo(path, 0o644) == 0, "mkfifo \(path)")
}

@Test("A FIFO named x.xml is refused at once, naming what it is")
func fifoOnTheCommandLine() throws {
    let temp = try TemporaryDirectory("unlucky")
    try fifo(temp.path("x.xml"))
    let result = try bounded(["process", temp.path("x.xml"), "--output", temp.path("out")], seconds: 20)
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stderr.contains("x.xml: not a regular file but a FIFO"))
}

@Test("A folder named z.xml, or one holding nothing to take, is named in an error line")
func folderWithoutSubmissions() throws {
    let temp = try TemporaryDirectory("unlucky")
    try FileManager.default.createDirectory(atPath: temp.path("z.xml"), withIntermediateDirectories: true)
    let result = try bounded(["process", temp.path("z.xml"), "--output", temp.path("out")])
    #expect(result.status == 2)
    #expect(result.stderr.contains("z.xml: a folder holding no submission files"))
}

@Test("Links and FIFOs inside a folder are reported and not opened; a bundle holding one is refused")
func linksAndFIFOsInFolders() throws {
    let temp = try TemporaryDirectory("unlucky")
    let batch = try temp.folder("batch", samples: ["good.xml": "lc-complete.xml"])
    let bundle = try temp.folder("bundle", samples: ["app.xml": "lc-complete.xml"])
    try FileManager.default.createSymbolicLink(atPath: batch.appendingPathComponent("elsewhere.xml").path,
                                               withDestinationPath: Repository.sample("ly-complete.xml"))
    try fifo(batch.appendingPathComponent("pipe.xml").path)
    let result = try bounded(["process", "--json", "--no-render", batch.path, "--output", temp.path("out")])
    #expect(result.status == 2)
    #expect(result.stderr.contains("elsewhere.xml: a symbolic link; links found in folders are not followed"))
    #expect(result.stderr.contains("pipe.xml: not a regular file"))
    #expect(result.stdout.split(separator: "\n").count == 1, "only good.xml was processed: \(result.stdout)")
    #expect(result.stdout.contains("\"accepted\""))

    try fifo(bundle.appendingPathComponent("scan.pdf").path)
    #expect(FileManager.default.createFile(atPath: bundle.appendingPathComponent("READY").path, contents: nil))
    let refused = try bounded(["process", "--json", bundle.path, "--output", temp.path("out")], seconds: 20)
    #expect(refused.status == 2)
    #expect(refused.stdout.contains("scan.pdf in the bundle is a link or special file"), "\(refused.stdout)")
}

@Test("The inbox quarantines a FIFO and a symbolic link with the reason, and processes the rest")
func inboxSpecialFiles() throws {
    let temp = try TemporaryDirectory("unlucky")
    let inbox = try temp.folder("inbox", samples: ["a.xml": "ly-complete.xml"])
    try fifo(inbox.appendingPathComponent("pipe.xml").path)
    try FileManager.default.createSymbolicLink(atPath: inbox.appendingPathComponent("link.xml").path,
                                               withDestinationPath: Repository.sample("lc-complete.xml"))
    let watch = try bounded(["watch", "--inbox", inbox.path, "--output", temp.path("out"), "--archive", temp.path("archive"),
                             "--state", temp.path("state"), "--settle", "0.1", "--poll", "0.05", "--mode", "poll",
                             "--exit-when-idle", "--no-render"])
    #expect(watch.status == 0, "\(watch.stderr)")
    let quarantine = temp.url.appendingPathComponent("state/quarantine")
    let reasons = try FileManager.default.contentsOfDirectory(atPath: quarantine.path).filter { $0.hasSuffix(".reason.txt") }
        .map { try String(contentsOf: quarantine.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
    #expect(reasons.contains("FIFO"), "\(reasons)")
    #expect(reasons.contains("symbolic link"), "\(reasons)")
    #expect(watch.stderr.contains("accepted"), "a.xml was processed")
}

@Test("A PDF that crashes the reader is quarantined with the signal, and the watcher goes on with the others")
func readerCrashIsolated() throws {
    let temp = try TemporaryDirectory("unlucky")
    let inbox = try temp.folder("inbox", samples: ["a.xml": "ly-complete.xml"])
    let typed = try #require(try FileManager.default.contentsOfDirectory(atPath: Repository.fixtures.appendingPathComponent("pdf/typed").path)
        .filter { $0.hasSuffix(".pdf") }.sorted().first)
    let pdf = try Data(contentsOf: Repository.fixtures.appendingPathComponent("pdf/typed/\(typed)"))
    try pdf.write(to: inbox.appendingPathComponent("good.pdf"))
    // The same PDF with a comment after %%EOF that the test hook crashes on, as a poppler bug would.
    try (pdf + Data("\n%INTAKE-CRASH-HERE\n".utf8)).write(to: inbox.appendingPathComponent("crash.pdf"))
    let watch = try runCommand("/usr/bin/env", ["INTAKE_TEST_CRASH_MARKER=INTAKE-CRASH-HERE", "timeout", "120", Repository.intakeExecutable.path,
                                               "watch", "--inbox", inbox.path, "--output", temp.path("out"), "--archive", temp.path("archive"),
                                               "--state", temp.path("state"), "--settle", "0.1", "--poll", "0.05", "--mode", "poll",
                                               "--exit-when-idle", "--no-render"])
    #expect(watch.status == 0, "the watcher is not taken down: \(watch.stderr)")
    let quarantine = temp.url.appendingPathComponent("state/quarantine")
    let held = try FileManager.default.contentsOfDirectory(atPath: quarantine.path)
    #expect(held.filter { $0.hasSuffix("crash.pdf") }.count == 1, "\(held)")
    #expect(!held.contains { $0.hasSuffix("good.pdf") || $0.hasSuffix("a.xml") }, "\(held)")
    let reason = try String(contentsOf: quarantine.appendingPathComponent(try #require(held.first { $0.hasSuffix(".reason.txt") })),
                            encoding: .utf8)
    #expect(reason.contains("reader-crashed") && reason.contains("signal 11"), "\(reason)")
    #expect(watch.stderr.contains("file=good.pdf") && watch.stderr.contains("file=a.xml id="), "the others were processed: \(watch.stderr)")
}

@Test("Zips found by make fuzz are refused in a moment: a deflate stream cut short inside its entry (ZIPFoundation unpacked it for ever), a stored entry whose sizes differ, encrypted or not (it trapped), a stream that reads past its entry (zlib read past the buffer: the input as found and a 144-byte one made like it)",
      arguments: ["issue17-fuzz-inflate-hang.zip", "issue17-fuzz-stored-sizes.zip", "issue17-fuzz-stored-sizes-plain.zip",
                  "issue17-fuzz-inflate-overread-found.zip", "issue17-fuzz-inflate-overread.zip"])
func zipsFoundByFuzzing(name: String) throws {
    let temp = try TemporaryDirectory("unlucky")
    let zip = Repository.fixtures.appendingPathComponent("pdf/bundles/zips/\(name)").path
    let result = try bounded(["process", "--json", "--no-render", zip, "--output", temp.path("out")], seconds: 30)
    #expect(result.status == 2, "\(name): status \(result.status) (124: a hang, 132: a trap): \(result.stderr)")
    #expect(result.stdout.contains("\"bad-zip\""), "\(result.stdout)")
}
