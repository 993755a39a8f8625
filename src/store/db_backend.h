/*
 * db_backend: what a backend of db.h provides (for db.c and the backends only).
 *
 * A backend's connection and statement structs begin with struct db and struct db_stmt,
 * whose one member is the backend's table of operations; db.c calls through it. The
 * pattern is curl's and h2o's: one interface, a table per implementation, no casts
 * outside the backend that owns the struct.
 */
#ifndef CERTTRACK_DB_BACKEND_H
#define CERTTRACK_DB_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db_dialect.h"
#include "../core/err.h"

struct db_ops {
    enum db_dialect dialect;
    void (*close)(struct db *db);
    enum ct_status (*exec)(struct db *db, const char *sql, struct ct_err *err);
    enum ct_status (*prepare)(struct db *db, const char *sql, struct db_stmt **out,
                              struct ct_err *err);
    void (*finalize)(struct db_stmt *stmt);
    void (*reset)(struct db_stmt *stmt);
    enum ct_status (*bind_int64)(struct db_stmt *stmt, int index, int64_t value);
    enum ct_status (*bind_text)(struct db_stmt *stmt, int index, const char *text);
    enum ct_status (*bind_null)(struct db_stmt *stmt, int index);
    enum ct_status (*bind_blob)(struct db_stmt *stmt, int index, const void *bytes, size_t size);
    enum ct_status (*step)(struct db_stmt *stmt, bool *has_row, struct ct_err *err);
    int64_t (*column_int64)(struct db_stmt *stmt, int column);
    const char *(*column_text)(struct db_stmt *stmt, int column);
    bool (*column_is_null)(struct db_stmt *stmt, int column);
    const void *(*column_blob)(struct db_stmt *stmt, int column);
    size_t (*column_bytes)(struct db_stmt *stmt, int column);
    int (*column_count)(struct db_stmt *stmt);
    const char *(*column_name)(struct db_stmt *stmt, int column);
    bool (*column_is_integer)(struct db_stmt *stmt, int column);
    enum ct_status (*begin)(struct db *db, struct ct_err *err);
    enum ct_status (*begin_read)(struct db *db, struct ct_err *err);
    enum ct_status (*commit)(struct db *db, struct ct_err *err);
    void (*rollback)(struct db *db);
    bool (*in_transaction)(struct db *db);
    bool (*nested)(struct db *db);
    enum ct_status (*backup)(struct db *db, const char *path, struct ct_err *err);
    enum ct_status (*check_integrity)(struct db *db, struct ct_err *err);
    enum ct_status (*check_references)(struct db *db, struct ct_err *err);
    enum ct_status (*set_reference_checks)(struct db *db, bool on, struct ct_err *err);
};

struct db {
    const struct db_ops *ops;
};

struct db_stmt {
    const struct db_ops *ops;
};

#endif
