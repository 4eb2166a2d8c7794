internal import CPoppler
import IntakeCore

/// One AcroForm widget, copied out of poppler.
public struct PDFFormField: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case text(value: String, multiline: Bool)
        case checkbox(on: Bool)
        case radio(on: Bool)
        case pushButton
        case choice(options: [String], selected: [String])
        case signature
        case unknown
    }
    /// The fully qualified field name (`/T` of the field and its parents).
    public var name: String
    /// The tooltip (`/TU`), which often carries the printed label when the name does not.
    public var tooltip: String?
    /// The export name (`/TM`), when given.
    public var mappingName: String?
    public var kind: Kind
    public var readOnly: Bool
    /// 0-based page and the widget's box in points from the page's top left.
    public var page: Int
    public var box: Rect

    init(_ field: OpaquePointer, area: PopplerRectangle, page: Int) {
        func take(_ raw: UnsafeMutablePointer<gchar>?) -> String? {
            guard let raw else { return nil }
            defer { cpop_free(raw) }
            let value = String(cString: raw)
            return value.isEmpty ? nil : value
        }
        name = take(poppler_form_field_get_name(field)) ?? take(poppler_form_field_get_partial_name(field)) ?? ""
        tooltip = take(poppler_form_field_get_alternate_ui_name(field))
        mappingName = take(poppler_form_field_get_mapping_name(field))
        readOnly = poppler_form_field_is_read_only(field) != 0
        self.page = page
        box = Rect(corner: (area.x1, area.y1), (area.x2, area.y2))
        switch poppler_form_field_get_field_type(field) {
        case POPPLER_FORM_FIELD_TEXT:
            let multiline = poppler_form_field_text_get_text_type(field) == POPPLER_FORM_TEXT_MULTILINE
            kind = .text(value: take(poppler_form_field_text_get_text(field)) ?? "", multiline: multiline)
        case POPPLER_FORM_FIELD_BUTTON:
            let on = poppler_form_field_button_get_state(field) != 0
            switch poppler_form_field_button_get_button_type(field) {
            case POPPLER_FORM_BUTTON_CHECK: kind = .checkbox(on: on)
            case POPPLER_FORM_BUTTON_RADIO: kind = .radio(on: on)
            default: kind = .pushButton
            }
        case POPPLER_FORM_FIELD_CHOICE:
            let count = Int(poppler_form_field_choice_get_n_items(field))
            var options: [String] = [], selected: [String] = []
            for i in 0..<min(count, 1000) {
                let item = take(poppler_form_field_choice_get_item(field, Int32(i))) ?? ""
                options.append(item)
                if poppler_form_field_choice_is_item_selected(field, Int32(i)) != 0 { selected.append(item) }
            }
            if selected.isEmpty, let typed = take(poppler_form_field_choice_get_text(field)) { selected = [typed] }
            kind = .choice(options: options, selected: selected)
        case POPPLER_FORM_FIELD_SIGNATURE: kind = .signature
        default: kind = .unknown
        }
    }
}
