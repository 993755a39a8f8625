/*
 * store_person_admin: keeping people as a program runs: their details and roles (with
 * the day each began), deactivation, moves between libraries (each a row of
 * person_library_moves), a library's director and board chair, and the verifier of each
 * person, derived from those officers (verifier_rule.h) unless set by hand.
 *
 * Every change here is audited and, when it can change who verifies whom (a position,
 * a library's membership, its officers), recomputes people.verifier_id for the people
 * of the libraries concerned; the engine and the claims read only that column. Each
 * function runs in a transaction of its own, or as a savepoint of the caller's.
 */
#ifndef CERTTRACK_STORE_PERSON_ADMIN_H
#define CERTTRACK_STORE_PERSON_ADMIN_H

#include <stdbool.h>

#include "../core/role.h"
#include "store.h"

#define PERSON_TEXT_MAX 256

/* A role a person holds and the day it began (unset: not recorded). */
struct person_role_held {
    unsigned bit;
    struct civil_date began;
};

/* A person as the people pages and the API show them. */
struct person_view {
    int64_t id;
    char name[PERSON_TEXT_MAX];
    char email[PERSON_TEXT_MAX];
    int64_t library_id; /* 0 when none */
    char library_name[PERSON_TEXT_MAX];
    char position[16]; /* "staff", "trustee", "" when none */
    int64_t verifier_id;
    char verifier_name[PERSON_TEXT_MAX];
    bool verifier_by_hand;
    char deactivated_at[40]; /* "" while active */
    int64_t merged_into;     /* 0 when not merged */
    unsigned roles;          /* role bits */
    struct person_role_held held[ROLE_COUNT];
    size_t held_count; /* in the order of role_table */
};

/* Reads person id into *person; *found is false when there is no such person. */
enum ct_status store_person_get(struct store *store, int64_t id, struct person_view *person,
                                bool *found, struct ct_err *err) CT_MUST_CHECK;

/* A change of a person's details: each NULL field is left as it is. */
struct person_change {
    int64_t person_id;
    const char *name;
    const char *email;
    const char *position; /* "staff", "trustee", or "" for none */
    bool roles_given;     /* replace the roles with held (held_count of them) */
    struct person_role_held held[ROLE_COUNT];
    size_t held_count;
};

/* Applies change, audited ("edit"); a role kept whose began is unset keeps its day. A
 * taken e-mail is CT_ERR_INPUT where "email". Recomputes the verifiers of the person's
 * library. */
enum ct_status store_person_update(struct store *store, int64_t actor_id,
                                   const struct person_change *change,
                                   struct ct_err *err) CT_MUST_CHECK;

/* Records the roles' days (held, held_count of them) of a person just created. */
enum ct_status store_person_roles_began(struct store *store, int64_t person_id,
                                        const struct person_role_held *held, size_t held_count,
                                        struct ct_err *err) CT_MUST_CHECK;

/* Deactivates person_id at the timestamp at (ISO 8601 UTC), audited ("deactivate"): they
 * keep their record and can no longer sign in. An office they hold (director, board
 * chair) is left empty, and their library's verifiers are recomputed. */
enum ct_status store_person_deactivate(struct store *store, int64_t actor_id, int64_t person_id,
                                       const char *at, struct ct_err *err) CT_MUST_CHECK;

/* Moves person_id to library to_library_id (0: none) on moved_on, with position ("staff",
 * "trustee" or NULL to keep theirs; none when the move leaves every library): a row of
 * person_library_moves, audited ("move"). Offices held at the old library are left
 * empty; the verifiers of both libraries are recomputed. */
enum ct_status store_person_move(struct store *store, int64_t actor_id, int64_t person_id,
                                 int64_t to_library_id, struct civil_date moved_on,
                                 const char *position, struct ct_err *err) CT_MUST_CHECK;

/* A move, as the person page lists them. */
struct person_move_row {
    int64_t id;
    char from_library[PERSON_TEXT_MAX]; /* "" when none */
    char to_library[PERSON_TEXT_MAX];
    char moved_on[16];
    char recorded_by[PERSON_TEXT_MAX]; /* "" for the system */
};

/* person_id's moves, oldest first, into rows (of struct person_move_row). */
enum ct_status store_person_moves(struct store *store, int64_t person_id, struct store_rows *rows,
                                  struct ct_err *err) CT_MUST_CHECK;

/* A library as its officers are set: its name, whether it is closed, its officers. */
struct library_officers {
    int64_t id;
    char name[PERSON_TEXT_MAX];
    bool closed;
    int64_t director_id; /* 0 when none */
    int64_t board_chair_id;
};

/* Reads library id's officers; *found is false when there is no such library. */
enum ct_status store_library_officers_get(struct store *store, int64_t id,
                                          struct library_officers *library, bool *found,
                                          struct ct_err *err) CT_MUST_CHECK;

/* Names library_id's director and board chair (0: none), audited on the library
 * ("set-officers"), and recomputes its verifiers. The caller checked who they are. */
enum ct_status store_library_set_officers(struct store *store, int64_t actor_id, int64_t library_id,
                                          int64_t director_id, int64_t board_chair_id,
                                          struct ct_err *err) CT_MUST_CHECK;

/* Sets person_id's verifier by hand (verifier_id > 0; verifier_by_hand = 1), or, with 0,
 * returns them to the derived verifier (verifier_by_hand = 0, recomputed). Audited
 * ("set-verifier"). */
enum ct_status store_person_verifier_by_hand(struct store *store, int64_t actor_id,
                                             int64_t person_id, int64_t verifier_id,
                                             struct ct_err *err) CT_MUST_CHECK;

/* Recomputes people.verifier_id for the active people of library_id (0: nothing) whose
 * verifier is not set by hand, by verifier_rule; each change audited
 * ("derive-verifier"). */
enum ct_status store_library_derive_verifiers(struct store *store, int64_t actor_id,
                                              int64_t library_id, struct ct_err *err) CT_MUST_CHECK;

#endif
