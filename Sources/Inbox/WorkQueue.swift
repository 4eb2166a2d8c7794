import Foundation

/// The jobs waiting for a worker: ready inbox files and claims to resume or retry.
final class WorkQueue: @unchecked Sendable {
    // @unchecked: all state is guarded by `condition`.
    enum Job: Sendable {
        case inbox(URL, droppedAt: Date)
        case claimed(ClaimArea.Claimed, attempt: Int)
    }

    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var delayed: [(Double, Job)] = []
    private var queuedNames: Set<String> = []
    private var busy = 0
    private var stopped = false

    /// Adds ready inbox files not queued or being worked on already.
    func enqueue(_ files: [(URL, Date)]) {
        condition.lock()
        for (url, date) in files where queuedNames.insert(url.lastPathComponent).inserted {
            jobs.append(.inbox(url, droppedAt: date))
        }
        condition.broadcast()
        condition.unlock()
    }

    func enqueue(claimed: ClaimArea.Claimed, attempt: Int, after delay: Double = 0) {
        condition.lock()
        if delay > 0 {
            delayed.append((now() + delay, .claimed(claimed, attempt: attempt)))
        } else {
            jobs.append(.claimed(claimed, attempt: attempt))
        }
        condition.broadcast()
        condition.unlock()
    }

    /// The next job, waiting for one; nil once stopped.
    func next() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if stopped { return nil }
            let t = now()
            if let index = delayed.firstIndex(where: { $0.0 <= t }) {
                jobs.append(delayed.remove(at: index).1)
            }
            if !jobs.isEmpty {
                busy += 1
                return jobs.removeFirst()
            }
            let wake = delayed.map(\.0).min().map { Date(timeIntervalSince1970: $0) } ?? Date(timeIntervalSinceNow: 0.5)
            condition.wait(until: wake)
        }
    }

    /// A worker finished a job (the inbox file name, if it came from the inbox, may be queued again).
    func done(_ job: Job) {
        condition.lock()
        busy -= 1
        if case .inbox(let url, _) = job { queuedNames.remove(url.lastPathComponent) }
        condition.broadcast()
        condition.unlock()
    }

    /// Nothing queued, delayed or being worked on.
    var isIdle: Bool {
        condition.lock()
        defer { condition.unlock() }
        return jobs.isEmpty && delayed.isEmpty && busy == 0
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func now() -> Double { Date().timeIntervalSince1970 }
}
