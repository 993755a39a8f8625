#include "list_filter.h"

#include <string.h>

#include "../../core/activity_kind.h"
#include "../../store/store.h"
#include "form.h"
#include "../../core/banned.h"

static void search_field(struct html *h, const struct list_filter *filter)
{
    html_markup(h, "<div class=\"usa-form-group\"><label class=\"usa-label\" for=\"q\">");
    html_text(h, filter->search_label);
    html_markup(h, "</label><input class=\"usa-input\" id=\"q\" type=\"search\" name=\"q\""
                   " maxlength=\"100\" value=\"");
    html_text(h, filter->query != NULL ? filter->query : "");
    html_markup(h, "\"></div>\n");
}

static void kind_field(struct html *h, const struct list_filter *filter)
{
    html_markup(h, "<div class=\"usa-form-group\"><label class=\"usa-label\" for=\"kind\">Kind"
                   "</label><select class=\"usa-select\" id=\"kind\" name=\"kind\">");
    static const struct form_option all = {"", "All"};
    html_options(h, &all, 1, filter->kind != NULL ? filter->kind : "");
    for (int k = 0; k < ACTIVITY_KIND_COUNT; k++) {
        enum activity_kind kind = (enum activity_kind)k;
        if (filter->credit_kinds_only && !activity_kind_has_credit_value(kind)) {
            continue;
        }
        struct form_option option = {activity_kind_name(kind), activity_kind_label(kind)};
        html_options(h, &option, 1, filter->kind);
    }
    html_markup(h, "</select></div>\n");
}

void list_filter_form(struct html *h, const struct list_filter *filter, const struct paging *paging)
{
    html_markup(h, "<form method=\"get\" class=\"filters\" role=\"search\" action=\"");
    html_text(h, filter->action);
    html_markup(h, "\" aria-label=\"");
    html_text(h, filter->aria_label);
    html_markup(h, "\">\n");
    search_field(h, filter);
    kind_field(h, filter);
    html_hidden(h, "sort", paging->list->columns[paging->column].key);
    html_hidden(h, "dir", paging->descending ? "desc" : "asc");
    html_markup(h, "<button type=\"submit\" class=\"usa-button\">Find</button></form>\n");
}

const char *list_filter_query(const struct web_request *request)
{
    const char *query = web_query_value(request, "q");
    return query != NULL && query[0] != '\0' && strlen(query) <= STORE_SEARCH_MAX ? query : NULL;
}

const char *list_filter_kind(const struct web_request *request)
{
    const char *name = web_query_value(request, "kind");
    enum activity_kind kind;
    return name != NULL && activity_kind_from_name(name, &kind) ? name : NULL;
}

const char *list_kind_words(const char *name)
{
    enum activity_kind kind;
    if (name != NULL && activity_kind_from_name(name, &kind)) {
        return activity_kind_label(kind);
    }
    return name != NULL ? name : "";
}
