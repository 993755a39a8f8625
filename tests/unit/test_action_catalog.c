/* Adding a catalog event: the CE coordinator, every field checked at once, all of it or
 * nothing. */
#include "helpers.h"

#include <string.h>

#include "action_world.h"
#include "actions/catalog.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("action-catalog");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static struct catalog_event_input weeding(void)
{
    return (struct catalog_event_input){.title = "Weeding & Inventory",
                                        .kind = "course",
                                        .starts = "2026-07-01",
                                        .ends = "2026-07-31",
                                        .sponsor = "MSL",
                                        .credits = "2.5",
                                        .category = "collection-management"};
}

static enum ct_status add(struct action_world *w, int64_t person,
                          const struct catalog_event_input *input,
                          struct catalog_event_result *result, struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, person, "2026-06-15");
    action_outcome_init(outcome);
    return action_catalog_event_add(&w->store, &actor, input, result, outcome);
}

static void test_the_coordinator_adds_an_event_with_its_lms_links(void **state)
{
    struct action_world *w = *state;
    struct catalog_event_input input = weeding();
    input.urls = "https://learn.example.org/course/view.php?id=900\n"
                 " https://learn.example.org/course/view.php?id=901 ";
    input.activity_names = "\nFinal quiz";
    input.lms_verifies = true;
    struct catalog_event_result result;
    struct action_outcome outcome;
    action_assert_done(add(w, w->coordinator, &input, &result, &outcome), &outcome);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM events WHERE credit_halves = 5"
                                           " AND lms_verifies = 1 AND ends = '2026-07-31'"),
                     1);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM event_lms_links"
                                           " WHERE activity_name = 'Final quiz'"
                                           " AND url LIKE '%id=901'"),
                     1);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->coordinator);
    assert_string_equal(seen.entity, "events");
    assert_int_equal(seen.entity_id, result.id);
}

static void test_links_paired_already_are_taken_as_they_are(void **state)
{
    struct action_world *w = *state;
    struct event_link links[] = {{"https://learn.example.org/course/view.php?id=7", "Quiz"},
                                 {"https://learn.example.org/course/view.php?id=7", "Essay"}};
    struct catalog_event_input input = weeding();
    input.links = links;
    input.link_count = 2;
    input.urls = "not used";
    struct catalog_event_result result;
    struct action_outcome outcome;
    action_assert_done(add(w, w->coordinator, &input, &result, &outcome), &outcome);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM event_lms_links"), 2);
}

static void test_every_bad_field_is_named_at_once(void **state)
{
    struct action_world *w = *state;
    struct catalog_event_input input = {.kind = "college",
                                        .starts = "2026-07-10",
                                        .ends = "2026-07-01",
                                        .credits = "1.25",
                                        .category = "astrology",
                                        .activity_names = "Quiz",
                                        .lms_verifies = true};
    struct catalog_event_result result;
    struct action_outcome outcome;
    enum ct_status status = add(w, w->coordinator, &input, &result, &outcome);
    const char *fields[] = {"title",   "kind",     "ends",           "sponsor",
                            "credits", "category", "activity_names", "lms_verifies"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        action_assert_refused(status, &outcome, ACTION_BAD_INPUT, fields[i]);
    }
    assert_int_equal(outcome.fault_count, sizeof fields / sizeof fields[0]);
    /* The first, in the form's order, is the one a single message names. */
    assert_string_equal(outcome.err.where, "title");
    assert_string_equal(action_fault_of(&outcome, "credits")->message,
                        "Enter the credits as a multiple of 0.5, like 1 or 2.5.");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM events"), 0);
}

static void test_a_course_mapped_already_is_a_fault_of_the_urls(void **state)
{
    struct action_world *w = *state;
    struct catalog_event_input input = weeding();
    input.urls = "https://learn.example.org/course/view.php?id=900";
    struct catalog_event_result result;
    struct action_outcome outcome;
    action_assert_done(add(w, w->coordinator, &input, &result, &outcome), &outcome);
    input.title = "Weeding again";
    action_assert_refused(add(w, w->coordinator, &input, &result, &outcome), &outcome,
                          ACTION_BAD_INPUT, "urls");
    assert_int_equal(strncmp(action_fault_of(&outcome, "urls")->message, "Already mapped", 14), 0);
    /* The store's own words stay in err, as the command line prints them. */
    assert_string_equal(outcome.err.where, "url");
    assert_int_equal(strncmp(outcome.err.message, "already mapped", 14), 0);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM events"), 1);
}

static void test_only_the_coordinator_adds_events(void **state)
{
    struct action_world *w = *state;
    struct catalog_event_input input = weeding();
    int64_t others[] = {w->learner, w->director, w->consultant};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        struct catalog_event_result result;
        struct action_outcome outcome;
        action_assert_refused(add(w, others[i], &input, &result, &outcome), &outcome,
                              ACTION_NOT_ALLOWED, NULL);
    }
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM events"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_the_coordinator_adds_an_event_with_its_lms_links,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_links_paired_already_are_taken_as_they_are, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_every_bad_field_is_named_at_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_course_mapped_already_is_a_fault_of_the_urls, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_only_the_coordinator_adds_events, setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
