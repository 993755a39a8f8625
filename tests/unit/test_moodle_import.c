/* Importing a Moodle completion report: credits once, reasons by line, one transaction. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harvest/moodle_import.h"
#include "store/audit.h"
#include "store/store_catalog.h"
#include "store/store_open.h"
#include "store/store_people.h"
#include "core/banned.h"

struct fixture {
    char directory[128];
    struct store store;
    struct lms_site site;
    int64_t learner;
};

struct memory_source {
    const char *data;
    size_t length;
    size_t at;
};

static enum ct_status memory_read(void *context, unsigned char *buffer, size_t size, size_t *got,
                                  struct ct_err *err)
{
    (void)err;
    struct memory_source *source = context;
    size_t take = source->length - source->at < size ? source->length - source->at : size;
    memcpy(buffer, source->data + source->at, take);
    source->at += take;
    *got = take;
    return CT_OK;
}

static int64_t count(struct fixture *f, const char *sql)
{
    int64_t n = -1;
    struct ct_err err = {0};
    test_ok(store_exec(&f->store, sql, NULL, 0, &n, &err), &err);
    return n;
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    test_scratch_directory(f->directory, sizeof f->directory, "import");
    char path[256];
    test_database(path, sizeof path, f->directory, "test");
    struct ct_err err = {0};
    test_ok(store_open(&f->store, path, true, test_msl_programs(), &err), &err);
    const char *roles[] = {ROLE_NAME_LEARNER, NULL};
    test_ok(store_person_create(
                &f->store, 0,
                &(struct person_new){"Siobhán O'Brien", "siobhan@example.org", 0, 0, roles, NULL},
                &f->learner, &err),
            &err);
    int64_t site_id = 0;
    struct lms_site_credentials credentials;
    test_ok(store_harvest_site_add(&f->store, 0, "https://learn.example.org", "America/Denver",
                                   &site_id, &credentials, &err),
            &err);
    bool found = false;
    test_ok(store_harvest_site_find_by_id(&f->store, site_id, &f->site, &found, &err), &err);
    struct event_link link = {"https://learn.example.org/course/view.php?id=3", "Quiz"};
    struct catalog_event_new event = {
        .event = {"Quiz", test_day("2026-01-05"), test_day("2026-01-05"), "Montana State Library",
                  ACTIVITY_KIND_WEBINAR, 2, "technology"},
        .lms_verifies = true,
        .links = &link,
        .link_count = 1,
    };
    int64_t event_id = 0;
    test_ok(store_catalog_event_add(&f->store, 0, &event, &event_id, &err), &err);
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

static enum ct_status import_text(struct fixture *f, const char *text,
                                  struct moodle_import_summary *summary, struct ct_err *err)
{
    struct memory_source memory = {text, strlen(text), 0};
    struct moodle_progress_source source = {memory_read, &memory};
    return moodle_import_run(&f->store, 0, "command line", &f->site, "/tmp/progress.quiz.csv",
                             &source, summary, err);
}

static const char report[] =
    ",\"Email address\",\"Quiz\",\"\",\"Other\",\"\"\n"
    "\"Siobhán O'Brien\",\"SIOBHAN@example.org\",\"Completed\",\"2026-02-03 23:30:00\","
    "\"Completed\",\"2026-02-03 23:30:00\"\n"
    "\"Nobody\",\"nobody@example.org\",\"Completed\",\"2026-02-04 10:00:00\",\"Not completed\","
    "\"\"\n"
    "\"Siobhán O'Brien\",\"siobhan@example.org\",\"Completed\",\"2026-02-03 08:00:00\","
    "\"Completed\",\"someday\"\n";

static void test_import_credits_once_and_explains_the_rest(void **state)
{
    struct fixture *f = *state;
    struct moodle_import_summary summary;
    struct ct_err err = {0};
    test_ok(import_text(f, report, &summary, &err), &err);
    assert_int_equal(summary.counts.read, 3);
    /* Line 2 creates; line 4 is the same learner, event and civil date: a duplicate. */
    assert_int_equal(summary.counts.created, 1);
    assert_int_equal(summary.verified, 1);
    assert_int_equal(summary.counts.duplicates, 1);
    assert_int_equal(summary.counts.refused, 4);
    assert_int_equal(summary.refused[MOODLE_REFUSED_UNMAPPED_COURSE], 2);
    assert_int_equal(summary.refused[MOODLE_REFUSED_UNKNOWN_LEARNER], 1);
    assert_int_equal(summary.refused[MOODLE_REFUSED_NOT_COMPLETED], 1);
    assert_int_equal(summary.mapped_count, 1);
    /* 23:30 in Denver on 3 February is the 3rd, whatever the UTC date. */
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities WHERE date = '2026-02-03' AND"
                              " status = 'verified' AND kind = 'webinar'"),
                     1);
    /* The duplicate's raw record differs (its time): a second provenance record. */
    assert_int_equal(count(f, "SELECT COUNT(*) FROM harvest_provenance"), 2);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM harvest_rows WHERE line = 3 AND"
                              " reason = 'unknown learner'"),
                     1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM harvest_imports WHERE file_name ="
                              " 'progress.quiz.csv' AND length(file_sha256) = 64"),
                     1);

    /* Again: nothing new but the import's own record. */
    struct moodle_import_summary again;
    test_ok(import_text(f, report, &again, &err), &err);
    assert_int_equal(again.counts.created, 0);
    assert_int_equal(again.counts.duplicates, 2);
    assert_string_equal(again.file_sha256, summary.file_sha256);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities"), 1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM harvest_provenance"), 2);
    int64_t entries = 0;
    test_ok(audit_verify(f->store.db, &entries, &err), &err);
}

static void test_a_completion_without_passing_is_named_and_not_credited(void **state)
{
    struct fixture *f = *state;
    struct moodle_import_summary summary;
    struct ct_err err = {0};
    test_ok(import_text(f,
                        ",\"Email address\",\"Quiz\",\"\"\n"
                        "\"S\",\"siobhan@example.org\",\"Completed (did not achieve pass"
                        " grade)\",\"2026-02-03 10:00:00\"\n",
                        &summary, &err),
            &err);
    assert_int_equal(summary.refused[MOODLE_REFUSED_WITHOUT_PASSING], 1);
    assert_int_equal(summary.refused[MOODLE_REFUSED_NOT_COMPLETED], 0);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM harvest_rows WHERE reason ="
                              " 'completed without passing: did not achieve the pass grade'"),
                     1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities"), 0);
}

static void test_not_completed_set_by_later_withdraws_the_credit(void **state)
{
    struct fixture *f = *state;
    struct moodle_import_summary summary;
    struct ct_err err = {0};
    const char *header = ",\"Email address\",\"Quiz\",\"\"\n";
    char text[512];
    snprintf(text, sizeof text,
             "%s\"S\",\"siobhan@example.org\",\"Completed\",\"2026-02-03 10:00:00\"\n", header);
    test_ok(import_text(f, text, &summary, &err), &err);
    assert_int_equal(summary.counts.created, 1);
    /* Taken back before the credit: a stale report changes nothing. */
    snprintf(text, sizeof text,
             "%s\"S\",\"siobhan@example.org\",\"Not completed (set by Dana Director)\","
             "\"2026-02-01 10:00:00\"\n",
             header);
    test_ok(import_text(f, text, &summary, &err), &err);
    assert_int_equal(summary.counts.withdrawn, 0);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities WHERE status = 'verified'"), 1);
    snprintf(text, sizeof text,
             "%s\"S\",\"siobhan@example.org\",\"Not completed (set by Dana Director)\","
             "\"2026-03-01 10:00:00\"\n",
             header);
    test_ok(import_text(f, text, &summary, &err), &err);
    assert_int_equal(summary.counts.withdrawn, 1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities WHERE status = 'rejected' AND"
                              " status_reason LIKE 'Not completed (set by Dana Director) in the"
                              " LMS at 2026-03-01 10:00:00 (import 3 line 2)'"),
                     1);
    int64_t entries = 0;
    test_ok(audit_verify(f->store.db, &entries, &err), &err);
}

static void test_a_file_refused_whole_keeps_nothing(void **state)
{
    struct fixture *f = *state;
    struct moodle_import_summary summary;
    struct ct_err err = {0};
    int64_t audit_entries = count(f, "SELECT COUNT(*) FROM audit_log");
    assert_int_equal(import_text(f, "Name,Email\nA,a@example.org\n", &summary, &err), CT_ERR_INPUT);
    assert_string_equal(err.where, "file");
    /* Rows are read before a line too long is found: still nothing is kept. */
    size_t length = MOODLE_PROGRESS_MAX_ROW_BYTES + 2000;
    char *text = malloc(length + 1);
    int head = snprintf(text, length, "%s", report);
    memset(text + head, 'x', length - (size_t)head);
    text[length] = '\0';
    enum ct_status status = import_text(f, text, &summary, &err);
    free(text);
    assert_int_equal(status, CT_ERR_INPUT);
    assert_non_null(strstr(err.message, "longer than 1 MiB"));
    assert_int_equal(summary.import_id, 0);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM harvest_imports"), 0);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM activities"), 0);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM harvest_rows"), 0);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM audit_log"), audit_entries);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_import_credits_once_and_explains_the_rest, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_completion_without_passing_is_named_and_not_credited,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_completed_set_by_later_withdraws_the_credit, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_file_refused_whole_keeps_nothing, setup, teardown),
    };
    int failures = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failures;
}
