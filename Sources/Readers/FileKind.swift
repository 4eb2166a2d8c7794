/// What a file is by its first bytes: a PDF, a zip, or a kind intake does not take, so the error
/// says "a Word document" instead of "not well-formed XML at line 1".
enum FileKind {
    /// `%PDF-` within the first KiB, as PDF readers allow.
    static func isPDF(_ bytes: some Collection<UInt8>) -> Bool {
        let head = Array(bytes.prefix(1024))
        guard head.count >= 5 else { return false }
        for i in 0...(head.count - 5) where head[i] == 0x25
            && head[i + 1] == 0x50 && head[i + 2] == 0x44 && head[i + 3] == 0x46 && head[i + 4] == 0x2D { return true }
        return false
    }

    /// A zip's local file header signature at the start.
    static func isZip(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    /// A description of `bytes` when they are a known kind of file that is not a submission;
    /// nil for XML, PDF, zip and anything unrecognised (left to the readers to judge).
    static func foreign(_ bytes: [UInt8]) -> String? {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && bytes[offset ..< offset + prefix.count].elementsEqual(prefix)
        }
        let ascii = { (s: String) in Array(s.utf8) }
        switch true {
        case starts(ascii("GIF87a")), starts(ascii("GIF89a")): return "a GIF image"
        case starts(ascii("BM")) && bytes.count > 14: return "a BMP image"
        case starts(ascii("RIFF")) && starts(ascii("WEBP"), at: 8): return "a WebP image"
        case starts(ascii("ftypheic"), at: 4), starts(ascii("ftypheix"), at: 4), starts(ascii("ftypmif1"), at: 4):
            return "a HEIC image (a phone photo)"
        case starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]): return "an old Office document (.doc, .xls, .ppt)"
        case starts(ascii("{\\rtf")): return "an RTF document"
        case starts([0x1F, 0x8B]): return "a gzip archive"
        case starts(ascii("Rar!")): return "a RAR archive"
        case starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]): return "a 7-Zip archive"
        case starts(ascii("%!PS")): return "a PostScript file"
        case starts([0x7F, 0x45, 0x4C, 0x46]): return "an executable (ELF)"
        case starts(ascii("MZ")): return "a Windows executable"
        default: return nil
        }
    }

    /// The Office document a zip is, by the parts it holds (a .docx is a zip), else nil.
    static func office(entryNames: [String]) -> String? {
        guard entryNames.contains("[Content_Types].xml") else { return nil }
        if entryNames.contains(where: { $0.hasPrefix("word/") }) { return "a Word document (.docx)" }
        if entryNames.contains(where: { $0.hasPrefix("xl/") }) { return "an Excel workbook (.xlsx)" }
        if entryNames.contains(where: { $0.hasPrefix("ppt/") }) { return "a PowerPoint file (.pptx)" }
        return "an Office document"
    }
}
