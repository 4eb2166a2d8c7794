import Foundation
import IntakeTestSupport
@testable import Readers
import Testing

/// A bundle's id is the SHA-256 of its manifest (`name<TAB>sha256<LF>`, sorted): ledgers and
/// revalidation histories hold these ids, so these values must never change.
@Suite struct SubmissionBundleTests {
    let bundles = Repository.fixtures.appendingPathComponent("pdf/bundles")

    /// (The folders lost their truth.json, now beside them, when bundles began to classify every member.)
    @Test("The bundle fixtures keep their ids, as folders and as a zip")
    func pinnedFixtureIDs() throws {
        let complete = try SubmissionBundle.folder(bundles.appendingPathComponent("lc-unit-enrollment-complete"), path: "c")
        #expect(complete.sha256 == "31fbb3ba864e6b68819860b206eb9fe7a1d79101abe7628c91fb324c9aaf1d4f")
        #expect(complete.files.map(\.name).first == "scans/单位批准成立文件复印件.jpg", "subfolders keep their path")
        let missing = try SubmissionBundle.folder(bundles.appendingPathComponent("lc-unit-enrollment-missing-one"), path: "m")
        #expect(missing.sha256 == "7062fc06a48a915294249839a5d8458c4da4b8035249dfb1fa9993f95e0d5133")
        let zip = Array(try Data(contentsOf: bundles.appendingPathComponent("zips/good.zip")))
        #expect(try SubmissionBundle.zip(zip, path: "z").sha256 == "e65fa222621af1416a827f6ceb9093bc5d966c438322f2c7ab5dfa3186f1375a")
    }

    @Test("An inbox bundle folder keeps the id the inbox gave it: READY markers and hidden files are not members")
    func pinnedInboxFolderID() throws {
        let temp = try TemporaryDirectory("bundle")
        try Data("<submission/>".utf8).write(to: temp.url.appendingPathComponent("application.xml"))
        try Data("%PDF".utf8).write(to: temp.url.appendingPathComponent("营业执照.pdf"))
        for marker in ["READY", ".ready", ".DS_Store"] { try Data().write(to: temp.url.appendingPathComponent(marker)) }
        let bundle = try SubmissionBundle.folder(temp.url, path: "b")
        #expect(bundle.files.map(\.name) == ["application.xml", "营业执照.pdf"])
        #expect(bundle.sha256 == "d9dd604634812e036dead98b5da2d925d874db3653fab4953701c4792fd80786")
    }
}

/// Zips damaged everywhere their directory says where things are: each is refused or read, and
/// none takes the process down (ZIPFoundation's in-memory reader traps on offsets past the end).
@Test("A damaged zip is refused or read, never a crash: truncations and corrupted directory bytes")
func damagedZips() throws {
    let good = Array(try Data(contentsOf: Repository.fixtures.appendingPathComponent("pdf/bundles/zips/small.zip")))
    var variants: [[UInt8]] = (0..<good.count).map { Array(good.prefix($0)) }
    let directory = 0 ..< good.count
    var seed: UInt64 = 17
    for _ in 0..<400 {
        var bytes = good
        for _ in 0..<3 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let at = directory.lowerBound + Int(seed >> 33) % directory.count
            bytes[at] = UInt8(truncatingIfNeeded: seed >> 17)
        }
        variants.append(bytes)
    }
    var refused = 0
    for bytes in variants {
        do {
            _ = try SubmissionBundle.zip(bytes, path: "damaged.zip")
        } catch {
            #expect(error.code == .badZip || error.code == .bundle || error.code == .tooLarge, "\(error)")
            refused += 1
        }
    }
    #expect(refused > variants.count / 2)
}

@Test("zlib is handed exactly the bytes it is told of: the last short chunk of an entry is filled to the size asked (make fuzz found zlib reading past it)")
func inflateInputIsFullSize() throws {
    let bytes = [UInt8](repeating: 7, count: 100)
    let span = ZipBounds.Span(start: 10, count: 50)
    let first = try SubmissionBundle.inflateInput(bytes, span, position: 0, size: 32)
    #expect(first == Data(repeating: 7, count: 32))
    let last = try SubmissionBundle.inflateInput(bytes, span, position: 32, size: 32)
    #expect(last.count == 32, "the entry's last 18 bytes and 14 zeros, never the bytes after the entry")
    #expect(last.prefix(18) == Data(repeating: 7, count: 18) && last.suffix(14) == Data(count: 14))
    #expect(throws: (any Error).self) { try SubmissionBundle.inflateInput(bytes, span, position: 50, size: 32) }
}
