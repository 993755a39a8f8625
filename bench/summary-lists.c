/*
 * bench-summary-lists: what one view of a list that shows each row's status, counted
 * credits and blocking costs, read from the track summaries (store_track_summary.h)
 * against evaluating the page's rows, on a generated state (bench/summary-lists.sh).
 *
 * For four lists, the review page's tracks sent for the award (25 a page), a library's
 * staff with their current track (25 a page), a library administrator's to-do list (its
 * staff at risk, a page of 10) and the JSON API's review list (GET /api/v1/review/tracks,
 * its handler, 25 a page), it times, in the same run on the same warm database, VIEWS
 * page views cycling through the list's pages (or libraries):
 *   floor:  the page's rows read with SQL alone (the summaries joined, nothing evaluated;
 *           for the to-do list its count, the one query over the same FROM and WHERE as
 *           its items);
 *   before: the same rows, then every row's track evaluated in full (what the pages did;
 *           for the to-do list, its read as now, then each item's track evaluated);
 *   after:  the rows with their summaries as of the day (store_review_tracks_on,
 *           store_library_staff_tracks, store_todo_read, the API's handler with its JSON),
 *           every summary fresh;
 *   stale:  the same after a day passed with no daily refresh (every summary a day
 *           behind): each page's first view refreshes its rows, later views read them.
 * It prints each one's milliseconds per view and its ratio to the floor, and a checksum
 * of the counted credits shown, so that the work cannot be optimised away.
 *
 *   bench-summary-lists DB AS_OF [VIEWS]   (VIEWS: 400)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/role.h"
#include "io/program_dir.h"
#include "store/store_libraries.h"
#include "store/store_open.h"
#include "store/store_record.h"
#include "store/store_review.h"
#include "store/store_todo.h"
#include "store/store_track_summary.h"
#include "web/api/api_coordinator.h"
#include "web/http/request.h"
#include "core/banned.h"

#ifndef CERTTRACK_SOURCE_ROOT
#error "CERTTRACK_SOURCE_ROOT must name the source tree (see bench/meson.build)"
#endif

enum { PAGE_ROWS = 25 };

enum way { FLOOR, BEFORE, AFTER, WAYS };

struct bench {
    struct store store;
    const struct program_set *programs;
    struct civil_date day;
    int64_t checksum;
};

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void check(enum ct_status status, const struct ct_err *err)
{
    if (status != CT_OK) {
        fprintf(stderr, "bench-summary-lists: %s\n", err->message);
        exit(1);
    }
}

/* Evaluates a track in full, as the pages did per row. */
static void evaluate(struct bench *b, int64_t track_id)
{
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    struct ct_err err = {0};
    check(store_record_evaluate(&b->store, track_id, b->day, &record, &evaluation, &err), &err);
    b->checksum += evaluation->counted_halves;
    evaluation_free(evaluation);
    record_free(record);
}

/* One view of the review list's page-th page, the way way. */
static void review_view(struct bench *b, enum way way, int64_t page_number)
{
    struct arena arena;
    arena_init(&arena);
    struct store_page page = {STORE_REVIEW_TRACK_SENT, false, PAGE_ROWS, page_number * PAGE_ROWS};
    struct store_review_track *rows = NULL;
    size_t count = 0;
    struct ct_err err = {0};
    int64_t total = 0;
    check(store_review_tracks_count(&b->store, &total, &err), &err);
    if (way == AFTER) {
        check(store_review_tracks_on(&b->store, b->day, &page, &arena, &rows, &count, &err), &err);
    } else {
        check(store_review_tracks(&b->store, &page, &arena, &rows, &count, &err), &err);
    }
    for (size_t i = 0; i < count; i++) {
        if (way == BEFORE) {
            evaluate(b, rows[i].track_id);
        } else {
            b->checksum += rows[i].summary.counted_halves;
        }
    }
    arena_release(&arena);
}

/* One view of a library's staff list (its first page), the way way. The floor reads the
 * rows as the list does, less refreshing the summaries: they are fresh then. */
static void staff_view(struct bench *b, enum way way, int64_t library)
{
    struct store_page page = {STORE_STAFF_NAME, false, PAGE_ROWS, 0};
    struct store_rows rows = {.size = sizeof(struct staff_track_row)};
    int64_t total = 0;
    struct ct_err err = {0};
    check(store_library_staff_tracks(&b->store, library, b->day, &page, &rows, &total, &err), &err);
    const struct staff_track_row *staff = rows.items;
    for (size_t i = 0; i < rows.count; i++) {
        if (way == BEFORE && staff[i].track_id != 0) {
            evaluate(b, staff[i].track_id);
        } else {
            b->checksum += staff[i].summary.counted_halves;
        }
    }
    store_rows_release(&rows);
}

/* One view of a library administrator's to-do list (library's staff at risk), the way
 * way. */
static void todo_view(struct bench *b, enum way way, int64_t library)
{
    struct store_todo_person who = {0, ROLE_LIBRARY_ADMINISTRATOR, library, b->day};
    struct ct_err err = {0};
    if (way == FLOOR) {
        struct store_todo_counts counts;
        check(store_todo_count(&b->store, &who, &counts, &err), &err);
        b->checksum += counts.total[STORE_WAITING_STAFF_AT_RISK];
        return;
    }
    struct arena arena;
    arena_init(&arena);
    struct store_todo todo;
    check(store_todo_read(&b->store, &who, &arena, &todo, &err), &err);
    const struct store_todo_list *risk = &todo.queues[STORE_WAITING_STAFF_AT_RISK];
    for (size_t i = 0; i < risk->count; i++) {
        if (way == BEFORE) {
            evaluate(b, risk->items[i].track_id);
        } else {
            b->checksum += risk->items[i].progress.remaining_halves;
        }
    }
    arena_release(&arena);
}

/* GET /api/v1/review/tracks?per_page=25&page=N as the coordinator's client asks it, run
 * through its handler (the route's access checks left out). */
static void api_call(struct bench *b, int64_t page_number)
{
    struct web_config config = {.programs = b->programs, .threads = 1};
    static struct web_request request;
    static struct web_response response;
    memset(&request, 0, sizeof request);
    memset(&response, 0, sizeof response);
    char page[32];
    snprintf(page, sizeof page, "%lld", (long long)(page_number + 1));
    request.config = &config;
    request.method = "GET";
    request.path = "/api/v1/review/tracks";
    request.store = &b->store;
    request.today = b->day;
    request.signed_in = true;
    request.roles = ROLE_CE_COORDINATOR;
    web_pairs_add(&request.query, "per_page", "25");
    web_pairs_add(&request.query, "page", page);
    response.status = 200;
    buf_init(&response.body, (size_t)64 << 20);
    struct ct_err err = {0};
    enum ct_status status = api_review_tracks(&request, &response, 0);
    check(status == CT_OK && response.status == 200
              ? CT_OK
              : ct_err_set(&err, CT_ERR_INPUT, "api", "the API's review list failed"),
          &err);
    b->checksum += (int64_t)response.body.length;
    buf_release(&response.body);
    arena_release(&request.arena);
}

/* One view of the JSON API's review list, the way way: the floor and before read the
 * rows as the review list does (before evaluating each, as the handler did, less its
 * JSON); after is the handler itself. */
static void api_view(struct bench *b, enum way way, int64_t page_number)
{
    if (way == AFTER) {
        api_call(b, page_number);
        return;
    }
    review_view(b, way, page_number);
}

typedef void (*view_fn)(struct bench *b, enum way way, int64_t which);

/* Milliseconds per view of views views, cycling which through 0 .. cycle - 1 (plus
 * offset). */
static double time_views(struct bench *b, view_fn view, enum way way, int64_t views, int64_t cycle,
                         int64_t offset)
{
    double start = now_ms();
    for (int64_t i = 0; i < views; i++) {
        view(b, way, offset + i % cycle);
    }
    return (now_ms() - start) / (double)views;
}

/* Moves every summary a day back, as if the daily refresh had not run today. */
static void age_summaries(struct bench *b)
{
    char yesterday[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(civil_date_add_days(b->day, -1), yesterday);
    struct ct_err err = {0};
    check(STORE_EXEC(&b->store, "UPDATE track_summaries SET as_of = ?", NULL, &err,
                     DB_TEXT(yesterday)),
          &err);
}

static void report(const char *list, const char *way, double ms, double floor)
{
    printf("%-7s %-7s %9.3f ms/view  %7.1f x floor\n", list, way, ms, ms / floor);
}

static void bench_list(struct bench *b, const char *name, view_fn view, int64_t views,
                       int64_t cycle, int64_t offset)
{
    /* Warm up once, then the floor, before and after interleaved twice; best of two. */
    (void)time_views(b, view, FLOOR, cycle, cycle, offset);
    double best[WAYS] = {0};
    for (int round = 0; round < 2; round++) {
        for (int way = FLOOR; way < WAYS; way++) {
            double ms = time_views(b, view, (enum way)way, views, cycle, offset);
            best[way] = round == 0 || ms < best[way] ? ms : best[way];
        }
    }
    report(name, "floor", best[FLOOR], best[FLOOR]);
    report(name, "before", best[BEFORE], best[FLOOR]);
    report(name, "after", best[AFTER], best[FLOOR]);
    age_summaries(b);
    double stale = time_views(b, view, AFTER, views, cycle, offset);
    report(name, "stale", stale, best[FLOOR]);
    double fresh = time_views(b, view, AFTER, views, cycle, offset);
    report(name, "again", fresh, best[FLOOR]);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench-summary-lists DB AS_OF [VIEWS]\n");
        return 2;
    }
    int64_t views = argc > 3 ? strtoll(argv[3], NULL, 10) : 400;
    struct bench b = {0};
    struct ct_err err = {0};
    check(civil_date_parse(argv[2], &b.day) ? CT_OK
                                            : ct_err_set(&err, CT_ERR_INPUT, "as-of", "a date"),
          &err);
    setenv("CERTTRACK_TODAY", argv[2], 1);
    struct program_set programs;
    program_set_init(&programs);
    check(program_dir_load(CERTTRACK_SOURCE_ROOT "/programs", &programs, &err), &err);
    check(store_open(&b.store, argv[1], false, &programs, &err), &err);
    b.programs = &programs;
    int64_t submitted = 0, libraries = 0, first_library = 0;
    check(STORE_EXEC(&b.store, "SELECT COUNT(*) FROM tracks WHERE state = 'submitted'", &submitted,
                     &err),
          &err);
    check(STORE_EXEC(&b.store, "SELECT COUNT(*) FROM libraries", &libraries, &err), &err);
    check(STORE_EXEC(&b.store, "SELECT MIN(id) FROM libraries", &first_library, &err), &err);
    printf("%lld tracks sent for the award, %lld libraries, %lld views each\n",
           (long long)submitted, (long long)libraries, (long long)views);
    int64_t pages = (submitted + PAGE_ROWS - 1) / PAGE_ROWS;
    bench_list(&b, "review", review_view, views, pages > 0 ? pages : 1, 0);
    /* The summaries are a day behind now: the daily refresh, as the scheduler runs it. */
    size_t refreshed = 0;
    double start = now_ms();
    check(store_track_summary_refresh_before(&b.store, b.day, false, &refreshed, &err), &err);
    printf("daily refresh: %zu tracks in %.0f ms\n", refreshed, now_ms() - start);
    int64_t cycle = libraries < views ? libraries : views;
    bench_list(&b, "staff", staff_view, views, cycle > 0 ? cycle : 1, first_library);
    check(store_track_summary_refresh_before(&b.store, b.day, false, &refreshed, &err), &err);
    bench_list(&b, "todo", todo_view, views, cycle > 0 ? cycle : 1, first_library);
    check(store_track_summary_refresh_before(&b.store, b.day, false, &refreshed, &err), &err);
    bench_list(&b, "api", api_view, views, pages > 0 ? pages : 1, 0);
    check(store_track_summary_refresh_before(&b.store, b.day, false, &refreshed, &err), &err);
    printf("checksum %lld\n", (long long)b.checksum);
    store_close(&b.store);
    program_set_release(&programs);
    return 0;
}
