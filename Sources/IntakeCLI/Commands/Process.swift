import ArgumentParser
import Foundation
import IntakeCore
import Pipeline

extension IntakeCommand {
    struct Process: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check submissions and write their forms, notices and results.",
            discussion: """
            PATH may be a file (XML, PDF, or a zip bundle) or a folder; folders are searched \
            recursively for .xml, .pdf and .zip files (hidden files are skipped), and a folder holding \
            a READY marker, or any folder given with --bundle, is one bundle: the application and \
            its supporting materials. Symbolic links, FIFOs and other special files found inside a \
            folder are reported and not opened; a symbolic link named on the command line is \
            followed. The original files are only read, never changed. A file whose exact \
            bytes were processed before (same SHA-256) is reported as a duplicate and not processed \
            again unless --reprocess is given.
            """)

        @OptionGroup var catalogOptions: CatalogOptions
        @OptionGroup var outputOptions: OutputOptions
        @OptionGroup var loggingOptions: LoggingOptions
        @OptionGroup var clockOptions: ClockOptions

        @Flag(help: "Take each folder given as one bundle (application + materials), not as a batch.")
        var bundle = false

        @Flag(help: "Process files again even if their outputs already exist.")
        var reprocess = false

        @Flag(name: .customLong("no-render"), help: "Write result.json only, without form.pdf and notice.pdf.")
        var noRender = false

        @Option(help: "Submissions checked at once (default: every core).")
        var workers: Int?

        func validate() throws {
            if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
        }

        @Argument(help: ArgumentHelp("Submission files or folders.", valueName: "path"))
        var paths: [String]

        func run() throws {
            loggingOptions.bootstrap()
            let catalog = try catalogOptions.load()
            var options = Pipeline.Options(outputRoot: URL(fileURLWithPath: outputOptions.output), render: !noRender,
                                           reprocess: reprocess, recognizer: Pipeline.ocrRecognizer())
            options.today = clockOptions.today
            options.durable = false  // the originals are untouched: outputs can always be made again
            let pipeline = Pipeline(catalog: catalog, options: options)
            var tally = Tally()
            let (files, empty, skipped) = SubmissionFiles.expand(paths, bundles: bundle)
            for (path, reason) in skipped {
                tally.failed += 1
                Diagnostics.line("error      \(path): \(reason)")
            }
            for folder in empty {
                // A folder without READY is a batch, not a bundle: one with nothing in it is an error.
                tally.failed += 1
                Diagnostics.line("error      \(folder): a folder holding no submission files (.xml, .pdf, .zip, .png, .jpg, .tif) and no READY "
                                 + "marker (a bundle folder needs one, or --bundle)")
            }
            ProcessBatch(pipeline: pipeline, workers: min(workers ?? ProcessInfo.processInfo.activeProcessorCount, max(1, files.count))).run(files) { path, outcome in
                tally.count(outcome)
                if outputOptions.json {
                    print(JSONLine.make(outcome, path: path))
                } else {
                    Summary.print(outcome, path: path)
                }
            }
            if !outputOptions.json {
                Diagnostics.line(tally.line(output: outputOptions.output))
            }
            if tally.exitCode != 0 { throw ExitCode(tally.exitCode) }
        }
    }
}

/// Counts outcomes for the closing line and the exit status.
struct Tally {
    var accepted = 0, incomplete = 0, rejected = 0, review = 0, duplicates = 0, failed = 0

    mutating func count(_ outcome: Pipeline.Outcome) {
        switch outcome {
        case .processed(let r):
            switch r.status {
            case .accepted: accepted += 1
            case .incomplete: incomplete += 1
            case .rejected: rejected += 1
            case .needsReview: review += 1
            }
        case .duplicate: duplicates += 1
        case .failed: failed += 1
        }
    }

    var exitCode: Int32 { failed > 0 ? 2 : (incomplete + rejected + review > 0 ? 1 : 0) }

    func line(output: String) -> String {
        let total = accepted + incomplete + rejected + review + duplicates + failed
        return "\(total) file(s): \(accepted) accepted, \(incomplete) incomplete, \(rejected) rejected, "
            + "\(review) needs-review, \(duplicates) duplicate, \(failed) failed; outputs under \(output)/"
    }
}
