import Catalog
import Foundation
import IntakeCore
import Readers

/// One libFuzzer entry point for the three readers; `INTAKE_FUZZ` picks one:
/// `xml` (the XML reader with its schema), `pdf` (the PDF reader up to form recognition and
/// layout reading, no OCR), `zip` (the zip bundle reader, then the application in it).
/// Every input must end in a value or an `IntakeError`: a trap, a hang or an ASan report is a bug.
enum Harness {
    static let reader: SubmissionReader = {
        let forms = URL(fileURLWithPath: ProcessInfo.processInfo.environment["INTAKE_FORMS"] ?? "forms")
        guard let catalog = try? Catalog.load(from: forms) else { fatalError("cannot load the catalog at \(forms.path)") }
        return SubmissionReader(catalog: catalog, recognizer: nil, validate: { _, _ in true })
    }()
    static let target = ProcessInfo.processInfo.environment["INTAKE_FUZZ"] ?? "xml"

    static func run(_ bytes: [UInt8]) {
        switch target {
        case "zip":
            guard case .bundle(let bundle)? = try? reader.input(bytes, path: "fuzz.zip") else { return }
            _ = try? reader.application(in: bundle, path: "fuzz.zip")
        default:
            _ = try? reader.read(bytes, path: target == "pdf" ? "fuzz.pdf" : "fuzz.xml")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Harness.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry point under this name; libFuzzer's driver takes over.
@_cdecl("IntakeFuzz_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) }
}
#else
/// Without libFuzzer (a plain `swift build` of this package): replays the files named.
@main
struct Replay {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            Harness.run(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            print("ok \(path)")
        }
    }
}
#endif
