import FormReading
import IntakeCore
import IntakeTestSupport
@testable import Readers
import Testing

/// OCR's doubtful characters in the catalog's place names (茌 is rare: the recogniser reads 在).
@Suite struct PlaceNamesTests {
    let names = PlaceNames(Repository.catalog)

    private func glyphs(_ text: String, doubtful: Set<Int>) -> [Glyph] {
        text.enumerated().map { i, c in
            Glyph(c, Rect(x0: Double(i) * 10, y0: 0, x1: Double(i) * 10 + 9, y1: 10), confidence: doubtful.contains(i) ? 0.83 : 0.99)
        }
    }

    private func mended(_ text: String, doubtful: Set<Int>) -> String {
        String(names.mended(glyphs(text, doubtful: doubtful), doubtBelow: 0.9).map(\.character))
    }

    @Test("a doubtful character in a district's name is mended, and keeps its doubt")
    func mendsADoubtfulCharacter() {
        #expect(mended("山东省聊城市在平区兴华路82号", doubtful: [6]) == "山东省聊城市茌平区兴华路82号")
        let mended = names.mended(glyphs("聊城市在平区", doubtful: [3]), doubtBelow: 0.9)
        #expect(mended[3].confidence < 0.9, "the clerk still checks it")
    }

    @Test("a character the recogniser is sure of, two differences, or a name of two characters stay as read")
    func leavesTheRest() {
        #expect(mended("山东省聊城市在平区兴华路", doubtful: []) == "山东省聊城市在平区兴华路")
        let sure = names.mended(glyphs("聊城市在平区", doubtful: []), doubtBelow: 0.9)
        #expect(sure[3].character == "在" && sure[3].confidence < 0.9, "read surely, kept as read, but doubted: 在平区 is no place")
        #expect(names.mended(glyphs("聊城市茌平区", doubtful: []), doubtBelow: 0.9).allSatisfy { $0.confidence > 0.9 })
        #expect(mended("聊城市在丰区", doubtful: [3, 4]) == "聊城市在丰区", "two characters differ from 茌平区: no name of the catalog")
        #expect(mended("在平", doubtful: [0]) == "在平")
        #expect(mended("聊城市东昌府区", doubtful: [3]) == "聊城市东昌府区", "not 聊城市直, the name of an office")
        #expect(mended("聊城县", doubtful: [2]) == "聊城县", "the 县 of a name is never mended")
        #expect(mended("临沂市兰山区", doubtful: [1]) == "临沂市兰山区", "a name already there is not made another (临清市)")
    }
}
