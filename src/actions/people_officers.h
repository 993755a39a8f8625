/*
 * people_officers: the people actions (people.h) that concern a library's director and
 * board chair, a verifier set by hand, a move to another library and the merge of two
 * records of one person.
 */
#ifndef CERTTRACK_ACTIONS_PEOPLE_OFFICERS_H
#define CERTTRACK_ACTIONS_PEOPLE_OFFICERS_H

#include "action.h"

struct person_move_input {
    int64_t person_id;    /* field "person" */
    int64_t library_id;   /* field "library": where they go (0: no library) */
    const char *moved_on; /* field "moved_on": YYYY-MM-DD, today when left out */
    const char *position; /* field "position": their position there, theirs when left out */
};

/* Moves a person to another library (the coordinator's). Refusals: library unknown,
 * closed, or theirs already; a bad day; a position missing or wrong; a deactivated
 * person (ACTION_WRONG_STATE). */
enum ct_status action_person_move(struct store *store, const struct actor *actor,
                                  const struct person_move_input *input,
                                  struct action_outcome *outcome) CT_MUST_CHECK;

struct person_merge_input {
    int64_t person_id; /* field "person": the record merged away */
    int64_t into_id;   /* field "into": the record kept */
};

/* Merges person_id into into_id (the coordinator's): store_person_merge.h. Refusals: a
 * person into themselves; into a deactivated or merged record; a record merged
 * already; a conflict the schema forbids, named (ACTION_WRONG_STATE). */
enum ct_status action_person_merge(struct store *store, const struct actor *actor,
                                   const struct person_merge_input *input,
                                   struct action_outcome *outcome) CT_MUST_CHECK;

struct library_officers_input {
    int64_t library_id;     /* field "library" */
    int64_t director_id;    /* field "director": 0 leaves the office empty */
    int64_t board_chair_id; /* field "board_chair": 0 leaves it empty */
};

/* Names a library's director and board chair. Refusals: library unknown or closed; the
 * director not an active staff member of it, the chair not an active trustee of it; a
 * library administrator of another library. */
enum ct_status action_library_officers(struct store *store, const struct actor *actor,
                                       const struct library_officers_input *input,
                                       struct action_outcome *outcome) CT_MUST_CHECK;

struct person_verifier_input {
    int64_t person_id;   /* field "person" */
    int64_t verifier_id; /* field "verifier": set by hand; 0 returns to the derived one */
};

/* Sets a person's verifier by hand, or returns them to the derived verifier. Refusals:
 * the person themself, an unknown or deactivated verifier. */
enum ct_status action_person_verifier(struct store *store, const struct actor *actor,
                                      const struct person_verifier_input *input,
                                      struct action_outcome *outcome) CT_MUST_CHECK;

#endif
