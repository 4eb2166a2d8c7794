import Foundation
import IntakeTestSupport
import Ledger
import Testing

func intake(_ arguments: [String], in directory: URL? = nil) throws -> CommandResult {
    try runCommand(Repository.intakeExecutable.path, arguments, currentDirectory: directory)
}

@Test("--help explains the commands and the exit statuses")
func help() throws {
    let result = try intake(["--help"])
    #expect(result.status == 0)
    for word in ["process", "forms", "blank", "Exit status", "一次性告知书"] {
        #expect(result.stdout.contains(word), "help lacks \(word)")
    }
}

@Test("process works from any working directory and prints one line per file")
func processFromElsewhere() throws {
    let temp = try TemporaryDirectory("cli")
    let result = try intake(["process", Repository.sample("lc-complete.xml"), Repository.sample("lc-bad-uscc.xml"),
                             "--output", temp.path("out")], in: URL(fileURLWithPath: "/"))
    #expect(result.status == 1, "an incomplete submission makes the exit status 1")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix("accepted"))
    #expect(lines[1].hasPrefix("incomplete"))
    #expect(result.stderr.contains("2 file(s): 1 accepted, 1 incomplete"))
}

@Test("--json prints one result per line; failures are lines too, and exit 2")
func jsonLines() throws {
    let temp = try TemporaryDirectory("cli")
    let bad = temp.path("broken.xml")
    try "<submission".write(toFile: bad, atomically: true, encoding: .utf8)
    let result = try intake(["process", "--json", Repository.sample("ly-complete.xml"), bad, "--output", temp.path("out")])
    #expect(result.status == 2)
    let objects = try result.stdout.split(separator: "\n").map {
        try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(objects.count == 2)
    #expect(objects[0]["schema"] as? String == "intake.result/1")
    #expect(objects[0]["status"] as? String == "accepted")
    #expect(objects[1]["status"] as? String == "error")
    #expect((objects[1]["error"] as? [String: Any])?["code"] as? String == "not-xml")
}

@Test("A folder is searched for XML files; a second run reports duplicates and exits 0")
func folderAndDuplicates() throws {
    let temp = try TemporaryDirectory("cli")
    let inbox = temp.url.appendingPathComponent("inbox/sub")
    try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: Repository.sample("lc-complete.xml"), toPath: inbox.appendingPathComponent("a.xml").path)
    try "ignored".write(to: inbox.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    let first = try intake(["process", temp.path("inbox"), "--output", temp.path("out")])
    #expect(first.status == 0)
    #expect(first.stdout.split(separator: "\n").count == 1)
    let second = try intake(["process", temp.path("inbox"), "--output", temp.path("out")])
    #expect(second.status == 0)
    #expect(second.stdout.hasPrefix("duplicate"))
}

@Test("Several workers print in file order and settle the same bytes twice in one run as one after the other would")
func workersInOrder() throws {
    let temp = try TemporaryDirectory("cli")
    let inbox = temp.url.appendingPathComponent("inbox")
    try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
    let samples = try FileManager.default.contentsOfDirectory(atPath: Repository.samples.path).filter { $0.hasSuffix(".xml") }.sorted()
    var names: [String] = []
    for (i, sample) in samples.prefix(12).enumerated() {
        let name = String(format: "%02d-%@", i * 2, sample)
        try FileManager.default.copyItem(atPath: Repository.sample(sample), toPath: inbox.appendingPathComponent(name).path)
        names.append(name)
    }
    // The same bytes as the first file, later in the order; and a file that is not XML.
    try FileManager.default.copyItem(atPath: Repository.sample(samples[0]), toPath: inbox.appendingPathComponent("05-again.xml").path)
    try "garbage".write(to: inbox.appendingPathComponent("07-bad.xml"), atomically: true, encoding: .utf8)
    names = (names + ["05-again.xml", "07-bad.xml"]).sorted()

    for workers in ["1", "3"] {
        let run = try intake(["process", "--no-render", "--workers", workers, inbox.path, "--output", temp.path("out-\(workers)")])
        #expect(run.status == 2, "a failed file: exit 2")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let printed = names.filter { $0 != "07-bad.xml" }
        #expect(lines.count == printed.count)
        for (line, name) in zip(lines, printed) {
            #expect(line.contains("/\(name) "), "\(workers) workers: \(line) should be \(name)")
        }
        #expect(lines.first { $0.contains("05-again.xml") }?.hasPrefix("duplicate") == true)
        #expect(lines.filter { $0.hasPrefix("duplicate") }.count == 1)
        #expect(run.stderr.contains("07-bad.xml"))
    }
    let again = try intake(["process", "--no-render", "--workers", "3", "--reprocess", inbox.path, "--output", temp.path("out-3")])
    #expect(!again.stdout.contains("duplicate"), "--reprocess processes the same bytes again")
    #expect(again.stdout.split(separator: "\n").count == names.count - 1)
}

@Test("forms lists both regions' items; --forms with a bad catalog names the bad file")
func formsCommand() throws {
    let result = try intake(["forms"], in: URL(fileURLWithPath: "/tmp"))
    #expect(result.status == 0)
    #expect(result.stdout.contains("lc-unit-enrollment"))
    #expect(result.stdout.contains("371300 临沂市"))
    let temp = try TemporaryDirectory("cli")
    let copy = temp.url.appendingPathComponent("forms")
    try FileManager.default.copyItem(at: Repository.forms, to: copy)
    try "regions: 7".write(to: copy.appendingPathComponent("regions.yaml"), atomically: true, encoding: .utf8)
    let bad = try intake(["forms", "--forms", copy.path])
    #expect(bad.status != 0)
    #expect(bad.stderr.contains("regions.yaml"))
}

@Test("blank writes an empty official form with every label and no values")
func blankForm() throws {
    let temp = try TemporaryDirectory("cli")
    let pdf = temp.path("blank.pdf")
    let result = try intake(["blank", "ly-unit-enrollment", "--out", pdf])
    #expect(result.status == 0)
    let text = squeezed(try pdfText(pdf))
    for label in ["单位名称", "通讯地址", "法定代表人", "手机号码", "医保经办机构", "单位（盖章）", "□职工基本医疗保险"] {
        #expect(text.contains(label), "blank form lacks \(label)")
    }
    #expect(!text.contains("☑"))
    let unknown = try intake(["blank", "no-such-form", "--out", pdf])
    #expect(unknown.status != 0)
}

@Test("clerk and audit verify take --ledger postgres:// (no --state needed); neither option, or another scheme, is refused")
func clerkAndAuditOnPostgres() throws {
    let url = try PostgresServer.shared().makeDatabase("clerk")
    let added = try runCommand(Repository.intakeExecutable.path, ["clerk", "add", "wang", "--name", "王芳", "--offices", "371502",
                                                                  "--ledger", url], stdin: Data("a-long-password\n".utf8))
    #expect(added.status == 0, "\(added.stderr)")
    let listed = try intake(["clerk", "list", "--ledger", url])
    #expect(listed.stdout == "wang\tclerk\t王芳\t371502\topen\n", "\(listed.stderr)")
    try PostgresConsoleStore(url: url).audit(AuditEntry(at: Date(), clerk: "wang", address: "127.0.0.1", action: "login"))
    let verified = try intake(["audit", "verify", "--ledger", url])
    #expect(verified.status == 0 && verified.stdout == "audit chain intact: 1 rows\n", "\(verified.stderr)")
    let neither = try intake(["clerk", "list"])
    #expect(neither.status != 0 && neither.stderr.contains("give --state or --ledger"))
    let other = try intake(["audit", "verify", "--ledger", "mysql://u:secret@h/db"])
    #expect(other.status != 0 && other.stderr.contains("neither sqlite:///path nor postgres://") && !other.stderr.contains("secret"))
}
