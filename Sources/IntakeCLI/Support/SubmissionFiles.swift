import Foundation
import Pipeline

/// Expands the paths given on the command line into submissions, in a stable order.
enum SubmissionFiles {
    /// Each folder is searched by `SubmissionWalker` (submission files and bundle folders) and its
    /// finds sorted; `bundles`: every folder given is itself one bundle.
    static func expand(_ paths: [String], bundles: Bool = false) -> [String] {
        var out: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard bundles, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                var found: [String] = []
                SubmissionWalker(roots: [path]).walk { found.append($0); return true }
                out += found.sorted()
                continue
            }
            out.append(path)
        }
        return out
    }
}
