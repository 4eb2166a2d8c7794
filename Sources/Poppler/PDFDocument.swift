internal import CPoppler

/// A PDF opened from memory with poppler-glib. Owns the poppler document; pages and attachments
/// are copied out as Swift values, so nothing handed out refers to C memory.
///
/// Not thread-safe (poppler documents stay with one task); open one per task.
public final class PDFDocument {
    private let handle: OpaquePointer

    /// Opens `bytes`. The password is always nil: poppler crashes on some encrypted files when
    /// given a wrong non-nil password (stack.md), and intake never asks for one anyway.
    public init(bytes: [UInt8]) throws(PDFError) {
        guard !bytes.isEmpty else { throw .damaged("empty file") }
        _ = Self.globalsKept
        handle = try Self.open(bytes)
    }

    private static func open(_ bytes: [UInt8]) throws(PDFError) -> OpaquePointer {
        let gbytes = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(gbytes) }
        var error: UnsafeMutablePointer<GError>?
        guard let document = poppler_document_new_from_bytes(gbytes, nil, &error) else {
            throw PDFError.consume(error, operation: "open PDF")
        }
        if let error { g_error_free(error) }
        return document
    }

    /// poppler builds its global tables (fonts, Unicode maps) when a document opens while none
    /// is open, and frees them when the last one closes: 4 M instructions, 5 % of a typed PDF,
    /// for every file of a batch opened one after another. An empty one-page document opened
    /// once and never closed keeps them for the life of the process.
    static let globalsKept: Bool = (try? open(Array(keeperPDF.utf8))) != nil

    private static let keeperPDF = """
        %PDF-1.4
        1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
        2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
        3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 1 1]>>endobj
        xref
        0 4
        0000000000 65535 f\u{20}
        0000000009 00000 n\u{20}
        0000000052 00000 n\u{20}
        0000000101 00000 n\u{20}
        trailer<</Size 4/Root 1 0 R>>
        startxref
        160
        %%EOF

        """

    deinit { cpop_unref(UnsafeMutableRawPointer(handle)) }

    public var pageCount: Int { Int(poppler_document_get_n_pages(typed)) }

    /// The page at `index` (0-based), or nil when out of range or unreadable.
    public func page(at index: Int) -> PDFPage? {
        guard index >= 0, index < pageCount, let page = poppler_document_get_page(typed, Int32(index)) else {
            return nil
        }
        return PDFPage(handle: page, index: index)
    }

    /// Embedded files (portal exports carry their XML this way). Files larger than `maxBytes`
    /// are listed with no data.
    public func attachments(maxBytes: Int = 8 << 20) -> [PDFAttachment] {
        guard poppler_document_has_attachments(typed) != 0 else { return [] }
        guard let list = poppler_document_get_attachments(typed) else { return [] }
        defer { cpop_list_free_objects(list) }
        var result: [PDFAttachment] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            if let raw = current.pointee.data {
                let attachment = raw.assumingMemoryBound(to: PopplerAttachment.self)
                let name = attachment.pointee.name.map { String(cString: $0) } ?? ""
                let description = attachment.pointee.description.map { String(cString: $0) }
                // The size is the file's own claim (/Params /Size, -1 in some files): clamped, never trusted.
                let size = Int(clamping: attachment.pointee.size)
                var data: [UInt8]? = nil
                if size <= maxBytes {
                    let sink = AttachmentSink(limit: maxBytes)
                    var error: UnsafeMutablePointer<GError>?
                    let ok = poppler_attachment_save_to_callback(attachment, { buf, count, user, _ in
                        guard let user else { return 0 }
                        let sink = Unmanaged<AttachmentSink>.fromOpaque(user).takeUnretainedValue()
                        guard sink.bytes.count + Int(clamping: count) <= sink.limit else { return 0 }
                        if let buf, count > 0 {
                            buf.withMemoryRebound(to: UInt8.self, capacity: Int(count)) {
                                sink.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(count)))
                            }
                        }
                        return 1
                    }, Unmanaged.passUnretained(sink).toOpaque(), &error)
                    if let error { g_error_free(error) }
                    if ok != 0 { data = sink.bytes }
                }
                result.append(PDFAttachment(name: name, description: description, size: size, data: data))
            }
            node = current.pointee.next
        }
        return result
    }

    private var typed: OpaquePointer { handle }
}

/// A file embedded in a PDF.
public struct PDFAttachment: Sendable, Hashable {
    public var name: String
    public var description: String?
    public var size: Int
    /// The bytes, or nil when the file was larger than the limit or could not be read.
    public var data: [UInt8]?
}

private final class AttachmentSink {
    var bytes: [UInt8] = []
    let limit: Int
    init(limit: Int) { self.limit = limit }
}
