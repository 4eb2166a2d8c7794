import Foundation
import IntakeCore
import IntakeTestSupport
import Ledger
import Report
import Revalidate
import Testing

private func row(_ i: Int, status: String = "incomplete", change: String = "newly-incomplete", path: String? = nil) -> ReportRow {
    let missing = ReportProblem(code: "missing-material", field: "business-license", label: "营业执照副本复印件")
    return ReportRow(path: path ?? "/srv/archive/ab/\(i).xml", sha256: String(repeating: "a", count: 64), form: "lc-unit-enrollment",
                     item: "unit-enrollment", itemName: "单位基本医疗保险参保登记", region: "371500", regionName: "聊城市",
                     previousStatus: "accepted", status: status, change: change, changed: change != "unchanged",
                     problems: status == "incomplete" ? [missing] : [], added: change == "newly-incomplete" ? [missing] : [],
                     resolved: [], output: nil, previousOutput: nil, error: nil)
}

@Test("A report of one submission: CSV row quoted, JSON totals, HTML with the chart and the changed row")
func oneRowReport() throws {
    let temp = try TemporaryDirectory("report")
    let header = ReportHeader(run: "r1", paths: ["/srv/archive"], catalog: "abc", startedAt: Date(), finishedAt: Date())
    let files = try ReportWriter.write(header: header, to: temp.url) { each in
        try each(row(1, path: "/srv/a \"quoted\", name.xml"))
    }
    let csv = try readCSV(files.csv)
    #expect(csv.count == 2)
    #expect(csv[1][0] == "/srv/a \"quoted\", name.xml")
    #expect(csv[1][10] == "missing-material:business-license")
    let json = try readJSON(files.json)
    #expect(json["total"] as? Int == 1)
    #expect((json["changed"] as? [[String: Any]])?.first?["problemsAdded"] as? [String] == ["missing-material:business-license"])
    let html = try String(contentsOf: files.html, encoding: .utf8)
    #expect(html.contains("<svg") && html.contains("营业执照副本复印件") && html.contains("新变为需补正"))
    #expect(!html.contains("此处列出前"), "no cap note for one row")
}

@Test("A report of many rows keeps the HTML list capped and the CSV complete")
func cappedReport() throws {
    let temp = try TemporaryDirectory("report")
    let header = ReportHeader(run: "big", paths: ["/srv/archive"], catalog: "abc", startedAt: Date(), finishedAt: nil)
    let count = 3_000
    let files = try ReportWriter.write(header: header, to: temp.url) { each in
        for i in 0..<count { try each(row(i, change: i % 3 == 0 ? "unchanged" : "newly-incomplete")) }
    }
    #expect(try readCSV(files.csv).count == count + 1)
    let html = try String(contentsOf: files.html, encoding: .utf8)
    #expect(html.contains("此处列出前 500 份"))
    #expect(html.components(separatedBy: "<td class=\"file\"").count - 1 == 500)
    #expect(files.totals.changed == 2_000)
    let json = try readJSON(files.json)
    #expect((json["changed"] as? [Any])?.count == 2_000, "report.json lists every changed submission")
}

@Test("Problems compare by code and field; the change follows status first")
func changeClassification() {
    func finding(_ status: String, _ problems: [Problem]) -> Finding {
        Finding(path: "x.xml", sha256: "s", status: status, form: nil, serviceItem: nil, serviceItemName: nil, region: nil,
                regionName: nil, problems: ProblemList(problems), error: nil)
    }
    let a = Problem(field: "uscc", label: "统一社会信用代码", code: .invalidCheckDigit, message: "")
    let b = Problem(field: "business-license", label: "营业执照", code: .missingMaterial, message: "")
    let before = PreviousDecisionFixture.make("incomplete", [a])
    let added = Change.compare(finding("incomplete", [a, b]), with: before.decision, previousProblems: before.problems)
    #expect(added.change == .problemsAdded && added.added.entries.map(\.field) == ["business-license"])
    let resolved = Change.compare(finding("incomplete", [b, b]), with: PreviousDecisionFixture.make("incomplete", [a, b]).decision,
                                  previousProblems: ProblemList([a, b]))
    #expect(resolved.change == .problemsResolved && resolved.resolved.entries.map(\.field) == ["uscc"])
    #expect(Change.compare(finding("accepted", []), with: before.decision, previousProblems: before.problems).change == .newlyComplete)
    #expect(Change.compare(finding("rejected", []), with: before.decision, previousProblems: before.problems).change == .statusChanged)
    #expect(Change.compare(finding("incomplete", [a]), with: nil, previousProblems: nil).change == .new)
    #expect(Change.compare(finding("incomplete", [a]), with: before.decision, previousProblems: nil).change == .unchanged,
            "problems unknown: only the status is compared")
    let encoded = ProblemList([a, b]).encoded
    #expect(ProblemList(encoded: encoded) == ProblemList([a, b]))
}

@Test("The progress line: done/total, files/s, ETA and failures; ? before the total is known")
func progressText() {
    var lines: [String] = []
    let display = ProgressDisplay(mode: .lines(every: 0)) { lines.append($0) }
    display.show(.init(done: 1_500, total: nil, failed: 2, rate: nil))
    display.show(.init(done: 25_000, total: 100_000, failed: 7, rate: 500))
    #expect(lines[0] == "revalidate: 1500/? done, - files/s, ETA ?, 2 failed\n")
    #expect(lines[1] == "revalidate: 25000/100000 done (25%), 500 files/s, ETA 2m30s, 7 failed\n")
    var drawn: [String] = []
    let bar = ProgressDisplay(mode: .terminal) { drawn.append($0) }
    bar.show(.init(done: 50, total: 100, failed: 0, rate: 10))
    bar.show(.init(done: 51, total: 100, failed: 0, rate: 10))
    #expect(drawn.count == 1, "redrawn at most ten times a second")
    #expect(drawn[0].hasPrefix("\r") && drawn[0].contains("50/100 50%") && drawn[0].contains("ETA 5s"))
}

/// A previous decision for the classification test.
enum PreviousDecisionFixture {
    static func make(_ status: String, _ problems: [Problem]) -> (decision: PreviousDecision, problems: ProblemList) {
        let list = ProblemList(problems)
        return (PreviousDecision(status: status, problems: list.encoded, source: "watch", output: nil, at: Date()), list)
    }
}
