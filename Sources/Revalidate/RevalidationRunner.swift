import Foundation
import Ledger
import Logging
import Pipeline
import Report

/// Runs one revalidation run in this process, together with any other processes (on this
/// machine or others) working on the same run through the same store.
///
/// - One enumerator thread (only in the process holding the run's enumeration lease) walks the
///   PATHs lazily and adds them to the work list in batches.
/// - `workers` threads each claim a batch of items, check each item again, compare it with the
///   previous decision, render it if it changed (`--render`), and record the batch in one
///   transaction. Nothing about an item is kept once it is recorded: memory stays flat.
/// - The calling thread shows progress and takes over the enumeration of a process that died.
///
/// `stop()` (SIGINT, SIGTERM) lets every worker finish the file in hand, record what it did,
/// and put the rest of its batch back; the enumerator records what it listed and gives its lease
/// up. Running the same run again resumes: done items are never done again.
public final class RevalidationRunner: @unchecked Sendable {
    // @unchecked: the mutable state (`stopping`, `failure`, `running`) is only touched under `lock`.
    public struct Settings: Sendable {
        public var workers: Int
        /// Items claimed at once.
        public var batchSize: Int = 200
        /// Paths added to the work list at once (or every 2 s).
        public var enumerationBatch: Int = 1000
        /// Seconds after which a claim of another process is taken over (it died or hangs).
        public var staleClaimAfter: TimeInterval = 600
        /// Seconds after which another process takes over an enumeration whose lease was not renewed.
        public var staleEnumerationAfter: TimeInterval = 30
        public init(workers: Int) { self.workers = workers }
    }

    public enum Ending: Sendable, Equatable {
        /// Every item is done. `reportHere`: this process finished the run and must write the report.
        case finished(reportHere: Bool)
        /// Every item this process could take is done, others are still working on the rest.
        case shareDone
        /// Stopped by `stop()`; run again to resume.
        case stopped
        /// The store failed repeatedly.
        case failed(String)
    }

    public let run: RevalidationRun
    let store: RevalidationStore
    let evaluator: Evaluator
    let settings: Settings
    let display: ProgressDisplay
    let logger: Logger
    /// `host:pid`, the prefix of this process's worker names.
    public let identity: String
    let host: String

    private let lock = NSLock()
    private var stopping = false
    private var failure: String?
    private var running = 0
    private var enumerating = false

    public init(run: RevalidationRun, store: RevalidationStore, evaluator: Evaluator, settings: Settings,
                display: ProgressDisplay, logger: Logger = Logger(label: "intake.revalidate")) {
        self.run = run
        self.store = store
        self.evaluator = evaluator
        self.settings = settings
        self.display = display
        self.logger = logger
        var name = [CChar](repeating: 0, count: 256)
        gethostname(&name, name.count - 1)
        host = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        identity = "\(host):\(getpid())"
    }

    /// Asks the run to stop after the files in hand. Safe from any thread.
    public func stop() {
        lock.withLock { stopping = true }
    }

    public var isStopping: Bool { lock.withLock { stopping } }

    private func fail(_ message: String) {
        lock.withLock {
            if failure == nil { failure = message }
            stopping = true
        }
    }

    /// Runs until every item is done, or `stop()`, or the store fails for good.
    public func execute() -> Ending {
        let started = Date()
        let initialDone = (try? store.progress(run: run.name))?.done
        releaseDeadLocalClaims()
        startEnumeratorIfNeeded()
        for index in 1...max(1, settings.workers) {
            let name = "\(identity)/\(index)"
            lock.withLock { running += 1 }
            let thread = Thread { [self] in
                work(name: name)
                lock.withLock { running -= 1 }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }

        var meter = RateMeter()
        var snapshot = ProgressDisplay.Snapshot(done: 0, total: nil, failed: 0, rate: nil)
        var lastPoll = Date.distantPast
        var lastCoordination = Date()
        var lastDeadCheck = Date()
        while lock.withLock({ running > 0 || enumerating }) {
            usleep(100_000)
            let now = Date()
            if now.timeIntervalSince(lastPoll) >= 0.5, let progress = try? store.progress(run: run.name) {
                lastPoll = now
                snapshot = .init(done: progress.done, total: progress.total, failed: progress.failed,
                                 rate: meter.add(progress.done, at: now))
            }
            display.show(snapshot, now: now)
            if now.timeIntervalSince(lastCoordination) >= 2, !isStopping {
                lastCoordination = now
                startEnumeratorIfNeeded()
            }
            if now.timeIntervalSince(lastDeadCheck) >= 10, !isStopping {
                lastDeadCheck = now
                releaseDeadLocalClaims()
            }
        }
        if let progress = try? store.progress(run: run.name) {
            // The last line gives the average over the whole run in this process.
            let elapsed = Date().timeIntervalSince(started)
            let average = elapsed > 0 ? Double(progress.done - (initialDone ?? progress.done)) / elapsed : nil
            snapshot = .init(done: progress.done, total: progress.total, failed: progress.failed, rate: average ?? snapshot.rate)
        }
        display.finish(snapshot)

        if let failure = lock.withLock({ failure }) { return .failed(failure) }
        if isStopping { return .stopped }
        do {
            if try store.finishRun(run: run.name, worker: identity) { return .finished(reportHere: true) }
            let progress = try store.progress(run: run.name)
            if progress.total != nil, progress.pending == 0, progress.claimed == 0 { return .finished(reportHere: false) }
            return .shareDone
        } catch {
            return .failed("\(error)")
        }
    }

    // MARK: Enumeration

    private func startEnumeratorIfNeeded() {
        guard lock.withLock({ !enumerating }) else { return }
        do {
            guard let current = try store.run(named: run.name), current.enumeratedAt == nil else { return }
            guard try store.takeEnumeration(run: run.name, worker: identity, staleAfter: settings.staleEnumerationAfter) else { return }
        } catch {
            logger.warning("cannot take the enumeration", metadata: ["run": "\(run.name)", "error": "\(error)"])
            return
        }
        lock.withLock { enumerating = true }
        let thread = Thread { [self] in
            enumerate()
            lock.withLock { enumerating = false }
        }
        thread.start()
    }

    private func enumerate() {
        var batch: [String] = []
        var lastFlush = Date()
        var storeFailed = false
        func flush() {
            guard !batch.isEmpty else { return }
            do {
                try retrying("listing") { try store.addItems(run: run.name, paths: batch, worker: identity) }
            } catch {
                fail("cannot add to the work list: \(error)")
                storeFailed = true
            }
            batch.removeAll(keepingCapacity: true)
            lastFlush = Date()
        }
        let complete = SubmissionWalker(roots: run.paths).walk(onError: { path, reason in
            self.logger.warning("skipped", metadata: ["path": "\(path)", "reason": "\(reason)"])
        }) { path in
            batch.append(path)
            if batch.count >= settings.enumerationBatch || Date().timeIntervalSince(lastFlush) >= 2 { flush() }
            return !storeFailed && !isStopping
        }
        flush()
        do {
            if complete && !storeFailed {
                _ = try retrying("listing") { try store.finishEnumeration(run: run.name, worker: identity) }
            } else {
                try store.releaseEnumeration(run: run.name, worker: identity)
            }
        } catch {
            fail("cannot finish the work list: \(error)")
        }
    }

    // MARK: Workers

    private func work(name: String) {
        var idleErrors = 0
        while !isStopping {
            let items: [RevalidationWorkItem]
            do {
                items = try retrying("claiming") {
                    try store.claimItems(run: run.name, worker: name, limit: settings.batchSize, staleAfter: settings.staleClaimAfter)
                }
            } catch {
                fail("cannot claim work: \(error)")
                return
            }
            if items.isEmpty {
                do {
                    let progress = try store.progress(run: run.name)
                    if progress.total != nil, progress.pending == 0 {
                        // Claims held by others: wait for them (they finish, or go stale and are taken over)
                        // unless every claim is gone.
                        if progress.claimed == 0 { return }
                    }
                    idleErrors = 0
                } catch {
                    idleErrors += 1
                    if idleErrors >= 5 {
                        fail("cannot read the progress: \(error)")
                        return
                    }
                }
                usleep(300_000)
                continue
            }
            process(items, worker: name)
        }
    }

    private func process(_ items: [RevalidationWorkItem], worker: String) {
        var findings: [(RevalidationWorkItem, Finding)] = []
        findings.reserveCapacity(items.count)
        for item in items {
            if isStopping { break }
            findings.append((item, evaluator.evaluate(item.path)))
        }
        let leftover = items.dropFirst(findings.count).map(\.seq)
        do {
            let decisions = try decide(findings, worker: worker)
            try retrying("recording") { try store.record(run: run.name, worker: worker, decisions) }
        } catch {
            fail("cannot record decisions: \(error)")
            return
        }
        if !leftover.isEmpty {
            do {
                try store.releaseItems(run: run.name, worker: worker, seqs: leftover)
            } catch {
                logger.warning("cannot put unstarted items back; they are taken over when stale",
                               metadata: ["run": "\(run.name)", "error": "\(error)"])
            }
        }
    }

    /// Compares each finding with the previous decision about the same bytes; renders the changed.
    private func decide(_ findings: [(RevalidationWorkItem, Finding)], worker: String) throws -> [RevalidationDecision] {
        let shas = findings.compactMap { $0.1.sha256 }
        let previous = try retrying("looking up previous decisions") {
            try store.previousDecisions(sha256s: shas, excludingRun: run.name)
        }
        return findings.map { item, finding in
            let before = finding.sha256.flatMap { previous[$0] }
            let beforeProblems: ProblemList? = before.flatMap { decision in
                if let problems = decision.problems { return ProblemList(encoded: problems) }
                return decision.output.flatMap(Evaluator.problems(ofResultIn:))
            }
            let comparison = Change.compare(finding, with: before, previousProblems: beforeProblems)
            var output: String?
            var error = finding.error
            if comparison.change.isChange, evaluator.renders {
                switch evaluator.render(item.path) {
                case .success(let folder): output = folder
                case .failure(let failure): error = "render \(failure.code): \(failure.message)"
                }
            }
            return RevalidationDecision(
                seq: item.seq, path: item.path, sha256: finding.sha256, form: finding.form, serviceItem: finding.serviceItem,
                serviceItemName: finding.serviceItemName, region: finding.region, regionName: finding.regionName,
                status: finding.status, problems: finding.problems.encoded, error: error, previousStatus: before?.status,
                previousProblems: beforeProblems?.encoded, previousSource: before?.source, previousOutput: before?.output,
                change: comparison.change.rawValue, changed: comparison.change.isChange,
                problemsAdded: comparison.added.encoded, problemsResolved: comparison.resolved.encoded, output: output,
                worker: worker, at: Date())
        }
    }

    /// A store call, tried again twice after a short pause (a PostgreSQL hiccup, a busy SQLite).
    private func retrying<T>(_ what: String, _ body: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            do {
                return try body()
            } catch {
                attempt += 1
                if attempt >= 3 { throw error }
                logger.warning("retrying", metadata: ["what": "\(what)", "error": "\(error)"])
                usleep(UInt32(200_000 * attempt))
            }
        }
    }

    // MARK: Dead processes

    /// Puts back the claims of processes of this machine that no longer exist (killed), so their
    /// items are not left waiting for the stale-claim timeout.
    private func releaseDeadLocalClaims() {
        guard let holders = try? store.claimHolders(run: run.name) else { return }
        for worker in holders.keys {
            guard let process = Self.process(of: worker), process.host == host, process.pid != getpid() else { continue }
            if kill(process.pid, 0) != 0 && errno == ESRCH {
                if let released = try? store.releaseClaims(run: run.name, worker: worker), released > 0 {
                    logger.info("took over the claims of a process that is gone",
                                metadata: ["worker": "\(worker)", "items": "\(released)"])
                }
            }
        }
    }

    /// `host:pid/n` → (host, pid).
    static func process(of worker: String) -> (host: String, pid: pid_t)? {
        let name = worker.split(separator: "/").first.map(String.init) ?? worker
        guard let colon = name.lastIndex(of: ":"), let pid = pid_t(name[name.index(after: colon)...]) else { return nil }
        return (String(name[..<colon]), pid)
    }
}
