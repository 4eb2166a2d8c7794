import Foundation

/// Expands the paths given on the command line into submissions, in a stable order.
enum SubmissionFiles {
    /// Files a folder is searched for: XML and PDF applications, zipped bundles.
    static let extensions = ["xml", "pdf", "zip"]
    /// A folder holding one of these is one bundle (application + materials), not a batch.
    static let bundleMarkers = ["READY", ".ready"]

    /// `bundles`: every folder given is itself one bundle.
    static func expand(_ paths: [String], bundles: Bool = false) -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                out.append(path)  // a missing file is reported by the pipeline as unreadable
                continue
            }
            if bundles || isBundle(path) { out.append(path); continue }
            guard let walker = fm.enumerator(atPath: path) else { continue }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                let full = (path as NSString).appendingPathComponent(relative)
                if name.hasPrefix(".") {
                    walker.skipDescendants()
                    continue
                }
                if isBundle(full) {
                    found.append(full)
                    walker.skipDescendants()
                } else if extensions.contains((name as NSString).pathExtension.lowercased()) {
                    found.append(full)
                }
            }
            out += found.sorted()
        }
        return out
    }

    static func isBundle(_ folder: String) -> Bool {
        bundleMarkers.contains { FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent($0)) }
    }
}
