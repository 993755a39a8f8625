/*
 * remind_claims: the reminders job's (remind.h) claims that wait for verification: one
 * message to each verifier listing the claims they have not been told of that waited
 * more than REMINDER_CLAIM_VERIFIER_DAYS, and one to each CE coordinator listing those
 * that waited more than REMINDER_CLAIM_COORDINATOR_DAYS. A message lists at most
 * REMIND_CLAIMS_LISTED claims and says how many more there are; every claim it counts is
 * recorded as told.
 */
#ifndef CERTTRACK_ACTIONS_REMIND_CLAIMS_H
#define CERTTRACK_ACTIONS_REMIND_CLAIMS_H

#include <stddef.h>
#include <stdint.h>

#include "remind_message.h"

/* Sends the claims' reminders as sending says (borrowed), with links under public_url
 * (borrowed), to the verifiers and to the coordinators (borrowed, count of them). */
enum ct_status remind_claims_send(const struct remind_sending *sending, const char *public_url,
                                  const int64_t *coordinators, size_t count,
                                  struct ct_err *err) CT_MUST_CHECK;

#endif
