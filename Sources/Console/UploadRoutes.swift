import Foundation
import Hummingbird
import IntakeCore
import MultipartKit
import Pipeline

/// 窗口上传: a file or a folder the clerk drops on the queue goes into the inbox `watch` reads,
/// written under a temporary name and renamed, so the watcher takes it whole and once.
struct UploadRoutes: Sendable {
    let server: ConsoleServer

    /// The base name only, no dot first, nothing but what a file name needs.
    static func safeName(_ given: String) -> String {
        String((given as NSString).lastPathComponent.filter { !"/\\\0".contains($0) && !$0.isNewline }.drop { $0 == "." }.prefix(120))
    }

    func upload(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        guard let inbox = server.settings.inbox else { throw ConsoleError.bad("未配置收件箱（--inbox），不能上传。") }
        let base = Self.safeName(request.uri.queryParameters.get("name") ?? "upload")
        guard !base.isEmpty else { throw ConsoleError.bad("文件名不对") }
        let body = try await request.body.collect(upTo: server.settings.maxUpload)
        guard body.readableBytes > 0 else { throw ConsoleError.bad("文件是空的") }
        let bytes = Array(buffer: body)
        let sha = SubmissionID.sha256Hex(bytes)
        let id = SubmissionID.make(sha256: sha)
        let name = "counter-\(id)-\(base)"
        let temp = inbox.appendingPathComponent(".\(name).part").path
        do {
            try OutputStore.writeAtomically(bytes, to: temp, durable: true)
        } catch {
            throw ConsoleError(status: .internalServerError, message: "无法写入收件箱：\(error.message)")
        }
        guard rename(temp, inbox.appendingPathComponent(name).path) == 0 else {
            unlink(temp)
            throw ConsoleError(status: .internalServerError, message: "无法写入收件箱")
        }
        try server.audit(context, "upload", submission: id, after: base)
        return JSON.response(["id": id, "name": name])
    }

    /// A folder (an application with its materials) as one multipart/form-data request: its files
    /// are written into a hidden folder of the inbox, checked as a bundle, given the ready marker
    /// and renamed in whole; its name carries the bundle's id, so the same folder twice is one
    /// submission.
    func folder(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        guard let inbox = server.settings.inbox else { throw ConsoleError.bad("未配置收件箱（--inbox），不能上传。") }
        let folderName = Self.safeName(request.uri.queryParameters.get("name") ?? "folder")
        guard !folderName.isEmpty else { throw ConsoleError.bad("文件夹名不对") }
        guard let type = request.headers[.contentType], type.hasPrefix("multipart/form-data"),
              let boundary = type.firstMatch(of: /boundary="?([^";]+)"?/).map({ String($0.output.1) }) else {
            throw ConsoleError.bad("请以 multipart/form-data 上传文件夹")
        }
        let body = try await request.body.collect(upTo: server.settings.maxUpload)
        let files = try Self.parts(body, boundary: boundary)
        guard !files.isEmpty else { throw ConsoleError.bad("文件夹是空的") }
        let fm = FileManager.default
        let staging = inbox.appendingPathComponent(".counter-folder-\(UUID().uuidString).part")
        defer { try? fm.removeItem(at: staging) }
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            for (name, bytes) in files {
                try OutputStore.writeAtomically(bytes, to: staging.appendingPathComponent(name).path, durable: true)
            }
        } catch {
            throw ConsoleError(status: .internalServerError, message: "无法写入收件箱：\(error)")
        }
        let sha: String
        do {
            sha = try server.pipeline.bundle(folder: staging, path: folderName).sha256
        } catch {
            throw ConsoleError.bad("\(folderName)：\(error.message)")
        }
        let id = SubmissionID.make(sha256: sha)
        let name = "counter-\(id)-\(folderName)"
        let final = inbox.appendingPathComponent(name)
        guard !fm.fileExists(atPath: final.path) else { return JSON.response(["id": id, "name": name]) }
        do {
            try OutputStore.writeAtomically([], to: staging.appendingPathComponent("READY").path, durable: true)
        } catch {
            throw ConsoleError(status: .internalServerError, message: "无法写入收件箱：\(error.message)")
        }
        guard rename(staging.path, final.path) == 0 else {
            throw ConsoleError(status: .internalServerError, message: "无法写入收件箱")
        }
        try server.audit(context, "upload", submission: id, after: "\(folderName)/（\(files.count)个文件）")
        return JSON.response(["id": id, "name": name])
    }

    /// The files of a multipart/form-data body by base name; two files of one name are refused
    /// (a folder's subfolders are flattened, and a bundle must not lose one of them).
    static func parts(_ body: ByteBuffer, boundary: String) throws -> [(String, [UInt8])] {
        final class Collector {
            var files: [(String, [UInt8])] = []
            var name: String?
            var bytes: [UInt8] = []
        }
        let collector = Collector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { field, value in
            guard field.lowercased() == "content-disposition",
                  let match = value.firstMatch(of: /filename="([^"]*)"/) else { return }
            collector.name = String(match.output.1)
        }
        parser.onBody = { buffer in collector.bytes += buffer.readBytes(length: buffer.readableBytes) ?? [] }
        parser.onPartComplete = {
            if let name = collector.name { collector.files.append((name, collector.bytes)) }
            collector.name = nil
            collector.bytes = []
        }
        do {
            try parser.execute(body)
        } catch {
            throw ConsoleError.bad("上传内容格式不对")
        }
        var seen = Set<String>()
        return try collector.files.compactMap { given, bytes in
            let name = safeName(given)
            // Hidden files and the ready marker are the inbox's business, not the clerk's.
            guard !name.isEmpty, !(given.split(separator: "/").last ?? "").hasPrefix("."),
                  !["READY", ".READY"].contains(name.uppercased()) else { return nil }
            guard seen.insert(name).inserted else { throw ConsoleError.bad("文件夹里有两个同名文件：\(name)") }
            return (name, bytes)
        }
    }
}
