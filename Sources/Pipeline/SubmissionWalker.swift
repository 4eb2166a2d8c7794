import Foundation
import IntakeCore

/// Walks the PATHs given to `process` or `revalidate` lazily, yielding every submission found: files with a
/// submission extension, and bundle folders (a folder with a `READY`/`.ready` marker, or an
/// archived bundle, named by its 64-hex-digit hash). Nothing is listed ahead: one directory
/// stream is open per level of depth, so memory stays flat however many files there are.
///
/// Hidden names (starting with a dot) are skipped; symbolic links and special files (FIFOs,
/// sockets) found in a folder are not followed or opened but reported through `onError`, as are
/// folders that cannot be opened. A PATH itself is yielded whatever it names (a link given by
/// name is the caller's choice), so the pipeline says what it is.
public struct SubmissionWalker: Sendable {
    public let roots: [String]

    public init(roots: [String]) { self.roots = roots }

    /// Calls `body` with each submission path, in directory order; `body` returns false to stop.
    /// Returns false if stopped.
    @discardableResult
    public func walk(onError: (String, String) -> Void = { _, _ in }, _ body: (String) -> Bool) -> Bool {
        for root in roots {
            var info = stat()
            guard stat(root, &info) == 0 else {
                // A missing PATH is an item too: the pipeline reports it as unreadable.
                if !body(root) { return false }
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if Self.isBundle(root) {
                    if !body(root) { return false }
                } else if !walkDirectory(root, onError: onError, body) {
                    return false
                }
            } else if !body(root) {
                return false
            }
        }
        return true
    }

    private func walkDirectory(_ path: String, onError: (String, String) -> Void, _ body: (String) -> Bool) -> Bool {
        guard let dir = opendir(path) else {
            onError(path, String(cString: strerror(errno)))
            return true
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let child = path.hasSuffix("/") ? path + name : path + "/" + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat(child, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: type = UInt8(DT_DIR)
                case S_IFREG: type = UInt8(DT_REG)
                case S_IFLNK: type = UInt8(DT_LNK)
                default: continue
                }
            }
            if type == UInt8(DT_LNK) {
                onError(child, "a symbolic link; links found in folders are not followed")
                continue
            }
            if type != UInt8(DT_DIR) && type != UInt8(DT_REG) {
                if BundleRules.isSubmissionName(name) { onError(child, "not a regular file (a FIFO, socket or device); not opened") }
                continue
            }
            if type == UInt8(DT_DIR) {
                if Self.isBundle(child) {
                    if !body(child) { return false }
                } else if !walkDirectory(child, onError: onError, body) {
                    return false
                }
            } else if type == UInt8(DT_REG), BundleRules.isSubmissionName(name) {
                if !body(child) { return false }
            }
        }
        return true
    }

    /// A bundle folder: it holds a READY marker, or it is an archived bundle (`<ab>/<sha256>`).
    public static func isBundle(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        if name.count == 64, name.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) { return true }
        return BundleRules.readyMarkers.contains { access(path + "/" + $0, F_OK) == 0 }
    }
}
