import Foundation
import IntakeCore
import Readers

/// Encodes result.json: stable key order, readable, Chinese left unescaped.
///
/// Written by hand rather than with `JSONEncoder`, which took a third of the time of an XML
/// submission (it builds a tree of boxed values and sorts every object's keys). The bytes are the
/// same as `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` gives, keys
/// in UTF-8 byte order; the tests compare the two on every sample, so a key added to
/// `SubmissionResult` and not here fails them.
public enum ResultJSON {
    public static func encode(_ result: SubmissionResult) -> [UInt8] {
        var w = JSONWriter()
        w.write(result)
        w.out.append(0x0A)
        return w.out
    }

    /// One line, for `--json` output.
    public static func line<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A pretty-printing JSON writer with Foundation's layout: two-space indent, `"key" : value`,
/// empty containers as `[\n\n<indent>]`.
struct JSONWriter {
    var out: [UInt8] = []
    private var depth = 0
    /// Per open container: nothing written in it yet.
    private var empty: [Bool] = []

    init() { out.reserveCapacity(4096) }

    mutating func open(_ bracket: UInt8) {
        out.append(bracket)
        depth += 1
        empty.append(true)
    }

    mutating func close(_ bracket: UInt8) {
        if empty.removeLast() { out.append(0x0A) }
        depth -= 1
        newline()
        out.append(bracket)
    }

    /// Before each element of an array, or each key of an object.
    mutating func element() {
        if empty[empty.count - 1] { empty[empty.count - 1] = false } else { out.append(0x2C) }
        newline()
    }

    mutating func newline() {
        out.append(0x0A)
        for _ in 0..<depth { out.append(0x20); out.append(0x20) }
    }

    mutating func key(_ name: StaticString) {
        element()
        out.append(0x22)
        name.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(contentsOf: [0x22, 0x20, 0x3A, 0x20])
    }

    mutating func key(_ name: String) {
        element()
        string(name)
        out.append(contentsOf: [0x20, 0x3A, 0x20])
    }

    mutating func string(_ s: String) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            var start = 0
            for i in bytes.indices where Self.escaped[Int(bytes[i])] {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                escape(bytes[i])
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(0x22)
    }

    /// Bytes JSON must escape: control characters, the quote, the backslash.
    private static let escaped: [Bool] = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }

    private mutating func escape(_ b: UInt8) {
        out.append(0x5C)
        switch b {
        case 0x22, 0x5C: out.append(b)
        case 0x08: out.append(0x62)
        case 0x0C: out.append(0x66)
        case 0x0A: out.append(0x6E)
        case 0x0D: out.append(0x72)
        case 0x09: out.append(0x74)
        default:
            let hex = Array("0123456789abcdef".utf8)
            out.append(contentsOf: [0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
        }
    }

    mutating func number(_ n: Int) { out.append(contentsOf: String(n).utf8) }

    mutating func number(_ d: Double) {
        // Whole numbers (confidence 1, most box edges) as Foundation writes them, without a
        // round trip through `description`.
        if d == d.rounded(), abs(d) < 1e15, !(d == 0 && d.sign == .minus) {
            number(Int(d))
            return
        }
        var text = d.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        out.append(contentsOf: text.utf8)
    }

    mutating func bool(_ b: Bool) { out.append(contentsOf: b ? Array("true".utf8) : Array("false".utf8)) }

    // MARK: - Optional members (absent when nil, as `encodeIfPresent` leaves them)

    mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func member(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        number(value)
    }

    mutating func members<T>(_ name: StaticString, _ list: [T], _ each: (inout JSONWriter, T) -> Void) {
        key(name)
        array(list, each)
    }

    mutating func array<T>(_ list: [T], _ each: (inout JSONWriter, T) -> Void) {
        open(0x5B)
        for x in list {
            element()
            each(&self, x)
        }
        close(0x5D)
    }
}

// MARK: - result.json's types, keys in UTF-8 byte order

extension JSONWriter {
    mutating func write(_ r: SubmissionResult) {
        open(0x7B)
        members("attachments", r.attachments) { w, a in w.write(a) }
        if let corrections = r.corrections { members("corrections", corrections) { w, c in w.write(c) } }
        members("fields", r.fields) { w, f in w.write(f) }
        // Absent for an item submission without a form: its `fields` are the applicant.
        if let form = r.form { key("form"); write(form) }
        member("handling", r.handling)
        member("id", r.id)
        if let item = r.item { key("item"); write(item) }
        members("materials", r.materials) { w, m in w.write(m) }
        key("outputs"); write(r.outputs)
        members("problems", r.problems) { w, p in w.write(p) }
        member("processedAt", r.processedAt)
        member("revision", r.revision)
        member("schema", r.schema)
        key("source"); write(r.source)
        member("status", r.status.rawValue)
        close(0x7D)
    }

    mutating func write(_ a: SubmissionResult.Attachment) {
        open(0x7B)
        if let confidence = a.confidence { key("confidence"); number(confidence) }
        member("evidence", a.evidence)
        if let facts = a.facts {
            members("facts", facts) { w, f in
                w.open(0x7B)
                w.key("confidence"); w.number(f.confidence)
                w.member("key", f.key)
                w.member("value", f.value)
                w.close(0x7D)
            }
        }
        member("file", a.file)
        member("kind", a.kind)
        member("material", a.material)
        member("name", a.name)
        member("unreadable", a.unreadable)
        close(0x7D)
    }

    mutating func write(_ f: SubmissionResult.Field) {
        open(0x7B)
        member("group", f.group)
        member("key", f.key)
        member("label", f.label)
        member("line", f.line)
        member("normalized", f.normalized)
        if let source = f.source { key("source"); write(source) }
        if let value = f.value { key("value"); write(value) }
        close(0x7D)
    }

    mutating func write(_ o: FieldOrigin) {
        open(0x7B)
        if let box = o.box { members("box", box) { w, x in w.number(x) } }
        key("confidence"); number(o.confidence)
        member("line", o.line)
        member("method", o.method.rawValue)
        key("needsReview"); bool(o.needsReview)
        member("page", o.page)
        member("verifiedBy", o.verifiedBy)
        close(0x7D)
    }

    mutating func write(_ c: SubmissionResult.Correction) {
        open(0x7B)
        if let after = c.after { key("after"); write(after) }
        member("at", c.at)
        if let before = c.before { key("before"); write(before) }
        member("clerk", c.clerk)
        member("field", c.field)
        member("revision", c.revision)
        close(0x7D)
    }

    mutating func write(_ v: FieldValue) {
        switch v {
        case .text(let s):
            string(s)
        case .choices(let list):
            array(list) { w, s in w.string(s) }
        case .rows(let rows):
            array(rows) { w, row in
                w.open(0x7B)
                for (k, cell) in row.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                    w.key(k)
                    w.write(cell)
                }
                w.close(0x7D)
            }
        }
    }

    mutating func write(_ f: SubmissionResult.Form) {
        open(0x7B)
        member("id", f.id)
        member("title", f.title)
        member("version", f.version)
        close(0x7D)
    }

    mutating func write(_ i: SubmissionResult.Item) {
        open(0x7B)
        member("district", i.district)
        member("id", i.id)
        member("name", i.name)
        member("region", i.region)
        member("regionName", i.regionName)
        member("submittedRegion", i.submittedRegion)
        close(0x7D)
    }

    mutating func write(_ m: SubmissionResult.MaterialStatus) {
        open(0x7B)
        member("basis", m.basis)
        member("file", m.file)
        member("id", m.id)
        member("name", m.name)
        member("reason", m.reason)
        member("status", m.status.rawValue)
        close(0x7D)
    }

    mutating func write(_ o: SubmissionResult.Outputs) {
        open(0x7B)
        member("directory", o.directory)
        member("form", o.form)
        member("notice", o.notice)
        member("receipt", o.receipt)
        member("result", o.result)
        close(0x7D)
    }

    mutating func write(_ p: Problem) {
        open(0x7B)
        member("code", p.code.rawValue)
        member("field", p.field)
        member("label", p.label)
        member("line", p.line)
        member("message", p.message)
        close(0x7D)
    }

    mutating func write(_ s: SubmissionResult.Source) {
        open(0x7B)
        member("encoding", s.encoding)
        member("method", s.method?.rawValue)
        member("path", s.path)
        if let pages = s.sealPages { members("sealPages", pages) { w, p in w.number(p) } }
        member("sha256", s.sha256)
        close(0x7D)
    }
}
