/// What a 一次性告知书 (missing-items notice) tells the applicant, already worded in Chinese.
///
/// The renderer only typesets: every sentence that cites a rule comes in here, so the notice
/// says exactly what the checks found.
public struct NoticeContent: Sendable, Hashable {
    /// The applying unit or person as written; blank prints "申请人".
    public var applicant: String
    /// 事项名称, e.g. 单位基本医疗保险参保登记.
    public var itemName: String
    public var formTitle: String
    /// Printed as 编号.
    public var submissionID: String
    public var receivedDate: NoticeDate
    public var missingMaterials: [MissingMaterial]
    public var faultyFields: [FaultyField]
    /// Materials handed in but not good as they are (not matching the application, expired,
    /// unreadable): whole sentences, as the checks word them.
    public var materialFaults: [String] = []
    public var office: NoticeOffice
    /// e.g. 聊城市医疗保险事业中心.
    public var issuer: String
    public var issuedDate: NoticeDate
    public var kind: NoticeKind = .missingItems
    /// 办件编号, printed above 编号 once the window has given one.
    public var caseNumber: String?
    /// The clerk printed as 经办人; blank line when nil.
    public var handler: String?
    /// For a 受理回执: the materials received, as the guide words them.
    public var receivedMaterials: [String] = []
    /// For a 受理回执: 办理时限 as the guide states it.
    public var timeLimit: String?

    public init(applicant: String, itemName: String, formTitle: String, submissionID: String,
                receivedDate: NoticeDate, missingMaterials: [MissingMaterial], faultyFields: [FaultyField],
                office: NoticeOffice, issuer: String, issuedDate: NoticeDate) {
        self.applicant = applicant
        self.itemName = itemName
        self.formTitle = formTitle
        self.submissionID = submissionID
        self.receivedDate = receivedDate
        self.missingMaterials = missingMaterials
        self.faultyFields = faultyFields
        self.office = office
        self.issuer = issuer
        self.issuedDate = issuedDate
    }
}

/// Which of the window's letters: the guides' flow charts tell missing materials ("一次性告知需补齐的
/// 材料") from a failed review ("告知不通过原因并退回材料", 000:1977, 000:2020); an accepted
/// application gets a 受理回执.
public enum NoticeKind: Sendable, Hashable {
    case missingItems
    case refusal(reason: String)
    case receipt
    /// 网上预审回执: checked online and handed to the window under a 预审号 (`caseNumber`); not
    /// yet accepted, so it lists what to bring.
    case precheckReceipt
}

extension NoticeContent {
    /// As printed at the top.
    public var title: String {
        switch kind {
        case .missingItems: "一次性告知书"
        case .refusal: "审核不通过告知书"
        case .receipt: "受理回执"
        case .precheckReceipt: "网上预审回执"
        }
    }
}

/// A calendar date as printed on the notice ("2024年3月5日"); no time zone questions.
public struct NoticeDate: Sendable, Hashable, Codable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// "2024年3月5日".
    public var chinese: String { "\(year)年\(month)月\(day)日" }
}

/// A material the applicant still has to bring.
public struct MissingMaterial: Sendable, Hashable {
    /// As the guide words it, count included, e.g. 单位批准成立文件复印件1份.
    public var wording: String
    /// Where the requirement stands, e.g. "000_aae2795ad81a31b3.txt 第17行".
    public var basis: String

    public init(wording: String, basis: String) {
        self.wording = wording
        self.basis = basis
    }
}

/// A filled-in value that has to be corrected.
public struct FaultyField: Sendable, Hashable {
    /// As printed, with its group, e.g. 法定代表人·身份证号码.
    public var label: String
    /// As submitted; may be blank.
    public var value: String
    /// Why it is wrong, in Chinese.
    public var reason: String

    public init(label: String, value: String, reason: String) {
        self.label = label
        self.value = value
        self.reason = reason
    }
}

/// Where and whom to ask: the office that handles the item.
public struct NoticeOffice: Sendable, Hashable {
    /// e.g. 聊城市医疗保障局 市直.
    public var name: String
    public var address: String
    public var servicePhones: [String]
    public var supervisionPhones: [String]

    public init(name: String, address: String, servicePhones: [String], supervisionPhones: [String]) {
        self.name = name
        self.address = address
        self.servicePhones = servicePhones
        self.supervisionPhones = supervisionPhones
    }
}
