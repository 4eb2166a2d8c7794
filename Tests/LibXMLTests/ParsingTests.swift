import Foundation
import LibXML
import Testing

@Suite("Parsing well-formed documents")
struct ParsingTests {
    @Test func treeHasNamesAttributesTextAndLines() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <申请 xmlns="urn:yibao:claim" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" 编号="A-001" xsi:type="门诊">
              <参保人 证件类型="居民身份证">张三</参保人>
              <金额 币种="CNY">120.50</金额>
              <备注><![CDATA[a < b & c]]> 及 &amp; 其他</备注>
              <附件 名称="发票1.pdf"/>
              <附件 名称="发票2.pdf"/>
            </申请>
            """
        let document = try Document(bytes: Array(xml.utf8), name: "claim.xml")
        let root = document.root
        #expect(root.name == "申请")
        #expect(root.namespaceURI == "urn:yibao:claim")
        #expect(root.line == 2)
        #expect(root.attributes == ["编号": "A-001", "xsi:type": "门诊"])
        #expect(root.children.map(\.name) == ["参保人", "金额", "备注", "附件", "附件"])
        #expect(root.children.map(\.line) == [3, 4, 5, 6, 7])
        #expect(root.child("参保人")?.text == "张三")
        #expect(root.child("参保人")?.attributes["证件类型"] == "居民身份证")
        #expect(root.child("金额")?.text == "120.50")
        #expect(root.child("备注")?.text == "a < b & c 及 & 其他")
        #expect(root.children(named: "附件").map { $0.attributes["名称"] } == ["发票1.pdf", "发票2.pdf"])
        #expect(root.child("缺失") == nil)
        // Text directly inside the root is kept as-is: the whitespace between children.
        #expect(root.text == "\n  \n  \n  \n  \n  \n")
        #expect(document.declaredEncoding == "UTF-8")
        #expect(document.warnings.isEmpty)
    }

    @Test func utf8WithAndWithoutBOM() throws {
        let body = Array("<a>\n<b>医保</b></a>".utf8)
        for bytes in [body, [0xEF, 0xBB, 0xBF] + body] {
            let document = try Document(bytes: bytes, name: "bom.xml")
            #expect(document.root.child("b")?.text == "医保")
            #expect(document.root.child("b")?.line == 2)
            #expect(document.declaredEncoding == nil)
        }
    }

    /// Made with: printf '…' | iconv -f UTF-8 -t GB18030. Contains two-byte characters and
    /// the four-byte sequences for U+20BB7 (𠮷) and € (A2 E3).
    static let gb18030Bytes: [UInt8] = [
        0x3C, 0x3F, 0x78, 0x6D, 0x6C, 0x20, 0x76, 0x65, 0x72, 0x73, 0x69, 0x6F, 0x6E, 0x3D, 0x22, 0x31,
        0x2E, 0x30, 0x22, 0x20, 0x65, 0x6E, 0x63, 0x6F, 0x64, 0x69, 0x6E, 0x67, 0x3D, 0x22, 0x47, 0x42,
        0x31, 0x38, 0x30, 0x33, 0x30, 0x22, 0x3F, 0x3E, 0x0A, 0x3C, 0xC9, 0xEA, 0xC7, 0xEB, 0x20, 0xC0,
        0xE0, 0xD0, 0xCD, 0x3D, 0x22, 0xB1, 0xA8, 0xCF, 0xFA, 0x22, 0x3E, 0x0A, 0x20, 0x20, 0x3C, 0xD0,
        0xD5, 0xC3, 0xFB, 0x3E, 0xD5, 0xC5, 0xC8, 0xFD, 0x3C, 0x2F, 0xD0, 0xD5, 0xC3, 0xFB, 0x3E, 0x0A,
        0x20, 0x20, 0x3C, 0xB1, 0xB8, 0xD7, 0xA2, 0x3E, 0xD2, 0xBD, 0xC1, 0xC6, 0xB1, 0xA3, 0xCF, 0xD5,
        0x95, 0x34, 0xB2, 0x35, 0xA2, 0xE3, 0x3C, 0x2F, 0xB1, 0xB8, 0xD7, 0xA2, 0x3E, 0x0A, 0x3C, 0x2F,
        0xC9, 0xEA, 0xC7, 0xEB, 0x3E, 0x0A,
    ]

    @Test func gb18030DocumentComesBackAsUTF8() throws {
        // The bytes really are not UTF-8, so a pass means libxml2 converted them.
        #expect(String(validating: Self.gb18030Bytes, as: UTF8.self) == nil)
        let document = try Document(bytes: Self.gb18030Bytes, name: "gb.xml")
        #expect(document.declaredEncoding == "GB18030")
        #expect(document.root.name == "申请")
        #expect(document.root.attributes == ["类型": "报销"])
        #expect(document.root.child("姓名")?.text == "张三")
        #expect(document.root.child("备注")?.text == "医疗保险𠮷€")
        #expect(document.root.child("备注")?.line == 4)
    }

    @Test func lineNumbersAbove65535() throws {
        let xml = "<a>" + String(repeating: "\n", count: 70_000) + "<b>x</b></a>"
        let document = try Document(bytes: Array(xml.utf8), name: "long.xml")
        #expect(document.root.child("b")?.line == 70_001)
    }

    @Test func elementValuesOutliveTheDocument() throws {
        var document: Document? = try Document(bytes: Array("<a><b k='v'>t</b></a>".utf8), name: "a.xml")
        let root = document!.root
        document = nil
        #expect(root == Element(name: "a", children: [Element(name: "b", attributes: ["k": "v"], text: "t", line: 1)], line: 1))
    }
}

@Suite("Refusing documents that are not well-formed")
struct MalformedTests {
    @Test func tagMismatchReportsLineAndCode() throws {
        let xml = "<r>\n\n<a>\n\n\n\n</b>\n</r>\n"
        let error = try #require(parseError(xml))
        #expect(error.kind == .notWellFormed)
        #expect(error.line == 7)
        #expect(error.description == "not well-formed XML at line 7: Opening and ending tag mismatch: a line 3 and b (libxml2 error 76)")
        let first = try #require(error.diagnostics.first)
        #expect(first.line == 7)
        #expect(first.level == .fatal)
        #expect(first.code == 76)
        #expect(first.file == "test.xml")
        #expect(first.description == "line 7: Opening and ending tag mismatch: a line 3 and b (libxml2 error 76)")
    }

    @Test func plainTextIsNotXML() throws {
        let error = try #require(parseError(try Fixture.bytes("not-xml.txt")))
        #expect(error.kind == .notWellFormed)
        #expect(error.line == 1)
    }

    @Test func pngIsNotXML() throws {
        let error = try #require(parseError(try Fixture.bytes("png-header.png")))
        #expect(error.kind == .notWellFormed)
        #expect(error.line == 1)
    }

    @Test func emptyAndBlankDocuments() throws {
        let empty = try #require(parseError(try Fixture.bytes("empty.xml")))
        #expect(empty.kind == .empty)
        #expect(empty.description == "document is empty")
        let blank = try #require(parseError("  \n\n  "))
        #expect(blank.kind == .empty)
        #expect(blank.line != nil)
    }

    @Test func truncatedDocumentReportsWhereItEnds() throws {
        let error = try #require(parseError(try Fixture.bytes("truncated.xml")))
        #expect(error.kind == .notWellFormed)
        #expect(error.line == 4)
        #expect(error.description.contains("Premature end of data"))
    }

    @Test func undeclaredNamespacePrefixIsRefused() throws {
        let error = try #require(parseError("<a>\n<x:b/></a>"))
        #expect(error.kind == .notWellFormed)
        #expect(error.line == 2)
    }

    @Test func unknownDeclaredEncodingIsRefused() throws {
        let error = try #require(parseError("<?xml version=\"1.0\" encoding=\"X-NO-SUCH-CHARSET\"?><a/>"))
        #expect(error.kind == .unsupportedEncoding)
        #expect(error.description.hasPrefix("unsupported character encoding at line 1"))
    }

    @Test func bytesInvalidForTheDeclaredEncodingAreRefused() throws {
        // 0xFF can never appear in UTF-8.
        let error = try #require(parseError(Array("<a>".utf8) + [0xFF, 0xFE] + Array("</a>".utf8)))
        #expect(error.kind == .notWellFormed)
    }

    @Test func deepNestingIsRefusedQuickly() throws {
        let depth = 100_000
        let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let (error, elapsed) = measure { parseError(xml) }
        #expect(error?.kind == .notWellFormed)
        #expect(error?.description.contains("depth") == true)
        #expect(elapsed < .seconds(1))
    }
}

@Suite("Size limits")
struct SizeLimitTests {
    @Test func nineMegabytesIsOverTheDefaultLimit() throws {
        let bytes = Array("<a>".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: (9 << 20) - 7) + Array("</a>".utf8)
        let error = try #require(parseError(bytes))
        #expect(error.kind == .tooLarge)
        #expect(error.byteCount == bytes.count)
        #expect(error.description == "document is 9 MB, over the 8 MB limit")
        let justOver = try #require(parseError([UInt8](repeating: 0x20, count: (8 << 20) + 1)))
        #expect(justOver.description == "document is 8.1 MB, over the 8 MB limit")
    }

    @Test func twoHundredMegabytesIsRefusedWithoutParsing() throws {
        let bytes = [UInt8](repeating: UInt8(ascii: "<"), count: 200 << 20)
        let (error, elapsed) = measure { parseError(bytes) }
        #expect(error?.kind == .tooLarge)
        #expect(error?.description == "document is 200 MB, over the 8 MB limit")
        #expect(elapsed < .milliseconds(100))
    }

    @Test func sizeCanBeCheckedBeforeReading() throws {
        #expect(throws: XMLParseError.self) { try ParseLimits().check(byteCount: 210 << 20) }
        do {
            try ParseLimits().check(byteCount: 210 << 20)
        } catch {
            #expect(error.description == "document is 210 MB, over the 8 MB limit")
        }
        try ParseLimits().check(byteCount: 8 << 20)
    }

    @Test func customLimitIsExactBoundary() throws {
        let xml = "<a>" + String(repeating: "x", count: 993) + "</a>"
        #expect(xml.utf8.count == 1000)
        let limits = ParseLimits(maxBytes: 1000)
        #expect(parseError(xml, limits: limits) == nil)
        let error = try #require(parseError(xml + " ", limits: limits))
        #expect(error.kind == .tooLarge)
        #expect(error.description == "document is 1001 bytes, over the 1000 byte limit")
    }
}
