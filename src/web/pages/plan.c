#include "plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../actions/plans.h"
#include "../../store/store_learning.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/layout.h"
#include "../html/notice.h"
#include "../html/slim_alert.h"
#include "plan_editor.h"
#include "plan_view.h"
#include "../../core/banned.h"

/* ---- small pieces ---- */

/* Opens a POST form with the CSRF token and, unless NULL, a hidden action (a form whose
 * buttons name their own actions has none: a browser sends the hidden field first, and
 * the first value is the one read); closed by the caller. */
static void form_open(struct web_request *request, struct html *h, const char *path,
                      const char *action)
{
    html_markup(h, "<form method=\"post\" class=\"stack-wide\" action=\"");
    html_text(h, path);
    html_markup(h, "\">");
    html_csrf(h, request->csrf);
    if (action != NULL) {
        html_hidden(h, "action", action);
        html_markup(h, "\n");
    }
}

static void button(struct html *h, const char *label)
{
    html_markup(h, "<button type=\"submit\" class=\"usa-button\">");
    html_text(h, label);
    html_markup(h, "</button></form>\n");
}

/* A form of one button that sends action to /plan. */
static void action_form(struct web_request *request, struct html *h, const char *action,
                        const char *label)
{
    form_open(request, h, "/plan", action);
    button(h, label);
}

/* ---- the learner's plan ---- */

static void versions_table(struct html *h, const struct learning_plan *plan)
{
    static const char *const columns[] = {
        "Version", "State", "Submitted", "Signed by you", "Signed for the library", "Comment"};
    html_table_begin(h, "Versions", columns, sizeof columns / sizeof columns[0]);
    for (size_t i = 0; i < plan->version_count; i++) {
        const struct learning_version *v = &plan->versions[i];
        const char *cells[] = {v->state, v->submitted, v->learner_signed, v->library_signed,
                               v->comment};
        html_markup(h, "<tr><td>");
        html_int(h, v->version);
        html_markup(h, "</td>");
        for (size_t c = 0; c < sizeof cells / sizeof cells[0]; c++) {
            html_markup(h, "<td>");
            html_text(h, cells[c] != NULL ? cells[c] : "");
            html_markup(h, "</td>");
        }
        html_markup(h, "</tr>\n");
    }
    html_table_end(h);
}

/* The name of who signs the learner's plans for the library, or NULL. */
static const char *signer_name(struct web_request *request, int64_t verifier_id)
{
    struct learning_identity who;
    bool found = false;
    struct ct_err err = {0};
    if (verifier_id == 0 ||
        store_learning_identity(request->store, verifier_id, &request->arena, &who, &found, &err) !=
            CT_OK ||
        !found) {
        return NULL;
    }
    return who.name;
}

/* What waits on a submitted version, and the learner's button when theirs is missing. */
static void submitted_actions(struct web_request *request, struct html *h,
                              const struct learning_version *latest)
{
    const char *signer = signer_name(request, latest->verifier_id);
    const char *who = signer != NULL ? signer : "your library's signer";
    if (latest->learner_signed == NULL) {
        html_markup(h, "<h2>Your signature</h2>\n<p>You submitted this version on ");
        html_text(h, latest->submitted);
        html_markup(h, ". Two signatures approve it, in either order: yours, here, and ");
        html_text(h, who);
        html_markup(h, "'s for the library. ");
        html_text(h, who);
        if (latest->library_signed != NULL) {
            html_markup(h, " has signed it already: your signature approves it.</p>\n");
        } else {
            html_markup(h, " can already sign it, or return it to you with a comment.</p>\n");
        }
        action_form(request, h, "sign", "Sign this version");
    } else {
        html_markup(h, "<p>You signed this version on ");
        html_text(h, latest->learner_signed);
        html_markup(h, ". This version waits for your library's signature: ");
        html_text(h, who);
        html_markup(h, " signs it for the library, or returns it with a comment.</p>\n");
    }
}

static void plan_actions(struct web_request *request, struct html *h,
                         const struct learning_plan *plan, const struct action_outcome *outcome,
                         bool refused)
{
    const struct learning_version *latest =
        plan->version_count > 0 ? &plan->versions[plan->version_count - 1] : NULL;
    if (latest == NULL) {
        action_form(request, h, "new-version", "Start your plan");
    } else if (strcmp(latest->state, "approved") == 0) {
        html_markup(h, "<p>To change the plan in force, start a new version: it begins"
                       " as a copy of the plan in force for you to change, and the plan in"
                       " force stays until the new one is approved.</p>\n");
        action_form(request, h, "new-version", "Start a new version");
    } else if (strcmp(latest->state, "draft") == 0) {
        plan_editor(request, h, plan, latest, outcome, refused,
                    signer_name(request, latest->verifier_id));
    } else {
        submitted_actions(request, h, latest);
    }
}

/* The plan in force (the newest approved version) and every other version but the
 * draft being edited, newest first, in full. */
static void versions_in_full(struct html *h, const struct learning_plan *plan)
{
    const struct learning_version *in_force = NULL;
    for (size_t i = 0; i < plan->version_count; i++) {
        in_force = strcmp(plan->versions[i].state, "approved") == 0 ? &plan->versions[i] : in_force;
    }
    if (in_force == NULL) {
        html_markup(h, "<p>No version is approved yet: no plan is in force.</p>\n");
    }
    for (size_t i = plan->version_count; i-- > 0;) {
        const struct learning_version *v = &plan->versions[i];
        if (strcmp(v->state, "draft") == 0) {
            continue;
        }
        char title[64];
        snprintf(title, sizeof title, "Version %lld%s", (long long)v->version,
                 v == in_force ? ": the plan in force" : "");
        plan_view_version(h, plan, v, title);
    }
}

/* The plan page, with message when an action was refused (outcome: its faults, marked
 * at their fields; refused: the draft editor shows what was typed). */
static enum ct_status plan_page(struct web_request *request, struct web_response *response,
                                const char *message, const struct action_outcome *outcome,
                                bool refused)
{
    web_set_title(response, "Professional Development Plan");
    struct ct_err err = {0};
    struct track_info track;
    bool enrolled = false;
    struct html h;
    html_start(&h, &response->body);
    if (outcome != NULL) {
        plan_editor_summary(&h, outcome);
    } else {
        html_slim_error(&h, message, false);
    }
    html_fail(&h, store_track_find_needing(request->store, request->person_id, TRACK_NEEDS_PLAN,
                                           &track, &enrolled, &err));
    if (!enrolled) {
        html_markup(&h, "<p>You are not enrolled in a certification track.</p>\n");
        return html_status(&h);
    }
    struct learning_plan plan;
    html_fail(&h,
              store_learning_plan_of_track(request->store, track.id, &request->arena, &plan, &err));
    if (html_status(&h) != CT_OK) {
        return html_status(&h);
    }
    if (plan.version_count == 0) {
        html_markup(&h, "<p>You have no plan yet. Write it with your supervisor: the"
                        " goals of your library's strategic plan it serves, what you"
                        " need to learn and how. Credits count from the day you"
                        " submit it.</p>\n");
    }
    plan_actions(request, &h, &plan, outcome, refused);
    if (plan.version_count > 0) {
        versions_table(&h, &plan);
        versions_in_full(&h, &plan);
    }
    return html_status(&h);
}

enum ct_status page_plan(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    return plan_page(request, response, NULL, NULL, false);
}

/* ---- the learner's actions ---- */

static int64_t form_id(const struct web_request *request, const char *name)
{
    const char *text = web_form_value(request, name);
    return text != NULL ? strtoll(text, NULL, 10) : 0;
}

static bool is_editor_action(const char *action)
{
    return strcmp(action, "save") == 0 || strcmp(action, "add-goal") == 0 ||
           strcmp(action, "add-item") == 0 || strcmp(action, "submit") == 0 ||
           strncmp(action, "remove-goal-", 12) == 0 || strncmp(action, "remove-item-", 12) == 0;
}

/* Saves the draft the editor sends (with what its button adds or removes); submits it
 * too for "submit". *saved false when the save was refused. */
static enum ct_status editor_act(struct web_request *request, const char *action, bool *saved,
                                 struct plan_result *result, struct action_outcome *outcome)
{
    struct actor actor = web_actor(request);
    struct plan_draft_input draft;
    *saved = false;
    if (!plan_editor_read(request, action, &draft)) {
        return action_refuse(outcome, ACTION_BAD_INPUT, "goals",
                             "The form has more goals or items than a plan keeps.");
    }
    enum ct_status status = action_plan_draft_save(request->store, &actor, &draft, result, outcome);
    *saved = status == CT_OK;
    if (status == CT_OK && strcmp(action, "submit") == 0) {
        status = action_plan_submit(request->store, &actor, &(struct plan_version_input){0}, result,
                                    outcome);
    }
    return status;
}

/* Applies the learner's plan action the form names; *known is false for none. */
static enum ct_status learner_act(struct web_request *request, const char *action, bool *known,
                                  bool *saved, struct plan_result *result,
                                  struct action_outcome *outcome)
{
    struct actor actor = web_actor(request);
    *known = true;
    *saved = true;
    if (strcmp(action, "new-version") == 0) {
        return action_plan_start(request->store, &actor, &(struct plan_start_input){0}, result,
                                 outcome);
    }
    if (strcmp(action, "sign") == 0) {
        struct plan_sign_input sign = {0, PLAN_SIGNER_LEARNER};
        return action_plan_sign(request->store, &actor, &sign, result, outcome);
    }
    if (is_editor_action(action)) {
        return editor_act(request, action, saved, result, outcome);
    }
    *known = false;
    return CT_OK;
}

/* The confirmation of a learner's plan action. */
static const char *learner_notice(const char *action)
{
    static const char *const codes[][2] = {
        {"new-version", "plan-started"}, {"save", "plan-saved"},       {"add-goal", "goal-added"},
        {"add-item", "item-added"},      {"submit", "plan-submitted"}, {"sign", "plan-signed"},
    };
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        if (strcmp(codes[i][0], action) == 0) {
            return codes[i][1];
        }
    }
    return "plan-saved";
}

enum ct_status page_plan_submit(struct web_request *request, struct web_response *response,
                                int64_t id)
{
    (void)id;
    const char *action = web_form_value(request, "action");
    struct plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    bool known = false, saved = true;
    enum ct_status status =
        learner_act(request, action != NULL ? action : "", &known, &saved, &result, &outcome);
    if (!known) {
        response->status = 400;
        return plan_page(request, response, "Choose one of the plan's buttons.", NULL, false);
    }
    if (status == CT_ERR_INPUT && plan_editor_marks_a_field(&outcome)) {
        response->status = 400;
        return plan_page(request, response,
                         "Nothing was saved: see the fields marked below, then try again.",
                         &outcome, true);
    }
    if (status == CT_ERR_INPUT) {
        response->status = 400;
        return plan_page(request, response, outcome.err.message, NULL, !saved);
    }
    if (status != CT_OK) {
        return status;
    }
    notice_redirect(response, "/plan", learner_notice(action), 0);
    return CT_OK;
}

/* ---- the supervisor's side ---- */

/* A refused decision on a plan to sign: which version's form, and its fault. */
struct sign_problem {
    int64_t version;
    const char *comment_error;
};

/* One plan waiting for the library's signature, as a section of its own: a plan is read
 * as a document (gaps, options, every goal and item) before it is signed or returned. */
static void waiting_plan(struct web_request *request, struct html *h,
                         const struct learning_plan *plan, const struct learning_version *v,
                         const struct sign_problem *problem)
{
    char title[300];
    snprintf(title, sizeof title, "%s, version %lld", v->person_name, (long long)v->version);
    plan_view_version_open(h, plan, v, title);
    form_open(request, h, "/plans", NULL);
    html_hidden_id(h, "version", v->id);
    html_markup(h, "\n");
    bool wrong = problem != NULL && problem->version == v->id;
    char id[32];
    snprintf(id, sizeof id, "comment-%lld", (long long)v->id);
    struct form_field comment = {
        .id = id,
        .name = "comment",
        .label = "Comment (needed to return)",
        .hint = "The learner sees it with the returned version.",
        .error = wrong ? problem->comment_error : NULL,
        .control = FORM_INPUT,
        .value = wrong ? web_form_value(request, "comment") : NULL,
    };
    html_field(h, &comment);
    /* Return first: Enter in the comment box returns, never signs. */
    html_markup(h, "<div class=\"actions\"><button type=\"submit\" name=\"action\""
                   " value=\"return\" class=\"usa-button usa-button--outline\">"
                   "Return</button> <button type=\"submit\" class=\"usa-button\""
                   " name=\"action\" value=\"sign\">Sign for the library</button>"
                   "</div></form></section>\n");
}

static enum ct_status plans_to_sign_page(struct web_request *request, struct web_response *response,
                                         const char *message, const struct sign_problem *problem)
{
    web_set_title(response, "Plans to sign");
    struct ct_err err = {0};
    struct learning_plan plan;
    int64_t total = 0;
    struct html h;
    html_start(&h, &response->body);
    html_slim_error(&h, message, problem != NULL);
    html_fail(&h, store_learning_plans_waiting(request->store, request->person_id, -1, 0,
                                               &request->arena, &plan, &total, &err));
    if (html_status(&h) != CT_OK) {
        return html_status(&h);
    }
    for (size_t i = 0; i < plan.version_count; i++) {
        waiting_plan(request, &h, &plan, &plan.versions[i], problem);
    }
    if (plan.version_count == 0) {
        html_markup(&h, "<p>No plan waits for your signature.</p>\n");
    }
    return html_status(&h);
}

enum ct_status page_plans_to_sign(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    (void)id;
    return plans_to_sign_page(request, response, NULL, NULL);
}

static enum ct_status sign_refused(struct web_request *request, struct web_response *response,
                                   int64_t version, const struct action_outcome *outcome)
{
    if (outcome->refusal == ACTION_NOT_ALLOWED) {
        response->status = 403;
        return plans_to_sign_page(request, response, "You do not sign this person's plan.", NULL);
    }
    response->status = 400;
    const struct action_fault *comment = action_fault_of(outcome, "comment");
    if (comment != NULL) {
        struct sign_problem problem = {version, comment->message};
        return plans_to_sign_page(request, response, "Nothing was changed: see the comment box.",
                                  &problem);
    }
    return plans_to_sign_page(request, response, outcome->err.message, NULL);
}

/* What signing for the library does, said before it is done. */
static void sign_consequence(struct html *h, const struct learning_version *v)
{
    html_markup(h, "<p>Your signature commits the library to this plan with ");
    html_text(h, v->person_name);
    html_markup(h, ". It cannot be taken back: to change the plan afterwards, ");
    html_text(h, v->person_name);
    html_markup(h, " starts a new version.</p>\n<p>");
    if (v->learner_signed != NULL) {
        html_text(h, v->person_name);
        html_markup(h, " signed it on ");
        html_text(h, v->learner_signed);
        html_markup(h, ": your signature approves it at once, and it becomes the plan in"
                       " force.");
    } else {
        html_text(h, v->person_name);
        html_markup(h, " has not signed it yet: it is approved, and becomes the plan in force,"
                       " when they sign it too.");
    }
    html_markup(h, " Self-directed learning counts only as this plan lists it.</p>\n");
}

/* The page that asks the supervisor to confirm signing version for the library. */
static enum ct_status sign_confirmation(struct web_request *request, struct web_response *response,
                                        int64_t version)
{
    web_set_title(response, "Sign this plan for the library?");
    struct ct_err err = {0};
    struct learning_plan plan;
    int64_t total = 0;
    struct html h;
    html_start(&h, &response->body);
    html_fail(&h, store_learning_plans_waiting(request->store, request->person_id, -1, 0,
                                               &request->arena, &plan, &total, &err));
    const struct learning_version *v = NULL;
    for (size_t i = 0; html_status(&h) == CT_OK && i < plan.version_count; i++) {
        v = plan.versions[i].id == version ? &plan.versions[i] : v;
    }
    if (html_status(&h) != CT_OK || v == NULL) {
        response->status = html_status(&h) != CT_OK ? response->status : 403;
        return html_status(&h) != CT_OK
                   ? html_status(&h)
                   : plans_to_sign_page(request, response, "You do not sign this person's plan.",
                                        NULL);
    }
    sign_consequence(&h, v);
    form_open(request, &h, "/plans", NULL);
    html_hidden_id(&h, "version", v->id);
    html_markup(&h, "<div class=\"actions\"><button type=\"submit\" class=\"usa-button\""
                    " name=\"action\" value=\"sign-confirmed\">Yes, sign for the library"
                    "</button> <a class=\"usa-button usa-button--outline\" href=\"/plans\">"
                    "Go back without signing</a></div></form>\n");
    char title[300];
    snprintf(title, sizeof title, "%s, version %lld", v->person_name, (long long)v->version);
    plan_view_version(&h, &plan, v, title);
    return html_status(&h);
}

enum ct_status page_plans_to_sign_submit(struct web_request *request, struct web_response *response,
                                         int64_t id)
{
    (void)id;
    const char *action = web_form_value(request, "action");
    if (action != NULL && strcmp(action, "sign") == 0) {
        return sign_confirmation(request, response, form_id(request, "version"));
    }
    bool returning = action != NULL && strcmp(action, "return") == 0;
    if (!returning && (action == NULL || strcmp(action, "sign-confirmed") != 0)) {
        response->status = 400;
        return plans_to_sign_page(request, response, "Choose Sign for the library or Return.",
                                  NULL);
    }
    struct actor actor = web_actor(request);
    int64_t version = form_id(request, "version");
    struct plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    struct plan_return_input back = {version, web_form_value(request, "comment")};
    struct plan_sign_input sign = {version, PLAN_SIGNER_ORGANIZATION};
    enum ct_status status =
        returning ? action_plan_return(request->store, &actor, &back, &result, &outcome)
                  : action_plan_sign(request->store, &actor, &sign, &result, &outcome);
    if (status == CT_ERR_INPUT) {
        return sign_refused(request, response, version, &outcome);
    }
    if (status != CT_OK) {
        return status;
    }
    notice_redirect(response, "/plans",
                    returning         ? "plan-returned"
                    : result.approved ? "plan-approved"
                                      : "plan-signed-library",
                    0);
    return CT_OK;
}
