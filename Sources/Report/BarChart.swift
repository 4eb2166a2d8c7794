import Foundation

/// A horizontal stacked bar chart as inline SVG, drawn here: no script, no network, fonts from a
/// CJK family list with fallbacks. One bar per row (label on the left, total on the right), one
/// colour per series, a legend of the series that occur, and a scale with round ticks.
public struct BarChart {
    struct Series {
        var name: String
        var color: String
    }

    struct Bar {
        var label: String
        /// The full label, shown as a tooltip when the label is shortened.
        var title: String
        /// One value per series.
        var values: [Int]
        var total: Int { values.reduce(0, +) }
    }

    static let fontFamily = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC','WenQuanYi Micro Hei','SimHei',sans-serif"

    var series: [Series]
    var bars: [Bar]
    var width = 960
    var labelWidth = 300
    var barHeight = 22
    var gap = 8
    /// Labels longer than this many characters are shortened with "…".
    var labelCharacters = 20

    func svg(caption: String) -> String {
        let used = series.indices.filter { i in bars.contains { $0.values[i] > 0 } }
        let legendHeight = used.isEmpty ? 0 : 30
        let top = legendHeight + 8
        let axisHeight = 26
        let height = top + bars.count * (barHeight + gap) + axisHeight
        let plotLeft = Double(labelWidth)
        let plotWidth = Double(width - labelWidth - 80)
        let maximum = max(1, bars.map(\.total).max() ?? 1)
        let step = Self.niceStep(maximum)
        let scaleMax = Double(((maximum + step - 1) / step) * step)
        func x(_ value: Double) -> Double { plotLeft + value / scaleMax * plotWidth }

        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" width="\(width)" height="\(height)" \
            viewBox="0 0 \(width) \(height)" role="img" aria-label="\(HTML.escape(caption))" \
            font-family="\(Self.fontFamily)" font-size="13">
            <title>\(HTML.escape(caption))</title>\n
            """
        // Legend.
        var legendX = plotLeft
        for i in used {
            out += "<rect x=\"\(f(legendX))\" y=\"8\" width=\"14\" height=\"14\" rx=\"2\" fill=\"\(series[i].color)\"/>"
            out += "<text x=\"\(f(legendX + 20))\" y=\"20\" fill=\"#333\">\(HTML.escape(series[i].name))</text>\n"
            legendX += 20 + Double(Self.textWidth(series[i].name)) + 22
        }
        // Grid and scale.
        let gridBottom = top + bars.count * (barHeight + gap) - gap + 4
        var tick = 0
        while Double(tick) <= scaleMax {
            let tx = x(Double(tick))
            out += "<line x1=\"\(f(tx))\" y1=\"\(top - 4)\" x2=\"\(f(tx))\" y2=\"\(gridBottom)\" stroke=\"#e3e3e3\"/>"
            out += "<text x=\"\(f(tx))\" y=\"\(gridBottom + 16)\" text-anchor=\"middle\" fill=\"#777\" font-size=\"11\">\(Self.group(tick))</text>\n"
            tick += step
        }
        // Bars.
        for (row, bar) in bars.enumerated() {
            let y = top + row * (barHeight + gap)
            let label = Self.shorten(bar.label, to: labelCharacters)
            out += "<g><title>\(HTML.escape(bar.title)): \(Self.group(bar.total))</title>"
            out += "<text x=\"\(labelWidth - 10)\" y=\"\(y + barHeight / 2 + 5)\" text-anchor=\"end\" fill=\"#222\">\(HTML.escape(label))</text>"
            var start = 0.0
            for i in series.indices where bar.values[i] > 0 {
                let x0 = x(start)
                let x1 = x(start + Double(bar.values[i]))
                out += "<rect x=\"\(f(x0))\" y=\"\(y)\" width=\"\(f(max(0.8, x1 - x0)))\" height=\"\(barHeight)\" fill=\"\(series[i].color)\">"
                out += "<title>\(HTML.escape(bar.title)) · \(HTML.escape(series[i].name)): \(Self.group(bar.values[i]))</title></rect>"
                let text = Self.group(bar.values[i])
                if x1 - x0 >= Double(Self.textWidth(text) + 8) {
                    out += "<text x=\"\(f((x0 + x1) / 2))\" y=\"\(y + barHeight / 2 + 4)\" text-anchor=\"middle\" fill=\"#fff\" font-size=\"11\">\(text)</text>"
                }
                start += Double(bar.values[i])
            }
            out += "<text x=\"\(f(x(start) + 6))\" y=\"\(y + barHeight / 2 + 5)\" fill=\"#222\" font-weight=\"bold\">\(Self.group(bar.total))</text></g>\n"
        }
        out += "</svg>"
        return out
    }

    /// A round step (1, 2 or 5 × 10ⁿ) giving at most about six ticks up to `maximum`.
    static func niceStep(_ maximum: Int) -> Int {
        var magnitude = 1
        while true {
            for factor in [1, 2, 5] where maximum / (factor * magnitude) <= 5 { return factor * magnitude }
            magnitude *= 10
        }
    }

    /// Approximate width in pixels at 13 px: CJK characters are square, others about half.
    static func textWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 13 : 7) }
    }

    static func shorten(_ text: String, to characters: Int) -> String {
        text.count <= characters ? text : String(text.prefix(characters - 1)) + "…"
    }

    /// 100000 → "100,000".
    public static func group(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }

    private func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
