import Foundation
import IntakeTestSupport
import Testing

/// The modules each Swift file under `Sources/<target>/` imports.
private func imports(of target: String) throws -> Set<String> {
    let folder = Repository.root.appendingPathComponent("Sources/\(target)")
    var found: Set<String> = []
    for case let file as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
    where file.pathExtension == "swift" {
        for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
            let words = line.split(separator: " ")
            if let i = words.firstIndex(of: "import"), i + 1 < words.count, words[..<i].allSatisfy({ $0.hasPrefix("@") || $0 == "internal" }) {
                found.insert(String(words[i + 1]))
            }
        }
    }
    return found
}

@Test("Inbox, Revalidate and the CLI reach the readers only through Pipeline; readers do not import the checks")
func moduleFences() throws {
    let readers: Set = ["Readers", "FormReading", "LibXML", "Poppler", "OCR", "PangoCairo"]
    for target in ["Inbox", "Revalidate", "IntakeCLI"] {
        let found = try imports(of: target)
        #expect(found.isDisjoint(with: readers), "\(target) imports \(found.intersection(readers))")
    }
    for target in ["Readers", "FormReading"] {
        #expect(try imports(of: target).isDisjoint(with: ["Checks", "Render", "Pipeline", "Inbox", "Ledger"]), "\(target)")
    }
    #expect(try imports(of: "IntakeCore").isDisjoint(with: ["Glibc", "Foundation", "Catalog"]), "IntakeCore: no C, no I/O")
}

@Test("The README's layout names every source folder, and every path it names exists")
func layoutTable() throws {
    let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
    let section = try #require(readme.components(separatedBy: "## Layout of the code").dropFirst().first)
    let folders = try FileManager.default.contentsOfDirectory(atPath: Repository.root.appendingPathComponent("Sources").path)
    for folder in folders where !folder.hasPrefix(".") {
        #expect(section.contains("`Sources/\(folder)`") || section.contains("`Sources/\(folder)/"), "\(folder) is not in the layout")
    }
    for piece in section.split(separator: "`") where piece.hasPrefix("Sources/") {
        #expect(FileManager.default.fileExists(atPath: Repository.root.appendingPathComponent(String(piece)).path), "\(piece)")
    }
}
