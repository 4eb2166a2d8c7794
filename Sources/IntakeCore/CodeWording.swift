/// The Chinese words of every code, as a section chief (科长) or clerk reads them in reports and
/// pages: one table, which a test holds against `ProblemCode.all` and `IntakeError.Code.all`.
extension ProblemCode {
    /// Short, for tables: "校验码错误".
    public var wording: String? {
        switch self {
        case .missingRequired: "必填项未填"
        case .invalidCheckDigit: "校验码错误"
        case .invalidFormat: "格式不符"
        case .dateFormat: "日期无效"
        case .dateOrder: "日期先后矛盾"
        case .idGenderMismatch: "性别与身份证号不符"
        case .invalidBirthDate: "身份证号出生日期无效"
        case .invalidOption: "勾选了表上没有的选项"
        case .tooManyOptions: "单选项勾选了多个"
        case .tooLong: "超出栏目字数"
        case .missingMaterial: "缺少申办材料"
        case .schemaViolation: "不符合表单结构（XSD）"
        case .unknownRegion: "地区不在受理范围"
        case .lowConfidence: "识别结果待人工核对"
        case .missingSeal: "未加盖单位公章"
        case .materialMismatch: "材料与申请不一致"
        case .materialExpired: "材料已过有效期"
        case .materialUnreadable: "材料无法辨认"
        case .materialUnrecognised: "未能识别的材料"
        default: nil
        }
    }
}

extension IntakeError.Code {
    /// Short, for tables: "文件过大".
    public var wording: String? {
        switch self {
        case .unreadable: "无法打开"
        case .tooLarge: "文件过大"
        case .notXML: "不是 XML"
        case .unsupportedFile: "不受理的文件类型"
        case .refused: "含 DOCTYPE/实体，拒收"
        case .wrongRoot: "根元素不是 submission"
        case .unknownForm: "未知表单"
        case .unknownItem: "未知事项"
        case .unsupportedVersion: "表单版本不受支持"
        case .encrypted: "PDF 有密码保护"
        case .damagedPDF: "PDF 已损坏"
        case .emptyPDF: "PDF 没有页面"
        case .damagedImage: "图片已损坏或无法识别"
        case .ocrUnavailable: "无法识别扫描件（OCR 不可用）"
        case .ocrFailed: "扫描件识别失败"
        case .readerCrashed: "文件读取异常，已隔离待人工处理"
        case .bundle: "材料文件夹不完整"
        case .badZip: "压缩包不安全或已损坏"
        case .duplicate: "重复提交"
        case .catalog: "事项目录有误"
        case .output: "无法写入结果"
        case .render: "无法生成 PDF"
        case .revisionConflict: "已由他人修改，未保存"
        default: nil
        }
    }
}
