#include "slim_alert.h"

#include "../../core/banned.h"

void html_slim_error(struct html *h, const char *message, bool beside_field)
{
    if (message == NULL) {
        return;
    }
    if (beside_field) {
        html_markup(h, "<div class=\"usa-alert usa-alert--error usa-alert--slim\"><div "
                       "class=\"usa-alert__body\"><p class=\"usa-alert__text\">");
    } else {
        html_markup(h, "<div class=\"usa-alert usa-alert--error usa-alert--slim\" role=\"alert\">"
                       "<div class=\"usa-alert__body\"><p class=\"usa-alert__text\">");
    }
    html_text(h, message);
    html_slim_alert_end(h);
}

void html_slim_warning_begin(struct html *h)
{
    html_markup(h, "<div class=\"usa-alert usa-alert--warning usa-alert--slim\"><div "
                   "class=\"usa-alert__body\"><p class=\"usa-alert__text\">");
}

void html_slim_alert_end(struct html *h)
{
    html_markup(h, "</p></div></div>\n");
}
