"""Small images for Tests/ImagesTests, made with Pillow (not intake): run with the layouts venv
(Tests/Fixtures/layouts/requirements.txt) from this folder. Each holds a marker to check
orientation and page order: a black square in the top-left corner of the upright page, and
page n of a TIFF has n bars along its bottom."""
from PIL import Image, ImageDraw

W, H = 240, 320


def page(n=1, mode="RGB"):
    im = Image.new("RGB", (W, H), "white")
    d = ImageDraw.Draw(im)
    d.rectangle([10, 10, 60, 60], fill="black")          # top-left marker
    d.rectangle([150, 20, 230, 40], fill=(220, 0, 0))      # a red bar, top right
    for i in range(n):
        d.rectangle([20 + i * 30, 280, 40 + i * 30, 310], fill="black")
    return im.convert(mode)


upright = page()
upright.save("upright.png", dpi=(200, 200))
upright.save("upright.jpg", quality=92, dpi=(300, 300))
upright.convert("CMYK").save("upright-cmyk.jpg", quality=92)   # a copier's CMYK file (Adobe APP14, inks inverted)
# Stored turned: a viewer honouring EXIF Orientation 6 (rotate 90° clockwise) shows it upright.
exif = Image.Exif()
exif[0x0112] = 6
upright.rotate(90, expand=True).save("exif-6.jpg", quality=92, exif=exif.tobytes())
exif[0x0112] = 8
upright.rotate(-90, expand=True).save("exif-8.jpg", quality=92, exif=exif.tobytes())
exif[0x0112] = 3
upright.rotate(180).save("exif-3.jpg", quality=92, exif=exif.tobytes())
rgba = upright.convert("RGBA")
rgba.putalpha(Image.new("L", (W, H), 0).point(lambda _: 0))
rgba.paste(upright.convert("RGBA"), (0, 0), upright.convert("L").point(lambda v: 255 if v < 128 else 0))
rgba.save("transparent.png")   # black marks on a transparent background: shown on white
pages = [page(n) for n in (1, 2, 3)]
pages[0].convert("1").save("three-pages-g4.tif", compression="group4", save_all=True,
                           append_images=[p.convert("1") for p in pages[1:]], dpi=(200, 200))
pages[0].save("three-pages-lzw.tif", compression="tiff_lzw", save_all=True, append_images=pages[1:], dpi=(300, 300))
pages[0].save("two-pages-jpeg.tif", compression="jpeg", save_all=True, append_images=pages[1:2])
