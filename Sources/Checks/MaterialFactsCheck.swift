import Catalog
import IntakeCore

/// What a clerk compares between the materials and the application: the ID number on a
/// 居民身份证 against the applicant's or agent's, a 营业执照's USCC and 名称 against the unit's, a
/// 出生医学证明编号 against the form's, the parties of a 授权委托书, and validity periods.
/// A fact read without confidence is the clerk's to read (`low-confidence`), never an accusation.
enum MaterialFactsCheck {
    /// Below this a fact read by OCR is not vouched for.
    static let confidenceThreshold = 0.9
    /// A name has no check digit to catch a misread character: it must be read surer still.
    static let nameThreshold = 0.97
    /// Documents that show one person's number only, which must then be the applicant's or the agent's.
    static let onePerson: Set<String> = ["id-card-front", "id-card-back", "social-security-card", "residence-permit",
                                         "residence-permit-receipt"]

    static func check(_ submission: Submission, form: FormDefinition, item: ServiceItem, context: CheckContext) -> [Problem] {
        var problems: [Problem] = []
        let ids = idNumbers(submission, form: form)
        let usccs = values(submission, form: form) { $0.type == .uscc }
        let unitNames = values(submission, form: form) { $0.key == "unitName" || $0.label.contains("单位名称") || $0.label.contains("机构名称") }
        let birthNumbers = values(submission, form: form) { $0.label.contains("出生医学证明") }
        for attachment in submission.attachments {
            guard let classified = attachment.classified else { continue }
            let file = attachment.file ?? attachment.name
            // The material as the guide names it, and the file it came in.
            let what = item.materials.first { $0.id == attachment.id }.map { "材料“\($0.name)”（文件“\(file)”）" } ?? "材料“\(file)”"
            if let reason = classified.unreadable, classified.kind == nil {
                problems.append(Problem(field: file, label: file, code: .materialUnreadable,
                                        message: "\(what)无法辨认（\(reason)），请提供清晰完整的材料。"))
                continue
            }
            // A file of no known kind is the clerk's to look at; a known document the item does
            // not ask for (an extra 营业执照) is only listed, with its kind, in attachments.
            if attachment.id == nil, classified.kind == nil {
                problems.append(Problem(field: file, label: file, code: .materialUnrecognised,
                                        message: "文件“\(file)”未能识别为本事项的申办材料，请工作人员查看。"))
            }
            // The facts of any document recognised, needed or not: an ID card is someone's.
            for fact in classified.facts {
                let label = factLabel(fact.key)
                if fact.confidence < confidenceThreshold {
                    if ["idNumber", "uscc", "birthCertificateNumber", "principalIdNumber", "agentIdNumber", "validUntil"].contains(fact.key) {
                        problems.append(Problem(field: file, label: file, code: .lowConfidence,
                                                message: "\(what)上的\(label)识别不确定，请工作人员核对原件。"))
                    }
                    continue
                }
                func mismatch(_ submitted: String) {
                    problems.append(Problem(field: file, label: file, code: .materialMismatch,
                                            message: "\(what)上的\(label)“\(fact.value)”与申请填写的“\(submitted)”不一致。"))
                }
                switch fact.key {
                case "idNumber" where !Self.onePerson.contains(classified.kind ?? ""):
                    // A 户口簿, 结婚证 or 承诺书 may show another member of the family first.
                    break
                case "idNumber", "principalIdNumber", "motherIdNumber":
                    let among = fact.key == "principalIdNumber" ? ids.applicant : ids.all
                    if !among.isEmpty, !among.contains(fact.value) { mismatch(closest(fact.value, among)) }
                case "agentIdNumber":
                    if let agent = submission.agent?.idNumber.map(CodeText.fold)?.uppercased(), !agent.isEmpty, agent != fact.value {
                        mismatch(agent)
                    }
                case "uscc":
                    if !usccs.isEmpty, !usccs.contains(fact.value) { mismatch(closest(fact.value, usccs)) }
                case "unitName":
                    // A name is compared whole (青岛市市南区… is not 市南区…), so it must have been
                    // read surely; a name read to the reader's limit may go on beyond it.
                    let read = foldName(fact.value)
                    guard !unitNames.isEmpty, !unitNames.contains(where: { foldName($0) == read || (read.count >= 40 && foldName($0).hasPrefix(read)) })
                    else { break }
                    if fact.confidence >= Self.nameThreshold {
                        mismatch(unitNames[0])
                    } else {
                        problems.append(Problem(field: file, label: file, code: .lowConfidence,
                                                message: "\(what)上的名称与申请填写的不同，但识别不确定，请工作人员核对原件。"))
                    }
                case "birthCertificateNumber":
                    if !birthNumbers.isEmpty, !birthNumbers.map({ $0.uppercased() }).contains(fact.value) { mismatch(closest(fact.value, birthNumbers)) }
                case "validUntil":
                    if case .date(let until) = CalendarDate.parse(fact.value), until < context.today {
                        problems.append(Problem(field: file, label: file, code: .materialExpired,
                                                message: "\(what)已超过有效期限（有效期至\(until.year)年\(until.month)月\(until.day)日），请提供有效期内的材料。"))
                    }
                default:
                    break
                }
            }
        }
        return problems
    }

    static func factLabel(_ key: String) -> String {
        switch key {
        case "idNumber": "公民身份号码"
        case "principalIdNumber": "委托人身份证号码"
        case "agentIdNumber": "受托人身份证号码"
        case "motherIdNumber": "母亲身份证件号码"
        case "uscc": "统一社会信用代码"
        case "unitName": "名称"
        case "birthCertificateNumber": "出生医学证明编号"
        case "validUntil": "有效期限"
        default: key
        }
    }

    /// The ID numbers the application gives: the applicant's own fields (and table cells), and the agent's.
    static func idNumbers(_ submission: Submission, form: FormDefinition) -> (all: [String], applicant: [String]) {
        let applicant = values(submission, form: form) { $0.type == .idNumber }.map { $0.uppercased() }
        let agent = submission.agent?.idNumber.map { CodeText.fold($0).uppercased() }.map { [$0] } ?? []
        return (applicant + agent.filter { !$0.isEmpty }, applicant)
    }

    /// The values of the fields (and table columns) `matching` says, folded.
    static func values(_ submission: Submission, form: FormDefinition, matching: (FieldDefinition) -> Bool) -> [String] {
        var found: [String] = []
        for field in form.fields {
            if field.type == .table, case .rows(let rows)? = submission.values[field.key] {
                for column in field.columns where matching(column) {
                    found += rows.compactMap { $0[column.key]?.display }
                }
            } else if matching(field), let value = submission.values[field.key]?.display {
                found.append(value)
            }
        }
        return found.map { CodeText.fold($0) }.filter { !$0.isEmpty }
    }

    /// The given value most like `read` (the longest common prefix), to name in the message.
    static func closest(_ read: String, _ given: [String]) -> String {
        given.max { a, b in a.commonPrefix(with: read).count < b.commonPrefix(with: read).count } ?? given.first ?? ""
    }

    static func foldName(_ name: String) -> String {
        String(name.filter { !$0.isWhitespace }.map { c -> Character in
            switch c { case "(": "（"; case ")": "）"; default: c }
        })
    }
}
