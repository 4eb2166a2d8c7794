import Catalog
import IntakeCore

/// Whether a value read from a layout could be what the applicant wrote in that field at all.
///
/// A value that cannot be (check boxes in a phone, another field's printed words in a name, CJK in
/// an ID number, an option the form does not print) was taken from the wrong place: a blank cell
/// that took the next row's text, a column swapped with its neighbour. Such a value is not vouched
/// for, whatever the characters' confidence. A value that merely fails its check (a phone one
/// digit short) is the applicant's and stays a problem for the notice.
public enum Plausibility {
    /// Why `value` cannot be `field`'s, or nil when it could be.
    public static func doubt(_ value: FieldValue, field: FieldDefinition, form: FormDefinition) -> String? {
        switch value {
        case .text(let text):
            return doubt(text, field: field, form: form)
        case .choices(let list):
            return list.lazy.compactMap { doubt($0, field: field, form: form) }.first
        case .rows(let rows):
            for (n, row) in rows.enumerated() {
                for column in field.columns {
                    guard let cell = row[column.key], let why = doubt(cell, field: column, form: form) else { continue }
                    return "row \(n + 1) \(column.key): \(why)"
                }
            }
            return nil
        }
    }

    static let tickMarks: Set<Character> = ["□", "☐", "☑", "☒", "■", "✓", "✔", "√", "口"]

    static func doubt(_ raw: String, field: FieldDefinition, form: FormDefinition) -> String? {
        let text = raw.filter { !$0.isWhitespace }
        guard !text.isEmpty else { return nil }
        let isChoice = field.type == .choice || field.type == .multiChoice
        // OCR reads an empty □ as 口, which is also a word (口腔); only a typed field cannot hold it.
        let marks = field.type == .text ? tickMarks.subtracting(["口"]) : tickMarks
        if !isChoice, text.contains(where: marks.contains) { return "holds check boxes" }
        // Free text of a paragraph (备注, over 100 characters allowed) may name other fields.
        let paragraph = field.type == .text && (field.maxLength ?? 0) > 100
        if !paragraph, let label = foreignLabel(in: text, field: field, form: form) { return "holds the label \(label)" }
        let cjk = text.filter { $0.unicodeScalars.first.map { (0x3400...0x9FFF).contains($0.value) || $0.value >= 0x20000 } ?? false }
        switch field.type {
        case .bankCard:
            return cjk.isEmpty && text.contains(where: \.isNumber) ? nil : "not a card number"
        case .uscc, .idNumber:
            return text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) ? nil : "not a code"
        case .phone, .mobile:
            return cjk.allSatisfy({ "转分机".contains($0) }) ? nil : "not a phone number"
        case .date:
            return text.contains(where: \.isNumber) && cjk.allSatisfy({ "年月日".contains($0) }) ? nil : "not a date"
        case .integer, .amount:
            return text.contains(where: \.isNumber) ? nil : "not a number"
        case .gender:
            return text == "男" || text == "女" ? nil : "not 男 or 女"
        case .choice, .multiChoice:
            let folded = MatchText.fold(FieldDefinition.optionWithoutEmptyBrackets(raw))
            return field.options.contains { MatchText.fold(FieldDefinition.optionWithoutEmptyBrackets($0)) == folded }
                ? nil : "not an option of the form"
        case .text where !paragraph && !cjk.isEmpty:
            // Words with a date or a phone number in them: a name, unit or address never holds
            // one; a blank cell that took the rows below does (2026/09/02韩新0635-8057156).
            if text.contains(/(19|20)\d{2}[\/.\-年]\d{1,2}[\/.\-月]\d{1,2}/) { return "holds a date" }
            if text.contains(/0\d{2,3}-\d{7,8}|1[3-9]\d{9}/) { return "holds a phone number" }
            // Words start and end with a character, or a bracket that opens or closes them; a
            // stray mark at either end (「侯洋勇, 办公室，) is a scan's debris or a cell edge.
            func word(_ c: Character) -> Bool { c.isLetter || c.isNumber }
            if let first = text.first, !word(first) && !"（(".contains(first) { return "starts with \(first)" }
            if let last = text.last, !word(last) && !"）)".contains(last) { return "ends with \(last)" }
            return nil
        case .text, .table:
            return nil
        }
    }

    /// Another field's printed label (four characters or more, so that words a value may share
    /// with a short label do not count) standing inside `text`.
    static func foreignLabel(in text: String, field: FieldDefinition, form: FormDefinition) -> String? {
        let own = MatchText.label(field.label)
        let folded = MatchText.fold(text)
        for other in form.fields + form.fields.flatMap(\.columns) where other.key != field.key {
            let label = MatchText.label(other.label)
            guard label.count >= 4, label != own, !own.contains(label) else { continue }
            if folded.firstRange(of: label) != nil { return other.label }
        }
        return nil
    }
}
