import Foundation
import Hummingbird
import Ledger
import Mustache

/// 今日队列 and search.
struct QueueRoutes: Sendable {
    let server: ConsoleServer

    /// A MustacheParent: the template reads its values by name, not through `Mirror`, which took
    /// three quarters of the queue page's time with 2,000 rows.
    struct Row: Encodable, MustacheParent {
        let id: String
        let status: String
        let statusLabel: String
        let form: String
        let item: String
        let applicant: String
        let idLast4: String
        let uscc: String
        let district: String
        let flagged: Int
        let revision: Int
        let time: String
        let day: String

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "status": status
            case "statusLabel": statusLabel
            case "form": form
            case "item": item
            case "applicant": applicant
            case "idLast4": idLast4
            case "uscc": uscc
            case "district": district
            case "flagged": flagged
            case "revision": revision
            case "time": time
            case "day": day
            default: nil
            }
        }
    }

    struct Listing: Encodable {
        let day: String
        let query: String
        let rows: [Row]
        let counts: [Count]
    }

    struct Count: Encodable { let label: String; let count: Int }

    func listing(_ request: Request, _ context: ConsoleContext) throws -> Listing {
        let day = server.today.iso
        let query = request.uri.queryParameters.get("q") ?? ""
        let entries = try query.isEmpty ? server.store.queue(day: day) : server.store.search(query)
        let clerk = context.clerk!
        let rows = entries.filter { clerk.serves(office: $0.office) }.map { e in
            Row(id: e.submission, status: e.status, statusLabel: Labels.status(e.status), form: e.form, item: e.item ?? "",
                applicant: e.applicant ?? "", idLast4: e.idLast4.map { "尾号 " + $0 } ?? "", uscc: e.uscc ?? "",
                district: e.district ?? "", flagged: e.flagged, revision: e.revision,
                time: String(e.processedAt.dropFirst(11).prefix(5)), day: e.day)
        }
        let counts = ["needs-review", "incomplete", "accepted", "rejected"].map { status in
            Count(label: Labels.status(status), count: rows.filter { $0.status == status }.count)
        }
        return Listing(day: day, query: query, rows: rows, counts: counts)
    }

    func page(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let listing = try listing(request, context)
        return server.pages.html("queue", Chrome(context, title: "今日队列", body: listing))
    }

    func list(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        JSON.response(try listing(request, context))
    }
}

/// What every logged-in page shows around its body.
struct Chrome<Body> {
    let title: String
    let clerkName: String
    let roleLabel: String
    let csrf: String
    let isChief: Bool
    let body: Body

    init(_ context: ConsoleContext, title: String, body: Body) {
        self.title = title
        clerkName = context.clerk?.name ?? ""
        roleLabel = Labels.role(context.clerk?.role ?? .clerk)
        csrf = context.session?.csrf ?? ""
        isChief = context.clerk?.role == .chief || context.clerk?.role == .admin
        self.body = body
    }
}

enum Labels {
    static func status(_ status: String) -> String {
        switch status {
        case "needs-review": "待核对"
        case "incomplete": "一次性告知"
        case "accepted": "可受理"
        case "rejected": "不予受理"
        default: status
        }
    }

    static func role(_ role: ClerkRole) -> String {
        switch role {
        case .clerk: "窗口"
        case .chief: "科长"
        case .admin: "管理员"
        }
    }

    static func decision(_ outcome: String) -> String {
        switch outcome {
        case "accept": "受理"
        case "notify": "一次性告知"
        case "refuse": "不通过"
        default: outcome
        }
    }
}
