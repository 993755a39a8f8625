#include "dashboard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/credit.h"
#include "../../store/store_claim_notes.h"
#include "../../store/store_enrolment.h"
#include "../../store/store_learning.h"
#include "../../store/store_progress.h"
#include "../../store/store_record.h"
#include "../../store/store_tracks.h"
#include "../html/chart.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/slim_alert.h"
#include "certificate_files.h"
#include "claim_notes.h"
#include "claims_before_track.h"
#include "enrolment.h"
#include "todo.h"
#include "track.h"
#include "../../core/banned.h"

static void date_text(struct html *h, struct civil_date date)
{
    char text[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(date, text);
    html_text(h, text);
}

const char *page_status_words(enum track_status status)
{
    switch (status) {
    case TRACK_COMPLETE:
        return "Complete: ready for the award";
    case TRACK_IN_PROGRESS:
        return "In progress";
    case TRACK_INELIGIBLE:
        return "Not eligible: a prior certificate is needed";
    case TRACK_EXPIRED:
        return "Past the deadline";
    }
    return "Unknown";
}

/* "N of at most M" self-directed credits, for a program that has a cap. */
static void self_directed_summary(struct html *h, const struct evaluation *evaluation)
{
    const struct kind_rule *rule = &evaluation->program->kinds[ACTIVITY_KIND_SELF_DIRECTED];
    if (!rule->accepted || rule->max_halves <= 0) {
        return;
    }
    html_markup(h, "</dd>\n<dt>Self-directed</dt><dd>");
    html_credits(h, evaluation->self_directed_halves);
    html_markup(h, " of at most ");
    html_credits(h, rule->max_halves);
}

static void progress_summary(struct html *h, const struct track_info *track,
                             const struct evaluation *evaluation)
{
    html_markup(h, "<dl class=\"summary\">\n<dt>Program</dt><dd>");
    html_text(h, evaluation->program->name);
    html_markup(h, "</dd>\n<dt>Started</dt><dd>");
    date_text(h, track->started);
    html_markup(h, "</dd>\n<dt>Status</dt><dd>");
    html_text(h, page_status_words(evaluation->status));
    html_markup(h, "</dd>\n<dt>Credits counted</dt><dd>");
    html_credits(h, evaluation->counted_halves);
    html_markup(h, " of ");
    html_credits(h, evaluation->required_halves);
    self_directed_summary(h, evaluation);
    html_markup(h, "</dd>\n<dt>Deadline</dt><dd>");
    date_text(h, evaluation->deadline);
    html_markup(h, "</dd>\n</dl>\n");
}

void page_category_words(const struct evaluation *evaluation, size_t index, char *out, size_t size)
{
    const struct program_category *category = &evaluation->program->categories[index];
    char counted[CREDIT_TEXT_SIZE];
    char needed[CREDIT_TEXT_SIZE];
    credit_format(evaluation->category_counted_halves[index], counted);
    credit_format(category->minimum_halves, needed);
    const char *unit = evaluation->category_counted_halves[index] == 2 ? "credit" : "credits";
    if (category->minimum_halves <= 0) {
        snprintf(out, size, "%s: %s %s counted (no minimum)", category->name, counted, unit);
    } else if (evaluation->category_counted_halves[index] >= category->minimum_halves) {
        snprintf(out, size, "%s: %s %s counted of the %s needed, enough", category->name, counted,
                 unit, needed);
    } else {
        snprintf(out, size, "%s: %s %s counted of the %s needed", category->name, counted, unit,
                 needed);
    }
}

/* Each category of the program with what counts in it and what it needs (nothing when
 * the program has no categories). */
static void category_progress(struct html *h, const struct evaluation *evaluation)
{
    if (evaluation->program->category_count == 0) {
        return;
    }
    html_markup(h, "<h2 id=\"category-progress\">Credits by category</h2>\n"
                   "<ul class=\"usa-list category-progress\">\n");
    for (size_t i = 0; i < evaluation->program->category_count; i++) {
        char words[300];
        page_category_words(evaluation, i, words, sizeof words);
        html_markup(h, "<li>");
        html_text(h, words);
        html_markup(h, "</li>\n");
    }
    html_markup(h, "</ul>\n");
}

/* The link to the page where the learner does what a blocking item asks. */
static void blocking_next_step(struct html *h, enum blocking_code code)
{
    switch (code) {
    case BLOCKING_CREDITS_SHORT:
    case BLOCKING_CATEGORY_SHORT:
        html_markup(h, " <a href=\"/activities/new\">Claim an activity</a>");
        return;
    case BLOCKING_PLAN_MISSING:
        html_markup(h, " <a href=\"/plan\">Write your plan</a>");
        return;
    case BLOCKING_PLAN_NOT_APPROVED:
        html_markup(h, " <a href=\"/plan\">See your plan</a>");
        return;
    case BLOCKING_FINAL_REPORT_MISSING:
        html_markup(h, " <a href=\"/report\">Write your final report</a>");
        return;
    case BLOCKING_FINAL_REPORT_NOT_ACCEPTED:
        html_markup(h, " <a href=\"/report\">See your final report</a>");
        return;
    case BLOCKING_NO_PRIOR_CERTIFICATE:
    case BLOCKING_TRACK_EXPIRED:
        return;
    }
}

static void blocking_list(struct html *h, const struct evaluation *evaluation, bool own)
{
    if (evaluation->blocking_count == 0 && own) {
        html_markup(h, "<p>Nothing stands in the way of your certificate.</p>\n");
        return;
    }
    if (evaluation->blocking_count == 0) {
        html_markup(h, "<p>Nothing stands in the way of the certificate.</p>\n");
        return;
    }
    html_markup(h, "<h2>What is still needed</h2>\n<ul>\n");
    for (size_t i = 0; i < evaluation->blocking_count; i++) {
        const struct blocking_item *item = &evaluation->blocking[i];
        html_markup(h, "<li>");
        html_text(h, blocking_description(item->code));
        if (item->code == BLOCKING_CATEGORY_SHORT) {
            html_markup(h, " (");
            html_text(h, evaluation->program->categories[item->category].name);
            html_markup(h, ")");
        }
        if (own) {
            blocking_next_step(h, item->code);
        }
        html_markup(h, "</li>\n");
    }
    html_markup(h, "</ul>\n");
}

/* A cell of a table that stacks into label: value lines on a phone (usa-table--stacked). */
static void stacked_cell(struct html *h, const char *label, bool number)
{
    html_markup(h, "<td data-label=\"");
    html_text(h, label);
    if (number) {
        html_markup(h, "\" class=\"number\">");
    } else {
        html_markup(h, "\">");
    }
}

static void text_cell(struct html *h, const char *label, const char *text)
{
    stacked_cell(h, label, false);
    html_text(h, text);
    html_markup(h, "</td>");
}

static void credits_cell(struct html *h, const char *label, int64_t halves)
{
    stacked_cell(h, label, true);
    html_credits(h, halves);
    html_markup(h, "</td>");
}

/* The learner's button that withdraws a pending claim (POST /activities/{id}/withdraw). */
/* The Why cell: the engine's reason, the verifier's words for a rejected claim, and for
 * its own learner the way to withdraw a pending one. */
static void why_cell(struct web_request *request, struct html *h, const char *title,
                     const struct activity_result *result, const struct claim_note *note, bool own)
{
    stacked_cell(h, "Why", false);
    html_text(h, reason_description(result->reason));
    if (note != NULL && strcmp(note->status, "rejected") == 0 && note->reason[0] != '\0') {
        html_markup(h, " <span class=\"claim-reason\">Reason given: ");
        html_text(h, note->reason);
        html_markup(h, "</span>");
    }
    if (note != NULL && own && strcmp(note->status, "pending") == 0) {
        page_claim_withdraw_button(h, request->csrf, title, note->id);
    }
    page_claim_links(h, note, title, own);
    html_markup(h, "</td>");
}

/* The activity's category in words, or "None" when it has none. */
static const char *activity_category_words(const struct evaluation *evaluation,
                                           const struct activity *activity)
{
    if (activity->category < 0 ||
        (size_t)activity->category >= evaluation->program->category_count) {
        return "None";
    }
    return evaluation->program->categories[activity->category].name;
}

static void activity_row(struct web_request *request, struct html *h, const char *title,
                         const struct activity *activity, const struct evaluation *evaluation,
                         const struct activity_result *result, const struct claim_note *note,
                         bool own)
{
    const char *shown = title != NULL ? title : activity->id;
    html_markup(h, "<tr>");
    text_cell(h, "Activity", shown);
    stacked_cell(h, "Date", false);
    date_text(h, activity->date);
    html_markup(h, "</td>");
    text_cell(h, "Kind", activity_kind_label(activity->kind));
    if (evaluation->program->category_count > 0) {
        text_cell(h, "Category", activity_category_words(evaluation, activity));
    }
    text_cell(h, "Status", activity_status_name(activity->status));
    credits_cell(h, "Worth", result->credit_halves);
    credits_cell(h, "Counted", result->counted_halves);
    why_cell(request, h, shown, result, note, own);
    html_markup(h, "</tr>\n");
}

static void activity_table(struct web_request *request, struct html *h,
                           struct learner_record *record, const struct evaluation *evaluation,
                           int64_t person_id, bool own)
{
    if (record->activity_count == 0 && own) {
        html_markup(h, "<h2 id=\"your-activities\">Your activities</h2>\n<p>No activity counts "
                       "toward this track yet."
                       " <a href=\"/activities/new\">Claim an activity</a> once it has taken"
                       " place.</p>\n");
        return;
    }
    if (record->activity_count == 0) {
        html_markup(h, "<h2>Activities</h2>\n<p>No activity counts toward this track yet.</p>\n");
        return;
    }
    const char **titles = NULL;
    struct ct_err err = {0};
    struct store_rows notes = {.size = sizeof(struct claim_note)};
    html_fail(h, store_activity_titles(request->store, person_id, record, &titles, &err));
    html_fail(h, store_claim_notes(request->store, person_id, &notes, &err));
    if (own) {
        html_markup(h, "<h2 id=\"your-activities\">Your activities</h2>\n");
    } else {
        html_markup(h, "<h2>Activities</h2>\n");
    }
    html_markup(h, "<table class=\"usa-table usa-table--borderless"
                   " usa-table--stacked\">\n<caption>Each activity and what counts from it today"
                   "</caption>\n<thead><tr><th scope=\"col\">Activity</th><th scope=\"col\">Date"
                   "</th><th scope=\"col\">Kind</th>");
    if (evaluation->program->category_count > 0) {
        html_markup(h, "<th scope=\"col\">Category</th>");
    }
    html_markup(h, "<th scope=\"col\">Status</th>"
                   "<th scope=\"col\" class=\"number\">Worth</th><th scope=\"col\" "
                   "class=\"number\">Counted</th><th scope=\"col\">Why</th>"
                   "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; titles != NULL && i < record->activity_count; i++) {
        activity_row(request, h, titles[i], &record->activities[i], evaluation,
                     &evaluation->activities[i],
                     store_claim_note_find(&notes, record->activities[i].id), own);
    }
    html_markup(h, "</tbody>\n</table>\n");
    store_rows_release(&notes);
}

/* The links of one certificate: its public check for anyone who sees the row, and its
 * documents for its holder. */
static void certificate_links(struct html *h, const struct held_certificate *held, bool own)
{
    stacked_cell(h, "Documents", false);
    html_markup(h, "<ul class=\"usa-list usa-list--unstyled\">");
    if (own && h->status == CT_OK) {
        certificate_files_list(h, held->id, civil_date_is_set(held->revoked));
    }
    html_markup(h, "<li><a href=\"/verify/");
    html_text(h, held->verification_code);
    html_markup(h, "\">Public check</a></li></ul></td>");
}

/* "valid", "expired" (on or after valid until) or "revoked YYYY-MM-DD". */
static void certificate_state(struct html *h, const struct held_certificate *held,
                              struct civil_date today)
{
    stacked_cell(h, "State", false);
    if (civil_date_is_set(held->revoked)) {
        html_markup(h, "revoked ");
        date_text(h, held->revoked);
    } else if (civil_date_compare(held->valid_until, today) <= 0) {
        html_markup(h, "expired");
    } else {
        html_markup(h, "valid");
    }
    html_markup(h, "</td>");
}

static void certificate_row(struct web_request *request, struct html *h,
                            const struct held_certificate *held, bool own)
{
    html_markup(h, "<tr>");
    text_cell(h, "Number", held->number);
    text_cell(h, "Program", program_set_name(request->config->programs, held->program));
    stacked_cell(h, "Issued", false);
    date_text(h, held->issued);
    html_markup(h, "</td>");
    stacked_cell(h, "Valid until", false);
    date_text(h, held->valid_until);
    html_markup(h, "</td>");
    certificate_state(h, held, request->today);
    certificate_links(h, held, own);
    html_markup(h, "</tr>\n");
}

/* The certificates the person holds, newest first (nothing when none). */
static void certificates_table(struct web_request *request, struct html *h, int64_t person_id,
                               bool own)
{
    struct held_certificate *held = NULL;
    size_t count = 0;
    struct ct_err err = {0};
    html_fail(h, store_certificates_held(request->store, person_id, &held, &count, &err));
    if (count > 0 && own) {
        html_markup(h, "<h2>Your certificates</h2>\n");
    } else if (count > 0) {
        html_markup(h, "<h2>Certificates</h2>\n");
    }
    if (count > 0) {
        html_markup(h, "<table class=\"usa-table usa-table--borderless usa-table--stacked\">\n"
                       "<thead><tr><th scope=\"col\">Number</th><th scope=\"col\">Program</th>"
                       "<th scope=\"col\">Issued</th><th scope=\"col\">Valid until</th>"
                       "<th scope=\"col\">State</th><th scope=\"col\">Documents</th></tr>"
                       "</thead>\n<tbody>\n");
    }
    for (size_t i = 0; i < count; i++) {
        certificate_row(request, h, &held[i], own);
    }
    if (count > 0) {
        html_markup(h, "</tbody>\n</table>\n");
    }
    free(held);
}

/* The comment of the latest plan version when the library returned it (a draft that
 * carries a comment). */
static void returned_plan(struct web_request *request, struct html *h, int64_t track_id)
{
    struct learning_plan plan;
    memset(&plan, 0, sizeof plan);
    struct ct_err err = {0};
    html_fail(h,
              store_learning_plan_of_track(request->store, track_id, &request->arena, &plan, &err));
    if (html_status(h) != CT_OK || plan.version_count == 0) {
        return;
    }
    const struct learning_version *latest = &plan.versions[plan.version_count - 1];
    if (strcmp(latest->state, "draft") != 0 || latest->comment == NULL ||
        latest->comment[0] == '\0') {
        return;
    }
    html_slim_warning_begin(h);
    html_markup(h, "Your library returned your plan with this comment: ");
    html_text(h, latest->comment);
    html_markup(h, " <a href=\"/plan\">Change your plan</a>");
    html_slim_alert_end(h);
}

/* The comment the State Library returned the final report with, while it is a draft
 * again. */
static void returned_report(struct web_request *request, struct html *h, int64_t track_id)
{
    struct report_view view;
    bool found = false;
    struct ct_err err = {0};
    html_fail(h, store_report_view(request->store, track_id, &view, &found, &err));
    if (html_status(h) == CT_OK && found && view.state != NULL &&
        strcmp(view.state, "draft") == 0 && view.comment != NULL && view.comment[0] != '\0') {
        html_slim_warning_begin(h);
        html_markup(h, "The State Library returned your final report with this comment: ");
        html_text(h, view.comment);
        html_markup(h, " <a href=\"/report\">Change your final report</a>");
        html_slim_alert_end(h);
    }
    store_report_view_release(&view);
}

/* The evaluated track: summary, chart, blocking list, award request, activities. */
static void track_progress(struct web_request *request, struct html *h,
                           const struct track_info *track, int64_t person_id, bool own)
{
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    struct ct_err err = {0};
    html_fail(h, store_record_evaluate(request->store, track->id, request->today, &record,
                                       &evaluation, &err));
    if (h->status == CT_OK && own) {
        returned_plan(request, h, track->id);
        returned_report(request, h, track->id);
    }
    if (h->status == CT_OK) {
        progress_summary(h, track, evaluation);
        category_progress(h, evaluation);
        html_fail(h, chart_progress_svg(h->out, record, evaluation, request->today));
        blocking_list(h, evaluation, own);
    }
    if (h->status == CT_OK && own) {
        track_award_block(request, h, track, evaluation);
    }
    if (h->status == CT_OK) {
        activity_table(request, h, record, evaluation, person_id, own);
        page_claims_before_track(request, h, record, person_id, own);
    }
    evaluation_free(evaluation);
    record_free(record);
}

/* The address of person_id's progress page (own: the dashboard) showing track_id. */
static void track_link(struct html *h, int64_t person_id, bool own, int64_t track_id)
{
    char href[96];
    if (own) {
        snprintf(href, sizeof href, "/?track=%lld", (long long)track_id);
    } else {
        snprintf(href, sizeof href, "/people/%lld?track=%lld", (long long)person_id,
                 (long long)track_id);
    }
    html_text(h, href);
}

/* One open track's row: its program (a link to its progress), start, status, credits
 * and deadline. */
static void open_track_row(struct web_request *request, struct html *h,
                           const struct track_row *track, bool own, bool shown)
{
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    struct ct_err err = {0};
    html_fail(h, store_record_evaluate(request->store, track->id, request->today, &record,
                                       &evaluation, &err));
    if (h->status != CT_OK) {
        return;
    }
    html_markup(h, "<tr><th scope=\"row\" data-label=\"Program\"><a href=\"");
    track_link(h, track->person_id, own, track->id);
    if (shown) {
        html_markup(h, "\" aria-current=\"true\">");
    } else {
        html_markup(h, "\">");
    }
    html_text(h, evaluation->program->name);
    html_markup(h, "</a></th>");
    stacked_cell(h, "Started", false);
    date_text(h, track->started);
    html_markup(h, "</td>");
    text_cell(h, "Status", page_status_words(evaluation->status));
    stacked_cell(h, "Credits counted", true);
    html_credits(h, evaluation->counted_halves);
    html_markup(h, " of ");
    html_credits(h, evaluation->required_halves);
    html_markup(h, "</td>");
    stacked_cell(h, "Deadline", false);
    date_text(h, evaluation->deadline);
    html_markup(h, "</td></tr>\n");
    evaluation_free(evaluation);
    record_free(record);
}

/* Every open track, when there is more than one: each counts the activities its rules
 * accept. */
static void open_tracks_table(struct web_request *request, struct html *h,
                              const struct store_rows *rows, bool own, int64_t shown)
{
    const struct track_row *tracks = rows->items;
    size_t open = 0;
    for (size_t i = 0; i < rows->count; i++) {
        open += store_track_state_open(tracks[i].state) ? 1 : 0;
    }
    if (open < 2) {
        return;
    }
    if (own) {
        html_markup(h, "<h2>Your open tracks</h2>\n");
    } else {
        html_markup(h, "<h2>Open tracks</h2>\n");
    }
    html_markup(h, "<p>An activity counts toward each open track whose rules accept it."
                   " Choose a track to see its progress.</p>\n"
                   "<table class=\"usa-table usa-table--borderless usa-table--stacked\">\n"
                   "<thead><tr><th scope=\"col\">Program</th><th scope=\"col\">Started</th>"
                   "<th scope=\"col\">Status</th><th scope=\"col\" class=\"number\">Credits"
                   " counted</th><th scope=\"col\">Deadline</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < rows->count; i++) {
        if (store_track_state_open(tracks[i].state)) {
            open_track_row(request, h, &tracks[i], own, tracks[i].id == shown);
        }
    }
    html_markup(h, "</tbody>\n</table>\n");
}

/* The track ?track= names among the person's, else the first (the most recently started
 * open one); NULL when the person has none. */
static const struct track_row *chosen_track(struct web_request *request,
                                            const struct store_rows *rows)
{
    const struct track_row *tracks = rows->items;
    const char *wanted = web_query_value(request, "track");
    long long id = wanted != NULL ? strtoll(wanted, NULL, 10) : 0;
    for (size_t i = 0; id > 0 && i < rows->count; i++) {
        if (tracks[i].id == id) {
            return &tracks[i];
        }
    }
    return rows->count > 0 ? &tracks[0] : NULL;
}

bool page_award_is_recent(struct civil_date issued, struct civil_date revoked,
                          struct civil_date today)
{
    if (civil_date_is_set(revoked) || civil_date_compare(issued, today) > 0) {
        return false;
    }
    return civil_date_compare(today, civil_date_add_days(issued, PAGE_CONGRATULATION_DAYS)) < 0;
}

/* What follows the award: the successor's open track (a link to its progress), else how
 * to choose one. */
static void next_track_words(struct web_request *request, struct html *h,
                             const struct store_rows *rows, const struct held_certificate *held)
{
    const struct program *awarded = program_set_find(request->config->programs, held->program);
    const char *successor = awarded != NULL ? awarded->successor : NULL;
    const struct track_row *tracks = rows->items;
    for (size_t i = 0; successor != NULL && i < rows->count; i++) {
        if (store_track_state_open(tracks[i].state) && strcmp(tracks[i].program, successor) == 0) {
            html_markup(h, "<p>Your next track, ");
            html_text(h, program_set_name(request->config->programs, successor));
            html_markup(h, ", has begun. <a href=\"");
            track_link(h, tracks[i].person_id, true, tracks[i].id);
            html_markup(h, "\">See its progress</a>.</p>\n");
            return;
        }
    }
    if (successor != NULL) {
        html_markup(h, "<p>The program that follows is ");
        html_text(h, program_set_name(request->config->programs, successor));
        html_markup(h, ": <a href=\"/tracks/new\">start its track</a>.</p>\n");
    } else {
        html_markup(h, "<p><a href=\"/tracks/new\">Choose your next track</a>.</p>\n");
    }
}

/* A word of congratulation after a recent award (page_award_is_recent), with the
 * certificate's links and the next track. */
static void congratulation(struct web_request *request, struct html *h,
                           const struct store_rows *rows, int64_t person_id)
{
    struct held_certificate *held = NULL;
    size_t count = 0;
    struct ct_err err = {0};
    html_fail(h, store_certificates_held(request->store, person_id, &held, &count, &err));
    if (h->status == CT_OK && count > 0 &&
        page_award_is_recent(held[0].issued, held[0].revoked, request->today)) {
        html_markup(h, "<section class=\"usa-summary-box congratulation\" aria-labelledby=\""
                       "congratulation-heading\"><div class=\"usa-summary-box__body\">"
                       "<h2 class=\"usa-summary-box__heading\" id=\"congratulation-heading\">"
                       "Congratulations!</h2>\n<p>You were awarded the ");
        html_text(h, program_set_name(request->config->programs, held[0].program));
        html_markup(h, " certificate (number ");
        html_text(h, held[0].number);
        html_markup(h, ") on ");
        date_text(h, held[0].issued);
        html_markup(h, ".</p>\n<ul class=\"usa-list\"><li><a href=\"/verify/");
        html_text(h, held[0].verification_code);
        html_markup(h, "\">Its public check</a>, to show anyone it is valid</li>");
        certificate_files_list(h, held[0].id, false);
        html_markup(h, "</ul>\n");
        next_track_words(request, h, rows, &held[0]);
        html_markup(h, "</div></section>\n");
    }
    free(held);
}

/* Where someone who may enrol the person, or withdraw their tracks, does so. */
static void manage_link(struct web_request *request, struct html *h, int64_t person_id, bool own)
{
    if (own || (request->roles & (ROLE_CE_COORDINATOR | ROLE_LIBRARY_ADMINISTRATOR)) == 0) {
        return;
    }
    char href[64];
    snprintf(href, sizeof href, "/people/%lld/tracks/new", (long long)person_id);
    html_markup(h, "<p><a href=\"");
    html_text(h, href);
    html_markup(h, "\">Enrol in a track, or withdraw one</a></p>\n");
}

static void not_enrolled(struct html *h, bool own)
{
    if (own) {
        html_markup(h, "<p>You are not enrolled in a certification track.</p>\n"
                       "<p><a href=\"/tracks/new\">Choose a track</a> from the programs open to"
                       " you.</p>\n");
    } else {
        html_markup(h, "<p>Not enrolled in a certification track.</p>\n");
    }
}

void page_progress(struct web_request *request, struct html *h, int64_t person_id, bool own)
{
    struct store_rows rows = {.size = sizeof(struct track_row)};
    struct ct_err err = {0};
    html_fail(h, store_track_rows(request->store, person_id, &rows, &err));
    const struct track_row *chosen = h->status == CT_OK ? chosen_track(request, &rows) : NULL;
    if (h->status == CT_OK && own) {
        congratulation(request, h, &rows, person_id);
    }
    if (h->status == CT_OK && chosen == NULL) {
        not_enrolled(h, own);
    }
    if (chosen != NULL) {
        open_tracks_table(request, h, &rows, own, chosen->id);
        struct track_info track = {.id = chosen->id,
                                   .person_id = chosen->person_id,
                                   .started = chosen->started,
                                   .deadline = chosen->deadline,
                                   .previous_track_id = chosen->previous_track_id};
        snprintf(track.program, sizeof track.program, "%s", chosen->program);
        snprintf(track.state, sizeof track.state, "%s", chosen->state);
        track_progress(request, h, &track, person_id, own);
        if (own) {
            track_withdraw_form(request, h, chosen->id, chosen->state);
        }
        certificates_table(request, h, person_id, own);
    }
    if (h->status == CT_OK) {
        manage_link(request, h, person_id, own);
    }
    if (h->status == CT_OK && chosen != NULL && own) {
        html_markup(h, "<p><a href=\"/tracks/new\">Choose another track</a>: you may hold"
                       " several at once.</p>\n");
    }
    store_rows_release(&rows);
}

enum ct_status page_dashboard(struct web_request *request, struct web_response *response,
                              int64_t id)
{
    (void)id;
    web_set_title(response, "Your progress");
    struct html h;
    html_start(&h, &response->body);
    page_todo_section(request, &h);
    /* Someone who is not a learner (a coordinator, a consultant) has no progress of
     * their own to show, and no track to choose. */
    if (h.status == CT_OK && (request->roles & ROLE_LEARNER) != 0) {
        page_progress(request, &h, request->person_id, true);
    }
    return html_status(&h);
}
