/// Chinese telephone numbers as forms carry them.
public enum PhoneNumber {
    public enum Verdict: Sendable, Hashable {
        /// Canonical: an 11-digit mobile, or `0635-2189313` / `0635-2189313-802`, or 7–8 bare digits.
        case valid(String)
        case invalid
    }

    /// An 11-digit mainland mobile number (1[3-9]xxxxxxxxx), spaces and hyphens ignored, +86 allowed.
    public static func checkMobile(_ text: String) -> Verdict {
        var digits = CodeText.fold(text).filter { $0 != "-" }
        if digits.hasPrefix("+86") { digits.removeFirst(3) } else if digits.hasPrefix("0086") { digits.removeFirst(4) }
        let chars = Array(digits)
        guard chars.count == 11, chars.allSatisfy({ $0.isASCII && $0.isNumber }), chars[0] == "1",
              let second = chars[1].wholeNumberValue, second >= 3 else { return .invalid }
        return .valid(digits)
    }

    /// A landline (area code 0xx/0xxx then 7–8 digits, optional extension; or 7–8 digits alone)
    /// or a mobile number.
    public static func check(_ text: String) -> Verdict {
        if case .valid(let m) = checkMobile(text) { return .valid(m) }
        let folded = CodeText.fold(text).replacingParentheses()
        let groups = folded.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return .invalid }
        func isLocal(_ s: String) -> Bool { (7...8).contains(s.count) && !s.hasPrefix("0") }
        func isArea(_ s: String) -> Bool { (3...4).contains(s.count) && s.hasPrefix("0") }
        switch groups.count {
        case 1:
            let s = groups[0]
            if isLocal(s) { return .valid(s) }
            // Area code glued to the number: 06352189313.
            for areaLength in [4, 3] where s.hasPrefix("0") && isLocal(String(s.dropFirst(areaLength))) {
                return .valid("\(s.prefix(areaLength))-\(s.dropFirst(areaLength))")
            }
            return .invalid
        case 2:
            if isArea(groups[0]) && isLocal(groups[1]) { return .valid("\(groups[0])-\(groups[1])") }
            if isLocal(groups[0]) && (1...6).contains(groups[1].count) { return .valid("\(groups[0])-\(groups[1])") }
            return .invalid
        case 3:
            if isArea(groups[0]) && isLocal(groups[1]) && (1...6).contains(groups[2].count) {
                return .valid(groups.joined(separator: "-"))
            }
            return .invalid
        default:
            return .invalid
        }
    }
}

extension String {
    /// "(0635)2189313" → "0635-2189313".
    fileprivate func replacingParentheses() -> String {
        guard hasPrefix("("), let close = firstIndex(of: ")") else { return self }
        return String(self[index(after: startIndex)..<close]) + "-" + String(self[index(after: close)...])
    }
}
