#include "verify.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/credit.h"
#include "../../store/store_activities.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/notice.h"
#include "dashboard.h"
#include "../html/paging.h"
#include "../html/layout.h"
#include "../../core/banned.h"

/* The pending activities of the people this supervisor verifies. */
static const char *const queue_sql =
    "SELECT a.id, p.name, a.date, a.kind, a.title, a.credit_halves, a.semester_halves,"
    " a.quarter_halves, a.minutes, COALESCE(a.plan_item, '')" VERIFY_QUEUE_FROM;

static const struct paging_column queue_columns[] = {
    {NULL, "Select", NULL, false},
    {"learner", "Learner", "LOWER(p.name)", false},
    {"date", "Date", "a.date", false},
    {"kind", "Kind", "a.kind", false},
    {"title", "Title", "LOWER(a.title)", false},
    {NULL, "Claimed", NULL, false},
};

static const struct paging_list queue_list = {
    queue_columns, sizeof queue_columns / sizeof queue_columns[0], 2, false, "a.id", 50, "claims"};

static enum ct_status cell(struct buf *out, const char *text)
{
    enum ct_status status = html_buf_markup(out, "<td>");
    if (status == CT_OK) {
        status = html_buf_text(out, text != NULL ? text : "");
    }
    return status == CT_OK ? html_buf_markup(out, "</td>") : status;
}

/* What the claim says it is worth, as the learner entered it. */
static void claimed_amount(struct db_stmt *stmt, char *out, size_t size)
{
    char credits[CREDIT_TEXT_SIZE];
    if (db_column_int64(stmt, 5) > 0) {
        credit_format(db_column_int64(stmt, 5), credits);
        snprintf(out, size, "%s credits", credits);
    } else if (db_column_int64(stmt, 6) > 0) {
        credit_format(db_column_int64(stmt, 6), credits);
        snprintf(out, size, "%s semester credits", credits);
    } else if (db_column_int64(stmt, 7) > 0) {
        credit_format(db_column_int64(stmt, 7), credits);
        snprintf(out, size, "%s quarter credits", credits);
    } else {
        /* Time, as the learner entered it (hours), and the plan item it carries out. */
        int64_t minutes = db_column_int64(stmt, 8);
        const char *item = db_column_text(stmt, 9);
        char time[64];
        if (minutes % 60 == 0) {
            snprintf(time, sizeof time, "%" PRId64 " hour%s", minutes / 60,
                     minutes == 60 ? "" : "s");
        } else {
            snprintf(time, sizeof time, "%" PRId64 " h %" PRId64 " min", minutes / 60,
                     minutes % 60);
        }
        snprintf(out, size, "%s%s%s", time, item[0] != '\0' ? ", plan item " : "", item);
    }
}

/* Whether the refused form had this claim selected. */
static bool was_selected(const struct web_request *request, const char *id)
{
    for (size_t i = 0; i < request->form.count; i++) {
        if (strcmp(request->form.names[i], "activity") == 0 &&
            strcmp(request->form.values[i], id) == 0) {
            return true;
        }
    }
    return false;
}

static enum ct_status queue_row(const struct web_request *request, struct buf *out,
                                struct db_stmt *stmt)
{
    char id[32], amount[256];
    snprintf(id, sizeof id, "%" PRId64, db_column_int64(stmt, 0));
    claimed_amount(stmt, amount, sizeof amount);
    enum ct_status status =
        html_buf_markup(out, "<tr><td><input type=\"checkbox\" name=\"activity\""
                             " id=\"activity-");
    if (status == CT_OK) {
        status = html_buf_text(out, id);
    }
    if (status == CT_OK) {
        status = was_selected(request, id) ? html_buf_markup(out, "\" checked value=\"")
                                           : html_buf_markup(out, "\" value=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, id);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\"><label class=\"usa-sr-only\" for=\"activity-");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, id);
    }
    /* Each box names its claim: "Select" alone leaves a screen reader guessing. */
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">Select ");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, db_column_text(stmt, 4) != NULL ? db_column_text(stmt, 4) : "");
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, ", claimed by ");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, db_column_text(stmt, 1));
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, ", dated ");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, db_column_text(stmt, 2));
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</label></td>");
    }
    for (int column = 1; column <= 4 && status == CT_OK; column++) {
        status = cell(out, db_column_text(stmt, column));
    }
    if (status == CT_OK) {
        status = cell(out, amount);
    }
    return status == CT_OK ? html_buf_markup(out, "</tr>\n") : status;
}

struct queue_rows {
    const struct web_request *request;
    struct buf *out;
};

static enum ct_status queue_entry(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct queue_rows *rows = context;
    return queue_row(rows->request, rows->out, stmt);
}

/* One page of the claims waiting for this verifier; *rows is how many wait in all. */
static enum ct_status queue_table(struct web_request *request, struct buf *out, int64_t *rows,
                                  struct ct_err *err)
{
    struct paging paging;
    paging_from_request(&paging, &queue_list, request);
    enum ct_status status = STORE_EXEC(request->store, "SELECT COUNT(*)" VERIFY_QUEUE_FROM, rows,
                                       err, DB_INT(request->person_id));
    paging_set_total(&paging, *rows);
    if (status != CT_OK || *rows == 0) {
        return status;
    }
    status =
        html_buf_markup(out, "<table class=\"usa-table usa-table--borderless\">\n<caption>Claims"
                             " waiting for your verification</caption>\n");
    if (status == CT_OK) {
        status = paging_table_head(out, &paging);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<tbody>\n");
    }
    struct queue_rows context = {request, out};
    if (status == CT_OK) {
        status =
            paging_each_row(request->store->db, queue_sql, STORE_PARAMS(DB_INT(request->person_id)),
                            1, &paging, queue_entry, &context, err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</tbody>\n</table>\n");
    }
    return status == CT_OK && paging.pages > 1 ? paging_nav(out, &paging) : status;
}

static enum ct_status decision_form_end(struct web_request *request, struct buf *out,
                                        const char *reason_error)
{
    struct form_field reason = {
        .id = "reason",
        .label = "Reason (needed to reject)",
        .hint = "The learner sees it with each rejected claim.",
        .error = reason_error,
        .control = FORM_INPUT,
        .value = web_form_value(request, "reason"),
    };
    enum ct_status status = form_field_write(out, &reason);
    if (status == CT_OK) {
        /* Reject comes first: Enter in the reason box presses the first button, and a
         * reason is written to reject. */
        status = html_buf_markup(out, "<div class=\"actions\"><button type=\"submit\""
                                      " name=\"action\" value=\"reject\""
                                      " class=\"usa-button usa-button--secondary\">Reject selected"
                                      "</button> <button type=\"submit\" class=\"usa-button\""
                                      " name=\"action\" value=\"verify\">Verify selected</button>"
                                      "</div>\n</form>\n");
    }
    return status;
}

static enum ct_status verify_page(struct web_request *request, struct web_response *response,
                                  const char *message, const char *reason_error);

enum ct_status page_verify(struct web_request *request, struct web_response *response,
                           const char *message)
{
    return verify_page(request, response, message, NULL);
}

static enum ct_status verify_page(struct web_request *request, struct web_response *response,
                                  const char *message, const char *reason_error)
{
    struct buf *out = &response->body;
    struct ct_err err = {0};
    enum ct_status status = page_begin(request, response, "Claims to verify");
    if (status == CT_OK && message != NULL) {
        /* When a field says what is wrong, it is the one alert; this box points to it. */
        status =
            reason_error != NULL
                ? html_buf_markup(out,
                                  "<div class=\"usa-alert usa-alert--error usa-alert--slim\"><div "
                                  "class=\"usa-alert__body\"><p class=\"usa-alert__text\">")
                : html_buf_markup(out, "<div class=\"usa-alert usa-alert--error usa-alert--slim\" "
                                       "role=\"alert\"><div class=\"usa-alert__body\"><p "
                                       "class=\"usa-alert__text\">");
        if (status == CT_OK) {
            status = html_buf_text(out, message);
        }
        if (status == CT_OK) {
            status = html_buf_markup(out, "</p></div></div>\n");
        }
    }
    if (status == CT_OK) {
        status = html_buf_markup(
            out, "<form method=\"post\" action=\"/verify\" class=\"usa-form usa-form--large\">\n"
                 "<input type=\"hidden\" name=\"csrf_token\" value=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, request->csrf);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">\n");
    }
    int64_t rows = 0;
    if (status == CT_OK) {
        status = queue_table(request, out, &rows, &err);
    }
    if (status == CT_OK && rows == 0) {
        status = html_buf_markup(out, "<p>Nothing is waiting for you.</p>\n</form>\n");
    } else if (status == CT_OK) {
        status = decision_form_end(request, out, reason_error);
    }
    return status == CT_OK ? page_end(request, response) : status;
}

/* Applies the action to every selected activity, in one transaction. */
static enum ct_status decide_all(struct web_request *request, const char *action,
                                 const char *reason, bool *allowed, int *decided,
                                 struct ct_err *err)
{
    *decided = 0;
    enum ct_status status = db_begin(request->store->db, err);
    for (size_t i = 0; i < request->form.count && status == CT_OK && *allowed; i++) {
        if (strcmp(request->form.names[i], "activity") != 0) {
            continue;
        }
        int64_t id = strtoll(request->form.values[i], NULL, 10);
        int64_t verifier = 0;
        status = STORE_EXEC(request->store,
                            "SELECT p.verifier_id FROM activities a JOIN people p"
                            " ON p.id = a.person_id WHERE a.id = ?",
                            &verifier, err, DB_INT(id));
        *allowed = status == CT_OK && verifier == request->person_id;
        if (status == CT_OK && *allowed) {
            status =
                store_activity_act(request->store, request->person_id, id, action, reason, err);
        }
        *decided += status == CT_OK && *allowed;
    }
    if (status == CT_OK && !*allowed) {
        status = ct_err_set(err, CT_ERR_INPUT, "activity",
                            "You do not verify one of the selected claims.");
    }
    status = store_finish(request->store, status, err);
    return status == CT_ERR_INPUT && !*allowed ? CT_OK : status;
}

enum ct_status verify_decide(struct web_request *request, const char *action, const char *reason,
                             bool *allowed, int *decided, struct ct_err *err)
{
    *allowed = true;
    *decided = 0;
    if (action == NULL || (strcmp(action, "verify") != 0 && strcmp(action, "reject") != 0)) {
        return ct_err_set(err, CT_ERR_INPUT, "action",
                          "Choose Verify selected or Reject selected.");
    }
    if (web_form_value(request, "activity") == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, "activity", "Select at least one claim first.");
    }
    bool rejecting = strcmp(action, "reject") == 0;
    if (rejecting && (reason == NULL || reason[0] == '\0')) {
        return ct_err_set(err, CT_ERR_INPUT, "reason",
                          "Say why the claims are rejected: the learner will see the reason.");
    }
    return decide_all(request, action, rejecting ? reason : NULL, allowed, decided, err);
}

enum ct_status page_verify_submit(struct web_request *request, struct web_response *response)
{
    const char *action = web_form_value(request, "action");
    struct ct_err err = {0};
    bool allowed = true;
    int decided = 0;
    enum ct_status status =
        verify_decide(request, action, web_form_value(request, "reason"), &allowed, &decided, &err);
    if (status == CT_ERR_INPUT && strcmp(err.where, "reason") == 0) {
        response->status = 400;
        return verify_page(request, response, "Nothing was changed: see the reason.", err.message);
    }
    if (status == CT_ERR_INPUT || (status == CT_OK && !allowed)) {
        response->status = 400;
        return page_verify(request, response,
                           allowed ? err.message : "You do not verify one of the selected claims.");
    }
    if (status == CT_OK) {
        notice_redirect(response, "/verify",
                        strcmp(action, "reject") == 0 ? "rejected" : "verified", decided);
    }
    return status;
}
