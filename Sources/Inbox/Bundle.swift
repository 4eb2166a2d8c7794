import Foundation
import Intake
import Pipeline

/// A bundle folder dropped as one submission: exactly one XML application and the files of its
/// materials (营业执照.pdf, 授权委托书.jpg …), each taken as the material its name says.
struct Bundle {
    /// The application's bytes.
    let application: [UInt8]
    /// SHA-256 of the manifest (every file's name and SHA-256, sorted): the same folder dropped
    /// again has the same hash.
    let sha256: String
    /// The other files, by name.
    let attachedFiles: [String]

    init(folder: URL, displayPath: String, pipeline: Pipeline) throws(IntakeError) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { !$0.hasPrefix(".") && !Settler.readyMarkers.contains($0) }.sorted()
        let applications = names.filter { $0.lowercased().hasSuffix(".xml") }
        guard applications.count == 1 else {
            throw IntakeError(code: "bundle", message: "a bundle folder must hold exactly one XML application, it holds \(applications.count)",
                              path: displayPath)
        }
        var manifest = ""
        var application: [UInt8] = []
        for name in names {
            let path = folder.appendingPathComponent(name).path
            guard FileSystem.stamp(folder.appendingPathComponent(name))?.isFile == true else {
                throw IntakeError(code: "bundle", message: "\(name) inside the bundle is not a regular file", path: displayPath)
            }
            let digest: String
            if name == applications[0] {
                application = try pipeline.readFile(path)  // the application obeys the size limit
                digest = SubmissionID.sha256Hex(application)
            } else {
                // Scans may be large: hash them mapped, without copying them into memory.
                guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
                    throw IntakeError(code: "unreadable", message: "cannot read \(name) inside the bundle", path: displayPath)
                }
                digest = SubmissionID.sha256Hex(data)
            }
            manifest += "\(name)\t\(digest)\n"
        }
        self.application = application
        sha256 = SubmissionID.sha256Hex(Array(manifest.utf8))
        attachedFiles = names.filter { $0 != applications[0] }
    }
}
