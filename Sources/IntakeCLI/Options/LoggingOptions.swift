import ArgumentParser
import Logging

/// `--verbose`: one log line per submission on standard error (never personal data in full).
struct LoggingOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Log one line per submission on standard error.")
    var verbose = false

    func bootstrap() {
        let level: Logger.Level = verbose ? .info : .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
