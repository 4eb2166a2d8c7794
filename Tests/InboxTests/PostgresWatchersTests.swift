import Foundation
import Inbox
import IntakeTestSupport
import Ledger
import Pipeline
import Testing

/// Two watchers, as on two machines: one inbox, one PostgreSQL database, a ledger connection each.
@Test("Two watchers with PostgreSQL ledgers on one inbox take each of 1,000 files exactly once")
func twoWatchersSharingPostgres() async throws {
    let server = try PostgresServer.shared()
    let url = try server.makeDatabase("watch")
    let station = try Station()
    let count = 1_000
    let template = try String(contentsOfFile: Repository.sample("lc-complete.xml"), encoding: .utf8)
    #expect(template.contains("</submission>"))
    let written = Date()
    for i in 0..<count {
        let xml = template.replacingOccurrences(of: "</submission>", with: "<!-- drop \(i) -->\n</submission>")
        try xml.write(to: station.settings.inbox.appendingPathComponent("f\(i).xml"), atomically: true, encoding: .utf8)
    }
    print("PostgresWatchers: \(count) files written in \(String(format: "%.2f", Date().timeIntervalSince(written))) s")

    let pipeline = Pipeline(catalog: Repository.catalog,
                            options: .init(outputRoot: station.settings.output, render: false, reprocess: true, today: Repository.processingDay))
    let first = try InboxService(settings: station.settings, pipeline: pipeline, ledger: try PostgresLedger(url: url))
    let second = try InboxService(settings: station.settings, pipeline: pipeline, ledger: try PostgresLedger(url: url))
    let started = Date()
    // Plain threads, as `intake watch` runs; each run() returns once the inbox is empty.
    let finished = Counter()
    for service in [first, second] {
        Thread {
            service.run()
            finished.increment()
        }.start()
    }
    while finished.value < 2 { try await Task.sleep(for: .milliseconds(50)) }
    print("PostgresWatchers: \(count) files processed by two watchers in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")

    let check = try PostgresLedger(url: url)
    let entries = try check.entries()
    #expect(entries.count == count)
    #expect(entries.filter { $0.state == "done" }.count == count)
    let summary = try check.summary(since: .distantPast)
    // attempts > 1 also follows a transient failure retried under the same claim: the retry
    // count tells that apart from a file taken by both watchers.
    #expect(entries.allSatisfy { $0.attempts == 1 },
            "attempts > 1 on \(entries.filter { $0.attempts != 1 }.map(\.name)); retries recorded: \(summary.retries)")
    #expect(Set(entries.map(\.name)) == Set((0..<count).map { "f\($0).xml" }))
    #expect(try check.duplicateCount() == 0)
    #expect(summary.done == count)
    #expect(summary.retries == 0)
    #expect(station.results.count == count)
    #expect(station.files(station.settings.archive).count == count)
    #expect(station.files(station.settings.quarantine).isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: station.settings.inbox.path).filter { !$0.hasPrefix(".") }.isEmpty)
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }
}
