import ArgumentParser
import Catalog
import Foundation
import Pipeline

extension IntakeCommand {
    struct Forms: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the forms and service items (事项) the catalog knows.")

        @OptionGroup var catalogOptions: CatalogOptions

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        struct Listing: Encodable {
            struct FormEntry: Encodable { var id, version, title, source, schema: String }
            struct ItemEntry: Encodable { var id, name, region, regionName: String; var form: String?; var source: String; var materials: Int }
            var forms: [FormEntry]
            var items: [ItemEntry]
        }

        func run() throws {
            let catalog = try catalogOptions.load()
            let listing = Listing(
                forms: catalog.forms.sorted { $0.id < $1.id }.map {
                    .init(id: $0.id, version: $0.version, title: $0.title, source: $0.source.description, schema: $0.schema)
                },
                items: catalog.items.sorted { ($0.region, $0.id) < ($1.region, $1.id) }.map {
                    .init(id: $0.id, name: $0.name, region: $0.region, regionName: catalog.region($0.region)?.name ?? "",
                          form: $0.form, source: $0.source.description, materials: $0.materials.count)
                })
            if json {
                print(ResultJSON.line(listing))
                return
            }
            print("Forms (\(listing.forms.count)) in \(catalog.directory.path):")
            for f in listing.forms { print("  \(f.id)  v\(f.version)  \(f.title)  [\(f.source)]") }
            print("Items (\(listing.items.count)):")
            for i in listing.items {
                print("  \(i.region) \(i.regionName)  \(i.id)  \(i.name)  form \(i.form ?? "-"), \(i.materials) materials  [\(i.source)]")
            }
        }
    }
}
