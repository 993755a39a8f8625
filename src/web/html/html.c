#include "html.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../../core/credit.h"

#include "../../core/banned.h"

/* Appends text to out with &, <, >, " and ' written as entities. */
static enum ct_status escape(struct buf *out, const char *text)
{
    enum ct_status status = CT_OK;
    const char *run = text;
    for (const char *c = text; status == CT_OK; c++) {
        const char *entity = NULL;
        switch (*c) {
        case '&':
            entity = "&amp;";
            break;
        case '<':
            entity = "&lt;";
            break;
        case '>':
            entity = "&gt;";
            break;
        case '"':
            entity = "&quot;";
            break;
        case '\'':
            entity = "&#39;";
            break;
        case '\0':
            return buf_append(out, run, (size_t)(c - run));
        default:
            continue;
        }
        status = buf_append(out, run, (size_t)(c - run));
        if (status == CT_OK) {
            status = buf_append_str(out, entity);
        }
        run = c + 1;
    }
    return status;
}

void html_start(struct html *h, struct buf *out)
{
    h->out = out;
    h->status = CT_OK;
}

enum ct_status html_status(const struct html *h)
{
    return h->status;
}

void html_fail(struct html *h, enum ct_status status)
{
    if (h->status == CT_OK) {
        h->status = status;
    }
}

void html_text(struct html *h, const char *text)
{
    if (h->status == CT_OK && text != NULL) {
        h->status = escape(h->out, text);
    }
}

void html_markup_literal(struct html *h, const char *markup)
{
    if (h->status == CT_OK) {
        h->status = buf_append_str(h->out, markup);
    }
}

void html_int(struct html *h, int64_t value)
{
    if (h->status == CT_OK) {
        h->status = buf_printf(h->out, "%" PRId64, value);
    }
}

void html_format_literal(struct html *h, const char *format, ...)
{
    if (h->status != CT_OK) {
        return;
    }
    char text[1024];
    va_list args;
    va_start(args, format);
    int length = vsnprintf(text, sizeof text, format, args);
    va_end(args);
    if (length < 0 || (size_t)length >= sizeof text) {
        h->status = CT_ERR_TOO_LARGE;
        return;
    }
    h->status = buf_append(h->out, text, (size_t)length);
}

void html_credits(struct html *h, int64_t halves)
{
    char text[CREDIT_TEXT_SIZE];
    credit_format(halves, text);
    html_text(h, text);
}

void html_term(struct html *h, const char *name, const char *value)
{
    html_markup(h, "<dt>");
    html_text(h, name);
    html_markup(h, "</dt><dd>");
    html_text(h, value != NULL ? value : "");
    html_markup(h, "</dd>\n");
}

void html_table_begin(struct html *h, const char *heading, const char *const *columns, size_t count)
{
    html_markup(h, "<h2>");
    html_markup_literal(h, heading);
    /* A phone scrolls a wide table sideways (its style): it takes the focus to scroll it. */
    html_markup(h, "</h2>\n<table class=\"usa-table usa-table--borderless\" tabindex=\"0\">\n"
                   "<thead><tr>");
    for (size_t i = 0; i < count; i++) {
        html_markup(h, "<th scope=\"col\">");
        html_markup_literal(h, columns[i]);
        html_markup(h, "</th>");
    }
    html_markup(h, "</tr></thead>\n<tbody>\n");
}

void html_table_end(struct html *h)
{
    html_markup(h, "</tbody>\n</table>\n");
}
