import Foundation
import IntakeCore
import Pipeline

/// The one-line-per-file summary for people, and the JSON line for scripts.
enum Summary {
    static func print(_ outcome: Pipeline.Outcome, path: String) {
        switch outcome {
        case .processed(let r):
            var line = "\(r.status.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(path)"
            if !r.problems.isEmpty {
                let codes = Dictionary(grouping: r.problems, by: \.code.rawValue).map { "\($0.key)×\($0.value.count)" }.sorted()
                line += " (\(codes.joined(separator: ", ")))"
            }
            let files = [r.outputs.form, r.outputs.notice, r.outputs.receipt, r.outputs.result].compactMap { $0 }.joined(separator: ", ")
            line += " → \(r.outputs.directory)/ [\(files)]"
            Swift.print(line)
        case .duplicate(let id, let previous):
            Swift.print("duplicate  \(path) (id \(id), already processed: \(previous)/)")
        case .failed(let error):
            Diagnostics.line("error      \(Masking.maskDigitRuns(in: error.description))")
        }
    }
}

enum JSONLine {
    struct Failure: Encodable {
        struct Source: Encodable { var path: String }
        struct Detail: Encodable { var code: String; var message: String; var line: Int? }
        var source: Source
        var status = "error"
        var error: Detail
    }

    struct Duplicate: Encodable {
        struct Source: Encodable { var path: String }
        var source: Source
        var status = "duplicate"
        var id: String
        var previous: String
    }

    static func make(_ outcome: Pipeline.Outcome, path: String) -> String {
        switch outcome {
        case .processed(let r):
            return ResultJSON.line(r)
        case .duplicate(let id, let previous):
            return ResultJSON.line(Duplicate(source: .init(path: path), id: id, previous: previous))
        case .failed(let e):
            return ResultJSON.line(Failure(source: .init(path: path),
                                           error: .init(code: e.code.rawValue, message: Masking.maskDigitRuns(in: e.message), line: e.line)))
        }
    }
}
