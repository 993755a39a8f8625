/* Importing history: prior certificates and credit history from CSV, each line decided on
 * its own, reading a file again changing nothing, a file refused whole keeping nothing,
 * and a dry run keeping nothing at all. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "action_world.h"
#include "actions/award.h"
#include "actions/history_import.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("action-history-import");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static const char header[] =
    "record,email,date,title,kind,credits,category,status,sponsor,program,number\n";

struct imported {
    enum ct_status status;
    struct action_outcome outcome;
    struct history_import_result result;
};

/* Imports text (a whole file) as person, on 2026-06-15; the caller releases the rows. */
static void import_text(struct action_world *w, int64_t person, const char *text, bool dry_run,
                        struct imported *out)
{
    FILE *file = fmemopen((void *)text, strlen(text), "r");
    assert_non_null(file);
    struct actor actor = action_world_actor(w, person, "2026-06-15");
    const struct history_import_input input = {file, "history.csv", "test", dry_run, 100};
    memset(out, 0, sizeof *out);
    out->result.refused.size = sizeof(struct record_import_line);
    action_outcome_init(&out->outcome);
    out->status = action_history_import(&w->store, &actor, &input, &out->result, &out->outcome);
    fclose(file);
}

static void test_activities_and_certificates_are_imported_once(void **state)
{
    struct action_world *w = *state;
    char file[1024];
    snprintf(file, sizeof file,
             "%s"
             "activity,staff@example.org,2024-03-05,Reference Interviews,workshop,2,"
             "public-services,verified,Montana State Library,,\n"
             "activity,STAFF@example.org,2024-04-05,Board Basics,webinar,1.5,"
             "library-administration,,WebJunction,,\n"
             "certificate,director@example.org,2021-06-30,,,,,,,msl-director-initial,"
             "CT-2021-000123\n",
             header);
    struct imported first;
    import_text(w, w->coordinator, file, false, &first);
    action_assert_done(first.status, &first.outcome);
    assert_int_equal(first.result.counts.of[RECORD_LINE_CREATED], 3);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities WHERE provenance ="
                                           " 'imported' AND sponsor = 'WebJunction'"
                                           " AND status = 'verified' AND credit_halves = 3"),
                     1);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM certificates c JOIN tracks t"
                                           " ON t.id = c.track_id WHERE c.provenance = 'imported'"
                                           " AND t.state = 'certified' AND c.number ="
                                           " 'CT-2021-000123' AND t.deadline = '2021-06-30'"),
                     1);
    store_rows_release(&first.result.refused);
    struct imported again;
    import_text(w, w->coordinator, file, false, &again);
    action_assert_done(again.status, &again.outcome);
    assert_int_equal(again.result.counts.of[RECORD_LINE_UNCHANGED], 3);
    assert_int_equal(again.result.counts.of[RECORD_LINE_CREATED], 0);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"), 2);
    store_rows_release(&again.result.refused);
}

static void test_a_changed_line_updates_its_activity(void **state)
{
    struct action_world *w = *state;
    char file[512];
    snprintf(file, sizeof file,
             "%sactivity,staff@example.org,2024-03-05,Weeding,workshop,2,"
             "collection-management,pending,,,\n",
             header);
    struct imported first;
    import_text(w, w->coordinator, file, false, &first);
    action_assert_done(first.status, &first.outcome);
    snprintf(file, sizeof file,
             "%sactivity,staff@example.org,2024-03-05,Weeding,workshop,2.5,"
             "collection-management,verified,,,\n",
             header);
    struct imported changed;
    import_text(w, w->coordinator, file, false, &changed);
    action_assert_done(changed.status, &changed.outcome);
    assert_int_equal(changed.result.counts.of[RECORD_LINE_UPDATED], 1);
    assert_int_equal(action_world_count(w, "SELECT credit_halves FROM activities WHERE title ="
                                           " 'Weeding' AND status = 'verified'"),
                     5);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_string_equal(seen.entity, "record_imports");
    assert_int_equal(seen.actor_id, w->coordinator);
    store_rows_release(&first.result.refused);
    store_rows_release(&changed.result.refused);
}

/* Each refused line names its reason; the good line between them is kept. */
static void test_each_bad_line_is_refused_with_its_reason(void **state)
{
    struct action_world *w = *state;
    char file[2048];
    snprintf(file, sizeof file,
             "%s"
             "activity,nobody@example.org,2024-03-05,X,workshop,1,public-services,,,,\n"
             "activity,staff@example.org,2024-03-05,Y,teleport,1,public-services,,,,\n"
             "certificate,staff@example.org,2021-06-30,,,,,,,no-such-program,CT-1\n"
             "activity,staff@example.org,2030-03-05,Later,workshop,1,public-services,,,,\n"
             "activity,staff@example.org,2024-03-05,Kept,workshop,1,public-services,,,,\n"
             "activity,staff@example.org,2024-03-06,Z,workshop,1,public-services,rejected,,,\n"
             "course,staff@example.org,2024-03-06,Z,workshop,1,public-services,,,,\n"
             "certificate,staff@example.org,2021-06-30,,,,,,,msl-staff,has space\n",
             header);
    struct imported run;
    import_text(w, w->coordinator, file, false, &run);
    action_assert_done(run.status, &run.outcome);
    assert_int_equal(run.result.counts.of[RECORD_LINE_CREATED], 1);
    assert_int_equal(run.result.refused.count, 7);
    const struct record_import_line *lines = run.result.refused.items;
    static const char *const reasons[] = {
        "email: ", "kind: ", "program: ", "date: ", "status: ", "record: ", "number: "};
    static const int64_t line_numbers[] = {2, 3, 4, 5, 7, 8, 9};
    for (size_t i = 0; i < 7; i++) {
        assert_int_equal(lines[i].line, line_numbers[i]);
        assert_true(strncmp(lines[i].reason, reasons[i], strlen(reasons[i])) == 0);
    }
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"), 1);
    store_rows_release(&run.result.refused);
}

static void test_a_file_not_in_the_format_keeps_nothing(void **state)
{
    struct action_world *w = *state;
    static const char *const files[] = {"", "name,email\nx,y\n",
                                        "record,email\nactivity,staff@example.org\n",
                                        "record,email,date,date\n"};
    for (size_t i = 0; i < 4; i++) {
        struct imported run;
        import_text(w, w->coordinator, files[i], false, &run);
        action_assert_refused(run.status, &run.outcome, ACTION_BAD_INPUT, "file");
        store_rows_release(&run.result.refused);
    }
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM record_imports"), 0);
}

static void test_a_dry_run_keeps_nothing(void **state)
{
    struct action_world *w = *state;
    char file[512];
    snprintf(file, sizeof file,
             "%sactivity,staff@example.org,2024-03-05,Weeding,workshop,2,"
             "collection-management,,,,\n"
             "activity,nobody@example.org,2024-03-05,X,workshop,1,public-services,,,,\n",
             header);
    struct imported run;
    import_text(w, w->coordinator, file, true, &run);
    action_assert_done(run.status, &run.outcome);
    assert_int_equal(run.result.counts.of[RECORD_LINE_CREATED], 1);
    assert_int_equal(run.result.refused.count, 1);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"), 0);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM record_imports"), 0);
    store_rows_release(&run.result.refused);
}

static void test_only_the_coordinator_imports(void **state)
{
    struct action_world *w = *state;
    char file[512];
    snprintf(file, sizeof file,
             "%sactivity,staff@example.org,2024-03-05,W,workshop,2,"
             "collection-management,,,,\n",
             header);
    struct imported run;
    import_text(w, w->director, file, false, &run);
    action_assert_refused(run.status, &run.outcome, ACTION_NOT_ALLOWED, NULL);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"), 0);
    store_rows_release(&run.result.refused);
}

/* A certificate number names one certificate: another person's, program's or day's line
 * with it is refused. */
static void test_a_number_held_already_is_refused(void **state)
{
    struct action_world *w = *state;
    char file[1024];
    snprintf(file, sizeof file,
             "%scertificate,director@example.org,2021-06-30,,,,,,,msl-director-initial,CT-9\n"
             "certificate,staff@example.org,2021-06-30,,,,,,,msl-director-initial,CT-9\n"
             "certificate,director@example.org,2021-07-30,,,,,,,msl-director-initial,CT-9\n",
             header);
    struct imported run;
    import_text(w, w->coordinator, file, false, &run);
    action_assert_done(run.status, &run.outcome);
    assert_int_equal(run.result.counts.of[RECORD_LINE_CREATED], 1);
    assert_int_equal(run.result.refused.count, 2);
    const struct record_import_line *lines = run.result.refused.items;
    assert_true(strncmp(lines[0].reason, "number: ", 8) == 0);
    assert_true(strncmp(lines[1].reason, "number: ", 8) == 0);
    store_rows_release(&run.result.refused);
}

/* An award never takes a number an imported certificate holds: the imported certificate
 * is the first (id 1), the award's the second, whose own number it holds already. */
static void test_an_award_skips_an_imported_number(void **state)
{
    struct action_world *w = *state;
    int64_t track = action_world_ready_track(w, w->learner);
    char file[512];
    snprintf(file, sizeof file,
             "%scertificate,director@example.org,2020-01-10,,,,,,,msl-staff,CT-2024-000002\n",
             header);
    struct imported run;
    import_text(w, w->coordinator, file, false, &run);
    action_assert_done(run.status, &run.outcome);
    assert_int_equal(run.result.counts.of[RECORD_LINE_CREATED], 1);
    store_rows_release(&run.result.refused);
    struct actor actor = action_world_actor(w, w->coordinator, "2024-01-01");
    struct award_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_track_award(&w->store, &actor, &(struct track_award_input){track},
                                          &result, &outcome),
                       &outcome);
    assert_string_equal(result.number, "CT-2024-000003");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_activities_and_certificates_are_imported_once, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_changed_line_updates_its_activity, setup, teardown),
        cmocka_unit_test_setup_teardown(test_each_bad_line_is_refused_with_its_reason, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_file_not_in_the_format_keeps_nothing, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_dry_run_keeps_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_only_the_coordinator_imports, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_number_held_already_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_award_skips_an_imported_number, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
