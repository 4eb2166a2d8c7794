// Shim header for libxml2, imported only by the Swift module `LibXML`.
//
// Every helper is prefixed `cxml_` and exists because Swift cannot use the underlying C
// construct directly (function-like macros, thread-local globals behind macros, or global
// function-pointer variables).
#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

// xmlversion.h must come first: it defines LIBXML_ICU_ENABLED on Debian, which makes
// encoding.h include the system ICU (<unicode/ucnv.h>). Foundation ships its own ICU, and a
// Swift file that sees both fails a clean build ("'UErrorCode' has different definitions in
// different modules"). We never touch the ICU-only fields of xmlCharEncodingHandler (the
// only declarations the macro guards), so hiding them is safe.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlschemas.h>
#include <libxml/globals.h>

// `xmlFree` is a macro over a global function-pointer variable; Swift 6 refuses to call a
// mutable global. Frees memory that libxml2 allocated (e.g. from xmlNodeGetContent).
static inline void cxml_free(void *pointer) {
    xmlFree(pointer);
}

// `xmlStructuredError` is a macro over a per-thread variable; read it so that a handler
// installed for one call can be put back afterwards.
static inline xmlStructuredErrorFunc cxml_thread_structured_error_func(void) {
    return xmlStructuredError;
}

// `xmlStructuredErrorContext` is a macro over a per-thread variable; see above.
static inline void *cxml_thread_structured_error_context(void) {
    return xmlStructuredErrorContext;
}

#endif // CLIBXML2_SHIM_H
