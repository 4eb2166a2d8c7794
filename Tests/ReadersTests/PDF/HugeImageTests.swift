import Foundation
import IntakeCore
import IntakeTestSupport
import Pipeline
import Testing

/// A one-page PDF whose page is one 20,000 × 20,000 grey image of zeros (Flate, 389 KB), made by
/// Python's zlib at run time: poppler would decode 400 MB to draw it.
private func hugeImagePDF(at path: String) throws {
    let script = """
    import sys, zlib
    w = h = 20000
    data = zlib.compress(b'\\\\0' * (w * h), 9)
    objs = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>',
            b'<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\\nstream\\n' % (w, h, len(data)) + data + b'\\nendstream',
            b'<< /Length 31 >>\\nstream\\nq 595 0 0 842 0 0 cm /Im0 Do Q\\nendstream']
    out = b'%PDF-1.7\\n'; offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out)); out += b'%d 0 obj\\n' % (i + 1) + o + b'\\nendobj\\n'
    x = len(out)
    out += b'xref\\n0 %d\\n0000000000 65535 f \\n' % (len(objs) + 1) + b''.join(b'%010d 00000 n \\n' % o for o in offsets)
    out += b'trailer\\n<< /Size %d /Root 1 0 R >>\\nstartxref\\n%d\\n%%%%EOF\\n' % (len(objs) + 1, x)
    open(sys.argv[1], 'wb').write(out)
    """
    let made = try runCommand("/usr/bin/python3", ["-c", script, path])
    #expect(made.status == 0, "\(made.stderr)")
}

@Test("A page that is one 20,000 × 20,000 image is refused before it is decoded, in well under a second")
func hugeImageRefused() throws {
    let temp = try TemporaryDirectory("huge-image")
    let path = temp.path("huge.pdf")
    try hugeImagePDF(at: path)
    let pipeline = Pipeline(catalog: Repository.catalog, options: .init(outputRoot: temp.url.appendingPathComponent("out"),
                                                                          today: Repository.processingDay))
    var outcome: Pipeline.Outcome?
    let elapsed = ContinuousClock().measure { outcome = pipeline.process(path: path) }
    guard case .failed(let error)? = outcome else { Issue.record("not refused: \(String(describing: outcome))"); return }
    #expect(error.code == .tooLarge)
    #expect(error.message.contains("400 million pixels"), "\(error)")
    #expect(elapsed < .seconds(2))
}
