import Ledger
import Report

extension Change {
    public struct Comparison: Sendable {
        public var change: Change
        public var added: ProblemList
        public var resolved: ProblemList
    }

    /// Compares `finding` with `previous`. When the previous problems are unknown (an inbox
    /// decision whose result.json is gone) only the status is compared.
    public static func compare(_ finding: Finding, with previous: PreviousDecision?, previousProblems: ProblemList?) -> Comparison {
        let none = ProblemList([])
        if finding.isFailure { return Comparison(change: .failed, added: none, resolved: none) }
        guard let previous else { return Comparison(change: .new, added: none, resolved: none) }
        let added = previousProblems.map { finding.problems.subtracting($0) } ?? none
        let resolved = previousProblems.map { $0.subtracting(finding.problems) } ?? none
        let change: Change
        if finding.status != previous.status {
            switch finding.status {
            case "incomplete": change = .newlyIncomplete
            case "accepted": change = .newlyComplete
            default: change = .statusChanged
            }
        } else if !added.entries.isEmpty {
            change = .problemsAdded
        } else if !resolved.entries.isEmpty {
            change = .problemsResolved
        } else {
            change = .unchanged
        }
        return Comparison(change: change, added: added, resolved: resolved)
    }
}
