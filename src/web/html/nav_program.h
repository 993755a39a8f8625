/*
 * nav_program: the learner's links that follow the program. "Your plan" (/plan) and
 * "Final report" (/report) are shown only to someone with an open track whose program
 * asks for a plan, or a final report (program.h: plan_required, final_report_required):
 * a trustee, or a director on a renewal track, does not see them. The pages still answer
 * when their address is typed.
 */
#ifndef CERTTRACK_NAV_PROGRAM_H
#define CERTTRACK_NAV_PROGRAM_H

#include <stdbool.h>
#include <stddef.h>

#include "../../core/program.h"
#include "../../store/store_enrolment.h"

struct nav_program_needs {
    bool plan;   /* an open track's program asks for a plan */
    bool report; /* an open track's program asks for a final report */
};

/* What the open tracks among tracks (count of them, borrowed) ask for, by their programs
 * in programs (borrowed); a track of an unknown program asks for nothing. */
struct nav_program_needs nav_program_needs_of(const struct program_set *programs,
                                              const struct track_row *tracks, size_t count);

/* False for the link href ("/plan", "/report") when needs says its program does not ask
 * for it; true for every other link. */
bool nav_program_shows(const struct nav_program_needs *needs, const char *href);

#endif
