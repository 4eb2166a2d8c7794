import Foundation

/// This process's claim folder, `<inbox>/.intake-claims/<worker>/`, held with an exclusive
/// `flock` on `<worker>.lock` for as long as the process lives.
///
/// A claim is `rename(inbox/x.xml, claims/<worker>/<token>__x.xml)`: atomic on one file system,
/// so of several watchers on one inbox exactly one gets the file. A folder whose lock is free
/// belongs to a process that died: its files are taken over, keeping their tokens, so that the
/// ledger recognises them as the same claims.
final class ClaimArea: @unchecked Sendable {
    // @unchecked: the fields are immutable after init; the lock fd is only closed in deinit.
    let root: URL
    let worker: String
    let folder: URL
    private let lockFD: Int32

    init(root: URL) throws(FileSystem.Failure) {
        self.root = root
        try FileSystem.makeDirectory(root)
        worker = "\(ProcessInfo.processInfo.hostName)-\(getpid())-\(UInt32.random(in: 0 ... .max))"
        folder = root.appendingPathComponent(worker)
        let lockPath = root.appendingPathComponent("\(worker).lock").path
        lockFD = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lockFD >= 0 else { throw FileSystem.Failure(operation: "open", path: lockPath, code: errno) }
        guard flock(lockFD, LOCK_EX | LOCK_NB) == 0 else { throw FileSystem.Failure(operation: "flock", path: lockPath, code: errno) }
        try FileSystem.makeDirectory(folder)
    }

    deinit {
        close(lockFD)
    }

    /// A claimed file: where it is now, its token and its name as dropped.
    struct Claimed: Sendable, Hashable {
        var url: URL
        var token: String
        var name: String
        var droppedAt: Date
    }

    /// Takes `file` from the inbox; nil when another watcher took it first (or it vanished).
    func claim(_ file: URL, droppedAt: Date) -> Claimed? {
        let token = Self.newToken()
        let name = file.lastPathComponent
        let target = folder.appendingPathComponent("\(token)__\(name)")
        do {
            try FileSystem.rename(file, target)
        } catch {
            return nil
        }
        return Claimed(url: target, token: token, name: name, droppedAt: droppedAt)
    }

    /// Takes over the claim folders of dead processes; returns every claim now ours that is
    /// unfinished (ours from a previous life included).
    func recover() -> [Claimed] {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: root.path)) ?? [] where entry.hasSuffix(".lock") {
            let other = String(entry.dropLast(5))
            guard other != worker else { continue }
            let lockPath = root.appendingPathComponent(entry).path
            let fd = open(lockPath, O_RDWR | O_CLOEXEC)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }  // alive
            let dead = root.appendingPathComponent(other)
            for name in (try? fm.contentsOfDirectory(atPath: dead.path)) ?? [] {
                try? FileSystem.rename(dead.appendingPathComponent(name), folder.appendingPathComponent(name))
            }
            if ((try? fm.contentsOfDirectory(atPath: dead.path)) ?? []).isEmpty {
                try? fm.removeItem(at: dead)
                unlink(lockPath)
            }
        }
        // Claim folders without a lock file (lock removed by hand): take them too.
        for entry in (try? fm.contentsOfDirectory(atPath: root.path)) ?? [] where !entry.hasSuffix(".lock") && entry != worker {
            guard !FileSystem.exists(root.appendingPathComponent("\(entry).lock")) else { continue }
            let dead = root.appendingPathComponent(entry)
            for name in (try? fm.contentsOfDirectory(atPath: dead.path)) ?? [] {
                try? FileSystem.rename(dead.appendingPathComponent(name), folder.appendingPathComponent(name))
            }
            try? fm.removeItem(at: dead)
        }
        return ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().compactMap { name in
            guard let range = name.range(of: "__") else { return nil }
            let url = folder.appendingPathComponent(name)
            let dropped = FileSystem.stamp(url).map { Date(timeIntervalSince1970: $0.mtime) } ?? Date()
            return Claimed(url: url, token: String(name[..<range.lowerBound]), name: String(name[range.upperBound...]),
                           droppedAt: dropped)
        }
    }

    /// Sortable by time, unique: "20261123T041502-1a2b3c4d5e".
    static func newToken() -> String {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        let random = String(UInt64.random(in: 0 ... .max), radix: 16)
        return "\(t.tv_sec)\(String(format: "%09d", t.tv_nsec))-\(random)"
    }
}
