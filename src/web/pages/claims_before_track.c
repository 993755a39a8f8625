#include "claims_before_track.h"

#include <string.h>

#include "../../core/engine.h"
#include "../../store/store_claim_notes.h"
#include "claim_notes.h"
#include "../../core/banned.h"

/* A claim this part lists: open (not corrected since) and dated before the track. */
static bool listed(const struct claim_note *note, const struct learner_record *record)
{
    return !note->replaced && civil_date_compare(note->date, record->track_started) < 0;
}

static void cell(struct html *h, const char *label)
{
    html_markup(h, "<td data-label=\"");
    html_text(h, label);
    html_markup(h, "\">");
}

static void claim_row(struct web_request *request, struct html *h, const struct claim_note *note,
                      bool own)
{
    const char *title = note->title[0] != '\0' ? note->title : note->key;
    bool pending = strcmp(note->status, "pending") == 0;
    char date[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(note->date, date);
    html_markup(h, "<tr>");
    cell(h, "Activity");
    html_text(h, title);
    html_markup(h, "</td>");
    cell(h, "Date");
    html_text(h, date);
    html_markup(h, "</td>");
    cell(h, "Status");
    html_text(h, pending ? "Waiting for verification" : "Rejected");
    html_markup(h, "</td>");
    cell(h, "Why");
    html_text(h, reason_description(REASON_BEFORE_TRACK));
    if (!pending && note->reason[0] != '\0') {
        html_markup(h, " <span class=\"claim-reason\">Reason given: ");
        html_text(h, note->reason);
        html_markup(h, "</span>");
    }
    if (own && pending) {
        page_claim_withdraw_button(h, request->csrf, title, note->id);
    }
    page_claim_links(h, note, title, own);
    html_markup(h, "</td></tr>\n");
}

static void claims_table(struct web_request *request, struct html *h,
                         const struct store_rows *notes, const struct learner_record *record,
                         bool own)
{
    if (own) {
        html_markup(h, "<h2 id=\"claims-before-track\">Your claims from before this track</h2>\n");
    } else {
        html_markup(h, "<h2 id=\"claims-before-track\">Claims from before this track</h2>\n");
    }
    html_markup(h, "<p>These claims are dated before the track started, so they do not count"
                   " toward it.</p>\n<table class=\"usa-table usa-table--borderless"
                   " usa-table--stacked\">\n<caption>Claims dated before the track started"
                   "</caption>\n<thead><tr><th scope=\"col\">Activity</th><th scope=\"col\">"
                   "Date</th><th scope=\"col\">Status</th><th scope=\"col\">Why</th></tr>"
                   "</thead>\n<tbody>\n");
    const struct claim_note *items = notes->items;
    for (size_t i = 0; i < notes->count; i++) {
        if (listed(&items[i], record)) {
            claim_row(request, h, &items[i], own);
        }
    }
    html_markup(h, "</tbody>\n</table>\n");
}

void page_claims_before_track(struct web_request *request, struct html *h,
                              const struct learner_record *record, int64_t person_id, bool own)
{
    struct store_rows notes = {.size = sizeof(struct claim_note)};
    struct ct_err err = {0};
    html_fail(h, store_claim_notes(request->store, person_id, &notes, &err));
    size_t shown = 0;
    const struct claim_note *items = notes.items;
    for (size_t i = 0; h->status == CT_OK && i < notes.count; i++) {
        shown += listed(&items[i], record) ? 1 : 0;
    }
    if (shown > 0) {
        claims_table(request, h, &notes, record, own);
    }
    store_rows_release(&notes);
}
