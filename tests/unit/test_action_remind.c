/* The reminders job: what it queues, once; a dry run that queues nothing; a person who
 * turned a kind off; the claims that wait, to the verifier and to the coordinator; a
 * director's deadline to the director, the chair and the coordinator; the new
 * director's letter. */
#include "helpers.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action_world.h"
#include "actions/remind.h"
#include "core/reminder_rule.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("remind");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static void exec(struct action_world *w, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

static void exec(struct action_world *w, const char *format, ...)
{
    char sql[2048];
    va_list args;
    va_start(args, format);
    vsnprintf(sql, sizeof sql, format, args);
    va_end(args);
    struct ct_err err = {0};
    test_ok(db_exec(w->store.db, sql, &err), &err);
}

static int64_t count(struct action_world *w, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

static int64_t count(struct action_world *w, const char *format, ...)
{
    char sql[2048];
    va_list args;
    va_start(args, format);
    vsnprintf(sql, sizeof sql, format, args);
    va_end(args);
    return action_world_count(w, sql);
}

/* Each message decided, as "KIND PERSON queued|dry|skipped". */
struct seen {
    char lines[16][96];
    size_t count;
};

static void keep_line(void *context, const struct remind_line *line)
{
    struct seen *seen = context;
    if (getenv("REMIND_DEBUG") != NULL) {
        fprintf(stderr, "%s %lld %s\n", line->kind, (long long)line->person_id, line->subject);
    }
    if (seen->count < sizeof seen->lines / sizeof seen->lines[0]) {
        snprintf(seen->lines[seen->count++], sizeof seen->lines[0], "%s %lld %s", line->kind,
                 (long long)line->person_id,
                 line->skipped[0] != '\0' ? "skipped"
                 : line->queued           ? "queued"
                                          : "dry");
    }
}

static bool saw(const struct seen *seen, const char *kind, int64_t person, const char *how)
{
    char want[96];
    snprintf(want, sizeof want, "%s %lld %s", kind, (long long)person, how);
    for (size_t i = 0; i < seen->count; i++) {
        if (strcmp(seen->lines[i], want) == 0) {
            return true;
        }
    }
    return false;
}

static struct remind_summary run(struct action_world *w, const char *day, bool dry_run,
                                 struct seen *seen)
{
    struct remind_summary summary;
    struct ct_err err = {0};
    struct civil_date as_of = test_day(day);
    memset(seen, 0, sizeof *seen);
    test_ok(remind_run(&w->store, as_of, (int64_t)as_of.days * 86400 + 6 * 3600, dry_run, keep_line,
                       seen, &summary, &err),
            &err);
    return summary;
}

/* The learner's staff track, started 2022-07-01: its deadline is 2026-07-01. */
static void staff_track(struct action_world *w)
{
    action_world_enroll(w, w->learner, "msl-staff", "2022-07-01");
    action_world_activity(w, w->learner, "Storytime", "2022-12-01", 10, "public-services",
                          "verified");
}

static void test_run_twice_on_a_day_queues_once(void **state)
{
    struct action_world *w = *state;
    staff_track(w);
    struct seen seen;
    struct remind_summary first = run(w, "2026-06-15", false, &seen);
    assert_int_equal(first.messages, 1);
    assert_int_equal(first.reminders, 1);
    assert_true(saw(&seen, REMINDER_KIND_DEADLINE, w->learner, "queued"));
    assert_int_equal(count(w,
                           "SELECT count(*) FROM mail_outbox WHERE person_id = %lld AND kind ="
                           " 'reminder-deadline' AND unsubscribe_url LIKE '%%/unsubscribe?%%'"
                           " AND subject LIKE '%%in 1 month (2026-07-01)%%'",
                           (long long)w->learner),
                     1);
    assert_int_equal(count(w,
                           "SELECT count(*) FROM mail_outbox WHERE person_id = %lld AND body LIKE"
                           " '%%more credits are needed in Library Administration.%%'",
                           (long long)w->learner),
                     1);
    assert_int_equal(count(w,
                           "SELECT count(*) FROM reminders_sent s JOIN mail_outbox m ON m.id ="
                           " s.outbox_id WHERE s.subject_key LIKE 'track:%%:deadline:2026-07-01:1m'"
                           " AND s.person_id = %lld AND s.on_day = '2026-06-15'",
                           (long long)w->learner),
                     1);
    struct remind_summary second = run(w, "2026-06-15", false, &seen);
    assert_int_equal(second.messages, 0);
    assert_int_equal(seen.count, 0);
    struct remind_summary later = run(w, "2026-06-20", false, &seen);
    assert_int_equal(later.messages, 0);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox"), 1);
    assert_int_equal(action_world_count(w, "SELECT queued FROM job_runs WHERE job = 'remind' AND"
                                           " on_day = '2026-06-15' AND finished_at IS NOT NULL"),
                     1);
}

static void test_a_dry_run_decides_and_queues_nothing(void **state)
{
    struct action_world *w = *state;
    staff_track(w);
    struct seen seen;
    struct remind_summary dry = run(w, "2026-06-15", true, &seen);
    assert_int_equal(dry.messages, 1);
    assert_true(saw(&seen, REMINDER_KIND_DEADLINE, w->learner, "dry"));
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox"), 0);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM reminders_sent"), 0);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM job_runs"), 0);
    struct remind_summary real = run(w, "2026-06-15", false, &seen);
    assert_int_equal(real.messages, 1);
}

static void test_a_person_who_turned_the_kind_off_is_skipped(void **state)
{
    struct action_world *w = *state;
    staff_track(w);
    exec(w,
         "INSERT INTO notice_opt_outs (person_id, kind, since, how) VALUES (%lld,"
         " 'reminder-deadline', '2026-06-01T00:00:00Z', 'unsubscribe')",
         (long long)w->learner);
    struct seen seen;
    struct remind_summary summary = run(w, "2026-06-15", false, &seen);
    assert_int_equal(summary.messages, 0);
    assert_int_equal(summary.skipped, 1);
    assert_true(saw(&seen, REMINDER_KIND_DEADLINE, w->learner, "skipped"));
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM mail_outbox"), 0);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM reminders_sent"), 0);
}

static void test_claims_waiting_go_to_the_verifier_then_the_coordinator(void **state)
{
    struct action_world *w = *state;
    int64_t newer = action_world_activity(w, w->learner, "Genealogy", "2026-04-01", 4,
                                          "public-services", "pending");
    int64_t older = action_world_activity(w, w->learner, "Cataloguing", "2026-03-01", 4,
                                          "collection-management", "pending");
    exec(w, "UPDATE activities SET created_at = '2026-05-10T09:00:00Z' WHERE id = %lld",
         (long long)newer);
    exec(w, "UPDATE activities SET created_at = '2026-04-10T09:00:00Z' WHERE id = %lld",
         (long long)older);
    struct seen seen;
    /* 2026-05-10: the older one has waited 30 days, not more. */
    assert_int_equal(run(w, "2026-05-10", false, &seen).messages, 0);
    struct remind_summary summary = run(w, "2026-05-11", false, &seen);
    assert_int_equal(summary.messages, 1);
    assert_int_equal(summary.reminders, 1);
    assert_true(saw(&seen, REMINDER_KIND_CLAIMS_WAITING, w->director, "queued"));
    /* 2026-06-10: the newer one passes 30 days (to the verifier), the older 60 (to the
     * coordinator). */
    summary = run(w, "2026-06-10", false, &seen);
    assert_int_equal(summary.messages, 2);
    assert_true(saw(&seen, REMINDER_KIND_CLAIMS_WAITING, w->director, "queued"));
    assert_true(saw(&seen, REMINDER_KIND_CLAIMS_WAITING, w->coordinator, "queued"));
    assert_int_equal(count(w,
                           "SELECT count(*) FROM reminders_sent WHERE person_id = %lld AND"
                           " subject_key LIKE 'claim:%%:30'",
                           (long long)w->director),
                     2);
    assert_int_equal(count(w,
                           "SELECT count(*) FROM reminders_sent WHERE person_id = %lld AND"
                           " subject_key = 'claim:%lld:60'",
                           (long long)w->coordinator, (long long)older),
                     1);
    assert_int_equal(count(w,
                           "SELECT count(*) FROM mail_outbox WHERE person_id = %lld AND body LIKE"
                           " '%%Genealogy (2026-04-01), claimed on 2026-05-10, 31 days ago%%'"
                           " AND body NOT LIKE '%%Cataloguing%%' AND body LIKE '%%/verify%%'",
                           (long long)w->director),
                     1);
    assert_int_equal(count(w,
                           "SELECT count(*) FROM mail_outbox WHERE person_id = %lld AND body LIKE"
                           " '%%Cataloguing%%/people/%lld%%'",
                           (long long)w->coordinator, (long long)w->learner),
                     1);
    assert_int_equal(run(w, "2026-06-11", false, &seen).messages, 0);
    /* The newer one passes 60 days: the coordinator is told of it alone. */
    summary = run(w, "2026-07-10", false, &seen);
    assert_int_equal(summary.messages, 1);
    assert_int_equal(summary.reminders, 1);
    assert_true(saw(&seen, REMINDER_KIND_CLAIMS_WAITING, w->coordinator, "queued"));
}

/* The director of the library, hired on hired, with the learner as the board chair. */
static void officers(struct action_world *w, const char *hired)
{
    exec(w, "UPDATE libraries SET director_id = %lld, board_chair_id = %lld WHERE id = 1",
         (long long)w->director, (long long)w->learner);
    char sql[256];
    snprintf(sql, sizeof sql,
             "UPDATE person_roles SET began = '%s' WHERE person_id = %lld AND role ="
             " 'library-administrator'",
             hired, (long long)w->director);
    struct ct_err err = {0};
    test_ok(db_exec(w->store.db, sql, &err), &err);
}

static void test_a_directors_deadline_goes_to_director_chair_and_coordinator(void **state)
{
    struct action_world *w = *state;
    officers(w, "2022-09-01"); /* the deadline: 2026-09-01 */
    struct seen seen;
    struct remind_summary summary = run(w, "2026-03-01", false, &seen);
    assert_int_equal(summary.messages, 3);
    assert_int_equal(summary.libraries, 1);
    assert_true(saw(&seen, REMINDER_KIND_DIRECTOR_DEADLINE, w->director, "queued"));
    assert_true(saw(&seen, REMINDER_KIND_DIRECTOR_DEADLINE, w->learner, "queued"));
    assert_true(saw(&seen, REMINDER_KIND_DIRECTOR_DEADLINE, w->coordinator, "queued"));
    assert_int_equal(count(w,
                           "SELECT count(*) FROM mail_outbox WHERE person_id = %lld AND body LIKE"
                           " '%%Dana Director, Bitterroot Public Library: by 2026-09-01 (in 6"
                           " months)%%'",
                           (long long)w->coordinator),
                     1);
    assert_int_equal(count(w,
                           "SELECT count(*) FROM mail_outbox WHERE person_id = %lld AND body LIKE"
                           " '%%As the chair of the library''s board%%'",
                           (long long)w->learner),
                     1);
    assert_int_equal(run(w, "2026-03-02", false, &seen).messages, 0);
    summary = run(w, "2026-09-01", false, &seen);
    assert_int_equal(summary.messages, 3);
    assert_int_equal(count(w,
                           "SELECT count(*) FROM reminders_sent WHERE person_id = %lld AND"
                           " subject_key LIKE 'director:%%:late'",
                           (long long)w->coordinator),
                     1);
}

static void test_a_new_director_and_the_chair_get_the_letter_once(void **state)
{
    struct action_world *w = *state;
    officers(w, "2026-05-20");
    struct seen seen;
    struct remind_summary summary = run(w, "2026-06-01", false, &seen);
    assert_int_equal(summary.messages, 2);
    assert_true(saw(&seen, REMINDER_KIND_NEW_DIRECTOR, w->director, "queued"));
    assert_true(saw(&seen, REMINDER_KIND_NEW_DIRECTOR, w->learner, "queued"));
    assert_int_equal(
        count(w,
              "SELECT count(*) FROM mail_outbox WHERE kind = 'letter-new-director'"
              " AND unsubscribe_url IS NULL AND body LIKE '%%must be certified by"
              " 2030-05-20%%' AND body LIKE '%%/people/%lld/new-director-letter.pdf%%'",
              (long long)w->director),
        2);
    /* The letter cannot be turned off. */
    exec(w,
         "INSERT INTO notice_opt_outs (person_id, kind, since, how) VALUES (%lld,"
         " 'letter-new-director', '2026-06-01T00:00:00Z', 'settings')",
         (long long)w->director);
    exec(w, "DELETE FROM reminders_sent WHERE person_id = %lld", (long long)w->director);
    assert_int_equal(run(w, "2026-06-02", false, &seen).messages, 1);
    assert_int_equal(run(w, "2026-06-03", false, &seen).messages, 0);
}

static void test_a_long_list_names_the_first_ones_and_counts_them_all(void **state)
{
    struct action_world *w = *state;
    /* 60 libraries whose directors, hired on 2022-09-01, are due on 2026-09-01. */
    exec(w, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)"
            " INSERT INTO people (id, name, email, email_key, created_at) SELECT 1000 + i,"
            " 'Director ' || i, 'd' || i || '@example.org', 'd' || i || '@example.org',"
            " '2022-01-01T00:00:00Z' FROM n;"
            "INSERT INTO person_roles (person_id, role, began) SELECT id, 'library-administrator',"
            " '2022-09-01' FROM people WHERE id > 1000;"
            "INSERT INTO libraries (id, name, city, director_id) SELECT id, 'Library ' || id,"
            " 'Town', id FROM people WHERE id > 1000");
    struct seen seen;
    struct remind_summary summary = run(w, "2026-03-01", false, &seen);
    assert_int_equal(summary.messages, 61); /* each director, and the coordinator */
    assert_int_equal(summary.reminders, 120);
    assert_int_equal(count(w,
                           "SELECT count(*) FROM mail_outbox WHERE person_id = %lld AND body LIKE"
                           " '%%... and 10 more.%%' AND body LIKE '%%Director 50, Library 1050%%'"
                           " AND body NOT LIKE '%%Director 51,%%'",
                           (long long)w->coordinator),
                     1);
    assert_int_equal(count(w, "SELECT count(*) FROM reminders_sent WHERE person_id = %lld",
                           (long long)w->coordinator),
                     60);
}

static void test_a_message_too_long_for_the_outbox_lists_fewer(void **state)
{
    struct action_world *w = *state;
    /* 50 claims with titles of 400 characters: listing them all passes the outbox's limit. */
    char title[401];
    memset(title, 'x', 400);
    title[400] = '\0';
    exec(w,
         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)"
         " INSERT INTO activities (person_id, record_key, kind, title, date, credit_halves,"
         " category, status, provenance, created_at) SELECT %lld, 'long' || i, 'workshop',"
         " '%s', '2026-01-01', 2, 'technology', 'pending', 'claim',"
         " '2026-01-02T00:00:00Z' FROM n",
         (long long)w->learner, title);
    struct seen seen;
    struct remind_summary summary = run(w, "2026-02-15", false, &seen);
    assert_int_equal(summary.messages, 1);
    assert_int_equal(summary.reminders, 50);
    assert_int_equal(count(w,
                           "SELECT count(*) FROM mail_outbox WHERE person_id = %lld AND body LIKE"
                           " '%%... and 25 more.%%'",
                           (long long)w->director),
                     1);
    assert_int_equal(count(w, "SELECT count(*) FROM reminders_sent WHERE person_id = %lld",
                           (long long)w->director),
                     50);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_run_twice_on_a_day_queues_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_dry_run_decides_and_queues_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_person_who_turned_the_kind_off_is_skipped, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_claims_waiting_go_to_the_verifier_then_the_coordinator,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_a_directors_deadline_goes_to_director_chair_and_coordinator, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_new_director_and_the_chair_get_the_letter_once,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_long_list_names_the_first_ones_and_counts_them_all,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_message_too_long_for_the_outbox_lists_fewer, setup,
                                        teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
