/*
 * store_statewide: the statewide picture of certification, for the CE coordinator (every
 * library) and a consultant (the libraries they serve): the people on each program by the
 * engine's status of their track, the credits counted in each of the last twelve months,
 * and the counted credits that stop counting in the next calendar quarter, per person.
 * Every track is evaluated by the rules engine through store_compliance_each, as the
 * compliance report does; nothing here decides what counts. The directors' standing is
 * store_directors.h; the newly certified, store_newly_certified.h.
 */
#ifndef CERTTRACK_STORE_STATEWIDE_H
#define CERTTRACK_STORE_STATEWIDE_H

#include "../core/engine.h"
#include "store.h"

/* Who the picture covers; every field may be left zero (everyone). */
struct statewide_filter {
    const char *program;      /* borrowed; NULL: every program */
    const char *library_kind; /* borrowed; NULL: every kind of library */
    int64_t consultant_id;    /* non-zero: only the libraries this consultant serves */
};

/* The engine's track statuses (enum track_status), one count each. */
#define STATEWIDE_STATUS_COUNT 4

/* The open tracks (active, submitted, returned) of one program, by the status the engine
 * gives them on the day: people[TRACK_IN_PROGRESS] and so on. */
struct statewide_program_row {
    char program[64];
    int64_t people[STATEWIDE_STATUS_COUNT];
};

#define STATEWIDE_MONTHS 12

/* The credits counted on activities dated in one calendar month. */
struct statewide_month {
    struct civil_date first_day;
    int64_t counted_halves;
};

/* One person's counted credits that stop counting in the next quarter. */
struct statewide_expiring_row {
    int64_t person_id;
    char name[256];
    char library[256];
    int64_t halves;
    struct civil_date first_expiry; /* the first day on which some of them no longer count */
};

struct statewide_picture {
    struct civil_date day;
    /* statewide_program_row: every program of the store's set (the filter's alone when
     * it names one), in the set's order, then any other program a track names. */
    struct store_rows programs;
    /* The twelve months that end with the day's own, oldest first: the credits counted,
     * as the engine decides on the day, on each person's open tracks and on the tracks
     * certified since the first of those months, by the month of the activity's date.
     * An activity that counts on two of a person's tracks is counted once. */
    struct statewide_month months[STATEWIDE_MONTHS];
    /* The next calendar quarter, [quarter_start, quarter_end): the credits counted on the
     * day on open tracks whose first day of no longer counting falls in it (once per
     * person and activity), per person (statewide_expiring_row, by first_expiry, then
     * name, then person id), in all, and by the quarter's three months. */
    struct civil_date quarter_start;
    struct civil_date quarter_end;
    struct store_rows expiring;
    int64_t expiring_halves;
    int64_t expiring_by_month[3];
};

/* Reads the picture on day for filter (borrowed) into *out (the caller releases it with
 * statewide_picture_release, also on failure). */
enum ct_status store_statewide_picture(struct store *store, struct civil_date day,
                                       const struct statewide_filter *filter,
                                       struct statewide_picture *out,
                                       struct ct_err *err) CT_MUST_CHECK;

/* Frees what a picture holds; it is then empty. */
void statewide_picture_release(struct statewide_picture *picture);

#endif
