/// A fact read from a supporting document (the ID number on a 居民身份证, the USCC on a 营业执照),
/// with how surely it was read, to be compared with the application.
public struct MaterialFact: Sendable, Hashable, Codable {
    /// `name`, `idNumber`, `validUntil` (ISO date or 长期), `uscc`, `unitName`, `birthCertificateNumber`,
    /// `motherIdNumber`, `cardNumber`, `principalName`, `principalIdNumber`, `agentName`, `agentIdNumber`.
    public var key: String
    public var value: String
    /// The lowest per-character probability (1 for a text layer).
    public var confidence: Double

    public init(key: String, value: String, confidence: Double) {
        self.key = key; self.value = value; self.confidence = confidence
    }
}
