import Catalog
import Checks
import IntakeCore
import IntakeTestSupport

let checkDay = CalendarDate(year: 2026, month: 11, day: 23)!

/// A complete, valid Liaocheng unit enrollment, for tests to spoil one thing at a time.
func completeSubmission(form: String = "lc-unit-enrollment") -> Submission {
    Submission(
        formID: form, formVersion: "1", regionCode: "371502", office: nil, handling: "本人", submittedOn: "2026-11-20",
        agent: nil, declaredConditions: [],
        values: [
            "unitName": .text("聊城市鑫源精密机械有限公司"), "uscc": .text("91371502MA3C7K2L0U"),
            "address": .text("山东省聊城市东昌府区柳园南路56号"), "unitType": .text("企业"),
            "legalRepName": .text("刘振华"), "legalRepPhone": .text("0635-8367215"),
            "legalRepIdNumber": .text("371502197806120412"), "contactName": .text("张丽娜"),
            "contactDepartment": .text("人力资源部"), "contactMobile": .text("13806351428"),
            "contactPhone": .text("0635-8367216"), "insuranceTypes": .choices(["医疗保险", "生育保险"]),
            "declarationDate": .text("2026-11-16"),
        ],
        lines: [:],
        attachments: [.init(id: nil, name: "单位批准成立文件复印件", file: "approval.pdf", line: nil)],
        encoding: nil)
}

func check(_ submission: Submission) throws -> SubmissionChecker.Report {
    let catalog = Repository.catalog
    let form = try #require(catalog.form(submission.formID))
    let region = String(submission.regionCode.prefix(4)) + "00"
    let item = try #require(catalog.items(region: region, form: form.id).first)
    return SubmissionChecker(today: checkDay).check(submission, form: form, item: item, sourceName: "test.xml")
}

import Testing
