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
import io
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
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
SEAL_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
if not os.path.exists(SEAL_FONT):
    SEAL_FONT = FONT_FILES["Noto Sans CJK SC"][0]

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


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        raise RuntimeError("%s failed (%d): %s %s" % (cmd[0], r.returncode, r.stdout[-2000:], r.stderr[-2000:]))
    return r.stdout


def out(*p):
    path = os.path.join(HERE, *p)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return path


# --------------------------------------------------------------------------------------------
# Catalog and samples

def load_definition(form):
    with open(os.path.join(REPO, "forms", "definitions", form + ".yaml"), encoding="utf-8") as f:
        return yaml.safe_load(f)


def field_index(defn):
    idx = {}
    for f in defn["fields"]:
        idx[f["key"]] = f
    return idx


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
LINYI_AREAS = ["371302", "371311", "371312", "371321", "371322", "371323", "371324", "371325", "371326", "371327", "371328", "371329"]
HOSPITALS = [("临沂市人民医院", "三级甲等"), ("临沂市妇幼保健院", "三级甲等"), ("临沂市中心医院", "三级甲等"),
             ("临沂市兰山区人民医院", "二级甲等"), ("临沂市罗庄区中心医院", "二级甲等"), ("临沂市河东区人民医院", "二级甲等"),
             ("沂南县人民医院", "二级甲等"), ("沂水县妇幼保健院", "二级甲等"), ("临沂市第三人民医院", "三级乙等"),
             ("兰陵县人民医院", "二级甲等"), ("费县人民医院", "二级甲等"), ("临沂市肿瘤医院", "三级乙等")]


def id_check(first17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(a) * b for a, b in zip(first17, w)) % 11]


def luhn_complete(partial):
    digits = [int(d) for d in partial][::-1]
    total = 0
    for i, d in enumerate(digits):
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return partial + str((10 - total % 10) % 10)


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
    if how == "iso":
        return "%04d-%02d-%02d" % (y, m, d)
    if how == "cn-spaced":
        return "%d 年 %d 月 %d 日" % (y, m, d)
    return "%d年%d月%d日" % (y, m, d)


def space_label(text, how):
    if "\n" in text or how == "as-printed":
        return text
    core = text
    if how == "spaced" and 2 <= len(core) <= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", core):
        return (" " if len(core) > 2 else "　").join(core)
    if how == "ideo" and len(core) == 2 and re.fullmatch(r"[\u4e00-\u9fff]+", core):
        return core[0] + "　" + core[1]
    return text


class Para:
    def __init__(self, runs=None, align="left", space=0.0, bold=False):
        self.runs = runs or []
        self.align = align
        self.space = space  # mm before
        self.bold = bold

    def text(self):
        return "".join(r if isinstance(r, str) else "□X" for r in self.runs)


class Cell:
    def __init__(self, paras, span=1, rowspan=1, valign="middle", label=False):
        self.paras = paras
        self.span = span
        self.rowspan = rowspan
        self.valign = valign
        self.label = label
        self.col = None


class Form:
    def __init__(self):
        self.title = ""
        self.header = []  # paragraphs above the grid
        self.footer = []
        self.columns = []  # mm
        self.rows = []  # list of dict(cells, height, header)


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
    parts = ["<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>%s</title><style>%s</style></head><body>" % (html.escape(F.title), css)]
    parts.append("<h1>%s</h1>" % html.escape(F.title))
    for p in F.header:
        parts.append("<p class='hdr' style='text-align:%s'>%s</p>" % (p.align, html_runs(p.runs)))
    parts.append("<table class='grid'><colgroup>%s</colgroup>" % "".join("<col style='width:%smm'>" % w for w in F.columns))
    repeat = style.get("repeat_header", True)
    in_head = False
    started_body = False
    for r in F.rows:
        if r["header"] and repeat and not started_body and any(x["data"] for x in F.rows):
            if not in_head:
                parts.append("<thead>")
                in_head = True
        else:
            if in_head:
                parts.append("</thead>")
                in_head = False
            if not started_body:
                parts.append("<tbody>")
                started_body = True
        parts.append("<tr style='height:%smm'>" % r["height"])
        for c in r["cells"]:
            attrs = ""
            if c.span > 1:
                attrs += " colspan='%d'" % c.span
            if c.rowspan > 1:
                attrs += " rowspan='%d'" % c.rowspan
            cls = " class='label'" if c.label else ""
            va = {"top": "top", "bottom": "bottom"}.get(c.valign, "middle")
            body = "".join("<p style='text-align:%s;%s%s'>%s</p>" % (
                p.align, "margin-top:%smm;" % p.space if p.space else "", "font-weight:bold;" if p.bold else "",
                html_runs(p.runs) or "&nbsp;") for p in c.paras)
            parts.append("<td%s%s style='vertical-align:%s'>%s</td>" % (attrs, cls, va, body))
        parts.append("</tr>")
    if in_head:
        parts.append("</thead><tbody>")
    parts.append("</tbody></table>")
    for p in F.footer:
        parts.append("<p class='ftr' style='text-align:%s;%s'>%s</p>" % (p.align, "margin-top:%smm;" % p.space if p.space else "", html_runs(p.runs)))
    parts.append("</body></html>")
    return "".join(parts)


def chromium_pdf(html_text, pdf_path):
    src = os.path.join(TMP, os.path.basename(pdf_path) + ".html")
    with open(src, "w", encoding="utf-8") as f:
        f.write(html_text)
    profile = os.path.join(TMP, "chromium-profile")
    run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile,
         "--no-pdf-header-footer", "--print-to-pdf=" + pdf_path, "file://" + src], timeout=180)


# --------------------------------------------------------------------------------------------
# DOCX for LibreOffice

def docx_doc(F, style):
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_ALIGN_VERTICAL, WD_ROW_HEIGHT_RULE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc = Document()
    sec = doc.sections[0]
    if style.get("landscape"):
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Mm(297), Mm(210)
        sec.left_margin = sec.right_margin = Mm(20)
    else:
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.left_margin = sec.right_margin = Mm(20)
    sec.top_margin = sec.bottom_margin = Mm(18)
    normal = doc.styles["Normal"]
    normal.font.name = style["font"]
    normal.font.size = Pt(style["size"])
    rpr = normal.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.append(rfonts)
    for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(a), style["font"])
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.15
    ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}

    def fill_para(par, p):
        par.alignment = ALIGN.get(p.align, WD_ALIGN_PARAGRAPH.LEFT)
        if p.space:
            par.paragraph_format.space_before = Mm(p.space)
        for r in p.runs:
            t = r if isinstance(r, str) else "☒"
            lines = t.split("\n")
            for i, line in enumerate(lines):
                run_ = par.add_run(line)
                run_.bold = p.bold
                if i < len(lines) - 1:
                    run_.add_break()

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    tr = title.add_run(F.title)
    tr.bold = True
    tr.font.size = Pt(style["size"] + 7)
    title.paragraph_format.space_after = Mm(4)
    for p in F.header:
        fill_para(doc.add_paragraph(), p)
    ncols = len(F.columns)
    table = doc.add_table(rows=len(F.rows), cols=ncols)
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    tblPr = table._tbl.tblPr
    layout_el = OxmlElement("w:tblLayout")
    layout_el.set(qn("w:type"), "fixed")
    tblPr.append(layout_el)
    # column widths
    grid = table._tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), F.columns):
        gc.set(qn("w:w"), str(int(w / 25.4 * 1440)))
    for ri, r in enumerate(F.rows):
        row = table.rows[ri]
        row.height = Mm(r["height"])
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        for ci in range(ncols):
            row.cells[ci].width = Mm(F.columns[ci])
        if r["header"] and style.get("repeat_header", True) and any(x["data"] for x in F.rows):
            trPr = row._tr.get_or_add_trPr()
            h = OxmlElement("w:tblHeader")
            h.set(qn("w:val"), "true")
            trPr.append(h)
        if r["data"] or True:
            trPr = row._tr.get_or_add_trPr()
            cs = OxmlElement("w:cantSplit")
            trPr.append(cs)
    for ri, r in enumerate(F.rows):
        for c in r["cells"]:
            a = table.cell(ri, c.col)
            if c.span > 1 or c.rowspan > 1:
                a = a.merge(table.cell(ri + c.rowspan - 1, c.col + c.span - 1))
            a.vertical_alignment = {"top": WD_ALIGN_VERTICAL.TOP, "bottom": WD_ALIGN_VERTICAL.BOTTOM}.get(c.valign, WD_ALIGN_VERTICAL.CENTER)
            first = True
            for p in c.paras:
                par = a.paragraphs[0] if first else a.add_paragraph()
                first = False
                fill_para(par, p)
    for p in F.footer:
        fill_para(doc.add_paragraph(), p)
    return doc


def libreoffice_pdf(doc, pdf_path):
    stem = os.path.splitext(os.path.basename(pdf_path))[0]
    work = os.path.join(TMP, "lo-" + stem)
    os.makedirs(work, exist_ok=True)
    src = os.path.join(work, stem + ".docx")
    doc.save(src)
    profile = "file://" + os.path.join(TMP, "lo-profile")
    run(["soffice", "-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir", work, src], timeout=300)
    shutil.copyfile(os.path.join(work, stem + ".pdf"), pdf_path)


# --------------------------------------------------------------------------------------------
# Truth

def write_truth(stem, data):
    path = out("truth", stem + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")


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
            pages = int(re.search(r"Pages:\s+(\d+)", run(["pdfinfo", path])).group(1))
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
# Scans: print -> scan. (form, program, dpi, angle, colour, seal, signature, noise sigma, blur)

SCANS = [
    ("lc-unit-enrollment", "libreoffice", 200, 0.6, True, True, False, 3.0, 0.6),
    ("lc-unit-enrollment", "chromium", 150, -0.9, False, False, False, 4.0, 0.5),
    ("ly-unit-enrollment", "libreoffice", 200, -0.4, True, True, False, 2.5, 0.7),
    ("ly-unit-enrollment", "chromium", 300, 1.1, False, True, False, 3.0, 0.8),
    ("lc-unit-change", "libreoffice", 150, 0.3, False, None, None, 5.0, 0.4),
    ("lc-unit-change", "chromium", 200, -0.75, True, None, None, 2.0, 0.6),
    ("lc-unit-cancellation", "libreoffice", 200, -1.2, True, True, False, 3.0, 0.6),
    ("lc-maternity-allowance", "libreoffice", 200, 0.8, True, True, True, 3.0, 0.6),
    ("lc-maternity-allowance", "chromium", 150, -0.5, False, False, True, 4.0, 0.5),
    ("ly-maternity-allowance", "libreoffice", 150, -0.7, True, True, True, 1.5, 0.8),
    ("ly-maternity-allowance", "chromium", 150, 0.5, False, False, False, 2.0, 0.7),
    ("lc-institution-hospital", "libreoffice", 150, 1.0, True, True, True, 3.0, 0.5),
    ("ly-institution-hospital", "libreoffice", 200, -0.3, True, True, True, 2.5, 0.6),
    ("ly-institution-hospital", "chromium", 150, 0.7, False, False, True, 4.0, 0.5),
    ("lc-institution-pharmacy", "chromium", 200, -1.0, True, True, False, 3.0, 0.6),
    ("lc-institution-pharmacy", "libreoffice", 300, 0.35, False, False, False, 3.0, 0.8),
    ("ly-institution-pharmacy", "libreoffice", 200, 0.45, False, False, True, 3.0, 0.6),
]

SEAL_WORDS = ["（盖章）", "(盖章)", "单位公章", "（章）", "(章)", "印章"]
SIGN_WORDS = ["经办人签字", "法人代表：", "签章", "单位负责人"]
SEAL_TEXT = {
    "lc-unit-enrollment": "unitName", "ly-unit-enrollment": "unitName", "lc-unit-cancellation": "unitName",
    "lc-maternity-allowance": "unitName", "ly-maternity-allowance": "unitName", "lc-institution-hospital": "unitName",
    "ly-institution-hospital": "institutionName", "lc-institution-pharmacy": "pharmacyName",
    "ly-institution-pharmacy": "pharmacyName",
}


def word_boxes(pdf):
    """Per page: list of (text, xMin, yMin, xMax, yMax) in pt, and the page size."""
    xml_text = run(["pdftotext", "-bbox", pdf, "-"])
    pages = []
    for pm in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xml_text, re.S):
        words = [(html.unescape(m.group(5)), float(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4)))
                 for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', pm.group(3))]
        pages.append(((float(pm.group(1)), float(pm.group(2))), words))
    return pages


def find_word(pages, keys, prefer_last=False):
    hits = []
    for pi, (_, words) in enumerate(pages):
        for w in words:
            for k in keys:
                i = w[0].find(k)
                if i >= 0:
                    n = max(len(w[0]), 1)
                    x0 = w[1] + (w[3] - w[1]) * i / n
                    x1 = w[1] + (w[3] - w[1]) * (i + len(k)) / n
                    hits.append((pi, x0, w[2], x1, w[4], k))
                    break
    if not hits:
        return None
    return hits[-1] if prefer_last else hits[0]


def draw_seal(size_px, name, rng, sub="", grey=False):
    from PIL import Image, ImageDraw, ImageFont
    S = size_px
    img = Image.new("L", (S, S), 0)  # coverage mask
    d = ImageDraw.Draw(img)
    ring = max(3, S // 32)
    d.ellipse([ring, ring, S - ring, S - ring], outline=255, width=ring)
    # star
    cx = cy = S / 2
    R, r = S * 0.17, S * 0.17 * 0.382
    pts = []
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        rad = R if k % 2 == 0 else r
        pts.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    d.polygon(pts, fill=255)
    # name around the top arc
    font = ImageFont.truetype(SEAL_FONT, int(S * 0.12), index=2)
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
    if sub:
        f2 = ImageFont.truetype(SEAL_FONT, int(S * 0.085), index=2)
        d.text((cx, cy + S * 0.29), sub, fill=255, font=f2, anchor="mm")
    # uneven ink
    import numpy as np
    a = np.asarray(img).astype(float)
    speck = np.asarray(Image.effect_noise((S, S), 60).resize((S // 6, S // 6)).resize((S, S), Image.BICUBIC)).astype(float)
    a = a * np.clip(0.55 + (speck - 128) / 160.0, 0.35, 1.0)
    return Image.fromarray(a.clip(0, 255).astype("uint8"))


def draw_signature(w_px, h_px, rng, width):
    from PIL import Image, ImageDraw
    img = Image.new("L", (w_px, h_px), 0)
    d = ImageDraw.Draw(img)
    pts = []
    n = 260
    loops = rng.uniform(3.0, 5.0)
    for i in range(n):
        t = i / (n - 1)
        x = 0.05 * w_px + 0.9 * w_px * t + 0.06 * w_px * math.sin(2 * math.pi * loops * t + 1.3)
        y = h_px / 2 + 0.32 * h_px * math.sin(2 * math.pi * loops * t) * (1 - 0.4 * t) + 0.1 * h_px * math.sin(7 * t)
        pts.append((x, y))
    for i in range(n - 1):
        wd = max(1, int(width * (0.6 + 0.6 * abs(math.sin(i / 17.0)))))
        d.line([pts[i], pts[i + 1]], fill=255, width=wd)
    # a final flourish
    d.line([(0.1 * w_px, 0.8 * h_px), (0.95 * w_px, 0.62 * h_px)], fill=255, width=max(1, width - 1))
    return img


def darken(page, mask, colour, strength=0.92):
    """Ink on paper: blend colour into page where mask is set, never lightening."""
    import numpy as np
    from PIL import Image
    p = np.asarray(page).astype(float)
    m = (np.asarray(mask).astype(float) / 255.0 * strength)[..., None]
    c = np.array(colour, dtype=float)[None, None, :]
    inked = p * (1 - m) + np.minimum(p, c) * m
    return Image.fromarray(np.minimum(p, inked).clip(0, 255).astype("uint8"))


def make_scans():
    import numpy as np
    import img2pdf
    from PIL import Image, ImageFilter
    for (form, program, dpi, angle, colour, seal, sign, sigma, blur) in SCANS:
        ext = "lo" if program == "libreoffice" else "chromium"
        src = out("typed", "%s.%s.pdf" % (form, ext))
        rng = rng_for("scan", form, program)
        work = os.path.join(TMP, "scan-%s-%s" % (form, ext))
        os.makedirs(work, exist_ok=True)
        run(["pdftoppm", "-r", str(dpi), "-png", src, os.path.join(work, "p")])
        pngs = sorted(f for f in os.listdir(work) if f.endswith(".png"))
        boxes = word_boxes(src)
        with open(out("truth", "%s.%s.json" % (form, ext)), encoding="utf-8") as f:
            typed_truth = json.load(f)
        seal_at = find_word(boxes, SEAL_WORDS) if seal else None
        sign_at = find_word(boxes, SIGN_WORDS, prefer_last=True) if sign else None
        if seal and not seal_at:
            raise RuntimeError("no seal place on " + src)
        if sign and not sign_at:
            raise RuntimeError("no signature place on " + src)
        px = dpi / 72.0
        jpgs = []
        for pi, name in enumerate(pngs):
            page = Image.open(os.path.join(work, name)).convert("RGB")
            if seal_at and seal_at[0] == pi:
                _, x0, y0, x1, y1, key = seal_at
                S = int(42 / 25.4 * dpi)
                mask = draw_seal(S, typed_truth["values"][SEAL_TEXT[form]], rng)
                cx = (x0 + x1) / 2 * px + rng.uniform(-0.25, 0.1) * S
                cy = (y0 + y1) / 2 * px + rng.uniform(0.0, 0.25) * S
                full = Image.new("L", page.size, 0)
                full.paste(mask, (int(cx - S / 2), int(cy - S / 2)))
                page = darken(page, full, (205, 32, 42))
            if sign_at and sign_at[0] == pi:
                _, x0, y0, x1, y1, key = sign_at
                w, h = int(30 / 25.4 * dpi), int(11 / 25.4 * dpi)
                mask = draw_signature(w, h, rng, max(2, dpi // 75))
                full = Image.new("L", page.size, 0)
                full.paste(mask, (int(x1 * px + 2), int((y0 + y1) / 2 * px - h / 2)))
                page = darken(page, full, (25, 35, 95) if colour else (30, 30, 30), 0.95)
            # the paper: slightly off-white, a little shifted, rotated
            arr = np.asarray(page).astype(float) * 0.96 + 6
            page = Image.fromarray(arr.clip(0, 255).astype("uint8"))
            dx, dy = rng.randint(-12, 12) * dpi // 200, rng.randint(-10, 14) * dpi // 200
            page = page.rotate(angle, resample=Image.BICUBIC, translate=(dx, dy), fillcolor=(246, 245, 241))
            if not colour:
                page = page.convert("L")
            arr = np.asarray(page).astype(float)
            nrng = np.random.default_rng(rng.randrange(2 ** 32))
            arr = arr + nrng.normal(0, sigma, arr.shape)
            page = Image.fromarray(arr.clip(0, 255).astype("uint8")).filter(ImageFilter.GaussianBlur(blur))
            jpg = os.path.join(work, "page-%d.jpg" % pi)
            page.save(jpg, "JPEG", quality=70 if not colour else 62, dpi=(dpi, dpi), optimize=True)
            jpgs.append(jpg)
        rel = "scans/%s.%s.pdf" % (form, ext)
        with open(out(rel), "wb") as f:
            f.write(img2pdf.convert(jpgs, layout_fun=img2pdf.get_fixed_dpi_layout_fun((dpi, dpi)),
                                    creationdate=dt.datetime(2026, 11, 17, 9, 30, tzinfo=dt.timezone.utc),
                                    moddate=dt.datetime(2026, 11, 17, 9, 30, tzinfo=dt.timezone.utc)))
        seal_area, sign_area = SEAL_AREA[form]
        notes = "from typed/%s.%s.pdf; %d dpi, rotated %+.2f° (%s), %s, gaussian noise σ=%.1f, blur %.1f px, JPEG q%d; %d page(s), image only" % (
            form, ext, dpi, angle, "counter-clockwise" if angle > 0 else "clockwise", "colour" if colour else "grey",
            sigma, blur, 70 if not colour else 62, len(jpgs))
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
    with open(bad("expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=2)
        f.write("\n")
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
    with open(os.path.join(base, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(complete_truth, f, ensure_ascii=False, indent=2)
        f.write("\n")
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
    with open(os.path.join(missing, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(mt, f, ensure_ascii=False, indent=2)
        f.write("\n")

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
