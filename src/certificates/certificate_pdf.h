/*
 * certificate_pdf: the printable certificate, one US Letter landscape page drawn with
 * cairo, its text set by Pango in the packaged DejaVu fonts, and a QR code of the
 * verification URL (libqrencode) drawn as filled squares so that it stays sharp at any
 * size. No database here: the caller gathers the face of the certificate.
 */
#ifndef CERTTRACK_CERTIFICATE_PDF_H
#define CERTTRACK_CERTIFICATE_PDF_H

#include <stdint.h>

#include "../core/buf.h"
#include "../core/civil_date.h"
#include "../core/err.h"

/* What the certificate says. Every string is borrowed and must be non-empty UTF-8. */
struct certificate_face {
    const char *learner_name;
    const char *program_name;
    const char *issuer;    /* e.g. "Montana State Library" (the program's issuer) */
    int64_t credit_halves; /* credits earned, in half-credits */
    struct civil_date issued;
    struct civil_date valid_until; /* the first day it is no longer valid */
    const char *number;            /* the certificate number */
    const char *verify_url;        /* printed under the QR code and encoded in it */
};

/* Writes the certificate as a one-page PDF to path (replaced when it exists). Errors
 * name path in err->where: CT_ERR_INPUT for an empty field, CT_ERR_IO when the file
 * cannot be written, CT_ERR_NOMEM when drawing runs out of memory. face and path are
 * borrowed. */
enum ct_status certificate_pdf_write(const struct certificate_face *face, const char *path,
                                     struct ct_err *err) CT_MUST_CHECK;

/* The same PDF, appended to out (borrowed; it keeps its limit) for serving without a
 * file. Errors name the certificate number in err->where: CT_ERR_INPUT for an empty
 * field, CT_ERR_TOO_LARGE when the PDF passes out's limit, CT_ERR_NOMEM when memory runs
 * out; out is then left as it was. face is borrowed. */
enum ct_status certificate_pdf_render(const struct certificate_face *face, struct buf *out,
                                      struct ct_err *err) CT_MUST_CHECK;

/* Writes "March 4, 2025" for date into out (size bytes); "" for an unset date. */
void certificate_date_words(struct civil_date date, char *out, size_t size);

#endif
