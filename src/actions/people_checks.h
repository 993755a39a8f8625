/*
 * people_checks: what the people actions (people.h) share: reading typed roles,
 * positions and e-mail addresses, the library a person is added to or moved to, and who
 * may act on a library's people.
 */
#ifndef CERTTRACK_ACTIONS_PEOPLE_CHECKS_H
#define CERTTRACK_ACTIONS_PEOPLE_CHECKS_H

#include "../store/store_person_admin.h"
#include "action.h"

/* The value, or NULL when it is left out (NULL or ""). */
const char *people_given(const char *value);

/* True when text looks like an e-mail address (something@domain.tld, no spaces). */
bool people_looks_like_email(const char *text);

/* Reads typed roles (people.h, field "roles") into held (ROLE_COUNT) and *count, noting
 * each fault as one of field "roles". */
void people_read_roles(const char *text, struct person_role_held *held, size_t *count,
                       struct action_outcome *outcome);

/* The bits of held (count of them). */
unsigned people_role_bits(const struct person_role_held *held, size_t count);

/* Reads a typed position ("staff", "trustee", "none") into *position ("staff",
 * "trustee" or "" for none); a fault of "position" when it is none of them. */
void people_read_position(const char *text, const char **position, struct action_outcome *outcome);

/* Notes a fault of "position" unless position ("staff", "trustee", "") suits a person of
 * library_id (0: none): staff or trustee at a library, none elsewhere. */
void people_check_position(const char *position, int64_t library_id,
                           struct action_outcome *outcome);

/* Reads library library_id into *library and notes a fault of field when there is none
 * or it is closed. */
enum ct_status people_check_library(struct store *store, int64_t library_id, const char *field,
                                    struct library_officers *library,
                                    struct action_outcome *outcome) CT_MUST_CHECK;

/* CT_OK when actor may act on the people of library_id (0: no library): the coordinator
 * always, a library administrator for their own library; else refuses with
 * ACTION_NOT_ALLOWED saying what they may not do ("add a person"). */
enum ct_status people_may_act(const struct actor *actor, int64_t library_id, const char *doing,
                              struct action_outcome *outcome) CT_MUST_CHECK;

/* Reads person_id into *person; refuses with ACTION_NOT_FOUND (field) when there is no
 * such person. */
enum ct_status people_find(struct store *store, int64_t person_id, const char *field,
                           struct person_view *person,
                           struct action_outcome *outcome) CT_MUST_CHECK;

/* The moment now (Unix seconds) as ISO 8601 UTC ("2026-03-01T12:00:00Z"). */
void people_timestamp(int64_t now, char out[32]);

#endif
