#include "staff.h"

#include <stdio.h>
#include <string.h>

#include "../../core/credit.h"
#include "../../store/store_record.h"
#include "../html/html.h"
#include "dashboard.h"
#include "../html/paging.h"
#include "../html/layout.h"
#include "../../core/banned.h"

static const struct paging_column columns[] = {
    {"name", "Name", "LOWER(p.name)", false},      {"track", "Current track", "t.program", false},
    {NULL, "Status today", NULL, false},           {NULL, "Credits counted", NULL, true},
    {"deadline", "Deadline", "t.deadline", false},
};

static const struct paging_list list = {
    columns, sizeof columns / sizeof columns[0], 0, false, "p.id", 25, "people"};

/* Each person of the library with their current track as store_track_current chooses
 * it: the latest open one, else the latest of any state. */
static const char staff_sql[] =
    "SELECT p.id, p.name, t.id, t.program, t.deadline, t.state FROM people p"
    " LEFT JOIN tracks t ON t.id = (SELECT c.id FROM tracks c WHERE c.person_id = p.id"
    " ORDER BY c.state IN ('active', 'submitted', 'returned') DESC, c.started DESC, c.id DESC"
    " LIMIT 1) WHERE p.library_id = ?";

/* The status and credits of a track, evaluated today. */
static enum ct_status progress_cells(struct web_request *request, struct buf *out,
                                     struct db_stmt *stmt, struct ct_err *err)
{
    if (db_column_is_null(stmt, 2)) {
        enum ct_status status = paging_cell(out, "Not enrolled", false);
        return status == CT_OK ? paging_cell(out, "", true) : status;
    }
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    enum ct_status status = store_record_evaluate(request->store, db_column_int64(stmt, 2),
                                                  request->today, &record, &evaluation, err);
    if (status == CT_OK) {
        const char *state = db_column_text(stmt, 5);
        char words[160], counted[CREDIT_TEXT_SIZE], required[CREDIT_TEXT_SIZE], credits[80];
        bool active = state == NULL || strcmp(state, "active") == 0;
        snprintf(words, sizeof words, active ? "%s" : "%s (track %s)",
                 page_status_words(evaluation->status), state != NULL ? state : "");
        credit_format(evaluation->counted_halves, counted);
        credit_format(evaluation->required_halves, required);
        snprintf(credits, sizeof credits, "%s of %s", counted, required);
        status = paging_cell(out, words, false);
        if (status == CT_OK) {
            status = paging_cell(out, credits, true);
        }
    }
    evaluation_free(evaluation);
    record_free(record);
    return status;
}

static enum ct_status staff_row(struct web_request *request, struct buf *out, struct db_stmt *stmt,
                                struct ct_err *err)
{
    enum ct_status status = html_buf_markup(out, "<tr>");
    if (status == CT_OK) {
        status =
            paging_link_cell(out, "/people/", db_column_int64(stmt, 0), db_column_text(stmt, 1));
    }
    if (status == CT_OK) {
        status = paging_cell(
            out, program_set_name(request->config->programs, db_column_text(stmt, 3)), false);
    }
    if (status == CT_OK) {
        status = progress_cells(request, out, stmt, err);
    }
    if (status == CT_OK) {
        status = paging_cell(out, db_column_text(stmt, 4), false);
    }
    return status == CT_OK ? html_buf_markup(out, "</tr>\n") : status;
}

static enum ct_status staff_rows(struct web_request *request, struct buf *out, int64_t library_id,
                                 const struct paging *paging, struct ct_err *err)
{
    struct buf sql;
    buf_init(&sql, 2048);
    enum ct_status status = buf_append_str(&sql, staff_sql);
    if (status == CT_OK) {
        status = paging_order_sql(&sql, paging);
    }
    struct db_stmt *stmt = NULL;
    if (status == CT_OK) {
        status = db_prepare(request->store->db, buf_str(&sql), &stmt, err);
    }
    buf_release(&sql);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(library_id)), 1, err);
    }
    if (status == CT_OK) {
        status = paging_bind(stmt, 2, paging, err);
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        status = staff_row(request, out, stmt, err);
    }
    db_finalize(stmt);
    return status;
}

enum ct_status staff_progress_table(struct web_request *request, struct buf *out,
                                    int64_t library_id, struct ct_err *err)
{
    struct paging paging;
    paging_from_request(&paging, &list, request);
    int64_t total = 0;
    enum ct_status status =
        STORE_EXEC(request->store, "SELECT COUNT(*) FROM people WHERE library_id = ?", &total, err,
                   DB_INT(library_id));
    paging_set_total(&paging, total);
    if (status == CT_OK) {
        status = html_buf_markup(out, "<table class=\"usa-table usa-table--borderless\">\n<caption>"
                                      "Staff and the progress of their current track today"
                                      "</caption>\n");
    }
    if (status == CT_OK) {
        status = paging_table_head(out, &paging);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<tbody>\n");
    }
    if (status == CT_OK) {
        status = staff_rows(request, out, library_id, &paging, err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</tbody>\n</table>\n");
    }
    return status == CT_OK ? paging_nav(out, &paging) : status;
}

enum ct_status page_staff(struct web_request *request, struct web_response *response)
{
    struct ct_err err = {0};
    enum ct_status status = page_begin(request, response, "Your staff");
    if (status == CT_OK && request->library_id == 0) {
        status = html_buf_markup(&response->body, "<p>You do not belong to a library.</p>\n");
    } else if (status == CT_OK) {
        status = staff_progress_table(request, &response->body, request->library_id, &err);
    }
    return status == CT_OK ? page_end(request, response) : status;
}
