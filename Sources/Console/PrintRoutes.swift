import Foundation
import Hummingbird
import IntakeCore
import Pipeline

/// Printing: the PDF goes back to the browser (same origin, for its print dialog) or to the
/// workstation's CUPS queue. Every print and reprint is one audit row; a reprint needs a reason.
struct PrintRoutes: Sendable {
    let server: ConsoleServer

    struct PrintRequest: Decodable {
        /// form, notice, receipt, refusal.
        let document: String
        let reason: String?
        /// true: to the CUPS queue (`--printer`).
        let toPrinter: Bool?
    }

    func print(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let routes = SubmissionRoutes(server: server)
        let (entry, folder) = try await routes.located(context)
        let body = try await request.body.collect(upTo: 64 << 10)
        guard let ask = try? JSONDecoder().decode(PrintRequest.self, from: Data(buffer: body)),
              let document = PrintDocument(rawValue: ask.document), document != .precheckReceipt else { throw ConsoleError.bad("请求格式不对") }
        let decision = try server.store.decision(submission: entry.submission)
        switch document {
        case .receipt where decision?.outcome != "accept":
            throw ConsoleError.conflict("受理后才能打印受理回执。")
        case .refusal where decision?.outcome != "refuse":
            throw ConsoleError.conflict("决定不通过后才能打印不通过告知书。")
        case .notice:
            let result = try routes.read(folder)
            guard result.outputs.notice != nil else { throw ConsoleError.conflict("没有需要告知的内容。") }
        case .form:
            guard try routes.read(folder).form != nil else { throw ConsoleError.conflict("此事项没有申请表。") }
        default:
            break
        }
        let printed = try server.store.auditCount(submission: entry.submission, field: document.rawValue, actions: ["print", "reprint"])
        let reason = ask.reason?.trimmingWhitespace() ?? ""
        if printed > 0, reason.isEmpty { throw ConsoleError.bad("重新打印须写明原因。") }
        let number = try routes.caseNumber(entry)
        let bytes: [UInt8]
        do {
            bytes = try server.pipeline.printable(document, folder: folder, caseNumber: number, handler: context.clerk!.name,
                                                  reason: decision?.reason, now: server.now())
        } catch {
            throw ConsoleError(status: .internalServerError, message: "无法生成：\(error.message)")
        }
        if ask.toPrinter == true {
            guard let printer = server.settings.printer else { throw ConsoleError.bad("未配置打印机（--printer）。") }
            let job = try CUPS.submit(bytes, printer: printer, title: "\(number)-\(document.rawValue)")
            try server.audit(context, printed > 0 ? "reprint" : "print", submission: entry.submission, field: document.rawValue,
                             after: "\(printer) \(job)", reason: reason.isEmpty ? nil : reason)
            return JSON.response(["printer": printer, "job": job, "caseNumber": number])
        }
        try server.audit(context, printed > 0 ? "reprint" : "print", submission: entry.submission, field: document.rawValue,
                         after: "browser", reason: reason.isEmpty ? nil : reason)
        return Response(status: .ok, headers: [.contentType: "application/pdf",
                                               .contentDisposition: "inline; filename=\"\(number)-\(document.rawValue).pdf\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// `lp -d QUEUE`: the PDF on standard input, the job id from what lp prints.
enum CUPS {
    static func submit(_ pdf: [UInt8], printer: String, title: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["lp", "-d", printer, "-t", title, "-"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        do {
            try process.run()
        } catch {
            throw ConsoleError(status: .internalServerError, message: "无法调用打印（lp）：\(error)")
        }
        input.fileHandleForWriting.write(Data(pdf))
        try? input.fileHandleForWriting.close()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ConsoleError(status: .internalServerError, message: "打印失败：\(said.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        // "request id is QUEUE-42 (1 file(s))"
        return said.split(separator: " ").first { $0.hasPrefix(printer + "-") }.map(String.init) ?? said
    }
}
