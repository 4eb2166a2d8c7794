import Foundation
import IntakeCore

/// Reads a PDF first in a child process (`intake rehearse`), so that a crash or hang of the C
/// libraries on one file costs that file only: `intake watch` quarantines it with the reason
/// and goes on with the submissions in hand.
enum IsolatedReading {
    /// Longer than any PDF takes without OCR (the slowest of 320 real-world PDFs: 13 s).
    static let timeLimit: TimeInterval = 120

    /// A rehearsal closure for `Pipeline.Options.isolatedRehearsal`.
    static func rehearsal(forms: URL?) -> @Sendable ([UInt8]) -> IntakeError? {
        { bytes in rehearse(bytes, forms: forms) }
    }

    static func rehearse(_ bytes: [UInt8], forms: URL?) -> IntakeError? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-rehearse-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            return IntakeError(code: .output, message: "cannot make a folder to read the PDF in a child process: \(error)", path: "")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("file.pdf")
        guard FileManager.default.createFile(atPath: copy.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            return IntakeError(code: .output, message: "cannot write the PDF to read it in a child process", path: "")
        }
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        child.arguments = ["rehearse", copy.path] + (forms.map { ["--forms", $0.path] } ?? [])
        // The Swift runtime's crash report (seconds of symbolication) is not read here.
        child.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        // Set before the child starts, so that an exit cannot come before it.
        let done = DispatchSemaphore(value: 0)
        child.terminationHandler = { _ in done.signal() }
        do {
            try child.run()
        } catch {
            return IntakeError(code: .output, message: "cannot start the child process that reads PDFs: \(error)", path: "")
        }
        if done.wait(timeout: .now() + timeLimit) == .timedOut {
            child.terminate()
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            return IntakeError(code: .readerCrashed,
                               message: "the PDF reader ran past \(Int(timeLimit)) s on this file and was stopped", path: "")
        }
        child.waitUntilExit()
        if child.terminationReason == .uncaughtSignal {
            let signal = child.terminationStatus
            let name = strsignal(signal).map { String(cString: $0) } ?? "signal \(signal)"
            return IntakeError(code: .readerCrashed,
                               message: "the PDF reader crashed on this file (\(name), signal \(signal)); it is set aside for a person",
                               path: "")
        }
        return nil
    }
}
