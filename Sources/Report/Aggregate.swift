import Foundation

/// The counters of a report, fed one row at a time: totals by status, change, item and region,
/// the most frequent problems and missing materials, and the first rows of the lists the HTML
/// shows. Its size depends on the catalog (items, regions, fields), not on the number of rows.
struct Aggregate {
    struct Group {
        var key: String?
        var name: String
        var region: String?
        var total = 0
        var byStatus: [String: Int] = [:]
        var changed = 0
    }

    struct Count: Hashable {
        var code: String
        var label: String
    }

    static let listCap = 500
    static let failureCap = 50

    var total = 0
    var byStatus: [String: Int] = [:]
    var byChange: [String: Int] = [:]
    var changed = 0
    var byItem: [String: Group] = [:]
    var byRegion: [String: Group] = [:]
    var problems: [Count: Int] = [:]
    var missingMaterials: [String: Int] = [:]
    var failuresByCode: [String: Int] = [:]
    /// The first changed rows of each kind of change, so the HTML can list status changes first.
    var changedByKind: [String: [ReportRow]] = [:]
    var failedRows: [ReportRow] = []

    mutating func add(_ row: ReportRow) {
        total += 1
        byStatus[row.status, default: 0] += 1
        byChange[row.change, default: 0] += 1
        if row.changed {
            changed += 1
            if changedByKind[row.change, default: []].count < Self.listCap { changedByKind[row.change, default: []].append(row) }
        }
        let itemKey = "\(row.region ?? "")/\(row.item ?? "")"
        var item = byItem[itemKey] ?? Group(key: row.item, name: row.itemName ?? "（未识别事项）", region: row.regionName)
        item.total += 1
        item.byStatus[row.status, default: 0] += 1
        if row.changed { item.changed += 1 }
        byItem[itemKey] = item
        let regionKey = row.region ?? ""
        var region = byRegion[regionKey] ?? Group(key: row.region, name: row.regionName ?? "（未识别地区）", region: nil)
        region.total += 1
        region.byStatus[row.status, default: 0] += 1
        if row.changed { region.changed += 1 }
        byRegion[regionKey] = region
        for problem in row.problems {
            problems[Count(code: problem.code, label: problem.label), default: 0] += 1
            if problem.code == "missing-material" { missingMaterials[problem.label.isEmpty ? problem.field : problem.label, default: 0] += 1 }
        }
        if row.status == "failed" {
            let code = row.error.map { String($0.prefix { $0 != ":" }) } ?? "unreadable"
            failuresByCode[code, default: 0] += 1
            if failedRows.count < Self.failureCap { failedRows.append(row) }
        }
    }

    /// Largest first, then by name: stable whatever order the rows came in.
    static func ranked<K>(_ counts: [K: Int], name: (K) -> String) -> [(K, Int)] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : name($0.key) < name($1.key) }.map { ($0.key, $0.value) }
    }

    var itemsRanked: [Group] {
        byItem.values.sorted { $0.total != $1.total ? $0.total > $1.total : ($0.name, $0.region ?? "") < ($1.name, $1.region ?? "") }
    }

    var regionsRanked: [Group] {
        byRegion.values.sorted { $0.total != $1.total ? $0.total > $1.total : ($0.key ?? "~") < ($1.key ?? "~") }
    }

    /// Up to `listCap` changed rows: newly incomplete first, then newly complete, problems added …
    var changedRows: [ReportRow] {
        let order = Wording.changes + changedByKind.keys.filter { !Wording.changes.contains($0) }.sorted()
        return Array(order.flatMap { changedByKind[$0] ?? [] }.prefix(Self.listCap))
    }

    var totals: ReportTotals { ReportTotals(total: total, byStatus: byStatus, byChange: byChange, changed: changed) }
}
