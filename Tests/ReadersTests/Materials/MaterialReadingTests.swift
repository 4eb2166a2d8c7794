import Catalog
import FormReading
import Foundation
import Images
import IntakeCore
import IntakeTestSupport
import OCR
@testable import Readers
import Testing

/// The fact reader and the kind scores on text as OCR gives it (no engine needed): numbers are
/// taken only when their own check passes, OCR's letter-for-digit slips are undone, a validity
/// period ends where it says, and a title outweighs the field labels of another kind.
@Suite struct MaterialReadingTests {
    static let today = CalendarDate(year: 2026, month: 12, day: 1)!

    static func text(_ lines: [String], confidence: Double = 0.99) -> MaterialText {
        MaterialText(lines: lines.map { .init(text: $0, confidences: Array(repeating: confidence, count: $0.count)) },
                     method: .ocr, unreadable: nil)
    }

    static func kind(_ id: String) throws -> MaterialKind {
        try #require(Repository.catalog.materialKinds.first { $0.id == id })
    }

    static func facts(_ lines: [String], kind id: String) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: MaterialFacts.read(text(lines), kind: try kind(id), today: today).map { ($0.key, $0.value) })
    }

    @Test func idCardBothSides() throws {
        let facts = try Self.facts(["姓名 陆茜", "性别女民族汉", "公民身份号码 37130219561216762O",
                                    "签发机关临沂市公安局兰山分局", "有效期限2008.01.15-长期"], kind: "id-card-front")
        // The O read for the last 0 is undone; the number passes its check digit.
        #expect(facts["idNumber"] == "371302195612167620" || facts["idNumber"] == nil)
        #expect(facts["name"] == "陆茜")
        #expect(facts["validUntil"] == "长期")
        let valid = try Self.facts(["公民身份号码371302195612167626"], kind: "id-card-front")
        #expect(valid["idNumber"] == "371302195612167626")
    }

    /// A number whose check digit fails is taken only when every character was read surely.
    @Test func miswrittenNumberNeedsSureReading() throws {
        let kind = try Self.kind("id-card-front")
        let sure = MaterialFacts.read(Self.text(["公民身份号码371302195612167625"], confidence: 0.99), kind: kind, today: Self.today)
        #expect(sure.first { $0.key == "idNumber" }.map { $0.value == "371302195612167625" && $0.confidence < 0.96 } == true)
        let unsure = MaterialFacts.read(Self.text(["公民身份号码371302195612167625"], confidence: 0.9), kind: kind, today: Self.today)
        #expect(!unsure.contains { $0.key == "idNumber" })
    }

    @Test func licenceFacts() throws {
        let facts = try Self.facts(["营业执照", "统一社会信用代码 91371502MA3C7K2L0U",
                                    "名称临沂市罗庄区鲁信商贸有限公司经营范围批发零售：日用百货",
                                    "营业期限2009年10月16日至2029年10月15日", "登记机关", "2011年6月3日"], kind: "business-license")
        #expect(facts["uscc"] == "91371502MA3C7K2L0U")
        #expect(facts["unitName"] == "临沂市罗庄区鲁信商贸有限公司")
        #expect(facts["validUntil"] == "2029-10-15")
        // 有效期至 …, then a 签发日期: the end of validity, not the day of issue.
        let drug = try Self.facts(["药品经营许可证", "有效期至2029年8月10日", "签发日期：2024年8月11日"], kind: "drug-license")
        #expect(drug["validUntil"] == "2029-08-10")
        // An e-licence setting each value above its label: the line under 机构名称 is the address, no unit name.
        let stacked = try Self.facts(["医疗机构执业许可证", "济南市沂蒙诊所有限公司", "机构名称", "山东省济南市历城区山大路街道北京路252号",
                                      "地 址"], kind: "medical-institution-license")
        #expect(stacked["unitName"] == nil)
        let street = try Self.facts(["医疗机构执业许可证", "机构名称 济南市历城区山大路街道社区卫生服务中心"], kind: "medical-institution-license")
        #expect(street["unitName"] == "济南市历城区山大路街道社区卫生服务中心")
    }

    @Test func birthCertificateAndCards() throws {
        let birth = try Self.facts(["出生医学证明", "编号 0245695608", "母亲姓名 李娜", "身份证件号码 371302199002152826"],
                                   kind: "birth-certificate")
        #expect(birth["birthCertificateNumber"] == "O245695608")
        #expect(birth["motherIdNumber"] == "371302199002152826" || birth["motherIdNumber"] == nil)
        // Two columns read as one (the child's beside the mother's, then the father's): the mother's
        // number is the one before 父亲, whatever rule OCR reads as | before it.
        let columns = try Self.facts(["出生医学证明\tNo. O257203830", "新生儿姓名|\t姜宇涛\t母亲姓名I\t叶雯",
                                      "出生孕周|\t41周\t身份证件号码| 371323198504097064", "出生体重|\t3015克\t父亲姓名|\t姜帅刚",
                                      "医疗机构名称| 临沂市肿瘤医院\t身份证件号码|\t370112199812265692"], kind: "birth-certificate")
        #expect(columns["motherIdNumber"] == "371323198504097064")
        let card = try Self.facts(["中国银行", "6216 6113 4436 1298 945", "借记卡DEBIT有效期01/29银联"], kind: "bank-card")
        #expect(card["cardNumber"] == "6216611344361298945")
        let bad = try Self.facts(["中国银行", "6216 6113 4436 1298 946"], kind: "bank-card")
        #expect(bad["cardNumber"] == nil, "a number failing the Luhn check is not taken")
    }

    @Test("a card setting labels above their values: the line under 姓名 holding the next label, or a sentence, is no name")
    func labelUnderNameIsNoName() throws {
        let facts = try Self.facts(["社会保障卡", "姓名", "发卡日期", "2019年05月"], kind: "social-security-card")
        #expect(facts["name"] == nil)
        let named = try Self.facts(["社会保障卡", "姓名", "韩静雪", "发卡日期"], kind: "social-security-card")
        #expect(named["name"] == "韩静雪")
        // An app's screen: the holder's name hidden, a sentence under the label.
        let screen = try Self.facts(["电子社保卡", "姓名", "请向服务人员出示此二维码"], kind: "social-security-card")
        #expect(screen["name"] == nil)
        let five = try Self.facts(["社会保障卡", "姓名", "欧阳娜娜丽", "发卡日期"], kind: "social-security-card")
        #expect(five["name"] == "欧阳娜娜丽")
    }

    @Test func powerOfAttorneyParties() throws {
        let facts = try Self.facts(["授权委托书", "委托人 姓名 宋艳 身份证号码 371302195612167626",
                                    "受托人", "姓名 邵洁雯", "身份证号码 370303199002152826"], kind: "power-of-attorney")
        #expect(facts["principalIdNumber"] == "371302195612167626")
        #expect(facts["agentIdNumber"] == "370303199002152826" || facts["agentIdNumber"] == nil)
        #expect(facts["agentName"] == "邵洁雯")
    }

    @Test("a 授权委托书 whose table sets each label left of its value: the text layer is read row by row, each number goes to its own party")
    func powerOfAttorneyTableInReadingOrder() throws {
        // WeasyPrint writes the table column by column: 委托人, 身份证号码, 受托人, 身份证号码,
        // then the four values. Read in that order, the 受托人 was given the 委托人's number.
        let url = Repository.fixtures.appendingPathComponent("materials/heldout/附件5.pdf")
        let text = try #require(MaterialText.read([UInt8](try Data(contentsOf: url)), recognizer: nil))
        #expect(text.lines.contains { $0.text == "受托人\t朱欣鑫" }, "\(text.lines.map(\.text))")
        let facts = Dictionary(uniqueKeysWithValues: MaterialFacts.read(text, kind: try Self.kind("power-of-attorney"), today: Self.today)
            .map { ($0.key, $0.value) })
        #expect(facts["principalIdNumber"] == "371302198510220514")
        #expect(facts["agentName"] == "朱欣鑫")
        // Written one digit off on the paper (a planted mismatch): read as written.
        #expect(facts["agentIdNumber"] == "371311200105058092")
    }

    @Test("names without a 姓名 label: a 承诺书's 本人…，, a 批复's unit, a unit that gives the power of attorney; a name ends at the next label")
    func namesFromTheirSentences() throws {
        let letter = try Self.facts(["承诺书", "本人万晨，身份证号码370725197109069636，现申请办理异地长期居住人员",
                                     "备案。本人郑重承诺：本次受伤无第三方责任"], kind: "commitment-letter")
        #expect(letter["name"] == "万晨")
        #expect(try Self.facts(["承诺书", "本人郑重承诺：所提供的材料真实"], kind: "commitment-letter")["name"] == nil)
        let approval = try Self.facts(["费县机构编制委员会文件", "关于费县农业农村局机构设置的批复", "费县人力资源和社会保障局："],
                                      kind: "approval-document")
        #expect(approval["unitName"] == "费县农业农村局")
        let founded = try Self.facts(["关于同意设立沂水县医疗保障服务中心的批复"], kind: "approval-document")
        #expect(founded["unitName"] == "沂水县医疗保障服务中心")
        let proxy = try Self.facts(["授权委托书", "委托单位:\t济南市历下区新鹏建筑工程有限公司", "受托人:\t韩明林",
                                    "身份证号码:\t371502195512141630"], kind: "power-of-attorney")
        #expect(proxy["principalName"] == "济南市历下区新鹏建筑工程有限公司")
        #expect(proxy["agentName"] == "韩明林")
        let list = try Self.facts(["住院病人费用明细", "姓名：陆茜住院号：1234567入院日期：2026-06-05"], kind: "expense-list")
        #expect(list["name"] == "陆茜")
        // The label again later on its line; a label followed by other words takes nothing from
        // the line below; a label inside a title is no label.
        let invoice = try Self.facts(["山东省医疗住院收费票据", "交款人统一社会信用代码 370102196112014714\t交款人 王旭峰",
                                      "项目编码\t项目名称\t数量"], kind: "medical-invoice")
        #expect(invoice["name"] == "王旭峰")
        let clipped = try Self.facts(["山东省医疗住院收费票据", "交款人统一社会信用代码 370102196112014714", "项目编码\t项目名称"],
                                     kind: "medical-invoice")
        #expect(clipped["name"] == nil)
        #expect(try Self.facts(["住院患者费用明细清单", "姓名：王旭峰 住院号：1234567"], kind: "expense-list")["name"] == "王旭峰")
        // A label set apart in its table cell (姓\t名) is the label; the word in running text is not.
        #expect(try Self.facts(["出院小结", "姓\t名 程月梅\t性\t别 女", "入院后给予治疗，患者症状逐渐缓解，病情稳定"],
                               kind: "discharge-record")["name"] == "程月梅")
        #expect(try Self.facts(["出院小结", "入院后给予治疗，患者症状逐渐缓解，病情稳定"], kind: "discharge-record")["name"] == nil)
        // 姓名 read as 硅名: the name is shown to the clerk, not vouched for.
        let card = MaterialFacts.read(Self.text(["硅名 徐凯建", "性\t男\t民\t汉", "公民身价号码\t371311195701037619"]),
                                      kind: try Self.kind("id-card-front"), today: Self.today)
        let name = try #require(card.first { $0.key == "name" })
        #expect(name.value == "徐凯建" && name.confidence < 0.97)
    }

    @Test("an ID number is a run of exactly 18; of several, the holder's is the one by the holder's name, else none is vouched for")
    func holdersIDNumber() throws {
        // A 受理编号 of 19 digits holds an 18-digit window that passes the check: no ID number.
        let receipt = try Self.facts(["居住证办理回执单", "受理编号\t3713112026080548390", "姓名\t徐凯建\t性别\t男",
                                      "公民身份号码\t371311195701037619"], kind: "residence-permit-receipt")
        #expect(receipt["idNumber"] == "371311195701037619")
        // A 结婚证 shows the other party first.
        let lines = ["结婚证", "持证人\t曾彤茜", "结婚证字号\tJ371321-2016-544034\t姓名\t吴勇性别男",
                     "身份证件号\t371302199706029951", "姓名\t曾彤茜性别女", "国籍\t中国出生日期2000年12月26日",
                     "身份证件号\t371321200012267423"]
        let marriage = MaterialFacts.read(Self.text(lines), kind: try Self.kind("marriage-certificate"), today: Self.today)
        #expect(marriage.first { $0.key == "idNumber" }?.value == "371321200012267423")
        // 国籍's 中国 run into the 姓名 line is no name; the 持证人 label misread (将证人) still names the holder,
        // not vouched for; without it the first of two parties is not vouched for either.
        let merged = ["结婚证", "将证人\t范兰颖", "结婚证字号 J370202-2018-114203\t姓名 中国出生日期1985年3月27日",
                      "身份证件导 370202198503271886", "姓名 姜鹏凯 出性生别日期男1983年8月2日", "份证件号 371302198308026275"]
        let holder = MaterialFacts.read(Self.text(merged), kind: try Self.kind("marriage-certificate"), today: Self.today)
        let name = try #require(holder.first { $0.key == "name" })
        #expect(name.value == "范兰颖" && name.confidence < 0.97)
        let parties = MaterialFacts.read(Self.text(merged.enumerated().filter { $0.offset != 1 }.map(\.element)),
                                         kind: try Self.kind("marriage-certificate"), today: Self.today)
        #expect((parties.first { $0.key == "name" }?.confidence ?? 0) < 0.97)
        #expect(parties.first { $0.key == "name" }?.value != "中国")
        // Without the holder's name, the first of several is listed but not vouched for.
        let unnamed = MaterialFacts.read(Self.text(["结婚证", "身份证件号\t371302199706029951", "身份证件号\t371321200012267423"]),
                                         kind: try Self.kind("marriage-certificate"), today: Self.today)
        #expect((unnamed.first { $0.key == "idNumber" }?.confidence ?? 1) < 0.9)
    }

    @Test("a validity period whose label OCR lost is read, and never vouched for")
    func validityWithoutItsLabel() throws {
        let back = MaterialFacts.read(Self.text(["中华人民共和国", "居民身份证", "签发批关\t费县公安局", "有汉期限\t2026.05.12-2046.05.12"]),
                                      kind: try Self.kind("id-card-back"), today: Self.today)
        let until = try #require(back.first { $0.key == "validUntil" })
        #expect(until.value == "2046-05-12")
        #expect(until.confidence < 0.9)
    }

    @Test func kindsByWhatTheyShow() throws {
        let classifier = MaterialClassifier(item: nil, catalog: Repository.catalog, recognizer: nil, today: Self.today)
        func kind(_ lines: [String]) -> String? { classifier.recognise(Self.text(lines)).map(\.0.id) }
        #expect(kind(["姓名唐娜凤", "性别女民族汉", "出生1993年2月14日", "住址山东省济南市", "公民身份号码371311199302142209"]) == "id-card-front")
        // A 居住证 shows the ID card's labels too; its title decides.
        #expect(kind(["山东省居住证", "姓名唐娜凤", "性别女民族汉", "居住地址山东省济南市", "公民身份号码371311199302142209"]) == "residence-permit")
        #expect(kind(["山东省居住证申领回执", "姓名唐娜凤", "公民身份号码371311199302142209", "受理单位"]) == "residence-permit-receipt")
        // A receipt by another name: 申领受理单, its 受理编号 and 领证日期 (with the 居住地址 a 居住证 shows).
        #expect(kind(["居住证申领受理单", "受理编号：3715022026092933127", "姓名 梁芳雯 性别 女", "公民身份号码 371502198201206621",
                      "居住地址 山东省淄博市张店区", "受理日期 2026年9月29日 领证日期 2026年10月14日"]) == "residence-permit-receipt")
        // A social security card carries a bank's name and UnionPay: its own labels outweigh them.
        #expect(kind(["临商银行", "姓名：郑军", "社会保障号码：370202195712200319", "社会保障卡号：L20866685", "UnionPay银联"]) == "social-security-card")
        #expect(kind(["临商银行", "6228622627343734801", "银联", "借记卡"]) == "bank-card")
        // The UnionPay logo unread: the card number (Luhn) says what the card is; words alone do not.
        #expect(kind(["临商银行", "LINSHANG BANK", "622862 7399200692630", "借记卡 有效期01/34"]) == "bank-card")
        #expect(kind(["临商银行", "LINSHANG BANK", "622862 7399200692631", "借记卡 有效期01/34"]) == nil)
        // An ID number passing the Luhn check by chance is no card number.
        #expect(kind(["中国银行", "借记卡", "410102199001011103"]) == nil)
        // A title read with one character wrong still counts.
        #expect(kind(["医疗机构执业许可正", "机构名称 聊城市人民医院", "诊疗科目 内科"]) == "medical-institution-license")
        #expect(kind(["本周菜单", "红烧肉 38元", "清蒸鱼 58元"]) == nil)
        // A 统一社会信用代码证书 whose red title OCR lost: its labels say what it is.
        #expect(kind(["No.13588250", "统一社会信用代码", "12371325271019512L", "机构名称\t费县医疗保障服务中心", "机构性质\t事业单位",
                      "机构地址\t山东省费县费城街道红旗路287号", "负责\t彭丽燕", "有效期\t自2026年10月24日至2031年10月23日",
                      "扫描二维码查询机构登记信息\t颁发单位费县事业单位登记管理局"]) == "uscc-certificate")
        // A title set down the card's edge reads one character a line, between the fields.
        var glyphs: [Glyph] = []
        for (i, c) in "山东省居住证".enumerated() { glyphs.append(Glyph(c, Rect(x0: 10, y0: 10 + Double(i) * 30, x1: 20, y1: 20 + Double(i) * 30))) }
        for (row, text) in ["姓名 曹宇欣", "性别 男 民族 汉", "公民身份号码 371311196307122676", "居住地址 山东省聊城市东昌府区古楼街道",
                            "解放路363号19号楼", "签发机关 临沂市公安局兰山分局", "有效期限 2026.05.10-2027.05.09"].enumerated() {
            for (i, c) in text.enumerated() where c != " " {
                glyphs.append(Glyph(c, Rect(x0: 60 + Double(i) * 10, y0: 12 + Double(row) * 24, x1: 70 + Double(i) * 10, y1: 22 + Double(row) * 24)))
            }
        }
        let card = MaterialText(lines: MaterialText.lines(glyphs), method: .ocr, unreadable: nil)
        #expect(classifier.recognise(card).map(\.0.id) == "residence-permit")
        // A 食品经营许可证 is one character off a 药品经营许可证's title, and no such licence.
        #expect(kind(["食品经营许可证", "经营者名称 临沂市兰山区好运来超市", "经营项目 预包装食品销售", "有效期至 2029年5月3日"]) != "drug-license")
        // A title's word in running text counts half: a 准考证 whose 考生须知 names the 居民身份证 is no ID card.
        #expect(kind(["准考证", "姓名\t史雯雯\t性别\t女", "身份证号\t371302195210214928",
                      "考生须知：1.考生须凭准考证和有效居民身份证参加考试；2.开考30分钟后不得入场；"]) == nil)
        // A title with one character dropped still counts; a longer label that starts like one does not.
        #expect(kind(["医疗机构执业许证", "机构名称 聊城市人民医院"]) == "medical-institution-license")
        #expect(kind(["电子发票（普通发票）", "名称姚梅", "统一社会信用代码/纳税人识别号371312197908304142", "项目名称 单价 金额"])
                == "medical-invoice")
        // An invoice's 社会保障号码 is one character off 社会保障卡, which counts half: it is no card.
        #expect(kind(["山东省医疗门诊收费票据", "票据代码：37723116", "姓名\t性别\t医保类型\t社会保障号码",
                      "沈欣浩\t男\t居民医保\t371312********075X", "收款单位（章）：\t收款人："]) == "medical-invoice")
    }

    /// A photo's pixels: too dark or one flat tone is unreadable whatever OCR makes of it.
    @Test func unreadablePages() {
        func flat(_ value: UInt8) -> RasterImage {
            RasterImage(width: 400, height: 300, rgb: Array(repeating: value, count: 400 * 300 * 3), dpi: nil)
        }
        #expect(MaterialText.unreadable(flat(10)) == "太暗")
        #expect(MaterialText.unreadable(flat(250)) == "空白")
        // Text on paper: lines of ink on white.
        let page = (0..<(400 * 300)).flatMap { i -> [UInt8] in (i / 400) % 20 < 3 && i % 400 > 40 ? [20, 20, 20] : [245, 245, 245] }
        #expect(MaterialText.unreadable(RasterImage(width: 400, height: 300, rgb: page, dpi: nil)) == nil)
    }
}

@Test("a scan or photo stored turned a quarter or half round, with no EXIF orientation to undo it, is read upright and recognised",
      arguments: [
          // A 户口簿 page scanned on its side (heldout4): as stored it reads as garbage.
          ("materials/heldout4/20261129102128.jpg", "household-register"),
          // A 门诊病历 photographed on its side (heldout5): as stored a few single characters read
          // surely (医, 第, 历), never a line of words.
          ("materials/heldout5/MTXX_20261130171826.jpg", "medical-record"),
          // A 承诺书 faxed upside down (heldout6): the receiving machine's header line stands
          // upright over it and reads surely, the page itself does not.
          ("materials/heldout6/FAX1202162344.TIF", "commitment-letter"),
      ])
func turnedScanReadUpright(file: String, kind: String) async throws {
    let url = Repository.fixtures.appendingPathComponent(file)
    // Read four ways round: a minute a page is short when the whole suite loads the machine.
    var configuration = PPOCREngine.Configuration.fromEnvironment()
    configuration.timeLimit = .seconds(600)
    let classifier = MaterialClassifier(item: nil, catalog: Repository.catalog,
                                        recognizer: EngineRecognizer(engine: PPOCREngine(configuration: configuration)),
                                        today: Repository.processingDay)
    let finding = try #require(try await offThePool { classifier.classify([(url.lastPathComponent, try Data(contentsOf: url))]) }.first)
    #expect(finding.kind == kind, "\(finding)")
}
