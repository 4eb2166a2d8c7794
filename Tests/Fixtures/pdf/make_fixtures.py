#!/usr/bin/env python3
"""Make the PDF test corpus of Tests/Fixtures/pdf: forms filled by programs other than intake.

    python3 Tests/Fixtures/pdf/make_fixtures.py            # everything
    python3 Tests/Fixtures/pdf/make_fixtures.py typed scans # some stages only

Stages: typed, scans, acroform, bad, bundles (scans and bundles need typed).
Needs: python-docx reportlab img2pdf Pillow numpy pikepdf PyYAML (pip), soffice, chromium,
pdftoppm/pdftotext (poppler-utils), qpdf. Seeded: the same inputs give the same pages (PDF
timestamps and /ID written by LibreOffice and Chromium still differ from run to run).
"""
import datetime as dt
import html
import json
import os
import random
import re
import shutil
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.dont_write_bytecode = True  # no __pycache__ next to the fixtures
import fixturelib as fx  # noqa: E402  (Tests/Fixtures/fixturelib.py, shared with layouts/make_layouts.py)
from fixturelib import Cell, Para, run  # noqa: E402

REPO = fx.REPO

SEED = 20261117
TMP = tempfile.mkdtemp(prefix="intake-fixtures-")

MISSION = [
    "lc-unit-enrollment", "ly-unit-enrollment", "lc-unit-change", "lc-unit-cancellation",
    "lc-maternity-allowance", "ly-maternity-allowance", "lc-institution-hospital",
    "ly-institution-hospital", "lc-institution-pharmacy", "ly-institution-pharmacy",
]
SAMPLE = {
    "lc-unit-enrollment": "lc-complete.xml",
    "ly-unit-enrollment": "ly-complete.xml",
}

FONT_FILES = {
    "Noto Serif CJK SC": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    "Noto Sans CJK SC": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    "AR PL UMing CN": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
}

# --------------------------------------------------------------------------------------------
# Per form and program: how the applicant typed it.
#   font, size (pt), labels: as-printed | spaced (单 位 名 称) | ideo (姓　名 for 2-char labels)
#   date: cn (2026年11月16日) | cn-spaced (2026 年 11 月 16 日) | iso (2026-11-16)
#   mark: ☑ | ■ | √ (√ before the option, □ dropped) | ✓ | x-instead (X replaces □) |
#         x-over (X typed over □, HTML only)
#   jitter: column width variation; extra: added table rows (maternity)
STYLES = {
    ("lc-unit-enrollment", "libreoffice"): dict(font="Noto Serif CJK SC", size=10.5, labels="as-printed", date="cn", mark="☑", jitter=0.06),
    ("lc-unit-enrollment", "chromium"): dict(font="Noto Sans CJK SC", size=10.5, labels="spaced", date="cn-spaced", mark="■", jitter=0.12),
    ("ly-unit-enrollment", "libreoffice"): dict(font="AR PL UMing CN", size=11, labels="spaced", date="iso", mark="√", jitter=0.10),
    ("ly-unit-enrollment", "chromium"): dict(font="Noto Serif CJK SC", size=10.5, labels="as-printed", date="cn", mark="x-over", jitter=0.05),
    ("lc-unit-change", "libreoffice"): dict(font="Noto Sans CJK SC", size=10.5, labels="as-printed", date="cn-spaced", mark="☑", jitter=0.08),
    ("lc-unit-change", "chromium"): dict(font="AR PL UMing CN", size=11, labels="as-printed", date="iso", mark="☑", jitter=0.10),
    ("lc-unit-cancellation", "libreoffice"): dict(font="Noto Serif CJK SC", size=11, labels="as-printed", date="cn", mark="√", jitter=0.05),
    ("lc-unit-cancellation", "chromium"): dict(font="Noto Sans CJK SC", size=10.5, labels="as-printed", date="cn-spaced", mark="✓", jitter=0.10),
    ("lc-maternity-allowance", "libreoffice"): dict(font="AR PL UMing CN", size=11, labels="ideo", date="cn", mark="√", jitter=0.08),
    ("lc-maternity-allowance", "chromium"): dict(font="Noto Serif CJK SC", size=10.5, labels="spaced", date="iso", mark="x-instead", jitter=0.12),
    ("ly-maternity-allowance", "libreoffice"): dict(font="Noto Sans CJK SC", size=8, labels="as-printed", date="iso", mark="☑", jitter=0.05, extra=30, landscape=True,
                                                    columns=[1.1, 0.6, 2.6, 1.6, 1.5, 1.9, 0.6, 0.6, 2.2, 1.1, 1.1, 2.7]),
    ("ly-maternity-allowance", "chromium"): dict(font="Noto Serif CJK SC", size=8, labels="as-printed", date="cn", mark="☑", jitter=0.08, extra=22, repeat_header=False,
                                                 columns=[1.0, 0.45, 3.45, 1.75, 1.2, 1.9, 0.45, 0.45, 1.5, 0.9, 0.95, 3.4], pad="0.6mm 0.5mm"),
    ("lc-institution-hospital", "libreoffice"): dict(font="Noto Serif CJK SC", size=10.5, labels="as-printed", date="cn", mark="☑", jitter=0.06),
    ("lc-institution-hospital", "chromium"): dict(font="AR PL UMing CN", size=10.5, labels="spaced", date="cn-spaced", mark="☑", jitter=0.10),
    ("ly-institution-hospital", "libreoffice"): dict(font="Noto Sans CJK SC", size=9.5, labels="as-printed", date="cn", mark="☑", jitter=0.02,
                                                     columns=[2.0, 3.0, 4.6, 3.0, 4.6]),
    ("ly-institution-hospital", "chromium"): dict(font="Noto Serif CJK SC", size=10, labels="as-printed", date="iso", mark="■", jitter=0.10),
    ("lc-institution-pharmacy", "libreoffice"): dict(font="AR PL UMing CN", size=10.5, labels="spaced", date="cn-spaced", mark="☑", jitter=0.08),
    ("lc-institution-pharmacy", "chromium"): dict(font="Noto Sans CJK SC", size=10.5, labels="as-printed", date="cn", mark="☑", jitter=0.06),
    ("ly-institution-pharmacy", "libreoffice"): dict(font="Noto Serif CJK SC", size=10, labels="as-printed", date="iso", mark="✓", jitter=0.06),
    ("ly-institution-pharmacy", "chromium"): dict(font="Noto Sans CJK SC", size=10, labels="as-printed", date="cn-spaced", mark="☑", jitter=0.10),
}

# Forms whose template prints the choice as "option（  ）", the mark going into the brackets.
BRACKET_CHOICES = {"lc-unit-cancellation", "lc-maternity-allowance"}
# Choice lists the template prints with separators (、；。) rather than spaces.
SEPARATED_CHOICES = {
    ("ly-institution-hospital", "designationTypes"): ["、", "；", "、", "、", "。"],
    ("ly-institution-pharmacy", "designationTypes"): ["、", "、", "。"],
}


def rng_for(*parts):
    return random.Random("%d/%s" % (SEED, "/".join(map(str, parts))))


def out(*p):
    path = os.path.join(HERE, *p)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return path


# --------------------------------------------------------------------------------------------
# Catalog and samples

load_definition = fx.load_definition
field_index = fx.fields_of


DATE_RE = re.compile(r"^\s*(\d{4})\s*(?:-|年|/|\.)\s*(\d{1,2})\s*(?:-|月|/|\.)\s*(\d{1,2})\s*日?\s*$")


def norm_date(s):
    m = DATE_RE.match(s)
    if not m:
        return s
    return "%04d-%02d-%02d" % tuple(int(x) for x in m.groups())


def norm_value(el, fdef):
    opts = [o.text.strip() for o in el.findall("option") if o.text and o.text.strip()]
    text = (el.text or "").strip()
    if opts:
        return opts[0] if fdef["type"] == "choice" and len(opts) == 1 else opts
    if fdef["type"] == "multi-choice":
        return [t.strip() for t in re.split(r"[、,，;；]", text) if t.strip()]
    if fdef["type"] == "date":
        return norm_date(text)
    return text


def load_sample(form):
    name = SAMPLE.get(form, form + "-complete.xml")
    path = os.path.join(REPO, "samples", name)
    defn = load_definition(form)
    idx = field_index(defn)
    root = ET.parse(path).getroot()
    assert root.get("form") == form, (path, root.get("form"))
    values = {}
    for el in root.find("fields"):
        fdef = idx[el.tag]
        if fdef["type"] == "table":
            cols = {c["key"]: c for c in fdef["columns"]}
            rows = []
            for r in el.findall("row"):
                rows.append({c.tag: norm_value(c, cols[c.tag]) for c in r})
            values[el.tag] = rows
        else:
            values[el.tag] = norm_value(el, fdef)
    return defn, values, "samples/" + name


# --------------------------------------------------------------------------------------------
# Plausible extra people (GB 11643 check digit)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "秀丽敏静燕艳娟霞芳娜玲慧婷雪琳晶颖倩洁莉萍红梅兰凤云丹华英玉春晓欣悦佳宁"
LINYI_AREAS = fx.LY_AREAS
HOSPITALS = fx.HOSPITALS[:12]
id_check, luhn_complete = fx.id_check, fx.luhn_complete


def extra_maternity_rows(n, rng):
    rows = []
    used = set()
    for i in range(n):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))
        birth = dt.date(1987, 1, 1) + dt.timedelta(days=rng.randrange(0, 12 * 365))
        seq = "%02d%d" % (rng.randrange(0, 100), rng.choice([0, 2, 4, 6, 8]))
        first17 = rng.choice(LINYI_AREAS) + birth.strftime("%Y%m%d") + seq
        idn = first17 + id_check(first17)
        if idn in used:
            continue
        used.add(idn)
        event = dt.date(2026, 6, 1) + dt.timedelta(days=rng.randrange(0, 140))
        method = rng.choices(["顺产", "剖宫产", "不满2个月流产", "2-3个月流产", "3-4个月流产", "4个月以上流产"],
                             weights=[50, 35, 4, 4, 4, 3])[0]
        hosp, level = rng.choice(HOSPITALS)
        pay = rng.choice(["银行卡发放", "社保卡发放"])
        row = {"name": name, "gender": "女", "idNumber": idn, "eventDate": event.isoformat(), "eventMethod": method}
        if method in ("顺产", "剖宫产"):
            row["birthCertificateNumber"] = "S37%07d" % rng.randrange(0, 10 ** 7)
            row["parity"] = str(rng.choice([1, 1, 1, 2, 2, 3]))
            row["fetusCount"] = str(rng.choice([1] * 15 + [2]))
        row["hospitalName"] = hosp
        row["hospitalLevel"] = level
        row["paymentMethod"] = pay
        if pay == "银行卡发放":
            row["bankCardNumber"] = luhn_complete(rng.choice(["622848", "621799", "623058"]) + "%012d" % rng.randrange(0, 10 ** 12))
        rows.append(row)
    return rows


# --------------------------------------------------------------------------------------------
# The form as a grid of cells holding paragraphs of runs. A run is a str, or ("x-over",) for an
# "X" typed over a □ (HTML only).

def fmt_date(iso, how):
    y, m, d = (int(x) for x in iso.split("-"))
    return fx.fmt_date_parts(y, m, d, how)


def space_label(text, how):
    if "\n" in text or how == "as-printed":
        return text
    core = text
    if how == "spaced" and 2 <= len(core) <= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", core):
        return (" " if len(core) > 2 else "　").join(core)
    if how == "ideo" and len(core) == 2 and re.fullmatch(r"[\u4e00-\u9fff]+", core):
        return core[0] + "　" + core[1]
    return text


Form = fx.Grid


def mark_runs(style, checked):
    m = style["mark"]
    if not checked:
        return "□"
    if m == "x-over":
        return ("x-over",)
    if m == "x-instead":
        return "X"
    return m


def choice_paras(form, key, fdef, value, style, detail_value=None):
    chosen = value if isinstance(value, list) else ([value] if value else [])
    opts = fdef["options"]
    mark = style["mark"]
    if form in BRACKET_CHOICES:
        sign = "√" if mark in ("☑", "■", "√", "x-over") else ("✓" if mark == "✓" else "X")
        if form == "lc-unit-cancellation":  # one option a line, brackets at the right
            paras = []
            for o in opts:
                inner = " %s " % sign if o in chosen else "      "
                paras.append(Para([o.ljust(6, "　") + "　" * 8 + "（" + inner + "）"]))
            return paras
        parts = []
        for o in opts:
            inner = " %s " % sign if o in chosen else "    "
            parts.append(o + "（" + inner + "）")
        return [Para(["　　".join(parts)])]
    seps = SEPARATED_CHOICES.get((form, key))
    runs = []
    for i, o in enumerate(opts):
        mr = mark_runs(style, o in chosen)
        runs.append(mr)
        label = o
        if fdef.get("detail", {}).get("option") == o:
            label = o + "（" + (detail_value or "　　") + "）"
        runs.append(label)
        if seps:
            runs.append(seps[i])
        elif i < len(opts) - 1:
            runs.append("  ")
    return [Para(runs)]


def build_form(form, defn, values, style):
    fidx = field_index(defn)
    layout = defn["layout"]
    rng = rng_for(form, style["program"], "widths")
    total = 170.0 if not style.get("landscape") else 257.0
    raw = [w * (1 + rng.uniform(-style["jitter"], style["jitter"])) for w in style.get("columns", layout["columns"])]
    scale = total / sum(raw)
    F = Form()
    F.title = defn["title"]
    F.columns = [round(w * scale, 1) for w in raw]

    def text_of(key, row=None):
        src = row if row is not None else values
        v = src.get(key, "")
        if isinstance(v, list):
            return "、".join(v)
        return v

    def date_text(key, row=None):
        src = row if row is not None else values
        v = src.get(key)
        if not v:
            return "年　月　日"
        return fmt_date(v, style["date"])

    def blocks_to_paras(blocks, row=None, default_align="left"):
        paras = []
        pending_space = 0.0
        cur = None
        for b in blocks:
            if "space" in b:
                pending_space += b["space"]
                cur = None
                continue
            align = b.get("align", default_align)
            if "text" in b:
                t = b["text"]
                if cur is not None and cur.runs and t in ("名", "m²"):
                    cur.runs.append(" " + t)
                    continue
                cur = Para([t], align=align, space=pending_space)
                pending_space = 0
                paras.append(cur)
                # join the next field/date/choices if this text is a prompt
                cur.joinable = t.endswith(("：", ":", "自", "至", "执业医师", "药师", "联系电话"))
                continue
            if "label" in b:
                cur = Para([space_label(b["label"], style["labels"])], align="center", space=pending_space)
                cur.joinable = False
                pending_space = 0
                paras.append(cur)
                continue
            if "field" in b:
                runs = [text_of(b["field"], row)]
            elif "date" in b:
                runs = [date_text(b["date"], row)]
            elif "choices" in b:
                k = b["choices"]
                fdef = fidx[k]
                det = fdef.get("detail", {}).get("field")
                cps = choice_paras(form, k, fdef, values.get(k), style, values.get(det) if det else None)
                if cur is not None and getattr(cur, "joinable", False) and len(cps) == 1:
                    cur.runs += cps[0].runs
                    cur.joinable = False
                else:
                    for p in cps:
                        p.space = pending_space
                        pending_space = 0
                        p.align = b.get("align", "left")
                    paras += cps
                    cur = None
                continue
            else:
                continue
            if cur is not None and getattr(cur, "joinable", False):
                sep = "" if cur.runs[-1].endswith(("：", ":")) else " "
                cur.runs += [sep] + runs
                cur.joinable = False
            else:
                cur = Para(runs, align=align, space=pending_space)
                cur.joinable = False
                pending_space = 0
                paras.append(cur)
        return paras

    def make_cell(c, row=None):
        span = c.get("span", 1)
        rowspan = c.get("rowspan", 1)
        if "label" in c:
            p = Para([space_label(c["label"], style["labels"])], align="center", bold=c.get("bold", False))
            return Cell([p], span, rowspan, "middle", label=True)
        if "field" in c:
            return Cell([Para([text_of(c["field"], row)], align=c.get("align", "left"))], span, rowspan, c.get("valign", "middle"))
        if "date" in c:
            return Cell([Para([date_text(c["date"], row)], align=c.get("align", "left"))], span, rowspan, c.get("valign", "middle"))
        if "choices" in c:
            k = c["choices"]
            fdef = fidx[k]
            det = fdef.get("detail", {}).get("field")
            return Cell(choice_paras(form, k, fdef, values.get(k), style, values.get(det) if det else None), span, rowspan, c.get("valign", "middle"))
        if "text" in c:
            return Cell([Para([c["text"]])], span, rowspan, c.get("valign", "middle"))
        return Cell(blocks_to_paras(c.get("blocks", []), row), span, rowspan, c.get("valign", "middle"))

    for r in layout["rows"]:
        h = r.get("minHeight", 10)
        if "repeat" in r:
            for rowvals in values.get(r["repeat"], []):
                F.rows.append(dict(cells=[make_cell(c, rowvals) for c in r["cells"]], height=h, header=False, data=True))
        else:
            F.rows.append(dict(cells=[make_cell(c) for c in r["cells"]], height=h, header=bool(r.get("header")), data=False))
    F.header = blocks_to_paras(layout.get("header", []))
    F.footer = blocks_to_paras(layout.get("footer", []))
    # place cells on columns (rowspans occupy the rows below)
    ncols = len(F.columns)
    occupied = {}
    for ri, r in enumerate(F.rows):
        col = 0
        for c in r["cells"]:
            while occupied.get((ri, col)):
                col += 1
            c.col = col
            for dr in range(c.rowspan):
                for dc in range(c.span):
                    occupied[(ri + dr, col + dc)] = True
            col += c.span
        assert col <= ncols, (form, ri, col, ncols)
    return F


def post_layout(form, F, style):
    """Form-specific touches: the header lines outside the grid as an applicant types them."""
    if form == "ly-maternity-allowance":
        # 填报单位(章): X          填报日期: Y   on one line
        left = F.header[0].runs
        right = F.header[1].runs
        F.header = [Para(left + ["　" * (10 if style.get("landscape") else 4)] + right, align="left")]
        # the three signature lines as one line
        tail = F.footer[-3:]
        F.footer = F.footer[:-3] + [Para(tail[0].runs + ["　　　　"] + tail[1].runs + ["　　　　"] + tail[2].runs, space=4)]
    return F


# --------------------------------------------------------------------------------------------
# HTML for Chromium

def html_runs(runs):
    outp = []
    for r in runs:
        if isinstance(r, str):
            outp.append(html.escape(r).replace("\n", "<br>"))
        else:
            outp.append('<span class="xo">□<span class="x">X</span></span>')
    return "".join(outp)


def form_html(F, style):
    font = style["font"]
    pad = style.get("pad", "1.2mm 1.6mm")
    css = """
@page { size: A4 %s; margin: 16mm 18mm 16mm 18mm; }
body { font-family: "%s"; font-size: %spt; color: #000; margin: 0; }
h1 { font-size: %spt; text-align: center; margin: 0 0 5mm 0; letter-spacing: 0.5pt; }
table.grid { border-collapse: collapse; table-layout: fixed; width: %smm; }
table.grid td { border: 0.8pt solid #000; padding: %s; vertical-align: middle; overflow-wrap: anywhere; }
table.grid td.label { text-align: center; }
table.grid tr { page-break-inside: avoid; }
p { margin: 0; line-height: 1.45; white-space: pre-wrap; }
.xo { position: relative; display: inline-block; }
.xo .x { position: absolute; left: 0.12em; top: -0.05em; font-family: "DejaVu Sans"; font-weight: bold; font-size: 0.9em; }
.hdr, .ftr { margin: 0 0 2mm 0; }
""" % ("landscape" if style.get("landscape") else "portrait", font, style["size"], style["size"] + 7,
       sum(F.columns), pad)
    return fx.html_form(F, css, html_runs, style.get("repeat_header", True))


def chromium_pdf(html_text, pdf_path):
    fx.chromium_pdf(html_text, pdf_path, TMP)


# --------------------------------------------------------------------------------------------
# DOCX for LibreOffice

def docx_doc(F, style):
    return fx.docx_form(F, style["font"], style["size"], style.get("landscape"), (18, 20, 18, 20), 1.15,
                        lambda r: r if isinstance(r, str) else "☒", style.get("repeat_header", True))


def libreoffice_pdf(doc, pdf_path):
    fx.libreoffice_pdf(doc, pdf_path, TMP)


# --------------------------------------------------------------------------------------------
# Truth

def write_truth(stem, data):
    fx.write_json(out("truth", stem + ".json"), data)


SEAL_AREA = {  # forms with a printed place for a seal / a signature
    "lc-unit-enrollment": (True, False),
    "ly-unit-enrollment": (True, False),
    "lc-unit-change": (False, False),
    "lc-unit-cancellation": (True, False),
    "lc-maternity-allowance": (True, True),
    "ly-maternity-allowance": (True, True),
    "lc-institution-hospital": (True, True),
    "ly-institution-hospital": (True, True),
    "lc-institution-pharmacy": (True, True),
    "ly-institution-pharmacy": (True, True),
}


def typed_values(form, program):
    defn, values, sample = load_sample(form)
    style = dict(STYLES[(form, program)], program=program)
    values = json.loads(json.dumps(values))
    added = 0
    if style.get("extra"):
        extra = extra_maternity_rows(style["extra"], rng_for(form, program, "rows"))
        values["employees"] = values["employees"] + extra
        added = len(extra)
    return defn, values, sample, style, added


def make_typed():
    manifest = []
    for form in MISSION:
        for program in ("libreoffice", "chromium"):
            defn, values, sample, style, added = typed_values(form, program)
            F = post_layout(form, build_form(form, defn, values, style), style)
            ext = "lo" if program == "libreoffice" else "chromium"
            rel = "typed/%s.%s.pdf" % (form, ext)
            path = out(rel)
            if program == "libreoffice":
                libreoffice_pdf(docx_doc(F, style), path)
            else:
                chromium_pdf(form_html(F, style), path)
            seal_area, sign_area = SEAL_AREA[form]
            pages = fx.pdf_pages(path)
            notes = "font %s %spt; labels %s; dates %s; check mark %s; %d page(s)" % (
                style["font"], style["size"], style["labels"], style["date"], style["mark"], pages)
            if added:
                notes += "; %d table rows added to the sample's %d; header rows %s" % (
                    added, len(values["employees"]) - added, "repeated on each page" if style.get("repeat_header", True) else "not repeated")
            if style.get("landscape"):
                notes += "; A4 landscape"
            write_truth("%s.%s" % (form, ext), {
                "form": form, "file": rel, "program": program, "kind": "typed", "sample": sample,
                "values": values, "seal": False if seal_area else None, "signature": False if sign_area else None,
                "notes": notes})
            print("typed", rel, pages, "page(s)")
            manifest.append(rel)
    return manifest


# --------------------------------------------------------------------------------------------
# Scans: print -> scan. Per form, per program: (dpi, angle, colour, seal, signature, noise sigma,
# blur); seal/signature None where the form prints no place for one.

SCANS = {
    "lc-unit-enrollment": {"libreoffice": (200, 0.6, True, True, False, 3.0, 0.6),
                           "chromium": (150, -0.9, False, False, False, 4.0, 0.5)},
    "ly-unit-enrollment": {"libreoffice": (200, -0.4, True, True, False, 2.5, 0.7),
                           "chromium": (300, 1.1, False, True, False, 3.0, 0.8)},
    "lc-unit-change": {"libreoffice": (150, 0.3, False, None, None, 5.0, 0.4), "chromium": (200, -0.75, True, None, None, 2.0, 0.6)},
    "lc-unit-cancellation": {"libreoffice": (200, -1.2, True, True, False, 3.0, 0.6)},
    "lc-maternity-allowance": {"libreoffice": (200, 0.8, True, True, True, 3.0, 0.6),
                               "chromium": (150, -0.5, False, False, True, 4.0, 0.5)},
    "ly-maternity-allowance": {"libreoffice": (150, -0.7, True, True, True, 1.5, 0.8), "chromium": (150, 0.5, False, False, False, 2.0, 0.7)},
    "lc-institution-hospital": {"libreoffice": (150, 1.0, True, True, True, 3.0, 0.5)},
    "ly-institution-hospital": {"libreoffice": (200, -0.3, True, True, True, 2.5, 0.6),
                                "chromium": (150, 0.7, False, False, True, 4.0, 0.5)},
    "lc-institution-pharmacy": {"chromium": (200, -1.0, True, True, False, 3.0, 0.6), "libreoffice": (300, 0.35, False, False, False, 3.0, 0.8)},
    "ly-institution-pharmacy": {"libreoffice": (200, 0.45, False, False, True, 3.0, 0.6)},
}

SIGN_WORDS = ["经办人签字", "法人代表：", "签章", "单位负责人"]
SEAL_TEXT = {
    "lc-unit-enrollment": "unitName", "ly-unit-enrollment": "unitName", "lc-unit-cancellation": "unitName",
    "lc-maternity-allowance": "unitName", "ly-maternity-allowance": "unitName", "lc-institution-hospital": "unitName",
    "ly-institution-hospital": "institutionName", "lc-institution-pharmacy": "pharmacyName",
    "ly-institution-pharmacy": "pharmacyName",
}


def make_scans():
    for form, programs in SCANS.items():
        for program, (dpi, angle, colour, seal, sign, sigma, blur) in programs.items():
            make_scan(form, program, dpi, angle, colour, seal, sign, sigma, blur)


def make_scan(form, program, dpi, angle, colour, seal, sign, sigma, blur):
    ext = "lo" if program == "libreoffice" else "chromium"
    src = out("typed", "%s.%s.pdf" % (form, ext))
    rng = rng_for("scan", form, program)
    work = os.path.join(TMP, "scan-%s-%s" % (form, ext))
    os.makedirs(work, exist_ok=True)
    boxes = fx.word_boxes(src)
    with open(out("truth", "%s.%s.json" % (form, ext)), encoding="utf-8") as f:
        typed_truth = json.load(f)
    seal_at = fx.find_word(boxes, fx.SEAL_WORDS) if seal else None
    sign_at = fx.find_word(boxes, SIGN_WORDS, prefer_last=True) if sign else None
    if seal and not seal_at:
        raise RuntimeError("no seal place on " + src)
    if sign and not sign_at:
        raise RuntimeError("no signature place on " + src)
    rel = "scans/%s.%s.pdf" % (form, ext)
    quality = 70 if not colour else 62
    stamp = dt.datetime(2026, 11, 17, 9, 30, tzinfo=dt.timezone.utc)
    pages = fx.scan_pdf(src, out(rel), work, rng, dpi, angle, colour, sigma, blur, quality, stamp,
                        seal_at=seal_at, seal_name=typed_truth["values"].get(SEAL_TEXT.get(form), ""),
                        sign_at=sign_at, sign_phase=1.3)
    seal_area, sign_area = SEAL_AREA[form]
    notes = "from typed/%s.%s.pdf; %d dpi, rotated %+.2f° (%s), %s, gaussian noise σ=%.1f, blur %.1f px, JPEG q%d; %d page(s), image only" % (
        form, ext, dpi, angle, "counter-clockwise" if angle > 0 else "clockwise", "colour" if colour else "grey",
        sigma, blur, quality, pages)
    if seal:
        notes += "; red seal (%s) at %s on page %d%s" % (typed_truth["values"][SEAL_TEXT[form]], seal_at[5], seal_at[0] + 1,
                                                        ", printed grey" if not colour else "")
    if sign:
        notes += "; handwritten signature stroke after %s on page %d" % (sign_at[5], sign_at[0] + 1)
    write_truth("%s.%s.scan" % (form, ext), {
        "form": form, "file": rel, "program": program, "kind": "scan", "sample": typed_truth["sample"],
        "values": typed_truth["values"],
        "seal": bool(seal) if seal_area else None, "signature": bool(sign) if sign_area else None,
        "notes": notes})
    print("scan", rel, os.path.getsize(out(rel)) // 1024, "KB")


# --------------------------------------------------------------------------------------------
# AcroForm PDFs (reportlab). Text appearances are drawn by reportlab as form XObjects in an
# embedded CJK TrueType font and attached to the widgets afterwards with pikepdf, because
# reportlab's own field appearances know only the 14 standard fonts.

ACROFORMS = {
    # form: (naming, tooltips, date format)
    "lc-unit-enrollment": ("acrobat", True, "iso"),
    "lc-unit-change": ("acrobat", False, "cn"),
    "ly-institution-pharmacy": ("keys", False, "cn-spaced"),
}


def make_acroform():
    import pikepdf
    from reportlab.lib.colors import black, Color
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("UMing", FONT_FILES["AR PL UMing CN"][0], subfontIndex=0))
    W, H = A4
    for form, (naming, tooltips, datefmt) in ACROFORMS.items():
        defn, values, sample = load_sample(form)
        rel = "acroform/%s.pdf" % form
        path = out(rel)
        c = canvas.Canvas(path, pagesize=A4, invariant=1)
        c.setTitle(defn["title"])
        c.setFont("UMing", 16)
        c.drawCentredString(W / 2, H - 22 * mm, defn["title"])
        x0, xg, xl, xw, x1 = 18 * mm, 18 * mm, 53 * mm, 92 * mm, W - 18 * mm
        y = H - 32 * mm
        counter = {"Text": 0, "Check Box": 0, "Group": 0}
        field_map = {}  # field name -> (key, text value) for text widgets
        layout_notes = []

        def next_name(kind, key):
            if naming == "keys":
                return key
            counter[kind] += 1
            n = sum(counter.values())
            return "%s%d" % (kind if kind != "Check Box" else "Check Box", n) if kind != "Check Box" else "Check Box%d" % n

        def text_value(f):
            v = values.get(f["key"], "")
            if f["type"] == "date" and v:
                return fmt_date(v, datefmt)
            return v if isinstance(v, str) else "、".join(v)

        fields = [f for f in defn["fields"] if f["type"] != "table"]
        prev_group = None
        for f in fields:
            multiline = f["type"] == "text" and f.get("maxLength", 0) >= 200
            opts = f.get("options", [])
            if f["type"] in ("choice", "multi-choice"):
                # lay the options out in lines inside the widget column
                lines, cur, width = [], [], 0
                for o in opts:
                    ow = 6 * mm + pdfmetrics.stringWidth(o, "UMing", 10) + 5 * mm
                    if cur and width + ow > x1 - xw - 2 * mm:
                        lines.append(cur)
                        cur, width = [], 0
                    cur.append((o, ow))
                    width += ow
                lines.append(cur)
                h = max(10 * mm, len(lines) * 7 * mm + 3 * mm)
            else:
                h = 16 * mm if multiline else 9 * mm
            if y - h < 20 * mm:
                c.showPage()
                y = H - 20 * mm
            group = f.get("group", "")
            # grid
            c.setLineWidth(0.6)
            c.rect(x0, y - h, x1 - x0, h)
            c.line(xl, y - h, xl, y)
            c.line(xw, y - h, xw, y)
            c.setFont("UMing", 10.5)
            if group and group != prev_group:
                c.setFont("UMing", 9.5)
                c.drawString(xg + 1.5 * mm, y - h / 2 - 1.5 * mm, group)
                c.setFont("UMing", 10.5)
            prev_group = group
            c.drawString(xl + 2 * mm, y - h / 2 - 1.5 * mm, f["label"])
            tip = (group + " " if group else "") + f["label"]
            if f["type"] == "choice":
                gname = next_name("Group", f["key"])
                chosen = values.get(f["key"])
                yy = y - 3 * mm
                k = 0
                for line in lines:
                    xx = xw + 2 * mm
                    yy -= 5.5 * mm
                    for o, ow in line:
                        k += 1
                        c.acroForm.radio(name=gname, tooltip=tip if tooltips else None, value="Choice%d" % k,
                                         selected=(o == chosen), x=xx, y=yy - 0.5 * mm, size=9, buttonStyle="circle", shape="square",
                                         borderWidth=0.8, borderColor=black, fillColor=Color(1, 1, 1), textColor=black,
                                         forceBorder=True)
                        c.drawString(xx + 4.5 * mm, yy + 0.8 * mm, o)
                        xx += ow
                layout_notes.append("%s (%s): radio group %s, export values Choice1..Choice%d in the printed order %s" % (
                    f["label"], f["key"], gname, len(opts), "/".join(opts)))
            elif f["type"] == "multi-choice":
                chosen = values.get(f["key"], [])
                yy = y - 3 * mm
                names = []
                for line in lines:
                    xx = xw + 2 * mm
                    yy -= 5.5 * mm
                    for o, ow in line:
                        nm = next_name("Check Box", f["key"]) if naming != "keys" else "%s_%d" % (f["key"], opts.index(o) + 1)
                        names.append("%s=%s" % (nm, o))
                        c.acroForm.checkbox(name=nm, tooltip=(tip + "：" + o) if tooltips else None, checked=(o in chosen),
                                            x=xx, y=yy - 0.5 * mm, size=9, buttonStyle="check", borderWidth=0.8,
                                            borderColor=black, fillColor=Color(1, 1, 1), textColor=black, forceBorder=True)
                        c.drawString(xx + 4.5 * mm, yy + 0.8 * mm, o)
                        xx += ow
                layout_notes.append("%s (%s): check boxes %s" % (f["label"], f["key"], ", ".join(names)))
            else:
                nm = next_name("Text", f["key"])
                val = text_value(f)
                fw, fh = x1 - xw - 2 * mm, h - 2 * mm
                c.acroForm.textfield(name=nm, tooltip=tip if tooltips else None, x=xw + 1 * mm, y=y - h + 1 * mm,
                                     width=fw, height=fh, value="", fontName="Helvetica", fontSize=10, borderWidth=0,
                                     fillColor=Color(1, 1, 1, alpha=0), textColor=black, forceBorder=False,
                                     fieldFlags="multiline" if multiline else "")
                field_map[nm] = (f["key"], val, fw, fh, multiline)
                # its appearance, drawn in the embedded font (marked to be found again)
                c.beginForm("ap_" + nm, lowerx=0, lowery=0, upperx=fw, uppery=fh)
                c.addLiteral("%% intake-ap %s" % nm)
                c.addLiteral("/Tx BMC")
                c.setFont("UMing", 10)
                if val:
                    if multiline:
                        lines_t, cur = [], ""
                        for ch in val:
                            if pdfmetrics.stringWidth(cur + ch, "UMing", 10) > fw - 4:
                                lines_t.append(cur)
                                cur = ""
                            cur += ch
                        lines_t.append(cur)
                        for i, lt in enumerate(lines_t):
                            c.drawString(2, fh - 11 - i * 12, lt)
                    else:
                        c.drawString(2, (fh - 10) / 2 + 1.5, val)
                c.addLiteral("EMC")
                c.endForm()
            y -= h
        c.setFont("UMing", 9)
        c.drawString(x0, y - 8 * mm, "（可填写的电子表格，填写后请打印并加盖单位公章）" if form != "lc-unit-change" else "（可填写的电子表格）")
        c.showPage()
        c.save()

        # attach appearances and values
        pdf = pikepdf.open(path, allow_overwriting_input=True)
        aps = {}
        for o in pdf.objects:
            if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Form":
                data = o.read_bytes()
                m = re.search(rb"% intake-ap (\S+)", data)
                if m:
                    o.write(data.replace(m.group(0), b""))
                    aps[m.group(1).decode()] = o
        n = 0
        for fld in pdf.Root.AcroForm.Fields:
            name = str(fld.get("/T", ""))
            if name in field_map:
                key, val, fw, fh, ml = field_map[name]
                fld.V = pikepdf.String(val)
                fld.DA = pikepdf.String("/Helv 10 Tf 0 g")
                fld.AP = pikepdf.Dictionary(N=aps[name])
                n += 1
        pdf.save(path, deterministic_id=True)
        vals = {k: v for k, v in values.items()}
        desc = {
            "acrobat": "meaningless Acrobat-style names (Text1, Check Box5, Group3)",
            "keys": "field names are the form's keys (pharmacyName, designationTypes_1...)",
        }[naming]
        notes = "%s; %s; text appearances in embedded AR PL UMing CN, /V as UTF-16 strings; dates typed %s; %s" % (
            desc, "tooltips (/TU) carry the printed label, prefixed by its group" if tooltips else
            "no tooltips: only the label printed to the left of each widget says what it is",
            datefmt, "; ".join(layout_notes) or "no choice fields")
        write_truth("%s.acroform" % form, {
            "form": form, "file": rel, "program": "reportlab", "kind": "acroform", "sample": sample,
            "values": vals, "seal": None, "signature": None, "fields": {k: v[0] for k, v in field_map.items()},
            "notes": notes})
        print("acroform", rel, n, "text fields")


# --------------------------------------------------------------------------------------------
# Broken and hostile files

LETTER = [
    "关于调整办公室搬迁时间的函",
    "",
    "各合作单位：",
    "",
    "因办公楼装修工程延期，我公司原定于2026年11月20日的办公室搬迁推迟至2026年12月4日。",
    "搬迁期间（12月4日至12月6日）业务电话暂停使用，如有急事请拨打值班手机。",
    "新办公地址：聊城市东昌府区花园北路88号科技大厦9楼。",
    "由此给您带来的不便，敬请谅解。",
    "",
    "特此函告。",
    "",
    "聊城市鑫源精密机械有限公司办公室",
    "2026年11月16日",
]


def text_pdf(path, lines, title=None, font_size=12):
    """A plain text PDF (reportlab, embedded AR PL UMing CN)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    try:
        pdfmetrics.getFont("UMing")
    except KeyError:
        pdfmetrics.registerFont(TTFont("UMing", FONT_FILES["AR PL UMing CN"][0], subfontIndex=0))
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    W, H = A4
    y = H - 30 * mm
    if title:
        c.setFont("UMing", font_size + 6)
        c.drawCentredString(W / 2, y, title)
        y -= 14 * mm
    c.setFont("UMing", font_size)
    for line in lines:
        if line.startswith(">"):
            c.drawRightString(W - 25 * mm, y, line[1:])
        else:
            c.drawString(25 * mm, y, line)
        y -= font_size * 1.9
    c.showPage()
    c.save()


def make_bad():
    src = out("typed", "lc-unit-enrollment.lo.pdf")
    bad = lambda name: out("bad", name)
    run(["qpdf", "--encrypt", "intake-user-2026", "intake-owner-2026", "256", "--", src, bad("encrypted.pdf")])
    run(["qpdf", "--encrypt", "", "intake-owner-2026", "256", "--extract=n", "--modify=none", "--print=low", "--",
         src, bad("owner-only.pdf")])
    data = open(src, "rb").read()
    with open(bad("truncated.pdf"), "wb") as f:
        f.write(data[: len(data) // 2])
    # zero pages: a hand-written PDF whose page tree is empty
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    body = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (i, o)
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        body += b"%010d 00000 n \n" % off
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    with open(bad("zero-pages.pdf"), "wb") as f:
        f.write(body)
    # 2,000 blank pages sharing one empty content stream
    import pikepdf
    pdf = pikepdf.new()
    content = pdf.make_indirect(pikepdf.Stream(pdf, b""))
    for _ in range(2000):
        page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842], Contents=content,
                                  Resources=pikepdf.Dictionary())
        pdf.pages.append(pikepdf.Page(page))
    pdf.save(bad("many-pages.pdf"), compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate,
             deterministic_id=True)
    # a JPEG named .pdf
    from PIL import Image, ImageDraw
    img = Image.new("RGB", (800, 600), (236, 236, 230))
    d = ImageDraw.Draw(img)
    d.rectangle([60, 60, 740, 540], outline=(90, 90, 90), width=4)
    d.line([60, 200, 740, 200], fill=(120, 120, 120), width=3)
    img.save(bad("jpeg-renamed.pdf"), "JPEG", quality=80)
    text_pdf(bad("not-a-form.pdf"), [l if l not in ("聊城市鑫源精密机械有限公司办公室", "2026年11月16日") else ">" + l for l in LETTER[1:]],
             title=LETTER[0])
    expected = {
        "encrypted.pdf": "needs a user password (intake-user-2026; owner intake-owner-2026), AES-256: cannot be opened without it",
        "owner-only.pdf": "owner password only (intake-owner-2026), AES-256, copy/modify not allowed, print low-res: opens and its text can be read",
        "truncated.pdf": "the first half of typed/lc-unit-enrollment.lo.pdf: no xref/trailer at the end",
        "zero-pages.pdf": "well-formed, /Pages with /Kids [] and /Count 0",
        "many-pages.pdf": "2,000 blank A4 pages sharing one empty content stream",
        "jpeg-renamed.pdf": "a JPEG (FF D8 FF) with a .pdf name",
        "not-a-form.pdf": "a one-page text PDF of a letter (关于调整办公室搬迁时间的函), no form",
    }
    fx.write_json(bad("expected.json"), expected)
    for n in sorted(os.listdir(out("bad", ""))):
        print("bad", n, os.path.getsize(bad(n)))


# --------------------------------------------------------------------------------------------
# Bundles: an application with its materials, as a folder and as zips

def bundle_files():
    """name -> (material id or None, maker)"""
    defn, values, sample = load_sample("lc-unit-enrollment")
    v = values
    licence = [
        "统一社会信用代码  %s" % v["uscc"],
        "",
        "名　　称　%s" % v["unitName"],
        "类　　型　有限责任公司（自然人投资或控股）",
        "法定代表人　%s" % v["legalRepName"],
        "注册资本　伍佰万元整",
        "成立日期　2026年10月28日",
        "营业期限　2026年10月28日至长期",
        "住　　所　%s" % v["address"],
        "经营范围　精密机械零部件加工、销售；通用设备制造（不含特种设备制造）。",
        "",
        ">登记机关　聊城市东昌府区行政审批服务局",
        ">2026年10月28日",
    ]
    approval = [
        "东审批字〔2026〕第1187号",
        "",
        "%s（筹）：" % v["unitName"],
        "",
        "你单位报送的设立申请及相关材料收悉。经审查，符合《中华人民共和国公司法》",
        "及有关规定，同意设立%s，" % v["unitName"],
        "统一社会信用代码%s，住所%s。" % (v["uscc"], v["address"]),
        "请按规定办理社会保险、医疗保险参保登记等相关手续。",
        "",
        ">聊城市东昌府区行政审批服务局",
        ">2026年10月28日",
        "",
        "（本复印件与原件一致）",
    ]
    return licence, approval


def make_bundles():
    import img2pdf
    from PIL import Image, ImageFilter
    import numpy as np
    licence, approval = bundle_files()
    base = out("bundles", "lc-unit-enrollment-complete", "x")
    base = os.path.dirname(base)
    if os.path.isdir(base):
        shutil.rmtree(base)
    os.makedirs(os.path.join(base, "scans"))
    shutil.copyfile(out("typed", "lc-unit-enrollment.lo.pdf"), os.path.join(base, "单位基本医疗保险参保信息登记表.pdf"))
    text_pdf(os.path.join(base, "营业执照.pdf"), licence, title="营 业 执 照")
    approval_pdf = os.path.join(TMP, "approval.pdf")
    text_pdf(approval_pdf, approval, title="关于同意设立%s的批复" % load_sample("lc-unit-enrollment")[1]["unitName"], font_size=11)
    shutil.copyfile(approval_pdf, os.path.join(base, "单位批准成立文件.pdf"))
    # the sealed paper form and the approval copy as scanned JPEGs
    scanned = out("scans", "lc-unit-enrollment.lo.pdf")
    work = os.path.join(TMP, "bundle-scan")
    os.makedirs(work, exist_ok=True)
    run(["pdfimages", "-j", scanned, os.path.join(work, "form")])
    shutil.copyfile(os.path.join(work, "form-000.jpg"), os.path.join(base, "scans", "参保信息登记表-盖章页.jpg"))
    run(["pdftoppm", "-r", "150", "-gray", "-png", approval_pdf, os.path.join(work, "ap")])
    rng = rng_for("bundle")
    img = Image.open(os.path.join(work, "ap-1.png")).convert("L").rotate(-0.6, resample=Image.BICUBIC, fillcolor=244)
    arr = np.asarray(img).astype(float) * 0.95 + 8 + np.random.default_rng(rng.randrange(2 ** 32)).normal(0, 3, img.size[::-1])
    img = Image.fromarray(arr.clip(0, 255).astype("uint8")).filter(ImageFilter.GaussianBlur(0.5))
    img.save(os.path.join(base, "scans", "单位批准成立文件复印件.jpg"), "JPEG", quality=70, dpi=(150, 150))
    complete_truth = {
        "form": "lc-unit-enrollment", "item": "371500-unit-enrollment", "sample": "samples/lc-complete.xml",
        "files": {
            "单位基本医疗保险参保信息登记表.pdf": {"material": "application-form", "kind": "typed", "truth": "truth/lc-unit-enrollment.lo.json"},
            "scans/参保信息登记表-盖章页.jpg": {"material": "application-form", "kind": "scan", "note": "the same form printed, sealed (加盖单位公章) and scanned: page 1 of scans/lc-unit-enrollment.lo.pdf"},
            "单位批准成立文件.pdf": {"material": "approval-document", "kind": "text", "first_page_text": "关于同意设立…的批复 / 东审批字〔2026〕第1187号"},
            "scans/单位批准成立文件复印件.jpg": {"material": "approval-document", "kind": "scan", "note": "复印件 of the same approval, 150 dpi grey"},
            "营业执照.pdf": {"material": None, "kind": "text", "note": "营业执照 with 统一社会信用代码; not a material this item names (the guide asks for 单位批准成立文件复印件; the clerk decides)"},
        },
        "materials_present": ["application-form", "approval-document"],
        "materials_missing": [],
        "expected": "complete (handling 本人: power-of-attorney and agent-id not required)",
    }
    # Beside the bundle, not in it: a bundle's every file is taken as a material.
    fx.write_json(base + ".truth.json", complete_truth)
    missing = os.path.join(os.path.dirname(base), "lc-unit-enrollment-missing-one")
    if os.path.isdir(missing):
        shutil.rmtree(missing)
    shutil.copytree(base, missing)
    os.remove(os.path.join(missing, "单位批准成立文件.pdf"))
    os.remove(os.path.join(missing, "scans", "单位批准成立文件复印件.jpg"))
    mt = json.loads(json.dumps(complete_truth))
    for k in ["单位批准成立文件.pdf", "scans/单位批准成立文件复印件.jpg"]:
        del mt["files"][k]
    mt["materials_present"] = ["application-form"]
    mt["materials_missing"] = [{"id": "approval-document", "name": "单位批准成立文件复印件",
                                "wording": "单位批准成立文件复印件1份", "source": "000_aae2795ad81a31b3.txt:17",
                                "files_removed": ["单位批准成立文件.pdf", "scans/单位批准成立文件复印件.jpg"]}]
    mt["expected"] = "incomplete: 单位批准成立文件复印件 missing (营业执照 is not one of its aliases)"
    fx.write_json(missing + ".truth.json", mt)

    # zips
    zdir = os.path.join(os.path.dirname(base), "zips")
    os.makedirs(zdir, exist_ok=True)
    stamp = (2026, 11, 17, 9, 30, 0)

    def info(name, attr=0o100644):
        zi = zipfile.ZipInfo(name, stamp)
        zi.external_attr = attr << 16
        zi.create_system = 3
        zi.compress_type = zipfile.ZIP_DEFLATED
        return zi

    with zipfile.ZipFile(os.path.join(zdir, "good.zip"), "w") as z:
        for dirpath, dirnames, filenames in sorted(os.walk(base)):
            dirnames.sort()
            for fn in sorted(filenames):
                full = os.path.join(dirpath, fn)
                rel = os.path.relpath(full, os.path.dirname(base))
                with open(full, "rb") as f:
                    z.writestr(info(rel), f.read())
    with zipfile.ZipFile(os.path.join(zdir, "traversal.zip"), "w") as z:
        with open(os.path.join(base, "单位基本医疗保险参保信息登记表.pdf"), "rb") as f:
            z.writestr(info("单位基本医疗保险参保信息登记表.pdf"), f.read())
        z.writestr(info("../../evil.txt"), b"written outside the extraction folder\n")
    with zipfile.ZipFile(os.path.join(zdir, "absolute.zip"), "w") as z:
        z.writestr(info("readme.txt"), b"an ordinary entry\n")
        z.writestr(info("/tmp/evil.txt"), b"written to an absolute path\n")
    with zipfile.ZipFile(os.path.join(zdir, "symlink.zip"), "w") as z:
        z.writestr(info("readme.txt"), b"an ordinary entry\n")
        zi = info("营业执照.pdf", 0o120777)
        zi.compress_type = zipfile.ZIP_STORED
        z.writestr(zi, b"/etc/passwd")
    # Deflate cannot pass ~1,030:1, so the >= 10,000:1 bomb uses bzip2 (method 12);
    # bomb-deflate.zip is the same 200 MB of zeros deflated (~1,030:1).
    for name, method in (("bomb.zip", zipfile.ZIP_BZIP2), ("bomb-deflate.zip", zipfile.ZIP_DEFLATED)):
        with zipfile.ZipFile(os.path.join(zdir, name), "w") as z:
            zi = info("单位批准成立文件.pdf")
            zi.compress_type = method
            with z.open(zi, "w", force_zip64=True) as w:
                chunk = b"\0" * (1 << 20)
                for _ in range(200):
                    w.write(chunk)
    for root_, _, files in sorted(os.walk(os.path.dirname(base))):
        for fn in sorted(files):
            p = os.path.join(root_, fn)
            print("bundle", os.path.relpath(p, HERE), os.path.getsize(p))


# --------------------------------------------------------------------------------------------

STAGES = ["typed", "scans", "acroform", "bad", "bundles"]


def main(argv):
    stages = argv or STAGES
    for s in stages:
        if s not in STAGES:
            sys.exit("unknown stage %s (stages: %s)" % (s, " ".join(STAGES)))
    try:
        for s in STAGES:
            if s in stages:
                globals()["make_" + s]()
    finally:
        shutil.rmtree(TMP, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
