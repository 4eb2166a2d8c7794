import Catalog
import Foundation
import IntakeTestSupport
import Render
import Testing

@Test("The blank render of every form holds every label of its template and every printed option",
      arguments: Repository.catalog.forms.map(\.id))
func blankFormHoldsEveryLabel(formID: String) throws {
    let form = try #require(Repository.catalog.form(formID))
    let temp = try TemporaryDirectory("blank")
    let path = temp.path("\(formID).pdf")
    try Data(try FormRenderer().render(form, values: [:])).write(to: URL(fileURLWithPath: path))
    let text = squeezed(try pdfText(path))
    let raw = squeezed(try pdfRawText(path))
    func printed(_ s: String) -> Bool { text.containsWrapped(s) || raw.contains(s) }
    #expect(printed(squeezed(form.title)))
    let blocks = form.layout.header + form.layout.footer + form.layout.rows.flatMap { $0.cells.flatMap(\.blocks) }
    for block in blocks {
        switch block.kind {
        case .label(let s), .text(let s):
            for part in s.split(separator: "\n") where !squeezed(String(part)).isEmpty {
                #expect(printed(squeezed(String(part))), "\(formID): \"\(part)\" is not printed")
            }
        default:
            break
        }
    }
    let fields = form.fields.flatMap { $0.type == .table ? $0.columns : [$0] }
    for option in fields.flatMap(\.options) { #expect(printed(squeezed(option)), "\(formID): option \(option)") }
    // Nothing is ticked on a blank form.
    #expect(!text.contains("☑"))
}
