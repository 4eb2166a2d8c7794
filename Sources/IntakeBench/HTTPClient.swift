import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The console binary running, its addresses read from what it prints first.
final class ConsoleProcess {
    let process = Process()
    let address: String
    /// The 网上预审 listener's base (`http://host:port`), when started with --precheck-listen.
    let precheck: String?
    let startup: Double

    init(binary: String, arguments: [String]) throws {
        let lines = arguments.contains("--precheck-listen") ? 2 : 1
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        var text = ""
        while text.filter({ $0 == "\n" }).count < lines {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { fatalError("intake console ended before listening") }
            text += String(decoding: chunk, as: UTF8.self)
        }
        startup = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard let match = text.firstMatch(of: /(?m)^listening on (http:\/\/[0-9.:]+)/) else { fatalError("no address in: \(text)") }
        address = String(match.output.1)
        precheck = text.firstMatch(of: /precheck listening on (http:\/\/[0-9.:]+)/).map { String($0.output.1) }
    }

    /// Resident set size now, in bytes.
    func rss() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kB = Double(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") else { return 0 }
        return kB * 1024
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}

/// A browser's share of HTTP: the session cookie, the CSRF token and the Origin on POSTs.
final class HTTPClient: @unchecked Sendable {
    let base: String
    let session: URLSession
    var csrf = ""

    init(base: String) {
        self.base = base
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieAcceptPolicy = .always
        session = URLSession(configuration: configuration)
    }

    func login(_ login: String, password: String) throws {
        _ = try send("POST", "/login", body: Data("login=\(login)&password=\(password)".utf8),
                     type: "application/x-www-form-urlencoded")
        let page = try send("GET", "/")
        guard let token = String(decoding: page, as: UTF8.self).firstMatch(of: /data-csrf="([0-9a-f]+)"/) else {
            fatalError("login failed: no CSRF token on the queue page")
        }
        csrf = String(token.output.1)
    }

    /// Milliseconds from sending to the whole answer.
    func timed(_ method: String, _ path: String, json: String? = nil) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try send(method, path, body: json.map { Data($0.utf8) }, type: json == nil ? nil : "application/json")
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    func send(_ method: String, _ path: String, body: Data? = nil, type: String? = nil) throws -> Data {
        let (data, response) = try fetch(method, path, body: body, type: type)
        guard (200..<400).contains(response.statusCode) else {
            fatalError("\(method) \(path): HTTP \(response.statusCode) \(String(decoding: data, as: UTF8.self).prefix(200))")
        }
        return data
    }

    /// The answer as it came (redirects followed), whatever its status.
    func fetch(_ method: String, _ path: String, body: Data? = nil, type: String? = nil) throws -> (Data, HTTPURLResponse) {
        var request = URLRequest(url: URL(string: path.hasPrefix("http") ? path : base + path)!)
        request.httpMethod = method
        request.httpBody = body
        if let type { request.setValue(type, forHTTPHeaderField: "Content-Type") }
        if method == "POST" {
            request.setValue(base, forHTTPHeaderField: "Origin")
            if !csrf.isEmpty { request.setValue(csrf, forHTTPHeaderField: "X-CSRF-Token") }
        }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var answer: (Data?, URLResponse?, Error?)
        session.dataTask(with: request) { data, response, error in
            answer = (data, response, error)
            done.signal()
        }.resume()
        done.wait()
        if let error = answer.2 { throw error }
        guard let response = answer.1 as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        return (answer.0 ?? Data(), response)
    }
}

/// HTTP/1.1 over a plain socket to 127.0.0.1, one connection per request: a load generator that
/// costs little CPU (URLSession's threads took more than the server under test on 2 cores).
enum LoopbackHTTP {
    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
    }

    static func request(port: Int, _ method: String, _ path: String, headers: [String: String] = [:], body: [UInt8] = []) throws -> Answer {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw URLError(.cannotConnectToHost) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw URLError(.cannotConnectToHost) }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nContent-Length: \(body.count)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let out = Array((head + "\r\n").utf8) + body
        var sent = 0
        while sent < out.count {
            let n = out.withUnsafeBytes { send(fd, $0.baseAddress! + sent, out.count - sent, 0) }
            guard n > 0 else { throw URLError(.networkConnectionLost) }
            sent += n
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if n <= 0 { break }
            received += buffer[0..<n]
        }
        guard let split = received.firstRange(of: Array("\r\n\r\n".utf8)) else { throw URLError(.badServerResponse) }
        let lines = String(decoding: received[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        guard let status = lines.first?.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { throw URLError(.badServerResponse) }
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Answer(status: status, headers: fields, body: Array(received[split.upperBound...]))
    }
}
