/*
 * db_open: opening the database a locator names, on the backend it names.
 */
#ifndef CERTTRACK_DB_OPEN_H
#define CERTTRACK_DB_OPEN_H

#include <stdbool.h>

#include "db.h"

/* True when locator names a PostgreSQL database: a "postgresql://" or "postgres://"
 * URI, or "postgresql:" alone for the libpq environment variables (PGHOST, PGDATABASE
 * and the rest). Anything else is a SQLite file ("sqlite:PATH" or PATH). */
bool db_locator_is_postgres(const char *locator);

/* The file a SQLite locator names (locator without its "sqlite:" prefix); borrowed from
 * locator. */
const char *db_locator_sqlite_path(const char *locator);

/* Opens the database locator names (see db_locator_is_postgres); create is for SQLite,
 * which makes the file when it is missing (a PostgreSQL database is made by its
 * administrator). The caller closes it with db_close. */
enum ct_status db_open(const char *locator, bool create, struct db **out,
                       struct ct_err *err) CT_MUST_CHECK;

#endif
