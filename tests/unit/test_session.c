/* Sessions and the slowing down of failed log-ins. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_people.h"
#include "web/session.h"
#include "core/banned.h"

struct fixture {
    char directory[128];
    struct store store;
    int64_t person;
};

static void ok(enum ct_status status, const struct ct_err *err)
{
    if (status != CT_OK) {
        fail_msg("%s: %s", err->where, err->message);
    }
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    test_scratch_directory(f->directory, sizeof f->directory, "session");
    char path[256];
    snprintf(path, sizeof path, "%s/test.db", f->directory);
    struct ct_err err = {0};
    ok(store_open(&f->store, path, true, test_msl_programs(), &err), &err);
    const char *roles[] = {"learner", NULL};
    ok(store_person_create(&f->store, 0,
                           &(struct person_new){"Pat", "pat@example.org", 0, 0, roles, NULL},
                           &f->person, &err),
       &err);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    store_close(&f->store);
    int result = test_remove_directory(f->directory);
    free(f);
    return result;
}

static void test_tokens_are_256_random_bits(void **state)
{
    (void)state;
    char a[SESSION_TOKEN_SIZE], b[SESSION_TOKEN_SIZE];
    session_random_token(a);
    session_random_token(b);
    assert_int_equal(strlen(a), 64);
    assert_string_not_equal(a, b);
    assert_true(session_tokens_match(a, a));
    assert_false(session_tokens_match(a, b));
    assert_false(session_tokens_match(a, NULL));
    assert_false(session_tokens_match("", ""));
    assert_false(session_tokens_match(a, "short"));
}

static void test_session_is_found_by_its_id_only(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    char id[SESSION_TOKEN_SIZE], csrf[SESSION_TOKEN_SIZE], found_csrf[SESSION_TOKEN_SIZE];
    ok(session_create(&f->store, f->person, 1000, id, csrf, &err), &err);
    bool found = false;
    int64_t person = 0;
    ok(session_find(&f->store, id, 1010, &found, &person, found_csrf, &err), &err);
    assert_true(found);
    assert_int_equal(person, f->person);
    assert_string_equal(found_csrf, csrf);
    /* Only the hash is stored. */
    int64_t stored = 0;
    ok(STORE_EXEC(&f->store, "SELECT COUNT(*) FROM sessions WHERE id_hash = ?", &stored, &err,
                  DB_TEXT(id)),
       &err);
    assert_int_equal(stored, 0);
    char other[SESSION_TOKEN_SIZE];
    session_random_token(other);
    ok(session_find(&f->store, other, 1010, &found, &person, found_csrf, &err), &err);
    assert_false(found);
    ok(session_end(&f->store, id, &err), &err);
    ok(session_find(&f->store, id, 1020, &found, &person, found_csrf, &err), &err);
    assert_false(found);
}

static void test_sessions_end_when_idle_or_too_old(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    char id[SESSION_TOKEN_SIZE], csrf[SESSION_TOKEN_SIZE];
    bool found = false;
    int64_t person = 0;
    ok(session_create(&f->store, f->person, 0, id, csrf, &err), &err);
    ok(session_find(&f->store, id, SESSION_IDLE_SECONDS - 1, &found, &person, csrf, &err), &err);
    assert_true(found);
    ok(session_find(&f->store, id, 2 * SESSION_IDLE_SECONDS, &found, &person, csrf, &err), &err);
    assert_false(found);
    /* Kept busy, a session still ends after the absolute limit. */
    ok(session_create(&f->store, f->person, 0, id, csrf, &err), &err);
    int64_t now = 0;
    for (; now < SESSION_ABSOLUTE_SECONDS - 60; now += SESSION_IDLE_SECONDS / 2) {
        ok(session_find(&f->store, id, now, &found, &person, csrf, &err), &err);
        assert_true(found);
    }
    ok(session_find(&f->store, id, SESSION_ABSOLUTE_SECONDS, &found, &person, csrf, &err), &err);
    assert_false(found);
}

static void test_failed_log_ins_make_the_next_attempt_wait(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    int64_t wait = -1;
    for (int i = 0; i < LOGIN_FREE_FAILURES; i++) {
        ok(login_wait_seconds(&f->store, "account:pat@example.org", 100 + i, &wait, &err), &err);
        assert_int_equal(wait, 0);
        ok(login_failure_record(&f->store, "account:pat@example.org", 100 + i, &err), &err);
    }
    ok(login_wait_seconds(&f->store, "account:pat@example.org", 104, &wait, &err), &err);
    assert_int_equal(wait, 2);
    ok(login_wait_seconds(&f->store, "account:other@example.org", 104, &wait, &err), &err);
    assert_int_equal(wait, 0);
    ok(login_wait_seconds(&f->store, "account:pat@example.org", 104 + LOGIN_WINDOW_SECONDS, &wait,
                          &err),
       &err);
    assert_int_equal(wait, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokens_are_256_random_bits),
        cmocka_unit_test_setup_teardown(test_session_is_found_by_its_id_only, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sessions_end_when_idle_or_too_old, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failed_log_ins_make_the_next_attempt_wait, setup,
                                        teardown),
    };
    int failures = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failures;
}
