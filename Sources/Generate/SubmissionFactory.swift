import Catalog
import IntakeCore

/// Makes synthetic submissions for every form of the catalog that some region's item is applied
/// for on: submission `index` of a run with `seed` is always the same, whatever came before it.
public struct SubmissionFactory: Sendable {
    /// One form with the city whose item it serves.
    public struct Target: Sendable {
        public var form: FormDefinition
        public var region: Region
        public var item: ServiceItem
    }

    public let targets: [Target]
    public let seed: UInt64
    /// Probability that a submission carries at least one fault.
    public let faultRate: Double

    public init(catalog: Catalog, seed: UInt64, faultRate: Double) {
        var targets: [Target] = []
        for form in catalog.forms.sorted(by: { $0.id < $1.id }) {
            for region in catalog.regions where Places.cities[region.code] != nil {
                if let item = catalog.items(region: region.code, form: form.id).first {
                    targets.append(Target(form: form, region: region, item: item))
                    break
                }
            }
        }
        self.targets = targets
        self.seed = seed
        self.faultRate = faultRate
    }

    /// Every block of `targets.count` consecutive submissions covers every form once, in an
    /// order shuffled per block.
    func target(for index: Int) -> Target {
        let block = UInt64(index / targets.count)
        var rng = SplitMix64(seed: seed ^ 0x5EED_F0F0, stream: block)
        var order = Array(targets.indices)
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.int(0...i)) }
        return targets[order[index % targets.count]]
    }

    public func draft(_ index: Int) -> Draft {
        var rng = SplitMix64(seed: seed, stream: UInt64(index))
        let target = target(for: index)
        let form = target.form, region = target.region, item = target.item
        let city = Places.cities[region.code]!
        let place = rng.pick(city.places)
        let district = region.districts.first { $0.name == place.district }
        let codes = district?.codes ?? []
        let regionCode = codes.isEmpty ? region.code : (codes.count > 1 && rng.chance(0.15) ? codes[1] : codes[0])
        var office: String?
        if codes.isEmpty {
            office = rng.chance(0.8) ? place.district : (district?.aliases.first ?? place.district)
        }
        let areaCodes = region.districts.flatMap { $0.codes.prefix(1) }
        var applicant = Applicant(city: region.code, cityName: city.name, areaCode: city.areaCode, place: place,
                                  districtCode: codes.first ?? region.code, areaCodes: areaCodes,
                                  kind: Self.unitKind(form.id, &rng), rng: &rng)
        if form.id.contains("maternity") {
            applicant.subject = Person.make(&rng, areaCodes: areaCodes, gender: .female, born: 1985...2001)
        }
        var filler = FormFiller(form: form, applicant: applicant, rng: rng)
        let fields = filler.fill()
        rng = filler.rng
        rng.jump()

        let entrusted = rng.chance(0.25)
        let agent = entrusted ? Person.make(&rng, areaCodes: areaCodes, born: 1970...2002) : nil
        let conditions = Self.declaredConditions(item: item, form: form, kind: applicant.kind, rng: &rng)
        let handling = entrusted ? Submission.handlingEntrusted : Submission.handlingInPerson
        let required = Self.requiredMaterials(item: item, form: form, handling: handling, conditions: conditions)
        var materials: [Draft.Attachment] = []
        for material in required {
            let uniqueAliases = material.aliases.filter { alias in
                !item.materials.contains { $0.id != material.id && ($0.name == alias || $0.aliases.contains(alias)) }
            }
            let name = rng.chance(0.3) && !uniqueAliases.isEmpty ? rng.pick(uniqueAliases) : material.name
            let ext = rng.pick(["pdf", "pdf", "jpg", "png"])
            materials.append(.init(material: material.id, id: rng.chance(0.3) ? material.id : nil, name: name,
                                   file: "\(material.id).\(ext)"))
        }
        var draft = Draft(formID: form.id, formVersion: form.version, city: region.code, regionCode: regionCode,
                          office: office, district: place.district, handling: handling,
                          submittedOn: rng.chance(0.7) ? applicant.day.adding(days: rng.int(0...3)).iso : nil,
                          agent: agent.map { .init(name: $0.name, idNumber: $0.idNumber, phone: Identifiers.mobile(&rng)) },
                          conditions: conditions, fields: fields, materials: materials, faults: [])
        if rng.chance(faultRate) {
            var kinds = rng.sample(Fault.Kind.allCases, Fault.Kind.allCases.count)
            let count = 1 + (rng.chance(0.3) ? 1 : 0) + (rng.chance(0.1) ? 1 : 0)
            var injector = FaultInjector(form: form, requiredAttachments: required.map(\.id))
            // Try the kinds in random order until `count` of them found something to break.
            while draft.faults.count < count && !kinds.isEmpty {
                injector.inject([kinds.removeFirst()], into: &draft, rng: &rng)
            }
        }
        return draft
    }

    static func unitKind(_ form: String, _ rng: inout SplitMix64) -> Applicant.UnitKind {
        if form.contains("pharmacy") { return .pharmacy }
        if form.contains("hospital") || form.contains("settlement") { return .hospital }
        if form.contains("unit-enrollment") { return rng.chance(0.7) ? .company : .publicUnit }
        return .company
    }

    /// Conditions an applicant of this kind declares: the situation its form implies, sometimes
    /// an exemption or an extra situation the item knows.
    static func declaredConditions(item: ServiceItem, form: FormDefinition, kind: Applicant.UnitKind,
                                   rng: inout SplitMix64) -> [String] {
        var out: [String] = []
        for condition in item.conditions where condition.test.declared == true {
            let implied = item.materials.contains { $0.formRef == form.id && $0.requiredWhen.contains(condition.id) }
            switch condition.id {
            case _ where implied: if rng.chance(0.7) { out.append(condition.id) }
            case "one-net-registered" where item.id == "unit-enrollment" && kind == .company:
                if rng.chance(0.1) { out.append(condition.id) }
            case "no-two-certificates": if rng.chance(0.15) { out.append(condition.id) }
            case "social-medical-institution": if rng.chance(0.5) { out.append(condition.id) }
            default: break
            }
        }
        return out
    }

    /// The materials to attach: required in this situation, not exempt, and not the form itself
    /// (the same rules as the material check).
    static func requiredMaterials(item: ServiceItem, form: FormDefinition, handling: String,
                                  conditions: [String]) -> [Material] {
        func isForm(_ m: Material) -> Bool {
            if let ref = m.formRef { return ref == form.id }
            return m.isApplicationForm && item.form == form.id
        }
        let implied = Set(item.materials.filter(isForm).flatMap(\.requiredWhen))
        let holding = Set(item.conditions.filter { c in
            if let h = c.test.handling { return h == handling }
            return (c.test.declared == true && conditions.contains(c.id)) || implied.contains(c.id)
        }.map(\.id))
        return item.materials.filter { m in
            !m.exemptWhen.contains(where: holding.contains) && m.requiredWhen.allSatisfy(holding.contains) && !isForm(m)
        }
    }
}

extension SplitMix64 {
    /// Moves to a fresh part of the stream, so that adding a draw to one step does not shift the
    /// values of the next.
    mutating func jump() { self = SplitMix64(seed: next(), stream: 0x4A55_4D50) }
}
