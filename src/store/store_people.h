/*
 * store_people: libraries, their strategic plans and goals, and people with roles.
 */
#ifndef CERTTRACK_STORE_PEOPLE_H
#define CERTTRACK_STORE_PEOPLE_H

#include "../core/role.h"
#include "store.h"

struct library_new {
    const char *name;
    const char *city;
    int64_t consultant_id; /* 0 when none */
};

struct strategic_plan_new {
    int64_t library_id;
    const char *title;
    struct civil_date starts;
    struct civil_date ends;
};

struct library_goal_new {
    int64_t strategic_plan_id;
    const char *code; /* e.g. "G1" */
    const char *title;
    const char *description;
};

struct person_new {
    const char *name;
    const char *email;
    int64_t library_id;       /* 0 when none (State Library staff) */
    int64_t verifier_id;      /* who verifies their credits; 0 when none yet */
    const char *const *roles; /* NULL-terminated */
    const char *password;     /* NULL: cannot log in; hashed with Argon2id, never stored */
};

/* What a person added through the people pages has beside struct person_new. */
struct person_details {
    const char *position; /* "staff", "trustee", or NULL (none) */
    /* The day each role began (borrowed; NULL, or one per role of roles, unset when not
     * known): a director's hire day starts the window in which they must certify. */
    const struct civil_date *roles_began;
};

enum ct_status store_library_create(struct store *store, int64_t actor_id,
                                    const struct library_new *library, int64_t *id,
                                    struct ct_err *err) CT_MUST_CHECK;

enum ct_status store_strategic_plan_create(struct store *store, int64_t actor_id,
                                           const struct strategic_plan_new *plan, int64_t *id,
                                           struct ct_err *err) CT_MUST_CHECK;

enum ct_status store_library_goal_create(struct store *store, int64_t actor_id,
                                         const struct library_goal_new *goal, int64_t *id,
                                         struct ct_err *err) CT_MUST_CHECK;

/* Creates a person. The e-mail must be unique (case-insensitively). */
enum ct_status store_person_create(struct store *store, int64_t actor_id,
                                   const struct person_new *person, int64_t *id,
                                   struct ct_err *err) CT_MUST_CHECK;

/* store_person_create with details (borrowed; NULL: none). With a position, the
 * verifiers of the person's library are derived again (store_person_admin.h). */
enum ct_status store_person_add(struct store *store, int64_t actor_id,
                                const struct person_new *person,
                                const struct person_details *details, int64_t *id,
                                struct ct_err *err) CT_MUST_CHECK;

/* Sets who verifies a person's credits. */
enum ct_status store_person_set_verifier(struct store *store, int64_t actor_id, int64_t person_id,
                                         int64_t verifier_id, struct ct_err *err) CT_MUST_CHECK;

/* Finds a person by id ("42") or e-mail (any case). Fails with CT_ERR_INPUT naming
 * what was given when there is no such person. */
enum ct_status store_person_find(struct store *store, const char *id_or_email, int64_t *id,
                                 struct ct_err *err) CT_MUST_CHECK;

/* Spends the work of checking password against a hash, for a sign-in whose address
 * names no one: the answer then takes as long as a wrong password's. */
void store_person_check_no_password(const char *password);

/* Checks a password against the stored hash; *matches is false for an unknown person,
 * a deactivated one or a person without a password, after the same work
 * (store_person_check_no_password). Constant time in the password. */
enum ct_status store_person_check_password(struct store *store, int64_t person_id,
                                           const char *password, bool *matches,
                                           struct ct_err *err) CT_MUST_CHECK;

/* Who a person is when they act: their name, library and roles. */
struct person_roles {
    char name[128];
    int64_t library_id; /* 0 when none */
    unsigned roles;     /* role bits (role.h) */
    bool active;        /* false once deactivated (or merged): they cannot sign in */
};

/* Reads person_id's name, library and roles into *person; *found is false when there is
 * no such person. */
enum ct_status store_person_get_roles(struct store *store, int64_t person_id,
                                      struct person_roles *person, bool *found,
                                      struct ct_err *err) CT_MUST_CHECK;

#endif
