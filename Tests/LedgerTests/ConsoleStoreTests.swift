import Foundation
import GRDB
import IntakeTestSupport
import Ledger
import Testing

/// The console's store, the same assertions on the SQLite file and on a real PostgreSQL server.
@Suite("ConsoleStore")
struct ConsoleStoreTests {
    enum Backend: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    /// A fresh store, its `--ledger` (to open more), and raw SQL run past the store (true: the database took it).
    struct Opened {
        let store: any ConsoleStore
        let ledger: String
        let execute: (String) throws -> Bool
    }

    func open(_ backend: Backend) throws -> Opened {
        switch backend {
        case .sqlite:
            let path = try temporaryLedgerPath()
            let store = try openConsoleStore(ledger: "sqlite://" + path, state: URL(fileURLWithPath: "/nonexistent"))
            let queue = try DatabaseQueue(path: path)
            return Opened(store: store, ledger: "sqlite://" + path) { sql in
                (try? queue.write { try $0.execute(sql: sql) }) != nil
            }
        case .postgres:
            let server = try PostgresServer.shared()
            let url = try server.makeDatabase("console")
            let store = try openConsoleStore(ledger: url, state: URL(fileURLWithPath: "/nonexistent"))
            #expect(store is PostgresConsoleStore)
            let database = String(url.split(separator: "/").last ?? "")
            return Opened(store: store, ledger: url) { sql in try server.psql(database, sql).status == 0 }
        }
    }

    static let now = Date(timeIntervalSince1970: 1_796_616_000)

    func entry(_ action: String, _ i: Int = 0, submission: String? = "0123456789abcdef") -> AuditEntry {
        AuditEntry(at: Self.now + Double(i) * 0.25, clerk: "clerk1", address: "127.0.0.1", action: action, submission: submission,
                   field: i % 2 == 0 ? "legalRepIdNumber" : nil, before: i % 3 == 0 ? "371525197611300523" : nil,
                   after: "37152519761130052X", beforeMasked: "371525********0523", afterMasked: "371525********052X",
                   reason: i % 4 == 0 ? "核对原件" : nil)
    }

    @Test("Clerks: added once, looked up with the hash, locked after the limit, unlocked by a good login or a new password",
          arguments: Backend.allCases)
    func clerks(_ backend: Backend) throws {
        let store = try open(backend).store
        let clerk = Clerk(login: "li", name: "李窗口", role: .clerk, offices: ["371502", "371525"])
        #expect(try store.addClerk(clerk, passwordHash: "h1", at: Self.now))
        #expect(try !store.addClerk(clerk, passwordHash: "h2", at: Self.now))
        #expect(try store.addClerk(Clerk(login: "chief", name: "王科长", role: .chief, offices: []), passwordHash: "h3", at: Self.now))
        let found = try #require(try store.clerk(login: "li"))
        #expect(found.passwordHash == "h1")
        #expect(found.clerk.offices == ["371502", "371525"] && found.clerk.role == .clerk && !found.clerk.disabled)
        #expect(found.clerk.passwordSetAt == Self.now && found.clerk.lockedUntil == nil)
        #expect(try store.clerk(login: "nobody") == nil)
        #expect(try store.clerks().map(\.login) == ["chief", "li"])
        #expect(try store.clerks().first?.offices == [])

        #expect(try !store.recordFailedLogin(login: "li", at: Self.now, limit: 3, lockFor: 900))
        #expect(try !store.recordFailedLogin(login: "li", at: Self.now, limit: 3, lockFor: 900))
        #expect(try store.recordFailedLogin(login: "li", at: Self.now, limit: 3, lockFor: 900))
        #expect(try store.clerk(login: "li")?.clerk.lockedUntil == Self.now + 900)
        #expect(try !store.recordFailedLogin(login: "li", at: Self.now, limit: 3, lockFor: 900), "the count starts again")
        try store.recordGoodLogin(login: "li")
        #expect(try store.clerk(login: "li")?.clerk.lockedUntil == nil)
        #expect(try !store.recordFailedLogin(login: "nobody", at: Self.now, limit: 1, lockFor: 900))

        _ = try store.recordFailedLogin(login: "li", at: Self.now, limit: 1, lockFor: 900)
        #expect(try store.setPassword(login: "li", hash: "h9", at: Self.now + 5))
        let renewed = try #require(try store.clerk(login: "li"))
        #expect(renewed.passwordHash == "h9" && renewed.clerk.lockedUntil == nil && renewed.clerk.passwordSetAt == Self.now + 5)
        #expect(try !store.setPassword(login: "nobody", hash: "x", at: Self.now))
        #expect(try store.setDisabled(login: "li", true))
        #expect(try store.clerk(login: "li")?.clerk.disabled == true)
        #expect(try store.setDisabled(login: "li", false))
        #expect(try store.clerk(login: "li")?.clerk.disabled == false)
        #expect(try !store.setDisabled(login: "nobody", true))
    }

    @Test("The audit trail: appended rows verify, UPDATE and DELETE are refused by the database, a forged row shows",
          arguments: Backend.allCases)
    func auditTrail(_ backend: Backend) throws {
        let opened = try open(backend)
        let store = opened.store
        #expect(try store.verifyAudit().text == "0 rows, broken at -")
        try store.audit((0..<12).map { entry("open", $0) })
        try store.audit(entry("login", submission: nil))
        try store.audit([])
        let verified = try store.verifyAudit()
        #expect(verified.rows == 13 && verified.ok)
        let rows = try store.auditRows()
        #expect(rows.count == 13 && rows.first?.action == "login" && rows.first?.submission == nil, "newest first")
        #expect(rows.last?.at == Self.now && rows.last?.beforeMasked == "371525********0523" && rows.last?.reason == "核对原件")
        #expect(try store.auditRows(submission: "0123456789abcdef", clerk: "clerk1", limit: 5).map(\.seq) == [12, 11, 10, 9, 8])
        #expect(try store.auditRows(clerk: "nobody").isEmpty)
        #expect(try store.auditCount(submission: "0123456789abcdef", actions: ["open", "print"]) == 12)
        #expect(try store.auditCount(submission: "0123456789abcdef", field: "legalRepIdNumber", actions: ["open"]) == 6)

        #expect(try !opened.execute("UPDATE audit SET clerk = 'x' WHERE seq = 3"))
        #expect(try !opened.execute("DELETE FROM audit WHERE seq = 3"))
        #expect(try store.verifyAudit().ok)
        // Around the trigger, as the database's owner could: the chain says where.
        let dropped = backend == .sqlite ? "DROP TRIGGER audit_no_update" : "ALTER TABLE audit DISABLE TRIGGER audit_append_only"
        #expect(try opened.execute(dropped))
        #expect(try opened.execute("UPDATE audit SET clerk = 'x' WHERE seq = 7"))
        #expect(try store.verifyAudit().text == "7 rows, broken at 7")
    }

    @Test("The same entries make the same chain in SQLite and PostgreSQL")
    func sameChain() throws {
        let sqlite = try open(.sqlite)
        let postgres = try open(.postgres)
        let entries = (0..<5).map { entry("correct", $0) } + [entry("decide", 7, submission: nil)]
        try sqlite.store.audit(entries)
        try postgres.store.audit(entries)
        // A copy of each chain's hashes, in a table of our own, read back through SQL: one line of text each.
        let sqliteHashes = try DatabaseQueue(path: String(sqlite.ledger.dropFirst("sqlite://".count))).read {
            try String.fetchAll($0, sql: "SELECT hash FROM audit ORDER BY seq")
        }
        let server = try PostgresServer.shared()
        let result = try server.psql(String(postgres.ledger.split(separator: "/").last ?? ""), "SELECT hash FROM audit ORDER BY seq")
        #expect(result.stdout.split(separator: "\n").map(String.init) == sqliteHashes)
        #expect(sqliteHashes.count == 6)
    }

    @Test("Two stores appending at once never fork the chain", arguments: Backend.allCases)
    func concurrentAppends(_ backend: Backend) throws {
        let opened = try open(backend)
        let second = try openConsoleStore(ledger: opened.ledger, state: URL(fileURLWithPath: "/nonexistent"))
        let stores = [opened.store, second]
        let failures = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            for i in 0..<60 {
                do {
                    if i % 3 == 0 {
                        _ = try stores[index].claimRevision(submission: "s\(i)", revision: 2, clerk: "c\(index)", at: Self.now,
                                                            audit: [entry("correct", i), entry("confirm", i + 1)])
                    } else {
                        try stores[index].audit(entry("open", i))
                    }
                } catch {
                    failures.update { $0.append("\(error)") }
                }
            }
        }
        #expect(failures.value.isEmpty, "\(failures.value)")
        let verified = try opened.store.verifyAudit()
        #expect(verified.ok)
        // 40 single rows per store; 20 claims of which exactly one per submission wins, 2 rows each.
        #expect(verified.rows == 2 * 40 + 20 * 2)
        #expect(try opened.store.claimedRevisions().count == 20)
    }

    @Test("Revisions: a second claim of the same revision is refused and records nothing; release and abandon give it back",
          arguments: Backend.allCases)
    func revisions(_ backend: Backend) throws {
        let store = try open(backend).store
        #expect(try store.claimRevision(submission: "a", revision: 2, clerk: "li", at: Self.now, audit: [entry("correct", 1)]))
        #expect(try !store.claimRevision(submission: "a", revision: 2, clerk: "wang", at: Self.now, audit: [entry("correct", 2)]))
        #expect(try store.auditRows().count == 1)
        #expect(try store.claimRevision(submission: "a", revision: 3, clerk: "wang", at: Self.now, audit: []))
        #expect(try store.claimRevision(submission: "b", revision: 2, clerk: "li", at: Self.now, audit: [entry("correct", 3, submission: "b")]))
        let claims = try store.claimedRevisions().sorted { $0.submission < $1.submission }
        #expect(claims.map(\.submission) == ["a", "b"] && claims.map(\.revision) == [3, 2] && claims.map(\.clerk) == ["wang", "li"])
        try store.releaseRevision(submission: "a", revision: 3)
        #expect(try store.claimedRevisions().first { $0.submission == "a" }?.revision == 2)
        try store.abandonRevision(submission: "b", revision: 2, audit: entry("correct-lost", 4, submission: "b"))
        #expect(try store.claimedRevisions().map(\.submission) == ["a"])
        #expect(try store.auditRows(submission: "b").map(\.action) == ["correct-lost", "correct"])
        #expect(try store.claimRevision(submission: "b", revision: 2, clerk: "wang", at: Self.now, audit: []), "free again")
        #expect(try store.verifyAudit().text == "3 rows, broken at -")
    }

    @Test("办件编号 count 0001, 0002 per office and day, once per submission; decisions and verification times",
          arguments: Backend.allCases)
    func caseNumbersAndDecisions(_ backend: Backend) throws {
        let store = try open(backend).store
        #expect(try store.existingCaseNumber(submission: "a") == nil)
        #expect(try store.caseNumber(submission: "a", office: "371502", day: "2026-12-07") == "371502-20261207-0001")
        #expect(try store.caseNumber(submission: "b", office: "371502", day: "2026-12-07") == "371502-20261207-0002")
        #expect(try store.caseNumber(submission: "a", office: "371502", day: "2026-12-08") == "371502-20261207-0001", "given once")
        #expect(try store.caseNumber(submission: "c", office: "371525", day: "2026-12-07") == "371525-20261207-0001")
        #expect(try store.caseNumber(submission: "d", office: "371502", day: "2026-12-08") == "371502-20261208-0001")
        #expect(try store.existingCaseNumber(submission: "b") == "371502-20261207-0002")

        #expect(try store.decision(submission: "a") == nil)
        try store.recordDecision(submission: "a", outcome: "refuse", reason: "非本单位", clerk: "li", at: Self.now)
        try store.recordDecision(submission: "a", outcome: "accept", reason: nil, clerk: "wang", at: Self.now + 60)
        try store.recordDecision(submission: "b", outcome: "accept", reason: nil, clerk: "wang", at: Self.now + 1)
        try store.recordDecision(submission: "c", outcome: "refuse", reason: "x", clerk: "li", at: Self.now - 3600)
        let decision = try #require(try store.decision(submission: "a"))
        #expect(decision.outcome == "accept" && decision.reason == nil && decision.clerk == "wang" && decision.at == Self.now + 60)
        let counts = try store.decisionCounts(since: Self.now)
        #expect(counts.map(\.clerk) == ["wang"] && counts.map(\.outcome) == ["accept"] && counts.map(\.count) == [2])
        try store.recordVerifyTimes(submission: "a", clerk: "li", times: [("unitName", 900), ("legalRepIdNumber", 2400.5)], at: Self.now)
        try store.recordVerifyTimes(submission: "a", clerk: "li", times: [("old", 1)], at: Self.now - 10)
        try store.recordVerifyTimes(submission: "a", clerk: "li", times: [], at: Self.now)
        #expect(try store.verifyTimes(since: Self.now) == [900, 2400.5])
    }

    @Test("The queue index: upsert replaces, the day's order, search by id, name, last 4, USCC, 办件编号, 预审号; counts",
          arguments: Backend.allCases)
    func queueIndex(_ backend: Backend) throws {
        let store = try open(backend).store
        func queued(_ id: String, _ status: String, at time: String, applicant: String?, uscc: String? = nil, last4: String? = nil,
                    day: String = "2026-12-07", revision: Int = 1) -> QueueEntry {
            QueueEntry(submission: id, day: day, folder: "/out/\(day)/\(id)", status: status, form: "营业执照", item: "设立登记",
                       office: "371502", district: status == "accepted" ? "东昌府区" : nil, applicant: applicant, uscc: uscc,
                       idLast4: last4, flagged: status == "needs-review" ? 2 : 0, revision: revision,
                       processedAt: "2026-12-07T\(time)+08:00")
        }
        try store.upsert([
            queued("aaaa000000000001", "accepted", at: "09:00:00", applicant: "聊城鲁西农机配件有限公司", uscc: "91371500MA3C0K1234"),
            queued("bbbb000000000002", "needs-review", at: "10:00:00", applicant: "张三", last4: "052X 1234"),
            queued("cccc000000000003", "incomplete", at: "08:00:00", applicant: "ACME 商贸"),
            queued("dddd000000000004", "accepted", at: "08:30:00", applicant: nil, day: "2026-12-06"),
        ])
        try store.upsert([queued("cccc000000000003", "rejected", at: "08:00:00", applicant: "ACME 商贸", revision: 2),
                          queued("cccc000000000003", "incomplete", at: "08:00:00", applicant: "ACME 商贸", revision: 3)])
        try store.upsert([])
        #expect(try store.indexed(day: "2026-12-07") == ["aaaa000000000001": 1, "bbbb000000000002": 1, "cccc000000000003": 3])
        #expect(try store.queue(day: "2026-12-07").map(\.submission) == ["bbbb000000000002", "cccc000000000003", "aaaa000000000001"])
        #expect(try store.queue(day: "2026-12-07", limit: 1).count == 1)
        let entry = try #require(try store.queueEntry(submission: "bbbb000000000002"))
        #expect(entry == queued("bbbb000000000002", "needs-review", at: "10:00:00", applicant: "张三", last4: "052X 1234"))
        #expect(try store.queueEntry(submission: "ffff000000000000") == nil)

        func found(_ text: String) throws -> [String] { try store.search(text).map(\.submission) }
        #expect(try found("AAAA0000") == ["aaaa000000000001"], "id prefix, any case")
        #expect(try found("鲁西农机") == ["aaaa000000000001"])
        #expect(try found("acme") == ["cccc000000000003"], "names ignore ASCII case")
        #expect(try found("052x") == ["bbbb000000000002"])
        #expect(try found("91371500ma3c0k1234") == ["aaaa000000000001"])
        #expect(try found("2026-12-06") == ["dddd000000000004"])
        #expect(try found("  ").isEmpty)
        #expect(try found("2026-12-07") == ["bbbb000000000002", "aaaa000000000001", "cccc000000000003"], "newest first")
        _ = try store.caseNumber(submission: "cccc000000000003", office: "371502", day: "2026-12-07")
        #expect(try found("371502-20261207-0001") == ["cccc000000000003"])
        #expect(try store.recordPrecheckReference("YS20261207-7K3M", submission: "bbbb000000000002", at: Self.now))
        #expect(try !store.recordPrecheckReference("YS20261207-7K3M", submission: "aaaa000000000001", at: Self.now))
        #expect(try store.precheckReferenceTaken("YS20261207-7K3M"))
        #expect(try !store.precheckReferenceTaken("YS20261207-AAAA"))
        #expect(try found("ys20261207-7k3m") == ["bbbb000000000002"])

        let byStatus = try store.counts(day: "2026-12-07", by: .status)
        #expect(byStatus.map(\.key) == ["accepted", "incomplete", "needs-review"] && byStatus.map(\.count) == [1, 1, 1])
        let byDistrict = try store.counts(day: "2026-12-07", by: .district)
        #expect(byDistrict.map(\.key) == ["-", "东昌府区"] && byDistrict.map(\.count) == [2, 1])
    }

    @Test("A large upsert goes in batches on PostgreSQL")
    func largeUpsert() throws {
        let store = try open(.postgres).store
        let entries = (0..<1_234).map {
            QueueEntry(submission: String(format: "%016x", $0), day: "2026-12-07", folder: "/f", status: "accepted", form: "f",
                       item: nil, office: nil, district: nil, applicant: nil, uscc: nil, idLast4: nil, flagged: 0, revision: 1,
                       processedAt: "2026-12-07T09:00:00+08:00")
        }
        try store.upsert(entries)
        #expect(try store.indexed(day: "2026-12-07").count == 1_234)
    }
}

extension AuditVerification {
    var text: String { "\(rows) rows, broken at \(brokenAt.map(String.init) ?? "-")" }
}
