import Catalog
import Foundation
import IntakeCore
import Logging
import Pipeline
import Report

/// What checking one submission again found: the new decision, or why the file could not be read.
public struct Finding: Sendable {
    public var path: String
    public var sha256: String?
    public var status: String
    public var form: String?
    public var serviceItem: String?
    public var serviceItemName: String?
    public var region: String?
    public var regionName: String?
    public var problems: ProblemList
    /// For failures: `code: reason`, personal data masked.
    public var error: String?
    public var isFailure: Bool { status == Evaluator.failed }

    public init(path: String, sha256: String?, status: String, form: String?, serviceItem: String?, serviceItemName: String?,
                region: String?, regionName: String?, problems: ProblemList, error: String?) {
        self.path = path
        self.sha256 = sha256
        self.status = status
        self.form = form
        self.serviceItem = serviceItem
        self.serviceItemName = serviceItemName
        self.region = region
        self.regionName = regionName
        self.problems = problems
        self.error = error
    }
}

/// Checks one submission (a file or a bundle folder) against the current catalog through
/// `Pipeline`'s public API, writing nothing; renders the outputs of the ones that changed.
public struct Evaluator: Sendable {
    public static let failed = DecisionStatus.failed

    let checker: Pipeline
    let renderer: Pipeline?

    /// Checks against `catalog` writing nothing; with `render`, changed submissions get their
    /// form.pdf, notice.pdf and result.json written under `output` (`<date>/<id>/`). `today`:
    /// the day the checks take as today (`Pipeline.Options.today`).
    public init(catalog: Catalog, output: URL, render: Bool, today: CalendarDate? = nil, logger: Logger) {
        // Scans are read again too: one OCR worker pool, started at the first scanned page.
        let recognizer = Pipeline.ocrRecognizer()
        var options = Pipeline.Options(outputRoot: output, render: false, reprocess: true, recognizer: recognizer)
        options.writeOutputs = false
        options.today = today
        checker = Pipeline(catalog: catalog, options: options, logger: logger)
        options.render = true
        options.writeOutputs = true
        renderer = render ? Pipeline(catalog: catalog, options: options, logger: logger) : nil
    }

    public var renders: Bool { renderer != nil }

    /// Checks the submission at `path` (a file, a zip or a bundle folder) as `intake process`
    /// would, without writing anything.
    public func evaluate(_ path: String, now: Date = Date()) -> Finding {
        switch checker.process(path: path, now: now) {
        case .processed(let result):
            return Finding(path: path, sha256: result.source.sha256, status: result.status.rawValue, form: result.formID,
                           serviceItem: result.item?.id, serviceItemName: result.item?.name, region: result.item?.region,
                           regionName: result.item?.regionName, problems: ProblemList(result.problems), error: nil)
        case .failed(let error):
            return Self.failure(path: path, sha256: fileHash(path), error)
        case .duplicate(let id, _):
            return Self.failure(path: path, sha256: fileHash(path),
                                IntakeError(code: .duplicate, message: "reported as a duplicate of \(id)", path: path))
        }
    }

    /// Writes the outputs of a changed submission; the folder, or the reason it could not be written.
    public func render(_ path: String, now: Date = Date()) -> Result<String, IntakeError> {
        guard let renderer else { return .failure(IntakeError(code: .render, message: "rendering is off", path: path)) }
        switch renderer.process(path: path, now: now) {
        case .processed(let result): return .success(result.outputs.directory)
        case .failed(let error): return .failure(error)
        case .duplicate(_, let previous): return .success(previous)
        }
    }

    /// The SHA-256 of a regular file that could not be read as a submission (for the record).
    func fileHash(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, let bytes = try? checker.readFile(path) else { return nil }
        return SubmissionID.sha256Hex(bytes)
    }

    static func failure(path: String, sha256: String?, _ error: IntakeError) -> Finding {
        Finding(path: path, sha256: sha256, status: failed, form: nil, serviceItem: nil, serviceItemName: nil, region: nil,
                regionName: nil, problems: ProblemList([]),
                error: "\(error.code): \(Masking.maskDigitRuns(in: error.message))")
    }

    /// The problems of an earlier result.json (the inbox service's decision), if it can be read.
    static func problems(ofResultIn directory: String) -> ProblemList? {
        let url = URL(fileURLWithPath: directory).appendingPathComponent("result.json")
        guard let data = try? Data(contentsOf: url),
              let result = try? JSONDecoder().decode(SubmissionResult.self, from: data) else { return nil }
        return ProblemList(result.problems)
    }
}
