#include "store_harvest_views.h"

#include <stdio.h>
#include <string.h>

#include "store_xapi.h"
#include "../core/banned.h"

/* ---- lists into an arena ---- */

/* Fills one item of a list from the statement's current row (texts from arena). */
typedef enum ct_status (*item_fill)(struct db_stmt *stmt, struct arena *arena, void *item);

/* One list's query: its SELECT, and how it is sorted and cut when it is a page. */
struct list_query {
    const char *sql;             /* without ORDER BY when order_by is set */
    const char *const *order_by; /* by the list's column enum; NULL: sql is complete */
    size_t order_count;
    const char *tiebreak;          /* after the sorted column; keeps pages stable */
    const struct store_page *page; /* with order_by: the page asked for */
    const struct db_param *params; /* bound first; the page's LIMIT and OFFSET after */
    size_t param_count;
    size_t item_size;
    size_t max; /* without a page: at most this many items */
    item_fill fill;
};

/* A copy of the column's text in arena, or NULL for a NULL column. */
static enum ct_status text_of(struct db_stmt *stmt, int column, struct arena *arena,
                              const char **out)
{
    const char *text = db_column_text(stmt, column);
    *out = NULL;
    if (text == NULL) {
        return CT_OK;
    }
    *out = arena_strdup(arena, text);
    return *out != NULL ? CT_OK : CT_ERR_NOMEM;
}

/* Copies texts (count columns from first) into the pointers outs, in order. */
static enum ct_status texts_of(struct db_stmt *stmt, int first, struct arena *arena,
                               const char **const *outs, size_t count)
{
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < count && status == CT_OK; i++) {
        status = text_of(stmt, first + (int)i, arena, outs[i]);
    }
    return status;
}

static enum ct_status list_prepare(struct store *store, const struct list_query *query,
                                   struct db_stmt **stmt, struct ct_err *err)
{
    if (query->order_by == NULL) {
        enum ct_status status = db_prepare(store->db, query->sql, stmt, err);
        if (status == CT_OK && query->param_count > 0) {
            status = db_bind_all(*stmt, query->params, query->param_count, err);
        }
        return status;
    }
    struct buf sql;
    buf_init(&sql, 16384);
    enum ct_status status = buf_append_str(&sql, query->sql);
    if (status != CT_OK) {
        status = ct_err_set(err, status, "sql", "the list's query is too long");
    }
    if (status == CT_OK) {
        status = store_page_sql(&sql, query->order_by, query->order_count, query->tiebreak,
                                query->page, err);
    }
    if (status == CT_OK) {
        status = db_prepare(store->db, buf_str(&sql), stmt, err);
    }
    buf_release(&sql);
    if (status == CT_OK && query->param_count > 0) {
        status = db_bind_all(*stmt, query->params, query->param_count, err);
    }
    return status == CT_OK ? store_page_bind(*stmt, (int)query->param_count + 1, query->page, err)
                           : status;
}

/* Makes room for one more item: the array grows (in the arena) by doubling. */
static enum ct_status list_grow(struct arena *arena, size_t item_size, size_t count,
                                size_t *capacity, void **items)
{
    if (count < *capacity) {
        return CT_OK;
    }
    size_t grown = *capacity == 0 ? 16 : *capacity * 2;
    void *bigger = arena_calloc(arena, grown, item_size);
    if (bigger == NULL) {
        return CT_ERR_NOMEM;
    }
    if (count > 0) {
        memcpy(bigger, *items, count * item_size);
    }
    *items = bigger;
    *capacity = grown;
    return CT_OK;
}

/* Runs the query and keeps its rows as items (from arena). */
static enum ct_status list_run(struct store *store, const struct list_query *query,
                               struct arena *arena, void **items, size_t *count, struct ct_err *err)
{
    *items = NULL;
    *count = 0;
    size_t capacity = 0;
    size_t max =
        query->page != NULL && query->page->limit > 0 ? (size_t)query->page->limit : query->max;
    struct db_stmt *stmt = NULL;
    enum ct_status status = list_prepare(store, query, &stmt, err);
    bool has_row = true;
    while (status == CT_OK && *count < max) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        status = list_grow(arena, query->item_size, *count, &capacity, items);
        if (status == CT_OK) {
            status = query->fill(stmt, arena, (char *)*items + *count * query->item_size);
        }
        if (status == CT_OK) {
            (*count)++;
        } else if (status == CT_ERR_NOMEM) {
            status = ct_err_nomem(err);
        }
    }
    db_finalize(stmt);
    if (status != CT_OK) {
        *items = NULL;
        *count = 0;
    }
    return status;
}

/* ---- the sites ---- */

static const char *const site_order[HARVEST_SITE_COLUMNS] = {
    [HARVEST_SITE_URL] = "LOWER(s.url)",
    [HARVEST_SITE_ZONE] = "s.time_zone",
    [HARVEST_SITE_ADDED] = "s.created_at",
};

static enum ct_status site_fill(struct db_stmt *stmt, struct arena *arena, void *item)
{
    struct harvest_site_item *site = item;
    site->id = db_column_int64(stmt, 0);
    site->accounts = db_column_int64(stmt, 4);
    site->imports = db_column_int64(stmt, 5);
    site->statements = db_column_int64(stmt, 6);
    site->waiting = db_column_int64(stmt, 7);
    const char **const texts[] = {&site->url, &site->time_zone, &site->created_at};
    return texts_of(stmt, 1, arena, texts, 3);
}

enum ct_status store_harvest_views_site_count(struct store *store, int64_t *total,
                                              struct ct_err *err)
{
    *total = 0;
    return store_exec(store, "SELECT COUNT(*) FROM lms_sites", NULL, 0, total, err);
}

enum ct_status store_harvest_views_sites(struct store *store, const struct store_page *page,
                                         struct arena *arena, struct harvest_site_item **items,
                                         size_t *count, struct ct_err *err)
{
    const struct list_query query = {
        .sql = "SELECT s.id, s.url, s.time_zone, s.created_at,"
               " (SELECT COUNT(*) FROM lms_accounts a WHERE a.site_id = s.id),"
               " (SELECT COUNT(*) FROM harvest_imports i WHERE i.site_id = s.id),"
               " (SELECT COUNT(*) FROM xapi_statements x WHERE x.site_id = s.id),"
               " (SELECT COUNT(*) FROM xapi_statements x WHERE x.site_id = s.id"
               "  AND x.state = 'waiting')"
               " FROM lms_sites s",
        .order_by = site_order,
        .order_count = HARVEST_SITE_COLUMNS,
        .tiebreak = "s.id",
        .page = page,
        .item_size = sizeof **items,
        .fill = site_fill,
    };
    return list_run(store, &query, arena, (void **)items, count, err);
}

static enum ct_status site_choice_fill(struct db_stmt *stmt, struct arena *arena, void *item)
{
    struct harvest_site_choice *choice = item;
    choice->id = db_column_int64(stmt, 0);
    return text_of(stmt, 1, arena, &choice->url);
}

enum ct_status store_harvest_views_site_choices(struct store *store, size_t max,
                                                struct arena *arena,
                                                struct harvest_site_choice **choices, size_t *count,
                                                struct ct_err *err)
{
    const struct list_query query = {
        .sql = "SELECT id, url FROM lms_sites ORDER BY url",
        .item_size = sizeof **choices,
        .max = max,
        .fill = site_choice_fill,
    };
    return list_run(store, &query, arena, (void **)choices, count, err);
}

enum ct_status store_harvest_views_site(struct store *store, int64_t site_id,
                                        struct harvest_site_view *view, bool *found,
                                        struct ct_err *err)
{
    memset(view, 0, sizeof *view);
    enum ct_status status = store_harvest_site_find_by_id(store, site_id, &view->site, found, err);
    if (status != CT_OK || !*found) {
        return status;
    }
    bool has_time = false;
    status = store_query_text(store, "SELECT created_at FROM lms_sites WHERE id = ?",
                              STORE_PARAMS(DB_INT(site_id)), 1, view->created_at,
                              sizeof view->created_at, &has_time, err);
    if (status == CT_OK) {
        status = store_xapi_site_counts(store, site_id, &view->counts, err);
    }
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "SELECT COUNT(*) FROM xapi_statements WHERE site_id = ? AND"
                            " state = 'ignored' AND reason LIKE 'refused:%'",
                            &view->refused, err, DB_INT(site_id));
    }
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "SELECT COUNT(*) FROM xapi_statements WHERE site_id = ? AND"
                            " state = 'ignored' AND reason LIKE 'completed without passing%'",
                            &view->without_passing, err, DB_INT(site_id));
    }
    return status;
}

/* ---- a site's accounts and statements ---- */

static const char *const account_order[HARVEST_ACCOUNT_COLUMNS] = {
    [HARVEST_ACCOUNT_NAME] = "a.name",
    [HARVEST_ACCOUNT_PERSON] = "LOWER(p.name)",
    [HARVEST_ACCOUNT_EMAIL] = "p.email_key",
    [HARVEST_ACCOUNT_LINKED] = "a.linked_at",
};

static enum ct_status account_fill(struct db_stmt *stmt, struct arena *arena, void *item)
{
    struct harvest_account_item *account = item;
    account->person_id = db_column_int64(stmt, 1);
    account->credited = db_column_int64(stmt, 5);
    enum ct_status status = text_of(stmt, 0, arena, &account->name);
    const char **const texts[] = {&account->person_name, &account->person_email,
                                  &account->linked_at};
    return status == CT_OK ? texts_of(stmt, 2, arena, texts, 3) : status;
}

enum ct_status store_harvest_views_account_count(struct store *store, int64_t site_id,
                                                 int64_t *total, struct ct_err *err)
{
    *total = 0;
    return STORE_EXEC(store, "SELECT COUNT(*) FROM lms_accounts WHERE site_id = ?", total, err,
                      DB_INT(site_id));
}

enum ct_status store_harvest_views_accounts(struct store *store, int64_t site_id,
                                            const struct store_page *page, struct arena *arena,
                                            struct harvest_account_item **items, size_t *count,
                                            struct ct_err *err)
{
    const struct db_param params[] = {DB_INT(site_id)};
    const struct list_query query = {
        .sql = "SELECT a.name, p.id, p.name, p.email, a.linked_at,"
               " (SELECT COUNT(*) FROM xapi_statements x WHERE x.site_id = a.site_id AND"
               "  x.account_name = a.name AND x.state = 'credited')"
               " FROM lms_accounts a JOIN people p ON p.id = a.person_id WHERE a.site_id = ?",
        .order_by = account_order,
        .order_count = HARVEST_ACCOUNT_COLUMNS,
        .tiebreak = "a.id",
        .page = page,
        .params = params,
        .param_count = 1,
        .item_size = sizeof **items,
        .fill = account_fill,
    };
    return list_run(store, &query, arena, (void **)items, count, err);
}

static void statement_from_row(struct db_stmt *stmt, struct harvest_statement_item *statement)
{
    const char **const texts[] = {&statement->received_at,  &statement->id,
                                  &statement->version,      &statement->verb,
                                  &statement->account_name, &statement->object_id,
                                  &statement->object_name,  &statement->course_id,
                                  &statement->occurred_at,  &statement->state};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        *texts[i] = db_column_text(stmt, (int)i);
    }
    statement->created = db_column_int64(stmt, 10) != 0;
    statement->reason = db_column_text(stmt, 11);
    statement->activity_id = db_column_int64(stmt, 12);
}

enum ct_status store_harvest_views_statements_each(
    struct store *store, int64_t site_id,
    enum ct_status (*each)(void *context, const struct harvest_statement_item *statement,
                           struct ct_err *err),
    void *context, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(
        store->db,
        "SELECT received_at, id, version, verb, account_name, object_id, object_name, course_id,"
        " occurred_at, state, state = 'credited' AND created = 1, reason,"
        " COALESCE(activity_id, 0) FROM xapi_statements WHERE site_id = ? ORDER BY seq",
        &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(site_id)), 1, err);
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        struct harvest_statement_item statement;
        statement_from_row(stmt, &statement);
        status = each(context, &statement, err);
    }
    db_finalize(stmt);
    return status;
}

/* ---- the imports ---- */

static const char *const import_order[HARVEST_IMPORT_COLUMNS] = {
    [HARVEST_IMPORT_WHEN] = "i.imported_at",      [HARVEST_IMPORT_SITE] = "LOWER(s.url)",
    [HARVEST_IMPORT_FILE] = "LOWER(i.file_name)", [HARVEST_IMPORT_READ] = "i.rows_read",
    [HARVEST_IMPORT_CREATED] = "i.created",       [HARVEST_IMPORT_DUPLICATES] = "i.duplicates",
    [HARVEST_IMPORT_WITHDRAWN] = "i.withdrawn",   [HARVEST_IMPORT_WAITING] = "i.waiting",
    [HARVEST_IMPORT_REFUSED] = "i.refused",
};

static enum ct_status import_fill(struct db_stmt *stmt, struct arena *arena, void *item)
{
    struct harvest_import_item *import = item;
    import->id = db_column_int64(stmt, 0);
    int64_t *const counts[] = {&import->read,      &import->created, &import->duplicates,
                               &import->withdrawn, &import->waiting, &import->refused};
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
        *counts[i] = db_column_int64(stmt, 6 + (int)i);
    }
    const char **const texts[] = {&import->imported_at, &import->site_url, &import->file_name,
                                  &import->by, &import->file_sha256};
    return texts_of(stmt, 1, arena, texts, 5);
}

enum ct_status store_harvest_views_import_count(struct store *store, int64_t site_id,
                                                int64_t *total, struct ct_err *err)
{
    *total = 0;
    return STORE_EXEC(store, "SELECT COUNT(*) FROM harvest_imports WHERE ? = 0 OR site_id = ?",
                      total, err, DB_INT(site_id), DB_INT(site_id));
}

enum ct_status store_harvest_views_imports(struct store *store, int64_t site_id,
                                           const struct store_page *page, struct arena *arena,
                                           struct harvest_import_item **items, size_t *count,
                                           struct ct_err *err)
{
    const struct db_param params[] = {DB_INT(site_id), DB_INT(site_id)};
    const struct list_query query = {
        .sql = "SELECT i.id, i.imported_at, s.url, i.file_name,"
               " COALESCE(p.name, 'the ' || i.imported_via), i.file_sha256, i.rows_read,"
               " i.created, i.duplicates, i.withdrawn, i.waiting, i.refused"
               " FROM harvest_imports i JOIN lms_sites s ON s.id = i.site_id"
               " LEFT JOIN people p ON p.id = i.imported_by WHERE ? = 0 OR i.site_id = ?",
        .order_by = import_order,
        .order_count = HARVEST_IMPORT_COLUMNS,
        .tiebreak = "i.id",
        .page = page,
        .params = params,
        .param_count = 2,
        .item_size = sizeof **items,
        .fill = import_fill,
    };
    return list_run(store, &query, arena, (void **)items, count, err);
}

enum ct_status store_harvest_views_import(struct store *store, int64_t import_id,
                                          struct harvest_import_view *view, bool *found,
                                          struct ct_err *err)
{
    memset(view, 0, sizeof *view);
    enum ct_status status = store_harvest_import_find(store, import_id, &view->info, found, err);
    if (status != CT_OK || !*found) {
        return status;
    }
    struct lms_site site;
    status =
        store_harvest_site_find_by_id(store, view->info.site_id, &site, &view->site_found, err);
    if (status == CT_OK && view->site_found) {
        snprintf(view->site_url, sizeof view->site_url, "%s", site.url);
    }
    bool known = false;
    return status == CT_OK
               ? store_query_text(store,
                                  "SELECT COALESCE(p.name, 'the ' || i.imported_via) ||"
                                  " CASE WHEN p.name IS NULL THEN '' ELSE ' (' || i.imported_via"
                                  " || ')' END FROM harvest_imports i LEFT JOIN people p"
                                  " ON p.id = i.imported_by WHERE i.id = ?",
                                  STORE_PARAMS(DB_INT(import_id)), 1, view->by, sizeof view->by,
                                  &known, err)
               : status;
}

static enum ct_status reason_fill(struct db_stmt *stmt, struct arena *arena, void *item)
{
    struct harvest_reason_count *reason = item;
    reason->count = db_column_int64(stmt, 1);
    return text_of(stmt, 0, arena, &reason->reason);
}

enum ct_status store_harvest_views_import_reasons(struct store *store, int64_t import_id,
                                                  struct arena *arena,
                                                  struct harvest_reason_count **reasons,
                                                  size_t *count, struct ct_err *err)
{
    const struct db_param params[] = {DB_INT(import_id)};
    const struct list_query query = {
        .sql = "SELECT COALESCE(reason, ''), COUNT(*) FROM harvest_rows WHERE import_id = ? AND"
               " outcome = 'refused' GROUP BY reason ORDER BY COUNT(*) DESC, reason",
        .params = params,
        .param_count = 1,
        .item_size = sizeof **reasons,
        .max = SIZE_MAX,
        .fill = reason_fill,
    };
    return list_run(store, &query, arena, (void **)reasons, count, err);
}

static const char *const record_order[HARVEST_RECORD_COLUMNS] = {
    [HARVEST_RECORD_LINE] = "r.line",
    [HARVEST_RECORD_OUTCOME] = "r.outcome",
    [HARVEST_RECORD_REASON] = "r.reason",
    [HARVEST_RECORD_LEARNER] = "LOWER(r.learner_email)",
    [HARVEST_RECORD_ACTIVITY] = "LOWER(r.activity_name)",
};

static enum ct_status record_fill(struct db_stmt *stmt, struct arena *arena, void *item)
{
    struct harvest_record_item *record = item;
    record->line = db_column_int64(stmt, 0);
    const char **const texts[] = {&record->outcome,       &record->reason,
                                  &record->learner_name,  &record->learner_email,
                                  &record->activity_name, &record->completed};
    return texts_of(stmt, 1, arena, texts, 6);
}

enum ct_status store_harvest_views_record_count(struct store *store, int64_t import_id,
                                                const char *outcome, int64_t *total,
                                                struct ct_err *err)
{
    *total = 0;
    return STORE_EXEC(store,
                      "SELECT COUNT(*) FROM harvest_rows WHERE import_id = ? AND"
                      " (? = '' OR outcome = ?)",
                      total, err, DB_INT(import_id), DB_TEXT(outcome), DB_TEXT(outcome));
}

enum ct_status store_harvest_views_records(struct store *store, int64_t import_id,
                                           const char *outcome, const struct store_page *page,
                                           struct arena *arena, struct harvest_record_item **items,
                                           size_t *count, struct ct_err *err)
{
    const struct db_param params[] = {DB_INT(import_id), DB_TEXT(outcome), DB_TEXT(outcome)};
    const struct list_query query = {
        .sql = "SELECT r.line, r.outcome, r.reason, r.learner_name, r.learner_email,"
               " r.activity_name, r.completed FROM harvest_rows r WHERE r.import_id = ? AND"
               " (? = '' OR r.outcome = ?)",
        .order_by = record_order,
        .order_count = HARVEST_RECORD_COLUMNS,
        .tiebreak = "r.id",
        .page = page,
        .params = params,
        .param_count = 3,
        .item_size = sizeof **items,
        .fill = record_fill,
    };
    return list_run(store, &query, arena, (void **)items, count, err);
}

/* ---- the inbox ---- */

/* Statements waiting whose account of their site is linked to no one. */
#define WAITING_ACCOUNTS_FROM                                                                      \
    " FROM xapi_statements x JOIN lms_sites s ON s.id = x.site_id"                                 \
    " WHERE x.state = 'waiting' AND x.account_name IS NOT NULL AND NOT EXISTS"                     \
    " (SELECT 1 FROM lms_accounts a WHERE a.site_id = x.site_id AND a.name = x.account_name)"      \
    " GROUP BY x.site_id, s.url, x.account_name"

/* Statements waiting whose object is not mapped to exactly one catalog event: neither
 * its address as a whole course, nor (its address being unmapped) its name within its
 * course (store_xapi.c reads the mapping so). */
#define WAITING_COURSES_FROM                                                                       \
    " FROM xapi_statements x WHERE x.state = 'waiting' AND x.object_id IS NOT NULL AND NOT ("      \
    " (SELECT COUNT(DISTINCT l.event_id) FROM event_lms_links l WHERE l.url = x.object_id AND"     \
    "  l.activity_name = '') = 1 OR"                                                               \
    " ((SELECT COUNT(*) FROM event_lms_links l WHERE l.url = x.object_id AND"                      \
    "   l.activity_name = '') = 0 AND"                                                             \
    "  (SELECT COUNT(DISTINCT l.event_id) FROM event_lms_links l WHERE l.url = x.course_id AND"    \
    "   l.activity_name <> '' AND (l.activity_name = x.object_name OR"                             \
    "   replace(l.activity_name, '\"', '''') = x.object_name)) = 1))"                              \
    " GROUP BY x.object_id"

static const char *const waiting_order[HARVEST_WAITING_COLUMNS] = {
    [HARVEST_WAITING_SINCE] = "MIN(x.received_at)",
};

static enum ct_status waiting_account_fill(struct db_stmt *stmt, struct arena *arena, void *item)
{
    struct harvest_waiting_account *account = item;
    account->site_id = db_column_int64(stmt, 0);
    account->waiting = db_column_int64(stmt, 3);
    account->objects = db_column_int64(stmt, 5);
    const char **const texts[] = {&account->site_url, &account->account_name};
    enum ct_status status = texts_of(stmt, 1, arena, texts, 2);
    return status == CT_OK ? text_of(stmt, 4, arena, &account->since) : status;
}

enum ct_status store_harvest_views_waiting_account_count(struct store *store, int64_t *total,
                                                         struct ct_err *err)
{
    *total = 0;
    return store_exec(store, "SELECT COUNT(*) FROM (SELECT 1" WAITING_ACCOUNTS_FROM ") g", NULL, 0,
                      total, err);
}

enum ct_status store_harvest_views_waiting_accounts(struct store *store,
                                                    const struct store_page *page,
                                                    struct arena *arena,
                                                    struct harvest_waiting_account **items,
                                                    size_t *count, struct ct_err *err)
{
    const struct list_query query = {
        .sql = "SELECT x.site_id, s.url, x.account_name, COUNT(*), MIN(x.received_at),"
               " COUNT(DISTINCT x.object_id)" WAITING_ACCOUNTS_FROM,
        .order_by = waiting_order,
        .order_count = HARVEST_WAITING_COLUMNS,
        .tiebreak = "x.site_id, x.account_name",
        .page = page,
        .item_size = sizeof **items,
        .fill = waiting_account_fill,
    };
    return list_run(store, &query, arena, (void **)items, count, err);
}

static enum ct_status waiting_course_fill(struct db_stmt *stmt, struct arena *arena, void *item)
{
    struct harvest_waiting_course *course = item;
    course->waiting = db_column_int64(stmt, 3);
    course->sites = db_column_int64(stmt, 5);
    const char **const texts[] = {&course->url, &course->name, &course->course};
    enum ct_status status = texts_of(stmt, 0, arena, texts, 3);
    return status == CT_OK ? text_of(stmt, 4, arena, &course->since) : status;
}

enum ct_status store_harvest_views_waiting_course_count(struct store *store, int64_t *total,
                                                        struct ct_err *err)
{
    *total = 0;
    return store_exec(store, "SELECT COUNT(*) FROM (SELECT 1" WAITING_COURSES_FROM ") g", NULL, 0,
                      total, err);
}

enum ct_status store_harvest_views_waiting_courses(struct store *store,
                                                   const struct store_page *page,
                                                   struct arena *arena,
                                                   struct harvest_waiting_course **items,
                                                   size_t *count, struct ct_err *err)
{
    const struct list_query query = {
        .sql = "SELECT x.object_id, MAX(x.object_name), MAX(x.course_id), COUNT(*),"
               " MIN(x.received_at), COUNT(DISTINCT x.site_id)" WAITING_COURSES_FROM,
        .order_by = waiting_order,
        .order_count = HARVEST_WAITING_COLUMNS,
        .tiebreak = "x.object_id",
        .page = page,
        .item_size = sizeof **items,
        .fill = waiting_course_fill,
    };
    return list_run(store, &query, arena, (void **)items, count, err);
}

static enum ct_status event_choice_fill(struct db_stmt *stmt, struct arena *arena, void *item)
{
    struct harvest_event_choice *choice = item;
    choice->id = db_column_int64(stmt, 0);
    return text_of(stmt, 1, arena, &choice->label);
}

enum ct_status store_harvest_views_event_choices(struct store *store, size_t max,
                                                 struct arena *arena,
                                                 struct harvest_event_choice **choices,
                                                 size_t *count, struct ct_err *err)
{
    const struct list_query query = {
        .sql = "SELECT id, title || ' (' || kind || ', ' || starts || ')' FROM events"
               " ORDER BY starts DESC, id DESC",
        .item_size = sizeof **choices,
        .max = max,
        .fill = event_choice_fill,
    };
    return list_run(store, &query, arena, (void **)choices, count, err);
}
