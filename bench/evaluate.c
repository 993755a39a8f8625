/*
 * bench-evaluate: how fast certtrack evaluates learner records.
 *
 * Generates a deterministic population of learner records on the five MSL programs
 * (seeded splitmix64; the same arguments always give the same records), as JSON text
 * built with jansson, and measures separately:
 *   (a) parse + evaluate + render JSON for every learner: what `certtrack evaluate`
 *       does for one record, less reading the file and writing the output;
 *   (b) evaluate only, on records parsed beforehand.
 * Records are generated, and for (b) parsed, a batch at a time outside the timed
 * sections, so that memory stays bounded whatever the population size. It prints
 * learners per second for each, wall time (CLOCK_MONOTONIC), peak memory (ru_maxrss)
 * and a checksum of the counted credits and of the JSON output, so that runs can be
 * compared and the work cannot be optimised away. docs/benchmarks.md has the numbers.
 *
 *   bench-evaluate [--learners N] [--activities M] [--seed S]   (10000, 100, 1)
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "core/civil_date.h"
#include "core/engine.h"
#include "core/evaluation_json.h"
#include "core/program.h"
#include "core/record.h"
#include "io/program_dir.h"
#include "core/banned.h"

#ifndef CERTTRACK_SOURCE_ROOT
#error "CERTTRACK_SOURCE_ROOT must name the source tree (see bench/meson.build)"
#endif

/* Learners generated (and for (b) parsed) at a time, outside the timed sections. */
enum { BATCH_SIZE = 256 };

/* ---- a deterministic random source: splitmix64 ---- */

struct rng {
    uint64_t state;
};

static uint64_t rng_next(struct rng *rng)
{
    uint64_t z = (rng->state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* A number in [0, bound); bound > 0. */
static uint32_t rng_below(struct rng *rng, uint32_t bound)
{
    return (uint32_t)(rng_next(rng) % bound);
}

/* A number in [low, high]. */
static int32_t rng_between(struct rng *rng, int32_t low, int32_t high)
{
    return low + (int32_t)rng_below(rng, (uint32_t)(high - low + 1));
}

static bool rng_percent(struct rng *rng, uint32_t percent)
{
    return rng_below(rng, 100) < percent;
}

/* Picks an index from weights (count entries, summing to 100). */
static size_t rng_weighted(struct rng *rng, const uint32_t *weights, size_t count)
{
    uint32_t roll = rng_below(rng, 100);
    for (size_t i = 0; i < count; i++) {
        if (roll < weights[i]) {
            return i;
        }
        roll -= weights[i];
    }
    return count - 1;
}

/* ---- the population ---- */

/* Every learner is evaluated on the same day, as in a nightly run. */
#define AS_OF_YEAR  2026
#define AS_OF_MONTH 5
#define AS_OF_DAY   1

enum { PROGRAM_COUNT = 5, KIND_COUNT = ACTIVITY_KIND_COUNT, TOPIC_COUNT = 8 };

static const char *const program_ids[PROGRAM_COUNT] = {
    "msl-staff", "msl-director-initial", "msl-director-renewal", "msl-trustee", "msl-strategic",
};
static const uint32_t program_weights[PROGRAM_COUNT] = {35, 20, 20, 15, 10};
enum { STAFF, DIRECTOR_INITIAL, DIRECTOR_RENEWAL, TRUSTEE, STRATEGIC }; /* program_ids order */

/* In activity_kind order: course, workshop, conference-session, webinar,
 * archived-webinar, college, presenting, self-directed. Only the Strategic Track
 * accepts self-directed learning, and its learners log a lot of it. */
static const uint32_t kind_weights[KIND_COUNT] = {25, 20, 20, 17, 8, 4, 6, 0};
static const uint32_t strategic_kind_weights[KIND_COUNT] = {20, 15, 15, 12, 6, 4, 6, 22};

static const char *const category_ids[] = {
    "library-administration",
    "public-services",
    "collection-management",
    "technology",
};

/* Presentation topics, spelt the way people do: the same topic in several forms. */
static const char *const topics[TOPIC_COUNT] = {
    "Storytime basics",    "STORYTIME BASICS",        " storytime basics ", "Intro to cataloging",
    "Intro to Cataloging", "Makerspaces on a budget", "Trustee roles",      "Grant writing",
};

/* What one learner's record is built from. */
struct learner_plan {
    size_t program;
    struct civil_date as_of;
    struct civil_date track_started;
};

static json_t *date_value(struct civil_date date)
{
    char text[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(date, text);
    return json_string(text);
}

/* A credit amount in halves as a JSON number: 3 -> 1.5, 4 -> 2. */
static json_t *credit_value(int32_t halves)
{
    if (halves % 2 == 0) {
        return json_integer(halves / 2);
    }
    return json_real(halves / 2.0);
}

static const char *activity_status(struct rng *rng)
{
    uint32_t roll = rng_below(rng, 100);
    return roll < 85 ? "verified" : roll < 95 ? "pending" : "rejected";
}

/* Adds the fields the activity's kind measures it by. */
static void add_quantities(struct rng *rng, enum activity_kind kind, struct civil_date date,
                           json_t *activity)
{
    switch (kind) {
    case ACTIVITY_KIND_ARCHIVED_WEBINAR:
        json_object_set_new(activity, "recorded",
                            date_value(civil_date_add_days(date, -rng_between(rng, 0, 500))));
        json_object_set_new(activity, "credits", credit_value(rng_between(rng, 1, 4)));
        break;
    case ACTIVITY_KIND_COLLEGE: {
        /* Two draws, in a fixed order (argument evaluation order is unspecified). */
        const char *field = rng_percent(rng, 50) ? "semester_credits" : "quarter_credits";
        json_object_set_new(activity, field, credit_value(rng_between(rng, 2, 10)));
        break;
    }
    case ACTIVITY_KIND_PRESENTING:
        json_object_set_new(activity, "hours", credit_value(rng_between(rng, 1, 6)));
        json_object_set_new(activity, "topic", json_string(topics[rng_below(rng, TOPIC_COUNT)]));
        break;
    case ACTIVITY_KIND_SELF_DIRECTED:
        json_object_set_new(activity, "hours", credit_value(rng_between(rng, 3, 24)));
        if (rng_percent(rng, 90)) {
            char item[16];
            snprintf(item, sizeof item, "sd%d", rng_between(rng, 1, 5));
            json_object_set_new(activity, "plan_item", json_string(item));
        }
        break;
    default:
        json_object_set_new(activity, "credits", credit_value(rng_between(rng, 1, 8)));
        break;
    }
}

/* An activity's date: mostly within the track so far, some up to half a year before the
 * track started and some up to two months after as_of (future-dated). */
static struct civil_date activity_date(struct rng *rng, const struct learner_plan *plan)
{
    uint32_t roll = rng_below(rng, 100);
    if (roll < 5) {
        return civil_date_add_days(plan->track_started, -rng_between(rng, 1, 180));
    }
    if (roll < 8) {
        return civil_date_add_days(plan->as_of, rng_between(rng, 1, 60));
    }
    int32_t span = plan->as_of.days - plan->track_started.days;
    return civil_date_add_days(plan->track_started, rng_between(rng, 0, span));
}

/* One activity of the learner; its id is "a<index>". */
static json_t *activity_json(struct rng *rng, const struct learner_plan *plan, size_t index)
{
    const uint32_t *weights = plan->program == STRATEGIC ? strategic_kind_weights : kind_weights;
    enum activity_kind kind = (enum activity_kind)rng_weighted(rng, weights, KIND_COUNT);
    struct civil_date date = activity_date(rng, plan);
    char id[32];
    snprintf(id, sizeof id, "a%zu", index);
    json_t *activity = json_pack("{s:s, s:s, s:o, s:s}", "id", id, "kind", activity_kind_name(kind),
                                 "date", date_value(date), "status", activity_status(rng));
    if (activity == NULL) {
        return NULL;
    }
    if (kind != ACTIVITY_KIND_SELF_DIRECTED || rng_percent(rng, 50)) {
        json_object_set_new(activity, "category", json_string(category_ids[rng_below(rng, 4)]));
    }
    add_quantities(rng, kind, date, activity);
    return activity;
}

/* A prior certificate: most learners who need one hold one from before the track. */
static json_t *certificates_json(struct rng *rng, const struct learner_plan *plan)
{
    json_t *certificates = json_array();
    bool needs_one = plan->program == DIRECTOR_RENEWAL || plan->program == STRATEGIC;
    if (certificates == NULL || !rng_percent(rng, needs_one ? 90 : 30)) {
        return certificates;
    }
    /* msl-director-initial qualifies for both tracks that need a certificate. */
    const char *program = rng_percent(rng, 90) ? "msl-director-initial" : "msl-trustee";
    struct civil_date issued =
        civil_date_add_days(plan->track_started, -rng_between(rng, -30, 400));
    json_array_append_new(
        certificates, json_pack("{s:s, s:o}", "program", program, "issued", date_value(issued)));
    return certificates;
}

/* One version of a development plan, submitted on submitted. */
static json_t *plan_version_json(struct rng *rng, int version, struct civil_date submitted)
{
    json_t *items = json_array();
    int32_t planned = rng_between(rng, 1, 4);
    for (int32_t i = 1; i <= planned; i++) {
        char item[16];
        snprintf(item, sizeof item, "sd%d", i);
        json_array_append_new(items, json_string(item));
    }
    json_t *entry =
        json_pack("{s:i, s:o, s:o, s:o}", "version", version, "submitted", date_value(submitted),
                  "learner_approved", date_value(submitted), "planned_self_directed", items);
    if (entry != NULL && rng_percent(rng, 85)) {
        struct civil_date approved = civil_date_add_days(submitted, rng_between(rng, 0, 30));
        json_object_set_new(entry, "organization_approved", date_value(approved));
    }
    return entry;
}

/* Strategic Track: one to three plan versions, the first near the track's start. */
static json_t *plan_json(struct rng *rng, const struct learner_plan *plan)
{
    json_t *versions = json_array();
    struct civil_date submitted = civil_date_add_days(plan->track_started, rng_between(rng, 0, 90));
    int32_t count = rng_percent(rng, 5) ? 0 : rng_between(rng, 1, 3);
    for (int32_t v = 1; v <= count; v++) {
        json_array_append_new(versions, plan_version_json(rng, v, submitted));
        submitted = civil_date_add_days(submitted, rng_between(rng, 60, 500));
    }
    return json_pack("{s:o}", "versions", versions);
}

static json_t *final_report_json(struct rng *rng, const struct learner_plan *plan)
{
    json_t *report = json_object();
    if (report == NULL || !rng_percent(rng, 50)) {
        return report;
    }
    struct civil_date submitted = civil_date_add_days(plan->as_of, -rng_between(rng, 1, 200));
    json_object_set_new(report, "submitted", date_value(submitted));
    if (rng_percent(rng, 80)) {
        json_object_set_new(report, "accepted", date_value(civil_date_add_days(submitted, 10)));
    }
    return report;
}

/* The JSON text of learner number index; the caller frees it. NULL when out of memory. */
static char *learner_text(uint64_t seed, size_t index, size_t activity_count)
{
    struct rng rng = {seed ^ (UINT64_C(0xD1B54A32D192ED03) * (index + 1))};
    struct learner_plan plan;
    plan.program = rng_weighted(&rng, program_weights, PROGRAM_COUNT);
    plan.as_of = civil_date_from_ymd(AS_OF_YEAR, AS_OF_MONTH, AS_OF_DAY);
    /* Tracks started up to five years ago: some have passed their four-year deadline. */
    plan.track_started = civil_date_add_days(plan.as_of, -rng_between(&rng, 30, 5 * 365));
    json_t *root =
        json_pack("{s:s, s:o, s:o, s:o}", "program", program_ids[plan.program], "as_of",
                  date_value(plan.as_of), "track_started", date_value(plan.track_started),
                  "certificates", certificates_json(&rng, &plan));
    json_t *activities = json_array();
    for (size_t i = 0; i < activity_count; i++) {
        json_array_append_new(activities, activity_json(&rng, &plan, i));
    }
    json_object_set_new(root, "activities", activities);
    if (plan.program == STRATEGIC) {
        json_object_set_new(root, "plan", plan_json(&rng, &plan));
        json_object_set_new(root, "final_report", final_report_json(&rng, &plan));
    }
    char *text = root != NULL ? json_dumps(root, JSON_COMPACT) : NULL;
    json_decref(root);
    return text;
}

/* ---- measuring ---- */

struct options {
    size_t learners;
    size_t activities;
    uint64_t seed;
};

/* What the runs add up to; (a) and (b) must agree on the counted credits. */
struct tally {
    double seconds;
    int64_t counted_halves;
    uint64_t output_hash; /* FNV-1a of every JSON output, (a) only */
    size_t output_bytes;
    size_t status_count[4];                            /* by enum track_status, (b) only */
    size_t decision_count[4];                          /* by enum decision, (b) only */
    size_t reason_count[REASON_SELF_DIRECTED_CAP + 1]; /* by enum reason, (b) only */
};

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t fnv1a(uint64_t hash, const char *text, size_t length)
{
    for (size_t i = 0; i < length; i++) {
        hash = (hash ^ (unsigned char)text[i]) * UINT64_C(0x100000001B3);
    }
    return hash;
}

/* Prints what failed for which learner; returns false, for the caller to pass on. */
static bool report_failure(const char *what, size_t learner, const struct ct_err *err)
{
    char message[1024];
    ct_err_format(err, message, sizeof message);
    fprintf(stderr, "bench-evaluate: learner %zu: %s: %s\n", learner, what, message);
    return false;
}

static bool parse_learner(const char *text, const struct program_set *programs, size_t learner,
                          struct learner_record **record)
{
    struct ct_err err = {0};
    if (record_parse(text, strlen(text), programs, NULL, record, &err) != CT_OK) {
        return report_failure("generated record refused", learner, &err);
    }
    return true;
}

static bool evaluate_learner(const struct learner_record *record, size_t learner,
                             struct evaluation **evaluation)
{
    if (engine_evaluate(record, evaluation) != CT_OK) {
        struct ct_err err = {0};
        ct_err_nomem(&err);
        return report_failure("evaluate", learner, &err);
    }
    return true;
}

/* (a) for one learner: parse, evaluate, render, free. */
static bool full_path(const char *text, const struct program_set *programs, size_t learner,
                      struct tally *tally)
{
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    if (!parse_learner(text, programs, learner, &record) ||
        !evaluate_learner(record, learner, &evaluation)) {
        record_free(record);
        return false;
    }
    char *output = evaluation_to_json_text(evaluation, record);
    bool ok = output != NULL;
    if (!ok) {
        fprintf(stderr, "bench-evaluate: learner %zu: out of memory rendering JSON\n", learner);
    } else {
        size_t length = strlen(output);
        tally->output_hash = fnv1a(tally->output_hash, output, length);
        tally->output_bytes += length;
        tally->counted_halves += evaluation->counted_halves;
    }
    free(output);
    evaluation_free(evaluation);
    record_free(record);
    return ok;
}

/* (b) for one learner: evaluate, count, free. */
static bool evaluate_only(const struct learner_record *record, size_t learner, struct tally *tally)
{
    struct evaluation *evaluation = NULL;
    if (!evaluate_learner(record, learner, &evaluation)) {
        return false;
    }
    tally->counted_halves += evaluation->counted_halves;
    tally->status_count[evaluation->status]++;
    for (size_t i = 0; i < evaluation->activity_count; i++) {
        tally->decision_count[evaluation->activities[i].decision]++;
        tally->reason_count[evaluation->activities[i].reason]++;
    }
    evaluation_free(evaluation);
    return true;
}

/* (a) for a batch of count texts (borrowed) of learners first, first + 1, ... */
static bool run_full_batch(char **texts, size_t first, size_t count,
                           const struct program_set *programs, struct tally *tally)
{
    bool ok = true;
    double start = now_seconds();
    for (size_t i = 0; i < count && ok; i++) {
        ok = full_path(texts[i], programs, first + i, tally);
    }
    tally->seconds += now_seconds() - start;
    return ok;
}

/* (b) for a batch of count texts (borrowed); the records parsed from them are freed
 * here. The parse before it is timed on its own, into parse_seconds. */
static bool run_evaluate_batch(char **texts, size_t first, size_t count,
                               const struct program_set *programs, double *parse_seconds,
                               struct tally *tally)
{
    struct learner_record *records[BATCH_SIZE] = {NULL};
    bool ok = true;
    double start = now_seconds();
    for (size_t i = 0; i < count && ok; i++) {
        ok = parse_learner(texts[i], programs, first + i, &records[i]);
    }
    *parse_seconds += now_seconds() - start;
    start = now_seconds();
    for (size_t i = 0; i < count && ok; i++) {
        ok = evaluate_only(records[i], first + i, tally);
    }
    tally->seconds += now_seconds() - start;
    for (size_t i = 0; i < count; i++) {
        record_free(records[i]);
    }
    return ok;
}

/* Generates the learners first .. first + count - 1 into texts; the caller frees each
 * text (also those made before a failure). False when out of memory. */
static bool generate_batch(const struct options *options, size_t first, size_t count, char **texts,
                           size_t *total_bytes)
{
    for (size_t i = 0; i < count; i++) {
        texts[i] = learner_text(options->seed, first + i, options->activities);
        if (texts[i] == NULL) {
            fprintf(stderr, "bench-evaluate: out of memory generating learner %zu\n", first + i);
            return false;
        }
        *total_bytes += strlen(texts[i]);
    }
    return true;
}

struct results {
    struct tally full;
    struct tally evaluate;
    double generate_seconds;
    double parse_seconds; /* parsing alone, before (b) */
    size_t input_bytes;
};

static bool run(const struct options *options, const struct program_set *programs,
                struct results *results)
{
    char *texts[BATCH_SIZE] = {NULL};
    bool ok = true;
    for (size_t first = 0; first < options->learners && ok; first += BATCH_SIZE) {
        size_t left = options->learners - first;
        size_t count = left < BATCH_SIZE ? left : BATCH_SIZE;
        double start = now_seconds();
        ok = generate_batch(options, first, count, texts, &results->input_bytes);
        results->generate_seconds += now_seconds() - start;
        ok = ok && run_full_batch(texts, first, count, programs, &results->full);
        ok = ok && run_evaluate_batch(texts, first, count, programs, &results->parse_seconds,
                                      &results->evaluate);
        for (size_t i = 0; i < count; i++) {
            free(texts[i]);
            texts[i] = NULL;
        }
    }
    return ok;
}

/* ---- reporting ---- */

static void print_rate(const char *label, const struct tally *tally, const struct options *options)
{
    double seconds = tally->seconds > 0 ? tally->seconds : 1e-9;
    double learners = (double)options->learners;
    printf("%-36s %9.3f s  %10.0f learners/s  %12.0f activities/s\n", label, tally->seconds,
           learners / seconds, learners * (double)options->activities / seconds);
}

static double peak_memory_mib(void)
{
    struct rusage usage;
    if (getrusage(RUSAGE_SELF, &usage) != 0) {
        return 0;
    }
    return (double)usage.ru_maxrss / 1024.0; /* Linux reports kilobytes */
}

static void print_population(const struct results *results)
{
    const struct tally *tally = &results->evaluate;
    printf("statuses:    complete %zu, in-progress %zu, ineligible %zu, expired %zu\n",
           tally->status_count[TRACK_COMPLETE], tally->status_count[TRACK_IN_PROGRESS],
           tally->status_count[TRACK_INELIGIBLE], tally->status_count[TRACK_EXPIRED]);
    printf("decisions:   counted %zu, partial %zu, excluded %zu, pending %zu\n",
           tally->decision_count[DECISION_COUNTED], tally->decision_count[DECISION_PARTIAL],
           tally->decision_count[DECISION_EXCLUDED], tally->decision_count[DECISION_PENDING]);
    printf("reasons:    ");
    for (int reason = REASON_NONE + 1; reason <= REASON_SELF_DIRECTED_CAP; reason++) {
        if (tally->reason_count[reason] != 0) {
            printf(" %s %zu", reason_code((enum reason)reason), tally->reason_count[reason]);
        }
    }
    printf("\n");
}

static void print_results(const struct options *options, const struct results *results)
{
    printf("bench-evaluate: %zu learners x %zu activities = %zu activities, seed %" PRIu64 "\n",
           options->learners, options->activities, options->learners * options->activities,
           options->seed);
    printf("input:       %.1f MiB of JSON records, generated in %.3f s (not timed)\n",
           (double)results->input_bytes / (1024.0 * 1024.0), results->generate_seconds);
    print_population(results);
    print_rate("(a) parse + evaluate + render JSON:", &results->full, options);
    print_rate("(b) evaluate only:", &results->evaluate, options);
    printf("of (a):      parse alone %.3f s, evaluate alone %.3f s, so rendering JSON and "
           "freeing about %.3f s\n",
           results->parse_seconds, results->evaluate.seconds,
           results->full.seconds - results->parse_seconds - results->evaluate.seconds);
    const struct tally *full = &results->full;
    printf("checksum:    counted %" PRId64 " half-credits; JSON output %.1f MiB, fnv1a-64 "
           "%016" PRIx64 "\n",
           full->counted_halves, (double)full->output_bytes / (1024.0 * 1024.0), full->output_hash);
    printf("peak memory: %.1f MiB (ru_maxrss)\n", peak_memory_mib());
}

/* ---- arguments ---- */

static bool parse_count(const char *text, uint64_t max, uint64_t *out)
{
    char *end = NULL;
    errno = 0;
    unsigned long long value = strtoull(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || text[0] == '-' || value > max) {
        return false;
    }
    *out = value;
    return true;
}

static void usage(FILE *out)
{
    fprintf(out, "Usage: bench-evaluate [--learners N] [--activities M] [--seed S]\n"
                 "  defaults: 10000 learners, 100 activities each, seed 1\n");
}

/* Returns -1 when the arguments were read, else the exit code to return. */
static int parse_arguments(int argc, char **argv, struct options *options)
{
    static const struct option long_options[] = {
        {"learners", required_argument, NULL, 'l'},
        {"activities", required_argument, NULL, 'a'},
        {"seed", required_argument, NULL, 's'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    *options = (struct options){10000, 100, 1};
    int option;
    while ((option = getopt_long(argc, argv, "h", long_options, NULL)) != -1) {
        uint64_t value = 0;
        bool ok = option != 'h' && option != '?' && parse_count(optarg, UINT64_MAX, &value);
        if (option == 'l' && ok && value >= 1 && value <= 100000000) {
            options->learners = (size_t)value;
        } else if (option == 'a' && ok && value <= RECORD_MAX_ACTIVITIES) {
            options->activities = (size_t)value;
        } else if (option == 's' && ok) {
            options->seed = value;
        } else {
            usage(option == 'h' ? stdout : stderr);
            return option == 'h' ? 0 : 2;
        }
    }
    if (optind != argc) {
        usage(stderr);
        return 2;
    }
    return -1;
}

int main(int argc, char **argv)
{
    struct options options;
    int exit_code = parse_arguments(argc, argv, &options);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct program_set programs;
    program_set_init(&programs);
    struct ct_err err = {0};
    if (program_dir_load(CERTTRACK_SOURCE_ROOT "/programs", &programs, &err) != CT_OK) {
        char message[1024];
        ct_err_format(&err, message, sizeof message);
        fprintf(stderr, "bench-evaluate: cannot load the programs: %s\n", message);
        return 1;
    }
    struct results results;
    memset(&results, 0, sizeof results);
    results.full.output_hash = UINT64_C(0xCBF29CE484222325);
    bool ok = run(&options, &programs, &results);
    program_set_release(&programs);
    if (!ok) {
        return 1;
    }
    print_results(&options, &results);
    if (results.full.counted_halves != results.evaluate.counted_halves) {
        fprintf(stderr, "bench-evaluate: (a) and (b) disagree on the counted credits\n");
        return 1;
    }
    return 0;
}
