/*
 * db: the interface of db.h, calling the backend that opened each connection.
 */
#include "db.h"

#include "db_backend.h"
#include "../core/banned.h"

enum db_dialect db_dialect(const struct db *db)
{
    return db->ops->dialect;
}

void db_close(struct db *db)
{
    if (db != NULL) {
        db->ops->close(db);
    }
}

enum ct_status db_exec(struct db *db, const char *sql, struct ct_err *err)
{
    return db->ops->exec(db, sql, err);
}

enum ct_status db_prepare(struct db *db, const char *sql, struct db_stmt **out, struct ct_err *err)
{
    return db->ops->prepare(db, sql, out, err);
}

void db_finalize(struct db_stmt *stmt)
{
    if (stmt != NULL) {
        stmt->ops->finalize(stmt);
    }
}

void db_reset(struct db_stmt *stmt)
{
    stmt->ops->reset(stmt);
}

enum ct_status db_bind_int64(struct db_stmt *stmt, int index, int64_t value)
{
    return stmt->ops->bind_int64(stmt, index, value);
}

enum ct_status db_bind_text(struct db_stmt *stmt, int index, const char *text)
{
    if (text == NULL) {
        return db_bind_null(stmt, index);
    }
    return stmt->ops->bind_text(stmt, index, text);
}

enum ct_status db_bind_null(struct db_stmt *stmt, int index)
{
    return stmt->ops->bind_null(stmt, index);
}

enum ct_status db_bind_blob(struct db_stmt *stmt, int index, const void *bytes, size_t size)
{
    if (bytes == NULL) {
        return db_bind_null(stmt, index);
    }
    return stmt->ops->bind_blob(stmt, index, bytes, size);
}

static enum ct_status bind_param(struct db_stmt *stmt, int index, const struct db_param *param)
{
    switch (param->type) {
    case DB_PARAM_INT:
        return db_bind_int64(stmt, index, param->integer);
    case DB_PARAM_BLOB:
        return db_bind_blob(stmt, index, param->text, (size_t)param->integer);
    default:
        return db_bind_text(stmt, index, param->text);
    }
}

enum ct_status db_bind_all(struct db_stmt *stmt, const struct db_param *params, size_t count,
                           struct ct_err *err)
{
    for (size_t i = 0; i < count; i++) {
        int index = (int)i + 1;
        enum ct_status status = bind_param(stmt, index, &params[i]);
        if (status != CT_OK) {
            return ct_err_set(err, status, "database", "cannot bind parameter %d", index);
        }
    }
    return CT_OK;
}

enum ct_status db_step(struct db_stmt *stmt, bool *has_row, struct ct_err *err)
{
    return stmt->ops->step(stmt, has_row, err);
}

int64_t db_column_int64(struct db_stmt *stmt, int column)
{
    return stmt->ops->column_int64(stmt, column);
}

const char *db_column_text(struct db_stmt *stmt, int column)
{
    return stmt->ops->column_text(stmt, column);
}

bool db_column_is_null(struct db_stmt *stmt, int column)
{
    return stmt->ops->column_is_null(stmt, column);
}

const void *db_column_blob(struct db_stmt *stmt, int column)
{
    return stmt->ops->column_blob(stmt, column);
}

size_t db_column_bytes(struct db_stmt *stmt, int column)
{
    return stmt->ops->column_bytes(stmt, column);
}

int db_column_count(struct db_stmt *stmt)
{
    return stmt->ops->column_count(stmt);
}

const char *db_column_name(struct db_stmt *stmt, int column)
{
    return stmt->ops->column_name(stmt, column);
}

bool db_column_is_integer(struct db_stmt *stmt, int column)
{
    return stmt->ops->column_is_integer(stmt, column);
}

enum ct_status db_begin(struct db *db, struct ct_err *err)
{
    return db->ops->begin(db, err);
}

enum ct_status db_begin_read(struct db *db, struct ct_err *err)
{
    return db->ops->begin_read(db, err);
}

enum ct_status db_commit(struct db *db, struct ct_err *err)
{
    return db->ops->commit(db, err);
}

void db_rollback(struct db *db)
{
    db->ops->rollback(db);
}

bool db_in_transaction(struct db *db)
{
    return db->ops->in_transaction(db);
}

bool db_nested(struct db *db)
{
    return db->ops->nested(db);
}

enum ct_status db_backup(struct db *db, const char *path, struct ct_err *err)
{
    return db->ops->backup(db, path, err);
}

enum ct_status db_check_integrity(struct db *db, struct ct_err *err)
{
    return db->ops->check_integrity(db, err);
}

enum ct_status db_check_references(struct db *db, struct ct_err *err)
{
    return db->ops->check_references(db, err);
}

enum ct_status db_set_reference_checks(struct db *db, bool on, struct ct_err *err)
{
    return db->ops->set_reference_checks(db, on, err);
}
