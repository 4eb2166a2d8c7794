import Foundation

/// Checks the catalog against the guides themselves: every source names a seed that exists and
/// lines inside it, and the text a rule quotes stands on the lines it cites.
public struct CatalogLint: Sendable {
    public struct Finding: Sendable, Hashable, CustomStringConvertible {
        public enum Severity: String, Sendable, Hashable { case error, warning }
        public var severity: Severity
        /// Where in the catalog: `items/371500-unit-enrollment.yaml materials[1].source`.
        public var place: String
        public var message: String
        public var description: String { "\(severity.rawValue): \(place): \(message)" }

        public init(severity: Severity, place: String, message: String) {
            self.severity = severity
            self.place = place
            self.message = message
        }
    }

    public let catalog: Catalog
    /// The folder holding the seed guides (`000_….txt` …).
    public let seeds: URL

    public init(catalog: Catalog, seeds: URL) {
        self.catalog = catalog
        self.seeds = seeds
    }

    /// The seeds folder beside the repository (`../shared/seeds` from the catalog's parent), or
    /// `$INTAKE_SEEDS`.
    public static func defaultSeeds(for catalog: Catalog,
                                    environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let env = environment["INTAKE_SEEDS"], !env.isEmpty { return URL(fileURLWithPath: env) }
        return catalog.directory.standardizedFileURL.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/seeds")
    }

    public func run() -> [Finding] {
        var findings: [Finding] = []
        var texts: [String: [String]] = [:]
        func lines(_ file: String) -> [String]? {
            if let cached = texts[file] { return cached }
            guard let text = try? String(contentsOf: seeds.appendingPathComponent(file), encoding: .utf8) else { return nil }
            let split = text.components(separatedBy: "\n")
            texts[file] = split
            return split
        }
        func quoted(_ ref: SourceRef) -> String? {
            guard let all = lines(ref.file), ref.line <= all.count else { return nil }
            return all[(ref.line - 1)..<min(all.count, ref.endLine ?? ref.line)].joined()
        }
        func check(_ ref: SourceRef, at place: String, quoting text: String? = nil) {
            guard let all = lines(ref.file) else {
                findings.append(.init(severity: .error, place: place, message: "seed \(ref.file) not found in \(seeds.path)"))
                return
            }
            let last = ref.endLine ?? ref.line
            guard last <= all.count else {
                findings.append(.init(severity: .error, place: place,
                                      message: "\(ref) is past the end of the guide (\(all.count) lines)"))
                return
            }
            if let text, let line = quoted(ref), !Self.squeeze(line).contains(Self.squeeze(text)) {
                findings.append(.init(severity: .warning, place: place, message: "\"\(text)\" does not stand on \(ref)"))
            }
        }
        for form in catalog.forms {
            check(form.source, at: "definitions/\(form.id) source", quoting: nil)
        }
        for form in catalog.namedForms {
            check(form.source, at: "named \(form.id) source")
            if let obtain = form.obtain { check(obtain.source, at: "named \(form.id) obtain") }
        }
        for item in catalog.items {
            let file = "items/\(item.region)-\(item.id)"
            check(item.source, at: "\(file) source")
            check(item.serviceObject.source, at: "\(file) serviceObject")
            check(item.timeLimit.source, at: "\(file) timeLimit", quoting: item.timeLimit.value)
            for (i, mode) in item.modes.enumerated() { check(mode.source, at: "\(file) modes[\(i)]") }
            for (i, step) in item.steps.enumerated() { check(step.source, at: "\(file) steps[\(i)]") }
            for (i, d) in item.differences.enumerated() { check(d.source, at: "\(file) differences[\(i)]") }
            for (i, c) in item.conditions.enumerated() { check(c.source, at: "\(file) conditions[\(i)]") }
            for (i, m) in item.materials.enumerated() {
                check(m.source, at: "\(file) materials[\(i)]", quoting: m.name)
            }
            for (i, office) in item.offices.enumerated() {
                let refs = [office.address?.source, office.servicePhones?.source, office.supervisionPhones?.source,
                            office.queryPhones?.source].compactMap { $0 }
                for ref in refs { check(ref, at: "\(file) offices[\(i)]") }
            }
        }
        return findings
    }

    /// Text without white space, brackets or quotes, for "does this stand there" comparisons.
    static func squeeze(_ s: String) -> String {
        String(s.unicodeScalars.filter {
            !$0.properties.isWhitespace && !"《》“”\"'（）()、，,。.；;：:".unicodeScalars.contains($0)
        }.map(Character.init))
    }
}
