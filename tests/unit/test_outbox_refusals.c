/* What the relay refuses for good: the message is marked refused and never due again;
 * the address's refusals are counted, and at the third it is marked, so that no more
 * mail is composed for it; a sent message starts the count again; a refusal of the
 * sender does not count against the recipient. */
#include "helpers.h"

#include <string.h>

#include "action_world.h"
#include "mail/mail_compose.h"
#include "store/store_outbox.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("outbox-refusals");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static int64_t queue(struct action_world *w, const char *to)
{
    int64_t id = 0;
    struct ct_err err = {0};
    test_ok(store_outbox_queue(&w->store,
                               &(struct outbox_message_new){to, 0, "Subject", "Body", NULL, NULL},
                               1000, NULL, &id, &err),
            &err);
    return id;
}

static void refuse(struct action_world *w, int64_t id, bool address)
{
    struct ct_err err = {0};
    test_ok(store_outbox_mark_refused(&w->store, id, 2000, "RCPT failed: 550", address, &err),
            &err);
}

static bool marked(struct action_world *w, const char *address)
{
    bool is = false;
    struct ct_err err = {0};
    test_ok(store_outbox_address_marked(&w->store, address, &is, &err), &err);
    return is;
}

static void test_a_refused_message_is_never_due_again(void **state)
{
    struct action_world *w = *state;
    int64_t id = queue(w, "staff@example.org");
    refuse(w, id, true);
    struct store_rows rows = {.size = sizeof(struct outbox_message)};
    struct ct_err err = {0};
    test_ok(store_outbox_due(&w->store, INT64_C(253402300799), 10, &rows, &err), &err);
    assert_int_equal(rows.count, 0);
    store_rows_release(&rows);
    bool claimed = true;
    test_ok(store_outbox_claim(&w->store, id, 3000, 3300, &claimed, &err), &err);
    assert_false(claimed);
    struct outbox_summary summary;
    test_ok(store_outbox_summary(&w->store, &summary, &err), &err);
    assert_int_equal(summary.waiting, 0);
    assert_int_equal(summary.refused, 1);
    test_ok(store_outbox_refused(&w->store, 10, &rows, &err), &err);
    assert_int_equal(rows.count, 1);
    const struct outbox_message *message = rows.items;
    assert_int_equal(message->refused_at, 2000);
    assert_int_equal(message->attempts, 1);
    assert_string_equal(message->last_error, "RCPT failed: 550");
    store_rows_release(&rows);
}

static void test_the_third_refusal_marks_the_address(void **state)
{
    struct action_world *w = *state;
    refuse(w, queue(w, "Staff@Example.org"), true);
    refuse(w, queue(w, "staff@example.org"), true);
    assert_false(marked(w, "staff@example.org"));
    refuse(w, queue(w, "staff@example.org"), true);
    assert_true(marked(w, "STAFF@example.org"));
    struct outbox_summary summary;
    struct ct_err err = {0};
    test_ok(store_outbox_summary(&w->store, &summary, &err), &err);
    assert_int_equal(summary.marked_addresses, 1);
    /* No more mail is composed for it. */
    struct template_data *data = template_data_new();
    test_ok(template_data_set(data, "link", "http://x"), &err);
    struct mail_compose mail = {.template_name = "password-reset", .person_id = w->learner};
    struct mail_compose_result result;
    test_ok(mail_compose_queue(&w->store, 5000, &mail, data, &result, &err), &err);
    assert_false(result.queued);
    assert_string_equal(result.skipped, "the relay refused this address");
    template_data_free(data);
}

static void test_a_sent_message_starts_the_count_again(void **state)
{
    struct action_world *w = *state;
    refuse(w, queue(w, "staff@example.org"), true);
    refuse(w, queue(w, "staff@example.org"), true);
    struct ct_err err = {0};
    test_ok(store_outbox_mark_sent(&w->store, queue(w, "staff@example.org"), 2100, &err), &err);
    refuse(w, queue(w, "staff@example.org"), true);
    assert_false(marked(w, "staff@example.org"));
    assert_int_equal(action_world_count(w, "SELECT refusals FROM mail_address_refusals"), 1);
}

static void test_a_refused_sender_does_not_count_against_the_address(void **state)
{
    struct action_world *w = *state;
    for (int i = 0; i < 3; i++) {
        refuse(w, queue(w, "staff@example.org"), false);
    }
    assert_false(marked(w, "staff@example.org"));
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_address_refusals"), 0);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox WHERE refused_at"
                                           " IS NOT NULL"),
                     3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_refused_message_is_never_due_again, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_third_refusal_marks_the_address, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_sent_message_starts_the_count_again, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_refused_sender_does_not_count_against_the_address,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
