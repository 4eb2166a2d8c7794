import Foundation
import PostgresNIO

/// A few PostgreSQL connections for callers that block: the synchronous `Ledger` protocol,
/// called from worker threads.
///
/// Why not `PostgresClient`: its pool lives in a Swift task whose timers (idle, keep-alive,
/// back-off, shutdown) wake up through Swift's global executor, the cooperative pool of one
/// thread per core. Blocking callers may occupy those threads (InboxService.run inside a task
/// group; Swift Testing's synchronous tests), and then PostgresClient stalls: measured here,
/// one-second hiccups on every wake-up and shutdowns that never finished. So this pool uses
/// `PostgresConnection`'s EventLoopFuture API, which runs entirely on NIO's event loops: the
/// caller's own thread waits on a condition with a deadline, no event-loop thread ever waits,
/// and no Swift concurrency is involved.
final class PostgresPool: @unchecked Sendable {
    // @unchecked: the mutable state below is only touched under `condition`.
    private let configuration: PostgresConnection.Configuration
    private let logger: Logger
    private let maximum: Int
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var open = 0
    private var closed = false
    private var nextID = 1

    init(configuration: PostgresConnection.Configuration, maximum: Int, logger: Logger) {
        self.configuration = configuration
        self.maximum = maximum
        self.logger = logger
    }

    /// Runs `body` on a connection, all of it within `timeout` seconds. A connection that timed out or
    /// failed below the SQL level is closed, never reused.
    func withSession<T>(timeout: Double, _ body: (PostgresSession) throws -> T) throws -> T {
        let deadline = Date(timeIntervalSinceNow: timeout)
        if MultiThreadedEventLoopGroup.currentEventLoop != nil {
            // Waiting here would stop the very loop that has to deliver the answer.
            throw PostgresLedgerError("the ledger was called on a NIO event-loop thread; call it from a worker thread")
        }
        let connection = try checkout(deadline: deadline, timeout: timeout)
        let session = PostgresSession(connection: connection, deadline: deadline, timeout: timeout, logger: logger)
        defer { checkin(connection, reusable: !session.broken) }
        return try body(session)
    }

    /// Closes every connection; sessions in progress close theirs when they end.
    func close() {
        condition.lock()
        closed = true
        let connections = idle
        idle = []
        open -= connections.count
        condition.broadcast()
        condition.unlock()
        let deadline = Date(timeIntervalSinceNow: 2)
        for connection in connections {
            let done = Pending<Void>()
            connection.close().whenComplete { _ in done.fulfil(.success(())) }
            _ = done.wait(until: deadline)
        }
    }

    private func checkout(deadline: Date, timeout: Double) throws -> PostgresConnection {
        condition.lock()
        let id: Int
        while true {
            if closed {
                condition.unlock()
                throw PostgresLedgerError("the ledger is closed")
            }
            if let connection = idle.popLast() {
                if connection.isClosed {  // the server went away meanwhile
                    open -= 1
                    continue
                }
                condition.unlock()
                return connection
            }
            if open < maximum {
                open += 1
                id = nextID
                nextID += 1
                break
            }
            if !condition.wait(until: deadline) {
                condition.unlock()
                throw PostgresLedgerError("all \(maximum) connections stayed busy (raise ?pool=)", isTimeout: true)
            }
        }
        condition.unlock()

        var configuration = configuration
        let seconds = min(10, max(0.05, deadline.timeIntervalSinceNow))
        configuration.options.connectTimeout = .milliseconds(Int64(seconds * 1000))
        let pending = Pending<PostgresConnection>()
        PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration,
                                   id: id, logger: logger).whenComplete { result in
            // Connected after the caller gave up: nobody will use it.
            if !pending.fulfil(result), case .success(let late) = result { late.closeInBackground() }
        }
        switch pending.wait(until: deadline) {
        case .success(let connection)?:
            return connection
        case .failure(let error)?:
            release()
            throw error
        case nil:
            release()
            throw PostgresLedgerError("no answer within \(Self.seconds(timeout)) s (connecting)", isTimeout: true)
        }
    }

    private func checkin(_ connection: PostgresConnection, reusable: Bool) {
        condition.lock()
        if reusable && !closed && !connection.isClosed {
            idle.append(connection)
            condition.signal()
            condition.unlock()
        } else {
            condition.unlock()
            connection.closeInBackground()
            release()
        }
    }

    private func release() {
        condition.lock()
        open -= 1
        condition.signal()
        condition.unlock()
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}

/// One connection lent to one call, with the call's deadline.
final class PostgresSession {
    let connection: PostgresConnection
    let deadline: Date
    /// The call's whole allowance, for messages.
    let timeout: Double
    let logger: Logger
    /// Set when the connection is in an unknown state (timed out, failed below SQL): it is closed.
    private(set) var broken = false

    init(connection: PostgresConnection, deadline: Date, timeout: Double, logger: Logger) {
        self.connection = connection
        self.deadline = deadline
        self.timeout = timeout
        self.logger = logger
    }

    /// Runs one statement and returns its rows.
    @discardableResult
    func query(_ query: PostgresQuery) throws -> [PostgresRow] {
        guard !broken else { throw PostgresLedgerError("the connection was given up") }
        let pending = Pending<PostgresQueryResult>()
        connection.query(query, logger: logger).whenComplete { pending.fulfil($0) }
        switch pending.wait(until: deadline) {
        case .success(let result)?:
            return result.rows
        case .failure(let error)?:
            if let error = error as? PSQLError, error.code != .server { broken = true }
            throw error
        case nil:
            // Closing the connection makes the server roll back whatever was in progress.
            broken = true
            connection.closeInBackground()
            throw PostgresLedgerError("no answer within \(PostgresPool.seconds(timeout)) s", isTimeout: true)
        }
    }

    /// Runs `body` between BEGIN and COMMIT; rolls back if it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try query("BEGIN")
        do {
            let value = try body()
            try query("COMMIT")
            return value
        } catch {
            if !broken { _ = try? query("ROLLBACK") }
            throw error
        }
    }
}

/// A result that one thread waits for and a NIO callback delivers.
final class Pending<T: Sendable>: @unchecked Sendable {
    // @unchecked: `result` and `abandoned` are only touched under `condition`.
    private let condition = NSCondition()
    private var result: Result<T, any Error>?
    private var abandoned = false

    /// Delivers the result; false if the waiter had already given up.
    @discardableResult
    func fulfil(_ value: Result<T, any Error>) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !abandoned else { return false }
        if result == nil { result = value }
        condition.broadcast()
        return true
    }

    /// The result, or nil if `deadline` passed first (the result is then abandoned).
    func wait(until deadline: Date) -> Result<T, any Error>? {
        condition.lock()
        defer { condition.unlock() }
        while result == nil {
            if !condition.wait(until: deadline) { break }
        }
        if result == nil { abandoned = true }
        return result
    }
}

extension PostgresConnection {
    /// Closes without waiting (the EventLoopFuture variant, not the async one).
    func closeInBackground() {
        let _: EventLoopFuture<Void> = close()
    }
}
