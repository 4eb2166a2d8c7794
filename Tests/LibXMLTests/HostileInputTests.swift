import Foundation
import LibXML
import Testing

@Suite("Hostile documents")
struct HostileInputTests {
    @Test func xxeReadingAFileIsRefused() throws {
        let error = try #require(parseError(try Fixture.bytes("xxe-file.xml")))
        #expect(error.kind == .doctypeRefused)
        #expect(error.line == 2)
        #expect(error.description == "DOCTYPE declarations are not accepted (entity attacks are refused)")
        #expect(error.diagnostics.first?.message == "DOCTYPE not allowed")
        #expect(!error.diagnostics.contains { $0.message.contains("root:") })
    }

    /// The entity points at a watched FIFO, which tells whether libxml2 opened it.
    @Test(.timeLimit(.minutes(1)))
    func xxeAtAFifoNeverOpensIt() throws {
        let temp = try TempDirectory()
        defer { temp.remove() }
        let fifo = try temp.fifo("secret")
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file://\(fifo.path)\">]>\n<x>&e;</x>"
        let (error, elapsed) = measure { parseError(xml) }
        #expect(error?.kind == .doctypeRefused)
        #expect(elapsed < .seconds(1))
        #expect(fifo.stop() == false)
    }

    @Test(.timeLimit(.minutes(1)))
    func fifoWatchSeesAReader() throws {
        // Control for the FIFO tests: a real reader is seen, and released.
        let temp = try TempDirectory()
        defer { temp.remove() }
        let fifo = try temp.fifo("control")
        let reader = open(fifo.path, O_RDONLY)
        #expect(reader >= 0)
        close(reader)
        #expect(fifo.stop() == true)
    }

    @Test func externalDTDFixtureIsRefused() throws {
        let error = try #require(parseError(try Fixture.bytes("xxe-external-dtd.xml")))
        #expect(error.kind == .doctypeRefused)
    }

    @Test func externalDTDIsNeverFetched() throws {
        let trap = try TrapListener()
        let xml = "<!DOCTYPE x SYSTEM \"http://127.0.0.1:\(trap.port)/x.dtd\">\n<x>&e;</x>"
        #expect(parseError(xml)?.kind == .doctypeRefused)
        #expect(trap.acceptedConnections() == 0)
    }

    @Test func trapListenerSeesRealConnections() throws {
        // Control for the test above: a real connection is counted.
        let trap = try TrapListener()
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(client) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = trap.port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        #expect(connected == 0)
        #expect(trap.acceptedConnections() == 1)
    }

    @Test func parameterEntityXXEIsRefused() throws {
        let error = try #require(parseError(try Fixture.bytes("xxe-parameter-entity.xml")))
        #expect(error.kind == .doctypeRefused)
        #expect(error.line == 2)
    }

    @Test func billionLaughsIsRefusedQuickly() throws {
        let bytes = try Fixture.bytes("billion-laughs.xml")
        let (error, elapsed) = measure { parseError(bytes) }
        #expect(error?.kind == .doctypeRefused)
        #expect(elapsed < .seconds(1))
    }

    @Test func quadraticBlowupIsRefusedQuickly() throws {
        let bytes = try Fixture.bytes("quadratic-blowup.xml")
        let (error, elapsed) = measure { parseError(bytes) }
        #expect(error?.kind == .doctypeRefused)
        #expect(elapsed < .seconds(1))
    }

    @Test func harmlessDoctypeIsRefusedToo() throws {
        let error = try #require(parseError("<?xml version=\"1.0\"?>\n\n<!DOCTYPE x>\n<x/>"))
        #expect(error.kind == .doctypeRefused)
        #expect(error.line == 3)
    }

    @Test func xincludeIsNotProcessed() throws {
        let document = try Document(bytes: try Fixture.bytes("xinclude.xml"), name: "xinclude.xml")
        let include = try #require(document.root.child("include"))
        #expect(include.namespaceURI == "http://www.w3.org/2001/XInclude")
        #expect(include.attributes["href"] == "file:///etc/passwd")
        #expect(!allStrings(document.root).contains { $0.contains("root:") })
    }
}
