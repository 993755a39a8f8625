/* The reminders' rule: each threshold on its day, the day before and the day after; one
 * stable key per threshold and subject; what still blocks a track, in words; a
 * director's deadline and the new director's letter; claims that waited too long. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "core/reminder_rule.h"
#include "core/banned.h"

/* A director's initial track started 2022-07-01 (its deadline 2026-07-01), on as_of,
 * with 10 credits of Library Administration earned 2022-07-10 (they stop counting on
 * 2026-07-10) and 40 of technology earned 2023-03-01. */
static struct evaluated director_track(const char *as_of)
{
    char quoted[1024], json[1024];
    snprintf(quoted, sizeof quoted,
             "{'program': 'msl-director-initial', 'as_of': '%s', 'track_started': '2022-07-01',"
             " 'activities': ["
             "{'id': 'a1', 'kind': 'course', 'date': '2022-07-10', 'credits': 10,"
             " 'category': 'library-administration', 'status': 'verified'},"
             "{'id': 'a2', 'kind': 'course', 'date': '2023-03-01', 'credits': 40,"
             " 'category': 'technology', 'status': 'verified'}]}",
             as_of);
    for (size_t i = 0; i <= strlen(quoted); i++) {
        json[i] = quoted[i] == '\'' ? '"' : quoted[i];
    }
    return test_evaluate(test_msl_programs(), json);
}

/* The reminders of kind the director track is owed on as_of in state; fills *found. */
static size_t owed(const char *as_of, const char *state, const char *kind,
                   struct track_reminder *found)
{
    struct evaluated e = director_track(as_of);
    struct track_reminder all[REMINDER_TRACK_MAX];
    size_t count = reminder_rule_track(7, state, e.evaluation, all);
    size_t matching = 0;
    for (size_t i = 0; i < count; i++) {
        if (strcmp(all[i].kind, kind) == 0) {
            *found = all[i];
            matching++;
        }
    }
    test_evaluated_release(&e);
    return matching;
}

static int deadline_months(const char *as_of)
{
    struct track_reminder r;
    return owed(as_of, "active", REMINDER_KIND_DEADLINE, &r) == 1 ? r.threshold : 0;
}

static void test_each_deadline_threshold_on_its_day_not_the_day_before(void **state)
{
    (void)state;
    static const struct {
        const char *before, *on, *after;
        int months, months_before;
    } cases[] = {
        {"2025-06-30", "2025-07-01", "2025-07-02", 12, 0},
        {"2025-12-31", "2026-01-01", "2026-01-02", 6, 12},
        {"2026-03-31", "2026-04-01", "2026-04-02", 3, 6},
        {"2026-05-31", "2026-06-01", "2026-06-02", 1, 3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(deadline_months(cases[i].before), cases[i].months_before);
        assert_int_equal(deadline_months(cases[i].on), cases[i].months);
        assert_int_equal(deadline_months(cases[i].after), cases[i].months);
    }
    assert_int_equal(deadline_months("2026-06-30"), 1);
    assert_int_equal(deadline_months("2026-07-01"), 0); /* the deadline itself: too late */
}

static void test_a_deadline_key_is_the_same_every_day_of_its_threshold(void **state)
{
    (void)state;
    struct track_reminder on, after, next;
    assert_int_equal(owed("2026-01-01", "active", REMINDER_KIND_DEADLINE, &on), 1);
    assert_int_equal(owed("2026-03-15", "returned", REMINDER_KIND_DEADLINE, &after), 1);
    assert_int_equal(owed("2026-04-01", "active", REMINDER_KIND_DEADLINE, &next), 1);
    assert_string_equal(on.key, "track:7:deadline:2026-07-01:6m");
    assert_string_equal(after.key, on.key);
    assert_string_equal(next.key, "track:7:deadline:2026-07-01:3m");
    assert_true(civil_date_compare(on.day, test_day("2026-07-01")) == 0);
}

static void test_a_submitted_track_gets_no_deadline_reminder(void **state)
{
    (void)state;
    struct track_reminder r;
    assert_int_equal(owed("2026-06-15", "submitted", REMINDER_KIND_DEADLINE, &r), 0);
}

static void test_a_run_after_a_gap_owes_only_the_nearest_threshold(void **state)
{
    (void)state;
    /* Nothing was sent at 12, 6 or 3 months: a run ten days before the deadline owes
     * the 1-month reminder alone. */
    assert_int_equal(deadline_months("2026-06-21"), 1);
    assert_int_equal(reminder_deadline_threshold(test_day("2020-01-01"), test_day("2026-07-01")),
                     0);
    assert_int_equal(reminder_deadline_threshold(test_day("2026-01-01"), civil_date_unset()), 0);
}

static void test_months_before_lands_on_the_last_day_of_a_shorter_month(void **state)
{
    (void)state;
    struct civil_date day = reminder_months_before(test_day("2026-05-31"), 3);
    assert_int_equal(civil_date_compare(day, test_day("2026-02-28")), 0);
    day = reminder_months_before(test_day("2028-05-31"), 3);
    assert_int_equal(civil_date_compare(day, test_day("2028-02-29")), 0);
    day = reminder_months_before(test_day("2027-01-15"), 12);
    assert_int_equal(civil_date_compare(day, test_day("2026-01-15")), 0);
    day = reminder_months_before(test_day("2027-01-15"), 1);
    assert_int_equal(civil_date_compare(day, test_day("2026-12-15")), 0);
}

static void test_what_blocks_the_track_is_listed_in_words(void **state)
{
    (void)state;
    struct evaluated e = director_track("2026-06-01");
    assert_int_equal(e.evaluation->blocking_count, 2);
    char words[256];
    blocking_item_words(e.evaluation, 0, words, sizeof words);
    assert_string_equal(words, "10 more credits are needed.");
    blocking_item_words(e.evaluation, 1, words, sizeof words);
    assert_string_equal(words, "20 more credits are needed in Library Administration.");
    test_evaluated_release(&e);
}

static int expiry_days(const char *as_of, struct track_reminder *r)
{
    return owed(as_of, "active", REMINDER_KIND_EXPIRY, r) == 1 ? r->threshold : 0;
}

static void test_each_expiry_threshold_on_its_day_not_the_day_before(void **state)
{
    (void)state;
    struct track_reminder r;
    /* a1 stops counting on 2026-07-10: 90 days before is 2026-04-11, 30 is 2026-06-10. */
    assert_int_equal(expiry_days("2026-04-10", &r), 0);
    assert_int_equal(expiry_days("2026-04-11", &r), 90);
    assert_int_equal(expiry_days("2026-04-12", &r), 90);
    assert_string_equal(r.key, "track:7:expiry:2026-07-10:90d");
    assert_int_equal(expiry_days("2026-06-09", &r), 90);
    assert_int_equal(expiry_days("2026-06-10", &r), 30);
    assert_int_equal(expiry_days("2026-06-11", &r), 30);
    assert_string_equal(r.key, "track:7:expiry:2026-07-10:30d");
    /* How many, and what the total falls to, from the projection. */
    assert_int_equal(r.expiring_halves, 20);
    assert_int_equal(r.counted_halves, 100);
    assert_int_equal(r.falls_to_halves, 80);
    assert_true(civil_date_compare(r.day, test_day("2026-07-10")) == 0);
}

static void test_an_expired_track_is_told_of_no_expiry(void **state)
{
    (void)state;
    struct track_reminder r;
    assert_int_equal(expiry_days("2026-07-02", &r), 0);
    assert_int_equal(reminder_expiry_threshold(test_day("2026-07-10"), test_day("2026-07-10")), 0);
    assert_int_equal(reminder_expiry_threshold(test_day("2026-07-10"), civil_date_unset()), 0);
}

static struct director_facts director(const char *hired, const char *certified_until)
{
    return (struct director_facts){
        .library_id = 3,
        .director_id = 10,
        .hire_day = hired != NULL ? test_day(hired) : civil_date_unset(),
        .certified_until = certified_until != NULL ? test_day(certified_until) : civil_date_unset(),
        .window_years = 4,
    };
}

/* The threshold of the deadline reminder about facts on as_of; -1 when none is owed. */
static int director_months(const struct director_facts *facts, const char *as_of,
                           struct director_reminder *r)
{
    struct director_reminder found[REMINDER_DIRECTOR_MAX];
    size_t count = reminder_rule_director(facts, test_day(as_of), found);
    for (size_t i = 0; i < count; i++) {
        if (strcmp(found[i].kind, REMINDER_KIND_DIRECTOR_DEADLINE) == 0) {
            *r = found[i];
            return found[i].threshold;
        }
    }
    return -1;
}

static void test_a_directors_deadline_at_each_threshold_and_once_it_has_come(void **state)
{
    (void)state;
    struct director_facts facts = director("2022-09-01", NULL);
    struct director_reminder r;
    assert_int_equal(director_months(&facts, "2025-08-31", &r), -1);
    assert_int_equal(director_months(&facts, "2025-09-01", &r), 12);
    assert_string_equal(r.key, "director:3:10:deadline:2026-09-01:12m");
    assert_int_equal(director_months(&facts, "2026-02-28", &r), 12);
    assert_int_equal(director_months(&facts, "2026-03-01", &r), 6);
    assert_int_equal(director_months(&facts, "2026-06-01", &r), 3);
    assert_int_equal(director_months(&facts, "2026-08-01", &r), 1);
    assert_int_equal(director_months(&facts, "2026-08-31", &r), 1);
    assert_int_equal(director_months(&facts, "2026-09-01", &r), 0);
    assert_string_equal(r.key, "director:3:10:deadline:2026-09-01:late");
    assert_false(r.certified);
    assert_int_equal(director_months(&facts, "2030-01-01", &r), 0);
}

static void test_a_certified_directors_deadline_is_the_end_of_the_certificate(void **state)
{
    (void)state;
    struct director_facts facts = director("2015-01-01", "2027-03-15");
    struct director_reminder r;
    assert_int_equal(director_months(&facts, "2026-03-14", &r), -1);
    assert_int_equal(director_months(&facts, "2026-03-15", &r), 12);
    assert_true(r.certified);
    assert_int_equal(civil_date_compare(r.deadline, test_day("2027-03-15")), 0);
    struct director_facts unknown = director(NULL, NULL);
    assert_int_equal(director_months(&unknown, "2026-03-15", &r), -1);
}

static bool letter_owed(const struct director_facts *facts, const char *as_of,
                        struct director_reminder *r)
{
    struct director_reminder found[REMINDER_DIRECTOR_MAX];
    size_t count = reminder_rule_director(facts, test_day(as_of), found);
    for (size_t i = 0; i < count; i++) {
        if (strcmp(found[i].kind, REMINDER_KIND_NEW_DIRECTOR) == 0) {
            *r = found[i];
            return true;
        }
    }
    return false;
}

static void test_a_new_director_gets_the_letter_within_the_days_after_the_hire(void **state)
{
    (void)state;
    struct director_facts facts = director("2026-03-02", NULL);
    struct director_reminder r;
    assert_false(letter_owed(&facts, "2026-03-01", &r)); /* not hired yet */
    assert_true(letter_owed(&facts, "2026-03-02", &r));
    assert_string_equal(r.key, "director:3:10:hired:2026-03-02");
    assert_int_equal(civil_date_compare(r.deadline, test_day("2030-03-02")), 0);
    assert_true(letter_owed(&facts, "2026-05-31", &r));  /* 90 days after */
    assert_false(letter_owed(&facts, "2026-06-01", &r)); /* 91 days after: not new */
    struct director_facts certified = director("2026-03-02", "2028-01-01");
    assert_false(letter_owed(&certified, "2026-03-10", &r));
}

static void test_claims_wait_more_than_the_days_before_they_are_owed(void **state)
{
    (void)state;
    struct civil_date as_of = test_day("2026-06-15");
    assert_false(reminder_claim_waited(test_day("2026-05-16"), as_of, 30)); /* 30 days */
    assert_true(reminder_claim_waited(test_day("2026-05-15"), as_of, 30));  /* 31 days */
    assert_false(reminder_claim_waited(test_day("2026-04-16"), as_of, 60));
    assert_true(reminder_claim_waited(test_day("2026-04-15"), as_of, 60));
    assert_int_equal(civil_date_compare(reminder_claims_cutoff(as_of, 30), test_day("2026-05-15")),
                     0);
    assert_int_equal(civil_date_compare(reminder_claims_cutoff(as_of, 60), test_day("2026-04-15")),
                     0);
    char key[REMINDER_KEY_SIZE];
    reminder_claim_key(42, 60, key);
    assert_string_equal(key, "claim:42:60");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_each_deadline_threshold_on_its_day_not_the_day_before),
        cmocka_unit_test(test_a_deadline_key_is_the_same_every_day_of_its_threshold),
        cmocka_unit_test(test_a_submitted_track_gets_no_deadline_reminder),
        cmocka_unit_test(test_a_run_after_a_gap_owes_only_the_nearest_threshold),
        cmocka_unit_test(test_months_before_lands_on_the_last_day_of_a_shorter_month),
        cmocka_unit_test(test_what_blocks_the_track_is_listed_in_words),
        cmocka_unit_test(test_each_expiry_threshold_on_its_day_not_the_day_before),
        cmocka_unit_test(test_an_expired_track_is_told_of_no_expiry),
        cmocka_unit_test(test_a_directors_deadline_at_each_threshold_and_once_it_has_come),
        cmocka_unit_test(test_a_certified_directors_deadline_is_the_end_of_the_certificate),
        cmocka_unit_test(test_a_new_director_gets_the_letter_within_the_days_after_the_hire),
        cmocka_unit_test(test_claims_wait_more_than_the_days_before_they_are_owed),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
