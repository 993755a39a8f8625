#include "engine.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "credit.h"
#include "banned.h"

/* What does not change with the day of evaluation, worked out once per record. */
struct prepared {
    const struct learner_record *record;
    const struct program *program;
    size_t count;
    size_t *order;              /* activity indices in date order, then id */
    int64_t *credit_halves;     /* per activity, after conversion */
    struct civil_date *expires; /* per activity */
    enum reason *late_reason;   /* per activity: before-plan .. unplanned-self-directed */
    size_t *topic_index;        /* per activity: presentation topic number */
    size_t topic_count;
    int32_t *topic_used; /* scratch: presentations counted per topic */
};

/* What one pass over the activities on one day adds up to. */
struct day_totals {
    int64_t counted_halves;
    int64_t pending_halves;
    int64_t self_directed_halves;
};

/* ---- conversions ---- */

static int64_t activity_credit_halves(const struct activity *activity, const struct kind_rule *rule)
{
    if (!rule->accepted) {
        return 0;
    }
    switch (activity->kind) {
    case ACTIVITY_KIND_COLLEGE:
        if (activity->semester_halves != 0) {
            return activity->semester_halves * rule->semester_credit_halves / 2;
        }
        return activity->quarter_halves * rule->quarter_credit_halves / 2;
    case ACTIVITY_KIND_PRESENTING:
        return activity->minutes * rule->credits_per_hour_halves / 60;
    case ACTIVITY_KIND_SELF_DIRECTED:
        return activity->minutes / rule->minutes_per_half_credit;
    default:
        return activity->credit_halves;
    }
}

/* ---- plan ---- */

const struct plan_version *engine_plan_version_in_force(const struct learner_record *record,
                                                        struct civil_date day)
{
    const struct plan_version *in_force = NULL;
    for (size_t i = 0; i < record->plan_version_count; i++) {
        const struct plan_version *version = &record->plan_versions[i];
        if (!civil_date_is_set(version->submitted) ||
            civil_date_compare(version->submitted, day) > 0) {
            continue;
        }
        if (in_force == NULL) {
            in_force = version;
            continue;
        }
        int order = civil_date_compare(version->submitted, in_force->submitted);
        if (order > 0 || (order == 0 && version->version > in_force->version)) {
            in_force = version;
        }
    }
    return in_force;
}

static struct civil_date first_plan_submission(const struct learner_record *record)
{
    struct civil_date first = civil_date_unset();
    for (size_t i = 0; i < record->plan_version_count; i++) {
        struct civil_date submitted = record->plan_versions[i].submitted;
        if (civil_date_is_set(submitted) &&
            (!civil_date_is_set(first) || civil_date_compare(submitted, first) < 0)) {
            first = submitted;
        }
    }
    return first;
}

static int compare_item_keys(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool plan_lists_item(const struct plan_version *version, const char *item)
{
    if (version == NULL || item == NULL || version->planned_self_directed_count == 0) {
        return false;
    }
    /* The record keeps the planned items sorted. */
    return bsearch(&item, version->planned_self_directed, version->planned_self_directed_count,
                   sizeof(char *), compare_item_keys) != NULL;
}

/* True when a date is set and falls on or before day. */
static bool dated_by(struct civil_date date, struct civil_date day)
{
    return civil_date_is_set(date) && civil_date_compare(date, day) <= 0;
}

/* ---- preparation ---- */

/* The exclusions that do not depend on the day of evaluation, for an activity dated on
 * or before that day. Every plan version that matters to such an activity was submitted
 * on or before its date, so these hold for any later day too. */
static enum reason late_reason_of(const struct learner_record *record,
                                  const struct activity *activity, int64_t credit_halves,
                                  struct civil_date plan_first_submitted)
{
    const struct program *program = record->program;
    const struct kind_rule *rule = &program->kinds[activity->kind];
    if (program->plan_required && (!civil_date_is_set(plan_first_submitted) ||
                                   civil_date_compare(activity->date, plan_first_submitted) < 0)) {
        return REASON_BEFORE_PLAN;
    }
    if (credit_halves == 0) {
        return REASON_BELOW_MINIMUM;
    }
    if (activity->kind == ACTIVITY_KIND_ARCHIVED_WEBINAR) {
        struct civil_date limit = civil_date_add_years(activity->recorded, rule->max_age_years);
        if (civil_date_compare(activity->date, limit) > 0) {
            return REASON_ARCHIVED_WEBINAR_TOO_OLD;
        }
    }
    if (activity->kind == ACTIVITY_KIND_SELF_DIRECTED && rule->must_be_planned) {
        const struct plan_version *version = engine_plan_version_in_force(record, activity->date);
        if (!plan_lists_item(version, activity->plan_item)) {
            return REASON_UNPLANNED_SELF_DIRECTED;
        }
    }
    return REASON_NONE;
}

struct order_entry {
    int32_t date;
    const char *id;
    size_t index;
};

static int compare_order_entries(const void *a, const void *b)
{
    const struct order_entry *left = a;
    const struct order_entry *right = b;
    if (left->date != right->date) {
        return left->date < right->date ? -1 : 1;
    }
    return strcmp(left->id, right->id);
}

struct topic_entry {
    const char *key;
    size_t index;
};

static int compare_topic_entries(const void *a, const void *b)
{
    const struct topic_entry *left = a;
    const struct topic_entry *right = b;
    return strcmp(left->key, right->key);
}

static enum ct_status prepare_order(struct prepared *prep)
{
    const struct learner_record *record = prep->record;
    struct order_entry *entries = calloc(prep->count + 1, sizeof *entries);
    if (entries == NULL) {
        return CT_ERR_NOMEM;
    }
    for (size_t i = 0; i < prep->count; i++) {
        entries[i] =
            (struct order_entry){record->activities[i].date.days, record->activities[i].id, i};
    }
    qsort(entries, prep->count, sizeof *entries, compare_order_entries);
    for (size_t i = 0; i < prep->count; i++) {
        prep->order[i] = entries[i].index;
    }
    free(entries);
    return CT_OK;
}

/* Numbers the distinct presentation topics (by their case-folded key). */
static enum ct_status prepare_topics(struct prepared *prep)
{
    const struct learner_record *record = prep->record;
    struct topic_entry *entries = calloc(prep->count + 1, sizeof *entries);
    if (entries == NULL) {
        return CT_ERR_NOMEM;
    }
    size_t presentations = 0;
    for (size_t i = 0; i < prep->count; i++) {
        if (record->activities[i].kind == ACTIVITY_KIND_PRESENTING) {
            entries[presentations++] = (struct topic_entry){record->activities[i].topic_key, i};
        }
    }
    qsort(entries, presentations, sizeof *entries, compare_topic_entries);
    size_t topics = 0;
    for (size_t i = 0; i < presentations; i++) {
        if (i > 0 && strcmp(entries[i - 1].key, entries[i].key) != 0) {
            topics++;
        }
        prep->topic_index[entries[i].index] = topics;
    }
    prep->topic_count = presentations > 0 ? topics + 1 : 0;
    free(entries);
    prep->topic_used = calloc(prep->topic_count + 1, sizeof *prep->topic_used);
    return prep->topic_used != NULL ? CT_OK : CT_ERR_NOMEM;
}

static void prepared_release(struct prepared *prep)
{
    free(prep->order);
    free(prep->credit_halves);
    free(prep->expires);
    free(prep->late_reason);
    free(prep->topic_index);
    free(prep->topic_used);
}

static enum ct_status prepare(const struct learner_record *record, struct prepared *prep)
{
    memset(prep, 0, sizeof *prep);
    prep->record = record;
    prep->program = record->program;
    prep->count = record->activity_count;
    size_t slots = prep->count + 1; /* never zero, so calloc never returns NULL for none */
    prep->order = calloc(slots, sizeof *prep->order);
    prep->credit_halves = calloc(slots, sizeof *prep->credit_halves);
    prep->expires = calloc(slots, sizeof *prep->expires);
    prep->late_reason = calloc(slots, sizeof *prep->late_reason);
    prep->topic_index = calloc(slots, sizeof *prep->topic_index);
    if (prep->order == NULL || prep->credit_halves == NULL || prep->expires == NULL ||
        prep->late_reason == NULL || prep->topic_index == NULL) {
        prepared_release(prep);
        return CT_ERR_NOMEM;
    }
    struct civil_date plan_first = first_plan_submission(record);
    for (size_t i = 0; i < prep->count; i++) {
        const struct activity *activity = &record->activities[i];
        const struct kind_rule *rule = &prep->program->kinds[activity->kind];
        prep->credit_halves[i] = activity_credit_halves(activity, rule);
        prep->expires[i] = civil_date_add_years(activity->date, prep->program->window_years);
        prep->late_reason[i] = late_reason_of(record, activity, prep->credit_halves[i], plan_first);
    }
    enum ct_status status = prepare_order(prep);
    if (status == CT_OK) {
        status = prepare_topics(prep);
    }
    if (status != CT_OK) {
        prepared_release(prep);
    }
    return status;
}

/* ---- one day ---- */

static enum reason exclusion_on(const struct prepared *prep, size_t i, struct civil_date day)
{
    const struct learner_record *record = prep->record;
    const struct activity *activity = &record->activities[i];
    if (!prep->program->kinds[activity->kind].accepted) {
        return REASON_KIND_NOT_ACCEPTED;
    }
    if (civil_date_compare(activity->date, day) > 0) {
        return REASON_FUTURE_DATED;
    }
    if (activity->status == ACTIVITY_STATUS_REJECTED) {
        return REASON_REJECTED;
    }
    if (civil_date_compare(activity->date, record->track_started) < 0) {
        return REASON_BEFORE_TRACK;
    }
    if (civil_date_compare(day, prep->expires[i]) >= 0) {
        return REASON_EXPIRED;
    }
    return prep->late_reason[i];
}

/* Applies the per-topic presentation limit and the self-directed cap to a verified
 * activity that passed every exclusion. Called in date order, then id. */
static void apply_limits(struct prepared *prep, size_t i, int64_t *self_directed_used,
                         struct activity_result *result)
{
    const struct activity *activity = &prep->record->activities[i];
    const struct kind_rule *rule = &prep->program->kinds[activity->kind];
    result->decision = DECISION_COUNTED;
    result->counted_halves = result->credit_halves;
    if (activity->kind == ACTIVITY_KIND_PRESENTING && rule->max_per_topic > 0) {
        int32_t *used = &prep->topic_used[prep->topic_index[i]];
        if (*used >= rule->max_per_topic) {
            result->decision = DECISION_EXCLUDED;
            result->reason = REASON_PRESENTING_TOPIC_LIMIT;
            result->counted_halves = 0;
            return;
        }
        (*used)++;
    }
    if (activity->kind == ACTIVITY_KIND_SELF_DIRECTED && rule->max_halves > 0) {
        int64_t room = rule->max_halves - *self_directed_used;
        if (room <= 0) {
            result->decision = DECISION_EXCLUDED;
            result->reason = REASON_SELF_DIRECTED_CAP;
            result->counted_halves = 0;
        } else if (result->credit_halves > room) {
            result->decision = DECISION_PARTIAL;
            result->reason = REASON_SELF_DIRECTED_CAP;
            result->counted_halves = room;
        }
    }
    if (activity->kind == ACTIVITY_KIND_SELF_DIRECTED) {
        *self_directed_used += result->counted_halves;
    }
}

/* Decides every activity as if evaluated on day. results has one slot per activity;
 * category_counted (may be NULL) one per program category, zeroed by the caller. */
static struct day_totals evaluate_on(struct prepared *prep, struct civil_date day,
                                     struct activity_result *results, int64_t *category_counted)
{
    struct day_totals totals = {0, 0, 0};
    memset(prep->topic_used, 0, (prep->topic_count + 1) * sizeof *prep->topic_used);
    for (size_t position = 0; position < prep->count; position++) {
        size_t i = prep->order[position];
        const struct activity *activity = &prep->record->activities[i];
        struct activity_result *result = &results[i];
        result->credit_halves = prep->credit_halves[i];
        result->counted_halves = 0;
        result->expires = prep->expires[i];
        result->reason = exclusion_on(prep, i, day);
        if (result->reason != REASON_NONE) {
            result->decision = DECISION_EXCLUDED;
            continue;
        }
        if (activity->status == ACTIVITY_STATUS_PENDING) {
            result->decision = DECISION_PENDING;
            result->reason = REASON_NOT_VERIFIED;
            totals.pending_halves += result->credit_halves;
            continue;
        }
        apply_limits(prep, i, &totals.self_directed_halves, result);
        totals.counted_halves += result->counted_halves;
        if (category_counted != NULL && activity->category >= 0) {
            category_counted[activity->category] += result->counted_halves;
        }
    }
    return totals;
}

/* ---- projection ---- */

/* The projection sweeps the days after as_of on which an activity arrives or expires,
 * keeping counted credit up to date in O(1) per event, so that it costs O(n log n)
 * however the days fall. It relies on three facts:
 *  - whether an activity can count at all (kind, status, track start, plan, minimum,
 *    recording age, planning) does not depend on the day; the rest is whether it is
 *    alive: dated on or before the day and not yet expired;
 *  - expiry is the date plus whole years, never earlier for a later date, so the live
 *    activities of a presentation topic are a contiguous run of that topic's activities
 *    in date order, and the first max_per_topic of the run count;
 *  - the self-directed cap counts min(cap, total) whatever the order. */

enum sweep_class { SWEEP_PLAIN, SWEEP_CAPPED, SWEEP_TOPIC };

struct sweep_member {
    int32_t date;
    int32_t expires;
    int64_t credit_halves;
    enum sweep_class class;
    size_t topic; /* SWEEP_TOPIC: topic number */
};

/* One presentation topic's members, in date order, then id. */
struct topic_window {
    size_t prefix_start; /* its prefix sums: topic_prefix[prefix_start + k], k = 0..count */
    size_t count;
    size_t arrived; /* members dated on or before the day: a prefix of the order */
    size_t expired; /* members expired by the day: also a prefix */
};

/* A member's arrival (its date) or departure (its expiry). */
struct sweep_event {
    int32_t day;
    size_t member;
};

struct sweep {
    struct sweep_member *members;
    size_t member_count;
    struct sweep_event *arrivals;   /* by day */
    struct sweep_event *departures; /* by day */
    struct topic_window *topics;
    int64_t *topic_prefix;
    int32_t max_per_topic;
    int64_t cap_halves;
    int64_t plain_halves;  /* live credit without limits */
    int64_t capped_halves; /* live self-directed credit, before the cap */
    int64_t topic_halves;  /* live presentation credit within the topic limit */
};

static bool activity_can_count(const struct prepared *prep, size_t i)
{
    const struct activity *activity = &prep->record->activities[i];
    return prep->program->kinds[activity->kind].accepted &&
           activity->status == ACTIVITY_STATUS_VERIFIED && prep->late_reason[i] == REASON_NONE &&
           civil_date_compare(activity->date, prep->record->track_started) >= 0;
}

static enum sweep_class class_of(const struct prepared *prep, const struct activity *activity)
{
    const struct kind_rule *rule = &prep->program->kinds[activity->kind];
    if (activity->kind == ACTIVITY_KIND_SELF_DIRECTED && rule->max_halves > 0) {
        return SWEEP_CAPPED;
    }
    if (activity->kind == ACTIVITY_KIND_PRESENTING && rule->max_per_topic > 0) {
        return SWEEP_TOPIC;
    }
    return SWEEP_PLAIN;
}

/* Live credit of one topic within the limit: its first max_per_topic live members. */
static int64_t topic_credit(const struct sweep *sweep, const struct topic_window *topic)
{
    size_t first = topic->expired;
    size_t last = topic->arrived;
    if (last <= first) {
        return 0;
    }
    if (last - first > (size_t)sweep->max_per_topic) {
        last = first + (size_t)sweep->max_per_topic;
    }
    const int64_t *prefix = &sweep->topic_prefix[topic->prefix_start];
    return prefix[last] - prefix[first];
}

static int64_t sweep_total(const struct sweep *sweep)
{
    int64_t capped =
        sweep->capped_halves < sweep->cap_halves ? sweep->capped_halves : sweep->cap_halves;
    return sweep->plain_halves + capped + sweep->topic_halves;
}

/* A member arrives (+1) or expires (-1). */
static void sweep_apply(struct sweep *sweep, const struct sweep_member *member, int direction)
{
    switch (member->class) {
    case SWEEP_PLAIN:
        sweep->plain_halves += direction * member->credit_halves;
        break;
    case SWEEP_CAPPED:
        sweep->capped_halves += direction * member->credit_halves;
        break;
    case SWEEP_TOPIC: {
        struct topic_window *topic = &sweep->topics[member->topic];
        sweep->topic_halves -= topic_credit(sweep, topic);
        if (direction > 0) {
            topic->arrived++;
        } else {
            topic->expired++;
        }
        sweep->topic_halves += topic_credit(sweep, topic);
        break;
    }
    }
}

static void sweep_release(struct sweep *sweep)
{
    free(sweep->members);
    free(sweep->arrivals);
    free(sweep->departures);
    free(sweep->topics);
    free(sweep->topic_prefix);
}

/* Collects the activities that can count, in date order then id, with each topic's
 * members together and their prefix sums. */
static enum ct_status sweep_collect(const struct prepared *prep, struct sweep *sweep)
{
    size_t slots = prep->count + 1;
    sweep->members = calloc(slots, sizeof *sweep->members);
    sweep->topics = calloc(prep->topic_count + 1, sizeof *sweep->topics);
    sweep->topic_prefix = calloc(slots + prep->topic_count + 1, sizeof *sweep->topic_prefix);
    if (sweep->members == NULL || sweep->topics == NULL || sweep->topic_prefix == NULL) {
        return CT_ERR_NOMEM;
    }
    for (size_t position = 0; position < prep->count; position++) {
        size_t i = prep->order[position];
        if (!activity_can_count(prep, i)) {
            continue;
        }
        const struct activity *activity = &prep->record->activities[i];
        struct sweep_member *member = &sweep->members[sweep->member_count++];
        *member = (struct sweep_member){activity->date.days, prep->expires[i].days,
                                        prep->credit_halves[i], class_of(prep, activity),
                                        prep->topic_index[i]};
        if (member->class == SWEEP_TOPIC) {
            sweep->topics[member->topic].count++;
        }
    }
    size_t offset = 0;
    for (size_t t = 0; t < prep->topic_count; t++) {
        sweep->topics[t].prefix_start = offset;
        offset += sweep->topics[t].count + 1;
        sweep->topics[t].count = 0; /* recounted as the prefix sums fill */
    }
    for (size_t m = 0; m < sweep->member_count; m++) {
        const struct sweep_member *member = &sweep->members[m];
        if (member->class == SWEEP_TOPIC) {
            struct topic_window *topic = &sweep->topics[member->topic];
            int64_t *prefix = &sweep->topic_prefix[topic->prefix_start];
            prefix[topic->count + 1] = prefix[topic->count] + member->credit_halves;
            topic->count++;
        }
    }
    return CT_OK;
}

static int compare_events(const void *a, const void *b)
{
    const struct sweep_event *left = a;
    const struct sweep_event *right = b;
    return (left->day > right->day) - (left->day < right->day);
}

/* Orders the arrivals and departures after as_of, and applies everything up to as_of,
 * so that the sweep starts from the state on as_of. */
static enum ct_status sweep_start(struct sweep *sweep, struct civil_date as_of, size_t *arrivals,
                                  size_t *departures)
{
    size_t slots = sweep->member_count + 1;
    sweep->arrivals = calloc(slots, sizeof *sweep->arrivals);
    sweep->departures = calloc(slots, sizeof *sweep->departures);
    if (sweep->arrivals == NULL || sweep->departures == NULL) {
        return CT_ERR_NOMEM;
    }
    *arrivals = 0;
    *departures = 0;
    for (size_t m = 0; m < sweep->member_count; m++) {
        const struct sweep_member *member = &sweep->members[m];
        if (member->date > as_of.days) {
            sweep->arrivals[(*arrivals)++] = (struct sweep_event){member->date, m};
        } else {
            sweep_apply(sweep, member, +1);
        }
    }
    /* Departures after arrivals: a member expired by as_of first had to arrive. */
    for (size_t m = 0; m < sweep->member_count; m++) {
        const struct sweep_member *member = &sweep->members[m];
        if (member->expires > as_of.days) {
            sweep->departures[(*departures)++] = (struct sweep_event){member->expires, m};
        } else {
            sweep_apply(sweep, member, -1);
        }
    }
    qsort(sweep->arrivals, *arrivals, sizeof *sweep->arrivals, compare_events);
    qsort(sweep->departures, *departures, sizeof *sweep->departures, compare_events);
    return CT_OK;
}

/* Finds the first day after as_of on which counted credit is lower than now. */
static enum ct_status project_next_expiry(struct prepared *prep, struct evaluation *evaluation)
{
    evaluation->next_expiry = civil_date_unset();
    evaluation->counted_after_next_expiry_halves = evaluation->counted_halves;
    struct sweep sweep;
    memset(&sweep, 0, sizeof sweep);
    sweep.max_per_topic = prep->program->kinds[ACTIVITY_KIND_PRESENTING].max_per_topic;
    sweep.cap_halves = prep->program->kinds[ACTIVITY_KIND_SELF_DIRECTED].max_halves;
    size_t arrival_count = 0, departure_count = 0;
    enum ct_status status = sweep_collect(prep, &sweep);
    if (status == CT_OK) {
        status = sweep_start(&sweep, evaluation->as_of, &arrival_count, &departure_count);
    }
    size_t next_arrival = 0, next_departure = 0;
    while (status == CT_OK && next_departure < departure_count) {
        /* The next day on which anything happens; only departures can lower the total,
         * so the sweep ends with the last of them. */
        int32_t day = sweep.departures[next_departure].day;
        if (next_arrival < arrival_count && sweep.arrivals[next_arrival].day < day) {
            day = sweep.arrivals[next_arrival].day;
        }
        while (next_arrival < arrival_count && sweep.arrivals[next_arrival].day == day) {
            sweep_apply(&sweep, &sweep.members[sweep.arrivals[next_arrival++].member], +1);
        }
        while (next_departure < departure_count && sweep.departures[next_departure].day == day) {
            sweep_apply(&sweep, &sweep.members[sweep.departures[next_departure++].member], -1);
        }
        int64_t total = sweep_total(&sweep);
        if (total < evaluation->counted_halves) {
            evaluation->next_expiry = (struct civil_date){day};
            evaluation->counted_after_next_expiry_halves = total;
            break;
        }
    }
    sweep_release(&sweep);
    return status;
}

/* ---- blocking and status ---- */

bool engine_prerequisite_met(const struct program *program,
                             const struct certificate_held *certificates, size_t count,
                             struct civil_date track_started, struct civil_date as_of,
                             size_t *which)
{
    *which = ENGINE_NO_CERTIFICATE;
    if (program->prerequisite_count == 0) {
        return true;
    }
    for (size_t i = 0; i < count; i++) {
        const struct certificate_held *certificate = &certificates[i];
        if (!dated_by(certificate->issued, as_of) ||
            !dated_by(certificate->issued, track_started)) {
            continue;
        }
        for (size_t k = 0; k < program->prerequisite_count; k++) {
            if (strcmp(certificate->program, program->prerequisites[k]) == 0) {
                *which = i;
                return true;
            }
        }
    }
    return false;
}

static bool prerequisite_held(const struct learner_record *record)
{
    size_t which;
    return engine_prerequisite_met(record->program, record->certificates, record->certificate_count,
                                   record->track_started, record->as_of, &which);
}

static void add_blocking(struct evaluation *evaluation, enum blocking_code code, int category)
{
    evaluation->blocking[evaluation->blocking_count++] = (struct blocking_item){code, category};
}

static void decide_plan_blocking(const struct learner_record *record, struct evaluation *evaluation)
{
    const struct plan_version *version = engine_plan_version_in_force(record, record->as_of);
    if (version == NULL) {
        add_blocking(evaluation, BLOCKING_PLAN_MISSING, -1);
    } else if (!dated_by(version->learner_approved, record->as_of) ||
               !dated_by(version->organization_approved, record->as_of)) {
        add_blocking(evaluation, BLOCKING_PLAN_NOT_APPROVED, -1);
    }
}

static void decide_status(const struct learner_record *record, struct evaluation *evaluation)
{
    const struct program *program = record->program;
    if (evaluation->counted_halves < program->total_halves) {
        add_blocking(evaluation, BLOCKING_CREDITS_SHORT, -1);
    }
    for (size_t c = 0; c < program->category_count; c++) {
        if (evaluation->category_counted_halves[c] < program->categories[c].minimum_halves) {
            add_blocking(evaluation, BLOCKING_CATEGORY_SHORT, (int)c);
        }
    }
    bool eligible = prerequisite_held(record);
    if (!eligible) {
        add_blocking(evaluation, BLOCKING_NO_PRIOR_CERTIFICATE, -1);
    }
    if (program->plan_required) {
        decide_plan_blocking(record, evaluation);
    }
    if (program->final_report_required) {
        if (!dated_by(record->final_report_submitted, record->as_of)) {
            add_blocking(evaluation, BLOCKING_FINAL_REPORT_MISSING, -1);
        } else if (!dated_by(record->final_report_accepted, record->as_of)) {
            add_blocking(evaluation, BLOCKING_FINAL_REPORT_NOT_ACCEPTED, -1);
        }
    }
    if (!eligible) {
        evaluation->status = TRACK_INELIGIBLE;
    } else if (evaluation->blocking_count == 0) {
        evaluation->status = TRACK_COMPLETE;
    } else if (civil_date_compare(record->as_of, evaluation->deadline) >= 0) {
        evaluation->status = TRACK_EXPIRED;
        add_blocking(evaluation, BLOCKING_TRACK_EXPIRED, -1);
    } else {
        evaluation->status = TRACK_IN_PROGRESS;
    }
}

/* ---- the whole evaluation ---- */

static struct evaluation *evaluation_new(const struct learner_record *record)
{
    const struct program *program = record->program;
    struct evaluation *evaluation = calloc(1, sizeof *evaluation);
    if (evaluation == NULL) {
        return NULL;
    }
    evaluation->category_counted_halves =
        calloc(program->category_count + 1, sizeof *evaluation->category_counted_halves);
    /* Every code at most once, and one per category. */
    evaluation->blocking = calloc(program->category_count + 8, sizeof *evaluation->blocking);
    evaluation->activities = calloc(record->activity_count + 1, sizeof *evaluation->activities);
    if (evaluation->category_counted_halves == NULL || evaluation->blocking == NULL ||
        evaluation->activities == NULL) {
        evaluation_free(evaluation);
        return NULL;
    }
    evaluation->program = program;
    evaluation->as_of = record->as_of;
    evaluation->deadline = civil_date_add_years(record->track_started, program->window_years);
    evaluation->activity_count = record->activity_count;
    evaluation->required_halves = program->total_halves;
    return evaluation;
}

enum ct_status engine_evaluate(const struct learner_record *record, struct evaluation **out)
{
    *out = NULL;
    struct prepared prep;
    if (prepare(record, &prep) != CT_OK) {
        return CT_ERR_NOMEM;
    }
    struct evaluation *evaluation = evaluation_new(record);
    if (evaluation == NULL) {
        prepared_release(&prep);
        return CT_ERR_NOMEM;
    }
    struct day_totals totals = evaluate_on(&prep, record->as_of, evaluation->activities,
                                           evaluation->category_counted_halves);
    evaluation->counted_halves = totals.counted_halves;
    evaluation->pending_halves = totals.pending_halves;
    evaluation->self_directed_halves = totals.self_directed_halves;
    int64_t remaining = evaluation->required_halves - evaluation->counted_halves;
    evaluation->remaining_halves = remaining > 0 ? remaining : 0;
    decide_status(record, evaluation);
    enum ct_status status = project_next_expiry(&prep, evaluation);
    prepared_release(&prep);
    if (status != CT_OK) {
        evaluation_free(evaluation);
        return status;
    }
    *out = evaluation;
    return CT_OK;
}

void evaluation_free(struct evaluation *evaluation)
{
    if (evaluation == NULL) {
        return;
    }
    free(evaluation->category_counted_halves);
    free(evaluation->blocking);
    free(evaluation->activities);
    free(evaluation);
}

/* ---- names ---- */

const char *decision_name(enum decision decision)
{
    switch (decision) {
    case DECISION_COUNTED:
        return "counted";
    case DECISION_PARTIAL:
        return "partial";
    case DECISION_EXCLUDED:
        return "excluded";
    case DECISION_PENDING:
        return "pending";
    }
    return "unknown";
}

struct reason_text {
    const char *code;
    const char *description;
};

static const struct reason_text reason_texts[] = {
    [REASON_NONE] = {"", "Counts in full."},
    [REASON_KIND_NOT_ACCEPTED] = {"kind-not-accepted",
                                  "This program does not accept this kind of activity."},
    [REASON_FUTURE_DATED] = {"future-dated", "It is dated after the day of evaluation."},
    [REASON_REJECTED] = {"rejected", "The claim was rejected."},
    [REASON_BEFORE_TRACK] = {"before-track", "It took place before this track started."},
    [REASON_EXPIRED] = {"expired", "It is older than the program's window and has expired."},
    [REASON_BEFORE_PLAN] = {"before-plan",
                            "It took place before the development plan was first submitted."},
    [REASON_BELOW_MINIMUM] = {"below-minimum", "It is worth less than half a credit."},
    [REASON_ARCHIVED_WEBINAR_TOO_OLD] = {"archived-webinar-too-old",
                                         "The recording was viewed more than a year after it "
                                         "was made."},
    [REASON_UNPLANNED_SELF_DIRECTED] = {"unplanned-self-directed",
                                        "Self-directed learning counts only when the plan in "
                                        "force on its date lists it."},
    [REASON_NOT_VERIFIED] = {"not-verified", "It is waiting for verification."},
    [REASON_PRESENTING_TOPIC_LIMIT] = {"presenting-topic-limit",
                                       "This topic has already been presented as often as the "
                                       "program gives credit for in its window."},
    [REASON_SELF_DIRECTED_CAP] = {"self-directed-cap",
                                  "Self-directed learning has reached its credit limit."},
};

const char *reason_code(enum reason reason)
{
    if ((unsigned)reason > REASON_SELF_DIRECTED_CAP) {
        return "";
    }
    return reason_texts[reason].code;
}

const char *reason_description(enum reason reason)
{
    if ((unsigned)reason > REASON_SELF_DIRECTED_CAP) {
        return "";
    }
    return reason_texts[reason].description;
}

const char *track_status_name(enum track_status status)
{
    switch (status) {
    case TRACK_COMPLETE:
        return "complete";
    case TRACK_IN_PROGRESS:
        return "in-progress";
    case TRACK_INELIGIBLE:
        return "ineligible";
    case TRACK_EXPIRED:
        return "expired";
    }
    return "unknown";
}

static const struct reason_text blocking_texts[] = {
    [BLOCKING_CREDITS_SHORT] = {"credits-short", "More credits are needed."},
    [BLOCKING_CATEGORY_SHORT] = {"category-short",
                                 "More credits are needed in a required category."},
    [BLOCKING_NO_PRIOR_CERTIFICATE] = {"no-prior-certificate",
                                       "This track needs a certificate held before it started."},
    [BLOCKING_PLAN_MISSING] = {"plan-missing",
                               "No professional development plan has been submitted."},
    [BLOCKING_PLAN_NOT_APPROVED] = {"plan-not-approved",
                                    "The plan in force lacks the learner's or the "
                                    "organization's sign-off."},
    [BLOCKING_FINAL_REPORT_MISSING] = {"final-report-missing",
                                       "The final report has not been submitted."},
    [BLOCKING_FINAL_REPORT_NOT_ACCEPTED] = {"final-report-not-accepted",
                                            "The final report has not been accepted yet."},
    [BLOCKING_TRACK_EXPIRED] = {"track-expired", "The track's deadline has passed."},
};

const char *blocking_code_name(enum blocking_code code)
{
    if ((unsigned)code > BLOCKING_TRACK_EXPIRED) {
        return "unknown";
    }
    return blocking_texts[code].code;
}

const char *blocking_description(enum blocking_code code)
{
    if ((unsigned)code > BLOCKING_TRACK_EXPIRED) {
        return "";
    }
    return blocking_texts[code].description;
}

void blocking_item_words(const struct evaluation *evaluation, size_t index, char *out, size_t size)
{
    const struct blocking_item *item = &evaluation->blocking[index];
    char short_by[CREDIT_TEXT_SIZE];
    if (item->code == BLOCKING_CATEGORY_SHORT) {
        const struct program_category *category = &evaluation->program->categories[item->category];
        credit_format(category->minimum_halves -
                          evaluation->category_counted_halves[item->category],
                      short_by);
        snprintf(out, size, "%s more credits are needed in %s.", short_by, category->name);
    } else if (item->code == BLOCKING_CREDITS_SHORT) {
        credit_format(evaluation->remaining_halves, short_by);
        snprintf(out, size, "%s more credits are needed.", short_by);
    } else {
        snprintf(out, size, "%s", blocking_description(item->code));
    }
}
