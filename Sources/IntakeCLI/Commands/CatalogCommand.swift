import ArgumentParser
import Catalog
import Foundation
import IntakeCore
import Pipeline

extension IntakeCommand {
    struct CatalogCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "catalog",
            abstract: "The service items (事项) of every guide: list them, show one, or lint the catalog.",
            subcommands: [List.self, Show.self, Check.self],
            defaultSubcommand: List.self)
    }
}

extension IntakeCommand.CatalogCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List regions and their items (the default).",
            discussion: "--json prints an array with one object per item and region (id, name, region, materials, source, …).")

        @OptionGroup var catalogOptions: CatalogOptions
        @Option(help: ArgumentHelp("Only this region (6-digit code, e.g. 371500).", valueName: "code"))
        var region: String?
        @Flag(help: "Print JSON for machines.")
        var json = false

        func run() throws {
            let catalog = try catalogOptions.load()
            let items = catalog.items.filter { region == nil || $0.region == region }
                .sorted { ($0.region, $0.source.line) < ($1.region, $1.source.line) }
            if json {
                print(ResultJSON.line(items.map { ItemJSON($0, catalog: catalog) }))
                return
            }
            for region in catalog.regions where items.contains(where: { $0.region == region.code }) {
                let own = items.filter { $0.region == region.code }
                print("\(region.code) \(region.name) — \(own.count) 项 (guide \(region.guide))")
                for item in own {
                    let form = item.form.map { "  表格 \($0)" } ?? ""
                    print("  \(item.id)  \(item.name)  [\(item.category)]  \(item.materials.count) 项材料\(form)  [\(item.source)]")
                }
            }
            print("\(items.count) items in \(Set(items.map(\.region)).count) regions; \(catalog.forms.count) forms with layout, "
                  + "\(catalog.namedForms.count) named forms")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print an item's material list with conditions and sources, as a clerk reads it.")

        @OptionGroup var catalogOptions: CatalogOptions
        @Argument(help: ArgumentHelp("The item's id or its name (事项名称).", valueName: "item"))
        var item: String
        @Option(help: ArgumentHelp("The region (6-digit code); all regions when omitted.", valueName: "code"))
        var region: String?
        @Flag(help: "Print JSON for machines.")
        var json = false
        @Flag(help: "Also print the catalog's notes for developers (English): why a rule reads as it does.")
        var notes = false

        func run() throws {
            let catalog = try catalogOptions.load()
            let found = catalog.items.filter {
                ($0.id == item || $0.name == item || $0.aliases.contains(item)) && (region == nil || $0.region == region)
            }.sorted { $0.region < $1.region }
            guard !found.isEmpty else {
                throw ValidationError("no item \"\(item)\"\(region.map { " in region \($0)" } ?? ""); see `intake catalog`")
            }
            if json {
                print(ResultJSON.line(found.map { ItemJSON($0, catalog: catalog) }))
                return
            }
            print(found.map { ItemText.render($0, catalog: catalog, notes: notes) }.joined(separator: "\n\n"))
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lint the catalog: sources exist in the guides, references resolve, ids are unique, XSDs compile.",
            discussion: "Exit status 0 when there is no error (warnings are printed), 1 otherwise.")

        @OptionGroup var catalogOptions: CatalogOptions
        @Option(help: ArgumentHelp("The folder of the seed guides (default: ../shared/seeds beside the repository, or $INTAKE_SEEDS).",
                                   valueName: "dir"))
        var seeds: String?

        func run() throws {
            let catalog = try catalogOptions.load(fresh: true)  // decoding, ids, references, layouts
            let seedsURL = seeds.map { URL(fileURLWithPath: $0) } ?? CatalogLint.defaultSeeds(for: catalog)
            var findings = CatalogLint(catalog: catalog, seeds: seedsURL).run()
            for failure in Pipeline.schemaFailures(in: catalog) {
                findings.append(.init(severity: .error, place: "definitions/\(failure.form) schema", message: failure.error))
            }
            for finding in findings { print(finding) }
            let errors = findings.filter { $0.severity == .error }.count
            print("\(catalog.items.count) items, \(catalog.forms.count) forms, \(catalog.namedForms.count) named forms: "
                  + "\(errors) errors, \(findings.count - errors) warnings")
            if errors > 0 { throw ExitCode(1) }
        }
    }
}
