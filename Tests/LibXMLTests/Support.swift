import Foundation
import LibXML

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hostile inputs checked into `Tests/Fixtures/hostile` (see the README there).
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hostile")

    static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }
}

/// Parses and returns the error, or nil when the document was accepted.
func parseError(_ bytes: [UInt8], name: String = "test.xml", limits: ParseLimits = ParseLimits()) -> XMLParseError? {
    do {
        _ = try Document(bytes: bytes, name: name, limits: limits)
        return nil
    } catch {
        return error
    }
}

func parseError(_ text: String, limits: ParseLimits = ParseLimits()) -> XMLParseError? {
    parseError(Array(text.utf8), limits: limits)
}

func schemaError(_ text: String, name: String = "test.xsd") -> XMLSchemaError? {
    do {
        _ = try Schema(bytes: Array(text.utf8), name: name)
        return nil
    } catch {
        return error
    }
}

/// Every text and attribute value anywhere in the tree, to prove nothing leaked into it.
func allStrings(_ element: Element) -> [String] {
    [element.text] + Array(element.attributes.values) + element.children.flatMap(allStrings)
}

/// A fresh directory under the system temp directory, removed by `remove()`.
struct TempDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("libxml-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// A named pipe, watched by a `FifoWatch`.
    func fifo(_ name: String) throws -> FifoWatch {
        let path = path(name)
        guard mkfifo(path, 0o600) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        return FifoWatch(path: path)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// A TCP listener on 127.0.0.1 that never answers: any connection libxml2 makes to it stays
/// in the accept queue, where `acceptedConnections()` counts it.
final class TrapListener {
    private let socketDescriptor: Int32
    let port: UInt16

    init() throws {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getsockname(descriptor, $0, &length)
            }
        }
        guard bound == 0, named == 0, listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        socketDescriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    func acceptedConnections() -> Int {
        var count = 0
        while case let client = accept(socketDescriptor, nil, nil), client >= 0 {
            close(client)
            count += 1
        }
        return count
    }

    deinit { close(socketDescriptor) }
}

/// Runs `body` and returns how long it took.
func measure<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try body()
    return (result, clock.now - start)
}

/// Detects whether anyone opens a FIFO for reading. A background thread keeps trying to open
/// the write end without blocking; that only succeeds once a reader has the pipe open. It then
/// closes it at once, so the reader sees end-of-file instead of blocking forever, and the
/// test fails cleanly rather than hanging.
final class FifoWatch: @unchecked Sendable {
    let path: String
    private let lock = NSLock()
    private var opened = false
    private var stopped = false

    init(path: String) {
        self.path = path
        Thread.detachNewThread { [self] in
            while !isStopped {
                let writer = open(path, O_WRONLY | O_NONBLOCK)
                if writer >= 0 {
                    close(writer)
                    lock.withLock { opened = true }
                }
                usleep(1000)
            }
        }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    /// Stops watching and tells whether a reader ever opened the pipe.
    func stop() -> Bool {
        // Give a reader that is about to be released a moment to be seen.
        usleep(20_000)
        return lock.withLock {
            stopped = true
            return opened
        }
    }
}
