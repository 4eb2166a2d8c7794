import Catalog
import IntakeCore

/// Whether a value passes its field's own check (format, check digit, date): used by readers to
/// distrust an OCR value that fails it.
public enum FieldValidation {
    public static func passes(_ value: FieldValue, field: FieldDefinition, today: CalendarDate = CalendarDate(year: 2100, month: 1, day: 1)!) -> Bool {
        let checker = SubmissionChecker(today: today)
        if field.type == .table, case .rows(let rows) = value {
            return rows.allSatisfy { row in
                field.columns.allSatisfy { column in
                    guard let v = row[column.key], !v.isBlank else { return true }
                    return checker.checkValue(v, field: column, required: false).problems.isEmpty
                }
            }
        }
        return checker.checkValue(value, field: field, required: false).problems.isEmpty
    }
}
