/// Where a problem or a value sits: a field (`unitName`), or a cell of a table row
/// (`employees[1].idNumber`, rows from 0). The one place that spelling is built and read.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    /// The field's key; for a cell, the table's.
    public var field: String
    /// The row and column, for a cell of a table.
    public var cell: (row: Int, column: String)?

    public init(field: String) { self.field = field }
    public init(table: String, row: Int, column: String) {
        field = table
        cell = (row, column)
    }

    /// Reads `key` or `table[i].column`; anything else is taken as a plain key.
    public init(parsing text: String) {
        guard let open = text.firstIndex(of: "["), open > text.startIndex, let close = text[open...].firstIndex(of: "]"),
              let row = Int(text[text.index(after: open)..<close]), row >= 0, text[close...].hasPrefix("]."),
              text.index(close, offsetBy: 2) < text.endIndex else {
            self.init(field: text)
            return
        }
        self.init(table: String(text[..<open]), row: row, column: String(text[text.index(close, offsetBy: 2)...]))
    }

    public var description: String {
        guard let cell else { return field }
        return "\(field)[\(cell.row)].\(cell.column)"
    }

    public static func == (a: FieldPath, b: FieldPath) -> Bool { a.description == b.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }
}
