import Foundation
import Intake

/// Writes a submission's outputs into `<root>/<YYYY-MM-DD>/<id>/` all at once: files go into a
/// private folder under `<root>/.tmp/` first, and the folder is renamed into place, so no reader
/// ever sees a half-written PDF or JSON. `.tmp` itself stays (empty when no one is writing):
/// removing it would race with other writers creating their folders in it.
public struct OutputStore: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    /// The output folder of an earlier run for this id, if any (any date).
    public func existing(id: String) -> URL? {
        let fm = FileManager.default
        guard let dates = try? fm.contentsOfDirectory(atPath: root.path) else { return nil }
        for date in dates.sorted(by: >) where !date.hasPrefix(".") {
            let folder = root.appendingPathComponent(date).appendingPathComponent(id)
            if fm.fileExists(atPath: folder.appendingPathComponent("result.json").path) { return folder }
        }
        return nil
    }

    public func folder(date: String, id: String) -> URL {
        root.appendingPathComponent(date).appendingPathComponent(id)
    }

    /// Writes `files` (name → bytes) as the folder for `id` on `date`, replacing an earlier one.
    public func write(_ files: [(String, [UInt8])], date: String, id: String, path: String) throws(IntakeError) {
        let fm = FileManager.default
        let staging = root.appendingPathComponent(".tmp")
        let temp = staging.appendingPathComponent("\(id).\(getpid()).\(UInt32.random(in: .min ... .max))")
        let final = folder(date: date, id: id)
        func fail(_ what: String, _ error: Error) -> IntakeError {
            try? fm.removeItem(at: temp)
            return IntakeError(code: "output", message: "cannot write output: \(what): \(error.localizedDescription)", path: path)
        }
        do {
            try fm.createDirectory(at: temp, withIntermediateDirectories: true)
            try fm.createDirectory(at: final.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw fail(temp.deletingLastPathComponent().path, error)
        }
        for (name, bytes) in files {
            do {
                try Data(bytes).write(to: temp.appendingPathComponent(name))
            } catch {
                throw fail(name, error)
            }
        }
        var displaced: URL?
        if fm.fileExists(atPath: final.path) {
            let old = staging.appendingPathComponent("\(id).old.\(UInt32.random(in: .min ... .max))")
            guard rename(final.path, old.path) == 0 else { throw fail(final.path, POSIXError(errno)) }
            displaced = old
        }
        guard rename(temp.path, final.path) == 0 else {
            let error = POSIXError(errno)
            if let displaced { _ = rename(displaced.path, final.path) }
            throw fail(final.path, error)
        }
        if let displaced { try? fm.removeItem(at: displaced) }
    }
}

extension POSIXError {
    init(_ code: Int32) { self.init(POSIXErrorCode(rawValue: code) ?? .EIO) }
}
