import Foundation
import Ledger
import Report

/// Writes a run's report from the store: the decisions are read a page at a time, in item order.
public enum RunReport {
    public static let pageSize = 1000

    public static func write(run: RevalidationRun, store: RevalidationStore, to directory: URL) throws -> ReportFiles {
        let header = ReportHeader(run: run.name, paths: run.paths, catalog: run.catalog, startedAt: run.createdAt,
                                  finishedAt: try store.run(named: run.name)?.finishedAt ?? run.finishedAt)
        return try ReportWriter.write(header: header, to: directory) { each in
            var after: Int64 = 0
            while true {
                let page = try store.decisions(run: run.name, after: after, limit: pageSize)
                for decision in page { try each(row(decision)) }
                guard let last = page.last, page.count == pageSize else { break }
                after = last.seq
            }
        }
    }

    static func row(_ d: RevalidationDecision) -> ReportRow {
        ReportRow(path: d.path, sha256: d.sha256, form: d.form, item: d.serviceItem, itemName: d.serviceItemName,
                  region: d.region, regionName: d.regionName, previousStatus: d.previousStatus, status: d.status,
                  change: d.change, changed: d.changed, problems: problems(d.problems), added: problems(d.problemsAdded),
                  resolved: problems(d.problemsResolved), output: d.output, previousOutput: d.previousOutput, error: d.error)
    }

    static func problems(_ encoded: String) -> [ReportProblem] {
        ProblemList(encoded: encoded).entries.map { ReportProblem(code: $0.code, field: $0.field, label: $0.label) }
    }
}
