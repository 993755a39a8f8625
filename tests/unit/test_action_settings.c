/* Setting the installation's settings: the CE coordinator (or the system), all of them or
 * none. */
#include "helpers.h"

#include <string.h>

#include "action_world.h"
#include "actions/settings.h"
#include "store/store_settings.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("action-settings");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static enum ct_status set(struct action_world *w, int64_t person, const char *public_url,
                          const char *issuer_name, struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, person, "2026-06-15");
    struct settings_set_input input = {
        .settings = {{"public-url", public_url}, {"issuer-name", issuer_name}}, .count = 2};
    action_outcome_init(outcome);
    return action_settings_set(&w->store, &actor, &input, outcome);
}

static void setting(struct action_world *w, const char *name, char out[STORE_SETTING_SIZE])
{
    struct ct_err err = {0};
    test_ok(store_setting_get(&w->store, name, out, &err), &err);
}

static void test_the_coordinator_sets_both_audited(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    action_assert_done(
        set(w, w->coordinator, "https://certs.example.gov/", "Test Library", &outcome), &outcome);
    char value[STORE_SETTING_SIZE];
    setting(w, "public-url", value);
    assert_string_equal(value, "https://certs.example.gov");
    setting(w, "issuer-name", value);
    assert_string_equal(value, "Test Library");
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->coordinator);
    assert_string_equal(seen.entity, "settings");
    assert_string_equal(seen.action, "set");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM audit_log"
                                           " WHERE entity = 'settings'"),
                     2);
}

static void test_bad_values_are_named_and_nothing_is_saved(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    enum ct_status status = set(w, w->coordinator, "ftp://x.example", "", &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "public-url");
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "issuer-name");
    assert_string_equal(outcome.err.where, "public-url");
    /* A good value beside a bad one is not saved either. */
    status = set(w, w->coordinator, "https://good.example", "Bad\tname", &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "issuer-name");
    char value[STORE_SETTING_SIZE];
    setting(w, "public-url", value);
    assert_string_equal(value, STORE_DEFAULT_PUBLIC_URL);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM settings"), 0);
}

static void test_an_unknown_setting_is_a_fault_of_setting(void **state)
{
    struct action_world *w = *state;
    struct actor system = actor_system(1, test_day("2026-06-15"));
    struct settings_set_input input = {.settings = {{"colour", "blue"}}, .count = 1};
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_settings_set(&w->store, &system, &input, &outcome);
    action_assert_refused(status, &outcome, ACTION_BAD_INPUT, "setting");
    assert_non_null(strstr(outcome.err.message, "\"colour\" is not a setting"));
}

static void test_only_the_coordinator_sets(void **state)
{
    struct action_world *w = *state;
    int64_t others[] = {w->learner, w->director, w->consultant};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        struct action_outcome outcome;
        action_assert_refused(set(w, others[i], "https://evil.example", "Evil", &outcome), &outcome,
                              ACTION_NOT_ALLOWED, NULL);
    }
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM settings"), 0);
}

static void test_the_identity_provider_is_set_by_the_system_only(void **state)
{
    struct action_world *w = *state;
    struct settings_set_input input = {
        .settings = {{"issuer-name", "Test Library"},
                     {"oidc-issuer", "https://idp.attacker.example"}},
        .count = 2};
    struct actor coordinator = action_world_actor(w, w->coordinator, "2026-06-15");
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_refused(action_settings_set(&w->store, &coordinator, &input, &outcome), &outcome,
                          ACTION_NOT_ALLOWED, "oidc-issuer");
    char value[STORE_SETTING_SIZE];
    setting(w, "oidc-issuer", value);
    assert_string_equal(value, "");
    setting(w, "issuer-name", value);
    assert_string_equal(value, STORE_DEFAULT_ISSUER_NAME);
    struct actor system = actor_system(coordinator.now, coordinator.today);
    action_outcome_init(&outcome);
    action_assert_done(action_settings_set(&w->store, &system, &input, &outcome), &outcome);
    setting(w, "oidc-issuer", value);
    assert_string_equal(value, "https://idp.attacker.example");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_the_coordinator_sets_both_audited, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_values_are_named_and_nothing_is_saved, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_an_unknown_setting_is_a_fault_of_setting, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_only_the_coordinator_sets, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_identity_provider_is_set_by_the_system_only, setup,
                                        teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
