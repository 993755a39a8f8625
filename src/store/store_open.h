/*
 * store_open: opening a store, its database brought to the latest schema.
 *
 * Opening applies the migrations the database has not had (migrations.h), so it sits
 * above them and above every store_* module a migration step uses; the modules
 * themselves never open a store and build on store.h alone.
 */
#ifndef CERTTRACK_STORE_OPEN_H
#define CERTTRACK_STORE_OPEN_H

#include <stdbool.h>

#include "../core/program.h"
#include "store.h"

/* Opens the database at path (creating it when create is true), applies pending
 * migrations, and keeps programs (borrowed; it must outlive the store). Every change
 * then refreshes its persons' track summaries before it commits, and the first open
 * after migration 20 (and again after 22) fills them (store_track_summary.h). */
enum ct_status store_open(struct store *store, const char *path, bool create,
                          const struct program_set *programs, struct ct_err *err) CT_MUST_CHECK;

/* Closes the database; the store is then empty. */
void store_close(struct store *store);

#endif
