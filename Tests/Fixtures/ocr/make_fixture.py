#!/usr/bin/env python3
"""Renders the OCR test page `form-skewed.png` and its truth `form-skewed.json`.

A strip of a 医保 form as a 200 dpi colour scan would give it: a table with Chinese values, an
18-digit number, a ticked and an empty check box, a red seal stamped over the date, the whole
page turned 0.8° clockwise (lines descend to the right, as `convert -rotate 0.8` does), slightly
blurred and JPEG-compressed like a scanner's output. The truth file holds the unrotated
positions of the check boxes and the seal, which after deskewing are where they should be again.

Needs Pillow and numpy and the fonts of Debian's `fonts-noto-cjk`. Run it with any such Python:
    python3 Tests/Fixtures/ocr/make_fixture.py
"""
import io
import json
import math
import os

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
W, H = 1654, 1000
ANGLE = 0.8  # degrees, clockwise as seen
SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"

img = Image.new("RGB", (W, H), "white")
d = ImageDraw.Draw(img)
title = ImageFont.truetype(SANS, 56, index=2)  # SC
body = ImageFont.truetype(SERIF, 36, index=2)
ink = (20, 20, 20)

d.text((W // 2, 90), "参保单位登记表", font=title, fill=ink, anchor="mm")
# A table: label column | value column.
left, mid, right = 120, 520, 1540
rows = [
    ("单位名称", "聊城市东昌府区安康医疗器械有限公司"),
    ("公民身份号码", "371502198803154213"),
    ("参保类型", None),
    ("单位地址", "聊城市东昌府区柳园南路56号"),
    ("填表日期", "2024年3月15日"),
]
top, rowh = 170, 110
for i in range(len(rows) + 1):
    y = top + i * rowh
    d.line([(left, y), (right, y)], fill=ink, width=3)
for x in (left, mid, right):
    d.line([(x, top), (x, top + len(rows) * rowh)], fill=ink, width=3)
truth = {"angle": ANGLE, "width": W, "height": H, "texts": [], "boxes": {}, "seal": None}
for i, (label, value) in enumerate(rows):
    cy = top + i * rowh + rowh // 2
    d.text((left + 30, cy), label, font=body, fill=ink, anchor="lm")
    truth["texts"].append(label)
    if value is not None:
        d.text((mid + 30, cy), value, font=body, fill=ink, anchor="lm")
        truth["texts"].append(value)
    else:
        # Two options, each a drawn square and a label; the first one ticked.
        x = mid + 30
        for name, ticked, key in (("职工医疗保险", True, "ticked"), ("城乡居民医疗保险", False, "empty")):
            s = 34
            box = [x, cy - s // 2, x + s, cy + s // 2]
            d.rectangle(box, outline=ink, width=3)
            if ticked:
                d.line([(x + 6, cy), (x + 14, cy + 10), (x + 30, cy - 12)], fill=ink, width=5)
            truth["boxes"][key] = box
            d.text((x + s + 14, cy), name, font=body, fill=ink, anchor="lm")
            truth["texts"].append(name)
            x += s + 14 + int(d.textlength(name, font=body)) + 80

# The red seal over the date, on its own layer multiplied onto the page as ink is: a ring, a
# star and text along the ring.
page = img
img = Image.new("RGB", (W, H), "white")
d = ImageDraw.Draw(img)
cx, cy, r = 760, 660, 115
red = (215, 40, 45)
d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=red, width=9)
star = []
for k in range(10):
    rr = 38 if k % 2 == 0 else 15
    a = -math.pi / 2 + k * math.pi / 5
    star.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
d.polygon(star, fill=red)
sealfont = ImageFont.truetype(SANS, 30, index=2)
label = "安康医疗器械公司"
for k, ch in enumerate(label):
    a = math.radians(-160 + k * (140 / (len(label) - 1)))
    tx, ty = cx + (r - 30) * math.cos(a), cy + (r - 30) * math.sin(a)
    g = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    ImageDraw.Draw(g).text((20, 20), ch, font=sealfont, fill=red + (255,), anchor="mm")
    g = g.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC)
    img.paste(g, (int(tx - 20), int(ty - 20)), g)
d.text((cx, cy + 60), "单位公章", font=ImageFont.truetype(SANS, 24, index=2), fill=red, anchor="mm")
truth["seal"] = [cx - r, cy - r, cx + r, cy + r]
img = Image.fromarray((np.asarray(page).astype(np.uint16) * np.asarray(img) // 255).astype(np.uint8))

# Scan: turn, blur, noise, JPEG.
img = img.rotate(-ANGLE, resample=Image.BICUBIC, fillcolor="white")
img = img.filter(ImageFilter.GaussianBlur(0.6))
a = np.asarray(img).astype(np.int16)
rng = np.random.default_rng(7)
a = np.clip(a + rng.normal(0, 4, a.shape), 0, 255).astype(np.uint8)
buf = io.BytesIO()
Image.fromarray(a).save(buf, "JPEG", quality=80)
Image.open(io.BytesIO(buf.getvalue())).convert("RGB").save(os.path.join(HERE, "form-skewed.png"), optimize=True)
with open(os.path.join(HERE, "form-skewed.json"), "w", encoding="utf-8") as f:
    json.dump(truth, f, ensure_ascii=False, indent=1)
print("wrote form-skewed.png and form-skewed.json")
