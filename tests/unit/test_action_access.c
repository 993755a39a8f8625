/* Who may see whose record: the rule the people pages and the API share. */
#include "helpers.h"

#include "action_world.h"
#include "actions/access.h"
#include "store/store_library_edits.h"
#include "store/store_people.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("action-access");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static bool may_see(struct action_world *w, int64_t viewer, int64_t person)
{
    struct actor actor = action_world_actor(w, viewer, "2026-03-01");
    bool allowed = false;
    struct ct_err err = {0};
    test_ok(access_may_see_person(&w->store, &actor, person, &allowed, &err), &err);
    return allowed;
}

static void test_people_see_their_own_and_the_coordinator_everyones(void **state)
{
    struct action_world *w = *state;
    assert_true(may_see(w, w->learner, w->learner));
    assert_false(may_see(w, w->learner, w->other_learner));
    assert_true(may_see(w, w->coordinator, w->other_learner));
}

static void test_a_director_sees_their_librarys_people_only(void **state)
{
    struct action_world *w = *state;
    assert_true(may_see(w, w->director, w->learner));
    assert_false(may_see(w, w->director, w->other_learner));
    assert_false(may_see(w, w->other_director, w->learner));
}

static void test_a_consultant_sees_the_people_of_their_libraries(void **state)
{
    struct action_world *w = *state;
    assert_false(may_see(w, w->consultant, w->learner));
    int64_t library = 0, person = 0;
    struct ct_err err = {0};
    test_ok(store_library_add(&w->store, 0,
                              &(struct library_fields){"Lewis and Clark Library", "Helena",
                                                       "public", NULL, &w->consultant, 1},
                              &library, &err),
            &err);
    static const char *const learner[] = {ROLE_NAME_LEARNER, NULL};
    test_ok(store_person_create(
                &w->store, 0,
                &(struct person_new){"Lee Helena", "lee@example.org", library, 0, learner, NULL},
                &person, &err),
            &err);
    assert_true(may_see(w, w->consultant, person));
    assert_false(may_see(w, w->consultant, w->other_learner));
}

static void test_the_system_and_no_one(void **state)
{
    struct action_world *w = *state;
    struct actor system = actor_system(1, test_day("2026-03-01"));
    struct actor nobody = {0};
    bool allowed = false;
    struct ct_err err = {0};
    test_ok(access_may_see_person(&w->store, &system, w->learner, &allowed, &err), &err);
    assert_true(allowed);
    test_ok(access_may_see_person(&w->store, &nobody, w->learner, &allowed, &err), &err);
    assert_false(allowed);
    test_ok(access_may_see_person(&w->store, &nobody, 0, &allowed, &err), &err);
    assert_false(allowed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_people_see_their_own_and_the_coordinator_everyones,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_director_sees_their_librarys_people_only, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_consultant_sees_the_people_of_their_libraries, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_system_and_no_one, setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
