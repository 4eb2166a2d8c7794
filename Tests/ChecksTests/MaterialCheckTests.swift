import Catalog
import Checks
import IntakeCore
import IntakeTestSupport
import Testing

func status(_ report: SubmissionChecker.Report, _ nameContains: String) -> SubmissionResult.MaterialStatus.State? {
    report.materials.first { $0.name.contains(nameContains) }?.status
}

@Test("本人办理: the form counts as provided, the approval document is required, agent papers are not")
func inPerson() throws {
    let report = try check(completeSubmission())
    #expect(status(report, "登记表") == .provided)
    #expect(status(report, "批准成立文件") == .provided)
    #expect(status(report, "授权委托书") == .notRequired)
    #expect(status(report, "代理人") == .notRequired)
}

@Test("Without the approval document it is missing, named as the guide words it, with its source line")
func approvalMissing() throws {
    var s = completeSubmission()
    s.attachments = []
    let report = try check(s)
    #expect(report.problems.map(\.code) == [.missingMaterial])
    #expect(report.problems.first?.message.contains("单位批准成立文件复印件1份") == true)
    #expect(report.materials.first { $0.status == .missing }?.basis == "000_aae2795ad81a31b3.txt:17")
}

@Test("委托办理 without a 授权委托书: that one material is missing")
func entrustedWithoutPowerOfAttorney() throws {
    var s = completeSubmission()
    s.handling = "委托"
    s.agent = .init(name: "王强", idNumber: "11010519491231002X", phone: "13805351234", line: nil)
    s.attachments.append(.init(id: nil, name: "代理人身份证件原件", file: "agent.pdf", line: nil))
    let report = try check(s)
    #expect(status(report, "授权委托书") == .missing)
    #expect(status(report, "代理人") == .provided)
    #expect(report.problems.map(\.code) == [.missingMaterial])
}

@Test("委托办理 with both papers is accepted; the agent's ID number is checked")
func entrustedComplete() throws {
    var s = completeSubmission()
    s.handling = "委托"
    s.agent = .init(name: "王强", idNumber: "11010519491231002X", phone: nil, line: nil)
    s.attachments += [.init(id: nil, name: "授权委托书", file: "poa.pdf", line: nil),
                      .init(id: nil, name: "代理人身份证复印件", file: "agent.pdf", line: nil)]
    #expect(try check(s).problems.isEmpty)
    s.agent?.idNumber = "110105194912310021"
    #expect(try check(s).problems.map(\.field) == ["agentIdNumber"])
    s.agent = nil
    #expect(Set(try check(s).problems.compactMap(\.field)) == ["agentName", "agentIdNumber"])
}

@Test("A “一网通办” registered enterprise needs no materials at all")
func oneNetExemption() throws {
    var s = completeSubmission()
    s.attachments = []
    s.declaredConditions = ["one-net-registered"]
    let report = try check(s)
    #expect(report.problems.isEmpty)
    #expect(report.materials.allSatisfy { $0.status == .exempt })
    #expect(report.materials.first?.reason?.contains("一网通办") == true)
}

@Test("Linyi: the same conditions hold on its own catalog entry")
func linyiConditions() throws {
    var s = completeSubmission(form: "ly-unit-enrollment")
    s.regionCode = "371302"
    s.values["unitType"] = .text("企业")
    s.values["insuranceTypes"] = .choices(["职工基本医疗保险"])
    s.attachments = []
    var report = try check(s)
    #expect(report.problems.map(\.code) == [.missingMaterial])
    #expect(report.materials.first { $0.status == .missing }?.basis.hasPrefix("004_f9d482a114d9d6da.txt:") == true)
    s.declaredConditions = ["one-net-registered"]
    report = try check(s)
    #expect(report.problems.isEmpty)
}

@Test("One attachment proves one material only")
func attachmentUsedOnce() throws {
    var s = completeSubmission()
    s.handling = "委托"
    s.agent = .init(name: "王强", idNumber: "11010519491231002X", phone: nil, line: nil)
    s.attachments = [.init(id: nil, name: "授权委托书", file: "poa.pdf", line: nil)]
    let report = try check(s)
    #expect(report.materials.filter { $0.status == .provided && $0.file == "poa.pdf" }.count == 1)
    #expect(report.attachments.first?.material != nil)
}
