/// A stable, machine-readable name for a kind of problem found in a submission.
///
/// A string-backed struct rather than an enum, so that a later issue can add a code without
/// breaking anyone who switches over the known ones. Every code is listed in `ProblemCode.all`
/// and documented in README.md ("Problem codes"); a test keeps the two in step.
public struct ProblemCode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// A required field is blank, or a checkbox group that needs a tick has none.
    public static let missingRequired = ProblemCode(rawValue: "missing-required")
    /// A code is well-formed but its check character is wrong (GB 32100, GB 11643).
    public static let invalidCheckDigit = ProblemCode(rawValue: "invalid-check-digit")
    /// A value does not have the shape its type demands (length, characters, phone number).
    public static let invalidFormat = ProblemCode(rawValue: "invalid-format")
    /// A date that is not a real calendar date (2月30日, month 13) or cannot be read as one.
    public static let dateFormat = ProblemCode(rawValue: "date-format")
    /// Dates that contradict each other, or a date that lies in the future where it cannot.
    public static let dateOrder = ProblemCode(rawValue: "date-order")
    /// 性别 does not match the 17th digit of the 居民身份证号码.
    public static let idGenderMismatch = ProblemCode(rawValue: "id-gender-mismatch")
    /// A 居民身份证号码 whose birth date (digits 7–14) is not a real, past date.
    public static let invalidBirthDate = ProblemCode(rawValue: "invalid-birth-date")
    /// A value outside the options printed on the form.
    public static let invalidOption = ProblemCode(rawValue: "invalid-option")
    /// Several options ticked where the form allows one.
    public static let tooManyOptions = ProblemCode(rawValue: "too-many-options")
    /// A value longer than its cell allows.
    public static let tooLong = ProblemCode(rawValue: "too-long")
    /// A material on the item's list (申办材料) that the submission does not provide.
    public static let missingMaterial = ProblemCode(rawValue: "missing-material")
    /// The document does not follow the form's XSD.
    public static let schemaViolation = ProblemCode(rawValue: "schema-violation")
    /// The form is not offered for the submission's region, or the region is unknown.
    public static let unknownRegion = ProblemCode(rawValue: "unknown-region")
    /// A value read from a scan with too little confidence to be trusted: a clerk must read it.
    public static let lowConfidence = ProblemCode(rawValue: "low-confidence")
    /// A scanned form that must carry the unit's seal (单位公章) shows none.
    public static let missingSeal = ProblemCode(rawValue: "missing-seal")

    /// A fact read from a material (the ID number on a 居民身份证, the USCC on a 营业执照) differs
    /// from the application or from another material; the message names both values.
    public static let materialMismatch = ProblemCode(rawValue: "material-mismatch")
    /// A material past the end of its validity period (有效期限).
    public static let materialExpired = ProblemCode(rawValue: "material-expired")
    /// A material's pages cannot be read at all: too dark, blank.
    public static let materialUnreadable = ProblemCode(rawValue: "material-unreadable")
    /// An attached file that is none of the item's materials (or nothing intake can recognise).
    public static let materialUnrecognised = ProblemCode(rawValue: "material-unrecognised")

    /// Every code intake can emit, in the order of the README table.
    public static let all: [ProblemCode] = [
        .missingRequired, .invalidCheckDigit, .invalidFormat, .dateFormat, .dateOrder,
        .idGenderMismatch, .invalidBirthDate, .invalidOption, .tooManyOptions, .tooLong,
        .missingMaterial, .schemaViolation, .unknownRegion, .lowConfidence, .missingSeal,
        .materialMismatch, .materialExpired, .materialUnreadable, .materialUnrecognised,
    ]

    /// A finding for the clerk to look at, not the applicant's fault: it makes the submission
    /// `needs-review` and stays out of the 一次性告知书.
    public var isForClerk: Bool { self == .lowConfidence || self == .materialUnrecognised }
}

/// A finding about a submission: data for result.json and the notice, never thrown.
public struct Problem: Sendable, Hashable, Codable {
    /// The field's stable key, or the material's id for material problems; nil for the whole document.
    public var field: String?
    /// The field's label as printed (or the material's name as the guide words it).
    public var label: String?
    public var code: ProblemCode
    /// Chinese, as the 一次性告知书 words it.
    public var message: String
    /// Where in the source the value came from (XML line), when known.
    public var line: Int?

    public init(field: String?, label: String?, code: ProblemCode, message: String, line: Int? = nil) {
        self.field = field
        self.label = label
        self.code = code
        self.message = message
        self.line = line
    }
}
