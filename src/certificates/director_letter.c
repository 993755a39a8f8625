#include "director_letter.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <stdio.h>
#include <string.h>

#include "../core/credit.h"
#include "../core/reminder_rule.h"
#include "certificate_pdf.h"
#include "pdf_output.h"
#include "pdf_text.h"
#include "../core/banned.h"

/* US Letter portrait, in points. */
#define PAGE_WIDTH    612.0
#define PAGE_HEIGHT   792.0
#define MARGIN        72.0
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)

#define FONT_HEAD   "DejaVu Serif Bold 18"
#define FONT_SUB    "DejaVu Sans 10"
#define FONT_BODY   "DejaVu Serif 11.5"
#define FONT_BOLD   "DejaVu Serif Bold 11.5"
#define FONT_FOOTER "DejaVu Sans 8"

/* ---- the letter's facts ---- */

static enum ct_status load_settings(struct store *store, struct director_letter *letter,
                                    struct ct_err *err)
{
    enum ct_status status = store_setting_get(store, "public-url", letter->public_url, err);
    return status == CT_OK ? store_setting_get(store, "issuer-name", letter->issuer, err) : status;
}

enum ct_status director_letter_load(struct store *store, int64_t person_id, struct civil_date day,
                                    struct director_letter *letter, bool *found, struct ct_err *err)
{
    memset(letter, 0, sizeof *letter);
    *found = false;
    const struct program *program = program_set_find(store->programs, REMINDER_DIRECTOR_PROGRAM);
    if (program == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, "program", "the programs have no %s",
                          REMINDER_DIRECTOR_PROGRAM);
    }
    struct store_rows rows = {.size = sizeof(struct reminder_director_row)};
    enum ct_status status =
        store_reminder_directors(store, person_id, day, program->id, &rows, err);
    *found = status == CT_OK && rows.count > 0;
    if (*found) {
        letter->library = *(const struct reminder_director_row *)rows.items;
    }
    store_rows_release(&rows);
    if (status != CT_OK || !*found) {
        return status;
    }
    if (!civil_date_is_set(letter->library.hire_day)) {
        return ct_err_set(err, CT_ERR_INPUT, "person",
                          "no hire day is recorded for person %lld (the day their roles began)",
                          (long long)person_id);
    }
    store_text_copy(letter->program, sizeof letter->program, program->name);
    letter->total_halves = program->total_halves;
    letter->window_years = program->window_years;
    letter->deadline = civil_date_add_years(letter->library.hire_day, program->window_years);
    status = store_reminder_letter_day(store, person_id, &letter->written, err);
    if (status == CT_OK && !civil_date_is_set(letter->written)) {
        letter->written = day;
    }
    return status == CT_OK ? load_settings(store, letter, err) : status;
}

/* ---- the page ---- */

/* The body's paragraphs, into text (size bytes). */
static void body_text(const struct director_letter *letter, char *text, size_t size)
{
    char hired[48], credits[CREDIT_TEXT_SIZE];
    certificate_date_words(letter->library.hire_day, hired, sizeof hired);
    credit_format(letter->total_halves, credits);
    snprintf(text, size,
             "%s welcomes %s as the director of %s, from %s.\n\n"
             "Montana's public library standards (ARM 10.102.1160(6)) require the director of"
             " every public library to be certified by the State Library; a library whose"
             " director is not certified in time does not meet the standards and loses its"
             " state aid. A newly hired director has %d years from the day they were hired to"
             " earn the certificate.\n\n"
             "The certificate is %s: %s credits of continuing education, earned and recorded in"
             " the State Library's certification system, where the director chooses the track,"
             " claims what they learn and follows their progress.",
             letter->issuer, letter->library.director, letter->library.library, hired,
             letter->window_years, letter->program, credits);
}

/* Draws the page on cr. */
static void draw_letter(cairo_t *cr, const struct director_letter *letter)
{
    char written[48], deadline[48], line[768], text[2048];
    certificate_date_words(letter->written, written, sizeof written);
    certificate_date_words(letter->deadline, deadline, sizeof deadline);
    double y = MARGIN;
    cairo_set_source_rgb(cr, 0.11, 0.23, 0.40);
    y += pdf_text_draw(cr, FONT_HEAD, letter->issuer, MARGIN, y, CONTENT_WIDTH, PANGO_ALIGN_LEFT);
    y += pdf_text_draw(cr, FONT_SUB, "Continuing education certification", MARGIN, y + 2,
                       CONTENT_WIDTH, PANGO_ALIGN_LEFT) +
         8;
    cairo_set_line_width(cr, 1.0);
    cairo_move_to(cr, MARGIN, y);
    cairo_line_to(cr, MARGIN + CONTENT_WIDTH, y);
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0.0, 0.0, 0.0);
    y += 18;
    y += pdf_text_draw(cr, FONT_BODY, written, MARGIN, y, CONTENT_WIDTH, PANGO_ALIGN_LEFT) + 16;
    snprintf(line, sizeof line, "To %s, director, and to the board of %s%s%s",
             letter->library.director, letter->library.library,
             letter->library.chair[0] != '\0' ? ", its chair " : "", letter->library.chair);
    y += pdf_text_draw(cr, FONT_BODY, line, MARGIN, y, CONTENT_WIDTH, PANGO_ALIGN_LEFT) + 16;
    y += pdf_text_draw(cr, FONT_BOLD, "The certification of the library's director", MARGIN, y,
                       CONTENT_WIDTH, PANGO_ALIGN_LEFT) +
         12;
    body_text(letter, text, sizeof text);
    y += pdf_text_draw(cr, FONT_BODY, text, MARGIN, y, CONTENT_WIDTH, PANGO_ALIGN_LEFT) + 16;
    snprintf(line, sizeof line, "%s must be certified by %s.", letter->library.director, deadline);
    y += pdf_text_draw(cr, FONT_BOLD, line, MARGIN, y, CONTENT_WIDTH, PANGO_ALIGN_LEFT) + 16;
    snprintf(text, sizeof text,
             "Please keep this letter with the board's records. The director signs in at %s.\n\n"
             "The CE coordinator\n%s",
             letter->public_url, letter->issuer);
    (void)pdf_text_draw(cr, FONT_BODY, text, MARGIN, y, CONTENT_WIDTH, PANGO_ALIGN_LEFT);
    cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
    (void)pdf_text_draw(cr, FONT_FOOTER, letter->public_url, MARGIN, PAGE_HEIGHT - MARGIN / 2,
                        CONTENT_WIDTH, PANGO_ALIGN_CENTER);
}

static void draw_page(cairo_surface_t *surface, const struct director_letter *letter)
{
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                   "The certification of the library's director");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, letter->issuer);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "certtrack");
    cairo_t *cr = cairo_create(surface);
    draw_letter(cr, letter);
    cairo_show_page(cr);
    cairo_destroy(cr);
}

enum ct_status director_letter_pdf_write(const struct director_letter *letter, const char *path,
                                         struct ct_err *err)
{
    struct pdf_output output;
    enum ct_status status = pdf_output_open_file(&output, path, PAGE_WIDTH, PAGE_HEIGHT, err);
    if (status != CT_OK) {
        return status;
    }
    draw_page(output.surface, letter);
    return pdf_output_finish(&output, CT_OK, err);
}

enum ct_status director_letter_pdf_render(const struct director_letter *letter, struct buf *out,
                                          struct ct_err *err)
{
    struct pdf_output output;
    enum ct_status status =
        pdf_output_open_buf(&output, out, PAGE_WIDTH, PAGE_HEIGHT, "director letter", err);
    if (status != CT_OK) {
        return status;
    }
    draw_page(output.surface, letter);
    return pdf_output_finish(&output, CT_OK, err);
}
