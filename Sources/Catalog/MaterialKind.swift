/// A kind of supporting document (居民身份证, 营业执照, 出生医学证明 …) as `forms/materials.yaml`
/// describes it: the words printed on it, the material names it provides, the facts read from it.
public struct MaterialKind: Sendable, Hashable, Codable {
    public var id: String
    /// As a clerk names it (居民身份证（人像面）).
    public var name: String
    /// Printed words and their weights; a title weighs 4 or more.
    public var evidence: [String: Double]
    /// Words in a guide's material name (or aliases) that this document provides.
    public var materials: [String]
    /// What the fact reader takes from it.
    public var facts: [Fact]
    /// Numbers whose shape and check say what the document is, with a weight like a printed
    /// word's: a card number passing the Luhn check on a card whose logo OCR cannot read.
    public var numbers: [Fact: Double]?

    public enum Fact: String, Sendable, Hashable, Codable {
        case name, idNumber = "id-number", validPeriod = "valid-period", uscc, unitName = "unit-name"
        case birthCertificateNumber = "birth-certificate-number", motherIDNumber = "mother-id-number"
        case cardNumber = "card-number", principal, agent
    }

    public init(id: String, name: String, evidence: [String: Double], materials: [String], facts: [Fact], numbers: [Fact: Double]? = nil) {
        self.id = id; self.name = name; self.evidence = evidence; self.materials = materials; self.facts = facts; self.numbers = numbers
    }

    /// Whether a material of an item's list (by its name and aliases) is provided by this kind.
    public func provides(_ material: Material) -> Bool {
        ([material.name] + material.aliases).contains { name in materials.contains { name.contains($0) } }
    }
}

extension MaterialKind.Fact: CodingKeyRepresentable {}
