import IntakeCore
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

    /// A widget on a page stored with `/Rotate`, whose label is drawn turned so that it reads
    /// upright: poppler gives the text in the displayed page and the widget in PDF space, and
    /// the widget must come out beside its label (a landscape 审核表 was read as no form at all).
    @Test(arguments: [0, 90, 180, 270]) func widgetsOnARotatedPage(degrees: Int) throws {
        // The widget's Rect is PDF x 20–40, y 100–180; "N" is drawn just before it in the
        // displayed reading direction, its text matrix turned against the page's rotation.
        let (matrix, widget): (String, Rect) = switch degrees {
        case 90: ("0 1 -1 0 35 80", Rect(x0: 100, y0: 20, x1: 180, y1: 40))
        case 180: ("-1 0 0 -1 60 150", Rect(x0: 160, y0: 100, x1: 180, y1: 180))
        case 270: ("0 -1 1 0 25 200", Rect(x0: 220, y0: 160, x1: 300, y1: 180))
        default: ("1 0 0 1 8 130", Rect(x0: 20, y0: 220, x1: 40, y1: 300))
        }
        let bytes = Self.pdf(rotate: degrees, content: "BT /F1 12 Tf \(matrix) Tm (N) Tj ET")
        let page = try #require(try PDFDocument(bytes: bytes).page(at: 0))
        let box = try #require(page.formFields().first).box
        #expect(abs(box.x0 - widget.x0) < 0.01 && abs(box.y0 - widget.y0) < 0.01
                && abs(box.x1 - widget.x1) < 0.01 && abs(box.y1 - widget.y1) < 0.01, "\(degrees)°: \(box)")
        let n = try #require(page.glyphs().first { $0.character == "N" }).box
        #expect(n.y0 < box.y1 && n.y1 > box.y0 && n.x1 <= box.x0 && n.x0 > box.x0 - 30, "\(degrees)°: N at \(n)")
    }

    /// A one-page PDF (200 × 400 pt) with `/Rotate`, Helvetica as F1 and one text widget at
    /// PDF x 20–40, y 100–180, written by hand with a correct cross-reference table.
    static func pdf(rotate: Int, content: String) -> [UInt8] {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] >> >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 400] /Rotate \(rotate) /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R /Annots [5 0 R] >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /V (x) /Rect [20 100 40 180] /P 3 0 R >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
        ]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { out += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }
}
