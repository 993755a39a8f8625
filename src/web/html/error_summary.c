#include "error_summary.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "form.h"
#include "../../core/banned.h"

static size_t kept_faults(const struct action_outcome *outcome)
{
    return outcome->fault_count < ACTION_FAULTS_MAX ? outcome->fault_count : ACTION_FAULTS_MAX;
}

static bool listed(const char *fault, const struct error_summary_field *fields, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if (strcmp(fields[i].fault, fault) == 0) {
            return true;
        }
    }
    return false;
}

void html_error_summary_begin(struct html *h, const char *heading)
{
    html_markup(h,
                "<div class=\"usa-alert usa-alert--error\" id=\"error-summary\""
                " role=\"alert\"><div class=\"usa-alert__body\"><h2 class=\"usa-alert__heading\">");
    html_text(h, heading);
    html_markup(h, "</h2>\n<ul class=\"usa-list\">\n");
}

void html_error_summary_item(struct html *h, const char *id, const char *label, const char *message)
{
    if (id == NULL) {
        html_markup(h, "<li>");
        html_text(h, message);
        html_markup(h, "</li>\n");
        return;
    }
    html_markup(h, "<li><a class=\"usa-link\" href=\"#");
    html_text(h, id);
    html_markup(h, "\">");
    html_text(h, label);
    html_markup(h, ": ");
    html_text(h, message);
    html_markup(h, "</a></li>\n");
}

void html_error_summary_end(struct html *h)
{
    html_markup(h, "</ul></div></div>\n");
}

void html_error_summary(struct html *h, const char *heading, const struct action_outcome *outcome,
                        const struct error_summary_field *fields, size_t count)
{
    if (outcome == NULL || outcome->fault_count == 0) {
        return;
    }
    html_error_summary_begin(h, heading);
    for (size_t i = 0; i < count; i++) {
        const struct action_fault *fault = action_fault_of(outcome, fields[i].fault);
        if (fault != NULL) {
            html_error_summary_item(h, fields[i].id != NULL ? fields[i].id : fields[i].fault,
                                    fields[i].label, fault->message);
        }
    }
    for (size_t i = 0; i < kept_faults(outcome); i++) {
        if (!listed(outcome->faults[i].field, fields, count)) {
            html_error_summary_item(h, NULL, NULL, outcome->faults[i].message);
        }
    }
    html_error_summary_end(h);
}

size_t error_summary_count(const struct action_outcome *outcome,
                           const struct error_summary_field *fields, size_t count)
{
    size_t found = 0;
    for (size_t i = 0; outcome != NULL && i < count; i++) {
        found += action_fault_of(outcome, fields[i].fault) != NULL;
    }
    return found;
}

void html_refused_summary(struct html *h, const char *what, const struct action_outcome *outcome,
                          const struct error_summary_field *fields, size_t count)
{
    if (outcome == NULL || outcome->refusal == ACTION_DONE) {
        return;
    }
    char text[400];
    if (outcome->fault_count == 0) {
        snprintf(text, sizeof text, "%s: %s", what, outcome->err.message);
        html_alert(h, FORM_ALERT_ERROR, text);
        return;
    }
    size_t found = error_summary_count(outcome, fields, count);
    if (found == 0) {
        snprintf(text, sizeof text, "%s.", what);
    } else {
        snprintf(text, sizeof text, "%s: fix %s marked below.", what,
                 found > 1 ? "the fields" : "the field");
    }
    html_error_summary(h, text, outcome, fields, count);
}
