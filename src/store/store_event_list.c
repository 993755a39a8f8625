#include "store_event_list.h"

#include <string.h>

#include "../core/buf.h"
#include "../core/banned.h"

#define EVENT_COLUMNS                                                                              \
    "SELECT e.id, e.title, e.kind, e.category, e.credit_halves, e.sponsor, e.starts, e.ends,"      \
    " e.lms_verifies, e.place, e.online_url, COALESCE(e.capacity, 0), e.registration_opens,"       \
    " e.registration_closes, COALESCE(e.host_id, 0), COALESCE(h.name, ''),"                        \
    " (SELECT COUNT(*) FROM event_registrations r WHERE r.event_id = e.id"                         \
    " AND r.cancelled_at IS NULL) FROM events e LEFT JOIN people h ON h.id = e.host_id"

static const char *const order_by[STORE_EVENT_COLUMNS] = {
    [STORE_EVENT_TITLE] = "LOWER(e.title)",
    [STORE_EVENT_KIND] = "e.kind",
    [STORE_EVENT_CATEGORY] = "e.category",
    [STORE_EVENT_CREDITS] = "e.credit_halves",
    [STORE_EVENT_LMS_VERIFIES] = "e.lms_verifies",
    [STORE_EVENT_DATE] = "e.starts",
    [STORE_EVENT_LINKS] = "(SELECT COUNT(*) FROM event_lms_links k WHERE k.event_id = e.id)",
    [STORE_EVENT_REGISTRATION] = ("(SELECT COUNT(*) FROM event_registrations r"
                                  " WHERE r.event_id = e.id AND r.cancelled_at IS NULL)"),
    [STORE_EVENT_NEWEST] = "e.starts DESC, e.id",
};

/* A copy of column's text in arena ("" for NULL); *ok false when memory runs out. */
static const char *column_copy(struct arena *arena, struct db_stmt *stmt, int column, bool *ok)
{
    const char *text = db_column_text(stmt, column);
    char *copy = arena_strdup(arena, text != NULL ? text : "");
    *ok &= copy != NULL;
    return copy;
}

static bool read_event(struct arena *arena, struct db_stmt *stmt, struct store_event_row *row)
{
    bool ok = true;
    row->id = db_column_int64(stmt, 0);
    row->title = column_copy(arena, stmt, 1, &ok);
    row->kind = column_copy(arena, stmt, 2, &ok);
    row->category = column_copy(arena, stmt, 3, &ok);
    row->credit_halves = db_column_int64(stmt, 4);
    row->sponsor = column_copy(arena, stmt, 5, &ok);
    row->starts = store_date_value(db_column_text(stmt, 6));
    row->ends = store_date_value(db_column_text(stmt, 7));
    row->lms_verifies = db_column_int64(stmt, 8) != 0;
    row->place = column_copy(arena, stmt, 9, &ok);
    row->online_url = column_copy(arena, stmt, 10, &ok);
    row->capacity = db_column_int64(stmt, 11);
    row->registration_opens = store_date_value(db_column_text(stmt, 12));
    row->registration_closes = store_date_value(db_column_text(stmt, 13));
    row->host_id = db_column_int64(stmt, 14);
    row->host_name = column_copy(arena, stmt, 15, &ok);
    row->registered = db_column_int64(stmt, 16);
    return ok;
}

/* Reads the links of event row->id into row, with links (prepared: one parameter, the
 * event's id). */
static enum ct_status read_links(struct store *store, struct db_stmt *links, struct arena *arena,
                                 struct store_event_row *row, struct ct_err *err)
{
    int64_t total = 0;
    enum ct_status status =
        STORE_EXEC(store, "SELECT COUNT(*) FROM event_lms_links WHERE event_id = ?", &total, err,
                   DB_INT(row->id));
    if (status != CT_OK || total == 0) {
        return status;
    }
    struct store_event_link_row *found = arena_calloc(arena, (size_t)total, sizeof *found);
    if (found == NULL) {
        return ct_err_nomem(err);
    }
    db_reset(links);
    status = db_bind_all(links, STORE_PARAMS(DB_INT(row->id)), 1, err);
    bool has_row = true, ok = true;
    size_t count = 0;
    while (status == CT_OK && ok && count < (size_t)total) {
        status = db_step(links, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        found[count].url = column_copy(arena, links, 0, &ok);
        found[count].activity_name = column_copy(arena, links, 1, &ok);
        count++;
    }
    if (status == CT_OK && !ok) {
        status = ct_err_nomem(err);
    }
    row->links = found;
    row->link_count = count;
    return status;
}

/* Runs events (prepared and bound), reading at most max rows, each with its links. */
static enum ct_status read_events(struct store *store, struct db_stmt *events, size_t max,
                                  struct arena *arena, struct store_event_row *rows, size_t *count,
                                  struct ct_err *err)
{
    struct db_stmt *links = NULL;
    enum ct_status status = db_prepare(store->db,
                                       "SELECT url, activity_name FROM event_lms_links"
                                       " WHERE event_id = ? ORDER BY url, activity_name",
                                       &links, err);
    bool has_row = true;
    while (status == CT_OK && *count < max) {
        status = db_step(events, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        status = read_event(arena, events, &rows[*count]) ? CT_OK : ct_err_nomem(err);
        if (status == CT_OK) {
            status = read_links(store, links, arena, &rows[*count], err);
        }
        *count += status == CT_OK;
    }
    db_finalize(links);
    return status;
}

/* The events the search finds by title, sponsor or place (its LIKE pattern bound four
 * times, "" for every event), of the kind bound twice ("" for every kind). */
#define EVENT_FILTER                                                                               \
    " WHERE (? = '' OR LOWER(e.title) LIKE ? ESCAPE '\\' OR LOWER(e.sponsor) LIKE ? ESCAPE '\\'"   \
    " OR LOWER(COALESCE(e.place, '')) LIKE ? ESCAPE '\\') AND (? = '' OR e.kind = ?)"
#define EVENT_FILTER_PARAMS(pattern, kind)                                                         \
    DB_TEXT(pattern), DB_TEXT(pattern), DB_TEXT(pattern), DB_TEXT(pattern), DB_TEXT(kind),         \
        DB_TEXT(kind)
enum { EVENT_FILTER_PARAM_COUNT = 6 };

/* The filter's search as a LIKE pattern and its kind ("" for none). */
static enum ct_status filter_of(const struct store_event_filter *filter,
                                char pattern[STORE_SEARCH_PATTERN_SIZE], const char **kind,
                                struct ct_err *err)
{
    *kind = filter != NULL && filter->kind != NULL ? filter->kind : "";
    return store_like_pattern(filter != NULL ? filter->search : NULL, pattern, err);
}

enum ct_status store_event_list_count(struct store *store, const struct store_event_filter *filter,
                                      int64_t *total, struct ct_err *err)
{
    *total = 0;
    char pattern[STORE_SEARCH_PATTERN_SIZE];
    const char *kind = "";
    enum ct_status status = filter_of(filter, pattern, &kind, err);
    if (status == CT_OK) {
        status = STORE_EXEC(store, "SELECT COUNT(*) FROM events e" EVENT_FILTER, total, err,
                            EVENT_FILTER_PARAMS(pattern, kind));
    }
    return status;
}

enum ct_status store_event_list(struct store *store, const struct store_event_filter *filter,
                                const struct store_page *page, struct arena *arena,
                                struct store_event_row **rows, size_t *count, struct ct_err *err)
{
    *rows = NULL;
    *count = 0;
    if (page->limit < 1 || page->limit > STORE_EVENT_PAGE_MAX || page->offset < 0) {
        return ct_err_set(err, CT_ERR_INPUT, "page", "a page holds 1 to %d rows",
                          STORE_EVENT_PAGE_MAX);
    }
    char pattern[STORE_SEARCH_PATTERN_SIZE];
    const char *kind = "";
    struct buf sql;
    buf_init(&sql, 4096);
    enum ct_status status = filter_of(filter, pattern, &kind, err);
    if (status == CT_OK) {
        status = buf_append_str(&sql, EVENT_COLUMNS EVENT_FILTER);
    }
    if (status == CT_OK) {
        status = store_page_sql(&sql, order_by, STORE_EVENT_COLUMNS, "e.id", page, err);
    }
    struct db_stmt *events = NULL;
    if (status == CT_OK) {
        status = db_prepare(store->db, buf_str(&sql), &events, err);
    }
    buf_release(&sql);
    if (status == CT_OK) {
        status = db_bind_all(events, STORE_PARAMS(EVENT_FILTER_PARAMS(pattern, kind)),
                             EVENT_FILTER_PARAM_COUNT, err);
    }
    if (status == CT_OK) {
        status = store_page_bind(events, EVENT_FILTER_PARAM_COUNT + 1, page, err);
    }
    struct store_event_row *found =
        status == CT_OK ? arena_calloc(arena, (size_t)page->limit, sizeof *found) : NULL;
    if (status == CT_OK && found == NULL) {
        status = ct_err_nomem(err);
    }
    if (status == CT_OK) {
        status = read_events(store, events, (size_t)page->limit, arena, found, count, err);
    }
    db_finalize(events);
    *rows = status == CT_OK && *count > 0 ? found : NULL;
    *count = status == CT_OK ? *count : 0;
    return status;
}

enum ct_status store_event_list_get(struct store *store, int64_t id, struct arena *arena,
                                    struct store_event_row *row, bool *found, struct ct_err *err)
{
    memset(row, 0, sizeof *row);
    *found = false;
    struct db_stmt *events = NULL;
    enum ct_status status = db_prepare(store->db, EVENT_COLUMNS " WHERE e.id = ?", &events, err);
    if (status == CT_OK) {
        status = db_bind_all(events, STORE_PARAMS(DB_INT(id)), 1, err);
    }
    size_t count = 0;
    if (status == CT_OK) {
        status = read_events(store, events, 1, arena, row, &count, err);
    }
    db_finalize(events);
    *found = status == CT_OK && count == 1;
    return status;
}
