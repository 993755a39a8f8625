/*
 * migrations: the database schema, as numbered steps embedded in the binary.
 *
 * store_migrate() applies every step the database has not had yet, each in its own
 * transaction together with the row that records it in schema_migrations, so a
 * database is always at exactly one version and running it again changes nothing.
 */
#ifndef CERTTRACK_MIGRATIONS_H
#define CERTTRACK_MIGRATIONS_H

#include <stdint.h>

#include "db.h"

/* The newest schema version this binary knows. */
int64_t migrations_latest_version(void);

/* Brings db up to the latest version. Fails (changing nothing more) when the database
 * is newer than this binary. *applied (may be NULL) is set to the number of steps run. */
enum ct_status migrations_apply(struct db *db, int *applied, struct ct_err *err) CT_MUST_CHECK;

/* Brings db up to version last (at most the latest): migrations_apply for a test that
 * must see a database as an earlier version left it. */
enum ct_status migrations_apply_until(struct db *db, int64_t last, int *applied,
                                      struct ct_err *err) CT_MUST_CHECK;

/* The database's current schema version (0 for an empty database). */
enum ct_status migrations_current_version(struct db *db, int64_t *version,
                                          struct ct_err *err) CT_MUST_CHECK;

#endif
