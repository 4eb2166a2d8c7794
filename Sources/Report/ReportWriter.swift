import Foundation

/// Writes `report.csv`, `report.json` and `report.html` of a run into one folder, streaming:
/// `rows` hands over every submission once, the CSV and the changed list are written as they
/// come, and only counters (and the first rows of the HTML's lists) are kept. The three files
/// are written beside the folder's old ones and renamed into place, so a reader never sees a
/// half-written report.
public enum ReportWriter {
    public static func write(header: ReportHeader, to directory: URL,
                             rows: (_ each: (ReportRow) throws -> Void) throws -> Void) throws -> ReportFiles {
        let fm = FileManager.default
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        let staging = directory.appendingPathComponent(".report-\(getpid())-\(UInt32.random(in: .min ... .max))")
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: staging) }

        let csv = try TextSink(staging.appendingPathComponent("report.csv"))
        let changedList = try TextSink(staging.appendingPathComponent("changed.jsonl"))
        try csv.write(CSVReport.headerLine)
        var aggregate = Aggregate()
        var firstChanged = true
        try rows { row in
            aggregate.add(row)
            try csv.write(CSVReport.line(row))
            if row.changed {
                try changedList.write((firstChanged ? "\n    " : ",\n    ") + JSONReport.changedLine(row))
                firstChanged = false
            }
        }
        try csv.close()
        try changedList.close()

        let json = try TextSink(staging.appendingPathComponent("report.json"))
        try json.write(try JSONReport.head(header, aggregate) + ",\n  \"changed\" : [")
        try json.append(contentsOf: changedList.url)
        try json.write((firstChanged ? "" : "\n  ") + "]\n}\n")
        try json.close()

        let html = try TextSink(staging.appendingPathComponent("report.html"))
        try html.write(HTMLReport.render(header, aggregate, directory: directory))
        try html.close()

        var files: [String: URL] = [:]
        for name in ["report.csv", "report.json", "report.html"] {
            let target = directory.appendingPathComponent(name)
            guard rename(staging.appendingPathComponent(name).path, target.path) == 0 else {
                throw ReportError(message: "cannot write \(target.path): \(String(cString: strerror(errno)))")
            }
            files[name] = target
        }
        return ReportFiles(directory: directory, csv: files["report.csv"]!, json: files["report.json"]!,
                           html: files["report.html"]!, totals: aggregate.totals)
    }
}
