import Dispatch
import Foundation
import OCR

/// The PP-OCRv4 worker engine (module OCR) behind the pipeline's synchronous `PageRecognizer`.
///
/// The engine is an actor whose worker I/O runs on its own threads, so blocking here while it
/// works cannot starve Swift's cooperative pool. The worker starts at the first scanned page.
public final class EngineRecognizer: PageRecognizer {
    private let engine: PPOCREngine

    public init(engine: PPOCREngine = PPOCREngine()) {
        self.engine = engine
    }

    public func recognize(png: [UInt8], photo: Bool) throws -> RecognizedPage {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("intake-scan-\(UUID().uuidString).png")
        try Data(png).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let engine = self.engine
        Task.detached {
            do { outcome.set(.success(try await engine.recognize(pngAt: url, timeLimit: nil, findPaper: photo))) } catch { outcome.set(.failure(error)) }
            done.signal()
        }
        done.wait()
        let page = try outcome.get()
        return Self.convert(page)
    }

    /// A line inside a seal below this probability is the stamp's own curved lettering, not
    /// form text: typed text under a seal still reads above it.
    static let sealLetteringProbability = 0.8

    /// Characters of every line but the stamp's own lettering (low-probability lines lying
    /// inside a seal), in the deskewed image's pixels.
    static func convert(_ page: OCRPage) -> RecognizedPage {
        var characters: [RecognizedPage.Character] = []
        for line in page.lines {
            let insideSeal = page.seals.contains { seal in
                line.box.midX > seal.x0 && line.box.midX < seal.x1 && line.box.midY > seal.y0 && line.box.midY < seal.y1
            }
            if insideSeal && line.minimumProbability < sealLetteringProbability { continue }
            for char in line.chars {
                guard let c = char.character.first else { continue }
                characters.append(.init(text: c, probability: char.probability, box: char.box))
            }
        }
        return RecognizedPage(width: page.width, height: page.height, angle: page.angle, characters: characters,
                              seals: page.seals, colour: page.colour, grey: page.image)
    }
}

private final class Outcome: @unchecked Sendable {
    // Written once by the task, read after the semaphore: the semaphore orders the two.
    private var result: Result<OCRPage, Error>?
    func set(_ r: Result<OCRPage, Error>) { result = r }
    func get() throws -> OCRPage {
        guard let result else { throw OCRError.protocolError("no answer") }
        return try result.get()
    }
}
