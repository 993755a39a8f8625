/*
 * pdf_output: where a PDF drawn with cairo goes, a file or a buffer in memory.
 *
 * The drawing code is the same for both: it draws on output.surface, and
 * pdf_output_finish says whether the PDF was written whole.
 *
 *   struct pdf_output output;
 *   if (pdf_output_open_buf(&output, &body, 612, 792, "transcript", err) != CT_OK) ...
 *   draw on output.surface ...
 *   status = pdf_output_finish(&output, err);
 *
 * The struct must stay where it is (not be copied or moved) between open and finish:
 * cairo writes to it.
 */
#ifndef CERTTRACK_PDF_OUTPUT_H
#define CERTTRACK_PDF_OUTPUT_H

#include <cairo.h>

#include "../core/buf.h"
#include "../core/err.h"

struct pdf_output {
    cairo_surface_t *surface;    /* owned; draw on it between open and finish */
    const char *where;           /* borrowed: the file name, or what the PDF is, for errors */
    struct buf *target;          /* borrowed: the buffer the PDF goes to, or NULL */
    struct buf pending;          /* the PDF as cairo writes it, until it is whole */
    enum ct_status write_status; /* the first failed append to pending */
};

/* Starts a PDF of pages width x height points written to path (borrowed; replaced
 * when it exists). On failure (CT_ERR_IO, or CT_ERR_NOMEM) nothing is left to finish. */
enum ct_status pdf_output_open_file(struct pdf_output *output, const char *path, double width,
                                    double height, struct ct_err *err) CT_MUST_CHECK;

/* Starts a PDF that pdf_output_finish appends to target (borrowed; it keeps its limit).
 * where (borrowed) names the document in errors. */
enum ct_status pdf_output_open_buf(struct pdf_output *output, struct buf *target, double width,
                                   double height, const char *where,
                                   struct ct_err *err) CT_MUST_CHECK;

/* Ends the PDF and frees the surface, after drawing went as status says: when status is
 * not CT_OK it is returned (err kept) and a buffer target is left as it was. Otherwise
 * the PDF is complete in the file, or appended to the target buffer; CT_ERR_TOO_LARGE
 * when it passes the buffer's limit (the buffer is then left as it was), CT_ERR_IO or
 * CT_ERR_NOMEM when cairo failed. */
enum ct_status pdf_output_finish(struct pdf_output *output, enum ct_status status,
                                 struct ct_err *err) CT_MUST_CHECK;

#endif
