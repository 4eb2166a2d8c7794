import Foundation
import Report

/// Shows how far a run is: on a terminal a one-line bar redrawn at most ten times a second
/// (done/total, files/s, ETA, failures); otherwise a plain line every few seconds, for logs.
public final class ProgressDisplay: @unchecked Sendable {
    // @unchecked: used from one thread (the runner's coordinator).
    public enum Mode: Sendable {
        case terminal
        case lines(every: TimeInterval)
        case off
    }

    public struct Snapshot: Sendable, Equatable {
        public var done: Int
        /// Nil until enumeration has finished.
        public var total: Int?
        public var failed: Int
        /// Files per second, nil until measured.
        public var rate: Double?
        public init(done: Int, total: Int?, failed: Int, rate: Double?) {
            self.done = done
            self.total = total
            self.failed = failed
            self.rate = rate
        }
    }

    let mode: Mode
    let write: (String) -> Void
    private var lastDraw = Date.distantPast
    private var drewLine = false

    public init(mode: Mode, write: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.mode = mode
        self.write = write
    }

    /// The mode for standard error: a bar on a terminal, lines every 5 s otherwise.
    public static func forStandardError() -> Mode {
        isatty(STDERR_FILENO) == 1 ? .terminal : .lines(every: 5)
    }

    public func show(_ snapshot: Snapshot, now: Date = Date()) {
        switch mode {
        case .off:
            return
        case .terminal:
            guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = now
            let line = Self.bar(snapshot, width: Self.terminalWidth())
            write("\r" + line + "\u{1B}[K")
            drewLine = true
        case .lines(let every):
            guard now.timeIntervalSince(lastDraw) >= every else { return }
            lastDraw = now
            write(Self.line(snapshot) + "\n")
        }
    }

    /// Ends the bar's line (before other output), showing `snapshot` one last time.
    public func finish(_ snapshot: Snapshot) {
        switch mode {
        case .off: return
        case .terminal:
            write("\r" + Self.bar(snapshot, width: Self.terminalWidth()) + "\u{1B}[K\n")
            drewLine = false
        case .lines:
            write(Self.line(snapshot) + "\n")
        }
    }

    /// Moves off the bar's line so a message can be printed.
    public func interrupt() {
        if drewLine {
            write("\n")
            drewLine = false
        }
    }

    // MARK: Text

    static func bar(_ s: Snapshot, width: Int) -> String {
        let counts = "\(group(s.done))/\(s.total.map(group) ?? "?")"
        var tail = counts
        if let total = s.total, total > 0 { tail += " \(Int((Double(s.done) / Double(total) * 100).rounded(.down)))%" }
        tail += "  " + (s.rate.map { "\(Int($0.rounded())) files/s" } ?? "- files/s")
        tail += "  ETA " + eta(s)
        tail += "  failed \(group(s.failed))"
        let barWidth = max(10, min(40, width - tail.count - 14))
        var bar = ""
        if let total = s.total, total > 0 {
            let filled = min(barWidth, Int(Double(barWidth) * Double(s.done) / Double(total)))
            bar = String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled)
        } else {
            let label = "listing…"
            bar = label + String(repeating: " ", count: max(0, barWidth - label.count))
        }
        let line = "revalidate [\(bar)] \(tail)"
        return line.count > width ? String(line.prefix(max(1, width - 1))) : line
    }

    static func line(_ s: Snapshot) -> String {
        var text = "revalidate: \(s.done)/\(s.total.map(String.init) ?? "?") done"
        if let total = s.total, total > 0 { text += " (\(Int((Double(s.done) / Double(total) * 100).rounded(.down)))%)" }
        text += ", " + (s.rate.map { "\(Int($0.rounded())) files/s" } ?? "- files/s")
        text += ", ETA \(eta(s)), \(s.failed) failed"
        return text
    }

    static func eta(_ s: Snapshot) -> String {
        guard let total = s.total, let rate = s.rate, rate > 0 else { return "?" }
        let seconds = Int((Double(max(0, total - s.done)) / rate).rounded(.up))
        if seconds >= 3600 { return "\(seconds / 3600)h\(two(seconds / 60 % 60))m" }
        if seconds >= 60 { return "\(seconds / 60)m\(two(seconds % 60))s" }
        return "\(seconds)s"
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// 100000 → "100,000", as the report writes it.
    static func group(_ n: Int) -> String { BarChart.group(n) }

    static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 80
    }
}

/// Files per second over the last few seconds, from (time, done) samples.
struct RateMeter {
    private var samples: [(Date, Int)] = []
    let window: TimeInterval

    init(window: TimeInterval = 10) { self.window = window }

    mutating func add(_ done: Int, at time: Date = Date()) -> Double? {
        samples.append((time, done))
        while let first = samples.first, time.timeIntervalSince(first.0) > window, samples.count > 2 { samples.removeFirst() }
        guard let first = samples.first, let last = samples.last else { return nil }
        let span = last.0.timeIntervalSince(first.0)
        guard span >= 0.5 else { return nil }
        return Double(last.1 - first.1) / span
    }
}
