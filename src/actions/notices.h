/*
 * notices: the notices the actions send when something happens (mail/mail_notices.h),
 * each from its own template, to the person it concerns:
 *
 *   to the learner's verifier (their supervisor; core/verifier_rule.h decides who):
 *     a plan submitted to sign, a claim to verify;
 *   to the learner: their plan signed for the library or returned (with the comment),
 *     claims rejected (with the reason), their final report accepted or returned (with
 *     the comment), their track returned (with the comment), a certificate awarded
 *     (with the links to its PDF, its credential and its public check);
 *   to every CE coordinator: a track sent for the award, a final report submitted.
 *
 * Each is kept inside the transaction of the action that causes it, so that the change
 * and its notice are kept or lost together. Nobody is told of their own act, and a
 * notice that cannot be sent (its kind turned off, no e-mail address) is no failure.
 * Every link starts with the public-url setting. Every pointer is borrowed.
 */
#ifndef CERTTRACK_ACTION_NOTICES_H
#define CERTTRACK_ACTION_NOTICES_H

#include "../store/store_activities.h"
#include "../store/store_award.h"
#include "../store/store_learning.h"
#include "../store/store_tracks.h"
#include "action.h"

/* A plan version submitted: its learner's verifier is asked to sign it. */
enum ct_status notices_plan_submitted(struct store *store, const struct actor *actor,
                                      const struct learning_version *version,
                                      struct ct_err *err) CT_MUST_CHECK;

/* A plan version signed for the library (approved when the learner has signed too). */
enum ct_status notices_plan_signed(struct store *store, const struct actor *actor,
                                   const struct learning_version *version, bool approved,
                                   struct ct_err *err) CT_MUST_CHECK;

/* A plan version returned to its learner with comment. */
enum ct_status notices_plan_returned(struct store *store, const struct actor *actor,
                                     const struct learning_version *version, const char *comment,
                                     struct ct_err *err) CT_MUST_CHECK;

/* A claim (activity_id, just added) waits for its learner's verifier. */
enum ct_status notices_claim_submitted(struct store *store, const struct actor *actor,
                                       int64_t activity_id, struct ct_err *err) CT_MUST_CHECK;

/* Claims rejected with reason: one notice per learner, listing their claims (count of
 * them, as read before the rejection). */
enum ct_status notices_claims_rejected(struct store *store, const struct actor *actor,
                                       const struct learning_activity *claims, size_t count,
                                       const char *reason, struct ct_err *err) CT_MUST_CHECK;

/* A track's final report submitted: every CE coordinator is told. */
enum ct_status notices_report_submitted(struct store *store, const struct actor *actor,
                                        const struct track_info *track,
                                        struct ct_err *err) CT_MUST_CHECK;

/* A track's final report accepted, or returned with comment (NULL when accepted). */
enum ct_status notices_report_reviewed(struct store *store, const struct actor *actor,
                                       const struct track_info *track, const char *comment,
                                       struct ct_err *err) CT_MUST_CHECK;

/* A track sent for the award: every CE coordinator is told. */
enum ct_status notices_track_submitted(struct store *store, const struct actor *actor,
                                       const struct track_info *track,
                                       struct ct_err *err) CT_MUST_CHECK;

/* A track returned to its learner with comment. */
enum ct_status notices_track_returned(struct store *store, const struct actor *actor,
                                      const struct track_info *track, const char *comment,
                                      struct ct_err *err) CT_MUST_CHECK;

/* A track awarded: its learner is told of the certificate award describes. */
enum ct_status notices_certificate_awarded(struct store *store, const struct actor *actor,
                                           const struct track_info *track,
                                           const struct award_result *award,
                                           struct ct_err *err) CT_MUST_CHECK;

/* A verified activity (before: as it was) corrected as correction says: its learner is
 * told the values before and after and the reason. */
enum ct_status notices_activity_corrected(struct store *store, const struct actor *actor,
                                          const struct learning_activity *before,
                                          const struct activity_correction *correction,
                                          struct ct_err *err) CT_MUST_CHECK;

/* A certificate's documents issued again (record: as they were before): its holder is
 * told the name printed now (new_name), the reason, and the links to the new PDF,
 * credential and public check (new_code). */
enum ct_status notices_certificate_reissued(struct store *store, const struct actor *actor,
                                            const struct certificate_record *record,
                                            const char *new_name, const char *new_code,
                                            const char *reason, struct ct_err *err) CT_MUST_CHECK;

#endif
