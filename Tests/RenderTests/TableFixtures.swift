import Catalog
import Foundation
import IntakeCore

/// Test data for table fields: a fixture modelled on 临沂's 企业职工生育津贴领取审核表 (12 columns,
/// a two-level header) and generated rows.
extension Fixtures {
    static let birthHeaderLabels = ["姓名", "性别", "身份证号", "生育、计划生育", "时间", "方式", "出生医学证明编号",
                                    "胎次", "胎儿数", "医疗机构名称", "医院等级", "发放方式", "银行卡号"]

    static func birthForm() throws -> FormDefinition { try form("ly-birth-allowance") }

    /// Row `n` of the table: every value unique to the row where a test counts it.
    static func birthRow(_ n: Int) -> [String: FieldValue] {
        let names = ["王秀英", "李娜", "张静", "刘芳", "陈丽", "杨敏", "赵燕", "黄洁"]
        let hospitals = ["临沂市人民医院", "临沂市妇幼保健院", "兰山区人民医院"]
        return [
            "name": .text(names[n % names.count]),
            "gender": .text("女"),
            "idNumber": .text(birthID(n)),
            "date": .text(String(format: "2024-%02d-%02d", n % 12 + 1, n % 28 + 1)),
            "mode": .text(n % 2 == 0 ? "顺产" : "剖宫产"),
            "certificate": .text(String(format: "Q37%07d", 1000 + n)),
            "parity": .text(String(n % 3 + 1)),
            "babies": .text("1"),
            "hospital": .text(hospitals[n % hospitals.count]),
            "hospitalLevel": .text("三级甲等"),
            "payment": .choices(["银行卡发放"]),
            "bankCard": .text(birthCard(n)),
        ]
    }

    /// 18 characters, unique per row (the check digit is not computed: rendering does not check).
    static func birthID(_ n: Int) -> String { String(format: "3713021990%02d%02d%03d", n % 12 + 1, n % 28 + 1, n) + "X" }

    static func birthCard(_ n: Int) -> String { String(format: "622848%013d", 7_000_000 + n) }

    static func births(_ count: Int) -> [String: FieldValue] {
        ["fillDate": .text("2024-12-31"), "births": .rows(count == 0 ? [] : (1...count).map(birthRow))]
    }
}
