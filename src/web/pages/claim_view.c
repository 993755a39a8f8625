#include "claim_view.h"

#include <stdio.h>
#include <string.h>

#include "../../core/activity_kind.h"
#include "../../core/credit.h"
#include "../../store/store_activities.h"
#include "../../store/store_claim_versions.h"
#include "../../store/store_learning.h"
#include "../../store/store_proofs.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/layout.h"
#include "../html/moment.h"
#include "activity_correct.h"
#include "proofs.h"
#include "../../core/banned.h"

static void fact(struct html *h, const char *term, const char *value)
{
    html_markup(h, "<dt>");
    html_text(h, term);
    html_markup(h, "</dt><dd>");
    html_text(h, value != NULL && value[0] != '\0' ? value : "none");
    html_markup(h, "</dd>");
}

/* What became of the claim: its status, the reason it was rejected, and its versions. */
static void claim_status(struct web_request *request, struct html *h,
                         const struct learning_activity *claim, const struct claim_version *version)
{
    fact(h, "Status",
         version->replaced_by != 0 ? "rejected, replaced by a corrected claim" : claim->status);
    if (strcmp(claim->status, "rejected") == 0) {
        char reason[512] = "";
        struct ct_err err = {0};
        html_fail(h, store_claim_rejection(request->store, claim->id, reason, &err));
        fact(h, "Reason given", reason);
    }
    if (version->replaces != 0) {
        fact(h, "Sent again", "This claim corrects an earlier, rejected claim.");
        fact(h, "Earlier rejection", version->replaced_reason);
    }
    html_markup(h, "</dl>\n");
    if (version->replaced_by != 0) {
        html_markup(h, "<p><a href=\"/activities/");
        html_int(h, version->replaced_by);
        html_markup(h, "\">See the corrected claim</a></p>\n");
    }
}

/* One correction: when, by whom, why, and each value before and after. */
static void correction_item(const struct program_set *programs, struct html *h,
                            const struct activity_correction_row *c)
{
    char before[CREDIT_TEXT_SIZE], after[CREDIT_TEXT_SIZE];
    credit_format(c->old_credit_halves, before);
    credit_format(c->new_credit_halves, after);
    html_markup(h, "<li>Corrected on ");
    html_moment(h, c->corrected_at);
    html_markup(h, " by ");
    html_text(h, c->corrected_by);
    html_markup(h, ": ");
    html_text(h, c->reason);
    html_markup(h, "<br>Before: ");
    html_text(h, page_activity_kind_words(c->old_kind));
    html_markup(h, ", ");
    html_text(h, c->old_date);
    html_markup(h, ", ");
    html_text(h, before);
    html_markup(h, " credits, ");
    html_text(h, page_activity_category_words(programs, c->old_category));
    html_markup(h, ". After: ");
    html_text(h, page_activity_kind_words(c->new_kind));
    html_markup(h, ", ");
    html_text(h, c->new_date);
    html_markup(h, ", ");
    html_text(h, after);
    html_markup(h, " credits, ");
    html_text(h, page_activity_category_words(programs, c->new_category));
    html_markup(h, ".</li>\n");
}

/* The corrections the CE coordinator made, oldest first (nothing when none). */
static void corrections(struct web_request *request, struct html *h, int64_t id)
{
    struct store_rows rows;
    struct ct_err err = {0};
    html_fail(h, store_activity_corrections(request->store, id, &rows, &err));
    if (rows.count > 0) {
        html_markup(h, "<h2>Corrections</h2>\n<ul class=\"usa-list\">\n");
        const struct activity_correction_row *items = rows.items;
        for (size_t i = 0; i < rows.count; i++) {
            correction_item(request->store->programs, h, &items[i]);
        }
        html_markup(h, "</ul>\n");
    }
    store_rows_release(&rows);
}

/* "Correct this activity", for the CE coordinator, on a verified activity measured in
 * credits that is current. */
static void correct_link(struct web_request *request, struct html *h,
                         const struct learning_activity *claim, const struct claim_version *version)
{
    enum activity_kind kind;
    if ((request->roles & ROLE_CE_COORDINATOR) != 0 && strcmp(claim->status, "verified") == 0 &&
        version->replaced_by == 0 && activity_kind_from_name(claim->kind, &kind) &&
        activity_kind_has_credit_value(kind)) {
        html_markup(h, "<p><a class=\"usa-button usa-button--outline\" href=\"/activities/");
        html_int(h, claim->id);
        html_markup(h, "/correct\">Correct this activity</a></p>\n");
    }
}

static void claim_body(struct web_request *request, struct html *h,
                       const struct learning_activity *claim, const struct claim_version *version)
{
    bool own = claim->person_id == request->person_id;
    if (web_query_value(request, "corrected") != NULL) {
        html_alert(h, FORM_ALERT_SUCCESS, "The activity is corrected, and the learner is told.");
    }
    char credits[CREDIT_TEXT_SIZE];
    credit_format(claim->credit_halves, credits);
    html_markup(h, "<dl class=\"claim-facts\">");
    fact(h, "Learner", claim->person_name);
    fact(h, "Kind", claim->kind);
    fact(h, "Date", claim->date);
    fact(h, "Credits", credits);
    fact(h, "Category", page_activity_category_words(request->store->programs, claim->category));
    claim_status(request, h, claim, version);
    corrections(request, h, claim->id);
    correct_link(request, h, claim, version);
    html_markup(h, "<h2>Proof</h2>\n");
    page_proof_list(request, h, claim->id, true);
    if (own && strcmp(claim->status, "rejected") == 0 && version->replaced_by == 0) {
        html_markup(h, "<p><a class=\"usa-button\" href=\"/activities/");
        html_int(h, claim->id);
        html_markup(h, "/resend\">Correct and send again</a></p>\n");
    }
    if (own) {
        html_markup(h, "<p><a href=\"/\">Back to your progress</a></p>\n");
    } else if ((request->roles & ROLE_SUPERVISOR) != 0) {
        html_markup(h, "<p><a href=\"/verify\">Back to the claims to verify</a></p>\n");
    }
}

enum ct_status page_claim_view(struct web_request *request, struct web_response *response,
                               int64_t id)
{
    bool allowed = false, found = false;
    struct ct_err err = {0};
    bool coordinator = (request->roles & ROLE_CE_COORDINATOR) != 0;
    enum ct_status status = store_proof_viewer_allowed(request->store, id, request->person_id,
                                                       coordinator, &allowed, &err);
    struct learning_activity claim;
    if (status == CT_OK && allowed) {
        status = store_learning_activity(request->store, id, &request->arena, &claim, &found, &err);
    }
    struct claim_version version;
    if (status == CT_OK && found) {
        status = store_claim_version(request->store, id, &version, &err);
    }
    if (status != CT_OK) {
        return status;
    }
    if (!found) {
        return page_not_found(request, response, "claim");
    }
    web_set_title(response, "Claim: %s", claim.title != NULL ? claim.title : claim.kind);
    struct html h;
    html_start(&h, &response->body);
    claim_body(request, &h, &claim, &version);
    return html_status(&h);
}
