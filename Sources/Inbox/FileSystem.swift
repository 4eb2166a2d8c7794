import Foundation

/// The few file-system calls the inbox needs, with errno kept, in one place.
enum FileSystem {
    struct Failure: Error, CustomStringConvertible {
        var operation: String
        var path: String
        var code: Int32
        var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }
        /// Disk full, quota, read-only or I/O trouble: worth retrying later.
        var isTransient: Bool { [ENOSPC, EDQUOT, EROFS, EIO, EAGAIN, EBUSY, ENOMEM].contains(code) }
    }

    static func rename(_ from: URL, _ to: URL) throws(Failure) {
        guard Glibc.rename(from.path, to.path) == 0 else { throw Failure(operation: "rename", path: from.path, code: errno) }
    }

    static func makeDirectory(_ url: URL) throws(Failure) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw Failure(operation: "mkdir", path: url.path, code: (error as NSError).code == 0 ? EIO : Int32((error as NSError).code))
        }
    }

    /// Copies a file to `to` through a temporary name, fsyncs it and renames it into place.
    static func durableCopy(_ from: URL, _ to: URL, mode: mode_t) throws(Failure) {
        let temp = to.deletingLastPathComponent().appendingPathComponent(".\(to.lastPathComponent).\(getpid()).tmp")
        let input = open(from.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw Failure(operation: "open", path: from.path, code: errno) }
        defer { close(input) }
        let output = open(temp.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard output >= 0 else { throw Failure(operation: "create", path: temp.path, code: errno) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { let e = errno; close(output); unlink(temp.path); throw Failure(operation: "read", path: from.path, code: e) }
            if n == 0 { break }
            var written = 0
            while written < n {
                let w = buffer.withUnsafeBytes { write(output, $0.baseAddress! + written, n - written) }
                if w < 0 && errno == EINTR { continue }
                guard w > 0 else { let e = errno; close(output); unlink(temp.path); throw Failure(operation: "write", path: temp.path, code: e) }
                written += w
            }
        }
        guard fsync(output) == 0 else { let e = errno; close(output); unlink(temp.path); throw Failure(operation: "fsync", path: temp.path, code: e) }
        close(output)
        try rename(temp, to)
    }

    static func exists(_ url: URL) -> Bool { access(url.path, F_OK) == 0 }

    /// Size, modification time and kind of the entry itself (a symbolic link is not followed:
    /// it is neither file nor folder), or nil when it is gone.
    static func stamp(_ url: URL) -> (size: Int64, mtime: Double, isFile: Bool, isFolder: Bool)? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return nil }
        let mtime = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        return (Int64(info.st_size), mtime, (info.st_mode & S_IFMT) == S_IFREG, (info.st_mode & S_IFMT) == S_IFDIR)
    }
}
