import Foundation
import Render
import Testing

@Suite struct NoticeRendererTests {
    let tools: PDFTools
    init() throws { tools = try PDFTools() }

    @Test func noticeSaysEverything() throws {
        let notice = Fixtures.notice
        let pdf = try tools.write(try NoticeRenderer().render(notice), name: "notice")
        let text = try tools.text(pdf)
        let squeezed = try tools.squeezedText(pdf)
        #expect(text.contains("一次性告知书"))
        #expect(text.contains("编号：LC-20240305-0017"))
        #expect(text.contains("聊城市鑫源医疗器械销售有限公司："))
        #expect(squeezed.contains("你（单位）于2024年3月5日申请办理的“单位基本医疗保险参保登记”事项"))
        #expect(text.contains("一、需补齐的申办材料"))
        #expect(text.contains("二、需更正的填报内容"))
        for m in notice.missingMaterials {
            #expect(squeezed.contains(m.wording.squeezed))
            #expect(squeezed.contains("（依据：\(m.basis)）".squeezed))
        }
        #expect(squeezed.contains("法定代表人·身份证号码：身份证号码校验位不正确（填报内容：371502198507123419）"))
        #expect(squeezed.contains("统一社会信用代码：必填项未填写（未填写）"))
        #expect(squeezed.contains(notice.office.address.squeezed))
        #expect(squeezed.contains("服务电话：0635-8512345、0635-8512346"))
        #expect(squeezed.contains("监督电话：0635-12345"))
        #expect(text.contains("聊城市医疗保险事业中心"))
        #expect(text.contains("2024年3月6日"))
        #expect(text.contains("经办人："))
        #expect(text.contains("申请人签收："))
        #expect(try tools.info(pdf)["Pages"] == "1")
        #expect(!text.squeezed.contains("第1页"))
        for font in try tools.fonts(pdf) { #expect(font.embedded, "\(font.name)") }
    }

    @Test func emptySectionIsLeftOutAndTheRestRenumbered() throws {
        var notice = Fixtures.notice
        notice.missingMaterials = []
        notice.applicant = "  "
        let text = try tools.text(try tools.write(try NoticeRenderer().render(notice), name: "faulty-only"))
        #expect(!text.contains("需补齐的申办材料"))
        #expect(text.contains("一、需更正的填报内容"))
        #expect(text.contains("申请人："))
    }

    @Test func fortyMissingItemsPaginate() throws {
        let notice = Fixtures.fortyMissing()
        let pdf = try tools.write(try NoticeRenderer().render(notice), name: "forty")
        let pages = Int(try tools.info(pdf)["Pages"] ?? "") ?? 0
        #expect(pages > 1)
        let text = try tools.text(pdf)
        let squeezed = try tools.squeezedText(pdf)
        for n in 1...40 {
            #expect(squeezed.components(separatedBy: "第\(n)项材料：").count - 1 == 1, "item \(n)")
            #expect(squeezed.contains("第\(n + 10)行）"))
        }
        #expect(text.squeezed.contains("第\(pages)页共\(pages)页"))
        #expect(text.contains("申请人签收："))
    }

    @Test func rastersToPNG() throws {
        let pdf = try tools.write(try NoticeRenderer().render(Fixtures.notice), name: "notice-png")
        let pngs = try tools.png(pdf, dpi: 60)
        #expect(pngs.count == 1)
        #expect((try FileManager.default.attributesOfItem(atPath: pngs[0].path)[.size] as? Int ?? 0) > 1000)
    }
}
