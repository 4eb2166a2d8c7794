/// A service item (事项) as one region's guide states it.
public struct ServiceItem: Sendable, Hashable, Codable {
    /// Stable id shared by the same item across regions (`unit-enrollment`).
    public var id: String
    /// The official 事项名称.
    public var name: String
    /// Other names the guides use for it: the title line above 一、事项名称, the province list's
    /// 子项 name, the table of contents, flowchart titles.
    public var aliases: [String]
    /// The guide's category heading (职工医疗保障, 城乡居民医疗保障, 协议定点医药机构).
    public var category: String
    /// The city's 6-digit 行政区划代码 (371500 聊城).
    public var region: String
    /// The guide lines of the whole item.
    public var source: SourceRef
    /// 服务对象.
    public var serviceObject: Sourced<String>
    /// 办理方式: each channel (现场办理, 网上办理, 邮寄, 自助终端, APP …) as the guide gives it.
    public var modes: [Mode]
    /// 办理流程, step by step.
    public var steps: [Sourced<String>]
    /// 办理时限.
    public var timeLimit: Sourced<String>
    /// The form intake reads applications for this item on; nil when the item has no form intake
    /// can fill (no template in the guide).
    public var form: String?
    /// `"<region>/<item id>"` of the province item this local entry follows, where it does.
    public var follows: String?
    /// How this local entry differs from the item it follows.
    public var differences: [Sourced<String>]
    /// Situations that change the material list (委托办理, "一网通办" registration).
    public var conditions: [Condition]
    /// 申办材料, in the guide's order.
    public var materials: [Material]
    /// Offices by district, with contacts as stated for this item.
    public var offices: [Office]
    /// Doubts and differences worth knowing (aliases, inconsistencies in the guide).
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case id, name, aliases, category, region, source, serviceObject, modes, steps, timeLimit, form, follows,
             differences, conditions, materials, offices, notes
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        category = try c.decode(String.self, forKey: .category)
        region = try c.decode(String.self, forKey: .region)
        source = try c.decode(SourceRef.self, forKey: .source)
        serviceObject = try c.decode(Sourced<String>.self, forKey: .serviceObject)
        modes = try c.decodeIfPresent([Mode].self, forKey: .modes) ?? []
        steps = try c.decodeIfPresent([Sourced<String>].self, forKey: .steps) ?? []
        timeLimit = try c.decode(Sourced<String>.self, forKey: .timeLimit)
        form = try c.decodeIfPresent(String.self, forKey: .form)
        follows = try c.decodeIfPresent(String.self, forKey: .follows)
        differences = try c.decodeIfPresent([Sourced<String>].self, forKey: .differences) ?? []
        conditions = try c.decodeIfPresent([Condition].self, forKey: .conditions) ?? []
        materials = try c.decode([Material].self, forKey: .materials)
        offices = try c.decodeIfPresent([Office].self, forKey: .offices) ?? []
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
    }

    public func condition(_ id: String) -> Condition? { conditions.first { $0.id == id } }

    /// One channel of 办理方式.
    public struct Mode: Sendable, Hashable, Codable {
        /// The channel as the guide names it (现场办理, 网上办理, 邮寄办理, 自助终端, 手机APP …).
        public var mode: String
        /// What the guide says of it (the address list, the URL, the app's name), whole.
        public var detail: String?
        public var source: SourceRef
        /// False where the guide says the channel is not open yet (开通网上办理业务后，及时公布).
        public var available: Bool?
    }
}

/// A situation named by the guide that makes a material required or exempt.
///
/// `test` says how a submission shows it: `handling: 委托` (the handling mode), or
/// `declared: true` (the submission lists the condition's id under `<conditions>`).
public struct Condition: Sendable, Hashable, Codable {
    public var id: String
    /// The guide's words for the situation.
    public var text: String
    public var source: SourceRef
    public var test: Test

    public struct Test: Sendable, Hashable, Codable {
        public var handling: String?
        public var declared: Bool?
    }
}

/// One entry of a 申办材料 list.
public struct Material: Sendable, Hashable, Codable {
    public var id: String
    /// The material's name as the guide words it (without the count).
    public var name: String
    /// The whole entry as the guide words it, count included ("单位批准成立文件复印件1份"); used on the notice.
    public var wording: String
    /// Number of copies (份); nil where the guide gives none.
    public var count: Int?
    /// 原件, 复印件, or 原件及复印件, where the guide says.
    public var form: String?
    /// Seal the guide demands (加盖单位公章).
    public var seal: String?
    public var source: SourceRef
    /// True when the submitted form itself is this material.
    public var isApplicationForm: Bool
    /// The form (full or named, see `NamedForm`) this material is, when it is a form.
    public var formRef: String?
    /// Condition ids that must all hold for the material to be required (empty: always).
    public var requiredWhen: [String]
    /// Condition ids any of which exempts the material.
    public var exemptWhen: [String]
    /// Other names under which applicants attach it (matched after normalisation).
    public var aliases: [String]

    enum CodingKeys: String, CodingKey {
        case id, name, wording, count, form, seal, source, isApplicationForm, formRef, requiredWhen, exemptWhen, aliases
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        wording = try c.decodeIfPresent(String.self, forKey: .wording) ?? name
        count = try c.decodeIfPresent(Int.self, forKey: .count)
        form = try c.decodeIfPresent(String.self, forKey: .form)
        seal = try c.decodeIfPresent(String.self, forKey: .seal)
        source = try c.decode(SourceRef.self, forKey: .source)
        isApplicationForm = try c.decodeIfPresent(Bool.self, forKey: .isApplicationForm) ?? false
        formRef = try c.decodeIfPresent(String.self, forKey: .formRef)
        requiredWhen = try c.decodeIfPresent([String].self, forKey: .requiredWhen) ?? []
        exemptWhen = try c.decodeIfPresent([String].self, forKey: .exemptWhen) ?? []
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
    }
}

/// A handling office (经办机构) of one district, with its contacts as the item states them.
public struct Office: Sendable, Hashable, Codable {
    /// The district as the guide names it (市直, 东昌府区, 临清).
    public var district: String
    /// 6-digit 行政区划代码 of the district; nil for 功能区 without one (开发区, 高新区).
    public var code: String?
    public var address: Sourced<String>?
    /// 服务电话 (or the guide's 咨询/查询 numbers), as printed and normalised (`0635-2189313`).
    public var servicePhones: Sourced<[String]>?
    /// 监督电话.
    public var supervisionPhones: Sourced<[String]>?
    /// 办理进度查询 / 电话查询 numbers, where the item gives them.
    public var queryPhones: Sourced<[String]>?
}

/// A city or county with its code and districts, for resolving a submission's region.
public struct Region: Sendable, Hashable, Codable {
    /// 6-digit 行政区划代码 of the city (371500).
    public var code: String
    public var name: String
    /// The guide that states this region's items.
    public var guide: String
    public var districts: [District]

    public struct District: Sendable, Hashable, Codable {
        public var name: String
        /// Codes that designate this district (a renamed county keeps its old code as an alias).
        public var codes: [String]
        public var aliases: [String]

        enum CodingKeys: String, CodingKey { case name, codes, aliases }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            codes = try c.decodeIfPresent([String].self, forKey: .codes) ?? []
            aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        }
    }
}
