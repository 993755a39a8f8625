/* The gathering of notices: a person's notices wait the window and go as one message;
 * the daily digest waits for its hour; every person gets their own message; a kind
 * turned off is skipped; a message of one kind carries its one-click unsubscribe; two
 * gatherers at once put each notice into one message only. */
#include "helpers.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "action_world.h"
#include "core/timestamp.h"
#include "mail/mail_notices.h"
#include "store/store_notices.h"
#include "store/store_open.h"
#include "store/store_outbox.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("mail-notices");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static int64_t at(const char *text)
{
    int64_t seconds = 0;
    assert_true(timestamp_parse_iso8601(text, &seconds));
    return seconds;
}

/* Keeps a notice of kind for person at now, saying words. */
static void keep(struct action_world *w, int64_t person, const char *kind, const char *words,
                 int64_t now)
{
    struct template_data *data = template_data_new();
    assert_non_null(data);
    struct ct_err err = {0};
    test_ok(template_data_set(data, "comment", words), &err);
    test_ok(template_data_set(data, "version", "1"), &err);
    struct mail_compose_result kept;
    test_ok(mail_notice_keep(&w->store, now, person, kind, data, &kept, &err), &err);
    assert_true(kept.queued);
    template_data_free(data);
}

static struct mail_gather_result gather(struct action_world *w, int64_t now)
{
    struct mail_gather_result result;
    struct ct_err err = {0};
    test_ok(mail_notices_gather(&w->store, now, &result, &err), &err);
    return result;
}

static void test_notices_within_the_window_go_as_one_message(void **state)
{
    struct action_world *w = *state;
    int64_t first = at("2026-12-02T10:00:00Z");
    keep(w, w->learner, "notice-plan-returned", "Tie it to G1", first);
    keep(w, w->learner, "notice-plan-signed", "", first + 120);
    assert_int_equal(gather(w, first + 599).messages, 0);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox"), 0);
    struct mail_gather_result result = gather(w, first + 600);
    assert_int_equal(result.messages, 1);
    assert_int_equal(result.notices, 2);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox WHERE recipient ="
                                           " 'staff@example.org' AND kind = 'notices' AND"
                                           " subject = '2 notices from Montana State Library'"
                                           " AND body LIKE '%Tie it to G1%'"
                                           " AND body LIKE '%* Your learning plan is signed%'"
                                           " AND body LIKE '%/profile/notices%'"),
                     1);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM notices WHERE outbox_id ="
                                           " (SELECT id FROM mail_outbox)"),
                     2);
    assert_int_equal(gather(w, first + 3600).messages, 0);
}

static void test_each_person_gets_their_own_message(void **state)
{
    struct action_world *w = *state;
    int64_t first = at("2026-12-02T10:00:00Z");
    keep(w, w->learner, "notice-plan-returned", "For Sam", first);
    keep(w, w->other_learner, "notice-plan-returned", "For Pat", first + 30);
    keep(w, w->learner, "notice-plan-returned", "For Sam again", first + 60);
    struct mail_gather_result result = gather(w, first + 630);
    assert_int_equal(result.messages, 2);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox WHERE recipient ="
                                           " 'staff@example.org' AND body LIKE '%For Sam%'"
                                           " AND body LIKE '%For Sam again%'"
                                           " AND body NOT LIKE '%For Pat%'"),
                     1);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox WHERE recipient ="
                                           " 'pat@example.org' AND body LIKE '%For Pat%'"),
                     1);
}

static void test_a_message_of_one_kind_carries_the_unsubscribe_of_that_kind(void **state)
{
    struct action_world *w = *state;
    int64_t first = at("2026-12-02T10:00:00Z");
    keep(w, w->learner, "notice-plan-returned", "Only this", first);
    gather(w, first + 600);
    assert_int_equal(action_world_count(w,
                                        "SELECT count(*) FROM mail_outbox WHERE kind ="
                                        " 'notice-plan-returned' AND subject = 'Your learning"
                                        " plan is returned' AND unsubscribe_url LIKE"
                                        " '%/unsubscribe?person=%&kind=notice-plan-returned&mac=%'"
                                        " AND body LIKE '%To stop mail of this kind, open %'"),
                     1);
}

static void test_the_daily_digest_waits_for_its_time(void **state)
{
    struct action_world *w = *state;
    char sql[256];
    snprintf(sql, sizeof sql,
             "INSERT INTO notice_settings (person_id, delivery, changed_at) VALUES (%lld,"
             " 'daily', '2026-01-01T00:00:00Z')",
             (long long)w->learner);
    struct ct_err err = {0};
    test_ok(store_exec(&w->store, sql, NULL, 0, NULL, &err), &err);
    /* The digest is at 07:00 in the process's time zone (UTC here). */
    int64_t made = at("2026-12-02T08:00:00Z");
    keep(w, w->learner, "notice-plan-returned", "In the digest", made);
    keep(w, w->director, "notice-plan-returned", "Gathered", made);
    struct mail_gather_result result = gather(w, at("2026-12-02T09:00:00Z"));
    assert_int_equal(result.messages, 1); /* the director's: gathered */
    assert_int_equal(gather(w, at("2026-12-03T06:59:59Z")).messages, 0);
    keep(w, w->learner, "notice-plan-signed", "", at("2026-12-03T06:30:00Z"));
    result = gather(w, at("2026-12-03T07:00:00Z"));
    assert_int_equal(result.messages, 1);
    assert_int_equal(result.notices, 2);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox WHERE recipient ="
                                           " 'staff@example.org' AND body LIKE '%In the digest%'"),
                     1);
}

static void test_a_kind_turned_off_after_its_notice_is_skipped(void **state)
{
    struct action_world *w = *state;
    int64_t first = at("2026-12-02T10:00:00Z");
    keep(w, w->learner, "notice-plan-returned", "Turned off", first);
    keep(w, w->learner, "notice-plan-signed", "", first);
    bool changed = false;
    struct ct_err err = {0};
    test_ok(store_notice_turn_off(&w->store, w->learner, w->learner, "notice-plan-returned",
                                  "settings", first + 10, &changed, &err),
            &err);
    struct mail_gather_result result = gather(w, first + 600);
    assert_int_equal(result.messages, 1);
    assert_int_equal(result.skipped, 1);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM notices WHERE skipped ="
                                           " 'turned off' AND kind = 'notice-plan-returned'"),
                     1);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox WHERE body LIKE"
                                           " '%Turned off%'"),
                     0);
    /* And a notice of a kind turned off is not kept at all. */
    struct template_data *data = template_data_new();
    struct mail_compose_result kept;
    test_ok(
        mail_notice_keep(&w->store, first, w->learner, "notice-plan-returned", data, &kept, &err),
        &err);
    assert_false(kept.queued);
    assert_string_equal(kept.skipped, "turned off");
    template_data_free(data);
}

static void test_only_a_notice_kind_is_kept(void **state)
{
    struct action_world *w = *state;
    struct template_data *data = template_data_new();
    struct mail_compose_result kept;
    struct ct_err err = {0};
    assert_int_equal(mail_notice_keep(&w->store, 1, w->learner, "invitation", data, &kept, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "kind");
    template_data_free(data);
}

static void test_a_notice_gathered_is_taken_once(void **state)
{
    struct action_world *w = *state;
    int64_t id = 0;
    struct ct_err err = {0};
    test_ok(store_notice_add(&w->store, w->learner, "notice-plan-signed", "Signed", "Body", 1, &id,
                             &err),
            &err);
    int64_t first = 0, second = 0;
    test_ok(store_outbox_queue(
                &w->store,
                &(struct outbox_message_new){"staff@example.org", w->learner, "A", "A", NULL, NULL},
                1, NULL, &first, &err),
            &err);
    test_ok(store_outbox_queue(
                &w->store,
                &(struct outbox_message_new){"staff@example.org", w->learner, "B", "B", NULL, NULL},
                1, NULL, &second, &err),
            &err);
    size_t taken = 0;
    test_ok(store_notices_gathered(&w->store, &id, 1, first, &taken, &err), &err);
    assert_int_equal(taken, 1);
    test_ok(store_notices_gathered(&w->store, &id, 1, second, &taken, &err), &err);
    assert_int_equal(taken, 0);
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT outbox_id FROM notices WHERE id = %lld", (long long)id);
    assert_int_equal(action_world_count(w, sql), first);
}

/* ---- two gatherers at once ---- */

struct gatherer {
    const char *path;
    int64_t now;
    enum ct_status status;
    struct mail_gather_result result;
    char message[512];
};

static void *gather_alone(void *context)
{
    struct gatherer *gatherer = context;
    struct store store;
    struct ct_err err = {0};
    gatherer->status = store_open(&store, gatherer->path, false, test_msl_programs(), &err);
    for (int i = 0; i < 3 && gatherer->status == CT_OK; i++) {
        struct mail_gather_result one;
        gatherer->status = mail_notices_gather(&store, gatherer->now, &one, &err);
        gatherer->result.messages += one.messages;
        gatherer->result.notices += one.notices;
    }
    snprintf(gatherer->message, sizeof gatherer->message, "%s", err.message);
    if (store.db != NULL) {
        store_close(&store);
    }
    return NULL;
}

static void test_two_gatherers_at_once_put_each_notice_into_one_message(void **state)
{
    struct action_world *w = *state;
    int64_t first = at("2026-12-02T10:00:00Z");
    const int64_t people[] = {w->learner,        w->director,    w->other_learner,
                              w->other_director, w->coordinator, w->consultant};
    for (int round = 0; round < 5; round++) {
        for (size_t i = 0; i < 6; i++) {
            keep(w, people[i], "notice-plan-returned", "Again", first + round);
        }
    }
    char path[256];
    test_database(path, sizeof path, w->directory, "test");
    struct gatherer gatherers[2] = {{.path = path, .now = first + 700},
                                    {.path = path, .now = first + 700}};
    pthread_t threads[2];
    for (int i = 0; i < 2; i++) {
        assert_int_equal(pthread_create(&threads[i], NULL, gather_alone, &gatherers[i]), 0);
    }
    for (int i = 0; i < 2; i++) {
        pthread_join(threads[i], NULL);
        if (gatherers[i].status != CT_OK) {
            fail_msg("gatherer %d: %s", i, gatherers[i].message);
        }
    }
    assert_int_equal(gatherers[0].result.messages + gatherers[1].result.messages, 6);
    assert_int_equal(gatherers[0].result.notices + gatherers[1].result.notices, 30);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox"), 6);
    assert_int_equal(action_world_count(w, "SELECT count(DISTINCT person_id) FROM mail_outbox"), 6);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM notices WHERE outbox_id IS NULL"),
                     0);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM notices n JOIN mail_outbox m ON"
                                           " m.id = n.outbox_id AND m.person_id = n.person_id"),
                     30);
}

int main(void)
{
    setenv("TZ", "UTC", 1);
    tzset();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_notices_within_the_window_go_as_one_message, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_each_person_gets_their_own_message, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_a_message_of_one_kind_carries_the_unsubscribe_of_that_kind, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_daily_digest_waits_for_its_time, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_kind_turned_off_after_its_notice_is_skipped, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_only_a_notice_kind_is_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_notice_gathered_is_taken_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_two_gatherers_at_once_put_each_notice_into_one_message,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
