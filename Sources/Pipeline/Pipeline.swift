import Catalog
import Checks
import Foundation
import Intake
import IntakeCore
import Bundles
import Logging
import Materials
import PDFIntake
import Render

/// One submission end to end: read, identify, check, render, write result.json, atomically.
public struct Pipeline: Sendable {
    public struct Options: Sendable {
        /// Where `<YYYY-MM-DD>/<id>/` folders go.
        public var outputRoot: URL
        /// Render form.pdf and notice.pdf (off: result.json only).
        public var render: Bool = true
        /// Process a file again even when its id already has outputs.
        public var reprocess: Bool = false
        /// Largest file accepted, in bytes.
        public var maxBytes: Int = 8 << 20
        /// Write the output folder (off: check only, the result is returned and nothing is
        /// written; `intake revalidate` decides first and renders only what changed).
        public var writeOutputs: Bool = true
        /// `fsync` the outputs before returning (`OutputStore.durable`).
        public var durable: Bool = true
        /// The day of processing as the checks and notices see it (`--today`); nil: the day in
        /// China Standard Time by the machine's clock. The date folder and `processedAt` always
        /// follow the machine's clock: they record when the file was processed.
        public var today: CalendarDate?

        /// Reads scanned pages; nil: scans are refused with `ocr-unavailable`.
        public var recognizer: PageRecognizer?

        public init(outputRoot: URL, render: Bool = true, reprocess: Bool = false, maxBytes: Int = 8 << 20,
                    recognizer: PageRecognizer? = nil, today: CalendarDate? = nil) {
            self.recognizer = recognizer
            self.today = today
            self.outputRoot = outputRoot
            self.render = render
            self.reprocess = reprocess
            self.maxBytes = maxBytes
        }
    }

    /// What became of one file.
    public enum Outcome: Sendable {
        /// Checked and written; the result says accepted, incomplete or rejected.
        case processed(SubmissionResult)
        /// The same bytes were processed before; nothing was written.
        case duplicate(id: String, previous: String)
        /// Not a submission intake can read; nothing was written.
        case failed(IntakeError)
    }

    public let catalog: Catalog
    public let options: Options
    let reader: XMLSubmissionReader
    let pdfReader: PDFSubmissionReader
    let store: OutputStore
    let logger: Logger

    public init(catalog: Catalog, options: Options, logger: Logger = Logger(label: "intake.pipeline")) {
        self.catalog = catalog
        self.options = options
        self.reader = XMLSubmissionReader(catalog: catalog, maxBytes: options.maxBytes)
        self.pdfReader = PDFSubmissionReader(catalog: catalog, recognizer: options.recognizer)
        self.store = OutputStore(root: options.outputRoot, durable: options.durable)
        self.logger = logger
    }

    /// Processes the file at `path` (a folder or a zip: a bundle). Never throws and never
    /// touches the file itself.
    public func process(path: String, now: Date = Date()) -> Outcome {
        let outcome: Outcome
        do {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                let bundle = try SubmissionBundle.folder(URL(fileURLWithPath: path), path: path)
                outcome = try run(bundle: bundle, path: path, now: now)
            } else {
                let bytes = try readFile(path)
                if SubmissionBundle.looksLikeZip(bytes) {
                    outcome = try run(bundle: try SubmissionBundle.zip(bytes, path: path), path: path, now: now)
                } else {
                    outcome = try run(bytes: bytes, sha: SubmissionID.sha256Hex(bytes), path: path, now: now)
                }
            }
        } catch {
            outcome = .failed(error)
        }
        log(outcome, path: path)
        return outcome
    }

    /// Processes bytes already read (by the inbox service, which needs their hash first);
    /// `path` is the name reported in result.json and messages. `attachedFiles` are files that
    /// came with the application (a bundle folder): each counts as an attached material named
    /// after its file.
    public func process(bytes: [UInt8], sha256: String, path: String, attachedFiles: [String] = [],
                        now: Date = Date()) -> Outcome {
        let outcome: Outcome
        do {
            if SubmissionBundle.looksLikeZip(bytes) {
                outcome = try run(bundle: try SubmissionBundle.zip(bytes, path: path), sha: sha256, path: path, now: now)
            } else {
                outcome = try run(bytes: bytes, sha: sha256, path: path, attachedFiles: attachedFiles, now: now)
            }
        } catch {
            outcome = .failed(error)
        }
        log(outcome, path: path)
        return outcome
    }

    /// Processes a bundle already read (a folder or zip of the application and its materials).
    public func process(bundle: SubmissionBundle, path: String, now: Date = Date()) -> Outcome {
        let outcome: Outcome
        do {
            outcome = try run(bundle: bundle, path: path, now: now)
        } catch {
            outcome = .failed(error)
        }
        log(outcome, path: path)
        return outcome
    }

    /// The application is the XML submission in the bundle, or else the PDF that reads as a
    /// form; every other file is a supporting material, classified by name and first page.
    func run(bundle: SubmissionBundle, sha: String? = nil, path: String, now: Date) throws(IntakeError) -> Outcome {
        func isXML(_ f: SubmissionBundle.File) -> Bool {
            String(decoding: f.bytes.prefix(2048), as: UTF8.self).contains("<submission")
        }
        var application = bundle.files.firstIndex(where: isXML)
        var preread: XMLSubmissionReader.Outcome?
        if application == nil {
            // Names that say "application form" first, then the rest.
            let order = bundle.files.indices.filter { PDFSubmissionReader.looksLikePDF(bundle.files[$0].bytes) }
                .sorted { i, j in
                    let a = ["申请", "登记表", "表"].contains { bundle.files[i].name.contains($0) }
                    let b = ["申请", "登记表", "表"].contains { bundle.files[j].name.contains($0) }
                    return a && !b
                }
            // The one that reads as a form is the application; what was read is kept, so a
            // scanned application is not recognised twice.
            for i in order {
                if let read = try? readSubmission(bundle.files[i].bytes, path: "\(path)/\(bundle.files[i].name)") {
                    application = i
                    preread = read
                    break
                }
            }
        }
        guard let application else {
            throw IntakeError(code: "bundle", message: "no application form in the bundle (an XML submission, or a PDF of a known form)", path: path)
        }
        let form = bundle.files[application]
        let materials = bundle.files.enumerated().filter { $0.offset != application }.map { (name: $0.element.name, bytes: $0.element.bytes) }
        return try run(bytes: form.bytes, sha: sha ?? bundle.sha256, path: "\(path)/\(form.name)", materialFiles: materials,
                       preread: preread, now: now)
    }

    /// Reads a submission file read-only, refusing one over the size limit before reading it.
    public func readFile(_ path: String) throws(IntakeError) -> [UInt8] {
        try FileInput.read(path: path, maxBytes: options.maxBytes)
    }

    func run(bytes: [UInt8], sha: String, path: String, attachedFiles: [String] = [],
             materialFiles: [(name: String, bytes: [UInt8])] = [], preread: XMLSubmissionReader.Outcome? = nil,
             now: Date) throws(IntakeError) -> Outcome {
        let id = SubmissionID.make(sha256: sha)
        if !options.reprocess, options.writeOutputs, let previous = store.existing(id: id) {
            return .duplicate(id: id, previous: previous.path)
        }
        let clock = Clock(now, today: options.today)
        let read: XMLSubmissionReader.Outcome
        if let preread { read = preread } else { read = try readSubmission(bytes, path: path) }
        let folder = store.folder(date: clock.day.iso, id: id)
        var files: [(String, [UInt8])] = []
        var result: SubmissionResult
        switch read {
        case .schemaViolation(let form, let details, let encoding):
            let problems = details.map { detail in
                Problem(field: nil, label: nil, code: .schemaViolation,
                        message: detail.line.map { "第\($0)行：\(detail.message)" } ?? detail.message, line: detail.line)
            }
            result = SubmissionResult(
                id: id, source: .init(path: path, sha256: sha, encoding: encoding), processedAt: clock.timestamp,
                form: .init(id: form.id, title: form.title, version: form.version), item: nil, handling: nil,
                fields: [], materials: [], attachments: [], problems: problems, status: .rejected,
                outputs: .init(directory: folder.path, result: "result.json", form: nil, notice: nil))
        case .submission(var submission, let form):
            for file in attachedFiles where !submission.attachments.contains(where: { $0.file == file }) {
                let name = (file as NSString).deletingPathExtension
                submission.attachments.append(.init(id: nil, name: name, file: file, line: nil))
            }
            result = try check(submission, form: form, id: id, sha: sha, path: path, clock: clock, folder: folder, files: &files,
                               materialFiles: materialFiles)
        }
        guard options.writeOutputs else { return .processed(result) }
        files.append(("result.json", try ResultJSON.encode(result, path: path)))
        try store.write(files, date: clock.day.iso, id: id, path: path)
        return .processed(result)
    }

    /// XML as it is; a PDF by its embedded XML or by reading its pages.
    func readSubmission(_ bytes: [UInt8], path: String) throws(IntakeError) -> XMLSubmissionReader.Outcome {
        guard PDFSubmissionReader.looksLikePDF(bytes) else { return withXMLOrigins(try reader.read(bytes, path: path), method: "xml") }
        switch try pdfReader.read(bytes, path: path) {
        case .embeddedXML(let xml, let name):
            return withXMLOrigins(try reader.read(xml, path: "\(path) (\(name))"), method: "embedded-xml")
        case .form(let submission, let form):
            return .submission(submission, form)
        }
    }

    private func withXMLOrigins(_ outcome: XMLSubmissionReader.Outcome, method: String) -> XMLSubmissionReader.Outcome {
        guard case .submission(var submission, let form) = outcome else { return outcome }
        submission.readingMethod = method
        for (key, line) in submission.lines { submission.origins[key] = FieldOrigin(method: method, line: line) }
        return .submission(submission, form)
    }

    func check(_ submission: Submission, form: FormDefinition, id: String, sha: String, path: String, clock: Clock,
               folder: URL, files: inout [(String, [UInt8])],
               materialFiles: [(name: String, bytes: [UInt8])] = []) throws(IntakeError) -> SubmissionResult {
        var submission = submission
        let source = SubmissionResult.Source(path: path, sha256: sha, encoding: submission.encoding,
                                             method: submission.readingMethod, sealPages: submission.sealPages)
        let formInfo = SubmissionResult.Form(id: form.id, title: form.title, version: form.version)
        let resolution: RegionResolver.Resolution
        switch RegionResolver(catalog: catalog).resolve(submission) {
        case .failure(let failure):
            return SubmissionResult(
                id: id, source: source, processedAt: clock.timestamp, form: formInfo, item: nil,
                handling: submission.handling, fields: [], materials: [], attachments: [], problems: [failure.problem],
                status: .rejected, outputs: .init(directory: folder.path, result: "result.json", form: nil, notice: nil))
        case .success(let r):
            resolution = r
        }
        // A bundle's files: which material each one is, by its name and its first page.
        for finding in MaterialClassifier(item: resolution.item).classify(materialFiles) {
            var attachment = Submission.Attachment(id: finding.material, name: finding.file, file: finding.file, line: nil)
            attachment.evidence = finding.evidence
            submission.attachments.append(attachment)
        }
        let report = SubmissionChecker(today: clock.today)
            .check(submission, form: form, item: resolution.item, sourceName: (path as NSString).lastPathComponent)
        var outputs = SubmissionResult.Outputs(directory: folder.path, result: "result.json", form: nil, notice: nil)
        if options.render {
            do {
                files.append(("form.pdf", try FormRenderer().render(form, values: submission.values)))
                outputs.form = "form.pdf"
                // A value the reader could not vouch for is the clerk's to read, not the applicant's
                // fault: it stays out of the notice, with anything else said about that field.
                let unsure = Set(submission.origins.filter(\.value.needsReview).map(\.key))
                let noticed = report.problems.filter { p in
                    p.code != .lowConfidence && !(p.field.map { f in unsure.contains { f == $0 || f.hasPrefix($0 + "[") } } ?? false)
                }
                if !noticed.isEmpty {
                    let notice = NoticeBuilder.build(id: id, submission: submission, form: form, resolution: resolution,
                                                     problems: noticed, today: clock.today)
                    files.append(("notice.pdf", try NoticeRenderer().render(notice)))
                    outputs.notice = "notice.pdf"
                }
            } catch {
                throw IntakeError(code: "render", message: "cannot render the PDFs: \(error)", path: path)
            }
        }
        let item = SubmissionResult.Item(id: resolution.item.id, name: resolution.item.name, region: resolution.region.code,
                                         regionName: resolution.region.name, submittedRegion: submission.regionCode,
                                         district: resolution.district?.name)
        return SubmissionResult(
            id: id, source: source, processedAt: clock.timestamp, form: formInfo, item: item, handling: submission.handling,
            fields: report.fields, materials: report.materials, attachments: report.attachments, problems: report.problems,
            status: report.status, outputs: outputs)
    }

    func log(_ outcome: Outcome, path: String) {
        switch outcome {
        case .processed(let r):
            logger.info("\(r.status.rawValue)", metadata: [
                "file": "\(path)", "id": "\(r.id)", "form": "\(r.form.id)", "problems": "\(r.problems.count)",
                "region": "\(r.item?.submittedRegion ?? "-")",
            ])
        case .duplicate(let id, let previous):
            logger.info("duplicate", metadata: ["file": "\(path)", "id": "\(id)", "previous": "\(previous)"])
        case .failed(let error):
            // Messages from libxml2 may quote document text: mask long digit runs (ID numbers).
            logger.error("failed", metadata: ["file": "\(path)", "code": "\(error.code)",
                                              "reason": "\(Masking.maskDigitRuns(in: error.message))"])
        }
    }
}

/// The processing moment in China Standard Time, the one clock of the pipeline.
struct Clock {
    /// The day by the machine's clock: the date folder and `processedAt`.
    let day: CalendarDate
    let timestamp: String
    /// The day the checks judge dates against and notices are dated: `Options.today` or `day`.
    let today: CalendarDate

    init(_ now: Date, today fixed: CalendarDate? = nil) {
        let seconds = Int(now.timeIntervalSince1970.rounded(.down)) + ChinaStandardTime.offsetSeconds
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        day = CalendarDate(daysSinceEpoch: days)
        today = fixed ?? day
        let s = seconds - days * 86_400
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        timestamp = "\(day.iso)T\(pad(s / 3600)):\(pad(s / 60 % 60)):\(pad(s % 60))+08:00"
    }
}
