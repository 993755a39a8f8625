/*
 * api_accounts: invitations and password resets through the JSON API (accounts.h).
 */
#ifndef CERTTRACK_API_ACCOUNTS_H
#define CERTTRACK_API_ACCOUNTS_H

#include "../http/request.h"

/* POST /api/v1/people/{id}/invitation (CE coordinator, or the person's library
 * administrator; empty body or {}): invites the person: 201 {"person", "message_id",
 * "link"}, the link for the coordinator only. */
enum ct_status api_person_invitation(struct web_request *request, struct web_response *response,
                                     int64_t id) CT_MUST_CHECK;

/* POST /api/v1/password-reset {"email"} (no sign-in): 202 {"status": "accepted"},
 * whether or not the address names an account; 429 when the client asks too often. */
enum ct_status api_password_reset(struct web_request *request, struct web_response *response,
                                  int64_t id) CT_MUST_CHECK;

#endif
