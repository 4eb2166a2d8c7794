import ArgumentParser
import Foundation
import Ledger

/// `--ledger`: where the inbox service records what it took.
struct LedgerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The ledger: sqlite:///path/ledger.sqlite (default: <state>/ledger.sqlite), or "
                               + "postgres://user:password@host:port/database for several machines sharing one inbox "
                               + "(optional ?sslmode=disable|prefer|require|verify-full&timeout=seconds&pool=n).",
                               valueName: "url"))
    var ledger: String?

    /// Opens the ledger named by `url` (or the default in `state`).
    static func open(_ url: String?, state: URL) throws -> Ledger {
        try check(url)
        guard let url else { return try SQLiteLedger(path: state.appendingPathComponent("ledger.sqlite").path) }
        if url.hasPrefix("sqlite://") { return try SQLiteLedger(path: String(url.dropFirst("sqlite://".count))) }
        do {
            return try PostgresLedger(url: url)
        } catch let error as PostgresLedgerError {
            // Already free of the password.
            throw ValidationError("--ledger: \(error)")
        }
    }

    /// The console's tables in the ledger named by `url` (or the default in `state`).
    static func consoleStore(_ url: String?, state: URL) throws -> any ConsoleStore {
        try check(url)
        do {
            return try openConsoleStore(ledger: url, state: state)
        } catch let error as PostgresLedgerError {
            throw ValidationError("--ledger: \(error)")
        }
    }

    /// Refuses a URL of neither scheme before anything is opened.
    static func check(_ url: String?) throws {
        guard let url else { return }
        let lowered = url.lowercased()
        guard url.hasPrefix("sqlite://") || lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") else {
            throw ValidationError("--ledger: \"\(PostgresURL.redact(url))\" is neither sqlite:///path nor postgres://")
        }
    }
}
