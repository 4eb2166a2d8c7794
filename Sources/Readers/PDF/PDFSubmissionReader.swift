import Catalog
import FormReading
import Foundation
import IntakeCore
import Poppler

/// Reads a PDF submission: a portal export carrying its XML, a fillable (AcroForm) form, a form
/// typed and printed to PDF, or a scan; recognises the form and reads its values by layout.
public struct PDFSubmissionReader: Sendable {
    public struct Limits: Sendable {
        /// Pages read at most: an application form has a few; a 2,000-page file is not one.
        public var maxPages = 12
        /// Scanned pages read at most (each costs seconds of OCR).
        public var maxScannedPages = 4
        /// Raster resolution for ruling lines of typed pages.
        public var gridDPI = 100.0
        /// Resolution scans are rendered at for OCR.
        public var scanDPI = 200.0
        /// Pixels one image may declare: a page's images are decoded whole when it is drawn. 50 M
        /// is a 600 dpi A4 page (35 M) with room; a 20,000 × 20,000 image (400 M) is refused
        /// before poppler decodes it.
        public var maxImagePixels = 50_000_000
        /// Confidence below which a value is not vouched for: flagged for review, kept out of the notice.
        public var confidenceThreshold = 0.9
        /// A page with fewer visible glyphs than this and an image on it is read as a scan: a
        /// few stray characters (a page number, a scanner's stamp) do not make a typed page.
        public var scanGlyphs = 8
        /// Share of a form's title and labels (`LayoutReader.Signature.score`) a document must
        /// show to be taken as that form; below it the file is `unknown-form`, not a guess.
        public var formScore = 0.45
        /// Confidence of a value that cannot be its field's (any method), or of a scanned value
        /// that fails its own check or a scanned table missing a required cell: below the
        /// threshold, always reviewed.
        public var failedCheckConfidence = 0.5
        /// Confidence of a scanned value lying under a seal: misreads there come with high
        /// per-character probabilities, so they are reviewed too.
        public var underSealConfidence = 0.85
        public init() {}
    }

    /// What the PDF turned out to be.
    public enum Outcome: Sendable {
        /// A portal export: the XML it carries, to be read as an XML submission.
        case embeddedXML(bytes: [UInt8], name: String)
        /// A form read from the page.
        case form(Submission, FormDefinition)
    }

    let catalog: Catalog
    let recognizer: PageRecognizer?
    let validate: SubmissionReader.Validator
    let limits: Limits
    /// Every form's title and labels, prepared once.
    let signatures: [LayoutReader.Signature]
    let placeNames: PlaceNames

    public init(catalog: Catalog, recognizer: PageRecognizer?, validate: @escaping SubmissionReader.Validator,
                limits: Limits = Limits()) {
        self.catalog = catalog
        self.signatures = catalog.forms.map(LayoutReader.Signature.init)
        self.placeNames = PlaceNames(catalog)
        self.recognizer = recognizer
        self.validate = validate
        self.limits = limits
    }

    public func read(_ bytes: [UInt8], path: String) throws(IntakeError) -> Outcome {
        let pixels = ImageSizes.largestPixelCount(in: bytes)
        guard pixels <= limits.maxImagePixels else {
            throw IntakeError(code: .tooLarge, message: "holds an image of \(pixels / 1_000_000) million pixels, over the "
                              + "\(limits.maxImagePixels / 1_000_000)-million-pixel budget of a page; not decoded", path: path)
        }
        let document: PDFDocument
        do {
            document = try PDFDocument(bytes: StaleAppearances.hidden(bytes))
        } catch {
            switch error {
            case .encrypted:
                throw IntakeError(code: .encrypted, message: "encrypted: the PDF is protected by a password; intake does not ask for one", path: path)
            case .damaged(let m):
                throw IntakeError(code: .damagedPDF, message: "not a readable PDF (truncated or corrupt): \(m)", path: path)
            case .failed(_, let m):
                throw IntakeError(code: .damagedPDF, message: "cannot open the PDF: \(m)", path: path)
            }
        }
        let pageCount = document.pageCount
        guard pageCount > 0 else { throw IntakeError(code: .emptyPDF, message: "the PDF has no pages", path: path) }

        // A portal export carries the submission as XML: that is the authoritative data.
        for attachment in document.attachments() {
            guard let data = attachment.data else { continue }
            let isXML = attachment.name.lowercased().hasSuffix(".xml")
                || String(decoding: data.prefix(200), as: UTF8.self).contains("<submission")
            if isXML { return .embeddedXML(bytes: data, name: attachment.name) }
        }

        var pages: [PageText] = []
        var widgets: [PDFFormField] = []
        var method = ReadingMethod.pdfText
        var scannedCount = 0
        var sealPages: [Int]? = nil
        var greyScan = false
        for index in 0..<min(pageCount, limits.maxPages) {
            guard let page = document.page(at: index) else { continue }
            let (width, height) = page.size
            // Drawn first: drawing also collects the page's text, which `glyphs()` then reuses
            // instead of reading the page a second time. (A scan's raster goes unused; drawing it
            // is little beside its OCR.)
            let raster = try? page.renderGrey(dpi: limits.gridDPI)
            var glyphs = GlyphBoxes.normalized(page.glyphs().map { Glyph($0.character, $0.box) })
            let fields = page.formFields()
            widgets += fields
            if !fields.isEmpty {
                glyphs = AcroFormText.merge(fields, into: glyphs)
                method = .acroform
            }
            let visible = glyphs.filter { !$0.character.isWhitespace }.count
            if visible < limits.scanGlyphs && page.imageCount > 0 {
                guard scannedCount < limits.maxScannedPages else { continue }
                scannedCount += 1
                let png: [UInt8]
                do {
                    png = try page.renderPNG(dpi: limits.scanDPI)
                } catch {
                    throw IntakeError(code: .damagedPDF, message: "cannot render page \(index + 1): \(error)", path: path)
                }
                let (scannedPage, colour) = try scanned(png: png, number: index + 1, path: path)
                method = .ocr
                if !colour { greyScan = true }
                sealPages = (sealPages ?? []) + (scannedPage.seals.isEmpty ? [] : [index + 1])
                pages.append(scannedPage)
            } else {
                pages.append(PageText(
                    number: index + 1, width: width, height: height, glyphs: glyphs,
                    raster: raster,
                    rasterScale: limits.gridDPI / 72, widgets: fields.map(\.box)))
            }
        }

        let sizes = Dictionary(uniqueKeysWithValues: pages.map { page in
            (page.number, document.page(at: page.number - 1)?.size ?? (width: page.width, height: page.height))
        })
        let (submission, form) = try form(from: pages, widgets: widgets, method: method, sealPages: greyScan && sealPages?.isEmpty != false ? nil : sealPages,
                                          pointSizes: sizes, path: path)
        return .form(submission, form)
    }

    /// A scanned page (PNG) read by the OCR engine, numbered `number` (1-based); `photo`: its
    /// paper is found and flattened first.
    /// A scanned page read, and whether it was in colour (a seal is found by its red).
    func scanned(png: [UInt8], number: Int, photo: Bool = false, path: String) throws(IntakeError) -> (page: PageText, colour: Bool) {
        guard let recognizer else {
            throw IntakeError(code: .ocrUnavailable, message: "page \(number) is a scan and no OCR engine is available", path: path)
        }
        let recognized: RecognizedPage
        do {
            recognized = try recognizer.recognize(png: png, photo: photo)
        } catch {
            throw IntakeError(code: .ocrFailed, message: "page \(number): \(error)", path: path)
        }
        let page = PageText(
            number: number, width: Double(recognized.width), height: Double(recognized.height),
            glyphs: placeNames.mended(recognized.characters.map { Glyph($0.text, $0.box, confidence: $0.probability) },
                                      doubtBelow: limits.confidenceThreshold),
            raster: recognized.grey,
            rasterScale: 1, judgeTicksFromPixels: true, seals: recognized.seals)
        return (page, recognized.colour)
    }

    /// The form the pages show and its values, judged for what can be vouched for.
    /// `pointSizes`: each page's size in points, to give boxes in result.json in points.
    func form(from pages: [PageText], widgets: [PDFFormField], method: ReadingMethod, sealPages: [Int]?,
              pointSizes: [Int: (width: Double, height: Double)], path: String) throws(IntakeError) -> (Submission, FormDefinition) {
        let text = LayoutReader.RecognitionText(Array(String(pages.flatMap { $0.glyphs.compactMap { LabelFolding.fold($0.character) } }).utf8))
        let scored = signatures.map { ($0, $0.score(text)) }.sorted { $0.1 > $1.1 }
        guard let (signature, score) = scored.first, score >= limits.formScore else {
            let seen = String(pages.first.map { $0.glyphs.prefix(40).map(\.character) } ?? []).replacingOccurrences(of: "\n", with: " ")
            throw IntakeError(code: .unknownForm,
                              message: "no form of the catalog recognised (best match \(scored.first.map { "\($0.0.form.id) \(Int($0.1 * 100))%" } ?? "none")); first text: \"\(seen)\"",
                              path: path)
        }
        let form = signature.form
        var read = LayoutReader(signature).read(pages)
        // Widgets that name their field hold exactly what was typed there: vouched for as read.
        let named = AcroFormNames.values(widgets, form: form)
        for (key, value) in named {
            let previous = read[key]
            read[key] = ReadValue(value: value, page: previous?.page, box: previous?.box, confidence: 1, underSeal: false)
        }
        // A filled widget no value was read from: its text went nowhere, so the fields read
        // blank may be where it belonged. They are not vouched for.
        let unplaced = widgets.contains { widget in
            guard case .text(let text, _) = widget.kind, !text.trimmingWhitespace().isEmpty,
                  !named.values.contains(.text(text.trimmingWhitespace())) else { return false }
            return !read.values.contains { value in
                guard value.page == widget.page + 1, let box = value.box, !value.value.isBlank else { return false }
                return box.x0 < widget.box.x1 && widget.box.x0 < box.x1 && box.y0 < widget.box.y1 && widget.box.y0 < box.y1
            }
        }
        // The same text read for two fields was placed by guess for at least one of them.
        var readers: [Rect: Int] = [:]
        for (key, value) in read where named[key] == nil && !value.value.isBlank {
            if let box = value.box { readers[box, default: 0] += 1 }
        }
        var values: [String: FieldValue] = [:]
        var origins: [String: FieldOrigin] = [:]
        for (key, value) in read {
            values[key] = value.value
            var origin = FieldOrigin(method: method, page: value.page,
                                     box: value.box.map { scale($0, page: value.page, pages: pages, pointSizes: pointSizes) },
                                     confidence: value.confidence)
            if named[key] == nil, let field = form.field(key) {
                origin.confidence = min(origin.confidence, vouched(value, field: field, form: form, method: method))
                if let box = value.box, !value.value.isBlank, readers[box, default: 0] > 1 {
                    origin.confidence = min(origin.confidence, limits.failedCheckConfidence)
                }
                if unplaced && value.value.isBlank { origin.confidence = min(origin.confidence, limits.failedCheckConfidence) }
                if value.placeGuessed { origin.confidence = min(origin.confidence, limits.failedCheckConfidence) }
                // Judged for blanks too: a tick group read as empty with doubt is not "未勾选".
                origin.needsReview = origin.confidence < limits.confidenceThreshold
            }
            origins[key] = origin
        }
        // A field whose printed words were not found at all (under a seal, a signature) was not
        // read: blank for the checks, but not vouched for as blank. (An option's detail, 其他（…）,
        // is read with its option, and only when that is ticked.)
        let details = Set(form.fields.compactMap(\.detail?.field))
        for field in form.fields where read[field.key] == nil && !details.contains(field.key) {
            var origin = FieldOrigin(method: method, page: nil, box: nil, confidence: limits.failedCheckConfidence)
            origin.needsReview = true
            origins[field.key] = origin
        }
        let (regionCode, office) = RegionGuess.region(for: form, values: values, catalog: catalog)
        var submission = Submission(
            formID: form.id, formVersion: form.version, regionCode: regionCode, office: office,
            handling: Submission.handlingInPerson, submittedOn: nil, agent: nil, declaredConditions: [],
            values: values, lines: [:], attachments: [], encoding: nil)
        submission.origins = origins
        submission.readingMethod = method
        submission.sealPages = method == .ocr ? sealPages : nil
        return (submission, form)
    }

    /// The confidence a value read from the page's layout keeps after what is known of it: one
    /// that cannot be the field's (`Plausibility`) is not vouched for, whatever the method; on a
    /// scan one that fails its field's own check, a table missing a required cell and a value
    /// under a seal are not either (OCR misreads look like faults).
    private func vouched(_ value: ReadValue, field: FieldDefinition, form: FormDefinition, method: ReadingMethod) -> Double {
        guard !value.value.isBlank else { return 1 }
        var confidence = 1.0
        if Plausibility.doubt(value.value, field: field, form: form) != nil { confidence = limits.failedCheckConfidence }
        guard method == .ocr else { return confidence }
        var validates = validate(value.value, field)
        if field.type == .table, case .rows(let rows) = value.value {
            let required = field.columns.filter(\.required).map(\.key)
            if rows.contains(where: { row in required.contains { row[$0]?.isBlank ?? true } }) { validates = false }
        }
        if !validates { confidence = min(confidence, limits.failedCheckConfidence) }
        if value.underSeal { confidence = min(confidence, limits.underSealConfidence) }
        return confidence
    }

    /// Boxes in points for result.json: scan pixels scaled to the page.
    private func scale(_ box: Rect, page: Int?, pages: [PageText], pointSizes: [Int: (width: Double, height: Double)]) -> [Double] {
        guard let page, let text = pages.first(where: { $0.number == page }) else { return [box.x0, box.y0, box.x1, box.y1] }
        let points = pointSizes[page] ?? (width: text.width, height: text.height)
        let sx = points.width / text.width, sy = points.height / text.height
        func r(_ v: Double) -> Double { (v * 10).rounded() / 10 }
        return [r(box.x0 * sx), r(box.y0 * sy), r(box.x1 * sx), r(box.y1 * sy)]
    }
}
