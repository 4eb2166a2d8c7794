import Foundation
import IntakeCore

/// `report.json` (`intake.revalidation-report/1`): totals by status, change, item and region, the
/// most frequent problems and missing materials, failures by reason, and every changed submission.
enum JSONReport {
    struct Group: Encodable {
        var item: String?
        var region: String?
        var name: String
        var regionName: String?
        var total: Int
        var byStatus: [String: Int]
        var changed: Int
    }

    struct ProblemCount: Encodable {
        var code: String
        var label: String
        var count: Int
    }

    struct MaterialCount: Encodable {
        var name: String
        var count: Int
    }

    struct Head: Encodable {
        var schema = "intake.revalidation-report/1"
        var run: String
        var paths: [String]
        var catalog: String
        var startedAt: String
        var finishedAt: String?
        var generatedAt: String
        var total: Int
        var byStatus: [String: Int]
        var byChange: [String: Int]
        var changedCount: Int
        var byItem: [Group]
        var byRegion: [Group]
        var topProblems: [ProblemCount]
        var topMissingMaterials: [MaterialCount]
        var failuresByCode: [String: Int]
    }

    struct Changed: Encodable {
        var path: String
        var sha256: String?
        var form: String?
        var item: String?
        var region: String?
        var previousStatus: String?
        var status: String
        var change: String
        var problemsAdded: [String]
        var problemsResolved: [String]
        var output: String?
    }

    static let top = 20

    static func changedLine(_ row: ReportRow) -> String {
        let entry = Changed(path: row.path, sha256: row.sha256, form: row.form, item: row.item, region: row.region,
                            previousStatus: row.previousStatus, status: row.status, change: row.change,
                            problemsAdded: row.added.map(\.reference), problemsResolved: row.resolved.map(\.reference),
                            output: row.output)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(entry)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// The object without its closing brace, so that the changed list can follow it.
    static func head(_ header: ReportHeader, _ a: Aggregate) throws -> String {
        func group(_ g: Aggregate.Group, item: Bool) -> Group {
            Group(item: item ? g.key : nil, region: item ? nil : g.key, name: g.name, regionName: item ? g.region : nil,
                  total: g.total, byStatus: g.byStatus, changed: g.changed)
        }
        var itemGroups: [Group] = []
        for (key, g) in a.byItem.sorted(by: { $0.key < $1.key }) {
            var entry = group(g, item: true)
            let region = String(key.prefix { $0 != "/" })
            entry.region = region.isEmpty ? nil : region
            itemGroups.append(entry)
        }
        let head = Head(
            run: header.run, paths: header.paths, catalog: header.catalog, startedAt: iso(header.startedAt),
            finishedAt: header.finishedAt.map(iso), generatedAt: iso(header.generatedAt), total: a.total,
            byStatus: a.byStatus, byChange: a.byChange, changedCount: a.changed, byItem: itemGroups,
            byRegion: a.regionsRanked.map { group($0, item: false) },
            topProblems: Aggregate.ranked(a.problems) { "\($0.code)\($0.label)" }.prefix(top)
                .map { ProblemCount(code: $0.0.code, label: $0.0.label, count: $0.1) },
            topMissingMaterials: Aggregate.ranked(a.missingMaterials) { $0 }.prefix(top).map { MaterialCount(name: $0.0, count: $0.1) },
            failuresByCode: a.failuresByCode)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var text = String(decoding: try encoder.encode(head), as: UTF8.self)
        while text.last?.isWhitespace == true { text.removeLast() }
        if text.last == "}" { text.removeLast() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }

    /// ISO 8601 in China Standard Time, as result.json's `processedAt`.
    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: ChinaStandardTime.offsetSeconds)
        return formatter.string(from: date)
    }
}
