#include "store_harvest_proof.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/workflow.h"
#include "../io/clock.h"
#include "../core/banned.h"

enum ct_status store_harvest_proof_holder(struct store *store, int64_t person_id, int64_t event_id,
                                          int64_t *activity_id, struct ct_err *err)
{
    *activity_id = 0;
    return STORE_EXEC(store,
                      "SELECT id FROM activities WHERE person_id = ? AND event_id = ? AND"
                      " superseded_by IS NULL AND replaced_at IS NULL",
                      activity_id, err, DB_INT(person_id), DB_INT(event_id));
}

/* ---- parts of a course ---- */

static enum ct_status part_upsert(struct store *store, const struct harvest_completion *completion,
                                  struct ct_err *err)
{
    char day[CIVIL_DATE_TEXT_SIZE], now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    /* A part completed again keeps its first day, unless it had been withdrawn. */
    return STORE_EXEC(
        store,
        "INSERT INTO harvest_parts (person_id, event_id, link_url, link_name, completed,"
        " raw_hash, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (person_id, event_id, link_url, link_name) DO UPDATE SET"
        " completed = CASE WHEN harvest_parts.withdrawn_at IS NOT NULL"
        "   OR excluded.completed < harvest_parts.completed THEN excluded.completed"
        "   ELSE harvest_parts.completed END,"
        " raw_hash = CASE WHEN harvest_parts.withdrawn_at IS NOT NULL THEN excluded.raw_hash"
        "   ELSE harvest_parts.raw_hash END,"
        " withdrawn_at = NULL",
        NULL, err, DB_INT(completion->person_id), DB_INT(completion->event_id),
        DB_TEXT(completion->link->url), DB_TEXT(completion->link->name),
        DB_TEXT(store_date_text(completion->date, day)), DB_TEXT(completion->raw_hash),
        DB_TEXT(now));
}

/* Appends text to list (size bytes), ", " between; cut when full. */
static void list_append(char *list, size_t size, const char *text)
{
    size_t length = strlen(list);
    if (length + 1 < size) {
        snprintf(list + length, size - length, "%s\"%s\"", length > 0 ? ", " : "", text);
    }
}

/* The parts of the course (url) mapped to the event that the person has not completed. */
static enum ct_status parts_missing(struct store *store,
                                    const struct harvest_completion *completion, char *missing,
                                    size_t size, struct ct_err *err)
{
    missing[0] = '\0';
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(
        store->db,
        "SELECT l.activity_name FROM event_lms_links l WHERE l.event_id = ? AND l.url = ? AND"
        " l.activity_name <> '' AND NOT EXISTS (SELECT 1 FROM harvest_parts p WHERE"
        " p.person_id = ? AND p.event_id = l.event_id AND p.link_url = l.url AND"
        " p.link_name = l.activity_name AND p.withdrawn_at IS NULL) ORDER BY l.activity_name",
        &stmt, err);
    if (status == CT_OK) {
        status =
            db_bind_all(stmt,
                        STORE_PARAMS(DB_INT(completion->event_id), DB_TEXT(completion->link->url),
                                     DB_INT(completion->person_id)),
                        3, err);
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        const char *name = db_column_text(stmt, 0);
        list_append(missing, size, name != NULL ? name : "");
    }
    db_finalize(stmt);
    return status;
}

enum ct_status store_harvest_proof_part_record(struct store *store,
                                               const struct harvest_completion *completion,
                                               bool *complete, struct civil_date *date,
                                               char *missing, size_t size, struct ct_err *err)
{
    *complete = false;
    enum ct_status status = part_upsert(store, completion, err);
    if (status == CT_OK) {
        status = parts_missing(store, completion, missing, size, err);
    }
    if (status != CT_OK || missing[0] != '\0') {
        return status;
    }
    char last[CIVIL_DATE_TEXT_SIZE];
    bool found = false;
    status = store_query_text(
        store,
        "SELECT MAX(p.completed) FROM harvest_parts p JOIN event_lms_links l ON"
        " l.event_id = p.event_id AND l.url = p.link_url AND l.activity_name = p.link_name"
        " WHERE p.person_id = ? AND p.event_id = ? AND p.link_url = ? AND"
        " p.withdrawn_at IS NULL",
        STORE_PARAMS(DB_INT(completion->person_id), DB_INT(completion->event_id),
                     DB_TEXT(completion->link->url)),
        3, last, sizeof last, &found, err);
    if (status == CT_OK && found) {
        *date = store_date_value(last);
        *complete = civil_date_is_set(*date);
    }
    return status;
}

/* ---- withdrawals ---- */

/* Marks the part withdrawn when the withdrawal names one (a named activity of a course). */
static enum ct_status part_withdraw(struct store *store,
                                    const struct harvest_withdrawal *withdrawal, struct ct_err *err)
{
    if (withdrawal->link == NULL || withdrawal->link->name[0] == '\0') {
        return CT_OK;
    }
    char now[CLOCK_TIMESTAMP_SIZE], day[CIVIL_DATE_TEXT_SIZE];
    clock_now_utc(now);
    return STORE_EXEC(store,
                      "UPDATE harvest_parts SET withdrawn_at = ? WHERE person_id = ? AND"
                      " event_id = ? AND link_url = ? AND link_name = ? AND withdrawn_at IS NULL"
                      " AND completed <= ?",
                      NULL, err, DB_TEXT(now), DB_INT(withdrawal->person_id),
                      DB_INT(withdrawal->event_id), DB_TEXT(withdrawal->link->url),
                      DB_TEXT(withdrawal->link->name),
                      DB_TEXT(store_date_text(withdrawal->date, day)));
}

/* The activity a withdrawal takes back: held, not rejected, dated on or before it. */
static enum ct_status withdrawn_activity(struct store *store,
                                         const struct harvest_withdrawal *withdrawal,
                                         struct harvest_withdrawal_outcome *outcome,
                                         struct ct_err *err)
{
    char day[CIVIL_DATE_TEXT_SIZE];
    enum ct_status status = STORE_EXEC(
        store,
        "SELECT id FROM activities WHERE person_id = ? AND event_id = ? AND"
        " superseded_by IS NULL AND replaced_at IS NULL AND status <> 'rejected' AND date <= ?",
        &outcome->activity_id, err, DB_INT(withdrawal->person_id), DB_INT(withdrawal->event_id),
        DB_TEXT(store_date_text(withdrawal->date, day)));
    if (status == CT_OK && outcome->activity_id == 0) {
        snprintf(outcome->note, sizeof outcome->note,
                 "no credited completion of that event on or before %s", day);
    }
    return status;
}

/* Withdraws the proofs of the activity that came through the withdrawal's mapping (a
 * part's withdrawal: its course's), and those kept without a mapping. */
static enum ct_status proofs_withdraw(struct store *store, int64_t activity_id,
                                      const struct harvest_link *link, struct ct_err *err)
{
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    if (link == NULL) {
        return STORE_EXEC(store,
                          "UPDATE harvest_provenance SET withdrawn_at = ? WHERE activity_id = ?"
                          " AND withdrawn_at IS NULL",
                          NULL, err, DB_TEXT(now), DB_INT(activity_id));
    }
    const char *name = link->name;
    return STORE_EXEC(store,
                      "UPDATE harvest_provenance SET withdrawn_at = ? WHERE activity_id = ? AND"
                      " withdrawn_at IS NULL AND (link_url IS NULL OR (link_url = ? AND"
                      " (link_name = ? OR link_name = '')))",
                      NULL, err, DB_TEXT(now), DB_INT(activity_id), DB_TEXT(link->url),
                      DB_TEXT(name));
}

/* What still proves the activity: the learner's claim, or proofs not withdrawn. */
static enum ct_status proof_remaining(struct store *store, int64_t activity_id, char *note,
                                      size_t size, struct ct_err *err)
{
    note[0] = '\0';
    char provenance[16];
    bool found = false;
    enum ct_status status = store_query_text(
        store, "SELECT provenance FROM activities WHERE id = ?", STORE_PARAMS(DB_INT(activity_id)),
        1, provenance, sizeof provenance, &found, err);
    if (status == CT_OK && found && strcmp(provenance, "harvest") != 0) {
        snprintf(note, size, "the credit stays: the learner's own %s of it proves it",
                 strcmp(provenance, "claim") == 0 ? "claim" : "registration");
        return CT_OK;
    }
    int64_t remaining = 0;
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "SELECT COUNT(*) FROM harvest_provenance WHERE activity_id = ? AND"
                            " withdrawn_at IS NULL",
                            &remaining, err, DB_INT(activity_id));
    }
    if (status == CT_OK && remaining > 0) {
        snprintf(note, size,
                 "the credit stays: %" PRId64 " other record%s of another mapping still prove%s it",
                 remaining, remaining == 1 ? "" : "s", remaining == 1 ? "s" : "");
    }
    return status;
}

enum ct_status store_harvest_proof_withdraw(struct store *store, int64_t actor_id,
                                            const struct harvest_withdrawal *withdrawal,
                                            struct harvest_withdrawal_outcome *outcome,
                                            struct ct_err *err)
{
    memset(outcome, 0, sizeof *outcome);
    enum ct_status status = part_withdraw(store, withdrawal, err);
    if (status == CT_OK) {
        status = withdrawn_activity(store, withdrawal, outcome, err);
    }
    if (status != CT_OK || outcome->activity_id == 0) {
        return status;
    }
    struct harvest_link course;
    const struct harvest_link *link = withdrawal->link;
    if (link != NULL && link->name[0] != '\0') {
        snprintf(course.url, sizeof course.url, "%s", link->url);
        course.name[0] = '\0';
        link = &course;
    }
    status = proofs_withdraw(store, outcome->activity_id, link, err);
    if (status == CT_OK) {
        status =
            proof_remaining(store, outcome->activity_id, outcome->note, sizeof outcome->note, err);
    }
    if (status != CT_OK) {
        return status;
    }
    if (outcome->note[0] != '\0') {
        outcome->result = HARVEST_WITHDREW_PROOF;
        return CT_OK;
    }
    bool withdrawn = false;
    status = store_harvest_withdraw(store, actor_id, outcome->activity_id, withdrawal->reason,
                                    &withdrawn, err);
    outcome->result = HARVEST_WITHDREW_CREDIT;
    return status;
}

enum ct_status store_harvest_withdraw(struct store *store, int64_t actor_id, int64_t activity_id,
                                      const char *reason, bool *withdrawn, struct ct_err *err)
{
    *withdrawn = false;
    if (reason == NULL || reason[0] == '\0') {
        return ct_err_set(err, CT_ERR_INPUT, "reason", "say why the activity is withdrawn");
    }
    char state[16];
    bool found = false;
    enum ct_status status = store_query_text(
        store,
        "SELECT status FROM activities a WHERE id = ? AND (provenance = 'harvest' OR EXISTS"
        " (SELECT 1 FROM harvest_provenance p WHERE p.activity_id = a.id))",
        STORE_PARAMS(DB_INT(activity_id)), 1, state, sizeof state, &found, err);
    if (status == CT_OK && !found) {
        status = ct_err_set(err, CT_ERR_INPUT, "activity",
                            "no harvested activity has the id %" PRId64, activity_id);
    }
    if (status != CT_OK || strcmp(state, "rejected") == 0) {
        return status;
    }
    const char *action = strcmp(state, "verified") == 0 ? "withdraw" : "reject";
    const char *to = NULL;
    status = workflow_next(WORKFLOW_ACTIVITY, state, action, &to, err);
    if (status == CT_OK) {
        status = db_begin(store->db, err);
    }
    if (status != CT_OK) {
        return status;
    }
    char *before = NULL;
    status = store_row_json(store, ENTITY_ACTIVITY, activity_id, &before, err);
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    if (status == CT_OK) {
        /* The LMS (actor 0) withdraws as no one: status_by stays empty. */
        status = STORE_EXEC(store,
                            "UPDATE activities SET status = ?, status_by = ?, status_at = ?,"
                            " status_reason = ? WHERE id = ?",
                            NULL, err, DB_TEXT(to), actor_id > 0 ? DB_INT(actor_id) : DB_TEXT(NULL),
                            DB_TEXT(now), DB_TEXT(reason), DB_INT(activity_id));
    }
    if (status == CT_OK) {
        status =
            store_audit(store, actor_id, ENTITY_ACTIVITY, activity_id, "withdraw", before, err);
    }
    free(before);
    status = store_finish(store, status, err);
    *withdrawn = status == CT_OK;
    return status;
}
