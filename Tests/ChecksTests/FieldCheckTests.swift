import Catalog
import Checks
import Foundation
import IntakeCore
import IntakeTestSupport
import Testing

@Test("A complete submission has no problems and normalised codes")
func completeIsAccepted() throws {
    let report = try check(completeSubmission())
    #expect(report.problems.isEmpty, "\(report.problems)")
    #expect(report.status == .accepted)
    #expect(report.fields.first { $0.key == "uscc" }?.normalized == "91371502MA3C7K2L0U")
    #expect(report.fields.first { $0.key == "declarationDate" }?.normalized == "2026-11-16")
    #expect(report.fields.first { $0.key == "legalRepName" }?.group == "法定代表人")
}

@Test("Every required field left blank is named, with missing-required",
      arguments: ["unitName", "uscc", "address", "unitType", "legalRepName", "legalRepPhone", "legalRepIdNumber",
                  "contactName", "contactMobile", "insuranceTypes"])
func requiredBlank(key: String) throws {
    var s = completeSubmission()
    s.values[key] = key == "insuranceTypes" ? .choices([]) : .text("  ")
    let report = try check(s)
    #expect(report.problems.map(\.code) == [.missingRequired])
    #expect(report.problems.first?.field == key)
    #expect(report.status == .incomplete)
}

@Test("Optional fields may stay blank", arguments: ["contactDepartment", "contactPhone", "declarationDate"])
func optionalBlank(key: String) throws {
    var s = completeSubmission()
    s.values[key] = nil
    #expect(try check(s).problems.isEmpty)
}

@Test("A wrong USCC check character is invalid-check-digit; a malformed one invalid-format")
func usccProblems() throws {
    var s = completeSubmission()
    s.values["uscc"] = .text("91371502MA3C7K2L0G")
    #expect(try check(s).problems.map(\.code) == [.invalidCheckDigit])
    s.values["uscc"] = .text("91371502MA3C7K2L")
    #expect(try check(s).problems.map(\.code) == [.invalidFormat])
}

@Test("ID number problems: check digit, birth date, format")
func idProblems() throws {
    var s = completeSubmission()
    s.values["legalRepIdNumber"] = .text("371502197806120413")
    #expect(try check(s).problems.map(\.code) == [.invalidCheckDigit])
    s.values["legalRepIdNumber"] = .text("371502197802300412")
    #expect(try check(s).problems.map(\.code) == [.invalidBirthDate])
    s.values["legalRepIdNumber"] = .text("37150219780612041")
    #expect(try check(s).problems.map(\.code) == [.invalidFormat])
}

@Test("Phones: a landline is not a 手机号码, garbage is not a 联系电话")
func phoneProblems() throws {
    var s = completeSubmission()
    s.values["contactMobile"] = .text("0635-8367216")
    #expect(try check(s).problems.map(\.field) == ["contactMobile"])
    s = completeSubmission()
    s.values["legalRepPhone"] = .text("12345")
    #expect(try check(s).problems.map(\.code) == [.invalidFormat])
}

@Test("Impossible dates are date-format; a future declaration date is date-order")
func dateProblems() throws {
    var s = completeSubmission()
    s.values["declarationDate"] = .text("2026-02-30")
    #expect(try check(s).problems.map(\.code) == [.dateFormat])
    s.values["declarationDate"] = .text("2026年13月1日")
    #expect(try check(s).problems.map(\.code) == [.dateFormat])
    s.values["declarationDate"] = .text("2026-12-01")
    #expect(try check(s).problems.map(\.code) == [.dateOrder])
}

@Test("Options must be printed ones; a single-choice group takes one tick")
func choiceProblems() throws {
    var s = completeSubmission()
    s.values["unitType"] = .text("个体户")
    #expect(try check(s).problems.map(\.code) == [.invalidOption])
    s.values["unitType"] = .choices(["企业", "机关单位"])
    #expect(try check(s).problems.map(\.code) == [.tooManyOptions])
    s.values["insuranceTypes"] = .choices(["医疗保险", "工伤保险"])
    #expect(try check(s).problems.map(\.code).contains(.invalidOption))
}

@Test("Ticking 其他 requires saying what")
func otherNeedsDetail() throws {
    var s = completeSubmission()
    s.values["insuranceTypes"] = .choices(["医疗保险", "其他"])
    let report = try check(s)
    #expect(report.problems.map(\.field) == ["insuranceTypesOther"])
    s.values["insuranceTypesOther"] = .text("大额医疗费用补助")
    #expect(try check(s).problems.isEmpty)
}

@Test("Text longer than its cell is too-long")
func tooLong() throws {
    var s = completeSubmission()
    s.values["unitName"] = .text(String(repeating: "长", count: 101))
    #expect(try check(s).problems.map(\.code) == [.tooLong])
}

@Test("性别 against the ID number's 17th digit, on a form that is only data")
func genderRule() throws {
    let json = """
    {"id":"t","version":"1","title":"测试表","source":"000_aae2795ad81a31b3.txt:1","schema":"x.xsd",
     "fields":[{"key":"idNumber","label":"身份证号码","type":"id-number"},{"key":"gender","label":"性别","type":"gender"}],
     "rules":[{"kind":"id-gender","id":"idNumber","gender":"gender"}],
     "layout":{"columns":[1],"rows":[{"cells":[{"field":"idNumber"}]},{"cells":[{"field":"gender"}]}]}}
    """
    let form = try JSONDecoder().decode(FormDefinition.self, from: Data(json.utf8))
    let item = try #require(Repository.catalog.items.first)
    func problems(_ gender: String) -> [ProblemCode] {
        var s = completeSubmission()
        s.values = ["idNumber": .text("11010519491231002X"), "gender": .text(gender)]
        return SubmissionChecker(today: checkDay).check(s, form: form, item: item, sourceName: "t").problems
            .filter { $0.code != .missingMaterial }.map(\.code)
    }
    #expect(problems("女") == [])
    #expect(problems("男") == [.idGenderMismatch])
}

@Test("Table rows are checked column by column, and rules on table columns apply per row")
func tableRows() throws {
    let json = """
    {"id":"t","version":"1","title":"测试表","source":"004_f9d482a114d9d6da.txt:1691","schema":"x.xsd",
     "fields":[{"key":"employees","label":"职工","type":"table","required":true,"columns":[
        {"key":"name","label":"姓名","type":"text","required":true},
        {"key":"gender","label":"性别","type":"gender"},
        {"key":"idNumber","label":"身份证号","type":"id-number","required":true},
        {"key":"days","label":"胎儿数","type":"integer"}]}],
     "rules":[{"kind":"id-gender","id":"employees.idNumber","gender":"employees.gender"}],
     "layout":{"columns":[1,1,1,1],"rows":[{"repeat":"employees","cells":[{"field":"name"},{"field":"gender"},{"field":"idNumber"},{"field":"days"}]}]}}
    """
    let form = try JSONDecoder().decode(FormDefinition.self, from: Data(json.utf8))
    let item = try #require(Repository.catalog.items.first)
    func problems(_ rows: [[String: FieldValue]]) -> [Problem] {
        var s = completeSubmission()
        s.values = ["employees": .rows(rows)]
        return SubmissionChecker(today: checkDay).check(s, form: form, item: item, sourceName: "t").problems
            .filter { $0.code != .missingMaterial }
    }
    let good: [String: FieldValue] = ["name": .text("王芳"), "gender": .text("女"), "idNumber": .text("11010519491231002X"), "days": .text("1")]
    #expect(problems([good, good]).isEmpty)
    var bad = good
    bad["idNumber"] = .text("110105194912310021")
    bad["days"] = .text("一")
    let found = problems([good, bad])
    #expect(Set(found.compactMap(\.field)) == ["employees[1].idNumber", "employees[1].days"])
    #expect(found.first?.label?.hasPrefix("职工第2行") == true)
    var man = good
    man["gender"] = .text("男")
    #expect(problems([man]).map(\.code) == [.idGenderMismatch])
    #expect(problems([man]).first?.field == "employees[0].gender")
    #expect(problems([]).map(\.code) == [.missingRequired])
}

@Test("A blank row keeps its number: a rule's problem names the row as the form numbers it")
func blankRowKeepsNumbering() throws {
    let form = try #require(Repository.catalog.form("ly-maternity-allowance"))
    let item = try #require(Repository.catalog.items(region: "371300", form: form.id).first)
    var s = completeSubmission(form: form.id)
    let woman: [String: FieldValue] = [
        "name": .text("王芳"), "gender": .text("男"), "idNumber": .text("11010519491231002X"), "eventDate": .text("2026-09-14"),
        "eventMethod": .text("不满2个月流产"), "hospitalName": .text("临沂市人民医院"), "paymentMethod": .text("社保卡发放"),
    ]
    s.values = ["unitName": .text("临沂润达纺织股份有限公司"), "preparer": .text("刘静"), "contactPhone": .text("0539-8164311"),
                "employees": .rows([[:], woman])]
    let problems = SubmissionChecker(today: checkDay).check(s, form: form, item: item, sourceName: "t").problems
    #expect(problems.filter { $0.code == .idGenderMismatch }.map(\.field) == ["employees[1].gender"])
}

@Test("临沂 生育津贴: 出生医学证明编号, 胎次 and 胎儿数 are required in a 顺产 or 剖宫产 row only; 银行卡号 when paid to a bank card")
func requiredWhenInRows() throws {
    let form = try #require(Repository.catalog.form("ly-maternity-allowance"))
    let item = try #require(Repository.catalog.items(region: "371300", form: form.id).first)
    func missing(_ changes: [String: FieldValue]) -> [String] {
        var row: [String: FieldValue] = [
            "name": .text("王芳"), "gender": .text("女"), "idNumber": .text("11010519491231002X"), "eventDate": .text("2026-09-14"),
            "eventMethod": .text("顺产"), "birthCertificateNumber": .text("R37765410596"), "parity": .text("1"),
            "fetusCount": .text("1"), "hospitalName": .text("临沂市人民医院"), "paymentMethod": .text("银行卡发放"),
            "bankCardNumber": .text("6228480873482176302"),
        ]
        for (key, value) in changes { row[key] = value }
        var s = completeSubmission(form: form.id)
        s.values = ["unitName": .text("临沂润达纺织股份有限公司"), "preparer": .text("刘静"),
                    "contactPhone": .text("0539-8164311"), "employees": .rows([row])]
        return SubmissionChecker(today: checkDay).check(s, form: form, item: item, sourceName: "t").problems
            .filter { $0.code == .missingRequired }.compactMap(\.field)
    }
    #expect(missing([:]) == [])
    #expect(missing(["birthCertificateNumber": .text(""), "parity": .text(" ")]) == ["employees[0].birthCertificateNumber", "employees[0].parity"])
    #expect(missing(["eventMethod": .text("剖宫产"), "fetusCount": .text("")]) == ["employees[0].fetusCount"])
    #expect(missing(["eventMethod": .text("不满2个月流产"), "birthCertificateNumber": .text(""), "parity": .text(""), "fetusCount": .text("")]) == [])
    #expect(missing(["bankCardNumber": .text("")]) == ["employees[0].bankCardNumber"])
    #expect(missing(["paymentMethod": .text("社保卡发放"), "bankCardNumber": .text("")]) == [])
}

@Test("聊城 变更登记表: a form whose whole 变更事项 column is blank changes nothing and is refused")
func changeFormChangesSomething() throws {
    let form = try #require(Repository.catalog.form("lc-unit-change"))
    let item = try #require(Repository.catalog.items(region: "371500", form: form.id).first)
    func problems(_ new: [String: FieldValue]) -> [Problem] {
        var s = completeSubmission(form: form.id)
        s.values = ["unitCode": .text("37150200123"), "fillDate": .text("2026-11-16"), "unitNameOld": .text("聊城市鑫源精密机械有限公司"),
                    "changeDate": .text("2026-11-10"), "legalRepName": .text("刘振华"), "legalRepPhone": .text("0635-8367215"),
                    "contactName": .text("张丽娜"), "contactPhone": .text("0635-8367216")].merging(new) { $1 }
        return SubmissionChecker(today: checkDay).check(s, form: form, item: item, sourceName: "t").problems
            .filter { $0.code == .missingRequired }
    }
    let none = problems([:])
    #expect(none.map(\.field) == ["unitNameNew"])
    #expect(none.first?.label == "变更事项" && none.first?.message.contains("至少填写一项") == true)
    #expect(problems(["unitNameNew": .text(" ")]).map(\.field) == ["unitNameNew"])
    #expect(problems(["addressNew": .text("聊城市东昌府区柳园南路56号")]).isEmpty)
}

@Test("银行卡号: 12–19 digits; a failed Luhn check is listed for the clerk, not told to the applicant")
func bankCards() throws {
    let form = try #require(Repository.catalog.form("ly-maternity-allowance"))
    let item = try #require(Repository.catalog.items(region: "371300", form: form.id).first)
    func problems(_ card: String) -> [ProblemCode] {
        let row: [String: FieldValue] = [
            "name": .text("王芳"), "gender": .text("女"), "idNumber": .text("11010519491231002X"), "eventDate": .text("2026-09-14"),
            "eventMethod": .text("不满2个月流产"), "hospitalName": .text("临沂市人民医院"), "paymentMethod": .text("银行卡发放"),
            "bankCardNumber": .text(card),
        ]
        var s = completeSubmission(form: form.id)
        s.values = ["unitName": .text("临沂润达纺织股份有限公司"), "preparer": .text("刘静"),
                    "contactPhone": .text("0539-8164311"), "employees": .rows([row])]
        return SubmissionChecker(today: checkDay).check(s, form: form, item: item, sourceName: "t").problems
            .filter { $0.field == "employees[0].bankCardNumber" }.map(\.code)
    }
    #expect(problems("6228480338120345677") == [])
    #expect(problems("6228 4803 3812 0345 677") == [], "groups of four as printed on the card")
    #expect(problems("4111111111111111") == [])
    #expect(problems("6228480338120345676") == [.lowConfidence], "last digit wrong")
    #expect(problems("6228480338210345677") == [.lowConfidence], "two digits swapped")
    #expect(problems("62284803381") == [.invalidFormat], "11 digits")
    #expect(problems("6228A80338120345677") == [.invalidFormat])
}

@Test("a colour scan with no seal found lacks its 单位公章; a grey scan cannot show one, and the clerk looks instead")
func sealOnColourAndGreyScans() throws {
    let form = try #require(Repository.catalog.form("ly-maternity-allowance"))
    #expect(form.requiresSeal)
    let item = try #require(Repository.catalog.items(region: "371300", form: form.id).first)
    func sealProblems(_ sealPages: [Int]?) -> [ProblemCode] {
        var s = completeSubmission(form: form.id)
        s.readingMethod = .ocr
        s.sealPages = sealPages
        return SubmissionChecker(today: checkDay).check(s, form: form, item: item, sourceName: "t").problems
            .filter { $0.label == "单位公章" }.map(\.code)
    }
    #expect(sealProblems([]) == [.missingSeal])
    #expect(sealProblems([1]) == [])
    #expect(sealProblems(nil) == [.lowConfidence])
}
