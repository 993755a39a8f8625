#include "statewide_csv.h"

#include <stdio.h>
#include <string.h>

#include "../../core/calendar_period.h"
#include "../../core/credit.h"
#include "../../store/store_directors.h"
#include "../html/csv.h"
#include "statewide.h"
#include "../../core/banned.h"

#define CELLS(...)        ((const char *const[]){__VA_ARGS__})
#define COUNT(...)        (sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))
#define CSV_ROW(out, ...) csv_write_row((out), CELLS(__VA_ARGS__), COUNT(__VA_ARGS__))

struct number {
    char text[24];
};

static struct number number(int64_t value)
{
    struct number n;
    snprintf(n.text, sizeof n.text, "%lld", (long long)value);
    return n;
}

struct credits {
    char text[CREDIT_TEXT_SIZE];
};

static struct credits credits(int64_t halves)
{
    struct credits c;
    credit_format(halves, c.text);
    return c;
}

struct day_text {
    char text[CIVIL_DATE_TEXT_SIZE];
};

static struct day_text day_text(struct civil_date day)
{
    struct day_text d;
    civil_date_format(day, d.text);
    return d;
}

/* "YYYY-MM" of a month's first day. */
static struct day_text month_text(struct civil_date first_day)
{
    struct day_text d = day_text(first_day);
    d.text[7] = '\0';
    return d;
}

/* The rows of one download of the statewide picture: its head, then its rows, into out. */
typedef enum ct_status (*picture_rows)(struct buf *out, const struct program_set *programs,
                                       const struct statewide_picture *picture);
typedef enum ct_status (*director_rows)(struct buf *out, const struct director_picture *picture);

/* A download of the statewide picture read for the request's filter, as name.csv. */
static enum ct_status picture_csv(struct web_request *request, struct web_response *response,
                                  const char *name, picture_rows rows)
{
    statewide_csv_begin(request, response, name);
    struct statewide_filter filter = statewide_filter_of(request);
    struct statewide_picture picture;
    struct ct_err err = {0};
    enum ct_status status =
        store_statewide_picture(request->store, request->today, &filter, &picture, &err);
    if (status == CT_OK) {
        status = rows(&response->body, request->config->programs, &picture);
    }
    statewide_picture_release(&picture);
    return status;
}

/* A download of the directors read for the request's filter, as name.csv: only its head
 * when the server has no director program. */
static enum ct_status directors_csv(struct web_request *request, struct web_response *response,
                                    const char *name, director_rows rows)
{
    statewide_csv_begin(request, response, name);
    struct statewide_filter filter = statewide_filter_of(request);
    struct director_picture picture;
    struct ct_err err = {0};
    enum ct_status status = store_directors_read(request->store, request->today,
                                                 DIRECTOR_PROGRAM_DEFAULT, &filter, &picture, &err);
    status = status == CT_ERR_INPUT ? CT_OK : status;
    if (status == CT_OK) {
        status = rows(&response->body, &picture);
    }
    director_picture_release(&picture);
    return status;
}

static enum ct_status program_rows(struct buf *out, const struct program_set *programs,
                                   const struct statewide_picture *picture)
{
    enum ct_status status = CSV_ROW(out, "program", "program_name", "complete", "in_progress",
                                    "ineligible", "expired", "open_tracks");
    const struct statewide_program_row *rows = picture->programs.items;
    for (size_t i = 0; status == CT_OK && i < picture->programs.count; i++) {
        const int64_t *people = rows[i].people;
        status = CSV_ROW(out, rows[i].program, program_set_name(programs, rows[i].program),
                         number(people[0]).text, number(people[1]).text, number(people[2]).text,
                         number(people[3]).text,
                         number(people[0] + people[1] + people[2] + people[3]).text);
    }
    return status;
}

static enum ct_status kind_rows(struct buf *out, const struct director_picture *picture)
{
    enum ct_status status = CSV_ROW(out, "kind", "libraries", "certified", "within", "late",
                                    "no_hire_day", "no_director");
    for (size_t i = 0; status == CT_OK && i < picture->kind_count; i++) {
        const struct director_kind_row *kind = &picture->kinds[i];
        status = CSV_ROW(out, kind->kind, number(kind->libraries).text,
                         number(kind->directors[DIRECTOR_CERTIFIED]).text,
                         number(kind->directors[DIRECTOR_WITHIN_WINDOW]).text,
                         number(kind->directors[DIRECTOR_LATE]).text,
                         number(kind->directors[DIRECTOR_NO_HIRE_DAY]).text,
                         number(kind->no_director).text);
    }
    return status;
}

static enum ct_status director_library_rows(struct buf *out, const struct director_picture *picture)
{
    enum ct_status status = CSV_ROW(out, "library_id", "library", "kind", "director_id", "director",
                                    "hire_day", "window_ends", "standing");
    const struct director_row *rows = picture->libraries.items;
    for (size_t i = 0; status == CT_OK && i < picture->libraries.count; i++) {
        const struct director_row *row = &rows[i];
        bool named = row->director_id != 0;
        status = CSV_ROW(out, number(row->library_id).text, row->library, row->kind,
                         named ? number(row->director_id).text : "", row->director,
                         day_text(row->hire_day).text, day_text(row->window_end).text,
                         named ? director_standing_name(row->standing) : "no-director");
    }
    return status;
}

static enum ct_status month_rows(struct buf *out, const struct program_set *programs,
                                 const struct statewide_picture *picture)
{
    (void)programs;
    enum ct_status status = CSV_ROW(out, "month", "credits_counted");
    for (size_t i = 0; status == CT_OK && i < STATEWIDE_MONTHS; i++) {
        status = CSV_ROW(out, month_text(picture->months[i].first_day).text,
                         credits(picture->months[i].counted_halves).text);
    }
    return status;
}

static enum ct_status quarter_rows(struct buf *out, const struct program_set *programs,
                                   const struct statewide_picture *picture)
{
    (void)programs;
    enum ct_status status = CSV_ROW(out, "month", "credits_expiring");
    for (int i = 0; status == CT_OK && i < 3; i++) {
        status = CSV_ROW(out, month_text(calendar_month_start(picture->quarter_start, i)).text,
                         credits(picture->expiring_by_month[i]).text);
    }
    return status;
}

static enum ct_status expiring_rows(struct buf *out, const struct program_set *programs,
                                    const struct statewide_picture *picture)
{
    (void)programs;
    enum ct_status status =
        CSV_ROW(out, "person_id", "name", "library", "credits_expiring", "first_expiry");
    const struct statewide_expiring_row *rows = picture->expiring.items;
    for (size_t i = 0; status == CT_OK && i < picture->expiring.count; i++) {
        status = CSV_ROW(out, number(rows[i].person_id).text, rows[i].name, rows[i].library,
                         credits(rows[i].halves).text, day_text(rows[i].first_expiry).text);
    }
    return status;
}

enum ct_status page_statewide_programs_csv(struct web_request *request,
                                           struct web_response *response, int64_t id)
{
    (void)id;
    return picture_csv(request, response, "statewide-programs", program_rows);
}

enum ct_status page_statewide_kinds_csv(struct web_request *request, struct web_response *response,
                                        int64_t id)
{
    (void)id;
    return directors_csv(request, response, "statewide-kinds", kind_rows);
}

enum ct_status page_statewide_directors_csv(struct web_request *request,
                                            struct web_response *response, int64_t id)
{
    (void)id;
    return directors_csv(request, response, "statewide-directors", director_library_rows);
}

enum ct_status page_statewide_months_csv(struct web_request *request, struct web_response *response,
                                         int64_t id)
{
    (void)id;
    return picture_csv(request, response, "statewide-months", month_rows);
}

enum ct_status page_statewide_quarter_csv(struct web_request *request,
                                          struct web_response *response, int64_t id)
{
    (void)id;
    return picture_csv(request, response, "statewide-quarter", quarter_rows);
}

enum ct_status page_statewide_expiring_csv(struct web_request *request,
                                           struct web_response *response, int64_t id)
{
    (void)id;
    return picture_csv(request, response, "statewide-expiring", expiring_rows);
}
