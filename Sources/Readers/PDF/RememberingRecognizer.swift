import Crypto
import Synchronization

/// Remembers the last pages it read, by their bytes: a bundle without an XML submission tries
/// its images as the application form before they are read again as materials, and the same
/// page should not cost its seconds of OCR twice.
public final class RememberingRecognizer: PageRecognizer {
    let wrapped: PageRecognizer
    let capacity: Int
    private let recent = Mutex<[(key: String, page: RecognizedPage)]>([])

    /// `capacity` pages of some megabytes each (the grey image is kept with the characters).
    public init(_ wrapped: PageRecognizer, capacity: Int = 8) {
        self.wrapped = wrapped
        self.capacity = capacity
    }

    public func recognize(png: [UInt8], photo: Bool) throws -> RecognizedPage {
        let key = (photo ? "photo:" : "scan:") + SHA256.hash(data: png).map { String($0, radix: 16) }.joined(separator: ".")
        if let page = recent.withLock({ list in list.first { $0.key == key }?.page }) { return page }
        let page = try wrapped.recognize(png: png, photo: photo)
        recent.withLock { list in
            list.removeAll { $0.key == key }
            list.append((key, page))
            if list.count > capacity { list.removeFirst(list.count - capacity) }
        }
        return page
    }
}
