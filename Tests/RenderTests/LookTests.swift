import Foundation
import Render
import Testing

/// Writes example PDFs and PNGs for a person to look at: `RENDER_LOOK=/tmp/render-look swift test …`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["RENDER_LOOK"] != nil))
struct LookTests {
    @Test func writeExamples() throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["RENDER_LOOK"]!)
        let tools = try PDFTools()
        let form = try Fixtures.form()
        var examples: [(String, [UInt8])] = []
        let clock = ContinuousClock()
        var timings: [String] = []
        for (name, make) in [
            ("form-filled", { try FormRenderer().render(form, values: Fixtures.filledValues) }),
            ("form-blank", { try FormRenderer().render(form, values: [:]) }),
            ("notice", { try NoticeRenderer().render(Fixtures.notice) }),
            ("notice-forty", { try NoticeRenderer().render(Fixtures.fortyMissing()) }),
            ("sixty-rows", { let (f, v) = try Fixtures.sixtyRows(); return try FormRenderer().render(f, values: v) }),
            ("table-3", { try FormRenderer().render(try Fixtures.birthForm(), values: Fixtures.births(3)) }),
            ("table-60", { try FormRenderer().render(try Fixtures.birthForm(), values: Fixtures.births(60)) }),
            ("table-blank", { try FormRenderer().render(try Fixtures.birthForm(), values: [:]) }),
            ("tall-cell", { let (f, p) = try Fixtures.tallCell(); return try FormRenderer().render(f, values: ["note": .text(p)]) }),
        ] as [(String, () throws -> [UInt8])] {
            var bytes: [UInt8] = []
            let elapsed = try clock.measure { bytes = try make() }
            timings.append("\(name): \(elapsed), \(bytes.count) bytes")
            examples.append((name, bytes))
        }
        var again: [Duration] = []
        for _ in 0..<10 { again.append(try clock.measure { _ = try FormRenderer().render(form, values: Fixtures.filledValues) }) }
        timings.append("form-filled x10: \(again.reduce(.zero, +) / 10) each")
        for (name, bytes) in examples {
            let url = folder.appendingPathComponent("\(name).pdf")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
            _ = try tools.png(url, dpi: 80, into: folder)
        }
        try timings.joined(separator: "\n").write(to: folder.appendingPathComponent("timings.txt"), atomically: true, encoding: .utf8)
    }
}
