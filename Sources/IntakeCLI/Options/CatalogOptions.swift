import ArgumentParser
import Catalog
import Foundation

/// `--forms`: which catalog to use.
struct CatalogOptions: ParsableArguments {
    @Option(name: .customLong("forms"), help: ArgumentHelp("The catalog folder (regions.yaml, definitions/, items/, schemas/).",
                                                          valueName: "dir"))
    var formsDirectory: String?

    /// The catalog folder this run uses (nil when none is found).
    var located: URL? { CatalogLocator.locate(explicit: formsDirectory) }

    /// Loads and validates the catalog, or exits with a one-line error naming the bad file.
    /// `fresh` reads the YAML even when the catalog cache (`CatalogCache`) is current.
    func load(fresh: Bool = false) throws -> Catalog {
        guard let url = CatalogLocator.locate(explicit: formsDirectory) else {
            throw ValidationError("cannot find the forms/ catalog; pass --forms DIR or set INTAKE_FORMS")
        }
        do {
            return try CatalogCache.load(from: url, cacheDirectory: fresh ? nil : CatalogCache.defaultDirectory())
        } catch {
            Diagnostics.line("intake: catalog \(url.path): \(error)")
            throw ExitCode(2)
        }
    }
}
