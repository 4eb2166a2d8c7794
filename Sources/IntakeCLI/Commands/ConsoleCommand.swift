import ArgumentParser
import Console
import Foundation
import Pipeline

extension IntakeCommand {
    struct ConsoleCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "console",
            abstract: "The window's web console: queue, verify beside the page, correct, decide, print.",
            discussion: """
            Serves the console over the same output, archive and state folders as `watch` (beside it). \
            Listens on 127.0.0.1 unless --listen names another address, which needs --tls-cert and --tls-key \
            or, knowingly, --insecure-lan. Prints the bound address first ("listening on http://127.0.0.1:8460"). \
            Accounts: `intake clerk add`. With --precheck-listen it also serves 网上预审 for applicants at \
            /precheck on that address, a listener of its own without accounts or clerk routes \
            ("precheck listening on http://…"); uploads are kept --precheck-keep hours.
            """)

        @Option(help: ArgumentHelp("The result folders, as `watch --output`.", valueName: "dir"))
        var output: String
        @Option(help: ArgumentHelp("The state folder, as `watch --state` (its ledger.sqlite holds clerks and the audit trail "
                                   + "unless --ledger names another).", valueName: "dir"))
        var state: String
        @OptionGroup var ledgerOptions: LedgerOptions
        @Option(help: ArgumentHelp("The archive of originals, as `watch --archive` (for page images).", valueName: "dir"))
        var archive: String?
        @Option(help: ArgumentHelp("The inbox `watch` reads: counter uploads go there.", valueName: "dir"))
        var inbox: String?
        @Option(help: ArgumentHelp("host:port to listen on (port 0: any free one).", valueName: "address"))
        var listen = "127.0.0.1:8460"
        @Option(name: .customLong("tls-cert"), help: ArgumentHelp("PEM certificate chain: serve HTTPS.", valueName: "file"))
        var tlsCert: String?
        @Option(name: .customLong("tls-key"), help: ArgumentHelp("PEM private key for --tls-cert.", valueName: "file"))
        var tlsKey: String?
        @Flag(name: .customLong("insecure-lan"), help: "Serve plain HTTP on a non-loopback address (passwords and personal data cross the LAN unencrypted).")
        var insecureLAN = false
        @Option(help: ArgumentHelp("CUPS queue for printing at the counter (`lp -d QUEUE`).", valueName: "queue"))
        var printer: String?
        @Option(name: .customLong("precheck-listen"), help: ArgumentHelp(
            "host:port for 网上预审 (/precheck, no account); off when not given.", valueName: "address"))
        var precheckListen: String?
        @Option(name: .customLong("precheck-keep"), help: ArgumentHelp("Hours an applicant's upload is kept (default 24).",
                                                                         valueName: "hours"))
        var precheckKeep: Double = 24
        @Option(name: .customLong("precheck-rate"), help: ArgumentHelp(
            "Checks one address may start in ten minutes (default 30; behind a proxy every applicant has its address).",
            valueName: "n"))
        var precheckRate: Int = 30
        @OptionGroup var catalogOptions: CatalogOptions
        @OptionGroup var clockOptions: ClockOptions
        @OptionGroup var loggingOptions: LoggingOptions

        /// host and port of `host:port`.
        static func address(_ text: String, option: String) throws -> (host: String, port: Int, loopback: Bool) {
            guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
                throw ValidationError("\(option) must be host:port, not \"\(text)\"")
            }
            let host = String(text[..<colon])
            return (host, port, host == "127.0.0.1" || host == "localhost" || host == "::1")
        }

        func run() async throws {
            loggingOptions.bootstrap(quietByDefault: true)
            let (host, port, loopback) = try Self.address(listen, option: "--listen")
            guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("--tls-cert and --tls-key go together") }
            if !loopback && tlsCert == nil && !insecureLAN {
                throw ValidationError("--listen \(host) is reachable from the LAN: give --tls-cert and --tls-key, or --insecure-lan")
            }
            try LedgerOptions.check(ledgerOptions.ledger)
            var settings = ConsoleSettings(output: URL(fileURLWithPath: output), state: URL(fileURLWithPath: state))
            settings.ledger = ledgerOptions.ledger
            settings.archive = archive.map { URL(fileURLWithPath: $0) }
            settings.inbox = inbox.map { URL(fileURLWithPath: $0) }
            settings.host = host
            settings.port = port
            settings.tlsCertificate = tlsCert
            settings.tlsKey = tlsKey
            settings.printer = printer
            settings.today = clockOptions.today
            var options = Pipeline.Options(outputRoot: settings.output, reprocess: true)
            options.today = clockOptions.today
            let catalog = try catalogOptions.load()
            let pipeline = Pipeline(catalog: catalog, options: options)
            let server = try await ConsoleServer(settings: settings, pipeline: pipeline)
            let scheme = tlsCert == nil ? "http" : "https"
            var precheck: PrecheckServer?
            if let precheckListen {
                let (host, port, loopback) = try Self.address(precheckListen, option: "--precheck-listen")
                if !loopback && !insecureLAN {
                    throw ValidationError("--precheck-listen \(host) is reachable from the LAN: put it behind the hall's HTTPS proxy on "
                                          + "127.0.0.1, or give --insecure-lan")
                }
                var precheckSettings = PrecheckSettings(folder: settings.state.appendingPathComponent("precheck"))
                precheckSettings.host = host
                precheckSettings.port = port
                precheckSettings.inbox = settings.inbox
                precheckSettings.keep = precheckKeep * 3600
                precheckSettings.checksPerWindow = precheckRate
                precheckSettings.today = clockOptions.today
                var checks = options
                checks.recognizer = Pipeline.ocrRecognizer()
                checks.isolatedRehearsal = IsolatedReading.rehearsal(forms: catalogOptions.located)
                precheck = try await PrecheckServer(settings: precheckSettings, catalog: catalog, options: checks,
                                                    ledger: server.store)
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await server.run { address in
                        // Unbuffered: whoever started the console (a test) reads the port from it.
                        FileHandle.standardOutput.write(Data("listening on \(scheme)://\(address)\n".utf8))
                    }
                }
                if let precheck {
                    group.addTask {
                        try await precheck.run { address in
                            FileHandle.standardOutput.write(Data("precheck listening on http://\(address)/precheck\n".utf8))
                        }
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        }
    }
}
