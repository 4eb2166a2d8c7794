import Catalog
import Dispatch
import Foundation
import Render

/// Writes a corpus: `<out>/<kind>/<batch>/s<index>-<form>.<ext>`, `filesPerFolder` files per
/// batch folder, and `<out>/manifest.csv` with one line per file. Streaming: submissions are
/// made and written one batch at a time (in parallel within a batch, in order on disk), so memory
/// does not grow with the count.
public struct CorpusWriter: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case xml, pdf
    }

    public struct Options: Sendable {
        public var count: Int
        public var kinds: [Kind]
        public var faultRate: Double
        public var seed: UInt64
        public var filesPerFolder: Int
        public init(count: Int, kinds: [Kind] = [.xml], faultRate: Double = 0.3, seed: UInt64 = 1, filesPerFolder: Int = 1000) {
            self.count = count
            self.kinds = kinds
            self.faultRate = faultRate
            self.seed = seed
            self.filesPerFolder = filesPerFolder
        }
    }

    public struct Summary: Sendable {
        public var submissions = 0
        public var files = 0
        public var faulty = 0
        public var forms: Set<String> = []
    }

    public static let manifestHeader = "file,kind,form,region,district,handling,faults,expected_codes,expected_status"

    let catalog: Catalog
    let options: Options

    public init(catalog: Catalog, options: Options) {
        self.catalog = catalog
        self.options = options
    }

    /// The relative path of submission `index` in `kind`.
    public func relativePath(_ index: Int, form: String, kind: Kind) -> String {
        let folder = String(index / options.filesPerFolder).leftPadded(4)
        return "\(kind.rawValue)/\(folder)/s\(String(index).leftPadded(7))-\(form).\(kind.rawValue)"
    }

    /// Writes everything; `progress` is called after each batch with the number done.
    @discardableResult
    public func write(to out: URL, progress: (Int) -> Void = { _ in }) throws -> Summary {
        let factory = SubmissionFactory(catalog: catalog, seed: options.seed, faultRate: options.faultRate)
        let fm = FileManager.default
        try fm.createDirectory(at: out, withIntermediateDirectories: true)
        let manifestURL = out.appendingPathComponent("manifest.csv")
        guard fm.createFile(atPath: manifestURL.path, contents: Data((Self.manifestHeader + "\n").utf8)),
              let manifest = FileHandle(forWritingAtPath: manifestURL.path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: manifestURL.path])
        }
        defer { try? manifest.close() }
        try manifest.seekToEnd()
        var summary = Summary()
        let batch = options.filesPerFolder
        var start = 0
        while start < options.count {
            let end = min(options.count, start + batch)
            for kind in options.kinds {
                try fm.createDirectory(at: out.appendingPathComponent(kind.rawValue)
                    .appendingPathComponent(String(start / batch).leftPadded(4)), withIntermediateDirectories: true)
            }
            let made = Self.parallelMap(start..<end) { index -> (Draft, [[UInt8]], String?) in
                let draft = factory.draft(index)
                var files: [[UInt8]] = []
                var failure: String?
                for kind in options.kinds {
                    switch kind {
                    case .xml: files.append(XMLWriter.write(draft))
                    case .pdf:
                        do {
                            files.append(try FormRenderer().render(factory.target(for: index).form, values: draft.fieldValues))
                        } catch {
                            failure = "\(error)"
                            files.append([])
                        }
                    }
                }
                return (draft, files, failure)
            }
            var lines = ""
            for (offset, (draft, files, failure)) in made.enumerated() {
                if let failure { throw GenerateError(message: "cannot render submission \(start + offset): \(failure)") }
                for (kind, bytes) in zip(options.kinds, files) {
                    let path = relativePath(start + offset, form: draft.formID, kind: kind)
                    try Self.writeFile(out.appendingPathComponent(path).path, bytes)
                    lines += Self.manifestLine(path: path, kind: kind, draft: draft) + "\n"
                    summary.files += 1
                }
                summary.submissions += 1
                if !draft.faults.isEmpty { summary.faulty += 1 }
                summary.forms.insert(draft.formID)
            }
            manifest.write(Data(lines.utf8))
            progress(end)
            start = end
        }
        return summary
    }

    static func manifestLine(path: String, kind: Kind, draft: Draft) -> String {
        let faults = draft.faults.map { "\($0.kind.rawValue):\($0.target)" }.joined(separator: ";")
        let codes = Set(draft.faults.map(\.kind.expectedCode.rawValue)).sorted().joined(separator: ";")
        let status = draft.faults.isEmpty ? "accepted" : "incomplete"
        return [path, kind.rawValue, draft.formID, draft.regionCode, draft.district, draft.handling, faults, codes, status]
            .map(csv).joined(separator: ",")
    }

    static func csv(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw GenerateError(message: "cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw GenerateError(message: "cannot write \(path): \(String(cString: strerror(errno)))") }
            done += n
        }
    }

    /// `transform` over `range` on all cores, results in order.
    static func parallelMap<T>(_ range: Range<Int>, _ transform: @Sendable (Int) -> T) -> [T] {
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: range.count)
        results.initialize(repeating: nil)
        defer { _ = results.deinitialize(); results.deallocate() }
        let base = range.lowerBound
        let buffer = SendableBuffer(results)
        DispatchQueue.concurrentPerform(iterations: range.count) { i in
            buffer.buffer[i] = transform(base + i)
        }
        return results.map { $0! }
    }
}

/// Each iteration of `concurrentPerform` writes its own slot only.
private struct SendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T?>
    init(_ b: UnsafeMutableBufferPointer<T?>) { buffer = b }
}

public struct GenerateError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
