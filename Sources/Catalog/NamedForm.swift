/// A form the guides name (as a material, or a flowchart node) without giving its layout.
///
/// Cataloged so that a material can point at it and a clerk can tell the applicant where to get
/// it; intake does not invent a layout the guide does not give. File: `forms/named-forms.yaml`.
public struct NamedForm: Sendable, Hashable, Codable {
    public var id: String
    /// The name as the guide prints it (without 《》).
    public var title: String
    /// Other names of the same form in the guides.
    public var aliases: [String]
    /// The city (or 370000 for the province list) whose guide names it.
    public var region: String
    public var source: SourceRef
    /// Where to get it, as the guide says (网上下载, the mailbox a guide names, 现场领取), if it says.
    public var obtain: Sourced<String>?
    public var notes: [String]

    enum CodingKeys: String, CodingKey { case id, title, aliases, region, source, obtain, notes }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        region = try c.decode(String.self, forKey: .region)
        source = try c.decode(SourceRef.self, forKey: .source)
        obtain = try c.decodeIfPresent(Sourced<String>.self, forKey: .obtain)
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
    }
}
