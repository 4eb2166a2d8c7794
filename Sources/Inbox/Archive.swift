import Foundation

/// Originals kept read-only and content-addressed: `<archive>/<first two hex>/<sha256><.ext>`.
/// The same bytes are stored once however often they are dropped.
struct Archive: Sendable {
    let root: URL

    func location(sha256: String, name: String) -> URL {
        let ext = (name as NSString).pathExtension
        let file = ext.isEmpty ? sha256 : "\(sha256).\(ext.lowercased())"
        return root.appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent(file)
    }

    /// Moves the claimed file into the archive (a copy when the archive is on another file
    /// system), read-only. Idempotent: a file already archived is simply removed from the claim.
    func store(_ claimed: URL, sha256: String, name: String) throws(FileSystem.Failure) {
        let target = location(sha256: sha256, name: name)
        try FileSystem.makeDirectory(target.deletingLastPathComponent())
        if FileSystem.exists(target) {
            unlink(claimed.path)
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
