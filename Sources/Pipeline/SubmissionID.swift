import Crypto
import Foundation

/// The id of a submission: the first 16 hex digits of its file's SHA-256, so the same bytes
/// always get the same id and a second drop of a file is recognised.
public enum SubmissionID {
    public static func sha256Hex<D: DataProtocol>(_ bytes: D) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    public static func make(sha256 hex: String) -> String { String(hex.prefix(16)) }
}
