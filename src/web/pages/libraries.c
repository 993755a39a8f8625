#include "libraries.h"

#include <stdio.h>

#include "../html/html.h"
#include "library.h"
#include "dashboard.h"
#include "../html/paging.h"
#include "staff.h"
#include "../html/layout.h"
#include "../../core/banned.h"

static const struct paging_column columns[] = {
    {"name", "Library", "LOWER(l.name)", false},          {"city", "City", "LOWER(l.city)", false},
    {"consultant", "Consultant", "LOWER(c.name)", false}, {"staff", "People", "staff", true},
    {"open", "Open tracks", "open_tracks", true},
};

static const struct paging_list list = {
    columns, sizeof columns / sizeof columns[0], 0, false, "l.id", 25, "libraries"};

/* Every library when the consultant id bound twice is 0, else that consultant's. */
static const char filter_sql[] = " FROM libraries l LEFT JOIN people c ON c.id = l.consultant_id"
                                 " WHERE ? = 0 OR l.consultant_id = ?";

/* 0 for a CE coordinator (every library), else the signed-in consultant. */
static int64_t consultant_of(const struct web_request *request)
{
    return (request->roles & ROLE_CE_COORDINATOR) != 0 ? 0 : request->person_id;
}

static enum ct_status library_row(struct buf *out, struct db_stmt *stmt)
{
    enum ct_status status = html_buf_markup(out, "<tr>");
    if (status == CT_OK) {
        status =
            paging_link_cell(out, "/libraries/", db_column_int64(stmt, 0), db_column_text(stmt, 1));
    }
    for (int column = 2; column <= 5 && status == CT_OK; column++) {
        status = paging_cell(out, db_column_text(stmt, column), column >= 4);
    }
    return status == CT_OK ? html_buf_markup(out, "</tr>\n") : status;
}

static enum ct_status library_rows(struct web_request *request, struct buf *out,
                                   const struct paging *paging, struct ct_err *err)
{
    struct buf sql;
    buf_init(&sql, 2048);
    enum ct_status status = buf_append_str(
        &sql, "SELECT l.id, l.name, l.city, COALESCE(c.name, ''),"
              " (SELECT COUNT(*) FROM people p WHERE p.library_id = l.id) AS staff,"
              " (SELECT COUNT(*) FROM tracks t JOIN people p ON p.id = t.person_id"
              " WHERE p.library_id = l.id AND t.state IN ('active', 'submitted', 'returned'))"
              " AS open_tracks");
    if (status == CT_OK) {
        status = buf_append_str(&sql, filter_sql);
    }
    if (status == CT_OK) {
        status = paging_order_sql(&sql, paging);
    }
    struct db_stmt *stmt = NULL;
    if (status == CT_OK) {
        status = db_prepare(request->store->db, buf_str(&sql), &stmt, err);
    }
    buf_release(&sql);
    int64_t consultant = consultant_of(request);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(consultant), DB_INT(consultant)), 2, err);
    }
    if (status == CT_OK) {
        status = paging_bind(stmt, 3, paging, err);
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        status = library_row(out, stmt);
    }
    db_finalize(stmt);
    return status;
}

enum ct_status page_libraries(struct web_request *request, struct web_response *response)
{
    struct buf *out = &response->body;
    struct paging paging;
    paging_from_request(&paging, &list, request);
    struct ct_err err = {0};
    int64_t total = 0, consultant = consultant_of(request);
    enum ct_status status = STORE_EXEC(request->store,
                                       "SELECT COUNT(*) FROM libraries l"
                                       " WHERE ? = 0 OR l.consultant_id = ?",
                                       &total, &err, DB_INT(consultant), DB_INT(consultant));
    paging_set_total(&paging, total);
    if (status == CT_OK) {
        status = page_begin(request, response, consultant != 0 ? "Your libraries" : "Libraries");
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<table class=\"usa-table usa-table--borderless\">\n"
                                      "<caption>Libraries, with their people and open tracks"
                                      "</caption>\n");
    }
    if (status == CT_OK) {
        status = paging_table_head(out, &paging);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<tbody>\n");
    }
    if (status == CT_OK) {
        status = library_rows(request, out, &paging, &err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</tbody>\n</table>\n");
    }
    if (status == CT_OK) {
        status = paging_nav(out, &paging);
    }
    return status == CT_OK ? page_end(request, response) : status;
}

/* ---- one library ---- */

struct library_info {
    char name[256];
    char city[256];
    char consultant[256];
    int64_t consultant_id;
};

static enum ct_status library_read(struct web_request *request, int64_t library_id,
                                   struct library_info *library, bool *found, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    *found = false;
    enum ct_status status =
        db_prepare(request->store->db,
                   "SELECT l.name, l.city, COALESCE(c.name, ''), COALESCE(l.consultant_id, 0)"
                   " FROM libraries l LEFT JOIN people c ON c.id = l.consultant_id"
                   " WHERE l.id = ?",
                   &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(library_id)), 1, err);
    }
    if (status == CT_OK) {
        status = db_step(stmt, found, err);
    }
    if (status == CT_OK && *found) {
        snprintf(library->name, sizeof library->name, "%s", db_column_text(stmt, 0));
        snprintf(library->city, sizeof library->city, "%s", db_column_text(stmt, 1));
        snprintf(library->consultant, sizeof library->consultant, "%s", db_column_text(stmt, 2));
        library->consultant_id = db_column_int64(stmt, 3);
    }
    db_finalize(stmt);
    return status;
}

static enum ct_status library_sections(struct web_request *request, struct buf *out,
                                       int64_t library_id, const struct library_info *library,
                                       struct ct_err *err)
{
    char about[600];
    snprintf(about, sizeof about, "%s. Consultant: %s.", library->city,
             library->consultant[0] != '\0' ? library->consultant : "none");
    enum ct_status status = html_buf_markup(out, "<p>");
    if (status == CT_OK) {
        status = html_buf_text(out, about);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</p>\n");
    }
    if (status == CT_OK) {
        status = library_goals_table(request, out, library_id, err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<h2>Staff</h2>\n");
    }
    if (status == CT_OK) {
        status = staff_progress_table(request, out, library_id, err);
    }
    if (status == CT_OK) {
        status = library_alignment_table(request, out, library_id, err);
    }
    if (status != CT_OK) {
        return status;
    }
    return consultant_of(request) != 0
               ? html_buf_markup(out, "<p><a href=\"/libraries\">All your libraries</a></p>\n")
               : html_buf_markup(out, "<p><a href=\"/libraries\">All libraries</a></p>\n");
}

enum ct_status page_library_detail(struct web_request *request, struct web_response *response,
                                   int64_t library_id)
{
    struct library_info library;
    bool found = false;
    struct ct_err err = {0};
    enum ct_status status = library_read(request, library_id, &library, &found, &err);
    if (status != CT_OK) {
        return status;
    }
    int64_t consultant = consultant_of(request);
    if (consultant != 0 && (!found || library.consultant_id != consultant)) {
        return page_error(request, response, 403, "Not allowed",
                          "You may see only the libraries assigned to you.");
    }
    if (!found) {
        return page_error(request, response, 404, "Page not found",
                          "There is no library at this address.");
    }
    status = page_begin(request, response, library.name);
    if (status == CT_OK) {
        status = library_sections(request, &response->body, library_id, &library, &err);
    }
    return status == CT_OK ? page_end(request, response) : status;
}
