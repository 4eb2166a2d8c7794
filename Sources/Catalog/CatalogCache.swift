import Foundation

/// A validated catalog kept as one JSON file, so that a command checking a few submissions does
/// not spend most of its time decoding two hundred YAML files (about 0.7 s in a release build).
///
/// The cache is used only when every catalog file the loader reads (name, size, modification time
/// to the nanosecond) and the executable itself are exactly as they were when it was written;
/// anything else, or any error reading it, falls back to `Catalog.load(from:)`, which validates.
public enum CatalogCache {
    /// Raised when the stored layout changes.
    static let format = "intake.catalog-cache/3"

    /// `$INTAKE_CACHE`, else `$XDG_CACHE_HOME/intake`, else `~/.cache/intake`; nil when
    /// `INTAKE_CACHE` is `off` or no home is known.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let dir = environment["INTAKE_CACHE"], !dir.isEmpty {
            return dir == "off" ? nil : URL(fileURLWithPath: dir)
        }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("intake")
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/intake")
    }

    /// The catalog of `directory`, from the cache in `cacheDirectory` when it is current; otherwise
    /// loaded from YAML and validated, and the cache rewritten (silently skipped if it cannot be).
    public static func load(from directory: URL, cacheDirectory: URL?) throws(CatalogError) -> Catalog {
        guard let cacheDirectory, let stamp = stamp(of: directory) else { return try Catalog.load(from: directory) }
        let file = cacheDirectory.appendingPathComponent("catalog-\(fnv1a(directory.standardizedFileURL.path)).json")
        if let catalog = read(file, stamp: stamp, directory: directory) { return catalog }
        let catalog = try Catalog.load(from: directory)
        write(catalog, stamp: stamp, to: file)
        return catalog
    }

    /// Items without their offices, and each distinct office list once: most items of a city
    /// share one, and decoding them was a third of the time.
    struct Stored: Codable {
        var regions: [Region]
        var forms: [FormDefinition]
        var items: [ServiceItem]
        var namedForms: [NamedForm]
        var guides: [Guide]
        var materialKinds: [MaterialKind]
        var officeLists: [[Office]]
        /// Per item, its list in `officeLists`.
        var itemOffices: [Int]

        init(_ catalog: Catalog) {
            regions = catalog.regions
            forms = catalog.forms
            namedForms = catalog.namedForms
            guides = catalog.guides
            materialKinds = catalog.materialKinds
            var lists: [[Office]] = []
            var index: [[Office]: Int] = [:]
            itemOffices = catalog.items.map { item in
                if let i = index[item.offices] { return i }
                lists.append(item.offices)
                index[item.offices] = lists.count - 1
                return lists.count - 1
            }
            officeLists = lists
            items = catalog.items.map { item in
                var bare = item
                bare.offices = []
                return bare
            }
        }

        var catalogItems: [ServiceItem]? {
            guard itemOffices.count == items.count, itemOffices.allSatisfy(officeLists.indices.contains) else { return nil }
            return zip(items, itemOffices).map { item, list in
                var item = item
                item.offices = officeLists[list]
                return item
            }
        }
    }

    /// First line: the stamp; the rest: the catalog as JSON.
    static func read(_ file: URL, stamp: String, directory: URL) -> Catalog? {
        guard let data = try? Data(contentsOf: file), let newline = data.firstIndex(of: 0x0A),
              String(decoding: data[..<newline], as: UTF8.self) == stamp,
              let stored = try? JSONDecoder().decode(Stored.self, from: data[(newline + 1)...]),
              let items = stored.catalogItems else { return nil }
        return Catalog(validated: directory, regions: stored.regions, forms: stored.forms, items: items,
                       namedForms: stored.namedForms, guides: stored.guides, materialKinds: stored.materialKinds)
    }

    static func write(_ catalog: Catalog, stamp: String, to file: URL) {
        let stored = Stored(catalog)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // the same catalog, the same bytes
        guard let json = try? encoder.encode(stored) else { return }
        let temp = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).\(getpid()).tmp")
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (Data((stamp + "\n").utf8) + json).write(to: temp)
            guard rename(temp.path, file.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temp)
        }
    }

    /// Names, sizes and modification times of every file `Catalog.load` reads, and of the running
    /// executable (whose types the JSON encodes); nil when one cannot be read.
    static func stamp(of directory: URL) -> String? {
        var parts = [format]
        func add(_ path: String, as name: String) -> Bool {
            var info = stat()
            guard stat(path, &info) == 0 else { return false }
            parts.append("\(name) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
            return true
        }
        guard add("/proc/self/exe", as: "exe"), add(directory.appendingPathComponent("regions.yaml").path, as: "regions.yaml") else {
            return nil
        }
        _ = add(directory.appendingPathComponent("materials.yaml").path, as: "materials.yaml")
        for folder in ["definitions", "items", "named"] {
            let url = directory.appendingPathComponent(folder)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
                if folder == "named" { continue }
                return nil
            }
            for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                guard add(url.appendingPathComponent(name).path, as: "\(folder)/\(name)") else { return nil }
            }
        }
        return parts.joined(separator: "|")
    }

    /// A short stable name for a catalog folder's cache file.
    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
