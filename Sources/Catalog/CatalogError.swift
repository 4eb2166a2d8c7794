/// A catalog file that cannot be used: which file, where in it, and why.
public struct CatalogError: Error, Sendable, CustomStringConvertible {
    /// The file, relative to the catalog folder where possible.
    public var file: String
    /// Key path inside the file (`materials[0].source`), empty for the whole file.
    public var keyPath: String
    public var reason: String

    public init(file: String, keyPath: String = "", reason: String) {
        self.file = file
        self.keyPath = keyPath
        self.reason = reason
    }

    public var description: String {
        keyPath.isEmpty ? "\(file): \(reason)" : "\(file): \(keyPath): \(reason)"
    }
}

extension CatalogError {
    /// Turns a decoding error into the key path and reason it names.
    init(file: String, decoding error: Error) {
        func path(_ codingPath: [CodingKey]) -> String {
            var out = ""
            for key in codingPath {
                if let index = key.intValue {
                    out += "[\(index)]"
                } else {
                    out += out.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return out
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            self.init(file: file, keyPath: path(context.codingPath + [key]), reason: "required key is missing")
        case DecodingError.typeMismatch(let type, let context):
            self.init(file: file, keyPath: path(context.codingPath), reason: "expected \(type): \(context.debugDescription)")
        case DecodingError.valueNotFound(let type, let context):
            self.init(file: file, keyPath: path(context.codingPath), reason: "expected a \(type) value, found null")
        case DecodingError.dataCorrupted(let context):
            self.init(file: file, keyPath: path(context.codingPath), reason: context.debugDescription)
        default:
            self.init(file: file, reason: "\(error)")
        }
    }
}
