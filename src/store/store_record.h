/*
 * store_record: a learner's track, read from the database into the evaluate input
 * contract (docs/evaluate.md), and evaluated. The rules engine is never re-implemented
 * here: the database record becomes the same JSON a person could write by hand, so
 * `certtrack evaluate --db` and `certtrack evaluate` on the exported record agree by
 * construction.
 */
#ifndef CERTTRACK_STORE_RECORD_H
#define CERTTRACK_STORE_RECORD_H

#include <jansson.h>

#include "../core/engine.h"
#include "../core/record.h"
#include "store.h"

/* Builds the evaluate input of a track as of a day. Activities are the person's
 * activities dated on or after the track's start; certificates are the person's
 * certificates that are not revoked. The caller owns *out (json_decref). */
enum ct_status store_record_json(struct store *store, int64_t track_id, struct civil_date as_of,
                                 json_t **out, struct ct_err *err) CT_MUST_CHECK;

/* Loads and evaluates a track as of a day. The caller frees *record and *evaluation. */
enum ct_status store_record_evaluate(struct store *store, int64_t track_id, struct civil_date as_of,
                                     struct learner_record **record, struct evaluation **evaluation,
                                     struct ct_err *err) CT_MUST_CHECK;

/* The same, on the record as the store held it when audit entry audit_id was written,
 * for example a certificate's "issue" entry (what store_award evaluated): activities
 * recorded after it are left out, and an activity verified, rejected or withdrawn since
 * has the status it had then. Plans, final reports and certificates are read as they
 * are now: what is done to them after as_of does not change what counted on it. */
enum ct_status store_record_evaluate_before(struct store *store, int64_t track_id,
                                            struct civil_date as_of, int64_t audit_id,
                                            struct learner_record **record,
                                            struct evaluation **evaluation,
                                            struct ct_err *err) CT_MUST_CHECK;

#endif
