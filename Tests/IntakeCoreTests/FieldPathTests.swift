import IntakeCore
import Testing

@Test("Field paths are built and read back in one spelling", arguments: ["unitName", "employees[0].idNumber", "rows[12].date"])
func fieldPathRoundTrip(text: String) {
    #expect(FieldPath(parsing: text).description == text)
}

@Test("A cell's table, row and column; malformed paths are plain keys")
func fieldPathParts() {
    let cell = FieldPath(parsing: "employees[1].idNumber")
    #expect(cell.field == "employees" && cell.cell?.row == 1 && cell.cell?.column == "idNumber")
    #expect(FieldPath(table: "employees", row: 1, column: "idNumber") == cell)
    for plain in ["a[x].b", "a[1]", "a[1].", "a[-1].b", "[1].b"] {
        #expect(FieldPath(parsing: plain).cell == nil, "\(plain)")
    }
    #expect(FieldPath(parsing: "agentIdNumber").cell == nil)
}
