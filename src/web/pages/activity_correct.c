#include "activity_correct.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../../actions/activity_correct.h"
#include "../../core/activity_kind.h"
#include "../../core/credit.h"
#include "../../store/store_learning.h"
#include "../html/confirm_page.h"
#include "../html/error_summary.h"
#include "../html/form.h"
#include "../html/form_options.h"
#include "../html/html.h"
#include "../html/layout.h"
#include "../../core/banned.h"

enum field { FIELD_KIND, FIELD_DATE, FIELD_CREDITS, FIELD_CATEGORY, FIELD_REASON, FIELD_COUNT };

static const struct form_spec specs[FIELD_COUNT] = {
    [FIELD_KIND] = {"kind", "Kind", NULL, FORM_SELECT, NULL, true},
    [FIELD_DATE] = {"date", "Date", "As YYYY-MM-DD.", FORM_INPUT, "date", true},
    [FIELD_CREDITS] = {"credits", "Credits", "A multiple of 0.5: 0.5, 1, 1.5 ...", FORM_INPUT,
                       "text", true},
    [FIELD_CATEGORY] = {"category", "Category", NULL, FORM_SELECT, NULL, true},
    [FIELD_REASON] = {"reason", "Reason for the correction",
                      "The learner is told it, with the values before and after.", FORM_TEXTAREA,
                      NULL, true},
};

struct values {
    const char *values[FIELD_COUNT];
};

const char *page_activity_kind_words(const char *name)
{
    enum activity_kind kind;
    return activity_kind_from_name(name, &kind) ? activity_kind_label(kind) : name;
}

const char *page_activity_category_words(const struct program_set *programs, const char *id)
{
    for (size_t p = 0; id != NULL && p < programs->count; p++) {
        int index = program_category_index(programs->programs[p], id);
        if (index >= 0) {
            return programs->programs[p]->categories[index].name;
        }
    }
    return id != NULL && id[0] != '\0' ? id : "none";
}

static void form_fields(struct web_request *request, struct html *h, const struct values *values,
                        const struct action_outcome *outcome)
{
    struct form_option kinds[ACTIVITY_KIND_COUNT], categories[FORM_CATEGORIES_MAX];
    size_t kind_count = form_kind_options(kinds, true);
    size_t category_count = form_category_options(request->store->programs, categories);
    for (int i = 0; i < FIELD_COUNT; i++) {
        bool kind = i == FIELD_KIND;
        html_spec_field(h, &specs[i], values->values[i], outcome, kind ? kinds : categories,
                        kind ? kind_count : category_count);
    }
}

/* The summary over a refused form: every fault linked to its field, in the form's order,
 * and a fault of no field (the activity itself) as its message. */
static void refused_alert(struct html *h, const struct action_outcome *outcome)
{
    struct error_summary_field fields[FIELD_COUNT];
    for (int i = 0; i < FIELD_COUNT; i++) {
        fields[i] = (struct error_summary_field){specs[i].id, NULL, specs[i].label};
    }
    html_refused_summary(h, "The correction was not made", outcome, fields, FIELD_COUNT);
}

static void activity_heading(struct html *h, const struct learning_activity *activity)
{
    html_markup(h, "<p>");
    html_text(h, activity->person_name);
    html_markup(h, ": <strong>");
    html_text(h, activity->title != NULL && activity->title[0] != '\0' ? activity->title
                                                                       : activity->kind);
    html_markup(h, "</strong></p>\n");
}

static enum ct_status form_page(struct web_request *request, struct web_response *response,
                                const struct learning_activity *activity,
                                const struct values *values, const struct action_outcome *outcome)
{
    web_set_title(response, "Correct an activity");
    struct html h;
    html_start(&h, &response->body);
    if (outcome != NULL) {
        refused_alert(&h, outcome);
    }
    activity_heading(&h, activity);
    html_markup(&h, "<p>Give the values the activity should have. The values it has now are"
                    " kept with the correction, and the learner is told.</p>\n");
    html_format(&h,
                "<form class=\"usa-form usa-form--large\" method=\"post\""
                " action=\"/activities/%" PRId64 "/correct\">\n",
                activity->id);
    html_csrf(&h, request->csrf);
    form_fields(request, &h, values, outcome);
    html_markup(&h, "<button class=\"usa-button\" type=\"submit\" name=\"step\" value=\"check\">"
                    "Review the correction</button>\n</form>\n");
    html_format(&h, "<p><a href=\"/activities/%" PRId64 "\">Back to the activity</a></p>\n",
                activity->id);
    return html_status(&h);
}

/* The activity to correct, or the page answered (404, 409); *answered tells. */
static enum ct_status read_activity(struct web_request *request, struct web_response *response,
                                    int64_t id, struct learning_activity *activity, bool *answered)
{
    bool found = false;
    struct ct_err err = {0};
    *answered = true;
    enum ct_status status =
        store_learning_activity(request->store, id, &request->arena, activity, &found, &err);
    if (status != CT_OK || !found) {
        return status != CT_OK ? status : page_not_found(request, response, "activity");
    }
    enum activity_kind kind;
    if (strcmp(activity->status, "verified") != 0 ||
        !activity_kind_from_name(activity->kind, &kind) || !activity_kind_has_credit_value(kind)) {
        return page_error(request, response, 409, "Cannot be corrected",
                          "Only a verified activity measured in credits is corrected here.");
    }
    *answered = false;
    return CT_OK;
}

enum ct_status page_activity_correct(struct web_request *request, struct web_response *response,
                                     int64_t id)
{
    struct learning_activity activity;
    bool answered = false;
    enum ct_status status = read_activity(request, response, id, &activity, &answered);
    if (status != CT_OK || answered) {
        return status;
    }
    char credits[CREDIT_TEXT_SIZE];
    credit_format(activity.credit_halves, credits);
    struct values values = {{
        [FIELD_KIND] = activity.kind,
        [FIELD_DATE] = activity.date,
        [FIELD_CREDITS] = arena_strdup(&request->arena, credits),
        [FIELD_CATEGORY] = activity.category,
        [FIELD_REASON] = "",
    }};
    return form_page(request, response, &activity, &values, NULL);
}

static void posted_values(const struct web_request *request, struct values *out)
{
    for (int i = 0; i < FIELD_COUNT; i++) {
        out->values[i] = web_form_value(request, specs[i].id);
    }
}

/* One row of the confirmation's table: what, now, after (marked when it changes). */
static void change_row(struct html *h, const char *what, const char *now, const char *after)
{
    bool changes = strcmp(now, after) != 0;
    html_markup(h, "<tr><th scope=\"row\">");
    html_text(h, what);
    html_markup(h, "</th><td>");
    html_text(h, now);
    html_markup(h, "</td><td>");
    html_text(h, after);
    if (changes) {
        html_markup(h, " <strong>(changes)</strong>");
    }
    html_markup(h, "</td></tr>\n");
}

static void change_table(struct web_request *request, struct html *h,
                         const struct activity_correct_result *result)
{
    const struct program_set *programs = request->store->programs;
    char now[CREDIT_TEXT_SIZE], after[CREDIT_TEXT_SIZE];
    credit_format(result->before.credit_halves, now);
    credit_format(result->after.credit_halves, after);
    static const char *const columns[] = {"Value", "Now", "After the correction"};
    html_table_begin(h, "What the correction changes", columns, 3);
    change_row(h, "Kind", page_activity_kind_words(result->before.kind),
               page_activity_kind_words(result->after.kind));
    change_row(h, "Date", result->before.date, result->after.date);
    change_row(h, "Credits", now, after);
    change_row(h, "Category", page_activity_category_words(programs, result->before.category),
               page_activity_category_words(programs, result->after.category));
    html_table_end(h);
}

static enum ct_status confirm_page(struct web_request *request, struct web_response *response,
                                   const struct learning_activity *activity,
                                   const struct values *values,
                                   const struct activity_correct_result *result)
{
    web_set_title(response, "Correct this activity?");
    struct html h;
    html_start(&h, &response->body);
    activity_heading(&h, activity);
    change_table(request, &h, result);
    html_markup(&h, "<h2>The reason</h2>\n<p>");
    html_text(&h, values->values[FIELD_REASON]);
    html_markup(&h, "</p>\n<p>The values it has now are kept with the correction and in the"
                    " audit trail. The learner is told of the correction by mail, and their"
                    " progress is counted again with the corrected values.</p>\n");
    const struct confirm_page form = {.record = "/activities",
                                      .id = activity->id,
                                      .verb = "correct",
                                      .confirm = "Correct the activity",
                                      .change = "Change the correction",
                                      .keep = "Keep the activity as it is"};
    confirm_page_begin(&h, &form, request->csrf);
    for (int i = 0; i < FIELD_COUNT; i++) {
        html_hidden(&h, specs[i].id, values->values[i]);
    }
    confirm_page_end(&h, &form);
    return html_status(&h);
}

enum ct_status page_activity_correct_submit(struct web_request *request,
                                            struct web_response *response, int64_t id)
{
    struct learning_activity activity;
    bool answered = false;
    enum ct_status status = read_activity(request, response, id, &activity, &answered);
    if (status != CT_OK || answered) {
        return status;
    }
    struct values values;
    posted_values(request, &values);
    const char *step = web_form_value(request, "step");
    if (step != NULL && strcmp(step, "change") == 0) {
        return form_page(request, response, &activity, &values, NULL);
    }
    bool confirm = step != NULL && strcmp(step, "confirm") == 0;
    struct activity_correct_input input = {.activity_id = id,
                                           .kind = values.values[FIELD_KIND],
                                           .date = values.values[FIELD_DATE],
                                           .credits = values.values[FIELD_CREDITS],
                                           .category = values.values[FIELD_CATEGORY],
                                           .reason = values.values[FIELD_REASON],
                                           .check_only = !confirm};
    struct actor actor = web_actor(request);
    struct activity_correct_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_activity_correct(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT && outcome.refusal != ACTION_BAD_INPUT) {
        return confirm_page_refused(request, response, "Not corrected", &outcome);
    }
    if (status == CT_ERR_INPUT) {
        response->status = 400;
        return form_page(request, response, &activity, &values, &outcome);
    }
    if (status == CT_OK && !confirm) {
        return confirm_page(request, response, &activity, &values, &result);
    }
    if (status == CT_OK) {
        char location[96];
        snprintf(location, sizeof location, "/activities/%" PRId64 "?corrected=1", id);
        web_redirect(response, location);
    }
    return status;
}
