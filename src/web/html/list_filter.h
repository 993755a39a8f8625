/*
 * list_filter: the filters of a list of activities or events, on one row at desktop
 * width (the "filters" class): a search box and the kinds in words. The list's chosen
 * order is kept in hidden fields; a new search starts again at the first page.
 */
#ifndef CERTTRACK_LIST_FILTER_H
#define CERTTRACK_LIST_FILTER_H

#include <stdbool.h>

#include "../http/request.h"
#include "html.h"
#include "paging.h"

/* Every pointer is borrowed for the call. */
struct list_filter {
    const char *action;       /* the list's address, "/verify" */
    const char *aria_label;   /* the form's name, "Find claims" */
    const char *search_label; /* what the box searches, "Learner or title" */
    const char *query;        /* what was searched, or NULL */
    const char *kind;         /* the chosen kind's name, or NULL for every kind */
    bool credit_kinds_only;   /* offer only the kinds worth credits directly (events) */
};

/* Writes the filter form: the search box (id "q"), the kind (id "kind", "All" first),
 * paging's sort and direction as hidden fields, and the Find button. */
void list_filter_form(struct html *h, const struct list_filter *filter,
                      const struct paging *paging);

/* The request's ?q=: NULL when absent, empty or longer than STORE_SEARCH_MAX. */
const char *list_filter_query(const struct web_request *request);

/* The request's ?kind= when it names a kind (activity_kind_from_name), else NULL. */
const char *list_filter_kind(const struct web_request *request);

/* The kind's name as people read it ("conference-session": "Conference session"); a
 * name that is not a kind is given back as it is (NULL as ""). */
const char *list_kind_words(const char *name);

#endif
