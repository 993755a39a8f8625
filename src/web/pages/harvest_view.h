/*
 * harvest_view: what the coordinator's harvest pages (harvest_sites.c,
 * harvest_imports.c, harvest_inbox.c) write alike, through the HTML writer: counts,
 * times, and the form that filters a list (the cells of a list: paging_write_*).
 */
#ifndef CERTTRACK_HARVEST_VIEW_H
#define CERTTRACK_HARVEST_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "../../core/arena.h"
#include "../html/error_summary.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/paging.h"

/* Writes <dt>name</dt><dd>number</dd>. */
void harvest_view_count_term(struct html *h, const char *name, int64_t number);

/* Writes the cell of a stored UTC time, as every page shows it (html/moment.h). */
void harvest_view_moment_cell(struct html *h, const char *stored);

/* A GET form that filters a list by one select. Every pointer is borrowed. */
struct harvest_filter {
    const char *action;    /* the list's address */
    const char *select_id; /* the select's id and name */
    const char *label;
    const char *all_label; /* the first option, whose value is "" */
    const struct form_option *options;
    size_t option_count;
    const char *chosen;    /* the option selected, or NULL */
    const char *kept_sort; /* the list's order, kept as hidden fields (NULL: none) */
    const char *kept_dir;
};

/* Writes the filter's form. */
void harvest_view_filter_form(struct html *h, const struct harvest_filter *filter);

/* A positive whole number written in digits, from a form or a query; 0 otherwise. */
int64_t harvest_view_id(const char *text);

/* The id as text, in arena (a select's option value); NULL when memory runs out. */
const char *harvest_view_id_text(struct arena *arena, int64_t id);

/* message (an action's, as the store words it) as a sentence, its first letter a
 * capital, into out. */
void harvest_view_sentence(const char *message, char *out, size_t size);

/* Writes the error summary of a refused form (html_refused_summary, headed what:
 * constant text) from what its count fields show: messages[i] is the error field i
 * shows (NULL: it is fine), so that the summary says what the fields say. Nothing when
 * every message is NULL. Every pointer is borrowed. */
void harvest_view_refused_summary(struct html *h, const char *what,
                                  const struct error_summary_field *fields,
                                  const char *const *messages, size_t count);

#endif
