import Catalog
import IntakeCore
import Testing
@testable import FormReading

/// What a value read from a layout may be, by its field's type: a value that cannot be the
/// field's was taken from the wrong place and is not vouched for.
struct PlausibilityTests {
    let form: FormDefinition

    init() throws {
        form = try makeForm(fields: [
            textField("unitName", "单位名称"), textField("address", "单位地址"), textField("phone", "联系电话", type: .phone),
            textField("uscc", "统一社会信用代码", type: .uscc), textField("birth", "出生日期", type: .date),
            textField("count", "职工人数", type: .integer), textField("gender", "性别", type: .gender),
            FieldDefinition(key: "kind", label: "单位性质", type: .choice, options: ["企业", "机关单位", "其他（）"]),
            FieldDefinition(key: "remarks", label: "备注", type: .text, maxLength: 200),
        ], columns: [1], rows: [])
    }

    func doubt(_ key: String, _ value: FieldValue) -> String? {
        Plausibility.doubt(value, field: form.field(key)!, form: form)
    }

    @Test("values that could be the field's are vouched for, written in any of the usual ways")
    func plausible() {
        #expect(doubt("unitName", .text("聊城市口腔医院有限公司")) == nil, "口 is a word in a name")
        #expect(doubt("phone", .text("0635-8211234转801")) == nil)
        #expect(doubt("phone", .text("(0635) 821 1234")) == nil)
        #expect(doubt("phone", .text("063582")) == nil, "too short is the applicant's fault, not a misread")
        #expect(doubt("uscc", .text("91371502MA3C7K2L0U")) == nil)
        #expect(doubt("birth", .text("2026 年 11 月 16 日")) == nil)
        #expect(doubt("birth", .text("2024年13月5日")) == nil, "an impossible date is still a date as written")
        #expect(doubt("count", .text("12")) == nil)
        #expect(doubt("gender", .text("男")) == nil)
        #expect(doubt("kind", .text("其他")) == nil)
        #expect(doubt("kind", .choices(["企业"])) == nil)
        #expect(doubt("address", .text("")) == nil)
        #expect(doubt("remarks", .text("单位名称、统一社会信用代码变更")) == nil, "a paragraph may name other fields")
        #expect(doubt("address", .text("山东省聊城市东昌府区黄河路217号（凤凰工业园西区）")) == nil, "house numbers are no date or phone")
        #expect(doubt("address", .text("临沂市兰山区金雀山路2001-3号")) == nil)
        #expect(doubt("unitName", .text("（临时）聊城光明商贸")) == nil, "a bracket may open or close a name")
        #expect(doubt("unitName", .text("169086047")) == nil, "a code in a text field holds no words to doubt")
    }

    @Test("values that cannot be the field's are doubted", arguments: [
        ("phone", "✓生育保险□补充医疗保险□长期护理保险"),  // a blank cell took the next row's text
        ("phone", "口生育保险"),                           // the same on a scan, □ read as 口
        ("phone", "王小明"),
        ("unitName", "☑企业□机关单位"),
        ("address", "聊城市东昌府区 统一社会信用代码"),      // another field's printed label
        ("uscc", "91371502MA3C7K2L0U聊城"),
        ("birth", "聊城市2026年"),
        ("count", "若干"),
        ("gender", "女艳"),
        ("kind", "□机关督管理团体☑"),
        ("unitName", "2026/09/02韩新0635-8057156高婷玲"),   // a blank cell took the rows below it
        ("address", "聊城市东昌府区13905351234"),
        ("unitName", "韩新 2026年9月2日"),
        ("unitName", "「侯洋勇"),                          // a scan's debris before a name
        ("unitName", "办公室，"),
    ])
    func implausible(key: String, text: String) {
        #expect(doubt(key, .text(text)) != nil)
    }

    @Test("a table is doubted by its cells, naming the row and column")
    func tableCells() throws {
        let person = FieldDefinition(key: "people", label: "人员", type: .table,
                                     columns: [textField("name", "姓名"), textField("gender", "性别", type: .gender)])
        let form = try makeForm(fields: [person], columns: [1], rows: [])
        let good: FieldValue = .rows([["name": .text("刘静"), "gender": .text("女")]])
        let bad: FieldValue = .rows([["name": .text("刘静"), "gender": .text("女")], ["name": .text("王"), "gender": .text("男女")]])
        #expect(Plausibility.doubt(good, field: person, form: form) == nil)
        #expect(Plausibility.doubt(bad, field: person, form: form)?.hasPrefix("row 2 gender") == true)
    }
}
