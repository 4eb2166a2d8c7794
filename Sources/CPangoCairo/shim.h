#ifndef CPANGOCAIRO_SHIM_H
#define CPANGOCAIRO_SHIM_H

// Only the PangoCairo Swift module imports this. pangocairo.h brings cairo.h and pango.h;
// cairo-pdf.h is separate and holds the PDF surface.
#include <pango/pangocairo.h>
#include <cairo-pdf.h>

// No function-like macros are needed so far (PANGO_SCALE is a plain constant and imports as one).
// Any later one gets a `static inline` wrapper here, prefixed `cpc_`.

#endif
