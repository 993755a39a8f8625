/*
 * claim_notes: the words the learner's and the verifier's pages show with a claim the
 * rules engine will not count: the engine's own reason on each open track
 * (claim_warning.h, reason_description), never a rule of the web layer's.
 */
#ifndef CERTTRACK_CLAIM_NOTES_H
#define CERTTRACK_CLAIM_NOTES_H

#include "../../actions/claim_warning.h"
#include "../html/html.h"

/* The engine's reason for each track in warning, as list items ("Program: reason."),
 * inside a <ul> of its own. Nothing when the warning does not warn. */
void page_claim_reasons(struct html *h, const struct claim_warning *warning);

/* The warning beside a claim on the verify queue: a line that starts "Will not count"
 * and gives the reasons; nothing when the warning does not warn. */
void page_claim_warning_line(struct html *h, const struct claim_warning *warning);

#endif
