/*
 * verifier_rule: who verifies whom at a library, derived from the library's officers
 * as RULES.md says: staff by their director, the director by the board chair, a trustee
 * by the board chair, and the board chair by another board member: the trustee of the
 * library who has served longest (the earliest day a role of theirs began; a trustee
 * without a known day comes after those with one; between equals, the lower id).
 *
 * A pure function of the library's active people and its two officers: no I/O. The
 * store recomputes people.verifier_id with it whenever the officers, a position or the
 * library's membership change (except for a verifier set by hand).
 */
#ifndef CERTTRACK_VERIFIER_RULE_H
#define CERTTRACK_VERIFIER_RULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "civil_date.h"

enum verifier_position {
    VERIFIER_POSITION_NONE, /* no position (State Library staff, or not recorded) */
    VERIFIER_POSITION_STAFF,
    VERIFIER_POSITION_TRUSTEE,
};

/* A person of the library, active (not deactivated). */
struct verifier_member {
    int64_t id;
    enum verifier_position position;
    struct civil_date serving_since; /* unset when not known */
};

/* The library's officers; 0 when the office is empty. */
struct verifier_officers {
    int64_t director_id;
    int64_t board_chair_id;
};

/* What the rule says of one member. */
struct verifier_choice {
    bool derived;        /* false: no rule applies (no position, not an officer): keep as is */
    int64_t verifier_id; /* when derived: the verifier, 0 when nobody fills the office */
};

/* The verifier of member (borrowed, one of members) among members (borrowed, count of
 * them) under officers. Nobody verifies themself: a rule that names the member gives 0. */
struct verifier_choice verifier_rule_choose(const struct verifier_officers *officers,
                                            const struct verifier_member *members, size_t count,
                                            const struct verifier_member *member);

/* The position named "staff" or "trustee" (NULL or anything else: NONE). */
enum verifier_position verifier_position_of(const char *name);

#endif
