/* The second factor: TOTP (RFC 6238) through liboath, its setup and confirmation, replay
 * and skew, recovery codes, removal, the coordinator's reset and the setting that
 * requires it. */
#include "helpers.h"

#include <liboath/oath.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action_world.h"
#include "actions/second_factor.h"
#include "actions/settings.h"
#include "store/store_second_factor.h"
#include "core/banned.h"

/* A moment well inside a time step: step 60000000. */
#define NOW ((int64_t)1800000000 + 5)

static int setup(void **state)
{
    *state = action_world_open("action-second-factor");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static void test_totp_gives_the_rfc_6238_codes(void **state)
{
    (void)state;
    /* RFC 6238, appendix B: the SHA-1 secret and its 8-digit codes. */
    static const struct {
        int64_t time;
        const char *code;
    } vectors[] = {
        {59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
        {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"},
    };
    const unsigned char *secret = (const unsigned char *)"12345678901234567890";
    for (size_t i = 0; i < sizeof vectors / sizeof vectors[0]; i++) {
        char code[9];
        struct ct_err err = {0};
        test_ok(second_factor_totp_code(secret, 20, vectors[i].time, 8, code, &err), &err);
        assert_string_equal(code, vectors[i].code);
    }
}

static void code_at(const unsigned char *secret, int64_t now, char code[TOTP_DIGITS + 1])
{
    struct ct_err err = {0};
    test_ok(
        second_factor_totp_code(secret, SECOND_FACTOR_SECRET_BYTES, now, TOTP_DIGITS, code, &err),
        &err);
}

static void test_a_code_one_step_early_or_late_matches_two_do_not(void **state)
{
    (void)state;
    unsigned char secret[SECOND_FACTOR_SECRET_BYTES];
    memcpy(secret, "abcdefghijklmnopqrst", sizeof secret);
    char code[TOTP_DIGITS + 1];
    int64_t step = 0;
    for (int offset = -1; offset <= 1; offset++) {
        code_at(secret, NOW + offset * TOTP_STEP_SECONDS, code);
        assert_true(second_factor_totp_match(secret, sizeof secret, NOW, code, &step));
        assert_int_equal(step, NOW / TOTP_STEP_SECONDS + offset);
    }
    code_at(secret, NOW + 2 * TOTP_STEP_SECONDS, code);
    assert_false(second_factor_totp_match(secret, sizeof secret, NOW, code, &step));
    code_at(secret, NOW - 2 * TOTP_STEP_SECONDS, code);
    assert_false(second_factor_totp_match(secret, sizeof secret, NOW, code, &step));
    assert_false(second_factor_totp_match(secret, sizeof secret, NOW, "12345", &step));
    assert_false(second_factor_totp_match(secret, sizeof secret, NOW, "12345a", &step));
}

static struct actor actor_now(struct action_world *w, int64_t person, int64_t now)
{
    struct actor actor = action_world_actor(w, person, "2027-01-15");
    actor.now = now;
    return actor;
}

/* Begins person's factor and returns its secret (decoded from the base32 shown). */
static void begin(struct action_world *w, int64_t person,
                  unsigned char secret[SECOND_FACTOR_SECRET_BYTES],
                  struct second_factor_setup *setup_out)
{
    struct actor actor = actor_now(w, person, NOW);
    struct second_factor_setup shown;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_second_factor_begin(&w->store, &actor, &shown, &outcome), &outcome);
    assert_int_equal(strlen(shown.secret_base32), 32);
    assert_non_null(strstr(shown.uri, "otpauth://totp/"));
    assert_non_null(strstr(shown.uri, shown.secret_base32));
    char *decoded = NULL;
    size_t length = 0;
    assert_int_equal(
        oath_base32_decode(shown.secret_base32, strlen(shown.secret_base32), &decoded, &length),
        OATH_OK);
    assert_int_equal(length, SECOND_FACTOR_SECRET_BYTES);
    memcpy(secret, decoded, length);
    free(decoded);
    if (setup_out != NULL) {
        *setup_out = shown;
    }
}

/* Sets up and confirms person's factor at NOW; the recovery codes into result. */
static void set_up(struct action_world *w, int64_t person,
                   unsigned char secret[SECOND_FACTOR_SECRET_BYTES],
                   struct second_factor_confirm_result *result)
{
    begin(w, person, secret, NULL);
    char code[TOTP_DIGITS + 1];
    code_at(secret, NOW, code);
    struct actor actor = actor_now(w, person, NOW);
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_second_factor_confirm(&w->store, &actor,
                                                    &(struct second_factor_code_input){code},
                                                    result, &outcome),
                       &outcome);
}

static void test_only_the_coordinator_and_consultants_add_a_second_factor(void **state)
{
    struct action_world *w = *state;
    struct actor actor = actor_now(w, w->learner, NOW);
    struct second_factor_setup shown;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_refused(action_second_factor_begin(&w->store, &actor, &shown, &outcome), &outcome,
                          ACTION_NOT_ALLOWED, NULL);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM second_factors"), 0);
}

static void test_setting_up_shows_one_secret_until_confirmed_kept_sealed(void **state)
{
    struct action_world *w = *state;
    unsigned char first[SECOND_FACTOR_SECRET_BYTES], again[SECOND_FACTOR_SECRET_BYTES];
    struct second_factor_setup shown;
    begin(w, w->consultant, first, &shown);
    begin(w, w->consultant, again, NULL);
    assert_memory_equal(first, again, sizeof first);
    /* Neither the database nor the audit trail holds the secret as shown. */
    char sql[300];
    snprintf(sql, sizeof sql,
             "SELECT COUNT(*) FROM second_factors WHERE secret LIKE '%%%s%%'"
             " OR secret = '%s'",
             shown.secret_base32, shown.secret_base32);
    assert_int_equal(action_world_count(w, sql), 0);
    snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM audit_log WHERE after_json LIKE '%%%s%%'",
             shown.secret_base32);
    assert_int_equal(action_world_count(w, sql), 0);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_string_equal(seen.action, "second-factor-begin");
    assert_int_equal(seen.actor_id, w->consultant);
}

static void test_a_wrong_code_does_not_confirm(void **state)
{
    struct action_world *w = *state;
    unsigned char secret[SECOND_FACTOR_SECRET_BYTES];
    begin(w, w->coordinator, secret, NULL);
    char code[TOTP_DIGITS + 1];
    code_at(secret, NOW + 5 * TOTP_STEP_SECONDS, code);
    struct actor actor = actor_now(w, w->coordinator, NOW);
    struct second_factor_confirm_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_refused(action_second_factor_confirm(&w->store, &actor,
                                                       &(struct second_factor_code_input){code},
                                                       &result, &outcome),
                          &outcome, ACTION_BAD_INPUT, "code");
    assert_int_equal(
        action_world_count(w, "SELECT COUNT(*) FROM second_factors WHERE confirmed_at IS NULL"), 1);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM recovery_codes"), 0);
}

static void test_confirming_gives_ten_recovery_codes_kept_as_hashes(void **state)
{
    struct action_world *w = *state;
    unsigned char secret[SECOND_FACTOR_SECRET_BYTES];
    struct second_factor_confirm_result result;
    set_up(w, w->coordinator, secret, &result);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM recovery_codes"),
                     RECOVERY_CODE_COUNT);
    for (size_t i = 0; i < RECOVERY_CODE_COUNT; i++) {
        assert_int_equal(strlen(result.recovery_codes[i]), RECOVERY_CODE_SIZE - 1);
        char sql[200];
        snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM recovery_codes WHERE code_hash = '%s'",
                 result.recovery_codes[i]);
        assert_int_equal(action_world_count(w, sql), 0);
    }
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_string_equal(seen.action, "second-factor-confirm");
    bool confirmed = false;
    struct ct_err err = {0};
    test_ok(second_factor_confirmed(&w->store, w->coordinator, &confirmed, &err), &err);
    assert_true(confirmed);
    /* Set up once: beginning again is refused. */
    struct actor actor = actor_now(w, w->coordinator, NOW);
    struct second_factor_setup shown;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_refused(action_second_factor_begin(&w->store, &actor, &shown, &outcome), &outcome,
                          ACTION_WRONG_STATE, "second_factor");
}

static bool verify(struct action_world *w, int64_t person, const char *code, int64_t now)
{
    bool accepted = false;
    struct ct_err err = {0};
    test_ok(second_factor_verify(&w->store, person, code, now, &accepted, &err), &err);
    return accepted;
}

static void test_a_code_of_a_used_step_is_refused(void **state)
{
    struct action_world *w = *state;
    unsigned char secret[SECOND_FACTOR_SECRET_BYTES];
    struct second_factor_confirm_result result;
    set_up(w, w->consultant, secret, &result);
    char code[TOTP_DIGITS + 1];
    /* The code that confirmed it is used up: signing in with it again is a replay. */
    code_at(secret, NOW, code);
    assert_false(verify(w, w->consultant, code, NOW));
    /* The next step's code goes through once; then neither it nor an older one does. */
    code_at(secret, NOW + TOTP_STEP_SECONDS, code);
    assert_true(verify(w, w->consultant, code, NOW + TOTP_STEP_SECONDS));
    assert_false(verify(w, w->consultant, code, NOW + TOTP_STEP_SECONDS));
    code_at(secret, NOW, code);
    assert_false(verify(w, w->consultant, code, NOW + TOTP_STEP_SECONDS));
    /* One step of skew: a code one step old is taken when its step is unused. */
    code_at(secret, NOW + 3 * TOTP_STEP_SECONDS, code);
    assert_true(verify(w, w->consultant, code, NOW + 4 * TOTP_STEP_SECONDS));
}

static void test_a_recovery_code_signs_in_once(void **state)
{
    struct action_world *w = *state;
    unsigned char secret[SECOND_FACTOR_SECRET_BYTES];
    struct second_factor_confirm_result result;
    set_up(w, w->consultant, secret, &result);
    assert_true(verify(w, w->consultant, result.recovery_codes[0], NOW + 100));
    assert_false(verify(w, w->consultant, result.recovery_codes[0], NOW + 200));
    /* Typed in lower case without the dashes, another one is the same code. */
    char typed[RECOVERY_CODE_SIZE];
    size_t at = 0;
    for (const char *c = result.recovery_codes[1]; *c != '\0'; c++) {
        if (*c != '-') {
            typed[at++] = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
        }
    }
    typed[at] = '\0';
    assert_true(verify(w, w->consultant, typed, NOW + 300));
    assert_false(verify(w, w->consultant, "ABCD-EFGH-JKLM-NPQR", NOW + 400));
    /* Another person's code is not theirs. */
    assert_false(verify(w, w->coordinator, result.recovery_codes[2], NOW + 500));
    assert_int_equal(
        action_world_count(w, "SELECT COUNT(*) FROM recovery_codes WHERE used_at IS NOT NULL"), 2);
}

static void test_a_person_removes_their_factor_with_a_current_code(void **state)
{
    struct action_world *w = *state;
    unsigned char secret[SECOND_FACTOR_SECRET_BYTES];
    struct second_factor_confirm_result result;
    set_up(w, w->consultant, secret, &result);
    struct actor actor = actor_now(w, w->consultant, NOW + TOTP_STEP_SECONDS);
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_refused(action_second_factor_remove(&w->store, &actor,
                                                      &(struct second_factor_code_input){"000000"},
                                                      &outcome),
                          &outcome, ACTION_BAD_INPUT, "code");
    char code[TOTP_DIGITS + 1];
    code_at(secret, NOW + TOTP_STEP_SECONDS, code);
    action_outcome_init(&outcome);
    action_assert_done(action_second_factor_remove(
                           &w->store, &actor, &(struct second_factor_code_input){code}, &outcome),
                       &outcome);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM second_factors"), 0);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM recovery_codes"), 0);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_string_equal(seen.action, "second-factor-remove");
    assert_int_equal(seen.actor_id, w->consultant);
    action_outcome_init(&outcome);
    action_assert_refused(action_second_factor_remove(&w->store, &actor,
                                                      &(struct second_factor_code_input){code},
                                                      &outcome),
                          &outcome, ACTION_WRONG_STATE, "second_factor");
}

static void test_the_coordinator_resets_another_persons_factor_audited(void **state)
{
    struct action_world *w = *state;
    unsigned char secret[SECOND_FACTOR_SECRET_BYTES];
    struct second_factor_confirm_result result;
    set_up(w, w->consultant, secret, &result);
    struct second_factor_reset_input input = {.person_id = w->consultant};
    struct action_outcome outcome;
    /* Not the consultant themself, nor anyone else but the coordinator. */
    struct actor consultant = actor_now(w, w->consultant, NOW);
    action_outcome_init(&outcome);
    action_assert_refused(action_second_factor_reset(&w->store, &consultant, &input, &outcome),
                          &outcome, ACTION_NOT_ALLOWED, NULL);
    struct actor coordinator = actor_now(w, w->coordinator, NOW);
    action_outcome_init(&outcome);
    action_assert_done(action_second_factor_reset(&w->store, &coordinator, &input, &outcome),
                       &outcome);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_string_equal(seen.action, "second-factor-reset");
    assert_int_equal(seen.actor_id, w->coordinator);
    assert_int_equal(seen.entity_id, w->consultant);
    action_outcome_init(&outcome);
    action_assert_refused(action_second_factor_reset(&w->store, &coordinator, &input, &outcome),
                          &outcome, ACTION_NOT_FOUND, "person");
    action_outcome_init(&outcome);
    action_assert_refused(action_second_factor_reset(&w->store, &coordinator,
                                                     &(struct second_factor_reset_input){0},
                                                     &outcome),
                          &outcome, ACTION_BAD_INPUT, "person");
}

static bool required(struct action_world *w, int64_t person)
{
    struct actor actor = action_world_actor(w, person, "2027-01-15");
    bool needed = false;
    struct ct_err err = {0};
    test_ok(second_factor_setup_required(&w->store, person, actor.roles, &needed, &err), &err);
    return needed;
}

static void test_the_setting_requires_a_factor_of_the_coordinator_and_consultants(void **state)
{
    struct action_world *w = *state;
    assert_false(required(w, w->consultant));
    struct actor system = actor_system(NOW, test_day("2027-01-15"));
    struct settings_set_input input = {
        .settings = {{"require-second-factor", "on"}},
        .count = 1,
    };
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_settings_set(&w->store, &system, &input, &outcome), &outcome);
    assert_true(required(w, w->consultant));
    assert_true(required(w, w->coordinator));
    assert_false(required(w, w->learner));
    assert_false(required(w, w->director));
    unsigned char secret[SECOND_FACTOR_SECRET_BYTES];
    struct second_factor_confirm_result result;
    set_up(w, w->consultant, secret, &result);
    assert_false(required(w, w->consultant));
    /* The setting takes only on and off. */
    input.settings[0].value = "yes";
    action_outcome_init(&outcome);
    action_assert_refused(action_settings_set(&w->store, &system, &input, &outcome), &outcome,
                          ACTION_BAD_INPUT, "require-second-factor");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_totp_gives_the_rfc_6238_codes),
        cmocka_unit_test(test_a_code_one_step_early_or_late_matches_two_do_not),
        cmocka_unit_test_setup_teardown(
            test_only_the_coordinator_and_consultants_add_a_second_factor, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_setting_up_shows_one_secret_until_confirmed_kept_sealed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_wrong_code_does_not_confirm, setup, teardown),
        cmocka_unit_test_setup_teardown(test_confirming_gives_ten_recovery_codes_kept_as_hashes,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_code_of_a_used_step_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_recovery_code_signs_in_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_person_removes_their_factor_with_a_current_code,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_coordinator_resets_another_persons_factor_audited,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_the_setting_requires_a_factor_of_the_coordinator_and_consultants, setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
