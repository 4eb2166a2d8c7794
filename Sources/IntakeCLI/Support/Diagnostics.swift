import Foundation

/// Standard error: where the CLI writes diagnostics and progress (results go to standard output).
enum Diagnostics {
    static func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
    static func line(_ text: String) { write(text + "\n") }
}
