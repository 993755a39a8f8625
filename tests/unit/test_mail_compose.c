/* Mail made from templates: the common fields and the footer, a reminder's one-click
 * unsubscribe (its address, its mac, the person's choice kept), and the templates
 * directory that rewords them, refused with the file and line when a template is bad. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "action_world.h"
#include "mail/mail_compose.h"
#include "mail/mail_templates.h"
#include "mail/mail_unsubscribe.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("mail-compose");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static struct mail_compose reminder(int64_t person_id)
{
    return (struct mail_compose){
        .template_name = "password-reset",
        .person_id = person_id,
        .kind = "reminder-expiry",
        .unsubscribe = true,
    };
}

static void test_a_reminder_carries_its_unsubscribe_address_in_header_and_footer(void **state)
{
    struct action_world *w = *state;
    struct template_data *data = template_data_new();
    struct mail_compose mail = reminder(w->learner);
    struct mail_compose_result result;
    struct ct_err err = {0};
    test_ok(mail_compose_queue(&w->store, 1796220000, &mail, data, &result, &err), &err);
    assert_true(result.queued);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox WHERE kind ="
                                           " 'reminder-expiry' AND unsubscribe_url LIKE"
                                           " '%/unsubscribe?person=%&kind=reminder-expiry&mac=%'"),
                     1);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox WHERE body LIKE"
                                           " '%To stop mail of this kind, open http%'"
                                           " AND body LIKE '%/profile/notices%'"),
                     1);
    template_data_free(data);
}

static void test_the_mac_names_one_person_and_one_kind(void **state)
{
    struct action_world *w = *state;
    char mac[MAIL_UNSUBSCRIBE_MAC_SIZE];
    struct ct_err err = {0};
    test_ok(mail_unsubscribe_mac(&w->store, w->learner, "reminder-expiry", mac, &err), &err);
    bool valid = false;
    test_ok(mail_unsubscribe_check(&w->store, w->learner, "reminder-expiry", mac, &valid, &err),
            &err);
    assert_true(valid);
    test_ok(mail_unsubscribe_check(&w->store, w->director, "reminder-expiry", mac, &valid, &err),
            &err);
    assert_false(valid);
    test_ok(mail_unsubscribe_check(&w->store, w->learner, "reminder-deadline", mac, &valid, &err),
            &err);
    assert_false(valid);
    test_ok(mail_unsubscribe_check(&w->store, w->learner, "reminder-expiry", "00", &valid, &err),
            &err);
    assert_false(valid);
    char url[256];
    assert_int_equal(mail_unsubscribe_url(&w->store, w->learner, "Bad Kind", url, sizeof url, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "kind");
}

static void test_a_reminder_turned_off_is_not_queued_but_a_workflow_mail_is(void **state)
{
    struct action_world *w = *state;
    char sql[256];
    snprintf(sql, sizeof sql,
             "INSERT INTO notice_opt_outs (person_id, kind, since, how) VALUES (%lld,"
             " 'reminder-expiry', '2026-12-01T00:00:00Z', 'unsubscribe')",
             (long long)w->learner);
    struct ct_err err = {0};
    test_ok(db_exec(w->store.db, sql, &err), &err);
    struct template_data *data = template_data_new();
    struct mail_compose mail = reminder(w->learner);
    struct mail_compose_result result;
    test_ok(mail_compose_queue(&w->store, 1796220000, &mail, data, &result, &err), &err);
    assert_false(result.queued);
    assert_string_equal(result.skipped, "turned off");
    mail.unsubscribe = false;
    mail.kind = NULL;
    test_ok(mail_compose_queue(&w->store, 1796220000, &mail, data, &result, &err), &err);
    assert_true(result.queued);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox WHERE kind ="
                                           " 'account' AND unsubscribe_url IS NULL"),
                     1);
    template_data_free(data);
}

/* Writes text as directory/name. */
static void write_file(const char *directory, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", directory, name);
    FILE *file = fopen(path, "w");
    assert_non_null(file);
    fputs(text, file);
    fclose(file);
}

static void test_the_templates_directory_rewords_and_refuses_bad_templates(void **state)
{
    struct action_world *w = *state;
    struct mail_templates *templates = NULL;
    struct ct_err err = {0};
    write_file(w->directory, "footer.txt", "Sent by {{issuer_name}}.\n");
    test_ok(mail_templates_load(w->directory, &templates, &err), &err);
    char subject[OUTBOX_SUBJECT_SIZE];
    struct template_data *data = template_data_new();
    assert_int_equal(template_data_set(data, "issuer_name", "MSL"), CT_OK);
    struct buf body;
    buf_init(&body, 1024);
    test_ok(mail_templates_render(templates, "footer", data, subject, &body, &err), &err);
    assert_string_equal(buf_str(&body), "Sent by MSL.\n");
    assert_non_null(strstr(mail_templates_source(templates, "footer"), "/footer.txt"));
    buf_release(&body);
    template_data_free(data);
    mail_templates_free(templates);

    write_file(w->directory, "footer.txt", "Sent by\n{{issuer_name}} {{password}}\n");
    assert_int_equal(mail_templates_load(w->directory, &templates, &err), CT_ERR_INPUT);
    assert_null(templates);
    assert_non_null(strstr(err.where, "footer.txt line 2"));
    write_file(w->directory, "footer.txt", "Subject: {{name}}\nno blank line\n");
    assert_int_equal(mail_templates_load(w->directory, &templates, &err), CT_ERR_INPUT);
    assert_non_null(strstr(err.message, "blank line"));
    write_file(w->directory, "footer.txt", "ok\n");
    write_file(w->directory, "fotter.txt", "ok\n");
    assert_int_equal(mail_templates_load(w->directory, &templates, &err), CT_ERR_INPUT);
    assert_non_null(strstr(err.message, "fotter.txt is not a template"));
}

static void test_every_built_in_template_parses(void **state)
{
    (void)state;
    struct mail_templates *templates = NULL;
    struct ct_err err = {0};
    test_ok(mail_templates_load(NULL, &templates, &err), &err);
    size_t count = 0;
    const struct mail_template_spec *specs = mail_template_specs(&count);
    for (size_t i = 0; i < count; i++) {
        assert_non_null(strstr(mail_templates_source(templates, specs[i].name), "built-in"));
    }
    mail_templates_free(templates);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(
            test_a_reminder_carries_its_unsubscribe_address_in_header_and_footer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_mac_names_one_person_and_one_kind, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_a_reminder_turned_off_is_not_queued_but_a_workflow_mail_is, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_the_templates_directory_rewords_and_refuses_bad_templates, setup, teardown),
        cmocka_unit_test(test_every_built_in_template_parses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
