/*
 * people: adding, editing, deactivating, moving and merging people, naming a library's
 * director and board chair, and setting a verifier by hand.
 *
 * Who may: the CE coordinator (or the system) for anyone; a library administrator for
 * the people of their own library (add, edit, deactivate, the library's officers, a
 * verifier by hand), giving only the roles learner, supervisor and library
 * administrator. Moving a person to another library and merging two records are the
 * coordinator's.
 *
 * The verifier of each person is derived from their library's officers
 * (verifier_rule.h): the store recomputes it whenever the officers, a position or the
 * library's membership change, unless it was set by hand. Moves, merges, officers and a
 * verifier by hand are people_officers.h.
 */
#ifndef CERTTRACK_ACTIONS_PEOPLE_H
#define CERTTRACK_ACTIONS_PEOPLE_H

#include "action.h"

/* A person's details as typed. On add, a field left out (NULL or "") is empty; on edit,
 * it is left as it is. */
struct person_input {
    int64_t person_id;    /* edit: the person (field "person") */
    const char *name;     /* field "name" */
    const char *email;    /* field "email" */
    int64_t library_id;   /* add: field "library" (0: none, or the administrator's own) */
    const char *position; /* field "position": "staff", "trustee" or "none" */
    /* field "roles": one role a line (or separated by commas), each its name
     * ("library-administrator") and, after a space, the day it began (YYYY-MM-DD) */
    const char *roles;
};

struct person_result {
    int64_t id;
};

/* Adds a person. Refusals: name empty; email empty, not an address, or taken; library
 * unknown or closed; position not staff or trustee for a person of a library (none for
 * anyone else); roles empty, unknown, repeated, or with a bad day; a library
 * administrator adding to another library, or giving a State Library role. */
enum ct_status action_person_add(struct store *store, const struct actor *actor,
                                 const struct person_input *input, struct person_result *result,
                                 struct action_outcome *outcome) CT_MUST_CHECK;

/* action_person_add's checks and addition inside a transaction the caller began
 * (action_begin) and ends (action_end), for an action that does more in the same one
 * (accounts.h: adding and inviting). The same refusals. */
enum ct_status action_person_add_within(struct store *store, const struct actor *actor,
                                        const struct person_input *input,
                                        struct person_result *result,
                                        struct action_outcome *outcome) CT_MUST_CHECK;

/* Edits input->person_id's details (the fields given). The same refusals as add, and
 * ACTION_NOT_FOUND for no such person, ACTION_WRONG_STATE for a merged record. */
enum ct_status action_person_edit(struct store *store, const struct actor *actor,
                                  const struct person_input *input,
                                  struct action_outcome *outcome) CT_MUST_CHECK;

struct person_id_input {
    int64_t person_id; /* field "person" */
};

/* Deactivates a person: they keep their record and certificates and cannot sign in.
 * Refused for oneself and for a person deactivated already (ACTION_WRONG_STATE). */
enum ct_status action_person_deactivate(struct store *store, const struct actor *actor,
                                        const struct person_id_input *input,
                                        struct action_outcome *outcome) CT_MUST_CHECK;

#endif
