import Foundation
import PostgresNIO

/// A PostgreSQL ledger failure, described without the password and without PostgresNIO's
/// deliberately generic `PSQLError` text.
public struct PostgresLedgerError: Error, CustomStringConvertible, Sendable {
    public var message: String
    /// The call ran out of time: no answer from the server, a lock held too long, no free connection.
    public var isTimeout = false

    public init(_ message: String, isTimeout: Bool = false) {
        self.message = message
        self.isTimeout = isTimeout
    }

    /// `error` described after `context` (which names the ledger and the call).
    init(_ context: String, _ error: any Error) {
        if let error = error as? PostgresLedgerError {
            self.init("\(context): \(error.message)", isTimeout: error.isTimeout)
        } else {
            self.init("\(context): \(Self.reason(error))", isTimeout: Self.isTimeout(error))
        }
    }

    public var description: String { message }

    static func isTimeout(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else { return false }
        if error.code == .server { return error.serverInfo?[.sqlState] == "57014" }  // statement timeout
        if let channel = error.underlying as? ChannelError, case .connectTimeout = channel { return true }
        return false
    }

    /// A readable reason for any error PostgresNIO throws.
    static func reason(_ error: any Error) -> String {
        switch error {
        case let error as PostgresLedgerError:
            return error.message
        case let error as PSQLError:
            return reason(error)
        case let error as PostgresDecodingError:
            return "unexpected column type (\(error.code)) in \(error.columnName)"
        default:
            return String(describing: error)
        }
    }

    private static func reason(_ error: PSQLError) -> String {
        let cause = error.underlying.map { ": \(underlying($0))" } ?? ""
        switch error.code {
        case .server:
            let info = error.serverInfo
            var text = "server: \(info?[.severity] ?? "ERROR") \(info?[.sqlState] ?? "?"): \(info?[.message] ?? "no message")"
            if let detail = info?[.detail] { text += " (\(detail))" }
            return text
        case .connectionError:
            return "cannot connect" + (cause.isEmpty ? "" : cause)
        case .serverClosedConnection:
            return "the server closed the connection" + cause
        case .clientClosedConnection, .poolClosed:
            return "the connection was closed" + cause
        case .sslUnsupported:
            return "the server does not offer TLS (sslmode=require/verify-full)"
        case .failedToAddSSLHandler:
            return "TLS set-up failed" + cause
        case .authMechanismRequiresPassword:
            return "the server asks for a password and the URL has none"
        case .unsupportedAuthMechanism:
            return "the server asks for an authentication method this client does not support (use scram-sha-256 or md5)"
        case .saslError:
            return "authentication failed" + cause
        case .queryCancelled:
            return "cancelled"
        default:
            return "\(error.code)" + cause
        }
    }

    /// NIO's errors print their C call and errno; keep the human part.
    private static func underlying(_ error: any Error) -> String {
        if let error = error as? NIOConnectionError {
            let reasons = error.connectionErrors.map { failure in
                let target = failure.target
                let address = target.ipAddress.map { $0.contains(":") ? "[\($0)]" : $0 } ?? "\(target)"
                return "\(address)\(target.port.map { ":\($0)" } ?? ""): \(underlying(failure.error))"
            }
            if !reasons.isEmpty { return reasons.joined(separator: "; ") }
            if let dns = error.dnsAError ?? error.dnsAAAAError { return "cannot resolve \(error.host): \(dns)" }
            return "cannot connect to \(error.host):\(error.port)"
        }
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)).lowercased() }
        if let error = error as? ChannelError, case .connectTimeout = error { return "connecting timed out" }
        return String(describing: error)
    }
}
