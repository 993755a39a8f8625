/*
 * migrations: the database schema, as numbered steps embedded in the binary.
 *
 * store_migrate() applies every step the database has not had yet, in the order of their
 * versions, each in its own transaction together with the row that records it in
 * schema_migrations, so running it again changes nothing. A step is "had" when its row
 * is there, not when a later version is: two changes made at the same time may take
 * neighbouring versions and land in either order, and a database that had the later one
 * first still gets the earlier.
 */
#ifndef CERTTRACK_MIGRATIONS_H
#define CERTTRACK_MIGRATIONS_H

#include <stdint.h>

#include "db.h"

/* The newest schema version this binary knows. */
int64_t migrations_latest_version(void);

/* How many steps this binary knows (versions may have gaps: see above). */
int migrations_count(void);

/* Brings db up to the latest version. Fails (changing nothing more) when the database
 * is newer than this binary. *applied (may be NULL) is set to the number of steps run. */
enum ct_status migrations_apply(struct db *db, int *applied, struct ct_err *err) CT_MUST_CHECK;

/* Brings db up to version last (at most the latest): migrations_apply for a test that
 * must see a database as an earlier version left it. */
enum ct_status migrations_apply_until(struct db *db, int64_t last, int *applied,
                                      struct ct_err *err) CT_MUST_CHECK;

/* The database's current schema version: the newest step it has had (0 for an empty
 * database). */
enum ct_status migrations_current_version(struct db *db, int64_t *version,
                                          struct ct_err *err) CT_MUST_CHECK;

#endif
