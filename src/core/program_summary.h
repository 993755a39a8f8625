/*
 * program_summary: what a program asks for, in plain sentences, made from its data (the
 * program file), never written by hand per program: credits and window, category
 * minimums, the kinds it counts and their conversions, the prerequisite, the plan and
 * final report, and what follows the award. The enrolment page and the API show it.
 */
#ifndef CERTTRACK_PROGRAM_SUMMARY_H
#define CERTTRACK_PROGRAM_SUMMARY_H

#include <stddef.h>

#include "err.h"
#include "program.h"

#define PROGRAM_SUMMARY_MAX_LINES 16
#define PROGRAM_SUMMARY_LINE_SIZE 512

struct program_summary {
    char lines[PROGRAM_SUMMARY_MAX_LINES][PROGRAM_SUMMARY_LINE_SIZE];
    size_t count;
};

/* Writes program's summary (both borrowed; set names the programs it refers to) into
 * *summary, one sentence a line. Fails with CT_ERR_TOO_LARGE only when a sentence would
 * not fit (a program with very long category names). */
enum ct_status program_summary_make(const struct program *program, const struct program_set *set,
                                    struct program_summary *summary) CT_MUST_CHECK;

#endif
