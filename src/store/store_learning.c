#include "store_learning.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/banned.h"

/* ---- reading rows into the caller's arena ---- */

/* Reads the current row of stmt into row (in arena); false when memory runs out. */
typedef bool (*row_reader)(struct db_stmt *stmt, struct arena *arena, void *row);

/* A copy of column's text in arena (NULL for NULL); *ok false when memory runs out. */
static const char *text_of(struct db_stmt *stmt, int column, struct arena *arena, bool *ok)
{
    const char *text = db_column_text(stmt, column);
    if (text == NULL) {
        return NULL;
    }
    char *copy = arena_strdup(arena, text);
    *ok = *ok && copy != NULL;
    return copy;
}

/* Steps stmt to its end, reading each row (of size bytes) with read into a new array in
 * arena. */
static enum ct_status collect(struct db_stmt *stmt, row_reader read, size_t size,
                              struct arena *arena, void **rows, size_t *count, struct ct_err *err)
{
    *rows = NULL;
    *count = 0;
    char *grown = NULL;
    size_t capacity = 0;
    enum ct_status status = CT_OK;
    for (bool has_row = true; status == CT_OK;) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        if (*count == capacity) {
            capacity = capacity == 0 ? 16 : capacity * 2;
            char *bigger = realloc(grown, capacity * size);
            if (bigger == NULL) {
                status = ct_err_nomem(err);
                break;
            }
            grown = bigger;
        }
        memset(grown + *count * size, 0, size);
        if (!read(stmt, arena, grown + *count * size)) {
            status = ct_err_nomem(err);
            break;
        }
        (*count)++;
    }
    if (status == CT_OK && *count > 0) {
        *rows = arena_calloc(arena, *count, size);
        status = *rows != NULL ? CT_OK : ct_err_nomem(err);
    }
    if (status == CT_OK && *count > 0) {
        memcpy(*rows, grown, *count * size);
    }
    free(grown);
    if (status != CT_OK) {
        *rows = NULL;
        *count = 0;
    }
    return status;
}

/* Runs sql with params and reads every row. */
static enum ct_status query_rows(struct store *store, const char *sql,
                                 const struct db_param *params, size_t param_count, row_reader read,
                                 size_t size, struct arena *arena, void **rows, size_t *count,
                                 struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    *rows = NULL;
    *count = 0;
    enum ct_status status = db_prepare(store->db, sql, &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, params, param_count, err);
    }
    if (status == CT_OK) {
        status = collect(stmt, read, size, arena, rows, count, err);
    }
    db_finalize(stmt);
    return status;
}

/* The first row only: *found false when there is none. */
static enum ct_status query_row(struct store *store, const char *sql, const struct db_param *params,
                                size_t param_count, row_reader read, struct arena *arena, void *row,
                                bool *found, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    *found = false;
    enum ct_status status = db_prepare(store->db, sql, &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, params, param_count, err);
    }
    if (status == CT_OK) {
        status = db_step(stmt, found, err);
    }
    if (status == CT_OK && *found && !read(stmt, arena, row)) {
        status = ct_err_nomem(err);
    }
    db_finalize(stmt);
    return status;
}

/* ---- tracks ---- */

#define TRACK_COLUMNS                                                                              \
    "SELECT id, person_id, program, started, deadline, state, previous_track_id FROM tracks"

static bool track_row(struct db_stmt *stmt, struct arena *arena, void *row)
{
    (void)arena;
    struct track_info *track = row;
    track->id = db_column_int64(stmt, 0);
    track->person_id = db_column_int64(stmt, 1);
    snprintf(track->program, sizeof track->program, "%s", db_column_text(stmt, 2));
    track->started = store_date_value(db_column_text(stmt, 3));
    track->deadline = store_date_value(db_column_text(stmt, 4));
    snprintf(track->state, sizeof track->state, "%s", db_column_text(stmt, 5));
    track->previous_track_id = db_column_is_null(stmt, 6) ? 0 : db_column_int64(stmt, 6);
    return true;
}

enum ct_status store_learning_track_get(struct store *store, int64_t track_id,
                                        struct track_info *track, bool *found, struct ct_err *err)
{
    return query_row(store, TRACK_COLUMNS " WHERE id = ?", STORE_PARAMS(DB_INT(track_id)), 1,
                     track_row, NULL, track, found, err);
}

static bool identity_row(struct db_stmt *stmt, struct arena *arena, void *row)
{
    struct learning_identity *identity = row;
    bool ok = true;
    identity->id = db_column_int64(stmt, 0);
    identity->name = text_of(stmt, 1, arena, &ok);
    identity->email = text_of(stmt, 2, arena, &ok);
    identity->library_id = db_column_int64(stmt, 3);
    identity->library_name = text_of(stmt, 4, arena, &ok);
    return ok;
}

enum ct_status store_learning_identity(struct store *store, int64_t person_id, struct arena *arena,
                                       struct learning_identity *identity, bool *found,
                                       struct ct_err *err)
{
    return query_row(store,
                     "SELECT p.id, p.name, p.email, COALESCE(l.id, 0), l.name FROM people p"
                     " LEFT JOIN libraries l ON l.id = p.library_id WHERE p.id = ?",
                     STORE_PARAMS(DB_INT(person_id)), 1, identity_row, arena, identity, found, err);
}

/* ---- the claim form ---- */

#define EVENT_COLUMNS "SELECT id, title, kind, category, ends, credit_halves FROM events"

static bool event_row(struct db_stmt *stmt, struct arena *arena, void *row)
{
    struct learning_event *event = row;
    bool ok = true;
    event->id = db_column_int64(stmt, 0);
    event->title = text_of(stmt, 1, arena, &ok);
    event->kind = text_of(stmt, 2, arena, &ok);
    event->category = text_of(stmt, 3, arena, &ok);
    event->ends = store_date_value(db_column_text(stmt, 4));
    event->credit_halves = db_column_int64(stmt, 5);
    return ok;
}

enum ct_status store_learning_events(struct store *store, struct civil_date first,
                                     struct civil_date last, int64_t limit, struct arena *arena,
                                     struct learning_event **events, size_t *count,
                                     struct ct_err *err)
{
    char from[CIVIL_DATE_TEXT_SIZE], to[CIVIL_DATE_TEXT_SIZE];
    return query_rows(store,
                      EVENT_COLUMNS " WHERE ends >= ? AND ends <= ?"
                                    " ORDER BY ends DESC, id DESC LIMIT ?",
                      STORE_PARAMS(DB_TEXT(store_date_text(first, from)),
                                   DB_TEXT(store_date_text(last, to)), DB_INT(limit)),
                      3, event_row, sizeof **events, arena, (void **)events, count, err);
}

enum ct_status store_learning_event(struct store *store, int64_t event_id, struct arena *arena,
                                    struct learning_event *event, bool *found, struct ct_err *err)
{
    return query_row(store, EVENT_COLUMNS " WHERE id = ?", STORE_PARAMS(DB_INT(event_id)), 1,
                     event_row, arena, event, found, err);
}

static bool planned_item_row(struct db_stmt *stmt, struct arena *arena, void *row)
{
    struct learning_planned_item *item = row;
    bool ok = true;
    item->key = text_of(stmt, 0, arena, &ok);
    item->description = text_of(stmt, 1, arena, &ok);
    return ok;
}

enum ct_status store_learning_self_directed_items(struct store *store, int64_t track_id,
                                                  struct arena *arena,
                                                  struct learning_planned_item **items,
                                                  size_t *count, struct ct_err *err)
{
    return query_rows(store,
                      "SELECT item_key, MAX(description) FROM plan_items JOIN plan_versions"
                      " ON plan_versions.id = plan_items.plan_version_id"
                      " WHERE plan_versions.track_id = ? AND plan_items.kind = 'self-directed'"
                      " GROUP BY item_key ORDER BY item_key",
                      STORE_PARAMS(DB_INT(track_id)), 1, planned_item_row, sizeof **items, arena,
                      (void **)items, count, err);
}

/* ---- activities ---- */

#define ACTIVITY_COLUMNS                                                                           \
    "SELECT a.id, a.person_id, p.name, a.record_key, a.kind, a.title, a.date, a.category,"         \
    " a.credit_halves, a.semester_halves, a.quarter_halves, a.minutes, a.topic, a.plan_item,"      \
    " a.recorded, a.status, COALESCE(a.event_id, 0), COALESCE(p.verifier_id, 0)"                   \
    " FROM activities a JOIN people p ON p.id = a.person_id"

static bool activity_row(struct db_stmt *stmt, struct arena *arena, void *row)
{
    struct learning_activity *a = row;
    bool ok = true;
    a->id = db_column_int64(stmt, 0);
    a->person_id = db_column_int64(stmt, 1);
    a->person_name = text_of(stmt, 2, arena, &ok);
    a->key = text_of(stmt, 3, arena, &ok);
    a->kind = text_of(stmt, 4, arena, &ok);
    a->title = text_of(stmt, 5, arena, &ok);
    a->date = text_of(stmt, 6, arena, &ok);
    a->category = text_of(stmt, 7, arena, &ok);
    a->credit_halves = db_column_int64(stmt, 8);
    a->semester_halves = db_column_int64(stmt, 9);
    a->quarter_halves = db_column_int64(stmt, 10);
    a->minutes = db_column_int64(stmt, 11);
    a->topic = text_of(stmt, 12, arena, &ok);
    a->plan_item = text_of(stmt, 13, arena, &ok);
    a->recorded = text_of(stmt, 14, arena, &ok);
    a->status = text_of(stmt, 15, arena, &ok);
    a->event_id = db_column_int64(stmt, 16);
    a->verifier_id = db_column_int64(stmt, 17);
    return ok;
}

enum ct_status store_learning_activity(struct store *store, int64_t activity_id,
                                       struct arena *arena, struct learning_activity *activity,
                                       bool *found, struct ct_err *err)
{
    return query_row(store, ACTIVITY_COLUMNS " WHERE a.id = ?", STORE_PARAMS(DB_INT(activity_id)),
                     1, activity_row, arena, activity, found, err);
}

enum ct_status store_learning_activity_by_key(struct store *store, int64_t person_id,
                                              const char *key, struct arena *arena,
                                              struct learning_activity *activity, bool *found,
                                              struct ct_err *err)
{
    return query_row(store, ACTIVITY_COLUMNS " WHERE a.person_id = ? AND a.record_key = ?",
                     STORE_PARAMS(DB_INT(person_id), DB_TEXT(key)), 2, activity_row, arena,
                     activity, found, err);
}

/* The claims waiting for verifier ?; then those the search finds by the learner's name
 * or the title (its LIKE pattern bound three times, "" for every claim), then those of
 * the kind bound twice ("" for every kind). */
#define VERIFY_QUEUE_WHERE                                                                         \
    " WHERE p.verifier_id = ? AND a.status = 'pending'"                                            \
    " AND (? = '' OR LOWER(p.name) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(a.title, '')) LIKE ?"      \
    " ESCAPE '\\') AND (? = '' OR a.kind = ?)"
#define VERIFY_QUEUE_PARAMS(verifier, pattern, kind)                                               \
    DB_INT(verifier), DB_TEXT(pattern), DB_TEXT(pattern), DB_TEXT(pattern), DB_TEXT(kind),         \
        DB_TEXT(kind)
enum { VERIFY_QUEUE_PARAM_COUNT = 6 };

/* What each column of the queue sorts by (verify_queue_column). */
static const char *const verify_queue_order[VERIFY_QUEUE_COLUMNS] = {
    [VERIFY_QUEUE_LEARNER] = "LOWER(p.name)",
    [VERIFY_QUEUE_DATE] = "a.date",
    [VERIFY_QUEUE_KIND] = "a.kind",
    [VERIFY_QUEUE_TITLE] = "LOWER(a.title)",
    /* The number claimed, whatever its unit (credits, semester or quarter credits, or
     * time): a claim holds one of them. */
    [VERIFY_QUEUE_CLAIMED] =
        ("(COALESCE(a.credit_halves, 0) + COALESCE(a.semester_halves, 0)"
         " + COALESCE(a.quarter_halves, 0)) * 1000000 + COALESCE(a.minutes, 0)"),
};

enum ct_status store_learning_verify_queue(struct store *store, int64_t verifier_id,
                                           const struct store_queue_filter *filter,
                                           const struct store_page *page, struct arena *arena,
                                           struct learning_activity **claims, size_t *count,
                                           int64_t *total, struct ct_err *err)
{
    *claims = NULL;
    *count = 0;
    *total = 0;
    char pattern[STORE_SEARCH_PATTERN_SIZE];
    const char *kind = filter != NULL && filter->kind != NULL ? filter->kind : "";
    enum ct_status status =
        store_like_pattern(filter != NULL ? filter->search : NULL, pattern, err);
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "SELECT COUNT(*) FROM activities a JOIN people p"
                            " ON p.id = a.person_id" VERIFY_QUEUE_WHERE,
                            total, err, VERIFY_QUEUE_PARAMS(verifier_id, pattern, kind));
    }
    struct buf sql;
    buf_init(&sql, 4096);
    if (status == CT_OK) {
        status = buf_append_str(&sql, ACTIVITY_COLUMNS VERIFY_QUEUE_WHERE);
        status = status == CT_OK ? CT_OK : ct_err_nomem(err);
    }
    if (status == CT_OK) {
        status = store_page_sql(&sql, verify_queue_order, VERIFY_QUEUE_COLUMNS, "a.id", page, err);
    }
    struct db_stmt *stmt = NULL;
    if (status == CT_OK) {
        status = db_prepare(store->db, buf_str(&sql), &stmt, err);
    }
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(VERIFY_QUEUE_PARAMS(verifier_id, pattern, kind)),
                             VERIFY_QUEUE_PARAM_COUNT, err);
    }
    if (status == CT_OK) {
        status = store_page_bind(stmt, VERIFY_QUEUE_PARAM_COUNT + 1, page, err);
    }
    if (status == CT_OK) {
        status = collect(stmt, activity_row, sizeof **claims, arena, (void **)claims, count, err);
    }
    db_finalize(stmt);
    buf_release(&sql);
    return status;
}

/* ---- the Professional Development Plan ---- */

#define VERSION_COLUMNS                                                                            \
    "SELECT v.id, v.track_id, v.version, v.state, v.submitted, v.learner_approved,"                \
    " v.organization_approved, v.returned_comment, v.skill_gaps, v.learning_options,"              \
    " p.id, p.name, COALESCE(p.verifier_id, 0), COALESCE(p.library_id, 0)"                         \
    " FROM plan_versions v JOIN tracks t ON t.id = v.track_id JOIN people p ON p.id = t.person_id"

#define PLANS_WAITING_WHERE                                                                        \
    " WHERE p.verifier_id = ? AND v.state = 'submitted' AND v.organization_approved IS NULL"

static bool version_row(struct db_stmt *stmt, struct arena *arena, void *row)
{
    struct learning_version *v = row;
    bool ok = true;
    v->id = db_column_int64(stmt, 0);
    v->track_id = db_column_int64(stmt, 1);
    v->version = db_column_int64(stmt, 2);
    snprintf(v->state, sizeof v->state, "%s", db_column_text(stmt, 3));
    v->submitted = text_of(stmt, 4, arena, &ok);
    v->learner_signed = text_of(stmt, 5, arena, &ok);
    v->library_signed = text_of(stmt, 6, arena, &ok);
    v->comment = text_of(stmt, 7, arena, &ok);
    v->skill_gaps = text_of(stmt, 8, arena, &ok);
    v->learning_options = text_of(stmt, 9, arena, &ok);
    v->person_id = db_column_int64(stmt, 10);
    v->person_name = text_of(stmt, 11, arena, &ok);
    v->verifier_id = db_column_int64(stmt, 12);
    v->library_id = db_column_int64(stmt, 13);
    return ok;
}

static bool goal_row(struct db_stmt *stmt, struct arena *arena, void *row)
{
    struct learning_goal *g = row;
    bool ok = true;
    g->id = db_column_int64(stmt, 0);
    g->version_id = db_column_int64(stmt, 1);
    g->position = db_column_int64(stmt, 2);
    g->library_goal_id = db_column_int64(stmt, 3);
    g->goal = text_of(stmt, 4, arena, &ok);
    g->outcomes = text_of(stmt, 5, arena, &ok);
    g->library_goal_code = text_of(stmt, 6, arena, &ok);
    g->library_goal_title = text_of(stmt, 7, arena, &ok);
    return ok;
}

static bool item_row(struct db_stmt *stmt, struct arena *arena, void *row)
{
    struct learning_item *i = row;
    bool ok = true;
    i->id = db_column_int64(stmt, 0);
    i->version_id = db_column_int64(stmt, 1);
    i->kind = text_of(stmt, 2, arena, &ok);
    i->key = text_of(stmt, 3, arena, &ok);
    i->description = text_of(stmt, 4, arena, &ok);
    i->plan_goal_id = db_column_int64(stmt, 5);
    i->plan_goal = text_of(stmt, 6, arena, &ok);
    i->planned_minutes = db_column_int64(stmt, 7);
    return ok;
}

/* The goals and items that goals_sql and items_sql (each with the one parameter)
 * select, into plan. */
static enum ct_status contents_of(struct store *store, const char *goals_sql, const char *items_sql,
                                  int64_t parameter, struct arena *arena,
                                  struct learning_plan *plan, struct ct_err *err)
{
    enum ct_status status =
        query_rows(store, goals_sql, STORE_PARAMS(DB_INT(parameter)), 1, goal_row,
                   sizeof *plan->goals, arena, (void **)&plan->goals, &plan->goal_count, err);
    if (status == CT_OK) {
        status =
            query_rows(store, items_sql, STORE_PARAMS(DB_INT(parameter)), 1, item_row,
                       sizeof *plan->items, arena, (void **)&plan->items, &plan->item_count, err);
    }
    return status;
}

#define GOAL_COLUMNS                                                                               \
    "SELECT g.id, g.plan_version_id, g.position, l.id, g.goal, g.desired_outcomes, l.code,"        \
    " l.title || CASE WHEN l.retired_on IS NULL THEN '' ELSE ' (retired)' END"                     \
    " FROM plan_goals g JOIN library_goals l ON l.id = g.library_goal_id"
#define GOAL_ORDER " ORDER BY g.plan_version_id, g.position, g.id"
#define ITEM_COLUMNS                                                                               \
    "SELECT i.id, i.plan_version_id, i.kind, i.item_key, i.description,"                           \
    " COALESCE(i.plan_goal_id, 0), g.goal, COALESCE(i.planned_minutes, 0) FROM plan_items i"       \
    " LEFT JOIN plan_goals g"                                                                      \
    " ON g.id = i.plan_goal_id"
#define ITEM_ORDER " ORDER BY i.plan_version_id, i.id"

enum ct_status store_learning_plan_of_track(struct store *store, int64_t track_id,
                                            struct arena *arena, struct learning_plan *plan,
                                            struct ct_err *err)
{
    memset(plan, 0, sizeof *plan);
    enum ct_status status =
        query_rows(store, VERSION_COLUMNS " WHERE v.track_id = ? ORDER BY v.version",
                   STORE_PARAMS(DB_INT(track_id)), 1, version_row, sizeof *plan->versions, arena,
                   (void **)&plan->versions, &plan->version_count, err);
    if (status == CT_OK) {
        status =
            contents_of(store,
                        GOAL_COLUMNS " WHERE g.plan_version_id IN (SELECT id FROM plan_versions"
                                     " WHERE track_id = ?)" GOAL_ORDER,
                        ITEM_COLUMNS " WHERE i.plan_version_id IN (SELECT id FROM plan_versions"
                                     " WHERE track_id = ?)" ITEM_ORDER,
                        track_id, arena, plan, err);
    }
    return status;
}

enum ct_status store_learning_plan_version(struct store *store, int64_t version_id,
                                           struct arena *arena, struct learning_plan *plan,
                                           struct ct_err *err)
{
    memset(plan, 0, sizeof *plan);
    enum ct_status status = query_rows(
        store, VERSION_COLUMNS " WHERE v.id = ?", STORE_PARAMS(DB_INT(version_id)), 1, version_row,
        sizeof *plan->versions, arena, (void **)&plan->versions, &plan->version_count, err);
    if (status == CT_OK && plan->version_count > 0) {
        status = contents_of(store, GOAL_COLUMNS " WHERE g.plan_version_id = ?" GOAL_ORDER,
                             ITEM_COLUMNS " WHERE i.plan_version_id = ?" ITEM_ORDER, version_id,
                             arena, plan, err);
    }
    return status;
}

enum ct_status store_learning_plans_waiting(struct store *store, int64_t verifier_id, int64_t limit,
                                            int64_t offset, struct arena *arena,
                                            struct learning_plan *plan, int64_t *total,
                                            struct ct_err *err)
{
    memset(plan, 0, sizeof *plan);
    *total = 0;
    enum ct_status status =
        STORE_EXEC(store,
                   "SELECT COUNT(*) FROM plan_versions v JOIN tracks t ON t.id = v.track_id"
                   " JOIN people p ON p.id = t.person_id" PLANS_WAITING_WHERE,
                   total, err, DB_INT(verifier_id));
    if (status == CT_OK) {
        status = query_rows(
            store,
            VERSION_COLUMNS PLANS_WAITING_WHERE " ORDER BY v.submitted, v.id LIMIT ? OFFSET ?",
            STORE_PARAMS(DB_INT(verifier_id), DB_INT(limit), DB_INT(offset)), 3, version_row,
            sizeof *plan->versions, arena, (void **)&plan->versions, &plan->version_count, err);
    }
    if (status == CT_OK && plan->version_count > 0) {
        /* The contents of every waiting version: a few more than the page needs at most. */
        status = contents_of(
            store,
            GOAL_COLUMNS
            " JOIN plan_versions v ON v.id = g.plan_version_id JOIN tracks t"
            " ON t.id = v.track_id JOIN people p ON p.id = t.person_id" PLANS_WAITING_WHERE
                GOAL_ORDER,
            ITEM_COLUMNS
            " JOIN plan_versions v ON v.id = i.plan_version_id JOIN tracks t"
            " ON t.id = v.track_id JOIN people p ON p.id = t.person_id" PLANS_WAITING_WHERE
                ITEM_ORDER,
            verifier_id, arena, plan, err);
    }
    return status;
}

enum ct_status store_learning_latest_version(struct store *store, int64_t track_id,
                                             int64_t *version_id, struct ct_err *err)
{
    *version_id = 0;
    return STORE_EXEC(store,
                      "SELECT id FROM plan_versions WHERE track_id = ?"
                      " ORDER BY version DESC LIMIT 1",
                      version_id, err, DB_INT(track_id));
}

static bool library_goal_row(struct db_stmt *stmt, struct arena *arena, void *row)
{
    struct learning_library_goal *goal = row;
    bool ok = true;
    goal->id = db_column_int64(stmt, 0);
    goal->code = text_of(stmt, 1, arena, &ok);
    goal->title = text_of(stmt, 2, arena, &ok);
    return ok;
}

enum ct_status store_learning_library_goals(struct store *store, int64_t library_id,
                                            struct arena *arena,
                                            struct learning_library_goal **goals, size_t *count,
                                            struct ct_err *err)
{
    return query_rows(
        store,
        "SELECT g.id, g.code, g.title FROM library_goals g JOIN strategic_plans s"
        " ON s.id = g.strategic_plan_id WHERE s.library_id = ? AND g.retired_on IS NULL"
        " ORDER BY g.code, g.id",
        STORE_PARAMS(DB_INT(library_id)), 1, library_goal_row, sizeof **goals, arena,
        (void **)goals, count, err);
}
