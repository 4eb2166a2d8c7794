import Foundation

/// Finds the `forms/` catalog wherever intake runs from, so the built executable works from any
/// working directory.
public enum CatalogLocator {
    /// In order: `explicit` (`--forms`), `$INTAKE_FORMS`, `forms/` next to the executable or in a
    /// folder above it (a build inside the repository), `../share/intake/forms` (an installed
    /// copy), then the repository this binary was built from.
    public static func locate(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                              sourceFile: String = #filePath) -> URL? {
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let env = environment["INTAKE_FORMS"], !env.isEmpty { return URL(fileURLWithPath: env) }
        var candidates: [URL] = []
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        candidates.append(dir.deletingLastPathComponent().appendingPathComponent("share/intake/forms"))
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("forms"))
            dir = dir.deletingLastPathComponent()
        }
        // Sources/Catalog/CatalogLocator.swift → repository root.
        let repo = URL(fileURLWithPath: sourceFile).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(repo.appendingPathComponent("forms"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("regions.yaml").path) }
    }
}
