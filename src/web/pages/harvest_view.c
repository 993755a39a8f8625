#include "harvest_view.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../html/moment.h"
#include "../../core/banned.h"

void harvest_view_count_term(struct html *h, const char *name, int64_t number)
{
    html_markup(h, "<dt>");
    html_text(h, name);
    html_markup(h, "</dt><dd>");
    html_int(h, number);
    html_markup(h, "</dd>\n");
}

void harvest_view_moment_cell(struct html *h, const char *stored)
{
    char moment[MOMENT_TEXT_SIZE + 64];
    moment_of_text(stored, moment, sizeof moment);
    paging_write_cell(h, moment, false);
}

void harvest_view_filter_form(struct html *h, const struct harvest_filter *filter)
{
    html_markup(h, "<form method=\"get\" class=\"filters\" action=\"");
    html_text(h, filter->action);
    html_markup(h, "\">\n<div class=\"usa-form-group\"><label class=\"usa-label\" for=\"");
    html_text(h, filter->select_id);
    html_markup(h, "\">");
    html_text(h, filter->label);
    html_markup(h, "</label><select class=\"usa-select\" id=\"");
    html_text(h, filter->select_id);
    html_markup(h, "\" name=\"");
    html_text(h, filter->select_id);
    html_markup(h, "\">");
    const struct form_option all = {"", filter->all_label};
    html_options(h, &all, 1, filter->chosen);
    html_options(h, filter->options, filter->option_count, filter->chosen);
    html_markup(h, "</select></div>\n");
    if (filter->kept_sort != NULL) {
        html_hidden(h, "sort", filter->kept_sort);
    }
    if (filter->kept_dir != NULL) {
        html_hidden(h, "dir", filter->kept_dir);
    }
    html_markup(h, "<button type=\"submit\" class=\"usa-button\">Filter</button></form>\n");
}

int64_t harvest_view_id(const char *text)
{
    if (text == NULL || text[0] < '1' || text[0] > '9' || strlen(text) > 18) {
        return 0;
    }
    for (const char *c = text; *c != '\0'; c++) {
        if (*c < '0' || *c > '9') {
            return 0;
        }
    }
    return (int64_t)strtoll(text, NULL, 10);
}

const char *harvest_view_id_text(struct arena *arena, int64_t id)
{
    char text[24];
    snprintf(text, sizeof text, "%" PRId64, id);
    return arena_strdup(arena, text);
}

void harvest_view_sentence(const char *message, char *out, size_t size)
{
    snprintf(out, size, "%s", message != NULL ? message : "");
    out[0] = (char)toupper((unsigned char)out[0]);
}

void harvest_view_refused_summary(struct html *h, const char *what,
                                  const struct error_summary_field *fields,
                                  const char *const *messages, size_t count)
{
    struct action_outcome shown;
    action_outcome_init(&shown);
    for (size_t i = 0; i < count; i++) {
        if (messages[i] != NULL) {
            action_fault(&shown, fields[i].fault, "%s", messages[i]);
        }
    }
    html_refused_summary(h, what, &shown, fields, count);
}
