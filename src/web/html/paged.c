#include "paged.h"

#include "../../core/banned.h"

void paged_head(struct html *h, const struct paging *paging)
{
    html_fail(h, html_status(h) == CT_OK ? paging_table_head(h->out, paging) : CT_OK);
}

void paged_nav(struct html *h, const struct paging *paging)
{
    html_fail(h, html_status(h) == CT_OK ? paging_nav(h->out, paging) : CT_OK);
}

void paged_cell(struct html *h, const char *text, bool number)
{
    if (number) {
        html_markup(h, "<td class=\"number\">");
    } else {
        html_markup(h, "<td>");
    }
    html_text(h, text);
    html_markup(h, "</td>");
}

void paged_date_cell(struct html *h, struct civil_date date)
{
    char text[CIVIL_DATE_TEXT_SIZE] = "";
    if (civil_date_is_set(date)) {
        civil_date_format(date, text);
    }
    paged_cell(h, text, false);
}

void paged_link_cell(struct html *h, const char *path, int64_t id, const char *text)
{
    html_markup(h, "<td><a href=\"");
    html_text(h, path);
    html_int(h, id);
    html_markup(h, "\">");
    html_text(h, text);
    html_markup(h, "</a></td>");
}
