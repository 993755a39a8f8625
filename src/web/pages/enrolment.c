#include "enrolment.h"

#include <stdio.h>
#include <string.h>

#include "../../actions/tracks.h"
#include "../../core/program_summary.h"
#include "../../store/store_enrolment.h"
#include "../../store/store_people.h"
#include "../../store/store_tracks.h"
#include "../api/api.h"
#include "../html/error_summary.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/layout.h"
#include "../html/notice.h"
#include "../../core/banned.h"

/* What a refused enrolment puts on the page again. */
struct enrolment_form {
    int64_t person_id;                    /* 0: the signed-in person */
    const char *program;                  /* the program whose choice was refused, or NULL */
    const char *start;                    /* as typed */
    const struct action_outcome *outcome; /* NULL: nothing refused */
};

static void summary_list(struct web_request *request, struct html *h, const struct program *program)
{
    struct program_summary summary;
    html_fail(h, program_summary_make(program, request->store->programs, &summary));
    html_markup(h, "<h3>What it asks for</h3>\n<ul class=\"usa-list\">\n");
    for (size_t i = 0; h->status == CT_OK && i < summary.count; i++) {
        html_markup(h, "<li>");
        html_text(h, summary.lines[i]);
        html_markup(h, "</li>\n");
    }
    html_markup(h, "</ul>\n");
}

static void considerations_list(struct html *h, const struct program *program)
{
    if (program->consideration_count == 0) {
        return;
    }
    html_markup(h, "<h3>Before you choose it</h3>\n<p>The State Library asks you to weigh these"
                   " questions, with your library:</p>\n<ul class=\"usa-list\">\n");
    for (size_t i = 0; i < program->consideration_count; i++) {
        html_markup(h, "<li>");
        html_text(h, program->considerations[i]);
        html_markup(h, "</li>\n");
    }
    html_markup(h, "</ul>\n");
}

/* The form's address: /tracks/new, or /people/{id}/tracks/new. */
static void form_action(struct html *h, int64_t person_id)
{
    char action[64];
    if (person_id == 0) {
        snprintf(action, sizeof action, "/tracks/new");
    } else {
        snprintf(action, sizeof action, "/people/%lld/tracks/new", (long long)person_id);
    }
    html_text(h, action);
}

/* The button that chooses the program; for someone else, with the first day. */
static void choose_form(struct web_request *request, struct html *h,
                        const struct enrolment_choice *choice, const struct enrolment_form *form)
{
    bool refused_here = form->program != NULL && strcmp(form->program, choice->program->id) == 0;
    const struct action_fault *start_fault =
        refused_here && form->outcome != NULL ? action_fault_of(form->outcome, "start") : NULL;
    html_markup(h, "<form method=\"post\" class=\"usa-form\" action=\"");
    form_action(h, form->person_id);
    html_markup(h, "\">");
    html_csrf(h, request->csrf);
    html_hidden(h, "program", choice->program->id);
    if (form->person_id != 0) {
        char id[96];
        snprintf(id, sizeof id, "start-%s", choice->program->id);
        html_field(h,
                   &(struct form_field){.id = id,
                                        .name = "start",
                                        .label = "First day of the track",
                                        .hint = "As YYYY-MM-DD; empty for today.",
                                        .error = start_fault != NULL ? start_fault->message : NULL,
                                        .type = "date",
                                        .value = refused_here ? form->start : NULL});
    }
    html_markup(h, "<button type=\"submit\" class=\"usa-button\">Choose ");
    html_text(h, choice->program->name);
    html_markup(h, "</button></form>\n");
}

static void choice_section(struct web_request *request, struct html *h,
                           const struct enrolment_choice *choice, const struct enrolment_form *form)
{
    char words[512];
    tracks_choice_words(choice, request->store->programs, words, sizeof words);
    html_markup(h, "<section class=\"enrolment-choice\">\n<h2>");
    html_text(h, choice->program->name);
    html_markup(h, "</h2>\n");
    if (choice->program->description[0] != '\0') {
        html_markup(h, "<p>");
        html_text(h, choice->program->description);
        html_markup(h, "</p>\n");
    }
    html_markup(h, "<p><strong>Eligibility:</strong> ");
    html_text(h, words);
    html_markup(h, "</p>\n");
    summary_list(request, h, choice->program);
    considerations_list(h, choice->program);
    if (choice->verdict == ENROLMENT_OPEN) {
        choose_form(request, h, choice, form);
    }
    if (choice->verdict == ENROLMENT_ALREADY_OPEN) {
        track_withdraw_form(request, h, choice->open_track_id, "active");
    }
    html_markup(h, "</section>\n");
}

void track_withdraw_form(struct web_request *request, struct html *h, int64_t track_id,
                         const char *state)
{
    if (!store_track_state_open(state)) {
        return;
    }
    char action[64], id[48];
    snprintf(action, sizeof action, "/tracks/%lld/withdraw", (long long)track_id);
    snprintf(id, sizeof id, "reason-%lld", (long long)track_id);
    html_markup(h, "<details class=\"withdraw\"><summary>Withdraw this track</summary>\n"
                   "<form method=\"post\" class=\"usa-form\" action=\"");
    html_text(h, action);
    html_markup(h, "\">");
    html_csrf(h, request->csrf);
    html_field(h, &(struct form_field){.id = id,
                                       .name = "reason",
                                       .label = "Why is the track withdrawn?",
                                       .hint = "Kept with the track. Activities stay in the"
                                               " record and count toward any other open track.",
                                       .control = FORM_TEXTAREA,
                                       .required = true});
    html_markup(h, "<button type=\"submit\" class=\"usa-button usa-button--secondary\">"
                   "Withdraw the track</button></form></details>\n");
}

/* The summary above a refused enrolment: the first day linked to its field when the
 * page shows it (someone else's enrolment in a program offered to them), every other
 * fault (the program, the person) as its message. */
static void refused_summary(struct html *h, const struct enrolment_form *form,
                            const struct enrolment_choices *choices)
{
    const struct enrolment_choice *choice =
        form->program != NULL ? store_enrolment_choice_of(choices, form->program) : NULL;
    bool shown = form->person_id != 0 && choice != NULL && choice->verdict == ENROLMENT_OPEN;
    char id[96];
    snprintf(id, sizeof id, "start-%s", shown ? form->program : "");
    const struct error_summary_field fields[] = {{"start", id, "First day of the track"}};
    html_refused_summary(h, "The track was not started", form->outcome, fields, shown ? 1 : 0);
}

/* The whole page: a refusal first, then every program. */
static enum ct_status choices_page(struct web_request *request, struct web_response *response,
                                   const struct enrolment_form *form)
{
    int64_t person_id = form->person_id != 0 ? form->person_id : request->person_id;
    struct enrolment_choices choices = {0};
    struct ct_err err = {0};
    struct html h;
    html_start(&h, &response->body);
    html_fail(&h, store_enrolment_choices(request->store, person_id, request->today, request->today,
                                          &choices, &err));
    if (form->outcome != NULL) {
        response->status = 400;
        refused_summary(&h, form, &choices);
    }
    html_markup(&h, "<p>A person may hold several open tracks at once: an activity counts"
                    " toward each one whose rules accept it, and once in a chain of tracks.</p>\n");
    for (size_t i = 0; h.status == CT_OK && i < choices.count; i++) {
        choice_section(request, &h, &choices.items[i], form);
    }
    store_enrolment_choices_release(&choices);
    return html_status(&h);
}

enum ct_status page_tracks_new(struct web_request *request, struct web_response *response,
                               int64_t id)
{
    (void)id;
    web_set_title(response, "Choose a track");
    return choices_page(request, response, &(struct enrolment_form){0});
}

/* Enrols person_id (0: the signed-in person) in the form's program. */
static enum ct_status enrol_submit(struct web_request *request, struct web_response *response,
                                   int64_t person_id)
{
    struct track_enrol_input input = {person_id, web_form_value(request, "program"),
                                      web_form_value(request, "start")};
    if (person_id == 0) {
        input.start = NULL; /* a learner's own track starts today */
    }
    struct actor actor = web_actor(request);
    struct track_enrol_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_track_enrol(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT && outcome.refusal == ACTION_NOT_ALLOWED) {
        return page_error(request, response, 403, "Not allowed", outcome.err.message);
    }
    if (status == CT_ERR_INPUT) {
        struct enrolment_form form = {person_id, input.program, input.start, &outcome};
        return choices_page(request, response, &form);
    }
    if (status != CT_OK) {
        return status;
    }
    /* The new track starts today or later: the progress page shows it first. */
    char path[64];
    snprintf(path, sizeof path, "/people/%lld", (long long)person_id);
    notice_redirect(response, person_id == 0 ? "/" : path, "track-enrolled", 0);
    return CT_OK;
}

enum ct_status page_tracks_new_submit(struct web_request *request, struct web_response *response,
                                      int64_t id)
{
    (void)id;
    web_set_title(response, "Choose a track");
    return enrol_submit(request, response, 0);
}

/* The person's name, when the signed-in person may see them; else answers the page. */
static enum ct_status person_for_page(struct web_request *request, struct web_response *response,
                                      int64_t person_id, struct person_roles *person, bool *ok)
{
    *ok = false;
    bool allowed = false, found = false;
    struct ct_err err = {0};
    enum ct_status status = web_may_see_person(request, person_id, &allowed, &err);
    if (status == CT_OK && allowed) {
        status = store_person_get_roles(request->store, person_id, person, &found, &err);
    }
    if (status != CT_OK) {
        return status;
    }
    if (!allowed || !found) {
        return page_not_found(request, response, "person");
    }
    *ok = true;
    web_set_title(response, "Enrol %s in a track", person->name);
    return CT_OK;
}

enum ct_status page_person_tracks_new(struct web_request *request, struct web_response *response,
                                      int64_t id)
{
    struct person_roles person;
    bool ok = false;
    enum ct_status status = person_for_page(request, response, id, &person, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    return choices_page(request, response, &(struct enrolment_form){.person_id = id});
}

enum ct_status page_person_tracks_new_submit(struct web_request *request,
                                             struct web_response *response, int64_t id)
{
    struct person_roles person;
    bool ok = false;
    enum ct_status status = person_for_page(request, response, id, &person, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    return enrol_submit(request, response, id);
}

enum ct_status page_track_withdraw(struct web_request *request, struct web_response *response,
                                   int64_t id)
{
    struct track_withdraw_input input = {id, web_form_value(request, "reason")};
    struct actor actor = web_actor(request);
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_track_withdraw(request->store, &actor, &input, &outcome);
    if (status == CT_ERR_INPUT) {
        unsigned code = outcome.refusal == ACTION_NOT_ALLOWED ? 403
                        : outcome.refusal == ACTION_NOT_FOUND ? 404
                                                              : 400;
        char message[600];
        snprintf(message, sizeof message, "%s%s%s",
                 action_fault_of(&outcome, "reason") != NULL ? "Reason: " : "", outcome.err.message,
                 " Go back to the progress page to try again.");
        return page_error(request, response, code, "Track not withdrawn", message);
    }
    if (status != CT_OK) {
        return status;
    }
    struct track_info track;
    status = store_track_get(request->store, id, &track, &outcome.err);
    char path[64];
    snprintf(path, sizeof path, "/people/%lld", (long long)track.person_id);
    notice_redirect(response, status == CT_OK && track.person_id != request->person_id ? path : "/",
                    "track-withdrawn", 0);
    return status;
}
