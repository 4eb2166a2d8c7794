#!/usr/bin/env python3
"""Writes the hostile image fixtures of this folder (see README.md). Deterministic: no clock, no
random state; the same Pillow/zlib give the same bytes.

    /tmp/layouts-venv/bin/python3 Tests/Fixtures/hostile/images/make_hostile_images.py
"""
import io
import os
import struct
import zipfile
import zlib

from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
FONT = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2)


def path(name):
    return os.path.join(HERE, name)


def sample_page(w=1240, h=1754):
    """A plain document page (A4 at 150 dpi) with a few lines of text."""
    im = Image.new("RGB", (w, h), (250, 250, 247))
    d = ImageDraw.Draw(im)
    f = ImageFont.truetype(FONT[0], 40, index=FONT[1])
    d.text((w // 2, 120), "居民身份证复印件", font=f, fill=(20, 20, 20), anchor="ma")
    for i in range(30):
        d.text((120, 260 + i * 45), "第%02d行 公民身份号码 370102199001011234 测试文字" % (i + 1), font=ImageFont.truetype(FONT[0], 28, index=FONT[1]), fill=(40, 40, 40))
    return im


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def tiff_ifd_entries(entries, next_ifd):
    out = struct.pack("<H", len(entries))
    for tag, typ, count, value in sorted(entries):
        out += struct.pack("<HHI", tag, typ, count) + (struct.pack("<I", value) if typ == 4 else struct.pack("<HH", value, 0))
    return out + struct.pack("<I", next_ifd)


def main():
    page = sample_page()

    # truncated.jpg / .png / .tif: real files cut at half their length
    b = io.BytesIO()
    page.save(b, "JPEG", quality=85)
    open(path("truncated.jpg"), "wb").write(b.getvalue()[: len(b.getvalue()) // 2])
    b = io.BytesIO()
    page.save(b, "PNG")
    open(path("truncated.png"), "wb").write(b.getvalue()[: len(b.getvalue()) // 2])
    # (Pillow writes a TIFF's IFD after its pixels, so its file cut at half has no IFD at all; this one
    # is written by hand with the IFD first: header and IFD intact, the one uncompressed strip cut)
    grey = page.convert("L").resize((620, 877), Image.LANCZOS)
    data_off = 8 + 2 + 9 * 12 + 4
    entries = [(256, 3, 1, grey.width), (257, 3, 1, grey.height), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
               (273, 4, 1, data_off), (277, 3, 1, 1), (278, 3, 1, grey.height), (279, 4, 1, grey.width * grey.height)]
    tif = b"II*\x00" + struct.pack("<I", 8) + tiff_ifd_entries(entries, 0) + grey.tobytes()
    open(path("truncated.tif"), "wb").write(tif[: len(tif) // 2])

    # pages-10000.tif: 10 000 IFDs, each a 1x1 1-bit uncompressed page
    n = 10000
    header = b"II*\x00" + struct.pack("<I", 8)
    body = bytearray(header)
    for i in range(n):
        ifd_off = len(body)
        entry_count = 9
        ifd_len = 2 + entry_count * 12 + 4
        data_off = ifd_off + ifd_len
        next_off = 0 if i == n - 1 else data_off + 2
        entries = [(256, 3, 1, 1), (257, 3, 1, 1), (258, 3, 1, 1), (259, 3, 1, 1), (262, 3, 1, 1),
                   (273, 4, 1, data_off), (277, 3, 1, 1), (278, 3, 1, 1), (279, 4, 1, 1)]
        body += tiff_ifd_entries(entries, next_off)
        body += b"\x80\x00"   # one pixel (white in BlackIsZero), padded to a word
    open(path("pages-10000.tif"), "wb").write(bytes(body))

    # bomb.png: IHDR claims 100000 x 100000 8-bit grey (10 GB decoded); the one IDAT is a valid zlib
    # stream of 5000 zero rows (~500 MB inflated, ~0.5 MB stored), so the image data is also short.
    W = H = 100000
    comp = zlib.compressobj(9)
    row_block = b"\x00" * ((W + 1) * 100)
    idat = bytearray()
    for _ in range(50):
        idat += comp.compress(row_block)
    idat += comp.flush()
    png = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 0, 0, 0, 0)) + png_chunk(b"IDAT", bytes(idat)) + png_chunk(b"IEND", b"")
    open(path("bomb.png"), "wb").write(png)

    # one-pixel.png / .jpg
    Image.new("RGB", (1, 1), (255, 255, 255)).save(path("one-pixel.png"))
    Image.new("RGB", (1, 1), (255, 255, 255)).save(path("one-pixel.jpg"), quality=90)

    # zero-size.tif: a well-formed TIFF whose IFD says ImageWidth 0 (ImageLength 1, one strip of 1 byte)
    entries = [(256, 3, 1, 0), (257, 3, 1, 1), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
               (273, 4, 1, 8 + 2 + 9 * 12 + 4), (277, 3, 1, 1), (278, 3, 1, 1), (279, 4, 1, 1)]
    open(path("zero-size.tif"), "wb").write(b"II*\x00" + struct.pack("<I", 8) + tiff_ifd_entries(entries, 0) + b"\xff\x00")

    # wrong-extension.jpg: a PNG named .jpg
    small = page.resize((620, 877), Image.LANCZOS)
    small.save(path("wrong-extension.jpg"), "PNG", optimize=True)

    # images-over-limit.zip: 45 JPEG entries of ~0.6 MB each (6000 x 8000 px, A4 at ~720 dpi: flat pages
    # with one line of text, whose JPEG data repeats, so deflate shrinks each entry ~17 times): ~27 MB
    # uncompressed, the zip about 1.6 MB
    zpath = path("images-over-limit.zip")
    with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for i in range(45):
            im = Image.new("L", (6000, 8000), 236 + (i % 8))
            d = ImageDraw.Draw(im)
            d.text((300, 300), "page %02d of 45" % (i + 1), fill=20, font=ImageFont.truetype(FONT[0], 120, index=FONT[1]))
            b = io.BytesIO()
            im.save(b, "JPEG", quality=100, subsampling=0)
            zi = zipfile.ZipInfo("scan/page%02d.jpg" % (i + 1), date_time=(2026, 11, 3, 10, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, b.getvalue())
    for name in sorted(os.listdir(HERE)):
        print("%-24s %10d" % (name, os.path.getsize(path(name))))


if __name__ == "__main__":
    main()
