import ArgumentParser
import Foundation
import Pipeline

extension IntakeCommand {
    /// The child process `intake watch` reads every PDF in first (`IsolatedReading`): if poppler
    /// crashes on a file, this process dies, not the service.
    struct Rehearse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read one file as `process` would, without OCR and writing nothing (run by `intake watch`).",
            shouldDisplay: false)

        @OptionGroup var catalogOptions: CatalogOptions
        @Argument(help: ArgumentHelp("The file.", valueName: "path"))
        var path: String

        func run() throws {
            let catalog = try catalogOptions.load()
            let pipeline = Pipeline(catalog: catalog, options: .init(outputRoot: URL(fileURLWithPath: "/nonexistent")))
            let bytes = try pipeline.readFile(path)
            // Test hook: the crash a poppler bug would cause, on files carrying the marker.
            if let marker = ProcessInfo.processInfo.environment["INTAKE_TEST_CRASH_MARKER"], !marker.isEmpty,
               bytes.firstRange(of: Array(marker.utf8)) != nil {
                UnsafeMutablePointer<Int>(bitPattern: 8)!.pointee = 1
            }
            pipeline.rehearse(bytes: bytes)
        }
    }
}
