import Foundation
import IntakeCore

/// `report.html`: the report for the section chief (科长), in Chinese, one self-contained file
/// (inline CSS and SVG, no script, no network): totals by status and change, by 事项 and by 地区
/// with bar charts, the most frequent problems and missing 申办材料, the changed submissions
/// linked to their outputs (the first 500; report.csv has them all) and the files that could
/// not be read.
enum HTMLReport {
    static let statusColors = ["accepted": "#2e7d32", "incomplete": "#ef8f00", "rejected": "#c62828",
                               "needs-review": "#6a1b9a", "failed": "#8d8d8d"]
    static let chartRows = 20
    static let topRows = 15

    static func render(_ header: ReportHeader, _ a: Aggregate, directory: URL) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>重新校验报告 · \(HTML.escape(header.run))</title>
            <style>\(css)</style>
            </head>
            <body>
            <header>
            <h1>医保申办重新校验报告</h1>
            <p class="sub">依据现行办事指南（事项目录）对已收申请逐份重新校验，并与上次结论比较。</p>
            <dl class="meta">
            <dt>批次</dt><dd><code>\(HTML.escape(header.run))</code></dd>
            <dt>校验范围</dt><dd>\(header.paths.map { "<code>\(HTML.escape($0))</code>" }.joined(separator: "<br>"))</dd>
            <dt>事项目录版本</dt><dd><code>\(HTML.escape(String(header.catalog.prefix(16))))</code></dd>
            <dt>开始时间</dt><dd>\(time(header.startedAt))</dd>
            <dt>完成时间</dt><dd>\(header.finishedAt.map(time) ?? "未完成")</dd>
            <dt>报告生成</dt><dd>\(time(header.generatedAt))</dd>
            </dl>
            </header>\n
            """
        html += cards(a)
        if a.total == 0 {
            html += """
                <section><p class="empty">本批次没有找到需要校验的申请文件（XML、PDF、ZIP 或材料文件夹），没有可统计的内容。</p></section>\n
                """
        } else {
            html += statusSection(a)
            html += itemSection(a)
            html += regionSection(a)
            html += problemSection(a)
            html += materialSection(a)
            html += changedSection(a, directory: directory)
            html += failureSection(a)
        }
        html += """
            <footer>由 <code>intake revalidate</code> 生成。完整逐份清单见同一文件夹的 <a href="report.csv">report.csv</a>（共 \(n(a.total)) 行），\
            统计数据见 <a href="report.json">report.json</a>。问题类型代码见 README“Problem codes”。</footer>
            </body>
            </html>\n
            """
        return html
    }

    // MARK: Sections

    static func cards(_ a: Aggregate) -> String {
        var out = "<section class=\"cards\">\n"
        out += card("共校验", a.total, "份申请", color: "#1f3a5f", big: true)
        for status in Wording.statuses {
            out += card(Wording.status(status), a.byStatus[status, default: 0], share(a.byStatus[status, default: 0], a.total),
                        color: statusColors[status] ?? "#333")
        }
        out += "</section>\n<section class=\"cards changes\">\n"
        out += card("结论有变化", a.changed, share(a.changed, a.total), color: "#b3261e", big: true)
        for change in Wording.changes where change != Change.failed.rawValue {
            out += card(Wording.change(change), a.byChange[change, default: 0], share(a.byChange[change, default: 0], a.total),
                        color: "#444")
        }
        return out + "</section>\n"
    }

    static func card(_ title: String, _ value: Int, _ note: String, color: String, big: Bool = false) -> String {
        "<div class=\"card\(big ? " big" : "")\" style=\"border-top-color:\(color)\"><div class=\"t\">\(HTML.escape(title))</div>"
            + "<div class=\"v\" style=\"color:\(color)\">\(n(value))</div><div class=\"n\">\(HTML.escape(note))</div></div>\n"
    }

    static var statusSeries: [BarChart.Series] {
        Wording.statuses.map { BarChart.Series(name: Wording.status($0), color: statusColors[$0] ?? "#999") }
    }

    static func statusSection(_ a: Aggregate) -> String {
        let bars = Wording.statuses.filter { a.byStatus[$0, default: 0] > 0 }.map { status in
            BarChart.Bar(label: Wording.status(status), title: Wording.status(status),
                         values: Wording.statuses.map { $0 == status ? a.byStatus[status, default: 0] : 0 })
        }
        let changeBars = Wording.changes.filter { a.byChange[$0, default: 0] > 0 }.map { change in
            BarChart.Bar(label: Wording.change(change), title: Wording.change(change), values: [a.byChange[change, default: 0]])
        }
        let changeColor = BarChart.Series(name: "份数", color: "#3d6b99")
        return """
            <section>
            <h2>一、校验结论</h2>
            <div class="charts">
            <figure>\(BarChart(series: statusSeries, bars: bars, width: 500, labelWidth: 110).svg(caption: "按校验结论统计"))
            <figcaption>按校验结论</figcaption></figure>
            <figure>\(BarChart(series: [changeColor], bars: changeBars, width: 500, labelWidth: 130).svg(caption: "与上次结论相比"))
            <figcaption>与上次结论相比</figcaption></figure>
            </div>
            </section>\n
            """
    }

    static func groupBars(_ groups: [Aggregate.Group], withRegion: Bool) -> [BarChart.Bar] {
        groups.prefix(chartRows).map { g in
            let label = withRegion && g.region != nil ? "\(g.name)（\(g.region!)）" : g.name
            return BarChart.Bar(label: label, title: label, values: Wording.statuses.map { g.byStatus[$0, default: 0] })
        }
    }

    static func groupTable(_ groups: [Aggregate.Group], first: String, withRegion: Bool) -> String {
        var out = "<table><thead><tr><th>\(first)</th>"
        if withRegion { out += "<th>地区</th>" }
        out += "<th class=\"num\">合计</th>"
        for status in Wording.statuses { out += "<th class=\"num\">\(Wording.status(status))</th>" }
        out += "<th class=\"num\">结论有变化</th></tr></thead><tbody>\n"
        for g in groups {
            out += "<tr><td>\(HTML.escape(g.name))</td>"
            if withRegion { out += "<td>\(HTML.escape(g.region ?? "—"))</td>" }
            out += "<td class=\"num\"><b>\(n(g.total))</b></td>"
            for status in Wording.statuses { out += "<td class=\"num\">\(zero(g.byStatus[status, default: 0]))</td>" }
            out += "<td class=\"num\">\(zero(g.changed))</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    static func itemSection(_ a: Aggregate) -> String {
        let groups = a.itemsRanked
        let note = groups.count > chartRows ? "<p class=\"note\">图中为份数最多的 \(chartRows) 个事项，表中列出全部 \(groups.count) 个。</p>" : ""
        return """
            <section>
            <h2>二、按事项统计</h2>
            \(BarChart(series: statusSeries, bars: groupBars(groups, withRegion: true), labelCharacters: 22).svg(caption: "按事项统计校验结论"))
            \(note)
            \(groupTable(groups, first: "事项", withRegion: true))
            </section>\n
            """
    }

    static func regionSection(_ a: Aggregate) -> String {
        let groups = a.regionsRanked
        return """
            <section>
            <h2>三、按地区统计</h2>
            \(BarChart(series: statusSeries, bars: groupBars(groups, withRegion: false)).svg(caption: "按地区统计校验结论"))
            \(groupTable(groups, first: "地区", withRegion: false))
            </section>\n
            """
    }

    static func problemSection(_ a: Aggregate) -> String {
        let ranked = Aggregate.ranked(a.problems) { "\($0.code)\($0.label)" }
        guard let most = ranked.first?.1 else {
            return "<section><h2>四、最常见的问题</h2><p class=\"empty\">没有发现问题。</p></section>\n"
        }
        var out = "<section><h2>四、最常见的问题</h2>\n<table class=\"rank\"><thead><tr><th>#</th><th>问题类型</th><th>栏目或材料</th>"
            + "<th class=\"num\">次数</th><th class=\"barcell\"></th></tr></thead><tbody>\n"
        for (i, (key, count)) in ranked.prefix(topRows).enumerated() {
            out += "<tr><td class=\"num\">\(i + 1)</td><td>\(HTML.escape(Wording.problem(key.code)))<br><code class=\"code\">\(HTML.escape(key.code))</code></td>"
                + "<td>\(HTML.escape(key.label.isEmpty ? "（整份文件）" : key.label))</td><td class=\"num\">\(n(count))</td>"
                + "<td class=\"barcell\">\(meter(count, most, color: "#ef8f00"))</td></tr>\n"
        }
        out += "</tbody></table>\n"
        if ranked.count > topRows { out += "<p class=\"note\">共 \(ranked.count) 种问题，此处列出最常见的 \(topRows) 种。</p>\n" }
        return out + "</section>\n"
    }

    static func materialSection(_ a: Aggregate) -> String {
        let ranked = Aggregate.ranked(a.missingMaterials) { $0 }
        guard let most = ranked.first?.1 else {
            return "<section><h2>五、最常缺少的申办材料</h2><p class=\"empty\">没有缺少申办材料的申请。</p></section>\n"
        }
        var out = "<section><h2>五、最常缺少的申办材料</h2>\n<table class=\"rank\"><thead><tr><th>#</th><th>申办材料（按办事指南原文）</th>"
            + "<th class=\"num\">缺少份数</th><th class=\"barcell\"></th></tr></thead><tbody>\n"
        for (i, (name, count)) in ranked.prefix(topRows).enumerated() {
            out += "<tr><td class=\"num\">\(i + 1)</td><td>\(HTML.escape(name))</td><td class=\"num\">\(n(count))</td>"
                + "<td class=\"barcell\">\(meter(count, most, color: "#c62828"))</td></tr>\n"
        }
        out += "</tbody></table>\n"
        if ranked.count > topRows { out += "<p class=\"note\">共 \(ranked.count) 种材料有缺少，此处列出最常缺少的 \(topRows) 种。</p>\n" }
        return out + "</section>\n"
    }

    static func changedSection(_ a: Aggregate, directory: URL) -> String {
        guard a.changed > 0 else {
            return "<section><h2>六、结论有变化的申请</h2><p class=\"empty\">与上次结论相比，没有申请的结论发生变化。</p></section>\n"
        }
        var out = "<section><h2>六、结论有变化的申请（\(n(a.changed)) 份）</h2>\n"
        if a.changed > Aggregate.listCap {
            out += "<p class=\"note\">此处列出前 \(n(a.changedRows.count)) 份（新变为需补正的在前）；全部 \(n(a.changed)) 份见 report.csv（change 列）和 report.json。</p>\n"
        }
        out += "<table class=\"changed\"><thead><tr><th>#</th><th>文件</th><th>事项 · 地区</th><th>原结论 → 新结论</th><th>变化</th>"
            + "<th>新增问题</th><th>已解决的问题</th><th>办理结果</th></tr></thead><tbody>\n"
        let rows = a.changedRows
        for (i, row) in rows.enumerated() {
            let name = (row.path as NSString).lastPathComponent
            out += "<tr><td class=\"num\">\(i + 1)</td><td class=\"file\" title=\"\(HTML.escape(row.path))\">\(HTML.escape(middle(name, 30)))</td>"
            out += "<td>\(HTML.escape(row.itemName ?? "—"))<br><span class=\"dim\">\(HTML.escape(row.regionName ?? ""))</span></td>"
            out += "<td class=\"nowrap\">\(badge(row.previousStatus)) → \(badge(row.status))</td>"
            out += "<td>\(HTML.escape(Wording.change(row.change)))</td>"
            out += "<td>\(problems(row.added))</td><td>\(problems(row.resolved))</td>"
            out += "<td class=\"nowrap\">\(links(row, directory: directory))</td></tr>\n"
        }
        return out + "</tbody></table>\n</section>\n"
    }

    static func failureSection(_ a: Aggregate) -> String {
        guard !a.failuresByCode.isEmpty else { return "" }
        var out = "<section><h2>七、无法读取的文件（\(n(a.byStatus["failed", default: 0])) 份）</h2>\n<table><thead><tr><th>原因</th>"
            + "<th class=\"num\">份数</th></tr></thead><tbody>\n"
        for (code, count) in Aggregate.ranked(a.failuresByCode, name: { $0 }) {
            out += "<tr><td>\(HTML.escape(Wording.failure(code))) <code class=\"code\">\(HTML.escape(code))</code></td><td class=\"num\">\(n(count))</td></tr>\n"
        }
        out += "</tbody></table>\n<table class=\"failures\"><thead><tr><th>文件</th><th>原因（英文原文）</th></tr></thead><tbody>\n"
        for row in a.failedRows {
            out += "<tr><td class=\"file\" title=\"\(HTML.escape(row.path))\">\(HTML.escape(middle(row.path, 60)))</td>"
                + "<td>\(HTML.escape(String((row.error ?? "").prefix(200))))</td></tr>\n"
        }
        out += "</tbody></table>\n"
        let failed = a.byStatus["failed", default: 0]
        if failed > a.failedRows.count { out += "<p class=\"note\">此处列出前 \(a.failedRows.count) 份，全部见 report.csv（error 列）。</p>\n" }
        return out + "</section>\n"
    }

    // MARK: Pieces

    static func badge(_ status: String?) -> String {
        guard let status else { return "<span class=\"badge none\">无</span>" }
        return "<span class=\"badge\" style=\"background:\(statusColors[status] ?? "#777")\">\(HTML.escape(Wording.status(status)))</span>"
    }

    static func problems(_ list: [ReportProblem]) -> String {
        guard !list.isEmpty else { return "<span class=\"dim\">—</span>" }
        let shown = list.prefix(5).map { p in
            "\(HTML.escape(Wording.problem(p.code)))：\(HTML.escape(p.label.isEmpty ? p.field : p.label))"
        }
        return shown.joined(separator: "<br>") + (list.count > 5 ? "<br><span class=\"dim\">等 \(list.count) 项</span>" : "")
    }

    /// Links to the outputs regenerated by this run (or, when not rendered, the earlier ones).
    static func links(_ row: ReportRow, directory: URL) -> String {
        let (folder, label) = row.output.map { ($0, "") } ?? row.previousOutput.map { ($0, "原") } ?? (nil, "")
        guard let folder else { return "<span class=\"dim\">未生成</span>" }
        var parts: [String] = []
        for (file, name) in [("form.pdf", "表单"), ("notice.pdf", "告知书"), ("result.json", "结果")] {
            let target = URL(fileURLWithPath: folder).appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: target.path) else { continue }
            parts.append("<a href=\"\(HTML.escape(relativeLink(from: directory, to: target)))\">\(label)\(name)</a>")
        }
        return parts.isEmpty ? "<span class=\"dim\">未找到</span>" : parts.joined(separator: " · ")
    }

    /// `target` relative to the folder `from`, percent-encoded for an href.
    static func relativeLink(from: URL, to target: URL) -> String {
        let base = from.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let path = target.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < base.count, common < path.count, base[common] == path[common] { common += 1 }
        let parts = Array(repeating: "..", count: base.count - common) + path[common...]
        let relative = parts.joined(separator: "/")
        return relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#"))) ?? relative
    }

    static func meter(_ value: Int, _ most: Int, color: String) -> String {
        let width = max(1, Int((Double(value) / Double(max(1, most)) * 100).rounded()))
        return "<svg width=\"160\" height=\"12\" viewBox=\"0 0 160 12\"><rect width=\"\(Double(width) * 1.6)\" height=\"12\" rx=\"2\" fill=\"\(color)\"/></svg>"
    }

    static func middle(_ text: String, _ limit: Int) -> String {
        guard text.count > limit else { return text }
        let keep = (limit - 1) / 2
        return String(text.prefix(keep)) + "…" + String(text.suffix(limit - 1 - keep))
    }

    static func share(_ part: Int, _ whole: Int) -> String {
        guard whole > 0 else { return "—" }
        let percent = Double(part) / Double(whole) * 100
        return String(format: percent > 0 && percent < 0.1 ? "<0.1%%" : "%.1f%%", percent)
    }

    static func n(_ value: Int) -> String { BarChart.group(value) }
    static func zero(_ value: Int) -> String { value == 0 ? "<span class=\"dim\">0</span>" : n(value) }

    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: ChinaStandardTime.offsetSeconds)
        formatter.dateFormat = "yyyy年M月d日 HH:mm:ss"
        return formatter.string(from: date)
    }

    static let css = """
        body{margin:0 auto;max-width:1080px;padding:24px 28px 40px;color:#1d1d1d;background:#fff;
        font-family:\(BarChart.fontFamily);font-size:14px;line-height:1.55}
        h1{font-size:26px;margin:0 0 4px;color:#1f3a5f;letter-spacing:1px}
        h2{font-size:18px;margin:28px 0 12px;padding-bottom:6px;border-bottom:2px solid #1f3a5f;color:#1f3a5f}
        .sub{margin:0 0 12px;color:#555}
        dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0 0 8px;font-size:13px;color:#444}
        dl.meta dt{color:#777}dl.meta dd{margin:0}
        code{font-family:'Noto Sans Mono CJK SC','DejaVu Sans Mono',monospace;font-size:12px}
        code.code{color:#777}
        .cards{display:flex;flex-wrap:wrap;gap:10px;margin:14px 0 0}
        .card{flex:1 1 110px;border:1px solid #ddd;border-top:4px solid #333;border-radius:4px;padding:8px 12px;background:#fafafa}
        .card.big{flex:1.4 1 130px;background:#f3f6fa}
        .changes .card{flex:1 1 84px;padding:8px 10px}.changes .card.big{flex:1.3 1 110px}
        .card .t{font-size:13px;color:#555}.card .v{font-size:24px;font-weight:bold;font-variant-numeric:tabular-nums}
        .card .n{font-size:12px;color:#888}
        .charts{display:flex;flex-wrap:wrap;gap:16px}
        figure{margin:0}figcaption{font-size:12px;color:#777;text-align:center}
        svg.chart{max-width:100%;height:auto;display:block}
        table{border-collapse:collapse;width:100%;margin:10px 0;font-size:13px}
        th,td{border-bottom:1px solid #e5e5e5;padding:5px 8px;text-align:left;vertical-align:top}
        th{background:#eef2f7;color:#1f3a5f;font-weight:bold;white-space:nowrap}
        tbody tr:nth-child(even){background:#fafbfc}
        .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .barcell{width:170px}.nowrap{white-space:nowrap}
        table.changed td:nth-child(5){white-space:nowrap}
        td.file{font-family:'DejaVu Sans Mono',monospace;font-size:12px;word-break:break-all}
        .dim{color:#999}.note{color:#666;font-size:13px}
        .empty{padding:18px;background:#f6f6f6;border-radius:4px;color:#555}
        .badge{display:inline-block;padding:0 6px;border-radius:3px;color:#fff;font-size:12px}
        .badge.none{background:#bbb}
        a{color:#1d5fa8}
        footer{margin-top:32px;padding-top:10px;border-top:1px solid #ddd;color:#777;font-size:12px}
        @media print{body{max-width:none;padding:0}h2{break-after:avoid}tr{break-inside:avoid}}
        """
}

enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
