/* The people actions: adding, editing, deactivating, moving and merging people, naming a
 * library's director and board chair, and a verifier set by hand; each refusal. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "action_world.h"
#include "actions/people.h"
#include "actions/people_officers.h"
#include "store/store_people.h"
#include "store/store_person_admin.h"
#include "store/store_sessions.h"
#include "core/banned.h"

#define TODAY "2026-03-01"

static int setup(void **state)
{
    *state = action_world_open("action-people");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static void sql(struct action_world *w, const char *text)
{
    struct ct_err err = {0};
    test_ok(store_exec(&w->store, text, NULL, 0, NULL, &err), &err);
}

static enum ct_status add(struct action_world *w, int64_t actor_id,
                          const struct person_input *input, int64_t *id,
                          struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, actor_id, TODAY);
    struct person_result result;
    action_outcome_init(outcome);
    enum ct_status status = action_person_add(&w->store, &actor, input, &result, outcome);
    *id = result.id;
    return status;
}

/* Adds a person of library as the coordinator; their id. */
static int64_t added(struct action_world *w, const char *name, const char *email, int64_t library,
                     const char *position, const char *roles)
{
    struct action_outcome outcome;
    int64_t id = 0;
    struct person_input input = {0, name, email, library, position, roles};
    action_assert_done(add(w, w->coordinator, &input, &id, &outcome), &outcome);
    return id;
}

static struct person_view person_of(struct action_world *w, int64_t id)
{
    struct person_view person;
    bool found = false;
    struct ct_err err = {0};
    test_ok(store_person_get(&w->store, id, &person, &found, &err), &err);
    assert_true(found);
    return person;
}

static enum ct_status officers(struct action_world *w, int64_t actor_id, int64_t library,
                               int64_t director, int64_t chair, struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, actor_id, TODAY);
    action_outcome_init(outcome);
    struct library_officers_input input = {library, director, chair};
    return action_library_officers(&w->store, &actor, &input, outcome);
}

/* ---- add ---- */

static void test_the_coordinator_adds_a_person_with_the_day_each_role_began(void **state)
{
    struct action_world *w = *state;
    int64_t id = added(w, "Élodie Hire", "Elodie@Example.org", w->library, "staff",
                       "learner 2025-07-01\nsupervisor");
    struct person_view person = person_of(w, id);
    assert_string_equal(person.name, "Élodie Hire");
    assert_string_equal(person.position, "staff");
    assert_int_equal(person.library_id, w->library);
    assert_int_equal(person.roles, ROLE_LEARNER | ROLE_SUPERVISOR);
    char day[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(person.held[0].began, day);
    assert_string_equal(day, "2025-07-01");
    assert_false(civil_date_is_set(person.held[1].began));
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->coordinator);
    assert_string_equal(seen.entity, "people");
    assert_int_equal(seen.entity_id, id);
}

static void test_every_bad_field_of_an_added_person_is_named(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    int64_t id = 0;
    struct person_input input = {0, "", "not-an-address", w->library, "chief", "wizard"};
    action_assert_refused(add(w, w->coordinator, &input, &id, &outcome), &outcome, ACTION_BAD_INPUT,
                          "name");
    assert_non_null(action_fault_of(&outcome, "email"));
    assert_non_null(action_fault_of(&outcome, "position"));
    assert_non_null(action_fault_of(&outcome, "roles"));
    const char *bad_roles[] = {"", "learner 2025-13-01", "learner, learner", "learner,wizard"};
    for (size_t i = 0; i < sizeof bad_roles / sizeof bad_roles[0]; i++) {
        struct person_input roles = {0,          "Lee",   "lee@example.org",
                                     w->library, "staff", bad_roles[i]};
        action_assert_refused(add(w, w->coordinator, &roles, &id, &outcome), &outcome,
                              ACTION_BAD_INPUT, "roles");
    }
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM people WHERE name = 'Lee'"), 0);
}

static void test_an_e_mail_is_taken_whatever_its_case(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    int64_t id = 0;
    struct person_input input = {0,          "Sam Again", "STAFF@example.org",
                                 w->library, "staff",     "learner"};
    action_assert_refused(add(w, w->coordinator, &input, &id, &outcome), &outcome, ACTION_BAD_INPUT,
                          "email");
}

static void test_the_library_must_exist_be_open_and_suit_the_position(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    int64_t id = 0;
    struct person_input unknown = {0, "Lee", "lee@example.org", 999, "staff", "learner"};
    action_assert_refused(add(w, w->coordinator, &unknown, &id, &outcome), &outcome,
                          ACTION_BAD_INPUT, "library");
    sql(w, "UPDATE libraries SET closed_on = '2025-01-01' WHERE name LIKE 'Glacier%'");
    struct person_input closed = {0,       "Lee",    "lee@example.org", w->other_library,
                                  "staff", "learner"};
    action_assert_refused(add(w, w->coordinator, &closed, &id, &outcome), &outcome,
                          ACTION_BAD_INPUT, "library");
    assert_non_null(strstr(outcome.err.message, "closed"));
    struct person_input no_position = {0, "Lee", "lee@example.org", w->library, NULL, "learner"};
    action_assert_refused(add(w, w->coordinator, &no_position, &id, &outcome), &outcome,
                          ACTION_BAD_INPUT, "position");
    struct person_input state_staff = {0, "Lee", "lee@example.org", 0, "trustee", "consultant"};
    action_assert_refused(add(w, w->coordinator, &state_staff, &id, &outcome), &outcome,
                          ACTION_BAD_INPUT, "position");
}

static void test_a_library_administrator_adds_to_their_own_library_only(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    int64_t id = 0;
    struct person_input own = {0, "Lee", "lee@example.org", 0, "staff", "learner"};
    action_assert_done(add(w, w->director, &own, &id, &outcome), &outcome);
    assert_int_equal(person_of(w, id).library_id, w->library);
    struct person_input other = {0, "Kim", "kim@example.org", w->other_library, "staff", "learner"};
    action_assert_refused(add(w, w->director, &other, &id, &outcome), &outcome, ACTION_NOT_ALLOWED,
                          NULL);
    struct person_input state_role = {0, "Kim",   "kim@example.org",
                                      0, "staff", "learner\nce-coordinator"};
    action_assert_refused(add(w, w->director, &state_role, &id, &outcome), &outcome,
                          ACTION_NOT_ALLOWED, "roles");
    action_assert_refused(add(w, w->learner, &own, &id, &outcome), &outcome, ACTION_NOT_ALLOWED,
                          NULL);
}

/* ---- edit ---- */

static enum ct_status edit(struct action_world *w, int64_t actor_id,
                           const struct person_input *input, struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, actor_id, TODAY);
    action_outcome_init(outcome);
    return action_person_edit(&w->store, &actor, input, outcome);
}

static void test_an_edit_changes_the_fields_given_and_keeps_a_roles_day(void **state)
{
    struct action_world *w = *state;
    int64_t id = added(w, "Lee", "lee@example.org", w->library, "staff", "learner 2024-02-01");
    struct action_outcome outcome;
    struct person_input input = {id, "Lee Ann", "LeeAnn@example.org",
                                 0,  "trustee", "learner\nsupervisor 2026-01-05"};
    action_assert_done(edit(w, w->director, &input, &outcome), &outcome);
    struct person_view person = person_of(w, id);
    assert_string_equal(person.name, "Lee Ann");
    assert_string_equal(person.email, "LeeAnn@example.org");
    assert_string_equal(person.position, "trustee");
    assert_int_equal(person.roles, ROLE_LEARNER | ROLE_SUPERVISOR);
    char day[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(person.held[0].began, day);
    assert_string_equal(day, "2024-02-01");
    struct person_input name_only = {id, "Lee B", NULL, 0, NULL, NULL};
    action_assert_done(edit(w, w->coordinator, &name_only, &outcome), &outcome);
    assert_string_equal(person_of(w, id).email, "LeeAnn@example.org");
    assert_int_equal(person_of(w, id).roles, ROLE_LEARNER | ROLE_SUPERVISOR);
}

static void test_an_edit_is_refused_naming_what_is_wrong(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    struct person_input taken = {w->learner, NULL, "director@EXAMPLE.org", 0, NULL, NULL};
    action_assert_refused(edit(w, w->coordinator, &taken, &outcome), &outcome, ACTION_BAD_INPUT,
                          "email");
    struct person_input missing = {999, "Nobody", NULL, 0, NULL, NULL};
    action_assert_refused(edit(w, w->coordinator, &missing, &outcome), &outcome, ACTION_NOT_FOUND,
                          "person");
    struct person_input outside = {w->other_learner, "Pat P", NULL, 0, NULL, NULL};
    action_assert_refused(edit(w, w->director, &outside, &outcome), &outcome, ACTION_NOT_ALLOWED,
                          NULL);
    struct person_input no_roles = {w->learner, NULL, NULL, 0, NULL, ""};
    action_assert_refused(edit(w, w->coordinator, &no_roles, &outcome), &outcome, ACTION_BAD_INPUT,
                          "roles");
    struct person_input state_person = {w->coordinator, NULL, NULL, 0, "staff", NULL};
    action_assert_refused(edit(w, w->coordinator, &state_person, &outcome), &outcome,
                          ACTION_BAD_INPUT, "position");
}

/* ---- deactivate ---- */

static enum ct_status deactivate(struct action_world *w, int64_t actor_id, int64_t person,
                                 struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, actor_id, TODAY);
    action_outcome_init(outcome);
    return action_person_deactivate(&w->store, &actor, &(struct person_id_input){person}, outcome);
}

static void test_a_deactivated_person_keeps_their_record_and_cannot_sign_in(void **state)
{
    struct action_world *w = *state;
    struct ct_err err = {0};
    int64_t id = 0;
    const char *roles[] = {"learner", NULL};
    test_ok(store_person_create(&w->store, 0,
                                &(struct person_new){"Pat Pass", "pass@example.org", w->library, 0,
                                                     roles, "correct horse battery"},
                                &id, &err),
            &err);
    action_world_workshop(w, id, "Kept", "2025-05-01", 2);
    struct action_outcome outcome;
    action_assert_done(deactivate(w, w->director, id, &outcome), &outcome);
    bool matches = true;
    test_ok(store_person_check_password(&w->store, id, "correct horse battery", &matches, &err),
            &err);
    assert_false(matches);
    struct person_roles person;
    bool found = false;
    test_ok(store_person_get_roles(&w->store, id, &person, &found, &err), &err);
    assert_true(found);
    assert_false(person.active);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities WHERE title = 'Kept'"),
                     1);
    action_assert_refused(deactivate(w, w->coordinator, id, &outcome), &outcome, ACTION_WRONG_STATE,
                          "person");
}

static void test_nobody_deactivates_themself_or_outside_their_library(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    action_assert_refused(deactivate(w, w->director, w->director, &outcome), &outcome,
                          ACTION_NOT_ALLOWED, "person");
    action_assert_refused(deactivate(w, w->director, w->other_learner, &outcome), &outcome,
                          ACTION_NOT_ALLOWED, NULL);
    action_assert_refused(deactivate(w, w->coordinator, 999, &outcome), &outcome, ACTION_NOT_FOUND,
                          "person");
}

/* ---- officers and derived verifiers ---- */

/* A library with a director, a staff member, a chair and two trustees. */
struct board {
    int64_t director, staff, chair, senior, junior;
};

static struct board board_of(struct action_world *w)
{
    struct board b;
    b.director = added(w, "Dee Director", "dee@example.org", w->other_library, "staff",
                       "learner 2019-01-01\nsupervisor\nlibrary-administrator");
    b.staff = added(w, "Stu Staff", "stu@example.org", w->other_library, "staff", "learner");
    b.chair = added(w, "Cher Chair", "cher@example.org", w->other_library, "trustee",
                    "learner 2001-01-01\nsupervisor");
    b.senior = added(w, "Sen Trustee", "sen@example.org", w->other_library, "trustee",
                     "learner 2010-01-01");
    b.junior = added(w, "Jun Trustee", "jun@example.org", w->other_library, "trustee",
                     "learner 2022-01-01");
    return b;
}

static void test_officers_derive_every_verifier_of_the_library(void **state)
{
    struct action_world *w = *state;
    struct board b = board_of(w);
    struct action_outcome outcome;
    action_assert_done(officers(w, w->coordinator, w->other_library, b.director, b.chair, &outcome),
                       &outcome);
    assert_int_equal(person_of(w, b.staff).verifier_id, b.director);
    assert_int_equal(person_of(w, b.director).verifier_id, b.chair);
    assert_int_equal(person_of(w, b.junior).verifier_id, b.chair);
    assert_int_equal(person_of(w, b.chair).verifier_id, b.senior);
    /* People without a position keep the verifier they had. */
    assert_int_equal(person_of(w, w->other_learner).verifier_id, w->other_director);
    /* A new staff member is verified by the director from the start. */
    int64_t hire = added(w, "New Hire", "new@example.org", w->other_library, "staff", "learner");
    assert_int_equal(person_of(w, hire).verifier_id, b.director);
    /* Deactivating the senior trustee passes the chair's verification to the next. */
    action_assert_done(deactivate(w, w->coordinator, b.senior, &outcome), &outcome);
    assert_int_equal(person_of(w, b.chair).verifier_id, b.junior);
    /* A director deactivated leaves the office empty. */
    action_assert_done(deactivate(w, w->coordinator, b.director, &outcome), &outcome);
    assert_int_equal(person_of(w, b.staff).verifier_id, 0);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM libraries WHERE director_id IS"
                                           " NOT NULL AND name LIKE 'Glacier%'"),
                     0);
}

static void test_officers_are_refused_naming_the_office(void **state)
{
    struct action_world *w = *state;
    struct board b = board_of(w);
    struct action_outcome outcome;
    action_assert_refused(
        officers(w, w->coordinator, w->other_library, b.chair, b.director, &outcome), &outcome,
        ACTION_BAD_INPUT, "director");
    assert_non_null(action_fault_of(&outcome, "board_chair"));
    action_assert_refused(officers(w, w->coordinator, w->other_library, w->learner, 0, &outcome),
                          &outcome, ACTION_BAD_INPUT, "director");
    action_assert_refused(officers(w, w->coordinator, 999, 0, 0, &outcome), &outcome,
                          ACTION_BAD_INPUT, "library");
    action_assert_refused(officers(w, w->director, w->other_library, b.director, b.chair, &outcome),
                          &outcome, ACTION_NOT_ALLOWED, NULL);
    /* The administrator of the library names them. */
    action_assert_done(officers(w, b.director, w->other_library, b.director, b.chair, &outcome),
                       &outcome);
}

static enum ct_status verifier(struct action_world *w, int64_t actor_id, int64_t person,
                               int64_t verifier_id, struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, actor_id, TODAY);
    action_outcome_init(outcome);
    struct person_verifier_input input = {person, verifier_id};
    return action_person_verifier(&w->store, &actor, &input, outcome);
}

static void test_a_verifier_set_by_hand_stays_until_cleared(void **state)
{
    struct action_world *w = *state;
    struct board b = board_of(w);
    struct action_outcome outcome;
    action_assert_done(verifier(w, w->coordinator, b.staff, b.junior, &outcome), &outcome);
    action_assert_done(officers(w, w->coordinator, w->other_library, b.director, b.chair, &outcome),
                       &outcome);
    struct person_view staff = person_of(w, b.staff);
    assert_int_equal(staff.verifier_id, b.junior);
    assert_true(staff.verifier_by_hand);
    action_assert_done(verifier(w, w->coordinator, b.staff, 0, &outcome), &outcome);
    staff = person_of(w, b.staff);
    assert_int_equal(staff.verifier_id, b.director);
    assert_false(staff.verifier_by_hand);
    action_assert_refused(verifier(w, w->coordinator, b.staff, b.staff, &outcome), &outcome,
                          ACTION_BAD_INPUT, "verifier");
    action_assert_refused(verifier(w, w->coordinator, b.staff, 999, &outcome), &outcome,
                          ACTION_BAD_INPUT, "verifier");
    action_assert_refused(verifier(w, w->director, b.staff, b.chair, &outcome), &outcome,
                          ACTION_NOT_ALLOWED, NULL);
}

/* ---- moves ---- */

static enum ct_status move(struct action_world *w, int64_t actor_id,
                           const struct person_move_input *input, struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, actor_id, TODAY);
    action_outcome_init(outcome);
    return action_person_move(&w->store, &actor, input, outcome);
}

static void test_a_move_is_recorded_and_leaves_the_old_office_empty(void **state)
{
    struct action_world *w = *state;
    struct board b = board_of(w);
    struct action_outcome outcome;
    action_assert_done(officers(w, w->coordinator, w->other_library, b.director, b.chair, &outcome),
                       &outcome);
    struct person_move_input input = {b.director, w->library, "2026-02-15", NULL};
    action_assert_done(move(w, w->coordinator, &input, &outcome), &outcome);
    assert_int_equal(person_of(w, b.director).library_id, w->library);
    assert_int_equal(person_of(w, b.staff).verifier_id, 0);
    struct store_rows rows = {.size = sizeof(struct person_move_row)};
    struct ct_err err = {0};
    test_ok(store_person_moves(&w->store, b.director, &rows, &err), &err);
    assert_int_equal(rows.count, 1);
    const struct person_move_row *row = rows.items;
    assert_string_equal(row->from_library, "Glacier County Library");
    assert_string_equal(row->to_library, "Bitterroot Public Library");
    assert_string_equal(row->moved_on, "2026-02-15");
    assert_string_equal(row->recorded_by, "Casey Coordinator");
    store_rows_release(&rows);
}

static void test_a_move_is_refused_naming_what_is_wrong(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    struct person_move_input same = {w->learner, w->library, NULL, NULL};
    action_assert_refused(move(w, w->coordinator, &same, &outcome), &outcome, ACTION_BAD_INPUT,
                          "library");
    struct person_move_input unknown = {w->learner, 999, "2026-02-30", NULL};
    action_assert_refused(move(w, w->coordinator, &unknown, &outcome), &outcome, ACTION_BAD_INPUT,
                          "library");
    assert_non_null(action_fault_of(&outcome, "moved_on"));
    /* The world's people have no position: the move names one. */
    struct person_move_input no_position = {w->learner, w->other_library, NULL, NULL};
    action_assert_refused(move(w, w->coordinator, &no_position, &outcome), &outcome,
                          ACTION_BAD_INPUT, "position");
    struct person_move_input by_director = {w->learner, w->other_library, NULL, "staff"};
    action_assert_refused(move(w, w->director, &by_director, &outcome), &outcome,
                          ACTION_NOT_ALLOWED, NULL);
    action_assert_done(deactivate(w, w->coordinator, w->learner, &outcome), &outcome);
    action_assert_refused(move(w, w->coordinator, &by_director, &outcome), &outcome,
                          ACTION_WRONG_STATE, "person");
}

/* ---- merges ---- */

static enum ct_status merge(struct action_world *w, int64_t actor_id, int64_t merged, int64_t into,
                            struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, actor_id, TODAY);
    action_outcome_init(outcome);
    struct person_merge_input input = {merged, into};
    return action_person_merge(&w->store, &actor, &input, outcome);
}

static const char *const tables[] = {
    "activities", "tracks",     "certificates",         "plan_versions",
    "sessions",   "api_tokens", "lms_accounts",         "account_links",
    "people",     "libraries",  "person_library_moves", "library_consultants",
};

static void counts(struct action_world *w, int64_t *out)
{
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        char text[128];
        snprintf(text, sizeof text, "SELECT COUNT(*) FROM %s", tables[i]);
        out[i] = action_world_count(w, text);
    }
}

static void test_a_merge_moves_everything_and_loses_nothing(void **state)
{
    struct action_world *w = *state;
    int64_t twin = added(w, "Sam Staff", "sam.staff@example.org", w->library, "staff",
                         "learner 2020-01-01\nsupervisor");
    action_world_workshop(w, twin, "Twin's workshop", "2025-04-01", 2);
    action_world_enroll(w, twin, "msl-trustee", "2025-01-01");
    struct ct_err err = {0};
    char token[API_TOKEN_SIZE], session[SESSION_TOKEN_SIZE], csrf[SESSION_TOKEN_SIZE];
    int64_t token_id = 0;
    test_ok(store_token_create(&w->store, 0, twin, "script", 1, token, &token_id, &err), &err);
    test_ok(store_session_create(&w->store, twin, 1, session, csrf, &err), &err);
    struct person_move_input input = {twin, w->other_library, "2025-06-01", NULL};
    struct action_outcome outcome;
    action_assert_done(move(w, w->coordinator, &input, &outcome), &outcome);
    int64_t before[sizeof tables / sizeof tables[0]], after[sizeof tables / sizeof tables[0]];
    counts(w, before);
    int64_t roles = action_world_count(w, "SELECT COUNT(*) FROM person_roles");
    action_assert_done(merge(w, w->coordinator, twin, w->learner, &outcome), &outcome);
    counts(w, after);
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        if (before[i] != after[i]) {
            fail_msg("%s: %lld rows before, %lld after", tables[i], (long long)before[i],
                     (long long)after[i]);
        }
    }
    /* The union of the roles: learner was on both. */
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM person_roles"), roles - 1);
    char check[1024];
    snprintf(check, sizeof check,
             "SELECT (SELECT COUNT(*) FROM activities WHERE person_id = %lld)"
             " + (SELECT COUNT(*) FROM tracks WHERE person_id = %lld)"
             " + (SELECT COUNT(*) FROM api_tokens WHERE person_id = %lld)"
             " + (SELECT COUNT(*) FROM sessions WHERE person_id = %lld)"
             " + (SELECT COUNT(*) FROM person_library_moves WHERE person_id = %lld)",
             (long long)twin, (long long)twin, (long long)twin, (long long)twin, (long long)twin);
    assert_int_equal(action_world_count(w, check), 0);
    struct person_view kept = person_of(w, w->learner);
    assert_int_equal(kept.roles, ROLE_LEARNER | ROLE_SUPERVISOR);
    struct person_view gone = person_of(w, twin);
    assert_int_equal(gone.merged_into, w->learner);
    assert_string_not_equal(gone.deactivated_at, "");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM person_merges"), 1);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_string_equal(seen.action, "merge");
    assert_int_equal(seen.entity_id, w->learner);
    /* A record merged already is merged no more; nothing merges into it. */
    action_assert_refused(merge(w, w->coordinator, twin, w->other_learner, &outcome), &outcome,
                          ACTION_WRONG_STATE, "person");
    action_assert_refused(merge(w, w->coordinator, w->other_learner, twin, &outcome), &outcome,
                          ACTION_WRONG_STATE, "into");
}

static void test_a_merge_is_refused_into_itself_or_by_anyone_else(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    action_assert_refused(merge(w, w->coordinator, w->learner, w->learner, &outcome), &outcome,
                          ACTION_BAD_INPUT, "into");
    action_assert_refused(merge(w, w->director, w->learner, w->other_learner, &outcome), &outcome,
                          ACTION_NOT_ALLOWED, NULL);
    action_assert_refused(merge(w, w->coordinator, 999, w->learner, &outcome), &outcome,
                          ACTION_NOT_FOUND, "person");
    action_assert_done(deactivate(w, w->coordinator, w->other_learner, &outcome), &outcome);
    action_assert_refused(merge(w, w->coordinator, w->learner, w->other_learner, &outcome),
                          &outcome, ACTION_WRONG_STATE, "into");
}

static void test_a_merge_that_the_schema_forbids_names_the_conflict(void **state)
{
    struct action_world *w = *state;
    action_world_workshop(w, w->learner, "Same", "2025-04-01", 2);
    action_world_workshop(w, w->other_learner, "Same", "2025-04-01", 2);
    sql(w, "UPDATE activities SET record_key = 'shared-key' WHERE title = 'Same'");
    int64_t entries = action_world_count(w, "SELECT COUNT(*) FROM audit_log");
    struct action_outcome outcome;
    action_assert_refused(merge(w, w->coordinator, w->other_learner, w->learner, &outcome),
                          &outcome, ACTION_WRONG_STATE, "person");
    assert_non_null(strstr(outcome.err.message, "shared-key"));
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM audit_log"), entries);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM people WHERE merged_into IS NOT"
                                           " NULL"),
                     0);
}

static void test_closed_libraries_deactivated_verifiers_and_merged_records_are_refused(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    action_assert_done(deactivate(w, w->coordinator, w->other_director, &outcome), &outcome);
    action_assert_refused(verifier(w, w->coordinator, w->learner, w->other_director, &outcome),
                          &outcome, ACTION_BAD_INPUT, "verifier");
    action_assert_done(merge(w, w->coordinator, w->other_learner, w->learner, &outcome), &outcome);
    struct person_input rename = {w->other_learner, "Pat Again", NULL, 0, NULL, NULL};
    action_assert_refused(edit(w, w->coordinator, &rename, &outcome), &outcome, ACTION_WRONG_STATE,
                          "person");
    sql(w, "UPDATE libraries SET closed_on = '2025-01-01' WHERE name LIKE 'Glacier%'");
    action_assert_refused(officers(w, w->coordinator, w->other_library, 0, 0, &outcome), &outcome,
                          ACTION_BAD_INPUT, "library");
    struct person_move_input to_closed = {w->learner, w->other_library, NULL, "staff"};
    action_assert_refused(move(w, w->coordinator, &to_closed, &outcome), &outcome, ACTION_BAD_INPUT,
                          "library");
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_the_coordinator_adds_a_person_with_the_day_each_role_began),
        T(test_every_bad_field_of_an_added_person_is_named),
        T(test_an_e_mail_is_taken_whatever_its_case),
        T(test_the_library_must_exist_be_open_and_suit_the_position),
        T(test_a_library_administrator_adds_to_their_own_library_only),
        T(test_an_edit_changes_the_fields_given_and_keeps_a_roles_day),
        T(test_an_edit_is_refused_naming_what_is_wrong),
        T(test_a_deactivated_person_keeps_their_record_and_cannot_sign_in),
        T(test_nobody_deactivates_themself_or_outside_their_library),
        T(test_officers_derive_every_verifier_of_the_library),
        T(test_officers_are_refused_naming_the_office),
        T(test_a_verifier_set_by_hand_stays_until_cleared),
        T(test_a_move_is_recorded_and_leaves_the_old_office_empty),
        T(test_a_move_is_refused_naming_what_is_wrong),
        T(test_a_merge_moves_everything_and_loses_nothing),
        T(test_a_merge_is_refused_into_itself_or_by_anyone_else),
        T(test_a_merge_that_the_schema_forbids_names_the_conflict),
        T(test_closed_libraries_deactivated_verifiers_and_merged_records_are_refused),
    };
#undef T
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
