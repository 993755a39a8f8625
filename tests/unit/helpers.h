/*
 * Helpers shared by the unit tests: the shipped programs, and records written as JSON
 * text in the tests themselves.
 */
#ifndef CERTTRACK_TEST_HELPERS_H
#define CERTTRACK_TEST_HELPERS_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/engine.h"
#include "core/program.h"
#include "core/record.h"

/* The shipped MSL programs (programs/ in the source tree), loaded once per test
 * program; fails the test when they do not load. Borrowed. */
const struct program_set *test_msl_programs(void);

/* The example programs of other states (programs/examples). Borrowed. */
const struct program_set *test_example_programs(void);

/* Frees the loaded program sets; call at the end of main. */
void test_programs_release(void);

/* An evaluated record: the record and its evaluation, freed together. */
struct evaluated {
    struct learner_record *record;
    struct evaluation *evaluation;
};

/* Parses the JSON record against set and evaluates it; fails the test on any error. */
struct evaluated test_evaluate(const struct program_set *set, const char *json);

/* Parses the JSON record; returns the status and fills err (record freed). */
enum ct_status test_parse_error(const struct program_set *set, const char *json,
                                struct ct_err *err);

void test_evaluated_release(struct evaluated *evaluated);

/* Fails the test, naming the field and the message, unless status is CT_OK. */
void test_ok(enum ct_status status, const struct ct_err *err);

/* The civil date of "YYYY-MM-DD"; fails the test when it is not one. */
struct civil_date test_day(const char *text);

/* The index of the activity with this id; fails the test when there is none. */
size_t test_activity_index(const struct evaluated *evaluated, const char *id);

/* Asserts one activity's decision, reason and counted half-credits. */
void test_assert_activity(const struct evaluated *evaluated, const char *id, enum decision decision,
                          enum reason reason, int64_t counted_halves);

/* True when the evaluation's blocking list has this code (and category id when the
 * code is category-short; else NULL). */
int test_has_blocking(const struct evaluated *evaluated, enum blocking_code code,
                      const char *category_id);

/* Makes a new empty directory /tmp/certtrack-<name>-XXXXXX into out (size bytes);
 * fails the test when it cannot. */
void test_scratch_directory(char *out, size_t size, const char *name);

/* Writes into out (size bytes) the locator of a new, empty database for a test: the
 * SQLite file directory/name.db, or, when CERTTRACK_TEST_POSTGRES holds a PostgreSQL
 * URI without a database name (scripts/run-tests sets it for the PostgreSQL run), a new
 * database made on that server. Fails the test when it cannot. */
void test_database(char *out, size_t size, const char *directory, const char *name);

/* True when the tests run against PostgreSQL (CERTTRACK_TEST_POSTGRES is set). */
int test_on_postgres(void);

/* Removes a scratch directory and everything in it; returns 0 when it is gone. */
int test_remove_directory(const char *path);

#endif
