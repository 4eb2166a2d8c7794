/// Writes a draft as submission XML (README.md, "Submission XML"), UTF-8, two-space indented.
enum XMLWriter {
    static func write(_ draft: Draft) -> [UInt8] {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<submission form=\"\(escape(draft.formID))\" version=\"\(escape(draft.formVersion))\">\n"
        out += "  <region>\(draft.regionCode)</region>\n"
        if let office = draft.office { out += "  <office>\(escape(office))</office>\n" }
        out += "  <handling>\(draft.handling)</handling>\n"
        if let date = draft.submittedOn { out += "  <submittedOn>\(escape(date))</submittedOn>\n" }
        if let agent = draft.agent {
            out += "  <agent>\n    <name>\(escape(agent.name))</name>\n    <idNumber>\(escape(agent.idNumber))</idNumber>\n"
            out += "    <phone>\(escape(agent.phone))</phone>\n  </agent>\n"
        }
        if !draft.conditions.isEmpty {
            out += "  <conditions>\n"
            for c in draft.conditions { out += "    <condition>\(escape(c))</condition>\n" }
            out += "  </conditions>\n"
        }
        out += "  <fields>\n"
        for cell in draft.fields { element(cell, indent: "    ", into: &out) }
        out += "  </fields>\n"
        if !draft.materials.isEmpty {
            out += "  <materials>\n"
            for m in draft.materials {
                let id = m.id.map { " id=\"\(escape($0))\"" } ?? ""
                out += "    <material\(id) name=\"\(escape(m.name))\" file=\"\(escape(m.file))\"/>\n"
            }
            out += "  </materials>\n"
        }
        out += "</submission>\n"
        return Array(out.utf8)
    }

    /// Table cells take text only (their XSD type is a plain string): options are written joined.
    static func element(_ cell: Draft.Cell, indent: String, inRow: Bool = false, into out: inout String) {
        switch cell.value {
        case .text(let s):
            out += s.isEmpty ? "\(indent)<\(cell.key)/>\n" : "\(indent)<\(cell.key)>\(escape(s))</\(cell.key)>\n"
        case .options(let list, let tagged):
            if tagged && !inRow {
                out += "\(indent)<\(cell.key)>" + list.map { "<option>\(escape($0))</option>" }.joined() + "</\(cell.key)>\n"
            } else {
                out += "\(indent)<\(cell.key)>\(escape(list.joined(separator: "、")))</\(cell.key)>\n"
            }
        case .rows(let rows):
            out += "\(indent)<\(cell.key)>\n"
            for row in rows {
                out += "\(indent)  <row>\n"
                for c in row { element(c, indent: indent + "    ", inRow: true, into: &out) }
                out += "\(indent)  </row>\n"
            }
            out += "\(indent)</\(cell.key)>\n"
        }
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // Control characters XML 1.0 cannot hold (pasted into a web form) are dropped.
            case _ where ch.value < 0x20 && ch != "\t" && ch != "\n" && ch != "\r": continue
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
