#include "store.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "../io/clock.h"
#include "audit.h"
#include "../core/banned.h"

/* Table names by entity: constants, never user text, so they may appear in SQL. */
static const char *const entity_tables[] = {
    [ENTITY_LIBRARY] = "libraries",
    [ENTITY_STRATEGIC_PLAN] = "strategic_plans",
    [ENTITY_LIBRARY_GOAL] = "library_goals",
    [ENTITY_PERSON] = "people",
    [ENTITY_TRACK] = "tracks",
    [ENTITY_PLAN_VERSION] = "plan_versions",
    [ENTITY_PLAN_GOAL] = "plan_goals",
    [ENTITY_PLAN_ITEM] = "plan_items",
    [ENTITY_EVENT] = "events",
    [ENTITY_ACTIVITY] = "activities",
    [ENTITY_FINAL_REPORT] = "final_reports",
    [ENTITY_CERTIFICATE] = "certificates",
    [ENTITY_LMS_SITE] = "lms_sites",
    [ENTITY_LMS_ACCOUNT] = "lms_accounts",
    [ENTITY_HARVEST_IMPORT] = "harvest_imports",
    [ENTITY_SETTING] = "settings",
    [ENTITY_API_TOKEN] = "api_tokens",
    [ENTITY_RECORD_IMPORT] = "record_imports",
    [ENTITY_NOTICE_SETTINGS] = "notice_settings",
    [ENTITY_NOTICE_OPT_OUT] = "notice_opt_outs",
    [ENTITY_EVENT_REGISTRATION] = "event_registrations",
    [ENTITY_CERTIFICATE_VERSION] = "certificate_versions",
};

/* Columns never copied into the audit log. */
static bool is_secret_column(const char *name)
{
    return strcmp(name, "password_hash") == 0 || strcmp(name, "secret_hash") == 0 ||
           strcmp(name, "token_hash") == 0;
}

enum ct_status store_exec(struct store *store, const char *sql, const struct db_param *params,
                          size_t count, int64_t *id, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db, sql, &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, params, count, err);
    }
    bool has_row = true;
    bool first = true;
    while (status == CT_OK && has_row) {
        status = db_step(stmt, &has_row, err);
        if (status == CT_OK && has_row && first && id != NULL) {
            *id = db_column_int64(stmt, 0);
        }
        first = false;
    }
    db_finalize(stmt);
    return status;
}

enum ct_status store_each_row(struct store *store, const char *sql, const struct db_param *params,
                              size_t count, store_row_fn row, void *context, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db, sql, &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, params, count, err);
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        status = row(context, stmt, err);
    }
    db_finalize(stmt);
    return status;
}

void *store_rows_push(struct store_rows *rows, struct ct_err *err)
{
    if (rows->count == rows->capacity) {
        size_t capacity = rows->capacity > 0 ? rows->capacity * 2 : 16;
        char *grown = realloc(rows->items, capacity * rows->size);
        if (grown == NULL) {
            (void)ct_err_nomem(err);
            return NULL;
        }
        rows->items = grown;
        rows->capacity = capacity;
    }
    char *row = (char *)rows->items + rows->count++ * rows->size;
    memset(row, 0, rows->size);
    return row;
}

struct row_reading {
    store_row_read read;
    struct store_rows *rows;
};

static enum ct_status read_one_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    struct row_reading *reading = context;
    void *row = store_rows_push(reading->rows, err);
    if (row == NULL) {
        return CT_ERR_NOMEM;
    }
    reading->read(stmt, row);
    return CT_OK;
}

enum ct_status store_read_rows(struct store *store, const char *sql, const struct db_param *params,
                               size_t count, store_row_read read, struct store_rows *rows,
                               struct ct_err *err)
{
    struct row_reading reading = {read, rows};
    enum ct_status status = store_each_row(store, sql, params, count, read_one_row, &reading, err);
    if (status != CT_OK) {
        store_rows_release(rows);
    }
    return status;
}

void store_rows_release(struct store_rows *rows)
{
    free(rows->items);
    rows->items = NULL;
    rows->count = 0;
    rows->capacity = 0;
}

/* One column's value as JSON into *value; a text that is not UTF-8 (which JSON cannot
 * hold) is refused naming the column, not reported as memory running out. */
static enum ct_status column_json(struct db_stmt *stmt, int c, json_t **value, struct ct_err *err)
{
    const char *name = db_column_name(stmt, c);
    if (is_secret_column(name)) {
        *value = db_column_is_null(stmt, c) ? json_null() : json_string("(set)");
    } else if (db_column_is_null(stmt, c)) {
        *value = json_null();
    } else if (db_column_is_integer(stmt, c)) {
        *value = json_integer(db_column_int64(stmt, c));
    } else {
        const char *text = db_column_text(stmt, c);
        if (text != NULL && u8_check((const uint8_t *)text, strlen(text)) != NULL) {
            *value = NULL;
            return ct_err_set(err, CT_ERR_INPUT, name, "the stored value is not UTF-8 text");
        }
        *value = json_string(text != NULL ? text : "");
    }
    return *value != NULL ? CT_OK : ct_err_nomem(err);
}

static enum ct_status row_to_json(struct db_stmt *stmt, json_t **out, struct ct_err *err)
{
    json_t *row = json_object();
    enum ct_status status = row != NULL ? CT_OK : ct_err_nomem(err);
    for (int c = 0; status == CT_OK && c < db_column_count(stmt); c++) {
        json_t *value = NULL;
        status = column_json(stmt, c, &value, err);
        if (status == CT_OK && json_object_set_new(row, db_column_name(stmt, c), value) != 0) {
            status = ct_err_nomem(err);
        }
    }
    if (status != CT_OK) {
        json_decref(row);
        row = NULL;
    }
    *out = row;
    return status;
}

enum ct_status store_row_json(struct store *store, enum store_entity entity, int64_t id,
                              char **json, struct ct_err *err)
{
    *json = NULL;
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT * FROM %s WHERE id = ?", entity_tables[entity]);
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db, sql, &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(id)), 1, err);
    }
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    json_t *row = NULL;
    if (status == CT_OK && has_row) {
        status = row_to_json(stmt, &row, err);
    }
    if (status == CT_OK && row != NULL) {
        *json = json_dumps(row, JSON_COMPACT);
        if (*json == NULL) {
            status = ct_err_nomem(err);
        }
    }
    json_decref(row);
    db_finalize(stmt);
    return status;
}

enum ct_status store_audit(struct store *store, int64_t actor_id, enum store_entity entity,
                           int64_t id, const char *action, const char *before_json,
                           struct ct_err *err)
{
    char *after = NULL;
    enum ct_status status = store_row_json(store, entity, id, &after, err);
    if (status == CT_OK) {
        char at[CLOCK_TIMESTAMP_SIZE];
        clock_now_utc(at);
        struct audit_entry entry = {actor_id, entity_tables[entity], id,
                                    action,   before_json,           after};
        status = audit_append(store->db, &entry, at, err);
    }
    free(after);
    return status;
}

void store_text_copy(char *out, size_t size, const char *text)
{
    snprintf(out, size, "%s", text != NULL ? text : "");
}

const char *store_date_text(struct civil_date date, char out[CIVIL_DATE_TEXT_SIZE])
{
    if (!civil_date_is_set(date)) {
        return NULL;
    }
    civil_date_format(date, out);
    return out;
}

struct civil_date store_date_value(const char *text)
{
    struct civil_date date = civil_date_unset();
    if (text != NULL) {
        (void)civil_date_parse(text, &date);
    }
    return date;
}

enum ct_status store_finish(struct store *store, enum ct_status status, struct ct_err *err)
{
    if (status == CT_OK && store->before_commit != NULL && !db_nested(store->db)) {
        status = store->before_commit(store, err);
    }
    if (status == CT_OK) {
        status = db_commit(store->db, err);
    }
    if (status != CT_OK) {
        db_rollback(store->db);
    }
    return status;
}

enum ct_status store_query_text(struct store *store, const char *sql, const struct db_param *params,
                                size_t count, char *out, size_t size, bool *found,
                                struct ct_err *err)
{
    *found = false;
    if (size > 0) {
        out[0] = '\0';
    }
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db, sql, &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, params, count, err);
    }
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    if (status == CT_OK && has_row) {
        *found = true;
        const char *text = db_column_text(stmt, 0);
        snprintf(out, size, "%s", text != NULL ? text : "");
    }
    db_finalize(stmt);
    return status;
}

enum ct_status store_like_pattern(const char *search, char out[STORE_SEARCH_PATTERN_SIZE],
                                  struct ct_err *err)
{
    out[0] = '\0';
    if (search == NULL || search[0] == '\0') {
        return CT_OK;
    }
    if (strlen(search) > STORE_SEARCH_MAX) {
        return ct_err_set(err, CT_ERR_INPUT, "q", "a search is at most %d characters",
                          STORE_SEARCH_MAX);
    }
    size_t used = 0;
    out[used++] = '%';
    for (const char *c = search; *c != '\0'; c++) {
        if (*c == '%' || *c == '_' || *c == '\\') {
            out[used++] = '\\';
        }
        out[used++] = (char)tolower((unsigned char)*c);
    }
    out[used++] = '%';
    out[used] = '\0';
    return CT_OK;
}
