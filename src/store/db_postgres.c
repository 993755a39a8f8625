/*
 * db_postgres: the PostgreSQL backend of db.h (see db_postgres.h).
 *
 * Statements are sent with PQexecParams: values as text (integers typed int8, text left
 * for the server to type from its use, as SQLite's affinity does), binary values as
 * bytea in binary form; results come back whole, in text form, so that a caller may run
 * another statement while it reads the rows of one.
 */
#include "db_postgres.h"

#include <ctype.h>
#include <inttypes.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_backend.h"
#include "sql_postgres.h"
#include "../core/banned.h"

/* Type oids from PostgreSQL's catalog (pg_type.dat), stable across versions. */
enum { OID_BOOL = 16, OID_BYTEA = 17, OID_INT8 = 20, OID_INT2 = 21, OID_INT4 = 23 };

struct pg_db {
    struct db base; /* first: the struct db * of db.h is this struct's address */
    PGconn *conn;
    int depth; /* open db_begin calls: the outer one a transaction, the rest savepoints */
};

/* A bound parameter: its text (owned; NULL for SQL NULL), length and type. */
struct pg_param {
    char *value;
    int length;
    int format; /* 0 text, 1 binary */
    Oid type;
};

struct pg_stmt {
    struct db_stmt base; /* first */
    struct pg_db *db;
    char *sql;  /* owned: the statement with $N parameters */
    bool write; /* INSERT, UPDATE, DELETE or WITH: takes the write lock */
    int param_count;
    struct pg_param *params; /* owned, param_count of them */
    PGresult *result;        /* owned; NULL before the first step after a reset */
    int row;                 /* the current row, -1 before the first */
    unsigned char **blobs;   /* owned by libpq (PQfreemem): each column's decoded bytes */
    size_t *blob_sizes;
};

static const struct db_ops postgres_ops;

/* The columns of a unique key PostgreSQL names in its detail ("Key (a, b)=(...) already
 * exists."), copied into out without the values; "" when the detail has none. */
static void key_columns(const char *detail, char *out, size_t size)
{
    out[0] = '\0';
    const char *start = detail != NULL ? strstr(detail, "Key (") : NULL;
    const char *end = start != NULL ? strstr(start, ")=") : NULL;
    if (end != NULL) {
        start += strlen("Key (");
        snprintf(out, size, "%.*s", (int)(end - start), start);
    }
}

/* A broken constraint (CT_ERR_INPUT), said as SQLite says it ("UNIQUE constraint failed:
 * table: columns", "NOT NULL constraint failed: table.column", "CHECK constraint
 * failed: name", "FOREIGN KEY constraint failed"), without the values PostgreSQL's detail
 * holds: callers tell which rule a change broke from these words on either backend. */
static enum ct_status constraint_error(const PGresult *result, const char *state, const char *what,
                                       struct ct_err *err)
{
    const char *table = PQresultErrorField(result, PG_DIAG_TABLE_NAME);
    const char *column = PQresultErrorField(result, PG_DIAG_COLUMN_NAME);
    const char *constraint = PQresultErrorField(result, PG_DIAG_CONSTRAINT_NAME);
    table = table != NULL ? table : "";
    if (strcmp(state, "23505") == 0) {
        char columns[256];
        key_columns(PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL), columns, sizeof columns);
        return ct_err_set(err, CT_ERR_INPUT, "database",
                          "%s: UNIQUE constraint failed: %s: %s (%s)", what, table, columns,
                          constraint != NULL ? constraint : "");
    }
    if (strcmp(state, "23502") == 0) {
        return ct_err_set(err, CT_ERR_INPUT, "database", "%s: NOT NULL constraint failed: %s.%s",
                          what, table, column != NULL ? column : "");
    }
    if (strcmp(state, "23514") == 0) {
        return ct_err_set(err, CT_ERR_INPUT, "database", "%s: CHECK constraint failed: %s", what,
                          constraint != NULL ? constraint : table);
    }
    if (strcmp(state, "23503") == 0) {
        return ct_err_set(err, CT_ERR_INPUT, "database", "%s: FOREIGN KEY constraint failed (%s)",
                          what, constraint != NULL ? constraint : table);
    }
    return ct_err_set(err, CT_ERR_INPUT, "database", "%s: constraint failed: %s", what,
                      PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY));
}

/* CT_ERR_INPUT for a broken constraint, else CT_ERR_IO, with PostgreSQL's message and
 * what it means for the caller. */
static enum ct_status result_error(struct pg_db *db, const PGresult *result, const char *what,
                                   struct ct_err *err)
{
    const char *state = result != NULL ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : NULL;
    const char *message = result != NULL ? PQresultErrorMessage(result) : PQerrorMessage(db->conn);
    if (PQstatus(db->conn) == CONNECTION_BAD) {
        return ct_err_set(err, CT_ERR_IO, "database", "%s: lost the connection to PostgreSQL: %s",
                          what, PQerrorMessage(db->conn));
    }
    if (state != NULL && strncmp(state, "23", 2) == 0) {
        return constraint_error(result, state, what, err);
    }
    if (state != NULL && (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0)) {
        return ct_err_set(err, CT_ERR_IO, "database",
                          "%s: another change got in the way (serialization failure); "
                          "try again: %s",
                          what, message);
    }
    return ct_err_set(err, CT_ERR_IO, "database", "%s: %s", what, message);
}

/* Runs sql (no parameters, several statements allowed) and checks that it worked. */
static enum ct_status run_simple(struct pg_db *db, const char *sql, const char *what,
                                 struct ct_err *err)
{
    PGresult *result = PQexec(db->conn, sql);
    ExecStatusType state = result != NULL ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    enum ct_status status = CT_OK;
    if (state != PGRES_COMMAND_OK && state != PGRES_TUPLES_OK) {
        status = result_error(db, result, what, err);
    }
    PQclear(result);
    return status;
}

/* Opens the connection again when it was lost, outside a transaction only (a lost
 * transaction is lost: its caller rolls back and is told). */
static enum ct_status ensure_connected(struct pg_db *db, struct ct_err *err)
{
    if (PQstatus(db->conn) == CONNECTION_OK) {
        return CT_OK;
    }
    if (db->depth > 0) {
        return ct_err_set(err, CT_ERR_IO, "database",
                          "lost the connection to PostgreSQL during a transaction");
    }
    PQreset(db->conn);
    if (PQstatus(db->conn) != CONNECTION_OK) {
        return ct_err_set(err, CT_ERR_IO, "database", "cannot reach PostgreSQL again: %s",
                          PQerrorMessage(db->conn));
    }
    return run_simple(db, "SET TIME ZONE 'UTC'; SET client_min_messages = warning", "connect", err);
}

static bool in_transaction(struct pg_db *db)
{
    return PQtransactionStatus(db->conn) != PQTRANS_IDLE;
}

static void postgres_close(struct db *base)
{
    struct pg_db *db = (struct pg_db *)base;
    PQfinish(db->conn);
    free(db);
}

static enum ct_status postgres_exec(struct db *base, const char *sql, struct ct_err *err)
{
    struct pg_db *db = (struct pg_db *)base;
    char *schema = NULL;
    enum ct_status status = ensure_connected(db, err);
    if (status == CT_OK) {
        status = sql_postgres_schema(sql, &schema, err);
    }
    if (status == CT_OK) {
        status = run_simple(db, schema, "statement failed", err);
    }
    free(schema);
    return status;
}

/* True when the statement changes rows (its first word INSERT, UPDATE, DELETE, or WITH,
 * whose statement may): such a statement takes the write lock. */
static bool is_write(const char *sql)
{
    while (isspace((unsigned char)*sql) || *sql == '(') {
        sql++;
    }
    static const char *const words[] = {"INSERT", "UPDATE", "DELETE", "WITH"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t length = strlen(words[i]);
        if (strncasecmp(sql, words[i], length) == 0 && !isalnum((unsigned char)sql[length])) {
            return true;
        }
    }
    return false;
}

static enum ct_status postgres_prepare(struct db *base, const char *sql, struct db_stmt **out,
                                       struct ct_err *err)
{
    struct pg_db *db = (struct pg_db *)base;
    *out = NULL;
    struct pg_stmt *stmt = calloc(1, sizeof *stmt);
    if (stmt == NULL) {
        return ct_err_nomem(err);
    }
    stmt->base.ops = &postgres_ops;
    stmt->db = db;
    stmt->row = -1;
    stmt->write = is_write(sql);
    enum ct_status status = sql_postgres_params(sql, &stmt->sql, &stmt->param_count, err);
    if (status == CT_OK && stmt->param_count > 0) {
        stmt->params = calloc((size_t)stmt->param_count, sizeof *stmt->params);
        status = stmt->params != NULL ? CT_OK : ct_err_nomem(err);
    }
    if (status != CT_OK) {
        ct_err_prefix_where(err, "database: cannot prepare a statement");
        free(stmt->sql);
        free(stmt);
        return status;
    }
    *out = &stmt->base;
    return CT_OK;
}

/* Frees the bytes decoded from the current row. */
static void free_blobs(struct pg_stmt *stmt)
{
    if (stmt->blobs != NULL) {
        int columns = PQnfields(stmt->result);
        for (int c = 0; c < columns; c++) {
            PQfreemem(stmt->blobs[c]);
        }
        free(stmt->blobs);
        free(stmt->blob_sizes);
        stmt->blobs = NULL;
        stmt->blob_sizes = NULL;
    }
}

/* Frees the result and the bytes decoded from it; the bindings stay. */
static void clear_result(struct pg_stmt *stmt)
{
    free_blobs(stmt);
    PQclear(stmt->result);
    stmt->result = NULL;
    stmt->row = -1;
}

static void postgres_finalize(struct db_stmt *base)
{
    struct pg_stmt *stmt = (struct pg_stmt *)base;
    clear_result(stmt);
    for (int i = 0; i < stmt->param_count; i++) {
        free(stmt->params[i].value);
    }
    free(stmt->params);
    free(stmt->sql);
    free(stmt);
}

static void postgres_reset(struct db_stmt *base)
{
    clear_result((struct pg_stmt *)base);
}

/* Sets parameter index to size bytes of value (copied; NULL for SQL NULL) of type. */
static enum ct_status bind_value(struct pg_stmt *stmt, int index, const void *value, size_t size,
                                 int format, Oid type)
{
    if (index < 1 || index > stmt->param_count || size > INT32_MAX) {
        return CT_ERR_INPUT;
    }
    struct pg_param *param = &stmt->params[index - 1];
    char *copy = NULL;
    if (value != NULL) {
        copy = malloc(size + 1);
        if (copy == NULL) {
            return CT_ERR_NOMEM;
        }
        memcpy(copy, value, size);
        copy[size] = '\0';
    }
    free(param->value);
    *param = (struct pg_param){copy, (int)size, format, type};
    return CT_OK;
}

static enum ct_status postgres_bind_int64(struct db_stmt *base, int index, int64_t value)
{
    char text[24];
    int length = snprintf(text, sizeof text, "%" PRId64, value);
    return bind_value((struct pg_stmt *)base, index, text, (size_t)length, 0, OID_INT8);
}

static enum ct_status postgres_bind_text(struct db_stmt *base, int index, const char *text)
{
    return bind_value((struct pg_stmt *)base, index, text, strlen(text), 0, 0);
}

static enum ct_status postgres_bind_null(struct db_stmt *base, int index)
{
    return bind_value((struct pg_stmt *)base, index, NULL, 0, 0, 0);
}

static enum ct_status postgres_bind_blob(struct db_stmt *base, int index, const void *bytes,
                                         size_t size)
{
    return bind_value((struct pg_stmt *)base, index, bytes, size, 1, OID_BYTEA);
}

/* Sends the statement with its bindings and keeps the whole result. */
static enum ct_status send_statement(struct pg_stmt *stmt, struct ct_err *err)
{
    int count = stmt->param_count;
    const char **values = count > 0 ? calloc((size_t)count, sizeof *values) : NULL;
    int *lengths = count > 0 ? calloc((size_t)count, sizeof *lengths) : NULL;
    int *formats = count > 0 ? calloc((size_t)count, sizeof *formats) : NULL;
    Oid *types = count > 0 ? calloc((size_t)count, sizeof *types) : NULL;
    if (count > 0 && (values == NULL || lengths == NULL || formats == NULL || types == NULL)) {
        free(values);
        free(lengths);
        free(formats);
        free(types);
        return ct_err_nomem(err);
    }
    for (int i = 0; i < count; i++) {
        values[i] = stmt->params[i].value;
        lengths[i] = stmt->params[i].length;
        formats[i] = stmt->params[i].format;
        types[i] = stmt->params[i].type;
    }
    stmt->result =
        PQexecParams(stmt->db->conn, stmt->sql, count, types, values, lengths, formats, 0);
    free(values);
    free(lengths);
    free(formats);
    free(types);
    ExecStatusType state = stmt->result != NULL ? PQresultStatus(stmt->result) : PGRES_FATAL_ERROR;
    if (state == PGRES_TUPLES_OK || state == PGRES_COMMAND_OK) {
        return CT_OK;
    }
    enum ct_status status = result_error(stmt->db, stmt->result, "query failed", err);
    clear_result(stmt);
    return status;
}

/* Runs a write outside any transaction as a transaction of its own, holding the write
 * lock, as SQLite's write lock would. */
static enum ct_status send_write_alone(struct pg_stmt *stmt, struct ct_err *err)
{
    struct pg_db *db = stmt->db;
    char begin[80];
    snprintf(begin, sizeof begin, "BEGIN; SELECT pg_advisory_xact_lock(%d)",
             DB_POSTGRES_WRITE_LOCK);
    enum ct_status status = run_simple(db, begin, "cannot begin a transaction", err);
    if (status == CT_OK) {
        status = send_statement(stmt, err);
    }
    if (status == CT_OK) {
        status = run_simple(db, "COMMIT", "cannot commit", err);
    }
    if (status != CT_OK && PQtransactionStatus(db->conn) != PQTRANS_IDLE) {
        (void)run_simple(db, "ROLLBACK", "rollback", NULL);
    }
    return status;
}

/* Runs a write inside a transaction under a savepoint of its own, so that its failure
 * undoes only itself (as a failed statement does in SQLite). */
static enum ct_status send_write_in_transaction(struct pg_stmt *stmt, struct ct_err *err)
{
    struct pg_db *db = stmt->db;
    enum ct_status status = run_simple(db, "SAVEPOINT statement", "cannot make a savepoint", err);
    if (status != CT_OK) {
        return status;
    }
    status = send_statement(stmt, err);
    const char *end =
        status == CT_OK ? "RELEASE statement" : "ROLLBACK TO statement; RELEASE statement";
    struct ct_err end_err;
    enum ct_status ended = run_simple(db, end, "cannot end a savepoint", &end_err);
    if (status == CT_OK && ended != CT_OK) {
        *err = end_err;
        status = ended;
    }
    return status;
}

static enum ct_status postgres_step(struct db_stmt *base, bool *has_row, struct ct_err *err)
{
    struct pg_stmt *stmt = (struct pg_stmt *)base;
    *has_row = false;
    if (stmt->result == NULL) {
        enum ct_status status = ensure_connected(stmt->db, err);
        if (status == CT_OK) {
            status = !stmt->write                ? send_statement(stmt, err)
                     : !in_transaction(stmt->db) ? send_write_alone(stmt, err)
                                                 : send_write_in_transaction(stmt, err);
        }
        if (status != CT_OK) {
            return status;
        }
    }
    free_blobs(stmt);
    if (stmt->row < PQntuples(stmt->result)) {
        stmt->row++;
    }
    *has_row = stmt->row < PQntuples(stmt->result);
    return CT_OK;
}

/* The current row's value of column, NULL for SQL NULL or no such row or column. */
static const char *value_at(struct pg_stmt *stmt, int column)
{
    if (stmt->result == NULL || stmt->row < 0 || stmt->row >= PQntuples(stmt->result) ||
        column < 0 || column >= PQnfields(stmt->result) ||
        PQgetisnull(stmt->result, stmt->row, column)) {
        return NULL;
    }
    return PQgetvalue(stmt->result, stmt->row, column);
}

static int64_t postgres_column_int64(struct db_stmt *base, int column)
{
    struct pg_stmt *stmt = (struct pg_stmt *)base;
    const char *value = value_at(stmt, column);
    if (value == NULL) {
        return 0;
    }
    if (PQftype(stmt->result, column) == OID_BOOL) {
        return value[0] == 't';
    }
    return strtoll(value, NULL, 10);
}

static const char *postgres_column_text(struct db_stmt *base, int column)
{
    return value_at((struct pg_stmt *)base, column);
}

static bool postgres_column_is_null(struct db_stmt *base, int column)
{
    return value_at((struct pg_stmt *)base, column) == NULL;
}

/* Decodes the current row's bytea in column (once per row); false when it is NULL or
 * cannot be decoded. */
static bool decode_blob(struct pg_stmt *stmt, int column)
{
    const char *value = value_at(stmt, column);
    if (value == NULL) {
        return false;
    }
    if (stmt->blobs == NULL) {
        size_t columns = (size_t)PQnfields(stmt->result);
        stmt->blobs = calloc(columns, sizeof *stmt->blobs);
        stmt->blob_sizes = calloc(columns, sizeof *stmt->blob_sizes);
        if (stmt->blobs == NULL || stmt->blob_sizes == NULL) {
            free(stmt->blobs);
            free(stmt->blob_sizes);
            stmt->blobs = NULL;
            stmt->blob_sizes = NULL;
            return false;
        }
    }
    if (stmt->blobs[column] == NULL) {
        stmt->blobs[column] =
            PQunescapeBytea((const unsigned char *)value, &stmt->blob_sizes[column]);
    }
    return stmt->blobs[column] != NULL;
}

static const void *postgres_column_blob(struct db_stmt *base, int column)
{
    struct pg_stmt *stmt = (struct pg_stmt *)base;
    if (!decode_blob(stmt, column) || stmt->blob_sizes[column] == 0) {
        return NULL;
    }
    return stmt->blobs[column];
}

static size_t postgres_column_bytes(struct db_stmt *base, int column)
{
    struct pg_stmt *stmt = (struct pg_stmt *)base;
    if (stmt->result != NULL && column >= 0 && column < PQnfields(stmt->result) &&
        PQftype(stmt->result, column) == OID_BYTEA) {
        return decode_blob(stmt, column) ? stmt->blob_sizes[column] : 0;
    }
    const char *value = value_at(stmt, column);
    return value != NULL ? strlen(value) : 0;
}

static int postgres_column_count(struct db_stmt *base)
{
    struct pg_stmt *stmt = (struct pg_stmt *)base;
    return stmt->result != NULL ? PQnfields(stmt->result) : 0;
}

static const char *postgres_column_name(struct db_stmt *base, int column)
{
    struct pg_stmt *stmt = (struct pg_stmt *)base;
    return stmt->result != NULL ? PQfname(stmt->result, column) : NULL;
}

static bool postgres_column_is_integer(struct db_stmt *base, int column)
{
    struct pg_stmt *stmt = (struct pg_stmt *)base;
    if (value_at(stmt, column) == NULL) {
        return false;
    }
    Oid type = PQftype(stmt->result, column);
    return type == OID_INT8 || type == OID_INT4 || type == OID_INT2;
}

static enum ct_status postgres_begin(struct db *base, struct ct_err *err)
{
    struct pg_db *db = (struct pg_db *)base;
    char sql[80];
    if (db->depth == 0) {
        snprintf(sql, sizeof sql, "BEGIN; SELECT pg_advisory_xact_lock(%d)",
                 DB_POSTGRES_WRITE_LOCK);
    } else {
        snprintf(sql, sizeof sql, "SAVEPOINT nested_%d", db->depth);
    }
    enum ct_status status = ensure_connected(db, err);
    if (status == CT_OK) {
        status = run_simple(db, sql, "cannot begin a transaction", err);
    }
    db->depth += status == CT_OK;
    return status;
}

static enum ct_status postgres_begin_read(struct db *base, struct ct_err *err)
{
    struct pg_db *db = (struct pg_db *)base;
    enum ct_status status = ensure_connected(db, err);
    if (status == CT_OK) {
        status = run_simple(db, "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
                            "cannot begin a read", err);
    }
    db->depth += status == CT_OK;
    return status;
}

static enum ct_status postgres_commit(struct db *base, struct ct_err *err)
{
    struct pg_db *db = (struct pg_db *)base;
    if (db->depth == 0) {
        return ct_err_set(err, CT_ERR_IO, "database", "commit without a transaction");
    }
    char sql[32];
    if (db->depth == 1) {
        snprintf(sql, sizeof sql, "COMMIT");
    } else {
        snprintf(sql, sizeof sql, "RELEASE nested_%d", db->depth - 1);
    }
    enum ct_status status = run_simple(db, sql, "cannot commit", err);
    db->depth -= status == CT_OK;
    return status;
}

static void postgres_rollback(struct db *base)
{
    struct pg_db *db = (struct pg_db *)base;
    if (db->depth <= 1) {
        if (in_transaction(db)) {
            (void)run_simple(db, "ROLLBACK", "rollback", NULL);
        }
        db->depth = 0;
        return;
    }
    db->depth--;
    char sql[64];
    snprintf(sql, sizeof sql, "ROLLBACK TO nested_%d; RELEASE nested_%d", db->depth, db->depth);
    (void)run_simple(db, sql, "rollback", NULL);
}

static bool postgres_in_transaction(struct db *base)
{
    return in_transaction((struct pg_db *)base);
}

static bool postgres_nested(struct db *base)
{
    return ((struct pg_db *)base)->depth > 1;
}

static enum ct_status postgres_backup(struct db *base, const char *path, struct ct_err *err)
{
    (void)base;
    return ct_err_set(err, CT_ERR_INPUT, path,
                      "a PostgreSQL database is backed up with pg_dump, not certtrack backup "
                      "(docs/operations.md)");
}

/* PostgreSQL keeps its own pages consistent and checks each reference as it is made:
 * there is nothing for certtrack to check that the server has not. */
static enum ct_status postgres_check_integrity(struct db *base, struct ct_err *err)
{
    return run_simple((struct pg_db *)base, "SELECT 1", "integrity check", err);
}

static enum ct_status postgres_check_references(struct db *base, struct ct_err *err)
{
    (void)base;
    (void)err;
    return CT_OK;
}

static enum ct_status postgres_set_reference_checks(struct db *base, bool on, struct ct_err *err)
{
    (void)base;
    (void)on;
    (void)err;
    return CT_OK;
}

static const struct db_ops postgres_ops = {
    .dialect = DB_DIALECT_POSTGRES,
    .close = postgres_close,
    .exec = postgres_exec,
    .prepare = postgres_prepare,
    .finalize = postgres_finalize,
    .reset = postgres_reset,
    .bind_int64 = postgres_bind_int64,
    .bind_text = postgres_bind_text,
    .bind_null = postgres_bind_null,
    .bind_blob = postgres_bind_blob,
    .step = postgres_step,
    .column_int64 = postgres_column_int64,
    .column_text = postgres_column_text,
    .column_is_null = postgres_column_is_null,
    .column_blob = postgres_column_blob,
    .column_bytes = postgres_column_bytes,
    .column_count = postgres_column_count,
    .column_name = postgres_column_name,
    .column_is_integer = postgres_column_is_integer,
    .begin = postgres_begin,
    .begin_read = postgres_begin_read,
    .commit = postgres_commit,
    .rollback = postgres_rollback,
    .in_transaction = postgres_in_transaction,
    .nested = postgres_nested,
    .backup = postgres_backup,
    .check_integrity = postgres_check_integrity,
    .check_references = postgres_check_references,
    .set_reference_checks = postgres_set_reference_checks,
};

enum ct_status db_open_postgres(const char *uri, struct db **out, struct ct_err *err)
{
    *out = NULL;
    struct pg_db *db = calloc(1, sizeof *db);
    if (db == NULL) {
        return ct_err_nomem(err);
    }
    db->base.ops = &postgres_ops;
    /* "postgresql:" alone: every setting from the PG* environment variables. */
    db->conn = PQconnectdb(strcmp(uri, "postgresql:") == 0 ? "" : uri);
    if (db->conn == NULL || PQstatus(db->conn) != CONNECTION_OK) {
        enum ct_status status =
            ct_err_set(err, CT_ERR_IO, "database", "cannot connect to PostgreSQL: %s",
                       db->conn != NULL ? PQerrorMessage(db->conn) : "out of memory");
        postgres_close(&db->base);
        return status;
    }
    enum ct_status status =
        run_simple(db, "SET TIME ZONE 'UTC'; SET client_min_messages = warning", "connect", err);
    if (status != CT_OK) {
        postgres_close(&db->base);
        return status;
    }
    *out = &db->base;
    return CT_OK;
}
