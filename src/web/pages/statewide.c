#include "statewide.h"

#include <stdio.h>
#include <string.h>

#include "../../actions/libraries.h"
#include "../../core/calendar_period.h"
#include "../../core/credit.h"
#include "../../core/director_window.h"
#include "../../store/store_directors.h"
#include "../html/chart_bars.h"
#include "../html/form.h"
#include "../../core/banned.h"

/* The engine's statuses (enum track_status order), as the tables head them. */
static const char *const status_labels[STATEWIDE_STATUS_COUNT] = {"Complete", "In progress",
                                                                  "Ineligible", "Expired"};
/* The directors' standings (enum director_standing order), then no director named. */
static const char *const standing_labels[DIRECTOR_STANDING_COUNT + 1] = {
    "Certified", "Within their window", "Late", "No hire day recorded", "No director named"};
static const char *const month_names[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* The most people the page lists whose credits expire next quarter (the CSV has all). */
#define EXPIRING_SHOWN 100

struct statewide_filter statewide_filter_of(const struct web_request *request)
{
    struct statewide_filter filter = {0};
    const char *program = web_query_value(request, "program");
    const struct program *known =
        program != NULL ? program_set_find(request->config->programs, program) : NULL;
    filter.program = known != NULL ? known->id : NULL;
    filter.library_kind = library_kind_known(web_query_value(request, "kind"));
    if ((request->roles & ROLE_CE_COORDINATOR) == 0) {
        filter.consultant_id = request->person_id; /* a consultant: their libraries */
    }
    return filter;
}

static void select_begin(struct html *h, const char *id, const char *label)
{
    html_markup(h, "<div class=\"usa-form-group\"><label class=\"usa-label\" for=\"");
    html_text(h, id);
    html_markup(h, "\">");
    html_text(h, label);
    html_markup(h, "</label><select class=\"usa-select\" id=\"");
    html_text(h, id);
    html_markup(h, "\" name=\"");
    html_text(h, id);
    html_markup(h, "\"><option value=\"\">All</option>");
}

void statewide_filter_fields(struct html *h, const struct web_request *request,
                             const struct statewide_filter *filter)
{
    const struct program_set *set = request->config->programs;
    select_begin(h, "program", "Program");
    for (size_t i = 0; i < set->count; i++) {
        struct form_option option = {set->programs[i]->id, set->programs[i]->name};
        html_options(h, &option, 1, filter->program);
    }
    html_markup(h, "</select></div>\n");
    select_begin(h, "kind", "Kind of library");
    for (size_t i = 0; library_kinds[i] != NULL; i++) {
        struct form_option option = {library_kinds[i], library_kind_label(library_kinds[i])};
        html_options(h, &option, 1, filter->library_kind);
    }
    html_markup(h, "</select></div>\n");
}

/* Writes the separator before the next argument: '?' first (when asked), '&' after. */
static void separator(struct html *h, bool question_mark)
{
    if (question_mark) {
        html_markup(h, "?");
    } else {
        html_markup(h, "&amp;");
    }
}

void statewide_filter_query(struct html *h, const struct statewide_filter *filter,
                            char first_separator)
{
    bool first = first_separator == '?';
    if (filter->program != NULL) {
        separator(h, first);
        html_markup(h, "program=");
        html_text(h, filter->program);
        first = false;
    }
    if (filter->library_kind != NULL) {
        separator(h, first);
        html_markup(h, "kind=");
        html_text(h, filter->library_kind);
    }
}

void statewide_csv_begin(struct web_request *request, struct web_response *response,
                         const char *name)
{
    char today[CIVIL_DATE_TEXT_SIZE], disposition[120];
    civil_date_format(request->today, today);
    response->content_type = "text/csv; charset=utf-8";
    snprintf(disposition, sizeof disposition, "attachment; filename=\"%s-%s.csv\"", name, today);
    web_add_header(response, "Content-Disposition", disposition);
}

/* ---- the page's parts ---- */

static void csv_link(struct html *h, const struct statewide_filter *filter, const char *path,
                     const char *what)
{
    html_markup(h, "<p class=\"download\"><a href=\"");
    html_text(h, path);
    statewide_filter_query(h, filter, '?');
    html_markup(h, "\">Download ");
    html_text(h, what);
    html_markup(h, " as CSV</a></p>\n");
}

static void number_cell(struct html *h, int64_t value, bool credits)
{
    html_markup(h, "<td class=\"number\">");
    if (credits) {
        html_credits(h, value);
    } else {
        html_int(h, value);
    }
    html_markup(h, "</td>");
}

static void text_cell(struct html *h, const char *text)
{
    html_markup(h, "<td>");
    html_text(h, text);
    html_markup(h, "</td>");
}

static void chart(struct html *h, const struct chart_bars *bars)
{
    html_fail(h, h->status == CT_OK ? chart_bars_svg(h->out, bars) : CT_OK);
}

/* People by program and status: the table, then its chart. */
static void programs_part(struct html *h, const struct program_set *programs,
                          const struct statewide_picture *picture,
                          const struct statewide_filter *filter)
{
    static const char *const columns[] = {"Program",    "Complete", "In progress",
                                          "Ineligible", "Expired",  "All open tracks"};
    const struct statewide_program_row *rows = picture->programs.items;
    struct chart_bar bars[CHART_BARS_MAX_BARS];
    size_t shown = picture->programs.count < CHART_BARS_MAX_BARS ? picture->programs.count
                                                                 : CHART_BARS_MAX_BARS;
    int64_t totals[STATEWIDE_STATUS_COUNT] = {0}, all = 0;
    html_markup(h, "<section class=\"statewide-part\">\n");
    html_table_begin(h, "People by program and status", columns, 6);
    for (size_t i = 0; i < picture->programs.count; i++) {
        int64_t sum = 0;
        html_markup(h, "<tr>");
        const char *name = program_set_name(programs, rows[i].program);
        text_cell(h, name);
        for (size_t s = 0; s < STATEWIDE_STATUS_COUNT; s++) {
            number_cell(h, rows[i].people[s], false);
            sum += rows[i].people[s];
            totals[s] += rows[i].people[s];
            if (i < shown) {
                bars[i].values[s] = rows[i].people[s];
            }
        }
        number_cell(h, sum, false);
        html_markup(h, "</tr>\n");
        all += sum;
        if (i < shown) {
            bars[i].label = name;
        }
    }
    html_table_end(h);
    char words[400];
    snprintf(words, sizeof words,
             "%lld open tracks: %lld complete, %lld in progress, %lld ineligible and %lld"
             " expired. The table gives each program's numbers.",
             (long long)all, (long long)totals[0], (long long)totals[1], (long long)totals[2],
             (long long)totals[3]);
    chart(h, &(struct chart_bars){"chart-programs", "Open tracks by program and status", words,
                                  status_labels, STATEWIDE_STATUS_COUNT, bars, shown, false});
    csv_link(h, filter, "/statewide/programs.csv", "the people by program and status");
    html_markup(h, "</section>\n");
}

static const char *kind_words(const char *kind)
{
    return strcmp(kind, "all") == 0 ? "All kinds" : library_kind_label(kind);
}

/* One kind's counts: the table's cells, and the chart's bar. */
static void kind_row(struct html *h, const struct director_kind_row *kind, struct chart_bar *bar)
{
    html_markup(h, "<tr>");
    text_cell(h, kind_words(kind->kind));
    number_cell(h, kind->libraries, false);
    for (size_t s = 0; s < DIRECTOR_STANDING_COUNT; s++) {
        number_cell(h, kind->directors[s], false);
        if (bar != NULL) {
            bar->values[s] = kind->directors[s];
        }
    }
    number_cell(h, kind->no_director, false);
    html_markup(h, "</tr>\n");
    if (bar != NULL) {
        bar->values[DIRECTOR_STANDING_COUNT] = kind->no_director;
        bar->label = kind_words(kind->kind);
    }
}

/* Directors by kind of library: the table (each kind, then all), then its chart. */
static void kinds_part(struct html *h, const struct director_picture *directors,
                       const struct statewide_filter *filter)
{
    static const char *const columns[] = {
        "Kind of library",      "Libraries",        "Certified", "Within their window", "Late",
        "No hire day recorded", "No director named"};
    struct chart_bar bars[DIRECTOR_KIND_COUNT];
    size_t kinds = directors->kind_count - 1; /* the last is the whole */
    html_markup(h, "<section class=\"statewide-part\">\n");
    html_table_begin(h, "Directors by kind of library", columns, 7);
    for (size_t i = 0; i < directors->kind_count; i++) {
        kind_row(h, &directors->kinds[i], i < kinds ? &bars[i] : NULL);
    }
    html_table_end(h);
    const struct director_kind_row *all = &directors->kinds[kinds];
    char words[400];
    snprintf(words, sizeof words,
             "%lld open libraries: %lld directors certified, %lld within their window, %lld late,"
             " %lld with no hire day recorded, %lld libraries with no director named. The table"
             " gives each kind's numbers.",
             (long long)all->libraries, (long long)all->directors[DIRECTOR_CERTIFIED],
             (long long)all->directors[DIRECTOR_WITHIN_WINDOW],
             (long long)all->directors[DIRECTOR_LATE],
             (long long)all->directors[DIRECTOR_NO_HIRE_DAY], (long long)all->no_director);
    chart(h,
          &(struct chart_bars){"chart-directors", "Directors by kind of library", words,
                               standing_labels, DIRECTOR_STANDING_COUNT + 1, bars, kinds, false});
    csv_link(h, filter, "/statewide/kinds.csv", "the directors by kind of library");
    html_markup(h, "</section>\n");
}

static void date_cell(struct html *h, struct civil_date day)
{
    char text[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(day, text);
    html_markup(h, "<td class=\"date\">");
    html_text(h, text);
    html_markup(h, "</td>");
}

/* Directors by library: every open library, its director and their standing. */
static void libraries_part(struct html *h, const struct director_picture *directors,
                           const struct statewide_filter *filter)
{
    static const char *const columns[] = {"Library",  "Kind",        "Director",
                                          "Hire day", "Window ends", "Standing"};
    const struct director_row *rows = directors->libraries.items;
    html_markup(h, "<section class=\"statewide-list\">\n");
    html_table_begin(h, "Directors by library", columns, 6);
    for (size_t i = 0; i < directors->libraries.count; i++) {
        const struct director_row *row = &rows[i];
        html_format(h, "<tr><td><a href=\"/libraries/%lld\">", (long long)row->library_id);
        html_text(h, row->library);
        html_markup(h, "</a></td>");
        text_cell(h, library_kind_label(row->kind));
        text_cell(h, row->director_id != 0 ? row->director : "No director named");
        date_cell(h, row->hire_day);
        date_cell(h, row->window_end);
        text_cell(h, row->director_id != 0 ? director_standing_label(row->standing) : "");
        html_markup(h, "</tr>\n");
    }
    html_table_end(h);
    csv_link(h, filter, "/statewide/directors.csv", "the directors by library");
    html_markup(h, "</section>\n");
}

/* "Jun 2026" into out. */
static void month_words(struct civil_date first_day, char *out, size_t size)
{
    int year = 0, month = 0, day = 0;
    civil_date_to_ymd(first_day, &year, &month, &day);
    snprintf(out, size, "%s %d", month_names[(month - 1) % 12], year);
}

/* Credits earned per month: the table, then its chart. */
static void months_part(struct html *h, const struct statewide_picture *picture,
                        const struct statewide_filter *filter)
{
    static const char *const columns[] = {"Month", "Credits counted"};
    static const char *const series[] = {"Credits counted"};
    char labels[STATEWIDE_MONTHS][24];
    struct chart_bar bars[STATEWIDE_MONTHS];
    int64_t total = 0;
    html_markup(h, "<section class=\"statewide-part\">\n");
    html_table_begin(h, "Credits earned per month", columns, 2);
    for (size_t i = 0; i < STATEWIDE_MONTHS; i++) {
        month_words(picture->months[i].first_day, labels[i], sizeof labels[i]);
        bars[i] = (struct chart_bar){labels[i], {picture->months[i].counted_halves}};
        total += picture->months[i].counted_halves;
        html_markup(h, "<tr>");
        text_cell(h, labels[i]);
        number_cell(h, picture->months[i].counted_halves, true);
        html_markup(h, "</tr>\n");
    }
    html_table_end(h);
    char amount[CREDIT_TEXT_SIZE], words[300];
    credit_format(total, amount);
    snprintf(words, sizeof words,
             "%s credits counted on activities of the twelve months from %s to %s. The table"
             " gives each month's credits.",
             amount, labels[0], labels[STATEWIDE_MONTHS - 1]);
    chart(h, &(struct chart_bars){"chart-months", "Credits earned per month", words, series, 1,
                                  bars, STATEWIDE_MONTHS, true});
    csv_link(h, filter, "/statewide/months.csv", "the credits earned per month");
    html_markup(h, "</section>\n");
}

/* "July to September 2026" (the quarter [start, end)) into out. */
static void quarter_words(const struct statewide_picture *picture, char *out, size_t size)
{
    static const char *const full[12] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    int year = 0, month = 0, day = 0;
    civil_date_to_ymd(picture->quarter_start, &year, &month, &day);
    snprintf(out, size, "%s to %s %d", full[(month - 1) % 12], full[(month + 1) % 12], year);
}

/* What expires next quarter, by month: the table, then its chart. */
static void quarter_part(struct html *h, const struct statewide_picture *picture,
                         const struct statewide_filter *filter, const char *quarter)
{
    static const char *const columns[] = {"Month", "Credits that stop counting"};
    static const char *const series[] = {"Credits that stop counting"};
    char labels[3][24];
    struct chart_bar bars[3];
    html_markup(h, "<section class=\"statewide-part\">\n");
    html_table_begin(h, "Credits that expire next quarter", columns, 2);
    for (int i = 0; i < 3; i++) {
        month_words(calendar_month_start(picture->quarter_start, i), labels[i], sizeof labels[i]);
        bars[i] = (struct chart_bar){labels[i], {picture->expiring_by_month[i]}};
        html_markup(h, "<tr>");
        text_cell(h, labels[i]);
        number_cell(h, picture->expiring_by_month[i], true);
        html_markup(h, "</tr>\n");
    }
    html_table_end(h);
    char amount[CREDIT_TEXT_SIZE], words[300];
    credit_format(picture->expiring_halves, amount);
    snprintf(words, sizeof words,
             "%s counted credits of %zu people stop counting from %s. The table gives each"
             " month's credits.",
             amount, picture->expiring.count, quarter);
    chart(h, &(struct chart_bars){"chart-expiring", "Credits that expire next quarter", words,
                                  series, 1, bars, 3, true});
    csv_link(h, filter, "/statewide/quarter.csv", "the credits that expire next quarter");
    html_markup(h, "</section>\n");
}

/* The people whose credits expire next quarter, the first EXPIRING_SHOWN of them. */
static void expiring_part(struct html *h, const struct statewide_picture *picture,
                          const struct statewide_filter *filter)
{
    static const char *const columns[] = {"Person", "Library", "Credits",
                                          "First day no longer counted"};
    const struct statewide_expiring_row *rows = picture->expiring.items;
    html_markup(h, "<section class=\"statewide-list\">\n");
    html_table_begin(h, "People whose credits expire next quarter", columns, 4);
    for (size_t i = 0; i < picture->expiring.count && i < EXPIRING_SHOWN; i++) {
        html_markup(h, "<tr>");
        text_cell(h, rows[i].name);
        text_cell(h, rows[i].library);
        number_cell(h, rows[i].halves, true);
        date_cell(h, rows[i].first_expiry);
        html_markup(h, "</tr>\n");
    }
    if (picture->expiring.count == 0) {
        html_markup(h, "<tr><td colspan=\"4\">No one's counted credits stop counting next"
                       " quarter.</td></tr>\n");
    }
    html_table_end(h);
    if (picture->expiring.count > EXPIRING_SHOWN) {
        html_format(h, "<p>The first %d of %zu people; the CSV lists them all.</p>\n",
                    EXPIRING_SHOWN, picture->expiring.count);
    }
    csv_link(h, filter, "/statewide/expiring.csv", "the people whose credits expire next quarter");
    html_markup(h, "</section>\n");
}

static void introduction(struct web_request *request, struct html *h,
                         const struct statewide_filter *filter)
{
    char today[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(request->today, today);
    html_markup(h, "<p>Certification across ");
    if (filter->consultant_id != 0) {
        html_markup(h, "the libraries you serve");
    } else {
        html_markup(h, "the state");
    }
    html_markup(h, " on ");
    html_text(h, today);
    html_markup(h, ", as the rules decide it today. Each chart has its numbers in the table"
                   " before it. <a href=\"/statewide/certified\">The newly certified</a>, for"
                   " the list the State Library publishes.</p>\n"
                   "<form method=\"get\" action=\"/statewide\" class=\"filters\">\n");
    statewide_filter_fields(h, request, filter);
    html_markup(h, "<button type=\"submit\" class=\"usa-button\">Show</button></form>\n"
                   "<p class=\"usa-hint\">The directors' standing does not depend on the"
                   " program.</p>\n");
}

/* The directors' parts, or why there are none: the director program is not installed. */
static enum ct_status directors_parts(struct web_request *request, struct html *h,
                                      const struct statewide_filter *filter)
{
    struct director_picture directors;
    struct ct_err err = {0};
    enum ct_status status = store_directors_read(
        request->store, request->today, DIRECTOR_PROGRAM_DEFAULT, filter, &directors, &err);
    if (status == CT_OK) {
        kinds_part(h, &directors, filter);
        libraries_part(h, &directors, filter);
    } else if (status == CT_ERR_INPUT) {
        html_markup(h,
                    "<h2>Directors</h2>\n<p>The directors' standing needs the "
                    "program " DIRECTOR_PROGRAM_DEFAULT ", which this server does not have.</p>\n");
        status = CT_OK;
    }
    director_picture_release(&directors);
    return status;
}

/* Reads the picture and writes the page from it. */
static enum ct_status write_page(struct web_request *request, struct html *h,
                                 const struct statewide_filter *filter)
{
    struct statewide_picture picture;
    struct ct_err err = {0};
    enum ct_status status =
        store_statewide_picture(request->store, request->today, filter, &picture, &err);
    if (status == CT_OK) {
        char quarter[64];
        quarter_words(&picture, quarter, sizeof quarter);
        introduction(request, h, filter);
        programs_part(h, request->config->programs, &picture, filter);
        status = directors_parts(request, h, filter);
        months_part(h, &picture, filter);
        quarter_part(h, &picture, filter, quarter);
        expiring_part(h, &picture, filter);
    }
    statewide_picture_release(&picture);
    return status;
}

enum ct_status page_statewide(struct web_request *request, struct web_response *response,
                              int64_t id)
{
    (void)id;
    struct statewide_filter filter = statewide_filter_of(request);
    web_set_title(response, "Statewide");
    struct html h;
    html_start(&h, &response->body);
    html_fail(&h, write_page(request, &h, &filter));
    return html_status(&h);
}
