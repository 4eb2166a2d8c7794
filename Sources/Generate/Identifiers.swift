import IntakeCore

/// Valid codes and numbers: 统一社会信用代码 (GB 32100), 居民身份证号码 (GB 11643), phones, accounts.
enum Identifiers {
    /// The kinds of unit a USCC's first two characters name.
    enum UnitKind: String, CaseIterable {
        case enterprise = "91"      // 工商 · 企业
        case agency = "11"          // 机构编制 · 机关
        case institution = "12"     // 机构编制 · 事业单位
        case association = "51"     // 民政 · 社会团体
        case privateNonProfit = "52" // 民政 · 民办非企业单位 (民办医院)
    }

    /// A USCC for a unit registered in `regionCode`: kind, region, a 9-character organisation
    /// code with its own GB 11714 check character, and the GB 32100 check character.
    static func uscc(_ kind: UnitKind, regionCode: String, rng: inout SplitMix64) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        var body = kind == .enterprise ? "MA" : ""
        while body.count < 8 { body.append(alphabet[rng.int(0...(kind == .enterprise ? 30 : 9))]) }
        let organisation = body + String(organisationCheck(body))
        let prefix = kind.rawValue + regionCode + organisation
        return prefix + String(USCC.checkCharacter(forPrefix: prefix)!)
    }

    /// GB 11714 check character of an 8-character organisation code body.
    static func organisationCheck(_ body: String) -> Character {
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body, weights).reduce(0) { total, pair in
            let v = pair.0.wholeNumberValue ?? (Int(pair.0.asciiValue ?? 65) - 55)
            return total + v * pair.1
        }
        let c = 11 - sum % 11
        return c == 10 ? "X" : c == 11 ? "0" : Character(String(c))
    }

    /// A 居民身份证号码 born in the district `areaCode` on `birth`, odd order code for men.
    static func citizenID(areaCode: String, birth: CalendarDate, gender: CitizenID.Gender, rng: inout SplitMix64) -> String {
        let order = rng.int(0...49) * 2 + rng.int(0...4) * 100 + (gender == .male ? 1 : 0)
        let orderText = order < 10 ? "00\(order)" : order < 100 ? "0\(order)" : "\(order)"
        let prefix = areaCode + birth.compact + orderText
        return prefix + String(CitizenID.checkCharacter(forPrefix: prefix)!)
    }

    /// A mainland mobile number.
    static func mobile(_ rng: inout SplitMix64) -> String {
        let prefixes = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156",
                        "157", "158", "159", "166", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187", "188",
                        "189", "199"]
        return rng.pick(prefixes) + rng.digits(8)
    }

    /// A landline with the city's area code (7 digits after it, first digit 2–8).
    static func landline(areaCode: String, _ rng: inout SplitMix64) -> String {
        "\(areaCode)-\(rng.int(2...8))\(rng.digits(6))"
    }

    /// A landline, a mobile or (sometimes) a landline written without its hyphen.
    static func phone(areaCode: String, _ rng: inout SplitMix64) -> String {
        switch rng.int(0...9) {
        case 0...4: return landline(areaCode: areaCode, &rng)
        case 5: return String(landline(areaCode: areaCode, &rng).filter { $0 != "-" })
        default: return mobile(&rng)
        }
    }

    /// A plausible bank account number (16–19 digits).
    static func bankAccount(_ rng: inout SplitMix64) -> String {
        rng.pick(["6228", "6217", "6222", "6212", "6230", "6013"]) + rng.digits(rng.int(12...15))
    }

    /// A 银行卡号 as cards carry it: a bank account's digits with the last replaced by the Luhn
    /// check digit (the same draws as `bankAccount`, so a seed's other values stay as they were).
    static func bankCard(_ rng: inout SplitMix64) -> String {
        let body = String(bankAccount(&rng).dropLast())
        var sum = 0
        for (i, c) in body.reversed().enumerated() {
            let d = c.wholeNumberValue!
            sum += i % 2 == 0 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d
        }
        return body + String((10 - sum % 10) % 10)
    }
}

extension CalendarDate {
    /// YYYYMMDD.
    var compact: String { String(iso.filter { $0 != "-" }) }

    /// This date plus `days` days.
    func adding(days: Int) -> CalendarDate { CalendarDate(daysSinceEpoch: daysSinceEpoch + days) }

    var daysSinceEpoch: Int {
        // Howard Hinnant's days-from-civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Written the ways applicants write dates: 2025-03-05, 2025年3月5日, 2025/3/5, 20250305.
    func written(_ style: Int) -> String {
        switch style {
        case 0: return "\(year)年\(month)月\(day)日"
        case 1: return "\(year)/\(month)/\(day)"
        case 2: return compact
        default: return iso
        }
    }
}

/// 人民币大写金额: 32654.38 → 叁万贰仟陆佰伍拾肆元叁角捌分.
enum AmountInWords {
    static let digits = Array("零壹贰叁肆伍陆柒捌玖")

    static func words(cents total: Int) -> String {
        let yuan = total / 100, jiao = total / 10 % 10, fen = total % 10
        var out = yuan == 0 ? "" : integerWords(yuan) + "元"
        if jiao == 0 && fen == 0 { return (out.isEmpty ? "零元" : out) + "整" }
        if jiao > 0 { out += "\(digits[jiao])角" } else if !out.isEmpty { out += "零" }
        if fen > 0 { out += "\(digits[fen])分" }
        return out
    }

    static func integerWords(_ n: Int) -> String {
        let units = ["", "拾", "佰", "仟"]
        func group(_ g: Int) -> String {
            var s = ""
            var zero = false
            for i in stride(from: 3, through: 0, by: -1) {
                let d = g / Int(pow10(i)) % 10
                if d == 0 { zero = !s.isEmpty; continue }
                if zero { s += "零"; zero = false }
                s += "\(digits[d])\(units[i])"
            }
            return s
        }
        let yi = n / 100_000_000, wan = n / 10_000 % 10_000, rest = n % 10_000
        var s = ""
        if yi > 0 { s += group(yi) + "亿" }
        if wan > 0 { s += (yi > 0 && wan < 1000 ? "零" : "") + group(wan) + "万" }
        if rest > 0 { s += ((yi > 0 || wan > 0) && rest < 1000 ? "零" : "") + group(rest) }
        return s.isEmpty ? "零" : s
    }

    static func pow10(_ i: Int) -> Int { [1, 10, 100, 1000][i] }
}
