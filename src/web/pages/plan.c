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

static void labelled_input(struct html *h, const char *id, const char *label, const char *value,
                           bool area, const char *error)
{
    struct form_field field = {
        .id = id,
        .label = label,
        .error = error,
        .control = area ? FORM_TEXTAREA : FORM_INPUT,
        .value = value,
    };
    html_field(h, &field);
}

/* The goals and planned items of a version, as a list. */
static void version_contents(struct html *h, const struct learning_plan *plan, int64_t version)
{
    html_markup(h, "<ul>\n");
    for (size_t i = 0; i < plan->goal_count; i++) {
        const struct learning_goal *goal = &plan->goals[i];
        if (goal->version_id != version) {
            continue;
        }
        html_markup(h, "<li>Goal: ");
        html_text(h, goal->goal);
        html_markup(h, " (serves ");
        html_text(h, goal->library_goal_code);
        html_markup(h, " ");
        html_text(h, goal->library_goal_title);
        html_markup(h, "): ");
        html_text(h, goal->outcomes);
        html_markup(h, "</li>\n");
    }
    for (size_t i = 0; i < plan->item_count; i++) {
        const struct learning_item *item = &plan->items[i];
        if (item->version_id != version) {
            continue;
        }
        html_markup(h, "<li>Planned ");
        html_text(h, item->kind);
        html_markup(h, " ");
        html_text(h, item->key);
        html_markup(h, ": ");
        html_text(h, item->description);
        if (item->plan_goal != NULL) {
            html_markup(h, " (for the goal: ");
            html_text(h, item->plan_goal);
            html_markup(h, ")");
        }
        html_markup(h, "</li>\n");
    }
    html_markup(h, "</ul>\n");
}

/* ---- the learner's plan ---- */

/* The message of the fault a refused action noted at the form's field (the API's name
 * for it, where the two differ), or NULL. */
static const char *error_for(const struct action_outcome *outcome, const char *field)
{
    static const char *const api_names[][2] = {{"item_key", "key"}, {"item_kind", "kind"}};
    const char *name = field;
    for (size_t i = 0; i < sizeof api_names / sizeof api_names[0]; i++) {
        name = strcmp(api_names[i][0], field) == 0 ? api_names[i][1] : name;
    }
    const struct action_fault *fault = outcome != NULL ? action_fault_of(outcome, name) : NULL;
    return fault != NULL ? fault->message : NULL;
}

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

/* The choices of the library goals a personal goal may serve: those of the learner's
 * library's plans. */
static void library_goal_select(struct web_request *request, struct html *h)
{
    struct learning_library_goal *goals = NULL;
    size_t count = 0;
    struct ct_err err = {0};
    html_fail(h, store_learning_library_goals(request->store, request->library_id, &request->arena,
                                              &goals, &count, &err));
    html_markup(h, "<label class=\"usa-label\" for=\"library_goal\">The library goal it serves"
                   "</label><select class=\"usa-select\" id=\"library_goal\""
                   " name=\"library_goal\">");
    for (size_t i = 0; i < count; i++) {
        char value[24], label[512];
        snprintf(value, sizeof value, "%lld", (long long)goals[i].id);
        snprintf(label, sizeof label, "%s %s", goals[i].code, goals[i].title);
        html_options(h, &(struct form_option){value, label}, 1, NULL);
    }
    html_markup(h, "</select>\n");
}

/* The goals of the draft, for the item a planned activity serves; the newest is chosen
 * (items usually follow the goal they serve). */
static void plan_goal_select(struct html *h, const struct learning_plan *plan, int64_t draft)
{
    html_markup(h, "<label class=\"usa-label\" for=\"plan_goal\">The goal of yours it serves"
                   "</label><select class=\"usa-select\" id=\"plan_goal\" name=\"plan_goal\">");
    static const struct form_option none = {"", "None of them"};
    html_options(h, &none, 1, NULL);
    int64_t newest = 0, position = 0;
    for (size_t i = 0; i < plan->goal_count; i++) {
        if (plan->goals[i].version_id == draft && plan->goals[i].position >= position) {
            newest = plan->goals[i].id;
            position = plan->goals[i].position;
        }
    }
    char chosen[24];
    snprintf(chosen, sizeof chosen, "%lld", (long long)newest);
    for (size_t i = 0; i < plan->goal_count; i++) {
        if (plan->goals[i].version_id == draft) {
            char value[24];
            snprintf(value, sizeof value, "%lld", (long long)plan->goals[i].id);
            html_options(h, &(struct form_option){value, plan->goals[i].goal}, 1, chosen);
        }
    }
    html_markup(h, "</select>\n");
}

static void goal_form(struct web_request *request, struct html *h,
                      const struct action_outcome *outcome)
{
    form_open(request, h, "/plan", "add-goal");
    html_markup(h, "<h3>Add a goal</h3>");
    library_goal_select(request, h);
    labelled_input(h, "goal", "Your goal", web_form_value(request, "goal"), false,
                   error_for(outcome, "goal"));
    labelled_input(h, "outcomes", "Desired outcomes", web_form_value(request, "outcomes"), false,
                   error_for(outcome, "outcomes"));
    html_markup(h, "<button type=\"submit\" class=\"usa-button\">Add the goal</button></form>\n");
}

static void item_form(struct web_request *request, struct html *h, const struct learning_plan *plan,
                      int64_t draft, const struct action_outcome *outcome)
{
    static const struct form_option kinds[] = {{"training", "Training"},
                                               {"self-directed", "Self-directed learning"}};
    form_open(request, h, "/plan", "add-item");
    html_markup(h, "<h3>Plan an activity</h3><label class=\"usa-label\" for=\"item_kind\">Kind"
                   "</label><select class=\"usa-select\" id=\"item_kind\" name=\"item_kind\">");
    html_options(h, kinds, sizeof kinds / sizeof kinds[0], NULL);
    html_markup(h, "</select>\n");
    labelled_input(h, "item_key", "Short name (self-directed claims name it)",
                   web_form_value(request, "item_key"), false, error_for(outcome, "item_key"));
    labelled_input(h, "description", "Description", web_form_value(request, "description"), false,
                   error_for(outcome, "description"));
    plan_goal_select(h, plan, draft);
    html_markup(h,
                "<button type=\"submit\" class=\"usa-button\">Add to the plan</button></form>\n");
}

static void draft_editor(struct web_request *request, struct html *h,
                         const struct learning_plan *plan, const struct learning_version *draft,
                         const struct action_outcome *outcome)
{
    if (draft->comment != NULL && draft->comment[0] != '\0') {
        html_slim_warning_begin(h);
        html_markup(h, "Your library returned this version: ");
        html_text(h, draft->comment);
        html_slim_alert_end(h);
    }
    html_markup(h, "<h2>In this version</h2>\n");
    version_contents(h, plan, draft->id);
    form_open(request, h, "/plan", "save-text");
    labelled_input(h, "skill_gaps", "Gaps in skills or knowledge", draft->skill_gaps, true, NULL);
    labelled_input(h, "learning_options", "Options for learning you researched",
                   draft->learning_options, true, NULL);
    html_markup(h, "<button type=\"submit\" class=\"usa-button\">Save</button></form>\n");
    goal_form(request, h, outcome);
    item_form(request, h, plan, draft->id, outcome);
    html_markup(h, "<h3>Submit</h3>\n<p>When the plan says what you will learn and"
                   " which of your library's goals it serves, submit it: you and"
                   " your library then sign it, and learning counts from the day"
                   " it is submitted.</p>\n");
    action_form(request, h, "submit", "Submit this version");
}

static void plan_actions(struct web_request *request, struct html *h,
                         const struct learning_plan *plan, const struct action_outcome *outcome)
{
    const struct learning_version *latest =
        plan->version_count > 0 ? &plan->versions[plan->version_count - 1] : NULL;
    if (latest == NULL) {
        action_form(request, h, "new-version", "Start your plan");
    } else if (strcmp(latest->state, "approved") == 0) {
        action_form(request, h, "new-version", "Start a new version");
    } else if (strcmp(latest->state, "draft") == 0) {
        draft_editor(request, h, plan, latest, outcome);
    } else if (latest->learner_signed == NULL) {
        action_form(request, h, "sign", "Sign this version");
    } else {
        html_markup(h, "<p>This version waits for your library's signature.</p>\n");
    }
}

/* The plan page, with message when an action was refused (outcome: its faults, marked
 * at their fields). */
static enum ct_status plan_page(struct web_request *request, struct web_response *response,
                                const char *message, const struct action_outcome *outcome)
{
    web_set_title(response, "Professional Development Plan");
    struct ct_err err = {0};
    struct track_info track;
    bool enrolled = false;
    struct html h;
    html_start(&h, &response->body);
    html_slim_error(&h, message, outcome != NULL);
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
    } else {
        versions_table(&h, &plan);
    }
    plan_actions(request, &h, &plan, outcome);
    return html_status(&h);
}

enum ct_status page_plan(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    return plan_page(request, response, NULL, NULL);
}

/* ---- the learner's actions ---- */

static int64_t form_id(const struct web_request *request, const char *name)
{
    const char *text = web_form_value(request, name);
    return text != NULL ? strtoll(text, NULL, 10) : 0;
}

/* Applies the learner's plan action the form names; *known is false for none. */
static enum ct_status learner_act(struct web_request *request, const char *action, bool *known,
                                  struct plan_result *result, struct action_outcome *outcome)
{
    struct actor actor = web_actor(request);
    struct store *store = request->store;
    *known = true;
    if (strcmp(action, "new-version") == 0) {
        return action_plan_start(store, &actor, &(struct plan_start_input){0}, result, outcome);
    }
    if (strcmp(action, "save-text") == 0) {
        struct plan_text_input text = {0, web_form_value(request, "skill_gaps"),
                                       web_form_value(request, "learning_options")};
        return action_plan_text(store, &actor, &text, result, outcome);
    }
    if (strcmp(action, "add-goal") == 0) {
        struct plan_goal_input goal = {0, form_id(request, "library_goal"),
                                       web_form_value(request, "goal"),
                                       web_form_value(request, "outcomes")};
        return action_plan_goal_add(store, &actor, &goal, result, outcome);
    }
    if (strcmp(action, "add-item") == 0) {
        struct plan_item_input item = {
            0, web_form_value(request, "item_kind"), web_form_value(request, "item_key"),
            web_form_value(request, "description"), form_id(request, "plan_goal")};
        return action_plan_item_add(store, &actor, &item, result, outcome);
    }
    if (strcmp(action, "submit") == 0) {
        return action_plan_submit(store, &actor, &(struct plan_version_input){0}, result, outcome);
    }
    if (strcmp(action, "sign") == 0) {
        struct plan_sign_input sign = {0, PLAN_SIGNER_LEARNER};
        return action_plan_sign(store, &actor, &sign, result, outcome);
    }
    *known = false;
    return CT_OK;
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

/* Whether the refusal noted a fault at a field the page marks. */
static bool marks_a_field(const struct action_outcome *outcome)
{
    static const char *const marked[] = {"goal", "outcomes", "item_key", "description"};
    for (size_t i = 0; i < sizeof marked / sizeof marked[0]; i++) {
        if (error_for(outcome, marked[i]) != NULL) {
            return true;
        }
    }
    return false;
}

enum ct_status page_plan_submit(struct web_request *request, struct web_response *response,
                                int64_t id)
{
    (void)id;
    const char *action = web_form_value(request, "action");
    struct plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    bool known = false;
    enum ct_status status =
        learner_act(request, action != NULL ? action : "", &known, &result, &outcome);
    if (!known) {
        response->status = 400;
        return plan_page(request, response, "Choose one of the plan's buttons.", NULL);
    }
    if (status == CT_ERR_INPUT && marks_a_field(&outcome)) {
        response->status = 400;
        return plan_page(request, response, "Nothing was added: see the field marked below.",
                         &outcome);
    }
    if (status == CT_ERR_INPUT) {
        response->status = 400;
        return plan_page(request, response, outcome.err.message, NULL);
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
    html_markup(h, "<section aria-labelledby=\"plan-");
    html_int(h, v->id);
    html_markup(h, "\"><h2 id=\"plan-");
    html_int(h, v->id);
    html_markup(h, "\">");
    html_text(h, v->person_name);
    html_markup(h, ", version ");
    html_int(h, v->version);
    html_markup(h, "</h2>\n<p>Submitted on ");
    html_text(h, v->submitted);
    html_markup(h, ".</p>\n<p>Gaps in skills or knowledge: ");
    html_text(h, v->skill_gaps);
    html_markup(h, "</p>\n<p>Options for learning: ");
    html_text(h, v->learning_options);
    html_markup(h, "</p>\n");
    version_contents(h, plan, v->id);
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

enum ct_status page_plans_to_sign_submit(struct web_request *request, struct web_response *response,
                                         int64_t id)
{
    (void)id;
    const char *action = web_form_value(request, "action");
    bool returning = action != NULL && strcmp(action, "return") == 0;
    if (!returning && (action == NULL || strcmp(action, "sign") != 0)) {
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
