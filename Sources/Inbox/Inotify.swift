import Foundation

/// inotify on the inbox folder: wakes the scanner as soon as a file is closed after writing
/// or renamed in, instead of waiting for the next poll. Not used on network file systems,
/// where it sees nothing of other machines' writes.
final class Inotify {
    private let fd: Int32
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    init?(watching folder: URL) {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY)
        guard inotify_add_watch(fd, folder.path, mask) >= 0 else {
            close(fd)
            return nil
        }
    }

    deinit { close(fd) }

    /// Waits up to `timeout` seconds for events; returns the names renamed in (complete by
    /// convention), and whether anything happened at all.
    func wait(timeout: Double) -> (renamed: [String], any: Bool) {
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&pfd, 1, Int32(timeout * 1000))
        guard ready > 0 else { return ([], false) }
        var renamed: [String] = []
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            var offset = 0
            buffer.withUnsafeBytes { raw in
                while offset + MemoryLayout<inotify_event>.size <= n {
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    if event.mask & UInt32(IN_MOVED_TO) != 0, event.len > 0 {
                        let bytes = raw[nameStart..<(nameStart + Int(event.len))].prefix { $0 != 0 }
                        renamed.append(String(decoding: bytes, as: UTF8.self))
                    }
                    offset = nameStart + Int(event.len)
                }
            }
        }
        return (renamed, true)
    }

    /// True when `folder` is on NFS, SMB/CIFS or another network file system (from the mount
    /// table: the longest mount point that contains the folder).
    static func isNetworkFileSystem(_ folder: URL) -> Bool {
        guard let mounts = try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8) else { return false }
        let path = folder.standardizedFileURL.resolvingSymlinksInPath().path
        var best: (length: Int, type: String) = (-1, "")
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 3 else { continue }
            let mountPoint = fields[1].replacingOccurrences(of: "\\040", with: " ")
            let contains = mountPoint == "/" || path == mountPoint || path.hasPrefix(mountPoint + "/")
            if contains && mountPoint.count > best.length { best = (mountPoint.count, String(fields[2])) }
        }
        let network = ["nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "fuse.sshfs", "afs", "ceph", "glusterfs"]
        return network.contains(best.type)
    }
}
