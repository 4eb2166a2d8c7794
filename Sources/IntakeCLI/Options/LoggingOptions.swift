import ArgumentParser
import Logging

/// `--verbose`: one log line per submission on standard error (never personal data in full).
struct LoggingOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Log one line per submission on standard error.")
    var verbose = false

    /// `quietByDefault`: `process` prints its own summary, so its per-file log lines wait for
    /// --verbose; `watch` logs one line per submission always.
    func bootstrap(quietByDefault: Bool = true) {
        let level: Logger.Level = verbose || !quietByDefault ? .info : .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
