/*
 * store_people_search: finding a person by name, e-mail or library, as the search box
 * of the coordinator's and consultants' pages and GET /api/v1/people do. Names, e-mail
 * addresses and library names match a part of the query, without regard to case or
 * accents ("elodie" finds "Élodie").
 */
#ifndef CERTTRACK_STORE_PEOPLE_SEARCH_H
#define CERTTRACK_STORE_PEOPLE_SEARCH_H

#include <stdbool.h>

#include "store.h"
#include "store_page.h"
#include "store_person_admin.h"

/* The longest query searched for. */
#define STORE_PEOPLE_QUERY_MAX 100

enum store_people_column {
    STORE_PEOPLE_NAME,
    STORE_PEOPLE_EMAIL,
    STORE_PEOPLE_LIBRARY,
    STORE_PEOPLE_COLUMNS,
};

/* Whose people a search may find. */
struct people_scope {
    int64_t consultant_id; /* > 0: only the libraries assigned to this consultant */
    int64_t library_id;    /* > 0: only this library's people */
    bool include_inactive; /* deactivated and merged records too */
};

struct people_row {
    int64_t id;
    char name[PERSON_TEXT_MAX];
    char email[PERSON_TEXT_MAX];
    int64_t library_id;
    char library[PERSON_TEXT_MAX]; /* "" when none */
    char position[16];
    bool active;
};

/* One page of the people in scope that query (NULL or "": everyone) matches, into rows
 * (of struct people_row), and how many match in all into *total; a page past the last is
 * the last. */
enum ct_status store_people_search(struct store *store, const char *query,
                                   const struct people_scope *scope, const struct store_page *page,
                                   struct store_rows *rows, int64_t *total,
                                   struct ct_err *err) CT_MUST_CHECK;

#endif
