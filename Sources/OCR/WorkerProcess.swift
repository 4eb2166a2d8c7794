import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func killProcess(_ pid: Int32) {
    #if canImport(Glibc)
    _ = Glibc.kill(pid, SIGKILL)
    #else
    _ = Darwin.kill(pid, SIGKILL)
    #endif
}

/// One running `ocr/ppocr_worker.py`: its pipes, a reader thread splitting stdout into lines, the
/// tail of its stderr for error messages. Requests are sent one at a time by `PPOCREngine`.
final class WorkerProcess: @unchecked Sendable {
    // @unchecked: the mutable state below is guarded by `lock`; `process` and the pipes are set once.
    private let process = Process()
    private let stdinPipe = Pipe()
    private let stdoutPipe = Pipe()
    private let stderrPipe = Pipe()
    private let lock = NSLock()
    private var lines: [Data] = []
    private var waiter: (token: Int, continuation: CheckedContinuation<Data, Error>)?
    private var nextToken = 0
    private var ended = false
    private var stderrTail = Data()

    let pid: Int32

    /// Starts `python script` under `/bin/sh` with the address-space limit (`ulimit -v`) when
    /// `memoryLimit` > 0.
    init(python: URL, script: URL, memoryLimit: Int, environment: [String: String]) throws {
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        var command = "exec \"$@\""
        if memoryLimit > 0 {
            command = "ulimit -v \(max(1, memoryLimit / 1024)) || exit 125; " + command
        }
        process.arguments = ["-c", command, "ppocr-worker", python.path, script.path]
        process.environment = environment
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        process.currentDirectoryURL = script.deletingLastPathComponent()
        do {
            try process.run()
        } catch {
            throw OCRError.unavailable("cannot start \(python.path): \(error.localizedDescription)")
        }
        pid = process.processIdentifier
        let out = stdoutPipe.fileHandleForReading.fileDescriptor
        let err = stderrPipe.fileHandleForReading.fileDescriptor
        Thread.detachNewThread { [self] in readLines(fd: out) }
        Thread.detachNewThread { [self] in readStderr(fd: err) }
    }

    deinit {
        kill()
        try? stdinPipe.fileHandleForWriting.close()
    }

    /// What the worker last wrote to stderr (up to 2 KB), for error messages.
    var stderrText: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: stderrTail, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    var hasEnded: Bool {
        lock.lock()
        defer { lock.unlock() }
        return ended
    }

    /// Writes one request line.
    func send(_ line: Data) throws {
        var data = line
        data.append(0x0A)
        let fd = stdinPipe.fileHandleForWriting.fileDescriptor
        let ok = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
        if !ok { throw OCRError.workerCrashed("cannot write to the worker (\(String(cString: strerror(errno))))") }
    }

    /// The next line the worker writes, or `OCRError.timeout` after `limit` (the worker is then
    /// killed), or `OCRError.workerCrashed` if it ends first. Cancelling the task kills the worker.
    func nextLine(limit: Duration) async throws -> Data {
        let token: Int = {
            lock.lock()
            defer { lock.unlock() }
            nextToken += 1
            return nextToken
        }()
        let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Data, Error>) in
                lock.lock()
                if !lines.isEmpty {
                    let line = lines.removeFirst()
                    lock.unlock()
                    continuation.resume(returning: line)
                    return
                }
                if ended {
                    lock.unlock()
                    continuation.resume(throwing: crashError())
                    return
                }
                waiter = (token, continuation)
                lock.unlock()
                DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
                    if fail(token: token, with: OCRError.timeout(seconds: seconds)) { kill() }
                }
                if Task.isCancelled, fail(token: token, with: CancellationError()) { kill() }
            }
        } onCancel: {
            if fail(token: token, with: CancellationError()) { kill() }
        }
    }

    /// Resumes the waiter with `token` with an error; false if it was already resumed.
    private func fail(token: Int, with error: Error) -> Bool {
        lock.lock()
        guard let w = waiter, w.token == token else {
            lock.unlock()
            return false
        }
        waiter = nil
        lock.unlock()
        w.continuation.resume(throwing: error)
        return true
    }

    /// Kills the worker (SIGKILL) at once.
    func kill() {
        if process.isRunning { killProcess(pid) }
    }

    /// Asks the worker to end (closes its stdin); kills it if it has not ended after `grace`.
    /// Does not wait.
    func stop(grace: TimeInterval = 5) {
        try? stdinPipe.fileHandleForWriting.close()
        DispatchQueue.global().asyncAfter(deadline: .now() + grace) { [self] in
            if !hasEnded { kill() }
        }
    }

    private func crashError() -> OCRError {
        var status = ""
        if !process.isRunning {
            switch process.terminationReason {
            case .uncaughtSignal:
                let signal = process.terminationStatus
                status = signal == SIGKILL ? "killed (SIGKILL; out of memory or killed from outside)" : "killed by signal \(signal)"
            case .exit:
                status = "exited with status \(process.terminationStatus)"
            @unknown default:
                status = "ended"
            }
        } else {
            status = "closed its output"
        }
        let tail = stderrText
        return OCRError.workerCrashed(status + (tail.isEmpty ? "" : "; its last words: " + String(tail.suffix(600))))
    }

    private func readLines(fd: Int32) {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var pending = Data()
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            pending.append(contentsOf: buffer[0..<n])
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = pending.subdata(in: pending.startIndex..<newline)
                pending = pending.subdata(in: (newline + 1)..<pending.endIndex)
                deliver(line)
            }
        }
        // End of output: the worker is gone (or going). Reap it so the reason is known.
        process.waitUntilExit()
        lock.lock()
        ended = true
        let w = waiter
        waiter = nil
        lock.unlock()
        w?.continuation.resume(throwing: crashError())
    }

    private func deliver(_ line: Data) {
        lock.lock()
        if let w = waiter {
            waiter = nil
            lock.unlock()
            w.continuation.resume(returning: line)
        } else {
            lines.append(line)
            lock.unlock()
        }
    }

    private func readStderr(fd: Int32) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let echo = ProcessInfo.processInfo.environment["INTAKE_OCR_VERBOSE"] == "1"
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            if echo { FileHandle.standardError.write(Data(buffer[0..<n])) }
            lock.lock()
            stderrTail.append(contentsOf: buffer[0..<n])
            if stderrTail.count > 2048 { stderrTail = stderrTail.suffix(2048) }
            lock.unlock()
        }
    }
}
