import Foundation
import Inbox
import IntakeTestSupport
import Ledger
import Pipeline
import Testing

/// A complete set of service folders in a temporary directory.
final class Station: @unchecked Sendable {
    let temp: TemporaryDirectory
    let settings: InboxSettings

    init(workers: Int = 1) throws {
        temp = try TemporaryDirectory("station")
        var s = InboxSettings(inbox: temp.url.appendingPathComponent("inbox"), output: temp.url.appendingPathComponent("output"),
                              archive: temp.url.appendingPathComponent("archive"), state: temp.url.appendingPathComponent("state"))
        s.settle = 0.2
        s.poll = 0.05
        s.workers = workers
        s.exitWhenIdle = true
        settings = s
        for folder in [s.inbox, s.state] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    }

    func ledger() throws -> SQLiteLedger { try SQLiteLedger(path: settings.ledgerPath) }

    func service() throws -> InboxService {
        let pipeline = Pipeline(catalog: Repository.catalog, options: .init(outputRoot: settings.output, render: false, reprocess: true, today: Repository.processingDay))
        return try InboxService(settings: settings, pipeline: pipeline, ledger: try ledger())
    }

    func drop(_ sample: String, as name: String) throws {
        try FileManager.default.copyItem(atPath: Repository.sample(sample), toPath: settings.inbox.appendingPathComponent(name).path)
    }

    func files(_ folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter {
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path, isDirectory: &isDir)
            return !isDir.boolValue
        }.sorted()
    }

    /// result.json files under output/, one per processed submission.
    var results: [String] { files(settings.output).filter { $0.hasSuffix("result.json") && !$0.hasPrefix(".") } }
}

@Test("Files are processed once, originals archived read-only by SHA-256, failures quarantined, duplicates recorded")
func processesTheInbox() throws {
    let station = try Station()
    try station.drop("lc-complete.xml", as: "a.xml")
    try station.drop("ly-complete.xml", as: "b.xml")
    try station.drop("lc-complete.xml", as: "a-again.xml")
    try "not xml at all".write(to: station.settings.inbox.appendingPathComponent("c.xml"), atomically: true, encoding: .utf8)
    try "half".write(to: station.settings.inbox.appendingPathComponent("d.xml.part"), atomically: true, encoding: .utf8)
    try station.service().run()

    #expect(station.results.count == 2)
    let ledger = try station.ledger()
    let entries = try ledger.entries()
    #expect(entries.filter { $0.state == "done" }.count == 2)
    #expect(entries.filter { $0.state == "quarantined" }.count == 1)
    #expect(try ledger.duplicateCount() == 1)
    let archived = station.files(station.settings.archive)
    #expect(archived.count == 2)
    for file in archived {
        let url = station.settings.archive.appendingPathComponent(file)
        let data = try Data(contentsOf: url)
        #expect(url.deletingPathExtension().lastPathComponent == SubmissionID.sha256Hex(Array(data)))
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o444)
    }
    let quarantined = station.files(station.settings.quarantine)
    #expect(quarantined.count == 2)
    #expect(quarantined.contains { $0.hasSuffix("c.xml.reason.txt") })
    // Only the file still being written remains in the inbox.
    #expect(try FileManager.default.contentsOfDirectory(atPath: station.settings.inbox.path).filter { !$0.hasPrefix(".") }
            == ["d.xml.part"])
}

@Test("A claim left by a process that died is resumed under its token and finished once")
func resumesDeadClaims() throws {
    let station = try Station()
    let dead = station.settings.inbox.appendingPathComponent(".intake-claims/deadhost-1-1")
    try FileManager.default.createDirectory(at: dead, withIntermediateDirectories: true)
    FileManager.default.createFile(atPath: station.settings.inbox.appendingPathComponent(".intake-claims/deadhost-1-1.lock").path,
                                   contents: nil)
    try FileManager.default.copyItem(atPath: Repository.sample("lc-complete.xml"), toPath: dead.appendingPathComponent("111-abc__a.xml").path)
    // It had been recorded as claimed before the crash.
    let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: Repository.sample("lc-complete.xml"))))
    let sha = SubmissionID.sha256Hex(bytes)
    _ = try station.ledger().begin(ClaimRecord(sha256: sha, name: "a.xml", token: "111-abc", droppedAt: Date(),
                                               claimedAt: Date(), worker: "deadhost-1-1"))
    try station.service().run()
    let entry = try #require(try station.ledger().entry(sha256: sha))
    #expect(entry.state == "done")
    #expect(entry.attempts == 2)
    #expect(try station.ledger().duplicateCount() == 0)
    #expect(station.results.count == 1)
    #expect(!FileManager.default.fileExists(atPath: dead.path))
}

@Test("A claim finished in the ledger before a crash is only archived, not processed again")
func finishesAlreadyDoneClaims() throws {
    let station = try Station()
    let dead = station.settings.inbox.appendingPathComponent(".intake-claims/deadhost-2-2")
    try FileManager.default.createDirectory(at: dead, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: Repository.sample("ly-complete.xml"), toPath: dead.appendingPathComponent("222-def__b.xml").path)
    let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: Repository.sample("ly-complete.xml"))))
    let sha = SubmissionID.sha256Hex(bytes)
    let ledger = try station.ledger()
    _ = try ledger.begin(ClaimRecord(sha256: sha, name: "b.xml", token: "222-def", droppedAt: Date(), claimedAt: Date(), worker: "x"))
    try ledger.finish(sha256: sha, token: "222-def", Completion(state: .done, resultStatus: "accepted", resultDirectory: "/o",
                                                               reason: nil, finishedAt: Date()))
    try station.service().run()
    #expect(station.results.isEmpty, "it was done before the crash: no second processing")
    #expect(station.files(station.settings.archive).count == 1)
    #expect(try ledger.duplicateCount() == 0)
}

@Test("Two watchers on one inbox never take the same file")
func twoWatchers() async throws {
    let station = try Station()
    for i in 0..<40 {
        // Forty distinct contents: the same sample with a different submission date.
        let xml = try String(contentsOfFile: Repository.sample("lc-complete.xml"), encoding: .utf8)
            .replacingOccurrences(of: "<submittedOn>2026-11-17</submittedOn>", with: "<submittedOn>2026-10-\(10 + i % 20)</submittedOn><!-- \(i) -->")
        try xml.write(to: station.settings.inbox.appendingPathComponent("f\(i).xml"), atomically: true, encoding: .utf8)
    }
    let first = try station.service()
    let second = try station.service()
    await withTaskGroup(of: Void.self) { group in
        group.addTask { first.run() }
        group.addTask { second.run() }
    }
    let entries = try station.ledger().entries()
    #expect(entries.count == 40)
    #expect(entries.allSatisfy { $0.state == "done" && $0.attempts == 1 })
    #expect(try station.ledger().duplicateCount() == 0)
    #expect(station.results.count == 40)
    #expect(station.files(station.settings.archive).count == 40)
}

@Test("An output folder that cannot be written is retried with back-off and the file is done once it can")
func transientOutputFailureIsRetried() throws {
    let station = try Station()
    // A plain file where the output staging folder must go: every write fails until it is removed.
    try FileManager.default.createDirectory(at: station.settings.output, withIntermediateDirectories: true)
    let blocker = station.settings.output.appendingPathComponent(".tmp")
    FileManager.default.createFile(atPath: blocker.path, contents: Data("blocker".utf8))
    try station.drop("lc-complete.xml", as: "a.xml")
    var settings = station.settings
    settings.exitWhenIdle = false
    let pipeline = Pipeline(catalog: Repository.catalog, options: .init(outputRoot: settings.output, render: false, reprocess: true, today: Repository.processingDay))
    let ledger = try station.ledger()
    let service = try InboxService(settings: settings, pipeline: pipeline, ledger: ledger)
    let thread = Thread { service.run() }
    thread.start()
    defer {
        service.stop()
        while !thread.isFinished { usleep(10_000) }
    }
    let deadline = Date().addingTimeInterval(20)
    while try ledger.summary(since: Date(timeIntervalSince1970: 0)).retries < 2, Date() < deadline { usleep(50_000) }
    #expect(try ledger.summary(since: Date(timeIntervalSince1970: 0)).retries >= 2, "the failure is retried")
    #expect(try ledger.entries().first?.state == "claimed", "not quarantined: the file is fine")
    try FileManager.default.removeItem(at: blocker)
    while try ledger.summary(since: Date(timeIntervalSince1970: 0)).done < 1, Date() < deadline { usleep(50_000) }
    #expect(try ledger.entries().first?.state == "done")
    #expect(station.results.count == 1)
}

@Test("stop() lets the submission in hand finish and leaves nothing half done")
func stopFinishesCleanly() throws {
    let station = try Station(workers: 2)
    for i in 0..<20 {
        let xml = try String(contentsOfFile: Repository.sample("ly-complete.xml"), encoding: .utf8)
            .replacingOccurrences(of: "</submission>", with: "<!-- \(i) --></submission>")
        try xml.write(to: station.settings.inbox.appendingPathComponent("f\(i).xml"), atomically: true, encoding: .utf8)
    }
    var settings = station.settings
    settings.exitWhenIdle = false
    let pipeline = Pipeline(catalog: Repository.catalog, options: .init(outputRoot: settings.output, render: true, reprocess: true, today: Repository.processingDay))
    let ledger = try station.ledger()
    let service = try InboxService(settings: settings, pipeline: pipeline, ledger: ledger)
    let thread = Thread { service.run() }
    thread.start()
    while try ledger.summary(since: Date(timeIntervalSince1970: 0)).done < 3 { usleep(5_000) }
    service.stop()
    let stopping = Date()
    while !thread.isFinished { usleep(5_000) }
    #expect(Date().timeIntervalSince(stopping) < 5)
    // Whatever was claimed is either done or still waiting in the claim folder; nothing in between.
    let entries = try ledger.entries()
    let claimFolder = station.settings.inbox.appendingPathComponent(".intake-claims")
    let pendingClaims = station.files(claimFolder).filter { !$0.hasSuffix(".lock") }
    #expect(entries.filter { $0.state == "claimed" }.count == pendingClaims.count)
    #expect(entries.filter { $0.state == "done" }.count == station.results.count)
    // A restart finishes the rest.
    try station.service().run()
    #expect(try ledger.entries().filter { $0.state == "done" }.count == 20)
    #expect(station.results.count == 20)
}

@Test("A bundle folder is taken when its READY marker appears; its files prove the materials they are named for")
func bundleFolder() throws {
    let station = try Station()
    let bundle = station.settings.inbox.appendingPathComponent("bundle-1")
    try FileManager.default.createDirectory(at: bundle, withIntermediateDirectories: true)
    // The application without a <materials> list; the approval document comes as a file.
    let xml = try String(contentsOfFile: Repository.sample("lc-complete.xml"), encoding: .utf8)
    let stripped = xml.replacingOccurrences(of: #"<materials>[\s\S]*</materials>"#, with: "", options: .regularExpression)
    try stripped.write(to: bundle.appendingPathComponent("application.xml"), atomically: true, encoding: .utf8)
    try Data([0x25, 0x50, 0x44, 0x46]).write(to: bundle.appendingPathComponent("单位批准成立文件复印件.pdf"))
    // Without its marker the folder is left alone.
    try station.service().run()
    #expect(station.results.isEmpty)
    FileManager.default.createFile(atPath: bundle.appendingPathComponent("READY").path, contents: nil)
    try station.service().run()
    let resultFile = try #require(station.results.first)
    let result = try JSONSerialization.jsonObject(with: Data(contentsOf: station.settings.output.appendingPathComponent(resultFile)))
        as? [String: Any]
    #expect(result?["status"] as? String == "accepted")
    let attachments = result?["attachments"] as? [[String: Any]]
    #expect(attachments?.first?["material"] as? String == "approval-document")
    #expect(attachments?.first?["file"] as? String == "单位批准成立文件复印件.pdf")
    // Archived as a read-only folder named by its manifest hash.
    let archived = station.files(station.settings.archive)
    #expect(archived.filter { $0.hasSuffix("/application.xml") || $0.hasSuffix("/单位批准成立文件复印件.pdf") }.count == 2)
    #expect(Set(archived.map { ($0 as NSString).deletingLastPathComponent }).count == 1, "one folder: \(archived)")
    #expect(!FileManager.default.fileExists(atPath: bundle.path))
}

@Test("A bundle with no application (no XML submission, no PDF of a known form) is quarantined with the reason")
func malformedBundle() throws {
    let station = try Station()
    let bundle = station.settings.inbox.appendingPathComponent("bundle-2")
    try FileManager.default.createDirectory(at: bundle, withIntermediateDirectories: true)
    try Data("scan".utf8).write(to: bundle.appendingPathComponent("营业执照.jpg"))
    FileManager.default.createFile(atPath: bundle.appendingPathComponent(".ready").path, contents: nil)
    try station.service().run()
    let reasons = station.files(station.settings.quarantine).filter { $0.hasSuffix(".reason.txt") }
    #expect(reasons.count == 1)
    let text = try String(contentsOf: station.settings.quarantine.appendingPathComponent(reasons[0]), encoding: .utf8)
    #expect(text.contains("no application form in the bundle"))
}
