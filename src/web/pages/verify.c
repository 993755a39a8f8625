#include "verify.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../actions/claims.h"
#include "../../core/credit.h"
#include "../../store/store_claim_versions.h"
#include "../../store/store_learning.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/list_filter.h"
#include "../html/notice.h"
#include "../html/paging.h"
#include "../html/slim_alert.h"
#include "claim_notes.h"
#include "proofs.h"
#include "../../core/banned.h"

/* The columns in the order of the store's (verify_queue_column); the store sorts. */
static const struct paging_column queue_columns[VERIFY_QUEUE_COLUMNS] = {
    [VERIFY_QUEUE_SELECT] = {NULL, "Select", false},
    [VERIFY_QUEUE_LEARNER] = {"learner", "Learner", false},
    [VERIFY_QUEUE_DATE] = {"date", "Date", false},
    [VERIFY_QUEUE_KIND] = {"kind", "Kind", false},
    [VERIFY_QUEUE_TITLE] = {"title", "Title", false},
    [VERIFY_QUEUE_CLAIMED] = {"claimed", "Claimed", false},
};

static const struct paging_list queue_list = {
    queue_columns, VERIFY_QUEUE_COLUMNS, VERIFY_QUEUE_DATE, false, 50, "claims", "claim"};

/* What the claim says it is worth, as the learner entered it. */
static void claimed_amount(const struct learning_activity *claim, char *out, size_t size)
{
    char credits[CREDIT_TEXT_SIZE];
    if (claim->credit_halves > 0) {
        credit_format(claim->credit_halves, credits);
        snprintf(out, size, "%s credits", credits);
    } else if (claim->semester_halves > 0) {
        credit_format(claim->semester_halves, credits);
        snprintf(out, size, "%s semester credits", credits);
    } else if (claim->quarter_halves > 0) {
        credit_format(claim->quarter_halves, credits);
        snprintf(out, size, "%s quarter credits", credits);
    } else {
        /* Time, as the learner entered it (hours), and the plan item it carries out. */
        int64_t minutes = claim->minutes;
        const char *item = claim->plan_item != NULL ? claim->plan_item : "";
        char time[64];
        if (minutes % 60 == 0) {
            snprintf(time, sizeof time, "%" PRId64 " hour%s", minutes / 60,
                     minutes == 60 ? "" : "s");
        } else {
            snprintf(time, sizeof time, "%" PRId64 " h %" PRId64 " min", minutes / 60,
                     minutes % 60);
        }
        snprintf(out, size, "%s%s%s", time, item[0] != '\0' ? ", plan item " : "", item);
    }
}

/* The ids of the claims the form selected (at most ACTION_IDS_MAX kept; a count past it
 * says that more were sent). */
static void selected_ids(const struct web_request *request, struct action_ids *ids)
{
    ids->count = 0;
    for (size_t i = 0; i < request->form.count && ids->count <= ACTION_IDS_MAX; i++) {
        if (strcmp(request->form.names[i], "activity") != 0) {
            continue;
        }
        if (ids->count < ACTION_IDS_MAX) {
            ids->ids[ids->count] = strtoll(request->form.values[i], NULL, 10);
        }
        ids->count++;
    }
}

/* Whether the refused form had this claim selected. */
static bool was_selected(const struct action_ids *selected, int64_t id)
{
    for (size_t i = 0; i < selected->count && i < ACTION_IDS_MAX; i++) {
        if (selected->ids[i] == id) {
            return true;
        }
    }
    return false;
}

static void cell(struct html *h, const char *text)
{
    html_markup(h, "<td>");
    html_text(h, text != NULL ? text : "");
    html_markup(h, "</td>");
}

/* The claim's title, with the engine's warning when it will not count. */
static void title_cell(struct web_request *request, struct html *h,
                       const struct learning_activity *claim)
{
    struct claim_warning warning;
    struct ct_err err = {0};
    html_fail(h, claim_warning_of(request->store, claim->person_id, claim->key, request->today,
                                  &warning, &err));
    struct claim_version version = {0};
    html_fail(h, store_claim_version(request->store, claim->id, &version, &err));
    html_markup(h, "<td><a href=\"/activities/");
    html_int(h, claim->id);
    html_markup(h, "\">");
    html_text(h, claim->title != NULL ? claim->title : "");
    html_markup(h, "</a>");
    if (html_status(h) == CT_OK && version.replaces != 0) {
        /* A resend: the verifier sees why the earlier claim was rejected. */
        html_markup(h, "<div class=\"claim-resent\"><strong>Sent again</strong> after a"
                       " rejection. Earlier reason: ");
        html_text(h, version.replaced_reason[0] != '\0' ? version.replaced_reason : "none given");
        html_markup(h, "</div>");
    }
    if (html_status(h) == CT_OK) {
        page_claim_warning_line(h, &warning);
        page_proof_list(request, h, claim->id, false);
    }
    html_markup(h, "</td>");
}

static void queue_row(struct web_request *request, struct html *h,
                      const struct learning_activity *claim, const struct action_ids *selected)
{
    char amount[256];
    claimed_amount(claim, amount, sizeof amount);
    html_markup(h, "<tr><td><input type=\"checkbox\" name=\"activity\" id=\"activity-");
    html_int(h, claim->id);
    if (was_selected(selected, claim->id)) {
        html_markup(h, "\" checked value=\"");
    } else {
        html_markup(h, "\" value=\"");
    }
    html_int(h, claim->id);
    html_markup(h, "\"><label class=\"usa-sr-only\" for=\"activity-");
    html_int(h, claim->id);
    /* Each box names its claim: "Select" alone leaves a screen reader guessing. */
    html_markup(h, "\">Select ");
    html_text(h, claim->title != NULL ? claim->title : "");
    html_markup(h, ", claimed by ");
    html_text(h, claim->person_name);
    html_markup(h, ", dated ");
    html_text(h, claim->date);
    html_markup(h, "</label></td>");
    paging_write_link_cell(h, "/people/", claim->person_id, claim->person_name);
    cell(h, claim->date);
    cell(h, list_kind_words(claim->kind));
    title_cell(request, h, claim);
    cell(h, amount);
    html_markup(h, "</tr>\n");
}

/* The paging of the queue, keeping the request's search and kind. */
static void queue_paging(struct web_request *request, struct paging *paging,
                         struct store_queue_filter *filter)
{
    paging_from_request(paging, &queue_list, request);
    filter->search = list_filter_query(request);
    filter->kind = list_filter_kind(request);
    paging_keep(paging, "q", filter->search);
    paging_keep(paging, "kind", filter->kind);
}

/* Why the queue shows nothing: the filters find nothing, or nothing waits. */
static void empty_words(struct html *h, const struct store_queue_filter *filter)
{
    if (filter->search != NULL || filter->kind != NULL) {
        html_markup(h, "<p>No waiting claim matches the search: clear it to see them"
                       " all.</p>\n");
    } else {
        html_markup(h, "<p>Nothing is waiting for you: no one you verify has sent a claim"
                       " that is still to be verified.</p>\n");
    }
}

/* The search over the queue, then one page of the claims waiting for this verifier
 * that it finds; *total is how many it finds. */
static void queue_table(struct web_request *request, struct html *h,
                        const struct action_ids *selected, int64_t *total)
{
    struct paging paging;
    struct store_queue_filter filter;
    queue_paging(request, &paging, &filter);
    struct learning_activity *claims = NULL;
    size_t count = 0;
    struct ct_err err = {0};
    struct store_page page = paging_page(&paging);
    html_fail(h, store_learning_verify_queue(request->store, request->person_id, &filter, &page,
                                             &request->arena, &claims, &count, total, &err));
    struct store_page last = page;
    store_page_clamp(&last, *total);
    if (last.offset != page.offset) {
        /* Past the last page: the last one, as the page numbers say. */
        html_fail(h, store_learning_verify_queue(request->store, request->person_id, &filter, &last,
                                                 &request->arena, &claims, &count, total, &err));
    }
    paging_set_total(&paging, *total);
    struct list_filter form = {.action = "/verify",
                               .aria_label = "Find claims",
                               .search_label = "Learner or title",
                               .query = filter.search,
                               .kind = filter.kind};
    list_filter_form(h, &form, &paging);
    if (html_status(h) != CT_OK || *total == 0) {
        empty_words(h, &filter);
        return;
    }
    /* The decision's form holds the table; the search's form comes before it. */
    html_markup(h, "<form method=\"post\" action=\"/verify\""
                   " class=\"usa-form usa-form--large\">\n");
    html_csrf(h, request->csrf);
    html_markup(h, "<table class=\"usa-table usa-table--borderless\">\n<caption>Claims"
                   " waiting for your verification</caption>\n");
    paging_write_head(h, &paging);
    html_markup(h, "<tbody>\n");
    for (size_t i = 0; i < count; i++) {
        queue_row(request, h, &claims[i], selected);
    }
    html_markup(h, "</tbody>\n</table>\n");
    if (paging.pages > 1) {
        paging_write_nav(h, &paging);
    }
}

static void decision_form_end(struct web_request *request, struct html *h, const char *reason_error)
{
    struct form_field reason = {
        .id = "reason",
        .label = "Reason (needed to reject)",
        .hint = "The learner sees it with each rejected claim.",
        .error = reason_error,
        .control = FORM_INPUT,
        .value = web_form_value(request, "reason"),
    };
    html_field(h, &reason);
    /* Reject is never the first button; either leads to a confirmation page first. */
    html_markup(h, "<div class=\"actions\"><button type=\"submit\" class=\"usa-button\""
                   " name=\"action\" value=\"verify\">Verify selected</button>"
                   " <button type=\"submit\" name=\"action\" value=\"reject\""
                   " class=\"usa-button usa-button--secondary\">Reject selected"
                   "</button></div>\n</form>\n");
}

/* The queue, with message when a decision was refused (beside the reason when
 * reason_error is set); a refused form keeps its selection. */
static enum ct_status verify_page(struct web_request *request, struct web_response *response,
                                  const char *message, const char *reason_error)
{
    web_set_title(response, "Claims to verify");
    struct action_ids selected;
    selected_ids(request, &selected);
    struct html h;
    html_start(&h, &response->body);
    html_slim_error(&h, message, reason_error != NULL);
    int64_t total = 0;
    queue_table(request, &h, &selected, &total);
    if (total > 0 && html_status(&h) == CT_OK) {
        decision_form_end(request, &h, reason_error);
    }
    return html_status(&h);
}

enum ct_status page_verify(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    return verify_page(request, response, NULL, NULL);
}

/* The refused decision, shown on the queue (400). */
static enum ct_status refused(struct web_request *request, struct web_response *response,
                              const struct action_outcome *outcome)
{
    response->status = 400;
    const struct action_fault *reason = action_fault_of(outcome, "reason");
    if (reason != NULL && reason == &outcome->faults[0]) {
        return verify_page(request, response, "Nothing was changed: see the reason.",
                           reason->message);
    }
    if (outcome->refusal == ACTION_NOT_ALLOWED) {
        return verify_page(request, response, "You do not verify one of the selected claims.",
                           NULL);
    }
    return verify_page(request, response, outcome->err.message,
                       reason != NULL ? reason->message : NULL);
}

/* One selected claim on the confirmation page: what it is, and the engine's warning. */
static void confirm_item(struct web_request *request, struct html *h, int64_t activity_id)
{
    struct learning_activity claim;
    bool found = false;
    struct claim_warning warning;
    struct ct_err err = {0};
    html_fail(h, store_learning_activity(request->store, activity_id, &request->arena, &claim,
                                         &found, &err));
    if (html_status(h) != CT_OK || !found) {
        return;
    }
    html_fail(h, claim_warning_of(request->store, claim.person_id, claim.key, request->today,
                                  &warning, &err));
    char amount[256];
    claimed_amount(&claim, amount, sizeof amount);
    html_markup(h, "<li><strong>");
    html_text(h, claim.title != NULL ? claim.title : claim.kind);
    html_markup(h, "</strong>, ");
    html_text(h, claim.person_name);
    html_markup(h, ", ");
    html_text(h, claim.date);
    html_markup(h, " (");
    html_text(h, list_kind_words(claim.kind));
    html_markup(h, ", ");
    html_text(h, amount);
    html_markup(h, ")");
    if (html_status(h) == CT_OK) {
        page_claim_warning_line(h, &warning);
    }
    html_markup(h, "</li>\n");
}

/* What a confirmed decision does, in words. */
static void confirm_words(struct html *h, bool rejecting, const char *reason)
{
    if (rejecting) {
        html_markup(h, "<p>Each claim below is rejected with your reason: it will not count."
                       " The learner is told and sees the reason on their progress page; the"
                       " rejected claim is kept in their record.</p>\n<p>Your reason: ");
        html_text(h, reason);
        html_markup(h, "</p>\n");
        return;
    }
    html_markup(h, "<p>Each claim below is verified: it counts toward the learner's open"
                   " tracks as far as the rules allow (a warning says when it will not)."
                   " A verified claim can no longer be withdrawn by the learner.</p>\n");
    if (reason != NULL && reason[0] != '\0') {
        html_markup(h, "<p>The reason you typed is not kept: only a rejection carries one."
                       "</p>\n");
    }
}

/* The decision checked by the action, to confirm: the claims, what will happen, and the
 * decision kept in hidden fields. */
static enum ct_status confirm_page(struct web_request *request, struct web_response *response,
                                   const struct claims_decide_input *input)
{
    bool rejecting = strcmp(input->action, "reject") == 0;
    int count = (int)input->activity_ids.count;
    web_set_title(response, rejecting ? "Reject these claims?" : "Verify these claims?");
    struct html h;
    html_start(&h, &response->body);
    confirm_words(&h, rejecting, input->reason);
    html_markup(&h, "<ul class=\"usa-list\">\n");
    for (int i = 0; i < count && html_status(&h) == CT_OK; i++) {
        confirm_item(request, &h, input->activity_ids.ids[i]);
    }
    html_markup(&h, "</ul>\n<form method=\"post\" action=\"/verify\" class=\"usa-form\">\n");
    html_csrf(&h, request->csrf);
    for (int i = 0; i < count; i++) {
        html_hidden_id(&h, "activity", input->activity_ids.ids[i]);
    }
    html_hidden(&h, "action", input->action);
    html_hidden(&h, "reason", rejecting ? input->reason : "");
    html_hidden(&h, "confirm", "yes");
    if (rejecting) {
        html_markup(&h, "<div class=\"actions\"><button type=\"submit\""
                        " class=\"usa-button usa-button--secondary\">Reject ");
    } else {
        html_markup(&h, "<div class=\"actions\"><button type=\"submit\" class=\"usa-button\">"
                        "Verify ");
    }
    html_int(&h, count);
    if (count == 1) {
        html_markup(&h, " claim");
    } else {
        html_markup(&h, " claims");
    }
    html_markup(&h, "</button> <a class=\"usa-button usa-button--outline\" href=\"/verify\">"
                    "Back to the queue</a></div>\n</form>\n");
    return html_status(&h);
}

enum ct_status page_verify_submit(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    (void)id;
    const char *confirm = web_form_value(request, "confirm");
    struct claims_decide_input input = {
        .action = web_form_value(request, "action"),
        .reason = web_form_value(request, "reason"),
        .check_only = confirm == NULL || strcmp(confirm, "yes") != 0,
    };
    selected_ids(request, &input.activity_ids);
    struct actor actor = web_actor(request);
    struct claims_decide_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_claims_decide(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT) {
        return refused(request, response, &outcome);
    }
    if (status != CT_OK) {
        return status;
    }
    if (input.check_only) {
        return confirm_page(request, response, &input);
    }
    notice_redirect(response, "/verify",
                    strcmp(input.action, "reject") == 0 ? "rejected" : "verified", result.decided);
    return CT_OK;
}
