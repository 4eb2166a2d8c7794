import Catalog
import Foundation
import IntakeCore

/// Where a value was read and how sure the reader is of it.
public struct ReadValue: Sendable, Hashable {
    public var value: FieldValue
    /// 1-based page; nil when nothing was found.
    public var page: Int?
    public var box: Rect?
    /// Lowest per-character probability of the value (1 for text a program wrote).
    public var confidence: Double
    /// Part of the value lies under a seal (scans): misreads there come with high confidence.
    public var underSeal: Bool
    /// Which cell holds the value, or that it is blank, is a guess: the label before the value's
    /// cell was not found, or no ruled cell bounds a blank.
    public var placeGuessed = false

    public init(value: FieldValue, page: Int?, box: Rect?, confidence: Double, underSeal: Bool) {
        self.value = value
        self.page = page
        self.box = box
        self.confidence = confidence
        self.underSeal = underSeal
    }
}

/// Reads a form's values from positioned text: finds the printed labels of the form's layout,
/// the cells they head (from ruling lines, or from the text around them when the form has none),
/// and the values in those cells.
public struct LayoutReader {
    public let form: FormDefinition
    private let plan: FormPlan
    private var placed: [[PlacedCell]] { plan.placed }
    private var stoppers: [Stopper] { plan.stoppers }

    public init(form: FormDefinition) {
        self.init(form: form, plan: FormPlan(form))
    }

    /// A reader for the form of `signature`, whose layout is already prepared.
    public init(_ signature: Signature) {
        self.init(form: signature.form, plan: signature.plan)
    }

    private init(form: FormDefinition, plan: FormPlan) {
        self.form = form
        self.plan = plan
    }

    /// The printed words a form is recognised by: its title and its distinct labels, folded.
    /// Also carries the form's prepared layout, so each file read does not prepare it again.
    public struct Signature: Sendable {
        public let form: FormDefinition
        let title: [UInt8]
        let labels: [[UInt8]]
        let plan: FormPlan

        public init(form: FormDefinition) {
            self.form = form
            plan = FormPlan(form)
            title = Array(String(MatchText.label(form.title)).utf8)
            labels = Array(Set(plan.stoppers.dropFirst().map { String($0.text) })).map { Array($0.utf8) }
        }

        /// How well `text` looks like this form: 0…1, half from the title, half from the share of
        /// its labels found.
        public func score(_ text: RecognitionText) -> Double {
            let found = labels.filter(text.contains).count
            let share = labels.isEmpty ? 0 : Double(found) / Double(labels.count)
            return (text.contains(title) ? 0.5 : 0) + 0.5 * share
        }
    }

    /// A page's text folded (see `LabelFolding`) as UTF-8, indexed by the three bytes at each
    /// position: every form's labels are looked for in it, which a scan of the text per label
    /// made slow.
    public struct RecognitionText {
        let bytes: [UInt8]
        /// The three bytes at each position (high bits) and the position, sorted.
        private let starts: [UInt64]

        public init(_ bytes: [UInt8]) {
            self.bytes = bytes
            starts = bytes.count < 3 ? [] : (0...(bytes.count - 3)).map { Self.key(bytes, $0) << 32 | UInt64($0) }.sorted()
        }

        private static func key(_ bytes: [UInt8], _ i: Int) -> UInt64 {
            UInt64(bytes[i]) << 16 | UInt64(bytes[i + 1]) << 8 | UInt64(bytes[i + 2])
        }

        func contains(_ needle: [UInt8]) -> Bool {
            guard !needle.isEmpty, needle.count <= bytes.count else { return false }
            guard needle.count >= 3 else {
                return (0...(bytes.count - needle.count)).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
            }
            let key = Self.key(needle, 0)
            // First entry with this key, by binary search.
            var lo = 0, hi = starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if starts[mid] >> 32 < key { lo = mid + 1 } else { hi = mid }
            }
            while lo < starts.count, starts[lo] >> 32 == key {
                let i = Int(starts[lo] & 0xFFFF_FFFF)
                if i + needle.count <= bytes.count, bytes[(i + 3)..<(i + needle.count)].elementsEqual(needle[3...]) { return true }
                lo += 1
            }
            return false
        }
    }

    public func read(_ pages: [PageText]) -> [String: ReadValue] {
        let model = PageModels(pages)
        var reading = Reading(model: model, form: form)
        reading.findStoppers(plan.groups)
        var values: [String: RawRead] = [:]
        // Free blocks above and below the grid.
        free(form.layout.header, list: .header, reading: &reading, into: &values)
        for (r, row) in placed.enumerated() {
            if let table = form.layout.rows[r].repeat {
                values[table] = reading.table(key: table, templateRow: r, placed: placed)
                continue
            }
            for cell in row {
                let keys = cell.cell.blocks.compactMap(\.fieldKey)
                guard !keys.isEmpty else { reading.locate(cell, placed: placed); continue }
                for (key, value) in reading.cellValues(cell, placed: placed) where values[key] == nil || values[key]!.refs.isEmpty {
                    values[key] = value
                }
            }
        }
        free(form.layout.footer, list: .footer, reading: &reading, into: &values)
        // Typed values of choice fields and the detail of an "其他" option.
        var result: [String: ReadValue] = [:]
        for (key, raw) in values {
            guard let field = form.field(key) else { continue }
            var read = Interpret.value(raw, field: field, form: form, model: model)
            if raw.placeGuessed { for k in read.keys { read[k]?.placeGuessed = true } }
            result.merge(read) { old, new in old.value.isBlank ? new : old }
        }
        return result
    }

    private enum FreeList { case header, footer }

    /// Lines above or below the grid: the blocks after each printed word share the text that
    /// follows it.
    private func free(_ blocks: [Block], list: FreeList, reading: inout Reading, into values: inout [String: RawRead]) {
        var anchor: Stopper.Place?
        var group: [Block] = []
        func flush() {
            if let anchor, !group.isEmpty { values.merge(reading.freeValues(group, after: anchor)) { $1 } }
            group = []
        }
        for (i, block) in blocks.enumerated() {
            let place: Stopper.Place = list == .header ? .header(i) : .footer(i)
            if stoppers.contains(where: { $0.place == place }) {
                flush()
                anchor = place
            } else {
                group.append(block)
            }
        }
        flush()
    }
}

extension Block {
    /// The field a block prints, if it prints one.
    var fieldKey: String? {
        switch kind {
        case .field(let k), .choices(let k), .date(let k): k
        default: nil
        }
    }
}
