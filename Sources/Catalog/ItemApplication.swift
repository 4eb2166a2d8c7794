import IntakeCore

/// The envelope of a submission for an item that prints no form (异地就医备案, 医疗费手工报销 …):
/// `<submission item="…">` with the applicant as the clerk keys them in, and the materials.
///
/// It is read, checked and stored like a form whose fields are the applicant, so every check,
/// the ledger and the console work on it unchanged; result.json says `"form": null`.
extension FormDefinition {
    public static let itemApplicationID = Submission.itemApplicationFormID

    /// Whether this is the envelope rather than an official form.
    public var isItemApplication: Bool { id == Self.itemApplicationID }

    public static let itemApplication = FormDefinition(
        id: itemApplicationID, version: "1", title: "事项申请",
        // "医保经办机构受理审核，对材料不全的，一次性告知需补齐的材料": the step every item shares.
        source: SourceRef(file: "002_9b5dd47737cf0ec4.txt", line: 444),
        schema: "schemas/item-application.xsd",
        fields: [
            FieldDefinition(key: "applicantName", label: "申请人姓名", group: "申请人", type: .text, maxLength: 50),
            FieldDefinition(key: "applicantIdNumber", label: "申请人公民身份号码", group: "申请人", type: .idNumber),
            FieldDefinition(key: "unitName", label: "单位名称", group: "申请单位", type: .text, maxLength: 100),
            FieldDefinition(key: "uscc", label: "统一社会信用代码", group: "申请单位", type: .uscc),
            FieldDefinition(key: "phone", label: "联系电话", type: .phone),
        ],
        layout: FormLayout(columns: [1], rows: []),
        applicantField: "applicantName")

    /// Who applies: the person's name, else the unit's.
    public func applicantName(in values: [String: FieldValue]) -> String? {
        let keys = isItemApplication ? ["applicantName", "unitName"] : [applicantField].compactMap { $0 }
        return keys.lazy.compactMap { values[$0]?.display.trimmingWhitespace() }.first { !$0.isEmpty }
    }
}
