/*
 * person: one person's progress, read-only, for those who may see it.
 */
#ifndef CERTTRACK_PERSON_H
#define CERTTRACK_PERSON_H

#include <stdint.h>

#include "../http/request.h"

/* GET /people/{id}: the dashboard's summary of the person's current track. Open to
 * those web_may_see_person allows (the person, a CE coordinator, a supervisor or
 * library administrator of their library, their library's consultant); anyone else
 * gets 403, whether the person exists or not. */
enum ct_status page_person(struct web_request *request, struct web_response *response,
                           int64_t person_id) CT_MUST_CHECK;

/* POST /people/{id}/invite (the CE coordinator, or the person's library administrator):
 * sends the person an invitation (accounts.h) and goes back to their page saying to
 * which address; a refusal is the page again with its reason (403 not allowed, 409 an
 * invitation still open, a password already, deactivated). */
enum ct_status page_person_invite(struct web_request *request, struct web_response *response,
                                  int64_t person_id) CT_MUST_CHECK;

#endif
