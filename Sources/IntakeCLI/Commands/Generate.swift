import ArgumentParser
import Foundation
import Generate

extension IntakeCommand {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write synthetic submissions (XML, typed PDF) across every form, with faults, for tests and benchmarks.",
            discussion: """
            Writes COUNT fictitious but realistic submissions spread over every form of the catalog and \
            the districts of its cities: Chinese names and addresses, valid 统一社会信用代码 and \
            居民身份证号码 (agreeing with birth date and 性别), dates in order, options as printed, table \
            rows, 本人/委托 with an agent, the item's 申办材料 attached. With probability --faults a \
            submission carries one to three faults (a wrong check character, a blank required field, a \
            date that does not exist, a reversed period, a missing material, 性别 against the ID \
            number, an option the form does not print).

            Files go to OUT/<kind>/<NNNN>/s<index>-<form>.<kind>, 1,000 per folder; OUT/manifest.csv \
            lists each file with its form, region, district, handling, the faults injected, the \
            problem codes they must produce and the expected status (accepted without faults, \
            incomplete with them). A typed PDF is the filled form as `intake` renders it: it carries \
            the form's fields only (no region, handling or materials), so its status is not promised. \
            The same --seed gives byte-identical files.
            """)

        @Option(help: "How many submissions to write.")
        var count: Int

        @Option(help: ArgumentHelp("The folder to write into (created if needed).", valueName: "dir"))
        var out: String

        @Option(help: ArgumentHelp("Comma-separated kinds: xml, pdf (each submission in each kind).", valueName: "kinds"))
        var kinds: Kinds = Kinds(list: [.xml])

        @Option(help: ArgumentHelp("Probability that a submission carries faults (0–1).", valueName: "p"))
        var faults: Double = 0.3

        @Option(help: "Seed of the generator: the same seed writes the same bytes.")
        var seed: UInt64 = 1

        func validate() throws {
            guard count >= 0 else { throw ValidationError("--count must not be negative") }
            guard (0...1).contains(faults) else { throw ValidationError("--faults must lie between 0 and 1") }
        }

        /// `--kinds xml,pdf`: one or more kinds, comma-separated.
        struct Kinds: ExpressibleByArgument {
            var list: [CorpusWriter.Kind]
            init(list: [CorpusWriter.Kind]) { self.list = list }
            init?(argument: String) {
                let names = argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                let kinds = names.compactMap(CorpusWriter.Kind.init(rawValue:))
                guard !kinds.isEmpty, kinds.count == names.count else { return nil }
                list = kinds
            }
            var defaultValueDescription: String { list.map(\.rawValue).joined(separator: ",") }
        }

        @OptionGroup var catalogOptions: CatalogOptions

        func run() throws {
            let catalog = try catalogOptions.load()
            let writer = CorpusWriter(catalog: catalog, options: .init(count: count, kinds: kinds.list,
                                                                       faultRate: faults, seed: seed))
            let out = URL(fileURLWithPath: self.out)
            let terminal = isatty(STDERR_FILENO) != 0
            let summary = try writer.write(to: out) { done in
                if terminal { Diagnostics.write("\r\(done)/\(count)") }
            }
            if terminal { Diagnostics.write("\r") }
            print("\(summary.submissions) submission(s), \(summary.files) file(s), \(summary.faulty) with faults, "
                  + "\(summary.forms.count) form(s) → \(out.path)/ (manifest.csv)")
        }
    }
}
