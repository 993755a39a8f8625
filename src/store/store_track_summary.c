#include "store_track_summary.h"

#include <stdlib.h>
#include <string.h>

#include "../core/todo_rule.h"
#include "../io/clock.h"

#include "store_compliance.h"
#include "store_record.h"
#include "../core/banned.h"

/* How many tracks one transaction of the daily refresh evaluates. */
enum { REFRESH_BATCH = 200 };

void track_summary_from_evaluation(int64_t track_id, int64_t person_id,
                                   const struct evaluation *evaluation, struct track_summary *out)
{
    memset(out, 0, sizeof *out);
    out->track_id = track_id;
    out->person_id = person_id;
    out->status = evaluation->status;
    out->counted_halves = evaluation->counted_halves;
    out->required_halves = evaluation->required_halves;
    compliance_blocking_codes(evaluation, out->blocking, sizeof out->blocking);
    out->blocking_count = evaluation->blocking_count;
    out->next_expiry = evaluation->next_expiry;
    out->as_of = evaluation->as_of;
    int next = todo_rule_next_blocking(evaluation);
    out->blocked = next >= 0;
    out->next_blocking = next >= 0 ? evaluation->blocking[next].code : BLOCKING_CREDITS_SHORT;
    int category = next >= 0 ? evaluation->blocking[next].category : -1;
    if (out->blocked && out->next_blocking == BLOCKING_CATEGORY_SHORT && category >= 0) {
        store_text_copy(out->next_category, sizeof out->next_category,
                        evaluation->program->categories[category].name);
    }
    out->remaining_halves = evaluation->remaining_halves;
    out->deadline = evaluation->deadline;
}

bool track_summary_blocking_parse(const char *name, enum blocking_code *out)
{
    for (int code = 0; name != NULL && code <= (int)BLOCKING_TRACK_EXPIRED; code++) {
        if (strcmp(name, blocking_code_name((enum blocking_code)code)) == 0) {
            *out = (enum blocking_code)code;
            return true;
        }
    }
    return false;
}

/* The next step's columns read from column first on (next_blocking, next_category,
 * remaining_halves, deadline) into out. */
static void read_next_step(struct db_stmt *stmt, int first, struct track_summary *out)
{
    out->next_blocking = BLOCKING_CREDITS_SHORT;
    out->blocked = track_summary_blocking_parse(db_column_text(stmt, first), &out->next_blocking);
    store_text_copy(out->next_category, sizeof out->next_category, db_column_text(stmt, first + 1));
    out->remaining_halves = db_column_int64(stmt, first + 2);
    out->deadline = store_date_value(db_column_text(stmt, first + 3));
}

bool track_summary_status_parse(const char *name, enum track_status *out)
{
    const enum track_status all[] = {TRACK_COMPLETE, TRACK_IN_PROGRESS, TRACK_INELIGIBLE,
                                     TRACK_EXPIRED};
    for (size_t i = 0; name != NULL && i < sizeof all / sizeof all[0]; i++) {
        if (strcmp(name, track_status_name(all[i])) == 0) {
            *out = all[i];
            return true;
        }
    }
    return false;
}

static enum ct_status write_summary(struct store *store, const struct track_summary *summary,
                                    struct ct_err *err)
{
    char expiry[CIVIL_DATE_TEXT_SIZE], as_of[CIVIL_DATE_TEXT_SIZE], deadline[CIVIL_DATE_TEXT_SIZE];
    bool category = summary->next_category[0] != '\0';
    return STORE_EXEC(
        store,
        "INSERT INTO track_summaries (track_id, person_id, status, counted_halves,"
        " required_halves, blocking, blocking_count, next_expiry, as_of, next_blocking,"
        " next_category, remaining_halves, deadline)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (track_id) DO UPDATE SET"
        " person_id = excluded.person_id, status = excluded.status,"
        " counted_halves = excluded.counted_halves, required_halves = excluded.required_halves,"
        " blocking = excluded.blocking, blocking_count = excluded.blocking_count,"
        " next_expiry = excluded.next_expiry, as_of = excluded.as_of,"
        " next_blocking = excluded.next_blocking, next_category = excluded.next_category,"
        " remaining_halves = excluded.remaining_halves, deadline = excluded.deadline",
        NULL, err, DB_INT(summary->track_id), DB_INT(summary->person_id),
        DB_TEXT(track_status_name(summary->status)), DB_INT(summary->counted_halves),
        DB_INT(summary->required_halves), DB_TEXT(summary->blocking),
        DB_INT((int64_t)summary->blocking_count),
        DB_TEXT(store_date_text(summary->next_expiry, expiry)),
        DB_TEXT(store_date_text(summary->as_of, as_of)),
        DB_TEXT(summary->blocked ? blocking_code_name(summary->next_blocking) : NULL),
        DB_TEXT(category ? summary->next_category : NULL), DB_INT(summary->remaining_halves),
        DB_TEXT(store_date_text(summary->deadline, deadline)));
}

/* Evaluates track_id as of day, writes its summary and gives it in *out. */
static enum ct_status refresh_track(struct store *store, int64_t track_id, struct civil_date day,
                                    struct track_summary *out, struct ct_err *err)
{
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    enum ct_status status = store_record_evaluate(store, track_id, day, &record, &evaluation, err);
    int64_t person_id = 0;
    if (status == CT_OK) {
        status = STORE_EXEC(store, "SELECT person_id FROM tracks WHERE id = ?", &person_id, err,
                            DB_INT(track_id));
    }
    if (status == CT_OK) {
        track_summary_from_evaluation(track_id, person_id, evaluation, out);
        status = write_summary(store, out, err);
    }
    evaluation_free(evaluation);
    record_free(record);
    return status;
}

enum ct_status store_track_summary_refresh_track(struct store *store, int64_t track_id,
                                                 struct civil_date day, struct ct_err *err)
{
    struct track_summary summary;
    return refresh_track(store, track_id, day, &summary, err);
}

/* A list of ids read from a query. */
struct id_list {
    int64_t *ids;
    size_t count;
    size_t capacity;
};

static enum ct_status push_id(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    struct id_list *list = context;
    if (list->count == list->capacity) {
        size_t capacity = list->capacity == 0 ? 16 : list->capacity * 2;
        int64_t *ids = realloc(list->ids, capacity * sizeof *ids);
        if (ids == NULL) {
            return ct_err_nomem(err);
        }
        list->ids = ids;
        list->capacity = capacity;
    }
    list->ids[list->count++] = db_column_int64(stmt, 0);
    return CT_OK;
}

enum ct_status store_track_summary_refresh_person(struct store *store, int64_t person_id,
                                                  struct civil_date day, struct ct_err *err)
{
    struct id_list tracks = {0};
    enum ct_status status =
        STORE_EACH_ROW(store, "SELECT id FROM tracks WHERE person_id = ? ORDER BY id", push_id,
                       &tracks, err, DB_INT(person_id));
    for (size_t i = 0; status == CT_OK && i < tracks.count; i++) {
        status = store_track_summary_refresh_track(store, tracks.ids[i], day, err);
    }
    free(tracks.ids);
    return status;
}

/* The persons the audit entries after id ? are about, each once. This is the mapping
 * of store_history.c's person subjects read the other way: from a row to its person. A
 * row's person is read from the entry's row after (or before, for a deleted row) and
 * also from the row before, so that a row moved to another person (a merge) refreshes
 * both. */
#define TOUCHED_SQL                                                                                \
    "WITH e AS (SELECT entity, entity_id, before_json AS b,"                                       \
    " COALESCE(after_json, before_json) AS r FROM audit_log WHERE id > ?),"                        \
    " touched(person_id) AS ("                                                                     \
    "SELECT entity_id FROM e WHERE entity = 'people'"                                              \
    " UNION SELECT json_extract(r, '$.person_id') FROM e"                                          \
    " WHERE entity IN ('tracks', 'activities', 'certificates')"                                    \
    " UNION SELECT json_extract(b, '$.person_id') FROM e"                                          \
    " WHERE entity IN ('tracks', 'activities', 'certificates') AND b IS NOT NULL"                  \
    " UNION SELECT t.person_id FROM e JOIN tracks t ON t.id = json_extract(e.r, '$.track_id')"     \
    " WHERE e.entity IN ('plan_versions', 'final_reports')"                                        \
    " UNION SELECT t.person_id FROM e"                                                             \
    " JOIN plan_versions v ON v.id = json_extract(e.r, '$.plan_version_id')"                       \
    " JOIN tracks t ON t.id = v.track_id WHERE e.entity IN ('plan_goals', 'plan_items'))"          \
    " SELECT person_id FROM touched WHERE person_id IS NOT NULL ORDER BY person_id"

/* The newest audit entry's id (0 when none) and the newest one already refreshed. */
static enum ct_status read_marks(struct store *store, int64_t *head, int64_t *audited_to,
                                 struct ct_err *err)
{
    *head = 0;
    *audited_to = 0;
    enum ct_status status = STORE_EXEC(
        store, "SELECT COALESCE((SELECT last_id FROM audit_head WHERE singleton = 1), 0)", head,
        err);
    if (status == CT_OK) {
        status = STORE_EXEC(store, "SELECT audited_to FROM track_summary_state WHERE singleton = 1",
                            audited_to, err);
    }
    return status;
}

static enum ct_status mark_audited(struct store *store, int64_t head, struct ct_err *err)
{
    return STORE_EXEC(store, "UPDATE track_summary_state SET audited_to = ? WHERE singleton = 1",
                      NULL, err, DB_INT(head));
}

enum ct_status store_track_summary_refresh_touched(struct store *store, struct ct_err *err)
{
    if (store->programs == NULL) {
        return CT_OK;
    }
    int64_t head = 0, audited_to = 0;
    enum ct_status status = read_marks(store, &head, &audited_to, err);
    if (status != CT_OK || head <= audited_to) {
        return status;
    }
    struct civil_date today;
    status = clock_today(&today, err);
    struct id_list persons = {0};
    if (status == CT_OK) {
        status = STORE_EACH_ROW(store, TOUCHED_SQL, push_id, &persons, err, DB_INT(audited_to));
    }
    for (size_t i = 0; status == CT_OK && i < persons.count; i++) {
        status = store_track_summary_refresh_person(store, persons.ids[i], today, err);
    }
    free(persons.ids);
    return status == CT_OK ? mark_audited(store, head, err) : status;
}

/* One batch of the daily refresh: the tracks after *after (by id) that need it; *after
 * moves to the last one, *count is how many there were. */
static enum ct_status refresh_batch(struct store *store, struct civil_date day, bool all,
                                    int64_t *after, size_t *count, struct ct_err *err)
{
    char day_text[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(day, day_text);
    struct id_list tracks = {0};
    enum ct_status status = STORE_EACH_ROW(
        store,
        "SELECT t.id FROM tracks t LEFT JOIN track_summaries s ON s.track_id = t.id"
        " WHERE t.id > ? AND (? OR s.track_id IS NULL OR s.as_of < ?) ORDER BY t.id LIMIT ?",
        push_id, &tracks, err, DB_INT(*after), DB_INT(all ? 1 : 0), DB_TEXT(day_text),
        DB_INT(REFRESH_BATCH));
    *count = tracks.count;
    if (status == CT_OK && tracks.count > 0) {
        status = db_begin(store->db, err);
        for (size_t i = 0; status == CT_OK && i < tracks.count; i++) {
            status = store_track_summary_refresh_track(store, tracks.ids[i], day, err);
        }
        status = store_finish(store, status, err);
        *after = tracks.ids[tracks.count - 1];
    }
    free(tracks.ids);
    return status;
}

enum ct_status store_track_summary_refresh_before(struct store *store, struct civil_date day,
                                                  bool all, size_t *refreshed, struct ct_err *err)
{
    size_t total = 0, count = 0;
    int64_t after = 0;
    enum ct_status status = CT_OK;
    do {
        status = refresh_batch(store, day, all, &after, &count, err);
        total += count;
    } while (status == CT_OK && count > 0);
    if (refreshed != NULL) {
        *refreshed = status == CT_OK ? total : 0;
    }
    return status;
}

static enum ct_status fill_all(struct store *store, struct ct_err *err)
{
    int64_t filled = 0, head = 0, audited_to = 0;
    enum ct_status status = STORE_EXEC(
        store, "SELECT filled FROM track_summary_state WHERE singleton = 1", &filled, err);
    if (status != CT_OK || filled != 0) {
        return status;
    }
    struct civil_date today;
    status = clock_today(&today, err);
    struct id_list tracks = {0};
    if (status == CT_OK) {
        status = STORE_EACH_ROW(store, "SELECT id FROM tracks ORDER BY id", push_id, &tracks, err);
    }
    for (size_t i = 0; status == CT_OK && i < tracks.count; i++) {
        status = store_track_summary_refresh_track(store, tracks.ids[i], today, err);
    }
    free(tracks.ids);
    if (status == CT_OK) {
        status = read_marks(store, &head, &audited_to, err);
    }
    if (status == CT_OK) {
        status = STORE_EXEC(store, "UPDATE track_summary_state SET filled = 1 WHERE singleton = 1",
                            NULL, err);
    }
    return status == CT_OK ? mark_audited(store, head, err) : status;
}

enum ct_status store_track_summary_fill(struct store *store, struct ct_err *err)
{
    if (store->programs == NULL) {
        return CT_OK;
    }
    int64_t filled = 0;
    enum ct_status status = STORE_EXEC(
        store, "SELECT filled FROM track_summary_state WHERE singleton = 1", &filled, err);
    if (status != CT_OK || filled != 0) {
        return status;
    }
    status = db_begin(store->db, err);
    if (status == CT_OK) {
        status = store_finish(store, fill_all(store, err), err);
    }
    return status;
}

static void read_summary(struct db_stmt *stmt, struct track_summary *out)
{
    memset(out, 0, sizeof *out);
    out->track_id = db_column_int64(stmt, 0);
    out->person_id = db_column_int64(stmt, 1);
    out->status = TRACK_IN_PROGRESS;
    (void)track_summary_status_parse(db_column_text(stmt, 2), &out->status);
    out->counted_halves = db_column_int64(stmt, 3);
    out->required_halves = db_column_int64(stmt, 4);
    store_text_copy(out->blocking, sizeof out->blocking, db_column_text(stmt, 5));
    out->blocking_count = (size_t)db_column_int64(stmt, 6);
    out->next_expiry = store_date_value(db_column_text(stmt, 7));
    out->as_of = store_date_value(db_column_text(stmt, 8));
    read_next_step(stmt, 9, out);
}

enum ct_status store_track_summary_get(struct store *store, int64_t track_id,
                                       struct track_summary *out, bool *found, struct ct_err *err)
{
    *found = false;
    memset(out, 0, sizeof *out);
    struct db_stmt *stmt = NULL;
    enum ct_status status =
        db_prepare(store->db,
                   "SELECT track_id, person_id, status, counted_halves, required_halves, blocking,"
                   " blocking_count, next_expiry, as_of, next_blocking, next_category,"
                   " remaining_halves, deadline FROM track_summaries WHERE track_id = ?",
                   &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(track_id)), 1, err);
    }
    if (status == CT_OK) {
        status = db_step(stmt, found, err);
    }
    if (status == CT_OK && *found) {
        read_summary(stmt, out);
    }
    db_finalize(stmt);
    return status;
}

bool track_summary_equal(const struct track_summary *a, const struct track_summary *b)
{
    return a->track_id == b->track_id && a->person_id == b->person_id && a->status == b->status &&
           a->counted_halves == b->counted_halves && a->required_halves == b->required_halves &&
           strcmp(a->blocking, b->blocking) == 0 && a->blocking_count == b->blocking_count &&
           civil_date_compare(a->next_expiry, b->next_expiry) == 0 &&
           civil_date_compare(a->as_of, b->as_of) == 0 && a->blocked == b->blocked &&
           a->next_blocking == b->next_blocking &&
           strcmp(a->next_category, b->next_category) == 0 &&
           a->remaining_halves == b->remaining_halves &&
           civil_date_compare(a->deadline, b->deadline) == 0;
}

/* Compares one track's summary with its full evaluation. */
static enum ct_status check_track(struct store *store, int64_t track_id, struct civil_date today,
                                  track_summary_mismatch mismatch, void *context, bool *agrees,
                                  struct ct_err *err)
{
    struct track_summary stored, evaluated;
    bool found = false;
    enum ct_status status = store_track_summary_get(store, track_id, &stored, &found, err);
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    int64_t person_id = 0;
    if (status == CT_OK) {
        status = store_record_evaluate(store, track_id, found ? stored.as_of : today, &record,
                                       &evaluation, err);
    }
    if (status == CT_OK) {
        status = STORE_EXEC(store, "SELECT person_id FROM tracks WHERE id = ?", &person_id, err,
                            DB_INT(track_id));
    }
    if (status == CT_OK) {
        track_summary_from_evaluation(track_id, person_id, evaluation, &evaluated);
        *agrees = found && track_summary_equal(&stored, &evaluated);
        if (!*agrees && mismatch != NULL) {
            mismatch(context, track_id, found ? &stored : NULL, &evaluated);
        }
    }
    evaluation_free(evaluation);
    record_free(record);
    return status;
}

enum ct_status store_track_summary_check(struct store *store, track_summary_mismatch mismatch,
                                         void *context, size_t *checked, size_t *mismatched,
                                         struct ct_err *err)
{
    *checked = 0;
    *mismatched = 0;
    struct civil_date today;
    enum ct_status status = clock_today(&today, err);
    struct id_list tracks = {0};
    if (status == CT_OK) {
        status = STORE_EACH_ROW(store, "SELECT id FROM tracks ORDER BY id", push_id, &tracks, err);
    }
    for (size_t i = 0; status == CT_OK && i < tracks.count; i++) {
        bool agrees = false;
        status = check_track(store, tracks.ids[i], today, mismatch, context, &agrees, err);
        *checked += status == CT_OK;
        *mismatched += status == CT_OK && !agrees;
    }
    free(tracks.ids);
    return status;
}

void track_summary_read_columns(struct db_stmt *stmt, int first, int64_t track_id,
                                int64_t person_id, struct track_summary *out)
{
    memset(out, 0, sizeof *out);
    out->track_id = track_id;
    out->person_id = person_id;
    out->status = TRACK_IN_PROGRESS;
    if (db_column_is_null(stmt, first)) {
        return;
    }
    (void)track_summary_status_parse(db_column_text(stmt, first), &out->status);
    out->counted_halves = db_column_int64(stmt, first + 1);
    out->required_halves = db_column_int64(stmt, first + 2);
    store_text_copy(out->blocking, sizeof out->blocking, db_column_text(stmt, first + 3));
    out->blocking_count = (size_t)db_column_int64(stmt, first + 4);
    out->next_expiry = store_date_value(db_column_text(stmt, first + 5));
    out->as_of = store_date_value(db_column_text(stmt, first + 6));
    read_next_step(stmt, first + 7, out);
}

/* Whether a list's row needs its summary evaluated again for day: a track's summary of
 * another day, or none (as_of unset). */
static bool stale_on(const struct track_summary *summary, struct civil_date day)
{
    return summary->track_id != 0 && civil_date_compare(summary->as_of, day) != 0;
}

/* The summary within the index-th row. */
static struct track_summary *row_summary(void *rows, size_t index, size_t stride, size_t offset)
{
    return (struct track_summary *)((char *)rows + index * stride + offset);
}

enum ct_status store_track_summary_freshen(struct store *store, struct civil_date day, void *rows,
                                           size_t count, size_t stride, size_t offset,
                                           size_t *refreshed, struct ct_err *err)
{
    size_t stale = 0;
    if (refreshed != NULL) {
        *refreshed = 0;
    }
    if (count > TRACK_SUMMARY_FRESHEN_MAX) {
        return ct_err_set(err, CT_ERR_INPUT, "rows", "at most %d rows are refreshed at once",
                          TRACK_SUMMARY_FRESHEN_MAX);
    }
    for (size_t i = 0; i < count; i++) {
        const struct track_summary *summary = row_summary(rows, i, stride, offset);
        stale += stale_on(summary, day);
    }
    if (stale == 0) {
        return CT_OK;
    }
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    for (size_t i = 0; status == CT_OK && i < count; i++) {
        struct track_summary *summary = row_summary(rows, i, stride, offset);
        if (stale_on(summary, day)) {
            struct track_summary fresh;
            status = refresh_track(store, summary->track_id, day, &fresh, err);
            if (status == CT_OK) {
                *summary = fresh;
            }
        }
    }
    status = store_finish(store, status, err);
    if (refreshed != NULL && status == CT_OK) {
        *refreshed = stale;
    }
    return status;
}

size_t track_summary_blocking_codes(const struct track_summary *summary, enum blocking_code *codes,
                                    size_t max)
{
    size_t written = 0;
    const char *at = summary->blocking;
    while (*at != '\0' && written < max) {
        size_t length = strcspn(at, " :");
        for (int code = 0; code <= (int)BLOCKING_TRACK_EXPIRED; code++) {
            const char *name = blocking_code_name((enum blocking_code)code);
            if (strlen(name) == length && strncmp(name, at, length) == 0) {
                codes[written++] = (enum blocking_code)code;
                break;
            }
        }
        at += strcspn(at, " ");
        at += *at == ' ';
    }
    return written;
}
