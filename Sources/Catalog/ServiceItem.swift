/// A service item (事项) as one region's guide states it.
public struct ServiceItem: Sendable, Hashable, Codable {
    /// Stable id shared by the same item across regions (`unit-enrollment`).
    public var id: String
    /// The official 事项名称.
    public var name: String
    /// The guide's category heading (职工医疗保障, 城乡居民医疗保障, 协议定点医药机构).
    public var category: String
    /// The city's 6-digit 行政区划代码 (371500 聊城).
    public var region: String
    /// The guide lines of the whole item.
    public var source: SourceRef
    /// 服务对象.
    public var serviceObject: Sourced<String>
    /// 办理时限.
    public var timeLimit: Sourced<String>
    /// The form an application for this item is filled on.
    public var form: String
    /// Situations that change the material list (委托办理, "一网通办" registration).
    public var conditions: [Condition]
    /// 申办材料, in the guide's order.
    public var materials: [Material]
    /// Offices by district, with contacts as stated for this item.
    public var offices: [Office]
    /// Doubts and differences worth knowing (aliases, inconsistencies in the guide).
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case id, name, category, region, source, serviceObject, timeLimit, form, conditions, materials, offices, notes
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        category = try c.decode(String.self, forKey: .category)
        region = try c.decode(String.self, forKey: .region)
        source = try c.decode(SourceRef.self, forKey: .source)
        serviceObject = try c.decode(Sourced<String>.self, forKey: .serviceObject)
        timeLimit = try c.decode(Sourced<String>.self, forKey: .timeLimit)
        form = try c.decode(String.self, forKey: .form)
        conditions = try c.decodeIfPresent([Condition].self, forKey: .conditions) ?? []
        materials = try c.decode([Material].self, forKey: .materials)
        offices = try c.decode([Office].self, forKey: .offices)
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
    }

    public func condition(_ id: String) -> Condition? { conditions.first { $0.id == id } }
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
    /// Condition ids that must all hold for the material to be required (empty: always).
    public var requiredWhen: [String]
    /// Condition ids any of which exempts the material.
    public var exemptWhen: [String]
    /// Other names under which applicants attach it (matched after normalisation).
    public var aliases: [String]

    enum CodingKeys: String, CodingKey {
        case id, name, wording, count, form, seal, source, isApplicationForm, requiredWhen, exemptWhen, aliases
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
