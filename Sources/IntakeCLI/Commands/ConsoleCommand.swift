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
            Accounts: `intake clerk add`.
            """)

        @Option(help: ArgumentHelp("The result folders, as `watch --output`.", valueName: "dir"))
        var output: String
        @Option(help: ArgumentHelp("The state folder, as `watch --state` (its ledger.sqlite holds clerks and the audit trail).",
                                   valueName: "dir"))
        var state: String
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
        @OptionGroup var catalogOptions: CatalogOptions
        @OptionGroup var clockOptions: ClockOptions
        @OptionGroup var loggingOptions: LoggingOptions

        func run() async throws {
            loggingOptions.bootstrap(quietByDefault: true)
            guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65535).contains(port) else {
                throw ValidationError("--listen must be host:port, not \"\(listen)\"")
            }
            let host = String(listen[..<colon])
            let loopback = host == "127.0.0.1" || host == "localhost" || host == "::1"
            guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("--tls-cert and --tls-key go together") }
            if !loopback && tlsCert == nil && !insecureLAN {
                throw ValidationError("--listen \(host) is reachable from the LAN: give --tls-cert and --tls-key, or --insecure-lan")
            }
            var settings = ConsoleSettings(output: URL(fileURLWithPath: output), state: URL(fileURLWithPath: state))
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
            let pipeline = Pipeline(catalog: try catalogOptions.load(), options: options)
            let server = try await ConsoleServer(settings: settings, pipeline: pipeline)
            let scheme = tlsCert == nil ? "http" : "https"
            try await server.run { address in
                // Unbuffered: whoever started the console (a test) reads the port from it.
                FileHandle.standardOutput.write(Data("listening on \(scheme)://\(address)\n".utf8))
            }
        }
    }
}
