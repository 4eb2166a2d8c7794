import Foundation
import IntakeCore
import IntakeTestSupport
import Pipeline
import Testing

/// What `JSONEncoder` makes of a result: the layout result.json had before it was written by hand.
func foundationJSON(_ result: SubmissionResult) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(result)) + [0x0A]
}

@Suite("result.json written by hand")
struct ResultJSONTests {
    @Test("Every sample's result.json is byte for byte what JSONEncoder writes")
    func samples() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Repository.samples.path).filter { $0.hasSuffix(".xml") }
        #expect(names.count >= 30)
        var options = Pipeline.Options(outputRoot: URL(fileURLWithPath: "/nonexistent"), render: false, today: Repository.processingDay)
        options.writeOutputs = false
        let pipeline = Pipeline(catalog: Repository.catalog, options: options)
        for name in names.sorted() {
            guard case .processed(let result) = pipeline.process(path: Repository.sample(name)) else {
                Issue.record("\(name) was not processed")
                continue
            }
            let mine = ResultJSON.encode(result)
            let theirs = try foundationJSON(result)
            #expect(mine == theirs, "\(name):\n\(String(decoding: mine, as: UTF8.self))")
            #expect(try JSONDecoder().decode(SubmissionResult.self, from: Data(mine)) == result)
        }
    }

    @Test("Every key, escapes, numbers, tables and empty lists come out as JSONEncoder writes them")
    func everything() throws {
        var origin = FieldOrigin(method: .ocr, page: 2, box: [12.5, 100, 1e-7, 595.2756, -3.25], line: nil, confidence: 0.8734,
                                 needsReview: true)
        var fields = [
            SubmissionResult.Field(key: "a", label: "引号\"反斜杠\\斜杠/换行\n回车\r制表\t退格\u{8}换页\u{C}控制\u{1}\u{1F}删除\u{7F}",
                                   group: "法定代表人", value: .text("𠀀 emoji 😀 \u{2028}"), normalized: "N", line: 7, source: origin),
            SubmissionResult.Field(key: "b", label: "选项", group: nil, value: .choices(["甲", "乙"]), normalized: nil, line: nil),
            SubmissionResult.Field(key: "c", label: "空", group: nil, value: .choices([]), normalized: nil, line: nil),
            SubmissionResult.Field(key: "rows", label: "表", group: nil, value: .rows([
                ["name": .text("陈丽"), "Zeta": .text("z"), "col10": .text("10"), "col2": .text("2"), "日期": .text("d"),
                 "list": .choices(["x"])],
                [:],
            ]), normalized: nil, line: 9),
        ]
        origin.box = nil
        origin.confidence = 1
        fields.append(.init(key: "d", label: "d", group: nil, value: nil, normalized: nil, line: nil, source: origin))
        let result = SubmissionResult(
            id: "0123456789abcdef",
            source: .init(path: "/in/a b/ü.pdf", sha256: String(repeating: "a", count: 64), encoding: "GB18030", method: .ocr,
                          sealPages: [1, 3]),
            processedAt: "2026-11-23T10:00:00+08:00", form: .init(id: "f", title: "表", version: "1"),
            item: .init(id: "i", name: "事项", region: "371500", regionName: "聊城市", submittedRegion: "371502", district: "东昌府区"),
            handling: "委托", fields: fields,
            materials: [.init(id: "m", name: "材料", status: .notRequired, basis: "000.txt:1", reason: "因为", file: "m.pdf"),
                        .init(id: "n", name: "材料2", status: .missing, basis: "000.txt:2", reason: nil, file: nil)],
            attachments: [.init(name: "x", file: "x.pdf", material: "m", evidence: "name+text"), .init(name: "y", file: nil, material: nil)],
            problems: [.init(field: "a", label: "L", code: .lowConfidence, message: "请核对", line: 3),
                       .init(field: nil, label: nil, code: .schemaViolation, message: "m")],
            status: .needsReview,
            outputs: .init(directory: "/out/2026-11-23/0123456789abcdef", result: "result.json", form: "form.pdf", notice: "notice.pdf"))
        let mine = ResultJSON.encode(result)
        #expect(mine == (try foundationJSON(result)), "\(String(decoding: mine, as: UTF8.self))")

        let bare = SubmissionResult(
            id: "x", source: .init(path: "p", sha256: "s", encoding: nil), processedAt: "t", form: .init(id: "f", title: "t", version: "1"),
            item: nil, handling: nil, fields: [], materials: [], attachments: [], problems: [], status: .rejected,
            outputs: .init(directory: "d", result: "result.json", form: nil, notice: nil))
        #expect(ResultJSON.encode(bare) == (try foundationJSON(bare)))
    }
}
