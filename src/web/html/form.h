/*
 * form: one form field at a time, in U.S. Web Design System markup: the label, a hint,
 * the error that says what to fix (next to the field, tied to it by aria-describedby,
 * with aria-invalid on the control), and the control holding what was typed.
 */
#ifndef CERTTRACK_FORM_H
#define CERTTRACK_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include <stdint.h>

#include "../../core/buf.h"
#include "html.h"

enum form_control {
    FORM_INPUT,    /* <input type=...> */
    FORM_SELECT,   /* <select> of options, with an empty "Choose" first */
    FORM_TEXTAREA, /* <textarea> */
    FORM_CHECKBOX, /* one checkbox; checked when value is non-empty */
    FORM_FILE,     /* <input type="file"> (the form must be multipart/form-data); a browser
                      never lets a page fill one in, so value is not used */
};

struct form_option {
    const char *value;
    const char *label;
};

/* Every pointer is borrowed for the call; only id and label are required. */
struct form_field {
    const char *id;   /* the control's id (and name): letters, digits, '-' and '_' */
    const char *name; /* the control's name when it is not the id (several forms on a page) */
    const char *label;
    const char *hint;  /* NULL: none */
    const char *error; /* NULL: the field is fine */
    enum form_control control;
    const char *type;  /* FORM_INPUT: "text", "date", "url" ...; NULL is "text". "date" is a
                          text input for a day written YYYY-MM-DD, the one form the pages
                          take and show (a browser's date control shows its locale's), its
                          hint ending "As YYYY-MM-DD." unless it names that form already */
    const char *value; /* what was typed, or NULL */
    const struct form_option *options; /* FORM_SELECT */
    size_t option_count;
    const char *accept; /* FORM_FILE: the kinds of file offered, e.g. ".csv,text/csv" */
    bool required;
};

/* Writes the field's form group. The error message gets the id ID-error, the hint
 * ID-hint; a checkbox's value when checked is "yes". */
void html_field(struct html *h, const struct form_field *field);

/* Opens a form group ("<div class=usa-form-group>"), marked as wrong when wrong; the
 * caller closes it with "</div>". For a group of controls html_field does not write. */
void html_group_begin(struct html *h, bool wrong);

/* Writes the error message of the control with id (NULL message: nothing), with the id
 * ID-error that the control names in aria-describedby. */
void html_field_error(struct html *h, const char *id, const char *message);

/* Writes a select's options (count of them, borrowed), the one whose value is chosen
 * (NULL: none) selected. */
void html_options(struct html *h, const struct form_option *options, size_t count,
                  const char *chosen);

/* Writes the hidden CSRF field with token: the only place a page writes it. */
void html_csrf(struct html *h, const char *token);

/* Writes a hidden field: name and value (NULL: empty) escaped. */
void html_hidden(struct html *h, const char *name, const char *value);

/* The submit button of a USWDS search form, with the words label: shown at desktop
 * width, and at phone width the magnifier icon that USWDS shows instead, with label as
 * its text alternative. */
void html_search_button(struct html *h, const char *label);

/* Writes a hidden field holding a row id. */
void html_hidden_id(struct html *h, const char *name, int64_t id);

enum form_alert_kind { FORM_ALERT_ERROR, FORM_ALERT_SUCCESS, FORM_ALERT_INFO };

/* Writes an alert box with text: an error (role="alert") or a success (role="status"). */
void html_alert(struct html *h, enum form_alert_kind kind, const char *text);

#endif
