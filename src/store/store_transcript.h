/*
 * store_transcript: the transcript of an awarded certificate, gathered from the store.
 *
 * The certificate's track is evaluated by the rules engine as of the day it was issued,
 * on the record as it stood when the certificate was issued (store_record_evaluate_before
 * with the certificate's "issue" audit entry), so exactly as store_award evaluated it:
 * activities recorded later or verified later are not on it. The activities the engine
 * counted, with the credits it counted from each (after caps), become the rows. For a program that
 * requires a development plan, the goals of the plan version in force on that day come
 * with the library goals they served.
 */
#ifndef CERTTRACK_STORE_TRANSCRIPT_H
#define CERTTRACK_STORE_TRANSCRIPT_H

#include "../core/transcript.h"
#include "store.h"
#include "store_award.h"

/* Fills t (set up by transcript_init and empty) for certificate (borrowed, as found by
 * store_certificate_find). Everything t points to is then owned by t's arena: the caller
 * frees it with transcript_release, also after a failure. Reads one consistent snapshot
 * (its own read transaction, or the caller's). Fails with CT_ERR_INPUT when the program
 * is unknown, when the audit trail has no "issue" entry for the certificate, or when the
 * rows do not add up to the certificate's credits (the program's rules changed since). */
enum ct_status store_transcript_load(struct store *store,
                                     const struct certificate_record *certificate,
                                     struct transcript *t, struct ct_err *err) CT_MUST_CHECK;

#endif
