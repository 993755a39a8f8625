/*
 * store_newly_certified: the certificates awarded in a range of days, for the list of the
 * newly certified that the State Library publishes each year (by program, then library).
 *
 * A certificate counts when certtrack awarded it (provenance "awarded": one brought in
 * from the records kept before certtrack, provenance "imported", is no news), it was
 * issued on a day of the range, and it is not revoked.
 */
#ifndef CERTTRACK_STORE_NEWLY_CERTIFIED_H
#define CERTTRACK_STORE_NEWLY_CERTIFIED_H

#include "store.h"
#include "store_statewide.h"

struct newly_certified_row {
    int64_t certificate_id;
    char number[64];
    struct civil_date issued;
    char program[64];
    int64_t person_id;
    char name[256];
    int64_t library_id; /* 0: the person belongs to no library */
    char library[256];
    char city[128];
};

/* Reads into *rows (started empty; newly_certified_row; the caller frees it with
 * store_rows_release, also on failure) every certificate awarded from from to to (both
 * included) to a person the filter (borrowed: program, kind of library, consultant) lets
 * through, by program id, then library name (case folded; no library last), then the
 * person's name, then certificate id. */
enum ct_status store_newly_certified(struct store *store, struct civil_date from,
                                     struct civil_date to, const struct statewide_filter *filter,
                                     struct store_rows *rows, struct ct_err *err) CT_MUST_CHECK;

#endif
