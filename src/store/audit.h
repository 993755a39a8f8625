/*
 * audit: the append-only audit trail, with a hash chain.
 *
 * Every change to the record appends one entry: when, who, which entity, what action,
 * and the values before and after (JSON). Each entry's hash covers its own fields and
 * the previous entry's hash, and audit_head keeps the newest id and hash, so that an
 * edited, inserted or deleted row (including the last one) breaks the chain and
 * audit_verify() names the first bad entry. Entries are written inside the caller's
 * transaction, so a change and its entry are saved together or not at all.
 */
#ifndef CERTTRACK_AUDIT_H
#define CERTTRACK_AUDIT_H

#include <stdint.h>

#include "db.h"

/* The value stored as actor_id when the system itself acts (migrations, harvest). */
#define AUDIT_ACTOR_SYSTEM 0

struct audit_entry {
    int64_t actor_id;   /* a person's id, or AUDIT_ACTOR_SYSTEM */
    const char *entity; /* table name: "tracks", "activities", ... */
    int64_t entity_id;
    const char *action;      /* "create", "submit", "verify", ... */
    const char *before_json; /* the values before, or NULL for a new entity */
    const char *after_json;  /* the values after, or NULL for a deleted entity */
};

/* Appends entry (borrowed) at time at ("YYYY-MM-DDTHH:MM:SSZ"). Must run inside a
 * transaction (db_begin). */
enum ct_status audit_append(struct db *db, const struct audit_entry *entry, const char *at,
                            struct ct_err *err) CT_MUST_CHECK;

/* Checks the whole chain. On a break, returns CT_ERR_INPUT with a message naming the
 * first bad entry's id; *entries (may be NULL) is set to the number of entries read. */
enum ct_status audit_verify(struct db *db, int64_t *entries, struct ct_err *err) CT_MUST_CHECK;

#endif
