/*
 * harvest_view: what the coordinator's harvest pages (harvest_sites.c,
 * harvest_imports.c, harvest_inbox.c) write alike: summary terms, counts, times, and
 * the choices of a select read from the database.
 */
#ifndef CERTTRACK_HARVEST_VIEW_H
#define CERTTRACK_HARVEST_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "../../core/buf.h"
#include "../../store/store.h"
#include "../html/form.h"

/* Writes <dt>name</dt><dd>value</dd> (both escaped; NULL value is empty). */
enum ct_status harvest_view_term(struct buf *out, const char *name,
                                 const char *value) CT_MUST_CHECK;

/* Writes <dt>name</dt><dd>number</dd>. */
enum ct_status harvest_view_count_term(struct buf *out, const char *name,
                                       int64_t number) CT_MUST_CHECK;

/* A stored UTC time ("YYYY-MM-DDTHH:MM:SSZ") as people read it, "YYYY-MM-DD HH:MM UTC",
 * into out; other text is copied as it is (NULL gives ""). */
void harvest_view_moment(const char *stored, char *out, size_t size);

/* Writes <td class="number">number</td>. */
enum ct_status harvest_view_count_cell(struct buf *out, int64_t number) CT_MUST_CHECK;

/* The options of a select, read from the database: each row of the query is (value,
 * label), both text. Owns its texts. */
struct harvest_choices {
    struct form_option *options;
    size_t count;
    char **texts; /* 2 * count, owned */
};

/* Runs sql (constant text; params borrowed) and keeps at most max rows as options. */
enum ct_status harvest_view_choices_load(struct store *store, const char *sql,
                                         const struct db_param *params, size_t param_count,
                                         size_t max, struct harvest_choices *choices,
                                         struct ct_err *err) CT_MUST_CHECK;

/* Frees the choices; they are then empty. */
void harvest_view_choices_release(struct harvest_choices *choices);

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
enum ct_status harvest_view_filter_form(struct buf *out,
                                        const struct harvest_filter *filter) CT_MUST_CHECK;

/* A positive whole number written in digits, from a form or a query; 0 otherwise. */
int64_t harvest_view_id(const char *text);

#endif
