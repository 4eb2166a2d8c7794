import Catalog
import Foundation
import Hummingbird
import IntakeCore
import Ledger
import Pipeline

/// One submission: the verify page, its page images, finishing a correction, the decision.
struct SubmissionRoutes: Sendable {
    let server: ConsoleServer

    /// The submission named in the URL, if the clerk may see it. The id must be 16 hex digits
    /// before anything is looked up; the folder comes from the index, never from the URL.
    func located(_ context: ConsoleContext) async throws -> (entry: QueueEntry, folder: URL) {
        guard let id = context.parameters.get("id"), SubmissionRef.isID(id) else { throw ConsoleError.notFound }
        var entry = try server.store.queueEntry(submission: id)
        if entry == nil {
            try await server.indexer.refresh()
            entry = try server.store.queueEntry(submission: id)
        }
        guard let entry else { throw ConsoleError.notFound }
        guard context.clerk?.serves(office: entry.office) == true else { throw ConsoleError.notFound }
        return (entry, URL(fileURLWithPath: entry.folder))
    }

    // MARK: The verify page

    func page(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let (entry, folder) = try await located(context)
        let result = try read(folder)
        try server.audit(context, "open", submission: entry.submission)
        let declared = (try? SubmissionSnapshot.read(folder: folder))?.declaredConditions ?? []
        let view = try SubmissionView(result: result, catalog: server.pipeline.catalog, declared: declared,
                                      decision: server.store.decision(submission: entry.submission),
                                      caseNumber: server.store.existingCaseNumber(submission: entry.submission))
        return server.pages.html("submission", Chrome(context, title: (result.form?.title ?? result.item?.name ?? ""), body: view))
    }

    func json(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let (entry, folder) = try await located(context)
        let result = try read(folder)
        try server.audit(context, "open", submission: entry.submission)
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: ResultJSON.encode(result))))
    }

    func read(_ folder: URL) throws -> SubmissionResult {
        do {
            return try Pipeline.result(in: folder)
        } catch {
            throw ConsoleError.notFound
        }
    }

    /// A page of the original as PNG at 100 dpi, drawn once and kept in the state folder.
    func pageImage(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let (entry, folder) = try await located(context)
        guard let text = context.parameters.get("page"), let page = Int(text.replacingOccurrences(of: ".png", with: "")),
              (1...200).contains(page) else { throw ConsoleError.notFound }
        let cache = server.settings.state.appendingPathComponent("pages").appendingPathComponent("\(entry.submission)-\(page).png")
        if let data = FileManager.default.contents(atPath: cache.path) { return png(Array(data)) }
        let result = try read(folder)
        guard let bytes = original(result) else { throw ConsoleError(status: .notFound, message: "原件不在归档中") }
        let drawn: [UInt8]
        do {
            guard let image = try Pipeline.pageImage(bytes, page: page, dpi: SubmissionView.dpi, path: result.source.path) else {
                throw ConsoleError.notFound
            }
            drawn = image.png
        } catch let error as IntakeError {
            throw ConsoleError(status: .notFound, message: "无法显示该页：\(error.message)")
        }
        try? FileManager.default.createDirectory(at: cache.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? OutputStore.writeAtomically(drawn, to: cache.path)
        return png(drawn)
    }

    func png(_ bytes: [UInt8]) -> Response {
        Response(status: .ok, headers: [.contentType: "image/png", .cacheControl: "private, max-age=3600"],
                 body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The original's bytes: from the archive by SHA-256, else from where it was processed, either
    /// only when its hash is the recorded one (a file replaced since is not this submission's page).
    /// A bundle's hash is that of the bundle, not of its form, so a bundle shows no page image.
    func original(_ result: SubmissionResult) -> [UInt8]? {
        var candidates: [String] = []
        let sha = result.source.sha256
        if let archive = server.settings.archive {
            let ext = (result.source.path as NSString).pathExtension.lowercased()
            let folder = archive.appendingPathComponent(String(sha.prefix(2)))
            candidates.append(folder.appendingPathComponent(ext.isEmpty ? sha : "\(sha).\(ext)").path)
        }
        candidates.append(result.source.path)
        for path in candidates {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let bytes = Array(data)
            if SubmissionID.sha256Hex(bytes) == sha { return bytes }
        }
        return nil
    }

    // MARK: Finish: a new revision

    struct FinishRequest: Decodable {
        /// The revision the clerk saw.
        let base: Int
        let values: [String: FieldValue]
        let conditions: [String]?
        let handling: String?
        let materialsSeen: [String]?
        /// Milliseconds the clerk spent on each field, for the 科长's statistics.
        let times: [String: Double]?
    }

    func finish(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let (entry, folder) = try await located(context)
        let body = try await request.body.collect(upTo: 1 << 20)
        let finish: FinishRequest
        do {
            finish = try JSONDecoder().decode(FinishRequest.self, from: Data(buffer: body))
        } catch {
            throw ConsoleError.bad("请求格式不对：\(error)")
        }
        let clerk = context.clerk!
        let result = try await server.locks.run(entry.submission) { () async throws -> SubmissionResult in
            let current = try read(folder)
            let revision = current.revision ?? 1
            guard revision == finish.base else {
                throw ConsoleError.conflict("这份申请已由其他人修改并保存（现为第\(revision)版），请重新打开后再核对。")
            }
            var rows: [AuditEntry] = []
            let fields = Dictionary(current.fields.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            for (key, value) in finish.values.sorted(by: { $0.key < $1.key }) {
                guard fields[key] != nil else { throw ConsoleError.bad("没有此栏：\(key)") }
                let before = fields[key]?.value
                let same = before == value || (before?.isBlank ?? true) && value.isBlank
                rows.append(server.entry(context, same ? "confirm" : "correct", submission: entry.submission, field: key,
                                         before: PersonalData.full(before), after: same ? nil : PersonalData.full(value)))
            }
            for material in finish.materialsSeen ?? [] {
                rows.append(server.entry(context, "original-seen", submission: entry.submission, field: material))
            }
            if let conditions = finish.conditions {
                rows.append(server.entry(context, "conditions", submission: entry.submission, after: conditions.joined(separator: ",")))
            }
            if let handling = finish.handling {
                guard [Submission.handlingInPerson, Submission.handlingEntrusted].contains(handling) else {
                    throw ConsoleError.bad("办理方式只能是本人或委托")
                }
                rows.append(server.entry(context, "handling", submission: entry.submission, before: current.handling, after: handling))
            }
            let now = server.now()
            func claim() throws -> Bool {
                try server.store.claimRevision(submission: entry.submission, revision: revision + 1, clerk: clerk.login, at: now, audit: rows)
            }
            // A claim left by a console that died while saving is given back, then claimed anew.
            guard try claim() || (try server.abandonInterruptedCorrections(only: entry.submission) && claim()) else {
                throw ConsoleError.conflict("这份申请已由其他人修改并保存，请重新打开后再核对。")
            }
            do {
                return try server.pipeline.revise(
                    folder: folder, base: revision,
                    corrections: ClerkCorrections(values: finish.values, conditions: finish.conditions, handling: finish.handling,
                                                  materialsSeen: finish.materialsSeen ?? []),
                    clerk: clerk.login, now: now)
            } catch let error as IntakeError {
                try? server.store.releaseRevision(submission: entry.submission, revision: revision + 1)
                try? server.audit(context, "correct-failed", submission: entry.submission, reason: error.message)
                if error.code == .revisionConflict { throw ConsoleError.conflict("这份申请已由其他人修改并保存，请重新打开后再核对。") }
                throw ConsoleError(status: .internalServerError, message: "保存失败：\(error.message)")
            }
        }
        if let times = finish.times {
            try server.store.recordVerifyTimes(submission: entry.submission, clerk: clerk.login,
                                               times: times.map { ($0.key, $0.value) }, at: server.now())
        }
        try await server.indexer.refresh(days: [entry.day])
        return JSON.response(FinishResponse(revision: result.revision ?? 1, status: result.status.rawValue,
                                            statusLabel: Labels.status(result.status.rawValue),
                                            problems: result.problems.map { $0.message }, notice: result.outputs.notice != nil))
    }

    struct FinishResponse: Encodable {
        let revision: Int
        let status: String
        let statusLabel: String
        let problems: [String]
        let notice: Bool
    }

    // MARK: Decide

    struct DecideRequest: Decodable {
        /// accept (受理), notify (一次性告知), refuse (不通过).
        let outcome: String
        let reason: String?
    }

    func decide(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let (entry, folder) = try await located(context)
        let body = try await request.body.collect(upTo: 64 << 10)
        guard let decide = try? JSONDecoder().decode(DecideRequest.self, from: Data(buffer: body)) else {
            throw ConsoleError.bad("请求格式不对")
        }
        let result = try read(folder)
        let reason = decide.reason?.trimmingWhitespace() ?? ""
        switch decide.outcome {
        case "accept":
            guard result.status == .accepted else {
                throw ConsoleError.conflict(result.status == .needsReview ? "还有待核对的栏目，核对完成后才能受理。" : "申请仍有缺漏或错误，只能一次性告知或不通过。")
            }
        case "notify":
            guard result.status == .incomplete else { throw ConsoleError.conflict("没有需要告知的缺漏或错误。") }
        case "refuse":
            guard !reason.isEmpty else { throw ConsoleError.bad("不通过须写明原因。") }
        default:
            throw ConsoleError.bad("未知的决定：\(decide.outcome)")
        }
        let number = try caseNumber(entry)
        try server.store.recordDecision(submission: entry.submission, outcome: decide.outcome, reason: reason.isEmpty ? nil : reason,
                                        clerk: context.clerk!.login, at: server.now())
        try server.audit(context, "decide", submission: entry.submission, after: decide.outcome, reason: reason.isEmpty ? nil : reason)
        return JSON.response(["caseNumber": number, "outcome": decide.outcome, "label": Labels.decision(decide.outcome)])
    }

    /// The 办件编号, given at the first decision or print: the office's region code, the day, the
    /// office's next number that day.
    func caseNumber(_ entry: QueueEntry) throws -> String {
        try server.store.caseNumber(submission: entry.submission, office: entry.office ?? "000000", day: server.today.iso)
    }
}
