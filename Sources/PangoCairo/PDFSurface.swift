internal import CPangoCairo

/// A cairo PDF surface that writes into memory, so callers get the document as bytes and decide
/// themselves where (and whether) it is stored.
public final class PDFSurface {
    let handle: OpaquePointer
    private let sink: ByteSink

    /// Page size in points (1/72 inch); A4 is 595.276 × 841.89.
    public init(width: Double, height: Double) throws(CairoError) {
        let sink = ByteSink()
        let write: cairo_write_func_t = { closure, data, length in
            guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
            if let data, length > 0 {
                sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            }
            return CAIRO_STATUS_SUCCESS
        }
        // The surface never outlives `self`, and `self` holds `sink`, so an unretained pointer is safe.
        guard let surface = cairo_pdf_surface_create_for_stream(
            write, Unmanaged.passUnretained(sink).toOpaque(), width, height) else {
            throw CairoError(CAIRO_STATUS_NO_MEMORY, operation: "create PDF surface")
        }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw CairoError(status, operation: "create PDF surface")
        }
        self.handle = surface
        self.sink = sink
    }

    deinit { cairo_surface_destroy(handle) }

    /// Sets the size of the next page (and the ones after it).
    public func setPageSize(width: Double, height: Double) {
        cairo_pdf_surface_set_size(handle, width, height)
    }

    /// Document information shown by PDF viewers. Setting `creationDate` to a fixed value keeps
    /// output byte-for-byte reproducible.
    public func setMetadata(_ key: PDFMetadata, _ value: String) {
        cairo_pdf_surface_set_metadata(handle, key.cairoValue, value)
    }

    /// Leaves /CreationDate out of the document information (cairo 1.16 writes the current time
    /// unless told otherwise): same input, same bytes.
    public func omitCreationDate() {
        // cairo drops a date it cannot parse as ISO 8601, the empty string included.
        cairo_pdf_surface_set_metadata(handle, CAIRO_PDF_METADATA_CREATE_DATE, "")
    }

    /// Finishes the document and returns its bytes; the surface cannot be drawn on afterwards.
    public func finish() throws(CairoError) -> [UInt8] {
        cairo_surface_flush(handle)
        cairo_surface_finish(handle)
        try CairoError.check(cairo_surface_status(handle), "finish PDF")
        return sink.bytes
    }
}

/// The PDF document-information entries cairo can write.
public enum PDFMetadata: Sendable {
    case title, author, subject, keywords, creator
    /// ISO 8601, e.g. `2024-03-05T00:00:00`.
    case creationDate
    case modificationDate

    var cairoValue: cairo_pdf_metadata_t {
        switch self {
        case .title: CAIRO_PDF_METADATA_TITLE
        case .author: CAIRO_PDF_METADATA_AUTHOR
        case .subject: CAIRO_PDF_METADATA_SUBJECT
        case .keywords: CAIRO_PDF_METADATA_KEYWORDS
        case .creator: CAIRO_PDF_METADATA_CREATOR
        case .creationDate: CAIRO_PDF_METADATA_CREATE_DATE
        case .modificationDate: CAIRO_PDF_METADATA_MOD_DATE
        }
    }
}

/// Collects what cairo writes; reached from the C callback through `Unmanaged`.
private final class ByteSink {
    var bytes: [UInt8] = []
}
