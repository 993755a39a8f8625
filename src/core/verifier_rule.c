#include "verifier_rule.h"

#include <string.h>

#include "banned.h"

enum verifier_position verifier_position_of(const char *name)
{
    if (name != NULL && strcmp(name, "staff") == 0) {
        return VERIFIER_POSITION_STAFF;
    }
    if (name != NULL && strcmp(name, "trustee") == 0) {
        return VERIFIER_POSITION_TRUSTEE;
    }
    return VERIFIER_POSITION_NONE;
}

/* True when a has served longer than b: an earlier known day, or the same (or both
 * unknown) and the lower id. */
static bool serves_longer(const struct verifier_member *a, const struct verifier_member *b)
{
    bool a_known = civil_date_is_set(a->serving_since);
    bool b_known = civil_date_is_set(b->serving_since);
    if (a_known != b_known) {
        return a_known;
    }
    int order = a_known ? civil_date_compare(a->serving_since, b->serving_since) : 0;
    return order < 0 || (order == 0 && a->id < b->id);
}

/* The trustee who has served longest, other than the chair; 0 when there is none. */
static int64_t other_board_member(const struct verifier_member *members, size_t count,
                                  int64_t chair_id)
{
    const struct verifier_member *best = NULL;
    for (size_t i = 0; i < count; i++) {
        const struct verifier_member *candidate = &members[i];
        if (candidate->id == chair_id || candidate->position != VERIFIER_POSITION_TRUSTEE) {
            continue;
        }
        if (best == NULL || serves_longer(candidate, best)) {
            best = candidate;
        }
    }
    return best != NULL ? best->id : 0;
}

static struct verifier_choice chosen(int64_t verifier_id, int64_t member_id)
{
    return (struct verifier_choice){true, verifier_id != member_id ? verifier_id : 0};
}

struct verifier_choice verifier_rule_choose(const struct verifier_officers *officers,
                                            const struct verifier_member *members, size_t count,
                                            const struct verifier_member *member)
{
    if (officers->board_chair_id != 0 && member->id == officers->board_chair_id) {
        return chosen(other_board_member(members, count, member->id), member->id);
    }
    if (officers->director_id != 0 && member->id == officers->director_id) {
        return chosen(officers->board_chair_id, member->id);
    }
    if (member->position == VERIFIER_POSITION_TRUSTEE) {
        return chosen(officers->board_chair_id, member->id);
    }
    if (member->position == VERIFIER_POSITION_STAFF) {
        return chosen(officers->director_id, member->id);
    }
    return (struct verifier_choice){false, 0};
}
