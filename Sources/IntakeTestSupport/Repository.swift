import Catalog
import Foundation
import IntakeCore

/// Paths and shared fixtures for the test targets.
public enum Repository {
    /// The repository root, found from this file's path.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var forms: URL { root.appendingPathComponent("forms") }
    public static var samples: URL { root.appendingPathComponent("samples") }
    public static var fixtures: URL { root.appendingPathComponent("Tests/Fixtures") }

    public static func sample(_ name: String) -> String { samples.appendingPathComponent(name).path }

    /// The day of processing the tests set (`Pipeline.Options.today`, `--today`): after every
    /// sample's and fixture's dates, so that no result depends on the day the tests run.
    public static let processingDay = CalendarDate(year: 2026, month: 11, day: 25)!

    /// The real catalog in forms/, loaded once.
    public static let catalog: Catalog = {
        do {
            return try Catalog.load(from: forms)
        } catch {
            fatalError("forms/ does not load: \(error)")
        }
    }()

    /// The built `intake` executable next to the test bundle.
    public static var intakeExecutable: URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("intake"),
            Bundle.main.bundleURL.appendingPathComponent("intake"),
            root.appendingPathComponent(".build/debug/intake"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }
}

/// A fresh temporary folder, removed when the value is deinitialised.
public final class TemporaryDirectory: @unchecked Sendable {
    public let url: URL

    public init(_ label: String = "intake-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// A folder inside, made with its parents, holding copies of samples: file name → sample name.
    @discardableResult
    public func folder(_ name: String, samples: [String: String] = [:]) throws -> URL {
        let folder = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (file, sample) in samples.sorted(by: { $0.key < $1.key }) {
            try FileManager.default.copyItem(atPath: Repository.sample(sample), toPath: folder.appendingPathComponent(file).path)
        }
        return folder
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Runs a command and returns its exit status and standard output (standard error discarded
/// unless `mergeStandardError`).
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

public func runCommand(_ executable: String, _ arguments: [String], currentDirectory: URL? = nil,
                       stdin: Data? = nil) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let input = Pipe()
    process.standardInput = stdin == nil ? FileHandle.nullDevice : input
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    if let stdin {
        input.fileHandleForWriting.write(stdin)
        try input.fileHandleForWriting.close()
    }
    // Read both pipes before waiting, so a chatty child cannot block on a full pipe.
    let errData = LockedData()
    let reader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errData.isSet { usleep(1000) }
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData.get(), as: UTF8.self))
}

final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data ?? Data() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return data != nil }
}

/// The text of a PDF as `pdftotext -layout` gives it.
public func pdfText(_ path: String) throws -> String {
    try runCommand("/usr/bin/pdftotext", ["-layout", path, "-"]).stdout
}

/// The text of a PDF in content-stream order (`pdftotext -raw`): a wrapped cell's lines stay
/// together instead of being interleaved with the cells beside them.
public func pdfRawText(_ path: String) throws -> String {
    try runCommand("/usr/bin/pdftotext", ["-raw", path, "-"]).stdout
}

/// Text with all white space removed, to find values that wrap across lines.
public func squeezed(_ text: String) -> String {
    String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
}

/// Runs `body` on a thread of its own and waits for it without holding one of Swift's cooperative
/// threads. A test that reads scans must: the OCR engine is an actor, and `EngineRecognizer`
/// blocks its caller until the engine's task has run, so two such tests blocking the pool's two
/// threads (this machine has two cores) would wait on each other for ever.
public func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread {
            do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
        }.start()
    }
}
