import Catalog
import IntakeCore
import PangoCairo

/// Turns the blocks of a form definition into pieces, filling in the submitted values.
struct BlockPieces {
    let form: FormDefinition
    let values: [String: FieldValue]
    let typesetter: Typesetter
    /// Body size of the form in points.
    let size: Double
    /// Set while filling one row of a table: `values` are that row's and keys name its columns.
    var table: FieldDefinition? = nil

    /// The same pieces filled from one row of `table` (empty for a blank row).
    func row(of table: FieldDefinition, values: [String: FieldValue]) -> BlockPieces {
        BlockPieces(form: form, values: values, typesetter: typesetter, size: size, table: table)
    }

    private func definition(_ key: String) -> FieldDefinition? {
        if let table { return table.column(key) }
        return form.field(key)
    }

    /// The value of `key` as one string; nil for a table's rows, which only a repeat row prints.
    private func written(_ key: String) -> String? {
        guard let value = values[key] else { return nil }
        if case .rows = value { return nil }
        return value.display
    }

    /// Blank inside the brackets of an empty "其他（　　　　）".
    static let blankDetail = String(repeating: "\u{3000}", count: 4)

    func piece(for block: Block, width: Double, cellAlign: HorizontalAlignment?) -> Piece {
        let size = block.size ?? self.size
        let face: Typesetter.Face = block.bold ? .bold : .body
        func text(_ string: String, _ fallback: HorizontalAlignment) -> Piece {
            let align = (block.align ?? cellAlign ?? fallback).textAlignment
            return TextPiece(typesetter.layout(string, face: face, size: size, width: width, align: align))
        }
        switch block.kind {
        case .label(let label):
            return text(label, .center)
        case .text(let paragraph):
            return text(paragraph, .left)
        case .field(let key):
            return text(written(key) ?? "", .left)
        case .date(let key):
            return text(DateText.printed(written(key)), .left)
        case .space(let millimetres):
            return SpacePiece(height: mm(max(0, millimetres)))
        case .choices(let key):
            let align = (block.align ?? cellAlign ?? .left).textAlignment
            let units = choiceUnits(key: key, size: size, face: face)
            return ChoicePiece(units: units, width: width, gap: size * 0.9, lineGap: size * 0.5, align: align)
        }
    }

    /// One layout per option: □ or ☑ then the option as printed.
    private func choiceUnits(key: String, size: Double, face: Typesetter.Face) -> [ChoiceUnit] {
        let field = definition(key)
        var ticked = (values[key]?.options ?? []).map(Self.normalized)
        var units: [ChoiceUnit] = []
        for option in field?.options ?? [] {
            let name = Self.normalized(option)
            let isTicked = ticked.contains(name)
            ticked.removeAll { $0 == name }
            var printed = option
            if let detail = field?.detail, Self.normalized(detail.option) == name {
                let text = written(detail.field)?.trimmingWhitespace() ?? ""
                printed = FieldDefinition.optionWithoutEmptyBrackets(option) + "（" + (text.isEmpty ? Self.blankDetail : text) + "）"
            }
            units.append(unit(printed, ticked: isTicked, size: size, face: face))
        }
        // A ticked value that is not an option is still what was submitted: print it ticked
        // rather than lose it (the checks report it).
        for extra in ticked where !extra.isEmpty {
            units.append(unit(extra, ticked: true, size: size, face: face))
        }
        return units
    }

    private func unit(_ option: String, ticked: Bool, size: Double, face: Typesetter.Face) -> ChoiceUnit {
        // DejaVu's ☑ is drawn smaller than the CJK □; 1.2 × matches their boxes.
        let box = ticked
            ? TextRun("☑", style: TextStyle(family: typesetter.options.checkboxFont, size: size * 1.2, weight: .bold))
            : TextRun("□")
        return ChoiceUnit(box: typesetter.layout([box], face: face, size: size, width: nil),
                          text: typesetter.layout(option, face: face, size: size, width: nil))
    }

    /// Options compare without spaces and without an empty "（）" the template prints for writing in.
    static func normalized(_ option: String) -> String {
        FieldDefinition.optionWithoutEmptyBrackets(String(option.filter { !$0.isWhitespace }))
    }
}

extension HorizontalAlignment {
    var textAlignment: TextAlignment {
        switch self {
        case .left: .left
        case .center: .center
        case .right: .right
        }
    }
}
