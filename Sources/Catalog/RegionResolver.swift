import IntakeCore

/// Finds the item, the city and the handling office for a submission's region code.
public struct RegionResolver: Sendable {
    public let catalog: Catalog
    public init(catalog: Catalog) { self.catalog = catalog }

    public struct Resolution: Sendable {
        public var region: Region
        public var item: ServiceItem
        public var district: Region.District?
        public var office: Office?
    }

    /// Why a submission's region cannot be served; Chinese, for result.json's problem.
    public enum Failure: Error, Sendable {
        case malformed(String)
        case unknownRegion(String)
        case itemNotOffered(region: Region)
        /// An item submission's item is not in the region's guide.
        case itemNotInRegion(region: Region, item: String)
        /// Listed, but the guide gives no office or says the channels are not open yet.
        case itemUnavailable(region: Region, item: ServiceItem, reason: String)
        case unknownDistrict(region: Region, given: String)
    }

    /// The city is the code's first four digits + "00"; the district comes from `<office>` when
    /// given (功能区 have no code), else from the code (the city's own code means 市直).
    public func resolve(_ submission: Submission) -> Result<Resolution, Failure> {
        let code = submission.regionCode
        guard code.count == 6, code.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .failure(.malformed(code)) }
        // A county with its own guide (昌乐 370725) is a region itself; otherwise the city is the
        // code's first four digits + "00".
        let cityCode = catalog.hasItems(region: code) ? code : String(code.prefix(4)) + "00"
        guard let region = catalog.region(cityCode) else { return .failure(.unknownRegion(code)) }
        let item: ServiceItem
        if let itemID = submission.itemID {
            guard let found = catalog.item(itemID, region: cityCode) else { return .failure(.itemNotInRegion(region: region, item: catalog.items.first { $0.id == itemID }?.name ?? itemID)) }
            // An item the guide lists but has no office or open channel for cannot be applied for there.
            if found.offices.isEmpty {
                return .failure(.itemUnavailable(region: region, item: found, reason: "\(region.name)的办事指南未列出办理此事项的经办机构"))
            }
            if !found.modes.isEmpty, let closed = found.modes.first(where: { $0.available == false }),
               found.modes.allSatisfy({ $0.available == false }) {
                return .failure(.itemUnavailable(region: region, item: found, reason: closed.detail ?? "尚未开通"))
            }
            item = found
        } else {
            guard let found = catalog.items(region: cityCode, form: submission.formID).first else {
                return .failure(.itemNotOffered(region: region))
            }
            item = found
        }
        var district: Region.District?
        if let office = submission.office {
            district = region.districts.first { $0.name == office || $0.aliases.contains(office) }
            if district == nil { return .failure(.unknownDistrict(region: region, given: office)) }
        } else {
            district = region.districts.first { $0.codes.contains(code) }
            if district == nil { return .failure(.unknownDistrict(region: region, given: code)) }
        }
        let office = district.flatMap { d in item.offices.first { $0.district == d.name } }
        return .success(Resolution(region: region, item: item, district: district, office: office))
    }
}

extension RegionResolver.Failure {
    /// The problem recorded in result.json for a rejected submission.
    public var problem: Problem {
        switch self {
        case .malformed(let code):
            return Problem(field: "region", label: "行政区划代码", code: .unknownRegion, message: "行政区划代码“\(code)”应为6位数字。")
        case .unknownRegion(let code):
            return Problem(field: "region", label: "行政区划代码", code: .unknownRegion, message: "行政区划代码“\(code)”不属于本系统受理的地区。")
        case .itemNotOffered(let region):
            return Problem(field: "region", label: "行政区划代码", code: .unknownRegion, message: "\(region.name)的办事指南中没有使用此表格办理的事项。")
        case .itemNotInRegion(let region, let item):
            return Problem(field: "region", label: "行政区划代码", code: .unknownRegion, message: "\(region.name)的办事指南中没有“\(item)”事项。")
        case .itemUnavailable(_, let item, let reason):
            return Problem(field: "region", label: "行政区划代码", code: .unknownRegion, message: "“\(item.name)”暂不能在此办理：\(reason)。")
        case .unknownDistrict(let region, let given):
            return Problem(field: "region", label: "行政区划代码", code: .unknownRegion, message: "“\(given)”不是\(region.name)的医保经办机构所在区县。")
        }
    }
}
