/*
 * director_window: where a library's director stands with the certification the state
 * requires of them (docs/operations.md, "The statewide picture").
 *
 * A director must hold a director's certificate. A newly hired director has the window
 * of the director program (its window_years: 4 for msl-director-initial) from the day
 * they were hired to earn one. On a day, a director is:
 *   certified  a director's certificate is in force: issued on or before the day, the
 *              day before its valid_until, not revoked;
 *   within     not certified, and the day is before the window's end (the hire day
 *              plus the window's years: the first day they are late, as a track's
 *              deadline is the first day it has expired);
 *   late       not certified, and the window has ended;
 *   no hire day  not certified, and no hire day is recorded, so the window is unknown.
 * A director's certificate is one of the director program, of any program that follows
 * it (its successor, and theirs), or one that such a following program accepts as its
 * prerequisite (msl-director-renewal accepts msl-strategic): what a director renews on.
 */
#ifndef CERTTRACK_DIRECTOR_WINDOW_H
#define CERTTRACK_DIRECTOR_WINDOW_H

#include <stdbool.h>

#include "civil_date.h"
#include "program.h"

/* The program a newly hired director certifies under when nothing else is named. */
#define DIRECTOR_PROGRAM_DEFAULT "msl-director-initial"

enum director_standing {
    DIRECTOR_CERTIFIED,
    DIRECTOR_WITHIN_WINDOW,
    DIRECTOR_LATE,
    DIRECTOR_NO_HIRE_DAY,
};
#define DIRECTOR_STANDING_COUNT 4

/* The first day a director hired on hire_day is late: hire_day plus window_years
 * (civil_date_add_years); unset when hire_day is. */
struct civil_date director_window_end(struct civil_date hire_day, int window_years);

/* Where a director stands on day (see above). */
enum director_standing director_standing_on(bool certified, struct civil_date hire_day,
                                            int window_years, struct civil_date day);

/* Whether a certificate issued on issued, valid until valid_until (the first day it is
 * no longer valid), revoked or not, is in force on day. */
bool director_certificate_in_force(struct civil_date issued, struct civil_date valid_until,
                                   bool revoked, struct civil_date day);

/* Whether a certificate of program_id is a director's certificate, for the director
 * program director_program of set (both borrowed). False when set has no
 * director_program. */
bool director_certificate_counts(const struct program_set *set, const char *director_program,
                                 const char *program_id);

/* The stored name ("certified", "within", "late", "no-hire-day") and the words people
 * read ("Certified", "Within their window", "Late", "No hire day recorded"). */
const char *director_standing_name(enum director_standing standing);
const char *director_standing_label(enum director_standing standing);

#endif
