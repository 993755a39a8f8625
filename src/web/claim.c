#include "claim.h"

#include <stdlib.h>
#include <string.h>

#include "../core/credit.h"
#include "../store/store_activities.h"
#include "html.h"
#include "notice.h"
#include "pages.h"
#include "../core/banned.h"

struct field {
    const char *name;
    const char *label;
    const char *type; /* input type, or "kind"/"category" for a select */
    const char *hint;
};

static const struct field fields[] = {
    {"kind", "Kind of activity", "kind", NULL},
    {"title", "Title", "text", "The course, event or topic as its sponsor named it."},
    {"date", "Date", "date", "The day it took place (the last day, for several days)."},
    {"category", "Category", "category", "Not needed for self-directed learning."},
    {"credits", "Credits", "text",
     "For courses, workshops, sessions and webinars: 0.5, 1, 1.5 ..."},
    {"semester_credits", "Semester credits", "text", "College courses on semesters."},
    {"quarter_credits", "Quarter credits", "text", "College courses on quarters."},
    {"hours", "Hours", "text", "For presenting and self-directed learning."},
    {"topic", "Topic presented", "text", "For presenting."},
    {"plan_item", "Plan item", "text", "For self-directed learning: the item of your plan."},
    {"recorded", "Recorded on", "date", "For an archived webinar: when it was recorded."},
};

static const char *const category_ids[] = {"library-administration", "public-services",
                                           "collection-management", "technology"};
static const char *const category_names[] = {
    "Library Administration", "Library Services to the Public",
    "Collection Management and Technical Services", "Technology"};

static enum ct_status option(struct buf *out, const char *value, const char *label,
                             const char *selected)
{
    enum ct_status status = html_markup(out, "<option value=\"");
    if (status == CT_OK) {
        status = html_text(out, value);
    }
    if (status == CT_OK && selected != NULL && strcmp(selected, value) == 0) {
        status = html_markup(out, "\" selected=\"selected");
    }
    if (status == CT_OK) {
        status = html_markup(out, "\">");
    }
    if (status == CT_OK) {
        status = html_text(out, label);
    }
    return status == CT_OK ? html_markup(out, "</option>") : status;
}

static enum ct_status select_options(struct buf *out, const struct field *field, const char *value)
{
    enum ct_status status = option(out, "", "Choose", value);
    if (strcmp(field->type, "kind") == 0) {
        for (int k = 0; k < ACTIVITY_KIND_COUNT && status == CT_OK; k++) {
            const char *name = activity_kind_name((enum activity_kind)k);
            status = option(out, name, name, value);
        }
    } else {
        for (size_t c = 0; c < 4 && status == CT_OK; c++) {
            status = option(out, category_ids[c], category_names[c], value);
        }
    }
    return status;
}

static enum ct_status field_markup(struct web_request *request, struct buf *out,
                                   const struct field *field, const char *error_field,
                                   const char *error)
{
    const char *value = web_form_value(request, field->name);
    bool wrong = error_field != NULL && strcmp(error_field, field->name) == 0;
    bool select = strcmp(field->type, "kind") == 0 || strcmp(field->type, "category") == 0;
    enum ct_status status = html_markup(out, "<div class=\"field\"><label for=\"");
    if (status == CT_OK) {
        status = html_text(out, field->name);
    }
    if (status == CT_OK) {
        status = html_markup(out, "\">");
    }
    if (status == CT_OK) {
        status = html_text(out, field->label);
    }
    if (status == CT_OK) {
        status = html_markup(out, "</label>");
    }
    if (status == CT_OK && field->hint != NULL) {
        status = html_markup(out, "<span class=\"hint\">");
        if (status == CT_OK) {
            status = html_text(out, field->hint);
        }
        if (status == CT_OK) {
            status = html_markup(out, "</span>");
        }
    }
    if (status == CT_OK && wrong) {
        status = html_markup(out, "<span class=\"error\" id=\"error-message\" role=\"alert\">");
        if (status == CT_OK) {
            status = html_text(out, error);
        }
        if (status == CT_OK) {
            status = html_markup(out, "</span>");
        }
    }
    if (status == CT_OK) {
        status = select ? html_markup(out, "<select") : html_markup(out, "<input");
    }
    if (status == CT_OK) {
        status = html_markup(out, " id=\"");
    }
    if (status == CT_OK) {
        status = html_text(out, field->name);
    }
    if (status == CT_OK) {
        status = html_markup(out, "\" name=\"");
    }
    if (status == CT_OK) {
        status = html_text(out, field->name);
    }
    if (status == CT_OK && wrong) {
        status = html_markup(out, "\" aria-invalid=\"true\" aria-describedby=\"error-message");
    }
    if (status == CT_OK && select) {
        status = html_markup(out, "\">");
        if (status == CT_OK) {
            status = select_options(out, field, value);
        }
        return status == CT_OK ? html_markup(out, "</select></div>\n") : status;
    }
    if (status == CT_OK) {
        status = html_markup(out, "\" type=\"");
    }
    if (status == CT_OK) {
        status = html_text(out, field->type);
    }
    if (status == CT_OK) {
        status = html_markup(out, "\" value=\"");
    }
    if (status == CT_OK) {
        status = html_text(out, value != NULL ? value : "");
    }
    return status == CT_OK ? html_markup(out, "\"></div>\n") : status;
}

enum ct_status page_claim(struct web_request *request, struct web_response *response,
                          const char *error_field, const char *error)
{
    struct buf *out = &response->body;
    enum ct_status status = page_begin(request, response, "Claim an activity");
    if (status == CT_OK) {
        status = html_markup(out, "<p>Your claim waits for your verifier; it counts once"
                                  " verified.</p>\n<form method=\"post\" action=\"/activities/new\""
                                  " class=\"stack\">\n<input type=\"hidden\" name=\"csrf_token\""
                                  " value=\"");
    }
    if (status == CT_OK) {
        status = html_text(out, request->csrf);
    }
    if (status == CT_OK) {
        status = html_markup(out, "\">\n");
    }
    for (size_t i = 0; i < sizeof fields / sizeof fields[0] && status == CT_OK; i++) {
        status = field_markup(request, out, &fields[i], error_field, error);
    }
    if (status == CT_OK) {
        status = html_markup(out, "<button type=\"submit\">Claim</button>\n</form>\n");
    }
    return status == CT_OK ? page_end(response) : status;
}

/* ---- reading the form ---- */

struct claim_error {
    const char *field;
    const char *message;
};

static bool read_halves(const char *text, int64_t *halves)
{
    char *end = NULL;
    *halves = 0;
    if (text == NULL || text[0] == '\0') {
        return true;
    }
    double value = strtod(text, &end);
    return *end == '\0' && credit_halves_from_number(value, halves) == CREDIT_PARSE_OK;
}

static bool read_minutes(const char *text, int64_t *minutes)
{
    char *end = NULL;
    *minutes = 0;
    if (text == NULL || text[0] == '\0') {
        return true;
    }
    double value = strtod(text, &end);
    return *end == '\0' && credit_minutes_from_hours(value, minutes) == CREDIT_PARSE_OK;
}

static const char *optional(const struct web_request *request, const char *name)
{
    const char *value = web_form_value(request, name);
    return value != NULL && value[0] != '\0' ? value : NULL;
}

static bool read_claim(const struct web_request *request, struct activity_new *activity,
                       struct claim_error *error)
{
    const char *kind = optional(request, "kind");
    if (kind == NULL || !activity_kind_from_name(kind, &activity->kind)) {
        *error = (struct claim_error){"kind", "Choose the kind of activity."};
        return false;
    }
    const char *date = optional(request, "date");
    if (date == NULL || !civil_date_parse(date, &activity->date)) {
        *error = (struct claim_error){"date", "Enter the date as YYYY-MM-DD."};
        return false;
    }
    const char *recorded = optional(request, "recorded");
    activity->recorded = civil_date_unset();
    if (recorded != NULL && !civil_date_parse(recorded, &activity->recorded)) {
        *error = (struct claim_error){"recorded", "Enter the date as YYYY-MM-DD."};
        return false;
    }
    static const char *const half_fields[] = {"credits", "semester_credits", "quarter_credits"};
    int64_t *targets[] = {&activity->credit_halves, &activity->semester_halves,
                          &activity->quarter_halves};
    for (size_t i = 0; i < 3; i++) {
        if (!read_halves(web_form_value(request, half_fields[i]), targets[i])) {
            *error =
                (struct claim_error){half_fields[i], "Enter a multiple of 0.5, like 1 or 2.5."};
            return false;
        }
    }
    if (!read_minutes(web_form_value(request, "hours"), &activity->minutes)) {
        *error = (struct claim_error){"hours", "Enter a positive number of hours, like 1.5."};
        return false;
    }
    activity->title = optional(request, "title");
    activity->category = optional(request, "category");
    activity->topic = optional(request, "topic");
    activity->plan_item = optional(request, "plan_item");
    return true;
}

/* The store names the field it refuses in err->where. */
static const char *field_of(const char *where)
{
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (strcmp(fields[i].name, where) == 0) {
            return fields[i].name;
        }
    }
    return "kind";
}

enum ct_status page_claim_submit(struct web_request *request, struct web_response *response)
{
    struct activity_new activity = {
        .person_id = request->person_id, .status = "pending", .provenance = PROVENANCE_CLAIM};
    struct claim_error error = {NULL, NULL};
    if (!read_claim(request, &activity, &error)) {
        response->status = 400;
        return page_claim(request, response, error.field, error.message);
    }
    if (civil_date_compare(activity.date, request->today) > 0) {
        response->status = 400;
        return page_claim(request, response, "date", "Claim an activity once it has happened.");
    }
    int64_t id = 0;
    struct ct_err err = {0};
    enum ct_status status =
        store_activity_add(request->store, request->person_id, &activity, &id, &err);
    if (status == CT_ERR_INPUT) {
        response->status = 400;
        return page_claim(request, response, field_of(err.where), err.message);
    }
    if (status == CT_OK) {
        notice_redirect(response, "/", "claimed", 0);
    }
    return status;
}
