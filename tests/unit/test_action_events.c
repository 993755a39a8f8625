/* Registering for a catalog event, cancelling, and the host's record of attendance:
 * refused when full, outside the window or twice; each attendee credited once. */
#include "helpers.h"

#include <string.h>

#include "action_world.h"
#include "actions/catalog.h"
#include "actions/events.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("action-events");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

/* An event on 2026-07-01 the director hosts, two seats, registration 06-10 to 06-25. */
static int64_t add_event(struct action_world *w, const char *capacity)
{
    char host[32];
    snprintf(host, sizeof host, "%lld", (long long)w->director);
    struct catalog_event_input input = {.title = "Story Time Skills",
                                        .kind = "workshop",
                                        .starts = "2026-07-01",
                                        .sponsor = "MSL",
                                        .credits = "2",
                                        .category = "collection-management",
                                        .place = "Helena",
                                        .capacity = capacity,
                                        .opens = "2026-06-10",
                                        .closes = "2026-06-25",
                                        .host = host};
    struct actor actor = action_world_actor(w, w->coordinator, "2026-06-01");
    struct catalog_event_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_catalog_event_add(&w->store, &actor, &input, &result, &outcome),
                       &outcome);
    return result.id;
}

static enum ct_status do_register(struct action_world *w, int64_t person, int64_t event,
                                  const char *today, struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, person, today);
    struct event_register_input input = {event};
    struct event_register_result result;
    action_outcome_init(outcome);
    return action_event_register(&w->store, &actor, &input, &result, outcome);
}

static enum ct_status do_cancel(struct action_world *w, int64_t person, int64_t event,
                                const char *today, struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, person, today);
    struct event_cancel_input input = {event};
    action_outcome_init(outcome);
    return action_event_cancel(&w->store, &actor, &input, outcome);
}

static int64_t registration_of(struct action_world *w, int64_t person)
{
    char sql[160];
    snprintf(sql, sizeof sql,
             "SELECT id FROM event_registrations WHERE person_id = %lld AND cancelled_at IS NULL",
             (long long)person);
    return action_world_count(w, sql);
}

static enum ct_status attend(struct action_world *w, int64_t recorder, int64_t event,
                             const char *today, int64_t registration,
                             struct event_attendance_result *result, struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, recorder, today);
    struct event_attendance_input input = {.event_id = event};
    input.registration_ids.ids[0] = registration;
    input.registration_ids.count = 1;
    action_outcome_init(outcome);
    return action_event_attendance(&w->store, &actor, &input, result, outcome);
}

static void test_the_coordinator_adds_an_event_with_its_details(void **state)
{
    struct action_world *w = *state;
    add_event(w, "2");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM events WHERE capacity = 2 AND"
                                           " place = 'Helena' AND registration_opens ="
                                           " '2026-06-10' AND registration_closes = '2026-06-25'"
                                           " AND host_id IS NOT NULL"),
                     1);
}

static void test_bad_details_are_named_by_field(void **state)
{
    struct action_world *w = *state;
    struct catalog_event_input input = {.title = "X",
                                        .kind = "workshop",
                                        .starts = "2026-07-01",
                                        .sponsor = "MSL",
                                        .credits = "2",
                                        .category = "collection-management",
                                        .online_url = "not a link",
                                        .capacity = "many",
                                        .opens = "soon",
                                        .host = "nobody@example.org"};
    struct actor actor = action_world_actor(w, w->coordinator, "2026-06-01");
    struct catalog_event_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_refused(action_catalog_event_add(&w->store, &actor, &input, &result, &outcome),
                          &outcome, ACTION_BAD_INPUT, "online_url");
    assert_non_null(action_fault_of(&outcome, "capacity"));
    assert_non_null(action_fault_of(&outcome, "opens"));
    assert_non_null(action_fault_of(&outcome, "host"));
    input = (struct catalog_event_input){.title = "X",
                                         .kind = "workshop",
                                         .starts = "2026-07-01",
                                         .sponsor = "MSL",
                                         .credits = "2",
                                         .category = "collection-management",
                                         .closes = "2026-07-02"};
    action_outcome_init(&outcome);
    action_assert_refused(action_catalog_event_add(&w->store, &actor, &input, &result, &outcome),
                          &outcome, ACTION_BAD_INPUT, "closes");
}

static void test_registering_inside_the_window_once(void **state)
{
    struct action_world *w = *state;
    int64_t event = add_event(w, "2");
    struct action_outcome outcome;
    action_assert_refused(do_register(w, w->learner, event, "2026-06-09", &outcome), &outcome,
                          ACTION_WRONG_STATE, "event");
    assert_string_equal(outcome.err.message, "Registration for this event has not opened yet.");
    action_assert_done(do_register(w, w->learner, event, "2026-06-10", &outcome), &outcome);
    action_assert_refused(do_register(w, w->learner, event, "2026-06-11", &outcome), &outcome,
                          ACTION_WRONG_STATE, "event");
    assert_string_equal(outcome.err.message, "You are registered for this event already.");
    action_assert_refused(do_register(w, w->other_learner, event, "2026-06-26", &outcome), &outcome,
                          ACTION_WRONG_STATE, "event");
    assert_string_equal(outcome.err.message, "Registration for this event has closed.");
    action_assert_done(do_register(w, w->other_learner, event, "2026-06-25", &outcome), &outcome);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_string_equal(seen.entity, "event_registrations");
    assert_string_equal(seen.action, "register");
    action_assert_refused(do_register(w, w->learner, event + 99, "2026-06-12", &outcome), &outcome,
                          ACTION_NOT_FOUND, NULL);
}

static void test_a_full_event_refuses_until_a_seat_is_free(void **state)
{
    struct action_world *w = *state;
    int64_t event = add_event(w, "1");
    struct action_outcome outcome;
    action_assert_done(do_register(w, w->learner, event, "2026-06-12", &outcome), &outcome);
    action_assert_refused(do_register(w, w->other_learner, event, "2026-06-12", &outcome), &outcome,
                          ACTION_WRONG_STATE, "event");
    assert_string_equal(outcome.err.message, "This event is full: every seat is taken.");
    action_assert_done(do_cancel(w, w->learner, event, "2026-06-13", &outcome), &outcome);
    action_assert_refused(do_cancel(w, w->learner, event, "2026-06-13", &outcome), &outcome,
                          ACTION_NOT_FOUND, "event");
    action_assert_done(do_register(w, w->other_learner, event, "2026-06-13", &outcome), &outcome);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM event_registrations WHERE"
                                           " cancelled_at IS NOT NULL"),
                     1);
}

static void test_attendance_is_credited_once(void **state)
{
    struct action_world *w = *state;
    int64_t event = add_event(w, NULL);
    struct action_outcome outcome;
    action_assert_done(do_register(w, w->learner, event, "2026-06-12", &outcome), &outcome);
    int64_t registration = registration_of(w, w->learner);
    struct event_attendance_result result;
    action_assert_refused(
        attend(w, w->director, event, "2026-06-30", registration, &result, &outcome), &outcome,
        ACTION_WRONG_STATE, "event");
    action_assert_refused(
        attend(w, w->other_director, event, "2026-07-01", registration, &result, &outcome),
        &outcome, ACTION_NOT_ALLOWED, NULL);
    action_assert_done(attend(w, w->director, event, "2026-07-01", registration, &result, &outcome),
                       &outcome);
    assert_int_equal(result.credited, 1);
    assert_int_equal(result.recorded, 1);
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT COUNT(*) FROM activities WHERE person_id = %lld AND event_id = %lld AND"
             " status = 'verified' AND status_by = %lld AND credit_halves = 4 AND"
             " date = '2026-07-01'",
             (long long)w->learner, (long long)event, (long long)w->director);
    assert_int_equal(action_world_count(w, sql), 1);
    action_assert_done(
        attend(w, w->coordinator, event, "2026-07-02", registration, &result, &outcome), &outcome);
    assert_int_equal(result.credited, 0);
    assert_int_equal(result.recorded, 0);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities WHERE event_id IS NOT"
                                           " NULL"),
                     1);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM event_registrations WHERE"
                                           " attended = 1 AND activity_id IS NOT NULL"),
                     1);
    action_assert_refused(do_cancel(w, w->learner, event, "2026-07-01", &outcome), &outcome,
                          ACTION_WRONG_STATE, "event");
}

static void test_attendance_of_a_claimed_event_names_the_claim(void **state)
{
    struct action_world *w = *state;
    int64_t event = add_event(w, NULL);
    struct action_outcome outcome;
    action_assert_done(do_register(w, w->learner, event, "2026-06-12", &outcome), &outcome);
    char sql[300];
    snprintf(sql, sizeof sql,
             "INSERT INTO activities (person_id, record_key, kind, title, date, credit_halves,"
             " category, status, provenance, event_id, created_at) VALUES (%lld, 'c1',"
             " 'workshop', 'Story Time Skills', '2026-07-01', 4, 'collection-management',"
             " 'pending', 'claim', %lld, '2026-07-01T00:00:00Z') RETURNING 1",
             (long long)w->learner, (long long)event);
    assert_int_equal(action_world_count(w, sql), 1);
    struct event_attendance_result result;
    action_assert_done(attend(w, w->director, event, "2026-07-01", registration_of(w, w->learner),
                              &result, &outcome),
                       &outcome);
    assert_int_equal(result.credited, 0);
    assert_int_equal(result.recorded, 1);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities WHERE event_id IS NOT"
                                           " NULL"),
                     1);
}

static void test_a_registration_of_another_event_is_refused(void **state)
{
    struct action_world *w = *state;
    int64_t event = add_event(w, NULL);
    struct event_attendance_result result;
    struct action_outcome outcome;
    action_assert_refused(attend(w, w->coordinator, event, "2026-07-01", 424242, &result, &outcome),
                          &outcome, ACTION_BAD_INPUT, "attended");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_the_coordinator_adds_an_event_with_its_details, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_bad_details_are_named_by_field, setup, teardown),
        cmocka_unit_test_setup_teardown(test_registering_inside_the_window_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_full_event_refuses_until_a_seat_is_free, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_attendance_is_credited_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_attendance_of_a_claimed_event_names_the_claim, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_registration_of_another_event_is_refused, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
