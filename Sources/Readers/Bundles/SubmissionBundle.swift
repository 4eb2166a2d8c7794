import Crypto
import Foundation
import IntakeCore
import ZIPFoundation

/// A submission dropped as several files: the application form and its supporting materials,
/// as a folder (the inbox's, or `process --bundle`) or a zip. The one bundle rule of intake: its
/// members, its limits and its id. Nothing of it is ever written anywhere.
public struct SubmissionBundle: Sendable {
    public struct File: Sendable {
        /// The file's name inside the bundle (folders kept: `材料/营业执照.pdf`).
        public var name: String
        /// A folder's files are mapped, not copied: a bundle of large scans is hashed and
        /// classified without holding them in memory.
        public var data: Data
        public var bytes: [UInt8] { [UInt8](data) }
    }

    public struct Limits: Sendable {
        /// Files in one bundle at most.
        public var maxFiles = 200
        /// One file's size at most, unpacked.
        public var maxFileBytes = 32 << 20
        /// All files together at most, unpacked.
        public var maxTotalBytes = 128 << 20
        /// Unpacked size over packed size at most: a 10,000:1 entry is a zip bomb.
        public var maxRatio: UInt64 = 200
        public init() {}
    }

    public var files: [File]
    /// SHA-256 of the manifest: one `name<TAB>sha256<LF>` line per file, sorted by name, hex in
    /// lower case. The same bundle has the same id; ledgers and revalidation histories hold these
    /// ids, so the manifest's form must never change (a test pins it).
    public var sha256: String

    init(files: [File]) {
        self.files = files.sorted { $0.name < $1.name }
        let manifest = self.files.map { "\($0.name)\t\(SHA256.hash(data: $0.data).hexString)\n" }.joined()
        sha256 = SHA256.hash(data: Array(manifest.utf8)).hexString
    }

    /// A folder: its regular files, in subfolders too (hidden files and READY markers left out);
    /// symbolic links and special files are refused, not followed.
    public static func folder(_ url: URL, path: String, limits: Limits = Limits()) throws(IntakeError) -> SubmissionBundle {
        let fm = FileManager.default
        guard let walker = fm.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey, .isDirectoryKey],
                                         options: [.skipsHiddenFiles]) else {
            throw IntakeError(code: .unreadable, message: "cannot list the bundle folder", path: path)
        }
        var files: [File] = []
        var total = 0
        let base = url.standardizedFileURL.path
        for case let file as URL in walker {
            let values = try? file.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey, .isDirectoryKey])
            if values?.isDirectory == true { continue }
            var name = file.standardizedFileURL.path
            if name.hasPrefix(base + "/") { name.removeFirst(base.count + 1) }
            if BundleRules.skipsMember(file.lastPathComponent) { continue }
            guard values?.isSymbolicLink != true, values?.isRegularFile == true else {
                throw IntakeError(code: .bundle, message: "\(name) in the bundle is a link or special file, refused", path: path)
            }
            let size = (try? fm.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            guard size <= limits.maxFileBytes else {
                throw IntakeError(code: .tooLarge, message: "\(name) in the bundle is \(size) bytes, over \(limits.maxFileBytes)", path: path)
            }
            total += size
            guard files.count < limits.maxFiles, total <= limits.maxTotalBytes else {
                throw IntakeError(code: .tooLarge, message: "the bundle holds more than \(limits.maxFiles) files or \(limits.maxTotalBytes) bytes", path: path)
            }
            guard let data = try? Data(contentsOf: file, options: .alwaysMapped) else {
                throw IntakeError(code: .unreadable, message: "cannot read \(name) in the bundle", path: path)
            }
            files.append(File(name: name, data: data))
        }
        guard !files.isEmpty else { throw IntakeError(code: .bundle, message: "the bundle folder is empty", path: path) }
        return SubmissionBundle(files: files)
    }

    /// A zip: entries unpacked in memory with every limit checked as the bytes come, so a lying
    /// header cannot get past them. Entries climbing out (`../`), absolute paths and symbolic
    /// links are refused: the bundle never names a place outside itself.
    public static func zip(_ bytes: [UInt8], path: String, limits: Limits = Limits()) throws(IntakeError) -> SubmissionBundle {
        let spans: [ZipBounds.Span]
        switch ZipBounds.check(bytes) {
        case .success(let found): spans = found
        case .failure(let problem): throw IntakeError(code: .badZip, message: "not a readable zip archive: \(problem)", path: path)
        }
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw IntakeError(code: .badZip, message: "not a readable zip archive: \(error)", path: path)
        }
        if let office = FileKind.office(entryNames: archive.map(\.path)) {
            throw SubmissionReader.unsupported(office, path: path)
        }
        var files: [File] = []
        var total = 0
        for (index, entry) in archive.enumerated() {
            let name = entry.path
            switch entry.type {
            case .directory: continue
            case .symlink:
                throw IntakeError(code: .badZip, message: "entry \(name) is a symbolic link, refused", path: path)
            case .file: break
            }
            let parts = name.split(separator: "/", omittingEmptySubsequences: false)
            guard !name.hasPrefix("/"), !name.hasPrefix("\\"), !name.contains(":"), !parts.contains(".."), !name.contains("\\..") else {
                throw IntakeError(code: .badZip, message: "entry \(name) points outside the bundle, refused", path: path)
            }
            let base = (name as NSString).lastPathComponent
            if BundleRules.skipsMember(base) || name.hasPrefix("__MACOSX/") { continue }
            if entry.compressedSize > 0, entry.uncompressedSize / max(entry.compressedSize, 1) > limits.maxRatio {
                throw IntakeError(code: .badZip, message: "entry \(name) unpacks \(entry.uncompressedSize / max(entry.compressedSize, 1)):1, a zip bomb", path: path)
            }
            guard files.count < limits.maxFiles else {
                throw IntakeError(code: .tooLarge, message: "the zip holds more than \(limits.maxFiles) files", path: path)
            }
            guard index < spans.count, UInt64(spans[index].count) == entry.compressedSize else {
                throw IntakeError(code: .badZip, message: "entry \(name): its directory record and its data disagree", path: path)
            }
            var data: [UInt8] = []
            let packed = max(entry.compressedSize, 1)
            do {
                let crc = try unpack(bytes, spans[index], compressed: entry.isCompressed) { chunk in
                    data.append(contentsOf: chunk)
                    if data.count > limits.maxFileBytes || total + data.count > limits.maxTotalBytes
                        || UInt64(data.count) / packed > limits.maxRatio {
                        throw BombError()
                    }
                }
                guard crc == entry.checksum else { throw UnpackError.checksum }
            } catch is BombError {
                throw IntakeError(code: .badZip, message: "entry \(name) unpacks beyond the limits (\(limits.maxFileBytes) bytes, \(limits.maxRatio):1): a zip bomb", path: path)
            } catch {
                throw IntakeError(code: .badZip, message: "cannot unpack entry \(name): \(error)", path: path)
            }
            total += data.count
            files.append(File(name: name, data: Data(data)))
        }
        guard !files.isEmpty else { throw IntakeError(code: .bundle, message: "the zip holds no files", path: path) }
        return SubmissionBundle(files: files)
    }

    /// An entry's data unpacked, chunk by chunk into `consumer`; its CRC-32. ZIPFoundation's own
    /// `extract` asks for more input past the end of a deflate stream cut short and, given none,
    /// asks again for ever (found by `make fuzz`); here the input stops at the entry's end.
    private static func unpack(_ bytes: [UInt8], _ span: ZipBounds.Span, compressed: Bool,
                               consumer: (Data) throws -> Void) throws -> CRC32 {
        guard compressed else {
            let stored = Data(bytes[span.start..<(span.start + span.count)])
            try consumer(stored)
            return stored.crc32(checksum: 0)
        }
        return try Data.decompress(size: Int64(span.count), bufferSize: 64 << 10, skipCRC32: false, provider: { position, size in
            try inflateInput(bytes, span, position: position, size: size)
        }, consumer: consumer)
    }

    /// The compressed bytes from `position`, always `size` of them. ZIPFoundation's `decode`
    /// tells zlib every chunk is `size` bytes long, so zlib read a corrupt stream's short last
    /// chunk past its end (a heap overflow found by `make fuzz`). Zeros fill it: no deflate
    /// stream ends in them, and the CRC refuses what a damaged one makes of them.
    static func inflateInput(_ bytes: [UInt8], _ span: ZipBounds.Span, position: Int64, size: Int) throws -> Data {
        guard position >= 0, position < Int64(span.count), size > 0 else { throw UnpackError.truncated }
        let from = span.start + Int(position)
        var chunk = Data(bytes[from..<min(span.start + span.count, from + size)])
        if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
        return chunk
    }
}

private struct BombError: Error {}

private enum UnpackError: Error, CustomStringConvertible {
    case truncated, checksum
    var description: String {
        switch self {
        case .truncated: "the compressed data ends before its stream does"
        case .checksum: "the unpacked data does not match its CRC-32"
        }
    }
}
