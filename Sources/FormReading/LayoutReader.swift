import Catalog
import Foundation
import IntakeCore

/// Where a value was read and how sure the reader is of it.
public struct ReadValue: Sendable, Hashable {
    public var value: FieldValue
    /// 1-based page; nil when nothing was found.
    public var page: Int?
    public var box: Box?
    /// Lowest per-character probability of the value (1 for text a program wrote).
    public var confidence: Double
    /// Part of the value lies under a seal (scans): misreads there come with high confidence.
    public var underSeal: Bool

    public init(value: FieldValue, page: Int?, box: Box?, confidence: Double, underSeal: Bool) {
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
    private let placed: [[PlacedCell]]
    private let stoppers: [Stopper]

    public init(form: FormDefinition) {
        self.form = form
        self.placed = LayoutPlan.place(form.layout)
        self.stoppers = LayoutPlan.stoppers(form)
    }

    /// The printed words a form is recognised by: its title and its distinct labels, folded.
    public struct Signature: Sendable {
        public let form: FormDefinition
        let title: [UInt8]
        let labels: [[UInt8]]

        public init(form: FormDefinition) {
            self.form = form
            let stoppers = LayoutPlan.stoppers(form)
            title = Array(String(MatchText.label(form.title)).utf8)
            labels = Array(Set(stoppers.dropFirst().map { String($0.text) })).map { Array($0.utf8) }
        }

        /// How well `text` (folded, see `LabelFolding`) looks like this form: 0…1, half from the
        /// title, half from the share of its labels found.
        public func score(_ text: [UInt8]) -> Double {
            func contains(_ needle: [UInt8]) -> Bool {
                guard let first = needle.first, needle.count <= text.count else { return false }
                let last = text.count - needle.count
                var i = 0
                while i <= last {
                    if text[i] == first {
                        var k = 1
                        while k < needle.count && text[i + k] == needle[k] { k += 1 }
                        if k == needle.count { return true }
                    }
                    i += 1
                }
                return false
            }
            let found = labels.filter(contains).count
            let share = labels.isEmpty ? 0 : Double(found) / Double(labels.count)
            return (contains(title) ? 0.5 : 0) + 0.5 * share
        }
    }

    public func read(_ pages: [PageText]) -> [String: ReadValue] {
        let model = PageModels(pages)
        var reading = Reading(model: model, form: form)
        reading.findStoppers(stoppers)
        if getenv("INTAKE_DEBUG_READ") != nil {
            for (place, o) in reading.assigned.sorted(by: { $0.value.precedes($1.value) }) {
                let text = String(o.refs.map { model.glyph($0).character })
                FileHandle.standardError.write(Data(("stopper \(place) p\(o.page) l\(o.line) \(text) \(o.box)\n").utf8))
            }
            for (p, lines) in model.lines.enumerated() {
                for (l, line) in lines.enumerated() { FileHandle.standardError.write(Data(("line p\(p) l\(l) y\(Int(line.box.y0))-\(Int(line.box.y1)) \(String(line.glyphs.map(\.character)))\n").utf8)) }
                FileHandle.standardError.write(Data(("grid p\(p): \(model.grids[p].horizontals.count) h, v: \(model.grids[p].verticals.map { "\(Int($0.x)):\(Int($0.y0))-\(Int($0.y1))" })\n").utf8))
            }
        }
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
            result.merge(Interpret.value(raw, field: field, form: form, model: model)) { old, new in old.value.isBlank ? new : old }
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
