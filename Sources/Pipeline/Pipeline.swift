import Catalog
import Checks
import Foundation
import IntakeCore
import Logging
import Readers
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
        /// China Standard Time by the machine's clock. The date folder is named by it too (the
        /// console's queue shows that day's folder); `processedAt` keeps the machine's clock.
        public var today: CalendarDate?

        /// What the applicant stated beside the upload (网上预审): the district, 本人/委托 and the
        /// declared conditions stand for those of a PDF or scanned application, whose own words
        /// can only suggest a region and say nothing of the rest; an XML application states its own.
        public var stated: Stated?

        /// Reads scanned pages; nil: scans are refused with `ocr-unavailable`.
        public var recognizer: PageRecognizer?

        /// Reads a PDF's bytes where a crash of the C libraries cannot take this process down
        /// (a child process), before they are read here: the error when that reading crashed.
        /// nil: PDFs are read in this process only.
        public var isolatedRehearsal: (@Sendable ([UInt8]) -> IntakeError?)?

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
    let reader: SubmissionReader
    let store: OutputStore
    let logger: Logger

    /// See `Options.stated`.
    public struct Stated: Sendable, Hashable {
        public var regionCode: String
        public var office: String?
        public var handling: String
        public var conditions: [String]
        public init(regionCode: String, office: String?, handling: String, conditions: [String]) {
            self.regionCode = regionCode
            self.office = office
            self.handling = handling
            self.conditions = conditions
        }
    }

    public init(catalog: Catalog, options: Options, logger: Logger = Logger(label: "intake.pipeline")) {
        self.catalog = catalog
        var options = options
        if let recognizer = options.recognizer, !(recognizer is RememberingRecognizer) {
            options.recognizer = RememberingRecognizer(recognizer)
        }
        self.options = options
        self.reader = SubmissionReader(catalog: catalog, maxBytes: options.maxBytes, recognizer: options.recognizer,
                                       validate: { FieldValidation.passes($0, field: $1) })
        self.store = OutputStore(root: options.outputRoot, durable: options.durable)
        self.logger = logger
    }

    /// The OCR worker pool (`ocr/`, started at the first scanned page), for `Options.recognizer`.
    public static func ocrRecognizer() -> PageRecognizer { EngineRecognizer() }

    /// Processes the file at `path` (a folder or a zip: a bundle). Never throws and never
    /// touches the file itself.
    public func process(path: String, now: Date = Date()) -> Outcome {
        logged(path: path) { () throws(IntakeError) in
            switch try reader.open(path) {
            case .bundle(let bundle): return try run(bundle: bundle, path: path, now: now)
            case .file(let bytes): return try run(bytes: bytes, sha: SubmissionID.sha256Hex(bytes), path: path, now: now)
            }
        }
    }

    /// Processes bytes already read (by the inbox service, which needs their hash first);
    /// `path` is the name reported in result.json and messages.
    public func process(bytes: [UInt8], sha256: String, path: String, now: Date = Date()) -> Outcome {
        logged(path: path) { () throws(IntakeError) in
            switch try reader.input(bytes, path: path) {
            case .bundle(let bundle): return try run(bundle: bundle, sha: sha256, path: path, now: now)
            case .file(let bytes): return try run(bytes: bytes, sha: sha256, path: path, now: now)
            }
        }
    }

    /// Processes a bundle already opened (`bundle(folder:)`: the inbox needs its id first).
    public func process(bundle: SubmissionBundle, path: String, now: Date = Date()) -> Outcome {
        logged(path: path) { () throws(IntakeError) in try run(bundle: bundle, path: path, now: now) }
    }

    /// A bundle folder opened: its files and its id (`SubmissionBundle.sha256`).
    public func bundle(folder: URL, path: String) throws(IntakeError) -> SubmissionBundle {
        try SubmissionBundle.folder(folder, path: path)
    }

    /// Every form's XSD compiled, for `intake catalog check`: the forms whose schema fails.
    public static func schemaFailures(in catalog: Catalog) -> [(form: String, error: String)] {
        XMLSubmissionReader(catalog: catalog).compileAllSchemas().map { ($0.form, $0.error) }
    }

    /// Whether bytes read from a file are a zipped bundle.
    public static func isZip(_ bytes: [UInt8]) -> Bool { SubmissionReader.isZip(bytes) }

    /// Reads a submission file read-only, refusing one over the size limit or not a regular
    /// file before reading it. `followLinks`: false for files found in folders (the inbox).
    public func readFile(_ path: String, followLinks: Bool = true) throws(IntakeError) -> [UInt8] {
        try reader.readFile(path, followLinks: followLinks)
    }

    /// A PDF or image read first where a crash cannot take this process down (`isolatedRehearsal`).
    private func rehearse(_ bytes: [UInt8], path: String) throws(IntakeError) {
        guard let rehearsal = options.isolatedRehearsal, SubmissionReader.isPDF(bytes) || ScanImage.isImage(bytes), var error = rehearsal(bytes) else { return }
        error.path = path
        throw error
    }

    /// Reads `bytes` as `process` would, without OCR and writing nothing, and forgets the
    /// outcome: what the child process of `isolatedRehearsal` runs (`intake rehearse`).
    public func rehearse(bytes: [UInt8]) {
        _ = try? reader.read(bytes, path: "rehearsal")
    }

    /// What `body` comes to, a thrown error as `.failed`, logged.
    private func logged(path: String, _ body: () throws(IntakeError) -> Outcome) -> Outcome {
        let outcome: Outcome
        do {
            outcome = try body()
        } catch {
            outcome = .failed(error)
        }
        log(outcome, path: path)
        return outcome
    }

    /// The application is read as a submission; every other file of the bundle is a material,
    /// classified by its name and first page.
    func run(bundle: SubmissionBundle, sha: String? = nil, path: String, now: Date) throws(IntakeError) -> Outcome {
        for file in bundle.files { try rehearse(file.bytes, path: "\(path)/\(file.name)") }
        let application = try reader.application(in: bundle, path: path)
        let form = bundle.files[application.index]
        let materials = bundle.files.indices.filter { $0 != application.index }
            .map { (name: bundle.files[$0].name, contents: bundle.files[$0].data) }
        return try run(bytes: form.bytes, sha: sha ?? bundle.sha256, path: "\(path)/\(form.name)", materialFiles: materials,
                       preread: application.read, now: now)
    }

    func run(bytes: [UInt8], sha: String, path: String, materialFiles: [(name: String, contents: Data)] = [],
             preread: SubmissionReader.Outcome? = nil, now: Date) throws(IntakeError) -> Outcome {
        let id = SubmissionID.make(sha256: sha)
        if !options.reprocess, options.writeOutputs, let previous = store.existing(id: id) {
            return .duplicate(id: id, previous: previous.path)
        }
        let clock = Clock(now, today: options.today)
        let read: SubmissionReader.Outcome
        if let preread {
            read = preread
        } else {
            try rehearse(bytes, path: path)
            read = try reader.read(bytes, path: path)
        }
        let folder = store.folder(date: clock.today.iso, id: id)
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
            if let stated = options.stated, ![ReadingMethod.xml, .embeddedXML].contains(submission.readingMethod) {
                submission.regionCode = stated.regionCode
                submission.office = stated.office
                submission.handling = stated.handling
                submission.declaredConditions = stated.conditions
            }
            let settled = SettledRevision(folder: store.existing(id: id))
            settled?.apply(to: &submission)
            result = try check(submission, form: form, id: id, sha: sha, path: path, clock: clock, folder: folder, files: &files,
                               materialFiles: materialFiles)
            if let settled {
                result.revision = settled.revision
                result.corrections = settled.corrections
                if options.writeOutputs { files += try Self.keptRevisions(folder: settled.folder) }
            }
        }
        guard options.writeOutputs else { return .processed(result) }
        files.append(("result.json", ResultJSON.encode(result)))
        try store.write(files, date: clock.today.iso, id: id, path: path)
        return .processed(result)
    }

    func check(_ submission: Submission, form: FormDefinition, id: String, sha: String, path: String, clock: Clock,
               folder: URL, files: inout [(String, [UInt8])],
               materialFiles: [(name: String, contents: Data)] = []) throws(IntakeError) -> SubmissionResult {
        var submission = submission
        let source = SubmissionResult.Source(path: path, sha256: sha, encoding: submission.encoding,
                                             method: submission.readingMethod, sealPages: submission.sealPages)
        let formInfo = form.isItemApplication ? nil : SubmissionResult.Form(id: form.id, title: form.title, version: form.version)
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
        // A bundle's files: which material each one is, by what it shows (else its name), and its facts.
        let classifier = MaterialClassifier(item: resolution.item, form: form, catalog: catalog, recognizer: options.recognizer,
                                            today: clock.today)
        for finding in classifier.classify(materialFiles) {
            var attachment = Submission.Attachment(id: finding.material, name: finding.file, file: finding.file, line: nil)
            attachment.evidence = finding.evidence
            attachment.classified = .init(kind: finding.kind, confidence: finding.confidence, facts: finding.facts,
                                          unreadable: finding.unreadable)
            submission.attachments.append(attachment)
        }
        let report = SubmissionChecker(today: clock.today).check(submission, form: form, item: resolution.item, sourceName: (path as NSString).lastPathComponent)
        var outputs = SubmissionResult.Outputs(directory: folder.path, result: "result.json", form: nil, notice: nil)
        if options.render {
            do {
                // An item without a form has no form to fill; a complete one gets its 受理回执.
                if !form.isItemApplication {
                    files.append(("form.pdf", try FormRenderer().render(form, values: submission.values)))
                    outputs.form = "form.pdf"
                }
                // A value the reader could not vouch for is the clerk's to read, not the applicant's
                // fault: it stays out of the notice, with anything else said about that field.
                let unsure = Set(submission.origins.filter(\.value.needsReview).map(\.key))
                let noticed = report.problems.filter { p in
                    !p.code.isForClerk && !(p.field.map { unsure.contains(FieldPath(parsing: $0).field) } ?? false)
                }
                if !noticed.isEmpty {
                    let notice = NoticeBuilder.build(id: id, submission: submission, form: form, resolution: resolution,
                                                     problems: noticed, today: clock.today, catalog: catalog)
                    files.append(("notice.pdf", try NoticeRenderer().render(notice)))
                    outputs.notice = "notice.pdf"
                } else if form.isItemApplication, report.status == .accepted {
                    var receipt = NoticeBuilder.build(id: id, submission: submission, form: form, resolution: resolution,
                                                      problems: [], today: clock.today, catalog: catalog)
                    receipt.kind = .receipt
                    receipt.receivedMaterials = NoticeBuilder.received(report.materials, of: resolution.item)
                    receipt.timeLimit = resolution.item.timeLimit.value
                    files.append(("receipt.pdf", try NoticeRenderer().render(receipt)))
                    outputs.receipt = "receipt.pdf"
                }
            } catch {
                throw IntakeError(code: .render, message: "cannot render the PDFs: \(error)", path: path)
            }
        }
        // What was checked, so a clerk's correction can be checked again without reading the file.
        files.append((SubmissionSnapshot.file, SubmissionSnapshot.encode(submission)))
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
                "file": "\(path)", "id": "\(r.id)", "form": "\(r.formID)", "problems": "\(r.problems.count)",
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
    /// The day by the machine's clock: `processedAt`.
    let day: CalendarDate
    let timestamp: String
    /// The day of processing: the checks judge dates against it, notices are dated and the date
    /// folder named by it (the console's queue shows that folder). `Options.today` or `day`.
    let today: CalendarDate

    init(_ now: Date, today fixed: CalendarDate? = nil) {
        let (day, s) = ChinaStandardTime.day(at: now.timeIntervalSince1970)
        self.day = day
        today = fixed ?? day
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        timestamp = "\(day.iso)T\(pad(s / 3600)):\(pad(s / 60 % 60)):\(pad(s % 60))+08:00"
    }
}
