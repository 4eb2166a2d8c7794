import Catalog
import Foundation
@testable import Render
import Testing

@Suite struct GridLayoutTests {
    /// The 聊城 template: 法定代表人 and 经办人员 each hold two rows.
    @Test func occupancyFollowsRowspans() throws {
        let form = try Fixtures.form()
        let grid = try GridOccupancy(rows: form.layout.rows, columnCount: 6)
        // Row 5 (index 5, 身份证号码) starts at column 1 because 法定代表人 holds column 0.
        let idRow = grid.placements.filter { $0.row == 5 }.sorted { $0.column < $1.column }
        #expect(idRow.map(\.column) == [1, 2])
        #expect(idRow.map(\.span) == [1, 4])
        #expect(grid.placements.filter { $0.cell == nil }.isEmpty, "every slot filled")
        #expect(grid.bands.map(\.count) == [1, 1, 1, 1, 2, 2, 1, 1, 1])
    }

    @Test func missingCellsBecomeBlankSlots() throws {
        let rows = [FormLayout.Row(cells: [Cell(span: 2, blocks: [Block(.label("甲"))])]),
                    FormLayout.Row(cells: [Cell(blocks: [Block(.label("乙"))])])]
        let grid = try GridOccupancy(rows: rows, columnCount: 3)
        let blanks = grid.placements.filter { $0.cell == nil }.map { [$0.row, $0.column] }.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(blanks == [[0, 2], [1, 1], [1, 2]])
    }

    @Test func rowspanPastLastRowIsClamped() throws {
        let rows = [FormLayout.Row(cells: [Cell(rowspan: 5, blocks: [Block(.label("甲"))]), Cell(blocks: [Block(.label("乙"))])])]
        let grid = try GridOccupancy(rows: rows, columnCount: 2)
        #expect(grid.placements.first?.rowspan == 1)
    }

    @Test func overlapIsAnError() throws {
        let rows = [FormLayout.Row(cells: [Cell(blocks: [Block(.label("甲"))]), Cell(rowspan: 2, blocks: [Block(.label("乙"))])]),
                    FormLayout.Row(cells: [Cell(span: 2, blocks: [Block(.label("丙"))])])]
        #expect(throws: RenderError.self) { try GridOccupancy(rows: rows, columnCount: 2) }
    }

    @Test func rowspanContentIsSharedByItsRows() throws {
        // Column 0: one cell over both rows needing 100; column 1: one cell per row.
        let rows = [FormLayout.Row(cells: [Cell(rowspan: 2, blocks: []), Cell(blocks: [])]),
                    FormLayout.Row(cells: [Cell(blocks: [])])]
        let grid = try GridOccupancy(rows: rows, columnCount: 2)
        let needs = grid.placements.map { $0.rowspan == 2 ? 100.0 : ($0.row == 0 ? 30.0 : 10.0) }
        let heights = grid.rowHeights(minimums: [20, 20], contentHeights: needs)
        #expect(heights.reduce(0, +) == 100)
        #expect(heights[0] >= 30 && heights[1] >= 20)
        #expect(heights == [55, 45], "the excess 50 split evenly")
    }

    @Test func headerRowsFormOneBand() throws {
        let cell = Cell(blocks: [Block(.label("甲"))])
        let rows = [FormLayout.Row(cells: [cell]), FormLayout.Row(cells: [cell], header: true),
                    FormLayout.Row(cells: [cell], header: true), FormLayout.Row(cells: [cell])]
        #expect(try GridOccupancy(rows: rows, columnCount: 1).bands == [0..<1, 1..<3, 3..<4])
    }

    @Test func datesParse() {
        for text in ["2024-03-05", "2024-3-5", "2024/3/5", "2024.3.5", "2024年3月5日", "2024年03月05", " 20240305 "] {
            #expect(DateText.printed(text) == "2024 年 3 月 5 日", "\(text)")
        }
        for text in ["2024-02-30", "2023-2-29", "2024-13-01", "24-3-5", "2024-3月5", "三月五号", "2024030"] {
            #expect(DateText.parse(text) == nil, "\(text)")
        }
        #expect(DateText.printed("2024-02-29") == "2024 年 2 月 29 日")
        #expect(DateText.printed("") == DateText.blank)
        #expect(DateText.printed("不详") == "不详")
    }

    @Test func optionsCompareWithoutEmptyBrackets() {
        #expect(BlockPieces.normalized("其他（）") == "其他")
        #expect(BlockPieces.normalized(" 其 他 () ") == "其他")
        #expect(BlockPieces.normalized("企业") == "企业")
    }
}
