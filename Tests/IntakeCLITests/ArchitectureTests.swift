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
    for target in ["Inbox", "Revalidate", "IntakeCLI", "Console"] {
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

@Test("The README's module graph is what the modules import")
func moduleGraph() throws {
    let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
    let afterHeading = try #require(readme.components(separatedBy: "Module graph (").dropFirst().first)
    let block = try #require(afterHeading.components(separatedBy: "```").dropFirst().first)
    var graph: [String: Set<String>] = [:]
    // Two entries may share a line: "A → x, y     B → z".
    for entry in block.matches(of: /([A-Za-z]+) +→ +(.+?)(?= {3,}[A-Za-z]+ +→|\n|$)/) {
        let targets = entry.output.2.trimmingCharacters(in: .whitespaces)
        graph[String(entry.output.1)] = targets == "(nothing)"
            ? [] : Set(targets.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }
    let folders = try FileManager.default.contentsOfDirectory(atPath: Repository.root.appendingPathComponent("Sources").path)
    let packages: Set = ["Yams", "GRDB", "PostgresNIO", "ZIPFoundation", "Crypto", "ArgumentParser", "Logging", "Hummingbird",
                         "HummingbirdTLS", "HummingbirdBcrypt", "Mustache", "MultipartKit", "HTTPTypes", "NIOCore", "NIOPosix"]
    let modules = Set(folders.filter { !$0.hasPrefix(".") && !($0.hasPrefix("C") && $0.dropFirst().first?.isUppercase == true) })
        .subtracting(["IntakeTestSupport"])
    #expect(Set(graph.keys) == modules, "graph lists \(graph.keys.sorted()), Sources holds \(modules.sorted())")
    for module in modules {
        let imported = try imports(of: module).intersection(modules.union(packages))
        #expect(graph[module] == imported, "\(module): README says \(graph[module]?.sorted() ?? []), code imports \(imported.sorted())")
    }
}

@Test("One rectangle and one grey raster: no other type spells out corners or holds a page's pixels")
func oneGeometry() throws {
    let sources = Repository.root.appendingPathComponent("Sources")
    for case let file as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
    where file.pathExtension == "swift" && file.lastPathComponent != "Geometry.swift" {
        let text = try String(contentsOf: file, encoding: .utf8)
        let name = file.lastPathComponent
        #expect(!text.contains(/(var|let) x0: Double, y0: Double/), "\(name) spells out a rectangle")
        #expect(!text.contains(/x0: Double, y0: Double, x1: Double, y1: Double\)/), "\(name) has a rectangle tuple")
        #expect(!text.contains(/public (var|let) pixels: \[UInt8\]/), "\(name) holds its own raster")
    }
}
