import Catalog
import Foundation
import Hummingbird
import HummingbirdTLS
import HTTPTypes
import IntakeCore
import Ledger
import Logging
import NIOCore
import Pipeline

/// The request context: who is logged in, from where.
public struct ConsoleContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    var session: ClerkSession?
    var clerk: Clerk?
    let address: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        address = source.channel.remoteAddress?.ipAddress ?? "-"
    }

    public var maxUploadSize: Int { 32 << 20 }
}

/// `intake console`: the window's web console over the same catalog, pipeline, ledger and
/// folders as `watch`.
public struct ConsoleServer: Sendable {
    let settings: ConsoleSettings
    let pipeline: Pipeline
    /// The console's tables, in the ledger `settings.ledger` names (the pre-check records its 预审号 there too).
    public let store: any ConsoleStore
    let accounts: Accounts
    let sessions: SessionStore
    let indexer: QueueIndexer
    let pages: Pages
    let locks = SubmissionLocks()
    let logger: Logger
    /// The console's clock: the tests set it.
    let now: @Sendable () -> Date

    public init(settings: ConsoleSettings, pipeline: Pipeline, bcryptCost: UInt8 = 12, logger: Logger = Logger(label: "intake.console"),
                now: @escaping @Sendable () -> Date = { Date() }) async throws {
        try FileManager.default.createDirectory(at: settings.state, withIntermediateDirectories: true)
        self.settings = settings
        self.pipeline = pipeline
        store = try openConsoleStore(ledger: settings.ledger, state: settings.state)
        accounts = Accounts(store: store, cost: bcryptCost)
        sessions = SessionStore()
        indexer = QueueIndexer(output: settings.output, store: store, catalog: pipeline.catalog)
        pages = try await Pages()
        self.logger = logger
        self.now = now
        try abandonInterruptedCorrections()
        OutputStore(root: settings.output).cleanStaleTemporaries()
    }

    /// A correction is claimed in the ledger (with its audit rows) before its revision is renamed
    /// into place; a process killed in between leaves a claim the folder never got. Such a claim
    /// is given back and the audit says the correction was lost, so the submission can be
    /// corrected again and the trail tells what happened. At start-up for every submission, and
    /// when a save finds its revision claimed (`only`); true when a claim was given back.
    @discardableResult
    func abandonInterruptedCorrections(only: String? = nil) throws -> Bool {
        // With a ledger in SQLite this console is the only one, and a claim it did not finish is
        // dead. Consoles sharing a PostgreSQL ledger may be saving right now: a save takes well
        // under a second, so only a claim a minute old is taken for dead.
        let settle: TimeInterval = settings.ledger.map { $0.hasPrefix("postgres") } == true ? 60 : 0
        var abandoned = false
        for claim in try store.claimedRevisions() where (only == nil || claim.submission == only)
            && now().timeIntervalSince(claim.at) >= settle {
            guard let entry = try store.queueEntry(submission: claim.submission),
                  let result = try? Pipeline.result(in: URL(fileURLWithPath: entry.folder)),
                  (result.revision ?? 1) < claim.revision else { continue }
            try store.abandonRevision(submission: claim.submission, revision: claim.revision, audit: AuditEntry(
                at: now(), clerk: claim.clerk, address: "-", action: "correct-lost", submission: claim.submission,
                reason: "第\(claim.revision)版保存时程序中断，未保存"))
            logger.warning("correction interrupted; claim given back", metadata: ["submission": "\(claim.submission)",
                                                                               "revision": "\(claim.revision)"])
            abandoned = true
        }
        return abandoned
    }

    /// The day the queue shows.
    var today: CalendarDate { settings.today ?? ChinaStandardTime.day(at: now().timeIntervalSince1970).day }

    /// Every route: its method, path, handler, and whether it needs a logged-in clerk. A route
    /// that changes state is a POST; the guard refuses it without session, CSRF token and
    /// same-origin `Origin` (login only without the session). The tests walk this table.
    public var routes: [Route] {
        [
            Route(.get, "/login", public: true, login.page),
            Route(.post, "/login", public: true, login.submit),
            Route(.post, "/logout", login.logout),
            Route(.get, "/", queue.page),
            Route(.get, "/api/v1/queue", queue.list),
            Route(.get, "/s/:id", submissions.page),
            Route(.get, "/api/v1/submissions/:id", submissions.json),
            Route(.get, "/s/:id/page/:page", submissions.pageImage),
            Route(.post, "/api/v1/submissions/:id/finish", submissions.finish),
            Route(.post, "/api/v1/submissions/:id/decide", submissions.decide),
            Route(.post, "/api/v1/submissions/:id/print", printing.print),
            Route(.post, "/api/v1/upload", uploads.upload),
            Route(.post, "/api/v1/upload/folder", uploads.folder),
            Route(.get, "/stats", stats.page),
            Route(.get, "/reports/:run", stats.report),
            Route(.get, "/static/:file", public: true, assets.file),
        ]
    }

    public struct Route: Sendable {
        public let method: HTTPRequest.Method
        public let path: String
        public let isPublic: Bool
        let handler: @Sendable (Request, ConsoleContext) async throws -> Response

        init(_ method: HTTPRequest.Method, _ path: String, public isPublic: Bool = false,
             _ handler: @escaping @Sendable (Request, ConsoleContext) async throws -> Response) {
            self.method = method
            self.path = path
            self.isPublic = isPublic
            self.handler = handler
        }

        public var changesState: Bool { method != .get && method != .head }
    }

    public func router() -> Router<ConsoleContext> {
        let router = Router(context: ConsoleContext.self)
        router.add(middleware: SecurityHeaders())
        for route in routes {
            let guarded = Guard(server: self, route: route)
            router.on(RouterPath(route.path), method: route.method) { request, context in
                try await guarded.handle(request, context)
            }
        }
        return router
    }

    /// Runs until SIGINT/SIGTERM; `onRunning` gets the bound address ("127.0.0.1:8460").
    public func run(onRunning: @escaping @Sendable (String) -> Void) async throws {
        try await indexer.refresh()
        let indexing = Task { [indexer, settings] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(settings.indexInterval))
                try? await indexer.refresh(days: [today.iso])
            }
        }
        defer { indexing.cancel() }
        let configuration = ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: "intake")
        let running: @Sendable (any Channel) async -> Void = { channel in
            let address = channel.localAddress
            onRunning("\(address?.ipAddress ?? settings.host):\(address?.port ?? settings.port)")
        }
        if let certificate = settings.tlsCertificate, let key = settings.tlsKey {
            let tls = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
            let app = Application(router: router(), server: try .tls(.http1(), tlsConfiguration: tls),
                                  configuration: configuration, onServerRunning: running, logger: logger)
            try await app.runService()
        } else {
            let app = Application(router: router(), configuration: configuration, onServerRunning: running, logger: logger)
            try await app.runService()
        }
    }

    /// An application for the tests (no indexing loop: they call `refreshIndex`).
    public func application() -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
    }

    public func refreshIndex() async throws { try await indexer.refresh() }

    var login: LoginRoutes { LoginRoutes(server: self) }
    var queue: QueueRoutes { QueueRoutes(server: self) }
    var submissions: SubmissionRoutes { SubmissionRoutes(server: self) }
    var printing: PrintRoutes { PrintRoutes(server: self) }
    var uploads: UploadRoutes { UploadRoutes(server: self) }
    var stats: StatsRoutes { StatsRoutes(server: self) }
    var assets: AssetRoutes { AssetRoutes() }

    /// One audit row, stamped with the session's clerk and address.
    func audit(_ context: ConsoleContext, _ action: String, submission: String? = nil, field: String? = nil,
               before: String? = nil, after: String? = nil, reason: String? = nil) throws {
        try store.audit(entry(context, action, submission: submission, field: field, before: before, after: after, reason: reason))
    }

    func entry(_ context: ConsoleContext, _ action: String, submission: String? = nil, field: String? = nil,
               before: String? = nil, after: String? = nil, reason: String? = nil, clerk: String? = nil) -> AuditEntry {
        AuditEntry(at: now(), clerk: clerk ?? context.clerk?.login ?? "-", address: context.address, action: action,
                   submission: submission, field: field, before: before, after: after,
                   beforeMasked: before.map(PersonalData.masked), afterMasked: after.map(PersonalData.masked), reason: reason)
    }
}

/// Checks every request before its handler: a live session and an open account (except public
/// routes), then for a state change the same origin and the session's CSRF token.
struct Guard: Sendable {
    let server: ConsoleServer
    let route: ConsoleServer.Route

    func handle(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        var context = context
        if let id = request.cookies[Cookies.session]?.value, let session = await server.sessions.session(id, now: server.now()) {
            if let account = try server.store.clerk(login: session.login)?.clerk, !account.disabled {
                context.session = session
                context.clerk = account
            } else {
                await server.sessions.removeAll(login: session.login)
            }
        }
        if route.changesState {
            guard Self.sameOrigin(request) else { return ConsoleError.forbidden("请求来源不符").response }
        }
        if !route.isPublic {
            guard let session = context.session else {
                if route.changesState || route.path.hasPrefix("/api/") { return ConsoleError.unauthorized.response }
                return Response(status: .seeOther, headers: [.location: "/login"])
            }
            if route.changesState {
                let sent = request.headers[.csrfToken] ?? request.uri.queryParameters.get("csrf")
                guard let sent, Self.constantTimeEqual(sent, session.csrf) else {
                    return ConsoleError.forbidden("缺少或错误的校验令牌（CSRF），请刷新页面后重试").response
                }
            }
        }
        do {
            return try await route.handler(request, context)
        } catch let error as ConsoleError {
            return error.response
        }
    }

    /// `Origin` (or else `Referer`) names this very server.
    static func sameOrigin(_ request: Request) -> Bool {
        guard let host = request.head.authority else { return false }
        let origin = request.headers[.origin] ?? request.headers[.referer].flatMap { referer -> String? in
            guard let url = URL(string: referer), let scheme = url.scheme, let h = url.host else { return nil }
            return "\(scheme)://\(h)" + (url.port.map { ":\($0)" } ?? "")
        }
        guard let origin else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension HTTPField.Name {
    static let csrfToken = HTTPField.Name("X-CSRF-Token")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}

enum Cookies {
    static let session = "intake_session"
}

/// Security headers on every response: nothing framed, nothing sniffed, nothing loaded from
/// elsewhere. A route may set a stricter policy of its own (a revalidation report).
struct SecurityHeaders: RouterMiddleware {
    typealias Context = ConsoleContext
    func handle(_ request: Request, context: ConsoleContext, next: (Request, ConsoleContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; frame-src 'self' blob:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// What a handler refuses with: a status and a Chinese message for the page.
struct ConsoleError: Error {
    let status: HTTPResponse.Status
    let message: String

    static let unauthorized = ConsoleError(status: .unauthorized, message: "请先登录")
    static let notFound = ConsoleError(status: .notFound, message: "没有这份申请")
    static func forbidden(_ message: String) -> ConsoleError { ConsoleError(status: .forbidden, message: message) }
    static func bad(_ message: String) -> ConsoleError { ConsoleError(status: .badRequest, message: message) }
    static func conflict(_ message: String) -> ConsoleError { ConsoleError(status: .conflict, message: message) }

    var response: Response { JSON.response(["error": message], status: status) }
}

/// One lock per submission folder, for this process; `revise` checks the revision under it.
actor SubmissionLocks {
    private var held: Set<String> = []

    func run<T: Sendable>(_ id: String, _ body: @Sendable () async throws -> T) async throws -> T {
        while held.contains(id) { try await Task.sleep(for: .milliseconds(5)) }
        held.insert(id)
        defer { held.remove(id) }
        return try await body()
    }
}

enum JSON {
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
