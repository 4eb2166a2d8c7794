import Catalog
import Checks
import Foundation
import IntakeCore
import Readers
import Render

/// What the window prints for a submission.
public enum PrintDocument: String, Sendable, CaseIterable {
    /// The filled official form, as the latest revision rendered it.
    case form
    /// The 一次性告知书 (missing or faulty items).
    case notice
    /// 审核不通过告知书, with the clerk's reason.
    case refusal
    /// 受理回执.
    case receipt
    /// 网上预审回执, `caseNumber` being the 预审号.
    case precheckReceipt
}

extension Pipeline {
    /// The PDF of `document` for the submission in `folder`, as the window hands it over: with the
    /// 办件编号, the clerk as 经办人 and the day of printing.
    public func printable(_ document: PrintDocument, folder: URL, caseNumber: String, handler: String, reason: String? = nil,
                          now: Date = Date()) throws(IntakeError) -> [UInt8] {
        let result = try Self.result(in: folder)
        if document == .form {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("form.pdf").path) else {
                throw IntakeError(code: .unreadable, message: "no form.pdf", path: folder.path)
            }
            return Array(data)
        }
        let submission = try SubmissionSnapshot.read(folder: folder)
        guard let form = catalog.form(result.formID) else {
            throw IntakeError(code: .unknownForm, message: "form \(result.formID) is no longer in the catalog", path: folder.path)
        }
        guard case .success(let resolution) = RegionResolver(catalog: catalog).resolve(submission) else {
            throw IntakeError(code: .unknownForm, message: "the submission's region is not served", path: folder.path)
        }
        let clock = Clock(now, today: options.today)
        let unsure = Set(submission.origins.filter(\.value.needsReview).map(\.key))
        let noticed = result.problems.filter { p in
            !p.code.isForClerk && !(p.field.map { unsure.contains(FieldPath(parsing: $0).field) } ?? false)
        }
        var notice = NoticeBuilder.build(id: result.id, submission: submission, form: form, resolution: resolution,
                                         problems: document == .notice ? noticed : [], today: clock.today, catalog: catalog)
        notice.caseNumber = caseNumber
        notice.handler = handler
        switch document {
        case .form, .notice:
            break
        case .refusal:
            notice.kind = .refusal(reason: reason ?? "")
        case .receipt:
            notice.kind = .receipt
            notice.receivedMaterials = resolution.item.materials.filter { material in
                result.materials.contains { $0.id == material.id && $0.status == .provided }
            }.map(\.wording)
            notice.timeLimit = resolution.item.timeLimit.value
        case .precheckReceipt:
            notice.kind = .precheckReceipt
            notice.handler = nil
            notice.receivedDate = notice.issuedDate
            notice.receivedMaterials = resolution.item.materials.filter { material in
                result.materials.contains { $0.id == material.id && [.provided, .missing].contains($0.status) }
            }.map(\.wording)
            notice.timeLimit = resolution.item.timeLimit.value
        }
        do {
            return try NoticeRenderer().render(notice)
        } catch {
            throw IntakeError(code: .render, message: "cannot render the \(document.rawValue): \(error)", path: folder.path)
        }
    }
}

extension Pipeline {
    /// Page `page` of a PDF or image submission as PNG, for the console (nil for XML).
    public static func pageImage(_ bytes: [UInt8], page: Int, dpi: Double, path: String) throws(IntakeError) -> (png: [UInt8], width: Double, height: Double)? {
        if ScanImage.isImage(bytes) { return try ScanImage.png(bytes, page: page, path: path) }
        guard SubmissionReader.isPDF(bytes) else { return nil }
        return try PageImage.png(pdf: bytes, page: page, dpi: dpi, path: path)
    }
}
