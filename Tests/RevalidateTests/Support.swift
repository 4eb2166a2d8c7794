import Foundation
import IntakeTestSupport
import Testing

/// Runs the built `intake` with `arguments`.
func intake(_ arguments: [String], in directory: URL? = nil) throws -> CommandResult {
    try runCommand(Repository.intakeExecutable.path, arguments, currentDirectory: directory)
}

/// Copies every sample of samples/ (not its README) into `folder`.
func copySamples(to folder: URL) throws -> [String] {
    let fm = FileManager.default
    try fm.createDirectory(at: folder, withIntermediateDirectories: true)
    let names = try fm.contentsOfDirectory(atPath: Repository.samples.path).filter { $0.hasSuffix(".xml") }.sorted()
    for name in names {
        try fm.copyItem(at: Repository.samples.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    return names
}

/// Writes `count` distinct submissions into `folder` (in sub-folders of 100): the samples in turn,
/// each with a comment before its closing tag so that every file has its own bytes. Returns the paths.
@discardableResult
func makeCorpus(_ count: Int, in folder: URL) throws -> [String] {
    let fm = FileManager.default
    let names = try fm.contentsOfDirectory(atPath: Repository.samples.path).filter { $0.hasSuffix(".xml") }.sorted()
    let templates = try names.map { try Data(contentsOf: Repository.samples.appendingPathComponent($0)) }
    let closing = Data("</submission>".utf8)
    var paths: [String] = []
    for i in 0..<count {
        let template = templates[i % templates.count]
        guard let range = template.range(of: closing, options: .backwards) else { continue }
        var data = template
        data.replaceSubrange(range, with: Data("<!-- copy \(i) -->\n</submission>".utf8))
        let sub = folder.appendingPathComponent(String(format: "part%03d", i / 100))
        if i % 100 == 0 { try fm.createDirectory(at: sub, withIntermediateDirectories: true) }
        let path = sub.appendingPathComponent("s\(i)-\(names[i % names.count])")
        try data.write(to: path)
        paths.append(path.path)
    }
    return paths
}

/// A copy of forms/ where 聊城's 单位参保登记 asks for one more material: 营业执照副本复印件.
func catalogWithNewMaterial(in folder: URL) throws -> URL {
    let copy = folder.appendingPathComponent("forms-changed")
    try FileManager.default.copyItem(at: Repository.forms, to: copy)
    let item = copy.appendingPathComponent("items/371500-unit-enrollment.yaml")
    var text = try String(contentsOf: item, encoding: .utf8)
    let anchor = "  - id: power-of-attorney\n"
    #expect(text.contains(anchor))
    text = text.replacingOccurrences(of: anchor, with: """
          - id: business-license
            name: 营业执照副本复印件
            wording: 营业执照副本复印件1份
            count: 1
            form: 复印件
            source: "000_aae2795ad81a31b3.txt:17"
            exemptWhen: [one-net-registered]

        """ + anchor)
    try text.write(to: item, atomically: true, encoding: .utf8)
    return copy
}

/// The one JSON object `intake revalidate --json` prints.
func summary(_ result: CommandResult) throws -> [String: Any] {
    let line = try #require(result.stdout.split(separator: "\n").last, "no output; stderr: \(result.stderr)")
    return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
}

/// report.csv parsed (RFC 4180): header row first.
func readCSV(_ url: URL) throws -> [[String]] {
    let text = try String(contentsOf: url, encoding: .utf8)
    var rows: [[String]] = []
    var row: [String] = []
    var cell = ""
    var quoted = false
    var iterator = Array(text.unicodeScalars).makeIterator()
    var pending: Unicode.Scalar? = nil
    func next() -> Unicode.Scalar? {
        if let p = pending { pending = nil; return p }
        return iterator.next()
    }
    while let c = next() {
        if quoted {
            if c == "\"" {
                if let n = next() {
                    if n == "\"" { cell.unicodeScalars.append("\"") } else { quoted = false; pending = n }
                } else { quoted = false }
            } else {
                cell.unicodeScalars.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            row.append(cell); cell = ""
        } else if c == "\r" {
            continue
        } else if c == "\n" {
            row.append(cell); rows.append(row); row = []; cell = ""
        } else {
            cell.unicodeScalars.append(c)
        }
    }
    if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
    return rows
}

func readJSON(_ url: URL) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
}

func sum(_ object: Any?) -> Int {
    (object as? [String: Any])?.values.compactMap { $0 as? Int }.reduce(0, +) ?? -1
}
