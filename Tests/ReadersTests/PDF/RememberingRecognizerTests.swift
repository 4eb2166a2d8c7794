import IntakeCore
import Readers
import Synchronization
import Testing

/// A page image read once is not read again: an XML-less bundle tries its images as the form,
/// then reads them as materials.
struct RememberingRecognizerTests {
    final class Counting: PageRecognizer {
        let calls = Mutex(0)
        func recognize(png: [UInt8], photo: Bool) throws -> RecognizedPage {
            let n = calls.withLock { count in count += 1; return count }
            return RecognizedPage(width: 1, height: 1, angle: Double(n), characters: [], seals: [],
                                  grey: GreyRaster(width: 1, height: 1, pixels: [255]))
        }
    }

    @Test("the same bytes read the same way are read once; other bytes, the other way, or a page pushed out are read again")
    func readsEachPageOnce() throws {
        let engine = Counting()
        let remembering = RememberingRecognizer(engine, capacity: 2)
        let first = try remembering.recognize(png: [1, 2, 3], photo: true)
        #expect(try remembering.recognize(png: [1, 2, 3], photo: true).angle == first.angle)
        #expect(engine.calls.withLock { $0 } == 1)
        _ = try remembering.recognize(png: [1, 2, 3], photo: false)
        _ = try remembering.recognize(png: [1, 2, 4], photo: true)
        #expect(engine.calls.withLock { $0 } == 3)
        // Capacity 2: [1, 2, 3] as a photo was pushed out by the two after it.
        _ = try remembering.recognize(png: [1, 2, 3], photo: true)
        #expect(engine.calls.withLock { $0 } == 4)
    }
}
