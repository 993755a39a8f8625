/*
 * certificate_reissue: the CE coordinator issues a certificate's documents again after
 * the holder's name changed (action_certificate_reissue), in steps that work without
 * JavaScript:
 *
 *   GET  /certificates/{id}/reissue   the form: what a reissue does, the name the
 *                                     documents print and the holder's name now, and
 *                                     the reason to give
 *   POST /certificates/{id}/reissue   step=check (or none): checks it without keeping
 *                                     it; a fault shows the form again (400), each field
 *                                     marked; else the confirmation page (what will
 *                                     happen, the reason), with "Reissue the documents"
 *                                     and "Change the reason"; step=change: the form
 *                                     again with what was typed; step=confirm: reissues,
 *                                     back to /certificates/{id} saying so (reissued=1)
 *
 * A certificate that does not exist is 404; a revoked one 409.
 */
#ifndef CERTTRACK_WEB_PAGES_CERTIFICATE_REISSUE_H
#define CERTTRACK_WEB_PAGES_CERTIFICATE_REISSUE_H

#include "../html/html.h"
#include "../http/request.h"

enum ct_status page_certificate_reissue(struct web_request *request, struct web_response *response,
                                        int64_t id) CT_MUST_CHECK;

enum ct_status page_certificate_reissue_submit(struct web_request *request,
                                               struct web_response *response,
                                               int64_t id) CT_MUST_CHECK;

/* The versions of certificate id's documents as a table, the newest first (the number,
 * the day issued, the name printed, the reason, the verification code linking to its
 * public check, when superseded); nothing when there is only the first. */
enum ct_status certificate_versions_table(struct web_request *request, struct html *h,
                                          int64_t id) CT_MUST_CHECK;

#endif
