/*
 * form_options: the options of the selects that the activity and event forms share: the
 * kinds of activity that carry credit, and the categories of the programs.
 */
#ifndef CERTTRACK_FORM_OPTIONS_H
#define CERTTRACK_FORM_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

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

#endif
