#include "claim_notes.h"

#include <stdio.h>
#include <string.h>

#include "../html/form.h"

#include "../../core/banned.h"

void page_claim_reasons(struct html *h, const struct claim_warning *warning)
{
    if (!warning->warned) {
        return;
    }
    html_markup(h, "<ul class=\"usa-list\">");
    for (size_t i = 0; i < warning->track_count; i++) {
        html_markup(h, "<li>");
        html_text(h, warning->tracks[i].program);
        html_markup(h, ": ");
        html_text(h, reason_description(warning->tracks[i].reason));
        html_markup(h, "</li>");
    }
    html_markup(h, "</ul>");
}

void page_claim_warning_line(struct html *h, const struct claim_warning *warning)
{
    if (!warning->warned) {
        return;
    }
    html_markup(h, "<div class=\"claim-warning\"><strong>Will not count, even if verified."
                   "</strong>");
    page_claim_reasons(h, warning);
    html_markup(h, "</div>");
}

/* A link to path, its words followed by the claim's title for a screen reader. */
static void claim_link(struct html *h, const char *path, int64_t id, const char *words,
                       const char *title)
{
    html_markup(h, "<a class=\"claim-link\" href=\"/activities/");
    html_int(h, id);
    html_text(h, path);
    html_markup(h, "\">");
    html_text(h, words);
    html_markup(h, "<span class=\"usa-sr-only\">: ");
    html_text(h, title);
    html_markup(h, "</span></a> ");
}

void page_claim_links(struct html *h, const struct claim_note *note, const char *title, bool own)
{
    if (note == NULL) {
        return;
    }
    if (note->replaced) {
        html_markup(h, " <span class=\"claim-replaced\">Replaced by your corrected claim.</span>");
    }
    if (!own) {
        return;
    }
    html_markup(h, " <span class=\"claim-links\">");
    claim_link(h, "", note->id, "Claim and proof", title);
    if (strcmp(note->status, "rejected") == 0 && !note->replaced) {
        claim_link(h, "/resend", note->id, "Correct and send again", title);
    }
    html_markup(h, "</span>");
}

void page_claim_withdraw_button(struct html *h, const char *csrf, const char *title, int64_t id)
{
    char action[64];
    snprintf(action, sizeof action, "/activities/%lld/withdraw", (long long)id);
    html_markup(h, "<form method=\"post\" class=\"claim-withdraw\" action=\"");
    html_text(h, action);
    html_markup(h, "\">");
    html_csrf(h, csrf);
    html_markup(h, "<button type=\"submit\" class=\"usa-button usa-button--unstyled\">Withdraw"
                   "<span class=\"usa-sr-only\"> the claim ");
    html_text(h, title);
    html_markup(h, "</span></button></form>");
}
