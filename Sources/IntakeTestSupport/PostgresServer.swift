import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real PostgreSQL server for the tests, started once per test process on 127.0.0.1.
///
/// `initdb` runs in a fresh temporary folder as the `postgres` system user when the tests run as
/// root (initdb refuses root), with a superuser `intake` and a random password (scram-sha-256 on
/// TCP, so the password path is exercised). The server listens on a free port of 127.0.0.1 only,
/// its socket in the same folder. It is stopped and the folder removed at process exit; a small
/// watchdog does the same if the test process dies without running its exit handlers.
///
/// Missing PostgreSQL binaries are an error, not a skip: `make` installs PostgreSQL.
public final class PostgresServer: @unchecked Sendable {
    // @unchecked: every property is immutable after start-up; `databases` is guarded by `lock`.
    public let port: Int
    public let user = "intake"
    public let password: String
    /// The temporary folder: data/, the socket, server.log.
    public let directory: URL
    let binaries: URL
    let postmasterPID: pid_t
    var watchdog: Process?
    private let lock = NSLock()
    private var databases = 0

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// The shared server, started on first use. Throws the same error to every test if it cannot start.
    public static func shared() throws -> PostgresServer { try sharedResult.get() }

    private static let sharedResult: Result<PostgresServer, Failure> = {
        do {
            let server = try PostgresServer()
            Running.set(server)
            atexit { Running.stop() }
            return .success(server)
        } catch let error as Failure {
            return .failure(error)
        } catch {
            return .failure(Failure(description: "cannot start PostgreSQL for the tests: \(error)"))
        }
    }()

    /// A new, empty database; its `postgres://` URL (with the password).
    public func makeDatabase(_ prefix: String = "t") throws -> String {
        lock.lock()
        databases += 1
        let name = "\(prefix)_\(databases)_\(UUID().uuidString.prefix(8).lowercased())"
        lock.unlock()
        let result = try runCommand(binaries.appendingPathComponent("createdb").path,
                                    ["-h", directory.path, "-p", "\(port)", "-U", user, name])
        guard result.status == 0 else {
            throw Failure(description: "createdb \(name) failed: \(result.stderr)")
        }
        return url(database: name)
    }

    public func url(database: String, password: String? = nil, query: String = "") -> String {
        let encoded = (password ?? self.password).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return "postgres://\(user):\(encoded)@127.0.0.1:\(port)/\(database)" + (query.isEmpty ? "" : "?\(query)")
    }

    /// Runs SQL through psql on the server's socket (superuser, no password needed there).
    public func psql(_ database: String, _ sql: String) throws -> CommandResult {
        try runCommand(binaries.appendingPathComponent("psql").path,
                       ["-h", directory.path, "-p", "\(port)", "-U", user, "-d", database, "-v", "ON_ERROR_STOP=1",
                        "-X", "-q", "-A", "-t", "-c", sql])
    }

    /// A psql process left running (to hold locks while a test watches a timeout); terminate it when done.
    public func startPsql(_ database: String, _ sql: String) throws -> Process {
        let process = Process()
        process.executableURL = binaries.appendingPathComponent("psql")
        process.arguments = ["-h", directory.path, "-p", "\(port)", "-U", user, "-d", database, "-X", "-q", "-c", sql]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    // MARK: Start and stop

    private init() throws {
        let binaries = try Self.findBinaries()
        self.binaries = binaries
        let password = "pw-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16) + "/@:x"
        let directory = URL(fileURLWithPath: "/tmp").appendingPathComponent("intake-pg-\(UUID().uuidString.prefix(8))")
        self.directory = directory
        let fm = FileManager.default
        try fm.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var started: (port: Int, pid: pid_t)?
        defer { if started == nil { try? fm.removeItem(at: directory) } }

        let passwordFile = directory.appendingPathComponent("pw")
        self.password = password
        try Data(password.utf8).write(to: passwordFile)
        let asRoot = getuid() == 0
        let owner = asRoot ? try Self.postgresUser() : nil
        if let owner {
            for path in [directory.path, passwordFile.path] { chown(path, owner.uid, owner.gid) }
        }
        let data = directory.appendingPathComponent("data").path
        let initdb = try Self.run(binaries.appendingPathComponent("initdb").path,
                                  ["-D", data, "-U", user, "--pwfile=\(passwordFile.path)", "-A", "trust",
                                   "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"],
                                  as: owner, in: directory)
        try? fm.removeItem(at: passwordFile)
        guard initdb.status == 0 else {
            throw Failure(description: "initdb failed (status \(initdb.status)): \(initdb.stderr)\(initdb.stdout)")
        }

        // A free port can be taken between the probe and the server's bind: try a few.
        var lastLog = ""
        for _ in 0..<5 {
            let port = try Self.freePort()
            let log = directory.appendingPathComponent("server.log")
            _ = fm.createFile(atPath: log.path, contents: nil)
            if let owner { chown(log.path, owner.uid, owner.gid) }
            let server = Process()
            let arguments = ["-D", data, "-k", directory.path, "-h", "127.0.0.1", "-p", "\(port)",
                             "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                             "-c", "max_connections=200", "-c", "logging_collector=off"]
            Self.configure(server, binaries.appendingPathComponent("postgres").path, arguments, as: owner, in: directory)
            let handle = try FileHandle(forWritingTo: log)
            server.standardOutput = handle
            server.standardError = handle
            try server.run()
            try? handle.close()
            if Self.waitUntilReady(binaries, port: port, process: server) {
                started = (port, server.processIdentifier)
                break
            }
            if server.isRunning { kill(server.processIdentifier, SIGKILL) }
            server.waitUntilExit()
            lastLog = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        }
        guard let started else {
            throw Failure(description: "PostgreSQL did not start on 127.0.0.1; its log:\n\(lastLog.suffix(2000))")
        }
        port = started.port
        postmasterPID = started.pid
        watchdog = try? startWatchdog()
    }

    /// Stops the server (fast shutdown: sessions are ended) and removes the folder.
    func stop() {
        if kill(postmasterPID, SIGINT) == 0 {
            let pidFile = directory.appendingPathComponent("data/postmaster.pid").path
            let deadline = Date(timeIntervalSinceNow: 10)
            while FileManager.default.fileExists(atPath: pidFile), Date() < deadline { usleep(20_000) }
            if FileManager.default.fileExists(atPath: pidFile) { kill(postmasterPID, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: directory)
        if let watchdog, watchdog.isRunning { kill(watchdog.processIdentifier, SIGTERM) }
    }

    /// Stops the server if this process disappears without exit handlers (a crash, SIGKILL).
    private func startWatchdog() throws -> Process {
        let script = """
            while kill -0 "$1" 2>/dev/null; do sleep 1; done
            if [ -e "$3/data/postmaster.pid" ]; then kill -INT "$2" 2>/dev/null; sleep 3; kill -KILL "$2" 2>/dev/null; fi
            rm -rf "$3"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "intake-pg-watchdog", "\(getpid())", "\(postmasterPID)", directory.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private static func waitUntilReady(_ binaries: URL, port: Int, process: Process) -> Bool {
        let deadline = Date(timeIntervalSinceNow: 30)
        while Date() < deadline {
            guard process.isRunning else { return false }
            if let ready = try? runCommand(binaries.appendingPathComponent("pg_isready").path,
                                           ["-q", "-h", "127.0.0.1", "-p", "\(port)", "-t", "1"]),
               ready.status == 0 {
                return true
            }
            usleep(50_000)
        }
        return false
    }

    /// The PostgreSQL binaries: PG_BINDIR, else the newest /usr/lib/postgresql/<n>/bin.
    private static func findBinaries() throws -> URL {
        var candidates: [String] = []
        if let dir = ProcessInfo.processInfo.environment["PG_BINDIR"] { candidates.append(dir) }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        candidates += versions.compactMap(Int.init).sorted(by: >).map { "/usr/lib/postgresql/\($0)/bin" }
        for dir in candidates where FileManager.default.isExecutableFile(atPath: dir + "/initdb")
            && FileManager.default.isExecutableFile(atPath: dir + "/postgres") {
            return URL(fileURLWithPath: dir)
        }
        throw Failure(description: "PostgreSQL is not installed: no initdb in \(candidates.isEmpty ? "/usr/lib/postgresql/<version>/bin" : candidates.joined(separator: ", ")). "
                      + "The PostgreSQL ledger tests need a real server: install it with `make` (Debian package postgresql), "
                      + "or set PG_BINDIR to the folder holding initdb and postgres.")
    }

    private static func postgresUser() throws -> (uid: uid_t, gid: gid_t) {
        guard let entry = getpwnam("postgres") else {
            throw Failure(description: "the tests run as root and initdb refuses root, but there is no `postgres` user "
                          + "(the Debian postgresql package creates it)")
        }
        return (entry.pointee.pw_uid, entry.pointee.pw_gid)
    }

    /// Sets `process` up to run `executable`, as the postgres user when given (setpriv execs in
    /// place, so the process id is the program's own and signals reach it directly).
    private static func configure(_ process: Process, _ executable: String, _ arguments: [String],
                                  as owner: (uid: uid_t, gid: gid_t)?, in directory: URL) {
        if owner != nil {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
    }

    private static func run(_ executable: String, _ arguments: [String], as owner: (uid: uid_t, gid: gid_t)?,
                            in directory: URL) throws -> CommandResult {
        if owner != nil {
            return try runCommand("/usr/bin/setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", executable]
                                  + arguments, currentDirectory: directory)
        }
        return try runCommand(executable, arguments, currentDirectory: directory)
    }

    /// A TCP port of 127.0.0.1 that nothing listens on right now.
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw Failure(description: "cannot bind a probe socket on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// The server to stop at exit (an `atexit` handler cannot capture context).
private enum Running {
    nonisolated(unsafe) static var server: PostgresServer?
    static let lock = NSLock()

    static func set(_ server: PostgresServer) {
        lock.lock()
        self.server = server
        lock.unlock()
    }

    static func stop() {
        lock.lock()
        let server = self.server
        self.server = nil
        lock.unlock()
        server?.stop()
    }
}
