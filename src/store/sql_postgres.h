/*
 * sql_postgres: the SQL certtrack writes, in the words PostgreSQL reads.
 *
 * Callers write one SQL for both backends (db.h). Two things still differ and are
 * rewritten here, outside quoted strings, identifiers and comments:
 *  - parameters: SQLite's "?" and "?N" become PostgreSQL's "$N" ("?" is one more than the
 *    largest number before it, as in SQLite);
 *  - schema column types: INTEGER is SQLite's 64-bit integer, BIGINT in PostgreSQL; an
 *    INTEGER PRIMARY KEY is a key the database numbers itself, an identity column; BLOB is
 *    BYTEA; REAL is DOUBLE PRECISION.
 * Nothing here touches a connection; the fuzz target fuzz_sql_postgres feeds both any
 * text.
 */
#ifndef CERTTRACK_SQL_POSTGRES_H
#define CERTTRACK_SQL_POSTGRES_H

#include "../core/err.h"

/* The largest parameter number a statement may use. */
enum { SQL_POSTGRES_MAX_PARAMS = 999 };

/* Rewrites the parameters of one statement: *out (owned by the caller, free()) is sql
 * with each "?" or "?N" as "$N", and *count the largest N (0 when there is none).
 * Refuses (CT_ERR_INPUT) a number of 0 or above SQL_POSTGRES_MAX_PARAMS, and a
 * string, identifier or comment left open. */
enum ct_status sql_postgres_params(const char *sql, char **out, int *count,
                                   struct ct_err *err) CT_MUST_CHECK;

/* Rewrites schema SQL (CREATE and ALTER statements, several allowed): *out (owned by the
 * caller, free()) has the column types above in PostgreSQL's words. Refuses
 * (CT_ERR_INPUT) a string, identifier or comment left open. */
enum ct_status sql_postgres_schema(const char *sql, char **out, struct ct_err *err) CT_MUST_CHECK;

#endif
