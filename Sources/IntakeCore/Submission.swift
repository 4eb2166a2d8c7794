/// One application as read from its source, before any check: what the applicant said.
///
/// Every reader (XML, PDF, scans, bundles) produces this, so the checks and the renderer
/// never depend on where a submission came from.
public struct Submission: Sendable, Hashable, Codable {
    /// The form id and version named by the document (`item-application` for an item's envelope).
    public var formID: String
    /// The item named by a submission for an item without a form (`<submission item="…">`).
    public var itemID: String? = nil
    public var formVersion: String
    /// The 6-digit 行政区划代码 given (a district's or the city's).
    public var regionCode: String
    /// The office named where no code exists (开发区), if any.
    public var office: String?
    /// 本人 or 委托, as written.
    public var handling: String
    /// The date the applicant gave as the submission date, as written.
    public var submittedOn: String?
    /// The agent (代理人) for 委托办理.
    public var agent: Agent?
    /// Condition ids the applicant declared (`one-net-registered`).
    public var declaredConditions: [String]
    /// Field values keyed by field key.
    public var values: [String: FieldValue]
    /// Where each value stood in the source (line in the XML), for messages.
    public var lines: [String: Int]
    /// The materials listed as attached.
    public var attachments: [Attachment]
    /// The encoding the source declared, when it declared one.
    public var encoding: String?
    /// Where each value was read (PDF page and box, or XML line) and how surely.
    public var origins: [String: FieldOrigin] = [:]
    public var readingMethod: ReadingMethod = .xml
    /// Pages with a seal (单位公章) found on them, for scans; nil when not judged (typed text, or
    /// a grey scan, where a seal cannot be told by its red).
    public var sealPages: [Int]? = nil

    public init(formID: String, formVersion: String, regionCode: String, office: String?, handling: String,
                submittedOn: String?, agent: Agent?, declaredConditions: [String], values: [String: FieldValue],
                lines: [String: Int], attachments: [Attachment], encoding: String?) {
        self.formID = formID
        self.formVersion = formVersion
        self.regionCode = regionCode
        self.office = office
        self.handling = handling
        self.submittedOn = submittedOn
        self.agent = agent
        self.declaredConditions = declaredConditions
        self.values = values
        self.lines = lines
        self.attachments = attachments
        self.encoding = encoding
    }

    public struct Agent: Sendable, Hashable, Codable {
        public var name: String?
        public var idNumber: String?
        public var phone: String?
        public var line: Int?
        public init(name: String?, idNumber: String?, phone: String?, line: Int?) {
            self.name = name
            self.idNumber = idNumber
            self.phone = phone
            self.line = line
        }
    }

    public struct Attachment: Sendable, Hashable, Codable {
        /// The material id the sender gave, if any.
        public var id: String?
        /// The material's name as the sender wrote it.
        public var name: String
        public var file: String?
        public var line: Int?
        /// How a bundle's file was recognised as this material (`content`, `name`, `text`).
        public var evidence: String? = nil
        /// A bundle's file, classified by what it shows (nil for materials an XML lists).
        public var classified: Classification? = nil
        public init(id: String?, name: String, file: String?, line: Int?) {
            self.id = id
            self.name = name
            self.file = file
            self.line = line
        }
    }

    /// `formID` of an item submission without a form: its values are the applicant.
    public static let itemApplicationFormID = "item-application"

    /// What a bundle's file was found to be and what was read from it.
    public struct Classification: Sendable, Hashable, Codable {
        /// The kind of document (`id-card-front`), nil when none was recognised.
        public var kind: String?
        public var confidence: Double?
        public var facts: [MaterialFact]
        /// Why its pages cannot be read (太暗, 空白).
        public var unreadable: String?
        public init(kind: String?, confidence: Double?, facts: [MaterialFact], unreadable: String?) {
            self.kind = kind; self.confidence = confidence; self.facts = facts; self.unreadable = unreadable
        }
    }

    /// The handling mode meaning the applicant came in person (or the unit itself).
    public static let handlingInPerson = "本人"
    /// The handling mode meaning an agent acts for the applicant (委托办理).
    public static let handlingEntrusted = "委托"
}
