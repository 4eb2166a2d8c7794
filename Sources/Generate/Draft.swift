import IntakeCore

/// One synthetic submission before it is written: the envelope, the field values in the form's
/// order (as the applicant wrote them), the attached materials and the faults put into it.
public struct Draft: Sendable {
    public var formID: String
    public var formVersion: String
    /// The city whose guide states the item (371500, 371300).
    public var city: String
    /// The 6-digit code written in `<region>`.
    public var regionCode: String
    /// The district's office name, written as `<office>` for 功能区 without a code.
    public var office: String?
    /// The district the submission is for (市直, 东昌府区, 开发区).
    public var district: String
    public var handling: String
    public var submittedOn: String?
    public var agent: Agent?
    public var conditions: [String]
    public var fields: [Cell]
    public var materials: [Attachment]
    /// The faults injected, in the order they were applied.
    public var faults: [Fault]

    public init(formID: String, formVersion: String, city: String, regionCode: String, office: String?, district: String,
                handling: String, submittedOn: String?, agent: Agent?, conditions: [String], fields: [Cell],
                materials: [Attachment], faults: [Fault]) {
        self.formID = formID
        self.formVersion = formVersion
        self.city = city
        self.regionCode = regionCode
        self.office = office
        self.district = district
        self.handling = handling
        self.submittedOn = submittedOn
        self.agent = agent
        self.conditions = conditions
        self.fields = fields
        self.materials = materials
        self.faults = faults
    }

    /// As submission XML (README.md, "Submission XML"): what an office's software would send.
    public var xml: [UInt8] { XMLWriter.write(self) }

    public struct Agent: Sendable, Hashable {
        public var name: String
        public var idNumber: String
        public var phone: String
    }

    public struct Attachment: Sendable, Hashable {
        /// The catalog material this attachment provides (not written unless `id` is).
        public var material: String
        /// The id written in the XML, when the applicant's software knows it.
        public var id: String?
        public var name: String
        public var file: String
    }

    /// A field or table cell: its key and what was written.
    public struct Cell: Sendable, Hashable {
        public var key: String
        public var value: Value
        public init(key: String, value: Value) {
            self.key = key
            self.value = value
        }
    }

    public enum Value: Sendable, Hashable {
        /// Text as written (a date in any accepted style, a code, a name).
        case text(String)
        /// Ticked options; `tagged` writes them as `<option>`s, otherwise as text joined by 、.
        case options([String], tagged: Bool)
        /// Table rows, each its cells in column order.
        case rows([[Cell]])
    }

    /// The values as the XML reader would give them, for the renderer.
    public var fieldValues: [String: FieldValue] {
        var out: [String: FieldValue] = [:]
        for cell in fields { out[cell.key] = cell.value.fieldValue }
        return out
    }

    func index(of key: String) -> Int? { fields.firstIndex { $0.key == key } }

    subscript(key: String) -> Value? {
        get { index(of: key).map { fields[$0].value } }
        set {
            if let i = index(of: key) {
                if let newValue { fields[i].value = newValue } else { fields.remove(at: i) }
            } else if let newValue {
                fields.append(Cell(key: key, value: newValue))
            }
        }
    }
}

extension Draft.Value {
    var fieldValue: FieldValue {
        switch self {
        case .text(let s): return .text(s)
        case .options(let list, _): return list.count == 1 ? .text(list[0]) : .choices(list)
        case .rows(let rows):
            return .rows(rows.map { row in
                var cells: [String: FieldValue] = [:]
                for cell in row { cells[cell.key] = cell.value.fieldValue }
                return cells
            })
        }
    }

    var text: String? { if case .text(let s) = self { return s } else { return nil } }
}
