/// What makes a folder a bundle and a file a submission, for every reader and walker.
public enum BundleRules {
    /// A folder holding one of these is a complete bundle (the scanning station writes it last).
    public static let readyMarkers = ["READY", ".ready"]
    /// File name extensions taken as submissions when a folder is searched (lower case).
    public static let submissionExtensions = ["xml", "pdf", "zip", "png", "jpg", "jpeg", "tif", "tiff"]

    /// Whether a bundle's member named `name` (its last path component) is left out: hidden
    /// files, READY markers and macOS zip debris.
    public static func skipsMember(_ name: String) -> Bool {
        name.hasPrefix(".") || readyMarkers.contains(name)
    }

    /// Whether `name` has one of the submission extensions.
    public static func isSubmissionName(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return submissionExtensions.contains(name[name.index(after: dot)...].lowercased())
    }
}
