import Catalog
import Foundation
import IntakeTestSupport
import Testing

@Test("The real catalog loads: both regions' unit enrollment and their forms")
func realCatalogLoads() throws {
    let catalog = try Catalog.load(from: Repository.forms)
    #expect(catalog.region("371500")?.name == "聊城市")
    #expect(catalog.region("371300")?.name == "临沂市")
    let lc = try #require(catalog.items(region: "371500", form: "lc-unit-enrollment").first)
    let ly = try #require(catalog.items(region: "371300", form: "ly-unit-enrollment").first)
    #expect(lc.name == "单位基本医疗保险参保登记")
    #expect(ly.name == "单位基本医疗保险参保登记")
    #expect(lc.offices.count == 12)
    #expect(ly.offices.count == 17)
    #expect(lc.timeLimit.value == "即时办结")
}

@Test("Liaocheng's materials are worded and sourced as the guide states them")
func liaochengMaterials() throws {
    let item = try #require(Repository.catalog.items(region: "371500", form: "lc-unit-enrollment").first)
    let form = try #require(item.materials.first { $0.isApplicationForm })
    #expect(form.wording == "《单位基本医疗保险参保信息登记表》(加盖单位公章)1份")
    #expect(form.source == SourceRef(file: "000_aae2795ad81a31b3.txt", line: 16))
    let approval = try #require(item.materials.first { $0.name == "单位批准成立文件复印件" })
    #expect(approval.source.line == 17)
    #expect(approval.exemptWhen.contains("one-net-registered"))
    let poa = try #require(item.materials.first { $0.requiredWhen == ["entrusted"] && $0.name.contains("授权委托书") })
    #expect(poa.source.file == "001_dacd5c6ef7304b21.txt")
    #expect(item.condition("entrusted")?.test.handling == "委托")
}

@Test("Every source line of the catalog points at a line of the guide that holds its text")
func sourcesPointAtTheGuide() throws {
    let seeds = Repository.root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    guard FileManager.default.fileExists(atPath: seeds.path) else {
        // The guides live beside the repository (../shared/seeds); CI clones have them too.
        Issue.record("guides not found at \(seeds.path)")
        return
    }
    func line(_ ref: SourceRef) throws -> String {
        let text = try String(contentsOf: seeds.appendingPathComponent(ref.file), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        try #require(ref.line <= lines.count, "\(ref) is past the end of the guide")
        return lines[(ref.line - 1)..<min(lines.count, ref.endLine ?? ref.line)].joined()
    }
    func squeeze(_ s: String) -> String { String(s.filter { !$0.isWhitespace }) }
    for item in Repository.catalog.items {
        #expect(squeeze(try line(item.timeLimit.source)).contains(squeeze(item.timeLimit.value)), "\(item.region) timeLimit")
        for material in item.materials where material.source.file != "001_dacd5c6ef7304b21.txt" {
            #expect(squeeze(try line(material.source)).contains(squeeze(material.name)), "\(item.region) \(material.id)")
        }
        for office in item.offices {
            if let address = office.address {
                let text = squeeze(try line(address.source))
                #expect(text.contains(office.district) || text.contains(String(office.district.prefix(2))), "\(office.district) address")
            }
        }
    }
    for form in Repository.catalog.forms {
        let text = squeeze(try line(form.source))
        #expect(text.contains(form.title), "\(form.id) title")
        // A table's own label is ours (the guide prints only its column heads).
        let printed = form.fields.flatMap { $0.type == .table ? $0.columns : [$0] }
        for field in printed where field.type != .date && field.detail == nil && !field.label.hasPrefix("其他") {
            #expect(text.contains(squeeze(field.label)), "\(form.id) label \(field.label)")
        }
    }
}

@Test("Each form's XSD names every field of its definition")
func schemasMatchDefinitions() throws {
    for form in Repository.catalog.forms {
        let xsd = try String(contentsOf: Repository.catalog.schemaURL(for: form), encoding: .utf8)
        for field in form.fields {
            #expect(xsd.contains("name=\"\(field.key)\""), "\(form.schema) lacks \(field.key)")
        }
        #expect(xsd.contains("fixed=\"\(form.id)\""), "\(form.schema) must fix the form attribute")
    }
}
