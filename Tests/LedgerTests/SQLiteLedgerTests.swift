import Foundation
import Ledger
import Testing

func temporaryLedgerPath() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent("ledger.sqlite").path
}

func claim(_ sha: String, _ token: String, at: Double = 1_000) -> ClaimRecord {
    ClaimRecord(sha256: sha, name: "\(sha).xml", token: token, droppedAt: Date(timeIntervalSince1970: at),
                claimedAt: Date(timeIntervalSince1970: at + 0.1), worker: "w")
}

func done(at: Double) -> Completion {
    Completion(state: .done, resultStatus: "accepted", resultDirectory: "/out/x", reason: nil,
               finishedAt: Date(timeIntervalSince1970: at))
}

@Test("New content is processed; the same claim resumed is processed again; a finished claim is not")
func claimLifecycle() throws {
    let ledger = try SQLiteLedger(path: try temporaryLedgerPath())
    #expect(try ledger.begin(claim("a", "t1")) == .process)
    #expect(try ledger.begin(claim("a", "t1")) == .process)  // resumed after a crash
    #expect(try ledger.entry(sha256: "a")?.attempts == 2)
    try ledger.finish(sha256: "a", token: "t1", done(at: 1_001))
    #expect(try ledger.begin(claim("a", "t1")) == .alreadyFinished)
    #expect(try ledger.entry(sha256: "a")?.state == "done")
}

/// The same bytes dropped under three tokens, the second twice: what both ledgers' duplicate
/// tests expect of it.
func expectDuplicates(_ ledger: Ledger) throws {
    #expect(try ledger.begin(claim("a", "t1")) == .process)
    #expect(try ledger.begin(claim("a", "t2")) == .duplicate(ofToken: "t1"))
    #expect(try ledger.begin(claim("a", "t2")) == .duplicate(ofToken: "t1"))
    #expect(try ledger.duplicateCount() == 1)
    #expect(try ledger.begin(claim("a", "t3")) == .duplicate(ofToken: "t1"))
    #expect(try ledger.duplicateCount() == 2)
    #expect(try ledger.entry(sha256: "a")?.attempts == 1)
}

@Test("A second drop of the same bytes is a duplicate, recorded once however often it is resumed")
func duplicates() throws {
    try expectDuplicates(try SQLiteLedger(path: try temporaryLedgerPath()))
}

@Test("Two processes opening one ledger let exactly one of them process a content")
func twoWriters() async throws {
    let path = try temporaryLedgerPath()
    let first = try SQLiteLedger(path: path)
    let second = try SQLiteLedger(path: path)
    let decisions = try await withThrowingTaskGroup(of: [ClaimDecision].self) { group in
        for (index, ledger) in [first, second].enumerated() {
            group.addTask {
                try (0..<100).map { try ledger.begin(claim("sha\($0)", "token-\(index)-\($0)")) }
            }
        }
        return try await group.reduce(into: []) { $0 += $1 }
    }
    #expect(decisions.filter { $0 == .process }.count == 100)
    #expect(try first.duplicateCount() == 100)
}

/// 100 submissions done 10 ms to 1 s after their drop at 1,000 s, one quarantined, one in hand:
/// what the summary tests of both ledgers count.
func fillForSummary(_ ledger: Ledger) throws {
    for i in 0..<100 {
        _ = try ledger.begin(claim("s\(i)", "t\(i)", at: 1_000))
        try ledger.finish(sha256: "s\(i)", token: "t\(i)", done(at: 1_000 + Double(i + 1) / 100))
    }
    _ = try ledger.begin(claim("q", "tq"))
    try ledger.finish(sha256: "q", token: "tq", Completion(state: .quarantined, resultStatus: nil, resultDirectory: nil,
                                                           reason: "not-xml", finishedAt: Date(timeIntervalSince1970: 1_002)))
    _ = try ledger.begin(claim("open", "to"))
}

@Test("The summary counts today's outcomes and the drop-to-result latency percentiles")
func summary() throws {
    let ledger = try SQLiteLedger(path: try temporaryLedgerPath())
    try fillForSummary(ledger)
    let s = try ledger.summary(since: Date(timeIntervalSince1970: 0))
    #expect(s.done == 100)
    #expect(s.quarantined == 1)
    #expect(s.inProgress == 1)
    #expect(abs((s.latencyP50 ?? 0) - 500) < 1)
    #expect(abs((s.latencyP99 ?? 0) - 990) < 1)
    #expect(s.byResultStatus["accepted"] == 100)
    #expect(try ledger.summary(since: Date(timeIntervalSince1970: 5_000)).done == 0)
}
