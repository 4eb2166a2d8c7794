import Foundation

/// Runs the poppler tools on rendered PDFs, so tests check what a printer or a reader gets.
struct PDFTools {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("render-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Writes `bytes` as `name`.pdf in the scratch directory.
    func write(_ bytes: [UInt8], name: String) throws -> URL {
        let url = directory.appendingPathComponent("\(name).pdf")
        try Data(bytes).write(to: url)
        return url
    }

    /// `pdftotext -layout` (or another mode) of the whole document.
    func text(_ pdf: URL, mode: String = "-layout") throws -> String {
        try run("/usr/bin/pdftotext", [mode, "-enc", "UTF-8", pdf.path, "-"])
    }

    /// Text with all white space removed, for values that wrap across lines.
    func squeezedText(_ pdf: URL) throws -> String {
        try text(pdf, mode: "-raw").filter { !$0.isWhitespace }
    }

    /// One row per font: (name, embedded).
    func fonts(_ pdf: URL) throws -> [(name: String, embedded: Bool)] {
        let out = try run("/usr/bin/pdffonts", [pdf.path])
        // name type encoding emb sub uni object ID; "type" may hold spaces ("CID TrueType").
        return out.split(separator: "\n").dropFirst(2).map { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            let yesNo = fields.filter { $0 == "yes" || $0 == "no" }
            return (fields.first ?? "", yesNo.first == "yes")
        }
    }

    /// `pdfinfo` as key → value.
    func info(_ pdf: URL) throws -> [String: String] {
        let out = try run("/usr/bin/pdfinfo", [pdf.path])
        var info: [String: String] = [:]
        for line in out.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            info[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return info
    }

    /// Rasterises every page with `pdftoppm -png -r <dpi>`; returns the PNG files.
    func png(_ pdf: URL, dpi: Int = 60, into folder: URL? = nil) throws -> [URL] {
        let target = folder ?? directory
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let prefix = target.appendingPathComponent(pdf.deletingPathExtension().lastPathComponent)
        _ = try run("/usr/bin/pdftoppm", ["-png", "-r", String(dpi), pdf.path, prefix.path])
        let names = try FileManager.default.contentsOfDirectory(atPath: target.path)
        return names.filter { $0.hasPrefix(prefix.lastPathComponent + "-") && $0.hasSuffix(".png") }
            .sorted().map { target.appendingPathComponent($0) }
    }

    private func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailure(tool: tool, status: process.terminationStatus)
        }
        return String(decoding: data, as: UTF8.self)
    }

    struct ToolFailure: Error { let tool: String; let status: Int32 }
}

extension String {
    var squeezed: String { filter { !$0.isWhitespace } }
}
