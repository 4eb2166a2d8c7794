import Foundation

/// Originals kept read-only and content-addressed: `<archive>/<first two hex>/<sha256><.ext>`.
/// The same bytes are stored once however often they are dropped.
struct Archive: Sendable {
    let root: URL

    func location(sha256: String, name: String, isBundle: Bool = false) -> URL {
        let ext = isBundle ? "" : (name as NSString).pathExtension
        let file = ext.isEmpty ? sha256 : "\(sha256).\(ext.lowercased())"
        return root.appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent(file)
    }

    /// Moves the claimed file into the archive (a copy when the archive is on another file
    /// system), read-only. Idempotent: a file already archived is simply removed from the claim.
    func store(_ claimed: URL, sha256: String, name: String) throws(FileSystem.Failure) {
        let isBundle = FileSystem.stamp(claimed)?.isFolder ?? false
        let target = location(sha256: sha256, name: name, isBundle: isBundle)
        try FileSystem.makeDirectory(target.deletingLastPathComponent())
        if FileSystem.exists(target) {
            if isBundle { try? FileManager.default.removeItem(at: claimed) } else { unlink(claimed.path) }
            return
        }
        if isBundle {
            // A bundle keeps its folder, named by the hash of its manifest; its files read-only.
            for file in (try? FileManager.default.contentsOfDirectory(atPath: claimed.path)) ?? [] {
                chmod(claimed.appendingPathComponent(file).path, 0o444)
            }
            try FileSystem.rename(claimed, target)
            return
        }
        chmod(claimed.path, 0o444)
        do {
            try FileSystem.rename(claimed, target)
        } catch where error.code == EXDEV {
            try FileSystem.durableCopy(claimed, target, mode: 0o444)
            unlink(claimed.path)
        }
    }
}
