import Foundation
import Hummingbird
import IntakeCore
import Ledger

/// 科长's view: the day by status, item, district and clerk; how long verification takes.
struct StatsRoutes: Sendable {
    let server: ConsoleServer

    struct Line { let label: String; let count: Int }
    struct View {
        let day: String
        let byStatus: [Line]
        let byItem: [Line]
        let byDistrict: [Line]
        let byClerk: [Line]
        let verifiedFields: Int
        let medianSeconds: String
        let p95Seconds: String
    }

    func page(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        guard let role = context.clerk?.role, role == .chief || role == .admin else { throw ConsoleError.forbidden("仅科长可查看统计。") }
        let day = server.today
        let store = server.store
        // Since midnight in China by the console's clock.
        let shifted = server.now().timeIntervalSince1970 + Double(ChinaStandardTime.offsetSeconds)
        let since = Date(timeIntervalSince1970: (shifted / 86_400).rounded(.down) * 86_400 - Double(ChinaStandardTime.offsetSeconds))
        let times = try store.verifyTimes(since: since)
        func seconds(_ p: Double) -> String {
            guard !times.isEmpty else { return "-" }
            let rank = max(0, min(times.count - 1, Int((p * Double(times.count)).rounded(.up)) - 1))
            return String(format: "%.1f 秒", times[rank] / 1000)
        }
        let view = View(
            day: day.iso,
            byStatus: try store.counts(day: day.iso, by: .status).map { Line(label: Labels.status($0.key), count: $0.count) },
            byItem: try store.counts(day: day.iso, by: .item).map { Line(label: $0.key, count: $0.count) },
            byDistrict: try store.counts(day: day.iso, by: .district).map { Line(label: $0.key, count: $0.count) },
            byClerk: try store.decisionCounts(since: since).map { Line(label: "\($0.clerk) \(Labels.decision($0.outcome))", count: $0.count) },
            verifiedFields: times.count, medianSeconds: seconds(0.5), p95Seconds: seconds(0.95))
        return server.pages.html("stats", Chrome(context, title: "统计", body: view))
    }
}
