import Catalog
import IntakeCore
import IntakeTestSupport
import Testing

func resolve(_ code: String, office: String? = nil, form: String = "lc-unit-enrollment") -> Result<RegionResolver.Resolution, RegionResolver.Failure> {
    let s = Submission(formID: form, formVersion: "1", regionCode: code, office: office, handling: "本人", submittedOn: nil,
                       agent: nil, declaredConditions: [], values: [:], lines: [:], attachments: [], encoding: nil)
    return RegionResolver(catalog: Repository.catalog).resolve(s)
}

@Test("The city's own code means 市直; a district's code means its office", arguments: [
    ("371500", "市直", "振兴西路166号"), ("371502", "东昌府区", "博州路联合征缴大厅"), ("371581", "临清", "果园街80号"),
    ("371523", "茌平", "文化路1276号"), ("371503", "茌平", "文化路1276号"),
])
func liaochengOffices(code: String, district: String, address: String) throws {
    let r = try resolve(code).get()
    #expect(r.region.code == "371500")
    #expect(r.district?.name == district)
    #expect(r.office?.address?.value.contains(address) == true)
    #expect(r.item.id == "unit-enrollment")
}

@Test("A 功能区 is named with <office>, also by an alias")
func functionalZone() throws {
    #expect(try resolve("371500", office: "开发区").get().office?.servicePhones?.value == ["0635-8513983", "0635-8512280"])
    #expect(try resolve("371500", office: "聊城高新区").get().district?.name == "高新区")
}

@Test("Linyi offices carry the 0539 area code on their 监督电话")
func linyi() throws {
    let r = try resolve("371302", form: "ly-unit-enrollment").get()
    #expect(r.district?.name == "兰山区")
    #expect(r.office?.supervisionPhones?.value == ["0539-8317316"])
}

@Test("Unknown regions, districts and items not offered are failures", arguments: ["110101", "371599", "37150", "371300"])
func failures(code: String) {
    guard case .failure = resolve(code) else {
        Issue.record("\(code) must not resolve for the Liaocheng form")
        return
    }
}
