/* The award request: the learner submits a complete track for the award. */
#include "helpers.h"

#include <string.h>

#include "action_world.h"
#include "actions/tracks.h"
#include "core/banned.h"

static int setup(void **state)
{
    struct action_world *w = action_world_open("action-tracks");
    action_world_enroll(w, w->learner, "msl-staff", "2026-01-01");
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

/* Sixty verified credits, fifteen in each category: the program's all. */
static void complete(struct action_world *w)
{
    static const char *const categories[] = {"library-administration", "public-services",
                                             "collection-management", "technology"};
    for (size_t i = 0; i < 4; i++) {
        action_world_activity(w, w->learner, categories[i], "2026-02-01", 30, categories[i],
                              "verified");
    }
}

static enum ct_status submit(struct action_world *w, int64_t person, int64_t track,
                             struct track_submit_result *result, struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, person, "2026-03-02");
    action_outcome_init(outcome);
    return action_track_submit(&w->store, &actor, &(struct track_submit_input){track}, result,
                               outcome);
}

static void test_an_incomplete_track_says_what_blocks_it(void **state)
{
    struct action_world *w = *state;
    struct track_submit_result result;
    struct action_outcome outcome;
    action_assert_refused(submit(w, w->learner, 0, &result, &outcome), &outcome, ACTION_WRONG_STATE,
                          "complete");
    assert_non_null(strstr(outcome.err.message, "Your track is not complete yet: More credits"));
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM tracks WHERE state = 'active'"),
                     1);
}

static void test_a_complete_track_is_submitted_once_by_its_learner(void **state)
{
    struct action_world *w = *state;
    complete(w);
    struct track_submit_result result;
    struct action_outcome outcome;
    action_assert_done(submit(w, w->learner, 0, &result, &outcome), &outcome);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->learner);
    assert_string_equal(seen.entity, "tracks");
    assert_int_equal(seen.entity_id, result.track_id);
    assert_string_equal(seen.action, "submit");
    action_assert_refused(submit(w, w->learner, 0, &result, &outcome), &outcome, ACTION_WRONG_STATE,
                          "track");
}

static void test_a_track_is_submitted_by_its_own_learner(void **state)
{
    struct action_world *w = *state;
    complete(w);
    int64_t track = action_world_count(w, "SELECT id FROM tracks");
    struct track_submit_result result;
    struct action_outcome outcome;
    action_assert_refused(submit(w, w->director, track, &result, &outcome), &outcome,
                          ACTION_NOT_ALLOWED, "track");
    action_assert_refused(submit(w, w->other_learner, 0, &result, &outcome), &outcome,
                          ACTION_NOT_FOUND, "track");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM tracks WHERE state = 'active'"),
                     1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_an_incomplete_track_says_what_blocks_it, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_complete_track_is_submitted_once_by_its_learner,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_track_is_submitted_by_its_own_learner, setup,
                                        teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
