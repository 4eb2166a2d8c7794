import Catalog
import Foundation
import IntakeCore

/// The one entry from a file to what was read: XML as it is, a PDF by its embedded XML or by
/// reading its pages, a bundle (folder or zip) by finding its application among its files.
public struct SubmissionReader: Sendable {
    /// Whether a value passes its field's own check (format, check digit, date): a scanned
    /// value that fails it is not vouched for. Handed in, so that reading does not depend on
    /// the checks.
    public typealias Validator = @Sendable (FieldValue, FieldDefinition) -> Bool

    /// What a file or bundle was read as: a submission (or a schema violation), or a bundle
    /// whose application and materials are known.
    public typealias Outcome = XMLSubmissionReader.Outcome

    let xml: XMLSubmissionReader
    let pdf: PDFSubmissionReader
    let image: ImageSubmissionReader
    /// Largest submission file accepted, in bytes.
    public let maxBytes: Int

    public init(catalog: Catalog, maxBytes: Int = 8 << 20, recognizer: PageRecognizer?, validate: @escaping Validator) {
        xml = XMLSubmissionReader(catalog: catalog, maxBytes: maxBytes)
        pdf = PDFSubmissionReader(catalog: catalog, recognizer: recognizer, validate: validate)
        image = ImageSubmissionReader(pdf: pdf)
        self.maxBytes = maxBytes
    }

    /// A file read whole, read-only, refused before reading when over `maxBytes` or not a
    /// regular file; `followLinks: false` refuses a symbolic link too.
    public func readFile(_ path: String, followLinks: Bool = true) throws(IntakeError) -> [UInt8] {
        try FileInput.read(path: path, maxBytes: maxBytes, followLinks: followLinks)
    }

    /// What a path names: a bundle (a folder, or a file holding a zip), or a single file's bytes.
    public enum Input: Sendable {
        case file([UInt8])
        case bundle(SubmissionBundle)
    }

    /// Opens `path` as a bundle (a folder or a zip) or a single file.
    public func open(_ path: String) throws(IntakeError) -> Input {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            return .bundle(try SubmissionBundle.folder(URL(fileURLWithPath: path), path: path))
        }
        return try input(readFile(path), path: path)
    }

    /// Whether bytes read from a file are a zipped bundle.
    public static func isZip(_ bytes: [UInt8]) -> Bool { FileKind.isZip(bytes) }
    /// Whether bytes are a PDF (by their first bytes).
    public static func isPDF(_ bytes: [UInt8]) -> Bool { FileKind.isPDF(bytes) }

    /// Bytes already read: a zip is a bundle, anything else a single file.
    public func input(_ bytes: [UInt8], path: String) throws(IntakeError) -> Input {
        FileKind.isZip(bytes) ? .bundle(try SubmissionBundle.zip(bytes, path: path)) : .file(bytes)
    }

    /// XML as it is; a PDF by its embedded XML or by reading its pages; an image as a scan.
    public func read(_ bytes: [UInt8], path: String) throws(IntakeError) -> Outcome {
        if ScanImage.isImage(bytes) {
            let (submission, form) = try image.read(bytes, path: path)
            return .submission(submission, form)
        }
        if let kind = FileKind.foreign(bytes) { throw Self.unsupported(kind, path: path) }
        guard FileKind.isPDF(bytes) else { return withXMLOrigins(try xml.read(bytes, path: path), method: .xml) }
        switch try pdf.read(bytes, path: path) {
        case .embeddedXML(let embedded, let name):
            return withXMLOrigins(try xml.read(embedded, path: "\(path) (\(name))"), method: .embeddedXML)
        case .form(let submission, let form):
            return .submission(submission, form)
        }
    }

    /// A bundle's application and what it was read as; every other file is a material.
    public struct Application: Sendable {
        /// Index into the bundle's files.
        public var index: Int
        /// The application already read, when finding it meant reading it (a PDF).
        public var read: Outcome?
    }

    /// The application is the bundle's XML submission, or else its PDF that reads as a form
    /// (names that say "application form" tried first). A bundle with two XML submissions is
    /// ambiguous and refused.
    public func application(in bundle: SubmissionBundle, path: String) throws(IntakeError) -> Application {
        try Self.checkImageBudget(bundle, path: path)
        let xmlFiles = bundle.files.indices.filter {
            String(decoding: bundle.files[$0].data.prefix(2048), as: UTF8.self).contains("<submission")
        }
        guard xmlFiles.count <= 1 else {
            throw IntakeError(code: .bundle, message: "the bundle holds \(xmlFiles.count) XML submissions; it must hold one application",
                              path: path)
        }
        if let index = xmlFiles.first { return Application(index: index, read: nil) }
        func saysApplication(_ name: String) -> Bool { ["申请", "登记表", "表"].contains { name.contains($0) } }
        // PDFs before images: an image is read by OCR, seconds a page.
        let pdfs = bundle.files.indices.filter { FileKind.isPDF(bundle.files[$0].data) }
        let images = bundle.files.indices.filter { ScanImage.isImage(bundle.files[$0].data.prefix(8)) }
        let order = (pdfs + images)
            .sorted { saysApplication(bundle.files[$0].name) && !saysApplication(bundle.files[$1].name) }
        // The first that reads as a form; what was read is kept, so a scan is not read twice.
        for index in order {
            if let read = try? self.read(bundle.files[index].bytes, path: "\(path)/\(bundle.files[index].name)") {
                return Application(index: index, read: read)
            }
        }
        throw IntakeError(code: .bundle, message: "no application form in the bundle (an XML submission, or a PDF or image of a known form)",
                          path: path)
    }

    /// Pixels all of a bundle's images may declare together: 400 M is some 80 A4 pages at
    /// 200 dpi. Each image is also bounded alone; this stops a zip of 45 near-limit pages.
    public static let maxBundleImagePixels = 400_000_000

    /// Refuses a bundle whose images together declare more pixels than `maxBundleImagePixels`,
    /// from their headers, before any is decoded.
    static func checkImageBudget(_ bundle: SubmissionBundle, path: String) throws(IntakeError) {
        var total = 0
        for file in bundle.files where ScanImage.isImage(file.data.prefix(8)) {
            guard let pages = try? ScanImage.open(file.bytes, path: file.name).pages else { continue }
            total += pages.reduce(0) { $0 + $1.width * $1.height }
            if total > maxBundleImagePixels {
                throw IntakeError(code: .tooLarge, message: "the bundle's images declare over \(maxBundleImagePixels / 1_000_000) million pixels "
                                  + "together (at \(file.name)); not decoded", path: path)
            }
        }
    }

    static func unsupported(_ kind: String, path: String) -> IntakeError {
        IntakeError(code: .unsupportedFile, message: "\(kind), not a submission: intake takes XML, PDF, PNG, JPEG, TIFF and zip bundles", path: path)
    }

    private func withXMLOrigins(_ outcome: Outcome, method: ReadingMethod) -> Outcome {
        guard case .submission(var submission, let form) = outcome else { return outcome }
        submission.readingMethod = method
        for (key, line) in submission.lines { submission.origins[key] = FieldOrigin(method: method, line: line) }
        return .submission(submission, form)
    }
}
