#!/usr/bin/env python3
"""Layout-variation corpus for issue 16: three mission forms filled with fake data, laid out by
four programs in style families, as typed PDFs, scans and fillable (LibreOffice form export) PDFs,
with planted faults; one truth JSON per PDF.

    python3 Tests/Fixtures/layouts/make_layouts.py                 # the committed corpus
    python3 Tests/Fixtures/layouts/make_layouts.py --extra 3 --out /tmp/more
                                                                   # + 3 more cases per (family, form)
    python3 Tests/Fixtures/layouts/make_layouts.py --only typed    # kinds: typed scan fillable
    python3 Tests/Fixtures/layouts/make_layouts.py --list          # print the plan, make nothing

Seeded (SEED): values, faults, widths, angles, noise, seals come out the same on every run (PDF
timestamps and /ID written by LibreOffice, Chromium and WeasyPrint differ). The split is a rule on
style families, not on files: see split_of() and README.md.
Needs: python-docx reportlab img2pdf Pillow numpy pikepdf PyYAML weasyprint pypdf PyMuPDF (requirements.txt),
soffice (libreoffice-writer), chromium, pdftoppm/pdftotext/pdfinfo (poppler-utils), qpdf, fonts
fonts-noto-cjk fonts-arphic-uming fonts-wqy-microhei fonts-dejavu-core (heldout2 also fonts-arphic-ukai
fonts-wqy-zenhei fonts-droid-fallback; heldout3 also fonts-arphic-gbsn00lp fonts-arphic-gkai00mp
fonts-noto-cjk-extra; heldout4 also fonts-lxgw-wenkai; heldout5 also fonts-hanazono; heldout6 also libreoffice-calc
texlive-xetex texlive-lang-chinese wkhtmltopdf fonts-smiley-sans, and openpyxl fpdf2; heldout7 also ghostscript librsvg2-bin
fonts-babelstone-han fonts-cns11643-sung fonts-cns11643-kai fonts-seto, and typst odfpy segno).
"""
import argparse
import datetime as dt
import hashlib
import html
import json
import os
import random
import re
import shutil
import sys
import tempfile
from xml.sax.saxutils import escape as xesc

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.dont_write_bytecode = True  # no __pycache__ next to the fixtures
import fixturelib as fx  # noqa: E402  (Tests/Fixtures/fixturelib.py, shared with pdf/make_fixtures.py)
from fixturelib import Cell, Grid, Para, fields_of, load_definition, luhn_complete, pdf_pages, run, write_json  # noqa: E402

SEED = 20261125
TMP = None

FORMS = ["lc-unit-enrollment", "lc-unit-change", "ly-maternity-allowance"]
SAMPLE = {"lc-unit-enrollment": "lc-complete.xml", "lc-unit-change": "lc-unit-change-complete.xml",
          "ly-maternity-allowance": "ly-maternity-allowance-complete.xml"}

FONT_FILES = {  # for reportlab (TrueType only) and the seal
    "AR PL UMing CN": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "WenQuanYi Micro Hei": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    "DejaVu Sans": ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", None),
    # heldout2 (fonts-arphic-ukai, fonts-wqy-zenhei, fonts-droid-fallback)
    "AR PL UKai CN": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    "WenQuanYi Zen Hei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    "Droid Sans Fallback": ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", None),
    # heldout3 (fonts-arphic-gkai00mp)
    "AR PL KaitiM GB": ("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf", None),
    # heldout4 (fonts-lxgw-wenkai)
    "LXGW WenKai Mono": ("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKaiMono-Regular.ttf", None),
    # heldout5 (fonts-wqy-microhei's second face; fonts-hanazono)
    "WenQuanYi Micro Hei Mono": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 1),
    "HanaMinA": ("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf", None),
}

# --------------------------------------------------------------------------------------------
# Style families. A family is one way of laying the form out: font, size, how labels are typed
# (as printed, on one line, broken elsewhere, letter-spaced), date style, tick glyph, value
# alignment, margins, cell padding, column-width jitter, stray spaces, maternity orientation.
#   labels: as-printed | oneline | rebreak | spaced (单 位 名 称) | ideo (姓　名) ; lspace: extra
#   letter-spacing of labels in pt (CSS letter-spacing / Word character spacing)
#   date: cn 2026年11月16日 | cn-spaced 2026 年 11 月 16 日 | iso 2026-11-16 | dot 2026.11.16 |
#         slash 2026/11/16
#   mark: ☑ ■ √ ✓ (√ replaces □) | x-instead (X replaces □) | x-over (X over □; ☒ in Word)
#   inline: change-form values after "单位名称：" on the same line (True) or on the next (False)
# Added for heldout2 (families with split="heldout2"; none of these is used by another family):
#   labels: fwspaced (单　位　名　称, full-width spaces) | colon (单位名称：) | distributed (the label
#           spread over its cell: CSS text-align-last: justify, ODF fo:text-align-last)
#   date: cn-padded 2026年03月05日 | slash-padded 2026/03/05 | dot-short 2026.3.5 | dash-short 2026-3-5
#   mark ✔ or ☒ ; box: the empty box (☐ instead of □)
#   fit: WeasyPrint adds the cells' padding to the column widths: take it off (narrow margins)
#   fillable: choice (how 单位性质 is made: check | radio | list), export (check boxes' export values:
#   yes /Yes | text the option), rexport (a radio group's: text the option | index 1…n), ownlabels
#   (options as the buttons' own labels), combos / lists (text fields made combo boxes / drop-down
#   list boxes), maxlen (form:max-length), datefields (date fields as LibreOffice date controls, the
#   DateFormat), ctlfont (controls in the family's font), filler (pikepdf | pypdf)
# Added for heldout3 (split="heldout3"; none of these is used by another family):
#   margins: also (top, right, bottom, left)
#   labels: colon-left (单位名称：, left-aligned) | vertical (a group label of ≤ 5 characters spanning rows, one character a
#           line: 法/定/代/表/人)
#   date: cn-gap 2026年 3月5日 | cn-gap-padded 2026年 03月 05日 | cn-spaced-padded 2026 年 03 月 05 日 |
#         cn-ideo-gap 2026年　3月　5日
#   mark: paren (（√） and （　） instead of □) | ● (empty ○) | ✗ | ▣
#   tab: change-form values after "单位名称：" and a tab (Word) ; valign: value cells' vertical alignment
#   shade: label cells' background ; outer: the table's outer border (pt) ; valcolour, valfont, labelscale:
#   values in a second colour, values in another font than the labels (labels smaller)
#   fillable: naming tree (dotted names, a field hierarchy: form.unit.name) | pinyin (dwmc, fddbr_xm) |
#   acro (as Acrobat's form-field detection names them: 单位名称, 姓名_2, 姓名Row1); export (check boxes'
#   on-state a word: 是); filler pymupdf (PyMuPDF: CJK appearance streams) | libreoffice (filled in
#   Writer before the export); numbers (NumericField columns), multiline (text areas with MultiLine),
#   fillrange (filled table rows), repeat (header rows repeated), cellrects (widgets widened over their
#   cells' rules), rotate (the landscape page written portrait with /Rotate 90), program pymupdf (a typed
#   PDF: the form filled by PyMuPDF and flattened)
# Added for heldout4 (split="heldout4"; none of these is used by another family):
#   rules: (colour, width in pt) of the table's inner rules (grey, thin; the outer border stays black, `outer` pt)
#   labelbold: the labels in bold ; pageno: 第 1 页 共 1 页 under the page (CSS @page margin box)
#   program writer-form: a typed PDF made as a form: the LibreOffice form filled in Writer and exported
#   without form fields (ExportFormFields false: the controls drawn as page content)
#   fillable: naming utf16 (group-label names, 法定代表人-姓名, 单位性质：企业, 第1行-身份证号码, set as UTF-16
#   strings after the export) | fill (fill_1, fill_2..., check_1...: generic names); rotate270 (every
#   page portrait, written landscape with /Rotate 270); objstms (saved with object streams)
#   scans (every heldout4 scan): dpi 150, 200, 240 or 300, rotation up to 2°, a third black-and-white
#   (1-bit, CCITT G4)
# Added for heldout5 (split="heldout5"; none of these is used by another family):
#   program pymupdf-story: HTML laid out by PyMuPDF's Story (MuPDF's HTML engine, DocumentWriter), fonts subset
#   date: fw ２０２６年３月５日 (full-width digits, an IME in full-width mode)
#   star: a * before the label of a required field (*单位名称) ; tickafter: the box after its option (企业☑)
#   mark: [√] (empty [  ]) | (✓) (empty (  )) | ◉ (empty ◯)
#   table: double (a double outer border, pt) ; dashed (inner rules dashed, (colour, pt)) ; zebra (every other row
#   shaded) ; hrules (horizontal rules only: no vertical rule, not even the outer ones)
#   fillable: naming english (unit_name, legalRep_idNo, emp1_idNo, unitType_3) | xfa (as forms converted from
#   Adobe LiveCycle name them: topmostSubform[0].Page1[0].unitName[0], a field hierarchy) | snake (p1_unit_name,
#   p1_legal_rep_id_no); comb (统一社会信用代码, 身份证号 as comb fields, /MaxLen 18); quad (/Q: centre for dates,
#   right for phones | centre for all); autosize (/DA font size 0); needapp False (NeedAppearances false after a
#   fill that writes appearance streams)
#   scans (every heldout5 scan): 180 or 225 dpi, JPEG q45-50, rotation up to 1.5°, and one of: fax-like low
#   contrast, a fold line's shadow, grey paper, a slight perspective
# Added for heldout6 (split="heldout6"; none of these is used by another family):
#   program calc (openpyxl .xlsx, LibreOffice Calc) | xelatex (ctex, longtable) | fpdf2 (the script's own grid, paint_grid)
#   | wkhtmltopdf | reportlab-form (paint_grid on reportlab's canvas, reportlab's AcroForm) | pymupdf-widgets (a blank
#   form by fpdf2, fields added by PyMuPDF); titlefont, labelfont: the title's, the labels' font
#   labels: right (right-aligned, no colon) | merge (label and value in one cell: 单位名称：value)
#   date: cn-num 二〇二六年三月五日 | compact 20260305 ; phone space: landlines 0635 5123456
#   mark: 【√】 (empty 【　】) | ◆ (empty ◇) | ✔over (✔ over ☐) | pen (a drawn box, a pen-like stroke) | circle (no boxes,
#   the chosen option circled) ; underline: values underlined
#   fillable: naming pinyinfull (danweimingcheng) | f (f1, f2...) | pos (p1_r3_c2); export "1" (check boxes /1);
#   rexport pinyin (a radio group exporting the options' pinyin)
#   scans (every heldout6 scan): grey, 150 or 300 dpi, rotation up to 2°, and one of: a dark edge band, toner streaks,
#   a stamp across a value, a low resolution scaled up
# Added for heldout7 (split="heldout7"; none of these is used by another family):
#   program typst (the typst Python package) | ghostscript (the script's grid as PostScript, distilled by Ghostscript) | librsvg
#   (the script's grid as SVG, rsvg-convert) | writer-odt (an .odt by odfpy, LibreOffice) | weasyprint-form (an HTML form,
#   WeasyPrint's pdf_forms) | latex-form (XeLaTeX, hyperref's fields); cssgrid (Chromium: a CSS grid of <div> cells, no table)
#   fonts: BabelStone Han, TW-Sung, TW-Kai (fonts-cns11643), Noto Sans CJK SC Black (a title), Noto Serif CJK SC Black, the
#   JP face of Noto Serif CJK, Unifont (values), SetoFont (a note on a scan); the Bold face of Noto Serif CJK SC for all the
#   form's text (older families have it in titles only)
#   date: fw-padded ２０２６年０３月０５日 | fw-dash ２０２６－０３－０５ ; phone dash: mobiles 138-1234-5678
#   mark: √over (√ typed over □, Word's 带圈字符) | cross (a cross drawn in a drawn box) | image (a picture of a tick) | strike
#   (no boxes, the options not chosen struck through) | framed (no boxes, the chosen option framed by a character border)
#   watermark (text across the page behind the form) ; formno (表号 in the page's header) ; pageno7 (第 N 页 共 M 页 in
#   Writer's footer) ; digitboxes (统一社会信用代码, 身份证号码 a character to a box) ; qr (a QR code in a corner) ; copies
#   (the registration forms printed twice: 第一联, 第二联) ; fwtrail (values padded with trailing full-width spaces)
#   fillable: naming number (1, 2, 3...: WeasyPrint's fields after the inputs' names) | cn-generic (文本域1, 复选框1) |
#   colon8 (单位名称：, the label and its colon, raw UTF-8 bytes); export "Y" (check boxes /Y); WeasyPrint's /on
#   scans (every heldout7 scan): 200, 240 or 300 dpi, rotation up to 1.8°, and one of: a phone's photo (perspective, uneven
#   light, cropped), a staple and punched holes, a note handwritten in the margin, yellowed paper with a halftone

SERIF, SANS, UMING, WQY = "Noto Serif CJK SC", "Noto Sans CJK SC", "AR PL UMing CN", "WenQuanYi Micro Hei"
WATERMARK_TEXT = "仅供医保经办使用"  # heldout7 (ty-a): a watermark across the page
UKAI, ZENHEI, DROID = "AR PL UKai CN", "WenQuanYi Zen Hei", "Droid Sans Fallback"  # heldout2 only
SUNGTI, KAITI = "AR PL SungtiL GB", "AR PL KaitiM GB"  # heldout3 only, and weights of fonts-noto-cjk-extra:
SANS_MEDIUM, SERIF_LIGHT, SERIF_MEDIUM, SERIF_SEMIBOLD = ("Noto Sans CJK SC Medium", "Noto Serif CJK SC Light", "Noto Serif CJK SC Medium",
                                                          "Noto Serif CJK SC SemiBold")
# heldout4 only: LXGW WenKai (fonts-lxgw-wenkai: stand-alone TrueType), and fonts of fonts-noto-cjk(-extra) no other
# split uses
WENKAI, WENKAI_LIGHT, WENKAI_MONO = "LXGW WenKai", "LXGW WenKai Light", "LXGW WenKai Mono"
SANS_DEMILIGHT, SANS_LIGHT, SANS_MONO = "Noto Sans CJK SC DemiLight", "Noto Sans CJK SC Light", "Noto Sans Mono CJK SC"
# heldout5 only: HanaMinA (fonts-hanazono: a stand-alone TrueType Mincho covering the CJK ideographs), the Mono faces of
# WenQuanYi Micro Hei and Zen Hei (half-width Latin), LXGW WenKai Mono Light, Noto Serif CJK SC ExtraLight
HANAMIN, WQY_MONO, ZENHEI_MONO = "HanaMinA", "WenQuanYi Micro Hei Mono", "WenQuanYi Zen Hei Mono"
WENKAI_MONO_LIGHT, SERIF_XLIGHT = "LXGW WenKai Mono Light", "Noto Serif CJK SC ExtraLight"
_COMMON = dict(size=10.5, labels="as-printed", lspace=0, date="cn", mark="☑", align="left", pad=1.0, stray=0.1, colon="：",
               inline=True, rowscale=1.0)
_TYPED = dict(_COMMON, landscape=False, repeat=True)
_FILLABLE = dict(_COMMON, program="libreoffice-form", naming="acrobat", tooltips=False, border=False)


def _family(base, margins, **kw):
    """base + kw; margins: one number, (top and bottom, left and right) or (top, right, bottom, left) in mm."""
    if isinstance(margins, tuple) and len(margins) == 4:
        return dict(base, margins=margins, **kw)
    v, h = margins if isinstance(margins, tuple) else (margins, margins)
    return dict(base, margins=(v, h, v, h), **kw)


LO, CH, RL, WP = (dict(_TYPED, program=p) for p in ("libreoffice", "chromium", "reportlab", "weasyprint"))
FAMILIES = {
    # LibreOffice from .docx (python-docx)
    "lo-a": _family(LO, (18, 20), font=SERIF, jitter=0.08, pad=1.2, landscape=True),
    "lo-b": _family(LO, 25, font=UMING, size=11, labels="spaced", date="iso", mark="√", align="center", jitter=0.15, stray=0.2,
                    colon=":", inline=False, rowscale=1.1, repeat=False),
    "lo-c": _family(LO, 12, font=SANS, size=9.5, labels="oneline", lspace=1.5, date="cn-spaced", mark="■", align="right",
                    jitter=0.2, pad=0.8, stray=0.3, rowscale=0.8),
    # Chromium from HTML
    "ch-a": _family(CH, (16, 18), font=SANS, labels="spaced", date="cn-spaced", mark="■", jitter=0.12, pad=1.2, stray=0.15),
    "ch-b": _family(CH, (20, 15), font="AR PL UMing TTF", title_bold=False, size=11, lspace=3.0, date="dot", mark="x-over",
                    align="center", jitter=0.1, pad=1.6, stray=0.2, inline=False, rowscale=1.2, landscape=True),
    "ch-c": _family(CH, 10, font="WQY Hei TTF", size=10, labels="rebreak", date="slash", mark="✓", align="right", jitter=0.22,
                    pad=0.6, stray=0.35, colon=":", rowscale=0.85, repeat=False),
    # reportlab (platypus tables, TrueType fonts only)
    "rl-a": _family(RL, (18, 20), font=UMING, jitter=0.08, pad=1.5),
    "rl-b": _family(RL, 22, font=WQY, size=10, labels="spaced", date="iso", mark="√", align="center", jitter=0.18, stray=0.25,
                    colon=":", inline=False, rowscale=1.15, landscape=True),
    "rl-c": _family(RL, (10, 12), font=UMING, size=9, labels="oneline", date="cn-spaced", mark="x-instead", jitter=0.25, pad=0.8,
                    stray=0.3, rowscale=0.8, repeat=False),
    # WeasyPrint from HTML (never in the tuning split: a program the reader is not tuned on)
    "wp-a": _family(WP, (15, 20), font=UMING, labels="ideo", align="right", jitter=0.15, pad=1.4, stray=0.2, inline=False),
    "wp-b": _family(WP, (22, 16), font=WQY, size=11, labels="oneline", lspace=2.0, date="iso", mark="✓", jitter=0.2, stray=0.3,
                    colon=":", rowscale=1.1, landscape=True, repeat=False),
    # Fillable: LibreOffice form export from a flat ODT (.fodt) with form controls, filled by pikepdf
    #   naming: acrobat (Text1, Check Box2 ...) | labels (group+label, Chinese, written #-escaped)
    #   tooltips: HelpText = group + label ; border: visible field borders ; rows: blank table rows
    "ff-a": _family(_FILLABLE, (18, 20), font=SERIF, jitter=0.08, tooltips=True, rows=6),
    "ff-b": _family(_FILLABLE, 20, font=UMING, size=11, labels="spaced", date="iso", jitter=0.12, colon=":", rowscale=1.1,
                    naming="labels", border=True, rows=8),
    "ff-c": _family(_FILLABLE, 14, font=SANS, size=10, labels="oneline", date="cn-spaced", jitter=0.15, pad=0.8, stray=0.2,
                    inline=False, rowscale=0.9, border=True, rows=5),
    "ff-d": _family(_FILLABLE, 18, font=SERIF, size=10, labels="rebreak", date="slash", jitter=0.1, naming="labels", tooltips=True,
                    rows=7),
    # heldout2: a third split, used once to measure the reader; every family is new in font, label,
    # date, tick, alignment, margin and padding combination (and the fillable ones in their controls).
    # Not ranked by split_of's hash rule: the `split` key decides.
    "lo-d": _family(LO, 8, split="heldout2", font=UKAI, size=10, labels="fwspaced", date="cn-padded", mark="☒", box="☐",
                    align="center", jitter=0.12, pad=0.3, stray=0.2, rowscale=1.15, landscape=True),
    # Droid Sans Fallback has no Latin letters or digits: Chromium takes them from another font
    "ch-d": _family(CH, (8, 10), split="heldout2", font=DROID, size=10, labels="distributed", date="slash-padded", mark="✔",
                    align="right", jitter=0.15, pad=1.8, stray=0.25, colon=":", inline=False, rowscale=0.75, landscape=True),
    "rl-d": _family(RL, (28, 22), split="heldout2", font=ZENHEI, size=9.5, labels="colon", date="dot-short", mark="✔", box="☐",
                    align="right", jitter=0.1, pad=1.0, stray=0.2, rowscale=1.05, repeat=False),
    "wp-c": _family(WP, (12, 8), split="heldout2", fit=True, font=UKAI, size=11, labels="rebreak", lspace=1.0, date="dash-short",
                    mark="☒", align="center", jitter=0.18, pad=0.4, stray=0.3, rowscale=0.9, landscape=True),
    # fillable: radio group for 单位性质 (export values the options), combo boxes, date fields, /MaxLen, labels as names
    # with borders and tooltips
    "ff-n": _family(_FILLABLE, (10, 12), split="heldout2", ctlfont=True, font=UKAI, size=10.5, labels="fwspaced", date="slash-padded",
                    jitter=0.1, naming="labels", tooltips=True, border=True, choice="radio", rexport="text", maxlen=True, datefields=9,
                    combos=("affiliationOld", "affiliationNew", "paymentMethod"), rows=6),
    # a drop-down list box for 单位性质, check boxes exporting their options, combo boxes, LibreOffice's default names, filled by pypdf
    "ff-o": _family(_FILLABLE, 16, split="heldout2", ctlfont=True, font=ZENHEI, size=10, labels="distributed", date="cn-padded",
                    jitter=0.14, naming="lo", border=True, choice="list", export="text", colon=":", rowscale=1.1, pad=1.6,
                    combos=("unitTypeOld", "unitTypeNew", "eventMethod", "hospitalLevel"), filler="pypdf", rows=5),
    # a radio group exporting 1…10, options as the buttons' own labels, list boxes, date fields, /MaxLen, default names + tooltips
    "ff-p": _family(_FILLABLE, (14, 18), split="heldout2", ctlfont=True, font=DROID, size=9.5, labels="colon", date="iso",
                    jitter=0.16, pad=0.6, stray=0.2, naming="lo", tooltips=True, choice="radio", rexport="index", ownlabels=True,
                    maxlen=True, datefields=11, lists=("eventMethod",), inline=False, rows=7),
    # heldout3: a fourth split, used once to measure the reader; new fonts (AR PL SungtiL GB and KaitiM GB, the Light,
    # Medium and SemiBold weights of Noto CJK), label, date, tick, shading, border, colour and alignment
    # combinations, a flattened form, and fillable forms with a field hierarchy, PyMuPDF appearance streams, values
    # filled in Writer, number fields, widgets over the cells' rules and a rotated page.
    # Word: 单位名称： left-aligned in grey cells, a thick outer border, （√）, values after a tab, a wide left margin
    "lo-e": _family(LO, (15, 12, 15, 30), split="heldout3", font=SERIF_MEDIUM, size=10.5, labels="colon-left", date="cn-gap", mark="paren",
                    align="left", jitter=0.1, pad=2.0, stray=0.15, tab=True, landscape=True, shade="D9D9D9", outer=2.25),
    # 8.5 pt SungtiL GB (a stand-alone .ttf: CID TrueType; no bold, whose synthetic Type 3 glyphs are large), labels on
    # grey, values in blue at the top of their cells, ● and ○, 6 mm margins
    "ch-e": _family(CH, 6, split="heldout3", font=SUNGTI, title_bold=False, size=8.5, date="cn-spaced-padded", mark="●",
                    box="○", align="left", valign="top", jitter=0.12, pad=0.5, stray=0.2, inline=False, rowscale=0.7,
                    shade="#EDEDED", valcolour="#1F3A93"),
    # Kaiti, group labels written vertically, pale blue label cells, a 2 pt outer border, ✗, values centred at the bottom,
    # 30 mm side margins
    "rl-e": _family(RL, (12, 30), split="heldout3", font=KAITI, size=10, labels="vertical", date="cn-ideo-gap", mark="✗", align="center",
                    valign="bottom", jitter=0.15, pad=1.2, stray=0.25, colon=":", rowscale=1.15, landscape=True, shade="#DCE6F1", outer=2.0),
    # the form's text small in KaitiM GB, values larger in SungtiL GB, ▣, a 1.5 pt outer border, wide cell padding
    "wp-d": _family(WP, (15, 14), split="heldout3", font=KAITI, labelscale=0.82, valfont=SUNGTI, size=11, date="cn-gap-padded",
                    mark="▣", align="center", jitter=0.15, pad=2.2, stray=0.2, inline=False, rowscale=1.1, landscape=True, repeat=False,
                    outer=1.5),
    # typed, but made as a form: the LibreOffice form export filled by PyMuPDF and flattened (Document.bake)
    # (not scanned: what does not fit a field is cut off on the page, though all in the text)
    "fl-a": _family(_FILLABLE, (16, 20), split="heldout3", program="pymupdf", ctlfont=True, font=SERIF_SEMIBOLD, size=9.5, date="cn-gap",
                    jitter=0.12, naming="lo", rows=6, filler="pymupdf", stray=0.15, landscape=True, tablelines=2, noscan=True),
    # fillable: dotted names (a field hierarchy: form.unit.name; the 单位性质 boxes all named form.unit.type, LibreOffice
    # makes them type, type_2…), check boxes exporting 是, filled by PyMuPDF (appearance streams in a CJK font)
    "ff-q": _family(_FILLABLE, (15, 18), split="heldout3", ctlfont=True, font=SANS_MEDIUM, size=10, labels="oneline", date="cn-gap-padded",
                    jitter=0.12, pad=1.2, naming="tree", export="是", filler="pymupdf", rows=6),
    # fillable: pinyin names, filled in Writer before the export (LibreOffice writes /V and /DV), number fields for 胎次
    # and 胎儿数, multi-line text areas, a maternity table of 28 rows over two pages with its header repeated
    "ff-r": _family(_FILLABLE, (12, 15), split="heldout3", ctlfont=True, font=SERIF_LIGHT, size=10.5, date="cn-spaced-padded", jitter=0.1,
                    naming="pinyin", tooltips=True, border=True, filler="libreoffice", numbers=("parity", "fetusCount"),
                    multiline=("address", "addressOld", "addressNew", "remarks", "hospitalName", "birthCertificateNumber"),
                    rows=28, fillrange=(20, 27), repeat=True),
    # fillable: fields added over a printed form (Acrobat's field detection: names from the text beside them, 姓名_2,
    # 姓名Row1; widgets over the whole cell, past its rules), the maternity form landscape on a portrait page
    # turned by /Rotate 90 (as a PostScript printer driver and Ghostscript write it)
    "ff-s": _family(_FILLABLE, (18, 16), split="heldout3", ctlfont=True, font=SUNGTI, size=10.5, labels="spaced", date="cn-gap", jitter=0.14,
                    pad=1.4, naming="acro", cellrects=True, rotate=True, landscape=True, rows=8),
    # heldout4: a fifth split, used once to measure the reader; a font no other split uses (LXGW WenKai, regular, light and
    # monospaced), weights of Noto CJK not used before (Sans DemiLight and Light, Sans Mono), thin grey inner rules, bold
    # labels, page numbers under the page, a form filled in Writer and exported without form fields (typed), black-and-white
    # scans, and fillable forms with UTF-16 group-label names, generic fill_N names and pages turned by /Rotate 270.
    # Word: Noto Sans CJK DemiLight, 姓　名, bold labels, thin grey inner rules, ✓, values right-aligned below their prompts
    "lo-f": _family(LO, (20, 25), split="heldout4", font=SANS_DEMILIGHT, size=10, labels="ideo", date="dot", mark="✓", align="right",
                    jitter=0.2, pad=1.0, stray=0.2, inline=False, rowscale=1.0, labelbold=True, rules=("808080", 0.4), outer=1.0),
    # LXGW WenKai (a stand-alone .ttf: CID TrueType), labels on one line, ☑ with ☐, values centred, 第 1 页 共 1 页
    "ch-f": _family(CH, (12, 14), split="heldout4", font=WENKAI, size=10.5, labels="oneline", date="cn-padded", mark="☑", box="☐",
                    align="center", jitter=0.28, pad=1.0, stray=0.2, rowscale=0.95, landscape=True, pageno=True),
    # LXGW WenKai Mono (monospaced Latin and digits), 单位　名称, ■, values at the top of tall rows, grey inner rules
    "rl-f": _family(RL, (20, 18), split="heldout4", font=WENKAI_MONO, size=9.5, labels="fwspaced", date="cn-spaced-padded", mark="■",
                    align="left", valign="top", jitter=0.2, pad=1.2, stray=0.2, rowscale=1.12, landscape=True, repeat=False,
                    rules=("#999999", 0.5), outer=1.2),
    # LXGW WenKai Light, labels spaced and bold, X over □, values right-aligned, narrow margins, 第 1 页 共 1 页
    "wp-e": _family(WP, (10, 10), split="heldout4", font=WENKAI_LIGHT, size=10.5, labels="spaced", date="slash-padded", mark="x-over",
                    align="right", jitter=0.18, pad=0.8, stray=0.25, rowscale=1.05, landscape=True, repeat=False, labelbold=True,
                    pageno=True, rules=("#6E6E6E", 0.35), outer=0.9),
    # typed, made as a form: the LibreOffice form filled in Writer and exported without form fields (the controls, 3-D
    # frames and check boxes, drawn as page content); Noto Sans Mono CJK, table fields three lines tall, wrapping
    "fl-b": _family(_FILLABLE, (14, 10), split="heldout4", program="writer-form", ctlfont=True, font=SANS_MONO, size=8.5, date="cn",
                    jitter=0.1, pad=0.6, naming="acrobat", border=True, filler="libreoffice", rows=7, tablelines=3, wrap=True,
                    landscape=True),
    # fillable: Text1, Check Box2..., tooltips, visible borders, every page written landscape with /Rotate 270, filled by
    # pikepdf; controls in LXGW WenKai
    "ff-t": _family(_FILLABLE, (16, 18), split="heldout4", ctlfont=True, font=WENKAI, size=10, labels="ideo", date="dot-short",
                    jitter=0.12, pad=1.0, tooltips=True, border=True, rotate270=True, rows=10),
    # fillable: names after group and label as UTF-16 strings (法定代表人-姓名, 单位性质：企业, 第1行-身份证号码), no tooltips, no
    # borders, filled by PyMuPDF and saved with object streams; Noto Sans CJK Light
    "ff-u": _family(_FILLABLE, (14, 15), split="heldout4", ctlfont=True, font=SANS_LIGHT, size=10, labels="rebreak", date="cn-spaced",
                    jitter=0.15, pad=1.1, stray=0.15, naming="utf16", filler="pymupdf", objstms=True, landscape=True, rows=7),
    # fillable: generic names fill_1, check_1..., tooltips, no borders, filled by pypdf, saved again by qpdf with object
    # streams; LXGW WenKai Mono, a maternity table of 9 rows
    "ff-v": _family(_FILLABLE, (18, 14), split="heldout4", ctlfont=True, font=WENKAI_MONO, size=9.5, labels="oneline",
                    date="cn-gap-padded", jitter=0.14, pad=0.9, stray=0.2, naming="fill", tooltips=True, filler="pypdf", objstms=True,
                    inline=False, rows=9),
    # heldout5: a sixth split, used once to measure the reader; a layout program no other split uses (PyMuPDF's Story),
    # fonts no other split uses (HanaMinA, the Mono faces of WenQuanYi Micro Hei and Zen Hei, LXGW WenKai Mono Light,
    # Noto Serif CJK SC ExtraLight), * before required labels, ticks after their options, [√] (✓) ◉, full-width digits
    # in dates, double outer borders, dashed inner rules, shaded alternate rows, horizontal rules only, scans at 180 and
    # 225 dpi with fax-like contrast, fold lines, grey paper or a slight perspective, and fillable forms with English,
    # XFA-style and snake_case names, comb fields, /Q alignment, auto-sized text and NeedAppearances false.
    # Word: Noto Serif CJK ExtraLight, *单位名称, dates in full-width digits, [√] and [  ], a double outer border
    "lo-g": _family(LO, (22, 18), split="heldout5", font=SERIF_XLIGHT, size=10.5, labels="as-printed", star=True, date="fw",
                    mark="[√]", box="[\u3000]", align="left", jitter=0.15, pad=1.1, stray=0.15, rowscale=1.05, landscape=True,
                    double=1.5),
    # LXGW WenKai Mono Light (a stand-alone .ttf: CID TrueType), 姓　名, ◉ and ◯, dashed grey inner rules, every other
    # row shaded, values right-aligned
    "ch-g": _family(CH, (14, 16), split="heldout5", font=WENKAI_MONO_LIGHT, size=10, labels="ideo", date="cn-gap", mark="◉",
                    box="◯", align="right", jitter=0.18, pad=1.0, stray=0.2, rowscale=0.95, landscape=True,
                    dashed=("#777777", 0.6), zebra="#F0F0F0", outer=1.0),
    # WenQuanYi Micro Hei Mono, 单位名称： left-aligned, (✓) and (  ), horizontal rules only
    "rl-g": _family(RL, (18, 20), split="heldout5", font=WQY_MONO, size=10, labels="colon-left", date="dot", mark="(✓)",
                    box="(\u00a0\u00a0\u00a0)", align="left", jitter=0.15, pad=1.5, stray=0.2, rowscale=1.1, landscape=True, repeat=False,
                    hrules=True),
    # WenQuanYi Zen Hei Mono, *单位名称 on one line, the box after its option (企业☑, 机关单位☐), a double outer border
    # and dashed inner rules, 2026年03月05日
    "wp-f": _family(WP, (16, 15), split="heldout5", font=ZENHEI_MONO, size=10, labels="oneline", star=True, date="cn-padded",
                    mark="☑", box="☐", tickafter=True, align="center", jitter=0.16, pad=1.2, stray=0.2, rowscale=1.0, landscape=True,
                    double=2.0, dashed=("#000000", 0.5)),
    # PyMuPDF's Story (MuPDF's HTML engine), HanaMinA, labels spaced, [√], 2026/11/16, values centred below their prompts
    "ms-a": _family(_TYPED, (15, 18), program="pymupdf-story", split="heldout5", font=HANAMIN, size=10.5, labels="spaced",
                    date="slash", mark="[√]", box="[\u3000]", align="center", jitter=0.12, pad=1.0, stray=0.2, inline=False,
                    rowscale=1.0, landscape=True),
    # fillable: English names (unit_name, legalRep_idNo, emp1_idNo), comb fields for 统一社会信用代码 and 身份证号, /Q
    # centre for dates and right for phones, auto-sized text, visible borders, filled by pikepdf; controls in HanaMinA
    "ff-w": _family(_FILLABLE, (16, 16), split="heldout5", ctlfont=True, font=HANAMIN, size=10, labels="as-printed", date="fw",
                    jitter=0.12, pad=1.0, naming="english", tooltips=True, border=True, comb=True, quad="dates", autosize=True,
                    rows=6),
    # fillable: XFA-style names (topmostSubform[0].Page1[0].unitName[0]: a field hierarchy), filled by PyMuPDF,
    # NeedAppearances false; WenQuanYi Zen Hei Mono
    "ff-x": _family(_FILLABLE, (14, 18), split="heldout5", ctlfont=True, font=ZENHEI_MONO, size=10, labels="ideo", date="dot",
                    jitter=0.14, pad=1.1, stray=0.15, naming="xfa", filler="pymupdf", needapp=False, comb=True, landscape=True, rows=7),
    # fillable: snake_case names with the page (p1_unit_name, p1_row1_id_no), every text field centred (/Q 1), auto-sized,
    # filled by pypdf; Noto Serif CJK ExtraLight
    "ff-y": _family(_FILLABLE, (18, 15), split="heldout5", ctlfont=True, font=SERIF_XLIGHT, size=10.5, labels="oneline", date="cn-gap",
                    jitter=0.12, pad=0.9, naming="snake", tooltips=True, quad="all", autosize=True, filler="pypdf", inline=False, rows=8),
    # heldout6: a seventh split, used once to measure the reader; layout programs no other split uses (LibreOffice Calc
    # from an .xlsx, XeLaTeX with ctex, fpdf2, wkhtmltopdf; reportlab's AcroForm and PyMuPDF's widgets on a PDF laid
    # out by another program), the Fandol fonts (FandolFang, FandolSong, FandolKai, FandolHei: TeX Live's, made known
    # to the programs by a private fontconfig file), Smiley Sans and Noto Sans CJK SC Bold, dates in Chinese numerals
    # (二〇二六年三月五日) and as 8 digits (20260305), landlines with a space (0635 5123456), ticks 【√】, ◆/◇, ✔ over ☐,
    # a tick drawn as a pen stroke, the chosen option circled; labels right-aligned without colon, label and value in
    # one cell (单位名称：value, underlined), values underlined; scans with a dark edge band, toner streaks, a stamp
    # over the values or a low-resolution page scaled up; fillable forms named in full pinyin, f1, f2... and by
    # position (p1_r3_c2), check boxes /1 and /On, a radio group exporting pinyin, values with no appearance stream.
    # a spreadsheet form: openpyxl .xlsx, LibreOffice Calc's PDF export; FandolFang (仿宋), 【√】, 二〇二六年三月五日
    "xl-a": _family(dict(_TYPED, program="calc"), (15, 12), split="heldout6", font="FandolFang", titlefont="FandolHei", size=11,
                    labels="as-printed", date="cn-num", mark="【√】", box="【\u3000】", align="left", jitter=0.12, pad=1.0, stray=0.15,
                    rowscale=1.0, landscape=True),
    # XeLaTeX (ctex, fontset fandol: FandolSong, the title in FandolHei), labels right-aligned without colon, ✔ (DejaVu
    # Sans) over ☐, longtable, maternity landscape with its header repeated
    "tx-a": _family(dict(_TYPED, program="xelatex"), (18, 16), split="heldout6", font="FandolSong", size=10.5, labels="right",
                    date="cn", mark="✔over", box="☐", align="left", jitter=0.14, pad=1.2, stray=0.2, rowscale=1.0, landscape=True,
                    phone="space"),
    # fpdf2 (its own grid, drawn by the script), FandolKai, values underlined, a tick drawn as a pen stroke in a drawn box,
    # dates as 8 digits (20260305)
    "fp-a": _family(dict(_TYPED, program="fpdf2"), (16, 15), split="heldout6", font="FandolKai", titlefont="FandolHei", size=10.5,
                    labels="as-printed", date="compact", mark="pen", align="left", jitter=0.15, pad=1.3, stray=0.2, rowscale=1.05,
                    landscape=True, underline=True, repeat=False),
    # wkhtmltopdf (Qt WebKit), FandolHei, the title in Smiley Sans, ◆ and ◇, labels on one line, values centred
    "wk-a": _family(dict(_TYPED, program="wkhtmltopdf"), (14, 14), split="heldout6", font="FandolHei", titlefont="Smiley Sans",
                    size=10, labels="oneline", date="dash-short", mark="◆", box="◇", align="center", jitter=0.16, pad=1.0, stray=0.2,
                    rowscale=1.0, landscape=True, phone="space"),
    # WeasyPrint, label and value in one cell (单位名称：value, the value underlined, a blank one an empty line), the chosen
    # option circled (no boxes); FandolSong, labels in FandolHei Bold (both by @font-face from their files)
    "wp-g": _family(WP, (15, 16), split="heldout6", font="FandolSong", labelfont="FandolHei Bold", size=10, labels="merge",
                    date="cn-num", mark="circle", align="left", jitter=0.12, pad=1.2, stray=0.15, rowscale=1.0, landscape=True),
    # fillable: LibreOffice form export, names in full pinyin (danweimingcheng, fadingdaibiaoren_xingming), check boxes
    # exporting /1, filled by pikepdf; controls in FandolHei; dates as 8 digits
    "ff-z": _family(_FILLABLE, (16, 16), split="heldout6", ctlfont=True, font="FandolHei", size=10, labels="as-printed", date="compact",
                    jitter=0.12, pad=1.0, naming="pinyinfull", tooltips=True, border=True, export="1", rows=6),
    # fillable: laid out by reportlab's canvas (the script's grid), fields by reportlab's AcroForm named f1, f2..., tooltips,
    # 单位性质 a radio group exporting pinyin, check boxes /On, values set by pikepdf with no appearance stream
    "rf-a": _family(dict(_FILLABLE, program="reportlab-form"), (16, 15), split="heldout6", font="WenQuanYi Zen Hei Sharp", size=10,
                    labels="as-printed", date="cn-num", jitter=0.12, pad=1.2, naming="f", tooltips=True, border=True, rows=7,
                    landscape=True, choice="radio", rexport="pinyin"),
    # fillable: a blank form laid out by fpdf2 (FandolSong), widgets added and filled by PyMuPDF, named by position
    # (p1_r3_c2), check boxes /Yes
    "pm-a": _family(dict(_FILLABLE, program="pymupdf-widgets"), (15, 16), split="heldout6", font="FandolSong", titlefont="FandolHei",
                    size=10.5, labels="as-printed", date="slash-padded", jitter=0.12, pad=1.2, naming="pos", tooltips=False, border=False,
                    rows=6, landscape=True),
    # heldout7: an eighth split, used once to measure the reader; layout programs no other split uses (Typst; PostScript
    # distilled by Ghostscript; SVG rendered by librsvg; an .odt written by odfpy; WeasyPrint's and hyperref's form fields;
    # Chromium laying out a CSS grid), fonts no other split uses (BabelStone Han, TW-Sung, TW-Kai, Noto Sans CJK SC Black,
    # Noto Serif CJK SC Black, Noto Serif CJK JP, Unifont), dates in full-width digits padded or with
    # full-width dashes, mobiles with dashes, ticks √ over □, a drawn cross, a pasted picture, options struck through or
    # framed, a watermark, 表号, a QR code, digit boxes, two copies (第一联, 第二联), values padded with full-width spaces;
    # scans photographed by a phone, stapled and punched, with a note in the margin or yellowed with a halftone; fillable
    # forms named 1, 2, 3..., 文本域1/复选框1 and 单位名称： in raw UTF-8, check boxes /on and /Y.
    # Typst, BabelStone Han, √ typed over □, ２０２６年０３月０５日, a watermark across the page, 表号 in the header
    "ty-a": _family(dict(_TYPED, program="typst"), (20, 18, 16, 18), split="heldout7", font="BabelStone Han", size=10.5, labels="as-printed",
                    date="fw-padded", mark="√over", align="left", jitter=0.14, pad=1.2, stray=0.15, rowscale=1.0, landscape=True,
                    watermark=WATERMARK_TEXT, formno=True),
    # PostScript distilled by Ghostscript (TW-Sung substituted for the CIDFont it names), 统一社会信用代码 and 身份证号码 in
    # 18 printed boxes, a cross drawn in the box, header rows repeated
    "gs-a": _family(dict(_TYPED, program="ghostscript"), (18, 16, 16, 18), split="heldout7", font="TW-Sung", size=10.5, labels="as-printed",
                    date="cn", mark="cross", align="left", jitter=0.12, pad=1.3, stray=0.15, rowscale=1.05, landscape=True, digitboxes=True),
    # SVG rendered by librsvg/cairo, TW-Kai, 姓　名, a picture of a tick pasted over the box, a QR code in the corner, values
    # centred, 2026-03-05
    "sv-a": _family(dict(_TYPED, program="librsvg"), (24, 16, 16, 18), split="heldout7", font="TW-Kai", size=10.5, labels="ideo",
                    date="iso", mark="image", align="center", jitter=0.14, pad=1.2, stray=0.15, rowscale=1.05, landscape=True,
                    repeat=False, qr=True),
    # Chromium laying out a CSS grid of <div> cells (no table), TW-Sung (a stand-alone .ttf: CID TrueType), the title in Noto
    # Sans CJK SC Black, the options not chosen struck through (no boxes), the registration forms printed twice (第一联, 第二联)
    "ch-h": _family(CH, (14, 16), split="heldout7", font="TW-Sung", titlefont="Noto Sans CJK SC Black", size=10.5,
                    labels="oneline", lspace=0.5, date="cn-spaced", mark="strike", align="left", jitter=0.14, pad=1.2, stray=0.15,
                    rowscale=1.0, landscape=True, repeat=False, cssgrid=True, copies=True),
    # an .odt written by odfpy (LibreOffice Writer), the form's text in Noto Serif CJK SC Bold, values in Unifont, the chosen option
    # framed, 表号 in the header and 第 N 页 共 M 页 in the footer, mobiles 138-1234-5678, values padded with full-width spaces
    "od-a": _family(dict(_TYPED, program="writer-odt"), (24, 18, 22, 18), split="heldout7", font="Noto Serif CJK SC", valfont="Unifont",
                    size=10, labels="as-printed", date="dot", mark="framed", align="left", jitter=0.14, pad=1.1, stray=0.1,
                    rowscale=1.0, landscape=True, formno=True, pageno7=True, phone="dash", fwtrail=0.3),
    # fillable: an HTML form printed by WeasyPrint (pdf_forms), fields named 1, 2, 3..., check boxes /on; TW-Kai, the
    # controls (and their /DA) in Nimbus Sans (no CJK: WeasyPrint embeds a form's font whole)
    "wf-a": _family(dict(_FILLABLE, program="weasyprint-form"), (16, 16), split="heldout7", font="TW-Kai", size=10,
                    labels="as-printed", date="slash", jitter=0.12, pad=1.0, naming="number", tooltips=True, border=True, rows=6,
                    landscape=True, fieldfont="Nimbus Sans", title_bold=False),
    # fillable: XeLaTeX with hyperref's fields (文本域1, 复选框1...), their values given in the document; Noto Serif CJK JP
    # (Japanese glyph forms); mobiles 138-1234-5678
    "hf-a": _family(dict(_FILLABLE, program="latex-form"), (18, 16), split="heldout7", font="Noto Serif CJK JP", size=10.5,
                    labels="right", date="cn-padded", jitter=0.12, pad=1.2, naming="cn-generic", tooltips=False, border=True, rows=7,
                    landscape=True, phone="dash"),
    # fillable: a LibreOffice form export, names the label and its colon (单位名称：) as raw UTF-8 bytes, check boxes /Y,
    # filled by pikepdf; Noto Serif CJK SC Black (controls too), ２０２６－０３－０５
    "lf-a": _family(_FILLABLE, (16, 16), split="heldout7", ctlfont=True, font="Noto Serif CJK SC Black", size=10, labels="oneline",
                    date="fw-dash", jitter=0.12, pad=1.0, naming="colon8", export="Y", border=True, rows=6),
}
PROGRAM_OF = {f: s["program"] for f, s in FAMILIES.items()}

# Cases per (family, form) in the committed corpus; scans are made from typed cases.
TYPED_PER = 1
FILLABLE_PER = 2
FILLABLE_PER_FORM = {"ly-maternity-allowance": 1}  # (size: the committed PDFs stay under 6 MB)
SCAN_MAX_ROWS = 10  # scans are printed from typed cases of at most this many table rows (1-2 pages)
SCANS_PER_FORM = 3  # per split


def split_of(family):
    """The split rule. A family with a `split` key (the heldout2, heldout3 and heldout4 families) is in that split and
    takes no part in the ranking below. WeasyPrint families are all held out (a program the tuning
    split never sees). Within each other program, families are ranked by sha256("SEED:family")
    and alternate: rank 0 tune, 1 held out, 2 tune, 3 held out. A scan takes the split of the
    typed family it was printed from."""
    if FAMILIES.get(family, {}).get("split"):
        return FAMILIES[family]["split"]
    prog = PROGRAM_OF[family]
    if prog == "weasyprint":
        return "heldout"
    fams = sorted((f for f, p in PROGRAM_OF.items() if p == prog and not FAMILIES.get(f, {}).get("split")),
                  key=lambda f: hashlib.sha256(("%d:%s" % (SEED, f)).encode()).hexdigest())
    return "tune" if fams.index(family) % 2 == 0 else "heldout"


def rng_for(*parts):
    return random.Random("%d/%s" % (SEED, "/".join(map(str, parts))))


# --------------------------------------------------------------------------------------------
# Fake data

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔向汤"
GIVEN_F = "秀丽敏静燕艳娟霞芳娜玲慧婷雪琳晶颖倩洁莉萍红梅兰凤云丹华英玉春晓欣悦佳宁"
GIVEN_M = "建国伟强军磊洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆志新东振"
LC_AREAS = [("371502", "东昌府区"), ("371503", "茌平区"), ("371521", "阳谷县"), ("371522", "莘县"),
            ("371524", "东阿县"), ("371525", "冠县"), ("371526", "高唐县"), ("371581", "临清市")]
LY_AREAS = fx.LY_AREAS
LC_ROADS = ["柳园南路", "东昌东路", "花园北路", "建设路", "光岳路", "振兴西路", "站前街", "湖南路", "兴华路", "黄河路", "利民东路", "向阳路"]
TRADE = ["鑫源", "华泰", "金诺", "鲁西", "恒通", "瑞丰", "润达", "东岳", "宏昌", "正阳", "同力", "凤凰", "运河", "众和"]
INDUSTRY = ["精密机械", "食品", "纺织", "物流", "建材", "电子科技", "医药", "农业发展", "商贸", "智能装备", "包装材料", "汽车配件"]
SUFFIX = ["有限公司", "有限责任公司", "股份有限公司"]
DEPTS = ["人力资源部", "办公室", "财务部", "行政部", "综合部", "人事科", "财务科"]
UNIT_TYPES_TEXT = ["有限责任公司", "股份有限公司", "私营企业", "事业单位", "个体工商户", "民办非企业单位"]
AFFIL = ["市属", "区属", "县属", "其他", "省属", "中央"]
SUPERVISORS = ["聊城市国有资产监督管理委员会", "聊城市东昌府区工业和信息化局", "聊城市卫生健康委员会", "山东鲁西集团有限公司",
               "聊城市教育和体育局", "聊城市商务局", "无"]
HOSPITALS = fx.HOSPITALS
USCC_ALPHA = "0123456789ABCDEFGHJKLMNPQRTUWXY"


id_check = fx.id_check


def make_id(rng, areas, born_from, born_to, female):
    days = (born_to - born_from).days
    birth = born_from + dt.timedelta(days=rng.randrange(days))
    seq = "%02d%d" % (rng.randrange(100), rng.choice([0, 2, 4, 6, 8] if female else [1, 3, 5, 7, 9]))
    first17 = rng.choice(areas) + birth.strftime("%Y%m%d") + seq
    return first17 + id_check(first17)


def wrong_check(value, rng):
    alts = [c for c in "0123456789X" if c != value[-1]]
    return value[:-1] + rng.choice(alts)


def uscc_make(rng, area):
    def org_code():
        body = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
        if rng.random() < 0.5:
            body = "MA" + body[2:]
        w = [3, 7, 9, 10, 5, 8, 4, 2]
        s = sum((int(c) if c.isdigit() else ord(c) - 55) * wi for c, wi in zip(body, w))
        c9 = 11 - s % 11
        return body + ("X" if c9 == 10 else "0" if c9 == 11 else str(c9))
    first17 = "91" + area + org_code()
    w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    s = sum(USCC_ALPHA.index(c) * wi for c, wi in zip(first17, w))
    return first17 + USCC_ALPHA[(31 - s % 31) % 31]


def person(rng, female=None):
    if female is None:
        female = rng.random() < 0.5
    pool = GIVEN_F if female else GIVEN_M
    return rng.choice(SURNAMES) + "".join(rng.choice(pool) for _ in range(rng.choice([1, 2, 2])))


def mobile(rng):
    return rng.choice(["138", "139", "135", "137", "150", "152", "158", "159", "186", "187", "133", "153", "177", "199"]) + "%08d" % rng.randrange(10 ** 8)


def landline(rng, area="0635"):
    return "%s-%d%06d" % (area, rng.choice([2, 5, 6, 8]), rng.randrange(10 ** 6))


def date_between(rng, a, b):
    return (a + dt.timedelta(days=rng.randrange((b - a).days + 1))).isoformat()


def company(rng, city="聊城市"):
    return city + rng.choice(TRADE) + rng.choice(INDUSTRY) + rng.choice(SUFFIX)


def lc_address(rng, area_name):
    s = "山东省聊城市%s%s%d号" % (area_name, rng.choice(LC_ROADS), rng.randrange(1, 400))
    if rng.random() < 0.35:  # long ones wrap
        s += rng.choice(["%s大厦%d楼" % (rng.choice(TRADE), rng.randrange(2, 20)), "院内%d号楼%d单元" % (rng.randrange(1, 9), rng.randrange(1, 4)),
                         "（%s工业园%s区）" % (rng.choice(TRADE), rng.choice("东西南北"))])
    return s


def values_enrollment(rng, defn):
    code, area = rng.choice(LC_AREAS)
    v = {}
    v["unitName"] = company(rng)
    v["uscc"] = uscc_make(rng, code)
    v["address"] = lc_address(rng, area)
    v["unitType"] = rng.choices(defn_options(defn, "unitType"), weights=[2, 2, 2, 2, 2, 6, 2, 2, 12, 2])[0]
    v["legalRepName"] = person(rng)
    v["legalRepPhone"] = rng.choice([landline(rng), mobile(rng)])
    v["legalRepIdNumber"] = make_id(rng, [c for c, _ in LC_AREAS], dt.date(1960, 1, 1), dt.date(1992, 12, 31), rng.random() < 0.4)
    v["contactName"] = person(rng)
    if rng.random() < 0.75:
        v["contactDepartment"] = rng.choice(DEPTS)
    v["contactMobile"] = mobile(rng)
    if rng.random() < 0.6:
        v["contactPhone"] = landline(rng)
    opts = defn_options(defn, "insuranceTypes")
    chosen = ["医疗保险"] + [o for o in opts[1:4] if rng.random() < 0.45]
    if rng.random() < 0.15:
        chosen.append("其他")
        v["insuranceTypesOther"] = rng.choice(["大额医疗补助", "公务员医疗补助", "意外伤害保险"])
    v["insuranceTypes"] = [o for o in opts if o in chosen]
    if rng.random() < 0.85:
        v["declarationDate"] = date_between(rng, dt.date(2026, 10, 1), dt.date(2026, 11, 24))
    return v, code


CHANGE_ITEMS = ["unitName", "address", "unitType", "affiliation", "supervisor"]


def values_change(rng, defn):
    code, area = rng.choice(LC_AREAS)
    v = {"unitCode": "%d%07d" % (rng.choice([15, 16]), rng.randrange(10 ** 7))}
    v["fillDate"] = date_between(rng, dt.date(2026, 10, 20), dt.date(2026, 11, 24))
    changed = rng.sample(CHANGE_ITEMS, rng.choice([1, 1, 2, 2, 3]))
    all_old = rng.random() < 0.4  # some applicants fill every 原登记事项
    old_name = company(rng)
    gen = {
        "unitName": (old_name, old_name[:3] + rng.choice(TRADE) + rng.choice(INDUSTRY) + rng.choice(SUFFIX)),
        "address": (lc_address(rng, area), lc_address(rng, area)),
        "unitType": tuple(rng.sample(UNIT_TYPES_TEXT, 2)),
        "affiliation": tuple(rng.sample(AFFIL, 2)),
        "supervisor": tuple(rng.sample(SUPERVISORS[:-1], 2)),
    }
    for item in CHANGE_ITEMS:
        old, new = gen[item]
        if item == "unitName" or item in changed or all_old:
            v[item + "Old"] = old
        if item in changed:
            v[item + "New"] = new
    v["changeDate"] = date_between(rng, dt.date(2026, 9, 1), dt.date.fromisoformat(v["fillDate"]))
    v["legalRepName"] = person(rng)
    v["legalRepPhone"] = rng.choice([landline(rng), mobile(rng)])
    v["contactName"] = person(rng)
    if rng.random() < 0.7:
        v["contactDepartment"] = rng.choice(DEPTS)
    v["contactPhone"] = rng.choice([mobile(rng), landline(rng)])
    if rng.random() < 0.6:
        what = "、".join({"unitName": "名称", "address": "住所", "unitType": "单位类型", "affiliation": "隶属关系",
                         "supervisor": "主管部门"}[c] for c in changed)
        v["remarks"] = "%s变更%s" % (what, rng.choice(["，营业执照已换发。", "。", "，附变更文件复印件。", ""]))
    return v, code


def maternity_row(rng):
    row = {"name": person(rng, True), "gender": "女",
           "idNumber": make_id(rng, LY_AREAS, dt.date(1985, 1, 1), dt.date(2000, 12, 31), True),
           "eventDate": date_between(rng, dt.date(2026, 5, 1), dt.date(2026, 11, 10))}
    method = rng.choices(["顺产", "剖宫产", "不满2个月流产", "2-3个月流产", "3-4个月流产", "4个月以上流产"], weights=[45, 35, 5, 5, 5, 5])[0]
    row["eventMethod"] = method
    if method in ("顺产", "剖宫产"):
        row["birthCertificateNumber"] = "%s%d%08d" % (rng.choice(["S37", "R37", "T37"]), rng.randrange(10), rng.randrange(10 ** 8)) if rng.random() < 0.3 \
            else "S37%07d" % rng.randrange(10 ** 7)
        row["parity"] = str(rng.choice([1, 1, 1, 2, 2, 3]))
        row["fetusCount"] = str(rng.choice([1] * 12 + [2]))
    hosp, level = rng.choice(HOSPITALS)
    row["hospitalName"] = hosp
    if rng.random() < 0.9:
        row["hospitalLevel"] = level
    row["paymentMethod"] = rng.choice(["银行卡发放", "社保卡发放"])
    if row["paymentMethod"] == "银行卡发放":
        row["bankCardNumber"] = luhn_complete(rng.choice(["622848", "621799", "623058", "622908", "621700"]) + "%012d" % rng.randrange(10 ** 12))
    return row


def values_maternity(rng, defn, nrows):
    v = {"unitName": company(rng, "临沂市" if rng.random() < 0.5 else "临沂"), "employees": [maternity_row(rng) for _ in range(nrows)]}
    if rng.random() < 0.85:
        v["reportDate"] = date_between(rng, dt.date(2026, 11, 1), dt.date(2026, 11, 24))
    if rng.random() < 0.8:
        v["unitHead"] = person(rng)
    v["preparer"] = person(rng)
    v["contactPhone"] = rng.choice([landline(rng, "0539"), mobile(rng)])
    return v, rng.choice(LY_AREAS)


def defn_options(defn, key):
    return fields_of(defn)[key]["options"]


# Option lists of the text fields some heldout2 fillable families make combo boxes (editable
# drop-downs); a field of type choice takes its definition's options.
COMBO_OPTIONS = {"affiliationOld": AFFIL, "affiliationNew": AFFIL, "unitTypeOld": UNIT_TYPES_TEXT, "unitTypeNew": UNIT_TYPES_TEXT,
                 "hospitalLevel": ["三级甲等", "三级乙等", "二级甲等", "二级乙等", "一级"]}


# --------------------------------------------------------------------------------------------
# Faults: each changes the values as written and names the problem intake should report.

def bad_date_text(rng):
    return rng.choice([(2024, 13, 5), (2026, 2, 30), (2026, 9, 31), (2026, 11, 31), (2026, 0, 12), (2025, 6, 31)])


# Fault kinds per form, in the order the schedule deals them out (the issue's own examples first).
FAULT_KINDS = {
    "lc-unit-enrollment": ["uscc-check", "bad-date", "id-check", "blank-required", "bad-mobile", "no-unit-type", "future-date",
                           "bad-phone", "no-insurance"],
    "lc-unit-change": ["empty-change", "bad-date", "blank-required", "bad-phone", "future-date"],
    "ly-maternity-allowance": ["row-id-check", "row-gender", "row-bad-date", "row-birth-cert", "row-luhn", "row-blank-required",
                               "bad-phone", "blank-preparer"],
}
FAULT_RATE = {"lc-unit-enrollment": 0.6, "lc-unit-change": 0.6, "ly-maternity-allowance": 0.85}


def fault_schedule(cases):
    """Per split and form, the faulty cases (a seeded draw per case) take the form's fault kinds in
    turn, committed cases first, so that every kind is planted in every split (COVER_SPLITS: kinds
    not planted yet first; COMPLETE_SPLITS: clean committed cases take the kinds still missing). Sets
    case["faults_plan"] = (how many, kinds in the order to try)."""
    groups = {}
    for c in cases:
        if c["kind"] != "scan":
            groups.setdefault((c["split"], c["form"]), []).append(c)
    for (split, form), cs in sorted(groups.items()):
        cs.sort(key=lambda c: (c["index"] >= committed_count(c), c["index"], c["id"]))
        kinds = FAULT_KINDS[form]
        pos = 0
        planted = set()
        for c in cs:
            r = rng_for("fault-count", c["id"])
            if r.random() >= FAULT_RATE[form]:
                c["faults_plan"] = (0, [])
                continue
            n = 2 if r.random() < 0.3 else 1
            c["faults_plan"] = (n, [kinds[(pos + k) % len(kinds)] for k in range(len(kinds))])
            pos += n
            if split in COVER_SPLITS:
                # the same draws, but a kind a case could not take (no row left, no bank card, a 流产
                # row) is not lost: the kinds not yet planted in the split come first, in turn
                c["faults_plan"] = (n, [k for k in c["faults_plan"][1] if k not in planted] +
                                    [k for k in c["faults_plan"][1] if k in planted])
                planted.update(f["fault"] for f in case_values(c)[2])
        if split in COMPLETE_SPLITS:
            # the committed files carry every kind: while kinds are missing, a committed case drawn
            # clean takes one fault, the first missing kind it can take
            committed = [c for c in cs if c["index"] < committed_count(c)]
            have = {f["fault"] for c in committed for f in case_values(c)[2]}
            for c in committed:
                missing = [k for k in kinds if k not in have]
                if not missing:
                    break
                if c["faults_plan"][0]:
                    continue
                c["faults_plan"] = (1, missing + [k for k in kinds if k not in missing])
                have.update(f["fault"] for f in case_values(c)[2])
            if split in TOPUP_SPLITS:
                # no clean case left (heldout4: its 8 maternity cases all drew faults, and where row-luhn was dealt
                # the row drawn had no bank card): a committed case of one fault takes a second, the first missing kind it
                # can take (its first fault unchanged: the kinds it tried up to it come first, as before)
                for c in committed:
                    missing = [k for k in kinds if k not in have]
                    if not missing:
                        break
                    n, order = c["faults_plan"]
                    if n != 1:
                        continue
                    got = [f["fault"] for f in case_values(c)[2]]
                    if not got:
                        continue
                    i = order.index(got[0])
                    c["faults_plan"] = (2, order[:i + 1] + missing + [k for k in order[i + 1:] if k not in missing])
                    now = [f["fault"] for f in case_values(c)[2]]
                    if now[:1] != got or not set(now) & set(missing):
                        c["faults_plan"] = (n, order)
                        continue
                    have.update(now)


# Splits whose faults are dealt so that every kind is planted (the committed heldout2 split is
# small: 7 maternity cases for 8 kinds); tune and heldout keep the plain rotation.
COVER_SPLITS = {"heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7"}
# Splits whose committed files must hold every kind even when the draws make too few cases faulty
# (heldout3: 11 enrollment cases drew 5 faulty ones for 9 kinds)
COMPLETE_SPLITS = {"heldout3", "heldout4", "heldout5", "heldout6", "heldout7"}
# Splits where, clean cases used up, committed cases of one fault take a second one of the kinds still missing
TOPUP_SPLITS = {"heldout4", "heldout5", "heldout6", "heldout7"}


def committed_count(case):
    if case["kind"] == "fillable":
        return FILLABLE_PER_FORM.get(case["form"], FILLABLE_PER)
    return FAMILIES[case["family"]].get("per", TYPED_PER)


def plant_faults(form, v, rng, style, plan):
    """Plants plan[0] faults, trying the kinds of plan[1] in order; v is changed in place (the
    values as written). Returns the faults with the problem code intake should report."""
    n, kinds = plan
    faults, used_fields = [], set()
    for kind in kinds:
        if len(faults) >= n:
            break
        before = json.dumps(v, sort_keys=True)
        f = apply_fault(form, kind, v, rng, style, avoid_rows={int(re.search(r"\[(\d+)\]", u).group(1)) for u in used_fields if "[" in u})
        if f is None:
            continue
        if f["field"] in used_fields or (f["field"] in ("unitNameNew",) and any(u.endswith("New") for u in used_fields)):
            v.clear()  # the same field twice: undo
            v.update(json.loads(before))
            continue
        faults.append(f)
        used_fields.add(f["field"])
    return faults


def apply_fault(form, kind, v, rng, style, avoid_rows=()):
    if kind == "uscc-check":
        v["uscc"] = v["uscc"][:-1] + rng.choice([c for c in USCC_ALPHA if c != v["uscc"][-1]])
        return {"field": "uscc", "code": "invalid-check-digit", "fault": kind}
    if kind == "id-check":
        v["legalRepIdNumber"] = wrong_check(v["legalRepIdNumber"], rng)
        return {"field": "legalRepIdNumber", "code": "invalid-check-digit", "fault": kind}
    if kind == "blank-required":
        keys = {"lc-unit-enrollment": ["address", "legalRepName", "legalRepPhone", "legalRepIdNumber", "contactName", "contactMobile"],
                "lc-unit-change": ["unitCode", "legalRepName", "legalRepPhone", "contactName", "contactPhone", "changeDate", "fillDate"]}[form]
        k = rng.choice(keys)
        v.pop(k, None)
        return {"field": k, "code": "missing-required", "fault": kind}
    if kind in ("bad-phone", "bad-mobile"):
        if form == "lc-unit-enrollment":
            k = "contactMobile" if kind == "bad-mobile" else "legalRepPhone"
        elif form == "lc-unit-change":
            k = rng.choice(["legalRepPhone", "contactPhone"])
        else:
            k = "contactPhone"
        if k == "contactMobile":
            v[k] = rng.choice([mobile(rng)[:10], mobile(rng) + str(rng.randrange(10)), "0635-" + mobile(rng)[3:10], "2" + mobile(rng)[1:]])
        else:
            area = "0539" if form.startswith("ly") else "0635"
            v[k] = rng.choice(["%s-%05d" % (area, rng.randrange(10 ** 5)), mobile(rng)[:10], "%s-%d%06d%d" % (area, 8, rng.randrange(10 ** 6), 12),
                               "%05d" % rng.randrange(10 ** 5)])
        return {"field": k, "code": "invalid-format", "fault": kind}
    if kind == "bad-date":
        k = {"lc-unit-enrollment": "declarationDate", "lc-unit-change": rng.choice(["changeDate", "fillDate"])}[form]
        y, m, d = bad_date_text(rng)
        v[k] = fmt_date_parts(y, m, d, style["date"])
        return {"field": k, "code": "date-format", "fault": kind}
    if kind == "future-date":
        k = {"lc-unit-enrollment": "declarationDate", "lc-unit-change": rng.choice(["changeDate", "fillDate"])}[form]
        v[k] = date_between(rng, dt.date(2026, 12, 1), dt.date(2027, 3, 31))
        if form == "lc-unit-change" and k == "changeDate" and v.get("fillDate", "") < v[k]:
            pass
        return {"field": k, "code": "date-order", "fault": kind}
    if kind == "no-unit-type":
        v.pop("unitType", None)
        return {"field": "unitType", "code": "missing-required", "fault": kind}
    if kind == "no-insurance":
        v.pop("insuranceTypes", None)
        v.pop("insuranceTypesOther", None)
        return {"field": "insuranceTypes", "code": "missing-required", "fault": kind}
    if kind == "empty-change":
        news = [k + "New" for k in CHANGE_ITEMS]
        for k in news:
            v.pop(k, None)
        return {"field": "unitNameNew", "code": "missing-required", "fault": kind, "anyOf": news + ["变更事项"],
                "note": "the whole 变更事项 column is empty: a change form that changes nothing"}
    rows = v.get("employees", [])
    free = [i for i in range(len(rows)) if i not in avoid_rows]
    if kind.startswith("row-") and free:
        i = rng.choice(free)
        row = rows[i]
        p = "employees[%d]." % i
        if kind == "row-id-check":
            row["idNumber"] = wrong_check(row["idNumber"], rng)
            return {"field": p + "idNumber", "code": "invalid-check-digit", "fault": kind}
        if kind == "row-gender":
            row["gender"] = "男"
            return {"field": p + "gender", "code": "id-gender-mismatch", "fault": kind, "anyOf": [p + "gender", p + "idNumber"]}
        if kind == "row-blank-required":
            k = rng.choice(["name", "idNumber", "hospitalName", "paymentMethod", "eventDate"])
            row.pop(k, None)
            if k == "paymentMethod":
                row.pop("bankCardNumber", None)
            return {"field": p + k, "code": "missing-required", "fault": kind}
        if kind == "row-birth-cert":
            if row["eventMethod"] not in ("顺产", "剖宫产"):
                return None
            k = rng.choice(["birthCertificateNumber", "parity"])
            row.pop(k, None)
            return {"field": p + k, "code": "missing-required", "fault": kind,
                    "note": "blank for a birth (顺产/剖宫产): required-when, a rule issue 16 asks for"}
        if kind == "row-bad-date":
            y, m, d = bad_date_text(rng)
            row["eventDate"] = fmt_date_parts(y, m, d, style["date"])
            return {"field": p + "eventDate", "code": "date-format", "fault": kind}
        if kind == "row-luhn":
            if "bankCardNumber" not in row:
                return None
            c = row["bankCardNumber"]
            row["bankCardNumber"] = c[:-1] + str((int(c[-1]) + rng.randrange(1, 10)) % 10)
            return {"field": p + "bankCardNumber", "code": "low-confidence", "fault": kind,
                    "note": "fails the Luhn check: to be flagged for review (needsReview / low-confidence), not refused"}
    if kind == "blank-preparer":
        v.pop("preparer", None)
        return {"field": "preparer", "code": "missing-required", "fault": kind}
    return None


# --------------------------------------------------------------------------------------------
# The form as a grid of cells holding paragraphs of runs. A run is a str, a Tick, or a Widget
# (fillable forms only).

class Tick:
    def __init__(self, checked):
        self.checked = checked


class Val(str):
    """A typed value, for the families that set values apart from the form's own text (valcolour,
    valfont); a str everywhere else."""


class Widget:
    """kind: text | check (one per option) ; heldout2 families also: radio (one per option, one
    field), list (a drop-down list box), combo (an editable drop-down), date (a date control)."""
    def __init__(self, key, kind, value, label, group="", width=None, lines=1, option=None, options=None):
        self.key, self.kind, self.value, self.label, self.group = key, kind, value, label, group
        self.width, self.lines, self.option, self.options = width, lines, option, options
        self.maxlen = None
        self.own = False  # an option drawn as the control's own label, not as text after it


FW_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def fmt_date_parts(y, m, d, how):
    """fx.fmt_date_parts, and (heldout5) fw: 2026年3月5日 typed with full-width digits (２０２６年３月５日)."""
    if how == "fw":
        return fx.fmt_date_parts(y, m, d, "cn").translate(FW_DIGITS)
    if how == "cn-num":  # heldout6: 二〇二六年三月五日 (Chinese numerals, as a spreadsheet's [DBNum1] date format writes it)
        return "".join(CN_DIGITS[int(c)] for c in "%04d" % y) + "年" + cn_number(m) + "月" + cn_number(d) + "日"
    if how == "compact":  # heldout6: 20260305 (eight digits, as office systems print dates)
        return "%04d%02d%02d" % (y, m, d)
    if how == "fw-padded":  # heldout7: ２０２６年０３月０５日 (full-width digits, the month and day padded)
        return fx.fmt_date_parts(y, m, d, "cn-padded").translate(FW_DIGITS)
    if how == "fw-dash":  # heldout7: ２０２６－０３－０５ (an IME in full-width mode: the digits and the dashes)
        return ("%04d-%02d-%02d" % (y, m, d)).translate(FW_DIGITS).replace("-", "－")
    return fx.fmt_date_parts(y, m, d, how)


def written_date(v, how):
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v or ""):
        y, m, d = (int(x) for x in v.split("-"))
        return fmt_date_parts(y, m, d, how)
    return v  # a planted impossible date is already written


def label_text(text, how):
    if how == "oneline":
        return text.replace("\n", "")
    if how == "rebreak":
        t = text.replace("\n", "")
        if len(t) >= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", t):
            k = (len(t) + 1) // 2 if len(t) != 4 else 1 if len(t) == 4 and t in ("单位名称", "单位性质", "通讯地址", "单位申明") else 2
            return t[:k] + "\n" + t[k:]
        return t
    lines = text.split("\n")
    out = []
    for line in lines:
        if how == "spaced" and 2 <= len(line) <= 5 and re.fullmatch(r"[\u4e00-\u9fff]+", line):
            line = (" " if len(line) > 2 else "　　").join(line)
        elif how == "ideo" and len(line) == 2 and re.fullmatch(r"[\u4e00-\u9fff]+", line):
            line = line[0] + "　" + line[1]
        elif how == "fwspaced" and 2 <= len(line) <= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", line):
            line = "　".join(line) if len(line) < 4 else line[:2] + "　" + line[2:]  # 姓　名, 胎　儿　数, 单位　名称
        out.append(line)
    return "\n".join(out)


def stray(text, rng, p):
    """Stray spaces as people type them: leading/trailing, a padded two-character name."""
    if not text or rng.random() >= p:
        return text
    r = rng.random()
    if r < 0.35:
        return " " + text
    if r < 0.6:
        return text + "  "
    if r < 0.8 and len(text) == 2 and re.fullmatch(r"[\u4e00-\u9fff]+", text):
        return text[0] + "　" + text[1]
    return "　" + text




def choice_runs(form, fdef, value, style, detail=None, fillable=False, key=None, group=""):
    chosen = value if isinstance(value, list) else ([value] if value else [])
    runs = []
    single = fdef["type"] == "choice"
    if fillable and single and style.get("choice") == "list":  # a drop-down list box instead of the options
        return [Widget(key, "list", value or "", fdef["label"], group, width=62, options=list(fdef["options"]))]
    for i, o in enumerate(fdef["options"]):
        if fillable:
            kind = "radio" if single and style.get("choice") == "radio" else "check"
            runs.append(Widget(key, kind, o in chosen, fdef["label"], group, option=o))
            if style.get("ownlabels"):
                runs[-1].own = True
                if fdef.get("detail", {}).get("option") == o:
                    runs.append("（")
                    runs.append(Widget(fdef["detail"]["field"], "text", detail or "", "其他", fdef["label"], width=28))
                    runs.append("）")
                elif i < len(fdef["options"]) - 1:
                    runs.append("  ")
                continue
        elif not style.get("tickafter"):
            runs.append(Tick(o in chosen))
        lab = o
        if fdef.get("detail", {}).get("option") == o:
            if fillable:
                runs.append(o + "（")
                runs.append(Widget(fdef["detail"]["field"], "text", detail or "", "其他", fdef["label"], width=28))
                runs.append("）")
                continue
            lab = o + "（" + (detail or "　　") + "）"
        runs.append(lab)
        if style.get("tickafter") and not fillable:  # heldout5: the box after its option (企业☑)
            runs.append(Tick(o in chosen))
        if i < len(fdef["options"]) - 1:
            runs.append("  ")
    return runs


def build_grid(form, defn, v, style, rng, fillable=False, fill_rows=None):
    """The official grid of forms/definitions/<form>.yaml `layout`, typed the family's way."""
    fidx = fields_of(defn)
    layout = defn["layout"]
    landscape = style.get("landscape") and form == "ly-maternity-allowance"
    total = (297 if landscape else 210) - style["margins"][1] - style["margins"][3]
    raw = [w * (1 + rng.uniform(-style["jitter"], style["jitter"])) for w in layout["columns"]]
    G = Grid()
    G.title = defn["title"]
    G.form = form
    G.landscape = landscape
    G.columns = [round(w * total / sum(raw), 1) for w in raw]
    p_stray = style["stray"]
    required_labels = {f["label"] for f in defn["fields"] if f.get("required")} | {
        c["label"] for f in defn["fields"] if f["type"] == "table" for c in f.get("columns", []) if c.get("required")}

    def text_of(key, row=None, fdef=None):
        src = row if row is not None else v
        val = src.get(key, "")
        if isinstance(val, list):
            val = "、".join(val)
        if fdef is not None and fdef.get("type") == "date":
            val = written_date(val, style["date"])
        if style.get("fwtrail"):  # heldout7: some values padded with trailing full-width spaces
            val = stray(val, rng, p_stray)
            return val + "\u3000" * rng.choice([1, 2, 3]) if val and rng.random() < style["fwtrail"] else val
        return stray(val, rng, p_stray)

    def field_def(key, row=None):
        if row is not None:
            for c in fidx["employees"]["columns"]:
                if c["key"] == key:
                    return c
        return fidx[key]

    def value_runs(key, row=None, width=None, lines=1, rowi=None):
        fdef = field_def(key, row)
        if fillable:
            wkey = key if rowi is None else "employees[%d].%s" % (rowi, key)
            val = (row if row is not None else v).get(key, "")
            if fdef["type"] == "date" and val:
                val = written_date(val, style["date"])
            if rowi is not None and style.get("tablelines"):  # heldout3: table cells' fields two lines tall
                lines = style["tablelines"]
            w = Widget(wkey, "text", val, fdef["label"], fdef.get("group", ""), width=width, lines=lines)
            if key in style.get("combos", ()):
                w.kind, w.options = "combo", COMBO_OPTIONS[key] if key in COMBO_OPTIONS else list(fdef["options"])
            elif key in style.get("lists", ()):
                w.kind, w.options = "list", list(fdef["options"])
            elif fdef["type"] == "date" and style.get("datefields"):
                w.kind = "date"
            elif key in style.get("numbers", ()):  # heldout3: a NumericField
                w.kind = "number"
            if style.get("maxlen") and w.kind in ("text", "combo"):
                w.maxlen = 18 if fdef["type"] in ("uscc", "id-number") else fdef.get("maxLength")
            return [w]
        if style.get("digitboxes") and row is None and fdef["type"] in ("uscc", "id-number"):  # heldout7: a character to a box
            return [Boxed(text_of(key, row, fdef).strip())]
        if style.get("valcolour") or style.get("valfont") or style.get("underline") or (style["labels"] == "merge" and row is None):
            return [Val(text_of(key, row, fdef))]
        return [text_of(key, row, fdef)]

    def blocks_to_paras(blocks, width, inline=None):
        inline = style["inline"] if inline is None else inline
        paras, pending, prompt = [], 0.0, None
        for b in blocks:
            if "space" in b:
                pending += b["space"]
                prompt = None
                continue
            align = b.get("align", "left")
            if "text" in b:
                t = b["text"]
                is_prompt = t.endswith(("：", ":")) or t == "变更时间"
                if t.endswith(("：", ":")):
                    t = t[:-1] + style["colon"]
                p = Para([t], align=align, space=pending)
                paras.append(p)
                pending = 0
                prompt = p if is_prompt else None
                continue
            key = b.get("field") or b.get("date")
            if not key:
                continue
            lines = 2 if fidx.get(key, {}).get("maxLength", 0) >= 200 else 1
            if prompt is not None and (inline or (fillable and lines == 1)):
                w = width - len(prompt.text()) * style["size"] * 0.3528 - 2 * style["pad"] - 3
                runs = value_runs(key, width=w, lines=lines)
                if style.get("tab"):  # heldout3: a tab between the prompt and the value (Word)
                    prompt.runs += ["\t"] + runs
                else:
                    prompt.runs += ([" "] if prompt.runs[-1] == "变更时间" else []) + runs
            else:
                runs = value_runs(key, width=width - 2 * style["pad"] - 3, lines=lines)
                paras.append(Para(runs, align=style["align"] if prompt is not None else align, space=pending))
            prompt = None
            pending = 0
        return paras

    def cell_width(c, col):
        return sum(G.columns[col:col + c.get("span", 1)])

    def make_cell(c, col, row=None, rowi=None):
        span, rowspan = c.get("span", 1), c.get("rowspan", 1)
        w = cell_width(c, col)
        if "label" in c:
            if style["labels"] == "colon" and not c.get("bold") and rowspan == 1 and form != "ly-maternity-allowance":
                # 单位名称：, right-aligned (not the group labels spanning rows, not the table's header)
                return Cell([Para([c["label"] + style["colon"]], align="right", label=True)], span, rowspan, "middle", label=True)
            if style["labels"] == "colon-left" and not c.get("bold") and rowspan == 1 and form != "ly-maternity-allowance":
                # heldout3: 单位名称：, left-aligned, the printed line breaks kept
                return Cell([Para([c["label"] + "："], align="left", label=True)], span, rowspan, "middle", label=True)
            if style["labels"] == "vertical" and rowspan > 1 and form != "ly-maternity-allowance" and len(c["label"].replace("\n", "")) <= 5:
                # heldout3: a short group label spanning rows, one character a line (法/定/代/表/人)
                return Cell([Para(["\n".join(c["label"].replace("\n", ""))], align="center", label=True)], span, rowspan, "middle",
                            label=True)
            if style["labels"] == "right" and not c.get("bold") and rowspan == 1 and form != "ly-maternity-allowance":
                # heldout6: right-aligned, no colon, the printed line breaks kept
                return Cell([Para([c["label"]], align="right", label=True)], span, rowspan, "middle", label=True)
            text = label_text(c["label"], style["labels"])
            if style.get("star") and c["label"].replace("\n", "") in required_labels:  # heldout5: *单位名称
                text = "*" + text
            return Cell([Para([text], align="center", bold=c.get("bold", False) or style.get("labelbold", False),
                              label=True)], span, rowspan, "middle", label=True)
        if "field" in c or "date" in c:
            key = c.get("field") or c.get("date")
            fdef = field_def(key, row)
            lines = 2 if fdef.get("maxLength", 0) >= 200 else 1
            align = c.get("align", style["align"] if row is None else ("center" if fdef["type"] in ("gender", "integer") else "left"))
            return Cell([Para(value_runs(key, row, w - 3, lines, rowi), align=align)], span, rowspan,
                        c.get("valign", style.get("valign", "middle")))
        if "merged" in c:  # heldout6: label and value in one cell (单位名称：value)
            lab, val = c["merged"]
            inner = make_cell(dict(val, span=1), col, row, rowi)
            runs = [r for p in inner.paras for r in p.runs]
            if "choices" not in val and not any(isinstance(r, str) and r.strip() for r in runs):
                runs = [Val("")]  # a blank: the underline alone
            return Cell([Para([Lab(lab["label"].replace("\n", "") + "：")] + runs, align="left")], span, rowspan, "middle")
        if "choices" in c:
            k = c["choices"]
            fdef = fidx[k]
            det = fdef.get("detail", {}).get("field")
            runs = choice_runs(form, fdef, v.get(k), style, v.get(det) if det else None, fillable, k, fdef.get("group", ""))
            return Cell([Para(runs)], span, rowspan, c.get("valign", "middle"))
        return Cell(blocks_to_paras(c.get("blocks", []), w), span, rowspan, c.get("valign", "middle"))

    def place(cells_def, row=None, rowi=None, ri=None):
        # columns are assigned later; compute widths with a provisional column walk
        if style["labels"] == "merge" and form != "ly-maternity-allowance":  # heldout6: a label and the value after it in one cell
            merged, i = [], 0
            while i < len(cells_def):
                c = cells_def[i]
                nxt = cells_def[i + 1] if i + 1 < len(cells_def) else None
                if "label" in c and c.get("rowspan", 1) == 1 and not c.get("bold") and nxt is not None and nxt.get("rowspan", 1) == 1 \
                        and ("field" in nxt or "date" in nxt or "choices" in nxt):
                    merged.append({"merged": (c, nxt), "span": c.get("span", 1) + nxt.get("span", 1)})
                    i += 2
                else:
                    merged.append(c)
                    i += 1
            cells_def = merged
        out, col = [], 0
        while occupied.get((ri, col)):
            col += 1
        for c in cells_def:
            while occupied.get((ri, col)):
                col += 1
            cell = make_cell(c, col, row, rowi)
            cell.col = col
            for dr in range(cell.rowspan):
                for dc in range(cell.span):
                    occupied[(ri + dr, col + dc)] = True
            col += cell.span
            out.append(cell)
        return out

    occupied = {}
    for r in layout["rows"]:
        h = r.get("minHeight", 10) * style["rowscale"]
        if "repeat" in r:
            rows = v.get(r["repeat"], [])
            n = len(rows) if fill_rows is None else max(fill_rows, len(rows))
            for i in range(n):
                rowvals = rows[i] if i < len(rows) else {}
                ri = len(G.rows)
                G.rows.append(dict(cells=place(r["cells"], rowvals, i, ri), height=max(h, 7), header=False, data=True))
        else:
            ri = len(G.rows)
            G.rows.append(dict(cells=place(r["cells"], None, None, ri), height=h, header=bool(r.get("header")), data=False))
    G.header = blocks_to_paras(layout.get("header", []), 100, inline=True)
    G.footer = blocks_to_paras(layout.get("footer", []), 70, inline=True)
    if form == "ly-maternity-allowance":
        # 填报单位(章): X      填报日期: Y  as one line (or two), and the three signature lines
        hdr = [p for p in G.header]
        if rng.random() < 0.7 and len(hdr) >= 2:
            G.header = [Para(hdr[0].runs + ["　" * rng.choice([3, 6, 10])] + sum((p.runs for p in hdr[1:]), []), align="left")]
        else:
            for p in G.header:
                p.align = "left"
        tail = G.footer[-3:]
        if rng.random() < 0.75:
            G.footer = G.footer[:-3] + [Para(tail[0].runs + ["　" * rng.choice([2, 4, 6])] + tail[1].runs + ["　" * rng.choice([2, 4])] + tail[2].runs, space=4)]
    return G


# --------------------------------------------------------------------------------------------
# HTML (Chromium, WeasyPrint)

def html_runs(runs, style):
    outp = []
    ring = False
    for r in runs:
        if isinstance(r, Widget):  # heldout7: a form control (WeasyPrint's form fields)
            outp.append(widget_html(r, style))
        elif isinstance(r, Lab):  # heldout6: a label typed in the value's cell
            outp.append('<span class="lb">%s</span>' % html.escape(r))
        elif isinstance(r, Tick) and style["mark"] == "circle":  # heldout6: no box, the chosen option circled
            ring = r.checked
        elif ring and isinstance(r, str) and r.strip():
            outp.append('<span class="ring">%s</span>' % html.escape(r))
            ring = False
        elif isinstance(r, Val):  # heldout3: a value set apart (colour, font)
            outp.append('<span class="v">%s</span>' % html.escape(r).replace("\n", "<br>"))
        elif isinstance(r, str):
            outp.append(html.escape(r).replace("\n", "<br>"))
        elif isinstance(r, Tick) and style["mark"] == "paren":  # heldout3: （√） and （　） instead of □
            outp.append("（√）" if r.checked else "（\u3000）")
        elif isinstance(r, Tick):
            m = style["mark"]
            if not r.checked:
                outp.append('<span class="mk">%s</span>' % style["box"] if style.get("box") else "□")
            elif m == "x-over":
                outp.append('<span class="xo">□<span class="x">X</span></span>')
            elif m == "x-instead":
                outp.append("X")
            else:
                outp.append('<span class="mk">%s</span>' % m)
    return "".join(outp)


def form_html(G, style):
    ls = style["lspace"]
    if style.get("fit"):  # heldout2: each column less its cells' padding (WeasyPrint adds it), the table within the type area
        G2 = Grid()
        G2.__dict__.update(G.__dict__)
        G2.columns = [round(w - 2 * style["pad"] * 1.3 - 0.3, 1) for w in G.columns]
        G = G2
    css = """
@page { size: A4 %s; margin: %smm %smm %smm %smm; }
body { font-family: "%s"; font-size: %spt; color: #000; margin: 0; }
h1 { font-size: %spt; text-align: center; margin: 0 0 5mm 0; letter-spacing: %spt; font-weight: %s; }
table.grid { border-collapse: collapse; table-layout: fixed; width: %smm; }
table.grid td { border: %spt solid #000; padding: %smm %smm; vertical-align: middle; overflow-wrap: anywhere; }
table.grid td.label p { letter-spacing: %spt; }
table.grid tr { page-break-inside: avoid; break-inside: avoid; }
p { margin: 0; line-height: %s; white-space: pre-wrap; }
.mk { font-family: "DejaVu Sans"; }
.xo { position: relative; display: inline-block; }
.xo .x { position: absolute; left: 0.12em; top: -0.05em; font-family: "DejaVu Sans"; font-weight: bold; font-size: 0.9em; }
.hdr, .ftr { margin: 0 0 2mm 0; }
""" % ("landscape" if G.landscape else "portrait", style["margins"][0], style["margins"][1], style["margins"][2], style["margins"][3],
       style["font"], style["size"], style["size"] + 7, ls / 2, "bold" if style.get("title_bold", True) else "normal", sum(G.columns), 0.6 + 0.4 * (style["size"] > 10),
       style["pad"], style["pad"] * 1.3, ls, 1.35 if style["rowscale"] < 1 else 1.5)
    if style["labels"] == "distributed":  # 单位名称 spread over its cell (分散对齐)
        css += "table.grid td.label p { text-align: justify !important; text-align-last: justify; }\n"
    css += heldout3_css(style)
    css += heldout4_css(style)
    css += heldout5_css(style)
    css += html_heldout6(style)
    return fx.html_form(G, css, lambda runs: html_runs(runs, style), style.get("repeat", True), height="%.1fmm")


def heldout3_css(style):
    """The heldout3 families' additions to the page's CSS ("" for the others): label cells shaded,
    the table's outer border, values in a second colour or another font (valweight), labels smaller."""
    css = ""
    if style.get("shade"):
        css += "table.grid td.label { background: %s; }\n" % style["shade"]
    if style.get("outer"):
        css += "table.grid { border: %spt solid #000; }\n" % style["outer"]
    if style.get("valcolour"):
        css += ".v { color: %s; }\n" % style["valcolour"]
    if style.get("valfont"):
        css += '.v { font-family: "%s"; font-weight: %d; font-size: %spt; }\n' % (style["valfont"], style.get("valweight", 400), style["size"])
    if style.get("labelscale"):  # the form's own text smaller than the values
        css += "body { font-size: %.1fpt; }\n" % (style["size"] * style["labelscale"])
    return css


def heldout4_css(style):
    """The heldout4 families' additions to the page's CSS ("" for the others): thin grey inner rules (the
    outer border, wider, stays black), page numbers under the page."""
    css = ""
    if style.get("rules"):
        css += "table.grid td { border: %spt solid %s; }\n" % (style["rules"][1], style["rules"][0])
    if style.get("pageno"):
        css += ('@page { @bottom-center { content: "第 " counter(page) " 页  共 " counter(pages) " 页"; font-family: "%s"; '
                'font-size: 9pt; } }\n' % style["font"])
    return css


def heldout5_css(style):
    """The heldout5 families' additions to the page's CSS ("" for the others): dashed inner rules, a double
    outer border, every other row shaded, horizontal rules only."""
    css = ""
    if style.get("dashed"):
        css += "table.grid td { border: %spt dashed %s; }\n" % (style["dashed"][1], style["dashed"][0])
    if style.get("double"):
        css += "table.grid { border: %spt double #000; }\n" % style["double"]
    if style.get("zebra"):
        css += "table.grid tr:nth-child(even) td { background: %s; }\n" % style["zebra"]
    if style.get("hrules"):
        css += "table.grid td { border-left: none; border-right: none; }\n"
    return css


def story_pdf(G, style, pdf_path):
    """heldout5 (pymupdf-story): the form's HTML laid out by PyMuPDF's Story (MuPDF's HTML engine) page by page with
    DocumentWriter; the font from its file (@font-face), the table 100 % wide, columns in per cent (MuPDF has no
    @page); then the fonts subset and the file compacted, as PyMuPDF's documentation advises."""
    import pymupdf
    html_text = form_html(G, style)
    tot = sum(G.columns)
    html_text = re.sub(r"<col style='width:([\d.]+)mm'>", lambda m: "<col style='width:%.2f%%'>" % (float(m.group(1)) * 100 / tot), html_text)
    html_text = html_text.replace("width: %smm;" % tot, "width: 100%;")
    html_text = re.sub(r"@page \{[^}]*\}", "", html_text)
    path, _ = FONT_FILES[style["font"]]
    css = ('@font-face { font-family: "F5"; src: url(%s); } body, td, p, h1, .mk { font-family: "F5"; }'
           % os.path.basename(path))
    story = pymupdf.Story(html=html_text.replace('"%s"' % style["font"], '"F5"'), user_css=css,
                          archive=pymupdf.Archive(os.path.dirname(path)))
    tmp = pdf_path + ".story"
    writer = pymupdf.DocumentWriter(tmp)
    page = pymupdf.paper_rect("a4-l" if G.landscape else "a4")
    m = [x * 72 / 25.4 for x in style["margins"]]
    where = page + (m[3], m[0], -m[1], -m[2])
    more = 1
    while more:
        dev = writer.begin_page(page)
        more, _ = story.place(where)
        story.draw(dev)
        writer.end_page()
    writer.close()
    doc = pymupdf.open(tmp)
    doc.set_metadata({"title": G.title, "creator": "PyMuPDF Story", "producer": "PyMuPDF %s" % pymupdf.VersionBind,
                      "creationDate": "D:20261120093000Z", "modDate": "D:20261120093000Z"})
    doc.subset_fonts()
    doc.save(pdf_path, garbage=3, deflate=True, no_new_id=True)
    doc.close()
    os.remove(tmp)


LOCAL_FONTS = {  # a stand-alone TrueType copy of a font the system has only in a collection (.ttc)
    "WQY Hei TTF": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0, "wqy-hei.ttf"),
    "AR PL UMing TTF": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0, "uming.ttf"),
}


def local_fonts_conf():
    """A fontconfig file adding TMP/fonts, which holds LOCAL_FONTS. Chromium embeds a font from a
    collection (.ttc/.otc: every CJK font of Debian) as many Type 3 fonts, a stand-alone .ttf as
    one subset CID TrueType font: families using a local font give the second kind of PDF."""
    conf = os.path.join(TMP, "fonts.conf")
    if os.path.exists(conf):
        return conf
    from fontTools.ttLib import TTFont
    fdir = os.path.join(TMP, "fonts")
    os.makedirs(fdir, exist_ok=True)
    for family, (src, idx, name) in LOCAL_FONTS.items():
        f = TTFont(src, fontNumber=idx)
        for tag in ("EBDT", "EBLC", "EBSC"):  # embedded bitmaps make Chromium fall back to Type 3
            if tag in f:
                del f[tag]
        for rec in f["name"].names:
            if rec.nameID in (1, 4, 16):
                rec.string = family
            elif rec.nameID == 6:
                rec.string = family.replace(" ", "")
        f.save(os.path.join(fdir, name))
    with open(conf, "w") as c:
        c.write('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                '<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>%s</dir><cachedir>%s</cachedir></fontconfig>'
                % (fdir, os.path.join(TMP, "fc-cache")))
    return conf


def chromium_pdf(html_text, pdf_path, font):
    env = dict(os.environ)
    if font in LOCAL_FONTS:
        env["FONTCONFIG_FILE"] = local_fonts_conf()
    fx.chromium_pdf(html_text, pdf_path, TMP, env=env)


def weasyprint_pdf(html_text, pdf_path):
    import logging
    import weasyprint
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    weasyprint.HTML(string=html_text, base_url=TMP).write_pdf(pdf_path)


# --------------------------------------------------------------------------------------------
# DOCX (LibreOffice)

def docx_doc(G, style):
    def run_text(r):
        if not isinstance(r, Tick):
            return r
        if style["mark"] == "paren":  # heldout3
            return "（√）" if r.checked else "（\u3000）"
        return {"x-over": "☒", "x-instead": "X"}.get(style["mark"], style["mark"]) if r.checked else style.get("box", "□")

    doc = fx.docx_form(G, style["font"], style["size"], G.landscape, style["margins"], 1.0 if style["rowscale"] < 1 else 1.15,
                       run_text, style.get("repeat", True), pad=style["pad"], lspace=style["lspace"])
    if style.get("shade") or style.get("outer"):
        docx_heldout3(doc, G, style)
    if style.get("rules"):
        docx_heldout4(doc, style)
    if style.get("double"):
        docx_heldout5(doc, style)
    return doc


def docx_heldout5(doc, style):
    """heldout5: a double outer border (w:val double), single inner rules."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement("w:" + side)
        inner = side.startswith("inside")
        e.set(qn("w:val"), "single" if inner else "double")
        e.set(qn("w:sz"), "4" if inner else str(int(style["double"] * 8)))
        e.set(qn("w:space"), "0")
        e.set(qn("w:color"), "000000")
        borders.append(e)
    old = doc.tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    if old is not None:
        doc.tables[0]._tbl.tblPr.replace(old, borders)
    else:
        doc.tables[0]._tbl.tblPr.append(borders)


def docx_heldout4(doc, style):
    """heldout4: the table's inner rules thin and grey (docx_heldout3 wrote the borders, the outer ones black)."""
    from docx.oxml.ns import qn
    colour, width = style["rules"]
    borders = doc.tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    for side in ("insideH", "insideV"):
        e = borders.find(qn("w:" + side))
        e.set(qn("w:sz"), str(max(2, int(width * 8))))
        e.set(qn("w:color"), colour)


def docx_heldout3(doc, G, style):
    """heldout3: label cells shaded (w:shd) and the table's outer border thick (w:tblBorders)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    table = doc.tables[0]
    if style.get("outer"):
        borders = OxmlElement("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            e = OxmlElement("w:" + side)
            e.set(qn("w:val"), "single")
            e.set(qn("w:sz"), str(int(style["outer"] * 8)) if side[:6] != "inside" else "4")
            e.set(qn("w:space"), "0")
            e.set(qn("w:color"), "000000")
            borders.append(e)
        table._tbl.tblPr.append(borders)
    if style.get("shade"):
        for ri, r in enumerate(G.rows):
            for c in r["cells"]:
                if c.label:
                    shd = OxmlElement("w:shd")
                    shd.set(qn("w:val"), "clear")
                    shd.set(qn("w:color"), "auto")
                    shd.set(qn("w:fill"), style["shade"])
                    table.cell(ri, c.col)._tc.get_or_add_tcPr().append(shd)


def soffice(src, outdir):
    fx.soffice(src, outdir, TMP)


def libreoffice_pdf(doc, pdf_path):
    fx.libreoffice_pdf(doc, pdf_path, TMP)


# --------------------------------------------------------------------------------------------
# reportlab (platypus)

_RL_FONTS = {}


def rl_font(name):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    if name not in _RL_FONTS:
        path, idx = FONT_FILES[name]
        alias = re.sub(r"\W", "", name)
        if idx is None:
            pdfmetrics.registerFont(TTFont(alias, path))
        else:
            pdfmetrics.registerFont(TTFont(alias, path, subfontIndex=idx))
        _RL_FONTS[name] = alias
    return _RL_FONTS[name]


def reportlab_pdf(G, style, pdf_path):
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = rl_font(style["font"])
    dj = rl_font("DejaVu Sans")
    size = style["size"]
    AL = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}

    def pstyle(align, bold=False, sz=size, before=0):
        return ParagraphStyle("p", fontName=font, fontSize=sz, leading=sz * (1.3 if style["rowscale"] < 1 else 1.45),
                              alignment=AL.get(align, TA_LEFT), wordWrap="CJK", spaceBefore=before)

    def markup(runs):
        out = []
        for r in runs:
            if isinstance(r, Tick) and style["mark"] == "paren":  # heldout3
                out.append("（√）" if r.checked else "（\u3000）")
            elif isinstance(r, Tick):
                m = style["mark"]
                if not r.checked:
                    out.append("<font name='%s'>%s</font>" % (dj, style.get("box", "□")))
                elif m in ("x-over",):
                    out.append("<font name='%s'>☒</font>" % dj)
                elif m == "x-instead":
                    out.append("X")
                else:
                    out.append("<font name='%s'>%s</font>" % (dj, m))
            else:
                t = xesc(r).replace("\n", "<br/>")
                t = re.sub(r"(?<= ) ", "&nbsp;", t)
                out.append(t)
        return "".join(out) or "&nbsp;"

    def paras(plist):
        return [Paragraph(markup(p.runs), pstyle(p.align, p.bold, before=p.space * mm)) for p in plist]

    pagesize = landscape(A4) if G.landscape else A4
    m = style["margins"]
    doc = SimpleDocTemplate(pdf_path, pagesize=pagesize, topMargin=m[0] * mm, rightMargin=m[1] * mm, bottomMargin=m[2] * mm,
                            leftMargin=m[3] * mm, title=G.title, invariant=1, creator="reportlab")
    story = [Paragraph("<b>%s</b>" % xesc(G.title), pstyle("center", sz=size + 7)), Spacer(1, 5 * mm)]
    story += paras(G.header) + [Spacer(1, 2 * mm)]
    n, ncols = len(G.rows), len(G.columns)
    data = [["" for _ in range(ncols)] for _ in range(n)]
    cmds = [("GRID", (0, 0), (-1, -1), 0.7, "#000000"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), style["pad"] * mm), ("RIGHTPADDING", (0, 0), (-1, -1), style["pad"] * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    if style.get("rules"):  # heldout4: thin grey rules (the outer BOX below stays black)
        cmds[0] = ("GRID", (0, 0), (-1, -1), style["rules"][1], style["rules"][0])
    if style.get("hrules"):  # heldout5: horizontal rules only (a thicker one above and below the table)
        cmds[0] = ("LINEBELOW", (0, 0), (-1, -1), 0.6, "#000000")
        cmds += [("LINEABOVE", (0, 0), (-1, 0), 1.2, "#000000"), ("LINEBELOW", (0, -1), (-1, -1), 1.2, "#000000")]
    heights = []
    for ri, r in enumerate(G.rows):
        need = r["height"] * mm
        for c in r["cells"]:
            ps = paras(c.paras)
            data[ri][c.col] = ps
            if c.span > 1 or c.rowspan > 1:
                cmds.append(("SPAN", (c.col, ri), (c.col + c.span - 1, ri + c.rowspan - 1)))
            if c.valign in ("top", "bottom"):
                cmds.append(("VALIGN", (c.col, ri), (c.col, ri), c.valign.upper()))
            if style.get("shade") and c.label:  # heldout3: label cells shaded
                cmds.append(("BACKGROUND", (c.col, ri), (c.col + c.span - 1, ri + c.rowspan - 1), style["shade"]))
            if c.rowspan == 1:
                w = sum(G.columns[c.col:c.col + c.span]) * mm - 2 * style["pad"] * mm
                h = sum(p.wrap(w, 10000)[1] + p.style.spaceBefore for p in ps) + 6
                need = max(need, h)
        heights.append(need)
    if style.get("outer"):  # heldout3: a thick outer border
        cmds.append(("BOX", (0, 0), (-1, -1), style["outer"], "#000000"))
    nhead = sum(1 for r in G.rows if r["header"]) if style.get("repeat", True) else 0
    t = Table(data, colWidths=[w * mm for w in G.columns], rowHeights=heights, repeatRows=nhead, hAlign="LEFT")
    t.setStyle(TableStyle(cmds))
    story.append(t)
    story += paras(G.footer)
    doc.build(story)


# --------------------------------------------------------------------------------------------
# Fillable: a flat ODT with form controls, exported by LibreOffice, filled by pikepdf

FODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
           'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
           'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" '
           'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
           'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
           'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
           'xmlns:form="urn:oasis:names:tc:opendocument:xmlns:form:1.0" '
           'xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" '
           'xmlns:ooo="http://openoffice.org/2004/office" xmlns:ooow="http://openoffice.org/2004/writer" '
           'xmlns:oooc="http://openoffice.org/2004/calc" xmlns:dom="http://www.w3.org/2001/xml-events" '
           'xmlns:xforms="http://www.w3.org/2002/xforms" xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" '
           'xmlns:officeooo="http://openoffice.org/2009/office" xmlns:tableooo="http://openoffice.org/2009/table" '
           'xmlns:drawooo="http://openoffice.org/2010/draw" xmlns:field="urn:openoffice:names:experimental:ooo-ms-interop:xmlns:field:1.0" '
           'xmlns:formx="urn:openoffice:names:experimental:ooxml-odf-interop:xmlns:form:1.0" '
           'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text"')


def fodt_form(G, style, rng):
    """Returns (fodt text, widgets: name -> Widget)."""
    size = style["size"]
    controls, widgets, names_used = [], {}, set()
    counter = [0]
    per_kind, radio_groups = {}, {}  # naming "lo": a counter per control type; radio groups: key -> group
    written = {}  # heldout3: the name written in the document where it is not the name in the PDF

    def wname(w):
        if w.kind == "radio" and w.key in radio_groups:  # every button of a group has the group's name
            return radio_groups[w.key]
        counter[0] += 1
        if style["naming"] in ("tree", "pinyin", "acro"):
            name, as_written = heldout3_name(style["naming"], w, names_used, counter[0], getattr(G, "form", ""))
            names_used.add(name)
            if as_written and as_written != name:
                written[name] = as_written
            return name
        if style["naming"] in ("utf16", "fill"):  # heldout4
            name, as_written = heldout4_name(style["naming"], w, names_used, counter[0])
            names_used.add(name)
            if as_written != name:
                written[name] = as_written
            return name
        if style["naming"] == "pinyinfull":  # heldout6
            name = heldout6_name(w, getattr(G, "form", ""))
            names_used.add(name)
            return name
        if style["naming"] == "colon8":  # heldout7: written u1, u2...; the label and its colon in UTF-8 after the fill
            name, as_written = heldout7_name(w, names_used, counter[0])
            names_used.add(name)
            written[name] = as_written
            return name
        if style["naming"] in ("english", "xfa", "snake"):  # heldout5
            name = heldout5_name(style["naming"], w, names_used, getattr(G, "form", ""))
            names_used.add(name)
            return name
        if style["naming"] == "lo":  # LibreOffice's own default names, a counter per control type
            base = LO_CONTROL_NAMES[w.kind]
            per_kind[base] = per_kind.get(base, 0) + 1
            name = "%s %d" % (base, per_kind[base])
            names_used.add(name)
            return name
        if style["naming"] == "acrobat":
            return ("Check Box%d" if w.kind == "check" else "Text%d") % counter[0]
        base = (w.group or "") + w.label.replace("\n", "")
        if w.kind == "check":
            base = base + "_" + w.option
        m = re.match(r"employees\[(\d+)\]", w.key)
        if m:
            base = w.label + str(int(m.group(1)) + 1)
        name, k = base, 2
        while name in names_used:
            name, k = "%s%d" % (base, k), k + 1
        names_used.add(name)
        return name

    def control(w, cell_mm):
        cid = "control%d" % (len(controls) + 1)
        name = wname(w)
        if w.kind != "radio":  # a radio group is one field: control_heldout2 keeps it
            widgets[name] = w
        tip = ((w.group + " ") if w.group else "") + w.label.replace("\n", "") + (("：" + w.option) if w.option else "")
        if style.get("split") in ("heldout3", "heldout4", "heldout5", "heldout6", "heldout7"):  # (heldout4 to heldout7: the same controls)
            w.written = written.get(name, name)
            return control_heldout3(w, cell_mm, cid, w.written, tip)
        props = ""
        if style["tooltips"]:
            props = '<form:properties><form:property form:property-name="HelpText" office:value-type="string" office:string-value="%s"/></form:properties>' % xesc(tip, {'"': "&quot;"})
        if w.kind in ("radio", "list", "combo", "date") or (w.kind == "check" and (w.own or style.get("export", "yes") != "yes")) \
                or (w.kind == "text" and w.maxlen):
            return control_heldout2(w, cell_mm, cid, name, tip)
        if w.kind == "check":
            controls.append('<form:checkbox form:name="%s" form:control-implementation="ooo:com.sun.star.form.component.CheckBox" '
                            'xml:id="%s" form:id="%s" form:label="" form:image-position="center">%s</form:checkbox>' % (xesc(name, {'"': "&quot;"}), cid, cid, props))
            return '<draw:control draw:style-name="%s" text:anchor-type="as-char" svg:y="-0.3cm" svg:width="0.38cm" svg:height="0.38cm" draw:control="%s"/>' % (
                "grb" if style["border"] else "grn", cid)
        tag = "textarea" if w.lines > 1 else "text"
        controls.append('<form:%s form:name="%s" form:control-implementation="ooo:com.sun.star.form.component.TextField" '
                        'xml:id="%s" form:id="%s" form:convert-empty-to-null="true">%s</form:%s>' % (tag, xesc(name, {'"': "&quot;"}), cid, cid, props, tag))
        wmm = max(3.0, min(w.width or cell_mm, cell_mm - 2 * style["pad"] - 1))
        hmm = (size * 0.3528 * 1.6 + 1.5) * (1.8 if w.lines > 1 else 1)
        return '<draw:control draw:style-name="%s" text:anchor-type="as-char" svg:y="-%.2fcm" svg:width="%.1fmm" svg:height="%.1fmm" draw:control="%s"/>' % (
            "grb" if style["border"] else "grn", hmm / 20, wmm, hmm, cid)

    def control_heldout2(w, cell_mm, cid, name, tip):
        """The controls of the heldout2 families: radio groups, list and combo boxes, date fields,
        check boxes with export values or their own labels, text fields with a maximum length."""
        q = lambda t: xesc(t, {'"': "&quot;"})
        gs = "grb" if style["border"] else "grn"
        prop = []
        if style["tooltips"]:
            prop.append('<form:property form:property-name="HelpText" office:value-type="string" office:string-value="%s"/>' % q(tip))
        if w.kind == "date":
            prop.append('<form:property form:property-name="DateFormat" office:value-type="float" office:value="%d"/>' % style["datefields"])
        props = "<form:properties>%s</form:properties>" % "".join(prop) if prop else ""
        maxlen = ' form:max-length="%d"' % w.maxlen if w.maxlen else ""
        if w.kind in ("check", "radio"):
            label = w.option if w.own else ""
            if w.kind == "radio":
                g = radio_groups.get(w.key)
                if g is None:
                    radio_groups[w.key] = name
                    g = widgets[name] = Widget(w.key, "radio-group", "", w.label, w.group, options=[])
                    g.exports = {}
                else:
                    g = widgets[name]
                g.options.append(w.option)
                export = w.option if style["rexport"] == "text" else str(len(g.options))
                g.exports[export] = w.option
                if w.value:
                    g.value = w.option
                tag, impl = "radio", "RadioButton"
            else:
                export = w.option if style.get("export") == "text" else ""
                tag, impl = "checkbox", "CheckBox"
            controls.append('<form:%s form:name="%s" form:control-implementation="ooo:com.sun.star.form.component.%s" xml:id="%s" form:id="%s" '
                            'form:label="%s"%s form:image-position="center">%s</form:%s>' % (
                                tag, q(name), impl, cid, cid, q(label), ' form:value="%s"' % q(export) if export else "", props, tag))
            wmm = 3.8 + (len(label) * size * 0.3528 + 2.5 if label else 0)
            return '<draw:control draw:style-name="%s" text:anchor-type="as-char" svg:y="-0.3cm" svg:width="%.1fmm" svg:height="%.1fmm" draw:control="%s"/>' % (
                gs, wmm, max(3.8, size * 0.3528 * 1.3), cid)
        if w.kind in ("list", "combo"):
            tag, impl, item = ("listbox", "ListBox", "option") if w.kind == "list" else ("combobox", "ComboBox", "item")
            controls.append('<form:%s form:name="%s" form:control-implementation="ooo:com.sun.star.form.component.%s" xml:id="%s" form:id="%s" '
                            'form:dropdown="true"%s%s>%s%s</form:%s>' % (
                                tag, q(name), impl, cid, cid, ' form:size="1"' if w.kind == "list" else "", maxlen, props,
                                "".join('<form:%s form:label="%s"/>' % (item, q(o)) for o in w.options), tag))
        elif w.kind == "date":
            controls.append('<form:date form:name="%s" form:control-implementation="ooo:com.sun.star.form.component.DateField" '
                            'xml:id="%s" form:id="%s" form:convert-empty-to-null="true">%s</form:date>' % (q(name), cid, cid, props))
        else:
            tag = "textarea" if w.lines > 1 else "text"
            controls.append('<form:%s form:name="%s" form:control-implementation="ooo:com.sun.star.form.component.TextField" '
                            'xml:id="%s" form:id="%s" form:convert-empty-to-null="true"%s>%s</form:%s>' % (tag, q(name), cid, cid, maxlen, props, tag))
        wmm = max(3.0, min(w.width or cell_mm, cell_mm - 2 * style["pad"] - 1))
        hmm = (size * 0.3528 * 1.6 + 1.5) * (1.8 if w.lines > 1 else 1)
        return '<draw:control draw:style-name="%s" text:anchor-type="as-char" svg:y="-%.2fcm" svg:width="%.1fmm" svg:height="%.1fmm" draw:control="%s"/>' % (
            gs, hmm / 20, wmm, hmm, cid)

    def control_heldout3(w, cell_mm, cid, name, tip):
        """The controls of the heldout3 families: text fields (multi-line ones with MultiLine and a
        scroll bar), NumericFields, check boxes exporting a word; with their values when the form
        is filled in Writer (filler libreoffice)."""
        q = lambda t: xesc(t, {'"': "&quot;"})
        gs = "grb" if style["border"] else "grn"
        prefill = style.get("filler") == "libreoffice"
        base = re.sub(r"^employees\[\d+\]\.", "", w.key)
        prop = []
        if style["tooltips"]:
            prop.append('<form:property form:property-name="HelpText" office:value-type="string" office:string-value="%s"/>' % q(tip))
        multi = w.kind == "text" and base in style.get("multiline", ())
        if multi:
            prop.append('<form:property form:property-name="MultiLine" office:value-type="boolean" office:boolean-value="true"/>'
                        '<form:property form:property-name="VScroll" office:value-type="boolean" office:boolean-value="true"/>')
        elif style.get("wrap") and w.kind == "text" and w.lines > 1:  # heldout4: text areas wrap, no scroll bar
            prop.append('<form:property form:property-name="MultiLine" office:value-type="boolean" office:boolean-value="true"/>')
        if w.kind == "number":
            prop.append('<form:property form:property-name="DecimalAccuracy" office:value-type="float" office:value="0"/>')
        props = "<form:properties>%s</form:properties>" % "".join(prop) if prop else ""
        if w.kind == "check":
            export = style.get("export", "yes")
            controls.append('<form:checkbox form:name="%s" form:control-implementation="ooo:com.sun.star.form.component.CheckBox" xml:id="%s" '
                            'form:id="%s" form:label=""%s%s form:image-position="center">%s</form:checkbox>' % (
                                q(name), cid, cid, ' form:value="%s"' % q(export) if export != "yes" else "",
                                ' form:current-state="checked"' if prefill and w.value else "", props))
            return '<draw:control draw:style-name="%s" text:anchor-type="as-char" svg:y="-0.3cm" svg:width="0.38cm" svg:height="0.38cm" draw:control="%s"/>' % (
                gs, cid)
        value = ' form:current-value="%s"' % q(w.value) if prefill and w.value else ""
        if w.kind == "number":
            controls.append('<form:number form:name="%s" form:control-implementation="ooo:com.sun.star.form.component.NumericField" '
                            'xml:id="%s" form:id="%s"%s>%s</form:number>' % (q(name), cid, cid, value, props))
        else:
            tag = "textarea" if w.lines > 1 or multi else "text"
            controls.append('<form:%s form:name="%s" form:control-implementation="ooo:com.sun.star.form.component.TextField" '
                            'xml:id="%s" form:id="%s" form:convert-empty-to-null="true"%s>%s</form:%s>' % (tag, q(name), cid, cid, value, props, tag))
        wmm = max(3.0, min(w.width or cell_mm, cell_mm - 2 * style["pad"] - 1))
        hmm = (size * 0.3528 * 1.6 + 1.5) * (1.8 if w.lines > 1 else 1)
        return '<draw:control draw:style-name="%s" text:anchor-type="as-char" svg:y="-%.2fcm" svg:width="%.1fmm" svg:height="%.1fmm" draw:control="%s"/>' % (
            gs, hmm / 20, wmm, hmm, cid)

    def para_xml(p, cell_mm, pstyle):
        parts = []
        used = 0.0
        for r in p.runs:
            if isinstance(r, Widget):
                if r.kind in ("text", "combo", "date", "list", "number"):  # never wider than what is left of the cell
                    avail = cell_mm - used - 2 * style["pad"] - 1.5
                    r.width = max(3.0, min(r.width or avail, avail))
                width = r.width or 0
                parts.append(control(r, cell_mm))
                if r.kind in ("check", "radio") and r.own:
                    used += 3.8 + len(r.option) * size * 0.3528 + 2.5
                else:
                    used += 5 if r.kind in ("check", "radio") else width
            elif isinstance(r, Tick):
                parts.append("☑" if r.checked else "□")
            else:
                lines = r.split("\n")
                parts.append("<text:line-break/>".join(xesc(x).replace("  ", " <text:s/>") for x in lines))
                used += max(len(x) for x in lines) * size * 0.3528
        pst = "PD" if p.label and style["labels"] == "distributed" else pstyle[p.align]
        return '<text:p text:style-name="%s">%s</text:p>' % (pst, "".join(parts))

    P = {"left": "PL", "center": "PC", "right": "PR"}
    body = []
    body.append('<text:p text:style-name="Title">%s</text:p>' % xesc(G.title))
    for p in G.header:
        body.append(para_xml(p, 170, P))
    ncols = len(G.columns)
    body.append('<table:table table:name="Form" table:style-name="Tab">')
    for i, w in enumerate(G.columns):
        body.append('<table:table-column table:style-name="Col%d"/>' % i)
    covered = set()
    heading = False  # heldout3 (repeat): the header rows repeated on every page
    for ri, r in enumerate(G.rows):
        if style.get("repeat") and r["header"] and not heading:
            body.append("<table:table-header-rows>")
            heading = True
        elif heading and not r["header"]:
            body.append("</table:table-header-rows>")
            heading = False
        body.append('<table:table-row table:style-name="Row%d">' % ri)
        cells = {c.col: c for c in r["cells"]}
        col = 0
        while col < ncols:
            if (ri, col) in covered:
                body.append("<table:covered-table-cell/>")
                col += 1
                continue
            c = cells.get(col)
            if c is None:
                body.append('<table:table-cell table:style-name="Cell"><text:p/></table:table-cell>')
                col += 1
                continue
            attrs = ""
            if c.span > 1:
                attrs += ' table:number-columns-spanned="%d"' % c.span
            if c.rowspan > 1:
                attrs += ' table:number-rows-spanned="%d"' % c.rowspan
            for dr in range(c.rowspan):
                for dc in range(c.span):
                    if dr or dc:
                        covered.add((ri + dr, col + dc))
            cell_mm = sum(G.columns[col:col + c.span])
            style_name = {"top": "CellT", "bottom": "CellB"}.get(c.valign, "Cell")
            body.append('<table:table-cell table:style-name="%s"%s>%s</table:table-cell>' % (
                style_name, attrs, "".join(para_xml(p, cell_mm, P) for p in c.paras) or "<text:p/>"))
            for _ in range(1, c.span):
                body.append("<table:covered-table-cell/>")
            col += c.span
        body.append("</table:table-row>")
    body.append("</table:table>")
    for p in G.footer:
        if style.get("ctlfont"):  # heldout2: the signature line's fields as wide as a name or a number, not 3 mm
            for r in p.runs:
                if isinstance(r, Widget) and r.kind in ("text", "date"):
                    r.width = min(r.width or 30, 30)
        body.append(para_xml(p, sum(G.columns) if style.get("ctlfont") else 60, P))
    m = style["margins"]
    font = style["font"]
    rows_styles = "".join('<style:style style:name="Row%d" style:family="table-row"><style:table-row-properties style:min-row-height="%.1fmm"/></style:style>' % (
        i, r["height"]) for i, r in enumerate(G.rows))
    col_styles = "".join('<style:style style:name="Col%d" style:family="table-column"><style:table-column-properties style:column-width="%.1fmm"/></style:style>' % (
        i, w) for i, w in enumerate(G.columns))
    border = "0.5pt solid #000000"
    doc = """<?xml version="1.0" encoding="UTF-8"?>
<office:document %s>
<office:font-face-decls><style:font-face style:name="%s" svg:font-family="'%s'" style:font-pitch="variable"/><style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:line-height="%d%%"/><style:text-properties style:font-name="%s" style:font-name-asian="%s" fo:font-size="%spt" style:font-size-asian="%spt" fo:language="zh" fo:country="CN"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
</office:styles>
<office:automatic-styles>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="4mm"/><style:text-properties fo:font-size="%spt" style:font-size-asian="%spt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="PL" style:family="paragraph"><style:paragraph-properties fo:text-align="start"/></style:style>
<style:style style:name="PC" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="PR" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="grb" style:family="graphic"><style:graphic-properties fo:border="solid" fo:border-color="#000000" style:vertical-pos="from-top" style:vertical-rel="baseline"/></style:style>
<style:style style:name="grn" style:family="graphic"><style:graphic-properties fo:border="none" draw:fill="none" style:vertical-pos="from-top" style:vertical-rel="baseline"/></style:style>
<style:style style:name="Tab" style:family="table"><style:table-properties style:width="%.1fmm" table:align="left"/></style:style>
%s%s
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties style:vertical-align="middle" fo:border="%s" fo:padding="%.1fmm"/></style:style>
<style:style style:name="CellT" style:family="table-cell"><style:table-cell-properties style:vertical-align="top" fo:border="%s" fo:padding="%.1fmm"/></style:style>
<style:style style:name="CellB" style:family="table-cell"><style:table-cell-properties style:vertical-align="bottom" fo:border="%s" fo:padding="%.1fmm"/></style:style>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" style:print-orientation="portrait" fo:margin-top="%dmm" fo:margin-right="%dmm" fo:margin-bottom="%dmm" fo:margin-left="%dmm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
<office:body><office:text>
<office:forms form:automatic-focus="false" form:apply-design-mode="false">
<form:form form:name="Form" form:apply-filter="true" form:command-type="table" form:control-implementation="ooo:com.sun.star.form.component.Form">
%s
</form:form></office:forms>
%s
</office:text></office:body></office:document>
""" % (FODT_NS, font, font, 115 if style["rowscale"] >= 1 else 100, font, font, size, size, size + 6, size + 6, sum(G.columns),
       col_styles, rows_styles, border, style["pad"], border, style["pad"], border, style["pad"], m[0], m[1], m[2], m[3],
       "\n".join(controls), "\n".join(body))
    if style.get("ctlfont"):  # heldout2: the controls (and their own labels) in the family's font
        tp = '<style:text-properties style:font-name="%s" style:font-name-asian="%s" fo:font-size="%spt" style:font-size-asian="%spt"/>' % (
            font, font, size, size)
        for gs in ("grb", "grn"):
            head = '<style:style style:name="%s" style:family="graphic">' % gs
            i = doc.index(head)
            j = doc.index("</style:style>", i)
            doc = doc[:j] + tp + doc[j:]
    if style["labels"] == "distributed":  # labels spread over their cells (分散对齐)
        pr = '<style:style style:name="PR" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/></style:style>\n'
        doc = doc.replace(pr, pr + '<style:style style:name="PD" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" '
                          'fo:text-align-last="justify"/></style:style>\n')
    if G.landscape:  # heldout3: an A4 landscape page
        doc = doc.replace('fo:page-width="210mm" fo:page-height="297mm" style:print-orientation="portrait"',
                          'fo:page-width="297mm" fo:page-height="210mm" style:print-orientation="landscape"')
    return doc, widgets


# heldout3 widget names. tree: dotted names, a field hierarchy in the PDF (LibreOffice splits them at
# the dots); the 单位性质 boxes all have one name, which LibreOffice makes type, type_2, ... in the PDF.
TREE_NAMES = {
    "unitName": "form.unit.name", "uscc": "form.unit.creditCode", "address": "form.unit.address", "unitType": "form.unit.type",
    "legalRepName": "form.legalRep.name", "legalRepPhone": "form.legalRep.tel", "legalRepIdNumber": "form.legalRep.idNo",
    "contactName": "form.agent.name", "contactDepartment": "form.agent.dept", "contactMobile": "form.agent.mobile",
    "contactPhone": "form.agent.tel", "insuranceTypesOther": "form.insurance.otherText", "declarationDate": "form.declare.date",
    "unitCode": "form.unitNo", "fillDate": "form.fillDate", "changeDate": "form.changeDate", "remarks": "form.remark",
    "unitNameOld": "form.old.name", "unitNameNew": "form.new.name", "addressOld": "form.old.address", "addressNew": "form.new.address",
    "unitTypeOld": "form.old.type", "unitTypeNew": "form.new.type", "affiliationOld": "form.old.affiliation",
    "affiliationNew": "form.new.affiliation", "supervisorOld": "form.old.supervisor", "supervisorNew": "form.new.supervisor",
    "reportDate": "form.report.date", "unitHead": "form.sign.head", "preparer": "form.sign.preparer",
}
TREE_FORM_NAMES = {("ly-maternity-allowance", "unitName"): "form.report.unit", ("ly-maternity-allowance", "contactPhone"): "form.sign.tel",
                   ("lc-unit-change", "legalRepPhone"): "form.legalRep.tel", ("lc-unit-change", "contactPhone"): "form.agent.tel"}
TREE_OPTIONS = {"医疗保险": "medical", "生育保险": "maternity", "补充医疗保险": "supplementary", "长期护理保险": "longTermCare", "其他": "other"}
TREE_COLUMNS = {"name": "name", "gender": "sex", "idNumber": "idNo", "eventDate": "date", "eventMethod": "method",
                "birthCertificateNumber": "certNo", "parity": "parity", "fetusCount": "fetuses", "hospitalName": "hospital",
                "hospitalLevel": "level", "paymentMethod": "payment", "bankCardNumber": "cardNo"}
# pinyin: the initials of the label's pinyin, as Chinese office systems name their fields
PINYIN_NAMES = {
    "unitName": "dwmc", "uscc": "tyshxydm", "address": "txdz", "legalRepName": "fddbr_xm", "legalRepPhone": "fddbr_lxdh",
    "legalRepIdNumber": "fddbr_sfzhm", "contactName": "jbr_xm", "contactDepartment": "jbr_szbm", "contactMobile": "jbr_sjhm",
    "contactPhone": "jbr_lxdh", "insuranceTypesOther": "cbxz_qtsm", "declarationDate": "dwsm_rq", "unitCode": "dwbh",
    "fillDate": "tbrq", "changeDate": "bgsj", "remarks": "bz", "unitNameOld": "ydj_dwmc", "unitNameNew": "bg_dwmc",
    "addressOld": "ydj_zs", "addressNew": "bg_zs", "unitTypeOld": "ydj_dwlx", "unitTypeNew": "bg_dwlx", "affiliationOld": "ydj_lsgx",
    "affiliationNew": "bg_lsgx", "supervisorOld": "ydj_zgbm", "supervisorNew": "bg_zgbm", "reportDate": "tbrq", "unitHead": "dwfzr",
    "preparer": "tbr",
}
PINYIN_FORM_NAMES = {("ly-maternity-allowance", "unitName"): "tbdw", ("ly-maternity-allowance", "contactPhone"): "lxdh",
                     ("lc-unit-change", "legalRepPhone"): "fddbr_lxfs", ("lc-unit-change", "contactPhone"): "jbr_lxfs"}
PINYIN_OPTIONS = {"医疗保险": "cbxz_yl", "生育保险": "cbxz_sy", "补充医疗保险": "cbxz_bcyl", "长期护理保险": "cbxz_cqhl", "其他": "cbxz_qt"}
PINYIN_COLUMNS = {"name": "xm", "gender": "xb", "idNumber": "sfzh", "eventDate": "sysj", "eventMethod": "syfs", "birthCertificateNumber": "csyxzmbh",
                  "parity": "tc", "fetusCount": "tes", "hospitalName": "yljgmc", "hospitalLevel": "yydj", "paymentMethod": "fffs",
                  "bankCardNumber": "yhkh"}


def heldout3_name(naming, w, used, n, form):
    """A heldout3 widget's name in the PDF and the name written in the document, which differ where
    LibreOffice renames (the second form.unit.type is form.unit.type_2) and where the name is set
    after the export (acro: Acrobat's field detection names a field after the text beside it, without
    its punctuation: 单位名称, 单位名称_2, 姓名Row1; a check box after its option)."""
    m = re.match(r"employees\[(\d+)\]\.(\w+)$", w.key)

    def dedupe(base, sep="_"):
        name, k = base, 2
        while name in used:
            name, k = "%s%s%d" % (base, sep, k), k + 1
        return name

    if naming == "acro":
        if m:
            base = re.sub(r"\W", "", w.label) + "Row%d" % (int(m.group(1)) + 1)
        elif w.kind == "check":
            base = w.option
        else:
            base = re.sub(r"[\W_]", "", w.label)
        return dedupe(base), "acro%d" % n
    if naming == "pinyin":
        if m:
            return "%s_%d" % (PINYIN_COLUMNS[m.group(2)], int(m.group(1)) + 1), None
        if w.kind == "check":
            if w.key == "unitType":
                return "dwxz_%d" % (sum(1 for u in used if u.startswith("dwxz_")) + 1), None
            return PINYIN_OPTIONS[w.option], None
        return PINYIN_FORM_NAMES.get((form, w.key), PINYIN_NAMES[w.key]), None
    if m:
        return "form.list.row%d.%s" % (int(m.group(1)) + 1, TREE_COLUMNS[m.group(2)]), None
    if w.kind == "check":
        if w.key == "unitType":
            name = dedupe("form.unit.type")
            return name, "form.unit.type"
        return "form.insurance." + TREE_OPTIONS[w.option], None
    return TREE_FORM_NAMES.get((form, w.key), TREE_NAMES[w.key]), None


def heldout4_name(naming, w, used, n):
    """A heldout4 widget's name in the PDF and the name written in the document. fill: generic names
    (fill_1, fill_2..., check boxes check_1...), as written. utf16: the group and the label (法定代表人-姓名,
    单位名称), a check box its label and option (单位性质：企业), a table cell its row and column
    (第1行-身份证号码); written u1, u2... in the document and set as UTF-16 strings after the export."""
    if naming == "fill":
        prefix = "check_" if w.kind == "check" else "fill_"
        name = "%s%d" % (prefix, sum(1 for u in used if u.startswith(prefix)) + 1)
        return name, name
    label = w.label.replace("\n", "")
    m = re.match(r"employees\[(\d+)\]\.(\w+)$", w.key)
    if m:
        base = "第%d行-%s" % (int(m.group(1)) + 1, label)
    elif w.kind == "check":
        base = "%s：%s" % (label, w.option)
    else:
        base = (w.group.replace("\n", "") + "-" if w.group else "") + label
    name, k = base, 2
    while name in used:
        name, k = "%s-%d" % (base, k), k + 1
    return name, "u%d" % n


def _english(key, form):
    """heldout5: an English name after TREE_NAMES without its form. prefix, the parts joined by _ (legalRep_idNo)."""
    return "_".join(TREE_FORM_NAMES.get((form, key), TREE_NAMES[key]).split(".")[1:])


def heldout5_name(naming, w, used, form):
    """A heldout5 widget's name (as written in the document and in the PDF). english: unit_name, legalRep_idNo,
    emp1_idNo, unitType_3, insurance_medical; xfa: as Adobe LiveCycle names a form's fields
    (topmostSubform[0].Page1[0].unitName[0], CheckBox3[0], Table1[0].Row1[0].idNo[0]: LibreOffice makes the dots a
    field hierarchy); snake: the page and the English name in snake case (p1_unit_name, p1_row1_id_no)."""
    m = re.match(r"employees\[(\d+)\]\.(\w+)$", w.key)
    if m:
        row, col = int(m.group(1)) + 1, TREE_COLUMNS[m.group(2)]
        eng = "emp%d_%s" % (row, col)
    elif w.kind == "check":
        if w.key == "unitType":
            eng = "unitType_%d" % (sum(1 for u in used if re.search(r"unit_?[Tt]ype_?\d+$|CheckBox\d+\[0\]$", u)) + 1)
        else:
            eng = "insurance_" + TREE_OPTIONS[w.option]
    else:
        eng = _english(w.key, form)
    if naming == "english":
        return eng
    if naming == "snake":
        return "p1_" + re.sub(r"(?<=[a-z0-9])([A-Z])", lambda x: "_" + x.group(1).lower(), eng).lower()
    if m:
        return "topmostSubform[0].Page1[0].Table1[0].Row%d[0].%s[0]" % (row, col)
    if w.kind == "check":
        return "topmostSubform[0].Page1[0].CheckBox%d[0]" % (sum(1 for u in used if "CheckBox" in u) + 1)
    leaf = re.sub(r"_([a-zA-Z])", lambda x: x.group(1).upper(), eng)
    return "topmostSubform[0].Page1[0].%s[0]" % leaf


def heldout5_rework(path, widgets, style):
    """heldout5, between the export and the fill: comb fields (/Ff bit 25, /MaxLen 18) for 统一社会信用代码 and 身份证号;
    /Q (quad: dates centred and phones right-aligned, or every text field centred); /DA font size 0 (autosize)."""
    import pikepdf
    pdf = pikepdf.open(path, allow_overwriting_input=True)
    for name, fld in pdf_terminal_fields(pdf):
        w = widgets.get(name)
        if w is None:
            raise RuntimeError("widget %r not in the form" % name)
        if w.kind not in ("text", "number"):
            continue
        base = re.sub(r"^employees\[\d+\]\.", "", w.key)
        if style.get("comb") and base in ("uscc", "legalRepIdNumber", "idNumber"):
            fld.Ff = (int(fld.get("/Ff", 0)) & ~(4096 | 8192 | 1 << 20 | 1 << 22)) | 1 << 24
            fld.MaxLen = 18
        q = None
        if style.get("quad") == "all":
            q = 1
        elif style.get("quad") == "dates":
            q = 1 if re.search(r"[Dd]ate", base) else 2 if re.search(r"Phone|Mobile", base) else None
        if q is not None:
            fld.Q = q
        if style.get("autosize"):
            for obj in [fld] + list(fld.get("/Kids", [])):
                if "/DA" in obj:
                    obj.DA = pikepdf.String(re.sub(r"[\d.]+ Tf", "0 Tf", str(obj.DA)))
    pdf.save(path, deterministic_id=True)


def no_need_appearances(path):
    """heldout5 (needapp False): /NeedAppearances false, the fill's appearance streams are what a viewer shows."""
    import pikepdf
    pdf = pikepdf.open(path, allow_overwriting_input=True)
    pdf.Root.AcroForm.NeedAppearances = False
    pdf.save(path, deterministic_id=True)


LO_CONTROL_NAMES = {"text": "Text Box", "check": "Check Box", "radio": "Option Button", "list": "List Box", "combo": "Combo Box",
                    "date": "Date Field"}


def pdf_name_decode(s):
    """LibreOffice writes non-ASCII widget names #-escaped (#E5#8D#95...)."""
    try:
        return re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), s.encode("latin-1")).decode("utf-8")
    except (UnicodeDecodeError, UnicodeEncodeError):
        return s


def on_state(widget):
    """A button widget's on-state name as pikepdf gives it (/Yes, /企业, /3)."""
    return [k for k in widget.AP.N.keys() if k != "/Off"][0] if "/AP" in widget else "/Yes"


def fill_pdf(path, widgets, filler="pikepdf"):
    if filler == "pypdf":
        return fill_pdf_pypdf(path, widgets)
    if filler == "pymupdf":
        return fill_pdf_pymupdf(path, widgets)
    if filler == "libreoffice":
        return filled_by_libreoffice(path, widgets)
    import pikepdf
    pdf = pikepdf.open(path, allow_overwriting_input=True)
    names = {}
    n = 0
    for fld in pdf.Root.AcroForm.Fields:
        raw = str(fld.get("/T", ""))
        name = pdf_name_decode(raw)
        w = widgets.get(name)
        if w is None:
            raise RuntimeError("widget %r not in the form" % raw)
        names[name] = raw
        if w.kind == "radio-group":  # /V on the field, /AS on each button
            states = [on_state(k) for k in fld.Kids]
            if sorted(states) != sorted("/" + e for e in w.exports):
                raise RuntimeError("radio group %r: states %s, exports %s" % (raw, states, list(w.exports)))
            want = "/" + [e for e, o in w.exports.items() if o == w.value][0] if w.value else "/Off"
            for kid, st in zip(fld.Kids, states):
                kid.AS = pikepdf.Name(st if st == want else "/Off")
            fld.V = pikepdf.Name(want)
        elif w.kind == "check":
            on = on_state(fld)
            state = pikepdf.Name(on) if w.value else pikepdf.Name("/Off")
            fld.V = state
            fld.AS = state
        elif w.value:
            fld.V = pikepdf.String(w.value)
            n += 1
    pdf.Root.AcroForm.NeedAppearances = True
    pdf.save(path, deterministic_id=True)
    return names, n


def fill_pdf_pypdf(path, widgets):
    """Fills the form as pypdf does it (PdfWriter.update_page_form_field_values, its defaults):
    /V set, an appearance stream written for every text and choice field in the font of its /DA
    (Helvetica in a LibreOffice export: CJK comes out as ?), /NeedAppearances true; a check box
    gets /V = /AS = its on-state."""
    import logging
    from pypdf import PdfWriter
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # "characters not supported by font encoding": so it is
    writer = PdfWriter(clone_from=path)
    names, values, n = {}, {}, 0
    for ref in writer._root_object["/AcroForm"]["/Fields"]:
        fld = ref.get_object()
        raw = str(fld.get("/T", ""))
        name = pdf_name_decode(raw)
        w = widgets.get(name)
        if w is None:
            raise RuntimeError("widget %r not in the form" % raw)
        names[name] = raw
        if w.kind == "check":
            if w.value:
                values[raw] = [k for k in fld["/AP"]["/N"].keys() if k != "/Off"][0]
        elif w.kind == "radio-group":
            if w.value:
                values[raw] = "/" + [e for e, o in w.exports.items() if o == w.value][0]
        elif w.value:
            values[raw] = w.value
            n += 1
    writer.update_page_form_field_values(None, values, auto_regenerate=True)
    writer.write(path)
    return names, n


def export_form(G, style, case, path):
    """The grid as a LibreOffice form (a flat ODT with controls) exported to path; returns the widgets."""
    text, widgets = fodt_form(G, style, rng_for("fodt", case["id"]))
    work = tempfile.mkdtemp(dir=TMP)
    src = os.path.join(work, case["id"] + ".fodt")
    with open(src, "w", encoding="utf-8") as f:
        f.write(text)
    if style["program"] == "writer-form":  # heldout4: the controls drawn as page content, no form fields
        fx.soffice_export(src, work, TMP, {"ExportFormFields": ("boolean", "false")})
    elif style.get("split") == "heldout6":  # the Fandol fonts known to LibreOffice
        soffice6(src, work)
    else:
        soffice(src, work)
    shutil.copyfile(os.path.join(work, case["id"] + ".pdf"), path)
    return widgets


def heldout4_rework(path, widgets, style):
    """heldout4, between the export and the fill: names set as UTF-16 strings (naming utf16); every page
    written landscape and turned by /Rotate 270 (rotate270: the content turned by 0 -1 1 0 0 w cm, the
    widget rects with it, /MK /R 270, appearance streams with a matrix), as a driver printing a portrait
    form on a landscape page would store it."""
    import pikepdf
    pdf = pikepdf.open(path, allow_overwriting_input=True)
    if style["naming"] == "utf16":
        by_written = {getattr(w, "written", n): n for n, w in widgets.items()}
        for fld in pdf.Root.AcroForm.Fields:
            written = str(fld.get("/T", ""))
            if written not in by_written:
                raise RuntimeError("widget %r not in the form" % written)
            fld.T = pikepdf.String(by_written[written])
    if style.get("rotate270"):
        for page in pdf.pages:
            x0p, y0p, pw, ph = (float(v) for v in page.MediaBox)
            if x0p or y0p:
                raise RuntimeError("MediaBox not at the origin")
            page.contents_add(pdf.make_stream(b"q 0 -1 1 0 0 %.3f cm\n" % pw), prepend=True)
            page.contents_add(pdf.make_stream(b"\nQ\n"))
            page.MediaBox = [0, 0, round(ph, 3), round(pw, 3)]
            if "/CropBox" in page:
                del page["/CropBox"]
            page.Rotate = 270
            for a in page.get("/Annots", []):
                x0, y0, x1, y1 = (float(v) for v in a.Rect)
                a.Rect = [round(y0, 3), round(pw - x1, 3), round(y1, 3), round(pw - x0, 3)]
                mk = a.get("/MK", pikepdf.Dictionary())
                mk.R = 270
                a.MK = mk
                for ap in ("/N", "/D"):
                    n = a.get("/AP", {}).get(ap)
                    for st in ([n] if isinstance(n, pikepdf.Stream) else list(n.values()) if n is not None else []):
                        st.Matrix = [0, -1, 1, 0, 0, 0]
    pdf.save(path, deterministic_id=True)


def object_streams(path, style):
    """heldout4 (objstms): saved again with object streams and a cross-reference stream: by PyMuPDF where it
    filled the form, else by qpdf."""
    if style.get("filler") == "pymupdf":
        import pymupdf
        doc = pymupdf.open(path)
        doc.save(path + ".objstm", garbage=1, deflate=True, use_objstms=1)
        doc.close()
        os.replace(path + ".objstm", path)
    else:
        run(["qpdf", "--object-streams=generate", "--deterministic-id", path, "--replace-input"])


def pdf_terminal_fields(pdf):
    """(fully qualified name, field dictionary) of every terminal field, walking /Kids."""
    out = []

    def walk(f, prefix):
        t = str(f.get("/T", ""))
        name = prefix + ("." if prefix and t else "") + pdf_name_decode(t) if t else prefix
        kids = f.get("/Kids")
        if kids is not None and any("/T" in k for k in kids):
            for k in kids:
                walk(k, name)
        else:
            out.append((name, f))

    for f in pdf.Root.AcroForm.Fields:
        walk(f, "")
    return out


def fill_pdf_pymupdf(path, widgets, bake=False, multiline=False, table_fontsize=None):
    """heldout3: fills the form as a PyMuPDF script does (Widget.field_value, Widget.update()): /V
    set and an appearance stream written for each filled field, CJK text in PyMuPDF's CJK font (a
    non-embedded Type0 font, UniGB-UTF16-H; text that wraps in a multi-line field in its fallback
    fonts, embedded; PyMuPDF 1.28 draws such text below the box of a one-line field); check boxes
    /V = /AS = their on-state, drawn as ZapfDingbats "3" under /WinAnsiEncoding (no glyph: only
    MuPDF draws it). multiline: the text fields made multi-line first (Widget.field_flags), which
    puts the text in its box (a run of CJK longer than the box is cut off, not wrapped);
    table_fontsize: the table's fields in smaller type. bake: the check boxes' /V and /AS set
    directly (their own appearance kept, a tick that shows), then flattened (Document.bake: the
    widgets become page content).
    Saved with the fonts subset (Document.subset_fonts) and compacted, as PyMuPDF's documentation
    advises: its fallback font is 3.5 MB whole."""
    import pymupdf
    doc = pymupdf.open(path)
    names, n = {}, 0
    for page in doc:
        for wd in page.widgets():
            name = wd.field_name
            w = widgets.get(name)
            if w is None:
                raise RuntimeError("widget %r not in the form (%s)" % (name, sorted(widgets)[:5]))
            names[name] = name
            if wd.field_type == pymupdf.PDF_WIDGET_TYPE_CHECKBOX:
                if w.value and bake:  # the box's own on-appearance (LibreOffice's), set through /AS
                    doc.xref_set_key(wd.xref, "V", "/" + wd.on_state())
                    doc.xref_set_key(wd.xref, "AS", "/" + wd.on_state())
                elif w.value:  # (True: the on-state; PyMuPDF does not take a #-escaped on-state name)
                    wd.field_value = True
                    wd.update()
            elif w.value:
                if multiline:
                    wd.field_flags |= pymupdf.PDF_TX_FIELD_IS_MULTILINE
                if table_fontsize and w.key.startswith("employees["):
                    wd.text_fontsize = table_fontsize
                wd.field_value = w.value
                wd.update()
                n += 1
    if set(names) != set(widgets):
        raise RuntimeError("widgets not in the PDF: %s" % sorted(set(widgets) - set(names)))
    out = path + ".filled"
    if bake:
        doc.bake()
    doc.subset_fonts()
    doc.save(out, garbage=3, deflate=True)
    doc.close()
    os.replace(out, path)
    return names, n


def filled_by_libreoffice(path, widgets):
    """heldout3: the form was filled in Writer before the export (control values in the document):
    checks that LibreOffice wrote every widget and each value in /V."""
    import pikepdf
    pdf = pikepdf.open(path)
    names, n = {}, 0
    for name, fld in pdf_terminal_fields(pdf):
        w = widgets.get(name)
        if w is None:
            raise RuntimeError("widget %r not in the form" % name)
        names[name] = name
        v = fld.get("/V")
        if w.kind == "check":
            if (str(v) not in ("None", "/Off")) != bool(w.value):
                raise RuntimeError("check box %r: /V %s" % (name, v))
        elif w.value:
            if v is None or str(v) != w.value:
                raise RuntimeError("field %r: /V %r, not %r" % (name, str(v), w.value))
            n += 1
    return names, n


def widgets_over_cells(path, widgets, style, rng):
    """heldout3 (ff-s): the fields as Acrobat's field detection adds them over a printed form: each
    text field widened to its cell, its edges 0.8-2.5 pt past the cell's rules (where a rule and not
    text is next to it; up and down only where both rules are), named after the text beside it
    (UTF-16 /T, not LibreOffice's #-escapes).
    The landscape maternity page becomes portrait, its content turned, with /Rotate 90, and the
    widgets /MK /R 90 (a PostScript driver printing landscape on A4, Ghostscript's AutoRotatePages;
    then the fields)."""
    import numpy as np
    import pikepdf
    from PIL import Image
    by_written = {getattr(w, "written", n): n for n, w in widgets.items()}
    work = tempfile.mkdtemp(dir=TMP)
    dpi = 144
    run(["pdftoppm", "-r", str(dpi), "-gray", "-png", path, os.path.join(work, "p")])
    pngs = sorted(f for f in os.listdir(work) if f.endswith(".png"))
    pdf = pikepdf.open(path, allow_overwriting_input=True)
    sc = dpi / 72.0
    for pi, page in enumerate(pdf.pages):
        ink = np.asarray(Image.open(os.path.join(work, pngs[pi])).convert("L")) < 160
        H, W = ink.shape
        ph = float(page.MediaBox[3])
        for a in page.get("/Annots", []):
            if a.get("/FT") != "/Tx":
                continue
            x0, y0, x1, y1 = (float(v) for v in a.Rect)
            L, R, T, B = x0 * sc, x1 * sc, (ph - y1) * sc, (ph - y0) * sc
            cx, cy = int((L + R) / 2), int((T + B) / 2)

            def vrule(x):  # a vertical rule at column x runs past the widget's top and bottom
                return 0 <= x < W and ink[max(0, int(T) - 2):min(H, int(B) + 2), x].mean() > 0.9

            def hrule(y):
                return 0 <= y < H and ink[y, max(0, int(L) + 2):min(W, int(R) - 2)].mean() > 0.9

            def edge(start, step, limit, is_rule, band):
                """The first ink from start outwards: a rule's far side + overshoot (px), or None."""
                pos = start
                while abs(pos - start) < limit:
                    if band(pos):
                        if not is_rule(pos):
                            return None
                        while is_rule(pos + step):
                            pos += step
                        return pos + step * rng.uniform(0.8, 2.5) * sc
                    pos += step
                return None

            hb = lambda x: 0 <= x < W and ink[max(0, cy - 2):cy + 3, x].any()
            vb = lambda y: 0 <= y < H and ink[y, max(0, cx - 2):cx + 3].any()
            r_ = edge(int(R) + 1, 1, 60 * sc, vrule, hb)
            l_ = edge(int(L) - 1, -1, 60 * sc, vrule, hb)
            t_ = edge(int(T) - 1, -1, 30 * sc, hrule, vb)
            b_ = edge(int(B) + 1, 1, 30 * sc, hrule, vb)
            L, R = (l_ if l_ is not None else L), (r_ if r_ is not None else R)
            if t_ is not None and b_ is not None:  # in a cell: up to its rules (not a line of text over a table)
                T, B = t_, b_
            a.Rect = [round(L / sc, 3), round(ph - B / sc, 3), round(R / sc, 3), round(ph - T / sc, 3)]
            wd, ht = (R - L) / sc, (B - T) / sc
            a.AP = pikepdf.Dictionary(N=pdf.make_stream(b"/Tx BMC\nEMC\n", BBox=[0, 0, round(wd, 3), round(ht, 3)], Resources=pikepdf.Dictionary()))
        if style.get("rotate") and float(page.MediaBox[2]) > float(page.MediaBox[3]):
            pw = float(page.MediaBox[2])
            page.contents_add(pdf.make_stream(b"q 0 1 -1 0 %.3f 0 cm\n" % ph), prepend=True)
            page.contents_add(pdf.make_stream(b"\nQ\n"))
            page.MediaBox = [0, 0, round(ph, 3), round(pw, 3)]
            if "/CropBox" in page:
                del page["/CropBox"]
            page.Rotate = 90
            for a in page.get("/Annots", []):
                x0, y0, x1, y1 = (float(v) for v in a.Rect)
                a.Rect = [round(ph - y1, 3), round(x0, 3), round(ph - y0, 3), round(x1, 3)]
                mk = a.get("/MK", pikepdf.Dictionary())
                mk.R = 90
                a.MK = mk
                n = a.get("/AP", {}).get("/N")
                for st in ([n] if isinstance(n, pikepdf.Stream) else list(n.values()) if n is not None else []):
                    st.Matrix = [0, 1, -1, 0, 0, 0]
    for fld in pdf.Root.AcroForm.Fields:
        written = str(fld.get("/T", ""))
        if written not in by_written:
            raise RuntimeError("widget %r not in the form" % written)
        fld.T = pikepdf.String(by_written[written])
    pdf.save(path, deterministic_id=True)


# --------------------------------------------------------------------------------------------
# Scans (print, seal, sign, scan): as make_fixtures.py does it

SIGN_WORDS = ["单位负责人", "填表人", "经办人签字"]


def scan_pdf(src, dst, params, seal_name, rng):
    dpi, angle, colour, seal, sign, sigma, blur, q = (params[k] for k in ("dpi", "angle", "colour", "seal", "signature", "noise", "blur", "jpeg"))
    boxes = fx.word_boxes(src)
    seal_at = fx.find_word(boxes, fx.SEAL_WORDS) if seal else None
    sign_at = fx.find_word(boxes, SIGN_WORDS, prefer_last=True) if sign else None
    bilevel = params.get("bilevel")  # heldout4: black and white, thresholded from the colour page's green channel
    pages = fx.scan_pdf(src, dst, tempfile.mkdtemp(dir=TMP), rng, dpi, angle, colour or bilevel is not None, sigma, blur, q,
                        dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.timezone.utc),
                        seal_at=seal_at, seal_name=seal_name, seal_mm=40, seal_shift=((-0.2, 0.3), (-0.1, 0.25)),
                        sign_at=sign_at, sign_mm=(26, 10), sign_gap=lambda rng, px: rng.uniform(8, 40) * px,
                        bilevel=bilevel)
    return pages, seal_at, sign_at


def scan_pdf_heldout5(src, dst, params, seal_name, rng):
    """heldout5: scan_pdf's print, seal and signature (fx.draw_seal, fx.draw_signature), then one paper effect
    (params["effect"]): fax (low contrast, the ink grey, the paper darker), fold (a fold line's shadow across
    the page), grey (grey recycled paper), perspective (the page not flat on the glass: a slight keystone); then
    noise, blur, JPEG (q45-50), img2pdf."""
    import img2pdf
    import numpy as np
    from PIL import Image, ImageFilter
    dpi, angle, colour, sigma, blur, q, effect = (params[k] for k in ("dpi", "angle", "colour", "noise", "blur", "jpeg", "effect"))
    boxes = fx.word_boxes(src)
    seal_at = fx.find_word(boxes, fx.SEAL_WORDS) if params["seal"] else None
    sign_at = fx.find_word(boxes, SIGN_WORDS, prefer_last=True) if params["signature"] else None
    work = tempfile.mkdtemp(dir=TMP)
    run(["pdftoppm", "-r", str(dpi), "-png", src, os.path.join(work, "p")])
    pngs = sorted(f for f in os.listdir(work) if f.endswith(".png"))
    px = dpi / 72.0
    out = []
    for pi, name in enumerate(pngs):
        page = Image.open(os.path.join(work, name)).convert("RGB")
        if seal_at and seal_at[0] == pi:
            _, x0, y0, x1, y1, _k = seal_at
            S = int(40 / 25.4 * dpi)
            full = Image.new("L", page.size, 0)
            full.paste(fx.draw_seal(S, seal_name), (int((x0 + x1) / 2 * px + rng.uniform(-0.2, 0.3) * S - S / 2),
                                                    int((y0 + y1) / 2 * px + rng.uniform(-0.1, 0.25) * S - S / 2)))
            page = fx.darken(page, full, (205, 32, 42))
        if sign_at and sign_at[0] == pi:
            _, x0, y0, x1, y1, _k = sign_at
            w, h = int(26 / 25.4 * dpi), int(10 / 25.4 * dpi)
            full = Image.new("L", page.size, 0)
            full.paste(fx.draw_signature(w, h, rng, max(2, dpi // 75)), (int(x1 * px + rng.uniform(8, 40) * px), int((y0 + y1) / 2 * px - h / 2)))
            page = fx.darken(page, full, (25, 35, 95) if colour else (30, 30, 30), 0.95)
        W, H = page.size
        if effect == "perspective":  # the top edge narrower than the bottom one by up to 1.2 %
            k = rng.uniform(0.006, 0.012) * W
            page = page.transform(page.size, Image.Transform.QUAD, (k, 0, 0, H, W, H, W - k, 0), resample=Image.BICUBIC,
                                  fillcolor=(246, 245, 241))
        arr = np.asarray(page).astype(float) * 0.96 + 6
        page = Image.fromarray(arr.clip(0, 255).astype("uint8"))
        dx, dy = rng.randint(-12, 12) * dpi // 200, rng.randint(-10, 14) * dpi // 200
        page = page.rotate(angle, resample=Image.BICUBIC, translate=(dx, dy), fillcolor=(246, 245, 241))
        if not colour:
            page = page.convert("L")
        arr = np.asarray(page).astype(float)
        if effect == "fax":  # ink at about 40 % grey at most, paper at 92 %
            arr = 235 - (255 - arr) * 0.62
        elif effect == "grey":
            arr = arr * 0.84 + 8
        elif effect == "fold":  # a shadow along a horizontal fold, a bright crease on it
            y = np.arange(H, dtype=float)[:, None]
            yf = H * rng.uniform(0.42, 0.58)
            shade = 38 * np.exp(-((y - yf) / (0.012 * H)) ** 2) - 18 * np.exp(-((y - yf - 0.004 * H) / (0.0015 * H)) ** 2)
            arr = arr - (shade if arr.ndim == 2 else shade[:, :, None])
        arr = arr + np.random.default_rng(rng.randrange(2 ** 32)).normal(0, sigma, arr.shape)
        page = Image.fromarray(arr.clip(0, 255).astype("uint8")).filter(ImageFilter.GaussianBlur(blur))
        jpg = os.path.join(work, "page-%d.jpg" % pi)
        page.save(jpg, "JPEG", quality=q, dpi=(dpi, dpi), optimize=True)
        out.append(jpg)
    stamp = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.timezone.utc)
    with open(dst, "wb") as f:
        f.write(img2pdf.convert(out, layout_fun=img2pdf.get_fixed_dpi_layout_fun((dpi, dpi)), creationdate=stamp, moddate=stamp))
    return len(out), seal_at, sign_at


# --------------------------------------------------------------------------------------------
# heldout6: LibreOffice Calc (openpyxl .xlsx), XeLaTeX (ctex), wkhtmltopdf, fpdf2 and reportlab's canvas drawing the
# script's own grid (with reportlab's AcroForm fields, or a blank form given fields by PyMuPDF), and its scans

FANDOL = "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"  # texlive-lang-chinese; not in fontconfig's path
FONT_FILES6 = {  # fpdf2 and reportlab (the script's grid)
    "FandolFang": (FANDOL + "/FandolFang-Regular.otf", None), "FandolSong": (FANDOL + "/FandolSong-Regular.otf", None),
    "FandolKai": (FANDOL + "/FandolKai-Regular.otf", None), "FandolHei": (FANDOL + "/FandolHei-Regular.otf", None),
    "WenQuanYi Zen Hei Sharp": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 2),
}
CN_DIGITS = "〇一二三四五六七八九"


def cn_number(n):
    """1..31 in Chinese numerals (十一, 二十, 三十一); 0 as 〇."""
    if n < 10:
        return CN_DIGITS[n]
    t, u = divmod(n, 10)
    return ("" if t == 1 else CN_DIGITS[t]) + "十" + ("" if u == 0 else CN_DIGITS[u])


def env6():
    """The environment for LibreOffice and wkhtmltopdf in heldout6: a fontconfig file adding the Fandol fonts' regular
    faces (with FandolHei-Bold beside its regular face, Qt takes the bold one for both)."""
    conf = os.path.join(TMP, "fonts6.conf")
    if not os.path.exists(conf):
        fdir = os.path.join(TMP, "fonts6")
        os.makedirs(fdir, exist_ok=True)
        for name in ("FandolFang", "FandolSong", "FandolKai", "FandolHei"):
            os.symlink(FONT_FILES6[name][0], os.path.join(fdir, os.path.basename(FONT_FILES6[name][0])))
        with open(conf, "w") as c:
            c.write('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                    '<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>%s</dir><cachedir>%s</cachedir></fontconfig>'
                    % (fdir, os.path.join(TMP, "fc-cache6")))
    return dict(os.environ, FONTCONFIG_FILE=conf, XDG_RUNTIME_DIR=TMP)


def soffice6(src, outdir):
    run(["soffice", "-env:UserInstallation=file://" + os.path.join(TMP, "lo-profile"), "--headless", "--convert-to", "pdf",
         "--outdir", outdir, src], timeout=300, env=env6())


def plain_runs(runs, style):
    """The runs as plain text (Calc): ticks as the family's marks."""
    out = []
    for r in runs:
        if isinstance(r, Tick):
            out.append(style["mark"] if r.checked else style.get("box", "□"))
        else:
            out.append(r)
    return "".join(out)


def calc_pdf(G, style, pdf_path):
    """heldout6 (calc): the form as a spreadsheet (openpyxl), as offices make forms in 表格 software: a merged title row,
    the header and footer lines in merged rows, each cell of the grid a cell (merged over its span), thin borders, text
    wrapped; a cell's lines aligned right by leading full-width spaces where the grid aligns them right (one alignment
    per cell); fit to the page's width, the maternity header rows printed on every page. LibreOffice Calc exports it."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ncols, size = len(G.columns), style["size"]
    last = get_column_letter(ncols)
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for i, w in enumerate(G.columns):
        ws.column_dimensions[get_column_letter(i + 1)].width = round(w / 2.5, 2)

    def cell_text(paras, width_mm):
        lines, nlines = [], 0
        per = max(1.0, (width_mm - 2 * style["pad"]) / (size * 0.3528))  # full-width characters a line
        for p in paras:
            if p.space >= 4:
                lines.append("")
                nlines += 1
            t = plain_runs(p.runs, style)
            if p.align == "right" and len(paras) > 1:
                t = "\u3000" * max(0, int(per - len(t) - 1)) + t
            lines.append(t)
            for part in t.split("\n"):
                nlines += max(1, -(-sum(1 if ord(ch) > 0x2e80 else 0.55 for ch in part) // per))
        return "\n".join(lines), nlines

    def line_row(row, text, align, sz=size, bold=False, fontname=None):
        ws.merge_cells("A%d:%s%d" % (row, last, row))
        c = ws.cell(row=row, column=1, value=text)
        c.font = Font(name=fontname or style["font"], size=sz, bold=bold)
        c.alignment = Alignment(horizontal={"center": "center", "right": "right"}.get(align, "left"), vertical="center", wrap_text=True)
        n = max(1, -(-len(text) * sz * 0.3528 // sum(G.columns)))
        ws.row_dimensions[row].height = round(n * sz * 1.5 + 4, 1)

    row = 1
    line_row(row, G.title, "center", size + 7, True, style.get("titlefont"))
    ws.row_dimensions[row].height = round((size + 7) * 2.0, 1)
    row += 1
    for p in G.header:
        line_row(row, plain_runs(p.runs, style), p.align)
        row += 1
    start = row
    for ri, r in enumerate(G.rows):
        need = r["height"] / 0.3528
        for c in r["cells"]:
            text, n = cell_text(c.paras, sum(G.columns[c.col:c.col + c.span]))
            top, left = start + ri, c.col + 1
            if c.span > 1 or c.rowspan > 1:
                ws.merge_cells(start_row=top, start_column=left, end_row=top + c.rowspan - 1, end_column=left + c.span - 1)
            for rr in range(top, top + c.rowspan):
                for cc in range(left, left + c.span):
                    ws.cell(row=rr, column=cc).border = box
            x = ws.cell(row=top, column=left, value=text or None)
            x.font = Font(name=style["font"], size=size, bold=any(p.bold for p in c.paras))
            aligns = [p.align for p in c.paras] or ["left"]
            x.alignment = Alignment(horizontal={"center": "center", "right": "right"}.get(aligns[0] if len(aligns) == 1 else "left", "left"),
                                    vertical={"top": "top", "bottom": "bottom"}.get(c.valign, "center"), wrap_text=True)
            if c.rowspan == 1:
                need = max(need, n * size * 1.45 + 5)
        ws.row_dimensions[start + ri].height = round(need, 1)
    row = start + len(G.rows)
    for p in G.footer:
        if p.space and not p.runs:
            continue
        line_row(row, plain_runs(p.runs, style), p.align)
        row += 1
    ws.print_area = "A1:%s%d" % (last, row - 1)
    nhead = sum(1 for r in G.rows if r["header"])
    if nhead and style.get("repeat", True):
        ws.print_title_rows = "%d:%d" % (start, start + nhead - 1)
    ws.page_setup.orientation = "landscape" if G.landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    m = style["margins"]
    ws.page_margins.top, ws.page_margins.right, ws.page_margins.bottom, ws.page_margins.left = (x / 25.4 for x in m)
    ws.page_margins.header = ws.page_margins.footer = 0.2
    ws.print_options.horizontalCentered = True
    wb.properties.creator = "Administrator"
    wb.properties.created = wb.properties.modified = dt.datetime(2026, 11, 20, 9, 30)
    work = tempfile.mkdtemp(dir=TMP)
    stem = os.path.splitext(os.path.basename(pdf_path))[0]
    src = os.path.join(work, stem + ".xlsx")
    wb.save(src)
    soffice6(src, work)
    shutil.copyfile(os.path.join(work, stem + ".pdf"), pdf_path)


def tex_escape(s):
    # a long number (身份证号, 银行卡号, 统一社会信用代码) may break at any digit in a narrow column, as in the other programs
    s = re.sub(r"[0-9A-Za-z]{9,}", lambda m: "\x00".join(m.group(0)), s)
    s = "".join({"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "#": r"\#", "$": r"\$", "%": r"\%", "&": r"\&", "_": r"\_",
                 "^": r"\^{}", "~": r"\~{}", "□": r"{\djv □}"}.get(ch, ch) for ch in s)
    s = re.sub(r" {2,}", lambda m: r"\hspace{%.1fem}" % (0.5 * len(m.group(0))), s)
    return s.replace("\x00", r"\hspace{0pt}")


def latex_pdf(G, style, pdf_path, widget_tex=None):
    """heldout6 (xelatex): the form as a LaTeX longtable (ctex, fontset fandol), typeset by XeLaTeX (xdvipdfmx): columns
    p/m of the grid's widths, rows at least their height (a strut in a zero-width last column), cells spanning rows set
    over them (lowered in a \\raisebox of no height), \\cline where a cell spans down; the header rows of the maternity table
    repeated (\\endhead). SOURCE_DATE_EPOCH makes the file the same on every run. heldout7 (latex-form): widget_tex(widget)
    writes a form field's TeX (hyperref), the page in its own CJK font (xeCJK) and the whole inside hyperref's Form."""
    pad, ncols = style["pad"], len(G.columns)
    mk = {True: r"\ckd{}", False: r"\unc{}"}

    def runs_tex(runs):
        out = []
        for r in runs:
            if isinstance(r, Tick):
                out.append(mk[r.checked])
            elif widget_tex is not None and isinstance(r, Widget):  # heldout7
                out.append(widget_tex(r))
            else:
                out.append(r"\newline{}".join(tex_escape(x) for x in r.split("\n")))
        return "".join(out)

    def paras_tex(paras):
        out = []
        for p in paras:
            al = {"center": r"\centering", "right": r"\raggedleft"}.get(p.align, r"\raggedright")
            sp = r"\vspace{%.1fmm}" % p.space if p.space else ""
            body = runs_tex(p.runs)
            if p.bold:
                body = r"\textbf{%s}" % body
            out.append(r"%s{%s %s\par}" % (sp, al, body or r"\mbox{}"))
        return "".join(out)

    def width(col, span):
        return sum(G.columns[col:col + span]) - 2 * pad - 0.25

    rows = []
    covered = {}  # (row, col) -> (the spanning cell's span, first row)
    for ri, r in enumerate(G.rows):
        for c in r["cells"]:
            for dr in range(1, c.rowspan):
                covered[(ri + dr, c.col)] = c
    heights = [r["height"] for r in G.rows]
    nhead = sum(1 for r in G.rows if r["header"]) if style.get("repeat", True) else 0
    for ri, r in enumerate(G.rows):
        cells = {c.col: c for c in r["cells"]}
        parts, col = [], 0
        while col < ncols:
            lb = "|" if col == 0 else ""
            if (ri, col) in covered:
                c = covered[(ri, col)]
                parts.append(r"\multicolumn{%d}{%sm{%.2fmm}|}{}" % (c.span, lb, width(col, c.span)))
                col += c.span
                continue
            c = cells.get(col)
            if c is None:
                parts.append(r"\multicolumn{1}{%sm{%.2fmm}|}{}" % (lb, width(col, 1)))
                col += 1
                continue
            body = paras_tex(c.paras)
            if c.rowspan > 1:  # set over the rows it spans: lowered by half the height of the rows below
                down = sum(heights[ri + 1:ri + c.rowspan]) / 2
                body = r"\sbox\rsbox{\parbox[c]{%.2fmm}{%s}}\raisebox{-%.2fmm}[0pt][0pt]{\usebox\rsbox}" % (width(col, c.span), body, down)
            parts.append(r"\multicolumn{%d}{%sm{%.2fmm}|}{%s}" % (c.span, lb, width(col, c.span), body))
            col += c.span
        parts.append(r"\rule{0pt}{%.1fmm}" % r["height"])
        cont = sorted({k[1] + d for k, c in covered.items() if k[0] == ri + 1 for d in range(c.span)})
        if not cont:
            rule = r"\hline"
        else:
            runs_, start = [], None
            for cc in range(ncols + 1):
                if cc < ncols and cc not in cont:
                    start = cc if start is None else start
                elif start is not None:
                    runs_.append(r"\cline{%d-%d}" % (start + 1, cc))
                    start = None
            rule = "".join(runs_)
        rows.append(" & ".join(parts) + r" \\" + rule)
        if nhead and ri == nhead - 1:
            rows.append(r"\endhead")
    m = style["margins"]
    geometry = "a4paper,%stop=%smm,right=%smm,bottom=%smm,left=%smm" % ("landscape," if G.landscape else "", m[0], m[1], m[2], m[3])
    doc = r"""\documentclass[fontset=fandol,zihao=5]{ctexart}
\usepackage[%s]{geometry}
\usepackage{array,longtable}
\newfontfamily\djv{DejaVu Sans}
\newsavebox\rsbox
\newcommand{\unc}{{\djv ☐}}
\newcommand{\ckd}{{\djv\makebox[0pt][l]{☐}\hspace{0.1em}✔}}
\pagestyle{empty}
\setlength{\tabcolsep}{%.2fmm}
\setlength{\LTleft}{0pt}\setlength{\LTpre}{1mm}\setlength{\LTpost}{0pt}
\setlength{\arrayrulewidth}{0.5pt}
\setlength{\parindent}{0pt}
\hypersetup{hidelinks}
\begin{document}
{\centering\heiti\zihao{3}\textbf{%s}\par}
\vspace{4mm}
%s
\begin{longtable}{|%s@{}m{0pt}@{}}
\hline
%s
\end{longtable}
%s
\end{document}
""" % (geometry, pad, tex_escape(G.title), paras_tex(G.header), "".join("m{%.2fmm}|" % width(i, 1) for i in range(ncols)), "\n".join(rows),
       paras_tex(G.footer))
    if widget_tex is not None:  # heldout7: hyperref's fields in a Form; the family's CJK font (no fontset), the title in it, bold
        doc = doc.replace(r"\documentclass[fontset=fandol,zihao=5]{ctexart}",
                          "\\documentclass[fontset=none,zihao=5]{ctexart}\n\\setCJKmainfont[BoldFont={%s Bold}]{%s}" % (style["font"], style["font"]))
        doc = doc.replace(r"{\centering\heiti\zihao{3}", r"{\centering\zihao{3}")
        doc = doc.replace(r"\hypersetup{hidelinks}" + "\n", "\\usepackage{hyperref}\n\\hypersetup{hidelinks,pdftitle={%s}}\n" % G.title)
        doc = doc.replace("\\begin{document}\n", "\\begin{document}\n\\begin{Form}\n").replace("\\end{document}", "\\end{Form}\n\\end{document}")
    doc = doc.replace(r"\hypersetup{hidelinks}" + "\n", "")
    work = tempfile.mkdtemp(dir=TMP)
    stem = os.path.splitext(os.path.basename(pdf_path))[0]
    with open(os.path.join(work, stem + ".tex"), "w", encoding="utf-8") as f:
        f.write(doc)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1795161000", FORCE_SOURCE_DATE="1")
    for _ in range(2):
        run(["xelatex", "-interaction=nonstopmode", "-halt-on-error", stem + ".tex"], cwd=work, env=env, timeout=300)
    shutil.copyfile(os.path.join(work, stem + ".pdf"), pdf_path)


def wkhtml_pdf(G, style, pdf_path):
    """heldout6 (wkhtmltopdf): the form's HTML (form_html) printed by wkhtmltopdf 0.12.6 (Qt WebKit), the title in its own
    font, the margins as wkhtmltopdf's options."""
    html_text = form_html(G, style)
    if style.get("titlefont"):
        html_text = html_text.replace("</style>", 'h1 { font-family: "%s"; font-weight: normal; }</style>' % style["titlefont"], 1)
    html_text = re.sub(r"@page \{[^}]*\}", "", html_text, count=1)
    # its unpatched Qt prints a CSS mm as 0.77 mm (and ignores --zoom): CSS zoom puts it right
    html_text = html_text.replace("</style>", "body { zoom: 1.2987; }</style>", 1)
    src = os.path.join(TMP, os.path.basename(pdf_path) + ".html")
    with open(src, "w", encoding="utf-8") as f:
        f.write(html_text)
    m = style["margins"]
    run(["wkhtmltopdf", "--quiet", "--disable-smart-shrinking", "--enable-local-file-access", "-s", "A4",
         "-O", "Landscape" if G.landscape else "Portrait", "-T", "%smm" % m[0], "-R", "%smm" % m[1], "-B", "%smm" % m[2],
         "-L", "%smm" % m[3], "--title", G.title, src, pdf_path], timeout=180, env=env6())


class Lab(str):
    """heldout6 (labels merge): a label typed in the value's cell (单位名称：), for its font."""


def html_heldout6(style):
    """The heldout6 families' additions to the page's CSS ("" for the others): labels in their own font, values underlined
    (a blank one an empty line), the chosen option circled."""
    css = ""
    if style["program"] == "weasyprint" and style.get("split") == "heldout6":  # the fonts from their files (@font-face)
        css += '@font-face { font-family: "%s"; src: url("file://%s"); }\n' % (style["font"], FONT_FILES6[style["font"]][0])
        css += '@font-face { font-family: "%s"; src: url("file://%s/FandolHei-Bold.otf"); }\n' % (style["labelfont"], FANDOL)
        css += 'h1 { font-family: "%s"; font-weight: normal; }\n' % style["labelfont"]
    if style.get("labelfont"):
        css += 'table.grid td.label p, .lb { font-family: "%s"; font-weight: normal; }\n' % style["labelfont"]
    if style["labels"] == "merge":
        css += (".v { border-bottom: 0.6pt solid #000; padding: 0 0.8mm; }\n"
                ".v:empty { display: inline-block; min-width: 28mm; height: 1em; vertical-align: -0.15em; }\n")
    if style["mark"] == "circle":
        css += ".ring { border: 0.8pt solid #000; border-radius: 50%; padding: 0.3mm 2.2mm; margin: 0 0.6mm; }\n"
    return css


# The script's own grid (fpdf2, reportlab's canvas): runs wrapped a character at a time, rows sized to their cells,
# pages broken between groups of rows (header rows repeated), rules and text drawn, widgets placed.

class FpdfBE:
    """fpdf2: the page in mm from the top left; fonts embedded as subsets (OpenType CFF as CIDFontType0C)."""
    def __init__(self, style, landscape, title):
        from fpdf import FPDF
        self.pdf = FPDF(orientation="L" if landscape else "P", unit="mm", format="A4")
        self.pdf.set_auto_page_break(False)
        self.pdf.set_margins(0, 0, 0)
        self.pdf.set_creation_date(dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.timezone.utc))
        self.pdf.set_title(title)
        self.pdf.set_creator("fpdf2")
        for key, name in (("body", style["font"]), ("title", style.get("titlefont", style["font"]))):
            path, idx = FONT_FILES6[name]
            self.pdf.add_font(key, fname=path, **({} if idx is None else {"collection_font_number": idx}))
        self.size = None

    def page(self):
        self.pdf.add_page()

    def font(self, key, size):
        self.pdf.set_font(key, size=size)
        self.size = size

    def width(self, s):
        return self.pdf.get_string_width(s)

    def text(self, x, y, s):
        self.pdf.text(x, y, s)

    def line(self, x0, y0, x1, y1, lw):
        self.pdf.set_line_width(lw)
        self.pdf.line(x0, y0, x1, y1)

    def polyline(self, pts, lw):
        self.pdf.set_line_width(lw)
        self.pdf.polyline(pts)

    def widget(self, w, x, y, wd, ht):
        w.rect6 = (self.pdf.page_no() - 1, x, y, wd, ht)

    def save(self, path):
        self.pdf.output(path)


class RlCanvasBE:
    """reportlab's canvas (the page in pt from the bottom left: converted); widgets as reportlab AcroForm fields."""
    def __init__(self, style, landscape, title, path, namer):
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen import canvas
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        self.pm = pdfmetrics
        self.W, self.H = (A4[1], A4[0]) if landscape else A4
        self.c = canvas.Canvas(path, pagesize=(self.W, self.H), invariant=1)
        self.c.setTitle(title)
        self.c.setCreator("reportlab")
        path_, idx = FONT_FILES6[style["font"]]
        self.fname = "RF6" + re.sub(r"\W", "", style["font"])
        if self.fname not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(self.fname, path_, subfontIndex=idx or 0))
        self.started = False
        self.namer, self.style = namer, style
        self.k = 72 / 25.4

    def page(self):
        if self.started:
            self.c.showPage()
        self.started = True

    def font(self, key, size):
        self.c.setFont(self.fname, size)
        self.size = size

    def width(self, s):
        return self.pm.stringWidth(s, self.fname, self.size) / self.k

    def text(self, x, y, s):
        self.c.drawString(x * self.k, self.H - y * self.k, s)

    def line(self, x0, y0, x1, y1, lw):
        self.c.setLineWidth(lw * self.k)
        self.c.line(x0 * self.k, self.H - y0 * self.k, x1 * self.k, self.H - y1 * self.k)

    def polyline(self, pts, lw):
        for a, b in zip(pts, pts[1:]):
            self.line(a[0], a[1], b[0], b[1], lw)

    def widget(self, w, x, y, wd, ht):
        from reportlab.lib.colors import Color, black
        k = self.k
        name, tip = self.namer(w)
        border = dict(borderWidth=0.6, borderColor=Color(0.35, 0.35, 0.35), fillColor=Color(0.93, 0.95, 1.0), forceBorder=True) \
            if self.style["border"] else dict(borderWidth=0, fillColor=None)
        if w.kind == "check":
            self.c.acroForm.checkbox(name=name, tooltip=tip, x=x * k, y=self.H - (y + ht) * k, size=ht * k, buttonStyle="check",
                                     textColor=black, checked=False, **border)
        elif w.kind == "radio":
            self.c.acroForm.radio(name=name, tooltip=tip, value=w.export6, selected=False, x=x * k, y=self.H - (y + ht) * k,
                                  size=ht * k, buttonStyle="check", shape="square", textColor=black, **border)
        else:
            self.c.acroForm.textfield(name=name, tooltip=tip, x=x * k, y=self.H - (y + ht) * k, width=wd * k, height=ht * k,
                                      fontName="Helvetica", fontSize=0 if w.lines > 1 else 9, textColor=black, value="",
                                      fieldFlags="multiline" if w.lines > 1 else "", **border)

    def save(self, path):
        self.c.showPage()
        self.c.save()


def paint_grid(G, style, be):
    """Lays the grid out and draws it with be (FpdfBE, RlCanvasBE): title, header lines, the table, footer lines."""
    size = style["size"]
    lead = size * 0.3528 * 1.45
    pad, vpad = style["pad"], 1.0
    pw, ph = (297, 210) if G.landscape else (210, 297)
    mt, mr, mb, ml = style["margins"]
    tw = sum(G.columns)
    be.font("body", size)
    box = 3.2  # a tick's box, a check box (mm)

    def wrap(p, avail):
        lines, x = [[]], 0.0

        def put(atom, w):
            nonlocal x
            if x + w > avail + 0.01 and lines[-1]:
                lines.append([])
                x = 0.0
            lines[-1].append((atom, x, w))
            x += w
        for r in p.runs:
            if isinstance(r, Widget):
                if r.kind in ("check", "radio"):
                    put(("w", r), box + 1.0)
                else:
                    want = min(r.width or avail, avail)
                    if lines[-1] and avail - x < min(want, 20):
                        lines.append([])
                        x = 0.0
                    put(("w", r), max(3.0, min(want, avail - x)))
                    for _ in range(1, r.lines):
                        lines.append([])
                        x = 0.0
            elif isinstance(r, Tick):
                put(("tick", r.checked), box + 1.2)
            elif isinstance(r, Boxed):  # heldout7: a character to a printed box, the boxes as wide as the cell allows
                cw = min(size * 0.3528 * 1.3, (avail - 0.4) / r.n)
                put(("boxes", str(r), cw), cw * r.n)
            else:
                for ch in r:
                    if ch == "\n":
                        lines.append([])
                        x = 0.0
                        continue
                    put(("c", ch, isinstance(r, Val)), be.width(ch))
        return lines

    def layout(paras, avail):
        out, h = [], 0.0
        for p in paras:
            ls = wrap(p, avail)
            out.append((p, ls))
            h += p.space + len(ls) * lead
        return out, h

    def draw_lines(laid, x, y, avail):
        for p, ls in laid:
            y += p.space
            for ln in ls:
                wd = (ln[-1][1] + ln[-1][2]) if ln else 0
                off = {"center": (avail - wd) / 2, "right": avail - wd}.get(p.align, 0)
                base = y + (lead - size * 0.3528) / 2 + size * 0.3528 * 0.86
                s, sx, under = "", None, []
                for atom, ax, aw in ln + [(("end",), 0, 0)]:
                    if atom[0] == "c":
                        if sx is None:
                            sx = x + off + ax
                        s += atom[1]
                        if atom[2] and atom[1].strip():
                            under.append((x + off + ax, x + off + ax + aw))
                        continue
                    if s:
                        be.text(sx, base, s)
                    s, sx = "", None
                    if atom[0] == "tick":
                        bx, by = x + off + ax + 0.4, base - box + 0.35
                        be.line(bx, by, bx + box, by, 0.18)
                        be.line(bx + box, by, bx + box, by + box, 0.18)
                        be.line(bx + box, by + box, bx, by + box, 0.18)
                        be.line(bx, by + box, bx, by, 0.18)
                        if atom[1] and style["mark"] == "cross":  # heldout7: a cross drawn in the box
                            be.line(bx + 0.55, by + 0.55, bx + box - 0.55, by + box - 0.55, 0.35)
                            be.line(bx + box - 0.55, by + 0.55, bx + 0.55, by + box - 0.55, 0.35)
                        elif atom[1] and style["mark"] == "image":  # heldout7: a picture of a tick pasted over the box
                            be.tick_image(bx, by, box)
                        elif atom[1]:  # a pen's tick, past the box
                            be.polyline([(bx + 0.5, by + 1.6), (bx + 1.1, by + 2.3), (bx + 1.45, by + 2.95), (bx + 2.3, by + 1.2),
                                         (bx + 3.4, by - 0.5), (bx + 4.0, by - 1.1)], 0.42)
                    elif atom[0] == "boxes":  # heldout7: the boxes, a character centred in each
                        txt, cw = atom[1], atom[2]
                        bx, bh = x + off + ax, size * 0.3528 * 1.45
                        by = base - size * 0.3528 * 1.08
                        be.line(bx, by, bx + cw * Boxed.n, by, 0.2)
                        be.line(bx, by + bh, bx + cw * Boxed.n, by + bh, 0.2)
                        for k in range(Boxed.n + 1):
                            be.line(bx + k * cw, by, bx + k * cw, by + bh, 0.2)
                        for k, ch in enumerate(txt[:Boxed.n]):
                            be.text(bx + k * cw + (cw - be.width(ch)) / 2, base, ch)
                    elif atom[0] == "w":
                        w = atom[1]
                        if w.kind in ("check", "radio"):
                            bx, by = x + off + ax + 0.4, base - box + 0.35
                            if isinstance(be, FpdfBE):  # a blank form: the box printed, the field over it
                                for a, b, c2, d in ((bx, by, bx + box, by), (bx + box, by, bx + box, by + box),
                                                    (bx + box, by + box, bx, by + box), (bx, by + box, bx, by)):
                                    be.line(a, b, c2, d, 0.18)
                            be.widget(w, bx, by, box, box)
                        else:
                            be.widget(w, x + off + ax, y + 0.3, aw, lead * max(1, w.lines) - 0.6)
                if style.get("underline") and under:  # values underlined, a line per run of value characters
                    segs = [list(under[0])]
                    for a, b in under[1:]:
                        if a - segs[-1][1] < 1.5:
                            segs[-1][1] = b
                        else:
                            segs.append([a, b])
                    for a, b in segs:
                        be.line(a - 0.3, base + 0.9, b + 0.3, base + 0.9, 0.15)
                y += lead

    # rows: cells laid out, heights
    cells = []
    heights = [r["height"] for r in G.rows]
    for ri, r in enumerate(G.rows):
        for c in r["cells"]:
            w = sum(G.columns[c.col:c.col + c.span])
            laid, h = layout(c.paras, w - 2 * pad)
            cells.append((ri, c, laid, h + 2 * vpad))
            if c.rowspan == 1:
                heights[ri] = max(heights[ri], h + 2 * vpad)
    for ri, c, laid, h in cells:
        if c.rowspan > 1:
            have = sum(heights[ri:ri + c.rowspan])
            if h > have:
                heights[ri + c.rowspan - 1] += h - have
    # groups of rows joined by cells spanning rows
    groups, ri = [], 0
    while ri < len(G.rows):
        end = ri + 1
        k = ri
        while k < end:
            for c in G.rows[k]["cells"]:
                end = max(end, k + c.rowspan)
            k += 1
        groups.append(list(range(ri, end)))
        ri = end
    head = [i for i, r in enumerate(G.rows) if r["header"]] if style.get("repeat", True) else []
    xs = [ml]
    for w in G.columns:
        xs.append(xs[-1] + w)

    def draw_rows(rows, y):
        ys = {}
        for i in rows:
            ys[i] = y
            y += heights[i]
        for ri, c, laid, h in cells:
            if ri not in ys:
                continue
            x0, x1 = xs[c.col], xs[c.col + c.span]
            y0 = ys[ri]
            H = sum(heights[ri:ri + c.rowspan])
            for a, b, cc, d in ((x0, y0, x1, y0), (x1, y0, x1, y0 + H), (x1, y0 + H, x0, y0 + H), (x0, y0 + H, x0, y0)):
                be.line(a, b, cc, d, 0.25)
            top = {"top": y0, "bottom": y0 + H - h}.get(c.valign, y0 + (H - h) / 2) + vpad
            draw_lines(laid, x0 + pad, top, x1 - x0 - 2 * pad)
        return y

    be.page()
    page_no = 0
    y = mt
    be.font("title", size + 7)
    tws = be.width(G.title)
    be.text(ml + (tw - tws) / 2, y + (size + 7) * 0.3528, G.title)
    be.font("body", size)
    y += (size + 7) * 0.3528 + 6
    laid, h = layout(G.header, tw)
    draw_lines(laid, ml, y, tw)
    y += h + 2
    for g in groups:
        gh = sum(heights[i] for i in g)
        if y + gh > ph - mb and page_no < 50:
            be.page()
            page_no += 1
            y = mt
            if head and g[0] not in head:
                y = draw_rows(head, y)
        y = draw_rows(g, y)
    laid, h = layout(G.footer, tw)
    if y + h > ph - mb:
        be.page()
        y = mt
    draw_lines(laid, ml, y + 1, tw)


def fpdf_pdf(G, style, pdf_path):
    """heldout6 (fpdf2): the grid drawn by the script with fpdf2."""
    be = FpdfBE(style, G.landscape, G.title)
    paint_grid(G, style, be)
    be.save(pdf_path)


PINYIN_FULL = {
    "unitName": "danweimingcheng", "uscc": "tongyishehuixinyongdaima", "address": "tongxundizhi",
    "legalRepName": "fadingdaibiaoren_xingming", "legalRepPhone": "fadingdaibiaoren_lianxidianhua",
    "legalRepIdNumber": "fadingdaibiaoren_shenfenzhenghaoma", "contactName": "jingbanrenyuan_xingming",
    "contactDepartment": "jingbanrenyuan_suozaibumen", "contactMobile": "jingbanrenyuan_shoujihaoma",
    "contactPhone": "jingbanrenyuan_lianxidianhua", "insuranceTypesOther": "canbaoxianzhong_qita_shuoming",
    "declarationDate": "danweishenming_riqi", "unitCode": "danweibianhao", "fillDate": "tianbiaoriqi", "changeDate": "biangengshijian",
    "remarks": "beizhu", "reportDate": "tianbaoriqi", "unitHead": "danweifuzeren", "preparer": "tianbiaoren",
}
PINYIN_FULL_FORM = {("ly-maternity-allowance", "unitName"): "tianbaodanwei", ("ly-maternity-allowance", "contactPhone"): "lianxidianhua",
                    ("lc-unit-change", "legalRepName"): "fadingdaibiaoren_xingming", ("lc-unit-change", "legalRepPhone"): "fadingdaibiaoren_lianxifangshi",
                    ("lc-unit-change", "contactName"): "jiaofeidanweijingbanren_xingming",
                    ("lc-unit-change", "contactDepartment"): "jiaofeidanweijingbanren_suozaibumen",
                    ("lc-unit-change", "contactPhone"): "jiaofeidanweijingbanren_lianxifangshi"}
PINYIN_CHANGE = {"unitName": "danweimingcheng", "address": "zhusuo", "unitType": "danweileixing", "affiliation": "lishuguanxi",
                 "supervisor": "zhuguanbumenhuozongjigou"}
PINYIN_OPTION = {"机关单位": "jiguandanwei", "参公事业单位": "cangongshiyedanwei", "公益一类事业单位": "gongyiyileishiyedanwei",
                 "公益二类事业单位": "gongyierleishiyedanwei", "监督管理类事业单位": "jianduguanlileishiyedanwei",
                 "生产经营活动事业单位": "shengchanjingyinghuodongshiyedanwei", "参公社会团体": "cangongshehuituanti",
                 "非参公社会团体": "feicangongshehuituanti", "企业": "qiye", "其他": "qita", "医疗保险": "yiliaobaoxian",
                 "生育保险": "shengyubaoxian", "补充医疗保险": "buchongyiliaobaoxian", "长期护理保险": "changqihulibaoxian"}
PINYIN_FULL_COLUMNS = {"name": "xingming", "gender": "xingbie", "idNumber": "shenfenzhenghao", "eventDate": "shengyushijian",
                       "eventMethod": "shengyufangshi", "birthCertificateNumber": "chushengyixuezhengmingbianhao", "parity": "taici",
                       "fetusCount": "taiershu", "hospitalName": "yiliaojigoumingcheng", "hospitalLevel": "yiyuandengji",
                       "paymentMethod": "fafangfangshi", "bankCardNumber": "yinhangkahao"}


def heldout6_name(w, form):
    """heldout6 (naming pinyinfull): the label's full pinyin (danweimingcheng, fadingdaibiaoren_xingming, a check box
    danweixingzhi_qiye, a table cell di1hang_shenfenzhenghao, the change form's columns yuandengjishixiang_zhusuo /
    biangengshixiang_zhusuo)."""
    m = re.match(r"employees\[(\d+)\]\.(\w+)$", w.key)
    if m:
        return "di%dhang_%s" % (int(m.group(1)) + 1, PINYIN_FULL_COLUMNS[m.group(2)])
    if w.kind == "check":
        return ("danweixingzhi_" if w.key == "unitType" else "canbaoxianzhong_") + PINYIN_OPTION[w.option]
    m = re.match(r"(\w+?)(Old|New)$", w.key)
    if m and m.group(1) in PINYIN_CHANGE:
        return ("yuandengjishixiang_" if m.group(2) == "Old" else "biangengshixiang_") + PINYIN_CHANGE[m.group(1)]
    return PINYIN_FULL_FORM.get((form, w.key), PINYIN_FULL[w.key])


def grid_widgets(G):
    """The widgets of a fillable grid in document order (header, table, footer), each with where it is: (grid row or
    'top'/'bottom', column)."""
    out = []
    for i, p in enumerate(G.header):
        out += [(r, ("top", 1)) for r in p.runs if isinstance(r, Widget)]
    for ri, r in enumerate(G.rows):
        for c in r["cells"]:
            for p in c.paras:
                out += [(x, (ri + 1, c.col + 1)) for x in p.runs if isinstance(x, Widget)]
    for p in G.footer:
        out += [(r, ("bottom", 1)) for r in p.runs if isinstance(r, Widget)]
    return out


def reportlab_form(G, style, case, path):
    """heldout6 (reportlab-form): the grid drawn on reportlab's canvas with reportlab's AcroForm fields (f1, f2... in
    document order, tooltips group + label (+ option), 单位性质 a radio group whose export values are the options' pinyin);
    then filled by pikepdf: /V set, the filled text fields' appearance streams removed, check boxes' on-state renamed
    /On, /NeedAppearances true. Returns (widgets by name, names, number of text values set)."""
    import pikepdf
    widgets, radio = {}, {}
    counter = [0]
    for w, _ in grid_widgets(G):
        if w.kind == "radio":
            w.export6 = PINYIN_OPTION[w.option]

    def namer(w):
        tip = ((w.group.replace("\n", "") + " ") if w.group else "") + w.label.replace("\n", "") + (("：" + w.option) if w.option else "")
        if w.kind == "radio":
            if w.key not in radio:
                counter[0] += 1
                name = radio[w.key] = "f%d" % counter[0]
                g = widgets[name] = Widget(w.key, "radio-group", "", w.label, w.group, options=[])
                g.exports = {}
            name = radio[w.key]
            g = widgets[name]
            g.options.append(w.option)
            g.exports[w.export6] = w.option
            if w.value:
                g.value = w.option
            return name, w.label.replace("\n", "")
        counter[0] += 1
        name = "f%d" % counter[0]
        widgets[name] = w
        return name, tip
    be = RlCanvasBE(style, G.landscape, G.title, path, namer)
    paint_grid(G, style, be)
    be.save(path)
    pdf = pikepdf.open(path, allow_overwriting_input=True)
    n = 0
    for fld in pdf.Root.AcroForm.Fields:
        name = str(fld.T)
        w = widgets[name]
        if w.kind == "radio-group":
            want = "/" + [e for e, o in w.exports.items() if o == w.value][0] if w.value else "/Off"
            for kid in fld.Kids:
                st = [k for k in kid.AP.N.keys() if k != "/Off"][0]
                kid.AS = pikepdf.Name(st if st == want else "/Off")
            fld.V = pikepdf.Name(want)
        elif w.kind == "check":
            for ap in ("/N", "/D"):
                d = fld.AP.get(ap)
                if d is not None:
                    on = [k for k in d.keys() if k != "/Off"][0]
                    d["/On"] = d[on]
                    del d[on]
            if "/MK" in fld:
                fld.MK.CA = pikepdf.String("4")
            fld.V = fld.AS = pikepdf.Name("/On" if w.value else "/Off")
        elif w.value:
            fld.V = pikepdf.String(w.value)
            if "/AP" in fld:
                del fld["/AP"]
            n += 1
    pdf.Root.AcroForm.NeedAppearances = True
    pdf.save(path, deterministic_id=True)
    return widgets, {k: k for k in widgets}, n


def pymupdf_widgets_form(G, style, case, path):
    """heldout6 (pymupdf-widgets): a blank form drawn with fpdf2 (the script's grid), then PyMuPDF adds a field over each
    blank (Page.add_widget) named by where it is: p<page>_r<grid row>_c<column> (_2, _3... in a cell of several; the
    header and footer lines p1_top_N, pN_bottom_N), fills it (its appearance streams: CJK in its Droid Sans Fallback,
    subset) and saves it. Returns (widgets by name, names, number of text values set)."""
    import pymupdf
    be = FpdfBE(style, G.landscape, G.title)
    paint_grid(G, style, be)
    blank = path + ".blank"
    be.save(blank)
    doc = pymupdf.open(blank)
    widgets, used, n = {}, {}, 0
    k = 72 / 25.4
    for w, (row, col) in grid_widgets(G):
        pg, x, y, wd, ht = w.rect6
        base = "p%d_%s" % (pg + 1, ("r%d_c%d" % (row, col)) if isinstance(row, int) else row)
        used[base] = used.get(base, 0) + 1
        name = base if used[base] == 1 and isinstance(row, int) else "%s_%d" % (base, used[base])
        pw = pymupdf.Widget()
        pw.rect = pymupdf.Rect(x * k, y * k, (x + wd) * k, (y + ht) * k)
        pw.field_name = name
        if w.kind == "check":
            pw.field_type = pymupdf.PDF_WIDGET_TYPE_CHECKBOX
            pw.field_value = bool(w.value)
        else:
            pw.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT
            pw.text_font = "china-s"
            pw.text_fontsize = min(9.0, ht * k * 0.62)
            if w.lines > 1:
                pw.field_flags |= pymupdf.PDF_TX_FIELD_IS_MULTILINE
            if w.value:
                pw.field_value = w.value
                n += 1
        doc[pg].add_widget(pw)
        widgets[name] = w
    doc.set_metadata({"title": G.title, "creator": "fpdf2", "producer": "PyMuPDF %s" % pymupdf.VersionBind,
                      "creationDate": "D:20261120093000Z", "modDate": "D:20261120093000Z"})
    doc.subset_fonts()
    doc.save(path, garbage=3, deflate=True, no_new_id=True)
    doc.close()
    os.remove(blank)
    return widgets, {k_: k_ for k_ in widgets}, n


def scan_pdf_heldout6(src, dst, params, seal_name, rng):
    """heldout6: scan_pdf_heldout5's print, seal and signature, then one effect (params["effect"]): edge (the page off
    the glass: a dark band along one edge), streaks (toner streaks: thin dark lines and a faint band down the page),
    stamp (a rectangular 复印件与原件一致 stamp in red or blue across values), lowres (scanned at a low resolution and
    scaled up to the stored one); grey, JPEG, img2pdf."""
    import img2pdf
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter, ImageFont
    dpi, angle, sigma, blur, q, effect = (params[k] for k in ("dpi", "angle", "noise", "blur", "jpeg", "effect"))
    boxes = fx.word_boxes(src)
    seal_at = fx.find_word(boxes, fx.SEAL_WORDS) if params["seal"] else None
    sign_at = fx.find_word(boxes, SIGN_WORDS, prefer_last=True) if params["signature"] else None
    stamp_at = None
    if effect == "stamp":  # over the first value of the form: a word after a label
        words = [(pi, w) for pi, ws in enumerate(boxes) for w in ws if re.search(r"\d{6,}|有限|公司", w[0])]
        if words:
            pi, w = words[min(len(words) - 1, rng.randrange(3))]
            stamp_at = (pi, w[1], w[2], w[3], w[4])
    work = tempfile.mkdtemp(dir=TMP)
    rdpi = params.get("from_dpi") or dpi
    run(["pdftoppm", "-r", str(rdpi), "-png", src, os.path.join(work, "p")])
    pngs = sorted(f for f in os.listdir(work) if f.endswith(".png"))
    px = rdpi / 72.0
    out = []
    for pi, name in enumerate(pngs):
        page = Image.open(os.path.join(work, name)).convert("RGB")
        if seal_at and seal_at[0] == pi:
            _, x0, y0, x1, y1, _k = seal_at
            S = int(40 / 25.4 * rdpi)
            full = Image.new("L", page.size, 0)
            full.paste(fx.draw_seal(S, seal_name), (int((x0 + x1) / 2 * px + rng.uniform(-0.2, 0.3) * S - S / 2),
                                                    int((y0 + y1) / 2 * px + rng.uniform(-0.1, 0.25) * S - S / 2)))
            page = fx.darken(page, full, (205, 32, 42))
        if sign_at and sign_at[0] == pi:
            _, x0, y0, x1, y1, _k = sign_at
            w, h = int(26 / 25.4 * rdpi), int(10 / 25.4 * rdpi)
            full = Image.new("L", page.size, 0)
            full.paste(fx.draw_signature(w, h, rng, max(2, rdpi // 75)), (int(x1 * px + rng.uniform(8, 40) * px), int((y0 + y1) / 2 * px - h / 2)))
            page = fx.darken(page, full, (30, 30, 30), 0.95)
        if stamp_at and stamp_at[0] == pi:  # a rectangular stamp, its frame and words over the value
            _, x0, y0, x1, y1 = stamp_at
            sw, sh = int(44 / 25.4 * rdpi), int(13 / 25.4 * rdpi)
            st = Image.new("L", (sw, sh), 0)
            d = ImageDraw.Draw(st)
            lw = max(2, rdpi // 60)
            d.rectangle([lw, lw, sw - lw, sh - lw], outline=255, width=lw)
            font = ImageFont.truetype(fx.SEAL_FONT[0], int(sh * 0.36), index=fx.SEAL_FONT[1])
            d.text((sw / 2, sh / 2), "复印件与原件一致", fill=255, font=font, anchor="mm")
            st = st.rotate(rng.uniform(-8, 8), resample=Image.BICUBIC, expand=True)
            full = Image.new("L", page.size, 0)
            full.paste(st, (int(((x0 + x1) / 2) * px - st.width / 2 + rng.uniform(-0.15, 0.15) * sw),
                            int((y0 + y1) / 2 * px - st.height / 2 + rng.uniform(0.2, 0.4) * sh)))  # across the value's lower half
            page = fx.darken(page, full, rng.choice([(200, 40, 50), (40, 60, 170)]), 0.5)
        if rdpi != dpi:  # lowres: scaled up to the stored resolution
            page = page.resize((int(page.width * dpi / rdpi), int(page.height * dpi / rdpi)), Image.BICUBIC)
        W, H = page.size
        arr = np.asarray(page).astype(float) * 0.96 + 6
        page = Image.fromarray(arr.clip(0, 255).astype("uint8"))
        dx, dy = rng.randint(-12, 12) * dpi // 200, rng.randint(-10, 14) * dpi // 200
        page = page.rotate(angle, resample=Image.BICUBIC, translate=(dx, dy), fillcolor=(246, 245, 241)).convert("L")
        arr = np.asarray(page).astype(float)
        if effect == "edge":  # the lid not closed on that side: a dark band fading into the page
            side = params["side"]
            n = W if side in ("left", "right") else H
            t = np.arange(n, dtype=float)
            band = rng.uniform(0.03, 0.05) * n
            prof = np.where(t < band, 1.0, np.exp(-(t - band) / (0.006 * n)))
            prof = prof[::-1] if side in ("right", "bottom") else prof
            dark = 200 * prof
            arr = arr - (dark[None, :] if side in ("left", "right") else dark[:, None])
        elif effect == "streaks":  # toner: thin dark lines and a faint band down the page
            for _ in range(rng.randint(2, 3)):
                x = rng.randrange(int(W * 0.05), int(W * 0.95))
                wpx = max(1, dpi // 150)
                arr[:, x:x + wpx] -= rng.uniform(70, 120)
            x = rng.randrange(int(W * 0.1), int(W * 0.9))
            arr[:, x:x + int(W * 0.02)] -= 18
        arr = arr + np.random.default_rng(rng.randrange(2 ** 32)).normal(0, sigma, arr.shape)
        page = Image.fromarray(arr.clip(0, 255).astype("uint8")).filter(ImageFilter.GaussianBlur(blur))
        jpg = os.path.join(work, "page-%d.jpg" % pi)
        page.save(jpg, "JPEG", quality=q, dpi=(dpi, dpi), optimize=True)
        out.append(jpg)
    stamp = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.timezone.utc)
    with open(dst, "wb") as f:
        f.write(img2pdf.convert(out, layout_fun=img2pdf.get_fixed_dpi_layout_fun((dpi, dpi)), creationdate=stamp, moddate=stamp))
    return len(out), seal_at, sign_at, stamp_at


# --------------------------------------------------------------------------------------------
# heldout7: Typst, PostScript distilled by Ghostscript, SVG rendered by librsvg (cairo), Chromium laying out a CSS grid,
# an ODT written by odfpy (LibreOffice), form fields made by WeasyPrint (HTML inputs) and by LaTeX (hyperref), a
# LibreOffice form renamed in raw UTF-8; and its scans (a phone photo, staples and punched holes, a note in the margin,
# yellowed paper with a halftone)

CNS = "/usr/share/fonts/truetype/cns11643/"  # fonts-cns11643-sung, fonts-cns11643-kai
FONT_FILES7 = {  # the script's grid drawn as PostScript or SVG: the widths; Ghostscript: the TrueType font it substitutes
    "TW-Sung": (CNS + "TW-Sung-98_1.ttf", 0), "TW-Kai": (CNS + "TW-Kai-98_1.ttf", 0),
    "BabelStone Han": ("/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf", 0),
    "SetoFont": ("/usr/share/fonts/truetype/seto/setofont.ttf", 0),
}
# 表号: the form's number printed in the page's header (ty-a, od-a)
FORM_NO = {"lc-unit-enrollment": "聊医保单01表", "lc-unit-change": "聊医保单02表", "ly-maternity-allowance": "临医保待05表"}
SOURCE_DATE_EPOCH = "1795161000"  # 2026-11-20 07:50 UTC: Typst's, cairo's and Ghostscript's dates


class Boxed(str):
    """heldout7 (digitboxes): a 统一社会信用代码 or 身份证号码 written a character to a printed box (格子); n boxes."""
    n = 18


class FontMetrics:
    """Advance widths of a TrueType font (fontTools), for the script's own grid drawn as PostScript or SVG."""
    def __init__(self, path, idx=0):
        from fontTools.ttLib import TTFont
        f = TTFont(path, fontNumber=idx, lazy=True)
        self.cmap, self.hmtx, self.upm = f.getBestCmap(), f["hmtx"], f["head"].unitsPerEm
        self.cache = {}

    def width(self, s, size):  # mm at size pt
        tot = 0.0
        for ch in s:
            w = self.cache.get(ch)
            if w is None:
                g = self.cmap.get(ord(ch))
                w = self.cache[ch] = self.hmtx[g][0] / self.upm if g else 1.0
            tot += w
        return tot * size * 25.4 / 72


class PsBE:
    """heldout7 (ghostscript): the pages as PostScript, as a printer driver writes them: the CJK font called by name as a
    CID-keyed font with the UniGB-UCS2-H CMap (text shown as UCS-2 hex strings), rules stroked; ps2pdf's pdfwrite makes
    the PDF, Ghostscript substituting a TrueType font for the CIDFont (a cidfmap)."""
    def __init__(self, style, landscape, title):
        path, idx = FONT_FILES7[style["font"]]
        self.path, self.metrics = path, FontMetrics(path, idx)
        self.W, self.H = (841.89, 595.28) if landscape else (595.28, 841.89)
        self.k = 72 / 25.4
        self.pages, self.cur, self.size, self.set = [], None, None, None
        self.title = title

    def page(self):
        self.cur = []
        self.pages.append(self.cur)
        self.set = None

    def font(self, key, size):
        self.size = size

    def width(self, s):
        return self.metrics.width(s, self.size)

    def text(self, x, y, s):
        if self.set != self.size:
            self.cur.append("CJK %.2f scalefont setfont" % self.size)
            self.set = self.size
        self.cur.append("%.2f %.2f moveto <%s> show" % (x * self.k, self.H - y * self.k, "".join("%04X" % ord(c) for c in s)))

    def line(self, x0, y0, x1, y1, lw):
        self.cur.append("%.3f setlinewidth %.2f %.2f moveto %.2f %.2f lineto stroke" % (
            lw * self.k, x0 * self.k, self.H - y0 * self.k, x1 * self.k, self.H - y1 * self.k))

    def polyline(self, pts, lw):
        path = " ".join("%.2f %.2f %s" % (x * self.k, self.H - y * self.k, "moveto" if i == 0 else "lineto") for i, (x, y) in enumerate(pts))
        self.cur.append("%.3f setlinewidth 1 setlinejoin 1 setlinecap %s stroke 0 setlinejoin 0 setlinecap" % (lw * self.k, path))

    def save(self, path):
        work = tempfile.mkdtemp(dir=TMP)
        with open(os.path.join(work, "cidfmap"), "w") as f:  # the CIDFont the PostScript names, from a TrueType font
            f.write("/PrinterSong << /FileType /TrueType /Path (%s) /SubfontID 0 /CSI [(GB1) 4] >> ;\n" % gb2312_font(self.path))
        title = "".join("%04X" % ord(c) for c in self.title)
        out = ["%!PS-Adobe-3.0", "%%%%Title: (%s)" % "form", "%%Creator: make_layouts.py", "%%%%Pages: %d" % len(self.pages),
               "%%%%BoundingBox: 0 0 %d %d" % (round(self.W), round(self.H)), "%%EndComments", "%%BeginProlog",
               "/CJK /PrinterSong-UniGB-UCS2-H findfont def", "%%EndProlog", "%%BeginSetup",
               "[ /Title <FEFF%s> /Creator (PostScript printer driver) /DOCINFO pdfmark" % title, "%%EndSetup"]
        for i, p in enumerate(self.pages):
            out += ["%%%%Page: %d %d" % (i + 1, i + 1), "<< /PageSize [%.2f %.2f] >> setpagedevice" % (self.W, self.H), "0 setgray"]
            out += p
            out.append("showpage")
        out += ["%%Trailer", "%%EOF", ""]
        src = os.path.join(work, "form.ps")
        with open(src, "w", encoding="ascii") as f:
            f.write("\n".join(out))
        run(["gs", "-q", "-dSAFER", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", "-dCompatibilityLevel=1.4", "-I" + work,
             "-sOutputFile=" + path, src], timeout=300, env=dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH))


def gb2312_font(path):
    """heldout7 (ghostscript): the TrueType font restricted to GB 2312's characters and ASCII (fontTools' subsetter, glyphs
    renumbered), made once a run in TMP, as a printer's resident font: Ghostscript embeds its loca and hmtx tables whole,
    160 KB for the 65,000 glyphs of TW-Sung."""
    out = os.path.join(TMP, "gb2312-" + os.path.basename(path))
    if os.path.exists(out):
        return out
    from fontTools import subset
    from fontTools.ttLib import TTFont
    chars = set(range(0x20, 0x7F))
    for b1 in range(0xA1, 0xF8):
        for b2 in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([b1, b2]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    f = TTFont(path, recalcTimestamp=False)  # (its head's dates kept: the same file on every run)
    opts = subset.Options()
    opts.name_IDs, opts.name_languages, opts.notdef_outline, opts.layout_features = ["*"], ["*"], True, []
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=chars)
    sub.subset(f)
    f.save(out)
    return out


def tick_png():
    """heldout7 (mark image): a tick as a picture pasted into the form (a stroke of a pen, dark blue, transparent around)."""
    import io
    from PIL import Image, ImageDraw
    S = 96
    img = Image.new("RGBA", (S * 4, S * 4), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    pts = [(0.08, 0.52), (0.18, 0.60), (0.30, 0.76), (0.38, 0.90), (0.50, 0.66), (0.68, 0.36), (0.84, 0.16), (0.96, 0.04)]
    d.line([(x * S * 4, y * S * 4) for x, y in pts], fill=(22, 30, 70, 255), width=S * 4 // 9, joint="curve")
    img = img.resize((S, S), Image.LANCZOS)
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True)
    return buf.getvalue()


class SvgBE(PsBE):
    """heldout7 (librsvg): the pages as SVG (mm, text as <text> runs in the family's font), rendered by rsvg-convert (librsvg,
    cairo: fonts subset, CID TrueType); ticks pasted as a PNG picture; a QR code in the top right corner of the first page."""
    def __init__(self, style, landscape, title):
        PsBE.__init__(self, style, landscape, title)
        self.family = style["font"]
        self.pw, self.ph = (297, 210) if landscape else (210, 297)

    def text(self, x, y, s):
        self.cur.append('<text x="%.2f" y="%.2f" font-size="%.3f">%s</text>' % (x, y, self.size * 25.4 / 72, xesc(s)))

    def line(self, x0, y0, x1, y1, lw):
        self.cur.append('<line x1="%.2f" y1="%.2f" x2="%.2f" y2="%.2f" stroke-width="%.3f"/>' % (x0, y0, x1, y1, lw))

    def polyline(self, pts, lw):
        self.cur.append('<polyline points="%s" fill="none" stroke-width="%.3f" stroke-linejoin="round" stroke-linecap="round"/>' % (
            " ".join("%.2f,%.2f" % p for p in pts), lw))

    def tick_image(self, x, y, box):
        import base64
        self.cur.append('<image x="%.2f" y="%.2f" width="%.2f" height="%.2f" href="data:image/png;base64,%s"/>' % (
            x - 0.3, y - 1.0, box + 1.2, box + 1.2, base64.b64encode(tick_png()).decode()))

    def qr(self, data, x, y, size):
        import segno
        m = segno.make(data, error="m").matrix
        n = len(m) + 8  # the quiet zone
        u = size / n
        rects = []
        for r, row in enumerate(m):
            c = 0
            while c < len(row):
                if row[c]:
                    e = c
                    while e < len(row) and row[e]:
                        e += 1
                    rects.append('<rect x="%.3f" y="%.3f" width="%.3f" height="%.3f"/>' % (x + (c + 4) * u, y + (r + 4) * u, (e - c) * u, u))
                    c = e
                else:
                    c += 1
        self.pages[0].append('<g fill="#000" stroke="none">%s</g>' % "".join(rects))

    def save(self, path):
        work = tempfile.mkdtemp(dir=TMP)
        files = []
        for i, p in enumerate(self.pages):
            f = os.path.join(work, "p%02d.svg" % (i + 1))
            with open(f, "w", encoding="utf-8") as fh:
                fh.write('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="%dmm" height="%dmm" '
                         'viewBox="0 0 %d %d"><title>%s</title><g font-family="%s" fill="#000" stroke="#000" stroke-linecap="butt" '
                         'xml:space="preserve">%s</g></svg>\n' % (self.pw, self.ph, self.pw, self.ph, xesc(self.title), self.family,
                                                                  "".join(x.replace("<text ", '<text stroke="none" ') for x in p)))
            files.append(f)
        run(["rsvg-convert", "-f", "pdf", "-o", path] + files, timeout=300, env=dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH))


def ghostscript_pdf(G, style, pdf_path):
    """heldout7 (ghostscript): the grid drawn by the script as PostScript (PsBE), distilled by Ghostscript."""
    be = PsBE(style, G.landscape, G.title)
    paint_grid(G, style, be)
    be.save(pdf_path)


def svg_pdf(G, style, pdf_path, case):
    """heldout7 (librsvg): the grid drawn by the script as SVG pages (SvgBE), a QR code in the first page's top right
    corner (the form's number and a serial, nothing of the values), rendered by rsvg-convert."""
    be = SvgBE(style, G.landscape, G.title)
    paint_grid(G, style, be)
    serial = int(hashlib.sha256(case["id"].encode()).hexdigest()[:8], 16) % 10 ** 8
    size = 17.0
    be.qr("https://ybj.example.gov.cn/bd?bh=%s&xh=%08d" % ("YB" + FORM_NO[G.form][-3:-1], serial),
          be.pw - style["margins"][1] - size + 2.5, max(2.0, style["margins"][0] - size - 1.0), size)
    be.save(pdf_path)


def typ_str(s):
    """A string as Typst code (#"..."), which Typst shows as it is: no markup, spaces kept."""
    return '#"%s"' % s.replace("\\", "\\\\").replace('"', '\\"')


def typst_pdf(G, style, pdf_path):
    """heldout7 (typst): the form as a Typst document: a table (columns of the grid's widths, cells placed by x/y with their
    spans, a zero-width column of struts holding each row to its height, the header rows repeated), the page's header
    with the form's number (表号), a watermark across the page behind the text, ticks √ typed over □ (Word's 带圈字符);
    compiled by Typst (the typst Python package) with its timestamp fixed."""
    import typst
    ncols = len(G.columns)

    def runs_typ(runs):
        out = []
        for r in runs:
            if isinstance(r, Tick):
                out.append("#ck(%s)" % ("true" if r.checked else "false"))
            else:
                out.append("#linebreak()".join(typ_str(x) if x else "" for x in r.split("\n")))
        return "".join(out)

    def paras_typ(paras):
        out = []
        for p in paras:
            body = runs_typ(p.runs)
            if p.bold:
                body = '#text(weight: "bold")[%s]' % body
            out.append('#block(above: %.1fmm, below: 0.6mm, width: 100%%, align(%s)[%s])' % (
                p.space, {"center": "center", "right": "right"}.get(p.align, "left"), body))
        return "".join(out)

    head_rows = [ri for ri, r in enumerate(G.rows) if r["header"]] if style.get("repeat", True) and any(r["data"] for r in G.rows) else []
    cells_h, cells_b = [], []
    for ri, r in enumerate(G.rows):
        dest = cells_h if ri in head_rows else cells_b
        for c in r["cells"]:
            dest.append('table.cell(x: %d, y: %d, colspan: %d, rowspan: %d, align: %s)[%s]' % (
                c.col, ri, c.span, c.rowspan, {"top": "top", "bottom": "bottom"}.get(c.valign, "horizon"), paras_typ(c.paras)))
        dest.append('table.cell(x: %d, y: %d, stroke: none, inset: 0pt)[#box(height: %.1fmm)]' % (ncols, ri, r["height"]))
    table = "#table(\n  columns: (%s, 0pt),\n  stroke: (x, y) => if x < %d { 0.5pt + black },\n" \
            "  inset: (x, y) => if x < %d { (x: %.1fmm, y: 0.9mm) } else { 0pt },\n  align: horizon,\n%s%s\n)" % (
                ", ".join("%.1fmm" % w for w in G.columns), ncols, ncols, style["pad"],
                "  table.header(repeat: true,\n    %s),\n" % ",\n    ".join(cells_h) if cells_h else "",
                "  " + ",\n  ".join(cells_b))
    m = style["margins"]
    doc = """#set document(title: %s)
#set page(paper: "a4", flipped: %s, margin: (top: %smm, right: %smm, bottom: %smm, left: %smm),
  header: align(right, text(size: 9pt)[%s]),
  background: rotate(-32deg, text(size: 44pt, fill: luma(226), tracking: 3pt)[%s]))
#set text(font: "%s", size: %spt, lang: "zh", region: "cn", top-edge: 0.9em, bottom-edge: -0.16em)
#set par(leading: 0.3em, justify: false)
#let ck(on) = box(width: 1em, height: 1em, baseline: 0.12em)[#place(center + horizon, text("□"))#if on { place(center + horizon, dy: -0.06em, text(size: 0.82em, "√")) }]
#align(center, text(size: %spt, weight: "bold")[%s])
#v(3mm)
%s
#v(1.5mm)
%s
%s
""" % ('"%s"' % G.title, "true" if G.landscape else "false", m[0], m[1], m[2], m[3], typ_str("表号：" + FORM_NO[G.form]),
       typ_str(style["watermark"]), style["font"], style["size"], style["size"] + 7, typ_str(G.title), paras_typ(G.header), table,
       paras_typ(G.footer))
    work = tempfile.mkdtemp(dir=TMP)
    src = os.path.join(work, "form.typ")
    with open(src, "w", encoding="utf-8") as f:
        f.write(doc)
    typst.compile(src, output=pdf_path, root=work, timestamp=int(SOURCE_DATE_EPOCH))


def grid_html(G, style):
    """heldout7 (cssgrid): the form as HTML with a CSS grid of <div> cells (no <table>): each cell placed by grid-column and
    grid-row with its spans, rows at least their height (minmax), rules as each cell's right and bottom borders; the
    registration forms printed twice, 第一联 and 第二联 (the second from a new page; the maternity table once, 第一联);
    unchosen options struck through (划去不适用的选项), no boxes."""
    ls = style["lspace"]

    def runs_html(runs):
        chosen = any(isinstance(r, Tick) and r.checked for r in runs)
        out, strike = [], False
        for r in runs:
            if isinstance(r, Tick):  # no box: what is not chosen is struck through (nothing struck when nothing is chosen)
                strike = chosen and not r.checked
            elif strike and r.strip():
                out.append('<span class="st">%s</span>' % html.escape(r))
                strike = False
            else:
                out.append(html.escape(r).replace("\n", "<br>"))
        return "".join(out)

    def paras_html(paras, label=False):
        return "".join("<p style='text-align:%s;%s%s'%s>%s</p>" % (
            p.align, "margin-top:%smm;" % p.space if p.space else "", "font-weight:bold;" if p.bold else "",
            " class='lab'" if label else "", runs_html(p.runs)) for p in paras)  # (no &nbsp;: TW-Sung draws U+00A0 as a symbol)

    css = """
@page { size: A4 %s; margin: %smm %smm %smm %smm; }
body { font-family: "%s"; font-size: %spt; color: #000; margin: 0; }
h1 { font-family: "%s"; font-weight: 900; font-size: %spt; text-align: center; margin: 0 0 5mm 0; }
.copy { text-align: right; font-size: 9pt; margin: 0 0 1mm 0; }
.grid { display: grid; width: %smm; grid-template-columns: %s; border-top: 0.6pt solid #000; border-left: 0.6pt solid #000; }
.grid > div { border-right: 0.6pt solid #000; border-bottom: 0.6pt solid #000; padding: 0.8mm %smm; display: flex; flex-direction: column;
  break-inside: avoid; overflow-wrap: anywhere; }
.grid p.lab { letter-spacing: %spt; }
.st { text-decoration: line-through; text-decoration-thickness: 0.8pt; }
p { margin: 0; line-height: 1.45; white-space: pre-wrap; }
.hdr, .ftr { margin: 0 0 2mm 0; }
.again { break-before: page; }
""" % ("landscape" if G.landscape else "portrait", style["margins"][0], style["margins"][1], style["margins"][2], style["margins"][3],
       style["font"], style["size"], style["titlefont"], style["size"] + 7, sum(G.columns), " ".join("%smm" % w for w in G.columns),
       style["pad"], ls)
    body = []
    copies = (("第一联", "单位留存"), ("第二联", "经办机构留存"))
    if G.form == "ly-maternity-allowance":  # a table of many rows is printed once (still marked 第一联)
        copies = copies[:1]
    for k, (copy, who) in enumerate(copies):
        part = ["<div class='copy'>%s　%s</div>" % (copy, who), "<h1>%s</h1>" % html.escape(G.title)]
        part += ["<p class='hdr' style='text-align:%s'>%s</p>" % (p.align, runs_html(p.runs)) for p in G.header]
        rows = " ".join("minmax(%.1fmm, auto)" % r["height"] for r in G.rows)
        part.append("<div class='grid' style='grid-template-rows: %s'>" % rows)
        for ri, r in enumerate(G.rows):
            for c in r["cells"]:
                part.append("<div style='grid-column: %d / span %d; grid-row: %d / span %d; justify-content: %s'>%s</div>" % (
                    c.col + 1, c.span, ri + 1, c.rowspan, {"top": "flex-start", "bottom": "flex-end"}.get(c.valign, "center"),
                    paras_html(c.paras, c.label)))
        part.append("</div>")
        part += ["<p class='ftr' style='text-align:%s;%s'>%s</p>" % (p.align, "margin-top:%smm;" % p.space if p.space else "",
                                                                    runs_html(p.runs)) for p in G.footer]
        body.append("<div%s>%s</div>" % (" class='again'" if k else "", "".join(part)))
    return ("<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>%s</title><style>%s</style></head><body>%s</body></html>"
            % (html.escape(G.title), css, "".join(body)))


def odt_pdf(G, style, pdf_path):
    """heldout7 (writer-odt): the form as an .odt written by odfpy and exported by LibreOffice Writer: a Writer table
    (column widths, rows at least their height, spans, covered cells, header rows repeated), labels and title in the
    family's font (bold), values in a second font (valfont), the chosen option framed by a character border (no boxes),
    the page's header with the form's number (表号) and its footer 第 N 页 共 M 页 (Writer's page number fields)."""
    from odf import teletype
    from odf.namespaces import FONS
    from odf.opendocument import OpenDocumentText
    from odf.style import (FontFace, Footer, FooterStyle, Header, HeaderFooterProperties, HeaderStyle, MasterPage, PageLayout,
                           PageLayoutProperties, ParagraphProperties, Style, TableCellProperties, TableColumnProperties, TableProperties,
                           TableRowProperties, TextProperties)
    from odf.table import CoveredTableCell, Table, TableCell, TableColumn, TableHeaderRows, TableRow
    from odf.text import P, PageCount, PageNumber, Span

    doc = OpenDocumentText()
    lab, valf, size = style["font"], style["valfont"], style["size"]
    for f in (lab, valf):
        doc.fontfacedecls.addElement(FontFace(name=f, fontfamily="'%s'" % f, fontpitch="variable"))
    std = Style(name="Standard", family="paragraph")
    std.addElement(ParagraphProperties(lineheight="115%"))
    std.addElement(TextProperties(fontname=lab, fontnameasian=lab, fontsize="%spt" % size, fontsizeasian="%spt" % size,
                                  fontweight="bold", fontweightasian="bold", language="zh", country="CN"))
    doc.styles.addElement(std)
    auto = doc.automaticstyles

    def add(st, *props):
        for p in props:
            st.addElement(p)
        auto.addElement(st)
        return st

    for name, al in (("PL", "start"), ("PC", "center"), ("PR", "end")):
        add(Style(name=name, family="paragraph", parentstylename="Standard"), ParagraphProperties(textalign=al))
    add(Style(name="Title", family="paragraph", parentstylename="Standard"), ParagraphProperties(textalign="center", marginbottom="4mm"),
        TextProperties(fontsize="%spt" % (size + 7), fontsizeasian="%spt" % (size + 7)))
    add(Style(name="HF", family="paragraph", parentstylename="Standard"), ParagraphProperties(textalign="end"),
        TextProperties(fontsize="9pt", fontsizeasian="9pt", fontweight="normal", fontweightasian="normal"))
    add(Style(name="FF", family="paragraph", parentstylename="Standard"), ParagraphProperties(textalign="center"),
        TextProperties(fontsize="9pt", fontsizeasian="9pt", fontweight="normal", fontweightasian="normal"))
    add(Style(name="V", family="text"), TextProperties(fontname=valf, fontnameasian=valf, fontweight="normal", fontweightasian="normal"))
    frame = TextProperties()  # a character border (fo:border on text properties: LibreOffice's, which odfpy's grammar lacks)
    frame.attributes[(FONS, "border")] = "0.6pt solid #000000"
    frame.attributes[(FONS, "padding")] = "0.3mm"
    add(Style(name="FR", family="text"), frame)
    add(Style(name="Tab", family="table"), TableProperties(width="%.1fmm" % sum(G.columns), align="left"))
    for i, w in enumerate(G.columns):
        add(Style(name="Col%d" % i, family="table-column"), TableColumnProperties(columnwidth="%.1fmm" % w))
    for i, r in enumerate(G.rows):
        add(Style(name="Row%d" % i, family="table-row"), TableRowProperties(minrowheight="%.1fmm" % r["height"], keeptogether="always"))
    for name, va in (("Cell", "middle"), ("CellT", "top"), ("CellB", "bottom")):
        add(Style(name=name, family="table-cell"), TableCellProperties(verticalalign=va, border="0.5pt solid #000000",
                                                                       padding="%.1fmm" % style["pad"]))
    m = style["margins"]
    pl = PageLayout(name="pm1")
    w, h = ("297mm", "210mm") if G.landscape else ("210mm", "297mm")
    pl.addElement(PageLayoutProperties(pagewidth=w, pageheight=h, printorientation="landscape" if G.landscape else "portrait",
                                       margintop="%dmm" % max(4, m[0] - 8), marginright="%dmm" % m[1], marginbottom="%dmm" % max(4, m[2] - 8),
                                       marginleft="%dmm" % m[3]))
    hs = HeaderStyle()
    hs.addElement(HeaderFooterProperties(minheight="5mm", marginbottom="3mm"))
    fs = FooterStyle()
    fs.addElement(HeaderFooterProperties(minheight="5mm", margintop="3mm"))
    pl.addElement(hs)
    pl.addElement(fs)
    auto.addElement(pl)
    mp = MasterPage(name="Standard", pagelayoutname=pl)
    hd = Header()
    hp = P(stylename="HF")
    teletype.addTextToElement(hp, "表号：" + FORM_NO[G.form])
    hd.addElement(hp)
    ft = Footer()
    fp = P(stylename="FF")
    fp.addText("第 ")
    fp.addElement(PageNumber(selectpage="current"))
    fp.addText(" 页  共 ")
    fp.addElement(PageCount())
    fp.addText(" 页")
    ft.addElement(fp)
    mp.addElement(hd)
    mp.addElement(ft)
    doc.masterstyles.addElement(mp)
    PST = {"left": "PL", "center": "PC", "right": "PR"}

    def para(p, pst=None):
        el = P(stylename=pst or PST.get(p.align, "PL"))
        frame = False
        for r in p.runs:
            if isinstance(r, Tick):
                frame = r.checked
                continue
            if frame and r.strip():
                sp = Span(stylename="FR")
                teletype.addTextToElement(sp, r)
                el.addElement(sp)
                frame = False
            elif isinstance(r, Val):
                sp = Span(stylename="V")
                teletype.addTextToElement(sp, r)
                el.addElement(sp)
            else:
                teletype.addTextToElement(el, r)
        return el

    body = doc.text
    body.addElement(para(fx.Para([G.title]), "Title"))
    for p in G.header:
        body.addElement(para(p))
    t = Table(name="Form", stylename="Tab")
    for i in range(len(G.columns)):
        t.addElement(TableColumn(stylename="Col%d" % i))
    covered = set()
    head = TableHeaderRows() if style.get("repeat", True) and any(r["data"] for r in G.rows) else None
    ncols = len(G.columns)
    for ri, r in enumerate(G.rows):
        tr = TableRow(stylename="Row%d" % ri)
        cells = {c.col: c for c in r["cells"]}
        col = 0
        while col < ncols:
            if (ri, col) in covered:
                tr.addElement(CoveredTableCell())
                col += 1
                continue
            c = cells.get(col)
            if c is None:
                tc = TableCell(stylename="Cell", valuetype="string")
                tc.addElement(P(stylename="PL"))
                tr.addElement(tc)
                col += 1
                continue
            kw = {}
            if c.span > 1:
                kw["numbercolumnsspanned"] = c.span
            if c.rowspan > 1:
                kw["numberrowsspanned"] = c.rowspan
            for dr in range(c.rowspan):
                for dc in range(c.span):
                    if dr or dc:
                        covered.add((ri + dr, col + dc))
            tc = TableCell(stylename={"top": "CellT", "bottom": "CellB"}.get(c.valign, "Cell"), valuetype="string", **kw)
            for p in c.paras or [fx.Para([])]:
                tc.addElement(para(p))
            tr.addElement(tc)
            for _ in range(1, c.span):
                tr.addElement(CoveredTableCell())
            col += c.span
        if head is not None and r["header"]:
            head.addElement(tr)
            if ri + 1 < len(G.rows) and not G.rows[ri + 1]["header"]:
                t.addElement(head)
        else:
            t.addElement(tr)
    body.addElement(t)
    for p in G.footer:
        body.addElement(para(p))
    doc.meta.addElement(__import__("odf.dc", fromlist=["Title"]).Title(text=G.title))
    work = tempfile.mkdtemp(dir=TMP)
    stem = os.path.splitext(os.path.basename(pdf_path))[0]
    src = os.path.join(work, stem + ".odt")
    doc.save(src)
    soffice(src, work)
    shutil.copyfile(os.path.join(work, stem + ".pdf"), pdf_path)


def widget_html(w, style):
    """heldout7 (weasyprint-form): a widget as an HTML form control (WeasyPrint makes it a form field): <input> (its
    value attribute the value; one line for every text field: WeasyPrint draws a <textarea>'s text off the page, in a
    fallback font), a check box (checked); named by w.name7."""
    q = lambda s: html.escape(s, quote=True)
    if w.kind == "check":
        return '<input type="checkbox" name="%s"%s>' % (q(w.name7), " checked" if w.value else "")
    wd = max(6.0, (w.width or 30) - 1.0)
    return '<input type="text" name="%s" value="%s" style="width:%.1fmm">' % (q(w.name7), q(w.value or ""), wd)


def weasyprint_form(G, style, case, path):
    """heldout7 (weasyprint-form): the form as an HTML page with form controls (one-line inputs, check boxes), filled in
    the page (value attributes, checked), printed by WeasyPrint with pdf_forms: every control a form field named by the
    page's name attributes, 1, 2, 3... in document order (WeasyPrint writes the name as the tooltip too), text fields' /V
    their values (no appearance streams, NeedAppearances), check boxes' on-state /on. The controls in a Latin font (fieldfont, the /DA font:
    WeasyPrint embeds a form's font whole, so not the page's CJK font). Returns (widgets by name, names, text values set)."""
    import logging
    import weasyprint
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    widgets, n = {}, 0
    for i, (w, _) in enumerate(grid_widgets(G)):
        w.name7 = str(i + 1)
        widgets[w.name7] = w
        n += 1 if w.kind != "check" and w.value else 0
    html_text = form_html(G, style).replace("</style>", (
        "input, textarea { font-family: \"%s\"; font-weight: normal; font-size: 9pt; border: 0.5pt solid #7F7F7F; padding: 0 0.6mm; "
        "margin: 0; vertical-align: middle; background: none; display: inline-block; }\n"
        "input[type=text] { height: 4.4mm; }\n"
        "input[type=checkbox] { width: 3.4mm; height: 3.4mm; margin: 0 0.5mm; }\n</style>") % style["fieldfont"], 1)
    weasyprint.HTML(string=html_text, base_url=TMP).write_pdf(path, pdf_forms=True)
    import pikepdf
    pdf = pikepdf.open(path)
    seen = {str(f.get("/T", "")) for f in pdf.Root.AcroForm.Fields}
    if seen != set(widgets):
        raise RuntimeError("WeasyPrint's fields %s are not the widgets %s" % (sorted(seen - set(widgets))[:5], sorted(set(widgets) - seen)[:5]))
    return widgets, {k: k for k in widgets}, n


def tex_value(s):
    """A value for hyperref's value= key (through \\pdfstringdef): TeX's specials escaped."""
    return "".join({"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "#": r"\#", "$": r"\$", "%": r"\%", "&": r"\&", "_": r"\_",
                    "^": r"\^{}", "~": r"\~{}"}.get(ch, ch) for ch in s)


def latex_form(G, style, case, path):
    """heldout7 (latex-form): the form typeset by XeLaTeX as tx-a's longtable (latex_pdf), the fields made by hyperref's
    Form environment (\\TextField, \\CheckBox: their values given in the document, /V set, no appearance streams for text,
    NeedAppearances), named as a Chinese form designer names new fields (文本域1…, 复选框1…, UTF-16). Returns (widgets by
    name, names, text values set)."""
    widgets, count, n = {}, {"text": 0, "check": 0}, [0]

    def widget_tex(w):
        kind = "check" if w.kind == "check" else "text"
        count[kind] += 1
        name = ("复选框%d" if kind == "check" else "文本域%d") % count[kind]
        widgets[name] = w
        if kind == "check":
            return r"\CheckBox[name={%s},width=3.4mm,height=3.4mm,bordercolor={0 0 0},checked=%s]{}" % (name, "true" if w.value else "false")
        wd = max(6.0, (w.width or 30) - 2.0)
        if w.value:
            n[0] += 1
        return r"\TextField[name={%s},width=%.1fmm,height=%.1fmm,charsize=9pt,bordercolor={0.6 0.6 0.6},%s%s]{}" % (
            name, wd, 4.6 * w.lines, "multiline=true," if w.lines > 1 else "", ("value={%s}" % tex_value(w.value)) if w.value else "")
    latex_pdf(G, style, path, widget_tex=widget_tex)
    import pikepdf
    pdf = pikepdf.open(path)
    seen = {n_ for n_, _ in pdf_terminal_fields(pdf)}
    if seen != set(widgets):
        raise RuntimeError("hyperref's fields %s are not the widgets %s" % (sorted(seen - set(widgets))[:5], sorted(set(widgets) - seen)[:5]))
    return widgets, {k: k for k in widgets}, n[0]


def heldout7_name(w, used, n):
    """heldout7 (naming colon8): the name is the label as printed before the blank, its full-width colon kept (单位名称：,
    法定代表人姓名：, a check box 单位性质：企业, a table cell 第1行姓名：); written u1, u2... in the document and set after the
    fill as raw UTF-8 bytes (no byte order mark: not PDFDocEncoding, as some Chinese PDF tools write names)."""
    label = w.label.replace("\n", "")
    m = re.match(r"employees\[(\d+)\]\.(\w+)$", w.key)
    if m:
        base = "第%d行%s：" % (int(m.group(1)) + 1, label)
    elif w.kind == "check":
        base = "%s：%s" % (label, w.option)
    else:
        base = (w.group.replace("\n", "") if w.group else "") + label + "："
    name, k = base, 2
    while name in used:
        name, k = "%s%d" % (base, k), k + 1
    return name, "u%d" % n


def utf8_names(path, widgets):
    """heldout7 (naming colon8): after the fill, each field's /T (written u1, u2...) set to its name's UTF-8 bytes."""
    import pikepdf
    pdf = pikepdf.open(path, allow_overwriting_input=True)
    by_written = {w.written: name for name, w in widgets.items()}
    for fld in pdf.Root.AcroForm.Fields:
        written = str(fld.get("/T", ""))
        if written not in by_written:
            raise RuntimeError("widget %r not in the form" % written)
        fld.T = pikepdf.String(by_written[written].encode("utf-8"))
    pdf.save(path, deterministic_id=True)


def scan_pdf_heldout7(src, dst, params, seal_name, rng):
    """heldout7: scan_pdf_heldout6's print, seal and signature, then one effect (params["effect"]): photo (a phone's photo
    of the page, cropped to it by an app: a perspective of up to 2.2 % at each corner, light falling off across the page,
    a warm cast, the desk showing at a corner), staple (a staple's shadow at the top left corner and two punched holes in
    the left margin), note (a note handwritten in the top margin, in blue or black: 已核对, 原件已核…), yellow (yellowed
    paper, a copy of a copy: a halftone screen in the ink, a slight blur); JPEG, img2pdf."""
    import img2pdf
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter, ImageFont
    dpi, angle, colour, sigma, blur, q, effect = (params[k] for k in ("dpi", "angle", "colour", "noise", "blur", "jpeg", "effect"))
    boxes = fx.word_boxes(src)
    seal_at = fx.find_word(boxes, fx.SEAL_WORDS) if params["seal"] else None
    sign_at = fx.find_word(boxes, SIGN_WORDS, prefer_last=True) if params["signature"] else None
    work = tempfile.mkdtemp(dir=TMP)
    run(["pdftoppm", "-r", str(dpi), "-png", src, os.path.join(work, "p")])
    pngs = sorted(f for f in os.listdir(work) if f.endswith(".png"))
    px = dpi / 72.0
    mm = dpi / 25.4
    out, note_at = [], None
    for pi, name in enumerate(pngs):
        page = Image.open(os.path.join(work, name)).convert("RGB")
        if seal_at and seal_at[0] == pi:
            _, x0, y0, x1, y1, _k = seal_at
            S = int(40 / 25.4 * dpi)
            full = Image.new("L", page.size, 0)
            full.paste(fx.draw_seal(S, seal_name), (int((x0 + x1) / 2 * px + rng.uniform(-0.2, 0.3) * S - S / 2),
                                                    int((y0 + y1) / 2 * px + rng.uniform(-0.1, 0.25) * S - S / 2)))
            page = fx.darken(page, full, (205, 32, 42))
        if sign_at and sign_at[0] == pi:
            _, x0, y0, x1, y1, _k = sign_at
            w, h = int(26 / 25.4 * dpi), int(10 / 25.4 * dpi)
            full = Image.new("L", page.size, 0)
            full.paste(fx.draw_signature(w, h, rng, max(2, dpi // 75)), (int(x1 * px + rng.uniform(8, 40) * px), int((y0 + y1) / 2 * px - h / 2)))
            page = fx.darken(page, full, (25, 35, 95) if colour else (30, 30, 30), 0.95)
        W, H = page.size
        if effect == "note" and pi == 0 and boxes and boxes[0]:  # in the margin above the first line of print
            top = min(wd[2] for wd in boxes[0]) * px
            text = rng.choice(["已核对", "原件已核", "材料已收", "已审核"])  # (SetoFont draws each of these characters)
            fs = int(6.0 * mm)
            if top > fs + 3 * mm:
                font = ImageFont.truetype(FONT_FILES7["SetoFont"][0], fs)
                tile = Image.new("L", (int(fs * (len(text) + 2)), int(fs * 1.9)), 0)
                d = ImageDraw.Draw(tile)
                d.text((fs * 0.3, fs * 0.2), text, fill=255, font=font)
                d.line([(fs * 0.2, fs * 1.45), (fs * (len(text) + 0.4), fs * 1.32)], fill=255, width=max(2, dpi // 110))
                tile = tile.rotate(rng.uniform(-4, 3), resample=Image.BICUBIC, expand=True)
                x = int(W * rng.uniform(0.52, 0.62))
                y = int(max(2 * mm, top - tile.height - 1.5 * mm))
                full = Image.new("L", page.size, 0)
                full.paste(tile, (x, y))
                page = fx.darken(page, full, (30, 50, 150) if colour else (40, 40, 40), 0.9)
                note_at = (pi, text)
        arr = np.asarray(page).astype(float) * 0.96 + 6
        page = Image.fromarray(arr.clip(0, 255).astype("uint8"))
        dx, dy = rng.randint(-12, 12) * dpi // 200, rng.randint(-10, 14) * dpi // 200
        page = page.rotate(angle, resample=Image.BICUBIC, translate=(dx, dy), fillcolor=(246, 245, 241))
        if effect == "staple":
            d = ImageDraw.Draw(page)
            for cy in (H / 2 - 40 * mm, H / 2 + 40 * mm):  # two punched holes, 80 mm apart, 10 mm from the edge
                cx, r = 10 * mm, 3 * mm
                d.ellipse([cx - r + 0.5 * mm, cy - r + 0.6 * mm, cx + r + 0.5 * mm, cy + r + 0.6 * mm], fill=(150, 150, 148))
                d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(58, 58, 60))
            if pi == 0:  # a staple at the top left corner, at about 45°, its shadow below it
                x0, y0 = (rng.uniform(6, 10) * mm, rng.uniform(5, 9) * mm)
                L = 12 * mm
                ax, ay = x0 + L * 0.71, y0 + L * 0.71
                for off, col, wd in ((0.5 * mm, (170, 170, 168), 1.4 * mm), (0, (92, 94, 98), 0.75 * mm), (-0.15 * mm, (190, 192, 196), 0.22 * mm)):
                    d.line([(x0 + off, y0 + off), (ax + off, ay + off)], fill=col, width=max(1, int(wd)))
        arr = np.asarray(page).astype(float)
        if effect == "photo":
            yy, xx = np.mgrid[0:H, 0:W].astype(float)
            lx, ly = rng.uniform(0.1, 0.9) * W, rng.uniform(-0.2, 0.3) * H  # the light, above the page
            dist = np.sqrt(((xx - lx) / W) ** 2 + ((yy - ly) / H) ** 2)
            light = 1.0 - rng.uniform(0.16, 0.26) * (dist / dist.max()) ** 1.3
            arr = arr * light[:, :, None] * np.array([1.0, 0.975, 0.92])[None, None, :]
            page = Image.fromarray(arr.clip(0, 255).astype("uint8"))
            c = [rng.uniform(0.004, 0.022) for _ in range(8)]
            quad = (c[0] * W, c[1] * H, c[2] * W, H - c[3] * H, W - c[4] * W, H - c[5] * H, W - c[6] * W, c[7] * H)
            page = page.transform(page.size, Image.Transform.QUAD, quad, resample=Image.BICUBIC, fillcolor=(74, 64, 56))
            arr = np.asarray(page).astype(float)
        elif effect == "yellow":
            yy, xx = np.mgrid[0:H, 0:W].astype(float)
            p = dpi / 65.0  # a 65 lpi screen at 45°
            screen = 0.5 + 0.5 * np.cos(2 * np.pi * (xx + yy) / (p * 1.414)) * np.cos(2 * np.pi * (xx - yy) / (p * 1.414))
            ink = 255 - arr
            ink = ink * (0.72 + 0.28 * screen)[:, :, None]
            arr = (255 - ink) * np.array([0.985, 0.95, 0.80])[None, None, :] + np.array([0, 0, 12])[None, None, :]
        if not colour:
            arr = arr.mean(axis=2) if arr.ndim == 3 else arr
        arr = arr + np.random.default_rng(rng.randrange(2 ** 32)).normal(0, sigma, arr.shape)
        page = Image.fromarray(arr.clip(0, 255).astype("uint8")).filter(ImageFilter.GaussianBlur(blur))
        jpg = os.path.join(work, "page-%d.jpg" % pi)
        page.save(jpg, "JPEG", quality=q, dpi=(dpi, dpi), optimize=True)
        out.append(jpg)
    stamp = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.timezone.utc)
    with open(dst, "wb") as f:
        f.write(img2pdf.convert(out, layout_fun=img2pdf.get_fixed_dpi_layout_fun((dpi, dpi)), creationdate=stamp, moddate=stamp))
    return len(out), seal_at, sign_at, note_at


def heldout7_notes(style):
    """What a heldout7 family does besides font, labels, dates, ticks, alignment ([] for the others)."""
    out = []
    if style.get("split") != "heldout7":
        return out
    prog = style["program"]
    out.append({"typst": "a Typst document (the typst Python package), its table's columns of the grid's widths",
                "ghostscript": "drawn by the script as PostScript (the CJK font named as a CID-keyed font, UniGB-UCS2-H) and "
                               "distilled by Ghostscript (ps2pdf's pdfwrite, the font substituted from a TrueType file)",
                "librsvg": "drawn by the script as SVG and rendered by rsvg-convert (librsvg, cairo)",
                "chromium": "HTML with a CSS grid of <div> cells (no table) printed by Chromium",
                "writer-odt": "an .odt written by odfpy, exported by LibreOffice Writer",
                "weasyprint-form": "an HTML form (inputs, text areas, check boxes, filled in the page) printed by WeasyPrint "
                                   "with pdf_forms",
                "latex-form": "typeset by XeLaTeX (ctex, longtable), the fields made by hyperref's Form environment",
                "libreoffice-form": "a LibreOffice form export, filled by pikepdf, the names set afterwards"}[prog])
    if prog == "writer-odt":
        out.append("labels and title bold (%s Bold)" % style["font"])
    if prog == "weasyprint-form":
        out.append("the controls (the fields' /DA font) in %s, embedded whole by WeasyPrint" % style["fieldfont"])
    if style.get("watermark"):
        out.append("a watermark %s across the page behind the form (page text, light grey)" % style["watermark"])
    if style.get("formno"):
        out.append("表号 in the page's header")
    if style.get("pageno7"):
        out.append("第 N 页 共 M 页 in the page's footer (Writer's fields)")
    if style.get("digitboxes"):
        out.append("统一社会信用代码 and 身份证号码 a character to a printed box (18 boxes)")
    if style.get("qr"):
        out.append("a QR code in the top right corner (the form's number and a serial)")
    if style.get("copies"):
        out.append("registration forms printed twice: 第一联 单位留存, 第二联 经办机构留存 (the second copy from a new page); "
                   "the maternity table once, marked 第一联")
    if style.get("fwtrail"):
        out.append("some values padded with trailing full-width spaces")
    if style.get("phone") == "dash":
        out.append("mobiles written with dashes (138-1234-5678)")
    mark = style.get("mark")
    if prog not in ("weasyprint-form", "latex-form", "libreoffice-form"):
        out.append({"√over": "ticks: √ typed over □ (as Word's 带圈字符)", "cross": "ticks: a cross drawn in a drawn box",
                    "image": "ticks: a picture of a tick pasted over a drawn box", "strike": "no boxes: the options not chosen struck through",
                    "framed": "no boxes: the chosen option framed by a character border"}.get(mark, "tick %s" % mark))
    return out


# --------------------------------------------------------------------------------------------
# Truth

def truth_values(form, defn, v):
    """As XMLSubmissionReader reads the XML: dates ISO (an impossible date as written), a choice a
    string, a multi-choice a list, a table a list of rows holding the written columns only."""
    out = {}
    for f in defn["fields"]:
        k = f["key"]
        if k not in v or v[k] in ("", [], None):
            continue
        if f["type"] == "table":
            out[k] = [{c: x.strip() for c, x in row.items() if x and x.strip()} for row in v[k]]
        elif isinstance(v[k], list):
            out[k] = list(v[k])
        else:
            out[k] = v[k].strip()
    return out


SEAL_AREA = {"lc-unit-enrollment": (True, False), "lc-unit-change": (False, False), "ly-maternity-allowance": (True, True)}


# --------------------------------------------------------------------------------------------
# The plan

SCAN_EFFECTS7 = ["photo", "staple", "note", "yellow"]  # heldout7's scans (scan_pdf_heldout7)
# the programs that make fillable forms (heldout7: WeasyPrint's and hyperref's form fields)
FILLABLE_PROGRAMS = ("libreoffice-form", "reportlab-form", "pymupdf-widgets", "weasyprint-form", "latex-form")


def plan(extra=0):
    """Every case: (id, form, family, kind, index). Scans name the typed case they are printed from."""
    cases = []
    for fam, st in FAMILIES.items():
        for form in FORMS:
            if st["program"] in FILLABLE_PROGRAMS:
                for i in range(FILLABLE_PER_FORM.get(form, FILLABLE_PER) + extra):
                    cases.append(dict(id="%s.%s.fillable.%02d" % (form, fam, i + 1), form=form, family=fam, kind="fillable", index=i))
            else:
                for i in range(st.get("per", TYPED_PER) + extra):
                    cases.append(dict(id="%s.%s.typed.%02d" % (form, fam, i + 1), form=form, family=fam, kind="typed", index=i))
    # scans: per split and form, SCANS_PER_FORM (+extra) typed cases, families taken in turn
    for split in ("tune", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7"):
        for form in FORMS:
            typed = [c for c in cases if c["kind"] == "typed" and c["form"] == form and split_of(c["family"]) == split
                     and len(case_values(c)[1].get("employees", [])) <= SCAN_MAX_ROWS and not FAMILIES[c["family"]].get("noscan")]
            r = rng_for("scan-pick", split, form)
            fams = sorted({c["family"] for c in typed})
            r.shuffle(fams)
            picked = []
            k = 0
            while len(picked) < min(SCANS_PER_FORM + extra, len(typed)):
                fam = fams[k % len(fams)]
                pool = [c for c in typed if c["family"] == fam and c not in picked]
                if pool:
                    picked.append(pool[(k // len(fams)) % len(pool)])
                k += 1
            for c in picked:
                cases.append(dict(id=c["id"].replace(".typed.", ".scan."), form=form, family=c["family"], kind="scan",
                                  index=c["index"], source=c["id"], typed=c))
    # heldout7's scans take its four paper effects in turn, from a seeded start (every effect in the committed files)
    scans7 = [c for c in cases if c["kind"] == "scan" and split_of(c["family"]) == "heldout7"]
    start = rng_for("scan-effects", "heldout7").randrange(len(SCAN_EFFECTS7))
    for k, c in enumerate(scans7):
        c["effect7"] = SCAN_EFFECTS7[(start + k) % len(SCAN_EFFECTS7)]
    for c in cases:
        c["split"] = split_of(c["family"])
    fault_schedule(cases)
    for c in cases:
        if c["kind"] == "scan":
            c["faults_plan"] = c.pop("typed")["faults_plan"]
    return cases


def case_values(case):
    """Values and faults of a case (a scan has those of its typed source)."""
    cid = case.get("source", case["id"])
    form, fam = case["form"], case["family"]
    style = FAMILIES[fam]
    defn = load_definition(form)
    rng = rng_for("values", cid)
    if form == "lc-unit-enrollment":
        v, region = values_enrollment(rng, defn)
    elif form == "lc-unit-change":
        v, region = values_change(rng, defn)
    else:
        if style.get("fillrange"):  # heldout3: a table over two pages
            nrows = rng.randint(*style["fillrange"])
        elif style["program"] in FILLABLE_PROGRAMS + ("pymupdf", "writer-form"):
            nrows = rng.randint(1, style["rows"])
        else:
            nrows = rng.choices([1, 2, 3, 4, 5, 6, 8, 12, 18, 24], weights=[8, 10, 10, 8, 6, 5, 4, 3, 2, 1])[0]
        v, region = values_maternity(rng, defn, nrows)
    faults = plant_faults(form, v, rng_for("faults", cid), style, case.get("faults_plan", (0, [])))
    if style.get("phone") == "space":  # heldout6: landlines written 0635 5123456 (a space, no hyphen)
        for k in ("legalRepPhone", "contactPhone"):
            if re.fullmatch(r"0\d{3}-\d{7}", v.get(k, "")):
                v[k] = v[k].replace("-", " ")
    if style.get("phone") == "dash":  # heldout7: mobiles (and numbers typed as mobiles) written 138-1234-5678
        for k in ("legalRepPhone", "contactPhone", "contactMobile"):
            if re.fullmatch(r"[12]\d{9,11}", v.get(k, "")):
                v[k] = "%s-%s-%s" % (v[k][:3], v[k][3:7], v[k][7:])
    return defn, v, faults, region


def make_case(case, outdir, log):
    form, fam, kind = case["form"], case["family"], case["kind"]
    style = FAMILIES[fam]
    defn, v, faults, region = case_values(case)
    rel = "pdf/%s.pdf" % case["id"]
    path = os.path.join(outdir, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    seal_area, sign_area = SEAL_AREA[form]
    truth = {"form": form, "file": rel, "program": style["program"], "kind": {"fillable": "acroform"}.get(kind, kind),
             "family": fam, "split": case["split"], "sample": "samples/" + SAMPLE[form], "region": region,
             "values": truth_values(form, defn, v), "faults": faults,
             "seal": False if seal_area else None, "signature": False if sign_area else None}
    notes = "family %s: %s %spt; labels %s%s; dates %s; %s; values %s-aligned; margins %s mm" % (
        fam, style["font"], style["size"], style["labels"], " + %.1fpt letter-spacing" % style["lspace"] if style["lspace"] else "",
        style["date"], "tick " + style["mark"] + (" (empty %s)" % style["box"] if style.get("box") else "")
        if kind != "fillable" and style["program"] not in ("pymupdf", "writer-form") else "check boxes",
        style["align"], "/".join(map(str, style["margins"])))
    if kind == "scan":
        src = os.path.join(outdir, "pdf/%s.pdf" % case["source"])
        if not os.path.exists(src):
            make_case(dict(case, id=case["source"], kind="typed"), outdir, log)
        r = rng_for("scan", case["id"])
        multi = pdf_pages(src) > 1
        params = dict(dpi=150 if multi else r.choice([150] * 6 + [200] * 5 + [300]),
                      angle=round(r.uniform(0.2, 1.3) * r.choice([-1, 1]), 2), colour=r.random() < 0.35,
                      seal=seal_area and r.random() < 0.75, signature=sign_area and r.random() < 0.6,
                      noise=round(r.uniform(1.5, 3.0), 1), blur=round(r.uniform(0.7, 1.0), 1), jpeg=r.choice([60, 62]))
        if params["dpi"] == 300:  # kept small: grey, JPEG q60
            params.update(colour=False, jpeg=60)
        if case["split"] == "heldout4":  # drawn after the others: the older splits' scans draw the same numbers
            bw = r.random() < 0.34
            params.update(dpi=150 if multi else r.choice([200, 300] if bw else [150, 200, 240, 300]),
                          angle=round(r.uniform(0.2, 2.0) * r.choice([-1, 1]), 2))
            if params["dpi"] == 300:
                params.update(colour=False, jpeg=60)
            if bw:  # black and white: thresholded at this grey level, 1-bit, CCITT G4
                params.update(colour=False, jpeg=None, bilevel=r.choice([120, 128, 140]))
        if case["split"] == "heldout5":  # drawn after the others: the older splits' scans draw the same numbers
            params.update(dpi=180 if multi else r.choice([180, 225]), angle=round(r.uniform(0.2, 1.5) * r.choice([-1, 1]), 2),
                          jpeg=r.choice([45, 50]), effect=r.choice(["fax", "fold", "grey", "perspective"]))
            pages, seal_at, sign_at = scan_pdf_heldout5(src, path, params, v.get("unitName") or "单位公章", r)
        elif case["split"] == "heldout6":  # drawn after the others: the older splits' scans draw the same numbers
            params.update(dpi=150 if multi else r.choice([150, 150, 300]), angle=round(r.uniform(0.3, 2.0) * r.choice([-1, 1]), 2),
                          colour=False, jpeg=r.choice([50, 55]), effect=r.choice(["edge", "streaks", "stamp", "lowres"]))
            if params["dpi"] == 300:
                params["jpeg"] = 42
            if params["effect"] == "edge":
                params["side"] = r.choice(["left", "right", "top", "bottom"])
            if params["effect"] == "lowres":  # scanned at 100 dpi, stored at 200
                params.update(dpi=200, from_dpi=100, jpeg=60)
            pages, seal_at, sign_at, stamp_at = scan_pdf_heldout6(src, path, params, v.get("unitName") or "单位公章", r)
            params["stamp"] = bool(stamp_at)
        elif case["split"] == "heldout7":  # drawn after the others: the older splits' scans draw the same numbers
            effect = case["effect7"]  # the split's scans take the effects in turn (plan)
            colour = effect in ("photo", "yellow") or (effect == "note" and r.random() < 0.5 and not multi)
            params.update(dpi=200 if multi else r.choice([200, 240] if colour else [200, 240, 300]),
                          angle=round(r.uniform(0.3, 1.8) * r.choice([-1, 1]), 2), colour=colour, jpeg=r.choice([50, 55]),
                          blur=round(r.uniform(0.8, 1.3) if effect in ("photo", "yellow") else params["blur"], 1), effect=effect)
            if params["dpi"] == 300:  # kept small: grey, JPEG q45
                params.update(jpeg=45)
            pages, seal_at, sign_at, note_at = scan_pdf_heldout7(src, path, params, v.get("unitName") or "单位公章", r)
            params["note"] = note_at[1] if note_at else None
        else:
            pages, seal_at, sign_at = scan_pdf(src, path, params, v.get("unitName") or "单位公章", r)
        truth["seal"] = bool(seal_at) if seal_area else None
        truth["signature"] = bool(sign_at) if sign_area else None
        truth["source"] = "pdf/%s.pdf" % case["source"]
        truth["scan"] = params
        notes += "; scanned from %s: %d dpi, rotated %+.2f°, %s, noise σ=%.1f, blur %.1f, %s, %d page(s)%s%s" % (
            truth["source"], params["dpi"], params["angle"], "colour" if params["colour"] else "grey" if not params.get("bilevel") else
            "black and white", params["noise"], params["blur"], "JPEG q%d" % params["jpeg"] if not params.get("bilevel") else
            "thresholded at %d, 1-bit, CCITT G4" % params["bilevel"], pages,
            "; %s at %s p.%d" % ("red seal" if not params.get("bilevel") else "seal (red on paper, black dots in the scan)", seal_at[5],
                                 seal_at[0] + 1) if seal_at else "",
            "; signature after %s p.%d" % (sign_at[5], sign_at[0] + 1) if sign_at else "")
        if params.get("effect") and case["split"] == "heldout5":  # heldout5
            notes += "; %s" % {"fax": "fax-like low contrast", "fold": "a fold line's shadow across the page", "grey": "grey paper",
                               "perspective": "a slight perspective (keystone)"}[params["effect"]]
        if case["split"] == "heldout7":
            notes += "; %s" % {"photo": "a phone's photo of the page: perspective, light falling off, a warm cast, cropped",
                               "staple": "a staple at the top left corner, two punched holes in the left margin",
                               "note": "a note handwritten in the top margin (%s)" % params.get("note") if params.get("note") else
                               "no room for a note in the margin",
                               "yellow": "yellowed paper, a halftone screen in the ink (a copy of a copy)"}[params["effect"]]
        if case["split"] == "heldout6":
            notes += "; %s" % {"edge": "the page off the glass: a dark band along the %s edge" % params.get("side"),
                               "streaks": "toner streaks down the page",
                               "stamp": "a 复印件与原件一致 stamp across a value" if params.get("stamp") else "no value found for the stamp",
                               "lowres": "scanned at %s dpi and scaled up to %d" % (params.get("from_dpi"), params["dpi"])}[params["effect"]]
    elif kind == "typed":
        G = build_grid(form, defn, v, style, rng_for("grid", case["id"]))
        prog = style["program"]
        if prog == "libreoffice":
            libreoffice_pdf(docx_doc(G, style), path)
        elif prog == "chromium":
            chromium_pdf(grid_html(G, style) if style.get("cssgrid") else form_html(G, style), path, style["font"])
        elif prog == "weasyprint":
            weasyprint_pdf(form_html(G, style), path)
        elif prog == "pymupdf-story":  # heldout5
            story_pdf(G, style, path)
        elif prog == "calc":  # heldout6
            calc_pdf(G, style, path)
        elif prog == "xelatex":
            latex_pdf(G, style, path)
        elif prog == "fpdf2":
            fpdf_pdf(G, style, path)
        elif prog == "wkhtmltopdf":
            wkhtml_pdf(G, style, path)
        elif prog == "typst":  # heldout7
            typst_pdf(G, style, path)
        elif prog == "ghostscript":
            ghostscript_pdf(G, style, path)
        elif prog == "librsvg":
            svg_pdf(G, style, path, case)
        elif prog == "writer-odt":
            odt_pdf(G, style, path)
        elif prog == "pymupdf":  # heldout3: the form filled by PyMuPDF and flattened
            G = build_grid(form, defn, v, style, rng_for("grid", case["id"]), fillable=True,
                           fill_rows=style["rows"] if form == "ly-maternity-allowance" else None)
            fill_pdf_pymupdf(path, export_form(G, style, case, path), bake=True, multiline=True, table_fontsize=7)
        elif prog == "writer-form":  # heldout4: the form filled in Writer, exported without form fields
            G = build_grid(form, defn, v, style, rng_for("grid", case["id"]), fillable=True,
                           fill_rows=style["rows"] if form == "ly-maternity-allowance" else None)
            export_form(G, style, case, path)
        else:
            reportlab_pdf(G, style, path)
        notes += typed_notes(style) + "; %d page(s)" % pdf_pages(path)
        if form == "ly-maternity-allowance":
            notes += "; %d table rows%s%s" % (len(v["employees"]), ", A4 landscape" if G.landscape else "",
                                              ", header repeated" if style.get("repeat") else "")
    else:
        G = build_grid(form, defn, v, style, rng_for("grid", case["id"]), fillable=True,
                       fill_rows=style["rows"] if form == "ly-maternity-allowance" else None)
        if style["program"] in ("reportlab-form", "pymupdf-widgets"):  # heldout6: fields on the script's own grid
            widgets, names, nfilled = (reportlab_form if style["program"] == "reportlab-form" else pymupdf_widgets_form)(G, style, case, path)
        elif style["program"] in ("weasyprint-form", "latex-form"):  # heldout7: fields made by the layout program
            widgets, names, nfilled = (weasyprint_form if style["program"] == "weasyprint-form" else latex_form)(G, style, case, path)
        elif style["naming"] == "colon8":  # heldout7: filled under the names written, then named in raw UTF-8
            widgets = export_form(G, style, case, path)
            _, nfilled = fill_pdf(path, {w.written: w for w in widgets.values()}, style.get("filler", "pikepdf"))
            utf8_names(path, widgets)
            names = {k: k for k in widgets}
        else:
            widgets = export_form(G, style, case, path)
            if style.get("cellrects"):  # heldout3
                widgets_over_cells(path, widgets, style, rng_for("cells", case["id"]))
            if style.get("split") == "heldout4":
                heldout4_rework(path, widgets, style)
            if style.get("split") == "heldout5":
                heldout5_rework(path, widgets, style)
            names, nfilled = fill_pdf(path, widgets, style.get("filler", "pikepdf"))
        if style.get("objstms"):  # heldout4
            object_streams(path, style)
        if style.get("needapp") is False:  # heldout5
            no_need_appearances(path)
        truth["fields"] = {names[n]: (w.key if w.kind != "check" else "%s=%s" % (w.key, w.option)) for n, w in widgets.items() if n in names}
        exports = {names[n]: w.exports for n, w in widgets.items() if w.kind == "radio-group" and n in names}
        if exports:
            truth["exports"] = exports
        truth["seal"] = None
        truth["signature"] = None
        notes += "; widgets named %s, %s, %s field borders; %d widgets, %d text values set in /V (%s)" % (
            {"acrobat": "Text1/Check Box2...", "labels": "after their labels (group+label, Chinese, #-escaped by LibreOffice)",
             "lo": "as LibreOffice names them (Text Box 1, Check Box 2, Option Button 1, List Box 1, Combo Box 1, Date Field 1)",
             "tree": "in a hierarchy (dotted names: form.unit.name, form.unit.type_2, form.list.row1.idNo; truth `fields` "
                     "has the full names)",
             "pinyin": "by the pinyin initials of their labels (dwmc, fddbr_xm, sfzh_1)",
             "acro": "as Acrobat's field detection names them (单位名称, 姓名_2, 姓名Row1, a check box after its option; UTF-16)",
             "utf16": "after their group and label, UTF-16 strings (法定代表人-姓名, 单位性质：企业, 第1行-身份证号码)",
             "fill": "generically (fill_1, fill_2..., check boxes check_1...)",
             "english": "in English (unit_name, legalRep_idNo, emp1_idNo, unitType_3, insurance_medical)",
             "xfa": "as Adobe LiveCycle names them (topmostSubform[0].Page1[0].unitName[0], CheckBox3[0], "
                    "Table1[0].Row1[0].idNo[0]: a field hierarchy; truth `fields` has the full names)",
             "snake": "in snake case with the page (p1_unit_name, p1_legal_rep_id_no, p1_emp1_id_no)",
             "pinyinfull": "by the full pinyin of their labels (danweimingcheng, fadingdaibiaoren_xingming, danweixingzhi_qiye, "
                           "di1hang_shenfenzhenghao)",
             "f": "f1, f2... in document order (reportlab's AcroForm; 单位性质 a radio group)",
             "pos": "by where they are: p<page>_r<grid row>_c<column> (_2... in a cell of several), p1_top_N, pN_bottom_N",
             "number": "1, 2, 3... in document order (the HTML inputs' names; WeasyPrint writes them as tooltips too)",
             "cn-generic": "as a Chinese form designer names new fields: 文本域1, 文本域2..., check boxes 复选框1... (UTF-16)",
             "colon8": "after the label and its colon (单位名称：, 法定代表人姓名：, 单位性质：企业, 第1行姓名：), raw UTF-8 bytes "
                       "(no byte order mark)"}[style["naming"]],
            "tooltips (/TU) = group + label" if style["tooltips"] else "no tooltips", "visible" if style["border"] else "no",
            len(widgets), nfilled,
            "by pikepdf, the filled text fields' appearance streams removed, check boxes /On, NeedAppearances"
            if style["program"] == "reportlab-form" else
            "by PyMuPDF when it added the widgets: appearance streams, CJK in a Droid Sans Fallback subset"
            if style["program"] == "pymupdf-widgets" else
            "by WeasyPrint from the inputs' values: /V, no appearance streams for text, check boxes /on, NeedAppearances"
            if style["program"] == "weasyprint-form" else
            "by hyperref from the document's values: /V, no appearance streams for text, check boxes /Yes, NeedAppearances"
            if style["program"] == "latex-form" else
            "NeedAppearances" if style.get("filler", "pikepdf") == "pikepdf" else
            "by pypdf: appearance streams in the /DA font, NeedAppearances" if style["filler"] == "pypdf" else
            "by PyMuPDF: appearance streams, CJK in its non-embedded Song font (UniGB-UTF16-H)" if style["filler"] == "pymupdf" else
            "filled in Writer before the export: /V and /DV by LibreOffice, empty appearance streams, NeedAppearances")
        notes += fillable_notes(style)
        if form == "ly-maternity-allowance":
            notes += "; %d of %d table rows filled" % (len(v["employees"]), style["rows"])
    truth["notes"] = notes
    write_json(os.path.join(outdir, "truth", case["id"] + ".json"), truth)
    log("%-7s %-8s %s %d KB%s" % (case["split"], kind, rel, os.path.getsize(path) // 1024,
                                  "  faults: " + ", ".join("%s %s" % (f["field"], f["code"]) for f in faults) if faults else ""))


def typed_notes(style):
    """What a heldout3 typed family does besides font, labels, dates, ticks, alignment ("" for the others)."""
    out = []
    if style.get("tab"):
        out.append("change-form values after the prompt and a tab")
    if style.get("valign"):
        out.append("values at the %s of their cells" % style["valign"])
    if style.get("shade"):
        out.append("label cells shaded %s" % style["shade"])
    if style.get("outer"):
        out.append("outer border %s pt" % style["outer"])
    if style.get("valcolour"):
        out.append("values in %s" % style["valcolour"])
    if style.get("valfont"):
        out.append("values in %s %s pt, the form's text in %s %.1f pt" % (style["valfont"], style["size"], style["font"],
                                                                          style["size"] * style.get("labelscale", 1)))
    if style.get("rules"):  # heldout4
        out.append("inner rules %s pt %s" % (style["rules"][1], style["rules"][0]))
    if style.get("labelbold"):
        out.append("labels bold")
    if style.get("pageno"):
        out.append("第 N 页 共 M 页 under the page")
    if style["program"] == "writer-form":
        out.append("a LibreOffice form filled in Writer and exported without form fields (ExportFormFields false): the "
                   "controls (3-D frames, check boxes) and their values drawn as page content%s" % (
                       "; table fields %d lines tall" % style["tablelines"] if style.get("tablelines") else ""))
    if style.get("star"):  # heldout5
        out.append("* before the labels of required fields")
    if style.get("tickafter"):
        out.append("the box after its option")
    if style.get("double"):
        out.append("a double outer border (%s pt)" % style["double"])
    if style.get("dashed"):
        out.append("inner rules dashed, %s pt %s" % (style["dashed"][1], style["dashed"][0]))
    if style.get("zebra"):
        out.append("every other row shaded %s" % style["zebra"])
    if style.get("hrules"):
        out.append("horizontal rules only")
    if style["program"] == "pymupdf-story":
        out.append("HTML laid out by PyMuPDF's Story (MuPDF's HTML engine), fonts subset")
    out += heldout6_notes(style)
    out += heldout7_notes(style)
    if style["program"] == "pymupdf":
        out.append("a LibreOffice form filled by PyMuPDF (text fields made multi-line, table fields 7 pt; CJK in its non-embedded "
                   "Song font, UniGB-UTF16-H) and flattened (Document.bake): the values are page text, what does not fit a "
                   "field is cut off on the page")
    return "".join("; " + x for x in out)


def fillable_notes(style):
    """What a heldout2 or heldout3 fillable family does besides check boxes and text fields ("" for the others)."""
    out = []
    if style.get("choice") == "radio":
        out.append("单位性质 a radio group (one field, a button per option; export values %s: truth `exports`)" % (
            {"text": "the options", "pinyin": "the options' pinyin (qiye)"}.get(style["rexport"], "1…10")))
    elif style.get("choice") == "list":
        out.append("单位性质 a drop-down list box (/Ch, /V the option)")
    if style.get("export") == "text":
        out.append("check boxes' on-states are their options (/医疗保险), not /Yes")
    if style.get("ownlabels"):
        out.append("options are the buttons' own labels")
    if style.get("combos"):
        out.append("combo boxes: " + ", ".join(style["combos"]))
    if style.get("lists"):
        out.append("list boxes: " + ", ".join(style["lists"]))
    if style.get("maxlen"):
        out.append("text fields with /MaxLen")
    if style.get("datefields"):
        out.append("date fields (LibreOffice date controls, AFDate_FormatEx %s)" % {9: "yyyy/mm/dd", 11: "yyyy-mm-dd"}[style["datefields"]])
    if style.get("export") not in (None, "yes", "text"):  # heldout3
        out.append("check boxes' on-state /%s" % style["export"])
    if style.get("numbers"):
        out.append("NumericFields (AFNumber_Format, 0 decimals): " + ", ".join(style["numbers"]))
    if style.get("multiline"):
        out.append("multi-line text fields with a scroll bar (/Ff 4096; text longer than the box scrolls): " + ", ".join(style["multiline"]))
    if style.get("repeat"):
        out.append("table header rows repeated on each page")
    if style.get("cellrects"):
        out.append("text widgets widened over their cells, past the rules")
    if style.get("rotate"):
        out.append("the landscape page written portrait, content turned, /Rotate 90, widgets /MK /R 90")
    if style.get("rotate270"):  # heldout4
        out.append("every page written landscape, content turned, /Rotate 270, widgets /MK /R 270")
    if style.get("objstms"):
        out.append("saved again with object streams (%s)" % ("PyMuPDF" if style.get("filler") == "pymupdf" else "qpdf"))
    if style.get("comb"):  # heldout5
        out.append("统一社会信用代码 and 身份证号 comb fields (/Ff comb, /MaxLen 18)")
    if style.get("quad"):
        out.append("/Q %s" % ("1 (centred) on every text field" if style["quad"] == "all" else "1 on dates, 2 on phones"))
    if style.get("autosize"):
        out.append("/DA font size 0 (auto)")
    if style.get("needapp") is False:
        out.append("NeedAppearances false")
    if style.get("ctlfont"):
        out.append("controls in %s" % style["font"])
    out += heldout6_notes(style)
    out += heldout7_notes(style)
    return "".join("; " + x for x in out)


def heldout6_notes(style):
    """What a heldout6 family does besides font, labels, dates, ticks, alignment ([] for the others)."""
    out = []
    prog = style["program"]
    if prog == "calc":
        out.append("a spreadsheet (openpyxl .xlsx) exported by LibreOffice Calc, fit to the page's width, one alignment per "
                   "cell (right-aligned lines pushed by full-width spaces)")
    if prog == "xelatex":
        out.append("LaTeX (ctex, fontset fandol; longtable) typeset by XeLaTeX/xdvipdfmx")
    if prog == "fpdf2":
        out.append("drawn by fpdf2 (the script's own grid; OpenType fonts as CIDFontType0C subsets)")
    if prog == "wkhtmltopdf":
        out.append("HTML printed by wkhtmltopdf (Qt WebKit)")
    if prog == "reportlab-form":
        out.append("laid out on reportlab's canvas (the script's grid), fields by reportlab's AcroForm")
    if prog == "pymupdf-widgets":
        out.append("a blank form drawn by fpdf2, the fields added and filled by PyMuPDF (Page.add_widget)")
    if style.get("titlefont"):
        out.append("title in %s" % style["titlefont"])
    if style.get("labelfont"):
        out.append("labels in %s" % style["labelfont"])
    if style["labels"] == "merge":
        out.append("label and value in one cell (单位名称：value), the value underlined, a blank one an empty line")
    if style.get("underline"):
        out.append("values underlined")
    if style["mark"] == "circle" and prog == "weasyprint":
        out.append("no boxes: the chosen option circled")
    if style["mark"] == "pen":
        out.append("boxes drawn, a ticked one with a pen-like stroke (no glyph)")
    if style.get("phone") == "space":
        out.append("landlines written with a space (0635 5123456)")
    if style.get("export") == "1":
        out.append("check boxes' on-state /1")
    return out


def main(argv):
    global TMP
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=HERE, help="where pdf/ and truth/ go (default: this folder)")
    ap.add_argument("--extra", type=int, default=0, help="more cases per (family, form) and per (split, form) scans")
    ap.add_argument("--only", default="", help="kinds to make: typed,scan,fillable")
    ap.add_argument("--family", default="", help="families to make (comma-separated)")
    ap.add_argument("--case", default="", help="one case id")
    ap.add_argument("--list", action="store_true", help="print the plan")
    a = ap.parse_args(argv)
    cases = plan(a.extra)
    if a.only:
        kinds = set(a.only.split(","))
        cases = [c for c in cases if c["kind"] in kinds]
    if a.family:
        fams = set(a.family.split(","))
        cases = [c for c in cases if c["family"] in fams]
    if a.case:
        cases = [c for c in cases if c["id"] == a.case]
    if a.list:
        for c in cases:
            print(c["split"], c["kind"], c["id"])
        from collections import Counter
        print(Counter((c["split"], c["kind"]) for c in cases))
        return
    TMP = tempfile.mkdtemp(prefix="intake-layouts-")
    try:
        # typed before scans (scans print typed PDFs)
        order = {"typed": 0, "fillable": 1, "scan": 2}
        for c in sorted(cases, key=lambda c: order[c["kind"]]):
            make_case(c, a.out, print)
    finally:
        shutil.rmtree(TMP, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
