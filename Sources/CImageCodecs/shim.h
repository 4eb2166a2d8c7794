#ifndef CIMAGECODECS_SHIM_H
#define CIMAGECODECS_SHIM_H

// Only the Images Swift module imports this: libpng's simplified API, TurboJPEG, libtiff and
// libexif. What Swift cannot do (variadic calls, va_list callbacks, macros) is done here.
#include <stdint.h>
#include <stdio.h>
#include <stdarg.h>
#include <string.h>
#include <png.h>
#include <turbojpeg.h>
#include <tiffio.h>
#include <libexif/exif-data.h>

// ---- PNG (simplified API: errors come back in image.message, no setjmp) ----
static inline png_image cimg_png_image(void) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    return image;
}
static inline uint32_t cimg_png_format_rgb(void) { return PNG_FORMAT_RGB; }
static inline int cimg_png_finish_rgb_on_white(png_imagep image, void *buffer) {
    png_color white = { 255, 255, 255 };
    image->format = PNG_FORMAT_RGB;
    return png_image_finish_read(image, &white, buffer, 0, NULL);
}
static inline int cimg_png_write(png_imagep image, void *memory, png_alloc_size_t *size, const void *buffer) {
    return png_image_write_to_memory(image, memory, size, 0, buffer, 0, NULL);
}

// ---- TIFF from memory, with messages caught instead of printed ----
typedef struct {
    const unsigned char *data;
    uint64_t size;
    uint64_t position;
    char message[256];
} cimg_tiff_source;

static inline tmsize_t cimg_tiff_read(thandle_t h, void *buffer, tmsize_t n) {
    cimg_tiff_source *s = (cimg_tiff_source *)h;
    if (n <= 0 || s->position >= s->size) return 0;
    uint64_t left = s->size - s->position;
    uint64_t count = (uint64_t)n < left ? (uint64_t)n : left;
    memcpy(buffer, s->data + s->position, (size_t)count);
    s->position += count;
    return (tmsize_t)count;
}
static inline tmsize_t cimg_tiff_write(thandle_t h, void *buffer, tmsize_t n) { (void)h; (void)buffer; (void)n; return -1; }
static inline toff_t cimg_tiff_seek(thandle_t h, toff_t offset, int whence) {
    cimg_tiff_source *s = (cimg_tiff_source *)h;
    uint64_t base = whence == SEEK_CUR ? s->position : whence == SEEK_END ? s->size : 0;
    uint64_t target = base + offset;
    if (target > s->size) return (toff_t)-1;
    s->position = target;
    return target;
}
static inline int cimg_tiff_close(thandle_t h) { (void)h; return 0; }
static inline toff_t cimg_tiff_size(thandle_t h) { return ((cimg_tiff_source *)h)->size; }
static inline int cimg_tiff_map(thandle_t h, void **base, toff_t *size) { (void)h; (void)base; (void)size; return 0; }
static inline void cimg_tiff_unmap(thandle_t h, void *base, toff_t size) { (void)h; (void)base; (void)size; }
static inline int cimg_tiff_error(TIFF *tif, void *user, const char *module, const char *fmt, va_list ap) {
    (void)tif; (void)module;
    cimg_tiff_source *s = (cimg_tiff_source *)user;
    if (s->message[0] == 0) vsnprintf(s->message, sizeof s->message, fmt, ap);
    return 1;
}
static inline int cimg_tiff_warning(TIFF *tif, void *user, const char *module, const char *fmt, va_list ap) {
    (void)tif; (void)user; (void)module; (void)fmt; (void)ap;
    return 1;
}
/// Opens `source` read-only; no single allocation of libtiff may exceed `max_alloc` bytes.
static inline TIFF *cimg_tiff_open(cimg_tiff_source *source, tmsize_t max_alloc) {
    TIFFOpenOptions *options = TIFFOpenOptionsAlloc();
    if (!options) return NULL;
    TIFFOpenOptionsSetMaxSingleMemAlloc(options, max_alloc);
    TIFFOpenOptionsSetErrorHandlerExtR(options, cimg_tiff_error, source);
    TIFFOpenOptionsSetWarningHandlerExtR(options, cimg_tiff_warning, source);
    TIFF *tif = TIFFClientOpenExt("memory", "rm", (thandle_t)source, cimg_tiff_read, cimg_tiff_write,
                                  cimg_tiff_seek, cimg_tiff_close, cimg_tiff_size, cimg_tiff_map, cimg_tiff_unmap, options);
    TIFFOpenOptionsFree(options);
    return tif;
}
static inline int cimg_tiff_dimensions(TIFF *tif, uint32_t *width, uint32_t *height) {
    return TIFFGetField(tif, TIFFTAG_IMAGEWIDTH, width) && TIFFGetField(tif, TIFFTAG_IMAGELENGTH, height);
}
/// Horizontal resolution in dots per inch, 0 when the file does not say.
static inline double cimg_tiff_dpi(TIFF *tif) {
    float x = 0;
    uint16_t unit = RESUNIT_INCH;
    if (!TIFFGetField(tif, TIFFTAG_XRESOLUTION, &x) || x <= 0) return 0;
    TIFFGetFieldDefaulted(tif, TIFFTAG_RESOLUTIONUNIT, &unit);
    if (unit == RESUNIT_CENTIMETER) return x * 2.54;
    if (unit == RESUNIT_NONE) return 0;
    return x;
}
static inline int cimg_tiff_read_rgba(TIFF *tif, uint32_t width, uint32_t height, uint32_t *raster) {
    return TIFFReadRGBAImageOriented(tif, width, height, raster, ORIENTATION_TOPLEFT, 1);
}

// ---- EXIF orientation (1–8), 1 when absent ----
static inline int cimg_exif_orientation(const unsigned char *data, unsigned int size) {
    ExifData *exif = exif_data_new_from_data(data, size);
    if (!exif) return 1;
    int orientation = 1;
    ExifEntry *entry = exif_content_get_entry(exif->ifd[EXIF_IFD_0], EXIF_TAG_ORIENTATION);
    if (entry && entry->format == EXIF_FORMAT_SHORT && entry->components >= 1 && entry->data)
        orientation = exif_get_short(entry->data, exif_data_get_byte_order(exif));
    exif_data_unref(exif);
    return orientation >= 1 && orientation <= 8 ? orientation : 1;
}

#endif
