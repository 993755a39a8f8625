/*
 * transcript_pdf: the transcript of an awarded certificate, as a printable PDF.
 *
 * US Letter portrait, as many pages as it needs: the issuer, the learner, the program,
 * the certificate's number and dates, a table of the activities that counted (Date |
 * Activity | Kind | Category | Credits, its heading repeated on every page) with their
 * total, and, when the transcript has plan goals, "Plan goals and the library goals
 * they served". Every page ends with "Page N of M". Text is set by Pango (any script;
 * long titles wrap), rules are drawn by cairo. No database here: the caller gathers the
 * transcript (store_transcript.h).
 */
#ifndef CERTTRACK_TRANSCRIPT_PDF_H
#define CERTTRACK_TRANSCRIPT_PDF_H

#include "../core/buf.h"
#include "../core/err.h"
#include "../core/transcript.h"

/* Writes the transcript as a PDF to path (replaced when it exists). Errors name path in
 * err->where: CT_ERR_INPUT when a heading field is empty, a string is missing or the
 * activities do not add up to the total; CT_ERR_IO when the file cannot be written;
 * CT_ERR_NOMEM. t and path are borrowed. */
enum ct_status transcript_pdf_write(const struct transcript *t, const char *path,
                                    struct ct_err *err) CT_MUST_CHECK;

/* The same PDF, appended to out (borrowed; it keeps its limit) for serving without a
 * file. Errors name the certificate number: as above, and CT_ERR_TOO_LARGE when the
 * PDF passes out's limit; out is then left as it was. t is borrowed. */
enum ct_status transcript_pdf_render(const struct transcript *t, struct buf *out,
                                     struct ct_err *err) CT_MUST_CHECK;

/* The number of pages the transcript takes, into *pages: what transcript_pdf_render and
 * transcript_pdf_write lay out. Errors as for transcript_pdf_render. t is borrowed. */
enum ct_status transcript_pdf_page_count(const struct transcript *t, int *pages,
                                         struct ct_err *err) CT_MUST_CHECK;

#endif
