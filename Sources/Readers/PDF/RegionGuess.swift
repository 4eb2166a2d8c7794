import Catalog
import IntakeCore

/// A PDF form names no 行政区划代码: the region is the city whose guide prints the form, and the
/// district the one its addresses name (市直 when none does).
enum RegionGuess {
    static func region(for form: FormDefinition, values: [String: FieldValue], catalog: Catalog) -> (code: String, office: String?) {
        let cities = catalog.regions.filter { !catalog.items(region: $0.code, form: form.id).isEmpty }
        guard let city = cities.first else { return ("000000", nil) }
        let texts = form.fields.filter { $0.type == .text }.compactMap { values[$0.key]?.display }
        // Longest names first: 聊城市东昌府区 before 东昌府区 before 市直's 聊城市.
        // (Counting characters once per name: `String.count` walks the string.)
        let names = city.districts.flatMap { d in ([d.name] + d.aliases).map { (name: $0, length: $0.count, district: d) } }
            .filter { $0.length >= 2 }
            .sorted { $0.length > $1.length }
        for text in texts {
            for (name, _, district) in names where text.contains(name) && !city.name.hasPrefix(name) {
                if let code = district.codes.first { return (code, nil) }
                return (city.code, district.name)
            }
        }
        return (city.code, nil)
    }
}
