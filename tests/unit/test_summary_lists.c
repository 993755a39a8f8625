/* The lists that read the track summaries (the review page's tracks sent for the award,
 * the JSON API's review list, a library's staff and their progress, the to-do list's
 * staff at risk and a learner's next steps) give, on the demo data, the rows, the order
 * and the status, credits, blocking and next step of a full evaluation (the compliance
 * report's): as the fill left them, after a change, and after a day passed with no daily
 * refresh (a page's stale rows are refreshed on read, those alone). */
#include "helpers.h"

#include <jansson.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action_world.h"
#include "web_world.h"

#include "core/role.h"
#include "core/todo_rule.h"
#include "demo/demo_data.h"
#include "store/store_activities.h"
#include "store/store_compliance.h"
#include "store/store_libraries.h"
#include "store/store_open.h"
#include "store/store_record.h"
#include "store/store_review.h"
#include "store/store_todo.h"
#include "web/api/api_json.h"
#include "store/store_tracks.h"
#include "store/store_track_summary.h"
#include "core/banned.h"

#define DEMO_TODAY "2026-06-15"

/* The demo data in an action_world's store (its other fields unset), so that web_call
 * runs requests on it. */
struct demo {
    struct action_world world;
};

static int demo_open(void **state)
{
    setenv("CERTTRACK_TODAY", DEMO_TODAY, 1);
    struct demo *d = calloc(1, sizeof *d);
    test_scratch_directory(d->world.directory, sizeof d->world.directory, "summary-lists");
    char path[256];
    test_database(path, sizeof path, d->world.directory, "demo");
    struct ct_err err = {0};
    test_ok(store_open(&d->world.store, path, true, test_msl_programs(), &err), &err);
    struct demo_data_summary summary;
    test_ok(demo_data_fill_whole(&d->world.store, test_day(DEMO_TODAY), 1, &summary, &err), &err);
    /* The demo sends one track for the award; a dozen more, of every status, make the
     * review list a list (sent by their learners, as store_track_act records it). */
    for (int i = 0; i < 12; i++) {
        int64_t track = 0, person = 0;
        test_ok(STORE_EXEC(&d->world.store,
                           "SELECT id FROM tracks WHERE state = 'active'"
                           " ORDER BY (id * 7919) % 1009 LIMIT 1",
                           &track, &err),
                &err);
        test_ok(STORE_EXEC(&d->world.store, "SELECT person_id FROM tracks WHERE id = ?", &person,
                           &err, DB_INT(track)),
                &err);
        test_ok(store_track_act(&d->world.store, person, track, "submit", NULL, &err), &err);
    }
    *state = d;
    return 0;
}

static int demo_close(void **state)
{
    struct demo *d = *state;
    store_close(&d->world.store);
    int result = test_remove_directory(d->world.directory);
    free(d);
    return result;
}

/* The full evaluation of track_id as of day, as a summary. */
static struct track_summary evaluated(struct store *store, int64_t track_id, int64_t person_id,
                                      struct civil_date day)
{
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    struct ct_err err = {0};
    test_ok(store_record_evaluate(store, track_id, day, &record, &evaluation, &err), &err);
    struct track_summary out;
    track_summary_from_evaluation(track_id, person_id, evaluation, &out);
    evaluation_free(evaluation);
    record_free(record);
    return out;
}

/* The blocking codes read back from shown are the engine's, in its order. */
static void assert_same_codes(struct store *store, const struct track_summary *shown)
{
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    struct ct_err err = {0};
    test_ok(store_record_evaluate(store, shown->track_id, shown->as_of, &record, &evaluation, &err),
            &err);
    enum blocking_code codes[64];
    size_t count = track_summary_blocking_codes(shown, codes, 64);
    assert_int_equal(count, evaluation->blocking_count);
    for (size_t i = 0; i < count; i++) {
        assert_int_equal(codes[i], evaluation->blocking[i].code);
    }
    evaluation_free(evaluation);
    record_free(record);
}

static void assert_same(const struct track_summary *shown, const struct track_summary *full)
{
    if (!track_summary_equal(shown, full)) {
        fail_msg("track %lld: list %s %lld/%lld \"%s\" next %d %s \"%s\" %lld, full evaluation"
                 " %s %lld/%lld \"%s\" next %d %s \"%s\" %lld",
                 (long long)full->track_id, track_status_name(shown->status),
                 (long long)shown->counted_halves, (long long)shown->required_halves,
                 shown->blocking, shown->blocked, blocking_code_name(shown->next_blocking),
                 shown->next_category, (long long)shown->remaining_halves,
                 track_status_name(full->status), (long long)full->counted_halves,
                 (long long)full->required_halves, full->blocking, full->blocked,
                 blocking_code_name(full->next_blocking), full->next_category,
                 (long long)full->remaining_halves);
    }
}

/* ---- the review page's tracks ---- */

/* The compliance report's submitted tracks, evaluated in full. */
struct report_tracks {
    struct track_summary rows[512];
    size_t count;
};

static enum ct_status keep_submitted(void *context, const struct compliance_row *row,
                                     struct ct_err *err)
{
    (void)err;
    struct report_tracks *report = context;
    if (strcmp(row->state, "submitted") == 0) {
        assert_true(report->count < sizeof report->rows / sizeof report->rows[0]);
        track_summary_from_evaluation(row->track_id, row->person_id, row->evaluation,
                                      &report->rows[report->count++]);
    }
    return CT_OK;
}

static int name_order(const char *a, const char *b)
{
    for (; *a != '\0' && tolower((unsigned char)*a) == tolower((unsigned char)*b); a++, b++) {
    }
    return tolower((unsigned char)*a) - tolower((unsigned char)*b);
}

/* Reads the whole list by learner, page_size rows a page, and compares it with the
 * report on day: the same tracks, in the order of their names, each as evaluated. */
static size_t compare_review(struct demo *d, struct civil_date day, int64_t page_size)
{
    static struct report_tracks report;
    report.count = 0;
    struct ct_err err = {0};
    struct compliance_filter filter = {.order = COMPLIANCE_BY_NAME};
    test_ok(store_compliance_each(&d->world.store, day, &filter, keep_submitted, &report, &err),
            &err);
    assert_true(report.count > 0);
    int64_t total = 0;
    test_ok(store_review_tracks_count(&d->world.store, &total, &err), &err);
    assert_int_equal(total, (int64_t)report.count);
    const char *previous = NULL;
    int64_t previous_id = 0;
    size_t seen = 0;
    for (int64_t offset = 0; offset < total; offset += page_size) {
        struct arena arena;
        arena_init(&arena);
        struct store_page page = {STORE_REVIEW_TRACK_NAME, false, page_size, offset};
        struct store_review_track *rows = NULL;
        size_t count = 0;
        test_ok(store_review_tracks_on(&d->world.store, day, &page, &arena, &rows, &count, &err),
                &err);
        for (size_t i = 0; i < count; i++, seen++) {
            const struct track_summary *full = NULL;
            for (size_t j = 0; j < report.count && full == NULL; j++) {
                full = report.rows[j].track_id == rows[i].track_id ? &report.rows[j] : NULL;
            }
            assert_non_null(full);
            assert_same(&rows[i].summary, full);
            assert_same_codes(&d->world.store, &rows[i].summary);
            if (previous != NULL) {
                int order = name_order(previous, rows[i].name);
                assert_true(order < 0 || (order == 0 && previous_id < rows[i].track_id));
            }
            previous_id = rows[i].track_id;
            previous = rows[i].name; /* compared before the arena goes */
        }
        if (count > 0) {
            static char last[256];
            snprintf(last, sizeof last, "%s", rows[count - 1].name);
            previous = last;
        }
        arena_release(&arena);
    }
    assert_int_equal(seen, report.count);
    return seen;
}

/* ---- a library's staff ---- */

/* Reads every library's staff list, page_size rows a page by name, and compares each
 * current track's summary with its full evaluation on day. How many tracks. */
static size_t compare_staff(struct demo *d, struct civil_date day, int64_t page_size)
{
    struct ct_err err = {0};
    int64_t libraries = 0;
    test_ok(STORE_EXEC(&d->world.store, "SELECT MAX(id) FROM libraries", &libraries, &err), &err);
    size_t tracks = 0;
    for (int64_t library = 1; library <= libraries; library++) {
        int64_t total = 1;
        size_t seen = 0;
        for (int64_t offset = 0; offset < total; offset += page_size) {
            struct store_page page = {STORE_STAFF_NAME, false, page_size, offset};
            struct store_rows rows = {.size = sizeof(struct staff_track_row)};
            test_ok(store_library_staff_tracks(&d->world.store, library, day, &page, &rows, &total,
                                               &err),
                    &err);
            const struct staff_track_row *staff = rows.items;
            for (size_t i = 0; i < rows.count; i++, seen++) {
                if (staff[i].track_id != 0) {
                    struct track_summary full =
                        evaluated(&d->world.store, staff[i].track_id, staff[i].person_id, day);
                    assert_same(&staff[i].summary, &full);
                    tracks++;
                }
            }
            store_rows_release(&rows);
        }
        assert_int_equal(seen, (size_t)total);
    }
    return tracks;
}

/* ---- the to-do list ---- */

/* What the to-do list showed of the engine's word. */
struct todo_seen {
    size_t tracks;     /* items compared */
    size_t blocked;    /* of them, blocked */
    size_t categories; /* of them, blocked first by a category */
};

/* The to-do list's word on track_id (shown) is the full evaluation's on day: status, the
 * next step (todo_rule_next_blocking) and its category's name, the credits still needed
 * and the deadline. */
static void assert_progress(struct demo *d, int64_t track_id, struct civil_date day,
                            const struct store_todo_progress *shown, struct todo_seen *seen)
{
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    struct ct_err err = {0};
    test_ok(store_record_evaluate(&d->world.store, track_id, day, &record, &evaluation, &err),
            &err);
    int next = todo_rule_next_blocking(evaluation);
    assert_true(shown->evaluated);
    assert_int_equal(shown->status, evaluation->status);
    assert_int_equal(shown->blocked, next >= 0);
    int category = next >= 0 ? evaluation->blocking[next].category : -1;
    if (next >= 0) {
        assert_int_equal(shown->blocking, evaluation->blocking[next].code);
    }
    if (next >= 0 && evaluation->blocking[next].code == BLOCKING_CATEGORY_SHORT && category >= 0) {
        assert_non_null(shown->category);
        assert_string_equal(shown->category, evaluation->program->categories[category].name);
        seen->categories++;
    } else {
        assert_null(shown->category);
    }
    assert_int_equal(shown->remaining_halves, evaluation->remaining_halves);
    assert_int_equal(civil_date_compare(shown->deadline, evaluation->deadline), 0);
    seen->tracks++;
    seen->blocked += next >= 0;
    evaluation_free(evaluation);
    record_free(record);
}

/* Every library's staff at risk, as its administrator's to-do list shows them (its first
 * page), and the next steps of the first learners with an open track, compared with the
 * full evaluation on day. */
static struct todo_seen compare_todo(struct demo *d, struct civil_date day, int64_t learners)
{
    struct ct_err err = {0};
    struct todo_seen seen = {0};
    int64_t libraries = 0;
    test_ok(STORE_EXEC(&d->world.store, "SELECT MAX(id) FROM libraries", &libraries, &err), &err);
    for (int64_t library = 1; library <= libraries; library++) {
        struct store_todo_person who = {0, ROLE_LIBRARY_ADMINISTRATOR, library, day};
        struct arena arena;
        arena_init(&arena);
        struct store_todo todo;
        test_ok(store_todo_read(&d->world.store, &who, &arena, &todo, &err), &err);
        const struct store_todo_list *risk = &todo.queues[STORE_WAITING_STAFF_AT_RISK];
        for (size_t i = 0; i < risk->count; i++) {
            assert_progress(d, risk->items[i].track_id, day, &risk->items[i].progress, &seen);
        }
        arena_release(&arena);
    }
    for (int64_t n = 0; n < learners; n++) {
        int64_t person = 0;
        test_ok(STORE_EXEC(&d->world.store,
                           "SELECT DISTINCT person_id FROM tracks WHERE state IN ('active',"
                           " 'submitted', 'returned') ORDER BY person_id LIMIT 1 OFFSET ?",
                           &person, &err, DB_INT(n)),
                &err);
        struct store_todo_person who = {person, ROLE_LEARNER, 0, day};
        struct arena arena;
        arena_init(&arena);
        struct store_todo todo;
        test_ok(store_todo_read(&d->world.store, &who, &arena, &todo, &err), &err);
        assert_true(todo.next_step_count > 0);
        for (size_t i = 0; i < todo.next_step_count; i++) {
            assert_progress(d, todo.next_steps[i].track_id, day, &todo.next_steps[i].progress,
                            &seen);
        }
        arena_release(&arena);
    }
    return seen;
}

/* ---- the JSON API's review list ---- */

/* GET /api/v1/review/tracks by the demo's coordinator on day, per_page items a page: the
 * same tracks in the same order as the store's list by the day sent, each with the
 * status, credits and blocking codes of its full evaluation. How many tracks. */
static size_t compare_api_review(struct demo *d, const char *day, int64_t per_page)
{
    struct ct_err err = {0};
    int64_t coordinator = 0, total = 0;
    test_ok(STORE_EXEC(&d->world.store, "SELECT id FROM people WHERE email = ?", &coordinator, &err,
                       DB_TEXT("coordinator@example.org")),
            &err);
    test_ok(store_review_tracks_count(&d->world.store, &total, &err), &err);
    size_t seen = 0;
    for (int64_t page = 1; (page - 1) * per_page < total; page++) {
        static struct web_call call;
        char path[96];
        snprintf(path, sizeof path, "/api/v1/review/tracks?per_page=%lld&page=%lld",
                 (long long)per_page, (long long)page);
        web_call_begin(&call, &d->world, "GET", path, coordinator, day);
        web_call_run(&call);
        assert_int_equal(call.response.status, 200);
        json_error_t error;
        json_t *answer = json_loads(web_call_body(&call), 0, &error);
        assert_non_null(answer);
        assert_int_equal(json_integer_value(json_object_get(answer, "total")), total);
        struct arena arena;
        arena_init(&arena);
        struct store_page oldest = {STORE_REVIEW_TRACK_SENT, false, per_page,
                                    (page - 1) * per_page};
        struct store_review_track *rows = NULL;
        size_t count = 0;
        test_ok(store_review_tracks(&d->world.store, &oldest, &arena, &rows, &count, &err), &err);
        json_t *items = json_object_get(answer, "items");
        assert_int_equal(json_array_size(items), count);
        for (size_t i = 0; i < count; i++, seen++) {
            json_t *item = json_array_get(items, i);
            assert_int_equal(json_integer_value(json_object_get(item, "id")), rows[i].track_id);
            struct learner_record *record = NULL;
            struct evaluation *evaluation = NULL;
            test_ok(store_record_evaluate(&d->world.store, rows[i].track_id, test_day(day), &record,
                                          &evaluation, &err),
                    &err);
            assert_string_equal(json_string_value(json_object_get(item, "status")),
                                track_status_name(evaluation->status));
            json_t *counted = api_json_credits(evaluation->counted_halves);
            json_t *required = api_json_credits(evaluation->required_halves);
            json_t *blocking = api_json_blocking(evaluation);
            assert_true(json_equal(json_object_get(item, "counted"), counted));
            assert_true(json_equal(json_object_get(item, "required"), required));
            assert_true(json_equal(json_object_get(item, "blocking"), blocking));
            json_decref(counted);
            json_decref(required);
            json_decref(blocking);
            evaluation_free(evaluation);
            record_free(record);
        }
        arena_release(&arena);
        json_decref(answer);
        web_call_end(&call);
    }
    assert_int_equal(seen, (size_t)total);
    return seen;
}

static void test_the_lists_agree_with_the_full_evaluation_on_the_demo_data(void **state)
{
    struct demo *d = *state;
    assert_true(compare_review(d, test_day(DEMO_TODAY), 7) > 1);
    assert_true(compare_staff(d, test_day(DEMO_TODAY), 10) > 100);
    assert_true(compare_api_review(d, DEMO_TODAY, 4) > 1);
    struct todo_seen seen = compare_todo(d, test_day(DEMO_TODAY), 40);
    assert_true(seen.tracks > 40);
    assert_true(seen.blocked > 0);
    assert_true(seen.categories > 0);
}

/* A verified activity of a learner whose track waits for the award: the change's own
 * transaction moved the summary, and both lists show the new credits. */
static void test_the_lists_follow_a_change(void **state)
{
    struct demo *d = *state;
    struct ct_err err = {0};
    int64_t track = 0, person = 0;
    test_ok(STORE_EXEC(&d->world.store,
                       "SELECT id FROM tracks WHERE state = 'submitted' ORDER BY id LIMIT 1",
                       &track, &err),
            &err);
    test_ok(STORE_EXEC(&d->world.store, "SELECT person_id FROM tracks WHERE id = ?", &person, &err,
                       DB_INT(track)),
            &err);
    struct track_summary before;
    bool found = false;
    test_ok(store_track_summary_get(&d->world.store, track, &before, &found, &err), &err);
    assert_true(found);
    struct activity_new activity = {.person_id = person,
                                    .kind = ACTIVITY_KIND_WORKSHOP,
                                    .title = "Reference interview",
                                    .date = test_day("2026-06-01"),
                                    .credit_halves = 4,
                                    .category = "public-services",
                                    .recorded = civil_date_unset(),
                                    .status = "verified",
                                    .provenance = PROVENANCE_CLAIM};
    int64_t id = 0;
    test_ok(store_activity_add(&d->world.store, 0, &activity, &id, &err), &err);
    struct track_summary after;
    test_ok(store_track_summary_get(&d->world.store, track, &after, &found, &err), &err);
    assert_int_not_equal(after.counted_halves, before.counted_halves);
    compare_review(d, test_day(DEMO_TODAY), 25);
    compare_staff(d, test_day(DEMO_TODAY), 25);
    /* Nothing was stale, so reading refreshed nothing: every summary is still today's. */
    int64_t other = 0;
    test_ok(STORE_EXEC(&d->world.store, "SELECT COUNT(*) FROM track_summaries WHERE as_of <> ?",
                       &other, &err, DB_TEXT(DEMO_TODAY)),
            &err);
    assert_int_equal(other, 0);
    /* A summary gone missing is written again by the first list that shows its track. */
    test_ok(STORE_EXEC(&d->world.store, "DELETE FROM track_summaries WHERE track_id = ?", NULL,
                       &err, DB_INT(track)),
            &err);
    compare_review(d, test_day(DEMO_TODAY), 25);
    test_ok(store_track_summary_get(&d->world.store, track, &after, &found, &err), &err);
    assert_true(found);
}

/* Adds a verified workshop of person_id worth halves in category, dated 2026-06-01, in
 * its own transaction (store_activity_add). */
static void add_workshop(struct demo *d, int64_t person_id, const char *category, int64_t halves)
{
    struct ct_err err = {0};
    struct activity_new activity = {.person_id = person_id,
                                    .kind = ACTIVITY_KIND_WORKSHOP,
                                    .title = "Collection development",
                                    .date = test_day("2026-06-01"),
                                    .credit_halves = halves,
                                    .category = category,
                                    .recorded = civil_date_unset(),
                                    .status = "verified",
                                    .provenance = PROVENANCE_CLAIM};
    int64_t id = 0;
    test_ok(store_activity_add(&d->world.store, 0, &activity, &id, &err), &err);
}

/* The next step's columns follow a change in its own transaction: a track first blocked
 * by a category gets the credits that category lacks, and a track short of credits gets
 * some; each summary is the full evaluation's again, and the to-do list shows it. */
static void test_a_change_moves_the_next_step(void **state)
{
    struct demo *d = *state;
    struct ct_err err = {0};
    int64_t track = 0, person = 0;
    test_ok(STORE_EXEC(&d->world.store,
                       "SELECT s.track_id FROM track_summaries s JOIN tracks t ON t.id = s.track_id"
                       " WHERE t.state = 'active' AND s.next_blocking = 'category-short'"
                       " ORDER BY s.track_id LIMIT 1",
                       &track, &err),
            &err);
    assert_true(track > 0);
    test_ok(STORE_EXEC(&d->world.store, "SELECT person_id FROM tracks WHERE id = ?", &person, &err,
                       DB_INT(track)),
            &err);
    struct track_summary before, after;
    bool found = false;
    test_ok(store_track_summary_get(&d->world.store, track, &before, &found, &err), &err);
    assert_true(found && before.blocked && before.next_category[0] != '\0');
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    test_ok(store_record_evaluate(&d->world.store, track, test_day(DEMO_TODAY), &record,
                                  &evaluation, &err),
            &err);
    int category = evaluation->blocking[todo_rule_next_blocking(evaluation)].category;
    const struct program_category *short_one = &evaluation->program->categories[category];
    static char category_id[128];
    snprintf(category_id, sizeof category_id, "%s", short_one->id);
    int64_t lacking = short_one->minimum_halves - evaluation->category_counted_halves[category];
    evaluation_free(evaluation);
    record_free(record);
    assert_true(lacking > 0);
    add_workshop(d, person, category_id, lacking);
    test_ok(store_track_summary_get(&d->world.store, track, &after, &found, &err), &err);
    assert_string_not_equal(after.next_category, before.next_category);
    struct track_summary full = evaluated(&d->world.store, track, person, test_day(DEMO_TODAY));
    assert_same(&after, &full);

    test_ok(STORE_EXEC(&d->world.store,
                       "SELECT s.track_id FROM track_summaries s JOIN tracks t ON t.id = s.track_id"
                       " WHERE t.state = 'active' AND s.remaining_halves > 4"
                       " ORDER BY s.track_id LIMIT 1",
                       &track, &err),
            &err);
    test_ok(STORE_EXEC(&d->world.store, "SELECT person_id FROM tracks WHERE id = ?", &person, &err,
                       DB_INT(track)),
            &err);
    test_ok(store_track_summary_get(&d->world.store, track, &before, &found, &err), &err);
    add_workshop(d, person, "public-services", 2);
    test_ok(store_track_summary_get(&d->world.store, track, &after, &found, &err), &err);
    assert_int_equal(after.remaining_halves, before.remaining_halves - 2);
    full = evaluated(&d->world.store, track, person, test_day(DEMO_TODAY));
    assert_same(&after, &full);
    struct todo_seen seen = compare_todo(d, test_day(DEMO_TODAY), 40);
    assert_true(seen.tracks > 40);
}

/* A day later with no daily refresh: every summary is stale, and the lists still show
 * what the engine says that day, refreshing their page's rows and no others. */
static void test_the_lists_refresh_their_stale_rows_when_a_day_passed(void **state)
{
    struct demo *d = *state;
    const char *later = "2027-06-30";
    setenv("CERTTRACK_TODAY", later, 1);
    struct ct_err err = {0};
    struct arena arena;
    arena_init(&arena);
    struct store_page page = {STORE_REVIEW_TRACK_SENT, true, 2, 0};
    struct store_review_track *rows = NULL;
    size_t count = 0;
    test_ok(store_review_tracks_on(&d->world.store, test_day(later), &page, &arena, &rows, &count,
                                   &err),
            &err);
    assert_int_equal(count, 2);
    arena_release(&arena);
    int64_t moved = 0;
    test_ok(STORE_EXEC(&d->world.store, "SELECT COUNT(*) FROM track_summaries WHERE as_of = ?",
                       &moved, &err, DB_TEXT(later)),
            &err);
    assert_int_equal(moved, 2);

    /* The API's list first: its pages' rows are stale but for those two. */
    assert_true(compare_api_review(d, later, 6) > 1);

    assert_true(compare_review(d, test_day(later), 5) > 1);
    assert_true(compare_staff(d, test_day(later), 10) > 100);
    assert_true(compare_todo(d, test_day(later), 20).tracks > 20);
    /* Some row did change with the day, so the lists were not merely reread. */
    int64_t expired = 0;
    test_ok(
        STORE_EXEC(&d->world.store,
                   "SELECT COUNT(*) FROM track_summaries WHERE as_of = ? AND status = 'expired'",
                   &expired, &err, DB_TEXT(later)),
        &err);
    assert_true(expired > 0);
    setenv("CERTTRACK_TODAY", DEMO_TODAY, 1);
}

static void test_a_page_of_too_many_rows_is_refused(void **state)
{
    struct demo *d = *state;
    struct ct_err err = {0};
    static struct track_summary rows[TRACK_SUMMARY_FRESHEN_MAX + 1];
    assert_int_equal(store_track_summary_freshen(&d->world.store, test_day(DEMO_TODAY), rows,
                                                 TRACK_SUMMARY_FRESHEN_MAX + 1, sizeof rows[0], 0,
                                                 NULL, &err),
                     CT_ERR_INPUT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_lists_agree_with_the_full_evaluation_on_the_demo_data),
        cmocka_unit_test(test_the_lists_follow_a_change),
        cmocka_unit_test(test_a_change_moves_the_next_step),
        cmocka_unit_test(test_the_lists_refresh_their_stale_rows_when_a_day_passed),
        cmocka_unit_test(test_a_page_of_too_many_rows_is_refused),
    };
    int failures = cmocka_run_group_tests(tests, demo_open, demo_close);
    test_programs_release();
    return failures;
}
