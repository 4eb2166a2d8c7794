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
