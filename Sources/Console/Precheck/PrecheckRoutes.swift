import Catalog
import Foundation
import Hummingbird
import IntakeCore
import Pipeline

/// The pre-check's pages: find the item, read what it asks, upload (or fill in online), get the
/// answer, confirm what could not be read, hand it to the window.
struct PrecheckRoutes: Sendable {
    let server: PrecheckServer

    var catalog: Catalog { server.catalog }

    // MARK: Finding the item

    struct Choice { let value: String; let label: String; let selected: Bool }
    struct ItemLink { let name: String; let category: String; let href: String; let aliases: String? }
    struct HomeView {
        let regions: [Choice]
        let districts: [Choice]
        let region: String
        let hasRegion: Bool
        let query: String
        let items: [ItemLink]
        let hasItems: Bool
        let noMatch: Bool
    }

    func home(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let query = request.uri.queryParameters
        let cities = catalog.regions.filter { catalog.hasItems(region: $0.code) && !$0.districts.isEmpty }
        let region = cities.first { $0.code == query.get("region") }
        let district = region?.districts.first { $0.name == query.get("district") }
        let words = (query.get("q") ?? "").trimmingWhitespace()
        var items: [ItemLink] = []
        if let region {
            // Items whose own name has the words come before those found by an alias.
            func rank(_ item: ServiceItem) -> Int { words.split(separator: " ").allSatisfy { item.name.contains($0) } ? 0 : 1 }
            items = catalog.items.filter { $0.region == region.code && Self.matches($0, words) }
                .sorted { (rank($0), $0.category, $0.name) < (rank($1), $1.category, $1.name) }
                .map { item in
                    ItemLink(name: item.name, category: item.category,
                             href: "/precheck/item/\(region.code)/\(item.id)" + (district.map { "?district=" + Self.escape($0.name) } ?? ""),
                             aliases: Self.nonEmpty(Set(item.aliases).subtracting([item.name]).sorted().joined(separator: "、")))
                }
        }
        let view = HomeView(
            regions: cities.map { Choice(value: $0.code, label: $0.name, selected: $0.code == region?.code) },
            districts: (region?.districts ?? []).map { Choice(value: $0.name, label: $0.name, selected: $0.name == district?.name) },
            region: region?.code ?? "", hasRegion: region != nil, query: words, items: items, hasItems: !items.isEmpty,
            noMatch: region != nil && items.isEmpty)
        return server.pages.html("precheck-home", PrecheckChrome(title: "网上预审", body: view))
    }

    /// Every word of what the applicant typed is in the item's name or one of its aliases.
    static func matches(_ item: ServiceItem, _ words: String) -> Bool {
        let names = ([item.name] + item.aliases).joined(separator: " ")
        return words.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).allSatisfy { names.contains($0) }
    }

    /// nil for "": Mustache takes an empty string for a true section.
    static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    // MARK: The item as the guide states it

    struct MaterialLine { let wording: String; let basis: String; let when: String? }
    struct OfficeLine {
        let district: String
        let address: String
        let phones: String
        let supervision: String

        init(_ office: Office) {
            district = office.district
            address = office.address?.value ?? ""
            phones = office.servicePhones?.value.joined(separator: "、") ?? ""
            supervision = office.supervisionPhones?.value.joined(separator: "、") ?? ""
        }
    }
    struct ConditionLine { let id: String; let text: String; let basis: String }
    struct ItemView {
        let region: String
        let regionName: String
        let districts: [Choice]
        let item: String
        let name: String
        let basis: String
        let serviceObject: String
        let timeLimit: String
        let timeLimitBasis: String
        let materials: [MaterialLine]
        let offices: [OfficeLine]
        let conditions: [ConditionLine]
        let hasConditions: Bool
        let hasForm: Bool
        let formTitle: String
        let formHref: String
        let action: String
        let maxFiles: Int
        let maxMB: Int
    }

    /// The item named in the URL: the region and item ids are looked up, never used as paths.
    func located(_ context: ConsoleContext) throws -> (Region, ServiceItem) {
        guard let code = context.parameters.get("region"), let id = context.parameters.get("item"),
              let region = catalog.region(code), let item = catalog.item(id, region: code) else {
            throw ConsoleError(status: .notFound, message: "没有这个事项。")
        }
        return (region, item)
    }

    func item(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let (region, item) = try located(context)
        let chosen = request.uri.queryParameters.get("district")
        let view = itemView(region, item, district: chosen)
        return server.pages.html("precheck-item", PrecheckChrome(title: item.name, body: view))
    }

    func itemView(_ region: Region, _ item: ServiceItem, district chosen: String?) -> ItemView {
        let cite: (SourceRef) -> String = catalog.citation
        let materials = item.materials.map { m in
            let required = m.requiredWhen.compactMap { item.condition($0)?.text }
            let exempt = m.exemptWhen.compactMap { item.condition($0)?.text }
            var when: [String] = []
            if !required.isEmpty { when.append("仅" + required.joined(separator: "、") + "时提供") }
            if !exempt.isEmpty { when.append(exempt.joined(separator: "、") + "的免于提供") }
            return MaterialLine(wording: m.wording, basis: catalog.citation(m, of: item), when: when.isEmpty ? nil : when.joined(separator: "；"))
        }
        let offices = item.offices.filter { chosen == nil || $0.district == chosen }.map(OfficeLine.init)
        let form = item.form.flatMap { catalog.form($0) }
        let conditions = item.conditions.filter { $0.test.declared == true }.map { ConditionLine(id: $0.id, text: $0.text, basis: cite($0.source)) }
        return ItemView(
            region: region.code, regionName: region.name,
            districts: region.districts.map { Choice(value: $0.name, label: $0.name, selected: $0.name == chosen) },
            item: item.id, name: item.name, basis: cite(item.source), serviceObject: item.serviceObject.value,
            timeLimit: item.timeLimit.value, timeLimitBasis: cite(item.timeLimit.source), materials: materials,
            offices: offices.isEmpty ? item.offices.map(OfficeLine.init) : offices,
            conditions: conditions, hasConditions: !conditions.isEmpty, hasForm: form != nil, formTitle: form?.title ?? "",
            formHref: "/precheck/item/\(region.code)/\(item.id)/form" + (chosen.map { "?district=" + Self.escape($0) } ?? ""),
            action: "/precheck/item/\(region.code)/\(item.id)/check", maxFiles: server.settings.maxFiles,
            maxMB: server.settings.maxTotalBytes >> 20)
    }

    func onlineForm(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let (region, item) = try located(context)
        guard let form = item.form.flatMap({ catalog.form($0) }) else { throw ConsoleError(status: .notFound, message: "本事项没有申请表。") }
        let view = OnlineForm.view(form, region: region, item: item, district: request.uri.queryParameters.get("district"),
                                   catalog: catalog, maxMB: server.settings.maxTotalBytes >> 20)
        return server.pages.html("precheck-form", PrecheckChrome(title: form.title, body: view))
    }

    // MARK: Upload and check

    /// One multipart form: the district, 本人/委托, declared conditions, the application (a file,
    /// or the fields of the online form) and the materials.
    func check(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let (region, item) = try located(context)
        guard let boundary = Multipart.boundary(request.headers[.contentType]) else { throw ConsoleError.bad("请通过预审页面上传。") }
        let body = try await request.body.collect(upTo: server.settings.maxTotalBytes + (64 << 10))
        guard await server.limiter.allow(context.address, now: server.now()) else {
            throw ConsoleError(status: .tooManyRequests, message: "提交过于频繁，请十分钟后再试。")
        }
        guard server.store.count() < server.settings.maxStored else {
            throw ConsoleError(status: .serviceUnavailable, message: "预审服务繁忙，请稍后再试。")
        }
        let parts = try Multipart.parse(body, boundary: boundary)
        func field(_ name: String) -> String? { parts.first { $0.name == name && $0.filename == nil }.map { $0.text.trimmingWhitespace() } }
        let files = parts.filter { $0.filename.map { !$0.isEmpty } == true && !$0.bytes.isEmpty }
        guard files.count <= server.settings.maxFiles else { throw ConsoleError.bad("一次最多上传\(server.settings.maxFiles)个文件。") }
        if let big = files.first(where: { $0.bytes.count > server.settings.maxFileBytes }) {
            throw ConsoleError.bad("\(Multipart.safeName(big.filename ?? ""))超过\(server.settings.maxFileBytes >> 20)MB，请压缩后再传。")
        }
        var upload: [(String, [UInt8])] = []
        var names = Set<String>()
        func add(_ given: String, _ bytes: [UInt8]) {
            var name = Multipart.safeName(given)
            if name.isEmpty || ["READY", ".READY"].contains(name.uppercased()) { name = "材料" }
            let stem = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
            var n = 2
            while !names.insert(name).inserted {
                name = ext.isEmpty ? "\(stem)-\(n)" : "\(stem)-\(n).\(ext)"
                n += 1
            }
            upload.append((name, bytes))
        }
        if item.form == nil {
            // No form to upload: the applicant as typed on the page, and the materials.
            guard let name = field("applicantName"), !name.isEmpty, let code = field("applicantCode"), !code.isEmpty else {
                throw ConsoleError.bad("请填写申请人姓名（或单位名称）和公民身份号码（或统一社会信用代码）。")
            }
            let xml = OnlineForm.itemXML(item: item.id, name: String(name.prefix(100)), code: String(code.prefix(40)),
                                         phone: field("phone").map { String($0.prefix(30)) }, region: region,
                                         district: field("district"), handling: field("handling"),
                                         conditions: parts.filter { $0.name == "conditions" }.map(\.text))
            add("submission.xml", xml)
        } else if let online = field("online"), online == "1" {
            let form = catalog.form(item.form!)!
            let xml = OnlineForm.xml(parts, form: form, region: region, district: field("district"), handling: field("handling"),
                                     conditions: parts.filter { $0.name == "conditions" }.map(\.text))
            add("submission.xml", xml)
        } else {
            guard let application = files.first(where: { $0.name == "application" }) else {
                throw ConsoleError.bad("请选择申请表文件（PDF、扫描件或 XML）。")
            }
            // A name that says "申请" puts it first where the bundle reader looks for the form.
            add("申请表-" + Multipart.safeName(application.filename ?? "申请表.pdf"), application.bytes)
        }
        for material in files where material.name == "materials" { add(material.filename ?? "材料", material.bytes) }

        let district = region.districts.first { $0.name == field("district") }
        let handling = field("handling") == Submission.handlingEntrusted ? Submission.handlingEntrusted : Submission.handlingInPerson
        let declared = Set(item.conditions.filter { $0.test.declared == true }.map(\.id))
        let meta = PrecheckStore.Meta(created: server.now().timeIntervalSince1970, region: region.code, district: district?.name,
                                      item: item.id, handling: handling,
                                      conditions: parts.filter { $0.name == "conditions" }.map(\.text).filter(declared.contains),
                                      state: "checking")
        let id = try server.store.create(meta)
        do {
            for (name, bytes) in upload {
                try OutputStore.writeAtomically(bytes, to: server.store.upload(id).appendingPathComponent(name).path)
            }
        } catch {
            try? FileManager.default.removeItem(at: server.store.base(id))
            throw ConsoleError(status: .internalServerError, message: "暂时无法保存上传的文件，请稍后再试。")
        }
        // A typed PDF or an XML is answered on this request; a scan answers on the page that
        // follows, which shows it is still being read.
        Task { [server] in await server.runner.run { Self.perform(server, id: id) } }
        for _ in 0..<30 where server.store.meta(id)?.state == "checking" {
            try? await Task.sleep(for: .milliseconds(50))
        }
        return Response(status: .seeOther, headers: [.location: "/precheck/r/\(id)"])
    }

    /// The check itself, on a runner thread: the upload as a bundle through the pipeline, into
    /// the upload's own `out/`.
    static func perform(_ server: PrecheckServer, id: String) {
        guard var meta = server.store.meta(id), let region = server.catalog.region(meta.region) else { return }
        let started = Date()
        let district = region.districts.first { $0.name == meta.district }
        var options = server.options
        options.outputRoot = server.store.output(id)
        options.render = true
        options.reprocess = true
        options.writeOutputs = true
        options.durable = false
        options.today = server.settings.today
        options.stated = Pipeline.Stated(regionCode: district?.codes.first ?? region.code,
                                         office: district.flatMap { $0.codes.isEmpty ? $0.name : nil },
                                         handling: meta.handling, conditions: meta.conditions)
        let pipeline = Pipeline(catalog: server.catalog, options: options, logger: server.logger)
        let outcome: Pipeline.Outcome
        do {
            outcome = pipeline.process(bundle: try pipeline.bundle(folder: server.store.upload(id), path: "网上预审"), path: "网上预审",
                                       now: server.now())
        } catch {
            outcome = .failed(error)
        }
        switch outcome {
        case .processed(let result):
            meta.state = "done"
            meta.result = result.outputs.directory
        case .failed(let error):
            meta.state = "failed"
            meta.error = Self.wording(error)
        case .duplicate:
            meta.state = "failed"
            meta.error = "重复提交。"
        }
        meta.seconds = Date().timeIntervalSince(started)
        try? server.store.write(meta, id: id)
        server.logger.info("precheck", metadata: ["state": "\(meta.state)", "seconds": "\(String(format: "%.2f", meta.seconds ?? 0))"])
    }

    /// What an applicant is told when the upload cannot be read: the code's words, no internals.
    static func wording(_ error: IntakeError) -> String {
        switch error.code {
        case .bundle where error.message.contains("no application form"):
            "没有找到可以识别的申请表：请上传本事项申请表的 PDF、XML、扫描件或照片（JPG、PNG、TIFF）。拍照时请正对整张纸面，光线均匀。"
        case .unsupportedFile: "不支持这种文件：申请表请上传 PDF、XML 或图片（JPG、PNG、TIFF）。"
        case .damagedImage: "图片无法读取（文件不完整、已损坏或太小），请重新扫描或拍照后上传。"
        case .tooLarge: "文件超过大小上限，请压缩后再传。"
        case .ocrUnavailable: "暂时无法识别扫描件，请上传电子版 PDF 或稍后再试。"
        default: "无法读取上传的申请表（\(error.code.wording ?? error.code.rawValue)），请检查文件后重新上传。"
        }
    }
}
