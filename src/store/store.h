/*
 * store: the record of certification, kept in a database.
 *
 * A store is an open database at the latest schema plus the programs it evaluates
 * against (store_open.h opens one). Every change goes through a function of one of the
 * store_* modules (people, libraries, tracks, plans, activities, reports, certificates),
 * runs in one transaction, is checked against its workflow (workflow.h), and appends an
 * audit entry with the row before and after. A change that is refused changes nothing.
 * This header is what those modules build on: the struct, the audit entry of a change,
 * and the helpers that run statements.
 */
#ifndef CERTTRACK_STORE_H
#define CERTTRACK_STORE_H

#include <stdint.h>

#include "../core/civil_date.h"
#include "../core/program.h"
#include "db.h"

/* The mail's templates, loaded at start (src/mail/mail_templates.h); the store only
 * carries them to the actions that queue mail. */
struct mail_templates;

struct store {
    struct db *db;
    const struct program_set *programs;     /* borrowed */
    const struct mail_templates *templates; /* borrowed; NULL: the built-in ones */
    /* Runs in store_finish just before the outermost commit of a change, inside its
     * transaction; a failure rolls the change back. NULL: none. store_open sets it to
     * the refresh of the touched persons' track summaries (store_track_summary.h). */
    enum ct_status (*before_commit)(struct store *store, struct ct_err *err);
};

/* The entities the audit log names; each is a table. */
enum store_entity {
    ENTITY_LIBRARY,
    ENTITY_STRATEGIC_PLAN,
    ENTITY_LIBRARY_GOAL,
    ENTITY_PERSON,
    ENTITY_TRACK,
    ENTITY_PLAN_VERSION,
    ENTITY_PLAN_GOAL,
    ENTITY_PLAN_ITEM,
    ENTITY_EVENT,
    ENTITY_ACTIVITY,
    ENTITY_FINAL_REPORT,
    ENTITY_CERTIFICATE,
    ENTITY_LMS_SITE,
    ENTITY_LMS_ACCOUNT,
    ENTITY_HARVEST_IMPORT,
    ENTITY_SETTING,
    ENTITY_API_TOKEN,
    ENTITY_RECORD_IMPORT,
    ENTITY_NOTICE_SETTINGS,
    ENTITY_NOTICE_OPT_OUT,
    ENTITY_EVENT_REGISTRATION,
    ENTITY_CERTIFICATE_VERSION,
};

/* The row of entity with id as a JSON object text (caller frees), or NULL in *json
 * when there is no such row. */
enum ct_status store_row_json(struct store *store, enum store_entity entity, int64_t id,
                              char **json, struct ct_err *err) CT_MUST_CHECK;

/* Records a change in the audit log: reads the row as it is now as "after", with
 * before_json (borrowed, may be NULL for a new row). Call inside the change's
 * transaction, after the change. */
enum ct_status store_audit(struct store *store, int64_t actor_id, enum store_entity entity,
                           int64_t id, const char *action, const char *before_json,
                           struct ct_err *err) CT_MUST_CHECK;

/* Prepares sql, binds params, runs it to the end and finalizes it. When the statement
 * returns a row (RETURNING id, or a SELECT of one integer), its first column goes to
 * *id (may be NULL); *id is left untouched when there is no row. */
enum ct_status store_exec(struct store *store, const char *sql, const struct db_param *params,
                          size_t count, int64_t *id, struct ct_err *err) CT_MUST_CHECK;

#define STORE_PARAMS(...)                                                                          \
    (const struct db_param[])                                                                      \
    {                                                                                              \
        __VA_ARGS__                                                                                \
    }
#define STORE_PARAM_COUNT(...)                                                                     \
    (sizeof((const struct db_param[]){__VA_ARGS__}) / sizeof(struct db_param))
/* store_exec with the parameters listed inline: STORE_EXEC(s, sql, &id, err, DB_INT(1)). */
#define STORE_EXEC(store, sql, id, err, ...)                                                       \
    store_exec((store), (sql), STORE_PARAMS(__VA_ARGS__), STORE_PARAM_COUNT(__VA_ARGS__), (id),    \
               (err))

/* Called for each row of store_each_row; returns CT_OK to go on. */
typedef enum ct_status (*store_row_fn)(void *context, struct db_stmt *stmt, struct ct_err *err);

/* Runs sql with params (borrowed, count of them) and calls row with context for each
 * row, stopping at the first status that is not CT_OK (which it returns). */
enum ct_status store_each_row(struct store *store, const char *sql, const struct db_param *params,
                              size_t count, store_row_fn row, void *context,
                              struct ct_err *err) CT_MUST_CHECK;

/* store_each_row with the parameters listed inline. */
#define STORE_EACH_ROW(store, sql, row, context, err, ...)                                         \
    store_each_row((store), (sql), STORE_PARAMS(__VA_ARGS__), STORE_PARAM_COUNT(__VA_ARGS__),      \
                   (row), (context), (err))

/* A growing array of rows a read returns: items (the caller frees it, with
 * store_rows_release) of count, each size bytes. Start it as {.size = sizeof (row)}. */
struct store_rows {
    void *items;
    size_t count;
    size_t capacity;
    size_t size;
};

/* A new zeroed row at the end of rows, or NULL (err set) when memory runs out. */
void *store_rows_push(struct store_rows *rows, struct ct_err *err);

/* Frees the rows' items; rows is then empty. */
void store_rows_release(struct store_rows *rows);

/* Reads the current row of stmt into row (a zeroed element of a store_rows). */
typedef void (*store_row_read)(struct db_stmt *stmt, void *row);

/* Runs sql with params (borrowed, count of them) and appends each row to rows (started
 * as {.size = sizeof (row)}), read by read. On failure rows is released: empty. */
enum ct_status store_read_rows(struct store *store, const char *sql, const struct db_param *params,
                               size_t count, store_row_read read, struct store_rows *rows,
                               struct ct_err *err) CT_MUST_CHECK;

/* store_read_rows with the parameters listed inline. */
#define STORE_READ_ROWS(store, sql, read, rows, err, ...)                                          \
    store_read_rows((store), (sql), STORE_PARAMS(__VA_ARGS__), STORE_PARAM_COUNT(__VA_ARGS__),     \
                    (read), (rows), (err))

/* Ends a change's transaction: commits when status is CT_OK, else rolls back. Before
 * the outermost commit it runs store->before_commit (when set); its failure rolls back.
 * Returns the final status. */
enum ct_status store_finish(struct store *store, enum ct_status status,
                            struct ct_err *err) CT_MUST_CHECK;

/* Runs a query with params expected to return at most one row of one text column, and
 * copies it into out (size bytes). *found tells whether there was a row. */
enum ct_status store_query_text(struct store *store, const char *sql, const struct db_param *params,
                                size_t count, char *out, size_t size, bool *found,
                                struct ct_err *err) CT_MUST_CHECK;

/* Copies text (borrowed; NULL copies as "") into out, size bytes, cut to fit. */
void store_text_copy(char *out, size_t size, const char *text);

/* The longest search a list takes, and the size of its LIKE pattern. */
#define STORE_SEARCH_MAX          100
#define STORE_SEARCH_PATTERN_SIZE (2 * STORE_SEARCH_MAX + 4)

/* "%search%" in lower case, with LIKE's own characters escaped by a backslash (use
 * ESCAPE '\'), into out; "" for no search (NULL or ""). A search longer than
 * STORE_SEARCH_MAX is CT_ERR_INPUT at "q". */
enum ct_status store_like_pattern(const char *search, char out[STORE_SEARCH_PATTERN_SIZE],
                                  struct ct_err *err) CT_MUST_CHECK;

/* The date as text for a parameter: "YYYY-MM-DD", or NULL when unset. out is the
 * caller's array. */
const char *store_date_text(struct civil_date date, char out[CIVIL_DATE_TEXT_SIZE]);

/* Parses a stored date column (NULL gives an unset date). */
struct civil_date store_date_value(const char *text);

#endif
