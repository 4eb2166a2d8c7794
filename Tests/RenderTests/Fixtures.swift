import Catalog
import Foundation
import IntakeCore
import Render

/// Test data: the 聊城 unit-enrollment form (a fixture, not the catalog's definition) and values.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/render")

    static func form(_ name: String = "lc-unit-enrollment") throws -> FormDefinition {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(name).json"))
        return try JSONDecoder().decode(FormDefinition.self, from: data)
    }

    static func form(json: String) throws -> FormDefinition {
        try JSONDecoder().decode(FormDefinition.self, from: Data(json.utf8))
    }

    static let longAddress = "山东省聊城市东昌府区古楼街道柳园南路与东昌路交叉口西北角鑫源国际商务大厦B座十五层1502室（聊城鑫源医疗器械销售有限公司财务部收）"

    static let filledValues: [String: FieldValue] = [
        "unitName": .text("聊城市鑫源医疗器械销售有限公司"),
        "creditCode": .text("91371502MA3CK8QX4N"),
        "address": .text(longAddress),
        "unitNature": .choices(["企业"]),
        "legalName": .text("张伟"),
        "legalPhone": .text("0635-8321456"),
        "legalId": .text("371502198507123418"),
        "agentName": .text("李娜"),
        "agentDept": .text("人力资源部"),
        "agentMobile": .text("13806351234"),
        "agentPhone": .text("0635-8321457"),
        "insurance": .choices(["医疗保险", "生育保险", "其他（）"]),
        "insuranceOther": .text("大额医疗费用补助"),
        "declarationDate": .text("2024-03-05"),
    ]

    static let notice = NoticeContent(
        applicant: "聊城市鑫源医疗器械销售有限公司",
        itemName: "单位基本医疗保险参保登记",
        formTitle: "单位基本医疗保险参保信息登记表",
        submissionID: "LC-20240305-0017",
        receivedDate: NoticeDate(year: 2024, month: 3, day: 5),
        missingMaterials: [
            MissingMaterial(wording: "单位批准成立文件复印件1份", basis: "000_aae2795ad81a31b3.txt 第17行"),
            MissingMaterial(wording: "法定代表人（负责人）居民身份证复印件1份", basis: "000_aae2795ad81a31b3.txt 第18行"),
        ],
        faultyFields: [
            FaultyField(label: "法定代表人·身份证号码", value: "371502198507123419", reason: "身份证号码校验位不正确"),
            FaultyField(label: "统一社会信用代码", value: "", reason: "必填项未填写"),
        ],
        office: NoticeOffice(
            name: "聊城市医疗保障局 市直",
            address: "聊城市东昌府区东昌路与兴华路交叉口聊城市政务服务中心三楼医保窗口",
            servicePhones: ["0635-8512345", "0635-8512346"],
            supervisionPhones: ["0635-12345"]),
        issuer: "聊城市医疗保险事业中心",
        issuedDate: NoticeDate(year: 2024, month: 3, day: 6))

    /// A 3-column grid of 60 rows with a footer: needs several pages.
    static func sixtyRows() throws -> (FormDefinition, [String: FieldValue]) {
        let rows = (1...60).map { n in
            #"{"cells": [{"label": "第\#(n)行"}, {"field": "f\#(n)"}, {"text": "说明\#(n)"}]}"#
        }
        let fields = (1...60).map { #"{"key": "f\#($0)", "label": "第\#($0)行", "type": "text"}"# }
        let form = try form(json: """
            {"id": "long", "version": "1", "title": "长表", "source": "x.txt:1", "schema": "x.xsd",
             "fields": [\(fields.joined(separator: ","))],
             "layout": {"columns": [1, 2, 2], "rows": [\(rows.joined(separator: ","))],
                        "header": [{"text": "填报单位（盖章）：", "bold": true}, {"date": "fillDate", "align": "right"}],
                        "footer": [{"text": "填表说明：本表一式两份。"}]}}
            """)
        var values: [String: FieldValue] = [:]
        for n in 1...60 { values["f\(n)"] = .text("值\(n)号") }
        values["fillDate"] = .text("2024年12月31日")
        return (form, values)
    }

    /// One cell whose text is taller than a page.
    static func tallCell() throws -> (FormDefinition, String) {
        let form = try form(json: """
            {"id": "tall", "version": "1", "title": "超长单元格", "source": "x.txt:1", "schema": "x.xsd",
             "fields": [{"key": "note", "label": "备注", "type": "text"}],
             "layout": {"columns": [1, 4], "rows": [{"cells": [{"label": "备注"}, {"field": "note"}]}]}}
            """)
        return (form, (1...400).map { "第\($0)句。" }.joined())
    }

    static func fortyMissing() -> NoticeContent {
        var notice = Fixtures.notice
        notice.missingMaterials = (1...40).map {
            MissingMaterial(wording: "第\($0)项材料：加盖单位公章的营业执照副本复印件及法定代表人身份证明书原件各1份",
                            basis: "000_aae2795ad81a31b3.txt 第\($0 + 10)行")
        }
        return notice
    }
}
