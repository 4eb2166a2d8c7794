import Foundation
import Hummingbird

/// 登录 and 退出.
struct LoginRoutes: Sendable {
    let server: ConsoleServer

    func page(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        if context.session != nil { return Response(status: .seeOther, headers: [.location: "/"]) }
        return server.pages.html("login", LoginView(message: request.uri.queryParameters.get("m") == "out" ? "已退出登录。" : nil))
    }

    struct LoginView { let message: String? }

    func submit(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let form = try await Forms.decode(request, limit: 4096)
        let login = form["login"] ?? "", password = form["password"] ?? ""
        let now = server.now()
        guard let clerk = try await server.accounts.authenticate(login: login, password: password, now: now) else {
            // The login as typed, so a lockout can be traced; never the password.
            try server.store.audit(server.entry(context, "login-failed", clerk: String(login.prefix(32))))
            return server.pages.html("login", LoginView(message: "登录失败：用户名或密码错误。连续失败5次，账户锁定15分钟。"),
                                     status: .unauthorized)
        }
        // A fresh session id at every login: any id the browser brought is dropped.
        if let old = request.cookies[Cookies.session]?.value { await server.sessions.remove(old) }
        let session = await server.sessions.create(login: clerk.login, now: now)
        try server.store.audit(server.entry(context, "login", clerk: clerk.login))
        return Response(status: .seeOther, headers: [.location: "/", .setCookie: cookie(session.id)])
    }

    func logout(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        if let session = context.session { await server.sessions.remove(session.id) }
        try server.audit(context, "logout")
        return Response(status: .seeOther, headers: [.location: "/login?m=out", .setCookie: cookie("", maxAge: 0)])
    }

    func cookie(_ value: String, maxAge: Int? = nil) -> String {
        var text = "\(Cookies.session)=\(value); Path=/; HttpOnly; SameSite=Strict"
        if server.settings.secure { text += "; Secure" }
        if let maxAge { text += "; Max-Age=\(maxAge)" }
        return text
    }
}

/// `application/x-www-form-urlencoded` bodies, read up to a limit.
enum Forms {
    static func decode(_ request: Request, limit: Int) async throws -> [String: String] {
        let body = try await request.body.collect(upTo: limit)
        return parse(String(buffer: body))
    }

    static func parse(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String { s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            guard let name = parts.first else { continue }
            fields[decode(name)] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }
}
