import Foundation
import IntakeTestSupport
import Ledger
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The PostgreSQL ledger against a real server (PostgresServer: started once on 127.0.0.1 by
/// the tests themselves). `claim` and `done` are the helpers of SQLiteLedgerTests.
@Suite("PostgresLedger")
struct PostgresLedgerTests {
    /// A ledger on a fresh database of the shared test server.
    func freshLedger(_ query: String = "") throws -> (PostgresLedger, String) {
        let server = try PostgresServer.shared()
        let url = try server.makeDatabase()
        return (try PostgresLedger(url: url + (query.isEmpty ? "" : "?\(query)")), url)
    }

    @Test("New content is processed; the same claim resumed is processed again; a finished claim is not")
    func claimLifecycle() throws {
        let (ledger, _) = try freshLedger()
        #expect(try ledger.begin(claim("a", "t1")) == .process)
        #expect(try ledger.begin(claim("a", "t1")) == .process)  // resumed after a crash
        #expect(try ledger.entry(sha256: "a")?.attempts == 2)
        try ledger.finish(sha256: "a", token: "t1", done(at: 1_001))
        #expect(try ledger.begin(claim("a", "t1")) == .alreadyFinished)
        let entry = try #require(try ledger.entry(sha256: "a"))
        #expect(entry.state == "done")
        #expect(entry.resultStatus == "accepted")
        #expect(entry.resultDirectory == "/out/x")
        #expect(entry.droppedAt == Date(timeIntervalSince1970: 1_000))
        #expect(entry.finishedAt == Date(timeIntervalSince1970: 1_001))
        #expect(try ledger.entry(sha256: "missing") == nil)
    }

    @Test("A second drop of the same bytes is a duplicate, recorded once however often it is resumed")
    func duplicates() throws {
        try expectDuplicates(try freshLedger().0)
    }

    @Test("The summary counts outcomes, retries and the drop-to-result latency percentiles")
    func summary() throws {
        let (ledger, _) = try freshLedger()
        try fillForSummary(ledger)
        try ledger.recordRetry(sha256: "open", token: "to", reason: "output: disk full")
        let s = try ledger.summary(since: Date(timeIntervalSince1970: 0))
        #expect(s.done == 100)
        #expect(s.quarantined == 1)
        #expect(s.inProgress == 1)
        #expect(s.retries == 1)
        #expect(abs((s.latencyP50 ?? 0) - 500) < 1)
        #expect(abs((s.latencyP99 ?? 0) - 990) < 1)
        #expect(s.byResultStatus == ["accepted": 100])
        let later = try ledger.summary(since: Date(timeIntervalSince1970: 5_000))
        #expect(later.done == 0)
        #expect(later.latencyP50 == nil)
        #expect(later.byResultStatus.isEmpty)
        #expect(later.retries == 1)  // recorded now, after 5,000
        #expect(try ledger.entry(sha256: "q")?.reason == "not-xml")
        #expect(try ledger.entries().count == 102)
    }

    @Test("Percentiles are the same nearest-rank values as SQLiteLedger's")
    func percentilesMatchSQLite() throws {
        let (postgres, _) = try freshLedger()
        let sqlite = try SQLiteLedger(path: try temporaryLedgerPath())
        for ledger in [postgres as Ledger, sqlite] {
            for (i, ms) in [7.0, 3, 250, 12, 12, 90, 1].enumerated() {
                _ = try ledger.begin(claim("p\(i)", "t\(i)", at: 2_000))
                try ledger.finish(sha256: "p\(i)", token: "t\(i)", done(at: 2_000 + ms / 1000))
            }
        }
        let a = try postgres.summary(since: Date(timeIntervalSince1970: 0))
        let b = try sqlite.summary(since: Date(timeIntervalSince1970: 0))
        #expect(a == b)
    }

    @Test("Two connections claiming the same 1,000 contents at once: each is processed exactly once")
    func concurrentClaims() async throws {
        let (first, url) = try freshLedger()
        let second = try PostgresLedger(url: url)
        let started = Date()
        // Tasks on Swift's cooperative pool that block in the synchronous ledger: the bridge must
        // not need that pool (two threads on this machine).
        let decisions = try await withThrowingTaskGroup(of: [ClaimDecision].self) { group in
            for (index, ledger) in [first, second].enumerated() {
                group.addTask {
                    try (0..<1_000).map { try ledger.begin(claim("sha\($0)", "token-\(index)-\($0)")) }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        print("PostgresLedger: 2 × 1,000 concurrent begins in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
        #expect(decisions.filter { $0 == .process }.count == 1_000)
        #expect(decisions.count == 2_000)
        #expect(try first.duplicateCount() == 1_000)
        let entries = try second.entries()
        #expect(entries.count == 1_000)
        #expect(entries.allSatisfy { $0.attempts == 1 && $0.state == "claimed" })
    }

    @Test("claimBatch: two concurrent claimers never get the same row, and together get every stale one")
    func claimBatchConcurrent() throws {
        let (setup, url) = try freshLedger()
        for i in 0..<1_000 { _ = try setup.begin(claim(String(format: "c%04d", i), "t\(i)", at: 1_000)) }
        try setup.finish(sha256: "c0000", token: "t0", done(at: 1_001))  // finished: never claimed again
        let claimers = [try PostgresLedger(url: url), try PostgresLedger(url: url)]
        let taken = Locked<[[String]]>([[], []])
        let failures = Locked<[String]>([])
        let finished = Locked(0)
        for (index, ledger) in claimers.enumerated() {
            Thread {
                do {
                    while true {
                        let batch = try ledger.claimBatch(limit: 7, worker: "batch-\(index)")
                        if batch.isEmpty { break }
                        taken.update { $0[index] += batch.map(\.sha256) }
                    }
                } catch {
                    failures.update { $0.append("\(error)") }
                }
                finished.update { $0 += 1 }
            }.start()
        }
        while finished.value < 2 { usleep(10_000) }
        #expect(failures.value.isEmpty, "\(failures.value)")
        let (a, b) = (taken.value[0], taken.value[1])
        #expect(Set(a).isDisjoint(with: b))
        #expect(a.count + b.count == 999)
        #expect(Set(a + b).count == 999)
        #expect(!a.isEmpty && !b.isEmpty, "both claimers got work: \(a.count) and \(b.count)")
        let entry = try #require(try setup.entry(sha256: a[0]))
        #expect(entry.attempts == 2)
        #expect(entry.state == "claimed")
        // Taking renews the claim: no one takes them again until they are stale again.
        #expect(try setup.claimBatch(limit: 10, worker: "late").isEmpty)
        #expect(try setup.claimBatch(limit: 10, worker: "later", now: Date(timeIntervalSinceNow: 3_600)).count == 10)
    }

    @Test("claimBatch skips rows another transaction holds instead of waiting for them")
    func claimBatchSkipsLocked() throws {
        let server = try PostgresServer.shared()
        let (ledger, url) = try freshLedger("timeout=5")
        for i in 0..<20 { _ = try ledger.begin(claim("k\(i)", "t\(i)", at: 1_000)) }
        let database = String(url.split(separator: "/").last!)
        let holder = try server.startPsql(database, """
            BEGIN; SELECT sha256 FROM submission WHERE sha256 IN ('k0', 'k1', 'k2') FOR UPDATE; SELECT pg_sleep(10); COMMIT;
            """)
        defer { stop(holder, server, database) }
        try waitFor("the psql session to hold its row locks") {
            try isSleeping(server, database)
        }
        let started = Date()
        let batch = try ledger.claimBatch(limit: 100, worker: "b")
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(Set(batch.map(\.sha256)) == Set((3..<20).map { "k\($0)" }))
    }

    @Test("Bad URLs are refused with a clear message that does not show the password")
    func badURLs() throws {
        let cases = [
            "mysql://u:s3cret@host/db": "scheme",
            "postgres://u:s3cret@/db": "no host",
            "postgres://u:s3cret@host:5432/": "no database",
            "postgres://u:s3cret@host:5432": "no database",
            "postgres://:s3cret@host/db": "no user",
            "postgres://u:s3cret@host:99999/db": "port",
            "postgres://u:s3cret@host/db?sslmode=maybe": "sslmode",
            "postgres://u:s3cret@host/db?timeout=-1": "timeout",
            "postgres://u:s3cret@host/db?color=red": "unknown parameter",
            "postgres://u:s3cret": "not a valid URL",
        ]
        for (url, expected) in cases {
            let error = #expect(throws: PostgresLedgerError.self) { try PostgresLedger(url: url) }
            let message = error.map { "\($0)" } ?? ""
            #expect(message.contains("bad PostgreSQL URL"), "\(message)")
            #expect(message.contains(expected), "\(url): \(message)")
            #expect(!message.contains("s3cret"), "\(message)")
        }
    }

    @Test("URLs: percent-encoded parts, defaults, parameters; the password never printed")
    func urlParsing() throws {
        let url = try PostgresURL("postgresql://in%40take:p%2Fw%3As3cret@db.example:6543/led%20ger?sslmode=disable&timeout=2.5&pool=3")
        #expect(url.user == "in@take")
        #expect(url.host == "db.example")
        #expect(url.port == 6543)
        #expect(url.database == "led ger")
        #expect(url.sslMode == .disable)
        #expect(url.timeout == 2.5)
        #expect(url.pool == 3)
        #expect(url.hasPassword)
        for text in ["\(url)", String(reflecting: url), { var s = ""; dump(url, to: &s); return s }()] {
            #expect(!text.contains("s3cret"), "\(text)")
        }
        #expect("\(url)" == "postgres://in@take:***@db.example:6543/led ger")
        let plain = try PostgresURL("postgres://intake@[::1]/ledger")
        #expect(plain.host == "::1")
        #expect(plain.port == 5432)
        #expect(plain.sslMode == .prefer)
        #expect(plain.timeout == 10)
        #expect(!plain.hasPassword)
    }

    @Test("A server that is down, a wrong password or a missing database: a clear error at once")
    func unreachable() throws {
        let server = try PostgresServer.shared()
        let port = try PostgresServer.freePort()
        let cases: [(String, String)] = [
            ("postgres://intake:s3cret@127.0.0.1:\(port)/x?timeout=3", "refused"),
            (server.url(database: "postgres", password: "s3cret-wrong", query: "timeout=3"), "password authentication failed"),
            (server.url(database: "no_such_db", query: "timeout=3"), "does not exist"),
        ]
        for (url, expected) in cases {
            let started = Date()
            let error = #expect(throws: PostgresLedgerError.self) { try PostgresLedger(url: url) }
            let message = error.map { "\($0)" } ?? ""
            #expect(Date().timeIntervalSince(started) < 3)
            #expect(message.contains(expected), "\(message)")
            #expect(!message.contains("s3cret") && !message.contains(server.password), "\(message)")
            #expect(error?.isTimeout == false)
        }
    }

    @Test("A server that accepts connections but never answers: an error after the timeout, not a hang")
    func silentServer() throws {
        let silent = try SilentListener()
        let started = Date()
        let error = #expect(throws: PostgresLedgerError.self) {
            try PostgresLedger(url: "postgres://intake:s3cret@127.0.0.1:\(silent.port)/x?timeout=1")
        }
        let elapsed = Date().timeIntervalSince(started)
        let message = error.map { "\($0)" } ?? ""
        #expect(elapsed >= 0.9 && elapsed < 2, "\(elapsed) s")
        #expect(error?.isTimeout == true, "\(message)")
        // NIO's connect timeout and the call's deadline are both one second; either may speak.
        #expect(message.contains("no answer within 1 s") || message.contains("connecting timed out"), "\(message)")
        #expect(message.contains("127.0.0.1:\(silent.port)"))
        #expect(!message.contains("s3cret"))
    }

    @Test("A call stuck behind a lock fails within the timeout, and the ledger works again afterwards")
    func stuckCall() throws {
        let server = try PostgresServer.shared()
        let (ledger, url) = try freshLedger("timeout=1")
        #expect(try ledger.begin(claim("a", "t1")) == .process)
        let database = String(url.split(separator: "/").last!.split(separator: "?").first!)
        let holder = try server.startPsql(database, "BEGIN; LOCK TABLE submission; SELECT pg_sleep(10); COMMIT;")
        try waitFor("the psql session to lock the table") {
            try isSleeping(server, database)
        }
        let started = Date()
        let error = #expect(throws: PostgresLedgerError.self) { try ledger.begin(claim("b", "t2")) }
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed < 1.5, "\(elapsed) s")
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains("begin") && (message.contains("statement timeout") || message.contains("no answer")),
                "\(message)")
        stop(holder, server, database)
        try waitFor("the lock to go") { (try? ledger.begin(claim("b", "t2"))) == .process }
        #expect(try ledger.entry(sha256: "b")?.state == "claimed")
    }

    @Test("close() ends the connections; later calls fail clearly; opening and dropping ledgers does not hang")
    func closing() throws {
        let (ledger, url) = try freshLedger()
        _ = try ledger.begin(claim("a", "t1"))
        ledger.close()
        ledger.close()
        let error = #expect(throws: PostgresLedgerError.self) { try ledger.entries() }
        #expect("\(error.map { "\($0)" } ?? "")".contains("closed"))
        let started = Date()
        for _ in 0..<20 {
            let other = try PostgresLedger(url: url)
            #expect(try other.duplicateCount() == 0)
        }  // each deinit closes its pool
        #expect(Date().timeIntervalSince(started) < 10)
        let server = try PostgresServer.shared()
        let database = String(url.split(separator: "/").last!)
        try waitFor("the closed ledgers' sessions to end") {
            try server.psql(database, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'intake' "
                            + "AND datname = current_database()").stdout
                .trimmingCharacters(in: .whitespacesAndNewlines) == "0"
        }
    }
}

/// Whether a psql session started with `startPsql` has taken its locks and reached `pg_sleep`.
func isSleeping(_ server: PostgresServer, _ database: String) throws -> Bool {
    try server.psql(database, "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep' "
                    + "AND datname = current_database()").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1"
}

/// Ends a `startPsql` session: its server side first (a client killed mid-`pg_sleep` would
/// leave the backend sleeping with its locks), then the client.
func stop(_ psql: Process, _ server: PostgresServer, _ database: String) {
    _ = try? server.psql(database, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                         + "WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event = 'PgSleep'")
    let deadline = Date(timeIntervalSinceNow: 5)
    while psql.isRunning, Date() < deadline { usleep(20_000) }
    if psql.isRunning { kill(psql.processIdentifier, SIGKILL) }
    psql.waitUntilExit()
}

/// Polls `condition` for up to ten seconds.
func waitFor(_ what: String, _ condition: () throws -> Bool) throws {
    let deadline = Date(timeIntervalSinceNow: 10)
    while Date() < deadline {
        if try condition() { return }
        usleep(50_000)
    }
    Issue.record("timed out waiting for \(what)")
}

final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
    func update(_ body: (inout Value) -> Void) {
        lock.lock()
        body(&stored)
        lock.unlock()
    }
}

/// A TCP listener on 127.0.0.1 that never accepts: connecting succeeds (the kernel completes the
/// handshake), and then nothing answers, like a hung server.
final class SilentListener {
    let fd: Int32
    let port: Int

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard ok else {
            close(fd)
            throw PostgresServer.Failure(description: "cannot listen on 127.0.0.1")
        }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(fd) }
}
