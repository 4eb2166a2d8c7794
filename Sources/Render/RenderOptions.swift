/// Fonts for the printed documents.
///
/// The defaults are the fonts checked on the target machine (Debian 12 with `fonts-arphic-uming`
/// and `fonts-noto-cjk`); a family that is not installed silently falls back, so change them only
/// together with the installed packages.
public struct RenderOptions: Sendable, Hashable {
    /// Body text (宋体 on the official templates).
    public var bodyFont: String
    /// Titles and headings, set in bold (黑体-like on the official templates).
    public var titleFont: String
    /// The ticked box ☑, which the CJK fonts lack.
    public var checkboxFont: String

    public init(bodyFont: String = FontFamily.song,
                titleFont: String = FontFamily.hei,
                checkboxFont: String = FontFamily.checkbox) {
        self.bodyFont = bodyFont
        self.titleFont = titleFont
        self.checkboxFont = checkboxFont
    }
}

/// The font families the renderers are tuned for, in one place.
public enum FontFamily {
    /// AR PL UMing CN: a TrueType Ming/Song face, close to the thin 宋体 of the official forms,
    /// and small when embedded (≈100 KB a PDF). Noto Serif CJK SC looks as good but cairo 1.16
    /// embeds it with all its CFF subroutines (≈490 KB a PDF).
    public static let song = "AR PL UMing CN"
    /// Noto Sans CJK SC (set in bold): a 黑体 for titles and section headings.
    public static let hei = "Noto Sans CJK SC"
    /// DejaVu Sans has ☑ (U+2611); the CJK fonts above do not.
    public static let checkbox = "DejaVu Sans"
}
