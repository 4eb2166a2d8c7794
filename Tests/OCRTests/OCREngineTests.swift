import Foundation
import IntakeCore
import IntakeTestSupport
import OCR
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The fixture page (Tests/Fixtures/ocr/make_fixture.py): a colour scan of a form strip turned
/// 0.8° clockwise, with Chinese values, an 18-digit number, a ticked and an empty check box and a
/// red seal over the date. Its truth file holds the texts and, unrotated, the boxes and the seal.
struct FixtureTruth: Decodable {
    var angle: Double
    var width: Int
    var height: Int
    var texts: [String]
    var boxes: [String: [Double]]
    var seal: [Double]

    static let url = Repository.fixtures.appendingPathComponent("ocr/form-skewed.png")
    static let value: FixtureTruth = {
        let data = try! Data(contentsOf: Repository.fixtures.appendingPathComponent("ocr/form-skewed.json"))
        return try! JSONDecoder().decode(FixtureTruth.self, from: data)
    }()

    static func box(_ b: [Double]) -> Rect { Rect(x0: b[0], y0: b[1], x1: b[2], y1: b[3]) }
}

/// The engine configuration of the tests: the environment's, with this repository's worker.
func testConfiguration() -> PPOCREngine.Configuration {
    var configuration = PPOCREngine.Configuration.fromEnvironment()
    if configuration.worker == nil {
        configuration.worker = Repository.root.appendingPathComponent("ocr/ppocr_worker.py")
    }
    return configuration
}

/// One engine (one worker) for the tests that read the fixture, and the fixture read once.
let sharedEngine = PPOCREngine(configuration: testConfiguration())
let fixturePage = Task { try await sharedEngine.recognize(pngAt: FixtureTruth.url) }

@Suite(.serialized)
struct OCREngineTests {
    @Test func readsTheTextOfTheFixture() async throws {
        let page = try await fixturePage.value
        let truth = FixtureTruth.value
        #expect(page.width == truth.width && page.height == truth.height)
        let lines = Set(page.lines.map(\.text))
        for text in truth.texts {
            #expect(lines.contains(text), "not read exactly: \(text); read:\n\(page.text)")
        }
        #expect(page.lines.contains { $0.text == "371502198803154213" })
    }

    @Test func everyCharacterHasAProbabilityAndAnXRange() async throws {
        let page = try await fixturePage.value
        #expect(!page.lines.isEmpty)
        for line in page.lines {
            #expect(line.chars.map(\.character).joined() == line.text)
            for char in line.chars {
                #expect(char.probability > 0 && char.probability <= 1, "\(char.character) p=\(char.probability)")
                #expect(char.box.x0 <= char.box.x1)
                #expect(char.box.x0 >= line.box.x0 - 2 && char.box.x1 <= line.box.x1 + 2)
                #expect(char.box.y0 == line.box.y0 && char.box.y1 == line.box.y1)
            }
            // Characters go left to right.
            for (a, b) in zip(line.chars, line.chars.dropFirst()) { #expect(a.box.x0 <= b.box.x0) }
        }
        // The values printed on the fixture are read with confidence.
        let number = try #require(page.lines.first { $0.text == "371502198803154213" })
        #expect(number.minimumProbability > 0.9)
        // The first character of the ticked option starts right of its check box (x 550-584).
        let option = try #require(page.lines.first { $0.text == "职工医疗保险" })
        let first = try #require(option.chars.first)
        #expect(first.box.x0 > 584 - 4 && first.box.x0 < 584 + 30, "职 at \(first.box)")
    }

    @Test func findsTheSkewAndDeskews() async throws {
        let page = try await fixturePage.value
        let truth = FixtureTruth.value
        #expect(abs(page.angle - truth.angle) <= 0.3, "angle \(page.angle), truth \(truth.angle)")
        #expect(page.image.width == page.width && page.image.height == page.height)
        // After deskewing, the lines are level: the two option lines of one table row share their top.
        let options = page.lines.filter { $0.text.hasSuffix("医疗保险") }
        #expect(options.count == 2)
        if options.count == 2 { #expect(abs(options[0].box.midY - options[1].box.midY) < 4) }
    }

    @Test func findsTheRedSeal() async throws {
        let page = try await fixturePage.value
        let truth = FixtureTruth.box(FixtureTruth.value.seal)
        let seal = try #require(page.seals.first, "no seal found")
        #expect(page.seals.count == 1, "\(page.seals)")
        #expect(abs(seal.midX - truth.midX) < 20 && abs(seal.midY - truth.midY) < 20, "seal \(seal), truth \(truth)")
        #expect(abs(seal.width - truth.width) < 30)
    }

    /// Tests/Fixtures/ocr/make_table_fixture.py: a table row drawn with Pillow whose name the
    /// detector runs into the 性别 cell (万倩女) and whose narrow cells wrap one character a line.
    @Test("a table is read cell by cell: a text line is cut at the rule it crosses, a narrow column is read one character a line")
    func readsNarrowTableCells() async throws {
        struct Truth: Decodable { struct Cell: Decodable { var box: [Double]; var text: String }; var cells: [String: Cell] }
        let truth = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: Repository.fixtures.appendingPathComponent("ocr/table-narrow.json")))
        let page = try await sharedEngine.recognize(pngAt: Repository.fixtures.appendingPathComponent("ocr/table-narrow.png"))
        #expect(!page.lines.contains { $0.text.contains("女") && $0.text.count > 1 }, "女 read with its neighbour: \(page.text)")
        for (name, cell) in truth.cells.sorted(by: { $0.key < $1.key }) {
            let box = FixtureTruth.box(cell.box)
            let read = page.lines.flatMap(\.chars)
                .filter { box.contains(x: $0.box.midX, y: $0.box.midY) }
                .sorted { ($0.box.midY, $0.box.midX) < ($1.box.midY, $1.box.midX) }
                .map(\.character).joined()
            #expect(read == cell.text, "\(name): read \(read)")
        }
    }

    @Test func judgesCheckBoxesFromPixels() async throws {
        let page = try await fixturePage.value
        let boxes = FixtureTruth.value.boxes
        let ticked = page.image.darkShare(in: FixtureTruth.box(boxes["ticked"]!).scaledAboutCentre(0.5))
        let empty = page.image.darkShare(in: FixtureTruth.box(boxes["empty"]!).scaledAboutCentre(0.5))
        #expect(ticked > 0.2, "ticked box: \(ticked)")
        #expect(empty < 0.05, "empty box: \(empty)")
    }

    @Test("a scan on grey paper is read as if on white: the paper turns white, its rules stay dark")
    func greyPaperTurnsWhite() async throws {
        let dir = try TemporaryDirectory("ocr-grey-paper")
        let url = dir.url.appendingPathComponent("grey.pgm")
        let w = 600, h = 400
        var pixels = [UInt8](repeating: 218, count: w * h)
        for x in 100..<500 { for y in [100, 101, 300, 301] { pixels[y * w + x] = 120 } }
        for y in 100..<302 { for x in [100, 101, 499, 500] { pixels[y * w + x] = 120 } }
        var data = Data("P5\n\(w) \(h)\n255\n".utf8)
        data.append(contentsOf: pixels)
        try data.write(to: url)
        let page = try await sharedEngine.recognize(pngAt: url)
        #expect(page.image.pixels[50 * w + 50] >= 250, "paper")
        #expect(page.image.pixels[200 * w + 300] >= 250, "inside the frame")
        #expect(page.image.pixels[100 * w + 300] <= 150, "rule")
    }

    @Test func aBadImageIsAnErrorNotACrash() async throws {
        let dir = try TemporaryDirectory("ocr-bad")
        let garbage = dir.url.appendingPathComponent("garbage.png")
        try Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: garbage)
        let empty = dir.url.appendingPathComponent("empty.png")
        try Data().write(to: empty)
        let missing = dir.url.appendingPathComponent("missing.png")
        for url in [garbage, empty, missing] {
            do {
                _ = try await sharedEngine.recognize(pngAt: url)
                Issue.record("no error for \(url.lastPathComponent)")
            } catch let error as OCRError {
                guard case .badImage = error else {
                    Issue.record("\(url.lastPathComponent): \(error)")
                    continue
                }
                #expect(error.description.contains(url.lastPathComponent) || error.description.contains("empty"))
            }
        }
        // The same worker goes on reading.
        let pids = await sharedEngine.workerProcessIdentifiers
        _ = try await fixturePage.value
        #expect(await sharedEngine.workerProcessIdentifiers == pids)
    }

    @Test func aTimeoutKillsTheWorkerAndTheNextPageWorks() async throws {
        let engine = PPOCREngine(configuration: testConfiguration())
        try await engine.start()
        let before = await engine.workerProcessIdentifiers
        do {
            _ = try await engine.recognize(pngAt: FixtureTruth.url, timeLimit: .milliseconds(50))
            Issue.record("no timeout")
        } catch OCRError.timeout(let seconds) {
            #expect(seconds < 1)
        }
        #expect(await engine.workerProcessIdentifiers.isEmpty, "the timed-out worker is gone")
        if let pid = before.first { #expect(waitUntilGone(pid)) }
        let page = try await engine.recognize(pngAt: FixtureTruth.url)
        #expect(page.lines.contains { $0.text == "371502198803154213" })
        let after = await engine.workerProcessIdentifiers
        #expect(after.count == 1 && after != before)
        await engine.shutdown()
    }

    @Test func aCrashedWorkerFailsItsPageAndIsRestarted() async throws {
        let engine = PPOCREngine(configuration: testConfiguration())
        let page = Task { try await engine.recognize(pngAt: FixtureTruth.url) }
        var pid: Int32?
        for _ in 0..<600 where pid == nil {
            if page.isCancelled { break }
            pid = await engine.workerProcessIdentifiers.first
            if pid == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        let victim = try #require(pid, "no worker started")
        try await Task.sleep(for: .milliseconds(200))
        kill(victim, SIGKILL)
        do {
            _ = try await page.value
            Issue.record("the page survived its worker")
        } catch OCRError.workerCrashed(let reason) {
            #expect(reason.contains("SIGKILL"), "\(reason)")
        }
        let again = try await engine.recognize(pngAt: FixtureTruth.url)
        #expect(again.lines.contains { $0.text == "2024年3月15日" })
        #expect(await engine.workerProcessIdentifiers.first != victim)
        await engine.shutdown()
    }

    @Test func aWorkerOverItsMemoryLimitFailsClearly() async throws {
        var configuration = testConfiguration()
        configuration.memoryLimit = 150_000_000  // too little to load ONNX Runtime and the models
        let engine = PPOCREngine(configuration: configuration)
        await #expect {
            _ = try await engine.recognize(pngAt: FixtureTruth.url)
        } throws: { error in
            guard case OCRError.unavailable(let reason) = error else { return false }
            return reason.contains("memory")
        }
    }

    @Test func missingPythonIsUnavailableWithAFix() async throws {
        let dir = try TemporaryDirectory("ocr-nopython")
        let script = dir.url.appendingPathComponent("ocr/ppocr_worker.py")
        try FileManager.default.createDirectory(at: script.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("print('never run')\n".utf8).write(to: script)
        let engine = PPOCREngine(configuration: .init(worker: script))
        do {
            _ = try await engine.recognize(pngAt: FixtureTruth.url)
            Issue.record("no error")
        } catch OCRError.unavailable(let reason) {
            #expect(reason.contains("make ocr-env"), "\(reason)")
            #expect(reason.contains(dir.url.appendingPathComponent(".venv-ocr").path))
        }
    }
}

/// Whether process `pid` is gone (or a zombie) within a few seconds.
func waitUntilGone(_ pid: Int32) -> Bool {
    for _ in 0..<100 {
        if kill(pid, 0) != 0 { return true }
        if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
           stat.split(separator: ")").last?.trimmingCharacters(in: .whitespaces).hasPrefix("Z") == true {
            return true
        }
        usleep(50_000)
    }
    return false
}

struct GreyRasterTests {
    @Test func readsPGMWithCommentsAndMeasuresDarkShare() throws {
        var data = Data("P5\n# a comment\n4 2\n255\n".utf8)
        data.append(contentsOf: [0, 255, 0, 255, 255, 255, 10, 200] as [UInt8])
        let image = try GreyRaster(pgm: data)
        #expect(image.width == 4 && image.height == 2)
        #expect(image[2, 0] == 0 && image[2, 1] == 10)
        #expect(image.darkShare(in: Rect(x0: 0, y0: 0, x1: 4, y1: 2)) == 3.0 / 8)
        #expect(image.darkShare(in: Rect(x0: 0, y0: 0, x1: 1, y1: 1)) == 1)
        #expect(image.darkShare(in: Rect(x0: 1, y0: 0, x1: 2, y1: 2)) == 0)
        #expect(image.darkShare(in: Rect(x0: 10, y0: 10, x1: 20, y1: 20)) == 0)
        #expect(try GreyRaster(pgm: image.pgmData) == image)
    }

    @Test func refusesBrokenPGM() {
        #expect(throws: OCRError.self) { try GreyRaster(pgm: Data("P6\n1 1\n255\nabc".utf8)) }
        #expect(throws: OCRError.self) { try GreyRaster(pgm: Data("P5\n4 4\n255\nab".utf8)) }
        #expect(throws: OCRError.self) { try GreyRaster(pgm: Data("P5\nx".utf8)) }
    }

    @Test func scalesBoxesAboutTheirCentre() {
        let half = Rect(x0: 10, y0: 10, x1: 50, y1: 30).scaledAboutCentre(0.5)
        #expect(half == Rect(x0: 20, y0: 15, x1: 40, y1: 25))
    }
}
