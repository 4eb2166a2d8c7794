import Foundation
import IntakeCore
import IntakeTestSupport
import Pipeline
import Readers
import Testing

/// Writes `content` as a submission file and processes it; returns the outcome, checking that
/// the original is unchanged and no output folder (or leftover temporary) was written.
func processBad(_ content: [UInt8], name: String = "bad.xml") throws -> (Pipeline.Outcome, Duration) {
    let inbox = try TemporaryDirectory("inbox")
    let output = try TemporaryDirectory("output")
    let path = inbox.path(name)
    FileManager.default.createFile(atPath: path, contents: Data(content))
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let clock = ContinuousClock()
    var outcome: Pipeline.Outcome!
    let elapsed = clock.measure { outcome = process(path, into: output.url) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the original must not change")
    if case .failed = outcome {
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path("")).isEmpty, "nothing may be written")
    }
    return (outcome, elapsed)
}

func failure(_ outcome: Pipeline.Outcome) -> IntakeError? {
    if case .failed(let e) = outcome { return e }
    Issue.record("expected a failure, got \(outcome)")
    return nil
}

let validLiaocheng = try! String(contentsOfFile: Repository.sample("lc-complete.xml"), encoding: .utf8)

@Test("Not XML is an error naming the file")
func notXML() throws {
    let (outcome, _) = try processBad(Array("这不是XML文件\n".utf8))
    let error = try #require(failure(outcome))
    #expect(error.code == .notXML)
    #expect(error.description.contains("bad.xml"))
}

@Test("An empty file is not XML; a cut-off JPEG or PNG is a damaged image; an old Word file renamed .xml is named for what it is", arguments: [
    ([], IntakeError.Code.notXML, "document is empty"),
    ([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01], .damagedImage, "truncated or corrupt"),
    ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], .damagedImage, "truncated or corrupt"),
    ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], .unsupportedFile, "an old Office document"),
] as [([UInt8], IntakeError.Code, String)])
func foreignBytes(bytes: [UInt8], code: IntakeError.Code, said: String) throws {
    let error = try #require(failure(try processBad(bytes).0))
    #expect(error.code == code)
    #expect(error.message.contains(said), "\(error)")
}

@Test("Truncated XML is reported with a line number")
func truncated() throws {
    let cut = String(validLiaocheng.prefix(validLiaocheng.count / 2))
    let (outcome, _) = try processBad(Array(cut.utf8))
    let error = try #require(failure(outcome))
    #expect(error.code == .notXML)
    #expect(error.line != nil)
}

@Test("A wrong root element and an unknown form are named in the error", arguments: [
    ("<?xml version=\"1.0\"?>\n<application form=\"lc-unit-enrollment\"/>", IntakeError.Code.wrongRoot, "application"),
    (validLiaocheng.replacingOccurrences(of: "form=\"lc-unit-enrollment\"", with: "form=\"no-such-form\""), .unknownForm, "no-such-form"),
])
func misnamedDocument(xml: String, code: IntakeError.Code, named: String) throws {
    let error = try #require(failure(try processBad(Array(xml.utf8)).0))
    #expect(error.code == code)
    #expect(error.message.contains(named))
}

@Test("A schema violation is rejected with its line in result.json")
func schemaViolation() throws {
    let xml = validLiaocheng.replacingOccurrences(of: "<handling>本人</handling>", with: "<handling>代办</handling>")
    let (outcome, _) = try processBad(Array(xml.utf8))
    let result = try processed(outcome)
    #expect(result.status == .rejected)
    #expect(result.problems.first?.code == .schemaViolation)
    #expect(result.problems.first?.line == 4)
    #expect(result.outputs.form == nil)
}

@Test("A region no guide covers is rejected")
func unknownRegion() throws {
    let xml = validLiaocheng.replacingOccurrences(of: "<region>371502</region>", with: "<region>110101</region>")
    let result = try processed(try processBad(Array(xml.utf8)).0)
    #expect(result.status == .rejected)
    #expect(result.problems.map(\.code) == [.unknownRegion])
}

@Test("XXE is refused quickly without reading the file it names")
func xxe() throws {
    // A FIFO blocks whoever opens it for reading: finishing at all proves it was never opened.
    let dir = try TemporaryDirectory("xxe")
    let fifo = dir.path("secret")
    #expect(mkfifo(fifo, 0o600) == 0)
    let xml = """
    <?xml version="1.0"?>
    <!DOCTYPE submission [<!ENTITY x SYSTEM "file://\(fifo)"><!ENTITY p SYSTEM "file:///etc/passwd">]>
    <submission form="lc-unit-enrollment" version="1"><region>&x;&p;</region></submission>
    """
    let (outcome, elapsed) = try processBad(Array(xml.utf8))
    #expect(failure(outcome)?.code == .refused)
    #expect(elapsed < .seconds(1))
}

@Test("Billion laughs is refused in well under a second")
func billionLaughs() throws {
    var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
    for i in 1...9 { xml += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">\n" }
    xml += "]>\n<submission form=\"lc-unit-enrollment\" version=\"1\"><region>&lol9;</region></submission>\n"
    let (outcome, elapsed) = try processBad(Array(xml.utf8))
    #expect(failure(outcome)?.code == .refused)
    #expect(elapsed < .seconds(1))
}

@Test("A 200 MB file is refused by its size, before it is read")
func hugeFile() throws {
    let inbox = try TemporaryDirectory("huge")
    let output = try TemporaryDirectory("output")
    let path = inbox.path("huge.xml")
    FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.truncate(atOffset: 200 << 20)  // sparse: costs no disk
    try handle.close()
    let clock = ContinuousClock()
    var outcome: Pipeline.Outcome!
    let elapsed = clock.measure { outcome = process(path, into: output.url) }
    #expect(failure(outcome)?.code == .tooLarge)
    #expect(elapsed < .seconds(1))
}

@Test("A missing file is unreadable; a folder is a bundle, and one with no application is refused")
func unreadable() throws {
    let output = try TemporaryDirectory("output")
    let folder = try TemporaryDirectory("folder")
    #expect(failure(process("/nonexistent/submission.xml", into: output.url))?.code == .unreadable)
    #expect(failure(process(folder.url.path, into: output.url))?.code == .bundle)
    FileManager.default.createFile(atPath: folder.path("note.txt"), contents: Data("not a form".utf8))
    #expect(failure(process(folder.url.path, into: output.url))?.code == .bundle)
}

@Test("An output folder that cannot be written is an error, and nothing half-written is left")
func outputNotWritable() throws {
    let temp = try TemporaryDirectory("blocked")
    let blocker = temp.url.appendingPathComponent("output")
    FileManager.default.createFile(atPath: blocker.path, contents: Data("a file, not a folder".utf8))
    let error = try #require(failure(process(Repository.sample("lc-complete.xml"), into: blocker)))
    #expect(error.code == .output)
    #expect(try String(contentsOf: blocker, encoding: .utf8) == "a file, not a folder")
}

@Test("A run over good and bad files goes on after each bad one")
func runGoesOn() throws {
    let inbox = try TemporaryDirectory("mixed")
    let output = try TemporaryDirectory("output")
    FileManager.default.createFile(atPath: inbox.path("a.xml"), contents: Data("garbage".utf8))
    try FileManager.default.copyItem(atPath: Repository.sample("lc-complete.xml"), toPath: inbox.path("b.xml"))
    let outcomes = [inbox.path("a.xml"), inbox.path("b.xml")].map { process($0, into: output.url) }
    #expect(failure(outcomes[0]) != nil)
    #expect(try processed(outcomes[1]).status == .accepted)
    let staging = output.url.appendingPathComponent(".tmp").path
    let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: staging)) ?? []
    #expect(leftovers.isEmpty, "no temporary folder may remain: \(leftovers)")
}
