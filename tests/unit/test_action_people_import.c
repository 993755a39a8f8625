/* Importing libraries and people: each line a library (by its directory id) and maybe a
 * person of it (by e-mail), reading a file again changing nothing, a changed line
 * updating (a move of library recorded as a move), each bad line refused with its
 * reason and nothing of it kept, a file refused whole, and a dry run keeping nothing. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "action_world.h"
#include "actions/people_import.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("action-people-import");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static const char header[] = "library_id,library_name,library_city,library_kind,email,name,"
                             "position,roles,role_began,director,board_chair\n";

/* Two libraries, a director, a trustee chairing the board, and a staff learner. */
static const char lines[] =
    "MT-0042,Sweet Grass Library,Big Timber,public,,,,,,,\n"
    "MT-0042,,,,rita@example.org,Rita Reed,staff,"
    "learner;supervisor;library-administrator,2019-08-01,yes,\n"
    "MT-0042,,,,tom@example.org,Tom Trustee,trustee,learner,,,yes\n"
    "MT-0042,,,,lee@example.org,Lee Learner,staff,learner,2023-02-01,no,no\n"
    "MT-0077,Chief Dull Knife College Library,Lame Deer,tribal-college,,,,,,,\n";

struct imported {
    enum ct_status status;
    struct action_outcome outcome;
    struct people_import_result result;
};

/* Imports text (a whole file) as person, on 2026-06-15; releases the refused rows unless
 * keep_rows. */
static void import_text(struct action_world *w, int64_t person, const char *text, bool dry_run,
                        struct imported *out)
{
    FILE *file = fmemopen((void *)text, strlen(text), "r");
    assert_non_null(file);
    struct actor actor = action_world_actor(w, person, "2026-06-15");
    const struct people_import_input input = {file, "people.csv", "test", dry_run, 100};
    memset(out, 0, sizeof *out);
    out->result.refused.size = sizeof(struct record_import_line);
    action_outcome_init(&out->outcome);
    out->status = action_people_import(&w->store, &actor, &input, &out->result, &out->outcome);
    fclose(file);
}

static void import_file(struct action_world *w, const char *body, struct imported *out)
{
    char file[4096];
    snprintf(file, sizeof file, "%s%s", header, body);
    import_text(w, w->coordinator, file, false, out);
    action_assert_done(out->status, &out->outcome);
    store_rows_release(&out->result.refused);
}

static void test_libraries_and_people_are_imported_once(void **state)
{
    struct action_world *w = *state;
    struct imported first;
    import_file(w, lines, &first);
    assert_int_equal(first.result.counts.of[RECORD_LINE_CREATED], 5);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM libraries WHERE external_id ="
                                           " 'MT-0077' AND kind = 'tribal-college'"),
                     1);
    assert_int_equal(
        action_world_count(w, "SELECT COUNT(*) FROM libraries l JOIN people d ON d.id ="
                              " l.director_id JOIN people c ON c.id = l.board_chair_id"
                              " WHERE l.external_id = 'MT-0042' AND d.email = 'rita@example.org'"
                              " AND c.email = 'tom@example.org'"),
        1);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM person_roles r JOIN people p"
                                           " ON p.id = r.person_id WHERE p.email ="
                                           " 'rita@example.org' AND r.began = '2019-08-01'"),
                     3);
    /* the director verifies the learner, as the people actions derive it */
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM people l JOIN people d ON d.id"
                                           " = l.verifier_id WHERE l.email = 'lee@example.org'"
                                           " AND d.email = 'rita@example.org'"),
                     1);
    struct imported again;
    import_file(w, lines, &again);
    assert_int_equal(again.result.counts.of[RECORD_LINE_UNCHANGED], 5);
    assert_int_equal(again.result.counts.rows_read, 5);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM libraries"), 4);
}

static void test_a_changed_line_updates_and_a_move_is_recorded(void **state)
{
    struct action_world *w = *state;
    struct imported first;
    import_file(w, lines, &first);
    struct imported changed;
    import_file(w,
                "MT-0042,Sweet Grass County Library,Big Timber,public,,,,,,,\n"
                "MT-0077,,,,lee@example.org,Lee Learner,staff,learner;supervisor,2023-02-01,,\n"
                "MT-0042,,,,tom@example.org,Tom Trustee,trustee,learner,,,yes\n",
                &changed);
    assert_int_equal(changed.result.counts.of[RECORD_LINE_UPDATED], 2);
    assert_int_equal(changed.result.counts.of[RECORD_LINE_UNCHANGED], 1);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM libraries WHERE name ="
                                           " 'Sweet Grass County Library'"),
                     1);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM person_library_moves m JOIN"
                                           " people p ON p.id = m.person_id WHERE p.email ="
                                           " 'lee@example.org'"),
                     1);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM people p JOIN libraries l ON"
                                           " l.id = p.library_id WHERE p.email ="
                                           " 'lee@example.org' AND l.external_id = 'MT-0077'"),
                     1);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM person_roles r JOIN people p"
                                           " ON p.id = r.person_id WHERE p.email ="
                                           " 'lee@example.org'"),
                     2);
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT COUNT(*) FROM audit_log WHERE actor_id = %lld AND action = 'edit'"
             " AND after_json LIKE '%%Sweet Grass County%%'",
             (long long)w->coordinator);
    assert_int_equal(action_world_count(w, sql), 1);
}

/* Each refused line names its reason; nothing of it is kept; the good line is. */
static void test_each_bad_line_is_refused_with_its_reason(void **state)
{
    struct action_world *w = *state;
    struct imported run;
    char file[4096];
    snprintf(file, sizeof file,
             "%s"
             "MT-0042,Sweet Grass Library,Big Timber,public,,,,,,,\n"
             "MT-0042,,,,a@example.org,Ann,staff,learner;wizard,,,\n"
             "MT-0042,,,bookmobile,,,,,,,\n"
             "MT-0999,,,,b@example.org,Bea,staff,learner,,,\n"
             "MT-0042,,,,not-an-address,Cy,staff,learner,,,\n"
             "MT-0042,,,,d@example.org,Di,trustee,learner,,yes,\n"
             "MT-0042,,,,e@example.org,Ed,staff,learner,,,yes\n"
             "MT-0043,New Library,,,,,,,,,\n"
             "MT-0042,,,,,Fay,staff,learner,,,\n"
             "MT-0042,,,,g@example.org,Gus,staff,learner,2020-13-45,,\n"
             "MT-0042,,,,h@example.org,Hal,staff,learner,,maybe,\n"
             "MT-0042,,,,i@example.org,Ida,staff,learner,,,\n",
             header);
    import_text(w, w->coordinator, file, false, &run);
    action_assert_done(run.status, &run.outcome);
    assert_int_equal(run.result.counts.of[RECORD_LINE_CREATED], 2);
    assert_int_equal(run.result.refused.count, 10);
    const struct record_import_line *refused = run.result.refused.items;
    static const char *const reasons[] = {"roles: There is no role \"wizard\"",
                                          "library_kind: ",
                                          "library_id: No library",
                                          "email: ",
                                          "director: ",
                                          "board_chair: ",
                                          "library_city: ",
                                          "email: ",
                                          "role_began: ",
                                          "director: "};
    for (size_t i = 0; i < 10; i++) {
        assert_int_equal(refused[i].line, (int64_t)i + 3);
        if (strncmp(refused[i].reason, reasons[i], strlen(reasons[i])) != 0) {
            fail_msg("line %zu: %s", i + 3, refused[i].reason);
        }
    }
    /* a refused line keeps nothing: Di was not added before her line was refused */
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM people WHERE email IN"
                                           " ('a@example.org', 'd@example.org', 'e@example.org')"),
                     0);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM people WHERE email ="
                                           " 'i@example.org'"),
                     1);
    store_rows_release(&run.result.refused);
}

/* An existing person given an unknown role is refused and keeps their roles. */
static void test_an_unknown_role_leaves_a_person_as_they_were(void **state)
{
    struct action_world *w = *state;
    struct imported first;
    import_file(w, lines, &first);
    struct imported run;
    import_file(w, "MT-0042,,,,lee@example.org,Lee Learner,staff,learner;wizard,,,\n", &run);
    assert_int_equal(run.result.counts.of[RECORD_LINE_REFUSED], 1);
    /* a line leaving the roles (and the rest) empty leaves them as they are */
    import_file(w, "MT-0042,,,,lee@example.org,,,,,,\n", &run);
    assert_int_equal(run.result.counts.of[RECORD_LINE_UNCHANGED], 1);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM person_roles r JOIN people p"
                                           " ON p.id = r.person_id WHERE p.email ="
                                           " 'lee@example.org'"),
                     1);
}

static void test_a_file_not_in_the_format_keeps_nothing(void **state)
{
    struct action_world *w = *state;
    static const char *const files[] = {"", "name,email\nx,y\n", "email,name\na@b.org,A\n",
                                        "library_id,email,email\n"};
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
    char file[4096];
    snprintf(file, sizeof file, "%s%s", header, lines);
    struct imported run;
    import_text(w, w->coordinator, file, true, &run);
    action_assert_done(run.status, &run.outcome);
    assert_int_equal(run.result.counts.of[RECORD_LINE_CREATED], 5);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM libraries"), 2);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM record_imports"), 0);
    store_rows_release(&run.result.refused);
}

static void test_only_the_coordinator_imports(void **state)
{
    struct action_world *w = *state;
    char file[4096];
    snprintf(file, sizeof file, "%s%s", header, lines);
    struct imported run;
    import_text(w, w->director, file, false, &run);
    action_assert_refused(run.status, &run.outcome, ACTION_NOT_ALLOWED, NULL);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM libraries"), 2);
    store_rows_release(&run.result.refused);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_libraries_and_people_are_imported_once, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_changed_line_updates_and_a_move_is_recorded, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_each_bad_line_is_refused_with_its_reason, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_an_unknown_role_leaves_a_person_as_they_were, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_file_not_in_the_format_keeps_nothing, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_dry_run_keeps_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_only_the_coordinator_imports, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
