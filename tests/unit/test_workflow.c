#include "helpers.h"

#include <string.h>

#include "core/workflow.h"
#include "core/banned.h"

static const char *const every_action[] = {"submit",  "expire", "withdraw", "award",  "return",
                                           "approve", "verify", "reject",   "accept", NULL};

/* The allowed transitions of each machine, written out independently of the tables. */
struct expected {
    enum workflow_machine machine;
    const char *from;
    const char *action;
    const char *to;
};

static const struct expected allowed[] = {
    {WORKFLOW_TRACK, "active", "submit", "submitted"},
    {WORKFLOW_TRACK, "active", "expire", "expired"},
    {WORKFLOW_TRACK, "active", "withdraw", "withdrawn"},
    {WORKFLOW_TRACK, "submitted", "award", "certified"},
    {WORKFLOW_TRACK, "submitted", "return", "returned"},
    {WORKFLOW_TRACK, "submitted", "withdraw", "withdrawn"},
    {WORKFLOW_TRACK, "returned", "submit", "submitted"},
    {WORKFLOW_TRACK, "returned", "expire", "expired"},
    {WORKFLOW_TRACK, "returned", "withdraw", "withdrawn"},
    {WORKFLOW_PLAN_VERSION, "draft", "submit", "submitted"},
    {WORKFLOW_PLAN_VERSION, "submitted", "approve", "approved"},
    {WORKFLOW_PLAN_VERSION, "submitted", "return", "draft"},
    {WORKFLOW_ACTIVITY, "pending", "verify", "verified"},
    {WORKFLOW_ACTIVITY, "pending", "reject", "rejected"},
    {WORKFLOW_ACTIVITY, "verified", "withdraw", "rejected"},
    {WORKFLOW_FINAL_REPORT, "draft", "submit", "submitted"},
    {WORKFLOW_FINAL_REPORT, "submitted", "accept", "accepted"},
    {WORKFLOW_FINAL_REPORT, "submitted", "return", "draft"},
};

static const struct expected *find_allowed(enum workflow_machine machine, const char *from,
                                           const char *action)
{
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++) {
        if (allowed[i].machine == machine && strcmp(allowed[i].from, from) == 0 &&
            strcmp(allowed[i].action, action) == 0) {
            return &allowed[i];
        }
    }
    return NULL;
}

static void test_every_allowed_transition_leads_where_expected(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++) {
        const char *to = NULL;
        struct ct_err err = {0};
        assert_int_equal(
            workflow_next(allowed[i].machine, allowed[i].from, allowed[i].action, &to, &err),
            CT_OK);
        assert_string_equal(to, allowed[i].to);
    }
}

static void test_every_other_transition_is_refused(void **state)
{
    (void)state;
    size_t refused = 0;
    for (int machine = 0; machine < WORKFLOW_MACHINE_COUNT; machine++) {
        for (const char *const *from = workflow_states(machine); *from != NULL; from++) {
            for (const char *const *action = every_action; *action != NULL; action++) {
                if (find_allowed(machine, *from, *action) != NULL) {
                    continue;
                }
                const char *to = "unchanged";
                struct ct_err err = {0};
                if (workflow_next(machine, *from, *action, &to, &err) != CT_ERR_INPUT) {
                    fail_msg("%s: %s -> %s was allowed", workflow_machine_name(machine), *from,
                             *action);
                }
                assert_null(to);
                assert_non_null(strstr(err.message, "cannot"));
                refused++;
            }
        }
    }
    assert_true(refused > 100);
}

static void test_tables_have_nothing_beyond_the_expected(void **state)
{
    (void)state;
    size_t total = 0;
    for (int machine = 0; machine < WORKFLOW_MACHINE_COUNT; machine++) {
        size_t count = 0;
        const struct workflow_transition *table = workflow_transitions(machine, &count);
        for (size_t i = 0; i < count; i++) {
            assert_non_null(find_allowed(machine, table[i].from, table[i].action));
            assert_true(workflow_is_state(machine, table[i].to));
        }
        total += count;
    }
    assert_int_equal(total, sizeof allowed / sizeof allowed[0]);
}

static void test_refusal_names_state_action_and_what_is_allowed(void **state)
{
    (void)state;
    const char *to;
    struct ct_err err = {0};
    assert_int_equal(workflow_next(WORKFLOW_TRACK, "certified", "return", &to, &err), CT_ERR_INPUT);
    assert_string_equal(err.message, "a track that is certified cannot return (allowed: none)");
    assert_int_equal(workflow_next(WORKFLOW_ACTIVITY, "pending", "withdraw", &to, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.message,
                        "an activity that is pending cannot withdraw (allowed: verify, reject)");
    assert_int_equal(workflow_next(WORKFLOW_PLAN_VERSION, "lost", "submit", &to, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.message, "unknown plan version state \"lost\"");
}

static void test_initial_states(void **state)
{
    (void)state;
    assert_string_equal(workflow_initial_state(WORKFLOW_TRACK), "active");
    assert_string_equal(workflow_initial_state(WORKFLOW_PLAN_VERSION), "draft");
    assert_string_equal(workflow_initial_state(WORKFLOW_ACTIVITY), "pending");
    assert_string_equal(workflow_initial_state(WORKFLOW_FINAL_REPORT), "draft");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_allowed_transition_leads_where_expected),
        cmocka_unit_test(test_every_other_transition_is_refused),
        cmocka_unit_test(test_tables_have_nothing_beyond_the_expected),
        cmocka_unit_test(test_refusal_names_state_action_and_what_is_allowed),
        cmocka_unit_test(test_initial_states),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
