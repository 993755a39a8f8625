/*
 * proofs: the files sent as proof of a claim (store_proofs.h), listed beside the claim
 * for the people who may see them (the learner, their verifier, a coordinator) and
 * downloaded by them; anyone else is told there is no such page.
 */
#ifndef CERTTRACK_PROOFS_H
#define CERTTRACK_PROOFS_H

#include "../html/html.h"
#include "../http/request.h"

/* The proofs of the activity and its earlier versions as a list of download links, each
 * with its name, type and size; "No proof was sent." when there is none and say_none.
 * The caller has checked that the signed-in person may see them. */
void page_proof_list(struct web_request *request, struct html *h, int64_t activity_id,
                     bool say_none);

/* GET /proofs/{id}: the proof's bytes as an attachment, with the type read from its
 * content (the server adds X-Content-Type-Options: nosniff); 404 for anyone but the
 * learner, their verifier and a coordinator, as for a proof that does not exist. */
enum ct_status page_proof_download(struct web_request *request, struct web_response *response,
                                   int64_t id) CT_MUST_CHECK;

#endif
