import ArgumentParser
import Foundation
import Pipeline
import Render

extension IntakeCommand {
    struct Blank: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a blank official form as an A4 PDF, for applicants to fill in by hand.")

        @OptionGroup var catalogOptions: CatalogOptions

        @Argument(help: ArgumentHelp("The form id (see `intake forms`).", valueName: "form"))
        var form: String

        @Option(name: [.short, .customLong("out")], help: ArgumentHelp("Where to write the PDF (default: <form>-blank.pdf).",
                                                                         valueName: "file"))
        var out: String?

        func run() throws {
            let catalog = try catalogOptions.load()
            guard let definition = catalog.form(form) else {
                throw ValidationError("unknown form \"\(form)\"; known: \(catalog.forms.map(\.id).sorted().joined(separator: ", "))")
            }
            let path = out ?? "\(form)-blank.pdf"
            let bytes = try FormRenderer().render(definition, values: [:])
            do {
                try OutputStore.writeAtomically(bytes, to: path)
            } catch {
                throw ValidationError("\(error)")
            }
            print(path)
        }
    }
}
