/// The machine-readable result of one submission: `result.json`, schema `intake.result/1`.
///
/// This is the contract later steps (inbox, re-validation) build on; README.md ("result.json")
/// documents every key. Add keys freely; never rename or remove one.
public struct SubmissionResult: Sendable, Hashable, Codable {
    public static let schemaName = "intake.result/1"

    public var schema: String = SubmissionResult.schemaName
    /// Derived from the file's SHA-256, so the same file always gets the same id.
    public var id: String
    public var source: Source
    /// When intake processed it, ISO 8601 with offset.
    public var processedAt: String
    /// nil for an item submission without a form (`<submission item="…">`).
    public var form: Form?
    /// The form's id, or `Submission.itemApplicationFormID` for an item submission.
    public var formID: String { form?.id ?? Submission.itemApplicationFormID }
    public var item: Item?
    /// 本人 or 委托, as submitted.
    public var handling: String?
    public var fields: [Field]
    public var materials: [MaterialStatus]
    /// Attached files, each with the material it was taken as (nil when it matched none).
    public var attachments: [Attachment]
    public var problems: [Problem]
    public var status: Status
    public var outputs: Outputs
    /// 1 as processed; each clerk's correction in the console writes the next. Absent: 1.
    public var revision: Int?
    /// Every correction a clerk made, oldest first, over all revisions; absent when none.
    public var corrections: [Correction]?

    public init(id: String, source: Source, processedAt: String, form: Form?, item: Item?, handling: String?,
                fields: [Field], materials: [MaterialStatus], attachments: [Attachment], problems: [Problem],
                status: Status, outputs: Outputs) {
        self.id = id
        self.source = source
        self.processedAt = processedAt
        self.form = form
        self.item = item
        self.handling = handling
        self.fields = fields
        self.materials = materials
        self.attachments = attachments
        self.problems = problems
        self.status = status
        self.outputs = outputs
    }

    public struct Source: Sendable, Hashable, Codable {
        public var path: String
        public var sha256: String
        /// The encoding the document declared (GB18030, UTF-8), when it declared one.
        public var encoding: String?
        /// How the document was read: `xml`, `embedded-xml` (a PDF carrying its XML), `acroform`,
        /// `pdf-text` (a typed PDF read by layout), `ocr` (a scan).
        public var method: ReadingMethod?
        /// Pages of a scan on which a seal was found; absent when not judged (not a scan).
        public var sealPages: [Int]?
        public init(path: String, sha256: String, encoding: String?, method: ReadingMethod? = nil, sealPages: [Int]? = nil) {
            self.method = method
            self.sealPages = sealPages
            self.path = path
            self.sha256 = sha256
            self.encoding = encoding
        }
    }

    public struct Form: Sendable, Hashable, Codable {
        public var id: String
        /// As printed.
        public var title: String
        public var version: String
        public init(id: String, title: String, version: String) {
            self.id = id
            self.title = title
            self.version = version
        }
    }

    public struct Item: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        /// The city's 6-digit 行政区划代码 whose guide states the item.
        public var region: String
        public var regionName: String
        /// The 6-digit code the submission gave (a district's, or the city's).
        public var submittedRegion: String
        /// The handling office's district (市直, 东昌府区, 开发区).
        public var district: String?
        public init(id: String, name: String, region: String, regionName: String, submittedRegion: String, district: String?) {
            self.id = id
            self.name = name
            self.region = region
            self.regionName = regionName
            self.submittedRegion = submittedRegion
            self.district = district
        }
    }

    public struct Field: Sendable, Hashable, Codable {
        public var key: String
        /// Exactly as printed, line breaks removed.
        public var label: String
        /// The printed group label (法定代表人), absent when the field sits under none.
        public var group: String?
        /// As written; ticked options as printed (a list where several may be ticked). Absent when not submitted.
        public var value: FieldValue?
        /// Canonical form (ISO date, upper-case code); absent when invalid or blank.
        public var normalized: String?
        /// Line of the value in the source XML.
        public var line: Int?
        /// Where the value was read and how surely (PDF page and box, confidence); absent for
        /// fields not submitted.
        public var source: FieldOrigin?
        public init(key: String, label: String, group: String?, value: FieldValue?, normalized: String?, line: Int?,
                    source: FieldOrigin? = nil) {
            self.source = source
            self.key = key
            self.label = label
            self.group = group
            self.value = value
            self.normalized = normalized
            self.line = line
        }
    }

    public struct MaterialStatus: Sendable, Hashable, Codable {
        public enum State: String, Sendable, Hashable, Codable {
            case provided, missing, exempt
            case notRequired = "not-required"
        }
        public var id: String
        /// As the guide words it.
        public var name: String
        public var status: State
        /// Seed file and line of the rule.
        public var basis: String
        /// Why it is exempt or not required (the condition's wording), when it is.
        public var reason: String?
        /// The attached file that provided it.
        public var file: String?
        public init(id: String, name: String, status: State, basis: String, reason: String?, file: String?) {
            self.id = id
            self.name = name
            self.status = status
            self.basis = basis
            self.reason = reason
            self.file = file
        }
    }

    public struct Attachment: Sendable, Hashable, Codable {
        public var name: String
        public var file: String?
        /// The material id it was taken as; nil when it matched none.
        public var material: String?
        /// What showed the file is that material: `name` (its file name), `text` (its first
        /// page), `name+text`; absent for materials listed in an XML application.
        public var evidence: String?
        /// For a bundle's file: the kind of document it shows, how surely, the facts read from it,
        /// and why it cannot be read.
        public var kind: String?
        public var confidence: Double?
        public var facts: [MaterialFact]?
        public var unreadable: String?
        public init(name: String, file: String?, material: String?, evidence: String? = nil) {
            self.evidence = evidence
            self.name = name
            self.file = file
            self.material = material
        }
    }

    /// A value a clerk changed or confirmed in the console (`intake console`).
    public struct Correction: Sendable, Hashable, Codable {
        public var field: String
        /// As read (or as the revision before had it); absent when blank.
        public var before: FieldValue?
        public var after: FieldValue?
        /// The clerk's login.
        public var clerk: String
        /// ISO 8601 with offset.
        public var at: String
        /// The revision this correction made.
        public var revision: Int
        public init(field: String, before: FieldValue?, after: FieldValue?, clerk: String, at: String, revision: Int) {
            self.field = field
            self.before = before
            self.after = after
            self.clerk = clerk
            self.at = at
            self.revision = revision
        }
    }

    public enum Status: String, Sendable, Hashable, Codable {
        /// Nothing missing or faulty.
        case accepted
        /// Something missing or faulty: a 一次性告知书 was produced.
        case incomplete
        /// Not processable as an application (schema violation, region the item is not offered in).
        case rejected
        /// A field could not be read with enough confidence (scans); a clerk must look.
        case needsReview = "needs-review"
    }

    public struct Outputs: Sendable, Hashable, Codable {
        /// The submission's output folder.
        public var directory: String
        public var result: String
        public var form: String?
        public var notice: String?
        /// 受理回执, written when an item submission without a form is complete.
        public var receipt: String?
        public init(directory: String, result: String, form: String?, notice: String?) {
            self.directory = directory
            self.result = result
            self.form = form
            self.notice = notice
        }
    }
}
