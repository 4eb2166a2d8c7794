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
        guard let url else { return try SQLiteLedger(path: state.appendingPathComponent("ledger.sqlite").path) }
        if url.hasPrefix("sqlite://") { return try SQLiteLedger(path: String(url.dropFirst("sqlite://".count))) }
        let lowered = url.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            do {
                return try PostgresLedger(url: url)
            } catch let error as PostgresLedgerError {
                // Already free of the password.
                throw ValidationError("--ledger: \(error)")
            }
        }
        throw ValidationError("--ledger: \"\(PostgresURL.redact(url))\" is neither sqlite:///path nor postgres://")
    }
}
