import Foundation

/// Files intake cannot process, set aside with a reason so they do not block the queue:
/// `<quarantine>/<token>__<name>` and `<token>__<name>.reason.txt`. To re-queue one, move it
/// back into the inbox (README, "Operations").
struct Quarantine: Sendable {
    let root: URL

    func store(_ claimed: URL, token: String, name: String, reason: String) throws(FileSystem.Failure) {
        try FileSystem.makeDirectory(root)
        let target = root.appendingPathComponent("\(token)__\(name)")
        let note = root.appendingPathComponent("\(token)__\(name).reason.txt")
        let text = "file: \(name)\nquarantined: \(ISO8601DateFormatter().string(from: Date()))\nreason: \(reason)\n"
        let temp = root.appendingPathComponent(".\(token).reason.tmp")
        guard FileManager.default.createFile(atPath: temp.path, contents: Data(text.utf8)) else {
            throw FileSystem.Failure(operation: "write", path: temp.path, code: errno == 0 ? EIO : errno)
        }
        try FileSystem.rename(temp, note)
        do {
            try FileSystem.rename(claimed, target)
        } catch where error.code == EXDEV {
            try FileSystem.durableCopy(claimed, target, mode: 0o644)
            unlink(claimed.path)
        }
    }
}
