import ArgumentParser

/// `--output` and `--json`: where results go and how they are printed.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Folder for the <YYYY-MM-DD>/<submission-id>/ outputs.", valueName: "dir"))
    var output: String = "output"

    @Flag(help: "Print one JSON object per file on standard output (result.json's content, or the error) instead of the summary.")
    var json = false
}
