#include "html.h"

#include <string.h>

#include "../../core/banned.h"

enum ct_status html_text(struct buf *out, const char *text)
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

enum ct_status html_markup_literal(struct buf *out, const char *markup)
{
    return buf_append_str(out, markup);
}

enum ct_status html_term(struct buf *out, const char *name, const char *value)
{
    enum ct_status status = html_markup(out, "<dt>");
    if (status == CT_OK) {
        status = html_text(out, name);
    }
    if (status == CT_OK) {
        status = html_markup(out, "</dt><dd>");
    }
    if (status == CT_OK) {
        status = html_text(out, value);
    }
    return status == CT_OK ? html_markup(out, "</dd>\n") : status;
}
