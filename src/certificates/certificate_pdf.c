#include "certificate_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <qrencode.h>
#include <stdio.h>
#include <string.h>

#include "../core/credit.h"
#include "pdf_output.h"
#include "pdf_text.h"
#include "../core/banned.h"

/* US Letter landscape, in points. */
#define PAGE_WIDTH  792.0
#define PAGE_HEIGHT 612.0
#define MARGIN      36.0
#define QR_SIZE     118.0
#define QR_QUIET    4 /* modules of white around the code, as the standard asks */

static const char *const month_names[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December",
};

void certificate_date_words(struct civil_date date, char *out, size_t size)
{
    if (size == 0) {
        return;
    }
    out[0] = '\0';
    if (!civil_date_is_set(date)) {
        return;
    }
    int year = 0;
    int month = 0;
    int day = 0;
    civil_date_to_ymd(date, &year, &month, &day);
    if (month < 1 || month > 12) {
        return;
    }
    snprintf(out, size, "%s %d, %d", month_names[month - 1], day, year);
}

static double draw_centred(cairo_t *cr, const char *font, const char *text, double y)
{
    return pdf_text_draw(cr, font, text, MARGIN * 2, y, PAGE_WIDTH - MARGIN * 4,
                         PANGO_ALIGN_CENTER);
}

static void draw_border(cairo_t *cr)
{
    cairo_set_source_rgb(cr, 0.11, 0.23, 0.40);
    cairo_set_line_width(cr, 6.0);
    cairo_rectangle(cr, MARGIN / 2, MARGIN / 2, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - MARGIN);
    cairo_stroke(cr);
    cairo_set_line_width(cr, 1.5);
    cairo_rectangle(cr, MARGIN - 6, MARGIN - 6, PAGE_WIDTH - 2 * MARGIN + 12,
                    PAGE_HEIGHT - 2 * MARGIN + 12);
    cairo_stroke(cr);
}

/* Draws the QR code of url with its top left corner (quiet zone included) at x, y. */
static enum ct_status draw_qr(cairo_t *cr, const char *url, double x, double y, const char *where,
                              struct ct_err *err)
{
    QRcode *code = QRcode_encodeString(url, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (code == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, where,
                          "cannot encode the verification URL as a QR code");
    }
    double module = QR_SIZE / (double)(code->width + 2 * QR_QUIET);
    cairo_set_source_rgb(cr, 1.0, 1.0, 1.0);
    cairo_rectangle(cr, x, y, QR_SIZE, QR_SIZE);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.0, 0.0, 0.0);
    for (int row = 0; row < code->width; row++) {
        for (int column = 0; column < code->width; column++) {
            if ((code->data[row * code->width + column] & 1) != 0) {
                cairo_rectangle(cr, x + (column + QR_QUIET) * module, y + (row + QR_QUIET) * module,
                                module, module);
            }
        }
    }
    cairo_fill(cr);
    QRcode_free(code);
    return CT_OK;
}

static void draw_body(cairo_t *cr, const struct certificate_face *face)
{
    char credits[CREDIT_TEXT_SIZE];
    char line[256];
    credit_format(face->credit_halves, credits);

    cairo_set_source_rgb(cr, 0.11, 0.23, 0.40);
    double y = MARGIN + 22;
    y += draw_centred(cr, "DejaVu Sans Bold 20", face->issuer, y) + 10;
    y += draw_centred(cr, "DejaVu Serif Bold 45.3", "Certificate of Completion", y) + 16;
    cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
    y += draw_centred(cr, "DejaVu Serif Italic 18.7", "This certifies that", y) + 8;
    cairo_set_source_rgb(cr, 0.0, 0.0, 0.0);
    y += draw_centred(cr, "DejaVu Serif Bold 37.3", face->learner_name, y) + 10;
    cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
    y += draw_centred(cr, "DejaVu Serif Italic 18.7", "has completed the requirements of", y) + 8;
    cairo_set_source_rgb(cr, 0.0, 0.0, 0.0);
    y += draw_centred(cr, "DejaVu Serif Bold 29.3", face->program_name, y) + 10;
    snprintf(line, sizeof line, "earning %s %s of continuing education", credits,
             strcmp(credits, "1") == 0 ? "credit" : "credits");
    (void)draw_centred(cr, "DejaVu Serif 18.7", line, y);
}

static void draw_details(cairo_t *cr, const struct certificate_face *face)
{
    char issued[48];
    char valid_until[48];
    char text[512];
    certificate_date_words(face->issued, issued, sizeof issued);
    certificate_date_words(face->valid_until, valid_until, sizeof valid_until);
    snprintf(text, sizeof text,
             "Issued: %s\nValid until: %s\nCertificate number: %s\nIssued by: %s", issued,
             valid_until, face->number, face->issuer);
    cairo_set_source_rgb(cr, 0.0, 0.0, 0.0);
    double top = PAGE_HEIGHT - MARGIN - QR_SIZE - 14;
    (void)pdf_text_draw(cr, "DejaVu Sans 14.7", text, MARGIN + 14, top + 30, 360, PANGO_ALIGN_LEFT);
    double qr_x = PAGE_WIDTH - MARGIN - 14 - QR_SIZE;
    cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
    (void)pdf_text_draw(cr, "DejaVu Sans 10.7", "Check this certificate:", qr_x - 240, top + 40,
                        230, PANGO_ALIGN_RIGHT);
    (void)pdf_text_draw(cr, "DejaVu Sans Mono 9.3", face->verify_url, qr_x - 240, top + 54, 230,
                        PANGO_ALIGN_RIGHT);
}

static enum ct_status face_check(const struct certificate_face *face, const char *path,
                                 struct ct_err *err)
{
    const char *fields[] = {face->learner_name, face->program_name, face->issuer, face->number,
                            face->verify_url};
    const char *names[] = {"learner name", "program name", "issuer", "number", "verification URL"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (fields[i] == NULL || fields[i][0] == '\0') {
            return ct_err_set(err, CT_ERR_INPUT, path, "the certificate has no %s", names[i]);
        }
    }
    return CT_OK;
}

/* Draws the page on surface and shows it; where names the document in errors. */
static enum ct_status draw_certificate(cairo_surface_t *surface,
                                       const struct certificate_face *face, const char *where,
                                       struct ct_err *err)
{
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "Certificate of Completion");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, face->issuer);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "certtrack");
    cairo_t *cr = cairo_create(surface);
    draw_border(cr);
    draw_body(cr, face);
    draw_details(cr, face);
    enum ct_status status = draw_qr(cr, face->verify_url, PAGE_WIDTH - MARGIN - 14 - QR_SIZE,
                                    PAGE_HEIGHT - MARGIN - QR_SIZE - 14, where, err);
    cairo_show_page(cr);
    cairo_destroy(cr);
    return status;
}

enum ct_status certificate_pdf_write(const struct certificate_face *face, const char *path,
                                     struct ct_err *err)
{
    enum ct_status status = face_check(face, path, err);
    struct pdf_output output;
    if (status == CT_OK) {
        status = pdf_output_open_file(&output, path, PAGE_WIDTH, PAGE_HEIGHT, err);
    }
    if (status != CT_OK) {
        return status;
    }
    status = draw_certificate(output.surface, face, path, err);
    return pdf_output_finish(&output, status, err);
}

enum ct_status certificate_pdf_render(const struct certificate_face *face, struct buf *out,
                                      struct ct_err *err)
{
    const char *where =
        face->number != NULL && face->number[0] != '\0' ? face->number : "certificate";
    enum ct_status status = face_check(face, where, err);
    struct pdf_output output;
    if (status == CT_OK) {
        status = pdf_output_open_buf(&output, out, PAGE_WIDTH, PAGE_HEIGHT, where, err);
    }
    if (status != CT_OK) {
        return status;
    }
    status = draw_certificate(output.surface, face, where, err);
    return pdf_output_finish(&output, status, err);
}
