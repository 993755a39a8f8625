/* Recording attendance from a roster CSV (actions/event_roster_upload.h): all or nothing,
 * every line at fault named, each attendee credited once, a walk-in registered, only the
 * host or the coordinator. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "action_world.h"
#include "actions/catalog.h"
#include "actions/event_roster_upload.h"
#include "actions/events.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("action-roster-upload");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

/* An event on 2026-07-01 the director hosts. */
static int64_t add_event(struct action_world *w)
{
    char host[32];
    snprintf(host, sizeof host, "%lld", (long long)w->director);
    struct catalog_event_input input = {.title = "Story Time Skills",
                                        .kind = "workshop",
                                        .starts = "2026-07-01",
                                        .sponsor = "MSL",
                                        .credits = "2",
                                        .category = "collection-management",
                                        .host = host};
    struct actor actor = action_world_actor(w, w->coordinator, "2026-06-01");
    struct catalog_event_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_catalog_event_add(&w->store, &actor, &input, &result, &outcome),
                       &outcome);
    return result.id;
}

static void do_register(struct action_world *w, int64_t person, int64_t event)
{
    struct actor actor = action_world_actor(w, person, "2026-06-20");
    struct event_register_input input = {event};
    struct event_register_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_event_register(&w->store, &actor, &input, &result, &outcome),
                       &outcome);
}

/* Uploads text as the file, as recorder on today, into *result (the caller releases its
 * lines). */
static enum ct_status upload(struct action_world *w, int64_t recorder, int64_t event,
                             const char *today, const char *text,
                             struct event_roster_upload_result *result,
                             struct action_outcome *outcome)
{
    FILE *file = fmemopen((void *)text, strlen(text), "r");
    assert_non_null(file);
    struct actor actor = action_world_actor(w, recorder, today);
    struct event_roster_upload_input input = {event, file};
    *result = (struct event_roster_upload_result){.lines = {.size = sizeof(struct roster_line)}};
    action_outcome_init(outcome);
    enum ct_status status = action_event_roster_upload(&w->store, &actor, &input, result, outcome);
    fclose(file);
    return status;
}

static const struct roster_line *line_of(const struct event_roster_upload_result *result, size_t i)
{
    assert_true(i < result->lines.count);
    return &((const struct roster_line *)result->lines.items)[i];
}

static int64_t credited(struct action_world *w, int64_t event)
{
    char sql[160];
    snprintf(sql, sizeof sql,
             "SELECT COUNT(*) FROM activities WHERE event_id = %lld AND status = 'verified'",
             (long long)event);
    return action_world_count(w, sql);
}

static void test_a_file_credits_each_attendee_once(void **state)
{
    struct action_world *w = *state;
    int64_t event = add_event(w);
    do_register(w, w->learner, event);
    char text[256];
    snprintf(text, sizeof text, "name,person_id\nLearner,%lld\nWalk-in,%lld\nAgain,%lld\n",
             (long long)w->learner, (long long)w->other_learner, (long long)w->learner);
    struct event_roster_upload_result result;
    struct action_outcome outcome;
    action_assert_done(upload(w, w->director, event, "2026-07-01", text, &result, &outcome),
                       &outcome);
    assert_int_equal(result.credited, 2);
    assert_int_equal(line_of(&result, 0)->outcome, ROSTER_LINE_CREDITED);
    assert_int_equal(line_of(&result, 0)->line, 2);
    assert_false(line_of(&result, 0)->walk_in);
    assert_int_equal(line_of(&result, 1)->outcome, ROSTER_LINE_CREDITED);
    assert_true(line_of(&result, 1)->walk_in);
    assert_int_equal(line_of(&result, 2)->outcome, ROSTER_LINE_REPEATED);
    store_rows_release(&result.lines);
    assert_int_equal(credited(w, event), 2);
    action_assert_done(upload(w, w->coordinator, event, "2026-07-02", text, &result, &outcome),
                       &outcome);
    assert_int_equal(result.credited, 0);
    assert_int_equal(result.recorded, 0);
    assert_int_equal(line_of(&result, 0)->outcome, ROSTER_LINE_ALREADY);
    assert_int_equal(line_of(&result, 1)->outcome, ROSTER_LINE_ALREADY);
    store_rows_release(&result.lines);
    assert_int_equal(credited(w, event), 2);
}

static void test_a_line_at_fault_records_nothing(void **state)
{
    struct action_world *w = *state;
    int64_t event = add_event(w);
    do_register(w, w->learner, event);
    int64_t audit = action_world_count(w, "SELECT COUNT(*) FROM audit_log");
    char text[256];
    snprintf(text, sizeof text, "email,person_id\n,%lld\nnobody@example.org,\n,\n,4x\n",
             (long long)w->learner);
    struct event_roster_upload_result result;
    struct action_outcome outcome;
    action_assert_refused(upload(w, w->director, event, "2026-07-01", text, &result, &outcome),
                          &outcome, ACTION_BAD_INPUT, "file");
    assert_int_equal(result.at_fault, 3);
    assert_int_equal(line_of(&result, 0)->outcome, ROSTER_LINE_TAKEN);
    assert_int_equal(line_of(&result, 1)->outcome, ROSTER_LINE_AT_FAULT);
    assert_int_equal(line_of(&result, 1)->line, 3);
    assert_string_equal(line_of(&result, 1)->problem,
                        "No one has this e-mail address or person id.");
    assert_string_equal(line_of(&result, 2)->problem,
                        "The line gives no e-mail address and no person id.");
    assert_string_equal(line_of(&result, 3)->problem, "A person id is a whole number.");
    store_rows_release(&result.lines);
    assert_int_equal(credited(w, event), 0);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM audit_log"), audit);
}

static void test_a_file_not_a_roster_is_refused(void **state)
{
    struct action_world *w = *state;
    int64_t event = add_event(w);
    struct event_roster_upload_result result;
    struct action_outcome outcome;
    action_assert_refused(
        upload(w, w->director, event, "2026-07-01", "name\nX\n", &result, &outcome), &outcome,
        ACTION_BAD_INPUT, "file");
    store_rows_release(&result.lines);
    action_assert_refused(upload(w, w->director, event, "2026-07-01", "email\n", &result, &outcome),
                          &outcome, ACTION_BAD_INPUT, "file");
    store_rows_release(&result.lines);
}

static void test_only_the_host_or_the_coordinator_uploads_from_the_first_day(void **state)
{
    struct action_world *w = *state;
    int64_t event = add_event(w);
    struct event_roster_upload_result result;
    struct action_outcome outcome;
    action_assert_refused(
        upload(w, w->learner, event, "2026-07-01", "email\nx@example.org\n", &result, &outcome),
        &outcome, ACTION_NOT_ALLOWED, NULL);
    store_rows_release(&result.lines);
    action_assert_refused(
        upload(w, w->director, event, "2026-06-30", "email\nx@example.org\n", &result, &outcome),
        &outcome, ACTION_WRONG_STATE, "event");
    store_rows_release(&result.lines);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_file_credits_each_attendee_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_line_at_fault_records_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_file_not_a_roster_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_only_the_host_or_the_coordinator_uploads_from_the_first_day, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
