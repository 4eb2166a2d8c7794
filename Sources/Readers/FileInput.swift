import Foundation
import IntakeCore

/// Reads a submission file read-only, refusing what is too large before reading it.
enum FileInput {
    /// Non-blocking, so a FIFO is refused by the regular-file check instead of waiting for a writer.
    static func read(path: String, maxBytes: Int, followLinks: Bool = true) throws(IntakeError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else {
            if errno == ELOOP && !followLinks {
                throw IntakeError(code: .unreadable, message: "a symbolic link; links found in folders are not followed", path: path)
            }
            throw IntakeError(code: .unreadable, message: "cannot open: \(String(cString: strerror(errno)))", path: path)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw IntakeError(code: .unreadable, message: "cannot stat: \(String(cString: strerror(errno)))", path: path)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw IntakeError(code: .unreadable, message: "not a regular file but \(kind(of: info.st_mode)); not read", path: path)
        }
        let size = Int(info.st_size)
        guard size <= maxBytes else {
            throw IntakeError(code: .tooLarge, message: "file is \(size) bytes, over the \(maxBytes)-byte limit", path: path)
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let n = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(fd, buffer.baseAddress! + done, size - done)
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                if n == 0 { break }
                throw IntakeError(code: .unreadable, message: "cannot read: \(String(cString: strerror(errno)))", path: path)
            }
            done += n
        }
        return Array(bytes.prefix(done))
    }

    /// The kind of a file that is not a regular one, for the error.
    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFLNK: return "a symbolic link"
        default: return "a special file"
        }
    }
}
