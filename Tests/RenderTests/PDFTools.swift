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

    fileprivate func run(_ tool: String, _ arguments: [String]) throws -> String {
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

extension PDFTools {
    /// `pdftotext` of page `page` only.
    func text(_ pdf: URL, page: Int, mode: String = "-raw") throws -> String {
        try run("/usr/bin/pdftotext", ["-f", String(page), "-l", String(page), mode, "-enc", "UTF-8", pdf.path, "-"])
    }

    /// Horizontal rules drawn across at least `fraction` of the page width on `page`, counted
    /// from a greyscale raster (72 dpi, one pixel per point): rows of a grid that print no text
    /// still show as rules.
    func horizontalRules(_ pdf: URL, page: Int, fraction: Double = 0.75) throws -> Int {
        let prefix = directory.appendingPathComponent("rules-\(UUID().uuidString)")
        _ = try run("/usr/bin/pdftoppm", ["-gray", "-r", "72", "-f", String(page), "-l", String(page),
                                          "-singlefile", pdf.path, prefix.path])
        let data = try Data(contentsOf: prefix.appendingPathExtension("pgm"))
        let image = try PGM(data)
        var count = 0
        var inRule = false
        for y in 0..<image.height {
            let dark = (0..<image.width).reduce(0) { $0 + (image.pixel(x: $1, y: y) < 200 ? 1 : 0) }
            let isRule = Double(dark) >= fraction * Double(image.width)
            if isRule && !inRule { count += 1 }
            inRule = isRule
        }
        return count
    }
}

/// A binary greyscale PGM (P5, 8 bits), as `pdftoppm -gray` writes it.
struct PGM {
    let width: Int
    let height: Int
    private let bytes: [UInt8]
    private let start: Int

    struct Malformed: Error {}

    init(_ data: Data) throws {
        bytes = [UInt8](data)
        // Header: "P5", width, height, maxval, each separated by white space, then one byte.
        var fields: [Int] = []
        var i = 2
        while fields.count < 3 {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
            var value = 0
            var digits = 0
            while i < bytes.count, (0x30...0x39).contains(bytes[i]) {
                value = value * 10 + Int(bytes[i] - 0x30)
                digits += 1
                i += 1
            }
            guard digits > 0 else { throw Malformed() }
            fields.append(value)
        }
        guard bytes.starts(with: [0x50, 0x35]), fields[2] == 255 else { throw Malformed() }
        width = fields[0]
        height = fields[1]
        start = i + 1
        guard bytes.count >= start + width * height else { throw Malformed() }
    }

    func pixel(x: Int, y: Int) -> UInt8 { bytes[start + y * width + x] }
}
