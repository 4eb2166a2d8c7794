/// Why intake could not read a file as a submission at all (as opposed to problems found in it).
public struct IntakeError: Error, Sendable, CustomStringConvertible {
    /// Stable code for scripts: `unreadable`, `too-large`, `not-xml`, `refused`, `wrong-root`,
    /// `unknown-form`, `unsupported-version`, `schema-violation`, `catalog`, `output`.
    public var code: String
    /// English, one line, saying what went wrong.
    public var message: String
    /// The file.
    public var path: String
    public var line: Int?
    /// Further lines (every schema error), for logs and result.json.
    public var details: [Detail]

    public struct Detail: Sendable, Hashable {
        public var line: Int?
        public var message: String
        public init(line: Int?, message: String) {
            self.line = line
            self.message = message
        }
    }

    public init(code: String, message: String, path: String, line: Int? = nil, details: [Detail] = []) {
        self.code = code
        self.message = message
        self.path = path
        self.line = line
        self.details = details
    }

    /// `path:line: message`, the operator's one-line error.
    public var description: String {
        if let line { return "\(path):\(line): \(message)" }
        return "\(path): \(message)"
    }
}
