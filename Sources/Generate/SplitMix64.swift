/// SplitMix64 (Steele, Lea and Flood 2014): a small, fast, seedable generator whose output is the
/// same on every platform and Swift version, so a corpus is byte-identical for the same seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// An independent stream for item `index` of a run seeded with `seed`: each file gets its own
    /// generator, so file N does not depend on how many draws the files before it made.
    public init(seed: UInt64, stream index: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (index &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next() ^ index
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range` (Lemire's multiply-shift; the tiny bias is irrelevant here and
    /// keeps the draw count fixed, unlike rejection sampling).
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) &+ 1
        if span == 0 { return Int(truncatingIfNeeded: next()) }
        let high = next().multipliedFullWidth(by: span).high
        return range.lowerBound + Int(high)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < p
    }

    public mutating func pick<T>(_ list: [T]) -> T { list[int(0...(list.count - 1))] }

    /// `count` distinct elements of `list` in random order (all of them when it is shorter).
    public mutating func sample<T>(_ list: [T], _ count: Int) -> [T] {
        var pool = list
        var out: [T] = []
        while out.count < count && !pool.isEmpty { out.append(pool.remove(at: int(0...(pool.count - 1)))) }
        return out
    }

    /// A string of `count` decimal digits (leading zeros allowed unless `leadingZero` is false).
    public mutating func digits(_ count: Int, leadingZero: Bool = true) -> String {
        var s = ""
        for i in 0..<count { s += String(int((i == 0 && !leadingZero ? 1 : 0)...9)) }
        return s
    }
}
