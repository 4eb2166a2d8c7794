import ArgumentParser
import Foundation
import Ledger
import Logging
import Report
import Revalidate

extension IntakeCommand {
    struct Revalidate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every past submission again against the current catalog, and report what changed.",
            discussion: """
            PATH is an archive written by `intake watch` (<archive>/<ab>/<sha256>.<ext>, bundle folders \
            too) or any folder tree of submissions (.xml, .pdf, .zip files and bundle folders; hidden \
            names skipped), or single files. Every submission is checked again against the current \
            catalog, in parallel (--workers, default: every core), writing nothing unless --render. \
            Each new decision is compared with the last one recorded for the same bytes (SHA-256): by \
            an earlier revalidation, or by `intake watch` in the ledger. Both are kept, and each \
            submission is classed unchanged, newly-incomplete, newly-complete, problems-added, \
            problems-resolved, status-changed, new (no earlier decision) or failed (unreadable; the \
            reason is recorded). --render writes form.pdf, notice.pdf and result.json of the changed \
            ones under --output.

            The run's work list is kept in the ledger: stop it with Ctrl-C (or SIGTERM): the files in \
            hand are finished and recorded; running the same command again (or with --run NAME) \
            resumes where it stopped. Without --run, the latest unfinished run for the same PATHs and \
            catalog is resumed, or a new run is started (named <date>-<time>-<hash>).

            Several machines: give each the same --ledger postgres://… and the same --run NAME (and \
            the same PATHs, e.g. an NFS mount). One process lists the PATHs, all claim batches of the \
            list (FOR UPDATE SKIP LOCKED), and the last one to finish writes the report.

            The report (--report DIR, default <output>/reports/<run>/): report.csv (one row per \
            submission), report.json (totals, changed list), report.html (for the section chief).

            Exit status: 0 the run is finished (or this process's share is done and another process \
            finishes it); 2 finished, but some files could not be read; 130 stopped by SIGINT or \
            SIGTERM (run again to resume); 1 the ledger failed; 64 usage error.
            """)

        @Argument(help: ArgumentHelp("Archive folders, submission folders or files (may be omitted with --run NAME of an existing run).",
                                     valueName: "path"))
        var paths: [String] = []

        @OptionGroup var ledgerOptions: LedgerOptions
        @Option(help: ArgumentHelp("The state folder holding ledger.sqlite when --ledger is not given (default: state).",
                                   valueName: "dir"))
        var state: String = "state"
        @Option(name: .shortAndLong, help: ArgumentHelp("Where --render writes <YYYY-MM-DD>/<submission-id>/ folders, and the reports.",
                                                        valueName: "dir"))
        var output: String = "output"
        @Flag(help: "Regenerate form.pdf, notice.pdf and result.json of the submissions whose decision changed.")
        var render = false
        @Option(help: ArgumentHelp("Submissions checked at once (default: the number of cores).", valueName: "n"))
        var workers: Int?
        @Option(help: ArgumentHelp("Items a worker claims at once (default 200).", valueName: "n"))
        var batch: Int = 200
        @Option(help: ArgumentHelp("Folder for report.csv, report.json, report.html (default: <output>/reports/<run>).",
                                   valueName: "dir"))
        var report: String?
        @Option(name: .customLong("run"), help: ArgumentHelp("The run to start, join or resume (letters, digits, - _ .).",
                                                             valueName: "name"))
        var runName: String?
        @Flag(help: "Print one JSON object with the run's totals and the report's paths on standard output.")
        var json = false
        @OptionGroup var catalogOptions: CatalogOptions
        @OptionGroup var loggingOptions: LoggingOptions
        @OptionGroup var clockOptions: ClockOptions

        func validate() throws {
            if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
            guard (1...10_000).contains(batch) else { throw ValidationError("--batch must be between 1 and 10000") }
            if let runName, !RunIdentity.isValidName(runName) {
                throw ValidationError("--run: \"\(runName)\" is not a valid run name (letters, digits, - _ . ; at most 100)")
            }
            if paths.isEmpty && runName == nil { throw ValidationError("give the PATHs to check again, or --run NAME of an existing run") }
        }

        func run() throws {
            loggingOptions.bootstrap()
            let catalog = try catalogOptions.load()
            let fingerprint = RunIdentity.catalogFingerprint(catalog.directory)
            let store = try openStore()
            let absolute = RunIdentity.absolutePaths(paths)
            let key = RunIdentity.key(paths: absolute, catalog: fingerprint)

            var current: RevalidationRun
            do {
                if let name = runName, let existing = try store.run(named: name) {
                    guard existing.catalog == fingerprint else {
                        throw ValidationError("--run \(name) was started with another catalog (fingerprint \(existing.catalog.prefix(12)), "
                                              + "this one is \(fingerprint.prefix(12))); use another run name")
                    }
                    if !absolute.isEmpty, Set(absolute) != Set(existing.paths) {
                        throw ValidationError("--run \(name) covers \(existing.paths.joined(separator: " ")); "
                                              + "give the same PATHs, or none")
                    }
                    current = existing
                } else if let name = runName {
                    guard !absolute.isEmpty else { throw ValidationError("there is no run named \(name); give the PATHs to start it") }
                    current = try store.startRun(RevalidationRun(name: name, key: key, paths: absolute, catalog: fingerprint,
                                                                 createdAt: Date()))
                } else if let unfinished = try store.latestUnfinishedRun(key: key) {
                    current = unfinished
                } else {
                    current = try store.startRun(RevalidationRun(name: RunIdentity.newName(key: key), key: key, paths: absolute,
                                                                 catalog: fingerprint, createdAt: Date()))
                }
            } catch let error as ValidationError {
                throw error
            } catch {
                throw fatal("cannot open the run: \(error)")
            }
            let outputURL = URL(fileURLWithPath: output)
            let reportURL = report.map { URL(fileURLWithPath: $0) }
                ?? outputURL.appendingPathComponent("reports").appendingPathComponent(current.name)

            if current.finishedAt != nil {
                note("run \(current.name) is already finished; writing its report again")
                return try finish(current, store: store, reportURL: reportURL, state: "finished")
            }
            note(current.createdAt.timeIntervalSinceNow > -5 && current.enumeratedAt == nil
                 ? "run \(current.name): started" : "run \(current.name): joining (resumes where it stopped)")

            var quiet = Logger(label: "intake.revalidate.pipeline")
            quiet.logLevel = loggingOptions.verbose ? .info : .critical
            let evaluator = Evaluator(catalog: catalog, output: outputURL, render: render, today: clockOptions.today,
                                      logger: quiet)
            var settings = RevalidationRunner.Settings(workers: workers ?? ProcessInfo.processInfo.activeProcessorCount)
            settings.batchSize = batch
            let display = ProgressDisplay(mode: json && isatty(STDERR_FILENO) == 0 ? .lines(every: 5) : ProgressDisplay.forStandardError())
            let runner = RevalidationRunner(run: current, store: store, evaluator: evaluator, settings: settings, display: display)

            let signals = Signals { first in
                if first {
                    display.interrupt()
                    Diagnostics.line("intake revalidate: stopping after the files in hand (again to quit at once)")
                    runner.stop()
                } else {
                    Diagnostics.line("intake revalidate: quitting; claimed items are taken over later")
                    _exit(130)
                }
            }
            let ending = runner.execute()
            signals.cancel()

            switch ending {
            case .finished(let reportHere):
                if reportHere {
                    try finish(current, store: store, reportURL: reportURL, state: "finished")
                } else {
                    let reporter = (try? store.run(named: current.name))??.reporter ?? "another process"
                    note("run \(current.name) is finished; \(reporter) writes the report")
                    emit(current, state: "finished-elsewhere", files: nil, store: store)
                }
            case .shareDone:
                note("run \(current.name): this process's share is done; the last process to finish writes the report")
                emit(current, state: "share-done", files: nil, store: store)
            case .stopped:
                let progress = try? store.progress(run: current.name)
                note("run \(current.name) stopped after \(progress?.done ?? 0) of \(progress?.total.map(String.init) ?? "?") submissions; "
                     + "resume with: intake revalidate --run \(current.name)\(ledgerOptions.ledger == nil ? " --state \(state)" : " --ledger …")")
                emit(current, state: "stopped", files: nil, store: store)
                throw ExitCode(130)
            case .failed(let message):
                throw fatal(message)
            }
        }

        /// Writes the report of a finished run, prints its totals, and exits 2 if files failed.
        func finish(_ run: RevalidationRun, store: RevalidationStore, reportURL: URL, state: String) throws {
            let files: ReportFiles
            do {
                files = try RunReport.write(run: run, store: store, to: reportURL)
            } catch {
                throw fatal("cannot write the report: \(error)")
            }
            let t = files.totals
            if !json {
                let statuses = DecisionStatus.all.map { "\(t.byStatus[$0, default: 0]) \($0)" }
                let changes = Change.allCases.filter { $0 != .failed }.map { "\(t.byChange[$0.rawValue, default: 0]) \($0.rawValue)" }
                print("run \(run.name): \(t.total) submission(s): \(statuses.joined(separator: ", "))")
                print("changes: \(changes.joined(separator: ", "))")
                print("report: \(files.html.path) (report.csv, report.json)")
            }
            emit(run, state: state, files: files, store: store)
            if t.byStatus[DecisionStatus.failed, default: 0] > 0 { throw ExitCode(2) }
        }

        struct Summary: Encodable {
            var run: String
            var state: String
            var total: Int?
            var done: Int?
            var byStatus: [String: Int]?
            var byChange: [String: Int]?
            var changed: Int?
            var report: [String: String]?
        }

        func emit(_ run: RevalidationRun, state: String, files: ReportFiles?, store: RevalidationStore) {
            guard json else { return }
            let progress = try? store.progress(run: run.name)
            let summary = Summary(
                run: run.name, state: state, total: files?.totals.total ?? progress?.total, done: progress?.done,
                byStatus: files?.totals.byStatus, byChange: files?.totals.byChange, changed: files?.totals.changed,
                report: files.map { ["csv": $0.csv.path, "json": $0.json.path, "html": $0.html.path] })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            if let data = try? encoder.encode(summary) { print(String(decoding: data, as: UTF8.self)) }
        }

        func openStore() throws -> RevalidationStore {
            let url = ledgerOptions.ledger
            do {
                guard let url else {
                    let folder = URL(fileURLWithPath: state)
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    return try SQLiteRevalidationStore(path: folder.appendingPathComponent("ledger.sqlite").path)
                }
                if url.hasPrefix("sqlite://") { return try SQLiteRevalidationStore(path: String(url.dropFirst("sqlite://".count))) }
                let lowered = url.lowercased()
                if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
                    return try PostgresRevalidationStore(url: url)
                }
            } catch let error as PostgresLedgerError {
                throw fatal("--ledger: \(error)")
            } catch {
                throw fatal("cannot open the ledger: \(error)")
            }
            throw ValidationError("--ledger: \"\(PostgresURL.redact(url ?? ""))\" is neither sqlite:///path nor postgres://")
        }

        func note(_ text: String) {
            Diagnostics.line("intake revalidate: \(text)")
        }

        func fatal(_ message: String) -> ExitCode {
            note(message)
            return ExitCode(1)
        }
    }
}
