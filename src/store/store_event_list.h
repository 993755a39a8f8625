/*
 * store_event_list: the event catalog as the CE coordinator reads it: a page of the
 * events, sorted by one of their columns, each with the LMS courses (and activities)
 * mapped to it; and one event. Text lives in the caller's arena.
 */
#ifndef CERTTRACK_STORE_EVENT_LIST_H
#define CERTTRACK_STORE_EVENT_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "store.h"
#include "store_page.h"

/* The most rows one page holds. */
#define STORE_EVENT_PAGE_MAX 1000

/* The columns the list sorts by, in the order the catalog page shows them (its LMS
 * courses by how many, its registration by how many registered); the last is the API's order,
 * newest first (ask for it descending). */
enum store_event_column {
    STORE_EVENT_TITLE,
    STORE_EVENT_KIND,
    STORE_EVENT_CATEGORY,
    STORE_EVENT_CREDITS,
    STORE_EVENT_LINKS,
    STORE_EVENT_LMS_VERIFIES,
    STORE_EVENT_DATE,
    STORE_EVENT_REGISTRATION, /* the page's registration column: by how many registered */
    STORE_EVENT_NEWEST,
    STORE_EVENT_COLUMNS
};

/* An LMS course mapped to an event, and one of its activities ("" for the whole
 * course). */
struct store_event_link_row {
    const char *url;
    const char *activity_name;
};

/* A catalog event. Text is in the arena. */
struct store_event_row {
    int64_t id;
    const char *title;
    const char *kind;
    const char *category; /* the category's id */
    int64_t credit_halves;
    const char *sponsor;
    struct civil_date starts;
    struct civil_date ends;
    bool lms_verifies;
    const char *place;                        /* "" when none */
    const char *online_url;                   /* "" when none */
    int64_t capacity;                         /* 0: no limit */
    struct civil_date registration_opens;     /* unset when none */
    struct civil_date registration_closes;    /* unset when none */
    int64_t host_id;                          /* 0: none */
    const char *host_name;                    /* "" when none */
    int64_t registered;                       /* registrations not cancelled */
    const struct store_event_link_row *links; /* by URL, then activity; NULL when none */
    size_t link_count;
};

/* What the catalog is narrowed to (borrowed; NULL or "" in a field: no narrowing). */
struct store_event_filter {
    const char *search; /* in the title, sponsor or place, any case, LIKE's % and _ taken
                           as themselves; at most STORE_SEARCH_MAX bytes */
    const char *kind;   /* the kind's name, e.g. "webinar" */
};

/* How many events of the catalog filter keeps (NULL: every one). A search too long is
 * CT_ERR_INPUT at "q". */
enum ct_status store_event_list_count(struct store *store, const struct store_event_filter *filter,
                                      int64_t *total, struct ct_err *err) CT_MUST_CHECK;

/* One page of the events filter keeps (NULL: every one; page->limit 1 to
 * STORE_EVENT_PAGE_MAX), the id breaking ties: *rows (from arena; NULL when none) holds
 * *count, each with its links. */
enum ct_status store_event_list(struct store *store, const struct store_event_filter *filter,
                                const struct store_page *page, struct arena *arena,
                                struct store_event_row **rows, size_t *count,
                                struct ct_err *err) CT_MUST_CHECK;

/* Event id with its links into *row (its text from arena); *found false when there is
 * none. */
enum ct_status store_event_list_get(struct store *store, int64_t id, struct arena *arena,
                                    struct store_event_row *row, bool *found,
                                    struct ct_err *err) CT_MUST_CHECK;

#endif
