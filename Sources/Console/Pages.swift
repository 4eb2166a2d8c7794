import Foundation
import Hummingbird
import Mustache

/// The console's HTML: Mustache templates from `Assets/templates`, every value HTML-escaped
/// (`{{ }}` only; no template uses the unescaped form, a test holds that).
struct Pages: Sendable {
    let library: MustacheLibrary

    init() async throws {
        library = try await MustacheLibrary(directory: Self.assets.appendingPathComponent("templates").path)
    }

    static var assets: URL { Bundle.module.url(forResource: "Assets", withExtension: nil)! }

    func html(_ template: String, _ view: Any, status: HTTPResponse.Status = .ok) -> Response {
        let text = library.render(view, withTemplate: template) ?? "template \(template) missing"
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// `/static/console.js` and `/static/console.css`: the only files served, by name.
struct AssetRoutes: Sendable {
    static let files: [String: String] = ["console.js": "text/javascript; charset=utf-8", "console.css": "text/css; charset=utf-8"]

    func file(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        guard let name = context.parameters.get("file"), let type = Self.files[name],
              let data = FileManager.default.contents(atPath: Pages.assets.appendingPathComponent("static/\(name)").path) else {
            throw ConsoleError.notFound
        }
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
