/*
 * store_directors: where each open library's director stands with the certification the
 * state requires of them (core/director_window.h), per library and per kind of library,
 * for the statewide picture.
 *
 * A library's director is the person its officers name (libraries.director_id). Their
 * hire day is the day their library-administrator role began (person_roles.began) or,
 * when that is not recorded, the earliest day any of their roles began. Their window is
 * the director program's (its window_years), from the hire day.
 */
#ifndef CERTTRACK_STORE_DIRECTORS_H
#define CERTTRACK_STORE_DIRECTORS_H

#include "../core/director_window.h"
#include "store.h"
#include "store_statewide.h"

/* A library l's director's hire day, in SQL: the day their library-administrator role
 * began, else the earliest day a role of theirs began (NULL when none is recorded). The
 * statewide picture and the reminders both read it. */
#define STORE_DIRECTOR_HIRE_DAY_SQL                                                                \
    "COALESCE((SELECT r.began FROM person_roles r WHERE r.person_id = l.director_id"               \
    " AND r.role = 'library-administrator'), (SELECT MIN(r.began) FROM person_roles r"             \
    " WHERE r.person_id = l.director_id))"

struct director_row {
    int64_t library_id;
    char library[256];
    char kind[24];       /* libraries.kind: "public", "tribal-college", ... */
    int64_t director_id; /* 0: the library names no director; the rest is then empty */
    char director[256];
    struct civil_date hire_day;      /* unset when none is recorded */
    struct civil_date window_end;    /* the first day they are late; unset with hire_day */
    enum director_standing standing; /* only when director_id is not 0 */
};

/* One kind of library: its open libraries, those with no director named, and the
 * directors by standing (enum director_standing). */
struct director_kind_row {
    char kind[24];
    int64_t libraries;
    int64_t no_director;
    int64_t directors[DIRECTOR_STANDING_COUNT];
};

/* The kinds a library may be (the schema's, migration 11). */
#define DIRECTOR_KIND_COUNT 5

struct director_picture {
    struct store_rows libraries; /* director_row, by library name (case folded), then id */
    /* Every kind of library that has an open library the filter lets through, in the
     * schema's order (public, tribal-college, academic, school, special), then the
     * whole (kind "all"). */
    struct director_kind_row kinds[DIRECTOR_KIND_COUNT + 1];
    size_t kind_count;
};

/* Reads the standing on day of the director of every open library that filter (its kind
 * and consultant; the program does not apply) lets through, for the director program
 * director_program (borrowed: a program of the store's set, else CT_ERR_INPUT), into
 * *out (the caller releases it with director_picture_release, also on failure). */
enum ct_status store_directors_read(struct store *store, struct civil_date day,
                                    const char *director_program,
                                    const struct statewide_filter *filter,
                                    struct director_picture *out, struct ct_err *err) CT_MUST_CHECK;

void director_picture_release(struct director_picture *picture);

#endif
