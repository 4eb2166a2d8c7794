#ifndef CPOPPLER_SHIM_H
#define CPOPPLER_SHIM_H

// Only the Poppler Swift module imports this. poppler.h brings glib and cairo.
#include <poppler.h>
#include <cairo.h>

// POPPLER_ERROR is a function-like macro; Swift cannot call it.
static inline GQuark cpop_error_quark(void) { return POPPLER_ERROR; }

// g_free and g_object_unref take gpointer; these keep the Swift side free of casts.
static inline void cpop_free(void *p) { g_free(p); }
static inline void cpop_unref(void *p) { if (p) g_object_unref(p); }
static inline void cpop_list_free_objects(GList *l) { g_list_free_full(l, g_object_unref); }

#endif
