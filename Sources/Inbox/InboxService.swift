import Foundation
import IntakeCore
import Ledger
import Logging
import Pipeline

/// `intake watch`: takes every finished file from the inbox, exactly once, and processes it.
///
/// For each file: claim (atomic rename into this process's claim folder), ledger `begin`
/// (new / duplicate / resumed), process with outputs written atomically, ledger `finish`, then
/// archive the original read-only by SHA-256 (or quarantine it with a reason). A crash at any
/// point leaves the file either in a claim folder, which the next start resumes under the same
/// token, or finished in the ledger; so nothing is lost and nothing is done twice.
public final class InboxService: @unchecked Sendable {
    // @unchecked: mutable state is the queue (locked) and `stopping` (locked).
    public let settings: InboxSettings
    let pipeline: Pipeline
    let ledger: Ledger
    let logger: Logger
    let claims: ClaimArea
    let archive: Archive
    let quarantine: Quarantine
    let queue = WorkQueue()
    private let lock = NSLock()
    private var stopping = false

    public init(settings: InboxSettings, pipeline: Pipeline, ledger: Ledger,
                logger: Logger = Logger(label: "intake.watch")) throws {
        self.settings = settings
        self.pipeline = pipeline
        self.ledger = ledger
        self.logger = logger
        for folder in [settings.inbox, settings.output, settings.archive, settings.state, settings.quarantine] {
            do {
                try FileSystem.makeDirectory(folder)
            } catch {
                throw WatchError(message: "\(error)")
            }
        }
        do {
            claims = try ClaimArea(root: settings.claims)
        } catch {
            throw WatchError(message: "cannot set up the claim folder: \(error)")
        }
        archive = Archive(root: settings.archive)
        quarantine = Quarantine(root: settings.quarantine)
    }

    public struct WatchError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Asks the service to stop: workers finish the submission in hand, nothing new is taken.
    public func stop() {
        lock.lock()
        stopping = true
        lock.unlock()
        queue.stop()
    }

    var isStopping: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopping
    }

    /// Runs until `stop()` (or, with `exitWhenIdle`, until nothing is left to do).
    public func run() {
        writeStateFile()
        OutputStore(root: settings.output).cleanStaleTemporaries()
        for claimed in claims.recover() {
            logger.info("resuming claim", metadata: ["file": "\(claimed.name)", "token": "\(claimed.token)"])
            queue.enqueue(claimed: claimed, attempt: 0)
        }
        let workers = (0..<max(1, settings.workers)).map { index in
            let thread = Thread { [self] in
                while let job = queue.next() {
                    handle(job)
                    queue.done(job)
                }
            }
            thread.name = "intake-worker-\(index)"
            thread.start()
            return thread
        }
        scan()
        while workers.contains(where: { !$0.isFinished }) { usleep(20_000) }
    }

    /// The scanning loop: inotify wakes it early, polling guarantees progress.
    func scan() {
        let useInotify: Bool
        switch settings.mode {
        case .poll: useInotify = false
        case .inotify: useInotify = true
        case .auto: useInotify = !Inotify.isNetworkFileSystem(settings.inbox)
        }
        let inotify = useInotify ? Inotify(watching: settings.inbox) : nil
        logger.info("watching", metadata: ["inbox": "\(settings.inbox.path)", "mode": "\(inotify == nil ? "poll" : "inotify")",
                                           "workers": "\(settings.workers)"])
        var settler = Settler(settle: settings.settle)
        var idleRounds = 0
        while !isStopping {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: settings.inbox.path)) ?? []
            let ready = settler.ready(in: settings.inbox, names: names, now: Date().timeIntervalSince1970)
            for (url, _) in ready { settler.forget(url.lastPathComponent) }
            queue.enqueue(ready)
            if settings.exitWhenIdle {
                // A bundle folder still waiting for its READY marker does not keep the service up.
                let waiting = names.contains { name in
                    guard Settler.isCandidate(name) else { return false }
                    let url = settings.inbox.appendingPathComponent(name)
                    return FileSystem.stamp(url)?.isFile == true
                        || BundleRules.readyMarkers.contains { FileSystem.exists(url.appendingPathComponent($0)) }
                }
                idleRounds = (!waiting && queue.isIdle) ? idleRounds + 1 : 0
                if idleRounds >= 3 {
                    stop()
                    break
                }
            }
            if let inotify {
                let events = inotify.wait(timeout: settings.poll)
                for name in events.renamed { settler.markRenamed(name) }
            } else {
                usleep(UInt32(settings.poll * 1_000_000))
            }
        }
    }

    func handle(_ job: WorkQueue.Job) {
        switch job {
        case .inbox(let url, let droppedAt):
            guard let claimed = claims.claim(url, droppedAt: droppedAt) else { return }  // another watcher won
            handle(claimed, attempt: 0)
        case .claimed(let claimed, let attempt):
            handle(claimed, attempt: attempt)
        }
    }

    func handle(_ claimed: ClaimArea.Claimed, attempt: Int) {
        let displayPath = settings.inbox.appendingPathComponent(claimed.name).path
        // A file is read now, a bundle folder opened: the ledger needs the id before processing.
        let input: (sha: String, process: () -> Pipeline.Outcome)
        do {
            if FileSystem.stamp(claimed.url)?.isFolder == true {
                let bundle = try pipeline.bundle(folder: claimed.url, path: displayPath)
                input = (bundle.sha256, { [pipeline] in pipeline.process(bundle: bundle, path: displayPath) })
            } else {
                let bytes = try pipeline.readFile(claimed.url.path, followLinks: false)
                let sha = SubmissionID.sha256Hex(bytes)
                input = (sha, { [pipeline] in pipeline.process(bytes: bytes, sha256: sha, path: displayPath) })
            }
        } catch {
            // Too large, unreadable or a malformed bundle: set aside, keyed by the token since the
            // content is unknown.
            finish(claimed, sha: "unread-\(claimed.token)", outcome: .failed(error), displayPath: displayPath, attempt: attempt)
            return
        }
        let sha = input.sha
        let decision: ClaimDecision
        do {
            decision = try ledger.begin(ClaimRecord(sha256: sha, name: claimed.name, token: claimed.token,
                                                    droppedAt: claimed.droppedAt, claimedAt: Date(), worker: claims.worker))
        } catch {
            retry(claimed, sha: sha, attempt: attempt, reason: "ledger: \(error)")
            return
        }
        switch decision {
        case .alreadyFinished:
            settle(claimed, sha: sha)
        case .duplicate(let first):
            logger.info("duplicate", metadata: ["file": "\(claimed.name)", "sha256": "\(sha.prefix(16))", "first": "\(first)"])
            store(claimed, sha: sha)
        case .process:
            let outcome = input.process()
            finish(claimed, sha: sha, outcome: outcome, displayPath: displayPath, attempt: attempt)
        }
    }

    func finish(_ claimed: ClaimArea.Claimed, sha: String, outcome: Pipeline.Outcome, displayPath: String, attempt: Int) {
        switch outcome {
        case .processed(let result):
            record(sha, claimed, Completion(state: .done, resultStatus: result.status.rawValue,
                                            resultDirectory: result.outputs.directory, reason: nil, finishedAt: Date()),
                   attempt: attempt)
            store(claimed, sha: sha)
            let latency = Int(Date().timeIntervalSince(claimed.droppedAt) * 1000)
            logger.info("\(result.status.rawValue)", metadata: ["file": "\(claimed.name)", "id": "\(result.id)",
                                                                 "latency_ms": "\(latency)"])
        case .duplicate(let id, let previous):
            record(sha, claimed, Completion(state: .done, resultStatus: "duplicate", resultDirectory: previous,
                                            reason: "outputs of \(id) exist", finishedAt: Date()), attempt: attempt)
            store(claimed, sha: sha)
        case .failed(let error) where Self.isTransient(error):
            retry(claimed, sha: sha, attempt: attempt, reason: error.description)
        case .failed(let error):
            let reason = "\(error.code): \(Masking.maskDigitRuns(in: error.description))"
            if sha.hasPrefix("unread-") {
                _ = try? ledger.begin(ClaimRecord(sha256: sha, name: claimed.name, token: claimed.token,
                                                  droppedAt: claimed.droppedAt, claimedAt: Date(), worker: claims.worker))
            }
            record(sha, claimed, Completion(state: .quarantined, resultStatus: nil, resultDirectory: nil, reason: reason,
                                            finishedAt: Date()), attempt: attempt)
            do {
                try quarantine.store(claimed.url, token: claimed.token, name: claimed.name, reason: reason)
            } catch {
                logger.error("cannot quarantine", metadata: ["file": "\(claimed.name)", "reason": "\(error)"])
            }
            logger.warning("quarantined", metadata: ["file": "\(claimed.name)", "reason": "\(reason)"])
        }
    }

    /// A claim whose ledger row is already final: finish the file's side of it.
    func settle(_ claimed: ClaimArea.Claimed, sha: String) {
        if (try? ledger.entry(sha256: sha))??.state == "quarantined" {
            try? quarantine.store(claimed.url, token: claimed.token, name: claimed.name, reason: "quarantined before a restart")
        } else {
            store(claimed, sha: sha)
        }
    }

    func record(_ sha: String, _ claimed: ClaimArea.Claimed, _ completion: Completion, attempt: Int) {
        do {
            try ledger.finish(sha256: sha, token: claimed.token, completion)
        } catch {
            logger.error("ledger write failed; the claim stays and is resumed", metadata: ["file": "\(claimed.name)",
                                                                                        "reason": "\(error)"])
        }
    }

    func store(_ claimed: ClaimArea.Claimed, sha: String) {
        do {
            try archive.store(claimed.url, sha256: sha, name: claimed.name)
        } catch {
            // The claim stays in the claim folder; the next start archives it (ledger: already finished).
            logger.error("cannot archive", metadata: ["file": "\(claimed.name)", "reason": "\(error)"])
        }
    }

    func retry(_ claimed: ClaimArea.Claimed, sha: String, attempt: Int, reason: String) {
        let delay = min(60, 0.5 * pow(2, Double(attempt)))
        try? ledger.recordRetry(sha256: sha, token: claimed.token, reason: reason)
        logger.warning("will retry", metadata: ["file": "\(claimed.name)", "in_s": "\(delay)", "reason": "\(reason)"])
        queue.enqueue(claimed: claimed, attempt: attempt + 1, after: delay)
    }

    /// Output not writable (disk full, permissions) is worth retrying; a bad file is not.
    static func isTransient(_ error: IntakeError) -> Bool { error.code == .output }

    /// `watch.json` in the state folder tells `intake status` where the inbox is.
    func writeStateFile() {
        let info: [String: String] = [
            "inbox": settings.inbox.path, "output": settings.output.path, "archive": settings.archive.path,
            "quarantine": settings.quarantine.path, "pid": "\(getpid())", "worker": claims.worker,
            "startedAt": ISO8601DateFormatter().string(from: Date()),
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: info, options: [.sortedKeys, .prettyPrinted]) else { return }
        try? OutputStore.writeAtomically(Array(data), to: settings.state.appendingPathComponent("watch.json").path)
    }
}
