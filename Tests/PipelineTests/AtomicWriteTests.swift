import Foundation
import IntakeCore
import IntakeTestSupport
import Pipeline
import Testing

@Test("A file written atomically replaces the old one whole; a failed write leaves nothing behind")
func atomicWrite() throws {
    let temp = try TemporaryDirectory("atomic")
    let path = temp.path("blank.pdf")
    try OutputStore.writeAtomically(Array("first".utf8), to: path)
    try OutputStore.writeAtomically(Array("second".utf8), to: path, durable: true)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
    #expect(try FileManager.default.contentsOfDirectory(atPath: temp.url.path) == ["blank.pdf"], "no temporary file left")
    #expect(throws: IntakeError.self) { try OutputStore.writeAtomically([1], to: temp.path("missing/blank.pdf")) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: temp.url.path) == ["blank.pdf"])
}

@Test("A folder written again swaps with the old one in one step: a reader never finds neither; no staging is left")
func folderSwapNeverMissing() throws {
    let temp = try TemporaryDirectory("swap")
    let store = OutputStore(root: temp.url, durable: false)
    let result = temp.url.appendingPathComponent("2026-12-07/0123456789abcdef/result.json").path
    try store.write([("result.json", Array("0".utf8))], date: "2026-12-07", id: "0123456789abcdef", path: "x")
    final class Watch: @unchecked Sendable {
        let lock = NSLock()
        var done = false
        var missing = 0
    }
    let watch = Watch()
    let reader = Thread {
        while !watch.lock.withLock({ watch.done }) {
            if access(result, F_OK) != 0 { watch.lock.withLock { watch.missing += 1 } }
        }
    }
    reader.start()
    for i in 1...300 {
        try store.write([("result.json", Array("\(i)".utf8))], date: "2026-12-07", id: "0123456789abcdef", path: "x")
    }
    watch.lock.withLock { watch.done = true }
    while !reader.isFinished { usleep(1000) }
    #expect(watch.missing == 0, "the folder was missing \(watch.missing) times")
    #expect(try String(contentsOfFile: result, encoding: .utf8) == "300")
    #expect(try FileManager.default.contentsOfDirectory(atPath: temp.url.appendingPathComponent(".tmp").path).isEmpty)
}

@Test("Staging folders of a writer that is gone are removed, a live writer's are kept")
func staleStagingRemoved() throws {
    let temp = try TemporaryDirectory("stale")
    let staging = temp.url.appendingPathComponent(".tmp")
    var gone: pid_t = 0
    // A pid that is surely free: the highest one the kernel would give, checked.
    for candidate in stride(from: pid_t(4_194_000), to: 4_000_000, by: -1) where kill(candidate, 0) != 0 && errno == ESRCH {
        gone = candidate
        break
    }
    for name in ["0123456789abcdef.\(gone).1", "0123456789abcdef.\(getpid()).2"] {
        try FileManager.default.createDirectory(at: staging.appendingPathComponent(name), withIntermediateDirectories: true)
    }
    OutputStore(root: temp.url).cleanStaleTemporaries()
    #expect(try FileManager.default.contentsOfDirectory(atPath: staging.path) == ["0123456789abcdef.\(getpid()).2"])
    OutputStore(root: temp.url).cleanStaleTemporaries(now: Date().addingTimeInterval(3600))
    #expect(try FileManager.default.contentsOfDirectory(atPath: staging.path).isEmpty, "older than ten minutes")
}
