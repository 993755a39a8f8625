#include "helpers.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/timestamp.h"
#include "harvest/xapi_batch.h"
#include "harvest/xapi_statement.h"
#include "harvest/xapi_time.h"
#include "harvest/xapi_uuid.h"
#include "harvest/xapi_version.h"
#include "io/file_read.h"
#include "core/banned.h"

/* A statement as Moodle's logstore_xapi writes one, with room for changes. */
#define ACTOR                                                                                      \
    "\"actor\": {\"account\": {\"homePage\": \"https://moodle.example.org\", \"name\": \"42\"},"   \
    " \"name\": \"Ann\"}"
#define VERB_COMPLETED                                                                             \
    "\"verb\": {\"id\": \"http://adlnet.gov/expapi/verbs/completed\", \"display\": {\"en\": "      \
    "\"completed\"}}"
#define OBJECT_COURSE                                                                              \
    "\"object\": {\"id\": \"https://moodle.example.org/course/view.php?id=7\", \"objectType\": "   \
    "\"Activity\"}"

/* The shared fixtures of real Moodle statements, beside the source tree. */
static const char *fixture_directory(void)
{
    static char path[1024];
    const char *root = getenv("CERTTRACK_SOURCE_ROOT");
    snprintf(path, sizeof path, "%s/../shared/fixtures/xapi-moodle",
             root != NULL ? root : CERTTRACK_SOURCE_ROOT);
    return path;
}

/* Whether the shared Moodle fixtures are there; when not, says so (the test that asked
 * then passes over its fixture cases: cmocka's skip() would read as "not ok # SKIP",
 * which Meson counts as a failure). */
static bool fixtures_present(void)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/course_completed.json", fixture_directory());
    FILE *probe = fopen(path, "rb");
    if (probe == NULL) {
        print_message("# the Moodle fixtures are not at %s: these cases are skipped\n",
                      fixture_directory());
        return false;
    }
    fclose(probe);
    return true;
}

/* Reads a fixture into *batch; the caller has seen fixtures_present(). */
static void read_fixture(const char *name, enum xapi_version version, struct xapi_batch *batch)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/%s", fixture_directory(), name);
    char *text = NULL;
    size_t length = 0;
    struct ct_err err = {0};
    assert_int_equal(file_read_all(path, 1 << 20, &text, &length, &err), CT_OK);
    enum ct_status status = xapi_batch_read(text, length, version, batch, &err);
    if (status != CT_OK) {
        char line[1024];
        ct_err_format(&err, line, sizeof line);
        print_error("%s: %s\n", name, line);
    }
    free(text);
    assert_int_equal(status, CT_OK);
}

static void test_every_moodle_fixture_statement_is_accepted(void **state)
{
    (void)state;
    if (!fixtures_present()) {
        return;
    }
    static const struct {
        const char *file;
        size_t count;
    } fixtures[] = {
        {"assignment_graded.json", 1},         {"attempt_submitted.json", 2},
        {"certificate_issued.json", 1},        {"course_completed.json", 1},
        {"course_completion_updated.json", 1}, {"course_module_completion_update.json", 1},
        {"program_assigned.json", 1},          {"user_enrolment_created.json", 1},
    };
    for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
        for (int v = 0; v < 2; v++) {
            struct xapi_batch batch;
            read_fixture(fixtures[i].file, v == 0 ? XAPI_VERSION_1_0 : XAPI_VERSION_2_0, &batch);
            assert_true(batch.is_array);
            assert_int_equal(batch.count, fixtures[i].count);
            for (size_t s = 0; s < batch.count; s++) {
                assert_non_null(batch.statements[s].verb_id);
                assert_string_equal(batch.statements[s].account_home, "http://www.example.org");
                assert_int_equal(strlen(batch.statements[s].content_hash), 64);
                assert_string_equal(batch.statements[s].id, ""); /* Moodle sends none */
            }
            xapi_batch_release(&batch);
        }
    }
}

static void test_course_completion_fixture_names_learner_course_and_verb(void **state)
{
    (void)state;
    if (!fixtures_present()) {
        return;
    }
    struct xapi_batch batch;
    read_fixture("course_completed.json", XAPI_VERSION_1_0, &batch);
    const struct xapi_statement *s = &batch.statements[0];
    assert_string_equal(s->account_name, "1");
    assert_string_equal(s->verb_id, XAPI_VERB_COMPLETED);
    assert_string_equal(s->object_id, "http://www.example.org/course/view.php?id=2");
    assert_string_equal(s->object_name, "test_name");
    assert_false(s->has_timestamp);
    assert_int_equal(s->completion, -1);
    assert_int_equal(xapi_statement_meaning(s), XAPI_MEANING_COMPLETED);
    xapi_batch_release(&batch);
}

static void test_module_completion_fixture_names_its_course(void **state)
{
    (void)state;
    if (!fixtures_present()) {
        return;
    }
    struct xapi_batch batch;
    read_fixture("course_module_completion_update.json", XAPI_VERSION_1_0, &batch);
    const struct xapi_statement *s = &batch.statements[0];
    assert_string_equal(s->object_id, "http://www.example.org/mod/book/view.php?id=1");
    assert_string_equal(s->object_name, "test_book_name");
    assert_string_equal(s->course_id, "http://www.example.org/course/view.php?id=2");
    assert_int_equal(s->completion, 1);
    assert_int_equal(xapi_statement_meaning(s), XAPI_MEANING_COMPLETED);
    xapi_batch_release(&batch);
}

static void test_enrolment_and_grading_mean_nothing_for_credit(void **state)
{
    (void)state;
    if (!fixtures_present()) {
        return;
    }
    static const char *const files[] = {"user_enrolment_created.json", "assignment_graded.json",
                                        "course_completion_updated.json", "program_assigned.json"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        struct xapi_batch batch;
        read_fixture(files[i], XAPI_VERSION_1_0, &batch);
        assert_int_equal(xapi_statement_meaning(&batch.statements[0]), XAPI_MEANING_OTHER);
        xapi_batch_release(&batch);
    }
}

/* Reads text as a batch; returns the status and the error's "where: message". */
static enum ct_status read_text(const char *text, enum xapi_version version, char *line,
                                size_t size)
{
    struct xapi_batch batch;
    struct ct_err err = {0};
    enum ct_status status = xapi_batch_read(text, strlen(text), version, &batch, &err);
    ct_err_format(&err, line, size);
    xapi_batch_release(&batch);
    return status;
}

static void assert_refused(const char *text, enum xapi_version version, const char *expected)
{
    char line[1024];
    assert_int_not_equal(read_text(text, version, line, sizeof line), CT_OK);
    if (strstr(line, expected) == NULL) {
        print_error("expected \"%s\" in \"%s\"\n", expected, line);
        fail();
    }
}

static void assert_accepted(const char *text, enum xapi_version version)
{
    char line[1024];
    if (read_text(text, version, line, sizeof line) != CT_OK) {
        print_error("refused: %s\n", line);
        fail();
    }
}

static void test_malformed_statements_are_refused_naming_the_field(void **state)
{
    (void)state;
    static const struct {
        const char *json;
        const char *expected;
    } cases[] = {
        {"{" VERB_COMPLETED ", " OBJECT_COURSE "}", "statement.actor: missing"},
        {"{" ACTOR ", " OBJECT_COURSE "}", "statement.verb: missing"},
        {"{" ACTOR ", " VERB_COMPLETED "}", "statement.object: missing"},
        {"{" ACTOR ", \"verb\": {\"id\": \"completed\"}, " OBJECT_COURSE "}",
         "statement.verb.id: not an IRI: \"completed\""},
        {"{\"id\": \"not-a-uuid\", " ACTOR ", " VERB_COMPLETED ", " OBJECT_COURSE "}",
         "statement.id: not a UUID"},
        {"{" ACTOR ", " VERB_COMPLETED ", " OBJECT_COURSE
         ", \"timestamp\": \"2024-03-01T10:00:00\"}",
         "statement.timestamp: not an ISO 8601 time with its offset"},
        {"{" ACTOR ", " VERB_COMPLETED ", " OBJECT_COURSE ", \"timestamp\": \"2024-02-30T10:00Z\"}",
         "statement.timestamp"},
        {"{" ACTOR ", " VERB_COMPLETED ", " OBJECT_COURSE ", \"credits\": 3}",
         "statement.credits: unknown field"},
        {"{\"actor\": {\"mbox\": \"mailto:a@example.org\", \"openid\": \"http://a.example\"}, "
         "" VERB_COMPLETED ", " OBJECT_COURSE "}",
         "statement.actor: has 2 identifiers"},
        {"{\"actor\": {\"name\": \"Ann\"}, " VERB_COMPLETED ", " OBJECT_COURSE "}",
         "statement.actor: an Agent needs one identifier"},
        {"{\"actor\": {\"mbox\": \"ann@example.org\"}, " VERB_COMPLETED ", " OBJECT_COURSE "}",
         "statement.actor.mbox: not a mailto: address"},
        {"{" ACTOR ", " VERB_COMPLETED ", " OBJECT_COURSE ", \"result\": {\"completion\": null}}",
         "statement.result.completion: expected true or false, found null"},
        {"{" ACTOR ", " VERB_COMPLETED ", " OBJECT_COURSE
         ", \"result\": {\"score\": {\"raw\": 11, \"min\": 0, \"max\": 10}}}",
         "statement.result.score: raw must be between min and max"},
        {"{" ACTOR ", " VERB_COMPLETED ", " OBJECT_COURSE ", \"result\": {\"duration\": \"1h\"}}",
         "statement.result.duration: not an ISO 8601 duration"},
        {"{" ACTOR ", " VERB_COMPLETED ", \"object\": {\"objectType\": \"Course\", \"id\": "
         "\"http://x.example\"}}",
         "statement.object.objectType: expected \"Activity\""},
        {"{" ACTOR ", " VERB_COMPLETED ", \"object\": {\"objectType\": \"Activity\"}}",
         "statement.object.id: missing"},
        {"{" ACTOR ", " VERB_COMPLETED ", " OBJECT_COURSE
         ", \"context\": {\"contextActivities\": {\"parent\": [{\"id\": \"no iri\"}]}}}",
         "statement.context.contextActivities.parent[0].id: not an IRI"},
        {"{" ACTOR ", " VERB_COMPLETED ", " OBJECT_COURSE
         ", \"attachments\": [{\"usageType\": \"http://a.example/u\", \"display\": {\"en\": "
         "\"x\"}, \"contentType\": \"text/plain\", \"length\": 1, \"sha2\": \"ab\"}]}",
         "statement.attachments[0].fileUrl: certtrack takes no attachment content"},
        {"{" ACTOR ", " VERB_COMPLETED ", " OBJECT_COURSE ", \"version\": \"0.95\"}",
         "statement.version"},
        {"{" ACTOR ", " VERB_COMPLETED ", \"object\": {\"objectType\": \"Agent\", \"mbox\": "
         "\"mailto:b@example.org\"}, \"context\": {\"platform\": \"Moodle\"}}",
         "statement.context.platform: only for a statement about an Activity"},
        {"[{" ACTOR ", " VERB_COMPLETED ", " OBJECT_COURSE "}, {" ACTOR
         ", \"verb\": {}, " OBJECT_COURSE "}]",
         "statements[1].verb.id: missing"},
        {"[{\"id\": \"0b2a7c1e-5d3f-4a6b-8c9d-0e1f2a3b4c5d\", " ACTOR ", " VERB_COMPLETED
         ", " OBJECT_COURSE "}, {\"id\": \"0B2A7C1E-5D3F-4A6B-8C9D-0E1F2A3B4C5D\", " ACTOR
         ", " VERB_COMPLETED ", " OBJECT_COURSE "}]",
         "statements[1].id: statements[0] has the same id in this batch"},
        {"{" ACTOR ", " VERB_COMPLETED ", " OBJECT_COURSE ",", "statements: not JSON"},
        {"{" ACTOR ", " ACTOR ", " VERB_COMPLETED ", " OBJECT_COURSE "}", "statements: not JSON"},
        {"[1]", "statements[0]: expected a statement (an object), found a number"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_refused(cases[i].json, XAPI_VERSION_1_0, cases[i].expected);
    }
}

static void test_versions_differ_where_the_specification_does(void **state)
{
    (void)state;
    const char *context_agents =
        "{" ACTOR ", " VERB_COMPLETED ", " OBJECT_COURSE ", \"context\": {\"contextAgents\": "
        "[{\"objectType\": \"contextAgent\", \"agent\": {\"mbox\": \"mailto:t@example.org\"}}]}}";
    assert_accepted(context_agents, XAPI_VERSION_2_0);
    assert_refused(context_agents, XAPI_VERSION_1_0,
                   "statement.context.contextAgents: unknown field");
}

static void test_full_statements_of_every_object_kind_are_accepted(void **state)
{
    (void)state;
    assert_accepted(
        "{\"id\": \"0B2A7C1E-5D3F-4A6B-8C9D-0E1F2A3B4C5D\", " ACTOR ", " VERB_COMPLETED ", "
        "\"object\": {\"id\": \"http://q.example/1\", \"definition\": {\"type\": "
        "\"http://adlnet.gov/expapi/activities/cmi.interaction\", \"interactionType\": "
        "\"choice\", \"correctResponsesPattern\": [\"a\"], \"choices\": [{\"id\": \"a\", "
        "\"description\": {\"en-US\": \"A\"}}]}}, \"result\": {\"score\": {\"scaled\": 0.5, "
        "\"raw\": 5, \"min\": 0, \"max\": 10}, \"success\": true, \"completion\": true, "
        "\"duration\": \"PT1H2M3.5S\", \"extensions\": {\"http://e.example/x\": null}}, "
        "\"context\": {\"registration\": \"0b2a7c1e-5d3f-4a6b-8c9d-0e1f2a3b4c5e\", "
        "\"team\": {\"objectType\": \"Group\", \"member\": [{\"mbox\": \"mailto:a@x.example\"}]}, "
        "\"language\": \"en-US\", \"statement\": {\"objectType\": \"StatementRef\", \"id\": "
        "\"0b2a7c1e-5d3f-4a6b-8c9d-0e1f2a3b4c5f\"}}, \"timestamp\": "
        "\"2024-03-01T10:00:00.123+0530\", "
        "\"stored\": \"2024-03-01T10:00:01Z\", \"authority\": {\"account\": {\"homePage\": "
        "\"http://lrs.example\", \"name\": \"moodle\"}}, \"version\": \"1.0.3\"}",
        XAPI_VERSION_1_0);
    assert_accepted("{" ACTOR ", " VERB_COMPLETED ", \"object\": {\"objectType\": "
                    "\"SubStatement\", " ACTOR ", " VERB_COMPLETED ", " OBJECT_COURSE "}}",
                    XAPI_VERSION_1_0);
    assert_refused("{" ACTOR ", " VERB_COMPLETED ", \"object\": {\"objectType\": "
                   "\"SubStatement\", \"id\": \"0b2a7c1e-5d3f-4a6b-8c9d-0e1f2a3b4c5d\", " ACTOR
                   ", " VERB_COMPLETED ", " OBJECT_COURSE "}}",
                   XAPI_VERSION_1_0, "statement.object.id: unknown field");
}

static void test_timestamps_keep_their_instant_and_offset(void **state)
{
    (void)state;
    struct xapi_time time;
    assert_true(xapi_time_parse("2024-03-01T23:30:00-07:00", XAPI_VERSION_2_0, &time));
    assert_int_equal(time.offset_minutes, -420);
    char utc[XAPI_TIMESTAMP_SIZE];
    xapi_time_format_utc(time.utc_ms, utc);
    assert_string_equal(utc, "2024-03-02T06:30:00.000Z");
    char day[CIVIL_DATE_TEXT_SIZE];
    int64_t seconds = time.utc_ms / 1000;
    civil_date_format(timestamp_civil_date_at_offset(seconds, time.offset_minutes * 60), day);
    assert_string_equal(day, "2024-03-01");
    civil_date_format(timestamp_civil_date_at_offset(seconds, 0), day);
    assert_string_equal(day, "2024-03-02");

    assert_true(xapi_time_parse("1969-12-31t23:59:59.9999z", XAPI_VERSION_1_0, &time));
    assert_int_equal(time.utc_ms, -1);
    xapi_time_format_utc(time.utc_ms, utc);
    assert_string_equal(utc, "1969-12-31T23:59:59.999Z");
    assert_true(xapi_time_parse("2024-03-01T10:00:00+05", XAPI_VERSION_2_0, &time));
    assert_int_equal(time.offset_minutes, 300);

    static const char *const refused[] = {
        "2024-03-01T10:00:00",   "2024-03-01 10:00:00Z",  "2024-03-01T24:00:00Z",
        "2024-13-01T10:00:00Z",  "2024-03-01T10:00:00+5", "2024-03-01T10:00:00+05:",
        "2024-03-01T10:00:00.Z", "2024-03-01T10:00:00Z ", "20240301T100000Z",
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        if (xapi_time_parse(refused[i], XAPI_VERSION_1_0, &time)) {
            print_error("accepted \"%s\"\n", refused[i]);
            fail();
        }
    }
}

/* A raw NUL byte is not JSON anywhere; jansson lets one pass after a literal, and the
 * statement's own text (cut at it) would then not read back alone. */
static void test_a_nul_byte_in_the_body_is_refused(void **state)
{
    (void)state;
    static const char body[] =
        "{\"actor\": {\"mbox\": \"mailto:lee@example.org\"}, \"verb\": {\"id\":"
        " \"http://adlnet.gov/expapi/verbs/completed\"}, \"object\": {\"id\":"
        " \"https://lms.example.org/course/view.php?id=2\"}, \"result\": {\"completion\": true\0}}";
    struct xapi_batch batch;
    struct ct_err err = {0};
    assert_int_equal(xapi_batch_read(body, sizeof body - 1, XAPI_VERSION_1_0, &batch, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "statements");
    assert_non_null(strstr(err.message, "NUL byte"));
    xapi_batch_release(&batch);
}

/* The content hash of the single statement in text. */
static void hash_of(const char *text, char out[XAPI_HASH_SIZE])
{
    struct xapi_batch batch;
    struct ct_err err = {0};
    assert_int_equal(xapi_batch_read(text, strlen(text), XAPI_VERSION_1_0, &batch, &err), CT_OK);
    memcpy(out, batch.statements[0].content_hash, XAPI_HASH_SIZE);
    xapi_batch_release(&batch);
}

static void test_same_content_has_the_same_hash_whatever_the_lrs_added(void **state)
{
    (void)state;
    char a[XAPI_HASH_SIZE], b[XAPI_HASH_SIZE], c[XAPI_HASH_SIZE], d[XAPI_HASH_SIZE];
    hash_of("{" ACTOR ", " VERB_COMPLETED ", " OBJECT_COURSE
            ", \"timestamp\": \"2024-03-01T10:00:00+01:00\", \"result\": {\"score\": {\"raw\": "
            "2.0}}, \"context\": {\"team\": {\"objectType\": \"Group\", \"member\": [{\"mbox\": "
            "\"mailto:a@x.example\"}, {\"mbox\": \"mailto:b@x.example\"}]}}}",
            a);
    /* Other key order and spacing, the same instant in UTC, 2 for 2.0, members swapped,
     * and what an LRS sets: stored, authority, version, and the id. */
    hash_of("{\"context\": {\"team\": {\"member\": [{\"mbox\": \"mailto:b@x.example\"}, {\"mbox\": "
            "\"mailto:a@x.example\"}], \"objectType\": \"Group\"}}, \"result\": {\"score\": "
            "{\"raw\": 2}}, " OBJECT_COURSE ",\n  " VERB_COMPLETED ", " ACTOR
            ", \"timestamp\": \"2024-03-01T09:00:00.000Z\", \"stored\": "
            "\"2024-03-02T00:00:00Z\", \"version\": \"1.0.3\", \"id\": "
            "\"0b2a7c1e-5d3f-4a6b-8c9d-0e1f2a3b4c5d\", \"authority\": {\"mbox\": "
            "\"mailto:lrs@x.example\"}}",
            b);
    assert_string_equal(a, b);
    hash_of("{" ACTOR ", " VERB_COMPLETED ", " OBJECT_COURSE
            ", \"timestamp\": \"2024-03-01T10:00:01+01:00\", \"result\": {\"score\": {\"raw\": "
            "2.0}}, \"context\": {\"team\": {\"objectType\": \"Group\", \"member\": [{\"mbox\": "
            "\"mailto:a@x.example\"}, {\"mbox\": \"mailto:b@x.example\"}]}}}",
            c);
    assert_string_not_equal(a, c);
    hash_of("{" ACTOR ", " VERB_COMPLETED ", " OBJECT_COURSE
            ", \"timestamp\": \"2024-03-01T10:00:00+01:00\", \"result\": {\"score\": {\"raw\": "
            "2.5}}, \"context\": {\"team\": {\"objectType\": \"Group\", \"member\": [{\"mbox\": "
            "\"mailto:a@x.example\"}, {\"mbox\": \"mailto:b@x.example\"}]}}}",
            d);
    assert_string_not_equal(a, d);
}

static void test_each_statement_keeps_its_own_text(void **state)
{
    (void)state;
    const char *first = "{" ACTOR ", " VERB_COMPLETED ", " OBJECT_COURSE
                        ", \"result\": {\"response\": \"a, b] \\\" }{ [c\"}}";
    const char *second = "{\"id\":\"0b2a7c1e-5d3f-4a6b-8c9d-0e1f2a3b4c5d\"," ACTOR
                         "," VERB_COMPLETED "," OBJECT_COURSE "}";
    char body[4096];
    snprintf(body, sizeof body, " [\n  %s ,\n%s\n] ", first, second);
    struct xapi_batch batch;
    struct ct_err err = {0};
    assert_int_equal(xapi_batch_read(body, strlen(body), XAPI_VERSION_1_0, &batch, &err), CT_OK);
    assert_int_equal(batch.count, 2);
    assert_string_equal(batch.raw[0], first);
    assert_string_equal(batch.raw[1], second);
    assert_int_equal(batch.raw_length[1], strlen(second));
    assert_string_equal(batch.statements[1].id, "0b2a7c1e-5d3f-4a6b-8c9d-0e1f2a3b4c5d");
    xapi_batch_release(&batch);

    assert_int_equal(xapi_batch_read(second, strlen(second), XAPI_VERSION_1_0, &batch, &err),
                     CT_OK);
    assert_false(batch.is_array);
    assert_string_equal(batch.raw[0], second);
    xapi_batch_release(&batch);
}

static void test_ids_and_versions(void **state)
{
    (void)state;
    unsigned char random[16];
    memset(random, 0xff, sizeof random);
    char id[XAPI_UUID_SIZE];
    xapi_uuid_from_random(random, id);
    assert_string_equal(id, "ffffffff-ffff-4fff-bfff-ffffffffffff");
    assert_true(xapi_uuid_is_valid(id));
    assert_false(xapi_uuid_is_valid("ffffffff-ffff-4fff-bfff-fffffffffff"));
    assert_false(xapi_uuid_is_valid("ffffffffxffff-4fff-bfff-ffffffffffff"));
    assert_false(xapi_uuid_is_valid(NULL));

    enum xapi_version version = XAPI_VERSION_2_0;
    assert_true(xapi_version_parse("1.0.3", &version));
    assert_int_equal(version, XAPI_VERSION_1_0);
    assert_true(xapi_version_parse("1.0", &version));
    assert_true(xapi_version_parse("2.0.0", &version));
    assert_int_equal(version, XAPI_VERSION_2_0);
    assert_string_equal(xapi_version_name(version), "2.0.0");
    assert_false(xapi_version_parse("1.1.0", &version));
    assert_false(xapi_version_parse("0.95", &version));
    assert_false(xapi_version_parse("2.0", &version));
    assert_false(xapi_version_parse("1.0.3 ", &version));
    assert_false(xapi_version_parse(NULL, &version));
}

static void test_uncompleted_and_false_completion(void **state)
{
    (void)state;
    struct xapi_batch batch;
    struct ct_err err = {0};
    const char *uncompleted =
        "{" ACTOR ", \"verb\": {\"id\": \"" XAPI_VERB_UNCOMPLETED "\"}, " OBJECT_COURSE "}";
    assert_int_equal(
        xapi_batch_read(uncompleted, strlen(uncompleted), XAPI_VERSION_1_0, &batch, &err), CT_OK);
    assert_int_equal(xapi_statement_meaning(&batch.statements[0]), XAPI_MEANING_UNCOMPLETED);
    xapi_batch_release(&batch);
    const char *not_complete =
        "{" ACTOR ", " VERB_COMPLETED ", " OBJECT_COURSE ", \"result\": {\"completion\": false}}";
    assert_int_equal(
        xapi_batch_read(not_complete, strlen(not_complete), XAPI_VERSION_1_0, &batch, &err), CT_OK);
    assert_int_equal(xapi_statement_meaning(&batch.statements[0]), XAPI_MEANING_OTHER);
    xapi_batch_release(&batch);
}

/* ---- the requirements of xAPI 1.0.3 and 2.0.0, one case each ----
 *
 * tests/data/xapi-requirements.json (read by tests/e2e/xapi.sh too) holds one case per
 * requirement, named by the conformance suite's id (XAPI-NNNNN) or the specification's
 * section: a statement that breaks it and must be refused with the error that starts
 * with "refusal" (the field path first), and the nearest statement (or array of them)
 * that keeps it and must be accepted, under each of "versions". */

static json_t *load_data_file(const char *name)
{
    const char *root = getenv("CERTTRACK_SOURCE_ROOT");
    char path[1200];
    snprintf(path, sizeof path, "%s/tests/data/%s", root != NULL ? root : CERTTRACK_SOURCE_ROOT,
             name);
    json_error_t error;
    json_t *data = json_load_file(path, JSON_REJECT_DUPLICATES, &error);
    if (data == NULL) {
        print_error("%s: %s (line %d)\n", path, error.text, error.line);
    }
    return data;
}

static enum xapi_version version_named(const char *name)
{
    enum xapi_version version = XAPI_VERSION_2_0;
    assert_true(xapi_version_parse(name, &version));
    return version;
}

/* Reads value (a statement or an array of them) as a request body. */
static enum ct_status read_value(const json_t *value, enum xapi_version version, char *line,
                                 size_t size)
{
    char *text = json_dumps(value, JSON_COMPACT);
    assert_non_null(text);
    enum ct_status status = read_text(text, version, line, size);
    free(text);
    return status;
}

static void test_requirement_case(void **state)
{
    const json_t *requirement = *state;
    const json_t *refused = json_object_get(requirement, "refused");
    const char *refusal = json_string_value(json_object_get(requirement, "refusal"));
    const json_t *accepted = json_object_get(requirement, "accepted");
    assert_true(refused != NULL || accepted != NULL);
    size_t i;
    json_t *name;
    json_array_foreach(json_object_get(requirement, "versions"), i, name)
    {
        enum xapi_version version = version_named(json_string_value(name));
        char line[1024];
        if (refused != NULL) {
            assert_non_null(refusal);
            if (read_value(refused, version, line, sizeof line) == CT_OK ||
                strncmp(line, refusal, strlen(refusal)) != 0) {
                print_error("%s: expected \"%s...\", got \"%s\"\n", json_string_value(name),
                            refusal, line);
                fail();
            }
        }
        if (accepted != NULL && read_value(accepted, version, line, sizeof line) != CT_OK) {
            print_error("%s: the statement that keeps the rule is refused: %s\n",
                        json_string_value(name), line);
            fail();
        }
    }
}

/* A batch of more statements than a request may carry is refused by counting them,
 * before anything is parsed: here the text after them is not even JSON, and the answer
 * is still "too many" (TOO_LARGE), not "not JSON". A batch at the limit is read. */
static void test_an_oversized_batch_is_refused_before_it_is_parsed(void **state)
{
    (void)state;
    size_t size = (size_t)(XAPI_BATCH_MAX + 1) * 20 + 64;
    char *body = malloc(size);
    assert_non_null(body);
    size_t at = 0;
    body[at++] = '[';
    for (int i = 0; i <= XAPI_BATCH_MAX; i++) {
        at += (size_t)snprintf(body + at, size - at, "%s{\"a\": \"[,]\\\"\"}", i ? "," : "");
    }
    at += (size_t)snprintf(body + at, size - at, ", not json");
    struct xapi_batch batch;
    struct ct_err err = {0};
    assert_int_equal(xapi_batch_read(body, at, XAPI_VERSION_1_0, &batch, &err), CT_ERR_TOO_LARGE);
    assert_non_null(strstr(err.message, "more than 1000 statements"));
    xapi_batch_release(&batch);
    /* At the limit: counted, then parsed (and refused for what the statements lack). */
    at = 1;
    for (int i = 0; i < XAPI_BATCH_MAX; i++) {
        at += (size_t)snprintf(body + at, size - at, "%s{}", i ? "," : "");
    }
    at += (size_t)snprintf(body + at, size - at, "]");
    assert_int_equal(xapi_batch_read(body, at, XAPI_VERSION_1_0, &batch, &err), CT_ERR_INPUT);
    xapi_batch_release(&batch);
    free(body);
}

/* Every statement shape logstore_xapi sends for the events of docs/harvest.md
 * (tests/data/moodle-shaped-statements.json, written for certtrack in the plugin's
 * shapes, with what it adds to each: platform, registration, a UTC timestamp) is
 * accepted under both versions, and the completions still mean what they meant. */
static void test_every_moodle_statement_shape_is_accepted(void **state)
{
    (void)state;
    json_t *events = load_data_file("moodle-shaped-statements.json");
    assert_non_null(events);
    size_t meanings[5] = {0};
    size_t i;
    json_t *event;
    json_array_foreach(events, i, event)
    {
        for (int v = 0; v < 2; v++) {
            char *text = json_dumps(json_object_get(event, "statements"), JSON_COMPACT);
            struct xapi_batch batch;
            struct ct_err err = {0};
            enum ct_status status = xapi_batch_read(
                text, strlen(text), v == 0 ? XAPI_VERSION_1_0 : XAPI_VERSION_2_0, &batch, &err);
            if (status != CT_OK) {
                char line[1024];
                ct_err_format(&err, line, sizeof line);
                print_error("%s: %s\n", json_string_value(json_object_get(event, "event")), line);
            }
            assert_int_equal(status, CT_OK);
            for (size_t n = 0; v == 0 && n < batch.count; n++) {
                meanings[xapi_statement_meaning(&batch.statements[n])]++;
            }
            xapi_batch_release(&batch);
            free(text);
        }
    }
    /* course and module completed; the module uncompleted; a quiz attempt "completed",
     * which is no course or activity completion */
    assert_int_equal(meanings[XAPI_MEANING_COMPLETED], 2);
    assert_int_equal(meanings[XAPI_MEANING_NOT_A_COMPLETION], 1);
    assert_int_equal(meanings[XAPI_MEANING_UNCOMPLETED], 1);
    json_decref(events);
}

/* One test per case of the requirements file, named "XAPI-NNNNN: behaviour". */
static size_t requirement_tests(const json_t *requirements, struct CMUnitTest *tests, char **names)
{
    size_t i;
    json_t *requirement;
    json_array_foreach(requirements, i, requirement)
    {
        char name[512];
        snprintf(name, sizeof name, "%s: %s",
                 json_string_value(json_object_get(requirement, "requirement")),
                 json_string_value(json_object_get(requirement, "behaviour")));
        names[i] = strdup(name);
        tests[i] = (struct CMUnitTest){
            .name = names[i], .test_func = test_requirement_case, .initial_state = requirement};
    }
    return json_array_size(requirements);
}

int main(void)
{
    static const struct CMUnitTest fixed[] = {
        cmocka_unit_test(test_an_oversized_batch_is_refused_before_it_is_parsed),
        cmocka_unit_test(test_every_moodle_statement_shape_is_accepted),
        cmocka_unit_test(test_every_moodle_fixture_statement_is_accepted),
        cmocka_unit_test(test_course_completion_fixture_names_learner_course_and_verb),
        cmocka_unit_test(test_module_completion_fixture_names_its_course),
        cmocka_unit_test(test_enrolment_and_grading_mean_nothing_for_credit),
        cmocka_unit_test(test_malformed_statements_are_refused_naming_the_field),
        cmocka_unit_test(test_a_nul_byte_in_the_body_is_refused),
        cmocka_unit_test(test_versions_differ_where_the_specification_does),
        cmocka_unit_test(test_full_statements_of_every_object_kind_are_accepted),
        cmocka_unit_test(test_timestamps_keep_their_instant_and_offset),
        cmocka_unit_test(test_same_content_has_the_same_hash_whatever_the_lrs_added),
        cmocka_unit_test(test_each_statement_keeps_its_own_text),
        cmocka_unit_test(test_ids_and_versions),
        cmocka_unit_test(test_uncompleted_and_false_completion),
    };
    size_t fixed_count = sizeof fixed / sizeof fixed[0];
    json_t *requirements = load_data_file("xapi-requirements.json");
    size_t cases = json_array_size(requirements);
    struct CMUnitTest *tests = calloc(fixed_count + cases, sizeof *tests);
    char **names = calloc(cases > 0 ? cases : 1, sizeof *names);
    if (requirements == NULL || cases == 0 || tests == NULL || names == NULL) {
        print_error("tests/data/xapi-requirements.json: no cases\n");
        return 1;
    }
    memcpy(tests, fixed, sizeof fixed);
    size_t count = fixed_count + requirement_tests(requirements, tests + fixed_count, names);
    int failed = _cmocka_run_group_tests("xapi_statement", tests, count, NULL, NULL);
    for (size_t i = 0; i < cases; i++) {
        free(names[i]);
    }
    free(names);
    free(tests);
    json_decref(requirements);
    return failed;
}
