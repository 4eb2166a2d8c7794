import IntakeCore

/// How personal data shows outside a submission's own page (lists, audit, logs): 居民身份证号码
/// as region and last 4 (`371503********1849`), phones as `176****2281`, bank accounts by their
/// last 4.
enum PersonalData {
    static func masked(_ text: String) -> String {
        var out = ""
        var run = ""
        func flush() {
            let n = run.count
            if n == 18 || n == 15 {
                out += run.prefix(6) + String(repeating: "*", count: n - 10) + run.suffix(4)
            } else if n == 11, run.hasPrefix("1") {
                out += run.prefix(3) + "****" + run.suffix(4)
            } else if n >= 12 {
                out += String(repeating: "*", count: n - 4) + run.suffix(4)
            } else {
                out += run
            }
            run = ""
        }
        for ch in text {
            if ch.isASCII, ch.isNumber || ch == "X" || ch == "x" { run.append(ch) } else { flush(); out.append(ch) }
        }
        flush()
        return out
    }

    static func masked(_ value: FieldValue?) -> String? { text(value, masked) }

    /// The full value as one string, for its hash in the audit trail.
    static func full(_ value: FieldValue?) -> String? { text(value) { $0 } }

    /// A value as one line: a table's rows as `column=value` pairs, each cell through `shown`.
    private static func text(_ value: FieldValue?, _ shown: (String) -> String) -> String? {
        guard let value else { return nil }
        guard case .rows(let rows) = value else { return shown(value.display) }
        return rows.map { row in row.keys.sorted().map { "\($0)=\(shown(row[$0]?.display ?? ""))" }.joined(separator: ",") }
            .joined(separator: "; ")
    }
}
