import Crypto
import Foundation
import IntakeCore

/// The id of a submission: the first 16 hex digits of its file's SHA-256, so the same bytes
/// always get the same id and a second drop of a file is recognised.
public enum SubmissionID {
    public static func sha256Hex<D: DataProtocol>(_ bytes: D) -> String {
        SHA256.hash(data: bytes).hexString
    }

    public static func make(sha256 hex: String) -> String { String(hex.prefix(16)) }
}
