#include "pdf_output.h"

#include <cairo-pdf.h>
#include <string.h>

#include "../core/banned.h"

static enum ct_status surface_status(cairo_surface_t *surface, const char *where,
                                     struct ct_err *err)
{
    cairo_status_t status = cairo_surface_status(surface);
    if (status == CAIRO_STATUS_SUCCESS) {
        return CT_OK;
    }
    if (status == CAIRO_STATUS_NO_MEMORY) {
        return ct_err_nomem(err);
    }
    return ct_err_set(err, CT_ERR_IO, where, "cannot write the PDF: %s",
                      cairo_status_to_string(status));
}

/* cairo's write callback: appends to the pending buffer, remembering the first failure. */
static cairo_status_t append_pending(void *closure, const unsigned char *data, unsigned int length)
{
    struct pdf_output *output = closure;
    if (output->write_status == CT_OK) {
        output->write_status = buf_append(&output->pending, (const char *)data, length);
    }
    return output->write_status == CT_OK ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Keeps the surface when it started well; else destroys it and says why. */
static enum ct_status opened(struct pdf_output *output, struct ct_err *err)
{
    enum ct_status status = surface_status(output->surface, output->where, err);
    if (status != CT_OK) {
        cairo_surface_destroy(output->surface);
        output->surface = NULL;
        buf_release(&output->pending);
    }
    return status;
}

enum ct_status pdf_output_open_file(struct pdf_output *output, const char *path, double width,
                                    double height, struct ct_err *err)
{
    memset(output, 0, sizeof *output);
    output->where = path;
    buf_init(&output->pending, 0);
    output->surface = cairo_pdf_surface_create(path, width, height);
    return opened(output, err);
}

enum ct_status pdf_output_open_buf(struct pdf_output *output, struct buf *target, double width,
                                   double height, const char *where, struct ct_err *err)
{
    memset(output, 0, sizeof *output);
    output->where = where;
    output->target = target;
    buf_init(&output->pending, target->limit > target->length ? target->limit - target->length : 0);
    output->surface = cairo_pdf_surface_create_for_stream(append_pending, output, width, height);
    return opened(output, err);
}

/* What went wrong while cairo wrote: the buffer's own error when it was the buffer. */
static enum ct_status write_failure(const struct pdf_output *output, struct ct_err *err)
{
    if (output->write_status == CT_ERR_TOO_LARGE) {
        return ct_err_set(err, CT_ERR_TOO_LARGE, output->where,
                          "the PDF is larger than the %zu bytes allowed", output->pending.limit);
    }
    if (output->write_status != CT_OK) {
        return ct_err_nomem(err);
    }
    return surface_status(output->surface, output->where, err);
}

enum ct_status pdf_output_finish(struct pdf_output *output, enum ct_status status,
                                 struct ct_err *err)
{
    cairo_surface_finish(output->surface);
    if (status == CT_OK) {
        status = write_failure(output, err);
    }
    if (status == CT_OK && output->target != NULL) {
        status = buf_append(output->target, output->pending.data, output->pending.length);
        if (status != CT_OK) {
            status = ct_err_set(err, status, output->where, "cannot keep the PDF: %s",
                                ct_status_name(status));
        }
    }
    cairo_surface_destroy(output->surface);
    output->surface = NULL;
    buf_release(&output->pending);
    return status;
}
