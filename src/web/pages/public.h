/*
 * certificate_public: what anyone may ask about certificates, without an account.
 *
 *   GET /verify/{code}             the certificate's state: valid, expired (on or after
 *                                  valid until) or revoked (with the date and reason),
 *                                  with the holder, program, issue date and valid until.
 *                                  A page, or JSON with Accept: application/json. An
 *                                  unknown code says "not found" and nothing else.
 *                                  Rate-limited per client address (429).
 *   GET /.well-known/jwks.json     the issuer's public keys (JWK Set), each key's kid its
 *                                  address below
 *   GET /keys/{thumbprint}         the issuer's public key (a JWK) at the address that
 *                                  is the credentials' JWT header kid; 404 for another
 *   GET /issuer                    the issuer's Open Badges profile, naming its key as a
 *                                  verificationMethod
 *   GET /achievements/{program}    the program as an Open Badges Achievement
 *   GET /status/revocation         the revocation status list credential, signed
 *                                  (application/vc+jwt)
 */
#ifndef CERTTRACK_CERTIFICATE_PUBLIC_H
#define CERTTRACK_CERTIFICATE_PUBLIC_H

#include <stdbool.h>

#include "../../store/store_award.h"
#include "../http/request.h"

/* The code as issued: 32 characters of store_award's alphabet, upper case; spaces and
 * dashes people type are dropped. False when text cannot be one. */
bool certificate_code_normal(const char *text, char out[VERIFICATION_CODE_SIZE]);

/* GET /verify/{code}: the code is the path's last segment. */
enum ct_status page_certificate_verify(struct web_request *request, struct web_response *response,
                                       int64_t id) CT_MUST_CHECK;

/* GET /.well-known/jwks.json */
enum ct_status certificate_public_keys(struct web_request *request, struct web_response *response,
                                       int64_t id) CT_MUST_CHECK;

/* GET /keys/{thumbprint}: the thumbprint is the path's last segment. */
enum ct_status certificate_public_key(struct web_request *request, struct web_response *response,
                                      int64_t id) CT_MUST_CHECK;

/* GET /issuer */
enum ct_status certificate_issuer_profile(struct web_request *request,
                                          struct web_response *response, int64_t id) CT_MUST_CHECK;

/* GET /achievements/{program}: the program id is the path's last segment; 404 for a
 * program this server does not know. */
enum ct_status certificate_achievement(struct web_request *request, struct web_response *response,
                                       int64_t id) CT_MUST_CHECK;

/* GET /status/revocation */
enum ct_status certificate_revocation_list(struct web_request *request,
                                           struct web_response *response, int64_t id) CT_MUST_CHECK;

#endif
