import Catalog
import IntakeCore

/// Reads the facts a clerk compares from a supporting document's text: only values that pass
/// their own checks (an ID number's check digit, a USCC's check character, a card's Luhn digit),
/// so a misread number is not taken for another person's.
enum MaterialFacts {
    static func read(_ text: MaterialText, kind: MaterialKind, today: CalendarDate) -> [MaterialFact] {
        var facts: [MaterialFact] = []
        func add(_ key: String, _ found: (String, Double)?) {
            guard let found, !found.0.isEmpty else { return }
            facts.append(MaterialFact(key: key, value: found.0, confidence: found.1))
        }
        let lines = text.lines
        for fact in kind.facts {
            switch fact {
            case .name: add("name", labelled(["持证人", "承诺人", "交款人", "购买方名称"], in: lines)
                ?? (kind.id == "marriage-certificate" ? misreadHolderLabel(in: lines) : nil)
                ?? partyName(in: lines) ?? selfNamed(in: lines) ?? misreadNameLabel(in: lines))
            case .idNumber: add("idNumber", holdersIDNumber(in: lines, name: facts.first { $0.key == "name" }?.value, today: today))
            case .validPeriod: add("validUntil", validUntil(in: lines))
            case .uscc: add("uscc", usccs(in: lines).first)
            case .unitName: add("unitName", labelled(["名称", "机构名称", "企业名称", "单位名称"], in: lines, longest: 40) ?? approved(in: lines))
            case .birthCertificateNumber: add("birthCertificateNumber", birthCertificateNumber(in: lines))
            case .motherIDNumber:
                // From 母亲 to 父亲: a 出生医学证明 gives the father's number after the mother's.
                let from = lines.drop { !$0.text.contains("母亲") }
                let mother = from.prefix { !$0.text.contains("父亲") || $0.text.contains("母亲") }
                add("motherIdNumber", idNumbers(in: Array(mother), today: today).first)
            case .cardNumber: add("cardNumber", cardNumber(in: lines))
            case .principal, .agent:
                // 委托人 … 受托人 …: each party's name in its own part of the text, and each number
                // given to the party whose label last stands before it. A line naming both
                // parties (a table's header) leaves the parts unknown: nothing is vouched for.
                guard !lines.contains(where: { $0.text.contains("委托人") && ($0.text.contains("受托人") || $0.text.contains("代理人")) })
                else { break }
                let split = lines.firstIndex { $0.text.contains("受托人") || $0.text.contains("代理人") } ?? lines.count
                let part = fact == .principal ? Array(lines[..<split]) : Array(lines[split...])
                let prefix = fact == .principal ? "principal" : "agent"
                if !facts.contains(where: { $0.key == "\(prefix)Name" }) {
                    add("\(prefix)Name", labelled(["姓名", fact == .principal ? "委托人" : "受托人", "代理人"], in: part)
                        ?? (fact == .principal ? labelled(["委托单位"], in: part, longest: 40) : nil))
                    // The number within a few lines after the party's own label and before the other
                    // party's: a block of labels with the numbers further down gives no one a number.
                    let roles = fact == .principal ? ["委托人"] : ["受托人", "代理人"]
                    let others = fact == .principal ? ["受托人", "代理人"] : ["委托人"]
                    if let at = lines.firstIndex(where: { line in roles.contains(where: line.text.contains) }) {
                        var end = min(lines.count, at + 5)
                        if let next = lines[(at + 1)..<end].firstIndex(where: { line in others.contains(where: line.text.contains) }) { end = next }
                        add("\(prefix)IdNumber", idNumbers(in: Array(lines[at..<end]), today: today).first)
                    }
                }
            }
        }
        return facts
    }

    // MARK: Numbers

    /// The ID number of the document's holder. Where it shows several (a 结婚证's two parties),
    /// the one in the block that repeats the holder's name; else the first, not vouched for.
    static func holdersIDNumber(in lines: [MaterialText.Line], name: String?, today: CalendarDate) -> (String, Double)? {
        let all = idNumbers(in: lines, today: today)
        guard all.count > 1 else { return all.first }
        if let name {
            for (i, line) in lines.enumerated() where line.text.contains(name) {
                var block = [line]
                for next in lines[(i + 1)..<min(lines.count, i + 4)] {
                    if next.text.contains("姓名") { break }
                    block.append(next)
                }
                if let own = idNumbers(in: block, today: today).first { return own }
            }
        }
        return all.first.map { ($0.0, min($0.1, 0.85)) }
    }

    /// What OCR writes for a digit in a run of digits.
    static func digit(_ c: Character) -> Character? {
        switch c {
        case "0"..."9": c
        case "O", "o", "D", "Q": "0"
        case "I", "l", "|", "i": "1"
        case "Z", "z": "2"
        case "S", "s": "5"
        case "B": "8"
        case "x": "X"
        case "X": "X"
        default: nil
        }
    }

    /// 居民身份证号码 standing in the text with a valid check digit; then numbers whose check digit
    /// fails but whose every character was read surely (0.97 and up): a number written wrong on
    /// the document, which a clerk must hear of, not an OCR slip.
    static func idNumbers(in lines: [MaterialText.Line], today: CalendarDate) -> [(String, Double)] {
        var found: [(String, Double)] = []
        var miswritten: [(String, Double)] = []
        for line in lines {
            let chars = Array(line.text), probabilities = line.confidences
            var run: [(Character, Double, read: Character)] = []
            func flush() {
                defer { run = [] }
                // A table's rule read as | or I before or after the number is no digit of it.
                while run.count > 18, let first = run.first, !first.read.isNumber { run.removeFirst() }
                while run.count > 18, let last = run.last, !last.read.isNumber, last.read != "X" { run.removeLast() }
                // A longer run of digits is another number (a 受理编号, a card number).
                // X only as the check character.
                guard run.count == 18, !run.dropLast().contains(where: { $0.0 == "X" }) else { return }
                let text = String(run.map(\.0))
                let sure = run.map(\.1).min() ?? 0
                switch CitizenID.check(text, today: today) {
                case .valid: found.append((text, sure))
                case .invalidCheckCharacter where sure >= 0.97: miswritten.append((text, min(sure, 0.95)))
                default: break
                }
            }
            for (i, c) in chars.enumerated() {
                if c == " " { continue }
                if let d = digit(c) { run.append((d, i < probabilities.count ? probabilities[i] : 0, c)) } else { flush() }
            }
            flush()
        }
        var seen = Set<String>()
        return (found + miswritten).filter { seen.insert($0.0).inserted }
    }

    /// 统一社会信用代码 with a valid check character.
    static func usccs(in lines: [MaterialText.Line]) -> [(String, Double)] {
        var found: [(String, Double)] = []
        let alphabet = Set(USCC.alphabet)
        for line in lines {
            let pairs = zip(Array(line.text), line.confidences + Array(repeating: 0, count: max(0, line.text.count - line.confidences.count)))
                .filter { $0.0 != " " }
                .map { (Character($0.0.uppercased()), $0.1) }
            guard pairs.count >= 18 else { continue }
            for start in 0...(pairs.count - 18) {
                let window = pairs[start..<(start + 18)]
                guard window.allSatisfy({ alphabet.contains($0.0) }) else { continue }
                let text = String(window.map(\.0))
                // Digits only in the first two places (登记管理部门 and 机构类别 codes).
                guard text.prefix(2).allSatisfy({ $0.isNumber || $0.isLetter }), case .valid = USCC.check(text) else { continue }
                found.append((text, window.map(\.1).min() ?? 0))
            }
        }
        return found
    }

    /// A bank card number: 16–19 digits with a valid Luhn check, spaces between groups allowed.
    static func cardNumber(in lines: [MaterialText.Line]) -> (String, Double)? {
        for line in lines {
            var digits: [(Character, Double)] = []
            for (i, c) in line.text.enumerated() {
                if c == " " { continue }
                if c.isASCII, c.isNumber { digits.append((c, i < line.confidences.count ? line.confidences[i] : 0)) } else if digits.count < 16 { digits = [] } else { break }
            }
            guard (16...19).contains(digits.count) else { continue }
            let text = String(digits.map(\.0))
            if luhn(text) { return (text, digits.map(\.1).min() ?? 0) }
        }
        return nil
    }

    static func luhn(_ digits: String) -> Bool {
        var sum = 0
        for (i, c) in digits.reversed().enumerated() {
            guard var d = c.wholeNumberValue else { return false }
            if i % 2 == 1 { d *= 2; if d > 9 { d -= 9 } }
            sum += d
        }
        return sum % 10 == 0
    }

    /// 出生医学证明编号: one letter and nine digits (O is a letter there, never 0).
    static func birthCertificateNumber(in lines: [MaterialText.Line]) -> (String, Double)? {
        let ordered = lines.filter { $0.text.contains("编号") } + lines.filter { !$0.text.contains("编号") }
        for line in ordered {
            let chars = Array(line.text.filter { $0 != " " })
            let probabilities = line.confidences
            guard chars.count >= 10 else { continue }
            for start in 0...(chars.count - 10) {
                var letter = chars[start]
                if letter == "0" { letter = "O" }
                guard letter.isASCII, letter.isUppercase, letter.isLetter else { continue }
                let tail = chars[(start + 1)..<(start + 10)].compactMap(digit)
                guard tail.count == 9, !tail.contains("X") else { continue }
                if start + 10 < chars.count, chars[start + 10].isNumber { continue }
                let p = probabilities.count >= start + 10 ? probabilities[start..<(start + 10)].min() ?? 0 : 0
                return (String(letter) + String(tail), p)
            }
        }
        return nil
    }

    // MARK: Dates

    /// The end of a validity period: 长期, or the last date on the line that says 有效期 (营业期限),
    /// else on the line after it when the label stands alone (never a 签发日期 further down).
    static func validUntil(in lines: [MaterialText.Line]) -> (String, Double)? {
        guard let at = lines.firstIndex(where: { ["有效期", "营业期限"].contains(where: $0.text.contains) }) else {
            // The label misread (有汉期限): a line that is a period, 2026.05.12-2046.05.12 or …-长期.
            // Without its label it is never vouched for (an expiry would accuse).
            for line in lines {
                let found = dates(in: line.text)
                guard let first = found.first, line.text.contains("-") || line.text.contains("至") else { continue }
                let p = min(line.confidences.min() ?? 0, 0.85)
                if found.count == 1, line.text.hasSuffix("长期") { return ("长期", p) }
                if found.count == 2, found[1] > first { return (found[1].iso, p) }
            }
            return nil
        }
        for line in lines[at..<min(lines.count, at + 2)] {
            let p = line.confidences.min() ?? 0
            if line.text.contains("长期") { return ("长期", p) }
            if let last = dates(in: line.text).last { return (last.iso, p) }
            if line.text.contains("日期") || line.text.contains("签发") { break }
        }
        return nil
    }

    /// Dates written 2036.05.01, 2036-05-01, 2036年05月01日 or 20360501.
    static func dates(in text: String) -> [CalendarDate] {
        var result: [CalendarDate] = []
        let chars = Array(text)
        var i = 0
        func number(_ count: ClosedRange<Int>) -> Int? {
            var digits = ""
            while i < chars.count, chars[i].isASCII, chars[i].isNumber, digits.count < count.upperBound { digits.append(chars[i]); i += 1 }
            return count.contains(digits.count) ? Int(digits) : nil
        }
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber else { i += 1; continue }
            let start = i
            if let year = number(4...4), year >= 1950, year <= 2100 {
                var compact = false
                if i < chars.count, ".-/年".contains(chars[i]) { i += 1 } else { compact = true }
                let month = compact ? number(2...2) : number(1...2)
                if !compact, i < chars.count, ".-/月".contains(chars[i]) { i += 1 }
                let day = compact ? number(2...2) : number(1...2)
                if let month, let day, let date = CalendarDate(year: year, month: month, day: day) {
                    result.append(date)
                    continue
                }
            }
            i = max(i, start + 1)
        }
        return result
    }

    // MARK: Labelled text

    /// 姓名 with its first character misread (硅名, 娃名) at the start of a line and a name after
    /// it: shown to the clerk, never vouched for.
    static func misreadNameLabel(in lines: [MaterialText.Line]) -> (String, Double)? {
        for line in lines {
            let chars = Array(line.text)
            guard chars.count >= 4, isCJK(chars[0]), chars[1] == "名", chars[2].isWhitespace else { continue }
            let rest = MaterialText.Line(text: "姓名" + String(chars[2...]), confidences: [1, 1] + Array(line.confidences.dropFirst(2)))
            if let (name, p) = labelled(["姓名"], in: [rest]) { return (name, min(p, 0.9)) }
        }
        return nil
    }

    /// The name after 姓名 (or 患者). Where several people are named (a 结婚证's two parties with
    /// its 持证人 line lost) the first is shown to the clerk, not vouched for.
    static func partyName(in lines: [MaterialText.Line]) -> (String, Double)? {
        guard let (name, p) = labelled(["姓名", "患者"], in: lines) else { return nil }
        let named = lines.filter { line in
            guard let at = line.text.range(of: "姓名") else { return false }
            return !line.text[line.text.startIndex..<at.lowerBound].hasSuffix("户主")
        }
        return (name, named.count > 1 ? min(p, 0.9) : p)
    }

    /// 持证人 with its first character misread (将证人, 特证人) at the start of a 结婚证's line.
    static func misreadHolderLabel(in lines: [MaterialText.Line]) -> (String, Double)? {
        for line in lines {
            let chars = Array(line.text)
            guard chars.count >= 5, isCJK(chars[0]), chars[1] == "证", chars[2] == "人", chars[3].isWhitespace else { continue }
            let rest = MaterialText.Line(text: "持证人" + String(chars[3...]), confidences: [1, 1, 1] + Array(line.confidences.dropFirst(3)))
            if let (name, p) = labelled(["持证人"], in: [rest]) { return (name, min(p, 0.9)) }
        }
        return nil
    }

    /// A letter's writer naming themselves: 本人万晨，身份证号码… (a 承诺书 has no 姓名 label).
    static func selfNamed(in lines: [MaterialText.Line]) -> (String, Double)? {
        for line in lines {
            let chars = Array(line.text), probabilities = line.confidences
            var search = chars.startIndex
            while let at = chars[search...].firstIndex(of: "本"), at + 1 < chars.count {
                search = at + 1
                guard chars[at + 1] == "人" else { continue }
                var end = at + 2
                while end < chars.count, end - at - 2 < 5, isCJK(chars[end]) { end += 1 }
                let count = end - at - 2
                guard (2...4).contains(count), end < chars.count, "，,（(".contains(chars[end]) else { continue }
                let p = probabilities.count >= end ? probabilities[(at + 2)..<end].min() ?? 0 : 0
                return (String(chars[(at + 2)..<end]), p)
            }
        }
        return nil
    }

    /// The unit a 批复 approves: 关于同意设立沂水县医疗保障服务中心的批复, 关于费县农业农村局机构设置的批复,
    /// 《关于设立…的请示》.
    static func approved(in lines: [MaterialText.Line]) -> (String, Double)? {
        let frames = [("同意设立", "的批复"), ("同意成立", "的批复"), ("同意组建", "的批复"), ("关于", "机构设置的批复"),
                      ("关于设立", "的请示"), ("关于成立", "的请示")]
        for (before, after) in frames {
            for line in lines {
                guard let start = line.text.range(of: before), let end = line.text.range(of: after, range: start.upperBound..<line.text.endIndex)
                else { continue }
                let name = String(line.text[start.upperBound..<end.lowerBound])
                guard (4...40).contains(name.count), name.allSatisfy({ isCJK($0) || "（）()".contains($0) }) else { continue }
                let from = line.text.distance(from: line.text.startIndex, to: start.upperBound)
                let p = line.confidences.count >= from + name.count ? line.confidences[from..<(from + name.count)].min() ?? 0 : 0
                return (name, p)
            }
        }
        return nil
    }

    /// Words printed beside a name that a merged line puts after 姓名 (姓名 中国出生日期…: 国籍's value).
    static let notNames: Set<String> = ["中国", "中华人民共和国", "汉族", "男性", "女性", "户主", "本人", "已婚", "未婚", "长期"]

    static func isCJK(_ c: Character) -> Bool {
        c.unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) } ?? false
    }

    /// The CJK text after one of `labels` (on its line, else on the next when the label ends its
    /// line), up to the next label or a break: 姓名 王秀英 性别 女 → 王秀英.
    static func labelled(_ labels: [String], in lines: [MaterialText.Line], longest: Int = 5) -> (String, Double)? {
        // Whole labels only: a word inside a name (聊城市鑫源五金经营部) must not end it.
        let stops = ["性别", "民族", "出生", "住址", "公民身份", "身份证", "类型", "法定代表人", "住所", "注册资本", "注册地址", "成立日期",
                     "签发日期", "电话", "编号", "年龄", "经营范围", "经营方式", "统一社会信用代码", "负责人", "机构性质", "诊疗科目",
                     "联系", "签名", "签字", "姓名", "住院号", "门诊号", "病案号", "科室", "科别", "床号", "入院", "出院", "开票"]
        // Labels in the order given, the holder's first (a 结婚证's 持证人 before the 姓名 of
        // either party; 姓名 before 患者, which a title may hold: 住院患者费用明细清单).
        for label in labels {
            let word = Array(label)
            for (index, line) in lines.enumerated() {
                let text = Array(line.text)
                // Running text (…治疗，患者症状逐渐缓解，…) holds labels' words, not labels: there a
                // label counts only with a colon or a space after it.
                let prose = text.contains { "，。；".contains($0) }
                // Every place the label stands on the line (交款人统一社会信用代码 … 交款人 王旭峰),
                // its characters spread apart as tables set short labels (姓\t名, 姓　　名).
                var ends: [Int] = []
                for start in text.indices where text[start] == word[0] {
                    var i = start + 1, k = 1
                    while k < word.count, i < text.count {
                        if text[i] == word[k] { k += 1; i += 1 } else if text[i].isWhitespace { i += 1 } else { break }
                    }
                    if k == word.count { ends.append(i) }
                }
                for offset in ends {
                    let after = Array(text[offset...])
                    if prose, let next = after.first, !next.isWhitespace, !":：".contains(next) { continue }
                    var candidates = [(after, Array(line.confidences.dropFirst(offset)))]
                    // The next line only when the label ends its line: a label followed by other
                    // words leaves its value there, not on the line below.
                    if index + 1 < lines.count, after.allSatisfy({ $0.isWhitespace || ":：".contains($0) }) {
                        candidates.append((Array(lines[index + 1].text), lines[index + 1].confidences))
                    }
                    for (chars, probabilities) in candidates {
                        var value = "", p = 1.0
                        var i = 0
                        while i < chars.count, " \t:：　".contains(chars[i]) { i += 1 }
                        while i < chars.count, value.count < longest {
                            let c = chars[i]
                            if c.isWhitespace { break }
                            let rest = String(chars[i...])
                            if stops.contains(where: { rest.hasPrefix($0) }) { break }
                            // Brackets belong to a unit's name (…医院（普通合伙）), never to a person's.
                            let brackets = longest > 5 && !value.isEmpty ? "（）()·" : "·"
                            guard isCJK(c) || brackets.contains(c) else { break }
                            value.append(c)
                            if i < probabilities.count { p = min(p, probabilities[i]) }
                            i += 1
                        }
                        // A person's name is never another label (发卡日期 printed under 姓名 on a
                        // card that sets labels above their values), nor cut from longer words
                        // (请向服务人员出示此二维码 on the line under 姓名).
                        if longest <= 5, ["日期", "号码", "卡号", "期限", "地址", "机关"].contains(where: value.hasSuffix) { continue }
                        if longest <= 5, value.count >= longest, i < chars.count, isCJK(chars[i]) { continue }
                        if longest <= 5, notNames.contains(value) { continue }
                        // A unit's name does not end in a street (…北京路 of …北京路252号): where values
                        // stand above their labels, the line under 机构名称 is the address.
                        if longest > 5, let last = value.last, "路街巷号弄道室层栋幢".contains(last) { continue }
                        if value.count >= 2 { return (value, p) }
                    }
                }
            }
        }
        return nil
    }
}
