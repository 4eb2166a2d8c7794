import ArgumentParser

@main
struct IntakeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "Reads 医保 applications, checks them against the official guides, and fills the official forms.",
        discussion: """
        intake reads submitted applications (XML, PDF, zip bundles; see README.md), works out the \
        form, the service item (事项) and the region, checks every field and the item's required \
        materials (申办材料), and writes for each file, under OUTPUT/<YYYY-MM-DD>/<submission-id>/:
          form.pdf     the filled official form, A4, ready to print
          notice.pdf   the 一次性告知书 (missing-items notice), when anything is missing or wrong
          result.json  the machine-readable result (schema intake.result/1)

        The catalog of forms and items is read from forms/ (found next to the executable or in the \
        repository it was built from; --forms DIR or $INTAKE_FORMS to use another).

        Exit status of `process`: 0 every file accepted (or already processed), 1 some submission is \
        incomplete or rejected, 2 some file could not be processed at all, 64 usage error.
        """,
        version: "0.1.0",
        subcommands: [Process.self, Forms.self, Blank.self, CatalogCommand.self, Watch.self, Status.self, Revalidate.self, Generate.self, ConsoleCommand.self, ClerkCommand.self,
                      AuditCommand.self, Rehearse.self]
    )
}
