import Foundation

/// A clerk's login: an unguessable id in an HttpOnly cookie, and the CSRF token every state
/// change must carry.
public struct ClerkSession: Sendable, Hashable {
    public let id: String
    public let login: String
    public let csrf: String
    let created: Date
    var lastSeen: Date
}

/// Sessions in memory: a restart logs everyone out, which a counter can live with. A new id at
/// every login (never one the browser brought), out after 15 idle minutes or 10 hours in all.
actor SessionStore {
    let idle: TimeInterval
    let absolute: TimeInterval
    private var sessions: [String: ClerkSession] = [:]

    init(idle: TimeInterval = 15 * 60, absolute: TimeInterval = 10 * 3600) {
        self.idle = idle
        self.absolute = absolute
    }

    func create(login: String, now: Date) -> ClerkSession {
        let session = ClerkSession(id: Self.token(), login: login, csrf: Self.token(), created: now, lastSeen: now)
        sessions[session.id] = session
        return session
    }

    /// The live session with this id, its idle clock restarted.
    func session(_ id: String, now: Date) -> ClerkSession? {
        guard var session = sessions[id] else { return nil }
        guard now.timeIntervalSince(session.lastSeen) <= idle, now.timeIntervalSince(session.created) <= absolute else {
            sessions[id] = nil
            return nil
        }
        session.lastSeen = now
        sessions[id] = session
        return session
    }

    func remove(_ id: String) { sessions[id] = nil }

    func removeAll(login: String) { sessions = sessions.filter { $0.value.login != login } }

    /// 32 random bytes, hex.
    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
