#include "store_activities.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/arena.h"
#include "../core/text_key.h"
#include "../core/workflow.h"
#include "../io/clock.h"
#include "../core/banned.h"

static const char *const provenance_names[] = {
    [PROVENANCE_CLAIM] = "claim",
    [PROVENANCE_CATALOG] = "catalog",
    [PROVENANCE_HARVEST] = "harvest",
    [PROVENANCE_IMPORTED] = "imported",
};

/* The quantity each kind needs, as the evaluate input requires it. */
static enum ct_status check_quantities(const struct activity_new *a, struct ct_err *err)
{
    switch (a->kind) {
    case ACTIVITY_KIND_COLLEGE:
        if ((a->semester_halves > 0) == (a->quarter_halves > 0)) {
            return ct_err_set(err, CT_ERR_INPUT, "semester_credits",
                              "a college course has semester or quarter credits (one of them)");
        }
        return CT_OK;
    case ACTIVITY_KIND_PRESENTING:
        if (a->topic == NULL || a->topic[0] == '\0') {
            return ct_err_set(err, CT_ERR_INPUT, "topic", "a presentation needs its topic");
        }
        if (a->minutes <= 0) {
            return ct_err_set(err, CT_ERR_INPUT, "hours", "must be a positive number of hours");
        }
        return CT_OK;
    case ACTIVITY_KIND_SELF_DIRECTED:
        if (a->minutes <= 0) {
            return ct_err_set(err, CT_ERR_INPUT, "hours", "must be a positive number of hours");
        }
        return CT_OK;
    case ACTIVITY_KIND_ARCHIVED_WEBINAR:
        if (!civil_date_is_set(a->recorded)) {
            return ct_err_set(err, CT_ERR_INPUT, "recorded", "when was the webinar recorded?");
        }
        break;
    default:
        break;
    }
    if (a->credit_halves <= 0) {
        return ct_err_set(err, CT_ERR_INPUT, "credits", "must be a positive multiple of 0.5");
    }
    return CT_OK;
}

static enum ct_status check_activity(struct store *store, const struct activity_new *a,
                                     struct ct_err *err)
{
    if (!civil_date_is_set(a->date)) {
        return ct_err_set(err, CT_ERR_INPUT, "date", "missing");
    }
    if (a->category == NULL && a->kind != ACTIVITY_KIND_SELF_DIRECTED) {
        return ct_err_set(err, CT_ERR_INPUT, "category", "missing");
    }
    if (a->category != NULL && !program_set_knows_category(store->programs, a->category)) {
        return ct_err_set(err, CT_ERR_INPUT, "category", "unknown category \"%.64s\"", a->category);
    }
    if (a->status == NULL || !workflow_is_state(WORKFLOW_ACTIVITY, a->status) ||
        strcmp(a->status, "rejected") == 0) {
        return ct_err_set(err, CT_ERR_INPUT, "status", "a new activity is pending or verified");
    }
    return check_quantities(a, err);
}

/* Refuses, naming the activity held, an event the person holds already. */
static enum ct_status check_event_not_held(struct store *store, const struct activity_new *a,
                                           struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db,
                                       "SELECT record_key, status, date FROM activities WHERE"
                                       " person_id = ? AND event_id = ? AND superseded_by IS NULL"
                                       " AND replaced_at IS NULL",
                                       &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(a->person_id), DB_INT(a->event_id)), 2, err);
    }
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    if (status == CT_OK && has_row) {
        status =
            ct_err_set(err, CT_ERR_INPUT, "event",
                       "already held as activity %.40s (%.16s, %.10s): a catalog event earns"
                       " credit once",
                       db_column_text(stmt, 0), db_column_text(stmt, 1), db_column_text(stmt, 2));
    }
    db_finalize(stmt);
    return status;
}

/* True when the two titles share one key (text_key.h: case and spacing aside). */
static bool same_title(const char *left, const char *right)
{
    struct arena arena;
    arena_init(&arena);
    const char *left_key = NULL, *right_key = NULL;
    bool same = text_key_make(left, &arena, &left_key) == CT_OK &&
                text_key_make(right, &arena, &right_key) == CT_OK &&
                strcmp(left_key, right_key) == 0;
    arena_release(&arena);
    return same;
}

/* Refuses an independent claim of the kind, title and date of an activity the person
 * holds (a presentation aside: the same workshop may be given twice in a day). */
static enum ct_status check_claim_not_held(struct store *store, const struct activity_new *a,
                                           int64_t except_id, struct ct_err *err)
{
    char date[CIVIL_DATE_TEXT_SIZE];
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db,
                                       "SELECT record_key, status, title FROM activities WHERE"
                                       " person_id = ? AND kind = ? AND date = ? AND"
                                       " superseded_by IS NULL AND replaced_at IS NULL"
                                       " AND id <> ? ORDER BY id",
                                       &stmt, err);
    if (status == CT_OK) {
        status =
            db_bind_all(stmt,
                        STORE_PARAMS(DB_INT(a->person_id), DB_TEXT(activity_kind_name(a->kind)),
                                     DB_TEXT(store_date_text(a->date, date)), DB_INT(except_id)),
                        4, err);
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        const char *title = db_column_text(stmt, 2);
        if (title != NULL && same_title(title, a->title != NULL ? a->title : "")) {
            status =
                ct_err_set(err, CT_ERR_INPUT, "title",
                           "already claimed as activity %.40s (%.16s), with the same kind, title"
                           " and date: an activity earns credit once",
                           db_column_text(stmt, 0), db_column_text(stmt, 1));
        }
    }
    db_finalize(stmt);
    return status;
}

/* One event, one credit: a person's second activity for an event, or a second claim of
 * the same kind, title and date, is refused at the field. A harvested completion looks
 * up the activity held before it comes here. */
static enum ct_status check_not_held(struct store *store, const struct activity_new *a,
                                     struct ct_err *err)
{
    if (a->provenance == PROVENANCE_HARVEST) {
        return CT_OK;
    }
    if (a->event_id > 0) {
        return check_event_not_held(store, a, err);
    }
    if (a->kind == ACTIVITY_KIND_PRESENTING) {
        return CT_OK;
    }
    return check_claim_not_held(store, a, 0, err);
}

static struct db_param optional_text(const char *text)
{
    return DB_TEXT(text);
}

static enum ct_status insert_activity(struct store *store, const struct activity_new *a,
                                      int64_t *id, struct ct_err *err)
{
    char date[CIVIL_DATE_TEXT_SIZE], recorded[CIVIL_DATE_TEXT_SIZE];
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    /* Without a key of its own, the row is named after its id, known only after the
     * insert; the placeholder never outlives this transaction. */
    const char *key = a->record_key != NULL ? a->record_key : "(new)";
    enum ct_status status = STORE_EXEC(
        store,
        "INSERT INTO activities (person_id, record_key, kind, title, date, credit_halves,"
        " semester_halves, quarter_halves, minutes, category, topic, plan_item, recorded,"
        " status, provenance, event_id, source, source_record_id, harvested_at, raw_hash,"
        " created_at, sponsor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " ?, ?)"
        " RETURNING id",
        id, err, DB_INT(a->person_id), DB_TEXT(key), DB_TEXT(activity_kind_name(a->kind)),
        DB_TEXT(a->title != NULL ? a->title : ""), DB_TEXT(store_date_text(a->date, date)),
        DB_INT(a->credit_halves), DB_INT(a->semester_halves), DB_INT(a->quarter_halves),
        DB_INT(a->minutes), optional_text(a->category), optional_text(a->topic),
        optional_text(a->plan_item), DB_TEXT(store_date_text(a->recorded, recorded)),
        DB_TEXT(a->status), DB_TEXT(provenance_names[a->provenance]),
        a->event_id > 0 ? DB_INT(a->event_id) : DB_TEXT(NULL), optional_text(a->source),
        optional_text(a->source_record_id),
        DB_TEXT(a->provenance == PROVENANCE_HARVEST ? now : NULL), optional_text(a->raw_hash),
        DB_TEXT(now), optional_text(a->sponsor));
    if (status == CT_OK && a->record_key == NULL) {
        char generated[32];
        snprintf(generated, sizeof generated, "a%" PRId64, *id);
        status = STORE_EXEC(store, "UPDATE activities SET record_key = ? WHERE id = ?", NULL, err,
                            DB_TEXT(generated), DB_INT(*id));
    }
    if (status == CT_ERR_INPUT && err != NULL && strstr(err->message, "event_id") != NULL) {
        status = ct_err_set(err, CT_ERR_INPUT, "event",
                            "already held: a catalog event earns credit once");
    } else if (status == CT_ERR_INPUT && err != NULL && strstr(err->message, "UNIQUE") != NULL) {
        status = ct_err_set(err, CT_ERR_INPUT, "id", "this person already has activity \"%.64s\"",
                            a->record_key != NULL ? a->record_key : "");
    }
    return status;
}

enum ct_status store_activity_add(struct store *store, int64_t actor_id,
                                  const struct activity_new *activity, int64_t *id,
                                  struct ct_err *err)
{
    enum ct_status status = check_activity(store, activity, err);
    if (status == CT_OK) {
        status = db_begin(store->db, err);
    }
    if (status != CT_OK) {
        return status;
    }
    status = check_not_held(store, activity, err);
    if (status == CT_OK) {
        status = insert_activity(store, activity, id, err);
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_ACTIVITY, *id, "create", NULL, err);
    }
    return store_finish(store, status, err);
}

enum ct_status store_activity_act(struct store *store, int64_t actor_id, int64_t activity_id,
                                  const char *action, const char *reason, struct ct_err *err)
{
    bool needs_reason = strcmp(action, "verify") != 0;
    if (needs_reason && (reason == NULL || reason[0] == '\0')) {
        return ct_err_set(err, CT_ERR_INPUT, "reason", "say why the activity is %s",
                          strcmp(action, "reject") == 0 ? "rejected" : "withdrawn");
    }
    enum ct_status status = db_begin(store->db, err);
    char state[16];
    bool found = false;
    if (status == CT_OK) {
        status = store_query_text(store, "SELECT status FROM activities WHERE id = ?",
                                  STORE_PARAMS(DB_INT(activity_id)), 1, state, sizeof state, &found,
                                  err);
    }
    if (status == CT_OK && !found) {
        status = ct_err_set(err, CT_ERR_INPUT, "activity", "no activity has the id %lld",
                            (long long)activity_id);
    }
    const char *to = NULL;
    if (status == CT_OK) {
        status = workflow_next(WORKFLOW_ACTIVITY, state, action, &to, err);
    }
    char *before = NULL;
    if (status == CT_OK) {
        status = store_row_json(store, ENTITY_ACTIVITY, activity_id, &before, err);
    }
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "UPDATE activities SET status = ?, status_by = ?, status_at = ?,"
                            " status_reason = ? WHERE id = ?",
                            NULL, err, DB_TEXT(to), DB_INT(actor_id), DB_TEXT(now), DB_TEXT(reason),
                            DB_INT(activity_id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_ACTIVITY, activity_id, action, before, err);
    }
    free(before);
    return store_finish(store, status, err);
}

/* ---- correcting a verified activity ---- */

/* The activity as it is, for a correction: its row read into *a (texts copied into
 * the buffers of held), and whether it may be corrected. */
struct held_activity {
    struct activity_new a;
    char kind[32], title[512], date[CIVIL_DATE_TEXT_SIZE], category[64], recorded[16];
    char topic[256], plan_item[64], status[16];
    bool current; /* neither superseded by a merge nor replaced by a corrected claim */
};

static void read_held(struct db_stmt *stmt, struct held_activity *h)
{
    store_text_copy(h->kind, sizeof h->kind, db_column_text(stmt, 1));
    store_text_copy(h->title, sizeof h->title, db_column_text(stmt, 2));
    store_text_copy(h->date, sizeof h->date, db_column_text(stmt, 3));
    store_text_copy(h->category, sizeof h->category, db_column_text(stmt, 5));
    store_text_copy(h->recorded, sizeof h->recorded, db_column_text(stmt, 6));
    store_text_copy(h->status, sizeof h->status, db_column_text(stmt, 7));
    store_text_copy(h->topic, sizeof h->topic, db_column_text(stmt, 10));
    store_text_copy(h->plan_item, sizeof h->plan_item, db_column_text(stmt, 11));
    h->a.person_id = db_column_int64(stmt, 0);
    (void)activity_kind_from_name(h->kind, &h->a.kind);
    h->a.title = h->title;
    h->a.date = store_date_value(h->date);
    h->a.credit_halves = db_column_int64(stmt, 4);
    h->a.category = h->category[0] != '\0' ? h->category : NULL;
    h->a.recorded = store_date_value(h->recorded[0] != '\0' ? h->recorded : NULL);
    h->a.status = h->status;
    h->a.event_id = db_column_int64(stmt, 8);
    h->current = db_column_int64(stmt, 9) == 0;
    h->a.topic = h->topic[0] != '\0' ? h->topic : NULL;
    h->a.plan_item = h->plan_item[0] != '\0' ? h->plan_item : NULL;
    h->a.provenance = PROVENANCE_CLAIM;
}

static enum ct_status read_held_activity(struct store *store, int64_t id, struct held_activity *h,
                                         bool *found, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    *found = false;
    enum ct_status status =
        db_prepare(store->db,
                   "SELECT person_id, kind, title, date, credit_halves, category, recorded, status,"
                   " COALESCE(event_id, 0), (superseded_by IS NOT NULL OR replaced_at IS NOT NULL),"
                   " topic, plan_item FROM activities WHERE id = ?",
                   &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(id)), 1, err);
    }
    if (status == CT_OK) {
        status = db_step(stmt, found, err);
    }
    if (status == CT_OK && *found) {
        read_held(stmt, h);
    }
    db_finalize(stmt);
    return status;
}

/* A correction may be made of a current, verified activity measured in credits. */
static enum ct_status check_correctable(const struct held_activity *h, struct ct_err *err)
{
    if (strcmp(h->status, "verified") != 0 || !h->current) {
        return ct_err_set(err, CT_ERR_INPUT, "status",
                          "only a verified activity is corrected; this one is %s",
                          !h->current ? "replaced or merged into another" : h->status);
    }
    if (!activity_kind_has_credit_value(h->a.kind)) {
        return ct_err_set(err, CT_ERR_INPUT, "status",
                          "a %s is measured in semester or quarter credits or in hours, not"
                          " corrected here",
                          activity_kind_label(h->a.kind));
    }
    return CT_OK;
}

/* The corrected activity passes the checks a new one does (check_activity), and does
 * not become a second credit for what the person holds already. */
static enum ct_status check_corrected(struct store *store, const struct activity_correction *c,
                                      const struct held_activity *held, struct activity_new *after,
                                      struct ct_err *err)
{
    *after = held->a;
    after->kind = c->kind;
    after->date = c->date;
    after->credit_halves = c->credit_halves;
    after->category = c->category;
    if (!activity_kind_has_credit_value(c->kind)) {
        return ct_err_set(err, CT_ERR_INPUT, "kind",
                          "a correction keeps a kind measured in credits");
    }
    enum ct_status status = check_activity(store, after, err);
    if (status == CT_OK && after->event_id == 0 && after->kind != ACTIVITY_KIND_PRESENTING) {
        status = check_claim_not_held(store, after, c->activity_id, err);
    }
    return status;
}

static enum ct_status write_correction(struct store *store, int64_t actor_id,
                                       const struct activity_correction *c,
                                       const struct held_activity *held, int64_t *correction_id,
                                       struct ct_err *err)
{
    char now[CLOCK_TIMESTAMP_SIZE], date[CIVIL_DATE_TEXT_SIZE];
    clock_now_utc(now);
    struct db_param by = actor_id > 0 ? DB_INT(actor_id) : DB_TEXT(NULL);
    enum ct_status status = STORE_EXEC(
        store,
        "INSERT INTO activity_corrections (activity_id, corrected_at, corrected_by, reason,"
        " old_kind, old_date, old_credit_halves, old_category, new_kind, new_date,"
        " new_credit_halves, new_category) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " RETURNING id",
        correction_id, err, DB_INT(c->activity_id), DB_TEXT(now), by, DB_TEXT(c->reason),
        DB_TEXT(held->kind), DB_TEXT(held->date), DB_INT(held->a.credit_halves),
        optional_text(held->a.category), DB_TEXT(activity_kind_name(c->kind)),
        DB_TEXT(store_date_text(c->date, date)), DB_INT(c->credit_halves),
        optional_text(c->category));
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "UPDATE activities SET kind = ?, date = ?, credit_halves = ?,"
                            " category = ?, corrected_at = ?, corrected_by = ?,"
                            " correction_reason = ? WHERE id = ?",
                            NULL, err, DB_TEXT(activity_kind_name(c->kind)), DB_TEXT(date),
                            DB_INT(c->credit_halves), optional_text(c->category), DB_TEXT(now), by,
                            DB_TEXT(c->reason), DB_INT(c->activity_id));
    }
    return status;
}

/* Checks the correction against the activity as held; *held filled in. */
static enum ct_status check_correction(struct store *store, const struct activity_correction *c,
                                       struct held_activity *held, struct ct_err *err)
{
    if (c->reason == NULL || c->reason[0] == '\0') {
        return ct_err_set(err, CT_ERR_INPUT, "reason", "say why the activity is corrected");
    }
    bool found = false;
    enum ct_status status = read_held_activity(store, c->activity_id, held, &found, err);
    if (status == CT_OK && !found) {
        status = ct_err_set(err, CT_ERR_INPUT, "activity", "no activity has the id %lld",
                            (long long)c->activity_id);
    }
    if (status == CT_OK) {
        status = check_correctable(held, err);
    }
    struct activity_new after;
    if (status == CT_OK) {
        status = check_corrected(store, c, held, &after, err);
    }
    return status;
}

enum ct_status store_activity_correct(struct store *store, int64_t actor_id,
                                      const struct activity_correction *correction,
                                      int64_t *correction_id, struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    struct held_activity *held = calloc(1, sizeof *held);
    status = held != NULL ? check_correction(store, correction, held, err) : ct_err_nomem(err);
    char *before = NULL;
    if (status == CT_OK) {
        status = store_row_json(store, ENTITY_ACTIVITY, correction->activity_id, &before, err);
    }
    if (status == CT_OK) {
        status = write_correction(store, actor_id, correction, held, correction_id, err);
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_ACTIVITY, correction->activity_id, "correct",
                             before, err);
    }
    free(before);
    free(held);
    return store_finish(store, status, err);
}

static void read_correction_row(struct db_stmt *stmt, void *row)
{
    struct activity_correction_row *r = row;
    r->id = db_column_int64(stmt, 0);
    store_text_copy(r->corrected_at, sizeof r->corrected_at, db_column_text(stmt, 1));
    store_text_copy(r->corrected_by, sizeof r->corrected_by, db_column_text(stmt, 2));
    store_text_copy(r->reason, sizeof r->reason, db_column_text(stmt, 3));
    store_text_copy(r->old_kind, sizeof r->old_kind, db_column_text(stmt, 4));
    store_text_copy(r->old_date, sizeof r->old_date, db_column_text(stmt, 5));
    r->old_credit_halves = db_column_int64(stmt, 6);
    store_text_copy(r->old_category, sizeof r->old_category, db_column_text(stmt, 7));
    store_text_copy(r->new_kind, sizeof r->new_kind, db_column_text(stmt, 8));
    store_text_copy(r->new_date, sizeof r->new_date, db_column_text(stmt, 9));
    r->new_credit_halves = db_column_int64(stmt, 10);
    store_text_copy(r->new_category, sizeof r->new_category, db_column_text(stmt, 11));
}

enum ct_status store_activity_corrections(struct store *store, int64_t activity_id,
                                          struct store_rows *rows, struct ct_err *err)
{
    *rows = (struct store_rows){.size = sizeof(struct activity_correction_row)};
    return STORE_READ_ROWS(store,
                           "SELECT c.id, c.corrected_at, COALESCE(p.name, 'the system'),"
                           " c.reason, c.old_kind, c.old_date, c.old_credit_halves,"
                           " c.old_category, c.new_kind, c.new_date, c.new_credit_halves,"
                           " c.new_category FROM activity_corrections c LEFT JOIN people p"
                           " ON p.id = c.corrected_by WHERE c.activity_id = ? ORDER BY c.id",
                           read_correction_row, rows, err, DB_INT(activity_id));
}
