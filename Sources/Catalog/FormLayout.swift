/// The printed layout of a form: a title, optional lines above and below, and a grid.
///
/// The grid works like an HTML table: `columns` gives relative widths, each row lists its cells,
/// and a cell may span columns (`span`) and rows (`rowspan`). Row heights grow with wrapped text;
/// `minHeight` (millimetres) keeps the official proportions.
public struct FormLayout: Sendable, Hashable, Codable {
    /// Relative column widths of the grid.
    public var columns: [Double]
    /// Lines above the grid (e.g. 单位名称（章）, 填表日期).
    public var header: [Block]
    public var rows: [Row]
    /// Lines below the grid (说明, 填表说明).
    public var footer: [Block]
    /// Body font size in points; default 10.5 (五号).
    public var fontSize: Double?
    /// Title font size in points; default 18 (小二).
    public var titleSize: Double?

    /// A row of the grid. A `repeat` row is a template printed once per row of the named table
    /// field (its cells' `field` blocks name the table's column keys), or `blankRows` times on a
    /// blank form. `header` rows are printed again at the top of each page the grid continues on.
    public struct Row: Sendable, Hashable, Codable {
        public var minHeight: Double?
        public var cells: [Cell]
        public var `repeat`: String?
        public var header: Bool

        public init(minHeight: Double? = nil, cells: [Cell], repeat: String? = nil, header: Bool = false) {
            self.minHeight = minHeight
            self.cells = cells
            self.repeat = `repeat`
            self.header = header
        }

        enum CodingKeys: String, CodingKey { case minHeight, cells, `repeat`, header }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            minHeight = try c.decodeIfPresent(Double.self, forKey: .minHeight)
            cells = try c.decode([Cell].self, forKey: .cells)
            `repeat` = try c.decodeIfPresent(String.self, forKey: .repeat)
            header = try c.decodeIfPresent(Bool.self, forKey: .header) ?? false
        }
    }

    enum CodingKeys: String, CodingKey { case columns, header, rows, footer, fontSize, titleSize }

    public init(columns: [Double], header: [Block] = [], rows: [Row], footer: [Block] = []) {
        self.columns = columns; self.header = header; self.rows = rows; self.footer = footer
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        columns = try c.decode([Double].self, forKey: .columns)
        header = try c.decodeIfPresent([Block].self, forKey: .header) ?? []
        rows = try c.decode([Row].self, forKey: .rows)
        footer = try c.decodeIfPresent([Block].self, forKey: .footer) ?? []
        fontSize = try c.decodeIfPresent(Double.self, forKey: .fontSize)
        titleSize = try c.decodeIfPresent(Double.self, forKey: .titleSize)
    }
}

public enum HorizontalAlignment: String, Sendable, Hashable, Codable {
    case left, center, right
}

public enum VerticalAlignment: String, Sendable, Hashable, Codable {
    case top, middle, bottom
}

/// One cell of the grid: blocks stacked top to bottom.
///
/// YAML shorthand: a cell with one block may be written as that block with the cell keys beside
/// it, `{label: 单位名称}` or `{field: unitName, span: 5}`; otherwise `{span: 5, blocks: [...]}`.
public struct Cell: Sendable, Hashable, Codable {
    public var span: Int
    public var rowspan: Int
    public var align: HorizontalAlignment?
    public var valign: VerticalAlignment?
    public var blocks: [Block]

    public init(span: Int = 1, rowspan: Int = 1, align: HorizontalAlignment? = nil,
                valign: VerticalAlignment? = nil, blocks: [Block]) {
        self.span = span
        self.rowspan = rowspan
        self.align = align
        self.valign = valign
        self.blocks = blocks
    }

    enum CodingKeys: String, CodingKey { case span, rowspan, align, valign, blocks }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        span = try c.decodeIfPresent(Int.self, forKey: .span) ?? 1
        rowspan = try c.decodeIfPresent(Int.self, forKey: .rowspan) ?? 1
        align = try c.decodeIfPresent(HorizontalAlignment.self, forKey: .align)
        valign = try c.decodeIfPresent(VerticalAlignment.self, forKey: .valign)
        if let blocks = try c.decodeIfPresent([Block].self, forKey: .blocks) {
            self.blocks = blocks
        } else {
            self.blocks = [try Block(from: decoder)]
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(span, forKey: .span)
        try c.encode(rowspan, forKey: .rowspan)
        try c.encodeIfPresent(align, forKey: .align)
        try c.encodeIfPresent(valign, forKey: .valign)
        try c.encode(blocks, forKey: .blocks)
    }
}

/// A piece of a cell (or of the header/footer).
///
/// YAML: exactly one of `label` (printed text, centred by default, may hold "\n"), `text` (a
/// printed paragraph, left by default), `field` (the value of a field), `choices` (a checkbox
/// group drawn as □/☑ with the options as printed), `date` (a date field drawn as
/// "YYYY 年 M 月 D 日", blank "年 月 日" when empty), `space` (millimetres of blank height);
/// with optional `align` and `size` (points).
public struct Block: Sendable, Hashable, Codable {
    public enum Kind: Sendable, Hashable {
        case label(String)
        case text(String)
        case field(String)
        case choices(String)
        case date(String)
        case space(Double)
    }
    public var kind: Kind
    public var align: HorizontalAlignment?
    public var size: Double?
    /// Bold (for titles of sections).
    public var bold: Bool

    public init(_ kind: Kind, align: HorizontalAlignment? = nil, size: Double? = nil, bold: Bool = false) {
        self.kind = kind
        self.align = align
        self.size = size
        self.bold = bold
    }

    enum CodingKeys: String, CodingKey { case label, text, field, choices, date, space, align, size, bold }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var kinds: [Kind] = []
        if let v = try c.decodeIfPresent(String.self, forKey: .label) { kinds.append(.label(v)) }
        if let v = try c.decodeIfPresent(String.self, forKey: .text) { kinds.append(.text(v)) }
        if let v = try c.decodeIfPresent(String.self, forKey: .field) { kinds.append(.field(v)) }
        if let v = try c.decodeIfPresent(String.self, forKey: .choices) { kinds.append(.choices(v)) }
        if let v = try c.decodeIfPresent(String.self, forKey: .date) { kinds.append(.date(v)) }
        if let v = try c.decodeIfPresent(Double.self, forKey: .space) { kinds.append(.space(v)) }
        guard kinds.count == 1, let kind = kinds.first else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "a block needs exactly one of label, text, field, choices, date, space"))
        }
        self.kind = kind
        align = try c.decodeIfPresent(HorizontalAlignment.self, forKey: .align)
        size = try c.decodeIfPresent(Double.self, forKey: .size)
        bold = try c.decodeIfPresent(Bool.self, forKey: .bold) ?? false
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch kind {
        case .label(let v): try c.encode(v, forKey: .label)
        case .text(let v): try c.encode(v, forKey: .text)
        case .field(let v): try c.encode(v, forKey: .field)
        case .choices(let v): try c.encode(v, forKey: .choices)
        case .date(let v): try c.encode(v, forKey: .date)
        case .space(let v): try c.encode(v, forKey: .space)
        }
        try c.encodeIfPresent(align, forKey: .align)
        try c.encodeIfPresent(size, forKey: .size)
        if bold { try c.encode(bold, forKey: .bold) }
    }

    /// The field key this block shows, if any.
    public var fieldKey: String? {
        switch kind {
        case .field(let k), .choices(let k), .date(let k): return k
        default: return nil
        }
    }
}

extension FormDefinition {
    /// The form asks for the unit's seal (单位公章, （章）, 印章, 盖章) somewhere in its print.
    public var requiresSeal: Bool {
        let marks = ["公章", "（章）", "(章)", "印章", "盖章"]
        var texts: [String] = [title]
        let blocks = layout.header + layout.footer + layout.rows.flatMap { $0.cells.flatMap(\.blocks) }
        for block in blocks {
            switch block.kind {
            case .label(let s), .text(let s): texts.append(s)
            default: break
            }
        }
        return texts.contains { text in marks.contains { text.contains($0) } }
    }
}
