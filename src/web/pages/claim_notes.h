/*
 * claim_notes: the words the learner's and the verifier's pages show with a claim the
 * rules engine will not count: the engine's own reason on each open track
 * (claim_warning.h, reason_description), never a rule of the web layer's.
 */
#ifndef CERTTRACK_CLAIM_NOTES_H
#define CERTTRACK_CLAIM_NOTES_H

#include "../../actions/claim_warning.h"
#include "../../store/store_claim_notes.h"
#include "../html/html.h"

/* The engine's reason for each track in warning, as list items ("Program: reason."),
 * inside a <ul> of its own. Nothing when the warning does not warn. */
void page_claim_reasons(struct html *h, const struct claim_warning *warning);

/* The warning beside a claim on the verify queue: a line that starts "Will not count"
 * and gives the reasons; nothing when the warning does not warn. */
void page_claim_warning_line(struct html *h, const struct claim_warning *warning);

/* Beside a pending or rejected claim on the progress page (note from store_claim_notes):
 * a rejected claim that was corrected says it was replaced; for its own learner (own),
 * a link to the claim and its proof (GET /activities/{id}) and, on a rejected claim not
 * yet corrected, "Correct and send again" (GET /activities/{id}/resend). title names
 * the claim for a screen reader. */
void page_claim_links(struct html *h, const struct claim_note *note, const char *title, bool own);

/* The "Withdraw" button of the pending claim with row id: a form posting to
 * /activities/{id}/withdraw with the page's csrf token (borrowed); title names the claim
 * for a screen reader. */
void page_claim_withdraw_button(struct html *h, const char *csrf, const char *title, int64_t id);

#endif
