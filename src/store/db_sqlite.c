/*
 * db_sqlite: the SQLite backend of db.h.
 */
#include "db_sqlite.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db_backend.h"
#include "../core/text_key.h"
#include "../core/banned.h"

enum { BUSY_TIMEOUT_MS = 5000, STATEMENT_CACHE_SIZE = 64 };

/* The SQL function text_fold(text): text_key_search's key (case and accents folded), so
 * that a search for "elodie" finds "Élodie"; NULL stays NULL, text that is not UTF-8 is
 * its own key. */
static void text_fold(sqlite3_context *context, int count, sqlite3_value **values)
{
    (void)count;
    const char *text = (const char *)sqlite3_value_text(values[0]);
    char *key = NULL;
    if (text == NULL) {
        sqlite3_result_null(context);
    } else if (text_key_search(text, &key) != CT_OK || key == NULL) {
        sqlite3_result_text(context, text, -1, SQLITE_TRANSIENT);
    } else {
        sqlite3_result_text(context, key, -1, free);
    }
}

/* A prepared statement kept for the next db_prepare of the same SQL text: parsing and
 * planning a statement costs more than running most of them. */
struct cached_statement {
    char *sql; /* owned copy; NULL for a free slot */
    uint64_t sql_hash;
    sqlite3_stmt *handle;
    bool in_use;
};

struct sqlite_db {
    struct db base; /* first: the struct db * of db.h is this struct's address */
    sqlite3 *handle;
    int depth; /* open db_begin calls: the outer one a transaction, the rest savepoints */
    struct cached_statement cache[STATEMENT_CACHE_SIZE];
    size_t next_eviction;
};

struct sqlite_stmt {
    struct db_stmt base; /* first: the struct db_stmt * of db.h is this struct's address */
    struct sqlite_db *db;
    sqlite3_stmt *handle;
    struct cached_statement *cached; /* NULL when prepared for this use only */
};

static const struct db_ops sqlite_ops;

static enum ct_status sqlite_error(struct sqlite_db *db, const char *what, struct ct_err *err)
{
    int code = sqlite3_extended_errcode(db->handle);
    enum ct_status status = code == SQLITE_NOMEM                 ? CT_ERR_NOMEM
                            : (code & 0xff) == SQLITE_CONSTRAINT ? CT_ERR_INPUT
                                                                 : CT_ERR_IO;
    return ct_err_set(err, status, "database", "%s: %s", what, sqlite3_errmsg(db->handle));
}

static void sqlite_close(struct db *base)
{
    struct sqlite_db *db = (struct sqlite_db *)base;
    for (size_t i = 0; i < STATEMENT_CACHE_SIZE; i++) {
        sqlite3_finalize(db->cache[i].handle);
        free(db->cache[i].sql);
    }
    sqlite3_close(db->handle);
    free(db);
}

static enum ct_status sqlite_exec(struct db *base, const char *sql, struct ct_err *err)
{
    struct sqlite_db *db = (struct sqlite_db *)base;
    char *message = NULL;
    if (sqlite3_exec(db->handle, sql, NULL, NULL, &message) != SQLITE_OK) {
        enum ct_status status = ct_err_set(err, CT_ERR_IO, "database", "%s",
                                           message != NULL ? message : "statement failed");
        sqlite3_free(message);
        return status;
    }
    return CT_OK;
}

static uint64_t sql_hash_of(const char *sql)
{
    uint64_t hash = 14695981039346656037u;
    for (const unsigned char *c = (const unsigned char *)sql; *c != '\0'; c++) {
        hash = (hash ^ *c) * 1099511628211u;
    }
    return hash;
}

/* The cached statement for sql, free to use; NULL when there is none. */
static struct cached_statement *cache_find(struct sqlite_db *db, const char *sql, uint64_t hash)
{
    for (size_t i = 0; i < STATEMENT_CACHE_SIZE; i++) {
        struct cached_statement *entry = &db->cache[i];
        if (entry->sql != NULL && !entry->in_use && entry->sql_hash == hash &&
            strcmp(entry->sql, sql) == 0) {
            return entry;
        }
    }
    return NULL;
}

/* A slot for a new statement: a free one, else an unused one evicted in turn; NULL
 * when every slot is in use. */
static struct cached_statement *cache_slot(struct sqlite_db *db)
{
    for (size_t i = 0; i < STATEMENT_CACHE_SIZE; i++) {
        if (db->cache[i].sql == NULL) {
            return &db->cache[i];
        }
    }
    for (size_t tried = 0; tried < STATEMENT_CACHE_SIZE; tried++) {
        struct cached_statement *entry = &db->cache[db->next_eviction];
        db->next_eviction = (db->next_eviction + 1) % STATEMENT_CACHE_SIZE;
        if (!entry->in_use) {
            sqlite3_finalize(entry->handle);
            free(entry->sql);
            *entry = (struct cached_statement){0};
            return entry;
        }
    }
    return NULL;
}

static enum ct_status sqlite_prepare(struct db *base, const char *sql, struct db_stmt **out,
                                     struct ct_err *err)
{
    struct sqlite_db *db = (struct sqlite_db *)base;
    *out = NULL;
    struct sqlite_stmt *stmt = calloc(1, sizeof *stmt);
    if (stmt == NULL) {
        return ct_err_nomem(err);
    }
    stmt->base.ops = &sqlite_ops;
    stmt->db = db;
    uint64_t hash = sql_hash_of(sql);
    struct cached_statement *entry = cache_find(db, sql, hash);
    if (entry != NULL) {
        entry->in_use = true;
        stmt->handle = entry->handle;
        stmt->cached = entry;
        *out = &stmt->base;
        return CT_OK;
    }
    if (sqlite3_prepare_v2(db->handle, sql, -1, &stmt->handle, NULL) != SQLITE_OK) {
        free(stmt);
        return sqlite_error(db, "cannot prepare a statement", err);
    }
    entry = cache_slot(db);
    char *copy = entry != NULL ? strdup(sql) : NULL;
    if (copy != NULL) {
        *entry = (struct cached_statement){copy, hash, stmt->handle, true};
        stmt->cached = entry;
    }
    *out = &stmt->base;
    return CT_OK;
}

static void sqlite_finalize(struct db_stmt *base)
{
    struct sqlite_stmt *stmt = (struct sqlite_stmt *)base;
    if (stmt->cached != NULL) {
        /* Back to the cache: reset (which ends its read) and without its bindings. */
        sqlite3_reset(stmt->handle);
        sqlite3_clear_bindings(stmt->handle);
        stmt->cached->in_use = false;
    } else {
        sqlite3_finalize(stmt->handle);
    }
    free(stmt);
}

static void sqlite_reset(struct db_stmt *base)
{
    struct sqlite_stmt *stmt = (struct sqlite_stmt *)base;
    sqlite3_reset(stmt->handle);
}

static enum ct_status bind_result(int code)
{
    if (code == SQLITE_OK) {
        return CT_OK;
    }
    return code == SQLITE_NOMEM ? CT_ERR_NOMEM : CT_ERR_INPUT;
}

static enum ct_status sqlite_bind_int64(struct db_stmt *base, int index, int64_t value)
{
    struct sqlite_stmt *stmt = (struct sqlite_stmt *)base;
    return bind_result(sqlite3_bind_int64(stmt->handle, index, value));
}

static enum ct_status sqlite_bind_text(struct db_stmt *base, int index, const char *text)
{
    struct sqlite_stmt *stmt = (struct sqlite_stmt *)base;
    return bind_result(sqlite3_bind_text(stmt->handle, index, text, -1, SQLITE_TRANSIENT));
}

static enum ct_status sqlite_bind_null(struct db_stmt *base, int index)
{
    struct sqlite_stmt *stmt = (struct sqlite_stmt *)base;
    return bind_result(sqlite3_bind_null(stmt->handle, index));
}

static enum ct_status sqlite_bind_blob(struct db_stmt *base, int index, const void *bytes,
                                       size_t size)
{
    struct sqlite_stmt *stmt = (struct sqlite_stmt *)base;
    return bind_result(
        sqlite3_bind_blob64(stmt->handle, index, bytes, (sqlite3_uint64)size, SQLITE_TRANSIENT));
}

static enum ct_status sqlite_step(struct db_stmt *base, bool *has_row, struct ct_err *err)
{
    struct sqlite_stmt *stmt = (struct sqlite_stmt *)base;
    int code = sqlite3_step(stmt->handle);
    *has_row = code == SQLITE_ROW;
    if (code == SQLITE_ROW || code == SQLITE_DONE) {
        return CT_OK;
    }
    return sqlite_error(stmt->db, "query failed", err);
}

static int64_t sqlite_column_int64(struct db_stmt *base, int column)
{
    struct sqlite_stmt *stmt = (struct sqlite_stmt *)base;
    return sqlite3_column_int64(stmt->handle, column);
}

static const char *sqlite_column_text(struct db_stmt *base, int column)
{
    struct sqlite_stmt *stmt = (struct sqlite_stmt *)base;
    return (const char *)sqlite3_column_text(stmt->handle, column);
}

static bool sqlite_column_is_null(struct db_stmt *base, int column)
{
    struct sqlite_stmt *stmt = (struct sqlite_stmt *)base;
    return sqlite3_column_type(stmt->handle, column) == SQLITE_NULL;
}

static const void *sqlite_column_blob(struct db_stmt *base, int column)
{
    struct sqlite_stmt *stmt = (struct sqlite_stmt *)base;
    return sqlite3_column_blob(stmt->handle, column);
}

static size_t sqlite_column_bytes(struct db_stmt *base, int column)
{
    struct sqlite_stmt *stmt = (struct sqlite_stmt *)base;
    return (size_t)sqlite3_column_bytes(stmt->handle, column);
}

static int sqlite_column_count(struct db_stmt *base)
{
    struct sqlite_stmt *stmt = (struct sqlite_stmt *)base;
    return sqlite3_column_count(stmt->handle);
}

static const char *sqlite_column_name(struct db_stmt *base, int column)
{
    struct sqlite_stmt *stmt = (struct sqlite_stmt *)base;
    return sqlite3_column_name(stmt->handle, column);
}

static bool sqlite_column_is_integer(struct db_stmt *base, int column)
{
    struct sqlite_stmt *stmt = (struct sqlite_stmt *)base;
    return sqlite3_column_type(stmt->handle, column) == SQLITE_INTEGER;
}

static enum ct_status sqlite_begin(struct db *base, struct ct_err *err)
{
    struct sqlite_db *db = (struct sqlite_db *)base;
    char sql[32];
    if (db->depth == 0) {
        snprintf(sql, sizeof sql, "BEGIN IMMEDIATE");
    } else {
        snprintf(sql, sizeof sql, "SAVEPOINT nested_%d", db->depth);
    }
    enum ct_status status = sqlite_exec(base, sql, err);
    db->depth += status == CT_OK;
    return status;
}

static enum ct_status sqlite_begin_read(struct db *base, struct ct_err *err)
{
    struct sqlite_db *db = (struct sqlite_db *)base;
    enum ct_status status = sqlite_exec(base, "BEGIN", err);
    db->depth += status == CT_OK;
    return status;
}

static enum ct_status sqlite_commit(struct db *base, struct ct_err *err)
{
    struct sqlite_db *db = (struct sqlite_db *)base;
    if (db->depth == 0) {
        return ct_err_set(err, CT_ERR_IO, "database", "commit without a transaction");
    }
    char sql[32];
    if (db->depth == 1) {
        snprintf(sql, sizeof sql, "COMMIT");
    } else {
        snprintf(sql, sizeof sql, "RELEASE nested_%d", db->depth - 1);
    }
    enum ct_status status = sqlite_exec(base, sql, err);
    db->depth -= status == CT_OK;
    return status;
}

static void sqlite_rollback(struct db *base)
{
    struct sqlite_db *db = (struct sqlite_db *)base;
    if (db->depth <= 1) {
        if (!sqlite3_get_autocommit(db->handle)) {
            sqlite3_exec(db->handle, "ROLLBACK", NULL, NULL, NULL);
        }
        db->depth = 0;
        return;
    }
    db->depth--;
    char sql[64];
    snprintf(sql, sizeof sql, "ROLLBACK TO nested_%d; RELEASE nested_%d", db->depth, db->depth);
    sqlite3_exec(db->handle, sql, NULL, NULL, NULL);
}

static bool sqlite_in_transaction(struct db *base)
{
    struct sqlite_db *db = (struct sqlite_db *)base;
    return !sqlite3_get_autocommit(db->handle);
}

static bool sqlite_nested(struct db *base)
{
    struct sqlite_db *db = (struct sqlite_db *)base;
    return db->depth > 1;
}

static enum ct_status sqlite_backup(struct db *base, const char *path, struct ct_err *err)
{
    struct sqlite_db *db = (struct sqlite_db *)base;
    if (access(path, F_OK) == 0) {
        return ct_err_set(err, CT_ERR_INPUT, path, "already exists; choose a new file");
    }
    sqlite3 *target = NULL;
    if (sqlite3_open_v2(path, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK) {
        enum ct_status status = ct_err_set(err, CT_ERR_IO, path, "cannot create the backup: %s",
                                           target != NULL ? sqlite3_errmsg(target) : "no memory");
        sqlite3_close(target);
        return status;
    }
    sqlite3_backup *backup = sqlite3_backup_init(target, "main", db->handle, "main");
    int code = SQLITE_ERROR;
    if (backup != NULL) {
        /* All pages in one step: a consistent snapshot even while others write. */
        code = sqlite3_backup_step(backup, -1);
        sqlite3_backup_finish(backup);
    }
    enum ct_status status = CT_OK;
    if (code != SQLITE_DONE) {
        status = ct_err_set(err, CT_ERR_IO, path, "backup failed: %s", sqlite3_errmsg(target));
    }
    sqlite3_close(target);
    if (status != CT_OK) {
        unlink(path);
    }
    return status;
}

static enum ct_status sqlite_check_integrity(struct db *base, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = sqlite_prepare(base, "PRAGMA integrity_check", &stmt, err);
    bool has_row = false;
    if (status == CT_OK) {
        status = sqlite_step(stmt, &has_row, err);
    }
    if (status == CT_OK && has_row && strcmp(sqlite_column_text(stmt, 0), "ok") != 0) {
        status = ct_err_set(err, CT_ERR_IO, "database", "integrity check failed: %s",
                            sqlite_column_text(stmt, 0));
    }
    sqlite_finalize(stmt);
    return status;
}

/* Refuses (CT_ERR_INPUT, where "database") when a row references one that is not there. */
static enum ct_status sqlite_check_references(struct db *base, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = sqlite_prepare(base, "PRAGMA foreign_key_check", &stmt, err);
    bool has_row = false;
    if (status == CT_OK) {
        status = sqlite_step(stmt, &has_row, err);
    }
    if (status == CT_OK && has_row) {
        status =
            ct_err_set(err, CT_ERR_INPUT, "database", "a row of %s references a missing row of %s",
                       sqlite_column_text(stmt, 0), sqlite_column_text(stmt, 2));
    }
    sqlite_finalize(stmt);
    return status;
}

static enum ct_status sqlite_set_reference_checks(struct db *base, bool on, struct ct_err *err)
{
    return sqlite_exec(base, on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF", err);
}

static const struct db_ops sqlite_ops = {
    .dialect = DB_DIALECT_SQLITE,
    .close = sqlite_close,
    .exec = sqlite_exec,
    .prepare = sqlite_prepare,
    .finalize = sqlite_finalize,
    .reset = sqlite_reset,
    .bind_int64 = sqlite_bind_int64,
    .bind_text = sqlite_bind_text,
    .bind_null = sqlite_bind_null,
    .bind_blob = sqlite_bind_blob,
    .step = sqlite_step,
    .column_int64 = sqlite_column_int64,
    .column_text = sqlite_column_text,
    .column_is_null = sqlite_column_is_null,
    .column_blob = sqlite_column_blob,
    .column_bytes = sqlite_column_bytes,
    .column_count = sqlite_column_count,
    .column_name = sqlite_column_name,
    .column_is_integer = sqlite_column_is_integer,
    .begin = sqlite_begin,
    .begin_read = sqlite_begin_read,
    .commit = sqlite_commit,
    .rollback = sqlite_rollback,
    .in_transaction = sqlite_in_transaction,
    .nested = sqlite_nested,
    .backup = sqlite_backup,
    .check_integrity = sqlite_check_integrity,
    .check_references = sqlite_check_references,
    .set_reference_checks = sqlite_set_reference_checks,
};

enum ct_status db_open_sqlite(const char *path, bool create, struct db **out, struct ct_err *err)
{
    *out = NULL;
    if (!create && access(path, F_OK) != 0) {
        return ct_err_set(err, CT_ERR_IO, path,
                          "no database here (create one with certtrack init)");
    }
    struct sqlite_db *db = calloc(1, sizeof *db);
    if (db != NULL) {
        db->base.ops = &sqlite_ops;
    }
    if (db == NULL) {
        return ct_err_nomem(err);
    }
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path, &db->handle, flags, NULL) != SQLITE_OK) {
        enum ct_status status =
            ct_err_set(err, CT_ERR_IO, path, "cannot open the database: %s",
                       db->handle != NULL ? sqlite3_errmsg(db->handle) : "out of memory");
        sqlite_close(&db->base);
        return status;
    }
    sqlite3_busy_timeout(db->handle, BUSY_TIMEOUT_MS);
    sqlite3_extended_result_codes(db->handle, 1);
    (void)sqlite3_create_function(db->handle, "text_fold", 1,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                  text_fold, NULL, NULL);
    /* Each connection's page cache is 1 MiB (SQLite's default is 2 MiB): a server holds
     * one connection per request thread, and with the default their caches went on
     * filling for minutes under load, the server's size with them; at 1 MiB they are full
     * within the first minute and the size stays flat (make soak, docs/benchmarks.md). */
    enum ct_status status = sqlite_exec(&db->base,
                                        "PRAGMA journal_mode = WAL;"
                                        "PRAGMA synchronous = NORMAL;"
                                        "PRAGMA foreign_keys = ON;"
                                        "PRAGMA cache_size = -1024;",
                                        err);
    if (status != CT_OK) {
        ct_err_prefix_where(err, path);
        sqlite_close(&db->base);
        return status;
    }
    *out = &db->base;
    return CT_OK;
}
