import Foundation
import Hummingbird
import IntakeCore
import Ledger

/// 科长's view: the day by status, item, district and clerk; how long verification takes; the
/// revalidation reports `intake revalidate` left under `<output>/reports/<run>/`.
struct StatsRoutes: Sendable {
    let server: ConsoleServer

    struct Line { let label: String; let count: Int }
    struct ReportLink { let run: String; let written: String }
    struct View {
        let day: String
        let byStatus: [Line]
        let byItem: [Line]
        let byDistrict: [Line]
        let byClerk: [Line]
        let verifiedFields: Int
        let medianSeconds: String
        let p95Seconds: String
        let reports: [ReportLink]
        let hasReports: Bool
    }

    func chiefOnly(_ context: ConsoleContext) throws {
        guard let role = context.clerk?.role, role == .chief || role == .admin else { throw ConsoleError.forbidden("仅科长可查看统计。") }
    }

    func page(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        try chiefOnly(context)
        let day = server.today
        let store = server.store
        // Since midnight in China by the console's clock.
        let now = server.now()
        let since = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down) - Double(ChinaStandardTime.day(at: now.timeIntervalSince1970).seconds))
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
            verifiedFields: times.count, medianSeconds: seconds(0.5), p95Seconds: seconds(0.95),
            reports: reports().prefix(20).map { ReportLink(run: $0.run, written: Self.chinaTime($0.written)) },
            hasReports: !reports().isEmpty)
        return server.pages.html("stats", Chrome(context, title: "统计", body: view))
    }

    /// Runs with a report.html (a regular file, not a link), newest first.
    func reports() -> [(run: String, written: Date)] {
        let root = server.settings.output.appendingPathComponent("reports")
        let runs = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return runs.compactMap { run -> (run: String, written: Date)? in
            guard !run.hasPrefix("."), run.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x2f }) else { return nil }
            var info = stat()
            let path = root.appendingPathComponent(run).appendingPathComponent("report.html").path
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
            return (run, Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec)))
        }.sorted { $0.written > $1.written }
    }

    /// A run's report.html, only for a run in the listing: the name in the URL is looked up, never
    /// joined to a path. Inline styles are its own; it may run no script.
    func report(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        try chiefOnly(context)
        guard let run = context.parameters.get("run"), reports().contains(where: { $0.run == run }),
              let data = FileManager.default.contents(atPath: server.settings.output.appendingPathComponent("reports")
                .appendingPathComponent(run).appendingPathComponent("report.html").path) else { throw ConsoleError.notFound }
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8",
                                               .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'"],
                        body: .init(byteBuffer: ByteBuffer(bytes: Array(data))))
    }

    static func chinaTime(_ date: Date) -> String {
        let (day, seconds) = ChinaStandardTime.day(at: date.timeIntervalSince1970)
        return day.iso + String(format: " %02d:%02d", seconds / 3600, seconds / 60 % 60)
    }
}
