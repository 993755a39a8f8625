#include "activities.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/credit.h"
#include "../../store/store_activities.h"
#include "../../store/store_tracks.h"
#include "../html/html.h"
#include "../html/notice.h"
#include "dashboard.h"
#include "../html/layout.h"
#include "../../core/banned.h"

struct field {
    const char *name;
    const char *label;
    const char *type; /* input type, or "kind", "category", "event", "plan_item" for a select */
    const char *hint;
    const char *kinds; /* the kinds of activity that use it, or NULL for every kind */
    bool from_event;   /* filled in from a catalog event when one is chosen */
};

#define CREDIT_KINDS "course workshop conference-session webinar archived-webinar"

static const struct field fields[] = {
    {"event", "Event from the State Library's catalog", "event",
     "Choose it and its title, kind, credits and category are filled in. For learning that is"
     " not in the catalog, leave this at \"Not in the catalog\" and describe it below.",
     NULL, false},
    {"kind", "Kind of activity", "kind", NULL, NULL, true},
    {"title", "Title", "text", "The course, event or topic as its sponsor named it.", NULL, true},
    {"date", "Date", "date",
     "The day it took place (the last day, for several days). For a catalog event, leave it"
     " empty to use the event's last day.",
     NULL, false},
    {"category", "Category", "category", NULL,
     "course workshop conference-session webinar archived-webinar college presenting", true},
    {"credits", "Credits", "text", "0.5, 1, 1.5 ... as the sponsor gave them.", CREDIT_KINDS, true},
    {"semester_credits", "Semester credits", "text", "College courses on semesters.", "college",
     false},
    {"quarter_credits", "Quarter credits", "text", "College courses on quarters.", "college",
     false},
    {"hours", "Hours", "text", "Time spent: 3 hours of self-directed learning make 1 credit.",
     "presenting self-directed", false},
    {"topic", "Topic presented", "text", "A topic counts once, however often it is presented.",
     "presenting", false},
    {"plan_item", "Item of your plan", "plan_item",
     "Self-directed learning counts only when your plan lists it.", "self-directed", false},
    {"recorded", "Recorded on", "date", "When the webinar was recorded.", "archived-webinar",
     false},
};

static const char *const category_ids[] = {"library-administration", "public-services",
                                           "collection-management", "technology"};
static const char *const category_names[] = {
    "Library Administration", "Library Services to the Public",
    "Collection Management and Technical Services", "Technology"};

static enum ct_status option(struct buf *out, const char *value, const char *label,
                             const char *selected)
{
    enum ct_status status = html_buf_markup(out, "<option value=\"");
    if (status == CT_OK) {
        status = html_buf_text(out, value);
    }
    if (status == CT_OK && selected != NULL && strcmp(selected, value) == 0) {
        status = html_buf_markup(out, "\" selected=\"selected");
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, label);
    }
    return status == CT_OK ? html_buf_markup(out, "</option>") : status;
}

/* Options from a query whose rows are (value, label). */
static enum ct_status query_options(struct web_request *request, struct buf *out, const char *sql,
                                    const struct db_param *params, size_t count,
                                    const char *selected, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(request->store->db, sql, &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, params, count, err);
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        const char *value = db_column_text(stmt, 0);
        const char *label = db_column_text(stmt, 1);
        status = option(out, value != NULL ? value : "", label != NULL ? label : "", selected);
    }
    db_finalize(stmt);
    return status;
}

/* Catalog events of the last four years up to today, newest first. */
static enum ct_status event_options(struct web_request *request, struct buf *out,
                                    const char *selected, struct ct_err *err)
{
    char today[CIVIL_DATE_TEXT_SIZE], first[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(request->today, today);
    civil_date_format(civil_date_add_years(request->today, -4), first);
    enum ct_status status = option(out, "", "Not in the catalog", selected);
    if (status == CT_OK) {
        status = query_options(
            request, out,
            "SELECT id, ends || ': ' || title || ' (' || kind || ', '"
            " || (credit_halves / 2) || CASE WHEN credit_halves % 2 = 1 THEN '.5' ELSE '' END"
            " || CASE WHEN credit_halves = 2 THEN ' credit)' ELSE ' credits)' END"
            " FROM events WHERE ends >= ? AND ends <= ? ORDER BY ends DESC, id DESC LIMIT 500",
            STORE_PARAMS(DB_TEXT(first), DB_TEXT(today)), 2, selected, err);
    }
    return status;
}

/* The self-directed items of the plans of the learner's current track. */
static enum ct_status plan_item_options(struct web_request *request, struct buf *out,
                                        const char *selected, struct ct_err *err)
{
    enum ct_status status = option(out, "", "Choose", selected);
    struct track_info track;
    struct ct_err none = {0};
    if (status == CT_OK &&
        store_track_current(request->store, request->person_id, &track, &none) == CT_OK) {
        status = query_options(request, out,
                               "SELECT item_key, item_key || ': ' || MAX(description)"
                               " FROM plan_items JOIN plan_versions"
                               " ON plan_versions.id = plan_items.plan_version_id"
                               " WHERE plan_versions.track_id = ?"
                               " AND plan_items.kind = 'self-directed'"
                               " GROUP BY item_key ORDER BY item_key",
                               STORE_PARAMS(DB_INT(track.id)), 1, selected, err);
    }
    return status;
}

static enum ct_status select_options(struct web_request *request, struct buf *out,
                                     const struct field *field, const char *value,
                                     struct ct_err *err)
{
    if (strcmp(field->type, "event") == 0) {
        return event_options(request, out, value, err);
    }
    if (strcmp(field->type, "plan_item") == 0) {
        return plan_item_options(request, out, value, err);
    }
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

static bool is_select(const struct field *field)
{
    return strcmp(field->type, "text") != 0 && strcmp(field->type, "date") != 0;
}

/* The form group's opening tag: marked for the script that shows only the fields the
 * chosen kind needs (/assets/claim.js), and as in error when it is. */
static enum ct_status group_open(struct buf *out, const struct field *field, bool wrong)
{
    enum ct_status status = wrong ? html_buf_markup(out, "<div class=\"usa-form-group"
                                                         " usa-form-group--error\"")
                                  : html_buf_markup(out, "<div class=\"usa-form-group\"");
    if (status == CT_OK && field->kinds != NULL) {
        status = html_buf_markup(out, " data-kinds=\"");
        if (status == CT_OK) {
            status = html_buf_text(out, field->kinds);
        }
        if (status == CT_OK) {
            status = html_buf_markup(out, "\"");
        }
    }
    if (status == CT_OK && field->from_event) {
        status = html_buf_markup(out, " data-from-event=\"true\"");
    }
    return status == CT_OK ? html_buf_markup(out, ">") : status;
}

static enum ct_status field_markup(struct web_request *request, struct buf *out,
                                   const struct field *field, const char *error_field,
                                   const char *error, struct ct_err *err)
{
    const char *value = web_form_value(request, field->name);
    bool wrong = error_field != NULL && strcmp(error_field, field->name) == 0;
    bool select = is_select(field);
    enum ct_status status = group_open(out, field, wrong);
    if (status == CT_OK) {
        status = html_buf_markup(out, "<label class=\"usa-label\" for=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, field->name);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, field->label);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</label>");
    }
    if (status == CT_OK && field->hint != NULL) {
        status = html_buf_markup(out, "<span class=\"usa-hint\" id=\"");
        if (status == CT_OK) {
            status = html_buf_text(out, field->name);
        }
        if (status == CT_OK) {
            status = html_buf_markup(out, "-hint\">");
        }
        if (status == CT_OK) {
            status = html_buf_text(out, field->hint);
        }
        if (status == CT_OK) {
            status = html_buf_markup(out, "</span>");
        }
    }
    if (status == CT_OK && wrong) {
        status = html_buf_markup(
            out, "<span class=\"usa-error-message\" id=\"error-message\" role=\"alert\">");
        if (status == CT_OK) {
            status = html_buf_text(out, error);
        }
        if (status == CT_OK) {
            status = html_buf_markup(out, "</span>");
        }
    }
    if (status == CT_OK) {
        status = select
                     ? html_buf_markup(out, "<select class=\"usa-select\"")
                     : (wrong ? html_buf_markup(out, "<input class=\"usa-input usa-input--error\"")
                              : html_buf_markup(out, "<input class=\"usa-input\""));
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, " id=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, field->name);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\" name=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, field->name);
    }
    if (status == CT_OK && (wrong || field->hint != NULL)) {
        status = html_buf_markup(out, "\" aria-describedby=\"");
        if (status == CT_OK && wrong) {
            status = html_buf_markup(out, "error-message ");
        }
        if (status == CT_OK && field->hint != NULL) {
            status = html_buf_text(out, field->name);
        }
        if (status == CT_OK && field->hint != NULL) {
            status = html_buf_markup(out, "-hint");
        }
    }
    if (status == CT_OK && wrong) {
        status = html_buf_markup(out, "\" aria-invalid=\"true");
    }
    if (status == CT_OK && select) {
        status = html_buf_markup(out, "\">");
        if (status == CT_OK) {
            status = select_options(request, out, field, value, err);
        }
        return status == CT_OK ? html_buf_markup(out, "</select></div>\n") : status;
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\" type=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, field->type);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\" value=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, value != NULL ? value : "");
    }
    return status == CT_OK ? html_buf_markup(out, "\"></div>\n") : status;
}

enum ct_status page_claim(struct web_request *request, struct web_response *response,
                          const char *error_field, const char *error)
{
    struct buf *out = &response->body;
    struct ct_err err = {0};
    enum ct_status status = page_begin(request, response, "Claim an activity");
    if (status == CT_OK && error != NULL) {
        status = html_buf_markup(out, "<div class=\"usa-alert usa-alert--error usa-alert--slim\">"
                                      "<div class=\"usa-alert__body\"><p class=\"usa-alert__text\">"
                                      "The claim was not saved: <a href=\"#");
        if (status == CT_OK) {
            status = html_buf_text(out, error_field);
        }
        if (status == CT_OK) {
            status = html_buf_markup(out, "\">see the field marked below</a>.</p></div></div>\n");
        }
    }
    if (status == CT_OK) {
        status =
            html_buf_markup(out, "<p>Your claim waits for your verifier; it counts once"
                                 " verified.</p>\n<form method=\"post\" action=\"/activities/new\""
                                 " class=\"usa-form usa-form--large\" data-claim=\"true\">\n"
                                 "<input type=\"hidden\" name=\"csrf_token\" value=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, request->csrf);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">\n");
    }
    for (size_t i = 0; i < sizeof fields / sizeof fields[0] && status == CT_OK; i++) {
        status = field_markup(request, out, &fields[i], error_field, error, &err);
    }
    if (status == CT_OK) {
        status =
            html_buf_markup(out, "<button type=\"submit\" class=\"usa-button\">Claim</button>\n"
                                 "</form>\n<script src=\"/assets/claim.js\"></script>\n");
    }
    return status == CT_OK ? page_end(request, response) : status;
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

/* The catalog event chosen, as the activity's kind, title, credits and category; the
 * buffers hold the texts. */
struct chosen_event {
    char title[256];
    char kind[32];
    char category[64];
    char ends[CIVIL_DATE_TEXT_SIZE];
    int64_t credit_halves;
};

static enum ct_status read_event(struct web_request *request, int64_t id,
                                 struct chosen_event *event, bool *found, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    *found = false;
    enum ct_status status = db_prepare(
        request->store->db,
        "SELECT title, kind, category, ends, credit_halves FROM events WHERE id = ?", &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(id)), 1, err);
    }
    if (status == CT_OK) {
        status = db_step(stmt, found, err);
    }
    if (status == CT_OK && *found) {
        snprintf(event->title, sizeof event->title, "%s", db_column_text(stmt, 0));
        snprintf(event->kind, sizeof event->kind, "%s", db_column_text(stmt, 1));
        snprintf(event->category, sizeof event->category, "%s", db_column_text(stmt, 2));
        snprintf(event->ends, sizeof event->ends, "%s", db_column_text(stmt, 3));
        event->credit_halves = db_column_int64(stmt, 4);
    }
    db_finalize(stmt);
    return status;
}

static bool read_claim(const struct web_request *request, struct activity_new *activity,
                       const struct chosen_event *event, struct claim_error *error)
{
    if (event != NULL) {
        const char *date = optional(request, "date");
        if (date != NULL && !civil_date_parse(date, &activity->date)) {
            *error = (struct claim_error){"date", "Enter the date as YYYY-MM-DD."};
            return false;
        }
        if (!activity_kind_from_name(event->kind, &activity->kind) ||
            (date == NULL && !civil_date_parse(event->ends, &activity->date))) {
            *error = (struct claim_error){"event", "This catalog event cannot be claimed."};
            return false;
        }
        activity->title = event->title;
        activity->credit_halves = event->credit_halves;
        activity->category = event->category;
        activity->recorded = civil_date_unset();
        return true;
    }
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

enum ct_status claim_add(struct web_request *request, int64_t *id, struct ct_err *err)
{
    struct activity_new activity = {
        .person_id = request->person_id, .status = "pending", .provenance = PROVENANCE_CLAIM};
    struct claim_error error = {NULL, NULL};
    struct chosen_event event;
    bool from_event = false;
    const char *event_text = optional(request, "event");
    if (event_text != NULL) {
        char *end = NULL;
        long long event_id = strtoll(event_text, &end, 10);
        enum ct_status status = CT_OK;
        if (*end == '\0' && event_id > 0) {
            status = read_event(request, event_id, &event, &from_event, err);
        }
        if (status != CT_OK) {
            return status;
        }
        if (!from_event) {
            return ct_err_set(err, CT_ERR_INPUT, "event", "Choose an event from the list.");
        }
        activity.event_id = event_id;
    }
    if (!read_claim(request, &activity, from_event ? &event : NULL, &error)) {
        return ct_err_set(err, CT_ERR_INPUT, error.field, "%s", error.message);
    }
    if (civil_date_compare(activity.date, request->today) > 0) {
        return ct_err_set(err, CT_ERR_INPUT, "date", "Claim an activity once it has happened.");
    }
    enum ct_status status =
        store_activity_add(request->store, request->person_id, &activity, id, err);
    if (status == CT_ERR_INPUT) {
        char where[sizeof err->where];
        snprintf(where, sizeof where, "%s", field_of(err->where));
        snprintf(err->where, sizeof err->where, "%s", where);
    }
    return status;
}

enum ct_status page_claim_submit(struct web_request *request, struct web_response *response)
{
    int64_t id = 0;
    struct ct_err err = {0};
    enum ct_status status = claim_add(request, &id, &err);
    if (status == CT_ERR_INPUT) {
        response->status = 400;
        return page_claim(request, response, err.where, err.message);
    }
    if (status == CT_OK) {
        notice_redirect(response, "/", "claimed", 0);
    }
    return status;
}
