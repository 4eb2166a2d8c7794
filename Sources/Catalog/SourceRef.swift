/// Where a rule came from: a seed guide file and a line (or line range) in it.
///
/// Written in YAML as `"000_aae2795ad81a31b3.txt:16"` or `"000_aae2795ad81a31b3.txt:37-90"`, so a
/// clerk who doubts a notice can open the guide at that line.
public struct SourceRef: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var endLine: Int?

    public init(file: String, line: Int, endLine: Int? = nil) {
        self.file = file
        self.line = line
        self.endLine = endLine
    }

    /// Parses `file:line` or `file:first-last`; nil when the text has another shape.
    public init?(parsing text: String) {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        let file = String(text[..<colon])
        let range = text[text.index(after: colon)...].split(separator: "-", omittingEmptySubsequences: false)
        guard !file.isEmpty, (1...2).contains(range.count), let first = Int(range[0]), first > 0 else { return nil }
        var last: Int?
        if range.count == 2 {
            guard let l = Int(range[1]), l >= first else { return nil }
            last = l
        }
        self.init(file: file, line: first, endLine: last)
    }

    public var description: String {
        if let endLine { return "\(file):\(line)-\(endLine)" }
        return "\(file):\(line)"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let ref = SourceRef(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected \"<seed file>:<line>\" or \"<seed file>:<first>-<last>\", got \"\(text)\"")
        }
        self = ref
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A piece of text quoted from a guide together with where it stands.
public struct Sourced<Value: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    public var value: Value
    public var source: SourceRef

    public init(_ value: Value, source: SourceRef) {
        self.value = value
        self.source = source
    }
}

/// A guide file of the seeds as the public knows it: its name, by part when one file holds two
/// documents (the province list and the province guide).
public struct Guide: Sendable, Hashable, Codable {
    public struct Part: Sendable, Hashable, Codable {
        /// The part's first line.
        public var from: Int
        public var name: String
        /// The document carries `name` as its title: cited in 《》.
        public var title: Bool
    }

    public var file: String
    public var parts: [Part]
}
