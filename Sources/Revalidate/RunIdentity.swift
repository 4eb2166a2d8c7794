import Crypto
import Foundation
import IntakeCore

/// What identifies a revalidation: the PATHs it covers and the catalog it checks against.
public enum RunIdentity {
    /// The PATHs made absolute and tidy, as they are stored in the run (and compared).
    public static func absolutePaths(_ paths: [String], currentDirectory: String = FileManager.default.currentDirectoryPath) -> [String] {
        paths.map { path in
            let absolute = path.hasPrefix("/") ? path : (currentDirectory as NSString).appendingPathComponent(path)
            var tidy = (absolute as NSString).standardizingPath
            while tidy.count > 1, tidy.hasSuffix("/") { tidy.removeLast() }
            return tidy
        }
    }

    /// SHA-256 over every file of the catalog folder (relative path and content, in path order):
    /// any change to an item, a form or a schema gives another fingerprint.
    public static func catalogFingerprint(_ directory: URL) -> String {
        var files: [String] = []
        let root = directory.standardizedFileURL.path
        if let walker = FileManager.default.enumerator(atPath: root) {
            while let relative = walker.nextObject() as? String {
                var isDirectory: ObjCBool = false
                let full = (root as NSString).appendingPathComponent(relative)
                if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                   !(relative as NSString).lastPathComponent.hasPrefix(".") {
                    files.append(relative)
                }
            }
        }
        var hasher = SHA256()
        for relative in files.sorted() {
            hasher.update(data: Data(relative.utf8))
            hasher.update(data: Data([0]))
            if let data = FileManager.default.contents(atPath: (root as NSString).appendingPathComponent(relative)) {
                hasher.update(data: SHA256.hash(data: data).map { $0 })
            }
        }
        return hasher.finalize().hexString
    }

    /// The key of "the same revalidation": a hash of the catalog fingerprint and the sorted PATHs.
    public static func key(paths: [String], catalog: String) -> String {
        let text = catalog + "\n" + paths.sorted().joined(separator: "\n")
        return SHA256.hash(data: Data(text.utf8)).hexString
    }

    /// A new run's name: the local start time and the start of the key, e.g. `20261113-101502-3f9a0c1d`.
    public static func newName(key: String, now: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: now) + "-" + key.prefix(8)
    }

    /// A run name is used as a folder name: letters, digits, `-`, `_`, `.`; 1 to 100 characters.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 100 && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }
    }
}
