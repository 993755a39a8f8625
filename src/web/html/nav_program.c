#include "nav_program.h"

#include <string.h>

#include "../../core/banned.h"

struct nav_program_needs nav_program_needs_of(const struct program_set *programs,
                                              const struct track_row *tracks, size_t count)
{
    struct nav_program_needs needs = {false, false};
    for (size_t i = 0; i < count; i++) {
        const struct program *program = program_set_find(programs, tracks[i].program);
        if (program == NULL || !store_track_state_open(tracks[i].state)) {
            continue;
        }
        needs.plan = needs.plan || program->plan_required;
        needs.report = needs.report || program->final_report_required;
    }
    return needs;
}

bool nav_program_shows(const struct nav_program_needs *needs, const char *href)
{
    if (strcmp(href, "/plan") == 0) {
        return needs->plan;
    }
    if (strcmp(href, "/report") == 0) {
        return needs->report;
    }
    return true;
}
