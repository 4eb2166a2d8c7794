internal import CLibXML2

/// An element copied out of libxml2's tree: plain Swift values, safe to keep and send after
/// the `Document` is gone.
public struct Element: Sendable, Hashable {
    /// Local name (no prefix).
    public var name: String
    /// Attributes by name; a namespaced attribute keeps its prefix (`xsi:type`). Namespace
    /// declarations (`xmlns`) are not attributes.
    public var attributes: [String: String]
    /// Element children only, in document order.
    public var children: [Element]
    /// Concatenated text/CDATA content directly inside this element (not descendants), as-is.
    public var text: String
    /// Source line of the start tag.
    public var line: Int
    /// The element's namespace URI, nil when it has none.
    public var namespaceURI: String?

    public init(
        name: String, attributes: [String: String] = [:], children: [Element] = [],
        text: String = "", line: Int = 0, namespaceURI: String? = nil
    ) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
        self.line = line
        self.namespaceURI = namespaceURI
    }

    /// First child with that local name.
    public func child(_ name: String) -> Element? {
        children.first { $0.name == name }
    }

    /// All children with that local name, in document order.
    public func children(named name: String) -> [Element] {
        children.filter { $0.name == name }
    }
}

extension Element {
    /// Deep copy of an element node. Recursion depth is bounded by libxml2's nesting limit
    /// (256 without `XML_PARSE_HUGE`).
    init(copying node: xmlNodePtr) {
        var children: [Element] = []
        var text = ""
        var cursor = node.pointee.children
        while let child = cursor {
            switch child.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(Element(copying: child))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = child.pointee.content { text += String(cString: content) }
            default:
                break
            }
            cursor = child.pointee.next
        }
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            let local = String(cString: current.pointee.name)
            let key = current.pointee.ns?.pointee.prefix.map { String(cString: $0) + ":" + local } ?? local
            attributes[key] = Element.string(xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1))
            attribute = current.pointee.next
        }
        self.init(
            name: String(cString: node.pointee.name),
            attributes: attributes,
            children: children,
            text: text,
            line: Int(xmlGetLineNo(node)),
            namespaceURI: node.pointee.ns?.pointee.href.map { String(cString: $0) })
    }

    /// Copies a libxml2-allocated string and frees it.
    private static func string(_ owned: UnsafeMutablePointer<xmlChar>?) -> String {
        guard let owned else { return "" }
        defer { cxml_free(owned) }
        return String(cString: owned)
    }
}
