#include "confirm_page.h"

#include <inttypes.h>

#include "form.h"
#include "layout.h"
#include "../../core/banned.h"

void confirm_page_begin(struct html *h, const struct confirm_page *page, const char *csrf)
{
    html_markup(h, "<form method=\"post\" action=\"");
    html_text(h, page->record);
    html_format(h, "/%" PRId64 "/", page->id);
    html_text(h, page->verb);
    html_markup(h, "\">\n");
    html_csrf(h, csrf);
}

void confirm_page_end(struct html *h, const struct confirm_page *page)
{
    html_markup(h, "<ul class=\"usa-button-group\">\n<li class=\"usa-button-group__item\">"
                   "<button type=\"submit\" class=\"usa-button\" name=\"step\""
                   " value=\"confirm\">");
    html_text(h, page->confirm);
    html_markup(h, "</button></li>\n<li class=\"usa-button-group__item\"><button"
                   " type=\"submit\" class=\"usa-button usa-button--outline\" name=\"step\""
                   " value=\"change\">");
    html_text(h, page->change);
    html_markup(h, "</button></li>\n</ul>\n</form>\n<p><a href=\"");
    html_text(h, page->record);
    html_format(h, "/%" PRId64 "\">", page->id);
    html_text(h, page->keep);
    html_markup(h, "</a></p>\n");
}

enum ct_status confirm_page_refused(struct web_request *request, struct web_response *response,
                                    const char *title, const struct action_outcome *outcome)
{
    unsigned code = outcome->refusal == ACTION_NOT_ALLOWED ? 403
                    : outcome->refusal == ACTION_NOT_FOUND ? 404
                                                           : 409;
    return page_error(request, response, code, title, outcome->err.message);
}
