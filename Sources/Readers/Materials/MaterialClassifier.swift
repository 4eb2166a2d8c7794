import Catalog
import Foundation
import IntakeCore
import Poppler

/// Says which material of an item's list (申办材料) a supporting file is, from its name and from
/// the text of its first page, so the material check knows what was really provided.
public struct MaterialClassifier: Sendable {
    /// A file recognised (or not) as a material, and why.
    public struct Finding: Sendable, Hashable {
        public var file: String
        public var material: String?
        /// How it was recognised: `name` (the file's name), `text` (its first page), both.
        public var evidence: String?
    }

    let materials: [Material]

    public init(item: ServiceItem) {
        materials = item.materials.filter { !$0.isApplicationForm && $0.formRef == nil }
    }

    /// Classifies every file; each material is given to at most one file (the best evidence first).
    /// `contents`: a bundle's mapped files; only a PDF's is read (its first page), and copied for that.
    public func classify(_ files: [(name: String, contents: Data)]) -> [Finding] {
        var scored: [(file: Int, material: Int, score: Int, evidence: String)] = []
        for (f, file) in files.enumerated() {
            let stem = Self.fold(Self.stem(file.name))
            let text = Self.fold(Self.firstPageText(file.contents))
            for (m, material) in materials.enumerated() {
                let cores = ([material.name] + material.aliases).map { Self.core(Self.fold($0)) }.filter { $0.count >= 2 }
                let byName = cores.contains { core in stem.contains(core) || (stem.count >= 3 && core.contains(stem)) }
                let byText = !text.isEmpty && cores.contains { Self.mentions(text, core: $0) }
                guard byName || byText else { continue }
                let score = (byName ? 2 : 0) + (byText ? 1 : 0)
                scored.append((f, m, score, byName && byText ? "name+text" : byName ? "name" : "text"))
            }
        }
        var given: [Int: (Int, String)] = [:]
        var taken = Set<Int>()
        for s in scored.sorted(by: { ($0.score, -$0.file) > ($1.score, -$1.file) }) where given[s.file] == nil && !taken.contains(s.material) {
            given[s.file] = (s.material, s.evidence)
            taken.insert(s.material)
        }
        return files.enumerated().map { f, file in
            Finding(file: file.name, material: given[f].map { materials[$0.0].id }, evidence: given[f]?.1)
        }
    }

    /// The material's own words, without what says how it is handed in (复印件, 原件, 加盖公章 …).
    static func core(_ name: String) -> String {
        var s = name
        for bracket in [("(", ")"), ("（", "）"), ("《", "》")] {
            while let open = s.range(of: bracket.0), let close = s.range(of: bracket.1, range: open.upperBound..<s.endIndex) {
                let inner = String(s[open.upperBound..<close.lowerBound])
                s.replaceSubrange(open.lowerBound..<close.upperBound, with: bracket.0 == "《" ? inner : "")
            }
        }
        for suffix in ["原件及复印件", "复印件及原件", "原件或复印件", "原件和复印件", "复印件", "原件", "扫描件", "一份", "1份"] {
            while s.hasSuffix(suffix) { s.removeLast(suffix.count) }
        }
        return s
    }

    /// The text names the material: the whole core, or (for long cores) most of its 4-character pieces.
    static func mentions(_ text: String, core: String) -> Bool {
        if text.contains(core) { return true }
        let chars = Array(core)
        guard chars.count >= 6 else { return false }
        let pieces = (0...(chars.count - 4)).map { String(chars[$0..<($0 + 4)]) }
        return Double(pieces.filter(text.contains).count) >= 0.85 * Double(pieces.count)
    }

    static func stem(_ name: String) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = base.lastIndex(of: ".") else { return base }
        return String(base[..<dot])
    }

    static func fold(_ s: String) -> String {
        String(s.filter { !$0.isWhitespace && $0 != "\u{3000}" })
    }

    /// The first page's text of a PDF; empty for images and anything unreadable.
    static func firstPageText(_ contents: Data) -> String {
        guard contents.starts(with: Array("%PDF".utf8)), let document = try? PDFDocument(bytes: [UInt8](contents)),
              let page = document.page(at: 0) else { return "" }
        return String(page.text.prefix(4000))
    }
}
