#include "store_review.h"

#include <stddef.h>
#include <string.h>

#include "../core/buf.h"
#include "store_track_summary.h"
#include "../core/banned.h"

/* The tracks (t) submitted for the award, with their people (p). */
#define TRACKS_FROM " FROM tracks t JOIN people p ON p.id = t.person_id WHERE t.state = 'submitted'"

/* The same with each track's summary (s), missing or not. */
#define TRACKS_SUMMARIZED_FROM                                                                     \
    " FROM tracks t JOIN people p ON p.id = t.person_id"                                           \
    " LEFT JOIN track_summaries s ON s.track_id = t.id WHERE t.state = 'submitted'"

/* The final reports (r) submitted for review, with their tracks (t) and people (p). */
#define REPORTS_FROM                                                                               \
    " FROM final_reports r JOIN tracks t ON t.id = r.track_id JOIN people p"                       \
    " ON p.id = t.person_id WHERE r.state = 'submitted'"

static const char *const track_order[STORE_REVIEW_TRACK_COLUMNS] = {
    [STORE_REVIEW_TRACK_NAME] = "LOWER(p.name)",
    [STORE_REVIEW_TRACK_PROGRAM] = "t.program",
    [STORE_REVIEW_TRACK_SENT] = "t.state_changed_at",
};

static const char *const report_order[STORE_REVIEW_REPORT_COLUMNS] = {
    [STORE_REVIEW_REPORT_SUBMITTED] = "r.submitted",
};

/* A copy of column's text in arena ("" for NULL); NULL when memory runs out. */
static const char *column_copy(struct arena *arena, struct db_stmt *stmt, int column)
{
    const char *text = db_column_text(stmt, column);
    return arena_strdup(arena, text != NULL ? text : "");
}

/* Reads the current row into the index-th of rows; false when memory runs out. */
typedef bool (*row_reader)(struct arena *arena, struct db_stmt *stmt, void *rows, size_t index);

struct paged_query {
    const char *select; /* the columns and FROM ... WHERE, constant */
    const char *const *order_by;
    size_t order_count;
    size_t row_size;
    row_reader read;
};

static enum ct_status run_page(struct store *store, const struct paged_query *query,
                               const struct store_page *page, struct arena *arena, void **rows,
                               size_t *count, struct ct_err *err)
{
    *rows = NULL;
    *count = 0;
    if (page->limit < 1 || page->limit > STORE_REVIEW_PAGE_MAX || page->offset < 0) {
        return ct_err_set(err, CT_ERR_INPUT, "page", "a page holds 1 to %d rows",
                          STORE_REVIEW_PAGE_MAX);
    }
    struct buf sql;
    buf_init(&sql, 4096);
    enum ct_status status = buf_append_str(&sql, query->select);
    if (status == CT_OK) {
        status = store_page_sql(&sql, query->order_by, query->order_count, "t.id", page, err);
    }
    struct db_stmt *stmt = NULL;
    if (status == CT_OK) {
        status = db_prepare(store->db, buf_str(&sql), &stmt, err);
    }
    buf_release(&sql);
    if (status == CT_OK) {
        status = store_page_bind(stmt, 1, page, err);
    }
    char *found =
        status == CT_OK ? arena_calloc(arena, (size_t)page->limit, query->row_size) : NULL;
    if (status == CT_OK && found == NULL) {
        status = ct_err_nomem(err);
    }
    bool has_row = true;
    while (status == CT_OK && *count < (size_t)page->limit) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        if (!query->read(arena, stmt, found, *count)) {
            status = ct_err_nomem(err);
        }
        *count += status == CT_OK;
    }
    db_finalize(stmt);
    *rows = status == CT_OK && *count > 0 ? found : NULL;
    *count = status == CT_OK ? *count : 0;
    return status;
}

static bool read_track(struct arena *arena, struct db_stmt *stmt, void *rows, size_t index)
{
    struct store_review_track *row = &((struct store_review_track *)rows)[index];
    row->track_id = db_column_int64(stmt, 0);
    row->person_id = db_column_int64(stmt, 1);
    row->name = column_copy(arena, stmt, 2);
    row->program = column_copy(arena, stmt, 3);
    row->started = store_date_value(db_column_text(stmt, 4));
    row->deadline = store_date_value(db_column_text(stmt, 5));
    row->sent = store_date_value(db_column_text(stmt, 6));
    track_summary_read_columns(stmt, 7, row->track_id, row->person_id, &row->summary);
    return row->name != NULL && row->program != NULL;
}

static bool read_report(struct arena *arena, struct db_stmt *stmt, void *rows, size_t index)
{
    struct store_review_report *row = &((struct store_review_report *)rows)[index];
    row->track_id = db_column_int64(stmt, 0);
    row->person_id = db_column_int64(stmt, 1);
    row->name = column_copy(arena, stmt, 2);
    row->program = column_copy(arena, stmt, 3);
    row->submitted = store_date_value(db_column_text(stmt, 4));
    row->text = column_copy(arena, stmt, 5);
    return row->name != NULL && row->program != NULL && row->text != NULL;
}

enum ct_status store_review_tracks_count(struct store *store, int64_t *total, struct ct_err *err)
{
    *total = 0;
    return store_exec(store, "SELECT COUNT(*)" TRACKS_FROM, NULL, 0, total, err);
}

enum ct_status store_review_tracks(struct store *store, const struct store_page *page,
                                   struct arena *arena, struct store_review_track **rows,
                                   size_t *count, struct ct_err *err)
{
    static const struct paged_query query = {
        "SELECT t.id, p.id, p.name, t.program, t.started, t.deadline,"
        " substr(t.state_changed_at, 1, 10), " TRACK_SUMMARY_COLUMNS TRACKS_SUMMARIZED_FROM,
        track_order,
        STORE_REVIEW_TRACK_COLUMNS,
        sizeof(struct store_review_track),
        read_track,
    };
    void *found = NULL;
    enum ct_status status = run_page(store, &query, page, arena, &found, count, err);
    *rows = found;
    return status;
}

enum ct_status store_review_tracks_on(struct store *store, struct civil_date day,
                                      const struct store_page *page, struct arena *arena,
                                      struct store_review_track **rows, size_t *count,
                                      struct ct_err *err)
{
    enum ct_status status = store_review_tracks(store, page, arena, rows, count, err);
    if (status == CT_OK) {
        status =
            store_track_summary_freshen(store, day, *rows, *count, sizeof **rows,
                                        offsetof(struct store_review_track, summary), NULL, err);
    }
    if (status != CT_OK) {
        *rows = NULL;
        *count = 0;
    }
    return status;
}

enum ct_status store_review_reports_count(struct store *store, int64_t *total, struct ct_err *err)
{
    *total = 0;
    return store_exec(store, "SELECT COUNT(*)" REPORTS_FROM, NULL, 0, total, err);
}

enum ct_status store_review_reports(struct store *store, const struct store_page *page,
                                    struct arena *arena, struct store_review_report **rows,
                                    size_t *count, struct ct_err *err)
{
    static const struct paged_query query = {
        "SELECT t.id, p.id, p.name, t.program, r.submitted, r.text" REPORTS_FROM,
        report_order,
        STORE_REVIEW_REPORT_COLUMNS,
        sizeof(struct store_review_report),
        read_report,
    };
    void *found = NULL;
    enum ct_status status = run_page(store, &query, page, arena, &found, count, err);
    *rows = found;
    return status;
}
