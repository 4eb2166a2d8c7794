import Catalog
import IntakeCore

/// 委托办理: the agent (代理人) must be named and identified by a valid 居民身份证号码.
enum AgentCheck {
    static let nameKey = "agentName"
    static let idKey = "agentIdNumber"

    static func check(_ submission: Submission, context: CheckContext) -> [Problem] {
        guard submission.handling == Submission.handlingEntrusted else { return [] }
        let agent = submission.agent
        var problems: [Problem] = []
        if (agent?.name ?? "").trimmingWhitespace().isEmpty {
            problems.append(Problem(field: nameKey, label: "代理人姓名", code: .missingRequired,
                                    message: "委托办理的，须填写代理人姓名。", line: agent?.line))
        }
        let id = (agent?.idNumber ?? "").trimmingWhitespace()
        if id.isEmpty {
            problems.append(Problem(field: idKey, label: "代理人身份证件号码", code: .missingRequired,
                                    message: "委托办理的，须填写代理人身份证件号码。", line: agent?.line))
        } else {
            let field = FieldDefinition.synthetic(key: idKey, label: "代理人身份证件号码", type: .idNumber)
            problems += CitizenIDCheck().check(.text(id), field: field, context: context).problems
                .map { var p = $0; p.line = agent?.line; return p }
        }
        return problems
    }
}

extension FieldDefinition {
    /// A field that is not on the printed form (the agent's data in the submission's envelope).
    static func synthetic(key: String, label: String, type: FieldType) -> FieldDefinition {
        FieldDefinition(key: key, label: label, type: type)
    }
}
