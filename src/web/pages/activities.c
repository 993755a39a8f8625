#include "activities.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../actions/claims.h"
#include "../../core/credit.h"
#include "../../store/store_claim_versions.h"
#include "../../store/store_learning.h"
#include "../html/error_summary.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/layout.h"
#include "../html/notice.h"
#include "claim_notes.h"
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
     "The day it took place (the last day, for several days), as YYYY-MM-DD. For a catalog"
     " event, leave it empty to use the event's last day.",
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
    {"recorded", "Recorded on", "date", "When the webinar was recorded, as YYYY-MM-DD.",
     "archived-webinar", false},
};

/* ---- the choices the form offers ---- */

struct option_list {
    struct form_option *options;
    size_t count;
};

/* The selects' options, in the request's arena; each list starts with its empty choice. */
struct claim_choices {
    struct option_list events;
    struct option_list kinds;
    struct option_list categories;
    struct option_list plan_items;
};

/* A text made as printf makes it, in arena (NULL when memory runs out). */
static char *arena_printf(struct arena *arena, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

static char *arena_printf(struct arena *arena, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int length = vsnprintf(NULL, 0, format, args);
    va_end(args);
    char *text = length >= 0 ? arena_calloc(arena, (size_t)length + 1, 1) : NULL;
    if (text != NULL) {
        va_start(args, format);
        vsnprintf(text, (size_t)length + 1, format, args);
        va_end(args);
    }
    return text;
}

/* A list of count options after the empty one labelled first; false when memory runs
 * out. */
static bool list_start(struct arena *arena, struct option_list *list, size_t count,
                       const char *first)
{
    list->options = arena_calloc(arena, count + 1, sizeof *list->options);
    list->count = list->options != NULL ? 1 : 0;
    if (list->options != NULL) {
        list->options[0] = (struct form_option){"", first};
    }
    return list->options != NULL;
}

static void list_add(struct option_list *list, const char *value, const char *label)
{
    list->options[list->count++] = (struct form_option){value, label};
}

/* Catalog events of the last four years up to today, newest first. */
static enum ct_status event_choices(struct web_request *request, struct option_list *list,
                                    struct ct_err *err)
{
    struct learning_event *events = NULL;
    size_t count = 0;
    struct arena *arena = &request->arena;
    enum ct_status status =
        store_learning_events(request->store, civil_date_add_years(request->today, -4),
                              request->today, 500, arena, &events, &count, err);
    bool ok = status == CT_OK && list_start(arena, list, count, "Not in the catalog");
    for (size_t i = 0; ok && i < count; i++) {
        char ends[CIVIL_DATE_TEXT_SIZE], credits[CREDIT_TEXT_SIZE];
        civil_date_format(events[i].ends, ends);
        credit_format(events[i].credit_halves, credits);
        const char *value = arena_printf(arena, "%lld", (long long)events[i].id);
        const char *label =
            arena_printf(arena, "%s: %s (%s, %s credit%s)", ends, events[i].title, events[i].kind,
                         credits, events[i].credit_halves == 2 ? "" : "s");
        ok = value != NULL && label != NULL;
        if (ok) {
            list_add(list, value, label);
        }
    }
    return status == CT_OK && !ok ? ct_err_nomem(err) : status;
}

/* The categories of the learner's program; of every program when they have none (each
 * once, in the programs' order). */
static bool category_choices(struct web_request *request, const struct program *program,
                             struct option_list *list)
{
    const struct program_set *programs = request->store->programs;
    size_t most = program != NULL ? program->category_count : 0;
    for (size_t p = 0; program == NULL && p < programs->count; p++) {
        most += programs->programs[p]->category_count;
    }
    if (!list_start(&request->arena, list, most, "Choose")) {
        return false;
    }
    for (size_t p = 0; p < (program != NULL ? 1 : programs->count); p++) {
        const struct program *from = program != NULL ? program : programs->programs[p];
        for (size_t c = 0; c < from->category_count; c++) {
            bool listed = false;
            for (size_t i = 1; i < list->count; i++) {
                listed = listed || strcmp(list->options[i].value, from->categories[c].id) == 0;
            }
            if (!listed) {
                list_add(list, from->categories[c].id, from->categories[c].name);
            }
        }
    }
    return true;
}

/* The self-directed items of the plans of the learner's current track (none without
 * one). */
static enum ct_status plan_item_choices(struct web_request *request, const struct track_info *track,
                                        struct option_list *list, struct ct_err *err)
{
    struct learning_planned_item *items = NULL;
    size_t count = 0;
    struct arena *arena = &request->arena;
    enum ct_status status = CT_OK;
    if (track != NULL) {
        status = store_learning_self_directed_items(request->store, track->id, arena, &items,
                                                    &count, err);
    }
    bool ok = status == CT_OK && list_start(arena, list, count, "Choose");
    for (size_t i = 0; ok && i < count; i++) {
        const char *label = arena_printf(arena, "%s: %s", items[i].key, items[i].description);
        ok = label != NULL;
        if (ok) {
            list_add(list, items[i].key, label);
        }
    }
    return status == CT_OK && !ok ? ct_err_nomem(err) : status;
}

static bool kind_choices(struct arena *arena, struct option_list *list)
{
    if (!list_start(arena, list, ACTIVITY_KIND_COUNT, "Choose")) {
        return false;
    }
    for (int k = 0; k < ACTIVITY_KIND_COUNT; k++) {
        const char *name = activity_kind_name((enum activity_kind)k);
        list_add(list, name, name);
    }
    return true;
}

static enum ct_status read_choices(struct web_request *request, struct claim_choices *choices,
                                   struct ct_err *err)
{
    struct track_info track;
    bool enrolled = false;
    enum ct_status status =
        store_track_find_current(request->store, request->person_id, &track, &enrolled, err);
    if (status != CT_OK) {
        return status;
    }
    const struct program *program =
        enrolled ? program_set_find(request->store->programs, track.program) : NULL;
    status = event_choices(request, &choices->events, err);
    if (status != CT_OK) {
        return status;
    }
    status = plan_item_choices(request, enrolled ? &track : NULL, &choices->plan_items, err);
    if (status != CT_OK) {
        return status;
    }
    bool made = kind_choices(&request->arena, &choices->kinds) &&
                category_choices(request, program, &choices->categories);
    return made ? CT_OK : ct_err_nomem(err);
}

/* ---- the form ---- */

static bool is_select(const struct field *field)
{
    return strcmp(field->type, "text") != 0 && strcmp(field->type, "date") != 0;
}

static const struct option_list *choices_of(const struct claim_choices *choices,
                                            const struct field *field)
{
    return strcmp(field->type, "event") == 0      ? &choices->events
           : strcmp(field->type, "kind") == 0     ? &choices->kinds
           : strcmp(field->type, "category") == 0 ? &choices->categories
                                                  : &choices->plan_items;
}

/* The form group's opening tag: marked for the script that shows only the fields the
 * chosen kind needs (/assets/claim.js), and as in error when it is. */
static void group_open(struct html *h, const struct field *field, bool wrong)
{
    if (wrong) {
        html_markup(h, "<div class=\"usa-form-group usa-form-group--error\"");
    } else {
        html_markup(h, "<div class=\"usa-form-group\"");
    }
    if (field->kinds != NULL) {
        html_markup(h, " data-kinds=\"");
        html_text(h, field->kinds);
        html_markup(h, "\"");
    }
    if (field->from_event) {
        html_markup(h, " data-from-event=\"true\"");
    }
    html_markup(h, ">");
}

/* The label, the hint, and the error (under error_id) when there is one. */
static void field_words(struct html *h, const struct field *field, const char *error_id,
                        const char *error)
{
    html_markup(h, "<label class=\"usa-label\" for=\"");
    html_text(h, field->name);
    html_markup(h, "\">");
    html_text(h, field->label);
    html_markup(h, "</label>");
    if (field->hint != NULL) {
        html_markup(h, "<span class=\"usa-hint\" id=\"");
        html_text(h, field->name);
        html_markup(h, "-hint\">");
        html_text(h, field->hint);
        html_markup(h, "</span>");
    }
    if (error != NULL) {
        html_markup(h, "<span class=\"usa-error-message\" id=\"");
        html_text(h, error_id);
        html_markup(h, "\" role=\"alert\">");
        html_text(h, error);
        html_markup(h, "</span>");
    }
}

/* The control's id, name, what describes it, and whether it is marked as wrong. */
static void control_attributes(struct html *h, const struct field *field, const char *error_id)
{
    html_markup(h, " id=\"");
    html_text(h, field->name);
    html_markup(h, "\" name=\"");
    html_text(h, field->name);
    if (error_id != NULL || field->hint != NULL) {
        html_markup(h, "\" aria-describedby=\"");
        html_text(h, error_id);
        if (error_id != NULL && field->hint != NULL) {
            html_markup(h, " ");
        }
        if (field->hint != NULL) {
            html_text(h, field->name);
            html_markup(h, "-hint");
        }
    }
    if (error_id != NULL) {
        html_markup(h, "\" aria-invalid=\"true");
    }
}

static void control(struct html *h, const struct field *field, const char *value,
                    const char *error_id, const struct claim_choices *choices)
{
    if (is_select(field)) {
        const struct option_list *list = choices_of(choices, field);
        html_markup(h, "<select class=\"usa-select\"");
        control_attributes(h, field, error_id);
        html_markup(h, "\">");
        html_options(h, list->options, list->count, value);
        html_markup(h, "</select></div>\n");
        return;
    }
    if (error_id != NULL) {
        html_markup(h, "<input class=\"usa-input usa-input--error\"");
    } else {
        html_markup(h, "<input class=\"usa-input\"");
    }
    control_attributes(h, field, error_id);
    html_markup(h, "\" type=\"");
    /* A day is typed as YYYY-MM-DD (form.h): a browser's date control shows its locale's. */
    html_text(h, strcmp(field->type, "date") == 0 ? "text" : field->type);
    html_markup(h, "\" value=\"");
    html_text(h, value != NULL ? value : "");
    html_markup(h, "\"></div>\n");
}

/* One field, with its fault when the refused claim has one: the first fault's message is
 * "error-message" (the alert links to its field), any other's NAME-error. */
static void claim_field(struct web_request *request, struct html *h, const struct field *field,
                        const struct action_outcome *outcome, const struct claim_choices *choices)
{
    const struct action_fault *fault =
        outcome != NULL ? action_fault_of(outcome, field->name) : NULL;
    char error_id[64] = "error-message";
    if (fault != NULL && fault != &outcome->faults[0]) {
        snprintf(error_id, sizeof error_id, "%s-error", field->name);
    }
    group_open(h, field, fault != NULL);
    field_words(h, field, error_id, fault != NULL ? fault->message : NULL);
    control(h, field, web_form_value(request, field->name), fault != NULL ? error_id : NULL,
            choices);
}

/* Whether the request sent a file in its field "file" (even an empty one). */
static bool upload_given(const struct web_request *request)
{
    const struct web_upload *upload = &request->upload;
    return upload->too_large ||
           (upload->file != NULL && (upload->size > 0 || upload->name[0] != '\0'));
}

/* The claim a correction replaces (field "replaces"), 0 when none. */
static int64_t replaces_of(const struct web_request *request)
{
    const char *text = web_form_value(request, "replaces");
    return text != NULL ? strtoll(text, NULL, 10) : 0;
}

/* The words above a correction's form: what it does and why the claim was rejected. */
static void resend_words(struct web_request *request, struct html *h, int64_t replaces)
{
    char reason[512] = "";
    struct ct_err err = {0};
    html_fail(h, store_claim_rejection(request->store, replaces, reason, &err));
    html_markup(h,
                "<div class=\"usa-alert usa-alert--info usa-alert--slim\"><div"
                " class=\"usa-alert__body\"><p class=\"usa-alert__text\">You are correcting"
                " a rejected claim. Your verifier gave this reason: <span class=\"claim-reason\">");
    html_text(h, reason[0] != '\0' ? reason : "none given");
    html_markup(h, "</span>. Sending it makes a new claim that replaces the rejected one,"
                   " pending your verifier's decision again; the rejected claim and its proof"
                   " are kept.</p></div></div>\n");
}

/* The proof field: its fault (the first fault's id is "error-message"), and when the
 * form is shown again after a file was sent, that the file must be chosen again. */
static void proof_field(struct web_request *request, struct html *h,
                        const struct action_outcome *outcome)
{
    const struct action_fault *fault = outcome != NULL ? action_fault_of(outcome, "file") : NULL;
    const char *error_id = fault == NULL                  ? NULL
                           : fault == &outcome->faults[0] ? "error-message"
                                                          : "file-error";
    if (fault != NULL) {
        html_markup(h, "<div class=\"usa-form-group usa-form-group--error\">");
    } else {
        html_markup(h, "<div class=\"usa-form-group\">");
    }
    html_markup(h, "<label class=\"usa-label\" for=\"file\">Proof (optional)</label><span"
                   " class=\"usa-hint\" id=\"file-hint\">An attendance certificate or an"
                   " unofficial transcript: a PDF, PNG or JPEG image of at most 10 MiB. Your"
                   " verifier and the State Library's coordinator see it.");
    if (upload_given(request)) {
        html_markup(h, " The file you chose was not kept, as the claim was not sent yet:"
                       " choose it again.");
    }
    html_markup(h, "</span>");
    if (fault != NULL) {
        html_markup(h, "<span class=\"usa-error-message\" id=\"");
        html_text(h, error_id);
        html_markup(h, "\" role=\"alert\">");
        html_text(h, fault->message);
        html_markup(h, "</span><input class=\"usa-file-input usa-input--error\" id=\"file\""
                       " name=\"file\" type=\"file\" aria-invalid=\"true\" aria-describedby=\"");
        html_text(h, error_id);
        html_markup(h, " file-hint\"");
    } else {
        html_markup(h, "<input class=\"usa-file-input\" id=\"file\" name=\"file\" type=\"file\""
                       " aria-describedby=\"file-hint\"");
    }
    html_markup(h, " accept=\"application/pdf,image/png,image/jpeg\"></div>\n");
}

/* The summary above a refused claim: every fault linked to its field, in the form's
 * order, the proof last. */
static void refused_summary(struct html *h, const struct action_outcome *outcome)
{
    enum { COUNT = sizeof fields / sizeof fields[0] };
    struct error_summary_field summary[COUNT + 1];
    for (size_t i = 0; i < COUNT; i++) {
        summary[i] = (struct error_summary_field){fields[i].name, NULL, fields[i].label};
    }
    summary[COUNT] = (struct error_summary_field){"file", NULL, "Proof"};
    html_refused_summary(h, "The claim was not saved", outcome, summary, COUNT + 1);
}

/* The form, with what was typed and every fault of a refused claim (outcome, or NULL). */
static enum ct_status claim_page(struct web_request *request, struct web_response *response,
                                 const struct action_outcome *outcome)
{
    int64_t replaces = replaces_of(request);
    web_set_title(response, replaces > 0 ? "Correct and send again" : "Claim an activity");
    struct ct_err err = {0};
    struct claim_choices choices;
    memset(&choices, 0, sizeof choices);
    struct html h;
    html_start(&h, &response->body);
    html_fail(&h, read_choices(request, &choices, &err));
    if (outcome != NULL && outcome->fault_count > 0) {
        refused_summary(&h, outcome);
    }
    if (replaces > 0) {
        resend_words(request, &h, replaces);
    }
    html_markup(&h, "<p>Your claim goes to your verifier. When the rules will not count"
                    " it, you are told why before it is sent.</p>\n<form method=\"post\" "
                    "action=\"/activities/new\" enctype=\"multipart/form-data\""
                    " class=\"usa-form usa-form--large\" data-claim=\"true\">\n");
    html_csrf(&h, request->csrf);
    if (replaces > 0) {
        html_hidden_id(&h, "replaces", replaces);
    }
    for (size_t i = 0; i < sizeof fields / sizeof fields[0] && html_status(&h) == CT_OK; i++) {
        claim_field(request, &h, &fields[i], outcome, &choices);
    }
    proof_field(request, &h, outcome);
    if (replaces > 0) {
        html_markup(&h, "<button type=\"submit\" class=\"usa-button\">Send the corrected"
                        " claim</button>\n");
    } else {
        html_markup(&h, "<button type=\"submit\" class=\"usa-button\">Claim</button>\n");
    }
    html_markup(&h, "</form>\n<script src=\"/assets/claim.js\"></script>\n");
    return html_status(&h);
}

enum ct_status page_claim(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    return claim_page(request, response, NULL);
}

/* The event field as typed: 0 when left empty, -1 when it is not an event's id. */
static int64_t event_of(const struct web_request *request)
{
    const char *text = web_form_value(request, "event");
    if (text == NULL || text[0] == '\0') {
        return 0;
    }
    char *end = NULL;
    long long id = strtoll(text, &end, 10);
    return *end == '\0' && id > 0 ? id : -1;
}

/* The claim as the form sent it. */
static void claim_input(const struct web_request *request, struct claim_submit_input *input)
{
    *input = (struct claim_submit_input){
        .event_id = event_of(request),
        .kind = web_form_value(request, "kind"),
        .title = web_form_value(request, "title"),
        .date = web_form_value(request, "date"),
        .category = web_form_value(request, "category"),
        .credits = web_form_value(request, "credits"),
        .semester_credits = web_form_value(request, "semester_credits"),
        .quarter_credits = web_form_value(request, "quarter_credits"),
        .hours = web_form_value(request, "hours"),
        .topic = web_form_value(request, "topic"),
        .plan_item = web_form_value(request, "plan_item"),
        .recorded = web_form_value(request, "recorded"),
        .replaces = replaces_of(request),
    };
}

/* The file the form sent as proof, read into *bytes (the caller frees it) unless it is
 * over the limit (the action refuses it by its size). */
static enum ct_status read_proof(const struct web_request *request, struct claim_proof *proof,
                                 unsigned char **bytes)
{
    const struct web_upload *upload = &request->upload;
    *bytes = NULL;
    *proof = (struct claim_proof){.given = upload_given(request),
                                  .size = (size_t)upload->size,
                                  .too_large = upload->too_large,
                                  .name = upload->name};
    if (!proof->given || proof->too_large || proof->size > CLAIM_PROOF_LIMIT) {
        return CT_OK;
    }
    *bytes = malloc(proof->size > 0 ? proof->size : 1);
    if (*bytes == NULL) {
        return CT_ERR_NOMEM;
    }
    if (proof->size > 0 && fread(*bytes, 1, proof->size, upload->file) != proof->size) {
        return CT_ERR_IO;
    }
    proof->bytes = *bytes;
    return CT_OK;
}

/* The confirmation step of a claim the engine will not count: its reasons, what sending
 * it does, and the claim kept in hidden fields for either button. */
static enum ct_status warned_page(struct web_request *request, struct web_response *response,
                                  const struct claim_warning *warning)
{
    web_set_title(response, "Send a claim that will not count?");
    struct html h;
    html_start(&h, &response->body);
    html_markup(&h, "<div class=\"usa-alert usa-alert--warning\"><div class=\"usa-alert__body\">"
                    "<h2 class=\"usa-alert__heading\">The rules will not count this claim</h2>"
                    "<p class=\"usa-alert__text\">Even once your verifier verifies it, it"
                    " counts toward none of your open tracks:</p>");
    page_claim_reasons(&h, warning);
    html_markup(&h, "</div></div>\n<p>If you send it, it goes to your verifier as it is, and"
                    " your verifier sees the same warning beside it. It will not count"
                    " toward your certificate. To change it instead, choose Change the"
                    " claim: what you typed is kept.</p>\n<form method=\"post\""
                    " action=\"/activities/new\" enctype=\"multipart/form-data\""
                    " class=\"usa-form\">\n");
    html_csrf(&h, request->csrf);
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        html_hidden(&h, fields[i].name, web_form_value(request, fields[i].name));
    }
    if (replaces_of(request) > 0) {
        html_hidden_id(&h, "replaces", replaces_of(request));
    }
    if (upload_given(request)) {
        /* A file is not kept between the two steps: it is asked for again here. */
        html_markup(&h, "<div class=\"usa-form-group\"><label class=\"usa-label\""
                        " for=\"file\">Proof</label><span class=\"usa-hint\" id=\"file-hint\">"
                        "The file you chose (");
        html_text(&h, request->upload.name);
        html_markup(&h, ") is not kept until the claim is sent: choose it again to send it"
                        " with the claim.</span><input class=\"usa-file-input\" id=\"file\""
                        " name=\"file\" type=\"file\" aria-describedby=\"file-hint\""
                        " accept=\"application/pdf,image/png,image/jpeg\"></div>\n");
    }
    html_markup(&h, "<div class=\"actions\"><button type=\"submit\" class=\"usa-button\""
                    " name=\"step\" value=\"send\">Send it anyway</button> <button"
                    " type=\"submit\" class=\"usa-button usa-button--outline\" name=\"step\""
                    " value=\"change\">Change the claim</button></div>\n</form>\n");
    return html_status(&h);
}

/* Records the claim (input), or with input->check_only only says what the engine will
 * decide; the form again, with every fault, when it is refused. *done is false then. */
static enum ct_status run_claim(struct web_request *request, struct web_response *response,
                                const struct claim_submit_input *input,
                                struct claim_submit_result *result, bool *done)
{
    struct actor actor = web_actor(request);
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    *done = false;
    enum ct_status status = action_claim_submit(request->store, &actor, input, result, &outcome);
    if (status == CT_ERR_INPUT && outcome.fault_count > 0) {
        response->status = 400;
        return claim_page(request, response, &outcome);
    }
    if (status == CT_ERR_INPUT) {
        return page_error(request, response, 403, "Not allowed", outcome.err.message);
    }
    *done = status == CT_OK;
    return status;
}

static bool step_is(const struct web_request *request, const char *step)
{
    const char *given = web_form_value(request, "step");
    return given != NULL && strcmp(given, step) == 0;
}

enum ct_status page_claim_submit(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    (void)id;
    if (step_is(request, "change")) {
        return claim_page(request, response, NULL);
    }
    struct claim_submit_input input;
    claim_input(request, &input);
    unsigned char *bytes = NULL;
    enum ct_status status = read_proof(request, &input.proof, &bytes);
    struct claim_submit_result result;
    bool done = false;
    /* Unless the learner confirmed a warned claim, ask the engine first. */
    input.check_only = !step_is(request, "send");
    if (status == CT_OK) {
        status = run_claim(request, response, &input, &result, &done);
    }
    if (done && input.check_only && result.warning.warned) {
        status = warned_page(request, response, &result.warning);
        done = false;
    } else if (done && input.check_only) {
        input.check_only = false;
        status = run_claim(request, response, &input, &result, &done);
    }
    free(bytes);
    if (done) {
        notice_redirect(response, "/", result.warning.warned ? "claimed-warned" : "claimed", 0);
    }
    return status;
}

enum ct_status page_claim_withdraw(struct web_request *request, struct web_response *response,
                                   int64_t id)
{
    struct claim_withdraw_input input = {id, web_form_value(request, "reason")};
    struct actor actor = web_actor(request);
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_claim_withdraw(request->store, &actor, &input, &outcome);
    if (status == CT_ERR_INPUT) {
        char message[400];
        snprintf(message, sizeof message, "%s Go back to your progress page.", outcome.err.message);
        return page_error(request, response, outcome.refusal == ACTION_NOT_FOUND ? 404 : 409,
                          "Claim not withdrawn", message);
    }
    if (status == CT_OK) {
        notice_redirect(response, "/", "claim-withdrawn", 0);
    }
    return status;
}

/* ---- correcting a rejected claim ---- */

/* Puts a field of the rejected claim into the form, as if it had been typed. */
static enum ct_status prefill(struct web_request *request, const char *name, const char *value)
{
    return value != NULL && value[0] != '\0' ? web_form_add(&request->form, name, value) : CT_OK;
}

/* A quantity of halves as the form takes it ("" for none). */
static void halves_text(int64_t halves, char out[CREDIT_TEXT_SIZE])
{
    out[0] = '\0';
    if (halves > 0) {
        credit_format(halves, out);
    }
}

/* The rejected claim's fields, in the form. */
static enum ct_status prefill_claim(struct web_request *request,
                                    const struct learning_activity *claim)
{
    char event[32] = "", credits[CREDIT_TEXT_SIZE], semester[CREDIT_TEXT_SIZE];
    char quarter[CREDIT_TEXT_SIZE], hours[32] = "", replaces[32];
    if (claim->event_id > 0) {
        snprintf(event, sizeof event, "%lld", (long long)claim->event_id);
    }
    halves_text(claim->credit_halves, credits);
    halves_text(claim->semester_halves, semester);
    halves_text(claim->quarter_halves, quarter);
    if (claim->minutes > 0) {
        snprintf(hours, sizeof hours, "%g", (double)claim->minutes / 60.0);
    }
    snprintf(replaces, sizeof replaces, "%lld", (long long)claim->id);
    const char *pairs[][2] = {
        {"event", event},
        {"kind", claim->kind},
        {"title", claim->title},
        {"date", claim->date},
        {"category", claim->category},
        {"credits", credits},
        {"semester_credits", semester},
        {"quarter_credits", quarter},
        {"hours", hours},
        {"topic", claim->topic},
        {"plan_item", claim->plan_item},
        {"recorded", claim->recorded},
        {"replaces", replaces},
    };
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0] && status == CT_OK; i++) {
        status = prefill(request, pairs[i][0], pairs[i][1]);
    }
    return status;
}

enum ct_status page_claim_resend(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    struct learning_activity claim;
    bool found = false;
    struct claim_version version;
    struct ct_err err = {0};
    enum ct_status status =
        store_learning_activity(request->store, id, &request->arena, &claim, &found, &err);
    if (status == CT_OK && found) {
        status = store_claim_version(request->store, id, &version, &err);
    }
    if (status != CT_OK) {
        return status;
    }
    if (!found || request->person_id == 0 || claim.person_id != request->person_id) {
        return page_not_found(request, response, "claim of yours");
    }
    if (strcmp(claim.status, "rejected") != 0 || version.replaced_by != 0) {
        return page_error(request, response, 409, "Claim not rejected",
                          version.replaced_by != 0
                              ? "This claim was corrected and sent again already. Go back to"
                                " your progress page."
                              : "Only a rejected claim is corrected and sent again. Go back"
                                " to your progress page.");
    }
    status = prefill_claim(request, &claim);
    return status == CT_OK ? claim_page(request, response, NULL) : status;
}
