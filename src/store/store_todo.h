/*
 * store_todo: what waits for a person, queue by queue, for every role they hold: the
 * home page's "What waits for you", the counts beside the navigation's links, and
 * GET /api/v1/me/todo.
 *
 * The queues, and who holds them:
 *   supervisor (the verifier the verifier rule names, people.verifier_id):
 *     PLANS_TO_SIGN      plan versions of the people they verify, submitted and not yet
 *                        signed for the library (what /plans lists);
 *     CLAIMS_TO_VERIFY   those people's pending claims (what /verify lists), with how long
 *                        each has waited since it was made;
 *   library administrator (of their library):
 *     STAFF_AT_RISK      the open tracks of the library's other active people that are
 *                        blocked (the track, its latest plan version or its final report
 *                        returned; a plan version waiting for the library's signature) or,
 *                        active, whose deadline is near or past (todo_rule.h), each with the
 *                        engine's word today (status and what blocks it first) read from
 *                        the track's summary (store_track_summary.h; a stale one is
 *                        evaluated again), never evaluated per view;
 *   CE coordinator:
 *     TRACKS_TO_REVIEW   tracks submitted for the award;
 *     REPORTS_TO_READ    final reports submitted for review;
 *     HARVEST_INBOX      what the harvest inbox's statements wait for: each account linked
 *                        to no one and each address mapped to no event is one item
 *                        (store_harvest_views.h), with how many statements wait for it;
 *     REFUSED_IMPORTS    record imports of the last 30 days that refused rows and were not
 *                        imported again since under the same file name;
 *   consultant:
 *     LIBRARIES_AT_RISK  the open libraries they serve whose director holds no valid
 *                        certificate (not revoked, valid after today) and either has no
 *                        open track, or has one whose deadline is near or past (the
 *                        earliest such deadline);
 *   learner (their own open tracks):
 *     PLAN_RETURNED      the latest plan version of a track, returned with a comment;
 *     REPORT_RETURNED    a final report returned with a comment;
 *     TRACK_RETURNED     a track the State Library returned, with its comment;
 *     REJECTED_CLAIMS    claims rejected in the last 30 days (not duplicates the store set
 *                        aside), with the verifier's reason;
 *   and, not a queue and not counted, each open track's next step (the engine's first
 *   blocking item today, from the track's summary as well).
 *
 * Oldest first in every queue but the rejections (newest first). Text lives in the
 * caller's arena (borrowed; as long as it lives).
 */
#ifndef CERTTRACK_STORE_WAITING_H
#define CERTTRACK_STORE_WAITING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "../core/civil_date.h"
#include "../core/engine.h"
#include "store.h"

enum store_todo_queue {
    STORE_WAITING_PLANS_TO_SIGN,
    STORE_WAITING_CLAIMS_TO_VERIFY,
    STORE_WAITING_STAFF_AT_RISK,
    STORE_WAITING_TRACKS_TO_REVIEW,
    STORE_WAITING_REPORTS_TO_READ,
    STORE_WAITING_HARVEST_INBOX,
    STORE_WAITING_REFUSED_IMPORTS,
    STORE_WAITING_LIBRARIES_AT_RISK,
    STORE_WAITING_PLAN_RETURNED,
    STORE_WAITING_REPORT_RETURNED,
    STORE_WAITING_TRACK_RETURNED,
    STORE_WAITING_REJECTED_CLAIMS,
    STORE_WAITING_QUEUES
};

/* The most items a queue's read holds (its total counts them all). */
#define STORE_WAITING_PAGE 10

/* Why an item waits (a STAFF_AT_RISK, LIBRARIES_AT_RISK or HARVEST_INBOX item, or a next
 * step), as bits of store_todo_item.reasons. */
enum store_todo_reason {
    STORE_WAITING_TRACK_WAS_RETURNED = 1u << 0,
    STORE_WAITING_PLAN_WAS_RETURNED = 1u << 1,
    STORE_WAITING_PLAN_UNSIGNED = 1u << 2, /* waits for the library's signature */
    STORE_WAITING_REPORT_WAS_RETURNED = 1u << 3,
    STORE_WAITING_DEADLINE_NEAR = 1u << 4,
    STORE_WAITING_DEADLINE_PASSED = 1u << 5,
    STORE_WAITING_NOT_ENROLLED = 1u << 6,     /* a director without an open track */
    STORE_WAITING_ACCOUNT_UNLINKED = 1u << 7, /* harvest: an LMS account linked to no one */
    STORE_WAITING_ADDRESS_UNMAPPED = 1u << 8, /* harvest: a course or activity address */
};

/* The engine's word on a track today. */
struct store_todo_progress {
    bool evaluated; /* false: the rest is unset */
    enum track_status status;
    bool blocked;                /* something still blocks the certificate */
    enum blocking_code blocking; /* when blocked: the first thing that does */
    const char *category;        /* for BLOCKING_CATEGORY_SHORT: the category's name */
    int64_t remaining_halves;    /* credits still needed */
    struct civil_date deadline;  /* the engine's deadline */
};

/* One thing that waits. Which fields a queue fills (the others are 0, NULL or unset):
 *   PLANS_TO_SIGN      id = plan version, person = learner, track, program, amount =
 *                      version number, day = since = submitted;
 *   CLAIMS_TO_VERIFY   id = activity, person = learner, title, day = the activity's date,
 *                      since = the day it was claimed;
 *   STAFF_AT_RISK      id = track = the track, person, program, deadline, reasons, note =
 *                      the track's return comment, progress;
 *   TRACKS_TO_REVIEW   id = track = the track, person, program, deadline, since = sent;
 *   REPORTS_TO_READ    id = track = the track, person, program, deadline, day = since =
 *                      submitted;
 *   HARVEST_INBOX      title = the account name or the address, note = the site's address
 *                      (an account) or the object's name (an address, may be NULL), amount =
 *                      statements waiting, since = the first one's arrival, id = the site
 *                      (an account), reasons = ACCOUNT_UNLINKED or ADDRESS_UNMAPPED;
 *   REFUSED_IMPORTS    id = the import, title = its file's name, note = "people" or
 *                      "history", amount = rows refused, day = since = the import's day;
 *   LIBRARIES_AT_RISK  id = the library, title = its name, person = its director, track,
 *                      program and deadline = the director's earliest open track (when
 *                      any), reasons (NOT_ENROLLED, DEADLINE_NEAR or DEADLINE_PASSED);
 *   PLAN_RETURNED      id = the plan version, track, program, amount = version number,
 *                      note = the comment, deadline;
 *   REPORT_RETURNED    id = track = the track, program, note = the comment, deadline;
 *   TRACK_RETURNED     id = track = the track, program, note = the comment, since = the
 *                      day returned, deadline;
 *   REJECTED_CLAIMS    id = the activity, title, day = its date, note = the reason,
 *                      person = the verifier who rejected it, since = the day rejected;
 *   a next step        id = track = the track, program, deadline, reasons
 *                      (DEADLINE_NEAR or DEADLINE_PASSED), progress, note = the track's
 *                      state ("active", "submitted", "returned").
 * waited_days is always the days from since to today (0 when since is unset). */
struct store_todo_item {
    int64_t id;
    int64_t person_id;
    const char *person_name;
    int64_t track_id;
    const char *program; /* the program's id */
    const char *title;
    const char *note;
    struct civil_date day;
    struct civil_date since;
    struct civil_date deadline;
    int64_t amount;
    int64_t waited_days;
    unsigned reasons; /* enum store_todo_reason bits */
    struct store_todo_progress progress;
};

/* Who asks: the signed-in person, the roles they hold and their library. */
struct store_todo_person {
    int64_t person_id;
    unsigned roles;     /* role bits (role.h) */
    int64_t library_id; /* 0: none */
    struct civil_date today;
};

/* How many wait in each queue the person holds. */
struct store_todo_counts {
    bool held[STORE_WAITING_QUEUES]; /* the person's roles give them the queue */
    int64_t total[STORE_WAITING_QUEUES];
};

struct store_todo_list {
    int64_t total;                 /* how many wait in all */
    struct store_todo_item *items; /* the first min(total, STORE_WAITING_PAGE), in the arena */
    size_t count;
};

struct store_todo {
    bool held[STORE_WAITING_QUEUES];
    struct store_todo_list queues[STORE_WAITING_QUEUES]; /* empty where not held */
    struct store_todo_item *next_steps; /* a learner's open tracks, newest first (arena) */
    size_t next_step_count;
};

/* Whether a person with roles (and library_id, 0 for none) holds queue. */
bool store_todo_holds(enum store_todo_queue queue, unsigned roles, int64_t library_id);

/* The counts of every queue who holds, for the navigation: one query (and, for a CE
 * coordinator, the harvest inbox's two). The queues who does not hold count 0. */
enum ct_status store_todo_count(struct store *store, const struct store_todo_person *who,
                                struct store_todo_counts *counts, struct ct_err *err) CT_MUST_CHECK;

/* Everything that waits for who: each held queue's total (store_todo_count's) and its
 * first STORE_WAITING_PAGE items, and, for a learner, each open track's next step. Items
 * and their text are allocated in arena (borrowed by *todo). */
enum ct_status store_todo_read(struct store *store, const struct store_todo_person *who,
                               struct arena *arena, struct store_todo *todo,
                               struct ct_err *err) CT_MUST_CHECK;

#endif
