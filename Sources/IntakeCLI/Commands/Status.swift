import ArgumentParser
import Foundation
import IntakeCore
import Ledger
import Pipeline

extension IntakeCommand {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report on the inbox service: queue depth, today's done/quarantined/duplicates, latency p50/p99.")

        @Option(help: ArgumentHelp("The state folder given to `intake watch`.", valueName: "dir"))
        var state: String
        @OptionGroup var ledgerOptions: LedgerOptions
        @Flag(help: "Print JSON.")
        var json = false

        struct Report: Encodable {
            var inbox: String?
            var queued: Int
            var claimed: Int
            var quarantineFiles: Int
            var today: LedgerSummary
            var since: String
        }

        func run() throws {
            let stateURL = URL(fileURLWithPath: state)
            let ledger = try LedgerOptions.open(ledgerOptions.ledger, state: stateURL)
            var info: [String: String] = [:]
            if let data = FileManager.default.contents(atPath: stateURL.appendingPathComponent("watch.json").path),
               let object = try? JSONSerialization.jsonObject(with: data) as? [String: String] {
                info = object
            }
            let fm = FileManager.default
            func count(_ path: String?, _ keep: (String) -> Bool) -> Int {
                guard let path else { return 0 }
                return ((try? fm.contentsOfDirectory(atPath: path)) ?? []).filter(keep).count
            }
            let queued = count(info["inbox"]) { !$0.hasPrefix(".") }
            var claimed = 0
            if let inbox = info["inbox"] {
                let claims = (inbox as NSString).appendingPathComponent(".intake-claims")
                for folder in (try? fm.contentsOfDirectory(atPath: claims)) ?? [] where !folder.hasSuffix(".lock") {
                    claimed += count((claims as NSString).appendingPathComponent(folder)) { _ in true }
                }
            }
            let quarantined = count(info["quarantine"]) { !$0.hasSuffix(".reason.txt") && !$0.hasPrefix(".") }
            // Today in China Standard Time.
            let zone = Double(ChinaStandardTime.offsetSeconds)
            let now = Date().timeIntervalSince1970 + zone
            let midnight = Date(timeIntervalSince1970: (now - now.truncatingRemainder(dividingBy: 86_400)) - zone)
            let report = Report(inbox: info["inbox"], queued: queued, claimed: claimed, quarantineFiles: quarantined,
                                today: try ledger.summary(since: midnight), since: ISO8601DateFormatter().string(from: midnight))
            if json {
                print(ResultJSON.line(report))
                return
            }
            let t = report.today
            func ms(_ v: Double?) -> String { v.map { String(format: "%.0f ms", $0) } ?? "-" }
            print("""
            inbox:        \(report.inbox ?? "(unknown: no watch.json in \(state))")
            queue:        \(queued) waiting in the inbox, \(claimed) claimed
            today:        \(t.done) done (\(t.byResultStatus.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))), \
            \(t.quarantined) quarantined, \(t.duplicates) duplicates, \(t.retries) retries, \(t.inProgress) in progress
            latency:      p50 \(ms(t.latencyP50)), p99 \(ms(t.latencyP99)) (drop to result)
            quarantine:   \(quarantined) file(s) waiting for a clerk
            """)
        }
    }
}
