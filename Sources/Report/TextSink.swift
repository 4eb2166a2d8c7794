import Foundation

/// A file written in large chunks: the report's rows stream through it, none is kept.
final class TextSink {
    let url: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(_ url: URL) throws {
        self.url = url
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw ReportError(message: "cannot create \(url.path)")
        }
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try drain() }
    }

    func append(contentsOf other: URL) throws {
        try drain()
        let input = try FileHandle(forReadingFrom: other)
        defer { try? input.close() }
        while let chunk = try input.read(upToCount: 1 << 16), !chunk.isEmpty { try handle.write(contentsOf: chunk) }
    }

    func close() throws {
        try drain()
        try handle.synchronize()
        try handle.close()
    }

    private func drain() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

public struct ReportError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
