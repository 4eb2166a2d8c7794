import Foundation
import Hummingbird
import IntakeCore
import Pipeline

/// 窗口上传: a file or a folder the clerk drops on the queue goes into the inbox `watch` reads,
/// written under a temporary name and renamed, so the watcher takes it whole and once.
struct UploadRoutes: Sendable {
    let server: ConsoleServer

    func upload(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        guard let inbox = server.settings.inbox else { throw ConsoleError.bad("未配置收件箱（--inbox），不能上传。") }
        let base = Multipart.safeName(request.uri.queryParameters.get("name") ?? "upload")
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
        let folderName = Multipart.safeName(request.uri.queryParameters.get("name") ?? "folder")
        guard !folderName.isEmpty else { throw ConsoleError.bad("文件夹名不对") }
        guard let boundary = Multipart.boundary(request.headers[.contentType]) else {
            throw ConsoleError.bad("请以 multipart/form-data 上传文件夹")
        }
        let body = try await request.body.collect(upTo: server.settings.maxUpload)
        let files = try Self.parts(body, boundary: boundary)
        guard !files.isEmpty else { throw ConsoleError.bad("文件夹是空的") }
        let (id, name, isNew) = try Self.drop(files, as: { "counter-\($0)-\(folderName)" }, into: inbox,
                                              pipeline: server.pipeline, label: folderName)
        guard isNew else { return JSON.response(["id": id, "name": name]) }
        try server.audit(context, "upload", submission: id, after: "\(folderName)/（\(files.count)个文件）")
        return JSON.response(["id": id, "name": name])
    }

    /// A folder of `files` into the inbox: written hidden, checked as a bundle, given the ready
    /// marker and renamed in whole under `name(id)`, id being the bundle's submission id. Not
    /// written again when that name is there already (`isNew` false): the same folder is one
    /// submission.
    static func drop(_ files: [(String, [UInt8])], as name: (String) -> String, into inbox: URL, pipeline: Pipeline,
                     label: String) throws -> (id: String, name: String, isNew: Bool) {
        let fm = FileManager.default
        let staging = inbox.appendingPathComponent(".drop-\(UUID().uuidString).part")
        defer { try? fm.removeItem(at: staging) }
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            for (file, bytes) in files {
                try OutputStore.writeAtomically(bytes, to: staging.appendingPathComponent(file).path, durable: true)
            }
        } catch {
            throw ConsoleError(status: .internalServerError, message: "无法写入收件箱：\(error)")
        }
        let sha: String
        do {
            sha = try pipeline.bundle(folder: staging, path: label).sha256
        } catch {
            throw ConsoleError.bad("\(label)：\(error.message)")
        }
        let id = SubmissionID.make(sha256: sha)
        let final = inbox.appendingPathComponent(name(id))
        guard !fm.fileExists(atPath: final.path) else { return (id, final.lastPathComponent, false) }
        do {
            try OutputStore.writeAtomically([], to: staging.appendingPathComponent("READY").path, durable: true)
        } catch {
            throw ConsoleError(status: .internalServerError, message: "无法写入收件箱：\(error.message)")
        }
        guard rename(staging.path, final.path) == 0 else {
            throw ConsoleError(status: .internalServerError, message: "无法写入收件箱")
        }
        return (id, final.lastPathComponent, true)
    }

    /// The files of a multipart/form-data body by base name; two files of one name are refused
    /// (a folder's subfolders are flattened, and a bundle must not lose one of them).
    static func parts(_ body: ByteBuffer, boundary: String) throws -> [(String, [UInt8])] {
        var seen = Set<String>()
        return try Multipart.parse(body, boundary: boundary).compactMap { part in
            guard let given = part.filename else { return nil }
            let name = Multipart.safeName(given)
            // Hidden files and the ready marker are the inbox's business, not the clerk's.
            guard !name.isEmpty, !(given.split(separator: "/").last ?? "").hasPrefix("."),
                  !["READY", ".READY"].contains(name.uppercased()) else { return nil }
            guard seen.insert(name).inserted else { throw ConsoleError.bad("文件夹里有两个同名文件：\(name)") }
            return (name, part.bytes)
        }
    }
}
