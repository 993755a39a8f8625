#include "form.h"

#include <stdio.h>
#include <string.h>

#include "../../core/banned.h"

static bool has_text(const char *text)
{
    return text != NULL && text[0] != '\0';
}

/* The attributes every control shares: id, name, and what describes it. */
static void control_attributes(struct html *h, const struct form_field *field)
{
    html_markup(h, " id=\"");
    html_text(h, field->id);
    html_markup(h, "\" name=\"");
    html_text(h, field->name != NULL ? field->name : field->id);
    html_markup(h, "\"");
    if (field->required) {
        html_markup(h, " required");
    }
    if (field->hint != NULL || field->error != NULL) {
        html_markup(h, " aria-describedby=\"");
        if (field->hint != NULL) {
            html_text(h, field->id);
            html_markup(h, "-hint");
        }
        if (field->hint != NULL && field->error != NULL) {
            html_markup(h, " ");
        }
        if (field->error != NULL) {
            html_text(h, field->id);
            html_markup(h, "-error");
        }
        html_markup(h, "\"");
    }
    if (field->error != NULL) {
        html_markup(h, " aria-invalid=\"true\"");
    }
}

static void label(struct html *h, const struct form_field *field)
{
    if (field->error != NULL) {
        html_markup(h, "<label class=\"usa-label usa-label--error\" for=\"");
    } else {
        html_markup(h, "<label class=\"usa-label\" for=\"");
    }
    html_text(h, field->id);
    html_markup(h, "\">");
    html_text(h, field->label);
    if (field->required) {
        html_markup(h, " <abbr title=\"required\" class=\"usa-hint"
                       " usa-hint--required\">*</abbr>");
    }
    html_markup(h, "</label>\n");
}

void html_field_error(struct html *h, const char *id, const char *message)
{
    if (message == NULL) {
        return;
    }
    html_markup(h, "<span class=\"usa-error-message\" id=\"");
    html_text(h, id);
    html_markup(h, "-error\" role=\"alert\">");
    html_text(h, message);
    html_markup(h, "</span>\n");
}

static void hint_and_error(struct html *h, const struct form_field *field)
{
    if (field->hint != NULL) {
        html_markup(h, "<div class=\"usa-hint\" id=\"");
        html_text(h, field->id);
        html_markup(h, "-hint\">");
        html_text(h, field->hint);
        html_markup(h, "</div>\n");
    }
    html_field_error(h, field->id, field->error);
}

static void input(struct html *h, const struct form_field *field)
{
    if (field->error != NULL) {
        html_markup(h, "<input class=\"usa-input usa-input--error\"");
    } else {
        html_markup(h, "<input class=\"usa-input\"");
    }
    control_attributes(h, field);
    html_markup(h, " type=\"");
    html_text(h, field->type != NULL ? field->type : "text");
    html_markup(h, "\" value=\"");
    html_text(h, field->value != NULL ? field->value : "");
    html_markup(h, "\">\n");
}

static void option(struct html *h, const struct form_option *option, const char *chosen)
{
    html_markup(h, "<option value=\"");
    html_text(h, option->value);
    if (chosen != NULL && strcmp(chosen, option->value) == 0) {
        html_markup(h, "\" selected=\"selected");
    }
    html_markup(h, "\">");
    html_text(h, option->label);
    html_markup(h, "</option>");
}

void html_options(struct html *h, const struct form_option *options, size_t count,
                  const char *chosen)
{
    for (size_t i = 0; i < count; i++) {
        option(h, &options[i], chosen);
    }
}

static void select_box(struct html *h, const struct form_field *field)
{
    if (field->error != NULL) {
        html_markup(h, "<select class=\"usa-select usa-input--error\"");
    } else {
        html_markup(h, "<select class=\"usa-select\"");
    }
    control_attributes(h, field);
    html_markup(h, ">");
    static const struct form_option choose = {"", "- Choose -"};
    option(h, &choose, field->value);
    html_options(h, field->options, field->option_count, field->value);
    html_markup(h, "</select>\n");
}

static void textarea(struct html *h, const struct form_field *field)
{
    if (field->error != NULL) {
        html_markup(h, "<textarea class=\"usa-textarea usa-input--error\"");
    } else {
        html_markup(h, "<textarea class=\"usa-textarea\"");
    }
    control_attributes(h, field);
    /* A parser drops the newline right after <textarea>, never one the value starts with. */
    html_markup(h, ">\n");
    html_text(h, field->value != NULL ? field->value : "");
    html_markup(h, "</textarea>\n");
}

static void checkbox(struct html *h, const struct form_field *field)
{
    html_markup(h, "<div class=\"usa-checkbox\"><input class=\"usa-checkbox__input\"");
    control_attributes(h, field);
    html_markup(h, " type=\"checkbox\" value=\"yes\"");
    if (has_text(field->value)) {
        html_markup(h, " checked");
    }
    html_markup(h, "><label class=\"usa-checkbox__label\" for=\"");
    html_text(h, field->id);
    html_markup(h, "\">");
    html_text(h, field->label);
    html_markup(h, "</label></div>\n");
}

static void file_input(struct html *h, const struct form_field *field)
{
    html_markup(h, "<input class=\"usa-file-input\"");
    control_attributes(h, field);
    html_markup(h, " type=\"file\"");
    if (has_text(field->accept)) {
        html_markup(h, " accept=\"");
        html_text(h, field->accept);
        html_markup(h, "\"");
    }
    html_markup(h, ">\n");
}

static void control(struct html *h, const struct form_field *field)
{
    switch (field->control) {
    case FORM_FILE:
        file_input(h, field);
        return;
    case FORM_SELECT:
        select_box(h, field);
        return;
    case FORM_TEXTAREA:
        textarea(h, field);
        return;
    case FORM_CHECKBOX:
        checkbox(h, field);
        return;
    case FORM_INPUT:
        break;
    }
    input(h, field);
}

void html_group_begin(struct html *h, bool wrong)
{
    if (wrong) {
        html_markup(h, "<div class=\"usa-form-group usa-form-group--error\">\n");
    } else {
        html_markup(h, "<div class=\"usa-form-group\">\n");
    }
}

/* A day's field: a text input (a browser's own date control shows the day in its
 * locale's order, not as the pages write it), its hint saying the one form it takes. */
static const struct form_field *as_day(const struct form_field *field, struct form_field *day,
                                       char *hint, size_t size)
{
    if (field->control != FORM_INPUT || field->type == NULL || strcmp(field->type, "date") != 0) {
        return field;
    }
    *day = *field;
    day->type = "text";
    if (field->hint == NULL) {
        day->hint = "As YYYY-MM-DD.";
    } else if (strstr(field->hint, "YYYY-MM-DD") == NULL) {
        snprintf(hint, size, "%s As YYYY-MM-DD.", field->hint);
        day->hint = hint;
    }
    return day;
}

void html_field(struct html *h, const struct form_field *typed)
{
    struct form_field day;
    char hint[512];
    const struct form_field *field = as_day(typed, &day, hint, sizeof hint);
    html_group_begin(h, field->error != NULL);
    if (field->control != FORM_CHECKBOX) {
        label(h, field);
    }
    hint_and_error(h, field);
    control(h, field);
    html_markup(h, "</div>\n");
}

void html_csrf(struct html *h, const char *token)
{
    html_markup(h, "<input type=\"hidden\" name=\"csrf_token\" value=\"");
    html_text(h, token);
    html_markup(h, "\">\n");
}

void html_hidden(struct html *h, const char *name, const char *value)
{
    html_markup(h, "<input type=\"hidden\" name=\"");
    html_text(h, name);
    html_markup(h, "\" value=\"");
    html_text(h, value != NULL ? value : "");
    html_markup(h, "\">");
}

void html_hidden_id(struct html *h, const char *name, int64_t id)
{
    html_markup(h, "<input type=\"hidden\" name=\"");
    html_text(h, name);
    html_markup(h, "\" value=\"");
    html_int(h, id);
    html_markup(h, "\">");
}

void html_alert(struct html *h, enum form_alert_kind kind, const char *text)
{
    if (kind == FORM_ALERT_SUCCESS) {
        html_markup(h, "<div class=\"usa-alert usa-alert--success\" role=\"status\">");
    } else if (kind == FORM_ALERT_INFO) {
        html_markup(h, "<div class=\"usa-alert usa-alert--info\" role=\"status\">");
    } else {
        html_markup(h, "<div class=\"usa-alert usa-alert--error\" role=\"alert\">");
    }
    html_markup(h, "<div class=\"usa-alert__body\"><p class=\"usa-alert__text\">");
    html_text(h, text);
    html_markup(h, "</p></div></div>\n");
}

void html_search_button(struct html *h, const char *label)
{
    html_markup(h, "<button class=\"usa-button\" type=\"submit\">"
                   "<span class=\"usa-search__submit-text\">");
    html_text(h, label);
    html_markup(h, "</span><img src=\"/assets/uswds/img/usa-icons-bg/search--white.svg\""
                   " class=\"usa-search__submit-icon\" alt=\"");
    html_text(h, label);
    html_markup(h, "\"></button>");
}
