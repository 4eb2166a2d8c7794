import IntakeCore

/// How a new decision differs from the previous one about the same submission, in the order
/// reports list them. The one list of change kinds (`intake revalidate` decides them).
public enum Change: String, Sendable, CaseIterable {
    /// Now incomplete, before not (accepted, rejected, failed).
    case newlyIncomplete = "newly-incomplete"
    /// Now accepted, before not.
    case newlyComplete = "newly-complete"
    /// Same status, problems the previous decision did not have.
    case problemsAdded = "problems-added"
    /// Same status, only fewer problems.
    case problemsResolved = "problems-resolved"
    /// Another change of status (to rejected or needs-review, or from failed).
    case statusChanged = "status-changed"
    case unchanged
    /// No earlier decision about these bytes.
    case new
    /// The file cannot be read now.
    case failed

    /// Whether the submission's outputs are out of date (and `--render` regenerates them).
    public var isChange: Bool {
        switch self {
        case .newlyIncomplete, .newlyComplete, .problemsAdded, .problemsResolved, .statusChanged: return true
        case .unchanged, .new, .failed: return false
        }
    }

    /// The Chinese words a section chief reads.
    public var wording: String {
        switch self {
        case .unchanged: "无变化"
        case .newlyIncomplete: "新变为需补正"
        case .newlyComplete: "新变为材料齐全"
        case .problemsAdded: "新增问题"
        case .problemsResolved: "问题减少"
        case .statusChanged: "结论改变"
        case .new: "首次校验"
        case .failed: "无法读取"
        }
    }
}

/// The statuses of a revalidation decision: a result's four, and `failed` for a file that could
/// not be read at all, in the order reports list them.
public enum DecisionStatus {
    public static let failed = "failed"
    public static let all = [SubmissionResult.Status.accepted, .incomplete, .rejected, .needsReview].map(\.rawValue) + [failed]
}
