/*
 * tokens: a person's own API tokens, created and revoked in the browser.
 */
#ifndef CERTTRACK_TOKENS_H
#define CERTTRACK_TOKENS_H

#include "../http/request.h"

/* GET /tokens: the tokens, a form to create one and a button to revoke each. */
enum ct_status page_tokens(struct web_request *request, struct web_response *response,
                           int64_t id) CT_MUST_CHECK;

/* POST /tokens: action create (field name) or revoke (field token). */
enum ct_status page_tokens_submit(struct web_request *request, struct web_response *response,
                                  int64_t id) CT_MUST_CHECK;

#endif
