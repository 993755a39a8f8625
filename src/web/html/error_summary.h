/*
 * error_summary: the box above a refused form that lists every fault at once (U.S. Web
 * Design System error alert), each a link to its field; the fields themselves are
 * marked with html_field (form.h), so that every bad field shows at the same time.
 */
#ifndef CERTTRACK_ERROR_SUMMARY_H
#define CERTTRACK_ERROR_SUMMARY_H

#include <stddef.h>

#include "../../actions/action.h"
#include "html.h"

/* One field of the form, in the form's order. Borrowed. */
struct error_summary_field {
    const char *fault; /* the action's name of the field (action_fault.field) */
    const char *id;    /* the control's id on the page; NULL: the same as fault */
    const char *label; /* the field's label, as the form shows it */
};

/* Writes the summary when outcome has faults (nothing otherwise): an error alert with
 * id "error-summary" headed heading (constant text, escaped), then one item a fault: the
 * faults of the listed fields in the form's order, each "Label: message" linking to
 * "#id"; then any fault of a field not listed, as its message alone. */
void html_error_summary(struct html *h, const char *heading, const struct action_outcome *outcome,
                        const struct error_summary_field *fields, size_t count);

/* The number of outcome's faults (at most ACTION_FAULTS_MAX kept) that name one of the
 * fields; 0 when outcome is NULL. */
size_t error_summary_count(const struct action_outcome *outcome,
                           const struct error_summary_field *fields, size_t count);

/* The alert above a refused form, one call for a page: when outcome has faults, the
 * summary headed "WHAT: fix the field marked below." ("the fields" when more than one
 * listed field is at fault; "WHAT." when none is); when it has none (a refusal of no
 * field: not allowed, the wrong state), the error alert "WHAT: " and outcome->err's
 * message. Nothing when outcome is NULL or was not refused. what is constant text. */
void html_refused_summary(struct html *h, const char *what, const struct action_outcome *outcome,
                          const struct error_summary_field *fields, size_t count);

/* The parts of html_error_summary, for a summary that lists more than an outcome's
 * faults (the lines of a file at fault): the alert's opening (id "error-summary",
 * role "alert") headed heading (escaped); one item, "label: message" linking to "#id",
 * or message alone when id is NULL (every text escaped, borrowed); and the alert's end.
 * A caller writes the begin, its items, then the end. */
void html_error_summary_begin(struct html *h, const char *heading);
void html_error_summary_item(struct html *h, const char *id, const char *label,
                             const char *message);
void html_error_summary_end(struct html *h);

#endif
