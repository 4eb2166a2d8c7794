import Foundation
import LibXML
import Testing

let claimXSD = """
    <?xml version="1.0" encoding="UTF-8"?>
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:element name="claim">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="name" type="xs:string"/>
            <xs:element name="amount" type="xs:decimal"/>
          </xs:sequence>
          <xs:attribute name="id" type="xs:string" use="required"/>
        </xs:complexType>
      </xs:element>
    </xs:schema>
    """

func claim(amount: String, name: String = "张三") -> [UInt8] {
    Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <claim id="A-1">
          <name>\(name)</name>
          <amount>\(amount)</amount>
        </claim>
        """.utf8)
}

@Suite("Schema validation")
struct SchemaTests {
    @Test func validDocumentHasNoDiagnostics() throws {
        let schema = try Schema(bytes: Array(claimXSD.utf8), name: "claim.xsd")
        let document = try Document(bytes: claim(amount: "120.50"), name: "ok.xml")
        #expect(document.validate(against: schema) == [])
    }

    @Test func invalidDocumentReportsLineAndLevel() throws {
        let schema = try Schema(bytes: Array(claimXSD.utf8), name: "claim.xsd")
        let document = try Document(bytes: claim(amount: "一百"), name: "bad.xml")
        let diagnostics = document.validate(against: schema)
        #expect(diagnostics.count == 1)
        let first = try #require(diagnostics.first)
        #expect(first.line == 4)
        #expect(first.level == .error)
        #expect(first.file == "bad.xml")
        #expect(first.message.contains("amount"))
        #expect(first.message.contains("xs:decimal"))
    }

    @Test func missingAttributeAndWrongOrderAreReported() throws {
        let schema = try Schema(bytes: Array(claimXSD.utf8), name: "claim.xsd")
        let xml = "<claim>\n<amount>1</amount>\n<name>x</name>\n</claim>"
        let diagnostics = try Document(bytes: Array(xml.utf8), name: "x.xml").validate(against: schema)
        #expect(diagnostics.map(\.line).sorted() == [1, 2])
        #expect(diagnostics.allSatisfy { $0.level == .error })
    }

    @Test func gb18030DocumentValidates() throws {
        let xsd = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="申请"><xs:complexType><xs:sequence>
                <xs:element name="姓名" type="xs:string"/>
                <xs:element name="备注" type="xs:string"/>
              </xs:sequence><xs:attribute name="类型" type="xs:string"/></xs:complexType></xs:element>
            </xs:schema>
            """
        let schema = try Schema(bytes: Array(xsd.utf8), name: "gb.xsd")
        let document = try Document(bytes: ParsingTests.gb18030Bytes, name: "gb.xml")
        #expect(document.validate(against: schema) == [])
    }

    @Test func schemaFromFile() throws {
        let temp = try TempDirectory()
        defer { temp.remove() }
        let path = try temp.write("claim.xsd", claimXSD)
        let schema = try Schema(contentsOf: path)
        #expect(schema.name == path)
        #expect(try Document(bytes: claim(amount: "1"), name: "a.xml").validate(against: schema) == [])
        #expect(try Document(bytes: claim(amount: "x"), name: "a.xml").validate(against: schema).count == 1)
    }

    @Test func missingSchemaFileIsAnError() throws {
        do {
            _ = try Schema(contentsOf: "/nonexistent/claim.xsd")
            Issue.record("expected an error")
        } catch {
            #expect(error.name == "/nonexistent/claim.xsd")
            #expect(error.description.contains("No such file"))
        }
    }

    @Test func badSchemaReportsFileAndLine() throws {
        let xsd = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="a" type="xs:string"/>
              <xs:element name="b" type="NoSuchType"/>
            </xs:schema>
            """
        let error = try #require(schemaError(xsd, name: "bad.xsd"))
        #expect(error.name == "bad.xsd")
        let errors = error.diagnostics.filter(\.isError)
        let first = try #require(errors.first)
        #expect(first.line == 3)
        #expect(first.file == "bad.xsd")
        #expect(error.description.hasPrefix("schema bad.xsd is invalid: line 3: "))
    }

    @Test func schemaThatIsNotXMLIsAnError() throws {
        let error = try #require(schemaError("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n<oops", name: "broken.xsd"))
        #expect(error.diagnostics.first?.line == 2)
        #expect(schemaError("<!DOCTYPE x [<!ENTITY e 'x'>]><x/>") != nil)
    }

    @Test func includeOfAFileIsNotLoaded() throws {
        #expect(throws: XMLSchemaError.self) { try Schema(contentsOf: Fixture.path("xsd-include-file.xsd")) }
    }

    @Test func importOverHTTPIsNotFetched() throws {
        #expect(throws: XMLSchemaError.self) { try Schema(contentsOf: Fixture.path("xsd-import-http.xsd")) }
        let trap = try TrapListener()
        let xsd = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:o="urn:other">
              <xs:import namespace="urn:other" schemaLocation="http://127.0.0.1:\(trap.port)/other.xsd"/>
              <xs:element name="x" type="xs:string"/>
            </xs:schema>
            """
        #expect(schemaError(xsd) != nil)
        #expect(trap.acceptedConnections() == 0)
    }

    /// Even a real, valid schema next to the including one is not read: schemas must be
    /// self-contained. The other include target is a watched FIFO.
    @Test(.timeLimit(.minutes(1)))
    func includeOfAnExistingFileOrFifoIsNotOpened() throws {
        let temp = try TempDirectory()
        defer { temp.remove() }
        _ = try temp.write("part.xsd", "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:simpleType name=\"T\"><xs:restriction base=\"xs:string\"/></xs:simpleType></xs:schema>")
        let fifo = try temp.fifo("pipe.xsd")
        defer { #expect(fifo.stop() == false) }
        for location in ["part.xsd", "file://\(fifo.path)", fifo.path] {
            let path = try temp.write("main.xsd", """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
                  <xs:include schemaLocation="\(location)"/>
                  <xs:element name="x" type="T"/>
                </xs:schema>
                """)
            let (result, elapsed) = measure { Result { () throws(XMLSchemaError) in try Schema(contentsOf: path) } }
            #expect(throws: XMLSchemaError.self) { try result.get() }
            #expect(elapsed < .seconds(1))
        }
    }

    @Test func sharedSchemaAcrossManyTasks() async throws {
        let schema = try Schema(bytes: Array(claimXSD.utf8), name: "claim.xsd")
        let results = await withTaskGroup(of: (Int, Bool, [Int]).self) { group in
            for index in 0..<200 {
                group.addTask {
                    let valid = index % 3 != 0
                    let bytes = claim(amount: valid ? "\(index).5" : "bad\(index)", name: "参保人\(index)")
                    guard let document = try? Document(bytes: bytes, name: "doc\(index).xml") else {
                        return (index, valid, [-1])
                    }
                    let diagnostics = document.validate(against: schema)
                    let nameIsRight = document.root.child("name")?.text == "参保人\(index)"
                    return (index, valid, nameIsRight ? diagnostics.map(\.line) : [-2])
                }
            }
            return await group.reduce(into: [(Int, Bool, [Int])]()) { $0.append($1) }
        }
        #expect(results.count == 200)
        for (index, valid, lines) in results {
            #expect(lines == (valid ? [] : [4]), "document \(index)")
        }
    }
}
