import Foundation
import IntakeCore

/// Decides when a file in the inbox is complete and may be taken.
///
/// Scanners write slowly and some copy over SMB/NFS: a file counts as finished when it was
/// renamed in (inotify's IN_MOVED_TO), or when its size and modification time have not changed
/// for `settle` seconds. Names that writers use while writing (`*.tmp`, `*.part`, dot-files)
/// are never taken. A bundle folder (an application with its materials) is taken when its ready
/// marker (`READY` or `.ready`) appears in it.
struct Settler {
    let settle: Double
    private var seen: [String: (size: Int64, mtime: Double, since: Double)] = [:]
    private var renamedIn: Set<String> = []

    init(settle: Double) { self.settle = settle }

    static func isCandidate(_ name: String) -> Bool {
        let lower = name.lowercased()
        if name.hasPrefix(".") || name.hasPrefix("~$") { return false }
        for suffix in [".tmp", ".part", ".partial", ".crdownload", ".filepart", ".download", ".swp"] where lower.hasSuffix(suffix) {
            return false
        }
        return true
    }

    /// A rename into the inbox was observed: the writer is done with it.
    mutating func markRenamed(_ name: String) { renamedIn.insert(name) }

    /// The files of `names` (in `folder`) that are ready now.
    mutating func ready(in folder: URL, names: [String], now: Double) -> [(URL, Date)] {
        var out: [(URL, Date)] = []
        var present = Set<String>()
        for name in names where Self.isCandidate(name) {
            let url = folder.appendingPathComponent(name)
            guard let stamp = FileSystem.stamp(url) else { continue }
            guard stamp.isFile else {
                // A FIFO, socket or link never settles into a submission: taken now, to be refused.
                if !stamp.isFolder || BundleRules.readyMarkers.contains(where: { FileSystem.exists(url.appendingPathComponent($0)) }) {
                    present.insert(name)
                    out.append((url, Date(timeIntervalSince1970: stamp.mtime)))
                }
                continue
            }
            present.insert(name)
            if renamedIn.contains(name) {
                out.append((url, Date(timeIntervalSince1970: stamp.mtime)))
                continue
            }
            if let previous = seen[name], previous.size == stamp.size, previous.mtime == stamp.mtime {
                if now - previous.since >= settle && now - stamp.mtime >= settle {
                    out.append((url, Date(timeIntervalSince1970: stamp.mtime)))
                }
            } else {
                seen[name] = (stamp.size, stamp.mtime, now)
                // Found on start-up long after it was written (the service was down): take it now.
                if now - stamp.mtime >= settle * 4 { out.append((url, Date(timeIntervalSince1970: stamp.mtime))) }
            }
        }
        seen = seen.filter { present.contains($0.key) }
        renamedIn = renamedIn.intersection(present)
        return out
    }

    /// Forget a file that was taken.
    mutating func forget(_ name: String) {
        seen[name] = nil
        renamedIn.remove(name)
    }
}
