"""Scanned forms as image files, from the scanned-PDF fixtures (Tests/Fixtures/pdf/scans): pages
drawn by poppler's pdftoppm, then written by Pillow as a scanner or phone would write them. Run
from this folder with the layouts venv (Tests/Fixtures/layouts/requirements.txt). The values to
expect are the source PDF's truth (Tests/Fixtures/pdf/truth), named in scans/sources.json."""
import io
import json
import os
import subprocess
import tempfile

import numpy as np
from PIL import Image, ImageFilter

SCANS = "../pdf/scans"
OUT = "scans"
rng = np.random.default_rng(20261207)


def pages(pdf, dpi):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", os.path.join(SCANS, pdf), os.path.join(tmp, "p")], check=True)
        return [Image.open(os.path.join(tmp, f)).convert("RGB") for f in sorted(os.listdir(tmp))]


def perspective_coeffs(src, dst):
    """Pillow's PERSPECTIVE data mapping output (dst) points back to input (src) points."""
    a = []
    for (x, y), (u, v) in zip(dst, src):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    b = [c for p in src for c in p]
    return np.linalg.solve(np.array(a, dtype=float), np.array(b, dtype=float)).tolist()


def photo(page):
    """The page on a desk, photographed from a little off-centre, stored turned for EXIF 6."""
    w, h = page.size
    W, H = int(w * 1.35), int(h * 1.25)
    desk = Image.fromarray(np.clip(rng.normal((120, 95, 70), 12, (H, W, 3)), 0, 255).astype(np.uint8))
    corners = [(0.13 * W, 0.09 * H), (0.86 * W, 0.07 * H), (0.90 * W, 0.93 * H), (0.09 * W, 0.90 * H)]
    coeffs = perspective_coeffs([(0, 0), (w, 0), (w, h), (0, h)], corners)
    warped = page.transform((W, H), Image.PERSPECTIVE, coeffs, Image.BILINEAR, fillcolor=None)
    mask = Image.new("L", page.size, 255).transform((W, H), Image.PERSPECTIVE, coeffs, Image.BILINEAR)
    desk.paste(warped, (0, 0), mask)
    # Light falling off towards one corner.
    shade = np.linspace(1.0, 0.82, W)[None, :, None] * np.linspace(1.0, 0.9, H)[:, None, None]
    lit = Image.fromarray(np.clip(np.asarray(desk) * shade, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.8))
    exif = Image.Exif()
    exif[0x0112] = 6
    return lit.rotate(90, expand=True), exif


os.makedirs(OUT, exist_ok=True)
sources = {}

p = pages("lc-unit-enrollment.lo.pdf", 200)
p[0].save(f"{OUT}/lc-unit-enrollment.png", dpi=(200, 200))
sources["lc-unit-enrollment.png"] = "lc-unit-enrollment.lo.scan.json"

p = pages("ly-maternity-allowance.lo.pdf", 200)
p[0].convert("L").save(f"{OUT}/ly-maternity-allowance.tif", compression="jpeg", quality=85, save_all=True,
                       append_images=[q.convert("L") for q in p[1:]], dpi=(200, 200))
sources["ly-maternity-allowance.tif"] = "ly-maternity-allowance.lo.scan.json"

p = pages("ly-unit-enrollment.chromium.pdf", 300)
p[0].convert("L").point(lambda v: 255 if v > 150 else 0).convert("1").save(
    f"{OUT}/ly-unit-enrollment-g4.tif", compression="group4", dpi=(300, 300))
sources["ly-unit-enrollment-g4.tif"] = "ly-unit-enrollment.chromium.scan.json"

p = pages("lc-unit-change.chromium.pdf", 200)
stored, exif = photo(p[0])
stored.thumbnail((3200, 3200))
stored.save(f"{OUT}/lc-unit-change-photo.jpg", quality=82, exif=exif.tobytes())
sources["lc-unit-change-photo.jpg"] = "lc-unit-change.chromium.scan.json"

with open(f"{OUT}/sources.json", "w") as f:
    json.dump(sources, f, ensure_ascii=False, indent=1)
