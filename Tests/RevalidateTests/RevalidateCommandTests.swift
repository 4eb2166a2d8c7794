import Foundation
import IntakeTestSupport
import Ledger
import Testing

@Test("revalidate on a copy of samples/: every file once, a report in three forms whose totals add up")
func samplesRun() throws {
    let temp = try TemporaryDirectory("revalidate")
    let names = try copySamples(to: temp.url.appendingPathComponent("subs"))
    let result = try intake(["revalidate", temp.path("subs"), "--state", temp.path("state"), "--output", temp.path("out"), "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let s = try summary(result)
    #expect(s["state"] as? String == "finished")
    #expect(s["total"] as? Int == names.count)
    let report = try #require(s["report"] as? [String: String])
    let csvURL = URL(fileURLWithPath: try #require(report["csv"]))
    #expect(csvURL.path.hasPrefix(temp.path("out/reports/")), "default report folder: <output>/reports/<run>/")

    let csv = try readCSV(csvURL)
    #expect(csv.first == ["path", "sha256", "form", "item", "item_name", "region", "region_name", "old_status", "new_status",
                          "change", "problems_added", "problems_resolved", "output", "error"])
    #expect(csv.count == names.count + 1, "one row per file")
    #expect(Set(csv.dropFirst().map { ($0[0] as NSString).lastPathComponent }) == Set(names))
    #expect(csv.dropFirst().allSatisfy { $0[9] == "new" }, "no earlier decision: every submission is new")
    let complete = try #require(csv.first { $0[0].hasSuffix("/lc-complete.xml") })
    #expect(complete[3] == "unit-enrollment" && complete[5] == "371500" && complete[8] == "accepted")

    let json = try readJSON(URL(fileURLWithPath: try #require(report["json"])))
    #expect(json["total"] as? Int == names.count)
    #expect(sum(json["byStatus"]) == names.count)
    #expect(sum(json["byChange"]) == names.count)
    let items = try #require(json["byItem"] as? [[String: Any]])
    #expect(items.compactMap { $0["total"] as? Int }.reduce(0, +) == names.count)
    let regions = try #require(json["byRegion"] as? [[String: Any]])
    #expect(regions.compactMap { $0["total"] as? Int }.reduce(0, +) == names.count)
    // The item sample not offered in 聊城 has no item, so no region of the catalog.
    #expect(Set(regions.compactMap { $0["name"] as? String }) == ["聊城市", "临沂市", "淄博市", "潍坊市昌乐县", "（未识别地区）"])
    #expect((json["topProblems"] as? [[String: Any]])?.isEmpty == false)
    #expect((json["changed"] as? [Any])?.isEmpty == true)

    let html = try String(contentsOfFile: try #require(report["html"]), encoding: .utf8)
    #expect(html.contains("<svg"))
    #expect(html.contains("重新校验报告"))
    #expect(html.contains(">\(names.count)<"), "the total is shown")
    #expect(!html.contains("<script"), "no script")
    #expect(!html.contains("http://") || !html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http://"),
            "nothing fetched from the network")
    #expect(html.contains("单位基本医疗保险参保登记"), "items by name from the catalog")
}

@Test("A material added to an item: the next run finds newly-incomplete decisions and problems added; history keeps both runs")
func catalogChange() throws {
    let temp = try TemporaryDirectory("revalidate")
    let names = try copySamples(to: temp.url.appendingPathComponent("subs"))
    let base = ["revalidate", temp.path("subs"), "--state", temp.path("state"), "--output", temp.path("out"), "--json"]
    let first = try intake(base)
    #expect(first.status == 0, "\(first.stderr)")
    let firstRun = try #require(try summary(first)["run"] as? String)

    let changed = try catalogWithNewMaterial(in: temp.url)
    let second = try intake(base + ["--forms", changed.path, "--render"])
    #expect(second.status == 0, "\(second.stderr)")
    let s = try summary(second)
    let secondRun = try #require(s["run"] as? String)
    #expect(secondRun != firstRun, "another catalog is another run")
    let byChange = try #require(s["byChange"] as? [String: Int])
    #expect(byChange["newly-incomplete", default: 0] >= 1)
    #expect(byChange["problems-added", default: 0] >= 1)
    #expect(byChange["new", default: 0] == 0, "every submission was decided before")

    // History: both runs' decisions are in the ledger, the second compared with the first.
    let store = try SQLiteRevalidationStore(path: temp.path("state/ledger.sqlite"))
    let before = try store.decisions(run: firstRun, after: 0, limit: 1000)
    let after = try store.decisions(run: secondRun, after: 0, limit: 1000)
    #expect(before.count == names.count && after.count == names.count)
    let old = try #require(before.first { $0.path.hasSuffix("/lc-complete.xml") })
    let new = try #require(after.first { $0.path.hasSuffix("/lc-complete.xml") })
    #expect(old.status == "accepted")
    #expect(new.status == "incomplete" && new.change == "newly-incomplete" && new.changed)
    #expect(new.previousStatus == "accepted" && new.previousSource == "revalidation \(firstRun)")
    #expect(new.problemsAdded.contains("missing-material\tbusiness-license\t营业执照副本复印件"))
    let poa = try #require(after.first { $0.path.hasSuffix("/lc-entrusted-missing-poa.xml") })
    #expect(poa.change == "problems-added" && poa.previousStatus == "incomplete")
    // Items of other regions are untouched.
    #expect(after.filter { $0.region == "371300" }.allSatisfy { $0.change == "unchanged" })

    // --render regenerated the changed ones only, and the report links to them.
    let outputs = after.compactMap(\.output)
    #expect(outputs.count == after.filter(\.changed).count)
    for folder in outputs {
        #expect(FileManager.default.fileExists(atPath: folder + "/notice.pdf"))
        #expect(try pdfText(folder + "/notice.pdf").contains("营业执照副本复印件"))
    }
    let report = try #require(s["report"] as? [String: String])
    let html = try String(contentsOfFile: try #require(report["html"]), encoding: .utf8)
    #expect(html.contains("新变为需补正"))
    #expect(html.contains("href=\"../../"), "relative links from <output>/reports/<run>/ to the output folders")
    let json = try readJSON(URL(fileURLWithPath: try #require(report["json"])))
    #expect((json["changed"] as? [Any])?.count == after.filter(\.changed).count)
    #expect((json["topMissingMaterials"] as? [[String: Any]])?.first?["name"] as? String == "营业执照副本复印件")
}

@Test("An empty folder gives a valid report with zero submissions")
func emptyFolder() throws {
    let temp = try TemporaryDirectory("revalidate")
    try FileManager.default.createDirectory(at: temp.url.appendingPathComponent("empty"), withIntermediateDirectories: true)
    let result = try intake(["revalidate", temp.path("empty"), "--state", temp.path("state"), "--output", temp.path("out"),
                             "--report", temp.path("report"), "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try summary(result)["total"] as? Int == 0)
    #expect(try readCSV(temp.url.appendingPathComponent("report/report.csv")).count == 1, "the header only")
    let json = try readJSON(temp.url.appendingPathComponent("report/report.json"))
    #expect(json["total"] as? Int == 0)
    #expect((json["changed"] as? [Any])?.isEmpty == true)
    let html = try String(contentsOf: temp.url.appendingPathComponent("report/report.html"), encoding: .utf8)
    #expect(html.contains("没有找到需要校验的申请文件"))
}

@Test("Files the pipeline cannot read are failures with their reason, never a crash; exit status 2")
func unreadableFiles() throws {
    let temp = try TemporaryDirectory("revalidate")
    let folder = temp.url.appendingPathComponent("subs")
    _ = try copySamples(to: folder)
    try "<submission".write(to: folder.appendingPathComponent("broken.xml"), atomically: true, encoding: .utf8)
    try Data([0x25, 0x50, 0x44, 0x46, 0x00, 0xFF, 0x13]).write(to: folder.appendingPathComponent("junk.pdf"))
    for hostile in ["billion-laughs.xml", "xxe-file.xml", "empty.xml"] {
        try FileManager.default.copyItem(at: Repository.fixtures.appendingPathComponent("hostile/\(hostile)"),
                                         to: folder.appendingPathComponent(hostile))
    }
    try "not a submission".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    let result = try intake(["revalidate", folder.path, "--state", temp.path("state"), "--output", temp.path("out"), "--json"])
    #expect(result.status == 2, "\(result.stderr)")
    let s = try summary(result)
    #expect((s["byStatus"] as? [String: Int])?["failed"] == 5)
    let csv = try readCSV(URL(fileURLWithPath: try #require((s["report"] as? [String: String])?["csv"])))
    #expect(!csv.contains { $0[0].hasSuffix("notes.txt") }, "only submission extensions are taken from folders")
    let broken = try #require(csv.first { $0[0].hasSuffix("/broken.xml") })
    #expect(broken[8] == "failed" && broken[9] == "failed")
    #expect(broken[13].hasPrefix("not-xml:"), "the reason: \(broken[13])")
    let xxe = try #require(csv.first { $0[0].hasSuffix("/xxe-file.xml") })
    #expect(xxe[13].hasPrefix("refused:"))
    let junk = try #require(csv.first { $0[0].hasSuffix("/junk.pdf") })
    #expect(junk[8] == "failed" && !junk[13].isEmpty)
    let html = try String(contentsOfFile: try #require((s["report"] as? [String: String])?["html"]), encoding: .utf8)
    #expect(html.contains("无法读取的文件"))
}

@Test("An archive written by intake watch: bundles read, previous decisions taken from the watch ledger")
func archiveOfWatch() throws {
    let temp = try TemporaryDirectory("revalidate")
    let inbox = temp.url.appendingPathComponent("inbox")
    let names = try copySamples(to: inbox)
    // A bundle folder: the application and a file for one of its materials.
    let bundle = inbox.appendingPathComponent("bundle1")
    try FileManager.default.createDirectory(at: bundle, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: Repository.samples.appendingPathComponent("lc-entrusted-missing-poa.xml"),
                                     to: bundle.appendingPathComponent("application.xml"))
    try Data("%PDF-1.4 scan".utf8).write(to: bundle.appendingPathComponent("授权委托书.pdf"))
    try Data().write(to: bundle.appendingPathComponent("READY"))
    let watch = try intake(["watch", "--inbox", inbox.path, "--output", temp.path("out"), "--archive", temp.path("archive"),
                            "--state", temp.path("state"), "--settle", "0", "--exit-when-idle", "--no-render"])
    #expect(watch.status == 0, "\(watch.stderr)")

    let result = try intake(["revalidate", temp.path("archive"), "--state", temp.path("state"), "--output", temp.path("out"), "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let s = try summary(result)
    #expect(s["total"] as? Int == names.count + 1, "every archived original and the bundle")
    #expect((s["byChange"] as? [String: Int])?["unchanged"] == names.count + 1, "same catalog: every decision as watch made it")
    let store = try SQLiteRevalidationStore(path: temp.path("state/ledger.sqlite"))
    let decisions = try store.decisions(run: try #require(s["run"] as? String), after: 0, limit: 1000)
    #expect(decisions.allSatisfy { $0.previousSource == "watch" && $0.previousProblems != nil })
    let bundled = try #require(decisions.first { !$0.path.hasSuffix(".xml") })
    #expect(bundled.status == "accepted", "the bundle's 授权委托书.pdf counts as the material: \(bundled.problems)")
}
