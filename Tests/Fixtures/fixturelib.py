"""Code shared by the fixture generators Tests/Fixtures/pdf/make_fixtures.py and
Tests/Fixtures/layouts/make_layouts.py: the catalog, check digits, the form grid, the HTML and
.docx writers, the Chromium and LibreOffice runners, and the print-seal-sign-scan simulation.

Not a script. Each generator imports it with its own folder's parent on sys.path:

    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    import fixturelib as fx

Nothing here draws from a random generator it does not get from the caller, so a generator's
seeded output does not depend on this module.
"""
import html
import json
import math
import os
import re
import shutil
import subprocess

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

SEAL_FONT = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2)
if not os.path.exists(SEAL_FONT[0]):
    SEAL_FONT = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2)


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        raise RuntimeError("%s failed (%d): %s %s" % (cmd[0], r.returncode, r.stdout[-2000:], r.stderr[-2000:]))
    return r.stdout


def pdf_pages(path):
    return int(re.search(r"Pages:\s+(\d+)", run(["pdfinfo", path])).group(1))


def write_json(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")


# --------------------------------------------------------------------------------------------
# Catalog

def load_definition(form):
    import yaml
    with open(os.path.join(REPO, "forms", "definitions", form + ".yaml"), encoding="utf-8") as f:
        return yaml.safe_load(f)


def fields_of(defn):
    return {f["key"]: f for f in defn["fields"]}


# --------------------------------------------------------------------------------------------
# Fake data: check digits and Linyi places

LY_AREAS = ["371302", "371311", "371312", "371321", "371322", "371323", "371324", "371325", "371326", "371327", "371328", "371329"]
HOSPITALS = [("临沂市人民医院", "三级甲等"), ("临沂市妇幼保健院", "三级甲等"), ("临沂市中心医院", "三级甲等"),
             ("临沂市兰山区人民医院", "二级甲等"), ("临沂市罗庄区中心医院", "二级甲等"), ("临沂市河东区人民医院", "二级甲等"),
             ("沂南县人民医院", "二级甲等"), ("沂水县妇幼保健院", "二级甲等"), ("临沂市第三人民医院", "三级乙等"),
             ("兰陵县人民医院", "二级甲等"), ("费县人民医院", "二级甲等"), ("临沂市肿瘤医院", "三级乙等"),
             ("郯城县第一人民医院", "二级甲等"), ("临沭县人民医院", "二级甲等"), ("蒙阴县人民医院", "二级甲等")]


def id_check(first17):
    """GB 11643 check digit of a 居民身份证号码."""
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(a) * b for a, b in zip(first17, w)) % 11]


def luhn_complete(partial):
    """partial + its Luhn check digit."""
    total = 0
    for i, d in enumerate(int(x) for x in reversed(partial)):
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return partial + str((10 - total % 10) % 10)


def fmt_date_parts(y, m, d, how):
    """A date as typed: cn 2026年11月16日 | cn-spaced 2026 年 11 月 16 日 | iso | dot | slash;
    cn-padded 2026年03月05日 | slash-padded 2026/03/05 | dot-short 2026.3.5 | dash-short 2026-3-5;
    cn-gap 2026年 3月5日 | cn-gap-padded 2026年 03月 05日 | cn-spaced-padded 2026 年 03 月 05 日 |
    cn-ideo-gap 2026年　3月　5日."""
    if how == "iso":
        return "%04d-%02d-%02d" % (y, m, d)
    if how == "dot":
        return "%04d.%02d.%02d" % (y, m, d)
    if how == "slash":
        return "%d/%d/%d" % (y, m, d)
    if how == "cn-spaced":
        return "%d 年 %d 月 %d 日" % (y, m, d)
    # added for the heldout2 families of layouts/make_layouts.py
    if how == "cn-padded":  # 2026年03月05日
        return "%04d年%02d月%02d日" % (y, m, d)
    if how == "slash-padded":  # 2026/03/05
        return "%04d/%02d/%02d" % (y, m, d)
    if how == "dot-short":  # 2026.3.5
        return "%d.%d.%d" % (y, m, d)
    if how == "dash-short":  # 2026-3-5
        return "%d-%d-%d" % (y, m, d)
    # added for the heldout3 families: typed into 年 月 日 blanks, spaced in new ways
    if how == "cn-gap":  # 2026年 3月5日 (a space after 年 only)
        return "%d年 %d月%d日" % (y, m, d)
    if how == "cn-gap-padded":  # 2026年 03月 05日
        return "%04d年 %02d月 %02d日" % (y, m, d)
    if how == "cn-spaced-padded":  # 2026 年 03 月 05 日
        return "%04d 年 %02d 月 %02d 日" % (y, m, d)
    if how == "cn-ideo-gap":  # 2026年　3月　5日 (full-width spaces after 年 and 月)
        return "%d年\u3000%d月\u3000%d日" % (y, m, d)
    return "%d年%d月%d日" % (y, m, d)


# --------------------------------------------------------------------------------------------
# The form as a grid of cells holding paragraphs of runs (a run is a str or a generator's own
# object: a tick, an X over a box, a widget). A grid has title, header and footer (paragraphs),
# columns (mm) and rows: dict(cells, height (mm), header, data).

class Para:
    def __init__(self, runs=None, align="left", space=0.0, bold=False, label=False):
        self.runs = [] if runs is None else runs
        self.align = align
        self.space = space  # mm before
        self.bold = bold
        self.label = label

    def text(self):
        return "".join(r for r in self.runs if isinstance(r, str))


class Cell:
    def __init__(self, paras, span=1, rowspan=1, valign="middle", label=False):
        self.paras, self.span, self.rowspan, self.valign, self.label = paras, span, rowspan, valign, label
        self.col = None


class Grid:
    def __init__(self):
        self.title = ""
        self.header, self.footer, self.columns, self.rows = [], [], [], []  # columns in mm


# --------------------------------------------------------------------------------------------
# HTML (Chromium, WeasyPrint)

def html_form(G, css, runs_html, repeat, height="%smm"):
    """The grid as an HTML page: title, header lines, the table (header rows in <thead> when
    repeat), footer lines. runs_html(runs) -> HTML; height: format of a row's height."""
    repeat = repeat and any(r["data"] for r in G.rows)
    parts = ["<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>%s</title><style>%s</style></head><body>" % (html.escape(G.title), css)]
    parts.append("<h1>%s</h1>" % html.escape(G.title))
    for p in G.header:
        parts.append("<p class='hdr' style='text-align:%s'>%s</p>" % (p.align, runs_html(p.runs)))
    parts.append("<table class='grid'><colgroup>%s</colgroup>" % "".join("<col style='width:%smm'>" % w for w in G.columns))
    in_head = started = False
    for r in G.rows:
        if r["header"] and repeat and not started:
            if not in_head:
                parts.append("<thead>")
                in_head = True
        else:
            if in_head:
                parts.append("</thead>")
                in_head = False
            if not started:
                parts.append("<tbody>")
                started = True
        parts.append(("<tr style='height:" + height + "'>") % r["height"])
        for c in r["cells"]:
            attrs = (" colspan='%d'" % c.span if c.span > 1 else "") + (" rowspan='%d'" % c.rowspan if c.rowspan > 1 else "")
            cls = " class='label'" if c.label else ""
            body = "".join("<p style='text-align:%s;%s%s'>%s</p>" % (
                p.align, "margin-top:%smm;" % p.space if p.space else "", "font-weight:bold;" if p.bold else "",
                runs_html(p.runs) or "&nbsp;") for p in c.paras)
            parts.append("<td%s%s style='vertical-align:%s'>%s</td>" % (attrs, cls, c.valign, body))
        parts.append("</tr>")
    if in_head:
        parts.append("</thead><tbody>")
    parts.append("</tbody></table>")
    for p in G.footer:
        parts.append("<p class='ftr' style='text-align:%s;%s'>%s</p>" % (p.align, "margin-top:%smm;" % p.space if p.space else "", runs_html(p.runs)))
    parts.append("</body></html>")
    return "".join(parts)


def chromium_pdf(html_text, pdf_path, tmp, env=None):
    """Prints html_text with headless Chromium (no header/footer); tmp holds the page and profile."""
    src = os.path.join(tmp, os.path.basename(pdf_path) + ".html")
    with open(src, "w", encoding="utf-8") as f:
        f.write(html_text)
    run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + os.path.join(tmp, "chromium-profile"),
         "--no-pdf-header-footer", "--print-to-pdf=" + pdf_path, "file://" + src], timeout=180, env=env)


# --------------------------------------------------------------------------------------------
# DOCX (python-docx) and LibreOffice

def docx_form(G, font, size, landscape, margins, line_spacing, run_text, repeat, pad=None, lspace=0):
    """The grid as a python-docx Document: A4 (landscape or not), margins (top, right, bottom,
    left) mm, Normal style in font/size, bold title, fixed-layout table ("Table Grid"), rows at
    least their height and not split, header rows repeated when repeat. run_text(run) -> str;
    pad: left/right cell margin (mm) or None; lspace: character spacing (pt) of label paragraphs."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_ALIGN_VERTICAL, WD_ROW_HEIGHT_RULE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc = Document()
    sec = doc.sections[0]
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Mm(297), Mm(210)
    else:
        sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.right_margin, sec.bottom_margin, sec.left_margin = (Mm(m) for m in margins)
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size)
    rpr = normal.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.append(rfonts)
    for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(a), font)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = line_spacing
    ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}

    def fill_para(par, p):
        par.alignment = ALIGN.get(p.align, WD_ALIGN_PARAGRAPH.LEFT)
        if p.space:
            par.paragraph_format.space_before = Mm(p.space)
        for r in p.runs:
            lines = run_text(r).split("\n")
            for i, line in enumerate(lines):
                run_ = par.add_run(line)
                run_.bold = p.bold
                if p.label and lspace:
                    sp = OxmlElement("w:spacing")
                    sp.set(qn("w:val"), str(int(lspace * 20)))
                    run_._r.get_or_add_rPr().append(sp)
                if i < len(lines) - 1:
                    run_.add_break()

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    tr = title.add_run(G.title)
    tr.bold = True
    tr.font.size = Pt(size + 7)
    title.paragraph_format.space_after = Mm(4)
    for p in G.header:
        fill_para(doc.add_paragraph(), p)
    ncols = len(G.columns)
    table = doc.add_table(rows=len(G.rows), cols=ncols)
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    tblPr = table._tbl.tblPr
    layout_el = OxmlElement("w:tblLayout")
    layout_el.set(qn("w:type"), "fixed")
    tblPr.append(layout_el)
    if pad is not None:
        mar = OxmlElement("w:tblCellMar")
        for side in ("left", "right"):
            e = OxmlElement("w:" + side)
            e.set(qn("w:w"), str(int(pad * 1440 / 25.4)))
            e.set(qn("w:type"), "dxa")
            mar.append(e)
        tblPr.append(mar)
    for gc, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), G.columns):
        gc.set(qn("w:w"), str(int(w / 25.4 * 1440)))
    repeat = repeat and any(x["data"] for x in G.rows)
    for ri, r in enumerate(G.rows):
        row = table.rows[ri]
        row.height = Mm(r["height"])
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        for ci in range(ncols):
            row.cells[ci].width = Mm(G.columns[ci])
        trPr = row._tr.get_or_add_trPr()
        if r["header"] and repeat:
            h = OxmlElement("w:tblHeader")
            h.set(qn("w:val"), "true")
            trPr.append(h)
        trPr.append(OxmlElement("w:cantSplit"))
    for ri, r in enumerate(G.rows):
        for c in r["cells"]:
            a = table.cell(ri, c.col)
            if c.span > 1 or c.rowspan > 1:
                a = a.merge(table.cell(ri + c.rowspan - 1, c.col + c.span - 1))
            a.vertical_alignment = {"top": WD_ALIGN_VERTICAL.TOP, "bottom": WD_ALIGN_VERTICAL.BOTTOM}.get(c.valign, WD_ALIGN_VERTICAL.CENTER)
            for i, p in enumerate(c.paras):
                fill_para(a.paragraphs[0] if i == 0 else a.add_paragraph(), p)
    for p in G.footer:
        fill_para(doc.add_paragraph(), p)
    return doc


def soffice(src, outdir, tmp):
    """soffice --convert-to pdf, with its user profile in tmp."""
    run(["soffice", "-env:UserInstallation=file://" + os.path.join(tmp, "lo-profile"), "--headless", "--convert-to", "pdf",
         "--outdir", outdir, src], timeout=300)


def soffice_export(src, outdir, tmp, options):
    """soffice --convert-to pdf with options of the writer_pdf_Export filter ({name: (type, value)},
    written as JSON: LibreOffice 7.4 and later), e.g. {"ExportFormFields": ("boolean", "false")}: a
    form's controls drawn as page content. Added for layouts' heldout4."""
    opts = json.dumps({k: {"type": t, "value": v} for k, (t, v) in options.items()})
    run(["soffice", "-env:UserInstallation=file://" + os.path.join(tmp, "lo-profile"), "--headless", "--convert-to",
         "pdf:writer_pdf_Export:" + opts, "--outdir", outdir, src], timeout=300)


def libreoffice_pdf(doc, pdf_path, tmp):
    """Saves a python-docx Document in tmp and converts it to pdf_path with LibreOffice."""
    stem = os.path.splitext(os.path.basename(pdf_path))[0]
    work = os.path.join(tmp, "lo-" + stem)
    os.makedirs(work, exist_ok=True)
    src = os.path.join(work, stem + ".docx")
    doc.save(src)
    soffice(src, work, tmp)
    shutil.copyfile(os.path.join(work, stem + ".pdf"), pdf_path)


# --------------------------------------------------------------------------------------------
# Scans: print, seal, sign, scan

SEAL_WORDS = ["（盖章）", "(盖章)", "单位公章", "（章）", "(章)", "印章"]


def word_boxes(pdf):
    """Per page: the list of words (text, xMin, yMin, xMax, yMax) in pt."""
    xml_text = run(["pdftotext", "-bbox", pdf, "-"])
    pages = []
    for pm in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xml_text, re.S):
        words = [(html.unescape(m.group(5)), float(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4)))
                 for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', pm.group(3))]
        pages.append(words)
    return pages


def find_word(pages, keys, prefer_last=False):
    """The first (or last) place of one of keys: (page index, x0, y0, x1, y1, key) in pt."""
    hits = []
    for pi, words in enumerate(pages):
        for w in words:
            for k in keys:
                i = w[0].find(k)
                if i >= 0:
                    n = max(len(w[0]), 1)
                    hits.append((pi, w[1] + (w[3] - w[1]) * i / n, w[2], w[1] + (w[3] - w[1]) * (i + len(k)) / n, w[4], k))
                    break
    if not hits:
        return None
    return hits[-1] if prefer_last else hits[0]


def draw_seal(S, name):
    """A round seal's coverage mask, S px: ring, star, name round the top arc, uneven ink."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont
    img = Image.new("L", (S, S), 0)
    d = ImageDraw.Draw(img)
    ring = max(3, S // 32)
    d.ellipse([ring, ring, S - ring, S - ring], outline=255, width=ring)
    cx = cy = S / 2
    R, r = S * 0.17, S * 0.17 * 0.382
    d.polygon([(cx + (R if k % 2 == 0 else r) * math.cos(-math.pi / 2 + k * math.pi / 5),
                cy + (R if k % 2 == 0 else r) * math.sin(-math.pi / 2 + k * math.pi / 5)) for k in range(10)], fill=255)
    font = ImageFont.truetype(SEAL_FONT[0], int(S * 0.12), index=SEAL_FONT[1])
    n = len(name)
    span = min(250.0, 22.0 * n)
    radius = S / 2 - ring * 2 - S * 0.075
    for i, ch in enumerate(name):
        ang = -90 - span / 2 + span * (i + 0.5) / n  # degrees, 0 = right
        tile = Image.new("L", (int(S * 0.16), int(S * 0.16)), 0)
        ImageDraw.Draw(tile).text((tile.width / 2, tile.height / 2), ch, fill=255, font=font, anchor="mm")
        tile = tile.rotate(-(ang + 90), resample=Image.BICUBIC, expand=True)
        x = cx + radius * math.cos(math.radians(ang)) - tile.width / 2
        y = cy + radius * math.sin(math.radians(ang)) - tile.height / 2
        img.paste(255, (int(x), int(y)), tile)
    a = np.asarray(img).astype(float)
    speck = np.asarray(Image.effect_noise((S, S), 60).resize((S // 6, S // 6)).resize((S, S), Image.BICUBIC)).astype(float)
    a = a * np.clip(0.55 + (speck - 128) / 160.0, 0.35, 1.0)
    return Image.fromarray(a.clip(0, 255).astype("uint8"))


def draw_signature(w_px, h_px, rng, width, phase=None):
    """A handwritten stroke's mask; phase None: drawn from rng after the loops."""
    from PIL import Image, ImageDraw
    img = Image.new("L", (w_px, h_px), 0)
    d = ImageDraw.Draw(img)
    n, loops = 260, rng.uniform(3.0, 5.0)
    ph = rng.uniform(0, 3) if phase is None else phase
    pts = [(0.05 * w_px + 0.9 * w_px * t + 0.06 * w_px * math.sin(2 * math.pi * loops * t + ph),
            h_px / 2 + 0.32 * h_px * math.sin(2 * math.pi * loops * t) * (1 - 0.4 * t) + 0.1 * h_px * math.sin(7 * t))
           for t in (i / (n - 1) for i in range(n))]
    for i in range(n - 1):
        d.line([pts[i], pts[i + 1]], fill=255, width=max(1, int(width * (0.6 + 0.6 * abs(math.sin(i / 17.0))))))
    d.line([(0.1 * w_px, 0.8 * h_px), (0.95 * w_px, 0.62 * h_px)], fill=255, width=max(1, width - 1))  # a final flourish
    return img


def darken(page, mask, colour, strength=0.92):
    """Ink on paper: blend colour into page where mask is set, never lightening."""
    import numpy as np
    from PIL import Image
    p = np.asarray(page).astype(float)
    m = (np.asarray(mask).astype(float) / 255.0 * strength)[..., None]
    c = np.array(colour, dtype=float)[None, None, :]
    return Image.fromarray(np.minimum(p, p * (1 - m) + np.minimum(p, c) * m).clip(0, 255).astype("uint8"))


def scan_pdf(src, dst, work, rng, dpi, angle, colour, sigma, blur, quality, stamp,
             seal_at=None, seal_name="", seal_mm=42, seal_shift=((-0.25, 0.1), (0.0, 0.25)),
             sign_at=None, sign_mm=(30, 11), sign_phase=None, sign_gap=lambda rng, px: 2, bilevel=None):
    """Prints src (pdftoppm at dpi into work), puts a red seal (seal_mm across, its centre at
    seal_at shifted by seal_shift: x and y ranges, fractions of its size) and a signature stroke
    (sign_mm, draw_signature's phase, sign_gap(rng, px) px after sign_at), then the paper:
    off-white, shifted, rotated by angle, grey unless colour, gaussian noise sigma, blur, JPEG
    quality; img2pdf to dst, dated stamp. seal_at and sign_at are find_word places or None.
    bilevel (a grey level, added for layouts' heldout4): a black-and-white scan instead, the page
    thresholded there after the noise and blur (with colour, its green channel: red seal ink comes out
    dark) and stored 1-bit, CCITT G4 (quality unused).
    Returns the number of pages."""
    import numpy as np
    import img2pdf
    from PIL import Image, ImageFilter
    run(["pdftoppm", "-r", str(dpi), "-png", src, os.path.join(work, "p")])
    pngs = sorted(f for f in os.listdir(work) if f.endswith(".png"))
    px = dpi / 72.0
    jpgs = []
    for pi, name in enumerate(pngs):
        page = Image.open(os.path.join(work, name)).convert("RGB")
        if seal_at and seal_at[0] == pi:
            _, x0, y0, x1, y1, _k = seal_at
            S = int(seal_mm / 25.4 * dpi)
            mask = draw_seal(S, seal_name)
            cx = (x0 + x1) / 2 * px + rng.uniform(*seal_shift[0]) * S
            cy = (y0 + y1) / 2 * px + rng.uniform(*seal_shift[1]) * S
            full = Image.new("L", page.size, 0)
            full.paste(mask, (int(cx - S / 2), int(cy - S / 2)))
            page = darken(page, full, (205, 32, 42))
        if sign_at and sign_at[0] == pi:
            _, x0, y0, x1, y1, _k = sign_at
            w, h = int(sign_mm[0] / 25.4 * dpi), int(sign_mm[1] / 25.4 * dpi)
            mask = draw_signature(w, h, rng, max(2, dpi // 75), sign_phase)
            full = Image.new("L", page.size, 0)
            full.paste(mask, (int(x1 * px + sign_gap(rng, px)), int((y0 + y1) / 2 * px - h / 2)))
            page = darken(page, full, (25, 35, 95) if colour else (30, 30, 30), 0.95)
        # the paper: slightly off-white, a little shifted, rotated
        arr = np.asarray(page).astype(float) * 0.96 + 6
        page = Image.fromarray(arr.clip(0, 255).astype("uint8"))
        dx, dy = rng.randint(-12, 12) * dpi // 200, rng.randint(-10, 14) * dpi // 200
        page = page.rotate(angle, resample=Image.BICUBIC, translate=(dx, dy), fillcolor=(246, 245, 241))
        if not colour:
            page = page.convert("L")
        arr = np.asarray(page).astype(float)
        arr = arr + np.random.default_rng(rng.randrange(2 ** 32)).normal(0, sigma, arr.shape)
        page = Image.fromarray(arr.clip(0, 255).astype("uint8")).filter(ImageFilter.GaussianBlur(blur))
        if bilevel is not None:  # a black-and-white scan: thresholded, 1-bit, CCITT G4 in a TIFF
            tif = os.path.join(work, "page-%d.tif" % pi)
            grey = page.split()[1] if page.mode == "RGB" else page  # (colour: the green channel, as a scanner's monochrome mode reads)
            grey.point(lambda x: 255 if x > bilevel else 0, mode="1").save(tif, "TIFF", compression="group4", dpi=(dpi, dpi))
            jpgs.append(tif)
            continue
        jpg = os.path.join(work, "page-%d.jpg" % pi)
        page.save(jpg, "JPEG", quality=quality, dpi=(dpi, dpi), optimize=True)
        jpgs.append(jpg)
    with open(dst, "wb") as f:
        f.write(img2pdf.convert(jpgs, layout_fun=img2pdf.get_fixed_dpi_layout_fun((dpi, dpi)), creationdate=stamp, moddate=stamp))
    return len(jpgs)


# --------------------------------------------------------------------------------------------
# 统一社会信用代码 (GB 32100) and 组织机构代码 (GB 11714) check characters; added for
# Tests/Fixtures/materials/make_materials.py (the same arithmetic as make_layouts.uscc_make).

USCC_ALPHA = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def org_code_check(first8):
    """GB 11714 check character of an 8-character 组织机构代码 body."""
    w = [3, 7, 9, 10, 5, 8, 4, 2]
    s = sum((int(c) if c.isdigit() else ord(c) - 55) * wi for c, wi in zip(first8, w))
    c9 = 11 - s % 11
    return "X" if c9 == 10 else "0" if c9 == 11 else str(c9)


def uscc_check(first17):
    """GB 32100 check character of the first 17 characters of a 统一社会信用代码."""
    w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    s = sum(USCC_ALPHA.index(c) * wi for c, wi in zip(first17, w))
    return USCC_ALPHA[(31 - s % 31) % 31]
