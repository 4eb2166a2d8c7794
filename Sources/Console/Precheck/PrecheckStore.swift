import Foundation
import IntakeCore
import Pipeline

/// One folder per upload, `<folder>/<id>/`: `upload/` as the applicant sent it, `out/` what the
/// pipeline made of it, `meta.json` where it stands. The id is 128 random bits in hex, the only
/// way to it: nothing lists the uploads.
struct PrecheckStore: Sendable {
    let folder: URL

    /// Where an upload stands.
    struct Meta: Codable, Sendable {
        var created: Double
        var region: String
        /// The district as the guide names it, when the applicant chose one.
        var district: String?
        var item: String
        var handling: String
        var conditions: [String]
        /// checking, done, failed.
        var state: String
        /// For failed: why, in Chinese.
        var error: String?
        /// For done: the result folder under `out/`.
        var result: String?
        /// Seconds the check took.
        var seconds: Double?
        /// Once handed to the window: the 预审号 and the submission id it entered the inbox as.
        var reference: String?
        var submission: String?
    }

    static func isID(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// A new upload's folder, with its meta; the id.
    func create(_ meta: Meta) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let id = (0..<2).map { _ in String(format: "%016llx", UInt64.random(in: 0...UInt64.max, using: &generator)) }.joined()
        let base = folder.appendingPathComponent(id)
        do {
            try FileManager.default.createDirectory(at: base.appendingPathComponent("upload"), withIntermediateDirectories: true)
            try write(meta, id: id)
        } catch {
            throw ConsoleError(status: .internalServerError, message: "暂时无法保存上传的文件，请稍后再试。")
        }
        return id
    }

    func base(_ id: String) -> URL { folder.appendingPathComponent(id) }
    func upload(_ id: String) -> URL { base(id).appendingPathComponent("upload") }
    func output(_ id: String) -> URL { base(id).appendingPathComponent("out") }

    /// The meta of an id from a URL, checked first: anything else is "not found".
    func meta(_ id: String) -> Meta? {
        guard Self.isID(id), let data = FileManager.default.contents(atPath: base(id).appendingPathComponent("meta.json").path) else {
            return nil
        }
        return try? JSONDecoder().decode(Meta.self, from: data)
    }

    func write(_ meta: Meta, id: String) throws {
        let data = try JSONEncoder().encode(meta)
        try OutputStore.writeAtomically(Array(data), to: base(id).appendingPathComponent("meta.json").path)
    }

    func count() -> Int { ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { Self.isID($0) }.count }

    /// Deletes the uploads that came before `cutoff` (by their meta, else by the folder's time);
    /// how many.
    func sweep(olderThan cutoff: Date) -> Int {
        var removed = 0
        for id in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where Self.isID(id) {
            var created = meta(id)?.created
            if created == nil, let attributes = try? FileManager.default.attributesOfItem(atPath: base(id).path) {
                created = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970
            }
            guard let created, created < cutoff.timeIntervalSince1970 else { continue }
            if (try? FileManager.default.removeItem(at: base(id))) != nil { removed += 1 }
        }
        return removed
    }
}
