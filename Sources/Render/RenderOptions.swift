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
    /// AR PL UMing CN: a TrueType Ming/Song face, thin-stroked like the 宋体 of the official
    /// forms, with half-width monospaced Latin and digits as 宋体 has. Chosen over Noto Serif CJK
    /// SC after printing both: Noto Serif looks as good, but cairo 1.16 embeds its CFF with
    /// subroutines whose size depends on which glyphs are used, so a PDF is 170–540 KB (the blank
    /// 聊城 form: 539 KB) against a steady ≈90–110 KB with UMing.
    public static let song = "AR PL UMing CN"
    /// The other Song face installed (see `song`).
    public static let notoSerif = "Noto Serif CJK SC"
    /// Noto Sans CJK SC (set in bold): a 黑体 for titles and section headings.
    public static let hei = "Noto Sans CJK SC"
    /// DejaVu Sans has ☑ (U+2611); the CJK fonts above do not.
    public static let checkbox = "DejaVu Sans"
}
