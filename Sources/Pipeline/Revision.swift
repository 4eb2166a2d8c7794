import Catalog
import Foundation
import IntakeCore

/// The submission as checked, beside its result.json: a clerk's correction is checked again
/// from it, without reading (or OCR-ing) the original file again.
public enum SubmissionSnapshot {
    public static let file = "submission.json"

    static func encode(_ submission: Submission) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(submission)) ?? Data("{}".utf8))
    }

    public static func read(folder: URL) throws(IntakeError) -> Submission {
        let path = folder.appendingPathComponent(file).path
        do {
            return try JSONDecoder().decode(Submission.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw IntakeError(code: .unreadable, message: "no submission as checked (processed before revisions existed: "
                              + "process it again with --reprocess): \(error)", path: path)
        }
    }
}

/// What a clerk settled in the console: values changed or confirmed, declared conditions,
/// materials seen on paper.
public struct ClerkCorrections: Sendable, Hashable {
    /// Field key → the value the clerk wants; the same value as read confirms it.
    public var values: [String: FieldValue]
    /// The declared conditions as the clerk set them (委托, one-net-registered …); nil: unchanged.
    public var conditions: [String]?
    /// The handling mode as the clerk set it (本人 / 委托); nil: unchanged.
    public var handling: String?
    /// Material ids the clerk saw handed over on paper ("原件已核").
    public var materialsSeen: [String]

    public init(values: [String: FieldValue] = [:], conditions: [String]? = nil, handling: String? = nil,
                materialsSeen: [String] = []) {
        self.values = values
        self.conditions = conditions
        self.handling = handling
        self.materialsSeen = materialsSeen
    }
}

extension Pipeline {
    /// The result in `folder` (result.json) as the latest revision has it.
    public static func result(in folder: URL) throws(IntakeError) -> SubmissionResult {
        let path = folder.appendingPathComponent("result.json").path
        do {
            return try JSONDecoder().decode(SubmissionResult.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw IntakeError(code: .unreadable, message: "cannot read result.json: \(error)", path: path)
        }
    }

    /// Writes the next revision of the submission in `folder`: the clerk's corrections applied,
    /// every check and the materials run again, form.pdf and notice.pdf rendered again, all in
    /// one rename. The revision before moves, whole, to `revisions/<n>/`; the original file is
    /// not touched. `base` is the revision the clerk corrected: when another clerk has written
    /// one since, nothing is written (`revision-conflict`). Callers serialise writers of one
    /// folder (the console holds a lock per submission).
    public func revise(folder: URL, base: Int, corrections: ClerkCorrections, clerk: String,
                       now: Date = Date()) throws(IntakeError) -> SubmissionResult {
        let previous = try Self.result(in: folder)
        let current = previous.revision ?? 1
        guard current == base else {
            throw IntakeError(code: .revisionConflict, message: "revision \(base) was corrected already (now revision \(current))",
                              path: folder.path)
        }
        var submission = try SubmissionSnapshot.read(folder: folder)
        guard let form = catalog.form(previous.formID) else {
            throw IntakeError(code: .unknownForm, message: "form \(previous.formID) is no longer in the catalog", path: folder.path)
        }
        let clock = Clock(now, today: options.today)
        let revision = current + 1
        var history = previous.corrections ?? []
        for (key, value) in corrections.values.sorted(by: { $0.key < $1.key }) {
            let before = submission.values[key]
            let changed = before != value && !(before?.isBlank ?? true && value.isBlank)
            if changed {
                submission.values[key] = value.isBlank ? nil : value
                history.append(.init(field: key, before: before, after: value.isBlank ? nil : value, clerk: clerk,
                                     at: clock.timestamp, revision: revision))
            }
            var origin = submission.origins[key] ?? FieldOrigin(method: submission.readingMethod)
            origin.needsReview = false
            origin.verifiedBy = clerk
            if changed { origin.confidence = 1 }
            submission.origins[key] = origin
        }
        if let conditions = corrections.conditions { submission.declaredConditions = conditions }
        if let handling = corrections.handling { submission.handling = handling }
        for material in corrections.materialsSeen where !submission.attachments.contains(where: { $0.id == material }) {
            var seen = Submission.Attachment(id: material, name: material, file: nil, line: nil)
            seen.evidence = "原件已核（\(clerk)）"
            submission.attachments.append(seen)
        }
        var files: [(String, [UInt8])] = []
        var result = try check(submission, form: form, id: previous.id, sha: previous.source.sha256, path: previous.source.path,
                               clock: clock, folder: folder, files: &files)
        result.source = previous.source
        result.processedAt = previous.processedAt
        result.revision = revision
        result.corrections = history.isEmpty ? nil : history
        files.append(("result.json", ResultJSON.encode(result)))
        files += try Self.earlierRevisions(folder: folder, current: current)
        try store.write(files, date: folder.deletingLastPathComponent().lastPathComponent, id: previous.id, path: folder.path)
        return result
    }

    /// The files of the revision being replaced under `revisions/<current>/`, and the older ones
    /// as they were.
    static func earlierRevisions(folder: URL, current: Int) throws(IntakeError) -> [(String, [UInt8])] {
        var files: [(String, [UInt8])] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name != "revisions" {
            files.append(("revisions/\(current)/\(name)", try readEarlier(folder.appendingPathComponent(name))))
        }
        return files + (try keptRevisions(folder: folder))
    }

    /// The files under `revisions/` of `folder`, as they are.
    static func keptRevisions(folder: URL) throws(IntakeError) -> [(String, [UInt8])] {
        let fm = FileManager.default
        var files: [(String, [UInt8])] = []
        let older = folder.appendingPathComponent("revisions")
        for revision in (try? fm.contentsOfDirectory(atPath: older.path)) ?? [] {
            for name in (try? fm.contentsOfDirectory(atPath: older.appendingPathComponent(revision).path)) ?? [] {
                files.append(("revisions/\(revision)/\(name)", try readEarlier(older.appendingPathComponent(revision).appendingPathComponent(name))))
            }
        }
        return files
    }

    private static func readEarlier(_ url: URL) throws(IntakeError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw IntakeError(code: .unreadable, message: "cannot read an earlier revision", path: url.path)
        }
        return Array(data)
    }
}

/// What clerks settled in an earlier result of the same submission (its latest revision): when
/// the file is checked again (`revalidate`, `process --reprocess`) their values, conditions and
/// 原件已核 ticks stand over a fresh reading, and the revision history is kept.
struct SettledRevision {
    let folder: URL
    let revision: Int
    let corrections: [SubmissionResult.Correction]?
    let snapshot: Submission

    /// The latest revision in `folder`, when clerks revised it.
    init?(folder: URL?) {
        guard let folder, let result = try? Pipeline.result(in: folder), let revision = result.revision, revision > 1,
              let snapshot = try? SubmissionSnapshot.read(folder: folder) else { return nil }
        self.folder = folder
        self.revision = revision
        corrections = result.corrections
        self.snapshot = snapshot
    }

    /// The clerks' values over the fresh reading, field by field.
    func apply(to submission: inout Submission) {
        for (key, origin) in snapshot.origins where origin.verifiedBy != nil {
            submission.values[key] = snapshot.values[key]
            submission.origins[key] = origin
        }
        submission.declaredConditions = snapshot.declaredConditions
        submission.handling = snapshot.handling
        for seen in snapshot.attachments where seen.file == nil && seen.evidence?.hasPrefix("原件已核") == true
            && !submission.attachments.contains(where: { $0.id == seen.id }) {
            submission.attachments.append(seen)
        }
    }
}
