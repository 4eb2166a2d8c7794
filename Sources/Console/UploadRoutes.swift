import Foundation
import Hummingbird
import IntakeCore
import Pipeline

/// 窗口上传: a file the clerk drops on the queue goes into the inbox `watch` reads, written under
/// a temporary name and renamed, so the watcher takes it whole and once.
struct UploadRoutes: Sendable {
    let server: ConsoleServer

    func upload(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        guard let inbox = server.settings.inbox else { throw ConsoleError.bad("未配置收件箱（--inbox），不能上传。") }
        let given = request.uri.queryParameters.get("name") ?? "upload"
        // The base name only, no dot first, nothing but what a file name needs.
        let base = String((given as NSString).lastPathComponent.filter { !"/\\\0".contains($0) }.drop { $0 == "." }.prefix(120))
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
}
