import Foundation
import IntakeTestSupport
import Testing

/// Runs `intake` through env(1), so a run can have its own time zone, locale and clock.
private func intake(env: [String], _ arguments: [String], faketime: String? = nil) throws -> CommandResult {
    let clock = faketime.map { ["/usr/bin/faketime", $0] } ?? []
    return try runCommand("/usr/bin/env", env + clock + [Repository.intakeExecutable.path] + arguments)
}

/// Each file's status and problems (field and code) from `--json` lines, by file name.
private func decisions(_ result: CommandResult) throws -> [String: String] {
    var byFile: [String: String] = [:]
    for line in result.stdout.split(separator: "\n") {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let path = try #require((object["source"] as? [String: Any])?["path"] as? String)
        let problems = (object["problems"] as? [[String: Any]] ?? [])
            .map { "\($0["field"] as? String ?? "-") \($0["code"] as? String ?? "?")" }.sorted()
        // By path under samples/: two bundles each hold a submission.xml.
        let key = path.hasPrefix(Repository.samples.path + "/") ? String(path.dropFirst(Repository.samples.path.count + 1)) : (path as NSString).lastPathComponent
        byFile[key] = "\(object["status"] as? String ?? "?"): \(problems.joined(separator: ", "))"
    }
    return byFile
}

@Test("The samples come to the same results with the clock ten years ahead, in other time zones and locales")
func samplesDoNotDependOnTheClock() throws {
    #expect(FileManager.default.isExecutableFile(atPath: "/usr/bin/faketime"), "faketime is installed by make test")
    let temp = try TemporaryDirectory("clock")
    func run(_ name: String, env: [String], today: String? = nil, faketime: String? = nil) throws -> [String: String] {
        let result = try intake(env: env, ["process", "--json", "--no-render", "--output", temp.path(name), Repository.samples.path]
                                    + (today.map { ["--today", $0] } ?? []), faketime: faketime)
        #expect(result.status == 1, "\(name): \(result.stderr)")
        return try decisions(result)
    }
    let now = try run("now", env: ["TZ=Asia/Shanghai", "LC_ALL=C.UTF-8"])
    // Every XML sample, the typed PDF, the scan and each bundle's application.
    let fm = FileManager.default
    var samples = try fm.contentsOfDirectory(atPath: Repository.samples.path).filter { $0.hasSuffix(".xml") }
    for folder in ["pdf", "scans"] {
        samples += try fm.contentsOfDirectory(atPath: Repository.samples.appendingPathComponent(folder).path).map { "\(folder)/\($0)" }
    }
    samples += try fm.contentsOfDirectory(atPath: Repository.samples.appendingPathComponent("bundles").path).map { "bundles/\($0)/submission.xml" }
    #expect(Set(now.keys) == Set(samples))
    #expect(now["ly-insurance-certificate-future-date.xml"]?.contains("generatedOn date-order") == true,
            "生成日期 after the day the form was handed in (submittedOn) is wrong whatever day it is read")
    let later = try run("later", env: ["TZ=Pacific/Kiritimati", "LC_ALL=tr_TR.UTF-8", "LANG=ar_EG.UTF-8"],
                        faketime: "2036-12-06 23:30:00")
    let optioned = try run("optioned", env: ["TZ=America/Adak", "LC_ALL=C"], today: "2036-12-06")
    for (file, decision) in now.sorted(by: { $0.key < $1.key }) {
        #expect(later[file] == decision, "\(file) with the system clock in 2036, UTC+14")
        #expect(optioned[file] == decision, "\(file) with --today 2036-12-06, UTC-10")
    }
}

@Test("--today sets the day dates are judged against when the submission does not say when it was handed in")
func todayOption() throws {
    let temp = try TemporaryDirectory("clock")
    let sample = try String(contentsOfFile: Repository.sample("ly-insurance-certificate-future-date.xml"), encoding: .utf8)
    let undated = temp.path("undated.xml")
    try sample.replacingOccurrences(of: "  <submittedOn>2026-11-20</submittedOn>\n", with: "")
        .write(toFile: undated, atomically: true, encoding: .utf8)
    func problems(today: String, _ file: String) throws -> String {
        let result = try intake(env: [], ["process", "--json", "--no-render", "--reprocess", "--today", today,
                                          "--output", temp.path("out"), file])
        return try #require(try decisions(result)[(file as NSString).lastPathComponent])
    }
    // 生成日期 is 2026-12-05.
    #expect(try problems(today: "2026-12-04", undated).contains("generatedOn date-order"))
    #expect(try !problems(today: "2026-12-05", undated).contains("date-order"))
    #expect(try !problems(today: "2036-12-06", undated).contains("date-order"))
    // Handed in on 2026-11-20: judged as on that day, whatever day intake reads it.
    let dated = Repository.sample("ly-insurance-certificate-future-date.xml")
    #expect(try problems(today: "2036-12-06", dated).contains("generatedOn date-order"))
    #expect(try problems(today: "2026-11-19", dated).contains("generatedOn date-order"))

    let bad = try intake(env: [], ["process", "--today", "2026-02-30", undated])
    #expect(bad.status == 64 && bad.stderr.contains("--today"), "not a day: a usage error naming the option")
    for command in ["watch", "revalidate"] {
        #expect(try intake(env: [], [command, "--help"]).stdout.contains("--today"), "\(command) takes --today")
    }
}
