import Catalog
import Foundation
import IntakeCore
@testable import FormReading

// Small synthetic pages and forms for the reader: glyphs placed by hand, ruling lines drawn into
// a grey raster pixel by pixel, layouts built in code.

/// A4 in points: the reader takes max(width, height) / 297 = 2.835 units per millimetre.
let pageWidth = 595.0
let pageHeight = 842.0

/// A grey raster drawn pixel by pixel: white (255) where nothing is drawn.
struct Canvas {
    let width: Int, height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: 255, count: width * height)
    }

    /// Sets the pixels of a rectangle, bounds included, to `grey`.
    mutating func fill(x0: Int, y0: Int, x1: Int, y1: Int, grey: UInt8 = 0) {
        for y in y0...y1 {
            for x in x0...x1 { pixels[y * width + x] = grey }
        }
    }

    /// A rule one pixel thick, ends included.
    mutating func horizontal(y: Int, from x0: Int, to x1: Int, grey: UInt8 = 0) { fill(x0: x0, y0: y, x1: x1, y1: y, grey: grey) }
    mutating func vertical(x: Int, from y0: Int, to y1: Int, grey: UInt8 = 0) { fill(x0: x, y0: y0, x1: x, y1: y1, grey: grey) }

    /// A full grid: a horizontal rule at every `ys` across all `xs`, a vertical one at every `xs`
    /// down all `ys`.
    mutating func grid(xs: [Int], ys: [Int], grey: UInt8 = 0) {
        for y in ys { horizontal(y: y, from: xs.first!, to: xs.last!, grey: grey) }
        for x in xs { vertical(x: x, from: ys.first!, to: ys.last!, grey: grey) }
    }

    var raster: GreyRaster { GreyRaster(width: width, height: height, pixels: pixels) }
}

/// One page under construction: its glyphs and, once something is drawn, its raster (one pixel
/// per point).
struct SyntheticPage {
    var number = 1
    var glyphs: [Glyph] = []
    var canvas: Canvas?
    var judgeTicksFromPixels = false

    init(number: Int = 1) { self.number = number }

    /// Writes `text` from (`x`, `y`), `y` being the top of the line: a non-ASCII character is
    /// `size` wide, an ASCII one half that; a space advances without a glyph unless
    /// `spaceGlyphs` (PDF text often has them); `spacing` is added after every character.
    /// Returns the boxes of the glyphs written.
    @discardableResult
    mutating func write(_ text: String, x: Double, y: Double, size: Double = 10, spacing: Double = 0,
                        spaceGlyphs: Bool = false) -> [Rect] {
        var left = x
        var boxes: [Rect] = []
        for c in text {
            let width = c.isASCII ? size / 2 : size
            if !c.isWhitespace || spaceGlyphs {
                let box = Rect(x0: left, y0: y, x1: left + width, y1: y + size)
                glyphs.append(Glyph(c, box))
                boxes.append(box)
            }
            left += width + spacing
        }
        return boxes
    }

    /// Several texts at once, each at its (x, y) in the default size.
    mutating func write(_ texts: [(String, x: Double, y: Double)]) {
        for (text, x, y) in texts { write(text, x: x, y: y) }
    }

    /// Writes `text` in the cell whose left rule is at `x0` and whose rules above and below are
    /// at `y0` and `y1`: four points in from the rule, centred vertically.
    @discardableResult
    mutating func write(_ text: String, inCellFrom x0: Double, top y0: Double, bottom y1: Double, size: Double = 10) -> [Rect] {
        write(text, x: x0 + 4, y: (y0 + y1) / 2 - size / 2, size: size)
    }

    mutating func put(_ c: Character, _ box: Rect) { glyphs.append(Glyph(c, box)) }

    /// Draws on the page's raster (created white, A4 at one pixel per point, on first use).
    mutating func draw(_ body: (inout Canvas) -> Void) {
        var c = canvas ?? Canvas(width: Int(pageWidth), height: Int(pageHeight))
        body(&c)
        canvas = c
    }

    var page: PageText {
        PageText(number: number, width: pageWidth, height: pageHeight, glyphs: glyphs, raster: canvas?.raster,
                 rasterScale: 1, judgeTicksFromPixels: judgeTicksFromPixels)
    }
}

// MARK: Forms built in code

/// `FormDefinition` and `FormLayout` are decoded, not built: they go through JSON here.
private struct FormJSON: Encodable {
    struct Layout: Encodable {
        var columns: [Double]
        var header: [Block]
        var rows: [FormLayout.Row]
        var footer: [Block]
    }
    var id = "test-form"
    var version = "1"
    var title: String
    var source = "000_test.txt:1"
    var schema = "schemas/test-form.xsd"
    var fields: [FieldDefinition]
    var layout: Layout
}

func makeForm(title: String = "测试登记表", fields: [FieldDefinition], columns: [Double], header: [Block] = [],
              rows: [FormLayout.Row], footer: [Block] = []) throws -> FormDefinition {
    let json = FormJSON(title: title, fields: fields,
                        layout: .init(columns: columns, header: header, rows: rows, footer: footer))
    return try JSONDecoder().decode(FormDefinition.self, from: JSONEncoder().encode(json))
}

func label(_ text: String, span: Int = 1, rowspan: Int = 1) -> Cell { Cell(span: span, rowspan: rowspan, blocks: [Block(.label(text))]) }
func field(_ key: String, span: Int = 1) -> Cell { Cell(span: span, blocks: [Block(.field(key))]) }
func choices(_ key: String, span: Int = 1) -> Cell { Cell(span: span, blocks: [Block(.choices(key))]) }
func row(_ cells: Cell..., header: Bool = false, repeat table: String? = nil) -> FormLayout.Row {
    FormLayout.Row(cells: cells, repeat: table, header: header)
}

func textField(_ key: String, _ label: String, type: FieldType = .text) -> FieldDefinition {
    FieldDefinition(key: key, label: label, type: type)
}

/// Reads `pages` as `form`.
func read(_ form: FormDefinition, _ pages: [SyntheticPage]) -> [String: ReadValue] {
    LayoutReader(form: form).read(pages.map(\.page))
}

extension [String: ReadValue] {
    /// The value of `key`, nil when the reader returned nothing for it.
    func value(_ key: String) -> FieldValue? { self[key]?.value }
}
