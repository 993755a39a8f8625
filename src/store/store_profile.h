/*
 * store_profile: what a person changes about themself (their name, their password) and
 * the whole record certtrack holds about them, as one JSON document (the download of
 * "my record").
 */
#ifndef CERTTRACK_STORE_PROFILE_H
#define CERTTRACK_STORE_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store.h"

/* Sets person_id's name (checked by the caller), audited as actor_id's "set-name".
 * CT_ERR_INPUT ("person") when there is no such person. */
enum ct_status store_person_name_set(struct store *store, int64_t actor_id, int64_t person_id,
                                     const char *name, struct ct_err *err) CT_MUST_CHECK;

/* Sets person_id's password (checked by the caller; only its Argon2id hash is kept),
 * audited as actor_id's "set-password" (the entry holds no hash). */
enum ct_status store_person_password_set(struct store *store, int64_t actor_id, int64_t person_id,
                                         const char *password, struct ct_err *err) CT_MUST_CHECK;

/* person_id's e-mail address into out (size bytes); *found is false when there is no
 * such person. */
enum ct_status store_person_email(struct store *store, int64_t person_id, char *out, size_t size,
                                  bool *found, struct ct_err *err) CT_MUST_CHECK;

/* Everything certtrack holds about person_id, as a JSON object text in *json (the caller
 * frees it; NULL when there is no such person): "person", "roles", "library", "tracks"
 * (each with "plan_versions" with their goals and items, and "final_report"),
 * "activities" (each with its "provenance"), "certificates". No password hash, second
 * factor secret, recovery code or session or token is part of it. */
enum ct_status store_person_record_json(struct store *store, int64_t person_id, char **json,
                                        struct ct_err *err) CT_MUST_CHECK;

/* A certificate of the person, as their profile lists it (with its transcript's link). */
struct store_own_certificate {
    int64_t id;
    char number[64];
    char program[64];
    char issued[16]; /* YYYY-MM-DD */
    bool revoked;
};

/* person_id's certificates, newest first, into rows (started as
 * {.size = sizeof (struct store_own_certificate)}; the caller releases it). */
enum ct_status store_person_certificates(struct store *store, int64_t person_id,
                                         struct store_rows *rows, struct ct_err *err) CT_MUST_CHECK;

#endif
