/// A value as the applicant wrote it: free text, or the ticked options of a checkbox group.
///
/// Kept separate from any validation so that a faulty value still reaches the form and the notice
/// exactly as submitted.
public enum FieldValue: Sendable, Hashable, Codable {
    case text(String)
    case choices([String])
    /// The rows of a multi-row table (one dictionary of column key → value per row).
    case rows([[String: FieldValue]])

    /// The value as one string: text as written, ticked options joined by "、".
    public var display: String {
        switch self {
        case .text(let s): return s
        case .choices(let list): return list.joined(separator: "、")
        case .rows(let rows): return "\(rows.count)行"
        }
    }

    /// True when nothing was written or ticked.
    public var isBlank: Bool {
        switch self {
        case .text(let s): return s.trimmingWhitespace().isEmpty
        case .choices(let list): return list.allSatisfy { $0.trimmingWhitespace().isEmpty }
        case .rows(let rows): return rows.allSatisfy { $0.values.allSatisfy(\.isBlank) }
        }
    }

    /// The ticked options (a text value counts as one option when not blank).
    public var options: [String] {
        switch self {
        case .text(let s): return s.trimmingWhitespace().isEmpty ? [] : [s.trimmingWhitespace()]
        case .choices(let list): return list
        case .rows: return []
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([String].self) {
            self = .choices(list)
        } else if let rows = try? container.decode([[String: FieldValue]].self) {
            self = .rows(rows)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let s): try container.encode(s)
        case .choices(let list): try container.encode(list)
        case .rows(let rows): try container.encode(rows)
        }
    }
}

extension StringProtocol {
    /// Trims ASCII and full-width (U+3000) white space, which typed Chinese forms are full of.
    public func trimmingWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
