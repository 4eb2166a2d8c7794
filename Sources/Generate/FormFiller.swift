import Catalog
import IntakeCore

/// Fills every field of a form with realistic, mutually consistent, valid values: totals that
/// add up, dates in order and before the day of processing, ID numbers that agree with 性别,
/// options as printed. Optional fields are sometimes left out, as applicants do.
struct FormFiller {
    let form: FormDefinition
    var applicant: Applicant
    var rng: SplitMix64
    /// Values decided together (groups of counts and their totals, ordered dates).
    var preset: [String: Draft.Value] = [:]
    /// One date style per submission, as one person fills the whole form.
    let dateStyle: Int
    /// Forms made of figures that must add up: optional fields are written only when a group set them.
    var onlyPresetOptionals = false

    init(form: FormDefinition, applicant: Applicant, rng: SplitMix64) {
        self.form = form
        self.applicant = applicant
        self.rng = rng
        dateStyle = self.rng.int(0...5) < 3 ? 3 : self.rng.int(0...2)
    }

    mutating func fill() -> [Draft.Cell] {
        presetGroups()
        var cells: [Draft.Cell] = []
        for field in form.fields {
            if let value = preset[field.key] {
                cells.append(.init(key: field.key, value: value))
                continue
            }
            if isDetailField(field) { continue }
            if !field.required && (onlyPresetOptionals || rng.chance(0.15)) { continue }
            if let value = value(for: field) {
                cells.append(.init(key: field.key, value: value))
                if let detail = field.detail, case .options(let ticked, _) = value, ticked.contains(detail.option) {
                    cells.append(.init(key: detail.field, value: .text(detailText())))
                }
            }
        }
        return cells
    }

    func isDetailField(_ field: FieldDefinition) -> Bool {
        form.fields.contains { $0.detail?.field == field.key }
    }

    func date(_ d: CalendarDate) -> Draft.Value { .text(d.written(dateStyle)) }
    var day: CalendarDate { applicant.day }

    // MARK: Values decided together

    mutating func presetGroups() {
        let keys = Set(form.fields.map(\.key))
        // Dates, relative to the day the form was filled in.
        for key in ["declarationDate", "applicationDate", "fillDate", "reportDate", "submissionDate", "handledOn",
                    "generatedOn", "unitOpinionDate"] where keys.contains(key) {
            preset[key] = date(day.adding(days: -rng.int(0...3)))
        }
        if keys.contains("changeDate") { preset["changeDate"] = date(day.adding(days: -rng.int(0...60))) }
        if keys.contains("approvalDate") {
            let approval = day.adding(days: -rng.int(10...60))
            preset["approvalDate"] = date(approval)
            preset["cancellationDate"] = date(approval.adding(days: rng.int(5...40)))
        }
        if keys.contains("settlementStart") {
            let end = CalendarDate(year: day.year, month: day.month, day: 1)!.adding(days: -1)
            preset["settlementStart"] = date(CalendarDate(year: end.year, month: end.month, day: 1)!)
            preset["settlementEnd"] = date(end)
            preset["fillDate"] = date(day)
        }
        if keys.contains("openingDate") { preset["openingDate"] = date(day.adding(days: -rng.int(200...5000))) }
        if keys.contains("licenseValidFrom") {
            let from = day.adding(days: -rng.int(100...1500))
            preset["licenseValidFrom"] = date(from)
            preset["licenseValidTo"] = date(CalendarDate(year: from.year + 5, month: from.month, day: min(from.day, 28))!.adding(days: -1))
        }
        if keys.contains("doctorsTotal") { staffGroups(["doctors", "nurses", "technicians", "otherStaff"], total: "allStaff") }
        if keys.contains("pharmacistsTotal") { pharmacyStaff() }
        if keys.contains("medicalCostTotal") { liaochengSettlement(); onlyPresetOptionals = true }
        if keys.contains("totalClaim") { linyiSettlement(); onlyPresetOptionals = true }
        if keys.contains("insuredFrom") { insurancePeriod() }
        for field in form.fields where field.type == .table && preset[field.key] == nil {
            if let rows = tableRows(field) { preset[field.key] = .rows(rows) }
        }
    }

    /// 卫生技术人员构成: each group by 职称, and the totals.
    mutating func staffGroups(_ groups: [String], total: String) {
        var sums = [0, 0, 0]
        let levels = ["Senior", "Middle", "Junior"]
        for group in groups {
            let counts = [rng.int(0...6), rng.int(1...15), rng.int(1...30)]
            for (i, level) in levels.enumerated() { preset[group + level] = .text("\(counts[i])"); sums[i] += counts[i] }
            preset[group + "Total"] = .text("\(counts.reduce(0, +))")
        }
        for (i, level) in levels.enumerated() { preset[total + level] = .text("\(sums[i])") }
        preset[total + "Total"] = .text("\(sums.reduce(0, +))")
    }

    mutating func pharmacyStaff() {
        let counts = [rng.int(0...1), rng.int(0...2), rng.int(1...4)]
        for (i, level) in ["Senior", "Middle", "Junior"].enumerated() { preset["pharmacists" + level] = .text("\(counts[i])") }
        let pharmacists = counts.reduce(0, +), sales = rng.int(2...12), other = rng.int(0...4)
        preset["pharmacistsTotal"] = .text("\(pharmacists)")
        preset["salesStaffCount"] = .text("\(sales)")
        preset["otherStaffCount"] = .text("\(other)")
        preset["allStaffCount"] = .text("\(pharmacists + sales + other)")
    }

    static func money(_ cents: Int) -> String { "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)" }

    /// 聊城 医保费用申报表: visits and money by 类别, totals, the claim in words.
    mutating func liaochengSettlement() {
        let categories = ["Inpatient", "Chronic", "LongTermCare", "Outpatient"]
        let used = categories.filter { $0 == "Inpatient" || rng.chance(0.8) }
        var totals: [String: Int] = [:]
        for c in used {
            let settled = c == "Inpatient" ? rng.int(40...900) : rng.int(100...4000)
            let deferred = rng.int(0...(settled / 10))
            let cost = settled * rng.int(c == "Inpatient" ? 400_000...1_200_000 : 15_000...60_000)
            let burden = cost * rng.int(15...40) / 100
            let values = ["settledVisits": settled, "deferredVisits": deferred, "pooledVisits": settled - deferred,
                          "medicalCost": cost, "personalBurden": burden, "claimAmount": cost - burden]
            for (group, v) in values {
                let money = group.hasSuffix("Cost") || group.hasSuffix("Burden") || group.hasSuffix("Amount")
                preset[group + c] = .text(money ? Self.money(v) : "\(v)")
                totals[group, default: 0] += v
            }
            preset["claimAmountWords" + c] = .text(AmountInWords.words(cents: cost - burden))
        }
        for (group, v) in totals {
            let money = group.hasSuffix("Cost") || group.hasSuffix("Burden") || group.hasSuffix("Amount")
            preset[group + "Total"] = .text(money ? Self.money(v) : "\(v)")
        }
        preset["claimAmountWordsTotal"] = .text(AmountInWords.words(cents: totals["claimAmount"] ?? 0))
        if rng.chance(0.3) { preset["settledVisitsRemark"] = .text("含异地就医结算\(rng.int(1...20))人次") }
    }

    /// 临沂 医保费用申报表: per 支付渠道 人数, 人次, 费用, 拨付金额; 小计 per insurance, 合计.
    mutating func linyiSettlement() {
        let suffixes = ["Persons", "Visits", "Cost", "Claim"]
        var grand = [0, 0, 0, 0]
        for family in ["employee", "resident"] {
            let channels = form.fields.map(\.key).filter { $0.hasPrefix(family) && $0.hasSuffix("Persons") && !$0.contains("Subtotal") }
                .map { String($0.dropLast("Persons".count)) }
            var sub = [0, 0, 0, 0]
            for channel in channels where rng.chance(0.7) {
                let persons = rng.int(1...300), visits = persons + rng.int(0...persons * 2)
                let cost = visits * rng.int(20_000...900_000), claim = cost * rng.int(55...90) / 100
                let values = [persons, visits, cost, claim]
                for i in 0..<4 {
                    preset[channel + suffixes[i]] = .text(i < 2 ? "\(values[i])" : Self.money(values[i]))
                    sub[i] += values[i]
                }
            }
            for i in 0..<4 {
                preset[family + "Subtotal" + suffixes[i]] = .text(i < 2 ? "\(sub[i])" : Self.money(sub[i]))
                grand[i] += sub[i]
            }
        }
        for i in 0..<4 { preset["total" + suffixes[i]] = .text(i < 2 ? "\(grand[i])" : Self.money(grand[i])) }
        let month = CalendarDate(year: day.year, month: day.month, day: 1)!.adding(days: -1)
        preset["claimMonth"] = .text("\(month.year)年\(month.month)月")
        preset["submissionDate"] = date(day)
    }

    /// 参保凭证: the insured period, months paid, the account balance in figures and in words.
    mutating func insurancePeriod() {
        let fromYear = rng.int(max(applicant.subject.birth.year + 18, 1995)...(day.year - 1))
        let fromMonth = rng.int(1...12)
        let end = CalendarDate(year: day.year, month: day.month, day: 1)!.adding(days: -1)
        let months = (end.year - fromYear) * 12 + end.month - fromMonth + 1
        preset["insuredFrom"] = .text("\(fromYear)年\(fromMonth)月")
        preset["insuredTo"] = .text("\(end.year)年\(end.month)月")
        preset["paidMonths"] = .text("\(max(1, months - rng.int(0...min(12, max(0, months - 1)))))")
        let balance = rng.int(10_000...9_000_000)
        preset["accountBalance"] = .text(Self.money(balance))
        preset["accountBalanceInWords"] = .text(AmountInWords.words(cents: balance))
    }

    // MARK: Tables

    mutating func tableRows(_ table: FieldDefinition) -> [[Draft.Cell]]? {
        switch table.key {
        case "departments":
            let names = rng.sample(Pools.clinicalDepartments, 3 * rng.int(1...4))
            return stride(from: 0, to: names.count, by: 3).map { start in
                (0..<3).flatMap { i in
                    [Draft.Cell(key: "department\(i + 1)", value: .text(names[start + i])),
                     Draft.Cell(key: "beds\(i + 1)", value: .text("\(rng.int(0...6) * 5)"))]
                }
            }
        case "employees":
            return (0..<rng.int(1...5)).map { _ in maternityRow(table) }
        case "periods":
            return insurancePeriods(table)
        default:
            guard table.required || rng.chance(0.7) else { return nil }
            return (0..<rng.int(1...3)).map { _ in
                table.columns.compactMap { column in
                    (column.required || rng.chance(0.8)) ? value(for: column).map { .init(key: column.key, value: $0) } : nil
                }
            }
        }
    }

    mutating func maternityRow(_ table: FieldDefinition) -> [Draft.Cell] {
        let mother = applicant.person(&rng, gender: .female)
        let method = rng.pick(table.column("eventMethod")?.options ?? ["顺产"])
        let birth = !method.contains("流产")
        let bank = rng.chance(0.5)
        var row: [Draft.Cell] = [
            .init(key: "name", value: .text(mother.name)),
            .init(key: "gender", value: .text("女")),
            .init(key: "idNumber", value: .text(mother.idNumber)),
            .init(key: "eventDate", value: date(day.adding(days: -rng.int(20...150)))),
            .init(key: "eventMethod", value: .options([method], tagged: rng.chance(0.5))),
        ]
        if birth {
            row.append(.init(key: "birthCertificateNumber", value: .text("\(rng.pick(["P", "Q", "S"]))37\(rng.digits(8))")))
            row.append(.init(key: "parity", value: .text("\(rng.int(1...3))")))
            row.append(.init(key: "fetusCount", value: .text(rng.chance(0.95) ? "1" : "2")))
        }
        row.append(.init(key: "hospitalName", value: .text(hospitalName())))
        row.append(.init(key: "hospitalLevel", value: .text(rng.pick(Pools.hospitalLevels))))
        row.append(.init(key: "paymentMethod", value: .options([bank ? "银行卡发放" : "社保卡发放"], tagged: rng.chance(0.5))))
        if bank { row.append(.init(key: "bankCardNumber", value: .text(Identifiers.bankCard(&rng)))) }
        return row.filter { cell in table.column(cell.key) != nil }
    }

    mutating func insurancePeriods(_ table: FieldDefinition) -> [[Draft.Cell]] {
        let types = table.column("insuranceType")?.options ?? ["职工医保"]
        var year = rng.int(max(applicant.subject.birth.year + 18, 1998)...(day.year - 3))
        var month = rng.int(1...12)
        let count = rng.int(1...3)
        var rows: [[Draft.Cell]] = []
        var total = 0
        for i in 0..<count {
            let months = i == count - 1 ? max(1, (day.year - year) * 12 + day.month - month) : rng.int(6...60)
            let endIndex = year * 12 + (month - 1) + months - 1
            let local = i == count - 1 || rng.chance(0.5)
            let officeIndex = rng.int(0...(Pools.otherOffices.count - 1))
            var row: [Draft.Cell] = [
                .init(key: "seq", value: .text("\(i + 1)")),
                .init(key: "from", value: .text("\(year)年\(month)月")),
                .init(key: "to", value: .text("\(endIndex / 12)年\(endIndex % 12 + 1)月")),
                .init(key: "insuranceType", value: .options([rng.pick(Array(types.prefix(2)))], tagged: rng.chance(0.5))),
                .init(key: "paidMonths", value: .text("\(months)")),
                .init(key: "officeName", value: .text(local ? "\(applicant.cityName)医疗保险事业中心" : Pools.otherOffices[officeIndex])),
                .init(key: "officeRegionCode", value: .text(local ? applicant.city : Pools.otherOfficeCodes[officeIndex])),
            ]
            if rng.chance(0.2) { row.append(.init(key: "remarks", value: .text("单位变动转入"))) }
            rows.append(row.filter { table.column($0.key) != nil })
            total += months
            year = (endIndex + 1) / 12
            month = (endIndex + 1) % 12 + 1
        }
        let amount = total * rng.int(5_000...30_000)
        preset["transferAmount"] = .text(Self.money(amount))
        preset["transferAmountInWords"] = .text(AmountInWords.words(cents: amount))
        return rows
    }

    // MARK: One field

    mutating func hospitalName() -> String {
        rng.chance(0.5) ? "\(applicant.cityName)人民医院" : "\(applicant.cityName)\(applicant.place.addressName)\(rng.pick(["人民医院", "妇幼保健院", "中医医院"]))"
    }

    mutating func detailText() -> String {
        rng.pick(["大额医疗费用补助", "补充工伤保险", "企业补充医疗", "原新农合"])
    }

    /// A value for one field, from its key where the key says what it holds, else from its type.
    mutating func value(for field: FieldDefinition) -> Draft.Value? {
        let a = applicant
        let key = field.key
        var text: String?
        switch key {
        case "unitName", "unitNameOld", "institutionName", "pharmacyName": text = a.unitName
        case "unitType" where field.type == .choice:
            let wanted: [String]
            switch a.unitKind {
            case .enterprise: wanted = ["企业"]
            case .agency: wanted = ["机关单位"]
            case .institution: wanted = ["公益一类事业单位", "公益二类事业单位"]
            case .association: wanted = ["非参公社会团体", "社会团体"]
            case .privateNonProfit: wanted = ["其他"]
            }
            let fitting = field.options.filter(wanted.contains)
            return .options([fitting.isEmpty ? field.options[0] : rng.pick(fitting)], tagged: rng.chance(0.5))
        case "unitNameNew": text = a.unitName.replacingAll("有限公司", "集团有限公司")
        case "uscc", "businessLicense", "businessLicenseNumber", "institutionCode" where field.maxLength ?? 30 >= 18: text = a.uscc
        case "organizationCode": text = String(a.uscc.dropFirst(8).prefix(9))
        case "address", "addressOld", "institutionAddress", "pharmacyAddress": text = a.address
        case "addressNew": text = "山东省\(a.cityName)\(a.place.addressName)\(rng.pick(a.place.streets))\(rng.int(1...399))号"
        case "officeAddress": text = "山东省\(a.cityName)\(a.place.addressName)\(rng.pick(a.place.streets))\(rng.int(1...199))号政务服务中心\(rng.int(1...3))楼"
        case "legalRepName": text = a.legalRep.name
        case "legalRepIdNumber": text = a.legalRep.idNumber
        case "name", "employeeName": text = a.subject.name
        case "idNumber", "insuranceNumber": text = a.subject.idNumber
        case "gender": text = rng.chance(0.9) ? a.subject.gender.rawValue : a.subject.gender.rawValue + "性"
        case "age":
            text = "\(day.year - a.subject.birth.year - ((day.month, day.day) < (a.subject.birth.month, a.subject.birth.day) ? 1 : 0))"
        case "contactDepartment": text = rng.pick(Pools.departments)
        case "postcode", "postalCode": text = a.place.postcode
        case "regionCode": text = a.districtCode
        case "unitCode": text = rng.digits(8, leadingZero: false)
        case "hospital", "hospitalName": text = hospitalName()
        case "ownership": text = a.kind == .hospital ? rng.pick(["民营", "股份制", "私营"]) : rng.pick(Pools.ownerships)
        case "institutionCategory": text = rng.pick(Pools.institutionCategories)
        case "hospitalLevel", "institutionLevel": text = rng.pick(Pools.hospitalLevels)
        case "businessNature": text = rng.pick(["营利性", "非营利性"])
        case "insuranceDepartment": text = rng.pick(["医保办公室", "医保科", "医务科"])
        case "licenseNumber": text = "PDY\(rng.digits(8))\(a.districtCode)\(rng.digits(2))A\(rng.digits(4))"
        case "drugLicenseNumber": text = "鲁\(rng.pick(["AA", "CA", "CB"]))\(a.areaCode.dropFirst())\(rng.digits(4))"
        case "drugLicenseValidity":
            let from = day.adding(days: -rng.int(100...1200))
            text = "\(from.year)年\(from.month)月\(from.day)日至\(from.year + 5)年\(from.month)月\(max(1, from.day - 1))日"
        case "gspCertificateNumber": text = "A-SD-\(day.year % 100 - rng.int(1...3))-\(rng.digits(4))"
        case "businessTerm": text = rng.chance(0.6) ? "长期" : "\(day.year + rng.int(5...20))年\(rng.int(1...12))月\(rng.int(1...28))日"
        case "businessArea": text = "\(rng.int(60...4000))\(rng.chance(0.3) ? ".5" : "")"
        case "bankAccount" where (field.maxLength ?? 40) > 40, "bankAccountWithBank":
            text = "\(rng.pick(Pools.banks))\(a.cityName.dropLast())\(a.place.addressName.prefix(2))支行 \(Identifiers.bankAccount(&rng))"
        case "bankAccount": text = Identifiers.bankAccount(&rng)
        case "bankCardNumber": text = Identifiers.bankCard(&rng)
        case "bankName": text = "\(rng.pick(Pools.banks))\(a.cityName.dropLast())\(a.place.addressName.prefix(2))支行"
        case "bankCode": text = "\(rng.pick(["102", "103", "104", "105", "313"]))\(a.areaCode.dropFirst())\(rng.digits(6))"
        case "accountName", "transferInOffice", "handlingOffice":
            text = "\(a.cityName)\(a.place.district == "市直" ? "" : a.place.addressName)医疗保险事业中心"
        case "transferOutOffice": text = rng.pick(Pools.otherOffices)
        case "letterNumber": text = "LS\(day.year)-\(rng.digits(4))"
        case "certificateNumber": text = "\(a.city)\(day.year)\(day.month < 10 ? "0" : "")\(day.month)\(rng.digits(6))"
        case "householdRegistration": text = "山东省\(a.cityName)\(a.place.addressName)"
        case "householdType" where field.type == .text: text = rng.pick(["非农业", "农业", "居民"])
        case "approvalDocument":
            text = "\(a.place.addressName)行政审批服务局《准予注销登记通知书》（\(a.place.addressName.prefix(1))审批内销字〔\(day.year)〕第\(rng.digits(4))号）"
        case "applicationContent":
            text = a.kind == .pharmacy
                ? "本店营业面积\(rng.int(60...300))平方米，经营药品\(rng.int(800...3000))余种，配备执业药师\(rng.int(1...3))名，药品进销存实行计算机管理。本店承诺遵守基本医疗保险各项规定，现申请成为\(a.cityName)基本医疗保险定点零售药店。"
                : "我院于\(day.year - rng.int(1...8))年取得《医疗机构执业许可证》，现有床位\(rng.int(20...300))张，设有内科、外科、妇产科等临床科室，已建成医院信息系统并可与医保信息平台对接。我院承诺严格执行基本医疗保险各项政策和协议管理规定，现申请成为\(a.cityName)基本医疗保险定点医疗机构，请予评估。"
        case "mainSpecialties": text = rng.sample(Pools.clinicalDepartments, 5).joined(separator: "、")
        case "serviceTargets": text = rng.pick(["职工和城乡居民", "辖区居民", "参保职工"])
        case "unitTypeOld", "unitTypeNew": text = rng.pick(["企业", "事业单位", "社会团体", "民办非企业单位"])
        case "affiliationOld", "affiliationNew": text = rng.pick(["市属", "区属", "县属", "其他"])
        case "supervisorOld", "supervisorNew": text = "\(a.cityName)\(rng.pick(["工业和信息化局", "商务局", "国资委", "教育和体育局"]))"
        case "remarks": text = rng.pick(["无", "按时足额缴费", "单位迁址", "法定代表人变更"])
        case "otherStaff": text = "\(rng.int(0...5))"
        case "claimMonth": text = "\(day.year)年\(day.month)月"
        default: break
        }
        if text == nil {
            switch field.type {
            case .text:
                if field.label.contains("姓名") || field.label.contains("人") && (field.maxLength ?? 50) <= 50 {
                    text = a.person(&rng).name
                } else {
                    text = String(field.label.prefix(8)) + "（略）"
                }
            case .uscc: text = a.uscc
            case .idNumber: text = a.person(&rng).idNumber
            case .phone: text = Identifiers.phone(areaCode: a.areaCode, &rng)
            case .mobile: text = Identifiers.mobile(&rng)
            case .date: text = day.adding(days: -rng.int(0...30)).written(dateStyle)
            case .gender: text = a.subject.gender.rawValue
            case .amount: text = Self.money(rng.int(100...5_000_000))
            case .integer: text = "\(rng.int(0...50))"
            case .bankCard: text = Identifiers.bankCard(&rng)
            case .choice:
                return .options([rng.pick(field.options.filter { $0 != field.detail?.option || rng.chance(0.2) })], tagged: rng.chance(0.6))
            case .multiChoice:
                var ticked = rng.sample(field.options.filter { $0 != field.detail?.option }, rng.int(1...min(3, field.options.count)))
                if let other = field.detail?.option, rng.chance(0.15) { ticked.append(other) }
                let order = field.options
                return .options(ticked.sorted { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! }, tagged: rng.chance(0.7))
            case .table:
                return nil
            }
        }
        guard var result = text else { return nil }
        if let max = field.maxLength, result.count > max { result = String(result.prefix(max)) }
        return .text(result)
    }
}
