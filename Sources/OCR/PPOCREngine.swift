import Foundation
import IntakeCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// PP-OCRv4 (the ONNX models of PyPI `rapidocr-onnxruntime` 1.4.4 on ONNX Runtime) run in
/// supervised worker processes (`ocr/ppocr_worker.py`, see ocr/README.md).
///
/// Workers start lazily on the first page and stay up for later pages; at most
/// `Configuration.maxWorkers` run, and pages beyond that wait their turn. Each worker runs under an
/// address-space limit (`ulimit -v`); a page that takes longer than the time limit gets its worker
/// killed and `OCRError.timeout`; a worker that dies gets `OCRError.workerCrashed` for its page; in
/// both cases the next page starts a fresh worker. The engine ignores SIGPIPE for the process (a
/// write to a dead worker must not end intake).
public actor PPOCREngine: TextRecognizer {
    /// Where the worker is and the limits it runs under.
    public struct Configuration: Sendable {
        /// The Python to run the worker with; nil: `<repo>/.venv-ocr/bin/python3`.
        public var python: URL?
        /// `ocr/ppocr_worker.py`; nil: found by walking up from the executable and the current directory.
        public var worker: URL?
        /// Per-page time limit (from the request to the answer).
        public var timeLimit: Duration = .seconds(60)
        /// Time limit for a worker's start-up (loading Python, ONNX Runtime and the models).
        public var startLimit: Duration = .seconds(120)
        /// Address-space limit of each worker in bytes (0: none). A page in flight needs ≈ 0.7 GB.
        public var memoryLimit: Int = 2_500_000_000
        /// Workers running at most (pages in parallel).
        public var maxWorkers: Int = 1
        /// ONNX Runtime threads per worker; nil: the processor count divided by `maxWorkers`.
        public var threadsPerWorker: Int?

        public init(python: URL? = nil, worker: URL? = nil, timeLimit: Duration = .seconds(60),
                    memoryLimit: Int = 2_500_000_000, maxWorkers: Int = 1, threadsPerWorker: Int? = nil) {
            self.python = python
            self.worker = worker
            self.timeLimit = timeLimit
            self.memoryLimit = memoryLimit
            self.maxWorkers = maxWorkers
            self.threadsPerWorker = threadsPerWorker
        }

        /// The defaults, overridden by `INTAKE_OCR_PYTHON`, `INTAKE_OCR_WORKER` (paths),
        /// `INTAKE_OCR_TIMEOUT` (seconds per page), `INTAKE_OCR_MEMORY` (bytes; suffixes K, M, G),
        /// `INTAKE_OCR_WORKERS`, `INTAKE_OCR_THREADS`.
        public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
            -> Configuration
        {
            var c = Configuration()
            if let p = environment["INTAKE_OCR_PYTHON"], !p.isEmpty { c.python = URL(fileURLWithPath: p) }
            if let p = environment["INTAKE_OCR_WORKER"], !p.isEmpty { c.worker = URL(fileURLWithPath: p) }
            if let t = environment["INTAKE_OCR_TIMEOUT"].flatMap(Double.init), t > 0 {
                c.timeLimit = .milliseconds(Int64(t * 1000))
            }
            if let m = environment["INTAKE_OCR_MEMORY"].flatMap(parseBytes) { c.memoryLimit = m }
            if let n = environment["INTAKE_OCR_WORKERS"].flatMap(Int.init), n > 0 { c.maxWorkers = n }
            if let n = environment["INTAKE_OCR_THREADS"].flatMap(Int.init), n > 0 { c.threadsPerWorker = n }
            return c
        }

        static func parseBytes(_ text: String) -> Int? {
            let t = text.trimmingCharacters(in: .whitespaces).uppercased()
            let units: [(String, Double)] = [("G", 1e9), ("M", 1e6), ("K", 1e3)]
            for (suffix, factor) in units where t.hasSuffix(suffix) {
                return Double(t.dropLast()).map { Int($0 * factor) }
            }
            return Int(t)
        }
    }

    public let configuration: Configuration
    private var idle: [WorkerProcess] = []
    private var busy: [ObjectIdentifier: WorkerProcess] = [:]
    private var live = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var requestID = 0
    private let scratch: URL
    /// Start-up seconds of the workers started so far (spawn to ready line, wall clock).
    public private(set) var startupSeconds: [Double] = []

    public init(configuration: Configuration = .fromEnvironment()) {
        self.configuration = configuration
        scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("intake-ocr-\(getpid())-\(UUID().uuidString.prefix(8))")
        signal(SIGPIPE, SIG_IGN)
    }

    deinit {
        for w in idle { w.stop() }
        for w in busy.values { w.kill() }
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Process ids of the running workers.
    public var workerProcessIdentifiers: [Int32] { (idle + Array(busy.values)).map(\.pid) }

    /// Recognises one page within the configured time limit.
    public func recognize(pngAt url: URL) async throws -> OCRPage {
        try await recognize(pngAt: url, timeLimit: nil)
    }

    /// Recognises one page within `timeLimit` (nil: the configured one). `findPaper`: the image
    /// is a photo; the sheet or card in it is found, flattened and read alone.
    public func recognize(pngAt url: URL, timeLimit: Duration?, findPaper: Bool = false) async throws -> OCRPage {
        guard url.isFileURL else { throw OCRError.badImage("not a file URL: \(url)") }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        requestID += 1
        let id = requestID
        let pgm = scratch.appendingPathComponent("page-\(id).pgm")
        defer { try? FileManager.default.removeItem(at: pgm) }
        let request: [String: Any] = ["id": id, "image": url.standardizedFileURL.path, "deskewed": pgm.path, "paper": findPaper]
        let requestLine = try JSONSerialization.data(withJSONObject: request, options: [.withoutEscapingSlashes])
        var worker = try await acquire()
        do {
            try worker.send(requestLine)
        } catch {
            // An idle worker that died unnoticed (killed from outside): once more with a fresh one.
            release(worker, healthy: false)
            worker = try await acquire()
            do {
                try worker.send(requestLine)
            } catch {
                release(worker, healthy: false)
                throw error
            }
        }
        var healthy = false
        defer { release(worker, healthy: healthy) }
        let line = try await worker.nextLine(limit: timeLimit ?? configuration.timeLimit)
        let response: Response
        do {
            response = try JSONDecoder().decode(Response.self, from: line)
        } catch {
            throw OCRError.protocolError("not a response: \(String(decoding: line.prefix(200), as: UTF8.self))")
        }
        guard response.id == id else {
            throw OCRError.protocolError("answer for request \(response.id.map(String.init) ?? "nil"), expected \(id)")
        }
        guard response.ok == true else {
            let reason = response.error ?? "the worker could not read \(url.path)"
            switch response.kind {
            case "memory":
                // A fresh worker for the next page: its heap may be fragmented after the failure.
                throw OCRError.outOfMemory(reason)
            case "internal":
                throw OCRError.workerCrashed(reason)
            default:
                healthy = true
                throw OCRError.badImage(reason)
            }
        }
        healthy = true
        return try response.page(deskewed: pgm)
    }

    /// Starts a worker now (rather than on the first page); returns its start-up seconds.
    @discardableResult
    public func start() async throws -> Double {
        let worker = try await acquire()
        release(worker, healthy: true)
        return startupSeconds.last ?? 0
    }

    /// Ends every idle worker (closing its input); busy ones end when their page is done and
    /// released. The engine starts new ones when asked for a page again.
    public func shutdown() {
        for w in idle { w.stop() }
        live -= idle.count
        idle.removeAll()
    }

    // MARK: Pool

    private func acquire() async throws -> WorkerProcess {
        while true {
            while let w = idle.popLast() {
                if w.hasEnded {
                    live -= 1
                    continue
                }
                busy[ObjectIdentifier(w)] = w
                return w
            }
            if live < max(1, configuration.maxWorkers) {
                live += 1
                do {
                    let w = try await startWorker()
                    busy[ObjectIdentifier(w)] = w
                    return w
                } catch {
                    live -= 1
                    wakeOne()
                    throw error
                }
            }
            await withCheckedContinuation { waiting.append($0) }
        }
    }

    private func release(_ worker: WorkerProcess, healthy: Bool) {
        busy[ObjectIdentifier(worker)] = nil
        if healthy, !worker.hasEnded {
            idle.append(worker)
        } else {
            worker.kill()
            live -= 1
        }
        wakeOne()
    }

    private func wakeOne() {
        if !waiting.isEmpty { waiting.removeFirst().resume() }
    }

    private func startWorker() async throws -> WorkerProcess {
        let (python, script) = try locate()
        var environment = ProcessInfo.processInfo.environment
        let threads = configuration.threadsPerWorker
            ?? max(1, ProcessInfo.processInfo.activeProcessorCount / max(1, configuration.maxWorkers))
        environment["INTAKE_OCR_THREADS"] = String(threads)
        environment["OMP_NUM_THREADS"] = "1"
        environment["PYTHONUNBUFFERED"] = "1"
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        environment["MALLOC_ARENA_MAX"] = "2"
        environment["ORT_DISABLE_TELEMETRY"] = "1"  // ONNX Runtime's usage telemetry: never
        let clock = ContinuousClock()
        let started = clock.now
        let worker = try WorkerProcess(python: python, script: script, memoryLimit: configuration.memoryLimit,
                                       environment: environment)
        let line: Data
        do {
            line = try await worker.nextLine(limit: configuration.startLimit)
        } catch OCRError.timeout {
            worker.kill()
            throw OCRError.unavailable("the OCR worker did not start within \(configuration.startLimit) (\(script.path))")
        } catch OCRError.workerCrashed(let reason) {
            throw OCRError.unavailable("the OCR worker \(script.path) ended during start-up: \(reason)")
        } catch {
            worker.kill()
            throw error
        }
        guard let ready = try? JSONDecoder().decode(Ready.self, from: line) else {
            worker.kill()
            throw OCRError.unavailable("the OCR worker's first line is not its ready line: "
                                       + String(decoding: line.prefix(300), as: UTF8.self))
        }
        guard ready.ready else {
            worker.stop()
            let reason = ready.error ?? "the worker could not load its models"
            throw OCRError.unavailable(reason + (reason.contains("memory")
                ? " (limit \(configuration.memoryLimit) bytes)"
                : " (python \(python.path); run `make ocr-env`)"))
        }
        let elapsed = clock.now - started
        startupSeconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        return worker
    }

    /// The Python and the worker script: the configured ones, else found by walking up from the
    /// executable and the current directory to the folder holding `ocr/ppocr_worker.py`.
    private func locate() throws -> (python: URL, script: URL) {
        let fm = FileManager.default
        let script: URL
        if let configured = configuration.worker {
            guard fm.fileExists(atPath: configured.path) else {
                throw OCRError.unavailable("INTAKE_OCR_WORKER names \(configured.path), which does not exist")
            }
            script = configured
        } else if let root = Self.repositoryRoot() {
            script = root.appendingPathComponent("ocr/ppocr_worker.py")
        } else {
            throw OCRError.unavailable("ocr/ppocr_worker.py not found above the executable nor the current "
                                       + "directory; set INTAKE_OCR_WORKER")
        }
        let root = script.deletingLastPathComponent().deletingLastPathComponent()
        let python = configuration.python ?? root.appendingPathComponent(".venv-ocr/bin/python3")
        guard fm.isExecutableFile(atPath: python.path) else {
            if configuration.python != nil {
                throw OCRError.unavailable("INTAKE_OCR_PYTHON names \(python.path), which is not an executable")
            }
            throw OCRError.unavailable("no Python environment for OCR at \(python.path): run `make ocr-env` "
                                       + "(or set INTAKE_OCR_PYTHON)")
        }
        return (python, script)
    }

    static func repositoryRoot() -> URL? {
        var starts: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        if let exe = Bundle.main.executableURL { starts.append(exe.resolvingSymlinksInPath().deletingLastPathComponent()) }
        starts.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        for start in starts {
            var dir = start.standardizedFileURL
            while true {
                if FileManager.default.fileExists(atPath: dir.appendingPathComponent("ocr/ppocr_worker.py").path) {
                    return dir
                }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }
}

// MARK: Protocol

private struct Ready: Decodable {
    var ready: Bool
    var error: String?
}

private struct Response: Decodable {
    struct Char: Decodable {
        var c: String
        var p: Double
        var x0: Double
        var x1: Double
    }
    struct Line: Decodable {
        var text: String
        var box: [Double]
        var chars: [Char]
    }
    struct Seal: Decodable {
        var box: [Double]
        var score: Double?
    }
    var id: Int?
    var ok: Bool?
    var kind: String?
    var error: String?
    var width: Int?
    var height: Int?
    var angle: Double?
    var lines: [Line]?
    var seals: [Seal]?
    var colour: Bool?
    var seconds: Double?

    func page(deskewed: URL) throws -> OCRPage {
        guard let width, let height else { throw OCRError.protocolError("answer without width and height") }
        let image = try GreyRaster(pgmAt: deskewed)
        guard image.width == width, image.height == height else {
            throw OCRError.protocolError("deskewed image is \(image.width)×\(image.height), answer says \(width)×\(height)")
        }
        func box(_ b: [Double]) throws -> Rect {
            guard b.count == 4 else { throw OCRError.protocolError("a box has \(b.count) numbers") }
            return Rect(x0: b[0], y0: b[1], x1: b[2], y1: b[3])
        }
        let lines = try (lines ?? []).map { line -> OCRLine in
            let lb = try box(line.box)
            return OCRLine(text: line.text, box: lb, chars: line.chars.map {
                OCRChar(character: $0.c, probability: $0.p, box: Rect(x0: $0.x0, y0: lb.y0, x1: $0.x1, y1: lb.y1))
            })
        }
        return OCRPage(width: width, height: height, angle: angle ?? 0, lines: lines,
                       seals: try (seals ?? []).map { try box($0.box) }, colour: colour ?? true, image: image, seconds: seconds ?? 0)
    }
}
