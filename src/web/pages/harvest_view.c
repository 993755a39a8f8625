#include "harvest_view.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../html/html.h"
#include "../../core/banned.h"

enum ct_status harvest_view_term(struct buf *out, const char *name, const char *value)
{
    enum ct_status status = html_buf_markup(out, "<dt>");
    if (status == CT_OK) {
        status = html_buf_text(out, name);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</dt><dd>");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, value != NULL ? value : "");
    }
    return status == CT_OK ? html_buf_markup(out, "</dd>\n") : status;
}

enum ct_status harvest_view_count_term(struct buf *out, const char *name, int64_t number)
{
    char text[24];
    snprintf(text, sizeof text, "%" PRId64, number);
    return harvest_view_term(out, name, text);
}

void harvest_view_moment(const char *stored, char *out, size_t size)
{
    if (stored == NULL) {
        stored = "";
    }
    /* YYYY-MM-DDTHH:MM:SSZ */
    if (strlen(stored) == 20 && stored[10] == 'T' && stored[19] == 'Z') {
        snprintf(out, size, "%.10s %.5s UTC", stored, stored + 11);
        return;
    }
    snprintf(out, size, "%s", stored);
}

enum ct_status harvest_view_count_cell(struct buf *out, int64_t number)
{
    char text[24];
    snprintf(text, sizeof text, "%" PRId64, number);
    enum ct_status status = html_buf_markup(out, "<td class=\"number\">");
    if (status == CT_OK) {
        status = html_buf_text(out, text);
    }
    return status == CT_OK ? html_buf_markup(out, "</td>") : status;
}

/* Keeps one (value, label) row; the texts are copied. */
static enum ct_status choice_add(struct harvest_choices *choices, size_t *capacity,
                                 const char *value, const char *label, struct ct_err *err)
{
    if (choices->count == *capacity) {
        size_t grown = *capacity == 0 ? 16 : *capacity * 2;
        struct form_option *options = realloc(choices->options, grown * sizeof *options);
        if (options == NULL) {
            return ct_err_nomem(err);
        }
        choices->options = options;
        char **texts = realloc(choices->texts, 2 * grown * sizeof *texts);
        if (texts == NULL) {
            return ct_err_nomem(err);
        }
        choices->texts = texts;
        *capacity = grown;
    }
    char *value_copy = strdup(value != NULL ? value : "");
    char *label_copy = strdup(label != NULL ? label : "");
    if (value_copy == NULL || label_copy == NULL) {
        free(value_copy);
        free(label_copy);
        return ct_err_nomem(err);
    }
    choices->texts[2 * choices->count] = value_copy;
    choices->texts[2 * choices->count + 1] = label_copy;
    choices->options[choices->count] = (struct form_option){value_copy, label_copy};
    choices->count++;
    return CT_OK;
}

enum ct_status harvest_view_choices_load(struct store *store, const char *sql,
                                         const struct db_param *params, size_t param_count,
                                         size_t max, struct harvest_choices *choices,
                                         struct ct_err *err)
{
    memset(choices, 0, sizeof *choices);
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db, sql, &stmt, err);
    if (status == CT_OK && param_count > 0) {
        status = db_bind_all(stmt, params, param_count, err);
    }
    size_t capacity = 0;
    bool has_row = true;
    while (status == CT_OK && choices->count < max) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        status =
            choice_add(choices, &capacity, db_column_text(stmt, 0), db_column_text(stmt, 1), err);
    }
    db_finalize(stmt);
    if (status != CT_OK) {
        harvest_view_choices_release(choices);
    }
    return status;
}

void harvest_view_choices_release(struct harvest_choices *choices)
{
    for (size_t i = 0; i < 2 * choices->count; i++) {
        free(choices->texts[i]);
    }
    free(choices->texts);
    free(choices->options);
    memset(choices, 0, sizeof *choices);
}

static enum ct_status hidden_field(struct buf *out, const char *name, const char *value)
{
    if (value == NULL) {
        return CT_OK;
    }
    enum ct_status status = html_buf_markup(out, "<input type=\"hidden\" name=\"");
    if (status == CT_OK) {
        status = html_buf_text(out, name);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\" value=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, value);
    }
    return status == CT_OK ? html_buf_markup(out, "\">") : status;
}

static enum ct_status filter_option(struct buf *out, const char *value, const char *label,
                                    const char *chosen)
{
    enum ct_status status = html_buf_markup(out, "<option value=\"");
    if (status == CT_OK) {
        status = html_buf_text(out, value);
    }
    if (status == CT_OK && chosen != NULL && strcmp(chosen, value) == 0) {
        status = html_buf_markup(out, "\" selected=\"selected");
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, label);
    }
    return status == CT_OK ? html_buf_markup(out, "</option>") : status;
}

enum ct_status harvest_view_filter_form(struct buf *out, const struct harvest_filter *filter)
{
    enum ct_status status =
        html_buf_markup(out, "<form method=\"get\" class=\"filters\" action=\"");
    if (status == CT_OK) {
        status = html_buf_text(out, filter->action);
    }
    if (status == CT_OK) {
        status =
            html_buf_markup(out, "\">\n<div class=\"usa-form-group\"><label class=\"usa-label\""
                                 " for=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, filter->select_id);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, filter->label);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</label><select class=\"usa-select\" id=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, filter->select_id);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\" name=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, filter->select_id);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">");
    }
    if (status == CT_OK) {
        status = filter_option(out, "", filter->all_label, filter->chosen);
    }
    for (size_t i = 0; i < filter->option_count && status == CT_OK; i++) {
        status =
            filter_option(out, filter->options[i].value, filter->options[i].label, filter->chosen);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</select></div>\n");
    }
    if (status == CT_OK) {
        status = hidden_field(out, "sort", filter->kept_sort);
    }
    if (status == CT_OK) {
        status = hidden_field(out, "dir", filter->kept_dir);
    }
    return status == CT_OK
               ? html_buf_markup(out, "<button type=\"submit\" class=\"usa-button\">Filter</button>"
                                      "</form>\n")
               : status;
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
