#include "store_transcript.h"

#include <string.h>

#include "../core/credit.h"
#include "store_record.h"
#include "../core/banned.h"

/* A copy of text (NULL reads as "") in t's arena, into *out. */
static enum ct_status copy_text(struct transcript *t, const char *text, const char **out,
                                struct ct_err *err)
{
    *out = arena_strdup(&t->arena, text != NULL ? text : "");
    return *out == NULL ? ct_err_nomem(err) : CT_OK;
}

static enum ct_status fill_header(struct transcript *t,
                                  const struct certificate_record *certificate,
                                  const struct program *program, struct ct_err *err)
{
    t->issued = certificate->issued;
    t->valid_until = certificate->valid_until;
    t->revoked = certificate->revoked;
    t->credit_halves = certificate->credit_halves;
    enum ct_status status = copy_text(t, certificate->person_name, &t->learner_name, err);
    if (status == CT_OK) {
        status = copy_text(t, program->name, &t->program_name, err);
    }
    if (status == CT_OK) {
        status = copy_text(t, program->issuer, &t->issuer, err);
    }
    if (status == CT_OK) {
        status = copy_text(t, certificate->number, &t->number, err);
    }
    return status;
}

/* ---- the activities the engine counted ---- */

/* The activity's title as the person gave it; its kind when it has none. */
static enum ct_status activity_title(struct transcript *t, struct db_stmt *titles,
                                     int64_t person_id, const struct activity *activity,
                                     const char **out, struct ct_err *err)
{
    db_reset(titles);
    enum ct_status status =
        db_bind_all(titles, STORE_PARAMS(DB_INT(person_id), DB_TEXT(activity->id)), 2, err);
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(titles, &has_row, err);
    }
    if (status != CT_OK) {
        return status;
    }
    const char *title = has_row ? db_column_text(titles, 0) : NULL;
    if (title == NULL || title[0] == '\0') {
        title = activity_kind_label(activity->kind);
    }
    return copy_text(t, title, out, err);
}

static enum ct_status fill_activity(struct transcript *t, struct db_stmt *titles, int64_t person_id,
                                    const struct program *program, const struct activity *activity,
                                    const struct activity_result *result,
                                    struct transcript_activity *row, struct ct_err *err)
{
    row->date = activity->date;
    row->kind = activity_kind_label(activity->kind);
    row->category = activity->category >= 0 && (size_t)activity->category < program->category_count
                        ? program->categories[activity->category].name
                        : "";
    row->credit_halves = result->counted_halves;
    row->partial = result->decision == DECISION_PARTIAL;
    enum ct_status status = copy_text(t, row->kind, &row->kind, err);
    if (status == CT_OK) {
        status = copy_text(t, row->category, &row->category, err);
    }
    if (status == CT_OK) {
        status = activity_title(t, titles, person_id, activity, &row->title, err);
    }
    return status;
}

static bool counted(const struct activity_result *result)
{
    return (result->decision == DECISION_COUNTED || result->decision == DECISION_PARTIAL) &&
           result->counted_halves > 0;
}

static enum ct_status fill_activities(struct store *store, struct transcript *t, int64_t person_id,
                                      const struct learner_record *record,
                                      const struct evaluation *evaluation, struct ct_err *err)
{
    size_t count = 0;
    for (size_t i = 0; i < evaluation->activity_count; i++) {
        count += counted(&evaluation->activities[i]);
    }
    if (count == 0) {
        return CT_OK;
    }
    t->activities = arena_calloc(&t->arena, count, sizeof *t->activities);
    if (t->activities == NULL) {
        return ct_err_nomem(err);
    }
    struct db_stmt *titles = NULL;
    enum ct_status status =
        db_prepare(store->db, "SELECT title FROM activities WHERE person_id = ? AND record_key = ?",
                   &titles, err);
    for (size_t i = 0; i < evaluation->activity_count && status == CT_OK; i++) {
        if (!counted(&evaluation->activities[i])) {
            continue;
        }
        status = fill_activity(t, titles, person_id, record->program, &record->activities[i],
                               &evaluation->activities[i], &t->activities[t->activity_count], err);
        t->activity_count += status == CT_OK;
    }
    db_finalize(titles);
    return status;
}

/* The rows must add up to the certificate; they do unless the audit trail or the rules
 * changed since the award. */
static enum ct_status check_total(const struct transcript *t, struct ct_err *err)
{
    int64_t rows = transcript_activity_halves(t);
    if (rows == t->credit_halves) {
        return CT_OK;
    }
    char now[CREDIT_TEXT_SIZE], issued[CREDIT_TEXT_SIZE];
    credit_format(rows, now);
    credit_format(t->credit_halves, issued);
    return ct_err_set(err, CT_ERR_INPUT, t->number,
                      "the record does not add up to the certificate: its activities count %s"
                      " credits on the day of issue, the certificate was issued for %s",
                      now, issued);
}

/* ---- the plan's goals ---- */

static enum ct_status fill_goal(struct transcript *t, struct db_stmt *stmt,
                                struct transcript_goal *goal, struct ct_err *err)
{
    const char **served = arena_calloc(&t->arena, 1, sizeof *served);
    if (served == NULL) {
        return ct_err_nomem(err);
    }
    enum ct_status status = copy_text(t, db_column_text(stmt, 0), &goal->text, err);
    if (status == CT_OK) {
        status = copy_text(t, db_column_text(stmt, 1), &served[0], err);
    }
    goal->library_goals = served;
    goal->library_goal_count = status == CT_OK;
    return status;
}

/* The goals of plan version version_id, in their order, each with its library goal. */
static enum ct_status fill_goals(struct store *store, struct transcript *t, int64_t version_id,
                                 struct ct_err *err)
{
    int64_t count = 0;
    enum ct_status status =
        STORE_EXEC(store, "SELECT COUNT(*) FROM plan_goals WHERE plan_version_id = ?", &count, err,
                   DB_INT(version_id));
    if (status != CT_OK || count <= 0) {
        return status;
    }
    t->goals = arena_calloc(&t->arena, (size_t)count, sizeof *t->goals);
    if (t->goals == NULL) {
        return ct_err_nomem(err);
    }
    struct db_stmt *stmt = NULL;
    status = db_prepare(store->db,
                        "SELECT p.goal, g.code || ' ' || g.title FROM plan_goals p"
                        " JOIN library_goals g ON g.id = p.library_goal_id"
                        " WHERE p.plan_version_id = ? ORDER BY p.position, p.id",
                        &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(version_id)), 1, err);
    }
    bool has_row = true;
    while (status == CT_OK && t->goal_count < (size_t)count) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        status = fill_goal(t, stmt, &t->goals[t->goal_count], err);
        t->goal_count += status == CT_OK;
    }
    db_finalize(stmt);
    return status;
}

/* The goals of the plan version the engine held in force on the day of issue. */
static enum ct_status fill_plan(struct store *store, struct transcript *t, int64_t track_id,
                                const struct learner_record *record, struct ct_err *err)
{
    const struct plan_version *version = engine_plan_version_in_force(record, t->issued);
    if (version == NULL) {
        return CT_OK;
    }
    int64_t version_id = 0;
    enum ct_status status =
        STORE_EXEC(store, "SELECT id FROM plan_versions WHERE track_id = ? AND version = ?",
                   &version_id, err, DB_INT(track_id), DB_INT(version->version));
    return status == CT_OK && version_id > 0 ? fill_goals(store, t, version_id, err) : status;
}

/* ---- the whole transcript ---- */

/* The track evaluated as store_award evaluated it: as of the day of issue, on the record
 * as it was when the certificate was issued (its "issue" audit entry). */
static enum ct_status evaluate_at_award(struct store *store,
                                        const struct certificate_record *certificate,
                                        struct learner_record **record,
                                        struct evaluation **evaluation, struct ct_err *err)
{
    int64_t issue_entry = 0;
    enum ct_status status =
        STORE_EXEC(store,
                   "SELECT id FROM audit_log WHERE entity = 'certificates' AND entity_id = ?"
                   " AND action = 'issue'",
                   &issue_entry, err, DB_INT(certificate->id));
    if (status == CT_OK && issue_entry <= 0) {
        status = ct_err_set(err, CT_ERR_INPUT, certificate->number,
                            "the audit trail does not say when the certificate was issued");
    }
    if (status == CT_OK) {
        status = store_record_evaluate_before(store, certificate->track_id, certificate->issued,
                                              issue_entry, record, evaluation, err);
    }
    return status;
}

static enum ct_status load(struct store *store, const struct certificate_record *certificate,
                           const struct program *program, struct transcript *t, struct ct_err *err)
{
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    enum ct_status status = fill_header(t, certificate, program, err);
    if (status == CT_OK) {
        status = evaluate_at_award(store, certificate, &record, &evaluation, err);
    }
    if (status == CT_OK) {
        status = fill_activities(store, t, certificate->person_id, record, evaluation, err);
    }
    if (status == CT_OK) {
        status = check_total(t, err);
    }
    if (status == CT_OK && program->plan_required) {
        status = fill_plan(store, t, certificate->track_id, record, err);
    }
    evaluation_free(evaluation);
    record_free(record);
    return status;
}

enum ct_status store_transcript_load(struct store *store,
                                     const struct certificate_record *certificate,
                                     struct transcript *t, struct ct_err *err)
{
    const struct program *program = program_set_find(store->programs, certificate->program);
    if (program == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, certificate->number,
                          "the certificate's program \"%s\" is not known", certificate->program);
    }
    /* One read transaction, so that the record, the titles and the plan are one snapshot
     * (or the caller's transaction, when there is one). */
    bool own_transaction = !db_in_transaction(store->db);
    enum ct_status status = own_transaction ? db_begin_read(store->db, err) : CT_OK;
    if (status == CT_OK) {
        status = load(store, certificate, program, t, err);
    }
    if (own_transaction) {
        db_rollback(store->db);
    }
    return status;
}
