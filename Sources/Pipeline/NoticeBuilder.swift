import Catalog
import IntakeCore
import Readers
import Render

/// Turns the checks' findings into the content of a 一次性告知书.
enum NoticeBuilder {
    /// `catalog` words the guide as the public knows it; result.json keeps the file and line.
    static func build(id: String, submission: Submission, form: FormDefinition, resolution: RegionResolver.Resolution,
                      problems: [Problem], today: CalendarDate, catalog: Catalog) -> NoticeContent {
        let item = resolution.item
        let materials = problems.filter { $0.code == .missingMaterial }.compactMap { problem -> MissingMaterial? in
            guard let material = item.materials.first(where: { $0.id == problem.field }) else { return nil }
            return MissingMaterial(wording: material.wording, basis: catalog.citation(material, of: item))
        }
        let materialCodes: Set<ProblemCode> = [.materialMismatch, .materialExpired, .materialUnreadable]
        let faults = problems.filter { $0.code != .missingMaterial && !materialCodes.contains($0.code) }.map { problem -> FaultyField in
            FaultyField(label: problem.label ?? problem.field ?? "", value: submittedValue(problem.field, submission),
                        reason: problem.message)
        }
        let office = resolution.office ?? item.offices.first
        let issuer = officialName(of: resolution.district, in: resolution.region)
        let applicant = form.applicantName(in: submission.values) ?? ""
        let received = submission.submittedOn.flatMap { text -> CalendarDate? in
            if case .date(let d) = CalendarDate.parse(text) { return d }
            return nil
        } ?? today
        var notice = NoticeContent(
            applicant: applicant.isEmpty ? "申请人" : applicant,
            itemName: item.name,
            formTitle: form.isItemApplication ? "" : form.title,
            submissionID: id,
            receivedDate: NoticeDate(year: received.year, month: received.month, day: received.day),
            missingMaterials: materials,
            faultyFields: faults,
            office: NoticeOffice(
                name: "\(issuer)医疗保障经办机构" + (office.map { "（\($0.district)）" } ?? ""),
                address: office?.address?.value ?? "",
                servicePhones: office?.servicePhones?.value ?? [],
                supervisionPhones: office?.supervisionPhones?.value ?? []),
            issuer: "\(issuer)医疗保障经办机构",
            issuedDate: NoticeDate(year: today.year, month: today.month, day: today.day))
        notice.materialFaults = problems.filter { materialCodes.contains($0.code) }.map(\.message)
        return notice
    }

    /// The materials a receipt lists as received: those provided, in the guide's wording.
    static func received(_ materials: [SubmissionResult.MaterialStatus], of item: ServiceItem) -> [String] {
        item.materials.filter { material in materials.contains { $0.id == material.id && $0.status == .provided } }.map(\.wording)
    }

    /// The name a notice is issued under: the city for 市直, else the district's full name
    /// ("聊城市临清市", "聊城经济技术开发区").
    static func officialName(of district: Region.District?, in region: Region) -> String {
        guard let district, !district.codes.contains(region.code) else { return region.name }
        let cityShort = String(region.name.dropLast())
        if let full = district.aliases.first(where: { $0.hasPrefix(cityShort) && !$0.hasPrefix(region.name) }) {
            return full
        }
        let countyLike = ([district.name] + district.aliases).first {
            ["区", "县", "市"].contains($0.last.map(String.init) ?? "") && !$0.hasPrefix(cityShort)
        }
        return region.name + (countyLike ?? district.name)
    }

    static func submittedValue(_ key: String?, _ submission: Submission) -> String {
        guard let key else { return "" }
        switch key {
        case "agentName": return submission.agent?.name ?? ""
        case "agentIdNumber": return submission.agent?.idNumber ?? ""
        default:
            let path = FieldPath(parsing: key)
            guard let cell = path.cell else { return submission.values[key]?.display ?? "" }
            guard case .rows(let rows)? = submission.values[path.field], rows.indices.contains(cell.row) else { return "" }
            return rows[cell.row][cell.column]?.display ?? ""
        }
    }
}
