/*
 * certificate_files: an awarded certificate's documents as downloads, for its holder
 * and for the CE coordinator (anyone else gets 404: the certificate's existence is not
 * theirs to learn here). A revoked certificate's PDF and credential are refused (410);
 * its transcript, which says it was revoked, stays.
 *
 *   GET /certificates/{id}/certificate.pdf   the printable certificate
 *   GET /certificates/{id}/transcript.pdf    its transcript (409 when the record no longer
 *                                            adds up to the certificate)
 *   GET /certificates/{id}/credential.jwt    the signed Open Badges 3.0 credential
 */
#ifndef CERTTRACK_CERTIFICATE_FILES_H
#define CERTTRACK_CERTIFICATE_FILES_H

#include <stdbool.h>
#include <stdint.h>

#include "../html/html.h"
#include "../http/request.h"

/* Writes the list items linking certificate id's documents, for its holder's and the
 * coordinator's pages: "<li><a href=... download>Certificate (PDF)</a></li>" ...; of a
 * revoked certificate, its transcript only. */
void certificate_files_list(struct html *h, int64_t id, bool revoked);

enum ct_status certificate_pdf_download(struct web_request *request, struct web_response *response,
                                        int64_t id) CT_MUST_CHECK;

enum ct_status certificate_transcript_download(struct web_request *request,
                                               struct web_response *response,
                                               int64_t id) CT_MUST_CHECK;

enum ct_status certificate_credential_download(struct web_request *request,
                                               struct web_response *response,
                                               int64_t id) CT_MUST_CHECK;

#endif
