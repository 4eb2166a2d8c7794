import Foundation

/// Where `intake revalidate` keeps its runs, their work lists and every decision it made, beside
/// the inbox ledger (the same SQLite file or PostgreSQL database): history, never overwritten.
///
/// Three tables:
/// - `revalidation_runs`: one row per run (name, the PATHs, the catalog fingerprint, who
///   enumerates, when enumeration ended and how many items it found, when the run finished).
/// - `revalidation_items`: the run's work list, one row per submission path, `pending` →
///   `claimed` (by a worker, at a time) → `done`. Claims are taken in batches; on PostgreSQL
///   with `FOR UPDATE SKIP LOCKED`, so processes on several machines never take the same row.
/// - `revalidations`: one row per item done: the new decision, the previous one it was compared
///   with and the change.
///
/// Every method is one transaction. Implementations: `SQLiteRevalidationStore`,
/// `PostgresRevalidationStore`.
public protocol RevalidationStore: AnyObject, Sendable {
    /// Creates the run if no run of that name exists; returns the stored run either way.
    func startRun(_ run: RevalidationRun) throws -> RevalidationRun
    func run(named name: String) throws -> RevalidationRun?
    /// The newest run with this key that has not finished.
    func latestUnfinishedRun(key: String) throws -> RevalidationRun?

    /// Makes `worker` the run's enumerator if enumeration has not finished and nobody else has
    /// renewed the lease within `staleAfter` seconds. True when `worker` holds the lease.
    func takeEnumeration(run: String, worker: String, staleAfter: TimeInterval) throws -> Bool
    /// Adds paths to the work list (paths already listed are ignored) and renews the lease.
    func addItems(run: String, paths: [String], worker: String) throws
    /// Marks enumeration finished; returns the total number of items.
    func finishEnumeration(run: String, worker: String) throws -> Int
    /// Gives the lease up (stopped before the end): the next process enumerates again.
    func releaseEnumeration(run: String, worker: String) throws

    /// Claims up to `limit` pending items (or items whose claim is older than `staleAfter`), in order.
    func claimItems(run: String, worker: String, limit: Int, staleAfter: TimeInterval) throws -> [RevalidationWorkItem]
    /// Puts claimed items back to pending (a worker stopping before it processed them).
    func releaseItems(run: String, worker: String, seqs: [Int64]) throws
    /// Workers holding claims in the run, with how many each holds.
    func claimHolders(run: String) throws -> [String: Int]
    /// Puts every claim of `worker` back to pending (a worker that is known to be dead).
    func releaseClaims(run: String, worker: String) throws -> Int

    /// The newest decision about each of these submissions made outside `excludingRun`: by an
    /// earlier revalidation, else by the inbox service (`submission` table; its problems are not
    /// in the ledger and come back nil, its result folder as `output`).
    func previousDecisions(sha256s: [String], excludingRun: String) throws -> [String: PreviousDecision]
    /// Records decisions and marks their items done, in one transaction. A decision for an item
    /// already recorded (taken over by another worker meanwhile) is ignored.
    func record(run: String, worker: String, _ decisions: [RevalidationDecision]) throws

    func progress(run: String) throws -> RevalidationProgress
    /// Marks the run finished if every item is done; true only for the one call that did it.
    func finishRun(run: String, worker: String) throws -> Bool
    /// The run's decisions in item order, `limit` at a time after item `seq`, for the report.
    func decisions(run: String, after seq: Int64, limit: Int) throws -> [RevalidationDecision]
}

public struct RevalidationRun: Sendable, Hashable {
    public var name: String
    /// Identifies "the same revalidation": a hash of the PATHs and the catalog fingerprint.
    public var key: String
    public var paths: [String]
    /// Fingerprint of the catalog the run checks against.
    public var catalog: String
    public var createdAt: Date
    public var enumeratedAt: Date?
    public var total: Int?
    public var finishedAt: Date?
    /// The worker that finished the run (and writes the report).
    public var reporter: String?

    public init(name: String, key: String, paths: [String], catalog: String, createdAt: Date,
                enumeratedAt: Date? = nil, total: Int? = nil, finishedAt: Date? = nil, reporter: String? = nil) {
        self.name = name
        self.key = key
        self.paths = paths
        self.catalog = catalog
        self.createdAt = createdAt
        self.enumeratedAt = enumeratedAt
        self.total = total
        self.finishedAt = finishedAt
        self.reporter = reporter
    }

    static func encodePaths(_ paths: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(paths), as: UTF8.self)) ?? "[]"
    }

    static func decodePaths(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}

/// One entry of a run's work list: a submission file or bundle folder.
public struct RevalidationWorkItem: Sendable, Hashable {
    public var seq: Int64
    public var path: String
    public init(seq: Int64, path: String) {
        self.seq = seq
        self.path = path
    }
}

/// A decision made before: by an earlier revalidation or by the inbox service.
public struct PreviousDecision: Sendable, Hashable {
    /// accepted, incomplete, rejected, needs-review, failed (quarantined by the inbox).
    public var status: String
    /// The problems as recorded (see `RevalidationDecision.problems`); nil when not known.
    public var problems: String?
    /// `watch`, or `revalidation <run>`.
    public var source: String
    /// The output folder of that decision, when there was one.
    public var output: String?
    public var at: Date
    public init(status: String, problems: String?, source: String, output: String?, at: Date) {
        self.status = status
        self.problems = problems
        self.source = source
        self.output = output
        self.at = at
    }
}

/// One row of `revalidations`: what a revalidation found for one item.
public struct RevalidationDecision: Sendable, Hashable {
    public var seq: Int64
    public var path: String
    /// Nil when the file could not be read at all.
    public var sha256: String?
    public var form: String?
    public var serviceItem: String?
    public var serviceItemName: String?
    /// The city's 6-digit code whose guide states the item.
    public var region: String?
    public var regionName: String?
    /// accepted, incomplete, rejected, needs-review, or failed.
    public var status: String
    /// The problems, one per line: `code<TAB>field<TAB>label`.
    public var problems: String
    /// For failures: `code: reason` (personal data masked).
    public var error: String?
    public var previousStatus: String?
    public var previousProblems: String?
    public var previousSource: String?
    public var previousOutput: String?
    /// unchanged, newly-incomplete, newly-complete, problems-added, problems-resolved,
    /// status-changed, new, failed.
    public var change: String
    public var changed: Bool
    /// Same format as `problems`.
    public var problemsAdded: String
    public var problemsResolved: String
    /// The folder regenerated for this decision (`--render`), if any.
    public var output: String?
    public var worker: String
    public var at: Date

    public init(seq: Int64, path: String, sha256: String?, form: String?, serviceItem: String?, serviceItemName: String?,
                region: String?, regionName: String?, status: String, problems: String, error: String?,
                previousStatus: String?, previousProblems: String?, previousSource: String?, previousOutput: String?,
                change: String, changed: Bool, problemsAdded: String, problemsResolved: String, output: String?,
                worker: String, at: Date) {
        self.seq = seq
        self.path = path
        self.sha256 = sha256
        self.form = form
        self.serviceItem = serviceItem
        self.serviceItemName = serviceItemName
        self.region = region
        self.regionName = regionName
        self.status = status
        self.problems = problems
        self.error = error
        self.previousStatus = previousStatus
        self.previousProblems = previousProblems
        self.previousSource = previousSource
        self.previousOutput = previousOutput
        self.change = change
        self.changed = changed
        self.problemsAdded = problemsAdded
        self.problemsResolved = problemsResolved
        self.output = output
        self.worker = worker
        self.at = at
    }

    /// The columns of `revalidations` after `run`, in the order of the initializer.
    static let columns = [
        "seq", "path", "sha256", "form", "service_item", "service_item_name", "region", "region_name", "status",
        "problems", "error", "previous_status", "previous_problems", "previous_source", "previous_output",
        "change_kind", "changed", "problems_added", "problems_resolved", "output", "worker", "at",
    ]
}

public struct RevalidationProgress: Sendable, Hashable {
    /// Known once enumeration has finished.
    public var total: Int?
    /// Items listed so far.
    public var listed: Int
    public var done: Int
    public var failed: Int
    public var claimed: Int
    public var pending: Int
    public init(total: Int?, listed: Int, done: Int, failed: Int, claimed: Int, pending: Int) {
        self.total = total
        self.listed = listed
        self.done = done
        self.failed = failed
        self.claimed = claimed
        self.pending = pending
    }
}

public struct RevalidationStoreError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
