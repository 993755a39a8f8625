#include "claim_notes.h"

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
