#include "store_todo.h"

#include <stdio.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/role.h"
#include "../core/todo_rule.h"
#include "store_harvest_views.h"
#include "store_track_summary.h"
#include "../core/banned.h"

#define COUNT_OF(array) (sizeof(array) / sizeof((array)[0]))

/* The track states that are open. */
#define OPEN_STATES "('active', 'submitted', 'returned')"

/* Of a track t: its latest plan version returned with a comment; a version waiting for the
 * library's signature; its final report returned with a comment. */
#define PLAN_RETURNED_OF_T                                                                         \
    "SELECT 1 FROM plan_versions v WHERE v.track_id = t.id AND v.state = 'draft'"                  \
    " AND v.returned_comment IS NOT NULL AND v.version ="                                          \
    " (SELECT MAX(w.version) FROM plan_versions w WHERE w.track_id = t.id)"
#define PLAN_UNSIGNED_OF_T                                                                         \
    "SELECT 1 FROM plan_versions v WHERE v.track_id = t.id AND v.state = 'submitted'"              \
    " AND v.organization_approved IS NULL"
#define REPORT_RETURNED_OF_T                                                                       \
    "SELECT 1 FROM final_reports r WHERE r.track_id = t.id AND r.state = 'draft'"                  \
    " AND r.returned_comment IS NOT NULL"

/* The reasons' bits as the SQL writes them. */
_Static_assert(STORE_WAITING_TRACK_WAS_RETURNED == 1 && STORE_WAITING_PLAN_WAS_RETURNED == 2 &&
                   STORE_WAITING_PLAN_UNSIGNED == 4 && STORE_WAITING_REPORT_WAS_RETURNED == 8 &&
                   STORE_WAITING_DEADLINE_NEAR == 16 && STORE_WAITING_NOT_ENROLLED == 64,
               "the reasons' bits in the SQL");

/* The values a queue's SQL binds, in the order its binds list them. */
enum todo_bind {
    BIND_END,
    BIND_PERSON,
    BIND_LIBRARY,
    BIND_TODAY,
    BIND_NEAR_UNTIL, /* the last day a deadline is near (todo_rule.h) */
    BIND_RECENT_SINCE,
};

#define BINDS_MAX 4

/* A queue as SQL: its items' columns (always the twelve that item_row reads, with the
 * values they bind), the FROM and WHERE that both the count and the items use (with
 * theirs), and the order of the items. NULL columns: the queue is read otherwise. */
struct queue_sql {
    const char *columns;
    enum todo_bind column_binds[BINDS_MAX];
    const char *from;
    enum todo_bind from_binds[BINDS_MAX];
    const char *order;
};

static const struct queue_sql queues[STORE_WAITING_QUEUES] = {
    [STORE_WAITING_PLANS_TO_SIGN] =
        {"SELECT v.id, p.id, p.name, t.id, t.program, NULL, NULL, v.submitted, v.submitted,"
         " t.deadline, v.version, 0",
         {BIND_END},
         " FROM plan_versions v JOIN tracks t ON t.id = v.track_id JOIN people p"
         " ON p.id = t.person_id WHERE p.verifier_id = ? AND v.state = 'submitted'"
         " AND v.organization_approved IS NULL",
         {BIND_PERSON},
         " ORDER BY v.submitted, v.id"},
    [STORE_WAITING_CLAIMS_TO_VERIFY] =
        {"SELECT a.id, p.id, p.name, 0, NULL, a.title, NULL, a.date,"
         " substr(a.created_at, 1, 10), NULL, 0, 0",
         {BIND_END},
         " FROM activities a JOIN people p ON p.id = a.person_id WHERE p.verifier_id = ?"
         " AND a.status = 'pending'",
         {BIND_PERSON},
         " ORDER BY a.created_at, a.id"},
    [STORE_WAITING_STAFF_AT_RISK] =
        {"SELECT t.id, p.id, p.name, t.id, t.program, NULL,"
         " CASE WHEN t.state = 'returned' THEN t.state_comment END, NULL, NULL, t.deadline, 0,"
         " CASE WHEN t.state = 'returned' THEN 1 ELSE 0 END"
         " + CASE WHEN EXISTS (" PLAN_RETURNED_OF_T ") THEN 2 ELSE 0 END"
         " + CASE WHEN EXISTS (" PLAN_UNSIGNED_OF_T ") THEN 4 ELSE 0 END"
         " + CASE WHEN EXISTS (" REPORT_RETURNED_OF_T ") THEN 8 ELSE 0 END"
         " + CASE WHEN t.state = 'active' AND t.deadline <= ? THEN 16 ELSE 0 END",
         {BIND_NEAR_UNTIL},
         " FROM tracks t JOIN people p ON p.id = t.person_id WHERE p.library_id = ?"
         " AND p.id <> ? AND p.deactivated_at IS NULL AND p.merged_into IS NULL"
         " AND t.state IN " OPEN_STATES " AND (t.state = 'returned'"
         " OR (t.state = 'active' AND t.deadline <= ?) OR EXISTS (" PLAN_RETURNED_OF_T ")"
         " OR EXISTS (" PLAN_UNSIGNED_OF_T ") OR EXISTS (" REPORT_RETURNED_OF_T "))",
         {BIND_LIBRARY, BIND_PERSON, BIND_NEAR_UNTIL},
         " ORDER BY t.deadline, t.id"},
    [STORE_WAITING_TRACKS_TO_REVIEW] =
        {"SELECT t.id, p.id, p.name, t.id, t.program, NULL, NULL, NULL,"
         " substr(t.state_changed_at, 1, 10), t.deadline, 0, 0",
         {BIND_END},
         " FROM tracks t JOIN people p ON p.id = t.person_id WHERE t.state = 'submitted'",
         {BIND_END},
         " ORDER BY t.state_changed_at, t.id"},
    [STORE_WAITING_REPORTS_TO_READ] =
        {"SELECT t.id, p.id, p.name, t.id, t.program, NULL, NULL, r.submitted, r.submitted,"
         " t.deadline, 0, 0",
         {BIND_END},
         " FROM final_reports r JOIN tracks t ON t.id = r.track_id JOIN people p"
         " ON p.id = t.person_id WHERE r.state = 'submitted'",
         {BIND_END},
         " ORDER BY r.submitted, t.id"},
    [STORE_WAITING_HARVEST_INBOX] = {NULL, {BIND_END}, NULL, {BIND_END}, NULL},
    [STORE_WAITING_REFUSED_IMPORTS] =
        {"SELECT r.id, 0, NULL, 0, NULL, r.file_name, r.kind, substr(r.imported_at, 1, 10),"
         " substr(r.imported_at, 1, 10), NULL, r.refused, 0",
         {BIND_END},
         " FROM record_imports r WHERE r.refused > 0 AND substr(r.imported_at, 1, 10) >= ?"
         " AND NOT EXISTS (SELECT 1 FROM record_imports l WHERE l.kind = r.kind"
         " AND l.file_name = r.file_name AND l.id > r.id)",
         {BIND_RECENT_SINCE},
         " ORDER BY r.imported_at, r.id"},
    [STORE_WAITING_LIBRARIES_AT_RISK] =
        {"SELECT l.id, d.id, d.name, COALESCE(o.id, 0), o.program, l.name, NULL, NULL, NULL,"
         " o.deadline, 0, CASE WHEN o.id IS NULL THEN 64 ELSE 0 END",
         {BIND_END},
         " FROM libraries l JOIN library_consultants lc ON lc.library_id = l.id"
         " JOIN people d ON d.id = l.director_id LEFT JOIN tracks o ON o.id ="
         " (SELECT c.id FROM tracks c WHERE c.person_id = d.id AND c.state IN " OPEN_STATES
         " ORDER BY c.deadline, c.id LIMIT 1)"
         " WHERE lc.person_id = ? AND l.closed_on IS NULL AND NOT EXISTS (SELECT 1"
         " FROM certificates x WHERE x.person_id = d.id AND x.revoked IS NULL"
         " AND x.valid_until > ?) AND (o.id IS NULL OR o.deadline <= ?)",
         {BIND_PERSON, BIND_TODAY, BIND_NEAR_UNTIL},
         " ORDER BY CASE WHEN o.id IS NULL THEN 0 ELSE 1 END, o.deadline, l.id"},
    [STORE_WAITING_PLAN_RETURNED] =
        {"SELECT v.id, 0, NULL, t.id, t.program, NULL, v.returned_comment, NULL, NULL,"
         " t.deadline, v.version, 0",
         {BIND_END},
         " FROM plan_versions v JOIN tracks t ON t.id = v.track_id WHERE t.person_id = ?"
         " AND t.state IN " OPEN_STATES " AND v.state = 'draft' AND v.returned_comment IS NOT NULL"
         " AND v.version = (SELECT MAX(w.version) FROM plan_versions w WHERE w.track_id = t.id)",
         {BIND_PERSON},
         " ORDER BY v.id"},
    [STORE_WAITING_REPORT_RETURNED] =
        {"SELECT t.id, 0, NULL, t.id, t.program, NULL, r.returned_comment, NULL, NULL,"
         " t.deadline, 0, 0",
         {BIND_END},
         " FROM final_reports r JOIN tracks t ON t.id = r.track_id WHERE t.person_id = ?"
         " AND t.state IN " OPEN_STATES " AND r.state = 'draft' AND r.returned_comment IS NOT NULL",
         {BIND_PERSON},
         " ORDER BY t.id"},
    [STORE_WAITING_TRACK_RETURNED] =
        {"SELECT t.id, 0, NULL, t.id, t.program, NULL, t.state_comment, NULL,"
         " substr(t.state_changed_at, 1, 10), t.deadline, 0, 0",
         {BIND_END},
         " FROM tracks t WHERE t.person_id = ? AND t.state = 'returned'",
         {BIND_PERSON},
         " ORDER BY t.state_changed_at, t.id"},
    [STORE_WAITING_REJECTED_CLAIMS] =
        {"SELECT a.id, COALESCE(a.status_by, 0), v.name, 0, NULL, a.title, a.status_reason,"
         " a.date, substr(a.status_at, 1, 10), NULL, 0, 0",
         {BIND_END},
         " FROM activities a LEFT JOIN people v ON v.id = a.status_by WHERE a.person_id = ?"
         " AND a.status = 'rejected' AND a.superseded_by IS NULL"
         " AND substr(a.status_at, 1, 10) >= ?",
         {BIND_PERSON, BIND_RECENT_SINCE},
         " ORDER BY a.status_at DESC, a.id DESC"},
};

/* The role that holds each queue. */
static const unsigned queue_roles[STORE_WAITING_QUEUES] = {
    [STORE_WAITING_PLANS_TO_SIGN] = ROLE_SUPERVISOR,
    [STORE_WAITING_CLAIMS_TO_VERIFY] = ROLE_SUPERVISOR,
    [STORE_WAITING_STAFF_AT_RISK] = ROLE_LIBRARY_ADMINISTRATOR,
    [STORE_WAITING_TRACKS_TO_REVIEW] = ROLE_CE_COORDINATOR,
    [STORE_WAITING_REPORTS_TO_READ] = ROLE_CE_COORDINATOR,
    [STORE_WAITING_HARVEST_INBOX] = ROLE_CE_COORDINATOR,
    [STORE_WAITING_REFUSED_IMPORTS] = ROLE_CE_COORDINATOR,
    [STORE_WAITING_LIBRARIES_AT_RISK] = ROLE_CONSULTANT,
    [STORE_WAITING_PLAN_RETURNED] = ROLE_LEARNER,
    [STORE_WAITING_REPORT_RETURNED] = ROLE_LEARNER,
    [STORE_WAITING_TRACK_RETURNED] = ROLE_LEARNER,
    [STORE_WAITING_REJECTED_CLAIMS] = ROLE_LEARNER,
};

bool store_todo_holds(enum store_todo_queue queue, unsigned roles, int64_t library_id)
{
    if ((unsigned)queue >= STORE_WAITING_QUEUES || (roles & queue_roles[queue]) == 0) {
        return false;
    }
    return queue != STORE_WAITING_STAFF_AT_RISK || library_id != 0;
}

/* What the binds stand for, for one person on one day. */
struct bind_values {
    int64_t person_id;
    int64_t library_id;
    char today[CIVIL_DATE_TEXT_SIZE];
    char near_until[CIVIL_DATE_TEXT_SIZE];
    char recent_since[CIVIL_DATE_TEXT_SIZE];
};

static void bind_values_of(const struct store_todo_person *who, struct bind_values *values)
{
    values->person_id = who->person_id;
    values->library_id = who->library_id;
    civil_date_format(who->today, values->today);
    civil_date_format(todo_rule_near_until(who->today), values->near_until);
    civil_date_format(todo_rule_recent_since(who->today), values->recent_since);
}

static struct db_param bind_param(const struct bind_values *values, enum todo_bind bind)
{
    switch (bind) {
    case BIND_PERSON:
        return DB_INT(values->person_id);
    case BIND_LIBRARY:
        return DB_INT(values->library_id);
    case BIND_TODAY:
        return DB_TEXT(values->today);
    case BIND_NEAR_UNTIL:
        return DB_TEXT(values->near_until);
    case BIND_RECENT_SINCE:
        return DB_TEXT(values->recent_since);
    case BIND_END:
        break;
    }
    return DB_INT(0);
}

/* The parameters of a statement as they are collected, in order. */
#define PARAMS_MAX 64

struct params {
    struct db_param items[PARAMS_MAX];
    size_t count;
};

static void params_add(struct params *params, struct db_param param)
{
    if (params->count < PARAMS_MAX) {
        params->items[params->count++] = param;
    }
}

static void params_add_binds(struct params *params, const struct bind_values *values,
                             const enum todo_bind *binds)
{
    for (size_t i = 0; i < BINDS_MAX && binds[i] != BIND_END; i++) {
        params_add(params, bind_param(values, binds[i]));
    }
}

/* ---- the counts ---- */

static enum ct_status count_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct store_todo_counts *counts = context;
    for (size_t q = 0; q < STORE_WAITING_QUEUES; q++) {
        counts->total[q] = db_column_int64(stmt, (int)q);
    }
    return CT_OK;
}

/* "SELECT CASE WHEN ? = 1 THEN (SELECT COUNT(*) FROM ...) ELSE 0 END, ..." with a column
 * per queue (0 for the harvest inbox, counted apart), and its parameters. */
static enum ct_status count_sql(const struct store_todo_counts *counts,
                                const struct bind_values *values, struct buf *sql,
                                struct params *params)
{
    enum ct_status status = buf_append_str(sql, "SELECT ");
    for (size_t q = 0; q < STORE_WAITING_QUEUES && status == CT_OK; q++) {
        status = buf_append_str(sql, q > 0 ? ", " : "");
        if (status == CT_OK && queues[q].from == NULL) {
            status = buf_append_str(sql, "0");
            continue;
        }
        if (status == CT_OK) {
            status = buf_printf(sql, "CASE WHEN ? = 1 THEN (SELECT COUNT(*)%s) ELSE 0 END",
                                queues[q].from);
        }
        params_add(params, DB_INT(counts->held[q] ? 1 : 0));
        params_add_binds(params, values, queues[q].from_binds);
    }
    return status;
}

/* How many things the harvest inbox's statements wait for: accounts and addresses. */
static enum ct_status count_harvest(struct store *store, int64_t *total, struct ct_err *err)
{
    int64_t accounts = 0, addresses = 0;
    enum ct_status status = store_harvest_views_waiting_account_count(store, &accounts, err);
    if (status == CT_OK) {
        status = store_harvest_views_waiting_course_count(store, &addresses, err);
    }
    *total = status == CT_OK ? accounts + addresses : 0;
    return status;
}

enum ct_status store_todo_count(struct store *store, const struct store_todo_person *who,
                                struct store_todo_counts *counts, struct ct_err *err)
{
    memset(counts, 0, sizeof *counts);
    for (size_t q = 0; q < STORE_WAITING_QUEUES; q++) {
        counts->held[q] = store_todo_holds((enum store_todo_queue)q, who->roles, who->library_id);
    }
    struct bind_values values;
    bind_values_of(who, &values);
    struct params params = {.count = 0};
    struct buf sql;
    buf_init(&sql, 16384);
    enum ct_status status = count_sql(counts, &values, &sql, &params);
    status = status == CT_OK ? CT_OK : ct_err_nomem(err);
    if (status == CT_OK) {
        status = store_each_row(store, buf_str(&sql), params.items, params.count, count_row, counts,
                                err);
    }
    buf_release(&sql);
    if (status == CT_OK && counts->held[STORE_WAITING_HARVEST_INBOX]) {
        status = count_harvest(store, &counts->total[STORE_WAITING_HARVEST_INBOX], err);
    }
    if (status != CT_OK) {
        memset(counts->total, 0, sizeof counts->total);
    }
    return status;
}

/* ---- the items ---- */

/* Items read into an arena, up to capacity. */
struct item_rows {
    struct arena *arena;
    struct store_todo_item *items;
    size_t count;
    size_t capacity;
};

/* A copy of column's text in the arena, or NULL when it is NULL; *ok false when memory
 * runs out. */
static const char *text_copy(struct db_stmt *stmt, int column, struct arena *arena, bool *ok)
{
    const char *text = db_column_text(stmt, column);
    if (text == NULL) {
        return NULL;
    }
    char *copy = arena_strdup(arena, text);
    *ok = *ok && copy != NULL;
    return copy;
}

/* Reads the twelve columns every queue's items have (struct queue_sql). */
static enum ct_status item_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    struct item_rows *rows = context;
    if (rows->count >= rows->capacity) {
        return CT_OK;
    }
    struct store_todo_item *item = &rows->items[rows->count];
    bool ok = true;
    item->id = db_column_int64(stmt, 0);
    item->person_id = db_column_int64(stmt, 1);
    item->person_name = text_copy(stmt, 2, rows->arena, &ok);
    item->track_id = db_column_int64(stmt, 3);
    item->program = text_copy(stmt, 4, rows->arena, &ok);
    item->title = text_copy(stmt, 5, rows->arena, &ok);
    item->note = text_copy(stmt, 6, rows->arena, &ok);
    item->day = store_date_value(db_column_text(stmt, 7));
    item->since = store_date_value(db_column_text(stmt, 8));
    item->deadline = store_date_value(db_column_text(stmt, 9));
    item->amount = db_column_int64(stmt, 10);
    item->reasons = (unsigned)db_column_int64(stmt, 11);
    rows->count++;
    return ok ? CT_OK : ct_err_nomem(err);
}

/* Room for up to total items (at most a page) in the arena. */
static enum ct_status rows_begin(struct item_rows *rows, struct arena *arena, int64_t total,
                                 struct ct_err *err)
{
    rows->arena = arena;
    rows->count = 0;
    rows->capacity = total < STORE_WAITING_PAGE ? (size_t)total : STORE_WAITING_PAGE;
    rows->items = NULL;
    if (rows->capacity == 0) {
        return CT_OK;
    }
    rows->items = arena_calloc(arena, rows->capacity, sizeof *rows->items);
    if (rows->items == NULL) {
        return ct_err_nomem(err);
    }
    /* Every date unset until a row sets it (a zeroed date is 1970-01-01). */
    for (size_t i = 0; i < rows->capacity; i++) {
        struct store_todo_item *item = &rows->items[i];
        item->day = item->since = item->deadline = civil_date_unset();
        item->progress.deadline = civil_date_unset();
    }
    return CT_OK;
}

static enum ct_status read_items(struct store *store, enum store_todo_queue queue,
                                 const struct bind_values *values, struct item_rows *rows,
                                 struct ct_err *err)
{
    const struct queue_sql *q = &queues[queue];
    struct params params = {.count = 0};
    params_add_binds(&params, values, q->column_binds);
    params_add_binds(&params, values, q->from_binds);
    params_add(&params, DB_INT((int64_t)rows->capacity));
    struct buf sql;
    buf_init(&sql, 16384);
    enum ct_status status = buf_printf(&sql, "%s%s%s LIMIT ?", q->columns, q->from, q->order);
    status = status == CT_OK ? CT_OK : ct_err_nomem(err);
    if (status == CT_OK) {
        status =
            store_each_row(store, buf_str(&sql), params.items, params.count, item_row, rows, err);
    }
    buf_release(&sql);
    return status;
}

/* ---- the harvest inbox: the accounts, then the addresses ---- */

/* The day of a timestamp "YYYY-MM-DDTHH:MM:SSZ" (NULL: unset). */
static struct civil_date day_of(const char *timestamp)
{
    char day[CIVIL_DATE_TEXT_SIZE];
    snprintf(day, sizeof day, "%.10s", timestamp != NULL ? timestamp : "");
    return store_date_value(day[0] != '\0' ? day : NULL);
}

static enum ct_status harvest_accounts(struct store *store, struct item_rows *rows,
                                       struct ct_err *err)
{
    struct store_page page = {HARVEST_WAITING_SINCE, false, (int64_t)rows->capacity, 0};
    struct harvest_waiting_account *accounts = NULL;
    size_t count = 0;
    enum ct_status status =
        store_harvest_views_waiting_accounts(store, &page, rows->arena, &accounts, &count, err);
    for (size_t i = 0; status == CT_OK && i < count && rows->count < rows->capacity; i++) {
        struct store_todo_item *item = &rows->items[rows->count++];
        item->id = accounts[i].site_id;
        item->title = accounts[i].account_name;
        item->note = accounts[i].site_url;
        item->amount = accounts[i].waiting;
        item->since = day_of(accounts[i].since);
        item->reasons = STORE_WAITING_ACCOUNT_UNLINKED;
    }
    return status;
}

static enum ct_status harvest_addresses(struct store *store, struct item_rows *rows,
                                        struct ct_err *err)
{
    int64_t room = (int64_t)(rows->capacity - rows->count);
    if (room <= 0) {
        return CT_OK;
    }
    struct store_page page = {HARVEST_WAITING_SINCE, false, room, 0};
    struct harvest_waiting_course *courses = NULL;
    size_t count = 0;
    enum ct_status status =
        store_harvest_views_waiting_courses(store, &page, rows->arena, &courses, &count, err);
    for (size_t i = 0; status == CT_OK && i < count && rows->count < rows->capacity; i++) {
        struct store_todo_item *item = &rows->items[rows->count++];
        item->title = courses[i].url;
        item->note = courses[i].name;
        item->amount = courses[i].waiting;
        item->since = day_of(courses[i].since);
        item->reasons = STORE_WAITING_ADDRESS_UNMAPPED;
    }
    return status;
}

/* ---- the engine's word ---- */

/* The engine's word on a track as its summary holds it (the next step:
 * todo_rule_next_blocking), into progress; the category's name in arena. */
static enum ct_status progress_of(const struct track_summary *summary, struct arena *arena,
                                  struct store_todo_progress *progress, struct ct_err *err)
{
    progress->evaluated = true;
    progress->status = summary->status;
    progress->blocked = summary->blocked;
    progress->blocking = summary->next_blocking;
    progress->remaining_halves = summary->remaining_halves;
    progress->deadline = summary->deadline;
    progress->category = NULL;
    if (summary->blocked && summary->next_blocking == BLOCKING_CATEGORY_SHORT &&
        summary->next_category[0] != '\0') {
        progress->category = arena_strdup(arena, summary->next_category);
        return progress->category != NULL ? CT_OK : ct_err_nomem(err);
    }
    return CT_OK;
}

/* The engine's word today on each item's track (at most a page of them), read from the
 * tracks' summaries: a summary of another day, or none, is evaluated again and written
 * (store_track_summary_freshen), so at most the page's tracks are evaluated. */
static enum ct_status read_progress(struct store *store, struct civil_date today,
                                    struct item_rows *rows, struct ct_err *err)
{
    if (rows->count == 0) {
        return CT_OK;
    }
    struct track_summary *summaries = arena_calloc(rows->arena, rows->count, sizeof *summaries);
    enum ct_status status = summaries != NULL ? CT_OK : ct_err_nomem(err);
    for (size_t i = 0; status == CT_OK && i < rows->count; i++) {
        bool found = false;
        status =
            store_track_summary_get(store, rows->items[i].track_id, &summaries[i], &found, err);
        if (status == CT_OK && !found) {
            summaries[i].track_id = rows->items[i].track_id; /* stale: refreshed below */
            summaries[i].as_of = civil_date_unset();
        }
    }
    if (status == CT_OK) {
        status = store_track_summary_freshen(store, today, summaries, rows->count,
                                             sizeof *summaries, 0, NULL, err);
    }
    for (size_t i = 0; status == CT_OK && i < rows->count; i++) {
        status = progress_of(&summaries[i], rows->arena, &rows->items[i].progress, err);
    }
    return status;
}

/* The deadline's reason bit for an item whose deadline counts. */
static unsigned deadline_reason(struct civil_date deadline, struct civil_date today)
{
    switch (todo_rule_deadline(deadline, today)) {
    case WAITING_DEADLINE_PASSED:
        return STORE_WAITING_DEADLINE_PASSED;
    case WAITING_DEADLINE_NEAR:
        return STORE_WAITING_DEADLINE_NEAR;
    case WAITING_DEADLINE_FAR:
        break;
    }
    return 0;
}

/* What the SQL could not say: how long each item waited; a staff track's deadline near
 * or past, and the engine's word from its summary; a director's deadline near or past. */
static enum ct_status finish_items(struct store *store, enum store_todo_queue queue,
                                   const struct store_todo_person *who, struct item_rows *rows,
                                   struct ct_err *err)
{
    for (size_t i = 0; i < rows->count; i++) {
        struct store_todo_item *item = &rows->items[i];
        item->waited_days = todo_rule_waited_days(item->since, who->today);
        if (queue == STORE_WAITING_STAFF_AT_RISK && (item->reasons & STORE_WAITING_DEADLINE_NEAR)) {
            item->reasons &= ~(unsigned)STORE_WAITING_DEADLINE_NEAR;
            item->reasons |= deadline_reason(item->deadline, who->today);
        }
        if (queue == STORE_WAITING_LIBRARIES_AT_RISK && item->track_id != 0) {
            item->reasons |= deadline_reason(item->deadline, who->today);
        }
    }
    return queue == STORE_WAITING_STAFF_AT_RISK ? read_progress(store, who->today, rows, err)
                                                : CT_OK;
}

static enum ct_status read_queue(struct store *store, enum store_todo_queue queue,
                                 const struct store_todo_person *who,
                                 const struct bind_values *values, struct arena *arena,
                                 struct store_todo_list *list, struct ct_err *err)
{
    struct item_rows rows;
    enum ct_status status = rows_begin(&rows, arena, list->total, err);
    if (status == CT_OK && rows.capacity > 0 && queue == STORE_WAITING_HARVEST_INBOX) {
        status = harvest_accounts(store, &rows, err);
        if (status == CT_OK) {
            status = harvest_addresses(store, &rows, err);
        }
    } else if (status == CT_OK && rows.capacity > 0) {
        status = read_items(store, queue, values, &rows, err);
    }
    if (status == CT_OK) {
        status = finish_items(store, queue, who, &rows, err);
    }
    list->items = status == CT_OK && rows.count > 0 ? rows.items : NULL;
    list->count = status == CT_OK ? rows.count : 0;
    return status;
}

/* ---- a learner's next steps ---- */

static enum ct_status open_track_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    struct item_rows *rows = context;
    if (rows->count >= rows->capacity) {
        return CT_OK;
    }
    struct store_todo_item *item = &rows->items[rows->count];
    bool ok = true;
    item->id = item->track_id = db_column_int64(stmt, 0);
    item->program = text_copy(stmt, 1, rows->arena, &ok);
    item->note = text_copy(stmt, 2, rows->arena, &ok);
    item->deadline = store_date_value(db_column_text(stmt, 3));
    rows->count++;
    return ok ? CT_OK : ct_err_nomem(err);
}

static enum ct_status next_steps(struct store *store, const struct store_todo_person *who,
                                 struct arena *arena, struct store_todo *todo, struct ct_err *err)
{
    struct item_rows rows;
    enum ct_status status = rows_begin(&rows, arena, STORE_WAITING_PAGE, err);
    if (status == CT_OK) {
        status = STORE_EACH_ROW(store,
                                "SELECT t.id, t.program, t.state, t.deadline FROM tracks t"
                                " WHERE t.person_id = ? AND t.state IN " OPEN_STATES
                                " ORDER BY t.started DESC, t.id DESC",
                                open_track_row, &rows, err, DB_INT(who->person_id));
    }
    if (status == CT_OK) {
        status = read_progress(store, who->today, &rows, err);
    }
    for (size_t i = 0; status == CT_OK && i < rows.count; i++) {
        struct store_todo_item *item = &rows.items[i];
        if (item->progress.status != TRACK_COMPLETE) {
            item->reasons = deadline_reason(item->progress.deadline, who->today);
        }
    }
    todo->next_steps = status == CT_OK && rows.count > 0 ? rows.items : NULL;
    todo->next_step_count = status == CT_OK ? rows.count : 0;
    return status;
}

enum ct_status store_todo_read(struct store *store, const struct store_todo_person *who,
                               struct arena *arena, struct store_todo *todo, struct ct_err *err)
{
    memset(todo, 0, sizeof *todo);
    struct store_todo_counts counts;
    enum ct_status status = store_todo_count(store, who, &counts, err);
    struct bind_values values;
    bind_values_of(who, &values);
    for (size_t q = 0; q < STORE_WAITING_QUEUES && status == CT_OK; q++) {
        todo->held[q] = counts.held[q];
        todo->queues[q].total = counts.total[q];
        if (counts.held[q] && counts.total[q] > 0) {
            status = read_queue(store, (enum store_todo_queue)q, who, &values, arena,
                                &todo->queues[q], err);
        }
    }
    if (status == CT_OK && (who->roles & ROLE_LEARNER) != 0) {
        status = next_steps(store, who, arena, todo, err);
    }
    if (status != CT_OK) {
        memset(todo, 0, sizeof *todo);
    }
    return status;
}
