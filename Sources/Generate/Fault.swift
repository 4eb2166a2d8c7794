import Catalog
import IntakeCore

/// A deliberate mistake put into a synthetic submission, and the problem code intake must report.
public struct Fault: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A USCC or ID number whose check character is wrong.
        case checkDigit = "check-digit"
        /// A required field left blank.
        case missingField = "missing-field"
        /// A date that does not exist (2月30日, month 13).
        case badDate = "bad-date"
        /// Two dates of a period in the wrong order.
        case reversedPeriod = "reversed-period"
        /// A required material not attached.
        case missingMaterial = "missing-material"
        /// 性别 that contradicts the ID number.
        case genderMismatch = "gender-mismatch"
        /// A ticked option the form does not print.
        case invalidOption = "invalid-option"

        /// The problem code result.json must carry for this fault.
        public var expectedCode: ProblemCode {
            switch self {
            case .checkDigit: return .invalidCheckDigit
            case .missingField: return .missingRequired
            case .badDate: return .dateFormat
            case .reversedPeriod: return .dateOrder
            case .missingMaterial: return .missingMaterial
            case .genderMismatch: return .idGenderMismatch
            case .invalidOption: return .invalidOption
            }
        }
    }

    public var kind: Kind
    /// What was changed: a field key, `table[row].column`, `agent.idNumber`, or a material id.
    public var target: String
}

/// Puts faults into a draft, each on a field or material no earlier fault touched, so that every
/// fault shows as exactly its own problem code.
struct FaultInjector {
    let form: FormDefinition
    /// Materials attached because the item requires them (id → index in the draft's materials).
    let requiredAttachments: [String]
    var touched: Set<String> = []

    init(form: FormDefinition, requiredAttachments: [String]) {
        self.form = form
        self.requiredAttachments = requiredAttachments
    }

    /// A cell of the draft: a top-level field, a table cell, or the agent's ID number.
    struct Path: Hashable {
        var key: String
        var row: Int?
        var column: String?
        var name: String { row.map { "\(key)[\($0)].\(column!)" } ?? key }
    }

    mutating func inject(_ kinds: [Fault.Kind], into draft: inout Draft, rng: inout SplitMix64) {
        for kind in kinds {
            if let target = apply(kind, to: &draft, rng: &rng) {
                draft.faults.append(Fault(kind: kind, target: target))
            }
        }
    }

    /// The cells holding a value of a field definition matching `filter`.
    func cells(_ draft: Draft, _ filter: (FieldDefinition) -> Bool) -> [Path] {
        var out: [Path] = []
        for cell in draft.fields {
            guard let field = form.field(cell.key) else { continue }
            if case .rows(let rows) = cell.value {
                for (i, row) in rows.enumerated() {
                    for c in row where field.column(c.key).map(filter) == true && !isBlank(c.value) {
                        out.append(Path(key: cell.key, row: i, column: c.key))
                    }
                }
            } else if filter(field) && !isBlank(cell.value) {
                out.append(Path(key: cell.key))
            }
        }
        return out.filter { !touched.contains($0.name) }
    }

    func isBlank(_ v: Draft.Value) -> Bool {
        switch v {
        case .text(let s): return s.isEmpty
        case .options(let list, _): return list.isEmpty
        case .rows(let rows): return rows.isEmpty
        }
    }

    func get(_ draft: Draft, _ p: Path) -> Draft.Value? {
        guard let value = draft[p.key] else { return nil }
        guard let row = p.row, case .rows(let rows) = value else { return value }
        return rows[row].first { $0.key == p.column }?.value
    }

    func set(_ draft: inout Draft, _ p: Path, _ new: Draft.Value?) {
        guard let row = p.row, case .rows(var rows)? = draft[p.key] else { draft[p.key] = new; return }
        if let i = rows[row].firstIndex(where: { $0.key == p.column }) {
            if let new { rows[row][i].value = new } else { rows[row].remove(at: i) }
        }
        draft[p.key] = .rows(rows)
    }

    mutating func apply(_ kind: Fault.Kind, to draft: inout Draft, rng: inout SplitMix64) -> String? {
        switch kind {
        case .checkDigit:
            var candidates = cells(draft) { $0.type == .uscc || $0.type == .idNumber }
            if draft.agent != nil && !touched.contains("agent.idNumber") { candidates.append(Path(key: "agent.idNumber")) }
            guard !candidates.isEmpty else { return nil }
            let p = rng.pick(candidates)
            touched.insert(p.name)
            if p.key == "agent.idNumber" {
                draft.agent!.idNumber = wrongCheck(draft.agent!.idNumber, alphabet: "0123456789X", rng: &rng)
            } else if let code = get(draft, p)?.text {
                let isUSCC = code.count == 18 && !code.prefix(17).allSatisfy(\.isNumber)
                    || (form.field(p.key)?.type == .uscc)
                set(&draft, p, .text(wrongCheck(code, alphabet: isUSCC ? "0123456789ABCDEFGHJKLMNPQRTUWXY" : "0123456789X", rng: &rng)))
            }
            return p.name
        case .missingField:
            let candidates = cells(draft) { $0.required && $0.type != .table }
            guard !candidates.isEmpty else { return nil }
            let p = rng.pick(candidates)
            touched.insert(p.name)
            set(&draft, p, rng.chance(0.5) ? nil : .text(""))
            return p.name
        case .badDate:
            let candidates = cells(draft) { $0.type == .date }
            guard !candidates.isEmpty else { return nil }
            let p = rng.pick(candidates)
            touched.insert(p.name)
            let year = rng.int(2024...2025)
            let bad = rng.pick(["\(year)-02-30", "\(year)年13月5日", "\(year)-04-31", "\(year)/6/31", "\(year)年2月29日",
                                "\(year)-11-31"])
            set(&draft, p, .text(year == 2024 && bad.hasSuffix("2月29日") ? "2024年2月30日" : bad))
            return p.name
        case .reversedPeriod:
            let rules = form.rules.filter { rule in
                guard rule.kind == .dateOrder, let e = rule.earlier, let l = rule.later, l != CrossFieldRule.today,
                      !e.contains("."), !touched.contains(e), !touched.contains(l),
                      let ev = draft[e]?.text, draft[l]?.text != nil, case .date = CalendarDate.parse(ev) else { return false }
                return true
            }
            guard let rule = rules.isEmpty ? nil : rng.pick(rules), let e = rule.earlier, let l = rule.later,
                  case .date(let earlier) = CalendarDate.parse(draft[e]!.text!) else { return nil }
            touched.formUnion([e, l])
            draft[l] = .text(earlier.adding(days: -rng.int(1...40)).written(rng.int(0...3)))
            return l
        case .missingMaterial:
            let candidates = requiredAttachments.filter { !touched.contains("material:" + $0) }
            guard !candidates.isEmpty else { return nil }
            let id = rng.pick(candidates)
            touched.insert("material:" + id)
            draft.materials.removeAll { $0.material == id }
            return id
        case .genderMismatch:
            let rules = form.rules.filter { rule in
                guard rule.kind == .idGender, let id = rule.id, let g = rule.gender, !touched.contains(id), !touched.contains(g),
                      draft[id]?.text != nil, draft[g]?.text != nil else { return false }
                return true
            }
            guard let rule = rules.isEmpty ? nil : rng.pick(rules), let g = rule.gender, let id = rule.id else { return nil }
            touched.formUnion([g, id])
            draft[g] = .text(draft[g]!.text!.hasPrefix("男") ? "女" : "男")
            return g
        case .invalidOption:
            let candidates = cells(draft) { $0.type == .choice || $0.type == .multiChoice }
            guard !candidates.isEmpty else { return nil }
            let p = rng.pick(candidates)
            touched.insert(p.name)
            guard case .options(var list, let tagged)? = get(draft, p) else { return nil }
            let column = p.column.flatMap { form.field(p.key)?.column($0) } ?? form.field(p.key)
            let printed = Set(column?.options ?? [])
            let wrong = rng.pick(Pools.faultyOptions.filter { !printed.contains($0) })
            list[rng.int(0...(list.count - 1))] = wrong
            set(&draft, p, .options(list, tagged: tagged))
            return p.name
        }
    }

    /// The code with its last character replaced by another of `alphabet`.
    func wrongCheck(_ code: String, alphabet: String, rng: inout SplitMix64) -> String {
        let choices = Array(alphabet).filter { $0 != code.last }
        return String(code.dropLast()) + String(rng.pick(choices))
    }
}
