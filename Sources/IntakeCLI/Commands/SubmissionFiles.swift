import Foundation

/// Expands the paths given on the command line into submission files, in a stable order.
enum SubmissionFiles {
    static func expand(_ paths: [String]) -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                out.append(path)  // a missing file is reported by the pipeline as unreadable
                continue
            }
            guard let walker = fm.enumerator(atPath: path) else { continue }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    walker.skipDescendants()
                    continue
                }
                if name.lowercased().hasSuffix(".xml") { found.append((path as NSString).appendingPathComponent(relative)) }
            }
            out += found.sorted()
        }
        return out
    }
}
