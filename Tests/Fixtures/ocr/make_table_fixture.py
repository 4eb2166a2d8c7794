#!/usr/bin/env python3
"""Renders the OCR test page `table-narrow.png` and its truth `table-narrow.json`.

A row of the 临沂 生育津贴 table as a 200 dpi grey scan gives it, drawn with Pillow (not intake's
renderer): a name wrapped in its narrow cell (万倩 / 艳) beside a 性别 cell whose 女 touches the
rule between them, and narrow cells whose words wrap one character a line (胎/次 in the header,
二/级/甲/等 under a rule), set in light grey strokes as a scanner blurs them. The detector boxes
万倩…女 as one text line and each narrow column as one tall box; the worker must read them cell
by cell. The truth holds each cell's box and text.

Needs Pillow and numpy and the fonts of Debian's `fonts-noto-cjk`:
    python3 Tests/Fixtures/ocr/make_table_fixture.py
"""
import io
import json
import os

from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
W, H = 1200, 560
SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
font = ImageFont.truetype(SERIF, 34, index=2)  # SC
ink = 70

img = Image.new("L", (W, H), 255)
d = ImageDraw.Draw(img)
xs = [80, 200, 262, 620, 680, 760, 1100]   # 姓名 | 性别 | 身份证号 | 胎次 | 医院等级 | 备注
ys = [60, 240, 460]                         # header row, one data row
for x in xs:
    d.line([(x, ys[0]), (x, ys[-1])], fill=30, width=3)
for y in ys:
    d.line([(xs[0], y), (xs[-1], y)], fill=30, width=3)

cells = {}


def stack(x0, x1, y0, chars, step=40):
    """One character a line, centred in the column."""
    for i, c in enumerate(chars):
        d.text(((x0 + x1) / 2, y0 + i * step), c, font=font, fill=ink, anchor="mt")


# Header row.
d.text((140, 150), "姓名", font=font, fill=ink, anchor="mm")
stack(200, 262, 100, "性别", step=44)
d.text((441, 150), "身份证号", font=font, fill=ink, anchor="mm")
stack(620, 680, 105, "胎次", step=44)
cells["parityHeader"] = {"box": [620, 60, 680, 240], "text": "胎次"}
stack(680, 760, 72, "医院等级", step=40)
cells["levelHeader"] = {"box": [680, 60, 760, 240], "text": "医院等级"}
d.text((930, 150), "备注", font=font, fill=ink, anchor="mm")
# Data row: the name wraps in its narrow cell, 女 is set hard against the rule on its left.
d.text((197, 318), "万倩", font=font, fill=ink, anchor="rm")
d.text((127, 362), "艳", font=font, fill=ink, anchor="lm")
cells["name"] = {"box": [80, 240, 200, 460], "text": "万倩艳"}
d.text((203, 316), "女", font=font, fill=ink, anchor="lm")
cells["gender"] = {"box": [200, 240, 262, 460], "text": "女"}
d.text((272, 295), "371311199206214508", font=font, fill=ink, anchor="lm")
cells["idNumber"] = {"box": [262, 240, 620, 460], "text": "371311199206214508"}
d.text((650, 340), "1", font=font, fill=ink, anchor="mm")
cells["parity"] = {"box": [620, 240, 680, 460], "text": "1"}
# 二 starts right under the row's rule: cut with the rule, it reads 三.
stack(680, 760, 246, "二级甲等", step=44)
cells["hospitalLevel"] = {"box": [680, 240, 760, 460], "text": "二级甲等"}

img = img.filter(ImageFilter.GaussianBlur(0.8))
buf = io.BytesIO()
img.save(buf, "JPEG", quality=80)
Image.open(io.BytesIO(buf.getvalue())).save(os.path.join(HERE, "table-narrow.png"))
with open(os.path.join(HERE, "table-narrow.json"), "w") as f:
    json.dump({"width": W, "height": H, "cells": cells}, f, ensure_ascii=False, indent=1)
