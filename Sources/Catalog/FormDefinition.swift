import IntakeCore

/// An official form: its fields in printed order and the layout of its grid.
///
/// Forms are data (`forms/definitions/*.yaml`): adding a form needs no Swift change unless it
/// brings a new field type.
public struct FormDefinition: Sendable, Hashable, Codable {
    /// Stable id, also the `form` attribute of a submission (`lc-unit-enrollment`).
    public var id: String
    /// Version of this definition; a submission names the version it was filled against.
    public var version: String
    /// The title exactly as printed on the form.
    public var title: String
    /// The guide lines holding the template.
    public var source: SourceRef
    /// The XSD for submissions of this form, relative to the catalog folder.
    public var schema: String
    /// Every field in the official order.
    public var fields: [FieldDefinition]
    /// Cross-field rules (date order, 性别 against the ID number).
    public var rules: [CrossFieldRule]
    /// The printed grid.
    public var layout: FormLayout
    /// Gaps or doubts about the template as the guide gives it.
    public var notes: [String]
    /// The field naming the applicant (单位名称), whom the 一次性告知书 is addressed to.
    public var applicantField: String?
    /// Ids of items this form is used for besides those that name it (`form:` or a material's
    /// `formRef`): a table the office adds to an item's file, for example.
    public var usedBy: [String]

    public func field(_ key: String) -> FieldDefinition? { fields.indices.first { fields[$0].key == key }.map { fields[$0] } }

    enum CodingKeys: String, CodingKey { case id, version, title, source, schema, fields, rules, layout, notes, applicantField, usedBy }

    public init(id: String, version: String, title: String, source: SourceRef, schema: String, fields: [FieldDefinition],
                rules: [CrossFieldRule] = [], layout: FormLayout, notes: [String] = [], applicantField: String? = nil,
                usedBy: [String] = []) {
        self.id = id; self.version = version; self.title = title; self.source = source; self.schema = schema
        self.fields = fields; self.rules = rules; self.layout = layout; self.notes = notes
        self.applicantField = applicantField; self.usedBy = usedBy
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        version = try c.decode(String.self, forKey: .version)
        title = try c.decode(String.self, forKey: .title)
        source = try c.decode(SourceRef.self, forKey: .source)
        schema = try c.decode(String.self, forKey: .schema)
        fields = try c.decode([FieldDefinition].self, forKey: .fields)
        rules = try c.decodeIfPresent([CrossFieldRule].self, forKey: .rules) ?? []
        layout = try c.decode(FormLayout.self, forKey: .layout)
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
        applicantField = try c.decodeIfPresent(String.self, forKey: .applicantField)
        usedBy = try c.decodeIfPresent([String].self, forKey: .usedBy) ?? []
    }
}

/// The kinds of value a field holds; each has its own check.
public enum FieldType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Free text.
    case text
    /// 统一社会信用代码, GB 32100-2015 (18 characters with a check character).
    case uscc
    /// 居民身份证号码, GB 11643-1999 (18 characters with a check digit and a birth date).
    case idNumber = "id-number"
    /// A landline (with or without area code, extension allowed) or a mobile number.
    case phone
    /// An 11-digit mainland mobile number (手机号码).
    case mobile
    /// A calendar date, written `2024-03-05`, `2024年3月5日`, `2024/3/5` or `20240305`.
    case date
    /// A checkbox group where exactly one option is ticked.
    case choice
    /// A checkbox group where several options may be ticked.
    case multiChoice = "multi-choice"
    /// 性别: 男 or 女.
    case gender
    /// A multi-row table (one row per person or per line item); `columns` defines a row.
    case table
    /// An amount of money in 元 (小写), e.g. `1234.50`.
    case amount
    /// A whole number (人数, 床位数).
    case integer
    /// A 银行卡号: 12–19 digits, the last a Luhn check digit on most cards.
    case bankCard = "bank-card"
}

/// One field of a form.
public struct FieldDefinition: Sendable, Hashable, Codable {
    /// Stable English key: the XML element name and the `key` in result.json.
    public var key: String
    /// The label exactly as printed, line breaks removed.
    public var label: String
    /// The printed group label the field sits under (法定代表人), if any.
    public var group: String?
    public var type: FieldType
    public var required: Bool
    /// Options as printed, for choice and multi-choice fields.
    public var options: [String]
    /// The most characters the cell holds; nil for no limit.
    public var maxLength: Int?
    /// For an option such as "其他（）" that takes text: the option and the key of its text field.
    public var detail: OptionDetail?
    /// For a table: the fields of one row, in printed column order.
    public var columns: [FieldDefinition]
    /// For a table: the most rows the printed form has room for per page is not a limit; this is
    /// the number of empty rows a blank form prints.
    public var blankRows: Int?

    public struct OptionDetail: Sendable, Hashable, Codable {
        public var option: String
        public var field: String
    }

    enum CodingKeys: String, CodingKey { case key, label, group, type, required, options, maxLength, detail, columns, blankRows }

    public init(key: String, label: String, group: String? = nil, type: FieldType, required: Bool = false,
                options: [String] = [], maxLength: Int? = nil, detail: OptionDetail? = nil,
                columns: [FieldDefinition] = [], blankRows: Int? = nil) {
        self.key = key
        self.label = label
        self.group = group
        self.type = type
        self.required = required
        self.options = options
        self.maxLength = maxLength
        self.detail = detail
        self.columns = columns
        self.blankRows = blankRows
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        label = try c.decode(String.self, forKey: .label)
        group = try c.decodeIfPresent(String.self, forKey: .group)
        type = try c.decode(FieldType.self, forKey: .type)
        required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? false
        options = try c.decodeIfPresent([String].self, forKey: .options) ?? []
        maxLength = try c.decodeIfPresent(Int.self, forKey: .maxLength)
        detail = try c.decodeIfPresent(OptionDetail.self, forKey: .detail)
        columns = try c.decodeIfPresent([FieldDefinition].self, forKey: .columns) ?? []
        blankRows = try c.decodeIfPresent(Int.self, forKey: .blankRows)
    }

    /// A column of a table field.
    public func column(_ key: String) -> FieldDefinition? { columns.indices.first { columns[$0].key == key }.map { columns[$0] } }
}

/// A rule between fields.
///
/// YAML: `{kind: date-order, earlier: startDate, later: endDate}`,
/// `{kind: date-order, earlier: declarationDate, later: today}` (not in the future),
/// `{kind: id-gender, id: idNumber, gender: gender}`,
/// `{kind: required-when, field: t.birthCertificateNumber, when: t.eventMethod, in: [顺产, 剖宫产]}`
/// (a field required only when a choice holds one of the options),
/// `{kind: any-of, fields: [unitNameNew, addressNew]}` (at least one of them filled in).
/// Keys `table.column` apply to every row of the table.
public struct CrossFieldRule: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case dateOrder = "date-order"
        case idGender = "id-gender"
        case requiredWhen = "required-when"
        case anyOf = "any-of"
    }
    public var kind: Kind
    public var earlier: String?
    public var later: String?
    public var id: String?
    public var gender: String?
    public var field: String?
    public var when: String?
    public var `in`: [String]?
    public var fields: [String]?
    /// The pseudo-field meaning the day of processing.
    public static let today = "today"
}

extension FieldDefinition {
    /// An option as it is ticked: without the empty "（）" a template prints after it for writing
    /// in (其他（）). The renderer and the readers compare options this way.
    public static func optionWithoutEmptyBrackets(_ option: String) -> String {
        var text = option.trimmingWhitespace()
        for empty in ["（）", "()", "（ ）", "( )"] where text.hasSuffix(empty) {
            text = String(text.dropLast(empty.count)).trimmingWhitespace()
        }
        return text
    }
}
