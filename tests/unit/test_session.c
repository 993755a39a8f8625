/* Sessions and the slowing down of failed log-ins. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_open.h"
#include "store/store_people.h"
#include "web/http/session.h"
#include "core/banned.h"

struct fixture {
    char directory[128];
    struct store store;
    int64_t person;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    test_scratch_directory(f->directory, sizeof f->directory, "session");
    char path[256];
    test_database(path, sizeof path, f->directory, "test");
    struct ct_err err = {0};
    test_ok(store_open(&f->store, path, true, test_msl_programs(), &err), &err);
    const char *roles[] = {"learner", NULL};
    test_ok(store_person_create(&f->store, 0,
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
    store_session_random_token(a);
    store_session_random_token(b);
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
    test_ok(store_session_create(&f->store, f->person, 1000, id, csrf, &err), &err);
    bool found = false;
    int64_t person = 0;
    test_ok(store_session_find(&f->store, id, 1010, &found, &person, found_csrf, &err), &err);
    assert_true(found);
    assert_int_equal(person, f->person);
    assert_string_equal(found_csrf, csrf);
    /* Only the hash is stored. */
    int64_t stored = 0;
    test_ok(STORE_EXEC(&f->store, "SELECT COUNT(*) FROM sessions WHERE id_hash = ?", &stored, &err,
                       DB_TEXT(id)),
            &err);
    assert_int_equal(stored, 0);
    char other[SESSION_TOKEN_SIZE];
    store_session_random_token(other);
    test_ok(store_session_find(&f->store, other, 1010, &found, &person, found_csrf, &err), &err);
    assert_false(found);
    test_ok(store_session_end(&f->store, id, &err), &err);
    test_ok(store_session_find(&f->store, id, 1020, &found, &person, found_csrf, &err), &err);
    assert_false(found);
}

static void test_sessions_end_when_idle_or_too_old(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    char id[SESSION_TOKEN_SIZE], csrf[SESSION_TOKEN_SIZE];
    bool found = false;
    int64_t person = 0;
    test_ok(store_session_create(&f->store, f->person, 0, id, csrf, &err), &err);
    test_ok(
        store_session_find(&f->store, id, SESSION_IDLE_SECONDS - 1, &found, &person, csrf, &err),
        &err);
    assert_true(found);
    test_ok(
        store_session_find(&f->store, id, 2 * SESSION_IDLE_SECONDS, &found, &person, csrf, &err),
        &err);
    assert_false(found);
    /* Kept busy, a session still ends after the absolute limit. */
    test_ok(store_session_create(&f->store, f->person, 0, id, csrf, &err), &err);
    int64_t now = 0;
    for (; now < SESSION_ABSOLUTE_SECONDS - 60; now += SESSION_IDLE_SECONDS / 2) {
        test_ok(store_session_find(&f->store, id, now, &found, &person, csrf, &err), &err);
        assert_true(found);
    }
    test_ok(
        store_session_find(&f->store, id, SESSION_ABSOLUTE_SECONDS, &found, &person, csrf, &err),
        &err);
    assert_false(found);
}

/* The time a session was last marked used, from the database (0 when it is gone). */
static int64_t last_seen_of(struct fixture *f, int64_t person)
{
    struct ct_err err = {0};
    int64_t last_seen = 0;
    test_ok(STORE_EXEC(&f->store, "SELECT MAX(last_seen_at) FROM sessions WHERE person_id = ?",
                       &last_seen, &err, DB_INT(person)),
            &err);
    return last_seen;
}

static void test_session_use_is_written_at_most_once_a_minute(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    char id[SESSION_TOKEN_SIZE], csrf[SESSION_TOKEN_SIZE];
    bool found = false;
    int64_t person = 0;
    test_ok(store_session_create(&f->store, f->person, 1000, id, csrf, &err), &err);
    test_ok(store_session_find(&f->store, id, 1000 + SESSION_TOUCH_SECONDS - 1, &found, &person,
                               csrf, &err),
            &err);
    assert_true(found);
    assert_int_equal(last_seen_of(f, f->person), 1000);
    test_ok(store_session_find(&f->store, id, 1000 + SESSION_TOUCH_SECONDS, &found, &person, csrf,
                               &err),
            &err);
    assert_true(found);
    assert_int_equal(last_seen_of(f, f->person), 1000 + SESSION_TOUCH_SECONDS);
}

static void test_session_ends_when_idle_even_if_not_marked_used(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    char id[SESSION_TOKEN_SIZE], csrf[SESSION_TOKEN_SIZE];
    bool found = false;
    int64_t person = 0;
    test_ok(store_session_create(&f->store, f->person, 1000, id, csrf, &err), &err);
    /* Used within the minute: not written, so idleness counts from 1000. */
    test_ok(store_session_find(&f->store, id, 1030, &found, &person, csrf, &err), &err);
    assert_true(found);
    test_ok(
        store_session_find(&f->store, id, 1000 + SESSION_IDLE_SECONDS, &found, &person, csrf, &err),
        &err);
    assert_false(found);
    assert_int_equal(person, 0);
    assert_string_equal(csrf, "");
    /* The ended session is deleted, not just ignored. */
    assert_int_equal(last_seen_of(f, f->person), 0);
}

/* A server with a shorter idle time (CERTTRACK_SESSION_IDLE_SECONDS): the seconds left,
 * use written every quarter of it, and "Stay signed in" marking it used at once. */
static void test_a_shorter_idle_time_tells_the_seconds_left(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    char id[SESSION_TOKEN_SIZE], csrf[SESSION_TOKEN_SIZE];
    struct store_session_found session;
    assert_int_equal(store_session_touch_seconds(100), 25);
    assert_int_equal(store_session_touch_seconds(SESSION_IDLE_SECONDS), SESSION_TOUCH_SECONDS);
    test_ok(store_session_create(&f->store, f->person, 1000, id, csrf, &err), &err);
    test_ok(store_session_find_idle(&f->store, id, 1050, 100, &session, &err), &err);
    assert_true(session.found);
    assert_int_equal(session.person_id, f->person);
    assert_string_equal(session.csrf, csrf);
    assert_int_equal(session.seconds_left, 100); /* written: 25 s or more since 1000 */
    test_ok(store_session_find_idle(&f->store, id, 1060, 100, &session, &err), &err);
    assert_int_equal(session.seconds_left, 90); /* not written: counted from 1050 */
    test_ok(store_session_keep(&f->store, id, 1070, 100, &session, &err), &err);
    assert_int_equal(session.seconds_left, 100);
    test_ok(store_session_find_idle(&f->store, id, 1170, 100, &session, &err), &err);
    assert_false(session.found);
    test_ok(store_session_keep(&f->store, id, 1171, 100, &session, &err), &err);
    assert_false(session.found);
}

static void test_ended_sessions_are_deleted_when_another_is_used(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    char old_id[SESSION_TOKEN_SIZE], id[SESSION_TOKEN_SIZE], csrf[SESSION_TOKEN_SIZE];
    bool found = false;
    int64_t person = 0;
    test_ok(store_session_create(&f->store, f->person, 0, old_id, csrf, &err), &err);
    test_ok(store_session_create(&f->store, f->person, SESSION_IDLE_SECONDS, id, csrf, &err), &err);
    test_ok(store_session_find(&f->store, id, SESSION_IDLE_SECONDS + SESSION_TOUCH_SECONDS, &found,
                               &person, csrf, &err),
            &err);
    assert_true(found);
    int64_t sessions = 0;
    test_ok(STORE_EXEC(&f->store, "SELECT COUNT(*) FROM sessions WHERE person_id = ?", &sessions,
                       &err, DB_INT(f->person)),
            &err);
    assert_int_equal(sessions, 1);
}

/* The time a token was last marked used, from the database (0 for never). */
static int64_t token_last_used(struct fixture *f)
{
    struct ct_err err = {0};
    int64_t last_used = -1;
    test_ok(STORE_EXEC(&f->store,
                       "SELECT COALESCE(MAX(last_used_at), 0) FROM api_tokens WHERE person_id = ?",
                       &last_used, &err, DB_INT(f->person)),
            &err);
    return last_used;
}

static void test_token_use_is_written_at_most_once_a_minute(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    char token[API_TOKEN_SIZE];
    int64_t person = 0, id = 0;
    test_ok(
        store_token_create(&f->store, f->person, f->person, "reporting", 1000, token, &id, &err),
        &err);
    assert_int_equal(token_last_used(f), 0);
    test_ok(store_token_person(&f->store, token, 1000, &person, &err), &err);
    assert_int_equal(person, f->person);
    assert_int_equal(token_last_used(f), 1000);
    test_ok(store_token_person(&f->store, token, 1000 + SESSION_TOUCH_SECONDS - 1, &person, &err),
            &err);
    assert_int_equal(person, f->person);
    assert_int_equal(token_last_used(f), 1000);
    test_ok(store_token_person(&f->store, token, 1000 + SESSION_TOUCH_SECONDS, &person, &err),
            &err);
    assert_int_equal(token_last_used(f), 1000 + SESSION_TOUCH_SECONDS);
    test_ok(store_token_revoke(&f->store, f->person, id, 2000, &err), &err);
    test_ok(store_token_person(&f->store, token, 2001, &person, &err), &err);
    assert_int_equal(person, 0);
}

static void test_failed_log_ins_make_the_next_attempt_wait(void **state)
{
    struct fixture *f = *state;
    struct ct_err err = {0};
    int64_t wait = -1;
    for (int i = 0; i < LOGIN_FREE_FAILURES; i++) {
        test_ok(
            store_login_wait_seconds(&f->store, "account:pat@example.org", 100 + i, &wait, &err),
            &err);
        assert_int_equal(wait, 0);
        test_ok(store_login_failure_record(&f->store, "account:pat@example.org", 100 + i, &err),
                &err);
    }
    test_ok(store_login_wait_seconds(&f->store, "account:pat@example.org", 104, &wait, &err), &err);
    assert_int_equal(wait, 2);
    test_ok(store_login_wait_seconds(&f->store, "account:other@example.org", 104, &wait, &err),
            &err);
    assert_int_equal(wait, 0);
    test_ok(store_login_wait_seconds(&f->store, "account:pat@example.org",
                                     104 + LOGIN_WINDOW_SECONDS, &wait, &err),
            &err);
    assert_int_equal(wait, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokens_are_256_random_bits),
        cmocka_unit_test_setup_teardown(test_session_is_found_by_its_id_only, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sessions_end_when_idle_or_too_old, setup, teardown),
        cmocka_unit_test_setup_teardown(test_session_use_is_written_at_most_once_a_minute, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_session_ends_when_idle_even_if_not_marked_used, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_shorter_idle_time_tells_the_seconds_left, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_ended_sessions_are_deleted_when_another_is_used, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_token_use_is_written_at_most_once_a_minute, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_failed_log_ins_make_the_next_attempt_wait, setup,
                                        teardown),
    };
    int failures = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failures;
}
