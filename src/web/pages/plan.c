#include "plan.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../store/store_tracks.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/notice.h"
#include "dashboard.h"
#include "../html/layout.h"
#include "../../core/banned.h"

/* ---- small pieces ---- */

static enum ct_status text_in(struct buf *out, const char *before, const char *text,
                              const char *after)
{
    enum ct_status status = html_buf_markup_literal(out, before);
    if (status == CT_OK) {
        status = html_buf_text(out, text != NULL ? text : "");
    }
    return status == CT_OK ? html_buf_markup_literal(out, after) : status;
}

/* An error box; when a field is marked with what to fix, the field is the one alert and
 * this box only points to it. */
static enum ct_status alert(struct buf *out, const char *message, bool field_marked)
{
    if (message == NULL) {
        return CT_OK;
    }
    return text_in(out,
                   field_marked ? "<div class=\"usa-alert usa-alert--error usa-alert--slim\"><div "
                                  "class=\"usa-alert__body\"><p class=\"usa-alert__text\">"
                                : "<div class=\"usa-alert usa-alert--error usa-alert--slim\""
                                  " role=\"alert\"><div class=\"usa-alert__body\">"
                                  "<p class=\"usa-alert__text\">",
                   message, "</p></div></div>\n");
}

/* Opens a POST form with the CSRF token and, unless NULL, a hidden action (a form whose
 * buttons name their own actions has none: a browser sends the hidden field first, and
 * the first value is the one read); closed by the caller. */
static enum ct_status form_open(struct web_request *request, struct buf *out, const char *path,
                                const char *action)
{
    enum ct_status status = text_in(out, "<form method=\"post\" class=\"stack-wide\" action=\"",
                                    path, "\"><input type=\"hidden\" name=\"csrf_token\" value=\"");
    if (status == CT_OK) {
        status = html_buf_text(out, request->csrf);
    }
    if (status == CT_OK && action == NULL) {
        return html_buf_markup(out, "\">\n");
    }
    return status == CT_OK
               ? text_in(out, "\"><input type=\"hidden\" name=\"action\" value=\"", action, "\">\n")
               : status;
}

static enum ct_status hidden_id(struct buf *out, const char *name, int64_t id)
{
    char text[32];
    snprintf(text, sizeof text, "%" PRId64, id);
    enum ct_status status = text_in(out, "<input type=\"hidden\" name=\"", name, "\" value=\"");
    return status == CT_OK ? text_in(out, "", text, "\">\n") : status;
}

/* A refused action: the field to mark, what to fix, and (for a plan to sign) which
 * version's form. */
struct plan_problem {
    const char *field;
    const char *message;
    int64_t version;
};

static const char *error_for(const struct plan_problem *problem, const char *field)
{
    return problem != NULL && problem->field != NULL && strcmp(problem->field, field) == 0
               ? problem->message
               : NULL;
}

static enum ct_status labelled_input(struct buf *out, const char *id, const char *label,
                                     const char *value, bool area, const char *error)
{
    struct form_field field = {
        .id = id,
        .label = label,
        .error = error,
        .control = area ? FORM_TEXTAREA : FORM_INPUT,
        .value = value,
    };
    return form_field_write(out, &field);
}

/* ---- the learner's plan ---- */

struct version_info {
    int64_t id;
    int64_t version;
    char state[16];
    char skill_gaps[2048];
    char learning_options[2048];
    char returned_comment[1024];
    bool learner_signed;
};

static enum ct_status versions_table(struct web_request *request, struct buf *out, int64_t track,
                                     struct version_info *latest, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(
        request->store->db,
        "SELECT id, version, state, COALESCE(submitted, ''), COALESCE(learner_approved, ''),"
        " COALESCE(organization_approved, ''), COALESCE(returned_comment, ''), skill_gaps,"
        " learning_options FROM plan_versions WHERE track_id = ? ORDER BY version",
        &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(track)), 1, err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(
            out, "<h2>Versions</h2>\n<table class=\"usa-table usa-table--borderless\">\n<thead><tr>"
                 "<th scope=\"col\">Version</th><th scope=\"col\">State</th>"
                 "<th scope=\"col\">Submitted</th>"
                 "<th scope=\"col\">Signed by you</th>"
                 "<th scope=\"col\">Signed for the library</th>"
                 "<th scope=\"col\">Comment</th></tr></thead>\n<tbody>\n");
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        latest->id = db_column_int64(stmt, 0);
        latest->version = db_column_int64(stmt, 1);
        snprintf(latest->state, sizeof latest->state, "%s", db_column_text(stmt, 2));
        latest->learner_signed = db_column_text(stmt, 4)[0] != '\0';
        snprintf(latest->skill_gaps, sizeof latest->skill_gaps, "%s", db_column_text(stmt, 7));
        snprintf(latest->learning_options, sizeof latest->learning_options, "%s",
                 db_column_text(stmt, 8));
        snprintf(latest->returned_comment, sizeof latest->returned_comment, "%s",
                 db_column_text(stmt, 6));
        char number[24];
        snprintf(number, sizeof number, "%" PRId64, latest->version);
        status = text_in(out, "<tr><td>", number, "</td>");
        for (int column = 2; column <= 6 && status == CT_OK; column++) {
            status = text_in(out, "<td>", db_column_text(stmt, column), "</td>");
        }
        if (status == CT_OK) {
            status = html_buf_markup(out, "</tr>\n");
        }
    }
    db_finalize(stmt);
    return status == CT_OK ? html_buf_markup(out, "</tbody>\n</table>\n") : status;
}

/* The library goals a personal goal may serve: those of the person's library's plans. */
static enum ct_status library_goal_options(struct web_request *request, struct buf *out,
                                           struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status =
        db_prepare(request->store->db,
                   "SELECT g.id, g.code || ' ' || g.title FROM library_goals g JOIN strategic_plans"
                   " s ON s.id = g.strategic_plan_id WHERE s.library_id = ? ORDER BY g.code",
                   &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(request->library_id)), 1, err);
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        status = text_in(out, "<option value=\"", db_column_text(stmt, 0), "\">");
        if (status == CT_OK) {
            status = text_in(out, "", db_column_text(stmt, 1), "</option>");
        }
    }
    db_finalize(stmt);
    return status;
}

/* The goals and planned items of a version, as a list. */
static enum ct_status version_contents(struct web_request *request, struct buf *out,
                                       int64_t version, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(
        request->store->db,
        "SELECT 'Goal: ' || p.goal || ' (serves ' || g.code || ' ' || g.title || '): '"
        " || p.desired_outcomes FROM plan_goals p JOIN library_goals g ON g.id ="
        " p.library_goal_id WHERE p.plan_version_id = ? UNION ALL SELECT 'Planned ' || i.kind ||"
        " ' ' || i.item_key || ': ' || i.description || COALESCE(' (for the goal: ' || g.goal"
        " || ')', '') FROM plan_items i LEFT JOIN plan_goals g ON g.id = i.plan_goal_id"
        " WHERE i.plan_version_id = ?",
        &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(version), DB_INT(version)), 2, err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<ul>\n");
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        status = text_in(out, "<li>", db_column_text(stmt, 0), "</li>\n");
    }
    db_finalize(stmt);
    return status == CT_OK ? html_buf_markup(out, "</ul>\n") : status;
}

/* The goals of a draft version, for the item a planned activity serves. */
static enum ct_status draft_goal_options(struct web_request *request, struct buf *out,
                                         const struct version_info *draft, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(request->store->db,
                                       "SELECT id, goal, position = (SELECT MAX(position)"
                                       " FROM plan_goals WHERE plan_version_id = ?) FROM plan_goals"
                                       " WHERE plan_version_id = ? ORDER BY position",
                                       &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(draft->id), DB_INT(draft->id)), 2, err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<option value=\"\">None of them</option>");
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        /* The newest goal is chosen: items usually follow the goal they serve. */
        status = text_in(
            out, db_column_int64(stmt, 2) ? "<option selected value=\"" : "<option value=\"",
            db_column_text(stmt, 0), "\">");
        if (status == CT_OK) {
            status = text_in(out, "", db_column_text(stmt, 1), "</option>");
        }
    }
    db_finalize(stmt);
    return status;
}

static enum ct_status draft_editor(struct web_request *request, struct buf *out,
                                   const struct version_info *draft,
                                   const struct plan_problem *problem, struct ct_err *err)
{
    enum ct_status status = CT_OK;
    if (draft->returned_comment[0] != '\0') {
        status = text_in(out,
                         "<div class=\"usa-alert usa-alert--warning usa-alert--slim\"><div "
                         "class=\"usa-alert__body\"><p class=\"usa-alert__text\">Your library "
                         "returned this version: ",
                         draft->returned_comment, "</p></div></div>\n");
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<h2>In this version</h2>\n");
    }
    if (status == CT_OK) {
        status = version_contents(request, out, draft->id, err);
    }
    if (status == CT_OK) {
        status = form_open(request, out, "/plan", "save-text");
    }
    if (status == CT_OK) {
        status = labelled_input(out, "skill_gaps", "Gaps in skills or knowledge", draft->skill_gaps,
                                true, NULL);
    }
    if (status == CT_OK) {
        status = labelled_input(out, "learning_options", "Options for learning you researched",
                                draft->learning_options, true, NULL);
    }
    if (status == CT_OK) {
        status = html_buf_markup(
            out, "<button type=\"submit\" class=\"usa-button\">Save</button></form>\n");
    }
    if (status == CT_OK) {
        status = form_open(request, out, "/plan", "add-goal");
    }
    if (status == CT_OK) {
        status = html_buf_markup(
            out, "<h3>Add a goal</h3><label class=\"usa-label\" for=\"library_goal\">The library"
                 " goal it serves</label><select class=\"usa-select\" id=\"library_goal\""
                 " name=\"library_goal\">");
    }
    if (status == CT_OK) {
        status = library_goal_options(request, out, err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</select>\n");
    }
    if (status == CT_OK) {
        status = labelled_input(out, "goal", "Your goal", web_form_value(request, "goal"), false,
                                error_for(problem, "goal"));
    }
    if (status == CT_OK) {
        status =
            labelled_input(out, "outcomes", "Desired outcomes", web_form_value(request, "outcomes"),
                           false, error_for(problem, "outcomes"));
    }
    if (status == CT_OK) {
        status = html_buf_markup(
            out, "<button type=\"submit\" class=\"usa-button\">Add the goal</button></form>\n");
    }
    if (status == CT_OK) {
        status = form_open(request, out, "/plan", "add-item");
    }
    if (status == CT_OK) {
        status = html_buf_markup(
            out,
            "<h3>Plan an activity</h3><label class=\"usa-label\" for=\"item_kind\">Kind</label>"
            "<select class=\"usa-select\" id=\"item_kind\" name=\"item_kind\"><option"
            " value=\"training\">Training</option><option"
            " value=\"self-directed\">Self-directed learning</option>"
            "</select>\n");
    }
    if (status == CT_OK) {
        status = labelled_input(out, "item_key", "Short name (self-directed claims name it)",
                                web_form_value(request, "item_key"), false,
                                error_for(problem, "item_key"));
    }
    if (status == CT_OK) {
        status = labelled_input(out, "description", "Description",
                                web_form_value(request, "description"), false,
                                error_for(problem, "description"));
    }
    if (status == CT_OK) {
        status = html_buf_markup(
            out, "<label class=\"usa-label\" for=\"plan_goal\">The goal of yours it serves</label>"
                 "<select class=\"usa-select\" id=\"plan_goal\" name=\"plan_goal\">");
    }
    if (status == CT_OK) {
        status = draft_goal_options(request, out, draft, err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</select>\n");
    }
    if (status == CT_OK) {
        status = html_buf_markup(
            out, "<button type=\"submit\" class=\"usa-button\">Add to the plan</button></form>\n");
    }
    if (status == CT_OK) {
        status =
            html_buf_markup(out, "<h3>Submit</h3>\n<p>When the plan says what you will learn and"
                                 " which of your library's goals it serves, submit it: you and"
                                 " your library then sign it, and learning counts from the day"
                                 " it is submitted.</p>\n");
    }
    if (status == CT_OK) {
        status = form_open(request, out, "/plan", "submit");
    }
    return status == CT_OK
               ? html_buf_markup(out,
                                 "<button type=\"submit\" class=\"usa-button\">Submit this version"
                                 "</button></form>\n")
               : status;
}

static enum ct_status plan_actions(struct web_request *request, struct buf *out,
                                   const struct version_info *latest,
                                   const struct plan_problem *problem, struct ct_err *err)
{
    if (latest->id == 0) {
        enum ct_status status = form_open(request, out, "/plan", "new-version");
        return status == CT_OK
                   ? html_buf_markup(out,
                                     "<button type=\"submit\" class=\"usa-button\">Start your plan"
                                     "</button></form>\n")
                   : status;
    }
    if (strcmp(latest->state, "approved") == 0) {
        enum ct_status status = form_open(request, out, "/plan", "new-version");
        return status == CT_OK
                   ? html_buf_markup(
                         out, "<button type=\"submit\" class=\"usa-button\">Start a new version"
                              "</button></form>\n")
                   : status;
    }
    if (strcmp(latest->state, "draft") == 0) {
        return draft_editor(request, out, latest, problem, err);
    }
    if (!latest->learner_signed) {
        enum ct_status status = form_open(request, out, "/plan", "sign");
        return status == CT_OK
                   ? html_buf_markup(
                         out, "<button type=\"submit\" class=\"usa-button\">Sign this version"
                              "</button></form>\n")
                   : status;
    }
    return html_buf_markup(out, "<p>This version waits for your library's signature.</p>\n");
}

static enum ct_status plan_page(struct web_request *request, struct web_response *response,
                                const char *message, const struct plan_problem *problem)
{
    struct buf *out = &response->body;
    struct ct_err err = {0};
    struct track_info track;
    enum ct_status status = page_begin(request, response, "Professional Development Plan");
    if (status == CT_OK) {
        status = alert(out, message, problem != NULL);
    }
    if (status == CT_OK &&
        store_track_current(request->store, request->person_id, &track, &err) != CT_OK) {
        status = html_buf_markup(out, "<p>You are not enrolled in a certification track.</p>\n");
        return status == CT_OK ? page_end(request, response) : status;
    }
    struct version_info *latest = calloc(1, sizeof *latest);
    if (status == CT_OK && latest == NULL) {
        status = CT_ERR_NOMEM;
    }
    int64_t versions = 0;
    if (status == CT_OK) {
        status = STORE_EXEC(request->store, "SELECT COUNT(*) FROM plan_versions WHERE track_id = ?",
                            &versions, &err, DB_INT(track.id));
    }
    if (status == CT_OK && versions == 0) {
        status = html_buf_markup(out, "<p>You have no plan yet. Write it with your supervisor: the"
                                      " goals of your library's strategic plan it serves, what you"
                                      " need to learn and how. Credits count from the day you"
                                      " submit it.</p>\n");
    } else if (status == CT_OK) {
        status = versions_table(request, out, track.id, latest, &err);
    }
    if (status == CT_OK) {
        status = plan_actions(request, out, latest, problem, &err);
    }
    free(latest);
    return status == CT_OK ? page_end(request, response) : status;
}

enum ct_status page_plan(struct web_request *request, struct web_response *response,
                         const char *message)
{
    return plan_page(request, response, message, NULL);
}

/* ---- the learner's actions ---- */

static int64_t form_id(const struct web_request *request, const char *name)
{
    const char *text = web_form_value(request, name);
    return text != NULL ? strtoll(text, NULL, 10) : 0;
}

/* The latest version of the signed-in learner's current track (0 when none). */
static enum ct_status latest_version(struct web_request *request, int64_t *track, int64_t *version,
                                     struct ct_err *err)
{
    struct track_info info;
    *version = 0;
    enum ct_status status = store_track_current(request->store, request->person_id, &info, err);
    *track = status == CT_OK ? info.id : 0;
    if (status == CT_OK) {
        status = STORE_EXEC(request->store,
                            "SELECT id FROM plan_versions WHERE track_id = ?"
                            " ORDER BY version DESC LIMIT 1",
                            version, err, DB_INT(info.id));
    }
    return status;
}

/* Whether the form field holds something. */
static bool filled(const struct web_request *request, const char *name)
{
    const char *value = web_form_value(request, name);
    return value != NULL && value[0] != '\0';
}

enum ct_status plan_learner_act(struct web_request *request, const char *action, int64_t *id,
                                struct ct_err *err)
{
    int64_t track = 0, version = 0;
    *id = 0;
    enum ct_status status = latest_version(request, &track, &version, err);
    if (status != CT_OK) {
        return status;
    }
    if (strcmp(action, "new-version") == 0) {
        struct plan_version_new text = {"", ""};
        return store_plan_version_create(request->store, request->person_id, track, &text, id, err);
    }
    *id = version;
    if (strcmp(action, "save-text") == 0) {
        struct plan_version_new text = {web_form_value(request, "skill_gaps"),
                                        web_form_value(request, "learning_options")};
        return store_plan_version_update(request->store, request->person_id, version, &text, err);
    }
    if (strcmp(action, "add-goal") == 0) {
        if (!filled(request, "goal")) {
            return ct_err_set(err, CT_ERR_INPUT, "goal",
                              "Write your goal before adding it: what you will be able to do.");
        }
        return store_plan_goal_add(
            request->store, request->person_id, version, form_id(request, "library_goal"),
            web_form_value(request, "goal"), web_form_value(request, "outcomes"), id, err);
    }
    if (strcmp(action, "add-item") == 0) {
        if (!filled(request, "item_key")) {
            return ct_err_set(err, CT_ERR_INPUT, "item_key",
                              "Give the planned activity a short name, such as sd-reading.");
        }
        if (!filled(request, "description")) {
            return ct_err_set(err, CT_ERR_INPUT, "description",
                              "Say what the planned activity is.");
        }
        const char *kind = web_form_value(request, "item_kind");
        if (kind == NULL || (strcmp(kind, "training") != 0 && strcmp(kind, "self-directed") != 0)) {
            return ct_err_set(err, CT_ERR_INPUT, "item_kind",
                              "Choose training or self-directed learning.");
        }
        return store_plan_item_add(
            request->store, request->person_id, version, web_form_value(request, "item_key"), kind,
            web_form_value(request, "description"), form_id(request, "plan_goal"), id, err);
    }
    if (strcmp(action, "submit") == 0) {
        return store_plan_version_submit(request->store, request->person_id, version,
                                         request->today, err);
    }
    if (strcmp(action, "sign") == 0) {
        return store_plan_version_sign(request->store, request->person_id, version,
                                       PLAN_SIGNER_LEARNER, request->today, err);
    }
    return ct_err_set(err, CT_ERR_INPUT, "action", "Choose one of the plan's buttons.");
}

/* The confirmation of a learner's plan action. */
static const char *learner_notice(const char *action)
{
    static const char *const codes[][2] = {
        {"new-version", "plan-started"}, {"save-text", "plan-saved"},  {"add-goal", "goal-added"},
        {"add-item", "item-added"},      {"submit", "plan-submitted"}, {"sign", "plan-signed"},
    };
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        if (strcmp(codes[i][0], action) == 0) {
            return codes[i][1];
        }
    }
    return "plan-saved";
}

enum ct_status page_plan_submit(struct web_request *request, struct web_response *response)
{
    const char *action = web_form_value(request, "action");
    struct ct_err err = {0};
    int64_t id = 0;
    enum ct_status status = plan_learner_act(request, action != NULL ? action : "", &id, &err);
    static const char *const fields[] = {"goal", "outcomes", "item_key", "description"};
    for (size_t i = 0; status == CT_ERR_INPUT && i < sizeof fields / sizeof fields[0]; i++) {
        if (strcmp(err.where, fields[i]) == 0) {
            response->status = 400;
            struct plan_problem problem = {fields[i], err.message, 0};
            return plan_page(request, response, "Nothing was added: see the field marked below.",
                             &problem);
        }
    }
    if (status == CT_ERR_INPUT) {
        response->status = 400;
        return page_plan(request, response, err.message);
    }
    if (status == CT_OK) {
        notice_redirect(response, "/plan", learner_notice(action != NULL ? action : ""), 0);
    }
    return status;
}

/* ---- the supervisor's side ---- */

/* One plan waiting for the library's signature, as a section of its own: a plan is read
 * as a document (gaps, options, every goal and item) before it is signed or returned. */
static enum ct_status waiting_plan(struct web_request *request, struct buf *out,
                                   struct db_stmt *stmt, const struct plan_problem *problem)
{
    char id[32];
    snprintf(id, sizeof id, "plan-%" PRId64, db_column_int64(stmt, 0));
    enum ct_status status = text_in(out, "<section aria-labelledby=\"", id, "\"><h2 id=\"");
    if (status == CT_OK) {
        status = text_in(out, "", id, "\">");
    }
    if (status == CT_OK) {
        status = text_in(out, "", db_column_text(stmt, 1), ", ");
    }
    if (status == CT_OK) {
        status = text_in(out, "", db_column_text(stmt, 2), "</h2>\n");
    }
    if (status == CT_OK) {
        status = text_in(out, "<p>Submitted on ", db_column_text(stmt, 3), ".</p>\n");
    }
    if (status == CT_OK) {
        status =
            text_in(out, "<p>Gaps in skills or knowledge: ", db_column_text(stmt, 4), "</p>\n");
    }
    if (status == CT_OK) {
        status = text_in(out, "<p>Options for learning: ", db_column_text(stmt, 5), "</p>\n");
    }
    if (status == CT_OK) {
        struct ct_err err = {0};
        status = version_contents(request, out, db_column_int64(stmt, 0), &err);
    }
    if (status == CT_OK) {
        status = form_open(request, out, "/plans", NULL);
    }
    if (status == CT_OK) {
        status = hidden_id(out, "version", db_column_int64(stmt, 0));
    }
    if (status == CT_OK) {
        int64_t version = db_column_int64(stmt, 0);
        bool wrong = problem != NULL && problem->version == version;
        snprintf(id, sizeof id, "comment-%" PRId64, version);
        struct form_field comment = {
            .id = id,
            .name = "comment",
            .label = "Comment (needed to return)",
            .hint = "The learner sees it with the returned version.",
            .error = wrong ? problem->message : NULL,
            .control = FORM_INPUT,
            .value = wrong ? web_form_value(request, "comment") : NULL,
        };
        status = form_field_write(out, &comment);
    }
    if (status == CT_OK) {
        /* Return first: Enter in the comment box returns, never signs. */
        status =
            html_buf_markup(out, "<div class=\"actions\"><button type=\"submit\" name=\"action\""
                                 " value=\"return\" class=\"usa-button usa-button--outline\">"
                                 "Return</button> <button type=\"submit\" class=\"usa-button\""
                                 " name=\"action\" value=\"sign\">Sign for the library</button>"
                                 "</div></form></section>\n");
    }
    return status;
}

static enum ct_status plans_to_sign_page(struct web_request *request, struct web_response *response,
                                         const char *message, const struct plan_problem *problem)
{
    struct buf *out = &response->body;
    struct ct_err err = {0};
    enum ct_status status = page_begin(request, response, "Plans to sign");
    if (status == CT_OK) {
        status = alert(out, message, problem != NULL);
    }
    struct db_stmt *stmt = NULL;
    if (status == CT_OK) {
        status = db_prepare(request->store->db,
                            "SELECT v.id, p.name, 'version ' || v.version, v.submitted,"
                            " v.skill_gaps, v.learning_options" PLAN_WAITING_FROM
                            " ORDER BY v.submitted, v.id",
                            &stmt, &err);
    }
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(request->person_id)), 1, &err);
    }
    bool has_row = true;
    int plans = 0;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, &err);
        if (status != CT_OK || !has_row) {
            break;
        }
        status = waiting_plan(request, out, stmt, problem);
        plans++;
    }
    db_finalize(stmt);
    if (status == CT_OK && plans == 0) {
        status = html_buf_markup(out, "<p>No plan waits for your signature.</p>\n");
    }
    return status == CT_OK ? page_end(request, response) : status;
}

enum ct_status page_plans_to_sign(struct web_request *request, struct web_response *response,
                                  const char *message)
{
    return plans_to_sign_page(request, response, message, NULL);
}

enum ct_status plan_library_decide(struct web_request *request, int64_t version, const char *action,
                                   const char *comment, bool *allowed, bool *approved,
                                   struct ct_err *err)
{
    int64_t verifier = 0;
    *allowed = false;
    *approved = false;
    enum ct_status status = STORE_EXEC(request->store,
                                       "SELECT p.verifier_id FROM plan_versions v JOIN tracks t"
                                       " ON t.id = v.track_id JOIN people p ON p.id = t.person_id"
                                       " WHERE v.id = ?",
                                       &verifier, err, DB_INT(version));
    *allowed = status == CT_OK && verifier == request->person_id;
    if (!*allowed) {
        return status;
    }
    bool returning = action != NULL && strcmp(action, "return") == 0;
    if (!returning && (action == NULL || strcmp(action, "sign") != 0)) {
        return ct_err_set(err, CT_ERR_INPUT, "action", "Choose Sign for the library or Return.");
    }
    if (returning && (comment == NULL || comment[0] == '\0')) {
        return ct_err_set(err, CT_ERR_INPUT, "comment",
                          "Say what to change: the learner sees your comment.");
    }
    if (returning) {
        status =
            store_plan_version_return(request->store, request->person_id, version, comment, err);
    } else {
        status = store_plan_version_sign(request->store, request->person_id, version,
                                         PLAN_SIGNER_ORGANIZATION, request->today, err);
    }
    char state[16] = "";
    bool found = false;
    if (status == CT_OK) {
        status =
            store_query_text(request->store, "SELECT state FROM plan_versions WHERE id = ?",
                             STORE_PARAMS(DB_INT(version)), 1, state, sizeof state, &found, err);
    }
    *approved = strcmp(state, "approved") == 0;
    return status;
}

enum ct_status page_plans_to_sign_submit(struct web_request *request, struct web_response *response)
{
    const char *action = web_form_value(request, "action");
    struct ct_err err = {0};
    bool allowed = false, approved = false;
    int64_t version = form_id(request, "version");
    enum ct_status status = plan_library_decide(
        request, version, action, web_form_value(request, "comment"), &allowed, &approved, &err);
    if (status == CT_OK && !allowed) {
        response->status = 403;
        return page_plans_to_sign(request, response, "You do not sign this person's plan.");
    }
    if (status == CT_ERR_INPUT && strcmp(err.where, "comment") == 0) {
        response->status = 400;
        struct plan_problem problem = {"comment", err.message, version};
        return plans_to_sign_page(request, response, "Nothing was changed: see the comment box.",
                                  &problem);
    }
    if (status == CT_ERR_INPUT) {
        response->status = 400;
        return page_plans_to_sign(request, response, err.message);
    }
    if (status == CT_OK) {
        notice_redirect(response, "/plans",
                        strcmp(action, "return") == 0 ? "plan-returned"
                        : approved                    ? "plan-approved"
                                                      : "plan-signed-library",
                        0);
    }
    return status;
}
