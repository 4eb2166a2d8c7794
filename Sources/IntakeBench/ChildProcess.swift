import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process run to completion with its wall time and peak memory, standard output and
/// error discarded.
///
/// The peak, when asked for, is the child's own VmHWM from /proc, read every 5 ms while it runs
/// (timed runs are not woken for it). wait4's ru_maxrss cannot be used: posix_spawn starts the
/// child in this process's memory and the kernel carries that memory's high-water mark over the
/// exec, so ru_maxrss reported the benchmark's own size (200–300 MB) rather than the child's.
struct ChildRun {
    var status: Int32
    var seconds: Double
    /// Peak resident set size of the child, in bytes, as last seen before it exited (0 when
    /// not asked for, or when it exited before the first look).
    var peakRSS: Int

    /// Runs `arguments[0]` (looked up in PATH when it has no slash) with the rest as arguments.
    static func run(_ arguments: [String], quiet: Bool = true, measureMemory: Bool = false) -> ChildRun? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if quiet {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = arguments[0].contains("/")
            ? posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
            : posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { return nil }
        var status: Int32 = 0
        var peak = 0
        while true {
            let reaped = waitpid(pid, &status, measureMemory ? WNOHANG : 0)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { return nil }
            if measureMemory {
                peak = max(peak, highWaterMark(pid))
                usleep(5000)
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildRun(status: exit, seconds: seconds, peakRSS: peak)
    }

    /// VmHWM of a running process, in bytes (0 when it cannot be read).
    static func highWaterMark(_ pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kB = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") else { return 0 }
        return kB * 1024
    }

    /// Runs `commands`, `width` at a time (as `xargs -P` would), output discarded; returns the
    /// wall time of the whole and how many exited with a status other than 0.
    static func runAll(_ commands: [[String]], width: Int) -> (seconds: Double, failures: Int) {
        let start = DispatchTime.now().uptimeNanoseconds
        var failures = 0
        var running = 0
        var pending = commands[...]
        func reap() {
            var status: Int32 = 0
            while wait(&status) < 0 && errno == EINTR {}
            running -= 1
            if status != 0 { failures += 1 }
        }
        while let command = pending.popFirst() {
            if running == width { reap() }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
            var pid: pid_t = 0
            if posix_spawnp(&pid, command[0], &actions, nil, argv, environ) == 0 { running += 1 } else { failures += 1 }
            argv.forEach { free($0) }
            posix_spawn_file_actions_destroy(&actions)
        }
        while running > 0 { reap() }
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, failures)
    }

    /// True when `name` is an executable in PATH (or a path to one).
    static func exists(_ name: String) -> Bool {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) }
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return dirs.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }
}
