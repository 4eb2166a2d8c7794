import Foundation
import HummingbirdBcrypt
import Ledger
import NIOPosix

/// Clerks' passwords and logins: bcrypt (cost 12), five failures in a row lock an account for
/// 15 minutes, and every failure looks the same from outside (unknown login, wrong password,
/// locked, disabled), costing one bcrypt verification each.
public struct Accounts: Sendable {
    public let store: any ConsoleStore
    /// 12 in production; the tests lower it to keep lockout tests quick.
    public var cost: UInt8 = 12
    public var lockAfter = 5
    public var lockFor: TimeInterval = 15 * 60
    /// Shorter passwords are refused.
    public static let minimumLength = 10

    public init(store: any ConsoleStore, cost: UInt8 = 12) {
        self.store = store
        self.cost = cost
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case loginTaken, noSuchLogin, weakPassword, badLogin
        public var description: String {
            switch self {
            case .loginTaken: "that login exists already"
            case .noSuchLogin: "no such login"
            case .weakPassword: "a password needs at least \(Accounts.minimumLength) characters"
            case .badLogin: "login must be 2–32 letters, digits, '.', '-' or '_'"
            }
        }
    }

    public func add(_ clerk: Clerk, password: String, now: Date = Date()) throws {
        guard clerk.login.range(of: #"^[A-Za-z0-9._-]{2,32}$"#, options: .regularExpression) != nil else { throw Failure.badLogin }
        guard password.count >= Self.minimumLength else { throw Failure.weakPassword }
        guard try store.addClerk(clerk, passwordHash: Bcrypt.hash(password, cost: cost), at: now) else { throw Failure.loginTaken }
    }

    public func setPassword(login: String, password: String, now: Date = Date()) throws {
        guard password.count >= Self.minimumLength else { throw Failure.weakPassword }
        guard try store.setPassword(login: login, hash: Bcrypt.hash(password, cost: cost), at: now) else { throw Failure.noSuchLogin }
    }

    /// The clerk, when the login and password are right and the account is open; nil otherwise.
    /// Runs bcrypt off the event loop.
    public func authenticate(login: String, password: String, now: Date) async throws -> Clerk? {
        let account = try store.clerk(login: login)
        let hash = account?.passwordHash ?? Self.dummyHash
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
        guard let account else { return nil }
        if let until = account.clerk.lockedUntil, until > now { return nil }
        guard matches, !account.clerk.disabled else {
            if !account.clerk.disabled {
                _ = try store.recordFailedLogin(login: login, at: now, limit: lockAfter, lockFor: lockFor)
            }
            return nil
        }
        try store.recordGoodLogin(login: login)
        return account.clerk
    }

    /// Verified against when the login is unknown, so that case costs what a wrong password costs.
    static let dummyHash = Bcrypt.hash("intake-no-such-clerk", cost: 12)
}
