import Foundation
import IntakeCore
import IntakeTestSupport
import Pipeline
import Testing

@Test("A file written atomically replaces the old one whole; a failed write leaves nothing behind")
func atomicWrite() throws {
    let temp = try TemporaryDirectory("atomic")
    let path = temp.path("blank.pdf")
    try OutputStore.writeAtomically(Array("first".utf8), to: path)
    try OutputStore.writeAtomically(Array("second".utf8), to: path, durable: true)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
    #expect(try FileManager.default.contentsOfDirectory(atPath: temp.url.path) == ["blank.pdf"], "no temporary file left")
    #expect(throws: IntakeError.self) { try OutputStore.writeAtomically([1], to: temp.path("missing/blank.pdf")) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: temp.url.path) == ["blank.pdf"])
}
