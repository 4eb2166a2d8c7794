/// Checks that every offset and length a zip's directory gives stays inside the archive before
/// ZIPFoundation reads it: its in-memory reader traps (a Swift range fault) when asked to read
/// past the end, so a corrupt central directory would take the whole process down.
///
/// The layout is PKWARE's APPNOTE: an end-of-central-directory record (EOCD) within the last
/// 64 KiB + 22 bytes, pointing at the central directory, whose entries point at local headers,
/// each followed by the entry's data. ZIP64 is refused: no bundle within intake's limits needs it.
enum ZipBounds {
    /// Where an entry's packed data lies, in central-directory order (the order ZIPFoundation
    /// lists entries in).
    struct Span { var start: Int; var count: Int }

    /// The entries' data when the directory is sound, else why not.
    static func check(_ bytes: [UInt8]) -> Result<[Span], Problem> {
        let count = bytes.count
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        func signature(_ at: Int, _ value: Int) -> Bool { at >= 0 && at + 4 <= count && u32(at) == value }

        func problem(_ why: String) -> Result<[Span], Problem> { .failure(Problem(description: why)) }
        guard count >= 22 else { return problem("too short to be a zip archive") }
        // The EOCD: the last record signature from which a comment of the stated length reaches the end.
        var eocd = -1
        for at in stride(from: count - 22, through: max(0, count - 22 - 0xFFFF), by: -1)
        where signature(at, 0x0605_4B50) && at + 22 + u16(at + 20) == count {
            eocd = at
            break
        }
        guard eocd >= 0 else { return problem("no end-of-central-directory record") }
        let entries = u16(eocd + 10), directorySize = u32(eocd + 12), directoryStart = u32(eocd + 16)
        guard entries != 0xFFFF, directorySize != 0xFFFF_FFFF, directoryStart != 0xFFFF_FFFF,
              !signature(eocd - 20, 0x0706_4B50) else { return problem("a ZIP64 archive (not taken)") }
        guard u16(eocd + 4) == 0, u16(eocd + 6) == 0, u16(eocd + 8) == entries else { return problem("a multi-part archive (not taken)") }
        guard directoryStart + directorySize <= eocd else { return problem("the central directory lies outside the archive") }

        var at = directoryStart
        var spans: [Span] = []
        for index in 0..<entries {
            guard at + 46 <= directoryStart + directorySize, signature(at, 0x0201_4B50) else {
                return problem("central directory entry \(index + 1) is damaged")
            }
            let packed = u32(at + 20), unpacked = u32(at + 24)
            let nameLength = u16(at + 28), extraLength = u16(at + 30), commentLength = u16(at + 32)
            let local = u32(at + 42)
            guard packed != 0xFFFF_FFFF, unpacked != 0xFFFF_FFFF, local != 0xFFFF_FFFF else { return problem("a ZIP64 entry (not taken)") }
            let next = at + 46 + nameLength + extraLength + commentLength
            guard next <= directoryStart + directorySize else { return problem("central directory entry \(index + 1) runs past the directory") }
            guard local + 30 <= directoryStart, signature(local, 0x0403_4B50) else {
                return problem("entry \(index + 1) points at no local header")
            }
            let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
            guard dataStart + packed <= directoryStart else { return problem("entry \(index + 1)'s data runs past the archive") }
            // ZIPFoundation reads a stored entry's unpacked size of bytes, and finds a data
            // descriptor (flag bit 3) after them: both must stay inside the archive (found by
            // `make fuzz`: a stored entry of 20 bytes claiming 196,882 trapped it).
            let flags = u16(at + 8), method = u16(at + 10)
            guard flags & 1 == 0 else { return problem("entry \(index + 1) is encrypted (not taken)") }
            guard method != 0 || packed == unpacked else { return problem("entry \(index + 1) is stored but its two sizes differ") }
            guard flags & 8 == 0 || dataStart + packed + 16 <= count else {
                return problem("entry \(index + 1)'s data descriptor lies outside the archive")
            }
            spans.append(Span(start: dataStart, count: packed))
            at = next
        }
        return .success(spans)
    }

    struct Problem: Error, CustomStringConvertible { var description: String }
}
