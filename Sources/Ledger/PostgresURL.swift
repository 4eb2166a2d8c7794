import Foundation

/// A parsed `postgres://user:password@host:port/database` ledger URL.
///
/// Optional query items: `sslmode` (`disable`, `prefer` (default), `require`: encrypted but the
/// certificate is not checked, as in libpq; `verify-full`: checked), `timeout` (seconds allowed for
/// each ledger call, default 10) and `pool` (connections per process, default 4).
///
/// The password is kept out of every description, mirror and error: ledger URLs end up in logs.
public struct PostgresURL: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public enum SSLMode: String, Sendable, Hashable, CaseIterable {
        case disable, prefer, require
        case verifyFull = "verify-full"
    }

    public var user: String
    var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var sslMode: SSLMode = .prefer
    /// Seconds a ledger call may take before it fails (connecting included).
    public var timeout: Double = 10
    /// Connections this process keeps to the server at most.
    public var pool: Int = 4

    public var hasPassword: Bool { password != nil }

    public static let usage = "postgres://user:password@host:port/database"

    public init(_ string: String) throws {
        func fail(_ why: String) -> PostgresLedgerError {
            PostgresLedgerError("bad PostgreSQL URL \(Self.redact(string)): \(why) (expected \(Self.usage); "
                                + "percent-encode special characters in the user name and password)")
        }
        let lowered = string.lowercased()
        guard lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") else {
            throw fail("the scheme must be postgres:// or postgresql://")
        }
        guard let components = URLComponents(string: string) else { throw fail("not a valid URL") }
        guard let user = components.percentEncodedUser?.removingPercentEncoding, !user.isEmpty else {
            throw fail("no user name")
        }
        var host = components.percentEncodedHost?.removingPercentEncoding ?? ""
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw fail("no host") }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw fail("port \(port) is out of range") }
        let path = components.percentEncodedPath.removingPercentEncoding ?? ""
        let database = path.hasPrefix("/") ? String(path.dropFirst()) : path
        guard !database.isEmpty, !database.contains("/") else { throw fail("no database name after the host") }

        self.user = user
        self.password = components.percentEncodedPassword?.removingPercentEncoding
        self.host = host
        self.port = port
        self.database = database
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "sslmode":
                guard let mode = SSLMode(rawValue: value) else {
                    throw fail("sslmode must be one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                sslMode = mode
            case "timeout":
                guard let seconds = Double(value), seconds > 0, seconds <= 3600 else {
                    throw fail("timeout must be a number of seconds between 0 and 3600")
                }
                timeout = seconds
            case "pool":
                guard let n = Int(value), (1...100).contains(n) else { throw fail("pool must be between 1 and 100") }
                pool = n
            default:
                throw fail("unknown parameter \"\(item.name)\" (known: sslmode, timeout, pool)")
            }
        }
    }

    /// The URL with the password replaced by `***`.
    public var description: String {
        var text = "postgres://\(user)\(password == nil ? "" : ":***")@"
        text += host.contains(":") ? "[\(host)]" : host
        return text + ":\(port)/\(database)"
    }

    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["url": description], displayStyle: .struct) }

    /// `raw` with whatever sits between the user name and the last `@` masked, for messages about
    /// URLs that did not parse.
    public static func redact(_ raw: String) -> String {
        guard let scheme = raw.range(of: "://") else { return raw }
        if let at = raw.range(of: "@", options: .backwards), scheme.upperBound <= at.lowerBound {
            let userInfo = raw[scheme.upperBound..<at.lowerBound]
            guard let colon = userInfo.firstIndex(of: ":") else { return raw }
            return String(raw[..<colon]) + ":***" + String(raw[at.lowerBound...])
        }
        // No `@`: `user:secret` without a host must not be echoed; a numeric port may.
        let authorityEnd = raw[scheme.upperBound...].firstIndex { $0 == "/" || $0 == "?" } ?? raw.endIndex
        let authority = raw[scheme.upperBound..<authorityEnd]
        guard let colon = authority.firstIndex(of: ":"),
              !authority[authority.index(after: colon)...].allSatisfy(\.isNumber) else { return raw }
        return String(raw[..<colon]) + ":***" + String(raw[authorityEnd...])
    }
}
