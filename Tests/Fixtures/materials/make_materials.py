#!/usr/bin/env python3
"""Supporting-material (申办材料) fixtures: ID cards, licences, certificates, invoices … drawn with
Pillow (and a few through WeasyPrint, for a real text layer), then scanned, photographed or left clean,
with a truth file each and bundles of files that belong together. See README.md.

    /tmp/layouts-venv/bin/python3 Tests/Fixtures/materials/make_materials.py --split all

Seeded: the same split always gives the same files (Pillow/numpy versions aside). The split
`heldout` uses its own seed and design variants the split `tune` never uses (fonts, colour
schemes, geometry, one invoice type); see DESIGNS below. `heldout2`, a one-shot measuring set,
uses designs neither of them uses (fonts, palettes, geometry, separators, stacked labels, card
colours, mismatches) and scans everything at 200 dpi; all of it sits behind `Style.held2` or
`split == "heldout2"`, so the two older splits draw the same random numbers as before. `heldout3`, a
second one-shot set, uses designs none of the three uses (AR PL SungtiL GB / KaitiM GB and the Light,
DemiLight, Medium, SemiBold and Black Noto CJK weights, values in a colour of their own, letter-spaced
and two-line labels, boxed or underlined values, other card corners and portraits, new titles and
layouts, show-through, punch holes, fingers and shadows in photos); it sits behind `Style.held3` or
`split == "heldout3"`. `heldout4`, a third one-shot set, uses designs none of the four uses (LXGW WenKai, HanaMinA
and Smiley Sans with Liberation Serif / Nimbus Sans digits, labels spread with ideographic spaces or right-aligned,
tinted and double-framed tables, pen-filled forms, a needle-printed paper invoice, new layouts and titles of most
kinds; scans at 150–300 dpi with folds, moiré, staples, dust and notes across ID card copies, pages turned 90°/180°
with and without EXIF, photos at a low angle, curled, smeared, hard-shadowed or of a monitor, phone screenshots,
scanner and phone file names); it sits behind `Style.held4` or `split == "heldout4"`. `heldout5`, a fourth one-shot set,
uses designs none of the five uses (Noto Sans CJK SC Thin, Noto Serif CJK SC ExtraLight, LXGW WenKai Mono Light/Bold with
C059 / Nimbus Sans Narrow / URW Gothic digits, labels with dotted leaders, smaller type, new card, 电子营业执照, older 出生医学证明,
户口簿 首页 and 电子票据 layouts; sheet-feeder scans with streaks, duplex blank back pages, ID front and back on one A4,
photos on patterned tables, steep, with fingers, in low light or a colour cast, PDFs of phone photos, new file names); it
sits behind `Style.held5` or `split == "heldout5"`. `heldout6`, a fifth one-shot set, uses designs none of the six uses (TW-Sung,
TW-Kai and BabelStone Han with OCR-B / P052 / URW Bookman digits, GNU Unifont on thermal receipts, OCR-A on bank cards,
handwriting, pill or bar labels, larger type; 临时居民身份证, 电子社保卡 and 电子营业执照 app screenshots, a co-branded 社保卡,
hand-filled 户口簿 and 病历, 稿纸 承诺书, thermal and paper 住院 invoices, spreadsheet 明细清单; 300 dpi greyscale LZW scans,
copier ID copies, scanning-app pictures, faxes, material on page 2, photos with a flash, in a sleeve, of a phone screen, with
a watermark camera's stamp, forwarded through a chat app, PNGs with alpha); it sits behind `Style.held6` or `split == "heldout6"`.
`heldout7`, a sixth one-shot set, uses designs none of the seven uses (older faces in new roles with every character scaled
horizontally, 长体 or 扁体; DejaVu Serif Condensed / Latin Modern Mono / Latin Modern Sans Demi Cond digits, bullet or bilingual
labels, dashed-rule tables; rainbow-and-cross-hatch cards, a landscape-band 社保卡, vertical and laser-engraved bank cards, an
open 户口簿 spread, a 分公司's 营业执照, a jointly issued 公文, prose 诊断书, a label stuck into a 病历本, tractor-feed 明细清单, a
wallet app's 电子票据; CMYK JPEGs, 16-bit PNGs, error-diffused 1-bit scans, Deflate TIFFs, copies under a typed watermark or
certified by the window, an ID card and a bank card on one sheet, photos under a desk lamp, with a shallow depth of field or a
corner out of the frame, a chat screenshot, PNGs with a transparent margin); it sits behind `Style.held7` or
`split == "heldout7"`.
"""
import argparse
import datetime as dt
import io
import json
import math
import os
import random
import shutil
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
import fixturelib as fx  # noqa: E402

TODAY = dt.date(2026, 12, 1)          # "expired" is relative to this day
SEEDS = {"tune": 20261201, "heldout": 77031129, "heldout2": 51208873, "heldout3": 90412377, "heldout4": 64187253, "heldout5": 38562917, "heldout6": 71946203, "heldout7": 45830619}

# --------------------------------------------------------------------------------------------
# Fonts and designs. tune, heldout and heldout2 never share a body font or a colour scheme.

NOTO = "/usr/share/fonts/opentype/noto/"
FONT_FILES = {
    "noto-sans": (NOTO + "NotoSansCJK-Regular.ttc", 2), "noto-sans-b": (NOTO + "NotoSansCJK-Bold.ttc", 2),
    "noto-serif": (NOTO + "NotoSerifCJK-Regular.ttc", 2), "noto-serif-b": (NOTO + "NotoSerifCJK-Bold.ttc", 2),
    "noto-mono": (NOTO + "NotoSansCJK-Regular.ttc", 7),
    "droid": ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
    "wqy": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    "wqy-mono": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 1),
    "uming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "dejavu-mono": ("/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf", 0),
    "liberation-mono": ("/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf", 0),
    # heldout2 only
    "ukai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    "zenhei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    "zenhei-mono": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 1),
    "nimbus-mono": ("/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Bold.otf", 0),
    "liberation-sans": ("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf", 0),
    # heldout3 only (fonts-arphic-gbsn00lp, fonts-arphic-gkai00mp, fonts-noto-cjk-extra; index 2 = SC)
    "gbsn": ("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", 0),
    "gkai": ("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf", 0),
    "noto-sans-l": (NOTO + "NotoSansCJK-Light.ttc", 2), "noto-sans-dl": (NOTO + "NotoSansCJK-DemiLight.ttc", 2),
    "noto-sans-m": (NOTO + "NotoSansCJK-Medium.ttc", 2), "noto-sans-bk": (NOTO + "NotoSansCJK-Black.ttc", 2),
    "noto-serif-l": (NOTO + "NotoSerifCJK-Light.ttc", 2), "noto-serif-m": (NOTO + "NotoSerifCJK-Medium.ttc", 2),
    "noto-serif-sb": (NOTO + "NotoSerifCJK-SemiBold.ttc", 2), "noto-serif-bk": (NOTO + "NotoSerifCJK-Black.ttc", 2),
    # heldout4 only (fonts-lxgw-wenkai, fonts-hanazono, fonts-smiley-sans; Latin and digits from Liberation Serif and Nimbus Sans)
    "wenkai": ("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf", 0),
    "wenkai-b": ("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Bold.ttf", 0),
    "wenkai-l": ("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Light.ttf", 0),
    "wenkai-mono": ("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKaiMono-Regular.ttf", 0),
    "hanamin": ("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf", 0),
    "smiley": ("/usr/share/fonts/truetype/smiley-sans/SmileySans-Oblique.ttf", 0),
    "liberation-serif": ("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf", 0),
    "nimbus-sans": ("/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf", 0),
}
# role -> (font key, fake bold)
DESIGNS = {
    "tune": [
        dict(name="noto", sans=("noto-sans", 0), sansb=("noto-sans-b", 0), serif=("noto-serif", 0), serifb=("noto-serif-b", 0),
             mono=("noto-mono", 0), pdf_font="noto",
             ink=(20, 20, 20), label=(40, 70, 120), accent=(176, 30, 36), tint=(236, 243, 250), pattern=(170, 200, 225)),
        dict(name="noto-warm", sans=("noto-sans", 0), sansb=("noto-sans-b", 0), serif=("noto-serif", 0), serifb=("noto-serif-b", 0),
             mono=("dejavu-mono", 0), pdf_font="noto",
             ink=(35, 30, 25), label=(90, 60, 40), accent=(190, 40, 30), tint=(250, 244, 232), pattern=(225, 200, 170)),
    ],
    "heldout": [
        dict(name="wqy", sans=("wqy", 0), sansb=("wqy", 1), serif=("uming", 0), serifb=("uming", 1),
             mono=("liberation-mono", 0), pdf_font="wqy",
             ink=(10, 25, 45), label=(30, 100, 90), accent=(160, 20, 60), tint=(236, 248, 240), pattern=(175, 215, 190)),
        dict(name="uming", sans=("uming", 0), sansb=("wqy", 1), serif=("uming", 0), serifb=("uming", 1),
             mono=("wqy-mono", 0), pdf_font="uming",
             ink=(30, 20, 40), label=(100, 50, 120), accent=(200, 60, 20), tint=(246, 238, 250), pattern=(210, 185, 225)),
    ],
    "heldout2": [   # olive/maroon on blush; slate/rose on pale grey; ochre/rust on pale yellow with numbers in the body font
        dict(name="zenhei", sans=("zenhei", 0), sansb=("zenhei", 1), serif=("ukai", 0), serifb=("ukai", 1),
             mono=("zenhei-mono", 0), pdf_font="zenhei",
             ink=(28, 28, 24), label=(92, 100, 34), accent=(135, 22, 45), tint=(252, 240, 236), pattern=(236, 204, 196)),
        dict(name="ukai", sans=("ukai", 0), sansb=("zenhei", 1), serif=("ukai", 0), serifb=("ukai", 1),
             mono=("nimbus-mono", 0), pdf_font="ukai",
             ink=(20, 24, 38), label=(72, 80, 96), accent=(178, 34, 72), tint=(240, 241, 243), pattern=(198, 202, 212)),
        dict(name="droid", sans=("droid", 0), sansb=("droid", 1), serif=("ukai", 0), serifb=("zenhei", 1),
             mono=("droid", 0), pdf_font="droid",
             ink=(24, 30, 50), label=(146, 96, 22), accent=(168, 64, 24), tint=(252, 249, 226), pattern=(232, 218, 156)),
    ],
    "heldout3": [   # values in a colour of their own: navy values, warm-grey labels, vermilion on pale turquoise;
                    # sepia values, plum labels, cerulean on pale lime; black values, indigo labels, jade on pale pink
        dict(name="sungti", sans=("noto-sans-m", 0), sansb=("noto-sans-bk", 0), serif=("gbsn", 0), serifb=("noto-serif-sb", 0),
             mono=("gbsn", 0), pdf_font="sungti", value=(18, 40, 110),
             ink=(22, 22, 22), label=(112, 104, 94), accent=(214, 84, 20), tint=(228, 246, 246), pattern=(164, 214, 214)),
        dict(name="kaiti", sans=("noto-sans-dl", 0), sansb=("noto-sans-m", 0), serif=("gkai", 0), serifb=("noto-serif-sb", 0),
             mono=("noto-sans-m", 0), pdf_font="kaiti", value=(70, 36, 18),
             ink=(30, 26, 24), label=(128, 40, 96), accent=(0, 110, 160), tint=(244, 250, 228), pattern=(206, 226, 166)),
        dict(name="noto-light", sans=("noto-sans-l", 0), sansb=("noto-sans-bk", 0), serif=("noto-serif-l", 0), serifb=("noto-serif-bk", 0),
             mono=("noto-serif-m", 0), pdf_font="noto-light", value=(12, 12, 12),
             ink=(36, 32, 44), label=(52, 64, 168), accent=(0, 132, 104), tint=(250, 238, 246), pattern=(232, 198, 222)),
    ],
    "heldout4": [   # forest-green labels, magenta accent on pale apricot; brick labels, violet accent on pale peach;
                    # mustard labels, cyan accent on sage
        dict(name="wenkai", sans=("wenkai", 0), sansb=("wenkai-b", 0), serif=("wenkai", 0), serifb=("wenkai-b", 0),
             mono=("wenkai-mono", 0), pdf_font="wenkai",
             ink=(22, 34, 28), label=(0, 96, 62), accent=(196, 0, 104), tint=(255, 246, 226), pattern=(238, 212, 166)),
        dict(name="hanamin", sans=("hanamin", 0), sansb=("hanamin", 1), serif=("hanamin", 0), serifb=("hanamin", 1),
             mono=("liberation-serif", 0), pdf_font="hanamin",
             ink=(12, 12, 12), label=(164, 62, 40), accent=(84, 40, 150), tint=(255, 236, 226), pattern=(240, 196, 180)),
        dict(name="smiley", sans=("wenkai-l", 0), sansb=("smiley", 0), serif=("hanamin", 0), serifb=("smiley", 0),
             mono=("nimbus-sans", 0), pdf_font="smiley",
             ink=(28, 30, 58), label=(142, 112, 0), accent=(0, 132, 164), tint=(226, 236, 216), pattern=(186, 206, 170)),
    ],
}


class Style:
    def __init__(self, split, rng):
        self.split = split
        self.d = rng.choice(DESIGNS[split])
        self.name = self.d["name"]
        self.held2 = split == "heldout2"
        self.held3 = split == "heldout3"
        self.held4 = split == "heldout4"
        self.held5 = split == "heldout5"
        self.held6 = split == "heldout6"
        self.held7 = split == "heldout7"
        self.stack = self.brk = False
        if self.held7:
            # heldout7 geometry: every character scaled horizontally (长体 or 扁体 by design, HS7; cards by half that), blocks
            # moved right 1–2.5 mm and down 2.5–4 mm, type ×0.98–1.03; labels after a small square in the accent colour
            # with ：, or followed by their English word
            self.held = True
            lo, hi = HS7[self.name]
            self.hs = rng.uniform(lo, hi)
            self.dx = rng.uniform(1.0, 2.5)
            self.dy = rng.uniform(2.5, 4.0)
            self.k = rng.uniform(0.98, 1.03)
            self.lab = rng.choice(["bullet", "bilingual"])
            self.sep = "："
            return
        if self.held6:
            # heldout6 geometry: blocks moved left 2–3.5 mm and up 1–2.5 mm, type ×1.21–1.25 on pages (larger than any older
            # split; cards change by half that); labels white on a pill in the label colour, or in the label colour with a
            # thin upright rule after them
            self.held = True
            self.dx = -rng.uniform(2.0, 3.5)
            self.dy = -rng.uniform(1.0, 2.5)
            self.k = rng.uniform(1.21, 1.25)
            self.lab = rng.choice(["pill", "bar"])
            self.sep = ""
            return
        if self.held5:
            # heldout5 geometry: smaller type than any older split (×0.82–0.87 on pages, half that change on cards), blocks
            # moved down 0.5–1.2 mm and sideways up to 1 mm; labels in the label colour with a dotted leader to the value
            self.held = True
            self.dx = rng.uniform(-1.0, 1.0)
            self.dy = rng.uniform(0.5, 1.2)
            self.k = rng.uniform(0.82, 0.87)
            self.sep = rng.choice(["：", ""])
            return
        if self.held4:
            # heldout4 geometry: blocks moved down 1.5–3 mm and sideways 0.3–1.2 mm, type ×1.14–1.20; labels spread to four
            # characters' width with ideographic spaces (姓　　名) or right-aligned against their values; tables with a
            # heavier (or double) outer frame and tinted label cells; on half the forms the values are filled in by pen
            self.held = True
            self.dx = rng.uniform(0.3, 1.2) * rng.choice([-1, 1])
            self.dy = rng.uniform(1.5, 3.0)
            self.k = rng.uniform(1.14, 1.20)
            self.align = rng.choice(["spread", "right"])
            self.sep = rng.choice(["", "："]) if self.align == "spread" else rng.choice(["：", ":"])
            self.pen = rng.random() < 0.5
            self.rule = rng.choice(["double", "single"])
            return
        if self.held3:
            # heldout3 geometry: blocks moved up, type ×1.02–1.06; labels letter-spaced, with or without a colon,
            # long ones on two lines in half the files; values boxed, underlined or plain; other card corners
            self.held = True
            self.dx = rng.uniform(-1.2, 1.2)
            self.dy = -rng.uniform(3.2, 4.5)
            self.k = rng.uniform(1.02, 1.06)
            self.sep = rng.choice(["", "："])
            self.lsp = rng.uniform(0.7, 1.5)
            self.lab2 = rng.random() < 0.5
            self.deco = rng.choice(["box", "under", "plain"])
            self.radius = rng.uniform(1.8, 2.6) if rng.random() < 0.5 else rng.uniform(3.8, 4.6)
            return
        if self.held2:
            # heldout2 geometry: blocks shifted further (and only down), smaller type, no colon after a label;
            # some documents put a label above its value (stack) or bracket section heads (【主诉】)
            self.held = True
            self.dx = rng.uniform(4.2, 6.0) * rng.choice([-1, 1])
            self.dy = rng.uniform(3.5, 5.5)
            self.k = rng.uniform(0.88, 0.95)
            self.sep = rng.choice(["\u3000", " "])
            self.stack = rng.random() < 0.5
            self.brk = rng.random() < 0.5
            return
        self.held = split == "heldout"
        # heldout geometry: blocks shifted, label/value gaps and title sizes changed
        self.dx = rng.uniform(1.5, 4.0) * rng.choice([-1, 1]) if self.held else rng.uniform(-0.6, 0.6)
        self.dy = rng.uniform(1.0, 3.0) * rng.choice([-1, 1]) if self.held else rng.uniform(-0.6, 0.6)
        self.k = rng.uniform(1.06, 1.14) if self.held else rng.uniform(0.96, 1.02)   # type size factor
        self.sep = rng.choice(["：", ":", "  "]) if self.held else "："

    def f(self, role):
        return self.d[role]

    def c(self, role):
        return self.d[role]


_font_cache = {}
LATIN_ONLY = {"dejavu-mono": "noto-sans", "liberation-mono": "wqy", "nimbus-mono": "ukai"}   # font -> the font for its missing (non-ASCII) characters
# font -> [(the font for characters it lacks, those characters)]: Droid Sans Fallback has CJK only, so its
# Latin, digits and signs come from Liberation Sans (as a 黑体 + Arial document would have them)
PARTIAL = {"droid": [("liberation-sans", set(chr(i) for i in range(33, 127)) | set("¥°·’“”…")), ("zenhei", set("℃"))]}


class Uncovered:
    """The characters a font has no glyph for (its cmap read once): the GB 2312 fonts of heldout3 lack ¥ and
    some rarer hanzi, which come from the fallback font instead of being drawn as blanks or boxes."""
    def __init__(self, key):
        self.key, self.cmap = key, None

    def __contains__(self, ch):
        if self.cmap is None:
            from fontTools.ttLib import TTFont
            path, idx = FONT_FILES[self.key]
            self.cmap = set(TTFont(path, fontNumber=idx, lazy=True).getBestCmap())
        return ord(ch) not in self.cmap and ch not in " \n"


PARTIAL.update({"gbsn": [("noto-serif-m", Uncovered("gbsn"))], "gkai": [("noto-serif-m", Uncovered("gkai"))]})
# heldout4: Liberation Serif and Nimbus Sans give Latin and digits only (a 明朝 + Times, a 楷 + Helvetica document);
# whatever a heldout4 CJK font lacks (得意黑 has no ■ □ ☑) comes from another heldout4 font
LATIN_ONLY4 = {"liberation-serif": "hanamin", "nimbus-sans": "wenkai-l"}
LATIN_ONLY.update(LATIN_ONLY4)
PARTIAL.update({k: [(alt, Uncovered(k))] for k, alt in (("wenkai", "hanamin"), ("wenkai-b", "hanamin"), ("wenkai-l", "hanamin"),
                                                       ("wenkai-mono", "hanamin"), ("hanamin", "wenkai"), ("smiley", "wenkai-b"))})


def glyph_font(key, ch):
    for other, chars in PARTIAL.get(key, ()):
        if ch in chars:
            return other
    return LATIN_ONLY[key] if key in LATIN_ONLY and ord(ch) > 126 else key


def per_glyph(key, s):
    """True when s must be drawn character by character, each in its glyph_font."""
    return key in LATIN_ONLY or any(ch in chars for _, chars in PARTIAL.get(key, ()) for ch in s)


def pil_font(key, px):
    path, idx = FONT_FILES[key]
    k = (key, px)
    if k not in _font_cache:
        _font_cache[k] = ImageFont.truetype(path, px, index=idx)
    return _font_cache[k]


def measure(s, size_pt, font):
    """Width in mm of s at size_pt in font (a (key, fake bold) pair)."""
    if per_glyph(font[0], s):
        return sum(pil_font(glyph_font(font[0], ch), 200).getlength(ch) for ch in s) / 200.0 * size_pt * 25.4 / 72.0
    f = pil_font(font[0], 200)
    return f.getlength(s) / 200.0 * size_pt * 25.4 / 72.0


# --------------------------------------------------------------------------------------------
# A document is a display list in mm (y down), rendered by Pillow at any dpi or as HTML through WeasyPrint.

class Doc:
    def __init__(self, w, h, bg=(255, 255, 255), S=None, card=False):
        self.w, self.h, self.bg, self.S, self.card = w, h, bg, S, card
        self.ops = []
        self.texts = []   # (text) for notes

    def text(self, x, y, s, size, font, fill=(0, 0, 0), anchor="l", spacing=0.0):
        """y: top of the line; size in pt; anchor l|m|r; spacing: extra mm between characters."""
        self.ops.append(("text", x, y, s, size, font, fill, anchor, spacing))

    def width(self, s, size, font, spacing=0.0):
        return measure(s, size, font) + spacing * max(0, len(s) - 1)

    def line(self, x0, y0, x1, y1, w=0.25, fill=(0, 0, 0)):
        self.ops.append(("line", x0, y0, x1, y1, w, fill))

    def rect(self, x0, y0, x1, y1, outline=None, fill=None, w=0.3):
        self.ops.append(("rect", x0, y0, x1, y1, outline, fill, w))

    def poly(self, pts, w, fill):
        self.ops.append(("poly", pts, w, fill))

    def ellipse(self, x0, y0, x1, y1, outline=None, fill=None, w=0.3):
        self.ops.append(("ellipse", x0, y0, x1, y1, outline, fill, w))

    def image(self, x, y, w, h, img):
        self.ops.append(("image", x, y, w, h, img))

    def seal(self, cx, cy, d, name, colour=(205, 32, 42), oval=False):
        self.ops.append(("seal", cx, cy, d, name, colour, oval))

    def sign(self, x, y, w, h, seed, colour=(25, 35, 95)):
        self.ops.append(("sign", x, y, w, h, seed, colour))

    def dot(self, x, y, s, size, font, fill):
        """heldout4: text printed by a dot-matrix (needle) printer: each glyph made of round dots (y: top of the line)."""
        self.ops.append(("dottext", x, y, s, size, font, fill))

    def waves(self, x0, y0, x1, y1, colour, n, rng, amp=2.0, w=0.12):
        for i in range(n):
            yb = y0 + (y1 - y0) * (i + 0.5) / n
            per, ph, a = rng.uniform(8, 22), rng.uniform(0, 6.3), amp * rng.uniform(0.6, 1.3)
            pts = [(x, yb + a * math.sin(x / per * 6.283 + ph)) for x in np.linspace(x0, x1, 90)]
            self.poly(pts, w, colour)

    def para(self, x, y, w, text, size, font, fill=(0, 0, 0), lh=1.7, indent=2):
        """Wrapped paragraph, first line indented by indent characters; returns the next y."""
        em = size * 25.4 / 72.0
        lines, cur = [], "\u3000" * indent
        for ch in text:
            if self.width(cur + ch, size, font) > w:
                lines.append(cur)
                cur = ""
            cur += ch
        if cur:
            lines.append(cur)
        for ln in lines:
            self.text(x, y, ln, size, font, fill)
            y += em * lh
        return y


def render(doc, dpi):
    """The document as an RGB Pillow image at dpi."""
    k = dpi / 25.4
    W, H = max(1, int(round(doc.w * k))), max(1, int(round(doc.h * k)))
    img = Image.new("RGB", (W, H), doc.bg)
    d = ImageDraw.Draw(img)
    inks = []
    for op in doc.ops:
        t = op[0]
        if t == "text":
            _, x, y, s, size, font, fill, anchor, spacing = op
            px = max(4, int(round(size * dpi / 72.0)))
            f = pil_font(font[0], px)
            sw = max(1, px // 28) if font[1] else 0
            if spacing or per_glyph(font[0], s):
                total = doc.width(s, size, font, spacing)
                x0 = x - (total / 2 if anchor == "m" else total if anchor == "r" else 0)
                if font[0] in PARTIAL:   # mixed fonts: share the main font's baseline
                    base = y * k + f.getmetrics()[0]
                    for ch in s:
                        d.text((x0 * k, base), ch, font=pil_font(glyph_font(font[0], ch), px), fill=fill, anchor="ls", stroke_width=sw, stroke_fill=fill)
                        x0 += measure(ch, size, font) + spacing
                    continue
                for ch in s:
                    d.text((x0 * k, y * k), ch, font=pil_font(glyph_font(font[0], ch), px), fill=fill, anchor="la", stroke_width=sw, stroke_fill=fill)
                    x0 += measure(ch, size, font) + spacing
            else:
                d.text((x * k, y * k), s, font=f, fill=fill, anchor={"l": "la", "m": "ma", "r": "ra"}[anchor],
                       stroke_width=sw, stroke_fill=fill)
        elif t == "line":
            _, x0, y0, x1, y1, w, fill = op
            d.line([(x0 * k, y0 * k), (x1 * k, y1 * k)], fill=fill, width=max(1, int(round(w * k))))
        elif t == "rect":
            _, x0, y0, x1, y1, outline, fill, w = op
            d.rectangle([x0 * k, y0 * k, x1 * k, y1 * k], outline=outline, fill=fill, width=max(1, int(round(w * k))))
        elif t == "ellipse":
            _, x0, y0, x1, y1, outline, fill, w = op
            d.ellipse([x0 * k, y0 * k, x1 * k, y1 * k], outline=outline, fill=fill, width=max(1, int(round(w * k))))
        elif t == "poly":
            _, pts, w, fill = op
            d.line([(a * k, b * k) for a, b in pts], fill=fill, width=max(1, int(round(w * k))))
        elif t == "dottext":   # heldout4: the glyph, then only the dots of a needle grid (pitch 0.18 mm) inside it, drawn at
            _, x, y, s, size, font, fill = op   # a resolution fine enough for the dots and brought down to dpi
            sc = max(1, int(math.ceil(3.0 / (0.18 * k))))
            kh = k * sc
            px = max(4, int(round(size * dpi * sc / 72.0)))
            f = pil_font(font[0], px)
            bb = ImageDraw.Draw(Image.new("L", (1, 1))).textbbox((x * kh, y * kh), s, font=f, anchor="la")
            x0, y0 = (int(bb[0]) // sc - 1) * sc, (int(bb[1]) // sc - 1) * sc
            w_, h_ = ((int(bb[2]) - x0) // sc + 2) * sc, ((int(bb[3]) - y0) // sc + 2) * sc
            m = Image.new("L", (w_, h_), 0)
            ImageDraw.Draw(m).text((x * kh - x0, y * kh - y0), s, font=f, fill=255, anchor="la")
            pitch = 0.18 * kh
            yy, xx = np.mgrid[y0:y0 + h_, x0:x0 + w_].astype(np.float32)
            dots = (((xx % pitch) - pitch / 2) ** 2 + ((yy % pitch) - pitch / 2) ** 2) <= (pitch * 0.48) ** 2
            m = Image.fromarray((np.asarray(m).astype(np.float32) * np.where(dots, 1.0, 0.08)).astype("uint8"))
            m = m.filter(ImageFilter.MaxFilter(3)) if sc >= 3 else m
            m = m.resize((w_ // sc, h_ // sc), Image.BOX).point(lambda v: min(255, int(v * 1.5)))
            img.paste(fill, (x0 // sc, y0 // sc), m)
        elif t == "image":
            _, x, y, w, h, im = op
            im2 = im.resize((max(1, int(w * k)), max(1, int(h * k))), Image.LANCZOS)
            img.paste(im2.convert("RGB"), (int(x * k), int(y * k)), im2.getchannel("A") if im2.mode == "RGBA" else None)
        elif t in ("seal", "sign"):
            inks.append(op)
        elif t in HELD6_OPS:   # heldout6's own ops (rounded boxes, gradients, handwriting, fingerprints, steel seals)
            img = render6_op(img, d, op, k, dpi)
            d = ImageDraw.Draw(img)
        elif t in HELD7_OPS:   # heldout7's own ops (horizontally scaled text, its handwriting, filled polygons)
            img = render7_op(img, d, op, k, dpi)
            d = ImageDraw.Draw(img)
    for op in inks:   # ink over print, never lightening
        if op[0] == "seal":
            _, cx, cy, dm, name, colour, oval = op
            S = max(16, int(dm * k))
            mask = fx.draw_seal(S, name)
            if oval:
                mask = mask.resize((S, int(S * 0.68)))
            x0, y0 = int(cx * k - mask.width / 2), int(cy * k - mask.height / 2)
        else:
            _, x, y, w, h, seed, colour = op
            mask = fx.draw_signature(max(8, int(w * k)), max(6, int(h * k)), random.Random(seed), max(2, int(dpi // 90)))
            x0, y0 = int(x * k), int(y * k)
        full = Image.new("L", img.size, 0)
        full.paste(mask, (x0, y0))
        img = fx.darken(img, full, colour, 0.9)
        d = ImageDraw.Draw(img)
    return img


CSS_FAMILY = {"noto-sans": ("Noto Sans CJK SC", 400), "noto-sans-b": ("Noto Sans CJK SC", 700), "noto-serif": ("Noto Serif CJK SC", 400),
              "noto-serif-b": ("Noto Serif CJK SC", 700), "noto-mono": ("Noto Sans Mono CJK SC", 400), "wqy": ("WenQuanYi Micro Hei", 400),
              "wqy-mono": ("WenQuanYi Micro Hei Mono", 400), "uming": ("AR PL UMing CN", 400),
              "dejavu-mono": ("DejaVu Sans Mono', 'Noto Sans CJK SC", 700), "liberation-mono": ("Liberation Mono', 'WenQuanYi Micro Hei", 400),
              "ukai": ("AR PL UKai CN", 400), "zenhei": ("WenQuanYi Zen Hei", 400), "zenhei-mono": ("WenQuanYi Zen Hei Mono", 400),
              "nimbus-mono": ("Nimbus Mono PS', 'AR PL UKai CN", 700), "droid": ("Liberation Sans', 'Droid Sans Fallback', 'WenQuanYi Zen Hei", 400),
              "gbsn": ("AR PL SungtiL GB', 'Noto Serif CJK SC Medium", 400), "gkai": ("AR PL KaitiM GB', 'Noto Serif CJK SC Medium", 400),
              "noto-sans-l": ("Noto Sans CJK SC", 300), "noto-sans-dl": ("Noto Sans CJK SC", 350), "noto-sans-m": ("Noto Sans CJK SC", 500),
              "noto-sans-bk": ("Noto Sans CJK SC", 900), "noto-serif-l": ("Noto Serif CJK SC", 300), "noto-serif-m": ("Noto Serif CJK SC", 500),
              "noto-serif-sb": ("Noto Serif CJK SC", 600), "noto-serif-bk": ("Noto Serif CJK SC", 900),
              "wenkai": ("LXGW WenKai', 'HanaMinA", 400), "wenkai-b": ("LXGW WenKai', 'HanaMinA", 700), "wenkai-l": ("LXGW WenKai', 'HanaMinA", 300),
              "wenkai-mono": ("LXGW WenKai Mono', 'HanaMinA", 400), "hanamin": ("HanaMinA', 'LXGW WenKai", 400),
              "smiley": ("Smiley Sans', 'LXGW WenKai", 400), "liberation-serif": ("Liberation Serif', 'HanaMinA", 400),
              "nimbus-sans": ("Nimbus Sans', 'LXGW WenKai", 400)}


def _data_uri(im):
    import base64
    b = io.BytesIO()
    im.save(b, "PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(b.getvalue()).decode()


def render_pdf(docs, path, stamp_title="scan"):
    """Vector PDF with a real text layer: the display list as absolutely placed HTML, printed by WeasyPrint
    (which embeds the OpenType CJK fonts that reportlab cannot)."""
    import html as H
    import weasyprint
    pages = []
    for doc in docs:
        svg, body = [], []
        for op in doc.ops:
            t = op[0]
            if t == "text":
                _, x, y, s, size, font, fill, anchor, spacing = op
                fam, wt = CSS_FAMILY[font[0]]
                if font[1]:
                    wt = 700
                wmm = doc.width(s, size, font, spacing)
                x0 = x - (wmm / 2 if anchor == "m" else wmm if anchor == "r" else 0)
                body.append('<div style="left:%.2fmm;top:%.2fmm;font-family:\'%s\';font-weight:%d;font-size:%.2fpt;color:rgb%s;letter-spacing:%.2fmm">%s</div>'
                            % (x0, y - size * 0.06 * 25.4 / 72, fam, wt, size, str(tuple(fill)), spacing, H.escape(s)))
            elif t == "dottext":   # heldout4's needle print: as text in the PDF
                _, x, y, s, size, font, fill = op
                fam, wt = CSS_FAMILY[font[0]]
                body.append('<div style="left:%.2fmm;top:%.2fmm;font-family:\'%s\';font-weight:%d;font-size:%.2fpt;color:rgb%s">%s</div>'
                            % (x, y - size * 0.06 * 25.4 / 72, fam, wt, size, str(tuple(fill)), H.escape(s)))
            elif t == "line":
                _, x0, y0, x1, y1, w, fill = op
                svg.append('<line x1="%.2f" y1="%.2f" x2="%.2f" y2="%.2f" stroke="rgb%s" stroke-width="%.2f"/>' % (x0, y0, x1, y1, str(tuple(fill)), w))
            elif t == "poly":
                _, pts, w, fill = op
                svg.append('<polyline fill="none" points="%s" stroke="rgb%s" stroke-width="%.2f"/>' % (" ".join("%.2f,%.2f" % q for q in pts), str(tuple(fill)), w))
            elif t in HELD6_OPS:
                pdf6_op(op, svg, body)
            elif t in HELD7_OPS:
                pdf7_op(op, svg, body, doc)
            elif t in ("rect", "ellipse"):
                _, x0, y0, x1, y1, outline, fill, w = op
                st = 'fill="%s" stroke="%s" stroke-width="%.2f"' % ("rgb%s" % str(tuple(fill)) if fill else "none", "rgb%s" % str(tuple(outline)) if outline else "none", w)
                if t == "rect":
                    svg.append('<rect x="%.2f" y="%.2f" width="%.2f" height="%.2f" %s/>' % (x0, y0, x1 - x0, y1 - y0, st))
                else:
                    svg.append('<ellipse cx="%.2f" cy="%.2f" rx="%.2f" ry="%.2f" %s/>' % ((x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2, st))
            else:
                if t == "image":
                    _, x, y, w, h, im = op
                else:
                    if t == "seal":
                        _, cx, cy, dm, name, colour, oval = op
                        m = fx.draw_seal(360, name)
                        w, h = dm, dm * (0.68 if oval else 1)
                        if oval:
                            m = m.resize((360, 245))
                        x, y = cx - w / 2, cy - h / 2
                    else:
                        _, x, y, w, h, seed, colour = op
                        m = fx.draw_signature(int(w * 10), int(h * 10), random.Random(seed), 3)
                    im = Image.new("RGBA", m.size, colour + (0,))
                    im.putalpha(m.point(lambda v: int(v * 0.85)))
                body.append('<img style="left:%.2fmm;top:%.2fmm;width:%.2fmm;height:%.2fmm" src="%s"/>' % (x, y, w, h, _data_uri(im)))
        pages.append('<section style="width:%.2fmm;height:%.2fmm;background:rgb%s"><svg width="%.2fmm" height="%.2fmm" viewBox="0 0 %.2f %.2f">%s</svg>%s</section>'
                     % (doc.w, doc.h, str(tuple(doc.bg)), doc.w, doc.h, doc.w, doc.h, "".join(svg), "".join(body)))
    css = ("@page{size:%.2fmm %.2fmm;margin:0} body{margin:0} section{position:relative;overflow:hidden;page-break-after:always}"
           " section>svg{position:absolute;left:0;top:0} div,img{position:absolute;white-space:pre;line-height:1}" % (docs[0].w, docs[0].h))
    text = "<!doctype html><html><head><meta charset='utf-8'><title>%s</title><style>%s</style></head><body>%s</body></html>" % (stamp_title, css, "".join(pages))
    weasyprint.HTML(string=text).write_pdf(path)


# --------------------------------------------------------------------------------------------
# Fake people, units and places (all invented; check characters valid)

SURNAMES = list("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段")
GIVEN_M = list("伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欣佳阳建国峰晨")
GIVEN_F = list("芳娜敏静丽艳娟霞燕玲婷雪慧颖琳倩洁茜晶瑶梅莉兰凤红雯璐萍月菲彤悦")
PLACES = {  # area code: (省市县 as printed, 公安 issuing authority, 市场监管, 街道/镇)
    "370102": ("山东省济南市历下区", "济南市公安局历下分局", "济南市历下区市场监督管理局", ["解放路街道", "姚家街道", "龙洞街道"]),
    "370112": ("山东省济南市历城区", "济南市公安局历城分局", "济南市历城区市场监督管理局", ["山大路街道", "洪家楼街道", "王舍人街道"]),
    "370202": ("山东省青岛市市南区", "青岛市公安局市南分局", "青岛市市南区市场监督管理局", ["香港中路街道", "八大关街道"]),
    "370303": ("山东省淄博市张店区", "淄博市公安局张店分局", "淄博市张店区市场监督管理局", ["车站街道", "公园街道", "和平街道"]),
    "370725": ("山东省潍坊市昌乐县", "昌乐县公安局", "昌乐县市场监督管理局", ["宝城街道", "朱刘街道"]),
    "371302": ("山东省临沂市兰山区", "临沂市公安局兰山分局", "临沂市兰山区市场监督管理局", ["兰山街道", "银雀山街道", "金雀山街道", "柳青街道"]),
    "371311": ("山东省临沂市罗庄区", "临沂市公安局罗庄分局", "临沂市罗庄区市场监督管理局", ["罗庄街道", "傅庄街道", "盛庄街道"]),
    "371312": ("山东省临沂市河东区", "临沂市公安局河东分局", "临沂市河东区市场监督管理局", ["九曲街道", "芝麻墩街道", "凤凰岭街道"]),
    "371321": ("山东省沂南县", "沂南县公安局", "沂南县市场监督管理局", ["界湖街道", "岸堤镇", "孙祖镇"]),
    "371323": ("山东省沂水县", "沂水县公安局", "沂水县市场监督管理局", ["沂城街道", "许家湖镇", "黄山铺镇"]),
    "371325": ("山东省费县", "费县公安局", "费县市场监督管理局", ["费城街道", "上冶镇", "探沂镇"]),
    "371502": ("山东省聊城市东昌府区", "聊城市公安局东昌府分局", "聊城市东昌府区市场监督管理局", ["古楼街道", "柳园街道", "新区街道"]),
}
ROADS = ["人民路", "解放路", "沂蒙路", "北京路", "通达路", "金雀山路", "新华路", "和平路", "滨河大道", "工业大道", "育才路", "蒙山大道", "红旗路"]
VILLAGES = ["前村", "后庄村", "东岭村", "王家庄村", "小河村", "南坡村", "李官庄村", "大石头村"]
NATIONS = ["汉"] * 12 + ["回", "满", "蒙古"]
BANKS = [("中国工商银行", "ICBC", ["621226", "622202", "621558"]), ("中国农业银行", "ABC", ["622848", "623052"]),
         ("中国银行", "BANK OF CHINA", ["621661", "621785"]), ("中国建设银行", "CHINA CONSTRUCTION BANK", ["621700", "622700"]),
         ("中国邮政储蓄银行", "POSTAL SAVINGS BANK OF CHINA", ["621799", "622188"]), ("山东省农村信用社", "SHANDONG RURAL CREDIT", ["622319", "621521"]),
         ("临商银行", "LINSHANG BANK", ["622862"]), ("齐鲁银行", "QILU BANK", ["623161"])]
HOSP = [h for h, _ in fx.HOSPITALS]


def fake_name(rng, female):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN_F if female else GIVEN_M) for _ in range(rng.choice([1, 2, 2])))


def rand_date(rng, a, b):
    return a + dt.timedelta(days=rng.randrange((b - a).days + 1))


def add_years(d, n):
    try:
        return d.replace(year=d.year + n)
    except ValueError:
        return d.replace(year=d.year + n, day=28)


def address(rng, area):
    base = PLACES[area][0]
    st = rng.choice(PLACES[area][3])
    if st.endswith("镇"):
        return base + st + rng.choice(VILLAGES) + "%d号" % rng.randint(1, 180)
    return base + st + rng.choice(ROADS) + "%d号" % rng.randint(1, 400) + rng.choice(["", "%d号楼%d单元%d室" % (rng.randint(1, 30), rng.randint(1, 4), rng.randint(101, 2602))])


def make_person(rng, female=None, born=(1950, 2004)):
    if female is None:
        female = rng.random() < 0.5
    area = rng.choice(list(PLACES))
    birth = rand_date(rng, dt.date(born[0], 1, 1), dt.date(born[1], 12, 28))
    first17 = area + birth.strftime("%Y%m%d") + "%02d%d" % (rng.randrange(100), rng.choice([0, 2, 4, 6, 8] if female else [1, 3, 5, 7, 9]))
    p = dict(name=fake_name(rng, female), female=female, sex="女" if female else "男", nation=rng.choice(NATIONS), birth=birth,
             area=area, address=address(rng, area), id_number=first17 + fx.id_check(first17), authority=PLACES[area][1])
    return p


def id_validity(rng, p, expired):
    """(valid_from, valid_until or '长期') per the 居民身份证法 terms; expired: until before TODAY."""
    for _ in range(200):
        if expired:
            start = rand_date(rng, dt.date(2004, 1, 1), dt.date(2016, 11, 1))
        else:
            start = rand_date(rng, dt.date(2008, 1, 1), dt.date(2026, 10, 31))
        age = (start - p["birth"]).days // 365
        if age < 0:
            continue
        n = 5 if age < 16 else 10 if age < 26 else 20 if age < 46 else None
        until = "长期" if n is None else add_years(start, n)
        if expired and (until == "长期" or until >= TODAY):
            continue
        if not expired and until != "长期" and until < TODAY:
            continue
        return start, until
    start = dt.date(2019, 5, 1)
    return start, add_years(start, 20)


def uscc(rng, area, kind="91"):
    body = "".join(rng.choice(fx.USCC_ALPHA) for _ in range(8))
    if kind == "91" and rng.random() < 0.6:
        body = "MA" + body[2:]
    if kind != "91":
        body = "".join(rng.choice("0123456789") for _ in range(8))
    first17 = kind + area + body + fx.org_code_check(body)
    return first17 + fx.uscc_check(first17)


BIZ_WORDS = ["鑫源", "华盛", "鲁信", "沂蒙", "恒泰", "金桥", "宏达", "瑞丰", "新鹏", "佳和", "德润", "兴业", "汇通", "永成", "嘉禾"]
BIZ_TRADE = [("商贸有限公司", "批发零售：日用百货、五金交电、建筑材料、服装鞋帽；货物进出口。（依法须经批准的项目，经相关部门批准后方可开展经营活动）"),
             ("物流有限公司", "普通货物道路运输；仓储服务（不含危险化学品）；装卸搬运；国内货物运输代理。（依法须经批准的项目，经相关部门批准后方可开展经营活动）"),
             ("建筑工程有限公司", "房屋建筑工程、市政工程、园林绿化工程施工；建筑劳务分包。（依法须经批准的项目，经相关部门批准后方可开展经营活动）"),
             ("食品有限公司", "食品生产；食品销售；农副产品收购。（依法须经批准的项目，经相关部门批准后方可开展经营活动）"),
             ("大药房有限公司", "药品零售；医疗器械经营；保健食品销售；日用品销售。（依法须经批准的项目，经相关部门批准后方可开展经营活动）"),
             ("诊所有限公司", "医疗服务；诊所服务；健康咨询服务。（依法须经批准的项目，经相关部门批准后方可开展经营活动）")]


def make_company(rng, trade=None):
    area = rng.choice([a for a in PLACES])
    city = PLACES[area][0].replace("山东省", "")
    t = trade if trade is not None else rng.randrange(4)
    short = city[:city.index("市") + 1] if "市" in city else city
    name = (city if rng.random() < 0.5 else short) + rng.choice(BIZ_WORDS) + BIZ_TRADE[t][0]
    return dict(name=name, area=area, uscc=uscc(rng, area), scope=BIZ_TRADE[t][1], address=address(rng, area),
                rep=make_person(rng), founded=rand_date(rng, dt.date(2005, 1, 1), dt.date(2025, 6, 30)),
                capital=rng.choice(["伍拾万元整", "壹佰万元整", "贰佰万元整", "伍佰万元整", "叁拾万元整"]),
                type=rng.choice(["有限责任公司(自然人投资或控股)", "有限责任公司(自然人独资)", "其他有限责任公司"]),
                authority=PLACES[area][2])


def make_institution(rng):
    area = rng.choice(list(PLACES))
    city = PLACES[area][0].replace("山东省", "")
    kind, nature = rng.choice([("11", "机关"), ("12", "事业单位"), ("12", "事业单位"), ("51", "社会团体")])
    if nature == "机关":
        name = city + rng.choice(["医疗保障局", "农业农村局", "司法局", "统计局"])
    elif nature == "事业单位":
        name = city + rng.choice(["医疗保障服务中心", "社会保险事业中心", "疾病预防控制中心", "综合检验检测中心", "第二实验小学"])
    else:
        name = city + rng.choice(["个体劳动者协会", "老年人体育协会", "餐饮行业协会", "书法家协会"])
    return dict(name=name, area=area, uscc=uscc(rng, area, kind), nature=nature, address=address(rng, area),
                head=make_person(rng), city=city)


def cn_date(d, spaced=False):
    return ("%d 年 %d 月 %d 日" if spaced else "%d年%d月%d日") % (d.year, d.month, d.day)


def iso(d):
    return d if isinstance(d, str) else d.isoformat()


def dotted(d):
    return d if isinstance(d, str) else d.strftime("%Y.%m.%d")


def rmb_upper(amount):
    digits, units = "零壹贰叁肆伍陆柒捌玖", ["", "拾", "佰", "仟"]
    yuan, jf = int(amount), int(round((amount - int(amount)) * 100))
    out = ""
    s = str(yuan)
    if yuan:
        groups = []
        while s:
            groups.insert(0, s[-4:])
            s = s[:-4]
        for gi, g in enumerate(groups):
            part, zero = "", False
            for i, ch in enumerate(g):
                n = int(ch)
                u = units[len(g) - 1 - i]
                if n == 0:
                    zero = True
                else:
                    if zero and part:
                        part += "零"
                    part += digits[n] + u
                    zero = False
            if part:
                out += part + ["", "万", "亿"][len(groups) - 1 - gi]
        out += "元"
    j, f = jf // 10, jf % 10
    if j == 0 and f == 0:
        return out + "整"
    if j:
        out += digits[j] + "角"
    elif yuan:
        out += "零"
    if f:
        out += digits[f] + "分"
    else:
        out += "整"
    return out


# --------------------------------------------------------------------------------------------
# Pictures inside documents

def portrait(rng, female, bg=(236, 242, 250)):
    im = Image.new("RGB", (260, 320), bg)
    d = ImageDraw.Draw(im)
    skin = tuple(int(v) for v in np.array([196, 170, 150]) + rng.randint(-20, 20))
    hair = (30, 28, 30)
    d.ellipse([20, 230, 240, 420], fill=rng.choice([(40, 45, 60), (70, 70, 80), (230, 230, 235)]))
    d.rectangle([110, 190, 150, 250], fill=skin)
    d.ellipse([75, 60, 185, 210], fill=skin)
    d.chord([68, 45, 192, 160], 180, 360, fill=hair)
    if female:
        d.rectangle([66, 100, 84, 240], fill=hair)
        d.rectangle([176, 100, 194, 240], fill=hair)
    d.ellipse([100, 120, 112, 128], fill=(40, 30, 30))
    d.ellipse([148, 120, 160, 128], fill=(40, 30, 30))
    d.arc([112, 160, 148, 180], 20, 160, fill=(120, 60, 60), width=3)
    return im.filter(ImageFilter.GaussianBlur(1.2))


def emblem(size=300):
    im = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    d = ImageDraw.Draw(im)
    red, gold = (200, 30, 30), (235, 190, 60)
    d.ellipse([4, 4, size - 4, size - 4], fill=gold)
    d.ellipse([size * .1, size * .1, size * .9, size * .9], fill=red)
    cx, cy, R = size / 2, size * .36, size * .13
    d.polygon([(cx + (R if k % 2 == 0 else R * .38) * math.cos(-math.pi / 2 + k * math.pi / 5),
                cy + (R if k % 2 == 0 else R * .38) * math.sin(-math.pi / 2 + k * math.pi / 5)) for k in range(10)], fill=gold)
    d.rectangle([size * .28, size * .58, size * .72, size * .7], fill=gold)
    d.rectangle([size * .34, size * .52, size * .66, size * .58], fill=gold)
    return im


def qr_block(rng, n=25):
    a = np.array([[rng.random() < 0.5 for _ in range(n)] for _ in range(n)])
    for (r, c) in [(0, 0), (0, n - 7), (n - 7, 0)]:
        a[r:r + 7, c:c + 7] = 1
        a[r + 1:r + 6, c + 1:c + 6] = 0
        a[r + 2:r + 5, c + 2:c + 5] = 1
    im = Image.fromarray(((~a) * 255).astype("uint8")).resize((n * 8, n * 8), Image.NEAREST)
    return ImageOps.expand(im, 16, fill=255).convert("RGB")


def chip(doc, x, y):
    doc.rect(x, y, x + 11, y + 8.5, outline=(150, 120, 50), fill=(222, 190, 110), w=0.25)
    for yy in (y + 2.8, y + 5.6):
        doc.line(x, yy, x + 11, yy, 0.2, (150, 120, 50))
    doc.line(x + 5.5, y, x + 5.5, y + 8.5, 0.2, (150, 120, 50))


def border(doc, S, m=8, colour=None, double=True):
    c = colour or S.c("accent")
    doc.rect(m, m, doc.w - m, doc.h - m, outline=c, w=1.2)
    if double:
        doc.rect(m + 2, m + 2, doc.w - m - 2, doc.h - m - 2, outline=c, w=0.35)


def kv(doc, S, x, y, items, size, lw, gap=1.9, font="sans", vfont="sans", lcol=None, vcol=None, under=0, stack=False):
    """label/value lines; returns next y. under: underline length (mm) after the label.
    stack (heldout2 only): each label on its own line, smaller, with its value indented below it."""
    if S.held3:
        return kv3(doc, S, x, y, items, size, lw, gap, font, vfont, lcol, vcol, under)
    if S.held4:
        return kv4(doc, S, x, y, items, size, lw, gap, font, vfont, lcol, vcol, under)
    if S.held5:
        return kv5(doc, S, x, y, items, size, lw, gap, font, vfont, lcol, vcol, under)
    em = size * S.k * 25.4 / 72
    for lab, val in items:
        if stack:
            doc.text(x, y, lab, size * S.k * 0.82, S.f(font), lcol or S.c("label"))
            y += em * 1.15
            doc.text(x + 5, y, val, size * S.k, S.f(vfont), vcol or S.c("ink"))
            if under:
                doc.line(x + 4, y + em * 1.25, x + lw + under, y + em * 1.25, 0.2, (90, 90, 90))
            y += em * (gap - 0.3)
            continue
        doc.text(x, y, lab + (S.sep if S.sep.strip() else ""), size * S.k, S.f(font), lcol or S.c("ink"))
        doc.text(x + lw, y, val, size * S.k, S.f(vfont), vcol or S.c("ink"))
        if under:
            doc.line(x + lw - 1, y + em * 1.25, x + lw + under, y + em * 1.25, 0.2, (90, 90, 90))
        y += em * gap
    return y


def section(doc, S, x, y, w, lab, val, size, font, bold="sansb"):
    """heldout2: a record's section, its head bracketed (【主诉】) and/or on a line of its own (S.brk, S.stack); returns the next y."""
    head = "【%s】" % lab if S.brk else lab + "："
    em = size * 25.4 / 72
    if S.stack:
        doc.text(x, y, head, size, S.f(bold), S.c("ink"))
        return doc.para(x + 6, y + em * 1.6, w - 6, val, size, S.f(font), S.c("ink"), lh=1.6, indent=0) + 1.5
    return doc.para(x, y, w, head + val, size, S.f(font), S.c("ink"), lh=1.6, indent=0) + 1.5


_vext = {}


def vext(key):
    """(top, bottom) of a hanzi's ink below the top of its line (what Doc.text's y is), in em of the font."""
    if key not in _vext:
        b = ImageDraw.Draw(Image.new("L", (8, 8))).textbbox((0, 0), "国", font=pil_font(key, 200), anchor="la")
        _vext[key] = (b[1] / 200.0, b[3] / 200.0)
    return _vext[key]


def spaced(doc, text, size, font, want, room):
    """heldout3: the letter spacing (mm) for a label: want, less as far as the label must fit in room."""
    n = max(1, len(text) - 1)
    return max(0.0, min(want, (room - doc.width(text, size, font)) / n))


def label3(doc, S, x, y, lab, size, font, room, lcol=None, two_ok=True):
    """heldout3: a label letter-spaced in the label colour; when it cannot fit room and S.lab2, on two lines
    (half above, half below the value's line). Returns the label's width."""
    f, col = S.f(font), lcol or S.c("label")
    text = lab + S.sep
    if doc.width(text, size, f) > room and S.lab2 and two_ok and len(lab) >= 4:
        h = (len(lab) + 1) // 2
        em = size * 25.4 / 72
        a, b = lab[:h], lab[h:] + S.sep
        sz = size * 0.82
        sa, sb = spaced(doc, a, sz, f, S.lsp, room), spaced(doc, b, sz, f, S.lsp, room)
        doc.text(x, y - em * 0.42, a, sz, f, col, spacing=sa)
        doc.text(x, y + em * 0.52, b, sz, f, col, spacing=sb)
        return max(doc.width(a, sz, f, sa), doc.width(b, sz, f, sb))
    sp = spaced(doc, text, size, f, S.lsp, room)
    doc.text(x, y, text, size, f, col, spacing=sp)
    return doc.width(text, size, f, sp)


def value3(doc, S, x, y, val, size, font, vcol=None, under=0, deco=True, spacing=0.0):
    """heldout3: a value in the value colour, boxed or underlined (S.deco) when deco; returns its width."""
    f, col = S.f(font), vcol or S.c("value")
    doc.text(x, y, val, size, f, col, spacing=spacing)
    w = doc.width(val, size, f, spacing)
    em = size * 25.4 / 72
    top, bot = vext(f[0])
    if deco and S.deco == "box":
        doc.rect(x - 1.2, y + top * em - 1.0, x + w + 1.2, y + bot * em + 1.0, outline=S.c("label"), w=0.2)
    elif deco and (S.deco == "under" or under):
        doc.line(x - 0.8, y + bot * em + 0.9, x + max(w, under) + 0.8, y + bot * em + 0.9, 0.2, S.c("label"))
    return w


def kv3(doc, S, x, y, items, size, lw, gap, font, vfont, lcol, vcol, under):
    """kv for heldout3: letter-spaced (or two-line) labels, values in their own colour, boxed or underlined on
    paper (never on cards)."""
    sz = size * S.k
    em = sz * 25.4 / 72
    for lab, val in items:
        label3(doc, S, x, y, lab, sz, font, lw - 1.8, lcol, two_ok=not doc.card and gap >= 1.9)
        value3(doc, S, x + lw, y, val, sz, vfont, vcol, under, deco=not doc.card)
        y += em * (gap + (0.25 if S.deco == "box" and not doc.card else 0))
    return y


def fields3(doc, S, x, y, pairs, size, font="sans", gap=4.0):
    """heldout3: one line of label/value pairs (姓名 王芳   性别 女 …); returns the x after the line."""
    f = S.f(font)
    for lab, val in pairs:
        text = lab + S.sep
        sp = min(S.lsp * 0.5, 0.6)
        doc.text(x, y, text, size, f, S.c("label"), spacing=sp)
        x += doc.width(text, size, f, sp) + (1.2 if not S.sep else 0.4)
        doc.text(x, y, val, size, f, S.c("value"))
        x += doc.width(val, size, f) + gap
    return x


def section3(doc, S, x, y, w, lab, val, size, font, bold="sansb"):
    """heldout3: a record's section, its head letter-spaced in the label colour in a column of its own, the
    text in the value colour beside it; returns the next y."""
    f = S.f(bold)
    hw = 25.0
    doc.text(x, y, lab, size * 0.92, f, S.c("label"), spacing=spaced(doc, lab, size * 0.92, f, S.lsp * 0.6, hw - 3))
    return doc.para(x + hw, y, w - hw, val, size, S.f(font), S.c("value"), lh=1.6, indent=0) + 1.5


def grid(doc, S, x, y, colw, rows, size, rowh, font="sans", colour=(40, 40, 40), fill_labels=None):
    """A ruled table; rows: list of cells (text, span, is_label). Returns the bottom y."""
    if S.held3:
        return grid3(doc, S, x, y, colw, rows, size, rowh, font, colour, fill_labels)
    if S.held4:
        return grid4(doc, S, x, y, colw, rows, size, rowh, font, colour, fill_labels)
    xs = [x]
    for w in colw:
        xs.append(xs[-1] + w)
    em = size * 25.4 / 72
    for r in rows:
        ci = 0
        for text, span, lab in r:
            x0, x1 = xs[ci], xs[min(len(xs) - 1, ci + span)]
            if lab and fill_labels:
                doc.rect(x0, y, x1, y + rowh, fill=fill_labels)
            doc.rect(x0, y, x1, y + rowh, outline=colour, w=0.25)
            if text:
                sz = size
                while doc.width(text, sz, S.f(font)) > x1 - x0 - 2 and sz > 5:
                    sz -= 0.5
                doc.text((x0 + x1) / 2 if lab else x0 + 1.5, y + (rowh - em) / 2 - 0.4, text, sz, S.f(font),
                         S.c("label") if lab else S.c("ink"), "m" if lab else "l")
            ci += span
        y += rowh
    return y


def grid3(doc, S, x, y, colw, rows, size, rowh, font, colour, fill_labels):
    """grid for heldout3: labels in the label colour, letter-spaced when there is room, on two lines (S.lab2) or
    in smaller type when there is not (a newline in a label: always two lines, 新生儿姓名 over Name); values in
    the value colour."""
    xs = [x]
    for w in colw:
        xs.append(xs[-1] + w)
    em = size * 25.4 / 72
    f = S.f(font)
    for r in rows:
        ci = 0
        for text, span, lab in r:
            x0, x1 = xs[ci], xs[min(len(xs) - 1, ci + span)]
            if lab and fill_labels:
                doc.rect(x0, y, x1, y + rowh, fill=fill_labels)
            doc.rect(x0, y, x1, y + rowh, outline=colour, w=0.25)
            room = x1 - x0 - 2.4
            if text and lab:
                lines = text.split("\n")
                if len(lines) == 1 and doc.width(text, size, f) > room and S.lab2 and len(text) >= 4:
                    h = (len(text) + 1) // 2
                    lines = [text[:h], text[h:]]
                if len(lines) == 2:
                    sz = [size * 0.84, size * (0.84 if "\n" not in text else 0.62)]
                    for i, ln in enumerate(lines):
                        while doc.width(ln, sz[i], f) > room and sz[i] > 4:
                            sz[i] -= 0.25
                    h0 = sz[0] * 25.4 / 72 * 1.12 + sz[1] * 25.4 / 72
                    yy = y + (rowh - h0) / 2 - 0.3
                    for i, ln in enumerate(lines):
                        sp = spaced(doc, ln, sz[i], f, S.lsp * 0.5, room) if i == 0 or "\n" not in text else 0
                        doc.text((x0 + x1) / 2, yy, ln, sz[i], f, S.c("label"), "m", spacing=sp)
                        yy += sz[i] * 25.4 / 72 * 1.12
                else:
                    sz = size
                    while doc.width(text, sz, f) > room and sz > 5:
                        sz -= 0.5
                    sp = spaced(doc, text, sz, f, S.lsp, room) if len(text) <= 4 else 0
                    doc.text((x0 + x1) / 2, y + (rowh - em) / 2 - 0.4, text, sz, f, S.c("label"), "m", spacing=sp)
            elif text:
                sz = size
                while doc.width(text, sz, f) > room and sz > 5:
                    sz -= 0.5
                doc.text(x0 + 1.5, y + (rowh - em) / 2 - 0.4, text, sz, f, S.c("value"))
            ci += span
        y += rowh
    return y


CARD_W, CARD_H = 85.6, 54.0


def card_bg(doc, S, rng, base, wave):
    doc.rect(0, 0, doc.w, doc.h, fill=base)
    doc.waves(0, 2, doc.w, doc.h - 2, wave, 22, rng, amp=rng.uniform(1.0, 2.6), w=0.1)


# --------------------------------------------------------------------------------------------
# The kinds. Each returns (pages: [Doc], facts, notes, extra). c: the case's people and units.

def k_id_front(rng, S, c):
    if S.held3:
        return k_id_front3(rng, S, c)
    if S.held4:
        return k_id_front4(rng, S, c)
    p = c["person"]
    v = rng.randrange(2)
    doc = Doc(CARD_W, CARD_H, S=S, card=True)
    card_bg(doc, S, rng, (247, 249, 252) if v == 0 else S.c("tint"), S.c("pattern"))
    lab = (70, 110, 160) if v == 0 else S.c("label")
    x0, y0 = 6 + S.dx * 0.4, 5.5 + S.dy * 0.3
    sz = 7.2 * S.k
    doc.text(x0, y0, "姓 名" if v == 0 else "姓名", 6.5, S.f("sans"), lab)
    doc.text(x0 + 10.5, y0 - 0.4, p["name"], 9.5 * S.k, S.f("sansb" if v == 0 else "sans"), S.c("ink"))
    doc.text(x0, y0 + 7, "性 别" if v == 0 else "性别", 6.5, S.f("sans"), lab)
    doc.text(x0 + 10.5, y0 + 7, p["sex"], sz, S.f("sans"), S.c("ink"))
    doc.text(x0 + 20, y0 + 7, "民 族" if v == 0 else "民族", 6.5, S.f("sans"), lab)
    doc.text(x0 + 30, y0 + 7, p["nation"], sz, S.f("sans"), S.c("ink"))
    b = p["birth"]
    doc.text(x0, y0 + 13.5, "出 生" if v == 0 else "出生", 6.5, S.f("sans"), lab)
    doc.text(x0 + 10.5, y0 + 13.5, "%d  年  %d  月  %d  日" % (b.year, b.month, b.day) if v == 0 else "%d年%d月%d日" % (b.year, b.month, b.day),
             sz, S.f("sans"), S.c("ink"))
    doc.text(x0, y0 + 20, "住 址" if v == 0 else "住址", 6.5, S.f("sans"), lab)
    addr, y, line = p["address"].replace("山东省", "山东省"), y0 + 20, ""
    for ch in addr:
        if doc.width(line + ch, sz, S.f("sans")) > 36:
            doc.text(x0 + 10.5, y, line, sz, S.f("sans"), S.c("ink"))
            y += 4.2
            line = ""
        line += ch
    doc.text(x0 + 10.5, y, line, sz, S.f("sans"), S.c("ink"))
    doc.text(x0, 44 + S.dy * 0.2, "公民身份号码", 6.5, S.f("sans"), lab)
    doc.text(x0 + 22, 43.4 + S.dy * 0.2, p["id_number"], 10 * S.k, S.f("mono"), S.c("ink"), spacing=0.55 if v == 0 else 0.25)
    doc.image(57 + (0 if v == 0 else -1.5), 6, 23, 29, portrait(rng, p["female"], (246, 248, 252) if v == 0 else S.c("tint")))
    return [doc], {"name": p["name"], "id_number": p["id_number"]}, "居民身份证 人像面, design %s/%d" % (S.name, v), {}


def k_id_back(rng, S, c):
    if S.held3:
        return k_id_back3(rng, S, c)
    if S.held4:
        return k_id_back4(rng, S, c)
    p = c["person"]
    v = rng.randrange(2)
    doc = Doc(CARD_W, CARD_H, S=S, card=True)
    card_bg(doc, S, rng, (246, 250, 246) if v == 0 else S.c("tint"), S.c("pattern"))
    doc.image(6 + S.dx * 0.3, 5, 15, 15, emblem())
    big = S.f("serifb" if v == 0 else "sansb")
    doc.text(29 + S.dx * 0.3, 7, "中华人民共和国", 12 * S.k, big, S.c("ink"), spacing=1.2)
    doc.text(27 + S.dx * 0.3, 16.5, "居民身份证", 19 * S.k, big, S.c("ink"), spacing=2.0)
    lab = (70, 90, 110) if v == 0 else S.c("label")
    frm, until = c["id_valid"]
    doc.text(14, 36.5, "签发机关", 6.5, S.f("sans"), lab)
    doc.text(29, 36, p["authority"], 7.6 * S.k, S.f("sans"), S.c("ink"))
    doc.text(14, 43.5, "有效期限", 6.5, S.f("sans"), lab)
    doc.text(29, 43, "%s-%s" % (dotted(frm), dotted(until)), 7.6 * S.k, S.f("sans"), S.c("ink"))
    exp = until != "长期" and until < TODAY
    return [doc], {"valid_from": iso(frm), "valid_until": iso(until)}, "居民身份证 国徽面, design %s/%d%s" % (S.name, v, ", EXPIRED" if exp else ""), {"expired": exp}


def k_ssc(rng, S, c):
    if S.held3:
        return k_ssc3(rng, S, c)
    if S.held4:
        return k_ssc4(rng, S, c)
    p = c["person"]
    v = rng.randrange(2)
    bank = c.get("bank") or rng.choice(BANKS)
    doc = Doc(CARD_W, CARD_H, S=S, card=True)
    base = (214, 232, 246) if v == 0 else (230, 242, 226) if not S.held else S.c("tint")
    card_bg(doc, S, rng, base, (190, 210, 235) if v == 0 else S.c("pattern"))
    doc.rect(0, 0, CARD_W, 11, fill=(30, 90, 160) if v == 0 else (40, 130, 90) if not S.held else S.c("label"))
    title = "中华人民共和国社会保障卡" if v == 0 else "山东省社会保障卡"
    doc.ellipse(3, 1.8, 10, 8.8, outline=(255, 255, 255), w=0.5)
    doc.text(12, 2.2, title, 10.5 * S.k, S.f("sansb"), (255, 255, 255), spacing=0.3)
    doc.text(CARD_W - 3, 12.5, bank[0], 7 * S.k, S.f("sansb"), (170, 30, 30) if "农" not in bank[0] else (20, 110, 80), "r")
    chip(doc, 7, 13.5) if v == 0 else chip(doc, 8, 15)
    x = 36 if v == 0 else 7
    ph = (6, 14) if v == 1 else (62, 14)
    if v == 1:
        x = 32
    doc.image(ph[0] if v == 1 else 63, 28 if v == 1 else 18, 18, 23, portrait(rng, p["female"], base)) if v == 1 else doc.image(64, 19, 17, 22, portrait(rng, p["female"], base))
    sz = 7 * S.k
    yy = 24 if v == 0 else 18
    xl = 7 if v == 0 else 28
    kv(doc, S, xl, yy, [("姓名", p["name"]), ("社会保障号码", p["id_number"]), ("社会保障卡号", c["ssc_no"]), ("发卡日期", c["ssc_date"])],
       7.0, 20, gap=1.75, lcol=(60, 60, 60))
    doc.text(CARD_W - 4, CARD_H - 5, "UnionPay 银联", 6, S.f("sansb"), (20, 60, 130), "r")
    return [doc], {"name": p["name"], "id_number": p["id_number"], "card_number": c["ssc_no"]}, "社会保障卡 (%s, %s), design %s/%d" % (title, bank[0], S.name, v), {}


def k_bank(rng, S, c):
    bank, number = c["bank"], c["bank_no"]
    v = rng.randrange(2)
    doc = Doc(CARD_W, CARD_H, S=S, card=True)
    cols = [(150, 20, 30), (20, 60, 120), (30, 110, 80), (200, 170, 90), (60, 60, 70)] if not S.held else [(90, 40, 120), (10, 100, 120), (170, 90, 20)]
    if S.held2:   # black, rose, and a light silver card with dark print
        cols = [(28, 28, 32), (180, 55, 95), (212, 212, 218)]
    if S.held3:   # sky blue, chocolate, and a pearl card with dark print
        cols = [(64, 146, 206), (92, 58, 40), (238, 233, 220)]
    if S.held4:   # forest green, magenta, and a white card with dark print; the number printed flat, not embossed
        cols = [(24, 96, 60), (170, 30, 110), (246, 246, 242)]
    base = rng.choice(cols)
    doc.rect(0, 0, CARD_W, CARD_H, fill=base)
    for i in range(14):
        doc.ellipse(40 + i * 3, -20 + i * 2, 140 + i * 3, 80 + i * 2, outline=tuple(min(255, v2 + 25) for v2 in base), w=0.2)
    fg = (255, 255, 255) if sum(base) < 450 else (30, 30, 30)
    doc.ellipse(4, 4, 11, 11, outline=fg, w=0.8)
    doc.text(13, 4, bank[0], 10 * S.k, S.f("sansb"), fg)
    doc.text(13, 9.2, bank[1], 4.5, S.f("sans"), fg)
    chip(doc, 9, 19)
    groups = " ".join(number[i:i + 4] for i in range(0, len(number), 4)) if v == 0 or len(number) == 16 else number[:6] + " " + number[6:]
    size = 11.5 if len(number) <= 16 else 10
    if not S.held4:
        doc.text(7 + 0.15, 33 + 0.15, groups, size * S.k, S.f("mono"), (0, 0, 0) if fg[0] > 128 else (200, 200, 200))
    doc.text(7, 33, groups, size * S.k, S.f("mono"), fg)
    label = rng.choice(["借记卡 DEBIT", "金穗借记卡", "储蓄卡", "IC借记卡"])
    if label == "金穗借记卡" and bank[0] != "中国农业银行":   # 金穗 is the 农业银行's brand
        label = "借记卡"
    doc.text(7, 42, label, 6, S.f("sans"), fg)
    doc.text(40, 42, "有效期 %02d/%02d" % (rng.randint(1, 12), rng.randint(28, 35)), 6, S.f("sans"), fg)
    # UnionPay mark
    x0, y0 = CARD_W - 20, CARD_H - 14
    for i, col in enumerate([(220, 30, 40), (20, 60, 140), (0, 130, 120)]):
        doc.poly([(x0 + i * 5, y0 + 10), (x0 + i * 5 + 2, y0), (x0 + i * 5 + 7, y0), (x0 + i * 5 + 5, y0 + 10), (x0 + i * 5, y0 + 10)], 1.6, col)
    doc.text(x0 + 8.5, y0 + 2.2, "银联", 5.5, S.f("sansb"), (255, 255, 255), "m")
    doc.text(x0 + 8.5, y0 + 6, "UnionPay", 4, S.f("sansb"), (255, 255, 255), "m")
    return [doc], {"card_number": number}, "银联借记卡 %s, design %s/%d" % (bank[0], S.name, v), {"bank": bank[0]}


def k_residence_permit(rng, S, c):
    if S.held3:
        return k_residence_permit3(rng, S, c)
    if S.held4:
        return k_residence_permit4(rng, S, c)
    p = c["person"]
    v = rng.randrange(2)
    frm, until = c["rp_valid"]
    doc = Doc(CARD_W, CARD_H, S=S, card=True)
    card_bg(doc, S, rng, (250, 244, 236) if v == 0 else S.c("tint"), S.c("pattern"))
    doc.text(CARD_W / 2, 3, "山东省居住证", 12 * S.k, S.f("serifb"), S.c("accent"), "m", spacing=1.5)
    items = [("姓名", p["name"]), ("性别", p["sex"] + "    民族 " + p["nation"]), ("出生", cn_date(p["birth"])),
             ("居住地址", c["rp_address"]), ("公民身份号码", p["id_number"]), ("签发机关", c["rp_authority"]),
             ("有效期限", "%s-%s" % (dotted(frm), dotted(until)))]
    y = 10.5
    for lab, val in items:
        doc.text(4, y, lab, 5.6, S.f("sans"), S.c("label"))
        xv = 18 if lab != "公民身份号码" else 19
        sz = 6.4 * S.k
        while len(val) > 1 and doc.width(val, sz, S.f("sans")) > 60 - xv:
            cut = len(val)
            while doc.width(val[:cut], sz, S.f("sans")) > 60 - xv:
                cut -= 1
            doc.text(xv, y - 0.3, val[:cut], sz, S.f("sans"), S.c("ink"))
            val = val[cut:]
            y += 3.3
        doc.text(xv, y - 0.3, val, sz, S.f("mono" if lab == "公民身份号码" else "sans"), S.c("ink"))
        y += 5.3 if v == 0 else 5.0
    doc.image(64, 12, 17, 22, portrait(rng, p["female"]))
    exp = until < TODAY
    return [doc], {"name": p["name"], "id_number": p["id_number"], "valid_from": iso(frm), "valid_until": iso(until)}, \
        "山东省居住证, design %s/%d%s" % (S.name, v, ", EXPIRED" if exp else ""), {"expired": exp}


def k_rp_receipt(rng, S, c):
    p = c["person"]
    v = rng.randrange(2)
    doc = Doc(210, 148.5 if v == 0 else 297, S=S)
    t = rng.choice(["居住证办理回执单", "山东省居住证申领回执", "居住证受理回执"])
    if S.held3:
        t = rng.choice(["居住证申领受理回执", "山东省居住证受理回执单"])
    if S.held4:
        t = rng.choice(["居住证申请受理凭证", "居住证办理受理回执", "山东省居住证申领回执单"])
    doc.text(105 + S.dx, 14, t, 18 * S.k, S.f("sansb"), S.c("ink"), "m", spacing=1.0)
    acc = rand_date(rng, dt.date(2026, 8, 1), dt.date(2026, 11, 20))
    no = "%s%s%05d" % (p["area"], acc.strftime("%Y%m%d"), rng.randrange(100000))
    rows = [[("受理编号", 1, True), (no, 3, False)],
            [("姓名", 1, True), (p["name"], 1, False), ("性别", 1, True), (p["sex"], 1, False)],
            [("公民身份号码", 1, True), (p["id_number"], 3, False)],
            [("居住地址", 1, True), (c["rp_address"], 3, False)],
            [("受理单位", 1, True), (c["rp_authority"].replace("公安局", "公安局") + rng.choice(["城区派出所", "银雀山派出所", "柳青派出所"]), 3, False)],
            [("受理日期", 1, True), (cn_date(acc), 1, False), ("领证日期", 1, True), (cn_date(acc + dt.timedelta(days=15)), 1, False)]]
    y = grid(doc, S, 20 + S.dx, 28 + S.dy, [34, 51, 34, 51], rows, 10.5 * S.k, 10, fill_labels=(240, 240, 240) if v == 0 else None)
    doc.para(22, y + 6, 166, "请凭本回执及本人居民身份证按期领取居住证。本回执不作为居住证明使用，遗失不补。", 9.5, S.f("sans"), S.c("ink"))
    doc.text(150, y + 22, "受理单位（盖章）", 10, S.f("sans"), S.c("ink"), "m")
    doc.seal(150, y + 26, 38, rng.choice(["城区派出所", "银雀山派出所", "柳青派出所"]))
    return [doc], {"name": p["name"], "id_number": p["id_number"]}, "%s, design %s/%d" % (t, S.name, v), {}


def k_household(rng, S, c):
    p = c["person"]
    v = rng.randrange(2)
    doc = Doc(190, 133, bg=(252, 246, 238) if not S.held else S.c("tint"), S=S)
    doc.waves(4, 4, 186, 129, (240, 225, 210) if not S.held else S.c("pattern"), 30, rng, amp=1.2)
    doc.text(95, 6 + S.dy, "常住人口登记卡", 16 * S.k, S.f("serifb"), S.c("ink"), "m", spacing=1.5)
    rel = c.get("relation", rng.choice(["户主", "妻", "长子", "长女", "之子", "之女"]))
    b = p["birth"]
    rows = [[("姓名", 1, True), (p["name"], 2, False), ("户主或与户主关系", 2, True), (rel, 1, False)],
            [("曾用名", 1, True), ("", 2, False), ("性别", 2, True), (p["sex"], 1, False)],
            [("出生地", 1, True), (PLACES[p["area"]][0], 2, False), ("民族", 2, True), (p["nation"], 1, False)],
            [("籍贯", 1, True), (PLACES[p["area"]][0][:3], 2, False), ("出生日期", 2, True), (cn_date(b), 1, False)],
            [("本市(县)其他住址", 1, True), ("", 5, False)],
            [("宗教信仰", 1, True), ("", 2, False), ("公民身份证件编号", 2, True), (p["id_number"], 1, False)],
            [("身高", 1, True), ("%dcm" % rng.randint(150, 185), 1, False), ("血型", 1, True), (rng.choice(["A", "B", "O", "AB", "不明"]), 1, False), ("文化程度", 1, True), (rng.choice(["大学本科", "高中", "初中", "大学专科"]), 1, False)],
            [("婚姻状况", 1, True), (rng.choice(["已婚", "未婚"]), 1, False), ("兵役状况", 1, True), ("", 1, False), ("职业", 1, True), ("", 1, False)],
            [("何时由何地迁来本市(县)", 2, True), ("", 4, False)],
            [("何时由何地迁来本址", 2, True), ("", 4, False)]]
    colw = [26, 30, 24, 26, 30, 40] if v == 0 else [30, 28, 22, 28, 28, 40]
    y = grid(doc, S, 8 + S.dx * 0.5, 16 + S.dy, colw, rows, 8.6 * S.k, 9.4 if v == 0 else 9.0, font="serif" if v == 0 else "sans")
    reg = rand_date(rng, dt.date(2010, 1, 1), dt.date(2025, 12, 31))
    doc.text(14, y + 5, "承办人签章：", 9, S.f("sans"), S.c("ink"))
    doc.sign(36, y + 3, 22, 8, rng.randrange(10 ** 6))
    doc.text(120, y + 5, "登记日期：" + cn_date(reg), 9, S.f("sans"), S.c("ink"))
    doc.seal(70 + rng.uniform(-8, 8), y - 6, 34, PLACES[p["area"]][1][-5:] + "户口专用章")
    return [doc], {"name": p["name"], "id_number": p["id_number"]}, "户口簿 常住人口登记卡 (%s), design %s/%d" % (rel, S.name, v), {}


def k_business_license(rng, S, c):
    if S.held4:
        return k_business_license4(rng, S, c)
    co = c["company"]
    v = rng.randrange(2)
    land = v == 0
    doc = Doc(297 if land else 210, 210 if land else 297, bg=(255, 253, 247) if not S.held else (252, 252, 250), S=S)
    border(doc, S, 9, (196, 140, 60) if not S.held else S.c("accent"))
    W = doc.w
    doc.image(W / 2 - 11, 16, 22, 22, emblem())
    doc.text(W / 2, 42 + S.dy, "营 业 执 照", 30 * S.k, S.f("serifb"), (170, 20, 20) if not S.held else S.c("accent"), "m", spacing=3)
    if not land:
        doc.text(W / 2, 58 + S.dy, "（副        本）", 12, S.f("serif"), S.c("ink"), "m")
        doc.text(W - 24, 24, "副本编号：1-1", 8, S.f("sans"), S.c("ink"), "r")
    if S.held3:
        label3(doc, S, 20 + S.dx, 21, "统一社会信用代码", 10 * S.k, "sans", 45, two_ok=False)
        value3(doc, S, 20 + S.dx, 28, co["uscc"], 13 * S.k, "mono", spacing=0.3)
    else:
        doc.text(20 + S.dx, 22, "统一社会信用代码", 10 * S.k, S.f("sans"), S.c("ink"))
        doc.text(20 + S.dx, 28, co["uscc"], 13 * S.k, S.f("mono"), S.c("ink"))
    doc.image(W - 48, 40 if land else 70, 26, 26, qr_block(rng))
    founded = co["founded"]
    items = [("名称", co["name"]), ("类型", co["type"]), ("法定代表人", co["rep"]["name"]), ("注册资本", co["capital"]),
             ("成立日期", cn_date(founded)), ("营业期限", "%s 至 %s" % (cn_date(founded), c.get("biz_until_text", "长期"))), ("住所", co["address"])]
    x, y = (30, 70) if land else (26, 95)
    x += S.dx
    size = 11 * S.k
    colw = 110 if land else 132
    for lab, val in items:
        if S.held3:   # labels justified over 4 characters' room, values in their own colour
            label3(doc, S, x, y, lab, size, "serif", 25, two_ok=False)
            vf = "serif" if v == 0 else "sans"
            if doc.width(val, size, S.f(vf)) <= colw:
                value3(doc, S, x + 28, y, val, size, vf)
                y += size * 25.4 / 72 * 1.6 + 2 + (0.8 if S.deco == "box" else 0)
            else:
                y = doc.para(x + 28, y, colw, val, size, S.f(vf), S.c("value"), lh=1.6, indent=0) + 2
            continue
        doc.text(x, y, lab, size, S.f("serif"), S.c("ink"))
        y = doc.para(x + 28, y, colw, val, size, S.f("serif" if v == 0 else "sans"), S.c("ink"), lh=1.6, indent=0)
        y += 2
    sx, sy = (170, 70) if land else (26, y + 2)
    if S.held3:
        label3(doc, S, sx + S.dx, sy, "经营范围", size, "serif", 25, two_ok=False)
        doc.para(sx + 28 + S.dx, sy, 85 if land else 132, co["scope"], size * 0.92, S.f("serif" if v == 0 else "sans"), S.c("value"), lh=1.6, indent=0)
    else:
        doc.text(sx + S.dx, sy, "经营范围", size, S.f("serif"), S.c("ink"))
        doc.para(sx + 28 + S.dx, sy, 85 if land else 132, co["scope"], size * 0.92, S.f("serif" if v == 0 else "sans"), S.c("ink"), lh=1.6, indent=0)
    issue = rand_date(rng, founded, dt.date(2026, 10, 31))
    doc.text(W - 60, doc.h - 45, "登记机关", 12, S.f("serif"), S.c("ink"), "m")
    doc.text(W - 60, doc.h - 30, cn_date(issue, True), 11, S.f("serif"), S.c("ink"), "m")
    doc.seal(W - 60, doc.h - 40, 42, co["authority"])
    doc.text(W / 2, doc.h - 19, "国家企业信用信息公示系统网址：http://www.gsxt.gov.cn", 7.5, S.f("sans"), (80, 80, 80), "m")
    facts = {"uscc": co["uscc"], "unit_name": co["name"], "valid_from": iso(founded), "valid_until": c.get("biz_until", "长期")}
    return [doc], facts, "营业执照 (%s), design %s/%d" % ("正本 landscape" if land else "副本 portrait", S.name, v), {}


def k_uscc_cert(rng, S, c):
    if S.held4:
        return k_uscc_cert4(rng, S, c)
    ins = c["institution"]
    v = rng.randrange(2)
    frm, until = c["lic_valid"]
    doc = Doc(297, 210, bg=(250, 252, 255) if not S.held else S.c("tint"), S=S)
    border(doc, S, 10, (40, 90, 150) if v == 0 and not S.held else S.c("label"))
    doc.waves(14, 14, 283, 196, (225, 235, 245) if not S.held else S.c("pattern"), 24, rng, 1.5)
    doc.image(148.5 - 10, 18, 20, 20, emblem())
    doc.text(148.5, 42 + S.dy, "统一社会信用代码证书", 24 * S.k, S.f("serifb"), S.c("accent") if v == 0 else (40, 40, 40), "m", spacing=1.5)
    y = 70 + S.dy
    items = [("统一社会信用代码", ins["uscc"]), ("机构名称", ins["name"]), ("机构性质", ins["nature"]), ("机构地址", ins["address"]),
             ("负  责  人", ins["head"]["name"]), ("有  效  期", "自%s至%s" % (cn_date(frm), cn_date(until)))]
    for lab, val in items:
        if S.held3:
            label3(doc, S, 40 + S.dx, y, lab.replace(" ", ""), 12 * S.k, "serif", 44, two_ok=False)
            value3(doc, S, 88 + S.dx, y - (0.5 if lab.startswith("统一") else 0), val, (13 if lab.startswith("统一") else 12) * S.k,
                   "mono" if lab.startswith("统一") else "serif", deco=lab.startswith(("统一", "机构名称")))
            y += 13
            continue
        doc.text(40 + S.dx, y, lab, 12 * S.k, S.f("serif"), S.c("ink"))
        doc.text(88 + S.dx, y - (0.5 if lab.startswith("统一") else 0), val, (13 if lab.startswith("统一") else 12) * S.k,
                 S.f("mono" if lab.startswith("统一") else "serif"), S.c("ink"))
        y += 13
    issuer = {"机关": "机构编制委员会办公室", "事业单位": "事业单位登记管理局", "社会团体": "民政局"}[ins["nature"]]
    issuer = ins["city"] + issuer
    doc.text(220, 168, "颁发单位：" + issuer, 10, S.f("serif"), S.c("ink"), "m")
    doc.text(220, 178, cn_date(frm), 10, S.f("serif"), S.c("ink"), "m")
    doc.seal(225, 166, 40, issuer)
    doc.image(30, 150, 28, 28, qr_block(rng))
    exp = until < TODAY
    return [doc], {"uscc": ins["uscc"], "unit_name": ins["name"], "valid_from": iso(frm), "valid_until": iso(until)}, \
        "统一社会信用代码证书 (%s), design %s/%d%s" % (ins["nature"], S.name, v, ", EXPIRED" if exp else ""), {"expired": exp}


def k_approval(rng, S, c):
    if S.held4:
        return k_approval4(rng, S, c)
    ins = c["institution"]
    v = rng.randrange(2)
    doc = Doc(210, 297, S=S)
    issuer = ins["city"] + rng.choice(["机构编制委员会", "人民政府", "机构编制委员会办公室"])
    red = (200, 20, 20)
    doc.text(105, 30 + S.dy, issuer + "文件", (22 if len(issuer) < 12 else 18) * S.k, S.f("serifb" if v == 0 else "sansb"), red, "m", spacing=0.5)
    yr = rng.randint(2008, 2024)
    num = "%s〔%d〕%d号" % (rng.choice(["临编", "兰编", "济编", "淄编", "聊编", "政字"]), yr, rng.randint(3, 120))
    doc.text(105, 50, num, 12, S.f("serif"), S.c("ink"), "m")
    doc.line(25, 58, 185, 58, 0.8, red)
    title = "关于同意设立%s的批复" % ins["name"] if ins["nature"] != "机关" else "关于%s机构设置的批复" % ins["name"]
    y = doc.para(30, 70, 150, title, 16 * S.k, S.f("serifb"), S.c("ink"), lh=1.5, indent=0)
    dept = ins["city"] + rng.choice(["卫生健康局", "教育和体育局", "人力资源和社会保障局", "民政局"])
    doc.text(25, y + 6, dept + "：", 12, S.f("serif"), S.c("ink"))
    body = ("你单位《关于设立%s的请示》收悉。经研究，同意设立%s，为%s所属公益一类事业单位，机构规格相当于正科级，"
            "核定事业编制%d名，所需经费由财政全额拨款。" % (ins["name"], ins["name"], dept, rng.randint(8, 40)))
    y = doc.para(25, y + 16, 160, body, 12, S.f("serif"), S.c("ink"))
    y = doc.para(25, y + 2, 160, "请按照有关规定办理法人登记等相关手续。", 12, S.f("serif"), S.c("ink"))
    doc.text(25, y + 4, "此复。", 12, S.f("serif"), S.c("ink"), "l")
    d = dt.date(yr, rng.randint(1, 12), rng.randint(1, 28))
    doc.text(150, y + 30, issuer.replace("文件", ""), 12, S.f("serif"), S.c("ink"), "m")
    doc.text(150, y + 40, cn_date(d), 12, S.f("serif"), S.c("ink"), "m")
    doc.seal(150, y + 34, 42, issuer)
    return [doc], {"unit_name": ins["name"]}, "单位批准成立文件 %s, design %s/%d" % (num, S.name, v), {"title": title}


def k_marriage(rng, S, c):
    a, b = c["person"], c["spouse"]
    v = rng.randrange(2)
    doc = Doc(250, 88, bg=(253, 240, 240) if not S.held else S.c("tint"), S=S)
    doc.waves(3, 3, 247, 85, (245, 210, 210) if not S.held else S.c("pattern"), 26, rng, 1.3)
    doc.line(125, 3, 125, 85, 0.3, (200, 160, 160))
    reg = c["marriage_date"]
    no = "J%s-%d-%06d" % (a["area"], reg.year, rng.randrange(1, 999999))
    lx = 14 + S.dx
    doc.text(62, 8, "结 婚 证", 18 * S.k, S.f("serifb"), (190, 20, 30), "m", spacing=1)
    y = kv(doc, S, lx, 24, [("持证人", a["name"]), ("登记日期", cn_date(reg)), ("结婚证字号", no)], 10, 26, gap=2.2, font="serif", vfont="sans")
    doc.para(lx, y + 2, 100, "申请结婚，经审查符合《中华人民共和国民法典》关于结婚的规定，予以登记，发给此证。", 8, S.f("serif"), S.c("ink"), lh=1.5)
    doc.text(62, 72, "登记机关：" + PLACES[a["area"]][0].replace("山东省", "") + "民政局", 8.5, S.f("serif"), S.c("ink"), "m")
    doc.seal(80, 70, 30, PLACES[a["area"]][0].replace("山东省", "") + "民政局婚姻登记专用章")
    doc.image(148, 6, 48, 30, portrait(rng, False, (200, 40, 40)).resize((320, 200)))
    y = 40
    for q in (a, b) if v == 0 else (b, a):
        y = kv(doc, S, 133, y, [("姓名", q["name"] + "    性别 " + q["sex"]), ("国籍", "中国    出生日期 " + cn_date(q["birth"])), ("身份证件号", q["id_number"])],
               7.6, 18, gap=1.75, font="serif", vfont="sans")
        y += 1.5
    facts = {"name": a["name"], "id_number": a["id_number"], "license_number": no}
    return [doc], facts, "结婚证 inner spread, design %s/%d" % (S.name, v), {"spouse_name": b["name"], "spouse_id_number": b["id_number"], "registered": iso(reg)}


def k_birth(rng, S, c):
    ch, mo, fa = c["child"], c["mother"], c["father"]
    v = rng.randrange(2)
    doc = Doc(260, 185, bg=(246, 252, 246) if not S.held else S.c("tint"), S=S)
    doc.waves(6, 6, 254, 179, (205, 230, 210) if not S.held else S.c("pattern"), 34, rng, 1.6)
    doc.rect(6, 6, 254, 179, outline=(70, 130, 90) if not S.held else S.c("label"), w=0.8)
    doc.text(130, 14 + S.dy, "出 生 医 学 证 明", 24 * S.k, S.f("serifb"), (30, 90, 50) if not S.held else S.c("label"), "m", spacing=1)
    doc.text(130, 27 + S.dy, "Birth Certificate", 10, S.f("sans"), (80, 110, 90), "m")
    doc.text(200, 36, "出生医学证明编号", 8, S.f("sans"), S.c("ink"), "m")
    doc.text(200 + S.dx, 41, c["bc_no"], 14 * S.k, S.f("mono"), (200, 30, 30))
    bt = c["birth_time"]
    rows = [[("新生儿姓名", 1, True), (ch["name"], 1, False), ("性别", 1, True), (ch["sex"], 1, False), ("出生孕周", 1, True), ("%d周" % rng.randint(37, 41), 1, False)],
            [("出生时间", 1, True), ("%d年%d月%d日%d时%d分" % (bt.year, bt.month, bt.day, bt.hour, bt.minute), 3, False), ("出生体重(g)", 1, True), (str(rng.randint(2600, 4100)), 1, False)],
            [("出生地点", 1, True), (PLACES[mo["area"]][0], 3, False), ("出生身长(cm)", 1, True), (str(rng.randint(47, 54)), 1, False)],
            [("医疗机构名称", 1, True), (c["hospital"], 5, False)],
            [("母亲姓名", 1, True), (mo["name"], 1, False), ("年龄", 1, True), (str((bt.date() - mo["birth"]).days // 365), 1, False), ("国籍", 1, True), ("中国", 1, False)],
            [("民族", 1, True), (mo["nation"], 1, False), ("身份证件号码", 1, True), (mo["id_number"], 3, False)],
            [("父亲姓名", 1, True), (fa["name"], 1, False), ("年龄", 1, True), (str((bt.date() - fa["birth"]).days // 365), 1, False), ("国籍", 1, True), ("中国", 1, False)],
            [("民族", 1, True), (fa["nation"], 1, False), ("身份证件号码", 1, True), (fa["id_number"], 3, False)]]
    colw = [34, 42, 30, 50, 30, 34] if v == 0 else [32, 40, 34, 48, 32, 34]
    if S.held3:   # labels with their English below them, as the printed form has
        rows = [[(t + "\n" + BIRTH_EN[t] if lab and t in BIRTH_EN else t, span, lab) for t, span, lab in r] for r in rows]
    y = grid(doc, S, 11 + S.dx * 0.5, 52 + S.dy, colw, rows, 10 * S.k, 12 if v == 0 else 11, font="serif" if v == 0 else "sans")
    doc.text(160, y + 8, "签证机构（出生医学证明专用章）", 9, S.f("sans"), S.c("ink"), "m")
    doc.seal(165, y + 10, 36, c["hospital"] + "出生医学证明专用章"[:4])
    doc.text(40, y + 8, "签发日期：" + cn_date((bt + dt.timedelta(days=rng.randint(2, 20))).date()), 9, S.f("sans"), S.c("ink"))
    facts = {"birth_certificate_number": c["bc_no"], "child_name": ch["name"], "mother_name": mo["name"], "mother_id_number": mo["id_number"]}
    return [doc], facts, "出生医学证明, design %s/%d" % (S.name, v), {"father_name": fa["name"], "father_id_number": fa["id_number"]}


BIRTH_EN = {"新生儿姓名": "Name", "性别": "Sex", "出生孕周": "Gestational Age", "出生时间": "Date of Birth", "出生体重(g)": "Birth Weight",
            "出生地点": "Place of Birth", "出生身长(cm)": "Birth Length", "医疗机构名称": "Name of Medical Institution",
            "母亲姓名": "Mother's Name", "年龄": "Age", "国籍": "Nationality", "民族": "Ethnicity", "身份证件号码": "ID No.",
            "父亲姓名": "Father's Name"}


DIAG = [("高血压病3级（极高危）", "心内科"), ("2型糖尿病", "内分泌科"), ("急性阑尾炎", "普外科"), ("社区获得性肺炎", "呼吸内科"),
        ("腰椎间盘突出症", "骨科"), ("冠状动脉粥样硬化性心脏病", "心内科"), ("脑梗死", "神经内科"), ("胆囊结石伴慢性胆囊炎", "肝胆外科"),
        ("右桡骨远端骨折", "骨科"), ("慢性阻塞性肺疾病急性加重", "呼吸内科")]


def hosp_head(doc, S, hosp, title, y=14, v=0):
    doc.text(doc.w / 2 + S.dx, y + S.dy, hosp, 16 * S.k, S.f("serifb" if v == 0 else "sansb"), S.c("ink"), "m", spacing=0.6)
    doc.text(doc.w / 2 + S.dx, y + 10 + S.dy, title, 15 * S.k, S.f("sansb"), S.c("ink"), "m", spacing=1.2)
    return y + 22 + S.dy


def patient_line(doc, S, y, p, extra):
    age = (TODAY - p["birth"]).days // 365
    s = "姓名%s%s   性别%s%s   年龄%s%d岁   %s" % (S.sep, p["name"], S.sep, p["sex"], S.sep, age, extra)
    doc.text(20, y, s, 10.5 * S.k, S.f("sans"), S.c("ink"))
    doc.line(18, y + 7, doc.w - 18, y + 7, 0.3, (60, 60, 60))
    return y + 11


def k_diagnosis(rng, S, c):
    if S.held3:
        return k_diagnosis3(rng, S, c)
    if S.held4:
        return k_diagnosis4(rng, S, c)
    p, v = c["person"], rng.randrange(2)
    doc = Doc(210, 297 if v == 0 else 148.5, S=S)
    hosp = c.get("hospital") or rng.choice(HOSP)
    dx, dept = c.get("diag") or rng.choice(DIAG)
    y = hosp_head(doc, S, hosp, rng.choice(["诊断证明书", "医学诊断证明书", "疾病诊断证明书"]), 12, v)
    y = patient_line(doc, S, y, p, "科别%s%s" % (S.sep, dept))
    if rng.random() < 0.6:
        doc.text(20, y, "身份证号%s%s" % (S.sep, p["id_number"]), 10.5 * S.k, S.f("sans"), S.c("ink"))
        y += 8
    doc.text(20, y + 2, "诊断：", 11 * S.k, S.f("sansb"), S.c("ink"))
    doc.text(36, y + 2, dx, 11 * S.k, S.f("sans"), S.c("ink"))
    y = doc.para(20, y + 14, 170, "建议：" + rng.choice(["注意休息，全休两周，定期复查。", "继续口服药物治疗，门诊随诊。", "住院治疗，病情稳定后出院，出院后休息一个月。"]),
                 11 * S.k, S.f("sans"), S.c("ink"), indent=0)
    d = c.get("visit", rand_date(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 25)))
    doc.text(120, y + 12, "医师签名：", 10.5, S.f("sans"), S.c("ink"))
    doc.sign(142, y + 9, 26, 10, rng.randrange(10 ** 6))
    doc.text(120, y + 24, "日期：" + cn_date(d), 10.5, S.f("sans"), S.c("ink"))
    doc.seal(100, y + 20, 36, hosp + "诊断证明专用章"[:2])
    return [doc], {"name": p["name"]} | ({"id_number": p["id_number"]} if "身份证号" in str(doc.ops) else {}), "诊断证明书 %s, design %s/%d" % (hosp, S.name, v), {"diagnosis": dx}


def k_discharge(rng, S, c):
    if S.held4:
        return k_discharge4(rng, S, c)
    p, v = c["person"], rng.randrange(2)
    doc = Doc(210, 297, S=S)
    hosp = c.get("hospital") or rng.choice(HOSP)
    dx, dept = c.get("diag") or rng.choice(DIAG)
    y = hosp_head(doc, S, hosp, "出院记录", 12, v)
    if S.held3:
        y = patient_line3(doc, S, y, p, [("科室", dept), ("住院号", "%07d" % rng.randrange(10 ** 7))])
    else:
        y = patient_line(doc, S, y, p, "科室%s%s  住院号%s%07d" % (S.sep, dept, S.sep, rng.randrange(10 ** 7)))
    a = c.get("admit", rand_date(rng, dt.date(2026, 5, 1), dt.date(2026, 10, 30)))
    b = c.get("discharge", a + dt.timedelta(days=rng.randint(3, 20)))
    secs = [("入院日期", cn_date(a)), ("出院日期", cn_date(b)), ("住院天数", "%d天" % (b - a).days), ("入院诊断", dx), ("出院诊断", dx + "（好转）"),
            ("入院情况", "患者因“%s”于%s入院。查体：T 36.8℃，P 82次/分，R 19次/分，BP 136/84mmHg，神志清，精神可。" % (rng.choice(["反复胸闷3天", "腹痛12小时", "咳嗽咳痰1周", "腰痛伴右下肢麻木2月"]), cn_date(a))),
            ("诊疗经过", "入院后完善相关检查，给予%s等对症支持治疗，患者症状逐渐缓解，病情稳定。" % rng.choice(["抗感染、化痰", "降压、调脂、抗血小板", "营养神经、改善循环", "手术"])),
            ("出院情况", "一般情况可，无明显不适。"), ("出院医嘱", "1.注意休息，低盐低脂饮食；2.按时服药；3.两周后门诊复查，不适随诊。")]
    for lab, val in secs:
        if S.held3:
            y = section3(doc, S, 20, y, 170, lab, val, 10.5 * S.k, "sans" if v == 0 else "serif")
            continue
        if S.held2 and (S.stack or S.brk):
            y = section(doc, S, 20, y, 170, lab, val, 10.5 * S.k, "sans" if v == 0 else "serif")
        elif v == 0:
            y = doc.para(20, y, 170, lab + "：" + val, 10.5 * S.k, S.f("sans"), S.c("ink"), lh=1.6, indent=0) + 1.5
        else:
            doc.text(20, y, lab, 10.5 * S.k, S.f("sansb"), S.c("ink"))
            y = doc.para(44, y, 146, val, 10.5 * S.k, S.f("serif"), S.c("ink"), lh=1.6, indent=0) + 1.5
    doc.text(130, y + 8, "医师签名：", 10.5, S.f("sans"), S.c("ink"))
    doc.sign(152, y + 5, 26, 10, rng.randrange(10 ** 6))
    return [doc], {"name": p["name"]}, "出院记录 %s, design %s/%d" % (hosp, S.name, v), {"admitted": iso(a), "discharged": iso(b), "diagnosis": dx}


def k_medical_record(rng, S, c):
    if S.held4:
        return k_medical_record4(rng, S, c)
    p, v = c["person"], rng.randrange(2)
    doc = Doc(148, 210, bg=(255, 255, 252), S=S)
    hosp = c.get("hospital") or rng.choice(HOSP)
    dx, dept = c.get("diag") or rng.choice(DIAG)
    doc.text(74 + S.dx, 10, hosp, 13 * S.k, S.f("serifb"), S.c("ink"), "m")
    rtitle = rng.choice(["门诊病历", "门（急）诊病历"]) if S.held3 else "门诊病历"
    doc.text(74 + S.dx, 19, rtitle, 14 * S.k, S.f("sansb"), S.c("ink"), "m", spacing=2)
    y = 30
    age = (TODAY - p["birth"]).days // 365
    if S.held3:
        fields3(doc, S, 10, y, [("姓名", p["name"]), ("性别", p["sex"]), ("年龄", "%d岁" % age), ("科别", dept)], 9 * S.k, gap=3.5)
        d = rand_date(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 25))
        fields3(doc, S, 10, y + 7, [("就诊日期", cn_date(d)), ("门诊号", "%08d" % rng.randrange(10 ** 8))], 9 * S.k, gap=3.5)
    else:
        doc.text(10, y, "姓名%s%s  性别%s%s  年龄%s%d岁  科别%s%s" % (S.sep, p["name"], S.sep, p["sex"], S.sep, age, S.sep, dept), 9 * S.k, S.f("sans"), S.c("ink"))
        d = rand_date(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 25))
        doc.text(10, y + 7, "就诊日期%s%s  门诊号%s%08d" % (S.sep, cn_date(d), S.sep, rng.randrange(10 ** 8)), 9 * S.k, S.f("sans"), S.c("ink"))
    doc.line(8, y + 14, 140, y + 14, 0.3, (60, 60, 60))
    y += 18
    for lab, val in [("主诉", rng.choice(["头晕3天。", "咳嗽、咽痛2天。", "上腹部不适1周。", "左膝关节疼痛1月。"])),
                     ("现病史", "患者自述近期症状加重，无发热，无恶心呕吐，饮食睡眠可，二便正常。"),
                     ("既往史", rng.choice(["否认高血压、糖尿病史。", "高血压病史5年。", "否认药物过敏史。"])),
                     ("查体", "神志清，心肺听诊未闻及明显异常，腹软，无压痛。"), ("初步诊断", dx),
                     ("处理", rng.choice(["1.血常规；2.口服药物治疗；3.不适随诊。", "1.完善检查；2.对症治疗；3.一周后复诊。"]))]:
        if S.held3:
            y = section3(doc, S, 10, y, 128, lab, val, 9.5 * S.k, "serif" if v == 0 else "sans")
            continue
        if S.held2 and (S.stack or S.brk):
            y = section(doc, S, 10, y, 128, lab, val, 9.5 * S.k, "serif" if v == 0 else "sans")
            continue
        y = doc.para(10, y, 128, lab + "：" + val, 9.5 * S.k, S.f("serif" if v == 0 else "sans"), S.c("ink"), lh=1.7, indent=0) + 1
    doc.text(90, y + 6, "医师：", 9.5, S.f("sans"), S.c("ink"))
    doc.sign(102, y + 3, 24, 9, rng.randrange(10 ** 6))
    return [doc], {"name": p["name"]}, "%s %s, design %s/%d" % (rtitle, hosp, S.name, v), {"diagnosis": dx}


FEE_ITEMS = ["西药费", "中成药费", "检查费", "化验费", "治疗费", "床位费", "护理费", "手术费", "卫生材料费", "诊察费", "放射费"]


def k_invoice(rng, S, c):
    if S.held3:
        return k_invoice3(rng, S, c)
    if S.held4:
        return k_invoice4(rng, S, c)
    p = c["person"]
    types = ["outpatient", "inpatient"] + (["vat"] if S.held else [])
    t = c.get("invoice_type") or rng.choice(types)
    hosp = c.get("hospital") or rng.choice(HOSP)
    doc = Doc(240, 140, bg=(255, 255, 255) if t != "vat" else (250, 253, 248), S=S)
    items = [(n, round(rng.uniform(8, 1800), 2)) for n in rng.sample(FEE_ITEMS, rng.randint(3, 7))]
    total = round(sum(a for _, a in items), 2)
    d = c.get("discharge") or rand_date(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 25))
    col = (150, 60, 40) if t != "vat" else (90, 60, 30)
    if t == "vat":
        title = "山东增值税普通发票"
    else:
        title = "山东省医疗%s收费票据（电子）" % ("门诊" if t == "outpatient" else "住院")
    doc.text(120 + S.dx, 8, title, 16 * S.k, S.f("serifb"), col, "m", spacing=0.5)
    doc.line(70, 17, 170, 17, 0.3, col)
    doc.line(70, 18.2, 170, 18.2, 0.3, col)
    code, num = "37%06d" % rng.randrange(10 ** 6), "%010d" % rng.randrange(10 ** 10)
    doc.image(10, 6, 20, 20, qr_block(rng, 21))
    kv(doc, S, 150, 22, [("票据代码" if t != "vat" else "发票代码", code), ("票据号码" if t != "vat" else "发票号码", num), ("开票日期", cn_date(d))],
       8, 18, gap=1.6, lcol=col)
    kv(doc, S, 12, 32, [("交款人" if t != "vat" else "购买方名称", p["name"]), ("交款人统一社会信用代码" if t != "vat" else "纳税人识别号", p["id_number"])], 8.5, 38, gap=1.7, lcol=col)
    rows = [[("项目名称", 2, True), ("金额(元)", 1, True), ("项目名称", 2, True), ("金额(元)", 1, True)]]
    half = (len(items) + 1) // 2
    for i in range(half):
        r = [(items[i][0], 2, False), ("%.2f" % items[i][1], 1, False)]
        j = i + half
        r += [(items[j][0], 2, False), ("%.2f" % items[j][1], 1, False)] if j < len(items) else [("", 2, False), ("", 1, False)]
        rows.append(r)
    rows.append([("金额合计（大写）", 2, True), (rmb_upper(total), 2, False), ("（小写）", 1, True), ("¥%.2f" % total, 1, False)])
    if t == "inpatient":
        fund = round(total * rng.uniform(0.4, 0.75), 2)
        rows.append([("医保统筹基金支付", 2, True), ("%.2f" % fund, 1, False), ("个人现金支付", 2, True), ("%.2f" % (total - fund), 1, False)])
    y = grid(doc, S, 12, 46, [50, 36, 30, 50, 36, 14][:0] or [44, 33, 33, 44, 33, 29], rows, 8.5 * S.k, 7.5, colour=col)
    doc.text(12, y + 4, "收款单位（章）：" + hosp, 8.5, S.f("sans"), S.c("ink"))
    doc.text(150, y + 4, "复核人：" + fake_name(rng, True) + "   收款人：" + fake_name(rng, False), 8.5, S.f("sans"), S.c("ink"))
    doc.seal(60, y + 2, 30, hosp + "财务专用章"[:2], oval=True)
    doc.text(120, 130, "校验码：%s" % "".join(rng.choice("0123456789abcdef") for _ in range(10)), 7, S.f("sans"), (90, 90, 90), "m")
    return [doc], {"name": p["name"]}, "%s %s, design %s" % (title, hosp, S.name), {"total": "%.2f" % total, "invoice_number": num}


def k_expense_list(rng, S, c):
    if S.held4:
        return k_expense_list4(rng, S, c)
    p = c["person"]
    pages_n = c.get("pages", rng.choice([1, 1, 2]))
    hosp = c.get("hospital") or rng.choice(HOSP)
    a = c.get("admit", rand_date(rng, dt.date(2026, 5, 1), dt.date(2026, 10, 30)))
    b = c.get("discharge", a + dt.timedelta(days=rng.randint(3, 20)))
    names = [("0.9%氯化钠注射液", "250ml", "袋", 3.8, "甲"), ("头孢呋辛钠注射剂", "0.75g", "支", 12.6, "乙"), ("血常规", "", "次", 20.0, "甲"),
             ("肝功能检查", "", "项", 88.0, "甲"), ("胸部CT平扫", "", "次", 180.0, "甲"), ("一级护理", "", "日", 28.0, "甲"),
             ("床位费(三人间)", "", "日", 40.0, "甲"), ("阿托伐他汀钙片", "20mg*7", "盒", 16.5, "乙"), ("静脉输液", "", "组", 8.0, "甲"),
             ("一次性输液器", "", "支", 2.5, "乙"), ("心电图", "", "次", 25.0, "甲"), ("奥美拉唑肠溶胶囊", "20mg*14", "盒", 9.8, "甲")]
    docs, grand = [], 0.0
    title = rng.choice(["住院费用明细清单", "费用明细清单", "住院病人费用明细"])
    if S.held3:
        title = rng.choice(["住院患者费用明细清单", "住院费用明细单", "住院费用清单"])
    for pi in range(pages_n):
        doc = Doc(210, 297, S=S)
        doc.text(105 + S.dx, 12, hosp, 13 * S.k, S.f("sansb"), S.c("ink"), "m")
        doc.text(105 + S.dx, 21, title, 15 * S.k, S.f("sansb"), S.c("ink"), "m", spacing=0.8)
        if S.held3:
            fields3(doc, S, 15, 33, [("姓名", p["name"]), ("住院号", "%07d" % 1234567), ("入院日期", iso(a)), ("出院日期", iso(b))], 8.5 * S.k)
        else:
            doc.text(15, 33, "姓名%s%s   住院号%s%07d   入院日期%s%s   出院日期%s%s" % (S.sep, p["name"], S.sep, 1234567 + pi * 0, S.sep, iso(a), S.sep, iso(b)),
                     8.5 * S.k, S.f("sans"), S.c("ink"))
        rows = [[(h, 1, True) for h in ["日期", "项目名称", "规格", "单位", "数量", "单价", "金额", "类别"]]]
        for _ in range(rng.randint(16, 24)):
            n = rng.choice(names)
            q = rng.randint(1, 6)
            grand += q * n[3]
            rows.append([(iso(rand_date(rng, a, b)), 1, False), (n[0], 1, False), (n[1], 1, False), (n[2], 1, False), (str(q), 1, False),
                         ("%.2f" % n[3], 1, False), ("%.2f" % (q * n[3]), 1, False), (n[4], 1, False)])
        y = grid(doc, S, 12, 40, [24, 50, 20, 12, 14, 20, 22, 24], rows, 8 * S.k, 7.0)
        if pi == pages_n - 1:
            doc.text(15, y + 4, "合计：%.2f 元" % grand, 10, S.f("sansb"), S.c("ink"))
        doc.text(105, 287, "第 %d 页 共 %d 页" % (pi + 1, pages_n), 8, S.f("sans"), (90, 90, 90), "m")
        docs.append(doc)
    return docs, {"name": p["name"]}, "%s %s, %d page(s), design %s" % (title, hosp, pages_n, S.name), {"total": "%.2f" % grand}


def k_poa(rng, S, c):
    if S.held4:
        return k_poa4(rng, S, c)
    pr, ag = c["principal"], c["agent"]
    v = rng.randrange(2)
    unit = c.get("company")
    doc = Doc(210, 297, S=S)
    ptitle = rng.choice(["授权委托书", "医疗保障业务授权委托书"]) if S.held3 else "授权委托书"
    doc.text(105 + S.dx, 28 + S.dy, ptitle, 22 * S.k if len(ptitle) < 6 else 18 * S.k, S.f("serifb" if v == 0 else "sansb"), S.c("ink"), "m", spacing=2 if len(ptitle) < 6 else 0.8)
    y = 50
    poa_agent_id = c.get("poa_agent_id", ag["id_number"])
    ag = dict(ag, name=c["poa_agent_name"]) if "poa_agent_name" in c else ag   # heldout3: the name on the letter, not the card
    if unit:
        items = [("委托单位", unit["name"]), ("统一社会信用代码", unit["uscc"]), ("受托人", ag["name"]), ("身份证号码", poa_agent_id)]
    else:
        items = [("委托人", pr["name"]), ("身份证号码", pr["id_number"]), ("受托人", ag["name"]), ("身份证号码", poa_agent_id)]
    if v == 0:
        y = kv(doc, S, 25, y, items, 12, 40, gap=2.3, font="serif", vfont="sans", under=110, stack=S.stack)
    else:
        y = grid(doc, S, 25, y, [40, 120], [[(l, 1, True), (val, 1, False)] for l, val in items], 11.5 * S.k, 12)
    matter = c.get("matter", rng.choice(["医疗保险参保登记", "医疗费用手工报销", "异地就医备案", "生育保险待遇申领", "单位参保信息变更"]))
    who = unit["name"] if unit else "本人" + pr["name"]
    body = "%s因%s，不能亲自到医疗保障经办机构办理%s业务，现委托%s（身份证号码：%s）代为办理，受托人在办理上述事项过程中所签署的有关文件，%s均予以承认，并承担相应的法律责任。" % (
        who, rng.choice(["工作原因", "身体原因", "在外地居住", "行动不便"]), matter, ag["name"], poa_agent_id, "本单位" if unit else "本人")
    y = doc.para(25, y + 8, 160, body, 12 * S.k, S.f("serif"), S.c("ink"), lh=1.9)
    d = rand_date(rng, dt.date(2026, 9, 1), dt.date(2026, 11, 28))
    y = doc.para(25, y + 4, 160, "委托期限：自%s至%s。" % (cn_date(d), cn_date(d + dt.timedelta(days=rng.choice([30, 90, 180])))), 12 * S.k, S.f("serif"), S.c("ink"))
    doc.text(110, y + 16, ("委托单位（盖章）：" if unit else "委托人（签字）："), 12, S.f("serif"), S.c("ink"))
    if unit:
        doc.seal(165, y + 18, 40, unit["name"])
    else:
        doc.sign(150, y + 13, 30, 11, rng.randrange(10 ** 6))
    doc.text(110, y + 32, "受托人（签字）：", 12, S.f("serif"), S.c("ink"))
    doc.sign(150, y + 29, 30, 11, rng.randrange(10 ** 6))
    doc.text(110, y + 48, cn_date(d, True), 12, S.f("serif"), S.c("ink"))
    facts = {"principal_name": unit["name"] if unit else pr["name"], "agent_name": ag["name"], "agent_id_number": poa_agent_id}
    if not unit:
        facts["principal_id_number"] = pr["id_number"]
    planted = ", PLANTED MISMATCH: the 受托人 ID number is one digit off the agent's ID card and fails its check digit" if poa_agent_id != ag["id_number"] else ""
    if "poa_agent_name" in c:
        planted = ", PLANTED MISMATCH: the 受托人 name has one character replaced by a same-sounding one (the agent's ID card and the submission agree)"
    return [doc], facts, "%s (%s), design %s/%d%s" % (ptitle, "unit principal" if unit else "person principal", S.name, v, planted), {"matter": matter}


COMMIT_TITLES = None


def commitment_titles():
    global COMMIT_TITLES
    if COMMIT_TITLES is None:
        import glob
        import yaml
        out = set()

        def walk(o):
            if isinstance(o, dict):
                t = o.get("title")
                if isinstance(t, str) and "承诺书" in t:
                    out.add(t)
                for x in o.values():
                    walk(x)
            elif isinstance(o, list):
                for x in o:
                    walk(x)
        for f in sorted(glob.glob(os.path.join(fx.REPO, "forms", "named", "*.yaml"))):
            with open(f, encoding="utf-8") as fh:
                walk(yaml.safe_load(fh))
        COMMIT_TITLES = sorted(out)
    return COMMIT_TITLES


def k_commitment(rng, S, c):
    if S.held4:
        return k_commitment4(rng, S, c)
    p, v = c["person"], rng.randrange(2)
    title = c.get("commit_title") or rng.choice(commitment_titles())
    doc = Doc(210, 297, S=S)
    y = doc.para(25, 26 + S.dy, 160, title, 19 * S.k, S.f("sansb" if v == 0 else "serifb"), S.c("ink"), lh=1.4, indent=0) if len(title) > 14 else None
    if y is None:
        doc.text(105, 26 + S.dy, title, 19 * S.k, S.f("sansb" if v == 0 else "serifb"), S.c("ink"), "m", spacing=1.0)
        y = 40 + S.dy
    doc.text(25, y + 8, "%s医疗保障局：" % PLACES[p["area"]][0].replace("山东省", ""), 12, S.f("serif"), S.c("ink"))
    body = "本人%s，身份证号码%s，现申请办理%s。本人郑重承诺：%s所提供的材料及填报的信息真实、准确、完整，如有虚假，本人愿意退回已享受的待遇并承担相应的法律责任。" % (
        p["name"], p["id_number"], c.get("matter", "相关医疗保障业务"),
        rng.choice(["本人配偶目前无工作单位，未参加职工基本医疗保险；", "本次医疗费用未在其他任何单位或机构报销，", "本人长期居住在异地，", "本次受伤无第三方责任，", ""]))
    y = doc.para(25, y + 20, 160, body, 12 * S.k, S.f("serif" if v == 0 else "sans"), S.c("ink"), lh=2.0)
    y = doc.para(25, y + 4, 160, "特此承诺。", 12 * S.k, S.f("serif"), S.c("ink"), lh=2.0)
    doc.text(110, y + 20, "承诺人（签字）：", 12, S.f("serif"), S.c("ink"))
    doc.sign(150, y + 17, 30, 11, rng.randrange(10 ** 6))
    doc.text(110, y + 34, "联系电话：1%d" % rng.randrange(3 * 10 ** 9, 9 * 10 ** 9), 12, S.f("serif"), S.c("ink"))
    doc.text(110, y + 48, cn_date(rand_date(rng, dt.date(2026, 9, 1), dt.date(2026, 11, 28)), True), 12, S.f("serif"), S.c("ink"))
    return [doc], {"name": p["name"], "id_number": p["id_number"]}, "%s, design %s/%d" % (title, S.name, v), {"title": title}


def k_med_license(rng, S, c):
    if S.held4:
        return k_med_license4(rng, S, c)
    co = c["company"]
    v = rng.randrange(2)
    frm, until = c["lic_valid"]
    doc = Doc(297, 210, bg=(255, 255, 250), S=S)
    border(doc, S, 9, (30, 120, 70) if not S.held else S.c("label"))
    doc.image(140, 16, 17, 17, emblem())
    doc.text(148.5, 38 + S.dy, "医疗机构执业许可证", 24 * S.k, S.f("serifb"), (170, 20, 20) if v == 0 else S.c("ink"), "m", spacing=1.5)
    doc.text(148.5, 52 + S.dy, "（正本）" if v == 0 else "（副本）", 11, S.f("serif"), S.c("ink"), "m")
    org = co["uscc"][8:17]
    lic = org + co["area"] + "%02d%s%04d" % (rng.randint(10, 19), rng.choice("ABCDJ"), rng.randint(1001, 1999))
    items = [("机构名称", co["name"]), ("地    址", co["address"]), ("法定代表人", co["rep"]["name"]), ("主要负责人", co["rep"]["name"]),
             ("诊疗科目", rng.choice(["内科；外科；预防保健科；医学检验科", "全科医疗科；中医科；口腔科", "内科；妇产科；儿科；医学影像科"])),
             ("登  记  号", lic), ("有效期限", "自%s至%s" % (cn_date(frm), cn_date(until)))]
    y = 66 + S.dy
    for lab, val in items:
        if S.held3:
            label3(doc, S, 40 + S.dx, y, lab.replace(" ", ""), 11.5 * S.k, "serif", 36, two_ok=False)
            value3(doc, S, 80 + S.dx, y, val, 11.5 * S.k, "mono" if "登" in lab else "serif", deco=lab.startswith(("登", "机构")))
            y += 12
            continue
        doc.text(40 + S.dx, y, lab, 11.5 * S.k, S.f("serif"), S.c("ink"))
        doc.text(80 + S.dx, y, val, 11.5 * S.k, S.f("mono" if "登" in lab else "serif"), S.c("ink"))
        y += 12
    auth = PLACES[co["area"]][0].replace("山东省", "") + "卫生健康局"
    doc.text(225, 168, "发证机关：" + auth, 10, S.f("serif"), S.c("ink"), "m")
    doc.text(225, 177, cn_date(frm), 10, S.f("serif"), S.c("ink"), "m")
    doc.seal(230, 166, 40, auth)
    exp = until < TODAY
    return [doc], {"unit_name": co["name"], "license_number": lic, "valid_from": iso(frm), "valid_until": iso(until)}, \
        "医疗机构执业许可证, design %s/%d%s" % (S.name, v, ", EXPIRED" if exp else ""), {"expired": exp}


def k_drug_license(rng, S, c):
    if S.held4:
        return k_drug_license4(rng, S, c)
    co = c["company"]
    v = rng.randrange(2)
    frm, until = c["lic_valid"]
    land = v == 0
    doc = Doc(297 if land else 210, 210 if land else 297, bg=(253, 253, 255), S=S)
    border(doc, S, 9, (40, 80, 160) if not S.held else S.c("label"))
    W = doc.w
    doc.text(W / 2, 24 + S.dy, "药品经营许可证", 26 * S.k, S.f("serifb"), (170, 20, 20), "m", spacing=2)
    doc.text(W / 2, 40 + S.dy, "（正本）" if land else "（副本）", 11, S.f("serif"), S.c("ink"), "m")
    lic = "鲁%s%s%04d" % (rng.choice(["AA", "DA", "CA", "CB"]), "539", rng.randrange(10000))
    items = [("证    号", lic), ("企业名称", co["name"]), ("统一社会信用代码", co["uscc"]), ("注册地址", co["address"]), ("法定代表人", co["rep"]["name"]),
             ("企业负责人", co["rep"]["name"]), ("质量负责人", fake_name(rng, True)), ("经营方式", rng.choice(["零售", "零售（单体）", "零售（连锁）"])),
             ("经营范围", "中成药、化学药、生物制品（除疫苗）"), ("有效期至", cn_date(until))]
    y = 54 + S.dy
    x = 30 if land else 22
    for lab, val in items:
        if S.held3:
            label3(doc, S, x + S.dx, y, lab.replace(" ", ""), 11 * S.k, "serif", 38, two_ok=False)
            vf, room = "mono" if lab.startswith(("证", "统")) else "serif", W - x - 90 if land else 130
            if doc.width(val, 11 * S.k, S.f(vf)) <= room:
                value3(doc, S, x + 42 + S.dx, y, val, 11 * S.k, vf, deco=lab.startswith(("证", "企业名称", "有效")))
                y += 11 * S.k * 25.4 / 72 * 1.5 + 3.5 + (0.8 if S.deco == "box" else 0)
            else:
                y = doc.para(x + 42 + S.dx, y, room, val, 11 * S.k, S.f(vf), S.c("value"), lh=1.5, indent=0) + 3.5
            continue
        doc.text(x + S.dx, y, lab, 11 * S.k, S.f("serif"), S.c("ink"))
        y = doc.para(x + 42 + S.dx, y, W - x - 90 if land else 130, val, 11 * S.k, S.f("mono" if lab.startswith(("证", "统")) else "serif"), S.c("ink"), lh=1.5, indent=0) + 3.5
    auth = PLACES[co["area"]][0].replace("山东省", "")[:3] + "行政审批服务局"
    doc.text(W - 65, doc.h - 40, "发证机关：" + auth, 10, S.f("serif"), S.c("ink"), "m")
    doc.text(W - 65, doc.h - 31, "签发日期：" + cn_date(frm), 10, S.f("serif"), S.c("ink"), "m")
    doc.seal(W - 65, doc.h - 40, 40, auth)
    exp = until < TODAY
    return [doc], {"unit_name": co["name"], "license_number": lic, "uscc": co["uscc"], "valid_until": iso(until)}, \
        "药品经营许可证, design %s/%d%s" % (S.name, v, ", EXPIRED" if exp else ""), {"expired": exp}


def k_other(rng, S, c):
    if S.held3:
        return k_other3(rng, S, c)
    if S.held4:
        return k_other4(rng, S, c)
    t = c.get("other") or rng.choice(["menu", "notice", "bill", "blank"])
    if t == "menu":
        doc = Doc(210, 297, bg=(252, 246, 232), S=S)
        doc.text(105, 20, rng.choice(["沂蒙人家", "老街坊家常菜", "鲁味小馆"]) + " · 菜单", 24 * S.k, S.f("serifb"), (130, 40, 20), "m")
        y = 45
        for sec, dishes in [("热菜", ["糖醋里脊", "葱烧海参", "九转大肠", "爆炒腰花", "把子肉", "沂蒙炒鸡"]), ("凉菜", ["拍黄瓜", "老醋花生", "凉拌木耳"]), ("主食", ["煎饼", "水饺（斤）", "米饭"])]:
            doc.text(25, y, sec, 15, S.f("sansb"), (130, 40, 20))
            y += 10
            for dname in dishes:
                doc.text(35, y, dname, 12, S.f("serif"), S.c("ink"))
                doc.text(175, y, "¥%d" % rng.randint(6, 128), 12, S.f("sans"), S.c("ink"), "r")
                y += 8.5
            y += 5
        note = "餐厅菜单"
    elif t == "notice":
        doc = Doc(210, 297, S=S)
        sch = PLACES[rng.choice(list(PLACES))][0].replace("山东省", "") + rng.choice(["实验小学", "第一中学", "育才小学"])
        doc.text(105, 30, "关于2027年寒假放假安排的通知", 17 * S.k, S.f("sansb"), S.c("ink"), "m")
        doc.text(25, 48, "各位家长：", 12, S.f("serif"), S.c("ink"))
        y = doc.para(25, 60, 160, "根据上级教育主管部门安排，我校寒假时间为2027年1月18日至2月20日，2月21日正式开学。假期中请家长做好孩子的安全教育，合理安排作息，按时完成寒假作业。", 12, S.f("serif"), S.c("ink"), lh=1.9)
        doc.text(150, y + 20, sch, 12, S.f("serif"), S.c("ink"), "m")
        doc.text(150, y + 30, "2026年12月20日", 12, S.f("serif"), S.c("ink"), "m")
        note = "学校通知"
    elif t == "bill":
        doc = Doc(210, 140, S=S)
        doc.text(105, 12, rng.choice(["国网山东省电力公司 电费缴费通知单", "临沂市自来水有限公司 水费通知单", "燃气费缴费通知单"]), 14 * S.k, S.f("sansb"), S.c("ink"), "m")
        grid(doc, S, 15, 30, [40, 60, 30, 50], [[("户号", 1, True), ("%010d" % rng.randrange(10 ** 10), 1, False), ("户名", 1, True), (fake_name(rng, False), 1, False)],
                                               [("本期用量", 1, True), ("%d" % rng.randint(80, 600), 1, False), ("应缴金额", 1, True), ("%.2f元" % rng.uniform(30, 400), 1, False)],
                                               [("抄表日期", 1, True), ("2026-11-%02d" % rng.randint(1, 28), 1, False), ("缴费截止", 1, True), ("2026-12-%02d" % rng.randint(10, 28), 1, False)]],
             10, 10)
        note = "水电燃气缴费单"
    else:
        doc = Doc(210, 297, S=S)
        doc.text(rng.uniform(30, 120), rng.uniform(40, 200), rng.choice(["此页空白", "以下空白", "（本页无正文）", "备注："]), 12, S.f("sans"), (80, 80, 80))
        note = "blank page with a few words"
    return [doc], {}, "other: %s, design %s" % (note, S.name), {}


# --------------------------------------------------------------------------------------------
# heldout3's own layouts of a few kinds (the other kinds take heldout3's look from kv3, grid3, label3 …)

def patient_line3(doc, S, y, p, extra):
    """heldout3's patient line: label/value pairs, then a rule; extra: more (label, value) pairs."""
    age = (TODAY - p["birth"]).days // 365
    fields3(doc, S, 20, y, [("姓名", p["name"]), ("性别", p["sex"]), ("年龄", "%d岁" % age)] + extra, 10.5 * S.k, gap=5)
    doc.line(18, y + 7, doc.w - 18, y + 7, 0.3, S.c("label"))
    return y + 11


def portrait_frame(doc, S, x, y, w, h, img):
    doc.image(x, y, w, h, img)
    doc.rect(x - 0.4, y - 0.4, x + w + 0.4, y + h + 0.4, outline=S.c("pattern"), w=0.25)


def k_id_front3(rng, S, c):
    p = c["person"]
    v = rng.randrange(2)
    doc = Doc(CARD_W, CARD_H, S=S, card=True)
    card_bg(doc, S, rng, S.c("tint") if v == 0 else (248, 250, 250), S.c("pattern"))
    lab, ink = S.c("label"), S.c("value")
    x0, y0 = 5.0 + S.dx * 0.3, 6.8 + S.dy * 0.3
    sz = 7.0 * S.k
    sf = S.f("sans")

    def L(x, y, s, room=9.5):
        doc.text(x, y, s, 6.3, sf, lab, spacing=spaced(doc, s, 6.3, sf, S.lsp, room))
    L(x0, y0, "姓名")
    doc.text(x0 + 11, y0 - 0.5, p["name"], 9.6 * S.k, S.f("sansb"), ink)
    L(x0, y0 + 7, "性别")
    doc.text(x0 + 11, y0 + 7, p["sex"], sz, sf, ink)
    L(x0 + 19.5, y0 + 7, "民族", 8.5)
    doc.text(x0 + 30, y0 + 7, p["nation"], sz, sf, ink)
    b = p["birth"]
    L(x0, y0 + 13.5, "出生")
    doc.text(x0 + 11, y0 + 13.5, "%d 年 %d 月 %d 日" % (b.year, b.month, b.day), sz, sf, ink)
    L(x0, y0 + 20, "住址")
    y, line = y0 + 20, ""
    for ch in p["address"]:
        if doc.width(line + ch, sz, sf) > 35:
            doc.text(x0 + 11, y, line, sz, sf, ink)
            y += 4.1
            line = ""
        line += ch
    doc.text(x0 + 11, y, line, sz, sf, ink)
    yn = 43.6 + S.dy * 0.2
    doc.text(x0, yn + 0.6, "公民身份号码", 6.3, sf, lab, spacing=0.15)
    nsz = 9.8 * S.k
    room = CARD_W - 4.5 - (x0 + 21.5)
    nsp = spaced(doc, p["id_number"], nsz, S.f("mono"), rng.uniform(0.6, 0.9), room)
    doc.text(x0 + 21.5, yn, p["id_number"], nsz, S.f("mono"), ink, spacing=nsp)
    pw = rng.uniform(21, 24)
    px, py = CARD_W - pw - rng.uniform(3.5, 6.5), rng.uniform(4.5, 7.5)
    (portrait_frame if v == 1 else doc.image)(*((doc, S) if v == 1 else ()), px, py, pw, pw * 1.26,
                                               portrait(rng, p["female"], S.c("tint") if v == 0 else (248, 250, 250)))
    return [doc], {"name": p["name"], "id_number": p["id_number"]}, \
        "居民身份证 人像面, design %s/%d (portrait %.1f mm wide at %.1f/%.1f mm%s)" % (S.name, v, pw, px, py, ", framed" if v == 1 else ""), {}


def k_id_back3(rng, S, c):
    p = c["person"]
    v = rng.randrange(2)
    doc = Doc(CARD_W, CARD_H, S=S, card=True)
    card_bg(doc, S, rng, S.c("tint") if v == 0 else (250, 249, 244), S.c("pattern"))
    e = rng.uniform(14, 17)
    doc.image(5.5 + S.dx * 0.3, 4.5, e, e, emblem())
    big = S.f("serifb" if v == 0 else "sansb")
    doc.text(28 + S.dx * 0.3, 6.5, "中华人民共和国", 11.5 * S.k, big, S.c("ink"), spacing=1.3)
    doc.text(26 + S.dx * 0.3, 15.5, "居民身份证", 18.5 * S.k, big, S.c("ink"), spacing=2.2)
    frm, until = c["id_valid"]
    label3(doc, S, 13, 36.6, "签发机关", 6.3, "sans", 14, two_ok=False)
    value3(doc, S, 29, 36, p["authority"], 7.6 * S.k, "sans", deco=False)
    label3(doc, S, 13, 43.6, "有效期限", 6.3, "sans", 14, two_ok=False)
    value3(doc, S, 29, 43, "%s-%s" % (dotted(frm), dotted(until)), 7.6 * S.k, "sans", deco=False)
    exp = until != "长期" and until < TODAY
    return [doc], {"valid_from": iso(frm), "valid_until": iso(until)}, "居民身份证 国徽面, design %s/%d%s" % (S.name, v, ", EXPIRED" if exp else ""), {"expired": exp}


def contactless(doc, x, y, colour):
    for i, r in enumerate((1.2, 2.2, 3.2)):
        doc.poly([(x + r * math.cos(a), y + r * math.sin(a)) for a in np.linspace(-0.9, 0.9, 12)], 0.35, colour)


def k_ssc3(rng, S, c):
    """第三代社会保障卡: 中华人民共和国 / 社会保障卡 with a 第三代 tag, or a band titled 第三代社会保障卡."""
    p = c["person"]
    v = rng.randrange(2)
    bank = c.get("bank") or rng.choice(BANKS)
    doc = Doc(CARD_W, CARD_H, S=S, card=True)
    blue, red = (16, 62, 140), (206, 36, 40)
    base = (240, 246, 252) if v == 0 else S.c("tint")
    card_bg(doc, S, rng, base, (200, 218, 238) if v == 0 else S.c("pattern"))
    bank_col = (170, 30, 30) if "农" not in bank[0] else (20, 110, 80)
    items = [("姓名", p["name"]), ("社会保障号码", p["id_number"]), ("社会保障卡号", c["ssc_no"]), ("发卡日期", c["ssc_date"])]
    if v == 0:
        title = "中华人民共和国社会保障卡（第三代）"
        doc.ellipse(4, 3, 12, 11, outline=blue, w=0.6)
        doc.ellipse(6.3, 5.3, 9.7, 8.7, fill=red)
        doc.text(14, 2.4, "中华人民共和国", 6.0, S.f("sansb"), blue, spacing=0.9)
        doc.text(14, 5.4, "社会保障卡", 12 * S.k, S.f("sansb"), blue, spacing=0.8)
        tx = 14 + doc.width("社会保障卡", 12 * S.k, S.f("sansb"), 0.8) + 2.0
        doc.rect(tx, 6.4, tx + 11, 10.6, fill=red)
        doc.text(tx + 5.5, 7.0, "第三代", 6.2, S.f("sansb"), (255, 255, 255), "m", spacing=0.3)
        doc.text(CARD_W - 3, 3.2, bank[0], 6.6 * S.k, S.f("sansb"), bank_col, "r")
        chip(doc, 7, 14.5)
        contactless(doc, 21, 18.7, blue)
        pw = rng.uniform(16.5, 18.5)
        doc.image(CARD_W - pw - 4.5, 15, pw, pw * 1.27, portrait(rng, p["female"], base))
        kv(doc, S, 7, 26.5, items, 7.0, 20, gap=1.72)
        doc.text(7, CARD_H - 4.6, "山东省人力资源和社会保障厅", 5.0, S.f("sans"), blue, spacing=0.2)
    else:
        title = "第三代社会保障卡"
        doc.rect(0, 0, CARD_W, 10.5, fill=S.c("label"))
        doc.text(4, 2.1, title, 10.5 * S.k, S.f("sansb"), (255, 255, 255), spacing=0.5)
        doc.text(CARD_W - 3, 3.0, bank[0], 6.6 * S.k, S.f("sansb"), (255, 255, 255), "r")
        pw = rng.uniform(16, 18)
        portrait_frame(doc, S, 5, 14, pw, pw * 1.27, portrait(rng, p["female"], base))
        chip(doc, CARD_W - 16, 13.5)
        contactless(doc, CARD_W - 19.5, 17.7, S.c("label"))
        kv(doc, S, 7 + pw, 25, items, 7.0, 19.5, gap=1.72)
    doc.text(CARD_W - 4, CARD_H - 5, "UnionPay 银联", 6, S.f("sansb"), (20, 60, 130), "r")
    return [doc], {"name": p["name"], "id_number": p["id_number"], "card_number": c["ssc_no"]}, "社会保障卡 (%s, %s), design %s/%d" % (title, bank[0], S.name, v), {}


def k_residence_permit3(rng, S, c):
    """山东省居住证 with the portrait on the left and the fields beside it."""
    p = c["person"]
    v = rng.randrange(2)
    frm, until = c["rp_valid"]
    doc = Doc(CARD_W, CARD_H, S=S, card=True)
    card_bg(doc, S, rng, S.c("tint"), S.c("pattern"))
    if v == 0:
        doc.text(CARD_W / 2 + 6, 2.6, "山东省居住证", 11.5 * S.k, S.f("serifb"), S.c("accent"), "m", spacing=1.4)
    else:
        doc.text(24, 1.8, "山东省", 6.2, S.f("sansb"), S.c("accent"), spacing=1.2)
        doc.text(38, 1.6, "居住证", 12 * S.k, S.f("serifb"), S.c("accent"), spacing=2.6)
    items = [("姓名", p["name"]), ("性别", p["sex"] + "    民族 " + p["nation"]), ("出生", cn_date(p["birth"])),
             ("居住地址", c["rp_address"]), ("公民身份号码", p["id_number"]), ("签发机关", c["rp_authority"]),
             ("有效期限", "%s-%s" % (dotted(frm), dotted(until)))]
    y, xl, xv, right = 11.5, 23.5, 38.5, CARD_W - 3.5
    for lab, val in items:
        label3(doc, S, xl, y + 0.3, lab, 5.6, "sans", 13.4, two_ok=False)
        f = S.f("mono" if lab == "公民身份号码" else "sans")
        sz = 6.4 * S.k
        lines = [val]
        if lab == "居住地址":
            while True:
                lines, cur = [], ""
                for ch in val:
                    if doc.width(cur + ch, sz, f) > right - xv:
                        lines.append(cur)
                        cur = ""
                    cur += ch
                lines.append(cur)
                if len(lines) <= 2 or sz < 5:
                    break
                sz -= 0.3
        for ln in lines:
            doc.text(xv, y, ln, sz, f, S.c("value"))
            y += 3.3
        y += 1.45
    pw = 16.5
    (portrait_frame if v == 1 else doc.image)(*((doc, S) if v == 1 else ()), 4, 12, pw, pw * 1.3, portrait(rng, p["female"], S.c("tint")))
    exp = until < TODAY
    return [doc], {"name": p["name"], "id_number": p["id_number"], "valid_from": iso(frm), "valid_until": iso(until)}, \
        "山东省居住证 (portrait left), design %s/%d%s" % (S.name, v, ", EXPIRED" if exp else ""), {"expired": exp}


def k_invoice3(rng, S, c):
    """heldout3's invoices: 山东省医疗收费票据 with an 电子 badge, 门诊/住院 票据 with （电子） on a line of its own,
    all with one column of coded items and an 其他信息 block; or a 电子发票（普通发票） (数电票) of the hospital."""
    p = c["person"]
    t = c.get("invoice_type") or rng.choice(["general", "general", "outpatient", "inpatient", "digital"])
    hosp = c.get("hospital") or rng.choice(HOSP)
    if t == "digital":
        return invoice_digital(rng, S, c, p, hosp)
    doc = Doc(230, 150, S=S)
    items = [(n, round(rng.uniform(8, 1800), 2)) for n in rng.sample(FEE_ITEMS, rng.randint(3, 7))]
    total = round(sum(a for _, a in items), 2)
    d = c.get("discharge") or rand_date(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 25))
    col = S.c("accent")
    tf = S.f("serifb")
    if t == "general":
        title = "山东省医疗收费票据"
        doc.text(115 + S.dx, 9 + S.dy, title, 17 * S.k, tf, col, "m", spacing=0.8)
        bx = 115 + S.dx + doc.width(title, 17 * S.k, tf, 0.8) / 2 + 3
        doc.rect(bx, 10 + S.dy, bx + 14, 16.5 + S.dy, outline=col, w=0.4)
        doc.text(bx + 7, 11.2 + S.dy, "电子", 9, S.f("sansb"), col, "m", spacing=0.8)
        ty = 22 + S.dy
    else:
        title = "山东省医疗%s收费票据" % ("门诊" if t == "outpatient" else "住院")
        doc.text(115 + S.dx, 8 + S.dy, title, 17 * S.k, tf, col, "m", spacing=0.8)
        doc.text(115 + S.dx, 17 + S.dy, "（电子）", 11, S.f("sans"), col, "m")
        ty = 24 + S.dy
    doc.line(70, ty, 160, ty, 0.3, col)
    doc.image(12, 8, 20, 20, qr_block(rng, 21))
    code, num = "37%06d" % rng.randrange(10 ** 6), "%010d" % rng.randrange(10 ** 10)
    check = "".join(rng.choice("0123456789abcdef") for _ in range(6))
    kv(doc, S, 166, 8, [("票据代码", code), ("票据号码", num), ("校验码", check), ("开票日期", cn_date(d))], 8, 16, gap=1.55, lcol=col)
    y = ty + 6
    lw = label3(doc, S, 12, y, "交款人统一社会信用代码", 8.5 * S.k, "sans", 24, lcol=col)
    value3(doc, S, 12 + lw + 3, y, p["id_number"], 8.5 * S.k, "sans")
    label3(doc, S, 128, y, "交款人", 8.5 * S.k, "sans", 13, lcol=col)
    value3(doc, S, 142, y, p["name"], 8.5 * S.k, "sans")
    rows = [[("项目编码", 1, True), ("项目名称", 1, True), ("数量", 1, True), ("单位", 1, True), ("金额（元）", 1, True), ("备注", 1, True)]]
    for i, (n, a) in enumerate(items):
        rows.append([("%02d%04d" % (FEE_ITEMS.index(n) + 1, rng.randrange(10000)), 1, False), (n, 1, False), ("1", 1, False), ("项", 1, False),
                     ("%.2f" % a, 1, False), ("", 1, False)])
    rows.append([("金额合计（大写）", 2, True), (rmb_upper(total), 2, False), ("（小写）", 1, True), ("¥%.2f" % total, 1, False)])
    y = grid(doc, S, 12, y + 9, [30, 56, 20, 20, 40, 40], rows, 8.5 * S.k, 6.6, colour=col)
    doc.text(12, y + 2.5, "其他信息", 8.5, S.f("sansb"), col)
    other = [("业务流水号", "%012d" % rng.randrange(10 ** 12)), ("%s号" % ("住院" if t == "inpatient" else "门诊"), "%08d" % rng.randrange(10 ** 8)),
             ("就诊日期", iso(d)), ("医保类型", rng.choice(["职工基本医疗保险", "城乡居民基本医疗保险"]))]
    if t == "inpatient":
        fund = round(total * rng.uniform(0.4, 0.75), 2)
        other += [("医保统筹基金支付", "%.2f" % fund), ("个人现金支付", "%.2f" % (total - fund))]
    else:
        acc = round(total * rng.uniform(0.0, 0.5), 2)
        other += [("个人账户支付", "%.2f" % acc), ("个人现金支付", "%.2f" % (total - acc))]
    yo = y + 7.5
    for i, (l, val) in enumerate(other):
        fields3(doc, S, 14 + (i % 2) * 104, yo + (i // 2) * 5.2, [(l, val)], 7.8 * S.k)
    yb = yo + 3 * 5.2 + 3
    doc.text(12, yb, "收款单位（章）：" + hosp, 8.5, S.f("sans"), S.c("ink"))
    doc.text(140, yb, "复核人：" + fake_name(rng, True) + "   收款人：" + fake_name(rng, False), 8.5, S.f("sans"), S.c("ink"))
    doc.seal(12 + doc.width("收款单位（章）：" + hosp, 8.5, S.f("sans")) + 16, yb + 1.5, 30, hosp + "财务专用章"[:2], oval=True)
    return [doc], {"name": p["name"]}, "%s（电子）%s, heldout3 e-bill layout, design %s" % (title, hosp, S.name), {"total": "%.2f" % total, "invoice_number": num}


def invoice_digital(rng, S, c, p, hosp):
    """电子发票（普通发票）: buyer and seller blocks, coded items with 免税, 价税合计."""
    doc = Doc(240, 140, S=S)
    col = (150, 80, 40)
    items = [(n, round(rng.uniform(8, 1800), 2)) for n in rng.sample(FEE_ITEMS, rng.randint(3, 6))]
    total = round(sum(a for _, a in items), 2)
    d = c.get("discharge") or rand_date(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 25))
    num = "26%s%014d" % (rng.choice(["37", "37", "37"]), rng.randrange(10 ** 14))
    doc.text(120 + S.dx, 9 + S.dy, "电子发票（普通发票）", 17 * S.k, S.f("serifb"), col, "m", spacing=0.6)
    doc.line(82, 19 + S.dy, 158, 19 + S.dy, 0.3, col)
    doc.line(82, 20.2 + S.dy, 158, 20.2 + S.dy, 0.3, col)
    doc.seal(120, 30 + S.dy, 26, "全国统一发票监制章", colour=(200, 40, 40), oval=True)
    doc.image(10, 6, 20, 20, qr_block(rng, 21))
    kv(doc, S, 168, 10, [("发票号码", num), ("开票日期", cn_date(d))], 8, 15, gap=1.6, lcol=col)
    y0 = 38
    doc.rect(10, y0, 230, y0 + 22, outline=col, w=0.3)
    doc.line(120, y0, 120, y0 + 22, 0.3, col)
    for x, who in ((10, "购买方信息"), (120, "销售方信息")):
        doc.rect(x, y0, x + 7, y0 + 22, outline=col, w=0.3)
        for i, ch in enumerate(who[:3]):
            doc.text(x + 3.5, y0 + 2.5 + i * 4.2, ch, 8, S.f("sans"), col, "m")
    seller = uscc(rng, "371302", "12")
    fields3(doc, S, 19, y0 + 4, [("名称", p["name"])], 8.5 * S.k)
    fields3(doc, S, 19, y0 + 12, [("统一社会信用代码/纳税人识别号", p["id_number"])], 7.6 * S.k)
    fields3(doc, S, 129, y0 + 4, [("名称", hosp)], 8.5 * S.k)
    fields3(doc, S, 129, y0 + 12, [("统一社会信用代码/纳税人识别号", seller)], 7.6 * S.k)
    rows = [[("项目名称", 1, True), ("单位", 1, True), ("数量", 1, True), ("单价", 1, True), ("金额", 1, True), ("税率/征收率", 1, True), ("税额", 1, True)]]
    for n, a in items:
        rows.append([("*医疗服务*" + n, 1, False), ("项", 1, False), ("1", 1, False), ("%.2f" % a, 1, False), ("%.2f" % a, 1, False), ("免税", 1, False), ("***", 1, False)])
    rows.append([("合　　计", 1, True), ("", 3, False), ("¥%.2f" % total, 1, False), ("", 1, False), ("***", 1, False)])
    rows.append([("价税合计（大写）", 1, True), (rmb_upper(total), 3, False), ("（小写）", 1, True), ("¥%.2f" % total, 2, False)])
    y = grid(doc, S, 10, y0 + 22, [58, 16, 16, 30, 30, 34, 36], rows, 8 * S.k, 6.4, colour=col)
    doc.rect(10, y, 230, y + 12, outline=col, w=0.3)
    doc.text(12, y + 2, "备注", 8, S.f("sans"), col)
    fields3(doc, S, 26, y + 2, [("就诊日期", iso(d)), ("医保类型", rng.choice(["职工基本医疗保险", "城乡居民基本医疗保险"]))], 7.6 * S.k)
    doc.text(12, y + 16, "开票人：" + fake_name(rng, True), 8.5, S.f("sans"), S.c("ink"))
    doc.seal(200, y + 6, 30, hosp + "发票专用章"[:2], oval=True)
    return [doc], {"name": p["name"]}, "电子发票（普通发票） %s, design %s" % (hosp, S.name), {"total": "%.2f" % total, "invoice_number": num}


def k_diagnosis3(rng, S, c):
    """诊断证明书 with a 门诊 head: 门诊诊断证明书, or 诊断证明书 under the hospital's 门诊部 line or with ■门诊 □住院."""
    p, v = c["person"], rng.randrange(2)
    doc = Doc(210, 297 if v == 0 else 148.5, S=S)
    hosp = c.get("hospital") or rng.choice(HOSP)
    dx, dept = c.get("diag") or rng.choice(DIAG)
    form = rng.choice(["title", "dept", "box"])
    y = 12 + S.dy
    doc.text(105 + S.dx, y, hosp + (" 门诊部" if form == "dept" else ""), 16 * S.k, S.f("serifb" if v == 0 else "sansb"), S.c("ink"), "m", spacing=0.6)
    title = "门诊诊断证明书" if form == "title" else "诊断证明书"
    doc.text(105 + S.dx, y + 10, title, 15 * S.k, S.f("sansb"), S.c("ink"), "m", spacing=1.6)
    y += 22
    d = c.get("visit", rand_date(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 25)))
    x = fields3(doc, S, 20, y, [("门诊号", "%09d" % rng.randrange(10 ** 9)), ("就诊日期", cn_date(d))], 9.5 * S.k, gap=6)
    if form == "box":
        doc.text(190, y, "■门诊  □住院", 9.5 * S.k, S.f("sans"), S.c("ink"), "r")
    y += 8
    age = (TODAY - p["birth"]).days // 365
    with_id = rng.random() < 0.6
    rows = [[("姓名", 1, True), (p["name"], 1, False), ("性别", 1, True), (p["sex"], 1, False), ("年龄", 1, True), ("%d岁" % age, 1, False)]]
    rows.append([("科别", 1, True), (dept, 1, False)] + ([("身份证号", 1, True), (p["id_number"], 3, False)] if with_id else [("", 4, False)]))
    y = grid(doc, S, 20, y, [22, 34, 22, 22, 22, 48], rows, 10.5 * S.k, 9) + 6
    label3(doc, S, 20, y, "诊断", 11 * S.k, "sansb", 16)
    value3(doc, S, 38, y, dx, 11 * S.k, "sans")
    y += 12
    label3(doc, S, 20, y, "处理意见", 11 * S.k, "sansb", 22)
    y = doc.para(44, y, 146, rng.choice(["注意休息，全休两周，定期复查。", "继续口服药物治疗，门诊随诊。", "建议住院治疗，病情稳定后门诊复查。"]),
                 11 * S.k, S.f("sans"), S.c("value"), indent=0)
    doc.text(120, y + 10, "医师签名：", 10.5, S.f("sans"), S.c("ink"))
    doc.sign(142, y + 7, 26, 10, rng.randrange(10 ** 6))
    doc.text(120, y + 22, "日期：" + cn_date(d), 10.5, S.f("sans"), S.c("ink"))
    doc.seal(92, y + 18, 36, hosp + "门诊部")
    doc.text(20, doc.h - 14, "注：本证明书加盖医院门诊诊断证明专用章后有效，涂改无效。", 8, S.f("sans"), (100, 100, 100))
    facts = {"name": p["name"]} | ({"id_number": p["id_number"]} if with_id else {})
    return [doc], facts, "%s %s (门诊 head: %s), design %s/%d" % (title, hosp, {"title": "in the title", "dept": "门诊部 after the hospital", "box": "■门诊 □住院"}[form], S.name, v), {"diagnosis": dx}


def k_other3(rng, S, c):
    t = c.get("other") or rng.choice(["train", "property", "signin", "receipt"])
    if t == "train":   # a blue 火车票 (报销凭证): a name and a masked ID number, but no 医保 material
        doc = Doc(87, 54, bg=(196, 222, 240), S=S)
        doc.waves(0, 2, 87, 52, (170, 204, 230), 14, rng, 1.2)
        f, fb = S.f("sans"), S.f("sansb")
        doc.text(5, 3.5, "E%06d" % rng.randrange(10 ** 6), 8, S.f("mono"), (200, 30, 30))
        doc.text(60, 3.5, "%s站售" % rng.choice(["临沂北", "济南西", "青岛北"]), 6.5, f, S.c("ink"))
        a, b = rng.sample([("临沂北", "Linyibei"), ("济南西", "Jinanxi"), ("青岛北", "Qingdaobei"), ("淄博", "Zibo"), ("日照西", "Rizhaoxi")], 2)
        doc.text(6, 10, a[0] + " 站", 11, fb, S.c("ink"))
        doc.text(33, 11, "G%d" % rng.randint(100, 9999), 10, S.f("mono"), S.c("ink"))
        doc.text(57, 10, b[0] + " 站", 11, fb, S.c("ink"))
        doc.text(8, 16, a[1], 6, f, S.c("ink"))
        doc.text(59, 16, b[1], 6, f, S.c("ink"))
        when = dt.datetime(2026, rng.randint(6, 11), rng.randint(1, 28), rng.randint(6, 20), rng.choice([5, 15, 32, 48]))
        doc.text(6, 21, when.strftime("%Y年%m月%d日 %H:%M开"), 8, f, S.c("ink"))
        doc.text(56, 21, "%02d车%02d%s号" % (rng.randint(1, 16), rng.randint(1, 18), rng.choice("ABCDF")), 8, f, S.c("ink"))
        doc.text(6, 26.5, "￥%.1f元" % rng.choice([46.5, 93.0, 126.5, 188.0]), 9, fb, S.c("ink"))
        doc.text(56, 26.5, rng.choice(["二等座", "一等座"]), 8, f, S.c("ink"))
        doc.text(6, 31.5, "限乘当日当次车", 6.5, f, S.c("ink"))
        q = make_person(rng)
        doc.text(6, 36, q["id_number"][:10] + "****" + q["id_number"][14:] + " " + q["name"], 8, f, S.c("ink"))
        doc.rect(5, 41, 60, 47, outline=(90, 110, 140), w=0.25)
        doc.text(32.5, 42.2, "买票请到12306  发货请到95306", 5.5, f, S.c("ink"), "m")
        doc.text(6, 48.5, "%d%05d%s%06d" % (rng.randint(10, 99), rng.randrange(10 ** 5), "A", rng.randrange(10 ** 6)), 5.5, S.f("mono"), S.c("ink"))
        doc.image(66, 33, 16, 16, qr_block(rng, 21))
        note = "火车票 (报销凭证 of a train ride)"
    elif t == "property":
        doc = Doc(210, 148.5, S=S)
        doc.text(105, 12, rng.choice(["沂河花园", "金雀山小区", "滨河嘉苑"]) + "物业服务费缴费通知单", 15 * S.k, S.f("sansb"), S.c("ink"), "m")
        area = rng.uniform(68, 142)
        grid(doc, S, 15, 28, [30, 60, 30, 60], [[("房号", 1, True), ("%d号楼%d单元%d室" % (rng.randint(1, 30), rng.randint(1, 4), rng.randint(101, 2602)), 1, False), ("业主", 1, True), (fake_name(rng, rng.random() < 0.5), 1, False)],
                                               [("建筑面积", 1, True), ("%.2f㎡" % area, 1, False), ("单价", 1, True), ("1.20元/㎡·月", 1, False)],
                                               [("缴费期间", 1, True), ("2027.01.01-2027.12.31", 1, False), ("应缴金额", 1, True), ("%.2f元" % (area * 14.4), 1, False)]], 10, 10)
        doc.para(15, 68, 180, "请于2026年12月31日前到物业服务中心缴纳，逾期将按规定收取滞纳金。咨询电话：0539-%07d。" % rng.randrange(10 ** 7), 10, S.f("serif"), S.c("ink"))
        doc.text(160, 100, "物业服务中心", 11, S.f("serif"), S.c("ink"), "m")
        doc.text(160, 110, "2026年11月20日", 11, S.f("serif"), S.c("ink"), "m")
        note = "物业费缴费通知单"
    elif t == "signin":
        doc = Doc(210, 297, S=S)
        doc.text(105, 24, "%s居民议事会签到表" % rng.choice(["兰山街道", "柳青街道", "九曲街道"]), 17 * S.k, S.f("sansb"), S.c("ink"), "m")
        doc.text(25, 38, "时间：2026年11月%d日 上午9:00    地点：社区会议室" % rng.randint(2, 28), 10.5, S.f("sans"), S.c("ink"))
        rows = [[("序号", 1, True), ("姓名", 1, True), ("住址", 1, True), ("联系电话", 1, True), ("签名", 1, True)]]
        for i in range(rng.randint(8, 13)):
            rows.append([(str(i + 1), 1, False), (fake_name(rng, rng.random() < 0.5), 1, False), ("%d号楼%d单元" % (rng.randint(1, 30), rng.randint(1, 4)), 1, False),
                         ("1%d" % rng.randrange(3 * 10 ** 9, 9 * 10 ** 9), 1, False), ("", 1, False)])
        y = grid(doc, S, 20, 46, [16, 32, 42, 44, 36], rows, 10.5, 11)
        for i in range(len(rows) - 1):
            if rng.random() < 0.8:
                doc.sign(156, 46 + 11 * (i + 1) + 1.5, 28, 8, rng.randrange(10 ** 6))
        note = "会议签到表"
    else:   # a till receipt on thermal paper
        n = rng.randint(5, 9)
        doc = Doc(80, 60 + n * 9, S=S)
        f, m = S.f("sans"), S.f("mono")
        doc.text(40, 6, rng.choice(["家家悦超市", "银座超市", "华联超市"]) + rng.choice(["兰山店", "河东店", "沂水店"]), 11, S.f("sansb"), (40, 40, 40), "m")
        doc.text(40, 13, "购物小票", 9, f, (40, 40, 40), "m", spacing=1)
        doc.text(5, 20, "单号 %012d" % rng.randrange(10 ** 12), 7, m, (40, 40, 40))
        doc.line(4, 25, 76, 25, 0.2, (60, 60, 60))
        y, tot = 28, 0.0
        for _ in range(n):
            nm, pr = rng.choice([("鲜牛奶", 12.8), ("挂面", 6.5), ("鸡蛋", 15.9), ("大米5kg", 39.9), ("酱油", 9.9), ("苹果", 11.2), ("纸巾", 19.9), ("洗衣液", 29.9)])
            q = rng.randint(1, 3)
            tot += pr * q
            doc.text(5, y, nm, 8, f, (40, 40, 40))
            doc.text(48, y, "%d×%.2f" % (q, pr), 7.5, m, (40, 40, 40), "r")
            doc.text(75, y, "%.2f" % (pr * q), 7.5, m, (40, 40, 40), "r")
            y += 6.5
        doc.line(4, y + 1, 76, y + 1, 0.2, (60, 60, 60))
        doc.text(5, y + 4, "合计", 9, S.f("sansb"), (40, 40, 40))
        doc.text(75, y + 4, "%.2f" % tot, 9, m, (40, 40, 40), "r")
        doc.text(5, y + 11, "支付方式：%s" % rng.choice(["微信支付", "支付宝", "现金"]), 7.5, f, (40, 40, 40))
        doc.text(40, y + 19, "谢谢惠顾 欢迎再次光临", 7.5, f, (40, 40, 40), "m")
        note = "超市购物小票"
    return [doc], {}, "other: %s, design %s" % (note, S.name), {}


# --------------------------------------------------------------------------------------------
# heldout4's own looks and layouts (Style.held4): spread or right-aligned labels (kv4, grid4, fields4), pen-filled
# forms (pen4), and new layouts and title wordings of most kinds (k_*4)

PEN_INK = (26, 44, 138)


def spread(lab, m=4):
    """heldout4: a label spread to m characters' width with ideographic (and half-width) spaces: 姓　　名, 负 责 人."""
    lab = lab.replace(" ", "").replace("\u3000", "")
    gaps = len(lab) - 1
    if gaps < 1 or len(lab) >= m:
        return lab
    half = 2 * (m - len(lab))
    out = lab[0]
    for i in range(gaps):
        n = half // gaps + (1 if i < half % gaps else 0)
        out += "\u3000" * (n // 2) + " " * (n % 2) + lab[i + 1]
    return out


def fit(doc, text, size, font, room, least=4.5):
    """The largest size (pt, at most size) at which text fits room (mm)."""
    while doc.width(text, size, font) > room and size > least:
        size -= 0.25
    return size


def label4(doc, S, x, y, lab, size, font, lw, lcol=None):
    """heldout4: a label in the label colour, spread to four characters (S.align == "spread") from x, or right-aligned
    against x + lw; smaller when it must be to keep clear of the value."""
    f, col = S.f(font), lcol or S.c("label")
    t = (spread(lab) if S.align == "spread" else lab.replace(" ", "").replace("\u3000", "")) + S.sep
    sz = fit(doc, t, size, f, lw - 1.6)
    yy = y + (size - sz) * 25.4 / 72 * 0.55
    if S.align == "spread":
        doc.text(x, yy, t, sz, f, col)
    else:
        doc.text(x + lw - 1.6, yy, t, sz, f, col, "r")


def dotted_rule(doc, x0, x1, y, colour=(110, 110, 110)):
    xx = x0
    while xx < x1:
        doc.line(xx, y, min(x1, xx + 0.7), y, 0.2, colour)
        xx += 1.4


def kv4(doc, S, x, y, items, size, lw, gap, font, vfont, lcol, vcol, under):
    """kv for heldout4: spread or right-aligned labels in the label colour, values in ink, dotted rules under them
    where kv would underline."""
    sz = size * S.k
    em = sz * 25.4 / 72
    for lab, val in items:
        label4(doc, S, x, y, lab, sz, font, lw, lcol)
        doc.text(x + lw, y, val, sz, S.f(vfont), vcol or S.c("ink"))
        if under:
            dotted_rule(doc, x + lw - 1, x + lw + under, y + em * 1.2)
        y += em * gap
    return y


def grid4(doc, S, x, y, colw, rows, size, rowh, font, colour, fill_labels):
    """grid for heldout4: label cells tinted, labels centred (spread to four characters when short and there is room),
    values in ink with more padding, a heavier outer frame (S.rule == "double": a second line outside it)."""
    xs = [x]
    for w in colw:
        xs.append(xs[-1] + w)
    f = S.f(font)
    y0 = y
    tint = fill_labels or S.c("tint")
    for r in rows:
        ci = 0
        for text, span, lab in r:
            x0, x1 = xs[ci], xs[min(len(xs) - 1, ci + span)]
            if lab:
                doc.rect(x0, y, x1, y + rowh, fill=tint)
            doc.rect(x0, y, x1, y + rowh, outline=colour, w=0.2)
            room = x1 - x0 - 2.6
            if text:
                t = text
                if lab and 1 < len(t) <= 3 and doc.width(spread(t), size, f) <= room:
                    t = spread(t)
                sz = fit(doc, t, size, f, room)
                yy = y + (rowh - sz * 25.4 / 72) / 2 - 0.35
                if lab:
                    doc.text((x0 + x1) / 2, yy, t, sz, f, S.c("label"), "m")
                else:
                    doc.text(x0 + 2.0, yy, t, sz, f, S.c("ink"))
            ci += span
        y += rowh
    doc.rect(x, y0, xs[-1], y, outline=colour, w=0.55)
    if S.rule == "double":
        doc.rect(x - 0.9, y0 - 0.9, xs[-1] + 0.9, y + 0.9, outline=colour, w=0.25)
    return y


def fields4(doc, S, x, y, pairs, size, font="sans", gap=5.0):
    """heldout4: one line of label/value pairs, labels in the label colour; returns the x after the line."""
    f = S.f(font)
    for lab, val in pairs:
        t = lab + S.sep
        doc.text(x, y, t, size, f, S.c("label"))
        x += doc.width(t, size, f) + (1.4 if not S.sep else 0.3)
        doc.text(x, y, val, size, f, S.c("ink"))
        x += doc.width(val, size, f) + gap
    return x


def pen4(doc, rng, x, y, s, size, colour=PEN_INK):
    """heldout4: a value written by hand in blue-black ink (LXGW WenKai Light), each character a little off the line,
    the spacing uneven; returns the width written. Marks the document as one that exists only on paper."""
    f = ("wenkai-l", 0)
    doc.paper_only = True
    x0 = x
    for ch in s:
        sz = size * rng.uniform(0.97, 1.06)
        doc.text(x, y + rng.uniform(-0.3, 0.3), ch, sz, f, colour)
        x += measure(ch, sz, f) + rng.uniform(0.1, 0.5)
    return x - x0


def blank4(doc, S, rng, x, y, val, size, width, printed_font="sans"):
    """heldout4: a form's blank (a rule) with its value written by pen (S.pen) or typed in; returns the x after it."""
    em = size * 25.4 / 72
    doc.line(x, y + em * 1.18, x + width, y + em * 1.18, 0.2, (70, 70, 70))
    if S.pen:
        pen4(doc, rng, x + 1.5, y - 0.6, val, size * 1.05)
    else:
        doc.text(x + 1.5, y, val, size, S.f(printed_font), S.c("ink"))
    return x + width


def rosette(doc, cx, cy, colour, n=16, step=3.0, squash=0.8):
    colour = tuple(int(v + (255 - v) * 0.35) for v in colour)
    for i in range(n):
        r = 3 + i * step
        doc.ellipse(cx - r, cy - r * squash, cx + r, cy + r * squash, outline=colour, w=0.12)


def k_id_front4(rng, S, c):
    """居民身份证 人像面 with a rosette behind the print instead of waves, labels in the label colour, the number set
    apart from its label."""
    p = c["person"]
    v = rng.randrange(2)
    doc = Doc(CARD_W, CARD_H, S=S, card=True)
    doc.rect(0, 0, CARD_W, CARD_H, fill=S.c("tint") if v == 0 else (250, 250, 247))
    rosette(doc, rng.uniform(56, 68), rng.uniform(20, 32), S.c("pattern"), n=18, step=rng.uniform(2.6, 3.4))
    lab, ink = S.c("label"), S.c("ink")
    sf = S.f("sans")
    x0, y0 = 5.0 + S.dx * 0.3, 5.0 + S.dy * 0.3
    sz = 7.0 * min(S.k, 1.08)
    lsz = 6.0
    doc.text(x0, y0 + 0.6, "姓　名" if v == 0 else "姓名", lsz, sf, lab)
    doc.text(x0 + 10.5, y0, p["name"], 9.4 * min(S.k, 1.1), S.f("sansb"), ink)
    doc.text(x0, y0 + 7, "性　别" if v == 0 else "性别", lsz, sf, lab)
    doc.text(x0 + 10.5, y0 + 7, p["sex"], sz, sf, ink)
    doc.text(x0 + 19, y0 + 7, "民　族" if v == 0 else "民族", lsz, sf, lab)
    doc.text(x0 + 29.5, y0 + 7, p["nation"], sz, sf, ink)
    b = p["birth"]
    doc.text(x0, y0 + 13.5, "出　生" if v == 0 else "出生", lsz, sf, lab)
    doc.text(x0 + 10.5, y0 + 13.5, "%d年 %d月 %d日" % (b.year, b.month, b.day) if v == 0 else cn_date(b), sz, sf, ink)
    doc.text(x0, y0 + 20, "住　址" if v == 0 else "住址", lsz, sf, lab)
    y, line = y0 + 20, ""
    for ch in p["address"]:
        if doc.width(line + ch, sz, sf) > 34:
            doc.text(x0 + 10.5, y, line, sz, sf, ink)
            y += 4.0
            line = ""
        line += ch
    doc.text(x0 + 10.5, y, line, sz, sf, ink)
    yn = 43.2 + S.dy * 0.15
    doc.text(x0, yn + 0.8, "公民身份号码", lsz, sf, lab)
    nsz = 9.6 * min(S.k, 1.12)
    xn = x0 + 24
    nsp = spaced(doc, p["id_number"], nsz, S.f("mono"), rng.uniform(0.3, 0.8), CARD_W - 3.5 - xn)
    doc.text(xn, yn, p["id_number"], nsz, S.f("mono"), ink, spacing=nsp)
    pw = rng.uniform(20, 23)
    px, py = CARD_W - pw - rng.uniform(4, 6), rng.uniform(5, 8)
    doc.image(px, py, pw, pw * 1.25, portrait(rng, p["female"], S.c("tint") if v == 0 else (250, 250, 247)))
    return [doc], {"name": p["name"], "id_number": p["id_number"]}, \
        "居民身份证 人像面, design %s/%d (rosette background, portrait %.1f mm wide)" % (S.name, v, pw), {}


def k_id_back4(rng, S, c):
    p = c["person"]
    v = rng.randrange(2)
    doc = Doc(CARD_W, CARD_H, S=S, card=True)
    doc.rect(0, 0, CARD_W, CARD_H, fill=S.c("tint") if v == 0 else (249, 250, 246))
    rosette(doc, rng.uniform(38, 48), rng.uniform(22, 30), S.c("pattern"), n=15, step=rng.uniform(2.8, 3.6), squash=0.6)
    e = rng.uniform(15, 17.5)
    doc.image(6 + S.dx * 0.3, 5, e, e, emblem())
    big = S.f("serifb" if v == 0 else "sansb")
    tx = 8 + e + 4
    doc.text(tx, 6.5, "中华人民共和国", 11.5 * min(S.k, 1.1), big, S.c("ink"), spacing=1.0)
    doc.text(tx - 1.5, 15.5, "居民身份证", 18 * min(S.k, 1.1), big, S.c("ink"), spacing=1.8)
    frm, until = c["id_valid"]
    lab = S.c("label")
    doc.text(12, 36.8, "签发机关", 6.2, S.f("sans"), lab)
    doc.text(28, 36.2, p["authority"], 7.4 * min(S.k, 1.08), S.f("sans"), S.c("ink"))
    doc.text(12, 43.8, "有效期限", 6.2, S.f("sans"), lab)
    doc.text(28, 43.2, "%s-%s" % (dotted(frm), dotted(until)), 7.4 * min(S.k, 1.08), S.f("sans"), S.c("ink"))
    exp = until != "长期" and until < TODAY
    return [doc], {"valid_from": iso(frm), "valid_until": iso(until)}, "居民身份证 国徽面, design %s/%d%s" % (S.name, v, ", EXPIRED" if exp else ""), {"expired": exp}


def k_ssc4(rng, S, c):
    """社会保障卡 with 中华人民共和国 small above a large 社会保障卡 and an English line, a colour band down the left
    edge; or a band across the top with 中华人民共和国社会保障卡 and the portrait on the left."""
    p = c["person"]
    v = rng.randrange(2)
    bank = c.get("bank") or rng.choice(BANKS)
    doc = Doc(CARD_W, CARD_H, S=S, card=True)
    base = (250, 250, 250) if v == 0 else S.c("tint")
    doc.rect(0, 0, CARD_W, CARD_H, fill=base)
    rosette(doc, CARD_W - 10, CARD_H - 6, S.c("pattern"), n=20, step=2.4, squash=0.7)
    items = [("姓名", p["name"]), ("社会保障号码", p["id_number"]), ("社会保障卡号", c["ssc_no"]), ("发卡日期", c["ssc_date"])]
    band = S.c("label")
    bank_col = (170, 30, 30) if "农" not in bank[0] else (20, 110, 80)
    if v == 0:
        title = "社会保障卡"
        doc.rect(0, 0, 5.5, CARD_H, fill=band)
        doc.text(9, 2.6, "中华人民共和国", 5.6, S.f("sansb"), band, spacing=0.7)
        doc.text(9, 5.6, "社会保障卡", 12.5 * min(S.k, 1.1), S.f("sansb"), band, spacing=1.1)
        doc.text(9, 12.4, "SOCIAL SECURITY CARD", 4.4, S.f("sans"), band, spacing=0.35)
        doc.text(CARD_W - 3, 3.0, bank[0], 6.4, S.f("sansb"), bank_col, "r")
        chip(doc, 9, 17)
        pw = rng.uniform(16, 18)
        doc.image(CARD_W - pw - 4, 13, pw, pw * 1.28, portrait(rng, p["female"], base))
        kv(doc, S, 9, 29, items, 6.6, 19, gap=1.7, lcol=(80, 80, 80))
    else:
        title = "中华人民共和国社会保障卡"
        doc.rect(0, 0, CARD_W, 9.5, fill=S.c("accent"))
        doc.text(4, 2.2, title, 9.2 * min(S.k, 1.1), S.f("sansb"), (255, 255, 255), spacing=0.25)
        doc.text(CARD_W - 3, 10.8, bank[0], 6.4, S.f("sansb"), bank_col, "r")
        pw = rng.uniform(15.5, 17)
        doc.image(4.5, 13, pw, pw * 1.28, portrait(rng, p["female"], base))
        chip(doc, CARD_W - 17, 17)
        kv(doc, S, 7 + pw, 24.5, items, 6.6, 19, gap=1.7, lcol=(80, 80, 80))
    doc.text(CARD_W - 4, CARD_H - 5, "UnionPay 银联", 6, S.f("sansb"), (20, 60, 130), "r")
    return [doc], {"name": p["name"], "id_number": p["id_number"], "card_number": c["ssc_no"]}, "社会保障卡 (%s, %s), design %s/%d" % (title, bank[0], S.name, v), {}


def k_residence_permit4(rng, S, c):
    """山东省居住证 with 山东省 small over a large 居住证 at the left, the portrait top right, labels spread."""
    p = c["person"]
    v = rng.randrange(2)
    frm, until = c["rp_valid"]
    doc = Doc(CARD_W, CARD_H, S=S, card=True)
    doc.rect(0, 0, CARD_W, CARD_H, fill=S.c("tint"))
    rosette(doc, 20, 44, S.c("pattern"), n=16, step=3.0, squash=0.6)
    if v == 0:
        doc.text(4, 2.0, "山东省", 6.0, S.f("sansb"), S.c("accent"), spacing=1.0)
        doc.text(18, 1.4, "居住证", 12.5 * min(S.k, 1.1), S.f("serifb"), S.c("accent"), spacing=3.0)
    else:
        doc.rect(0, 0, CARD_W, 8.2, fill=S.c("accent"))
        doc.text(CARD_W / 2 - 8, 1.6, "山东省居住证", 10.5 * min(S.k, 1.1), S.f("serifb"), (255, 255, 255), "m", spacing=2.0)
    items = [("姓名", p["name"]), ("性别", p["sex"] + "    民族 " + p["nation"]), ("出生", cn_date(p["birth"])),
             ("居住地址", c["rp_address"]), ("公民身份号码", p["id_number"]), ("签发机关", c["rp_authority"]),
             ("有效期限", "%s-%s" % (dotted(frm), dotted(until)))]
    y, xl, xv = 10.8, 3.5, 19.0
    for lab, val in items:
        t = spread(lab) if len(lab) < 4 else lab
        doc.text(xl, y + 0.3, t, fit(doc, t, 5.4, S.f("sans"), xv - xl - 1), S.f("sans"), S.c("label"))
        f = S.f("mono" if lab == "公民身份号码" else "sans")
        sz = 6.2 * min(S.k, 1.08)
        right = 62.0 if y < 34 else CARD_W - 3.5
        lines, cur = [], ""
        for ch in val:
            if doc.width(cur + ch, sz, f) > right - xv:
                lines.append(cur)
                cur = ""
            cur += ch
        lines.append(cur)
        for ln in lines:
            doc.text(xv, y, ln, sz, f, S.c("ink"))
            y += 3.2
        y += 1.35
    doc.image(64.5, 10, 17, 21.5, portrait(rng, p["female"], S.c("tint")))
    exp = until < TODAY
    return [doc], {"name": p["name"], "id_number": p["id_number"], "valid_from": iso(frm), "valid_until": iso(until)}, \
        "山东省居住证 (heldout4 layout %d), design %s%s" % (v, S.name, ", EXPIRED" if exp else ""), {"expired": exp}


def k_business_license4(rng, S, c):
    """营业执照 of the 2019 edition: 统一社会信用代码 top left, QR top right with its caption, fields in two columns
    (正本, landscape) or one (副本, portrait, （副　本） and 副本编号); 个体工商户 licences (c["getihu"]) with 经营者,
    组成形式, 经营场所, 注册日期 and no 营业期限; c["both"]: 正本 and 副本 in one file."""
    co = c["company"]
    getihu = c.get("getihu", False)
    lands = [True, False] if c.get("both") else [rng.random() < 0.5]
    docs = []
    issue = rand_date(rng, co["founded"], dt.date(2026, 10, 31))
    qr = qr_block(rng)
    for land in lands:
        doc = Doc(297 if land else 210, 210 if land else 297, bg=(253, 252, 248), S=S)
        W = doc.w
        doc.rect(8, 8, W - 8, doc.h - 8, outline=S.c("accent"), w=2.2)
        doc.rect(11, 11, W - 11, doc.h - 11, outline=S.c("accent"), w=0.3)
        doc.image(W / 2 - 10, 15, 20, 20, emblem())
        doc.text(W / 2, 38 + S.dy, "营 业 执 照", 30 * S.k if land else 27 * S.k, S.f("serifb"), S.c("accent"), "m", spacing=1.5)
        top = 58 + S.dy
        if not land:
            doc.text(W / 2, top, "（副　本）", 12, S.f("serif"), S.c("ink"), "m")
            doc.text(W - 20, 17, "副本编号：1-1", 8, S.f("sans"), S.c("ink"), "r")
            top += 10
        doc.text(20 + S.dx, 20, "统一社会信用代码", 9 * S.k, S.f("sans"), S.c("label"))
        doc.text(20 + S.dx, 26, co["uscc"], 12.5 * S.k, S.f("mono"), S.c("ink"))
        qx = W - 45
        doc.image(qx, 15, 24, 24, qr)
        doc.para(qx - 5, 40, 34, "扫描二维码登录“国家企业信用信息公示系统”了解更多登记、备案、许可、监管信息。", 5.2, S.f("sans"), (90, 90, 90), lh=1.35, indent=0)
        if getihu:
            items = [("名称", co["name"]), ("类型", "个体工商户"), ("经营者", co["rep"]["name"]), ("组成形式", "个人经营"),
                     ("注册日期", cn_date(co["founded"])), ("经营场所", co["address"])]
        else:
            items = [("名称", co["name"]), ("类型", co["type"]), ("法定代表人", co["rep"]["name"]), ("注册资本", co["capital"]),
                     ("成立日期", cn_date(co["founded"])), ("营业期限", "%s 至 %s" % (cn_date(co["founded"]), c.get("biz_until_text", "长期"))),
                     ("住所", co["address"])]
        size = 10.5 * S.k
        lw = 27
        if land:   # two columns: names and people left, money, dates and address right
            cols = [(28 + S.dx, items[:3] + [("经营范围", co["scope"])], 110), (160 + S.dx, items[3:], 105)]
        else:
            cols = [(24 + S.dx, items + [("经营范围", co["scope"])], 130)]
        for x, its, colw in cols:
            y = top + 8
            for lab, val in its:
                label4(doc, S, x, y, lab, size, "serif", lw)
                y = doc.para(x + lw, y, colw - lw, val, size * (0.9 if lab == "经营范围" else 1), S.f("serif"), S.c("ink"), lh=1.55, indent=0) + 3.0
        doc.text(W - 62, doc.h - 48, "登记机关", 12, S.f("serif"), S.c("ink"), "m")
        doc.text(W - 62, doc.h - 33, cn_date(issue, True), 11, S.f("serif"), S.c("ink"), "m")
        doc.seal(W - 62, doc.h - 43, 42, co["authority"])
        doc.text(W / 2, doc.h - 20, "国家企业信用信息公示系统网址：http://www.gsxt.gov.cn", 7.5, S.f("sans"), (80, 80, 80), "m")
        doc.text(W / 2, doc.h - 15.5, "国家市场监督管理总局监制", 7, S.f("sans"), (80, 80, 80), "m")
        docs.append(doc)
    facts = {"uscc": co["uscc"], "unit_name": co["name"], "valid_from": iso(co["founded"])}
    if not getihu:
        facts["valid_until"] = c.get("biz_until", "长期")
    what = " + ".join("正本 landscape" if l else "副本 portrait" for l in lands)
    return docs, facts, "营业执照 2019 edition (%s%s), design %s" % (what, ", 个体工商户" if getihu else "", S.name), {}


def k_uscc_cert4(rng, S, c):
    """统一社会信用代码证书 （副本）, portrait: the fields in a ruled table."""
    ins = c["institution"]
    frm, until = c["lic_valid"]
    doc = Doc(210, 297, bg=(252, 252, 250), S=S)
    doc.rect(9, 9, 201, 288, outline=S.c("label"), w=1.6)
    doc.waves(12, 12, 198, 285, S.c("tint"), 30, rng, 1.2)
    doc.image(95, 18, 20, 20, emblem())
    doc.text(105, 44 + S.dy, "统一社会信用代码证书", 21 * S.k, S.f("serifb"), S.c("accent"), "m", spacing=1.0)
    doc.text(105, 58 + S.dy, "（副　本）", 12, S.f("serif"), S.c("ink"), "m")
    rows = [[("统一社会信用代码", 1, True), (ins["uscc"], 1, False)], [("机构名称", 1, True), (ins["name"], 1, False)],
            [("机构性质", 1, True), (ins["nature"], 1, False)], [("机构地址", 1, True), (ins["address"], 1, False)],
            [("负责人", 1, True), (ins["head"]["name"], 1, False)], [("有效期", 1, True), ("自%s至%s" % (cn_date(frm), cn_date(until)), 1, False)]]
    y = grid(doc, S, 22 + S.dx, 76 + S.dy, [44, 122], rows, 11 * S.k, 14, font="serif", colour=S.c("label"))
    issuer = ins["city"] + {"机关": "机构编制委员会办公室", "事业单位": "事业单位登记管理局", "社会团体": "民政局"}[ins["nature"]]
    doc.text(140, y + 30, "颁发单位：" + issuer, 10.5, S.f("serif"), S.c("ink"), "m")
    doc.text(140, y + 40, cn_date(frm), 10.5, S.f("serif"), S.c("ink"), "m")
    doc.seal(145, y + 32, 40, issuer)
    doc.image(26, y + 18, 28, 28, qr_block(rng))
    exp = until < TODAY
    return [doc], {"uscc": ins["uscc"], "unit_name": ins["name"], "valid_from": iso(frm), "valid_until": iso(until)}, \
        "统一社会信用代码证书 （副本） portrait (%s), design %s%s" % (ins["nature"], S.name, ", EXPIRED" if exp else ""), {"expired": exp}


def k_approval4(rng, S, c):
    """红头文件 with 〔〕文号 under the red rule and a star in it, a 批复 or 通知 title, 抄送 and 印发 lines at the foot."""
    ins = c["institution"]
    doc = Doc(210, 297, S=S)
    issuer = ins["city"] + rng.choice(["机构编制委员会办公室", "机构编制委员会", "人民政府办公室"])
    red = (206, 18, 24)
    doc.text(105, 34 + S.dy, issuer, (21 if len(issuer) < 13 else 17) * S.k, S.f("serifb"), red, "m", spacing=0.8)
    yr = rng.randint(2008, 2024)
    num = "%s〔%d〕%d号" % (rng.choice(["临编办发", "兰编办", "济编办字", "淄编办发", "聊编", "临政办发"]), yr, rng.randint(3, 120))
    doc.text(105, 52, num, 12, S.f("serif"), S.c("ink"), "m")
    doc.line(22, 60, 98, 60, 0.8, red)
    doc.line(112, 60, 188, 60, 0.8, red)
    doc.text(105, 57.6, "★", 9, ("wenkai", 0), red, "m")
    if ins["nature"] == "机关":
        title = "关于%s机构编制有关事项的批复" % ins["name"]
    else:
        title = rng.choice(["关于同意设立%s的批复", "关于设立%s的通知"]) % ins["name"]
    y = doc.para(28, 72, 154, title, 16 * S.k, S.f("serifb"), S.c("ink"), lh=1.5, indent=0)
    dept = ins["city"] + rng.choice(["卫生健康局", "教育和体育局", "人力资源和社会保障局", "民政局"])
    doc.text(25, y + 6, dept + "：", 12, S.f("serif"), S.c("ink"))
    body = ("你单位报来的《关于设立%s的请示》收悉。经研究，现批复如下：一、同意设立%s，为%s所属公益一类事业单位，"
            "机构规格相当于正科级。二、核定事业编制%d名，所需经费由财政全额拨款。" % (ins["name"], ins["name"], dept, rng.randint(8, 40)))
    y = doc.para(25, y + 16, 160, body, 12 * S.k, S.f("serif"), S.c("ink"), lh=1.8)
    y = doc.para(25, y + 2, 160, "三、请按照有关规定及时办理法人登记等相关手续。", 12 * S.k, S.f("serif"), S.c("ink"), lh=1.8)
    d = dt.date(yr, rng.randint(1, 12), rng.randint(1, 28))
    doc.text(150, y + 24, issuer, 12, S.f("serif"), S.c("ink"), "m")
    doc.text(150, y + 34, cn_date(d), 12, S.f("serif"), S.c("ink"), "m")
    doc.seal(150, y + 28, 42, issuer)
    doc.line(22, 262, 188, 262, 0.4, S.c("ink"))
    doc.text(25, 265, "抄送：%s财政局，%s人力资源和社会保障局。" % (ins["city"], ins["city"]), 10, S.f("serif"), S.c("ink"))
    doc.line(22, 272, 188, 272, 0.25, S.c("ink"))
    doc.text(25, 275, issuer, 10, S.f("serif"), S.c("ink"))
    doc.text(185, 275, "%s印发" % cn_date(d + dt.timedelta(days=rng.randint(0, 3))), 10, S.f("serif"), S.c("ink"), "r")
    doc.line(22, 282, 188, 282, 0.4, S.c("ink"))
    return [doc], {"unit_name": ins["name"]}, "单位批准成立文件 %s (红头 with a star in the rule, 抄送/印发 lines), design %s" % (num, S.name), {"title": title}


def patient_grid4(doc, S, x, y, p, dept, extra=()):
    """heldout4: the patient's particulars in a ruled table: 姓名 性别 年龄 / 科别 + extra pairs; returns the bottom y."""
    age = (TODAY - p["birth"]).days // 365
    rows = [[("姓名", 1, True), (p["name"], 1, False), ("性别", 1, True), (p["sex"], 1, False), ("年龄", 1, True), ("%d岁" % age, 1, False)]]
    r2 = [("科别", 1, True), (dept, 1, False)]
    for lab, val in extra:
        r2 += [(lab, 1, True), (val, 3 if lab == "身份证号" else 1, False)]
    used = sum(sp for _, sp, _ in r2)
    if used < 6:
        r2.append(("", 6 - used, False))
    rows.append(r2)
    return grid(doc, S, x, y, [22, 36, 22, 22, 22, 46], rows, 10 * S.k, 9)


def k_diagnosis4(rng, S, c):
    """住院诊断证明书, 病情诊断证明书, 疾病诊断证明 or 诊断证明 with a 编号, the patient in a table, 诊断 / 医嘱 and the
    note that it is valid only with the hospital's seal."""
    p, v = c["person"], rng.randrange(2)
    doc = Doc(210, 297 if v == 0 else 148.5, S=S)
    hosp = c.get("hospital") or rng.choice(HOSP)
    dx, dept = c.get("diag") or rng.choice(DIAG)
    title = rng.choice(["住院诊断证明书", "病情诊断证明书", "疾病诊断证明", "诊断证明"])
    y = 11 + S.dy
    doc.text(105 + S.dx, y, hosp, 15.5 * S.k, S.f("serifb"), S.c("ink"), "m", spacing=0.4)
    doc.text(105 + S.dx, y + 10, title, 15 * S.k, S.f("sansb"), S.c("accent"), "m", spacing=1.0)
    doc.text(190, y + 12, "编号：%s%06d" % (rng.choice(["ZD", "ZM", "No."]), rng.randrange(10 ** 6)), 8.5, S.f("sans"), S.c("ink"), "r")
    y += 23
    with_id = rng.random() < 0.6
    extra = [("住院号", "%07d" % rng.randrange(10 ** 7))] if title.startswith("住院") else [("门诊号", "%09d" % rng.randrange(10 ** 9))]
    if with_id:
        extra = [("身份证号", p["id_number"])]
    y = patient_grid4(doc, S, 20, y, p, dept, extra) + 7
    fsz = 11 * S.k
    label4(doc, S, 20, y, "诊断", fsz, "sansb", 22)
    y = doc.para(42, y, 148, dx, fsz, S.f("sans"), S.c("ink"), indent=0) + 3
    label4(doc, S, 20, y, "医嘱", fsz, "sansb", 22)
    y = doc.para(42, y, 148, rng.choice(["注意休息，全休两周，定期复查。", "继续口服药物治疗，门诊随诊。", "住院治疗，病情稳定后出院，出院后休息一个月。"]),
                 fsz, S.f("sans"), S.c("ink"), indent=0)
    d = c.get("visit", rand_date(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 25)))
    doc.text(118, y + 9, "医师签名：", 10.5, S.f("sans"), S.c("ink"))
    doc.sign(140, y + 6, 26, 10, rng.randrange(10 ** 6))
    doc.text(118, y + 20, "开具日期：" + cn_date(d), 10.5, S.f("sans"), S.c("ink"))
    doc.seal(96, y + 17, 36, hosp + "诊断证明专用章"[:2])
    doc.text(20, doc.h - 13, "注：本证明须加盖医院诊断证明专用章方有效，复印件无效。", 8, S.f("sans"), (90, 90, 90))
    facts = {"name": p["name"]} | ({"id_number": p["id_number"]} if with_id else {})
    return [doc], facts, "%s %s (heldout4 form %d, 编号, patient table), design %s" % (title, hosp, v, S.name), {"diagnosis": dx}


def k_discharge4(rng, S, c):
    """出院小结 / 出院记录 with the stay in a table and numbered section heads (一、入院情况 …)."""
    p = c["person"]
    doc = Doc(210, 297, S=S)
    hosp = c.get("hospital") or rng.choice(HOSP)
    dx, dept = c.get("diag") or rng.choice(DIAG)
    title = rng.choice(["出院小结", "出院小结", "出院记录"])
    doc.text(105 + S.dx, 12 + S.dy, hosp, 15.5 * S.k, S.f("serifb"), S.c("ink"), "m", spacing=0.5)
    doc.text(105 + S.dx, 22 + S.dy, title, 15 * S.k, S.f("sansb"), S.c("ink"), "m", spacing=2.0)
    a = c.get("admit", rand_date(rng, dt.date(2026, 5, 1), dt.date(2026, 10, 30)))
    b = c.get("discharge", a + dt.timedelta(days=rng.randint(3, 20)))
    y = patient_grid4(doc, S, 20, 34 + S.dy, p, dept, [("住院号", "%07d" % rng.randrange(10 ** 7)), ("床号", "%d" % rng.randint(1, 60))])
    rows = [[("入院日期", 1, True), (cn_date(a), 1, False), ("出院日期", 1, True), (cn_date(b), 1, False), ("住院天数", 1, True), ("%d天" % (b - a).days, 1, False)]]
    y = grid(doc, S, 20, y, [22, 36, 22, 36, 22, 32], rows, 10 * S.k, 9) + 6
    secs = [("入院诊断", dx), ("出院诊断", dx + "（好转）"),
            ("入院情况", "患者因“%s”于%s入院。查体：T 36.6℃，P 78次/分，R 18次/分，BP 132/80mmHg，神志清，精神可。" % (rng.choice(["反复胸闷3天", "腹痛12小时", "咳嗽咳痰1周", "腰痛伴右下肢麻木2月"]), cn_date(a))),
            ("诊疗经过", "入院后完善相关检查，给予%s等治疗，患者症状逐渐缓解，病情稳定，准予出院。" % rng.choice(["抗感染、化痰", "降压、调脂、抗血小板", "营养神经、改善循环", "手术"])),
            ("出院情况", "一般情况可，饮食睡眠可，无明显不适。"), ("出院医嘱", "1.注意休息，低盐低脂饮食；2.按时服药；3.两周后门诊复查，不适随诊。")]
    nums = "一二三四五六"
    fsz = 10.5 * S.k
    for i, (lab, val) in enumerate(secs):
        head = "%s、%s" % (nums[i], lab)
        doc.text(20, y, head, fsz, S.f("sansb"), S.c("label"))
        y = doc.para(26, y + fsz * 25.4 / 72 * 1.6, 164, val, fsz, S.f("serif"), S.c("ink"), lh=1.6, indent=0) + 2.0
    doc.text(120, y + 8, "主治医师：", 10.5, S.f("sans"), S.c("ink"))
    doc.sign(142, y + 5, 26, 10, rng.randrange(10 ** 6))
    doc.text(120, y + 19, "记录日期：" + cn_date(b), 10.5, S.f("sans"), S.c("ink"))
    return [doc], {"name": p["name"]}, "%s %s (stay table, numbered sections), design %s" % (title, hosp, S.name), \
        {"admitted": iso(a), "discharged": iso(b), "diagnosis": dx}


def k_medical_record4(rng, S, c):
    """门诊病历记录 / 门诊电子病历 printed from the hospital system: 病历号 barcode, particulars in a line of pairs,
    section heads in the label colour run into their text."""
    p = c["person"]
    doc = Doc(148, 210, bg=(255, 255, 253), S=S)
    hosp = c.get("hospital") or rng.choice(HOSP)
    dx, dept = c.get("diag") or rng.choice(DIAG)
    rtitle = rng.choice(["门诊病历记录", "门诊电子病历"])
    doc.text(74 + S.dx, 9 + S.dy, hosp, 13 * S.k, S.f("serifb"), S.c("ink"), "m")
    doc.text(74 + S.dx, 18 + S.dy, rtitle, 13 * S.k, S.f("sansb"), S.c("ink"), "m", spacing=1.2)
    for i in range(42):   # a barcode of the record number, top right
        w = rng.choice([0.25, 0.25, 0.5, 0.75])
        doc.rect(112 + i * 0.72, 8, 112 + i * 0.72 + w, 16, fill=(20, 20, 20))
    rec_no = "%010d" % rng.randrange(10 ** 10)
    doc.text(127, 16.5, rec_no, 6, S.f("mono"), S.c("ink"), "m")
    age = (TODAY - p["birth"]).days // 365
    y = 29 + S.dy
    fsz = 8.6 * S.k
    fields4(doc, S, 9, y, [("姓名", p["name"]), ("性别", p["sex"]), ("年龄", "%d岁" % age), ("科室", dept)], fsz, gap=3.2)
    d = rand_date(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 25))
    fields4(doc, S, 9, y + 6.5, [("就诊时间", "%s %02d:%02d" % (iso(d), rng.randint(8, 16), rng.randint(0, 59))), ("病历号", rec_no)], fsz, gap=3.2)
    doc.line(8, y + 13, 140, y + 13, 0.5, S.c("label"))
    doc.line(8, y + 13.8, 140, y + 13.8, 0.2, S.c("label"))
    y += 18
    for lab, val in [("主诉", rng.choice(["头晕3天。", "咳嗽、咽痛2天。", "上腹部不适1周。", "左膝关节疼痛1月。"])),
                     ("现病史", "患者自述近期症状加重，无发热，无恶心呕吐，饮食睡眠可，二便正常。"),
                     ("既往史", rng.choice(["否认高血压、糖尿病史。", "高血压病史5年。", "否认药物过敏史。"])),
                     ("体格检查", "神志清，心肺听诊未闻及明显异常，腹软，无压痛。"), ("诊断", dx),
                     ("处理意见", rng.choice(["1.血常规；2.口服药物治疗；3.不适随诊。", "1.完善检查；2.对症治疗；3.一周后复诊。"]))]:
        fsz2 = 9.2 * S.k
        head = lab + "："
        hw = doc.width(head, fsz2, S.f("sansb"))
        doc.text(10, y, head, fsz2, S.f("sansb"), S.c("label"))
        em = fsz2 * 25.4 / 72
        n = int(math.ceil(hw / em))
        y = doc.para(10, y, 128, "\u3000" * n + val, fsz2, S.f("serif"), S.c("ink"), lh=1.7, indent=0) + 1.2
    doc.text(88, y + 6, "医师签名：", 9.5, S.f("sans"), S.c("ink"))
    doc.sign(106, y + 3, 24, 9, rng.randrange(10 ** 6))
    doc.text(74, 202, "打印时间：%s" % iso(d), 7, S.f("sans"), (110, 110, 110), "m")
    return [doc], {"name": p["name"]}, "%s %s (system print with a barcode), design %s" % (rtitle, hosp, S.name), {"diagnosis": dx}


def k_invoice4(rng, S, c):
    """heldout4's invoices: a pre-printed paper 山东省医疗门诊收费票据 filled in by a dot-matrix printer a little off its
    boxes; a 山东省医疗住院/门诊收费票据（电子） in a full frame with a 监制章 at the top and a 备注 block of pairs; a
    pharmacy's 电子发票（普通发票） for medicines."""
    p = c["person"]
    t = c.get("invoice_type") or rng.choice(["paper", "paper", "outpatient", "inpatient", "pharmacy"])
    hosp = c.get("hospital") or rng.choice(HOSP)
    if t == "paper":
        return invoice_paper4(rng, S, c, p, hosp)
    if t == "pharmacy":
        return invoice_pharmacy4(rng, S, c, p)
    doc = Doc(230, 148, S=S)
    items = [(n, round(rng.uniform(8, 1800), 2)) for n in rng.sample(FEE_ITEMS, rng.randint(4, 8))]
    total = round(sum(a for _, a in items), 2)
    d = c.get("discharge") or rand_date(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 25))
    col = S.c("accent")
    title = "山东省医疗%s收费票据（电子）" % ("住院" if t == "inpatient" else "门诊")
    doc.rect(8, 6, 222, 142, outline=col, w=0.5)
    doc.seal(115, 13, 20, "财政电子票据监制章", colour=(200, 40, 40), oval=True)
    doc.text(115 + S.dx, 20 + S.dy, title, 15.5 * S.k, S.f("serifb"), col, "m", spacing=0.4)
    doc.image(12, 9, 19, 19, qr_block(rng, 21))
    code, num = "37%06d" % rng.randrange(10 ** 6), "%010d" % rng.randrange(10 ** 10)
    check = "".join(rng.choice("0123456789abcdef") for _ in range(6))
    y = 10
    for lab, val in [("票据代码", code), ("票据号码", num), ("校验码", check), ("开票日期", iso(d))]:
        doc.text(165, y, lab + "：", 7.5, S.f("sans"), col)
        doc.text(181, y, val, 7.5, S.f("mono"), S.c("ink"))
        y += 4.3
    y = 33 + S.dy
    fields4(doc, S, 12, y, [("交款人统一社会信用代码", p["id_number"]), ("交款人", p["name"])], 8.5 * S.k, gap=12)
    rows = [[("项目名称", 1, True), ("数量/单位", 1, True), ("金额（元）", 1, True), ("备注", 1, True),
             ("项目名称", 1, True), ("数量/单位", 1, True), ("金额（元）", 1, True), ("备注", 1, True)]]
    half = (len(items) + 1) // 2
    for i in range(half):
        r = [(items[i][0], 1, False), ("1/项", 1, False), ("%.2f" % items[i][1], 1, False), ("", 1, False)]
        j = i + half
        r += [(items[j][0], 1, False), ("1/项", 1, False), ("%.2f" % items[j][1], 1, False), ("", 1, False)] if j < len(items) else [("", 1, False)] * 4
        rows.append(r)
    rows.append([("金额合计（大写）", 2, True), (rmb_upper(total), 3, False), ("（小写）", 1, True), ("%.2f" % total, 2, False)])
    y = grid(doc, S, 12, y + 7, [29, 20, 24, 22, 29, 20, 24, 38], rows, 8 * S.k, 6.4, colour=col)
    doc.rect(12, y + 2, 218, y + 26, outline=col, w=0.3)
    doc.text(14, y + 3.5, "备注", 8, S.f("sansb"), col)
    fund = round(total * rng.uniform(0.4, 0.75), 2) if t == "inpatient" else 0.0
    acc = round((total - fund) * rng.uniform(0.0, 0.4), 2)
    pairs = [("业务流水号", "%012d" % rng.randrange(10 ** 12)), ("%s号" % ("住院" if t == "inpatient" else "门诊"), "%08d" % rng.randrange(10 ** 8)),
             ("就诊日期", iso(d)), ("医疗机构类型", rng.choice(["综合医院", "专科医院"])), ("医保类型", rng.choice(["职工基本医疗保险", "城乡居民基本医疗保险"])),
             ("医保统筹基金支付", "%.2f" % fund), ("个人账户支付", "%.2f" % acc), ("个人现金支付", "%.2f" % (total - fund - acc))]
    for i, (l, val) in enumerate(pairs):
        fields4(doc, S, 24 + (i % 3) * 64, y + 4 + (i // 3) * 6.5, [(l, val)], 7.4 * min(S.k, 1.1))
    yb = y + 31
    doc.text(12, yb, "收款单位（章）：" + hosp, 8.5, S.f("sans"), S.c("ink"))
    doc.text(150, yb, "复核人：" + fake_name(rng, True) + "   收款人：" + fake_name(rng, False), 8.5, S.f("sans"), S.c("ink"))
    doc.seal(56, yb - 3, 30, hosp + "财务专用章"[:2], oval=True)
    return [doc], {"name": p["name"]}, "%s %s (heldout4 framed e-bill, 监制章 at the top), design %s" % (title, hosp, S.name), \
        {"total": "%.2f" % total, "invoice_number": num}


def invoice_paper4(rng, S, c, p, hosp):
    """The pre-printed paper form (red rules and labels, red NO.) with its values printed by a dot-matrix printer,
    all of them shifted by the same 1–3 mm off their boxes."""
    doc = Doc(190, 105, bg=(253, 251, 246), S=S)
    doc.paper_only = True   # a printed form: scanned or photographed, never a clean file
    red = (196, 44, 40)
    ink = rng.choice([(40, 36, 90), (30, 30, 30), (70, 40, 100)])
    dotf = ("wenkai-mono", 0)
    items = [(n, round(rng.uniform(5, 900), 2)) for n in rng.sample(FEE_ITEMS, rng.randint(3, 6))]
    total = round(sum(a for _, a in items), 2)
    d = c.get("discharge") or rand_date(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 25))
    num = "%08d" % rng.randrange(10 ** 8)
    ox, oy = rng.uniform(1.0, 3.0) * rng.choice([-1, 1]), rng.uniform(0.8, 2.2) * rng.choice([-1, 1])
    doc.text(95, 6, "山东省医疗门诊收费票据", 15, S.f("serifb"), red, "m", spacing=0.8)
    doc.seal(95, 20, 16, "山东省财政厅监制", colour=red, oval=True)
    doc.text(10, 9, "票据代码：37%06d" % rng.randrange(10 ** 6), 7.5, S.f("sans"), red)
    doc.text(150, 8, "NO.", 9, S.f("sans"), red)
    doc.text(158, 7.5, num, 11, ("liberation-serif", 0), red)
    doc.text(10, 25, "医疗机构类型：", 7.5, S.f("sans"), red)
    y0 = 30
    # the form: rules and red labels only
    for i, (lab, x0, x1) in enumerate([("业务流水号", 10, 34), ("门诊号", 80, 102), ("就诊日期", 126, 150)]):
        doc.rect(x0, y0, x1, y0 + 7, outline=red, w=0.25)
        doc.text((x0 + x1) / 2, y0 + 1.6, lab, 7.5, S.f("sans"), red, "m")
    doc.rect(10, y0, 180, y0 + 7, outline=red, w=0.25)
    for lab, x0, x1 in [("姓名", 10, 24), ("性别", 58, 70), ("医保类型", 84, 104), ("社会保障号码", 136, 156)]:
        doc.rect(x0, y0 + 7, x1, y0 + 14, outline=red, w=0.25)
        doc.text((x0 + x1) / 2, y0 + 8.6, lab, 7.5 if len(lab) < 5 else 6.2, S.f("sans"), red, "m")
    doc.rect(10, y0 + 7, 180, y0 + 14, outline=red, w=0.25)
    yt = y0 + 14
    for k_ in range(3):
        x0 = 10 + k_ * 56.7
        doc.rect(x0, yt, x0 + 56.7, yt + 6, outline=red, w=0.25)
        doc.text(x0 + 17, yt + 1.3, "项目/规格", 7.5, S.f("sans"), red, "m")
        doc.text(x0 + 45, yt + 1.3, "金额", 7.5, S.f("sans"), red, "m")
        doc.line(x0 + 34, yt, x0 + 34, yt + 30, 0.25, red)
    doc.rect(10, yt, 180, yt + 30, outline=red, w=0.25)
    ys = yt + 30
    doc.rect(10, ys, 180, ys + 7, outline=red, w=0.25)
    doc.text(12, ys + 1.6, "合计（大写）", 7.5, S.f("sans"), red)
    doc.text(120, ys + 1.6, "（小写）", 7.5, S.f("sans"), red)
    doc.rect(10, ys + 7, 180, ys + 14, outline=red, w=0.25)
    fund = round(total * rng.uniform(0.0, 0.5), 2)
    for lab, x in [("医保统筹支付", 12), ("个人账户支付", 70), ("个人现金支付", 128)]:
        doc.text(x, ys + 8.6, lab, 7.5, S.f("sans"), red)
    doc.text(12, ys + 17, "收款单位（章）：", 7.5, S.f("sans"), red)
    doc.text(120, ys + 17, "收款人：", 7.5, S.f("sans"), red)
    # the values, dot-matrix printed, all off by (ox, oy)
    def P(x, y, s, size=8.5):
        doc.dot(x + ox, y + oy, s, size, dotf, ink)
    P(36, y0 + 1.6, "%012d" % rng.randrange(10 ** 12))
    P(104, y0 + 1.6, "%08d" % rng.randrange(10 ** 8))
    P(152, y0 + 1.6, iso(d))
    P(26, y0 + 8.2, p["name"], 10)
    P(72, y0 + 8.6, p["sex"])
    P(106, y0 + 8.6, rng.choice(["职工医保", "居民医保"]))
    P(157, y0 + 8.6, p["id_number"][:6] + "********" + p["id_number"][-4:], 6.8)
    P(36, y0 - 5.4, rng.choice(["综合医院", "专科医院"]))
    for i, (n, a) in enumerate(items):
        x0 = 10 + (i % 3) * 56.7
        yy = yt + 7.5 + (i // 3) * 5.5
        P(x0 + 2, yy, n)
        P(x0 + 36, yy, "%.2f" % a)
    P(32, ys + 1.6, rmb_upper(total))
    P(136, ys + 1.6, "%.2f" % total)
    P(35, ys + 8.6, "%.2f" % fund)
    P(93, ys + 8.6, "%.2f" % 0.0)
    P(151, ys + 8.6, "%.2f" % (total - fund))
    P(37, ys + 17, hosp)
    P(134, ys + 17, fake_name(rng, rng.random() < 0.5))
    doc.seal(60, ys + 15, 28, hosp + "财务专用章"[:2], oval=True)
    return [doc], {"name": p["name"]}, "山东省医疗门诊收费票据 (paper form, values dot-matrix printed %.1f/%.1f mm off their boxes) %s, design %s" % (
        ox, oy, hosp, S.name), {"total": "%.2f" % total, "invoice_number": num}


DRUGS4 = [("*中成药*感冒灵颗粒", "10g*9袋", "盒", 15.8), ("*化学药品制剂*布洛芬缓释胶囊", "0.3g*20粒", "盒", 18.5),
          ("*化学药品制剂*阿莫西林胶囊", "0.25g*24粒", "盒", 12.0), ("*中成药*复方丹参滴丸", "27mg*180丸", "瓶", 29.9),
          ("*化学药品制剂*苯磺酸氨氯地平片", "5mg*28片", "盒", 24.6), ("*化学药品制剂*二甲双胍缓释片", "0.5g*30片", "盒", 16.3),
          ("*医疗器械*医用外科口罩", "10只", "包", 9.9), ("*中成药*连花清瘟胶囊", "0.35g*36粒", "盒", 26.8)]


def invoice_pharmacy4(rng, S, c, p):
    """A pharmacy's 电子发票（普通发票） for medicines: buyer and seller in two boxes under headings across their tops,
    *分类* item names with 规格型号, 13 % tax, 价税合计."""
    doc = Doc(240, 140, S=S)
    col = (140, 70, 30)
    seller = make_company(rng, 4)
    d = rand_date(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 25))
    lines = []
    for it in rng.sample(DRUGS4, rng.randint(2, 5)):
        q = rng.randint(1, 4)
        lines.append((it, q, round(it[3] * q, 2)))
    total = round(sum(a for _, _, a in lines), 2)
    num = "26%s%014d" % ("37", rng.randrange(10 ** 14))
    doc.text(120 + S.dx, 9 + S.dy, "电子发票（普通发票）", 17 * S.k, S.f("serifb"), col, "m", spacing=0.5)
    doc.line(84, 19.5 + S.dy, 156, 19.5 + S.dy, 0.3, col)
    doc.line(84, 20.7 + S.dy, 156, 20.7 + S.dy, 0.3, col)
    doc.image(12, 6, 19, 19, qr_block(rng, 21))
    doc.text(12, 27, "下载次数：1", 7, S.f("sans"), (100, 100, 100))
    for i, (lab, val) in enumerate([("发票号码", num), ("开票日期", cn_date(d))]):
        doc.text(168, 10 + i * 5, lab + "：", 8, S.f("sans"), col)
        doc.text(183, 10 + i * 5, val, 8, S.f("mono"), S.c("ink"))
    y0 = 33
    for x, head, nm, code in ((10, "购买方信息", p["name"], ""), (122, "销售方信息", seller["name"], seller["uscc"])):
        doc.rect(x, y0, x + 108, y0 + 22, outline=col, w=0.3)
        doc.rect(x, y0, x + 108, y0 + 5.5, fill=S.c("tint"), outline=col, w=0.3)
        doc.text(x + 54, y0 + 1.0, head, 8, S.f("sansb"), col, "m", spacing=1.5)
        doc.text(x + 3, y0 + 8.5, "名称：", 8.5 * min(S.k, 1.1), S.f("sans"), col)
        doc.text(x + 14, y0 + 8.5, nm, 8.5 * min(S.k, 1.1), S.f("sans"), S.c("ink"))
        doc.text(x + 3, y0 + 15.5, "统一社会信用代码/纳税人识别号：", 7.2, S.f("sans"), col)
        doc.text(x + 50, y0 + 15.5, code, 7.6, S.f("mono"), S.c("ink"))
    rows = [[("项目名称", 1, True), ("规格型号", 1, True), ("单位", 1, True), ("数量", 1, True), ("单价", 1, True), ("金额", 1, True), ("税率/征收率", 1, True), ("税额", 1, True)]]
    tax_total = 0.0
    for (name, spec, unit, price), q, amt in lines:
        net = round(amt / 1.13, 2)
        tax_total += amt - net
        rows.append([(name, 1, False), (spec, 1, False), (unit, 1, False), (str(q), 1, False), ("%.2f" % (price / 1.13), 1, False), ("%.2f" % net, 1, False), ("13%", 1, False), ("%.2f" % (amt - net), 1, False)])
    rows.append([("合　　计", 1, True), ("", 4, False), ("¥%.2f" % (total - tax_total), 1, False), ("", 1, False), ("¥%.2f" % tax_total, 1, False)])
    rows.append([("价税合计（大写）", 1, True), (rmb_upper(total), 4, False), ("（小写）", 1, True), ("¥%.2f" % total, 2, False)])
    y = grid(doc, S, 10, y0 + 25, [56, 26, 12, 12, 22, 26, 30, 36], rows, 7.8 * S.k, 6.4, colour=col)
    doc.rect(10, y + 2, 230, y + 12, outline=col, w=0.3)
    doc.text(12, y + 4.5, "备注", 8, S.f("sans"), col)
    doc.text(26, y + 4.5, "医保个人账户支付", 7.8, S.f("sans"), S.c("ink"))
    doc.text(12, y + 16, "开票人：" + fake_name(rng, True), 8.5, S.f("sans"), S.c("ink"))
    doc.seal(205, y + 4, 28, seller["name"][:8] + "发票专用章", oval=True)
    return [doc], {"name": p["name"]}, "电子发票（普通发票） of a pharmacy (%s), design %s" % (seller["name"], S.name), {"total": "%.2f" % total, "invoice_number": num}


EXPENSE4 = [("0.9%氯化钠注射液", "250ml", "袋", 3.8, "甲类"), ("头孢呋辛钠注射剂", "0.75g", "支", 12.6, "乙类"), ("血常规", "", "次", 20.0, "甲类"),
            ("肝功能检查", "", "项", 88.0, "甲类"), ("胸部CT平扫", "", "次", 180.0, "甲类"), ("一级护理", "", "日", 28.0, "甲类"),
            ("床位费(三人间)", "", "日", 40.0, "甲类"), ("阿托伐他汀钙片", "20mg*7", "盒", 16.5, "乙类"), ("静脉输液", "", "组", 8.0, "甲类"),
            ("一次性输液器", "", "支", 2.5, "乙类"), ("心电图", "", "次", 25.0, "甲类"), ("奥美拉唑肠溶胶囊", "20mg*14", "盒", 9.8, "甲类"),
            ("人血白蛋白", "10g", "瓶", 368.0, "丙类"), ("留置针", "", "支", 18.0, "乙类"), ("尿常规", "", "次", 12.0, "甲类")]


def k_expense_list4(rng, S, c):
    """住院病人费用清单 / 住院费用汇总清单 / 患者住院费用明细: 医保类别 and 自付比例 columns, a summary by category on
    the last page, 1–3 pages."""
    p = c["person"]
    pages_n = c.get("pages", rng.choice([1, 1, 2, 3]))
    hosp = c.get("hospital") or rng.choice(HOSP)
    a = c.get("admit", rand_date(rng, dt.date(2026, 5, 1), dt.date(2026, 10, 30)))
    b = c.get("discharge", a + dt.timedelta(days=rng.randint(3, 20)))
    title = rng.choice(["住院病人费用清单", "住院费用汇总清单", "患者住院费用明细"])
    docs, grand, cats = [], 0.0, {}
    admno = "%07d" % rng.randrange(10 ** 7)
    for pi in range(pages_n):
        doc = Doc(210, 297, S=S)
        doc.text(105 + S.dx, 11 + S.dy, hosp, 13 * S.k, S.f("sansb"), S.c("ink"), "m")
        doc.text(105 + S.dx, 20 + S.dy, title, 14.5 * S.k, S.f("sansb"), S.c("ink"), "m", spacing=0.6)
        fields4(doc, S, 13, 31 + S.dy, [("姓名", p["name"]), ("住院号", admno), ("入院", iso(a)), ("出院", iso(b))], 8.2 * S.k, gap=4)
        rows = [[(h, 1, True) for h in ["日期", "项目名称", "规格", "单位", "数量", "单价", "金额", "医保类别", "自付比例"]]]
        for _ in range(rng.randint(18, 26)):
            n = rng.choice(EXPENSE4)
            q = rng.randint(1, 6)
            grand += q * n[3]
            cats[n[4]] = cats.get(n[4], 0.0) + q * n[3]
            rows.append([(iso(rand_date(rng, a, b)), 1, False), (n[0], 1, False), (n[1], 1, False), (n[2], 1, False), (str(q), 1, False),
                         ("%.2f" % n[3], 1, False), ("%.2f" % (q * n[3]), 1, False), (n[4], 1, False), ({"甲类": "0%", "乙类": "10%", "丙类": "100%"}[n[4]], 1, False)])
        y = grid(doc, S, 10, 38 + S.dy, [22, 46, 18, 11, 11, 18, 20, 20, 22], rows, 7.6 * S.k, 6.6)
        if pi == pages_n - 1:
            y += 5
            summary = [[("合计", 1, True), ("%.2f" % grand, 1, False)] + [(k_, 1, True) if i % 2 == 0 else ("%.2f" % cats[k_], 1, False)
                                                                      for k_ in sorted(cats) for i in range(2)]]
            grid(doc, S, 10, y, [18, 24] + [16, 22] * len(cats), summary, 8 * S.k, 7.5)
        doc.text(105, 287, "第%d页/共%d页" % (pi + 1, pages_n), 8, S.f("sans"), (90, 90, 90), "m")
        docs.append(doc)
    return docs, {"name": p["name"]}, "%s %s, %d page(s), 医保类别 columns and a summary, design %s" % (title, hosp, pages_n, S.name), {"total": "%.2f" % grand}


def k_poa4(rng, S, c):
    """授权委托书 / 委托书 / 个人（单位）授权委托书 as a form with blanks, filled in by pen (S.pen) or typed, and the
    matter ticked from a list."""
    pr, ag = c["principal"], c["agent"]
    unit = c.get("company")
    doc = Doc(210, 297, S=S)
    ptitle = rng.choice(["授权委托书", "委托书", "单位授权委托书" if unit else "个人授权委托书"])
    doc.text(105 + S.dx, 26 + S.dy, ptitle, 20 * S.k, S.f("serifb"), S.c("ink"), "m", spacing=2.5 if len(ptitle) <= 3 else 1.2)
    poa_agent_id = c.get("poa_agent_id", ag["id_number"])
    agent_name = c.get("poa_agent_name", ag["name"])
    fsz = 11.5 * min(S.k, 1.12)
    f = S.f("serif")
    y = 48 + S.dy
    if unit:
        rows = [("委托单位", unit["name"], 120), ("统一社会信用代码", unit["uscc"], 95)]
    else:
        rows = [("委托人", pr["name"], 55), ("身份证号码", pr["id_number"], 95)]
    rows += [("受托人", agent_name, 55), ("身份证号码", poa_agent_id, 95), ("联系电话", "1%d" % rng.randrange(3 * 10 ** 9, 9 * 10 ** 9), 70)]
    for lab, val, w in rows:
        t = lab + "："
        doc.text(25, y, t, fsz, f, S.c("ink"))
        blank4(doc, S, rng, 25 + max(doc.width(t, fsz, f), 30) + 2, y, val, fsz, w)
        y += 12
    matter = c.get("matter", rng.choice(["医疗保险参保登记", "医疗费用手工报销", "异地就医备案", "生育保险待遇申领", "单位参保信息变更"]))
    who = "本单位" if unit else "本人"
    y = doc.para(25, y + 4, 160, "%s因故不能亲自到医疗保障经办机构办理相关业务，现委托上述受托人代为办理下列事项（在□内打√）：" % who, fsz, f, S.c("ink"), lh=1.8)
    opts = ["医疗保险参保登记", "医疗费用手工报销", "异地就医备案", "生育保险待遇申领", "单位参保信息变更"]
    if matter not in opts:
        opts[0] = matter
    for i, o in enumerate(opts):
        xx, yy = 30 + (i % 2) * 80, y + 2 + (i // 2) * 8.5
        doc.rect(xx, yy + 0.6, xx + 3.6, yy + 4.2, outline=S.c("ink"), w=0.25)
        if o == matter:
            if S.pen:
                doc.poly([(xx + 0.5, yy + 2.2), (xx + 1.6, yy + 3.8), (xx + 4.6, yy - 0.8)], 0.45, PEN_INK)
            else:
                doc.text(xx + 0.3, yy + 0.3, "√", fsz * 0.8, S.f("sans"), S.c("ink"))
        doc.text(xx + 5.5, yy, o, fsz * 0.95, f, S.c("ink"))
    y += 2 + 3 * 8.5 + 4
    y = doc.para(25, y, 160, "受托人在办理上述事项过程中所签署的有关文件，%s均予以承认，并承担相应的法律责任。" % who, fsz, f, S.c("ink"), lh=1.8)
    d = rand_date(rng, dt.date(2026, 9, 1), dt.date(2026, 11, 28))
    y = doc.para(25, y + 3, 160, "委托期限：自%s至%s。" % (cn_date(d), cn_date(d + dt.timedelta(days=rng.choice([30, 90, 180])))), fsz, f, S.c("ink"))
    doc.text(108, y + 14, ("委托单位（盖章）：" if unit else "委托人（签名）："), 12, f, S.c("ink"))
    if unit:
        doc.seal(165, y + 16, 40, unit["name"])
    else:
        doc.sign(150, y + 11, 30, 11, rng.randrange(10 ** 6))
    doc.text(108, y + 30, "受托人（签名）：", 12, f, S.c("ink"))
    doc.sign(150, y + 27, 30, 11, rng.randrange(10 ** 6))
    doc.text(108, y + 46, "日期：", 12, f, S.c("ink"))
    if S.pen:
        pen4(doc, rng, 122, y + 45.4, cn_date(d), 12)
    else:
        doc.text(122, y + 46, cn_date(d), 12, f, S.c("ink"))
    facts = {"principal_name": unit["name"] if unit else pr["name"], "agent_name": agent_name, "agent_id_number": poa_agent_id}
    if not unit:
        facts["principal_id_number"] = pr["id_number"]
    return [doc], facts, "%s (form with blanks, %s, %s principal), design %s" % (
        ptitle, "filled in by pen" if S.pen else "typed in", "unit" if unit else "person", S.name), {"matter": matter}


def k_commitment4(rng, S, c):
    """承诺书 (titles of forms/named) as a form: the person's blanks at the top (by pen or typed), numbered pledges."""
    p = c["person"]
    title = c.get("commit_title") or rng.choice(commitment_titles())
    doc = Doc(210, 297, S=S)
    tsz = 18 * S.k if len(title) <= 12 else 15 * S.k
    y = doc.para(25, 24 + S.dy, 160, title, tsz, S.f("serifb"), S.c("ink"), lh=1.4, indent=0) if doc.width(title, tsz, S.f("serifb")) > 160 else None
    if y is None:
        doc.text(105, 24 + S.dy, title, tsz, S.f("serifb"), S.c("ink"), "m", spacing=0.8)
        y = 38 + S.dy
    fsz = 11.5 * min(S.k, 1.12)
    f = S.f("serif")
    y += 8
    for lab, val, w in [("承诺人姓名", p["name"], 50), ("身份证号码", p["id_number"], 95), ("联系电话", "1%d" % rng.randrange(3 * 10 ** 9, 9 * 10 ** 9), 70)]:
        t = lab + "："
        doc.text(25, y, t, fsz, f, S.c("ink"))
        blank4(doc, S, rng, 25 + doc.width(t, fsz, f) + 2, y, val, fsz, w)
        y += 12
    y = doc.para(25, y + 4, 160, "本人申请办理%s，现郑重承诺如下：" % c.get("matter", "相关医疗保障业务"), fsz, f, S.c("ink"), lh=1.9)
    pledges = ["所提供的材料及填报的信息真实、准确、完整；",
               rng.choice(["本次医疗费用未在其他任何单位或机构报销；", "本人长期居住在异地，符合备案条件；", "本次受伤无第三方责任；", "本人目前无工作单位，未参加职工基本医疗保险；"]),
               "如有虚假，本人愿意退回已享受的待遇，并承担相应的法律责任。"]
    for i, t in enumerate(pledges):
        y = doc.para(25, y + 1, 160, "%d. %s" % (i + 1, t), fsz, f, S.c("ink"), lh=1.9, indent=2)
    doc.text(108, y + 18, "承诺人（签名）：", 12, f, S.c("ink"))
    doc.sign(148, y + 15, 30, 11, rng.randrange(10 ** 6))
    d = rand_date(rng, dt.date(2026, 9, 1), dt.date(2026, 11, 28))
    doc.text(108, y + 33, "日期：", 12, f, S.c("ink"))
    if S.pen:
        pen4(doc, rng, 122, y + 32.4, cn_date(d), 12)
    else:
        doc.text(122, y + 33, cn_date(d), 12, f, S.c("ink"))
    return [doc], {"name": p["name"], "id_number": p["id_number"]}, "%s (form with blanks, %s, numbered pledges), design %s" % (
        title, "filled in by pen" if S.pen else "typed in", S.name), {"title": title}


def k_med_license4(rng, S, c):
    """医疗机构执业许可证 （副本）, portrait, its fields in a ruled table (登记号, 所有制形式, 床位 …)."""
    co = c["company"]
    frm, until = c["lic_valid"]
    doc = Doc(210, 297, bg=(254, 254, 251), S=S)
    doc.rect(9, 9, 201, 288, outline=S.c("label"), w=1.4)
    doc.image(96, 16, 18, 18, emblem())
    doc.text(105, 40 + S.dy, "医疗机构执业许可证", 21 * S.k, S.f("serifb"), (176, 22, 22), "m", spacing=1.0)
    doc.text(105, 53 + S.dy, "（副　本）", 12, S.f("serif"), S.c("ink"), "m")
    org = co["uscc"][8:17]
    lic = org + co["area"] + "%02d%s%04d" % (rng.randint(10, 19), rng.choice("ABCDJ"), rng.randint(1001, 1999))
    rows = [[("登记号", 1, True), (lic, 3, False)], [("机构名称", 1, True), (co["name"], 3, False)], [("地址", 1, True), (co["address"], 3, False)],
            [("法定代表人", 1, True), (co["rep"]["name"], 1, False), ("主要负责人", 1, True), (co["rep"]["name"], 1, False)],
            [("所有制形式", 1, True), (rng.choice(["私有", "股份制", "其他"]), 1, False), ("床位", 1, True), ("%d张" % rng.choice([0, 0, 10, 20]), 1, False)],
            [("诊疗科目", 1, True), (rng.choice(["内科；外科；预防保健科；医学检验科", "全科医疗科；中医科；口腔科", "内科；妇产科；儿科；医学影像科"]), 3, False)],
            [("有效期限", 1, True), ("自%s至%s" % (cn_date(frm), cn_date(until)), 3, False)]]
    y = grid(doc, S, 20 + S.dx, 68 + S.dy, [34, 50, 34, 52], rows, 10.5 * S.k, 13, font="serif", colour=S.c("label"))
    auth = PLACES[co["area"]][0].replace("山东省", "") + "卫生健康局"
    doc.text(145, y + 26, "发证机关：" + auth, 10, S.f("serif"), S.c("ink"), "m")
    doc.text(145, y + 36, cn_date(frm), 10, S.f("serif"), S.c("ink"), "m")
    doc.seal(150, y + 28, 40, auth)
    doc.text(105, 280, "中华人民共和国国家卫生健康委员会制", 8, S.f("sans"), (90, 90, 90), "m")
    exp = until < TODAY
    return [doc], {"unit_name": co["name"], "license_number": lic, "valid_from": iso(frm), "valid_until": iso(until)}, \
        "医疗机构执业许可证 （副本） portrait table, design %s%s" % (S.name, ", EXPIRED" if exp else ""), {"expired": exp}


def k_drug_license4(rng, S, c):
    """药品经营许可证 of the newer edition: 分类码, 日常监管机构, 投诉举报电话 12315, fields in a ruled table, landscape."""
    co = c["company"]
    frm, until = c["lic_valid"]
    doc = Doc(297, 210, bg=(252, 253, 255), S=S)
    doc.rect(9, 9, 288, 201, outline=S.c("accent"), w=1.6)
    doc.rect(12, 12, 285, 198, outline=S.c("accent"), w=0.3)
    doc.text(148.5, 20 + S.dy, "药品经营许可证", 26 * S.k, S.f("serifb"), (172, 20, 20), "m", spacing=2.5)
    lic = "鲁%s%s%04d" % (rng.choice(["AA", "DA", "CA", "CB"]), "539", rng.randrange(10000))
    rows = [[("证号", 1, True), (lic, 1, False), ("分类码", 1, True), (rng.choice(["A", "B", "C"]) + rng.choice(["a", "b"]), 1, False)],
            [("企业名称", 1, True), (co["name"], 3, False)], [("统一社会信用代码", 1, True), (co["uscc"], 3, False)],
            [("注册地址", 1, True), (co["address"], 3, False)],
            [("法定代表人", 1, True), (co["rep"]["name"], 1, False), ("企业负责人", 1, True), (co["rep"]["name"], 1, False)],
            [("质量负责人", 1, True), (fake_name(rng, True), 1, False), ("经营方式", 1, True), (rng.choice(["零售", "零售（单体）", "零售（连锁）"]), 1, False)],
            [("经营范围", 1, True), ("中成药、化学药、生物制品（除疫苗）", 3, False)],
            [("日常监管机构", 1, True), (PLACES[co["area"]][0].replace("山东省", "") + "市场监督管理局", 1, False), ("有效期至", 1, True), (cn_date(until), 1, False)]]
    y = grid(doc, S, 26 + S.dx, 38 + S.dy, [40, 78, 32, 95], rows, 10.5 * S.k, 12, font="serif", colour=S.c("label"))
    auth = PLACES[co["area"]][0].replace("山东省", "")[:3] + "行政审批服务局"
    doc.text(220, y + 14, "发证机关：" + auth, 10, S.f("serif"), S.c("ink"), "m")
    doc.text(220, y + 23, "签发日期：" + cn_date(frm), 10, S.f("serif"), S.c("ink"), "m")
    doc.seal(225, y + 15, 38, auth)
    doc.text(40, y + 18, "投诉举报电话：12315", 9, S.f("sans"), S.c("ink"))
    exp = until < TODAY
    return [doc], {"unit_name": co["name"], "license_number": lic, "uscc": co["uscc"], "valid_until": iso(until)}, \
        "药品经营许可证 newer edition (分类码, 日常监管机构), design %s%s" % (S.name, ", EXPIRED" if exp else ""), {"expired": exp}


def k_other4(rng, S, c):
    """Not a 医保 material: a 快递面单 (waybill), a 血常规 检验报告单, a bank's 账户交易明细, a 药品说明书."""
    t = c.get("other") or rng.choice(["waybill", "lab", "statement", "leaflet"])
    f, fb = S.f("sans"), S.f("sansb")
    if t == "waybill":
        doc = Doc(100, 150, S=S)
        doc.rect(2, 2, 98, 148, outline=(30, 30, 30), w=0.4)
        doc.text(6, 5, rng.choice(["顺丰速运", "中通快递", "京东物流", "邮政EMS"]), 12, fb, (30, 30, 30))
        doc.text(94, 6, "标准快递", 9, fb, (30, 30, 30), "r")
        for i in range(60):
            w = rng.choice([0.25, 0.5, 0.5, 0.75])
            doc.rect(10 + i * 1.3, 15, 10 + i * 1.3 + w, 30, fill=(20, 20, 20))
        doc.text(50, 31, "SF%013d" % rng.randrange(10 ** 13), 8, S.f("mono"), (20, 20, 20), "m")
        for y, who in ((40, "收"), (72, "寄")):
            q = make_person(rng)
            doc.rect(5, y, 13, y + 8, fill=(30, 30, 30))
            doc.text(9, y + 1.3, who, 10, fb, (255, 255, 255), "m")
            doc.text(16, y, q["name"] + "  1%s****%04d" % (rng.randint(30, 89), rng.randrange(10000)), 9, f, (20, 20, 20))
            doc.para(16, y + 6, 78, address(rng, rng.choice(list(PLACES))), 8, f, (20, 20, 20), lh=1.4, indent=0)
        doc.line(2, 100, 98, 100, 0.3, (30, 30, 30))
        doc.text(6, 104, "托寄物：文件    计费重量：0.5kg", 8, f, (20, 20, 20))
        doc.text(6, 112, "签收人：__________   时间：____年__月__日", 8, f, (20, 20, 20))
        doc.image(70, 118, 24, 24, qr_block(rng, 21))
        note = "快递面单"
    elif t == "lab":
        doc = Doc(210, 148.5, S=S)
        hosp = rng.choice(HOSP)
        q = make_person(rng)
        doc.text(105, 9, hosp + "检验报告单", 14 * S.k, fb, S.c("ink"), "m")
        fields4(doc, S, 12, 20, [("姓名", q["name"]), ("性别", q["sex"]), ("年龄", "%d岁" % ((TODAY - q["birth"]).days // 365)), ("标本", "全血"), ("科室", rng.choice([d for _, d in DIAG]))], 8.5 * S.k, gap=5)
        rows = [[("项目", 1, True), ("结果", 1, True), ("单位", 1, True), ("参考范围", 1, True)]]
        for nm, unit, lo, hi in [("白细胞计数WBC", "10^9/L", 3.5, 9.5), ("红细胞计数RBC", "10^12/L", 4.3, 5.8), ("血红蛋白HGB", "g/L", 130, 175),
                                 ("血小板计数PLT", "10^9/L", 125, 350), ("中性粒细胞百分比", "%", 40, 75), ("淋巴细胞百分比", "%", 20, 50)]:
            val = rng.uniform(lo * 0.85, hi * 1.1)
            flag = " ↑" if val > hi else " ↓" if val < lo else ""
            rows.append([(nm, 1, False), (("%.1f" % val) + flag, 1, False), (unit, 1, False), ("%s-%s" % (lo, hi), 1, False)])
        y = grid(doc, S, 12, 28, [62, 36, 34, 54], rows, 8.5 * S.k, 7.5)
        doc.text(12, y + 5, "检验者：%s    审核者：%s    报告时间：2026-11-%02d" % (fake_name(rng, True), fake_name(rng, False), rng.randint(1, 28)), 8, f, S.c("ink"))
        note = "血常规检验报告单"
    elif t == "statement":
        doc = Doc(210, 297, S=S)
        bank = rng.choice(BANKS)
        q = make_person(rng)
        doc.text(105, 18, bank[0] + "个人账户交易明细", 15 * S.k, fb, S.c("ink"), "m")
        fields4(doc, S, 15, 32, [("户名", q["name"]), ("账号", bank_number(rng, bank)[:6] + "******" + "%04d" % rng.randrange(10000))], 9 * S.k, gap=8)
        fields4(doc, S, 15, 39, [("起止日期", "2026-08-01至2026-10-31"), ("币种", "人民币")], 9 * S.k, gap=8)
        rows = [[(h, 1, True) for h in ["交易日期", "摘要", "交易金额", "账户余额", "对方户名"]]]
        bal = rng.uniform(2000, 30000)
        for _ in range(rng.randint(14, 22)):
            amt = round(rng.choice([-1, -1, 1]) * rng.uniform(10, 3000), 2)
            bal += amt
            rows.append([("2026-%02d-%02d" % (rng.randint(8, 10), rng.randint(1, 28)), 1, False), (rng.choice(["消费", "转账", "工资", "代缴费", "利息"]), 1, False),
                         ("%.2f" % amt, 1, False), ("%.2f" % bal, 1, False), (rng.choice(["财付通", "支付宝", "", fake_name(rng, rng.random() < 0.5)]), 1, False)])
        grid(doc, S, 15, 48, [30, 28, 36, 36, 50], rows, 8.5 * S.k, 7.5)
        note = "银行账户交易明细"
    else:
        doc = Doc(148, 210, bg=(252, 252, 248), S=S)
        nm = rng.choice(["布洛芬缓释胶囊", "阿莫西林胶囊", "复方丹参滴丸", "感冒灵颗粒"])
        doc.text(74, 10, nm + "说明书", 13 * S.k, fb, S.c("ink"), "m")
        doc.text(74, 18, "请仔细阅读说明书并在医师或药师指导下使用", 7.5, f, (170, 30, 30), "m")
        y = 26
        for lab, val in [("【药品名称】", "通用名称：%s" % nm), ("【成份】", "本品主要成份为%s，辅料为淀粉、硬脂酸镁。" % nm[:3]),
                         ("【性状】", "本品为胶囊剂，内容物为白色颗粒或粉末。"), ("【适应症】", "用于缓解轻至中度疼痛，也用于普通感冒或流行性感冒引起的发热。"),
                         ("【用法用量】", "口服。成人一次1粒，一日2次（早晚各一次）。"), ("【不良反应】", "少数病人可出现恶心、呕吐、胃烧灼感或轻度消化不良。"),
                         ("【禁忌】", "对本品过敏者禁用。"), ("【贮藏】", "遮光，密封保存。"), ("【有效期】", "24个月"),
                         ("【批准文号】", "国药准字H%08d" % rng.randrange(10 ** 8))]:
            doc.text(10, y, lab, 8.5, fb, S.c("ink"))
            y = doc.para(32, y, 106, val, 8.5, f, S.c("ink"), lh=1.6, indent=0) + 1.5
        note = "药品说明书"
    return [doc], {}, "other: %s, design %s" % (note, S.name), {}


KINDS = {
    "id-card-front": k_id_front, "id-card-back": k_id_back, "social-security-card": k_ssc, "household-register": k_household,
    "residence-permit": k_residence_permit, "residence-permit-receipt": k_rp_receipt, "business-license": k_business_license,
    "uscc-certificate": k_uscc_cert, "approval-document": k_approval, "marriage-certificate": k_marriage, "birth-certificate": k_birth,
    "diagnosis": k_diagnosis, "discharge-record": k_discharge, "medical-record": k_medical_record, "medical-invoice": k_invoice,
    "expense-list": k_expense_list, "bank-card": k_bank, "power-of-attorney": k_poa, "commitment-letter": k_commitment,
    "medical-institution-license": k_med_license, "drug-license": k_drug_license, "other": k_other,
}
CARD_KINDS = {"id-card-front", "id-card-back", "social-security-card", "bank-card", "residence-permit"}


# --------------------------------------------------------------------------------------------
# Degradations: clean digital, flatbed scan, phone photo

def rounded_card(img, dpi):
    """Card corners rounded (3.18 mm radius): RGBA."""
    r = int(3.18 / 25.4 * dpi)
    m = Image.new("L", img.size, 0)
    ImageDraw.Draw(m).rounded_rectangle([0, 0, img.width - 1, img.height - 1], r, fill=255)
    out = img.convert("RGBA")
    out.putalpha(m)
    return out


def paper_noise(arr, rng, sigma):
    return arr + np.random.default_rng(rng.randrange(2 ** 32)).normal(0, sigma, arr.shape)


def lay_cards(page, cards, x, y, k, rng, gap, shadow, offset):
    """Cards (RGBA, rounded) laid on a scanner's glass one below the other, each with a soft shadow of
    `shadow` alpha `offset` px down-right, `gap` mm (a random range) apart; k: px per mm."""
    for im in cards:
        sh = Image.new("L", im.size, 0)
        sh.paste(im.getchannel("A").point(lambda a: shadow if a else 0), (0, 0))
        page.paste((150, 150, 150), (x + offset[0], y + offset[1]), sh.filter(ImageFilter.GaussianBlur(2)))
        page.paste(im, (x, y), im)
        y += im.height + int(rng.uniform(*gap) * k)


def scan(docs, rng, card):
    """Flatbed scan of one page (docs: the cards or the page). Returns (image, dpi, how)."""
    on_a4 = rng.random() < 0.6
    dpi = (rng.choice([150, 200, 200]) if on_a4 else rng.choice([200, 240, 300, 300])) if card else rng.choice([150, 200, 200, 200, 240])
    colour = rng.random() < 0.6
    angle = rng.uniform(-2, 2)
    k = dpi / 25.4
    if card:
        W, H = (int(210 * k), int(297 * k)) if on_a4 else (int((CARD_W + rng.uniform(10, 30)) * k), int((CARD_H * len(docs) + 12 * len(docs) + rng.uniform(6, 20)) * k))
        page = Image.new("RGB", (W, H), (250, 250, 248))
        x = int((rng.uniform(40, 70) if on_a4 else rng.uniform(4, 10)) * k)
        y = int((rng.uniform(25, 60) if on_a4 else rng.uniform(4, 8)) * k)
        lay_cards(page, [rounded_card(render(d, dpi), dpi) for d in docs], x, y, k, rng, gap=(8, 40), shadow=70, offset=(2, 2))
        how = "card on %s" % ("A4" if on_a4 else "crop")
    else:
        page = render(docs[0], dpi)
        how = "page"
    arr = np.asarray(page).astype(float) * 0.95 + 8
    page = Image.fromarray(arr.clip(0, 255).astype("uint8")).rotate(angle, Image.BICUBIC, expand=False, fillcolor=(244, 243, 238))
    if not colour:
        page = page.convert("L")
    sigma, blur = rng.uniform(1.2, 3.5), rng.uniform(0.3, 0.8)
    page = Image.fromarray(paper_noise(np.asarray(page).astype(float), rng, sigma).clip(0, 255).astype("uint8")).filter(ImageFilter.GaussianBlur(blur))
    return page, dpi, "flatbed scan %d dpi, %s, %s, rotated %.2f°, noise %.1f, blur %.2f" % (dpi, how, "colour" if colour else "grey", angle, sigma, blur)


def scan200(docs, rng, card):
    """heldout2's flatbed scan: always 200 dpi, colour or grey, small turn, sometimes the dark edge of a lid
    left open. Returns (image, dpi, how) like scan."""
    on_a4 = rng.random() < 0.6
    dpi, k = 200, 200 / 25.4
    colour = rng.random() < 0.5
    angle = rng.uniform(-1.5, 1.5)
    if card:
        W, H = (int(210 * k), int(297 * k)) if on_a4 else (int((CARD_W + rng.uniform(12, 26)) * k), int((CARD_H * len(docs) + 12 * len(docs) + rng.uniform(8, 18)) * k))
        page = Image.new("RGB", (W, H), (249, 249, 246))
        x = int((rng.uniform(20, 100) if on_a4 else rng.uniform(5, 10)) * k)
        y = int((rng.uniform(15, 120) if on_a4 and len(docs) == 1 else rng.uniform(15, 40) if on_a4 else rng.uniform(4, 8)) * k)
        lay_cards(page, [rounded_card(render(d, dpi), dpi) for d in docs], x, y, k, rng, gap=(10, 30), shadow=60, offset=(2, 3))
        how = "card on %s" % ("A4" if on_a4 else "crop")
    else:
        page = render(docs[0], dpi)
        how = "page"
    arr = np.asarray(page).astype(float) * rng.uniform(0.92, 0.97) + rng.uniform(4, 10)
    lid = None
    if rng.random() < 0.3:   # lid not closed: a dark band fading in along one edge
        lid = rng.choice(["left", "right", "top", "bottom"])
        n = int(rng.uniform(4, 10) * k)
        ramp = np.linspace(0.35, 1.0, n) ** 0.7
        if lid in ("left", "right"):
            m = np.ones(arr.shape[1])
            m[:n] = ramp
            m = m if lid == "left" else m[::-1]
            arr = arr * m[None, :, None]
        else:
            m = np.ones(arr.shape[0])
            m[:n] = ramp
            m = m if lid == "top" else m[::-1]
            arr = arr * m[:, None, None]
    page = Image.fromarray(arr.clip(0, 255).astype("uint8")).rotate(angle, Image.BICUBIC, expand=False, fillcolor=(240, 240, 236))
    if not colour:
        page = page.convert("L")
    sigma, blur = rng.uniform(1.0, 3.0), rng.uniform(0.3, 0.7)
    page = Image.fromarray(paper_noise(np.asarray(page).astype(float), rng, sigma).clip(0, 255).astype("uint8")).filter(ImageFilter.GaussianBlur(blur))
    return page, dpi, "flatbed scan %d dpi, %s, %s, rotated %.2f°, noise %.1f, blur %.2f%s" % (
        dpi, how, "colour" if colour else "grey", angle, sigma, blur, ", dark lid edge at the %s" % lid if lid else "")


def background(rng, W, H):
    t = rng.choice(["wood", "desk", "cloth", "counter"])
    small = (max(8, W // 8), max(8, H // 8))
    yy, xx = np.mgrid[0:small[1], 0:small[0]].astype(float)
    if t == "wood":
        base = np.array(rng.choice([(150, 105, 70), (120, 80, 50), (185, 140, 95)]), float)
        g = np.sin(yy / rng.uniform(2, 5) + 2 * np.sin(xx / 30.0)) * 14
    elif t == "desk":
        base = np.array(rng.choice([(200, 200, 196), (90, 95, 100), (230, 226, 215)]), float)
        g = np.zeros_like(xx)
    elif t == "cloth":
        base = np.array(rng.choice([(60, 80, 120), (120, 40, 40), (70, 110, 80)]), float)
        g = (np.sin(xx * 1.7) + np.sin(yy * 1.7)) * 6
    else:
        base = np.array(rng.choice([(225, 225, 225), (170, 175, 180)]), float)
        g = np.sin(xx / 9.0) * 4
    a = base[None, None, :] + g[..., None] + np.random.default_rng(rng.randrange(2 ** 32)).normal(0, 5, (small[1], small[0], 1))
    return Image.fromarray(a.clip(0, 255).astype("uint8")).resize((W, H), Image.BICUBIC), t


def persp_coeffs(src, dst):
    """Coefficients for Image.transform(PERSPECTIVE) mapping output points dst to input points src."""
    A, B = [], []
    for (x, y), (u, v) in zip(dst, src):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        B += [u, v]
    return np.linalg.solve(np.array(A, float), np.array(B, float)).tolist()


def photo(docs, rng, card, held2=False):
    """Phone photo: the document on a table, perspective, uneven light, blur. Returns (upright image, how).
    held2: at most 3000 px, pages a little smaller in the frame, a stronger far-edge shrink, a glare spot on some cards."""
    L = int(rng.choice([1600, 2000, 2400, 2400, 3000] if held2 else [1600, 1800, 2000, 2200, 2400, 3000, 4000]))
    d = docs[0]
    land = (d.w > d.h) == (rng.random() < 0.85)
    W, H = (L, int(L * 3 / 4)) if land else (int(L * 3 / 4), L)
    bg, bgname = background(rng, W, H)
    frac = rng.uniform(0.6, 0.85) if card else rng.uniform(0.66, 0.84) if held2 else rng.uniform(0.72, 0.9)
    dpi = min(W * frac / (d.w / 25.4), H * frac / (d.h / 25.4))
    im = render(d, dpi)
    im = rounded_card(im, dpi) if card else im.convert("RGBA")
    w, h = im.size
    cx, cy = W / 2 + rng.uniform(-0.08, 0.08) * W, H / 2 + rng.uniform(-0.08, 0.08) * H
    rot = math.radians(rng.uniform(-8, 8))
    j = 0.06 * max(w, h)
    corners = []
    for (px, py) in [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]:
        x = cx + px * math.cos(rot) - py * math.sin(rot) + rng.uniform(-j, j)
        y = cy + px * math.sin(rot) + py * math.cos(rot) + rng.uniform(-j, j)
        corners.append((x, y))
    # far edge smaller: shrink the top corners toward the centre line
    shrink = rng.uniform(0.04, 0.16) if held2 else rng.uniform(0.0, 0.12)
    corners[0] = (corners[0][0] + shrink * w / 2, corners[0][1] + shrink * h * 0.3)
    corners[1] = (corners[1][0] - shrink * w / 2, corners[1][1] + shrink * h * 0.3)
    co = persp_coeffs([(0, 0), (w, 0), (w, h), (0, h)], corners)
    warped = im.transform((W, H), Image.PERSPECTIVE, co, Image.BICUBIC)
    alpha = warped.getchannel("A")
    shadow = alpha.filter(ImageFilter.GaussianBlur(max(4, W // 150)))
    off = int(W * 0.006)
    bg.paste((20, 20, 20), (off, off), shadow.point(lambda a: int(a * 0.45)))
    bg.paste(warped.convert("RGB"), (0, 0), alpha)
    # uneven light: a linear gradient and a soft spot
    yy, xx = np.mgrid[0:H:8, 0:W:8].astype(float)
    gx, gy = rng.uniform(-0.25, 0.25), rng.uniform(-0.25, 0.25)
    light = 1 + gx * (xx / W - 0.5) + gy * (yy / H - 0.5)
    sx, sy, sr = rng.uniform(0.2, 0.8) * W, rng.uniform(0.2, 0.8) * H, rng.uniform(0.3, 0.7) * L
    light += rng.uniform(0.05, 0.18) * np.exp(-((xx - sx) ** 2 + (yy - sy) ** 2) / sr ** 2) - 0.08
    light = np.asarray(Image.fromarray((light * 100).clip(0, 255).astype("uint8")).resize((W, H), Image.BICUBIC)).astype(float) / 100
    warm = np.array([1.0, rng.uniform(0.96, 1.0), rng.uniform(0.88, 0.98)])
    arr = np.asarray(bg).astype(float) * light[..., None] * warm[None, None, :]
    glare = ""
    if held2 and card and rng.random() < 0.5:   # a ceiling lamp reflected off the laminated card
        gx0, gy0 = rng.uniform(0.3, 0.7) * W, rng.uniform(0.25, 0.75) * H
        gr, gs = rng.uniform(0.04, 0.08) * L, rng.uniform(0.3, 0.55)
        g = np.exp(-(((xx - gx0) / (gr * 1.6)) ** 2 + ((yy - gy0) / gr) ** 2)) * gs
        g = np.asarray(Image.fromarray((g * 255).clip(0, 255).astype("uint8")).resize((W, H), Image.BICUBIC)).astype(float) / 255
        arr = arr + (255 - arr) * g[..., None]
        glare = ", glare spot"
    arr = paper_noise(arr, rng, rng.uniform(1.0, 2.5))
    blur = rng.uniform(0.5, 1.4) * L / 2000
    out = Image.fromarray(arr.clip(0, 255).astype("uint8")).filter(ImageFilter.GaussianBlur(blur))
    return out, "phone photo %dx%d on %s, perspective (top shrink %.2f, rotation %.1f°), uneven light%s, blur %.1f" % (W, H, bgname, shrink, math.degrees(rot), glare, blur)


def rounded_card_r(img, dpi, radius):
    """rounded_card with heldout3's corner radius (mm)."""
    r = int(radius / 25.4 * dpi)
    m = Image.new("L", img.size, 0)
    ImageDraw.Draw(m).rounded_rectangle([0, 0, img.width - 1, img.height - 1], r, fill=255)
    out = img.convert("RGBA")
    out.putalpha(m)
    return out


BACK_TEXT = ("根据有关规定，现将相关事项通知如下：一、各单位应当按照要求认真做好材料的收集、整理和报送工作，确保信息真实准确；"
             "二、办理过程中如遇问题，请及时与经办机构联系；三、本通知自印发之日起执行。")


def back_page(rng, d, S):
    """The other side of a sheet (for show-through): paragraphs of text, as the page before it in a file would be."""
    back = Doc(d.w, d.h, S=S)
    y = rng.uniform(20, 40)
    back.text(d.w / 2, y, rng.choice(["通  知", "情况说明", "申请书"]), 18, S.f("sansb"), (0, 0, 0), "m")
    y += 16
    while y < d.h - 40:
        y = back.para(22, y, d.w - 44, BACK_TEXT[rng.randrange(30):], 12, S.f("serif"), (0, 0, 0), lh=1.9) + 6
    return back


def scan3(docs, rng, card, S):
    """heldout3's flatbed scan: 200 dpi, colour or grey, rotation up to ±2°; some pages with the faint mirrored
    print of the sheet's other side showing through, some with the shadows of two punched holes.
    Returns (image, dpi, how) like scan."""
    on_a4 = rng.random() < 0.55
    dpi, k = 200, 200 / 25.4
    colour = rng.random() < 0.5
    angle = rng.uniform(-2, 2)
    if card:
        W, H = (int(210 * k), int(297 * k)) if on_a4 else (int((CARD_W + rng.uniform(10, 24)) * k), int((CARD_H * len(docs) + 12 * len(docs) + rng.uniform(8, 16)) * k))
        page = Image.new("RGB", (W, H), (250, 250, 247))
        x = int((rng.uniform(30, 90) if on_a4 else rng.uniform(5, 9)) * k)
        y = int((rng.uniform(20, 110) if on_a4 and len(docs) == 1 else rng.uniform(20, 45) if on_a4 else rng.uniform(4, 8)) * k)
        lay_cards(page, [rounded_card_r(render(d, dpi), dpi, S.radius) for d in docs], x, y, k, rng, gap=(10, 30), shadow=65, offset=(3, 2))
        how = "card on %s (corner radius %.1f mm)" % ("A4" if on_a4 else "crop", S.radius)
        sheet = on_a4
    else:
        page = render(docs[0], dpi)
        how = "page"
        sheet = True
    extras = []
    arr = np.asarray(page).astype(float)
    if not card and rng.random() < 0.4:
        back = np.asarray(ImageOps.mirror(render(back_page(rng, docs[0], S), dpi).convert("L")).filter(ImageFilter.GaussianBlur(2.2))).astype(float)
        a = rng.uniform(0.04, 0.08)
        arr = arr * (1 - a * (1 - back / 255.0))[..., None]
        extras.append("faint show-through of the other side (%.0f %%)" % (a * 100))
    arr = arr * rng.uniform(0.93, 0.97) + rng.uniform(4, 9)
    page = Image.fromarray(arr.clip(0, 255).astype("uint8"))
    if sheet and page.size[0] <= page.size[1] and rng.random() < 0.4:   # 2-hole punch: 80 mm apart, 12 mm in from the left edge of a portrait sheet
        d = ImageDraw.Draw(page)
        Wp, Hp = page.size
        side = "left"
        for off in (-40, 40):
            cx, cy = 12 * k, Hp / 2 + off * k
            r = 3 * k
            d.ellipse([cx - r + 0.7 * k, cy - r + 0.7 * k, cx + r + 0.7 * k, cy + r + 0.7 * k], fill=(96, 96, 94))
            d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(214, 214, 210))
        extras.append("punch-hole shadows at the %s edge" % side)
    page = page.rotate(angle, Image.BICUBIC, expand=False, fillcolor=(240, 240, 236))
    if not colour:
        page = page.convert("L")
    sigma, blur = rng.uniform(0.8, 2.0), rng.uniform(0.3, 0.7)
    page = Image.fromarray(paper_noise(np.asarray(page).astype(float), rng, sigma).clip(0, 255).astype("uint8")).filter(ImageFilter.GaussianBlur(blur))
    return page, dpi, "flatbed scan %d dpi, %s, %s, rotated %.2f°, noise %.1f, blur %.2f%s" % (
        dpi, how, "colour" if colour else "grey", angle, sigma, blur, "".join(", " + e for e in extras))


def photo3(docs, rng, card, S, extra="none"):
    """heldout3's phone photo: as photo, cards with heldout3's corner radius, 1600–2000 px; on some a thumb
    holding the document at an edge, on some the soft shadow of the phone or a hand across part of it.
    extra: "thumb", "shadow" or "none" (make_split takes them in turn). Returns (upright image, how)."""
    L = int(rng.choice([1600, 1600, 1800, 2000, 2000]))
    d = docs[0]
    land = (d.w > d.h) == (rng.random() < 0.85)
    W, H = (L, int(L * 3 / 4)) if land else (int(L * 3 / 4), L)
    bg, bgname = background(rng, W, H)
    frac = rng.uniform(0.6, 0.8) if card else rng.uniform(0.7, 0.86)
    dpi = min(W * frac / (d.w / 25.4), H * frac / (d.h / 25.4))
    im = render(d, dpi)
    im = rounded_card_r(im, dpi, S.radius) if card else im.convert("RGBA")
    w, h = im.size
    cx, cy = W / 2 + rng.uniform(-0.06, 0.06) * W, H / 2 + rng.uniform(-0.06, 0.06) * H
    rot = math.radians(rng.uniform(-7, 7))
    j = 0.05 * max(w, h)
    corners = []
    for (px, py) in [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]:
        x = cx + px * math.cos(rot) - py * math.sin(rot) + rng.uniform(-j, j)
        y = cy + px * math.sin(rot) + py * math.cos(rot) + rng.uniform(-j, j)
        corners.append((x, y))
    shrink = rng.uniform(0.02, 0.12)
    corners[0] = (corners[0][0] + shrink * w / 2, corners[0][1] + shrink * h * 0.3)
    corners[1] = (corners[1][0] - shrink * w / 2, corners[1][1] + shrink * h * 0.3)
    co = persp_coeffs([(0, 0), (w, 0), (w, h), (0, h)], corners)
    warped = im.transform((W, H), Image.PERSPECTIVE, co, Image.BICUBIC)
    alpha = warped.getchannel("A")
    shadow = alpha.filter(ImageFilter.GaussianBlur(max(4, W // 150)))
    off = int(W * 0.006)
    bg.paste((20, 20, 20), (off, off), shadow.point(lambda a: int(a * 0.45)))
    bg.paste(warped.convert("RGB"), (0, 0), alpha)
    extras = []
    small = card or d.w < 100
    mmpx = dpi / 25.4   # photo pixels per mm of the document (before perspective)
    if extra == "thumb":   # a thumb holding the document: over the middle of a side edge (or a page's bottom edge)
        edge = rng.choice([(0, 3), (1, 2)] + ([] if small else [(3, 2)]))
        a, b = corners[edge[0]], corners[edge[1]]
        t = rng.uniform(0.35, 0.65)
        ex, ey = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        mx, my = sum(q[0] for q in corners) / 4, sum(q[1] for q in corners) / 4
        nx, ny = mx - ex, my - ey
        nl = math.hypot(nx, ny)
        nx, ny = nx / nl, ny / nl            # into the document
        reach = rng.uniform(2, 4) * mmpx if small else rng.uniform(5, 9) * mmpx
        r = rng.uniform(7.5, 9.5) * mmpx      # half a thumb's width
        tipx, tipy = ex + nx * reach, ey + ny * reach
        c0x, c0y = tipx - nx * r, tipy - ny * r
        yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
        along = (xx - c0x) * -nx + (yy - c0y) * -ny          # outwards from the tip's centre
        perp = (xx - c0x) * -ny + (yy - c0y) * nx
        inside = ((along >= 0) & (np.abs(perp) <= r)) | ((along ** 2 + perp ** 2) <= r * r)
        base = np.asarray(bg).astype(np.float32)
        shadow = Image.fromarray((inside * 255).astype("uint8")).filter(ImageFilter.GaussianBlur(max(4, r * 0.5)))
        sh = np.asarray(shadow.transform((W, H), Image.AFFINE, (1, 0, -r * 0.35, 0, 1, -r * 0.45))).astype(np.float32)[..., None] / 255.0
        base = base * (1 - 0.4 * sh)
        skin = np.array([rng.uniform(205, 228), rng.uniform(152, 178), rng.uniform(124, 148)], np.float32)
        across = np.sqrt(np.clip(1 - (perp / r) ** 2, 0, 1))
        shade = 0.7 + 0.32 * across
        nail = (((along + r * 0.05) / (r * 0.95)) ** 2 + (perp / (r * 0.62)) ** 2) <= 1
        col = skin[None, None, :] * shade[..., None]
        col = np.where(nail[..., None], col * 0.55 + np.array([238, 206, 196], np.float32) * 0.45, col)
        m = np.asarray(Image.fromarray((inside * 255).astype("uint8")).filter(ImageFilter.GaussianBlur(max(1.5, r * 0.06)))).astype(np.float32)[..., None] / 255.0
        bg = Image.fromarray((base * (1 - m) + col * m).clip(0, 255).astype("uint8"))
        extras.append("a thumb over the %s edge (%.0f mm in)" % ({(0, 3): "left", (1, 2): "right", (3, 2): "bottom"}[edge], reach / mmpx))
    elif extra == "shadow":   # the soft shadow of the phone or a hand across a corner of the document
        qx, qy = rng.choice(corners)
        mx, my = sum(q[0] for q in corners) / 4, sum(q[1] for q in corners) / 4
        rr = rng.uniform(0.35, 0.5) * math.hypot(w, h)
        m = Image.new("L", (W // 4, H // 4), 0)
        ImageDraw.Draw(m).ellipse([(qx - rr) / 4, (qy - rr * 0.8) / 4, (qx + rr) / 4, (qy + rr * 0.8) / 4], fill=255)
        m = m.filter(ImageFilter.GaussianBlur(rr / 4 * 0.25)).resize((W, H), Image.BICUBIC)
        depth = rng.uniform(0.25, 0.4)
        mk = (np.asarray(m).astype(float) / 255.0 * depth)[..., None]
        bg = Image.fromarray((np.asarray(bg).astype(float) * (1 - mk)).clip(0, 255).astype("uint8"))
        extras.append("a soft shadow over its %s%s corner (%.0f %% darker)" % ("top" if qy < my else "bottom", "-left" if qx < mx else "-right", depth * 100))
    yy, xx = np.mgrid[0:H:8, 0:W:8].astype(float)
    gx, gy = rng.uniform(-0.25, 0.25), rng.uniform(-0.25, 0.25)
    light = 1 + gx * (xx / W - 0.5) + gy * (yy / H - 0.5)
    sx, sy, sr = rng.uniform(0.2, 0.8) * W, rng.uniform(0.2, 0.8) * H, rng.uniform(0.3, 0.7) * L
    light += rng.uniform(0.05, 0.18) * np.exp(-((xx - sx) ** 2 + (yy - sy) ** 2) / sr ** 2) - 0.08
    light = np.asarray(Image.fromarray((light * 100).clip(0, 255).astype("uint8")).resize((W, H), Image.BICUBIC)).astype(float) / 100
    warm = np.array([1.0, rng.uniform(0.96, 1.0), rng.uniform(0.88, 0.98)])
    arr = np.asarray(bg).astype(float) * light[..., None] * warm[None, None, :]
    arr = paper_noise(arr, rng, rng.uniform(0.8, 2.0))
    blur = rng.uniform(0.5, 1.3) * L / 2000
    out = Image.fromarray(arr.clip(0, 255).astype("uint8")).filter(ImageFilter.GaussianBlur(blur))
    return out, "phone photo %dx%d on %s, perspective (top shrink %.2f, rotation %.1f°), uneven light%s, blur %.1f%s" % (
        W, H, bgname, shrink, math.degrees(rot), "".join(", " + e for e in extras), blur, ", card corner radius %.1f mm" % S.radius if card else "")


# --------------------------------------------------------------------------------------------
# Writing files

def save_jpeg(img, path, q, dpi=None, orientation=None):
    kw = dict(quality=q, optimize=True)
    if dpi:
        kw["dpi"] = (dpi, dpi)
    if orientation:
        stored = img.transpose(Image.Transpose.ROTATE_90 if orientation == 6 else Image.Transpose.ROTATE_180 if orientation == 3 else Image.Transpose.ROTATE_270)
        ex = Image.Exif()
        ex[0x0112] = orientation
        ex[0x010F] = "Xiaomi"
        ex[0x0110] = "Redmi Note 12"
        kw["exif"] = ex.tobytes()
        stored.save(path, "JPEG", **kw)
        chk = ImageOps.exif_transpose(Image.open(path))
        assert chk.size == img.size, (chk.size, img.size)
    else:
        img.save(path, "JPEG", **kw)


def jpeg_bytes(img, q, dpi):
    b = io.BytesIO()
    img.save(b, "JPEG", quality=q, dpi=(dpi, dpi), optimize=True)
    return b.getvalue()


def image_pdf(imgs, path, dpi, q):
    import img2pdf
    stamp = dt.datetime(2026, 11, 20, 9, 30, 0)
    import pikepdf
    data = img2pdf.convert([jpeg_bytes(i, q, dpi) for i in imgs], layout_fun=img2pdf.get_fixed_dpi_layout_fun((dpi, dpi)),
                           creationdate=stamp, moddate=stamp)
    with pikepdf.open(io.BytesIO(data)) as pdf:   # img2pdf's /ID is random: make it a hash of the content
        if "/ID" in pdf.trailer:
            del pdf.trailer["/ID"]
        pdf.save(path, deterministic_id=True)


def shrink(img, max_side):
    s = max(img.size)
    if s <= max_side:
        return img
    f = max_side / s
    return img.resize((int(img.width * f), int(img.height * f)), Image.LANCZOS)


# --------------------------------------------------------------------------------------------
# Cases, bundles and the plan of a split

def validity(rng, years, expired, first=dt.date(2015, 1, 1)):
    for _ in range(500):
        frm = rand_date(rng, first, dt.date(2026, 11, 20))
        until = add_years(frm, years) - dt.timedelta(days=1)
        if (until < TODAY) == expired:
            return frm, until
    raise RuntimeError("no validity")


def swap_adjacent(rng, s, positions):
    """heldout3's typing slip: two neighbouring, different digits swapped at one of positions (i, i+1)."""
    ok = [i for i in positions if s[i] != s[i + 1] and s[i].isdigit() and s[i + 1].isdigit()]
    i = rng.choice(ok)
    return s[:i] + s[i + 1] + s[i] + s[i + 2:]


SOUND_ALIKE = dict(zip("伟磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林欣佳阳建国峰晨芳娜敏静丽艳娟霞燕玲婷雪慧颖琳倩洁晶瑶梅莉兰凤红雯璐萍月菲彤悦强帅茜",
                       "玮垒君永洁滔彬潮鸣钢萍晖朋桦菲欣博雨昊铠建骏凡煦凝隆琳昕嘉洋健帼锋辰方那民婧莉燕鹃侠艳龄亭学惠莹林茜杰静遥玫丽岚锋虹文露平悦飞桐月蔷率倩"))
BIZ_ALIKE = {"鑫源": "鑫元", "华盛": "华胜", "鲁信": "鲁鑫", "沂蒙": "沂盟", "恒泰": "恒太", "金桥": "金乔", "宏达": "鸿达", "瑞丰": "瑞峰",
             "新鹏": "鑫鹏", "佳和": "嘉和", "德润": "得润", "兴业": "星业", "汇通": "惠通", "永成": "永诚", "嘉禾": "佳禾"}


def one_digit_off(rng, s, positions=range(14, 17)):
    i = rng.choice(list(positions))
    return s[:i] + rng.choice([d for d in "0123456789" if d != s[i]]) + s[i + 1:]


def bank_number(rng, bank):
    n = rng.choice([16, 19, 19])
    part = rng.choice(bank[2]) + "".join(rng.choice("0123456789") for _ in range(n - 7))
    return fx.luhn_complete(part)


def person_ctx(rng, p, expire_p=0.15):
    bank = rng.choice(BANKS)
    return {"person": p, "id_valid": id_validity(rng, p, rng.random() < expire_p), "bank": bank, "bank_no": bank_number(rng, bank),
            "ssc_no": rng.choice("ABCDEHJKLMN") + "%08d" % rng.randrange(10 ** 8),
            "ssc_date": "%d年%d月" % (rng.randint(2017, 2025), rng.randint(1, 12)),
            "rp_valid": validity(rng, 1, rng.random() < expire_p, dt.date(2024, 6, 1)),
            "rp_address": address(rng, rng.choice(list(PLACES))), "rp_authority": rng.choice([v[1] for v in PLACES.values()])}


def company_ctx(rng, trade=None, expire_p=0.15):
    return {"company": make_company(rng, trade), "lic_valid": validity(rng, 5, rng.random() < expire_p)}


def plan_split(split, rng):
    """Items: dict(kind, c, bundle) in order; bundles: list."""
    items, bundles = [], []

    def add(kind, c, b=None, pair=False, role=None, mism=False):
        it = dict(kind=kind, c=c, bundle=b, pair=pair, role=role, mism=mism)
        items.append(it)
        return it

    mism = {"tune": {"agent": "id", "unit": "poa", "designated": "name"},
            "heldout": {"residence": "id", "agent": "poa", "institution": "name"},
            "heldout2": {"unit": "uscc", "maternity": "bc", "reimbursement": "id"},
            "heldout3": {"agent": "poa-name", "unit": "name", "maternity": "bc-swap", "ssc": "id-swap", "designated": "expired"},
            "heldout4": {"agent": "id-other", "unit": "name-drop", "maternity": "card-other", "ssc": "id-expired"},
            "heldout5": {"agent": "name-swap", "unit": "uscc-other", "maternity": "child-name", "residence": "rp-expired"},
            "heldout6": {"ssc": "household-other", "maternity": "license-year", "reimbursement": "namesake", "designated": "biz-expired",
                         "institution": "old-name"},
            "heldout7": {"unit": "branch", "reimbursement": "payer", "residence": "commit-spouse", "institution": "cert-expired",
                         "designated": "other-unit"}}[split]
    # 1 agent for a person
    P, A = make_person(rng), make_person(rng)
    cp, ca = person_ctx(rng, P, 0), person_ctx(rng, A, 0)
    poa = {"principal": P, "agent": A, "matter": "医疗费用手工报销"}
    b = dict(id="agent-personal", purpose="代办: a 授权委托书 with the principal's and the agent's ID cards", files=[],
             applicant={"principal_name": P["name"], "principal_id_number": P["id_number"], "agent_name": A["name"], "agent_id_number": A["id_number"]})
    if mism.get("agent") == "id":
        v2 = one_digit_off(rng, P["id_number"])
        b["applicant"]["principal_id_number"] = v2
        b["mismatch"] = {"material": "id-card-front", "fact": "id_number", "on_material": P["id_number"], "in_submission": v2,
                         "note": "principal's ID card vs the submission's principal_id_number: one digit differs (the submitted number fails its check digit)"}
    if mism.get("agent") == "poa":
        poa["poa_agent_id"] = one_digit_off(rng, A["id_number"])
        b["mismatch"] = {"material": "power-of-attorney", "fact": "agent_id_number", "on_material": poa["poa_agent_id"], "in_submission": A["id_number"],
                         "note": "授权委托书 受托人 ID differs by one digit from the agent's ID card (and from the submission); the number on the letter fails its check digit"}
    if mism.get("agent") == "poa-name":
        nm = A["name"]
        poa["poa_agent_name"] = nm[:-1] + SOUND_ALIKE[nm[-1]]
        b["mismatch"] = {"material": "power-of-attorney", "fact": "agent_name", "on_material": poa["poa_agent_name"], "in_submission": nm,
                         "note": "授权委托书 受托人 name has its last character replaced by a same-sounding one; the agent's ID card and the submission agree"}
    if mism.get("agent") == "id-other":   # heldout4: the agent's ID number field holds the principal's (valid) number
        b["applicant"]["agent_id_number"] = P["id_number"]
        b["mismatch"] = {"material": "id-card-front", "fact": "agent_id_number", "on_material": A["id_number"], "in_submission": P["id_number"],
                         "note": "the submission gives the principal's ID number as the agent's: a valid number, but of the other person in the bundle"}
    if mism.get("agent") == "name-swap":   # heldout5: the principal's name field holds the agent's name
        b["applicant"]["principal_name"] = A["name"]
        b["mismatch"] = {"material": "id-card-front", "fact": "principal_name", "on_material": P["name"], "in_submission": A["name"],
                         "note": "the submission gives the agent's name as the principal's (the principal's ID card and the 授权委托书 show the principal's own name)"}
    bundles.append(b)
    add("power-of-attorney", poa, b, mism=mism.get("agent") in ("poa", "poa-name"))
    add("id-card-front", cp, b, role="principal", mism=mism.get("agent") in ("id", "name-swap"))
    add("id-card-front", ca, b, pair=True, role="agent", mism=mism.get("agent") == "id-other")
    # 2 unit enrolment by an agent
    cc = company_ctx(rng)
    A2 = make_person(rng)
    ca2 = person_ctx(rng, A2, 0)
    poa2 = {"principal": None, "agent": A2, "company": cc["company"], "matter": "单位参保登记"}
    b = dict(id="unit-agent", purpose="单位参保: 营业执照, the unit's 授权委托书 and the agent's ID card", files=[],
             applicant={"unit_name": cc["company"]["name"], "uscc": cc["company"]["uscc"], "agent_name": A2["name"], "agent_id_number": A2["id_number"]})
    if mism.get("unit") == "poa":
        poa2["poa_agent_id"] = one_digit_off(rng, A2["id_number"])
        b["mismatch"] = {"material": "power-of-attorney", "fact": "agent_id_number", "on_material": poa2["poa_agent_id"], "in_submission": A2["id_number"],
                         "note": "授权委托书 受托人 ID differs by one digit from the agent's ID card; the number on the letter fails its check digit"}
    if mism.get("unit") == "uscc":
        u = cc["company"]["uscc"]
        v2 = one_digit_off(rng, u, range(10, 16))
        b["applicant"]["uscc"] = v2
        b["mismatch"] = {"material": "business-license", "fact": "uscc", "on_material": u, "in_submission": v2,
                         "note": "the submitted 统一社会信用代码 differs by one character inside the organisation code; it fails its GB 32100 check character"}
    if mism.get("unit") == "name":
        nm = cc["company"]["name"]
        w = next(w for w in BIZ_ALIKE if w in nm)
        v2 = nm.replace(w, BIZ_ALIKE[w], 1)
        b["applicant"]["unit_name"] = v2
        b["mismatch"] = {"material": "business-license", "fact": "unit_name", "on_material": nm, "in_submission": v2,
                         "note": "the submitted unit name writes one character of the 字号 with a same-sounding one (%s for %s)" % (BIZ_ALIKE[w], w)}
    if mism.get("unit") == "name-drop":   # heldout4: 有限公司 shortened to 公司 in the submission
        nm = cc["company"]["name"]
        v2 = nm[:nm.rindex("有限公司")] + "公司"
        b["applicant"]["unit_name"] = v2
        b["mismatch"] = {"material": "business-license", "fact": "unit_name", "on_material": nm, "in_submission": v2,
                         "note": "the submitted unit name drops 有限 (…公司 for …有限公司); the unit's 授权委托书 gives the full name"}
    if mism.get("unit") == "uscc-other":   # heldout5: a valid code of another unit of the same place
        u = cc["company"]["uscc"]
        v2 = uscc(rng, cc["company"]["area"], u[:2])
        while v2 == u:
            v2 = uscc(rng, cc["company"]["area"], u[:2])
        b["applicant"]["uscc"] = v2
        b["mismatch"] = {"material": "business-license", "fact": "uscc", "on_material": u, "in_submission": v2,
                         "note": "the submitted 统一社会信用代码 is another valid code (its GB 32100 check character holds) with the same first 8 characters, not the licence's"}
    cc_b = None
    if mism.get("unit") == "branch":   # heldout7: the licence handed in is the company's branch's (分公司), not the company's
        co7 = cc["company"]
        barea = rng.choice([a for a in PLACES if a != co7["area"]])
        bcity = PLACES[barea][0].replace("山东省", "")
        dist = bcity[bcity.index("市") + 1:] if "市" in bcity and not bcity.endswith("市") else bcity
        dist = dist[:-1] if dist[-1] in "区县" and len(dist) > 2 else dist
        branch = dict(name=co7["name"] + dist + "分公司", uscc=uscc(rng, barea), address=address(rng, barea), head=make_person(rng),
                      founded=rand_date(rng, max(co7["founded"], dt.date(2010, 1, 1)), dt.date(2025, 10, 31)))
        cc_b = dict(cc, branch=branch)
        b["mismatch"] = {"material": "business-license", "fact": "unit_name", "on_material": branch["name"], "in_submission": co7["name"],
                         "note": "the 营业执照 handed in is the company's branch's (分公司: its own name and 统一社会信用代码, 负责人 and 营业场所, no 注册资本), "
                                 "not the company's that enrols (the unit's 授权委托书 and the submission name the company)"}
    bundles.append(b)
    add("business-license", cc_b or cc, b, mism=mism.get("unit") in ("uscc", "name", "name-drop", "uscc-other", "branch"))
    add("power-of-attorney", poa2, b, mism=mism.get("unit") == "poa")
    add("id-card-front", ca2, b, role="agent")
    # 3 maternity
    M, F = make_person(rng, True, (1988, 2000)), make_person(rng, False, (1985, 1999))
    child = make_person(rng, born=(2026, 2026))
    child["name"] = F["name"][0] + child["name"][1:]
    bt = dt.datetime(2026, rng.randint(3, 10), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59))
    hosp = rng.choice(HOSP)
    cm = person_ctx(rng, M, 0)
    cm.update(spouse=F, marriage_date=rand_date(rng, dt.date(2015, 1, 1), dt.date(2025, 6, 1)), child=child, mother=M, father=F,
              birth_time=bt, hospital=hosp, bc_no=rng.choice("NOPQR") + "%09d" % rng.randrange(10 ** 9))
    if split == "heldout6":   # the 结婚证字号 is known here: the submission carries it
        cm["marriage_no"] = "J%s-%d-%06d" % (M["area"], cm["marriage_date"].year, rng.randrange(1, 999999))
    if mism.get("maternity") == "bc":
        cm["bc_no"] = "O" + cm["bc_no"][1:]
    b = dict(id="maternity", purpose="生育津贴: 结婚证, 出生医学证明, the mother's ID card and bank card", files=[],
             applicant={"name": M["name"], "id_number": M["id_number"], "child_name": child["name"], "birth_certificate_number": cm["bc_no"],
                        "mother_name": M["name"], "mother_id_number": M["id_number"], "card_number": cm["bank_no"]})
    if mism.get("maternity") == "bc":
        v2 = "0" + cm["bc_no"][1:]
        b["applicant"]["birth_certificate_number"] = v2
        b["mismatch"] = {"material": "birth-certificate", "fact": "birth_certificate_number", "on_material": cm["bc_no"], "in_submission": v2,
                         "note": "the submission types the certificate number's letter O as the digit 0 (the number has no check character)"}
    if mism.get("maternity") == "bc-swap":
        v2 = swap_adjacent(rng, cm["bc_no"], range(1, 9))
        b["applicant"]["birth_certificate_number"] = v2
        b["mismatch"] = {"material": "birth-certificate", "fact": "birth_certificate_number", "on_material": cm["bc_no"], "in_submission": v2,
                         "note": "the submission swaps two neighbouring digits of the certificate number (the number has no check character)"}
    if mism.get("maternity") == "card-other":   # heldout4: another card of the same bank, Luhn-valid
        v2 = bank_number(rng, cm["bank"])
        while v2 == cm["bank_no"]:
            v2 = bank_number(rng, cm["bank"])
        b["applicant"]["card_number"] = v2
        b["mismatch"] = {"material": "bank-card", "fact": "card_number", "on_material": cm["bank_no"], "in_submission": v2,
                         "note": "the submitted card number is another valid (Luhn) card of the same bank, not the card handed in"}
    if mism.get("maternity") == "child-name":   # heldout5: the child's name with the mother's surname in the submission
        v2 = M["name"][0] + child["name"][1:]
        if v2 == child["name"]:
            v2 = child["name"][:-1] + SOUND_ALIKE.get(child["name"][-1], "晨")
        b["applicant"]["child_name"] = v2
        b["mismatch"] = {"material": "birth-certificate", "fact": "child_name", "on_material": child["name"], "in_submission": v2,
                         "note": "the submission gives the child's name with the mother's surname; the 出生医学证明 has the father's"}
    if split == "heldout6":
        b["applicant"]["license_number"] = cm["marriage_no"]
    if mism.get("maternity") == "license-year":   # heldout6: the 结婚证字号 with the year before the registration's
        no = cm["marriage_no"]
        v2 = no[:8] + str(int(no[8:12]) - 1) + no[12:]
        b["applicant"]["license_number"] = v2
        b["mismatch"] = {"material": "marriage-certificate", "fact": "license_number", "on_material": no, "in_submission": v2,
                         "note": "the submitted 结婚证字号 has the year before the registration's in its year part (the certificate's 登记日期 agrees with its own number; the number has no check character)"}
    bundles.append(b)
    for k in ("marriage-certificate", "birth-certificate", "id-card-front", "bank-card"):
        add(k, cm, b, role="mother", mism=(k == "birth-certificate" and mism.get("maternity") in ("bc", "bc-swap", "child-name"))
            or (k == "bank-card" and mism.get("maternity") == "card-other") or (k == "marriage-certificate" and mism.get("maternity") == "license-year"))
    # 4 reimbursement
    R = make_person(rng, born=(1945, 1985))
    cr = person_ctx(rng, R, 0)
    a = rand_date(rng, dt.date(2026, 6, 1), dt.date(2026, 10, 20))
    cr.update(hospital=rng.choice(HOSP), diag=rng.choice(DIAG), admit=a, discharge=a + dt.timedelta(days=rng.randint(4, 15)),
              invoice_type="inpatient", commit_title="不重复报销、重复享受待遇的承诺书", matter="住院医疗费用手工报销", visit=a)
    if split == "heldout2":   # its 明细清单 runs to two pages
        cr["pages"] = 2
    if split == "heldout4":   # three pages
        cr["pages"] = 3
    b = dict(id="reimbursement", purpose="住院医疗费用手工报销: ID card, invoice, expense list, discharge record, diagnosis, pledge, bank card", files=[],
             applicant={"name": R["name"], "id_number": R["id_number"], "card_number": cr["bank_no"]})
    if mism.get("reimbursement") == "id":
        v2 = one_digit_off(rng, R["id_number"], range(2, 6))
        b["applicant"]["id_number"] = v2
        b["mismatch"] = {"material": "id-card-front", "fact": "id_number", "on_material": R["id_number"], "in_submission": v2,
                         "note": "one digit of the address code part differs (the submitted number fails its check digit)"}
    cr_diag = None
    if mism.get("reimbursement") == "namesake":   # heldout6: the 诊断证明书 is of another patient of the same name
        N = make_person(rng, R["female"], (1945, 1985))
        cr_diag = dict(cr, namesake_id=N["id_number"])
        b["mismatch"] = {"material": "diagnosis", "fact": "id_number", "on_material": N["id_number"], "in_submission": R["id_number"],
                         "note": "the 诊断证明书 shows the patient's name with another person's ID number (a namesake, 同名同姓; a valid number, and the age printed is that person's): it is not this patient's"}
    cr_inv = None
    if mism.get("reimbursement") == "payer":   # heldout7: the 住院 bill's 交款人 is the patient's child
        kid = make_person(rng, rng.random() < 0.5, (min(R["birth"].year + 22, 2002), min(R["birth"].year + 35, 2004)))
        kid["name"] = R["name"][0] + kid["name"][1:]
        cr_inv = dict(cr, payer=kid)
        b["mismatch"] = {"material": "medical-invoice", "fact": "name", "on_material": kid["name"], "in_submission": R["name"],
                         "note": "the 住院 电子票据's 交款人 is the patient's child (another person of the same surname; the 交款人统一社会信用代码 is the child's "
                                 "ID number): the bill is not in the patient's name, while the 明细清单, 出院记录 and 诊断证明 are"}
    bundles.append(b)
    for k in ("id-card-front", "medical-invoice", "expense-list", "discharge-record", "diagnosis", "commitment-letter", "bank-card"):
        add(k, cr_diag if (k == "diagnosis" and cr_diag) else cr_inv if (k == "medical-invoice" and cr_inv) else cr, b, pair=(k == "id-card-front"), role="patient",
            mism=(k == "id-card-front" and mism.get("reimbursement") == "id") or (k == "diagnosis" and cr_diag is not None)
            or (k == "medical-invoice" and cr_inv is not None))
    # 5 residence filing
    Q = make_person(rng)
    cq = person_ctx(rng, Q, 0)
    cq.update(commit_title=rng.choice(["个人承诺书", "承诺书"]), matter="异地长期居住人员备案")
    cq["rp_valid"] = validity(rng, 1, False, dt.date(2026, 1, 1))
    if mism.get("residence") == "rp-expired":   # heldout5: the 居住证 ran out before the filing
        cq["rp_valid"] = validity(rng, 1, True, dt.date(2024, 9, 1))
    b = dict(id="residence-filing", purpose="异地就医备案: ID card, 居住证, 承诺书", files=[], applicant={"name": Q["name"], "id_number": Q["id_number"]})
    if mism.get("residence") == "id":
        v2 = one_digit_off(rng, Q["id_number"], range(6, 14))
        b["applicant"]["id_number"] = v2
        b["mismatch"] = {"material": "id-card-front", "fact": "id_number", "on_material": Q["id_number"], "in_submission": v2,
                         "note": "one digit of the birth date part differs (the submitted number fails its check digit)"}
    if mism.get("residence") == "rp-expired":
        b["mismatch"] = {"material": "residence-permit", "fact": "valid_until", "on_material": iso(cq["rp_valid"][1]), "in_submission": iso(TODAY),
                         "note": "the 居住证 expired before the day of submission; in_submission holds that day (%s), not a submitted value" % iso(TODAY)}
    cq_c = None
    if mism.get("residence") == "commit-spouse":   # heldout7: the 承诺书 handed in is the applicant's spouse's
        sp = make_person(rng, not Q["female"], (max(1950, Q["birth"].year - 6), min(2004, Q["birth"].year + 6)))
        sp["address"] = Q["address"]
        cq_c = dict(cq, person=sp)
        b["mismatch"] = {"material": "commitment-letter", "fact": "name", "on_material": sp["name"], "in_submission": Q["name"],
                         "note": "the 承诺书 is the applicant's spouse's (their name, ID number and signature; a valid number): the applicant's own pledge is missing"}
    bundles.append(b)
    for k in ("id-card-front", "residence-permit", "commitment-letter"):
        add(k, cq_c if (k == "commitment-letter" and cq_c) else cq, b, role="applicant", mism=(k == "id-card-front" and mism.get("residence") == "id")
            or (k == "residence-permit" and mism.get("residence") == "rp-expired") or (k == "commitment-letter" and cq_c is not None))
    # 6 designated institution
    trade = rng.choice([4, 5])
    cd = company_ctx(rng, trade, 0)
    cd["lic_valid"] = validity(rng, 5, False)
    if mism.get("designated") == "expired":   # the licence ran out months before the submission
        cd["lic_valid"] = validity(rng, 5, True, dt.date(2021, 1, 1))
    cd.update(person=cd["company"]["rep"], commit_title="承诺书", matter="新增协议定点医药机构申请")
    uname = cd["company"]["name"]
    b = dict(id="designated-institution", purpose="定点医药机构申请: 营业执照, %s, 承诺书" % ("药品经营许可证" if trade == 4 else "医疗机构执业许可证"), files=[],
             applicant={"unit_name": uname, "uscc": cd["company"]["uscc"]})
    if mism.get("designated") == "name":
        alt = uname.replace(uname[:uname.index("市") + 1] if "市" in uname[:4] else uname[:2], "", 1)
        alt = (alt if alt != uname else uname[2:])
        b["applicant"]["unit_name"] = alt
        b["mismatch"] = {"material": "business-license", "fact": "unit_name", "on_material": uname, "in_submission": alt,
                         "note": "the submission gives the unit's name without its place prefix"}
    lic_kind = "drug-license" if trade == 4 else "medical-institution-license"
    if mism.get("designated") == "biz-expired":   # heldout6: the 营业执照's 营业期限 has ended
        co6 = cd["company"]
        co6["founded"] = rand_date(rng, dt.date(2006, 1, 1), dt.date(2015, 6, 30))
        until6 = add_years(co6["founded"], 10) - dt.timedelta(days=1)
        cd["biz_until"], cd["biz_until_text"] = until6.isoformat(), cn_date(until6)
        b["mismatch"] = {"material": "business-license", "fact": "valid_until", "on_material": until6.isoformat(), "in_submission": iso(TODAY),
                         "note": "the 营业执照's 营业期限 ended before the day of submission; in_submission holds that day (%s), not a submitted value" % iso(TODAY)}
    if mism.get("designated") == "expired":
        b["mismatch"] = {"material": lic_kind, "fact": "valid_until", "on_material": iso(cd["lic_valid"][1]), "in_submission": iso(TODAY),
                         "note": "the licence expired before the day of submission; in_submission holds that day (%s), not a submitted value" % iso(TODAY)}
    cd_lic = None
    if mism.get("designated") == "other-unit":   # heldout7: the licence is another unit's of the same 字号 in another county
        co7 = cd["company"]
        word = next(w for w in BIZ_WORDS if w in co7["name"])
        oarea = rng.choice([a for a in PLACES if a != co7["area"]])
        oname = PLACES[oarea][0].replace("山东省", "") + co7["name"][co7["name"].index(word):]
        cd_lic = dict(cd, company=dict(co7, name=oname, area=oarea, uscc=uscc(rng, oarea), address=address(rng, oarea), rep=make_person(rng)),
                      planted_other7=True)
        b["mismatch"] = {"material": lic_kind, "fact": "unit_name", "on_material": oname, "in_submission": uname,
                         "note": "the %s handed in is another unit's with the same 字号 in another county (its own name, address%s): not the applicant's" % (
                             "药品经营许可证" if trade == 4 else "医疗机构执业许可证", " and 统一社会信用代码" if trade == 4 else "")}
    bundles.append(b)
    for k in ("business-license", lic_kind, "commitment-letter"):
        add(k, cd_lic if (k == lic_kind and cd_lic) else cd, b, role="legal representative" if k == "commitment-letter" else "unit",
            mism=(k == "business-license" and mism.get("designated") in ("name", "biz-expired")) or (k == lic_kind and mism.get("designated") in ("expired", "other-unit")))
    # 7 public institution
    ins = make_institution(rng)
    ci = {"institution": ins, "lic_valid": validity(rng, 5, False)}
    b = dict(id="institution-enrollment", purpose="机关事业单位参保: 统一社会信用代码证书 and its 批准成立文件", files=[],
             applicant={"unit_name": ins["name"], "uscc": ins["uscc"]})
    if mism.get("institution") == "name":
        alt = ins["name"][:-2] + ("中心" if not ins["name"].endswith("中心") else "站")
        b["applicant"]["unit_name"] = alt
        b["mismatch"] = {"material": "uscc-certificate", "fact": "unit_name", "on_material": ins["name"], "in_submission": alt,
                         "note": "the submitted unit name ends differently from the certificate's 机构名称"}
    ci_doc = None
    if mism.get("institution") == "old-name":   # heldout6: the 批复 approved the unit under its former name
        ci_doc = dict(ci, old_name=old_name6(ins["name"]))
        b["mismatch"] = {"material": "approval-document", "fact": "unit_name", "on_material": ci_doc["old_name"], "in_submission": ins["name"],
                         "note": "the 批准成立文件 names the unit by its former name; the 信用代码证书 and the submission give the current one"}
    if mism.get("institution") == "cert-expired":   # heldout7: the 信用代码证书 ran out before the submission
        ci["lic_valid"] = validity(rng, 5, True, dt.date(2015, 1, 1))
        ci["planted_expired7"] = True
        b["mismatch"] = {"material": "uscc-certificate", "fact": "valid_until", "on_material": iso(ci["lic_valid"][1]), "in_submission": iso(TODAY),
                         "note": "the 统一社会信用代码证书 expired before the day of submission; in_submission holds that day (%s), not a submitted value" % iso(TODAY)}
    bundles.append(b)
    add("uscc-certificate", ci, b, mism=mism.get("institution") in ("name", "cert-expired"))
    add("approval-document", ci_doc or ci, b, mism=ci_doc is not None)
    # 8 social security card application
    Z = make_person(rng)
    if mism.get("ssc") == "id-expired":   # heldout4: someone young enough at issue for a card that has run out
        Z = make_person(rng, born=(1980, 1996))
    cz = person_ctx(rng, Z, 0)
    if mism.get("ssc") == "id-expired":
        cz["id_valid"] = id_validity(rng, Z, True)
        assert cz["id_valid"][1] != "长期" and cz["id_valid"][1] < TODAY, cz["id_valid"]
    b = dict(id="ssc-application", purpose="社保卡申领: ID card (front and back), 户口簿 page, 居住证回执", files=[], applicant={"name": Z["name"], "id_number": Z["id_number"]})
    if mism.get("ssc") == "id-swap":
        v2 = swap_adjacent(rng, Z["id_number"], range(14, 16))
        b["applicant"]["id_number"] = v2
        b["mismatch"] = {"material": "id-card-front", "fact": "id_number", "on_material": Z["id_number"], "in_submission": v2,
                         "note": "two neighbouring digits of the sequence code are swapped in the submission (the submitted number fails its check digit)"}
    if mism.get("ssc") == "id-expired":
        b["mismatch"] = {"material": "id-card-front", "fact": "valid_until", "on_material": iso(cz["id_valid"][1]), "in_submission": iso(TODAY),
                         "note": "the ID card (its 国徽面 is in the same file) expired before the day of submission; in_submission holds that day (%s), not a submitted value" % iso(TODAY)}
    cz_h = None
    if mism.get("ssc") == "household-other":   # heldout6: the 户口簿 page handed in is another member's of the household
        mem = make_person(rng, not Z["female"], (max(1950, Z["birth"].year - 6), min(2004, Z["birth"].year + 6)))
        mem["address"] = Z["address"]
        cz_h = dict(cz, person=mem, relation="妻" if mem["female"] else "夫")
        b["mismatch"] = {"material": "household-register", "fact": "name", "on_material": mem["name"], "in_submission": Z["name"],
                         "note": "the 户口簿 page handed in is the applicant's spouse's (same household; its 公民身份证件编号 is the spouse's too): the applicant's own page is missing"}
    bundles.append(b)
    for k in ("id-card-front", "household-register", "residence-permit-receipt", "social-security-card"):
        add(k, cz_h if (k == "household-register" and cz_h) else cz, b, pair=(k == "id-card-front"), role="applicant",
            mism=(k == "id-card-front" and mism.get("ssc") in ("id-swap", "id-expired")) or (k == "household-register" and cz_h is not None))

    # singles up to the targets
    target = {k: 2 for k in KINDS}
    target.update({"id-card-front": 6, "id-card-back": 4, "other": 4, "business-license": 3, "medical-invoice": 3, "bank-card": 3})
    if split == "heldout4":   # each of its invoice layouts
        target["medical-invoice"] = 5
    if split in ("heldout5", "heldout6", "heldout7"):
        target["medical-invoice"] = 4
    have = {}
    for it in items:
        have[it["kind"]] = have.get(it["kind"], 0) + 1
    for k in KINDS:
        while have.get(k, 0) < target[k]:
            add(k, single_ctx(rng, k))
            have[k] = have.get(k, 0) + 1
    while len(items) < 60:
        k = rng.choice(["id-card-front", "id-card-back", "business-license", "medical-invoice", "diagnosis", "social-security-card", "bank-card", "other"])
        add(k, single_ctx(rng, k), pair=(k == "id-card-front" and rng.random() < 0.3))
    if split == "heldout4":   # of the single 营业执照: a 个体工商户's, and one file with 正本 and 副本
        lic = [it for it in items if it["kind"] == "business-license" and it["bundle"] is None]
        getihu(rng, lic[0]["c"])
        both = lic[1] if len(lic) > 1 else next(it for it in items if it["kind"] == "business-license" and it["bundle"] and it["bundle"]["id"] == "designated-institution")
        both["c"]["both"] = True
        for i, it in enumerate([it for it in items if it["kind"] == "other"]):   # each kind of 'other' in turn
            it["c"]["other"] = ("waybill", "lab", "statement", "leaflet")[i % 4]
        for i, it in enumerate([it for it in items if it["kind"] == "medical-invoice" and it["bundle"] is None]):
            it["c"]["invoice_type"] = ("paper", "pharmacy", "outpatient", "paper", "inpatient")[i % 5]
    if split == "heldout5":   # one 户口簿 首页; the single invoices' layouts in turn
        next(it for it in items if it["kind"] == "household-register" and it["bundle"] is None)["c"]["first_page"] = True
        for i, it in enumerate([it for it in items if it["kind"] == "medical-invoice" and it["bundle"] is None]):
            it["c"]["invoice_type"] = ("outpatient", "inpatient", "outpatient")[i % 3]
    if split == "heldout6":   # its single cards and papers take heldout6's variants in turn
        singles6 = lambda kind: [it for it in items if it["kind"] == kind and it["bundle"] is None]
        fronts = singles6("id-card-front") or [it for it in items if it["kind"] == "id-card-front" and it["bundle"]["id"] == "residence-filing"]
        tf = next((it for it in fronts if it["pair"]), None) or fronts[0]
        tf["c"] = dict(tf["c"], temp_id=True)
        if singles6("id-card-back"):
            singles6("id-card-back")[0]["c"]["temp_id"] = True
        singles6("social-security-card")[0]["c"]["ssc_app"] = True
        singles6("business-license")[0]["c"]["biz_app"] = True
        for i, it in enumerate(singles6("other")):
            it["c"]["other"] = ("driving", "admission", "lease", "receipt")[i % 4]
        for i, it in enumerate(singles6("medical-invoice")):
            it["c"]["invoice_type6"] = ("thermal", "einvoice", "thermal")[i % 3]
        for i, it in enumerate([it for it in items if it["kind"] == "commitment-letter"]):
            it["c"] = dict(it["c"], commit_style=("grid", "form")[i % 2])
    if split == "heldout7":   # its single cards and papers take heldout7's variants in turn
        singles7 = lambda kind: [it for it in items if it["kind"] == kind and it["bundle"] is None]
        fr7 = [it for it in singles7("id-card-front") if not it["pair"]] or \
            [it for it in items if it["kind"] == "id-card-front" and it["bundle"] and it["bundle"]["id"] == "residence-filing"]
        fr7[0]["pair"] = True   # an ID card's front and back and the holder's bank card copied on one sheet
        fr7[0]["c"] = dict(fr7[0]["c"], idbank7=True)
        for i, it in enumerate(singles7("other")):
            it["c"]["other7"] = ("food", "registration", "property", "blood")[i % 4]
        for i, it in enumerate([it for it in items if it["kind"] == "medical-invoice"]):
            it["c"] = dict(it["c"], invoice7="efin" if it["bundle"] is not None else ("app", "efin")[i % 2])
        for i, it in enumerate(singles7("bank-card")):
            bank7 = rng.choice(BANKS7)
            it["c"] = dict(it["c"], bank=bank7, bank_no=bank_number(rng, bank7), bank_style7=("vertical", "engraved")[i % 2])
        for i, it in enumerate([it for it in items if it["kind"] == "bank-card" and it["bundle"] is not None]):
            it["c"] = dict(it["c"], bank_style7=("engraved", "vertical")[i % 2])
        for i, it in enumerate([it for it in items if it["kind"] == "commitment-letter"]):
            it["c"] = dict(it["c"], commit7=("pad", "band")[i % 2])
        next(it for it in items if it["kind"] == "power-of-attorney" and it["c"].get("principal"))["c"]["id_copies7"] = True
    # about 15 % of the documents with a validity are expired on TODAY, all of them outside the bundles
    vkey = {"id-card-back": "id_valid", "residence-permit": "rp_valid", "uscc-certificate": "lic_valid",
            "medical-institution-license": "lic_valid", "drug-license": "lic_valid"}

    def key(it):
        return "id_valid" if it["kind"] == "id-card-front" and it["pair"] else vkey.get(it["kind"])
    valid = [it for it in items if key(it)]
    singles = [it for it in valid if it["bundle"] is None]
    want = max(1, round(0.15 * len(valid)))
    if split in ("heldout3", "heldout4", "heldout5", "heldout7"):   # the expired licence (heldout3), ID card (heldout4), 居住证 (heldout5) or 信用代码证书 (heldout7) in a bundle counts
        want -= 1
    order = singles[:]
    rng.shuffle(order)
    for it in order:
        exp, c, kk = want > 0, it["c"], key(it)
        if kk == "id_valid":
            c[kk] = id_validity(rng, c["person"], exp)
            if exp and (c[kk][1] == "长期" or c[kk][1] >= TODAY):   # 长期 (age 46+ at issue) never expires
                c[kk] = id_validity(rng, c["person"], False)
                exp = False
            want -= exp
        elif kk == "rp_valid":
            c[kk] = validity(rng, 1, exp, dt.date(2024, 6, 1))
            want -= exp
        else:
            c[kk] = validity(rng, 5, exp)
            want -= exp
    return items, bundles


def getihu(rng, c):
    """heldout4: make a single 营业执照's company a 个体工商户: a shop's name, a 92… code, 经营者, no 营业期限."""
    co = c["company"]
    city = PLACES[co["area"]][0].replace("山东省", "")
    co["name"] = city + rng.choice(BIZ_WORDS) + rng.choice(["便利店", "五金店", "小吃部", "日用百货店", "副食品商行"])
    co["scope"] = "日用百货、五金交电、预包装食品零售；餐饮服务。（依法须经批准的项目，经相关部门批准后方可开展经营活动）"
    co["uscc"] = uscc(rng, co["area"], "92")
    co["type"] = "个体工商户"
    c["getihu"] = True
    c.pop("biz_until", None)
    c.pop("biz_until_text", None)


def single_ctx(rng, kind):
    if kind in ("business-license", "medical-institution-license", "drug-license"):
        c = company_ctx(rng, {"business-license": None, "medical-institution-license": 5, "drug-license": 4}[kind])
        if kind == "business-license" and rng.random() < 0.25:
            until = add_years(c["company"]["founded"], rng.choice([10, 20, 30])) - dt.timedelta(days=1)
            c["biz_until"], c["biz_until_text"] = until.isoformat(), cn_date(until)
        return c
    if kind in ("uscc-certificate", "approval-document"):
        return {"institution": make_institution(rng), "lic_valid": validity(rng, 5, rng.random() < 0.2)}
    if kind in ("marriage-certificate", "birth-certificate"):
        M, F = make_person(rng, True, (1985, 2000)), make_person(rng, False, (1983, 1999))
        child = make_person(rng, born=(2025, 2026))
        child["name"] = F["name"][0] + child["name"][1:]
        c = person_ctx(rng, M if rng.random() < 0.6 else F)
        c.update(spouse=F if c["person"] is M else M, marriage_date=rand_date(rng, dt.date(2012, 1, 1), dt.date(2025, 6, 1)), child=child, mother=M, father=F,
                 birth_time=dt.datetime(child["birth"].year, child["birth"].month, child["birth"].day, rng.randint(0, 23), rng.randint(0, 59)),
                 hospital=rng.choice(HOSP), bc_no=rng.choice("MNOPQR") + "%09d" % rng.randrange(10 ** 9))
        return c
    if kind == "power-of-attorney":
        if rng.random() < 0.4:
            c = company_ctx(rng)
            c.update(principal=None, agent=make_person(rng))
            return c
        return {"principal": make_person(rng, born=(1940, 1970)), "agent": make_person(rng, born=(1970, 2000))}
    return person_ctx(rng, make_person(rng))


# --------------------------------------------------------------------------------------------
# File names: mostly meaningless, a few misleading

MISLEADING = {"id-card-front": "营业执照", "business-license": "身份证正面", "bank-card": "结婚证", "other": "诊断证明", "diagnosis": "发票",
              "medical-invoice": "身份证反面", "household-register": "银行卡"}
MISLEADING3 = {"drug-license": "营业执照", "expense-list": "出院记录", "id-card-back": "户口本", "other": "身份证"}   # heldout3's


class Namer:
    def __init__(self, rng, split):
        self.rng, self.used = rng, set()
        self.t = dt.datetime(2026, 11, 3, 9, 12, 5) if split == "tune" else dt.datetime(2026, 11, 17, 14, 40, 11)
        if split == "heldout2":
            self.t = dt.datetime(2026, 11, 24, 8, 5, 37)
        if split == "heldout3":
            self.t = dt.datetime(2026, 11, 27, 13, 22, 48)
        self.mis = MISLEADING3 if split == "heldout3" else MISLEADING
        self.n = 0

    def __call__(self, kind, ext, how, misleading):
        r = self.rng
        self.t += dt.timedelta(seconds=r.randint(20, 4000))
        self.n += 1
        t = self.t
        if misleading:
            base = self.mis[kind] + r.choice(["", "1", "(1)", "_副本"])
        elif how == "photo":
            base = r.choice(["IMG_%s" % t.strftime("%Y%m%d_%H%M%S"), "微信图片_%s" % t.strftime("%Y%m%d%H%M%S"),
                             "mmexport%d" % int(t.timestamp() * 1000), "IMG_%s" % t.strftime("%Y%m%d_%H%M%S")])
        elif how == "scan":
            base = r.choice(["scan%04d" % self.n, "Scan_%s" % t.strftime("%Y%m%d_%H%M"), "扫描件%d" % self.n, "doc%05d" % (10000 + self.n),
                             "CamScanner %s" % t.strftime("%m-%d-%Y %H.%M")])
        else:
            base = r.choice(["image%d" % self.n, "屏幕截图 %s" % t.strftime("%Y-%m-%d %H%M%S"), "附件%d" % self.n, "download (%d)" % self.n,
                             "%s" % "".join(r.choice("0123456789abcdef") for _ in range(16))])
        name = base + "." + ext
        while name in self.used:
            name = base + "_%d.%s" % (r.randint(1, 99), ext)
        self.used.add(name)
        return name


# --------------------------------------------------------------------------------------------
# heldout4's degradations: scans at 150–300 dpi (200 most often) with creases, moiré, staples, dust and handwritten
# notes across ID card copies, some turned 90°/180° without EXIF; photos with a low angle, a curled page, motion
# blur, a hard shadow, or of a monitor showing the document; phone screenshots among the clean files

COPY_NOTES = ["仅供办理医保业务使用 再复印无效", "此复印件仅用于医疗费用报销", "仅供社保卡申领使用", "复印件与原件一致 仅限医保使用"]


def lay_cards4(page, cards, x, y, k, rng, gap, shadow):
    """lay_cards, returning each card's box in px; shadow 0: none (a dark lid)."""
    boxes = []
    for im in cards:
        if shadow:
            sh = Image.new("L", im.size, 0)
            sh.paste(im.getchannel("A").point(lambda a: shadow if a else 0), (0, 0))
            page.paste((150, 150, 150), (x + 2, y + 3), sh.filter(ImageFilter.GaussianBlur(2)))
        page.paste(im, (x, y), im)
        boxes.append((x, y, x + im.width, y + im.height))
        y += im.height + int(rng.uniform(*gap) * k)
    return boxes


def copy_note(page, boxes, rng, dpi):
    """The note people write across an ID card copy (仅供…使用 再复印无效) in ballpoint, across the middle of each card,
    clear of the name at its top and the number (or validity) at its bottom. Returns (page, the note)."""
    k = dpi / 25.4
    text = rng.choice(COPY_NOTES)
    colour = rng.choice([PEN_INK, (40, 40, 40), (150, 30, 40)])
    for (x0, y0, x1, y1) in boxes:
        w, h = x1 - x0, y1 - y0
        px = int(5.0 * k)
        f = pil_font("wenkai-l", px)
        layer = Image.new("L", (int(f.getlength(text)) + 20, int(px * 1.6)), 0)
        ImageDraw.Draw(layer).text((10, px * 0.2), text, font=f, fill=255)
        layer = layer.rotate(rng.uniform(-6, 6), Image.BICUBIC, expand=True)
        if layer.width > w * 1.02:
            sc = w * 1.02 / layer.width
            layer = layer.resize((int(layer.width * sc), int(layer.height * sc)), Image.LANCZOS)
        cx, cy = x0 + w / 2 + rng.uniform(-0.04, 0.04) * w, y0 + h * rng.uniform(0.47, 0.53)
        full = Image.new("L", page.size, 0)
        full.paste(layer, (int(cx - layer.width / 2), int(cy - layer.height / 2)))
        page = fx.darken(page, full, colour, 0.8)
    return page, text


def crease4(arr, rng, k):
    """A sheet that was folded (in half or in thirds): at each fold a thin dark line, a light ridge beside it and a
    soft shade, slightly off horizontal. arr: H×W(×3) float, changed in place."""
    H, W = arr.shape[:2]
    n = rng.choice([1, 2])
    folds = [H / 2] if n == 1 else [H / 3, 2 * H / 3]
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    m = np.ones((H, W), np.float32)
    for yc in folds:
        yc += rng.uniform(-5, 5) * k
        tilt = rng.uniform(-0.012, 0.012)
        dy = yy - (yc + tilt * (xx - W / 2))
        m *= 1 - 0.11 * np.exp(-(dy / (0.3 * k)) ** 2) + 0.03 * np.exp(-((dy - 0.9 * k) / (1.4 * k)) ** 2) - 0.035 * np.exp(-((dy + 1.5 * k) / (3.0 * k)) ** 2)
    if arr.ndim == 3:
        arr *= m[..., None]
    else:
        arr *= m
    return "folded in %s" % ("half" if n == 1 else "thirds")


def moire4(arr, rng, a=None, screen=False):
    """Moiré of a printed screen against the scanner's sampling: wavy beat bands, strongest in mid tones (tints,
    patterns, seals), a little apart in the three colours; screen: of a monitor's pixel grid against the camera's,
    wider bands over everything. arr: H×W×3 float, changed in place."""
    H, W = arr.shape[:2]
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    a = rng.uniform(0.10, 0.2) if a is None else a
    p1, p2 = (rng.uniform(28, 70), rng.uniform(80, 200)) if screen else (rng.uniform(9, 22), rng.uniform(14, 40))
    t1, t2 = math.radians(rng.uniform(0, 180)), math.radians(rng.uniform(0, 180))
    wob = rng.uniform(4, 12) * np.sin(yy / rng.uniform(150, 400) + xx / rng.uniform(200, 500))
    ph1 = 2 * math.pi * ((xx * math.cos(t1) + yy * math.sin(t1)) + wob) / p1
    ph2 = 2 * math.pi * (xx * math.cos(t2) + yy * math.sin(t2)) / p2
    lum = arr.mean(axis=2) / 255.0
    cov = np.clip((4 * lum * (1 - lum) - 0.15) / 0.85, 0, 1) if not screen else 0.35 + 0.65 * lum   # not on bare paper
    for ch in range(3):
        arr[..., ch] *= 1 + a * cov * np.cos(ph1 + ch * 0.9) * (0.6 + 0.4 * np.cos(ph2))
    return "moiré (%.0f %%)" % (a * 100)


def staple4(page, rng, k):
    """A staple through the top-left corner: a short steel bar with its highlight."""
    d = ImageDraw.Draw(page)
    x, y = rng.uniform(7, 13) * k, rng.uniform(7, 13) * k
    ang = math.radians(rng.uniform(25, 65))
    L = rng.uniform(11, 13) * k
    x2, y2 = x + L * math.cos(ang), y - L * math.sin(ang) + L * 0.9
    d.line([(x + 1, y + 2), (x2 + 1, y2 + 2)], fill=(150, 150, 150), width=max(2, int(0.8 * k)))
    d.line([(x, y), (x2, y2)], fill=(105, 108, 112), width=max(2, int(0.65 * k)))
    d.line([(x, y - 0.15 * k), (x2, y2 - 0.15 * k)], fill=(205, 208, 212), width=max(1, int(0.15 * k)))


def dust4(page, rng, k):
    """Specks of dust and a hair on the scanner glass."""
    d = ImageDraw.Draw(page)
    W, H = page.size
    for _ in range(rng.randint(6, 18)):
        x, y, r = rng.uniform(0, W), rng.uniform(0, H), rng.uniform(0.08, 0.3) * k
        d.ellipse([x - r, y - r, x + r, y + r], fill=(70, 70, 70))
    x, y = rng.uniform(0.1, 0.9) * W, rng.uniform(0.1, 0.9) * H
    pts = []
    a = rng.uniform(0, 6.3)
    for i in range(30):
        a += rng.uniform(-0.25, 0.25)
        x, y = x + math.cos(a) * 0.6 * k, y + math.sin(a) * 0.6 * k
        pts.append((x, y))
    d.line(pts, fill=(60, 60, 60), width=max(1, int(0.06 * k)))


def scan4(docs, rng, card, S, note_ok=0.0, dpi=None):
    """heldout4's flatbed scan. Pages at 150–300 dpi (200 most often); cards on A4 (a 复印件; ID cards with the
    probability note_ok with a note written across them) or in a crop, on the white or the black of the lid. Colour or grey,
    ±1.2°, folds, moiré, a staple, dust. dpi: the resolution of the file's first page, for the pages after it.
    Returns (image, dpi, how)."""
    extras = []
    if card:
        on_a4 = rng.random() < 0.55
        d0 = rng.choice([150, 200, 200, 200, 300]) if on_a4 else rng.choice([200, 300, 300])
    else:
        on_a4 = False
        d0 = rng.choice([150, 200, 200, 200, 200, 240, 300])
    dpi = dpi or d0
    k = dpi / 25.4
    colour = rng.random() < 0.45
    angle = rng.uniform(-1.2, 1.2)
    if card:
        cards = [rounded_card(render(d, dpi), dpi) for d in docs]
        if on_a4:
            page = Image.new("RGB", (int(210 * k), int(297 * k)), (251, 251, 249))
            x = int(rng.uniform(25, 95) * k)
            y = int((rng.uniform(20, 100) if len(docs) == 1 else rng.uniform(20, 50)) * k)
            boxes = lay_cards4(page, cards, x, y, k, rng, gap=(12, 35), shadow=55)
            how = "card on A4"
            if rng.random() < note_ok:
                page, note = copy_note(page, boxes, rng, dpi)
                extras.append("a handwritten note across the card%s: %s" % ("s" if len(boxes) > 1 else "", note))
        else:
            dark = rng.random() < 0.5
            W, H = int((CARD_W + rng.uniform(8, 20)) * k), int((CARD_H * len(docs) + 12 * len(docs) + rng.uniform(6, 14)) * k)
            page = Image.new("RGB", (W, H), (34, 34, 36) if dark else (250, 250, 247))
            lay_cards4(page, cards, int(rng.uniform(4, 8) * k), int(rng.uniform(3, 7) * k), k, rng, gap=(10, 20), shadow=0 if dark else 60)
            how = "card crop on the %s lid" % ("black" if dark else "white")
    else:
        page = render(docs[0], dpi)
        how = "page"
    arr = np.asarray(page).astype(np.float32) * rng.uniform(0.93, 0.97) + rng.uniform(4, 9)
    if not card and rng.random() < 0.35:
        extras.append(crease4(arr, rng, k))
    if rng.random() < 0.35:
        extras.append(moire4(arr, rng))
    page = Image.fromarray(arr.clip(0, 255).astype("uint8"))
    if not card and docs[0].h > docs[0].w and rng.random() < 0.25:
        staple4(page, rng, k)
        extras.append("a staple at the top-left corner")
    if rng.random() < 0.3:
        dust4(page, rng, k)
        extras.append("dust and a hair on the glass")
    page = page.rotate(angle, Image.BICUBIC, expand=False, fillcolor=(240, 240, 236))
    if not colour:
        page = page.convert("L")
    sigma, blur = rng.uniform(0.8, 2.5), rng.uniform(0.3, 0.8) * dpi / 200
    page = Image.fromarray(paper_noise(np.asarray(page).astype(np.float32), rng, sigma).clip(0, 255).astype("uint8")).filter(ImageFilter.GaussianBlur(blur))
    return page, dpi, "flatbed scan %d dpi, %s, %s, rotated %.2f°, noise %.1f, blur %.2f%s" % (
        dpi, how, "colour" if colour else "grey", angle, sigma, blur, "".join(", " + e for e in extras))


def curl4(im, rng):
    """A page that does not lie flat: its middle bulges towards the camera (the print shifted down along a sine
    across the page), drawn with a mesh of vertical strips. im: RGBA; returns RGBA, a little taller."""
    w, h = im.size
    A = rng.uniform(0.015, 0.035) * h
    pad = int(A) + 2
    n = 32
    mesh = []
    for i in range(n):
        x0, x1 = w * i // n, w * (i + 1) // n
        o0, o1 = A * math.sin(math.pi * x0 / w), A * math.sin(math.pi * x1 / w)
        mesh.append(((x0, 0, x1, h + pad), (x0, -o0, x0, h + pad - o0, x1, h + pad - o1, x1, -o1)))
    out = im.transform((w, h + pad), Image.MESH, mesh, Image.BICUBIC)
    return out, A


def screen4(doc, rng, Wpx):
    """A monitor showing the document in a viewer: black bezel, a title bar, the page on a grey canvas. RGBA."""
    sw, sh = Wpx, int(Wpx * 9 / 16)
    bez = int(sw * 0.022)
    scr = Image.new("RGBA", (sw, sh), (16, 16, 18, 255))
    cw, ch = sw - 2 * bez, sh - 2 * bez
    canvas = Image.new("RGB", (cw, ch), (88, 90, 94))
    d = ImageDraw.Draw(canvas)
    tb = int(ch * 0.04)
    d.rectangle([0, 0, cw, tb], fill=(236, 236, 238))
    d.text((int(tb * 0.6), int(tb * 0.2)), rng.choice(["文件预览", "PDF阅读器", "图片查看"]) + " - %d%%" % rng.choice([100, 125, 150]),
           font=pil_font("wenkai-l", int(tb * 0.6)), fill=(40, 40, 40))
    aw, ah = cw * 0.97, (ch - tb) * 0.96
    dpi = min(aw / (doc.w / 25.4), ah / (doc.h / 25.4))
    im = render(doc, dpi)
    canvas.paste(im, (int((cw - im.width) / 2), tb + int((ch - tb - im.height) / 2)))
    scr.paste(canvas, (bez, bez))
    return scr, dpi


def photo4(docs, rng, card, S, extra="none"):
    """heldout4's phone photo: as photo, plus in turn a low angle (far edge shrunk 0.18–0.28), a curled page, motion
    blur, a hard-edged shadow, or a monitor showing the document (its moiré and glow); warm or cool light.
    Returns (upright image, how)."""
    if extra == "screen":
        L = 3000
    else:
        L = int(rng.choice([1600, 2000, 2000, 2400, 3000]))
    d = docs[0]
    land = (d.w > d.h) == (rng.random() < 0.85) if extra != "screen" else True
    W, H = (L, int(L * 3 / 4)) if land else (int(L * 3 / 4), L)
    bg, bgname = background(rng, W, H)
    extras = []
    if extra == "screen":
        im, sdpi = screen4(d, rng, int(W * rng.uniform(0.8, 0.88)))
        extras.append("a monitor showing the document (page at %.0f px/inch on screen)" % sdpi)
    else:
        frac = rng.uniform(0.6, 0.82) if card else rng.uniform(0.7, 0.88)
        dpi = min(W * frac / (d.w / 25.4), H * frac / (d.h / 25.4))
        im = render(d, dpi)
        im = rounded_card(im, dpi) if card else im.convert("RGBA")
        if extra == "curl":
            im, A = curl4(im, rng)
            extras.append("the page curled (bulge %.0f px)" % A)
    w, h = im.size
    cx, cy = W / 2 + rng.uniform(-0.06, 0.06) * W, H / 2 + rng.uniform(-0.06, 0.06) * H
    rot = math.radians(rng.uniform(-6, 6))
    j = 0.04 * max(w, h)
    corners = []
    for (px, py) in [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]:
        corners.append((cx + px * math.cos(rot) - py * math.sin(rot) + rng.uniform(-j, j), cy + px * math.sin(rot) + py * math.cos(rot) + rng.uniform(-j, j)))
    shrink = rng.uniform(0.18, 0.28) if extra == "lowangle" else rng.uniform(0.02, 0.12)
    if extra == "lowangle":
        extras.append("taken from a low angle")
    corners[0] = (corners[0][0] + shrink * w / 2, corners[0][1] + shrink * h * 0.35)
    corners[1] = (corners[1][0] - shrink * w / 2, corners[1][1] + shrink * h * 0.35)
    co = persp_coeffs([(0, 0), (w, 0), (w, h), (0, h)], corners)
    warped = im.transform((W, H), Image.PERSPECTIVE, co, Image.BICUBIC)
    alpha = warped.getchannel("A")
    shadow = alpha.filter(ImageFilter.GaussianBlur(max(4, W // 150)))
    off = int(W * 0.006)
    bg.paste((20, 20, 20), (off, off), shadow.point(lambda a: int(a * 0.45)))
    bg.paste(warped.convert("RGB"), (0, 0), alpha)
    arr = np.asarray(bg).astype(np.float32)
    if extra == "screen":   # the screen's moiré inside it, and its glow
        scr = np.asarray(alpha).astype(np.float32) / 255.0
        tmp = arr.copy()
        moire4(tmp, rng, rng.uniform(0.1, 0.16), screen=True)
        arr = arr * (1 - scr[..., None]) + (tmp * np.array([0.97, 1.0, 1.06], np.float32) + 6) * scr[..., None]
    if extra == "hardshadow":   # the phone's and hand's shadow, sharp-edged, over one side
        m = Image.new("L", (W // 4, H // 4), 0)
        md = ImageDraw.Draw(m)
        side = rng.choice(["left", "right", "bottom"])
        qx = {"left": 0, "right": W // 4, "bottom": rng.uniform(0.3, 0.7) * W / 4}[side]
        qy = {"left": rng.uniform(0.4, 0.8) * H / 4, "right": rng.uniform(0.4, 0.8) * H / 4, "bottom": H / 4}[side]
        r = rng.uniform(0.16, 0.24) * min(W, H) / 4
        md.ellipse([qx - r * 1.3, qy - r, qx + r * 1.3, qy + r], fill=255)
        m = m.filter(ImageFilter.GaussianBlur(max(1.0, r * 0.05))).resize((W, H), Image.BICUBIC)
        depth = rng.uniform(0.3, 0.42)
        arr *= 1 - (np.asarray(m).astype(np.float32) / 255.0 * depth)[..., None]
        extras.append("a hard-edged shadow from the %s (%.0f %% darker)" % (side, depth * 100))
    yy, xx = np.mgrid[0:H:8, 0:W:8].astype(np.float32)
    gx, gy = rng.uniform(-0.25, 0.25), rng.uniform(-0.25, 0.25)
    light = 1 + gx * (xx / W - 0.5) + gy * (yy / H - 0.5)
    sx, sy, sr = rng.uniform(0.2, 0.8) * W, rng.uniform(0.2, 0.8) * H, rng.uniform(0.3, 0.7) * L
    light += rng.uniform(0.05, 0.18) * np.exp(-((xx - sx) ** 2 + (yy - sy) ** 2) / sr ** 2) - 0.08
    light = np.asarray(Image.fromarray((light * 100).clip(0, 255).astype("uint8")).resize((W, H), Image.BICUBIC)).astype(np.float32) / 100
    cool = rng.random() < 0.5
    cast = np.array([rng.uniform(0.9, 0.96), rng.uniform(0.97, 1.0), 1.0] if cool else [1.0, rng.uniform(0.96, 1.0), rng.uniform(0.88, 0.98)], np.float32)
    arr = arr * light[..., None] * cast[None, None, :]
    arr = paper_noise(arr, rng, rng.uniform(0.8, 2.2))
    if extra == "motion":   # the hand moved: the image smeared along a line
        n = max(3, int(rng.uniform(5, 10) * L / 2000))
        a = rng.uniform(0, math.pi)
        acc = np.zeros_like(arr)
        for i in range(n):
            t = i - (n - 1) / 2
            acc += np.roll(np.roll(arr, int(round(t * math.cos(a))), axis=1), int(round(t * math.sin(a))), axis=0)
        arr = acc / n
        extras.append("motion blur %d px at %.0f°" % (n, math.degrees(a)))
    blur = rng.uniform(0.4, 1.1) * L / 2000
    out = Image.fromarray(arr.clip(0, 255).astype("uint8")).filter(ImageFilter.GaussianBlur(blur))
    return out, "phone photo %dx%d on %s, perspective (top shrink %.2f, rotation %.1f°), uneven %s light%s, blur %.1f" % (
        W, H, bgname, shrink, math.degrees(rot), "cool" if cool else "warm", "".join(", " + e for e in extras), blur)


def screenshot4(doc, rng):
    """A phone's screenshot of the document opened in a chat app's viewer: status bar, title bar, the page fitted to
    the width. Returns (image, px per inch of the page)."""
    W, H = 1080, rng.choice([2340, 2400, 2412])
    dark = rng.random() < 0.4
    im = Image.new("RGB", (W, H), (22, 22, 24) if dark else (242, 242, 242))
    d = ImageDraw.Draw(im)
    fg = (235, 235, 235) if dark else (20, 20, 20)
    ui = pil_font("nimbus-sans", 38)
    d.text((48, 22), "%d:%02d" % (rng.randint(8, 21), rng.randint(0, 59)), font=ui, fill=fg)
    d.text((W - 48, 22), "5G  %d%%" % rng.randint(20, 99), font=ui, fill=fg, anchor="ra")
    d.rectangle([0, 90, W, 230], fill=(30, 30, 32) if dark else (250, 250, 250))
    d.text((60, 160), "<", font=pil_font("nimbus-sans", 56), fill=fg, anchor="lm")
    d.text((W / 2, 160), rng.choice(["图片", "文件预览", "查看原图"]), font=pil_font("wenkai-l", 48), fill=fg, anchor="mm")
    dpi = (W - 24) / (doc.w / 25.4)
    page = render(doc, dpi)
    top = 230 + max(20, (H - 230 - 200 - page.height) // 2)
    im.paste(page, (12, top))
    d.rectangle([0, H - 170, W, H], fill=(30, 30, 32) if dark else (250, 250, 250))
    for i, t in enumerate(["转发", "收藏", "编辑", "更多"]):
        d.text((W * (i + 0.5) / 4, H - 95), t, font=pil_font("wenkai-l", 36), fill=fg, anchor="mm")
    return im, dpi


def degrade4(docs, r, card, S, kind, how, rec, page_kinds, st):
    """heldout4: the pages of a file and how they were made. Returns (pages, dpi, desc, fmt, turned clockwise°)."""
    rot = 0
    dpi = 200
    note_ok = (0.5 if st.get("notes") else 1.0) if kind in ("id-card-front", "id-card-back") else 0.0   # the first ID card copy: always
    if how == "scan":
        if card and len(docs) == 2 and st["one_sheet"]:   # the first ID card scanned with its back: on one sheet
            st["one_sheet"] -= 1
            img, dpi, desc = scan4(docs, r, True, S, note_ok)
            pages, rec["page_kinds"] = [img], [kind]
            rec["also_shows"] = ["id-card-back"]
            desc += " (front and back on one sheet)"
        else:
            pages = []
            for d in docs:
                img, dpi, desc = scan4([d], r, card, S, note_ok, dpi if pages else None)
                pages.append(img)
            if len(docs) > 1:
                rec["page_kinds"] = page_kinds
        st["notes"] = st.get("notes", 0) + ("handwritten note" in desc)
        if len(pages) == 1 and not card:
            if docs[0].w > docs[0].h and r.random() < 0.5:   # a landscape sheet laid on the portrait glass
                rot = r.choice([90, 270])
            elif r.random() < 0.1:   # laid upside down
                rot = 180
        fmt = r.choice(["jpg", "jpg", "jpg", "pdf", "tif"]) if len(pages) == 1 else r.choice(["pdf", "tif"])
    elif how == "photo":
        seq = ("lowangle", "curl", "motion", "hardshadow", "screen", "none")
        extra = seq[st["photos"] % len(seq)]
        if extra == "curl" and card:
            extra = "none"
        if extra == "screen" and (card or docs[0].w < docs[0].h):
            extra = "none"
            st["screen_due"] = True
        elif extra == "none" and st.get("screen_due") and not card and docs[0].w > docs[0].h:
            extra, st["screen_due"] = "screen", False
        img, desc = photo4(docs, r, card, S, extra)
        st["photos"] += 1
        pages = [img]
        fmt = "jpg"
    else:
        if card:
            dpi = 300
            fmt = ("png", "screenshot", "jpg")[st["cardclean"] % 3] if len(docs) == 1 else r.choice(["tif", "pdf"])
            st["cardclean"] += len(docs) == 1
        else:
            dpi = r.choice([150, 200, 200, 300])
            if len(docs) == 1:
                fmt = ("pdf-text", "png", "screenshot", "jpg", "pdf-text", "tif")[st["clean"] % 6]
                st["clean"] += 1
                if fmt == "screenshot" and docs[0].w > docs[0].h:
                    fmt = "png"
            else:
                same = len({(d.w, d.h) for d in docs}) == 1
                fmt = r.choice(["pdf-text", "tif"]) if same else r.choice(["pdf", "tif"])
        if fmt == "screenshot":
            img, sdpi = screenshot4(docs[0], r)
            pages = [img]
            fmt = r.choice(["png", "jpg"])
            st["sub"] = "screenshot"
            desc = "clean digital: a phone screenshot (1080 px wide, the document at %.0f px/inch)" % sdpi
        else:
            if fmt != "pdf-text":
                pages = [render(d, dpi) for d in docs]
            else:
                pages = []
            desc = "clean digital %s" % ("(WeasyPrint vector PDF with a text layer)" if fmt == "pdf-text" else "%d dpi" % dpi)
        if len(docs) > 1:
            rec["page_kinds"] = page_kinds
    if rot:
        pages = [p.rotate(-rot, expand=True) for p in pages]
        desc += ", stored turned %d° clockwise (the sheet laid %s on the glass; no EXIF Orientation to undo it)" % (rot, "upside down" if rot == 180 else "sideways")
    return pages, dpi, desc, fmt, rot


def save4(pages, docs, path, fmt, how, dpi, r, rot, desc, st, rec):
    """heldout4: write the file. Photos carry EXIF (maker, model, time); in turn some are stored turned with an EXIF
    Orientation (3, 6, 8) that makes them upright, and some stored turned with Orientation 1 (90°, 270°, 180°), as a
    phone does when it misjudges how it is held. Returns (desc, EXIF orientation or None)."""
    orient = None
    if fmt == "jpg":
        q = r.randint(55, 85) if how == "photo" else r.randint(50, 85) if how == "scan" else r.randint(72, 92)
        img = pages[0]
        kw = dict(quality=q, optimize=True)
        if how != "photo":
            kw["dpi"] = (dpi, dpi)
        else:
            ex = Image.Exif()
            ex[0x010F], ex[0x0110] = r.choice([("HUAWEI", "ELS-AN00"), ("Xiaomi", "23049RAD8C"), ("Apple", "iPhone 13"), ("OPPO", "PFFM10"), ("vivo", "V2241A")])
            ex[0x0132] = (dt.datetime(2026, 11, 29, 8, 0, 0) + dt.timedelta(minutes=r.randint(0, 600))).strftime("%Y:%m:%d %H:%M:%S")
            turn = ("none", "exif", "none", "raw", "none")[st["photo_saves"] % 5]
            st["photo_saves"] += 1
            ex[0x0112] = 1
            if turn == "exif":
                orient = (6, 3, 8)[st["exif"] % 3]
                st["exif"] += 1
                ex[0x0112] = orient
                img = img.transpose(Image.Transpose.ROTATE_90 if orient == 6 else Image.Transpose.ROTATE_180 if orient == 3 else Image.Transpose.ROTATE_270)
                desc += ", EXIF Orientation %d (pixels stored turned; upright when EXIF is honoured)" % orient
            elif turn == "raw":
                rot = (90, 270, 180)[st["raw"] % 3]
                st["raw"] += 1
                img = img.rotate(-rot, expand=True)
                rec["rotated"] = rot
                desc += ", stored turned %d° clockwise with EXIF Orientation 1 (the phone misjudged how it was held)" % rot
            kw["exif"] = ex.tobytes()
        img.save(path, "JPEG", **kw)
        if orient:
            assert ImageOps.exif_transpose(Image.open(path)).size == pages[0].size
        desc += ", JPEG q%d" % q
    elif fmt == "png":
        pages[0].save(path, "PNG", optimize=True, dpi=(dpi, dpi))
        desc += ", PNG"
    elif fmt == "pdf":
        q = r.randint(55, 85) if how == "scan" else 90
        image_pdf(pages, path, dpi, q)
        desc += ", image-only PDF (img2pdf, JPEG q%d)" % q
    elif fmt == "pdf-text":
        render_pdf(docs, path)
    else:
        comp = r.choice(["group4", "group4", "jpeg"]) if how == "scan" else "tiff_lzw"
        if comp == "group4":
            cut = r.choice([140, 160, 175])
            pages = [p.convert("L").point(lambda v: 255 if v > cut else 0, "1") for p in pages]
        elif comp == "tiff_lzw" and r.random() < 0.5:
            pages = [p.convert("L") for p in pages]
        kw = dict(compression=comp, dpi=(dpi, dpi))
        if comp == "jpeg":
            kw["quality"] = r.randint(50, 70)
            if r.random() < 0.6:
                pages = [p.convert("L") for p in pages]
        pages[0].save(path, "TIFF", save_all=True, append_images=pages[1:], **kw)
        desc += ", TIFF %s%s, %d page(s)" % (comp, " (binarised at %d)" % cut if comp == "group4" else "", len(pages))
    if rot and "rotated" not in rec:
        rec["rotated"] = rot
    return desc, orient


MISLEADING4 = {"social-security-card": "银行卡", "commitment-letter": "授权委托书", "birth-certificate": "结婚证", "uscc-certificate": "营业执照"}


class Namer4(Namer):
    """heldout4's file names, as phones, scanners and apps give them: an iPhone's IMG_1234.JPG, a Pixel's PXL_…,
    IMG_…_HDR, WeChat's wx_camera_… and mmexport…, a Samsung's 20261129_101522; a scanner's EPSON001.JPG, SCN_0112.PDF,
    img-…-0001, 20261129101522; 扫描全能王 … and 新文档 … of scanning apps; Screenshot_…; hashes and 下载 (3)."""
    def __init__(self, rng, split):
        super().__init__(rng, split)
        self.t = dt.datetime(2026, 11, 29, 7, 48, 13)
        self.mis = MISLEADING4
        self.sub = None
        self.iph = rng.randint(1200, 8800)

    def __call__(self, kind, ext, how, misleading):
        r = self.rng
        self.t += dt.timedelta(seconds=r.randint(20, 4000))
        self.n += 1
        t = self.t
        up = False
        if misleading:
            base = self.mis[kind] + r.choice(["", "(2)", "_1", "复印件"])
        elif self.sub == "screenshot":
            base = r.choice(["Screenshot_%s%s" % (t.strftime("%Y%m%d_%H%M%S"), r.choice(["", "_com.tencent.mm"])),
                             "Screenshot_%s-%03d" % (t.strftime("%Y-%m-%d-%H-%M-%S"), r.randrange(1000))])
        elif how == "photo":
            c = r.randrange(6)
            if c == 0:
                base, up = "IMG_%04d" % (self.iph + self.n), True
            elif c == 1:
                base = "PXL_%s%03d" % (t.strftime("%Y%m%d_%H%M%S"), r.randrange(1000))
            elif c == 2:
                base = "IMG_%s%s" % (t.strftime("%Y%m%d_%H%M%S"), r.choice(["", "_HDR", "_1"]))
            elif c == 3:
                base = "wx_camera_%d" % (int(t.timestamp()) * 1000 + r.randrange(1000))
            elif c == 4:
                base = "mmexport%d" % (int(t.timestamp()) * 1000 + r.randrange(1000))
            else:
                base = t.strftime("%Y%m%d_%H%M%S")
        elif how == "scan":
            c = r.randrange(7)
            if c == 0:
                base, up = "EPSON%03d" % self.n, True
            elif c == 1:
                base, up = "SCN_%04d" % (100 + self.n), True
            elif c == 2:
                base = "img-%s-%04d" % (t.strftime("%Y%m%d%H%M%S"), r.randint(1, 3))
            elif c == 3:
                base = t.strftime("%Y%m%d%H%M%S")
            elif c == 4:
                base = "扫描全能王 %s" % t.strftime("%Y-%m-%d %H.%M")
            elif c == 5:
                base = "新文档 %s" % t.strftime("%Y-%m-%d %H.%M.%S")
            else:
                base = "Scan %s" % t.strftime("%Y-%m-%d %H.%M.%S")
        else:
            c = r.randrange(4)
            if c == 0:
                h = "".join(r.choice("0123456789abcdef") for _ in range(32))
                base = "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])
            elif c == 1:
                base = "".join(r.choice("0123456789abcdef") for _ in range(32))
            elif c == 2:
                base = "下载 (%d)" % self.n
            else:
                base = "file_%d" % (1000 + self.n)
        self.sub = None
        name = base + "." + (ext.upper() if up else ext)
        while name in self.used:
            name = base + "_%d.%s" % (r.randint(1, 99), ext.upper() if up else ext)
        self.used.add(name)
        return name


# --------------------------------------------------------------------------------------------
# heldout5: a fourth one-shot measuring split. Fonts, palettes, layouts and captures none of the five older splits
# uses; everything sits behind Style.held5 / split == "heldout5" (functions *5), so the older splits draw the same
# random numbers as before and come out byte-identical.

FONT_FILES.update({   # heldout5 only: Noto Sans CJK SC Thin, Noto Serif CJK SC ExtraLight, LXGW WenKai Mono Light/Bold,
    # and for digits and Latin C059 (a Century Schoolbook), Nimbus Sans Narrow (an Arial Narrow), URW Gothic (an Avant Garde)
    "noto-sans-t": (NOTO + "NotoSansCJK-Thin.ttc", 2), "noto-serif-el": (NOTO + "NotoSerifCJK-ExtraLight.ttc", 2),
    "wkmono-l": ("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKaiMono-Light.ttf", 0),
    "wkmono-b": ("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKaiMono-Bold.ttf", 0),
    "c059": ("/usr/share/fonts/opentype/urw-base35/C059-Roman.otf", 0),
    "nimbus-narrow": ("/usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-Regular.otf", 0),
    "urw-gothic": ("/usr/share/fonts/opentype/urw-base35/URWGothic-Book.otf", 0),
})
LATIN_ONLY.update({"c059": "noto-serif-el", "nimbus-narrow": "wkmono-l", "urw-gothic": "noto-sans-t"})
PARTIAL.update({k: [("noto-serif-el", Uncovered(k))] for k in ("wkmono-l", "wkmono-b")})
PARTIAL.update({k: [("wkmono-b", Uncovered(k))] for k in ("noto-sans-t", "noto-serif-el")})
CSS_FAMILY.update({"noto-sans-t": ("Noto Sans CJK SC", 100), "noto-serif-el": ("Noto Serif CJK SC", 200),
                   "wkmono-l": ("LXGW WenKai Mono', 'Noto Serif CJK SC", 300), "wkmono-b": ("LXGW WenKai Mono', 'Noto Serif CJK SC", 700),
                   "c059": ("C059', 'Noto Serif CJK SC", 400), "nimbus-narrow": ("Nimbus Sans Narrow', 'LXGW WenKai Mono", 400),
                   "urw-gothic": ("URW Gothic', 'Noto Sans CJK SC", 400)})
DESIGNS["heldout5"] = [   # teal labels, tomato accent on pale lilac; olive-brown labels, royal-blue accent on pale mint;
                          # slate-violet labels, amber accent on pale sand
    dict(name="thin", sans=("noto-sans-t", 0), sansb=("wkmono-b", 0), serif=("noto-serif-el", 0), serifb=("wkmono-b", 0),
         mono=("c059", 0), pdf_font="thin",
         ink=(26, 26, 30), label=(0, 112, 120), accent=(222, 70, 50), tint=(244, 240, 252), pattern=(214, 200, 236)),
    dict(name="wkmono", sans=("wkmono-l", 0), sansb=("wkmono-b", 0), serif=("noto-serif-el", 0), serifb=("wkmono-b", 0),
         mono=("nimbus-narrow", 0), pdf_font="wkmono",
         ink=(16, 22, 30), label=(112, 92, 30), accent=(40, 70, 190), tint=(236, 250, 242), pattern=(186, 226, 204)),
    dict(name="extralight", sans=("noto-serif-el", 0), sansb=("wkmono-b", 0), serif=("wkmono-l", 0), serifb=("wkmono-b", 0),
         mono=("urw-gothic", 0), pdf_font="extralight",
         ink=(30, 24, 20), label=(84, 74, 140), accent=(214, 140, 0), tint=(250, 244, 230), pattern=(230, 214, 178)),
]


def kc5(S):
    """heldout5: cards keep most of their type size (S.k 0.82–0.87 is for pages)."""
    return (1 + S.k) / 2


def leader5(doc, x0, x1, y, colour):
    """A dotted leader from a label to its value."""
    x = x0
    while x < x1:
        doc.rect(x, y, x + 0.28, y + 0.28, fill=colour)
        x += 1.1


def kv5(doc, S, x, y, items, size, lw, gap, font, vfont, lcol, vcol, under):
    """heldout5: label in the label colour, a dotted leader to the value column, the value in ink."""
    sz = size * S.k
    em = sz * 25.4 / 72
    for lab, val in items:
        t = lab + S.sep
        ls = sz
        while doc.width(t, ls, S.f(font)) > lw - 2.5 and ls > 4.5:
            ls -= 0.5
        doc.text(x, y, t, ls, S.f(font), lcol or S.c("label"))
        leader5(doc, x + doc.width(t, ls, S.f(font)) + 0.8, x + lw - 1.2, y + em * 0.78, (150, 150, 150))
        doc.text(x + lw, y, val, sz, S.f(vfont), vcol or S.c("ink"))
        y += em * gap
    return y


def ellipses5(doc, rng, colour, n=20):
    """Guilloche of concentric ellipses around a point (heldout5's card backgrounds)."""
    cx, cy = rng.uniform(0.2, 0.8) * doc.w, rng.uniform(0.2, 0.8) * doc.h
    for i in range(n):
        r = 2.5 + i * 3.1
        doc.ellipse(cx - r * 1.5, cy - r, cx + r * 1.5, cy + r, outline=colour, w=0.1)


def k_id_front5(rng, S, c):
    """heldout5: 年 月 日 in the label colour as on the card, 住址 in lines of 11 characters, the number in the split's
    digit font with wide spacing, on the 公民身份号码 line (v0) or under its label (v1); concentric-ellipse guilloche."""
    p = c["person"]
    v = rng.randrange(2)
    k = kc5(S)
    doc = Doc(CARD_W, CARD_H, S=S, card=True)
    doc.rect(0, 0, CARD_W, CARD_H, fill=S.c("tint"))
    ellipses5(doc, rng, S.c("pattern"))
    lab, ink, f = S.c("label"), S.c("ink"), S.f("sans")
    x0, y0 = 5.2 + S.dx * 0.3, 5.0 + S.dy * 0.3
    sz = 7.4 * k
    doc.text(x0, y0 + 0.4, "姓名", 6.2, f, lab)
    doc.text(x0 + 10, y0 - 0.4, p["name"], 10 * k, S.f("sansb"), ink)
    doc.text(x0, y0 + 7, "性别", 6.2, f, lab)
    doc.text(x0 + 10, y0 + 7, p["sex"], sz, f, ink)
    doc.text(x0 + 19, y0 + 7, "民族", 6.2, f, lab)
    doc.text(x0 + 28, y0 + 7, p["nation"], sz, f, ink)
    b = p["birth"]
    doc.text(x0, y0 + 13.5, "出生", 6.2, f, lab)
    xx = x0 + 10
    for part, is_lab in ((str(b.year), 0), ("年", 1), (str(b.month), 0), ("月", 1), (str(b.day), 0), ("日", 1)):
        doc.text(xx, y0 + 13.5 + (0.3 if is_lab else 0), part, sz if not is_lab else 6.2, f, lab if is_lab else ink)
        xx += doc.width(part, sz if not is_lab else 6.2, f) + 1.4
    addr = p["address"]
    n = max(11, -(-len(addr) // 3))
    doc.text(x0, y0 + 20, "住址", 6.2, f, lab)
    for i in range(0, len(addr), n):
        doc.text(x0 + 10, y0 + 20 + 4.3 * (i // n), addr[i:i + n], sz, f, ink)
    if v == 0:
        doc.text(x0, 44.6, "公民身份号码", 6.2, f, lab)
        doc.text(x0 + 21, 43.8, p["id_number"], 10.4 * k, S.f("mono"), ink, spacing=0.65)
    else:
        doc.text(x0, 40.8, "公民身份号码", 5.8, f, lab)
        doc.text(x0 + 2, 45.0, p["id_number"], 11 * k, S.f("mono"), ink, spacing=0.95)
    doc.image(56 + 1.2 * v, 7.5, 24, 30, portrait(rng, p["female"], S.c("tint")))
    return [doc], {"name": p["name"], "id_number": p["id_number"]}, \
        "居民身份证 人像面 (heldout5: 年月日 in the label colour, 住址 %d characters a line, number %s), design %s/%d" % (
            n, "on the label's line" if v == 0 else "under its label", S.name, v), {}


def k_id_back5(rng, S, c):
    """heldout5: concentric-ellipse guilloche, a Great Wall line across the card, a larger emblem."""
    p = c["person"]
    k = kc5(S)
    doc = Doc(CARD_W, CARD_H, S=S, card=True)
    doc.rect(0, 0, CARD_W, CARD_H, fill=S.c("tint"))
    ellipses5(doc, rng, S.c("pattern"))
    pts, x, up = [], 2.0, 0
    base = rng.uniform(28, 31)
    while x < CARD_W - 2:   # battlements of a wall along a hill line
        yb = base + 2.2 * math.sin(x / 14.0)
        h = 1.4 if up else 0
        pts += [(x, yb - h), (x + 1.6, yb - h)]
        x += 1.6
        up = 1 - up
    doc.poly(pts, 0.25, S.c("pattern"))
    doc.image(5 + S.dx * 0.2, 4.5, 17, 17, emblem())
    big = S.f("serifb")
    doc.text(27, 6.5, "中华人民共和国", 11.5 * k, big, S.c("ink"), spacing=1.1)
    doc.text(26, 15.5, "居民身份证", 18 * k, big, S.c("ink"), spacing=1.8)
    frm, until = c["id_valid"]
    lab = S.c("label")
    doc.text(13, 37, "签发机关", 6.2, S.f("sans"), lab)
    doc.text(28, 36.5, p["authority"], 7.6 * k, S.f("sans"), S.c("ink"))
    doc.text(13, 44, "有效期限", 6.2, S.f("sans"), lab)
    doc.text(28, 43.5, "%s-%s" % (dotted(frm), dotted(until)), 7.6 * k, S.f("sans"), S.c("ink"))
    exp = until != "长期" and until < TODAY
    return [doc], {"valid_from": iso(frm), "valid_until": iso(until)}, \
        "居民身份证 国徽面 (heldout5: Great Wall line, ellipse guilloche), design %s%s" % (S.name, ", EXPIRED" if exp else ""), {"expired": exp}


def k_ssc5(rng, S, c):
    """heldout5: a white card with 中华人民共和国社会保障卡 in dark red on it (no band), 山东 content, labels above their
    values in two columns, a wavy colour band along the bottom with the bank's name in it."""
    p = c["person"]
    bank = c.get("bank") or rng.choice(BANKS)
    k = kc5(S)
    doc = Doc(CARD_W, CARD_H, S=S, card=True)
    doc.rect(0, 0, CARD_W, CARD_H, fill=(250, 250, 248))
    ellipses5(doc, rng, (226, 230, 236), 14)
    doc.ellipse(4, 2.6, 10.5, 9.1, outline=(170, 28, 36), w=0.6)
    doc.text(7.25, 3.9, "人社", 4.2, S.f("sansb"), (170, 28, 36), "m")
    doc.text(12.5, 3.0, "中华人民共和国社会保障卡", 10 * k, S.f("sansb"), (170, 28, 36), spacing=0.2)
    doc.text(12.5, 8.6, "山东省人力资源和社会保障厅", 4.6, S.f("sans"), (90, 90, 90))
    doc.line(4, 11.5, CARD_W - 4, 11.5, 0.3, (170, 28, 36))
    chip(doc, 6, 13.5)
    lab, ink = (110, 110, 110), S.c("ink")
    cols = [(20, 13.5, "姓名", p["name"]), (40, 13.5, "发卡日期", c["ssc_date"]),
            (6, 24.5, "社会保障号码", p["id_number"]), (6, 32.5, "社会保障卡号", c["ssc_no"])]
    for x, y, l, val in cols:
        doc.text(x, y, l, 4.8, S.f("sans"), lab)
        doc.text(x, y + 2.6, val, 7.2 * k, S.f("mono" if l.startswith("社会保障") else "sans"), ink, spacing=0.35 if l.startswith("社会保障") else 0)
    doc.image(62, 13.5, 18, 23, portrait(rng, p["female"], (250, 250, 248)))
    band = S.c("accent")
    pts = [(x, 44 + 2.2 * math.sin(x / 11.0)) for x in np.linspace(0, CARD_W, 60)]
    for i in range(22):
        doc.poly([(a, b + i * 0.5) for a, b in pts], 0.6, band)
    doc.text(6, 48, bank[0], 6.2 * k, S.f("sansb"), (255, 255, 255))
    doc.text(CARD_W - 4, 48, "UnionPay 银联", 5.6, S.f("sansb"), (255, 255, 255), "r")
    return [doc], {"name": p["name"], "id_number": p["id_number"], "card_number": c["ssc_no"]}, \
        "社会保障卡 (heldout5: white card, title in red without a band, labels above values, wave band with %s), design %s" % (bank[0], S.name), {}


def k_bank5(rng, S, c):
    """heldout5: wine, lavender (dark print) or tangerine cards with a diagonal sheen; the number embossed-looking
    (highlight and shadow, silver or dark tipped), 19 digits grouped 4-4-4-4-3, 16 digits 4-4-4-4."""
    bank, number = c["bank"], c["bank_no"]
    base = rng.choice([(118, 22, 46), (204, 196, 232), (214, 100, 30)])
    doc = Doc(CARD_W, CARD_H, S=S, card=True)
    doc.rect(0, 0, CARD_W, CARD_H, fill=base)
    for i in range(26):
        col = tuple(min(255, v + 10 + (i % 5) * 3) for v in base)
        doc.line(30 + i * 1.6, CARD_H, 58 + i * 1.6, 0, 0.9, col)
    fg = (255, 255, 255) if sum(base) < 450 else (40, 34, 70)
    doc.ellipse(4, 4, 11, 11, outline=fg, w=0.8)
    doc.text(13, 4, bank[0], 10 * kc5(S), S.f("sansb"), fg)
    doc.text(13, 9.2, bank[1], 4.5, S.f("sans"), fg)
    chip(doc, 9, 18.5)
    groups = " ".join(number[i:i + 4] for i in range(0, len(number), 4))
    size = 11.5 if len(number) <= 16 else 10.2
    light = sum(base) >= 450
    face = (62, 56, 88) if light else (214, 214, 220)
    doc.text(7 - 0.14, 32.5 - 0.14, groups, size, S.f("mono"), (255, 255, 255) if light else tuple(min(255, v + 70) for v in base), spacing=0.35)
    doc.text(7 + 0.2, 32.5 + 0.2, groups, size, S.f("mono"), tuple(max(0, v - 60) for v in base), spacing=0.35)
    doc.text(7, 32.5, groups, size, S.f("mono"), face, spacing=0.35)
    doc.text(7, 42, rng.choice(["借记卡", "IC借记卡", "储蓄卡 DEBIT"]), 6, S.f("sans"), fg)
    mm, yy = rng.randint(1, 12), rng.randint(28, 36)
    doc.text(38, 41.2, "VALID", 3.2, S.f("mono"), fg)
    doc.text(38, 42.6, "THRU", 3.2, S.f("mono"), fg)
    doc.text(45, 41.4, "%02d/%02d" % (mm, yy), 7 * kc5(S), S.f("mono"), face)
    x0, y0 = CARD_W - 20, CARD_H - 14
    for i, col in enumerate([(220, 30, 40), (20, 60, 140), (0, 130, 120)]):
        doc.poly([(x0 + i * 5, y0 + 10), (x0 + i * 5 + 2, y0), (x0 + i * 5 + 7, y0), (x0 + i * 5 + 5, y0 + 10), (x0 + i * 5, y0 + 10)], 1.6, col)
    doc.text(x0 + 8.5, y0 + 2.2, "银联", 5.5, S.f("sansb"), (255, 255, 255), "m")
    doc.text(x0 + 8.5, y0 + 6, "UnionPay", 4, S.f("sansb"), (255, 255, 255), "m")
    return [doc], {"card_number": number}, "银联借记卡 %s (heldout5: number embossed-looking, grouped %s), design %s" % (
        bank[0], "4-4-4-4-3" if len(number) == 19 else "4-4-4-4", S.name), {"bank": bank[0]}


def k_business_license5(rng, S, c):
    """heldout5: a printout of the 电子营业执照 (as the app shows it): red head band, emblem, 营业执照, the code,
    fields with dotted leaders, a large QR with its caption, 登记机关 seal, download time."""
    co = c["company"]
    doc = Doc(210, 297, S=S)
    doc.rect(22, 18, 188, 272, outline=(200, 200, 200), w=0.3)
    doc.rect(22, 18, 188, 38, fill=(196, 26, 34))
    doc.text(105, 22.5, "电子营业执照", 20 * kc5(S), S.f("serifb"), (255, 255, 255), "m", spacing=2.5)
    doc.image(96, 43, 18, 18, emblem())
    doc.text(105, 64, "营 业 执 照", 26 * kc5(S), S.f("serifb"), (186, 20, 26), "m", spacing=2)
    doc.text(105, 80, "统一社会信用代码  " + co["uscc"], 11 * kc5(S), S.f("sans"), S.c("ink"), "m")
    founded = co["founded"]
    items = [("名称", co["name"]), ("类型", co["type"]), ("法定代表人", co["rep"]["name"]), ("注册资本", co["capital"]),
             ("成立日期", cn_date(founded)), ("营业期限", "%s 至 %s" % (cn_date(founded), c.get("biz_until_text", "长期")))]
    x = 34 + S.dx
    y = kv5(doc, S, x, 92 + S.dy, items, 12, 30, 1.9, "sans", "sans", None, None, 0)
    size = 12 * S.k
    for lab, val in (("住所", co["address"]), ("经营范围", co["scope"])):
        doc.text(x, y, lab + S.sep, size, S.f("sans"), S.c("label"))
        y = doc.para(x + 30, y, 112, val, size * (0.92 if lab == "经营范围" else 1), S.f("sans"), S.c("ink"), lh=1.6, indent=0) + 2.5
    qy = max(y + 6, 200)
    doc.image(34, qy, 34, 34, qr_block(rng, 29))
    doc.para(72, qy + 6, 50, "扫描二维码登录“国家企业信用信息公示系统”了解更多登记、备案、许可、监管信息。", 7.5, S.f("sans"), (90, 90, 90), lh=1.5, indent=0)
    issue = rand_date(rng, founded, dt.date(2026, 10, 31))
    doc.text(152, qy + 8, "登记机关", 12, S.f("sans"), S.c("ink"), "m")
    doc.seal(152, qy + 16, 40, co["authority"])
    doc.text(152, qy + 26, cn_date(issue, True), 10, S.f("sans"), S.c("ink"), "m")
    dl = dt.datetime(2026, 11, rng.randint(20, 30), rng.randint(8, 17), rng.randint(0, 59), rng.randint(0, 59))
    doc.text(105, 262, "下载时间：%s    国家市场监督管理总局监制" % dl.strftime("%Y-%m-%d %H:%M:%S"), 7.5, S.f("sans"), (110, 110, 110), "m")
    facts = {"uscc": co["uscc"], "unit_name": co["name"], "valid_from": iso(founded), "valid_until": c.get("biz_until", "长期")}
    return [doc], facts, "营业执照 (heldout5: a printout of the 电子营业执照), design %s" % S.name, {}


def blanks5(doc, S, x, y, parts, size):
    """heldout5's fill-in lines: label, then the value centred over an underline at least w mm long."""
    for lab, val, w in parts:
        if lab:
            doc.text(x, y, lab, size, S.f("serif"), S.c("label"))
            x += doc.width(lab, size, S.f("serif")) + 1.5
        if w:
            f = S.f("mono") if val and val[0].isdigit() and len(val) > 8 else S.f("sans")
            vw = doc.width(val, size, f)
            w = max(w, vw + 6)
            doc.text(x + (w - vw) / 2, y - 0.4, val, size, f, S.c("ink"))
            doc.line(x, y + size * 25.4 / 72 * 1.2, x + w, y + size * 25.4 / 72 * 1.2, 0.25, (90, 90, 90))
            x += w + 2.5
    return x


def k_birth5(rng, S, c):
    """heldout5: an older edition of the 出生医学证明, portrait, with its facts written on fill-in lines, not in a grid."""
    ch, mo, fa = c["child"], c["mother"], c["father"]
    doc = Doc(200, 270, bg=S.c("tint"), S=S)
    ellipses5(doc, rng, S.c("pattern"), 30)
    doc.rect(7, 7, 193, 263, outline=S.c("label"), w=1.0)
    doc.rect(9.5, 9.5, 190.5, 260.5, outline=S.c("label"), w=0.3)
    doc.text(100, 22 + S.dy, "出 生 医 学 证 明", 24 * kc5(S), S.f("serifb"), S.c("label"), "m", spacing=1.5)
    doc.text(100, 36 + S.dy, "中华人民共和国卫生部制", 9, S.f("serif"), (90, 90, 90), "m")
    doc.text(132, 46, "编号", 9, S.f("serif"), S.c("ink"))
    doc.text(142, 45, c["bc_no"], 13 * kc5(S), S.f("mono"), (200, 30, 30))
    bt = c["birth_time"]
    sz = 11 * kc5(S)
    x, y, dy = 18 + S.dx, 62, 17
    age = lambda p: str((bt.date() - p["birth"]).days // 365)
    lines = [[("新生儿姓名", ch["name"], 30), ("性别", ch["sex"], 14), ("出生孕周", "%d" % rng.randint(37, 41), 12), ("周", "", 0)],
             [("出生时间", str(bt.year), 16), ("年", str(bt.month), 9), ("月", str(bt.day), 9), ("日", str(bt.hour), 9), ("时", str(bt.minute), 9), ("分", "", 0)],
             [("出生地点", PLACES[mo["area"]][0], 70)],
             [("健康状况", rng.choice(["良好", "良"]), 14), ("体重", str(rng.randint(2600, 4100)), 14), ("克  身长", str(rng.randint(47, 54)), 10), ("厘米", "", 0)],
             [("母亲姓名", mo["name"], 22), ("年龄", age(mo), 10), ("国籍", "中国", 12), ("民族", mo["nation"], 10)],
             [("身份证件号码", mo["id_number"], 70)],
             [("父亲姓名", fa["name"], 22), ("年龄", age(fa), 10), ("国籍", "中国", 12), ("民族", fa["nation"], 10)],
             [("身份证件号码", fa["id_number"], 70)],
             [("接生机构名称", c["hospital"], 80)]]
    for ln in lines:
        blanks5(doc, S, x, y, ln, sz)
        y += dy
    issue = (bt + dt.timedelta(days=rng.randint(2, 20))).date()
    doc.text(30, y + 12, "签发日期  " + cn_date(issue), 10, S.f("serif"), S.c("ink"))
    doc.text(140, y + 4, "签证机构（盖章）", 10, S.f("serif"), S.c("ink"), "m")
    doc.seal(140, y + 18, 36, c["hospital"] + "出生医学证明专用章"[:4])
    facts = {"birth_certificate_number": c["bc_no"], "child_name": ch["name"], "mother_name": mo["name"], "mother_id_number": mo["id_number"]}
    return [doc], facts, "出生医学证明 (heldout5: an older edition, facts on fill-in lines), design %s" % S.name, \
        {"father_name": fa["name"], "father_id_number": fa["id_number"]}


def k_household5(rng, S, c):
    """heldout5: the 户口簿 首页 (户主页) — 户别, 户主姓名, 户号, 住址, 户口专用章 — when the case asks for it (it shows the
    户主's name only, no ID number); otherwise the 常住人口登记卡 in heldout5's fonts with 户号 and 登记事项变更 lines."""
    p = c["person"]
    if not c.get("first_page"):
        docs, facts, notes, extra = k_household(rng, S, c)
        d = docs[0]
        d.text(150, 6 + S.dy, "户号 %09d" % rng.randrange(10 ** 9), 8, S.f("sans"), S.c("label"))
        return docs, facts, notes + " (heldout5: with 户号)", extra
    doc = Doc(190, 133, bg=S.c("tint"), S=S)
    ellipses5(doc, rng, S.c("pattern"), 24)
    doc.text(95, 9 + S.dy, "户  口  簿", 18 * kc5(S), S.f("serifb"), S.c("ink"), "m", spacing=2)
    hno = "%09d" % rng.randrange(10 ** 9)
    rows = [[("户别", 1, True), (rng.choice(["家庭户", "居民家庭户"]), 1, False), ("户主姓名", 1, True), (p["name"], 1, False)],
            [("户号", 1, True), (hno, 3, False)],
            [("住址", 1, True), (p["address"], 3, False)],
            [("户口登记机关", 1, True), (PLACES[p["area"]][1], 3, False)]]
    y = grid(doc, S, 14 + S.dx, 24 + S.dy, [36, 50, 36, 40], rows, 10.5 * kc5(S), 13, font="sans")
    reg = rand_date(rng, dt.date(2008, 1, 1), dt.date(2025, 12, 31))
    doc.text(30, y + 12, "承办人签章：", 10, S.f("sans"), S.c("ink"))
    doc.sign(56, y + 8, 22, 9, rng.randrange(10 ** 6))
    doc.text(110, y + 12, "签发日期：" + cn_date(reg), 10, S.f("sans"), S.c("ink"))
    doc.seal(140, y - 6, 34, PLACES[p["area"]][1][-5:] + "户口专用章")
    return [doc], {"name": p["name"]}, "户口簿 首页 (户主页, heldout5: shows the 户主's name and 户号, no ID number), design %s" % S.name, {"household_number": hno}


MED5 = [("阿莫西林胶囊", "0.25g*24粒", "盒"), ("布洛芬缓释胶囊", "0.3g*20粒", "盒"), ("血常规", "", "次"), ("心电图检查", "", "次"),
        ("头孢克肟片", "0.1g*6片", "盒"), ("复方甘草片", "100片", "瓶"), ("静脉输液", "", "组"), ("氯化钠注射液", "0.9% 250ml", "袋"),
        ("门诊诊查费", "", "次"), ("尿常规", "", "次"), ("胸部DR正位片", "", "次"), ("C反应蛋白测定", "", "项"), ("葡萄糖注射液", "5% 250ml", "袋"),
        ("一次性输液器", "", "套"), ("肌酐测定", "", "项"), ("彩色多普勒超声", "", "次"), ("蒙脱石散", "3g*10袋", "盒"), ("氨溴索口服溶液", "100ml", "瓶")]


def k_invoice5(rng, S, c):
    """heldout5: 山东省医疗门诊/住院收费电子票据 printouts: QR top left, 票据代码/号码/校验码/开票日期 top right, a
    门诊 bill with many coded line items (规格, 数量, 单位, 金额) or a 住院 bill with its stay, 预缴 and 补/退 amounts."""
    p = c["person"]
    t = c.get("invoice_type") or rng.choice(["outpatient", "inpatient"])
    hosp = c.get("hospital") or rng.choice(HOSP)
    d = c.get("discharge") or rand_date(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 25))
    if t == "outpatient":
        lines = []
        for n, spec, unit in rng.sample(MED5, rng.randint(11, 15)):
            q = rng.randint(1, 3)
            price = round(rng.uniform(3, 160), 2)
            lines.append((n, spec, str(q), unit, round(q * price, 2)))
    else:
        lines = [(n, "", "1", "项", round(rng.uniform(40, 3800), 2)) for n in rng.sample(FEE_ITEMS, rng.randint(6, 9))]
    total = round(sum(l[4] for l in lines), 2)
    H = 150 + (len(lines) - 8) * 6 if t == "outpatient" else 150
    doc = Doc(240, H, S=S)
    col = (176, 60, 44)
    title = "山东省医疗%s收费电子票据" % ("门诊" if t == "outpatient" else "住院")
    doc.image(10, 6, 24, 24, qr_block(rng, 25))
    doc.text(120 + S.dx, 10, title, 16 * kc5(S), S.f("serifb"), col, "m", spacing=0.6)
    doc.line(72, 19.5, 168, 19.5, 0.3, col)
    doc.line(72, 20.7, 168, 20.7, 0.3, col)
    code, num = "37%06d" % rng.randrange(10 ** 6), "%010d" % rng.randrange(10 ** 10)
    check = "".join(rng.choice("0123456789abcdef") for _ in range(6))
    kv5(doc, S, 172, 6, [("票据代码", code), ("票据号码", num), ("校验码", check), ("开票日期", d.isoformat())], 9, 17, 1.55, "sans", "mono", col, None, 0)
    y = 33
    meta = [("交款人", p["name"]), ("交款人统一社会信用代码", p["id_number"]), ("医保类型", rng.choice(["职工基本医疗保险", "城乡居民基本医疗保险"]))]
    if t == "inpatient":
        a = c.get("admit") or d - dt.timedelta(days=rng.randint(4, 12))
        meta += [("住院号", "%08d" % rng.randrange(10 ** 8)), ("住院时间", "%s 至 %s" % (a.isoformat(), d.isoformat()))]
    else:
        meta += [("门诊号", "%010d" % rng.randrange(10 ** 10))]
    y = kv5(doc, S, 12, y, meta, 9, 44, 1.5, "sans", "sans", col, None, 0) + 1
    rows = [[("项目名称", 3, True), ("规格", 2, True), ("数量", 1, True), ("单位", 1, True), ("金额(元)", 2, True), ("备注", 1, True)]]
    for n, spec, q, unit, amt in lines:
        rows.append([(n, 3, False), (spec, 2, False), (q, 1, False), (unit, 1, False), ("%.2f" % amt, 2, False), ("", 1, False)])
    rows.append([("金额合计（大写）", 3, True), (rmb_upper(total), 4, False), ("（小写）", 1, True), ("¥%.2f" % total, 2, False)])
    fund = round(total * rng.uniform(0.35, 0.72), 2)
    acct = round(min(total - fund, rng.uniform(0, 200)), 2)
    rows.append([("医保统筹基金支付", 3, True), ("%.2f" % fund, 2, False), ("个人账户支付", 2, True), ("%.2f" % acct, 1, False),
                 ("个人现金支付", 1, True), ("%.2f" % (total - fund - acct), 1, False)])
    if t == "inpatient":
        pre = round(math.ceil(total / 1000.0) * 1000 * rng.choice([0.5, 1.0]), 2)
        cash = round(total - fund - acct, 2)
        rows.append([("预缴金额", 3, True), ("%.2f" % pre, 2, False), ("补缴金额", 2, True), ("%.2f" % max(0, cash - pre), 1, False),
                     ("退费金额", 1, True), ("%.2f" % max(0, pre - cash), 1, False)])
    y = grid(doc, S, 12, y, [22, 22, 22, 22, 22, 12, 12, 12, 30, 40], rows, 8.6 * S.k, 6.6, colour=col)
    doc.text(12, y + 5, "收款单位（章）：" + hosp, 8.5, S.f("sans"), S.c("ink"))
    doc.text(150, y + 5, "复核人：" + fake_name(rng, True) + "   收款人：" + fake_name(rng, False), 8.5, S.f("sans"), S.c("ink"))
    doc.seal(62, y + 3, 30, hosp + "财务专用章"[:2], oval=True)
    doc.text(120, H - 8, "票据查验：请登录山东省财政电子票据公共服务平台或扫描左上角二维码查验", 7, S.f("sans"), (100, 100, 100), "m")
    return [doc], {"name": p["name"]}, "%s %s (heldout5: 校验码 beside the number, %d line items)" % (title, hosp, len(lines)), \
        {"total": "%.2f" % total, "invoice_number": num}


KINDS5 = {"id-card-front": k_id_front5, "social-security-card": k_ssc5, "bank-card": k_bank5, "business-license": k_business_license5,
          "birth-certificate": k_birth5, "household-register": k_household5, "medical-invoice": k_invoice5}


# heldout5's captures: scans at 150–300 dpi through a sheet feeder (skew, a streak) or on the glass, ID front and back on
# one A4 copy, duplex scans with a blank back page; photos on patterned tables, from a steep angle, with fingers holding
# a corner, in low light, under a green or magenta cast; PDFs made of phone photos

def bg5(rng, W, H, t):
    """A patterned table (t): gingham cloth, polka dots, tiles with grout, a printed oilcloth of stripes."""
    sm = (max(8, W // 4), max(8, H // 4))
    yy, xx = np.mgrid[0:sm[1], 0:sm[0]].astype(np.float32)
    if t == "gingham":
        c = np.array(rng.choice([(190, 40, 44), (40, 80, 160), (40, 120, 70)]), np.float32)
        p = max(6, sm[0] // rng.randint(14, 22))
        a = ((xx // p) % 2) + ((yy // p) % 2)
        arr = 245 - (245 - c)[None, None, :] * (a / 2.0 * 0.8)[..., None]
    elif t == "dots":
        base = np.array(rng.choice([(238, 226, 200), (40, 46, 70)]), np.float32)
        dotc = np.array(rng.choice([(200, 60, 80), (250, 250, 250)]), np.float32)
        p = max(6, sm[0] // 18)
        m = (((xx % p) - p / 2) ** 2 + ((yy % p) - p / 2) ** 2) < (p * 0.22) ** 2
        arr = np.where(m[..., None], dotc, base)
    elif t == "tiles":
        base = np.array(rng.choice([(226, 226, 220), (200, 214, 222)]), np.float32)
        p = max(8, sm[0] // 8)
        m = ((xx % p) < 1.2) | ((yy % p) < 1.2)
        arr = np.where(m[..., None], base * 0.7, base)[..., :]
    else:
        base = np.array(rng.choice([(244, 236, 214), (230, 240, 236)]), np.float32)
        stc = np.array(rng.choice([(190, 120, 60), (80, 140, 170)]), np.float32)
        p = max(6, sm[0] // 20)
        m = ((xx + yy) % p) < p * 0.35
        arr = np.where(m[..., None], stc, base)
    arr = arr + np.random.default_rng(rng.randrange(2 ** 32)).normal(0, 4, (sm[1], sm[0], 1))
    return Image.fromarray(arr.clip(0, 255).astype("uint8")).resize((W, H), Image.BICUBIC), t


def fingers5(bg, rng, box):
    """Fingers holding the document at one corner of box (x0, y0, x1, y1): skin-coloured rounded shapes with a soft
    shadow, drawn over it."""
    W, H = bg.size
    x0, y0, x1, y1 = box
    corner = rng.choice(["bottom-left", "bottom-right", "top-left"])
    cx = x0 if "left" in corner else x1
    cy = y1 if "bottom" in corner else y0
    u = 0.045 * min(W, H)
    skin = tuple(int(v) for v in np.array([214, 170, 140]) + rng.randint(-18, 12))
    m = Image.new("L", (W, H), 0)
    d = ImageDraw.Draw(m)
    sx = 1 if "left" in corner else -1
    sy = -1 if "bottom" in corner else 1
    d.ellipse([cx - 1.3 * u, cy - 1.0 * u, cx + 1.3 * u, cy + 1.0 * u], fill=255)          # the thumb's tip over the corner
    # the thumb runs from the corner out of the document, towards the edge of the picture
    d.polygon([(cx - 1.1 * u, cy), (cx + 1.1 * u, cy), (cx + 1.3 * u - sx * 0.5 * u, cy - sy * 3.6 * u), (cx - 1.3 * u - sx * 0.5 * u, cy - sy * 3.6 * u)], fill=255)
    sh = m.filter(ImageFilter.GaussianBlur(u * 0.35))
    arr = np.asarray(bg).astype(np.float32)
    arr *= 1 - (np.roll(np.roll(np.asarray(sh).astype(np.float32), int(u * 0.3), 0), int(u * 0.3), 1) / 255.0 * 0.4)[..., None]
    out = Image.fromarray(arr.clip(0, 255).astype("uint8"))
    out.paste(skin, (0, 0), m.filter(ImageFilter.GaussianBlur(1.5)))
    nail = ImageDraw.Draw(out)
    nail.ellipse([cx - 0.45 * u, cy - 0.2 * u, cx + 0.45 * u, cy + 0.5 * u], fill=tuple(min(255, v + 22) for v in skin))
    return out, corner


def photo5(docs, rng, card, S, extra="none", table="gingham"):
    """heldout5's phone photo on a patterned table; in turn from a steep angle (far edge shrunk 0.28–0.36, turned
    sideways too), with fingers holding a corner, in low light (dark, grainy, yellow), under a green or magenta
    cast, plain. Returns (upright image, how)."""
    L = int(rng.choice([1600, 2000, 2000, 2400]))
    d = docs[0]
    land = (d.w > d.h) == (rng.random() < 0.85)
    W, H = (L, int(L * 3 / 4)) if land else (int(L * 3 / 4), L)
    bg, bgname = bg5(rng, W, H, table)
    extras = []
    frac = rng.uniform(0.6, 0.8) if card else rng.uniform(0.72, 0.88)
    dpi = min(W * frac / (d.w / 25.4), H * frac / (d.h / 25.4))
    im = render(d, dpi)
    im = rounded_card(im, dpi) if card else im.convert("RGBA")
    w, h = im.size
    cx, cy = W / 2 + rng.uniform(-0.05, 0.05) * W, H / 2 + rng.uniform(-0.05, 0.05) * H
    rot = math.radians(rng.uniform(-5, 5))
    j = 0.03 * max(w, h)
    corners = []
    for (px, py) in [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]:
        corners.append((cx + px * math.cos(rot) - py * math.sin(rot) + rng.uniform(-j, j), cy + px * math.sin(rot) + py * math.cos(rot) + rng.uniform(-j, j)))
    if extra == "steep":
        shrink = rng.uniform(0.28, 0.36)
        side = rng.choice([-1, 1]) * rng.uniform(0.08, 0.14)
        extras.append("from a steep angle (far edge shrunk %.2f, one side %.2f shorter)" % (shrink, abs(side)))
        i = 1 if side > 0 else 0   # the far corner of one side pulled in further
        corners[i + 2 if i == 1 else 3] = (corners[i + 2 if i == 1 else 3][0], corners[i + 2 if i == 1 else 3][1] - abs(side) * h * 0.5)
    else:
        shrink = rng.uniform(0.03, 0.12)
    corners[0] = (corners[0][0] + shrink * w / 2, corners[0][1] + shrink * h * 0.35)
    corners[1] = (corners[1][0] - shrink * w / 2, corners[1][1] + shrink * h * 0.35)
    co = persp_coeffs([(0, 0), (w, 0), (w, h), (0, h)], corners)
    warped = im.transform((W, H), Image.PERSPECTIVE, co, Image.BICUBIC)
    alpha = warped.getchannel("A")
    shadow = alpha.filter(ImageFilter.GaussianBlur(max(4, W // 150)))
    off = int(W * 0.006)
    bg.paste((20, 20, 20), (off, off), shadow.point(lambda a: int(a * 0.45)))
    bg.paste(warped.convert("RGB"), (0, 0), alpha)
    if extra == "fingers":
        xs, ys = [p[0] for p in corners], [p[1] for p in corners]
        bg, where = fingers5(bg, rng, (min(xs), min(ys), max(xs), max(ys)))
        extras.append("fingers holding the %s corner" % where)
    arr = np.asarray(bg).astype(np.float32)
    yy, xx = np.mgrid[0:H:8, 0:W:8].astype(np.float32)
    gx, gy = rng.uniform(-0.2, 0.2), rng.uniform(-0.2, 0.2)
    light = 1 + gx * (xx / W - 0.5) + gy * (yy / H - 0.5)
    light = np.asarray(Image.fromarray((light * 100).clip(0, 255).astype("uint8")).resize((W, H), Image.BICUBIC)).astype(np.float32) / 100
    if extra == "lowlight":
        gain = rng.uniform(0.42, 0.55)
        cast = np.array([1.0, 0.9, 0.7], np.float32) * gain
        sigma = rng.uniform(5.5, 8.0)
        extras.append("low light (gain %.2f, yellow, grain σ %.1f)" % (gain, sigma))
    elif extra == "cast":
        green = rng.random() < 0.5
        cast = np.array([0.86, 1.0, 0.84] if green else [1.0, 0.84, 0.98], np.float32)
        sigma = rng.uniform(1.0, 2.2)
        extras.append("a %s colour cast" % ("green (fluorescent tube)" if green else "magenta"))
    else:
        cast = np.array([1.0, 1.0, rng.uniform(0.94, 1.0)], np.float32)
        sigma = rng.uniform(1.0, 2.2)
    arr = arr * light[..., None] * cast[None, None, :]
    arr = paper_noise(arr, rng, sigma)
    blur = rng.uniform(0.4, 1.0) * L / 2000
    out = Image.fromarray(arr.clip(0, 255).astype("uint8")).filter(ImageFilter.GaussianBlur(blur))
    return out, "phone photo %dx%d on a %s table, perspective (top shrink %.2f, rotation %.1f°)%s, blur %.1f" % (
        W, H, bgname, shrink, math.degrees(rot), "".join(", " + e for e in extras), blur)


def blank5(size, rng, mode):
    """The back of a one-sided sheet in a duplex scan: off-white, noise, a faint mirrored trace of nothing."""
    arr = np.full((size[1], size[0]), rng.uniform(238, 248), np.float32)
    arr = paper_noise(arr, rng, rng.uniform(1.0, 2.0))
    im = Image.fromarray(arr.clip(0, 255).astype("uint8"))
    return im.convert(mode) if mode != "L" else im


def scan5(docs, rng, card, S, dpi, feeder=False, one_sheet=False):
    """heldout5's scan. Pages through a sheet feeder (skew up to ±2.5°, a thin vertical streak from dust on the
    feeder's glass) or on the glass (±1°); cards copied onto A4 (front and back on one sheet when one_sheet) or
    cropped. Colour or grey. Returns (image, how)."""
    k = dpi / 25.4
    extras = []
    if card:
        cards = [rounded_card(render(d, dpi), dpi) for d in docs]
        page = Image.new("RGB", (int(210 * k), int(297 * k)), (250, 250, 248))
        x = int(rng.uniform(55, 70) * k)
        y = int(rng.uniform(28, 60) * k)
        lay_cards(page, cards, x, y, k, rng, gap=(18, 40) if one_sheet else (10, 20), shadow=50, offset=(2, 2))
        how = "card%s on A4 (a 复印件)" % ("s" if len(cards) > 1 else "")
        angle = rng.uniform(-1.0, 1.0)
    else:
        page = render(docs[0], dpi)
        how = "page through a sheet feeder" if feeder else "page on the glass"
        angle = rng.uniform(-2.5, 2.5) if feeder else rng.uniform(-1.0, 1.0)
    colour = rng.random() < 0.5
    arr = np.asarray(page).astype(np.float32) * rng.uniform(0.93, 0.97) + rng.uniform(4, 9)
    page = Image.fromarray(arr.clip(0, 255).astype("uint8")).rotate(angle, Image.BICUBIC, expand=False, fillcolor=(244, 244, 240))
    if feeder and rng.random() < 0.6:   # dust on the feeder's glass: one thin line along the feed
        x = int(rng.uniform(0.15, 0.85) * page.width)
        ImageDraw.Draw(page).line([(x, 0), (x, page.height)], fill=rng.choice([(120, 120, 120), (200, 200, 200), (60, 60, 60)]), width=max(1, int(dpi / 150)))
        extras.append("a thin vertical streak at x=%d px (dust in the feeder)" % x)
    if not colour:
        page = page.convert("L")
    sigma, blur = rng.uniform(1.0, 2.2), rng.uniform(0.3, 0.7) * dpi / 200
    page = Image.fromarray(paper_noise(np.asarray(page).astype(np.float32), rng, sigma).clip(0, 255).astype("uint8")).filter(ImageFilter.GaussianBlur(blur))
    return page, "scan %d dpi, %s, %s, skew %.2f°, noise %.1f, blur %.2f%s" % (dpi, how, "colour" if colour else "grey", angle, sigma, blur,
                                                                        "".join(", " + e for e in extras))


def degrade5(docs, r, card, S, kind, how, rec, page_kinds, st):
    """heldout5: the pages of a file and how they were made. Returns (pages, dpi, desc, fmt, turned clockwise°)."""
    rot = 0
    dpi = 200
    if how == "scan":
        feeder = not card and r.random() < 0.5
        dpi = r.choice([150, 200, 200, 300]) if not card else r.choice([150, 200, 200])
        if card and len(docs) == 2 and st["one_sheet"]:
            st["one_sheet"] -= 1
            img, desc = scan5(docs, r, True, S, dpi, one_sheet=True)
            pages, rec["page_kinds"] = [img], [kind]
            rec["also_shows"] = ["id-card-back"]
            desc += " (front and back on one A4 sheet, front above back)"
        else:
            pages = []
            for d in docs:
                img, desc = scan5([d], r, card, S, dpi, feeder)
                pages.append(img)
            if len(docs) > 1:
                rec["page_kinds"] = page_kinds
        if len(pages) == 1 and not card and docs[0].w > docs[0].h and r.random() < 0.5:
            rot = r.choice([90, 270])
        fmt = r.choice(["jpg", "jpg", "png", "pdf", "tif"]) if len(pages) == 1 else r.choice(["pdf", "tif"])
        if fmt == "png" and dpi != 150:   # a scanner's PNG: only at 150 dpi (noise makes PNG large)
            fmt = "jpg"
        if feeder and len(pages) == 1 and not rot and st["duplex"] < 3:   # a duplex feeder scan: the sheet's empty back as page 2
            st["duplex"] += 1
            pages.append(blank5(pages[0].size, r, pages[0].mode))
            rec["page_kinds"] = [kind, "other"]
            rec["blank_pages"] = [2]
            fmt = ("tif", "pdf", "tif")[st["duplex"] - 1]
            desc += ", duplex: page 2 is the sheet's empty back (blank)"
    elif how == "photo":
        seq = ("steep", "fingers", "lowlight", "cast", "none")
        extra = seq[st["photos"] % len(seq)]
        table = ("gingham", "dots", "tiles", "stripes")[st["photos"] % 4]
        st["photos"] += 1
        pages, descs = [], []
        for dd in docs:
            img, desc1 = photo5([dd], r, card, S, extra, table)
            pages.append(img)
            descs.append(desc1)
        desc = "; ".join(descs)
        if len(docs) > 1:
            rec["page_kinds"] = page_kinds
        fmt = "jpg" if len(pages) == 1 else "pdf-photo"
        if len(pages) == 1 and st["photo_pdf"] < 2 and st["photos"] % 4 == 3:
            fmt = "pdf-photo"
        if fmt == "pdf-photo":
            st["photo_pdf"] += 1
            desc += ", the photo%s put into a PDF by a phone app (no cropping)" % ("s" if len(pages) > 1 else "")
    else:
        if card:
            dpi = 300
            fmt = ("png", "jpg")[st["cardclean"] % 2] if len(docs) == 1 else r.choice(["tif", "pdf"])
            st["cardclean"] += len(docs) == 1
        else:
            dpi = r.choice([150, 200])
            fmt = ("pdf-text", "png", "jpg", "pdf-text")[st["clean"] % 4] if len(docs) == 1 else r.choice(["pdf-text", "tif"])
            st["clean"] += len(docs) == 1
        pages = [render(d, dpi) for d in docs] if fmt != "pdf-text" else []
        desc = "clean digital %s" % ("(WeasyPrint vector PDF with a text layer)" if fmt == "pdf-text" else "%d dpi" % dpi)
        if len(docs) > 1:
            rec["page_kinds"] = page_kinds
    if rot:
        pages = [p.rotate(-rot, expand=True) for p in pages]
        desc += ", stored turned %d° clockwise (a landscape sheet fed sideways; no EXIF Orientation to undo it)" % rot
    return pages, dpi, desc, fmt, rot


def save5(pages, docs, path, fmt, how, dpi, r, rot, desc, st, rec):
    """heldout5: write the file. Photos carry EXIF (maker, model, time); in turn some are stored turned with EXIF
    Orientation 8, 6 or 3 and one in five turned 270°/90°/180° with Orientation 1. Returns (desc, EXIF orientation or None)."""
    orient = None
    if fmt == "jpg":
        q = r.randint(60, 80) if how == "photo" else r.randint(60, 85)
        img = pages[0]
        kw = dict(quality=q, optimize=True)
        if how != "photo":
            kw["dpi"] = (dpi, dpi)
        else:
            ex = Image.Exif()
            ex[0x010F], ex[0x0110] = r.choice([("HONOR", "ALI-AN00"), ("realme", "RMX3850"), ("Xiaomi", "24069RA21C"), ("Apple", "iPhone 15 Pro"), ("HUAWEI", "BRA-AL00")])
            ex[0x0132] = (dt.datetime(2026, 11, 30, 8, 0, 0) + dt.timedelta(minutes=r.randint(0, 600))).strftime("%Y:%m:%d %H:%M:%S")
            turn = ("exif", "none", "raw", "none", "exif")[st["photo_saves"] % 5]
            st["photo_saves"] += 1
            ex[0x0112] = 1
            if turn == "exif":
                orient = (8, 6, 3)[st["exif"] % 3]
                st["exif"] += 1
                ex[0x0112] = orient
                img = img.transpose(Image.Transpose.ROTATE_90 if orient == 6 else Image.Transpose.ROTATE_180 if orient == 3 else Image.Transpose.ROTATE_270)
                desc += ", EXIF Orientation %d (pixels stored turned; upright when EXIF is honoured)" % orient
            elif turn == "raw":
                rot = (270, 90, 180)[st["raw"] % 3]
                st["raw"] += 1
                img = img.rotate(-rot, expand=True)
                rec["rotated"] = rot
                desc += ", stored turned %d° clockwise with EXIF Orientation 1" % rot
            kw["exif"] = ex.tobytes()
        img.save(path, "JPEG", **kw)
        if orient:
            assert ImageOps.exif_transpose(Image.open(path)).size == pages[0].size
        desc += ", JPEG q%d" % q
    elif fmt == "png":
        img = pages[0]
        if how == "scan":   # a scanner's grey PNG in 16 levels
            img = img.convert("L").point(lambda v: v // 16 * 17)
            desc += ", PNG (grey, 16 levels)"
        else:
            desc += ", PNG"
        img.save(path, "PNG", optimize=True, dpi=(dpi, dpi))
    elif fmt == "pdf":
        q = r.randint(60, 82) if how == "scan" else 90
        image_pdf(pages, path, dpi, q)
        desc += ", image-only PDF (img2pdf, JPEG q%d)" % q
    elif fmt == "pdf-photo":
        q = r.randint(60, 75)
        image_pdf(pages, path, 150, q)
        desc += ", image-only PDF of %d photo page(s) (JPEG q%d, 150 px/inch nominal)" % (len(pages), q)
    elif fmt == "pdf-text":
        render_pdf(docs, path)
    else:
        comp = r.choice(["group4", "jpeg", "group4"]) if how == "scan" else "tiff_lzw"
        if comp == "group4":
            cut = r.choice([150, 165])
            pages = [p.convert("L").point(lambda v: 255 if v > cut else 0, "1") for p in pages]
        kw = dict(compression=comp, dpi=(dpi, dpi))
        if comp == "jpeg":
            kw["quality"] = r.randint(55, 70)
            pages = [p.convert("RGB") if p.mode not in ("RGB", "L") else p for p in pages]
        pages[0].save(path, "TIFF", save_all=True, append_images=pages[1:], **kw)
        desc += ", TIFF %s%s, %d page(s)" % (comp, " (binarised at %d)" % cut if comp == "group4" else "", len(pages))
    if rot and "rotated" not in rec:
        rec["rotated"] = rot
    return desc, orient


MISLEADING5 = {"expense-list": "发票", "residence-permit": "身份证", "drug-license": "医疗机构执业许可证", "approval-document": "营业执照"}


class Namer5(Namer):
    """heldout5's file names: OPPO/vivo/realme IMG20261130101522, QQ图片…, a 13-digit millisecond stamp, 美图秀秀's MTXX_…;
    Canon CCF_000123, Brother BRN…_000123, Xerox Scan_…, 夸克扫描王 …; Snipaste_…, 未命名-…, output_…, {GUID}."""
    def __init__(self, rng, split):
        super().__init__(rng, split)
        self.t = dt.datetime(2026, 11, 30, 8, 3, 41)
        self.mis = MISLEADING5
        self.mac = "".join(rng.choice("0123456789ABCDEF") for _ in range(12))
        self.ccf = rng.randint(100, 900)

    def __call__(self, kind, ext, how, misleading):
        r = self.rng
        self.t += dt.timedelta(seconds=r.randint(20, 4000))
        self.n += 1
        t = self.t
        up = False
        if misleading:
            base = self.mis[kind] + r.choice(["", "-1", "（正本）", " 2"])
        elif how == "photo":
            c = r.randrange(4)
            if c == 0:
                base = "IMG%s" % t.strftime("%Y%m%d%H%M%S")
            elif c == 1:
                base = "QQ图片%s" % t.strftime("%Y%m%d%H%M%S")
            elif c == 2:
                base = "%d" % (int(t.timestamp()) * 1000 + r.randrange(1000))
            else:
                base = "MTXX_%s" % t.strftime("%Y%m%d%H%M%S")
        elif how == "scan":
            c = r.randrange(4)
            if c == 0:
                base, up = "CCF_%06d" % (self.ccf + self.n), True
            elif c == 1:
                base = "BRN%s_%06d" % (self.mac, 100 + self.n)
            elif c == 2:
                base = "Xerox Scan_%s" % t.strftime("%m%d%Y%H%M%S")
            else:
                base = "夸克扫描王 %s" % t.strftime("%Y-%m-%d %H%M")
        else:
            c = r.randrange(4)
            if c == 0 and ext == "png":
                base = "Snipaste_%s" % t.strftime("%Y-%m-%d_%H-%M-%S")
            elif c <= 1:
                base = "未命名-%d" % self.n
            elif c == 2:
                base = "output_%d" % (self.n * 7 + r.randrange(7))
            else:
                h = "".join(r.choice("0123456789ABCDEF") for _ in range(32))
                base = "{%s-%s-%s-%s-%s}" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])
        name = base + "." + (ext.upper() if up else ext)
        while name in self.used:
            name = base + "(%d).%s" % (r.randint(1, 9), ext.upper() if up else ext)
        self.used.add(name)
        return name


# --------------------------------------------------------------------------------------------
# heldout6: a fifth one-shot measuring split. Fonts, palettes, layouts and captures none of the six older splits uses;
# everything sits behind Style.held6 / split == "heldout6" (functions *6, display-list ops only heldout6 documents
# contain), so the older splits draw the same random numbers as before and come out byte-identical.

CNS = "/usr/share/fonts/truetype/cns11643/"
FONT_FILES.update({   # heldout6 only (fonts-cns11643-sung, fonts-cns11643-kai, fonts-babelstone-han, fonts-unifont, fonts-seto,
    # fonts-ocr-a, fonts-ocr-b; P052 and URW Bookman Light of fonts-urw-base35)
    "twsung": (CNS + "TW-Sung-98_1.ttf", 0), "twkai": (CNS + "TW-Kai-98_1.ttf", 0),
    "babel": ("/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf", 0),
    "unifont": ("/usr/share/fonts/opentype/unifont/unifont.otf", 0),
    "seto": ("/usr/share/fonts/truetype/seto/setofont.ttf", 0),
    "ocr-a": ("/usr/share/fonts/truetype/ocr-a/OCRA.ttf", 0), "ocr-b": ("/usr/share/fonts/opentype/ocr-b/OCRB.otf", 0),
    "p052": ("/usr/share/fonts/opentype/urw-base35/P052-Roman.otf", 0),
    "bookman": ("/usr/share/fonts/opentype/urw-base35/URWBookman-Light.otf", 0),
})
LATIN_ONLY.update({"ocr-a": "twsung", "ocr-b": "twsung", "p052": "babel", "bookman": "twkai"})
PARTIAL.update({"twsung": [("babel", Uncovered("twsung"))], "twkai": [("twsung", Uncovered("twkai"))],
                "babel": [("twsung", Uncovered("babel"))], "unifont": [("twsung", Uncovered("unifont"))]})
CSS_FAMILY.update({"twsung": ("TW-Sung', 'BabelStone Han", 400), "twkai": ("TW-Kai', 'TW-Sung", 400),
                   "babel": ("BabelStone Han', 'TW-Sung", 400), "unifont": ("Unifont', 'TW-Sung", 400),
                   "ocr-a": ("OCRA', 'TW-Sung", 400), "ocr-b": ("OCR B', 'TW-Sung", 400),
                   "p052": ("P052', 'BabelStone Han", 400), "bookman": ("URW Bookman', 'TW-Kai", 300)})
DESIGNS["heldout6"] = [   # burnt-orange labels, deep-teal accent on ice blue; graphite labels, raspberry accent on ivory;
                          # moss labels, salmon accent on pale periwinkle. No 黑体 at all: bold is stroked (fake bold)
    dict(name="twsung", sans=("twsung", 0), sansb=("twsung", 1), serif=("twsung", 0), serifb=("twsung", 1),
         mono=("ocr-b", 0), pdf_font="twsung",
         ink=(24, 20, 18), label=(160, 72, 24), accent=(12, 100, 112), tint=(236, 245, 252), pattern=(188, 214, 236)),
    dict(name="twkai", sans=("twkai", 0), sansb=("babel", 1), serif=("babel", 0), serifb=("twkai", 1),
         mono=("p052", 0), pdf_font="twkai",
         ink=(20, 24, 38), label=(74, 74, 80), accent=(186, 28, 92), tint=(255, 250, 234), pattern=(236, 220, 178)),
    dict(name="babel", sans=("babel", 0), sansb=("babel", 1), serif=("twsung", 0), serifb=("twsung", 1),
         mono=("bookman", 0), pdf_font="babel",
         ink=(30, 30, 28), label=(70, 110, 38), accent=(226, 96, 112), tint=(240, 240, 252), pattern=(204, 204, 236)),
]
HAND_INK = [(28, 36, 110), (32, 32, 36), (20, 60, 150)]   # ballpoint blue-black, black, blue


def doc_rrect(doc, x0, y0, x1, y1, r, outline=None, fill=None, w=0.3):
    doc.ops.append(("rrect", x0, y0, x1, y1, r, outline, fill, w))


def doc_grad(doc, x0, y0, x1, y1, c0, c1, vertical=True, radius=0.0):
    doc.ops.append(("grad", x0, y0, x1, y1, tuple(c0), tuple(c1), vertical, radius))


def doc_hand(doc, x, y, s, size, colour, seed):
    """Handwriting: s written by pen, each character a little turned, off the line and of its own size (hanzi in TW-Kai,
    digits and Latin in SetoFont); y: top of the line. Only on paper (scanned or photographed) documents."""
    doc.ops.append(("hand", x, y, s, size, tuple(colour), seed))
    doc.paper_only = True


def hand_width(doc, s, size):
    return sum(measure(ch, size, ("seto" if ch.isascii() else "twkai", 0)) * (0.62 if ch == " " else 1.0) for ch in s)


def doc_fprint(doc, cx, cy, w, h, seed, colour=(196, 30, 42)):
    """A red fingerprint (手印) in 印泥 over a signature."""
    doc.ops.append(("fprint", cx, cy, w, h, seed, tuple(colour)))
    doc.paper_only = True


def doc_emboss(doc, cx, cy, dm, name):
    """A colourless steel seal (钢印) pressed into the paper: only relief, no ink."""
    doc.ops.append(("emboss", cx, cy, dm, name))
    doc.paper_only = True


def render6_op(img, d, op, k, dpi):
    """Draw one of heldout6's own display-list ops; returns the (possibly new) image."""
    t = op[0]
    if t == "rrect":
        _, x0, y0, x1, y1, rad, outline, fill, w = op
        d.rounded_rectangle([x0 * k, y0 * k, x1 * k, y1 * k], radius=max(1, int(rad * k)), outline=outline, fill=fill,
                            width=max(1, int(round(w * k))))
        return img
    if t == "grad":
        _, x0, y0, x1, y1, c0, c1, vert, rad = op
        X0, Y0, X1, Y1 = int(round(x0 * k)), int(round(y0 * k)), int(round(x1 * k)), int(round(y1 * k))
        n = (Y1 - Y0) if vert else (X1 - X0)
        if n > 1 and X1 > X0 and Y1 > Y0:
            tt = np.linspace(0, 1, n)[:, None]
            row = (np.array(c0, np.float32)[None, :] * (1 - tt) + np.array(c1, np.float32)[None, :] * tt).round().astype("uint8")
            strip = Image.fromarray(row[:, None, :] if vert else row[None, :, :])
            m = None
            if rad:
                m = Image.new("L", (X1 - X0, Y1 - Y0), 0)
                ImageDraw.Draw(m).rounded_rectangle([0, 0, X1 - X0 - 1, Y1 - Y0 - 1], int(rad * k), fill=255)
            img.paste(strip.resize((X1 - X0, Y1 - Y0), Image.BILINEAR), (X0, Y0), m)
        return img
    if t == "hand":
        _, x, y, s, size, colour, seed = op
        hr = random.Random(seed)
        px = max(6, int(round(size * dpi / 72.0)))
        cx, base = x * k, y * k
        drift = hr.uniform(-0.04, 0.04)
        for i, ch in enumerate(s):
            if ch == " ":
                cx += measure(ch, size, ("seto", 0)) * k * 0.62
                continue
            key = "seto" if ch.isascii() else "twkai"
            sc = hr.uniform(0.9, 1.08)
            f = pil_font(key, max(5, int(px * sc)))
            w = f.getlength(ch)
            pad = int(px * 0.45) + 2
            m = Image.new("L", (int(w) + 2 * pad, int(px * 1.3) + 2 * pad), 0)
            ImageDraw.Draw(m).text((pad, pad), ch, font=f, fill=255, stroke_width=max(0, px // 36), stroke_fill=255)
            m = m.transform(m.size, Image.AFFINE, (1, hr.uniform(0.05, 0.16), -m.size[1] * 0.08, 0, 1, 0), Image.BICUBIC)   # slant
            m = m.rotate(hr.uniform(-6, 6), Image.BICUBIC).filter(ImageFilter.GaussianBlur(max(0.4, px / 90)))
            m = m.point(lambda v: min(255, int(v * 1.35)))
            yo = base + px * (hr.uniform(-0.07, 0.07) + drift * i) - pad + px * (1 - sc) * 0.6
            img.paste(colour, (int(cx - pad), int(yo)), m)
            cx += w * hr.uniform(0.95, 1.08) + px * hr.uniform(0.0, 0.06)
        return img
    if t == "fprint":
        _, cx, cy, w, h, seed, colour = op
        W, H = max(8, int(w * k)), max(8, int(h * k))
        g = np.random.default_rng(seed)
        yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
        u, v = (xx - W / 2) / (W / 2), (yy - H * 0.55) / (H / 2)
        r = np.sqrt(u ** 2 + (v * 0.92) ** 2)
        ang = np.arctan2(v, u)
        ridges = np.sin(2 * np.pi * (r * 11 + 0.35 * np.sin(ang * 2 + g.uniform(0, 6)) + 0.15 * u))
        inside = np.clip((1.0 - np.sqrt(u ** 2 + ((yy - H / 2) / (H / 2)) ** 2)) * 6, 0, 1)
        ink = (ridges > -0.15).astype(np.float32) * inside
        blot = np.asarray(Image.fromarray((g.random((max(2, H // 6), max(2, W // 6))) * 255).astype("uint8")).resize((W, H), Image.BICUBIC)).astype(np.float32) / 255
        ink *= np.clip(0.45 + blot * 0.8, 0, 1)
        m = Image.fromarray((ink * 230).astype("uint8")).filter(ImageFilter.GaussianBlur(max(0.5, k * 0.06)))
        full = Image.new("L", img.size, 0)
        full.paste(m, (int(cx * k - W / 2), int(cy * k - H / 2)))
        return fx.darken(img, full, colour, 0.8)
    if t == "emboss":
        _, cx, cy, dm, name = op
        S_ = max(16, int(dm * k))
        m = np.asarray(fx.draw_seal(S_, name).filter(ImageFilter.GaussianBlur(max(0.6, k * 0.08)))).astype(np.float32) / 255
        sh = max(1, int(k * 0.15))
        relief = m - np.roll(np.roll(m, sh, 0), sh, 1)
        x0, y0 = int(cx * k - S_ / 2), int(cy * k - S_ / 2)
        a = np.asarray(img).astype(np.float32)
        ys, xs = slice(max(0, y0), min(a.shape[0], y0 + S_)), slice(max(0, x0), min(a.shape[1], x0 + S_))
        rel = relief[ys.start - y0:ys.stop - y0, xs.start - x0:xs.stop - x0]
        a[ys, xs] = a[ys, xs] * (1 - 0.16 * np.clip(rel, 0, 1)[..., None]) + 60 * np.clip(-rel, 0, 1)[..., None]
        return Image.fromarray(a.clip(0, 255).astype("uint8"))
    raise ValueError(t)


HELD6_OPS = ("rrect", "grad", "hand", "fprint", "emboss")


def pdf6_op(op, svg, body):
    """heldout6's ops in a WeasyPrint PDF (hand, fprint and emboss are on paper-only documents, never printed this way)."""
    t = op[0]
    if t == "rrect":
        _, x0, y0, x1, y1, rad, outline, fill, w = op
        svg.append('<rect x="%.2f" y="%.2f" width="%.2f" height="%.2f" rx="%.2f" fill="%s" stroke="%s" stroke-width="%.2f"/>' % (
            x0, y0, x1 - x0, y1 - y0, rad, "rgb%s" % str(tuple(fill)) if fill else "none", "rgb%s" % str(tuple(outline)) if outline else "none", w))
    elif t == "grad":
        _, x0, y0, x1, y1, c0, c1, vert, rad = op
        gid = "g%d" % len(svg)
        svg.append('<defs><linearGradient id="%s" x1="0" y1="0" x2="%d" y2="%d"><stop offset="0" stop-color="rgb%s"/><stop offset="1" stop-color="rgb%s"/>'
                   '</linearGradient></defs><rect x="%.2f" y="%.2f" width="%.2f" height="%.2f" rx="%.2f" fill="url(#%s)"/>' % (
                       gid, 0 if vert else 1, 1 if vert else 0, str(c0), str(c1), x0, y0, x1 - x0, y1 - y0, rad, gid))
    else:
        raise ValueError("%s is drawn on paper-only documents" % t)


def kc6(S):
    """heldout6: cards change their type by half of S.k (1.21–1.25 is for pages)."""
    return (1 + S.k) / 2


def add_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    y, m = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return dt.date(y, m, day)
        except ValueError:
            continue


def cn_date0(d):
    """2008年03月05日: zero-padded, as a system prints it."""
    return d.strftime("%Y年%m月%d日")


CN_DIGITS = "〇一二三四五六七八九"


def cn_num_date(d):
    """二〇一九年三月五日, as a 公文 dates itself."""
    def n(v):
        if v < 10:
            return CN_DIGITS[v]
        return ("" if v < 20 else CN_DIGITS[v // 10]) + "十" + (CN_DIGITS[v % 10] if v % 10 else "")
    return "".join(CN_DIGITS[int(ch)] for ch in str(d.year)) + "年" + n(d.month) + "月" + n(d.day) + "日"


def lab6(doc, S, x, y, lab, size, font="sans", room=None):
    """heldout6's label: white on a rounded pill in the label colour (S.lab == "pill"), or in the label colour followed by
    a thin upright rule (S.lab == "bar"). Returns the width it takes."""
    f = S.f(font)
    sz = size
    pad = 2.2 if S.lab == "pill" else 1.0
    while room and doc.width(lab, sz, f) + pad > room and sz > 4.0:
        sz -= 0.25
    w = doc.width(lab, sz, f)
    em = sz * 25.4 / 72
    top, bot = vext(f[0])
    if S.lab == "pill":
        doc_rrect(doc, x, y + top * em - 0.55, x + w + 2.2, y + bot * em + 0.55, min(1.5, em * 0.42), fill=S.c("label"))
        doc.text(x + 1.1, y, lab, sz, f, (255, 255, 255))
        return w + 2.2
    doc.text(x, y, lab, sz, f, S.c("label"))
    doc.line(x + w + 1.0, y + top * em - 0.3, x + w + 1.0, y + bot * em + 0.3, 0.28, S.c("label"))
    return w + 1.0


def kv6(doc, S, x, y, items, size, lw, gap=1.9, font="sans", vfont="sans", vcol=None, wrap=None, lsize=0.84):
    """heldout6: label (pill or bar, a little smaller than the value and centred on its line), the value at x + lw;
    values longer than wrap (mm) run on over more lines. Returns the next y."""
    em = size * 25.4 / 72
    for lab, val in items:
        ls = size * lsize
        lab6(doc, S, x, y + (size - ls) * 25.4 / 72 * 0.45, lab, ls, font, lw - 1.6)
        vf = S.f(vfont)
        if wrap and doc.width(val, size, vf) > wrap:
            y = doc.para(x + lw, y, wrap, val, size, vf, vcol or S.c("ink"), lh=1.42, indent=0) + em * (gap - 1.42)
        else:
            doc.text(x + lw, y, val, size, vf, vcol or S.c("ink"))
            y += em * gap
    return y


def grid6(doc, S, x, y, colw, rows, size, rowh, font="sans", colour=None, style="open", value=None, fill_labels=None, lcol=None):
    """heldout6's table. style "open": horizontal rules only, heavier at the top and bottom (no upright rules);
    "full": every cell ruled, in colour (a pre-printed form). Labels in the label colour, centred; values in ink, or
    drawn by value(x0, y, x1, rowh, text) (handwriting). Returns the bottom y."""
    col = colour or S.c("label")
    xs = [x]
    for w in colw:
        xs.append(xs[-1] + w)
    f = S.f(font)
    y0 = y
    for ri, r in enumerate(rows):
        ci = 0
        for text, span, lab in r:
            x0, x1 = xs[ci], xs[min(len(xs) - 1, ci + span)]
            if lab and fill_labels:
                doc.rect(x0, y, x1, y + rowh, fill=fill_labels)
            if style == "full":
                doc.rect(x0, y, x1, y + rowh, outline=col, w=0.25)
            room = x1 - x0 - 2.0
            if text and lab:
                sz = size
                while doc.width(text, sz, f) > room and sz > 4.0:
                    sz -= 0.25
                doc.text((x0 + x1) / 2, y + (rowh - sz * 25.4 / 72) / 2 - 0.3, text, sz, f, lcol or S.c("label"), "m")
            elif text and value:
                value(x0, y, x1, rowh, text)
            elif text:
                sz = size
                while doc.width(text, sz, f) > room and sz > 4.0:
                    sz -= 0.25
                doc.text(x0 + 1.2, y + (rowh - sz * 25.4 / 72) / 2 - 0.3, text, sz, f, S.c("ink"))
            ci += span
        if style == "open":
            doc.line(xs[0], y, xs[-1], y, 0.6 if ri == 0 else 0.18, col)
        y += rowh
    if style == "open":
        doc.line(xs[0], y, xs[-1], y, 0.6, col)
    elif style == "full":
        doc.rect(xs[0], y0, xs[-1], y, outline=col, w=0.6)
    return y


def micro6(doc, colour, text="JUMIN SHENFENZHENG ", step=1.45, size=1.7, x0=0.0, y0=0.0, x1=None, y1=None):
    """Rows of microtext (a security print), each row shifted."""
    x1, y1 = x1 or doc.w, y1 or doc.h
    n = int((x1 - x0) / max(0.5, doc.width(text, size, ("twsung", 0)))) + 2
    y, i = y0 + 0.3, 0
    while y < y1 - 0.8:
        doc.text(x0 - (i * 2.3) % 6.0, y, text * n, size, ("twsung", 0), colour)
        y += step
        i += 1


def pale(c, a):
    return tuple(int(v + (255 - v) * a) for v in c)


def pale_emblem(size, a):
    """The emblem faded to a watermark (a: how far towards white)."""
    e = emblem(size)
    alpha = e.getchannel("A").point(lambda v: int(v * (1 - a)))
    e.putalpha(alpha)
    return e


def barcode6(doc, x, y, w, h, seed, colour=(0, 0, 0)):
    """A barcode-looking block of bars (seeded)."""
    r = random.Random(seed)
    bars, t = [], 0.0
    while t < w:
        bw = r.choice([0.25, 0.25, 0.5, 0.75])
        bars.append((t, bw))
        t += bw + r.choice([0.25, 0.25, 0.5, 0.75])
    k = w / t
    for bx, bw in bars:
        doc.rect(x + bx * k, y, x + (bx + bw) * k, y + h, fill=colour)


def logo6(doc, x, y, d, colour, ch=None, font=("twsung", 1)):
    """A hospital's or a company's round mark: a ring with a cross, or with a character."""
    doc.ellipse(x, y, x + d, y + d, outline=colour, w=d * 0.07)
    if ch:
        doc.text(x + d / 2, y + d * 0.2, ch, d * 1.7, font, colour, "m")
    else:
        a = d * 0.16
        doc.rect(x + d / 2 - a / 2, y + d * 0.22, x + d / 2 + a / 2, y + d * 0.78, fill=colour)
        doc.rect(x + d * 0.22, y + d / 2 - a / 2, x + d * 0.78, y + d / 2 + a / 2, fill=colour)


def sqseal6(doc, x, y, s, name, colour=(200, 34, 40)):
    """A small square name seal (私章): the name in two columns inside a square, read right to left."""
    doc.rect(x, y, x + s, y + s, outline=colour, w=s * 0.07)
    chars = list(name) + (["印"] if len(name) == 3 else ["之", "印"] if len(name) == 2 else [])
    cols = [chars[:2], chars[2:4]]
    for ci, colc in enumerate(cols):
        for ri, ch in enumerate(colc):
            doc.text(x + s * (0.73 - ci * 0.46), y + s * (0.08 + ri * 0.45), ch, s * 1.15, ("twkai", 1), colour, "m")


def hand_lines(doc, text, size, width, first=0.0):
    """Break text into lines that a hand of this size fills to width (first: what the first line has used already)."""
    out, cur, used = [], "", first
    for ch in text:
        cw = hand_width(doc, ch, size)
        if used + cw > width and cur:
            out.append(cur)
            cur, used = "", 0.0
        cur += ch
        used += cw
    if cur:
        out.append(cur)
    return out


def ornament6(doc, x0, y0, x1, y1, colour, motif="diamond", step=4.0):
    """A border of small repeated motifs between two frames (a certificate's ornamental frame)."""
    pts = []
    n = int((x1 - x0) / step)
    for i in range(n + 1):
        xx = x0 + (x1 - x0) * i / n
        pts += [(xx, y0), (xx, y1)]
    n = int((y1 - y0) / step)
    for i in range(1, n):
        yy = y0 + (y1 - y0) * i / n
        pts += [(x0, yy), (x1, yy)]
    a = step * 0.32
    for (px, py) in pts:
        if motif == "diamond":
            doc.poly([(px - a, py), (px, py - a), (px + a, py), (px, py + a), (px - a, py)], 0.25, colour)
        else:
            doc.ellipse(px - a, py - a, px + a, py + a, outline=colour, w=0.25)


# ---- cards

MONO6 = {"ocr-b": "OCR-B", "p052": "P052", "bookman": "URW Bookman Light"}


def id_ground6(doc, S, rng, temp):
    top, bot = ((222, 238, 240), (248, 236, 226)) if not temp else ((246, 246, 238), (232, 240, 248))
    doc_grad(doc, 0, 0, CARD_W, CARD_H, top, bot)
    micro6(doc, (206, 222, 226) if not temp else (222, 226, 232))
    if temp:   # a pale 临时 pattern over the ground
        for i, yy in enumerate(np.arange(3.0, CARD_H - 3, 6.5)):
            doc.text(2.0 + (i % 2) * 6.0, yy, "临时　　" * 8, 4.2, S.f("sans"), (238, 212, 212))


def k_id_front6(rng, S, c):
    """heldout6: a gradient ground with rows of microtext; 临时居民身份证 (c["temp_id"]) with a pale 临时 pattern. Labels in
    the label colour, the number in the design's digit face (OCR-B, P052 or URW Bookman)."""
    p = c["person"]
    temp = c.get("temp_id")
    k = kc6(S)
    doc = Doc(CARD_W, CARD_H, S=S, card=True)
    id_ground6(doc, S, rng, temp)
    lab, ink, f = S.c("label"), S.c("ink"), S.f("sans")
    x0, y0 = 4.8 + S.dx * 0.25, 5.6 + S.dy * 0.25
    ls = 6.3
    doc.text(x0, y0 + 0.5, "姓　名", ls, f, lab)
    doc.text(x0 + 11.5, y0 - 0.3, p["name"], 10.5 * k, S.f("sansb"), ink, spacing=0.6)
    doc.text(x0, y0 + 7.2, "性　别", ls, f, lab)
    doc.text(x0 + 11.5, y0 + 7.0, p["sex"], 7.6 * k, f, ink)
    doc.text(x0 + 19.5, y0 + 7.2, "民　族", ls, f, lab)
    doc.text(x0 + 30, y0 + 7.0, p["nation"], 7.6 * k, f, ink)
    b = p["birth"]
    doc.text(x0, y0 + 13.9, "出　生", ls, f, lab)
    doc.text(x0 + 11.5, y0 + 13.7, "%d 年 %d 月 %d 日" % (b.year, b.month, b.day), 7.6 * k, f, ink)
    doc.text(x0, y0 + 20.6, "住　址", ls, f, lab)
    addr, line, yy = p["address"], "", y0 + 20.4
    for ch in addr:
        if doc.width(line + ch, 7.6 * k, f) > 37.5:
            doc.text(x0 + 11.5, yy, line, 7.6 * k, f, ink)
            yy += 4.3
            line = ""
        line += ch
    doc.text(x0 + 11.5, yy, line, 7.6 * k, f, ink)
    doc.text(x0, 44.4, "公民身份号码", ls, f, lab)
    nsz, nsp = 10.2 * k, 0.45
    while doc.width(p["id_number"], nsz, S.f("mono"), nsp) > CARD_W - (x0 + 21.5) - 3.0:
        nsp, nsz = (nsp - 0.05, nsz) if nsp > 0.1 else (nsp, nsz - 0.2)
    doc.text(x0 + 21.5, 43.4 + (10.2 * k - nsz) * 0.2, p["id_number"], nsz, S.f("mono"), ink, spacing=nsp)
    doc.image(58.5, 7.0, 23, 29, portrait(rng, p["female"], (232, 238, 242) if not temp else (226, 236, 248)))
    what = "临时居民身份证" if temp else "居民身份证"
    return [doc], {"name": p["name"], "id_number": p["id_number"]}, \
        "%s 人像面 (heldout6: gradient ground with microtext rows%s, number in %s), design %s" % (
            what, ", a pale 临时 pattern" if temp else "", MONO6[S.f("mono")[0]], S.name), {}


def k_id_back6(rng, S, c):
    """heldout6: gradient and microtext, the emblem with 中华人民共和国 over 居民身份证 (or 临时居民身份证, valid three
    months), a row of small diamonds under the title."""
    p = c["person"]
    temp = c.get("temp_id")
    k = kc6(S)
    doc = Doc(CARD_W, CARD_H, S=S, card=True)
    id_ground6(doc, S, rng, temp)
    frm, until = c["id_valid"]
    if temp:   # a temporary card is valid three months; expired when the case's validity is
        exp = until != "长期" and until < TODAY
        frm = rand_date(rng, dt.date(2025, 3, 1), dt.date(2026, 7, 31)) if exp else rand_date(rng, dt.date(2026, 9, 2), dt.date(2026, 11, 25))
        until = add_months(frm, 3)
    doc.image(5.0, 5.0, 16, 16, emblem())
    big = S.f("serifb")
    doc.text(25.5, 6.0, "中华人民共和国", 11 * k, big, S.c("ink"), spacing=1.3)
    title = "临时居民身份证" if temp else "居民身份证"
    doc.text(25.0 if not temp else 23.5, 14.5, title, (18 if not temp else 15.5) * k, big, S.c("ink"), spacing=1.6 if not temp else 0.9)
    for i in range(14):
        cx = 27 + i * 3.6
        doc.poly([(cx - 0.8, 25.5), (cx, 24.7), (cx + 0.8, 25.5), (cx, 26.3), (cx - 0.8, 25.5)], 0.2, S.c("pattern"))
    lab = S.c("label")
    doc.text(12.5, 37.0, "签发机关", 6.3, S.f("sans"), lab)
    doc.text(27.5, 36.4, p["authority"], 7.8 * k, S.f("sans"), S.c("ink"))
    doc.text(12.5, 44.0, "有效期限", 6.3, S.f("sans"), lab)
    doc.text(27.5, 43.4, "%s-%s" % (dotted(frm), dotted(until)), 7.8 * k, S.f("sans"), S.c("ink"))
    exp = until != "长期" and until < TODAY
    return [doc], {"valid_from": iso(frm), "valid_until": iso(until)}, \
        "%s 国徽面 (heldout6: gradient and microtext, diamonds under the title%s), design %s%s" % (
            title, ", valid three months" if temp else "", S.name, ", EXPIRED" if exp else ""), {"expired": exp}


def status_bar6(doc, S, dark=False, clock="9:41"):
    fg = (255, 255, 255) if dark else (20, 20, 20)
    ui = ("noto-sans-m", 0)
    doc.text(5, 1.3, clock, 4.6, ui, fg)
    x = doc.w - 5
    doc_rrect(doc, x - 6.0, 1.6, x - 0.6, 4.0, 0.6, outline=fg, w=0.22)
    doc.rect(x - 5.6, 2.0, x - 2.2, 3.6, fill=fg)
    doc.rect(x - 0.5, 2.3, x - 0.1, 3.3, fill=fg)
    for i in range(4):
        doc.rect(x - 12.5 + i * 1.1, 3.9 - (i + 1) * 0.55, x - 11.9 + i * 1.1, 3.9, fill=fg)
    doc.text(x - 17.5, 1.35, "5G", 4.0, ui, fg)


def app_header6(doc, S, title, fg=(20, 20, 20), bg=None):
    ui = ("noto-sans-m", 0)
    if bg:
        doc.rect(0, 0, doc.w, 13, fill=bg)
    doc.text(4.5, 6.3, "＜", 6.0, ui, fg)
    doc.text(doc.w / 2, 6.5, title, 6.2, ui, fg, "m")
    doc.text(doc.w - 4.5, 6.0, "···", 6.0, ui, fg, "r")


def k_ssc_app6(rng, S, c):
    """heldout6: a phone screenshot of the 电子社保卡 (as an app shows it): status bar, app bar, a rounded blue card with
    the name, the full 社会保障号码 and 卡号 (the eye opened), a QR to show at the window, and the platform's name."""
    p = c["person"]
    doc = Doc(72, 156, bg=(243, 244, 247), S=S)
    doc.app = True
    status_bar6(doc, S, clock="%d:%02d" % (rng.randint(8, 17), rng.randint(0, 59)))
    app_header6(doc, S, "电子社保卡")
    doc_grad(doc, 5, 16, 67, 58, (24, 96, 188), (70, 150, 226), radius=3.0)
    white = (255, 255, 255)
    doc.image(56, 19, 8, 8, emblem())
    doc.text(9, 19.2, "中华人民共和国社会保障卡", 4.6, S.f("sans"), (220, 232, 250))
    doc.text(9, 23.0, "电子社保卡", 8.5, S.f("sansb"), white, spacing=0.6)
    y = 32.0
    for lab, val in (("姓名", p["name"]), ("社会保障号码", p["id_number"]), ("社会保障卡号", c["ssc_no"]),
                     ("签发地", PLACES[p["area"]][0].replace("山东省", "山东省 ")[:12])):
        doc.text(9, y, lab, 4.2, S.f("sans"), (210, 226, 248))
        doc.text(27, y - 0.5, val, 5.6 if lab != "社会保障号码" else 5.3, S.f("mono") if lab.startswith("社会保障") else S.f("sans"), white,
                 spacing=0.15 if lab.startswith("社会保障") else 0)
        y += 6.0
    doc.ellipse(61.0, 37.6, 64.4, 40.0, outline=white, w=0.3)   # the eye, open
    doc.ellipse(62.2, 38.3, 63.2, 39.3, fill=white)
    doc_rrect(doc, 5, 62, 67, 122, 3.0, fill=(255, 255, 255))
    doc.text(36, 65, "请向服务人员出示此二维码", 5.0, S.f("sans"), (60, 60, 60), "m")
    doc.image(18, 71, 36, 36, qr_block(rng, 29))
    doc.text(36, 110, "二维码每分钟自动更新 · 刷新", 4.2, S.f("sans"), (120, 120, 120), "m")
    doc.text(36, 115.5, "有效期至：%s" % (TODAY + dt.timedelta(days=rng.randint(1, 20))).strftime("%Y-%m-%d"), 4.2, S.f("sans"), (120, 120, 120), "m")
    for i, t in enumerate(("亮码", "扫码", "缴费", "查询")):
        cx = 14 + i * 14.7
        doc.ellipse(cx - 3.5, 126, cx + 3.5, 133, fill=(226, 236, 250))
        doc.text(cx, 134.5, t, 4.4, S.f("sans"), (50, 50, 50), "m")
    doc.text(36, 146, "国家社会保险公共服务平台", 4.2, S.f("sans"), (140, 140, 140), "m")
    doc.text(36, 150, "人力资源和社会保障部", 4.0, S.f("sans"), (160, 160, 160), "m")
    return [doc], {"name": p["name"], "id_number": p["id_number"], "card_number": c["ssc_no"]}, \
        "电子社保卡 (heldout6: a phone screenshot of the app's card, numbers shown in full, QR), design %s" % S.name, {}


def k_ssc6(rng, S, c):
    """heldout6: a bank co-branded 社会保障卡 (a light gradient, the 社保 mark and 社会保障卡 over a line naming the
    co-issuing bank, the bank's round mark and 金融IC at the bottom right); or the 电子社保卡 screenshot (c["ssc_app"])."""
    if c.get("ssc_app"):
        return k_ssc_app6(rng, S, c)
    p = c["person"]
    bank = c.get("bank") or rng.choice(BANKS)
    k = kc6(S)
    doc = Doc(CARD_W, CARD_H, S=S, card=True)
    doc_grad(doc, 0, 0, CARD_W, CARD_H, (232, 242, 252), (252, 252, 250), vertical=False)
    micro6(doc, (220, 232, 244), "SHEHUI BAOZHANG KA ", 1.7, 1.6)
    blue = (20, 84, 166)
    doc.ellipse(4.0, 2.8, 11.5, 10.3, outline=blue, w=0.7)
    doc.text(7.75, 4.6, "社保", 4.0, S.f("sansb"), blue, "m")
    doc.text(13.5, 2.4, "社会保障卡", 13 * k, S.f("sansb"), blue, spacing=1.2)
    doc.text(13.8, 10.2, "山东省人力资源和社会保障厅 · %s 联合发行" % bank[0], 4.3, S.f("sans"), (80, 90, 110))
    chip(doc, 7, 16.5)
    lab, ink = S.c("label"), S.c("ink")
    doc.text(22, 17.0, "姓名", 5.2, S.f("sans"), lab)
    doc.text(30, 16.4, p["name"], 8.2 * k, S.f("sansb"), ink)
    doc.text(22, 22.6, "发卡日期", 5.2, S.f("sans"), lab)
    doc.text(32, 22.2, c["ssc_date"], 6.6 * k, S.f("sans"), ink)
    doc.text(7, 30.0, "社会保障号码", 5.2, S.f("sans"), lab)
    doc.text(7, 33.3, p["id_number"], 8.2 * k, S.f("mono"), ink, spacing=0.3)
    doc.text(7, 39.6, "社会保障卡号", 5.2, S.f("sans"), lab)
    doc.text(7, 42.9, c["ssc_no"], 8.2 * k, S.f("mono"), ink, spacing=0.3)
    doc.image(61, 13, 19, 24, portrait(rng, p["female"], (246, 248, 252)))
    bc = (176, 28, 34) if "农" not in bank[0] else (16, 110, 84)
    doc.ellipse(58, 42, 64, 48, outline=bc, w=0.7)
    doc.text(61, 43.4, bank[0][2] if bank[0].startswith("中国") else bank[0][0], 5.2, S.f("sansb"), bc, "m")
    doc.text(65, 42.6, bank[0], 5.0, S.f("sansb"), bc)
    doc.text(65, 46.4, "金融IC · 银联", 3.8, S.f("sans"), (90, 90, 90))
    return [doc], {"name": p["name"], "id_number": p["id_number"], "card_number": c["ssc_no"]}, \
        "社会保障卡 (heldout6: co-branded with %s, light gradient, 社保 mark, issuing line), design %s" % (bank[0], S.name), {}


def k_bank6(rng, S, c):
    """heldout6: gradient cards (teal to navy, pearl to pink with dark print, emerald to jade, graphite with gold); the
    number embossed in OCR-A (highlight, shadow, a silver or gold face), 19 digits grouped 6-6-7, 16 digits 4-4-4-4;
    a hologram patch by the UnionPay mark."""
    bank, number = c["bank"], c["bank_no"]
    name, c0, c1 = rng.choice([("teal to navy", (12, 92, 104), (18, 40, 96)), ("pearl to pink", (250, 244, 246), (234, 196, 212)),
                               ("emerald to jade", (14, 100, 64), (76, 164, 120)), ("graphite", (44, 44, 50), (96, 96, 106))])
    doc = Doc(CARD_W, CARD_H, S=S, card=True)
    doc_grad(doc, 0, 0, CARD_W, CARD_H, c0, c1, vertical=False)
    light = sum(c0) > 600
    for i in range(7):
        doc.ellipse(-30 + i * 4, 30 - i * 2, 60 + i * 6, 110, outline=tuple(min(255, v + 18) for v in c1), w=0.2)
    fg = (52, 40, 70) if light else (255, 255, 255)
    doc.ellipse(4, 4, 11, 11, outline=fg, w=0.8)
    doc.text(7.5, 5.6, bank[1][0], 6, S.f("sansb"), fg, "m")
    doc.text(13, 4, bank[0], 10 * kc6(S), S.f("sansb"), fg)
    doc.text(13, 9.4, bank[1], 4.3, S.f("sans"), fg)
    chip(doc, 8, 17.5)
    groups = (number[:6] + " " + number[6:12] + " " + number[12:]) if len(number) == 19 else " ".join(number[i:i + 4] for i in range(0, 16, 4))
    size = 10.6 if len(number) == 19 else 12.0
    face = (76, 62, 92) if light else (222, 190, 108) if name == "graphite" else (224, 226, 232)
    hi = (255, 255, 255) if light else tuple(min(255, v + 90) for v in c0)
    lo = tuple(max(0, v - 70) for v in c1)
    f = ("ocr-a", 0)
    doc.text(6.8 - 0.15, 31.5 - 0.15, groups, size, f, hi, spacing=0.25)
    doc.text(6.8 + 0.22, 31.5 + 0.22, groups, size, f, lo, spacing=0.25)
    doc.text(6.8, 31.5, groups, size, f, face, spacing=0.25)
    mm, yy = rng.randint(1, 12), rng.randint(28, 36)
    doc.text(30, 40.8, "VALID", 3.0, f, fg)
    doc.text(30, 42.2, "THRU", 3.0, f, fg)
    doc.text(37.0 - 0.12, 40.6 - 0.12, "%02d/%02d" % (mm, yy), 7.2, f, hi)
    doc.text(37.0 + 0.18, 40.6 + 0.18, "%02d/%02d" % (mm, yy), 7.2, f, lo)
    doc.text(37.0, 40.6, "%02d/%02d" % (mm, yy), 7.2, f, face)
    doc.text(7, 47.5, rng.choice(["借记卡", "储蓄卡", "IC借记卡"]), 5.6, S.f("sans"), fg)
    doc_grad(doc, CARD_W - 33, CARD_H - 13, CARD_W - 23, CARD_H - 5, (200, 170, 230), (170, 230, 210), vertical=False)
    doc.rect(CARD_W - 33, CARD_H - 13, CARD_W - 23, CARD_H - 5, outline=(220, 220, 225), w=0.15)
    x0, y0 = CARD_W - 20, CARD_H - 14
    for i, col in enumerate([(220, 30, 40), (20, 60, 140), (0, 130, 120)]):
        doc.poly([(x0 + i * 5, y0 + 10), (x0 + i * 5 + 2, y0), (x0 + i * 5 + 7, y0), (x0 + i * 5 + 5, y0 + 10), (x0 + i * 5, y0 + 10)], 1.6, col)
    doc.text(x0 + 8.5, y0 + 2.2, "银联", 5.5, S.f("sansb"), (255, 255, 255), "m")
    doc.text(x0 + 8.5, y0 + 6, "UnionPay", 4, S.f("sansb"), (255, 255, 255), "m")
    return [doc], {"card_number": number}, "银联借记卡 %s (heldout6: %s gradient, OCR-A digits embossed, grouped %s, hologram patch), design %s" % (
        bank[0], name, "6-6-7" if len(number) == 19 else "4-4-4-4", S.name), {"bank": bank[0]}


def k_residence_permit6(rng, S, c):
    """heldout6: 山东省居住证 with an English line under its title, labels as pills or bars, a QR at the bottom right."""
    p = c["person"]
    frm, until = c["rp_valid"]
    k = kc6(S)
    doc = Doc(CARD_W, CARD_H, S=S, card=True)
    doc_grad(doc, 0, 0, CARD_W, CARD_H, (252, 246, 234), (236, 244, 252))
    micro6(doc, (236, 230, 222), "JUZHUZHENG SHANDONG ", 1.6, 1.6)
    doc.text(4.5, 2.6, "山东省居住证", 11 * k, S.f("serifb"), S.c("accent"), spacing=1.0)
    doc.text(4.6, 8.6, "SHANDONG PROVINCE RESIDENCE PERMIT", 3.6, S.f("sans"), S.c("label"))
    items = [("姓名", p["name"]), ("性别", p["sex"] + "　民族 " + p["nation"]), ("出生", cn_date(p["birth"])), ("居住地址", c["rp_address"]),
             ("公民身份号码", p["id_number"]), ("签发机关", c["rp_authority"]), ("有效期限", "%s-%s" % (dotted(frm), dotted(until)))]
    y = 12.6
    for lab, val in items:
        lab6(doc, S, 4.2, y + 0.3, lab, 4.4, "sans", 14)
        vf = S.f("mono") if lab == "公民身份号码" else S.f("sans")
        sz = 6.2 * k if lab != "公民身份号码" else 6.6 * k
        room = 60 - 19.5 if y < 36 else 62 - 19.5
        while doc.width(val, sz, vf) > room:
            cut = len(val)
            while doc.width(val[:cut], sz, vf) > room:
                cut -= 1
            doc.text(19.5, y, val[:cut], sz, vf, S.c("ink"))
            val = val[cut:]
            y += 3.1
        doc.text(19.5, y, val, sz, vf, S.c("ink"), spacing=0.25 if lab == "公民身份号码" else 0)
        y += 5.0
    doc.image(63.5, 11.5, 17.5, 22.5, portrait(rng, p["female"], (240, 244, 250)))
    doc.image(70.0, 38.5, 12.5, 12.5, qr_block(rng, 21))
    exp = until < TODAY
    return [doc], {"name": p["name"], "id_number": p["id_number"], "valid_from": iso(frm), "valid_until": iso(until)}, \
        "山东省居住证 (heldout6: English line, %s labels, QR), design %s%s" % (S.lab, S.name, ", EXPIRED" if exp else ""), {"expired": exp}


# ---- pages

def k_rp_receipt6(rng, S, c):
    """heldout6: 居住证申领受理单 as a two-part slip on A4 — 存根联 above, 申请人联 below a dashed cut line — each with a
    barcode and the 受理编号, a fully ruled table; the 派出所 seal on the applicant's part."""
    p = c["person"]
    doc = Doc(210, 297, S=S)
    acc = rand_date(rng, dt.date(2026, 8, 1), dt.date(2026, 11, 20))
    no = "%s%s%05d" % (p["area"], acc.strftime("%Y%m%d"), rng.randrange(100000))
    station = rng.choice(["城区派出所", "银雀山派出所", "柳青派出所", "兰山派出所"])
    phone = "1%d" % rng.randrange(3 * 10 ** 9, 9 * 10 ** 9)
    seed = rng.randrange(10 ** 6)
    for part, y0 in (("存根联", 12 + S.dy), ("申请人联", 160 + S.dy)):
        x0 = 18 + S.dx
        doc.text(105 + S.dx, y0, "居住证申领受理单", 16 * S.k, S.f("serifb"), S.c("ink"), "m", spacing=1.2)
        doc.text(105 + S.dx, y0 + 9.5, "（%s）" % part, 9 * S.k, S.f("sans"), S.c("label"), "m")
        barcode6(doc, 138, y0 + 16, 50, 7, seed)
        doc.text(163, y0 + 24, no, 7.5, S.f("mono"), S.c("ink"), "m")
        doc.text(x0, y0 + 19, "受理编号：" + no, 9 * S.k, S.f("sans"), S.c("ink"))
        rows = [[("姓名", 1, True), (p["name"], 1, False), ("性别", 1, True), (p["sex"], 1, False)],
                [("公民身份号码", 1, True), (p["id_number"], 3, False)],
                [("居住地址", 1, True), (c["rp_address"], 3, False)],
                [("申领类型", 1, True), ("首次申领", 1, False), ("联系电话", 1, True), (phone, 1, False)],
                [("受理单位", 1, True), (c["rp_authority"] + station, 3, False)],
                [("受理日期", 1, True), (cn_date(acc), 1, False), ("领证日期", 1, True), (cn_date(acc + dt.timedelta(days=15)), 1, False)]]
        y = grid6(doc, S, x0, y0 + 30, [32, 54, 30, 58], rows, 9.5 * S.k, 10.5, style="full", fill_labels=pale(S.c("tint"), 0.2))
        if part == "申请人联":
            doc.para(x0 + 2, y + 5, 170, "凭本单及本人居民身份证于领证日期后到受理单位领取居住证。", 9 * S.k, S.f("sans"), S.c("ink"), indent=0)
            doc.text(150, y + 15, "受理单位（盖章）", 9.5, S.f("sans"), S.c("ink"), "m")
            doc.seal(150, y + 17, 36, station)
        else:
            doc.text(x0 + 2, y + 5, "受理人：" + fake_name(rng, rng.random() < 0.5), 9 * S.k, S.f("sans"), S.c("ink"))
    x = 10.0
    while x < 200:
        doc.line(x, 150.5, x + 3.0, 150.5, 0.3, (120, 120, 120))
        x += 5.0
    doc.text(105, 146.3, "沿此线剪开", 6.5, S.f("sans"), (120, 120, 120), "m")
    return [doc], {"name": p["name"], "id_number": p["id_number"]}, \
        "居住证申领受理单 (heldout6: 存根联 and 申请人联 on one sheet, barcode, ruled tables), design %s" % S.name, {}


def k_household6(rng, S, c):
    """heldout6: the 常住人口登记卡 as a pre-printed form with its entries written by hand (the clerk's ballpoint), the
    户口专用章 and the clerk's square name seal."""
    p = c["person"]
    doc = Doc(190, 133, bg=pale(S.c("tint"), 0.3), S=S)
    form = rng.choice([(40, 96, 150), (150, 60, 60), (60, 110, 70)])
    ink = rng.choice(HAND_INK)
    doc.text(95 + S.dx, 5.5 + S.dy, "常 住 人 口 登 记 卡", 14 * S.k, S.f("serifb"), form, "m", spacing=0.8)
    rel = c.get("relation", rng.choice(["户主", "妻", "长子", "长女", "之子", "之女"]))
    b = p["birth"]
    place = PLACES[p["area"]][0]
    rows = [[("姓名", 1, True), (p["name"], 2, False), ("户主或与户主关系", 2, True), (rel, 1, False)],
            [("曾用名", 1, True), ("", 2, False), ("性别", 2, True), (p["sex"], 1, False)],
            [("出生地", 1, True), (place, 2, False), ("民族", 2, True), (p["nation"], 1, False)],
            [("籍贯", 1, True), (place[:3], 2, False), ("出生日期", 2, True), (cn_date(b), 1, False)],
            [("本市(县)其他住址", 1, True), ("", 5, False)],
            [("宗教信仰", 1, True), ("", 2, False), ("公民身份证件编号", 2, True), ("", 1, False)],
            [("身高", 1, True), ("%d厘米" % rng.randint(150, 185), 1, False), ("血型", 1, True), (rng.choice(["A", "B", "O", "AB"]), 1, False),
             ("文化程度", 1, True), (rng.choice(["大学", "高中", "初中", "大专"]), 1, False)],
            [("婚姻状况", 1, True), (rng.choice(["已婚", "未婚"]), 1, False), ("兵役状况", 1, True), ("", 1, False), ("职业", 1, True), ("", 1, False)],
            [("何时由何地迁来本市(县)", 2, True), ("", 4, False)],
            [("何时由何地迁来本址", 2, True), ("", 4, False)]]
    colw = [27, 30, 22, 25, 24, 44]
    hs = rng.randrange(10 ** 6)
    cnt = [0]

    def write(x0, y, x1, rowh, text):
        sz = 11
        while hand_width(doc, text, sz) > x1 - x0 - 2.5 and sz > 5.5:
            sz -= 0.5
        doc_hand(doc, x0 + 1.5, y + (rowh - sz * 25.4 / 72) / 2 - 0.6, text, sz, ink, hs + cnt[0])
        cnt[0] += 1
    gx, gy = 8 + S.dx * 0.4, 14.5 + S.dy * 0.5
    y = grid6(doc, S, gx, gy, colw, rows, 7.6, 9.4, style="full", colour=form, value=write, lcol=form)
    # the ID number in its cell (the row of 宗教信仰): larger, written across the whole cell
    yid = gy + 9.4 * 5
    doc_hand(doc, gx + sum(colw[:5]) + 1.0, yid + 1.0, p["id_number"], 10, ink, hs + 99)
    reg = rand_date(rng, dt.date(2008, 1, 1), dt.date(2025, 12, 31))
    doc.text(12, y + 5, "承办人签章：", 8.5, S.f("sans"), form)
    clerk = fake_name(rng, rng.random() < 0.5)
    sqseal6(doc, 34, y + 2.5, 9, clerk[:3])
    doc.text(112, y + 5, "登记日期：", 8.5, S.f("sans"), form)
    doc_hand(doc, 128, y + 4.2, "%d.%d.%d" % (reg.year, reg.month, reg.day), 9, ink, hs + 7)
    doc.seal(70 + rng.uniform(-6, 6), y - 8, 32, PLACES[p["area"]][1][-5:] + "户口专用章")
    return [doc], {"name": p["name"], "id_number": p["id_number"]}, \
        "户口簿 常住人口登记卡 (%s; heldout6: a pre-printed form with the entries written by hand, square name seal), design %s" % (rel, S.name), {}


def k_business_license_app6(rng, S, c):
    """heldout6: a phone screenshot of the 电子营业执照 app: a red head with the emblem, 营业执照, the fields, a QR to
    亮照, and the app's buttons."""
    co = c["company"]
    doc = Doc(72, 156, bg=(245, 245, 245), S=S)
    doc.app = True
    doc_grad(doc, 0, 0, 72, 48, (206, 30, 36), (236, 84, 60))
    status_bar6(doc, S, dark=True, clock="%d:%02d" % (rng.randint(8, 17), rng.randint(0, 59)))
    app_header6(doc, S, "电子营业执照", fg=(255, 255, 255))
    doc_rrect(doc, 4, 16, 68, 122, 2.5, fill=(255, 255, 255))
    doc.image(31, 18.5, 10, 10, emblem())
    doc.text(36, 30, "营 业 执 照", 10, S.f("serifb"), (186, 20, 26), "m", spacing=0.8)
    doc.text(36, 37.5, "统一社会信用代码", 4.4, S.f("sans"), (110, 110, 110), "m")
    doc.text(36, 40.8, co["uscc"], 6.4, S.f("mono"), (30, 30, 30), "m", spacing=0.2)
    doc.line(8, 46.5, 64, 46.5, 0.2, (225, 225, 225))
    founded = co["founded"]
    items = [("名称", co["name"]), ("类型", co["type"]), ("法定代表人", co["rep"]["name"]), ("注册资本", co["capital"]),
             ("成立日期", cn_date(founded)), ("营业期限", "%s 至 %s" % (cn_date(founded), c.get("biz_until_text", "长期"))),
             ("住所", co["address"]), ("登记机关", co["authority"])]
    y = 49.0
    for lab, val in items:
        doc.text(8, y, lab, 4.5, S.f("sans"), (130, 130, 130))
        y = doc.para(25, y - 0.2, 39, val, 4.9, S.f("sans"), (30, 30, 30), lh=1.45, indent=0) + 1.6
    doc.line(8, y, 64, y, 0.2, (225, 225, 225))
    qy = max(y + 3, 96.0)
    doc.image(26, qy, 20, 20, qr_block(rng, 25))
    doc.text(36, qy + 21, "扫码亮照 · 验照", 4.2, S.f("sans"), (120, 120, 120), "m")
    for i, t in enumerate(("亮照", "验照", "下载", "授权")):
        cx = 13 + i * 15.3
        doc_rrect(doc, cx - 6, 128, cx + 6, 136, 1.5, fill=(255, 255, 255), outline=(220, 60, 50), w=0.3)
        doc.text(cx, 129.8, t, 5.0, S.f("sans"), (206, 40, 40), "m")
    doc.text(36, 146, "国家市场监督管理总局", 4.2, S.f("sans"), (140, 140, 140), "m")
    exp = c.get("biz_until") not in (None, "长期") and dt.date.fromisoformat(c["biz_until"]) < TODAY
    facts = {"uscc": co["uscc"], "unit_name": co["name"], "valid_from": iso(founded), "valid_until": c.get("biz_until", "长期")}
    return [doc], facts, "营业执照 (heldout6: a phone screenshot of the 电子营业执照 app), design %s%s" % (S.name, ", EXPIRED" if exp else ""), \
        ({"expired": True} if exp else {})


def k_business_license6(rng, S, c):
    """heldout6: 营业执照 （副本） in a frame of small diamonds, the code and QR at the top, labels as pills or bars,
    dates zero-padded (2008年03月05日), 营业期限 自…至…; or the 电子营业执照 app screenshot (c["biz_app"])."""
    if c.get("biz_app"):
        return k_business_license_app6(rng, S, c)
    co = c["company"]
    doc = Doc(210, 297, bg=(253, 252, 248), S=S)
    acc = S.c("accent")
    doc.rect(10, 10, 200, 287, outline=acc, w=0.9)
    doc.rect(15, 15, 195, 282, outline=acc, w=0.35)
    ornament6(doc, 12.5, 12.5, 197.5, 284.5, pale(acc, 0.35), "diamond", 4.0)
    doc.image(96, 21, 18, 18, emblem())
    doc.text(105, 42 + S.dy, "营业执照", 27 * S.k, S.f("serifb"), (182, 22, 26), "m", spacing=4)
    doc.text(105, 60 + S.dy, "（副　本）", 11 * S.k, S.f("serif"), S.c("ink"), "m")
    doc.text(24 + S.dx, 22, "统一社会信用代码", 8.5 * S.k, S.f("sans"), S.c("label"))
    doc.text(24 + S.dx, 28, co["uscc"], 11 * S.k, S.f("mono"), S.c("ink"), spacing=0.25)
    doc.text(24 + S.dx, 35.5, "副本编号：1-%d" % rng.randint(1, 3), 7.5, S.f("sans"), S.c("ink"))
    doc.image(163, 21, 23, 23, qr_block(rng))
    doc.para(160, 45, 30, "扫描二维码登录“国家企业信用信息公示系统”了解更多登记、备案、许可、监管信息", 5.2, S.f("sans"), (90, 90, 90), lh=1.4, indent=0)
    founded = co["founded"]
    until_text = c.get("biz_until_text0") or ("长期" if c.get("biz_until", "长期") == "长期" else cn_date0(dt.date.fromisoformat(c["biz_until"])))
    items = [("名　　称", co["name"]), ("类　　型", co["type"]), ("法定代表人", co["rep"]["name"]), ("经营范围", co["scope"]),
             ("注册资本", co["capital"]), ("成立日期", cn_date0(founded)), ("营业期限", "自%s至%s" % (cn_date0(founded), until_text)),
             ("住　　所", co["address"])]
    y = kv6(doc, S, 30 + S.dx, 76 + S.dy, items, 10 * S.k, 31, gap=2.0, font="serif", vfont="serif", wrap=128)
    issue = rand_date(rng, founded, dt.date(2026, 10, 31))
    by = max(y + 22, 205)
    doc.text(150, by, "登记机关", 12, S.f("serif"), S.c("ink"), "m")
    doc.seal(150, by + 6, 40, co["authority"])
    doc.text(150, by + 18, cn_date(issue), 10.5, S.f("serif"), S.c("ink"), "m")
    doc.text(105, 271, "国家企业信用信息公示系统网址：http://www.gsxt.gov.cn", 7, S.f("sans"), (90, 90, 90), "m")
    doc.text(105, 276, "国家市场监督管理总局监制", 7, S.f("sans"), (90, 90, 90), "m")
    exp = c.get("biz_until") not in (None, "长期") and dt.date.fromisoformat(c["biz_until"]) < TODAY
    facts = {"uscc": co["uscc"], "unit_name": co["name"], "valid_from": iso(founded), "valid_until": c.get("biz_until", "长期")}
    return [doc], facts, "营业执照 (副本; heldout6: a frame of diamonds, %s labels, zero-padded dates), design %s%s" % (
        S.lab, S.name, ", EXPIRED (营业期限 ended)" if exp else ""), ({"expired": True} if exp else {})


def k_uscc_cert6(rng, S, c):
    """heldout6: 统一社会信用代码证书 with its title white in a gradient band, the code boxed in large digits, a red
    certificate serial, a QR with its caption, labels as pills or bars."""
    ins = c["institution"]
    frm, until = c["lic_valid"]
    doc = Doc(297, 210, bg=(252, 252, 250), S=S)
    acc = S.c("accent")
    doc_grad(doc, 0, 14, 297, 40, acc, pale(acc, 0.45), vertical=False)
    doc.image(24, 16, 22, 22, emblem())
    doc.text(148.5 + S.dx, 19.5, "统一社会信用代码证书", 22 * S.k, S.f("serifb"), (255, 255, 255), "m", spacing=2)
    doc.text(262, 46, "No. %08d" % rng.randrange(10 ** 8), 10, S.f("mono"), (196, 30, 40), "r")
    doc.text(40 + S.dx, 54 + S.dy, "统一社会信用代码", 10 * S.k, S.f("sans"), S.c("label"))
    doc.rect(38 + S.dx, 61 + S.dy, 170 + S.dx, 75 + S.dy, outline=S.c("label"), w=0.5)
    doc.text(104 + S.dx, 62.8 + S.dy, ins["uscc"], 17 * S.k, S.f("mono"), S.c("ink"), "m", spacing=0.8)
    items = [("机构名称", ins["name"]), ("机构性质", ins["nature"]), ("机构地址", ins["address"]), ("负 责 人", ins["head"]["name"]),
             ("有 效 期", "自%s至%s" % (cn_date0(frm), cn_date0(until)))]
    kv6(doc, S, 40 + S.dx, 86 + S.dy, items, 12.5 * S.k, 36, gap=2.1, font="serif", vfont="serif", wrap=150)
    doc.image(28, 160, 26, 26, qr_block(rng))
    doc.para(58, 168, 46, "扫描二维码查询机构登记信息", 7.5, S.f("sans"), (90, 90, 90), lh=1.4, indent=0)
    issuer = ins["city"] + {"机关": "机构编制委员会办公室", "事业单位": "事业单位登记管理局", "社会团体": "民政局"}[ins["nature"]]
    doc.text(222, 168, "颁发单位：" + issuer, 10, S.f("serif"), S.c("ink"), "m")
    doc.text(222, 178, "颁发日期：" + cn_date0(frm), 10, S.f("serif"), S.c("ink"), "m")
    doc.seal(226, 166, 40, issuer)
    exp = until < TODAY
    return [doc], {"uscc": ins["uscc"], "unit_name": ins["name"], "valid_from": iso(frm), "valid_until": iso(until)}, \
        "统一社会信用代码证书 (%s; heldout6: gradient title band, boxed code, serial, %s labels), design %s%s" % (
            ins["nature"], S.lab, S.name, ", EXPIRED" if exp else ""), {"expired": exp}


RENAME6 = {"医疗保障服务中心": "医疗保险事业中心", "社会保险事业中心": "社会保险事业处", "疾病预防控制中心": "卫生防疫站",
           "综合检验检测中心": "产品质量监督检验所", "第二实验小学": "第二小学", "医疗保障局": "医疗保险管理局", "农业农村局": "农业局",
           "司法局": "司法行政局", "统计局": "统计调查局", "个体劳动者协会": "个体私营经济协会", "老年人体育协会": "老年体育协会",
           "餐饮行业协会": "饭店餐饮协会", "书法家协会": "书法协会"}


def old_name6(name):
    for new, old in RENAME6.items():
        if name.endswith(new):
            return name[:-len(new)] + old
    return name + "筹备处"


def k_approval6(rng, S, c):
    """heldout6: a 公文 as printed: the issuer's name in red, 文号 at the left and 签发人 at the right above a double red
    rule, a bold title, body text, the date in Chinese numerals (二〇一九年三月五日) under the seal, 抄送 and 印发 lines
    between rules and a — 1 — page number. The unit named is c["old_name"] when the case plants a former name."""
    ins = c["institution"]
    name = c.get("old_name") or ins["name"]
    doc = Doc(210, 297, S=S)
    red = (206, 18, 24)
    issuer = ins["city"] + rng.choice(["机构编制委员会办公室", "机构编制委员会", "人民政府办公室"])
    sz = 24 * S.k
    while doc.width(issuer, sz, S.f("serifb")) > 170 and sz > 12:
        sz -= 0.5
    doc.text(105, 30 + S.dy, issuer, sz, S.f("serifb"), red, "m", spacing=0.4)
    yr = rng.randint(2008, 2024)
    num = "%s〔%d〕%d号" % (rng.choice(["临编办发", "兰编发", "济编办", "淄编发", "聊政办字"]), yr, rng.randint(3, 120))
    doc.text(28 + S.dx, 52, num, 11 * S.k, S.f("serif"), S.c("ink"))
    doc.text(182, 52, "签发人：" + fake_name(rng, rng.random() < 0.3), 11 * S.k, S.f("serif"), S.c("ink"), "r")
    doc.line(25, 60.5, 185, 60.5, 1.0, red)
    doc.line(25, 62.0, 185, 62.0, 0.3, red)
    title = "关于同意设立%s的批复" % name if ins["nature"] != "机关" else "关于%s机构设置有关事项的批复" % name
    y = doc.para(32, 72, 146, title, 16 * S.k, S.f("serifb"), S.c("ink"), lh=1.45, indent=0)
    dept = ins["city"] + rng.choice(["卫生健康局", "教育和体育局", "人力资源和社会保障局", "民政局"])
    body_f = S.f("serif")
    doc.text(25, y + 5, dept + "：", 12 * S.k, body_f, S.c("ink"))
    body = ("你单位《关于设立%s的请示》收悉。经研究，同意设立%s，为你单位所属公益一类事业单位，机构规格相当于正科级，"
            "核定事业编制%d名，所需经费由财政全额拨款。请按照有关规定办理事业单位法人登记手续。" % (name, name, rng.randint(8, 40)))
    y = doc.para(25, y + 16, 160, body, 12 * S.k, body_f, S.c("ink"), lh=1.9)
    doc.text(25 + 12 * S.k * 25.4 / 72 * 2, y + 2, "此复。", 12 * S.k, body_f, S.c("ink"))
    d = dt.date(yr, rng.randint(1, 12), rng.randint(1, 28))
    doc.text(150, y + 26, issuer, 11 * S.k, body_f, S.c("ink"), "m")
    doc.text(150, y + 36, cn_num_date(d), 11 * S.k, body_f, S.c("ink"), "m")
    doc.seal(150, y + 31, 42, issuer)
    fy = max(y + 56, 250)
    doc.line(25, fy, 185, fy, 0.5, S.c("ink"))
    doc.text(27, fy + 2.5, "抄送：" + ins["city"] + rng.choice(["财政局", "人力资源和社会保障局", "事业单位登记管理局"]) + "。", 10 * S.k, body_f, S.c("ink"))
    doc.line(25, fy + 10, 185, fy + 10, 0.3, S.c("ink"))
    doc.text(27, fy + 12.5, issuer, 10 * S.k, body_f, S.c("ink"))
    doc.text(183, fy + 12.5, "%d年%d月%d日印发" % (d.year, d.month, d.day), 10 * S.k, body_f, S.c("ink"), "r")
    doc.line(25, fy + 20, 185, fy + 20, 0.5, S.c("ink"))
    doc.text(105, 284, "— 1 —", 10, S.f("serif"), S.c("ink"), "m")
    planted = ", PLANTED MISMATCH: the 批复 names the unit's former name" if c.get("old_name") else ""
    return [doc], {"unit_name": name}, "单位批准成立文件 %s (heldout6: 签发人, double red rule, date in Chinese numerals, 抄送/印发 lines), design %s%s" % (
        num, S.name, planted), {"title": title}


def k_marriage6(rng, S, c):
    """heldout6: the 结婚证 inner spread with a pale 结婚证 microtext ground, labels as pills or bars, 备注, the 婚姻登记员,
    a colourless steel seal (钢印) pressed across the photo, 民政部监制 at the foot."""
    a, b = c["person"], c["spouse"]
    doc = Doc(250, 88, bg=(252, 240, 238), S=S)
    micro6(doc, (246, 222, 222), "JIEHUNZHENG ", 1.8, 1.9)
    doc.line(125, 3, 125, 85, 0.3, (210, 170, 170))
    reg = c["marriage_date"]
    no = c.get("marriage_no") or "J%s-%d-%06d" % (a["area"], reg.year, rng.randrange(1, 999999))
    lx = 14 + S.dx
    y = kv6(doc, S, lx, 14, [("持证人", a["name"]), ("登记日期", cn_date(reg)), ("结婚证字号", no), ("备注", "")], 9.5 * S.k, 26, gap=2.25,
            font="serif", vfont="sans")
    doc.para(lx, y + 1, 102, "申请结婚，经审查符合《中华人民共和国民法典》关于结婚的规定，予以登记，发给此证。", 8, S.f("serif"), S.c("ink"), lh=1.5)
    auth = PLACES[a["area"]][0].replace("山东省", "") + "民政局"
    doc.text(30, 73, "登记机关：" + auth, 8, S.f("serif"), S.c("ink"))
    doc.text(30, 78.5, "婚姻登记员：" + fake_name(rng, rng.random() < 0.6), 8, S.f("serif"), S.c("ink"))
    doc.seal(92, 70, 28, auth + "婚姻登记专用章")
    doc.image(152, 5, 46, 29, portrait(rng, False, (206, 36, 40)).resize((320, 200)))
    doc_emboss(doc, 196, 30, 22, auth)
    y = 38.5
    for q in (a, b):
        y = kv6(doc, S, 132, y, [("姓名", q["name"] + "　　性别 " + q["sex"]), ("国籍", "中国　　出生日期 " + cn_date(q["birth"])),
                                 ("身份证件号", q["id_number"])], 7.4 * S.k, 18, gap=1.7, font="serif", vfont="sans")
        y += 1.6
    doc.text(243, 83, "中华人民共和国民政部监制", 5.5, S.f("sans"), (150, 110, 110), "r")
    facts = {"name": a["name"], "id_number": a["id_number"], "license_number": no}
    return [doc], facts, "结婚证 inner spread (heldout6: microtext ground, %s labels, 备注, a steel seal over the photo), design %s" % (S.lab, S.name), \
        {"spouse_name": b["name"], "spouse_id_number": b["id_number"], "registered": iso(reg)}


def k_birth6(rng, S, c):
    """heldout6: another edition of the 出生医学证明: a QR at the top left, No. and the number at the top right, a faint
    emblem watermark and diagonal hairlines, the facts in two columns with pill or bar labels, 出生时间 zero-padded
    (2026年06月27日09时47分), 国家卫生健康委员会监制."""
    ch, mo, fa = c["child"], c["mother"], c["father"]
    doc = Doc(250, 176, S=S)
    doc_grad(doc, 0, 0, 250, 176, (238, 248, 240), (250, 238, 242))
    hl = (222, 236, 226)
    for i in range(0, 430, 6):
        doc.line(i, 0, i - 176, 176, 0.12, hl)
    doc.image(95, 58, 60, 60, pale_emblem(300, 0.86))
    doc.rect(6, 6, 244, 170, outline=S.c("accent"), w=0.7)
    doc.image(12, 10, 22, 22, qr_block(rng, 25))
    doc.text(125, 12 + S.dy, "出生医学证明", 24 * S.k, S.f("serifb"), (30, 110, 70), "m", spacing=3)
    doc.text(125, 25.5 + S.dy, "BIRTH CERTIFICATE", 7.5, S.f("sans"), (90, 120, 100), "m", spacing=1)
    doc.text(238, 13.4, c["bc_no"], 12.5 * S.k, S.f("mono"), (196, 30, 40), "r")
    doc.text(238 - doc.width(c["bc_no"], 12.5 * S.k, S.f("mono")) - 2, 14, "No.", 10, S.f("mono"), (196, 30, 40), "r")
    bt = c["birth_time"]
    age = lambda p: "%d" % ((bt.date() - p["birth"]).days // 365)
    left = [("新生儿姓名", ch["name"]), ("性　　别", ch["sex"]), ("出生时间", bt.strftime("%Y年%m月%d日%H时%M分")),
            ("出生孕周", "%d周" % rng.randint(37, 41)), ("出生体重", "%d克" % rng.randint(2600, 4100)),
            ("出生身长", "%d厘米" % rng.randint(47, 54)), ("出生地点", PLACES[mo["area"]][0]), ("医疗机构名称", c["hospital"])]
    right = [("母亲姓名", mo["name"]), ("年龄　国籍", age(mo) + "岁　中国"), ("民　　族", mo["nation"]), ("身份证件号码", mo["id_number"]),
             ("父亲姓名", fa["name"]), ("年龄　国籍", age(fa) + "岁　中国"), ("民　　族", fa["nation"]), ("身份证件号码", fa["id_number"])]
    kv6(doc, S, 16 + S.dx, 40 + S.dy, left, 9.6 * S.k, 28, gap=1.95, font="serif", vfont="sans", wrap=72)
    kv6(doc, S, 130 + S.dx, 40 + S.dy, right, 9.6 * S.k, 29, gap=1.95, font="serif", vfont="sans", wrap=80)
    issue = (bt + dt.timedelta(days=rng.randint(2, 20))).date()
    doc.text(20, 154, "签发日期：" + cn_date0(issue), 9.5, S.f("sans"), S.c("ink"))
    doc.text(185, 146, "签证机构（盖章）", 9.5, S.f("sans"), S.c("ink"), "m")
    doc.seal(185, 152, 34, c["hospital"] + "出生医学证明专用章"[:4])
    doc.text(125, 163, "国家卫生健康委员会监制", 7.5, S.f("sans"), (100, 120, 105), "m")
    facts = {"birth_certificate_number": c["bc_no"], "child_name": ch["name"], "mother_name": mo["name"], "mother_id_number": mo["id_number"]}
    return [doc], facts, "出生医学证明 (heldout6: QR top left, No. top right, watermark, two columns with %s labels, 国家卫生健康委员会监制), design %s" % (
        S.lab, S.name), {"father_name": fa["name"], "father_id_number": fa["id_number"]}


def k_diagnosis6(rng, S, c):
    """heldout6: another hospital template: the hospital's round mark and name at the top left, a barcode with the 门诊号
    at the top right, 诊 断 证 明 书 letter-spaced, the patient in a fully ruled table with the 身份证号, boxed 诊断 and
    医嘱, a footnote. A planted namesake (c["namesake_id"]) prints another person's ID number (and age) under the name."""
    p = c["person"]
    doc = Doc(210, 297 if rng.random() < 0.5 else 160, S=S)
    hosp = c.get("hospital") or rng.choice(HOSP)
    dx, dept = c.get("diag") or rng.choice(DIAG)
    acc = S.c("accent")
    logo6(doc, 16 + S.dx, 9, 13, acc)
    doc.text(32 + S.dx, 10.5, hosp, 15 * S.k, S.f("sansb"), acc, spacing=0.5)
    opno = "%010d" % rng.randrange(10 ** 10)
    barcode6(doc, 150, 9, 44, 8, rng.randrange(10 ** 6))
    doc.text(172, 18.5, "门诊号：" + opno, 7.5, S.f("sans"), S.c("ink"), "m")
    doc.line(14, 25, 196, 25, 0.6, acc)
    doc.text(105, 31 + S.dy, "诊　断　证　明　书", 17 * S.k, S.f("serifb"), S.c("ink"), "m")
    idn = c.get("namesake_id") or p["id_number"]
    show_id = bool(c.get("namesake_id")) or rng.random() < 0.7
    bd = dt.date(int(idn[6:10]), int(idn[10:12]), int(idn[12:14]))
    d = c.get("visit") or rand_date(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 25))
    age = (d - bd).days // 365
    rows = [[("姓名", 1, True), (p["name"], 1, False), ("性别", 1, True), (p["sex"], 1, False), ("年龄", 1, True), ("%d岁" % age, 1, False)],
            [("科室", 1, True), (dept, 1, False), ("就诊日期", 1, True), (d.isoformat(), 3, False)]]
    if show_id:
        rows.insert(1, [("身份证号", 1, True), (idn, 5, False)])
    y = grid6(doc, S, 16 + S.dx, 45 + S.dy, [24, 38, 22, 30, 22, 42], rows, 10 * S.k, 10, style="full", fill_labels=pale(S.c("tint"), 0.0))
    bh = 24 if doc.h > 200 else 16
    doc.rect(16 + S.dx, y + 4, 194 + S.dx, y + 4 + bh, outline=S.c("label"), w=0.35)
    lab6(doc, S, 19 + S.dx, y + 7, "诊断", 9.5 * S.k)
    doc.text(38 + S.dx, y + 6.5, dx, 12 * S.k, S.f("sansb"), S.c("ink"))
    y += 8 + bh
    doc.rect(16 + S.dx, y, 194 + S.dx, y + bh + 6, outline=S.c("label"), w=0.35)
    lab6(doc, S, 19 + S.dx, y + 3, "医嘱", 9.5 * S.k)
    doc.para(38 + S.dx, y + 2.6, 150, rng.choice(["注意休息，全休两周，定期门诊复查。", "继续口服药物治疗，低盐低脂饮食，门诊随诊。",
                                                   "建议住院治疗；出院后休息一个月，不适随诊。"]), 10.5 * S.k, S.f("sans"), S.c("ink"), lh=1.6, indent=0)
    y += bh + 12
    doc.text(120, y, "医师签名：", 10, S.f("sans"), S.c("ink"))
    doc.sign(140, y - 3, 26, 10, rng.randrange(10 ** 6))
    doc.text(120, y + 9, "日期：" + cn_date(d), 10, S.f("sans"), S.c("ink"))
    doc.seal(90, y + 4, 34, hosp + "诊断证明专用章")
    doc.text(105, doc.h - 10, "注：本证明须加盖医院诊断证明专用章方有效，涂改无效。", 7.5, S.f("sans"), (110, 110, 110), "m")
    facts = {"name": p["name"]}
    if show_id:
        facts["id_number"] = idn
    planted = ", PLANTED MISMATCH: the 身份证号 is a namesake's (同名同姓), not the patient's" if c.get("namesake_id") else ""
    return [doc], facts, "诊断证明书 %s (heldout6: round mark, barcode with 门诊号, ruled patient table, boxed 诊断/医嘱), design %s%s" % (
        hosp, S.name, planted), {"diagnosis": dx}


def k_discharge6(rng, S, c):
    """heldout6: 出院记录 as an EMR printout: hospital at the left and 出院记录 at the right of a head rule, the patient in
    a box of pairs, sections headed by a small square in the accent colour, 电子签名 and 打印时间 at the foot."""
    p = c["person"]
    doc = Doc(210, 297, S=S)
    hosp = c.get("hospital") or rng.choice(HOSP)
    dx, dept = c.get("diag") or rng.choice(DIAG)
    acc = S.c("accent")
    doc.text(18 + S.dx, 12 + S.dy, hosp, 14 * S.k, S.f("sansb"), S.c("ink"))
    doc.text(192 + S.dx, 12 + S.dy, "出院记录", 16 * S.k, S.f("sansb"), acc, "r", spacing=1.5)
    doc.line(16, 22, 194, 22, 0.8, acc)
    a = c.get("admit", rand_date(rng, dt.date(2026, 5, 1), dt.date(2026, 10, 30)))
    b = c.get("discharge", a + dt.timedelta(days=rng.randint(3, 20)))
    age = (TODAY - p["birth"]).days // 365
    doc.rect(16, 25, 194, 44, outline=pale(S.c("label"), 0.3), fill=pale(S.c("tint"), 0.3), w=0.3)
    pairs = [("姓名", p["name"]), ("性别", p["sex"]), ("年龄", "%d岁" % age), ("科室", dept),
             ("床号", "%d床" % rng.randint(1, 60)), ("住院号", "%08d" % rng.randrange(10 ** 8)), ("入院日期", a.isoformat()), ("出院日期", b.isoformat())]
    for i, (l, v) in enumerate(pairs):
        x, y = 19 + (i % 4) * 44, 28 + (i // 4) * 8
        doc.text(x, y, l + "：", 8.5 * S.k, S.f("sans"), S.c("label"))
        doc.text(x + doc.width(l + "：", 8.5 * S.k, S.f("sans")), y, v, 8.5 * S.k, S.f("sans"), S.c("ink"))
    y = 50
    secs = [("入院诊断", dx), ("出院诊断", dx + "（好转）"),
            ("入院情况", "患者因“%s”入院。查体：T 36.6℃，P 80次/分，R 18次/分，BP 132/82mmHg，神志清，精神可。" % rng.choice(["反复胸闷3天", "腹痛12小时", "咳嗽咳痰1周", "腰痛伴右下肢麻木2月"])),
            ("诊疗经过", "入院后完善相关检查，给予%s等治疗，症状逐渐缓解，病情稳定，准予出院。" % rng.choice(["抗感染、化痰", "降压、调脂、抗血小板", "营养神经、改善循环", "手术"])),
            ("出院情况", "一般情况可，无明显不适，切口愈合良好。" if rng.random() < 0.3 else "一般情况可，无明显不适。"),
            ("出院医嘱", "1.注意休息，清淡饮食；2.按时服药；3.出院两周后门诊复查，不适随诊。")]
    for lab, val in secs:
        doc.rect(18, y + 1.2, 20.6, y + 3.8, fill=acc)
        doc.text(23, y, lab, 10.5 * S.k, S.f("sansb"), S.c("ink"))
        y = doc.para(23, y + 6.5 * S.k, 168, val, 10 * S.k, S.f("serif"), S.c("ink"), lh=1.6, indent=2) + 3
    doc.text(130, y + 6, "主治医师（电子签名）：" + fake_name(rng, rng.random() < 0.5), 9, S.f("sans"), S.c("ink"))
    pt = dt.datetime(2026, 11, rng.randint(20, 28), rng.randint(8, 17), rng.randint(0, 59), rng.randint(0, 59))
    doc.line(16, 284, 194, 284, 0.3, (150, 150, 150))
    doc.text(18, 286, "打印时间：" + pt.strftime("%Y-%m-%d %H:%M:%S"), 7.5, S.f("sans"), (110, 110, 110))
    doc.text(192, 286, "第1页 共1页", 7.5, S.f("sans"), (110, 110, 110), "r")
    return [doc], {"name": p["name"]}, "出院记录 %s (heldout6: EMR printout, patient box, square section heads, 电子签名), design %s" % (hosp, S.name), \
        {"admitted": iso(a), "discharged": iso(b), "diagnosis": dx}


def k_medical_record6(rng, S, c):
    """heldout6: a page of a 门诊病历本 written by the doctor by hand: the printed head with blanks (姓名 性别 年龄 科别),
    ruled lines, the visit written in ballpoint, the doctor's signature written out."""
    p = c["person"]
    doc = Doc(148, 210, bg=(252, 251, 245), S=S)
    hosp = c.get("hospital") or rng.choice(HOSP)
    dx, dept = c.get("diag") or rng.choice(DIAG)
    form = rng.choice([(40, 100, 160), (60, 120, 80), (150, 70, 60)])
    ink = rng.choice(HAND_INK)
    hs = rng.randrange(10 ** 6)
    doc.text(74 + S.dx, 9, hosp, 12 * S.k, S.f("serifb"), form, "m")
    doc.text(74 + S.dx, 17, "门 诊 病 历", 13 * S.k, S.f("sansb"), form, "m", spacing=1)
    age = (TODAY - p["birth"]).days // 365
    x, y = 10, 29
    for lab, val, w in (("姓名", p["name"], 24), ("性别", p["sex"], 9), ("年龄", "%d岁" % age, 12), ("科别", dept, 20)):
        doc.text(x, y, lab, 8.5, S.f("sans"), form)
        x += doc.width(lab, 8.5, S.f("sans")) + 1
        doc.line(x, y + 4.6, x + w, y + 4.6, 0.25, form)
        doc_hand(doc, x + 1.2, y - 1.0, val, 10.5 if lab == "姓名" else 9.5, ink, hs + int(x))
        x += w + 2.5
    doc.line(8, 38, 140, 38, 0.5, form)
    for ly in np.arange(46, 200, 8.0):
        doc.line(10, ly, 138, ly, 0.15, pale(form, 0.55))
    d = rand_date(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 25))
    text = ["%d.%d.%d" % (d.year, d.month, d.day),
            "主诉：" + rng.choice(["头晕3天。", "咳嗽、咽痛2天。", "上腹部不适1周。", "左膝关节疼痛1月。"]),
            "现病史：" + "近期症状加重，无发热，无恶心呕吐，饮食睡眠可，二便正常。",
            "既往史：" + rng.choice(["否认高血压、糖尿病史。", "高血压病史5年。", "否认药物过敏史。"]),
            "查体：" + "神清，心肺听诊未闻及异常，腹软，无压痛。",
            "诊断：" + dx,
            "处理：" + rng.choice(["1.血常规 2.口服药物 3.不适随诊", "1.完善检查 2.对症治疗 3.一周后复诊"])]
    row = 0
    for para in text:
        for ln in hand_lines(doc, para, 9.5, 124):
            doc_hand(doc, 12, 46 + row * 8 - 5.2, ln, 9.5, ink, hs + 1000 + row)
            row += 1
    doc_hand(doc, 92, 46 + (row + 1) * 8 - 5.2, "医师：" + fake_name(rng, rng.random() < 0.5), 9.5, ink, hs + 3000)
    return [doc], {"name": p["name"]}, "门诊病历 %s (heldout6: a booklet page written by hand, ruled lines), design %s" % (hosp, S.name), {"diagnosis": dx}


MED6 = [("阿莫西林胶囊", "盒", 23.5), ("布洛芬缓释胶囊", "盒", 18.6), ("血常规", "次", 20.0), ("心电图", "次", 25.0), ("头孢克肟片", "盒", 32.8),
        ("门诊诊查费", "次", 10.0), ("尿常规", "次", 12.0), ("胸部DR", "次", 90.0), ("C反应蛋白", "项", 30.0), ("蒙脱石散", "盒", 15.2),
        ("氨溴索口服液", "瓶", 26.4), ("静脉输液", "组", 8.0), ("雾化吸入", "次", 15.0), ("肝功能", "项", 88.0)]


def invoice_thermal6(rng, S, c, p, hosp):
    """A self-service kiosk's thermal 门诊收费票据: 80 mm paper, everything in a bitmap face (GNU Unifont), dashed rules,
    a barcode."""
    items = []
    for n, unit, price in rng.sample(MED6, rng.randint(4, 8)):
        q = rng.randint(1, 3)
        items.append((n, q, round(q * price, 2)))
    total = round(sum(a for _, _, a in items), 2)
    fund = round(total * rng.uniform(0.2, 0.55), 2)
    acct = round(min(total - fund, rng.uniform(0, 60)), 2)
    d = c.get("visit") or rand_date(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 25))
    tm = dt.datetime(d.year, d.month, d.day, rng.randint(7, 17), rng.randint(0, 59), rng.randint(0, 59))
    num = "%010d" % rng.randrange(10 ** 10)
    H = 120 + len(items) * 4.6
    doc = Doc(80, H, bg=(250, 250, 246), S=S)
    f, ink = ("unifont", 0), (52, 52, 58)
    doc.text(40, 5, hosp, 11, f, ink, "m")
    doc.text(40, 11.5, "门诊收费票据", 11, f, ink, "m")
    y = 19.0

    def ln(s, dy=4.4, size=8.2):
        nonlocal y
        doc.text(4, y, s, size, f, ink)
        y += dy

    def rule():
        nonlocal y
        doc.text(4, y - 1.2, "-" * 49, 8.2, f, ink)
        y += 3.2
    ln("票据号：" + num)
    ln("流水号：" + tm.strftime("%Y%m%d%H%M%S") + "%03d" % rng.randrange(1000))
    ln("姓名：%s    性别：%s" % (p["name"], p["sex"]))
    ln("医保类型：" + rng.choice(["职工医保", "居民医保"]))
    ln("门诊号：%010d" % rng.randrange(10 ** 10))
    rule()
    doc.text(4, y, "项目名称", 8.2, f, ink)
    doc.text(47, y, "数量", 8.2, f, ink, "r")
    doc.text(76, y, "金额", 8.2, f, ink, "r")
    y += 4.6
    for n, q, a in items:
        doc.text(4, y, n, 8.2, f, ink)
        doc.text(47, y, str(q), 8.2, f, ink, "r")
        doc.text(76, y, "%.2f" % a, 8.2, f, ink, "r")
        y += 4.6
    rule()
    ln("合计金额：¥%.2f" % total, 5.2, 9.5)
    ln("大写：" + rmb_upper(total))
    ln("统筹支付：%.2f" % fund)
    ln("个人账户：%.2f" % acct)
    ln("个人现金：%.2f" % (total - fund - acct))
    rule()
    ln("收费员：%03d    自助机：ZZJ-%02d" % (rng.randint(1, 40), rng.randint(1, 12)))
    ln(tm.strftime("%Y-%m-%d %H:%M:%S"))
    barcode6(doc, 10, y + 1, 60, 9, rng.randrange(10 ** 6), ink)
    doc.text(40, y + 12, "请妥善保管  遗失不补", 8.2, f, ink, "m")
    return [doc], total, num, "门诊收费票据 %s (heldout6: a self-service kiosk's thermal print, 80 mm, GNU Unifont, %d lines)" % (hosp, len(items))


PAPER6 = ["床位费", "诊察费", "检查费", "化验费", "治疗费", "手术费", "护理费", "卫生材料费", "西药费", "中药饮片", "中成药费", "其他费"]


def invoice_paper6(rng, S, c, p, hosp):
    """The pre-printed paper 山东省医疗住院收费票据: green rules, labels and fixed category grid, a red NO., the oval
    财政 seal at the top centre; the values laser-printed into it, a little off their boxes."""
    doc = Doc(230, 127, bg=(252, 252, 246), S=S)
    g = (24, 120, 84)
    doc.text(115, 10, "山东省医疗住院收费票据", 17, S.f("serifb"), g, "m", spacing=1.5)
    doc.line(70, 19.8, 160, 19.8, 0.3, g)
    doc.line(70, 20.9, 160, 20.9, 0.3, g)
    doc.seal(115, 7.5, 24, "山东省财政厅票据监制章", colour=(206, 36, 44), oval=True)
    num = "%010d" % rng.randrange(10 ** 10)
    doc.text(178, 9, "NO.", 10, S.f("sansb"), (200, 30, 40))
    doc.text(188, 8.5, num, 12, S.f("mono"), (200, 30, 40))
    a = c.get("admit") or rand_date(rng, dt.date(2026, 5, 1), dt.date(2026, 10, 30))
    b = c.get("discharge") or a + dt.timedelta(days=rng.randint(3, 15))
    ox, oy = rng.uniform(-0.8, 0.9), rng.uniform(-0.6, 0.8)
    P = lambda x, y, s, size=9.0: doc.text(x + ox, y + oy, s, size, S.f("sans"), (20, 20, 24))
    L = lambda x, y, s: doc.text(x, y, s, 8.5, S.f("serif"), g)
    L(12, 25, "住院号")
    P(28, 24.6, "%08d" % rng.randrange(10 ** 8))
    L(62, 25, "科别")
    P(73, 24.6, (c.get("diag") or rng.choice(DIAG))[1])
    L(100, 25, "住院时间")
    P(118, 24.6, "%s 至 %s  共%d天" % (a.isoformat(), b.isoformat(), (b - a).days))
    L(12, 32, "姓名")
    P(28, 31.6, p["name"])
    L(62, 32, "性别")
    P(73, 31.6, p["sex"])
    L(100, 32, "医保类型")
    P(118, 31.6, rng.choice(["职工基本医疗保险", "城乡居民基本医疗保险"]))
    amounts = {k: round(rng.uniform(30, 2600), 2) for k in rng.sample(PAPER6, rng.randint(6, 9))}
    total = round(sum(amounts.values()), 2)
    x0, y0, cw, rh = 12, 38, 34.3, 8
    for i, k in enumerate(PAPER6):
        r, col = i // 3, i % 3
        x, y = x0 + col * 2 * cw, y0 + r * rh
        doc.rect(x, y, x + cw, y + rh, outline=g, w=0.25)
        doc.rect(x + cw, y, x + 2 * cw, y + rh, outline=g, w=0.25)
        doc.text(x + cw / 2, y + 2.2, k, 8.5, S.f("serif"), g, "m")
        if k in amounts:
            P(x + cw + 3, y + 2.0, "%.2f" % amounts[k])
    y = y0 + 4 * rh
    fund = round(total * rng.uniform(0.45, 0.75), 2)
    pre = round(math.ceil(total / 1000.0) * 1000 * rng.choice([0.5, 1.0]), 2)
    cash = round(total - fund, 2)
    for j, (lab, val) in enumerate([("合计（大写）", rmb_upper(total)), ("合计（小写）", "¥%.2f" % total)]):
        doc.rect(x0, y, x0 + 6 * cw, y + rh, outline=g, w=0.25)
        L(x0 + 2, y + 2.2, lab)
        P(x0 + 36, y + 2.0, val)
        y += rh
    L(x0 + 2, y + 3, "预交金额")
    P(x0 + 22, y + 2.6, "%.2f" % pre)
    L(x0 + 52, y + 3, "补交金额")
    P(x0 + 72, y + 2.6, "%.2f" % max(0, cash - pre))
    L(x0 + 102, y + 3, "退还金额")
    P(x0 + 122, y + 2.6, "%.2f" % max(0, pre - cash))
    L(x0 + 152, y + 3, "统筹支付")
    P(x0 + 172, y + 2.6, "%.2f" % fund)
    L(12, 115, "收款单位（章）")
    doc.seal(48, 112, 26, hosp + "财务专用章"[:2], oval=True)
    L(120, 115, "收款人")
    P(134, 114.6, fake_name(rng, rng.random() < 0.6))
    L(165, 115, "日期")
    P(175, 114.6, b.isoformat())
    return [doc], total, num, "山东省医疗住院收费票据 %s (heldout6: pre-printed green paper form, fixed category grid, 财政 oval seal at the top, values laser-printed %.1f/%.1f mm off)" % (hosp, ox, oy)


def invoice_e6(rng, S, c, p, hosp):
    """An 电子票据 of 门诊 with a blue oval 监制章 at the top centre, 票据代码/号码/校验码/开票日期 in a 2×2 block under the
    title, items in three side-by-side groups (项目名称 数量 金额), the QR at the bottom right."""
    doc = Doc(240, 140, S=S)
    col = (150, 60, 40)
    title = "医疗门诊收费电子票据"
    doc.seal(120, 10, 22, "财政部票据监制章", colour=(40, 80, 170), oval=True)
    doc.text(120 + S.dx, 15, title, 15 * S.k, S.f("serifb"), col, "m", spacing=1.5)
    code, num = "37%06d" % rng.randrange(10 ** 6), "%010d" % rng.randrange(10 ** 10)
    check = "".join(rng.choice("0123456789abcdef") for _ in range(6))
    d = c.get("visit") or rand_date(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 25))
    for i, (lab, val) in enumerate([("票据代码", code), ("票据号码", num), ("校验码", check), ("开票日期", d.isoformat())]):
        x, y = 30 + (i % 2) * 100, 27 + (i // 2) * 6
        doc.text(x, y, lab + "：", 8.5 * S.k, S.f("sans"), col)
        doc.text(x + 20, y, val, 8.5 * S.k, S.f("mono"), S.c("ink"))
    doc.text(14, 42, "交款人：%s" % p["name"], 9 * S.k, S.f("sans"), S.c("ink"))
    doc.text(80, 42, "交款人统一社会信用代码：%s" % p["id_number"], 9 * S.k, S.f("sans"), S.c("ink"))
    doc.text(14, 48.5, "门诊号：%010d    就诊日期：%s    医保类型：%s" % (rng.randrange(10 ** 10), d.isoformat(), rng.choice(["职工医保", "居民医保"])),
             8.5 * S.k, S.f("sans"), S.c("ink"))
    items = []
    for n, unit, price in rng.sample(MED6, rng.randint(6, 12)):
        q = rng.randint(1, 3)
        items.append((n, "%d%s" % (q, unit), round(q * price, 2)))
    total = round(sum(a for _, _, a in items), 2)
    head = [("项目名称", 1, True), ("数量", 1, True), ("金额", 1, True)] * 3
    rows = [head]
    n = -(-len(items) // 3)
    for i in range(n):
        r = []
        for g in range(3):
            j = g * n + i
            r += [(items[j][0], 1, False), (items[j][1], 1, False), ("%.2f" % items[j][2], 1, False)] if j < len(items) else [("", 1, False)] * 3
        rows.append(r)
    y = grid6(doc, S, 12, 56, [34, 14, 23] * 3, rows, 8 * S.k, 6.4, colour=col, style="full")
    fund = round(total * rng.uniform(0.2, 0.6), 2)
    doc.rect(12, y, 225, y + 7, outline=col, w=0.25)
    doc.text(14, y + 1.4, "金额合计（大写）%s　　（小写）¥%.2f" % (rmb_upper(total), total), 8.5 * S.k, S.f("sans"), S.c("ink"))
    doc.rect(12, y + 7, 225, y + 14, outline=col, w=0.25)
    doc.text(14, y + 8.4, "其他信息：医保统筹基金支付 %.2f　个人现金支付 %.2f　业务流水号 %s" % (fund, total - fund, "".join(rng.choice("0123456789") for _ in range(16))),
             7.8 * S.k, S.f("sans"), S.c("ink"))
    doc.text(14, y + 19, "收款单位（章）：" + hosp, 8.5, S.f("sans"), S.c("ink"))
    doc.text(120, y + 19, "复核人：%s　　收款人：%s" % (fake_name(rng, True), fake_name(rng, False)), 8.5, S.f("sans"), S.c("ink"))
    doc.seal(64, y + 18, 28, hosp + "财务专用章"[:2], oval=True)
    doc.image(205, y + 15, 20, 20, qr_block(rng, 21))
    return [doc], total, num, "%s %s (heldout6: blue oval 监制章, 2×2 number block, items in three groups, QR bottom right)" % (title, hosp)


def k_invoice6(rng, S, c):
    """heldout6's invoices: a kiosk's thermal 门诊收费票据 (c["invoice_type"] "thermal"), the pre-printed paper 住院 form
    ("paper"; the 住院 bundle's), an 电子票据 with items in three groups ("einvoice")."""
    p = c["person"]
    t = c.get("invoice_type6") or ("paper" if c.get("invoice_type") == "inpatient" else rng.choice(["thermal", "einvoice"]))
    hosp = c.get("hospital") or rng.choice(HOSP)
    docs, total, num, note = {"thermal": invoice_thermal6, "paper": invoice_paper6, "einvoice": invoice_e6}[t](rng, S, c, p, hosp)
    if t in ("paper", "thermal"):   # paper only: scanned or photographed
        docs[0].paper_only = True
    else:   # an 电子票据 comes as a PDF
        docs[0].pdf_native = True
    return docs, {"name": p["name"]}, note + ", design %s" % S.name, {"total": "%.2f" % total, "invoice_number": num}


def k_expense_list6(rng, S, c):
    """heldout6: 费用明细清单 as a spreadsheet printout, landscape: a merged title row, grey header row, thin grid; in
    half the files the sheet's row numbers and column letters printed too; 执行科室 column; 第 1 页，共 2 页 and the print
    date at the foot."""
    p = c["person"]
    pages_n = c.get("pages", rng.choice([1, 2, 2]))
    hosp = c.get("hospital") or rng.choice(HOSP)
    a = c.get("admit", rand_date(rng, dt.date(2026, 5, 1), dt.date(2026, 10, 30)))
    b = c.get("discharge", a + dt.timedelta(days=rng.randint(3, 20)))
    heads = rng.random() < 0.5
    names = [("0.9%氯化钠注射液", "250ml", "袋", 3.8, "甲类", "病区药房"), ("头孢呋辛钠注射剂", "0.75g", "支", 12.6, "乙类", "病区药房"),
             ("血常规", "", "次", 20.0, "甲类", "检验科"), ("肝功能检查", "", "项", 88.0, "甲类", "检验科"), ("胸部CT平扫", "", "次", 180.0, "甲类", "放射科"),
             ("一级护理", "", "日", 28.0, "甲类", "护理单元"), ("床位费(三人间)", "", "日", 40.0, "甲类", "护理单元"),
             ("阿托伐他汀钙片", "20mg*7", "盒", 16.5, "乙类", "病区药房"), ("静脉输液", "", "组", 8.0, "甲类", "护理单元"),
             ("一次性输液器", "", "支", 2.5, "乙类", "供应室"), ("心电图", "", "次", 25.0, "甲类", "心电图室"), ("奥美拉唑肠溶胶囊", "20mg*14", "盒", 9.8, "甲类", "病区药房")]
    cols = ["序号", "费用日期", "项目编码", "项目名称", "规格", "单位", "单价", "数量", "金额", "医保类别", "执行科室"]
    colw = [12, 24, 34, 52, 22, 12, 18, 12, 22, 18, 28]
    letters = "ABCDEFGHIJK"
    title = rng.choice(["住院费用明细清单", "费用明细清单", "住院患者费用明细"])
    docs, grand, seq = [], 0.0, 0
    f = S.f("sans")
    for pi in range(pages_n):
        doc = Doc(297, 210, S=S)
        x0 = 14 + (7 if heads else 0) + S.dx
        y0 = 12 + (5 if heads else 0) + S.dy
        rh = 6.0
        nrows = rng.randint(18, 22)
        rows = []
        if pi == 0:
            rows.append(("title", hosp + title))
            rows.append(("info", "姓名：%s    住院号：%08d    科室：%s    入院日期：%s    出院日期：%s" % (
                p["name"], 20260000 + rng.randrange(10 ** 4), (c.get("diag") or rng.choice(DIAG))[1], a.isoformat(), b.isoformat())))
        rows.append(("head", None))
        for _ in range(nrows):
            n = rng.choice(names)
            q = rng.randint(1, 6)
            seq += 1
            grand += q * n[3]
            rows.append(("row", [str(seq), rand_date(rng, a, b).isoformat(), "%012d" % rng.randrange(10 ** 12),
                                 n[0], n[1], n[2], "%.2f" % n[3], str(q), "%.2f" % (q * n[3]), n[4], n[5]]))
        if pi == pages_n - 1:
            rows.append(("total", "%.2f" % grand))
        W = sum(colw)
        y = y0
        for ri, (kind, val) in enumerate(rows):
            xs = [x0]
            for w in colw:
                xs.append(xs[-1] + w)
            if kind in ("title", "info"):
                doc.rect(x0, y, x0 + W, y + (rh * 1.6 if kind == "title" else rh), outline=(200, 200, 200), w=0.15)
                if kind == "title":
                    doc.text(x0 + W / 2, y + 1.4, val, 13 * S.k, S.f("sansb"), (0, 0, 0), "m")
                else:
                    doc.text(x0 + 1.5, y + 1.3, val, 8 * S.k, f, (0, 0, 0))
                h = rh * 1.6 if kind == "title" else rh
            else:
                h = rh
                cells = cols if kind == "head" else val if kind == "row" else ["合计", "", "", "", "", "", "", "", val, "", ""]
                for ci, t in enumerate(cells):
                    if kind == "head":
                        doc.rect(xs[ci], y, xs[ci + 1], y + h, fill=(217, 217, 217))
                    doc.rect(xs[ci], y, xs[ci + 1], y + h, outline=(160, 160, 160), w=0.15)
                    if t:
                        sz = 7.6 * S.k
                        while doc.width(t, sz, f) > colw[ci] - 1.5 and sz > 4:
                            sz -= 0.25
                        right = kind == "row" and ci in (6, 7, 8)
                        doc.text(xs[ci + 1] - 0.8 if right else xs[ci] + 0.8, y + (h - sz * 25.4 / 72) / 2 - 0.2, t, sz,
                                 S.f("sansb") if kind != "row" else f, (0, 0, 0), "r" if right else "l")
            if heads:
                doc.rect(x0 - 7, y, x0, y + h, fill=(232, 232, 232), outline=(190, 190, 190), w=0.12)
                doc.text(x0 - 3.5, y + (h - 2.4) / 2 - 0.3, str(ri + 1), 6, f, (90, 90, 90), "m")
            y += h
        if heads:
            xs = [x0]
            for w in colw:
                xs.append(xs[-1] + w)
            for ci, L_ in enumerate(letters):
                doc.rect(xs[ci], y0 - 5, xs[ci + 1], y0, fill=(232, 232, 232), outline=(190, 190, 190), w=0.12)
                doc.text((xs[ci] + xs[ci + 1]) / 2, y0 - 4.3, L_, 6.5, f, (90, 90, 90), "m")
            doc.rect(x0 - 7, y0 - 5, x0, y0, fill=(232, 232, 232), outline=(190, 190, 190), w=0.12)
        doc.text(148.5, 200, "第 %d 页，共 %d 页" % (pi + 1, pages_n), 8, f, (60, 60, 60), "m")
        doc.text(283, 200, "打印日期：%s" % (b + dt.timedelta(days=rng.randint(1, 9))).strftime("%Y/%m/%d"), 8, f, (60, 60, 60), "r")
        docs.append(doc)
    return docs, {"name": p["name"]}, "%s %s (heldout6: a spreadsheet printout, landscape, %s), %d page(s), design %s" % (
        title, hosp, "with row numbers and column letters" if heads else "grid only", pages_n, S.name), {"total": "%.2f" % grand}


def k_poa6(rng, S, c):
    """heldout6: a person's 授权委托书 written by hand on ruled letter paper (the principal's signature with a red
    fingerprint); a unit's typed on the company's letterhead (mark, name, double rule, address and phone at the foot),
    its fields as pill or bar labels, the unit's seal."""
    pr, ag = c["principal"], c["agent"]
    unit = c.get("company")
    poa_agent_id = c.get("poa_agent_id", ag["id_number"])
    ag = dict(ag, name=c["poa_agent_name"]) if "poa_agent_name" in c else ag
    matter = c.get("matter", rng.choice(["医疗费用手工报销", "异地就医备案", "生育保险待遇申领", "参保信息变更"]))
    d = rand_date(rng, dt.date(2026, 9, 1), dt.date(2026, 11, 28))
    until = d + dt.timedelta(days=rng.choice([30, 90, 180]))
    doc = Doc(210, 297, S=S)
    if not unit:
        ink = rng.choice(HAND_INK)
        hs = rng.randrange(10 ** 6)
        red = (206, 90, 90)
        doc.line(18, 30, 192, 30, 0.8, red)
        doc.line(18, 31.3, 192, 31.3, 0.25, red)
        for ly in np.arange(44, 268, 10.0):
            doc.line(18, ly, 192, ly, 0.2, pale(red, 0.35))
        doc.text(105, 274, rng.choice(["信　笺", "便　笺"]), 8, S.f("serif"), pale(red, 0.2), "m")
        doc_hand(doc, 105 - hand_width(doc, "授权委托书", 19) / 2, 15, "授权委托书", 19, ink, hs)
        paras = ["委托人：%s，身份证号：%s。" % (pr["name"], pr["id_number"]),
                 "受托人：%s，身份证号：%s。" % (ag["name"], poa_agent_id),
                 "本人因%s，不能亲自到医保经办机构办理%s业务，现委托%s代为办理，受托人所签文件本人均予承认，由此产生的法律责任由本人承担。" % (
                     rng.choice(["身体原因", "在外地工作", "行动不便", "年纪大"]), matter, ag["name"]),
                 "委托期限：%d年%d月%d日至%d年%d月%d日。" % (d.year, d.month, d.day, until.year, until.month, until.day)]
        row = 0
        for i, para in enumerate(paras):
            first = hand_width(doc, "　　", 13) if i >= 2 else 0
            for j, ln in enumerate(hand_lines(doc, para, 13, 166, first)):
                doc_hand(doc, 21 + (first if j == 0 else 0), 44 + row * 10 - 6.9, ln, 13, ink, hs + 10 + row)
                row += 1
        yb = 44 + (row + 2) * 10 - 6.9
        doc_hand(doc, 96, yb, "委托人：" + pr["name"], 13, ink, hs + 200)
        doc_fprint(doc, 96 + hand_width(doc, "委托人：" + pr["name"], 13) + 7, yb + 2.5, 13, 17, hs + 201)
        doc_hand(doc, 96, yb + 20, "受托人：" + ag["name"], 13, ink, hs + 202)
        doc_hand(doc, 108, yb + 30, "%d年%d月%d日" % (d.year, d.month, d.day), 13, ink, hs + 203)
        note = "授权委托书 (person principal; heldout6: written by hand on ruled letter paper, a red fingerprint by the principal's name)"
    else:
        acc = S.c("accent")
        word = next((w for w in BIZ_WORDS if w in unit["name"]), unit["name"][3])
        logo6(doc, 18 + S.dx, 10, 15, acc, word[0], S.f("serifb"))
        doc.text(37 + S.dx, 11, unit["name"], 15 * S.k, S.f("serifb"), acc)
        doc.text(37 + S.dx, 20.5, "统一社会信用代码：" + unit["uscc"], 7.5, S.f("sans"), S.c("label"))
        doc.line(16, 28, 194, 28, 1.0, acc)
        doc.line(16, 29.5, 194, 29.5, 0.3, acc)
        doc.text(105 + S.dx, 38 + S.dy, "授 权 委 托 书", 18 * S.k, S.f("serifb"), S.c("ink"), "m")
        items = [("委托单位", unit["name"]), ("法定代表人", unit["rep"]["name"]), ("受托人", ag["name"]), ("身份证号码", poa_agent_id),
                 ("联系电话", "1%d" % rng.randrange(3 * 10 ** 9, 9 * 10 ** 9)), ("委托事项", "代为办理本单位" + matter + "业务"),
                 ("委托期限", "%s至%s" % (cn_date(d), cn_date(until)))]
        y = kv6(doc, S, 24 + S.dx, 56 + S.dy, items, 11 * S.k, 32, gap=2.15, font="serif", vfont="sans", wrap=125)
        y = doc.para(24, y + 4, 162, "受托人在上述期限和事项范围内所签署的文件，本单位均予以承认，并承担相应的法律责任。", 11 * S.k, S.f("serif"), S.c("ink"), lh=1.8)
        doc.text(110, y + 16, "委托单位（盖章）：", 11, S.f("serif"), S.c("ink"))
        doc.seal(165, y + 18, 40, unit["name"])
        doc.text(110, y + 32, "法定代表人（签字）：", 11, S.f("serif"), S.c("ink"))
        doc.sign(152, y + 29, 28, 10, rng.randrange(10 ** 6))
        doc.text(110, y + 46, cn_date(d, True), 11, S.f("serif"), S.c("ink"))
        doc.line(16, 280, 194, 280, 0.3, acc)
        doc.text(105, 282.5, "地址：%s　　电话：0539-%07d" % (unit["address"], rng.randrange(10 ** 7)), 7, S.f("sans"), (100, 100, 100), "m")
        note = "授权委托书 (unit principal; heldout6: typed on the company's letterhead, %s labels)" % S.lab
    facts = {"principal_name": unit["name"] if unit else pr["name"], "agent_name": ag["name"], "agent_id_number": poa_agent_id}
    if not unit:
        facts["principal_id_number"] = pr["id_number"]
    return [doc], facts, note + ", design %s" % S.name, {"matter": matter}


def k_commitment6(rng, S, c):
    """heldout6: a 承诺书 (a title of forms/named) written by hand on 方格稿纸 (20 × 20 squares, one character a square)
    when c["commit_style"] is "grid"; otherwise printed with a ruled table of the person and 承诺事项, signed by hand with
    a red fingerprint."""
    p = c["person"]
    title = c.get("commit_title") or rng.choice(commitment_titles())
    matter = c.get("matter", "相关医疗保障业务")
    d = rand_date(rng, dt.date(2026, 9, 1), dt.date(2026, 11, 28))
    phone = "1%d" % rng.randrange(3 * 10 ** 9, 9 * 10 ** 9)
    pledge = rng.choice(["本人配偶目前无工作单位，未参加职工基本医疗保险；", "本次医疗费用未在其他任何单位或机构报销；", "本人长期居住在异地；",
                         "本次受伤无第三方责任；", ""])
    doc = Doc(210, 297, S=S)
    ink = rng.choice(HAND_INK)
    hs = rng.randrange(10 ** 6)
    style = c.get("commit_style") or rng.choice(["grid", "form"])
    if style == "grid":
        gcol = rng.choice([(54, 140, 90), (200, 70, 60)])
        cell, gap, x0, y0 = 8.5, 3.3, 20.0, 24.0
        rows_n = 20
        for r in range(rows_n):
            y = y0 + r * (cell + gap)
            doc.rect(x0, y, x0 + 20 * cell, y + cell, outline=gcol, w=0.3)
            for ci in range(1, 20):
                doc.line(x0 + ci * cell, y, x0 + ci * cell, y + cell, 0.15, gcol)
        doc.rect(x0 - 1.5, y0 - 1.5, x0 + 20 * cell + 1.5, y0 + rows_n * (cell + gap) - gap + 1.5, outline=gcol, w=0.6)
        doc.text(x0 + 20 * cell, y0 + rows_n * (cell + gap) + 0.5, "20×20＝400", 7, S.f("serif"), gcol, "r")
        cells = []   # (row, col, char)

        def put(text, row, col):
            for ch in text:
                if col >= 20:
                    row, col = row + 1, 0
                cells.append((row, col, ch))
                col += 1
            return row, col
        tcol = max(0, (20 - len(title)) // 2)
        put(title, 0, tcol)
        body = "%s医疗保障局：本人%s，身份证号码%s，现申请办理%s。本人郑重承诺：%s所提供的材料及填报的信息真实、准确、完整，如有虚假，本人愿意退回已享受的待遇并承担相应的法律责任。" % (
            PLACES[p["area"]][0].replace("山东省", ""), p["name"], p["id_number"], matter, pledge)
        head, rest = body.split("：", 1)
        r, cc = put(head + "：", 2, 0)
        r, cc = put(rest, r + 1, 2)
        r, cc = put("特此承诺。", r + 1, 2)
        sign = "承诺人：" + p["name"]
        r, cc = put(sign, r + 2, 20 - len(sign) - 1)
        dd = "%d年%d月%d日" % (d.year, d.month, d.day)
        put(dd, r + 1, 20 - len(dd) - 1)
        for (r, col, ch) in cells:
            sz = 15.5   # a stop or comma sits low in the left of its square, as its full-width glyph does
            xw = hand_width(doc, ch, sz)
            doc_hand(doc, x0 + col * cell + (cell - xw) / 2, y0 + r * (cell + gap) + 0.6, ch, sz, ink, hs + r * 20 + col)
        note = "%s (heldout6: written by hand on 方格稿纸, one character a square)" % title
    else:
        y = doc.para(24, 24 + S.dy, 162, title, 18 * S.k, S.f("serifb"), S.c("ink"), lh=1.3, indent=0) if len(title) > 12 else None
        if y is None:
            doc.text(105 + S.dx, 24 + S.dy, title, 18 * S.k, S.f("serifb"), S.c("ink"), "m", spacing=1.5)
            y = 36 + S.dy
        rows = [[("姓名", 1, True), (p["name"], 1, False), ("性别", 1, True), (p["sex"], 1, False)],
                [("身份证号码", 1, True), (p["id_number"], 3, False)],
                [("联系电话", 1, True), (phone, 1, False), ("办理事项", 1, True), (matter, 1, False)],
                [("住址", 1, True), (p["address"], 3, False)]]
        y = grid6(doc, S, 20, y + 6, [30, 55, 30, 60], rows, 10.5 * S.k, 11, style="full", fill_labels=pale(S.c("tint"), 0.1))
        lab6(doc, S, 22, y + 7, "承诺事项", 10.5 * S.k)
        body = "本人郑重承诺：%s所提供的材料及填报的信息真实、准确、完整，如有虚假，本人愿意退回已享受的待遇并承担相应的法律责任。" % pledge
        y = doc.para(22, y + 15, 166, body, 11.5 * S.k, S.f("serif"), S.c("ink"), lh=1.9)
        doc.text(96, y + 14, "承诺人（签字并按手印）：", 11, S.f("serif"), S.c("ink"))
        doc_hand(doc, 146, y + 12.5, p["name"], 13, ink, hs)
        doc_fprint(doc, 146 + hand_width(doc, p["name"], 13) + 8, y + 15, 12, 16, hs + 1)
        doc_hand(doc, 124, y + 28, "%d年%d月%d日" % (d.year, d.month, d.day), 11, ink, hs + 2)
        note = "%s (heldout6: printed with a ruled table of the person, signed by hand with a red fingerprint)" % title
    return [doc], {"name": p["name"], "id_number": p["id_number"]}, note + ", design %s" % S.name, {"title": title}


def k_med_license6(rng, S, c):
    """heldout6: the 医疗机构执业许可证 as an 电子证照 printout: title with an （电子证照） tag, QR with the 证照编号, the
    fields in an open table (horizontal rules only), the legal note and the download time."""
    co = c["company"]
    frm, until = c["lic_valid"]
    doc = Doc(210, 297, S=S)
    acc = S.c("accent")
    doc.image(97, 14, 16, 16, emblem())
    doc.text(105 + S.dx, 34 + S.dy, "医疗机构执业许可证", 21 * S.k, S.f("serifb"), (186, 22, 28), "m", spacing=1.5)
    tw = doc.width("（电子证照）", 9, S.f("sans"))
    doc_rrect(doc, 105 - tw / 2 - 2, 47 + S.dy, 105 + tw / 2 + 2, 53.5 + S.dy, 2.5, fill=acc)
    doc.text(105, 48 + S.dy, "（电子证照）", 9, S.f("sans"), (255, 255, 255), "m")
    org = co["uscc"][8:17]
    lic = org + co["area"] + "%02d%s%04d" % (rng.randint(10, 19), rng.choice("ABCDJ"), rng.randint(1001, 1999))
    doc.image(158, 12, 30, 30, qr_block(rng))
    ident = "%s%s%08d" % (co["area"], frm.strftime("%Y"), rng.randrange(10 ** 8))
    doc.text(173, 43, "证照编号", 6.5, S.f("sans"), (90, 90, 90), "m")
    doc.text(173, 46.5, ident, 6.5, S.f("mono"), (90, 90, 90), "m")
    auth = PLACES[co["area"]][0].replace("山东省", "") + "卫生健康局"
    rows = [[("机构名称", 1, True), (co["name"], 1, False)], [("地　　址", 1, True), (co["address"], 1, False)],
            [("法定代表人", 1, True), (co["rep"]["name"], 1, False)], [("主要负责人", 1, True), (co["rep"]["name"], 1, False)],
            [("诊疗科目", 1, True), (rng.choice(["内科；外科；预防保健科；医学检验科", "全科医疗科；中医科；口腔科", "内科；妇产科；儿科；医学影像科"]), 1, False)],
            [("登记号", 1, True), (lic, 1, False)], [("有效期限", 1, True), ("自%s至%s" % (cn_date(frm), cn_date(until)), 1, False)],
            [("发证机关", 1, True), (auth, 1, False)], [("发证日期", 1, True), (cn_date(frm), 1, False)]]
    y = grid6(doc, S, 22 + S.dx, 64 + S.dy, [36, 130], rows, 10.5 * S.k, 13, style="open")
    doc.seal(150, y + 18, 40, auth)
    doc.para(22, y + 44, 166, "本电子证照依据《国务院关于在线政务服务的若干规定》制发，与纸质证照具有同等法律效力，可通过扫描二维码核验。",
             8.5, S.f("sans"), (90, 90, 90), lh=1.6, indent=0)
    dl = dt.datetime(2026, 11, rng.randint(10, 30), rng.randint(8, 17), rng.randint(0, 59), rng.randint(0, 59))
    doc.text(105, 284, "下载时间：" + dl.strftime("%Y-%m-%d %H:%M:%S") + "　　山东省电子证照共享服务平台", 7.5, S.f("sans"), (120, 120, 120), "m")
    exp = until < TODAY
    return [doc], {"unit_name": co["name"], "license_number": lic, "valid_from": iso(frm), "valid_until": iso(until)}, \
        "医疗机构执业许可证 (heldout6: an 电子证照 printout, open table, QR with 证照编号), design %s%s" % (S.name, ", EXPIRED" if exp else ""), {"expired": exp}


def k_drug_license6(rng, S, c):
    """heldout6: 药品经营许可证 （正本） portrait, in a frame of small rings, a large faint emblem watermark behind the
    fields, labels as pills or bars, 签发人, a QR at the bottom left."""
    co = c["company"]
    frm, until = c["lic_valid"]
    doc = Doc(210, 297, bg=(254, 253, 249), S=S)
    acc = S.c("accent")
    doc.rect(9, 9, 201, 288, outline=acc, w=1.0)
    doc.rect(14, 14, 196, 283, outline=acc, w=0.3)
    ornament6(doc, 11.5, 11.5, 198.5, 285.5, pale(acc, 0.3), "ring", 4.2)
    doc.image(55, 100, 100, 100, pale_emblem(400, 0.9))
    doc.text(105 + S.dx, 30 + S.dy, "药品经营许可证", 24 * S.k, S.f("serifb"), (180, 22, 26), "m", spacing=2.5)
    doc.text(105, 46 + S.dy, "（正　本）", 11 * S.k, S.f("serif"), S.c("ink"), "m")
    lic = "鲁%s%s%04d" % (rng.choice(["AA", "DA", "CA", "CB"]), "539", rng.randrange(10000))
    items = [("证　　号", lic), ("企业名称", co["name"]), ("统一社会信用代码", co["uscc"]), ("注册地址", co["address"]),
             ("法定代表人", co["rep"]["name"]), ("企业负责人", co["rep"]["name"]), ("质量负责人", fake_name(rng, True)),
             ("经营方式", rng.choice(["零售", "零售（单体）", "零售（连锁）"])), ("经营范围", "中成药、化学药、生物制品（除疫苗）"),
             ("仓库地址", "无"), ("有效期至", cn_date0(until))]
    y = kv6(doc, S, 26 + S.dx, 62 + S.dy, items, 10.5 * S.k, 38, gap=2.05, font="serif", vfont="serif", wrap=118)
    auth = PLACES[co["area"]][0].replace("山东省", "")[:3] + "行政审批服务局"
    by = max(y + 16, 236)
    doc.text(148, by, "发证机关：" + auth, 10, S.f("serif"), S.c("ink"), "m")
    doc.text(148, by + 9, "签发人：" + fake_name(rng, False) + "　　签发日期：" + cn_date0(frm), 9.5, S.f("serif"), S.c("ink"), "m")
    doc.seal(150, by + 1, 38, auth)
    doc.image(24, by - 8, 24, 24, qr_block(rng))
    exp = until < TODAY
    return [doc], {"unit_name": co["name"], "license_number": lic, "uscc": co["uscc"], "valid_until": iso(until)}, \
        "药品经营许可证 (正本; heldout6: a frame of rings, an emblem watermark, %s labels, 签发人, QR), design %s%s" % (
            S.lab, S.name, ", EXPIRED" if exp else ""), {"expired": exp}


def k_other6(rng, S, c):
    """Not a 医保 material: a 机动车驾驶证 (a card with a name and an ID number as 证号), a 准考证, the first page of a
    房屋租赁合同, a 收据 from a receipt book filled in by hand through carbon paper."""
    t = c.get("other") or rng.choice(["driving", "admission", "lease", "receipt"])
    p = make_person(rng)
    if t == "driving":
        doc = Doc(88, 60, S=S, card=True)
        doc_grad(doc, 0, 0, 88, 60, (236, 244, 238), (226, 236, 246))
        micro6(doc, (220, 230, 226), "JIASHIZHENG ", 1.6, 1.6)
        doc.text(44, 2.5, "中华人民共和国机动车驾驶证", 8.5, S.f("sansb"), (20, 90, 60), "m", spacing=0.3)
        doc.text(44, 7.0, "Driving License of the People's Republic of China", 3.6, S.f("sans"), (20, 90, 60), "m")
        first = rand_date(rng, dt.date(2006, 1, 1), dt.date(2022, 12, 31))
        frm = add_years(first, 6 * rng.randint(0, 2))
        items = [("证号", p["id_number"]), ("姓名", p["name"] + "　性别 " + p["sex"] + "　国籍 中国"), ("住址", p["address"][:16]),
                 ("出生日期", p["birth"].isoformat()), ("初次领证日期", first.isoformat()), ("准驾车型", rng.choice(["C1", "C2", "A2", "B1"])),
                 ("有效期限", "%s 至 %s" % (frm.isoformat(), add_years(frm, 10).isoformat()))]
        y = 12.0
        for lab, val in items:
            doc.text(4, y + 0.3, lab, 4.3, S.f("sans"), (60, 90, 70))
            doc.text(19, y, val, 5.4, S.f("mono") if lab == "证号" else S.f("sans"), S.c("ink"))
            y += 5.6
        doc.image(66, 12, 18, 23, portrait(rng, p["female"], (232, 240, 246)))
        doc.seal(72, 44, 18, PLACES[p["area"]][0].replace("山东省", "")[:3] + "公安局交通警察支队")
        note = "机动车驾驶证"
    elif t == "admission":
        doc = Doc(210, 148.5, S=S)
        doc.text(105, 10, "2027年山东省%s考试" % rng.choice(["事业单位公开招聘", "专业技术人员职业资格", "成人高等教育招生"]), 13 * S.k, S.f("sansb"), S.c("ink"), "m")
        doc.text(105, 19, "准　考　证", 17 * S.k, S.f("serifb"), S.c("accent"), "m")
        rows = [[("姓名", 1, True), (p["name"], 1, False), ("性别", 1, True), (p["sex"], 1, False)],
                [("身份证号", 1, True), (p["id_number"], 3, False)],
                [("准考证号", 1, True), ("%012d" % rng.randrange(10 ** 12), 3, False)],
                [("考点", 1, True), (PLACES[p["area"]][0].replace("山东省", "") + rng.choice(["第一中学", "职业学院", "实验中学"]), 3, False)],
                [("考场", 1, True), ("第%02d考场" % rng.randint(1, 60), 1, False), ("座位号", 1, True), ("%02d" % rng.randint(1, 30), 1, False)]]
        y = grid6(doc, S, 16, 32, [26, 50, 24, 40], rows, 10 * S.k, 10, style="full")
        doc.image(162, 32, 32, 42, portrait(rng, p["female"], (230, 236, 246)))
        doc.para(16, y + 5, 178, "考生须知：1.考生须凭准考证和有效居民身份证参加考试；2.开考30分钟后不得入场；3.严禁携带通讯工具进入考场。",
                 8.5 * S.k, S.f("sans"), S.c("ink"), lh=1.6, indent=0)
        note = "准考证"
    elif t == "lease":
        q = make_person(rng)
        doc = Doc(210, 297, S=S)
        doc.text(105, 24, "房屋租赁合同", 20 * S.k, S.f("serifb"), S.c("ink"), "m", spacing=2)
        y = kv6(doc, S, 24, 44, [("出租方（甲方）", q["name"]), ("身份证号码", q["id_number"]), ("承租方（乙方）", p["name"]),
                                  ("身份证号码", p["id_number"])], 11 * S.k, 42, gap=2.0, font="serif", vfont="sans")
        for i, t_ in enumerate(["第一条　房屋基本情况：甲方将坐落于%s的房屋出租给乙方居住使用，建筑面积%d平方米。" % (q["address"], rng.randint(45, 140)),
                                "第二条　租赁期限：自2026年%d月1日起至2027年%d月31日止。" % (rng.randint(1, 6), rng.randint(1, 6)),
                                "第三条　租金及支付方式：月租金人民币%d元整，按季度支付，乙方应于每季度首月5日前交付。" % rng.choice([800, 1200, 1500, 2000]),
                                "第四条　甲方应保证房屋及设施安全，乙方应合理使用并爱护房屋及附属设施，不得擅自转租。"]):
            y = doc.para(24, y + 4, 162, t_, 11 * S.k, S.f("serif"), S.c("ink"), lh=1.8, indent=0) + 2
        doc.text(105, 287, "第 1 页 共 3 页", 8, S.f("sans"), (100, 100, 100), "m")
        note = "房屋租赁合同, first page"
    else:
        doc = Doc(190, 95, bg=(246, 240, 244), S=S)
        carbon = (78, 62, 150)
        hs = rng.randrange(10 ** 6)
        red = (200, 40, 50)
        doc.text(95, 7, "收　　据", 16, S.f("serifb"), red, "m", spacing=1)
        doc.text(150, 9, "NO.", 9, S.f("sansb"), red)
        doc.text(158, 8.6, "%07d" % rng.randrange(10 ** 7), 11, S.f("mono"), red)
        d = rand_date(rng, dt.date(2026, 9, 1), dt.date(2026, 11, 28))
        xs_ = 128.0
        for part, unit in ((str(d.year), "年"), (str(d.month), "月"), (str(d.day), "日")):
            doc_hand(doc, xs_ - hand_width(doc, part, 10) - 0.8, 19.6, part, 10, carbon, hs + int(xs_))
            doc.text(xs_, 21, unit, 9, S.f("serif"), red)
            xs_ += 13.0
        what = rng.choice([("保育费", "育苗幼儿园"), ("物业费", "和谐家园物业"), ("房屋押金", fake_name(rng, False)), ("报名费", "阳光培训学校")])
        amt = rng.choice([300, 600, 1200, 1800, 2400])
        for i, (lab, val, w) in enumerate([("今收到", p["name"], 60), ("交　来", what[0], 60), ("人民币（大写）", rmb_upper(amt), 70)]):
            y = 32 + i * 12
            doc.text(18, y, lab, 10, S.f("serif"), red)
            x = 18 + doc.width(lab, 10, S.f("serif")) + 2
            doc.line(x, y + 5.2, x + w + 40, y + 5.2, 0.25, red)
            doc_hand(doc, x + 4, y - 1.4, val, 11, carbon, hs + i + 1)
        doc.text(140, 56, "¥", 10, S.f("serif"), red)
        doc_hand(doc, 146, 54.6, "%d.00" % amt, 11, carbon, hs + 9)
        doc.text(18, 74, "收款单位（盖章）", 9, S.f("serif"), red)
        doc.text(100, 74, "收款人", 9, S.f("serif"), red)
        doc_hand(doc, 114, 72.6, fake_name(rng, True), 10, carbon, hs + 10)
        doc.text(145, 74, "交款人", 9, S.f("serif"), red)
        doc.seal(50, 74, 24, what[1] if len(what[1]) > 4 else "财务专用章", colour=(200, 40, 50))
        doc.text(186, 88, "第二联　收据（交款人）", 6.5, S.f("serif"), red, "r")
        note = "收据 (%s), filled in by hand through carbon paper" % what[0]
    return [doc], {}, "other: %s (heldout6), design %s" % (note, S.name), {}


def cover6(rng, S, doc, c, mode):
    """Page 1 of a file whose material is on page 2 (same size as that page): a fax cover, a 申报材料 cover sheet, or
    the printout of an e-mail that carried the material."""
    cv = Doc(doc.w, doc.h, S=S)
    W = cv.w
    p = c.get("person") or c.get("agent") or make_person(rng)
    d = rand_date(rng, dt.date(2026, 11, 1), dt.date(2026, 11, 28))
    if mode == "fax":
        cv.text(W / 2, 22, "传　　真", 22, S.f("serifb"), (0, 0, 0), "m")
        cv.text(W / 2, 34, "FAX", 12, S.f("sans"), (0, 0, 0), "m")
        y = kv6(cv, S, 28, 50, [("收件人", PLACES[p["area"]][0].replace("山东省", "") + "医疗保障局 经办科"), ("发件人", p["name"]),
                                 ("日　期", cn_date(d)), ("页　数", "共 2 页（含本页）"), ("主　题", "申报材料，请查收")], 12, 28, gap=2.2)
        cv.line(24, y + 4, W - 24, y + 4, 0.6, (0, 0, 0))
        cv.para(28, y + 12, W - 56, "如有页数不全或字迹不清，请与发件人联系。", 11, S.f("sans"), (0, 0, 0), indent=0)
        what = "a fax cover sheet"
    elif mode == "folder":
        cv.text(W / 2, 40, "医疗保障业务申报材料", 20, S.f("serifb"), S.c("ink"), "m", spacing=1)
        y = kv6(cv, S, 40, 70, [("申请人（单位）", (c.get("company") or {}).get("name") or p["name"]), ("业务类型", c.get("matter", "待遇申领")),
                                 ("报送日期", cn_date(d))], 12, 40, gap=2.4)
        cv.text(40, y + 8, "材料清单：", 12, S.f("sansb"), S.c("ink"))
        for i, m in enumerate(["1. 申请表", "2. 有效身份证件复印件", "3. 相关证明材料", "4. 其他材料"]):
            cv.text(48, y + 18 + i * 9, "□ " + m, 11, S.f("sans"), S.c("ink"))
        what = "a 申报材料 cover sheet"
    else:
        cv.text(20, 16, "主题：" + rng.choice(["材料", "申报材料扫描件", "报销材料"]), 13, S.f("sansb"), (20, 20, 20))
        y = 26
        for lab, val in (("发件人", "%s <%s@163.com>" % (p["name"], "".join(rng.choice("abcdefghkmnpqrstwxyz") for _ in range(7)))),
                         ("时　间", d.strftime("%Y年%m月%d日 ") + "%02d:%02d" % (rng.randint(8, 22), rng.randint(0, 59))),
                         ("收件人", "ybj_jbk@%s.gov.cn" % rng.choice(["linyi", "lanshan", "luozhuang"])), ("附　件", "1 个（%s.pdf）" % rng.choice(["材料", "扫描件", "附件1"]))):
            cv.text(20, y, lab + "：", 9, S.f("sans"), (110, 110, 110))
            cv.text(36, y, val, 9, S.f("sans"), (20, 20, 20))
            y += 6
        cv.line(18, y + 2, W - 18, y + 2, 0.3, (180, 180, 180))
        cv.para(20, y + 8, W - 40, "您好，材料见附件，请查收。谢谢！", 10, S.f("sans"), (20, 20, 20), indent=0)
        what = "the printout of the e-mail that carried it"
    return cv, what


KINDS6 = {"id-card-front": k_id_front6, "id-card-back": k_id_back6, "social-security-card": k_ssc6, "household-register": k_household6,
          "residence-permit": k_residence_permit6, "residence-permit-receipt": k_rp_receipt6, "business-license": k_business_license6,
          "uscc-certificate": k_uscc_cert6, "approval-document": k_approval6, "marriage-certificate": k_marriage6, "birth-certificate": k_birth6,
          "diagnosis": k_diagnosis6, "discharge-record": k_discharge6, "medical-record": k_medical_record6, "medical-invoice": k_invoice6,
          "expense-list": k_expense_list6, "bank-card": k_bank6, "power-of-attorney": k_poa6, "commitment-letter": k_commitment6,
          "medical-institution-license": k_med_license6, "drug-license": k_drug_license6, "other": k_other6}


# heldout6's captures: scans at 300 dpi greyscale for an LZW TIFF, a copier's ID card copy (front and back side by side),
# a scanning app's flattened and whitened picture, received faxes (204 × 196 dpi, 1 bit, header line, some with a cover
# page), material on page 2; photos on marble, counter glass, kraft board or car-seat fabric, with a flash, of a page in
# a punched plastic sleeve, of a phone's screen, with a watermark camera's stamp; photos forwarded through a chat app
# (1080/1280 px, JPEG q70, no EXIF); app screenshots, PNGs with alpha

def noise_field6(g, h, w, cells):
    """Smooth noise in [0, 1], h × w, from a cells × cells grid."""
    a = (g.random((cells, cells)) * 255).astype("uint8")
    return np.asarray(Image.fromarray(a).resize((w, h), Image.BICUBIC)).astype(np.float32) / 255


def bg6(rng, W, H, t):
    """A surface none of the older splits uses: white marble with grey veins, a service counter's blue-grey glass with
    a reflection, kraft cardboard, dark car-seat fabric."""
    sm = (max(8, W // 4), max(8, H // 4))
    g = np.random.default_rng(rng.randrange(2 ** 32))
    yy, xx = np.mgrid[0:sm[1], 0:sm[0]].astype(np.float32)
    if t == "marble":
        nf = noise_field6(g, sm[1], sm[0], 5)
        nf2 = noise_field6(g, sm[1], sm[0], 23)
        v = np.abs(np.sin((xx * 0.5 + yy * 0.3) / (sm[0] / 5.0) + nf * 5.0 + nf2 * 1.6))
        arr = np.full((sm[1], sm[0], 3), 234, np.float32) * np.array([1.0, 0.99, 0.975], np.float32)
        arr -= (np.clip(0.05 - v, 0, 0.05) / 0.05 * 34 * nf2)[..., None]
        arr -= ((nf2 - 0.5) * 14 + nf * 8)[..., None]
    elif t == "glass":
        base = np.array([150, 172, 182], np.float32)
        band = np.exp(-(((xx - yy * 0.6) - sm[0] * rng.uniform(0.2, 0.7)) / (sm[0] * 0.08)) ** 2)
        arr = base[None, None, :] * (0.9 + 0.1 * yy / sm[1])[..., None] + (band * 60)[..., None]
    elif t == "kraft":
        base = np.array([184, 146, 102], np.float32)
        arr = base[None, None, :] + (g.normal(0, 7, (sm[1], sm[0])) + (noise_field6(g, sm[1], sm[0], 10) - 0.5) * 24)[..., None]
    else:
        base = np.array([48, 50, 58], np.float32)
        weave = np.sin(xx * 2.1) * np.sin(yy * 2.1) * 7
        arr = base[None, None, :] + weave[..., None] + g.normal(0, 3, (sm[1], sm[0], 1))
    return Image.fromarray(arr.clip(0, 255).astype("uint8")).resize((W, H), Image.BICUBIC), {"marble": "white marble", "glass": "a service counter's glass",
                                                                                           "kraft": "kraft cardboard", "fabric": "dark car-seat fabric"}[t]


def phone_screen6(doc, rng, Wpx, land=False):
    """A phone held up showing doc (an app screen as it is; a picture of a page or card in the gallery, the phone turned
    sideways for a landscape one): RGBA of the phone's body and screen, the screen's pixel grid beating with the
    camera's (moiré) and its glow. Wpx: the phone's width as held."""
    sw = Wpx
    sh = int(sw * 2.16) if not land else int(sw / 2.16)
    short = min(sw, sh)
    bez = int(short * 0.035)
    body = Image.new("RGBA", (sw, sh), (0, 0, 0, 0))
    ImageDraw.Draw(body).rounded_rectangle([0, 0, sw - 1, sh - 1], radius=int(short * 0.12), fill=(18, 18, 20, 255))
    cw, ch = sw - 2 * bez, sh - 2 * bez
    if getattr(doc, "app", False):
        scr = render(doc, cw / (doc.w / 25.4)).resize((cw, ch), Image.LANCZOS)
    else:
        scr = Image.new("RGB", (cw, ch), (16, 16, 18))
        dpi = min(cw * 0.98 / (doc.w / 25.4), ch * 0.9 / (doc.h / 25.4))
        pg = render(doc, dpi)
        scr.paste(pg, ((cw - pg.width) // 2, (ch - pg.height) // 2))
    a = np.asarray(scr).astype(np.float32)
    moire4(a, rng, rng.uniform(0.04, 0.07), screen=True)
    a = a * 0.94 + 14
    scr = Image.fromarray(a.clip(0, 255).astype("uint8"))
    m = Image.new("L", (cw, ch), 0)
    ImageDraw.Draw(m).rounded_rectangle([0, 0, cw - 1, ch - 1], radius=int(short * 0.09), fill=255)
    body.paste(scr, (bez, bez), m)
    return body


def two_cards6(docs, dpi, rng):
    """Front and back laid side by side (one photo of both): one RGBA image."""
    ims = [rounded_card(render(d, dpi), dpi) for d in docs]
    gap = int(rng.uniform(6, 14) / 25.4 * dpi)
    dy = int(rng.uniform(-4, 4) / 25.4 * dpi)
    W = ims[0].width + ims[1].width + gap
    H = max(ims[0].height, ims[1].height) + abs(dy)
    out = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    out.paste(ims[0], (0, max(0, -dy)), ims[0])
    out.paste(ims[1], (ims[0].width + gap, max(0, dy)), ims[1])
    return out


def photo6(docs, rng, card, S, extra="none", surface="marble"):
    """heldout6's phone photo on a surface (surface), in turn with a flash (hot spot, dark corners), of a page in a clear
    punched sleeve (haze, a glare band, the holes), of a phone's screen showing the document, with a watermark camera's
    stamp, plain. Front and back cards photographed together side by side. Returns (upright image, how)."""
    L = int(rng.choice([2000, 2400, 2400, 3000]))
    d = docs[0]
    pair = card and len(docs) == 2
    dw, dh = (d.w * 2 + 10, d.h) if pair else (d.w, d.h)
    sideways = extra == "screen" and not getattr(d, "app", False) and d.w > d.h
    if extra == "screen":
        dw, dh = (156, 72) if sideways else (72, 156)
    fwd = extra in ("forward", "watermark")   # to be sent on: framed to the document, held square to it
    land = (dw > dh) == (fwd or rng.random() < 0.85)
    W, H = (L, int(L * 3 / 4)) if land else (int(L * 3 / 4), L)
    bg, bgname = bg6(rng, W, H, surface)
    extras = []
    frac = rng.uniform(0.82, 0.9) if pair or fwd or extra == "screen" else rng.uniform(0.62, 0.8) if card else rng.uniform(0.72, 0.88)
    dpi = min(W * frac / (dw / 25.4), H * frac / (dh / 25.4))
    if extra == "screen":
        im = phone_screen6(d, rng, int(dw / 25.4 * dpi), sideways)
        extras.append("a phone's screen showing it%s (moiré of the pixel grid)" % (", the phone turned sideways" if sideways else ""))
    elif pair:
        im = two_cards6(docs, dpi, rng)
        extras.append("front and back side by side in one photo")
    else:
        im = render(d, dpi)
        im = rounded_card(im, dpi) if card else im.convert("RGBA")
    sleeve_mask = None
    if extra == "sleeve":   # a clear punched sleeve around the page: film beyond the page, its holes at the left
        k = dpi / 25.4
        padl, pad = int(12 * k), int(4 * k)
        sl = Image.new("RGBA", (im.width + padl + pad, im.height + pad * 2), (255, 255, 255, 40))
        dr = ImageDraw.Draw(sl)
        for i in range(11):
            cy = pad + im.height * (i + 0.5) / 11
            r = 2.6 * k
            dr.ellipse([padl * 0.45 - r, cy - r, padl * 0.45 + r, cy + r], fill=(0, 0, 0, 0), outline=(255, 255, 255, 120), width=max(1, int(k * 0.3)))
        dr.rectangle([0, 0, sl.width - 1, sl.height - 1], outline=(255, 255, 255, 150), width=max(1, int(k * 0.35)))
        sl.paste(im, (padl, pad), im)
        im = sl
        extras.append("in a clear punched plastic sleeve (haze, a glare band, the holes)")
    w, h = im.size
    cx, cy = W / 2 + rng.uniform(-0.05, 0.05) * W, H / 2 + rng.uniform(-0.05, 0.05) * H
    rot = math.radians(rng.uniform(-6, 6))
    j = 0.035 * max(w, h)
    corners = []
    for (px, py) in [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]:
        corners.append((cx + px * math.cos(rot) - py * math.sin(rot) + rng.uniform(-j, j), cy + px * math.sin(rot) + py * math.cos(rot) + rng.uniform(-j, j)))
    shrink = rng.uniform(0.03, 0.13)
    corners[0] = (corners[0][0] + shrink * w / 2, corners[0][1] + shrink * h * 0.35)
    corners[1] = (corners[1][0] - shrink * w / 2, corners[1][1] + shrink * h * 0.35)
    co = persp_coeffs([(0, 0), (w, 0), (w, h), (0, h)], corners)
    warped = im.transform((W, H), Image.PERSPECTIVE, co, Image.BICUBIC)
    alpha = warped.getchannel("A")
    shadow = alpha.filter(ImageFilter.GaussianBlur(max(4, W // 150)))
    off = int(W * 0.006)
    bg.paste((20, 20, 20), (off, off), shadow.point(lambda a: int(a * 0.45)))
    bg.paste(warped.convert("RGB"), (0, 0), alpha)
    if extra == "sleeve":
        sleeve_mask = np.asarray(alpha.point(lambda a: 255 if a > 0 else 0).filter(ImageFilter.GaussianBlur(2))).astype(np.float32) / 255
    arr = np.asarray(bg).astype(np.float32)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    if extra == "sleeve":
        arr = arr * (1 - 0.06 * sleeve_mask[..., None]) + 255 * 0.06 * sleeve_mask[..., None]
        ang = rng.uniform(0.5, 1.1)
        c0 = rng.uniform(0.3, 0.7) * W
        dist = (xx - c0) * math.cos(ang) + (yy - H / 2) * math.sin(ang)
        band = np.exp(-(dist / (rng.uniform(0.04, 0.08) * L)) ** 2) * rng.uniform(0.35, 0.55) * sleeve_mask
        arr = arr + (255 - arr) * band[..., None]
    if extra == "flash":
        gx, gy = W / 2 + rng.uniform(-0.12, 0.12) * W, H / 2 + rng.uniform(-0.12, 0.12) * H
        r2 = ((xx - W / 2) / (W / 2)) ** 2 + ((yy - H / 2) / (H / 2)) ** 2
        vig = 1 - 0.42 * np.clip(r2, 0, 2) / 2
        s = rng.uniform(0.035, 0.06) * L
        hot = np.exp(-((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * s * s)) * (rng.uniform(0.55, 0.75) if card else rng.uniform(0.3, 0.45))
        arr = arr * vig[..., None]
        arr = arr + (255 - arr) * hot[..., None]
        extras.append("with the flash (a hot spot, dark corners)")
    del xx, yy
    sy, sx = np.mgrid[0:H:8, 0:W:8].astype(np.float32)
    gxx, gyy = rng.uniform(-0.2, 0.2), rng.uniform(-0.2, 0.2)
    light = 1 + gxx * (sx / W - 0.5) + gyy * (sy / H - 0.5)
    light = np.asarray(Image.fromarray((light * 100).clip(0, 255).astype("uint8")).resize((W, H), Image.BICUBIC)).astype(np.float32) / 100
    cool = rng.random() < 0.5
    cast = np.array([rng.uniform(0.92, 0.97), rng.uniform(0.97, 1.0), 1.0] if cool else [1.0, rng.uniform(0.96, 1.0), rng.uniform(0.88, 0.96)], np.float32)
    arr = arr * light[..., None] * cast[None, None, :]
    arr = paper_noise(arr, rng, rng.uniform(1.0, 2.2))
    blur = rng.uniform(0.4, 1.0) * L / 2000
    out = Image.fromarray(arr.clip(0, 255).astype("uint8")).filter(ImageFilter.GaussianBlur(blur))
    if extra == "watermark":
        out, stamp = stamp6(out, rng)
        extras.append("a watermark camera's stamp (%s)" % stamp)
    return out, "phone photo %dx%d on %s, perspective (top shrink %.2f, rotation %.1f°), %s light%s, blur %.1f" % (
        W, H, bgname, shrink, math.degrees(rot), "cool" if cool else "warm", "".join(", " + e for e in extras), blur)


def stamp6(img, rng):
    """A watermark camera's stamp at the bottom left: a yellow bar, the time large, the date, weekday and a place."""
    W, H = img.size
    u = min(W, H) / 1000.0
    tm = dt.datetime(2026, 11, rng.randint(20, 30), rng.randint(8, 18), rng.randint(0, 59))
    week = "一二三四五六日"[tm.weekday()]
    area = rng.choice(list(PLACES))
    place = PLACES[area][0].replace("山东省", "山东省·") + "·" + rng.choice(PLACES[area][3])
    d = ImageDraw.Draw(img)
    x, y = int(40 * u), int(H - 190 * u)
    f1, f2 = pil_font("ocr-b", int(64 * u)), pil_font("twsung", int(30 * u))
    for dx_, col in ((3, (0, 0, 0)), (0, (255, 255, 255))):
        d.text((x + 24 * u + dx_, y + dx_), tm.strftime("%H:%M"), font=f1, fill=col)
        d.text((x + 24 * u + dx_, y + 80 * u + dx_), tm.strftime("%Y.%m.%d") + " 星期" + week, font=f2, fill=col)
        d.text((x + 24 * u + dx_, y + 120 * u + dx_), place, font=f2, fill=col)
    d.rectangle([x, y + 6 * u, x + 8 * u, y + 150 * u], fill=(250, 200, 30))
    return img, "%s 星期%s, %s" % (tm.strftime("%H:%M %Y.%m.%d"), week, place)


def forward6(img, rng, long_side):
    """As a chat app forwards a picture: compressed once by the sender's phone (JPEG q85), scaled to long_side px on the
    long side, compressed again (q70 when saved), the EXIF gone."""
    b = io.BytesIO()
    img.save(b, "JPEG", quality=85)
    im = Image.open(io.BytesIO(b.getvalue())).convert("RGB")
    f = long_side / max(im.size)
    if f < 1:
        im = im.resize((int(round(im.width * f)), int(round(im.height * f))), Image.LANCZOS)
    return im


def scan6(docs, rng, card, S, mode, dpi):
    """heldout6's scans of one sheet (docs: its page, or the cards on it). mode: "flat" (a flatbed, colour or grey),
    "grey300" (300 dpi greyscale, the paper cleaned to white, for an LZW TIFF), "idcopy" (a copier's ID card copy: the
    cards side by side on the top half of A4, grey), "appscan" (a scanning app's picture: photographed, flattened to
    the page, whitened, sharpened), "fax" (a received fax: fine mode 204 × 196 dpi, 1 bit). Returns (image, how)."""
    k = dpi / 25.4
    if card:
        cards = [rounded_card(render(d, dpi), dpi) for d in docs]
        page = Image.new("RGB", (int(210 * k), int(297 * k)), (250, 250, 248))
        if mode == "idcopy" or len(cards) == 2:
            x, y = int(rng.uniform(16, 24) * k), int(rng.uniform(18, 34) * k)
            for im in cards:
                page.paste(im, (x, y), im)
                x += im.width + int(rng.uniform(6, 12) * k)
            how = "card%s on A4 (%s)" % ("s side by side" if len(cards) > 1 else "", "a copier's ID card copy" if mode == "idcopy" else "flatbed")
        else:
            lay_cards(page, cards, int(rng.uniform(40, 80) * k), int(rng.uniform(30, 120) * k), k, rng, gap=(10, 20), shadow=55, offset=(2, 2))
            how = "card on A4"
    else:
        page = render(docs[0], dpi)
        how = "page"
    if mode == "fax":
        W0, H0 = page.size
        page = page.convert("L").resize((W0, int(H0 * 196 / 204)), Image.LANCZOS).rotate(rng.uniform(-0.6, 0.6), Image.BICUBIC, fillcolor=255)
        page = page.filter(ImageFilter.GaussianBlur(0.6))
        a = np.asarray(page).astype(np.float32) + np.random.default_rng(rng.randrange(2 ** 32)).normal(0, 18, (page.height, page.width))
        bw = a > rng.uniform(135, 160)
        g = np.random.default_rng(rng.randrange(2 ** 32))
        for _ in range(rng.randint(2, 6)):   # transmission errors: a few rows dropped out (white) or smeared black
            r0 = g.integers(0, page.height - 3)
            bw[r0:r0 + g.integers(1, 3), :] = g.random() < 0.8
        bw &= g.random(bw.shape) > 0.0015   # specks
        page = Image.fromarray((bw * 255).astype("uint8")).convert("1")
        return page, "received fax, fine mode 204×196 dpi, 1 bit, %s" % how
    arr = np.asarray(page).astype(np.float32)
    if mode == "appscan":   # photographed under uneven light, then flattened and whitened by the app
        H, W = arr.shape[:2]
        yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
        shade = 0.74 + 0.22 * (xx / W * rng.uniform(-1, 1) + yy / H * rng.uniform(-1, 1) + 1) / 2
        arr = arr * shade[..., None]
        # the app's estimate of the light: the shade, a few per cent off in broad patches; then its levels (paper to white)
        err = 1 + (noise_field6(np.random.default_rng(rng.randrange(2 ** 32)), H, W, 4) - 0.5) * 0.08
        arr = arr / (shade * err)[..., None]
        lo, hi = rng.uniform(14, 26), rng.uniform(222, 236)
        arr = np.clip((arr - lo) * 255 / (hi - lo), 0, 255)
        im = Image.fromarray(arr.astype("uint8"))
        wj = 0.008
        dst = [(rng.uniform(-wj, wj) * W, rng.uniform(-wj, wj) * H), (W + rng.uniform(-wj, wj) * W, rng.uniform(-wj, wj) * H),
               (W + rng.uniform(-wj, wj) * W, H + rng.uniform(-wj, wj) * H), (rng.uniform(-wj, wj) * W, H + rng.uniform(-wj, wj) * H)]
        im = im.transform((W, H), Image.PERSPECTIVE, persp_coeffs([(0, 0), (W, 0), (W, H), (0, H)], dst), Image.BICUBIC, fillcolor=rng.choice([(70, 58, 48), (40, 40, 44)]))
        im = im.filter(ImageFilter.UnsharpMask(2, 110, 3))
        bwmode = rng.random() < 0.4
        if bwmode:
            im = ImageOps.autocontrast(im.convert("L"), cutoff=1)
        noise = rng.uniform(0.6, 1.4)
        im = Image.fromarray(paper_noise(np.asarray(im).astype(np.float32), rng, noise).clip(0, 255).astype("uint8"))
        return im, "a scanning app's picture of the %s (photographed, flattened to the page with a residual keystone, whitened and sharpened, %s filter), %d px/inch" % (
            how, "black-and-white" if bwmode else "colour", dpi)
    arr = arr * rng.uniform(0.93, 0.97) + rng.uniform(4, 9)
    angle = rng.uniform(-1.2, 1.2)
    page = Image.fromarray(arr.clip(0, 255).astype("uint8")).rotate(angle, Image.BICUBIC, expand=False, fillcolor=(244, 244, 240))
    if mode == "grey300":
        page = page.convert("L")
        a = np.asarray(page).astype(np.float32)
        a = np.clip((a - 35) * 255 / (212 - 35), 0, 255)   # the scanner's levels: the paper cleaned to white
        ink = a < 235
        a = a + np.where(ink, np.random.default_rng(rng.randrange(2 ** 32)).normal(0, 2.5, a.shape), 0)
        page = Image.fromarray(np.clip(a, 0, 255).astype("uint8")).filter(ImageFilter.GaussianBlur(0.45))
        page = page.point(lambda v: 255 if v > 246 else v)
        return page, "scan 300 dpi greyscale, %s, the paper cleaned to white, skew %.2f°" % (how, angle)
    colour = rng.random() < 0.5 and mode != "idcopy"
    if not colour:
        page = page.convert("L")
        if mode == "idcopy":
            page = page.point(lambda v: max(0, min(255, int((v - 30) * 1.15))))
    sigma, blur = rng.uniform(1.0, 2.4), rng.uniform(0.3, 0.7) * dpi / 200
    page = Image.fromarray(paper_noise(np.asarray(page).astype(np.float32), rng, sigma).clip(0, 255).astype("uint8")).filter(ImageFilter.GaussianBlur(blur))
    return page, "scan %d dpi, %s, %s, skew %.2f°, noise %.1f, blur %.2f" % (dpi, how, "colour" if colour else "grey", angle, sigma, blur)


def fax_header6(page, n, total, sender, t):
    """The sending machine's line at the top of a received fax page (sender: its number and name)."""
    d = ImageDraw.Draw(page)
    f = pil_font("unifont", 24)
    d.rectangle([0, 0, page.width, 30], fill=255)
    d.text((20, 4), "%s  FROM:%s  P.%03d/%03d" % (t.strftime("%Y-%m-%d %H:%M"), sender, n, total), font=f, fill=0)
    return page


def degrade6(docs, r, card, S, kind, how, rec, page_kinds, st, c):
    """heldout6: the pages of a file and how they were made. Returns (docs, pages, dpi, desc, fmt, turned clockwise°);
    docs gains a cover page when the material is on page 2."""
    rot = 0
    dpi = 200
    app = any(getattr(d, "app", False) for d in docs)
    if how == "scan":
        if card:
            mode = ("idcopy", "flat", "appscan")[st["scan_cards"] % 3]
            st["scan_cards"] += 1
            dpi = r.choice([150, 200]) if mode != "appscan" else r.choice([200, 240])
        else:
            mode = ("flat", "grey300", "appscan", "fax", "flat", "grey300", "fax", "appscan")[st["scan_pages"] % 8]
            st["scan_pages"] += 1
            a4 = kind != "other" and (round(docs[0].w), round(docs[0].h)) in ((210, 297), (297, 210))
            if mode == "fax" and not a4:   # faxed: A4 sheets of the material only (the next one that is)
                mode, st["fax_due"] = "flat", st["fax_due"] + 1
            elif mode == "flat" and a4 and st["fax_due"]:
                mode, st["fax_due"] = "fax", st["fax_due"] - 1
            dpi = {"flat": r.choice([150, 200, 200, 240]), "grey300": 300, "appscan": r.choice([150, 180, 200]), "fax": 204}[mode]
        cover = None
        if mode == "fax" and len(docs) == 1 and kind != "other" and st["fax_cover"] < 2:
            st["fax_cover"] += 1
            cover, what = cover6(r, S, docs[0], c, "fax")
        if card and len(docs) == 2:
            img, desc = scan6(docs, r, True, S, mode, dpi)
            pages = [img]
            rec["page_kinds"], rec["also_shows"] = [kind], ["id-card-back"]
            desc += " (front and back side by side on one sheet)"
        else:
            pages = []
            for dd in ([cover] if cover else []) + docs:
                img, desc = scan6([dd], r, card and dd is not cover, S, mode, dpi)
                pages.append(img)
            if cover:
                docs = [cover] + docs
                page_kinds = ["other"] + page_kinds
                rec["cover_pages"] = [1]
                desc += "; page 1 is %s, the material is on page 2" % what
            if len(pages) > 1:
                rec["page_kinds"] = page_kinds
        if mode == "fax":
            t = dt.datetime(2026, 11, r.randint(20, 30), r.randint(8, 17), r.randint(0, 59))
            sender = "0539-8%06d  %s" % (r.randrange(10 ** 6), r.choice(["YIMENG", "LANSHAN", "HEDONG", "FEIXIAN"]))
            st["fax"] += 1
            if st["fax"] == 2:   # fed upside down at the sending end: the page turned, the sender's header line upright
                pages = [p_.rotate(180) for p_ in pages]
                rec["rotated"] = 180
                desc += ", stored turned 180° clockwise (the sheet was fed upside down at the sending end, the header line upright; no EXIF Orientation to undo it)"
            pages = [fax_header6(p_, i + 1, len(pages), sender, t) for i, p_ in enumerate(pages)]
            st["sub"] = "fax"
            fmt = "tif-fax"
        elif mode == "grey300":
            fmt = "tif-grey"
        elif mode == "appscan":
            fmt = r.choice(["jpg", "pdf"]) if len(pages) == 1 else "pdf"
            st["sub"] = "appscan"
        else:
            fmt = r.choice(["jpg", "jpg", "pdf"]) if len(pages) == 1 else "pdf"
            if mode == "flat" and len(pages) == 1 and not card and docs[-1].w > docs[-1].h and r.random() < 0.5:
                rot = r.choice([90, 270])
        desc = desc if len(pages) == 1 else desc + ", %d pages" % len(pages)
    elif how == "photo":
        if app:
            extra = "screen"
        else:
            extra = ("forward", "flash", "sleeve", "watermark", "forward", "screen", "none")[st["photos"] % 7]
            if extra == "sleeve" and (card or docs[0].w < 100):
                extra = "forward"
        surface = ("marble", "glass", "kraft", "fabric")[st["photos"] % 4]
        st["photos"] += 1
        img, desc = photo6(docs, r, card, S, extra, surface)
        if card and len(docs) == 2:
            rec["page_kinds"], rec["also_shows"] = [kind], ["id-card-back"]
        pages = [img]
        fmt = "jpg"
        if extra in ("forward", "watermark"):
            side = 1080 if (card or docs[0].w * docs[0].h < 210 * 200) else 1280
            pages = [forward6(img, r, side)]
            rec["_forward"] = True
            st["sub"] = "forward"
            desc += ", forwarded through a chat app (%d px on the long side, recompressed, no EXIF)" % side
    else:
        if app:
            fmt = r.choice(["png", "jpg"])
            pages = [render(docs[0], 1080 / (docs[0].w / 25.4)).resize((1080, int(round(1080 * docs[0].h / docs[0].w))), Image.LANCZOS)]
            st["sub"] = "screenshot"
            desc = "clean digital: a phone screenshot, 1080 × %d px" % pages[0].height
        elif card:
            dpi = 300
            if len(docs) == 1:
                fmt = ("png-alpha", "jpg", "png-alpha")[st["cardclean"] % 3]
                st["cardclean"] += 1
            else:
                fmt = "tif"
            pages = [render(d, dpi) for d in docs]
            desc = "clean digital %d dpi" % dpi
            if fmt == "png-alpha":
                pages = [rounded_card(p_, dpi) for p_ in pages]
                desc += ", PNG with alpha (the card's rounded corners transparent)"
        else:
            dpi = r.choice([150, 200])
            if len(docs) == 1:
                fmt = ("pdf-text", "png", "pdf-cover", "jpg", "pdf-text", "pdf-cover")[st["clean"] % 6]
                st["clean"] += 1
                if getattr(docs[0], "pdf_native", False):
                    fmt = "pdf-text"
                a4 = kind != "other" and (round(docs[0].w), round(docs[0].h)) in ((210, 297), (297, 210))
                if fmt == "pdf-cover" and not a4:   # a cover page only before an A4 material (the next one that is)
                    fmt, st["cover_due"] = "pdf-text", st["cover_due"] + 1
                elif fmt in ("pdf-text", "png", "jpg") and a4 and st["cover_due"] and not getattr(docs[0], "pdf_native", False):
                    fmt, st["cover_due"] = "pdf-cover", st["cover_due"] - 1
            else:
                fmt = r.choice(["pdf-text", "tif"])
            if fmt == "pdf-cover":
                cover, what = cover6(r, S, docs[0], c, ("folder", "email")[st["cover"] % 2])
                st["cover"] += 1
                docs = [cover] + docs
                page_kinds = ["other"] + page_kinds
                rec["cover_pages"] = [1]
                fmt = "pdf-text"
                desc = "clean digital (WeasyPrint vector PDF with a text layer); page 1 is %s, the material is on page 2" % what
            else:
                desc = "clean digital %s" % ("(WeasyPrint vector PDF with a text layer)" if fmt == "pdf-text" else "%d dpi" % dpi)
            pages = [render(d, dpi) for d in docs] if fmt != "pdf-text" else []
        if len(docs) > 1:
            rec["page_kinds"] = page_kinds
    if rot:
        pages = [p_.rotate(-rot, expand=True) for p_ in pages]
        desc += ", stored turned %d° clockwise (%s; no EXIF Orientation to undo it)" % (
            rot, "the sheet was fed upside down at the sending end" if rot == 180 else "a landscape sheet laid sideways on the glass")
    return docs, pages, dpi, desc, fmt, rot


EXT6 = {"jpg": "jpg", "png": "png", "png-alpha": "png", "pdf": "pdf", "pdf-text": "pdf", "tif": "tif", "tif-grey": "tif", "tif-fax": "tif"}


def save6(pages, docs, path, fmt, how, dpi, r, rot, desc, st, rec):
    """heldout6: write the file. Direct photos carry EXIF (maker, model, time), in turn with Orientation 6, 8 or 3 (pixels
    stored turned, upright when EXIF is honoured); forwarded ones carry none. Returns (desc, EXIF orientation or None)."""
    orient = None
    if fmt == "jpg":
        img = pages[0]
        if how == "photo" and rec.pop("_forward", False):
            q = 70
            img.save(path, "JPEG", quality=q, optimize=True)
        elif how == "photo":
            q = r.randint(72, 88)
            ex = Image.Exif()
            ex[0x010F], ex[0x0110] = r.choice([("HONOR", "PGT-AN10"), ("OnePlus", "PJD110"), ("Redmi", "23127PN0CC"), ("vivo", "V2309A"), ("Apple", "iPhone 14")])
            ex[0x0132] = (dt.datetime(2026, 12, 1, 8, 0, 0) + dt.timedelta(minutes=r.randint(0, 600))).strftime("%Y:%m:%d %H:%M:%S")
            ex[0x0112] = 1
            if st["photo_saves"] % 2 == 1:
                orient = (6, 8, 3)[st["exif"] % 3]
                st["exif"] += 1
                ex[0x0112] = orient
                img = img.transpose(Image.Transpose.ROTATE_90 if orient == 6 else Image.Transpose.ROTATE_180 if orient == 3 else Image.Transpose.ROTATE_270)
                desc += ", EXIF Orientation %d (pixels stored turned; upright when EXIF is honoured)" % orient
            st["photo_saves"] += 1
            img.save(path, "JPEG", quality=q, optimize=True, exif=ex.tobytes())
            if orient:
                assert ImageOps.exif_transpose(Image.open(path)).size == pages[0].size
        else:
            q = r.randint(62, 85) if how == "scan" else r.randint(80, 92)
            img.save(path, "JPEG", quality=q, optimize=True, dpi=(dpi, dpi))
        desc += ", JPEG q%d" % q
    elif fmt in ("png", "png-alpha"):
        pages[0].save(path, "PNG", optimize=True, dpi=(dpi, dpi))
        desc += ", PNG" + (" (RGBA)" if pages[0].mode == "RGBA" else "")
    elif fmt == "pdf":
        q = r.randint(62, 82) if how == "scan" else 90
        image_pdf(pages, path, dpi, q)
        desc += ", image-only PDF (img2pdf, JPEG q%d)" % q
    elif fmt == "pdf-text":
        render_pdf(docs, path)
    elif fmt == "tif-grey":
        pages[0].save(path, "TIFF", save_all=True, append_images=pages[1:], compression="tiff_lzw", dpi=(300, 300))
        desc += ", TIFF LZW greyscale, %d page(s)" % len(pages)
    elif fmt == "tif-fax":
        pages[0].save(path, "TIFF", save_all=True, append_images=pages[1:], compression="group3", dpi=(204, 196))
        desc += ", TIFF Group 3 (fax), %d page(s)" % len(pages)
    else:
        pages[0].save(path, "TIFF", save_all=True, append_images=pages[1:], compression="tiff_lzw", dpi=(dpi, dpi))
        desc += ", TIFF LZW, %d page(s)" % len(pages)
    if rot and "rotated" not in rec:
        rec["rotated"] = rot
    return desc, orient


MISLEADING6 = {"marriage-certificate": "户口本", "discharge-record": "诊断证明", "power-of-attorney": "承诺书", "residence-permit-receipt": "居住证"}


class Namer6(Namer):
    """heldout6's file names: chat apps' (TIM图片…, 微信图片_2026-11-28_143215_123, 企业微信截图_…),
    phones' (P_…, Photo …, an iPhone screenshot IMG_1234.PNG, Android Screenshot_20261128-143215); scanners and apps
    (MFP_…, 扫描文档_…, Office Lens …, Adobe Scan 28 Nov 2026, FAX…); 未标题-…, 导出_…, bare numbers."""
    def __init__(self, rng, split):
        super().__init__(rng, split)
        self.t = dt.datetime(2026, 12, 2, 8, 17, 9)
        self.mis = MISLEADING6
        self.sub = None
        self.iph = rng.randint(2000, 7000)

    def __call__(self, kind, ext, how, misleading):
        r = self.rng
        self.t += dt.timedelta(seconds=r.randint(20, 4000))
        self.n += 1
        t = self.t
        up = False
        if misleading:
            base = self.mis[kind] + r.choice(["", "（扫描件）", "_1", " 复印件"])
        elif self.sub == "forward":
            c = r.randrange(2)
            base = ("TIM图片%s" % t.strftime("%Y%m%d%H%M%S"), "微信图片_%s_%03d" % (t.strftime("%Y-%m-%d_%H%M%S"), r.randrange(1000)))[c]
        elif self.sub == "screenshot":
            c = r.randrange(3)
            if c == 0 and ext != "png":   # an iPhone's screenshots are PNGs
                c = 1
            if c == 0:
                base, up = "IMG_%04d" % (self.iph + self.n), True
            elif c == 1:
                base = "Screenshot_%s" % t.strftime("%Y%m%d-%H%M%S")
            else:
                base = "企业微信截图_%d" % (int(t.timestamp()) * 1000 + r.randrange(1000))
        elif self.sub == "fax":
            base, up = "FAX%s" % t.strftime("%m%d%H%M%S"), True
        elif self.sub == "appscan":
            base = r.choice(["Office Lens %s" % t.strftime("%Y%m%d-%H%M%S"), "Adobe Scan %d %s %d" % (t.day, t.strftime("%b"), t.year)])
        elif how == "photo":
            base = r.choice(["P_%s" % t.strftime("%Y%m%d_%H%M%S"), "Photo %s" % t.strftime("%Y-%m-%d %H%M%S")])
        elif how == "scan":
            base = r.choice(["MFP_%s" % t.strftime("%Y%m%d_%H%M%S"), "扫描文档_%d" % (300 + self.n), "WPS扫描件_%s" % t.strftime("%Y%m%d%H%M")])
        else:
            base = r.choice(["未标题-%d" % self.n, "导出_%s" % t.strftime("%Y%m%d%H%M%S"), "%d" % r.randrange(10 ** 7, 10 ** 8)])
        self.sub = None
        name = base + "." + (ext.upper() if up else ext)
        while name in self.used:
            name = base + "-%d.%s" % (r.randint(2, 9), ext.upper() if up else ext)
        self.used.add(name)
        return name


# --------------------------------------------------------------------------------------------
# heldout7: a sixth one-shot measuring split. Designs none of the seven older splits uses; everything sits behind
# Style.held7 / split == "heldout7" (functions *7, the display-list ops text7, hand7 and fpoly7 that only heldout7
# documents contain, fonts, CSS families and designs under new keys only), so the older splits draw the same random
# numbers as before and come out byte-identical. Debian has no simplified-Chinese face that an older split has not used:
# heldout7 puts older faces into new roles and draws every character scaled horizontally (长体 or 扁体, as a word
# processor's 字符缩放 does), with number faces no older split uses (DejaVu Serif Condensed, Latin Modern Mono, Latin
# Modern Sans Demi Condensed, DejaVu Sans Condensed Bold on bank cards) and DkgHandwriting for written digits.

LM = "/usr/share/texmf/fonts/opentype/public/lm/"
FONT_FILES.update({   # heldout7 only (fonts-dejavu-extra, fonts-lmodern, fonts-dkg-handwriting)
    "dejavu-serif-c": ("/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed.ttf", 0),
    "dejavu-sans-cb": ("/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf", 0),
    "lm-mono": (LM + "lmmono10-regular.otf", 0), "lm-sans-dc": (LM + "lmsansdemicond10-regular.otf", 0),
    "dkg": ("/usr/share/fonts/truetype/fifthhorseman/dkg.ttf", 0),
})
LATIN_ONLY.update({"dejavu-serif-c": "uming", "dejavu-sans-cb": "noto-sans-m", "lm-mono": "zenhei", "lm-sans-dc": "wenkai-l", "dkg": "gkai"})
CSS_FAMILY.update({"dejavu-serif-c": ("DejaVu Serif Condensed', 'AR PL UMing CN", 400), "dejavu-sans-cb": ("DejaVu Sans Condensed', 'Noto Sans CJK SC", 700),
                   "lm-mono": ("LM Mono 10', 'WenQuanYi Zen Hei", 400), "lm-sans-dc": ("LM Sans Demi Cond 10', 'LXGW WenKai", 400)})
DESIGNS["heldout7"] = [   # plum-brown labels, cobalt accent on pale lemon; blue-grey labels, leaf-green accent on pale rose-beige;
                          # sepia-grey labels, turquoise accent on pale lavender
    dict(name="changsong", sans=("uming", 0), sansb=("noto-sans-m", 0), serif=("gbsn", 0), serifb=("noto-serif-b", 0),
         mono=("dejavu-serif-c", 0), pdf_font="changsong",
         ink=(25, 25, 32), label=(112, 54, 70), accent=(20, 70, 170), tint=(252, 250, 228), pattern=(226, 222, 170)),
    dict(name="bianhei", sans=("zenhei", 0), sansb=("noto-sans-bk", 0), serif=("hanamin", 0), serifb=("noto-serif-bk", 0),
         mono=("lm-mono", 0), pdf_font="bianhei",
         ink=(18, 22, 30), label=(70, 86, 110), accent=(58, 146, 40), tint=(250, 238, 230), pattern=(232, 206, 192)),
    dict(name="kaichang", sans=("wenkai-l", 0), sansb=("noto-sans-b", 0), serif=("gkai", 0), serifb=("noto-serif-sb", 0),
         mono=("lm-sans-dc", 0), pdf_font="kaichang",
         ink=(30, 28, 26), label=(105, 90, 75), accent=(0, 140, 150), tint=(242, 240, 248), pattern=(210, 206, 228)),
]
HS7 = {"changsong": (0.80, 0.86), "bianhei": (1.10, 1.16), "kaichang": (0.86, 0.92)}   # 字符缩放 per design
STAMP7 = (52, 58, 150)   # a clerk's 核对章 in blue-violet stamp ink


class Doc7(Doc):
    """heldout7's document: every text drawn scaled horizontally by hs (S.hs on pages, half that change on cards; 1 on an
    app's screen)."""
    def __init__(self, w, h, bg=(255, 255, 255), S=None, card=False, hs=None):
        super().__init__(w, h, bg, S, card)
        self.hs = hs if hs is not None else (S.hs if not card else (1 + S.hs) / 2)

    def text(self, x, y, s, size, font, fill=(0, 0, 0), anchor="l", spacing=0.0):
        self.ops.append(("text7", x, y, s, size, font, tuple(fill), anchor, spacing, self.hs))

    def width(self, s, size, font, spacing=0.0):
        return (measure(s, size, font) + spacing * max(0, len(s) - 1)) * self.hs

    def para(self, x, y, w, text, size, font, fill=(0, 0, 0), lh=1.7, indent=2):
        """Doc.para, but a comma or a full stop never starts a line (it stays at the end of the line before)."""
        em = size * 25.4 / 72.0
        lines, cur = [], "\u3000" * indent
        for ch in text:
            if self.width(cur + ch, size, font) > w and ch not in "，。、；：）”":
                lines.append(cur)
                cur = ""
            cur += ch
        if cur:
            lines.append(cur)
        for ln in lines:
            self.text(x, y, ln, size, font, fill)
            y += em * lh
        return y


def doc_hand7(doc, x, y, s, size, colour, seed):
    """Written by pen: hanzi in AR PL KaitiM GB, digits and Latin in DkgHandwriting, on a gently waving line; y: top of
    the line. Paper only."""
    doc.ops.append(("hand7", x, y, s, size, tuple(colour), seed))
    doc.paper_only = True


def hand_width7(s, size):
    return sum(measure(ch, size, ("dkg" if ch.isascii() else "gkai", 0)) * (1.12 if ch.isascii() else 1.0) for ch in s) * 0.97


def doc_fpoly7(doc, pts, fill):
    doc.ops.append(("fpoly7", [tuple(p) for p in pts], tuple(fill)))


def text_mask7(s, size, font, spacing, k, dpi):
    """The string as an L mask at its natural width (characters a font lacks from their fallback, as render does);
    returns (mask, pad, natural width in px)."""
    px = max(4, int(round(size * dpi / 72.0)))
    f = pil_font(font[0], px)
    sw = max(1, px // 28) if font[1] else 0
    pad = px // 2 + sw + 2
    wn = (measure(s, size, font) + spacing * max(0, len(s) - 1)) * k
    m = Image.new("L", (int(math.ceil(wn)) + 2 * pad, int(px * 1.6) + 2 * pad), 0)
    dm = ImageDraw.Draw(m)
    if spacing or per_glyph(font[0], s):
        x0 = float(pad)
        base = pad + f.getmetrics()[0] if font[0] in PARTIAL else None
        for ch in s:
            gf = pil_font(glyph_font(font[0], ch), px)
            if base is not None:
                dm.text((x0, base), ch, font=gf, fill=255, anchor="ls", stroke_width=sw, stroke_fill=255)
            else:
                dm.text((x0, pad), ch, font=gf, fill=255, anchor="la", stroke_width=sw, stroke_fill=255)
            x0 += (measure(ch, size, font) + spacing) * k
    else:
        dm.text((pad, pad), s, font=f, fill=255, anchor="la", stroke_width=sw, stroke_fill=255)
    return m, pad, wn


def hand_draw7(img, x, y, s, px, colour, seed):
    """Pen writing onto img at (x, y) px (top of the line), px the character size."""
    hr = random.Random(seed)
    cx = float(x)
    wave, slope = hr.uniform(0, 6.28), hr.uniform(-0.025, 0.025)
    for i, ch in enumerate(s):
        if ch == " ":
            cx += px * 0.32
            continue
        key = "dkg" if ch.isascii() else "gkai"
        sc = hr.uniform(0.93, 1.06) * (1.12 if key == "dkg" else 1.0)
        f = pil_font(key, max(5, int(px * sc)))
        w = f.getlength(ch)
        pad = int(px * 0.4) + 2
        m = Image.new("L", (int(w) + 2 * pad, int(px * 1.5) + 2 * pad), 0)
        ImageDraw.Draw(m).text((pad, pad + px * 0.88), ch, font=f, fill=255, anchor="ls", stroke_width=max(0, px // 44), stroke_fill=255)
        m = m.rotate(hr.uniform(-4, 4), Image.BICUBIC).filter(ImageFilter.GaussianBlur(max(0.35, px / 110)))
        m = m.point(lambda v: min(255, int(v * 1.4)))
        yo = y + px * (0.06 * math.sin(wave + i * 0.75) + slope * i) - pad
        img.paste(colour, (int(cx - pad), int(yo)), m)
        cx += w * hr.uniform(0.93, 1.02) + px * 0.03
    return img


def render7_op(img, d, op, k, dpi):
    t = op[0]
    if t == "text7":
        _, x, y, s, size, font, fill, anchor, spacing, hs = op
        if not s.strip():
            return img
        m, pad, wn = text_mask7(s, size, font, spacing, k, dpi)
        if abs(hs - 1) > 1e-3:
            m = m.resize((max(1, int(round(m.width * hs))), m.height), Image.LANCZOS)
        tw = wn * hs
        x0 = x * k - (tw / 2 if anchor == "m" else tw if anchor == "r" else 0) - pad * hs
        img.paste(fill, (int(round(x0)), int(round(y * k - pad))), m)
        return img
    if t == "hand7":
        _, x, y, s, size, colour, seed = op
        return hand_draw7(img, x * k, y * k, s, max(6, int(round(size * dpi / 72.0))), colour, seed)
    if t == "fpoly7":
        _, pts, fill = op
        d.polygon([(a * k, b * k) for a, b in pts], fill=fill)
        return img
    raise ValueError(t)


HELD7_OPS = ("text7", "hand7", "fpoly7")


def pdf7_op(op, svg, body, doc):
    """heldout7's ops in a WeasyPrint PDF: text scaled with a CSS transform (still a text layer), filled polygons."""
    import html as H
    t = op[0]
    if t == "text7":
        _, x, y, s, size, font, fill, anchor, spacing, hs = op
        fam, wt = CSS_FAMILY[font[0]]
        if font[1]:
            wt = 700
        wmm = (measure(s, size, font) + spacing * max(0, len(s) - 1)) * hs
        x0 = x - (wmm / 2 if anchor == "m" else wmm if anchor == "r" else 0)
        body.append('<div style="left:%.2fmm;top:%.2fmm;font-family:\'%s\';font-weight:%d;font-size:%.2fpt;color:rgb%s;letter-spacing:%.2fmm;'
                    'transform:scaleX(%.4f);transform-origin:0 0">%s</div>' % (x0, y - size * 0.06 * 25.4 / 72, fam, wt, size, str(tuple(fill)), spacing, hs, H.escape(s)))
    elif t == "fpoly7":
        _, pts, fill = op
        svg.append('<polygon points="%s" fill="rgb%s"/>' % (" ".join("%.2f,%.2f" % q for q in pts), str(tuple(fill))))
    else:
        raise ValueError("%s is drawn on paper-only documents" % t)


EN7 = {"姓名": "Name", "性别": "Sex", "民族": "Ethnicity", "出生": "Born", "出生日期": "Date of Birth", "住址": "Address",
       "公民身份号码": "ID No.", "身份证号": "ID No.", "身份证号码": "ID No.", "签发机关": "Authority", "有效期限": "Validity", "居住地址": "Residence",
       "名称": "Name", "类型": "Type", "法定代表人": "Legal Rep.", "负责人": "Person in Charge", "注册资本": "Capital", "成立日期": "Est.",
       "营业期限": "Term", "住所": "Domicile", "营业场所": "Premises", "登记机关": "Registrar", "机构名称": "Institution", "机构性质": "Nature",
       "机构地址": "Address", "有效期": "Validity", "企业名称": "Enterprise", "注册地址": "Address", "经营方式": "Mode", "经营范围": "Scope",
       "证号": "No.", "有效期至": "Valid Until", "发证机关": "Issued by", "登记号": "Reg. No.", "地址": "Address", "主要负责人": "Head",
       "持证人": "Holder", "登记日期": "Registered", "结婚证字号": "Cert. No.", "备注": "Remarks", "新生儿姓名": "Name", "出生时间": "Born",
       "出生孕周": "Gestation", "出生体重": "Weight", "出生身长": "Length", "出生地点": "Place", "医疗机构名称": "Hospital",
       "统一社会信用代码": "USCC", "质量负责人": "Quality", "企业负责人": "Manager", "所有制形式": "Ownership", "发证日期": "Issued",
       "社会保障号码": "SSN", "社会保障卡号": "Card No.", "发卡日期": "Issued", "受理编号": "No.", "受理日期": "Accepted"}


def lab7(doc, S, x, y, lab, size, font="sans", room=None):
    """heldout7's label: after a small square in the accent colour, with ： (S.lab == "bullet"); or with its English
    word after it, smaller and paler (S.lab == "bilingual"; a label without one takes ：). Returns the width taken."""
    f = S.f(font)
    col = S.c("label")
    en = EN7.get(lab.replace("　", "").replace(" ", "")) if S.lab == "bilingual" else None
    sz = size
    em = size * 25.4 / 72
    a = em * 0.34 if S.lab == "bullet" else 0.0

    def total(z):
        if en:
            return doc.width(lab, z, f) + 0.9 + doc.width(en, z * 0.6, S.f("mono"))
        return a + (0.8 if a else 0) + doc.width(lab + "：", z, f)
    while room and total(sz) > room and sz > 4.0:
        sz -= 0.25
    dy = (size - sz) * 25.4 / 72 * 0.5
    if S.lab == "bullet":
        top, bot = vext(glyph_font(f[0], "国"))
        cy = y + (top + bot) / 2 * em
        doc.rect(x, cy - a / 2, x + a, cy + a / 2, fill=S.c("accent"))
        doc.text(x + a + 0.8, y + dy, lab + "：", sz, f, col)
        return total(sz)
    doc.text(x, y + dy, lab if en else lab + "：", sz, f, col)
    if en:
        es = sz * 0.6
        doc.text(x + doc.width(lab, sz, f) + 0.9, y + dy + (sz - es) * 25.4 / 72 * 0.75, en, es, S.f("mono"), pale(col, 0.35))
    return total(sz)


def kv7(doc, S, x, y, items, size, lw, gap=1.9, font="sans", vfont="sans", vcol=None, wrap=None):
    """Label (bullet or bilingual) and value at x + lw; values wider than wrap (mm) run on over more lines."""
    em = size * 25.4 / 72
    vf = S.f(vfont)
    # the label's ink sits on the value's line: the bottoms of 国 in the two faces level
    off = vext(glyph_font(vf[0], "国"))[1] * em - vext(glyph_font(S.f(font)[0], "国"))[1] * em * 0.86
    for lab, val in items:
        lab7(doc, S, x, y + off, lab, size * 0.86, font, lw - 1.2)
        if wrap and doc.width(val, size, vf) > wrap:
            y = doc.para(x + lw, y, wrap, val, size, vf, vcol or S.c("ink"), lh=1.42, indent=0) + em * (gap - 1.42)
        else:
            doc.text(x + lw, y, val, size, vf, vcol or S.c("ink"))
            y += em * gap
    return y


def dashed7(doc, x0, y0, x1, y1, w, col, dash=1.2, gap=0.8):
    L_ = math.hypot(x1 - x0, y1 - y0)
    t = 0.0
    while t < L_:
        a, b = t / L_, min(1.0, (t + dash) / L_)
        doc.line(x0 + (x1 - x0) * a, y0 + (y1 - y0) * a, x0 + (x1 - x0) * b, y0 + (y1 - y0) * b, w, col)
        t += dash + gap


def grid7(doc, S, x, y, colw, rows, size, rowh, font="sans", colour=None, vfont=None, centre=False):
    """heldout7's table: a solid outer frame, dashed inner rules, label cells tinted and their text left-aligned in the
    label colour (centre: header cells centred). rows: cells (text, span, is_label). Returns the bottom y."""
    col = colour or S.c("label")
    xs = [x]
    for w in colw:
        xs.append(xs[-1] + w)
    y0 = y
    for ri, r in enumerate(rows):
        ci = 0
        for text, span, lab in r:
            x0, x1 = xs[ci], xs[min(len(xs) - 1, ci + span)]
            if lab:
                doc.rect(x0, y, x1, y + rowh, fill=S.c("tint"))
            if ci > 0:
                dashed7(doc, x0, y, x0, y + rowh, 0.18, col)
            if text:
                f = S.f(font if lab or not vfont else vfont)
                sz = size
                while doc.width(text, sz, f) > x1 - x0 - 2.2 and sz > 4.0:
                    sz -= 0.25
                ty = y + (rowh - sz * 25.4 / 72) / 2 - 0.3
                if lab and centre:
                    doc.text((x0 + x1) / 2, ty, text, sz, f, S.c("label"), "m")
                else:
                    doc.text(x0 + 1.3, ty, text, sz, f, S.c("label") if lab else S.c("ink"))
            ci += span
        if ri > 0:
            dashed7(doc, xs[0], y, xs[-1], y, 0.18, col)
        y += rowh
    doc.rect(xs[0], y0, xs[-1], y, outline=col, w=0.5)
    return y


def hatch7(doc, rng, colour, step=1.7, w=0.08):
    """Two families of fine, gently waved diagonal lines crossing (a security ground)."""
    H_ = doc.h
    for fam in (1, -1):
        ph = rng.uniform(0, 6.3)
        n = int((doc.w + H_) / step) + 2
        for i in range(n):
            c0 = -H_ + i * step
            pts = []
            for yy in np.linspace(0, H_, 16):
                off = yy * 0.9 if fam > 0 else (H_ - yy) * 0.9
                pts.append((c0 + off + 0.35 * math.sin(yy / 2.6 + ph + i * 0.21), yy))
            doc.poly(pts, w, colour)


def rainbow7(doc, cols):
    """A pale rainbow print across the ground, left to right, in two gradients."""
    doc_grad(doc, 0, 0, doc.w / 2 + 0.4, doc.h, cols[0], cols[1], vertical=False)
    doc_grad(doc, doc.w / 2, 0, doc.w, doc.h, cols[1], cols[2], vertical=False)


def kc7(S):
    """heldout7: cards change their type by half of S.k."""
    return (1 + S.k) / 2


def copy_image7(doc_, dpi=150):
    """A card drawn as a grey photocopy (pasted onto a form)."""
    im = render(doc_, dpi).convert("L")
    im = im.point(lambda v: max(0, min(255, int((v - 40) * 1.25))))
    return rounded_card(im.convert("RGB"), dpi).convert("RGB")


# ---- cards

def k_id_front7(rng, S, c):
    """heldout7: a pale rainbow print under a cross-hatch of waved diagonal lines; labels without spaces in the label
    colour; the date's digits, and the number, in the design's Latin face; the address wrapped at 36 mm."""
    p = c["person"]
    k = kc7(S)
    doc = Doc7(CARD_W, CARD_H, S=S, card=True)
    rainbow7(doc, ((250, 236, 238), (250, 248, 230), (232, 242, 250)))
    hatch7(doc, rng, (214, 222, 228))
    lab, ink, f, mono = S.c("label"), S.c("ink"), S.f("sans"), S.f("mono")
    x0, y0 = 5.0 + S.dx * 0.2, 4.6 + S.dy * 0.2
    ls = 6.2
    doc.text(x0, y0 + 0.5, "姓名", ls, f, lab)
    doc.text(x0 + 10.5, y0 - 0.3, p["name"], 10.2 * k, S.f("sansb"), ink)
    doc.text(x0, y0 + 7.2, "性别", ls, f, lab)
    doc.text(x0 + 10.5, y0 + 7.0, p["sex"], 7.6 * k, f, ink)
    doc.text(x0 + 20, y0 + 7.2, "民族", ls, f, lab)
    doc.text(x0 + 29, y0 + 7.0, p["nation"], 7.6 * k, f, ink)
    b = p["birth"]
    doc.text(x0, y0 + 13.9, "出生", ls, f, lab)
    doc.text(x0 + 10.5, y0 + 13.7, "%d年%d月%d日" % (b.year, b.month, b.day), 7.6 * k, mono, ink)
    doc.text(x0, y0 + 20.6, "住址", ls, f, lab)
    line, yy = "", y0 + 20.4
    for ch in p["address"]:
        if doc.width(line + ch, 7.4 * k, f) > 36.0:
            doc.text(x0 + 10.5, yy, line, 7.4 * k, f, ink)
            yy += 4.2
            line = ""
        line += ch
    doc.text(x0 + 10.5, yy, line, 7.4 * k, f, ink)
    doc.text(x0, 45.0, "公民身份号码", ls, f, lab)
    nsz, nsp = 9.8 * k, 0.5
    while doc.width(p["id_number"], nsz, mono, nsp) > CARD_W - (x0 + 21.0) - 2.5:
        nsp, nsz = (nsp - 0.05, nsz) if nsp > 0.1 else (nsp, nsz - 0.2)
    doc.text(x0 + 21.0, 44.2, p["id_number"], nsz, mono, ink, spacing=nsp)
    doc.image(57.5, 6.0, 23.5, 29.5, portrait(rng, p["female"], (238, 240, 244)))
    return [doc], {"name": p["name"], "id_number": p["id_number"]}, \
        "居民身份证 人像面 (heldout7: rainbow print under a waved cross-hatch, digits in %s, type ×%.2f wide), design %s" % (
            CSS_FAMILY[mono[0]][0].split("'")[0], doc.hs, S.name), {}


def k_id_back7(rng, S, c):
    """heldout7: rainbow print and cross-hatch, the emblem at the top left, the title beside it, 签发机关 and 有效期限
    inside a thin rounded frame."""
    p = c["person"]
    k = kc7(S)
    doc = Doc7(CARD_W, CARD_H, S=S, card=True)
    rainbow7(doc, ((232, 242, 250), (250, 248, 230), (250, 236, 238)))
    hatch7(doc, rng, (214, 222, 228))
    frm, until = c["id_valid"]
    doc.image(6.0, 5.0, 17, 17, emblem())
    big = S.f("serifb")
    doc.text(27.0, 6.0, "中华人民共和国", 10.5 * k, big, S.c("ink"), spacing=1.2)
    doc.text(26.5, 13.8, "居民身份证", 17.5 * k, big, S.c("ink"), spacing=1.8)
    doc_rrect(doc, 8.0, 31.5, 79.0, 50.5, 2.0, outline=pale(S.c("label"), 0.35), w=0.25)
    lab = S.c("label")
    doc.text(11.5, 35.0, "签发机关", 6.2, S.f("sans"), lab)
    doc.text(26.5, 34.4, p["authority"], 7.8 * k, S.f("sans"), S.c("ink"))
    doc.text(11.5, 43.0, "有效期限", 6.2, S.f("sans"), lab)
    doc.text(26.5, 42.4, "%s-%s" % (dotted(frm), dotted(until)), 7.8 * k, S.f("mono"), S.c("ink"))
    exp = until != "长期" and until < TODAY
    return [doc], {"valid_from": iso(frm), "valid_until": iso(until)}, \
        "居民身份证 国徽面 (heldout7: rainbow print, cross-hatch, fields in a rounded frame), design %s%s" % (S.name, ", EXPIRED" if exp else ""), {"expired": exp}


BANKS7 = [("交通银行", "BANK OF COMMUNICATIONS", ["622262"]), ("招商银行", "CHINA MERCHANTS BANK", ["621483", "622588"]),
          ("兴业银行", "INDUSTRIAL BANK", ["622909"])]


def k_ssc7(rng, S, c):
    """heldout7: a 社会保障卡 with a landscape band across the top (sky and layered hills), 中华人民共和国 社会保障卡 in
    white on it, the co-issuing bank (交通银行, 招商银行 or 兴业银行) named at the bottom right."""
    p = c["person"]
    bank = c.get("ssc_bank7") or rng.choice(BANKS7)
    k = kc7(S)
    doc = Doc7(CARD_W, CARD_H, S=S, card=True)
    doc_grad(doc, 0, 0, CARD_W, CARD_H, (250, 250, 246), (238, 244, 250))
    doc_grad(doc, 0, 0, CARD_W, 20, (70, 140, 210), (170, 208, 238))
    for layer, colr, base in ((0, (96, 150, 110), 16.5), (1, (52, 110, 80), 19.0)):
        pts = [(0, 20.5)]
        ph = rng.uniform(0, 6.3)
        for xx in np.linspace(0, CARD_W, 30):
            pts.append((xx, base - 3.2 * abs(math.sin(xx / (11 + layer * 5) + ph)) - 1.2 * math.sin(xx / 3.1 + ph)))
        pts.append((CARD_W, 20.5))
        doc_fpoly7(doc, pts, colr)
    white = (255, 255, 255)
    doc.text(5.0, 2.2, "中华人民共和国", 5.4, S.f("sansb"), white, spacing=0.5)
    doc.text(5.0, 6.6, "社会保障卡", 12.5 * k, S.f("sansb"), white, spacing=1.0)
    doc.ellipse(70.5, 2.5, 80.5, 12.5, outline=white, w=0.6)
    doc.text(75.5, 5.0, "社保", 4.6, S.f("sansb"), white, "m")
    chip(doc, 6, 24.5)
    lab, ink = S.c("label"), S.c("ink")
    doc.text(20, 23.6, "姓名", 5.2, S.f("sans"), lab)
    doc.text(28, 23.0, p["name"], 8.0 * k, S.f("sansb"), ink)
    doc.text(20, 29.2, "发卡日期", 5.2, S.f("sans"), lab)
    doc.text(30, 28.8, c["ssc_date"], 6.4 * k, S.f("sans"), ink)
    doc.text(6, 35.0, "社会保障号码", 5.2, S.f("sans"), lab)
    doc.text(22, 34.4, p["id_number"], 7.8 * k, S.f("mono"), ink, spacing=0.25)
    doc.text(6, 41.2, "社会保障卡号", 5.2, S.f("sans"), lab)
    doc.text(22, 40.6, c["ssc_no"], 7.8 * k, S.f("mono"), ink, spacing=0.25)
    doc.image(64, 22.5, 17, 21.5, portrait(rng, p["female"], (244, 246, 250)))
    doc.text(CARD_W - 4, 47.6, bank[0] + " · 金融社保卡", 5.0, S.f("sansb"), S.c("accent"), "r")
    return [doc], {"name": p["name"], "id_number": p["id_number"], "card_number": c["ssc_no"]}, \
        "社会保障卡 (heldout7: a landscape band of sky and hills, co-issued by %s), design %s" % (bank[0], S.name), {}


def k_bank7(rng, S, c):
    """heldout7: a vertical (portrait) debit card, the number printed flat in two lines (4 4 / 4 4 3), or a landscape
    card with the number laser-engraved in one ungrouped run; DejaVu Sans Condensed Bold digits."""
    bank, number = c["bank"], c["bank_no"]
    style = c.get("bank_style7") or rng.choice(["vertical", "engraved"])
    f = ("dejavu-sans-cb", 0)
    if style == "vertical":
        name, c0, c1 = rng.choice([("mint", (214, 240, 228), (168, 214, 196)), ("midnight", (24, 30, 60), (60, 70, 120)),
                                   ("coral", (250, 214, 200), (236, 150, 130))])
        doc = Doc7(CARD_H, CARD_W, S=S, card=True)
        doc_grad(doc, 0, 0, CARD_H, CARD_W, c0, c1)
        dark = sum(c0) < 300
        fg = (255, 255, 255) if dark else (40, 40, 52)
        doc.ellipse(4, 5, 11, 12, outline=fg, w=0.7)
        doc.text(7.5, 6.7, bank[1][0], 5.6, S.f("sansb"), fg, "m")
        doc.text(13, 5.2, bank[0], 8.5, S.f("sansb"), fg)
        doc.text(13, 10.0, bank[1], 3.2, S.f("sans"), fg)
        doc.rect(6, 22, 14.5, 33, outline=(150, 120, 50), fill=(222, 190, 110), w=0.25)
        doc.line(6, 27.5, 14.5, 27.5, 0.2, (150, 120, 50))
        doc.line(10.2, 22, 10.2, 33, 0.2, (150, 120, 50))
        lines = [number[:4] + " " + number[4:8], number[8:12] + " " + number[12:16] + (" " + number[16:] if len(number) > 16 else "")]
        for i, ln in enumerate(lines):
            doc.text(5, 52 + i * 6.2, ln, 10.5, f, fg, spacing=0.35)
        doc.text(5, 66, rng.choice(["借记卡", "储蓄卡", "IC借记卡"]), 5.2, S.f("sans"), fg)
        grouping = "two lines, 4 4 / 4 4%s" % (" 3" if len(number) > 16 else "")
        x0, y0 = CARD_H - 20, CARD_W - 15
    else:
        name, c0, c1 = rng.choice([("brushed steel", (150, 154, 160), (206, 208, 212)), ("graphite blue", (50, 62, 80), (96, 108, 130))])
        doc = Doc7(CARD_W, CARD_H, S=S, card=True)
        doc_grad(doc, 0, 0, CARD_W, CARD_H, c0, c1, vertical=False)
        for i in range(0, 60):
            doc.line(0, i * 0.9, CARD_W, i * 0.9, 0.06, tuple(min(255, v + 14) for v in c0))
        fg = (255, 255, 255) if sum(c0) < 400 else (30, 34, 40)
        doc.ellipse(4, 4, 11, 11, outline=fg, w=0.7)
        doc.text(7.5, 5.6, bank[1][0], 5.6, S.f("sansb"), fg, "m")
        doc.text(13, 4.0, bank[0], 9.5, S.f("sansb"), fg)
        doc.text(13, 9.3, bank[1], 3.6, S.f("sans"), fg)
        chip(doc, 8, 17)
        eng = (232, 234, 238) if fg == (255, 255, 255) else (58, 60, 66)
        doc.text(7.0 + 0.12, 36.0 + 0.12, number, 8.6, f, tuple(max(0, v - 60) for v in c0), spacing=0.28)
        doc.text(7.0, 36.0, number, 8.6, f, eng, spacing=0.28)
        doc.text(7, 44.5, rng.choice(["借记卡", "储蓄卡", "IC借记卡"]), 5.4, S.f("sans"), fg)
        grouping = "one ungrouped run, laser-engraved"
        x0, y0 = CARD_W - 20, CARD_H - 14
    for i, col in enumerate([(220, 30, 40), (20, 60, 140), (0, 130, 120)]):
        doc.poly([(x0 + i * 5, y0 + 10), (x0 + i * 5 + 2, y0), (x0 + i * 5 + 7, y0), (x0 + i * 5 + 5, y0 + 10), (x0 + i * 5, y0 + 10)], 1.6, col)
    doc.text(x0 + 8.5, y0 + 2.2, "银联", 5.5, S.f("sansb"), (255, 255, 255), "m")
    doc.text(x0 + 8.5, y0 + 6, "UnionPay", 4, S.f("sansb"), (255, 255, 255), "m")
    return [doc], {"card_number": number}, "银联借记卡 %s (heldout7: %s, %s, the number %s, DejaVu Sans Condensed Bold), design %s" % (
        bank[0], "a vertical card" if style == "vertical" else "landscape", name, grouping, S.name), {"bank": bank[0]}


def k_residence_permit7(rng, S, c):
    """heldout7: 山东省居住证 with its title written down a coloured strip at the left edge, fields to its right, the
    portrait at the right, a cross-hatch ground."""
    p = c["person"]
    frm, until = c["rp_valid"]
    k = kc7(S)
    doc = Doc7(CARD_W, CARD_H, S=S, card=True)
    doc_grad(doc, 0, 0, CARD_W, CARD_H, (246, 250, 244), (252, 246, 236), vertical=False)
    hatch7(doc, rng, (226, 230, 220), 2.0)
    acc = S.c("accent")
    doc.rect(0, 0, 12.5, CARD_H, fill=acc)
    for i, ch in enumerate("山东省居住证"):
        doc.text(6.25, 4.0 + i * 7.8, ch, 11.5 if i >= 3 else 8.5, S.f("serifb"), (255, 255, 255), "m")
    lab, ink, f = S.c("label"), S.c("ink"), S.f("sans")
    items = [("姓名", p["name"]), ("性别", p["sex"] + "　民族 " + p["nation"]), ("出生", cn_date(p["birth"])), ("公民身份号码", p["id_number"]),
             ("居住地址", c["rp_address"]), ("签发机关", c["rp_authority"]), ("有效期限", "%s-%s" % (dotted(frm), dotted(until)))]
    y = 4.2
    for labt, val in items:
        doc.text(15.0, y + 0.4, labt, 4.3, f, lab)
        vf = S.f("mono") if labt in ("公民身份号码", "有效期限") else f
        sz = 6.2 * k
        x1 = 28.0
        room = (62.0 if y < 30 else CARD_W - 3) - x1
        while doc.width(val, sz, vf) > room:
            cut = len(val)
            while doc.width(val[:cut], sz, vf) > room:
                cut -= 1
            doc.text(x1, y, val[:cut], sz, vf, ink)
            val = val[cut:]
            y += 3.0
        doc.text(x1, y, val, sz, vf, ink)
        y += 4.9 if labt != "姓名" else 5.6
    doc.image(64.0, 5.0, 17.5, 22.5, portrait(rng, p["female"], (240, 244, 250)))
    exp = until < TODAY
    return [doc], {"name": p["name"], "id_number": p["id_number"], "valid_from": iso(frm), "valid_until": iso(until)}, \
        "山东省居住证 (heldout7: the title down a strip at the left edge, cross-hatch ground), design %s%s" % (S.name, ", EXPIRED" if exp else ""), {"expired": exp}


# ---- pages

def k_rp_receipt7(rng, S, c):
    """heldout7: 居住证申领业务受理回执 as printed from the online service: a coloured head band, a QR to follow the
    application, the fields in a table with dashed inner rules, 温馨提示, the station's 居住证业务专用章."""
    p = c["person"]
    doc = Doc7(210, 297, S=S)
    acc = S.c("accent")
    doc.rect(0, 0, 210, 22, fill=acc)
    doc.ellipse(14, 5, 26, 17, outline=(255, 255, 255), w=0.8)
    doc.text(20, 7.4, "警", 9, S.f("sansb"), (255, 255, 255), "m")
    doc.text(30, 6.2, "山东省公安厅 · 居住证网上申领", 12, S.f("sansb"), (255, 255, 255))
    doc.text(30, 13.4, "SHANDONG PUBLIC SECURITY ONLINE SERVICE", 5.2, S.f("mono"), (230, 236, 250))
    doc.text(96 + S.dx, 33 + S.dy, "居住证申领业务受理回执", 17 * S.k, S.f("serifb"), S.c("ink"), "m", spacing=0.8)
    acc_d = rand_date(rng, dt.date(2026, 8, 1), dt.date(2026, 11, 20))
    no = "JZ%s%s%04d" % (p["area"], acc_d.strftime("%y%m%d"), rng.randrange(10000))
    doc.image(166, 27, 28, 28, qr_block(rng, 25))
    doc.text(180, 56, "扫码查询办理进度", 6.5, S.f("sans"), (90, 90, 90), "m")
    doc.text(20 + S.dx, 47 + S.dy, "受理编号：" + no, 9.5 * S.k, S.f("sans"), S.c("ink"))
    station = rng.choice(["城区派出所", "银雀山派出所", "柳青派出所", "兰山派出所", "九曲派出所"])
    phone = "1%d" % rng.randrange(3 * 10 ** 9, 9 * 10 ** 9)
    rows = [[("申请人", 1, True), (p["name"], 1, False), ("性别", 1, True), (p["sex"], 1, False)],
            [("公民身份号码", 1, True), (p["id_number"], 3, False)],
            [("居住地址", 1, True), (c["rp_address"], 3, False)],
            [("申领类型", 1, True), ("首次申领", 1, False), ("联系电话", 1, True), (phone, 1, False)],
            [("受理单位", 1, True), (c["rp_authority"] + station, 3, False)],
            [("受理时间", 1, True), (acc_d.strftime("%Y-%m-%d ") + "%02d:%02d" % (rng.randint(8, 17), rng.randint(0, 59)), 1, False),
             ("预计办结", 1, True), ((acc_d + dt.timedelta(days=rng.choice([7, 10, 15]))).isoformat(), 1, False)],
            [("领取方式", 1, True), (rng.choice(["邮政寄递", "受理单位自取"]), 3, False)]]
    y = grid7(doc, S, 20 + S.dx, 62 + S.dy, [34, 56, 28, 54], rows, 10 * S.k, 11.5, vfont="sans")
    doc.text(20, y + 8, "温馨提示：", 10, S.f("sansb"), S.c("ink"))
    y += 15
    for i, t in enumerate(["请妥善保管本回执，凭本回执及居民身份证领取居住证；", "办理进度可扫描上方二维码或登录网上办事大厅查询；",
                           "居住证有效期一年，有效期满前三十日内请申请签注。"]):
        y = doc.para(24, y, 166, "%d. %s" % (i + 1, t), 9.5 * S.k, S.f("sans"), S.c("ink"), lh=1.6, indent=0) + 1
    doc.text(150, y + 14, c["rp_authority"] + station, 9.5, S.f("sans"), S.c("ink"), "m")
    doc.text(150, y + 21, cn_date(acc_d), 9.5, S.f("sans"), S.c("ink"), "m")
    doc.seal(150, y + 16, 36, station + "居住证业务专用章")
    return [doc], {"name": p["name"], "id_number": p["id_number"]}, \
        "居住证申领业务受理回执 (heldout7: an online service's printout, head band, QR, dashed-rule table, 温馨提示), design %s" % S.name, {}


def k_household7(rng, S, c):
    """heldout7: the 户口簿 opened and copied as a spread: on the left page the 登记事项变更和更正记载 of the card before,
    on the right the 常住人口登记卡 (printed entries), the 户口专用章 over it; a gutter between the pages."""
    p = c["person"]
    doc = Doc7(298, 108, bg=(250, 248, 240), S=S)
    doc.spread7 = True
    form = rng.choice([(40, 96, 150), (150, 60, 60), (60, 110, 70)])
    # left page: changes recorded
    doc.text(74, 6 + S.dy * 0.3, "登记事项变更和更正记载", 11 * S.k, S.f("serifb"), form, "m", spacing=0.6)
    rows = [[("变更、更正事项", 1, True), ("变更、更正后", 1, True), ("变更、更正日期", 1, True), ("承办人签章", 1, True)]]
    ent = rng.choice([("文化程度", "大学"), ("婚姻状况", "已婚"), ("服务处所", "临沂市兰山区"), ("职业", "职员")])
    d0 = rand_date(rng, dt.date(2012, 1, 1), dt.date(2025, 6, 30))
    rows.append([(ent[0], 1, False), (ent[1], 1, False), (d0.strftime("%Y.%m.%d"), 1, False), ("", 1, False)])
    rows += [[("", 1, False)] * 4 for _ in range(6)]
    grid7(doc, S, 8, 16, [32, 42, 32, 30], rows, 7.6, 10.5, colour=form, vfont="sans")
    sqseal = fake_name(rng, rng.random() < 0.5)
    doc.rect(116, 28, 124, 36, outline=(200, 34, 40), w=0.5)
    doc.text(120, 29.2, sqseal[-2:], 7.5, S.f("serifb"), (200, 34, 40), "m")
    # right page: the person's card
    ox = 152
    doc.text(ox + 73, 6 + S.dy * 0.3, "常住人口登记卡", 12 * S.k, S.f("serifb"), form, "m", spacing=1.0)
    rel = c.get("relation", rng.choice(["户主", "妻", "长子", "长女", "之子", "之女"]))
    b = p["birth"]
    place = PLACES[p["area"]][0]
    rows = [[("姓名", 1, True), (p["name"], 1, False), ("户主或与户主关系", 1, True), (rel, 1, False)],
            [("曾用名", 1, True), ("", 1, False), ("性别", 1, True), (p["sex"], 1, False)],
            [("出生地", 1, True), (place, 1, False), ("民族", 1, True), (p["nation"], 1, False)],
            [("籍贯", 1, True), (place[:3], 1, False), ("出生日期", 1, True), (cn_date(b), 1, False)],
            [("本市（县）其他住址", 1, True), ("", 3, False)],
            [("公民身份证件编号", 1, True), (p["id_number"], 3, False)],
            [("文化程度", 1, True), (rng.choice(["大学", "高中", "初中", "大专"]), 1, False), ("婚姻状况", 1, True), (rng.choice(["已婚", "未婚"]), 1, False)],
            [("何时由何地迁来本市（县）", 1, True), ("", 3, False)]]
    y = grid7(doc, S, ox, 16, [36, 44, 32, 32], rows, 7.8, 10.2, colour=form, vfont="sans")
    reg = rand_date(rng, dt.date(2008, 1, 1), dt.date(2025, 12, 31))
    doc.text(ox + 2, y + 3.5, "登记日期：%s" % cn_date(reg), 7.5, S.f("sans"), form)
    doc.text(ox + 80, y + 3.5, "承办人签章：", 7.5, S.f("sans"), form)
    doc.seal(ox + 92 + rng.uniform(-6, 6), y - 12, 30, PLACES[p["area"]][1][-5:] + "户口专用章")
    doc.paper_only = True
    return [doc], {"name": p["name"], "id_number": p["id_number"]}, \
        "户口簿 常住人口登记卡 (%s; heldout7: the open booklet copied as a spread, 变更和更正记载 on the left page), design %s" % (rel, S.name), {}


SCOPE7 = {"商贸": ("许可项目：食品销售；酒类经营。", "一般项目：日用百货销售；五金产品零售；建筑材料销售；服装服饰零售；鞋帽零售；家用电器销售；办公用品销售；货物进出口；技术进出口。"),
          "物流": ("许可项目：道路货物运输（不含危险货物）。", "一般项目：普通货物仓储服务（不含危险化学品等需许可审批的项目）；装卸搬运；国内货物运输代理；运输货物打包服务；信息咨询服务（不含许可类信息咨询服务）。"),
          "建筑": ("许可项目：建设工程施工；住宅室内装饰装修。", "一般项目：园林绿化工程施工；土石方工程施工；建筑材料销售；机械设备租赁；劳务服务（不含劳务派遣）。"),
          "食品": ("许可项目：食品生产；食品销售；粮食加工食品生产。", "一般项目：农副产品销售；食用农产品初加工；初级农产品收购；包装服务。"),
          "药房": ("许可项目：药品零售；第三类医疗器械经营；食品销售。", "一般项目：第一类医疗器械销售；第二类医疗器械销售；保健食品（预包装）销售；日用品销售；消毒剂销售（不含危险化学品）。"),
          "诊所": ("许可项目：医疗服务。", "一般项目：健康咨询服务（不含诊疗服务）；养生保健服务（非医疗）；远程健康管理服务。")}
SCOPE7_TAIL = ("（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）",
               "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）")


SCOPE7_MORE = ("技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；信息技术咨询服务；会议及展览服务；市场营销策划；企业管理咨询；"
               "广告设计、代理；广告制作；办公服务；专业保洁、清洗、消毒服务；普通机械设备安装服务；电子产品销售；计算机软硬件及辅助设备零售；"
               "互联网销售（除销售需要许可的商品）；供应链管理服务；")


def scope7(co):
    """A 经营范围 in today's wording: 许可项目 with their note, then a long list of 一般项目 with theirs."""
    key = next((k for k in SCOPE7 if k in co["name"]), "商贸")
    a, b = SCOPE7[key]
    return a + SCOPE7_TAIL[0] + b + SCOPE7_MORE + SCOPE7_TAIL[1]


def k_business_license7(rng, S, c):
    """heldout7: 营业执照 正本 landscape: the fields in one column at the left, the 经营范围 (许可项目 / 一般项目, long)
    in a box at the right set as small as it takes to fit, 登记机关 a 行政审批服务局. A 分公司's licence (c["branch"])
    names 负责人 and 营业场所 and has no 注册资本."""
    co = c["company"]
    br = c.get("branch")
    doc = Doc7(297, 210, bg=(253, 252, 247), S=S)
    acc = S.c("accent")
    doc.seal7 = (br or co)["name"]
    doc.rect(9, 9, 288, 201, outline=(186, 140, 60), w=1.4)
    doc.rect(13, 13, 284, 197, outline=(186, 140, 60), w=0.3)
    doc.image(139, 17, 19, 19, emblem())
    doc.text(148.5 + S.dx, 38 + S.dy, "营业执照", 30 * S.k, S.f("serifb"), (182, 22, 26), "m", spacing=5)
    name, code = (br["name"], br["uscc"]) if br else (co["name"], co["uscc"])
    doc.text(24, 20, "统一社会信用代码", 8.5, S.f("sans"), S.c("label"))
    doc.text(24, 26, code, 12 * S.k, S.f("mono"), S.c("ink"), spacing=0.3)
    doc.image(248, 17, 26, 26, qr_block(rng))
    doc.text(261, 44, "国家企业信用信息公示系统", 5.2, S.f("sans"), (90, 90, 90), "m")
    founded = br["founded"] if br else co["founded"]
    until = c.get("biz_until", "长期") if not br else "长期"
    until_text = "长期" if until == "长期" else cn_date(dt.date.fromisoformat(until))
    if br:
        items = [("名称", name), ("类型", "有限责任公司分公司(自然人投资或控股)"), ("负责人", br["head"]["name"]),
                 ("成立日期", cn_date(founded)), ("营业期限", "%s 至 %s" % (cn_date(founded), until_text)), ("营业场所", br["address"])]
    else:
        items = [("名称", name), ("类型", co["type"]), ("法定代表人", co["rep"]["name"]), ("注册资本", co["capital"]),
                 ("成立日期", cn_date(founded)), ("营业期限", "%s 至 %s" % (cn_date(founded), until_text)), ("住所", co["address"])]
    kv7(doc, S, 26 + S.dx, 62 + S.dy, items, 11 * S.k, 33, gap=2.15, font="serif", vfont="serif", wrap=100)
    bx0, by0, bx1, by1 = 172, 60, 276, 118
    doc.rect(bx0, by0, bx1, by1, outline=pale(acc, 0.3), w=0.35)
    lab7(doc, S, bx0 + 3, by0 + 3, "经营范围", 9.5, "serif", 60)
    text = scope7(co)
    sz = 9.5
    while True:
        test = Doc7(297, 210, S=S)
        yy = test.para(bx0 + 3, by0 + 11, bx1 - bx0 - 6, text, sz, S.f("serif"), S.c("ink"), lh=1.45, indent=2)
        if yy < by1 - 2 or sz <= 5.0:
            break
        sz -= 0.25
    doc.para(bx0 + 3, by0 + 11, bx1 - bx0 - 6, text, sz, S.f("serif"), S.c("ink"), lh=1.45, indent=2)
    auth = PLACES[co["area"]][0].replace("山东省", "")
    auth = (auth[:auth.index("市") + 1] if "市" in auth else auth[:3]) + "行政审批服务局"
    issue = rand_date(rng, founded, dt.date(2026, 10, 31))
    doc.text(232, 164, "登记机关", 12, S.f("serif"), S.c("ink"), "m")
    doc.seal(232, 170, 40, auth)
    doc.text(232, 182, cn_date(issue), 10.5, S.f("serif"), S.c("ink"), "m")
    doc.text(148.5, 190, "市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。", 6.5, S.f("sans"), (100, 100, 100), "m")
    doc.text(148.5, 194.5, "国家市场监督管理总局监制", 6.5, S.f("sans"), (100, 100, 100), "m")
    exp = until != "长期" and dt.date.fromisoformat(until) < TODAY
    facts = {"uscc": code, "unit_name": name, "valid_from": iso(founded), "valid_until": until}
    planted = ", PLANTED MISMATCH: the licence is the branch's (分公司), not the company's" if br else ""
    return [doc], facts, "营业执照 (正本%s; heldout7: fields in one column, 经营范围 with 许可项目/一般项目 in a box at %.2g pt, 登记机关 %s), design %s%s%s" % (
        ", a 分公司's" if br else "", sz, auth, S.name, ", EXPIRED (营业期限 ended)" if exp else "", planted), ({"expired": True} if exp else {})


def k_uscc_cert7(rng, S, c):
    """heldout7: 统一社会信用代码证书 landscape in a band of fine waves between two frames, the title in the accent colour,
    the code letter-spaced under it, bullet or bilingual labels, a QR at the bottom left."""
    ins = c["institution"]
    frm, until = c["lic_valid"]
    doc = Doc7(297, 210, bg=(252, 251, 246), S=S)
    acc = S.c("accent")
    doc.rect(10, 10, 287, 200, outline=acc, w=0.9)
    doc.rect(20, 20, 277, 190, outline=acc, w=0.4)
    wc = pale(acc, 0.55)
    for j in range(5):
        yb = 11.5 + j * 1.6
        ph = j * 0.9
        doc.poly([(x, yb + 0.5 * math.sin(x / 2.2 + ph)) for x in np.linspace(11, 286, 220)], 0.12, wc)
        doc.poly([(x, 190.5 + j * 1.6 + 0.5 * math.sin(x / 2.2 + ph)) for x in np.linspace(11, 286, 220)], 0.12, wc)
        doc.poly([(11.5 + j * 1.6 + 0.5 * math.sin(y / 2.2 + ph), y) for y in np.linspace(21, 189, 140)], 0.12, wc)
        doc.poly([(277.5 + j * 1.6 + 0.5 * math.sin(y / 2.2 + ph), y) for y in np.linspace(21, 189, 140)], 0.12, wc)
    doc.text(148.5 + S.dx, 30 + S.dy, "统一社会信用代码证书", 24 * S.k, S.f("serifb"), acc, "m", spacing=2.5)
    doc.text(148.5 + S.dx, 49 + S.dy, ins["uscc"], 15 * S.k, S.f("mono"), S.c("ink"), "m", spacing=2.2)
    doc.line(90, 58 + S.dy, 207, 58 + S.dy, 0.3, pale(acc, 0.3))
    items = [("机构名称", ins["name"]), ("机构性质", ins["nature"]), ("机构地址", ins["address"]), ("负责人", ins["head"]["name"]),
             ("有效期", "自%s至%s" % (cn_date(frm), cn_date(until)))]
    kv7(doc, S, 52 + S.dx, 72 + S.dy, items, 12.5 * S.k, 38, gap=2.15, font="serif", vfont="serif", wrap=150)
    doc.image(32, 152, 28, 28, qr_block(rng))
    issuer = ins["city"] + {"机关": "机构编制委员会办公室", "事业单位": "事业单位登记管理局", "社会团体": "民政局"}[ins["nature"]]
    doc.text(220, 162, "发证机关：" + issuer, 10, S.f("serif"), S.c("ink"), "m")
    doc.text(220, 172, "发证日期：" + cn_date(frm), 10, S.f("serif"), S.c("ink"), "m")
    doc.seal(224, 160, 40, issuer)
    exp = until < TODAY
    planted = ", PLANTED MISMATCH: expired before the day of submission" if c.get("planted_expired7") else ""
    return [doc], {"uscc": ins["uscc"], "unit_name": ins["name"], "valid_from": iso(frm), "valid_until": iso(until)}, \
        "统一社会信用代码证书 (%s; heldout7: a band of fine waves between two frames, the code letter-spaced under the title, %s labels), design %s%s%s" % (
            ins["nature"], S.lab, S.name, ", EXPIRED" if exp else "", planted), {"expired": exp}


def k_approval7(rng, S, c):
    """heldout7: a jointly issued 公文: 份号 at the top left, the two issuers' names stacked in red with 文件 to their
    right, the 文号 centred over a single red rule, 关于组建…的批复, the date in Arabic numerals (GB/T 9704-2012) under
    two seals, （此件公开发布）, 抄送 and 印发 lines."""
    ins = c["institution"]
    name = ins["name"]
    doc = Doc7(210, 297, S=S)
    red = (206, 18, 24)
    doc.text(28, 16, "%06d" % rng.randint(1, 300), 11, S.f("mono"), S.c("ink"))
    iss1 = ins["city"] + "机构编制委员会办公室"
    iss2 = ins["city"] + rng.choice(["人力资源和社会保障局", "财政局", "卫生健康局"])
    sz = 17 * S.k
    while max(doc.width(iss1, sz, S.f("serifb")), doc.width(iss2, sz, S.f("serifb"))) > 118 and sz > 10:
        sz -= 0.5
    doc.text(28, 32 + S.dy, iss1, sz, S.f("serifb"), red)
    doc.text(28, 44 + S.dy, iss2, sz, S.f("serifb"), red)
    doc.text(182, 34 + S.dy, "文件", 30 * S.k, S.f("serifb"), red, "r", spacing=2)
    yr = rng.randint(2008, 2024)
    num = "%s〔%d〕%d号" % (rng.choice(["临编办字", "兰编办发", "沂编办", "费编办发", "聊编办字"]), yr, rng.randint(3, 120))
    doc.text(105, 62, num, 11 * S.k, S.f("serif"), S.c("ink"), "m")
    doc.line(25, 70, 185, 70, 1.1, red)
    title = "关于组建%s的批复" % name
    y = doc.para(30, 80, 150, title, 16 * S.k, S.f("serifb"), S.c("ink"), lh=1.45, indent=0)
    dept = ins["city"] + rng.choice(["卫生健康局", "教育和体育局", "医疗保障局", "民政局"])
    bf = S.f("serif")
    doc.text(25, y + 5, dept + "：", 12 * S.k, bf, S.c("ink"))
    body = ("你单位《关于组建%s的请示》收悉。经研究，同意组建%s，为你单位所属公益一类事业单位，机构规格相当于副科级，"
            "核定事业编制%d名，经费形式为财政拨款。请据此到登记管理机关办理法人登记手续。" % (name, name, rng.randint(6, 36)))
    y = doc.para(25, y + 16, 160, body, 12 * S.k, bf, S.c("ink"), lh=1.9)
    doc.text(25 + 12 * S.k * 25.4 / 72 * 2, y + 2, "此复。", 12 * S.k, bf, S.c("ink"))
    d = dt.date(yr, rng.randint(1, 12), rng.randint(1, 28))
    doc.seal(100, y + 28, 38, iss1)
    doc.seal(150, y + 28, 38, iss2)
    doc.text(150, y + 40, "%d年%d月%d日" % (d.year, d.month, d.day), 12 * S.k, bf, S.c("ink"), "m")
    doc.text(25 + 12 * S.k * 25.4 / 72 * 2, y + 50, "（此件公开发布）", 12 * S.k, bf, S.c("ink"))
    fy = max(y + 64, 252)
    doc.line(25, fy, 185, fy, 0.5, S.c("ink"))
    doc.text(27, fy + 2.5, "抄送：" + ins["city"] + rng.choice(["财政局", "事业单位登记管理局", "审计局"]) + "。", 10 * S.k, bf, S.c("ink"))
    doc.line(25, fy + 10, 185, fy + 10, 0.3, S.c("ink"))
    doc.text(27, fy + 12.5, iss1, 10 * S.k, bf, S.c("ink"))
    doc.text(183, fy + 12.5, "%d年%d月%d日印发" % (d.year, d.month, d.day), 10 * S.k, bf, S.c("ink"), "r")
    doc.line(25, fy + 20, 185, fy + 20, 0.5, S.c("ink"))
    doc.text(170, 284, "— 1 —", 11, S.f("serif"), S.c("ink"), "m")
    return [doc], {"unit_name": name}, "单位批准成立文件 %s (heldout7: jointly issued, 份号, 文件 beside two issuers, date in Arabic numerals under two seals, 此件公开发布), design %s" % (
        num, S.name), {"title": title}


def k_marriage7(rng, S, c):
    """heldout7: the 结婚证 inner spread: on the left page 持证人, 登记日期, 结婚证字号 and 备注 with the wording of the
    law in force on the day (《中华人民共和国婚姻法》 before 2021, 《中华人民共和国民法典》 after); on the right the photo at
    the top and both parties in a table with dashed inner rules."""
    a, b = c["person"], c["spouse"]
    doc = Doc7(250, 88, bg=(252, 242, 238), S=S)
    hatch7(doc, rng, (246, 226, 224), 2.4)
    doc.line(125, 3, 125, 85, 0.3, (210, 170, 170))
    reg = c["marriage_date"]
    no = c.get("marriage_no") or "J%s-%d-%06d" % (a["area"], reg.year, rng.randrange(1, 999999))
    lx = 12 + S.dx
    y = kv7(doc, S, lx, 12, [("持证人", a["name"]), ("登记日期", cn_date(reg)), ("结婚证字号", no), ("备注", "")], 9.5 * S.k, 27, gap=2.2,
            font="serif", vfont="sans")
    law = "《中华人民共和国婚姻法》" if reg < dt.date(2021, 1, 1) else "《中华人民共和国民法典》"
    doc.para(lx, y + 1, 104, "申请结婚，经审查符合%s关于结婚的规定，予以登记，发给此证。" % law, 8, S.f("serif"), S.c("ink"), lh=1.5)
    auth = PLACES[a["area"]][0].replace("山东省", "") + "民政局"
    doc.text(26, 76, "登记机关：" + auth, 8, S.f("serif"), S.c("ink"))
    doc.seal(96, 70, 28, auth + "婚姻登记专用章")
    doc.image(165, 5, 44, 28, portrait(rng, False, (206, 36, 40)).resize((320, 200)))
    rows = [[("姓名", 1, True), ("性别", 1, True), ("国籍", 1, True), ("出生日期", 1, True), ("身份证件号", 1, True)]]
    for q in (a, b):
        rows.append([(q["name"], 1, False), (q["sex"], 1, False), ("中国", 1, False), (cn_date(q["birth"]), 1, False), (q["id_number"], 1, False)])
    grid7(doc, S, 130, 40, [17, 10, 11, 28, 50], rows, 7.4 * S.k, 9.0, font="serif", vfont="sans", centre=True)
    doc.text(243, 83, "中华人民共和国民政部监制", 5.5, S.f("sans"), (150, 110, 110), "r")
    facts = {"name": a["name"], "id_number": a["id_number"], "license_number": no}
    return [doc], facts, "结婚证 inner spread (heldout7: %s wording, the photo above a table of both parties, %s labels), design %s" % (
        law, S.lab, S.name), {"spouse_name": b["name"], "spouse_id_number": b["id_number"], "registered": iso(reg)}


def k_birth7(rng, S, c):
    """heldout7: a portrait 出生医学证明 in a border of 回 marks, 编号 in red with a barcode under it at the top right, the
    child's facts with bullet or bilingual labels, the parents in a table of three columns (item | 母亲 | 父亲)."""
    ch, mo, fa = c["child"], c["mother"], c["father"]
    doc = Doc7(190, 262, bg=(252, 252, 246), S=S)
    acc = S.c("accent")
    doc.rect(6, 6, 184, 256, outline=acc, w=0.6)
    doc.rect(12, 12, 178, 250, outline=acc, w=0.6)
    pc = pale(acc, 0.4)
    for xx in np.arange(8.0, 183.0, 5.0):
        for yy in (7.5, 251.5):
            doc.rect(xx, yy, xx + 3, yy + 3, outline=pc, w=0.2)
            doc.rect(xx + 1, yy + 1, xx + 2, yy + 2, outline=pc, w=0.2)
    for yy in np.arange(13.0, 249.0, 5.0):
        for xx in (7.5, 179.5):
            doc.rect(xx, yy, xx + 3, yy + 3, outline=pc, w=0.2)
            doc.rect(xx + 1, yy + 1, xx + 2, yy + 2, outline=pc, w=0.2)
    doc.text(95 + S.dx, 24 + S.dy, "出生医学证明", 24 * S.k, S.f("serifb"), (176, 32, 44), "m", spacing=3)
    doc.text(174, 15.5, "编号 " + c["bc_no"], 10.5, S.f("mono"), (196, 30, 40), "r")
    barcode6(doc, 138, 21, 36, 5.5, rng.randrange(10 ** 6))
    bt = c["birth_time"]
    items = [("新生儿姓名", ch["name"]), ("性别", ch["sex"]), ("出生时间", "%d年%d月%d日%d时%d分" % (bt.year, bt.month, bt.day, bt.hour, bt.minute)),
             ("出生孕周", "%d周" % rng.randint(37, 41)), ("出生体重", "%d克" % rng.randint(2600, 4100)), ("出生身长", "%d厘米" % rng.randint(47, 54)),
             ("出生地点", PLACES[mo["area"]][0]), ("医疗机构名称", c["hospital"])]
    y = kv7(doc, S, 22 + S.dx, 46 + S.dy, items, 10.5 * S.k, 34, gap=2.0, font="serif", vfont="sans", wrap=110)
    age = lambda p: "%d岁" % ((bt.date() - p["birth"]).days // 365)
    rows = [[("", 1, True), ("母　亲", 1, True), ("父　亲", 1, True)],
            [("姓名", 1, True), (mo["name"], 1, False), (fa["name"], 1, False)],
            [("年龄", 1, True), (age(mo), 1, False), (age(fa), 1, False)],
            [("国籍", 1, True), ("中国", 1, False), ("中国", 1, False)],
            [("民族", 1, True), (mo["nation"], 1, False), (fa["nation"], 1, False)],
            [("身份证件号码", 1, True), (mo["id_number"], 1, False), (fa["id_number"], 1, False)]]
    y = grid7(doc, S, 20 + S.dx, y + 6, [34, 58, 58], rows, 10 * S.k, 10, font="serif", vfont="sans", centre=True)
    issue = (bt + dt.timedelta(days=rng.randint(2, 20))).date()
    doc.text(26, y + 14, "签发日期：" + cn_date(issue), 10, S.f("sans"), S.c("ink"))
    doc.text(138, y + 14, "签证机构（盖章）", 10, S.f("sans"), S.c("ink"), "m")
    doc.seal(138, y + 20, 34, c["hospital"] + "出生医学证明专用章"[:4])
    doc.text(95, 242, "国家卫生健康委员会监制", 7.5, S.f("sans"), (120, 110, 100), "m")
    facts = {"birth_certificate_number": c["bc_no"], "child_name": ch["name"], "mother_name": mo["name"], "mother_id_number": mo["id_number"]}
    return [doc], facts, "出生医学证明 (heldout7: portrait, a border of 回 marks, 编号 with a barcode, %s labels, parents in a three-column table), design %s" % (
        S.lab, S.name), {"father_name": fa["name"], "father_id_number": fa["id_number"]}


def blank7(doc, S, x, y, val, size, font, pad=2.0):
    """A typed value in a blank of a sentence (underlined); returns the x after it."""
    f = S.f(font)
    w = doc.width(val, size, f)
    doc.text(x + pad, y, val, size, f, S.c("ink"))
    em = size * 25.4 / 72
    doc.line(x, y + em * 1.12, x + w + 2 * pad, y + em * 1.12, 0.25, S.c("ink"))
    return x + w + 2 * pad


def sentence7(doc, S, x, y, width, parts, size, font="serif", lh=2.0):
    """A sentence of text and filled blanks (("v", value) parts), wrapped at width; returns the next y."""
    f = S.f(font)
    em = size * 25.4 / 72
    cx = x
    for kind, t in parts:
        if kind == "v":
            w = doc.width(t, size, f) + 4.0
            if cx + w > x + width:
                cx, y = x, y + em * lh
            cx = blank7(doc, S, cx, y, t, size, font)
            continue
        for ch in t:
            w = doc.width(ch, size, f)
            if cx + w > x + width and ch not in "，。、；：）":   # no line starts with a comma or a full stop
                cx, y = x, y + em * lh
            doc.text(cx, y, ch, size, f, S.c("ink"))
            cx += w
    return y + em * lh


def k_diagnosis7(rng, S, c):
    """heldout7: a half-sheet (A5 landscape) 医疗诊断书 / 疾病证明书 in prose: 兹证明 with the patient's name, sex, age (and
    ID number) typed into underlined blanks of the sentence, the diagnosis and the advice, doctor and seal."""
    p = c["person"]
    doc = Doc7(210, 148, S=S)
    hosp = c.get("hospital") or rng.choice(HOSP)
    dx, dept = c.get("diag") or rng.choice(DIAG)
    title = rng.choice(["医疗诊断书", "疾病证明书"])
    doc.text(105 + S.dx, 9 + S.dy, hosp, 14 * S.k, S.f("serifb"), S.c("ink"), "m", spacing=0.8)
    doc.text(105 + S.dx, 19 + S.dy, title, 16 * S.k, S.f("sansb"), S.c("accent"), "m", spacing=3)
    d = c.get("visit") or rand_date(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 25))
    opno = "%08d" % rng.randrange(10 ** 8)
    doc.text(18, 31, "科别：%s　　门诊号：%s　　日期：%s" % (dept, opno, cn_date(d)), 9 * S.k, S.f("sans"), S.c("label"))
    doc.line(16, 37, 194, 37, 0.4, S.c("label"))
    show_id = rng.random() < 0.6
    age = (d - p["birth"]).days // 365
    parts = [("t", "兹证明患者"), ("v", p["name"]), ("t", "，性别"), ("v", p["sex"]), ("t", "，年龄"), ("v", "%d" % age), ("t", "岁，")]
    if show_id:
        parts += [("t", "身份证号"), ("v", p["id_number"]), ("t", "，")]
    parts += [("t", "于"), ("v", cn_date(d)), ("t", "在我院%s就诊，经检查诊断为：" % dept), ("v", dx), ("t", "。")]
    y = sentence7(doc, S, 20, 44, 170, parts, 11 * S.k)
    y = doc.para(20, y + 1, 170, "建议：" + rng.choice(["注意休息，全休两周，定期复查。", "继续药物治疗，低盐低脂饮食，门诊随诊。",
                                                    "住院治疗；出院后休息一个月，不适随诊。"]), 11 * S.k, S.f("serif"), S.c("ink"), lh=1.8, indent=2)
    doc.text(118, y + 6, "医师：", 10, S.f("sans"), S.c("ink"))
    doc.sign(130, y + 3, 26, 10, rng.randrange(10 ** 6))
    doc.text(118, y + 15, cn_date(d), 10, S.f("sans"), S.c("ink"))
    doc.seal(150, y + 12, 32, hosp + "诊断证明专用章")
    doc.text(105, 141, "（本证明须加盖医院诊断证明专用章，涂改无效）", 7.5, S.f("sans"), (110, 110, 110), "m")
    facts = {"name": p["name"]}
    if show_id:
        facts["id_number"] = p["id_number"]
    return [doc], facts, "%s %s (heldout7: A5 landscape, 兹证明 prose with the patient's facts in underlined blanks), design %s" % (
        title, hosp, S.name), {"diagnosis": dx}


def k_discharge7(rng, S, c):
    """heldout7: 出院记录 laid out as tables: the patient in a four-column table, then the record itself as a two-column
    table (a head column and its text), dashed inner rules; the doctor's signature; 第1页 共1页."""
    p = c["person"]
    doc = Doc7(210, 297, S=S)
    hosp = c.get("hospital") or rng.choice(HOSP)
    dx, dept = c.get("diag") or rng.choice(DIAG)
    doc.text(105 + S.dx, 12 + S.dy, hosp, 15 * S.k, S.f("serifb"), S.c("ink"), "m", spacing=1)
    doc.text(105 + S.dx, 22 + S.dy, "出 院 记 录", 15 * S.k, S.f("sansb"), S.c("ink"), "m")
    a = c.get("admit", rand_date(rng, dt.date(2026, 5, 1), dt.date(2026, 10, 30)))
    b = c.get("discharge", a + dt.timedelta(days=rng.randint(3, 20)))
    age = (TODAY - p["birth"]).days // 365
    rows = [[("姓名", 1, True), (p["name"], 1, False), ("性别", 1, True), (p["sex"], 1, False)],
            [("年龄", 1, True), ("%d岁" % age, 1, False), ("科室", 1, True), (dept, 1, False)],
            [("住院号", 1, True), ("%08d" % rng.randrange(10 ** 8), 1, False), ("床号", 1, True), ("%d床" % rng.randint(1, 60), 1, False)],
            [("入院日期", 1, True), (a.isoformat(), 1, False), ("出院日期", 1, True), (b.isoformat(), 1, False)]]
    y = grid7(doc, S, 18 + S.dx * 0.5, 34 + S.dy * 0.5, [26, 60, 26, 62], rows, 10 * S.k, 9.5, vfont="sans")
    secs = [("入院诊断", dx), ("出院诊断", dx + "（好转）"),
            ("入院情况", "患者因“%s”入院。查体：T 36.5℃，P 78次/分，R 18次/分，BP 128/80mmHg，神志清，精神可。" % rng.choice(["反复胸闷3天", "腹痛12小时", "咳嗽咳痰1周", "腰痛伴右下肢麻木2月"])),
            ("诊疗经过", "入院后完善相关检查，给予%s等治疗，症状逐渐缓解，病情稳定，准予出院。" % rng.choice(["抗感染、化痰", "降压、调脂、抗血小板", "营养神经、改善循环", "手术"])),
            ("出院情况", "一般情况可，无明显不适。"), ("出院医嘱", "1.注意休息，清淡饮食；2.按时服药；3.出院两周后门诊复查，不适随诊。")]
    x0 = 18 + S.dx * 0.5
    col = S.c("label")
    top = y + 4
    y = top
    for i, (lab, val) in enumerate(secs):
        y1 = doc.para(x0 + 30, y + 2.4, 142, val, 11 * S.k, S.f("serif"), S.c("ink"), lh=1.65, indent=0) + 1.2
        doc.rect(x0, y, x0 + 28, y1, fill=S.c("tint"))
        doc.text(x0 + 1.5, y + 2.4, lab, 11 * S.k, S.f("sansb"), col)
        if i:
            dashed7(doc, x0, y, x0 + 174, y, 0.18, col)
        y = y1
    dashed7(doc, x0 + 28, top, x0 + 28, y, 0.18, col)
    doc.rect(x0, top, x0 + 174, y, outline=col, w=0.5)
    doc.text(120, y + 10, "医师签名：", 10, S.f("sans"), S.c("ink"))
    doc.sign(141, y + 6.5, 28, 10, rng.randrange(10 ** 6))
    doc.text(120, y + 19, "记录日期：" + cn_date(b), 10, S.f("sans"), S.c("ink"))
    doc.text(105, 285, "第1页　共1页", 8, S.f("sans"), (110, 110, 110), "m")
    return [doc], {"name": p["name"]}, "出院记录 %s (heldout7: the patient and the record itself in tables with dashed inner rules), design %s" % (hosp, S.name), \
        {"admitted": iso(a), "discharged": iso(b), "diagnosis": dx}


def k_medical_record7(rng, S, c):
    """heldout7: a page of a 门诊病历本 with the visit printed on a label and stuck onto it: the booklet's own head and
    ruled lines around the sticker, the sticker a little shadowed; the doctor's signature on the label."""
    p = c["person"]
    doc = Doc7(140, 200, bg=(251, 249, 238), S=S)
    hosp = c.get("hospital") or rng.choice(HOSP)
    dx, dept = c.get("diag") or rng.choice(DIAG)
    form = rng.choice([(40, 100, 160), (60, 120, 80), (150, 70, 60)])
    doc.text(70, 7, "门 诊 病 历 记 录", 11, S.f("serifb"), form, "m", spacing=0.6)
    doc.line(8, 15, 132, 15, 0.5, form)
    for ly in np.arange(23, 196, 8.0):
        doc.line(10, ly, 130, ly, 0.15, pale(form, 0.55))
    sx, sy = 12 + rng.uniform(-2, 2), 26 + rng.uniform(-2, 4)
    sw_, sh_ = 114, 112
    doc.rect(sx + 0.8, sy + 0.8, sx + sw_ + 0.8, sy + sh_ + 0.8, fill=(214, 212, 204))
    doc.rect(sx, sy, sx + sw_, sy + sh_, fill=(255, 255, 255), outline=(226, 226, 222), w=0.15)
    f, fb = S.f("sans"), S.f("sansb")
    d = rand_date(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 25))
    age = (TODAY - p["birth"]).days // 365
    doc.text(sx + sw_ / 2, sy + 3, hosp + "　门诊病历", 9 * S.k, fb, S.c("ink"), "m")
    doc.line(sx + 3, sy + 9, sx + sw_ - 3, sy + 9, 0.25, (60, 60, 60))
    doc.text(sx + 4, sy + 11, "姓名：%s　性别：%s　年龄：%d岁　科室：%s" % (p["name"], p["sex"], age, dept), 7.6 * S.k, f, S.c("ink"))
    doc.text(sx + 4, sy + 16, "就诊时间：%s %02d:%02d　就诊号：%09d" % (d.isoformat(), rng.randint(8, 16), rng.randint(0, 59), rng.randrange(10 ** 9)),
             7.6 * S.k, f, S.c("ink"))
    y = sy + 23
    for lab, val in (("主诉", rng.choice(["头晕3天。", "咳嗽、咽痛2天。", "上腹部不适1周。", "左膝关节疼痛1月。"])),
                     ("现病史", "近期症状加重，无发热，无恶心呕吐，饮食睡眠可，二便正常。"),
                     ("既往史", rng.choice(["否认高血压、糖尿病史。", "高血压病史5年。", "否认药物过敏史。"])),
                     ("查体", "神清，心肺听诊未闻及异常，腹软，无压痛。"), ("诊断", dx),
                     ("处理", rng.choice(["1.血常规；2.口服药物治疗；3.不适随诊。", "1.完善检查；2.对症治疗；3.一周后复诊。"]))):
        y = doc.para(sx + 4, y, sw_ - 8, "%s：%s" % (lab, val), 8.2 * S.k, f, S.c("ink"), lh=1.5, indent=0) + 1.2
    doc.text(sx + sw_ - 36, sy + sh_ - 9, "医师：", 8, f, S.c("ink"))
    doc.sign(sx + sw_ - 27, sy + sh_ - 12, 22, 8, rng.randrange(10 ** 6))
    doc.paper_only = True
    return [doc], {"name": p["name"]}, "门诊病历 %s (heldout7: the visit printed on a label stuck onto a page of the booklet), design %s" % (hosp, S.name), {"diagnosis": dx}


CAT7 = {"西药费": [("阿莫西林胶囊", 23.5), ("布洛芬缓释胶囊", 18.6), ("头孢克肟片", 32.8), ("蒙脱石散", 15.2), ("氨溴索口服液", 26.4)],
        "检查费": [("心电图", 25.0), ("胸部DR", 90.0), ("彩超(腹部)", 120.0)],
        "化验费": [("血常规", 20.0), ("尿常规", 12.0), ("C反应蛋白", 30.0), ("肝功能", 88.0)],
        "治疗费": [("静脉输液", 8.0), ("雾化吸入", 15.0)], "诊察费": [("门诊诊查费", 10.0)]}
WARD7 = ["床位费", "诊察费", "检查费", "化验费", "治疗费", "手术费", "护理费", "卫生材料费", "西药费", "中成药费"]


def einvoice7(rng, S, c, p, hosp, inpatient):
    """The 财政 platform's 医疗收费电子票据 as printed (A5 landscape): the title with a （门诊）/（住院） tag, the 监制章 oval
    beside it, the QR at the top right, 票据代码 … 开票日期 on one line, items grouped by category with subtotals (门诊) or
    the categories alone (住院), the 医保 settlement in four labelled cells. Returns (doc, total, number, note)."""
    payer = c.get("payer") or p
    doc = Doc7(210, 140, S=S)
    col = S.c("accent")
    title = "山东省医疗收费电子票据"
    doc.text(96 + S.dx, 8 + S.dy, title, 15 * S.k, S.f("serifb"), (170, 30, 30), "m", spacing=1.2)
    tw = doc.width(title, 15 * S.k, S.f("serifb"), 1.2)
    tag = "（住院）" if inpatient else "（门诊）"
    doc.text(96 + S.dx + tw / 2 + 2, 10 + S.dy, tag, 9, S.f("sans"), (170, 30, 30))
    doc.seal(96 + S.dx - tw / 2 - 14, 12, 20, "山东省财政厅票据监制章", colour=(190, 40, 40), oval=True)
    doc.image(184, 4, 20, 20, qr_block(rng, 21))
    code, num = "37%06d" % rng.randrange(10 ** 6), "%010d" % rng.randrange(10 ** 10)
    check = "".join(rng.choice("0123456789abcdef") for _ in range(6))
    d = c.get("discharge") if inpatient and c.get("discharge") else (c.get("visit") or rand_date(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 25)))
    doc.text(10, 25, "票据代码：%s　票据号码：%s　校验码：%s　开票日期：%s" % (code, num, check, d.isoformat()), 8 * S.k, S.f("mono"), S.c("ink"))
    doc.text(10, 31, "交款人：%s" % payer["name"], 9 * S.k, S.f("sans"), S.c("ink"))
    doc.text(70, 31, "交款人统一社会信用代码：%s" % payer["id_number"], 9 * S.k, S.f("sans"), S.c("ink"))
    if inpatient:
        a = c.get("admit", d - dt.timedelta(days=7))
        doc.text(10, 37, "住院号：%08d　住院时间：%s 至 %s　医保类型：%s" % (rng.randrange(10 ** 8), a.isoformat(), d.isoformat(), rng.choice(["职工医保", "居民医保"])),
                 8.2 * S.k, S.f("sans"), S.c("ink"))
        rows = [[("项目名称", 1, True), ("金额（元）", 1, True), ("项目名称", 1, True), ("金额（元）", 1, True)]]
        amounts = [(n, round(rng.uniform(40, 1600), 2)) for n in WARD7]
        for i in range(0, len(amounts), 2):
            r = []
            for n, v in amounts[i:i + 2]:
                r += [(n, 1, False), ("%.2f" % v, 1, False)]
            rows.append(r + [("", 1, False)] * (4 - len(r)))
        total = round(sum(v for _, v in amounts), 2)
        y = grid7(doc, S, 10, 43, [50, 45, 50, 45], rows, 8.5 * S.k, 6.2, colour=col, vfont="mono")
    else:
        doc.text(10, 37, "门诊号：%010d　就诊日期：%s　医保类型：%s" % (rng.randrange(10 ** 10), d.isoformat(), rng.choice(["职工医保", "居民医保"])),
                 8.2 * S.k, S.f("sans"), S.c("ink"))
        rows = [[("类别 / 项目名称", 1, True), ("数量", 1, True), ("金额（元）", 1, True)]]
        total = 0.0
        cats = rng.sample(list(CAT7), rng.randint(3, 4))
        for cat in cats:
            its = rng.sample(CAT7[cat], min(len(CAT7[cat]), rng.randint(1, 3)))
            lines = [(n, q, round(q * v, 2)) for (n, v) in its for q in [rng.randint(1, 2)]]
            sub = round(sum(a for _, _, a in lines), 2)
            total += sub
            rows.append([(cat, 1, True), ("", 1, True), ("%.2f" % sub, 1, True)])
            for n, q, a in lines:
                rows.append([("　" + n, 1, False), ("%d" % q, 1, False), ("%.2f" % a, 1, False)])
        total = round(total, 2)
        y = grid7(doc, S, 10, 43, [120, 30, 40], rows, 8.2 * S.k, 5.2, colour=col, vfont="sans")
    doc.rect(10, y, 200, y + 6.5, outline=col, w=0.3)
    doc.text(12, y + 1.3, "金额合计（大写）%s　　（小写）¥%.2f" % (rmb_upper(total), total), 8.5 * S.k, S.f("sans"), S.c("ink"))
    fund = round(total * rng.uniform(0.3, 0.7), 2)
    acct = round(min(total - fund, rng.uniform(0, 60)), 2)
    cash = round(total - fund - acct, 2)
    cells = [[("医保统筹基金支付", 1, True), ("%.2f" % fund, 1, False), ("其他支付", 1, True), ("0.00", 1, False),
              ("个人账户支付", 1, True), ("%.2f" % acct, 1, False), ("个人现金支付", 1, True), ("%.2f" % cash, 1, False)]]
    y = grid7(doc, S, 10, y + 6.5, [28, 19.5, 16, 19.5, 24, 19.5, 24, 39.5], cells, 7.2 * S.k, 6.5, colour=col, vfont="mono")
    doc.text(12, y + 5, "收款单位（章）：" + hosp, 8.5, S.f("sans"), S.c("ink"))
    doc.text(120, y + 5, "复核人：%s　　收款人：%s" % (fake_name(rng, True), fake_name(rng, False)), 8.5, S.f("sans"), S.c("ink"))
    doc.seal(60, y + 5, 26, hosp + "财务专用章"[:2], oval=True)
    note = "%s%s %s (heldout7: 监制章 beside the title, QR top right, the numbers on one line, %s, 医保 settlement cells)" % (
        title, tag, hosp, "categories in two pairs of columns" if inpatient else "items grouped by category with subtotals")
    return doc, total, num, note


def k_invoice7(rng, S, c):
    """heldout7's invoices: the 财政 platform's 电子票据 printout (c["invoice7"] "efin"; 住院 for the 住院 bundle), or a
    phone screenshot of it in a wallet app's 票据详情 ("app"). A planted payer (c["payer"]) is on the bill as 交款人."""
    p = c["person"]
    t = c.get("invoice7") or rng.choice(["efin", "app"])
    hosp = c.get("hospital") or rng.choice(HOSP)
    inpatient = c.get("invoice_type") == "inpatient"
    bill, total, num, note = einvoice7(rng, S, c, p, hosp, inpatient)
    payer = c.get("payer") or p
    planted = ", PLANTED MISMATCH: the 交款人 is %s, not the patient" % payer["name"] if c.get("payer") else ""
    if t == "efin":
        bill.pdf_native = True
        return [bill], {"name": payer["name"]}, note + ", design %s%s" % (S.name, planted), {"total": "%.2f" % total, "invoice_number": num}
    doc = Doc7(72, 156, bg=(244, 245, 247), S=S, hs=1.0)
    doc.app = True
    status_bar6(doc, S, clock="%d:%02d" % (rng.randint(8, 21), rng.randint(0, 59)))
    app_header6(doc, S, "票据详情")
    img = render(bill, 300)
    doc_rrect(doc, 2.5, 15.5, 69.5, 16.5 + 67 * 140 / 210 + 1, 1.2, fill=(255, 255, 255))
    doc.image(3, 16, 66, 66 * 140 / 210, img)
    y = 16 + 66 * 140 / 210 + 6
    ui = S.f("sans")
    doc_rrect(doc, 2.5, y - 2, 69.5, y + 44, 1.5, fill=(255, 255, 255))
    for lab, val in (("票据名称", "山东省医疗收费电子票据"), ("开票单位", hosp), ("交款人", payer["name"]), ("票据金额", "¥%.2f" % total),
                     ("票据号码", num), ("开票时间", "2026-%02d-%02d" % (rng.randint(6, 11), rng.randint(1, 28)))):
        doc.text(6, y, lab, 4.6, ui, (130, 130, 130))
        doc.text(66, y, val, 4.6, ui, (30, 30, 30), "r")
        y += 7.0
    for i, t_ in enumerate(("下载PDF", "发送至邮箱", "申请报销")):
        cx = 14 + i * 22
        doc_rrect(doc, cx - 9.5, 138, cx + 9.5, 146, 2.0, fill=(255, 255, 255), outline=(60, 120, 220), w=0.3)
        doc.text(cx, 140, t_, 4.6, ui, (40, 100, 210), "m")
    return [doc], {"name": payer["name"]}, note + ", shown in a phone's 票据详情 screen (heldout7: a wallet app's screenshot), design %s%s" % (
        S.name, planted), {"total": "%.2f" % total, "invoice_number": num}


def k_expense_list7(rng, S, c):
    """heldout7: 费用明细清单 printed on continuous tractor-feed paper (9.5 × 11 in): pin holes down both edges, the
    strips' perforations, pale green bars every other third of an inch; 1–2 pages, 续页 on the second."""
    p = c["person"]
    pages_n = c.get("pages", rng.choice([1, 2]))
    hosp = c.get("hospital") or rng.choice(HOSP)
    a = c.get("admit", rand_date(rng, dt.date(2026, 5, 1), dt.date(2026, 10, 30)))
    b = c.get("discharge", a + dt.timedelta(days=rng.randint(3, 20)))
    names = [("0.9%氯化钠注射液", "250ml", "袋", 3.8, "甲"), ("头孢呋辛钠注射剂", "0.75g", "支", 12.6, "乙"), ("血常规", "", "次", 20.0, "甲"),
             ("肝功能检查", "", "项", 88.0, "甲"), ("胸部CT平扫", "", "次", 180.0, "甲"), ("一级护理", "", "日", 28.0, "甲"),
             ("床位费(三人间)", "", "日", 40.0, "甲"), ("阿托伐他汀钙片", "20mg*7", "盒", 16.5, "乙"), ("静脉输液", "", "组", 8.0, "甲"),
             ("一次性输液器", "", "支", 2.5, "乙"), ("心电图", "", "次", 25.0, "甲"), ("奥美拉唑肠溶胶囊", "20mg*14", "盒", 9.8, "甲")]
    title = rng.choice(["住院费用明细清单", "住院病人费用明细"])
    rows = []
    dd = a
    while len(rows) < 50 * pages_n - 8:
        for _ in range(rng.randint(3, 6)):
            n, spec, unit, price, cls = rng.choice(names)
            q = rng.randint(1, 3)
            rows.append((dd.strftime("%m-%d"), n, spec, unit, q, price, round(q * price, 2), cls))
        dd = min(b, dd + dt.timedelta(days=1))
    grand = round(sum(r[6] for r in rows), 2)
    docs = []
    per = -(-len(rows) // pages_n)
    green = (222, 238, 224)
    f, mono = S.f("sans"), S.f("mono")
    for pi in range(pages_n):
        doc = Doc7(241, 279, S=S)
        for yy in np.arange(30.0, 272.0, 25.4 / 3 * 2):
            doc.rect(13.5, yy, 227.5, yy + 25.4 / 3, fill=green)
        for xx in (6.35, 234.65):
            for yy in np.arange(6.35, 279, 12.7):
                doc.ellipse(xx - 2.0, yy - 2.0, xx + 2.0, yy + 2.0, fill=(70, 70, 70))
        for xx in (12.7, 228.3):
            dashed7(doc, xx, 0, xx, 279, 0.15, (170, 170, 170), 0.8, 0.8)
        dashed7(doc, 0, 0.4, 241, 0.4, 0.15, (170, 170, 170), 0.8, 0.8)
        doc.text(120.5 + S.dx, 10, hosp + "　" + title + ("（续页）" if pi else ""), 12 * S.k, S.f("sansb"), S.c("ink"), "m")
        doc.text(18, 19, "姓名：%s　性别：%s　住院号：%08d　科室：%s" % (p["name"], p["sex"], rng.randrange(10 ** 8), (c.get("diag") or rng.choice(DIAG))[1]),
                 8.5 * S.k, f, S.c("ink"))
        doc.text(18, 24.5, "入院日期：%s　出院日期：%s　打印页：%d/%d" % (a.isoformat(), b.isoformat(), pi + 1, pages_n), 8.5 * S.k, f, S.c("ink"))
        xs = [18, 32, 92, 118, 130, 144, 164, 190, 208]
        heads = ["日期", "项目名称", "规格", "单位", "数量", "单价", "金额", "类别"]
        y = 30.6
        for xi, h in zip(xs, heads):
            doc.text(xi, y, h, 8 * S.k, S.f("sansb"), S.c("ink"))
        y += 25.4 / 6
        chunk = rows[pi * per:(pi + 1) * per]
        for r in chunk:
            for xi, v in zip(xs, (r[0], r[1], r[2], r[3], "%d" % r[4], "%.2f" % r[5], "%.2f" % r[6], r[7])):
                doc.text(xi, y, v, 8 * S.k, mono if xi in (18, 130, 144, 164) else f, S.c("ink"))
            y += 25.4 / 6
        sub = round(sum(r[6] for r in chunk), 2)
        y += 2
        doc.text(18, y, "本页小计：%.2f" % sub, 8.5 * S.k, f, S.c("ink"))
        if pi == pages_n - 1:
            doc.text(110, y, "费用合计：%.2f　（%s）" % (grand, rmb_upper(grand)), 8.5 * S.k, f, S.c("ink"))
        doc.paper_only = True
        docs.append(doc)
    return docs, {"name": p["name"]}, "%s %s (heldout7: continuous tractor-feed paper with pin holes and green bars), %d page(s), design %s" % (
        title, hosp, pages_n, S.name), {"total": "%.2f" % grand}


def k_poa7(rng, S, c):
    """heldout7: a typed 授权委托书 form. A person's: 委托人 and 受托人 in one table (姓名, 身份证号码, 联系电话), the matter
    and term in sentences, signatures; with c["id_copies7"] the two ID cards' copies pasted in boxes at the foot (the
    file also shows id-card-front). A unit's: every field in a table with dashed inner rules, the unit's seal."""
    pr, ag = c["principal"], c["agent"]
    unit = c.get("company")
    poa_agent_id = c.get("poa_agent_id", ag["id_number"])
    ag = dict(ag, name=c["poa_agent_name"]) if "poa_agent_name" in c else ag
    matter = c.get("matter", rng.choice(["医疗费用手工报销", "异地就医备案", "生育保险待遇申领", "参保信息变更"]))
    d = rand_date(rng, dt.date(2026, 9, 1), dt.date(2026, 11, 28))
    until = d + dt.timedelta(days=rng.choice([30, 90, 180]))
    doc = Doc7(210, 297, S=S)
    doc.text(105 + S.dx, 20 + S.dy, "授权委托书", 20 * S.k, S.f("serifb"), S.c("ink"), "m", spacing=3)
    extra = {"matter": matter}
    if not unit:
        phone = lambda: "1%d" % rng.randrange(3 * 10 ** 9, 9 * 10 ** 9)
        rows = [[("", 1, True), ("姓名", 1, True), ("身份证号码", 1, True), ("联系电话", 1, True)],
                [("委托人", 1, True), (pr["name"], 1, False), (pr["id_number"], 1, False), (phone(), 1, False)],
                [("受托人", 1, True), (ag["name"], 1, False), (poa_agent_id, 1, False), (phone(), 1, False)]]
        y = grid7(doc, S, 20 + S.dx, 36 + S.dy, [24, 34, 72, 40], rows, 10.5 * S.k, 11, vfont="sans", centre=True)
        body = "本人因%s，不能亲自到医疗保障经办机构办理%s业务，特委托%s代为办理。受托人在办理上述事项过程中所签署的有关文件，本人均予以承认，并承担相应的法律责任。" % (
            rng.choice(["身体原因", "在外地工作", "行动不便", "年事已高"]), matter, ag["name"])
        y = doc.para(22, y + 8, 166, body, 11 * S.k, S.f("serif"), S.c("ink"), lh=1.9)
        y = doc.para(22, y + 1, 166, "委托期限：自%s至%s。" % (cn_date(d), cn_date(until)), 11 * S.k, S.f("serif"), S.c("ink"), lh=1.9)
        doc.text(110, y + 8, "委托人（签字）：", 11, S.f("serif"), S.c("ink"))
        doc.sign(148, y + 5, 26, 10, rng.randrange(10 ** 6))
        doc.text(110, y + 19, "受托人（签字）：", 11, S.f("serif"), S.c("ink"))
        doc.sign(148, y + 16, 26, 10, rng.randrange(10 ** 6))
        doc.text(110, y + 30, cn_date(d, True), 11, S.f("serif"), S.c("ink"))
        note = "授权委托书 (person principal; heldout7: typed, 委托人 and 受托人 in one table"
        if c.get("id_copies7"):
            by = max(y + 42, 196)
            copies = []
            for who, q in (("委托人", pr), ("受托人", ag)):
                cq = {"person": q}
                cd_, _, _, _ = k_id_front7(random.Random(rng.randrange(2 ** 32)), S, cq)
                copies.append((who, copy_image7(cd_[0])))
            for i, (who, im) in enumerate(copies):
                x0 = 22 + i * 86
                dashed7(doc, x0, by, x0 + 80, by, 0.25, (120, 120, 120))
                dashed7(doc, x0, by + 62, x0 + 80, by + 62, 0.25, (120, 120, 120))
                dashed7(doc, x0, by, x0, by + 62, 0.25, (120, 120, 120))
                dashed7(doc, x0 + 80, by, x0 + 80, by + 62, 0.25, (120, 120, 120))
                doc.text(x0 + 40, by + 2, "%s身份证复印件（人像面）粘贴处" % who, 7.5, S.f("sans"), (110, 110, 110), "m")
                doc.image(x0 + 5, by + 9, 70, 70 * CARD_H / CARD_W, im)
            doc.also7 = ["id-card-front"]
            extra["id_copies"] = [{"name": pr["name"], "id_number": pr["id_number"]}, {"name": ag["name"], "id_number": ag["id_number"]}]
            note += ", both ID cards' copies pasted at the foot"
        note += ")"
    else:
        rows = [[("委托单位", 1, True), (unit["name"], 1, False)], [("统一社会信用代码", 1, True), (unit["uscc"], 1, False)],
                [("法定代表人", 1, True), (unit["rep"]["name"], 1, False)], [("受托人", 1, True), (ag["name"], 1, False)],
                [("身份证号码", 1, True), (poa_agent_id, 1, False)], [("联系电话", 1, True), ("1%d" % rng.randrange(3 * 10 ** 9, 9 * 10 ** 9), 1, False)],
                [("委托事项", 1, True), ("代为办理本单位" + matter + "业务", 1, False)],
                [("委托期限", 1, True), ("%s至%s" % (cn_date(d), cn_date(until)), 1, False)]]
        y = grid7(doc, S, 20 + S.dx, 36 + S.dy, [44, 126], rows, 11 * S.k, 12.5, vfont="sans")
        y = doc.para(22, y + 8, 166, "受托人在上述期限和事项范围内所签署的文件，本单位均予以承认，并承担相应的法律责任。", 11 * S.k, S.f("serif"), S.c("ink"), lh=1.9)
        doc.text(110, y + 14, "委托单位（盖章）：", 11, S.f("serif"), S.c("ink"))
        doc.seal(165, y + 16, 40, unit["name"])
        doc.text(110, y + 30, "法定代表人（签字）：", 11, S.f("serif"), S.c("ink"))
        doc.sign(152, y + 27, 28, 10, rng.randrange(10 ** 6))
        doc.text(110, y + 44, cn_date(d, True), 11, S.f("serif"), S.c("ink"))
        note = "授权委托书 (unit principal; heldout7: every field in a table with dashed inner rules)"
    facts = {"principal_name": unit["name"] if unit else pr["name"], "agent_name": ag["name"], "agent_id_number": poa_agent_id}
    if not unit:
        facts["principal_id_number"] = pr["id_number"]
    return [doc], facts, note + ", design %s" % S.name, extra


def k_commitment7(rng, S, c):
    """heldout7: a 承诺书 (a title of forms/named) printed by the window's system after signing: the person in a table,
    numbered pledges, the signature taken on a signature pad in a grey box with its time and the pad's number
    (c["commit7"] "pad"); or the whole letter in a rounded frame under a head band in the accent colour ("band")."""
    p = c["person"]
    title = c.get("commit_title") or rng.choice(commitment_titles())
    style = c.get("commit7") or rng.choice(["pad", "band"])
    doc = Doc7(210, 297, S=S)
    if style == "band":
        doc_rrect(doc, 14, 12, 196, 285, 4.0, outline=S.c("accent"), w=0.6)
        doc_rrect(doc, 14, 12, 196, 34, 4.0, fill=S.c("accent"))
        doc.rect(14, 28, 196, 34, fill=S.c("accent"))
        sz = 17 * S.k
        while doc.width(title, sz, S.f("serifb")) > 170 and sz > 10:
            sz -= 0.5
        doc.text(105, 17.5, title, sz, S.f("serifb"), (255, 255, 255), "m")
        y0 = 44
    else:
        y0 = doc.para(24, 22 + S.dy, 162, title, 18 * S.k, S.f("serifb"), S.c("ink"), lh=1.3, indent=0) + 6 if len(title) > 12 else None
        if y0 is None:
            doc.text(105 + S.dx, 22 + S.dy, title, 18 * S.k, S.f("serifb"), S.c("ink"), "m", spacing=1.5)
            y0 = 38 + S.dy
    rows = [[("姓名", 1, True), (p["name"], 1, False), ("身份证号码", 1, True), (p["id_number"], 1, False)],
            [("联系电话", 1, True), ("1%d" % rng.randrange(3 * 10 ** 9, 9 * 10 ** 9), 1, False), ("办理事项", 1, True), (c.get("matter", "医疗保障待遇申领"), 1, False)]]
    y = grid7(doc, S, 22, y0, [24, 40, 28, 74], rows, 10 * S.k, 11, vfont="sans")
    y = doc.para(24, y + 8, 162, "本人自愿作出如下承诺：", 11 * S.k, S.f("serif"), S.c("ink"), lh=1.9)
    for i, t in enumerate(["所提供的身份证明、医疗票据及其他申报材料真实、合法、有效，不存在伪造、变造、涂改等情况；",
                           "本次申报的医疗费用未在其他任何机构报销，不存在重复报销、重复享受待遇的情形；",
                           "如有隐瞒或虚假承诺，本人自愿退回已享受的待遇，并承担相应的法律责任。"]):
        y = doc.para(24, y, 162, "%d. %s" % (i + 1, t), 11 * S.k, S.f("serif"), S.c("ink"), lh=1.9, indent=2)
    d = rand_date(rng, dt.date(2026, 9, 1), dt.date(2026, 11, 28))
    y += 10
    doc.text(100, y, "承诺人（签名）：", 11, S.f("serif"), S.c("ink"))
    if style == "pad":
        doc.rect(132, y - 6, 182, y + 14, fill=(246, 246, 246), outline=(170, 170, 170), w=0.25)
        doc.sign(136, y - 3, 42, 14, rng.randrange(10 ** 6), colour=(10, 10, 10))
        t = dt.datetime(d.year, d.month, d.day, rng.randint(8, 16), rng.randint(0, 59), rng.randint(0, 59))
        doc.text(132, y + 16, "签名时间：%s" % t.strftime("%Y-%m-%d %H:%M:%S"), 7.5, S.f("mono"), (90, 90, 90))
        doc.text(132, y + 20.5, "签名设备：窗口手写板 No.%02d" % rng.randint(1, 24), 7.5, S.f("sans"), (90, 90, 90))
        note = "%s (heldout7: printed after signing on a signature pad, the signature in a grey box with its time)" % title
    else:
        doc.sign(134, y - 3, 34, 11, rng.randrange(10 ** 6))
        note = "%s (heldout7: in a rounded frame under a head band, the person in a table)" % title
    doc.text(100, y + 28, cn_date(d, True), 11, S.f("serif"), S.c("ink"))
    if style == "pad":
        doc.pdf_native = rng.random() < 0.5
    return [doc], {"name": p["name"], "id_number": p["id_number"]}, note + ", design %s" % S.name, {"title": title}


SUBJECTS7 = ["01 预防保健科", "02 全科医疗科", "03 内科", "03.01 呼吸内科专业", "03.02 消化内科专业", "03.04 心血管内科专业", "04 外科",
             "04.01 普通外科专业", "05 妇产科", "07 儿科", "12 口腔科", "20 康复医学科", "30 医学检验科", "32 医学影像科", "32.01 X线诊断专业",
             "32.02 CT诊断专业", "32.07 超声诊断专业", "50 中医科"]


def k_med_license7(rng, S, c):
    """heldout7: 医疗机构执业许可证 （副本） landscape: the fields at the left with bullet or bilingual labels, the 诊疗科目
    with their codes in a three-column table at the right, 发证机关 and its seal."""
    co = c["company"]
    frm, until = c["lic_valid"]
    doc = Doc7(297, 210, bg=(252, 252, 248), S=S)
    acc = S.c("accent")
    doc.rect(8, 8, 289, 202, outline=acc, w=1.0)
    doc.text(148.5 + S.dx, 16 + S.dy, "医疗机构执业许可证", 22 * S.k, S.f("serifb"), (180, 26, 30), "m", spacing=2)
    doc.text(148.5 + S.dx, 30 + S.dy, "（副　本）", 10 * S.k, S.f("serif"), S.c("ink"), "m")
    org = co["uscc"][8:17]
    lic = org + co["area"] + "%02d%s%04d" % (rng.randint(10, 19), rng.choice("ABCDJ"), rng.randint(1001, 1999))
    auth = PLACES[co["area"]][0].replace("山东省", "") + "卫生健康局"
    items = [("机构名称", co["name"]), ("地址", co["address"]), ("法定代表人", co["rep"]["name"]), ("主要负责人", co["rep"]["name"]),
             ("所有制形式", "私营"), ("登记号", lic), ("有效期限", "自%s至%s" % (cn_date(frm), cn_date(until))), ("发证机关", auth)]
    kv7(doc, S, 20 + S.dx, 48 + S.dy, items, 10.5 * S.k, 34, gap=2.1, font="serif", vfont="sans", wrap=90)
    subs = SUBJECTS7[:]
    n = rng.randint(9, 15)
    pick = sorted(rng.sample(range(len(subs)), n))
    chosen = [subs[i] for i in pick]
    lab7(doc, S, 160, 46, "诊疗科目", 10.5, "serif", 60)
    rows = []
    for i in range(0, len(chosen), 3):
        r = [(t, 1, False) for t in chosen[i:i + 3]]
        rows.append(r + [("", 1, False)] * (3 - len(r)))
    grid7(doc, S, 160, 54, [41, 41, 41], rows, 8.5 * S.k, 8.0, vfont="sans")
    doc.text(230, 170, "发证日期：" + cn_date(frm), 10, S.f("serif"), S.c("ink"), "m")
    doc.seal(232, 160, 40, auth)
    exp = until < TODAY
    planted = ", PLANTED MISMATCH: the licence is another unit's (same 字号, another county)" if c.get("planted_other7") else ""
    return [doc], {"unit_name": co["name"], "license_number": lic, "valid_from": iso(frm), "valid_until": iso(until)}, \
        "医疗机构执业许可证 (副本; heldout7: landscape, 诊疗科目 with codes in a three-column table, %s labels), design %s%s%s" % (
            S.lab, S.name, ", EXPIRED" if exp else "", planted), {"expired": exp}


def k_drug_license7(rng, S, c):
    """heldout7: 药品经营许可证 （副本） landscape: the fields at the left, a 许可事项变更记录 table at the right with one or
    two entries and empty rows."""
    co = c["company"]
    frm, until = c["lic_valid"]
    doc = Doc7(297, 210, bg=(253, 252, 246), S=S)
    acc = S.c("accent")
    doc.rect(8, 8, 289, 202, outline=acc, w=0.8)
    doc.rect(11, 11, 286, 199, outline=acc, w=0.25)
    doc.text(148.5 + S.dx, 17 + S.dy, "药品经营许可证", 22 * S.k, S.f("serifb"), (180, 26, 30), "m", spacing=2.2)
    doc.text(148.5 + S.dx, 31 + S.dy, "（副　本）", 10 * S.k, S.f("serif"), S.c("ink"), "m")
    lic = "鲁%s%s%04d" % (rng.choice(["AA", "DA", "CA", "CB"]), "539", rng.randrange(10000))
    auth = PLACES[co["area"]][0].replace("山东省", "")[:3] + "行政审批服务局"
    items = [("证号", lic), ("企业名称", co["name"]), ("统一社会信用代码", co["uscc"]), ("注册地址", co["address"]),
             ("法定代表人", co["rep"]["name"]), ("企业负责人", co["rep"]["name"]), ("质量负责人", fake_name(rng, True)),
             ("经营方式", rng.choice(["零售", "零售（单体）", "零售（连锁）"])), ("经营范围", "中成药、化学药、生物制品（除疫苗）"),
             ("有效期至", cn_date(until)), ("发证机关", auth)]
    kv7(doc, S, 18 + S.dx, 46 + S.dy, items, 9.8 * S.k, 38, gap=2.05, font="serif", vfont="sans", wrap=88)
    doc.text(218, 42, "许可事项变更记录", 11 * S.k, S.f("sansb"), S.c("ink"), "m")
    rows = [[("变更日期", 1, True), ("变更事项", 1, True), ("变更内容", 1, True), ("经办人", 1, True)]]
    for _ in range(rng.randint(1, 2)):
        dd = rand_date(rng, frm, dt.date(2026, 10, 31))
        what = rng.choice([("质量负责人", "变更为" + fake_name(rng, True)), ("注册地址", "门牌号变更"), ("经营范围", "增加：中药饮片")])
        rows.append([(dd.strftime("%Y.%m.%d"), 1, False), (what[0], 1, False), (what[1], 1, False), (fake_name(rng, False), 1, False)])
    rows += [[("", 1, False)] * 4 for _ in range(6)]
    grid7(doc, S, 160, 50, [26, 28, 44, 19], rows, 8.5 * S.k, 9.0, vfont="sans", centre=True)
    doc.text(220, 180, "签发日期：" + cn_date(frm), 10, S.f("serif"), S.c("ink"), "m")
    doc.seal(222, 168, 38, auth)
    exp = until < TODAY
    planted = ", PLANTED MISMATCH: the licence is another unit's (same 字号, another county)" if c.get("planted_other7") else ""
    return [doc], {"unit_name": co["name"], "license_number": lic, "uscc": co["uscc"], "valid_until": iso(until)}, \
        "药品经营许可证 (副本; heldout7: landscape, a 许可事项变更记录 table, %s labels), design %s%s%s" % (
            S.lab, S.name, ", EXPIRED" if exp else "", planted), {"expired": exp}


def k_other7(rng, S, c):
    """Not a 医保 material: a 食品经营许可证 (a licence with a credit code), a hospital's 挂号凭条 (a slip with a patient's
    name), a page of a 不动产权证书 (an owner's name and ID number), a 无偿献血证 (a name and an ID number)."""
    t = c.get("other7") or rng.choice(["food", "registration", "property", "blood"])
    p = make_person(rng)
    if t == "food":
        co = make_company(rng, 3)
        doc = Doc7(210, 297, bg=(253, 253, 248), S=S)
        doc.rect(10, 10, 200, 287, outline=(40, 120, 60), w=1.0)
        doc.image(96, 18, 18, 18, emblem())
        doc.text(105, 42, "食品经营许可证", 22 * S.k, S.f("serifb"), (30, 110, 50), "m", spacing=2)
        doc.text(105, 56, "（副　本）", 10, S.f("serif"), S.c("ink"), "m")
        jy = "JY1%s%08d" % (co["area"], rng.randrange(10 ** 8))
        items = [("经营者名称", co["name"]), ("社会信用代码", co["uscc"]), ("法定代表人（负责人）", co["rep"]["name"]), ("住所", co["address"]),
                 ("经营场所", co["address"]), ("主体业态", "食品销售经营者（网络经营）"), ("经营项目", "预包装食品（含冷藏冷冻食品）销售；散装食品销售"),
                 ("许可证编号", jy), ("日常监督管理机构", PLACES[co["area"]][2]), ("投诉举报电话", "12315"),
                 ("有效期至", cn_date(add_years(co["founded"], 5)))]
        y = 70
        for lab, val in items:
            doc.text(24, y, lab + "：", 10 * S.k, S.f("serif"), S.c("label"))
            y = doc.para(76, y, 110, val, 10 * S.k, S.f("sans"), S.c("ink"), lh=1.5, indent=0) + 4.5
        doc.text(150, y + 16, "发证机关：" + PLACES[co["area"]][2], 10, S.f("serif"), S.c("ink"), "m")
        doc.seal(150, y + 14, 38, PLACES[co["area"]][2])
        note = "食品经营许可证"
    elif t == "registration":
        doc = Doc7(80, 118, S=S)
        hosp = rng.choice(HOSP)
        doc.text(40, 5, hosp, 9.5, S.f("sansb"), (0, 0, 0), "m")
        doc.text(40, 11, "挂 号 凭 条", 11, S.f("sansb"), (0, 0, 0), "m")
        d = rand_date(rng, dt.date(2026, 9, 1), dt.date(2026, 11, 28))
        y = 20
        for lab, val in (("姓名", p["name"]), ("性别", p["sex"]), ("年龄", "%d岁" % ((TODAY - p["birth"]).days // 365)), ("科室", rng.choice(DIAG)[1]),
                         ("医生", fake_name(rng, rng.random() < 0.5)), ("号序", "%d号" % rng.randint(1, 60)), ("挂号费", "¥%.2f" % rng.choice([5.0, 10.0, 15.0])),
                         ("就诊时间", "%s %s" % (d.isoformat(), rng.choice(["上午", "下午"]))), ("病人ID", "%010d" % rng.randrange(10 ** 10))):
            doc.text(6, y, "%s：%s" % (lab, val), 8.2, S.f("sans"), (0, 0, 0))
            y += 6.4
        barcode6(doc, 10, y + 2, 60, 9, rng.randrange(10 ** 6))
        doc.text(40, y + 14, "请按时到诊室候诊，过号请重新排队", 6.5, S.f("sans"), (0, 0, 0), "m")
        note = "挂号凭条"
    elif t == "property":
        doc = Doc7(190, 260, bg=(250, 250, 244), S=S)
        yr = rng.randint(2016, 2025)
        doc.text(95, 14, "鲁（%d）%s不动产权第%07d号" % (yr, PLACES[p["area"]][0].replace("山东省", "")[:3], rng.randrange(10 ** 7)), 12 * S.k, S.f("serif"), S.c("ink"), "m")
        rows = [[("权利人", 1, True), (p["name"], 1, False)], [("共有情况", 1, True), ("单独所有", 1, False)], [("坐落", 1, True), (p["address"], 1, False)],
                [("不动产单元号", 1, True), ("%s%03d%03dGB%05dF%08d" % (p["area"], rng.randrange(1000), rng.randrange(1000), rng.randrange(10 ** 5), rng.randrange(10 ** 8)), 1, False)],
                [("权利类型", 1, True), ("国有建设用地使用权/房屋所有权", 1, False)], [("权利性质", 1, True), ("出让/市场化商品房", 1, False)],
                [("用途", 1, True), ("城镇住宅用地/住宅", 1, False)], [("面积", 1, True), ("共有宗地面积%d.%02d㎡/房屋建筑面积%d.%02d㎡" % (rng.randint(3000, 40000), rng.randrange(100), rng.randint(60, 160), rng.randrange(100)), 1, False)],
                [("使用期限", 1, True), ("%d年%d月%d日起%d年%d月%d日止" % (yr - 3, 5, 1, yr + 67, 4, 30), 1, False)],
                [("权利其他状况", 1, True), ("权利人证件号：%s" % p["id_number"], 1, False)]]
        grid7(doc, S, 14, 26, [36, 126], rows, 9.5 * S.k, 13, vfont="sans")
        note = "不动产权证书 (inner page)"
    else:
        doc = Doc7(105, 148, bg=(255, 246, 246), S=S)
        doc.text(52.5, 10, "无偿献血证", 16, S.f("serifb"), (190, 30, 40), "m", spacing=2)
        doc.text(52.5, 20, "中华人民共和国卫生健康委员会监制", 6, S.f("sans"), (150, 80, 80), "m")
        d = rand_date(rng, dt.date(2018, 1, 1), dt.date(2026, 10, 31))
        y = 32
        for lab, val in (("姓名", p["name"]), ("性别", p["sex"]), ("证件号码", p["id_number"]), ("血型", rng.choice(["A", "B", "O", "AB"]) + "型 RhD阳性"),
                         ("献血量", rng.choice(["200ml", "300ml", "400ml"])), ("献血日期", cn_date(d)), ("献血地点", "临沂市中心血站"),
                         ("编号", "%s%010d" % (rng.choice("ABC"), rng.randrange(10 ** 10)))):
            doc.text(10, y, lab + "：", 8.5, S.f("sans"), (150, 60, 60))
            doc.text(32, y, val, 8.5, S.f("sans"), S.c("ink"))
            y += 8.5
        doc.seal(75, y + 6, 24, "临沂市中心血站")
        note = "无偿献血证"
    return [doc], {}, "other: %s (heldout7), design %s" % (note, S.name), {}


KINDS7 = {"id-card-front": k_id_front7, "id-card-back": k_id_back7, "social-security-card": k_ssc7, "household-register": k_household7,
          "residence-permit": k_residence_permit7, "residence-permit-receipt": k_rp_receipt7, "business-license": k_business_license7,
          "uscc-certificate": k_uscc_cert7, "approval-document": k_approval7, "marriage-certificate": k_marriage7, "birth-certificate": k_birth7,
          "diagnosis": k_diagnosis7, "discharge-record": k_discharge7, "medical-record": k_medical_record7, "medical-invoice": k_invoice7,
          "expense-list": k_expense_list7, "bank-card": k_bank7, "power-of-attorney": k_poa7, "commitment-letter": k_commitment7,
          "medical-institution-license": k_med_license7, "drug-license": k_drug_license7, "other": k_other7}


# heldout7's captures. Scans: a colour scan kept as a CMYK JPEG, a greyscale scan kept as a 16-bit PNG, a 300 dpi
# scan error-diffused to one bit (PNG), a greyscale scan kept as a Deflate TIFF (multi-page files too), a copier running out of
# toner (a faded band, grey); card copies on A4 with a watermark typed across the whole sheet (仅供办理医保业务使用 …) or
# certified by the window (a 与原件核对无误 stamp, the clerk's signature and the date written), an ID card and a bank
# card on one sheet; a booklet spread with its gutter's shadow; one page fed upside down. Photos: on newspaper, a floral
# bedsheet, dark granite or a bamboo mat, in turn under a warm desk lamp, with a shallow depth of field, with a corner
# out of the frame, plain; a card's photo as it shows in a chat (a screenshot of the conversation). Clean: PNGs with a
# transparent margin, CMYK JPEGs, Deflate TIFFs, WeasyPrint PDFs, a wallet app's screenshot.

COPY_WM7 = ["仅供办理医保业务使用", "仅限医保报销使用　他用无效", "仅供社保卡申领使用　再复印无效"]


def bg7(rng, W, H, t):
    """A surface none of the older splits uses: a spread newspaper, a floral bedsheet, dark granite, a bamboo mat."""
    sm = (max(8, W // 4), max(8, H // 4))
    g = np.random.default_rng(rng.randrange(2 ** 32))
    if t == "newspaper":   # drawn at half size: columns of text lines, a few headlines and pictures
        hw, hh = max(8, W // 2), max(8, H // 2)
        im = Image.new("RGB", (hw, hh), (228, 224, 212))
        d = ImageDraw.Draw(im)
        colw = max(40, hw // 6)
        for ci in range(hw // colw + 1):
            x0_, x1_ = ci * colw + 8, (ci + 1) * colw - 8
            y = int(g.integers(4, 30))
            while y < hh - 6:
                u = g.random()
                if u < 0.03:   # a headline
                    d.rectangle([x0_, y, x1_ - int(g.integers(0, colw // 3)), y + 11], fill=(70, 70, 68))
                    y += 20
                    continue
                if u < 0.045:   # a picture
                    ph = int(g.integers(40, 90))
                    d.rectangle([x0_, y, x1_, y + ph], fill=(150, 148, 140))
                    y += ph + 8
                    continue
                x = x0_ + (10 if g.random() < 0.12 else 0)
                end = x1_ - (int(g.integers(0, colw // 2)) if g.random() < 0.12 else 0)
                while x < end:
                    wl = int(g.integers(4, 9))
                    d.rectangle([x, y, min(x + wl, end), y + 3], fill=(128, 126, 120))
                    x += wl + 1
                y += 7
        bg_ = im.filter(ImageFilter.GaussianBlur(0.6)).resize((W, H), Image.BICUBIC)
        a_ = np.asarray(bg_).astype(np.float32) + g.normal(0, 3, (H, W, 1)).astype(np.float32)
        return Image.fromarray(a_.clip(0, 255).astype("uint8")), "a spread newspaper"
    elif t == "floral":
        arr = np.full((sm[1], sm[0], 3), (236, 228, 236), np.float32)
        im = Image.fromarray(arr.astype("uint8"))
        d = ImageDraw.Draw(im)
        for _ in range(int(sm[0] * sm[1] / 900)):
            cx, cy, r = g.integers(0, sm[0]), g.integers(0, sm[1]), int(g.integers(5, 12))
            col = [(214, 120, 150), (240, 180, 80), (150, 110, 190)][int(g.integers(0, 3))]
            for k_ in range(5):
                a = k_ * 2 * math.pi / 5
                px_, py_ = cx + r * 0.7 * math.cos(a), cy + r * 0.7 * math.sin(a)
                d.ellipse([px_ - r * 0.45, py_ - r * 0.45, px_ + r * 0.45, py_ + r * 0.45], fill=col)
            d.ellipse([cx - r * 0.25, cy - r * 0.25, cx + r * 0.25, cy + r * 0.25], fill=(250, 230, 120))
            d.line([(cx, cy + r), (cx + r, cy + 2 * r)], fill=(110, 160, 100), width=2)
        arr = np.asarray(im).astype(np.float32)
    elif t == "granite":
        base = np.array([58, 56, 60], np.float32)
        arr = base[None, None, :] + g.normal(0, 12, (sm[1], sm[0], 1)) + (g.random((sm[1], sm[0], 1)) > 0.97) * 90
    else:
        yy = np.arange(sm[1], dtype=np.float32)[:, None]
        slat = (yy % 9 < 1.2).astype(np.float32)
        base = np.array([214, 190, 140], np.float32)
        arr = base[None, None, :] * (1 - 0.28 * slat[..., None]) + g.normal(0, 5, (sm[1], sm[0], 1))
        arr = np.broadcast_to(arr, (sm[1], sm[0], 3)).copy()
    name = {"newspaper": "a spread newspaper", "floral": "a floral bedsheet", "granite": "dark granite", "bamboo": "a bamboo mat"}[t]
    return Image.fromarray(arr.clip(0, 255).astype("uint8")).resize((W, H), Image.BICUBIC), name


def photo7(docs, rng, card, S, extra="none", surface="newspaper"):
    """heldout7's phone photo on a surface, in turn under a warm desk lamp (a bright warm pool at one side, the rest
    dim), with a shallow depth of field (the far part soft), with a corner of the page out of the frame, or plain.
    Returns (upright image, how)."""
    L = int(rng.choice([2000, 2400, 2400, 2800]))
    d = docs[0]
    land = (d.w > d.h) == (rng.random() < 0.85)
    W, H = (L, int(L * 3 / 4)) if land else (int(L * 3 / 4), L)
    bg, bgname = bg7(rng, W, H, surface)
    extras = []
    frac = rng.uniform(0.62, 0.8) if card else rng.uniform(0.74, 0.88)
    if extra == "crop":
        frac = rng.uniform(0.93, 0.98)
    if extra == "chat":   # sent to be read: the card fills most of the picture
        frac = rng.uniform(0.84, 0.9)
    dpi = min(W * frac / (d.w / 25.4), H * frac / (d.h / 25.4))
    im = render(d, dpi)
    im = rounded_card(im, dpi) if card else im.convert("RGBA")
    w, h = im.size
    cx, cy = W / 2 + rng.uniform(-0.04, 0.04) * W, H / 2 + rng.uniform(-0.04, 0.04) * H
    if extra == "crop":   # placed so that a bottom corner (a margin) leaves the frame
        sx_ = rng.choice([-1, 1])
        cx = W + 0.03 * w - w / 2 if sx_ > 0 else w / 2 - 0.03 * w
        cy = H + 0.035 * h - h / 2
        extras.append("the bottom-%s corner out of the frame" % ("right" if sx_ > 0 else "left"))
    rot = math.radians(rng.uniform(-5, 5) if extra != "crop" else rng.uniform(-1.5, 1.5))
    j = 0.03 * max(w, h) if extra != "crop" else 0.008 * max(w, h)
    corners = []
    for (px, py) in [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]:
        corners.append((cx + px * math.cos(rot) - py * math.sin(rot) + rng.uniform(-j, j), cy + px * math.sin(rot) + py * math.cos(rot) + rng.uniform(-j, j)))
    shrink = rng.uniform(0.04, 0.14) if extra != "dof" else rng.uniform(0.16, 0.24)
    corners[0] = (corners[0][0] + shrink * w / 2, corners[0][1] + shrink * h * 0.35)
    corners[1] = (corners[1][0] - shrink * w / 2, corners[1][1] + shrink * h * 0.35)
    co = persp_coeffs([(0, 0), (w, 0), (w, h), (0, h)], corners)
    warped = im.transform((W, H), Image.PERSPECTIVE, co, Image.BICUBIC)
    alpha = warped.getchannel("A")
    shadow = alpha.filter(ImageFilter.GaussianBlur(max(4, W // 160)))
    off = int(W * 0.005)
    bg.paste((15, 15, 15), (off, off), shadow.point(lambda a: int(a * 0.4)))
    bg.paste(warped.convert("RGB"), (0, 0), alpha)
    arr = np.asarray(bg).astype(np.float32)
    sy, sx = np.mgrid[0:H:8, 0:W:8].astype(np.float32)
    if extra == "lamp":
        lx, ly = rng.choice([0.05, 0.95]) * W, rng.uniform(0.0, 0.3) * H
        r2 = ((sx - lx) ** 2 + (sy - ly) ** 2) / (0.75 * max(W, H)) ** 2
        light = 0.42 + 0.78 * np.exp(-r2 * 1.6)
        cast = np.array([1.0, 0.84, 0.6], np.float32)
        extras.append("under a warm desk lamp (a bright pool at the %s, the rest dim)" % ("left" if lx < W / 2 else "right"))
    else:
        gxx, gyy = rng.uniform(-0.18, 0.18), rng.uniform(-0.18, 0.18)
        light = 1 + gxx * (sx / W - 0.5) + gyy * (sy / H - 0.5)
        cast = np.array([1.0, rng.uniform(0.97, 1.0), rng.uniform(0.92, 0.98)], np.float32)
    light = np.asarray(Image.fromarray((light * 100).clip(0, 255).astype("uint8")).resize((W, H), Image.BICUBIC)).astype(np.float32) / 100
    arr = arr * light[..., None] * cast[None, None, :]
    arr = paper_noise(arr, rng, rng.uniform(1.2, 2.6) if extra != "lamp" else rng.uniform(3.0, 4.5))
    blur = rng.uniform(0.4, 0.9) * L / 2000
    out = Image.fromarray(arr.clip(0, 255).astype("uint8")).filter(ImageFilter.GaussianBlur(blur))
    if extra == "dof":   # focused on the near half: the far part (the top of the frame) goes soft
        soft = out.filter(ImageFilter.GaussianBlur(L / rng.uniform(500, 700)))
        ramp = np.clip((0.55 - np.arange(H, dtype=np.float32) / H) / 0.45, 0, 1) ** 1.3
        m = Image.fromarray((np.repeat(ramp[:, None], W, 1) * 255).astype("uint8"))
        out = Image.composite(soft, out, m)
        extras.append("a shallow depth of field (focused on the near half, the far part soft)")
    return out, "phone photo %dx%d on %s, perspective (top shrink %.2f, rotation %.1f°)%s, blur %.1f" % (
        W, H, bgname, shrink, math.degrees(rot), "".join(", " + e for e in extras), blur)


def chat7(photo, rng):
    """A screenshot (1080 × 2340) of a chat showing the photo as a picture message, with a line of text before it."""
    W, H = 1080, 2340
    im = Image.new("RGB", (W, H), (237, 237, 237))
    d = ImageDraw.Draw(im)
    ui, uib = pil_font("noto-sans", 40), pil_font("noto-sans-m", 46)
    d.rectangle([0, 0, W, 210], fill=(237, 237, 237))
    d.text((48, 30), "%d:%02d" % (rng.randint(8, 21), rng.randint(0, 59)), font=pil_font("noto-sans-m", 38), fill=(0, 0, 0))
    d.text((W - 110, 30), "5G", font=pil_font("noto-sans-m", 34), fill=(0, 0, 0), anchor="ra")
    d.rounded_rectangle([W - 100, 38, W - 50, 64], 6, outline=(0, 0, 0), width=3)
    d.rectangle([W - 94, 44, W - 64, 58], fill=(0, 0, 0))
    contact = fake_name(rng, rng.random() < 0.5)
    d.text((60, 112), "＜", font=uib, fill=(0, 0, 0))
    d.text((W / 2, 112), contact, font=uib, fill=(0, 0, 0), anchor="ma")
    d.text((W - 60, 112), "···", font=uib, fill=(0, 0, 0), anchor="ra")
    d.line([(0, 208), (W, 208)], fill=(214, 214, 214), width=2)
    t = dt.datetime(2026, 12, rng.randint(1, 6), rng.randint(8, 20), rng.randint(0, 59))
    d.text((W / 2, 260), t.strftime("%m月%d日 %H:%M").lstrip("0"), font=pil_font("noto-sans", 32), fill=(160, 160, 160), anchor="ma")
    me = rng.random() < 0.5
    msg = rng.choice(["您好，材料照片发您了", "这是我的证件照片，您看一下", "照片在这，清楚吗？", "您看这张可以吗"])
    av = 110

    def avatar(y, right):
        x0 = W - 36 - av if right else 36
        d.rounded_rectangle([x0, y, x0 + av, y + av], 14, fill=(120, 160, 200) if right else (200, 150, 110))
    y = 340
    tw = int(ui.getlength(msg)) + 60
    avatar(y, me)
    bx1 = W - 36 - av - 24 if me else 36 + av + 24 + tw
    bx0 = bx1 - tw
    d.rounded_rectangle([bx0, y, bx1, y + 110], 16, fill=(149, 236, 105) if me else (255, 255, 255))
    d.text((bx0 + 30, y + 30), msg, font=ui, fill=(20, 20, 20))
    y += 170
    pw = 720
    ph_ = int(photo.height * pw / photo.width)
    if ph_ > 900:
        ph_, pw = 900, int(photo.width * 900 / photo.height)
    thumb = photo.resize((pw, ph_), Image.LANCZOS)
    avatar(y, me)
    x0 = W - 36 - av - 24 - pw if me else 36 + av + 24
    m = Image.new("L", (pw, ph_), 0)
    ImageDraw.Draw(m).rounded_rectangle([0, 0, pw - 1, ph_ - 1], 16, fill=255)
    im.paste(thumb, (x0, y), m)
    d.rectangle([0, H - 170, W, H], fill=(246, 246, 246))
    d.rounded_rectangle([140, H - 140, W - 260, H - 50], 12, fill=(255, 255, 255))
    for cx_ in (80, W - 190, W - 80):
        d.ellipse([cx_ - 32, H - 127, cx_ + 32, H - 63], outline=(40, 40, 40), width=4)
    return im, "a screenshot of a chat (1080 × 2340) showing the photo as a picture message (%d × %d px), sent by %s" % (
        pw, ph_, "the applicant" if me else "the contact %s" % contact)


def watermark7(page, rng, S, dpi):
    """A copying app's watermark typed across the whole sheet: one line repeated in spaced rows, turned, pale."""
    text = rng.choice(COPY_WM7)
    W, H = page.size
    px = int(dpi * 6.0 / 25.4)
    f = pil_font(glyph_font(S.f("sans")[0], "仅"), px)
    D = int(math.hypot(W, H)) + 2 * px
    m = Image.new("L", (D, D), 0)
    dm = ImageDraw.Draw(m)
    tw = int(f.getlength(text)) + px * 3
    for i, yy in enumerate(range(0, D, int(px * 5.5))):
        for xx in range(-((i * tw) // 2) % tw - tw, D, tw):
            dm.text((xx, yy), text, font=f, fill=255)
    ang = rng.choice([28, 32, -30])
    m = m.rotate(ang, resample=Image.BICUBIC).crop(((D - W) // 2, (D - H) // 2, (D - W) // 2 + W, (D - H) // 2 + H))
    col = rng.choice([(140, 140, 140), (210, 90, 90), (90, 110, 190)])
    return fx.darken(page, m, col, 0.36), text


def certify7(page, rng, S, dpi, box, who_seal=None):
    """The window's certification of a copy: a rectangular 与原件核对无误 stamp in blue-violet ink beside box (x0, y0, x1,
    y1 px, the copied material), the clerk's signature over it and the date written under it; a unit's copy carries the
    unit's seal instead (who_seal)."""
    k = dpi / 25.4
    x1, y1 = box[2], box[3]
    sx = int(min(page.width - 64 * k, x1 + 6 * k))
    sy = int(min(page.height - 40 * k, max(box[1], y1 - 26 * k)))
    if sx < box[2] and sy < box[3]:   # no room at the right: under the material
        sx, sy = int(box[0] + 4 * k), int(min(page.height - 40 * k, y1 + 6 * k))
    m = Image.new("L", page.size, 0)
    dm = ImageDraw.Draw(m)
    w, h = int(54 * k), int(17 * k)
    dm.rectangle([sx, sy, sx + w, sy + h], outline=255, width=max(2, int(0.6 * k)))
    f = pil_font("noto-serif-b", int(5.2 * k))
    dm.text((sx + w / 2, sy + 2.2 * k), "与原件核对无误", font=f, fill=255, anchor="ma")
    dm.text((sx + 3 * k, sy + 10 * k), "核对人：", font=pil_font("noto-sans", int(3.6 * k)), fill=255)
    m = m.rotate(rng.uniform(-4, 4), Image.BICUBIC, center=(sx + w / 2, sy + h / 2))
    a = np.asarray(m).astype(np.float32) * (0.7 + 0.3 * noise_field6(np.random.default_rng(rng.randrange(2 ** 32)), m.height, m.width, 30))
    page = fx.darken(page, Image.fromarray(a.clip(0, 255).astype("uint8")), STAMP7, 0.85)
    sig = fx.draw_signature(int(22 * k), int(8 * k), random.Random(rng.randrange(10 ** 6)), max(2, int(dpi // 90)))
    full = Image.new("L", page.size, 0)
    full.paste(sig, (int(sx + 18 * k), int(sy + 7.5 * k)))
    page = fx.darken(page, full, (20, 28, 90), 0.9)
    d = dt.date(2026, 11, rng.randint(20, 30))
    page = hand_draw7(page, sx + 4 * k, sy + h + 2 * k, "%d.%d.%d" % (d.year, d.month, d.day), int(4.5 * k), (24, 30, 110), rng.randrange(10 ** 6))
    what = "a 与原件核对无误 stamp, the clerk's signature and the date written"
    if who_seal:
        S_ = int(38 * k)
        mask = fx.draw_seal(S_, who_seal)
        full = Image.new("L", page.size, 0)
        full.paste(mask, (int(sx + w - S_ * 0.6), int(sy - S_ * 0.45)))
        page = fx.darken(page, full, (205, 32, 42), 0.9)
        what += ", the unit's seal over the stamp"
    return page, what


def scan7(docs, rng, card, S, mode, dpi, extra_cards=()):
    """heldout7's scan of one sheet (its page, or the cards on an A4 copy). mode: "cmyk" (colour), "grey16" (grey,
    kept in 16 bits), "dither" (300 dpi, error-diffused to 1 bit), "deflate" (grey, lossless), "toner" (a copier low on toner: a
    faded band, grey), "wm" (a card copy with a watermark across the sheet), "certified" (a copy stamped 与原件核对无误).
    Returns (image, how)."""
    k = dpi / 25.4
    extras = []
    if card:
        cards = [rounded_card(render(d, dpi), dpi) for d in list(docs) + list(extra_cards)]
        page = Image.new("RGB", (int(210 * k), int(297 * k)), (251, 251, 249))
        y = int(rng.uniform(22, 40) * k)
        boxes = []
        for im in cards:
            x = int((210 * k - im.width) / 2 + rng.uniform(-6, 6) * k)
            page.paste(im, (x, y), im)
            boxes.append((x, y, x + im.width, y + im.height))
            y += im.height + int(rng.uniform(12, 22) * k)
        how = "%s on A4, centred one under another" % ("cards" if len(cards) > 1 else "card")
        box = (min(b[0] for b in boxes), boxes[0][1], max(b[2] for b in boxes), boxes[-1][3])
    else:
        page = render(docs[0], dpi)
        how = "page"
        box = (int(page.width * 0.55), int(page.height * 0.55), int(page.width * 0.62), int(page.height * 0.8))
    if mode == "wm":
        page, text = watermark7(page, rng, S, dpi)
        extras.append("a copying app's watermark typed across the sheet (%s)" % text.replace("　", " "))
    if mode == "certified":
        who = None
        if not card and docs[0].S is not None:
            who = getattr(docs[0], "seal7", None)
        page, what = certify7(page, rng, S, dpi, box, who)
        extras.append(what)
    if getattr(docs[0], "spread7", False):   # the booklet's gutter: a soft shadow down the middle
        a = np.asarray(page).astype(np.float32)
        xx = np.arange(a.shape[1], dtype=np.float32)
        g = 1 - 0.45 * np.exp(-((xx - a.shape[1] / 2) / (a.shape[1] * 0.018)) ** 2)
        page = Image.fromarray((a * g[None, :, None]).clip(0, 255).astype("uint8"))
        extras.append("the shadow of the booklet's gutter down the middle")
    arr = np.asarray(page).astype(np.float32) * rng.uniform(0.93, 0.97) + rng.uniform(5, 10)
    angle = rng.uniform(-1.0, 1.0)
    page = Image.fromarray(arr.clip(0, 255).astype("uint8")).rotate(angle, Image.BICUBIC, expand=False, fillcolor=(245, 245, 241))
    colour = mode == "cmyk" or (mode in ("wm", "certified") and rng.random() < 0.5)
    if not colour:
        page = page.convert("L")
    if mode == "toner":
        a = np.asarray(page).astype(np.float32)
        c0 = rng.uniform(0.25, 0.75) * a.shape[1]
        wdt = rng.uniform(0.08, 0.16) * a.shape[1]
        band = np.exp(-((np.arange(a.shape[1], dtype=np.float32) - c0) / wdt) ** 2) * rng.uniform(0.45, 0.6)
        a = a + (255 - a) * band[None, :]
        page = Image.fromarray(a.clip(0, 255).astype("uint8"))
        extras.append("a copier low on toner (a faded vertical band)")
    sigma, blur = rng.uniform(1.0, 2.2), rng.uniform(0.3, 0.6) * dpi / 200
    if mode in ("grey16", "deflate"):   # kept lossless: a quieter scanner (the noise would be most of the file)
        sigma = rng.uniform(0.3, 0.6)
    page = Image.fromarray(paper_noise(np.asarray(page).astype(np.float32), rng, sigma).clip(0, 255).astype("uint8")).filter(ImageFilter.GaussianBlur(blur))
    if mode in ("grey16", "deflate"):   # the scanner's levels: the paper's grain flattened to white
        page = page.point(lambda v: 255 if v > 238 else v)
    if mode == "dither":
        page = page.point(lambda v: max(0, min(255, int((v - 20) * 1.12)))).convert("1")   # Floyd–Steinberg
        extras.append("error-diffused to 1 bit")
    return page, "scan %d dpi, %s, %s, skew %.2f°%s" % (dpi, how, "colour" if colour else "grey" if mode != "dither" else "1 bit",
                                                       angle, "".join(", " + e for e in extras))


def margin7(img, rng, dpi):
    """A page exported with a transparent margin round it (RGBA, the margin fully transparent)."""
    k = dpi / 25.4
    ml, mt = int(rng.uniform(6, 14) * k), int(rng.uniform(6, 14) * k)
    out = Image.new("RGBA", (img.width + ml + int(rng.uniform(6, 14) * k), img.height + mt + int(rng.uniform(6, 14) * k)), (0, 0, 0, 0))
    out.paste(img.convert("RGBA"), (ml, mt))
    return out


def degrade7(docs, r, card, S, kind, how, rec, page_kinds, st, c):
    """heldout7: the pages of a file and how they were made. Returns (pages, dpi, desc, fmt, turned clockwise°)."""
    rot = 0
    dpi = 200
    app = any(getattr(d, "app", False) for d in docs)
    also = getattr(docs[0], "also7", None)
    if also:
        rec["also_shows"] = also
    if how == "scan":
        if card:
            if c.get("idbank7"):
                mode = "certified"
            else:
                mode = ("wm", "certified", "cmyk", "wm", "grey16")[st["scan_cards"] % 5]
                st["scan_cards"] += 1
            dpi = r.choice([150, 200]) if mode != "grey16" else 150
        else:
            mode = ("cmyk", "grey16", "dither", "deflate", "toner", "certified", "cmyk", "dither")[st["scan_pages"] % 8]
            st["scan_pages"] += 1
            if mode == "certified" and kind not in ("business-license", "medical-institution-license", "drug-license", "uscc-certificate",
                                                    "marriage-certificate", "birth-certificate", "household-register"):
                mode = "toner"
            if len(docs) > 1:
                mode = "deflate"
            dpi = {"cmyk": 150, "grey16": 150, "dither": 300, "deflate": 150, "toner": 200, "certified": 200}[mode]
        if card and (len(docs) == 2 or c.get("idbank7")):
            extra_cards = []
            if c.get("idbank7"):
                extra_cards = k_bank7(random.Random(r.randrange(2 ** 32)), S, c)[0]
            img, desc = scan7(docs, r, True, S, mode, dpi, extra_cards)
            pages = [img]
            rec["page_kinds"] = [kind]
            rec["also_shows"] = ["id-card-back"] + (["bank-card"] if c.get("idbank7") else [])
            desc += " (front and back%s on one sheet)" % (" and the bank card" if c.get("idbank7") else "")
        else:
            pages = []
            for dd in docs:
                img, desc = scan7([dd], r, card, S, mode, dpi)
                pages.append(img)
            if len(pages) > 1:
                rec["page_kinds"] = page_kinds
        fmt = {"cmyk": "jpg-cmyk", "grey16": "png16", "dither": "png1" if len(pages) == 1 else "tif-g4", "deflate": "tif-deflate",
               "toner": r.choice(["jpg", "pdf"]), "wm": r.choice(["jpg", "pdf"]), "certified": r.choice(["jpg", "pdf"])}[mode]
        st["sub"] = "scan"
        if len(pages) == 1 and not card and mode in ("toner", "grey16") and not st["upside"]:
            st["upside"] = 1
            rot = 180
    elif how == "photo":
        surface = ("newspaper", "floral", "granite", "bamboo")[st["photos"] % 4]
        st["photos"] += 1
        if card:   # a card's photo: in a chat, under a lamp, with a shallow depth of field, plain, in turn
            extra = ("chat", "lamp", "dof", "none")[st["card_photos"] % 4]
            st["card_photos"] += 1
        else:
            extra = ("lamp", "dof", "crop", "none")[st["page_photos"] % 4]
            st["page_photos"] += 1
        img, desc = photo7(docs, r, card, S, extra, surface)
        pages = [img]
        fmt = "jpg"
        if extra == "chat":
            img2, what = chat7(img, r)
            pages = [img2]
            desc = "%s; %s" % (desc, what)
            fmt = "png"
            st["sub"] = "chat"
    else:
        if app:
            fmt = r.choice(["png", "jpg"])
            pages = [render(docs[0], 1080 / (docs[0].w / 25.4)).resize((1080, int(round(1080 * docs[0].h / docs[0].w))), Image.LANCZOS)]
            st["sub"] = "screenshot"
            desc = "clean digital: a phone screenshot, 1080 × %d px" % pages[0].height
        elif card:
            dpi = 300
            if len(docs) == 1:
                fmt = ("png-margin", "jpg-cmyk", "png")[st["cardclean"] % 3]
                st["cardclean"] += 1
            else:
                fmt = "tif-deflate"
            pages = [render(d, dpi) for d in docs]
            desc = "clean digital %d dpi" % dpi
        else:
            dpi = r.choice([150, 200])
            if len(docs) == 1:
                fmt = ("pdf-text", "png-margin", "jpg-cmyk", "pdf-text", "png")[st["clean"] % 5]
                st["clean"] += 1
                if getattr(docs[0], "pdf_native", False):
                    fmt = "pdf-text"
            else:
                fmt = r.choice(["pdf-text", "tif-deflate"])
            pages = [render(d, dpi) for d in docs] if fmt != "pdf-text" else []
            desc = "clean digital %s" % ("(WeasyPrint vector PDF with a text layer, every character scaled ×%.2f wide)" % docs[0].hs if fmt == "pdf-text" else "%d dpi" % dpi)
        if fmt == "png-margin":
            pages = [margin7(p_, r, dpi) for p_ in pages]
            desc += ", a transparent margin round the %s" % ("card" if card else "page")
        if len(docs) > 1:
            rec["page_kinds"] = page_kinds
    if rot:
        pages = [p_.rotate(-rot, expand=True) for p_ in pages]
        desc += ", stored turned %d° clockwise (the sheet was laid upside down; no EXIF Orientation to undo it)" % rot
    return pages, dpi, desc, fmt, rot


EXT7 = {"jpg": "jpg", "jpg-cmyk": "jpg", "png": "png", "png16": "png", "png1": "png", "png-margin": "png", "pdf": "pdf", "pdf-text": "pdf",
        "tif-deflate": "tif", "tif-g4": "tif"}


def save7(pages, docs, path, fmt, how, dpi, r, rot, desc, st, rec):
    """heldout7: write the file. Direct photos carry EXIF (maker, model, time); every third one in turn Orientation 8, 3, 6
    (pixels stored turned, upright when EXIF is honoured). Returns (desc, EXIF orientation or None)."""
    orient = None
    if fmt == "jpg":
        img = pages[0]
        if how == "photo":
            q = r.randint(66, 82)
            ex = Image.Exif()
            ex[0x010F], ex[0x0110] = r.choice([("HUAWEI", "ALN-AL00"), ("Xiaomi", "2304FPN6DC"), ("OPPO", "PHW110"), ("samsung", "SM-S9180"),
                                               ("Apple", "iPhone 15 Pro")])
            ex[0x0132] = (dt.datetime(2026, 12, 4, 8, 0, 0) + dt.timedelta(minutes=r.randint(0, 900))).strftime("%Y:%m:%d %H:%M:%S")
            ex[0x0112] = 1
            if st["photo_saves"] % 3 == 1:
                orient = (8, 3, 6)[st["exif"] % 3]
                st["exif"] += 1
                ex[0x0112] = orient
                img = img.transpose(Image.Transpose.ROTATE_90 if orient == 6 else Image.Transpose.ROTATE_180 if orient == 3 else Image.Transpose.ROTATE_270)
                desc += ", EXIF Orientation %d (pixels stored turned; upright when EXIF is honoured)" % orient
            st["photo_saves"] += 1
            img.save(path, "JPEG", quality=q, optimize=True, exif=ex.tobytes())
            if orient:
                assert ImageOps.exif_transpose(Image.open(path)).size == pages[0].size
        else:
            q = r.randint(60, 80) if how == "scan" else r.randint(80, 90)
            img.save(path, "JPEG", quality=q, optimize=True, dpi=(dpi, dpi))
        desc += ", JPEG q%d" % q
    elif fmt == "jpg-cmyk":
        q = r.randint(68, 82)
        pages[0].convert("RGB").convert("CMYK").save(path, "JPEG", quality=q, dpi=(dpi, dpi))
        desc += ", JPEG in CMYK q%d" % q
    elif fmt == "png16":
        a = np.asarray(pages[0].convert("L")).astype(np.uint16) * 257
        Image.fromarray(a).save(path, "PNG", optimize=True, dpi=(dpi, dpi))
        desc += ", PNG 16-bit greyscale"
    elif fmt == "png1":
        pages[0].save(path, "PNG", optimize=True, dpi=(dpi, dpi))
        desc += ", PNG 1-bit"
    elif fmt in ("png", "png-margin"):
        pages[0].save(path, "PNG", optimize=True, dpi=(dpi, dpi))
        desc += ", PNG" + (" (RGBA)" if pages[0].mode == "RGBA" else "")
    elif fmt == "pdf":
        q = r.randint(64, 84) if how == "scan" else 90
        image_pdf([p_.convert("RGB") if p_.mode not in ("RGB", "L") else p_ for p_ in pages], path, dpi, q)
        desc += ", image-only PDF (img2pdf, JPEG q%d)" % q
    elif fmt == "pdf-text":
        render_pdf(docs, path)
    elif fmt == "tif-g4":
        pages[0].save(path, "TIFF", save_all=True, append_images=pages[1:], compression="group4", dpi=(dpi, dpi))
        desc += ", TIFF Group 4 (error-diffused), %d page(s)" % len(pages)
    else:
        pages[0].save(path, "TIFF", save_all=True, append_images=pages[1:], compression="tiff_adobe_deflate", dpi=(dpi, dpi))
        desc += ", TIFF Deflate, %d page(s)" % len(pages)
    if rot and "rotated" not in rec:
        rec["rotated"] = rot
    return desc, orient


MISLEADING7 = {"medical-record": "出院记录", "medical-institution-license": "药品经营许可证", "bank-card": "社保卡", "household-register": "身份证复印件"}


class Namer7(Namer):
    """heldout7's file names: screenshots that carry the app's package name (Screenshot_20261205_101522_com.tencent.mm),
    QQ截图…; WeChat for PC's English 'WeChat Image_…', cameras' 'Camera_…' and '相机_…'; a Konica Minolta's SKM_C287…, an
    HP's HPSCAN_…, a Kyocera's doc…; 'file_…', bare dates, 材料N."""
    def __init__(self, rng, split):
        super().__init__(rng, split)
        self.t = dt.datetime(2026, 12, 5, 7, 48, 3)
        self.mis = MISLEADING7
        self.sub = None

    def __call__(self, kind, ext, how, misleading):
        r = self.rng
        self.t += dt.timedelta(seconds=r.randint(20, 4000))
        self.n += 1
        t = self.t
        up = False
        if misleading:
            base = self.mis[kind] + r.choice(["", "(2)", "_扫描", "-1"])
        elif self.sub == "chat":
            base = r.choice(["Screenshot_%s_com.tencent.mm" % t.strftime("%Y%m%d_%H%M%S"), "QQ截图%s" % t.strftime("%Y%m%d%H%M%S")])
        elif self.sub == "screenshot":
            base = r.choice(["Screenshot_%s_com.eg.android.AlipayGphone" % t.strftime("%Y%m%d_%H%M%S"), "Screenshot_%s_com.tencent.mm" % t.strftime("%Y%m%d_%H%M%S")])
        elif how == "photo":
            base = r.choice(["WeChat Image_%s" % t.strftime("%Y%m%d%H%M%S"), "Camera_%s" % t.strftime("%Y%m%d_%H%M%S"), "相机_%s" % t.strftime("%Y%m%d%H%M%S")])
        elif how == "scan":
            c = r.randrange(3)
            if c == 0:
                base, up = "SKM_C287%s" % t.strftime("%y%m%d%H%M%S")[:-1], True
            elif c == 1:
                base, up = "HPSCAN_%s" % t.strftime("%Y%m%d_%H%M%S"), True
            else:
                base = "doc%s" % t.strftime("%Y%m%d%H%M%S")
        else:
            base = r.choice(["file_%s" % t.strftime("%Y%m%d%H%M"), "%s" % t.strftime("%Y-%m-%d"), "材料%d" % self.n])
        self.sub = None
        name = base + "." + (ext.upper() if up else ext)
        while name in self.used:
            name = base + "_%d.%s" % (r.randint(2, 99), ext.upper() if up else ext)
        self.used.add(name)
        return name


# --------------------------------------------------------------------------------------------

def make_split(split, out_root):
    rng = random.Random(SEEDS[split])
    items, bundles = plan_split(split, rng)
    rng.shuffle(items)
    out = os.path.join(out_root, split)
    tdir = os.path.join(out_root, "truth", split)
    for d in (out, tdir):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    namer = (Namer7 if split == "heldout7" else Namer6 if split == "heldout6" else Namer5 if split == "heldout5" else Namer4 if split == "heldout4" else Namer)(random.Random(SEEDS[split] + 1), split)
    misleading_left = {"id-card-front": 1, "business-license": 1, "bank-card": 1, "other": 1} if split == "tune" else {"id-card-front": 1, "diagnosis": 1, "bank-card": 1, "other": 1}
    if split == "heldout2":
        misleading_left = {"business-license": 1, "medical-invoice": 1, "household-register": 1, "other": 1}
    if split == "heldout3":
        misleading_left = {k: 1 for k in MISLEADING3}
    if split == "heldout4":
        misleading_left = {k: 1 for k in MISLEADING4}
    if split == "heldout5":
        misleading_left = {k: 1 for k in MISLEADING5}
    if split == "heldout6":
        misleading_left = {k: 1 for k in MISLEADING6}
    if split == "heldout7":
        misleading_left = {k: 1 for k in MISLEADING7}
    st7 = {"scan_cards": 0, "scan_pages": 0, "photos": 0, "card_photos": 0, "page_photos": 0, "clean": 0, "cardclean": 0, "photo_saves": 0,
           "exif": 0, "upside": 0}
    st6 = {"scan_cards": 0, "scan_pages": 0, "fax_cover": 0, "fax": 0, "photos": 0, "clean": 0, "cardclean": 0, "cover": 0, "photo_saves": 0, "exif": 0,
           "fax_due": 0, "cover_due": 0}
    st5 = {"one_sheet": 2, "photos": 0, "clean": 0, "cardclean": 0, "photo_saves": 0, "exif": 0, "raw": 0, "duplex": 0, "photo_pdf": 0}
    st4 = {"one_sheet": 1, "photos": 0, "clean": 0, "cardclean": 0, "photo_saves": 0, "exif": 0, "raw": 0}   # heldout4's turns
    records = []
    turned = 0   # heldout2's and heldout3's photos stored turned so far
    photos3 = 0   # heldout3's photos so far (a thumb, nothing, a shadow, nothing in turn)
    clean3 = 0   # heldout3's one-page clean files so far (their formats in turn)
    one_sheet_left = 1   # ID front and back on one scanned sheet: once per split; other pairs are 2-page files
    for idx, it in enumerate(items):
        r = random.Random(rng.randrange(2 ** 32))
        kind, c = it["kind"], it["c"]
        S = Style(split, r)
        docs, facts, notes, extra = ((KINDS5.get(kind) if split == "heldout5" else KINDS6.get(kind) if split == "heldout6"
                                      else KINDS7.get(kind) if split == "heldout7" else None) or KINDS[kind])(r, S, c)
        if S.held2:
            notes += " (layout: blocks shifted %.1f/%.1f mm, type ×%.2f, label separator %s%s%s)" % (
                S.dx, S.dy, S.k, "ideographic space" if S.sep == "\u3000" else "one space",
                ", labels above values where the kind allows" if S.stack else "", ", 【】 section heads" if S.brk else "")
        if S.held3:
            notes += " (layout: blocks shifted %.1f/%.1f mm, type ×%.2f, labels letter-spaced up to %.1f mm, %s, %s, values %s in their own colour)" % (
                S.dx, S.dy, S.k, S.lsp, "a ： after labels that take one" if S.sep else "no colon after labels",
                "long labels on two lines" if S.lab2 else "long labels in smaller type",
                {"box": "boxed", "under": "underlined", "plain": "plain"}[S.deco])
        if S.held4:
            notes += " (layout: blocks shifted %.1f/%.1f mm, type ×%.2f, labels %s%s, tables %s-framed%s)" % (
                S.dx, S.dy, S.k, "spread to four characters" if S.align == "spread" else "right-aligned",
                {"": " without a colon", "：": " with ：", ":": " with :"}[S.sep], S.rule, ", forms filled in by pen" if S.pen else "")
        if S.held5:
            notes += " (layout: blocks shifted %.1f/%.1f mm, type ×%.2f, labels in the label colour %s and a dotted leader to the value)" % (
                S.dx, S.dy, S.k, "with ：" if S.sep else "without a colon")
        if S.held6:
            notes += " (layout: blocks shifted %.1f/%.1f mm, type ×%.2f, labels %s)" % (
                S.dx, S.dy, S.k, "white on a pill in the label colour" if S.lab == "pill" else "in the label colour with a thin rule after them")
        if S.held7:
            notes += " (layout: blocks shifted %.1f/%.1f mm, type ×%.2f, characters ×%.2f wide (%s), labels %s)" % (
                S.dx, S.dy, S.k, S.hs, "长体" if S.hs < 1 else "扁体",
                "after a small square in the accent colour, with ：" if S.lab == "bullet" else "with their English word after them")
        page_kinds = [kind] * len(docs)
        if it["pair"]:
            bdocs, bfacts, bnotes, bextra = (k_id_back5 if split == "heldout5" else k_id_back6 if split == "heldout6"
                                             else k_id_back7 if split == "heldout7" else k_id_back)(r, S, c)
            docs, page_kinds = docs + bdocs, page_kinds + ["id-card-back"]
            facts.update(bfacts)
            notes += "; " + bnotes
            extra.update(bextra)
            if split == "heldout7" and c.get("idbank7"):   # the holder's bank card copied on the same sheet
                facts["card_number"] = c["bank_no"]
                notes += "; the holder's 银联借记卡 %s copied on the same sheet (heldout7's bank card design)" % c["bank"][0]
        card = kind in CARD_KINDS
        u = r.random()
        if split == "heldout2":   # about half scans, a quarter photos, a quarter clean
            if it["pair"] or len(docs) > 1:
                how = "scan" if u < 0.6 else "clean"
            elif card:
                how = "scan" if u < 0.48 else "photo" if u < 0.8 else "clean"
            else:
                how = "scan" if u < 0.48 else "photo" if u < 0.78 else "clean"
        elif split == "heldout3":   # about half scans, a quarter photos, a quarter clean
            if it["pair"] or len(docs) > 1:
                how = "scan" if u < 0.6 else "clean"
            elif card:
                how = "photo" if u < 0.2 else "scan" if u < 0.66 else "clean"
            else:
                how = "scan" if u < 0.47 else "photo" if u < 0.76 else "clean"
        elif split == "heldout4":   # about half scans, a quarter photos, a quarter clean; a form filled in by pen, or by a
            # needle printer, is never clean; files of several pages are mostly scans
            if it["pair"] or len(docs) > 1:
                how = "scan" if u < 0.75 else "clean"
            elif card:
                how = "scan" if u < 0.52 else "photo" if u < 0.78 else "clean"
            else:
                how = "scan" if u < 0.5 else "photo" if u < 0.76 else "clean"
            if how == "clean" and any(getattr(d, "paper_only", False) for d in docs):
                how = "scan"
        elif split == "heldout5":   # about half scans, a quarter photos, a quarter clean; 2-page files as scans, photo PDFs or clean
            if it["pair"] or len(docs) > 1:
                how = "scan" if u < 0.55 else "photo" if u < 0.75 else "clean"
            elif card:
                how = "scan" if u < 0.44 else "photo" if u < 0.78 else "clean"
            else:
                how = "scan" if u < 0.46 else "photo" if u < 0.74 else "clean"
        elif split == "heldout6":   # about 45 % scans, a quarter photos, 30 % clean; app screens are screenshots or photos of the
            # phone showing them; what was written by hand (or is a paper form) is never clean
            if any(getattr(d, "app", False) for d in docs):
                how = "clean" if u < 0.6 else "photo"
            elif any(getattr(d, "pdf_native", False) for d in docs):
                how = "clean" if u < 0.7 else "photo"
            elif len(docs) > 1 and not card:
                how = "scan" if u < 0.6 else "clean"
            elif card:
                how = "scan" if u < 0.45 else "photo" if u < 0.7 else "clean"
            else:
                how = "scan" if u < 0.5 else "photo" if u < 0.7 else "clean"
            if how == "clean" and any(getattr(d, "paper_only", False) for d in docs):
                how = "scan"
        elif split == "heldout7":   # about 45 % scans, a quarter photos, 30 % clean; an app's screen is a screenshot; an ID card
            # copied with a bank card is a scan; what is paper only (a booklet spread, a sticker, tractor paper) is never clean
            if any(getattr(d, "app", False) for d in docs):
                how = "clean"
            elif c.get("idbank7"):
                how = "scan"
            elif any(getattr(d, "pdf_native", False) for d in docs):
                how = "clean" if u < 0.7 else "photo"
            elif len(docs) > 1:
                how = "scan" if u < 0.6 else "clean"
            elif card:
                how = "scan" if u < 0.42 else "photo" if u < 0.72 else "clean"
            else:
                how = "scan" if u < 0.48 else "photo" if u < 0.72 else "clean"
            if how == "clean" and any(getattr(d, "paper_only", False) for d in docs):
                how = "scan"
        elif it["pair"] or len(docs) > 1:
            how = "scan" if u < 0.6 else "clean"
        elif card:
            how = "scan" if u < 0.45 else "photo" if u < 0.85 else "clean"
        else:
            how = "scan" if u < 0.45 else "photo" if u < 0.75 else "clean"
        misleading = misleading_left.get(kind, 0) > 0 and (split in ("heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7") or r.random() < 0.6)   # heldout2–7: always 4
        if misleading:
            misleading_left[kind] -= 1
        rec = {"kind": kind, "pages": 0, "facts": facts, "notes": "", "design": S.name, "how": how}
        pages, dpi = [], 200
        if split == "heldout4":
            pages, dpi, desc, fmt, rot = degrade4(docs, r, card, S, kind, how, rec, page_kinds, st4)
            namer.sub = st4.pop("sub", None)
        elif split == "heldout5":
            pages, dpi, desc, fmt, rot = degrade5(docs, r, card, S, kind, how, rec, page_kinds, st5)
        elif split == "heldout6":
            docs, pages, dpi, desc, fmt, rot = degrade6(docs, r, card, S, kind, how, rec, page_kinds, st6, c)
            namer.sub = st6.pop("sub", None)
        elif split == "heldout7":
            pages, dpi, desc, fmt, rot = degrade7(docs, r, card, S, kind, how, rec, page_kinds, st7, c)
            namer.sub = st7.pop("sub", None)
        elif how == "scan" and split == "heldout3":
            if card and len(docs) == 2 and r.random() < 0.5 and one_sheet_left:
                one_sheet_left -= 1
                img, dpi, desc = scan3(docs, r, True, S)
                pages, rec["page_kinds"] = [img], [kind]
                rec["also_shows"] = ["id-card-back"]
                desc += " (front and back on one sheet)"
            else:
                for d in docs:
                    img, dpi, desc = scan3([d], r, card, S)
                    pages.append(img)
                if len(docs) > 1:
                    rec["page_kinds"] = page_kinds
            fmt = r.choice(["jpg", "jpg", "jpg", "jpg", "pdf", "tif"]) if len(pages) == 1 else r.choice(["pdf", "tif"])
        elif how == "photo" and split == "heldout3":
            img, desc = photo3(docs, r, card, S, ("thumb", "none", "shadow", "none")[photos3 % 4])
            photos3 += 1
            pages = [img]
            fmt = "jpg"
        elif how == "clean" and split == "heldout3":
            dpi = 300 if card else r.choice([150, 200])
            if card:
                pages = [render(d, dpi) for d in docs]
                fmt = ("png", "jpg")[clean3 % 2] if len(pages) == 1 else "tif"
            else:   # in turn, so that every format is there
                fmt = ("pdf-text", "png", "jpg", "pdf-text", "tif")[clean3 % 5] if len(docs) == 1 else r.choice(["pdf-text", "tif"])
                if fmt == "tif":   # an office's TIFF export: 150 dpi
                    dpi = 150
                if fmt != "pdf-text":
                    pages = [render(d, dpi) for d in docs]
            desc = "clean digital %s" % ("(WeasyPrint vector PDF with a text layer)" if fmt == "pdf-text" else "%d dpi" % dpi)
            if len(docs) > 1:
                rec["page_kinds"] = page_kinds
            clean3 += len(docs) == 1
        elif how == "scan":
            if card and len(docs) == 2 and r.random() < 0.5 and one_sheet_left:
                one_sheet_left -= 1
                img, dpi, desc = scan200(docs, r, True) if split == "heldout2" else scan(docs, r, True)
                pages, rec["page_kinds"] = [img], [kind]
                rec["also_shows"] = ["id-card-back"]
                desc += " (front and back on one sheet)"
            else:
                pages = []
                for d in docs:
                    img, dpi, desc = scan200([d], r, card) if split == "heldout2" else scan([d], r, card)
                    pages.append(img)
                if len(docs) > 1:
                    rec["page_kinds"] = page_kinds
            fmt = r.choice(["jpg", "jpg", "jpg", "pdf", "tif"] + (["jpg"] if split == "heldout2" else [])) if len(pages) == 1 else r.choice(["pdf", "tif"])
        elif how == "photo":
            img, desc = photo(docs, r, card, split == "heldout2")
            pages = [img]
            fmt = "jpg"
        else:
            dpi = 300 if card else r.choice([150, 200])
            if card:
                pages = [render(d, dpi) for d in docs]
                fmt = r.choice(["png", "jpg"]) if len(pages) == 1 else "tif"
            else:
                fmt = r.choice(["pdf-text", "pdf-text", "pdf-text", "png", "jpg"]) if len(docs) == 1 else r.choice(["pdf-text", "tif"])
                if fmt != "pdf-text":
                    pages = [render(d, dpi) for d in docs]
            desc = "clean digital %s" % ("(WeasyPrint vector PDF with a text layer)" if fmt == "pdf-text" else "%d dpi" % dpi)
            if len(docs) > 1:
                rec["page_kinds"] = page_kinds
        if split == "heldout6":
            ext = EXT6[fmt]
        elif split == "heldout7":
            ext = EXT7[fmt]
        else:
            ext = "pdf" if fmt.startswith("pdf") else fmt
            if fmt == "tif" and r.random() < 0.3:
                ext = "tiff"
        name = namer(kind, ext, how, misleading)
        path = os.path.join(out, name)
        orient = None
        if split == "heldout4":
            desc, orient = save4(pages, docs, path, fmt, how, dpi, r, rot, desc, st4, rec)
        elif split == "heldout5":
            desc, orient = save5(pages, docs, path, fmt, how, dpi, r, rot, desc, st5, rec)
        elif split == "heldout6":
            desc, orient = save6(pages, docs, path, fmt, how, dpi, r, rot, desc, st6, rec)
        elif split == "heldout7":
            desc, orient = save7(pages, docs, path, fmt, how, dpi, r, rot, desc, st7, rec)
        elif fmt == "jpg" and split == "heldout3":
            q = r.randint(58, 80) if how == "photo" else r.randint(55, 80) if how == "scan" else r.randint(70, 86)
            if how == "photo" and r.random() < 0.4:   # 3, 6, 8 in turn
                orient = (3, 6, 8)[turned % 3]
                turned += 1
            save_jpeg(pages[0], path, q, dpi if how != "photo" else None, orient)
            desc += ", JPEG q%d" % q + (", EXIF Orientation %d (pixels stored turned; upright when EXIF is honoured)" % orient if orient else "")
        elif fmt == "jpg":
            q = (r.randint(60, 86) if max(pages[0].size) < 3000 else r.randint(58, 72)) if how == "photo" else r.randint(68, 86)
            if how == "photo" and r.random() < 0.35:
                orient = r.choice([6, 8])
                if split == "heldout2":   # 6, 3, 8 in turn: upside down as well as sideways
                    orient = (6, 3, 8)[turned % 3]
                    turned += 1
            save_jpeg(pages[0], path, q, dpi if how != "photo" else None, orient)
            desc += ", JPEG q%d" % q + (", EXIF Orientation %d (pixels stored turned; upright when EXIF is honoured)" % orient if orient else "")
        elif fmt == "png":
            pages[0].save(path, "PNG", optimize=True, dpi=(dpi, dpi))
            desc += ", PNG"
        elif fmt == "pdf":
            q = r.randint(65, 82) if split != "heldout3" else r.randint(55, 80)
            image_pdf(pages, path, dpi, q)
            desc += ", image-only PDF (img2pdf, JPEG q%d)" % q
        elif fmt == "pdf-text":
            render_pdf(docs, path)
        else:
            comp = r.choice(["group4", "jpeg"]) if how == "scan" else "tiff_lzw"
            if comp == "group4":
                pages = [p.convert("L").point(lambda v: 255 if v > 150 else 0, "1") for p in pages]
            elif comp == "tiff_lzw" and all(p.mode == "RGB" for p in pages) and r.random() < 0.6:
                pages = [p.convert("L") for p in pages]
            kw = dict(compression=comp, dpi=(dpi, dpi))
            if comp == "jpeg":
                kw["quality"] = 60 if split != "heldout3" else r.randint(55, 65)
                if r.random() < 0.6:
                    pages = [p.convert("L") for p in pages]
            pages[0].save(path, "TIFF", save_all=True, append_images=pages[1:], **kw)
            desc += ", TIFF %s, %d page(s)" % (comp, len(pages))
        rec["pages"] = len(docs) if fmt == "pdf-text" else len(pages)
        rec["file"] = name
        rec["notes"] = notes + ". " + desc + (". Misleading file name." if misleading else "")
        if "expired" in extra:
            rec["expired"] = extra.pop("expired")
        if extra:
            rec["extra"] = extra
        if orient:
            rec["exif_orientation"] = orient
        truth = {"file": name, "kind": kind, "pages": rec["pages"], "facts": facts, "notes": rec["notes"]}
        for k in ("page_kinds", "blank_pages", "cover_pages", "also_shows", "expired", "exif_orientation", "rotated", "extra"):
            if k in rec:
                truth[k] = rec[k]
        truth["design"], truth["degradation"] = S.name, how
        fx.write_json(os.path.join(tdir, name + ".json"), truth)
        if it["bundle"] is not None:
            entry = {"file": name, "kind": kind}
            if it["role"]:
                entry["role"] = it["role"]
            it["bundle"]["files"].append(entry)
            if it["mism"]:
                it["bundle"]["mismatch"]["file"] = name
        records.append(truth)
        print("%s %3d %-28s %-14s %s" % (split, idx, kind, how, name), flush=True)
    fx.write_json(os.path.join(tdir, "bundles.json"), {"split": split, "bundles": bundles})
    return records


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["tune", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "all"], default="all")
    ap.add_argument("--out", default=HERE)
    a = ap.parse_args()
    if a.split == "all":
        # one process per split: fixturelib.draw_seal's speckle comes from Image.effect_noise, which
        # draws from the C library's rand() (seeded once per process), so a split is reproducible
        # only when it starts in a fresh process
        import subprocess
        for s in ("tune", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7"):
            subprocess.run([sys.executable, os.path.abspath(__file__), "--split", s, "--out", a.out], check=True)
        return
    for s in [a.split]:
        recs = make_split(s, a.out)
        kinds = {}
        for t in recs:
            kinds[t["kind"]] = kinds.get(t["kind"], 0) + 1
        print(s, len(recs), "files", json.dumps(kinds, ensure_ascii=False))


if __name__ == "__main__":
    main()
