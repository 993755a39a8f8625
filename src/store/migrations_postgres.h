/*
 * migrations_postgres: where a migration's SQL must differ on PostgreSQL.
 *
 * The migrations are written once, in SQL both backends read, and the PostgreSQL backend
 * rewrites their column types (sql_postgres.h). A few cannot be written once: SQLite
 * allows a reference to a table made later in the same migration, and its triggers and
 * functions are spelled differently. For those migrations this module keeps edits (each
 * a piece of the SQLite text and what PostgreSQL runs in its place) and SQL to run after;
 * an edit whose text is not found is refused, so that a changed migration cannot
 * silently lose its PostgreSQL form. tests/unit/test_schema_backends.c compares the two
 * schemas column by column.
 */
#ifndef CERTTRACK_MIGRATIONS_POSTGRES_H
#define CERTTRACK_MIGRATIONS_POSTGRES_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/err.h"

/* The SQL PostgreSQL runs for migration version's part sql (its first part when after is
 * false, its part after the C step when true): *out (owned by the caller, free()) is sql
 * with this module's edits made and its SQL to run after appended. */
enum ct_status migrations_postgres_sql(int64_t version, const char *sql, bool after, char **out,
                                       struct ct_err *err) CT_MUST_CHECK;

#endif
