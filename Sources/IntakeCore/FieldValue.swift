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
        case .text(let s): return s.isBlankText
        case .choices(let list): return list.allSatisfy(\.isBlankText)
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
    /// Called for every value several times: looks at the ends only, and copies only what it cuts.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].isSpace { start = scalars.index(after: start) }
        while start < end {
            let before = scalars.index(before: end)
            guard scalars[before].isSpace else { break }
            end = before
        }
        if start == startIndex, end == endIndex, let whole = self as? String { return whole }
        return String(self[start..<end])
    }

    /// Nothing but white space (or nothing at all).
    public var isBlankText: Bool { unicodeScalars.allSatisfy(\.isSpace) }
}

extension Unicode.Scalar {
    /// Unicode's White_Space property (a fixed list of 25 code points), answered without the
    /// property tables, which cost more than the rest of trimming a value.
    @inlinable public var isSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
