import Catalog
import Foundation
import IntakeCore

/// Says which material of an item's list (申办材料) each supporting file is, by what the file
/// shows (its text layer, else OCR): a photo of an ID card named `scan0001.jpg` is the ID card,
/// and one named 营业执照.jpg is still the ID card. The file's name counts only when its content
/// says nothing. Reads the facts a clerk compares on the way.
public struct MaterialClassifier: Sendable {
    /// A file recognised (or not) as a material, and why.
    public struct Finding: Sendable, Hashable {
        public var file: String
        public var material: String?
        /// How it was recognised: `content` (what it shows), `name` (its file name), `text` (its
        /// text names the material); nil when it was not.
        public var evidence: String?
        /// The kind of document its content shows (`id-card-front`), nil when none.
        public var kind: String?
        /// 0…1: how surely the kind was recognised.
        public var confidence: Double?
        public var facts: [MaterialFact] = []
        /// Why its pages cannot be read (太暗, 空白), nil when they can.
        public var unreadable: String?
    }

    /// Score a document must reach for a kind: a title, or several lesser printed words.
    static let recognisedScore = 4.0
    /// Confidence below which a recognised kind is not trusted to name a material: the file goes
    /// to the clerk as unrecognised rather than being taken for the wrong material.
    public static let trustedConfidence = 0.5

    let materials: [Material]
    let kinds: [MaterialKind]
    /// The item's material that is the application form itself.
    let applicationMaterial: String?
    let recognizer: PageRecognizer?
    let today: CalendarDate

    /// `item` nil: kinds are recognised and facts read, no material is named (a corpus, a benchmark).
    /// `form`: the application's form, whose pages (a sealed page scanned apart) are that material.
    public init(item: ServiceItem?, form: FormDefinition? = nil, catalog: Catalog, recognizer: PageRecognizer?, today: CalendarDate) {
        // The application form is the submission itself; a named form (承诺书, 名单) is a document.
        materials = (item?.materials ?? []).filter { !$0.isApplicationForm && ($0.formRef.map { catalog.form($0) == nil } ?? true) }
        // Each named form the item asks for is a kind of its own, known by its title.
        let named = materials.compactMap { material -> MaterialKind? in
            guard let ref = material.formRef, let form = catalog.namedForm(ref) else { return nil }
            var evidence: [String: Double] = [:]
            for title in [form.title] + form.aliases where title.count >= 4 { evidence[title] = 7 }
            return MaterialKind(id: "named:\(form.id)", name: form.title, evidence: evidence,
                                materials: [material.name], facts: [.name, .idNumber])
        }
        var own: [MaterialKind] = []
        if let form, !form.isItemApplication,
           let application = item?.materials.first(where: { $0.isApplicationForm || $0.formRef == form.id }) {
            own.append(MaterialKind(id: "application-form", name: form.title, evidence: [form.title: 8],
                                    materials: [application.name], facts: []))
            applicationMaterial = application.id
        } else {
            applicationMaterial = nil
        }
        kinds = own + named + catalog.materialKinds
        self.recognizer = recognizer
        self.today = today
    }

    /// Classifies every file. Several files may provide one material (an ID card's two sides).
    public func classify(_ files: [(name: String, contents: Data)]) -> [Finding] {
        var given = Set<String>()
        return files.map { file in
            var finding = Finding(file: file.name)
            let text = MaterialText.read([UInt8](file.contents), recognizer: recognizer)
            finding.unreadable = text?.unreadable
            if let text, let (kind, confidence) = recognise(text) {
                finding.kind = kind.id
                finding.confidence = confidence
                finding.facts = MaterialFacts.read(text, kind: kind, today: today)
            }
            if let kindID = finding.kind, let confidence = finding.confidence, confidence >= Self.trustedConfidence,
               let kind = kinds.first(where: { $0.id == kindID }) {
                if kind.id == "application-form", let id = applicationMaterial {
                    finding.material = id
                    finding.evidence = "content"
                    return finding
                }
                let candidates = materials.filter { kind.provides($0) }
                if let material = candidates.first(where: { !given.contains($0.id) }) ?? candidates.first {
                    finding.material = material.id
                    finding.evidence = "content"
                }
            } else if finding.kind == nil, let material = byName(file.name) ?? text.flatMap(byText) {
                finding.material = material.0.id
                finding.evidence = material.1
            }
            if let id = finding.material { given.insert(id) }
            return finding
        }
    }

    /// The kind the text shows best, with a confidence; nil below a title's weight. A narrow lead
    /// over another kind lowers the confidence.
    func recognise(_ text: MaterialText) -> (MaterialKind, Double)? {
        let folded = text.folded, headings = text.headings
        guard !folded.isEmpty else { return nil }
        let scored = kinds.map { kind in
            // A word read with one character off counts half: 社会保障号码 is one off 社会保障卡.
            // So does a word found only in running text.
            let words = kind.evidence.reduce(0.0) { sum, entry in
                sum + (headings.contains(entry.key) ? entry.value
                    : folded.contains(entry.key) || Self.shows(headings, entry.key) ? entry.value / 2 : 0)
            }
            let numbers = (kind.numbers ?? [:]).reduce(0.0) { sum, entry in sum + (shows(entry.key, in: text) ? entry.value : 0) }
            return (kind, words + numbers)
        }.sorted { $0.1 > $1.1 }
        guard let (best, score) = scored.first, score >= Self.recognisedScore else { return nil }
        let runnerUp = scored.dropFirst().first { !Self.sameDocument($0.0, best) }?.1 ?? 0
        // Two kinds nearly tied (a 居住证回执 against a 居住证): the lead decides how sure it is.
        let lead = (score - runnerUp) / score
        let confidence = min(1, score / 8) * (lead >= 0.3 ? 1 : 0.5 + lead)
        return (best, (confidence * 100).rounded() / 100)
    }

    /// Whether the text holds a number of the fact's shape that passes its check.
    func shows(_ fact: MaterialKind.Fact, in text: MaterialText) -> Bool {
        switch fact {
        case .cardNumber:
            // A bank card's first digit (UnionPay 62, Visa 4, Mastercard 5); an 18-digit ID number
            // that happens to pass the Luhn check is no card.
            guard let (number, _) = MaterialFacts.cardNumber(in: text.lines), let first = number.first, "456".contains(first)
            else { return false }
            if case .valid = CitizenID.check(number, today: today) { return false }
            return true
        default:
            return false
        }
    }

    /// Two kinds that provide the same materials (an ID card's sides) are not rivals.
    static func sameDocument(_ a: MaterialKind, _ b: MaterialKind) -> Bool { Set(a.materials) == Set(b.materials) }

    /// Whether `text` shows `word`: whole, or for a word of five or more characters, on one line
    /// with one character misread or dropped (OCR's slips in a title). Not a longer word that
    /// merely starts the same: 统一社会信用代码/纳税人识别号 on an invoice is no 统一社会信用代码证书.
    static func shows(_ text: String, _ word: String) -> Bool {
        if text.contains(word) { return true }
        let w = Array(word)
        guard w.count >= 5 else { return false }
        let shorter = w.indices.map { k in var v = w; v.remove(at: k); return String(v) }
        return text.split(separator: "\n").contains { line in
            let l = Array(line)
            if l.count >= w.count {
                for start in 0...(l.count - w.count) {
                    var differ = 0
                    for k in w.indices where l[start + k] != w[k] {
                        differ += 1
                        if differ > 1 { break }
                    }
                    if differ <= 1 { return true }
                }
            }
            return shorter.contains { line.contains($0) }
        }
    }

    func byName(_ name: String) -> (Material, String)? {
        let stem = Self.fold(Self.stem(name))
        return materials.first { material in
            cores(material).contains { core in stem.contains(core) || (stem.count >= 3 && core.contains(stem)) }
        }.map { ($0, "name") }
    }

    func byText(_ text: MaterialText) -> (Material, String)? {
        let folded = text.folded
        return materials.first { material in cores(material).contains { Self.mentions(folded, core: $0) } }.map { ($0, "text") }
    }

    func cores(_ material: Material) -> [String] {
        ([material.name] + material.aliases).map { Self.core(Self.fold($0)) }.filter { $0.count >= 2 }
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
}
