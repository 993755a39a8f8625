#include "library_edit.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../../actions/libraries.h"
#include "../../actions/strategic_plans.h"
#include "../html/error_summary.h"
#include "../html/form.h"
#include "../html/layout.h"
#include "../html/notice.h"
#include "../../core/banned.h"

#define COUNT(table) (sizeof(table) / sizeof((table)[0]))

/* One field of a form: the control's id, the action's field it posts as (NULL: the id),
 * and what a person reads. */
struct field_spec {
    const char *id;
    const char *name;
    const char *label;
    const char *hint;
    enum form_control control;
    const char *type;
    bool required;
};

enum { LIBRARY_NAME, LIBRARY_CITY, LIBRARY_KIND, LIBRARY_EXTERNAL_ID, LIBRARY_CONSULTANTS };

static const struct field_spec library_specs[] = {
    [LIBRARY_NAME] = {"name", NULL, "Name", NULL, FORM_INPUT, "text", true},
    [LIBRARY_CITY] = {"city", NULL, "City", NULL, FORM_INPUT, "text", true},
    [LIBRARY_KIND] = {"kind", NULL, "Kind", NULL, FORM_SELECT, NULL, true},
    [LIBRARY_EXTERNAL_ID] = {"external_id", NULL, "External id",
                             "The library's id in the state library directory. Optional.",
                             FORM_INPUT, "text", false},
    [LIBRARY_CONSULTANTS] = {"consultants", NULL, "Consultants",
                             "The e-mail addresses of the consultants assigned, one a line.",
                             FORM_TEXTAREA, NULL, false},
};

static const struct field_spec plan_specs[] = {
    {"plan-title", "title", "Title", "Like \"Strategic Plan 2024-2029\".", FORM_INPUT, "text",
     true},
    {"plan-starts", "starts", "Starts", "The first day, as YYYY-MM-DD.", FORM_INPUT, "date", true},
    {"plan-ends", "ends", "Ends", "The last day, as YYYY-MM-DD.", FORM_INPUT, "date", true},
};

static const struct field_spec goal_specs[] = {
    {"goal-code", "code", "Code", "Like G1: unique in the plan.", FORM_INPUT, "text", true},
    {"goal-title", "title", "Goal", NULL, FORM_INPUT, "text", true},
    {"goal-description", "description", "Description", NULL, FORM_TEXTAREA, NULL, false},
};

static size_t kind_options(struct form_option *options)
{
    size_t count = 0;
    for (; library_kinds[count] != NULL; count++) {
        options[count] =
            (struct form_option){library_kinds[count], library_kind_label(library_kinds[count])};
    }
    return count;
}

/* The form's fields, each with values[i] and its fault in outcome (NULL: none). */
static void write_fields(struct html *h, const struct field_spec *specs, size_t count,
                         const char *const *values, const struct action_outcome *outcome)
{
    struct form_option kinds[8];
    size_t kind_count = kind_options(kinds);
    for (size_t i = 0; i < count; i++) {
        const char *name = specs[i].name != NULL ? specs[i].name : specs[i].id;
        const struct action_fault *fault = outcome != NULL ? action_fault_of(outcome, name) : NULL;
        struct form_field field = {.id = specs[i].id,
                                   .name = specs[i].name,
                                   .label = specs[i].label,
                                   .hint = specs[i].hint,
                                   .error = fault != NULL ? fault->message : NULL,
                                   .control = specs[i].control,
                                   .type = specs[i].type,
                                   .value = values[i],
                                   .options = kinds,
                                   .option_count = kind_count,
                                   .required = specs[i].required};
        html_field(h, &field);
    }
}

/* Opens a form posting to action (formatted with the library and goal ids). */
static void form_begin(struct web_request *request, struct html *h, const char *action)
{
    html_markup(h, "<form class=\"usa-form usa-form--large\" method=\"post\" action=\"");
    html_text(h, action);
    html_markup(h, "\">\n");
    html_csrf(h, request->csrf);
}

static void form_end(struct html *h, const char *button)
{
    html_markup(h, "<button class=\"usa-button\" type=\"submit\">");
    html_text(h, button);
    html_markup(h, "</button>\n</form>\n");
}

/* The values typed into the form just posted, in the order of specs. */
static void typed_values(const struct web_request *request, const struct field_spec *specs,
                         size_t count, const char **values)
{
    for (size_t i = 0; i < count; i++) {
        values[i] = web_form_value(request, specs[i].name != NULL ? specs[i].name : specs[i].id);
    }
}

/* A refused form's status: 403 not allowed, 404 not found, 409 wrong state, else 400. */
static unsigned refusal_status(const struct action_outcome *outcome)
{
    switch (outcome->refusal) {
    case ACTION_NOT_ALLOWED:
        return 403;
    case ACTION_NOT_FOUND:
        return 404;
    case ACTION_WRONG_STATE:
        return 409;
    default:
        return 400;
    }
}

enum { MAX_SPECS = 8 };

/* The alert above a refused form: what was refused and why, every fault of the form's
 * fields (specs, count of them; NULL: none) linked to its field. A refusal of no field
 * (not allowed, the wrong state) is the plain alert. */
static void refused_alert(struct html *h, const char *what, const struct action_outcome *outcome,
                          const struct field_spec *specs, size_t count)
{
    if (outcome->fault_count == 0) {
        char text[400];
        snprintf(text, sizeof text, "%s: %s", what, outcome->err.message);
        html_alert(h, FORM_ALERT_ERROR, text);
        return;
    }
    struct error_summary_field fields[MAX_SPECS];
    size_t used = 0;
    for (size_t i = 0; i < count && used < MAX_SPECS; i++) {
        const char *name = specs[i].name != NULL ? specs[i].name : specs[i].id;
        fields[used++] = (struct error_summary_field){name, specs[i].id, specs[i].label};
    }
    char heading[200];
    snprintf(heading, sizeof heading, "%s: fix %s marked below.", what,
             error_summary_count(outcome, fields, used) > 1 ? "the fields" : "the field");
    html_error_summary(h, heading, outcome, fields, used);
}

#define SPECS(array) (array), sizeof(array) / sizeof((array)[0])

static const struct field_spec close_specs[] = {
    {"closed_on", NULL, "Closed on", NULL, FORM_INPUT, "date", true},
};

/* Where a change to library_id's plan comes back to: its administrator's /library, or
 * the coordinator's /libraries/{id}. */
static void library_path(const struct web_request *request, int64_t library_id, char *out,
                         size_t size)
{
    if ((request->roles & ROLE_CE_COORDINATOR) == 0 && request->library_id == library_id) {
        snprintf(out, size, "/library");
    } else {
        snprintf(out, size, "/libraries/%" PRId64, library_id);
    }
}

/* ---- a library's fields ---- */

/* The library's consultants' e-mail addresses, one a line, into out. */
static void consultant_lines(struct web_request *request, struct html *h, int64_t library_id,
                             struct buf *out)
{
    struct store_rows rows = {.size = sizeof(struct consultant_row)};
    struct ct_err err = {0};
    enum ct_status status = store_library_consultants(request->store, library_id, &rows, &err);
    const struct consultant_row *consultants = rows.items;
    for (size_t i = 0; status == CT_OK && i < rows.count; i++) {
        status = buf_printf(out, "%s%s", i > 0 ? "\n" : "", consultants[i].email);
    }
    html_fail(h, status);
    store_rows_release(&rows);
}

/* The library form posting to action, with the stored library's values (NULL: what
 * was typed) and outcome's faults. */
static void library_form(struct web_request *request, struct html *h, const char *action,
                         const struct library_view *library, const struct action_outcome *outcome,
                         const char *button)
{
    const char *values[COUNT(library_specs)];
    struct buf consultants;
    buf_init(&consultants, 16 * 1024);
    typed_values(request, library_specs, COUNT(library_specs), values);
    if (library != NULL) {
        consultant_lines(request, h, library->id, &consultants);
        values[LIBRARY_NAME] = library->name;
        values[LIBRARY_CITY] = library->city;
        values[LIBRARY_KIND] = library->kind;
        values[LIBRARY_EXTERNAL_ID] = library->external_id;
        values[LIBRARY_CONSULTANTS] = buf_str(&consultants);
    }
    form_begin(request, h, action);
    write_fields(h, library_specs, COUNT(library_specs), values, outcome);
    form_end(h, button);
    buf_release(&consultants);
}

static struct library_input library_typed(const struct web_request *request, int64_t library_id)
{
    return (struct library_input){.library_id = library_id,
                                  .name = web_form_value(request, "name"),
                                  .city = web_form_value(request, "city"),
                                  .kind = web_form_value(request, "kind"),
                                  .external_id = web_form_value(request, "external_id"),
                                  .consultants = web_form_value(request, "consultants")};
}

void library_edit_section(struct web_request *request, struct html *h,
                          const struct library_view *library)
{
    if ((request->roles & ROLE_CE_COORDINATOR) == 0 || library->closed_on[0] != '\0') {
        return;
    }
    char action[64];
    snprintf(action, sizeof action, "/libraries/%" PRId64, library->id);
    html_markup(h, "<h2>Edit the library</h2>\n");
    library_form(request, h, action, library, NULL, "Save the library");
    html_markup(h, "<h2>Close the library</h2>\n<p>Its people, tracks and certificates stay."
                   "</p>\n<p><a class=\"usa-button usa-button--secondary\" href=\"");
    html_text(h, action);
    html_markup(h, "/close\">Close this library</a></p>\n");
}

enum ct_status page_library_new(struct web_request *request, struct web_response *response,
                                int64_t id)
{
    (void)id;
    web_set_title(response, "Add a library");
    struct html h;
    html_start(&h, &response->body);
    library_form(request, &h, "/libraries/new", NULL, NULL, "Add the library");
    html_markup(&h, "<p><a href=\"/libraries\">Back to the libraries</a></p>\n");
    return html_status(&h);
}

enum ct_status page_library_new_submit(struct web_request *request, struct web_response *response,
                                       int64_t id)
{
    (void)id;
    struct library_input input = library_typed(request, 0);
    struct actor actor = web_actor(request);
    struct library_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_library_add(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT) {
        response->status = refusal_status(&outcome);
        web_set_title(response, "Add a library");
        struct html h;
        html_start(&h, &response->body);
        refused_alert(&h, "The library was not added", &outcome, SPECS(library_specs));
        library_form(request, &h, "/libraries/new", NULL, &outcome, "Add the library");
        return html_status(&h);
    }
    char path[64];
    snprintf(path, sizeof path, "/libraries/%" PRId64, result.id);
    if (status == CT_OK) {
        notice_redirect(response, path, "library-added", 0);
    }
    return status;
}

enum ct_status page_library_edit_submit(struct web_request *request, struct web_response *response,
                                        int64_t id)
{
    struct library_input input = library_typed(request, id);
    struct actor actor = web_actor(request);
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_library_edit(request->store, &actor, &input, &outcome);
    char path[64];
    snprintf(path, sizeof path, "/libraries/%" PRId64, id);
    if (status == CT_ERR_INPUT) {
        response->status = refusal_status(&outcome);
        web_set_title(response, "Edit the library");
        struct html h;
        html_start(&h, &response->body);
        refused_alert(&h, "The library was not saved", &outcome, SPECS(library_specs));
        library_form(request, &h, path, NULL, &outcome, "Save the library");
        html_markup(&h, "<p><a href=\"");
        html_text(&h, path);
        html_markup(&h, "\">Back to the library</a></p>\n");
        return html_status(&h);
    }
    if (status == CT_OK) {
        notice_redirect(response, path, "library-saved", 0);
    }
    return status;
}

/* ---- closing ---- */

static enum ct_status close_form(struct web_request *request, struct web_response *response,
                                 int64_t id, const struct action_outcome *outcome)
{
    struct library_view library;
    bool found = false;
    struct ct_err err = {0};
    enum ct_status status = store_library_get(request->store, id, &library, &found, &err);
    if (status != CT_OK || !found) {
        return status != CT_OK ? status : page_not_found(request, response, "library");
    }
    web_set_title(response, "Close %s", library.name);
    char action[64], today[CIVIL_DATE_TEXT_SIZE];
    snprintf(action, sizeof action, "/libraries/%" PRId64 "/close", id);
    civil_date_format(request->today, today);
    const char *typed = web_form_value(request, "closed_on");
    const struct action_fault *fault =
        outcome != NULL ? action_fault_of(outcome, "closed_on") : NULL;
    struct html h;
    html_start(&h, &response->body);
    if (outcome != NULL) {
        refused_alert(&h, "The library was not closed", outcome, SPECS(close_specs));
    }
    html_markup(&h, "<p>Its people, tracks and certificates stay as they are. A closed library"
                    " is shown as closed, is no longer offered for new people, and is not"
                    " edited again.</p>\n");
    form_begin(request, &h, action);
    struct form_field field = {.id = "closed_on",
                               .label = "Closed on",
                               .hint = "As YYYY-MM-DD.",
                               .error = fault != NULL ? fault->message : NULL,
                               .control = FORM_INPUT,
                               .type = "date",
                               .value = typed != NULL ? typed : today,
                               .required = true};
    html_field(&h, &field);
    form_end(&h, "Close the library");
    snprintf(action, sizeof action, "/libraries/%" PRId64, id);
    html_markup(&h, "<p><a href=\"");
    html_text(&h, action);
    html_markup(&h, "\">Cancel: keep the library open</a></p>\n");
    return html_status(&h);
}

enum ct_status page_library_close(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    return close_form(request, response, id, NULL);
}

enum ct_status page_library_close_submit(struct web_request *request, struct web_response *response,
                                         int64_t id)
{
    struct library_close_input input = {id, web_form_value(request, "closed_on")};
    struct actor actor = web_actor(request);
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_library_close(request->store, &actor, &input, &outcome);
    if (status == CT_ERR_INPUT) {
        response->status = refusal_status(&outcome);
        return close_form(request, response, id, &outcome);
    }
    char path[64];
    snprintf(path, sizeof path, "/libraries/%" PRId64, id);
    if (status == CT_OK) {
        notice_redirect(response, path, "library-closed", 0);
    }
    return status;
}

/* ---- the strategic plan ---- */

static bool keeps_plan(const struct web_request *request, const struct library_view *library)
{
    struct actor actor = web_actor(request);
    return library->closed_on[0] == '\0' && strategic_plan_keeper(&actor, library->id);
}

/* The period form, with the stored plan's values (NULL: what was typed). */
static void plan_form(struct web_request *request, struct html *h, int64_t library_id,
                      const struct strategic_plan_view *plan, const struct action_outcome *outcome)
{
    const char *values[COUNT(plan_specs)];
    char starts[CIVIL_DATE_TEXT_SIZE], ends[CIVIL_DATE_TEXT_SIZE];
    typed_values(request, plan_specs, COUNT(plan_specs), values);
    if (plan != NULL) {
        civil_date_format(plan->starts, starts);
        civil_date_format(plan->ends, ends);
        values[0] = plan->title;
        values[1] = starts;
        values[2] = ends;
    }
    char action[64];
    snprintf(action, sizeof action, "/libraries/%" PRId64 "/plan", library_id);
    form_begin(request, h, action);
    write_fields(h, plan_specs, COUNT(plan_specs), values, outcome);
    form_end(h, "Save the plan's period");
}

/* The goal form posting to action, with the stored goal's values (NULL: what was typed). */
static void goal_form(struct web_request *request, struct html *h, const char *action,
                      const struct library_goal_row *goal, const struct action_outcome *outcome,
                      const char *button)
{
    const char *values[COUNT(goal_specs)];
    typed_values(request, goal_specs, COUNT(goal_specs), values);
    if (goal != NULL) {
        values[0] = goal->code;
        values[1] = goal->title;
        values[2] = goal->description;
    }
    form_begin(request, h, action);
    write_fields(h, goal_specs, COUNT(goal_specs), values, outcome);
    form_end(h, button);
}

static void goal_cell(struct html *h, const char *text)
{
    html_markup(h, "<td>");
    html_text(h, text);
    html_markup(h, "</td>");
}

static void goal_row(struct html *h, const struct library_goal_row *goal, int64_t library_id,
                     bool keeper)
{
    html_markup(h, "<tr>");
    goal_cell(h, goal->code);
    goal_cell(h, goal->title);
    goal_cell(h, goal->description);
    html_markup(h, "<td>");
    if (goal->retired_on[0] != '\0') {
        html_markup(h, "Retired on ");
        html_text(h, goal->retired_on);
    } else {
        html_markup(h, "In use");
    }
    html_markup(h, "</td><td>");
    html_int(h, goal->served_by);
    html_markup(h, "</td>");
    if (keeper) {
        html_format_literal(h, "<td><a href=\"/libraries/%" PRId64 "/goals/%" PRId64 "\">Edit",
                            library_id, goal->id);
        html_markup(h, "<span class=\"usa-sr-only\"> goal ");
        html_text(h, goal->code);
        html_markup(h, "</span></a></td>");
    }
    html_markup(h, "</tr>\n");
}

static void goals_table(struct web_request *request, struct html *h, int64_t library_id,
                        bool keeper)
{
    static const char *const columns[] = {
        "Code", "Goal", "Description", "Status", "Staff plan goals serving it", "Change"};
    struct store_rows rows = {.size = sizeof(struct library_goal_row)};
    struct ct_err err = {0};
    html_fail(h, store_library_goals(request->store, library_id, &rows, &err));
    /* A phone scrolls the table sideways (its style): it takes the focus to scroll it. */
    html_markup(h, "<table class=\"usa-table usa-table--borderless\" tabindex=\"0\">\n"
                   "<caption>Strategic plan goals</caption>\n<thead><tr>");
    for (size_t i = 0; i < COUNT(columns) - (keeper ? 0 : 1); i++) {
        html_markup(h, "<th scope=\"col\">");
        html_markup_literal(h, columns[i]);
        html_markup(h, "</th>");
    }
    html_markup(h, "</tr></thead>\n<tbody>\n");
    const struct library_goal_row *goals = rows.items;
    for (size_t i = 0; i < rows.count; i++) {
        goal_row(h, &goals[i], library_id, keeper);
    }
    html_markup(h, "</tbody>\n</table>\n");
    store_rows_release(&rows);
}

void library_plan_section(struct web_request *request, struct html *h,
                          const struct library_view *library)
{
    struct strategic_plan_view plan;
    bool found = false;
    struct ct_err err = {0};
    html_fail(h, store_strategic_plan_current(request->store, library->id, &plan, &found, &err));
    bool keeper = keeps_plan(request, library);
    html_markup(h, "<h2>Strategic plan</h2>\n<p>");
    if (found) {
        char starts[CIVIL_DATE_TEXT_SIZE], ends[CIVIL_DATE_TEXT_SIZE];
        civil_date_format(plan.starts, starts);
        civil_date_format(plan.ends, ends);
        html_text(h, plan.title);
        html_markup(h, ", from ");
        html_text(h, starts);
        html_markup(h, " to ");
        html_text(h, ends);
        html_markup(h, ".");
    } else {
        html_markup(h, "The library has no strategic plan yet.");
    }
    html_markup(h, "</p>\n");
    goals_table(request, h, library->id, keeper);
    if (!keeper) {
        return;
    }
    html_markup(h, "<h3>The plan's title and period</h3>\n");
    plan_form(request, h, library->id, found ? &plan : NULL, NULL);
    if (found) {
        char action[64];
        snprintf(action, sizeof action, "/libraries/%" PRId64 "/goals", library->id);
        html_markup(h, "<h3>Add a goal</h3>\n");
        goal_form(request, h, action, NULL, NULL, "Add the goal");
    }
}

/* After a plan or goal change: back to the library's page, or the refused form alone. */
static enum ct_status plan_answer(struct web_request *request, struct web_response *response,
                                  int64_t library_id, enum ct_status status,
                                  const struct action_outcome *outcome, const char *done)
{
    char path[64];
    library_path(request, library_id, path, sizeof path);
    if (status == CT_OK) {
        notice_redirect(response, path, done, 0);
        return CT_OK;
    }
    if (status != CT_ERR_INPUT) {
        return status;
    }
    response->status = refusal_status(outcome);
    web_set_title(response, "The strategic plan was not changed");
    struct html h;
    html_start(&h, &response->body);
    bool plan = strcmp(done, "strategic-plan-saved") == 0;
    refused_alert(&h, "Not changed", outcome, plan ? plan_specs : goal_specs,
                  plan ? sizeof plan_specs / sizeof plan_specs[0]
                       : sizeof goal_specs / sizeof goal_specs[0]);
    if (plan) {
        plan_form(request, &h, library_id, NULL, outcome);
    } else if (strcmp(done, "library-goal-added") == 0 || strcmp(done, "library-goal-saved") == 0) {
        char action[80];
        int length = snprintf(action, sizeof action, "/libraries/%" PRId64 "/goals", library_id);
        if (request->sub_id != 0 && length > 0) {
            snprintf(action + length, sizeof action - (size_t)length, "/%" PRId64, request->sub_id);
        }
        goal_form(request, &h, action, NULL, outcome, "Save the goal");
    }
    html_markup(&h, "<p><a href=\"");
    html_text(&h, path);
    html_markup(&h, "\">Back to the library</a></p>\n");
    return html_status(&h);
}

enum ct_status page_strategic_plan_submit(struct web_request *request,
                                          struct web_response *response, int64_t id)
{
    struct strategic_plan_input input = {id, web_form_value(request, "title"),
                                         web_form_value(request, "starts"),
                                         web_form_value(request, "ends")};
    struct actor actor = web_actor(request);
    struct strategic_plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status =
        action_strategic_plan_save(request->store, &actor, &input, &result, &outcome);
    return plan_answer(request, response, id, status, &outcome, "strategic-plan-saved");
}

static struct library_goal_input goal_typed(const struct web_request *request, int64_t library_id)
{
    return (struct library_goal_input){library_id, request->sub_id, web_form_value(request, "code"),
                                       web_form_value(request, "title"),
                                       web_form_value(request, "description")};
}

enum ct_status page_library_goal_add_submit(struct web_request *request,
                                            struct web_response *response, int64_t id)
{
    struct library_goal_input input = goal_typed(request, id);
    struct actor actor = web_actor(request);
    struct library_goal_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status =
        action_library_goal_add(request->store, &actor, &input, &result, &outcome);
    return plan_answer(request, response, id, status, &outcome, "library-goal-added");
}

/* The goal's retire and delete buttons, each its own form. */
static void goal_buttons(struct web_request *request, struct html *h, const char *action,
                         const struct library_goal_row *goal)
{
    char target[96];
    if (goal->retired_on[0] == '\0') {
        html_markup(h, "<h2>Retire the goal</h2>\n<p>Plans that serve it keep it, shown as"
                       " retired; new plan goals can no longer choose it.</p>\n");
        snprintf(target, sizeof target, "%s/retire", action);
        form_begin(request, h, target);
        form_end(h, "Retire the goal");
    }
    html_markup(h, "<h2>Delete the goal</h2>\n");
    if (goal->served_by > 0) {
        html_markup(h, "<p>Staff plans serve this goal, so it cannot be deleted: retire it"
                       " instead.</p>\n");
        return;
    }
    html_markup(h, "<p>No staff plan serves this goal: it can be deleted.</p>\n");
    snprintf(target, sizeof target, "%s/delete", action);
    form_begin(request, h, target);
    form_end(h, "Delete the goal");
}

enum ct_status page_library_goal(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    struct library_goal_row goal;
    int64_t library_id = 0;
    bool found = false;
    struct ct_err err = {0};
    enum ct_status status =
        store_library_goal_get(request->store, request->sub_id, &library_id, &goal, &found, &err);
    struct actor actor = web_actor(request);
    if (status != CT_OK) {
        return status;
    }
    if (!found || library_id != id) {
        return page_not_found(request, response, "goal");
    }
    if (!strategic_plan_keeper(&actor, id)) {
        return page_error(request, response, 403, "Not allowed",
                          "Only the CE coordinator or the library's own administrator keeps its"
                          " strategic plan.");
    }
    web_set_title(response, "Goal %s", goal.code);
    char action[96], path[64];
    snprintf(action, sizeof action, "/libraries/%" PRId64 "/goals/%" PRId64, id, goal.id);
    library_path(request, id, path, sizeof path);
    struct html h;
    html_start(&h, &response->body);
    if (goal.retired_on[0] != '\0') {
        html_markup(&h, "<p>Retired on ");
        html_text(&h, goal.retired_on);
        html_markup(&h, ".</p>\n");
    }
    goal_form(request, &h, action, &goal, NULL, "Save the goal");
    goal_buttons(request, &h, action, &goal);
    html_markup(&h, "<p><a href=\"");
    html_text(&h, path);
    html_markup(&h, "\">Back to the library</a></p>\n");
    return html_status(&h);
}

enum ct_status page_library_goal_submit(struct web_request *request, struct web_response *response,
                                        int64_t id)
{
    struct library_goal_input input = goal_typed(request, id);
    struct actor actor = web_actor(request);
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_library_goal_edit(request->store, &actor, &input, &outcome);
    return plan_answer(request, response, id, status, &outcome, "library-goal-saved");
}

enum ct_status page_library_goal_retire(struct web_request *request, struct web_response *response,
                                        int64_t id)
{
    struct library_goal_input input = {.library_id = id, .goal_id = request->sub_id};
    struct actor actor = web_actor(request);
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_library_goal_retire(request->store, &actor, &input, &outcome);
    return plan_answer(request, response, id, status, &outcome, "library-goal-retired");
}

enum ct_status page_library_goal_delete(struct web_request *request, struct web_response *response,
                                        int64_t id)
{
    struct library_goal_input input = {.library_id = id, .goal_id = request->sub_id};
    struct actor actor = web_actor(request);
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_library_goal_delete(request->store, &actor, &input, &outcome);
    return plan_answer(request, response, id, status, &outcome, "library-goal-deleted");
}
