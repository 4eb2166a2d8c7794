import Foundation
import IntakeCore

/// Writes a submission's outputs into `<root>/<YYYY-MM-DD>/<id>/` all at once: files go into a
/// private folder under `<root>/.tmp/` first, and the folder is renamed into place, so no reader
/// ever sees a half-written PDF or JSON. `.tmp` itself stays (empty when no one is writing):
/// removing it would race with other writers creating their folders in it.
///
/// Plain system calls, one `mkdir`, one `open`/`write`/`close` per file and one `rename` per
/// submission: a batch of small XML submissions spends most of its time here otherwise.
public struct OutputStore: Sendable {
    public let root: URL
    /// `fsync` each file before the folder is renamed into place (the inbox service, whose ledger
    /// says "done" only after this returns); off for `intake process`, whose outputs can be made
    /// again from the untouched originals.
    public let durable: Bool

    public init(root: URL, durable: Bool = true) {
        self.root = root
        self.durable = durable
    }

    /// The output folder of an earlier run for this id, if any (any date).
    public func existing(id: String) -> URL? {
        guard let dates = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { return nil }
        for date in dates.sorted(by: >) where !date.hasPrefix(".") {
            let folder = root.appendingPathComponent(date).appendingPathComponent(id)
            if access(folder.path + "/result.json", F_OK) == 0 { return folder }
        }
        return nil
    }

    public func folder(date: String, id: String) -> URL {
        root.appendingPathComponent(date).appendingPathComponent(id)
    }

    /// Writes `files` (name → bytes) as the folder for `id` on `date`, replacing an earlier one.
    public func write(_ files: [(String, [UInt8])], date: String, id: String, path: String) throws(IntakeError) {
        let staging = root.path + "/.tmp"
        let temp = "\(staging)/\(id).\(getpid()).\(UInt32.random(in: .min ... .max))"
        let dateFolder = root.path + "/" + date
        let final = dateFolder + "/" + id
        func fail(_ what: String, _ code: Int32) -> IntakeError {
            removeTree(temp)
            return IntakeError(code: .output, message: "cannot write output: \(what): \(String(cString: strerror(code)))", path: path)
        }
        if mkdir(temp, 0o755) != 0 {
            // First write under this root (or someone removed .tmp): make the folders, once more.
            guard errno == ENOENT, makeFolders(staging), mkdir(temp, 0o755) == 0 else { throw fail(staging, errno) }
        }
        for (name, bytes) in files {
            // A revision's earlier files sit in subfolders (`revisions/1/result.json`).
            if let slash = name.lastIndex(of: "/"), !makeFolders(temp + "/" + name[..<slash]) { throw fail(name, errno) }
            let error = writeFile(temp + "/" + name, bytes)
            if error != 0 { throw fail(name, error) }
        }
        if rename(temp, final) == 0 { return }
        switch errno {
        case ENOENT:
            // The date's folder does not exist yet.
            guard makeFolders(dateFolder), rename(temp, final) == 0 else { throw fail(final, errno) }
        case EEXIST, ENOTEMPTY:
            // Processed before (--reprocess, a new revision): the two folders swap in one step, so
            // a crash leaves the old folder or the new one in place, never neither.
            if let exchange = Self.exchange, exchange(AT_FDCWD, temp, AT_FDCWD, final, 2 /* RENAME_EXCHANGE */) == 0 {
                removeTree(temp)
                return
            }
            // A file system without the exchange: move the old folder aside, put the new one in place.
            let old = "\(staging)/\(id).old.\(UInt32.random(in: .min ... .max))"
            guard rename(final, old) == 0 else { throw fail(final, errno) }
            guard rename(temp, final) == 0 else {
                let code = errno
                _ = rename(old, final)
                throw fail(final, code)
            }
            removeTree(old)
        default:
            throw fail(final, errno)
        }
    }

    /// renameat2 with RENAME_EXCHANGE (Linux 3.15; ext4, xfs, btrfs, tmpfs): not in Swift's Glibc
    /// overlay, which lacks _GNU_SOURCE, so looked up in the C library once; nil where it is not.
    private static let exchange: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32)? = {
        guard let symbol = dlsym(nil, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32).self)
    }()

    /// Output folders half-written by a process that died stay under `<output>/.tmp/` as
    /// `<id>.<pid>.<random>` (or `<id>.old.<random>`), with personal data in them: removes those
    /// whose writer is gone, and any older than ten minutes (writers on other machines).
    public func cleanStaleTemporaries(now: Date = Date()) {
        let staging = root.appendingPathComponent(".tmp")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: staging.path)) ?? [] {
            let url = staging.appendingPathComponent(name)
            let parts = name.split(separator: ".")
            let writerGone = parts.count >= 3 && Int32(parts[1]).map { kill($0, 0) != 0 && errno == ESRCH } == true
            var info = stat()
            let old = lstat(url.path, &info) == 0 && now.timeIntervalSince1970 - Double(info.st_mtim.tv_sec) > 600
            if writerGone || old { removeTree(url.path) }
        }
    }

    /// One file written whole or not at all: through a temporary name beside it, then renamed
    /// over `path` (a blank form, the inbox's state file). `durable`: `fsync` before the rename.
    public static func writeAtomically(_ bytes: [UInt8], to path: String, durable: Bool = false) throws(IntakeError) {
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        var code = writeFile(temp, bytes, durable: durable)
        if code == 0, rename(temp, path) != 0 { code = errno }
        guard code == 0 else {
            unlink(temp)
            throw IntakeError(code: .output, message: "cannot write: \(String(cString: strerror(code)))", path: path)
        }
    }

    private func writeFile(_ path: String, _ bytes: [UInt8]) -> Int32 { Self.writeFile(path, bytes, durable: durable) }

    /// 0, or the errno of the failing call.
    private static func writeFile(_ path: String, _ bytes: [UInt8], durable: Bool) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return errno }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd)
                return code
            }
            done += n
        }
        if durable && fsync(fd) != 0 {
            let code = errno
            close(fd)
            return code
        }
        return close(fd) == 0 ? 0 : errno
    }

    private func makeFolders(_ path: String) -> Bool {
        (try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)) != nil
    }

    private func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
