#include "store_history.h"

#include "../core/buf.h"
#include "../core/banned.h"

/* The rows of a person: (entity, entity_id) pairs, the person's id bound once. */
#define PERSON_SUBJECTS                                                                            \
    "WITH me(id) AS (SELECT CAST(? AS BIGINT)),"                                                   \
    " t AS (SELECT id FROM tracks WHERE person_id = (SELECT id FROM me)),"                         \
    " pv AS (SELECT id FROM plan_versions WHERE track_id IN (SELECT id FROM t)),"                  \
    " subjects(entity, entity_id) AS ("                                                            \
    "SELECT 'people', id FROM me"                                                                  \
    " UNION ALL SELECT 'tracks', id FROM t"                                                        \
    " UNION ALL SELECT 'plan_versions', id FROM pv"                                                \
    " UNION ALL SELECT 'plan_goals', id FROM plan_goals"                                           \
    " WHERE plan_version_id IN (SELECT id FROM pv)"                                                \
    " UNION ALL SELECT 'plan_items', id FROM plan_items"                                           \
    " WHERE plan_version_id IN (SELECT id FROM pv)"                                                \
    " UNION ALL SELECT 'final_reports', id FROM final_reports WHERE track_id IN (SELECT id FROM "  \
    "t)"                                                                                           \
    " UNION ALL SELECT 'activities', id FROM activities WHERE person_id = (SELECT id FROM me)"     \
    " UNION ALL SELECT 'certificates', id FROM certificates WHERE person_id = (SELECT id FROM me)" \
    " UNION ALL SELECT 'certificate_versions', id FROM certificate_versions"                       \
    " WHERE certificate_id IN (SELECT id FROM certificates WHERE person_id = (SELECT id FROM me))" \
    " UNION ALL SELECT 'event_registrations', id FROM event_registrations"                         \
    " WHERE person_id = (SELECT id FROM me)"                                                       \
    " UNION ALL SELECT 'lms_accounts', id FROM lms_accounts WHERE person_id = (SELECT id FROM me)" \
    " UNION ALL SELECT 'notice_settings', id FROM notice_settings"                                 \
    " WHERE person_id = (SELECT id FROM me)"                                                       \
    " UNION ALL SELECT 'notice_opt_outs', id FROM notice_opt_outs"                                 \
    " WHERE person_id = (SELECT id FROM me)"                                                       \
    " UNION ALL SELECT 'api_tokens', id FROM api_tokens WHERE person_id = (SELECT id FROM me))"

/* The rows of a library, the library's id bound once. */
#define LIBRARY_SUBJECTS                                                                           \
    "WITH lib(id) AS (SELECT CAST(? AS BIGINT)),"                                                  \
    " sp AS (SELECT id FROM strategic_plans WHERE library_id = (SELECT id FROM lib)),"             \
    " subjects(entity, entity_id) AS ("                                                            \
    "SELECT 'libraries', id FROM lib"                                                              \
    " UNION ALL SELECT 'library_consultants', id FROM lib"                                         \
    " UNION ALL SELECT 'strategic_plans', id FROM sp"                                              \
    " UNION ALL SELECT 'library_goals', id FROM library_goals"                                     \
    " WHERE strategic_plan_id IN (SELECT id FROM sp)"                                              \
    " UNION ALL SELECT 'people', id FROM people WHERE library_id = (SELECT id FROM lib))"

/* The entries about the subjects, from each row's newest creation on (an id used again
 * after a delete starts afresh). */
#define SUBJECT_JOIN                                                                               \
    " FROM subjects s JOIN audit_log a ON a.entity = s.entity AND a.entity_id = s.entity_id"
#define ACTOR_JOIN " LEFT JOIN people p ON p.id = a.actor_id"
#define SUBJECT_WHERE                                                                              \
    " WHERE a.id >= COALESCE((SELECT MAX(c.id) FROM audit_log c WHERE c.entity = s.entity"         \
    " AND c.entity_id = s.entity_id AND c.before_json IS NULL AND c.after_json IS NOT NULL), 0)"

#define ENTRY_COLUMNS                                                                              \
    " SELECT a.id, a.at, COALESCE(a.actor_id, 0), COALESCE(p.name, ''), a.entity, a.entity_id,"    \
    " a.action, a.before_json, a.after_json"

static const char *const order_by[STORE_HISTORY_COLUMNS] = {
    [STORE_HISTORY_WHEN] = "a.id",
};

static const char *subjects_sql(enum store_history_subject subject)
{
    return subject == STORE_HISTORY_PERSON ? PERSON_SUBJECTS : LIBRARY_SUBJECTS;
}

enum ct_status store_history_count(struct store *store, enum store_history_subject subject,
                                   int64_t id, int64_t *total, struct ct_err *err)
{
    *total = 0;
    struct buf sql;
    buf_init(&sql, 4096);
    enum ct_status status = buf_append_str(&sql, subjects_sql(subject));
    if (status == CT_OK) {
        status = buf_append_str(&sql, " SELECT COUNT(*)" SUBJECT_JOIN SUBJECT_WHERE);
    }
    if (status == CT_OK) {
        status = STORE_EXEC(store, buf_str(&sql), total, err, DB_INT(id));
    }
    buf_release(&sql);
    return status;
}

/* A copy of column's text in arena, NULL for NULL; *ok false when memory runs out. */
static const char *column_copy(struct arena *arena, struct db_stmt *stmt, int column, bool *ok)
{
    const char *text = db_column_text(stmt, column);
    if (text == NULL) {
        return NULL;
    }
    char *copy = arena_strdup(arena, text);
    *ok &= copy != NULL;
    return copy;
}

static bool read_entry(struct arena *arena, struct db_stmt *stmt, struct store_history_row *row)
{
    bool ok = true;
    row->id = db_column_int64(stmt, 0);
    row->at = column_copy(arena, stmt, 1, &ok);
    row->actor_id = db_column_int64(stmt, 2);
    row->actor = column_copy(arena, stmt, 3, &ok);
    row->entity = column_copy(arena, stmt, 4, &ok);
    row->entity_id = db_column_int64(stmt, 5);
    row->action = column_copy(arena, stmt, 6, &ok);
    row->before = column_copy(arena, stmt, 7, &ok);
    row->after = column_copy(arena, stmt, 8, &ok);
    return ok && row->at != NULL && row->entity != NULL && row->action != NULL;
}

/* Runs entries (prepared and bound), reading at most max rows into rows. */
static enum ct_status read_entries(struct db_stmt *entries, size_t max, struct arena *arena,
                                   struct store_history_row *rows, size_t *count,
                                   struct ct_err *err)
{
    enum ct_status status = CT_OK;
    bool has_row = true;
    while (status == CT_OK && *count < max) {
        status = db_step(entries, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        status = read_entry(arena, entries, &rows[*count]) ? CT_OK : ct_err_nomem(err);
        *count += status == CT_OK;
    }
    return status;
}

/* Prepares the page's query for subject into *entries, bound to id and the page. */
static enum ct_status prepare_page(struct store *store, enum store_history_subject subject,
                                   int64_t id, const struct store_page *page,
                                   struct db_stmt **entries, struct ct_err *err)
{
    struct buf sql;
    buf_init(&sql, 4096);
    enum ct_status status = buf_append_str(&sql, subjects_sql(subject));
    if (status == CT_OK) {
        status = buf_append_str(&sql, ENTRY_COLUMNS SUBJECT_JOIN ACTOR_JOIN SUBJECT_WHERE);
    }
    if (status == CT_OK) {
        status = store_page_sql(&sql, order_by, STORE_HISTORY_COLUMNS, "a.id", page, err);
    }
    if (status == CT_OK) {
        status = db_prepare(store->db, buf_str(&sql), entries, err);
    }
    buf_release(&sql);
    if (status == CT_OK) {
        status = db_bind_all(*entries, STORE_PARAMS(DB_INT(id)), 1, err);
    }
    if (status == CT_OK) {
        status = store_page_bind(*entries, 2, page, err);
    }
    return status;
}

enum ct_status store_history_page(struct store *store, enum store_history_subject subject,
                                  int64_t id, const struct store_page *page, struct arena *arena,
                                  struct store_history_row **rows, size_t *count,
                                  struct ct_err *err)
{
    *rows = NULL;
    *count = 0;
    if (page->limit < 1 || page->limit > STORE_HISTORY_PAGE_MAX || page->offset < 0) {
        return ct_err_set(err, CT_ERR_INPUT, "page", "a page holds 1 to %d entries",
                          STORE_HISTORY_PAGE_MAX);
    }
    struct db_stmt *entries = NULL;
    enum ct_status status = prepare_page(store, subject, id, page, &entries, err);
    struct store_history_row *found =
        status == CT_OK ? arena_calloc(arena, (size_t)page->limit, sizeof *found) : NULL;
    if (status == CT_OK && found == NULL) {
        status = ct_err_nomem(err);
    }
    if (status == CT_OK) {
        status = read_entries(entries, (size_t)page->limit, arena, found, count, err);
    }
    db_finalize(entries);
    *rows = status == CT_OK && *count > 0 ? found : NULL;
    *count = status == CT_OK ? *count : 0;
    return status;
}
