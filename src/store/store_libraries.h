/*
 * store_libraries: what the library pages read: a library with its kind, external id,
 * closing day and consultants (library_consultants: the old libraries.consultant_id is
 * no longer read), its strategic plan and goals, its staff, how staff plans serve its
 * goals, and the list of libraries a coordinator or a consultant sees.
 */
#ifndef CERTTRACK_STORE_LIBRARIES_H
#define CERTTRACK_STORE_LIBRARIES_H

#include "store.h"
#include "store_track_summary.h"
#include "store_page.h"

struct library_view {
    int64_t id;
    char name[256];
    char city[256];
    char kind[24];         /* "public", "tribal-college", "academic", "school", "special" */
    char external_id[64];  /* the state directory's id, "" when none */
    char closed_on[16];    /* "YYYY-MM-DD", "" while open */
    char consultants[512]; /* the consultants' names, ", " between them, "" when none */
};

/* The library with id into *library; *found is false when there is none. */
enum ct_status store_library_get(struct store *store, int64_t id, struct library_view *library,
                                 bool *found, struct ct_err *err) CT_MUST_CHECK;

/* The columns of the library list, in the order the page shows them. */
enum store_library_column {
    STORE_LIBRARY_NAME,
    STORE_LIBRARY_CITY,
    STORE_LIBRARY_CONSULTANT,
    STORE_LIBRARY_STAFF,
    STORE_LIBRARY_OPEN_TRACKS,
    STORE_LIBRARY_COLUMNS,
};

struct library_row {
    struct library_view library;
    int64_t staff;       /* people of the library */
    int64_t open_tracks; /* their active, submitted or returned tracks */
};

/* One page of the libraries consultant_id serves (library_consultants) (0: every library)
 * that search (borrowed; NULL or "": every one) finds in their name, city or directory id,
 * without regard to case, into rows (of struct library_row), and how many there are in
 * all into *total; a page past the last is the last (store_page_clamp). A search longer
 * than STORE_SEARCH_MAX is CT_ERR_INPUT at "q". */
enum ct_status store_libraries_list(struct store *store, int64_t consultant_id, const char *search,
                                    const struct store_page *page, struct store_rows *rows,
                                    int64_t *total, struct ct_err *err) CT_MUST_CHECK;

struct library_goal_row {
    char code[32];
    char title[256];
    char description[1024];
    int64_t id;
    int64_t strategic_plan_id;
    char retired_on[16]; /* "YYYY-MM-DD", "" while in use */
    int64_t served_by;   /* plan goals (of any staff plan version) that serve it */
};

/* The goals of the library's strategic plans, retired ones too, the newest plan's
 * first, into rows (of struct library_goal_row). */
enum ct_status store_library_goals(struct store *store, int64_t library_id, struct store_rows *rows,
                                   struct ct_err *err) CT_MUST_CHECK;

struct staff_member_row {
    char name[256];
    char email[256];
    char roles[128]; /* the role names, ", " between them */
    char track[128]; /* "program (state)" of the latest track, "" when none */
};

/* The people of the library by name into rows (of struct staff_member_row). */
enum ct_status store_library_people(struct store *store, int64_t library_id,
                                    struct store_rows *rows, struct ct_err *err) CT_MUST_CHECK;

struct goal_alignment_row {
    char goal[300];          /* "G1 Literacy" */
    int64_t staff_goals;     /* goals of approved staff plans that serve it */
    char whose[1024];        /* "Name: goal; ..." */
    int64_t verified_halves; /* verified self-directed credit planned under those goals */
};

/* For each of the library's goals (a retired one's name saying so), how approved staff plans serve
 * it, into rows (of struct goal_alignment_row). */
enum ct_status store_library_alignment(struct store *store, int64_t library_id,
                                       struct store_rows *rows, struct ct_err *err) CT_MUST_CHECK;

/* The columns of the staff progress list. */
enum store_staff_column {
    STORE_STAFF_NAME,
    STORE_STAFF_TRACK,
    STORE_STAFF_STATUS,
    STORE_STAFF_CREDITS,
    STORE_STAFF_DEADLINE,
    STORE_STAFF_COLUMNS,
};

struct staff_track_row {
    int64_t person_id;
    char name[256];
    int64_t track_id; /* 0: not enrolled */
    char program[65];
    char deadline[16];
    char state[16];
    struct track_summary summary; /* the track's, as of the day asked for; zero: none */
};

/* One page of the library's people with their current track (as
 * store_track_find_current chooses it) and its summary as of day into rows (of struct
 * staff_track_row), and how many people in all into *total; a page past the last is the
 * last. A summary of another day (or none) is evaluated in full, written and read again
 * (store_track_summary_freshen): at most the page's tracks; the list never sorts by it. */
enum ct_status store_library_staff_tracks(struct store *store, int64_t library_id,
                                          struct civil_date day, const struct store_page *page,
                                          struct store_rows *rows, int64_t *total,
                                          struct ct_err *err) CT_MUST_CHECK;

/* The goal goal_id into *goal and its library into *library_id; *found is false when
 * there is none. */
enum ct_status store_library_goal_get(struct store *store, int64_t goal_id, int64_t *library_id,
                                      struct library_goal_row *goal, bool *found,
                                      struct ct_err *err) CT_MUST_CHECK;

struct strategic_plan_view {
    int64_t id;
    char title[256];
    struct civil_date starts;
    struct civil_date ends;
};

/* The library's strategic plan (the one that starts last) into *plan; *found is false
 * when the library has none. */
enum ct_status store_strategic_plan_current(struct store *store, int64_t library_id,
                                            struct strategic_plan_view *plan, bool *found,
                                            struct ct_err *err) CT_MUST_CHECK;

/* *serves tells whether consultant_id is one of the library's consultants. */
enum ct_status store_library_serves(struct store *store, int64_t library_id, int64_t consultant_id,
                                    bool *serves, struct ct_err *err) CT_MUST_CHECK;

struct consultant_row {
    int64_t id;
    char name[256];
    char email[256];
};

/* The library's consultants by name into rows (of struct consultant_row). */
enum ct_status store_library_consultants(struct store *store, int64_t library_id,
                                         struct store_rows *rows, struct ct_err *err) CT_MUST_CHECK;

/* The library holding external_id into *library_id, 0 when none does. */
enum ct_status store_library_external_id_holder(struct store *store, const char *external_id,
                                                int64_t *library_id,
                                                struct ct_err *err) CT_MUST_CHECK;

#endif
