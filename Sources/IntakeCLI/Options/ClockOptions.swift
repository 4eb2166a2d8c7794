import ArgumentParser
import IntakeCore

/// `--today`: the day of processing as the checks see it, so a run can be repeated as on a given day.
struct ClockOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Judge dates and date notices as on this day (China Standard Time) instead of the machine's day. "
                               + "A submission with an earlier submittedOn is judged as on that day either way. Output folders "
                               + "are named by this day too; processedAt keeps the machine's clock.", valueName: "YYYY-MM-DD"))
    var today: CalendarDate?
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) {
        guard case .date(let date) = CalendarDate.parse(argument) else { return nil }
        self = date
    }
}
