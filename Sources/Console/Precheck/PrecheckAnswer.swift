import Catalog
import Foundation
import HTTPTypes
import Hummingbird
import IntakeCore
import Pipeline

/// The answer to an upload, and what follows it: confirming values that could not be read,
/// the notice and receipt PDFs, handing the upload to the window.
extension PrecheckRoutes {
    struct Line { let text: String; let basis: String }
    struct Faulty { let label: String?; let value: String; let reason: String }
    /// A value to confirm: typed into a box, or ticked among the form's options.
    struct Unsure {
        let key: String
        let label: String
        let value: String
        let type: String
        let options: [Tick]
        let isChoice: Bool
    }
    struct Tick { let value: String; let input: String; let field: String; let checked: Bool }
    struct AnswerView {
        var id: String
        var checking: Bool
        var elapsed: Int
        var failed: Bool
        var error: String
        var itemName: String
        var done: Bool
        var verdict: String
        var verdictClass: String
        var missing: [Line]
        var faulty: [Faulty]
        var others: [String]
        var unsure: [Unsure]
        var hasMissing: Bool
        var hasFaulty: Bool
        var hasOthers: Bool
        var hasUnsure: Bool
        var hasNotice: Bool
        var offices: [OfficeLine]
        var mismatch: String?
        var canSubmit: Bool
        var reference: String?
        var back: String
    }

    /// The upload named in the URL, if its id is one of ours.
    func upload(_ context: ConsoleContext) throws -> (id: String, meta: PrecheckStore.Meta) {
        guard let id = context.parameters.get("id"), let meta = server.store.meta(id) else {
            throw ConsoleError(status: .notFound, message: "没有这次预审，或已超过保存期限被删除。")
        }
        return (id, meta)
    }

    func result(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let (id, meta) = try upload(context)
        let view = answer(id, meta)
        var response = server.pages.html("precheck-result", PrecheckChrome(title: "预审结果", body: view))
        // Still reading: the page asks again each second, with no script.
        if view.checking { response.headers[.refresh] = "1" }
        return response
    }

    func answer(_ id: String, _ meta: PrecheckStore.Meta) -> AnswerView {
        var meta = meta
        // A check still "running" after two minutes was cut off (the server restarted): said so,
        // rather than a page that refreshes for ever.
        if meta.state == "checking", server.now().timeIntervalSince1970 - meta.created > 120 {
            meta.state = "failed"
            meta.error = "检查中断，请重新上传。"
        }
        let item = catalog.item(meta.item, region: meta.region)
        let back = "/precheck/item/\(meta.region)/\(meta.item)" + (meta.district.map { "?district=" + Self.escape($0) } ?? "")
        let read = meta.state == "done" ? meta.result.flatMap { try? Pipeline.result(in: URL(fileURLWithPath: $0)) } : nil
        // The office of the district the application resolved to (an XML names its own), else the chosen one.
        let resolved = read?.item?.district ?? meta.district
        let offices = (item?.offices ?? []).filter { resolved == nil || $0.district == resolved }.map(OfficeLine.init)
        var view = AnswerView(
            id: id, checking: meta.state == "checking", elapsed: Int(server.now().timeIntervalSince1970 - meta.created),
            failed: meta.state == "failed", error: meta.error ?? "", itemName: item?.name ?? "", done: false,
            verdict: "", verdictClass: "", missing: [], faulty: [], others: [], unsure: [], hasMissing: false, hasFaulty: false,
            hasOthers: false, hasUnsure: false, hasNotice: false, offices: offices, mismatch: nil, canSubmit: false,
            reference: meta.reference, back: back)
        guard let result = read else { return view }
        let form = catalog.form(result.formID)
        let answeredItem = result.item.flatMap { catalog.item($0.id, region: $0.region) } ?? item
        // A value the reader could not vouch for is shown back to the applicant, not judged.
        let unsure = result.fields.filter { $0.source?.needsReview == true && !Self.isRows($0.value) }
        let unsureKeys = Set(unsure.map(\.key))
        let judged = result.problems.filter { p in
            !p.code.isForClerk && !(p.field.map { unsureKeys.contains(FieldPath(parsing: $0).field) } ?? false)
        }
        // A material's problem is a whole sentence naming its file.
        let aboutMaterials: Set<ProblemCode> = [.materialMismatch, .materialExpired, .materialUnreadable]
        let missing = result.materials.filter { $0.status == .missing }.map { status in
            let material = answeredItem?.materials.first { $0.id == status.id }
            return Line(text: material?.wording ?? status.name,
                        basis: material.flatMap { m in answeredItem.map { catalog.citation(m, of: $0) } } ?? "")
        }
        let faulty = judged.filter { $0.field != nil && $0.code != .missingMaterial && !aboutMaterials.contains($0.code) }.map { p in
            let field = result.fields.first { $0.key == FieldPath(parsing: p.field!).field }
            let label = p.label ?? field?.label ?? p.field!
            return Faulty(label: p.message.hasPrefix(label) ? nil : label, value: PersonalData.masked(field?.value) ?? "",
                          reason: p.message)
        }
        let others = judged.filter { ($0.field == nil || aboutMaterials.contains($0.code)) && $0.code != .missingMaterial }.map(\.message)
        view.done = true
        view.missing = missing
        view.faulty = faulty
        view.others = others
        let definitions = Dictionary((form?.fields ?? []).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        view.unsure = unsure.map { field in
            let definition = definitions[field.key]
            let choice = [.choice, .multiChoice, .gender].contains(definition?.type)
            let ticked = Set(field.value?.options ?? [])
            let options = (definition?.type == .gender ? ["男", "女"] : definition?.options ?? []).map {
                Tick(value: $0, input: definition?.type == .multiChoice ? "checkbox" : "radio", field: "f.\(field.key)",
                     checked: ticked.contains($0))
            }
            return Unsure(key: field.key, label: [field.group, field.label].compactMap { $0 }.joined(separator: "·"),
                          value: field.value?.display ?? "", type: definition?.type.rawValue ?? "text", options: choice ? options : [],
                          isChoice: choice)
        }
        view.hasMissing = !missing.isEmpty
        view.hasFaulty = !faulty.isEmpty
        view.hasOthers = !others.isEmpty
        view.hasUnsure = !view.unsure.isEmpty
        view.hasNotice = result.outputs.notice != nil
        switch result.status {
        case .accepted:
            view.verdict = "材料齐全，可前往窗口办理"
            view.verdictClass = "good"
        case .needsReview:
            view.verdict = view.hasMissing || view.hasFaulty ? "有需要补正的内容，另有几项未能识别，请核对" : "有几项未能识别，请核对后再看结果"
            view.verdictClass = "unsure"
        case .incomplete:
            view.verdict = "申办材料不齐全或填报内容有误，请按下列一次性告知补正"
            view.verdictClass = "bad"
        default:
            view.verdict = "无法受理：" + (result.problems.first?.message ?? "")
            view.verdictClass = "bad"
        }
        if let answered = result.item, answered.id != meta.item {
            view.mismatch = "上传的是《\((result.form?.title ?? result.item?.name ?? ""))》，属于“\(answered.name)”事项，不是“\(item?.name ?? meta.item)”的申请表。"
        } else if let chosen = meta.district, let stated = result.item?.district, stated != chosen {
            view.mismatch = "申请表填写的办理地是\(stated)，不是所选的\(chosen)：请到\(stated)的经办机构办理，或改正申请表。"
        }
        // Only what the window could accept is handed in; anything else is the applicant's to mend first.
        view.canSubmit = server.settings.inbox != nil && meta.reference == nil && result.status == .accepted
        return view
    }

    func noticePDF(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let (_, meta) = try upload(context)
        guard let folder = meta.result,
              let data = FileManager.default.contents(atPath: URL(fileURLWithPath: folder).appendingPathComponent("notice.pdf").path) else {
            throw ConsoleError(status: .notFound, message: "没有一次性告知书：没有需要补正的内容。")
        }
        return Self.pdf(Array(data), name: "一次性告知书.pdf")
    }

    func receiptPDF(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let (id, meta) = try upload(context)
        guard let reference = meta.reference, let folder = meta.result else {
            throw ConsoleError(status: .notFound, message: "尚未提交到窗口。")
        }
        let bytes: [UInt8]
        do {
            bytes = try pipeline(id).printable(.precheckReceipt, folder: URL(fileURLWithPath: folder), caseNumber: reference,
                                                handler: "", now: server.now())
        } catch {
            throw ConsoleError(status: .internalServerError, message: "暂时无法生成回执，请稍后再试。")
        }
        return Self.pdf(bytes, name: "网上预审回执-\(reference).pdf")
    }

    static func pdf(_ bytes: [UInt8], name: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/pdf",
                                        .contentDisposition: "inline; filename*=UTF-8''\(escape(name))"],
                 body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The pipeline of one upload (its own output folder), as `perform` made it.
    func pipeline(_ id: String) -> Pipeline {
        var options = server.options
        options.outputRoot = server.store.output(id)
        options.reprocess = true
        options.durable = false
        options.today = server.settings.today
        return Pipeline(catalog: catalog, options: options, logger: server.logger)
    }

    /// The applicant's own reading of the values the reader could not vouch for: a new revision,
    /// checked again, as a clerk's correction is.
    func confirm(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let (id, meta) = try upload(context)
        guard meta.reference == nil, let folder = meta.result.map({ URL(fileURLWithPath: $0) }),
              let result = try? Pipeline.result(in: folder) else { throw ConsoleError.bad("这次预审不能再修改。") }
        guard await server.limiter.allow(context.address, now: server.now()) else {
            throw ConsoleError(status: .tooManyRequests, message: "提交过于频繁，请十分钟后再试。")
        }
        let body = try await request.body.collect(upTo: 256 << 10)
        let form = Self.formFields(String(buffer: body))
        let ticks = Self.formValues(String(buffer: body))
        // Tables are the window's to check: a row cannot be retyped here.
        let unsure = result.fields.filter { $0.source?.needsReview == true && !Self.isRows($0.value) }
        var values: [String: FieldValue] = [:]
        for field in unsure {
            if case .choices = field.value {
                values[field.key] = .choices(ticks["f.\(field.key)"] ?? [])
            } else if let text = form["f.\(field.key)"]?.trimmingWhitespace() {
                values[field.key] = .text(text)
            }
        }
        let corrections = ClerkCorrections(values: values)
        let base = result.revision ?? 1
        let pipeline = pipeline(id)
        let now = server.now()
        let revised = await server.runner.run { () -> IntakeError? in
            do throws(IntakeError) {
                _ = try pipeline.revise(folder: folder, base: base, corrections: corrections, clerk: "申请人", now: now)
                return nil
            } catch {
                return error
            }
        }
        if let revised {
            throw ConsoleError.bad(revised.code == .revisionConflict ? "已经修改过了，请刷新页面。" : "无法保存：\(Self.wording(revised))")
        }
        return Response(status: .seeOther, headers: [.location: "/precheck/r/\(id)"])
    }

    static func isRows(_ value: FieldValue?) -> Bool {
        if case .rows = value { return true }
        return false
    }

    /// `a=1&b=2` of a posted form, decoded: the last value of each name.
    static func formFields(_ body: String) -> [String: String] { formValues(body).compactMapValues(\.last) }

    /// Every value of each name (ticked checkboxes share one).
    static func formValues(_ body: String) -> [String: [String]] {
        var fields: [String: [String]] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            if let key = parts.first { fields[key, default: []].append(parts.count > 1 ? parts[1] : "") }
        }
        return fields
    }

    /// "提交到窗口": the upload as a bundle into the inbox, a 预审号 the window finds it by.
    func submit(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let (id, meta) = try upload(context)
        guard let inbox = server.settings.inbox else { throw ConsoleError.bad("本服务未开通提交到窗口。") }
        guard meta.reference == nil else { return Response(status: .seeOther, headers: [.location: "/precheck/r/\(id)"]) }
        guard meta.state == "done" else { throw ConsoleError.bad("预审完成后才能提交到窗口。") }
        guard await server.limiter.allow(context.address, now: server.now()) else {
            throw ConsoleError(status: .tooManyRequests, message: "提交过于频繁，请十分钟后再试。")
        }
        let folder = server.store.upload(id)
        var files: [(String, [UInt8])] = []
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { continue }
            files.append((name, Array(data)))
        }
        // The pre-check's result goes with it, hidden: the bundle reader passes over dot-files, so the
        // window reads the application afresh and the clerk can still see what the applicant was told.
        if let result = meta.result, let data = FileManager.default.contents(atPath: URL(fileURLWithPath: result)
            .appendingPathComponent("result.json").path) {
            files.append((".precheck-result.json", Array(data)))
        }
        let reference = try newReference()
        let dropped = try UploadRoutes.drop(files, as: { _ in "precheck-\(reference)" }, into: inbox, pipeline: pipeline(id),
                                            label: "网上预审")
        guard try server.ledger.recordPrecheckReference(reference, submission: dropped.id, at: server.now()) else {
            throw ConsoleError(status: .internalServerError, message: "预审号冲突，请再提交一次。")
        }
        var updated = meta
        updated.reference = reference
        updated.submission = dropped.id
        try? server.store.write(updated, id: id)
        return Response(status: .seeOther, headers: [.location: "/precheck/r/\(id)"])
    }

    /// 预审号: YS, the day, four characters no one misreads (YS20261207-7K3M); free in the ledger.
    func newReference() throws -> String {
        let alphabet = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")
        let day = server.today.iso.replacingOccurrences(of: "-", with: "")
        for _ in 0..<20 {
            let reference = "YS\(day)-" + String((0..<4).map { _ in alphabet.randomElement()! })
            if try !server.ledger.precheckReferenceTaken(reference) { return reference }
        }
        throw ConsoleError(status: .serviceUnavailable, message: "暂时无法编号，请稍后再试。")
    }

    /// precheck.css and the console's script (its live checks) for the online form.
    func asset(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let files = ["precheck.css": "text/css; charset=utf-8", "console.js": "text/javascript; charset=utf-8"]
        guard let name = context.parameters.get("file"), let type = files[name],
              let data = FileManager.default.contents(atPath: Pages.assets.appendingPathComponent("static/\(name)").path) else {
            throw ConsoleError(status: .notFound, message: "没有这个文件。")
        }
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension HTTPField.Name {
    static let refresh = HTTPField.Name("Refresh")!
}
