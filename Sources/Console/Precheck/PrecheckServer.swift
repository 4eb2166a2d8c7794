import Catalog
import Foundation
import Hummingbird
import HTTPTypes
import IntakeCore
import Ledger
import Logging
import Pipeline

/// 网上预审 (004:21): where it listens, what it keeps and for how long, what one address may do.
public struct PrecheckSettings: Sendable {
    public var host = "127.0.0.1"
    public var port = 8461
    /// Uploads and their checks, one folder each: `<state>/precheck/<id>/`.
    public var folder: URL
    /// Where "提交到窗口" puts a checked bundle (the inbox `watch` reads); nil: not offered.
    public var inbox: URL?
    /// An upload is deleted this long after it came (a bundle handed to the window lives on in the
    /// inbox and the archive).
    public var keep: TimeInterval = 24 * 3600
    public var maxFiles = 20
    public var maxFileBytes = 8 << 20
    public var maxTotalBytes = 32 << 20
    /// Checks (uploads, confirmations, hand-ins) one address may start per `window`.
    public var checksPerWindow = 30
    public var window: TimeInterval = 600
    /// Uploads kept at once, all addresses together: a full disk helps no one.
    public var maxStored = 5000
    /// Checks run at once; the rest wait their turn, so the clerks' console keeps a core.
    public var workers = 1
    /// The day checks and notices take as today (`--today`).
    public var today: CalendarDate?

    public init(folder: URL) {
        self.folder = folder
    }
}

/// The applicants' side, on a listener of its own: no account, no cookie, no clerk route. An
/// upload is reached only by its unguessable id; it is checked by the same pipeline the window
/// uses, off the request threads, and the answer is the window's own 一次性告知书.
public struct PrecheckServer: Sendable {
    let settings: PrecheckSettings
    let catalog: Catalog
    /// The pipeline's options for a check (OCR, the isolated PDF rehearsal, the day); the output
    /// root and what the applicant stated are set per upload.
    let options: Pipeline.Options
    let store: PrecheckStore
    let ledger: any ConsoleStore
    let limiter: RateLimiter
    let runner: CheckRunner
    let pages: Pages
    let logger: Logger
    let now: @Sendable () -> Date

    public init(settings: PrecheckSettings, catalog: Catalog, options: Pipeline.Options, ledger: any ConsoleStore,
                logger: Logger = Logger(label: "intake.precheck"), now: @escaping @Sendable () -> Date = { Date() }) async throws {
        try FileManager.default.createDirectory(at: settings.folder, withIntermediateDirectories: true)
        self.settings = settings
        self.catalog = catalog
        self.options = options
        store = PrecheckStore(folder: settings.folder)
        self.ledger = ledger
        limiter = RateLimiter(limit: settings.checksPerWindow, window: settings.window)
        runner = CheckRunner(workers: settings.workers)
        pages = try await Pages()
        self.logger = logger
        self.now = now
    }

    var today: CalendarDate { settings.today ?? ChinaStandardTime.day(at: now().timeIntervalSince1970).day }

    public struct Route: Sendable {
        public let method: HTTPRequest.Method
        public let path: String
        let handler: @Sendable (Request, ConsoleContext) async throws -> Response
    }

    /// Every route, all public; a POST must come from a page of this server (Origin).
    public var routes: [Route] {
        let pages = PrecheckRoutes(server: self)
        return [
            Route(method: .get, path: "/precheck", handler: pages.home),
            Route(method: .get, path: "/precheck/item/:region/:item", handler: pages.item),
            Route(method: .get, path: "/precheck/item/:region/:item/form", handler: pages.onlineForm),
            Route(method: .post, path: "/precheck/item/:region/:item/check", handler: pages.check),
            Route(method: .get, path: "/precheck/r/:id", handler: pages.result),
            Route(method: .get, path: "/precheck/r/:id/notice.pdf", handler: pages.noticePDF),
            Route(method: .get, path: "/precheck/r/:id/receipt.pdf", handler: pages.receiptPDF),
            Route(method: .post, path: "/precheck/r/:id/confirm", handler: pages.confirm),
            Route(method: .post, path: "/precheck/r/:id/submit", handler: pages.submit),
            Route(method: .get, path: "/precheck/static/:file", handler: pages.asset),
        ]
    }

    public func router() -> Router<ConsoleContext> {
        let router = Router(context: ConsoleContext.self)
        router.add(middleware: SecurityHeaders())
        let pages = self.pages
        for route in routes {
            router.on(RouterPath(route.path), method: route.method) { request, context in
                if route.method == .post, !Guard.sameOrigin(request) {
                    return Self.errorPage(pages, ConsoleError.forbidden("请求来源不符，请从预审页面提交。"))
                }
                do {
                    return try await route.handler(request, context)
                } catch let error as ConsoleError {
                    return Self.errorPage(pages, error)
                } catch let error as HTTPError where error.status == .contentTooLarge {
                    return Self.errorPage(pages, ConsoleError(status: .contentTooLarge, message: "上传的文件合计超过上限，请分开或压缩后再传。"))
                }
            }
        }
        return router
    }

    static func errorPage(_ pages: Pages, _ error: ConsoleError) -> Response {
        struct View { let message: String }
        return pages.html("precheck-error", PrecheckChrome(title: "出错了", body: View(message: error.message)), status: error.status)
    }

    /// Runs until SIGINT/SIGTERM, deleting expired uploads every ten minutes; `onRunning` gets
    /// the bound address.
    public func run(onRunning: @escaping @Sendable (String) -> Void) async throws {
        let sweeping = Task { [store, settings, now, logger] in
            while !Task.isCancelled {
                let removed = store.sweep(olderThan: now().addingTimeInterval(-settings.keep))
                if removed > 0 { logger.info("expired uploads deleted", metadata: ["count": "\(removed)"]) }
                try? await Task.sleep(for: .seconds(600))
            }
        }
        defer { sweeping.cancel() }
        let configuration = ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: "intake-precheck")
        let app = Application(router: router(), configuration: configuration, onServerRunning: { channel in
            let address = channel.localAddress
            onRunning("\(address?.ipAddress ?? settings.host):\(address?.port ?? settings.port)")
        }, logger: logger)
        try await app.runService()
    }

    /// An application for the tests.
    public func application() -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
    }

    /// Deletes uploads older than `keep` now (the tests move the clock).
    public func sweep() -> Int { store.sweep(olderThan: now().addingTimeInterval(-settings.keep)) }
}

/// The page around every pre-check view.
struct PrecheckChrome<Body> {
    let title: String
    let body: Body
}

/// Runs checks on threads of its own, `workers` at a time: the pipeline is synchronous and
/// would otherwise hold the server's few async threads while a scan is read.
final class CheckRunner: Sendable {
    private let queue = DispatchQueue(label: "intake.precheck.checks", attributes: .concurrent)
    private let slots: DispatchSemaphore

    init(workers: Int) { slots = DispatchSemaphore(value: max(1, workers)) }

    func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { [slots] in
                slots.wait()
                let value = body()
                slots.signal()
                continuation.resume(returning: value)
            }
        }
    }
}

/// How many checks an address started lately: a sliding window.
actor RateLimiter {
    let limit: Int
    let window: TimeInterval
    private var starts: [String: [Date]] = [:]

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Counts one more for `address`; false (and not counted) when it has had its share.
    func allow(_ address: String, now: Date) -> Bool {
        var recent = (starts[address] ?? []).filter { now.timeIntervalSince($0) < window }
        guard recent.count < limit else {
            starts[address] = recent
            return false
        }
        recent.append(now)
        starts[address] = recent
        if starts.count > 10_000 { starts = starts.filter { !$0.value.isEmpty && now.timeIntervalSince($0.value.last!) < window } }
        return true
    }
}
