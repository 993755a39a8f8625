/* The new director's letter as a PDF: for the director, their board chair and the CE
 * coordinator; 404 for anyone else, for a person who directs no library, and for a
 * director without a hire day. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "action_world.h"
#include "certificates/director_letter.h"
#include "web_world.h"
#include "core/banned.h"

static int setup(void **state)
{
    struct action_world *w = action_world_open("pages-letters");
    char sql[512];
    snprintf(sql, sizeof sql,
             "UPDATE libraries SET director_id = %lld, board_chair_id = %lld WHERE id = %lld;"
             "UPDATE person_roles SET began = '2026-05-20' WHERE person_id = %lld",
             (long long)w->director, (long long)w->learner, (long long)w->library,
             (long long)w->director);
    struct ct_err err = {0};
    test_ok(db_exec(w->store.db, sql, &err), &err);
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

/* GET the letter about person by viewer; the response's status. */
static unsigned letter_status(struct action_world *w, int64_t person, int64_t viewer)
{
    char path[96];
    snprintf(path, sizeof path, "/people/%lld/new-director-letter.pdf", (long long)person);
    struct web_call call;
    web_call_begin(&call, w, "GET", path, viewer, "2026-06-01");
    web_call_run(&call);
    unsigned status = call.response.status;
    if (status == 200) {
        assert_string_equal(call.response.content_type, "application/pdf");
        assert_memory_equal(web_call_body(&call), "%PDF-", 5);
    }
    web_call_end(&call);
    return status;
}

static void test_the_director_the_chair_and_the_coordinator_read_the_letter(void **state)
{
    struct action_world *w = *state;
    assert_int_equal(letter_status(w, w->director, w->director), 200);
    assert_int_equal(letter_status(w, w->director, w->learner), 200);
    assert_int_equal(letter_status(w, w->director, w->coordinator), 200);
}

static void test_anyone_else_finds_no_letter(void **state)
{
    struct action_world *w = *state;
    assert_int_equal(letter_status(w, w->director, w->other_learner), 404);
    assert_int_equal(letter_status(w, w->director, w->consultant), 404);
    assert_int_equal(letter_status(w, w->learner, w->coordinator), 404); /* directs nothing */
    struct ct_err err = {0};
    test_ok(db_exec(w->store.db, "UPDATE person_roles SET began = NULL", &err), &err);
    assert_int_equal(letter_status(w, w->director, w->coordinator), 404);
}

static void test_the_letter_says_the_day_the_director_must_be_certified_by(void **state)
{
    struct action_world *w = *state;
    struct director_letter letter;
    bool found = false;
    struct ct_err err = {0};
    test_ok(
        director_letter_load(&w->store, w->director, test_day("2026-06-01"), &letter, &found, &err),
        &err);
    assert_true(found);
    assert_string_equal(letter.library.director, "Dana Director");
    assert_string_equal(letter.library.library, "Bitterroot Public Library");
    assert_string_equal(letter.library.chair, "Sam Staff");
    assert_int_equal(civil_date_compare(letter.deadline, test_day("2030-05-20")), 0);
    assert_int_equal(civil_date_compare(letter.written, test_day("2026-06-01")), 0);
    assert_int_equal(letter.window_years, 4);
    assert_int_equal(letter.total_halves, 120);
    test_ok(
        director_letter_load(&w->store, w->learner, test_day("2026-06-01"), &letter, &found, &err),
        &err);
    assert_false(found);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(
            test_the_director_the_chair_and_the_coordinator_read_the_letter, setup, teardown),
        cmocka_unit_test_setup_teardown(test_anyone_else_finds_no_letter, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_the_letter_says_the_day_the_director_must_be_certified_by, setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
