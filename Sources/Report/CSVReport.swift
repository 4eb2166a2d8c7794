/// `report.csv`: one row per submission, every row (RFC 4180, UTF-8, header first).
enum CSVReport {
    static let header = ["path", "sha256", "form", "item", "item_name", "region", "region_name", "old_status", "new_status",
                         "change", "problems_added", "problems_resolved", "output", "error"]

    static func line(_ row: ReportRow) -> String {
        let cells: [String] = [
            row.path, row.sha256 ?? "", row.form ?? "", row.item ?? "", row.itemName ?? "", row.region ?? "", row.regionName ?? "",
            row.previousStatus ?? "", row.status, row.change,
            row.added.map(\.reference).joined(separator: "; "), row.resolved.map(\.reference).joined(separator: "; "),
            row.output ?? "", row.error ?? "",
        ]
        return cells.map(quote).joined(separator: ",") + "\r\n"
    }

    static var headerLine: String { header.joined(separator: ",") + "\r\n" }

    /// Quotes a cell when needed; a cell a spreadsheet would take for a formula gets a leading `'`.
    static func quote(_ cell: String) -> String {
        var text = cell
        if let first = text.first, "=+@".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
