#include "store_tracks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/workflow.h"
#include "store_enrolment.h"
#include "../io/clock.h"
#include "../core/banned.h"

/* ---- shared steps of a workflow change ---- */

/* Reads an entity's state with a query of one text column by id; refuses when missing. */
static enum ct_status read_state(struct store *store, const char *sql, int64_t id, const char *what,
                                 char state[16], struct ct_err *err)
{
    bool found = false;
    enum ct_status status =
        store_query_text(store, sql, STORE_PARAMS(DB_INT(id)), 1, state, 16, &found, err);
    if (status == CT_OK && !found) {
        status = ct_err_set(err, CT_ERR_INPUT, what, "no %s has the id %lld", what, (long long)id);
    }
    return status;
}

/* Begins a transaction, checks that action is allowed from the entity's state, and
 * keeps the row before the change. On success the caller changes the row, audits and
 * finishes; on failure the transaction is already rolled back. */
static enum ct_status begin_transition(struct store *store, enum workflow_machine machine,
                                       enum store_entity entity, const char *state_sql, int64_t id,
                                       const char *action, const char **to, char **before,
                                       struct ct_err *err)
{
    *before = NULL;
    char state[16];
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    status = read_state(store, state_sql, id, workflow_machine_name(machine), state, err);
    if (status == CT_OK) {
        status = workflow_next(machine, state, action, to, err);
    }
    if (status == CT_OK) {
        status = store_row_json(store, entity, id, before, err);
    }
    if (status != CT_OK) {
        db_rollback(store->db);
    }
    return status;
}

static enum ct_status end_transition(struct store *store, int64_t actor_id,
                                     enum store_entity entity, int64_t id, const char *action,
                                     char *before, enum ct_status status, struct ct_err *err)
{
    if (status == CT_OK) {
        status = store_audit(store, actor_id, entity, id, action, before, err);
    }
    free(before);
    return store_finish(store, status, err);
}

/* ---- tracks ---- */

static const char *const track_state_sql = "SELECT state FROM tracks WHERE id = ?";

/* Refuses a second open track in one program, and a start that would count an activity
 * twice in the chain an earlier award continues; *previous is that award's track. */
static enum ct_status check_enrolment(struct store *store, int64_t person_id,
                                      const char *program_id, struct civil_date started,
                                      int64_t *previous, struct ct_err *err)
{
    struct enrolment_choices choices;
    enum ct_status status =
        store_enrolment_choices(store, person_id, started, started, &choices, err);
    if (status != CT_OK) {
        return status;
    }
    const struct enrolment_choice *choice = store_enrolment_choice_of(&choices, program_id);
    char issued[CIVIL_DATE_TEXT_SIZE];
    *previous = choice != NULL ? choice->chain_track_id : 0;
    if (choice != NULL && choice->verdict == ENROLMENT_ALREADY_OPEN) {
        status = ct_err_set(err, CT_ERR_INPUT, "program",
                            "this person already has an open track in %s (track %lld);"
                            " withdraw it first",
                            program_id, (long long)choice->open_track_id);
    } else if (choice != NULL && choice->verdict == ENROLMENT_CHAIN_STARTED) {
        civil_date_format(choice->chain_issued, issued);
        status = ct_err_set(err, CT_ERR_INPUT, "start",
                            "must be after %s, when certificate %s was awarded: an activity"
                            " counts once in a chain of tracks",
                            issued, choice->chain_number);
    }
    store_enrolment_choices_release(&choices);
    return status;
}

enum ct_status store_track_enroll(struct store *store, int64_t actor_id, int64_t person_id,
                                  const char *program_id, struct civil_date started, int64_t *id,
                                  struct ct_err *err)
{
    const struct program *program = program_set_find(store->programs, program_id);
    if (program == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, "program", "unknown program \"%.64s\"", program_id);
    }
    char start_text[CIVIL_DATE_TEXT_SIZE], deadline_text[CIVIL_DATE_TEXT_SIZE];
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    struct civil_date deadline = civil_date_add_years(started, program->window_years);
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    int64_t previous = 0;
    status = check_enrolment(store, person_id, program->id, started, &previous, err);
    if (status != CT_OK) {
        return store_finish(store, status, err);
    }
    status = STORE_EXEC(store,
                        "INSERT INTO tracks (person_id, program, started, deadline, state,"
                        " state_changed_at, previous_track_id) VALUES (?, ?, ?, ?, 'active', ?, ?)"
                        " RETURNING id",
                        id, err, DB_INT(person_id), DB_TEXT(program->id),
                        DB_TEXT(store_date_text(started, start_text)),
                        DB_TEXT(store_date_text(deadline, deadline_text)), DB_TEXT(now),
                        previous > 0 ? DB_INT(previous) : DB_TEXT(NULL));
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_TRACK, *id, "enroll", NULL, err);
    }
    return store_finish(store, status, err);
}

enum ct_status store_track_act(struct store *store, int64_t actor_id, int64_t track_id,
                               const char *action, const char *comment, struct ct_err *err)
{
    if (strcmp(action, "award") == 0) {
        return ct_err_set(err, CT_ERR_INPUT, "action",
                          "a track is awarded with its evaluation (certtrack award)");
    }
    const char *to;
    char *before;
    enum ct_status status = begin_transition(store, WORKFLOW_TRACK, ENTITY_TRACK, track_state_sql,
                                             track_id, action, &to, &before, err);
    if (status != CT_OK) {
        return status;
    }
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    status = STORE_EXEC(store,
                        "UPDATE tracks SET state = ?, state_changed_at = ?, state_comment = ?"
                        " WHERE id = ?",
                        NULL, err, DB_TEXT(to), DB_TEXT(now), DB_TEXT(comment), DB_INT(track_id));
    return end_transition(store, actor_id, ENTITY_TRACK, track_id, action, before, status, err);
}

static enum ct_status read_track(struct store *store, const char *sql, int64_t key,
                                 struct track_info *track, bool *found, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db, sql, &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(key)), 1, err);
    }
    *found = false;
    if (status == CT_OK) {
        status = db_step(stmt, found, err);
    }
    if (status == CT_OK && *found) {
        track->id = db_column_int64(stmt, 0);
        track->person_id = db_column_int64(stmt, 1);
        snprintf(track->program, sizeof track->program, "%s", db_column_text(stmt, 2));
        track->started = store_date_value(db_column_text(stmt, 3));
        track->deadline = store_date_value(db_column_text(stmt, 4));
        snprintf(track->state, sizeof track->state, "%s", db_column_text(stmt, 5));
        track->previous_track_id = db_column_is_null(stmt, 6) ? 0 : db_column_int64(stmt, 6);
    }
    db_finalize(stmt);
    return status;
}

enum ct_status store_track_find_current(struct store *store, int64_t person_id,
                                        struct track_info *track, bool *found, struct ct_err *err)
{
    return read_track(
        store,
        "SELECT id, person_id, program, started, deadline, state, previous_track_id FROM tracks"
        " WHERE person_id = ?"
        " ORDER BY state IN ('active', 'submitted', 'returned') DESC, started DESC, id DESC"
        " LIMIT 1",
        person_id, track, found, err);
}

/* Whether program (NULL: not loaded) asks for need. */
static bool program_needs(const struct program *program, enum track_need need)
{
    return program != NULL &&
           (need == TRACK_NEEDS_PLAN ? program->plan_required : program->final_report_required);
}

enum ct_status store_track_find_needing(struct store *store, int64_t person_id,
                                        enum track_need need, struct track_info *track, bool *found,
                                        struct ct_err *err)
{
    struct store_rows rows = {.size = sizeof(struct track_row)};
    enum ct_status status = store_track_rows(store, person_id, &rows, err);
    const struct track_row *tracks = rows.items;
    int64_t chosen = 0;
    for (size_t i = 0; status == CT_OK && chosen == 0 && i < rows.count; i++) {
        if (store_track_state_open(tracks[i].state) &&
            program_needs(program_set_find(store->programs, tracks[i].program), need)) {
            chosen = tracks[i].id;
        }
    }
    store_rows_release(&rows);
    if (status != CT_OK) {
        return status;
    }
    if (chosen == 0) {
        return store_track_find_current(store, person_id, track, found, err);
    }
    *found = true;
    return store_track_get(store, chosen, track, err);
}

enum ct_status store_track_current(struct store *store, int64_t person_id, struct track_info *track,
                                   struct ct_err *err)
{
    bool found = false;
    enum ct_status status = store_track_find_current(store, person_id, track, &found, err);
    if (status == CT_OK && !found) {
        status = ct_err_set(err, CT_ERR_INPUT, "person", "person %lld has no track",
                            (long long)person_id);
    }
    return status;
}

enum ct_status store_track_get(struct store *store, int64_t track_id, struct track_info *track,
                               struct ct_err *err)
{
    bool found = false;
    enum ct_status status =
        read_track(store,
                   "SELECT id, person_id, program, started, deadline, state, previous_track_id"
                   " FROM tracks WHERE id = ?",
                   track_id, track, &found, err);
    if (status == CT_OK && !found) {
        status =
            ct_err_set(err, CT_ERR_INPUT, "track", "no track has the id %lld", (long long)track_id);
    }
    return status;
}

/* ---- plan versions ---- */

static const char *const plan_state_sql = "SELECT state FROM plan_versions WHERE id = ?";

enum ct_status store_plan_version_create(struct store *store, int64_t actor_id, int64_t track_id,
                                         const struct plan_version_new *version, int64_t *id,
                                         struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    char open_version[16];
    bool found = false;
    status = store_query_text(store,
                              "SELECT version FROM plan_versions WHERE track_id = ?"
                              " AND state IN ('draft', 'submitted')",
                              STORE_PARAMS(DB_INT(track_id)), 1, open_version, sizeof open_version,
                              &found, err);
    if (status == CT_OK && found) {
        status = ct_err_set(err, CT_ERR_INPUT, "plan",
                            "version %s of this plan is still open; finish it first", open_version);
    }
    if (status == CT_OK) {
        status = STORE_EXEC(
            store,
            "INSERT INTO plan_versions (track_id, version, state, skill_gaps, learning_options)"
            " SELECT ?, COALESCE(MAX(version), 0) + 1, 'draft', ?, ? FROM plan_versions"
            " WHERE track_id = ? RETURNING id",
            id, err, DB_INT(track_id),
            DB_TEXT(version->skill_gaps != NULL ? version->skill_gaps : ""),
            DB_TEXT(version->learning_options != NULL ? version->learning_options : ""),
            DB_INT(track_id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_PLAN_VERSION, *id, "create", NULL, err);
    }
    return store_finish(store, status, err);
}

/* Begins a change to a draft version's contents. */
static enum ct_status begin_draft_change(struct store *store, int64_t version_id,
                                         struct ct_err *err)
{
    char state[16];
    enum ct_status status = db_begin(store->db, err);
    if (status == CT_OK) {
        status = read_state(store, plan_state_sql, version_id, "plan version", state, err);
    }
    if (status == CT_OK && strcmp(state, "draft") != 0) {
        status =
            ct_err_set(err, CT_ERR_INPUT, "plan version",
                       "a plan version that is %s cannot be edited; create a new version", state);
    }
    if (status != CT_OK) {
        db_rollback(store->db);
    }
    return status;
}

enum ct_status store_plan_version_update(struct store *store, int64_t actor_id, int64_t version_id,
                                         const struct plan_version_new *text, struct ct_err *err)
{
    enum ct_status status = begin_draft_change(store, version_id, err);
    if (status != CT_OK) {
        return status;
    }
    char *before = NULL;
    status = store_row_json(store, ENTITY_PLAN_VERSION, version_id, &before, err);
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "UPDATE plan_versions SET skill_gaps = ?, learning_options = ?"
                            " WHERE id = ?",
                            NULL, err, DB_TEXT(text->skill_gaps != NULL ? text->skill_gaps : ""),
                            DB_TEXT(text->learning_options != NULL ? text->learning_options : ""),
                            DB_INT(version_id));
    }
    return end_transition(store, actor_id, ENTITY_PLAN_VERSION, version_id, "edit", before, status,
                          err);
}

/* The context of audit_copied_row: the store and the actor. */
struct copied_rows {
    struct store *store;
    int64_t actor_id;
    enum store_entity entity;
};

/* Audits one row copied into a new version as created by the actor. */
static enum ct_status audit_copied_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    struct copied_rows *copied = context;
    return store_audit(copied->store, copied->actor_id, copied->entity, db_column_int64(stmt, 0),
                       "create", NULL, err);
}

/* Copies the previous version's goals into version_id, then its items, each item tied
 * to the copied goal at its goal's position. */
static enum ct_status copy_goals_and_items(struct store *store, int64_t version_id,
                                           int64_t previous_id, struct ct_err *err)
{
    enum ct_status status =
        STORE_EXEC(store,
                   "INSERT INTO plan_goals (plan_version_id, position, library_goal_id, goal,"
                   " desired_outcomes) SELECT ?, position, library_goal_id, goal, desired_outcomes"
                   " FROM plan_goals WHERE plan_version_id = ? ORDER BY position",
                   NULL, err, DB_INT(version_id), DB_INT(previous_id));
    if (status == CT_OK) {
        status = STORE_EXEC(
            store,
            "INSERT INTO plan_items (plan_version_id, item_key, kind, description, plan_goal_id,"
            " planned_minutes) SELECT ?, i.item_key, i.kind, i.description, copied.id,"
            " i.planned_minutes FROM plan_items i"
            " LEFT JOIN plan_goals g ON g.id = i.plan_goal_id"
            " LEFT JOIN plan_goals copied ON copied.plan_version_id = ?"
            " AND copied.position = g.position"
            " WHERE i.plan_version_id = ? ORDER BY i.id",
            NULL, err, DB_INT(version_id), DB_INT(version_id), DB_INT(previous_id));
    }
    return status;
}

/* Audits every goal and item now in version_id as created by actor_id. */
static enum ct_status audit_copied(struct store *store, int64_t actor_id, int64_t version_id,
                                   struct ct_err *err)
{
    struct copied_rows goals = {store, actor_id, ENTITY_PLAN_GOAL};
    enum ct_status status = STORE_EACH_ROW(
        store, "SELECT id FROM plan_goals WHERE plan_version_id = ? ORDER BY position",
        audit_copied_row, &goals, err, DB_INT(version_id));
    struct copied_rows items = {store, actor_id, ENTITY_PLAN_ITEM};
    if (status == CT_OK) {
        status =
            STORE_EACH_ROW(store, "SELECT id FROM plan_items WHERE plan_version_id = ? ORDER BY id",
                           audit_copied_row, &items, err, DB_INT(version_id));
    }
    return status;
}

enum ct_status store_plan_version_carry_over(struct store *store, int64_t actor_id,
                                             int64_t version_id, struct ct_err *err)
{
    enum ct_status status = begin_draft_change(store, version_id, err);
    if (status != CT_OK) {
        return status;
    }
    int64_t previous_id = 0;
    status = STORE_EXEC(store,
                        "SELECT p.id FROM plan_versions v JOIN plan_versions p"
                        " ON p.track_id = v.track_id AND p.version = v.version - 1"
                        " WHERE v.id = ?",
                        &previous_id, err, DB_INT(version_id));
    int64_t contents = 0;
    if (status == CT_OK && previous_id != 0) {
        status = STORE_EXEC(store,
                            "SELECT (SELECT COUNT(*) FROM plan_goals WHERE plan_version_id = ?)"
                            " + (SELECT COUNT(*) FROM plan_items WHERE plan_version_id = ?)",
                            &contents, err, DB_INT(version_id), DB_INT(version_id));
    }
    if (status == CT_OK && contents > 0) {
        status = ct_err_set(err, CT_ERR_INPUT, "plan version",
                            "only an empty draft takes the contents of the version before it");
    }
    char *before = NULL;
    if (status == CT_OK && previous_id != 0) {
        status = store_row_json(store, ENTITY_PLAN_VERSION, version_id, &before, err);
    }
    if (status == CT_OK && previous_id != 0) {
        status = STORE_EXEC(store,
                            "UPDATE plan_versions SET (skill_gaps, learning_options) ="
                            " (SELECT skill_gaps, learning_options FROM plan_versions WHERE id = ?)"
                            " WHERE id = ?",
                            NULL, err, DB_INT(previous_id), DB_INT(version_id));
    }
    if (status == CT_OK && previous_id != 0) {
        status = copy_goals_and_items(store, version_id, previous_id, err);
    }
    if (status == CT_OK && previous_id != 0) {
        status = audit_copied(store, actor_id, version_id, err);
    }
    if (previous_id == 0 || status != CT_OK) {
        free(before);
        return store_finish(store, status, err);
    }
    return end_transition(store, actor_id, ENTITY_PLAN_VERSION, version_id, "edit", before, status,
                          err);
}

enum ct_status store_plan_goal_add(struct store *store, int64_t actor_id, int64_t version_id,
                                   int64_t library_goal_id, const char *goal,
                                   const char *desired_outcomes, int64_t *id, struct ct_err *err)
{
    if (goal == NULL || goal[0] == '\0') {
        return ct_err_set(err, CT_ERR_INPUT, "goal", "must not be empty");
    }
    enum ct_status status = begin_draft_change(store, version_id, err);
    if (status != CT_OK) {
        return status;
    }
    int64_t same_library = 0;
    status =
        STORE_EXEC(store,
                   "SELECT COUNT(*) FROM library_goals g JOIN strategic_plans s"
                   " ON s.id = g.strategic_plan_id JOIN people p ON p.library_id = s.library_id"
                   " JOIN tracks t ON t.person_id = p.id JOIN plan_versions v"
                   " ON v.track_id = t.id WHERE g.id = ? AND v.id = ?",
                   &same_library, err, DB_INT(library_goal_id), DB_INT(version_id));
    if (status == CT_OK && same_library == 0) {
        status = ct_err_set(err, CT_ERR_INPUT, "library_goal",
                            "choose a goal of your own library's strategic plan");
    }
    if (status != CT_OK) {
        return store_finish(store, status, err);
    }
    status =
        STORE_EXEC(store,
                   "INSERT INTO plan_goals (plan_version_id, position, library_goal_id, goal,"
                   " desired_outcomes) SELECT ?, COALESCE(MAX(position), 0) + 1, ?, ?, ?"
                   " FROM plan_goals WHERE plan_version_id = ? RETURNING id",
                   id, err, DB_INT(version_id), DB_INT(library_goal_id), DB_TEXT(goal),
                   DB_TEXT(desired_outcomes != NULL ? desired_outcomes : ""), DB_INT(version_id));
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_PLAN_GOAL, *id, "create", NULL, err);
    }
    return store_finish(store, status, err);
}

enum ct_status store_plan_item_add(struct store *store, int64_t actor_id, int64_t version_id,
                                   const char *item_key, const char *kind, const char *description,
                                   int64_t plan_goal_id, int64_t *id, struct ct_err *err)
{
    if (item_key == NULL || item_key[0] == '\0' || description == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, "item", "a plan item needs a key and a description");
    }
    enum ct_status status = begin_draft_change(store, version_id, err);
    if (status != CT_OK) {
        return status;
    }
    int64_t same_version = 1;
    if (plan_goal_id > 0) {
        status = STORE_EXEC(store,
                            "SELECT COUNT(*) FROM plan_goals WHERE id = ? AND plan_version_id = ?",
                            &same_version, err, DB_INT(plan_goal_id), DB_INT(version_id));
    }
    if (status == CT_OK && same_version == 0) {
        status = ct_err_set(err, CT_ERR_INPUT, "plan_goal", "choose one of this version's goals");
    }
    if (status != CT_OK) {
        return store_finish(store, status, err);
    }
    status =
        STORE_EXEC(store,
                   "INSERT INTO plan_items (plan_version_id, item_key, kind, description,"
                   " plan_goal_id) VALUES (?, ?, ?, ?, ?) RETURNING id",
                   id, err, DB_INT(version_id), DB_TEXT(item_key), DB_TEXT(kind),
                   DB_TEXT(description), plan_goal_id > 0 ? DB_INT(plan_goal_id) : DB_TEXT(NULL));
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_PLAN_ITEM, *id, "create", NULL, err);
    }
    return store_finish(store, status, err);
}

enum ct_status store_plan_version_submit(struct store *store, int64_t actor_id, int64_t version_id,
                                         struct civil_date day, struct ct_err *err)
{
    const char *to;
    char *before;
    enum ct_status status =
        begin_transition(store, WORKFLOW_PLAN_VERSION, ENTITY_PLAN_VERSION, plan_state_sql,
                         version_id, "submit", &to, &before, err);
    if (status != CT_OK) {
        return status;
    }
    /* A plan is tethered to the library's strategic plan: no goal, nothing to sign. */
    int64_t goals = 0;
    status = STORE_EXEC(store, "SELECT COUNT(*) FROM plan_goals WHERE plan_version_id = ?", &goals,
                        err, DB_INT(version_id));
    if (status == CT_OK && goals == 0) {
        status = ct_err_set(err, CT_ERR_INPUT, "goal",
                            "Add at least one goal, serving a goal of your library's strategic"
                            " plan, before you submit the plan.");
    }
    if (status != CT_OK) {
        free(before);
        return store_finish(store, status, err);
    }
    char day_text[CIVIL_DATE_TEXT_SIZE];
    status = STORE_EXEC(store,
                        "UPDATE plan_versions SET state = ?, submitted = ?, returned_comment = NULL"
                        " WHERE id = ?",
                        NULL, err, DB_TEXT(to), DB_TEXT(store_date_text(day, day_text)),
                        DB_INT(version_id));
    return end_transition(store, actor_id, ENTITY_PLAN_VERSION, version_id, "submit", before,
                          status, err);
}

enum ct_status store_plan_version_sign(struct store *store, int64_t actor_id, int64_t version_id,
                                       enum plan_signer signer, struct civil_date day,
                                       struct ct_err *err)
{
    char state[16];
    enum ct_status status = db_begin(store->db, err);
    if (status == CT_OK) {
        status = read_state(store, plan_state_sql, version_id, "plan version", state, err);
    }
    if (status == CT_OK && strcmp(state, "submitted") != 0) {
        status = ct_err_set(err, CT_ERR_INPUT, "plan version",
                            "a plan version that is %s cannot be signed (submit it first)", state);
    }
    char *before = NULL;
    if (status == CT_OK) {
        status = store_row_json(store, ENTITY_PLAN_VERSION, version_id, &before, err);
    }
    char day_text[CIVIL_DATE_TEXT_SIZE];
    const char *sql = signer == PLAN_SIGNER_LEARNER
                          ? "UPDATE plan_versions SET learner_approved = ?, learner_approved_by = ?"
                            " WHERE id = ?"
                          : "UPDATE plan_versions SET organization_approved = ?,"
                            " organization_approved_by = ? WHERE id = ?";
    if (status == CT_OK) {
        status = STORE_EXEC(store, sql, NULL, err, DB_TEXT(store_date_text(day, day_text)),
                            DB_INT(actor_id), DB_INT(version_id));
    }
    /* With both signatures the version is approved (the workflow's "approve"). */
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "UPDATE plan_versions SET state = 'approved' WHERE id = ?"
                            " AND learner_approved IS NOT NULL"
                            " AND organization_approved IS NOT NULL",
                            NULL, err, DB_INT(version_id));
    }
    const char *action = signer == PLAN_SIGNER_LEARNER ? "sign-learner" : "sign-organization";
    return end_transition(store, actor_id, ENTITY_PLAN_VERSION, version_id, action, before, status,
                          err);
}

enum ct_status store_plan_version_return(struct store *store, int64_t actor_id, int64_t version_id,
                                         const char *comment, struct ct_err *err)
{
    if (comment == NULL || comment[0] == '\0') {
        return ct_err_set(err, CT_ERR_INPUT, "comment", "say what to change when returning a plan");
    }
    const char *to;
    char *before;
    enum ct_status status =
        begin_transition(store, WORKFLOW_PLAN_VERSION, ENTITY_PLAN_VERSION, plan_state_sql,
                         version_id, "return", &to, &before, err);
    if (status != CT_OK) {
        return status;
    }
    status = STORE_EXEC(store,
                        "UPDATE plan_versions SET state = ?, submitted = NULL,"
                        " learner_approved = NULL, learner_approved_by = NULL,"
                        " organization_approved = NULL, organization_approved_by = NULL,"
                        " returned_comment = ? WHERE id = ?",
                        NULL, err, DB_TEXT(to), DB_TEXT(comment), DB_INT(version_id));
    return end_transition(store, actor_id, ENTITY_PLAN_VERSION, version_id, "return", before,
                          status, err);
}

/* ---- final reports ---- */

static const char *const report_state_sql = "SELECT state FROM final_reports WHERE track_id = ?";

enum ct_status store_final_report_save(struct store *store, int64_t actor_id, int64_t track_id,
                                       const char *text, struct ct_err *err)
{
    if (text == NULL || text[0] == '\0') {
        return ct_err_set(err, CT_ERR_INPUT, "text", "the final report must not be empty");
    }
    enum ct_status status = db_begin(store->db, err);
    char state[16];
    bool found = false;
    if (status == CT_OK) {
        status = store_query_text(store, report_state_sql, STORE_PARAMS(DB_INT(track_id)), 1, state,
                                  sizeof state, &found, err);
    }
    if (status == CT_OK && found && strcmp(state, "draft") != 0) {
        status = ct_err_set(err, CT_ERR_INPUT, "final report",
                            "a final report that is %s cannot be edited", state);
    }
    int64_t id = 0;
    char *before = NULL;
    if (status == CT_OK && found) {
        status = STORE_EXEC(store, "SELECT id FROM final_reports WHERE track_id = ?", &id, err,
                            DB_INT(track_id));
        if (status == CT_OK) {
            status = store_row_json(store, ENTITY_FINAL_REPORT, id, &before, err);
        }
    }
    if (status == CT_OK) {
        status =
            STORE_EXEC(store,
                       "INSERT INTO final_reports (track_id, text, state) VALUES (?, ?, 'draft')"
                       " ON CONFLICT (track_id) DO UPDATE SET text = excluded.text"
                       " RETURNING id",
                       &id, err, DB_INT(track_id), DB_TEXT(text));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_FINAL_REPORT, id, "save", before, err);
    }
    free(before);
    return store_finish(store, status, err);
}

enum ct_status store_final_report_act(struct store *store, int64_t actor_id, int64_t track_id,
                                      const char *action, struct civil_date day,
                                      const char *comment, struct ct_err *err)
{
    int64_t id = 0;
    enum ct_status status = STORE_EXEC(store, "SELECT id FROM final_reports WHERE track_id = ?",
                                       &id, err, DB_INT(track_id));
    if (status == CT_OK && id == 0) {
        status = ct_err_set(err, CT_ERR_INPUT, "final report", "track %lld has no final report",
                            (long long)track_id);
    }
    if (status == CT_OK && strcmp(action, "return") == 0 && (comment == NULL || !comment[0])) {
        status = ct_err_set(err, CT_ERR_INPUT, "comment", "say what to change when returning");
    }
    const char *to;
    char *before;
    if (status == CT_OK) {
        status = begin_transition(store, WORKFLOW_FINAL_REPORT, ENTITY_FINAL_REPORT,
                                  "SELECT state FROM final_reports WHERE id = ?", id, action, &to,
                                  &before, err);
    }
    if (status != CT_OK) {
        return status;
    }
    char day_text[CIVIL_DATE_TEXT_SIZE];
    const char *date = store_date_text(day, day_text);
    if (strcmp(action, "submit") == 0) {
        status = STORE_EXEC(store,
                            "UPDATE final_reports SET state = ?, submitted = ?, returned_comment ="
                            " NULL WHERE id = ?",
                            NULL, err, DB_TEXT(to), DB_TEXT(date), DB_INT(id));
    } else if (strcmp(action, "accept") == 0) {
        status = STORE_EXEC(store,
                            "UPDATE final_reports SET state = ?, accepted = ?, accepted_by = ?"
                            " WHERE id = ?",
                            NULL, err, DB_TEXT(to), DB_TEXT(date), DB_INT(actor_id), DB_INT(id));
    } else {
        status = STORE_EXEC(store,
                            "UPDATE final_reports SET state = ?, submitted = NULL, returned_comment"
                            " = ? WHERE id = ?",
                            NULL, err, DB_TEXT(to), DB_TEXT(comment), DB_INT(id));
    }
    return end_transition(store, actor_id, ENTITY_FINAL_REPORT, id, action, before, status, err);
}
