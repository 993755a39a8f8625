/*
 * program-fuzzer: libFuzzer target for program files.
 *
 * Each input is read as a program (JSON). A program that decodes must hold what the
 * engine relies on (an id, a window of 1 to 50 years, a positive total, unique
 * category ids, sane conversions for every kind it accepts); it is then put in a set
 * of its own, and a sample record with every kind of activity is evaluated against it
 * and checked like any record (fuzz_check.h). A program that does not decode must say
 * why.
 *
 *   build-test/tests/fuzz/program-fuzzer -dict=tests/fuzz/program.dict CORPUS_COPY
 */
#undef NDEBUG
#include <assert.h>
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_check.h"
#include "core/err.h"
#include "core/program.h"
#include "core/record.h"
#include "core/banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- the program itself ---- */

static void check_kind_rules(const struct program *program)
{
    bool any_accepted = false;
    for (int kind = 0; kind < ACTIVITY_KIND_COUNT; kind++) {
        const struct kind_rule *rule = &program->kinds[kind];
        any_accepted = any_accepted || rule->accepted;
        if (!rule->accepted) {
            continue;
        }
        if (kind == ACTIVITY_KIND_ARCHIVED_WEBINAR) {
            assert(rule->max_age_years >= 1 && rule->max_age_years <= PROGRAM_MAX_WINDOW_YEARS);
        } else if (kind == ACTIVITY_KIND_COLLEGE) {
            assert(rule->semester_credit_halves > 0 && rule->quarter_credit_halves > 0);
        } else if (kind == ACTIVITY_KIND_PRESENTING) {
            assert(rule->credits_per_hour_halves > 0 && rule->max_per_topic >= 0);
        } else if (kind == ACTIVITY_KIND_SELF_DIRECTED) {
            assert(rule->minutes_per_half_credit > 0 && rule->max_halves >= 0);
        }
    }
    assert(any_accepted);
}

static void check_categories(const struct program *program)
{
    assert(program->category_count <= PROGRAM_MAX_CATEGORIES);
    for (size_t c = 0; c < program->category_count; c++) {
        const struct program_category *category = &program->categories[c];
        assert(category->id != NULL && category->id[0] != '\0');
        assert(category->name != NULL && category->name[0] != '\0');
        assert(category->minimum_halves >= 0);
        /* Unique: the lookup by id finds this very category. */
        assert(program_category_index(program, category->id) == (int)c);
    }
}

static void check_program(const struct program *program)
{
    assert(program->id != NULL && program->id[0] != '\0');
    assert(program->name != NULL && program->issuer != NULL && program->description != NULL);
    assert(program->window_years >= 1 && program->window_years <= PROGRAM_MAX_WINDOW_YEARS);
    assert(program->total_halves > 0);
    assert(program->successor != NULL && program->successor[0] != '\0');
    assert(program->prerequisite_count <= PROGRAM_MAX_PREREQUISITES);
    for (size_t k = 0; k < program->prerequisite_count; k++) {
        assert(program->prerequisites[k] != NULL && program->prerequisites[k][0] != '\0');
    }
    check_categories(program);
    check_kind_rules(program);
}

/* In a set of its own, a program's links resolve exactly when they all name itself. */
static void check_links_alone(const struct program_set *set, const struct program *program)
{
    bool only_itself = strcmp(program->successor, program->id) == 0;
    for (size_t k = 0; k < program->prerequisite_count; k++) {
        only_itself = only_itself && strcmp(program->prerequisites[k], program->id) == 0;
    }
    struct ct_err err = {0};
    enum ct_status status = program_check_links(set, program, &err);
    assert((status == CT_OK) == only_itself);
}

/* ---- a sample record for the program ---- */

struct sample_activity {
    const char *kind;
    const char *date;
    const char *fields; /* the kind's own fields, and a status when not verified */
};

/* One or more of every kind, around the sample record's track (2022-06-01 to as_of
 * 2026-05-01): repeated presentation topics, self-directed learning over a 20-credit
 * cap, a leap day, pending, rejected and future-dated claims. */
static const struct sample_activity sample_activities[] = {
    {"course", "2022-08-10", "{\"credits\": 2}"},
    {"workshop", "2023-02-28", "{\"credits\": 1.5}"},
    {"conference-session", "2024-02-29", "{\"credits\": 0.5}"},
    {"webinar", "2025-12-31", "{\"credits\": 1, \"status\": \"pending\"}"},
    {"archived-webinar", "2023-03-01", "{\"credits\": 1, \"recorded\": \"2021-12-01\"}"},
    {"archived-webinar", "2024-03-01", "{\"credits\": 2, \"recorded\": \"2024-02-29\"}"},
    {"college", "2023-01-10", "{\"semester_credits\": 3}"},
    {"college", "2023-04-10", "{\"quarter_credits\": 2.5}"},
    {"presenting", "2023-05-02", "{\"hours\": 1.5, \"topic\": \"Intro to cataloging\"}"},
    {"presenting", "2024-05-02", "{\"hours\": 2, \"topic\": \" INTRO TO CATALOGING \"}"},
    {"presenting", "2025-05-02", "{\"hours\": 6, \"topic\": \"intro to cataloging\"}"},
    {"self-directed", "2022-09-01", "{\"hours\": 7.5, \"plan_item\": \"sd1\"}"},
    {"self-directed", "2023-09-01", "{\"hours\": 60, \"plan_item\": \"sd1\"}"},
    {"self-directed", "2024-09-01", "{\"hours\": 3, \"plan_item\": \"sd2\"}"},
    {"self-directed", "2025-01-01", "{\"hours\": 4}"},
    {"course", "2027-01-01", "{\"credits\": 3}"},
    {"course", "2022-01-01", "{\"credits\": 3}"},
    {"workshop", "2025-06-01", "{\"credits\": 4, \"status\": \"rejected\"}"},
};

static const char sample_header[] =
    "{\"as_of\": \"2026-05-01\", \"track_started\": \"2022-06-01\","
    " \"plan\": {\"versions\": ["
    "  {\"version\": 1, \"submitted\": \"2022-07-01\", \"learner_approved\": \"2022-07-01\","
    "   \"organization_approved\": \"2022-07-15\", \"planned_self_directed\": [\"sd1\"]},"
    "  {\"version\": 2, \"submitted\": \"2024-01-01\", \"learner_approved\": \"2024-01-01\","
    "   \"planned_self_directed\": [\"sd1\", \"sd2\"]}]},"
    " \"final_report\": {\"submitted\": \"2026-04-01\", \"accepted\": \"2026-04-10\"},"
    " \"certificates\": [], \"activities\": []}";

/* Adds one sample activity to activities; the category cycles through the program's
 * categories (self-directed learning sometimes has none). */
static void add_sample_activity(const struct program *program, size_t index, json_t *activities)
{
    const struct sample_activity *sample = &sample_activities[index];
    bool self_directed = strcmp(sample->kind, "self-directed") == 0;
    if (program->category_count == 0 && !self_directed) {
        return; /* every other kind needs a category */
    }
    json_t *activity = json_loads(sample->fields, 0, NULL);
    assert(activity != NULL);
    char id[32];
    snprintf(id, sizeof id, "a%zu", index);
    json_object_set_new(activity, "id", json_string(id));
    json_object_set_new(activity, "kind", json_string(sample->kind));
    json_object_set_new(activity, "date", json_string(sample->date));
    if (json_object_get(activity, "status") == NULL) {
        json_object_set_new(activity, "status", json_string("verified"));
    }
    if (program->category_count > 0 && (!self_directed || index % 2 == 0)) {
        const char *category = program->categories[index % program->category_count].id;
        json_object_set_new(activity, "category", json_string(category));
    }
    json_array_append_new(activities, activity);
}

/* The sample record's JSON text for program; the caller frees it. */
static char *sample_record_text(const struct program *program)
{
    json_t *root = json_loads(sample_header, 0, NULL);
    assert(root != NULL);
    json_object_set_new(root, "program", json_string(program->id));
    json_t *certificates = json_object_get(root, "certificates");
    for (size_t k = 0; k < program->prerequisite_count; k++) {
        json_array_append_new(
            certificates,
            json_pack("{s:s, s:s}", "program", program->prerequisites[k], "issued", "2021-03-01"));
    }
    json_t *activities = json_object_get(root, "activities");
    size_t count = sizeof sample_activities / sizeof sample_activities[0];
    for (size_t i = 0; i < count; i++) {
        add_sample_activity(program, i, activities);
    }
    char *text = json_dumps(root, JSON_COMPACT);
    assert(text != NULL);
    json_decref(root);
    return text;
}

static void check_sample_record(const struct program_set *set, const struct program *program)
{
    char *text = sample_record_text(program);
    struct ct_err err = {0};
    struct learner_record *record = NULL;
    enum ct_status status = record_parse(text, strlen(text), set, NULL, &record, &err);
    if (status != CT_OK) {
        char message[1024];
        ct_err_format(&err, message, sizeof message);
        fprintf(stderr, "program-fuzzer: sample record refused: %s\n%s\n", message, text);
    }
    assert(status == CT_OK);
    fuzz_check_record(record);
    record_free(record);
    free(text);
}

/* ---- the target ---- */

static void check_refusal(enum ct_status status, const struct ct_err *err,
                          const struct program *program)
{
    assert(program == NULL);
    assert(status == CT_ERR_INPUT || status == CT_ERR_TOO_LARGE);
    assert(err->status == status);
    assert(err->message[0] != '\0');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ct_err err = {0};
    struct program *program = NULL;
    enum ct_status status = program_parse((const char *)data, size, &program, &err);
    if (status != CT_OK) {
        check_refusal(status, &err, program);
        return 0;
    }
    check_program(program);
    struct program_set set;
    program_set_init(&set);
    status = program_set_add(&set, program, &err); /* the set owns program from here */
    assert(status == CT_OK);
    check_links_alone(&set, program);
    check_sample_record(&set, program);
    program_set_release(&set);
    return 0;
}
