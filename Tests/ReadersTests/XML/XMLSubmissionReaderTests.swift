import Catalog
import Foundation
import IntakeCore
import IntakeTestSupport
import Readers
import Testing

func read(_ xml: String, encoding: String.Encoding = .utf8) throws -> XMLSubmissionReader.Outcome {
    let bytes = try #require(xml.data(using: encoding))
    return try XMLSubmissionReader(catalog: Repository.catalog).read(Array(bytes), path: "test.xml")
}

func submission(_ outcome: XMLSubmissionReader.Outcome) throws -> Submission {
    guard case .submission(let s, _) = outcome else {
        Issue.record("expected a submission, got \(outcome)")
        throw CancellationError()
    }
    return s
}

@Test("Envelope, fields, options, agent, conditions and materials are read with their lines")
func readsEverything() throws {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: Repository.sample("lc-entrusted-complete.xml")))
    let s = try submission(try XMLSubmissionReader(catalog: Repository.catalog).read(Array(bytes), path: "x.xml"))
    #expect(s.formID == "lc-unit-enrollment")
    #expect(s.regionCode == "371500")
    #expect(s.handling == "委托")
    #expect(s.agent?.name == "高鹏飞")
    #expect(s.values["unitType"] == .text("非参公社会团体"))
    #expect(s.values["insuranceTypes"] == .choices(["医疗保险", "生育保险"]))
    #expect(s.lines["unitName"] == 12)
    #expect(s.attachments.count == 3)
    #expect(s.attachments.first?.id == "power-of-attorney")
    #expect(s.attachments.last?.file == "approval.pdf")
}

@Test("A GB18030 document is read into the same UTF-8 values")
func gb18030Document() throws {
    let xml = """
    <?xml version="1.0" encoding="GB18030"?>
    <submission form="ly-unit-enrollment" version="1"><region>371302</region><handling>本人</handling>
    <fields><unitName>临沂市兰山区𠀀号商行</unitName><address>兰山区金雀山路</address></fields></submission>
    """
    let temp = try TemporaryDirectory("gb")
    try xml.write(toFile: temp.path("u.xml"), atomically: true, encoding: .utf8)
    let iconv = try runCommand("/bin/sh", ["-c", "iconv -f UTF-8 -t GB18030 '\(temp.path("u.xml"))' > '\(temp.path("g.xml"))'"])
    #expect(iconv.status == 0)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: temp.path("g.xml")))
    #expect(String(data: bytes, encoding: .utf8) == nil, "the document must really be GB18030, not UTF-8")
    let s = try submission(try XMLSubmissionReader(catalog: Repository.catalog).read(Array(bytes), path: "g.xml"))
    #expect(s.values["unitName"] == .text("临沂市兰山区𠀀号商行"))
    #expect(s.encoding?.uppercased() == "GB18030")
}

@Test("Schema errors come back with their lines, all of them")
func schemaErrors() throws {
    let xml = """
    <?xml version="1.0" encoding="UTF-8"?>
    <submission form="lc-unit-enrollment" version="1">
      <region>3715</region>
      <handling>本人</handling>
      <fields><unitName>x</unitName><favouriteColour>red</favouriteColour></fields>
    </submission>
    """
    guard case .schemaViolation(let form, let details, _) = try read(xml) else {
        Issue.record("expected a schema violation")
        return
    }
    #expect(form.id == "lc-unit-enrollment")
    #expect(details.compactMap(\.line) == [3, 5])
}

@Test("The version must be the catalog's")
func versionMismatch() throws {
    #expect(throws: IntakeError.self) {
        _ = try read("<submission form=\"lc-unit-enrollment\" version=\"9\"><region>371500</region></submission>")
    }
}

@Test("Checkbox groups may be written as <option> elements or as text")
func optionShapes() throws {
    let xml = """
    <submission form="lc-unit-enrollment" version="1"><region>371500</region><handling>本人</handling>
    <fields><unitType><option>企业</option></unitType><insuranceTypes>医疗保险、生育保险</insuranceTypes></fields></submission>
    """
    let s = try submission(try read(xml))
    #expect(s.values["unitType"] == .text("企业"))
    #expect(s.values["insuranceTypes"] == .choices(["医疗保险", "生育保险"]))
    let two = xml.replacingOccurrences(of: "<option>企业</option>", with: "<option>企业</option><option>其他</option>")
    #expect(try submission(try read(two)).values["unitType"] == .choices(["企业", "其他"]))
}
