import IntakeCore

/// Problems as the revalidation tables store them: one per line, `code<TAB>field<TAB>label`
/// (field and label empty when absent). Two problems are the same when code and field are;
/// the label is kept for the report's wording.
public struct ProblemList: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var code: String
        public var field: String
        public var label: String
        public var key: String { code + "\t" + field }
    }

    public private(set) var entries: [Entry]

    public init(_ problems: [Problem]) {
        var seen = Set<String>()
        entries = []
        for problem in problems {
            let entry = Entry(code: problem.code.rawValue, field: Self.clean(problem.field ?? ""), label: Self.clean(problem.label ?? ""))
            if seen.insert(entry.key).inserted { entries.append(entry) }
        }
    }

    public init(encoded text: String) {
        entries = text.split(separator: "\n", omittingEmptySubsequences: true).map { line in
            let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            return Entry(code: parts[0], field: parts.count > 1 ? parts[1] : "", label: parts.count > 2 ? parts[2] : "")
        }
    }

    init(entries: [Entry]) { self.entries = entries }

    public var encoded: String {
        entries.map { "\($0.code)\t\($0.field)\t\($0.label)" }.joined(separator: "\n")
    }

    public var keys: Set<String> { Set(entries.map(\.key)) }

    /// The entries of `self` whose key `other` lacks.
    public func subtracting(_ other: ProblemList) -> ProblemList {
        let keys = other.keys
        return ProblemList(entries: entries.filter { !keys.contains($0.key) })
    }

    static func clean(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
