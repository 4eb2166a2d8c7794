import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process run to completion with its wall time and peak memory (wait4's ru_maxrss),
/// standard output and error discarded.
struct ChildRun {
    var status: Int32
    var seconds: Double
    /// Peak resident set size of the child, in bytes.
    var peakRSS: Int

    /// Runs `arguments[0]` (looked up in PATH when it has no slash) with the rest as arguments.
    static func run(_ arguments: [String], quiet: Bool = true) -> ChildRun? {
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
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildRun(status: exit, seconds: seconds, peakRSS: usage.ru_maxrss * 1024)
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
