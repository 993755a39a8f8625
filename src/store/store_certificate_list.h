/*
 * store_certificate_list: the certificates issued, as the CE coordinator reads them: a
 * page of the list, found by part of the number or of the holder's name, sorted by one
 * of its columns; and one certificate with who revoked it. Text lives in the caller's
 * arena.
 */
#ifndef CERTTRACK_STORE_CERTIFICATE_LIST_H
#define CERTTRACK_STORE_CERTIFICATE_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "store.h"
#include "store_page.h"

/* The longest search text, in bytes. */
#define STORE_CERTIFICATE_SEARCH_MAX STORE_SEARCH_MAX
/* The most rows one page holds. */
#define STORE_CERTIFICATE_PAGE_MAX 1000

/* The columns the list sorts by, in the order the certificates page shows them; the
 * last is the API's order, newest first (ask for it descending). */
enum store_certificate_column {
    STORE_CERTIFICATE_NUMBER,
    STORE_CERTIFICATE_HOLDER,
    STORE_CERTIFICATE_PROGRAM,
    STORE_CERTIFICATE_ISSUED,
    STORE_CERTIFICATE_VALID_UNTIL,
    STORE_CERTIFICATE_STATE,
    STORE_CERTIFICATE_NEWEST,
    STORE_CERTIFICATE_COLUMNS
};

/* A certificate with its holder. Text is in the arena. */
struct store_certificate_row {
    int64_t id;
    const char *number;
    int64_t person_id;
    const char *holder;
    const char *email;
    const char *program; /* the program's id */
    int64_t credit_halves;
    struct civil_date issued;
    struct civil_date valid_until;
    struct civil_date revoked;  /* unset when valid */
    const char *revoked_reason; /* NULL when valid */
    const char *revoked_by;     /* the name of who revoked it; NULL when valid or unknown */
    const char *verification_code;
};

/* How many certificates search (borrowed; NULL or "": every one) finds: part of the
 * number or of the holder's name, in any case. A search longer than
 * STORE_CERTIFICATE_SEARCH_MAX is refused (CT_ERR_INPUT, "q"). */
enum ct_status store_certificate_list_count(struct store *store, const char *search, int64_t *total,
                                            struct ct_err *err) CT_MUST_CHECK;

/* One page of what search finds (page->limit 1 to STORE_CERTIFICATE_PAGE_MAX), the id
 * breaking ties: *rows (from arena; NULL when none) holds *count. */
enum ct_status store_certificate_list(struct store *store, const char *search,
                                      const struct store_page *page, struct arena *arena,
                                      struct store_certificate_row **rows, size_t *count,
                                      struct ct_err *err) CT_MUST_CHECK;

/* Certificate id into *row (its text from arena); *found false when there is none. */
enum ct_status store_certificate_view(struct store *store, int64_t id, struct arena *arena,
                                      struct store_certificate_row *row, bool *found,
                                      struct ct_err *err) CT_MUST_CHECK;

#endif
