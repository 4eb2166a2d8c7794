import Catalog
import FormReading

/// Place names of the catalog's regions, to mend OCR's doubtful reading of a rare character in
/// them: 茌平区 read 在平区 (在 at 0.83) is 茌平区. Only a character the recogniser itself doubts
/// is replaced, never the 区/县/市, only where the rest of a place name of three or more
/// characters matches exactly, and its doubt is kept (the value stays flagged for the clerk).
/// One read surely is kept as read but doubted: 在 at 0.99 in 在平区 is no place either.
struct PlaceNames {
    let names: [[Character]]

    init(_ catalog: Catalog) {
        var all: Set<String> = []
        for region in catalog.regions {
            all.insert(region.name)
            for district in region.districts { all.insert(district.name); all.formUnion(district.aliases) }
        }
        // Names of places (…区, …县, …市), not of offices (聊城市直, 市本级).
        names = all.filter { $0.count >= 3 && "区县市".contains($0.last!) }.sorted().map(Array.init)
    }

    /// `glyphs` in reading order, with doubtful characters mended where exactly one place name
    /// fits and none is already there (临沂市 read with a doubtful 沂 stays, though 临清市 is one
    /// character off).
    func mended(_ glyphs: [Glyph], doubtBelow threshold: Double) -> [Glyph] {
        var result = glyphs
        for start in result.indices {
            var exact = false
            var fixes: [(index: Int, character: Character)] = []
            for name in names where start + name.count <= result.count {
                var mismatch: Int? = nil
                var fits = true
                for k in 0..<name.count where result[start + k].character != name[k] {
                    // The name itself, never its 区/县/市 (聊城县 is not 聊城市).
                    if mismatch != nil || k == name.count - 1 { fits = false; break }
                    mismatch = k
                }
                guard fits else { continue }
                if let k = mismatch { fixes.append((start + k, name[k])) } else { exact = true }
            }
            guard !exact, fixes.count == 1 else { continue }
            let (index, character) = fixes[0]
            if result[index].confidence < threshold {
                result[index].character = character
            } else {
                // Read surely, yet one character off a place: kept as read, and doubted.
                result[index].confidence = min(result[index].confidence, threshold * 0.99)
            }
        }
        return result
    }
}
