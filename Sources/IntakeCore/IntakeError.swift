/// Why intake could not read a file as a submission at all (as opposed to problems found in it).
public struct IntakeError: Error, Sendable, CustomStringConvertible {
    /// Stable code for scripts: one of `Code.all`, each documented in README.md.
    public var code: Code
    /// English, one line, saying what went wrong.
    public var message: String
    /// The file.
    public var path: String
    public var line: Int?
    /// Further lines (every schema error), for logs and result.json.
    public var details: [Detail]

    public struct Detail: Sendable, Hashable {
        public var line: Int?
        public var message: String
        public init(line: Int?, message: String) {
            self.line = line
            self.message = message
        }
    }

    public init(code: Code, message: String, path: String, line: Int? = nil, details: [Detail] = []) {
        self.code = code
        self.message = message
        self.path = path
        self.line = line
        self.details = details
    }

    /// `path:line: message`, the operator's one-line error.
    public var description: String {
        if let line { return "\(path):\(line): \(message)" }
        return "\(path): \(message)"
    }

    /// A stable name for a kind of failure: a string-backed struct, like `ProblemCode`, so a
    /// code can be added without breaking a switch over the known ones. Every code is in `all`
    /// and in README.md ("Error codes"); a test keeps the two in step.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The file cannot be opened or read (missing, a folder, permissions, I/O error).
        public static let unreadable = Code(rawValue: "unreadable")
        /// Over the size limit, refused before it is read.
        public static let tooLarge = Code(rawValue: "too-large")
        /// Not well-formed XML (and not a PDF or a zip).
        public static let notXML = Code(rawValue: "not-xml")
        /// A kind of file intake does not take, named by its content (a PNG image, a Word document).
        public static let unsupportedFile = Code(rawValue: "unsupported-file")
        /// A DOCTYPE or entity declaration: refused before any of it is read.
        public static let refused = Code(rawValue: "refused")
        /// Well-formed XML whose root is not `<submission>`.
        public static let wrongRoot = Code(rawValue: "wrong-root")
        /// No form of the catalog: an unknown `form` attribute, or a PDF no form is recognised in.
        public static let unknownForm = Code(rawValue: "unknown-form")
        /// An item submission naming an item id no guide has.
        public static let unknownItem = Code(rawValue: "unknown-item")
        /// A known form in a version the catalog does not have.
        public static let unsupportedVersion = Code(rawValue: "unsupported-version")
        /// A PDF that needs a password (none is ever asked for or tried).
        public static let encrypted = Code(rawValue: "encrypted")
        /// A truncated or corrupt PDF.
        public static let damagedPDF = Code(rawValue: "damaged-pdf")
        /// A PDF without pages.
        public static let emptyPDF = Code(rawValue: "empty-pdf")
        /// A truncated or corrupt PNG, JPEG or TIFF, or one too small to hold a page.
        public static let damagedImage = Code(rawValue: "damaged-image")
        /// A scanned page, and no OCR worker to read it.
        public static let ocrUnavailable = Code(rawValue: "ocr-unavailable")
        /// The OCR worker failed on a page (its time or memory limit).
        public static let ocrFailed = Code(rawValue: "ocr-failed")
        /// The PDF reader crashed or hung on the file, in the child process that reads it
        /// first (`intake watch`): the file is set aside, the service goes on.
        public static let readerCrashed = Code(rawValue: "reader-crashed")
        /// A bundle without an application form in it.
        public static let bundle = Code(rawValue: "bundle")
        /// A zip that climbs out of itself, holds links, or would unpack past the limits.
        public static let badZip = Code(rawValue: "bad-zip")
        /// The same bytes twice in one bundle or run.
        public static let duplicate = Code(rawValue: "duplicate")
        /// The catalog itself is broken (a schema that does not compile).
        public static let catalog = Code(rawValue: "catalog")
        /// The outputs cannot be written (disk full, permissions): worth a retry.
        public static let output = Code(rawValue: "output")
        /// form.pdf or notice.pdf cannot be rendered.
        public static let render = Code(rawValue: "render")
        /// A clerk's correction was made on a revision another clerk has replaced since.
        public static let revisionConflict = Code(rawValue: "revision-conflict")

        /// Every code intake can throw, in the order of the README's list.
        public static let all: [Code] = [
            .unreadable, .tooLarge, .notXML, .unsupportedFile, .refused, .wrongRoot, .unknownForm, .unknownItem, .unsupportedVersion, .encrypted,
            .damagedPDF, .emptyPDF, .damagedImage, .ocrUnavailable, .ocrFailed, .readerCrashed, .bundle, .badZip, .duplicate, .catalog, .output, .render,
            .revisionConflict,
        ]
    }
}
