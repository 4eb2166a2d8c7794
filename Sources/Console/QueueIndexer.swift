import Catalog
import Foundation
import IntakeCore
import Ledger
import Pipeline

/// Keeps the ledger's queue index in step with the output folder: a result folder that appears
/// or gets a new revision is read once and indexed, so neither the queue nor a search reads a
/// result.json.
actor QueueIndexer {
    let output: URL
    let store: any ConsoleStore
    let catalog: Catalog
    /// result.json's modification time per folder last indexed.
    private var seen: [String: Date] = [:]

    init(output: URL, store: any ConsoleStore, catalog: Catalog) {
        self.output = output
        self.store = store
        self.catalog = catalog
    }

    /// Indexes what is new or changed in the date folders `days` (all when nil).
    func refresh(days: [String]? = nil) throws {
        let fm = FileManager.default
        // No output folder yet: nothing processed, nothing to index.
        let dates = days ?? ((try? fm.contentsOfDirectory(atPath: output.path)) ?? []).filter { $0.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil }
        var changed: [QueueEntry] = []
        for day in dates {
            let dayFolder = output.appendingPathComponent(day)
            for id in (try? fm.contentsOfDirectory(atPath: dayFolder.path)) ?? [] where SubmissionRef.isID(id) {
                let folder = dayFolder.appendingPathComponent(id)
                let result = folder.appendingPathComponent("result.json")
                guard let modified = (try? fm.attributesOfItem(atPath: result.path))?[.modificationDate] as? Date,
                      seen[folder.path] != modified else { continue }
                seen[folder.path] = modified
                if let read = try? Pipeline.result(in: folder) { changed.append(entry(read, day: day, folder: folder)) }
            }
        }
        try store.upsert(changed)
    }

    func entry(_ result: SubmissionResult, day: String, folder: URL) -> QueueEntry {
        let form = catalog.form(result.formID)
        let types = Dictionary(uniqueKeysWithValues: (form?.fields ?? []).map { ($0.key, $0) })
        var ids: [String] = []
        var uscc: String?
        for field in result.fields {
            guard let value = field.value, let definition = types[field.key] else { continue }
            switch definition.type {
            case .idNumber: ids.append(value.display)
            case .uscc: uscc = uscc ?? value.display.uppercased()
            case .table:
                if case .rows(let rows) = value {
                    for column in definition.columns where column.type == .idNumber {
                        ids += rows.compactMap { $0[column.key]?.display }
                    }
                }
            default: break
            }
        }
        let applicant = form?.applicantField.flatMap { key in result.fields.first { $0.key == key }?.value?.display }
        let last4 = ids.map { String($0.trimmingWhitespace().uppercased().suffix(4)) }.filter { $0.count == 4 }
        return QueueEntry(submission: result.id, day: day, folder: folder.path, status: result.status.rawValue,
                          form: (result.form?.title ?? result.item?.name ?? ""), item: result.item?.name, office: result.item?.submittedRegion,
                          district: result.item?.district, applicant: applicant, uscc: uscc,
                          idLast4: last4.isEmpty ? nil : last4.joined(separator: " "),
                          flagged: result.fields.filter { $0.source?.needsReview == true }.count,
                          revision: result.revision ?? 1, processedAt: result.processedAt)
    }
}

/// A submission id as it may appear in a URL: 16 lower-case hex digits, nothing else, so no
/// path is ever built from what a browser sent.
enum SubmissionRef {
    static func isID(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 16 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
