/*
 * form_options: what the activity and event forms share: the options of their selects
 * (the kinds of activity that carry credit, the categories of the programs), and their
 * fields written from a table of the form's fields.
 */
#ifndef CERTTRACK_FORM_OPTIONS_H
#define CERTTRACK_FORM_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "../../actions/action.h"
#include "../../core/activity_kind.h"
#include "../../core/program.h"
#include "form.h"

enum { FORM_CATEGORIES_MAX = 32 };

/* Fills options (room for ACTIVITY_KIND_COUNT) with each kind of activity that has a
 * credit value, in the kinds' order: the value its name, the label its label when
 * labelled, else its name too. The texts are static. Returns how many. */
size_t form_kind_options(struct form_option *options, bool labelled);

/* Fills options (room for FORM_CATEGORIES_MAX) with every category any program of
 * programs knows, once, in the programs' order (at most FORM_CATEGORIES_MAX): the value
 * its id, the label its name, both borrowed from programs. Returns how many. */
size_t form_category_options(const struct program_set *programs, struct form_option *options);

/* One field of a form, as the page's table of its fields describes it. Constant text;
 * id is the action's name of the field. */
struct form_spec {
    const char *id;
    const char *label;
    const char *hint; /* NULL: none */
    enum form_control control;
    const char *type; /* FORM_INPUT's type */
    bool required;
};

/* Writes spec's field (html_field) holding value (NULL: nothing), with the message of
 * outcome's fault of spec->id beside it (outcome NULL, or no such fault: none), offering
 * options (option_count of them) when it is a select. Every pointer is borrowed. */
void html_spec_field(struct html *h, const struct form_spec *spec, const char *value,
                     const struct action_outcome *outcome, const struct form_option *options,
                     size_t option_count);

#endif
