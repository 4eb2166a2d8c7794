import ArgumentParser
import Foundation
import Inbox
import IntakeCore
import Pipeline
import Yams

extension IntakeCommand {
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Watch the scanning stations' inbox and process every submission that arrives, exactly once.",
            discussion: """
            A file is taken once it is complete: renamed into the inbox (write it as *.tmp or *.part \
            or a dot-file, then rename), or unchanged in size and time for --settle seconds. It is \
            claimed by an atomic rename (several watchers on one inbox never take the same file), \
            recorded in the ledger, processed (outputs written atomically under --output), then its \
            original is archived read-only under --archive by SHA-256. Files that cannot be \
            processed go to the quarantine folder with a .reason.txt. The same file dropped twice is \
            recorded as a duplicate and not processed again. After a crash or kill -9, the next \
            start resumes every claim; nothing is lost or done twice. SIGTERM or SIGINT finishes \
            the submissions in hand and stops.

            Settings may come from --config FILE (YAML with the same names: inbox, output, archive, \
            state, quarantine, ledger, poll, settle, workers, mode); flags override it.
            """)

        @Option(help: ArgumentHelp("YAML file with the settings below.", valueName: "file"))
        var config: String?
        @Option(help: ArgumentHelp("The folder scanning stations drop files into.", valueName: "dir"))
        var inbox: String?
        @Option(help: ArgumentHelp("Where result folders go.", valueName: "dir"))
        var output: String?
        @Option(help: ArgumentHelp("Where originals are archived, read-only, by SHA-256.", valueName: "dir"))
        var archive: String?
        @Option(help: ArgumentHelp("The service's state folder (ledger, watch.json).", valueName: "dir"))
        var state: String?
        @Option(help: ArgumentHelp("Where failed files go (default: <state>/quarantine).", valueName: "dir"))
        var quarantine: String?
        @OptionGroup var ledgerOptions: LedgerOptions
        @Option(help: ArgumentHelp("Seconds between scans of the inbox (default 0.2).", valueName: "seconds"))
        var poll: Double?
        @Option(help: ArgumentHelp("Seconds a file must stay unchanged before it is taken (default 0.8).", valueName: "seconds"))
        var settle: Double?
        @Option(help: ArgumentHelp("Submissions processed at once (default 1).", valueName: "n"))
        var workers: Int?
        @Option(help: ArgumentHelp("How arrivals are noticed: auto is inotify unless the inbox is on a network share (default auto)."))
        var mode: InboxSettings.WatchMode?
        @Flag(help: "Stop once the inbox is empty and every claim is finished.")
        var exitWhenIdle = false
        @Flag(name: .customLong("no-render"), help: "Write result.json only.")
        var noRender = false
        @OptionGroup var catalogOptions: CatalogOptions
        @OptionGroup var loggingOptions: LoggingOptions
        @OptionGroup var clockOptions: ClockOptions

        struct FileSettings: Decodable {
            var inbox, output, archive, state, quarantine, ledger, mode: String?
            var poll, settle: Double?
            var workers: Int?
        }

        func run() throws {
            loggingOptions.bootstrap(quietByDefault: false)
            var file = FileSettings()
            if let config {
                do {
                    file = try YAMLDecoder().decode(FileSettings.self, from: try String(contentsOfFile: config, encoding: .utf8))
                } catch {
                    throw ValidationError("--config \(config): \(error)")
                }
            }
            func folder(_ flag: String?, _ fromFile: String?, _ name: String) throws -> URL {
                guard let value = flag ?? fromFile else { throw ValidationError("--\(name) is required (or `\(name):` in --config)") }
                return URL(fileURLWithPath: value)
            }
            let stateURL = try folder(state, file.state, "state")
            var settings = InboxSettings(inbox: try folder(inbox, file.inbox, "inbox"), output: try folder(output, file.output, "output"),
                                         archive: try folder(archive, file.archive, "archive"), state: stateURL,
                                         quarantine: (quarantine ?? file.quarantine).map { URL(fileURLWithPath: $0) })
            settings.poll = poll ?? file.poll ?? settings.poll
            settings.settle = settle ?? file.settle ?? settings.settle
            settings.workers = workers ?? file.workers ?? settings.workers
            if let mode {
                settings.mode = mode
            } else if let name = file.mode {
                guard let fromFile = InboxSettings.WatchMode(rawValue: name) else {
                    throw ValidationError("--config \(config ?? ""): mode must be auto, inotify or poll, not \"\(name)\"")
                }
                settings.mode = fromFile
            }
            settings.exitWhenIdle = exitWhenIdle
            guard settings.workers >= 1, settings.poll > 0, settings.settle >= 0 else {
                throw ValidationError("--workers must be at least 1, --poll above 0, --settle not negative")
            }
            try FileManager.default.createDirectory(at: stateURL, withIntermediateDirectories: true)
            let ledger = try LedgerOptions.open(ledgerOptions.ledger ?? file.ledger, state: stateURL)
            let catalog = try catalogOptions.load()
            var options = Pipeline.Options(outputRoot: settings.output, render: !noRender, reprocess: true,
                                           recognizer: Pipeline.ocrRecognizer())
            options.today = clockOptions.today
            // A PDF that crashes poppler must not take the service down with the files in hand.
            options.isolatedRehearsal = IsolatedReading.rehearsal(forms: catalogOptions.located)
            let pipeline = Pipeline(catalog: catalog, options: options)
            let service = try InboxService(settings: settings, pipeline: pipeline, ledger: ledger)
            let signals = Signals { _ in service.stop() }
            service.run()
            signals.cancel()
        }
    }
}

extension InboxSettings.WatchMode: ExpressibleByArgument {}
