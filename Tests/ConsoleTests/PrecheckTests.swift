import Console
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IntakeCore
import IntakeTestSupport
import Ledger
import Pipeline
import Readers
import Testing

/// 网上预审 over a temporary state folder and inbox, on a clock the test moves.
final class PrecheckFixture: @unchecked Sendable {
    let dir: TemporaryDirectory
    let server: PrecheckServer
    let clock = TestClock(Date(timeIntervalSince1970: 1_796_616_000)) // 2026-12-07 12:00 in China
    let inbox: URL

    init(recognizer: PageRecognizer? = nil, configure: (inout PrecheckSettings) -> Void = { _ in }) async throws {
        dir = try TemporaryDirectory("precheck")
        inbox = dir.url.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        var settings = PrecheckSettings(folder: dir.url.appendingPathComponent("state/precheck"))
        settings.inbox = inbox
        settings.today = CalendarDate(year: 2026, month: 12, day: 7)
        configure(&settings)
        let clock = clock
        server = try await PrecheckServer(settings: settings, catalog: Repository.catalog,
                                          options: .init(outputRoot: dir.url.appendingPathComponent("unused"), recognizer: recognizer),
                                          ledger: try openConsoleStore(ledger: nil, state: dir.url.appendingPathComponent("state")),
                                          now: { clock.now })
    }

    func test(_ body: @escaping @Sendable (Applicant) async throws -> Void) async throws {
        try await server.application().test(.router) { client in try await body(Applicant(client: client)) }
    }
}

/// A browser without cookies: forms as multipart or urlencoded, the Origin of the page.
struct Applicant: Sendable {
    let client: any TestClientProtocol
    static let boundary = "----precheck-test"

    struct Reply { let status: HTTPResponse.Status; let text: String; let headers: HTTPFields; let bytes: [UInt8] }

    func get(_ uri: String) async throws -> Reply {
        try await client.execute(uri: uri, method: .get, headers: [:], body: nil) { r in
            Reply(status: r.status, text: String(buffer: r.body), headers: r.headers, bytes: Array(buffer: r.body))
        }
    }

    func post(_ uri: String, fields: [(String, String)] = [], files: [(String, String, [UInt8])] = [],
              origin: String? = "http://localhost") async throws -> Reply {
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for (name, file, bytes) in files {
            body += Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(file)\"\r\n".utf8)
            body += Array("Content-Type: application/octet-stream\r\n\r\n".utf8) + bytes + Array("\r\n".utf8)
        }
        body += Array("--\(Self.boundary)--\r\n".utf8)
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(Self.boundary)"]
        if let origin { headers[.origin] = origin }
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body)) { r in
            Reply(status: r.status, text: String(buffer: r.body), headers: r.headers, bytes: Array(buffer: r.body))
        }
    }

    /// Uploads and follows the redirect to the answer; the answer page and its id.
    func check(_ item: String, region: String = "371500", district: String = "东昌府区", fields: [(String, String)] = [],
               files: [(String, String, [UInt8])]) async throws -> (id: String, page: Reply) {
        let sent = try await post("/precheck/item/\(region)/\(item)/check", fields: [("district", district), ("handling", "本人")] + fields,
                                  files: files)
        #expect(sent.status == .seeOther, "\(sent.text)")
        let location = try #require(sent.headers[.location])
        let id = String(location.split(separator: "/").last ?? "")
        var page = try await get(location)
        // A slow check answers on the page that follows: it says so and refreshes. A scan's OCR
        // on a loaded 2-core machine has taken over 30 s: wait up to 90.
        for _ in 0..<900 where page.headers[HTTPField.Name("Refresh")!] != nil {
            try await Task.sleep(for: .milliseconds(100))
            page = try await get(location)
        }
        return (id, page)
    }
}

func sample(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: Repository.sample(name)))) }

@Suite("网上预审", .serialized)
struct PrecheckTests {
    @Test("An applicant finds the item by everyday words; its page states the materials with the guide by name, and the offices")
    func findItem() async throws {
        let fixture = try await PrecheckFixture()
        try await fixture.test { applicant in
            let found = try await applicant.get("/precheck?region=371300&q=%E7%94%9F%E8%82%B2%E6%B4%A5%E8%B4%B4")
            #expect(found.status == .ok)
            #expect(found.text.contains("/precheck/item/371300/maternity-allowance"), "生育津贴 finds the 临沂 item")
            let none = try await applicant.get("/precheck?region=371300&q=%E7%81%AB%E6%98%9F")
            #expect(none.text.contains("没有找到"))
            let item = try await applicant.get("/precheck/item/371500/unit-enrollment")
            #expect(item.text.contains("单位批准成立文件复印件1份") && item.text.contains("聊城市医疗保障经办服务指南“单位基本医疗保险参保登记”申办材料第2项"))
            #expect(item.text.contains("仅委托办理时提供") && item.text.contains("0635-2189313"))
            #expect(item.text.contains("在线填写申请表") && !item.text.contains(".txt"))
            #expect(try await applicant.get("/precheck/item/371500/no-such-item").status == .notFound)
            #expect(found.headers[.setCookie] == nil && item.headers[.setCookie] == nil, "no cookie")
        }
    }

    @Test("A complete XML is answered 材料齐全 with the office; a faulty one gets the window's notice, HTML and PDF, at once")
    func answers() async throws {
        let fixture = try await PrecheckFixture()
        try await fixture.test { applicant in
            let complete = try await applicant.check("unit-enrollment", files: [("application", "lc-complete.xml", try sample("lc-complete.xml"))])
            #expect(complete.page.text.contains("材料齐全，可前往窗口办理"))
            #expect(complete.page.text.contains("聊城市东昌府区博州路联合征缴大厅"))
            let faulty = try await applicant.check("unit-enrollment", files: [("application", "x.xml", try sample("lc-bad-uscc.xml"))])
            #expect(faulty.page.text.contains("一次性告知") && faulty.page.text.contains("统一社会信用代码校验位不正确"))
            let pdf = try await applicant.get("/precheck/r/\(faulty.id)/notice.pdf")
            #expect(pdf.status == .ok && pdf.headers[.contentType] == "application/pdf" && pdf.bytes.starts(with: Array("%PDF".utf8)))
            #expect(try await applicant.get("/precheck/r/\(complete.id)/notice.pdf").status == .notFound, "nothing to notify")
            // Entrusted without the 授权委托书: named with the guide's words and line.
            let entrusted = try await applicant.check("unit-enrollment",
                                                      files: [("application", "a.xml", try sample("lc-entrusted-missing-poa.xml"))])
            #expect(entrusted.page.text.contains("需补齐的申办材料") && entrusted.page.text.contains("委托人授权委托书"))
            #expect(entrusted.page.text.contains("《山东省医疗保障经办政务服务事项清单（2023版）》第58行"))
            // The PDF the window would print cites the guide as the public knows it, never its file.
            let notice = try await applicant.get("/precheck/r/\(entrusted.id)/notice.pdf")
            let file = fixture.dir.path("notice.pdf")
            try Data(notice.bytes).write(to: URL(fileURLWithPath: file))
            let text = try pdfText(file).filter { !$0.isWhitespace }
            #expect(text.contains("依据：《山东省医疗保障经办政务服务事项清单（2023版）》第58行") && !text.contains(".txt"), "\(text)")
        }
    }

    @Test("An item without a form is pre-checked from the applicant typed on the page and the materials")
    func itemWithoutForm() async throws {
        let fixture = try await PrecheckFixture()
        try await fixture.test { applicant in
            let page = try await applicant.get("/precheck/item/371500/employee-remote-filing")
            #expect(page.text.contains("name=\"applicantName\"") && !page.text.contains("name=\"application\""))
            let person = [("applicantName", "王秀英"), ("applicantCode", "371502196505120422")]
            let residence = ("materials", "居住证.pdf", Array("%PDF-1.4\n% a scan\n".utf8))
            let complete = try await applicant.check("employee-remote-filing", fields: person, files: [residence])
            #expect(complete.page.text.contains("材料齐全，可前往窗口办理"), "\(complete.page.text.prefix(1500))")
            let nothing = try await applicant.check("employee-remote-filing", fields: person, files: [])
            #expect(nothing.page.text.contains("需补齐的申办材料") && nothing.page.text.contains("居住证"))
            // A wrong check digit is said as for a form's field.
            let typo = try await applicant.check("employee-remote-filing", fields: [("applicantName", "王秀英"), ("applicantCode", "371502196505120429")],
                                                 files: [residence])
            #expect(typo.page.text.contains("校验码"), "\(typo.page.text.prefix(1500))")
            let missing = try await applicant.post("/precheck/item/371500/employee-remote-filing/check",
                                                   fields: [("district", "东昌府区"), ("handling", "本人")], files: [residence])
            #expect(missing.status == .badRequest)
        }
    }

    @Test("A phone photo of the form is read like a scan and answered")
    func photo() async throws {
        let fixture = try await PrecheckFixture(recognizer: EngineRecognizer())
        try await fixture.test { applicant in
            let photo = Array(try Data(contentsOf: Repository.samples.appendingPathComponent("scans/lc-unit-change-photo.jpg")))
            let answer = try await applicant.check("unit-change", files: [("application", "IMG_20261120_101522.jpg", photo)])
            #expect(answer.page.text.contains("预审结果"), "\(answer.page.text.prefix(600))")
            #expect(answer.page.text.contains("材料齐全，可前往窗口办理"), "\(answer.page.text.prefix(2000))")
            #expect(!answer.page.text.contains("没有找到可以识别的申请表"))
        }
    }

    @Test("The online form is made from the definition; what is typed is checked as the reader would; materials count by name")
    func onlineForm() async throws {
        let fixture = try await PrecheckFixture()
        let xml = String(decoding: try sample("lc-complete.xml"), as: UTF8.self)
        var fields: [(String, String)] = [("online", "1")]
        for match in xml.matches(of: /<(\w+)>([^<]+)<\/\1>/) where !["region", "handling", "submittedOn"].contains(String(match.output.1)) {
            fields.append(("f.\(match.output.1)", String(match.output.2)))
        }
        fields += [("f.insuranceTypes", "医疗保险"), ("f.insuranceTypes", "生育保险")]
        let typed = fields
        try await fixture.test { applicant in
            let page = try await applicant.get("/precheck/item/371500/unit-enrollment/form")
            #expect(page.text.contains(#"name="f.uscc""#) && page.text.contains(#"data-type="uscc""#))
            #expect(page.text.contains(#"type="checkbox" name="f.insuranceTypes" value="生育保险""#))
            let good = try await applicant.check("unit-enrollment", fields: typed,
                                                 files: [("materials", "单位批准成立文件复印件.pdf", Array("%PDF-1.4 scan".utf8))])
            #expect(good.page.text.contains("材料齐全"), "\(good.page.text)")
            // A typo in the ID number: judged exactly as in an uploaded XML.
            let typo = typed.map { $0.0 == "f.legalRepIdNumber" ? ($0.0, "371502197806120413") : $0 }
            let bad = try await applicant.check("unit-enrollment", fields: typo, files: [])
            #expect(bad.page.text.contains("身份证") && bad.page.text.contains("校验") && bad.page.text.contains("单位批准成立文件复印件"))
            #expect(!bad.page.text.contains("371502197806120413"), "the ID number is shown masked")
        }
    }

    @Test("提交到窗口: the upload enters the inbox whole under its 预审号; the window finds it by that number; the receipt prints")
    func handIn() async throws {
        let fixture = try await PrecheckFixture()
        try await fixture.test { applicant in
            let checked = try await applicant.check("unit-enrollment", files: [("application", "lc-complete.xml", try sample("lc-complete.xml"))])
            let sent = try await applicant.post("/precheck/r/\(checked.id)/submit")
            #expect(sent.status == .seeOther)
            let page = try await applicant.get("/precheck/r/\(checked.id)")
            let reference = try #require(page.text.firstMatch(of: /YS20261207-[2-9A-Z]{4}/).map { String($0.output) })
            let receipt = try await applicant.get("/precheck/r/\(checked.id)/receipt.pdf")
            #expect(receipt.status == .ok && receipt.bytes.starts(with: Array("%PDF".utf8)))
            let again = try await applicant.post("/precheck/r/\(checked.id)/submit")
            #expect(again.status == .seeOther)
            let entries = try FileManager.default.contentsOfDirectory(atPath: fixture.inbox.path)
            #expect(entries == ["precheck-\(reference)"], "once, whole, named by the 预审号")
            let folder = fixture.inbox.appendingPathComponent(entries[0])
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("READY").path))
            let told = try Data(contentsOf: folder.appendingPathComponent(".precheck-result.json"))
            #expect(String(decoding: told, as: UTF8.self).contains(#""status" : "accepted""#), "the pre-check's result goes along")
            // The window: `watch` processes the bundle; the clerk searches by the 预审号.
            let output = fixture.dir.url.appendingPathComponent("out")
            let pipeline = Pipeline(catalog: Repository.catalog, options: .init(outputRoot: output))
            guard case .processed(let result) = pipeline.process(bundle: try pipeline.bundle(folder: folder, path: folder.path),
                                                                 path: folder.path, now: fixture.clock.now) else {
                Issue.record("the bundle was not processed"); return
            }
            let store = try SQLiteConsoleStore(path: fixture.dir.url.appendingPathComponent("state/ledger.sqlite").path)
            try store.upsert([QueueEntry(submission: result.id, day: "2026-12-07", folder: result.outputs.directory, status: "accepted",
                                         form: result.form?.title ?? "", item: nil, office: "371502", district: nil, applicant: nil, uscc: nil,
                                         idLast4: nil, flagged: 0, revision: 1, processedAt: result.processedAt)])
            #expect(try store.search(reference).map(\.submission) == [result.id])
        }
    }

    @Test("Refusals: too large, too many files, too often, from another origin, a guessed or expired id; nothing kept")
    func refusals() async throws {
        let fixture = try await PrecheckFixture { settings in
            settings.maxFileBytes = 4096
            settings.maxTotalBytes = 64 << 10
            settings.maxFiles = 3
            settings.checksPerWindow = 6
        }
        let stored = fixture.dir.url.appendingPathComponent("state/precheck")
        @Sendable func kept() throws -> Int { try FileManager.default.contentsOfDirectory(atPath: stored.path).count }
        try await fixture.test { applicant in
            let application = ("application", "lc-complete.xml", try sample("lc-complete.xml"))
            let big = try await applicant.post("/precheck/item/371500/unit-enrollment/check", fields: [("district", "东昌府区")],
                                               files: [application, ("materials", "big.pdf", [UInt8](repeating: 0x25, count: 5000))])
            #expect(big.status == .badRequest && big.text.contains("超过4MB") == false && big.text.contains("big.pdf"))
            let huge = try await applicant.post("/precheck/item/371500/unit-enrollment/check",
                                                files: (0..<40).map { ("materials", "m\($0).pdf", [UInt8](repeating: 1, count: 4000)) })
            #expect(huge.status == .contentTooLarge)
            let many = try await applicant.post("/precheck/item/371500/unit-enrollment/check",
                                                files: [application] + (0..<3).map { ("materials", "m\($0).pdf", [1, 2]) })
            #expect(many.status == .badRequest && many.text.contains("最多上传3个文件"))
            let foreign = try await applicant.post("/precheck/item/371500/unit-enrollment/check", files: [application], origin: "http://evil.example")
            #expect(foreign.status == .forbidden)
            #expect(try kept() == 0, "no refused upload is kept")
            var last = Applicant.Reply(status: .ok, text: "", headers: [:], bytes: [])
            var ids: [String] = []
            // Six checks per ten minutes: the two refused above count, four more pass, the fifth is refused.
            for _ in 0..<5 {
                last = try await applicant.post("/precheck/item/371500/unit-enrollment/check", files: [application])
                if let location = last.headers[.location] { ids.append(String(location.split(separator: "/").last!)) }
            }
            #expect(last.status == .tooManyRequests && ids.count == 4, "the 7th check within ten minutes")
            #expect(try await applicant.get("/precheck/r/0123456789abcdef0123456789abcdef").status == .notFound)
            #expect(try await applicant.get("/precheck/r/..%2F..%2Fledger.sqlite").status == .notFound)
            let id = try #require(ids.first)
            #expect(try await applicant.get("/precheck/r/\(id)").status == .ok)
            // A check the server never finished (it restarted) is said to be cut off after two minutes.
            let stalled = fixture.dir.url.appendingPathComponent("state/precheck/\(ids[1])/meta.json")
            let meta = try String(contentsOf: stalled, encoding: .utf8).replacingOccurrences(of: #""state":"done""#, with: #""state":"checking""#)
            try meta.write(to: stalled, atomically: true, encoding: .utf8)
            #expect(try await applicant.get("/precheck/r/\(ids[1])").headers[HTTPField.Name("Refresh")!] != nil)
            fixture.clock.advance(121)
            let cut = try await applicant.get("/precheck/r/\(ids[1])")
            #expect(cut.text.contains("检查中断") && cut.headers[HTTPField.Name("Refresh")!] == nil)
            fixture.clock.advance(24 * 3600 + 1)
            #expect(fixture.server.sweep() == ids.count)
            #expect(try await applicant.get("/precheck/r/\(id)").status == .notFound, "deleted after 24 hours")
            #expect(try kept() == 0)
        }
    }
}
