import Crypto
import Foundation

/// The id of a submission: the first 16 hex digits of its file's SHA-256, so the same bytes
/// always get the same id and a second drop of a file is recognised.
public enum SubmissionID {
    public static func sha256Hex<D: DataProtocol>(_ bytes: D) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    public static func make(sha256 hex: String) -> String { String(hex.prefix(16)) }
}
