import Foundation
import Pipeline

/// Expands the paths given on the command line into submissions, in a stable order.
enum SubmissionFiles {
    /// Each folder is searched by `SubmissionWalker` (submission files and bundle folders) and its
    /// finds sorted; `bundles`: every folder given is itself one bundle. `empty`: the folders given
    /// in which nothing was found; `skipped`: what the walk passed over and why (links, FIFOs,
    /// folders that cannot be opened), each to be reported rather than passed over in silence.
    static func expand(_ paths: [String], bundles: Bool = false)
        -> (files: [String], empty: [String], skipped: [(path: String, reason: String)]) {
        var files: [String] = []
        var empty: [String] = []
        var skipped: [(path: String, reason: String)] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard bundles, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                var found: [String] = []
                SubmissionWalker(roots: [path]).walk(onError: { skipped.append(($0, $1)) }) { found.append($0); return true }
                if found.isEmpty && !skipped.contains(where: { $0.path.hasPrefix(path) }) { empty.append(path) }
                files += found.sorted()
                continue
            }
            files.append(path)
        }
        return (files, empty, skipped)
    }
}
