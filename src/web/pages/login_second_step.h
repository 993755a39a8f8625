/*
 * login_second_step: the second step of signing in, for a person with a confirmed second
 * factor (actions/second_factor.h), and the hold on a person who must set one up first.
 *
 * A half-done sign-in is a signed, short-lived cookie (certtrack_second_step): the person's
 * id and when it ends (LOGIN_SECOND_STEP_SECONDS), with an HMAC-SHA256 under the server's
 * second-step secret (store_secrets.h), so that any server on the same database accepts
 * it and nothing is kept per server. Its form carries a token bound to that cookie as the
 * sign-in form's is. Wrong codes are counted and slowed down as wrong passwords are
 * (store_login_wait_seconds), per person and per client address.
 */
#ifndef CERTTRACK_LOGIN_SECOND_STEP_H
#define CERTTRACK_LOGIN_SECOND_STEP_H

#include <stdbool.h>

#include "../http/request.h"

#define LOGIN_SECOND_STEP_SECONDS (5 * 60)

/* The server's key of the half-done sign-in's HMAC. */
#define STORE_SECRET_SECOND_STEP "second-step-hmac"

/* After person_id's right password: when they have a confirmed second factor, *asked is
 * true and response holds the second step's form (and its cookie); otherwise nothing is
 * written and the caller starts the session. */
enum ct_status login_second_step_begin(struct web_request *request, struct web_response *response,
                                       int64_t person_id, bool *asked) CT_MUST_CHECK;

/* POST /login/second-step: field code (a current code or a recovery code). */
enum ct_status page_login_second_step(struct web_request *request, struct web_response *response,
                                      int64_t id) CT_MUST_CHECK;

/* Before a signed-in person's request: when they must set up a second factor first
 * (second_factor_setup_required) and the request is not for that page, signing out or an
 * asset, *held is true and response sends them to /profile/second-factor (a page) or
 * answers 403 (the API). */
enum ct_status second_factor_hold(struct web_request *request, struct web_response *response,
                                  bool *held) CT_MUST_CHECK;

#endif
