/* A person's choices about their mail: gathered or daily, each kind on or off, every
 * change audited with the actor; the account mail cannot be turned off; the one-click
 * unsubscribe turns one kind off for the person its mac names, and nothing else. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "action_world.h"
#include "actions/notice_settings.h"
#include "mail/mail_unsubscribe.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("action-notice-settings");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static enum ct_status choose(struct action_world *w, int64_t person, const char *delivery,
                             const char *off, struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, person, "2026-03-02");
    action_outcome_init(outcome);
    struct notice_settings_input input = {delivery, off};
    return action_notice_settings_set(&w->store, &actor, &input, outcome);
}

static void test_a_person_chooses_the_digest_and_turns_kinds_off(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    action_assert_done(
        choose(w, w->learner, "daily", "notice-plan-signed\nreminder-expiry\n", &outcome),
        &outcome);
    struct notice_choices choices;
    struct ct_err err = {0};
    test_ok(store_notice_choices(&w->store, w->learner, &choices, &err), &err);
    assert_true(choices.daily);
    assert_int_equal(choices.off_count, 2);
    assert_string_equal(choices.off[0], "notice-plan-signed");
    assert_string_equal(choices.off[1], "reminder-expiry");
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM notice_opt_outs WHERE how ="
                                           " 'settings'"),
                     2);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->learner);
    assert_string_equal(seen.entity, "notice_opt_outs");
    assert_string_equal(seen.action, "turn-off");
    /* Replaced: one kind on again, the other kept, gathered again. */
    action_assert_done(choose(w, w->learner, "gathered", "reminder-expiry", &outcome), &outcome);
    test_ok(store_notice_choices(&w->store, w->learner, &choices, &err), &err);
    assert_false(choices.daily);
    assert_int_equal(choices.off_count, 1);
    assert_string_equal(choices.off[0], "reminder-expiry");
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM audit_log WHERE entity ="
                                           " 'notice_opt_outs' AND action = 'turn-on'"),
                     1);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM audit_log WHERE entity ="
                                           " 'notice_settings' AND action = 'set'"),
                     2);
    /* Nothing changed: nothing audited. */
    int64_t entries = action_world_count(w, "SELECT count(*) FROM audit_log");
    action_assert_done(choose(w, w->learner, "gathered", "reminder-expiry", &outcome), &outcome);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM audit_log"), entries);
}

static void test_bad_choices_are_refused_at_their_field(void **state)
{
    struct action_world *w = *state;
    struct action_outcome outcome;
    action_assert_refused(choose(w, w->learner, "weekly", NULL, &outcome), &outcome,
                          ACTION_BAD_INPUT, "delivery");
    action_assert_refused(choose(w, w->learner, "daily", "notice-of-nothing", &outcome), &outcome,
                          ACTION_BAD_INPUT, "off");
    action_assert_refused(choose(w, w->learner, "daily", "account", &outcome), &outcome,
                          ACTION_BAD_INPUT, "off");
    assert_non_null(strstr(action_fault_of(&outcome, "off")->message, "cannot be turned off"));
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM notice_settings"), 0);
    struct actor system = actor_system(1, test_day("2026-03-02"));
    action_outcome_init(&outcome);
    struct notice_settings_input input = {"daily", NULL};
    action_assert_refused(action_notice_settings_set(&w->store, &system, &input, &outcome),
                          &outcome, ACTION_NOT_ALLOWED, NULL);
}

static enum ct_status unsubscribe(struct action_world *w, int64_t actor_id, int64_t person,
                                  const char *kind, const char *mac, bool *changed,
                                  struct action_outcome *outcome)
{
    struct actor actor = {
        .person_id = actor_id, .now = 1796220000, .today = test_day("2026-12-02")};
    struct notice_unsubscribe_input input = {person, kind, mac};
    struct notice_unsubscribe_result result = {0};
    action_outcome_init(outcome);
    enum ct_status status = action_notice_unsubscribe(&w->store, &actor, &input, &result, outcome);
    *changed = result.changed;
    return status;
}

static void test_the_one_click_unsubscribe_turns_one_kind_off(void **state)
{
    struct action_world *w = *state;
    char mac[MAIL_UNSUBSCRIBE_MAC_SIZE];
    struct ct_err err = {0};
    test_ok(mail_unsubscribe_mac(&w->store, w->learner, "reminder-deadline", mac, &err), &err);
    bool changed = false;
    struct action_outcome outcome;
    action_assert_done(
        unsubscribe(w, w->learner, w->learner, "reminder-deadline", mac, &changed, &outcome),
        &outcome);
    assert_true(changed);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM notice_opt_outs WHERE kind ="
                                           " 'reminder-deadline' AND how = 'unsubscribe'"),
                     1);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->learner);
    assert_string_equal(seen.action, "turn-off");
    /* Again: done already, nothing more. */
    action_assert_done(
        unsubscribe(w, w->learner, w->learner, "reminder-deadline", mac, &changed, &outcome),
        &outcome);
    assert_false(changed);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM notice_opt_outs"), 1);
}

static void test_a_wrong_mac_or_person_or_kind_changes_nothing(void **state)
{
    struct action_world *w = *state;
    char mac[MAIL_UNSUBSCRIBE_MAC_SIZE];
    struct ct_err err = {0};
    test_ok(mail_unsubscribe_mac(&w->store, w->learner, "reminder-deadline", mac, &err), &err);
    int64_t entries = action_world_count(w, "SELECT count(*) FROM audit_log");
    bool changed = false;
    struct action_outcome outcome;
    /* Another person's, another kind's, a mac changed by a digit. */
    action_assert_refused(
        unsubscribe(w, w->director, w->director, "reminder-deadline", mac, &changed, &outcome),
        &outcome, ACTION_NOT_ALLOWED, "mac");
    action_assert_refused(
        unsubscribe(w, w->learner, w->learner, "reminder-expiry", mac, &changed, &outcome),
        &outcome, ACTION_NOT_ALLOWED, "mac");
    char wrong[MAIL_UNSUBSCRIBE_MAC_SIZE];
    snprintf(wrong, sizeof wrong, "%s", mac);
    wrong[0] = wrong[0] == '0' ? '1' : '0';
    action_assert_refused(
        unsubscribe(w, w->learner, w->learner, "reminder-deadline", wrong, &changed, &outcome),
        &outcome, ACTION_NOT_ALLOWED, "mac");
    /* The right mac, but someone else claims to act. */
    action_assert_refused(
        unsubscribe(w, w->director, w->learner, "reminder-deadline", mac, &changed, &outcome),
        &outcome, ACTION_NOT_ALLOWED, "mac");
    action_assert_refused(
        unsubscribe(w, w->learner, w->learner, "account", mac, &changed, &outcome), &outcome,
        ACTION_BAD_INPUT, "kind");
    action_assert_refused(unsubscribe(w, 0, 0, "reminder-deadline", mac, &changed, &outcome),
                          &outcome, ACTION_BAD_INPUT, "person");
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM notice_opt_outs"), 0);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM audit_log"), entries);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_person_chooses_the_digest_and_turns_kinds_off, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_bad_choices_are_refused_at_their_field, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_one_click_unsubscribe_turns_one_kind_off, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_wrong_mac_or_person_or_kind_changes_nothing, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
