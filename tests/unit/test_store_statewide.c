/* The statewide picture's store reads: people by program and status, the directors'
 * standing against their window, credits per month, what expires next quarter, the newly
 * certified, and the consultant's restriction to their libraries; and the rules they
 * rest on (core/director_window.h, core/calendar_period.h). */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "action_world.h"
#include "actions/award.h"
#include "core/calendar_period.h"
#include "core/director_window.h"
#include "store/store_directors.h"
#include "store/store_newly_certified.h"
#include "store/store_statewide.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("store-statewide");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static void exec_sql(struct action_world *w, const char *sql)
{
    struct ct_err err = {0};
    test_ok(store_exec(&w->store, sql, NULL, 0, NULL, &err), &err);
}

/* Runs sql with one whole number (an id) for its parameter. */
static void exec_sql_id(struct action_world *w, const char *sql, int64_t id)
{
    struct ct_err err = {0};
    test_ok(STORE_EXEC(&w->store, sql, NULL, &err, DB_INT(id)), &err);
}

/* Runs sql with two whole numbers for its parameters. */
static void exec_sql_ids(struct action_world *w, const char *sql, int64_t first, int64_t second)
{
    struct ct_err err = {0};
    test_ok(STORE_EXEC(&w->store, sql, NULL, &err, DB_INT(first), DB_INT(second)), &err);
}

static void give_certificate(struct action_world *w, int64_t person, const char *program,
                             const char *issued, bool revoked);

/* The consultant serves the first library only. */
static void consultant_serves_library(struct action_world *w)
{
    exec_sql_ids(w, "INSERT INTO library_consultants (library_id, person_id) VALUES (?, ?)",
                 w->library, w->consultant);
}

static struct statewide_picture picture_on(struct action_world *w, const char *day,
                                           const struct statewide_filter *filter)
{
    struct statewide_picture picture;
    struct ct_err err = {0};
    test_ok(store_statewide_picture(&w->store, test_day(day), filter, &picture, &err), &err);
    return picture;
}

static const struct statewide_program_row *program_of(const struct statewide_picture *picture,
                                                      const char *program)
{
    const struct statewide_program_row *rows = picture->programs.items;
    for (size_t i = 0; i < picture->programs.count; i++) {
        if (strcmp(rows[i].program, program) == 0) {
            return &rows[i];
        }
    }
    fail_msg("no row for %s", program);
    return NULL;
}

/* ---- the rules ---- */

static void test_the_next_quarter_starts_after_the_days_quarter(void **state)
{
    (void)state;
    static const char *const cases[][3] = {
        {"2024-03-31", "2024-04-01", "2024-07-01"}, {"2024-04-01", "2024-07-01", "2024-10-01"},
        {"2024-09-30", "2024-10-01", "2025-01-01"}, {"2024-10-01", "2025-01-01", "2025-04-01"},
        {"2024-12-31", "2025-01-01", "2025-04-01"}, {"2025-01-01", "2025-04-01", "2025-07-01"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct civil_date start, end;
        calendar_next_quarter(test_day(cases[i][0]), &start, &end);
        assert_int_equal(start.days, test_day(cases[i][1]).days);
        assert_int_equal(end.days, test_day(cases[i][2]).days);
    }
}

static void test_the_months_end_with_the_days_own(void **state)
{
    (void)state;
    struct civil_date day = test_day("2024-02-15");
    assert_int_equal(calendar_month_start(day, -11).days, test_day("2023-03-01").days);
    assert_int_equal(calendar_month_start(day, 0).days, test_day("2024-02-01").days);
    assert_int_equal(calendar_month_index(test_day("2023-03-01"), day, 12), 0);
    assert_int_equal(calendar_month_index(test_day("2023-02-28"), day, 12), -1);
    assert_int_equal(calendar_month_index(test_day("2024-02-29"), day, 12), 11);
    assert_int_equal(calendar_month_index(test_day("2024-03-01"), day, 12), -1);
}

static void test_a_director_is_late_on_the_day_the_window_ends(void **state)
{
    (void)state;
    struct civil_date hired = test_day("2020-03-01");
    assert_int_equal(director_window_end(hired, 4).days, test_day("2024-03-01").days);
    assert_int_equal(director_standing_on(false, hired, 4, test_day("2024-02-29")),
                     DIRECTOR_WITHIN_WINDOW);
    assert_int_equal(director_standing_on(false, hired, 4, test_day("2024-03-01")), DIRECTOR_LATE);
    assert_int_equal(director_standing_on(true, hired, 4, test_day("2030-01-01")),
                     DIRECTOR_CERTIFIED);
    assert_int_equal(director_standing_on(false, civil_date_unset(), 4, test_day("2024-03-01")),
                     DIRECTOR_NO_HIRE_DAY);
}

static void
test_a_certificate_is_in_force_from_its_issue_to_the_day_before_valid_until(void **state)
{
    (void)state;
    struct civil_date issued = test_day("2020-06-01"), until = test_day("2024-06-01");
    assert_false(director_certificate_in_force(issued, until, false, test_day("2020-05-31")));
    assert_true(director_certificate_in_force(issued, until, false, test_day("2020-06-01")));
    assert_true(director_certificate_in_force(issued, until, false, test_day("2024-05-31")));
    assert_false(director_certificate_in_force(issued, until, false, test_day("2024-06-01")));
    assert_false(director_certificate_in_force(issued, until, true, test_day("2022-01-01")));
    /* A certificate without an end stays in force. */
    assert_true(
        director_certificate_in_force(issued, civil_date_unset(), false, test_day("2040-01-01")));
}

static void test_a_directors_certificate_is_of_the_director_programs_chain(void **state)
{
    (void)state;
    const struct program_set *set = test_msl_programs();
    const char *director = DIRECTOR_PROGRAM_DEFAULT;
    assert_true(director_certificate_counts(set, director, "msl-director-initial"));
    assert_true(director_certificate_counts(set, director, "msl-director-renewal"));
    assert_true(director_certificate_counts(set, director, "msl-strategic"));
    assert_false(director_certificate_counts(set, director, "msl-staff"));
    assert_false(director_certificate_counts(set, director, "msl-trustee"));
    assert_false(director_certificate_counts(set, "no-such-program", "msl-director-initial"));
    assert_false(director_certificate_counts(set, director, NULL));
}

/* ---- people by program and status ---- */

/* The learner in progress on msl-staff, the other learner's trustee track complete,
 * the other director's initial track expired. */
static void three_tracks(struct action_world *w)
{
    action_world_enroll(w, w->learner, "msl-staff", "2023-01-01");
    action_world_workshop(w, w->learner, "Coding", "2023-05-01", 4);
    action_world_ready_track(w, w->other_learner);
    action_world_enroll(w, w->other_director, "msl-director-initial", "2019-06-01");
}

static void test_people_are_counted_by_program_and_the_engines_status(void **state)
{
    struct action_world *w = *state;
    three_tracks(w);
    struct statewide_filter everyone = {0};
    struct statewide_picture picture = picture_on(w, "2024-01-01", &everyone);
    assert_int_equal(picture.programs.count, test_msl_programs()->count);
    assert_int_equal(program_of(&picture, "msl-staff")->people[TRACK_IN_PROGRESS], 1);
    assert_int_equal(program_of(&picture, "msl-trustee")->people[TRACK_COMPLETE], 1);
    assert_int_equal(program_of(&picture, "msl-director-initial")->people[TRACK_EXPIRED], 1);
    assert_int_equal(program_of(&picture, "msl-strategic")->people[TRACK_IN_PROGRESS], 0);
    statewide_picture_release(&picture);
    struct statewide_filter staff = {.program = "msl-staff"};
    picture = picture_on(w, "2024-01-01", &staff);
    assert_int_equal(picture.programs.count, 1);
    assert_int_equal(program_of(&picture, "msl-staff")->people[TRACK_IN_PROGRESS], 1);
    statewide_picture_release(&picture);
}

static void test_the_kind_filter_keeps_the_libraries_of_that_kind(void **state)
{
    struct action_world *w = *state;
    three_tracks(w);
    exec_sql_id(w, "UPDATE libraries SET kind = 'school' WHERE id = ?", w->other_library);
    struct statewide_filter schools = {.library_kind = "school"};
    struct statewide_picture picture = picture_on(w, "2024-01-01", &schools);
    assert_int_equal(program_of(&picture, "msl-staff")->people[TRACK_IN_PROGRESS], 0);
    assert_int_equal(program_of(&picture, "msl-trustee")->people[TRACK_COMPLETE], 1);
    assert_int_equal(program_of(&picture, "msl-director-initial")->people[TRACK_EXPIRED], 1);
    statewide_picture_release(&picture);
}

static void test_a_consultant_sees_only_the_libraries_they_serve(void **state)
{
    struct action_world *w = *state;
    three_tracks(w);
    consultant_serves_library(w);
    struct statewide_filter theirs = {.consultant_id = w->consultant};
    struct statewide_picture picture = picture_on(w, "2024-01-01", &theirs);
    assert_int_equal(program_of(&picture, "msl-staff")->people[TRACK_IN_PROGRESS], 1);
    assert_int_equal(program_of(&picture, "msl-trustee")->people[TRACK_COMPLETE], 0);
    assert_int_equal(program_of(&picture, "msl-director-initial")->people[TRACK_EXPIRED], 0);
    statewide_picture_release(&picture);
    struct director_picture directors;
    struct ct_err err = {0};
    test_ok(store_directors_read(&w->store, test_day("2024-01-01"), DIRECTOR_PROGRAM_DEFAULT,
                                 &theirs, &directors, &err),
            &err);
    assert_int_equal(directors.libraries.count, 1);
    assert_int_equal(((const struct director_row *)directors.libraries.items)[0].library_id,
                     w->library);
    director_picture_release(&directors);
    give_certificate(w, w->learner, "msl-staff", "2025-01-01", false);
    give_certificate(w, w->other_learner, "msl-staff", "2025-01-01", false);
    struct store_rows rows;
    test_ok(store_newly_certified(&w->store, test_day("2000-01-01"), test_day("2099-12-31"),
                                  &theirs, &rows, &err),
            &err);
    assert_int_equal(rows.count, 1);
    assert_int_equal(((const struct newly_certified_row *)rows.items)[0].person_id, w->learner);
    store_rows_release(&rows);
}

/* ---- the directors ---- */

/* Names the director of library, their library-administrator role begun on hired (NULL:
 * no day). */
static void name_director(struct action_world *w, int64_t library, int64_t director,
                          const char *hired)
{
    exec_sql_ids(w, "UPDATE libraries SET director_id = ? WHERE id = ?", director, library);
    struct ct_err err = {0};
    test_ok(STORE_EXEC(&w->store,
                       "UPDATE person_roles SET began = ? WHERE person_id = ?"
                       " AND role = 'library-administrator'",
                       NULL, &err, DB_TEXT(hired), DB_INT(director)),
            &err);
}

/* A certificate of program for person, issued on issued and valid for four years, on a
 * certified track of its own; revoked when revoked is set. */

/* The day four years after day (YYYY-MM-DD), written into out and returned. */
static const char *four_years_on(const char *day, char out[CIVIL_DATE_TEXT_SIZE])
{
    struct civil_date date;
    assert_true(civil_date_parse(day, &date));
    civil_date_format(civil_date_add_years(date, 4), out);
    return out;
}

static void give_certificate(struct action_world *w, int64_t person, const char *program,
                             const char *issued, bool revoked)
{
    static int serial;
    char number[32], code[32];
    serial++;
    snprintf(number, sizeof number, "CT-%d", serial);
    char until[CIVIL_DATE_TEXT_SIZE];
    snprintf(code, sizeof code, "code-%d", serial);
    struct ct_err err = {0};
    test_ok(STORE_EXEC(&w->store,
                       "INSERT INTO tracks (person_id, program, started, deadline, state,"
                       " state_changed_at) VALUES (?, ?, '2000-01-01', '2004-01-01', 'certified',"
                       " '2000-01-01T00:00:00Z')",
                       NULL, &err, DB_INT(person), DB_TEXT(program)),
            &err);
    test_ok(STORE_EXEC(&w->store,
                       "INSERT INTO certificates (number, verification_code, person_id, track_id,"
                       " program, credit_halves, issued, valid_until, revoked, status_index)"
                       " VALUES (?, ?, ?, (SELECT MAX(id) FROM tracks), ?, 120, ?,"
                       " ?, ?, ?)",
                       NULL, &err, DB_TEXT(number), DB_TEXT(code), DB_INT(person), DB_TEXT(program),
                       DB_TEXT(issued), DB_TEXT(four_years_on(issued, until)),
                       DB_TEXT(revoked ? "2021-01-01" : NULL), DB_INT(1000 + serial)),
            &err);
}

static struct director_picture directors_on(struct action_world *w, const char *day)
{
    struct director_picture directors;
    struct statewide_filter everyone = {0};
    struct ct_err err = {0};
    test_ok(store_directors_read(&w->store, test_day(day), DIRECTOR_PROGRAM_DEFAULT, &everyone,
                                 &directors, &err),
            &err);
    return directors;
}

/* The standing of library's director on day. */
static enum director_standing standing_on(struct action_world *w, int64_t library, const char *day)
{
    struct director_picture directors = directors_on(w, day);
    const struct director_row *rows = directors.libraries.items;
    enum director_standing standing = DIRECTOR_STANDING_COUNT;
    for (size_t i = 0; i < directors.libraries.count; i++) {
        if (rows[i].library_id == library) {
            assert_int_not_equal(rows[i].director_id, 0);
            standing = rows[i].standing;
        }
    }
    director_picture_release(&directors);
    return standing;
}

static void test_a_director_is_within_the_window_to_its_last_day_then_late(void **state)
{
    struct action_world *w = *state;
    name_director(w, w->library, w->director, "2020-03-01");
    assert_int_equal(standing_on(w, w->library, "2020-03-01"), DIRECTOR_WITHIN_WINDOW);
    assert_int_equal(standing_on(w, w->library, "2024-02-29"), DIRECTOR_WITHIN_WINDOW);
    assert_int_equal(standing_on(w, w->library, "2024-03-01"), DIRECTOR_LATE);
    struct director_picture directors = directors_on(w, "2024-03-01");
    const struct director_row *row = directors.libraries.items;
    for (; row->library_id != w->library; row++) {
    }
    assert_int_equal(row->hire_day.days, test_day("2020-03-01").days);
    assert_int_equal(row->window_end.days, test_day("2024-03-01").days);
    assert_string_equal(row->director, "Dana Director");
    director_picture_release(&directors);
}

static void test_a_director_with_a_certificate_in_force_is_certified(void **state)
{
    struct action_world *w = *state;
    name_director(w, w->library, w->director, "2010-03-01");
    give_certificate(w, w->director, "msl-staff", "2023-01-01", false);
    assert_int_equal(standing_on(w, w->library, "2024-03-01"), DIRECTOR_LATE);
    give_certificate(w, w->director, "msl-director-initial", "2020-06-01", true);
    assert_int_equal(standing_on(w, w->library, "2024-03-01"), DIRECTOR_LATE);
    give_certificate(w, w->director, "msl-director-renewal", "2020-06-01", false);
    assert_int_equal(standing_on(w, w->library, "2020-05-31"), DIRECTOR_LATE);
    assert_int_equal(standing_on(w, w->library, "2020-06-01"), DIRECTOR_CERTIFIED);
    assert_int_equal(standing_on(w, w->library, "2024-05-31"), DIRECTOR_CERTIFIED);
    assert_int_equal(standing_on(w, w->library, "2024-06-01"), DIRECTOR_LATE);
    give_certificate(w, w->director, "msl-strategic", "2024-06-01", false);
    assert_int_equal(standing_on(w, w->library, "2024-06-01"), DIRECTOR_CERTIFIED);
}

static void test_the_hire_day_falls_back_to_the_first_role_and_may_be_unknown(void **state)
{
    struct action_world *w = *state;
    name_director(w, w->library, w->director, NULL);
    assert_int_equal(standing_on(w, w->library, "2024-03-01"), DIRECTOR_NO_HIRE_DAY);
    exec_sql_id(w,
                "UPDATE person_roles SET began = '2021-01-01' WHERE person_id = ?"
                " AND role = 'learner'",
                w->director);
    assert_int_equal(standing_on(w, w->library, "2024-12-31"), DIRECTOR_WITHIN_WINDOW);
    assert_int_equal(standing_on(w, w->library, "2025-01-01"), DIRECTOR_LATE);
}

static void test_directors_are_counted_per_kind_of_library(void **state)
{
    struct action_world *w = *state;
    name_director(w, w->library, w->director, "2023-01-01");
    name_director(w, w->other_library, w->other_director, "2015-01-01");
    exec_sql_id(w, "UPDATE libraries SET kind = 'tribal-college' WHERE id = ?", w->other_library);
    exec_sql(w, "INSERT INTO libraries (name, city, kind) VALUES ('Special Collection', 'Helena',"
                " 'special')");
    exec_sql(w, "INSERT INTO libraries (name, city, kind, closed_on) VALUES ('Closed', 'Helena',"
                " 'special', '2020-01-01')");
    struct director_picture directors = directors_on(w, "2024-01-01");
    assert_int_equal(directors.libraries.count, 3);
    assert_int_equal(directors.kind_count, 4);
    const struct director_kind_row *kinds = directors.kinds;
    assert_string_equal(kinds[0].kind, "public");
    assert_int_equal(kinds[0].libraries, 1);
    assert_int_equal(kinds[0].directors[DIRECTOR_WITHIN_WINDOW], 1);
    assert_string_equal(kinds[1].kind, "tribal-college");
    assert_int_equal(kinds[1].directors[DIRECTOR_LATE], 1);
    assert_string_equal(kinds[2].kind, "special");
    assert_int_equal(kinds[2].no_director, 1);
    assert_string_equal(kinds[3].kind, "all");
    assert_int_equal(kinds[3].libraries, 3);
    assert_int_equal(kinds[3].directors[DIRECTOR_WITHIN_WINDOW], 1);
    assert_int_equal(kinds[3].directors[DIRECTOR_LATE], 1);
    assert_int_equal(kinds[3].no_director, 1);
    director_picture_release(&directors);
    struct statewide_filter specials = {.library_kind = "special"};
    struct ct_err err = {0};
    test_ok(store_directors_read(&w->store, test_day("2024-01-01"), DIRECTOR_PROGRAM_DEFAULT,
                                 &specials, &directors, &err),
            &err);
    assert_int_equal(directors.libraries.count, 1);
    assert_int_equal(directors.kind_count, 2);
    director_picture_release(&directors);
    assert_int_equal(store_directors_read(&w->store, test_day("2024-01-01"), "no-such-program",
                                          &specials, &directors, &err),
                     CT_ERR_INPUT);
    director_picture_release(&directors);
}

/* ---- credits per month ---- */

static void test_credits_are_counted_by_the_month_of_the_activity(void **state)
{
    struct action_world *w = *state;
    action_world_enroll(w, w->learner, "msl-staff", "2022-06-01");
    action_world_workshop(w, w->learner, "Before the months", "2022-12-31", 2);
    action_world_workshop(w, w->learner, "First month", "2023-01-15", 3);
    action_world_workshop(w, w->learner, "Last month", "2023-12-01", 4);
    action_world_activity(w, w->learner, "Pending", "2023-12-02", 8, "technology", "pending");
    struct statewide_filter everyone = {0};
    struct statewide_picture picture = picture_on(w, "2023-12-15", &everyone);
    assert_int_equal(picture.months[0].first_day.days, test_day("2023-01-01").days);
    assert_int_equal(picture.months[11].first_day.days, test_day("2023-12-01").days);
    assert_int_equal(picture.months[0].counted_halves, 3);
    assert_int_equal(picture.months[11].counted_halves, 4);
    int64_t total = 0;
    for (int i = 0; i < STATEWIDE_MONTHS; i++) {
        total += picture.months[i].counted_halves;
    }
    assert_int_equal(total, 7);
    statewide_picture_release(&picture);
}

static void test_an_activity_on_two_tracks_is_counted_once(void **state)
{
    struct action_world *w = *state;
    action_world_enroll(w, w->learner, "msl-staff", "2023-01-01");
    action_world_enroll(w, w->learner, "msl-trustee", "2023-01-01");
    action_world_workshop(w, w->learner, "Both tracks", "2023-06-01", 6);
    struct statewide_filter everyone = {0};
    struct statewide_picture picture = picture_on(w, "2023-12-15", &everyone);
    assert_int_equal(program_of(&picture, "msl-staff")->people[TRACK_IN_PROGRESS], 1);
    assert_int_equal(program_of(&picture, "msl-trustee")->people[TRACK_IN_PROGRESS], 1);
    assert_int_equal(picture.months[5].counted_halves, 6);
    statewide_picture_release(&picture);
}

static void test_credits_of_a_track_certified_since_still_count_in_their_month(void **state)
{
    struct action_world *w = *state;
    int64_t track = action_world_ready_track(w, w->learner);
    struct actor actor = action_world_actor(w, w->coordinator, "2024-01-01");
    struct award_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_track_award(&w->store, &actor, &(struct track_award_input){track},
                                          &result, &outcome),
                       &outcome);
    struct statewide_filter everyone = {0};
    /* The months from March 2023: the trustee track's credits of January and February 2023
     * are before them; on 2024-01-31 they are in, though the track is certified. */
    struct statewide_picture picture = picture_on(w, "2024-02-15", &everyone);
    assert_int_equal(picture.months[0].first_day.days, test_day("2023-03-01").days);
    int64_t total = 0;
    for (int i = 0; i < STATEWIDE_MONTHS; i++) {
        total += picture.months[i].counted_halves;
    }
    assert_int_equal(total, 0);
    statewide_picture_release(&picture);
    picture = picture_on(w, "2024-01-15", &everyone);
    assert_int_equal(picture.months[0].first_day.days, test_day("2023-02-01").days);
    assert_int_equal(picture.months[0].counted_halves, 10);
    /* The certified track is not counted among the people by status; its successor is. */
    assert_int_equal(program_of(&picture, "msl-trustee")->people[TRACK_COMPLETE], 0);
    assert_int_equal(program_of(&picture, "msl-trustee")->people[TRACK_IN_PROGRESS], 1);
    statewide_picture_release(&picture);
}

/* ---- what expires next quarter ---- */

/* The learner's staff track from 2020-04-01, with activities on the days given. */
static void dated_activities(struct action_world *w)
{
    action_world_enroll(w, w->learner, "msl-staff", "2020-04-01");
    action_world_workshop(w, w->learner, "Q2 first day", "2020-04-01", 1);
    action_world_workshop(w, w->learner, "Q2 last day", "2020-06-30", 2);
    action_world_workshop(w, w->learner, "Q3 first day", "2020-07-01", 4);
    action_world_workshop(w, w->learner, "Q3 last day", "2020-09-30", 8);
    action_world_workshop(w, w->learner, "Q4 first day", "2020-10-01", 16);
}

static const struct statewide_expiring_row *only_row(const struct statewide_picture *picture)
{
    assert_int_equal(picture->expiring.count, 1);
    return picture->expiring.items;
}

static void test_what_stops_counting_in_the_next_quarter_is_listed_per_person(void **state)
{
    struct action_world *w = *state;
    dated_activities(w);
    struct statewide_filter everyone = {0};
    /* On the last day of the first quarter: what stops counting from 1 April to 30 June. */
    struct statewide_picture picture = picture_on(w, "2024-03-31", &everyone);
    assert_int_equal(picture.quarter_start.days, test_day("2024-04-01").days);
    assert_int_equal(picture.quarter_end.days, test_day("2024-07-01").days);
    const struct statewide_expiring_row *row = only_row(&picture);
    assert_int_equal(row->person_id, w->learner);
    assert_string_equal(row->name, "Sam Staff");
    assert_string_equal(row->library, "Bitterroot Public Library");
    assert_int_equal(row->halves, 1 + 2);
    assert_int_equal(row->first_expiry.days, test_day("2024-04-01").days);
    assert_int_equal(picture.expiring_halves, 3);
    assert_int_equal(picture.expiring_by_month[0], 1);
    assert_int_equal(picture.expiring_by_month[1], 0);
    assert_int_equal(picture.expiring_by_month[2], 2);
    statewide_picture_release(&picture);
    /* On the first day of the second: July to September. */
    picture = picture_on(w, "2024-04-01", &everyone);
    row = only_row(&picture);
    assert_int_equal(row->halves, 4 + 8);
    assert_int_equal(row->first_expiry.days, test_day("2024-07-01").days);
    assert_int_equal(picture.expiring_by_month[0], 4);
    assert_int_equal(picture.expiring_by_month[2], 8);
    statewide_picture_release(&picture);
}

static void test_nothing_listed_expires_when_nothing_stops_counting_next_quarter(void **state)
{
    struct action_world *w = *state;
    dated_activities(w);
    struct statewide_filter everyone = {0};
    struct statewide_picture picture = picture_on(w, "2023-01-15", &everyone);
    assert_int_equal(picture.expiring.count, 0);
    assert_int_equal(picture.expiring_halves, 0);
    statewide_picture_release(&picture);
}

/* ---- the newly certified ---- */

static void test_the_newly_certified_are_the_awarded_ones_of_the_range(void **state)
{
    struct action_world *w = *state;
    give_certificate(w, w->learner, "msl-staff", "2025-01-01", false);
    give_certificate(w, w->other_learner, "msl-staff", "2025-12-31", false);
    give_certificate(w, w->director, "msl-trustee", "2025-06-01", false);
    give_certificate(w, w->other_director, "msl-staff", "2026-01-01", false);
    give_certificate(w, w->coordinator, "msl-staff", "2025-06-01", true);
    give_certificate(w, w->consultant, "msl-staff", "2025-06-01", false);
    exec_sql_id(w, "UPDATE certificates SET provenance = 'imported' WHERE person_id = ?",
                w->consultant);
    struct statewide_filter everyone = {0};
    struct store_rows rows;
    struct ct_err err = {0};
    test_ok(store_newly_certified(&w->store, test_day("2025-01-01"), test_day("2025-12-31"),
                                  &everyone, &rows, &err),
            &err);
    assert_int_equal(rows.count, 3);
    const struct newly_certified_row *row = rows.items;
    assert_string_equal(row[0].program, "msl-staff");
    assert_string_equal(row[0].library, "Bitterroot Public Library");
    assert_string_equal(row[0].name, "Sam Staff");
    assert_string_equal(row[0].city, "Hamilton");
    assert_string_equal(row[1].library, "Glacier County Library");
    assert_string_equal(row[1].name, "Pat Patron");
    assert_string_equal(row[2].program, "msl-trustee");
    assert_string_equal(row[2].name, "Dana Director");
    store_rows_release(&rows);
    struct statewide_filter trustees = {.program = "msl-trustee"};
    test_ok(store_newly_certified(&w->store, test_day("2025-01-01"), test_day("2025-12-31"),
                                  &trustees, &rows, &err),
            &err);
    assert_int_equal(rows.count, 1);
    store_rows_release(&rows);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_next_quarter_starts_after_the_days_quarter),
        cmocka_unit_test(test_the_months_end_with_the_days_own),
        cmocka_unit_test(test_a_director_is_late_on_the_day_the_window_ends),
        cmocka_unit_test(
            test_a_certificate_is_in_force_from_its_issue_to_the_day_before_valid_until),
        cmocka_unit_test(test_a_directors_certificate_is_of_the_director_programs_chain),
        cmocka_unit_test_setup_teardown(test_people_are_counted_by_program_and_the_engines_status,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_kind_filter_keeps_the_libraries_of_that_kind,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_consultant_sees_only_the_libraries_they_serve, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_a_director_is_within_the_window_to_its_last_day_then_late, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_director_with_a_certificate_in_force_is_certified,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_the_hire_day_falls_back_to_the_first_role_and_may_be_unknown, setup, teardown),
        cmocka_unit_test_setup_teardown(test_directors_are_counted_per_kind_of_library, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_credits_are_counted_by_the_month_of_the_activity,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_activity_on_two_tracks_is_counted_once, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_credits_of_a_track_certified_since_still_count_in_their_month, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_what_stops_counting_in_the_next_quarter_is_listed_per_person, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_nothing_listed_expires_when_nothing_stops_counting_next_quarter, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_newly_certified_are_the_awarded_ones_of_the_range,
                                        setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
