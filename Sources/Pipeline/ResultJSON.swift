import Foundation
import Intake
import IntakeCore

/// Encodes result.json: stable key order, readable, Chinese left unescaped.
public enum ResultJSON {
    public static func encode(_ result: SubmissionResult, path: String) throws(IntakeError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(result)) + [0x0A]
        } catch {
            throw IntakeError(code: "output", message: "cannot encode result.json: \(error)", path: path)
        }
    }

    /// One line, for `--json` output.
    public static func line<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
