#include "transcript_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <stdio.h>

#include "../core/credit.h"
#include "certificate_pdf.h"
#include "pdf_output.h"
#include "pdf_text.h"
#include "../core/banned.h"

/* US Letter portrait, in points. */
#define PAGE_WIDTH    612.0
#define PAGE_HEIGHT   792.0
#define MARGIN        54.0
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define BODY_BOTTOM   (PAGE_HEIGHT - MARGIN)
#define CELL_PAD      4.0
#define CELL_LINES    8  /* a longer title ends in an ellipsis */
#define GOAL_LINES    30 /* likewise a plan goal */
#define GOAL_INDENT   18.0

#define FONT_CELL    "DejaVu Sans 8.5"
#define FONT_CELL_B  "DejaVu Sans Bold 8.5"
#define FONT_LABEL   "DejaVu Sans Bold 8"
#define FONT_VALUE   "DejaVu Sans 10"
#define FONT_SECTION "DejaVu Sans Bold 11"
#define FONT_NOTE    "DejaVu Sans Oblique 8"
#define FONT_FOOTER  "DejaVu Sans 7.5"
#define NO_CATEGORY  "\xe2\x80\x94" /* an em dash */

struct column {
    const char *heading;
    double width;
    PangoAlignment alignment;
};

enum { COLUMN_DATE, COLUMN_ACTIVITY, COLUMN_KIND, COLUMN_CATEGORY, COLUMN_CREDITS, COLUMN_COUNT };

static const struct column columns[COLUMN_COUNT] = {
    {"Date", 66, PANGO_ALIGN_LEFT},     {"Activity", 192, PANGO_ALIGN_LEFT},
    {"Kind", 84, PANGO_ALIGN_LEFT},     {"Category", 112, PANGO_ALIGN_LEFT},
    {"Credits", 50, PANGO_ALIGN_RIGHT},
};

static const char *const month_abbreviations[12] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

/* The page being laid out. The layout runs twice: once measuring (drawing false) to
 * count the pages, then drawing, with the same breaks because the text is measured on
 * the same surface both times. */
struct sheet {
    cairo_t *cr;
    const struct transcript *t;
    bool drawing;
    int page;       /* 1-based, 0 before the first */
    int page_count; /* known when drawing */
    double y;       /* the top of what comes next */
    bool fresh;     /* nothing yet below the page's own headings */
    bool in_table;  /* a new page repeats the table's heading */
};

/* ---- ink: nothing reaches the page while measuring ---- */

static void colour(struct sheet *s, double red, double green, double blue)
{
    cairo_set_source_rgb(s->cr, red, green, blue);
}

static void navy(struct sheet *s)
{
    colour(s, 0.11, 0.23, 0.40);
}

static void grey(struct sheet *s)
{
    colour(s, 0.35, 0.35, 0.35);
}

static void black(struct sheet *s)
{
    colour(s, 0.0, 0.0, 0.0);
}

/* Shows layout at x, y when drawing; frees it; returns its height. */
static double show(struct sheet *s, PangoLayout *layout, double x, double y)
{
    double height = pdf_text_height(layout);
    if (s->drawing) {
        pdf_text_show(s->cr, layout, x, y);
    }
    g_object_unref(layout);
    return height;
}

static double text(struct sheet *s, const char *font, const char *words, double x, double y,
                   double width, PangoAlignment alignment)
{
    return show(s, pdf_text_layout(s->cr, font, words, width, alignment, 0), x, y);
}

/* A horizontal rule across the content at y. */
static void rule(struct sheet *s, double y, double width)
{
    if (s->drawing) {
        cairo_set_line_width(s->cr, width);
        cairo_move_to(s->cr, MARGIN, y);
        cairo_line_to(s->cr, MARGIN + CONTENT_WIDTH, y);
        cairo_stroke(s->cr);
    }
}

static void band(struct sheet *s, double y, double height)
{
    if (s->drawing) {
        cairo_rectangle(s->cr, MARGIN, y, CONTENT_WIDTH, height);
        cairo_fill(s->cr);
    }
}

/* ---- pages ---- */

static void page_footer(struct sheet *s)
{
    char right[64];
    char *left =
        g_strdup_printf("%s \xc2\xb7 Transcript of certificate %s", s->t->issuer, s->t->number);
    snprintf(right, sizeof right, "Page %d of %d", s->page, s->page_count);
    grey(s);
    rule(s, BODY_BOTTOM + 8, 0.5);
    (void)text(s, FONT_FOOTER, left, MARGIN, BODY_BOTTOM + 12, CONTENT_WIDTH - 80,
               PANGO_ALIGN_LEFT);
    (void)text(s, FONT_FOOTER, right, MARGIN + CONTENT_WIDTH - 80, BODY_BOTTOM + 12, 80,
               PANGO_ALIGN_RIGHT);
    g_free(left);
}

static void table_heading(struct sheet *s)
{
    PangoLayout *layouts[COLUMN_COUNT];
    double height = 0;
    for (int c = 0; c < COLUMN_COUNT; c++) {
        layouts[c] = pdf_text_layout(s->cr, FONT_CELL_B, columns[c].heading,
                                     columns[c].width - 2 * CELL_PAD, columns[c].alignment, 0);
        double h = pdf_text_height(layouts[c]);
        height = h > height ? h : height;
    }
    height += 2 * CELL_PAD;
    colour(s, 0.90, 0.92, 0.95);
    band(s, s->y, height);
    navy(s);
    double x = MARGIN;
    for (int c = 0; c < COLUMN_COUNT; c++) {
        (void)show(s, layouts[c], x + CELL_PAD, s->y + CELL_PAD);
        x += columns[c].width;
    }
    rule(s, s->y + height, 0.8);
    s->y += height;
}

/* The top of a page after the first: whose transcript it continues. */
static void continued_heading(struct sheet *s)
{
    char *line = g_strdup_printf("Transcript of %s, certificate %s (continued)", s->t->learner_name,
                                 s->t->number);
    grey(s);
    s->y += text(s, FONT_CELL, line, MARGIN, s->y, CONTENT_WIDTH, PANGO_ALIGN_LEFT) + 4;
    g_free(line);
    rule(s, s->y, 0.5);
    s->y += 10;
}

static void page_begin(struct sheet *s)
{
    s->page++;
    s->y = MARGIN;
    if (s->page > 1) {
        continued_heading(s);
        if (s->in_table) {
            table_heading(s);
        }
    }
    s->fresh = true;
}

static void page_end(struct sheet *s)
{
    page_footer(s);
    if (s->drawing) {
        cairo_show_page(s->cr);
    }
}

/* Starts a new page unless height fits below y (or the page holds nothing yet). */
static void make_room(struct sheet *s, double height)
{
    if (!s->fresh && s->y + height > BODY_BOTTOM) {
        page_end(s);
        page_begin(s);
    }
    s->fresh = false;
}

/* ---- the heading of the first page ---- */

struct detail {
    const char *label;
    const char *value;
};

/* Label and value pairs, one under another, in the band [x, x + width]; returns the
 * height they took. */
static double details(struct sheet *s, const struct detail *list, size_t count, double x,
                      double width)
{
    const double label_width = 84;
    double y = s->y;
    for (size_t i = 0; i < count; i++) {
        grey(s);
        double label =
            text(s, FONT_LABEL, list[i].label, x, y + 1.5, label_width, PANGO_ALIGN_LEFT);
        black(s);
        double value = text(s, FONT_VALUE, list[i].value, x + label_width, y, width - label_width,
                            PANGO_ALIGN_LEFT);
        y += (label > value ? label : value) + 5;
    }
    return y - s->y;
}

static void revoked_notice(struct sheet *s)
{
    char revoked[48], line[160];
    certificate_date_words(s->t->revoked, revoked, sizeof revoked);
    snprintf(line, sizeof line, "This certificate was revoked on %s; it is no longer valid.",
             revoked);
    colour(s, 0.65, 0.05, 0.05);
    s->y += text(s, "DejaVu Sans Bold 10", line, MARGIN, s->y, CONTENT_WIDTH, PANGO_ALIGN_LEFT) + 6;
}

static void first_heading(struct sheet *s)
{
    const struct transcript *t = s->t;
    navy(s);
    s->y +=
        text(s, "DejaVu Sans Bold 12", t->issuer, MARGIN, s->y, CONTENT_WIDTH, PANGO_ALIGN_LEFT) +
        4;
    s->y += text(s, "DejaVu Serif Bold 26", "Transcript", MARGIN, s->y, CONTENT_WIDTH,
                 PANGO_ALIGN_LEFT);
    grey(s);
    s->y += text(s, "DejaVu Serif Italic 11", "Record of continuing education", MARGIN, s->y,
                 CONTENT_WIDTH, PANGO_ALIGN_LEFT) +
            8;
    navy(s);
    rule(s, s->y, 1.5);
    s->y += 10;
    char issued[48], valid_until[48];
    certificate_date_words(t->issued, issued, sizeof issued);
    certificate_date_words(t->valid_until, valid_until, sizeof valid_until);
    const struct detail left[] = {
        {"Learner", t->learner_name}, {"Program", t->program_name}, {"Issued by", t->issuer}};
    const struct detail right[] = {
        {"Certificate", t->number}, {"Issued", issued}, {"Valid until", valid_until}};
    double left_height = details(s, left, 3, MARGIN, 262);
    double right_height = details(s, right, 3, MARGIN + 274, CONTENT_WIDTH - 274);
    s->y += (left_height > right_height ? left_height : right_height) + 4;
    if (civil_date_is_set(t->revoked)) {
        revoked_notice(s);
    }
    s->y += 8;
}

/* ---- the activities ---- */

static void short_date(struct civil_date date, char *out, size_t size)
{
    int year = 0, month = 0, day = 0;
    out[0] = '\0';
    if (!civil_date_is_set(date)) {
        return;
    }
    civil_date_to_ymd(date, &year, &month, &day);
    if (month >= 1 && month <= 12) {
        snprintf(out, size, "%s %d, %d", month_abbreviations[month - 1], day, year);
    }
}

static void activity_row(struct sheet *s, const struct transcript_activity *activity)
{
    char date[32], halves[CREDIT_TEXT_SIZE], credits[CREDIT_TEXT_SIZE + 2];
    short_date(activity->date, date, sizeof date);
    credit_format(activity->credit_halves, halves);
    snprintf(credits, sizeof credits, "%s%s", halves, activity->partial ? "*" : "");
    const char *cells[COLUMN_COUNT] = {
        date, activity->title, activity->kind,
        activity->category[0] != '\0' ? activity->category : NO_CATEGORY, credits};
    PangoLayout *layouts[COLUMN_COUNT];
    double height = 0;
    for (int c = 0; c < COLUMN_COUNT; c++) {
        layouts[c] = pdf_text_layout(s->cr, FONT_CELL, cells[c], columns[c].width - 2 * CELL_PAD,
                                     columns[c].alignment, CELL_LINES);
        double h = pdf_text_height(layouts[c]);
        height = h > height ? h : height;
    }
    height += 2 * CELL_PAD;
    make_room(s, height);
    black(s);
    double x = MARGIN;
    for (int c = 0; c < COLUMN_COUNT; c++) {
        (void)show(s, layouts[c], x + CELL_PAD, s->y + CELL_PAD);
        x += columns[c].width;
    }
    colour(s, 0.75, 0.75, 0.75);
    rule(s, s->y + height, 0.4);
    s->y += height;
}

static bool any_partial(const struct transcript *t)
{
    for (size_t i = 0; i < t->activity_count; i++) {
        if (t->activities[i].partial) {
            return true;
        }
    }
    return false;
}

static void total_line(struct sheet *s)
{
    char credits[CREDIT_TEXT_SIZE];
    credit_format(s->t->credit_halves, credits);
    double label_width = CONTENT_WIDTH - columns[COLUMN_CREDITS].width;
    make_room(s, 40);
    navy(s);
    rule(s, s->y, 1.0);
    s->y += CELL_PAD;
    black(s);
    (void)text(s, "DejaVu Sans Bold 9", "Total credits counted", MARGIN, s->y,
               label_width - CELL_PAD, PANGO_ALIGN_RIGHT);
    s->y += text(s, "DejaVu Sans Bold 9", credits, MARGIN + label_width + CELL_PAD, s->y,
                 columns[COLUMN_CREDITS].width - 2 * CELL_PAD, PANGO_ALIGN_RIGHT) +
            CELL_PAD + 4;
    if (any_partial(s->t)) {
        grey(s);
        s->y += text(s, FONT_NOTE,
                     "* Counted in part: the program limits how much of this kind of learning"
                     " counts, and the limit was reached.",
                     MARGIN, s->y, CONTENT_WIDTH, PANGO_ALIGN_LEFT) +
                4;
    }
}

static void section_heading(struct sheet *s, const char *heading, double keep_with)
{
    PangoLayout *layout =
        pdf_text_layout(s->cr, FONT_SECTION, heading, CONTENT_WIDTH, PANGO_ALIGN_LEFT, 0);
    make_room(s, pdf_text_height(layout) + 6 + keep_with);
    navy(s);
    s->y += show(s, layout, MARGIN, s->y) + 6;
}

static void activities(struct sheet *s)
{
    section_heading(s, "Activities counted toward the certificate", 48);
    table_heading(s);
    s->in_table = true;
    for (size_t i = 0; i < s->t->activity_count; i++) {
        activity_row(s, &s->t->activities[i]);
    }
    s->in_table = false;
    if (s->t->activity_count == 0) {
        grey(s);
        s->y += text(s, FONT_CELL, "No activity counted.", MARGIN + CELL_PAD, s->y + CELL_PAD,
                     CONTENT_WIDTH, PANGO_ALIGN_LEFT) +
                2 * CELL_PAD;
    }
    total_line(s);
}

/* ---- the plan's goals ---- */

static PangoLayout *served_layout(struct sheet *s, const char *library_goal)
{
    char *line = g_strdup_printf("Served the library goal: %s", library_goal);
    PangoLayout *layout = pdf_text_layout(s->cr, FONT_NOTE, line, CONTENT_WIDTH - GOAL_INDENT,
                                          PANGO_ALIGN_LEFT, CELL_LINES);
    g_free(line);
    return layout;
}

/* One goal and the library goals it served, kept together on a page. */
static void goal_block(struct sheet *s, size_t index, const struct transcript_goal *goal)
{
    char number[24];
    snprintf(number, sizeof number, "%zu.", index + 1);
    PangoLayout *goal_text =
        pdf_text_layout(s->cr, "DejaVu Sans 9.5", goal->text, CONTENT_WIDTH - GOAL_INDENT,
                        PANGO_ALIGN_LEFT, GOAL_LINES);
    double height = pdf_text_height(goal_text) + 3;
    for (size_t g = 0; g < goal->library_goal_count; g++) {
        PangoLayout *served = served_layout(s, goal->library_goals[g]);
        height += pdf_text_height(served) + 2;
        g_object_unref(served);
    }
    make_room(s, height);
    black(s);
    (void)text(s, "DejaVu Sans Bold 9.5", number, MARGIN, s->y, GOAL_INDENT, PANGO_ALIGN_LEFT);
    s->y += show(s, goal_text, MARGIN + GOAL_INDENT, s->y) + 3;
    grey(s);
    for (size_t g = 0; g < goal->library_goal_count; g++) {
        s->y += show(s, served_layout(s, goal->library_goals[g]), MARGIN + GOAL_INDENT, s->y) + 2;
    }
    s->y += 8;
}

static void goals(struct sheet *s)
{
    s->y += 14;
    section_heading(s, "Plan goals and the library goals they served", 60);
    grey(s);
    s->y +=
        text(s, FONT_NOTE, "From the development plan in force when the certificate was issued.",
             MARGIN, s->y, CONTENT_WIDTH, PANGO_ALIGN_LEFT) +
        8;
    for (size_t i = 0; i < s->t->goal_count; i++) {
        goal_block(s, i, &s->t->goals[i]);
    }
}

/* ---- the document ---- */

/* Lays out the whole transcript; returns the number of pages. */
static int lay_out(struct sheet *s)
{
    s->page = 0;
    s->in_table = false;
    page_begin(s);
    first_heading(s);
    activities(s);
    if (s->t->goal_count > 0) {
        goals(s);
    }
    page_end(s);
    return s->page;
}

/* cairo's write callback for a PDF only measured: nothing is kept. */
static cairo_status_t discard(void *closure, const unsigned char *data, unsigned int length)
{
    (void)closure;
    (void)data;
    (void)length;
    return CAIRO_STATUS_SUCCESS;
}

static void draw_transcript(cairo_surface_t *surface, const struct transcript *t)
{
    char *subject = g_strdup_printf("Transcript of certificate %s", t->number);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "Transcript");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, t->issuer);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "certtrack");
    g_free(subject);
    struct sheet s = {.cr = cairo_create(surface), .t = t, .drawing = false};
    s.page_count = lay_out(&s);
    s.drawing = true;
    (void)lay_out(&s);
    cairo_destroy(s.cr);
}

/* ---- checks ---- */

static bool filled(const char *text_value)
{
    return text_value != NULL && text_value[0] != '\0';
}

/* Every string must be UTF-8 for Pango; NULL passes (the callers check presence). */
static bool utf8(const char *text_value)
{
    return text_value == NULL || g_utf8_validate(text_value, -1, NULL);
}

static enum ct_status check_activities(const struct transcript *t, const char *where,
                                       struct ct_err *err)
{
    if (t->activity_count > 0 && t->activities == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, where, "the transcript's activities are missing");
    }
    for (size_t i = 0; i < t->activity_count; i++) {
        const struct transcript_activity *a = &t->activities[i];
        if (!filled(a->title) || !filled(a->kind) || a->category == NULL || a->credit_halves < 0 ||
            !utf8(a->title) || !utf8(a->kind) || !utf8(a->category)) {
            return ct_err_set(err, CT_ERR_INPUT, where,
                              "activity %zu lacks a title, kind or category in UTF-8, or has"
                              " negative credits",
                              i + 1);
        }
    }
    int64_t rows = transcript_activity_halves(t);
    if (rows != t->credit_halves) {
        char sum[CREDIT_TEXT_SIZE], total[CREDIT_TEXT_SIZE];
        credit_format(rows, sum);
        credit_format(t->credit_halves, total);
        return ct_err_set(err, CT_ERR_INPUT, where,
                          "the activities add up to %s credits, the total says %s", sum, total);
    }
    return CT_OK;
}

static enum ct_status check_goals(const struct transcript *t, const char *where, struct ct_err *err)
{
    if (t->goal_count > 0 && t->goals == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, where, "the transcript's plan goals are missing");
    }
    for (size_t i = 0; i < t->goal_count; i++) {
        const struct transcript_goal *goal = &t->goals[i];
        bool ok = filled(goal->text) && utf8(goal->text) &&
                  (goal->library_goal_count == 0 || goal->library_goals != NULL);
        for (size_t g = 0; ok && g < goal->library_goal_count; g++) {
            ok = filled(goal->library_goals[g]) && utf8(goal->library_goals[g]);
        }
        if (!ok) {
            return ct_err_set(err, CT_ERR_INPUT, where,
                              "plan goal %zu or a library goal it served has no text in UTF-8",
                              i + 1);
        }
    }
    return CT_OK;
}

static enum ct_status transcript_check(const struct transcript *t, const char *where,
                                       struct ct_err *err)
{
    const char *fields[] = {t->learner_name, t->program_name, t->issuer, t->number};
    const char *names[] = {"learner name", "program name", "issuer", "certificate number"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (!filled(fields[i]) || !utf8(fields[i])) {
            return ct_err_set(err, CT_ERR_INPUT, where, "the transcript has no %s in UTF-8",
                              names[i]);
        }
    }
    enum ct_status status = check_activities(t, where, err);
    return status == CT_OK ? check_goals(t, where, err) : status;
}

enum ct_status transcript_pdf_write(const struct transcript *t, const char *path,
                                    struct ct_err *err)
{
    enum ct_status status = transcript_check(t, path, err);
    struct pdf_output output;
    if (status == CT_OK) {
        status = pdf_output_open_file(&output, path, PAGE_WIDTH, PAGE_HEIGHT, err);
    }
    if (status != CT_OK) {
        return status;
    }
    draw_transcript(output.surface, t);
    return pdf_output_finish(&output, CT_OK, err);
}

enum ct_status transcript_pdf_render(const struct transcript *t, struct buf *out,
                                     struct ct_err *err)
{
    const char *where = filled(t->number) ? t->number : "transcript";
    enum ct_status status = transcript_check(t, where, err);
    struct pdf_output output;
    if (status == CT_OK) {
        status = pdf_output_open_buf(&output, out, PAGE_WIDTH, PAGE_HEIGHT, where, err);
    }
    if (status != CT_OK) {
        return status;
    }
    draw_transcript(output.surface, t);
    return pdf_output_finish(&output, CT_OK, err);
}

enum ct_status transcript_pdf_page_count(const struct transcript *t, int *pages, struct ct_err *err)
{
    *pages = 0;
    const char *where = filled(t->number) ? t->number : "transcript";
    enum ct_status status = transcript_check(t, where, err);
    if (status != CT_OK) {
        return status;
    }
    cairo_surface_t *surface =
        cairo_pdf_surface_create_for_stream(discard, NULL, PAGE_WIDTH, PAGE_HEIGHT);
    struct sheet s = {.cr = cairo_create(surface), .t = t, .drawing = false};
    *pages = lay_out(&s);
    if (cairo_status(s.cr) == CAIRO_STATUS_NO_MEMORY) {
        *pages = 0;
        status = ct_err_nomem(err);
    }
    cairo_destroy(s.cr);
    cairo_surface_destroy(surface);
    return status;
}
