import IntakeCore

/// A person on a form: name, gender, birth date and the ID number that agrees with them.
struct Person {
    var name: String
    var gender: CitizenID.Gender
    var birth: CalendarDate
    var idNumber: String

    static func make(_ rng: inout SplitMix64, areaCodes: [String], gender: CitizenID.Gender? = nil,
                     born years: ClosedRange<Int> = 1962...2001) -> Person {
        let g = gender ?? (rng.chance(0.5) ? .male : .female)
        let pool = g == .male ? Pools.maleGiven : Pools.femaleGiven
        var name = rng.pick(Pools.surnames)
        if rng.chance(0.7) { name += rng.chance(0.5) ? rng.pick(Pools.middle) : rng.pick(pool) }
        name += rng.pick(pool)
        let birth = CalendarDate(year: rng.int(years), month: rng.int(1...12), day: rng.int(1...28))!
        let id = Identifiers.citizenID(areaCode: rng.pick(areaCodes), birth: birth, gender: g, rng: &rng)
        return Person(name: name, gender: g, birth: birth, idNumber: id)
    }
}

/// Who and where a submission is from: the district, the unit, the people, the day it was made.
struct Applicant {
    enum UnitKind { case company, publicUnit, hospital, pharmacy }

    var city: String
    var cityName: String
    var areaCode: String
    var place: Places.Place
    /// The district's own 行政区划代码 (the city's for 市直 and 功能区).
    var districtCode: String
    /// Codes of the city's districts, for the address part of ID numbers.
    var areaCodes: [String]
    var kind: UnitKind
    var unitName: String
    var unitKind: Identifiers.UnitKind
    var uscc: String
    var address: String
    /// The day the form was filled in (2024–2025, so always before the day of processing).
    var day: CalendarDate
    /// The person the form is about (the employee, the insured person).
    var subject: Person
    var legalRep: Person

    init(city: String, cityName: String, areaCode: String, place: Places.Place, districtCode: String,
         areaCodes: [String], kind: UnitKind, rng: inout SplitMix64) {
        self.city = city
        self.cityName = cityName
        self.areaCode = areaCode
        self.place = place
        self.districtCode = districtCode
        self.areaCodes = areaCodes
        self.kind = kind
        day = CalendarDate(year: 2024, month: 1, day: 1)!.adding(days: rng.int(0...690))
        subject = Person.make(&rng, areaCodes: areaCodes)
        legalRep = Person.make(&rng, areaCodes: areaCodes, born: 1958...1990)
        let short = String(cityName.dropLast())  // 聊城, 临沂
        let districtWord = place.addressName.hasSuffix("区") && place.addressName.count > 4 ? "" : place.addressName
        switch kind {
        case .company:
            unitKind = .enterprise
            let stem = rng.pick(Pools.unitStems), trade = rng.pick(Pools.trades)
            unitName = rng.chance(0.5) ? "\(short)\(stem)\(trade)\(rng.pick(Pools.companyKinds))"
                : "\(short)市\(districtWord)\(stem)\(trade)\(rng.pick(Pools.companyKinds))"
        case .publicUnit:
            let template = rng.pick(Pools.publicUnits)
            unitName = template.replacingAll("{city}", cityName).replacingAll("{district}", districtWord)
                .replacingAll("{stem}", rng.pick(Pools.unitStems)).replacingAll("{trade}", rng.pick(Pools.trades))
            unitKind = unitName.hasSuffix("会") ? .association : unitName.hasSuffix("局") ? .agency : .institution
        case .hospital:
            unitKind = .privateNonProfit
            unitName = "\(short)\(rng.pick(Pools.hospitalStems))\(rng.pick(Pools.hospitalKinds))"
        case .pharmacy:
            unitKind = .enterprise
            unitName = rng.chance(0.5) ? "\(short)\(rng.pick(Pools.pharmacyStems))大药房有限公司"
                : "\(short)\(rng.pick(Pools.pharmacyStems))医药连锁有限公司\(rng.pick(place.streets).suffix(3))店"
        }
        uscc = Identifiers.uscc(unitKind, regionCode: districtCode, rng: &rng)
        address = "山东省\(cityName)\(place.addressName)\(rng.pick(place.streets))\(rng.int(1...399))号"
    }

    func person(_ rng: inout SplitMix64, gender: CitizenID.Gender? = nil) -> Person {
        Person.make(&rng, areaCodes: areaCodes, gender: gender)
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation needed).
    func replacingAll(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
