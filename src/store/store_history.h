/*
 * store_history: what the audit trail says about one person or one library, newest
 * first, a page at a time: each entry with who made it (their name), what it was about
 * and the values before and after.
 *
 * A person's history holds the entries about their own row and the rows that belong to
 * them: tracks, plan versions with their goals and items, final reports, activities,
 * certificates and the versions of their documents (a reissue's entry holds its reason
 * and the name printed), event registrations, LMS accounts, notice choices and API
 * tokens. A
 * library's holds its own row, its consultants, its strategic plans and their goals, and
 * the rows of the people who work there. A row's entries count only from its newest
 * creation, so an id used again after a row was deleted never shows the older row's
 * entries; rows since deleted (a removed draft goal) are not listed.
 */
#ifndef CERTTRACK_STORE_HISTORY_H
#define CERTTRACK_STORE_HISTORY_H

#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "store.h"
#include "store_page.h"

/* The most entries one page holds. */
#define STORE_HISTORY_PAGE_MAX 500

enum store_history_subject { STORE_HISTORY_PERSON, STORE_HISTORY_LIBRARY };

/* The columns a history page sorts by: only its time (the entries' order). */
enum store_history_column { STORE_HISTORY_WHEN, STORE_HISTORY_COLUMNS };

/* One audit entry. Text is in the caller's arena. */
struct store_history_row {
    int64_t id;
    const char *at;     /* "YYYY-MM-DDTHH:MM:SSZ" */
    int64_t actor_id;   /* 0: certtrack itself */
    const char *actor;  /* the actor's name ("" for certtrack itself or someone unknown) */
    const char *entity; /* the table: "activities", "tracks", ... */
    int64_t entity_id;
    const char *action; /* "create", "verify", ... */
    const char *before; /* JSON text of the row before, or NULL for a new row */
    const char *after;  /* JSON text of the row after, or NULL for a deleted row */
};

/* How many entries the history of subject id holds. */
enum ct_status store_history_count(struct store *store, enum store_history_subject subject,
                                   int64_t id, int64_t *total, struct ct_err *err) CT_MUST_CHECK;

/* One page of that history (page->limit 1 to STORE_HISTORY_PAGE_MAX), the entry's id
 * breaking ties: *rows (from arena; NULL when none) holds *count entries. */
enum ct_status store_history_page(struct store *store, enum store_history_subject subject,
                                  int64_t id, const struct store_page *page, struct arena *arena,
                                  struct store_history_row **rows, size_t *count,
                                  struct ct_err *err) CT_MUST_CHECK;

#endif
