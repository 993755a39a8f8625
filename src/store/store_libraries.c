#include "store_libraries.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../core/banned.h"

/* Copies a text column (NULL as "") into a fixed field. */
#define COPY_TEXT(field, stmt, column)                                                             \
    snprintf((field), sizeof(field), "%s",                                                         \
             db_column_text((stmt), (column)) != NULL ? db_column_text((stmt), (column)) : "")

/* The consultants of library l, from library_consultants (the one place that says who
 * they are: the old libraries.consultant_id is no longer read). */
#define CONSULTANT_NAMES                                                                           \
    "COALESCE((SELECT group_concat(name, ', ') FROM (SELECT c.name FROM library_consultants lc"    \
    " JOIN people c ON c.id = lc.person_id WHERE lc.library_id = l.id ORDER BY c.name) names), "   \
    "'')"
#define LIBRARY_COLUMNS                                                                            \
    "l.id, l.name, l.city, l.kind, COALESCE(l.external_id, ''), COALESCE(l.closed_on, "            \
    "''), " CONSULTANT_NAMES " AS consultants"
#define LIBRARY_FROM " FROM libraries l"
/* Every library when the consultant id bound twice is 0, else that consultant's; then
 * those the search finds by name, city or directory id (its LIKE pattern bound four
 * times, "" for every library). */
#define CONSULTANT_FILTER                                                                          \
    " WHERE (? = 0 OR EXISTS (SELECT 1 FROM library_consultants lc"                                \
    " WHERE lc.library_id = l.id AND lc.person_id = ?))"                                           \
    " AND (? = '' OR LOWER(l.name) LIKE ? ESCAPE '\\' OR LOWER(l.city) LIKE ? ESCAPE '\\'"         \
    " OR LOWER(COALESCE(l.external_id, '')) LIKE ? ESCAPE '\\')"
#define FILTER_PARAMS(consultant, pattern)                                                         \
    DB_INT(consultant), DB_INT(consultant), DB_TEXT(pattern), DB_TEXT(pattern), DB_TEXT(pattern),  \
        DB_TEXT(pattern)

static void library_from_row(struct db_stmt *stmt, struct library_view *library)
{
    library->id = db_column_int64(stmt, 0);
    COPY_TEXT(library->name, stmt, 1);
    COPY_TEXT(library->city, stmt, 2);
    COPY_TEXT(library->kind, stmt, 3);
    COPY_TEXT(library->external_id, stmt, 4);
    COPY_TEXT(library->closed_on, stmt, 5);
    COPY_TEXT(library->consultants, stmt, 6);
}

static enum ct_status one_library(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct library_view *library = context;
    library_from_row(stmt, library);
    return CT_OK;
}

enum ct_status store_library_get(struct store *store, int64_t id, struct library_view *library,
                                 bool *found, struct ct_err *err)
{
    memset(library, 0, sizeof *library);
    enum ct_status status =
        STORE_EACH_ROW(store, "SELECT " LIBRARY_COLUMNS LIBRARY_FROM " WHERE l.id = ?", one_library,
                       library, err, DB_INT(id));
    *found = status == CT_OK && library->id != 0;
    return status;
}

static const char *const library_order[STORE_LIBRARY_COLUMNS] = {
    [STORE_LIBRARY_NAME] = "LOWER(l.name)",
    [STORE_LIBRARY_CITY] = "LOWER(l.city)",
    [STORE_LIBRARY_CONSULTANT] = "LOWER(consultants)",
    [STORE_LIBRARY_STAFF] = "staff",
    [STORE_LIBRARY_OPEN_TRACKS] = "open_tracks",
};

static enum ct_status library_list_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    struct library_row *row = store_rows_push(context, err);
    if (row == NULL) {
        return CT_ERR_NOMEM;
    }
    library_from_row(stmt, &row->library);
    row->staff = db_column_int64(stmt, 7);
    row->open_tracks = db_column_int64(stmt, 8);
    return CT_OK;
}

enum ct_status store_libraries_list(struct store *store, int64_t consultant_id, const char *search,
                                    const struct store_page *page, struct store_rows *rows,
                                    int64_t *total, struct ct_err *err)
{
    *total = 0;
    char pattern[STORE_SEARCH_PATTERN_SIZE];
    enum ct_status status = store_like_pattern(search, pattern, err);
    if (status == CT_OK) {
        status = STORE_EXEC(store, "SELECT COUNT(*) FROM libraries l" CONSULTANT_FILTER, total, err,
                            FILTER_PARAMS(consultant_id, pattern));
    }
    struct store_page shown = *page;
    store_page_clamp(&shown, *total);
    struct buf sql;
    buf_init(&sql, 2048);
    if (status == CT_OK) {
        status = buf_append_str(
            &sql, "SELECT " LIBRARY_COLUMNS ","
                  " (SELECT COUNT(*) FROM people p WHERE p.library_id = l.id) AS staff,"
                  " (SELECT COUNT(*) FROM tracks t JOIN people p ON p.id = t.person_id"
                  " WHERE p.library_id = l.id AND t.state IN ('active', 'submitted', 'returned'))"
                  " AS open_tracks" LIBRARY_FROM CONSULTANT_FILTER);
    }
    if (status == CT_OK) {
        status = store_page_sql(&sql, library_order, STORE_LIBRARY_COLUMNS, "l.id", &shown, err);
    }
    if (status == CT_OK) {
        status = STORE_EACH_ROW(store, buf_str(&sql), library_list_row, rows, err,
                                FILTER_PARAMS(consultant_id, pattern), DB_INT(shown.limit),
                                DB_INT(shown.offset));
    }
    buf_release(&sql);
    return status;
}

#define GOAL_COLUMNS                                                                               \
    "g.code, g.title, g.description, g.id, g.strategic_plan_id, COALESCE(g.retired_on, ''),"       \
    " (SELECT COUNT(*) FROM plan_goals pg WHERE pg.library_goal_id = g.id)"

static enum ct_status goal_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    struct library_goal_row *row = store_rows_push(context, err);
    if (row == NULL) {
        return CT_ERR_NOMEM;
    }
    COPY_TEXT(row->code, stmt, 0);
    COPY_TEXT(row->title, stmt, 1);
    COPY_TEXT(row->description, stmt, 2);
    row->id = db_column_int64(stmt, 3);
    row->strategic_plan_id = db_column_int64(stmt, 4);
    COPY_TEXT(row->retired_on, stmt, 5);
    row->served_by = db_column_int64(stmt, 6);
    return CT_OK;
}

enum ct_status store_library_goals(struct store *store, int64_t library_id, struct store_rows *rows,
                                   struct ct_err *err)
{
    return STORE_EACH_ROW(store,
                          "SELECT " GOAL_COLUMNS " FROM library_goals g"
                          " JOIN strategic_plans s ON s.id = g.strategic_plan_id"
                          " WHERE s.library_id = ? ORDER BY s.starts DESC, g.code",
                          goal_row, rows, err, DB_INT(library_id));
}

static enum ct_status member_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    struct staff_member_row *row = store_rows_push(context, err);
    if (row == NULL) {
        return CT_ERR_NOMEM;
    }
    COPY_TEXT(row->name, stmt, 0);
    COPY_TEXT(row->email, stmt, 1);
    COPY_TEXT(row->roles, stmt, 2);
    COPY_TEXT(row->track, stmt, 3);
    return CT_OK;
}

enum ct_status store_library_people(struct store *store, int64_t library_id,
                                    struct store_rows *rows, struct ct_err *err)
{
    return STORE_EACH_ROW(
        store,
        "SELECT p.name, p.email, COALESCE((SELECT group_concat(role, ', ') FROM person_roles r"
        " WHERE r.person_id = p.id), ''), COALESCE((SELECT t.program || ' (' || t.state || ')'"
        " FROM tracks t WHERE t.person_id = p.id ORDER BY t.started DESC, t.id DESC LIMIT 1), '')"
        " FROM people p WHERE p.library_id = ? ORDER BY p.name",
        member_row, rows, err, DB_INT(library_id));
}

static enum ct_status alignment_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    struct goal_alignment_row *row = store_rows_push(context, err);
    if (row == NULL) {
        return CT_ERR_NOMEM;
    }
    COPY_TEXT(row->goal, stmt, 0);
    row->staff_goals = db_column_int64(stmt, 1);
    COPY_TEXT(row->whose, stmt, 2);
    row->verified_halves = db_column_int64(stmt, 3);
    return CT_OK;
}

/* For each library goal: the staff plan goals that serve it (in approved plans) and the
 * verified credit of self-directed learning carried out under those goals' items. */
static const char alignment_sql[] =
    "SELECT g.code || ' ' || g.title"
    " || CASE WHEN g.retired_on IS NULL THEN '' ELSE ' (retired)' END,"
    " (SELECT COUNT(*) FROM plan_goals pg JOIN plan_versions v ON v.id = pg.plan_version_id"
    "  WHERE pg.library_goal_id = g.id AND v.state = 'approved'),"
    " (SELECT COALESCE(group_concat(p.name || ': ' || pg.goal, '; '), '') FROM plan_goals pg"
    "  JOIN plan_versions v ON v.id = pg.plan_version_id JOIN tracks t ON t.id = v.track_id"
    "  JOIN people p ON p.id = t.person_id"
    "  WHERE pg.library_goal_id = g.id AND v.state = 'approved'),"
    " (SELECT COALESCE(SUM(minutes / 90), 0) FROM (SELECT DISTINCT a.id, a.minutes"
    "  FROM activities a JOIN tracks t ON t.person_id = a.person_id"
    "  JOIN plan_versions v ON v.track_id = t.id"
    "  JOIN plan_items i ON i.plan_version_id = v.id AND i.item_key = a.plan_item"
    "  JOIN plan_goals pg ON pg.id = i.plan_goal_id"
    "  WHERE pg.library_goal_id = g.id AND v.state = 'approved' AND a.status = 'verified'"
    "  AND a.kind = 'self-directed') planned)"
    " FROM library_goals g JOIN strategic_plans s ON s.id = g.strategic_plan_id"
    " WHERE s.library_id = ? ORDER BY g.code";

enum ct_status store_library_alignment(struct store *store, int64_t library_id,
                                       struct store_rows *rows, struct ct_err *err)
{
    return STORE_EACH_ROW(store, alignment_sql, alignment_row, rows, err, DB_INT(library_id));
}

static const char *const staff_order[STORE_STAFF_COLUMNS] = {
    [STORE_STAFF_NAME] = "LOWER(p.name)",
    [STORE_STAFF_TRACK] = "t.program",
    [STORE_STAFF_DEADLINE] = "t.deadline",
};

static enum ct_status staff_track_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    struct staff_track_row *row = store_rows_push(context, err);
    if (row == NULL) {
        return CT_ERR_NOMEM;
    }
    row->person_id = db_column_int64(stmt, 0);
    COPY_TEXT(row->name, stmt, 1);
    row->track_id = db_column_is_null(stmt, 2) ? 0 : db_column_int64(stmt, 2);
    COPY_TEXT(row->program, stmt, 3);
    COPY_TEXT(row->deadline, stmt, 4);
    COPY_TEXT(row->state, stmt, 5);
    if (row->track_id != 0) {
        track_summary_read_columns(stmt, 6, row->track_id, row->person_id, &row->summary);
    }
    return CT_OK;
}

enum ct_status store_library_staff_tracks(struct store *store, int64_t library_id,
                                          struct civil_date day, const struct store_page *page,
                                          struct store_rows *rows, int64_t *total,
                                          struct ct_err *err)
{
    enum ct_status status = STORE_EXEC(store, "SELECT COUNT(*) FROM people WHERE library_id = ?",
                                       total, err, DB_INT(library_id));
    struct store_page shown = *page;
    store_page_clamp(&shown, *total);
    struct buf sql;
    buf_init(&sql, 2048);
    if (status == CT_OK) {
        status = buf_append_str(
            &sql,
            "SELECT p.id, p.name, t.id, t.program, t.deadline, t.state, " TRACK_SUMMARY_COLUMNS
            " FROM people p"
            " LEFT JOIN tracks t ON t.id = (SELECT c.id FROM tracks c WHERE c.person_id = p.id"
            " ORDER BY c.state IN ('active', 'submitted', 'returned') DESC, c.started DESC,"
            " c.id DESC LIMIT 1) LEFT JOIN track_summaries s ON s.track_id = t.id"
            " WHERE p.library_id = ?");
    }
    if (status == CT_OK) {
        status = store_page_sql(&sql, staff_order, STORE_STAFF_COLUMNS, "p.id", &shown, err);
    }
    if (status == CT_OK) {
        status = STORE_EACH_ROW(store, buf_str(&sql), staff_track_row, rows, err,
                                DB_INT(library_id), DB_INT(shown.limit), DB_INT(shown.offset));
    }
    buf_release(&sql);
    if (status == CT_OK) {
        status = store_track_summary_freshen(store, day, rows->items, rows->count, rows->size,
                                             offsetof(struct staff_track_row, summary), NULL, err);
    }
    return status;
}

enum ct_status store_library_goal_get(struct store *store, int64_t goal_id, int64_t *library_id,
                                      struct library_goal_row *goal, bool *found,
                                      struct ct_err *err)
{
    struct store_rows rows = {.size = sizeof(struct library_goal_row)};
    enum ct_status status = STORE_EACH_ROW(store,
                                           "SELECT " GOAL_COLUMNS " FROM library_goals g"
                                           " JOIN strategic_plans s ON s.id = g.strategic_plan_id"
                                           " WHERE g.id = ?",
                                           goal_row, &rows, err, DB_INT(goal_id));
    *found = status == CT_OK && rows.count == 1;
    if (*found) {
        *goal = *(const struct library_goal_row *)rows.items;
    }
    store_rows_release(&rows);
    if (*found) {
        status = STORE_EXEC(store,
                            "SELECT s.library_id FROM library_goals g JOIN strategic_plans s"
                            " ON s.id = g.strategic_plan_id WHERE g.id = ?",
                            library_id, err, DB_INT(goal_id));
    }
    return status;
}

static enum ct_status plan_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct strategic_plan_view *plan = context;
    plan->id = db_column_int64(stmt, 0);
    COPY_TEXT(plan->title, stmt, 1);
    plan->starts = store_date_value(db_column_text(stmt, 2));
    plan->ends = store_date_value(db_column_text(stmt, 3));
    return CT_OK;
}

enum ct_status store_strategic_plan_current(struct store *store, int64_t library_id,
                                            struct strategic_plan_view *plan, bool *found,
                                            struct ct_err *err)
{
    memset(plan, 0, sizeof *plan);
    enum ct_status status =
        STORE_EACH_ROW(store,
                       "SELECT id, title, starts, ends FROM strategic_plans WHERE library_id = ?"
                       " ORDER BY starts DESC, id DESC LIMIT 1",
                       plan_row, plan, err, DB_INT(library_id));
    *found = status == CT_OK && plan->id != 0;
    return status;
}

enum ct_status store_library_serves(struct store *store, int64_t library_id, int64_t consultant_id,
                                    bool *serves, struct ct_err *err)
{
    int64_t count = 0;
    enum ct_status status = STORE_EXEC(store,
                                       "SELECT COUNT(*) FROM library_consultants"
                                       " WHERE library_id = ? AND person_id = ?",
                                       &count, err, DB_INT(library_id), DB_INT(consultant_id));
    *serves = status == CT_OK && count > 0;
    return status;
}

static enum ct_status consultant_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    struct consultant_row *row = store_rows_push(context, err);
    if (row == NULL) {
        return CT_ERR_NOMEM;
    }
    row->id = db_column_int64(stmt, 0);
    COPY_TEXT(row->name, stmt, 1);
    COPY_TEXT(row->email, stmt, 2);
    return CT_OK;
}

enum ct_status store_library_consultants(struct store *store, int64_t library_id,
                                         struct store_rows *rows, struct ct_err *err)
{
    return STORE_EACH_ROW(store,
                          "SELECT p.id, p.name, p.email FROM library_consultants lc"
                          " JOIN people p ON p.id = lc.person_id WHERE lc.library_id = ?"
                          " ORDER BY p.name, p.id",
                          consultant_row, rows, err, DB_INT(library_id));
}

enum ct_status store_library_external_id_holder(struct store *store, const char *external_id,
                                                int64_t *library_id, struct ct_err *err)
{
    *library_id = 0;
    return STORE_EXEC(store, "SELECT id FROM libraries WHERE external_id = ?", library_id, err,
                      DB_TEXT(external_id));
}
