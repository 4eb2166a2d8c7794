import Catalog
import Foundation
import IntakeTestSupport
import Testing

@Suite("The catalog cache")
struct CatalogCacheTests {
    @Test("A catalog read back from the cache equals the one decoded from YAML")
    func roundTrip() throws {
        let cache = try TemporaryDirectory("catalog-cache")
        let written = try CatalogCache.load(from: Repository.forms, cacheDirectory: cache.url)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.url.path)
        #expect(files.count == 1 && files[0].hasPrefix("catalog-"), "one cache file: \(files)")
        let cached = try CatalogCache.load(from: Repository.forms, cacheDirectory: cache.url)
        let yaml = Repository.catalog
        for catalog in [written, cached] {
            #expect(catalog.regions == yaml.regions)
            #expect(catalog.forms == yaml.forms)
            #expect(catalog.items == yaml.items)
            #expect(catalog.namedForms == yaml.namedForms)
        }
    }

    @Test("An edited catalog file is seen at once, and a broken one is still reported")
    func edited() throws {
        let temp = try TemporaryDirectory("catalog-cache-edit")
        let forms = temp.url.appendingPathComponent("forms")
        let cache = temp.url.appendingPathComponent("cache")
        try FileManager.default.copyItem(at: Repository.forms, to: forms)
        _ = try CatalogCache.load(from: forms, cacheDirectory: cache)

        // A new name for a material: the same size would not do, the modification time must.
        let file = forms.appendingPathComponent("items/371500-unit-enrollment.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let item = try #require(Repository.catalog.item("unit-enrollment", region: "371500"))
        let old = item.materials[1].name
        let renamed = String(repeating: "甲", count: old.count)
        try text.replacingOccurrences(of: "name: \(old)", with: "name: \(renamed)").write(to: file, atomically: true, encoding: .utf8)
        let reloaded = try CatalogCache.load(from: forms, cacheDirectory: cache)
        #expect(reloaded.item("unit-enrollment", region: "371500")?.materials[1].name == renamed)

        try text.replacingOccurrences(of: "timeLimit:", with: "timeLimits:").write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: CatalogError.self) { try CatalogCache.load(from: forms, cacheDirectory: cache) }
    }

    @Test("A damaged cache file is ignored and rewritten")
    func damaged() throws {
        let cache = try TemporaryDirectory("catalog-cache-bad")
        _ = try CatalogCache.load(from: Repository.forms, cacheDirectory: cache.url)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: cache.url.path).first)
        let file = cache.url.appendingPathComponent(name)
        let bytes = try Data(contentsOf: file)
        try bytes.prefix(bytes.count / 2).write(to: file)
        let catalog = try CatalogCache.load(from: Repository.forms, cacheDirectory: cache.url)
        #expect(catalog.items == Repository.catalog.items)
        #expect(try Data(contentsOf: file) == bytes)
    }

    @Test("INTAKE_CACHE=off turns the cache off; otherwise it lives under the user's cache folder")
    func directory() {
        #expect(CatalogCache.defaultDirectory(environment: ["INTAKE_CACHE": "off", "HOME": "/home/a"]) == nil)
        #expect(CatalogCache.defaultDirectory(environment: ["INTAKE_CACHE": "/tmp/c"])?.path == "/tmp/c")
        #expect(CatalogCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/home/a"])?.path == "/x/intake")
        #expect(CatalogCache.defaultDirectory(environment: ["HOME": "/home/a"])?.path == "/home/a/.cache/intake")
    }
}
