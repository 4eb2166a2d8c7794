import Foundation
import IntakeTestSupport
import Pipeline
import Testing

@Test("The walker yields submission files and bundle folders lazily, skipping hidden names and other files")
func walker() throws {
    let temp = try TemporaryDirectory("walk")
    let fm = FileManager.default
    for folder in ["a/b", "a/.hidden", "bundle", "ab/" + String(repeating: "c", count: 64)] {
        try fm.createDirectory(at: temp.url.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    for file in ["a/one.xml", "a/b/two.XML", "a/b/three.pdf", "a/b/four.zip", "a/notes.txt", "a/.hidden/x.xml", "a/.dot.xml",
                 "bundle/app.xml", "bundle/READY", "ab/" + String(repeating: "c", count: 64) + "/app.xml"] {
        try Data("x".utf8).write(to: temp.url.appendingPathComponent(file))
    }
    var found: [String] = []
    SubmissionWalker(roots: [temp.url.path]).walk { found.append(String($0.dropFirst(temp.url.path.count + 1))); return true }
    #expect(Set(found) == ["a/one.xml", "a/b/two.XML", "a/b/three.pdf", "a/b/four.zip", "bundle",
                           "ab/" + String(repeating: "c", count: 64)])
    var firstOnly: [String] = []
    #expect(!SubmissionWalker(roots: [temp.url.path]).walk { firstOnly.append($0); return false })
    #expect(firstOnly.count == 1, "stops when asked")
}
