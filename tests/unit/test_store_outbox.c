/* The outbox as stored: queued, due, claimed, failed with backoff, sent. */
#include "helpers.h"

#include <string.h>

#include "action_world.h"
#include "store/store_outbox.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("store-outbox");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static int64_t queue(struct action_world *w, int64_t now, char message_id[OUTBOX_MESSAGE_ID_SIZE])
{
    struct outbox_message_new message = {"pat@example.gov", w->learner, "Hello",
                                         "Body\n",          NULL,       NULL};
    int64_t id = 0;
    struct ct_err err = {0};
    test_ok(store_outbox_queue(&w->store, &message, now, message_id, &id, &err), &err);
    return id;
}

static size_t due_count(struct action_world *w, int64_t now)
{
    struct store_rows rows = {.size = sizeof(struct outbox_message)};
    struct ct_err err = {0};
    test_ok(store_outbox_due(&w->store, now, 100, &rows, &err), &err);
    size_t count = rows.count;
    store_rows_release(&rows);
    return count;
}

static void test_a_failed_message_waits_longer_and_keeps_its_message_id(void **state)
{
    struct action_world *w = *state;
    char message_id[OUTBOX_MESSAGE_ID_SIZE];
    int64_t now = 1796220000;
    int64_t id = queue(w, now, message_id);
    assert_int_equal(due_count(w, now), 1);
    struct ct_err err = {0};
    bool claimed = false;
    test_ok(store_outbox_claim(&w->store, id, now, now + 300, &claimed, &err), &err);
    assert_true(claimed);
    /* Claimed, it is due for no other sender. */
    assert_int_equal(due_count(w, now), 0);
    test_ok(store_outbox_claim(&w->store, id, now, now + 300, &claimed, &err), &err);
    assert_false(claimed);
    test_ok(store_outbox_mark_failed(&w->store, id, now, "connection refused", &err), &err);
    assert_int_equal(due_count(w, now + 59), 0);
    assert_int_equal(due_count(w, now + 60), 1);
    test_ok(store_outbox_mark_failed(&w->store, id, now + 60, "again", &err), &err);
    assert_int_equal(due_count(w, now + 60 + 119), 0);
    assert_int_equal(due_count(w, now + 60 + 120), 1);
    struct outbox_summary summary;
    test_ok(store_outbox_summary(&w->store, &summary, &err), &err);
    assert_int_equal(summary.waiting, 1);
    assert_string_equal(summary.last_error, "again");
    test_ok(store_outbox_mark_sent(&w->store, id, now + 200, &err), &err);
    assert_int_equal(due_count(w, now + 100000), 0);
    struct store_rows rows = {.size = sizeof(struct outbox_message)};
    test_ok(store_outbox_list(&w->store, 10, &rows, &err), &err);
    const struct outbox_message *message = rows.items;
    assert_string_equal(message->message_id, message_id);
    assert_int_equal(message->attempts, 3);
    assert_int_equal(message->sent_at, now + 200);
    assert_string_equal(message->last_error, "");
    store_rows_release(&rows);
    test_ok(store_outbox_summary(&w->store, &summary, &err), &err);
    assert_int_equal(summary.waiting, 0);
    assert_int_equal(summary.sent, 1);
}

static void test_each_message_has_its_own_message_id(void **state)
{
    struct action_world *w = *state;
    char first[OUTBOX_MESSAGE_ID_SIZE], second[OUTBOX_MESSAGE_ID_SIZE];
    queue(w, 1, first);
    queue(w, 1, second);
    assert_string_not_equal(first, second);
    assert_int_equal(strlen(first), strlen("<@127.0.0.1>") + 32);
}

static void test_a_header_may_not_hold_a_line_break(void **state)
{
    struct action_world *w = *state;
    struct outbox_message_new message = {
        "pat@example.gov\r\nBcc: x@example.org", 0, "Hi", "B", NULL, NULL};
    struct ct_err err = {0};
    assert_int_equal(store_outbox_queue(&w->store, &message, 1, NULL, NULL, &err), CT_ERR_INPUT);
    assert_string_equal(err.where, "recipient");
    message = (struct outbox_message_new){
        "pat@example.gov", 0, "Hi\nBcc: x@example.org", "B", NULL, NULL};
    assert_int_equal(store_outbox_queue(&w->store, &message, 1, NULL, NULL, &err), CT_ERR_INPUT);
    assert_string_equal(err.where, "subject");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_failed_message_waits_longer_and_keeps_its_message_id,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_each_message_has_its_own_message_id, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_header_may_not_hold_a_line_break, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
