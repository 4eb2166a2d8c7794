import Console
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IntakeCore
import IntakeTestSupport
import Ledger
import Pipeline
import Testing

/// A console over a temporary output folder with some processed samples and two accounts, on a
/// clock the test moves.
final class ConsoleFixture: @unchecked Sendable {
    let dir: TemporaryDirectory
    let server: ConsoleServer
    let store: any ConsoleStore
    let clock: TestClock
    /// id of each processed sample, by file name.
    var ids: [String: String] = [:]

    static let password = "counter-password-1"

    /// `ledger`: as `--ledger` (a PostgreSQL URL); nil: the SQLite file in the state folder.
    init(samples: [String] = ["lc-bad-id-check.xml", "lc-complete.xml"], extra: [(String, String)] = [],
         ledger: String? = nil) async throws {
        dir = try TemporaryDirectory("console")
        clock = TestClock(Date(timeIntervalSince1970: 1_796_616_000)) // 2026-12-07 12:00 in China
        let output = dir.url.appendingPathComponent("out")
        let pipeline = Pipeline(catalog: Repository.catalog, options: .init(outputRoot: output, reprocess: true,
                                                                            today: CalendarDate(year: 2026, month: 12, day: 7)))
        var paths = samples.map { (Repository.sample($0), $0) }
        for (name, text) in extra {
            let path = dir.path(name)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append((path, name))
        }
        for (path, name) in paths {
            if case .processed(let result) = pipeline.process(path: path, now: clock.now) { ids[name] = result.id }
        }
        var settings = ConsoleSettings(output: output, state: dir.url.appendingPathComponent("state"))
        settings.today = CalendarDate(year: 2026, month: 12, day: 7)
        settings.inbox = dir.url.appendingPathComponent("inbox")
        settings.ledger = ledger
        try FileManager.default.createDirectory(at: settings.inbox!, withIntermediateDirectories: true)
        let clock = clock
        server = try await ConsoleServer(settings: settings, pipeline: pipeline, bcryptCost: 4, now: { clock.now })
        store = try openConsoleStore(ledger: ledger, state: settings.state)
        let accounts = Accounts(store: store, cost: 4)
        try accounts.add(Clerk(login: "clerk1", name: "李窗口", role: .clerk, offices: ["371525", "371502", "371500"]), password: Self.password)
        try accounts.add(Clerk(login: "chief", name: "王科长", role: .chief, offices: []), password: Self.password)
        try await server.refreshIndex()
    }

    func test(_ body: @escaping @Sendable (Browser) async throws -> Void) async throws {
        try await server.application().test(.router) { client in try await body(Browser(client: client)) }
    }
}

final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Date
    init(_ date: Date) { value = date }
    var now: Date { lock.lock(); defer { lock.unlock() }; return value }
    func advance(_ seconds: TimeInterval) { lock.lock(); value += seconds; lock.unlock() }
}

/// A client that keeps the session cookie and sends the CSRF token and Origin as the page does.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookie: String?
    var csrf: String?

    init(client: any TestClientProtocol) { self.client = client }

    struct Reply { let status: HTTPResponse.Status; let text: String; let headers: HTTPFields; let bytes: [UInt8] }

    @discardableResult
    func send(_ method: HTTPRequest.Method, _ uri: String, json: String? = nil, form: String? = nil, session: Bool = true,
              token: Bool = true, origin: String? = "http://localhost") async throws -> Reply {
        var headers: HTTPFields = [:]
        if session, let cookie { headers[.cookie] = "intake_session=\(cookie)" }
        if token, let csrf { headers[HTTPField.Name("X-CSRF-Token")!] = csrf }
        if let origin { headers[.origin] = origin }
        var body: ByteBuffer?
        if let json { headers[.contentType] = "application/json"; body = ByteBuffer(string: json) }
        if let form { headers[.contentType] = "application/x-www-form-urlencoded"; body = ByteBuffer(string: form) }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
            Reply(status: response.status, text: String(buffer: response.body), headers: response.headers,
                  bytes: Array(buffer: response.body))
        }
    }

    /// Logs in; the token comes from the queue page, as the browser gets it.
    func login(_ login: String, password: String = ConsoleFixture.password) async throws -> Reply {
        let reply = try await send(.post, "/login", form: "login=\(login)&password=\(password)", token: false)
        if let set = reply.headers[.setCookie], let value = set.split(separator: ";").first?.split(separator: "=").last {
            cookie = String(value)
            let page = try await send(.get, "/")
            csrf = page.text.firstMatch(of: /data-csrf="([0-9a-f]+)"/).map { String($0.output.1) }
        }
        return reply
    }
}

@Suite("intake console", .serialized)
struct ConsoleTests {
    @Test("Every state-changing route refuses a request without session, without CSRF token or from another origin")
    func routeTable() async throws {
        let fixture = try await ConsoleFixture()
        let id = try #require(fixture.ids["lc-complete.xml"])
        let routes = fixture.server.routes
        #expect(routes.filter(\.changesState).count >= 6)
        #expect(routes.allSatisfy { !$0.changesState || $0.method == .post }, "state changes are POSTs only")
        try await fixture.test { browser in
            #expect(try await browser.login("chief").status == .seeOther)
            for route in routes where route.changesState {
                let uri = route.path.replacingOccurrences(of: ":id", with: id)
                let body = #"{"base":1,"values":{},"outcome":"refuse","reason":"x","document":"form"}"#
                let foreign = try await browser.send(.post, uri, json: body, origin: "http://evil.example")
                #expect(foreign.status == .forbidden, "\(route.path) from another origin: \(foreign.status)")
                let noOrigin = try await browser.send(.post, uri, json: body, origin: nil)
                #expect(noOrigin.status == .forbidden, "\(route.path) without Origin: \(noOrigin.status)")
                guard !route.isPublic else { continue }
                let noToken = try await browser.send(.post, uri, json: body, token: false)
                #expect(noToken.status == .forbidden, "\(route.path) without CSRF token: \(noToken.status)")
                let noSession = try await browser.send(.post, uri, json: body, session: false)
                #expect(noSession.status == .unauthorized, "\(route.path) without session: \(noSession.status)")
            }
            // Nothing was decided or revised by any of those.
            #expect(try fixture.store.decision(submission: id) == nil)
            let entry = try #require(try fixture.store.queueEntry(submission: id))
            #expect(try Pipeline.result(in: URL(fileURLWithPath: entry.folder)).revision == nil)
            for route in routes where !route.changesState && !route.isPublic {
                let uri = route.path.replacingOccurrences(of: ":id", with: id).replacingOccurrences(of: ":page", with: "1")
                let anonymous = try await browser.send(.get, uri, session: false)
                #expect([.unauthorized, .seeOther].contains(anonymous.status), "\(route.path) without session: \(anonymous.status)")
            }
        }
    }

    @Test("Ids in URLs are 16 hex digits or 404: traversal never reaches the disk")
    func traversal() async throws {
        let fixture = try await ConsoleFixture()
        try await fixture.test { browser in
            _ = try await browser.login("chief")
            for bad in ["/s/..%2F..%2Fetc%2Fpasswd", "/s/%2e%2e", "/s/0123456789ABCDEF", "/s/0123456789abcdef0",
                        "/api/v1/submissions/..%2Fresult.json", "/s/0123456789abcdef/page/..%2F..%2Fledger.sqlite",
                        "/static/..%2Fconsole.js", "/static/templates%2Flogin.mustache"] {
                let reply = try await browser.send(.get, bad)
                #expect(reply.status == .notFound, "\(bad): \(reply.status)")
            }
        }
    }

    @Test("A unit name <script>alert(1)</script> is escaped on every page and in the JSON")
    func escaping() async throws {
        let text = try String(contentsOfFile: Repository.sample("lc-complete.xml"), encoding: .utf8)
        let name = try #require(text.firstMatch(of: /<unitName>([^<]+)<\/unitName>/)).output.1
        let hostile = text.replacingOccurrences(of: "<unitName>\(name)</unitName>", with: "<unitName>&lt;script&gt;alert(1)&lt;/script&gt;</unitName>")
        let fixture = try await ConsoleFixture(samples: [], extra: [("hostile.xml", hostile)])
        let id = try #require(fixture.ids["hostile.xml"])
        try await fixture.test { browser in
            _ = try await browser.login("chief")
            for uri in ["/", "/s/\(id)", "/?q=\(id)", "/stats"] {
                let page = try await browser.send(.get, uri)
                #expect(page.status == .ok, "\(uri)")
                #expect(!page.text.contains("<script>alert"), "\(uri) carries the script unescaped")
                if uri != "/stats" { #expect(page.text.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;") || page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(uri)") }
                #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
            }
            let json = try await browser.send(.get, "/api/v1/queue")
            #expect(json.headers[.contentType]?.hasPrefix("application/json") == true)
        }
        // No template prints a value unescaped.
        let templates = Repository.root.appendingPathComponent("Sources/Console/Assets/templates")
        for file in try FileManager.default.contentsOfDirectory(atPath: templates.path) {
            let body = try String(contentsOf: templates.appendingPathComponent(file), encoding: .utf8)
            #expect(!body.contains("{{{") && !body.contains("{{&"), "\(file) has an unescaped value")
        }
    }

    @Test("Five wrong passwords lock the account for 15 minutes; the lock ends; the message never tells which")
    func lockout() async throws {
        let fixture = try await ConsoleFixture()
        try await fixture.test { browser in
            let unknown = try await browser.login("nobody", password: "whatever-password")
            #expect(unknown.status == .unauthorized)
            var wrongText = ""
            for _ in 0..<5 {
                let wrong = try await browser.login("clerk1", password: "not-the-password")
                #expect(wrong.status == .unauthorized)
                wrongText = wrong.text
            }
            #expect(wrongText == unknown.text, "unknown login and wrong password look the same")
            let locked = try await browser.login("clerk1")
            #expect(locked.status == .unauthorized, "the right password is refused while locked")
            fixture.clock.advance(14 * 60)
            #expect(try await browser.login("clerk1").status == .unauthorized)
            fixture.clock.advance(2 * 60)
            #expect(try await browser.login("clerk1").status == .seeOther)
        }
        let failed = try fixture.store.auditRows().filter { $0.action == "login-failed" }
        #expect(failed.count == 8)
    }

    @Test("A disabled account is out at its next request; a session ends after 15 idle minutes; login rotates the id")
    func sessions() async throws {
        let fixture = try await ConsoleFixture()
        try await fixture.test { browser in
            _ = try await browser.login("clerk1")
            let first = browser.cookie
            #expect(try await browser.send(.get, "/api/v1/queue").status == .ok)
            _ = try await browser.login("clerk1")
            #expect(browser.cookie != first)
            let stale = Browser(client: browser.client)
            stale.cookie = first
            #expect(try await stale.send(.get, "/api/v1/queue").status == .unauthorized, "the id before login is dead")
            fixture.clock.advance(16 * 60)
            #expect(try await browser.send(.get, "/api/v1/queue").status == .unauthorized, "idle for 16 minutes")
            _ = try await browser.login("clerk1")
            #expect(try fixture.store.setDisabled(login: "clerk1", true))
            #expect(try await browser.send(.get, "/api/v1/queue").status == .unauthorized)
            let cookie = try await browser.send(.post, "/login", form: "login=chief&password=\(ConsoleFixture.password)", session: false, token: false)
            let set = try #require(cookie.headers[.setCookie])
            #expect(set.contains("HttpOnly") && set.contains("SameSite=Strict"))
        }
    }

    @Test("A clerk sees only the offices it serves; lists and audit never show an ID number in full")
    func officesAndMasking() async throws {
        let fixture = try await ConsoleFixture(samples: ["lc-bad-id-check.xml", "lc-complete.xml", "ly-complete.xml"])
        let guanxian = try #require(fixture.ids["lc-bad-id-check.xml"])
        let linyi = try #require(fixture.ids["ly-complete.xml"])
        try await fixture.test { browser in
            _ = try await browser.login("clerk1")
            let list = try await browser.send(.get, "/api/v1/queue")
            #expect(list.text.contains(guanxian))
            #expect(!list.text.contains(linyi), "a 冠县 clerk does not see 临沂")
            #expect(try await browser.send(.get, "/s/\(linyi)").status == .notFound)
            for page in [list.text, try await browser.send(.get, "/").text, try await browser.send(.get, "/?q=0523").text] {
                // The session's CSRF token (64 hex digits) may hold 18 decimal ones in a row: not an ID number.
                let shown = page.replacing(/[0-9a-f]{32,}/, with: "")
                #expect(shown.firstMatch(of: /\d{17}[\dX]/) == nil, "an ID number in full on a list")
            }
            #expect(try await browser.send(.get, "/?q=0523").text.contains(guanxian), "search by the last 4 of an ID number")
            // Correcting the ID number: the audit keeps it masked, and its hash.
            let fixed = "37152519761130052" + Self.checkCharacter("37152519761130052")
            let reply = try await browser.send(.post, "/api/v1/submissions/\(guanxian)/finish",
                                               json: #"{"base":1,"values":{"legalRepIdNumber":"\#(fixed)"}}"#)
            #expect(reply.status == .ok, "\(reply.text)")
        }
        for row in try fixture.store.auditRows() {
            for text in [row.beforeMasked, row.afterMasked, row.reason].compactMap({ $0 }) {
                #expect(text.firstMatch(of: /\d{17}[\dX]/) == nil, "audit row \(row.seq) shows \(text)")
            }
        }
        #expect(try fixture.store.auditRows().contains { $0.action == "correct" && $0.afterMasked == "371525********" + "052" + Self.checkCharacter("37152519761130052") })
    }

    @Test("Finishing writes revision 2 with corrections; checks and PDFs run again; a second save of revision 1 is refused")
    func revisions() async throws {
        let fixture = try await ConsoleFixture()
        let id = try #require(fixture.ids["lc-bad-id-check.xml"])
        let entry = try #require(try fixture.store.queueEntry(submission: id))
        let folder = URL(fileURLWithPath: entry.folder)
        let before = try Pipeline.result(in: folder)
        #expect(before.status == .incomplete)
        let originalNotice = try Data(contentsOf: folder.appendingPathComponent("notice.pdf"))
        let fixed = "37152519761130052" + Self.checkCharacter("37152519761130052")
        try await fixture.test { browser in
            _ = try await browser.login("clerk1")
            let saved = try await browser.send(.post, "/api/v1/submissions/\(id)/finish",
                                               json: #"{"base":1,"values":{"legalRepIdNumber":"\#(fixed)","unitName":"冠县鲁西农机配件有限公司"},"times":{"legalRepIdNumber":2400}}"#)
            #expect(saved.status == .ok, "\(saved.text)")
            let again = try await browser.send(.post, "/api/v1/submissions/\(id)/finish",
                                               json: #"{"base":1,"values":{"legalRepIdNumber":"371525197611300523"}}"#)
            #expect(again.status == .conflict)
            #expect(again.text.contains("其他人修改"))
        }
        let after = try Pipeline.result(in: folder)
        #expect(after.revision == 2)
        #expect(after.status == .accepted, "the corrected ID passes its check")
        let corrections = try #require(after.corrections)
        #expect(corrections.count == 1, "the unchanged unit name is a confirmation, not a correction")
        #expect(corrections.first?.field == "legalRepIdNumber" && corrections.first?.clerk == "clerk1")
        #expect(corrections.first?.before == .text("371525197611300523") && corrections.first?.after == .text(fixed))
        #expect(after.fields.first { $0.key == "unitName" }?.source?.verifiedBy == "clerk1")
        #expect(after.outputs.notice == nil, "nothing left to notify")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("notice.pdf").path))
        // Revision 1 stays whole beside it.
        let kept = folder.appendingPathComponent("revisions/1")
        #expect(try Pipeline.result(in: kept) == before)
        #expect(try Data(contentsOf: kept.appendingPathComponent("notice.pdf")) == originalNotice)
        #expect(try fixture.store.auditRows(submission: id).map(\.action).sorted() == ["confirm", "correct"])
        #expect(try fixture.store.verifyAudit().ok)
    }

    @Test("The clerk sets 本人/委托 and the declared conditions on the page; materials and status follow; each is audited")
    func handlingAndConditions() async throws {
        let fixture = try await ConsoleFixture(samples: ["lc-entrusted-missing-poa.xml", "lc-complete.xml"])
        let entrusted = try #require(fixture.ids["lc-entrusted-missing-poa.xml"])
        let inPerson = try #require(fixture.ids["lc-complete.xml"])
        let folder = URL(fileURLWithPath: try #require(try fixture.store.queueEntry(submission: entrusted)).folder)
        #expect(try Pipeline.result(in: folder).materials.first { $0.id == "power-of-attorney" }?.status == .missing)
        try await fixture.test { browser in
            _ = try await browser.login("clerk1")
            let page = try await browser.send(.get, "/s/\(entrusted)")
            #expect(page.text.contains(#"value="委托" checked"#))
            #expect(page.text.contains("一网通办") && page.text.contains("class=\"declared\""))
            let bad = try await browser.send(.post, "/api/v1/submissions/\(entrusted)/finish",
                                             json: #"{"base":1,"values":{},"handling":"他人"}"#)
            #expect(bad.status == .badRequest)
            // The agent was only the applicant's driver: handled in person, no 授权委托书 needed.
            let saved = try await browser.send(.post, "/api/v1/submissions/\(entrusted)/finish",
                                               json: #"{"base":1,"values":{},"handling":"本人"}"#)
            #expect(saved.status == .ok, "\(saved.text)")
            // A company registered through 一网通办 needs no materials at all (000:18).
            let declared = try await browser.send(.post, "/api/v1/submissions/\(inPerson)/finish",
                                                  json: #"{"base":1,"values":{},"conditions":["one-net-registered"]}"#)
            #expect(declared.status == .ok, "\(declared.text)")
            let again = try await browser.send(.get, "/s/\(inPerson)")
            #expect(again.text.contains(#"value="one-net-registered" checked"#))
        }
        let after = try Pipeline.result(in: folder)
        #expect(after.handling == "本人")
        #expect(after.materials.first { $0.id == "power-of-attorney" }?.status != .missing)
        #expect(!after.problems.contains { $0.code == .missingMaterial })
        let exempt = try Pipeline.result(in: URL(fileURLWithPath: try #require(try fixture.store.queueEntry(submission: inPerson)).folder))
        #expect(exempt.materials.first { $0.id == "approval-document" }?.status == .exempt)
        #expect(try fixture.store.auditRows(submission: entrusted).contains { $0.action == "handling" })
        #expect(try fixture.store.auditRows(submission: inPerson).contains { $0.action == "conditions" })
    }

    @Test("Checking the file again (revalidate, process --reprocess) keeps what the clerk settled and the revisions")
    func recheckKeepsCorrections() async throws {
        let fixture = try await ConsoleFixture()
        let id = try #require(fixture.ids["lc-bad-id-check.xml"])
        let folder = URL(fileURLWithPath: try #require(try fixture.store.queueEntry(submission: id)).folder)
        let fixed = "37152519761130052" + Self.checkCharacter("37152519761130052")
        try await fixture.test { browser in
            _ = try await browser.login("clerk1")
            let saved = try await browser.send(.post, "/api/v1/submissions/\(id)/finish",
                                               json: #"{"base":1,"values":{"legalRepIdNumber":"\#(fixed)"},"materialsSeen":["agent-id"]}"#)
            #expect(saved.status == .ok, "\(saved.text)")
        }
        let today = CalendarDate(year: 2026, month: 12, day: 7)
        var options = Pipeline.Options(outputRoot: fixture.dir.url.appendingPathComponent("out"), reprocess: true, today: today)
        options.writeOutputs = false
        guard case .processed(let checked) = Pipeline(catalog: Repository.catalog, options: options)
            .process(path: Repository.sample("lc-bad-id-check.xml"), now: fixture.clock.now) else {
            Issue.record("not processed"); return
        }
        #expect(checked.status == .accepted, "a re-check starts from the clerk's value, not the misread one")
        #expect(checked.revision == 2 && checked.corrections?.count == 1)
        options.writeOutputs = true
        guard case .processed(let written) = Pipeline(catalog: Repository.catalog, options: options)
            .process(path: Repository.sample("lc-bad-id-check.xml"), now: fixture.clock.now) else {
            Issue.record("not processed"); return
        }
        #expect(written.status == .accepted && written.revision == 2)
        #expect(written.fields.first { $0.key == "legalRepIdNumber" }?.value == .text(fixed))
        #expect(written.attachments.contains { $0.name == "agent-id" }, "the 原件已核 tick stands")
        #expect(try Pipeline.result(in: folder.appendingPathComponent("revisions/1")).revision == nil, "revision 1 kept")
    }

    @Test("A correction cut off between its claim and its folder is given back at start-up, with an audit row")
    func interruptedCorrection() async throws {
        let fixture = try await ConsoleFixture()
        let id = try #require(fixture.ids["lc-bad-id-check.xml"])
        // What a SIGKILL after the claim's commit and before the folder's rename leaves behind.
        let claimed = AuditEntry(at: fixture.clock.now, clerk: "clerk1", address: "127.0.0.1", action: "correct",
                                 submission: id, field: "legalRepIdNumber")
        #expect(try fixture.store.claimRevision(submission: id, revision: 2, clerk: "clerk1", at: fixture.clock.now, audit: [claimed]))
        var settings = ConsoleSettings(output: fixture.dir.url.appendingPathComponent("out"),
                                       state: fixture.dir.url.appendingPathComponent("state"))
        settings.today = CalendarDate(year: 2026, month: 12, day: 7)
        let clock = fixture.clock
        let restarted = try await ConsoleServer(settings: settings, pipeline: Pipeline(catalog: Repository.catalog, options: .init(
            outputRoot: settings.output, reprocess: true, today: settings.today)), bcryptCost: 4, now: { clock.now })
        let rows = try fixture.store.auditRows(submission: id)
        #expect(rows.map(\.action).reversed() == ["correct", "correct-lost"], "newest first")
        #expect(try fixture.store.claimedRevisions().isEmpty)
        #expect(try fixture.store.verifyAudit().ok)
        try await restarted.application().test(.router) { client in
            let browser = Browser(client: client)
            _ = try await browser.login("clerk1")
            let saved = try await browser.send(.post, "/api/v1/submissions/\(id)/finish", json: #"{"base":1,"values":{}}"#)
            #expect(saved.status == .ok, "the submission can be corrected again: \(saved.text)")
            // Killed while saving revision 3, and not restarted since: the next save gives the claim back itself.
            #expect(try fixture.store.claimRevision(submission: id, revision: 3, clerk: "clerk1", at: clock.now, audit: []))
            let again = try await browser.send(.post, "/api/v1/submissions/\(id)/finish", json: #"{"base":2,"values":{}}"#)
            #expect(again.status == .ok, "\(again.text)")
            #expect(try fixture.store.auditRows(submission: id).filter { $0.action == "correct-lost" }.count == 2)
        }
        // A claim the folder did get is left alone.
        _ = try await ConsoleServer(settings: settings, pipeline: Pipeline(catalog: Repository.catalog, options: .init(
            outputRoot: settings.output, reprocess: true, today: settings.today)), bcryptCost: 4, now: { clock.now })
        #expect(try fixture.store.claimedRevisions().map(\.revision) == [3])
    }

    @Test("An item without a form: in the queue by the item's name, its applicant verified like fields, accepted, its receipt printed")
    func itemWithoutForm() async throws {
        let fixture = try await ConsoleFixture(samples: ["lc-item-remote-filing-complete.xml", "lc-item-inpatient-reimbursement-missing.xml"])
        let id = try #require(fixture.ids["lc-item-remote-filing-complete.xml"])
        let missing = try #require(fixture.ids["lc-item-inpatient-reimbursement-missing.xml"])
        try await fixture.test { browser in
            _ = try await browser.login("clerk1")
            let queue = try await browser.send(.get, "/")
            #expect(queue.text.contains("长期异地就医备案") && queue.text.contains("长期异地就医人员住院医疗费用手工报销"))
            let page = try await browser.send(.get, "/s/\(id)")
            #expect(page.status == .ok)
            #expect(page.text.contains("申请人姓名") && page.text.contains("王秀英"))
            #expect(try await browser.send(.get, "/s/\(missing)").text.contains("出院记录"))
            let decided = try await browser.send(.post, "/api/v1/submissions/\(id)/decide", json: #"{"outcome":"accept"}"#)
            #expect(decided.status == .ok, "\(decided.text)")
            let receipt = try await browser.send(.post, "/api/v1/submissions/\(id)/print", json: #"{"document":"receipt"}"#)
            #expect(receipt.status == .ok)
            let file = fixture.dir.path("item-receipt.pdf")
            try Data(receipt.bytes).write(to: URL(fileURLWithPath: file))
            let text = squeezed(try pdfText(file))
            #expect(text.contains("受理回执") && text.contains("长期异地就医备案") && text.contains("王秀英") && text.contains("居住证"))
            // An item without a form has no form to print.
            #expect(try await browser.send(.post, "/api/v1/submissions/\(id)/print", json: #"{"document":"form"}"#).status == .conflict)
        }
    }

    @Test("Decide and print: 办件编号, one audit row per print, a reprint needs a reason, receipts only after 受理")
    func decideAndPrint() async throws {
        let fixture = try await ConsoleFixture(samples: ["lc-bad-id-check.xml", "lc-complete.xml", "lc-entrusted-complete.xml"])
        let id = try #require(fixture.ids["lc-complete.xml"])
        let faulty = try #require(fixture.ids["lc-bad-id-check.xml"])
        try await fixture.test { browser in
            _ = try await browser.login("clerk1")
            #expect(try await browser.send(.post, "/api/v1/submissions/\(faulty)/decide", json: #"{"outcome":"accept"}"#).status == .conflict)
            #expect(try await browser.send(.post, "/api/v1/submissions/\(faulty)/decide", json: #"{"outcome":"refuse"}"#).status == .badRequest)
            #expect(try await browser.send(.post, "/api/v1/submissions/\(id)/print", json: #"{"document":"receipt"}"#).status == .conflict)
            let decided = try await browser.send(.post, "/api/v1/submissions/\(id)/decide", json: #"{"outcome":"accept"}"#)
            #expect(decided.status == .ok)
            #expect(decided.text.contains(#""caseNumber":"371502-20261207-0001""#), "\(decided.text)")
            let receipt = try await browser.send(.post, "/api/v1/submissions/\(id)/print", json: #"{"document":"receipt"}"#)
            #expect(receipt.status == .ok)
            #expect(receipt.headers[.contentType] == "application/pdf")
            let file = fixture.dir.path("receipt.pdf")
            try Data(receipt.bytes).write(to: URL(fileURLWithPath: file))
            let text = squeezed(try pdfText(file))
            #expect(text.contains("受理回执") && text.contains("371502-20261207-0001") && text.contains("经办人：李窗口"))
            #expect(text.contains("2026年12月7日"))
            #expect(try await browser.send(.post, "/api/v1/submissions/\(id)/print", json: #"{"document":"receipt"}"#).status == .badRequest)
            #expect(try await browser.send(.post, "/api/v1/submissions/\(id)/print", json: #"{"document":"receipt","reason":"卡纸"}"#).status == .ok)
            #expect(try await browser.send(.post, "/api/v1/submissions/\(id)/print", json: #"{"document":"form"}"#).status == .ok)
            // Numbers count per office and day.
            let refused = try await browser.send(.post, "/api/v1/submissions/\(faulty)/decide", json: #"{"outcome":"refuse","reason":"非本单位申请"}"#)
            #expect(refused.text.contains("371525-20261207-0001"))
            let other = try #require(fixture.ids["lc-entrusted-complete.xml"])
            let next = try await browser.send(.post, "/api/v1/submissions/\(other)/decide", json: #"{"outcome":"accept"}"#)
            #expect(next.text.contains("371500-20261207-0001"), "\(next.text)")
        }
        let prints = try fixture.store.auditRows(submission: id).filter { ["print", "reprint"].contains($0.action) }
        #expect(prints.map(\.action) == ["print", "reprint", "print"], "newest first: form print, receipt reprint, receipt print")
        #expect(prints.first { $0.action == "reprint" }?.reason == "卡纸")
    }

    @Test("On a PostgreSQL ledger: log in, finish a correction → revision 2, decide with a 办件编号; the audit verifies")
    func postgresLedger() async throws {
        let url = try PostgresServer.shared().makeDatabase("console")
        let fixture = try await ConsoleFixture(ledger: url)
        #expect(fixture.store is PostgresConsoleStore)
        let id = try #require(fixture.ids["lc-bad-id-check.xml"])
        let complete = try #require(fixture.ids["lc-complete.xml"])
        let folder = URL(fileURLWithPath: try #require(try fixture.store.queueEntry(submission: id)).folder)
        let fixed = "37152519761130052" + Self.checkCharacter("37152519761130052")
        try await fixture.test { browser in
            #expect(try await browser.login("clerk1").status == .seeOther)
            let saved = try await browser.send(.post, "/api/v1/submissions/\(id)/finish",
                                               json: #"{"base":1,"values":{"legalRepIdNumber":"\#(fixed)","unitName":"冠县鲁西农机配件有限公司"},"times":{"legalRepIdNumber":2400}}"#)
            #expect(saved.status == .ok, "\(saved.text)")
            let again = try await browser.send(.post, "/api/v1/submissions/\(id)/finish", json: #"{"base":1,"values":{}}"#)
            #expect(again.status == .conflict)
            let decided = try await browser.send(.post, "/api/v1/submissions/\(complete)/decide", json: #"{"outcome":"accept"}"#)
            #expect(decided.text.contains(#""caseNumber":"371502-20261207-0001""#), "\(decided.text)")
            let found = try await browser.send(.get, "/api/v1/queue?q=371502-20261207-0001")
            #expect(found.status == .ok && found.text.contains(complete))
            // Another console's claim of revision 3: fresh, it may be a save in progress; a minute old, it is dead.
            #expect(try fixture.store.claimRevision(submission: id, revision: 3, clerk: "chief", at: fixture.clock.now, audit: []))
            let busy = try await browser.send(.post, "/api/v1/submissions/\(id)/finish", json: #"{"base":2,"values":{}}"#)
            #expect(busy.status == .conflict)
            fixture.clock.advance(61)
            let taken = try await browser.send(.post, "/api/v1/submissions/\(id)/finish", json: #"{"base":2,"values":{}}"#)
            #expect(taken.status == .ok, "\(taken.text)")
        }
        #expect(try Pipeline.result(in: folder).revision == 3)
        #expect(try fixture.store.auditRows(submission: id).map(\.action).sorted() == ["confirm", "correct", "correct-lost"])
        #expect(try fixture.store.auditRows().contains { $0.action == "login" && $0.clerk == "clerk1" })
        #expect(try fixture.store.decision(submission: complete)?.outcome == "accept")
        let verified = try fixture.store.verifyAudit()
        #expect(verified.ok && verified.rows >= 4)
        #expect(!FileManager.default.fileExists(atPath: fixture.dir.path("state/ledger.sqlite")), "nothing went to SQLite")
    }

    @Test("The audit trail is append-only in the database and its chain shows any change")
    func auditChain() throws {
        let dir = try TemporaryDirectory("audit")
        let path = dir.path("ledger.sqlite")
        let store = try SQLiteConsoleStore(path: path)
        for i in 0..<20 {
            try store.audit(AuditEntry(at: Date(timeIntervalSince1970: Double(i)), clerk: "c", address: "127.0.0.1", action: "open",
                                       submission: "0123456789abcdef", before: "371525197611300523", beforeMasked: "371525********0523"))
        }
        let verified = try store.verifyAudit()
        #expect(verified.rows == 20 && verified.ok)
        let db = try DatabaseQueue(path: path)
        #expect(throws: (any Error).self) { try db.write { try $0.execute(sql: "UPDATE audit SET clerk = 'x' WHERE seq = 3") } }
        #expect(throws: (any Error).self) { try db.write { try $0.execute(sql: "DELETE FROM audit WHERE seq = 3") } }
        // Around the triggers (as a forger with the file would): the chain says where.
        try db.write { db in
            try db.execute(sql: "DROP TRIGGER audit_no_update")
            try db.execute(sql: "UPDATE audit SET clerk = 'x' WHERE seq = 7")
        }
        #expect(try store.verifyAudit().brokenAt == 7)
    }

    @Test("A counter upload lands in the inbox whole, under a name of its own")
    func upload() async throws {
        let fixture = try await ConsoleFixture(samples: [])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Repository.sample("lc-complete.xml")))
        try await fixture.test { browser in
            _ = try await browser.login("clerk1")
            var headers: HTTPFields = [.origin: "http://localhost", .cookie: "intake_session=\(browser.cookie!)"]
            headers[HTTPField.Name("X-CSRF-Token")!] = browser.csrf
            let reply = try await browser.client.execute(uri: "/api/v1/upload?name=..%2F..%2Fevil.xml", method: .post, headers: headers,
                                                         body: ByteBuffer(bytes: bytes)) { $0 }
            #expect(reply.status == .ok)
        }
        let inbox = fixture.dir.url.appendingPathComponent("inbox")
        let files = try FileManager.default.contentsOfDirectory(atPath: inbox.path)
        #expect(files.count == 1)
        let name = try #require(files.first)
        #expect(name.hasPrefix("counter-") && name.hasSuffix("-evil.xml"))
        #expect(try Data(contentsOf: inbox.appendingPathComponent(name)) == bytes)
        #expect(!FileManager.default.fileExists(atPath: fixture.dir.path("evil.xml")))
    }

    @Test("A folder dropped on the queue enters the inbox whole, with its ready marker, once; a faulty one not at all")
    func folderUpload() async throws {
        let fixture = try await ConsoleFixture(samples: [])
        let xml = try Data(contentsOf: URL(fileURLWithPath: Repository.sample("lc-complete.xml")))
        let material = Data("%PDF-1.4 not really a scan".utf8)
        @Sendable func multipart(_ files: [(String, Data)]) -> (String, ByteBuffer) {
            let boundary = "----intake-test-boundary"
            var body = Data()
            for (name, data) in files {
                body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\n".utf8)
                body += Data("Content-Type: application/octet-stream\r\n\r\n".utf8) + data + Data("\r\n".utf8)
            }
            body += Data("--\(boundary)--\r\n".utf8)
            return ("multipart/form-data; boundary=\(boundary)", ByteBuffer(bytes: body))
        }
        let inbox = fixture.dir.url.appendingPathComponent("inbox")
        final class Replies: @unchecked Sendable { var ids: [String] = [] }
        let replies = Replies()
        try await fixture.test { browser in
            _ = try await browser.login("clerk1")
            func send(_ files: [(String, Data)]) async throws -> Browser.Reply {
                let (type, body) = multipart(files)
                var headers: HTTPFields = [.origin: "http://localhost", .cookie: "intake_session=\(browser.cookie!)", .contentType: type]
                headers[HTTPField.Name("X-CSRF-Token")!] = browser.csrf
                return try await browser.client.execute(uri: "/api/v1/upload/folder?name=%E7%94%B3%E8%AF%B7%E6%9D%90%E6%96%99",
                                                        method: .post, headers: headers, body: body) { response in
                    Browser.Reply(status: response.status, text: String(buffer: response.body), headers: response.headers, bytes: [])
                }
            }
            let twice = try await send([("scan/a.pdf", material), ("b/a.pdf", material)])
            #expect(twice.status == .badRequest && twice.text.contains("同名"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: inbox.path).isEmpty, "nothing written, not even a staging folder")
            for _ in 0..<2 {
                let reply = try await send([("submission.xml", xml), ("../../approval.pdf", material), ("READY", Data()), (".DS_Store", Data())])
                #expect(reply.status == .ok, "\(reply.text)")
                replies.ids += [reply.text.firstMatch(of: /"id":"([0-9a-f]{16})"/).map { String($0.output.1) } ?? "-"]
            }
        }
        let ids = replies.ids
        let entries = try FileManager.default.contentsOfDirectory(atPath: inbox.path)
        #expect(entries.count == 1, "the same folder twice is one submission: \(entries)")
        let folder = inbox.appendingPathComponent(try #require(entries.first))
        #expect(folder.lastPathComponent == "counter-\(ids[0])-申请材料" && ids[0] == ids[1])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["READY", "approval.pdf", "submission.xml"])
        #expect(!FileManager.default.fileExists(atPath: fixture.dir.path("approval.pdf")))
        // The id is the one the inbox gives the folder.
        let pipeline = Pipeline(catalog: Repository.catalog, options: .init(outputRoot: fixture.dir.url.appendingPathComponent("out2")))
        #expect(SubmissionID.make(sha256: try pipeline.bundle(folder: folder, path: folder.path).sha256) == ids[0])
        #expect(try fixture.store.auditRows(submission: ids[0]).map(\.action) == ["upload"])
    }

    @Test("The 科长 finds the revalidation reports on /stats; a report opens only by a listed run name, for 科长")
    func revalidationReports() async throws {
        let fixture = try await ConsoleFixture(samples: [])
        let reports = fixture.dir.url.appendingPathComponent("out/reports")
        try FileManager.default.createDirectory(at: reports.appendingPathComponent("run-2026-12"), withIntermediateDirectories: true)
        try Data("<html><style>h1{}</style><h1>重新校验报告</h1></html>".utf8)
            .write(to: reports.appendingPathComponent("run-2026-12/report.html"))
        try FileManager.default.createDirectory(at: reports.appendingPathComponent("linked"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: reports.appendingPathComponent("linked/report.html").path,
                                                   withDestinationPath: "/etc/passwd")
        try await fixture.test { browser in
            _ = try await browser.login("chief")
            let stats = try await browser.send(.get, "/stats")
            #expect(stats.text.contains(#"href="/reports/run-2026-12""#))
            #expect(!stats.text.contains("/reports/linked"), "a link is not a report")
            let report = try await browser.send(.get, "/reports/run-2026-12")
            #expect(report.status == .ok && report.text.contains("重新校验报告"))
            #expect(report.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            for uri in ["/reports/linked", "/reports/..%2F..%2Fstate", "/reports/missing"] {
                #expect(try await browser.send(.get, uri).status == .notFound, "\(uri)")
            }
            let clerk = Browser(client: browser.client)
            _ = try await clerk.login("clerk1")
            #expect(try await clerk.send(.get, "/reports/run-2026-12").status == .forbidden)
        }
    }

    /// GB 11643's check character of the first 17 digits.
    static func checkCharacter(_ digits: String) -> String {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(digits, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return String(Array("10X98765432")[sum % 11])
    }
}
