/* Editing and withdrawing a catalog event (actions/events.h), and the calendar's list of
 * upcoming events (store/store_events.h): only the coordinator, every field at fault
 * named, a withdrawn event taking no registrations nor attendance, keeping what was
 * recorded, gone from the page's list and cancelled in the feed's. */
#include "helpers.h"

#include <string.h>

#include "action_world.h"
#include "actions/catalog.h"
#include "actions/events.h"
#include "store/store_events.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("action-event-edit");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static const struct catalog_event_input story_time = {.title = "Story Time Skills",
                                                      .kind = "workshop",
                                                      .starts = "2026-07-01",
                                                      .sponsor = "MSL",
                                                      .credits = "2",
                                                      .category = "collection-management",
                                                      .place = "Helena",
                                                      .opens = "2026-06-10",
                                                      .closes = "2026-06-25"};

static int64_t add_event(struct action_world *w, struct catalog_event_input input)
{
    struct actor actor = action_world_actor(w, w->coordinator, "2026-06-01");
    struct catalog_event_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_catalog_event_add(&w->store, &actor, &input, &result, &outcome),
                       &outcome);
    return result.id;
}

static enum ct_status edit(struct action_world *w, int64_t person, int64_t event,
                           struct catalog_event_input fields, struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, person, "2026-06-12");
    struct event_edit_input input = {.event_id = event, .fields = fields};
    action_outcome_init(outcome);
    return action_event_edit(&w->store, &actor, &input, outcome);
}

static enum ct_status withdraw(struct action_world *w, int64_t person, int64_t event,
                               struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, person, "2026-06-12");
    struct event_withdraw_input input = {event};
    action_outcome_init(outcome);
    return action_event_withdraw(&w->store, &actor, &input, outcome);
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

static void test_the_coordinator_edits_an_event(void **state)
{
    struct action_world *w = *state;
    int64_t event = add_event(w, story_time);
    struct catalog_event_input fields = story_time;
    fields.title = "Story Time Skills, Part 2";
    fields.ends = "2026-07-02";
    fields.credits = "3.5";
    fields.place = NULL;
    fields.online_url = "https://meet.example.org/story";
    fields.capacity = "12";
    fields.closes = "2026-06-30";
    struct action_outcome outcome;
    action_assert_done(edit(w, w->coordinator, event, fields, &outcome), &outcome);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM events WHERE title ="
                                           " 'Story Time Skills, Part 2' AND ends = '2026-07-02'"
                                           " AND credit_halves = 7 AND place IS NULL AND"
                                           " online_url = 'https://meet.example.org/story' AND"
                                           " capacity = 12 AND registration_closes = '2026-06-30'"),
                     1);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM audit_log WHERE entity ="
                                           " 'events' AND action = 'edit'"),
                     1);
}

static void test_only_the_coordinator_edits_and_withdraws(void **state)
{
    struct action_world *w = *state;
    int64_t event = add_event(w, story_time);
    struct action_outcome outcome;
    action_assert_refused(edit(w, w->director, event, story_time, &outcome), &outcome,
                          ACTION_NOT_ALLOWED, NULL);
    action_assert_refused(withdraw(w, w->learner, event, &outcome), &outcome, ACTION_NOT_ALLOWED,
                          NULL);
    action_assert_refused(edit(w, w->coordinator, 424242, story_time, &outcome), &outcome,
                          ACTION_NOT_FOUND, "event");
    action_assert_refused(withdraw(w, w->coordinator, 424242, &outcome), &outcome, ACTION_NOT_FOUND,
                          "event");
}

static void test_every_field_at_fault_is_named(void **state)
{
    struct action_world *w = *state;
    int64_t event = add_event(w, story_time);
    struct catalog_event_input fields = story_time;
    fields.title = "";
    fields.credits = "two";
    fields.capacity = "0";
    fields.host = "nobody@example.org";
    struct action_outcome outcome;
    action_assert_refused(edit(w, w->coordinator, event, fields, &outcome), &outcome,
                          ACTION_BAD_INPUT, "title");
    assert_non_null(action_fault_of(&outcome, "credits"));
    assert_non_null(action_fault_of(&outcome, "capacity"));
    assert_non_null(action_fault_of(&outcome, "host"));
    fields = story_time;
    fields.closes = "2026-07-05";
    action_assert_refused(edit(w, w->coordinator, event, fields, &outcome), &outcome,
                          ACTION_BAD_INPUT, "closes");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM audit_log WHERE action = 'edit'"),
                     0);
}

static void test_a_withdrawn_event_takes_nothing_more_and_keeps_what_was_recorded(void **state)
{
    struct action_world *w = *state;
    struct catalog_event_input input = story_time;
    input.starts = "2026-06-12";
    input.opens = "2026-06-01";
    input.closes = NULL;
    int64_t event = add_event(w, input);
    struct action_outcome outcome;
    action_assert_done(do_register(w, w->learner, event, "2026-06-12", &outcome), &outcome);
    struct actor actor = action_world_actor(w, w->coordinator, "2026-06-12");
    struct event_attendance_input attendance = {.event_id = event};
    attendance.registration_ids.ids[0] =
        action_world_count(w, "SELECT id FROM event_registrations");
    attendance.registration_ids.count = 1;
    struct event_attendance_result result = {0};
    action_outcome_init(&outcome);
    action_assert_done(action_event_attendance(&w->store, &actor, &attendance, &result, &outcome),
                       &outcome);
    assert_int_equal(result.credited, 1);
    action_assert_done(withdraw(w, w->coordinator, event, &outcome), &outcome);
    action_assert_refused(withdraw(w, w->coordinator, event, &outcome), &outcome,
                          ACTION_WRONG_STATE, "event");
    action_assert_refused(do_register(w, w->other_learner, event, "2026-06-12", &outcome), &outcome,
                          ACTION_WRONG_STATE, "event");
    action_outcome_init(&outcome);
    action_assert_refused(
        action_event_attendance(&w->store, &actor, &attendance, &result, &outcome), &outcome,
        ACTION_WRONG_STATE, "event");
    action_assert_refused(edit(w, w->coordinator, event, story_time, &outcome), &outcome,
                          ACTION_WRONG_STATE, "event");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities WHERE status ="
                                           " 'verified' AND event_id IS NOT NULL"),
                     1);
    assert_int_equal(action_world_count(w, "SELECT attended FROM event_registrations"), 1);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM audit_log WHERE entity ="
                                           " 'events' AND action = 'withdraw'"),
                     1);
}

/* The titles of the upcoming events on today, comma-separated, "*" after a withdrawn
 * one. */
static void upcoming(struct action_world *w, const char *today, bool with_withdrawn, char *out,
                     size_t size)
{
    struct arena arena;
    arena_init(&arena);
    struct store_calendar_event *rows = NULL;
    size_t count = 0;
    struct ct_err err = {0};
    struct civil_date day;
    assert_true(civil_date_parse(today, &day));
    assert_int_equal(
        store_events_upcoming(&w->store, day, with_withdrawn, &arena, &rows, &count, &err), CT_OK);
    out[0] = '\0';
    for (size_t i = 0; i < count; i++) {
        size_t used = strlen(out);
        snprintf(out + used, size - used, "%s%s%s", i > 0 ? "," : "", rows[i].title,
                 rows[i].withdrawn ? "*" : "");
    }
    arena_release(&arena);
}

static void test_the_calendar_lists_the_events_that_have_not_ended(void **state)
{
    struct action_world *w = *state;
    struct catalog_event_input input = story_time;
    const char *const days[][3] = {{"Ended", "2026-06-10", "2026-06-14"},
                                   {"Today", "2026-06-15", NULL},
                                   {"Ongoing", "2026-06-14", "2026-06-16"},
                                   {"Later", "2026-08-01", NULL},
                                   {"Withdrawn", "2026-07-01", NULL}};
    int64_t ids[5];
    for (int i = 0; i < 5; i++) {
        input = story_time;
        input.title = days[i][0];
        input.starts = days[i][1];
        input.ends = days[i][2];
        input.opens = input.closes = NULL;
        ids[i] = add_event(w, input);
    }
    struct action_outcome outcome;
    action_assert_done(withdraw(w, w->coordinator, ids[4], &outcome), &outcome);
    char titles[256];
    upcoming(w, "2026-06-15", false, titles, sizeof titles);
    assert_string_equal(titles, "Ongoing,Today,Later");
    upcoming(w, "2026-06-15", true, titles, sizeof titles);
    assert_string_equal(titles, "Ongoing,Today,Withdrawn*,Later");
    upcoming(w, "2026-06-16", false, titles, sizeof titles);
    assert_string_equal(titles, "Ongoing,Later");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_the_coordinator_edits_an_event, setup, teardown),
        cmocka_unit_test_setup_teardown(test_only_the_coordinator_edits_and_withdraws, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_every_field_at_fault_is_named, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_a_withdrawn_event_takes_nothing_more_and_keeps_what_was_recorded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_calendar_lists_the_events_that_have_not_ended,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
