#include "form.h"

#include <string.h>

#include "html.h"
#include "../../core/banned.h"

static bool has_text(const char *text)
{
    return text != NULL && text[0] != '\0';
}

/* Appends the field's id, escaped, then markup (a literal) after it. */
#define ID_THEN(out, field, literal) id_then((out), (field), "" literal "")
static enum ct_status id_then(struct buf *out, const struct form_field *field, const char *after)
{
    enum ct_status status = html_text(out, field->id);
    return status == CT_OK ? html_markup_literal(out, after) : status;
}

/* The attributes every control shares: id, name, and what describes it. */
static enum ct_status control_attributes(struct buf *out, const struct form_field *field)
{
    enum ct_status status = html_markup(out, " id=\"");
    if (status == CT_OK) {
        status = ID_THEN(out, field, "\" name=\"");
    }
    if (status == CT_OK) {
        status = html_text(out, field->name != NULL ? field->name : field->id);
    }
    if (status == CT_OK) {
        status = html_markup(out, "\"");
    }
    if (status == CT_OK && field->required) {
        status = html_markup(out, " required");
    }
    if (status == CT_OK && (field->hint != NULL || field->error != NULL)) {
        status = html_markup(out, " aria-describedby=\"");
        if (status == CT_OK && field->hint != NULL) {
            status = ID_THEN(out, field, "-hint");
        }
        if (status == CT_OK && field->hint != NULL && field->error != NULL) {
            status = html_markup(out, " ");
        }
        if (status == CT_OK && field->error != NULL) {
            status = ID_THEN(out, field, "-error");
        }
        if (status == CT_OK) {
            status = html_markup(out, "\"");
        }
    }
    if (status == CT_OK && field->error != NULL) {
        status = html_markup(out, " aria-invalid=\"true\"");
    }
    return status;
}

static enum ct_status label(struct buf *out, const struct form_field *field)
{
    enum ct_status status =
        field->error != NULL
            ? html_markup(out, "<label class=\"usa-label usa-label--error\" for=\"")
            : html_markup(out, "<label class=\"usa-label\" for=\"");
    if (status == CT_OK) {
        status = ID_THEN(out, field, "\">");
    }
    if (status == CT_OK) {
        status = html_text(out, field->label);
    }
    if (status == CT_OK && field->required) {
        status = html_markup(out, " <abbr title=\"required\" class=\"usa-hint"
                                  " usa-hint--required\">*</abbr>");
    }
    return status == CT_OK ? html_markup(out, "</label>\n") : status;
}

static enum ct_status hint_and_error(struct buf *out, const struct form_field *field)
{
    enum ct_status status = CT_OK;
    if (field->hint != NULL) {
        status = html_markup(out, "<div class=\"usa-hint\" id=\"");
        if (status == CT_OK) {
            status = ID_THEN(out, field, "-hint\">");
        }
        if (status == CT_OK) {
            status = html_text(out, field->hint);
        }
        if (status == CT_OK) {
            status = html_markup(out, "</div>\n");
        }
    }
    if (status == CT_OK && field->error != NULL) {
        status = html_markup(out, "<span class=\"usa-error-message\" id=\"");
        if (status == CT_OK) {
            status = ID_THEN(out, field, "-error\" role=\"alert\">");
        }
        if (status == CT_OK) {
            status = html_text(out, field->error);
        }
        if (status == CT_OK) {
            status = html_markup(out, "</span>\n");
        }
    }
    return status;
}

static enum ct_status input(struct buf *out, const struct form_field *field)
{
    enum ct_status status = field->error != NULL
                                ? html_markup(out, "<input class=\"usa-input usa-input--error\"")
                                : html_markup(out, "<input class=\"usa-input\"");
    if (status == CT_OK) {
        status = control_attributes(out, field);
    }
    if (status == CT_OK) {
        status = html_markup(out, " type=\"");
    }
    if (status == CT_OK) {
        status = html_text(out, field->type != NULL ? field->type : "text");
    }
    if (status == CT_OK) {
        status = html_markup(out, "\" value=\"");
    }
    if (status == CT_OK) {
        status = html_text(out, field->value != NULL ? field->value : "");
    }
    return status == CT_OK ? html_markup(out, "\">\n") : status;
}

static enum ct_status option(struct buf *out, const struct form_option *option, const char *chosen)
{
    enum ct_status status = html_markup(out, "<option value=\"");
    if (status == CT_OK) {
        status = html_text(out, option->value);
    }
    if (status == CT_OK && chosen != NULL && strcmp(chosen, option->value) == 0) {
        status = html_markup(out, "\" selected=\"selected");
    }
    if (status == CT_OK) {
        status = html_markup(out, "\">");
    }
    if (status == CT_OK) {
        status = html_text(out, option->label);
    }
    return status == CT_OK ? html_markup(out, "</option>") : status;
}

static enum ct_status select_box(struct buf *out, const struct form_field *field)
{
    enum ct_status status = field->error != NULL
                                ? html_markup(out, "<select class=\"usa-select usa-input--error\"")
                                : html_markup(out, "<select class=\"usa-select\"");
    if (status == CT_OK) {
        status = control_attributes(out, field);
    }
    if (status == CT_OK) {
        status = html_markup(out, ">");
    }
    static const struct form_option choose = {"", "- Choose -"};
    if (status == CT_OK) {
        status = option(out, &choose, field->value);
    }
    for (size_t i = 0; i < field->option_count && status == CT_OK; i++) {
        status = option(out, &field->options[i], field->value);
    }
    return status == CT_OK ? html_markup(out, "</select>\n") : status;
}

static enum ct_status textarea(struct buf *out, const struct form_field *field)
{
    enum ct_status status =
        field->error != NULL ? html_markup(out, "<textarea class=\"usa-textarea usa-input--error\"")
                             : html_markup(out, "<textarea class=\"usa-textarea\"");
    if (status == CT_OK) {
        status = control_attributes(out, field);
    }
    /* A parser drops the newline right after <textarea>, never one the value starts with. */
    if (status == CT_OK) {
        status = html_markup(out, ">\n");
    }
    if (status == CT_OK) {
        status = html_text(out, field->value != NULL ? field->value : "");
    }
    return status == CT_OK ? html_markup(out, "</textarea>\n") : status;
}

static enum ct_status checkbox(struct buf *out, const struct form_field *field)
{
    enum ct_status status = html_markup(out, "<div class=\"usa-checkbox\">"
                                             "<input class=\"usa-checkbox__input\"");
    if (status == CT_OK) {
        status = control_attributes(out, field);
    }
    if (status == CT_OK) {
        status = html_markup(out, " type=\"checkbox\" value=\"yes\"");
    }
    if (status == CT_OK && has_text(field->value)) {
        status = html_markup(out, " checked");
    }
    if (status == CT_OK) {
        status = html_markup(out, "><label class=\"usa-checkbox__label\" for=\"");
    }
    if (status == CT_OK) {
        status = ID_THEN(out, field, "\">");
    }
    if (status == CT_OK) {
        status = html_text(out, field->label);
    }
    return status == CT_OK ? html_markup(out, "</label></div>\n") : status;
}

static enum ct_status file_input(struct buf *out, const struct form_field *field)
{
    enum ct_status status = html_markup(out, "<input class=\"usa-file-input\"");
    if (status == CT_OK) {
        status = control_attributes(out, field);
    }
    if (status == CT_OK) {
        status = html_markup(out, " type=\"file\"");
    }
    if (status == CT_OK && has_text(field->accept)) {
        status = html_markup(out, " accept=\"");
        if (status == CT_OK) {
            status = html_text(out, field->accept);
        }
        if (status == CT_OK) {
            status = html_markup(out, "\"");
        }
    }
    return status == CT_OK ? html_markup(out, ">\n") : status;
}

static enum ct_status control(struct buf *out, const struct form_field *field)
{
    switch (field->control) {
    case FORM_FILE:
        return file_input(out, field);
    case FORM_SELECT:
        return select_box(out, field);
    case FORM_TEXTAREA:
        return textarea(out, field);
    case FORM_CHECKBOX:
        return checkbox(out, field);
    case FORM_INPUT:
        break;
    }
    return input(out, field);
}

enum ct_status form_field_write(struct buf *out, const struct form_field *field)
{
    enum ct_status status =
        field->error != NULL
            ? html_markup(out, "<div class=\"usa-form-group usa-form-group--error\">\n")
            : html_markup(out, "<div class=\"usa-form-group\">\n");
    if (status == CT_OK && field->control != FORM_CHECKBOX) {
        status = label(out, field);
    }
    if (status == CT_OK) {
        status = hint_and_error(out, field);
    }
    if (status == CT_OK) {
        status = control(out, field);
    }
    return status == CT_OK ? html_markup(out, "</div>\n") : status;
}

enum ct_status form_csrf(struct buf *out, const char *token)
{
    enum ct_status status = html_markup(out, "<input type=\"hidden\" name=\"csrf_token\" value=\"");
    if (status == CT_OK) {
        status = html_text(out, token);
    }
    return status == CT_OK ? html_markup(out, "\">\n") : status;
}

enum ct_status form_alert(struct buf *out, enum form_alert_kind kind, const char *text)
{
    enum ct_status status =
        kind == FORM_ALERT_SUCCESS
            ? html_markup(out, "<div class=\"usa-alert usa-alert--success\" role=\"status\">")
            : html_markup(out, "<div class=\"usa-alert usa-alert--error\" role=\"alert\">");
    if (status == CT_OK) {
        status = html_markup(out, "<div class=\"usa-alert__body\"><p class=\"usa-alert__text\">");
    }
    if (status == CT_OK) {
        status = html_text(out, text);
    }
    return status == CT_OK ? html_markup(out, "</p></div></div>\n") : status;
}
