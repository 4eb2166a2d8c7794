@testable import Poppler
import Testing

@Suite struct PopplerTests {
    /// The empty document that keeps poppler's global tables for the process opens.
    @Test func globalTablesAreKept() {
        #expect(PDFDocument.globalsKept)
    }

    /// Greys keep their value, and every colour is within one level of the 299/587/114 luma
    /// (the ruling-line and tick thresholds compare against these values).
    @Test func greyFollowsTheLumaFormula() {
        for level in UInt32(0)...255 {
            #expect(CairoPixel.grey(0xFF00_0000 | level << 16 | level << 8 | level) == UInt8(level))
        }
        var farOff = 0
        for word in UInt32(0)..<(1 << 24) {
            let r = Int(word >> 16 & 0xFF), g = Int(word >> 8 & 0xFF), b = Int(word & 0xFF)
            let luma = (r * 299 + g * 587 + b * 114) / 1000
            if abs(Int(CairoPixel.grey(word)) - luma) > 1 { farOff += 1 }
        }
        #expect(farOff == 0)
    }
}
