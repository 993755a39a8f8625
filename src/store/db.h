/*
 * db: the one door to SQL.
 *
 * Every query in certtrack goes through this small interface: prepared statements with
 * "?" parameters (never SQL built from user text), explicit transactions, and typed
 * column reads. Two backends implement it: SQLite (db_sqlite.h), the embedded default,
 * and PostgreSQL through libpq (db_postgres.h). Callers write one SQL for both: "?" or
 * "?N" parameters, portable functions (the PostgreSQL backend defines group_concat,
 * instr and text_fold as SQLite has them, and json_extract for an integer member only),
 * an alias for every subquery in FROM, RETURNING for new ids, and ON CONFLICT rather
 * than INSERT OR IGNORE. Where the two must differ, a caller asks db_dialect.
 */
#ifndef CERTTRACK_DB_H
#define CERTTRACK_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db_dialect.h"
#include "../core/err.h"

struct db;
struct db_stmt;

/* Which SQL the connection speaks. */
enum db_dialect db_dialect(const struct db *db);

/* Closes the connection, finalizing nothing: every statement must be finalized first.
 * NULL is a no-op. */
void db_close(struct db *db);

/* Runs SQL text without parameters (schema changes only; several statements allowed). */
enum ct_status db_exec(struct db *db, const char *sql, struct ct_err *err) CT_MUST_CHECK;

/* Prepares one statement; the caller finalizes it with db_finalize. */
enum ct_status db_prepare(struct db *db, const char *sql, struct db_stmt **out,
                          struct ct_err *err) CT_MUST_CHECK;

/* Frees a statement; NULL is a no-op. */
void db_finalize(struct db_stmt *stmt);

/* Resets a statement to run again; bindings are kept until rebound. */
void db_reset(struct db_stmt *stmt);

/* Binds parameter index (1-based). Text is copied (borrowed for the call). A NULL
 * text binds SQL NULL. */
enum ct_status db_bind_int64(struct db_stmt *stmt, int index, int64_t value) CT_MUST_CHECK;
enum ct_status db_bind_text(struct db_stmt *stmt, int index, const char *text) CT_MUST_CHECK;
enum ct_status db_bind_null(struct db_stmt *stmt, int index) CT_MUST_CHECK;
/* Binds size bytes (copied; borrowed for the call) as a binary value: a BLOB in
 * SQLite, bytea in PostgreSQL. NULL bytes bind SQL NULL. */
enum ct_status db_bind_blob(struct db_stmt *stmt, int index, const void *bytes,
                            size_t size) CT_MUST_CHECK;

/* A parameter value, for binding several at once with db_bind_all. */
enum db_param_type { DB_PARAM_INT, DB_PARAM_TEXT, DB_PARAM_BLOB };
struct db_param {
    enum db_param_type type;
    int64_t integer;  /* an integer's value; a blob's size in bytes */
    const char *text; /* borrowed; NULL binds SQL NULL; a blob's bytes */
};
#define DB_INT(value)  ((struct db_param){DB_PARAM_INT, (value), NULL})
#define DB_TEXT(value) ((struct db_param){DB_PARAM_TEXT, 0, (value)})
/* size bytes at bytes (borrowed), bound with db_bind_blob. */
#define DB_BLOB(bytes, size)                                                                       \
    ((struct db_param){DB_PARAM_BLOB, (int64_t)(size), (const char *)(bytes)})

/* Binds params[0..count) to parameters 1..count. */
enum ct_status db_bind_all(struct db_stmt *stmt, const struct db_param *params, size_t count,
                           struct ct_err *err) CT_MUST_CHECK;

/* Runs one step: *has_row is true when a row is ready to read, false when done. */
enum ct_status db_step(struct db_stmt *stmt, bool *has_row, struct ct_err *err) CT_MUST_CHECK;

/* Column reads of the current row (0-based). Text is borrowed until the next step,
 * reset or finalize; NULL for SQL NULL. */
int64_t db_column_int64(struct db_stmt *stmt, int column);
const char *db_column_text(struct db_stmt *stmt, int column);
bool db_column_is_null(struct db_stmt *stmt, int column);
/* A binary column's bytes (borrowed until the next step, reset or finalize; NULL for
 * SQL NULL or an empty value) and their count. */
const void *db_column_blob(struct db_stmt *stmt, int column);
size_t db_column_bytes(struct db_stmt *stmt, int column);

/* The current row's shape: column count, names (borrowed) and whether a column holds
 * an integer (else text or NULL). */
int db_column_count(struct db_stmt *stmt);
const char *db_column_name(struct db_stmt *stmt, int column);
bool db_column_is_integer(struct db_stmt *stmt, int column);

/* Transactions. db_begin takes the write lock at once (BEGIN IMMEDIATE in SQLite), so
 * a transaction never fails half-way for want of the lock. Inside a transaction, db_begin
 * opens a nested one (a savepoint): its db_commit keeps its changes for the outer
 * transaction to commit, its db_rollback undoes only them. db_rollback never fails. */
enum ct_status db_begin(struct db *db, struct ct_err *err) CT_MUST_CHECK;
/* Begins a transaction that only reads, outside any other: every read in it sees one
 * snapshot of the database (SQLite's deferred BEGIN; PostgreSQL's REPEATABLE READ, READ
 * ONLY). It takes no write lock. End it with db_rollback (or db_commit). */
enum ct_status db_begin_read(struct db *db, struct ct_err *err) CT_MUST_CHECK;
enum ct_status db_commit(struct db *db, struct ct_err *err) CT_MUST_CHECK;
void db_rollback(struct db *db);

/* True while a transaction is open on this connection. */
bool db_in_transaction(struct db *db);

/* True inside a nested transaction (a savepoint within a transaction). */
bool db_nested(struct db *db);

/* Writes an online, consistent copy of the database to path (which must not exist). */
enum ct_status db_backup(struct db *db, const char *path, struct ct_err *err) CT_MUST_CHECK;

/* Runs the backend's integrity check; fails with its first message when not "ok". */
enum ct_status db_check_integrity(struct db *db, struct ct_err *err) CT_MUST_CHECK;

/* Fails (CT_ERR_INPUT, where "database") when a row references a row that is not there
 * (SQLite's foreign_key_check; PostgreSQL checks every reference as it is made). */
enum ct_status db_check_references(struct db *db, struct ct_err *err) CT_MUST_CHECK;

/* Turns the checking of references on or off for this connection, outside any
 * transaction, for a migration that rebuilds a table others reference (SQLite's ALTER
 * TABLE procedure); PostgreSQL alters tables in place and does nothing here. */
enum ct_status db_set_reference_checks(struct db *db, bool on, struct ct_err *err) CT_MUST_CHECK;

#endif
