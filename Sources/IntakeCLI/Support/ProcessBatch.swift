import Foundation
import IntakeCore
import Pipeline

/// Runs `intake process` over many files on several threads and reports the outcomes in the order
/// of the files, so the summary reads as one thread would print it.
///
/// The calling thread reads and hashes each plain file. A file whose bytes already came up in this
/// run is processed on the calling thread once the first one is reported, so it is found written
/// and reported as a duplicate (or, with `--reprocess`, processed again after it) exactly as one
/// after the other. Folders and zips (bundles) are read by the workers.
struct ProcessBatch {
    let pipeline: Pipeline
    let workers: Int

    enum Job: Sendable {
        case path(String)
        case bytes([UInt8], sha: String)
    }

    /// Calls `report` on the calling thread for each path, in order.
    func run(_ paths: [String], report: (String, Pipeline.Outcome) -> Void) {
        // Files go out in chunks, so that threads meet at a lock once per chunk rather than once
        // per file (small XML files take a fraction of a millisecond); small runs in small chunks,
        // so every worker gets some.
        let chunkSize = min(32, max(1, paths.count / (workers * 8)))
        let queue = ChunkQueue<[(Int, Job)]>(capacity: workers * 2)
        let results = Results()
        let threads = (0..<workers).map { _ in
            Thread { [pipeline] in
                while let chunk = queue.take() {
                    results.finish(chunk.map { index, job in
                        switch job {
                        case .path(let path): return (index, pipeline.process(path: path))
                        case .bytes(let bytes, let sha): return (index, pipeline.process(bytes: bytes, sha256: sha, path: paths[index]))
                        }
                    })
                }
            }
        }
        threads.forEach { $0.start() }

        var repeats: [Int: (bytes: [UInt8], sha: String)] = [:]
        var seen = Set<String>()
        var next = 0
        /// Reports, in order, what is finished before `limit`; `wait`: everything before it.
        func drain(upTo limit: Int, wait: Bool) {
            while next < limit {
                let outcome: Pipeline.Outcome
                if let again = repeats.removeValue(forKey: next) {
                    outcome = pipeline.process(bytes: again.bytes, sha256: again.sha, path: paths[next])
                } else if let done = results.take(next, wait: wait) {
                    outcome = done
                } else {
                    return
                }
                report(paths[next], outcome)
                next += 1
            }
        }
        var chunk: [(Int, Job)] = []
        for (index, path) in paths.enumerated() {
            if let bytes = try? pipeline.readFile(path), !Pipeline.isZip(bytes) {
                let sha = SubmissionID.sha256Hex(bytes)
                if seen.insert(sha).inserted {
                    chunk.append((index, .bytes(bytes, sha: sha)))
                } else {
                    repeats[index] = (bytes, sha)
                }
            } else {
                chunk.append((index, .path(path)))  // a bundle, or unreadable: the pipeline says why
            }
            if chunk.count == chunkSize {
                queue.put(chunk)
                chunk.removeAll(keepingCapacity: true)
                drain(upTo: index, wait: false)
            }
        }
        if !chunk.isEmpty { queue.put(chunk) }
        queue.close()
        drain(upTo: paths.count, wait: true)
        for thread in threads { while !thread.isFinished { usleep(1000) } }
    }
}

/// A bounded queue, so that memory stays flat however many files a batch has.
final class ChunkQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var head = 0
    private var closed = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func put(_ element: Element) {
        condition.lock()
        while items.count - head >= capacity { condition.wait() }
        items.append(element)
        condition.broadcast()
        condition.unlock()
    }

    /// The next element; nil once closed and empty.
    func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed { condition.wait() }
        guard head < items.count else { return nil }
        let element = items[head]
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        }
        condition.broadcast()
        return element
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}

/// Finished outcomes by file index, each taken out once reported.
private final class Results: @unchecked Sendable {
    private let condition = NSCondition()
    private var done: [Int: Pipeline.Outcome] = [:]

    func finish(_ outcomes: [(Int, Pipeline.Outcome)]) {
        condition.lock()
        for (index, outcome) in outcomes { done[index] = outcome }
        condition.broadcast()
        condition.unlock()
    }

    func take(_ index: Int, wait: Bool) -> Pipeline.Outcome? {
        condition.lock()
        defer { condition.unlock() }
        while wait && done[index] == nil { condition.wait() }
        return done.removeValue(forKey: index)
    }
}
