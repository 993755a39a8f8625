/*
 * store_person_merge: two records of one person made one. Everything that names the
 * merged record moves to the kept one: activities, tracks, certificates, plan
 * signatures and the other marks of their hand (verified by, accepted by ...), sessions
 * and API tokens, LMS accounts, xAPI statements, account links and mail, second factors,
 * moves, offices and consultancies; roles are the union. The merged record keeps its
 * row, deactivated, with people.merged_into naming the kept one, and a person_merges row
 * says when and by whom. The audit trail keeps the merged id as it was.
 *
 * What the schema forbids is refused, naming it, and nothing changes: two activities
 * with one record key, or for one catalog event; two second factors.
 */
#ifndef CERTTRACK_STORE_PERSON_MERGE_H
#define CERTTRACK_STORE_PERSON_MERGE_H

#include "store.h"

/* Merges merged_id into kept_id at the timestamp at (ISO 8601 UTC), audited on both
 * ("merge", "merged-into"). The caller checked that both exist, differ, and that
 * kept_id is active and merged_id not merged already. A conflict is CT_ERR_INPUT with
 * err->where "person" and the activities, events or factors named in err->message. */
enum ct_status store_person_merge(struct store *store, int64_t actor_id, int64_t kept_id,
                                  int64_t merged_id, const char *at,
                                  struct ct_err *err) CT_MUST_CHECK;

#endif
