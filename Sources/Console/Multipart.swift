import Foundation
import MultipartKit

/// A multipart/form-data body (multipart-kit's parser): its parts with their form names, file
/// names and bytes. The counter's folder upload and the applicants' pre-check both send one.
enum Multipart {
    struct Part {
        let name: String
        /// As the browser sent it (a folder's relative path for a folder upload); nil for a plain field.
        let filename: String?
        let bytes: [UInt8]
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// The boundary of a `multipart/form-data` content type; nil for any other.
    static func boundary(_ contentType: String?) -> String? {
        guard let type = contentType, type.lowercased().hasPrefix("multipart/form-data") else { return nil }
        return type.firstMatch(of: /boundary="?([^";]+)"?/).map { String($0.output.1) }
    }

    static func parse(_ body: ByteBuffer, boundary: String) throws -> [Part] {
        final class Collector {
            var parts: [Part] = []
            var name = ""
            var filename: String?
            var bytes: [UInt8] = []
        }
        let collector = Collector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { field, value in
            guard field.lowercased() == "content-disposition" else { return }
            collector.name = value.firstMatch(of: /\bname="([^"]*)"/).map { String($0.output.1) } ?? ""
            collector.filename = value.firstMatch(of: /filename="([^"]*)"/).map { String($0.output.1) }
        }
        parser.onBody = { buffer in collector.bytes += buffer.readBytes(length: buffer.readableBytes) ?? [] }
        parser.onPartComplete = {
            collector.parts.append(Part(name: collector.name, filename: collector.filename, bytes: collector.bytes))
            collector.name = ""
            collector.filename = nil
            collector.bytes = []
        }
        do {
            try parser.execute(body)
        } catch {
            throw ConsoleError.bad("上传内容格式不对")
        }
        return collector.parts
    }

    /// The base name only, no dot first, nothing but what a file name needs.
    static func safeName(_ given: String) -> String {
        String((given as NSString).lastPathComponent.filter { !"/\\\0".contains($0) && !$0.isNewline }.drop { $0 == "." }.prefix(120))
    }
}
