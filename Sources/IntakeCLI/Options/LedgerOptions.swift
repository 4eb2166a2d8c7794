import ArgumentParser
import Foundation
import Ledger

/// `--ledger`: where the inbox service records what it took.
struct LedgerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The ledger: sqlite:///path/ledger.sqlite (default: <state>/ledger.sqlite). "
                               + "postgres:// URLs are reserved for several machines and not available in this build.",
                               valueName: "url"))
    var ledger: String?

    /// Opens the ledger named by `url` (or the default in `state`).
    static func open(_ url: String?, state: URL) throws -> Ledger {
        guard let url else { return try SQLiteLedger(path: state.appendingPathComponent("ledger.sqlite").path) }
        if url.hasPrefix("sqlite://") { return try SQLiteLedger(path: String(url.dropFirst("sqlite://".count))) }
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            throw ValidationError("--ledger: the PostgreSQL ledger is not available in this build yet; use sqlite:// or omit --ledger")
        }
        throw ValidationError("--ledger: \"\(url)\" is neither sqlite:///path nor postgres://")
    }
}
