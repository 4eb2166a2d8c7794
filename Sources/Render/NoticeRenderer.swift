import IntakeCore
import PangoCairo

/// Typesets a 一次性告知书: everything the applicant must bring or correct, on A4.
public struct NoticeRenderer: Sendable {
    public var options: RenderOptions

    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    /// Body size: 小四 (12 pt), usual for notices handed over the counter.
    static let size = 12.0
    static let pitch = 1.6

    public func render(_ notice: NoticeContent) throws(RenderError) -> [UInt8] {
        let document = try Document(title: notice.title, options: options)
        let t = document.typesetter
        let size = Self.size
        let width = Page.contentWidth
        let indent = 2 * size
        var items: [any FlowItem] = []

        func paragraph(_ runs: [TextRun], spaceBefore: Double = mm(1.5), indent firstLine: Double = indent,
                       align: TextAlignment = .left, keepWithNext: Bool = false) {
            let layout = t.layout(runs, size: size, width: width, align: align, pitch: Self.pitch, indent: firstLine)
            items.append(StackItem([TextPiece(layout)], spaceBefore: spaceBefore, keepWithNext: keepWithNext))
        }
        func heading(_ text: String) {
            let layout = t.layout(text, face: .bold, size: size, width: width - indent, pitch: Self.pitch)
            items.append(StackItem([TextPiece(layout)], x: Page.marginLeft + indent, spaceBefore: mm(4), keepWithNext: true))
        }
        /// Numbered entries hanging from their numbers, numbers right-padded to one width.
        func list(_ entries: [[TextRun]]) {
            let markers = entries.indices.map { "\($0 + 1)．" }
            let markerWidth = (markers.map { t.layout($0, size: size, width: nil).size.width }.max() ?? 0).rounded(.up) + 1
            for (marker, runs) in zip(markers, entries) {
                let body = t.layout(runs, size: size, width: width - indent - markerWidth, pitch: Self.pitch)
                // Numbers right-aligned so the dots line up; one entry is not cut across pages.
                let piece = HangingPiece(marker: t.layout(marker, size: size, width: markerWidth, align: .right, pitch: Self.pitch),
                                         body: body, bodyOffset: markerWidth)
                items.append(StackItem([piece], x: Page.marginLeft + indent, spaceBefore: mm(1.2), keepTogether: true))
            }
        }

        items.append(StackItem([TextPiece(t.layout(notice.title, face: .bold, size: 22, width: width, align: .center))]))
        if let number = notice.caseNumber {
            let label = notice.kind == .precheckReceipt ? "预审号" : "办件编号"
            paragraph([TextRun("\(label)：\(number)")], spaceBefore: mm(3), indent: 0, align: .right)
        }
        if notice.kind != .precheckReceipt {
            paragraph([TextRun("编号：\(notice.submissionID)")], spaceBefore: mm(notice.caseNumber == nil ? 3 : 0.5), indent: 0,
                  align: .right)
        }

        let applicant = notice.applicant.trimmingWhitespace().isEmpty ? "申请人" : notice.applicant.trimmingWhitespace()
        paragraph([TextRun("\(applicant)：")], spaceBefore: mm(6), indent: 0)
        switch notice.kind {
        case .missingItems:
            break
        case .refusal(let reason):
            paragraph([TextRun("你（单位）于\(notice.receivedDate.chinese)申请办理的“\(notice.itemName)”事项，经审核，不予通过。")])
            heading("不通过原因")
            paragraph([TextRun(reason)])
            paragraph([TextRun("申办材料予以退回。如有疑问，请与下列经办机构联系：")], spaceBefore: mm(4))
            return try finish(notice, items: &items, document: document, ending: "特此告知。")
        case .receipt:
            paragraph([TextRun("你（单位）于\(notice.receivedDate.chinese)申请办理的“\(notice.itemName)”事项，申办材料齐全，予以受理。")])
            if !notice.receivedMaterials.isEmpty {
                heading("收到的申办材料")
                list(notice.receivedMaterials.map { [TextRun($0)] })
            }
            if let limit = notice.timeLimit?.trimmingWhitespace(), !limit.isEmpty {
                heading("办理时限")
                paragraph([TextRun(limit)])
            }
            paragraph([TextRun("办理进度请凭办件编号向下列经办机构查询：")], spaceBefore: mm(4))
            return try finish(notice, items: &items, document: document, ending: "特此回执。")
        case .precheckReceipt:
            paragraph([TextRun("你（单位）申请办理的“\(notice.itemName)”事项，已于\(notice.receivedDate.chinese)通过网上预审提交到窗口。"
                               + "预审不是受理：请凭预审号，携带下列申办材料到窗口办理，窗口核对后予以受理。")])
            if !notice.receivedMaterials.isEmpty {
                heading("请携带的申办材料")
                list(notice.receivedMaterials.map { [TextRun($0)] })
            }
            if let limit = notice.timeLimit?.trimmingWhitespace(), !limit.isEmpty {
                heading("办理时限")
                paragraph([TextRun(limit)])
            }
            paragraph([TextRun("请到下列经办机构办理：")], spaceBefore: mm(4))
            return try finish(notice, items: &items, document: document, ending: "特此回执。")
        }
        let problems = notice.missingMaterials.isEmpty && notice.faultyFields.isEmpty
            ? "经审查，现告知如下："
            : "经审查，申办材料不齐全或填报内容有误，现将需要补正的全部内容一次性告知如下："
        paragraph([TextRun("你（单位）于\(notice.receivedDate.chinese)申请办理的“\(notice.itemName)”事项，\(problems)")])

        let grey = TextStyle(size: size * 0.75, gray: 0.4)
        var section = 0
        if !notice.missingMaterials.isEmpty {
            section += 1
            heading("\(Self.chineseNumeral(section))、需补齐的申办材料")
            list(notice.missingMaterials.map { m in
                var runs = [TextRun(m.wording)]
                if !m.basis.trimmingWhitespace().isEmpty { runs.append(TextRun("\n（依据：\(m.basis)）", style: grey)) }
                return runs
            })
        }
        if !notice.materialFaults.isEmpty {
            section += 1
            heading("\(Self.chineseNumeral(section))、需核对或重新提供的申办材料")
            list(notice.materialFaults.map { [TextRun($0)] })
        }
        if !notice.faultyFields.isEmpty {
            section += 1
            let form = notice.formTitle.trimmingWhitespace()
            heading("\(Self.chineseNumeral(section))、需更正的填报内容" + (form.isEmpty ? "" : "（《\(form)》）"))
            list(notice.faultyFields.map { f in
                let value = f.value.trimmingWhitespace().isEmpty ? "未填写" : "填报内容：\(f.value)"
                return [TextRun("\(f.label)：\(f.reason)（\(value)）")]
            })
        }
        if section == 0 {
            paragraph([TextRun("（无需补正的内容。）")])
        }

        paragraph([TextRun("请按上述告知内容补齐、更正后，到下列地点办理：")], spaceBefore: mm(4))
        return try finish(notice, items: &items, document: document, ending: "特此告知。")
    }

    /// The office, the closing line, the issuer and date, and the counter's signature line.
    private func finish(_ notice: NoticeContent, items: inout [any FlowItem], document: Document,
                        ending: String) throws(RenderError) -> [UInt8] {
        let t = document.typesetter
        let size = Self.size
        let width = Page.contentWidth
        let indent = 2 * size
        let office = notice.office
        var officeLines: [(String, String)] = [("办理机构：", office.name), ("办理地点：", office.address)]
        if !office.servicePhones.isEmpty { officeLines.append(("服务电话：", office.servicePhones.joined(separator: "、"))) }
        if !office.supervisionPhones.isEmpty { officeLines.append(("监督电话：", office.supervisionPhones.joined(separator: "、"))) }
        let labelWidth = officeLines.map { t.layout($0.0, size: size, width: nil).size.width }.max() ?? 0
        for (label, value) in officeLines {
            let piece = HangingPiece(marker: t.layout(label, size: size, width: nil, pitch: Self.pitch),
                                     body: t.layout(value, size: size, width: width - indent - labelWidth, pitch: Self.pitch),
                                     bodyOffset: labelWidth)
            items.append(StackItem([piece], x: Page.marginLeft + indent, spaceBefore: mm(1), keepTogether: true))
        }
        let closing = t.layout([TextRun(ending)], size: size, width: width, align: .left, pitch: Self.pitch, indent: indent)
        items.append(StackItem([TextPiece(closing)], spaceBefore: mm(3)))

        // Issuer and date right-aligned, a little in from the margin, as on official letters.
        let signWidth = width - 2 * size
        let issuer = t.layout(notice.issuer, size: size, width: signWidth, align: .right, pitch: Self.pitch)
        let date = t.layout(notice.issuedDate.chinese, size: size, width: signWidth, align: .right, pitch: Self.pitch)
        items.append(StackItem([TextPiece(issuer), TextPiece(date)], gap: mm(2), spaceBefore: mm(12), keepTogether: true))

        // A pre-check receipt hands nothing over: no one signs it.
        guard notice.kind != .precheckReceipt else { return try document.render(items) }
        let signature = SignaturePiece(
            fields: [("经办人：" + (notice.handler ?? ""), notice.handler == nil ? mm(32) : 0), ("申请人签收：", mm(32)), ("\u{3000}\u{3000}\u{3000}\u{3000}年\u{3000}\u{3000}月\u{3000}\u{3000}日", 0)],
            typesetter: t, size: size, gap: mm(6))
        items.append(StackItem([RulePiece(width: width, dash: [3, 2]), SpacePiece(height: mm(5)), signature],
                               spaceBefore: mm(14), keepTogether: true))
        return try document.render(items)
    }

    /// 一, 二, … for section numbers (a notice has at most a handful).
    static func chineseNumeral(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        return n <= 10 ? digits[n] : String(n)
    }
}
