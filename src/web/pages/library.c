#include "library.h"

#include <inttypes.h>
#include <stdio.h>

#include "../../core/credit.h"
#include "../html/html.h"
#include "dashboard.h"
#include "../html/layout.h"
#include "../../core/banned.h"

/* Runs a query of one library and writes each row's text columns as a table row. */
static enum ct_status table_rows(struct web_request *request, struct buf *out, int64_t library_id,
                                 const char *sql, int columns, int credit_column,
                                 struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(request->store->db, sql, &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(library_id)), 1, err);
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        status = html_buf_markup(out, "<tr>");
        for (int column = 0; column < columns && status == CT_OK; column++) {
            char credits[CREDIT_TEXT_SIZE];
            const char *text = db_column_text(stmt, column);
            if (column == credit_column) {
                credit_format(db_column_int64(stmt, column), credits);
                text = credits;
            }
            status = html_buf_markup(out, "<td>");
            if (status == CT_OK) {
                status = html_buf_text(out, text != NULL ? text : "");
            }
            if (status == CT_OK) {
                status = html_buf_markup(out, "</td>");
            }
        }
        if (status == CT_OK) {
            status = html_buf_markup(out, "</tr>\n");
        }
    }
    db_finalize(stmt);
    return status;
}

static const char *const goals_sql =
    "SELECT g.code, g.title, g.description FROM library_goals g JOIN strategic_plans s"
    " ON s.id = g.strategic_plan_id WHERE s.library_id = ? ORDER BY s.starts DESC, g.code";

static const char *const staff_sql =
    "SELECT p.name, p.email, COALESCE((SELECT group_concat(role, ', ') FROM person_roles r"
    " WHERE r.person_id = p.id), ''), COALESCE((SELECT t.program || ' (' || t.state || ')'"
    " FROM tracks t WHERE t.person_id = p.id ORDER BY t.started DESC, t.id DESC LIMIT 1), '')"
    " FROM people p WHERE p.library_id = ? ORDER BY p.name";

/* For each library goal: the staff plan goals that serve it (in approved plans) and the
 * verified credit of self-directed learning carried out under those goals' items. */
static const char *const alignment_sql =
    "SELECT g.code || ' ' || g.title,"
    " (SELECT COUNT(*) FROM plan_goals pg JOIN plan_versions v ON v.id = pg.plan_version_id"
    "  WHERE pg.library_goal_id = g.id AND v.state = 'approved'),"
    " (SELECT COALESCE(group_concat(p.name || ': ' || pg.goal, '; '), '') FROM plan_goals pg"
    "  JOIN plan_versions v ON v.id = pg.plan_version_id JOIN tracks t ON t.id = v.track_id"
    "  JOIN people p ON p.id = t.person_id"
    "  WHERE pg.library_goal_id = g.id AND v.state = 'approved'),"
    " (SELECT COALESCE(SUM(minutes / 90), 0) FROM (SELECT DISTINCT a.id, a.minutes"
    "  FROM activities a JOIN tracks t ON t.person_id = a.person_id"
    "  JOIN plan_versions v ON v.track_id = t.id"
    "  JOIN plan_items i ON i.plan_version_id = v.id AND i.item_key = a.plan_item"
    "  JOIN plan_goals pg ON pg.id = i.plan_goal_id"
    "  WHERE pg.library_goal_id = g.id AND v.state = 'approved' AND a.status = 'verified'"
    "  AND a.kind = 'self-directed'))"
    " FROM library_goals g JOIN strategic_plans s ON s.id = g.strategic_plan_id"
    " WHERE s.library_id = ? ORDER BY g.code";

enum ct_status library_goals_table(struct web_request *request, struct buf *out, int64_t library_id,
                                   struct ct_err *err)
{
    enum ct_status status =
        html_buf_markup(out, "<h2>Strategic plan goals</h2>\n<table class=\"usa-table "
                             "usa-table--borderless\">\n<thead><tr>"
                             "<th scope=\"col\">Code</th><th scope=\"col\">Goal</th>"
                             "<th scope=\"col\">Description</th></tr></thead>\n<tbody>\n");
    if (status == CT_OK) {
        status = table_rows(request, out, library_id, goals_sql, 3, -1, err);
    }
    return status == CT_OK ? html_buf_markup(out, "</tbody>\n</table>\n") : status;
}

enum ct_status library_alignment_table(struct web_request *request, struct buf *out,
                                       int64_t library_id, struct ct_err *err)
{
    enum ct_status status = html_buf_markup(
        out, "<h2>Alignment with the library's goals"
             "</h2>\n<table class=\"usa-table usa-table--borderless\">\n<thead><tr><th "
             "scope=\"col\">Library goal</th>"
             "<th scope=\"col\">Staff goals serving it</th>"
             "<th scope=\"col\">Whose</th>"
             "<th scope=\"col\">Verified self-directed credit planned"
             " under it</th></tr></thead>\n<tbody>\n");
    if (status == CT_OK) {
        status = table_rows(request, out, library_id, alignment_sql, 4, 3, err);
    }
    return status == CT_OK ? html_buf_markup(out, "</tbody>\n</table>\n") : status;
}

enum ct_status page_library(struct web_request *request, struct web_response *response)
{
    struct buf *out = &response->body;
    struct ct_err err = {0};
    enum ct_status status = page_begin(request, response, "Your library");
    if (status == CT_OK) {
        status = library_goals_table(request, out, request->library_id, &err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(
            out, "<h2>Staff</h2>\n<table class=\"usa-table usa-table--borderless\">\n<thead><tr>"
                 "<th scope=\"col\">Name</th><th scope=\"col\">E-mail</th>"
                 "<th scope=\"col\">Roles</th><th scope=\"col\">Track</th>"
                 "</tr></thead>\n<tbody>\n");
    }
    if (status == CT_OK) {
        status = table_rows(request, out, request->library_id, staff_sql, 4, -1, &err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</tbody>\n</table>\n");
    }
    if (status == CT_OK) {
        status = library_alignment_table(request, out, request->library_id, &err);
    }
    return status == CT_OK ? page_end(request, response) : status;
}
