#include "review.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../actions/award.h"
#include "../../actions/reports_review.h"
#include "../../core/engine.h"
#include "../../store/store_person_admin.h"
#include "../../store/store_tracks.h"
#include "../../store/store_review.h"
#include "../../store/store_learning.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/notice.h"
#include "../html/paging.h"
#include "plan_view.h"
#include "../../core/banned.h"

/* A cell of a date as YYYY-MM-DD (empty when unset). */
static void date_cell(struct html *h, struct civil_date date)
{
    char text[CIVIL_DATE_TEXT_SIZE] = "";
    if (civil_date_is_set(date)) {
        civil_date_format(date, text);
    }
    paging_write_cell(h, text, false);
}

/* A refused decision: which row's form, what to fix, and what was typed. */
struct review_problem {
    int64_t track;
    const char *form; /* "award" (the track) or "accept-report" (the final report) */
    const char *message;
    const char *comment;
};

/* The two lists of the page: final reports, and tracks sent for the award, each paging
 * on its own (reports_page=, tracks_page=); their columns in the order of the store's
 * enums (store_review.h). */
static const struct paging_column report_columns[STORE_REVIEW_REPORT_COLUMNS] = {
    [STORE_REVIEW_REPORT_SUBMITTED] = {"submitted", "Submitted", false},
};
static const struct paging_list report_list = {report_columns,
                                               STORE_REVIEW_REPORT_COLUMNS,
                                               STORE_REVIEW_REPORT_SUBMITTED,
                                               false,
                                               10,
                                               "final reports",
                                               "final report"};

static const struct paging_column track_columns[STORE_REVIEW_TRACK_COLUMNS] = {
    [STORE_REVIEW_TRACK_NAME] = {"name", "Learner", false},
    [STORE_REVIEW_TRACK_PROGRAM] = {"program", "Program", false},
    [STORE_REVIEW_TRACK_SENT] = {"sent", "Sent on", false},
    [STORE_REVIEW_TRACK_TODAY] = {NULL, "Today", false},
    [STORE_REVIEW_TRACK_COUNTED] = {NULL, "Credits counted", true},
    [STORE_REVIEW_TRACK_DECISION] = {NULL, "Decision", false},
};
static const struct paging_list track_list = {
    track_columns, STORE_REVIEW_TRACK_COLUMNS, STORE_REVIEW_TRACK_SENT, false, 25, "tracks",
    "track"};

/* The decision form of one row: the track id, a comment box and two buttons; the
 * comment box says what to fix when this row's decision was refused. */
static void decision_form(struct web_request *request, struct html *h, int64_t track,
                          const char *accept_action, const char *accept_label,
                          const char *return_action, const struct review_problem *problem)
{
    char id[64];
    snprintf(id, sizeof id, "comment-%s%" PRId64, accept_action, track);
    bool wrong =
        problem != NULL && problem->track == track && strcmp(problem->form, accept_action) == 0;
    html_markup(h, "<form method=\"post\" action=\"/review\">");
    html_csrf(h, request->csrf);
    html_hidden_id(h, "track", track);
    struct form_field comment = {.id = id,
                                 .name = "comment",
                                 .label = "Comment (needed to return)",
                                 .error = wrong ? problem->message : NULL,
                                 .value = wrong ? problem->comment : NULL};
    html_field(h, &comment);
    /* Return comes first: Enter in the comment box presses the first button, and a
     * comment is written to return, never to accept or award. */
    html_markup(h, "<div class=\"actions\"><button type=\"submit\" class=\"usa-button"
                   " usa-button--outline\" name=\"action\" value=\"");
    html_text(h, return_action);
    html_markup(h, "\">Return</button> <button type=\"submit\" class=\"usa-button\""
                   " name=\"action\" value=\"");
    html_text(h, accept_action);
    html_markup(h, "\">");
    html_text(h, accept_label);
    html_markup(h, "</button></div></form>");
}

/* The link to the credits behind track_id: the person's progress on that track. */
static void credits_link(struct html *h, int64_t person_id, int64_t track_id, const char *text)
{
    html_format(h, "<a class=\"usa-link\" href=\"/people/%" PRId64 "?track=%" PRId64 "\">",
                person_id, track_id);
    html_text(h, text);
    html_markup(h, "</a>");
}

/* The plan version a final report answers: the newest approved one, else the newest. */
static const struct learning_version *plan_answered(const struct learning_plan *plan)
{
    const struct learning_version *chosen = NULL;
    for (size_t i = 0; i < plan->version_count; i++) {
        if (chosen == NULL || strcmp(plan->versions[i].state, "approved") == 0 ||
            strcmp(chosen->state, "approved") != 0) {
            chosen = &plan->versions[i];
        }
    }
    return chosen;
}

/* The plan's goals and planned learning, to read beside the reflection. */
static void plan_beside(struct web_request *request, struct html *h, int64_t track_id)
{
    struct learning_plan plan = {0};
    struct ct_err err = {0};
    html_fail(h,
              store_learning_plan_of_track(request->store, track_id, &request->arena, &plan, &err));
    const struct learning_version *version = plan_answered(&plan);
    if (version == NULL) {
        html_markup(h, "<p>This track has no Professional Development Plan.</p>\n");
        return;
    }
    html_format(h, "<p>The plan it answers: version %" PRId64 ", ", version->version);
    html_text(h, strcmp(version->state, "approved") == 0 ? "approved" : version->state);
    if (version->library_signed != NULL) {
        html_markup(h, " (signed for the library on ");
        html_text(h, version->library_signed);
        html_markup(h, ")");
    }
    html_markup(h, ".</p>\n");
    plan_view_contents(h, &plan, version->id);
}

/* A submitted final report: who, which program, when, the reflection itself beside the
 * plan's goals, and the decision. */
static void report_entry(struct web_request *request, struct html *h,
                         const struct store_review_report *report,
                         const struct review_problem *problem)
{
    char submitted[CIVIL_DATE_TEXT_SIZE] = "";
    if (civil_date_is_set(report->submitted)) {
        civil_date_format(report->submitted, submitted);
    }
    html_markup(h, "<section class=\"waiting-plan\" aria-labelledby=\"report-");
    html_int(h, report->track_id);
    html_markup(h, "\"><h3 id=\"report-");
    html_int(h, report->track_id);
    html_markup(h, "\">");
    html_text(h, report->name);
    html_markup(h, "</h3>\n<p>");
    html_text(h, program_set_name(request->config->programs, report->program));
    html_markup(h, ". Submitted ");
    html_text(h, submitted);
    html_markup(h, ". ");
    credits_link(h, report->person_id, report->track_id, "The credits behind this track");
    html_markup(h, ".</p>\n<div class=\"grid-row grid-gap\"><div class=\"tablet:grid-col-6\">"
                   "<h3>The final reflection</h3>\n<p class=\"report\">");
    html_text(h, report->text);
    html_markup(h, "</p></div>\n<div class=\"tablet:grid-col-6\">");
    plan_beside(request, h, report->track_id);
    html_markup(h, "</div></div>\n");
    decision_form(request, h, report->track_id, "accept-report", "Accept", "return-report",
                  problem);
    html_markup(h, "</section>\n");
}

static void reports_section(struct web_request *request, struct html *h,
                            const struct review_problem *problem, struct paging *paging)
{
    struct ct_err err = {0};
    int64_t total = 0;
    html_fail(h, store_review_reports_count(request->store, &total, &err));
    if (!paging_write_heading(h, paging, total, "Final reports to review",
                              "No final report waits for review.")) {
        return;
    }
    struct store_review_report *reports = NULL;
    size_t count = 0;
    struct store_page page = paging_page(paging);
    html_fail(h,
              store_review_reports(request->store, &page, &request->arena, &reports, &count, &err));
    for (size_t i = 0; i < count; i++) {
        report_entry(request, h, &reports[i], problem);
    }
    if (paging->pages > 1) {
        paging_write_nav(h, paging);
    }
}

/* What stands in the way of a track's award, in plain words; "Complete" when nothing. */
static void blocking_words(struct html *h, const struct track_summary *summary)
{
    enum blocking_code codes[64];
    size_t count = track_summary_blocking_codes(summary, codes, sizeof codes / sizeof codes[0]);
    if (count == 0) {
        html_markup(h, "Complete");
    }
    for (size_t i = 0; i < count; i++) {
        if (i > 0) {
            html_markup(h, " ");
        }
        html_text(h, blocking_description(codes[i]));
    }
}

/* One track: its summary as of today (store_review_tracks_on), never evaluated here. */
static void track_row(struct web_request *request, struct html *h,
                      const struct store_review_track *track, const struct review_problem *problem)
{
    html_markup(h, "<tr><td>");
    credits_link(h, track->person_id, track->track_id, track->name);
    html_markup(h, "</td>");
    paging_write_cell(h, program_set_name(request->config->programs, track->program), false);
    date_cell(h, track->sent);
    html_markup(h, "<td>");
    blocking_words(h, &track->summary);
    html_markup(h, "</td><td class=\"number\">");
    html_credits(h, track->summary.counted_halves);
    html_markup(h, " of ");
    html_credits(h, track->summary.required_halves);
    html_markup(h, "</td><td>");
    decision_form(request, h, track->track_id, "award", "Award", "return-track", problem);
    html_markup(h, "</td></tr>\n");
}

static void tracks_table(struct web_request *request, struct html *h,
                         const struct review_problem *problem, struct paging *paging)
{
    struct ct_err err = {0};
    int64_t total = 0;
    html_fail(h, store_review_tracks_count(request->store, &total, &err));
    if (!paging_write_heading(h, paging, total, "Tracks submitted for the award",
                              "No track waits for the award.")) {
        return;
    }
    struct store_review_track *tracks = NULL;
    size_t count = 0;
    struct store_page page = paging_page(paging);
    html_fail(h, store_review_tracks_on(request->store, request->today, &page, &request->arena,
                                        &tracks, &count, &err));
    html_markup(h, "<table class=\"usa-table usa-table--borderless\">\n");
    paging_write_head(h, paging);
    html_markup(h, "<tbody>\n");
    for (size_t i = 0; i < count && html_status(h) == CT_OK; i++) {
        track_row(request, h, &tracks[i], problem);
    }
    html_markup(h, "</tbody>\n</table>\n");
    if (paging->pages > 1) {
        paging_write_nav(h, paging);
    }
}

/* The refusal above the lists. When a field says what is wrong, it is the one alert;
 * this box only points to it. */
static void message_alert(struct html *h, const char *message, bool beside_field)
{
    if (beside_field) {
        html_markup(h, "<div class=\"usa-alert usa-alert--error usa-alert--slim\">"
                       "<div class=\"usa-alert__body\"><p class=\"usa-alert__text\">");
    } else {
        html_markup(h, "<div class=\"usa-alert usa-alert--error usa-alert--slim\" role=\"alert\">"
                       "<div class=\"usa-alert__body\"><p class=\"usa-alert__text\">");
    }
    html_text(h, message);
    html_markup(h, "</p></div></div>\n");
}

static enum ct_status review_page(struct web_request *request, struct web_response *response,
                                  const char *message, const struct review_problem *problem)
{
    web_set_title(response, "Review and award");
    struct html h;
    html_start(&h, &response->body);
    if (message != NULL) {
        message_alert(&h, message, problem != NULL);
    }
    struct paging reports, tracks;
    paging_from_request_prefixed(&reports, &report_list, request, "reports_");
    paging_from_request_prefixed(&tracks, &track_list, request, "tracks_");
    /* Each list's links keep where the other list is. */
    static const char *const kept[] = {"reports_page", "reports_sort", "reports_dir",
                                       "tracks_page",  "tracks_sort",  "tracks_dir"};
    for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
        const char *value = web_query_value(request, kept[i]);
        if (value != NULL) {
            paging_keep(i < 3 ? &tracks : &reports, kept[i], value);
        }
    }
    reports_section(request, &h, problem, &reports);
    tracks_table(request, &h, problem, &tracks);
    return html_status(&h);
}

enum ct_status page_review(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    return review_page(request, response, NULL, NULL);
}

/* ---- the decisions ---- */

enum review_decision { DECISION_AWARD, DECISION_RETURN_TRACK, DECISION_ACCEPT, DECISION_RETURN };

static const char *const decisions[] = {
    [DECISION_AWARD] = "award",
    [DECISION_RETURN_TRACK] = "return-track",
    [DECISION_ACCEPT] = "accept-report",
    [DECISION_RETURN] = "return-report",
};

/* The decision named action; false when it names none. */
static bool decision_of(const char *action, enum review_decision *decision)
{
    for (size_t i = 0; action != NULL && i < sizeof decisions / sizeof decisions[0]; i++) {
        if (strcmp(action, decisions[i]) == 0) {
            *decision = (enum review_decision)i;
            return true;
        }
    }
    return false;
}

/* Runs the decision's action on track as the signed-in coordinator. */
static enum ct_status decide(struct web_request *request, enum review_decision decision,
                             int64_t track, const char *comment, struct award_result *result,
                             struct action_outcome *outcome)
{
    struct actor actor = web_actor(request);
    switch (decision) {
    case DECISION_AWARD:
        return action_track_award(request->store, &actor, &(struct track_award_input){track},
                                  result, outcome);
    case DECISION_RETURN_TRACK:
        return action_track_return(request->store, &actor,
                                   &(struct track_return_input){track, comment}, outcome);
    case DECISION_ACCEPT:
        return action_report_accept(request->store, &actor, &(struct report_accept_input){track},
                                    outcome);
    case DECISION_RETURN:
        break;
    }
    return action_report_return(request->store, &actor,
                                &(struct report_return_input){track, comment}, outcome);
}

/* Where the page goes after a decision made. */
static void decided(struct web_response *response, enum review_decision decision,
                    const struct award_result *result)
{
    static const char *const notices[] = {
        [DECISION_RETURN_TRACK] = "track-returned",
        [DECISION_ACCEPT] = "report-accepted",
        [DECISION_RETURN] = "report-returned",
    };
    if (decision == DECISION_AWARD) {
        notice_redirect_award(response, "/review", result->number);
    } else {
        notice_redirect(response, "/review", notices[decision], 0);
    }
}

/* The page again after a refused decision (400): the comment box of its row says what
 * to fix, or the alert says why. */
static enum ct_status refused(struct web_request *request, struct web_response *response,
                              enum review_decision decision, int64_t track, const char *comment,
                              const struct action_outcome *outcome)
{
    response->status = 400;
    const struct action_fault *fault = action_fault_of(outcome, "comment");
    if (fault == NULL) {
        return review_page(request, response, outcome->err.message, NULL);
    }
    bool report = decision == DECISION_ACCEPT || decision == DECISION_RETURN;
    struct review_problem problem = {track, report ? "accept-report" : "award", fault->message,
                                     comment};
    return review_page(request, response, "The decision was not saved: see the comment box.",
                       &problem);
}

/* What a confirmed award or acceptance does, in words, for the track's learner (name)
 * and program. */
static void confirm_words(struct html *h, enum review_decision decision, const char *name,
                          const char *program)
{
    if (decision == DECISION_AWARD) {
        html_markup(h, "<p>The certificate of ");
        html_text(h, program);
        html_markup(h, " is issued to ");
        html_text(h, name);
        html_markup(h, " today: it gets its number, its documents and its credential, the"
                       " track is closed as certified, the next track starts when the program"
                       " has one, and the learner is told. An award is not undone: a"
                       " certificate issued in error can only be revoked.</p>\n");
        return;
    }
    html_markup(h, "<p>The final report of ");
    html_text(h, name);
    html_markup(h, " (");
    html_text(h, program);
    html_markup(h, ") is accepted: it can no longer be returned, and it no longer stands in"
                   " the way of the award. The learner sees it on their progress page.</p>\n");
}

/* The page that asks before an award or an acceptance: what will happen, and the same
 * decision with confirm=yes. */
static enum ct_status confirm_page(struct web_request *request, struct web_response *response,
                                   enum review_decision decision, int64_t track_id)
{
    struct track_info track;
    struct person_view person;
    bool found = false;
    struct ct_err err = {0};
    enum ct_status status = store_track_get(request->store, track_id, &track, &err);
    if (status == CT_OK) {
        status = store_person_get(request->store, track.person_id, &person, &found, &err);
    }
    if (status != CT_OK || !found) {
        response->status = 400;
        return review_page(request, response, "There is no such track.", NULL);
    }
    bool award = decision == DECISION_AWARD;
    web_set_title(response, award ? "Award this certificate?" : "Accept this final report?");
    struct html h;
    html_start(&h, &response->body);
    confirm_words(&h, decision, person.name,
                  program_set_name(request->config->programs, track.program));
    html_markup(&h, "<form method=\"post\" action=\"/review\" class=\"usa-form\">\n");
    html_csrf(&h, request->csrf);
    html_hidden_id(&h, "track", track_id);
    html_hidden(&h, "action", decisions[decision]);
    html_hidden(&h, "confirm", "yes");
    if (award) {
        html_markup(&h, "<div class=\"actions\"><button type=\"submit\" class=\"usa-button\">"
                        "Award the certificate</button>");
    } else {
        html_markup(&h, "<div class=\"actions\"><button type=\"submit\" class=\"usa-button\">"
                        "Accept the final report</button>");
    }
    html_markup(&h, " <a class=\"usa-button usa-button--outline\" href=\"/review\">Back to"
                    " the review</a></div>\n</form>\n");
    return html_status(&h);
}

/* Whether the decision asks first: an award and an acceptance are not undone. */
static bool asks_first(const struct web_request *request, enum review_decision decision)
{
    const char *confirm = web_form_value(request, "confirm");
    bool confirmed = confirm != NULL && strcmp(confirm, "yes") == 0;
    return !confirmed && (decision == DECISION_AWARD || decision == DECISION_ACCEPT);
}

enum ct_status page_review_submit(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    (void)id;
    enum review_decision decision = DECISION_AWARD;
    const char *comment = web_form_value(request, "comment");
    const char *track_text = web_form_value(request, "track");
    int64_t track = track_text != NULL ? strtoll(track_text, NULL, 10) : 0;
    if (!decision_of(web_form_value(request, "action"), &decision) || track <= 0) {
        response->status = 400;
        return review_page(request, response, "Choose a decision for one of the rows.", NULL);
    }
    if (asks_first(request, decision)) {
        return confirm_page(request, response, decision, track);
    }
    struct award_result result = {0};
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = decide(request, decision, track, comment, &result, &outcome);
    if (status == CT_ERR_INPUT) {
        return refused(request, response, decision, track, comment, &outcome);
    }
    if (status != CT_OK) {
        return status;
    }
    decided(response, decision, &result);
    return CT_OK;
}
