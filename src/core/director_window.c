#include "director_window.h"

#include <string.h>

#include "banned.h"

struct civil_date director_window_end(struct civil_date hire_day, int window_years)
{
    return civil_date_is_set(hire_day) ? civil_date_add_years(hire_day, window_years)
                                       : civil_date_unset();
}

enum director_standing director_standing_on(bool certified, struct civil_date hire_day,
                                            int window_years, struct civil_date day)
{
    if (certified) {
        return DIRECTOR_CERTIFIED;
    }
    if (!civil_date_is_set(hire_day)) {
        return DIRECTOR_NO_HIRE_DAY;
    }
    if (civil_date_compare(day, director_window_end(hire_day, window_years)) >= 0) {
        return DIRECTOR_LATE;
    }
    return DIRECTOR_WITHIN_WINDOW;
}

bool director_certificate_in_force(struct civil_date issued, struct civil_date valid_until,
                                   bool revoked, struct civil_date day)
{
    return !revoked && civil_date_is_set(issued) && civil_date_compare(issued, day) <= 0 &&
           (!civil_date_is_set(valid_until) || civil_date_compare(day, valid_until) < 0);
}

/* Whether program, one of the director's chain, certifies with a certificate of
 * program_id: it is the program, or the program accepts it as a prerequisite. */
static bool chain_link_counts(const struct program *program, const char *program_id, bool first)
{
    if (strcmp(program->id, program_id) == 0) {
        return true;
    }
    for (size_t i = 0; !first && i < program->prerequisite_count; i++) {
        if (strcmp(program->prerequisites[i], program_id) == 0) {
            return true;
        }
    }
    return false;
}

bool director_certificate_counts(const struct program_set *set, const char *director_program,
                                 const char *program_id)
{
    if (set == NULL || director_program == NULL || program_id == NULL) {
        return false;
    }
    const struct program *program = program_set_find(set, director_program);
    /* The chain follows successors; it is at most as long as the set (a program that
     * succeeds itself ends it). */
    for (size_t step = 0; program != NULL && step <= set->count; step++) {
        if (chain_link_counts(program, program_id, step == 0)) {
            return true;
        }
        const struct program *next =
            program->successor != NULL ? program_set_find(set, program->successor) : NULL;
        program = next != program ? next : NULL;
    }
    return false;
}

const char *director_standing_name(enum director_standing standing)
{
    static const char *const names[DIRECTOR_STANDING_COUNT] = {"certified", "within", "late",
                                                               "no-hire-day"};
    return (unsigned)standing < DIRECTOR_STANDING_COUNT ? names[standing] : "";
}

const char *director_standing_label(enum director_standing standing)
{
    static const char *const labels[DIRECTOR_STANDING_COUNT] = {"Certified", "Within their window",
                                                                "Late", "No hire day recorded"};
    return (unsigned)standing < DIRECTOR_STANDING_COUNT ? labels[standing] : "";
}
