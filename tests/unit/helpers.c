#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>
#include <unistd.h>

#include "io/program_dir.h"
#include "core/banned.h"

static struct program_set msl_programs;
static struct program_set example_programs;
static int msl_loaded;
static int examples_loaded;

static void load_programs(struct program_set *set, const char *subdirectory)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", CERTTRACK_SOURCE_ROOT, subdirectory);
    struct ct_err err = {0};
    program_set_init(set);
    if (program_dir_load(path, set, &err) != CT_OK) {
        char line[1024];
        ct_err_format(&err, line, sizeof line);
        fail_msg("cannot load programs: %s", line);
    }
}

const struct program_set *test_msl_programs(void)
{
    if (!msl_loaded) {
        load_programs(&msl_programs, "programs");
        msl_loaded = 1;
    }
    return &msl_programs;
}

const struct program_set *test_example_programs(void)
{
    if (!examples_loaded) {
        load_programs(&example_programs, "programs/examples");
        examples_loaded = 1;
    }
    return &example_programs;
}

void test_programs_release(void)
{
    program_set_release(&msl_programs);
    program_set_release(&example_programs);
    msl_loaded = 0;
    examples_loaded = 0;
}

struct evaluated test_evaluate(const struct program_set *set, const char *json)
{
    struct evaluated evaluated = {NULL, NULL};
    struct ct_err err = {0};
    if (record_parse(json, strlen(json), set, NULL, &evaluated.record, &err) != CT_OK) {
        char line[1024];
        ct_err_format(&err, line, sizeof line);
        fail_msg("record does not parse: %s", line);
    }
    assert_int_equal(engine_evaluate(evaluated.record, &evaluated.evaluation), CT_OK);
    return evaluated;
}

enum ct_status test_parse_error(const struct program_set *set, const char *json, struct ct_err *err)
{
    struct learner_record *record = NULL;
    enum ct_status status = record_parse(json, strlen(json), set, NULL, &record, err);
    record_free(record);
    return status;
}

void test_evaluated_release(struct evaluated *evaluated)
{
    evaluation_free(evaluated->evaluation);
    record_free(evaluated->record);
    evaluated->evaluation = NULL;
    evaluated->record = NULL;
}

size_t test_activity_index(const struct evaluated *evaluated, const char *id)
{
    for (size_t i = 0; i < evaluated->record->activity_count; i++) {
        if (strcmp(evaluated->record->activities[i].id, id) == 0) {
            return i;
        }
    }
    fail_msg("no activity %s", id);
    return 0;
}

void test_assert_activity(const struct evaluated *evaluated, const char *id, enum decision decision,
                          enum reason reason, int64_t counted_halves)
{
    const struct activity_result *result =
        &evaluated->evaluation->activities[test_activity_index(evaluated, id)];
    if (result->decision != decision || result->reason != reason ||
        result->counted_halves != counted_halves) {
        fail_msg("activity %s: expected %s/%s/%lld half-credits, got %s/%s/%lld", id,
                 decision_name(decision), reason_code(reason), (long long)counted_halves,
                 decision_name(result->decision), reason_code(result->reason),
                 (long long)result->counted_halves);
    }
}

int test_has_blocking(const struct evaluated *evaluated, enum blocking_code code,
                      const char *category_id)
{
    const struct evaluation *evaluation = evaluated->evaluation;
    for (size_t i = 0; i < evaluation->blocking_count; i++) {
        const struct blocking_item *item = &evaluation->blocking[i];
        if (item->code != code) {
            continue;
        }
        if (category_id == NULL ||
            strcmp(evaluation->program->categories[item->category].id, category_id) == 0) {
            return 1;
        }
    }
    return 0;
}

void test_scratch_directory(char *out, size_t size, const char *name)
{
    snprintf(out, size, "/tmp/certtrack-%s-XXXXXX", name);
    if (mkdtemp(out) == NULL) {
        fail_msg("cannot make a scratch directory for %s", name);
    }
}

int test_on_postgres(void)
{
    const char *base = getenv("CERTTRACK_TEST_POSTGRES");
    return base != NULL && base[0] != '\0';
}

/* Makes the database name on the server at base; fails the test when it cannot. */
static void create_postgres_database(const char *base, const char *name)
{
    char uri[1024];
    snprintf(uri, sizeof uri, "%s/postgres", base);
    PGconn *conn = PQconnectdb(uri);
    if (PQstatus(conn) != CONNECTION_OK) {
        fail_msg("cannot reach the test PostgreSQL at %s: %s", uri, PQerrorMessage(conn));
    }
    char sql[256];
    snprintf(sql, sizeof sql, "CREATE DATABASE \"%s\"", name);
    PGresult *result = PQexec(conn, sql);
    int made = PQresultStatus(result) == PGRES_COMMAND_OK;
    PQclear(result);
    if (!made) {
        fail_msg("cannot make the test database %s: %s", name, PQerrorMessage(conn));
    }
    PQfinish(conn);
}

void test_database(char *out, size_t size, const char *directory, const char *name)
{
    if (!test_on_postgres()) {
        snprintf(out, size, "%s/%s.db", directory, name);
        return;
    }
    static int made;
    const char *base = getenv("CERTTRACK_TEST_POSTGRES");
    char database[128];
    snprintf(database, sizeof database, "t%ld_%d_%s", (long)getpid(), ++made, name);
    for (char *c = database; *c != '\0'; c++) {
        *c = (*c == '-') ? '_' : *c;
    }
    create_postgres_database(base, database);
    snprintf(out, size, "%s/%s", base, database);
}

int test_remove_directory(const char *path)
{
    char command[512];
    snprintf(command, sizeof command, "rm -rf '%s'", path);
    return system(command) == 0 ? 0 : -1;
}

void test_ok(enum ct_status status, const struct ct_err *err)
{
    if (status != CT_OK) {
        fail_msg("%s: %s", err->where, err->message);
    }
}

struct civil_date test_day(const char *text)
{
    struct civil_date date;
    assert_true(civil_date_parse(text, &date));
    return date;
}
